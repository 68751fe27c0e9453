// marsad train: learns the models marsad ships, reproducibly.
//   marsad train ner FILE...        the named-entity tagger, from CoNLL files
//   marsad train clusters PATH...   word clusters, from unlabelled articles
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/output.h"
#include "ingest/ingest.h"
#include "marsad/version.h"
#include "ner/ner.h"

namespace marsad::cli {
namespace {

struct NerOptions {
  std::vector<std::string> files;
  std::string output;
  std::string clusters;
  std::vector<std::string> names;
  std::string features;
  std::string dev_out;
  double hold_out = 0;
  int epochs = 12;
  uint64_t seed = 1;
  uint32_t min_count = 1;
};

std::vector<std::string> SplitCommas(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// Where training stands. A model with document features is learnt in two
// passes, the second with epochs of its own (ner::TrainOptions::
// document_epochs): each epoch is named with its pass and the pass's number
// of epochs, so that --epochs 1 does not seem to run four.
struct Progress {
  int epochs = 0;           // of the first pass
  int document_epochs = 0;  // of the second pass; 0 when there is none
  int pass = 0;             // the one reported: each pass counts its epochs from 1
};

void ReportEpoch(int epoch, const ner::Evaluation& dev, void* arg) {
  Progress& progress = *static_cast<Progress*>(arg);
  if (epoch == 1) ++progress.pass;
  std::cerr << "marsad train ner: ";
  if (progress.document_epochs > 0) {
    std::cerr << (progress.pass == 1 ? "pass 1 of 2 (sentences), " : "pass 2 of 2 (document), ");
  }
  std::cerr << "epoch " << epoch << " of "
            << (progress.pass == 1 ? progress.epochs : progress.document_epochs);
  if (dev.sentences > 0) {
    std::cerr << ": dev F1 " << Rounded(dev.overall.f1(), 2);
    for (int t = 0; t < ner::kEntityTypes; ++t) {
      std::cerr << " " << ner::EntityTypeName(static_cast<ner::EntityType>(t)) << " "
                << Rounded(dev.by_type[t].f1(), 2);
    }
  }
  std::cerr << "\n";
}

void TrainNer(const NerOptions& o, const GlobalOptions& global) {
  if (o.hold_out < 0 || o.hold_out >= 100) {
    throw UsageError("train ner: --hold-out must be a percentage in [0, 100)");
  }
  if (o.epochs < 1 || o.epochs > 1000) throw UsageError("train ner: --epochs must be 1 to 1000");
  // Before the minutes of training, not after.
  CheckCanWrite(o.output, "train ner");
  std::vector<ner::ConllSentence> train, dev;
  for (size_t i = 0; i < o.files.size(); ++i) {
    std::vector<ner::ConllSentence> sentences;
    std::string error;
    if (!ner::ReadConll(o.files[i], &sentences, &error)) throw UsageError("train ner: " + error);
    if (sentences.empty()) throw UsageError("train ner: " + o.files[i] + ": no sentences");
    for (ner::ConllSentence& s : sentences) s.domain = static_cast<int>(i);
    size_t keep = sentences.size();
    if (i == 0 && o.hold_out > 0) {
      keep = sentences.size() - static_cast<size_t>(sentences.size() * o.hold_out / 100);
      dev.assign(std::make_move_iterator(sentences.begin() + keep),
                 std::make_move_iterator(sentences.end()));
    }
    train.insert(train.end(), std::make_move_iterator(sentences.begin()),
                 std::make_move_iterator(sentences.begin() + keep));
  }
  if (!o.dev_out.empty()) {
    if (dev.empty()) throw UsageError("train ner: --dev-out needs --hold-out");
    std::string error;
    if (!ner::WriteConll(o.dev_out, dev, &error)) throw UsageError("train ner: " + error);
  }

  ner::TrainOptions options;
  options.features = SplitCommas(o.features);
  options.clusters_path = o.clusters;
  options.name_list_paths = o.names;
  options.epochs = o.epochs;
  options.seed = o.seed;
  options.min_feature_count = o.min_count;
  if (!dev.empty()) options.dev = &dev;
  const std::vector<std::string> groups =
      options.features.empty() ? ner::DefaultFeatureGroups() : options.features;
  Progress progress;
  progress.epochs = options.epochs;
  if (std::find(groups.begin(), groups.end(), "document") != groups.end()) {
    progress.document_epochs = options.document_epochs;
  }
  options.progress = ReportEpoch;
  options.progress_arg = &progress;
  nlohmann::ordered_json provenance = {{"created_by", std::string("marsad ") + MARSAD_VERSION}};
  provenance["data"] = nlohmann::json::array();
  for (size_t i = 0; i < o.files.size(); ++i) {
    // File names only: the model must not depend on where the data was.
    const std::string name = o.files[i].substr(o.files[i].find_last_of('/') + 1);
    const std::string parent =
        o.files[i].find('/') == std::string::npos
            ? ""
            : o.files[i].substr(0, o.files[i].find_last_of('/'));
    provenance["data"].push_back(parent.substr(parent.find_last_of('/') + 1) + "/" + name);
  }
  provenance["name_lists"] = nlohmann::json::array();
  for (const std::string& f : o.names) {
    const std::string name = f.substr(f.find_last_of('/') + 1);
    const std::string parent = f.find('/') == std::string::npos ? "" : f.substr(0, f.find_last_of('/'));
    provenance["name_lists"].push_back(parent.substr(parent.find_last_of('/') + 1) + "/" + name);
  }
  provenance["hold_out_percent"] = o.hold_out;
  provenance["dev_sentences"] = dev.size();
  options.provenance = provenance.dump();
  std::string error;
  if (!ner::Train(train, options, o.output, &error)) throw UsageError("train ner: " + error);

  nlohmann::ordered_json out = {{"model", o.output}, {"sentences", train.size()}};
  if (!dev.empty()) {
    // The figures of the model as written (weights rounded), as eval sees it.
    auto tagger = ner::Tagger::Load(o.output, &error);
    if (!tagger) throw std::runtime_error(error);
    ner::Evaluation e;
    std::vector<std::vector<std::string>> words;
    for (const auto& s : dev) words.push_back(s.words);
    const auto tags = tagger->TagDocument(words);
    for (size_t i = 0; i < dev.size(); ++i) ner::Score(dev[i].tags, tags[i], &e);
    out["dev_sentences"] = dev.size();
    out["dev"] = NerFigures(e.overall);
    for (int t = 0; t < ner::kEntityTypes; ++t) {
      out[ner::EntityTypeName(static_cast<ner::EntityType>(t))] = NerFigures(e.by_type[t]);
    }
  }
  std::cout << out.dump(global.json ? -1 : 2) << "\n";
}

struct ClusterOptions {
  std::vector<std::string> paths;
  std::string output;
  ner::ClusterOptions options;
};

void ReportClusters(const std::string& what, void* /*arg*/) {
  std::cerr << "marsad train clusters: " << what << "\n";
}

void TrainClusters(ClusterOptions& o) {
  std::string error;
  // Before the corpus is read, which takes a minute.
  if (!ner::CheckClusterOptions(o.options, &error)) throw UsageError("train clusters: " + error);
  CheckCanWrite(o.output, "train clusters");
  std::vector<ingest::Problem> problems;
  const std::vector<std::string> files = ingest::ListInputs(o.paths, &problems);
  std::vector<std::string> texts;
  for (const std::string& f : files) {
    std::vector<ingest::Document> docs;
    ingest::ReadFile(f, {}, &docs, &problems);
    for (ingest::Document& d : docs) texts.push_back(std::move(d.text));
  }
  // A corpus has articles without text: a count says enough, and unreadable
  // files are listed (they make the exit code 1).
  size_t empty = 0;
  for (const ingest::Problem& p : problems) {
    if (p.path.find('!') != std::string::npos || p.path.find(':') != std::string::npos) {
      ++empty;
      continue;
    }
    std::cerr << "marsad train clusters: " << p.path << ": " << p.reason << "\n";
    g_had_bad_input = true;
  }
  std::cerr << "marsad train clusters: " << texts.size() << " documents read, " << empty
            << " skipped inside containers\n";
  o.options.progress = ReportClusters;
  if (!ner::TrainClusters(texts, o.options, o.output, &error)) {
    throw UsageError("train clusters: " + error);
  }
}

}  // namespace

void CheckCanWrite(const std::string& path, const char* command) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw UsageError(std::string(command) + ": " + path + ": is a directory");
  }
  // A file made and removed beside it: the folder exists, takes new files
  // (permissions, a read-only disk), and the model files, written to a
  // temporary file and renamed over `path`, can be written there. Its name
  // is new, so nothing of the user's is touched.
  std::string probe = path + ".XXXXXX";
  const int fd = mkstemp(probe.data());
  if (fd < 0) {
    throw UsageError(std::string(command) + ": cannot write " + path + ": " + std::strerror(errno));
  }
  close(fd);
  std::filesystem::remove(probe, ec);
}

