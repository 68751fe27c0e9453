// Implementation details shared by the files of src/store; not part of the API.
#ifndef MARSAD_STORE_INTERNAL_H_
#define MARSAD_STORE_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace marsad::store::internal {

inline constexpr const char* kTokenizerName = "marsad";
// First byte of a query string that is already an index key.
inline constexpr char kRawQueryMarker = '\x01';

// The tokens the index holds for one text: each word's matching key at its
// original byte range, and its stem without clitics as a colocated token.
// Spelling variants are not indexed per occurrence: the vocabulary table
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
  // Indices into tokens of the distinct Arabic terms (the vocabulary's input).
  std::vector<uint32_t> distinct_terms;

  std::string_view Text(const Token& t) const { return std::string_view(chars).substr(t.offset, t.size); }
};

void ComputeIndexTokens(std::string_view text, IndexTokens* out);

// While alive, the tokenizer on this thread replays `tokens` when asked to
// tokenize exactly `text`, instead of computing them again.
class ReplayScope {
 public:
  ReplayScope(std::string_view text, const IndexTokens* tokens);
  ~ReplayScope();
  ReplayScope(const ReplayScope&) = delete;
  ReplayScope& operator=(const ReplayScope&) = delete;
};

// Registers the "marsad" FTS5 tokenizer on this connection; false on failure.
bool RegisterTokenizer(sqlite3* db);

}  // namespace marsad::store::internal

#endif  // MARSAD_STORE_INTERNAL_H_
