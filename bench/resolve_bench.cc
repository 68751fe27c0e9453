// Romanisation throughput: the beam search that spells a word the memory of
// whole words does not know, over 5,000 words of the shipped model's memory
// (the search itself, without the per-thread cache of decodings). Ingest
// romanises every entity's name; this search was a fifth of its time.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <vector>

#include "resolve/internal.h"
#include "resolve/resolve.h"

namespace {

using namespace marsad;

struct Fixture {
  resolve::Matcher::Model model;
  std::vector<std::string> words;  // Arabic letters (alphabet indices)
  std::string error;
};

const Fixture& Data() {
  static Fixture* f = [] {
    auto* f = new Fixture;
    if (!resolve::internal::ReadModel(resolve::DefaultModelPath(), true, &f->model, &f->error)) return f;
    for (const auto& [letters, latin] : f->model.romanizer.known) f->words.push_back(letters);
    std::sort(f->words.begin(), f->words.end());
    // Every k-th word, so that short and long words, and all first letters, are in.
    const size_t step = std::max<size_t>(1, f->words.size() / 5000);
    std::vector<std::string> sample;
    for (size_t i = 0; i < f->words.size() && sample.size() < 5000; i += step) sample.push_back(f->words[i]);
    f->words = std::move(sample);
    return f;
  }();
  return *f;
}

void BM_RomanizeSearch(benchmark::State& state) {
  const Fixture& f = Data();
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  size_t letters = 0;
  for (auto _ : state) {
    for (const std::string& w : f.words) {
      benchmark::DoNotOptimize(f.model.romanizer.Search(w));
      letters += w.size();
    }
  }
  const double words = static_cast<double>(state.iterations() * f.words.size());
  state.counters["words/s"] = benchmark::Counter(words, benchmark::Counter::kIsRate);
  state.counters["letters/word"] = static_cast<double>(letters) / words;
}
BENCHMARK(BM_RomanizeSearch)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
