// Numbers and quantities: digits, number words, fractions, vague magnitudes,
// approximators and ranges.
//
// Two passes over the tokens. The first turns each token into an Atom: what
// it is as a numeral or as the glue between numerals. A word is rejected by
// its first three letters, looked up in a bitmap, before its key is computed,
// so most words cost a few byte reads. The second pass reads quantities from
// the atoms with a state machine that only moves forward (one bounded
// re-read for بين), so the whole is linear in the number of tokens.
//
// Clitics: the tokenizer splits و only before words it knows, so "وعشرون"
// and "والألف" arrive whole; they are split here, before looking up, by
// trying the word as written, without its و/ف, and without its article.
#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/internal.h"
#include "text/text.h"

namespace marsad::text {
namespace {

using internal::IsDigit;

enum class Kind : uint8_t {
  kNone,
  // Numerals.
  kDigits,       // 32, 1,400, 1.5
  kUnit,         // 1-10
  kTeenHead,     // أحد، إحدى (1), اثنا، اثني (2): a number only before عشر/عشرة
  kTen,          // 20-90
  kHundreds,     // 100-900 in one word
  kScale,        // ألف، مليون، مليار, also their accusative ألفا، مليونا
  kScaleDual,    // ألفان، مليونين: twice the scale, never multiplied
  kScalePlural,  // عشرات، مئات، آلاف، ملايين: multiplied, or alone a magnitude
  kFew,          // بضع، بضعة: three to nine
  kFraction,     // نصف، ربع، ثلث
  // Glue between numerals.
  kAnd,      // و written apart from the next word
  kDash,     // - or – between numbers in digits
  kSlash,    // / or : glued between digits: a date or a time, not quantities
  kTo,       // إلى
  kUntil,    // حتى: a range only after من
  kOr,       // أو
  kBetween,  // بين
  kFrom,     // من
  kOpen,     // (
  kClose,    // )
  // A word that matters only inside an approximator phrase (نحو، أكثر، يقل).
  kPhraseWord,
};

bool IsNumeral(Kind k) { return k >= Kind::kDigits && k <= Kind::kFraction; }

// A conjunction glued to the front of a word.
enum class Conj : uint8_t { kNone, kWaw, kFa };  // و، ف

enum Effect : uint8_t { kApprox = 1, kAtLeast = 2, kAtMost = 4 };

constexpr uint16_t kNoWord = 0xFFFF;

struct WordDef {
  const char* display;
  Kind kind;
  double value;
};

// One entry covers the أ/ا/إ, ة/ه and ى/ي spellings of a word: entries are
// compared on match keys. Forms that differ in other letters are listed apart.
constexpr WordDef kWords[] = {
    // Units, masculine and feminine; اثنين etc. are the oblique case.
    {"واحد", Kind::kUnit, 1},
    {"واحدة", Kind::kUnit, 1},
    {"اثنان", Kind::kUnit, 2},
    {"اثنين", Kind::kUnit, 2},
    {"اثنتان", Kind::kUnit, 2},
    {"اثنتين", Kind::kUnit, 2},
    {"ثنتان", Kind::kUnit, 2},
    {"ثنتين", Kind::kUnit, 2},
    {"ثلاث", Kind::kUnit, 3},
    {"ثلاثة", Kind::kUnit, 3},
    {"أربع", Kind::kUnit, 4},
    {"أربعة", Kind::kUnit, 4},
    {"خمس", Kind::kUnit, 5},
    {"خمسة", Kind::kUnit, 5},
    {"ست", Kind::kUnit, 6},
    {"ستة", Kind::kUnit, 6},
    {"سبع", Kind::kUnit, 7},
    {"سبعة", Kind::kUnit, 7},
    {"ثمان", Kind::kUnit, 8},
    {"ثماني", Kind::kUnit, 8},
    {"ثمانية", Kind::kUnit, 8},
    {"تسع", Kind::kUnit, 9},
    {"تسعة", Kind::kUnit, 9},
    {"عشر", Kind::kUnit, 10},
    {"عشرة", Kind::kUnit, 10},
    // Alone these mean "one of" (أحد المسؤولين); only أحد عشر is a number.
    {"أحد", Kind::kTeenHead, 1},
    {"إحدى", Kind::kTeenHead, 1},
    {"اثنا", Kind::kTeenHead, 2},
    {"اثني", Kind::kTeenHead, 2},
    {"اثنتا", Kind::kTeenHead, 2},
    {"اثنتي", Kind::kTeenHead, 2},
    // Tens, nominative -ون and oblique -ين.
    {"عشرون", Kind::kTen, 20},
    {"عشرين", Kind::kTen, 20},
    {"ثلاثون", Kind::kTen, 30},
    {"ثلاثين", Kind::kTen, 30},
    {"أربعون", Kind::kTen, 40},
    {"أربعين", Kind::kTen, 40},
    {"خمسون", Kind::kTen, 50},
    {"خمسين", Kind::kTen, 50},
    {"ستون", Kind::kTen, 60},
    {"ستين", Kind::kTen, 60},
    {"سبعون", Kind::kTen, 70},
    {"سبعين", Kind::kTen, 70},
    {"ثمانون", Kind::kTen, 80},
    {"ثمانين", Kind::kTen, 80},
    {"تسعون", Kind::kTen, 90},
    {"تسعين", Kind::kTen, 90},
    // Hundreds in both spellings (مئة، مائة); ثلاثمئة ... تسعمائة are made
    // from kHundredUnits below.
    {"مئة", Kind::kHundreds, 100},
    {"مائة", Kind::kHundreds, 100},
    {"مئتان", Kind::kHundreds, 200},
    {"مئتين", Kind::kHundreds, 200},
    {"مئتا", Kind::kHundreds, 200},
    {"مئتي", Kind::kHundreds, 200},
    {"مائتان", Kind::kHundreds, 200},
    {"مائتين", Kind::kHundreds, 200},
    {"مائتا", Kind::kHundreds, 200},
    {"مائتي", Kind::kHundreds, 200},
    // Thousand: ألفا is the accusative after 11-99 (ثلاثة وعشرون ألفا).
    {"ألف", Kind::kScale, 1e3},
    {"ألفا", Kind::kScale, 1e3},
    {"ألفان", Kind::kScaleDual, 1e3},
    {"ألفين", Kind::kScaleDual, 1e3},
    {"ألفي", Kind::kScaleDual, 1e3},
    {"آلاف", Kind::kScalePlural, 1e3},
    {"ألوف", Kind::kScalePlural, 1e3},
    // Million.
    {"مليون", Kind::kScale, 1e6},
    {"مليونا", Kind::kScale, 1e6},
    {"مليونان", Kind::kScaleDual, 1e6},
    {"مليونين", Kind::kScaleDual, 1e6},
    {"مليوني", Kind::kScaleDual, 1e6},
    {"ملايين", Kind::kScalePlural, 1e6},
    // Billion; بليون is the older word for it.
    {"مليار", Kind::kScale, 1e9},
    {"مليارا", Kind::kScale, 1e9},
    {"بليون", Kind::kScale, 1e9},
    {"ملياران", Kind::kScaleDual, 1e9},
    {"مليارين", Kind::kScaleDual, 1e9},
    {"ملياري", Kind::kScaleDual, 1e9},
    {"مليارات", Kind::kScalePlural, 1e9},
    // Trillion.
    {"تريليون", Kind::kScale, 1e12},
    {"تريليونا", Kind::kScale, 1e12},
    {"تريليونان", Kind::kScaleDual, 1e12},
    {"تريليونين", Kind::kScaleDual, 1e12},
    {"تريليونات", Kind::kScalePlural, 1e12},
    // Tens, hundreds: alone a magnitude like آلاف.
    {"عشرات", Kind::kScalePlural, 10},
    {"مئات", Kind::kScalePlural, 100},
    // A few.
    {"بضع", Kind::kFew, 0},
    {"بضعة", Kind::kFew, 0},
    // Half, quarter, third, two thirds.
    {"نصف", Kind::kFraction, 0.5},
    {"ربع", Kind::kFraction, 0.25},
    {"ثلث", Kind::kFraction, 1.0 / 3},
    {"ثلثا", Kind::kFraction, 2.0 / 3},
    {"ثلثي", Kind::kFraction, 2.0 / 3},
    // Glue: and, to, until, or, between, from.
    {"و", Kind::kAnd, 0},
    {"إلى", Kind::kTo, 0},
    {"حتى", Kind::kUntil, 0},
    {"أو", Kind::kOr, 0},
    {"بين", Kind::kBetween, 0},
    {"من", Kind::kFrom, 0},
};

// Units that prefix مئة/مائة in one word: ثلاثمئة (300) ... تسعمائة (900).
struct HundredUnit {
  const char* display;
  double value;
};
constexpr HundredUnit kHundredUnits[] = {
    {"ثلاث", 3}, {"أربع", 4}, {"خمس", 5},  {"ست", 6},
    {"سبع", 7},  {"ثمان", 8}, {"ثماني", 8}, {"تسع", 9},
};

// Approximators. Before the number an optional ما may precede any of them
// (ما يقارب، ما لا يقل عن), and the longest phrase wins, so ما لا يزيد عن
// (at most) is not read as يزيد عن (more than).
struct PhraseDef {
  std::array<const char*, 3> words;  // unused slots null
  uint8_t effect;
  bool after;  // follows the number (تقريبا) rather than preceding it
  bool conj;   // its first word is glued to ف or و: فأكثر، ونيف
};

constexpr PhraseDef kPhrases[] = {
    // About: towards, around, nearly, some, approaching, nearing, in the
    // region of, approximately.
    {{"نحو"}, kApprox, false, false},
    {{"حوالي"}, kApprox, false, false},  // also حوالى: same key
    {{"قرابة"}, kApprox, false, false},
    {{"زهاء"}, kApprox, false, false},
    {{"يقارب"}, kApprox, false, false},
    {{"يقارب", "من"}, kApprox, false, false},
    {{"يقرب", "من"}, kApprox, false, false},
    {{"يناهز"}, kApprox, false, false},
    {{"في", "حدود"}, kApprox, false, false},
    {{"تقريبا"}, kApprox, false, false},
    // More than, no less than, exceeding.
    {{"أكثر", "من"}, kAtLeast, false, false},
    {{"أزيد", "من"}, kAtLeast, false, false},
    {{"لا", "يقل", "عن"}, kAtLeast, false, false},
    {{"يزيد", "عن"}, kAtLeast, false, false},
    {{"يزيد", "على"}, kAtLeast, false, false},
    {{"يربو", "على"}, kAtLeast, false, false},
    {{"يفوق"}, kAtLeast, false, false},
    // Up to, less than, not exceeding. Not دون (below): it also means
    // without, and بدون is everywhere.
    {{"يصل", "إلى"}, kAtMost, false, false},
    {{"أقل", "من"}, kAtMost, false, false},
    {{"لا", "يتجاوز"}, kAtMost, false, false},
    {{"لا", "يزيد", "عن"}, kAtMost, false, false},
    {{"لا", "يزيد", "على"}, kAtMost, false, false},
    // After: approximately, at least, or more, or less, and more (فأكثر),
    // and less, and above (فما فوق), and below, and some (ونيف).
    {{"تقريبا"}, kApprox, true, false},
    {{"على", "الأقل"}, kAtLeast, true, false},
    {{"أو", "أكثر"}, kAtLeast, true, false},
    {{"أو", "أقل"}, kAtMost, true, false},
    {{"أكثر"}, kAtLeast, true, true},
    {{"أقل"}, kAtMost, true, true},
    {{"ما", "فوق"}, kAtLeast, true, true},
    {{"ما", "دون"}, kAtMost, true, true},
    {{"نيف"}, kAtLeast, true, true},
};

// Letters U+0621..U+064A folded as match keys fold them, numbered 0..41;
// kEndLetter stands for the end of a word shorter than three letters.
constexpr int kLetters = 43;
constexpr int kEndLetter = 42;

constexpr int LetterIndex(char32_t c) {
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671:  // آ أ إ ٱ
      c = 0x0627;  // ا
      break;
    case 0x0649: case 0x0626: case 0x06CC:  // ى ئ ی
      c = 0x064A;  // ي
      break;
    case 0x0624:   // ؤ
      c = 0x0648;  // و
      break;
    case 0x0629:   // ة
      c = 0x0647;  // ه
      break;
    case 0x06A9: case 0x06AF:  // ک گ
      c = 0x0643;  // ك
      break;
    case 0x06A4:   // ڤ
      c = 0x0641;  // ف
      break;
    case 0x067E:   // پ
      c = 0x0628;  // ب
      break;
    case 0x0686:   // چ
      c = 0x062C;  // ج
      break;
    case 0x0698:   // ژ
      c = 0x0632;  // ز
      break;
    default:
      break;
  }
  if (c < 0x0621 || c > 0x064A) return -1;
  return static_cast<int>(c - 0x0621);
}

// LetterIndex of the two-byte UTF-8 sequences U+0600..U+06FF, by
// (lead byte - 0xD8) * 64 + (continuation byte & 0x3F): the filter below runs
// on every word, so it reads a table rather than decoding.
constexpr std::array<int8_t, 256> kLetterTable = [] {
  std::array<int8_t, 256> t{};
  for (int i = 0; i < 256; ++i) t[i] = static_cast<int8_t>(LetterIndex(0x0600 + i));
  return t;
}();

// The first three letters of `s` as one index into the start bitmap, or -1
// if `s` does not start with two Arabic letters.
int Prefix3(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  auto letter = [&](size_t i) -> int {
    if (p[i] < 0xD8 || p[i] > 0xDB || (p[i + 1] & 0xC0) != 0x80) return -1;
    return kLetterTable[(p[i] - 0xD8) * 64 + (p[i + 1] & 0x3F)];
  };
  if (s.size() < 4) return -1;
  const int a = letter(0);
  const int b = letter(2);
  if (a < 0 || b < 0) return -1;
  int c = kEndLetter;
  if (s.size() >= 6) {
    c = letter(4);
    if (c < 0) return -1;
  } else if (s.size() == 5) {
    return -1;
  }
  return (a * kLetters + b) * kLetters + c;
}

struct Word {
  Kind kind = Kind::kNone;
  uint16_t id = kNoWord;
  double value = 0;
  uint8_t hamzas = 0;  // HamzaCarriers of the word as listed
};

// The hamza carriers ئ and ؤ in `s`. Match keys fold them to ي and و, which
// are letters of their own, so a key can match a word that lacks them.
uint8_t HamzaCarriers(std::string_view s) {
  uint8_t n = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == '\xD8' && (s[i + 1] == '\xA4' || s[i + 1] == '\xA6')) ++n;
  }
  return n;
}