void AddTrain(CLI::App* app, const GlobalOptions* global) {
  auto* cmd = app->add_subcommand("train", "Train the models marsad uses (see models/README.md).");
  cmd->require_subcommand(1);
  AddTrainTranslit(cmd);

  auto ner_opts = std::make_shared<NerOptions>();
  auto* ner_cmd = cmd->add_subcommand(
      "ner", "Train the named-entity tagger on CoNLL files (`token tag` lines; ANERcorp, "
             "WikiANN) and write the model file.");
  ner_cmd->add_option("files", ner_opts->files, "CoNLL training files")->required();
  ner_cmd->add_option("-o,--output", ner_opts->output, "model file to write")->required()->check(kNotEmpty);
  ner_cmd->add_option("--clusters", ner_opts->clusters,
                      "word-cluster file from `marsad train clusters`");
  ner_cmd->add_option("--names", ner_opts->names,
                      "CoNLL file whose mentions become name lists of the model (e.g. WikiANN's "
                      "train.tsv); repeatable");
  ner_cmd->add_option("--hold-out", ner_opts->hold_out,
                      "percentage of the first file's sentences (its last ones) kept out of "
                      "training as the dev set, evaluated after each epoch");
  ner_cmd->add_option("--dev-out", ner_opts->dev_out, "write the held-out sentences here");
  ner_cmd->add_option("--epochs", ner_opts->epochs, "passes over the data (default 12)");
  ner_cmd->add_option("--seed", ner_opts->seed, "shuffling seed (default 1)");
  ner_cmd->add_option("--min-count", ner_opts->min_count,
                      "features seen fewer times are not learnt (default 1)");
  ner_cmd->add_option("--features", ner_opts->features,
                      "comma-separated feature groups (default all)");
  ner_cmd->callback([ner_opts, global] { TrainNer(*ner_opts, *global); });

  auto cl_opts = std::make_shared<ClusterOptions>();
  auto* cl_cmd = cmd->add_subcommand(
      "clusters", "Learn word clusters from unlabelled articles (any format ingest reads, e.g. "
                  "the SaudiNewsNet zips) for `train ner --clusters`.");
  cl_cmd->add_option("paths", cl_opts->paths, "files or folders")->required();
  cl_cmd->add_option("-o,--output", cl_opts->output, "clusters file to write (gzip)")->required()->check(kNotEmpty);
  cl_cmd->add_option("--min-count", cl_opts->options.min_count, "rarer stems are left out");
  cl_cmd->add_option("--dimensions", cl_opts->options.dimensions, "word-vector size");
  cl_cmd->add_option("--window", cl_opts->options.window, "words either side a word predicts");
  cl_cmd->add_option("--epochs", cl_opts->options.epochs, "passes over the text");
  cl_cmd->add_option("--clusters", cl_opts->options.clusters, "clusters at the finest level");
  cl_cmd->add_option("--seed", cl_opts->options.seed, "random seed");
  cl_cmd->callback([cl_opts] { TrainClusters(*cl_opts); });
}

}  // namespace marsad::cli
