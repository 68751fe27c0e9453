#!/bin/sh
# The command-line contract, driven as a user drives it. $MARSAD is the binary.
set -u
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {  # check NAME CONDITION...
  name=$1; shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fails=$((fails + 1)); fi
}
contains() { grep -q -- "$2" "$1"; }

"$MARSAD" --help >"$tmp/help" 2>&1
check "help exits 0" test $? -eq 0
check "help names annotate" contains "$tmp/help" annotate
"$MARSAD" --version >"$tmp/version" 2>&1
check "version exits 0" test $? -eq 0
check "version prints a version" contains "$tmp/version" "marsad [0-9]"
"$MARSAD" no-such-command >/dev/null 2>"$tmp/err"
check "unknown command exits 1" test $? -eq 1
check "unknown command named" contains "$tmp/err" 'unknown command "no-such-command"'
printf 'محمد\377\n' | "$MARSAD" romanize >/dev/null 2>"$tmp/err"
check "romanize says its input had invalid UTF-8" contains "$tmp/err" "stdin line 1: 1 invalid UTF-8"
# match: a line that is not two names is named and scored by nothing (an
# empty line keeps the output aligned); the others are scored.
printf 'a\tb\tc\nمحمد\tmohammed\n\tmohammed\n' | "$MARSAD" match >"$tmp/out" 2>"$tmp/err"
check "match: a bad line makes exit 1" test $? -eq 1
check "match: three fields are named by line" contains "$tmp/err" "line 1: 3 tab-separated fields"
check "match: an empty name is named by line" contains "$tmp/err" "line 3: an empty name"
check "match: a bad line gets no score" test "$(sed -n 1p "$tmp/out")$(sed -n 3p "$tmp/out")" = ""
check "match: the good line is scored in its place" test "$(sed -n 2p "$tmp/out" | grep -c '^[01]\.[0-9]')" -eq 1

# Plain text: one document, offsets are characters into the text as given.
printf 'قال المتحدث إن نحو ٣٢ مقاتلا وصلوا أمس.\nوأضاف أن بين 200 و500 آخرين في الطريق.' >"$tmp/a.txt"
"$MARSAD" annotate --text --tokens --published 2024-03-05 "$tmp/a.txt" >"$tmp/out" 2>"$tmp/err"
check "annotate --text exits 0" test $? -eq 0
check "annotate prints one line" test "$(wc -l <"$tmp/out")" -eq 1
check "two sentences" contains "$tmp/out" '"sentences":\[{"end":39,"start":0'
check "Arabic-Indic number with its original text" contains "$tmp/out" '"text":"نحو ٣٢"'
check "relative date resolved" contains "$tmp/out" '"date":"2024-03-04"'
check "range found" contains "$tmp/out" '"high":500.0,"low":200.0'
check "tokens carry clitics" contains "$tmp/out" '"role":"conj"'
check "mentions are listed" contains "$tmp/out" '"mentions":\['
check "nothing on stderr" test ! -s "$tmp/err"
printf 'اعتقلت الشرطة في بغداد رجلا.' | "$MARSAD" annotate --text >"$tmp/out" 2>"$tmp/err"
check "a capital city is a place" contains "$tmp/out" '"text":"بغداد","type":"LOC"'
printf 'قدمت البعثة تقريرا للأمم المتحدة.' | "$MARSAD" annotate --text >"$tmp/out" 2>"$tmp/err"
check "a mention's name has the article ل took" contains "$tmp/out" '"name":"الأمم المتحدة","start"'
"$MARSAD" annotate --text --model "$tmp/no-such.model" "$tmp/a.txt" >/dev/null 2>"$tmp/err"
check "missing model exits 1" test $? -eq 1
check "missing model named" contains "$tmp/err" "no-such.model"

