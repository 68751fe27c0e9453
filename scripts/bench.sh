#!/bin/sh
# make bench: every benchmark, figures on stdout. The SaudiNewsNet corpus is
# used when ../shared/data is present; the bundled examples otherwise.
set -eu
BUILD=${1:-build}
CORPUS=${MARSAD_BENCH_CORPUS:-../shared/data/corpus/saudinewsnet}
[ -d "$CORPUS" ] || CORPUS=examples/corpus
export MARSAD_BENCH_CORPUS="$CORPUS"
echo "== text layer (per core)"
"$BUILD/bench/text_bench" --benchmark_counters_tabular=true
echo "== ingest and search"
"$BUILD/bench/ingest_bench"
echo "== named-entity tagger (per core)"
"$BUILD/bench/ner_bench" --benchmark_counters_tabular=true
echo "== romanisation's beam search (per core)"
"$BUILD/bench/resolve_bench" --benchmark_counters_tabular=true
echo "== watch-list screening (per core)"
"$BUILD/bench/screen_bench" --benchmark_counters_tabular=true
echo "== quotes, claims and events extraction (per core, after NER)"
"$BUILD/bench/extract_bench" --benchmark_counters_tabular=true
