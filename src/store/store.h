// marsad store: the embedded database behind every command.
//
//   std::string error;
//   auto db = Store::Open("marsad.db", Store::Mode::kReadWrite, &error);
//   if (!db) { ... error names the file and the reason ... }
//   db->Begin();
//   int64_t id = db->AddDocument(doc);  // 0 if its content is already stored
//   db->Commit();
//   db->Search(query, {.limit = 10}, &hits);
//
// One SQLite file in WAL mode; the schema carries its version (user_version)
// and older files are migrated on open. Writes happen inside Begin/Commit, so
// a killed process leaves the database as of the last commit. Full-text
// search uses an Arabic-aware tokenizer built on the text module: a word is
// indexed under its matching key, its stem without clitics, and its
// spelling-variant keys, so one spelling finds the others.
//
// A Store is not thread-safe: use one per thread. Any number of read-only
// stores may read while one read-write store writes.
#ifndef MARSAD_STORE_STORE_H_
#define MARSAD_STORE_STORE_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "ingest/ingest.h"

struct sqlite3;

namespace marsad::ner {
class Tagger;
}  // namespace marsad::ner
namespace marsad::resolve {
class Matcher;
struct AliasEntry;
}  // namespace marsad::resolve

namespace marsad::store {

namespace internal {
struct DocLengths;
struct IndexTokens;
}  // namespace internal
struct IngestOptions;
struct IngestSummary;
struct Upload;
class Store;
IngestSummary Ingest(Store* store, const std::vector<std::string>& paths,
                     const IngestOptions& options);
IngestSummary IngestUploads(Store* store, const std::vector<Upload>& uploads,
                            const IngestOptions& options);

struct DocRecord {
  int64_t id = 0;
  std::string path;
  std::string source;
  std::string url;
  std::string title;
  std::string published;  // YYYY-MM-DD or ""
  std::string text;
  std::string boilerplate_json;  // JSON array of {"text","reason"}
  std::string extra_json;        // JSON object or ""
  // Equal for the same content (see ingest::ContentKey). Ingest keys a document
  // as read, before the boilerplate filter, whose cuts depend on other documents.
  std::string content_key;
  uint64_t simhash = 0;
  std::optional<int64_t> duplicate_of;  // the earlier near-duplicate
};

struct SearchOptions {
  size_t limit = 20;
  size_t offset = 0;  // hits skipped first, to page through the ranking
  std::string source;  // only documents of this source, when set
  bool variants = true;  // also match other spellings of the query words
  // PER, LOC, ORG or MISC: only documents naming an entity of this type
  // that the query names (in any of its spellings); the query is a name.
  std::string type;
};

struct SearchHit {
  int64_t doc = 0;
  std::string title;
  std::string source;
  std::string published;
  std::optional<int64_t> duplicate_of;
  double score = 0;        // higher is better
  bool exact = true;       // matched as spelled (or its letter variants), not only as a variant
  std::string snippet;     // text around the matches
  std::vector<std::pair<uint32_t, uint32_t>> highlights;  // character [start, end) in snippet
};

// ---------------------------------------------------------------------------
// What ingest derives from the documents. Offsets (start, end) are character
// offsets into the document's text; `sentence` is the text of the sentence
// the record was read from, its evidence.

struct Alias {
  std::string name;  // as written (display-normalised)
  int64_t mentions = 0;
  int64_t docs = 0;
};

struct EntityRecord {
  int64_t id = 0;
  std::string type;   // PER, LOC, ORG, MISC
  std::string name;   // the commonest full form
  std::string latin;  // readable romanisation
  std::vector<Alias> aliases;  // most mentioned first
  std::vector<int64_t> docs;   // ascending
  int64_t mentions = 0;
  int64_t doc_count = 0;       // documents naming it; set even when docs is left empty
};

struct MentionRecord {
  int64_t id = 0;
  int64_t doc = 0;
  uint32_t start = 0, end = 0;
  std::string type;
  std::string text;
  std::optional<int64_t> entity;  // none when resolution left it out
  double confidence = 0;
};

// An entity tied to another: how and in how many documents.
struct RelatedEntity {
  int64_t id = 0;
  std::string type;
  std::string name;
  // "co-occurs" (named in the same documents), "part_of" (this entity is a
  // branch of the other), "has_part", "alias_of" (from the alias file).
  std::string relation;
  int64_t docs = 0;  // documents naming both
};

// Who says so: an entity, a described source ("مصادر أمنية"), or the outlet
// that published the article when it attributes the words to no one.
struct SourceRef {
  std::optional<int64_t> entity;
  std::string name;
  std::string kind;  // "entity", "described", "outlet"
};

struct QuoteRecord {
  int64_t id = 0;
  int64_t doc = 0;
  std::optional<SourceRef> speaker;
  std::string text;
  bool direct = true;  // quoted words, not reported speech
  uint32_t start = 0, end = 0;
  std::string sentence;
  std::string published;  // of the document
};

struct ClaimRecord {
  int64_t id = 0;
  int64_t doc = 0;
  double value = 0;
  std::optional<double> low, high;
  bool approx = false;
  std::string qualifier;  // "", "at_least", "at_most", "more_than", "less_than"
  std::string magnitude;  // "", "tens", "hundreds", "thousands", ...
  std::string unit;       // "person", "percent", "USD", "age_years", ... or ""
  std::string counted;    // normalised singular noun
  std::string place;
  std::optional<int64_t> place_entity;
  std::string date;       // YYYY[-MM[-DD]] or ""
  SourceRef source;
  std::string topic;      // equal for claims about the same thing and place
  std::string sentence;
  uint32_t start = 0, end = 0;
  std::string published;  // of the document
  std::string outlet;     // the document's source
  // The person an age describes: the name his entity goes by (the text's
  // name when it has none), or "" for other figures.
  std::string about;
  std::optional<int64_t> about_entity;
};

// The claims of one topic taken together: how many, from how many sources,
// and whether the sources' figures of the same fact can all be true. A
// claim's interval is its range, ±10% of an approximate figure, open above
// for "more than" and "at least" and down to 0 for "less than" and "at
// most"; its day is its own date, else its document's. Sources (an entity,
// a described source, else the outlet) conflict when two of them give
// intervals that do not overlap for days close enough to be of one fact
// (extract::SameFactDays: a day for an incident's toll, a week for other
// people and things of a named kind, a month for one person's age); figures
// of nothing named, of people counted by a generic noun and ages of no one
// resolved are not compared.
struct ClaimGroup {
  std::string topic, unit, counted, place;
  std::optional<int64_t> place_entity;  // the one most of its claims name
  std::string about;                    // the person whose age it is, or ""
  std::optional<int64_t> about_entity;
  int64_t claims = 0, sources = 0, docs = 0;
  double low = 0, high = 0;  // the smallest and largest figure given
  // "single" (one source), "agree", "conflict", "apart" (the sources'
  // figures are never of days so near), or "not_compared".
  std::string verdict;
  std::vector<ClaimRecord> first;  // its first claims in date order, when asked for
};

struct Participant {
  std::optional<int64_t> entity;
  std::string name;
  std::string role;
};

struct EventRecord {
  int64_t id = 0;
  int64_t doc = 0;
  std::string type;
  std::string date;            // YYYY, YYYY-MM or YYYY-MM-DD; "" if unknown
  std::string date_precision;  // "year", "month", "day" or ""
  std::string place;
  std::optional<int64_t> place_entity;
  std::vector<Participant> participants;
  std::optional<double> count, killed, injured;
  std::vector<std::pair<std::string, double>> breakdown;  // "مقتل 32 بينهم 29 ..." parts
  std::string sentence;
  uint32_t start = 0, end = 0;  // the trigger words
  std::string trigger;          // and their text ("مقتل", "التحق")
  // The incident it belongs to (IncidentRecord::id): the same happening told
  // by other documents; its own id when no other tells it.
  int64_t incident = 0;
  // The document `doc` is a near-duplicate of (DocRecord::duplicate_of), if
  // any: its events are the original's, copied.
  std::optional<int64_t> doc_duplicate_of;
};

// One happening told by several documents. Resolution links the events of
// different documents when they are of one kind (an attack, a killing and a
// wounding are one kind), their days are at most one apart and the same when
// both name theirs (an event's own date when it names a day, else its
// document's publication day; events
// dated only to a month or a year are linked to none), and they name the
// same place, a city or town rather than a country or region
// (resolve::IsCountryOrRegionName) in sentences sharing a fifth of their
// words, or the same person taking part (as victim, target, suspect,
// defendant, returnee or member), with no two cities apart. An incident
// holds at most one event of each document (the events a document keeps
// apart are different happenings); its days are at most one apart, and it
// names at most one day and one city.
struct IncidentRecord {
  int64_t id = 0;  // its first event's id
  std::string type;  // its events' commonest type
  std::string date;  // its events' commonest day
  std::string place;  // its events' commonest place, a city before a country
  std::optional<int64_t> place_entity;
  int64_t events = 0, docs = 0, outlets = 0;
  // The smallest and largest numbers of killed and of wounded its events give.
  std::optional<double> killed_low, killed_high, injured_low, injured_high;
  // Whether the sources of its reports' figures of the people it counts
  // (the killed, wounded, arrested ...: its claims, claims --incident) can
  // all be right, compared as claims are (ClaimGroup): "agree", "conflict",
  // "single" (one source), "" (no such figure).
  std::string verdict;
};

// Which records to list. Empty or zero fields do not filter.
struct RecordFilter {
  int64_t doc = 0;
  int64_t entity = 0;   // records naming this entity (speaker, source, place, participant)
  std::string type;     // entity type (Entities) or event type (Events)
  std::string about;    // claims: words of the counted thing or place
  std::string topic;    // claims: only this topic (ClaimRecord::topic), exactly
  std::string query;    // entities: a name, matched across spellings
  std::string from, to; // events: dates, YYYY[-MM[-DD]], inclusive
  int64_t incident = 0; // events: only this incident's; claims: those of its events' sentences
  int64_t min_docs = 0; // entities
  size_t limit = 0;     // 0 = all
  size_t offset = 0;
  // Entities: fill each record's docs (doc_count is set either way); a
  // list that shows counts only is much faster without them.
  bool entity_docs = true;
};

// The co-occurrence network: entities named in at least `min_docs` documents
// and the pairs named together, weighted by shared documents.
struct Graph {
  std::vector<EntityRecord> nodes;  // aliases and docs left empty
  struct Edge {
    int64_t a = 0, b = 0;
    int64_t docs = 0;
  };
  std::vector<Edge> edges;
};

// JSON forms of the records, as `--json` and the HTTP API print them.
void to_json(nlohmann::json& j, const DocRecord& r);
void to_json(nlohmann::json& j, const SearchHit& r);
void to_json(nlohmann::json& j, const EntityRecord& r);
void to_json(nlohmann::json& j, const MentionRecord& r);
void to_json(nlohmann::json& j, const RelatedEntity& r);
void to_json(nlohmann::json& j, const SourceRef& r);
void to_json(nlohmann::json& j, const QuoteRecord& r);
void to_json(nlohmann::json& j, const ClaimRecord& r);
void to_json(nlohmann::json& j, const ClaimGroup& r);
void to_json(nlohmann::json& j, const EventRecord& r);
void to_json(nlohmann::json& j, const IncidentRecord& r);
void to_json(nlohmann::json& j, const Graph& r);

// Thrown by any Store method that finds the file damaged (SQLite's
// SQLITE_CORRUPT or SQLITE_NOTADB); what() names the file. Other failures
// of SQLite are std::runtime_error.
class DamagedError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Store {
 public:
  enum class Mode { kReadWrite, kReadOnly };

