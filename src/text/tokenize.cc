// Tokenisation and light clitic segmentation.
//
// Clitics are marked only where the split is safe without a lexicon: the
// article ال before a stem of two letters or more; a preposition ب ل ك only
// before the article (بال، لل، كال), because before a bare noun it is
// indistinguishable from the first letter of a name (بريطانيا، لبنان، كندا);
// a conjunction و ف before the article, a preposition+article, a number, or a
// function word or reporting verb from a short curated list (وقال، فقد) —
// never before an unknown word, which may be a name (وليد، فرنسا، واشنطن);
// the future س only before a listed verb; pronoun suffixes only on words
// without the article (a definite noun cannot take one) and with three letters
// left. What is not split is still found by search, which indexes stems too.
#include <string>
#include <unordered_set>

#include <unicode/uchar.h>

#include "text/internal.h"
#include "text/text.h"

namespace marsad::text {
namespace {

using internal::DecodeUtf8;
using internal::FoldToKey;
using internal::IsArabicLetter;
using internal::IsDigit;

constexpr char32_t kWaw = 0x0648;   // و
constexpr char32_t kFa = 0x0641;    // ف
constexpr char32_t kBa = 0x0628;    // ب
constexpr char32_t kLam = 0x0644;   // ل
constexpr char32_t kKaf = 0x0643;   // ك
constexpr char32_t kSin = 0x0633;   // س
constexpr char32_t kAlef = 0x0627;  // ا


// Words a conjunction و/ف is safely split from: function words and the verbs
// of news reporting, which follow و constantly and are never names.
const internal::StringSet& ConjunctionHosts() {
  static const internal::StringSet set = internal::MatchKeySet({
      "قال", "قالت", "أضاف", "أضافت", "أكد", "أكدت", "أوضح", "أوضحت", "أشار", "أشارت",
      "تابع", "تابعت", "لفت", "لفتت", "رأى", "رأت", "كشف", "كشفت", "أفاد", "أفادت",
      "أعلن", "أعلنت", "ذكر", "ذكرت", "نقل", "نقلت", "شدد", "شددت", "اعتبر", "اعتبرت",
      "يقول", "تقول", "يرى", "ترى", "كان", "كانت", "كانوا", "يكون", "تكون", "أصبح",
      "أصبحت", "بات", "باتت", "ظل", "ظلت", "تم", "يتم", "تمت", "جاء", "جاءت", "يأتي",
      "تأتي", "بلغ", "بلغت", "يبلغ", "تبلغ", "وصل", "وصلت", "قتل", "قتلت", "أصيب",
      "أصيبت", "اعتقل", "اعتقلت", "أسفر", "أسفرت", "انضم", "انضمت", "عاد", "عادت",
      "وقع", "وقعت", "هو", "هي", "هم", "هما", "هن", "هذا", "هذه", "هؤلاء", "ذلك", "تلك",
      "قد", "لقد", "لم", "لن", "لا", "ما", "إن", "أن", "إنه", "إنها", "أنه", "أنها",
      "إذا", "إذ", "في", "من", "على", "عن", "مع", "إلى", "بين", "بعد", "قبل", "منذ",
      "حتى", "عند", "كل", "بعض", "غير", "أيضا", "ليس", "ليست", "أما", "إنما", "لكن",
      "لكنه", "لكنها", "كما", "يعد", "تعد", "يعتقد", "أفرج", "أدى", "أدت", "نفى", "نفت",
  });
  return set;
}

// Verbs the future prefix س is safely split from (سيكون → س + يكون); a longer
// list would start splitting nouns such as سيارة (car) and سياسة (politics).
const internal::StringSet& FutureHosts() {
  static const internal::StringSet set = internal::MatchKeySet({
      "يكون", "تكون", "يتم", "تتم", "يعود", "تعود", "يعقد", "تعقد", "يصل", "تصل",
      "يبدأ", "تبدأ", "يستمر", "تستمر", "يواصل", "تواصل", "نواصل", "يصبح", "تصبح",
  });
  return set;
}

// Words that start like article + stem but are not (الله God, التي which,
// إلا except, names such as Elias, Alexander, Walter, thousands written
// without hamza), or like و + article.
const internal::StringSet& Unsplittable() {
  static const internal::StringSet set = internal::MatchKeySet({
      "الله", "التي", "الذي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي",
      "اللاتي", "اللائي", "الا", "الى", "الياس", "اليسا", "البرت", "الكسندر", "الفريد",
      "الفونسو", "الان", "والدة", "والده", "والدته", "والتر", "والاس", "فالنتين", "اليكس",
      "اليكسي", "الكسي", "اليزابيث", "البانيا", "المانيا", "الماني", "المانية", "الاسكا",
      // ألف (thousand) forms typed without their hamza or madda.
      "الاف", "الفين", "الفان", "الفا", "الفي",
  });
  return set;
}

// Decoded letters of one Arabic word with their byte offsets.
struct Letters {
  char32_t cp[64];
  uint32_t at[65];  // at[i] = byte offset of letter i; at[n] = word end
  int n = 0;
};

bool StartsWithArticle(const Letters& w, int i) {
  return i + 1 < w.n && w.cp[i] == kAlef && w.cp[i + 1] == kLam;
}

class Segmenter {
 public:
  explicit Segmenter(std::string_view text) : text_(text) {}

