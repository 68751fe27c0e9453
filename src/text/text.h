// marsad text layer: the Arabic foundation every other module stands on.
//
//   using namespace marsad::text;
//   Analysis a = Analyze(article, {.published = Date{2024, 3, 5}});
//   for (const Sentence& s : a.sentences) { ... a.tokens[s.first_token] ... }
//   for (const Quantity& q : a.quantities) { q.low, q.high, q.approx ... }
//   Span original = a.normalized.map.ToOriginal(a.dates[0].span);
//
// Every span produced here is a half-open range of bytes in the *normalised*
// text; Normalized::map turns it back into the exact bytes of the input it came
// from, and CharOffsets turns bytes into the character offsets users see.
//
// Promises, tested: no input crashes any function here (invalid UTF-8 becomes
// U+FFFD and is counted); every function is linear in the size of its input;
// all functions are thread-safe (they share only immutable tables).
#ifndef MARSAD_TEXT_TEXT_H_
#define MARSAD_TEXT_TEXT_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace marsad::text {

// A half-open byte range [begin, end).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

// ---------------------------------------------------------------------------
// Normalisation. Each fold is one named operation; kDisplay and kMatch are
// the two levels the pipeline uses. NFC composition is always applied.

enum Fold : uint32_t {
  kFoldPresentationForms = 1u << 0,  // U+FB50–U+FDFF, U+FE70–U+FEFF to plain letters
  kFoldTatweel = 1u << 1,            // drop ـ (U+0640)
  kFoldDiacritics = 1u << 2,         // drop harakat, shadda, sukun, dagger alef, Quranic marks
  kFoldDigits = 1u << 3,             // ٠-٩ and ۰-۹ to 0-9; ٫ to '.', ٬ to ','; ٪ to '%'
  kFoldQuotes = 1u << 4,             // “ ” „ ‟ ″ to '"'; ‘ ’ ‚ ‛ ′ to '\''
  kFoldInvisibles = 1u << 5,         // drop zero-width and bidi marks, BOM; odd spaces to ' '
  kFoldArabicPunctuation = 1u << 6,  // ، ؛ ؟ ۔ to , ; ? .
  kFoldAlef = 1u << 7,               // أ إ آ ٱ to ا
  kFoldAlefMaqsura = 1u << 8,        // ى to ي
  kFoldTehMarbuta = 1u << 9,         // ة to ه
  kFoldHamzaCarriers = 1u << 10,     // ؤ to و, ئ to ي
  kFoldPersianLetters = 1u << 11,    // ک ی ڤ پ چ گ ژ to ك ي ف ب ج ك ز
  kFoldLatinCase = 1u << 12,         // A-Z (and Latin-1 capitals) to lower case
};

// What readers see: same letters, without the noise of rendering and typing.
inline constexpr uint32_t kDisplay = kFoldPresentationForms | kFoldTatweel |
                                     kFoldDiacritics | kFoldDigits | kFoldQuotes |
                                     kFoldInvisibles;
// What matching compares: every spelling variant of a letter folded to one.
inline constexpr uint32_t kMatch = kDisplay | kFoldArabicPunctuation | kFoldAlef |
                                   kFoldAlefMaqsura | kFoldTehMarbuta |
                                   kFoldHamzaCarriers | kFoldPersianLetters |
                                   kFoldLatinCase;

// Maps byte offsets of a normalised text back to the text it was made from.
// Unchanged runs map byte for byte; a replaced character maps as a whole.
class OffsetMap {
 public:
  // The original byte at which the normalised byte `pos` starts.
  // pos == normalised size maps to the original size.
  uint32_t ToOriginalBegin(uint32_t pos) const;
  // The original byte just after the normalised byte `pos - 1` ends, and
  // after the characters normalisation deleted right after it: a word's
  // span ends after its diacritics (مهمٌّ, not مهم).
  uint32_t ToOriginalEnd(uint32_t pos) const;
  // The original bytes of a normalised span; an empty span stays empty.
  Span ToOriginal(Span s) const {
    const uint32_t begin = ToOriginalBegin(s.begin);
    return {begin, s.end > s.begin ? ToOriginalEnd(s.end) : begin};
  }

 private:
  friend class Normalizer;
  struct Segment {
    uint32_t norm_begin;
    uint32_t orig_begin;
    uint32_t orig_end;
    bool identity;  // norm and original bytes correspond one to one
  };
  const Segment* Find(uint32_t pos) const;
  std::vector<Segment> segments_;
  uint32_t norm_size_ = 0;
  uint32_t orig_size_ = 0;
};

