// Reading what ingest derived: entities, mentions, quotes, claims, events,
// the co-occurrence network; and the JSON form of every record.
#include <algorithm>
#include <chrono>
#include <limits>
#include <tuple>
#include <map>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "extract/extract.h"
#include "resolve/resolve.h"
#include "store/internal.h"
#include "store/store.h"
#include "text/text.h"

namespace marsad::store {
namespace {

using internal::Statement;

// Completed with a mention id column and ")": whether that mention names its
// entity itself, not as an attribute. An adjective (السوري, "Syrian") names
// its country as an attribute, not as a source. Written on the joined
// record's column, so that SQLite looks it up for the records found only,
// not for every mention of a big entity.
constexpr const char* kNotAttribute = "(SELECT attribute = 0 FROM mentions a WHERE a.id = ";

// Limit and offset as SQL values: 0 means no limit.
int64_t SqlLimit(size_t limit) { return limit ? static_cast<int64_t>(limit) : -1; }

std::string SentenceSql(const char* table) {
  return std::string("substr(d.text, ") + table + ".sentence_start + 1, " + table +
         ".sentence_end - " + table + ".sentence_start)";
}

// The earliest and latest day a date of any precision covers, as text that
// sorts: "2023" covers 2023-01-01 to 2023-12-31.
std::pair<std::string, std::string> DateBounds(const std::string& date) {
  if (date.size() == 4) return {date + "-01-01", date + "-12-31"};
  if (date.size() == 7) return {date + "-01", date + "-31"};
  return {date, date};
}

SourceRef ReadSource(const Statement& s, int entity_col, int entity_name_col, int text_col,
                     int kind_col) {
  SourceRef ref;
  ref.entity = s.OptionalInt(entity_col);
  ref.name = ref.entity ? s.Text(entity_name_col) : s.Text(text_col);
  ref.kind = ref.entity ? "entity" : s.Text(kind_col);
  if (ref.kind == "entity" && !ref.entity) ref.kind = "described";
  return ref;
}

// Whether every word of `about` begins a word of the texts (by match key,
// without the article, so "مقاتلين" and "المقاتل" both find مقاتل by its
// stem); the texts' words are cut at spaces and at the topic's '|'.
bool IsAbout(const std::vector<std::string>& about_keys, std::string_view haystack) {
  std::vector<std::string_view> words;
  for (size_t b = 0; b < haystack.size();) {
    size_t e = haystack.find_first_of(" |", b);
    if (e == std::string_view::npos) e = haystack.size();
    std::string_view w = haystack.substr(b, e - b);
    if (w.starts_with("ال") && w.size() > std::string_view("ال").size()) w.remove_prefix(std::string_view("ال").size());
    if (!w.empty()) words.push_back(w);
    b = e + 1;
  }
  for (const std::string& k : about_keys) {
    if (std::none_of(words.begin(), words.end(), [&](std::string_view w) { return w.starts_with(k); })) {
      return false;
    }
  }
  return true;
}

std::vector<std::string> AboutKeys(std::string_view about) {
  std::vector<std::string> keys;
  const std::string normalized = text::Normalize(about).text;
  for (const text::Token& t : text::Tokenize(normalized)) {
    if (t.kind != text::TokenKind::kWord && t.kind != text::TokenKind::kLatin) continue;
    const std::string_view n = normalized;
    // قتلى (the killed) is the topic's قتيل; دولار (dollars) its usd.
    if (std::string topic = extract::TopicWord(n.substr(t.span.begin, t.span.size())); !topic.empty()) {
      keys.push_back(std::move(topic));
      continue;
    }
    std::string key = text::MatchKey(n.substr(t.stem.begin, t.stem.size()));
    // A plural's stem is a singular with an ending; its first letters find both.
    const std::string ending = text::EndingKey(key);
    if (!ending.empty() && ending.size() >= 6) key = ending;
    if (key.size() > 8 && (key.ends_with("ين") || key.ends_with("ون"))) key.resize(key.size() - 4);
    if (!key.empty()) keys.push_back(key);
  }
  return keys;
}

}  // namespace

std::vector<int64_t> Store::FindEntities(std::string_view name) const {
  std::vector<int64_t> found;
  const std::string key = text::MatchKey(text::Normalize(name).text);
  {
    Statement s(db_,
                "SELECT entity, count(*) FROM mentions WHERE key = ? AND entity IS NOT NULL "
                "AND attribute = 0 GROUP BY entity ORDER BY 2 DESC, 1");
    s.Bind(1, key);
    while (s.Step()) found.push_back(s.Int(0));
  }
  if (!found.empty()) return found;
  // Other spellings: candidates sharing a phonetic key, scored by the matcher.
  std::string error;
  const resolve::Matcher* matcher = resolve::DefaultMatcher(&error);
  if (!matcher) return found;
  std::set<int64_t> candidates;
  {
    Statement s(db_, "SELECT entity FROM entity_keys WHERE key = ? LIMIT 2000");
    for (const std::string& k : resolve::BlockingKeys(name)) {
      s.Reset();
      s.Bind(1, k);
      while (s.Step()) candidates.insert(s.Int(0));
    }
  }
  std::vector<std::pair<double, int64_t>> scored;
  Statement aliases(db_,
                    "SELECT name FROM entity_aliases WHERE entity = ? ORDER BY mentions DESC LIMIT 8");
  const resolve::PreparedName query = resolve::PrepareName(name);
  for (int64_t id : candidates) {
    aliases.Reset();
    aliases.Bind(1, id);
    double best = 0;
    while (aliases.Step()) {
      best = std::max(best, matcher->MatchScore(query, resolve::PrepareName(aliases.Text(0))));
    }
    if (best >= resolve::kDefaultThreshold) scored.push_back({-best, id});
  }
  std::sort(scored.begin(), scored.end());
  for (const auto& [score, id] : scored) found.push_back(id);
  return found;
}

namespace {

// Reads entities by id with three statements prepared once (a list of a
// thousand entities is a thousand lookups of each).
class EntityReader {
 public:
  explicit EntityReader(sqlite3* db)
      : head_(db, "SELECT id, type, name, latin, mentions, docs FROM entities WHERE id = ?"),
        aliases_(db,
                 "SELECT name, mentions, docs FROM entity_aliases WHERE entity = ? "
                 "ORDER BY mentions DESC, name"),
        docs_(db,
              "SELECT DISTINCT doc FROM mentions WHERE entity = ? AND attribute = 0 ORDER BY doc") {}