  // Marks the clitics of the Arabic word `t` (whose letters are `w`).
  void Segment(const Letters& w, Token* t) {
    t->stem = t->span;
    if (w.n < 3 || w.n > 60) return;
    // Every unsplittable word starts with ا و or ف; skip the lookup otherwise.
    if (w.cp[0] == kAlef || w.cp[0] == kWaw || w.cp[0] == kFa) {
      const std::string_view surface(text_.data() + t->span.begin, t->span.size());
      if (Unsplittable().contains(FoldToKey(surface, &key_))) return;
    }

    int i = 0;
    Piece pieces[4];
    int count = 0;
    auto add = [&](int from, int to, Clitic role) {
      pieces[count++] = {{w.at[from], w.at[to]}, role};
    };
    auto rest_key = [&](int from) {
      return FoldToKey(std::string_view(text_.data() + w.at[from], w.at[w.n] - w.at[from]),
                       &key_);
    };
    auto after_article_ok = [&](int from) { return w.n - from >= 2; };

    // Conjunction.
    if (w.cp[0] == kWaw || w.cp[0] == kFa) {
      bool split = false;
      if (StartsWithArticle(w, 1) && after_article_ok(3)) split = true;
      else if ((w.cp[1] == kBa || w.cp[1] == kKaf) && StartsWithArticle(w, 2) && after_article_ok(4))
        split = true;
      else if (w.cp[1] == kLam && w.n > 2 && w.cp[2] == kLam && after_article_ok(3)) split = true;
      else if (ConjunctionHosts().contains(rest_key(1))) split = true;
      else if (w.cp[1] == kSin && FutureHosts().contains(rest_key(2))) split = true;
      if (split) {
        add(0, 1, Clitic::kConjunction);
        i = 1;
      }
    }
    // Future prefix before a listed verb.
    if (w.cp[i] == kSin && w.n - i > 3 && FutureHosts().contains(rest_key(i + 1))) {
      add(i, i + 1, Clitic::kFuture);
      i += 1;
    }
    // Preposition before the article; لل is ل + the article with its alef elided.
    bool definite = false;
    if ((w.cp[i] == kBa || w.cp[i] == kKaf || w.cp[i] == kLam) && StartsWithArticle(w, i + 1) &&
        after_article_ok(i + 3)) {
      add(i, i + 1, Clitic::kPreposition);
      i += 1;
    } else if (w.cp[i] == kLam && i + 2 < w.n && w.cp[i + 1] == kLam && after_article_ok(i + 2)) {
      add(i, i + 1, Clitic::kPreposition);
      add(i + 1, i + 2, Clitic::kArticle);
      i += 2;
      definite = true;
    }
    if (!definite && StartsWithArticle(w, i) && after_article_ok(i + 2)) {
      add(i, i + 2, Clitic::kArticle);
      i += 2;
      definite = true;
    }
    // Pronoun suffix.
    int end = w.n;
    if (!definite && count == 0) {
      const int suffix = PronounSuffixLength(w);
      if (suffix > 0 && w.n - suffix >= 3) {
        end = w.n - suffix;
      }
    }
    t->stem = {w.at[i], w.at[end]};
    for (int k = 0; k < count; ++k) t->clitics[k] = pieces[k];
    t->clitic_count = static_cast<uint8_t>(count);
    if (end < w.n) {
      t->clitics[t->clitic_count++] = {{w.at[end], w.at[w.n]}, Clitic::kPronoun};
    }
  }

 private:
  // Length in letters of a third-person pronoun suffix ending the word: ها هم
  // هما هن. Second-person suffixes (كم) are left alone: in news they are rare
  // and the letters end many nouns (محاكم courts, تراكم accumulation).
  static int PronounSuffixLength(const Letters& w) {
    constexpr char32_t kHa = 0x0647, kMim = 0x0645, kNun = 0x0646;  // ه م ن
    const char32_t last = w.cp[w.n - 1];
    const char32_t before = w.n >= 2 ? w.cp[w.n - 2] : 0;
    const char32_t third = w.n >= 3 ? w.cp[w.n - 3] : 0;
    if (before == kHa && (last == kAlef || last == kMim || last == kNun)) return 2;
    if (third == kHa && before == kMim && last == kAlef) return 3;
    return 0;
  }

