// Names into tokens: alphabets, article and compound handling, blocking keys.
#include <algorithm>
#include <array>

#include "resolve/internal.h"
#include "resolve/resolve.h"
#include "text/text.h"

namespace marsad::resolve {
namespace internal {
namespace {

// The folded Arabic alphabet (see kArabicLetters), in index order:
// ء ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي
constexpr char32_t kArabicAlphabet[29] = {
    U'ء', U'ا', U'ب', U'ت', U'ث', U'ج', U'ح', U'خ', U'د', U'ذ', U'ر', U'ز', U'س', U'ش', U'ص',
    U'ض', U'ط', U'ظ', U'ع', U'غ', U'ف', U'ق', U'ك', U'ل', U'م', U'ن', U'ه', U'و', U'ي'};

constexpr int kAlef = 1, kTeh = 3, kLam = 23, kHeh = 26, kWaw = 27, kYeh = 28, kSheen = 13;
constexpr int kAin = 18, kBeh = 2, kDal = 8, kNoon = 25;

// Key class of each Arabic index ('0' for a vowel letter, dropped).
constexpr char kArabicClass[kArabicLetters] = {
    '0', '0', 'b', 't', 't', 'k', 'h', 'h', 'd', 'd', 'r', 's', 's', 's', 's',
    'd', 't', 's', '0', 'k', 'f', 'k', 'k', 'l', 'm', 'n', 'h', '0', '0', 'x'};

std::string Letters(std::initializer_list<int> idx) {
  std::string s;
  for (int i : idx) s += static_cast<char>(i);
  return s;
}

// Latin letters as indices from an ASCII spelling.
std::string L(std::string_view ascii) {
  std::string s;
  for (char c : ascii) s += static_cast<char>(c - 'a');
  return s;
}

}  // namespace

int ArabicIndex(char32_t c) {
  if (c < 0x0621 || c > 0x06D5) return -1;
  if (c <= 0x064A) {
    for (int i = 0; i < 29; ++i) {
      if (kArabicAlphabet[i] == c) return i;
    }
    return c <= 0x063A || c >= 0x0641 ? kArabicOther : -1;
  }
  return c >= 0x0671 ? kArabicOther : -1;
}

char32_t ArabicLetter(int index) { return index >= 0 && index < 29 ? kArabicAlphabet[index] : U'؟'; }

std::string ArabicText(std::string_view letters) {
  std::string text;
  for (char c : letters) AppendUtf8(ArabicLetter(static_cast<uint8_t>(c)), &text);
  return text;
}

bool IsLongVowel(int a) { return a == kAlef || a == kWaw || a == kYeh; }

std::string Consonants(std::string_view letters) {
  std::string out;
  for (char c : letters) {
    if (!IsLongVowel(static_cast<uint8_t>(c))) out += c;
  }
  return out;
}

namespace {

// The letters SameArabicLetters compares: the stem with the letters of a
// foreign g or kh as one, and a final vowel written ا.
std::string FoldedStem(const NameToken& t) {
  static const std::array<char, 5> k_letters = {
      static_cast<char>(ArabicIndex(U'\u063A')), static_cast<char>(ArabicIndex(U'\u062C')),  // غ ج
      static_cast<char>(ArabicIndex(U'\u0642')), static_cast<char>(ArabicIndex(U'\u0643')),  // ق ك
      static_cast<char>(ArabicIndex(U'\u062E'))};                                            // خ
  // text::MatchKey has written ة as ه already.
  static const char alef = static_cast<char>(ArabicIndex(U'\u0627'));   // ا
  static const char heh = static_cast<char>(ArabicIndex(U'\u0647'));    // ه
  static const char hamza = static_cast<char>(ArabicIndex(U'\u0621'));  // ء
  std::string out = t.letters.substr(t.article);
  // شقراء and شقرة; not المرء (the man) and المر (the bitter).
  if (out.size() > 2 && out.back() == hamza && out[out.size() - 2] == alef) out.pop_back();
  // One final vowel, however written: عمرة is not عمر.
  if (out.size() > 1 && out.back() == heh) out.back() = alef;
  for (char& c : out) {
    if (std::find(k_letters.begin(), k_letters.end(), c) != k_letters.end()) c = k_letters[0];
  }
  return out;
}

}  // namespace

bool SameArabicLetters(const NameToken& a, const NameToken& b) {
  if (!a.arabic || !b.arabic) return false;
  const std::string x = FoldedStem(a), y = FoldedStem(b);
  if (x == y) return true;
  // Vowel letters may differ in a long word, if enough consonants are left to
  // tell it: not ايطاليا (Italy) and الأطاولة, both ط ل.
  if (std::max(a.letters.size() - a.article, b.letters.size() - b.article) <= kShortName) return false;
  const std::string consonants = Consonants(x);
  return consonants.size() >= 3 && consonants == Consonants(y);
}

std::string ArabicLettersKey(const NameToken& t) { return t.arabic ? Consonants(FoldedStem(t)) : ""; }

namespace {

// FoldedStem with تش (the ç, ch or zh of a foreign name) as a g's letter,
// as ج writes it too: سوروتش and سوروج (Suruç), تشجيانج and جيجيانغ.
std::string TranscribedStem(const NameToken& t) {
  std::string out = FoldedStem(t);
  const char g = static_cast<char>(ArabicIndex(U'\u063A'));  // غ, as FoldedStem folds
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] == kTeh && out[i + 1] == kSheen) out.replace(i, 2, 1, g);
  }
  return out;
}

