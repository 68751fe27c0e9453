#include "store/store.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "store/internal.h"
#include "text/internal.h"
#include "text/text.h"

namespace marsad::store {
namespace {

using internal::Exec;
using internal::Fail;
using internal::Statement;

constexpr int kSchemaVersion = 8;

// Each entry brings the schema from version i to i + 1.
constexpr const char* kMigrations[] = {
    R"sql(
    CREATE TABLE docs(
      id INTEGER PRIMARY KEY,
      path TEXT NOT NULL,
      source TEXT NOT NULL DEFAULT '',
      url TEXT NOT NULL DEFAULT '',
      title TEXT NOT NULL DEFAULT '',
      published TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL,
      boilerplate TEXT NOT NULL DEFAULT '[]',
      extra TEXT NOT NULL DEFAULT '',
      content_key TEXT NOT NULL UNIQUE,
      simhash INTEGER NOT NULL,
      duplicate_of INTEGER REFERENCES docs(id),
      added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX docs_source ON docs(source);
    CREATE INDEX docs_published ON docs(published);
    -- External content: the text is stored once, in docs.
    CREATE VIRTUAL TABLE docs_fts USING fts5(
      title, text, content='docs', content_rowid='id', tokenize='marsad');
    -- Every indexed Arabic term under its spelling-variant keys, so that a
    -- query expands to the spellings the collection really holds.
    CREATE TABLE vocab(
      term TEXT PRIMARY KEY,
      ending TEXT NOT NULL,
      skeleton TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX vocab_ending ON vocab(ending) WHERE ending != '';
    CREATE INDEX vocab_skeleton ON vocab(skeleton) WHERE skeleton != '';
    )sql",
    R"sql(
    -- What analysis derives from each document; analyzed = 1 once it is stored.
    ALTER TABLE docs ADD COLUMN analyzed INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX docs_pending ON docs(id) WHERE analyzed = 0;
    -- Offsets are characters of docs.text. key is text::MatchKey(text).
    CREATE TABLE mentions(
      id INTEGER PRIMARY KEY,
      doc INTEGER NOT NULL REFERENCES docs(id),
      start INTEGER NOT NULL,
      end INTEGER NOT NULL,
      type TEXT NOT NULL,
      text TEXT NOT NULL,
      key TEXT NOT NULL,
      latin TEXT NOT NULL DEFAULT '',
      confidence REAL NOT NULL,
      entity INTEGER,
      attribute INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX mentions_doc ON mentions(doc);
    CREATE INDEX mentions_entity ON mentions(entity, doc);
    CREATE INDEX mentions_key ON mentions(key);
    -- What a text says of two of its mentions: 'alias' or 'part_of'.
    CREATE TABLE mention_links(
      a INTEGER NOT NULL REFERENCES mentions(id),
      b INTEGER NOT NULL REFERENCES mentions(id),
      kind TEXT NOT NULL
    );
    -- Rebuilt by every resolution; ids are kept from one to the next.
    CREATE TABLE entities(
      id INTEGER PRIMARY KEY,
      type TEXT NOT NULL,
      name TEXT NOT NULL,
      latin TEXT NOT NULL,
      mentions INTEGER NOT NULL,
      docs INTEGER NOT NULL
    );
    CREATE INDEX entities_docs ON entities(docs DESC, id);
    CREATE TABLE entity_keys(key TEXT NOT NULL, entity INTEGER NOT NULL,
                             PRIMARY KEY(key, entity)) WITHOUT ROWID;
    CREATE TABLE part_of(branch INTEGER NOT NULL, parent INTEGER NOT NULL,
                         PRIMARY KEY(branch, parent)) WITHOUT ROWID;
    -- The user's alias file, as last given to ingest (JSON array of entries).
    CREATE TABLE settings(name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE quotes(
      id INTEGER PRIMARY KEY,
      doc INTEGER NOT NULL REFERENCES docs(id),
      start INTEGER NOT NULL, end INTEGER NOT NULL,
      sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
      direct INTEGER NOT NULL,
      speaker_mention INTEGER REFERENCES mentions(id),
      speaker_text TEXT,
      speaker_kind TEXT
    );
    CREATE INDEX quotes_doc ON quotes(doc);
    CREATE INDEX quotes_speaker ON quotes(speaker_mention);
    CREATE TABLE claims(
      id INTEGER PRIMARY KEY,
      doc INTEGER NOT NULL REFERENCES docs(id),
      start INTEGER NOT NULL, end INTEGER NOT NULL,
      sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
      value REAL NOT NULL, low REAL, high REAL,
      approx INTEGER NOT NULL,
      qualifier TEXT NOT NULL, magnitude TEXT NOT NULL, unit TEXT NOT NULL,
      counted TEXT NOT NULL, place TEXT NOT NULL,
      place_mention INTEGER REFERENCES mentions(id),
      date TEXT NOT NULL,
      source_mention INTEGER REFERENCES mentions(id),
      source_text TEXT NOT NULL, source_kind TEXT NOT NULL,
      topic TEXT NOT NULL
    );
    CREATE INDEX claims_doc ON claims(doc);
    CREATE INDEX claims_topic ON claims(topic);
    CREATE TABLE events(
      id INTEGER PRIMARY KEY,
      doc INTEGER NOT NULL REFERENCES docs(id),
      type TEXT NOT NULL,
      start INTEGER NOT NULL, end INTEGER NOT NULL,
      sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
      date TEXT NOT NULL, date_precision TEXT NOT NULL,
      place TEXT NOT NULL,
      place_mention INTEGER REFERENCES mentions(id),
      count REAL, killed REAL, injured REAL,
      breakdown TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX events_doc ON events(doc);
    CREATE INDEX events_date ON events(date);
    CREATE TABLE event_participants(
      event INTEGER NOT NULL REFERENCES events(id),
      mention INTEGER NOT NULL REFERENCES mentions(id),
      role TEXT NOT NULL
    );
    CREATE INDEX event_participants_event ON event_participants(event);
    CREATE INDEX event_participants_mention ON event_participants(mention);
    )sql",
    R"sql(
    -- An entity's claims and events are found through its mentions.
    CREATE INDEX claims_source ON claims(source_mention) WHERE source_mention IS NOT NULL;
    CREATE INDEX claims_place ON claims(place_mention) WHERE place_mention IS NOT NULL;
    CREATE INDEX events_place ON events(place_mention) WHERE place_mention IS NOT NULL;
    -- Each entity's most frequent companions (named in the same documents),
    -- written by resolution.
    CREATE TABLE entity_related(
      entity INTEGER NOT NULL,
      other INTEGER NOT NULL,
      docs INTEGER NOT NULL,
      PRIMARY KEY(entity, other)
    ) WITHOUT ROWID;
    -- Each entity's spellings with their counts, written by resolution.
    CREATE TABLE entity_aliases(
      entity INTEGER NOT NULL,
      name TEXT NOT NULL,
      mentions INTEGER NOT NULL,
      docs INTEGER NOT NULL,
      PRIMARY KEY(entity, name)
    ) WITHOUT ROWID;
    )sql",
    R"sql(
    -- The index holds one term a word (its stem) and no function words:
    -- index and vocabulary are rebuilt from the stored texts.
    INSERT INTO docs_fts(docs_fts) VALUES('rebuild');
    DELETE FROM vocab;
    CREATE VIRTUAL TABLE temp.indexed_terms USING fts5vocab(main, docs_fts, 'row');
    INSERT INTO vocab(term, ending, skeleton)
      SELECT term, marsad_ending_key(term), marsad_skeleton_key(term) FROM temp.indexed_terms
      WHERE unicode(term) BETWEEN 1536 AND 1791;  -- Arabic letters, U+0600 to U+06FF
    DROP TABLE temp.indexed_terms;
    INSERT INTO docs_fts(docs_fts) VALUES('optimize');  -- one segment, as after an ingest
    -- FTS5 merges segments while it writes, by default 4 at a time. Ingest
    -- merges the whole index once at its end, so merging 16 at a time while
    -- writing saves the single writer a fifth of its work.
    INSERT INTO docs_fts(docs_fts, rank) VALUES('automerge', 16);
    INSERT INTO docs_fts(docs_fts, rank) VALUES('crisismerge', 64);
    )sql",
    R"sql(
    -- على (on) is indexed again: its key is that of the name علي (Ali).
    INSERT INTO docs_fts(docs_fts) VALUES('rebuild');
    CREATE VIRTUAL TABLE temp.indexed_terms USING fts5vocab(main, docs_fts, 'row');
    INSERT OR IGNORE INTO vocab(term, ending, skeleton)
      SELECT term, marsad_ending_key(term), marsad_skeleton_key(term) FROM temp.indexed_terms
      WHERE unicode(term) BETWEEN 1536 AND 1791;  -- Arabic letters, U+0600 to U+06FF
    DROP TABLE temp.indexed_terms;
    INSERT INTO docs_fts(docs_fts) VALUES('optimize');
    )sql",
    R"sql(
    -- Numbers are indexed without the commas grouping their digits (3,000
    -- is 3000); no Arabic term changes, so the vocabulary stays.
    INSERT INTO docs_fts(docs_fts) VALUES('rebuild');
    INSERT INTO docs_fts(docs_fts) VALUES('optimize');
    )sql",
    R"sql(
    -- The incident each event belongs to, written by resolution
    -- (Store::LinkIncidents); null until the next ingest links them.
    ALTER TABLE events ADD COLUMN incident INTEGER;
    CREATE INDEX events_incident ON events(incident);
    )sql",
    R"sql(
    -- The person an age describes; resolution keys such claims' topic by
    -- the person's entity. Null for claims analysed before (re-analyse
    -- their documents to fill it).
    ALTER TABLE claims ADD COLUMN about_mention INTEGER REFERENCES mentions(id);
    CREATE INDEX claims_about ON claims(about_mention) WHERE about_mention IS NOT NULL;
    -- The entities of the mentions a re-analysis removed (ingest
    -- --reanalyze), by span, until resolution gives the new mentions of the
    -- same spans their ids.
    CREATE TABLE carried_entities(
      doc INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
      entity INTEGER NOT NULL,
      PRIMARY KEY(doc, start, end)
    ) WITHOUT ROWID;
    )sql",
};