  // The entities row alone: no aliases, no docs.
  std::optional<EntityRecord> Head(int64_t id) {
    head_.Reset();
    head_.Bind(1, id);
    if (!head_.Step()) return std::nullopt;
    EntityRecord e;
    e.id = head_.Int(0);
    e.type = head_.Text(1);
    e.name = head_.Text(2);
    e.latin = head_.Text(3);
    e.mentions = head_.Int(4);
    e.doc_count = head_.Int(5);
    return e;
  }

  void AddAliases(EntityRecord* e) {
    aliases_.Reset();
    aliases_.Bind(1, e->id);
    while (aliases_.Step()) e->aliases.push_back({aliases_.Text(0), aliases_.Int(1), aliases_.Int(2)});
  }

  void AddDocs(EntityRecord* e) {
    docs_.Reset();
    docs_.Bind(1, e->id);
    while (docs_.Step()) e->docs.push_back(docs_.Int(0));
    e->doc_count = static_cast<int64_t>(e->docs.size());
  }

 private:
  Statement head_, aliases_, docs_;
};

}  // namespace

std::vector<EntityRecord> Store::Entities(const RecordFilter& filter, size_t* total) const {
  std::vector<int64_t> ids;
  if (!filter.query.empty()) {
    ids = FindEntities(filter.query);
  } else {
    // Entities of the type asked (any if none) and enough documents.
    const std::string listed = " FROM entities WHERE (?1 = '' OR type = ?1) AND docs >= ?2";
    Statement s(db_, ("SELECT id" + listed + " ORDER BY docs DESC, mentions DESC, id LIMIT ?3 OFFSET ?4").c_str());
    s.Bind(1, filter.type).Bind(2, filter.min_docs).Bind(3, SqlLimit(filter.limit));
    s.Bind(4, static_cast<int64_t>(filter.offset));
    while (s.Step()) ids.push_back(s.Int(0));
    if (total) {
      Statement count(db_, ("SELECT count(*)" + listed).c_str());
      count.Bind(1, filter.type).Bind(2, filter.min_docs);
      *total = count.Step() ? static_cast<size_t>(count.Int(0)) : 0;
    }
  }
  EntityReader reader(db_);
  std::vector<EntityRecord> out;
  size_t matched = 0;
  for (int64_t id : ids) {
    std::optional<EntityRecord> e = reader.Head(id);
    if (!e) continue;
    if (!filter.query.empty()) {
      // The SQL above filtered the listing; filter a name search here, and
      // count the matches past the page only when asked.
      if ((!filter.type.empty() && e->type != filter.type) || e->doc_count < filter.min_docs) {
        continue;
      }
      const bool before_page = matched++ < filter.offset;
      const bool after_page = filter.limit && out.size() == filter.limit;
      if (after_page && !total) break;
      if (before_page || after_page) continue;
    }
    reader.AddAliases(&*e);
    if (filter.entity_docs) reader.AddDocs(&*e);
    out.push_back(std::move(*e));
  }
  if (total && !filter.query.empty()) *total = matched;
  return out;
}

std::optional<EntityRecord> Store::Entity(int64_t id) const {
  EntityReader reader(db_);
  std::optional<EntityRecord> e = reader.Head(id);
  if (!e) return e;
  reader.AddAliases(&*e);
  reader.AddDocs(&*e);
  return e;
}

std::optional<EntityRecord> Store::EntitySummary(int64_t id) const {
  EntityReader reader(db_);
  std::optional<EntityRecord> e = reader.Head(id);
  if (e) reader.AddAliases(&*e);
  return e;
}

std::vector<int64_t> Store::EntityDocuments(int64_t id, size_t limit, size_t offset) const {
  // Newest published first (undated last), then newest stored: an entity's
  // documents are sorted whole for each page, a few thousand rows at most.
  Statement s(db_,
              "SELECT d.id FROM docs d JOIN (SELECT DISTINCT doc FROM mentions WHERE entity = ?1 AND "
              "attribute = 0) m ON m.doc = d.id ORDER BY d.published DESC, d.id DESC LIMIT ?2 OFFSET ?3");
  s.Bind(1, id).Bind(2, SqlLimit(limit)).Bind(3, static_cast<int64_t>(offset));
  std::vector<int64_t> out;
  while (s.Step()) out.push_back(s.Int(0));
  return out;
}

int64_t Store::EntityCount() const {
  Statement s(db_, "SELECT count(*) FROM entities");
  s.Step();
  return s.Int(0);
}

std::vector<RelatedEntity> Store::Related(int64_t id, size_t limit) const {
  std::vector<RelatedEntity> out;
  Statement parts(db_,
                  "SELECT e.id, e.type, e.name, 'part_of' FROM part_of p JOIN entities e "
                  "ON e.id = p.parent WHERE p.branch = ?1 "
                  "UNION ALL SELECT e.id, e.type, e.name, 'has_part' FROM part_of p JOIN entities e "
                  "ON e.id = p.branch WHERE p.parent = ?1");
  parts.Bind(1, id);
  while (parts.Step()) out.push_back({parts.Int(0), parts.Text(1), parts.Text(2), parts.Text(3), 0});
  Statement co(db_,
               "SELECT e.id, e.type, e.name, r.docs FROM entity_related r "
               "JOIN entities e ON e.id = r.other WHERE r.entity = ?1 "
               "ORDER BY r.docs DESC, e.docs DESC, e.id LIMIT ?2");
  co.Bind(1, id).Bind(2, SqlLimit(limit));
  while (co.Step()) out.push_back({co.Int(0), co.Text(1), co.Text(2), "co-occurs", co.Int(3)});
  return out;
}

std::vector<MentionRecord> Store::Mentions(int64_t doc) const {
  std::vector<MentionRecord> out;
  Statement s(db_,
              "SELECT id, doc, start, end, type, text, entity, confidence FROM mentions "
              "WHERE doc = ? ORDER BY start");
  s.Bind(1, doc);
  while (s.Step()) {
    MentionRecord m;
    m.id = s.Int(0);
    m.doc = s.Int(1);
    m.start = static_cast<uint32_t>(s.Int(2));
    m.end = static_cast<uint32_t>(s.Int(3));
    m.type = s.Text(4);
    m.text = s.Text(5);
    m.entity = s.OptionalInt(6);
    m.confidence = s.Double(7);
    out.push_back(std::move(m));
  }
  return out;
}

namespace {

// The person an age describes, for the claims' queries: the name of his
// entity (the text's name when it has none) and the entity.
constexpr const char* kAboutColumns = "coalesce(ae.name, am.text, ''), am.entity";
constexpr const char* kAboutJoins =
    "LEFT JOIN mentions am ON am.id = c.about_mention AND am.attribute = 0 "
    "LEFT JOIN entities ae ON ae.id = am.entity ";

// How many days apart a group's figures may be and be of one fact: ages
// keyed by one person are of one person (see extract::SameFactDays).
std::optional<int> SameFactDays(const ClaimGroup& g) {
  return extract::SameFactDays(g.unit, g.counted, g.about_entity.has_value());
}

// A JSON array of ids, for "IN (SELECT value FROM json_each(?))".
std::string IdArray(const std::vector<int64_t>& ids) {
  std::string s = "[";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i) s += ',';
    s += std::to_string(ids[i]);
  }
  return s + "]";
}

