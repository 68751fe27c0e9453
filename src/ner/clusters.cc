// Word clusters from unlabelled text: skip-gram vectors with negative
// sampling (Mikolov et al. 2013) over stems, then k-means. Names of one kind
// (given names, cities, parties) end up in the same clusters, which is what
// lets the tagger recognise names it never saw labelled.
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "ner/internal.h"

namespace marsad::ner {

using namespace internal;

namespace {

// The vectors are learnt over stems of two letters at least, where the
// tagger's stems have three: الحق and بالحق (the right, with the right) count
// as حق (right) here, and the tagger, which keeps الحق whole, finds no
// corpus statistics for it. It is the stemming the shipped clusters file was
// made with, and measured the better one (models/README.md): over
// clusterings of seeds 1, 2 and 3, dev F1 with two letters 76.17 / 75.09 /
// 74.94, with three 73.21 / 74.48 / 74.23 (each the mean of three tagger
// seeds).
constexpr size_t kClusterStemLetters = 2;

uint64_t SplitMix(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

float Uniform(uint64_t* state) { return static_cast<float>(SplitMix(state) >> 40) / (1 << 24); }

// Articles as sequences of match keys of their words (Arabic and Latin).
std::vector<std::vector<std::string>> Words(const std::vector<std::string>& texts) {
  std::vector<std::vector<std::string>> docs;
  docs.reserve(texts.size());
  for (const std::string& t : texts) {
    const std::string norm = text::Normalize(text::RepairUtf8(t)).text;
    std::vector<std::string> words;
    for (const text::Token& token : text::Tokenize(norm)) {
      if (token.kind != text::TokenKind::kWord && token.kind != text::TokenKind::kLatin) continue;
      words.push_back(text::MatchKey(std::string_view(norm).substr(token.span.begin, token.span.size())));
    }
    docs.push_back(std::move(words));
  }
  return docs;
}

// Spherical k-means of unit rows `x` (n × d), each weighted; returns the
// cluster of each row and writes the unit centroids to *centroids.
std::vector<uint32_t> KMeans(const std::vector<float>& x, const std::vector<float>& weight,
                             size_t d, size_t k, int iterations, uint64_t seed,
                             std::vector<float>* centroids) {
  const size_t n = weight.size();
  k = std::min(k, n);
  centroids->assign(k * d, 0);
  // Initial centroids: rows spread evenly over the (frequency-sorted) input,
  // so that every part of the vocabulary seeds some clusters.
  uint64_t state = seed;
  for (size_t c = 0; c < k; ++c) {
    const size_t row = (c * n) / k + static_cast<size_t>(SplitMix(&state) % std::max<size_t>(1, n / k));
    std::copy_n(&x[std::min(row, n - 1) * d], d, &(*centroids)[c * d]);
  }
  std::vector<uint32_t> assign(n, 0);
  std::vector<double> sums(k * d);
  for (int it = 0; it < iterations; ++it) {
    for (size_t i = 0; i < n; ++i) {
      const float* v = &x[i * d];
      float best = -2;
      uint32_t arg = 0;
      for (size_t c = 0; c < k; ++c) {
        const float* m = &(*centroids)[c * d];
        float dot = 0;
        for (size_t j = 0; j < d; ++j) dot += v[j] * m[j];
        if (dot > best) {
          best = dot;
          arg = static_cast<uint32_t>(c);
        }
      }
      assign[i] = arg;
    }
    std::fill(sums.begin(), sums.end(), 0);
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < d; ++j) sums[assign[i] * d + j] += weight[i] * x[i * d + j];
    }
    for (size_t c = 0; c < k; ++c) {
      double norm = 0;
      for (size_t j = 0; j < d; ++j) norm += sums[c * d + j] * sums[c * d + j];
      if (norm == 0) continue;  // an empty cluster keeps its centroid
      norm = std::sqrt(norm);
      for (size_t j = 0; j < d; ++j) (*centroids)[c * d + j] = static_cast<float>(sums[c * d + j] / norm);
    }
  }
  return assign;
}

}  // namespace

bool CheckClusterOptions(const ClusterOptions& options, std::string* error) {
  if (options.clusters == 0 || options.clusters > 65530 || options.dimensions == 0 ||
      options.epochs == 0 || options.window == 0) {
    *error = "clusters must be 1 to 65530, and dimensions, epochs and window 1 at least";
    return false;
  }
  return true;
}