// Whether `longer` is `shorter` with one or two vowel letters written
// inside it, neither first nor last nor next to each other: two together
// write a syllable of their own (مالي and مالاوي, Mali and Malawi).
bool WithVowelLettersInside(std::string_view shorter, std::string_view longer) {
  if (longer.size() <= shorter.size() || longer.size() > shorter.size() + 2) return false;
  size_t i = 0;
  bool inserted_before = false;
  for (size_t j = 0; j < longer.size(); ++j) {
    if (i < shorter.size() && longer[j] == shorter[i]) {
      ++i;
      inserted_before = false;
    } else if (j == 0 || j + 1 == longer.size() || inserted_before ||
               !IsLongVowel(static_cast<uint8_t>(longer[j]))) {
      return false;
    } else {
      inserted_before = true;
    }
  }
  return i == shorter.size();
}

}  // namespace

bool TranscribedAlike(const NameToken& a, const NameToken& b, bool short_words_differ) {
  if (!a.arabic || !b.arabic || (a.article == 0) != (b.article == 0)) return false;
  const std::string x = TranscribedStem(a), y = TranscribedStem(b);
  if (std::min(x.size(), y.size()) < 3) return false;
  if (x == y) return true;
  if (short_words_differ && std::max(x.size(), y.size()) <= kShortName) return false;
  return WithVowelLettersInside(x, y) || WithVowelLettersInside(y, x);
}

std::string TranscribedKey(const NameToken& t) { return t.arabic ? Consonants(TranscribedStem(t)) : ""; }

bool SegmentAllowed(const uint8_t* latin, int length) {
  if (length < 2) return true;
  const bool v0 = IsLatinVowel(latin[0]), v1 = IsLatinVowel(latin[1]);
  if (!v0 && v1) return false;  // consonant + its vowel: the vowel is inserted
  // A vowel may be followed only by h, w or y in one segment (ah, ow, ey).
  if (v0 && !v1) return latin[1] == 'h' - 'a' || latin[1] == 'w' - 'a';
  return true;
}

