// Implementation details shared by the files of src/text; not part of the API.
#ifndef MARSAD_TEXT_INTERNAL_H_
#define MARSAD_TEXT_INTERNAL_H_

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>

namespace marsad::text::internal {

// A set of strings (keys, terms) that string_views look up without a copy.
struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, StringViewHash, std::equal_to<>>;

// The match keys (MatchKey) of a curated word list, as a set.
StringSet MatchKeySet(std::initializer_list<const char*> words);

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

}  // namespace marsad::text::internal

#endif  // MARSAD_TEXT_INTERNAL_H_
