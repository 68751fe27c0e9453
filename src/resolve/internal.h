// Implementation details shared by the files of src/resolve; not part of the
// API. The model's parts and the alphabets their tables are indexed by.
#ifndef MARSAD_RESOLVE_INTERNAL_H_
#define MARSAD_RESOLVE_INTERNAL_H_

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "resolve/resolve.h"
#include "text/internal.h"

namespace marsad::resolve::internal {

// Arabic letters after text::MatchKey folding, in alphabetical order, then
// one index for any other letter of the Arabic block.
inline constexpr int kArabicLetters = 30;
inline constexpr int kArabicOther = 29;
// Latin letters a-z after lower-casing and removing accents.
inline constexpr int kLatinLetters = 26;

// Index of an Arabic code point (kArabicOther for other Arabic-block
// letters), or -1 if it is not an Arabic letter.
int ArabicIndex(char32_t c);
char32_t ArabicLetter(int index);  // inverse of ArabicIndex for 0..28
// ا و ي: letters that write a long vowel, so the Latin has a vowel there.
bool IsLongVowel(int arabic_index);
// The letters of an Arabic spelling (alphabet indices) other than ا و ي.
std::string Consonants(std::string_view letters);
// Arabic spellings of this many letters or fewer are short names, which a
// long-vowel letter tells apart (سعد and سعيد, محمد and محمود).
inline constexpr size_t kShortName = 5;

// Whether two Arabic words of a name that is not transliterated (a place,
// an organisation, a family name written with the article) can be one word:
// the same letters but for those a foreign g or kh is written with (غ ج ق ك
// خ: كازاخستان، قازاقستان) and a final vowel written ا, ه (ة) or اء (سوريا،
// سورية، شقراء، شقرة; but عمر is not عمرة), and, when one word is longer
// than kShortName and has three consonants or more, the vowel letters
// (دوشنبه، دوشانبي; ميونيخ، ميونخ). The matcher's edit model, learnt from
// transliterated personal names, lets ز stand for ص and ح for خ, and scores
// الجزر (the islands) against الأقصر (Luxor) 0.99, خامس (fifth) against حمص
// (Homs) 1.0 and القاعدة against جدة 0.89; Arabic spells its own names one
// way. Short words a vowel letter apart are different words: الروضة and
// الرياض, الحدود (the borders) and الحديدة. False unless both tokens are
// Arabic.
bool SameArabicLetters(const NameToken& a, const NameToken& b);
// A key two tokens SameArabicLetters holds for share (empty for Latin).
std::string ArabicLettersKey(const NameToken& t);
// Whether two Arabic words can be one foreign name as two transliterations
// write it: with the same article or none, the letters SameArabicLetters
// folds alike, تش as ج (ç, ch), and one or two vowel letters inside the word
// that one writes and the other leaves out (أوروبا and أوربا, Europe;
// سروج، سوروج and سوروتش, Suruç; كلس and كيليس, Kilis), in words of three
// letters or more. As often two names (السويد and السد, Sweden and a
// town; كيتو and كيوتو, Quito and Kyoto): evidence that they are one must
// come from elsewhere. With `short_words_differ`, words of kShortName letters
// or fewer (ç, g and ch folded) are two words a vowel letter apart, as
// Arabic names are (سعد and سعيد, الحربي and الحريبي).
bool TranscribedAlike(const NameToken& a, const NameToken& b, bool short_words_differ);
// A key two tokens TranscribedAlike holds for share (empty for Latin).
std::string TranscribedKey(const NameToken& t);
inline bool IsLatinVowel(int latin_index) {
  return latin_index == 0 || latin_index == 4 || latin_index == 8 || latin_index == 14 ||
         latin_index == 20 || latin_index == 24;  // a e i o u y
}

// Appends the plain letters (a-z) of a Latin code point: lower case, accents
// removed, ß as "ss", æ as "ae". Returns false if `c` is not a Latin letter.
bool AppendLatin(char32_t c, std::string* out);

// Decodes the code point at s[*i] (well-formed UTF-8, as text::MatchKey
// returns) and advances *i.
char32_t NextCodePoint(std::string_view s, size_t* i);
void AppendUtf8(char32_t c, std::string* out);
// An Arabic token's letters (alphabet indices) as the text::MatchKey-folded
// word they came from.
std::string ArabicText(std::string_view letters);

// Arabic words, keyed by text::MatchKey, to their Latin. MakeTable throws
// std::logic_error if two entries share a key.
using WordTable = std::unordered_map<std::string, std::string>;
WordTable MakeTable(std::initializer_list<std::pair<const char*, const char*>> entries);
// Arab given names and family names (the latter without the article) as
// English-language newspapers spell them (arab_names.cc).
const WordTable& ArabNameSpellings();
// Foreign names of the news the romanizer's memory reads otherwise than the
// press (foreign_names.cc); no key of ArabNameSpellings.
const WordTable& ForeignNameSpellings();

// English names by the matching key of an Arabic name (places.cc):
// countries (with and without the article), from ICU's CLDR data; places
// (the countries, CLDR's world regions and time-zone cities, and a curated
// list of capitals, regions and cities of the news); bodies (the UN, the EU
// and a few others).
const std::unordered_map<std::string, std::string>& CountryNames();
const std::unordered_map<std::string, std::string>& PlaceNames();
const std::unordered_map<std::string, std::string>& BodyNames();
// The English name the curated list of other names (religions, holy places,
// wars, prizes, tournaments, weapons, aircraft, software) gives an Arabic
// one, with a model number after the name kept (بوينج 777: Boeing 777);
// empty if the list does not have it.
std::string OtherEnglishName(std::string_view arabic);
// The one-word places of the curated list that are no country (جدة:
// Jeddah), for names of bodies and places that hold one; not CLDR's
// time-zone cities, whose Arabic names include common words (نوم, sleep:
// Nome).
const std::unordered_map<std::string, std::string>& PlacesInNames();
// The English name of the country of each of CLDR's time-zone cities
// (طرابلس: Libya), by the city's matching key.
const std::unordered_map<std::string, std::string>& CityCountries();
// The English name of a place's matching key in PlaceNames, or of the same
// key with its last adjective masculine (الخليج العربية, agreeing with دول
// before it, is الخليج العربي); null if neither is there.
const std::string* GazetteerPlace(const std::string& key);
// The English name of an Arabic place name (`place`) or body name: that of
// its entry in PlaceNames or BodyNames, or else of the entry it is a
// spelling variant of by `matcher` (دوشنبه of CLDR's دوشانبي, Dushanbe);
// empty if there is none, or if variants of two English names match.
std::string EnglishName(std::string_view arabic, bool place, const Matcher& matcher);
// A name made of an armed or political group of the list of bodies and a
// place of the gazetteer, with في (in) between or not: «داعش ليبيا» and
// «تنظيم الدولة في ليبيا».
struct GroupAndPlace {
  std::string group;     // the group's English name: ISIS
  std::string branch;    // the branch's: "ISIS in Libya", "al-Qaeda in the Levant"
  bool home = false;     // the group's own country: «حركة طالبان أفغانستان» is the Taliban
  bool region = false;   // a region groups name branches after (the Levant, Khorasan)
  bool with_in = false;  // written with في
};
// Nothing for any other name.
std::optional<GroupAndPlace> SplitGroupAndPlace(std::string_view arabic);
// The English name of a body or made place named by its kind and what it
// is of (bodies.cc), read as English orders it: «وزارة الداخلية السعودية»
// the Saudi Interior Ministry, «جامعة الملك سعود» King Saud University,
// «صحيفة الوطن» al-Watan newspaper, «مطار الملك خالد الدولي» King Khalid
// International Airport; names inside romanised by `matcher`. Empty when
// the name begins with no kind or holds a word the tables do not know among
// words they translate: the caller romanises it whole.
std::string ComposedEnglishName(std::string_view arabic, const Matcher& matcher);

// The blocking key of a token's letters (see BlockingKeys).
std::string TokenKey(bool arabic, std::string_view letters);

// Whether two names of different numbers of tokens are the same letters in
// the same scripts, spaced differently (match.cc).
bool SameLettersRespaced(const PreparedName& a, const PreparedName& b);

// Whether a token begins a family name (match.cc): a word with the article
// (الرميح, al-Rumaih), آل (the house of, as in آل سعود) or a relative
// adjective of four letters or more (طنطاوي, Tantawi); not a function word
// (الذي, who) nor a verb of the present that ends as an adjective does
// (يلتقي, meets), which the tagger may run on after a name.
bool BeginsFamilyName(const NameToken& t);

// Letters of an Arabic word (text::MatchKey applied first) or Latin word as
// alphabet indices; false if the word has a letter of the other script or
// none at all.
bool ArabicWordLetters(std::string_view word, std::string* letters);
// The words of a name as written, split at spaces, tabs and line breaks, and
// at full stops between Arabic letters, which join the letters of an acronym
// (بي.بي.سي, BBC).
std::vector<std::string_view> WrittenWords(std::string_view name);
bool LatinWordLetters(std::string_view word, std::string* letters);

// ---------------------------------------------------------------------------
// Arabic–Latin pair model. Each Arabic letter emits a Latin segment of 0, 1
// or 2 letters, depending on the letter and its position (initial, medial,
// final); between emissions Latin letters may be inserted (the short vowels
// Arabic does not write), depending on the letter before, on whether the
// next letter is a long vowel, and on whether a letter was already inserted
// there (one short vowel is common, "ou" with no و is not). P(latin | arabic) is against a Latin letter
// bigram model for chance.

inline constexpr int kSegments = 1 + kLatinLetters + kLatinLetters * kLatinLetters;
inline int SegmentId(const uint8_t* latin, int length) {
  return length == 0 ? 0 : length == 1 ? 1 + latin[0] : 1 + kLatinLetters + latin[0] * kLatinLetters + latin[1];
}
// Two-letter segments are digraphs (sh, kh, ou, ee, ll, ah), never a
// consonant with the vowel after it: that vowel is an insertion.
bool SegmentAllowed(const uint8_t* latin, int length);

inline constexpr float kNever = -1e9f;

struct ArabicLatinModel {
  // log P(segment | arabic letter, position): [letter][3][kSegments]
  std::vector<float> emit = std::vector<float>(kArabicLetters * 3 * kSegments, kNever);
  // log P(inserted letter or stop (index 26) | letter before (30 = start),
  // next: 0 consonant, 1 long vowel, 2 end; inserted here already: 0 or 1):
  // [31][3][2][27]
  std::vector<float> insert = std::vector<float>((kArabicLetters + 1) * 3 * 2 * 27, kNever);
  // log P(latin letter | previous letter) with 26 = start / end: [27][27]
  std::vector<float> latin_bigram = std::vector<float>(27 * 27, kNever);