// Records read in any order, put in the order of `ids`.
template <typename Record>
std::vector<Record> InOrder(const std::vector<int64_t>& ids, std::vector<Record> read) {
  std::unordered_map<int64_t, size_t> at;
  for (size_t i = 0; i < read.size(); ++i) at.emplace(read[i].id, i);
  std::vector<Record> out;
  out.reserve(read.size());
  for (int64_t id : ids) {
    if (auto it = at.find(id); it != at.end()) out.push_back(std::move(read[it->second]));
  }
  return out;
}

}  // namespace

// Each list is read in two steps: which records, in order (ties broken by
// id, so that pages never overlap), from the indexes and short columns only;
// then the page's records with their sentences, whose documents' text is
// the costly read.

std::vector<QuoteRecord> Store::Quotes(const RecordFilter& filter) const {
  return Quotes(filter, nullptr);
}

std::vector<QuoteRecord> Store::Quotes(const RecordFilter& filter, size_t* total) const {
  std::string sql =
      filter.entity
          // From the entity's mentions (the index alone) to their quotes;
          // whether a mention is an attribute is looked up for those only.
          ? std::string("SELECT q.id FROM mentions m CROSS JOIN quotes q ON q.speaker_mention = m.id "
                        "JOIN docs d ON d.id = q.doc WHERE m.entity = ?2 AND ") +
                kNotAttribute + "q.speaker_mention)"
          : std::string("SELECT q.id FROM quotes q JOIN docs d ON d.id = q.doc WHERE 1");
  if (filter.doc) sql += " AND q.doc = ?1";
  sql += " ORDER BY d.published, q.doc, q.start, q.id";
  // Without a total, SQLite's sorter keeps the page only.
  if (!total) sql += " LIMIT ?3 OFFSET ?4";
  std::vector<int64_t> ids;
  {
    Statement s(db_, sql.c_str());
    s.Bind(1, filter.doc).Bind(2, filter.entity).Bind(3, SqlLimit(filter.limit));
    s.Bind(4, static_cast<int64_t>(filter.offset));
    while (s.Step()) ids.push_back(s.Int(0));
  }
  if (total) {
    *total = ids.size();
    ids = internal::Page(std::move(ids), filter.offset, filter.limit);
  }
  if (ids.empty()) return {};
  std::vector<QuoteRecord> out;
  const std::string rows =
      "SELECT q.id, q.doc, q.start, q.end, q.direct, m.entity, e.name, q.speaker_text, "
      "q.speaker_kind, substr(d.text, q.start + 1, q.end - q.start), " +
      SentenceSql("q") +
      ", d.published, q.speaker_kind IS NULL "
      "FROM quotes q JOIN docs d ON d.id = q.doc LEFT JOIN mentions m ON m.id = q.speaker_mention "
      "LEFT JOIN entities e ON e.id = m.entity "
      "WHERE q.id IN (SELECT value FROM json_each(?1))";
  Statement s(db_, rows.c_str());
  s.Bind(1, IdArray(ids));
  while (s.Step()) {
    QuoteRecord q;
    q.id = s.Int(0);
    q.doc = s.Int(1);
    q.start = static_cast<uint32_t>(s.Int(2));
    q.end = static_cast<uint32_t>(s.Int(3));
    q.direct = s.Int(4) != 0;
    if (!s.Int(12)) q.speaker = ReadSource(s, 5, 6, 7, 8);
    q.text = s.Text(9);
    q.sentence = s.Text(10);
    q.published = s.Text(11);
    out.push_back(std::move(q));
  }
  return InOrder(ids, std::move(out));
}