constexpr const char* kDocColumns =
    "id, path, source, url, title, published, text, boilerplate, extra, content_key, simhash, "
    "duplicate_of";
// The same columns for lists: text, boilerplate and extra left empty.
constexpr const char* kDocHeaderColumns =
    "id, path, source, url, title, published, '', '', '', content_key, simhash, duplicate_of";

DocRecord ReadDoc(const Statement& s) {
  DocRecord d;
  d.id = s.Int(0);
  d.path = s.Text(1);
  d.source = s.Text(2);
  d.url = s.Text(3);
  d.title = s.Text(4);
  d.published = s.Text(5);
  d.text = s.Text(6);
  d.boilerplate_json = s.Text(7);
  d.extra_json = s.Text(8);
  d.content_key = s.Text(9);
  d.simhash = static_cast<uint64_t>(s.Int(10));
  if (!s.IsNull(11)) d.duplicate_of = s.Int(11);
  return d;
}

// The keys of one query word: as spelled (with its letter variants, stem and
// ending variants found in the vocabulary) and, separately, the other
// spellings sharing its consonant skeleton.
// A key with a space is a phrase: its terms in a row.
struct QueryWord {
  std::vector<std::string> exact;
  std::vector<std::string> variants;
};

// FTS5 string literal for a key (double quotes doubled), or the phrase of
// the terms of a key with spaces.
std::string Quote(std::string_view key) {
  std::string out = "\"";
  out += internal::kRawQueryMarker;
  for (char c : key) {
    if (c == ' ') {
      out += "\" + \"";
      out += internal::kRawQueryMarker;
      continue;
    }
    out += c;
    if (c == '"') out += '"';
  }
  out += '"';
  return out;
}