bool AppendLatin(char32_t c, std::string* out) {
  if (c >= 'a' && c <= 'z') {
    *out += static_cast<char>(c);
    return true;
  }
  if (c >= 'A' && c <= 'Z') {
    *out += static_cast<char>(c - 'A' + 'a');
    return true;
  }
  // Accented letters of Latin-1 and Latin Extended-A, by base letter.
  static const std::pair<const char*, std::u32string_view> kBases[] = {
      {"a", U"àáâãäåāăąÀÁÂÃÄÅĀĂĄ"}, {"c", U"çćĉċčÇĆĈĊČ"},  {"d", U"ďđðĎĐÐ"},
      {"e", U"èéêëēĕėęěÈÉÊËĒĔĖĘĚ"}, {"g", U"ĝğġģĜĞĠĢ"},    {"h", U"ĥħĤĦ"},
      {"i", U"ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ"},  {"j", U"ĵĴ"},          {"k", U"ķĶ"},
      {"l", U"ĺļľŀłĹĻĽĿŁ"},          {"n", U"ñńņňÑŃŅŇ"},    {"o", U"òóôõöøōŏőÒÓÔÕÖØŌŎŐ"},
      {"r", U"ŕŗřŔŖŘ"},              {"s", U"śŝşšșŚŜŞŠȘ"},  {"t", U"ţťŧțŢŤŦȚ"},
      {"u", U"ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ"}, {"w", U"ŵŴ"},          {"y", U"ýÿŷÝŸŶ"},
      {"z", U"źżžŹŻŽ"},              {"ss", U"ß"},          {"ae", U"æÆ"},
      {"oe", U"œŒ"},                 {"th", U"þÞ"}};
  if (c < 0xC0 || c > 0x24F) return false;
  for (const auto& [base, forms] : kBases) {
    if (forms.find(c) != std::u32string_view::npos) {
      *out += base;
      return true;
    }
  }
  return false;
}

char32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto b = static_cast<unsigned char>(s[*i]);
  int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
  char32_t c = extra == 0 ? b : extra == 1 ? b & 0x1F : extra == 2 ? b & 0x0F : b & 0x07;
  ++*i;
  for (; extra > 0 && *i < s.size(); --extra, ++*i) {
    c = c << 6 | (static_cast<unsigned char>(s[*i]) & 0x3F);
  }
  return c;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    *out += static_cast<char>(c);
  } else if (c < 0x800) {
    *out += static_cast<char>(0xC0 | c >> 6);
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out += static_cast<char>(0xE0 | c >> 12);
    *out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | c >> 18);
    *out += static_cast<char>(0x80 | (c >> 12 & 0x3F));
    *out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
    *out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string TokenKey(bool arabic, std::string_view letters) {
  std::string key;
  auto put = [&key](char k) {
    if (k != '0' && (key.empty() || key.back() != k)) key += k;
  };
  const size_t n = letters.size();
  if (arabic) {
    for (size_t i = 0; i < n; ++i) {
      const int a = static_cast<uint8_t>(letters[i]);
      if (a == kTeh && i + 1 < n && letters[i + 1] == kSheen) continue;  // تش is ch
      if (a == kHeh && i + 1 == n && n > 1) continue;  // final ه: the feminine ending
      put(kArabicClass[a]);
    }
  } else {
    auto at = [&](size_t i) -> char { return i < n ? static_cast<char>('a' + letters[i]) : 0; };
    for (size_t i = 0; i < n; ++i) {
      const char c = at(i), next = at(i + 1);
      if (std::string_view("aeiouyw").find(c) != std::string_view::npos) continue;
      if (c == 's' && next == 'c' && at(i + 2) == 'h') {
        put('s');
        i += 2;
        continue;
      }
      if (c == 't' && next == 'c' && at(i + 2) == 'h') continue;  // tch as ch
      if (next == 'h' && std::string_view("sctdkgpz").find(c) != std::string_view::npos) {
        put(c == 's' || c == 'c' || c == 'z' ? 's' : c == 't' ? 't' : c == 'd' ? 'd' : c == 'k' ? 'h' : c == 'g' ? 'k' : 'f');
        ++i;
        continue;
      }
      if (c == 'c' && next == 'k') continue;
      if (c == 'd' && next == 'j') continue;
      switch (c) {
        case 'c': put(next == 'e' || next == 'i' || next == 'y' ? 's' : 'k'); break;
        case 'q': case 'g': case 'j': case 'k': put('k'); break;
        case 'x': put('k'); put('s'); break;
        case 'v': case 'f': put('f'); break;
        case 'p': case 'b': put('b'); break;
        case 'z': case 's': put('s'); break;
        case 'h':
          // A final h after a vowel is the Latin for the feminine ending.
          if (i + 1 == n && i > 0 && IsLatinVowel(letters[i - 1])) break;
          put('h');
          break;
        default: put(c);
      }
    }
  }
  return key.empty() ? "0" : key;
}