std::vector<ClaimRecord> Store::Claims(const RecordFilter& filter) const {
  return Claims(filter, nullptr);
}

std::vector<ClaimRecord> Store::Claims(const RecordFilter& filter, size_t* total) const {
  std::string where;
  if (filter.doc) where += " AND c.doc = ?1";
  if (filter.entity) {
    where += std::string(" AND c.id IN (SELECT x.id FROM mentions m CROSS JOIN claims x ON "
                         "x.source_mention = m.id WHERE m.entity = ?2 AND ") +
             kNotAttribute + "x.source_mention) " +
             "UNION ALL SELECT x.id FROM mentions m CROSS JOIN claims x ON x.place_mention = m.id "
             "WHERE m.entity = ?2 AND " + kNotAttribute + "x.place_mention) " +
             // A person's ages.
             "UNION ALL SELECT x.id FROM mentions m CROSS JOIN claims x ON x.about_mention = m.id "
             "WHERE m.entity = ?2 AND " + kNotAttribute + "x.about_mention))";
  }
  if (!filter.topic.empty()) where += " AND c.topic = ?5";
  // The figures of an incident: those in the sentence that first tells each
  // of its events.
  if (filter.incident) {
    where += " AND c.id IN (SELECT x.id FROM events v CROSS JOIN claims x ON x.doc = v.doc AND "
             "x.sentence_start = v.sentence_start WHERE v.incident = ?6 OR (v.incident IS NULL AND v.id = ?6))";
  }
  const std::vector<std::string> about = AboutKeys(filter.about);
  // Unfiltered, all claims are counted apart (the claims table alone) and
  // SQLite sorts the page along the topic index, rather than every claim
  // being joined to its document for the date. A filtered list is short:
  // read whole, its length is the total.
  const bool paged_in_sql = about.empty() && !filter.doc && !filter.entity;
  if (total && paged_in_sql) {
    Statement count(db_, ("SELECT count(*) FROM claims c WHERE 1" + where).c_str());
    count.Bind(1, filter.doc).Bind(2, filter.entity).Bind(5, std::string_view(filter.topic));
    count.Bind(6, filter.incident);
    count.Step();
    *total = static_cast<size_t>(count.Int(0));
  }
  std::string sql =
      "SELECT c.id, c.counted, c.place, c.topic, " + std::string(kAboutColumns) +
      " FROM claims c JOIN docs d ON d.id = c.doc " + kAboutJoins + "WHERE 1" + where +
      " ORDER BY c.topic, d.published, c.doc, c.start, c.id";
  if (paged_in_sql) sql += " LIMIT ?3 OFFSET ?4";
  std::vector<int64_t> ids;
  {
    Statement s(db_, sql.c_str());
    s.Bind(1, filter.doc).Bind(2, filter.entity).Bind(3, SqlLimit(filter.limit));
    s.Bind(4, static_cast<int64_t>(filter.offset)).Bind(5, std::string_view(filter.topic));
    s.Bind(6, filter.incident);
    while (s.Step()) {
      if (!about.empty() &&
          !IsAbout(about, text::MatchKey(s.Text(1) + " " + s.Text(2) + " " + s.Text(4) + " " + s.Text(3)))) {
        continue;
      }
      ids.push_back(s.Int(0));
    }
  }
  if (!paged_in_sql) {
    if (total) *total = ids.size();
    ids = internal::Page(std::move(ids), filter.offset, filter.limit);
  }
  if (ids.empty()) return {};
  std::vector<ClaimRecord> out;
  const std::string rows =
      "SELECT c.id, c.doc, c.value, c.low, c.high, c.approx, c.qualifier, c.magnitude, c.unit, "
      "c.counted, c.place, pm.entity, c.date, sm.entity, se.name, c.source_text, c.source_kind, "
      "c.topic, " +
      SentenceSql("c") +
      ", c.start, c.end, d.published, d.source, " + kAboutColumns +
      " FROM claims c JOIN docs d ON d.id = c.doc "
      "LEFT JOIN mentions pm ON pm.id = c.place_mention "
      "LEFT JOIN mentions sm ON sm.id = c.source_mention "
      "LEFT JOIN entities se ON se.id = sm.entity " + kAboutJoins +
      "WHERE c.id IN (SELECT value FROM json_each(?1))";
  Statement s(db_, rows.c_str());
  s.Bind(1, IdArray(ids));
  while (s.Step()) {
    ClaimRecord c;
    c.id = s.Int(0);
    c.doc = s.Int(1);
    c.value = s.Double(2);
    c.low = s.OptionalDouble(3);
    c.high = s.OptionalDouble(4);
    c.approx = s.Int(5) != 0;
    c.qualifier = s.Text(6);
    c.magnitude = s.Text(7);
    c.unit = s.Text(8);
    c.counted = s.Text(9);
    c.place = s.Text(10);
    c.place_entity = s.OptionalInt(11);
    c.date = s.Text(12);
    c.source = ReadSource(s, 13, 14, 15, 16);
    c.topic = s.Text(17);
    c.sentence = s.Text(18);
    c.start = static_cast<uint32_t>(s.Int(19));
    c.end = static_cast<uint32_t>(s.Int(20));
    c.published = s.Text(21);
    c.outlet = s.Text(22);
    c.about = s.Text(23);
    c.about_entity = s.OptionalInt(24);
    if (c.source.kind == "outlet" && c.source.name.empty()) c.source.name = c.outlet;
    out.push_back(std::move(c));
  }
  return InOrder(ids, std::move(out));
}

