// marsad eval extract FILE: quotes, claims and events against a gold set,
// through the real pipeline (text::Analyze, the default NER model, Extract).
//
// FILE is either JSON Lines, one annotated document per line:
//   {"id": "...", "published": "YYYY-MM-DD", "text": "...",
//    "claims": [{"text": "نحو ألفي مقاتل", "value": 2000, "approx": true,
//                "unit": "person", "counted": "مقاتل", "source": "نزار حمادة"}],
//    "quotes": [{"text_starts": "...", "speaker": "نزار حمادة", "direct": true}],
//    "events": [{"type": "attack", "date": "2024-03-04"}]}
// or a gold.json with "documents", "claims", "quotes" and "events" lists
// naming files of the corpus/ folder next to it (examples/gold.json).
//
// Rules. A gold claim is found by its text in the document; a predicted
// claim overlapping it is right when value, low and high (and magnitude when
// the gold gives one), approx, counted (head nouns compared) and source are
// all right. Sources and speakers compare by match key; a name also matches
// the phrase that contains it ("الباحث نزار حمادة"); null is the outlet.
// A quote is found when a predicted quotation covers the start of its text;
// its speaker is right as for sources. An event is right in type when the
// document has a predicted event of that type not used by another gold
// event, and in date when that event also has the gold date.
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "ner/ner.h"
#include "text/text.h"

namespace marsad::cli {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;
namespace tx = marsad::text;
namespace ex = marsad::extract;

struct GoldDoc {
  std::string id;
  std::string text;
  std::string published;
  std::vector<json> claims, quotes, events;
};

struct Tally {
  uint32_t claims_gold = 0, claims_predicted = 0, claims_correct = 0, claims_found = 0;
  uint32_t claims_value_correct = 0, claims_unit_correct = 0;
  uint32_t quotes_gold = 0, quotes_found = 0, quotes_speaker = 0;
  uint32_t events_gold = 0, events_predicted = 0, events_type = 0, events_date = 0;
};

std::string Key(std::string_view s) { return tx::MatchKey(tx::Normalize(s).text); }

// Equal keys, or one a whole-word part of the other.
bool SameSource(const std::string& gold, const std::string& predicted) {
  const std::string g = Key(gold), p = Key(predicted);
  if (g.empty() || p.empty()) return g == p;
  if (g == p) return true;
  const auto within = [](const std::string& small, const std::string& big) {
    for (size_t at = big.find(small); at != std::string::npos; at = big.find(small, at + 1)) {
      const bool left = at == 0 || big[at - 1] == ' ';
      const bool right = at + small.size() == big.size() || big[at + small.size()] == ' ';
      if (left && right) return true;
    }
    return false;
  };
  return within(g, p) || within(p, g);
}

bool SourceRight(const json& gold_source, const std::optional<ex::Attribution>& predicted,
                 const json* acceptable = nullptr) {
  const bool outlet = !predicted || predicted->kind == ex::Attribution::Kind::kOutlet;
  if (gold_source.is_null()) return outlet;
  if (outlet || !gold_source.is_string()) return false;
  if (SameSource(gold_source.get<std::string>(), predicted->text)) return true;
  if (acceptable && acceptable->is_array()) {
    for (const json& a : *acceptable) {
      if (a.is_string() && SameSource(a.get<std::string>(), predicted->text)) return true;
    }
  }
  return false;
}

std::string Head(const std::string& counted) {
  std::string h = counted.substr(0, counted.find_first_of(" ("));
  return Key(h);
}

bool Near(const json& gold, const std::optional<double>& x) {
  if (gold.is_null()) return !x;
  if (!x || !gold.is_number()) return false;
  const double g = gold.get<double>();
  return std::fabs(g - *x) <= 1e-6 * std::max(1.0, std::fabs(g));
}

// The claim as a record: value for a plain figure, low/high for a range or a
// bound, magnitude alone for a vague amount.
struct Record {
  std::optional<double> value, low, high;
  std::string magnitude;
};

Record RecordOf(const ex::Claim& c) {
  Record r;
  if (!c.magnitude.empty()) {
    r.magnitude = c.magnitude;
  } else if (c.low && c.high) {
    r.low = c.low;
    r.high = c.high;
  } else if (c.low || c.high) {
    r.low = c.low;
    r.high = c.high;
  } else {
    r.value = c.value;
  }
  return r;
}

json Field(const json& j, const char* name) {
  auto it = j.find(name);
  return it == j.end() ? json(nullptr) : *it;
}

// Byte range of `needle` (display-normalised) in the normalised document.
std::optional<tx::Span> Locate(const tx::Analysis& a, const std::string& needle) {
  const std::string n = tx::Normalize(needle).text;
  if (n.empty()) return std::nullopt;
  const size_t at = a.normalized.text.find(n);
  if (at == std::string::npos) return std::nullopt;
  return tx::Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + n.size())};
}

