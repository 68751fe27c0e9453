// marsad search QUERY: ranked documents with highlighted snippets.
#include <iostream>

#include "cli/command.h"
#include "cli/output.h"
#include "store/store.h"

namespace marsad::cli {
namespace {

std::string Highlighted(const store::SearchHit& hit, const std::string& open,
                        const std::string& close) {
  std::string out;
  size_t chars = 0;
  auto at = [&](size_t c, bool opening) {
    for (const auto& [s, e] : hit.highlights) {
      if ((opening ? s : e) == c) return true;
    }
    return false;
  };
  for (size_t i = 0; i <= hit.snippet.size(); ++i) {
    const bool boundary =
        i == hit.snippet.size() || (static_cast<unsigned char>(hit.snippet[i]) & 0xC0) != 0x80;
    if (boundary) {
      if (at(chars, false)) out += close;
      if (at(chars, true)) out += open;
      ++chars;
    }
    if (i < hit.snippet.size()) out += hit.snippet[i];
  }
  return out;
}

}  // namespace

void AddSearch(CLI::App* app, const GlobalOptions* global) {
  auto* cmd = app->add_subcommand(
      "search", "Full-text search; a word in one spelling finds its other spellings.");
  struct Options {
    std::string query;
    size_t limit = 10;
    size_t offset = 0;
    std::string source;
    bool exact = false;
    std::string type;
  };
  auto opts = std::make_shared<Options>();
  cmd->add_option("query", opts->query, "words to find")->required();
  cmd->add_option("--limit", opts->limit, "at most this many documents (default 10)")->check(CLI::Range(1, 100000));
  cmd->add_option("--offset", opts->offset, "skip this many documents of the ranking first (default 0)")
      ->check(CLI::Range(0, 100000));
  cmd->add_option("--source", opts->source, "only documents of this source");
  cmd->add_flag("--exact", opts->exact, "only the spellings given (up to letter variants)");
  cmd->add_option("--type", opts->type,
                  "the query is a name: only documents naming an entity of this type it names")
      ->check(CLI::IsMember({"PER", "LOC", "ORG", "MISC"}));
  cmd->callback([opts, global] {
    auto db = OpenForReading(*global);
    std::vector<store::SearchHit> hits;
    std::string error;
    store::SearchOptions options{.limit = opts->limit, .offset = opts->offset, .source = opts->source,
                                 .variants = !opts->exact, .type = opts->type};
    if (!db->Search(opts->query, options, &hits, &error)) throw UsageError("search: " + error);
    if (global->json) {
      for (const auto& h : hits) PrintJsonLine(h);
      return;
    }
    const bool tty = StdoutIsTerminal();
    for (const auto& h : hits) {
      std::string where = h.source;
      if (!h.published.empty()) where += (where.empty() ? "" : ", ") + h.published;
      std::string snippet = Highlighted(h, tty ? "\x1b[1m" : "[", tty ? "\x1b[0m" : "]");
      for (char& c : snippet) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      }
      std::cout << h.doc << "  " << h.title << (where.empty() ? "" : "  (" + where + ")")
                << (h.exact ? "" : "  [other spelling]") << "\n    " << snippet << "\n";
    }
    if (hits.empty()) std::cout << "no document matches\n";
  });
}

}  // namespace marsad::cli