std::vector<ClaimGroup> Store::ClaimGroups(const RecordFilter& filter, size_t claims_per_group,
                                           size_t* total) const {
  const std::vector<std::string> about = AboutKeys(filter.about);
  Statement s(db_,
              ("SELECT c.topic, c.unit, c.counted, c.place, pm.entity, c.doc, c.value, c.low, "
               "c.high, c.approx, c.qualifier, sm.entity, c.source_text, d.source, c.date, d.published, " +
               std::string(kAboutColumns) +
               " FROM claims c JOIN docs d ON d.id = c.doc "
               "LEFT JOIN mentions pm ON pm.id = c.place_mention "
               "LEFT JOIN mentions sm ON sm.id = c.source_mention " +
               kAboutJoins + "WHERE (?1 = '' OR c.topic = ?1) ORDER BY c.topic")
                  .c_str());
  s.Bind(1, std::string_view(filter.topic));
  struct Building {
    ClaimGroup group;
    std::set<std::string> sources;
    std::vector<internal::DatedFigure> figures;
    std::set<int64_t> docs;
    std::map<int64_t, int> places;
  };
  std::vector<ClaimGroup> groups;
  std::optional<Building> b;
  const auto finish = [&] {
    if (!b) return;
    ClaimGroup& g = b->group;
    g.sources = static_cast<int64_t>(b->sources.size());
    g.docs = static_cast<int64_t>(b->docs.size());
    g.verdict = internal::Verdict(b->sources.size(), SameFactDays(g), std::move(b->figures));
    int most = 0;
    for (const auto& [entity, n] : b->places) {
      if (n > most) {
        most = n;
        g.place_entity = entity;
      }
    }
    groups.push_back(std::move(g));
    b.reset();
  };
  bool skipping = false;  // the current topic is not about filter.about
  while (s.Step()) {
    std::string topic = s.Text(0);
    if (!b || topic != b->group.topic) {
      if (!skipping) finish();
      // A topic keyed by a person (see ResolveAll) is his ages, wherever
      // they were told: it names him and no place.
      const bool of_person = topic.find('#') != std::string::npos;
      skipping = !about.empty() &&
                 !IsAbout(about, text::MatchKey(s.Text(2) + " " + s.Text(of_person ? 16 : 3) + " " + topic));
      b.emplace();
      ClaimGroup& g = b->group;
      g.topic = std::move(topic);
      g.unit = s.Text(1);
      g.counted = s.Text(2);
      if (of_person) {
        g.about = s.Text(16);
        g.about_entity = s.OptionalInt(17);
      } else {
        g.place = s.Text(3);
      }
      g.low = std::numeric_limits<double>::infinity();
      g.high = -std::numeric_limits<double>::infinity();
    }
    if (skipping) continue;
    ClaimGroup& g = b->group;
    ++g.claims;
    if (const std::optional<int64_t> place = s.OptionalInt(4); place && !g.about_entity) ++b->places[*place];
    const int64_t doc = s.Int(5);
    b->docs.insert(doc);
    const double value = s.Double(6);
    g.low = std::min(g.low, s.OptionalDouble(7).value_or(value));
    g.high = std::max(g.high, s.OptionalDouble(8).value_or(value));
    const auto [low, high] = internal::ClaimInterval(value, s.OptionalDouble(7), s.OptionalDouble(8),
                                                     s.Int(9) != 0, s.Text(10), g.unit);
    std::string who = internal::ClaimSource(s.OptionalInt(11), s.Text(12), s.Text(13), doc);
    if (const std::optional<int64_t> day = internal::DayOf(s.Text(14), s.Text(15))) {
      b->figures.push_back({*day, who, low, high});
    }
    b->sources.insert(std::move(who));
  }
  if (!skipping) finish();
  // A figure of what, where is one sources can agree or disagree on; the
  // figures of a thing anywhere are many stories' figures (one person's ages
  // among them), and figures that need not be of one thing at all (nothing
  // named counted, a generic noun, ages of no one) come last.
  const auto rank = [](const ClaimGroup& g) {
    const bool comparable = SameFactDays(g).has_value();
    return std::make_tuple(comparable ? g.place.empty() : 2, -g.sources, -g.claims);
  };
  std::stable_sort(groups.begin(), groups.end(),
                   [&](const ClaimGroup& x, const ClaimGroup& y) { return rank(x) < rank(y); });
  if (total) *total = groups.size();
  groups = internal::Page(std::move(groups), filter.offset, filter.limit);
  if (claims_per_group) {
    for (ClaimGroup& g : groups) {
      RecordFilter of_topic;
      of_topic.topic = g.topic;
      of_topic.limit = claims_per_group;
      g.first = Claims(of_topic, nullptr);
    }
  }
  return groups;
}

std::vector<EventRecord> Store::Events(const RecordFilter& filter) const {
  return Events(filter, nullptr);
}

