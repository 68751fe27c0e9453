// marsad eval ner FILE: the tagger against a CoNLL file, with the exact-span
// precision, recall and F1 (in percent) that papers report.
#include <chrono>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/output.h"
#include "ner/ner.h"

namespace marsad::cli {
namespace {

struct EvalOptions {
  std::string file;
  std::string model;
  std::string output;
};

void EvalNer(const EvalOptions& o, const GlobalOptions& global) {
  std::vector<ner::ConllSentence> sentences;
  std::string error;
  if (!ner::ReadConll(o.file, &sentences, &error)) throw UsageError("eval ner: " + error);
  // Scores of nothing are zeros that look like a model that found nothing.
  if (sentences.empty()) throw UsageError("eval ner: " + o.file + ": no sentences");
  // Before tagging, not after.
  if (!o.output.empty()) CheckCanWrite(o.output, "eval ner");
  const std::string model = o.model.empty() ? ner::DefaultModelPath() : o.model;
  const auto tagger = ner::Tagger::Load(model, &error);
  if (!tagger) throw UsageError("eval ner: " + error);

  ner::Evaluation e;
  const auto start = std::chrono::steady_clock::now();
  // The file is one document (ANERcorp has no document marks): the tagger
  // may look at nearby sentences.
  std::vector<std::vector<std::string>> words;
  for (const ner::ConllSentence& s : sentences) words.push_back(s.words);
  const std::vector<std::vector<std::string>> tags = tagger->TagDocument(words);
  std::vector<ner::ConllSentence> tagged;
  for (size_t i = 0; i < sentences.size(); ++i) {
    ner::Score(sentences[i].tags, tags[i], &e);
    if (!o.output.empty()) tagged.push_back({sentences[i].words, tags[i]});
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!o.output.empty() && !ner::WriteConll(o.output, tagged, &error)) {
    throw UsageError("eval ner: " + error);
  }

  nlohmann::ordered_json out = {{"file", o.file},
                                {"model", model},
                                {"sentences", e.sentences},
                                {"tokens", e.tokens},
                                {"overall", NerFigures(e.overall)}};
  for (int t = 0; t < ner::kEntityTypes; ++t) {
    out[ner::EntityTypeName(static_cast<ner::EntityType>(t))] = NerFigures(e.by_type[t]);
  }
  out["seconds"] = Rounded(seconds, 3);
  std::cout << out.dump(global.json ? -1 : 2) << "\n";
}

}  // namespace

void AddEval(CLI::App* app, const GlobalOptions* global) {
  auto* cmd = app->add_subcommand("eval", "Evaluate marsad's models.");
  cmd->require_subcommand(1);
  auto opts = std::make_shared<EvalOptions>();
  auto* ner_cmd = cmd->add_subcommand(
      "ner", "Tag a CoNLL file (`token tag` lines, tags PER/PERS, LOC, ORG, MISC, IOB1 or IOB2) "
             "and print exact-span precision, recall and F1 (percent) per type and overall "
             "as JSON.");
  ner_cmd->add_option("file", opts->file, "CoNLL file with the reference tags")->required();
  ner_cmd->add_option("--model", opts->model, "model file (default: the shipped models/ner.model)");
  ner_cmd->add_option("-o,--output", opts->output, "also write the tagged sentences here (CoNLL)");
  ner_cmd->callback([opts, global] { EvalNer(*opts, *global); });
}

}  // namespace marsad::cli