  // Opens the database at `path`, creating it (read-write mode) and bringing
  // its schema up to date. Returns nullptr and sets *error (naming the file
  // and the reason) if the file cannot be opened, is not a marsad database,
  // or is newer than this program.
  static std::unique_ptr<Store> Open(const std::string& path, Mode mode, std::string* error);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Transactions. Every write must happen between Begin and Commit; Rollback
  // discards them. Errors throw std::runtime_error (a broken database is an
  // internal error for the caller).
  void Begin();
  void Commit();
  void Rollback();

  // Adds a document and indexes it. Returns its id, or 0 if a document with
  // the same content_key is already stored (re-ingesting is a no-op).
  int64_t AddDocument(const DocRecord& doc);

  // The id of the stored document with this content key, if any.
  std::optional<int64_t> FindByContentKey(std::string_view key) const;

  // Calls fn(id, simhash) for every stored document, in id order.
  void ForEachFingerprint(const std::function<void(int64_t, uint64_t)>& fn) const;

  std::optional<DocRecord> Document(int64_t id) const;
  // Documents in id order, from `after_id` (exclusive), at most `limit`.
  std::vector<DocRecord> Documents(int64_t after_id, size_t limit) const;
  // The documents with these ids, in that order, without their text,
  // boilerplate and extra fields (for lists); ids not stored are skipped.
  std::vector<DocRecord> DocumentHeaders(const std::vector<int64_t>& ids) const;
  int64_t DocumentCount() const;