struct Phrase {
  std::array<uint16_t, 3> ids{};
  uint8_t size = 0;
  uint8_t effect = 0;
  bool after = false;
  bool conj = false;
};

// The words and phrases above by match key; built once, then read-only.
class Lexicon {
 public:
  static const Lexicon& Get() {
    static const Lexicon* const lexicon = new Lexicon;
    return *lexicon;
  }

  const Word* Find(std::string_view key) const {
    const auto it = words_.find(key);
    return it == words_.end() ? nullptr : &it->second;
  }
  // False if no word of the lexicon starts like `display` (a word or the
  // rest of one); true does not mean one does.
  bool MayStart(std::string_view display) const {
    const int p = Prefix3(display);
    return p >= 0 && starts_[static_cast<size_t>(p)];
  }
  const std::vector<Phrase>& phrases() const { return phrases_; }
  uint16_t ma() const { return ma_; }

 private:
  Lexicon() {
    std::string buf;
    std::vector<std::pair<std::string, Word>> entries;
    auto add = [&](std::string_view display, Kind kind, double value) {
      entries.push_back({std::string(internal::FoldToKey(display, &buf)),
                         {kind, kNoWord, value, HamzaCarriers(display)}});
    };
    for (const WordDef& w : kWords) add(w.display, w.kind, w.value);
    for (const HundredUnit& u : kHundredUnits) {
      add(std::string(u.display) + "مئة", Kind::kHundreds, u.value * 100);
      add(std::string(u.display) + "مائة", Kind::kHundreds, u.value * 100);
    }
    for (const PhraseDef& p : kPhrases) {
      for (const char* w : p.words) {
        if (w != nullptr) add(w, Kind::kPhraseWord, 0);
      }
    }
    // The map views the keys, so keys_ is sized up front and never reallocates.
    keys_.reserve(entries.size());
    for (auto& [key, word] : entries) {
      if (std::find(keys_.begin(), keys_.end(), key) != keys_.end()) continue;
      keys_.push_back(std::move(key));
      word.id = static_cast<uint16_t>(keys_.size() - 1);
      const std::string& k = keys_.back();
      words_.emplace(k, word);
      const int p = Prefix3(k);
      if (p >= 0) starts_.set(static_cast<size_t>(p));
    }
    auto id = [&](std::string_view display) {
      return words_.at(internal::FoldToKey(display, &buf)).id;
    };
    for (const PhraseDef& d : kPhrases) {
      Phrase p;
      for (const char* w : d.words) {
        if (w != nullptr) p.ids[p.size++] = id(w);
      }
      p.effect = d.effect;
      p.after = d.after;
      p.conj = d.conj;
      phrases_.push_back(p);
    }
    ma_ = id("ما");
  }