  float Emit(int a, int position, int segment) const {
    return emit[(a * 3 + position) * kSegments + segment];
  }
  float Insert(int before, int next, int inserted, int letter) const {
    return insert[((before * 3 + next) * 2 + inserted) * 27 + letter];
  }
  // Viterbi log P(latin | arabic) minus the chance log P(latin).
  float LogLikelihoodRatio(std::string_view arabic, std::string_view latin) const;
};

// A symmetric weighted edit distance over one alphabet of `size` letters
// (Arabic–Arabic or Latin–Latin), as a joint probability model: substitute
// (x, y) (x == y is a match), insert x on either side, stop. Against chance:
// each string from the unigram letter distribution with a stop.
struct EditModel {
  int size = 0;
  std::vector<float> substitute;  // log P(sub x y), [size][size], symmetric
  std::vector<float> insert;      // log P(insert x) on one given side
  float stop = 0;
  std::vector<float> unigram;     // log P(x) under chance, [size]; [size] is stop
  float LogLikelihoodRatio(std::string_view a, std::string_view b) const;
  // How far the ratio of a and b falls short of the mean of each word's
  // ratio against itself. The ratio alone rewards rare letters, whatever
  // they are aligned with: علاء and ضياء (Alaa, Diaa) have 27.5, more than
  // many a pair of spellings of one name, but each has 34–36 with itself.
  float Shortfall(std::string_view a, std::string_view b, float ratio) const;
};

// Turns a log-likelihood ratio into a probability of being the same name.
struct Calibration {
  // Per-letter ratio, ratio / 10, length ratio, shortfall / 10, bias.
  using Inputs = std::array<double, 5>;
  Inputs w{};
  // `shortfall` is EditModel::Shortfall for the Arabic–Arabic model and 0
  // for the others: the Arabic–Latin model has none, and with it the
  // Latin–Latin model took Hassan for Hussein (0.25 before, 0.60), as Latin
  // writes the vowels that tell Arab names apart and charges little for them.
  double Score(double llr, size_t length_a, size_t length_b, double shortfall) const;
  static Inputs Features(double llr, size_t length_a, size_t length_b, double shortfall);
};

// ---------------------------------------------------------------------------
// Romanisation: a joint n-gram model over units (an Arabic letter with the
// Latin it is written as, inserted vowels after it included), from the
// Viterbi alignments of the pair model, plus a memory of whole words.

// The longest n-gram the romanizer's tables can hold, and how many units
// their keys can tell apart.
inline constexpr int kMaxOrder = 5;
inline constexpr uint32_t kMaxUnits = 1u << 12;

// An n-gram of units (oldest first, each below kMaxUnits) as a table key:
// its length in the top four bits, then 12 bits a unit.
inline uint64_t NgramKey(const uint32_t* units, int n) {
  uint64_t key = static_cast<uint64_t>(n) << 60;
  for (int i = 0; i < n; ++i) key |= static_cast<uint64_t>(units[i]) << (12 * (n - 1 - i));
  return key;
}

struct Romanizer {
  // units[0] and units[1] are the word start and end; others: letter, latin.
  std::vector<std::pair<int, std::string>> units;
  // Candidate units per Arabic letter, most frequent first, and last the
  // end unit alone (the letter kArabicLetters).
  std::vector<std::vector<uint32_t>> by_letter;
  // Interpolated modified Kneser-Ney, computed at training (train.cc): an
  // n-gram seen (order 1 to `order`) has its discounted share of its
  // history's mass, a history its weight on the next lower order (the empty
  // history's, on the uniform distribution).
  int order = 0;
  std::unordered_map<uint64_t, float> discounted;  // NgramKey of history + unit
  std::unordered_map<uint64_t, float> backoff;     // NgramKey of history
  // text::MatchKey of an Arabic word -> its Latin (lower case), for words the
  // model alone would not spell as the data does.
  std::unordered_map<std::string, std::string> memory;
  // The words of the held-out split, kept apart in the file and empty in a
  // model loaded to be evaluated (Matcher::Load), each with the spelling
  // `printed` would give it. Only romanisation prints them: matching reads
  // the spellings it was measured with, `known`.
  std::unordered_map<std::string, std::string> heldout_memory;
  // Where the memory's reading of a training word is one of several as near
  // to all its spellings, the one the pair score finds likeliest, if
  // another: what romanisation prints (الحكيم: Alhakeem, read Ablikim).
  // Matching keeps the memory's, which its constants were chosen with.
  std::unordered_map<std::string, std::string> printed;
  // The Latin remembered for a match key, to print: `printed`, then either
  // memory; null if none.
  const std::string* Remembered(const std::string& key) const;
  // The memory again, Arabic letters -> Latin letters (alphabet indices).
  std::unordered_map<std::string, std::string> known;
  // Its short spellings (kShortName) by their Consonants (محمد and محمود
  // under م ح م د), sorted.
  std::unordered_map<std::string, std::vector<std::string>> short_by_consonants;
  // The memory by reading: Latin letters -> the spellings read so.
  std::unordered_map<std::string, std::vector<std::string>> by_reading;
  // `discounted` and `backoff` again, as Search reads them: the weight of
  // each seen history but the empty one (by its NgramKey, mixed), and for
  // each seen history and the letter after it, the shares of the n-grams
  // that end in one of that letter's candidates, in one run of `after`. One
  // lookup thus scores all the candidates after a history, where a table of
  // n-grams took a lookup each (a fifth of a whole-corpus ingest's time).
  struct Run {
    uint32_t begin = 0, end = 0;
  };
  text::internal::KeyTable<float> history_weight;
  text::internal::KeyTable<Run> runs;             // mixed NgramKey of history | letter << 48
  std::vector<std::pair<uint32_t, float>> after;  // (place among the letter's candidates, share)
  std::vector<double> unigram;                    // P(unit) after the empty history
  // Distinct for every table built in the process (by Rebuild): the key of
  // each thread's cache of decodings.
  uint64_t serial = 0;