void Score(const GoldDoc& g, const ner::Tagger& tagger, bool verbose, Tally* t) {
  const auto published = tx::ParseIsoDate(g.published);
  const tx::Analysis a = tx::Analyze(g.text, {.published = published});
  const auto mentions = tagger.Tag(a);
  const ex::Extraction x = ex::Extract(a, mentions, g.published);
  const std::string_view norm = a.normalized.text;
  auto show = [&](tx::Span s) { return std::string(norm.substr(s.begin, s.size())); };

  // Claims.
  t->claims_gold += g.claims.size();
  t->claims_predicted += x.claims.size();
  std::vector<bool> used(x.claims.size(), false);
  for (const json& gc : g.claims) {
    const auto where = Locate(a, gc.value("text", ""));
    const ex::Claim* best = nullptr;
    size_t best_k = 0;
    if (where) {
      for (size_t k = 0; k < x.claims.size(); ++k) {
        const tx::Span s = x.claims[k].span;
        if (!used[k] && s.begin < where->end && where->begin < s.end) {
          best = &x.claims[k];
          best_k = k;
          break;
        }
      }
    }
    std::string why;
    if (!where) why = "gold text not in document";
    if (!best && why.empty()) why = "not found";
    bool right = false;
    if (best) {
      used[best_k] = true;
      ++t->claims_found;
      const Record r = RecordOf(*best);
      const json mag = Field(gc, "magnitude");
      const bool value_ok = Near(Field(gc, "value"), r.value) && Near(Field(gc, "low"), r.low) &&
                            Near(Field(gc, "high"), r.high) &&
                            (mag.is_null() || (mag.is_string() && mag == r.magnitude));
      const bool approx_ok = gc.value("approx", false) == best->approx;
      const json counted = Field(gc, "counted");
      const bool counted_ok =
          counted.is_string() ? Head(counted.get<std::string>()) == Head(best->counted)
                              : best->counted.empty();
      const bool source_ok = SourceRight(Field(gc, "source"), best->source);
      const json unit = Field(gc, "unit");
      if (unit.is_string() && unit.get<std::string>() == best->unit) ++t->claims_unit_correct;
      if (value_ok) ++t->claims_value_correct;
      right = value_ok && approx_ok && counted_ok && source_ok;
      if (!right) {
        why = std::string(value_ok ? "" : " value") + (approx_ok ? "" : " approx") +
              (counted_ok ? "" : " counted(" + best->counted + ")") +
              (source_ok ? "" : " source(" + best->source.text + ")");
      }
    }
    if (right) ++t->claims_correct;
    if (!right && verbose) {
      std::cerr << g.id << " claim MISS " << gc.dump(-1, ' ', false) << " :" << why << "\n";
    }
  }
  if (verbose) {
    for (size_t k = 0; k < x.claims.size(); ++k) {
      if (!used[k]) {
        std::cerr << g.id << " claim EXTRA «" << show(x.claims[k].span) << "» counted "
                  << x.claims[k].counted << " unit " << x.claims[k].unit << "\n";
      }
    }
  }

  // Quotes.
  t->quotes_gold += g.quotes.size();
  for (const json& gq : g.quotes) {
    const auto where = Locate(a, gq.value("text_starts", ""));
    const ex::Quote* found = nullptr;
    if (where) {
      for (const ex::Quote& q : x.quotes) {
        if (q.span.begin <= where->begin + 8 && where->begin < q.span.end) {
          found = &q;
          if (q.direct) break;
        }
      }
    }
    if (found) ++t->quotes_found;
    json speaker = Field(gq, "speaker");
    if (speaker.is_null() && gq.contains("speaker_text")) speaker = gq["speaker_text"];
    const json acceptable = Field(gq, "acceptable_speakers");
    const bool right = found && SourceRight(speaker, found->speaker, &acceptable);
    if (right) ++t->quotes_speaker;
    if (!right && verbose) {
      std::cerr << g.id << " quote MISS " << gq.dump(-1, ' ', false) << " : "
                << (found ? (found->speaker ? found->speaker->text : "(none)") : "not found")
                << "\n";
    }
  }

  // Events.
  t->events_gold += g.events.size();
  t->events_predicted += x.events.size();
  std::vector<bool> taken(x.events.size(), false);
  for (const json& ge : g.events) {
    const std::string type = ge.value("type", "");
    const json date = Field(ge, "date");
    int pick = -1;
    for (size_t k = 0; k < x.events.size(); ++k) {
      if (taken[k] || x.events[k].type != type) continue;
      const bool date_ok = date.is_string() ? x.events[k].date == date.get<std::string>()
                                            : x.events[k].date.empty();
      if (pick < 0 || date_ok) pick = static_cast<int>(k);
      if (date_ok) break;
    }
    bool date_right = false;
    if (pick >= 0) {
      taken[pick] = true;
      ++t->events_type;
      const ex::Event& e = x.events[pick];
      date_right = date.is_string() ? e.date == date.get<std::string>() : e.date.empty();
      if (date_right) ++t->events_date;
    }
    if ((pick < 0 || !date_right) && verbose) {
      std::cerr << g.id << " event MISS " << ge.dump(-1, ' ', false) << " : "
                << (pick < 0 ? "no such type" : "date " + x.events[pick].date) << "\n";
    }
  }
  if (verbose) {
    for (size_t k = 0; k < x.events.size(); ++k) {
      if (!taken[k]) {
        std::cerr << g.id << " event EXTRA " << x.events[k].type << " " << x.events[k].date
                  << " «" << show(x.events[k].trigger) << "»\n";
      }
    }
  }
}