  std::vector<std::string> keys_;
  std::unordered_map<std::string_view, Word> words_;
  std::bitset<kLetters * kLetters * kLetters> starts_;
  std::vector<Phrase> phrases_;
  uint16_t ma_ = kNoWord;
};

// A token as the parser sees it.
struct Atom {
  uint32_t begin = 0;  // after a leading conjunction or preposition
  uint32_t end = 0;
  double value = 0;
  Kind kind = Kind::kNone;
  Conj conj = Conj::kNone;
  bool article = false;
  uint16_t word = kNoWord;
};


// Whether `s` is 1-3 digits then groups of exactly three, separated by `sep`.
bool Grouped(std::string_view s, char sep) {
  size_t run = 0;
  bool first = true;
  for (const char c : s) {
    if (c == sep) {
      if (run == 0 || run > 3 || (!first && run != 3)) return false;
      first = false;
      run = 0;
    } else if (IsDigit(c)) {
      ++run;
    } else {
      return false;
    }
  }
  return run > 0 && (first ? true : run == 3);
}

// Parses a numeral in ASCII digits: 32, 1,400, 1.5, 1,400.5, 1.400.000, and
// 2,5 (one comma not before three digits is a decimal comma). A single dot is
// always decimal, as ٫ is normalised to it. False for what is not one number
// (12.05.2020, 1,2,3) or has more than 15 integer digits: an identifier, not
// a quantity, and beyond what a double holds exactly.
bool ParseDigits(std::string_view s, double* value) {
  if (s.empty() || !IsDigit(s.front()) || !IsDigit(s.back())) return false;
  size_t commas = 0;
  size_t dots = 0;
  size_t last_sep = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',') {
      ++commas;
      last_sep = i;
    } else if (s[i] == '.') {
      ++dots;
      last_sep = i;
    } else if (!IsDigit(s[i])) {
      return false;
    }
  }
  size_t decimal = s.size();  // position of the decimal separator, if any
  if (commas > 0 && dots > 0) {
    const char d = s[last_sep];
    if ((d == ',' ? commas : dots) != 1) return false;
    decimal = last_sep;
    if (!Grouped(s.substr(0, decimal), d == ',' ? '.' : ',')) return false;
  } else if (commas > 0) {
    if (!Grouped(s, ',')) {
      if (commas != 1) return false;
      decimal = last_sep;
    }
  } else if (dots > 0) {
    if (dots == 1) {
      decimal = last_sep;
    } else if (!Grouped(s, '.')) {
      return false;
    }
  }
  double integer = 0;
  int significant = 0;
  for (size_t i = 0; i < decimal; ++i) {
    if (!IsDigit(s[i])) continue;
    if (significant > 0 || s[i] != '0') {
      if (++significant > 15) return false;
    }
    integer = integer * 10 + (s[i] - '0');
  }
  double fraction = 0;
  double divisor = 1;
  for (size_t i = decimal + 1; i < s.size() && divisor < 1e15; ++i) {
    fraction = fraction * 10 + (s[i] - '0');
    divisor *= 10;
  }
  *value = integer + fraction / divisor;
  return true;
}