# JSON Lines: bad lines are reported by number and skipped, good ones annotated.
{
  echo '{"url":"u1","date":"2024-03-05","content":"وصل 3 آلاف مقاتل اليوم.","extra":1}'
  echo 'not json'
  echo '{"url":"u3"}'
  printf '{"url":"u4","content":"نص \377 معطوب"}\n'
} >"$tmp/in.jsonl"
"$MARSAD" annotate <"$tmp/in.jsonl" >"$tmp/out" 2>"$tmp/err"
check "bad JSON lines make exit 1" test $? -eq 1
check "good lines still annotated" test "$(wc -l <"$tmp/out")" -eq 2
check "unknown fields kept" contains "$tmp/out" '"extra":1'
check "line 2 named as invalid JSON" contains "$tmp/err" "line 2: not valid JSON"
check "line 3 named as missing text" contains "$tmp/err" "line 3: no \"text\""
check "invalid UTF-8 reported" contains "$tmp/err" "line 4: 1 invalid UTF-8"
check "invalid UTF-8 replaced" contains "$tmp/out" "�"

# Files as ingest reads them, and the date their top gives.
"$MARSAD" annotate --text examples/corpus/legacy-cp1256.txt >"$tmp/out" 2>"$tmp/err"
check "annotate reads Windows-1256" test "$(grep -c '�' "$tmp/out")" -eq 0
check "annotate finds names in Windows-1256" contains "$tmp/out" '"type":"LOC"'
"$MARSAD" annotate --text examples/article.txt >"$tmp/out" 2>"$tmp/err"
check "annotate dates a text by its dateline" contains "$tmp/out" '"published":"2024-02-15"'
check "annotate resolves yesterday from the dateline" contains "$tmp/out" '"date":"2024-02-14"'
echo '{"content":"وصل 3 آلاف مقاتل إلى بغداد اليوم.","url":"u"}' | "$MARSAD" annotate >"$tmp/out" 2>"$tmp/err"
check "annotate keeps the content field" contains "$tmp/out" '"content":"وصل'
check "an unattributed figure has source null" contains "$tmp/out" '"source":null'
echo '{"content":"<p>وصل الوفد إلى بغداد.</p><p>وغادر أمس.</p>"}' | "$MARSAD" annotate >"$tmp/out" 2>"$tmp/err"
check "annotate reads HTML content for its text, as ingest stores it" contains "$tmp/out" '"text":"وصل الوفد إلى بغداد.\\n\\nوغادر أمس."'
"$MARSAD" annotate --text --published 2024-13-40 "$tmp/a.txt" >/dev/null 2>"$tmp/err"
check "bad --published exits 1" test $? -eq 1
check "bad --published explained" contains "$tmp/err" "YYYY-MM-DD"
"$MARSAD" annotate --text "$tmp/missing.txt" >/dev/null 2>"$tmp/err"
check "missing file exits 1" test $? -eq 1
check "missing file named" contains "$tmp/err" "missing.txt: cannot open"
"$MARSAD" annotate --text --published 2024 "$tmp/a.txt" >/dev/null 2>"$tmp/err"
check "a year alone is no --published day" test $? -eq 1
"$MARSAD" annotate --text "$tmp" >/dev/null 2>"$tmp/err"
check "a directory given to annotate --text exits 1" test $? -eq 1
check "the directory is named" contains "$tmp/err" "is a directory"
echo '{"url":"u5","published":"2024-03","content":"وصل الوفد أمس."}' |
  "$MARSAD" annotate --published 2024-05-10 >"$tmp/out" 2>"$tmp/err"
check "a month of publication is kept as written" contains "$tmp/out" '"published":"2024-03"'
check "nor does --published anchor it" test "$(grep -c '"date":"2024-05-09"' "$tmp/out")" -eq 0
: >"$tmp/empty.txt"
"$MARSAD" annotate --text "$tmp/empty.txt" >"$tmp/out" 2>"$tmp/err"
check "empty file is an empty document" contains "$tmp/out" '"sentences":\[\]'
# A document in another language: named, and nothing read from it, as ingest does.
echo '{"id":"en","content":"The Jahash group claimed the attack on the police station in the city of Mosul, the Interior Ministry said on Sunday, adding that 12 people were killed."}' |
  "$MARSAD" annotate >"$tmp/out" 2>"$tmp/err"
check "annotate of English exits 0" test $? -eq 0
check "annotate names the English document" contains "$tmp/err" "not in Arabic"
check "annotate reads no names from English" contains "$tmp/out" '"mentions":\[\]'
check "annotate still finds the English document's sentences" contains "$tmp/out" '"sentences":\[{'