struct Normalized {
  std::string text;
  OffsetMap map;
  uint32_t invalid_utf8 = 0;  // ill-formed sequences replaced by U+FFFD
};

// Normalises `input` (any bytes; at most 4 GiB) with the given folds.
Normalized Normalize(std::string_view input, uint32_t folds = kDisplay);

// The matching key of a word or name: Normalize(s, kMatch).text without the
// offset map, faster. Keys are equal for spelling variants of a letter.
std::string MatchKey(std::string_view s);

// Returns `input` with every ill-formed UTF-8 sequence replaced by U+FFFD;
// sets *replaced (if not null) to the number of replacements.
std::string RepairUtf8(std::string_view input, uint32_t* replaced = nullptr);

// Byte offset to character (code point) offset, for one UTF-8 text.
class CharOffsets {
 public:
  explicit CharOffsets(std::string_view utf8);
  // Characters before byte `pos` (pos <= size); a byte inside a character
  // counts as that character's start.
  uint32_t operator()(uint32_t pos) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> block_chars_;  // characters before each 256-byte block
};

// Keys for finding a word under other spellings (search, blocking). Both take
// a display-normalised word without clitics.
// EndingKey: the match key without a final ا or ه (ة), so that سوريا and
// سورية share it; empty for words under 3 letters.
std::string EndingKey(std::string_view word);
// SkeletonKey: consonant classes with inner long vowels dropped and doubled
// letters collapsed (غ ج ق ك one class for the Latin g; ت ط; س ص ث; ...), so
// transliterations such as طاجيكستان / طاجكستان or غوستاف / جوستاف share it;
// empty when fewer than 3 consonants remain, where it would join unrelated words.
std::string SkeletonKey(std::string_view word);

// The share of the letters of `s` (what ICU calls alphabetic) written in
// Arabic script, presentation forms and Persian letters included, in [0, 1];
// 1 when `s` has fewer than 40 letters, too few to tell (a headline, a name
// in Latin).
double ArabicLetterShare(std::string_view s);
// Below this share a document is in another language: stored and searchable,
// but the tagger and the extraction, made for Arabic, read nothing from it
// (on English or French text they found "organisations" in plain clauses).
inline constexpr double kAnalysedArabicShare = 0.5;
// Whether a document is in Arabic, for the tagger and the extraction: its
// ArabicLetterShare is kAnalysedArabicShare at least.
inline bool ReadAsArabic(std::string_view s) { return ArabicLetterShare(s) >= kAnalysedArabicShare; }

// The Latin letter (A–Z) an Arabic word names, as a Latin acronym is written
// in Arabic (بي بي سي, BBC; سي إن إن, CNN), or 0. Alef's hamza and madda
// tell A (أي، إيه), E (إي) and I (آي) apart; an unmarked اي is I. بي is B:
// Arabic has no p, and B is the commoner letter of acronyms.
char LatinLetterNamed(std::string_view word);

// Whether a match key (MatchKey) is a function word: a preposition,
// conjunction, particle, pronoun, demonstrative or relative (في، لن، الذي،
// هذه), or one with a pronoun attached (فيها، منهم). Such words are in most
// documents, and no name is one.
bool IsFunctionWord(std::string_view key);

// ---------------------------------------------------------------------------
// Tokens: words with their clitics marked (never removed), numbers,
// punctuation, URLs, Latin words.

enum class TokenKind : uint8_t { kWord, kLatin, kNumber, kPunct, kUrl, kSymbol };

enum class Clitic : uint8_t {
  kConjunction,  // و ف
  kPreposition,  // ب ل ك
  kFuture,       // س
  kArticle,      // ال (also the ل of لل)
  kPronoun,      // ها هم هما هن كم كما كن (attached at the end)
};

struct Piece {
  Span span;
  Clitic role;
};

struct Token {
  Span span;                   // the whole surface word
  Span stem;                   // the word without its clitics; == span if none
  TokenKind kind = TokenKind::kWord;
  uint8_t clitic_count = 0;
  std::array<Piece, 4> clitics{};  // in text order, first clitic_count valid
};