std::vector<GoldDoc> ReadJsonLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("eval extract: " + path + ": cannot open");
  std::vector<GoldDoc> docs;
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j;
    try {
      j = json::parse(line);
    } catch (const json::parse_error& e) {
      throw UsageError("eval extract: " + path + " line " + std::to_string(n) +
                       ": not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) {
      throw UsageError("eval extract: " + path + " line " + std::to_string(n) +
                       ": an object with a \"text\" string is expected");
    }
    GoldDoc d;
    d.id = j.value("id", path + ":" + std::to_string(n));
    d.text = tx::RepairUtf8(j["text"].get<std::string>());
    d.published = j.value("published", "");
    for (const char* k : {"claims", "quotes", "events"}) {
      if (!j.contains(k)) continue;
      if (!j[k].is_array()) {
        throw UsageError("eval extract: " + path + " line " + std::to_string(n) + ": \"" + k +
                         "\" must be a list");
      }
      auto& dst = std::string(k) == "claims" ? d.claims
                  : std::string(k) == "quotes" ? d.quotes
                                               : d.events;
      for (const json& x : j[k]) dst.push_back(x);
    }
    docs.push_back(std::move(d));
  }
  return docs;
}

// examples/gold.json: annotations of the files in corpus/ next to it.
std::vector<GoldDoc> ReadCorpusGold(const std::string& path, const json& gold) {
  const std::filesystem::path corpus = std::filesystem::path(path).parent_path() / "corpus";
  std::vector<GoldDoc> docs;
  std::vector<ingest::Problem> problems;
  std::vector<ingest::Document> read;
  for (const std::string& f : ingest::ListInputs({corpus.string()}, &problems)) {
    ingest::ReadFile(f, {}, &read, &problems);
  }
  for (const json& gd : gold["documents"]) {
    const std::string file = gd.value("file", "");
    for (const ingest::Document& r : read) {
      const std::string name = std::filesystem::path(r.path).filename().string();
      if (name != file) continue;
      GoldDoc d;
      d.id = file;
      d.text = r.title.empty() ? r.text : r.title + "\n\n" + r.text;
      d.published = r.published.empty() ? gd.value("published", "") : r.published;
      docs.push_back(std::move(d));
    }
  }
  for (const char* k : {"claims", "quotes", "events"}) {
    if (!gold.contains(k)) continue;
    for (const json& x : gold[k]) {
      const std::string file = x.value("file", "");
      for (GoldDoc& d : docs) {
        if (d.id != file) continue;
        auto& dst = std::string(k) == "claims" ? d.claims
                    : std::string(k) == "quotes" ? d.quotes
                                                 : d.events;
        dst.push_back(x);
      }
    }
  }
  return docs;
}

double Ratio(uint32_t a, uint32_t b) { return b ? std::round(1000.0 * a / b) / 1000 : 0; }

struct Options {
  std::string file;
  std::string model;
  bool verbose = false;
  std::vector<std::string> minimums;
};