# The database commands over the bundled examples.
db="$tmp/ex.db"
"$MARSAD" --db "$db" ingest examples/corpus >"$tmp/out" 2>"$tmp/err"
check "ingest examples exits 0" test $? -eq 0
check "ingest reports entities" contains "$tmp/out" "entities [1-9]"
"$MARSAD" --db "$db" ingest >/dev/null 2>"$tmp/err"
check "ingest without paths exits 1" test $? -eq 1
check "ingest without paths says what it needs" contains "$tmp/err" "paths are required (or --reanalyze)"
"$MARSAD" --db "$db" --json ingest --reanalyze >"$tmp/out" 2>"$tmp/err"
check "ingest --reanalyze exits 0" test $? -eq 0
check "ingest --reanalyze analyses every stored document" contains "$tmp/out" '"analyzed":[1-9]'
# A surname two men of the examples share names neither of them alone.
"$MARSAD" --db "$db" entity رحيموف >/dev/null 2>"$tmp/err"
check "a name two entities share exits 1" test $? -eq 1
check "a name two entities share lists both" test "$(grep -c 'رحيموف (PER' "$tmp/err")" -eq 2
"$MARSAD" --db "$db" --json entity "جمشيد رحيموف" >"$tmp/out" 2>"$tmp/err"
check "the full name finds its man" contains "$tmp/out" '"name":"جمشيد رحيموف"'
"$MARSAD" --db "$db" --json entities --type LOC >"$tmp/out" 2>"$tmp/err"
check "entities --json exits 0" test $? -eq 0
check "entities are places only" test "$(grep -vc '"type":"LOC"' "$tmp/out")" -eq 0
check "a country has its English name" contains "$tmp/out" '"latin":"Syria"'
"$MARSAD" --db "$db" --json entity سورية >"$tmp/out" 2>"$tmp/err"
check "entity by another spelling exits 0" test $? -eq 0
check "entity profile has related entities" contains "$tmp/out" '"related":\[{'
"$MARSAD" --db "$db" entity "لا يوجد اسم كهذا" >/dev/null 2>"$tmp/err"
check "unknown entity exits 1" test $? -eq 1
check "unknown entity explained" contains "$tmp/err" "no entity"
"$MARSAD" --db "$db" --json search --type LOC سورية >"$tmp/out" 2>"$tmp/err"
check "search --type finds documents naming the place" contains "$tmp/out" '"doc":'
"$MARSAD" --db "$db" --json search --type PER سورية >"$tmp/out" 2>"$tmp/err"
check "search --type PER finds no person called Syria" test ! -s "$tmp/out"
"$MARSAD" --db "$db" --json claims --about مقاتل >"$tmp/out" 2>"$tmp/err"
check "claims --about finds fighters" contains "$tmp/out" '"counted":"مقاتل'
check "claims carry their sentence" contains "$tmp/out" '"sentence":"'
check "a figure attributed to no one has source null (SPEC)" contains "$tmp/out" '"source":null'
check "no claim's source is the outlet" test "$(grep -c '"kind":"outlet"' "$tmp/out")" -eq 0
"$MARSAD" --db "$db" --json quotes >"$tmp/out" 2>"$tmp/err"
check "quotes have speakers" contains "$tmp/out" '"speaker":{"id":'
"$MARSAD" --db "$db" --json timeline --from 2023 --to 2023-12 >"$tmp/out" 2>"$tmp/err"
check "timeline exits 0" test $? -eq 0
check "timeline stays in its range" test "$(grep -c '"date":"2024' "$tmp/out")" -eq 0
"$MARSAD" --db "$db" --json events >"$tmp/out" 2>"$tmp/err"
check "events name their participants" contains "$tmp/out" '"participants":\[{"id":'
check "events give their trigger word" contains "$tmp/out" '"trigger":"[^"]'
"$MARSAD" --db "$db" --json claims --groups --limit 3 >"$tmp/out" 2>"$tmp/err"
check "claims --groups prints topics with a verdict" contains "$tmp/out" '"verdict":"\(single\|agree\|conflict\)"'
check "claims --groups --limit 3 prints 3" test "$(wc -l <"$tmp/out")" -eq 3
"$MARSAD" --db "$db" claims --groups --doc 1 >/dev/null 2>"$tmp/err"
check "claims --groups refuses --doc" test $? -eq 1
check "and says why" contains "$tmp/err" "groups"
"$MARSAD" --db "$db" --json events --incidents >"$tmp/out" 2>"$tmp/err"
check "events --incidents lists the attack the examples tell twice" contains "$tmp/out" '"docs":2,.*"type":"attack"'
incident=$(grep '"type":"attack"' "$tmp/out" | head -1 | sed 's/.*"id":\([0-9]*\).*/\1/')
"$MARSAD" --db "$db" --json events --incident "$incident" >"$tmp/out" 2>"$tmp/err"
check "events --incident lists its two events" test "$(grep -c "\"incident\":$incident," "$tmp/out")" -eq 2
"$MARSAD" --db "$db" events --incidents --entity 1 >/dev/null 2>"$tmp/err"
check "events --incidents refuses --entity" test $? -eq 1
"$MARSAD" --db "$db" events --from 2023-02-30 >/dev/null 2>"$tmp/err"
check "impossible date refused" test $? -eq 1
"$MARSAD" --db "$db" events --from abcd >/dev/null 2>"$tmp/err"
check "a year that is no year refused" test $? -eq 1
"$MARSAD" --db "$db" timeline --to 2023-13 >/dev/null 2>"$tmp/err"
check "a month that is no month refused" test $? -eq 1
# A damaged file is the user's to repair: exit 1, the file named, not an
# internal error.
# Every page but the first overwritten: whatever the command reads is damaged.
cp "$db" "$tmp/damaged.db"
size=$(wc -c <"$tmp/damaged.db")
head -c $((size - 4096)) /dev/zero | tr '\0' x | dd of="$tmp/damaged.db" bs=4096 seek=1 conv=notrunc 2>/dev/null
"$MARSAD" --db "$tmp/damaged.db" docs >/dev/null 2>"$tmp/err"
check "a damaged database exits 1" test $? -eq 1
check "a damaged database is named" contains "$tmp/err" "damaged.db is damaged"
"$MARSAD" --db "$db" entity 99999999999999999999 >/dev/null 2>"$tmp/err"
check "an id past int64 is an unknown entity (exit 1)" test $? -eq 1
"$MARSAD" --db "$db" search --limit 0 سورية >/dev/null 2>"$tmp/err"
check "search --limit 0 refused" test $? -eq 1
"$MARSAD" --db "$tmp/two.db" ingest examples/corpus "$tmp/no-such-folder" >/dev/null 2>"$tmp/err"
check "ingest with a missing path exits 1" test $? -eq 1
check "the missing path is named" contains "$tmp/err" "no-such-folder"
"$MARSAD" --db "$db" export --format graphml >"$tmp/out" 2>"$tmp/err"
check "graphml has nodes and edges" contains "$tmp/out" "<edge source="
"$MARSAD" --db "$db" export --format csv --output "$tmp/csv" 2>"$tmp/err"
check "csv export writes claims" test -s "$tmp/csv/claims.csv"
check "csv claims name the outlet a figure is left to" contains "$tmp/csv/claims.csv" '"outlet"'
check "csv events carry their incident" contains "$tmp/csv/events.csv" ',trigger,sentence,incident'
"$MARSAD" --db "$db" events --type bogus >/dev/null 2>"$tmp/err"
check "an unknown event type is refused" test $? -eq 1
check "the event types are listed" contains "$tmp/err" "killed"
"$MARSAD" --db "$db" entities --name "" >/dev/null 2>"$tmp/err"
check "entities --name '' is refused, not every entity" test $? -eq 1
"$MARSAD" --db "$db" --json export >"$tmp/out" 2>"$tmp/err"
check "jsonl export has every kind" test "$(grep -o '"record":"[a-z]*"' "$tmp/out" | sort -u | wc -l)" -eq 5
"$MARSAD" --db "$db" --json export --format graphml >"$tmp/out" 2>"$tmp/err"
check "--json export --format graphml refused (XML is no JSON Lines)" test $? -eq 1
check "and nothing on stdout" test ! -s "$tmp/out"
check "and says why" contains "$tmp/err" "graphml prints XML"
"$MARSAD" --db "$db" export --format jsonl --min-docs 2 >"$tmp/out" 2>"$tmp/err"
check "export --min-docs without graphml refused, not ignored" test $? -eq 1
check "and says it is graphml's" contains "$tmp/err" "min-docs is for --format graphml"
"$MARSAD" --db "$db" export --format graphml --output "$tmp/g" >"$tmp/out" 2>"$tmp/err"
check "export --output without csv refused, not ignored" test $? -eq 1
# An id of 0 is no id: refused as --limit 0 is, not CLI11's range of doubles,
# and not read as "no filter".
for cmd in "claims --incident" "events --incident" "claims --entity" "quotes --doc"; do
  "$MARSAD" --db "$db" $cmd 0 >"$tmp/out" 2>"$tmp/err"
  check "$cmd 0 refused" test $? -eq 1
  check "$cmd 0 explained" contains "$tmp/err" "must be a whole number, at least 1"
  check "$cmd 0 prints no range" test "$(grep -c 'not in range' "$tmp/err")" -eq 0
