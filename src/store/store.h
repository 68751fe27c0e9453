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

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.h"

struct sqlite3;

namespace marsad::store {

namespace internal {
struct IndexTokens;
}  // namespace internal
struct IngestOptions;
struct IngestSummary;
class Store;
IngestSummary Ingest(Store* store, const std::vector<std::string>& paths,
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
  std::string content_key;       // equal for the same content (see ingest::ContentKey)
  uint64_t simhash = 0;
  std::optional<int64_t> duplicate_of;  // the earlier near-duplicate
};

struct SearchOptions {
  size_t limit = 20;
  std::string source;  // only documents of this source, when set
  bool variants = true;  // also match other spellings of the query words
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
  int64_t DocumentCount() const;

  // Ranked full-text search. Documents whose words match the query as spelled
  // (up to letter variants, clitics and the ا/ة ending) come first, ranked by
  // BM25; then, with options.variants, documents matching only other
  // spellings (same consonant skeleton). Returns false and sets *error for a
  // query with no searchable word.
  bool Search(std::string_view query, const SearchOptions& options, std::vector<SearchHit>* hits,
              std::string* error) const;

  // `PRAGMA integrity_check` and the full-text index's own check; "ok" when sound.
  std::string IntegrityCheck() const;

  int schema_version() const;

 private:
  struct Cache;  // prepared statements and the vocabulary already stored
  friend IngestSummary Ingest(Store*, const std::vector<std::string>&, const IngestOptions&);

  Store();
  // AddDocument with the index tokens of its title and text computed ahead;
  // the caller has checked that the content key is not stored yet.
  int64_t AddDocument(const DocRecord& doc, const internal::IndexTokens& title,
                      const internal::IndexTokens& text);

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
  // Called from the writing thread after each batch.
  std::function<void(const IngestProgress&)> progress;
};

struct IngestSummary {
  size_t files = 0;
  size_t read = 0;             // documents read from the files
  size_t added = 0;            // new documents stored
  size_t near_duplicates = 0;  // of those, stored with duplicate_of set
  size_t already_stored = 0;   // same content already in the database: not added again
  std::vector<ingest::Problem> problems;  // files or documents skipped or repaired, with why
};

// Reads every file under `paths` on all cores, removes boilerplate, links
// near-duplicates, and stores the documents with one writer, one transaction
// per batch: an interrupted ingest keeps the batches it committed, and running
// it again completes it. Throws std::runtime_error only if the database fails.
IngestSummary Ingest(Store* store, const std::vector<std::string>& paths,
                     const IngestOptions& options);

}  // namespace marsad::store

#endif  // MARSAD_STORE_STORE_H_
