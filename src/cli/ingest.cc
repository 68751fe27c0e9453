// marsad ingest PATH...: files into the database.
#include <filesystem>
#include <cstdio>
#include <iostream>
#include <map>

#include "cli/command.h"
#include "cli/output.h"
#include "ner/ner.h"
#include "resolve/resolve.h"
#include "store/store.h"

namespace marsad::cli {
namespace {

void ShowProgress(const store::IngestProgress& p) {
  const double rate = p.seconds > 0 ? p.documents / p.seconds : 0;
  const double eta = p.files_done > 0 ? p.seconds * (p.files_total - p.files_done) / p.files_done : 0;
  constexpr int kWidth = 30;
  const int filled = p.files_total ? static_cast<int>(kWidth * p.files_done / p.files_total) : 0;
  std::fprintf(stderr, "\r[%-*s] %zu/%zu files, %zu documents, %.0f docs/s, ETA %.0fs ", kWidth,
               std::string(static_cast<size_t>(filled), '=').c_str(), p.files_done, p.files_total,
               p.documents, rate, eta);
  std::fflush(stderr);
}

}  // namespace

void AddIngest(CLI::App* app, const GlobalOptions* global) {
  auto* cmd = app->add_subcommand(
      "ingest",
      "Add files or folders (recursively) to the database: .txt .html .jsonl .json .zip .warc "
      ".warc.gz. Re-ingesting the same document adds nothing.");
  struct Options {
    std::vector<std::string> paths;
    std::string source;
    std::string published;
    std::string aliases;
    std::string model;
    bool index_only = false;
    bool reanalyze = false;
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("paths", opts->paths, "files or folders (none with --reanalyze alone)");
  cmd->add_option("--source", opts->source, "outlet name for every document");
  cmd->add_option("--published", opts->published, "publication date YYYY-MM-DD for every document");
  cmd->add_option("--aliases", opts->aliases,
                  "alias file (TYPE<TAB>NAME<TAB>ALIAS..., or part_of<TAB>BRANCH<TAB>PARENT); "
                  "kept in the database for later ingests")
      ->check(CLI::ExistingFile);
  cmd->add_option("--model", opts->model, "NER model file (default: the shipped models/ner.model)");
  cmd->add_flag("--index-only", opts->index_only,
                "store and index the documents only; names, quotes, claims and events are "
                "extracted by the next ingest without this flag");
  cmd->add_flag("--reanalyze", opts->reanalyze,
                "analyse every stored document again (after an upgrade of marsad), then resolve; "
                "entities keep their ids");
  cmd->callback([opts, global] {
    if (opts->paths.empty() && !opts->reanalyze) throw UsageError("ingest: paths are required (or --reanalyze)");
    if (opts->reanalyze && opts->index_only) throw UsageError("ingest: --reanalyze analyses; not with --index-only");
    store::IngestOptions options;
    options.reanalyze = opts->reanalyze;
    options.source = opts->source;
    if (!opts->published.empty()) options.published = CheckedDate("--published", opts->published);
    std::string error;
    std::vector<resolve::AliasEntry> aliases;
    if (!opts->aliases.empty()) {
      if (!resolve::ReadAliases(opts->aliases, &aliases, &error)) throw UsageError("ingest: " + error);
      options.aliases = &aliases;
    }
    std::unique_ptr<ner::Tagger> tagger;
    if (!opts->index_only) {
      tagger = ner::Tagger::Load(opts->model.empty() ? ner::DefaultModelPath() : opts->model, &error);
      if (!tagger) throw UsageError("ingest: " + error);
      options.tagger = tagger.get();
      options.matcher = &NameMatcher("ingest");
    }
    auto db = store::Store::Open(global->db, store::Store::Mode::kReadWrite, &error);
    if (!db) throw UsageError(error);
    const bool bar = StderrIsTerminal();
    if (bar) options.progress = ShowProgress;
    // A path named on the command line that is not there is bad input (exit
    // 1), though the others are ingested.
    for (const std::string& path : opts->paths) {
      std::error_code ec;
      if (!std::filesystem::exists(path, ec)) g_had_bad_input = true;
    }
    const store::IngestSummary s = store::Ingest(db.get(), opts->paths, options);
    if (bar) std::fputs("\n", stderr);
    // Every problem is named, but a reason shared by many documents (a
    // corpus full of empty entries) is shown a few times and counted.
    constexpr size_t kShownPerReason = 5;
    std::map<std::string, size_t> per_reason;
    for (const auto& p : s.problems) {
      if (++per_reason[p.reason] <= kShownPerReason) {
        std::cerr << "marsad ingest: " << p.path << ": " << p.reason << "\n";
      }
    }
    for (const auto& [reason, count] : per_reason) {
      if (count > kShownPerReason) {
        std::cerr << "marsad ingest: ... and " << count - kShownPerReason << " more: " << reason
                  << " (--json lists them all)\n";
      }
    }
    if (global->json) {
      PrintJsonLine(s);
    } else {
      std::cout << "files " << s.files << ", documents read " << s.read << ": added " << s.added
                << " (near-duplicates linked " << s.near_duplicates << "), already stored "
                << s.already_stored << ", problems " << s.problems.size() << "\n";
      if (options.tagger) {
        std::cout << "documents analysed " << s.analyzed << ", entities " << s.entities << "\n";
      }
    }
    if (s.read == 0 && !opts->paths.empty()) throw UsageError("ingest: no document could be read");
  });
}

}  // namespace marsad::cli
