// Training: the averaged structured perceptron (Collins 2002) with the same
// constrained Viterbi the tagger decodes with.
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "ner/internal.h"

namespace marsad::ner {

using namespace internal;

namespace {

// A sentence as the learner sees it: feature ids per word, gold labels.
struct Example {
  std::vector<uint32_t> ids;     // features of all words, concatenated
  std::vector<uint32_t> starts;  // word i's features are ids[starts[i], starts[i+1])
  std::vector<uint8_t> gold;
};

// splitmix64: a shuffle that is the same on every platform (std::shuffle's
// algorithm is left to the library).
uint64_t NextRandom(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

class Learner {
 public:
  explicit Learner(size_t features)
      : w_(features * kLabels, 0), u_(features * kLabels, 0), tw_{}, tu_{} {}

  void Scores(const Example& e, std::vector<float>* scores) const {
    const size_t n = e.gold.size();
    scores->assign(n * kLabels, 0);
    for (size_t i = 0; i < n; ++i) {
      float* s = &(*scores)[i * kLabels];
      for (uint32_t k = e.starts[i]; k < e.starts[i + 1]; ++k) {
        const float* w = &w_[size_t{e.ids[k]} * kLabels];
        for (int l = 0; l < kLabels; ++l) s[l] += w[l];
      }
    }
  }

  void Learn(const Example& e) {
    ++step_;
    Scores(e, &scores_);
    float transitions[kLabels + 1][kLabels];
    for (int p = 0; p <= kLabels; ++p) {
      for (int l = 0; l < kLabels; ++l) transitions[p][l] = static_cast<float>(tw_[p][l]);
    }
    Viterbi(scores_, transitions, e.gold.size(), &predicted_);
    if (predicted_ == e.gold) return;
    const double c = static_cast<double>(step_);
    int gp = kLabels, pp = kLabels;
    for (size_t i = 0; i < e.gold.size(); ++i) {
      const int g = e.gold[i], p = predicted_[i];
      if (g != p) {
        for (uint32_t k = e.starts[i]; k < e.starts[i + 1]; ++k) {
          const size_t f = size_t{e.ids[k]} * kLabels;
          w_[f + g] += 1;
          u_[f + g] += c;
          w_[f + p] -= 1;
          u_[f + p] -= c;
        }
      }
      if (g != p || gp != pp) {
        tw_[gp][g] += 1;
        tu_[gp][g] += c;
        tw_[pp][p] -= 1;
        tu_[pp][p] -= c;
      }
      gp = g;
      pp = p;
    }
  }

  // The averaged weights: w - u / c.
  void Averaged(std::vector<float>* weights, float (*transitions)[kLabels]) const {
    const double c = static_cast<double>(std::max<uint64_t>(step_, 1));
    weights->resize(w_.size());
    for (size_t i = 0; i < w_.size(); ++i) (*weights)[i] = static_cast<float>(w_[i] - u_[i] / c);
    for (int p = 0; p <= kLabels; ++p) {
      for (int l = 0; l < kLabels; ++l) {
        transitions[p][l] = static_cast<float>(tw_[p][l] - tu_[p][l] / c);
      }
    }
  }

 private:
  std::vector<float> w_;
  std::vector<double> u_;
  double tw_[kLabels + 1][kLabels];
  double tu_[kLabels + 1][kLabels];
  uint64_t step_ = 0;
  std::vector<float> scores_;
  std::vector<uint8_t> predicted_;
};

// Extracts features of every sentence: hashes, then ids of hashes seen at
// least min_count times in `train` (dev sentences use the same ids).
class Encoder {
 public:
  Encoder(const Tagger::Model& model) : features_(model.groups, &model.lexicon) {}

  std::vector<std::vector<uint64_t>> Hashes(const ConllSentence& s,
                                            std::vector<WordInfo>* info) const {
    const std::vector<std::string> words = NormalizeWords(s.words);
    const std::vector<std::string_view> views(words.begin(), words.end());
    features_.Prepare(views, info);
    std::vector<std::vector<uint64_t>> out(words.size());
    for (size_t i = 0; i < words.size(); ++i) {
      features_.Extract(*info, i, &out[i]);
      // Frustratingly easy domain adaptation (Daume 2007): sentences of
      // another domain also get copies of their features of their own, which
      // learn what is peculiar to that domain; the target domain (0), and
      // so the tagger, uses the shared ones only.
      if (s.domain != 0) {
        const size_t shared = out[i].size();
        for (size_t k = 0; k < shared; ++k) out[i].push_back(Mix(out[i][k], s.domain));
      }
    }
    return out;
  }

 private:
  Features features_;
};

Example Encode(const std::vector<std::vector<uint64_t>>& hashes,
               const std::unordered_map<uint64_t, uint32_t>& ids, std::vector<uint8_t> gold) {
  Example e;
  e.gold = std::move(gold);
  e.starts.push_back(0);
  for (const auto& word : hashes) {
    for (uint64_t h : word) {
      auto it = ids.find(h);
      if (it != ids.end()) e.ids.push_back(it->second);
    }
    e.starts.push_back(static_cast<uint32_t>(e.ids.size()));
  }
  return e;
}

Evaluation Evaluate(const Learner& learner, const std::vector<Example>& dev,
                    const std::vector<ConllSentence>& sentences) {
  std::vector<float> weights;
  float transitions[kLabels + 1][kLabels];
  learner.Averaged(&weights, transitions);
  Evaluation eval;
  std::vector<float> scores;
  std::vector<uint8_t> labels;
  for (size_t d = 0; d < dev.size(); ++d) {
    const Example& e = dev[d];
    const size_t n = e.gold.size();
    scores.assign(n * kLabels, 0);
    for (size_t i = 0; i < n; ++i) {
      for (uint32_t k = e.starts[i]; k < e.starts[i + 1]; ++k) {
        for (int l = 0; l < kLabels; ++l) {
          scores[i * kLabels + l] += weights[size_t{e.ids[k]} * kLabels + l];
        }
      }
    }
    Viterbi(scores, transitions, n, &labels);
    std::vector<std::string> predicted;
    for (uint8_t l : labels) predicted.emplace_back(LabelName(l));
    Score(sentences[d].tags, predicted, &eval);
  }
  return eval;
}

}  // namespace

std::vector<std::string> AllFeatureGroups() { return GroupNames(~0u); }

std::vector<std::string> DefaultFeatureGroups() { return AllFeatureGroups(); }

bool Train(const std::vector<ConllSentence>& train, const TrainOptions& options,
           const std::string& output, std::string* error) {
  Tagger::Model model;
  if (!GroupsOf(options.features.empty() ? DefaultFeatureGroups() : options.features,
                &model.groups, error)) {
    return false;
  }
  if (!options.clusters_path.empty() &&
      !LoadClusters(options.clusters_path, &model.lexicon, error)) {
    return false;
  }
  AddGazetteers(&model.lexicon);
  if (train.empty()) {
    *error = "no training sentences";
    return false;
  }

  const Encoder encoder(model);
  std::vector<std::vector<std::vector<uint64_t>>> hashes(train.size());
  std::unordered_map<uint64_t, uint32_t> counts;
  std::vector<WordInfo> info;
  for (size_t s = 0; s < train.size(); ++s) {
    hashes[s] = encoder.Hashes(train[s], &info);
    for (const auto& word : hashes[s]) {
      for (uint64_t h : word) ++counts[h];
    }
  }
  // Ids in order of the sorted keys, so that the model does not depend on
  // the hash map's iteration order.
  std::vector<uint64_t> keys;
  for (const auto& [h, n] : counts) {
    if (n >= options.min_feature_count) keys.push_back(h);
  }
  std::sort(keys.begin(), keys.end());
  std::unordered_map<uint64_t, uint32_t> ids;
  ids.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) ids.emplace(keys[i], static_cast<uint32_t>(i));