  std::string_view text_;
  std::string key_;
};

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsArabicMark(char32_t c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670; }
bool IsWordChar(char32_t c) { return IsArabicLetter(c) || IsArabicMark(c); }

// The end of a run of digits from `i`, with , or . between digits taken in
// (1,400 and 1.5 are one number; "200." ends at the full stop).
size_t NumberEnd(std::string_view text, size_t i) {
  while (i < text.size()) {
    if (IsDigit(static_cast<unsigned char>(text[i]))) {
      ++i;
    } else if ((text[i] == ',' || text[i] == '.') && i + 1 < text.size() &&
               IsDigit(static_cast<unsigned char>(text[i + 1]))) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

bool StartsUrl(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.");
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 6 + 1);
  Segmenter segmenter(text);
  Letters letters;
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const size_t start = i;
    size_t next = i;
    const char32_t c = DecodeUtf8(text, &next);
    if (IsSpace(c)) {
      i = next;
      continue;
    }
    Token t;
    if ((c == 'h' || c == 'w') && StartsUrl(text.substr(start))) {
      size_t j = start;
      while (j < n && !IsSpace(static_cast<unsigned char>(text[j]))) ++j;
      // Closing punctuation glued to a URL belongs to the sentence.
      while (j > start && std::string_view(".,;:!?)]}\"'").find(text[j - 1]) != std::string_view::npos) --j;
      t.kind = TokenKind::kUrl;
      t.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(j)};
      t.stem = t.span;
      tokens.push_back(t);
      i = j;
      continue;
    }
    if (IsDigit(c)) {
      const size_t j = NumberEnd(text, next);
      t.kind = TokenKind::kNumber;
      t.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(j)};
      t.stem = t.span;
      tokens.push_back(t);
      i = j;
      continue;
    }
    if (IsWordChar(c)) {
      letters.n = 0;
      size_t j = start;
      while (j < n) {
        size_t k = j;
        const char32_t x = DecodeUtf8(text, &k);
        if (!IsWordChar(x)) break;
        if (!IsArabicMark(x) && letters.n < 64) {
          letters.at[letters.n] = static_cast<uint32_t>(j);
          letters.cp[letters.n++] = x;
        }
        j = k;
      }
      letters.at[letters.n] = static_cast<uint32_t>(j);
      t.kind = TokenKind::kWord;
      t.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(j)};
      // A conjunction or preposition glued to a number: و500، ب300، وب2000.
      if (letters.n <= 2 && j < n && IsDigit(static_cast<unsigned char>(text[j])) &&
          (letters.cp[0] == kWaw || letters.cp[0] == kFa || letters.cp[0] == kBa ||
           letters.cp[0] == kLam) &&
          (letters.n == 1 || letters.cp[1] == kBa || letters.cp[1] == kLam)) {
        const size_t k = NumberEnd(text, j);
        t.kind = TokenKind::kNumber;
        t.span.end = static_cast<uint32_t>(k);
        t.stem = {static_cast<uint32_t>(j), static_cast<uint32_t>(k)};
        for (int p = 0; p < letters.n; ++p) {
          const bool conj = p == 0 && (letters.cp[0] == kWaw || letters.cp[0] == kFa);
          t.clitics[p] = {{letters.at[p], letters.at[p + 1]},
                          conj ? Clitic::kConjunction : Clitic::kPreposition};
        }
        t.clitic_count = static_cast<uint8_t>(letters.n);
        tokens.push_back(t);
        i = k;
        continue;
      }
      segmenter.Segment(letters, &t);
      tokens.push_back(t);
      i = j;
      continue;
    }
    if (u_isalpha(static_cast<UChar32>(c))) {
      size_t j = next;
      while (j < n) {
        size_t k = j;
        const char32_t x = DecodeUtf8(text, &k);
        const bool inner_apostrophe =
            (x == '\'' || x == 0x2019) && k < n && u_isalpha(static_cast<unsigned char>(text[k]));
        if (!(u_isalnum(static_cast<UChar32>(x)) || u_getCombiningClass(static_cast<UChar32>(x)) ||
              inner_apostrophe) ||
            IsWordChar(x)) {
          break;
        }
        j = k;
      }
      t.kind = TokenKind::kLatin;
      t.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(j)};
      t.stem = t.span;
      tokens.push_back(t);
      i = j;
      continue;
    }
    // Punctuation: an ellipsis of dots is one token, everything else one character.
    size_t j = next;
    if (c == '.') {
      while (j < n && text[j] == '.') ++j;
    }
    t.kind = u_ispunct(static_cast<UChar32>(c)) ? TokenKind::kPunct : TokenKind::kSymbol;
    t.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(j)};
    t.stem = t.span;
    tokens.push_back(t);
    i = j;
  }
  return tokens;
}

}  // namespace marsad::text
