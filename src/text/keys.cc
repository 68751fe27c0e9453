// Spelling-variant keys. The classes follow how Arabic writes foreign
// names: one Latin sound reaches Arabic as several letters (g as غ ج ق ك,
// t as ت ط, s as س ص ث, z as ز ذ ظ, d as د ض, h as ه ح, v as ف ڤ, p as ب پ),
// and vowels are written or left out at will. And the function words, by
// key, and how much of a text is written in Arabic letters.
#include <algorithm>
#include <unordered_map>

#include <unicode/uchar.h>

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

char LatinLetterNamed(std::string_view word) {
  // Keyed by the match key with alef's hamza and madda kept.
  const auto key = [](std::string_view w) { return Normalize(w, kMatch & ~kFoldAlef).text; };
  static const std::unordered_map<std::string, char> table = [&] {
    std::unordered_map<std::string, char> t;
    for (const auto& [arabic, letter] : std::initializer_list<std::pair<const char*, char>>{
             {"إيه", 'A'}, {"أيه", 'A'}, {"ايه", 'A'}, {"أي", 'A'}, {"بي", 'B'},
             {"سي", 'C'}, {"دي", 'D'}, {"إي", 'E'}, {"إف", 'F'}, {"اف", 'F'},
             {"جي", 'G'}, {"إتش", 'H'}, {"اتش", 'H'}, {"إيتش", 'H'}, {"آي", 'I'},
             {"اي", 'I'}, {"جاي", 'J'}, {"جيه", 'J'}, {"كيه", 'K'}, {"كاي", 'K'},
             {"كي", 'K'}, {"إل", 'L'}, {"إم", 'M'}, {"ام", 'M'}, {"إن", 'N'},
             {"ان", 'N'}, {"أو", 'O'}, {"او", 'O'}, {"كيو", 'Q'}, {"آر", 'R'},
             {"ار", 'R'}, {"إس", 'S'}, {"اس", 'S'}, {"تي", 'T'}, {"يو", 'U'},
             {"في", 'V'}, {"دبليو", 'W'}, {"دابليو", 'W'}, {"إكس", 'X'}, {"اكس", 'X'},
             {"واي", 'Y'}, {"زد", 'Z'}, {"زي", 'Z'}}) {
      t.emplace(key(arabic), letter);
    }
    return t;
  }();
  if (word.size() > 32) return 0;  // دابليو, the longest, is 12 bytes; diacritics may add some
  const auto it = table.find(key(word));
  return it == table.end() ? 0 : it->second;
}

namespace {

// Function words as matching keys: a sixth of all words of news text.
const internal::StringSet& FunctionWords() {
  static const internal::StringSet keys = internal::MatchKeySet({
             // in, from, to, about, with, between, towards, at, with (لدى), since, until;
             // not على (on): its key is that of علي (Ali), one of the commonest names
             "في", "من", "إلى", "عن", "مع", "بين", "نحو", "عند", "لدى", "منذ", "حتى",
             // without, except, during, other than, against, via, before, after
             "دون", "سوى", "خلال", "غير", "ضد", "عبر", "قبل", "بعد",
             // or, or (أم), then, but (بل), but (لكن), but rather, not, did not, will not
             "أو", "أم", "ثم", "بل", "لكن", "لكنه", "لكنها", "إنما", "لا", "لم", "لن",
             // not (ليس), what, if, when, already (قد), indeed (لقد), that, that he/she
             "ليس", "ليست", "ما", "إذا", "إذ", "لو", "قد", "لقد", "أن", "إن", "أنه", "إنه",
             "أنها", "إنها", "أنهم", "إنهم", "كي", "لكي", "أي", "أيضا", "كما", "حيث", "كلا",
             // he, she, they, they two, they (f.), we, I, you
             "هو", "هي", "هم", "هما", "هن", "نحن", "أنا", "أنت", "أنتم",
             // this, this (f.), these, that, that (f.), those
             "هذا", "هذه", "هذان", "هاتان", "هؤلاء", "ذلك", "تلك", "أولئك",
             // who, which: the relative pronouns
             "الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي",
             "اللاتي",
             // to him, to her, to them, in it, from it, on it, about it, to it, with it
             "له", "لها", "لهم", "لهما", "فيه", "فيها", "فيهم", "منه", "منها", "منهم",
             "عليه", "عليها", "عليهم", "عنه", "عنها", "عنهم", "إليه", "إليها", "إليهم",
             "به", "بها", "بهم", "معه", "معها", "معهم",
             // while, every, some, was, was (f.)
             "بينما", "كل", "بعض", "كان", "كانت",
  });
  return keys;
}

}  // namespace

double ArabicLetterShare(std::string_view s) {
  constexpr size_t kTooFewToTell = 40;
  size_t letters = 0, arabic = 0;
  for (size_t i = 0; i < s.size();) {
    const char32_t c = DecodeUtf8(s, &i);
    if (!u_isalpha(static_cast<UChar32>(c))) continue;
    ++letters;
    // The Arabic blocks and their presentation forms (text shaped for old
    // displays), tatweel and Persian and Urdu letters included.
    arabic += (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
              (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
  }
  return letters < kTooFewToTell ? 1.0 : static_cast<double>(arabic) / static_cast<double>(letters);
}

bool IsFunctionWord(std::string_view key) {
  // A longer key is no function word: skip the hash of a long word.
  static const size_t longest = [] {
    size_t n = 0;
    for (const std::string& k : FunctionWords()) n = std::max(n, k.size());
    return n;
  }();
  return key.size() <= longest && FunctionWords().contains(key);
}

}  // namespace marsad::text
