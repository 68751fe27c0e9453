// Implementation details shared by the files of src/store; not part of the API.
#ifndef MARSAD_STORE_INTERNAL_H_
#define MARSAD_STORE_INTERNAL_H_

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <iterator>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <sqlite3.h>

#include "store/store.h"
#include "text/text.h"

namespace marsad::store::internal {

inline constexpr const char* kTokenizerName = "marsad";

// The day a record is of, in days since 1970-01-01: `date` when it names a
// day, else `published` when that does; nullopt when neither does.
std::optional<int64_t> DayOf(const std::string& date, const std::string& published);

// Whether a record's date (YYYY[-MM[-DD]]) overlaps the range [from, to]
// of such dates, either end "" for open; a record without a date is in no
// range but the open one.
bool InDateRange(const std::string& date, const std::string& from, const std::string& to);

// The records of a page, [offset, offset + limit) of `all` (limit 0 = to
// the end).
template <typename T>
std::vector<T> Page(std::vector<T> all, size_t offset, size_t limit) {
  if (offset >= all.size()) return {};
  const size_t end = limit ? std::min(all.size(), offset + limit) : all.size();
  return std::vector<T>(std::make_move_iterator(all.begin() + static_cast<ptrdiff_t>(offset)),
                        std::make_move_iterator(all.begin() + static_cast<ptrdiff_t>(end)));
}

// What a claim's figure allows: its range, ±10% of an approximate figure,
// open above for "more_than" and "at_least" and down to 0 for "less_than"
// and "at_most"; an age in years (unit "age_years") holds for the year after
// it too (28, and 29 after a birthday).
std::pair<double, double> ClaimInterval(double value, std::optional<double> low, std::optional<double> high,
                                        bool approx, std::string_view qualifier, std::string_view unit);
// Who gives a claim, as a key: its source entity, else the words describing
// it, else the outlet (the article speaks for itself), else the document.
std::string ClaimSource(std::optional<int64_t> entity, const std::string& text, const std::string& outlet,
                        int64_t doc);

// A claim's figure as an interval, with who gives it and the day it is of.
struct DatedFigure {
  int64_t day = 0;  // days since 1970-01-01
  std::string who;
  double low = 0, high = 0;
};
// "conflict" when two sources give figures of days at most `days` apart
// (extract::SameFactDays) whose intervals do not overlap, "agree" when such
// figures exist and all overlap, "apart" when the sources' figures are never
// of days so near, "single" with one source, and "not_compared" when the
// figures need not be of one thing (`days` nullopt).
std::string Verdict(size_t sources, std::optional<int> days, std::vector<DatedFigure> figures);
// First byte of a query string that is already an index key.
inline constexpr char kRawQueryMarker = '\x01';

// The tokens the index holds for one text: each word but function words, at
// its original byte range, under the matching key of its stem (IndexedSpan);
// a word kept whole that may start with a one-letter proclitic (وسوريا) also
// has the rest as a colocated token. Spelling variants are not indexed per occurrence: the vocabulary table
// maps variant keys to the indexed terms, and queries are expanded.
struct IndexTokens {
  struct Token {
    uint32_t offset;  // into chars
    uint32_t size;
    int begin;  // original bytes
    int end;
    bool colocated;
  };
  std::string chars;
  std::vector<Token> tokens;
  // Indices into tokens of the distinct Arabic terms (the vocabulary's
  // input), set by FindDistinctTerms.
  std::vector<uint32_t> distinct_terms;