bool ArabicWordLetters(std::string_view word, std::string* letters) {
  letters->clear();
  const std::string key = text::MatchKey(word);
  for (size_t i = 0; i < key.size();) {
    const int a = ArabicIndex(NextCodePoint(key, &i));
    if (a < 0) return false;
    *letters += static_cast<char>(a);
  }
  return !letters->empty();
}

std::vector<std::string_view> WrittenWords(std::string_view name) {
  // A full stop between two letters outside ASCII (بي.بي.سي); not in Latin
  // (U.S., St. Louis), nor after an abbreviation before a space.
  const auto separates = [&](size_t i) {
    const char c = name[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return true;
    return c == '.' && i > 0 && i + 1 < name.size() && static_cast<unsigned char>(name[i - 1]) >= 0x80 &&
           static_cast<unsigned char>(name[i + 1]) >= 0x80;
  };
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && !separates(i)) continue;
    if (i > start) words.push_back(name.substr(start, i - start));
    start = i + 1;
  }
  return words;
}

bool LatinWordLetters(std::string_view word, std::string* letters) {
  letters->clear();
  std::string plain;
  for (size_t i = 0; i < word.size();) {
    const char32_t c = NextCodePoint(word, &i);
    if (c == '\'' || c == U'’' || c == U'‘' || c == U'ʻ' || c == U'ʼ' || c == U'`') continue;
    if (!AppendLatin(c, &plain)) return false;
  }
  for (char c : plain) *letters += static_cast<char>(c - 'a');
  return !letters->empty();
}

}  // namespace internal

