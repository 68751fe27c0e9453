// The "marsad" FTS5 tokenizer, and the ranking function search uses. Each
// word is reported at its exact byte range in the stored text (so snippets
// and highlights land on the original letters) under one term: the matching
// key of its stem, clitics and article stripped. Function words are left
// out. Indexing one term per word, not the whole word and its stem, and no
// function words, halves the index's work: the single writer spends most of
// an ingest in FTS5.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_set>

#include <sqlite3.h>

#include "store/internal.h"
#include "text/internal.h"
#include "text/text.h"

namespace marsad::store::internal {
namespace {

namespace tx = marsad::text;

struct Replay {
  std::string_view text;
  const IndexTokens* tokens = nullptr;
};
// One per writing thread: a text and its tokens computed ahead of the insert.
thread_local std::vector<Replay> replays;

const IndexTokens* FindReplay(std::string_view input) {
  for (const Replay& r : replays) {
    if (r.text.size() == input.size() &&
        (r.text.data() == input.data() || std::memcmp(r.text.data(), input.data(), input.size()) == 0)) {
      return r.tokens;
    }
  }
  return nullptr;
}

int Tokenize(Fts5Tokenizer*, void* ctx, int flags, const char* text, int size,
             int (*x_token)(void*, int, const char*, int, int, int)) {
  const std::string_view input(text, static_cast<size_t>(size));
  // A query term built by Store::Search is already a key: pass it through.
  if ((flags & FTS5_TOKENIZE_QUERY) && input.starts_with(kRawQueryMarker)) {
    const std::string_view raw = input.substr(1);
    return x_token(ctx, 0, raw.data(), static_cast<int>(raw.size()), 0, size);
  }
  IndexTokens computed;
  const IndexTokens* tokens = FindReplay(input);
  if (!tokens) {
    ComputeIndexTokens(input, &computed);
    tokens = &computed;
  }
  for (const IndexTokens::Token& t : tokens->tokens) {
    const std::string_view s = tokens->Text(t);
    const int rc = x_token(ctx, t.colocated ? FTS5_TOKEN_COLOCATED : 0, s.data(),
                           static_cast<int>(s.size()), t.begin, t.end);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

int Create(void*, const char**, int, Fts5Tokenizer** out) {
  // Stateless: any non-null handle will do.
  static int handle;
  *out = reinterpret_cast<Fts5Tokenizer*>(&handle);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer*) {}

fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

// An SQL function of one text argument returning key(argument).
template <std::string (*key)(std::string_view)>
void KeyFunction(sqlite3_context* ctx, int, sqlite3_value** args) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
  const auto size = static_cast<size_t>(sqlite3_value_bytes(args[0]));
  const std::string k = key(std::string_view(text ? text : "", text ? size : 0));
  sqlite3_result_text(ctx, k.data(), static_cast<int>(k.size()), SQLITE_TRANSIENT);
}

// Bytes of a one-letter proclitic (و ف ب ل ك) starting a word of at least
// four letters, or 0.
uint32_t ProcliticLength(std::string_view word) {
  static constexpr std::string_view kProclitics[] = {"و", "ف", "ب", "ل", "ك"};
  size_t letters = 0;
  for (unsigned char c : word) letters += (c & 0xC0) != 0x80;
  if (letters < 4) return 0;
  for (std::string_view p : kProclitics) {
    if (word.starts_with(p)) return static_cast<uint32_t>(p.size());
  }
  return 0;
}

// What marsad_bm25 computes once per query, as bm25() does: the average row
// length, each group's inverse document frequency and the column weights.
// A group is the phrases of one query word (its spellings): a word counts
// once, however many spellings it has, with the documents holding any of
// them and their occurrences together. Scored apart, the rarest spelling of
// a word (سورية in a collection that writes سوريا) would outweigh the word
// itself, whose own spelling, in most documents, weighs almost nothing.
struct Bm25Query {
  double average_length = 0;
  std::vector<int> group_of;  // per phrase
  std::vector<double> idf;    // per group
  std::vector<double> weights;
  std::vector<double> frequency;  // per group, for the current row
};

int CollectRow(const Fts5ExtensionApi* api, Fts5Context* fts, void* rows) {
  static_cast<std::vector<int64_t>*>(rows)->push_back(api->xRowid(fts));
  return SQLITE_OK;
}

// Phrase groups from "n1 n2 ...", the number of phrases of each query word
// in order; each phrase its own group when absent or not adding up.
std::vector<int> GroupsOf(sqlite3_value* layout, int phrases) {
  std::vector<int> group_of;
  if (layout && sqlite3_value_type(layout) == SQLITE_TEXT) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(layout));
    int group = 0;
    for (const char* p = text; *p;) {
      char* end = nullptr;
      const long n = std::strtol(p, &end, 10);
      if (end == p || n <= 0 || static_cast<long>(group_of.size()) + n > phrases) break;
      group_of.insert(group_of.end(), static_cast<size_t>(n), group++);
      p = end;
      while (*p == ' ') ++p;
    }
  }
  if (static_cast<int>(group_of.size()) != phrases) {
    group_of.resize(static_cast<size_t>(phrases));
    for (int i = 0; i < phrases; ++i) group_of[i] = i;
  }
  return group_of;
}

int StartBm25(const Fts5ExtensionApi* api, Fts5Context* fts, int argc, sqlite3_value** argv,
              Bm25Query* q) {
  sqlite3_int64 rows = 0;
  sqlite3_int64 tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK && rows <= 0) rc = SQLITE_CORRUPT_VTAB;
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  q->average_length = static_cast<double>(tokens) / static_cast<double>(rows);
  const int columns = api->xColumnCount(fts);
  for (int c = 0; c < columns; ++c) {
    q->weights.push_back(c + 1 < argc ? sqlite3_value_double(argv[c + 1]) : 1.0);
  }
  const int phrases = api->xPhraseCount(fts);
  q->group_of = GroupsOf(columns + 1 < argc ? argv[columns + 1] : nullptr, phrases);
  const int groups = phrases == 0 ? 0 : q->group_of.back() + 1;
  q->frequency.assign(static_cast<size_t>(groups), 0);
  std::vector<int64_t> matched;
  for (int i = 0; i < phrases; ++i) {
    if ((rc = api->xQueryPhrase(fts, i, &matched, CollectRow)) != SQLITE_OK) return rc;
    if (i + 1 < phrases && q->group_of[i + 1] == q->group_of[i]) continue;
    std::sort(matched.begin(), matched.end());
    const auto hits = static_cast<double>(std::unique(matched.begin(), matched.end()) - matched.begin());
    matched.clear();
    // bm25's floor: a word in more than half the rows weighs almost nothing.
    const double idf = std::log((static_cast<double>(rows) - hits + 0.5) / (hits + 0.5));
    q->idf.push_back(idf <= 0.0 ? 1e-6 : idf);
  }
  return SQLITE_OK;
}

