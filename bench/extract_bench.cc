// Extraction throughput per core, in MB/s of article text: quotes, claims
// and events over analyses and NER mentions computed beforehand (the text
// layer and the tagger have their own benchmarks).
#include <iostream>

#include <benchmark/benchmark.h>

#include "corpus.h"
#include "extract/extract.h"
#include "ner/ner.h"
#include "text/text.h"

namespace {

namespace tx = marsad::text;
namespace ner = marsad::ner;
namespace ex = marsad::extract;

struct Doc {
  tx::Analysis analysis;
  std::vector<ner::Mention> mentions;
  size_t bytes = 0;
};

const std::vector<Doc>* Docs() {
  static const std::vector<Doc>* docs = []() -> std::vector<Doc>* {
    std::string error;
    const auto tagger = ner::Tagger::Load(ner::DefaultModelPath(), &error);
    if (!tagger) {
      std::cerr << "extract_bench: " << error << "\n";
      return nullptr;
    }
    auto* out = new std::vector<Doc>;
    for (const std::string& d : marsad::bench::LoadCorpus(4u << 20)) {
      Doc doc;
      doc.bytes = d.size();
      doc.analysis = tx::Analyze(d, {.published = tx::Date{2015, 6, 1}});
      doc.mentions = tagger->Tag(doc.analysis);
      out->push_back(std::move(doc));
    }
    return out;
  }();
  return docs;
}

void BM_Extract(benchmark::State& state) {
  const std::vector<Doc>* docs = Docs();
  if (!docs) {
    state.SkipWithError("no model");
    return;
  }
  size_t bytes = 0, claims = 0, quotes = 0, events = 0;
  for (const Doc& d : *docs) bytes += d.bytes;
  for (auto _ : state) {
    claims = quotes = events = 0;
    for (const Doc& d : *docs) {
      const ex::Extraction x = ex::Extract(d.analysis, d.mentions, "2015-06-01");
      claims += x.claims.size();
      quotes += x.quotes.size();
      events += x.events.size();
      benchmark::DoNotOptimize(x);
    }
  }
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(bytes) / 1e6,
                                              benchmark::Counter::kIsIterationInvariantRate);
  state.counters["docs"] = static_cast<double>(docs->size());
  state.counters["claims"] = static_cast<double>(claims);
  state.counters["quotes"] = static_cast<double>(quotes);
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

// A megabyte of opening quotation marks that never close, without a newline:
// each mark looks ahead for its closing one, and the search must stay linear
// (each mark had searched the rest of the text for a newline: 31 s).
void BM_UnclosedQuotationMarks(benchmark::State& state) {
  std::string text;
  while (text.size() < (1u << 20)) text += "«";
  const tx::Analysis analysis = tx::Analyze(text, {});
  for (auto _ : state) benchmark::DoNotOptimize(ex::Extract(analysis, {}, "2015-06-01"));
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(text.size()) / 1e6,
                                              benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_UnclosedQuotationMarks)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
