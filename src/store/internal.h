// Implementation details shared by the files of src/store; not part of the API.
#ifndef MARSAD_STORE_INTERNAL_H_
#define MARSAD_STORE_INTERNAL_H_

struct sqlite3;

namespace marsad::store::internal {

inline constexpr const char* kTokenizerName = "marsad";
// First byte of a query string that is already an index key.
inline constexpr char kRawQueryMarker = '\x01';

// Registers the "marsad" FTS5 tokenizer on this connection; false on failure.
bool RegisterTokenizer(sqlite3* db);

}  // namespace marsad::store::internal

#endif  // MARSAD_STORE_INTERNAL_H_
