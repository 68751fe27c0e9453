// The second phase of ingest: stored documents not yet analysed get their
// mentions, stated links, quotes, claims and events. Analysis runs on all
// cores while the single writer stores the previous batch; each batch is one
// transaction that also marks its documents analysed, so a killed run leaves
// whole documents analysed or not at all.
#include <future>

#include <nlohmann/json.hpp>

#include "extract/extract.h"
#include "ner/ner.h"
#include "resolve/resolve.h"
#include "store/internal.h"
#include "store/store.h"
#include "text/text.h"

namespace marsad::store {
namespace {

using internal::Statement;

// Documents per batch: enough to keep the cores busy between writes.
constexpr size_t kAnalysisBatch = 512;

struct Range {
  uint32_t start = 0, end = 0;  // characters
};

struct MentionRow {
  Range at;
  const char* type;
  std::string text;
  std::string key;
  std::string latin;
  double confidence;
};

struct SourceRow {
  std::optional<uint32_t> mention;  // local index
  std::string text;
  const char* kind;
};

struct QuoteRow {
  Range at, sentence;
  bool direct;
  std::optional<SourceRow> speaker;
};

struct ClaimRow {
  Range at, sentence;
  extract::Claim claim;
  SourceRow source;
  std::string topic;
};

struct EventRow {
  Range at, sentence;
  extract::Event event;
};

struct Analyzed {
  int64_t doc = 0;
  std::vector<MentionRow> mentions;
  std::vector<resolve::MentionLink> links;  // local indices
  std::vector<QuoteRow> quotes;
  std::vector<ClaimRow> claims;
  std::vector<EventRow> events;
};

struct Pending {
  int64_t id;
  std::string text;
  std::string published;
};

SourceRow ToSource(const extract::Attribution& a) {
  return {a.mention, a.text, extract::AttributionKindName(a.kind)};
}

Analyzed AnalyzeDocument(const Pending& doc, const ner::Tagger& tagger) {
  Analyzed out;
  out.doc = doc.id;
  text::AnalyzeOptions options;
  options.published = text::ParseIsoDate(doc.published);
  if (!text::ReadAsArabic(doc.text)) return out;  // ingest said so
  const text::Analysis a = text::Analyze(doc.text, options);
  const std::vector<ner::Mention> mentions = tagger.Tag(a);
  const text::CharOffsets chars(doc.text);
  auto range = [&](text::Span s) {
    const text::Span o = a.normalized.map.ToOriginal(s);
    return Range{chars(o.begin), chars(o.end)};
  };
  auto sentence = [&](uint32_t i) { return i < a.sentences.size() ? range(a.sentences[i].span) : Range{}; };
  std::vector<std::string> latin;
  out.links = resolve::FindLinks(a, mentions, &latin);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const ner::Mention& m = mentions[i];
    std::string name = ner::MentionName(a, m);
    std::string key = text::MatchKey(name);
    out.mentions.push_back({range(m.span), ner::EntityTypeName(m.type), std::move(name), std::move(key),
                            std::move(latin[i]), m.confidence});
  }
  extract::Extraction ex = extract::Extract(a, mentions, doc.published);
  for (const extract::Quote& q : ex.quotes) {
    QuoteRow row{range(q.span), sentence(q.sentence), q.direct, std::nullopt};
    if (q.speaker) row.speaker = ToSource(*q.speaker);
    out.quotes.push_back(std::move(row));
  }
  for (extract::Claim& c : ex.claims) {
    ClaimRow row{range(c.span), sentence(c.sentence), {}, ToSource(c.source), extract::ClaimTopic(c)};
    row.claim = std::move(c);
    out.claims.push_back(std::move(row));
  }
  for (extract::Event& e : ex.events) {
    out.events.push_back({range(e.trigger), sentence(e.sentence), std::move(e)});
  }
  return out;
}

std::string BreakdownJson(const std::vector<std::pair<std::string, double>>& parts) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& [what, n] : parts) j.push_back({{"counted", what}, {"value", n}});
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