// FTS5's bm25() term for term (k1 = 1.2, b = 0.75, the same floating-point
// operations in the same order), so that where each word has one spelling
// the scores and their order are equal; a word of several counts once.
void Bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
          sqlite3_value** argv) {
  constexpr double k1 = 1.2;
  constexpr double b = 0.75;
  auto* q = static_cast<Bm25Query*>(api->xGetAuxdata(fts, 0));
  if (!q) {
    auto fresh = std::make_unique<Bm25Query>();
    int rc = StartBm25(api, fts, argc, argv, fresh.get());
    if (rc == SQLITE_OK) {
      // FTS5 owns the query from here: on failure xSetAuxdata itself calls
      // the deleter.
      q = fresh.release();
      rc = api->xSetAuxdata(fts, q, [](void* p) { delete static_cast<Bm25Query*>(p); });
    }
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
  }
  std::fill(q->frequency.begin(), q->frequency.end(), 0.0);
  int instances = 0;
  int rc = api->xInstCount(fts, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK) q->frequency[q->group_of[phrase]] += q->weights[column];
  }
  const auto* lengths =
      argc > 0 ? static_cast<const DocLengths*>(sqlite3_value_pointer(argv[0], kDocLengthsPointer))
               : nullptr;
  const sqlite3_int64 rowid = api->xRowid(fts);
  int tokens = 0;
  if (lengths && rowid >= 0 && static_cast<uint64_t>(rowid) < lengths->by_rowid.size() &&
      lengths->by_rowid[rowid] != DocLengths::kUnknownLength) {
    tokens = static_cast<int>(lengths->by_rowid[rowid]);
  } else if (rc == SQLITE_OK) {
    rc = api->xColumnSize(fts, -1, &tokens);
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  const double length = tokens;
  double score = 0.0;
  for (size_t i = 0; i < q->idf.size(); ++i) {
    score += q->idf[i] * ((q->frequency[i] * (k1 + 1.0)) /
                          (q->frequency[i] + k1 * (1 - b + b * length / q->average_length)));
  }
  sqlite3_result_double(ctx, -1.0 * score);
}