  // Ranked full-text search. Documents whose words match the query as spelled
  // (up to letter variants, clitics and the ا/ة ending) come first, ranked by
  // BM25; then, with options.variants, documents matching only other
  // spellings (same consonant skeleton). Sets *total, if given, to the number
  // of documents matched either way, all pages together. Returns false and
  // sets *error for a query with no searchable word.
  bool Search(std::string_view query, const SearchOptions& options, std::vector<SearchHit>* hits,
              std::string* error, size_t* total = nullptr) const;

  // `PRAGMA integrity_check` and the full-text index's own check; "ok" when
  // sound, else what is wrong. The index's check is a write: a store opened
  // read-only checks SQLite's structures only.
  std::string IntegrityCheck() const;

  // Entities, most documents first (then id). filter.query keeps those with
  // an alias matching the name across spellings. *total (if not null) is
  // how many match before offset and limit.
  std::vector<EntityRecord> Entities(const RecordFilter& filter, size_t* total = nullptr) const;
  std::optional<EntityRecord> Entity(int64_t id) const;
  // The entity with its aliases and doc_count but docs left empty.
  std::optional<EntityRecord> EntitySummary(int64_t id) const;
  // The documents naming entity `id`, newest published first (undated ones
  // last; then the last stored first), from `offset`, at most `limit` (0 = all).
  std::vector<int64_t> EntityDocuments(int64_t id, size_t limit, size_t offset) const;
  // Entities one of whose aliases is `name` (up to letter variants, clitics
  // and spelling variants), best match first.
  std::vector<int64_t> FindEntities(std::string_view name) const;
  // Entities related to `id`: branches and parents first, then those named
  // in the same documents, most shared documents first (at most 50 of those).
  std::vector<RelatedEntity> Related(int64_t id, size_t limit) const;
  std::vector<MentionRecord> Mentions(int64_t doc) const;
  std::vector<QuoteRecord> Quotes(const RecordFilter& filter) const;
  std::vector<ClaimRecord> Claims(const RecordFilter& filter) const;
  // Events in date order (undated last), then document order.
  std::vector<EventRecord> Events(const RecordFilter& filter) const;
  // The same, with *total set to how many match before offset and limit
  // (nullptr: not counted). Only the page's records are read in full, with
  // their sentences; the rest are counted from indexes and short columns.
  std::vector<QuoteRecord> Quotes(const RecordFilter& filter, size_t* total) const;
  std::vector<ClaimRecord> Claims(const RecordFilter& filter, size_t* total) const;
  // Claims grouped by topic (filter.about, filter.topic, limit and offset
  // apply to groups): those with a counted thing first, then most sources,
  // then most claims. Each group's `first` holds up to `claims_per_group`
  // of its claims. *total (if not null) is the number of groups.
  std::vector<ClaimGroup> ClaimGroups(const RecordFilter& filter, size_t claims_per_group,
                                      size_t* total) const;
  std::vector<EventRecord> Events(const RecordFilter& filter, size_t* total) const;
  // Incidents told by two documents or more, most documents first, then
  // newest. filter.type (the incident's type), from and to (its day),
  // limit and offset apply. *total (if not null) is how many match.
  std::vector<IncidentRecord> Incidents(const RecordFilter& filter, size_t* total) const;
  Graph CoOccurrence(int64_t min_docs, size_t max_nodes) const;
  int64_t EntityCount() const;

