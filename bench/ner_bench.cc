// Tagger throughput per core, in tokens per second: features and Viterbi
// decoding over text already normalised, tokenised and split (the text
// layer has its own benchmark). Uses the shipped model.
#include <iostream>

#include <benchmark/benchmark.h>

#include "corpus.h"
#include "ner/ner.h"
#include "text/text.h"

namespace {

namespace tx = marsad::text;
namespace ner = marsad::ner;

struct Doc {
  std::string text;
  std::vector<tx::Token> tokens;
  std::vector<tx::Sentence> sentences;
};

const std::vector<Doc>& Docs() {
  static const std::vector<Doc> docs = [] {
    std::vector<Doc> out;
    for (const std::string& d : marsad::bench::LoadCorpus(4u << 20)) {
      Doc doc;
      doc.text = tx::Normalize(d).text;
      doc.tokens = tx::Tokenize(doc.text);
      doc.sentences = tx::SplitSentences(doc.text, doc.tokens);
      out.push_back(std::move(doc));
    }
    return out;
  }();
  return docs;
}

const ner::Tagger* LoadTagger() {
  static const std::unique_ptr<ner::Tagger> tagger = [] {
    std::string error;
    auto t = ner::Tagger::Load(ner::DefaultModelPath(), &error);
    if (!t) std::cerr << "ner_bench: " << error << "\n";
    return t;
  }();
  return tagger.get();
}

void BM_TagTokens(benchmark::State& state) {
  const ner::Tagger* tagger = LoadTagger();
  if (!tagger) {
    state.SkipWithError("no model");
    return;
  }
  const auto& docs = Docs();
  size_t tokens = 0;
  for (const Doc& d : docs) tokens += d.tokens.size();
  for (auto _ : state) {
    for (const Doc& d : docs) benchmark::DoNotOptimize(tagger->Tag(d.text, d.tokens, d.sentences));
  }
  state.counters["tokens/s"] = benchmark::Counter(
      static_cast<double>(tokens), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_TagTokens)->Unit(benchmark::kMillisecond);

void BM_LoadModel(benchmark::State& state) {
  for (auto _ : state) {
    std::string error;
    benchmark::DoNotOptimize(ner::Tagger::Load(ner::DefaultModelPath(), &error));
  }
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
