#!/bin/sh
# kill -9 at random moments of an ingest: the database must always open,
# pass its integrity check, and reach the full document count when the
# ingest is run again. $MARSAD is the binary.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A synthetic corpus: 40 JSON Lines files of 150 distinct short articles.
words="قال أكد الباحث المقاتلين سوريا العراق الحدود الهجوم المدينة الشرطة الحكومة مصادر أمنية نحو ألف مئة عشرات الماضي أمس الجماعة المسلحة اعتقال عودة اتفاق"
mkdir "$tmp/corpus"
f=0
while [ $f -lt 40 ]; do
  awk -v f=$f -v words="$words" 'BEGIN {
    n = split(words, w, " "); srand(f + 1);
    for (i = 0; i < 150; i++) {
      body = "";
      for (j = 0; j < 120; j++) body = body w[int(rand() * n) + 1] (j % 12 == 11 ? ". " : " ");
      printf "{\"url\":\"https://news.example/%d/%d\",\"title\":\"خبر %d-%d\",\"date\":\"2024-03-05\",\"source\":\"مصدر %d\",\"content\":\"%s وثيقة %d-%d.\"}\n", f, i, f, i, f % 5, body, f, i;
    }
  }' >"$tmp/corpus/part-$f.jsonl"
  f=$((f + 1))
done

# The count a clean ingest reaches.
"$MARSAD" --db "$tmp/clean.db" ingest "$tmp/corpus" >/dev/null 2>&1
expected=$("$MARSAD" --db "$tmp/clean.db" --json docs | wc -l)
[ "$expected" -gt 1000 ] || { echo "FAIL clean ingest stored only $expected documents"; exit 1; }

fails=0
round=0
while [ $round -lt 8 ]; do
  "$MARSAD" --db "$tmp/killed.db" ingest "$tmp/corpus" >/dev/null 2>&1 &
  pid=$!
  # 20 ms to 1.6 s into the run.
  sleep "0.$(( (round * 37 + 2) % 16 ))$(( round % 10 ))"
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  if [ -f "$tmp/killed.db" ]; then
    if ! "$MARSAD" --db "$tmp/killed.db" check >"$tmp/check" 2>&1; then
      echo "FAIL round $round: $(cat "$tmp/check")"; fails=$((fails + 1))
    fi
  fi
  round=$((round + 1))
done

"$MARSAD" --db "$tmp/killed.db" ingest "$tmp/corpus" >/dev/null 2>&1
got=$("$MARSAD" --db "$tmp/killed.db" --json docs | wc -l)
if [ "$got" -ne "$expected" ]; then
  echo "FAIL after kills and a rerun: $got documents, expected $expected"; fails=$((fails + 1))
fi
"$MARSAD" --db "$tmp/killed.db" check >/dev/null 2>&1 || { echo "FAIL final check"; fails=$((fails + 1)); }
# Running it once more adds nothing.
"$MARSAD" --db "$tmp/killed.db" ingest "$tmp/corpus" >/dev/null 2>&1
again=$("$MARSAD" --db "$tmp/killed.db" --json docs | wc -l)
[ "$again" -eq "$expected" ] || { echo "FAIL re-ingest changed the count to $again"; fails=$((fails + 1)); }

[ $fails -eq 0 ] && echo "ok   kill -9 during ingest: $expected documents, integrity kept" || exit 1