// Names written as one word or two: عبد الرحمن and عبدالرحمن, أبو بكر and
// أبوبكر, أبو ظبي and أبوظبي. The index holds what the text wrote.
constexpr std::string_view kCompoundHeads[] = {"عبد", "ابو"};
bool IsCompoundHead(std::string_view key) {
  return std::find(std::begin(kCompoundHeads), std::end(kCompoundHeads), key) != std::end(kCompoundHeads);
}

std::string Alternatives(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::string expr = "(";
  bool first = true;
  for (const auto* list : {&a, &b}) {
    for (const std::string& t : *list) {
      if (!first) expr += " OR ";
      expr += Quote(t);
      first = false;
    }
  }
  return expr + ")";
}

// The words of a query with their keys; with `expand_spellings`, the other
// spellings of each the vocabulary holds (by ending, and by skeleton as
// variants).
std::vector<QueryWord> QueryWords(sqlite3* db, std::string_view query, bool expand_spellings) {
  namespace tx = marsad::text;
  std::vector<QueryWord> words;
  const tx::Normalized n = tx::Normalize(query, tx::kMatch);
  Statement by_ending(db, "SELECT term FROM vocab WHERE ending = ? AND ending != '' LIMIT 64");
  Statement by_skeleton(db, "SELECT term FROM vocab WHERE skeleton = ? AND skeleton != '' LIMIT 64");
  auto expand = [](Statement& st, const std::string& key, std::vector<std::string>* out) {
    if (key.empty()) return;
    st.Reset();
    st.Bind(1, key);
    while (st.Step()) {
      std::string term = st.Text(0);
      if (std::find(out->begin(), out->end(), term) == out->end()) out->push_back(std::move(term));
    }
  };
  // The index term of the first word of `text` (a key), or "".
  auto indexed_term = [](std::string_view text) {
    for (const tx::Token& t : tx::Tokenize(text)) {
      tx::Span indexed[2];
      if (internal::IndexedTerms(t, text, indexed) == 0) return std::string();
      return std::string(text.substr(indexed[0].begin, indexed[0].size()));
    }
    return std::string();
  };
  const std::vector<tx::Token> tokens = tx::Tokenize(n.text);
  for (size_t k = 0; k < tokens.size(); ++k) {
    const tx::Token& t = tokens[k];
    tx::Span indexed[2];
    const int count = internal::IndexedTerms(t, n.text, indexed);
    if (count == 0) continue;
    QueryWord w;
    const std::string term = internal::IndexForm(t, std::string_view(n.text).substr(indexed[0].begin, indexed[0].size()));
    const std::string_view word = std::string_view(n.text).substr(t.span.begin, t.span.size());
    if (t.kind == tx::TokenKind::kWord && IsCompoundHead(word) && k + 1 < tokens.size() &&
        tokens[k + 1].kind == tx::TokenKind::kWord) {
      // عبد الرحمن: the two words in a row, or written as one.
      const tx::Token& next = tokens[k + 1];
      const std::string second = indexed_term(std::string_view(n.text).substr(next.span.begin, next.span.size()));
      if (!second.empty()) {
        w.exact.push_back(term + " " + second);
        w.exact.push_back(std::string(word) + n.text.substr(next.span.begin, next.span.size()));
        words.push_back(std::move(w));
        ++k;
        continue;
      }
    }
    w.exact.push_back(term);
    // بدمشق: the index has دمشق (Damascus) for a text that wrote it so.
    if (count == 2) w.exact.push_back(n.text.substr(indexed[1].begin, indexed[1].size()));
    // عبدالرحمن: also the two words in a row.
    for (std::string_view head : kCompoundHeads) {
      if (t.kind != tx::TokenKind::kWord || term != word || !word.starts_with(head) ||
          word.size() <= head.size() + 2) {
        continue;
      }
      const std::string second = indexed_term(word.substr(head.size()));
      if (!second.empty()) w.exact.push_back(std::string(head) + " " + second);
    }
    if (expand_spellings && t.kind == tx::TokenKind::kWord) {
      expand(by_ending, tx::internal::EndingKeyOfKey(term), &w.exact);
      std::vector<std::string> skeleton_terms;
      expand(by_skeleton, tx::internal::SkeletonKeyOfKey(term), &skeleton_terms);
      for (std::string& term : skeleton_terms) {
        if (std::find(w.exact.begin(), w.exact.end(), term) == w.exact.end()) {
          w.variants.push_back(std::move(term));
        }
      }
    }
    words.push_back(std::move(w));
  }
  return words;
}