std::vector<EventRecord> Store::Events(const RecordFilter& filter, size_t* total) const {
  std::string sql = "SELECT v.id, v.date FROM events v WHERE 1";
  if (filter.doc) sql += " AND v.doc = ?1";
  if (!filter.type.empty()) sql += " AND v.type = ?2";
  // An event not linked yet (a database upgraded, not ingested into since)
  // is an incident of its own, as its record says.
  if (filter.incident) sql += " AND (v.incident = ?4 OR (v.incident IS NULL AND v.id = ?4))";
  if (filter.entity) {
    // Its places (an adjective names a place too) and its participants.
    sql += std::string(" AND v.id IN (SELECT x.id FROM mentions m CROSS JOIN events x ON "
                       "x.place_mention = m.id WHERE m.entity = ?3 "
                       "UNION ALL SELECT p.event FROM mentions m CROSS JOIN event_participants p "
                       "ON p.mention = m.id WHERE m.entity = ?3 AND ") +
           kNotAttribute + "p.mention))";
  }
  sql += " ORDER BY v.date = '', v.date, v.doc, v.start, v.id";
  std::vector<int64_t> ids;
  {
    Statement s(db_, sql.c_str());
    s.Bind(1, filter.doc).Bind(2, filter.type).Bind(3, filter.entity).Bind(4, filter.incident);
    while (s.Step()) {
      if (!internal::InDateRange(s.Text(1), filter.from, filter.to)) continue;
      ids.push_back(s.Int(0));
    }
  }
  if (total) *total = ids.size();
  ids = internal::Page(std::move(ids), filter.offset, filter.limit);
  if (ids.empty()) return {};
  std::vector<EventRecord> out;
  const std::string rows =
      "SELECT v.id, v.doc, v.type, v.date, v.date_precision, v.place, pm.entity, v.count, "
      "v.killed, v.injured, v.breakdown, " +
      SentenceSql("v") +
      ", v.start, v.end, substr(d.text, v.start + 1, v.end - v.start), coalesce(v.incident, v.id), "
      "d.duplicate_of FROM events v "
      "JOIN docs d ON d.id = v.doc LEFT JOIN mentions pm ON pm.id = v.place_mention "
      "WHERE v.id IN (SELECT value FROM json_each(?1))";
  const std::string id_array = IdArray(ids);
  {
    Statement s(db_, rows.c_str());
    s.Bind(1, id_array);
    while (s.Step()) {
      EventRecord e;
      e.id = s.Int(0);
      e.doc = s.Int(1);
      e.type = s.Text(2);
      e.date = s.Text(3);
      e.date_precision = s.Text(4);
      e.place = s.Text(5);
      e.place_entity = s.OptionalInt(6);
      e.count = s.OptionalDouble(7);
      e.killed = s.OptionalDouble(8);
      e.injured = s.OptionalDouble(9);
      const auto parts = nlohmann::json::parse(s.Text(10), nullptr, false);
      if (parts.is_array()) {
        for (const auto& p : parts) e.breakdown.push_back({p.value("counted", ""), p.value("value", 0.0)});
      }
      e.sentence = s.Text(11);
      e.start = static_cast<uint32_t>(s.Int(12));
      e.end = static_cast<uint32_t>(s.Int(13));
      e.trigger = s.Text(14);
      e.incident = s.Int(15);
      e.doc_duplicate_of = s.OptionalInt(16);
      out.push_back(std::move(e));
    }
  }
  out = InOrder(ids, std::move(out));
  // Participants of all of them in one query (a big entity has thousands of events).
  std::unordered_map<int64_t, size_t> index;
  for (size_t i = 0; i < out.size(); ++i) index.emplace(out[i].id, i);
  Statement participants(db_,
                         "SELECT p.event, m.entity, coalesce(e.name, m.text), p.role "
                         "FROM event_participants p JOIN mentions m ON m.id = p.mention "
                         "LEFT JOIN entities e ON e.id = m.entity "
                         "WHERE p.event IN (SELECT value FROM json_each(?)) ORDER BY p.rowid");
  participants.Bind(1, id_array);
  while (participants.Step()) {
    Participant p{participants.OptionalInt(1), participants.Text(2), participants.Text(3)};
    // Two spellings in one event of one entity, in the same role, are one
    // participant.
    std::vector<Participant>& list = out[index.at(participants.Int(0))].participants;
    const bool listed = std::any_of(list.begin(), list.end(), [&](const Participant& q) {
      return q.role == p.role && (p.entity ? q.entity == p.entity : !q.entity && q.name == p.name);
    });
    if (!listed) list.push_back(std::move(p));
  }
  return out;
}

Graph Store::CoOccurrence(int64_t min_docs, size_t max_nodes) const {
  Graph g;
  Statement nodes(db_,
                  "SELECT id, type, name, latin, mentions FROM entities WHERE docs >= ? "
                  "ORDER BY docs DESC, mentions DESC, id LIMIT ?");
  nodes.Bind(1, min_docs).Bind(2, SqlLimit(max_nodes));
  std::set<int64_t> ids;
  while (nodes.Step()) {
    EntityRecord e;
    e.id = nodes.Int(0);
    e.type = nodes.Text(1);
    e.name = nodes.Text(2);
    e.latin = nodes.Text(3);
    e.mentions = nodes.Int(4);
    ids.insert(e.id);
    g.nodes.push_back(std::move(e));
  }
  // Entities of each document, then every pair of them.
  std::map<int64_t, std::vector<int64_t>> by_doc;
  Statement pairs(db_,
                  "SELECT DISTINCT doc, entity FROM mentions WHERE entity IS NOT NULL "
                  "AND attribute = 0 ORDER BY doc, entity");
  while (pairs.Step()) {
    if (ids.count(pairs.Int(1))) by_doc[pairs.Int(0)].push_back(pairs.Int(1));
  }
  std::map<std::pair<int64_t, int64_t>, int64_t> weight;
  for (const auto& [doc, list] : by_doc) {
    for (size_t i = 0; i < list.size(); ++i) {
      for (size_t j = i + 1; j < list.size(); ++j) ++weight[{list[i], list[j]}];
    }
  }
  for (const auto& [pair, docs] : weight) g.edges.push_back({pair.first, pair.second, docs});
  return g;
}