class Writer {
 public:
  explicit Writer(sqlite3* db)
      : mention_(db,
                 "INSERT INTO mentions(doc, start, end, type, text, key, latin, confidence) "
                 "VALUES(?, ?, ?, ?, ?, ?, ?, ?)"),
        link_(db, "INSERT INTO mention_links(a, b, kind) VALUES(?, ?, ?)"),
        quote_(db,
               "INSERT INTO quotes(doc, start, end, sentence_start, sentence_end, direct, "
               "speaker_mention, speaker_text, speaker_kind) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        claim_(db,
               "INSERT INTO claims(doc, start, end, sentence_start, sentence_end, value, low, high, "
               "approx, qualifier, magnitude, unit, counted, place, place_mention, date, "
               "source_mention, source_text, source_kind, topic, about_mention) "
               "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        event_(db,
               "INSERT INTO events(doc, type, start, end, sentence_start, sentence_end, date, "
               "date_precision, place, place_mention, count, killed, injured, breakdown) "
               "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        participant_(db, "INSERT INTO event_participants(event, mention, role) VALUES(?, ?, ?)"),
        claim_doc_(db, "UPDATE docs SET analyzed = 1 WHERE id = ? AND analyzed = 0"),
        db_(db) {}

  // Writes what was found in a document, unless another ingest running at
  // the same time has written it since it was read (in a transaction, so
  // the check holds). Returns whether it wrote.
  bool Write(const Analyzed& d) {
    claim_doc_.Reset();
    claim_doc_.Bind(1, d.doc);
    claim_doc_.Step();
    if (sqlite3_changes(db_) == 0) return false;
    std::vector<int64_t> ids;
    ids.reserve(d.mentions.size());
    for (const MentionRow& m : d.mentions) {
      mention_.Reset();
      mention_.Bind(1, d.doc).Bind(2, int64_t{m.at.start}).Bind(3, int64_t{m.at.end});
      mention_.Bind(4, std::string_view(m.type)).Bind(5, m.text).Bind(6, m.key).Bind(7, m.latin);
      mention_.Bind(8, m.confidence);
      mention_.Step();
      ids.push_back(sqlite3_last_insert_rowid(db_));
    }
    auto id_of = [&](std::optional<uint32_t> local) {
      return local && *local < ids.size() ? std::optional<int64_t>(ids[*local]) : std::nullopt;
    };
    for (const resolve::MentionLink& l : d.links) {
      link_.Reset();
      link_.Bind(1, ids[l.a]).Bind(2, ids[l.b]);
      link_.Bind(3, std::string_view(l.kind == resolve::MentionLink::Kind::kAlias ? "alias" : "part_of"));
      link_.Step();
    }
    for (const QuoteRow& q : d.quotes) {
      quote_.Reset();
      BindPlace(&quote_, 1, d.doc, q.at, q.sentence);
      quote_.Bind(6, int64_t{q.direct});
      if (q.speaker) {
        quote_.Bind(7, id_of(q.speaker->mention)).Bind(8, q.speaker->text);
        quote_.Bind(9, std::string_view(q.speaker->kind));
      }
      quote_.Step();
    }
    for (const ClaimRow& row : d.claims) {
      const extract::Claim& c = row.claim;
      claim_.Reset();
      BindPlace(&claim_, 1, d.doc, row.at, row.sentence);
      claim_.Bind(6, c.value).Bind(7, c.low).Bind(8, c.high).Bind(9, int64_t{c.approx});
      claim_.Bind(10, c.qualifier).Bind(11, c.magnitude).Bind(12, c.unit).Bind(13, c.counted);
      claim_.Bind(14, c.place).Bind(15, id_of(c.place_mention)).Bind(16, c.date);
      claim_.Bind(17, id_of(row.source.mention)).Bind(18, row.source.text);
      claim_.Bind(19, std::string_view(row.source.kind)).Bind(20, row.topic).Bind(21, id_of(c.about_mention));
      claim_.Step();
    }
    for (const EventRow& row : d.events) {
      const extract::Event& e = row.event;
      event_.Reset();
      event_.Bind(1, d.doc).Bind(2, e.type);
      event_.Bind(3, int64_t{row.at.start}).Bind(4, int64_t{row.at.end});
      event_.Bind(5, int64_t{row.sentence.start}).Bind(6, int64_t{row.sentence.end});
      event_.Bind(7, e.date).Bind(8, e.date_precision).Bind(9, e.place);
      event_.Bind(10, id_of(e.place_mention)).Bind(11, e.count).Bind(12, e.killed);
      event_.Bind(13, e.injured).Bind(14, BreakdownJson(e.breakdown));
      event_.Step();
      const int64_t event = sqlite3_last_insert_rowid(db_);
      for (const extract::Participant& p : e.participants) {
        const auto mention = id_of(p.mention);
        if (!mention) continue;
        participant_.Reset();
        participant_.Bind(1, event).Bind(2, *mention).Bind(3, p.role);
        participant_.Step();
      }
    }
    return true;
  }

 private:
  static void BindPlace(Statement* s, int first, int64_t doc, Range at, Range sentence) {
    s->Bind(first, doc).Bind(first + 1, int64_t{at.start}).Bind(first + 2, int64_t{at.end});
    s->Bind(first + 3, int64_t{sentence.start}).Bind(first + 4, int64_t{sentence.end});
  }

  Statement mention_, link_, quote_, claim_, event_, participant_, claim_doc_;
  sqlite3* db_;
};

}  // namespace