  std::string_view Text(const Token& t) const { return std::string_view(chars).substr(t.offset, t.size); }
};

void ComputeIndexTokens(std::string_view text, IndexTokens* out);
// The same from the text's matching key (text::Normalize at kMatch).
void ComputeIndexTokens(const text::Normalized& keys, IndexTokens* out);
// Sets tokens->distinct_terms: what a writer adds to the vocabulary.
void FindDistinctTerms(IndexTokens* tokens);

// The terms the index holds for a token of `key`, a matching-key text
// (text::Normalize at kMatch), written to terms[]; returns how many. None for
// punctuation, symbols and function words (في، من، الذي: in, from, which); a
// word's stem; and for a word kept whole that may start with a one-letter
// proclitic, also the rest (وسوريا: سوريا, as a colocated token).
int IndexedTerms(const text::Token& token, std::string_view key, text::Span terms[2]);
// A term as the index holds it: a number without the commas that group its
// digits (3,000 and 3000 are one term; 1.5 stays 1.5), anything else as is.
std::string IndexForm(const text::Token& token, std::string_view term);

// A row of the vocabulary table: an indexed Arabic term and its
// spelling-variant keys (text::internal::EndingKeyOfKey, SkeletonKeyOfKey).
struct VocabTerm {
  std::string term;
  std::string ending;
  std::string skeleton;
};
VocabTerm MakeVocabTerm(std::string_view term);

// While alive, the tokenizer on this thread replays `tokens` when asked to
// tokenize exactly `text`, instead of computing them again.
class ReplayScope {
 public:
  ReplayScope(std::string_view text, const IndexTokens* tokens);
  ~ReplayScope();
  ReplayScope(const ReplayScope&) = delete;
  ReplayScope& operator=(const ReplayScope&) = delete;
};

// Runs fn(i) for i in [0, n) on `threads` threads (this one included). If
// fn throws, no further i is started, every thread is joined, and the first
// exception is rethrown here (on a thread of its own it would terminate the
// process).
template <typename Fn>
void ParallelFor(size_t n, unsigned threads, Fn fn) {
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::exception_ptr failure;
  auto work = [&] {
    try {
      for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    } catch (...) {
      next = n;
      std::lock_guard<std::mutex> lock(mu);
      if (!failure) failure = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads && t < n; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

// The length in tokens of each row of an FTS5 table (all columns together),
// indexed by rowid, as its docsize table holds them; kUnknownLength where
// there is no row.
struct DocLengths {
  static constexpr uint32_t kUnknownLength = UINT32_MAX;
  std::vector<uint32_t> by_rowid;
};
// The pointer type under which marsad_bm25 takes DocLengths.
inline constexpr const char* kDocLengthsPointer = "marsad_doc_lengths";
// Reads the lengths of table `fts` (an FTS5 table with column sizes).
void LoadDocLengths(sqlite3* db, const std::string& fts, DocLengths* out);

// Registers the "marsad" FTS5 tokenizer on this connection, the SQL
// functions marsad_ending_key(term) and marsad_skeleton_key(term) (the
// vocabulary's keys, for migrations), and the FTS5 ranking function
// marsad_bm25(table, lengths, weight..., groups): FTS5's bm25(table,
// weight...), with each row's length read from `lengths` (a DocLengths bound
// with kDocLengthsPointer, or NULL) instead of looked up in the docsize
// table, and the query's phrases taken in groups, one per query word:
// `groups` is "n1 n2 ..." (the first n1 phrases are the first word's
// spellings, and so on), and each group counts as one term of the sum, its
// document frequency that of any of its phrases. Without `groups` (or with
// one phrase per group) the score is bm25()'s. False on failure.
bool RegisterExtensions(sqlite3* db);

// Throws DamagedError if the last error on `db` says the file is damaged.
inline void ThrowIfDamaged(sqlite3* db) {
  const int primary = db ? sqlite3_errcode(db) & 0xff : SQLITE_OK;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
    const char* file = sqlite3_db_filename(db, "main");
    throw DamagedError(std::string(file && *file ? file : "the database") + " is damaged (" +
                       sqlite3_errmsg(db) + ")");
  }
}

[[noreturn]] inline void Fail(sqlite3* db, const std::string& what) {
  ThrowIfDamaged(db);
  throw std::runtime_error(what + ": " + (db ? sqlite3_errmsg(db) : "no database"));
}

inline void Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string message = err ? err : "unknown error";
    sqlite3_free(err);
    ThrowIfDamaged(db);
    throw std::runtime_error(message);
  }
}

// A prepared statement, finalized on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) Fail(db, "prepare");
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // Binds `s` without copying it: it must stay unchanged until the statement
  // is reset. Without a NUL inside, SQLite is told the text ends with one, so
  // that readers of the value (FTS5) get this very pointer, not a copy.
  Statement& BindUnowned(int i, const std::string& s) {
    const bool terminated = s.find('\0') == std::string::npos;
    sqlite3_bind_text(stmt_, i, s.c_str(), terminated ? -1 : static_cast<int>(s.size()),
                      SQLITE_STATIC);
    return *this;
  }
  Statement& Bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  // Ready to run again with new bindings.
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  Statement& Bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  template <typename T>
  Statement& Bind(int i, const std::optional<T>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }
  Statement& BindNull(int i) {
    sqlite3_bind_null(stmt_, i);
    return *this;
  }
  // Binds a pointer that SQL functions read with sqlite3_value_pointer(type);
  // it must outlive the statement's run.
  Statement& BindPointer(int i, void* p, const char* type) {
    sqlite3_bind_pointer(stmt_, i, p, type, nullptr);
    return *this;
  }
  // True while a row is available.
  bool Step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    Fail(db_, "step");
  }
  std::string Text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  // A blob's bytes (call before Bytes), valid until the next step or reset.
  const void* Blob(int col) const { return sqlite3_column_blob(stmt_, col); }
  int Bytes(int col) const { return sqlite3_column_bytes(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::optional<int64_t> OptionalInt(int col) const {
    return IsNull(col) ? std::nullopt : std::optional<int64_t>(Int(col));
  }
  std::optional<double> OptionalDouble(int col) const {
    return IsNull(col) ? std::nullopt : std::optional<double>(Double(col));
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace marsad::store::internal

#endif  // MARSAD_STORE_INTERNAL_H_
