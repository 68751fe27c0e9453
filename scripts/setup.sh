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
"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
echo "marsad setup: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