std::string_view Slice(std::string_view text, Span s) {
  return text.substr(s.begin, s.end - s.begin);
}

bool ValidSpan(Span s, size_t size) { return s.begin <= s.end && s.end <= size; }

constexpr std::string_view kWawBytes = "و";
constexpr std::string_view kFaBytes = "ف";
constexpr std::string_view kArticleBytes = "ال";
constexpr std::string_view kBaBytes = "ب";
constexpr std::string_view kLamBytes = "ل";
constexpr std::string_view kKafBytes = "ك";

Conj ConjOf(std::string_view s) {
  if (s.starts_with(kWawBytes)) return Conj::kWaw;
  if (s.starts_with(kFaBytes)) return Conj::kFa;
  return Conj::kNone;
}

// Reads `t` into `a`. `buf` is the reused key buffer.
void Classify(std::string_view text, const Token& t, const Lexicon& lex, std::string* buf,
              Atom* a) {
  if (!ValidSpan(t.span, text.size())) return;
  const std::string_view span = Slice(text, t.span);
  a->begin = t.span.begin;
  a->end = t.span.end;
  if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kSymbol) {
    if (span == "-" || span == "–") a->kind = Kind::kDash;  // hyphen, en dash
    if (span == "/" || span == ":") a->kind = Kind::kSlash;
    if (span == "(") a->kind = Kind::kOpen;
    if (span == ")") a->kind = Kind::kClose;
    return;
  }
  if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) return;

  // The tokenizer's clitics: where a quantity may begin (after و and
  // prepositions, with the article), and the stem.
  const bool stem_ok = ValidSpan(t.stem, text.size()) && t.stem.begin >= t.span.begin &&
                       t.stem.end <= t.span.end;
  Conj stem_conj = Conj::kNone;
  bool stem_article = false;
  uint32_t stem_begin = t.span.begin;
  for (uint8_t i = 0; i < t.clitic_count && i < t.clitics.size(); ++i) {
    const Piece& p = t.clitics[i];
    if (!ValidSpan(p.span, text.size())) break;
    if (p.role == Clitic::kArticle) stem_article = true;
    if (p.span.begin != stem_begin) continue;
    if (p.role == Clitic::kConjunction && i == 0) {
      stem_conj = ConjOf(Slice(text, p.span));
      stem_begin = p.span.end;
    } else if (p.role == Clitic::kPreposition) {
      stem_begin = p.span.end;
    }
  }
  if (stem_begin > t.span.end) stem_begin = t.span.begin;

  if (stem_ok && t.stem.size() > 0 && IsDigit(text[t.stem.begin])) {
    if (!ParseDigits(Slice(text, t.stem), &a->value)) return;
    a->kind = Kind::kDigits;
    a->conj = stem_conj;
    a->article = stem_article;
    a->begin = stem_begin;
    return;
  }
  if (t.kind != TokenKind::kWord) return;
  if (span == kWawBytes) {
    a->kind = Kind::kAnd;
    return;
  }

  // Candidate readings, most literal first: the word as written (so واحد
  // and الف, thousand without its hamza, are not split), without a glued
  // و/ف, without a preposition ب/ل/ك too (بنحو، بأكثر، بعشرات), without
  // the article instead, and the tokenizer's stem.
  struct Reading {
    size_t offset;  // where the looked-up rest starts in the word
    size_t begin;   // where a quantity would start in the word
    Conj conj;
    bool article;
  };
  std::array<Reading, 4> readings;
  size_t count = 0;
  std::array<size_t, 4> offsets{};  // considered, whether or not they passed
  size_t considered = 0;
  auto consider = [&](size_t offset, size_t begin, Conj c, bool article) {
    offsets[considered++] = offset;
    if (lex.MayStart(span.substr(offset))) readings[count++] = {offset, begin, c, article};
  };
  consider(0, 0, Conj::kNone, false);
  const Conj conj = ConjOf(span);
  const size_t after_conj = conj == Conj::kNone ? 0 : kWawBytes.size();
  const std::string_view rest = span.substr(after_conj);
  if (after_conj > 0) consider(after_conj, after_conj, conj, false);
  // After a preposition, a rest of two letters is more often a word of its
  // own: لست (I am not) is not ل + ست (six).
  const size_t after_prep = after_conj + kBaBytes.size();
  if ((rest.starts_with(kBaBytes) || rest.starts_with(kLamBytes) || rest.starts_with(kKafBytes)) &&
      span.size() >= after_prep + 6) {
    consider(after_prep, after_prep, conj, false);
  }
  if (rest.starts_with(kArticleBytes)) {
    consider(after_conj + kArticleBytes.size(), after_conj, conj, true);
  }
  // The stem is usually one of the rests above (ال + stem): not twice.
  const size_t stem_offset = t.stem.begin - t.span.begin;
  const bool stem_seen =
      t.stem.end == t.span.end &&
      std::find(offsets.begin(), offsets.begin() + considered, stem_offset) !=
          offsets.begin() + considered;
  const bool try_stem = stem_ok && !stem_seen && lex.MayStart(Slice(text, t.stem));
  if (count == 0 && !try_stem) return;

  // A word read as a clitic and a number word only by folding a hamza away
  // is two guesses stacked: كميات (quantities) would be ك + ميات, مئات
  // (hundreds) without its hamza. Either alone is common and is kept (ميات
  // as some outlets type مئات, بمئات); together they are mostly a misreading.
  auto stacked = [](std::string_view rest, const Word* w) {
    return HamzaCarriers(rest) < w->hamzas;
  };
  const Word* w = nullptr;
  if (count > 0) {
    // The folds keep و، ف، ب، ل، ك and ال as they are, so offsets into the
    // word are offsets into its key.
    const std::string_view key = internal::FoldToKey(span, buf);
    for (size_t r = 0; r < count && w == nullptr; ++r) {
      if (readings[r].offset >= key.size()) continue;
      w = lex.Find(key.substr(readings[r].offset));
      if (w != nullptr && readings[r].offset > 0 && stacked(span.substr(readings[r].offset), w)) {
        w = nullptr;
      }
      if (w != nullptr) {
        a->conj = readings[r].conj;
        a->article = readings[r].article;
        a->begin += static_cast<uint32_t>(readings[r].begin);
      }
    }
  }
  if (w == nullptr && try_stem) {
    const std::string_view stem = Slice(text, t.stem);
    w = lex.Find(internal::FoldToKey(stem, buf));
    if (w != nullptr && t.stem != t.span && stacked(stem, w)) w = nullptr;
    if (w != nullptr) {
      a->conj = stem_conj;
      a->article = stem_article;
      a->begin = stem_begin;
    }
  }
  if (w == nullptr) return;
  a->kind = w->kind;
  a->value = w->value;
  a->word = w->id;
}