  int schema_version() const;

 private:
  struct Cache;  // prepared statements and the vocabulary already stored
  // Every document's length in the full-text index, read again when the
  // database has changed since.
  const internal::DocLengths& RankingLengths() const;
  friend IngestSummary Ingest(Store*, const std::vector<std::string>&, const IngestOptions&);
  friend IngestSummary IngestUploads(Store*, const std::vector<Upload>&, const IngestOptions&);
  // Both of them: reads `files`, or `uploads` when set, into the database,
  // then AnalyzeAndResolve (ingest_files.cc).
  static IngestSummary IngestInputs(Store* store, const std::vector<std::string>& files,
                                    const std::vector<Upload>* uploads,
                                    const IngestOptions& options,
                                    std::chrono::steady_clock::time_point start,
                                    IngestSummary* summary);

  Store();
  // AddDocument with the index tokens of its title and text computed ahead;
  // the caller has checked that the content key is not stored yet.
  int64_t AddDocument(const DocRecord& doc, const internal::IndexTokens& title,
                      const internal::IndexTokens& text);

  // The phases of Ingest after the documents are stored: analysis of every
  // document not yet analysed (analysis.cc), then entity resolution over
  // the whole collection (entities.cc). Each returns how many it made.
  size_t AnalyzePending(const IngestOptions& options);
  // Removes every document's analysis and marks them all for the next,
  // keeping the mentions' entities by span in carried_entities for
  // ResolveAll (analysis.cc).
  void ForgetAnalyses();
  size_t ResolveAll(const resolve::Matcher& matcher,
                    const std::vector<resolve::AliasEntry>* new_aliases);
  // Sets every event's incident (incidents.cc), from the entities just
  // resolved; part of ResolveAll's transaction.
  void LinkIncidents();
  // Runs both phases for Ingest and fills in the rest of *summary.
  static IngestSummary AnalyzeAndResolve(Store* store, const IngestOptions& options,
                               std::chrono::steady_clock::time_point start,
                                         IngestSummary* summary);