// An SQLite varint (big-endian, seven bits a byte, the ninth byte whole) at
// *p, which is advanced past it.
uint64_t ReadVarint(const unsigned char** p, const unsigned char* end) {
  uint64_t v = 0;
  for (int i = 0; *p < end; ++i) {
    const unsigned char c = *(*p)++;
    if (i == 8) return (v << 8) | c;
    v = (v << 7) | (c & 0x7F);
    if (!(c & 0x80)) break;
  }
  return v;
}

}  // namespace

void LoadDocLengths(sqlite3* db, const std::string& fts, DocLengths* out) {
  out->by_rowid.clear();
  Statement s(db, ("SELECT id, sz FROM \"" + fts + "_docsize\"").c_str());
  while (s.Step()) {
    const int64_t id = s.Int(0);
    if (id < 0) continue;
    const auto* p = static_cast<const unsigned char*>(s.Blob(1));
    const unsigned char* end = p + s.Bytes(1);
    uint64_t tokens = 0;
    while (p < end) tokens += ReadVarint(&p, end);
    if (static_cast<uint64_t>(id) >= out->by_rowid.size()) {
      out->by_rowid.resize(static_cast<size_t>(id) + 1, DocLengths::kUnknownLength);
    }
    out->by_rowid[id] = static_cast<uint32_t>(tokens);
  }
}

int IndexedTerms(const text::Token& token, std::string_view key, text::Span terms[2]) {
  if (token.kind == text::TokenKind::kPunct || token.kind == text::TokenKind::kSymbol) return 0;
  if (token.kind != text::TokenKind::kWord) {
    terms[0] = token.span;
    return 1;
  }
  terms[0] = token.stem.size() > 0 ? token.stem : token.span;
  const std::string_view term = key.substr(terms[0].begin, terms[0].size());
  if (tx::IsFunctionWord(term)) return 0;
  if (!(terms[0] == token.span)) return 1;
  // The tokenizer keeps وسوريا whole (it cannot tell و+سوريا from a name
  // like وليد); the index also holds the rest, so سوريا finds it.
  const uint32_t rest = ProcliticLength(term);
  if (rest == 0 || tx::IsFunctionWord(term.substr(rest))) return 1;
  terms[1] = {terms[0].begin + rest, terms[0].end};
  return 2;
}

std::string IndexForm(const text::Token& token, std::string_view term) {
  if (token.kind != text::TokenKind::kNumber) return std::string(term);
  std::string out;
  for (size_t i = 0; i < term.size(); ++i) {
    const bool grouping = term[i] == ',' && i > 0 && i + 1 < term.size() &&
                          std::isdigit(static_cast<unsigned char>(term[i - 1])) &&
                          std::isdigit(static_cast<unsigned char>(term[i + 1]));
    if (!grouping) out += term[i];
  }
  return out;
}