  std::vector<Example> examples;
  examples.reserve(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    examples.push_back(Encode(hashes[s], ids, ToLabels(train[s].tags)));
    hashes[s].clear();
    hashes[s].shrink_to_fit();
  }
  std::vector<Example> dev;
  if (options.dev) {
    for (const ConllSentence& s : *options.dev) {
      dev.push_back(Encode(encoder.Hashes(s, &info), ids, ToLabels(s.tags)));
    }
  }

  Learner learner(keys.size());
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t random = options.seed;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[NextRandom(&random) % i]);
    }
    for (size_t i : order) learner.Learn(examples[i]);
    if (options.progress) {
      options.progress(epoch, dev.empty() ? Evaluation{} : Evaluate(learner, dev, *options.dev),
                       options.progress_arg);
    }
  }

  std::vector<float> weights;
  learner.Averaged(&weights, model.transitions);
  // Features never updated have only zero weights: they change no score.
  std::vector<uint64_t> kept_keys;
  std::vector<float> kept_weights;
  for (size_t f = 0; f < keys.size(); ++f) {
    const float* row = &weights[f * kLabels];
    if (std::all_of(row, row + kLabels, [](float w) { return w == 0; })) continue;
    kept_keys.push_back(keys[f]);
    kept_weights.insert(kept_weights.end(), row, row + kLabels);
  }

  // Confidences: the temperature that makes the posteriors of the gold
  // labels of held-out sentences (or of the training sentences, without
  // them) most likely. Perceptron scores have no scale of their own.
  {
    model.table.Build(kept_keys, kept_weights);
    const std::vector<ConllSentence>& sample = options.dev && !options.dev->empty() ? *options.dev : train;
    const Features features(model.groups, &model.lexicon);
    std::vector<std::pair<std::vector<float>, std::vector<uint8_t>>> scored;
    for (size_t s = 0; s < sample.size() && s < 2000; ++s) {
      const std::vector<std::string> words = NormalizeWords(sample[s].words);
      features.Prepare(std::vector<std::string_view>(words.begin(), words.end()), &info);
      std::vector<float> scores;
      model.Score(info, &scores);
      scored.emplace_back(std::move(scores), ToLabels(sample[s].tags));
    }
    double best = -1e300;
    for (float t = 0.25f; t <= 256; t *= 1.41421356f) {
      double log_likelihood = 0;
      for (const auto& [scores, gold] : scored) {
        const std::vector<float> m = Marginals(scores, model.transitions, gold.size(), t);
        for (size_t i = 0; i < gold.size(); ++i) {
          log_likelihood += std::log(std::max(1e-9f, m[i * kLabels + gold[i]]));
        }
      }
      if (log_likelihood > best) {
        best = log_likelihood;
        model.temperature = t;
      }
    }
  }

  nlohmann::ordered_json extra;
  if (!options.provenance.empty()) {
    extra = nlohmann::ordered_json::parse(options.provenance, nullptr, false);
    if (!extra.is_object()) extra = nlohmann::ordered_json::object();
  }
  extra["sentences"] = train.size();
  extra["epochs"] = options.epochs;
  extra["seed"] = options.seed;
  extra["min_feature_count"] = options.min_feature_count;
  return SaveModel(model, kept_keys, kept_weights, extra.dump(), output, error);
}

}  // namespace marsad::ner