// ---------------------------------------------------------------------------
// JSON.

namespace {

template <typename T>
nlohmann::json OrNull(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

// A claim's person: {"id", "name"} as an event's participants, or null.
nlohmann::json AboutJson(const std::string& name, const std::optional<int64_t>& entity) {
  if (name.empty()) return nullptr;
  return {{"id", OrNull(entity)}, {"name", name}};
}

}  // namespace

void to_json(nlohmann::json& j, const IngestSummary& s) {
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : s.problems) problems.push_back({{"path", p.path}, {"reason", p.reason}});
  j = {{"files", s.files},
       {"read", s.read},
       {"added", s.added},
       {"near_duplicates", s.near_duplicates},
       {"already_stored", s.already_stored},
       {"analyzed", s.analyzed},
       {"entities", s.entities},
       {"seconds",
        {{"store", s.store_seconds}, {"analyze", s.analyze_seconds}, {"resolve", s.resolve_seconds}}},
       {"problems", problems}};
}

void to_json(nlohmann::json& j, const DocRecord& r) {
  j = {{"id", r.id},          {"path", r.path},           {"source", r.source},
       {"url", r.url},        {"title", r.title},         {"published", r.published},
       {"text", r.text},      {"duplicate_of", OrNull(r.duplicate_of)}};
  const auto removed = nlohmann::json::parse(r.boilerplate_json, nullptr, false);
  j["boilerplate"] = removed.is_array() ? removed : nlohmann::json::array();
  if (!r.extra_json.empty()) {
    const auto extra = nlohmann::json::parse(r.extra_json, nullptr, false);
    if (extra.is_object()) j["extra"] = extra;
  }
}

void to_json(nlohmann::json& j, const SearchHit& r) {
  nlohmann::json highlights = nlohmann::json::array();
  for (const auto& [start, end] : r.highlights) highlights.push_back({start, end});
  j = {{"doc", r.doc},
       {"title", r.title},
       {"source", r.source},
       {"published", r.published},
       {"duplicate_of", OrNull(r.duplicate_of)},
       {"score", r.score},
       {"exact", r.exact},
       {"snippet", r.snippet},
       {"highlights", highlights}};
}

void to_json(nlohmann::json& j, const EntityRecord& r) {
  nlohmann::json aliases = nlohmann::json::array();
  for (const Alias& a : r.aliases) {
    aliases.push_back({{"name", a.name}, {"mentions", a.mentions}, {"docs", a.docs}});
  }
  j = {{"id", r.id},           {"type", r.type}, {"name", r.name},        {"latin", r.latin},
       {"aliases", aliases},   {"docs", r.docs}, {"mentions", r.mentions},
       {"doc_count", r.doc_count}};
}

void to_json(nlohmann::json& j, const MentionRecord& r) {
  j = {{"id", r.id},     {"doc", r.doc},   {"start", r.start},
       {"end", r.end},   {"type", r.type}, {"text", r.text},
       {"entity", OrNull(r.entity)}, {"confidence", r.confidence}};
}

void to_json(nlohmann::json& j, const RelatedEntity& r) {
  j = {{"id", r.id},
       {"type", r.type},
       {"name", r.name},
       {"relation", r.relation},
       {"docs", r.docs}};
}

void to_json(nlohmann::json& j, const SourceRef& r) {
  j = {{"id", OrNull(r.entity)}, {"name", r.name}, {"kind", r.kind}};
}

void to_json(nlohmann::json& j, const QuoteRecord& r) {
  j = {{"id", r.id},
       {"doc", r.doc},
       {"speaker", r.speaker ? nlohmann::json(*r.speaker) : nlohmann::json(nullptr)},
       {"text", r.text},
       {"direct", r.direct},
       {"start", r.start},
       {"end", r.end},
       {"sentence", r.sentence},
       {"published", r.published}};
}

void to_json(nlohmann::json& j, const ClaimRecord& r) {
  j = {{"id", r.id},
       {"doc", r.doc},
       {"value", r.value},
       {"low", OrNull(r.low)},
       {"high", OrNull(r.high)},
       {"approx", r.approx},
       {"qualifier", r.qualifier},
       {"magnitude", r.magnitude},
       {"unit", r.unit},
       {"counted", r.counted},
       {"place", r.place.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.place)},
       {"place_entity", OrNull(r.place_entity)},
       {"date", r.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.date)},
       // SPEC: null when the article attributes the figure to no one (the
       // outlet speaks for itself; `outlet` names it).
       {"source", r.source.kind == "outlet" ? nlohmann::json(nullptr) : nlohmann::json(r.source)},
       {"topic", r.topic},
       {"sentence", r.sentence},
       {"start", r.start},
       {"end", r.end},
       {"published", r.published},
       {"outlet", r.outlet},
       {"about", AboutJson(r.about, r.about_entity)}};
}