// A number read from atoms [first, end).
struct Number {
  uint32_t first = 0;
  uint32_t end = 0;
  double low = 0;
  double high = 0;
  bool vague = false;   // a magnitude: low/high bound it
  bool scaled = false;  // has a scale word (ألف، مليون)
  // The number is exactly tail_group × tail_scale (500 ألف, ثلاثة آلاف),
  // so a bare number ranged with it shares the scale: بين 200 و500 ألف.
  bool tail = false;
  double tail_group = 0;
  double tail_scale = 0;
  // Where the last component joined by و starts; for بين, which needs two
  // operands, the number may end there instead.
  uint32_t last_join = 0;
  bool bracketed = false;  // digits in brackets before their scale: (12) ألف
};

class Parser {
 public:
  Parser(const std::vector<Atom>& atoms, const Lexicon& lex)
      : atoms_(atoms), lex_(lex), n_(static_cast<uint32_t>(atoms.size())) {}

  void Run(std::vector<Quantity>* out) const {
    uint32_t floor = 0;  // atoms before it belong to an earlier quantity
    for (uint32_t i = 0; i < n_;) {
      uint32_t next = IsNumeral(atoms_[i].kind) ? Read(i, floor, out) : 0;
      if (next <= i) {
        ++i;
      } else {
        i = floor = next;
      }
    }
  }

