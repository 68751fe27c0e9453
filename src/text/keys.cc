// Spelling-variant keys. The classes follow how Arabic writes foreign
// names: one Latin sound reaches Arabic as several letters (g as غ ج ق ك,
// t as ت ط, s as س ص ث, z as ز ذ ظ, d as د ض, h as ه ح, v as ف ڤ, p as ب پ),
// and vowels are written or left out at will.
#include "text/internal.h"
#include "text/text.h"

namespace marsad::text {
namespace {

using internal::DecodeUtf8;

// The class letter of a match-key character, 0 for a long vowel or hamza
// (dropped inside a word), or the character itself when it has no class.
char32_t ConsonantClass(char32_t c) {
  switch (c) {
    case U'غ': case U'ج': case U'ق': case U'ك': return U'g';
    case U'ت': case U'ط': return U't';
    case U'س': case U'ص': case U'ث': return U's';
    case U'ز': case U'ذ': case U'ظ': return U'z';
    case U'د': case U'ض': return U'd';
    case U'ه': case U'ح': return U'h';
    case U'ف': return U'f';
    case U'ب': return U'b';
    case U'ش': return U'c';
    case U'خ': return U'x';
    case U'ل': return U'l';
    case U'م': return U'm';
    case U'ن': return U'n';
    case U'ر': return U'r';
    case U'ا': case U'و': case U'ي': case U'ء': case U'ع': return 0;
    default: return c;
  }
}

}  // namespace

namespace internal {

std::string EndingKeyOfKey(std::string_view k) {
  std::string key(k);
  size_t letters = 0;
  for (size_t i = 0; i < key.size();) {
    DecodeUtf8(key, &i);
    ++letters;
  }
  if (letters < 3) return {};
  // ا ه ي are two bytes each in UTF-8.
  // Not ي: that would join a place with its adjective (أمريكا، أمريكي).
  if (key.ends_with("ا") || key.ends_with("ه")) key.resize(key.size() - 2);
  return key;
}

std::string SkeletonKeyOfKey(std::string_view key) {
  char32_t classes[64];
  size_t count = 0;
  bool first = true;
  for (size_t i = 0; i < key.size();) {
    const char32_t c = DecodeUtf8(key, &i);
    char32_t k = ConsonantClass(c);
    if (k == 0 && first) k = U'a';  // an initial vowel carries the word's shape
    first = false;
    if (k == 0 || (count > 0 && classes[count - 1] == k)) continue;
    if (count == 64) return {};  // not a word
    classes[count++] = k;
  }
  // A final ه is the feminine ending far more often than a consonant.
  if (count > 1 && classes[count - 1] == U'h' && key.ends_with("ه")) --count;
  size_t consonants = 0;
  for (size_t i = 0; i < count; ++i) consonants += classes[i] != U'a';
  if (consonants < 3) return {};
  std::string out;
  out.reserve(count * 2 + 1);
  out += '~';  // marks skeleton keys apart from words in a shared index
  for (size_t i = 0; i < count; ++i) AppendUtf8(classes[i], &out);
  return out;
}

}  // namespace internal

std::string EndingKey(std::string_view word) { return internal::EndingKeyOfKey(MatchKey(word)); }

std::string SkeletonKey(std::string_view word) {
  return internal::SkeletonKeyOfKey(MatchKey(word));
}

}  // namespace marsad::text
