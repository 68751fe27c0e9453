// Text layer throughput per core, in bytes of input per second.
#include <benchmark/benchmark.h>

#include "corpus.h"
#include "text/text.h"

namespace {

namespace tx = marsad::text;

const std::vector<std::string>& Corpus() {
  static const std::vector<std::string> docs = marsad::bench::LoadCorpus(32u << 20);
  return docs;
}

const std::vector<std::string>& NormalizedCorpus() {
  static const std::vector<std::string> docs = [] {
    std::vector<std::string> out;
    for (const std::string& d : Corpus()) out.push_back(tx::Normalize(d).text);
    return out;
  }();
  return docs;
}

size_t Bytes(const std::vector<std::string>& docs) {
  size_t n = 0;
  for (const auto& d : docs) n += d.size();
  return n;
}

void BM_NormalizeDisplay(benchmark::State& state) {
  const auto& docs = Corpus();
  for (auto _ : state) {
    for (const auto& d : docs) benchmark::DoNotOptimize(tx::Normalize(d, tx::kDisplay));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes(docs)));
}
BENCHMARK(BM_NormalizeDisplay)->Unit(benchmark::kMillisecond);

void BM_NormalizeMatch(benchmark::State& state) {
  const auto& docs = Corpus();
  for (auto _ : state) {
    for (const auto& d : docs) benchmark::DoNotOptimize(tx::Normalize(d, tx::kMatch));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes(docs)));
}
BENCHMARK(BM_NormalizeMatch)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  const auto& docs = NormalizedCorpus();
  for (auto _ : state) {
    for (const auto& d : docs) benchmark::DoNotOptimize(tx::Tokenize(d));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes(docs)));
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

// The target: tokenise + sentences + numbers + dates over normalised text.
void BM_TokensSentencesNumbersDates(benchmark::State& state) {
  const auto& docs = NormalizedCorpus();
  for (auto _ : state) {
    for (const auto& d : docs) {
      const auto tokens = tx::Tokenize(d);
      benchmark::DoNotOptimize(tx::SplitSentences(d, tokens));
      benchmark::DoNotOptimize(tx::FindQuantities(d, tokens));
      benchmark::DoNotOptimize(tx::FindDates(d, tokens, tx::Date{2015, 7, 20}));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes(docs)));
}
BENCHMARK(BM_TokensSentencesNumbersDates)->Unit(benchmark::kMillisecond);

void BM_AnalyzeWhole(benchmark::State& state) {
  const auto& docs = Corpus();
  for (auto _ : state) {
    for (const auto& d : docs) {
      benchmark::DoNotOptimize(tx::Analyze(d, {.published = tx::Date{2015, 7, 20}}));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Bytes(docs)));
}
BENCHMARK(BM_AnalyzeWhole)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
