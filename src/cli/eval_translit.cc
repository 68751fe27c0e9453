// marsad eval translit DATA_DIR: the name matcher and romaniser against the
// held-out part of the transliteration pairs they were trained beside. The
// split is made again from the model's own seed and held-out fraction, so
// the figures are those `train translit` wrote into the model's header;
// --errors lists the pairs judged wrongly, to read what the matcher misses.
#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/output.h"
#include "resolve/resolve.h"

namespace marsad::cli {
namespace {

struct EvalTranslitOptions {
  std::string data_dir;
  std::string model;
  bool errors = false;
};

nlohmann::ordered_json Figures(const resolve::PairFigures& f, bool errors) {
  nlohmann::ordered_json out = {{"positives", f.positives},
                                {"negatives", f.negatives},
                                {"precision", Rounded(f.precision, 4)},
                                {"recall", Rounded(f.recall, 4)}};
  if (errors) {
    out["errors"] = nlohmann::ordered_json::array();
    for (const resolve::PairError& e : f.errors) {
      out["errors"].push_back({{"a", e.a},
                               {"b", e.b},
                               {"same", e.same},
                               {"score", Rounded(e.score, 4)}});
    }
  }
  return out;
}

void EvalTranslit(const EvalTranslitOptions& o, const GlobalOptions& global) {
  std::string error;
  const std::string path = o.model.empty() ? resolve::DefaultModelPath() : o.model;
  const std::unique_ptr<resolve::Matcher> matcher = resolve::Matcher::Load(path, &error, /*heldout_memory=*/false);
  if (matcher == nullptr) throw UsageError("eval translit: " + error);
  resolve::TrainOptions options;
  options.data_dir = o.data_dir;
  options.seed = matcher->info().seed;
  options.heldout = matcher->info().heldout;
  resolve::Evaluation e;
  if (!resolve::EvaluateTransliteration(*matcher, options, &e, &error)) {
    throw UsageError("eval translit: " + error);
  }
  const nlohmann::ordered_json out = {
      {"data", o.data_dir},
      {"model", path},
      {"threshold", resolve::kDefaultThreshold},
      {"arabic_latin", Figures(e.arabic_latin, o.errors)},
      {"arabic_arabic", Figures(e.arabic_arabic, o.errors)},
      {"latin_latin", Figures(e.latin_latin, o.errors)},
      {"romanize", {{"words", e.romanized}, {"cer", Rounded(e.cer, 4)}, {"exact", Rounded(e.exact, 4)}}}};
  std::cout << out.dump(global.json ? -1 : 2) << "\n";
}

}  // namespace

void AddEvalTranslit(CLI::App* eval_cmd, const GlobalOptions* global) {
  auto o = std::make_shared<EvalTranslitOptions>();
  auto* cmd = eval_cmd->add_subcommand(
      "translit",
      "Score the name matcher and romaniser on the held-out transliteration pairs (split again "
      "from the model's seed) and print precision and recall of Arabic–Latin, Arabic–Arabic "
      "and Latin–Latin matching at the default threshold, and the romanisation's character "
      "error rate, as JSON.");
  cmd->add_option("data", o->data_dir, "folder of transliteration pairs the model was trained beside")
      ->required();
  cmd->add_option("--model", o->model, "model file (default: the shipped models/translit.model)");
  cmd->add_flag("--errors", o->errors, "also list every pair judged wrongly, with its score");
  cmd->callback([o, global] { EvalTranslit(*o, *global); });
}

}  // namespace marsad::cli
