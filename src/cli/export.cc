// marsad export: everything, for other tools. JSON Lines (every record, with
// a "record" field) and GraphML (the co-occurrence network) on stdout; CSV as
// one file per kind of record in a folder.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string_view>

#include "cli/command.h"
#include "cli/output.h"
#include "store/store.h"

namespace marsad::cli {
namespace {

using nlohmann::json;

std::string Xml(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default:
        // Control characters are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

// RFC 4180: every field quoted, quotes doubled. Text starting with = + - @
// or a tab or carriage return is prefixed with ', which spreadsheets show
// and do not run as a formula (an article title «=HYPERLINK(...)»), unless
// `verbatim`: a document's text and sentences, which offsets index.
std::string CsvField(const json& v, bool verbatim) {
  std::string s = v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump();
  std::string out = "\"";
  if (!verbatim && v.is_string() && !s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos) {
    out += '\'';
  }
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A CSV file written beside its place (NAME.tmp) and renamed over it by
// Close, so that a failed export (a full disk, an error half-way) leaves no
// half-written file: the temporary one is removed. Each file is whole or
// absent; files renamed before the failure are from this export, the others
// from an earlier one, if any.
class CsvFile {
 public:
  CsvFile(const std::filesystem::path& path, std::vector<std::string> columns)
      : path_(path), temporary_(path.string() + ".tmp"), out_(temporary_, std::ios::binary),
        columns_(std::move(columns)) {
    if (!out_) throw UsageError("export: cannot write " + temporary_.string());
    for (size_t i = 0; i < columns_.size(); ++i) {
      out_ << (i ? "," : "") << columns_[i];
      verbatim_.push_back(columns_[i] == "text" || columns_[i] == "sentence");
    }
    out_ << "\r\n";
  }
  ~CsvFile() {
    if (closed_) return;
    out_.close();
    std::error_code ec;
    std::filesystem::remove(temporary_, ec);
  }
  void Write(const json& record) {
    for (size_t i = 0; i < columns_.size(); ++i) {
      out_ << (i ? "," : "") << CsvField(record.contains(columns_[i]) ? record[columns_[i]] : json(), verbatim_[i]);
    }
    out_ << "\r\n";
  }
  void Close() {
    out_.close();
    if (!out_) throw UsageError("export: cannot write " + temporary_.string() + " (disk full?)");
    std::error_code ec;
    std::filesystem::rename(temporary_, path_, ec);
    if (ec) throw UsageError("export: cannot write " + path_.string() + ": " + ec.message());
    closed_ = true;
  }

 private:
  std::filesystem::path path_, temporary_;
  std::ofstream out_;
  std::vector<std::string> columns_;
  std::vector<bool> verbatim_;  // per column: CsvField's `verbatim`
  bool closed_ = false;
};

template <typename Fn>
void ForEachDocument(const store::Store& db, Fn fn) {
  int64_t after = 0;
  for (auto page = db.Documents(0, 500); !page.empty(); page = db.Documents(after, 500)) {
    for (const auto& d : page) fn(d);
    after = page.back().id;
  }
}

void ExportJsonl(const store::Store& db) {
  auto emit = [](const char* kind, json j) {
    j["record"] = kind;
    PrintJsonLine(j);
  };
  ForEachDocument(db, [&](const store::DocRecord& d) {
    json j = d;
    j["mentions"] = db.Mentions(d.id);
    emit("doc", std::move(j));
  });
  for (const auto& e : db.Entities({})) emit("entity", e);
  for (const auto& q : db.Quotes({})) emit("quote", q);
  for (const auto& c : db.Claims({})) emit("claim", c);
  for (const auto& e : db.Events({})) emit("event", e);
}

void ExportCsv(const store::Store& db, const std::string& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) throw UsageError("export: cannot create " + folder + ": " + ec.message());
  const std::filesystem::path dir(folder);
  {
    CsvFile docs(dir / "docs.csv", {"id", "path", "source", "url", "title", "published", "duplicate_of", "text"});
    CsvFile mentions(dir / "mentions.csv", {"id", "doc", "start", "end", "type", "text", "entity"});
    ForEachDocument(db, [&](const store::DocRecord& d) {
      docs.Write(d);
      for (const auto& m : db.Mentions(d.id)) mentions.Write(m);
    });
    docs.Close();
    mentions.Close();
  }
  {
    CsvFile entities(dir / "entities.csv", {"id", "type", "name", "latin", "mentions", "doc_count", "aliases"});
    for (const auto& e : db.Entities({})) {
      json j = e;
      j["doc_count"] = e.docs.size();
      std::string aliases;
      for (const auto& a : e.aliases) aliases += (aliases.empty() ? "" : "|") + a.name;
      j["aliases"] = aliases;
      entities.Write(j);
    }
    entities.Close();
  }
  {
    CsvFile claims(dir / "claims.csv",
                   {"id", "doc", "value", "low", "high", "approx", "qualifier", "magnitude", "unit",
                    "counted", "place", "date", "source_id", "source", "source_kind", "topic", "start",
                    "end", "sentence", "about_id", "about"});
    for (const auto& c : db.Claims({})) {
      json j = c;
      // Every claim's attribution, the outlet's too (JSON's source is null then).
      j["source_id"] = c.source.entity ? json(*c.source.entity) : json(nullptr);
      j["source_kind"] = c.source.kind;
      j["source"] = c.source.name;
      j["about_id"] = c.about_entity ? json(*c.about_entity) : json(nullptr);
      j["about"] = c.about;
      claims.Write(j);
    }
    claims.Close();
  }
  {
    CsvFile quotes(dir / "quotes.csv", {"id", "doc", "speaker_id", "speaker", "direct", "start", "end", "text"});
    for (const auto& q : db.Quotes({})) {
      json j = q;
      j["speaker_id"] = q.speaker && q.speaker->entity ? json(*q.speaker->entity) : json();
      j["speaker"] = q.speaker ? q.speaker->name : "";
      quotes.Write(j);
    }
    quotes.Close();
  }
  {
    CsvFile events(dir / "events.csv",
                   {"id", "doc", "type", "date", "date_precision", "place", "participants", "count",
                    "killed", "injured", "start", "end", "trigger", "sentence", "incident"});
    for (const auto& e : db.Events({})) {
      json j = e;
      std::string people;
      for (const auto& p : e.participants) people += (people.empty() ? "" : "|") + p.name;
      j["participants"] = people;
      events.Write(j);
    }
    events.Close();
  }
}

void ExportGraphml(const store::Store& db, int64_t min_docs) {
  const store::Graph g = db.CoOccurrence(min_docs, 0);
  std::cout << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
               "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
               "  <key id=\"latin\" for=\"node\" attr.name=\"latin\" attr.type=\"string\"/>\n"
               "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
               "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
               "  <key id=\"docs\" for=\"edge\" attr.name=\"docs\" attr.type=\"int\"/>\n"
               "  <graph id=\"co-occurrence\" edgedefault=\"undirected\">\n";
  for (const auto& n : g.nodes) {
    std::cout << "    <node id=\"e" << n.id << "\"><data key=\"name\">" << Xml(n.name)
              << "</data><data key=\"latin\">" << Xml(n.latin) << "</data><data key=\"type\">"
              << n.type << "</data><data key=\"mentions\">" << n.mentions << "</data></node>\n";
  }
  for (const auto& e : g.edges) {
    std::cout << "    <edge source=\"e" << e.a << "\" target=\"e" << e.b << "\"><data key=\"docs\">"
              << e.docs << "</data></edge>\n";
  }
  std::cout << "  </graph>\n</graphml>\n";
}

}  // namespace

void AddExport(CLI::App* app, const GlobalOptions* global) {
  auto* cmd = app->add_subcommand("export", "Everything, for other tools.");
  auto format = std::make_shared<std::string>("jsonl");
  auto output = std::make_shared<std::string>();
  auto min_docs = std::make_shared<int64_t>(1);
  cmd->add_option("--format", *format, "jsonl (stdout), csv (a folder of files) or graphml (stdout)")
      ->check(CLI::IsMember({"jsonl", "csv", "graphml"}));
  auto* output_option = cmd->add_option("--output", *output, "csv: folder for the files");
  auto* min_docs_option =
      cmd->add_option("--min-docs", *min_docs, "graphml: entities named in at least N documents");
  cmd->callback([global, format, output, min_docs, output_option, min_docs_option] {
    // --json promises JSON Lines on stdout, which GraphML is not.
    if (global->json && *format == "graphml") {
      throw UsageError("export: --format graphml prints XML, not the JSON Lines --json promises");
    }
    // An option of another format would be ignored without a word.
    if (output_option->count() > 0 && *format != "csv") {
      throw UsageError("export: --output is for --format csv (jsonl and graphml go to stdout)");
    }
    if (min_docs_option->count() > 0 && *format != "graphml") {
      throw UsageError("export: --min-docs is for --format graphml");
    }
    auto db = OpenForReading(*global);
    if (*format == "jsonl") {
      ExportJsonl(*db);
    } else if (*format == "csv") {
      if (output->empty()) throw UsageError("export: --format csv needs --output FOLDER");
      ExportCsv(*db, *output);
    } else {
      ExportGraphml(*db, *min_docs);
    }
  });
}

}  // namespace marsad::cli
