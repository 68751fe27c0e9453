// marsad train translit: the name-matching and romanisation model
// (models/translit.model) from transliteration pairs.
//   marsad train translit DATA_DIR --output models/translit.model
// DATA_DIR holds google-ar2en-train.tsv and/or anetac-train.ar/.en (see
// models/README.md). Deterministic for a seed: re-running it with the
// defaults reproduces the shipped file byte for byte.
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "resolve/resolve.h"

namespace marsad::cli {
namespace {

struct TranslitOptions {
  std::string data_dir;
  std::string output;
  resolve::TrainOptions train;
};

}  // namespace

void AddTrainTranslit(CLI::App* train_cmd) {
  auto o = std::make_shared<TranslitOptions>();
  auto* cmd = train_cmd->add_subcommand(
      "translit", "Train the name matcher and romaniser on transliteration pairs (a folder with "
                  "google-ar2en-train.tsv and/or anetac-train.ar/.en), evaluate it on the held-out "
                  "split and write the model file.");
  cmd->add_option("data", o->data_dir, "folder of transliteration pairs")->required();
  cmd->add_option("-o,--output", o->output, "model file to write")->required()->check(kNotEmpty);
  cmd->add_option("--seed", o->train.seed, "held-out split and negative sampling seed (default " +
                                               std::to_string(o->train.seed) + ")");
  cmd->add_option("--heldout", o->train.heldout,
                  "fraction of distinct Arabic spellings held out (default 0.1)")
      ->check(CLI::Range(0.0, 0.9));
  cmd->add_option("--iterations", o->train.iterations, "EM iterations per pair model (default 6)")
      ->check(CLI::Range(1, 100));
  cmd->callback([o] {
    CheckCanWrite(o->output, "train translit");  // before the training, not after
    resolve::TrainOptions options = o->train;
    options.data_dir = o->data_dir;
    resolve::Evaluation eval;
    std::string error;
    if (!resolve::TrainTransliteration(options, o->output, &eval, &error)) {
      throw UsageError("train translit: " + error);
    }
    // The figures as the file's header has them ("eval" lines).
    std::unique_ptr<resolve::Matcher> m = resolve::Matcher::Load(o->output, &error);
    if (m == nullptr) throw std::runtime_error(error);
    std::cout << "model " << o->output << "\n";
    for (const std::string& line : m->info().evaluation) std::cout << "eval " << line << "\n";
  });
}

}  // namespace marsad::cli
