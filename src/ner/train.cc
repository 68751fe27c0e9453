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
  // Fixed scores (n × kLabels) the weights add to: the first pass's, when
  // learning the second; empty otherwise.
  std::vector<float> offset;
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
  // Starts the transitions from given ones (those of the first pass).
  void SetTransitions(const float (*transitions)[kLabels]) {
    for (int p = 0; p <= kLabels; ++p) {
      for (int l = 0; l < kLabels; ++l) tw_[p][l] = transitions[p][l];
    }
  }

  void Scores(const Example& e, std::vector<float>* scores) const {
    const size_t n = e.gold.size();
    if (e.offset.empty()) {
      scores->assign(n * kLabels, 0);
    } else {
      scores->assign(e.offset.begin(), e.offset.end());
    }
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
    if (e.offset.empty()) {
      scores.assign(n * kLabels, 0);
    } else {
      scores.assign(e.offset.begin(), e.offset.end());
    }
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

// Best labels of a sentence given as feature hashes, under a table.
void Decode(const FeatureTable& table, const float (*transitions)[kLabels],
            const std::vector<std::vector<uint64_t>>& hashes, const std::vector<WordInfo>& info,
            std::vector<uint8_t>* labels, std::vector<float>* scores_out) {
  std::vector<float>& scores = *scores_out;
  scores.assign(hashes.size() * kLabels, 0);
  for (size_t i = 0; i < hashes.size(); ++i) {
    for (uint64_t h : hashes[i]) {
      if (const float* w = table.Find(h)) {
        for (int l = 0; l < kLabels; ++l) scores[i * kLabels + l] += w[l];
      }
    }
    // As Tagger::Model::Score: no name on punctuation.
    if (info[i].kind == kPunct || info[i].kind == kOther) {
      for (int l = 1; l < kLabels; ++l) scores[i * kLabels + l] = -1e9f;
    }
  }
  Viterbi(scores, transitions, hashes.size(), labels);
}

// Trains one table of weights on sentences given as feature hashes: keys
// seen at least min_feature_count times, averaged perceptron weights (rows
// of features never updated left out), and the transitions.
void TrainTable(const std::vector<std::vector<std::vector<uint64_t>>>& hashes,
                const std::vector<std::vector<uint8_t>>& gold, const TrainOptions& options,
                const std::vector<std::vector<std::vector<uint64_t>>>* dev_hashes,
                const std::vector<ConllSentence>* dev_sentences, bool report,
                std::vector<uint64_t>* kept_keys, std::vector<float>* kept_weights,
                float (*transitions)[kLabels],
                const std::vector<std::vector<float>>* offsets = nullptr,
                const std::vector<std::vector<float>>* dev_offsets = nullptr,
                const float (*start_transitions)[kLabels] = nullptr) {
  std::unordered_map<uint64_t, uint32_t> counts;
  for (const auto& sentence : hashes) {
    for (const auto& word : sentence) {
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
  examples.reserve(hashes.size());
  for (size_t s = 0; s < hashes.size(); ++s) {
    examples.push_back(Encode(hashes[s], ids, gold[s]));
    if (offsets) examples.back().offset = (*offsets)[s];
  }
  std::vector<Example> dev;
  if (dev_hashes) {
    for (size_t s = 0; s < dev_hashes->size(); ++s) {
      dev.push_back(Encode((*dev_hashes)[s], ids, ToLabels((*dev_sentences)[s].tags)));
      if (dev_offsets) dev.back().offset = (*dev_offsets)[s];
    }
  }

  Learner learner(keys.size());
  if (start_transitions) learner.SetTransitions(start_transitions);
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t random = options.seed;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[NextRandom(&random) % i]);
    }
    for (size_t i : order) learner.Learn(examples[i]);
    if (report && options.progress) {
      options.progress(epoch, dev.empty() ? Evaluation{} : Evaluate(learner, dev, *dev_sentences),
                       options.progress_arg);
    }
  }

  std::vector<float> weights;
  learner.Averaged(&weights, transitions);
  // Features never updated have only zero weights: they change no score.
  kept_keys->clear();
  kept_weights->clear();
  for (size_t f = 0; f < keys.size(); ++f) {
    const float* row = &weights[f * kLabels];
    if (std::all_of(row, row + kLabels, [](float w) { return w == 0; })) continue;
    kept_keys->push_back(keys[f]);
    kept_weights->insert(kept_weights->end(), row, row + kLabels);
  }
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
  for (const std::string& path : options.name_list_paths) {
    std::vector<ConllSentence> names;
    if (!ReadConll(path, &names, error)) return false;
    AddNameLists(names, &model.lexicon);
  }
  if (train.empty()) {
    *error = "no training sentences";
    return false;
  }

  const Encoder encoder(model);
  std::vector<std::vector<std::vector<uint64_t>>> hashes(train.size());
  std::vector<std::vector<WordInfo>> infos(train.size());
  for (size_t s = 0; s < train.size(); ++s) hashes[s] = encoder.Hashes(train[s], &infos[s]);
  std::vector<std::vector<WordInfo>> dev_infos;
  std::vector<std::vector<std::vector<uint64_t>>> dev_hashes;
  if (options.dev) {
    for (const ConllSentence& s : *options.dev) {
      dev_infos.emplace_back();
      dev_hashes.push_back(encoder.Hashes(s, &dev_infos.back()));
    }
  }
  std::vector<std::vector<uint8_t>> gold(train.size());
  for (size_t s = 0; s < train.size(); ++s) gold[s] = ToLabels(train[s].tags);

  std::vector<uint64_t> keys;
  std::vector<float> weights;
  std::vector<uint64_t> keys2;
  std::vector<float> weights2;
  if (!model.two_pass()) {
    TrainTable(hashes, gold, options, options.dev ? &dev_hashes : nullptr, options.dev, true,
               &keys, &weights, model.transitions);
  } else {
    // The second pass learns from first-pass labels like those it will see
    // when tagging: each training sentence's come from a first pass trained
    // without the block of sentences it is in (5 blocks in order, so that
    // a sentence's neighbours are mostly labelled by the same model).
    constexpr size_t kFolds = 5;
    // Each domain (training file) is cut into the blocks on its own: a block
    // of one domain alone would have its first-pass labels from a model
    // that never saw that domain, and the second pass would learn to correct
    // labels far worse than those it corrects when tagging.
    std::vector<size_t> fold(train.size());
    {
      std::unordered_map<int, size_t> size, seen;
      for (const ConllSentence& s : train) ++size[s.domain];
      for (size_t s = 0; s < train.size(); ++s) {
        // Block k of n sentences is [n * k / kFolds, n * (k + 1) / kFolds).
        const size_t rank = seen[train[s].domain]++, n = size[train[s].domain];
        size_t k = 0;
        while (k + 1 < kFolds && n * (k + 1) / kFolds <= rank) ++k;
        fold[s] = k;
      }
    }
    std::vector<std::vector<uint8_t>> pass1(train.size());
    std::vector<std::vector<float>> offsets(train.size());
    for (size_t k = 0; k < kFolds; ++k) {
      std::vector<std::vector<std::vector<uint64_t>>> part_hashes;
      std::vector<std::vector<uint8_t>> part_gold;
      for (size_t s = 0; s < train.size(); ++s) {
        if (fold[s] == k) continue;
        part_hashes.push_back(hashes[s]);
        part_gold.push_back(gold[s]);
      }
      if (part_hashes.empty()) {
        // Every sentence is in this fold (a training set of a few
        // sentences): no first pass was learnt without them, so they are
        // read as one that knows nothing would read them.
        for (size_t s = 0; s < train.size(); ++s) {
          if (fold[s] != k) continue;
          pass1[s].assign(hashes[s].size(), kO);
          offsets[s].assign(hashes[s].size() * kLabels, 0);
        }
        continue;
      }
      std::vector<uint64_t> k_keys;
      std::vector<float> k_weights;
      float k_transitions[kLabels + 1][kLabels];
      TrainTable(part_hashes, part_gold, options, nullptr, nullptr, false, &k_keys, &k_weights,
                 k_transitions);
      FeatureTable table;
      table.Build(k_keys, k_weights);
      for (size_t s = 0; s < train.size(); ++s) {
        if (fold[s] == k && train[s].domain == 0) {
          Decode(table, k_transitions, hashes[s], infos[s], &pass1[s], &offsets[s]);
        }
      }
    }
    // Reported, with the dev figures of this pass alone: its epochs are
    // those asked for (the blocks' first passes above are not reported).
    TrainTable(hashes, gold, options, options.dev ? &dev_hashes : nullptr, options.dev, true, &keys,
               &weights, model.transitions);
    model.table.Build(keys, weights);

    // The second pass adds document features to the first pass's scores
    // (stacking): train sentences are one document, in order, as are the
    // dev sentences.
    const auto document = [](const std::vector<std::vector<WordInfo>>& info,
                             const std::vector<std::vector<uint8_t>>& labels) {
      std::vector<const std::vector<WordInfo>*> doc;
      for (const auto& i : info) doc.push_back(&i);
      return Features::DocumentKeys(doc, labels);
    };
    // The second pass learns from the first file's sentences only: it
    // learns how a document's names agree, and sentences of other files
    // (WikiANN's, say) are not documents of the domain tagged.
    std::vector<std::vector<WordInfo>> target_infos;
    std::vector<std::vector<uint8_t>> target_pass1, target_gold;
    std::vector<std::vector<float>> target_offsets;
    for (size_t s = 0; s < train.size(); ++s) {
      if (train[s].domain != 0) continue;
      target_infos.push_back(std::move(infos[s]));
      target_pass1.push_back(std::move(pass1[s]));
      target_gold.push_back(gold[s]);
      target_offsets.push_back(std::move(offsets[s]));
    }
    const auto doc_hashes = document(target_infos, target_pass1);
    std::vector<std::vector<std::vector<uint64_t>>> dev_doc_hashes;
    std::vector<std::vector<float>> dev_offsets(dev_hashes.size());
    if (options.dev) {
      std::vector<std::vector<uint8_t>> dev_pass1(dev_hashes.size());
      for (size_t s = 0; s < dev_hashes.size(); ++s) {
        Decode(model.table, model.transitions, dev_hashes[s], dev_infos[s], &dev_pass1[s],
               &dev_offsets[s]);
      }
      dev_doc_hashes = document(dev_infos, dev_pass1);
    }
    TrainOptions second = options;
    second.epochs = options.document_epochs;
    TrainTable(doc_hashes, target_gold, second, options.dev ? &dev_doc_hashes : nullptr,
               options.dev, true, &keys2, &weights2, model.transitions2, &target_offsets,
               &dev_offsets, model.transitions);
  }

  // Confidences: the temperature that makes the posteriors of the gold
  // labels of held-out sentences (or of the training sentences, without
  // them) most likely. Perceptron scores have no scale of their own.
  {
    model.table.Build(keys, weights);
    if (model.two_pass()) model.table2.Build(keys2, weights2);
    const std::vector<ConllSentence>& sample = options.dev && !options.dev->empty() ? *options.dev : train;
    const Features features(model.groups, &model.lexicon);
    const size_t n = std::min<size_t>(sample.size(), 2000);
    std::vector<std::vector<WordInfo>> sample_info(n);
    std::vector<const std::vector<WordInfo>*> doc;
    for (size_t s = 0; s < n; ++s) {
      const std::vector<std::string> words = NormalizeWords(sample[s].words);
      features.Prepare(std::vector<std::string_view>(words.begin(), words.end()), &sample_info[s]);
      doc.push_back(&sample_info[s]);
    }
    std::vector<std::vector<float>> doc_scores;
    model.ScoreDocument(doc, &doc_scores);
    std::vector<std::pair<std::vector<float>, std::vector<uint8_t>>> scored;
    for (size_t s = 0; s < n; ++s) {
      scored.emplace_back(std::move(doc_scores[s]), ToLabels(sample[s].tags));
    }
    double best = -1e300;
    for (float t = 0.25f; t <= 256; t *= 1.41421356f) {
      double log_likelihood = 0;
      for (const auto& [scores, labels] : scored) {
        const std::vector<float> m = Marginals(scores, model.final_transitions(), labels.size(), t);
        for (size_t i = 0; i < labels.size(); ++i) {
          log_likelihood += std::log(std::max(1e-9f, m[i * kLabels + labels[i]]));
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
  if (model.two_pass()) extra["document_epochs"] = options.document_epochs;
  extra["seed"] = options.seed;
  extra["min_feature_count"] = options.min_feature_count;
  return SaveModel(model, keys, weights, keys2, weights2, extra.dump(), output, error);
}

}  // namespace marsad::ner
