#!/bin/sh
# make bench: every benchmark, figures on stdout. The SaudiNewsNet corpus is
# used when ../shared/data is present; the bundled examples otherwise.
set -eu
BUILD=${1:-build}
CORPUS=${MARSAD_BENCH_CORPUS:-../shared/data/corpus/saudinewsnet}
[ -d "$CORPUS" ] || CORPUS=examples/corpus
MARSAD_BENCH_CORPUS=$CORPUS "$BUILD/bench/text_bench" --benchmark_counters_tabular=true
