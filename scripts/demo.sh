#!/bin/sh
# make demo: annotate the bundled synthetic article and show what marsad sees.
set -eu
BUILD=${1:-build}
echo "== marsad annotate --text examples/article.txt" >&2
"$BUILD/marsad" annotate --text --published 2024-03-05 examples/article.txt
