#!/bin/sh
# Installs the Debian packages marsad builds and tests with. Idempotent and
# quiet when everything is present; runs apt-get as root or through sudo.
set -eu

PACKAGES="
  build-essential cmake ninja-build pkg-config
  libicu-dev libsqlite3-dev zlib1g-dev libzip-dev
  libgumbo-dev libxml2-dev nlohmann-json3-dev libcli11-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  iso-codes
  chromium fonts-noto-core
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
# The dashboard is built with node and npm (web/). A machine whose node came
# from elsewhere (NodeSource's nodejs ships npm) keeps it: Debian's npm would
# conflict with it.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
echo "marsad setup: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