void to_json(nlohmann::json& j, const ClaimGroup& r) {
  j = {{"topic", r.topic},
       {"unit", r.unit},
       {"counted", r.counted},
       {"place", r.place.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.place)},
       {"place_entity", OrNull(r.place_entity)},
       {"about", AboutJson(r.about, r.about_entity)},
       {"claims", r.claims},
       {"sources", r.sources},
       {"docs", r.docs},
       {"low", r.low},
       {"high", r.high},
       {"verdict", r.verdict},
       {"first", r.first}};
}

void to_json(nlohmann::json& j, const EventRecord& r) {
  nlohmann::json participants = nlohmann::json::array();
  for (const Participant& p : r.participants) {
    participants.push_back({{"id", OrNull(p.entity)}, {"name", p.name}, {"role", p.role}});
  }
  nlohmann::json breakdown = nlohmann::json::array();
  for (const auto& [what, n] : r.breakdown) breakdown.push_back({{"counted", what}, {"value", n}});
  j = {{"id", r.id},
       {"doc", r.doc},
       {"type", r.type},
       {"date", r.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.date)},
       {"date_precision", r.date_precision.empty() ? nlohmann::json(nullptr)
                                                   : nlohmann::json(r.date_precision)},
       {"place", r.place.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.place)},
       {"place_entity", OrNull(r.place_entity)},
       {"participants", participants},
       {"count", OrNull(r.count)},
       {"killed", OrNull(r.killed)},
       {"injured", OrNull(r.injured)},
       {"breakdown", breakdown},
       {"sentence", r.sentence},
       {"start", r.start},
       {"end", r.end},
       {"trigger", r.trigger},
       {"incident", r.incident},
       {"doc_duplicate_of", OrNull(r.doc_duplicate_of)}};
}

void to_json(nlohmann::json& j, const IncidentRecord& r) {
  j = {{"id", r.id},
       {"type", r.type},
       {"date", r.date.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.date)},
       {"place", r.place.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.place)},
       {"place_entity", OrNull(r.place_entity)},
       {"events", r.events},
       {"docs", r.docs},
       {"outlets", r.outlets},
       {"killed_low", OrNull(r.killed_low)},
       {"killed_high", OrNull(r.killed_high)},
       {"injured_low", OrNull(r.injured_low)},
       {"injured_high", OrNull(r.injured_high)},
       {"verdict", r.verdict.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.verdict)}};
}

void to_json(nlohmann::json& j, const Graph& r) {
  nlohmann::json nodes = nlohmann::json::array();
  for (const EntityRecord& e : r.nodes) {
    nodes.push_back({{"id", e.id}, {"type", e.type}, {"name", e.name}, {"latin", e.latin},
                     {"mentions", e.mentions}});
  }
  nlohmann::json edges = nlohmann::json::array();
  for (const Graph::Edge& e : r.edges) edges.push_back({{"a", e.a}, {"b", e.b}, {"docs", e.docs}});
  j = {{"nodes", nodes}, {"edges", edges}};
}

namespace internal {

bool InDateRange(const std::string& date, const std::string& from, const std::string& to) {
  if (from.empty() && to.empty()) return true;
  if (date.empty()) return false;
  const auto [first, last] = DateBounds(date);
  return (from.empty() || last >= DateBounds(from).first) && (to.empty() || first <= DateBounds(to).second);
}

std::pair<double, double> ClaimInterval(double value, std::optional<double> low, std::optional<double> high,
                                        bool approx, std::string_view qualifier, std::string_view unit) {
  double from = low.value_or(value), to = high.value_or(value);
  if (approx && from == to) {
    from = value * 0.9;
    to = value * 1.1;
  }
  if (qualifier == "more_than" || qualifier == "at_least") to = std::numeric_limits<double>::infinity();
  if (qualifier == "less_than" || qualifier == "at_most") from = 0;
  if (unit == "age_years") to += 1;
  return {from, to};
}

std::string ClaimSource(std::optional<int64_t> entity, const std::string& text, const std::string& outlet,
                        int64_t doc) {
  if (entity) return "e" + std::to_string(*entity);
  if (!text.empty()) return "t" + text;
  if (!outlet.empty()) return "o" + outlet;
  return "d" + std::to_string(doc);
}

std::string Verdict(size_t sources, std::optional<int> days, std::vector<DatedFigure> figures) {
  if (sources < 2) return "single";
  if (!days) return "not_compared";
  std::sort(figures.begin(), figures.end(),
            [](const DatedFigure& x, const DatedFigure& y) { return x.day < y.day; });
  bool compared = false;
  for (size_t i = 0; i < figures.size(); ++i) {
    for (size_t j = i + 1; j < figures.size() && figures[j].day - figures[i].day <= *days; ++j) {
      if (figures[i].who == figures[j].who) continue;
      compared = true;
      if (figures[i].low > figures[j].high || figures[j].low > figures[i].high) return "conflict";
    }
  }
  return compared ? "agree" : "apart";
}

std::optional<int64_t> DayOf(const std::string& date, const std::string& published) {
  for (const std::string* d : {&date, &published}) {
    const std::optional<text::Date> parsed = text::ParseIsoDate(*d);
    if (!parsed || parsed->month == 0 || parsed->day == 0) continue;
    const std::chrono::year_month_day ymd{std::chrono::year(parsed->year),
                                          std::chrono::month(static_cast<unsigned>(parsed->month)),
                                          std::chrono::day(static_cast<unsigned>(parsed->day))};
    if (ymd.ok()) return std::chrono::sys_days(ymd).time_since_epoch().count();
  }
  return std::nullopt;
}

}  // namespace internal

}  // namespace marsad::store