  sqlite3* db_ = nullptr;
  std::unique_ptr<Cache> cache_;
};

// ---------------------------------------------------------------------------
// Ingestion: files to stored, indexed documents.

struct IngestProgress {
  size_t files_done = 0;
  size_t files_total = 0;
  size_t documents = 0;  // documents read so far
  double seconds = 0;    // since the start
};

struct IngestOptions {
  std::string source;     // overrides the documents' source when set
  std::string published;  // YYYY-MM-DD; overrides their date when set
  unsigned threads = 0;   // parsing threads; 0 = all cores
  // A file, or an entry of an archive, larger than this is skipped, named
  // among the problems.
  size_t max_file_bytes = size_t{512} << 20;
  // Called from the writing thread after each batch.
  std::function<void(const IngestProgress&)> progress;
  // What finds and links names. With a tagger, every stored document not
  // yet analysed (new ones, and any left by an older marsad or an
  // interrupted run) gets its mentions, quotes, claims and events, and the
  // entities are resolved again over the whole collection. Without one,
  // documents are stored and indexed only.
  const ner::Tagger* tagger = nullptr;
  const resolve::Matcher* matcher = nullptr;  // required with a tagger
  // Replaces the stored alias entries (see resolve::ReadAliases) when set.
  const std::vector<resolve::AliasEntry>* aliases = nullptr;
  // With a tagger: analyse every stored document again, as after an upgrade
  // of marsad's tagger or extraction. What the documents say is replaced;
  // entities keep their ids where the new mentions are of the same spans.
  // An interrupted run leaves the documents to the next ingest.
  bool reanalyze = false;
};

struct IngestSummary {
  size_t files = 0;
  size_t read = 0;             // documents read from the files
  size_t added = 0;            // new documents stored
  std::vector<int64_t> added_ids;  // their ids, in the order read (not in to_json)
  size_t near_duplicates = 0;  // of those, stored with duplicate_of set
  size_t already_stored = 0;   // same content already in the database: not added again
  size_t analyzed = 0;         // documents whose names and claims were extracted
  size_t entities = 0;         // entities in the database after resolution
  double store_seconds = 0;    // reading, indexing and storing the documents
  double analyze_seconds = 0;  // names, quotes, claims and events
  double resolve_seconds = 0;  // entity resolution over the collection
  std::vector<ingest::Problem> problems;  // files or documents skipped or repaired, with why
};

// The summary as `ingest --json` prints it and POST /api/ingest answers.
void to_json(nlohmann::json& j, const IngestSummary& s);

// Reads every file under `paths` on all cores, removes boilerplate, links
// near-duplicates, and stores the documents with one writer, one transaction
// per batch: an interrupted ingest keeps the batches it committed, and running
// it again completes it. Throws std::runtime_error only if the database fails.
IngestSummary Ingest(Store* store, const std::vector<std::string>& paths,
                     const IngestOptions& options);

// A document, or a file of them, sent as bytes (POST /api/ingest).
struct Upload {
  std::string name;  // read as a file of this name: its extension chooses the format
  std::string bytes;
};

// Ingest for uploads instead of files: each is read as a file called `name`
// would be, and the documents are named after it.
IngestSummary IngestUploads(Store* store, const std::vector<Upload>& uploads,
                            const IngestOptions& options);

}  // namespace marsad::store

#endif  // MARSAD_STORE_STORE_H_
