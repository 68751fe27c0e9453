// Implementation details shared by the files of src/text; not part of the API.
#ifndef MARSAD_TEXT_INTERNAL_H_
#define MARSAD_TEXT_INTERNAL_H_

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace marsad::text::internal {

// A set of strings (keys, terms) that string_views look up without a copy.
struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, StringViewHash, std::equal_to<>>;

// The match keys (MatchKey) of a curated word list, as a set.
StringSet MatchKeySet(std::initializer_list<const char*> words);

// A table from nonzero 64-bit keys to values, filled once and then read on
// every word: open addressing with linear probing at a load factor of at
// most one half, so that a lookup is one or two adjacent probes where
// std::unordered_map follows a pointer to a scattered node. Keys must be
// hashes whose low bits are well mixed (they pick the slot); key 0 marks an
// empty slot and must not be stored.
template <typename Value>
class KeyTable {
 public:
  // Empties the table and makes room for `count` keys.
  void Reset(size_t count) {
    size_t capacity = 16;
    while (capacity < 2 * count) capacity *= 2;
    keys_.assign(capacity, 0);
    values_.assign(capacity, Value{});
    count_ = 0;
  }
  // The value of `key`, added as Value{} if absent; at most the `count`
  // given to Reset keys may be added.
  Value& operator[](uint64_t key) {
    size_t i = Start(key);
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & (keys_.size() - 1);
    if (keys_[i] == 0) {
      keys_[i] = key;
      ++count_;
    }
    return values_[i];
  }
  const Value* Find(uint64_t key) const {
    if (keys_.empty()) return nullptr;
    for (size_t i = Start(key);; i = (i + 1) & (keys_.size() - 1)) {
      if (keys_[i] == key) return &values_[i];
      if (keys_[i] == 0) return nullptr;
    }
  }
  size_t size() const { return count_; }

 private:
  size_t Start(uint64_t key) const { return static_cast<size_t>(key) & (keys_.size() - 1); }
  std::vector<uint64_t> keys_;
  std::vector<Value> values_;
  size_t count_ = 0;
};

// Decodes the code point at s[*i] and advances *i past it; ill-formed bytes
// decode as U+FFFD one byte at a time. Requires *i < s.size().
char32_t DecodeUtf8Slow(std::string_view s, size_t* i);
inline char32_t DecodeUtf8(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + *i;
  if (p[0] < 0x80) {
    *i += 1;
    return p[0];
  }
  if (p[0] >= 0xC2 && p[0] <= 0xDF && *i + 1 < s.size() && (p[1] & 0xC0) == 0x80) {
    *i += 2;
    return static_cast<char32_t>((p[0] & 0x1F) << 6 | (p[1] & 0x3F));
  }
  return DecodeUtf8Slow(s, i);
}
void AppendUtf8(char32_t c, std::string* out);

// The kMatch key of an already display-normalised word, written into *buf
// (reused across calls, so the hot loops allocate nothing). Returns *buf.
std::string_view FoldToKey(std::string_view display, std::string* buf);

// EndingKey and SkeletonKey of a word that is already a match key.
std::string EndingKeyOfKey(std::string_view key);
std::string SkeletonKeyOfKey(std::string_view key);

// An ASCII digit; takes bytes and code points alike.
inline bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

inline bool IsArabicLetter(char32_t c) {
  return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A) ||
         (c >= 0x0671 && c <= 0x06D3) || c == 0x06D5;
}

// The (original, translation) pairs of a GNU gettext .mo file, the header
// entry left out: iso-codes ships its Arabic country names so. Empty if the
// file is absent or malformed.
std::vector<std::pair<std::string, std::string>> GettextCatalog(const std::string& path);

// The payload of a model file, compressed with zlib at its highest level:
// the same bytes give the same packed bytes, so a model re-derived from the
// same data is the same file. False if zlib fails (out of memory).
bool Pack(std::string_view bytes, std::string* packed);
// The bytes Pack made `packed` from, if they are `size` bytes long with
// CRC-32 `crc`; false (and *bytes empty) if `packed` is truncated or corrupt,
// without allocating more than zlib could have expanded it to.
bool Unpack(std::string_view packed, uint64_t size, uint32_t crc, std::string* bytes);
uint32_t Crc32(std::string_view bytes);

}  // namespace marsad::text::internal

#endif  // MARSAD_TEXT_INTERNAL_H_