done
# A title a spreadsheet would run as a formula is exported as text.
printf '{"url":"u9","title":"=SUM(1,2)","content":"@الوفد وصل إلى بغداد أمس."}\n' >"$tmp/formula.jsonl"
"$MARSAD" --db "$tmp/formula.db" ingest "$tmp/formula.jsonl" >/dev/null 2>"$tmp/err"
"$MARSAD" --db "$tmp/formula.db" export --format csv --output "$tmp/csv2" 2>"$tmp/err"
check "csv export defuses a formula" contains "$tmp/csv2/docs.csv" "\"'=SUM(1,2)\""
check "csv export keeps a text as written (offsets index it)" contains "$tmp/csv2/docs.csv" '"@الوفد'
check "csv export leaves no temporary file" test -z "$(ls "$tmp/csv2" | grep '\.tmp$')"
"$MARSAD" --db "$tmp/no-such.db" check >/dev/null 2>"$tmp/err"
check "check of a missing database exits 1" test $? -eq 1
check "check creates no database" test ! -e "$tmp/no-such.db"
"$MARSAD" --db "" docs >/dev/null 2>"$tmp/err"
check "an empty --db is refused (SQLite would use a temporary database)" test $? -eq 1
check "an empty --db is explained" contains "$tmp/err" "must not be empty"
"$MARSAD" --db "$db" claims --limit 0 >/dev/null 2>"$tmp/err"
check "claims --limit 0 refused" test $? -eq 1
check "claims --limit 0 explained" contains "$tmp/err" "at least 1"
"$MARSAD" --db "$db" screen --list "$tmp/no-list.xml" --name "" >/dev/null 2>"$tmp/err"
check "screen --name '' is refused, not the whole database" contains "$tmp/err" "--name: must not be empty"
if [ -w /dev/full ]; then
  "$MARSAD" --db "$db" --json docs >/dev/full 2>"$tmp/err"
  check "a failed write to stdout exits 1" test $? -eq 1
  check "a failed write to stdout is explained" contains "$tmp/err" "writing to standard output failed"
