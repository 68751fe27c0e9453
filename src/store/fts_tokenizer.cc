// The "marsad" FTS5 tokenizer. Each word is reported at its exact byte range
// in the stored text (so snippets and highlights land on the original
// letters) under its matching key, with its stem and spelling-variant keys
// as colocated tokens, so that a query in one spelling finds the others.
#include <cstring>
#include <string>

#include <sqlite3.h>

#include "store/internal.h"
#include "text/text.h"

namespace marsad::store::internal {
namespace {

namespace tx = marsad::text;

int Emit(void* ctx, int (*x_token)(void*, int, const char*, int, int, int), int flags,
         const std::string& token, tx::Span original) {
  if (token.empty()) return SQLITE_OK;
  return x_token(ctx, flags, token.data(), static_cast<int>(token.size()),
                 static_cast<int>(original.begin), static_cast<int>(original.end));
}

int Tokenize(Fts5Tokenizer*, void* ctx, int flags, const char* text, int size,
             int (*x_token)(void*, int, const char*, int, int, int)) {
  const std::string_view input(text, static_cast<size_t>(size));
  // A query term built by Store::Search is already a key: pass it through.
  if ((flags & FTS5_TOKENIZE_QUERY) && input.starts_with(kRawQueryMarker)) {
    const std::string_view raw = input.substr(1);
    return x_token(ctx, 0, raw.data(), static_cast<int>(raw.size()), 0, size);
  }
  const tx::Normalized key_text = tx::Normalize(input, tx::kMatch);
  const std::string_view keys = key_text.text;
  for (const tx::Token& t : tx::Tokenize(keys)) {
    if (t.kind == tx::TokenKind::kPunct || t.kind == tx::TokenKind::kSymbol) continue;
    const tx::Span original = key_text.map.ToOriginal(t.span);
    const std::string whole(keys.substr(t.span.begin, t.span.size()));
    int rc = Emit(ctx, x_token, 0, whole, original);
    if (rc != SQLITE_OK) return rc;
    if (t.kind != tx::TokenKind::kWord) continue;
    const std::string stem(keys.substr(t.stem.begin, t.stem.size()));
    if (stem != whole) {
      if ((rc = Emit(ctx, x_token, FTS5_TOKEN_COLOCATED, stem, original)) != SQLITE_OK) return rc;
    }
    const std::string ending = tx::EndingKey(stem);
    if (ending != stem) {
      if ((rc = Emit(ctx, x_token, FTS5_TOKEN_COLOCATED, ending, original)) != SQLITE_OK) return rc;
    }
    if ((rc = Emit(ctx, x_token, FTS5_TOKEN_COLOCATED, tx::SkeletonKey(stem), original)) !=
        SQLITE_OK) {
      return rc;
    }
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

}  // namespace

bool RegisterTokenizer(sqlite3* db) {
  fts5_api* api = Fts5Api(db);
  if (!api) return false;
  static fts5_tokenizer tokenizer = {Create, Delete, Tokenize};
  return api->xCreateTokenizer(api, kTokenizerName, nullptr, &tokenizer, nullptr) == SQLITE_OK;
}

}  // namespace marsad::store::internal