void ComputeIndexTokens(std::string_view text, IndexTokens* out) {
  ComputeIndexTokens(tx::Normalize(text, tx::kMatch), out);
}

void ComputeIndexTokens(const text::Normalized& keys, IndexTokens* out) {
  out->chars.clear();
  out->tokens.clear();
  out->distinct_terms.clear();  // FindDistinctTerms fills them, for writers only
  const std::string_view k = keys.text;
  out->chars.reserve(k.size() + k.size() / 4);
  auto add = [&](const tx::Token& t, tx::Span key, tx::Span original, bool colocated) {
    const size_t offset = out->chars.size();
    if (t.kind == tx::TokenKind::kNumber) {
      out->chars += IndexForm(t, k.substr(key.begin, key.size()));
    } else {
      out->chars.append(k.substr(key.begin, key.size()));
    }
    out->tokens.push_back({static_cast<uint32_t>(offset), static_cast<uint32_t>(out->chars.size() - offset),
                           static_cast<int>(original.begin), static_cast<int>(original.end),
                           colocated});
  };
  tx::Span terms[2];
  for (const tx::Token& t : tx::Tokenize(k)) {
    const int n = IndexedTerms(t, k, terms);
    if (n == 0) continue;
    const tx::Span original = keys.map.ToOriginal(t.span);
    for (int i = 0; i < n; ++i) add(t, terms[i], original, i > 0);
  }
}

void FindDistinctTerms(IndexTokens* tokens) {
  tokens->distinct_terms.clear();
  // Arabic terms (UTF-8 lead bytes D8..DB) are the ones with spelling
  // variants; each is listed once, at its first occurrence. A hash set, not a
  // sort: a long article has thousands of tokens.
  std::unordered_set<std::string_view> seen;
  seen.reserve(tokens->tokens.size());
  for (uint32_t i = 0; i < tokens->tokens.size(); ++i) {
    const IndexTokens::Token& t = tokens->tokens[i];
    const auto lead = static_cast<unsigned char>(tokens->chars[t.offset]);
    if (t.size > 0 && lead >= 0xD8 && lead <= 0xDB && seen.insert(tokens->Text(t)).second) {
      tokens->distinct_terms.push_back(i);
    }
  }
}

VocabTerm MakeVocabTerm(std::string_view term) {
  return {std::string(term), tx::internal::EndingKeyOfKey(term), tx::internal::SkeletonKeyOfKey(term)};
}

ReplayScope::ReplayScope(std::string_view text, const IndexTokens* tokens) {
  replays.push_back({text, tokens});
}

ReplayScope::~ReplayScope() { replays.pop_back(); }

bool RegisterExtensions(sqlite3* db) {
  fts5_api* api = Fts5Api(db);
  if (!api) return false;
  static fts5_tokenizer tokenizer = {Create, Delete, Tokenize};
  if (api->xCreateTokenizer(api, kTokenizerName, nullptr, &tokenizer, nullptr) != SQLITE_OK ||
      api->xCreateFunction(api, "marsad_bm25", nullptr, Bm25, nullptr) != SQLITE_OK) {
    return false;
  }
  constexpr int kFlags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  return sqlite3_create_function(db, "marsad_ending_key", 1, kFlags, nullptr,
                                 KeyFunction<tx::internal::EndingKeyOfKey>, nullptr,
                                 nullptr) == SQLITE_OK &&
         sqlite3_create_function(db, "marsad_skeleton_key", 1, kFlags, nullptr,
                                 KeyFunction<tx::internal::SkeletonKeyOfKey>, nullptr,
                                 nullptr) == SQLITE_OK;
}

}  // namespace marsad::store::internal