// An FTS5 expression and what ranking needs of it: its terms in phrase
// order and the number of phrases of each query word (marsad_bm25's groups).
struct MatchQuery {
  std::string expression;
  std::vector<std::string_view> terms;
  std::string groups;
};

// Every word must match, by any of its keys (and its variants, if asked).
void AddAllOf(const std::vector<QueryWord>& words, bool with_variants, MatchQuery* q) {
  std::string all;
  for (const QueryWord& w : words) {
    if (!all.empty()) all += " AND ";
    const std::vector<std::string> none;
    const std::vector<std::string>& variants = with_variants ? w.variants : none;
    all += Alternatives(w.exact, variants);
    // A phrase's terms, one by one: what a text's tokens are compared with.
    for (const auto* keys : {&w.exact, &variants}) {
      for (std::string_view key : *keys) {
        for (size_t space; (space = key.find(' ')) != std::string_view::npos; key.remove_prefix(space + 1)) {
          q->terms.push_back(key.substr(0, space));
        }
        q->terms.push_back(key);
      }
    }
    q->groups += (q->groups.empty() ? "" : " ") + std::to_string(w.exact.size() + variants.size());
  }
  if (all.empty()) return;
  q->expression += (q->expression.empty() ? "(" : " OR (") + all + ")";
}

// Snippet markers chosen outside any text: stripped into highlight offsets.
constexpr char kOpen = '\x02';
constexpr char kClose = '\x03';

void SetSnippet(std::string marked, SearchHit* hit) {
  std::string plain;
  plain.reserve(marked.size());
  uint32_t chars = 0;
  uint32_t open_at = 0;
  for (char c : marked) {
    if (c == kOpen) {
      open_at = chars;
    } else if (c == kClose) {
      hit->highlights.emplace_back(open_at, chars);
    } else {
      plain += c;
      chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }
  }
  hit->snippet = std::move(plain);
}

