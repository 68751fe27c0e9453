// marsad annotate: documents in, annotated JSON Lines out. Stateless, so it is
// the unit that scales out: no database is opened.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/output.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "ner/ner.h"
#include "text/text.h"

namespace marsad::cli {
namespace {

using nlohmann::json;
namespace tx = marsad::text;

const char* KindName(tx::TokenKind k) {
  switch (k) {
    case tx::TokenKind::kWord: return "word";
    case tx::TokenKind::kLatin: return "latin";
    case tx::TokenKind::kNumber: return "number";
    case tx::TokenKind::kPunct: return "punct";
    case tx::TokenKind::kUrl: return "url";
    case tx::TokenKind::kSymbol: return "symbol";
  }
  return "?";
}

const char* CliticName(tx::Clitic c) {
  switch (c) {
    case tx::Clitic::kConjunction: return "conj";
    case tx::Clitic::kPreposition: return "prep";
    case tx::Clitic::kFuture: return "future";
    case tx::Clitic::kArticle: return "article";
    case tx::Clitic::kPronoun: return "pronoun";
  }
  return "?";
}

const char* PrecisionName(tx::Precision p) {
  switch (p) {
    case tx::Precision::kYear: return "year";
    case tx::Precision::kMonth: return "month";
    case tx::Precision::kDay: return "day";
  }
  return "?";
}

// Spans in the normalised text become character offsets into the original.
class Offsets {
 public:
  Offsets(std::string_view original, const tx::Analysis& a)
      : original_(original), map_(a.normalized.map), chars_(original) {}

  void Put(tx::Span s, json* out) const {
    const tx::Span o = map_.ToOriginal(s);
    (*out)["start"] = chars_(o.begin);
    (*out)["end"] = chars_(o.end);
    (*out)["text"] = std::string(original_.substr(o.begin, o.size()));
  }