// Splits display-normalised text into tokens. Clitics are split conservatively:
// a prefix or suffix is marked only where the rest is a plausible word, so that
// names (بلال، كندا، فرنسا، وليد) stay whole.
std::vector<Token> Tokenize(std::string_view normalized);

// ---------------------------------------------------------------------------
// Sentences.

struct Sentence {
  Span span;
  uint32_t first_token = 0;  // [first_token, end_token) index into tokens
  uint32_t end_token = 0;
};

// Whether token k of `tokens` (of `normalized`) is a full stop inside an
// acronym written with the names of its Latin letters (بي.بي.سي, BBC): it
// touches a letter's name (LatinLetterNamed) on each side, and the one after
// it is no function word (في, in, also names V) unless another such stop
// follows it.
bool InAcronym(std::string_view normalized, const std::vector<Token>& tokens, size_t k);

// Sentence boundaries over tokens of `normalized`: . ! ? ؟ … and line
// breaks between paragraphs; a quotation spanning full stops stays one unit
// until it closes; scraping artifacts (".,", "word.Word", hard-wrapped lines
// inside a paragraph) are handled.
std::vector<Sentence> SplitSentences(std::string_view normalized,
                                     const std::vector<Token>& tokens);

// ---------------------------------------------------------------------------
// Numbers and quantities, written in digits or words.

struct Quantity {
  Span span;           // approximator, number words or digits, magnitude words
  double low = 0;      // == high unless a range
  double high = 0;
  bool is_range = false;
  bool approx = false;     // نحو، حوالي، قرابة; magnitudes such as عشرات، آلاف
  bool at_least = false;   // أكثر من، ما لا يقل عن
  bool at_most = false;    // ما يصل إلى، أقل من، لا يتجاوز
  // A vague magnitude: a plural of scale S (عشرات، مئات، آلاف) is 2S..9S,
  // after بضع/بضعة 3S..9S; low and high hold those bounds.
  bool magnitude = false;
};

// All numbers and quantities in display-normalised text. Digits may carry
// thousands separators (1,400) and decimals (1.5); words cover units, tens,
// hundreds (مئة/مائة), thousands (ألف، ألفا، ألفين، آلاف), millions, compounds
// (ثلاثة وعشرون ألفا), fractions (نصف، ربع), magnitudes and ranges
// (بين 200 و500، من 1000 إلى 1400، 200-500).
std::vector<Quantity> FindQuantities(std::string_view normalized,
                                     const std::vector<Token>& tokens);

// ---------------------------------------------------------------------------
// Dates.

struct Date {
  int year = 0;
  int month = 0;  // 1-12, 0 if unknown
  int day = 0;    // 1-31, 0 if unknown
  bool operator==(const Date&) const = default;
};

enum class Precision : uint8_t { kYear, kMonth, kDay };

struct DateMention {
  Span span;
  Date date;  // Gregorian; fields finer than `precision` are 0
  Precision precision = Precision::kDay;
  bool relative = false;  // resolved against the publication date
  bool hijri = false;     // written in the Hijri calendar, converted
};

// Dates in display-normalised text: Gregorian months in their standard,
// Levantine and Egyptian names (and the آذار/مارس double form), Hijri months,
// weekdays, years, and relative expressions (اليوم، أمس، الشهر الماضي،
// الأسبوع المقبل، مطلع العام، الاثنين الماضي). Relative dates are resolved
// against `published`; without it they are not reported. A month without a
// year is the nearest such month to the publication date (الماضي before it,
// المقبل after it). A span starts at يوم/شهر/عام or a modifier (مطلع) and
// leaves out a leading preposition.
std::vector<DateMention> FindDates(std::string_view normalized,
                                   const std::vector<Token>& tokens,
                                   std::optional<Date> published);

// Parses "YYYY-MM-DD" (also "YYYY-MM" and "YYYY"); nullopt if malformed.
std::optional<Date> ParseIsoDate(std::string_view s);
// "YYYY", "YYYY-MM" or "YYYY-MM-DD" according to precision.
std::string FormatDate(const Date& d, Precision p);

// ---------------------------------------------------------------------------
// The whole layer in one call.

struct AnalyzeOptions {
  std::optional<Date> published;
};

struct Analysis {
  Normalized normalized;  // display level
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Quantity> quantities;
  std::vector<DateMention> dates;
};

Analysis Analyze(std::string_view text, const AnalyzeOptions& options = {});

}  // namespace marsad::text

#endif  // MARSAD_TEXT_TEXT_H_