namespace {

using namespace internal;

constexpr size_t kMaxTokenLetters = 64;
constexpr size_t kMaxTokens = 12;

struct RawToken {
  bool arabic;
  std::string letters;
  bool foreign_al = false;  // written أل: a foreign Al..., not the article
  bool after_link = false;  // written after بن, bin ...: see NameToken
};

bool IsApostrophe(char32_t c) {
  return c == '\'' || c == U'’' || c == U'‘' || c == U'ʻ' || c == U'ʼ' || c == U'`';
}

// Splits a text::MatchKey-folded name into runs of one script's letters;
// hamza_al has a flag for each Arabic word (HamzaAlStarts of the original).
std::vector<RawToken> Split(std::string_view key, const std::vector<bool>& hamza_al) {
  std::vector<RawToken> out;
  size_t arabic_words = 0;
  bool open = false;
  for (size_t i = 0; i < key.size();) {
    const char32_t c = NextCodePoint(key, &i);
    if (IsApostrophe(c)) continue;  // ‘Abd, Mu’alim: the ayn or hamza mark, inside a word
    const int a = ArabicIndex(c);
    std::string latin;
    const bool is_latin = a < 0 && AppendLatin(c, &latin);
    if (a < 0 && !is_latin) {
      open = false;
      continue;
    }
    const bool arabic = a >= 0;
    if (!open || out.back().arabic != arabic) {
      out.push_back({arabic, {}});
      if (arabic && arabic_words < hamza_al.size()) out.back().foreign_al = hamza_al[arabic_words];
      arabic_words += arabic;
      open = true;
    }
    std::string& letters = out.back().letters;
    if (arabic) {
      letters += static_cast<char>(a);
    } else {
      for (char ch : latin) letters += static_cast<char>(ch - 'a');
    }
  }
  for (RawToken& t : out) {
    if (t.letters.size() > kMaxTokenLetters) t.letters.resize(kMaxTokenLetters);
  }
  return out;
}

// Latin spellings of the article as a word of its own: al, el, ul, and the
// assimilated forms before a sun letter (ar-Rahman, ash-Shami, ad-Din).
bool IsLatinArticle(const RawToken& t, const RawToken& next) {
  if (t.arabic || next.arabic) return false;
  const std::string& s = t.letters;
  if (s == L("al") || s == L("el") || s == L("ul")) return true;
  if (s.size() < 2 || s.size() > 3 || (s[0] != 0 && s[0] != 4)) return false;
  const std::string_view cons(s.data() + 1, s.size() - 1);
  return next.letters.size() > cons.size() && next.letters.compare(0, cons.size(), cons) == 0 &&
         std::string_view("rstdzn").find(static_cast<char>('a' + cons[0])) != std::string_view::npos;
}

bool IsLatinAbd(const std::string& s) {
  static const std::string kForms[] = {L("abd"),  L("abdul"), L("abdel"), L("abdal"), L("abdol"),
                                       L("abdoul"), L("abdou"), L("abdu"),  L("abdur"), L("abdus")};
  return std::find(std::begin(kForms), std::end(kForms), s) != std::end(kForms);
}

// "abdurrahman", "abdullah", "abdoullah", "abdelkader", "abdulaziz" -> abd + the noun
// without its article, the form a two-word "Abd al-..." is given too.
std::string CanonicalLatinAbd(const std::string& s) {
  if (s.size() < 7 || s.compare(0, 3, L("abd")) != 0) return s;
  size_t i = 3;
  if (!IsLatinVowel(s[i]) || s[i] == 'y' - 'a') return s;
  ++i;
  // A second vowel letter, as French spellings write it: "abdoullah".
  if (IsLatinVowel(s[i]) && s[i] != 'y' - 'a' && i + 2 < s.size()) ++i;
  const int c = s[i], next = s[i + 1];
  if (c == 'l' - 'a') return L("abd") + s.substr(i + 1);        // the article's l
  if (!IsLatinVowel(c) && c == next) return L("abd") + s.substr(i + 1);  // ur-r, us-s
  return s;
}

NameToken MakeToken(bool arabic, std::string letters, uint8_t article) {
  NameToken t;
  t.arabic = arabic;
  // Keyed without the article, so that الحوثي and Houthi meet.
  t.key = TokenKey(arabic, std::string_view(letters).substr(article));
  t.letters = std::move(letters);
  t.article = article;
  return t;
}

// The letters of a token without a leading ال (Arabic), if it has one.
std::string ArabicStem(const std::string& s) {
  if (s.size() >= 4 && s[0] == kAlef && s[1] == kLam) return s.substr(2);
  return s;
}

}  // namespace

// For each Arabic word of `name` in order: whether it starts with أل إل آل,
// which is the start of a foreign name (Albert, Altan), never the article ال.
std::vector<bool> HamzaAlStarts(std::string_view name) {
  std::vector<bool> out;
  bool in_word = false;
  for (size_t i = 0; i < name.size();) {
    const char32_t c = NextCodePoint(name, &i);
    const bool arabic = ArabicIndex(c) >= 0 || c == U'أ' || c == U'إ' || c == U'آ';
    if (arabic && !in_word) {
      size_t j = i;
      const bool hamza = (c == U'أ' || c == U'إ' || c == U'آ') && j < name.size() &&
                         NextCodePoint(name, &j) == U'ل';
      out.push_back(hamza);
    }
    in_word = arabic || (in_word && (c == 0x0640 || (c >= 0x064B && c <= 0x0652)));
  }
  return out;
}