fi
# A damaged file: 4 KB overwritten halfway through.
cp "$db" "$tmp/damaged.db"
half=$(($(wc -c <"$tmp/damaged.db") / 2 / 4096 * 4096))
head -c 4096 /dev/zero | tr '\0' 'x' | dd of="$tmp/damaged.db" bs=4096 seek=$((half / 4096)) conv=notrunc 2>/dev/null
"$MARSAD" --db "$tmp/damaged.db" check >/dev/null 2>"$tmp/err"
check "check of a damaged database exits 1" test $? -eq 1
check "check names the damaged file" contains "$tmp/err" "damaged.db"
# A database file this user may not write, in a folder it may not write
# (root writes anything, so run as nobody where that is possible).
as_other() { "$@"; }
[ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null &&
  as_other() { setpriv --reuid nobody --regid nogroup --clear-groups "$@"; }
if [ "$(id -u)" -ne 0 ] || command -v setpriv >/dev/null; then
  mkdir "$tmp/ro"
  cp "$db" "$tmp/ro/ro.db"
  chmod 444 "$tmp/ro/ro.db"
  chmod 555 "$tmp/ro"
  chmod 755 "$tmp"
  as_other "$MARSAD" --db "$tmp/ro/ro.db" ingest examples/article.txt >/dev/null 2>"$tmp/err"
  check "ingest into a read-only file exits 1" test $? -eq 1
  check "ingest into a read-only file says so" contains "$tmp/err" "ro.db: the database file is read-only"
  as_other "$MARSAD" --db "$tmp/ro/ro.db" --json docs >"$tmp/out" 2>"$tmp/err"
  check "a read-only file in a read-only folder can be read" contains "$tmp/out" '"id":1'
  as_other "$MARSAD" --db "$tmp/ro/ro.db" check >/dev/null 2>"$tmp/err"
  check "check of a sound read-only file exits 0" test $? -eq 0
  chmod 755 "$tmp/ro"
  chmod 700 "$tmp"
fi
printf 'ORG\tجبهة\n' >"$tmp/bad-aliases.tsv"
"$MARSAD" --db "$db" ingest --aliases "$tmp/bad-aliases.tsv" examples/corpus >/dev/null 2>"$tmp/err"
check "bad alias file exits 1" test $? -eq 1
check "bad alias file names its line" contains "$tmp/err" "bad-aliases.tsv line 1"

# eval ner and train ner on a few synthetic sentences: Ahmed visited Baghdad,
# Ali said, the ministry in Damascus.
{
  echo '-DOCSTART- -X- -X- O'
  echo
  printf 'زار O\nأحمد B-PER\nبغداد B-LOC\n\n'
  echo '-DOCSTART- O'
  echo
  printf 'قال O\nعلي B-PER\n\nالوزارة B-ORG\nفي O\nدمشق B-LOC\n\n'
} >"$tmp/gold.conll"
"$MARSAD" --json eval ner "$tmp/gold.conll" >"$tmp/out" 2>"$tmp/err"
check "eval ner exits 0" test $? -eq 0
check "eval ner counts no -DOCSTART- line as a sentence" contains "$tmp/out" '"sentences":3,'
check "nor as a token" contains "$tmp/out" '"tokens":8,'
: >"$tmp/empty.conll"
"$MARSAD" eval ner "$tmp/empty.conll" >"$tmp/out" 2>"$tmp/err"
check "eval ner of an empty file exits 1" test $? -eq 1
check "eval ner of an empty file says so" contains "$tmp/err" "empty.conll: no sentences"
printf -- '-DOCSTART- -X- -X- O\n\n' >"$tmp/docstart.conll"
"$MARSAD" eval ner "$tmp/docstart.conll" >"$tmp/out" 2>"$tmp/err"
check "eval ner of document marks only exits 1" test $? -eq 1
"$MARSAD" eval extract "$tmp/empty.conll" >"$tmp/out" 2>"$tmp/err"
check "eval extract of an empty file exits 1" test $? -eq 1
check "eval extract of an empty file says so" contains "$tmp/err" "empty.conll: no documents"
"$MARSAD" eval ner "$tmp" >/dev/null 2>"$tmp/err"
check "eval ner of a directory exits 1" test $? -eq 1
check "eval ner of a directory says so" contains "$tmp/err" "is a directory"
"$MARSAD" eval extract "$tmp" >/dev/null 2>"$tmp/err"
check "eval extract of a directory exits 1" test $? -eq 1
check "eval extract of a directory says so" contains "$tmp/err" "is a directory"
"$MARSAD" train ner "$tmp/gold.conll" --names "$tmp" -o "$tmp/n.model" >/dev/null 2>"$tmp/err"
check "train ner --names of a directory says so" contains "$tmp/err" "is a directory"
"$MARSAD" train ner "$tmp/gold.conll" --epochs 1 -o "$tmp/no-such-dir/x.model" >/dev/null 2>"$tmp/err"
check "train ner to a missing folder exits 1" test $? -eq 1
check "train ner to a missing folder says so" contains "$tmp/err" "cannot write .*no-such-dir/x.model"
check "train ner to a missing folder fails before training" test "$(grep -c epoch "$tmp/err")" -eq 0
"$MARSAD" train ner "$tmp/gold.conll" --epochs 1 -o "$tmp/n.model" >/dev/null 2>"$tmp/err"
check "train ner exits 0" test $? -eq 0
check "train ner reports the epochs asked for" contains "$tmp/err" "pass 1 of 2 (sentences), epoch 1 of 1"
check "and names the document pass's own" contains "$tmp/err" "pass 2 of 2 (document), epoch 4 of 4"
check "train ner reports no epoch without its pass" test "$(grep -c 'ner: epoch' "$tmp/err")" -eq 0

# The name matcher trained and scored from the command line on synthetic pairs.
mkdir -p "$tmp/translit"
for rep in 1 2 3; do
  printf 'تيموروف\ttimurov\nغولنازار\tgulnazar\nراحيموف\trakhimov\nكاريموف\tkarimov\nنازاروف\tnazarov\nتيمور\ttimur\nجولنار\tgulnar\nساليموف\tsalimov\nتيمروف\ttimurov\nكريموف\tkarimov\n'
done >"$tmp/translit/google-ar2en-train.tsv"
"$MARSAD" train translit "$tmp/translit" --heldout 0.5 --iterations 2 -o "$tmp/tiny.model" >"$tmp/out" 2>"$tmp/err"
check "train translit exits 0" test $? -eq 0
"$MARSAD" eval translit "$tmp/translit" --model "$tmp/tiny.model" --errors >"$tmp/eval" 2>"$tmp/err"
check "eval translit exits 0" test $? -eq 0
al=$(grep '^eval arabic_latin' "$tmp/out" | sed 's/.*positives=\([0-9]*\).*/\1/')
check "eval translit splits as training did" test "$(grep -A1 '"arabic_latin"' "$tmp/eval" | grep -o '"positives": [0-9]*')" = "\"positives\": $al"
check "eval translit lists errors" contains "$tmp/eval" '"errors": \['
"$MARSAD" eval translit "$tmp/no-such-dir" --model "$tmp/tiny.model" >/dev/null 2>"$tmp/err"
check "eval translit without data exits 1" test $? -eq 1
check "eval translit names the folder" contains "$tmp/err" "no-such-dir"

# Word clusters from a folder of synthetic articles, and options refused. The
# words: said, the president, minister, foreign affairs, city, Aleppo,
# Damascus, Baghdad, company, oil, today, yesterday, meeting, with, in, on, a
# right, the right, the people, the government.
mkdir -p "$tmp/news"
for n in 1 2 3 4 5 6; do
  awk -v seed="$n" 'BEGIN {
    split("قال الرئيس وزير الخارجية مدينة حلب دمشق بغداد شركة النفط اليوم أمس اجتماع مع في على حق الحق الشعب الحكومة", w, " ")
    x = seed; for (i = 0; i < 300; i++) { x = (x * 1103 + 12345) % 65536; printf "%s ", w[1 + x % 20] } }' \
    >"$tmp/news/$n.txt"
done
"$MARSAD" train clusters "$tmp/news" --clusters 4 --dimensions 8 --epochs 1 --window 2 -o "$tmp/clusters.gz" \
  >/dev/null 2>"$tmp/err"
check "train clusters exits 0" test $? -eq 0
check "train clusters writes its header" test "$(gzip -dc "$tmp/clusters.gz" | head -c 18)" = "# marsad-clusters "
gzip -dc "$tmp/clusters.gz" >"$tmp/clusters.txt"
check "train clusters records the window" contains "$tmp/clusters.txt" "window=2"
"$MARSAD" train clusters "$tmp/news" --clusters 0 -o "$tmp/none.gz" >/dev/null 2>"$tmp/err"
check "train clusters --clusters 0 exits 1" test $? -eq 1
check "train clusters says why" contains "$tmp/err" "clusters must be"

[ "$fails" -eq 0 ] || { echo "$fails check(s) failed"; exit 1; }