 private:
  enum class State : uint8_t {
    kUnit,      // may take عشر (teen), مئة (×100), و + ten, a scale, و + fraction
    kClosed,    // a teen, ten or digits: may take a scale or و + fraction
    kHundreds,  // may take و + unit/teen/ten/digits, a scale, or و + fraction
    kScale,     // after a scale word: may take و + a smaller group or fraction
    kFraction,  // may take only a scale (نصف مليون، ثلاثة ونصف مليون)
    kDone,
  };

  // The running sum of a number in words.
  struct Acc {
    double total = 0;  // groups closed by a scale word
    double group = 0;  // the group being read
    double unit = 0;   // the unit just read, in State::kUnit
    double last_scale = INFINITY;
    State state = State::kDone;
    bool scaled = false;
    bool tail = false;
    double tail_group = 0;
    double tail_scale = 0;
    uint32_t end = 0;
    uint32_t last_join = 0;
  };

  // Whether atom c is عشر/عشرة directly after a teen head or unit.
  bool IsTeenTail(uint32_t c, uint32_t limit) const {
    return c < limit && atoms_[c].kind == Kind::kUnit && atoms_[c].value == 10 &&
           atoms_[c].conj == Conj::kNone && !atoms_[c].article;
  }

  static bool ApplyScale(const Atom& x, Acc* acc) {
    if (x.kind != Kind::kScale && x.kind != Kind::kScalePlural) return false;
    if (x.value >= acc->last_scale) return false;
    acc->tail = !acc->scaled;
    acc->tail_group = acc->group;
    acc->tail_scale = x.value;
    acc->total += acc->group * x.value;
    acc->group = 0;
    acc->last_scale = x.value;
    acc->scaled = true;
    acc->state = State::kScale;
    return true;
  }

  // Starts a group with numeral x (at c); returns the atoms it takes (a teen
  // takes two), 0 if x cannot start one.
  uint32_t StartGroup(const Atom& x, uint32_t c, uint32_t limit, Acc* acc) const {
    switch (x.kind) {
      case Kind::kUnit:
        if (x.value >= 3 && x.value <= 9 && IsTeenTail(c + 1, limit)) {
          acc->group += x.value + 10;
          acc->state = State::kClosed;
          return 2;
        }
        acc->group += x.value;
        acc->unit = x.value;
        acc->state = State::kUnit;
        return 1;
      case Kind::kTeenHead:
        if (!IsTeenTail(c + 1, limit)) return 0;
        acc->group += x.value + 10;
        acc->state = State::kClosed;
        return 2;
      case Kind::kTen:
      case Kind::kDigits:
        acc->group += x.value;
        acc->state = State::kClosed;
        return 1;
      case Kind::kHundreds:
        acc->group += x.value;
        acc->state = State::kHundreds;
        return 1;
      default:
        return 0;
    }
  }

  // One step: atom x at c, `joined` by و to what precedes. Returns the atoms
  // taken, 0 to end the number before x.
  uint32_t Step(const Atom& x, uint32_t c, bool joined, uint32_t limit, Acc* acc) const {
    switch (acc->state) {
      case State::kUnit:
        if (!joined) {
          if (x.kind == Kind::kHundreds && x.value == 100 && acc->unit >= 3 &&
              acc->group == acc->unit) {
            acc->group = acc->unit * 100;  // ثلاث مئة
            acc->state = State::kHundreds;
            return 1;
          }
          return ApplyScale(x, acc) ? 1 : 0;
        }
        if (x.kind == Kind::kTen) {  // خمسة وعشرون: the unit comes first
          acc->group += x.value;
          acc->state = State::kClosed;
          return 1;
        }
        break;
      case State::kClosed:
        if (!joined) return ApplyScale(x, acc) ? 1 : 0;
        break;
      case State::kHundreds:
        if (!joined) return ApplyScale(x, acc) ? 1 : 0;
        if (x.kind == Kind::kHundreds || (x.kind == Kind::kDigits && x.value >= 100)) return 0;
        if (x.kind != Kind::kFraction) return StartGroup(x, c, limit, acc);
        // مئة ونصف is a hundred and a half hundred.
        acc->group += x.value * 100;
        acc->state = State::kFraction;
        return 1;
      case State::kScale:
        if (!joined) return 0;
        if (x.kind == Kind::kScale || x.kind == Kind::kScaleDual) {
          if (x.value >= acc->last_scale) return 0;
          acc->total += x.value * (x.kind == Kind::kScaleDual ? 2 : 1);  // مليون وألفان
          acc->last_scale = x.value;
          acc->tail = false;
          return 1;
        }
        if (x.kind == Kind::kFraction) {  // مليون ونصف
          acc->total += x.value * acc->last_scale;
          acc->tail = false;
          acc->state = State::kDone;
          return 1;
        }
        acc->tail = false;
        return StartGroup(x, c, limit, acc);
      case State::kFraction:
        return !joined && ApplyScale(x, acc) ? 1 : 0;
      case State::kDone:
        return 0;
    }
    if (x.kind == Kind::kFraction) {  // خمسة ونصف
      acc->group += x.value;
      acc->state = State::kFraction;
      return 1;
    }
    return 0;
  }

