#!/bin/sh
# make demo: what marsad sees in one article, then the bundled corpus
# ingested into a fresh database and searched.
set -eu
BUILD=${1:-build}
MARSAD="$BUILD/marsad"
DB="$BUILD/demo.db"

echo "== marsad annotate --text examples/article.txt (numbers and dates)" >&2
"$MARSAD" annotate --text --published 2024-03-05 examples/article.txt |
  head -c 1500
echo " ..."

echo "== marsad ingest examples/corpus" >&2
rm -f "$DB" "$DB-wal" "$DB-shm"
"$MARSAD" --db "$DB" ingest examples/corpus
echo "== marsad docs" >&2
"$MARSAD" --db "$DB" docs
echo "== marsad search سوريا  (finds سورية too)" >&2
"$MARSAD" --db "$DB" search سوريا --limit 5