bool TrainClusters(const std::vector<std::string>& texts, const ClusterOptions& options,
                   const std::string& output, std::string* error) {
  const auto report = [&](const std::string& what) {
    if (options.progress) options.progress(what, options.progress_arg);
  };
  if (!CheckClusterOptions(options, error)) return false;
  const std::vector<std::vector<std::string>> docs = Words(texts);

  // Stems are chosen with the counts of whole words, as Lexicon::StemOf does
  // at tagging time with the counts of stems (there of three letters at
  // least; see kClusterStemLetters).
  Lexicon raw;
  {
    std::unordered_map<std::string, uint32_t> counts;
    for (const auto& doc : docs) {
      for (const std::string& w : doc) ++counts[w];
    }
    for (auto& [w, n] : counts) {
      CorpusStats s;
      s.count = n;
      raw.AddCorpus(w, s);
    }
  }
  struct StemCount {
    uint32_t count = 0;
    uint32_t article = 0;
  };
  std::unordered_map<std::string, StemCount> stems;
  std::unordered_map<std::string, std::string> stem_of;
  std::vector<std::vector<const std::string*>> stem_docs;
  for (const auto& doc : docs) {
    std::vector<const std::string*> sequence;
    sequence.reserve(doc.size());
    for (const std::string& w : doc) {
      auto it = stem_of.find(w);
      if (it == stem_of.end()) it = stem_of.emplace(w, raw.StemOf(w, kClusterStemLetters)).first;
      const std::string& stem = it->second;
      StemCount& c = stems[stem];
      ++c.count;
      // The article was stripped: ال or the لل of ل + ال before the stem.
      const size_t lost = w.size() >= stem.size() ? w.size() - stem.size() : 0;
      const std::string_view prefix = std::string_view(w).substr(0, lost);
      if (prefix.ends_with("ال") || prefix.ends_with("لل")) ++c.article;  // the article
      sequence.push_back(&stem);
    }
    stem_docs.push_back(std::move(sequence));
  }

  // The vocabulary, most frequent first (ties by spelling: deterministic).
  std::vector<const std::string*> vocab;
  for (const auto& [s, c] : stems) {
    if (c.count >= options.min_count) vocab.push_back(&s);
  }
  std::sort(vocab.begin(), vocab.end(), [&](const std::string* a, const std::string* b) {
    const uint32_t ca = stems[*a].count, cb = stems[*b].count;
    return ca != cb ? ca > cb : *a < *b;
  });
  if (vocab.size() < 4 * options.clusters) {
    *error = "too little text for word clusters: " + std::to_string(vocab.size()) +
             " stems occur " + std::to_string(options.min_count) + " times or more";
    return false;
  }
  std::unordered_map<const std::string*, uint32_t> index;
  for (size_t i = 0; i < vocab.size(); ++i) index[vocab[i]] = static_cast<uint32_t>(i);
  std::vector<std::vector<uint32_t>> corpus;
  uint64_t total = 0;
  for (const auto& doc : stem_docs) {
    std::vector<uint32_t> ids;
    for (const std::string* s : doc) {
      auto it = stems.find(*s);
      if (it->second.count < options.min_count) continue;
      ids.push_back(index[&it->first]);
    }
    total += ids.size();
    corpus.push_back(std::move(ids));
  }
  report("vocabulary: " + std::to_string(vocab.size()) + " stems, " + std::to_string(total) +
         " tokens");

  // Skip-gram with negative sampling.
  const size_t n = vocab.size(), d = options.dimensions;
  std::vector<double> counts(n);
  for (size_t i = 0; i < n; ++i) counts[i] = stems[*vocab[i]].count;
  std::vector<uint32_t> table;  // unigram^0.75 sampling table
  {
    const size_t size = 1u << 22;
    double norm = 0;
    for (double c : counts) norm += std::pow(c, 0.75);
    table.reserve(size);
    double acc = 0;
    size_t w = 0;
    for (size_t i = 0; i < size; ++i) {
      if (static_cast<double>(i) / size > acc / norm && w < n) acc += std::pow(counts[w++], 0.75);
      table.push_back(static_cast<uint32_t>(w == 0 ? 0 : w - 1));
    }
  }
  std::vector<float> keep(n);  // subsampling of frequent words (t = 1e-4)
  for (size_t i = 0; i < n; ++i) {
    const double f = counts[i] / static_cast<double>(total);
    keep[i] = static_cast<float>(std::min(1.0, (std::sqrt(f / 1e-4) + 1) * 1e-4 / f));
  }
  uint64_t state = options.seed;
  std::vector<float> in(n * d), out(n * d, 0);
  for (float& v : in) v = (Uniform(&state) - 0.5f) / static_cast<float>(d);
  const float start_rate = 0.025f;
  const uint64_t steps = total * options.epochs;
  uint64_t done = 0;
  std::vector<float> grad(d);
  std::vector<uint32_t> sentence;
  for (uint32_t epoch = 0; epoch < options.epochs; ++epoch) {
    for (const auto& doc : corpus) {
      sentence.clear();
      for (uint32_t w : doc) {
        if (Uniform(&state) < keep[w]) sentence.push_back(w);
      }
      done += doc.size();
      const float rate = std::max(start_rate * 1e-4f, start_rate * (1 - static_cast<float>(done) / steps));
      for (size_t i = 0; i < sentence.size(); ++i) {
        const uint32_t b = static_cast<uint32_t>(SplitMix(&state) % options.window);
        const size_t lo = i >= options.window - b ? i - (options.window - b) : 0;
        const size_t hi = std::min(sentence.size(), i + options.window - b + 1);
        for (size_t j = lo; j < hi; ++j) {
          if (j == i) continue;
          float* v = &in[size_t{sentence[j]} * d];
          std::fill(grad.begin(), grad.end(), 0.0f);
          for (int neg = 0; neg <= 5; ++neg) {
            uint32_t target = sentence[i];
            float label = 1;
            if (neg > 0) {
              target = table[SplitMix(&state) % table.size()];
              if (target == sentence[i]) continue;
              label = 0;
            }
            float* u = &out[size_t{target} * d];
            float dot = 0;
            for (size_t k = 0; k < d; ++k) dot += v[k] * u[k];
            const float g = (label - 1 / (1 + std::exp(-std::clamp(dot, -6.0f, 6.0f)))) * rate;
            for (size_t k = 0; k < d; ++k) {
              grad[k] += g * u[k];
              u[k] += g * v[k];
            }
          }
          for (size_t k = 0; k < d; ++k) v[k] += grad[k];
        }
      }
    }
    report("vectors: epoch " + std::to_string(epoch + 1) + " of " + std::to_string(options.epochs));
  }

  // Unit vectors, k-means at the finest level, then the centroids grouped
  // into the coarser levels so that the three levels nest.
  for (size_t i = 0; i < n; ++i) {
    double norm = 0;
    for (size_t k = 0; k < d; ++k) norm += double{in[i * d + k]} * in[i * d + k];
    norm = std::sqrt(norm) + 1e-12;
    for (size_t k = 0; k < d; ++k) in[i * d + k] = static_cast<float>(in[i * d + k] / norm);
  }
  std::vector<float> weights(n);
  for (size_t i = 0; i < n; ++i) weights[i] = static_cast<float>(std::log1p(counts[i]));
  std::vector<float> fine_centroids, centroids;
  const std::vector<uint32_t> fine =
      KMeans(in, weights, d, options.clusters, 12, options.seed, &fine_centroids);
  report("clusters: " + std::to_string(options.clusters));
  const size_t k_fine = fine_centroids.size() / d;
  std::vector<float> fine_weight(k_fine, 0);
  for (size_t i = 0; i < n; ++i) fine_weight[fine[i]] += weights[i];
  const size_t k_mid = std::max<size_t>(1, options.clusters / 4);
  const size_t k_coarse = std::max<size_t>(1, options.clusters / 16);
  const std::vector<uint32_t> mid =
      KMeans(fine_centroids, fine_weight, d, k_mid, 20, options.seed + 1, &centroids);
  const std::vector<uint32_t> coarse =
      KMeans(fine_centroids, fine_weight, d, k_coarse, 20, options.seed + 2, &centroids);

  std::string text = "# marsad-clusters 1 stem count article fine mid coarse; dimensions=" +
                     std::to_string(d) + " window=" + std::to_string(options.window) +
                     " epochs=" + std::to_string(options.epochs) +
                     " min_count=" + std::to_string(options.min_count) +
                     " seed=" + std::to_string(options.seed) + "\n";
  for (size_t i = 0; i < n; ++i) {
    const StemCount& c = stems[*vocab[i]];
    // Share of occurrences with the article in fifths, 1-5; 0 when too rare to say.
    const uint32_t article = c.count >= 10 ? 1 + std::min<uint32_t>(4, 5 * c.article / c.count) : 0;
    text += *vocab[i] + ' ' + std::to_string(c.count) + ' ' + std::to_string(article) + ' ' +
            std::to_string(fine[i] + 1) + ' ' + std::to_string(mid[fine[i]] + 1) + ' ' +
            std::to_string(coarse[fine[i]] + 1) + '\n';
  }
  gzFile f = gzopen(output.c_str(), "wb9");
  // gzip headers carry no time stamp when written by gzopen: the file is
  // reproducible byte for byte.
  if (!f || gzwrite(f, text.data(), static_cast<unsigned>(text.size())) !=
                static_cast<int>(text.size()) ||
      gzclose(f) != Z_OK) {
    *error = output + ": cannot write the clusters file";
    return false;
  }
  return true;
}

}  // namespace marsad::ner