  // Reads an exact number in words and digits from atom i, or a magnitude,
  // stopping before atom `limit`.
  bool ParseNumber(uint32_t i, uint32_t limit, Number* out) const {
    const Atom& a = atoms_[i];
    if (a.kind == Kind::kFew || a.kind == Kind::kScalePlural) {
      ParseMagnitude(i, limit, out);
      return true;
    }
    // الثلاثة، العشرين، الاثنين: with the article a number word is an
    // ordinal, a weekday or a name far more often than a count.
    if (a.article && a.kind != Kind::kDigits) return false;
    Acc acc;
    uint32_t taken = 1;
    switch (a.kind) {
      case Kind::kScale:
      case Kind::kScaleDual:
        acc.total = a.value * (a.kind == Kind::kScaleDual ? 2 : 1);
        acc.last_scale = a.value;
        acc.scaled = true;
        acc.state = State::kScale;
        break;
      case Kind::kFraction:  // ونصف after something that is not a number
        if (a.conj != Conj::kNone) return false;
        acc.group = a.value;
        acc.state = State::kFraction;
        break;
      default:
        taken = StartGroup(a, i, limit, &acc);
        if (taken == 0) return false;
    }
    acc.end = i + taken;
    acc.last_join = i;
    // (12) ألف، (37,775.000) مليون: tables and official statements set the
    // figure off in brackets, and the scale word after them still counts it.
    // A bracketed number before anything else (a footnote, an item) is as
    // written.
    const bool bracketed = a.kind == Kind::kDigits && a.conj == Conj::kNone && i > 0 &&
                           atoms_[i - 1].kind == Kind::kOpen && i + 2 < limit &&
                           atoms_[i + 1].kind == Kind::kClose &&
                           (atoms_[i + 2].kind == Kind::kScale ||
                            atoms_[i + 2].kind == Kind::kScalePlural) &&
                           atoms_[i + 2].conj == Conj::kNone && !atoms_[i + 2].article;
    if (bracketed) acc.end = i + 2;
    // The state before a group that follows a scale word: the group must
    // come out smaller than the scale (ألف و500), else the number ends before.
    Acc saved;
    bool has_saved = false;
    for (uint32_t k = acc.end; k < limit && acc.state != State::kDone;) {
      uint32_t c = k;
      bool joined = false;
      if (atoms_[k].kind == Kind::kAnd) {
        if (k + 1 >= limit || atoms_[k + 1].conj != Conj::kNone) break;
        c = k + 1;
        joined = true;
      } else if (atoms_[k].conj == Conj::kWaw) {
        joined = true;
      } else if (atoms_[k].conj != Conj::kNone) {
        break;
      }
      const Atom& x = atoms_[c];
      if (x.article) break;
      const Acc before = acc;
      const uint32_t step = Step(x, c, joined, limit, &acc);
      if (step == 0) {
        acc = before;
        break;
      }
      if (before.state == State::kScale && acc.state != State::kScale &&
          acc.state != State::kDone) {
        saved = before;
        has_saved = true;
      }
      if (acc.state == State::kScale) has_saved = false;
      if (joined) acc.last_join = k;
      k = acc.end = c + step;
    }
    if (has_saved && acc.group >= saved.last_scale) acc = saved;
    out->first = i;
    out->end = acc.end;
    out->low = out->high = acc.total + acc.group;
    out->vague = false;
    out->scaled = acc.scaled;
    out->tail = acc.tail && acc.group == 0;
    out->tail_group = acc.tail_group;
    out->tail_scale = acc.tail_scale;
    out->last_join = acc.last_join;
    out->bracketed = bracketed && acc.scaled;
    return true;
  }

  // عشرات (20-90), مئات الآلاف (200,000-900,000), بضعة آلاف (3000-9000),
  // بضعة عشر (13-19), بضعة alone (3-9): a plural of a scale S alone is 2S
  // to 9S; after بضع, 3S to 9S.
  void ParseMagnitude(uint32_t i, uint32_t limit, Number* out) const {
    *out = Number{};
    out->first = i;
    out->vague = true;
    uint32_t k = i;
    double least = 2;
    if (atoms_[k].kind == Kind::kFew) {
      least = 3;
      ++k;
      if (IsTeenTail(k, limit)) {
        out->low = 13;
        out->high = 19;
        out->end = k + 1;
        return;
      }
      if (k >= limit || atoms_[k].kind != Kind::kScalePlural || atoms_[k].conj != Conj::kNone) {
        out->low = 3;
        out->high = 9;
        out->end = k;
        return;
      }
    }
    double scale = atoms_[k].value;
    ++k;
    if (k < limit && atoms_[k].kind == Kind::kScalePlural && atoms_[k].conj == Conj::kNone &&
        atoms_[k].value > scale) {
      scale *= atoms_[k].value;  // عشرات الآلاف
      ++k;
    }
    out->low = least * scale;
    out->high = 9 * scale;
    out->end = k;
    out->last_join = i;
  }

  // A number after و (بين 200 و500), glued or apart.
  bool ParseJoined(uint32_t k, Number* out) const {
    if (k >= n_) return false;
    if (atoms_[k].kind == Kind::kAnd) {
      if (k + 1 >= n_ || atoms_[k + 1].conj != Conj::kNone || !IsNumeral(atoms_[k + 1].kind)) {
        return false;
      }
      return ParseNumber(k + 1, n_, out);
    }
    return atoms_[k].conj == Conj::kWaw && IsNumeral(atoms_[k].kind) && ParseNumber(k, n_, out);
  }

  bool Matches(const Phrase& p, uint32_t at) const {
    if (at + p.size > n_) return false;
    for (uint8_t j = 0; j < p.size; ++j) {
      const Atom& x = atoms_[at + j];
      if (x.word != p.ids[j]) return false;
      const bool conj_expected = p.after && p.conj && j == 0;
      // Before the number a phrase's first word may carry و or ب (وبنحو).
      const bool conj_free = !p.after && j == 0;
      if (!conj_free && (x.conj != Conj::kNone) != conj_expected) return false;
    }
    return true;
  }

  // The longest approximator ending just before atom i and starting at or
  // after `floor`; returns where it starts (i if none) and sets *effect.
  uint32_t MatchBefore(uint32_t i, uint32_t floor, uint8_t* effect) const {
    uint32_t start = i;
    for (const Phrase& p : lex_.phrases()) {
      if (p.after || i < floor + p.size || i - p.size >= start) continue;
      if (Matches(p, i - p.size)) {
        start = i - p.size;
        *effect = p.effect;
      }
    }
    if (start < i && start > floor && atoms_[start - 1].word == lex_.ma()) --start;
    return start;
  }