void Store::ForgetAnalyses() {
  Begin();
  try {
    // A run interrupted before its resolution carried them already.
    internal::Exec(db_,
                   "INSERT OR IGNORE INTO carried_entities(doc, start, end, entity) "
                   "SELECT doc, start, end, entity FROM mentions WHERE entity IS NOT NULL AND attribute = 0; "
                   "DELETE FROM event_participants; DELETE FROM events; DELETE FROM claims; "
                   "DELETE FROM quotes; DELETE FROM mention_links; DELETE FROM mentions; "
                   "UPDATE docs SET analyzed = 0");
    Commit();
  } catch (...) {
    Rollback();
    throw;
  }
}

size_t Store::AnalyzePending(const IngestOptions& options) {
  const unsigned threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  Statement select(db_,
                   "SELECT id, text, published FROM docs WHERE analyzed = 0 AND id > ? "
                   "ORDER BY id LIMIT ?");
  int64_t after = 0;
  auto read_batch = [&] {
    std::vector<Pending> batch;
    select.Reset();
    select.Bind(1, after).Bind(2, static_cast<int64_t>(kAnalysisBatch));
    while (select.Step()) batch.push_back({select.Int(0), select.Text(1), select.Text(2)});
    if (!batch.empty()) after = batch.back().id;
    return batch;
  };
  auto analyze = [&options, threads](std::vector<Pending> batch) {
    std::vector<Analyzed> out(batch.size());
    internal::ParallelFor(batch.size(), threads,
                          [&](size_t i) { out[i] = AnalyzeDocument(batch[i], *options.tagger); });
    return out;
  };
  Writer writer(db_);
  size_t analyzed = 0;
  std::vector<Pending> batch = read_batch();
  std::future<std::vector<Analyzed>> pending;
  if (!batch.empty()) pending = std::async(std::launch::async, analyze, std::move(batch));
  while (pending.valid()) {
    std::vector<Analyzed> done = pending.get();
    // Read the next batch before writing, and analyse it while writing.
    std::vector<Pending> next = read_batch();
    if (!next.empty()) pending = std::async(std::launch::async, analyze, std::move(next));
    Begin();
    try {
      for (const Analyzed& d : done) analyzed += writer.Write(d);
      Commit();
    } catch (...) {
      Rollback();
      if (pending.valid()) pending.wait();
      throw;
    }
  }
  return analyzed;
}

}  // namespace marsad::store