 private:
  std::string_view original_;
  const tx::OffsetMap& map_;
  tx::CharOffsets chars_;
};

// Whom a figure or quote is attributed to; null when to no one (the outlet
// speaks for itself), as the claims command prints it.
json AttributionJson(const extract::Attribution& at) {
  if (at.kind == extract::Attribution::Kind::kOutlet) return nullptr;
  json j = {{"kind", extract::AttributionKindName(at.kind)}};
  j["text"] = at.text;
  if (at.mention) j["mention"] = *at.mention;  // index into "mentions"
  return j;
}

json Breakdown(const std::vector<std::pair<std::string, double>>& parts) {
  json j = json::array();
  for (const auto& [noun, n] : parts) j.push_back({{"counted", noun}, {"value", n}});
  return j;
}

json OrNull(const std::optional<double>& x) { return x ? json(*x) : json(nullptr); }

// Quotes, claims and events with character offsets, as the store keeps them.
void AddExtraction(const tx::Analysis& a, const std::vector<ner::Mention>& mentions,
                   std::optional<tx::Date> published, const Offsets& offsets, json* out) {
  const extract::Extraction x = extract::Extract(
      a, mentions, published ? tx::FormatDate(*published, tx::Precision::kDay) : "");
  json quotes = json::array();
  for (const extract::Quote& q : x.quotes) {
    json j;
    offsets.Put(q.span, &j);
    j["direct"] = q.direct;
    j["speaker"] = q.speaker ? AttributionJson(*q.speaker) : json(nullptr);
    j["sentence"] = q.sentence;
    quotes.push_back(std::move(j));
  }
  (*out)["quotes"] = std::move(quotes);
  json claims = json::array();
  for (const extract::Claim& c : x.claims) {
    json j;
    offsets.Put(c.span, &j);
    j["value"] = c.value;
    j["low"] = OrNull(c.low);
    j["high"] = OrNull(c.high);
    j["approx"] = c.approx;
    if (!c.qualifier.empty()) j["qualifier"] = c.qualifier;
    if (!c.magnitude.empty()) j["magnitude"] = c.magnitude;
    j["unit"] = c.unit;
    j["counted"] = c.counted;
    j["place"] = c.place.empty() ? json(nullptr) : json(c.place);
    j["date"] = c.date.empty() ? json(nullptr) : json(c.date);
    j["source"] = AttributionJson(c.source);
    if (!c.breakdown.empty()) j["breakdown"] = Breakdown(c.breakdown);
    if (c.about_mention) j["about"] = *c.about_mention;
    j["topic"] = extract::ClaimTopic(c);
    j["sentence"] = c.sentence;
    claims.push_back(std::move(j));
  }
  (*out)["claims"] = std::move(claims);
  json events = json::array();
  for (const extract::Event& e : x.events) {
    json j;
    j["type"] = e.type;
    offsets.Put(e.trigger, &j);
    j["date"] = e.date.empty() ? json(nullptr) : json(e.date);
    j["date_precision"] = e.date_precision.empty() ? json(nullptr) : json(e.date_precision);
    j["place"] = e.place.empty() ? json(nullptr) : json(e.place);
    json participants = json::array();
    for (const extract::Participant& p : e.participants) {
      const tx::Span s = mentions[p.mention].span;
      participants.push_back({{"mention", p.mention},
                              {"name", std::string(a.normalized.text.substr(s.begin, s.size()))},
                              {"role", p.role}});
    }
    j["participants"] = std::move(participants);
    j["count"] = OrNull(e.count);
    j["killed"] = OrNull(e.killed);
    j["injured"] = OrNull(e.injured);
    if (!e.breakdown.empty()) j["breakdown"] = Breakdown(e.breakdown);
    j["sentence"] = e.sentence;
    events.push_back(std::move(j));
  }
  (*out)["events"] = std::move(events);
}

// `who` names the document in a message on stderr.
json Annotate(const std::string& text, std::optional<tx::Date> published, bool with_tokens,
              const ner::Tagger& tagger, const std::string& who) {
  const tx::Analysis a = tx::Analyze(text, {.published = published});
  const Offsets offsets(text, a);
  json out = json::object();

  // As ingest: the tagger and the extraction, made for Arabic, read nothing
  // from a document in another language (they found organisations in
  // English clauses).
  const bool arabic = tx::ReadAsArabic(text);
  if (!arabic) {
    std::cerr << who << ": not in Arabic (fewer than half its letters): no names, quotes, claims "
                        "or events are read from it\n";
  }
  const std::vector<ner::Mention> tagged = arabic ? tagger.Tag(a) : std::vector<ner::Mention>{};
  json mentions = json::array();
  for (const ner::Mention& m : tagged) {
    json j;
    offsets.Put(m.span, &j);
    j["name"] = ner::MentionName(a, m);
    j["type"] = ner::EntityTypeName(m.type);
    j["confidence"] = Rounded(m.confidence, 3);
    mentions.push_back(std::move(j));
  }
  out["mentions"] = std::move(mentions);

  json sentences = json::array();
  for (const tx::Sentence& s : a.sentences) {
    json j;
    offsets.Put(s.span, &j);
    sentences.push_back(std::move(j));
  }
  out["sentences"] = std::move(sentences);

  if (with_tokens) {
    json tokens = json::array();
    const std::string_view norm = a.normalized.text;
    for (const tx::Token& t : a.tokens) {
      json j;
      offsets.Put(t.span, &j);
      j["kind"] = KindName(t.kind);
      if (t.clitic_count > 0) {
        j["stem"] = std::string(norm.substr(t.stem.begin, t.stem.size()));
        json clitics = json::array();
        for (int k = 0; k < t.clitic_count; ++k) {
          json c;
          offsets.Put(t.clitics[k].span, &c);
          c["role"] = CliticName(t.clitics[k].role);
          clitics.push_back(std::move(c));
        }
        j["clitics"] = std::move(clitics);
      }
      tokens.push_back(std::move(j));
    }
    out["tokens"] = std::move(tokens);
  }

  json numbers = json::array();
  for (const tx::Quantity& q : a.quantities) {
    json j;
    offsets.Put(q.span, &j);
    if (q.is_range || q.magnitude) {
      j["low"] = q.low;
      j["high"] = q.high;
    } else {
      j["value"] = q.low;
    }
    j["approx"] = q.approx;
    if (q.is_range) j["range"] = true;
    if (q.magnitude) j["magnitude"] = true;
    if (q.at_least) j["at_least"] = true;
    if (q.at_most) j["at_most"] = true;
    numbers.push_back(std::move(j));
  }
  out["numbers"] = std::move(numbers);

  json dates = json::array();
  for (const tx::DateMention& d : a.dates) {
    json j;
    offsets.Put(d.span, &j);
    j["date"] = tx::FormatDate(d.date, d.precision);
    j["precision"] = PrecisionName(d.precision);
    if (d.relative) j["relative"] = true;
    if (d.hijri) j["hijri"] = true;
    dates.push_back(std::move(j));
  }
  out["dates"] = std::move(dates);
  if (arabic) {
    AddExtraction(a, tagged, published, offsets, &out);
  } else {
    for (const char* records : {"quotes", "claims", "events"}) out[records] = json::array();
  }
  return out;
}

// The day relative dates are read from: the document's own ("published",
// else "date"), else `fallback` when the document gives no date at all. A
// year or month of its own (2024-03) anchors nothing, and is left as
// written: --published is for documents that say nothing.
std::optional<tx::Date> PublishedOf(const json& doc, const std::optional<tx::Date>& fallback) {
  bool partial = false;
  for (const char* key : {"published", "date"}) {
    auto it = doc.find(key);
    if (it != doc.end() && it->is_string()) {
      const std::string& s = it->get_ref<const std::string&>();
      const auto d = tx::ParseIsoDate(std::string_view(s).substr(0, 10));
      if (d && d->day != 0) return d;
      partial = partial || d.has_value();
    }
  }
  return partial ? std::nullopt : fallback;
}

void Emit(const json& j) { std::cout << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n'; }

void AnnotatePlain(std::istream& in, const std::string& name, std::optional<tx::Date> published,
                   bool tokens, const ner::Tagger& tagger) {
  std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Files as ingest reads them: UTF-16, Windows-1256, BOMs.
  std::string why;
  std::optional<std::string> decoded = ingest::DecodeText(raw, &why);
  if (!decoded) {
    std::cerr << "marsad annotate: " << name << ": " << why << ", skipped\n";
    g_had_bad_input = true;
    return;
  }
  if (!why.empty()) std::cerr << "marsad annotate: " << name << ": " << why << "\n";
  std::string text = std::move(*decoded);
  // Without --published, the date the article gives near its top, as
  // ingest finds it (the text itself is annotated as it is).
  if (!published) {
    ingest::Document copy;
    copy.text = text;
    ingest::FindTitleAndDate(&copy);
    if (!copy.published.empty()) published = tx::ParseIsoDate(copy.published);
  }
  json out = {{"id", name}};
  if (published) out["published"] = tx::FormatDate(*published, tx::Precision::kDay);
  out["text"] = text;
  out.update(Annotate(text, published, tokens, tagger, "marsad annotate: " + name));
  Emit(out);
}

void AnnotateJsonLines(std::istream& in, std::optional<tx::Date> published, bool tokens,
                       const ner::Tagger& tagger) {
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = "annotate: stdin line " + std::to_string(line_no);
    json doc;
    try {
      doc = json::parse(RepairedInput(line, where));
    } catch (const json::parse_error& e) {
      std::cerr << "marsad: " << where << ": not valid JSON, skipped (" << e.what()
                << ")\n";
      g_had_bad_input = true;
      continue;
    }
    if (!doc.is_object()) {
      std::cerr << "marsad: " << where << ": not a JSON object, skipped\n";
      g_had_bad_input = true;
      continue;
    }
    std::string text;
    for (const char* key : {"text", "content"}) {
      auto it = doc.find(key);
      if (it != doc.end() && it->is_string()) {
        text = ingest::ContentText(it->get_ref<const std::string&>());  // as ingest stores it
        break;
      }
    }
    if (text.empty()) {
      std::cerr << "marsad: " << where << ": no \"text\" or \"content\" field, skipped\n";
      g_had_bad_input = true;
      continue;
    }
    const auto date = PublishedOf(doc, published);
    if (date) doc["published"] = tx::FormatDate(*date, tx::Precision::kDay);
    doc["text"] = text;
    doc.update(Annotate(text, date, tokens, tagger, "marsad: " + where));
    Emit(doc);
  }
}

}  // namespace

void AddAnnotate(CLI::App* app, const GlobalOptions* /*global*/) {
  auto* cmd = app->add_subcommand(
      "annotate",
      "Annotate documents: JSON Lines (url,title,date,source,content) on stdin, or plain text "
      "with --text, to annotated JSON Lines on stdout. Needs no database.");
  struct Options {
    bool text = false;
    bool tokens = false;
    std::string published;
    std::string model;
    std::vector<std::string> files;
  };
  auto opts = std::make_shared<Options>();
  cmd->add_flag("--text", opts->text, "input is plain text: each FILE (or stdin) is one document");
  cmd->add_flag("--tokens", opts->tokens, "include tokens with their clitics");
  cmd->add_option("--published", opts->published,
                  "publication date YYYY-MM-DD for relative dates (JSON input: when the "
                  "document has no date)");
  cmd->add_option("--model", opts->model, "NER model file (default: the shipped models/ner.model)");
  cmd->add_option("files", opts->files, "plain-text files (with --text); default stdin");
  cmd->callback([opts] {
    std::optional<tx::Date> published;
    if (!opts->published.empty()) published = tx::ParseIsoDate(CheckedDate("annotate: --published", opts->published));
    if (!opts->text && !opts->files.empty()) {
      throw UsageError("annotate: file arguments need --text (JSON Lines are read from stdin)");
    }
    std::string error;
    const auto tagger =
        ner::Tagger::Load(opts->model.empty() ? ner::DefaultModelPath() : opts->model, &error);
    if (!tagger) throw UsageError("annotate: " + error);
    if (!opts->text) {
      AnnotateJsonLines(std::cin, published, opts->tokens, *tagger);
      return;
    }
    if (opts->files.empty()) {
      AnnotatePlain(std::cin, "stdin", published, opts->tokens, *tagger);
      return;
    }
    for (const std::string& f : opts->files) {
      std::error_code ec;
      if (std::filesystem::is_directory(f, ec)) {
        std::cerr << "marsad annotate: " << f << ": is a directory, skipped\n";
        g_had_bad_input = true;
        continue;
      }
      std::ifstream in(f, std::ios::binary);
      if (!in) {
        std::cerr << "marsad annotate: " << f << ": cannot open, skipped\n";
        g_had_bad_input = true;
        continue;
      }
      AnnotatePlain(in, f, published, opts->tokens, *tagger);
    }
  });
}

}  // namespace marsad::cli