  // The longest approximator starting at atom e; returns where it ends.
  uint32_t MatchAfter(uint32_t e, uint8_t* effect) const {
    uint32_t end = e;
    uint8_t found = 0;
    for (const Phrase& p : lex_.phrases()) {
      if (p.after && e + p.size > end && Matches(p, e)) {
        end = e + p.size;
        found = p.effect;
      }
    }
    *effect |= found;
    return end;
  }

  // Reads the quantity whose number starts at atom i; returns the atom after
  // it, or 0 if there is none.
  uint32_t Read(uint32_t i, uint32_t floor, std::vector<Quantity>* out) const {
    // 2024-03-05, 0-12-345: a date or a code, not numbers.
    if (atoms_[i].kind == Kind::kDigits) {
      uint32_t j = i;
      int dashes = 0;
      while (j + 2 < n_ && atoms_[j + 1].kind == Kind::kDash &&
             atoms_[j + 2].kind == Kind::kDigits) {
        j += 2;
        ++dashes;
      }
      if (dashes >= 2) return j + 1;
    }
    Number a;
    if (!ParseNumber(i, n_, &a)) return 0;

    uint8_t effect = 0;
    // A bracketed number's quantity opens at its bracket, so that an
    // approximator before the bracket reaches it: أكثر من (72) مليون.
    const uint32_t start = a.bracketed && i > floor ? i - 1 : i;
    uint32_t first = MatchBefore(start, floor, &effect);
    enum class Opener : uint8_t { kNone, kBetween, kFrom } opener = Opener::kNone;
    uint32_t opener_first = start;
    if (first == start && start > floor) {
      if (atoms_[start - 1].kind == Kind::kBetween) {
        opener = Opener::kBetween;
        opener_first = start - 1;
        if (opener_first > floor && atoms_[start - 2].word == lex_.ma()) --opener_first;  // ما بين
      } else if (atoms_[start - 1].kind == Kind::kFrom) {
        opener = Opener::kFrom;
        opener_first = start - 1;
      }
    }

    Number b;
    bool range = false;
    Kind glue = Kind::kAnd;
    if (opener == Opener::kBetween) {
      range = ParseJoined(a.end, &b);
      if (!range && a.last_join > i && a.last_join < a.end) {
        // بين خمسة وعشرين: read as 5 and 20 rather than one 25.
        Number shorter;
        if (ParseNumber(i, a.last_join, &shorter) && ParseJoined(a.last_join, &b)) {
          a = shorter;
          range = true;
        }
      }
    }
    if (!range && a.end + 1 < n_) {
      glue = atoms_[a.end].kind;
      const Atom& next = atoms_[a.end + 1];
      if (IsNumeral(next.kind) && next.conj == Conj::kNone &&
          (glue == Kind::kTo || glue == Kind::kOr ||
           (glue == Kind::kUntil && opener == Opener::kFrom) ||
           (glue == Kind::kDash && next.kind == Kind::kDigits &&
            atoms_[i].kind == Kind::kDigits))) {
        range = ParseNumber(a.end + 1, n_, &b);
      }
    }
    // 3-1, 2015-16: a score or a short year, not a range.
    if (range && glue == Kind::kDash && b.low <= a.high) range = false;
    if (range && !a.vague && !b.vague && !a.scaled && b.tail && a.high > 0 &&
        a.high <= b.tail_group) {
      a.low *= b.tail_scale;
      a.high *= b.tail_scale;
    }
    // بين opens any range; من opens من ... إلى but not من ثلاثة أو أربعة.
    if (range && (opener == Opener::kBetween || (opener == Opener::kFrom && glue != Kind::kOr))) {
      first = opener_first;
    }

    Quantity q;
    uint32_t last = range ? b.end : a.end;
    last = MatchAfter(last, &effect);
    q.span = {atoms_[first].begin, atoms_[last - 1].end};
    if (range) {
      q.low = std::min(a.low, b.low);
      q.high = std::max(a.high, b.high);
      q.is_range = true;
    } else {
      q.low = a.low;
      q.high = a.high;
    }
    q.magnitude = a.vague || (range && b.vague);
    q.approx = q.magnitude || (effect & kApprox) != 0;
    q.at_least = (effect & kAtLeast) != 0;
    q.at_most = (effect & kAtMost) != 0;
    out->push_back(q);
    return last;
  }

  const std::vector<Atom>& atoms_;
  const Lexicon& lex_;
  const uint32_t n_;
};

}  // namespace

std::vector<Quantity> FindQuantities(std::string_view normalized,
                                     const std::vector<Token>& tokens) {
  std::vector<Quantity> out;
  if (tokens.empty() || tokens.size() >= UINT32_MAX) return out;
  const Lexicon& lex = Lexicon::Get();
  std::vector<Atom> atoms(tokens.size());
  std::string buf;
  bool any = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    Classify(normalized, tokens[i], lex, &buf, &atoms[i]);
    any = any || IsNumeral(atoms[i].kind);
  }
  if (!any) return out;
  // 5/3/2024, 10:30: digits glued by / or : are a date or a time.
  for (size_t i = 1; i + 1 < tokens.size(); ++i) {
    if (atoms[i].kind != Kind::kSlash) continue;
    if (tokens[i - 1].kind == TokenKind::kNumber && tokens[i + 1].kind == TokenKind::kNumber &&
        tokens[i - 1].span.end == tokens[i].span.begin &&
        tokens[i].span.end == tokens[i + 1].span.begin) {
      atoms[i - 1].kind = Kind::kNone;
      atoms[i + 1].kind = Kind::kNone;
    }
  }
  Parser(atoms, lex).Run(&out);
  return out;
}

}  // namespace marsad::text