  void Rebuild();  // by_letter from units, known from memory, the tables Search reads
  void BuildScoringTables();  // unigram, history_weight, runs and after
  // The most likely Latin spelling (lower case) of one word's letters, and
  // the units it is made of (one per letter). Names come back again and
  // again (a family name in many entities, a short name in many queries), so
  // each thread keeps up to kDecodings decodings, and starts afresh when
  // that many are kept.
  std::string Decode(std::string_view letters) const;
  std::vector<uint32_t> DecodeUnits(std::string_view letters) const;
  static constexpr size_t kDecodings = 1 << 15;
  std::vector<uint32_t> Search(std::string_view letters) const;  // the beam search itself
  // Sets logp[i] to log P(by_letter[letter][i] | the n units before it,
  // oldest first; the start unit first at the start of a word). The letter
  // kArabicLetters stands for the end of the word, whose one unit is 1.
  void ScoreNext(const uint32_t* before, int n, int letter, double* logp) const;
};

}  // namespace marsad::resolve::internal

namespace marsad::resolve {

struct Matcher::Model {
  ModelInfo info;
  internal::ArabicLatinModel arabic_latin;
  internal::EditModel arabic_arabic;
  internal::EditModel latin_latin;
  internal::Calibration cal_arabic_latin;
  internal::Calibration cal_arabic_arabic;
  internal::Calibration cal_latin_latin;
  internal::Romanizer romanizer;
};

namespace internal {
// Model file I/O (model_io.cc).
bool WriteModel(const Matcher::Model& model, const std::string& path, std::string* error);
bool ReadModel(const std::string& path, bool heldout_memory, Matcher::Model* model, std::string* error);
}  // namespace internal

}  // namespace marsad::resolve

#endif  // MARSAD_RESOLVE_INTERNAL_H_