PreparedName PrepareName(std::string_view name) {
  std::vector<bool> hamza_al = HamzaAlStarts(name);
  std::string key = text::MatchKey(name);
  // "KHALIMOV, Gulmurod" as lists write it: the part after one comma first,
  // and the words' flags with them (الحسن، أليكس: Alex is the foreign Al-).
  const size_t comma = key.find(',');
  if (comma != std::string::npos && key.find(',', comma + 1) == std::string::npos &&
      key.find_first_not_of(" ", comma + 1) != std::string::npos) {
    size_t before = 0;
    for (const RawToken& t : Split(std::string_view(key).substr(0, comma), {})) before += t.arabic;
    std::rotate(hamza_al.begin(), hamza_al.begin() + static_cast<long>(std::min(before, hamza_al.size())),
                hamza_al.end());
    key = key.substr(comma + 1) + " " + key.substr(0, comma);
  }
  std::vector<RawToken> raw = Split(key, hamza_al);
  // The names of Latin letters an acronym is written with (بي بي سي, BBC;
  // كي.جي.بي, KGB; جي كي, J. K.) are one word of the name, two at least:
  // letter by letter, كي جي بي matched جي كي رولينغ (J. K. Rowling) with
  // its letters in another order (0.89).
  // Each token is asked once: the test normalises the word.
  std::vector<bool> letter_name(raw.size());
  for (size_t k = 0; raw.size() > 1 && k < raw.size(); ++k) {
    const RawToken& t = raw[k];
    // دابليو, W, the longest name, has six letters.
    letter_name[k] = t.arabic && t.letters.size() <= 6 && text::LatinLetterNamed(ArabicText(t.letters)) != 0;
  }
  // A function word that is also a letter's name (في, in, and V; كي, so
  // that, and K) at the end of the name is a word the tagger ran on:
  // «إم بي سي في» is MBC and «in». Before another word it is a letter (جي
  // كي رولينغ, J. K. Rowling).
  for (size_t k = 0; k + 1 < raw.size(); ++k) {
    if (!letter_name[k] || !letter_name[k + 1]) continue;
    size_t end = k + 1;
    while (end < raw.size() && letter_name[end]) ++end;
    if (end == raw.size() && text::IsFunctionWord(ArabicText(raw[end - 1].letters))) --end;
    if (end == k + 1) continue;
    for (size_t j = k + 1; j < end; ++j) raw[k].letters += raw[j].letters;
    raw.erase(raw.begin() + static_cast<long>(k) + 1, raw.begin() + static_cast<long>(end));
    letter_name.erase(letter_name.begin() + static_cast<long>(k) + 1, letter_name.begin() + static_cast<long>(end));
  }

  // ابن بن بنت (son of, daughter of) and bin ben ibn bint ould carry no name.
  static const std::vector<std::string> kArabicLinks = {
      Letters({kAlef, kBeh, kNoon}), Letters({kBeh, kNoon}), Letters({kBeh, kNoon, kTeh})};
  static const std::vector<std::string> kLatinLinks = {L("bin"), L("ben"), L("ibn"), L("bint"),
                                                       L("ould")};
  if (raw.size() > 1) {
    const auto is_link = [](const RawToken& t) {
      const auto& links = t.arabic ? kArabicLinks : kLatinLinks;
      return std::find(links.begin(), links.end(), t.letters) != links.end();
    };
    for (size_t k = 0; k + 1 < raw.size(); ++k) raw[k + 1].after_link = is_link(raw[k]);
    std::erase_if(raw, is_link);
  }

  const std::string abd = Letters({kAin, kBeh, kDal});       // عبد (servant of)
  const std::string abu = Letters({kAlef, kBeh, kWaw});      // ابو (father of)
  // أبي and أبا: the same word after a preposition or as an object.
  const std::string abi = Letters({kAlef, kBeh, kYeh}), aba = Letters({kAlef, kBeh, kAlef});
  const std::string abd_al = Letters({kAin, kBeh, kDal, kAlef, kLam});  // عبدال
  const std::string al_din = Letters({kAlef, kLam, kDal, kYeh, kNoon});  // الدين (of the faith)
  // Latin spellings of a compound with al-Din: "Salah al-Din" and "Salah
  // ad-Din" (article and din apart), "Salah Eddine", "Salah Uddin" (joined).
  static const std::vector<std::string> kLatinDin = {L("din"), L("deen"), L("dine")};
  static const std::vector<std::string> kLatinJoinedDin = {L("uddin"), L("eddin"), L("eddine"), L("uddeen"),
                                                           L("aldin"), L("addin"), L("eldin"), L("eddeen")};
  const auto among = [](const std::vector<std::string>& forms, const std::string& letters) {
    return std::find(forms.begin(), forms.end(), letters) != forms.end();
  };
  PreparedName out;
  for (size_t i = 0; i < raw.size() && out.tokens.size() < kMaxTokens; ++i) {
    RawToken& t = raw[i];
    const auto emit = [&](NameToken token) {
      token.after_link = t.after_link;
      out.tokens.push_back(std::move(token));
    };
    const bool has_next = i + 1 < raw.size() && raw[i + 1].arabic == t.arabic;
    if (t.arabic) {
      const bool abu_form = t.letters == abu || t.letters == abi || t.letters == aba;
      if ((t.letters == abd || abu_form) && has_next) {
        emit(MakeToken(true, (abu_form ? abu : abd) + ArabicStem(raw[i + 1].letters), 0));
        ++i;
        continue;
      }
      if (t.letters.size() > abd_al.size() + 1 && t.letters.compare(0, abd_al.size(), abd_al) == 0) {
        emit(MakeToken(true, abd + t.letters.substr(abd_al.size()), 0));
        continue;
      }
      // A given name of two words with الدين (of the faith) is one name, as
      // عبد compounds are: صلاح الدين, نور الدين, شمس الدين (Salah al-Din,
      // Nur al-Din, Shams al-Din). As two, «صلاح الدين» alone was a full
      // name that «صلاح الدين عبد الكريم» extended, and a lone «شمس الدين»
      // was screened as a full name (SHAMSUDDIN, 1.0).
      if (has_next && raw[i + 1].letters == al_din && t.letters != al_din) {
        emit(MakeToken(true, t.letters + al_din, 0));
        ++i;
        continue;
      }
      const bool article = !t.foreign_al && ArabicStem(t.letters).size() != t.letters.size();
      emit(MakeToken(true, t.letters, article ? 2 : 0));
      continue;
    }
    // Latin.
    if (has_next && among(kLatinJoinedDin, raw[i + 1].letters)) {
      emit(MakeToken(false, t.letters + raw[i + 1].letters, 0));
      ++i;
      continue;
    }
    if (i + 2 < raw.size() && !raw[i + 2].arabic && IsLatinArticle(raw[i + 1], raw[i + 2]) &&
        among(kLatinDin, raw[i + 2].letters)) {
      emit(MakeToken(false, t.letters + raw[i + 1].letters + raw[i + 2].letters, 0));
      i += 2;
      continue;
    }
    if (has_next && IsLatinArticle(t, raw[i + 1])) {
      emit(MakeToken(false, L("al") + raw[i + 1].letters, 2));
      ++i;
      continue;
    }
    const bool abu_form = t.letters == L("abu") || t.letters == L("abou") || t.letters == L("abo");
    if (has_next && (IsLatinAbd(t.letters) || abu_form)) {
      std::string noun = raw[i + 1].letters;
      if (i + 2 < raw.size() && IsLatinArticle(raw[i + 1], raw[i + 2])) {
        noun = raw[i + 2].letters;
        ++i;
      }
      emit(MakeToken(false, (abu_form ? t.letters : L("abd")) + noun, 0));
      ++i;
      continue;
    }
    emit(MakeToken(false, CanonicalLatinAbd(t.letters), 0));
  }
  return out;
}

std::vector<std::string> BlockingKeys(std::string_view name) {
  std::vector<std::string> keys;
  for (NameToken& t : PrepareName(name).tokens) keys.push_back(std::move(t.key));
  return keys;
}

}  // namespace marsad::resolve