// The name to open a database by for reading. SQLite reads a database in
// WAL mode through a -shm file beside it, which it cannot create in a folder
// this process may not write: a file it may not write either (a copy on
// read-only media, another user's archive) is read as immutable, without
// locks, unless a write-ahead log holds commits not yet in it (immutable
// reading would not see them).
std::string NameForReading(const std::string& path) {
  if (access(path.c_str(), R_OK) != 0 || access(path.c_str(), W_OK) == 0) return path;
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (access(folder.empty() ? "." : folder.c_str(), W_OK) == 0) return path;
  std::error_code no_wal;
  if (std::filesystem::file_size(path + "-wal", no_wal) > 0 && !no_wal) return path;
  std::string uri = "file:";
  for (const char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[static_cast<unsigned char>(c) >> 4];
      uri += kHex[c & 15];
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

struct Store::Cache {
  explicit Cache(sqlite3* db)
      : insert_doc(db,
                   "INSERT INTO docs(path, source, url, title, published, text, boilerplate, "
                   "extra, content_key, simhash, duplicate_of) "
                   "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        insert_fts(db, "INSERT INTO docs_fts(rowid, title, text) VALUES(?, ?, ?)"),
        insert_term(db, "INSERT OR IGNORE INTO vocab(term, ending, skeleton) VALUES(?, ?, ?)"),
        find_key(db, "SELECT id FROM docs WHERE content_key = ?"),
        data_version(db, "PRAGMA data_version") {}

  Statement insert_doc;
  Statement insert_fts;
  Statement insert_term;
  Statement find_key;
  Statement data_version;
  // Document lengths for ranking, as of the database state they were read
  // at: PRAGMA data_version moves with other connections' commits,
  // total_changes with this one's writes.
  internal::DocLengths lengths;
  std::pair<int64_t, int64_t> lengths_state{-1, -1};
  // Terms known to be in vocab; loaded on the first write.
  text::internal::StringSet terms;
  bool terms_loaded = false;
};

Store::Store() = default;

std::unique_ptr<Store> Store::Open(const std::string& path, Mode mode, std::string* error) {
  std::unique_ptr<Store> store(new Store());
  int flags = mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY
                                      : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  const std::string name = mode == Mode::kReadOnly ? NameForReading(path) : path;
  if (name != path) flags |= SQLITE_OPEN_URI;
  if (sqlite3_open_v2(name.c_str(), &store->db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    *error = path + ": cannot open database: " +
             (store->db_ ? sqlite3_errmsg(store->db_) : "out of memory");
    return nullptr;
  }
  sqlite3* db = store->db_;
  sqlite3_busy_timeout(db, 10000);
  // SQLite opens a file it may not write read-only, and would fail only at
  // the first write, with a message that names no file.
  if (mode == Mode::kReadWrite && sqlite3_db_readonly(db, "main") == 1) {
    *error = path + ": the database file is read-only (commands that only read it still work)";
    return nullptr;
  }
  if (!internal::RegisterExtensions(db)) {
    *error = path + ": this SQLite has no FTS5";
    return nullptr;
  }
  try {
    int current = 0;
    {
      Statement version(db, "PRAGMA user_version");
      version.Step();
      current = static_cast<int>(version.Int(0));
    }
    if (current > kSchemaVersion) {
      *error = path + ": database schema version " + std::to_string(current) +
               " is newer than this marsad (" + std::to_string(kSchemaVersion) + ")";
      return nullptr;
    }
    if (current == 0) {
      // Version 0 with tables is another program's database: never add
      // marsad's tables to it.
      Statement tables(db, "SELECT count(*) FROM sqlite_master");
      tables.Step();
      if (tables.Int(0) > 0) {
        *error = path + ": not a marsad database (it holds another program's tables)";
        return nullptr;
      }
    }
    if (mode == Mode::kReadWrite) {
      Exec(db, "PRAGMA journal_mode=WAL");
      Exec(db, "PRAGMA synchronous=NORMAL");
      Exec(db, "PRAGMA foreign_keys=ON");
      // Full-text segment merges re-read recent pages: keep them in memory.
      Exec(db, "PRAGMA cache_size=-65536");
      for (int v = current; v < kSchemaVersion; ++v) {
        Exec(db, "BEGIN IMMEDIATE");
        try {
          Exec(db, kMigrations[v]);
          Exec(db, ("PRAGMA user_version=" + std::to_string(v + 1)).c_str());
          Exec(db, "COMMIT");
        } catch (...) {
          sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
          throw;
        }
      }
    } else if (current < kSchemaVersion) {
      *error = path + (current == 0 ? ": not a marsad database (run marsad ingest first)"
                                    : ": database schema " + std::to_string(current) +
                                          " needs an upgrade to " + std::to_string(kSchemaVersion) +
                                          "; open it read-write once (marsad check does)");
      return nullptr;
    }
    // Readers map the file instead of copying pages into each connection's
    // cache: the server keeps many connections, and a big entity's profile
    // reads thousands of pages. (A writer would remap it as it grows.)
    if (mode == Mode::kReadOnly) Exec(db, "PRAGMA mmap_size=1073741824");
    store->cache_ = std::make_unique<Cache>(db);
  } catch (const DamagedError& e) {
    *error = e.what();  // names the file already
    return nullptr;
  } catch (const std::exception& e) {
    *error = path + ": " + e.what();
    return nullptr;
  }
  return store;
}

Store::~Store() {
  cache_.reset();  // statements are finalized before the connection closes
  sqlite3_close_v2(db_);
}

void Store::Begin() { Exec(db_, "BEGIN IMMEDIATE"); }
void Store::Commit() { Exec(db_, "COMMIT"); }
// After some errors (a full disk, I/O) SQLite has rolled back already.
void Store::Rollback() {
  if (!sqlite3_get_autocommit(db_)) Exec(db_, "ROLLBACK");
}

int64_t Store::AddDocument(const DocRecord& doc) {
  if (FindByContentKey(doc.content_key)) return 0;
  internal::IndexTokens title, text;
  internal::ComputeIndexTokens(doc.title, &title);
  internal::ComputeIndexTokens(doc.text, &text);
  internal::FindDistinctTerms(&title);
  internal::FindDistinctTerms(&text);
  return AddDocument(doc, title, text);
}

int64_t Store::AddDocument(const DocRecord& doc, const internal::IndexTokens& title,
                           const internal::IndexTokens& text) {
  Cache& c = *cache_;
  Statement& insert = c.insert_doc;
  insert.Reset();
  insert.Bind(1, doc.path).Bind(2, doc.source).Bind(3, doc.url).BindUnowned(4, doc.title);
  insert.Bind(5, doc.published).BindUnowned(6, doc.text);
  insert.Bind(7, doc.boilerplate_json.empty() ? std::string_view("[]") : doc.boilerplate_json);
  insert.Bind(8, doc.extra_json).Bind(9, doc.content_key);
  insert.Bind(10, static_cast<int64_t>(doc.simhash));
  if (doc.duplicate_of) {
    insert.Bind(11, *doc.duplicate_of);
  } else {
    insert.BindNull(11);
  }
  insert.Step();
  const int64_t id = sqlite3_last_insert_rowid(db_);
  {
    const internal::ReplayScope replay_title(doc.title, &title);
    const internal::ReplayScope replay_text(doc.text, &text);
    Statement& index = c.insert_fts;
    index.Reset();
    index.Bind(1, id).BindUnowned(2, doc.title).BindUnowned(3, doc.text);
    index.Step();
    index.Reset();  // drops the unowned bindings
  }
  insert.Reset();
  for (const internal::IndexTokens* tokens : {&title, &text}) {
    if (!tokens->distinct_terms.empty() && !c.terms_loaded) {
      Statement all(db_, "SELECT term FROM vocab");
      while (all.Step()) c.terms.insert(all.Text(0));
      c.terms_loaded = true;
    }
    for (const uint32_t i : tokens->distinct_terms) {
      const std::string_view term = tokens->Text(tokens->tokens[i]);
      if (c.terms.contains(term)) continue;
      c.insert_term.Reset();
      c.insert_term.Bind(1, term)
          .Bind(2, text::internal::EndingKeyOfKey(term))
          .Bind(3, text::internal::SkeletonKeyOfKey(term));
      c.insert_term.Step();
      c.terms.emplace(term);
    }
  }
  return id;
}

std::optional<int64_t> Store::FindByContentKey(std::string_view key) const {
  Statement& s = cache_->find_key;
  s.Reset();
  s.Bind(1, key);
  const bool found = s.Step();
  const int64_t id = found ? s.Int(0) : 0;
  s.Reset();  // no statement may stay open across a commit
  if (found) return id;
  return std::nullopt;
}

void Store::ForEachFingerprint(const std::function<void(int64_t, uint64_t)>& fn) const {
  Statement s(db_, "SELECT id, simhash FROM docs ORDER BY id");
  while (s.Step()) fn(s.Int(0), static_cast<uint64_t>(s.Int(1)));
}

std::optional<DocRecord> Store::Document(int64_t id) const {
  Statement s(db_, (std::string("SELECT ") + kDocColumns + " FROM docs WHERE id = ?").c_str());
  s.Bind(1, id);
  if (s.Step()) return ReadDoc(s);
  return std::nullopt;
}

std::vector<DocRecord> Store::DocumentHeaders(const std::vector<int64_t>& ids) const {
  Statement s(db_, (std::string("SELECT ") + kDocHeaderColumns + " FROM docs WHERE id = ?").c_str());
  std::vector<DocRecord> docs;
  for (int64_t id : ids) {
    s.Reset();
    s.Bind(1, id);
    if (s.Step()) docs.push_back(ReadDoc(s));
  }
  return docs;
}

std::vector<DocRecord> Store::Documents(int64_t after_id, size_t limit) const {
  Statement s(db_, (std::string("SELECT ") + kDocColumns +
                    " FROM docs WHERE id > ? ORDER BY id LIMIT ?")
                       .c_str());
  s.Bind(1, after_id).Bind(2, static_cast<int64_t>(limit));
  std::vector<DocRecord> docs;
  while (s.Step()) docs.push_back(ReadDoc(s));
  return docs;
}

const internal::DocLengths& Store::RankingLengths() const {
  Cache& c = *cache_;
  c.data_version.Reset();
  c.data_version.Step();
  const std::pair<int64_t, int64_t> state(c.data_version.Int(0), sqlite3_total_changes64(db_));
  c.data_version.Reset();
  if (state != c.lengths_state) {
    internal::LoadDocLengths(db_, "docs_fts", &c.lengths);
    c.lengths_state = state;
  }
  return c.lengths;
}

int64_t Store::DocumentCount() const {
  Statement s(db_, "SELECT count(*) FROM docs");
  s.Step();
  return s.Int(0);
}

bool Store::Search(std::string_view query, const SearchOptions& options,
                   std::vector<SearchHit>* hits, std::string* error, size_t* total) const {
  hits->clear();
  if (total != nullptr) *total = 0;
  // "A OR B" (the Latin word, in capitals, as FTS5 writes it): documents
  // with every word of A or every word of B. A name (--type) has no OR.
  std::vector<std::vector<QueryWord>> alternatives;
  std::string_view rest = query;
  for (;;) {
    const size_t or_at = options.type.empty() ? rest.find(" OR ") : std::string_view::npos;
    std::vector<QueryWord> words =
        QueryWords(db_, rest.substr(0, or_at), /*expand_spellings=*/options.type.empty());
    if (!words.empty()) alternatives.push_back(std::move(words));
    if (or_at == std::string_view::npos) break;
    rest.remove_prefix(or_at + std::string_view(" OR ").size());
  }
  if (alternatives.empty()) {
    // في "in", من "from".
    *error = "the query has no searchable word (function words such as في and من are not indexed)";
    return false;
  }
  // Rank first, then build snippets for the returned rows only: a snippet
  // re-reads and re-tokenizes its document, far too slow for every match.
  MatchQuery exact, with_variants;
  // The entities of the type the query names, as a JSON array for json_each;
  // their documents are matched by any of their names as written, so that a
  // document naming one in another spelling (عبدالرحمن for عبد الرحمن) is
  // found too.
  std::string entity_ids;
  std::vector<std::vector<QueryWord>> alias_words;
  if (!options.type.empty()) {
    nlohmann::json ids = nlohmann::json::array();
    for (int64_t id : FindEntities(query)) {
      const auto e = Entity(id);
      if (!e || e->type != options.type) continue;
      ids.push_back(id);
      for (const Alias& a : e->aliases) alias_words.push_back(QueryWords(db_, a.name, false));
    }
    if (ids.empty()) return true;
    entity_ids = ids.dump();
    for (const auto& alias : alias_words) AddAllOf(alias, false, &exact);
    if (exact.expression.empty()) AddAllOf(alternatives.front(), false, &exact);
  } else {
    for (const auto& words : alternatives) {
      AddAllOf(words, false, &exact);
      AddAllOf(words, true, &with_variants);
    }
  }
  // BM25 divides by each matching document's length: read from memory, not
  // looked up row by row (three quarters of the time of ranking a word in
  // 11,000 documents).
  const internal::DocLengths& lengths = RankingLengths();
  // Parameters: the match expression, then the source and the entities if set.
  const std::string matches =
      std::string(" FROM docs_fts f") + (options.source.empty() ? "" : " JOIN docs d ON d.id = f.rowid") +
      " WHERE docs_fts MATCH ?" + (options.source.empty() ? "" : " AND d.source = ?") +
      (entity_ids.empty() ? ""
                          : " AND f.rowid IN (SELECT doc FROM mentions WHERE attribute = 0 AND "
                            "entity IN (SELECT value FROM json_each(?)))");
  const auto bind_matches = [&](Statement& s, int first, const std::string& expression) {
    s.Bind(first++, expression);
    if (!options.source.empty()) s.Bind(first++, options.source);
    if (!entity_ids.empty()) s.Bind(first++, entity_ids);
    return first;
  };
  const std::string rank_sql = "SELECT f.rowid, marsad_bm25(docs_fts, ?, 2.0, 1.0, ?)" + matches + " ORDER BY ";
  // A variant expression (each word OR up to 64 spellings sharing its
  // consonants) can match much of the collection. Its hits come after the
  // exact ones, ranked among its newest kVariantCandidates matches: FTS5
  // reads matches in rowid order without scoring the rest, so the cost of
  // such a query is bounded. Pages past those list the older matches newest
  // first, unranked: the set ranked stays the same from page to page, so
  // pages neither repeat nor skip a document.
  constexpr size_t kVariantCandidates = 1000;
  // The documents ranked so far, on earlier pages or this one.
  std::unordered_set<int64_t> placed;
  const size_t page_end = options.offset + options.limit;
  auto run = [&](const MatchQuery& q, bool is_exact) {
    std::unordered_map<std::string_view, size_t> term_index;
    for (size_t t = 0; t < q.terms.size(); ++t) term_index.emplace(q.terms[t], t);
    std::vector<std::pair<int64_t, double>> ranked;
    const size_t wanted = page_end;
    {
      Statement s(db_, (rank_sql + (is_exact ? "2 LIMIT ?" : "f.rowid DESC LIMIT ?")).c_str());
      s.BindPointer(1, const_cast<internal::DocLengths*>(&lengths), internal::kDocLengthsPointer);
      s.Bind(2, q.groups);
      const int i = bind_matches(s, 3, q.expression);
      s.Bind(i, static_cast<int64_t>(is_exact ? wanted : kVariantCandidates));
      while (s.Step()) ranked.emplace_back(s.Int(0), -s.Double(1));
    }
    if (!is_exact) {
      std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
      });
      // All the candidates taken: there may be older matches.
      if (ranked.size() == kVariantCandidates) {
        Statement older(db_, ("SELECT f.rowid" + matches + " ORDER BY f.rowid DESC LIMIT ? OFFSET ?").c_str());
        const int i = bind_matches(older, 1, q.expression);
        older.Bind(i, static_cast<int64_t>(wanted)).Bind(i + 1, static_cast<int64_t>(kVariantCandidates));
        while (older.Step()) ranked.emplace_back(older.Int(0), 0.0);
      }
    }
    Statement snippet(db_,
                      "SELECT snippet(docs_fts, 1, char(2), char(3), '…', 24), d.title, "
                      "d.source, d.published, d.duplicate_of FROM docs_fts f "
                      "JOIN docs d ON d.id = f.rowid WHERE docs_fts MATCH ? AND f.rowid = ?");
    // snippet() tokenizes the text twice (to choose the passage, then to
    // mark it): the tokens are computed once and replayed.
    Statement text(db_, "SELECT text FROM docs WHERE id = ?");
    internal::IndexTokens tokens;
    for (const auto& [id, score] : ranked) {
      if (placed.size() >= page_end) break;
      if (!placed.insert(id).second || placed.size() <= options.offset) continue;
      text.Reset();
      text.Bind(1, id);
      if (!text.Step()) continue;
      const std::string body = text.Text(0);
      internal::ComputeIndexTokens(body, &tokens);
      const internal::ReplayScope replay(body, &tokens);
      // The snippet is made of the text's own matches, so it is asked for
      // the query's terms the text holds: a variant expression has a hundred
      // terms, and each would be looked up again for every hit.
      std::vector<bool> in_text(q.terms.size());
      for (const auto& token : tokens.tokens) {
        if (const auto at = term_index.find(tokens.Text(token)); at != term_index.end()) {
          in_text[at->second] = true;
        }
      }
      std::string present;
      for (size_t t = 0; t < q.terms.size(); ++t) {
        if (in_text[t]) present += (present.empty() ? "" : " OR ") + Quote(q.terms[t]);
      }
      snippet.Reset();
      // A document matched by its title alone is asked for the whole query.
      snippet.Bind(1, present.empty() ? q.expression : present).Bind(2, id);
      if (!snippet.Step()) continue;
      SearchHit hit;
      hit.doc = id;
      hit.score = score;
      SetSnippet(snippet.Text(0), &hit);
      hit.title = snippet.Text(1);
      hit.source = snippet.Text(2);
      hit.published = snippet.Text(3);
      if (!snippet.IsNull(4)) hit.duplicate_of = snippet.Int(4);
      hit.exact = is_exact;
      hits->push_back(std::move(hit));
    }
  };
  const bool variants = options.variants && with_variants.terms.size() > exact.terms.size();
  run(exact, true);
  if (variants && placed.size() < page_end) run(with_variants, false);
  if (total != nullptr) {
    // FTS5's NOT: documents matching another spelling only, counted apart
    // so that none is counted twice.
    const std::string count_sql = "SELECT count(*)" + matches;
    auto count = [&](const std::string& expression) {
      Statement s(db_, count_sql.c_str());
      bind_matches(s, 1, expression);
      return s.Step() ? static_cast<size_t>(s.Int(0)) : size_t{0};
    };
    *total = count(exact.expression);
    if (variants) *total += count("(" + with_variants.expression + ") NOT (" + exact.expression + ")");
  }
  return true;
}

std::string Store::IntegrityCheck() const {
  std::string result;
  try {
    Statement s(db_, "PRAGMA integrity_check");
    while (s.Step()) result += (result.empty() ? "" : "; ") + s.Text(0);
  } catch (const std::exception& e) {
    return e.what();  // too damaged to be checked: "database disk image is malformed"
  }
  if (result != "ok" || sqlite3_db_readonly(db_, "main") == 1) return result;
  // The full-text index must agree with the documents it indexes.
  char* err = nullptr;
  if (sqlite3_exec(db_, "INSERT INTO docs_fts(docs_fts, rank) VALUES('integrity-check', 1)",
                   nullptr, nullptr, &err) != SQLITE_OK) {
    std::string message = std::string("full-text index: ") + (err ? err : "inconsistent");
    sqlite3_free(err);
    return message;
  }
  return "ok";
}

int Store::schema_version() const {
  Statement s(db_, "PRAGMA user_version");
  s.Step();
  return static_cast<int>(s.Int(0));
}

}  // namespace marsad::store