void Run(const Options& o, const GlobalOptions& global) {
  std::vector<GoldDoc> docs;
  {
    // A folder opens as a file that reads nothing (no documents, all zeros).
    std::error_code ec;
    if (std::filesystem::is_directory(o.file, ec)) {
      throw UsageError("eval extract: " + o.file + ": is a directory");
    }
    std::ifstream in(o.file, std::ios::binary);
    if (!in) throw UsageError("eval extract: " + o.file + ": cannot open");
    if (o.file.size() > 5 && o.file.substr(o.file.size() - 5) == ".json") {
      json gold;
      try {
        in >> gold;
      } catch (const json::parse_error& e) {
        throw UsageError("eval extract: " + o.file + ": not valid JSON (" + e.what() + ")");
      }
      if (!gold.is_object() || !gold.contains("documents")) {
        throw UsageError("eval extract: " + o.file + ": a \"documents\" list is expected");
      }
      docs = ReadCorpusGold(o.file, gold);
      if (docs.empty()) {
        throw UsageError("eval extract: " + o.file + ": no documents (none of the files it lists is in " +
                         (std::filesystem::path(o.file).parent_path() / "corpus").string() + ")");
      }
    } else {
      docs = ReadJsonLines(o.file);
    }
  }
  // Scores of nothing are zeros that look like an extraction that found nothing.
  if (docs.empty()) throw UsageError("eval extract: " + o.file + ": no documents");
  std::string error;
  const std::string model = o.model.empty() ? ner::DefaultModelPath() : o.model;
  const auto tagger = ner::Tagger::Load(model, &error);
  if (!tagger) throw UsageError("eval extract: " + error);
  Tally t;
  for (const GoldDoc& d : docs) Score(d, *tagger, o.verbose, &t);
  const double p = Ratio(t.claims_correct, t.claims_predicted);
  const double r = Ratio(t.claims_correct, t.claims_gold);
  const double f1 = p + r > 0 ? std::round(2000 * p * r / (p + r)) / 1000 : 0;
  ordered_json out = {
      {"file", o.file},
      {"documents", docs.size()},
      {"claims",
       {{"gold", t.claims_gold},
        {"predicted", t.claims_predicted},
        {"correct", t.claims_correct},
        {"precision", p},
        {"recall", r},
        {"f1", f1},
        {"found", t.claims_found},
        {"value_correct", t.claims_value_correct},
        {"unit_correct", t.claims_unit_correct}}},
      {"quotes",
       {{"gold", t.quotes_gold},
        {"found", t.quotes_found},
        {"speaker_correct", t.quotes_speaker},
        {"speaker_accuracy", Ratio(t.quotes_speaker, t.quotes_gold)}}},
      {"events",
       {{"gold", t.events_gold},
        {"predicted", t.events_predicted},
        {"type_correct", t.events_type},
        {"type_accuracy", Ratio(t.events_type, t.events_gold)},
        {"date_correct", t.events_date},
        {"date_accuracy", Ratio(t.events_date, t.events_gold)},
        {"precision", Ratio(t.events_type, t.events_predicted)}}}};
  std::cout << out.dump(global.json ? -1 : 2) << "\n";
  // --min claims.precision=0.9: fail (exit 1) when a figure falls below.
  bool below = false;
  for (const std::string& m : o.minimums) {
    const size_t eq = m.find('='), dot = m.find('.');
    if (eq == std::string::npos || dot == std::string::npos || dot > eq) {
      throw UsageError("eval extract: --min takes GROUP.FIGURE=VALUE, got \"" + m + "\"");
    }
    const std::string group = m.substr(0, dot), figure = m.substr(dot + 1, eq - dot - 1);
    if (!out.contains(group) || !out[group].contains(figure)) {
      throw UsageError("eval extract: no figure \"" + m.substr(0, eq) + "\"");
    }
    double want = 0;
    const std::string value = m.substr(eq + 1);
    const auto [end, status] = std::from_chars(value.data(), value.data() + value.size(), want);
    if (status != std::errc() || end != value.data() + value.size()) {
      throw UsageError("eval extract: --min " + m.substr(0, eq) + " takes a number, got \"" + value + "\"");
    }
    const double got = out[group][figure].get<double>();
    if (got + 1e-9 < want) {
      std::cerr << "marsad eval extract: " << group << "." << figure << " = " << got
                << " is below " << want << "\n";
      below = true;
    }
  }
  if (below) g_had_bad_input = true;
}

}  // namespace

void AddEvalExtract(CLI::App* eval_cmd, const GlobalOptions* global) {
  if (!eval_cmd) return;
  auto opts = std::make_shared<Options>();
  auto* cmd = eval_cmd->add_subcommand(
      "extract",
      "Run the pipeline over a gold set of quotes, claims and events (JSON Lines, or a "
      "gold.json beside a corpus/ folder) and print claim precision/recall, quote speaker "
      "accuracy and event type/date accuracy as JSON.");
  cmd->add_option("file", opts->file, "gold set")->required();
  cmd->add_option("--model", opts->model, "NER model file (default: the shipped models/ner.model)");
  cmd->add_flag("-v,--verbose", opts->verbose, "list every miss and extra on stderr");
  cmd->add_option("--min", opts->minimums,
                  "GROUP.FIGURE=VALUE (e.g. claims.precision=0.9): exit 1 when below");
  cmd->callback([opts, global] { Run(*opts, *global); });
}

}  // namespace marsad::cli
