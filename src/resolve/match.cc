// Name-level scoring: token pairs from the pair models, tokens aligned in
// order with the first-name/surname structure; loading the model.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <unordered_map>

#include "resolve/internal.h"
#include "resolve/resolve.h"
#include "text/internal.h"

namespace marsad::resolve {
namespace {

// A token pair below this score is left unaligned rather than matched: a
// name matches only if its tokens do, one by one.
constexpr double kAlignFloor = kDefaultThreshold;
// Multipliers of the name score; see Combine.
constexpr double kConflict = 0.25;       // both names have a different token in one place
constexpr double kMissing = 0.97;        // a token only one name has (a middle name)
constexpr double kShortForm = 0.5;       // one token against a longer name
constexpr double kOneOfMany = 0.3;       // two longer names agreeing on one token only
constexpr double kReordered = 0.95;      // surname first in one of the names
constexpr size_t kMaxTokens = 12;
// Token scores for two Arabic spellings known to be different names.
constexpr double kVowelPatternCap = 0.4;  // see ShortVowelPattern
constexpr double kKnownApart = 0.5;       // both in the data, read differently
// A Latin spelling reads as a known spelling's reading when the Latin–Latin
// score of the two is at least this (Mohammed and Mohamed; not Saad and
// Said, 0.97, which the model takes for one name).
constexpr double kSameReading = 0.98;
// Token score multiplier for two Latin spellings one of which has a
// consonant w the other lacks; see ExtraW.
constexpr double kExtraW = 0.5;
// How much less likely (log, Arabic–Latin model) the known reading of one
// spelling may be for the other than the other's own romanisation; chosen
// on a development split of the training data, with محمد/محمود kept apart.
constexpr float kReadingMargin = 4.0f;

struct Match {
  size_t i, j;
};

// Whether a token is a function word (في، من، عن; of, in, the): a name of
// a body or a phrase, not of a man, has one.
bool IsFunctionWord(const NameToken& t) {
  if (t.arabic) return text::IsFunctionWord(internal::ArabicText(t.letters));
  static const std::vector<std::string> kLatin = [] {
    std::vector<std::string> words;
    for (const char* word : {"of", "in", "the", "for", "and", "de"}) {
      internal::LatinWordLetters(word, &words.emplace_back());
    }
    return words;
  }();
  return std::find(kLatin.begin(), kLatin.end(), t.letters) != kLatin.end();
}

// The score of two names from the scores of their token pairs, s[i * stride
// + col[j]] for token i of A and token j of B (col permutes B's order).
// If `moved` is a position of B's order, the alignment counts only if it
// matches B's token there: a reordering that matches nothing it moved
// explains nothing. No allocation: names have at most kMaxTokens tokens.
constexpr size_t kNoneMoved = kMaxTokens;
double Combine(const Matcher& matcher, const double* s, size_t stride, const NameToken* a, const NameToken* b,
               size_t n, size_t m, const size_t* col, size_t moved = kNoneMoved) {
  auto score = [&](size_t i, size_t j) { return s[i * stride + col[j]]; };
  // Monotone alignment maximising the summed margin over kAlignFloor.
  constexpr size_t w = kMaxTokens + 1;
  double best[w * w];
  for (size_t j = 0; j <= m; ++j) best[j] = 0;
  for (size_t i = 1; i <= n; ++i) {
    best[i * w] = 0;
    for (size_t j = 1; j <= m; ++j) {
      double here = std::max(best[(i - 1) * w + j], best[i * w + j - 1]);
      const double sc = score(i - 1, j - 1);
      if (sc >= kAlignFloor) here = std::max(here, best[(i - 1) * w + j - 1] + sc - kAlignFloor);
      best[i * w + j] = here;
    }
  }
  Match matches[kMaxTokens];
  size_t count = 0;
  for (size_t i = n, j = m; i > 0 && j > 0;) {
    const double sc = score(i - 1, j - 1);
    if (sc >= kAlignFloor && best[i * w + j] == best[(i - 1) * w + j - 1] + sc - kAlignFloor) {
      matches[count++] = {i - 1, j - 1};
      --i;
      --j;
    } else if (best[i * w + j] == best[(i - 1) * w + j]) {
      --i;
    } else {
      --j;
    }
  }
  if (count == 0) {
    double top = 0;
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < m; ++j) top = std::max(top, s[i * stride + j]);
    }
    return 0.5 * top;
  }
  std::reverse(matches, matches + count);
  if (moved != kNoneMoved &&
      std::none_of(matches, matches + count, [moved](const Match& mt) { return mt.j == moved; })) {
    return 0;
  }
  double sum = 0, weight = 0;
  for (size_t k = 0; k < count; ++k) {
    const Match& mt = matches[k];
    const double wgt = static_cast<double>(std::max(a[mt.i].letters.size(), b[col[mt.j]].letters.size()));
    sum += wgt * score(mt.i, mt.j);
    weight += wgt;
  }
  double result = sum / weight;
  size_t missing_a = 0, missing_b = 0, conflicts = 0;
  auto gap = [&](size_t skipped_a, size_t skipped_b) {
    if (skipped_a > 0 && skipped_b > 0) {
      ++conflicts;
    } else {
      missing_a += skipped_a;
      missing_b += skipped_b;
    }
  };
  gap(matches[0].i, matches[0].j);
  for (size_t k = 1; k < count; ++k) {
    gap(matches[k].i - matches[k - 1].i - 1, matches[k].j - matches[k - 1].j - 1);
  }
  const size_t tail_a = n - 1 - matches[count - 1].i, tail_b = m - 1 - matches[count - 1].j;
  gap(tail_a, tail_b);
  // One name goes on after the other's last word with a family name, and
  // the other has a word of its own before it: the other's last word is a
  // middle name of the first (a father), not its surname, so two men.
  // «علي بن صالح الرميح» is not «علي عبد الله صالح», whose surname is صالح.
  // A middle name missing on one side only, or a surname, is still one name;
  // and a word the tagger ran on after a name is no family name
  // (BeginsFamilyName).
  if ((tail_a > 0 && tail_b == 0 && missing_b > 0 && internal::BeginsFamilyName(a[matches[count - 1].i + 1])) ||
      (tail_b > 0 && tail_a == 0 && missing_a > 0 && internal::BeginsFamilyName(b[col[matches[count - 1].j + 1]]))) {
    ++conflicts;
  }
  // One name begins before the other's first word, and the other has three
  // words or more (a man's own name, his father's and his family's): the
  // first is a son named after him («أحمد علي عبد الله صالح», Ahmed, son of
  // Ali Abdullah Saleh). Two words may be a short form that leaves out the
  // given name (منصور هادي for عبد ربه منصور هادي); a title is no given
  // name (Sheikh), and a word with the article before a name is a title or
  // an adjective the tagger ran in («الأيمن حسن معاذ», the right back Hassan
  // Muath): one of the words before must be neither. In the names' own
  // order only (there `col` is the identity).
  // Names of bodies are no such chains: «THE ORGANIZATION OF AL-QAIDA IN
  // THE ISLAMIC MAGHREB» against «al-Qaeda in the Maghreb». (على, on, run
  // into a name is not told from علي, Ali: the match key folds ى.)
  const size_t head_a = matches[0].i, head_b = matches[0].j;
  const auto given_name = [&](const NameToken& t) { return t.article == 0 && !matcher.IsTitle(t); };
  if (moved == kNoneMoved && (head_a == 0) != (head_b == 0) && (head_a > 0 ? m : n) >= 3 &&
      std::none_of(a, a + n, IsFunctionWord) && std::none_of(b, b + m, IsFunctionWord) &&
      (head_a > 0 ? std::any_of(a, a + head_a, given_name) : std::any_of(b, b + head_b, given_name))) {
    ++conflicts;
  }
  const size_t missing = missing_a + missing_b;
  for (size_t k = 0; k < conflicts; ++k) result *= kConflict;
  if (count >= 2) {
    for (size_t k = 0; k < missing; ++k) result *= kMissing;
  } else if (std::min(n, m) == 1) {
    for (size_t k = 0; k < missing; ++k) result *= k == 0 ? kShortForm : 0.9;
  } else {
    result *= kOneOfMany;
  }
  return result;
}

// Whether two Arabic tokens are عبد compounds (PrepareName joins them) of
// two names of God: عبد الرحيم and عبد الرحمن, عبد المجيد and عبد الحميد,
// عبد الإله and عبد الله are two names each, which the edit model, learnt
// from foreign names, lets stand for one another (0.96–0.999). Arabic
// writes them one way, but for vowel letters (عبد الرحمان and عبد المالك,
// as the Maghreb writes عبد الرحمن and عبد الملك): the same consonants, and
// الله itself exactly (الإله is a name of its own).
bool AbdCompoundsDiffer(std::string_view a, std::string_view b) {
  static const std::string kAbd = {static_cast<char>(internal::ArabicIndex(U'ع')),
                                   static_cast<char>(internal::ArabicIndex(U'ب')),
                                   static_cast<char>(internal::ArabicIndex(U'د'))};
  // الله after its article, the stem PrepareName keeps, or written
  // without the article's alef (عبدلله).
  static const char kLam = static_cast<char>(internal::ArabicIndex(U'ل'));
  static const std::string kGod = {kLam, static_cast<char>(internal::ArabicIndex(U'ه'))};
  static const std::string kGodUnwritten = kLam + kGod;
  const auto god = [](std::string_view name) { return name == kGod || name == kGodUnwritten; };
  if (a.size() < kAbd.size() + 2 || b.size() < kAbd.size() + 2 || !a.starts_with(kAbd) || !b.starts_with(kAbd)) {
    return false;
  }
  a.remove_prefix(kAbd.size());
  b.remove_prefix(kAbd.size());
  if (god(a) || god(b)) return god(a) != god(b);
  // The hamza is no consonant here: الرءوف and الرؤوف (whose ؤ the match
  // key reads و) are one name.
  static const char kHamza = static_cast<char>(internal::ArabicIndex(U'ء'));
  std::string x = internal::Consonants(a), y = internal::Consonants(b);
  std::erase(x, kHamza);
  std::erase(y, kHamza);
  return x != y;
}

// The table of Arab names (internal::ArabNameSpellings), which has one
// spelling a name, as PrepareName makes its names tokens: عبد compounds as
// one word, their article left out (عبدمجيد); and its names by the Latin
// the press spells them with.
struct ArabNames {
  text::internal::StringSet letters;
  std::unordered_map<std::string, std::vector<std::string>, text::internal::StringViewHash, std::equal_to<>>
      by_latin;
};
const ArabNames& TableOfArabNames() {
  static const ArabNames table = [] {
    ArabNames names;
    for (const auto& [key, latin] : internal::ArabNameSpellings()) {
      const PreparedName arabic = PrepareName(key);
      const PreparedName press = PrepareName(latin);
      if (arabic.tokens.size() != 1) continue;
      names.letters.insert(arabic.tokens[0].letters);
      if (press.tokens.size() == 1) names.by_latin[press.tokens[0].letters].push_back(arabic.tokens[0].letters);
    }
    return names;
  }();
  return table;
}

// Whether two different Arabic spellings (letters) are both names of the
// table of Arab names.
bool TwoArabNames(std::string_view x, std::string_view y) {
  const auto& names = TableOfArabNames().letters;
  return x != y && names.contains(x) && names.contains(y);
}

// Whether an Arabic spelling of the table of Arab names and a Latin (letters)
// are two names: the Latin is how the press spells another of its names
// (رياض, Riyad, and Raed, رائد's; محمود and Mohammed).
bool AnotherArabName(std::string_view arabic, std::string_view latin) {
  const ArabNames& names = TableOfArabNames();
  if (!names.letters.contains(arabic)) return false;
  const auto spelt = names.by_latin.find(latin);
  return spelt != names.by_latin.end() &&
         std::find(spelt->second.begin(), spelt->second.end(), arabic) == spelt->second.end();
}

// Whether two Arabic spellings differ only in long-vowel letters (ا و ي)
// and are short. Arabic's own short names are told apart by exactly that
// (سعد and سعيد, عمر and عامر, محمد and محمود), while the vowel letters that
// come and go in transliterations are those of foreign names; the rule
// applies when both are spellings the data knows.
bool ShortVowelPattern(std::string_view x, std::string_view y) {
  if (x.size() > internal::kShortName || y.size() > internal::kShortName || x == y) return false;
  return internal::Consonants(x) == internal::Consonants(y);
}

// internal::ArabicLettersKey of one Arabic word's letters.
std::string LettersKey(std::string_view letters) {
  return internal::ArabicLettersKey({true, std::string(letters), 0, {}});
}

// Whether two Arabic stems are family names of the nisba form (ending in ي)
// with different consonants, whichever they are (see TokenScore).
bool NisbaConsonantsDiffer(std::string_view x, std::string_view y) {
  static const char yeh = static_cast<char>(internal::ArabicIndex(U'\u064A'));  // ي
  if (x.size() < 3 || y.size() < 3 || x.back() != yeh || y.back() != yeh) return false;
  return internal::Consonants(x) != internal::Consonants(y);
}

// Whether an Arabic spelling (letters) writes every vowel of its reading
// (Latin letters) with a long-vowel letter, as the transliteration of a
// foreign name does (فورد, Ford; هايدي, Haydee), where Arabic names leave
// short vowels unwritten (محمد, Mohamed; سعد, Saad; عمر, Omar). Vowels are
// counted as runs; a y before a vowel and a word-initial و or ي are
// consonants (Yusuf, وليد), and so is a final e after a consonant (Horace).
bool WrittenInFull(std::string_view arabic, std::string_view latin) {
  static const int alef = internal::ArabicIndex(U'\u0627');  // ا
  size_t written = 0;
  bool in_run = false;
  for (size_t i = 0; i < arabic.size(); ++i) {
    const int c = static_cast<uint8_t>(arabic[i]);
    const bool vowel = internal::IsLongVowel(c) && (i > 0 || c == alef);
    written += vowel && !in_run;
    in_run = vowel;
  }
  constexpr int kE = 'e' - 'a', kY = 'y' - 'a';
  size_t end = latin.size();
  if (end > 2 && latin[end - 1] == kE && !internal::IsLatinVowel(latin[end - 2])) --end;
  size_t spoken = 0;
  in_run = false;
  for (size_t i = 0; i < end; ++i) {
    const bool before_vowel = i + 1 < end && internal::IsLatinVowel(latin[i + 1]);
    const bool vowel = internal::IsLatinVowel(latin[i]) && !(latin[i] == kY && before_vowel);
    spoken += vowel && !in_run;
    in_run = vowel;
  }
  return written >= spoken;
}

// Whether one of two Latin spellings (alphabet indices) has a w that the
// other does not write at all. Latin w writes the glide و, which other
// spellings of the name write as u, o or ou (Allawi and Aloui, Cowan and
// Kuon) or as v (Pawel and Bavel): the two then have as many runs of u, o
// and w. A w with no such counterpart is a consonant the other name lacks
// (Marwell and Marela, Wilfredo and Alfredo, Kwippler and Kepler). Blocking
// keys ignore w, so exactly these pairs reach the scorer, and the edit
// model charges the w no more than an inserted vowel.
bool ExtraW(std::string_view x, std::string_view y) {
  constexpr char kO = 'o' - 'a', kU = 'u' - 'a', kV = 'v' - 'a', kW = 'w' - 'a';
  const bool wx = x.find(kW) != std::string_view::npos;
  const bool wy = y.find(kW) != std::string_view::npos;
  if (wx == wy || (wx ? y : x).find(kV) != std::string_view::npos) return false;
  auto rounded_runs = [](std::string_view s) {
    size_t runs = 0;
    bool in_run = false;
    for (char c : s) {
      const bool rounded = c == kO || c == kU || c == kW;
      runs += rounded && !in_run;
      in_run = rounded;
    }
    return runs;
  };
  return rounded_runs(x) != rounded_runs(y);
}

// Whether FoldLatin changes s: it has ph or a doubled letter. Most names
// have neither, and this test, run on every pair of Latin tokens scored,
// builds no string.
bool FoldsLatin(std::string_view s) {
  constexpr char kH = 'h' - 'a', kP = 'p' - 'a';
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] == s[i - 1] || (s[i - 1] == kP && s[i] == kH)) return true;
  }
  return false;
}

// Latin letters (alphabet indices) with ph read as f and doubled letters
// written once.
std::string FoldLatin(std::string_view s) {
  constexpr char kF = 'f' - 'a', kH = 'h' - 'a', kP = 'p' - 'a';
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == kP && i + 1 < s.size() && s[i + 1] == kH) {
      c = kF;
      ++i;
    }
    if (!out.empty() && out.back() == c) continue;
    out += c;
  }
  return out;
}

// A fixed order on tokens and on prepared names, so that TokenScore(a, b)
// and MatchScore(a, b) compute exactly what TokenScore(b, a) and
// MatchScore(b, a) do (a cache of token scores may then be keyed either way).
bool TokenBefore(const NameToken& x, const NameToken& y) {
  return std::tie(x.arabic, x.letters, x.article) < std::tie(y.arabic, y.letters, y.article);
}
bool Before(const PreparedName& a, const PreparedName& b) {
  return std::lexicographical_compare(a.tokens.begin(), a.tokens.end(), b.tokens.begin(),
                                      b.tokens.end(), TokenBefore);
}

// The calibrated Arabic–Latin letter model's score of a spelling (Arabic
// letters) and a Latin (alphabet indices), with a Latin v also read as w:
// Persian names write the glide و v (Safavi, Velayati, Alavi), the data's
// mostly Arabic names w (Safawi, Alawi), and the model had learnt و as v
// only at the start of a word (صفوي against Safavi scored 0.24).
double ArabicLatinScore(const Matcher::Model& m, std::string_view arabic, std::string_view latin) {
  const auto score = [&](std::string_view l) {
    return m.cal_arabic_latin.Score(m.arabic_latin.LogLikelihoodRatio(arabic, l), arabic.size(), l.size(), 0);
  };
  double best = score(latin);
  constexpr char kV = 'v' - 'a', kW = 'w' - 'a';
  if (latin.find(kV) == std::string_view::npos) return best;
  std::string w(latin);
  std::replace(w.begin(), w.end(), kV, kW);
  return std::max(best, score(w));
}

}  // namespace

namespace internal {

bool BeginsFamilyName(const NameToken& t) {
  static const std::string kAl = {static_cast<char>(ArabicIndex(U'ا')), static_cast<char>(ArabicIndex(U'ل'))};
  static const char kYeh = static_cast<char>(ArabicIndex(U'ي'));
  if (IsFunctionWord(t)) return false;
  if (t.article > 0) return true;
  return t.arabic && (t.letters == kAl || (t.letters.size() >= 4 && t.letters.back() == kYeh && t.letters[0] != kYeh));
}

// Whether two names are the same letters in the same scripts, spaced
// differently: كتيبة ما وراء النهر and كتيبة ماوراء النهر (the Transoxiana
// Battalion), أبو ظبي and أبوظبي. Token by token alignment cannot see it.
bool SameLettersRespaced(const PreparedName& a, const PreparedName& b) {
  if (a.tokens.size() == b.tokens.size()) return false;
  size_t ta = 0, tb = 0, ia = 0, ib = 0;
  bool any = false;
  const auto skip_empty = [](const PreparedName& p, size_t* t) {
    while (*t < p.tokens.size() && p.tokens[*t].letters.empty()) ++*t;
  };
  for (;;) {
    skip_empty(a, &ta);
    skip_empty(b, &tb);
    if (ta == a.tokens.size() || tb == b.tokens.size()) break;
    const NameToken& x = a.tokens[ta];
    const NameToken& y = b.tokens[tb];
    if (x.arabic != y.arabic || x.letters[ia] != y.letters[ib]) return false;
    any = true;
    if (++ia == x.letters.size()) ++ta, ia = 0;
    if (++ib == y.letters.size()) ++tb, ib = 0;
  }
  return any && ta == a.tokens.size() && tb == b.tokens.size();
}

}  // namespace internal

Matcher::Matcher(std::unique_ptr<Model> model) : model_(std::move(model)) {}
Matcher::~Matcher() = default;

std::unique_ptr<Matcher> Matcher::Load(const std::string& path, std::string* error, bool heldout_memory) {
  auto model = std::make_unique<Model>();
  if (!internal::ReadModel(path, heldout_memory, model.get(), error)) return nullptr;
  return std::unique_ptr<Matcher>(new Matcher(std::move(model)));
}

const ModelInfo& Matcher::info() const { return model_->info; }

double Matcher::TokenScore(const NameToken& a_in, const NameToken& b_in) const {
  const bool swap = TokenBefore(b_in, a_in);
  const NameToken& a = swap ? b_in : a_in;
  const NameToken& b = swap ? a_in : b_in;
  if (a.letters.empty() || b.letters.empty()) return 0;
  if (a.arabic == b.arabic && a.letters == b.letters) return 1;
  const auto& known = model_->romanizer.known;
  auto latin_latin = [this](std::string_view x, std::string_view y) -> double {
    if (x == y) return 1;
    const double score = model_->cal_latin_latin.Score(model_->latin_latin.LogLikelihoodRatio(x, y), x.size(),
                                                       y.size(), 0);
    return ExtraW(x, y) ? kExtraW * score : score;
  };
  auto pair = [&](std::string_view x, std::string_view y) -> double {
    if (!a.arabic && !b.arabic) {
      // Also scored with doubled letters and ph folded (Phinney/Fini,
      // Cammell/Camiel), which the letter-by-letter edit model charges for.
      const double edit = latin_latin(x, y);
      if (!FoldsLatin(x) && !FoldsLatin(y)) return edit;
      return (edit + latin_latin(FoldLatin(x), FoldLatin(y))) / 2;
    }
    if (a.arabic && b.arabic) {
      // Two names of the curated table of Arab names are two names: the
      // edit model, learnt from transliterations, lets علاء and ضياء (Alaa,
      // Diaa), طارق and تركي (Tariq, Turki) stand for one another.
      if (TwoArabNames(x, y)) return kVowelPatternCap;
      // Two spellings the data knows are compared by how they are read:
      // محمد (Mohamed) and محمود (Mahmoud) differ by one written vowel, as
      // variants of a foreign name often do, but are two names.
      const auto kx = known.find(std::string(x)), ky = known.find(std::string(y));
      if (kx != known.end() && ky != known.end()) {
        // Unless the data reads both alike and both write every vowel of
        // that reading, as foreign names do: ميشال and ميشيل (Michel); not
        // جمال and جميل (Jamal, Jamil), nor سام and سيم (Sam, Sim).
        if (ShortVowelPattern(x, y) &&
            !(kx->second == ky->second && WrittenInFull(x, kx->second) && WrittenInFull(y, ky->second))) {
          return kVowelPatternCap;
        }
        // Read differently in the data: two names (Said and Saad), unless
        // the two spellings have the same consonants (the letters of a
        // foreign g as one) and last letter, and the readings are one name
        // by the Latin–Latin model as surely as a Latin must be to read as
        // a known spelling: فينجر and فينغر, read Wenger and Venger (the
        // data gives a spelling one reading of the many it has). زيد and
        // سعيد (Zayd, Said), which that model takes for one name, differ in
        // consonants; فرهاد and فرهادي (Farhad, Farhadi), which it takes
        // for one too, in the vowel letter that ends the second.
        if (kx->second == ky->second) return 1.0;
        const double readings = latin_latin(kx->second, ky->second);
        if (readings >= kSameReading && x.back() == y.back() && LettersKey(x) == LettersKey(y)) {
          return readings;
        }
        return kKnownApart * readings;
      }
      const float ratio = model_->arabic_arabic.LogLikelihoodRatio(x, y);
      const double edit = model_->cal_arabic_arabic.Score(ratio, x.size(), y.size(),
                                                          model_->arabic_arabic.Shortfall(x, y, ratio));
      // The romanisation of a spelling the data does not know, as letters.
      auto decode = [this](std::string_view spelling) {
        std::string latin;
        for (char c : model_->romanizer.Decode(spelling)) latin += static_cast<char>(c - 'a');
        return latin;
      };
      if (kx == known.end() && ky == known.end()) {
        // Neither is known: two short spellings one vowel letter apart are
        // one name only if both write their vowels in full, as a foreign
        // name does; حميد and حمد (Hamid and Hamad) are two.
        if (edit <= kVowelPatternCap || !ShortVowelPattern(x, y)) return edit;
        return WrittenInFull(x, decode(x)) && WrittenInFull(y, decode(y))
                   ? edit
                   : std::min(edit, kVowelPatternCap);
      }
      // One spelling is known: the other is scored as a spelling of its
      // reading too (a pivot through the Arabic–Latin model), and the two
      // scores averaged.
      const bool x_known = kx != known.end();
      const std::string_view other = x_known ? y : x;
      const std::string& reading = x_known ? kx->second : ky->second;
      const float as_known = model_->arabic_latin.LogLikelihoodRatio(other, reading);
      const double pivot = model_->cal_arabic_latin.Score(as_known, other.size(), reading.size(), 0);
      const double both = (edit + pivot) / 2;
      if (both <= kVowelPatternCap || !ShortVowelPattern(x, y)) return both;
      // A short spelling one vowel letter from a known one is a variant of
      // a foreign name or another Arabic name the data does not know (محمود,
      // Mahmoud, against محمد, Mohamed): the known reading must explain it
      // nearly as well as its own romanisation does.
      const std::string decoded = decode(other);
      if (decoded.empty()) return kVowelPatternCap;
      // Both spellings written in full: a foreign name, whose vowel letters
      // come and go between transliterations.
      if (WrittenInFull(other, decoded) && WrittenInFull(x_known ? x : y, reading)) return both;
      const float as_decoded = model_->arabic_latin.LogLikelihoodRatio(other, decoded);
      return as_known >= as_decoded - kReadingMargin ? both : std::min(both, kVowelPatternCap);
    }
    if (!a.arabic) std::swap(x, y);
    const double model = ArabicLatinScore(*model_, x, y);
    if (AnotherArabName(x, y)) return std::min(model, kVowelPatternCap);
    const auto kx = known.find(std::string(x));
    if (kx == known.end()) return model;
    // A known spelling: its reading counts as much as the letter model.
    const double reading = latin_latin(kx->second, y);
    const double score = std::max(reading, (model + reading) / 2);
    if (score <= kVowelPatternCap) return score;
    // A Latin that is exactly how the data reads another known name, of
    // other letters that explain it at least as well, is that name: Vahid is
    // وحيد, not فهد (Fahd), though the Latin–Latin model scores Fahd and
    // Vahid 0.99. Rouhani is still روحاني, whose letters explain it better
    // than those of رواني, the only spelling the data reads so.
    if (y != kx->second) {
      const auto readers = model_->romanizer.by_reading.find(std::string(y));
      if (readers != model_->romanizer.by_reading.end()) {
        const std::string letters_key = LettersKey(x);
        for (const std::string& other : readers->second) {
          if (LettersKey(other) != letters_key && ArabicLatinScore(*model_, other, y) >= model) {
            return kVowelPatternCap;
          }
        }
      }
    }
    // A Latin that reads as another short Arabic name one vowel letter away
    // (Saad as سعد, not سعيد; Omar as عمر, not عامر) is that name, as the
    // Arabic–Arabic rule has it, unless both are foreign names written in
    // full, or the letters of this one explain it at least as well: the data reads
    // ناصر Nasr and Nasser, the memory keeps Nasr, and نصار (Nassar) is read
    // nearer Nasser, which had made ناصر and Nasser two names. Only for a known spelling: an unknown one is as often another
    // spelling of the same name (held-out Arabic–Latin recall fell from
    // 0.979 to 0.944 when the rule took unknown spellings too).
    const auto bucket = model_->romanizer.short_by_consonants.find(internal::Consonants(x));
    if (bucket == model_->romanizer.short_by_consonants.end()) return score;
    for (const std::string& other : bucket->second) {
      const std::string& other_reading = known.at(other);
      if (other == x || other_reading == kx->second) continue;
      const double as_other = latin_latin(other_reading, y);
      if (as_other >= kSameReading && as_other > reading &&
          !(WrittenInFull(x, kx->second) && WrittenInFull(other, other_reading)) &&
          ArabicLatinScore(*model_, other, y) > model) {
        return kVowelPatternCap;
      }
    }
    return score;
  };
  double best = pair(a.letters, b.letters);
  if (a.article > 0 || b.article > 0) {
    const std::string_view stem_a = std::string_view(a.letters).substr(a.article);
    const std::string_view stem_b = std::string_view(b.letters).substr(b.article);
    if (!stem_a.empty() && !stem_b.empty()) {
      // The article written on one side only is a small difference.
      const double penalty = a.article > 0 && b.article > 0 ? 0 : 0.08;
      const double stems = a.arabic == b.arabic && stem_a == stem_b ? 1 : pair(stem_a, stem_b);
      // With the article on both sides, the stems alone are compared: the
      // two shared letters would only make the difference look smaller.
      best = penalty == 0 ? stems : std::max(best, stems - penalty);
      // A word written with the article is Arabic, and Arabic spells its
      // own names one way: العساف and الصافي are two families, الزيلعي and
      // صلوي two, while the edit model, trained mostly on foreign names,
      // lets ز, ظ and ش, or ع and ا, stand for one another. Family names of
      // the nisba form (ending in ي) differ in every consonant, even those
      // a foreign g is written with: الزهراني, الظهراني, الشهراني (az-Zahrani,
      // adh-Dhahrani, ash-Shahrani), الكبيسي and القبيسي. (The held-out
      // pairs this costs are Arabic names against spellings made back from
      // their Latin: القذافي and غادفي.) Where one side only has the
      // article, it may be a foreign Al- (اليكسييف, ألكسييف: Alexeyev), so
      // the whole words may have the same letters instead.
      const auto whole = [](NameToken t) {
        t.article = 0;
        return t;
      };
      if (a.arabic && b.arabic &&
          (NisbaConsonantsDiffer(stem_a, stem_b) ||
           !(internal::SameArabicLetters(a, b) ||
             (penalty > 0 && internal::SameArabicLetters(whole(a), whole(b)))))) {
        best = std::min(best, kVowelPatternCap);
      }
    }
  }
  if (a.arabic && b.arabic && AbdCompoundsDiffer(a.letters, b.letters)) best = std::min(best, kVowelPatternCap);
  return std::clamp(best, 0.0, 1.0);
}

bool Matcher::WritesItsVowels(const NameToken& t) const {
  if (!t.arabic || t.letters.empty()) return false;
  const std::string_view letters = std::string_view(t.letters).substr(t.article);
  const auto known = model_->romanizer.known.find(std::string(letters));
  if (known != model_->romanizer.known.end()) return WrittenInFull(letters, known->second);
  std::string latin;
  for (char c : model_->romanizer.Decode(letters)) latin += static_cast<char>(c - 'a');
  return WrittenInFull(letters, latin);
}

bool Matcher::IsTitle(const NameToken& t) const {
  constexpr double kTitleScore = 0.9;
  static const std::vector<NameToken> titles = [] {
    std::vector<NameToken> tokens;
    for (const char* title :
         {"sheikh", "haji", "doctor", "mullah", "mawlawi", "maulavi", "molvi", "maulana", "mufti", "qari",
          // sheikh, hajj, doctor, mullah, mawlawi, qari, mufti (each with
          // and without the article)
          "شيخ", "الشيخ", "حاج", "الحاج", "حاجي", "دكتور", "الدكتور", "ملا", "الملا", "مولوي", "المولوي",
          "قاري", "القاري", "مفتي", "المفتي"}) {
      for (NameToken& token : PrepareName(title).tokens) tokens.push_back(std::move(token));
    }
    return tokens;
  }();
  static const NameToken dr = PrepareName("dr").tokens.at(0);
  if (t.arabic == dr.arabic && t.letters == dr.letters) return true;
  return std::any_of(titles.begin(), titles.end(), [&](const NameToken& title) {
    return title.key == t.key && TokenScore(t, title) >= kTitleScore;
  });
}

double Matcher::MatchScore(const PreparedName& a, const PreparedName& b) const {
  const size_t n = std::min(a.tokens.size(), kMaxTokens), m = std::min(b.tokens.size(), kMaxTokens);
  if (n == 0 || m == 0) return 0;
  double s[kMaxTokens * kMaxTokens];
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) s[i * m + j] = TokenScore(a.tokens[i], b.tokens[j]);
  }
  return CombineTokenScores(a, b, s);
}

double Matcher::CombineTokenScores(const PreparedName& a_in, const PreparedName& b_in,
                                   const double* s_in) const {
  const size_t n_in = std::min(a_in.tokens.size(), kMaxTokens);
  const size_t m_in = std::min(b_in.tokens.size(), kMaxTokens);
  if (n_in == 0 || m_in == 0) return 0;
  if (internal::SameLettersRespaced(a_in, b_in)) return 1;
  // In the fixed order of the two names, the matrix transposed if need be.
  const bool swap = Before(b_in, a_in);
  const PreparedName& a = swap ? b_in : a_in;
  const PreparedName& b = swap ? a_in : b_in;
  const size_t n = swap ? m_in : n_in, m = swap ? n_in : m_in;
  double transposed[kMaxTokens * kMaxTokens];
  const double* s = s_in;
  if (swap) {
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < m; ++j) transposed[i * m + j] = s_in[j * n + i];
    }
    s = transposed;
  }
  size_t col[kMaxTokens];
  for (size_t j = 0; j < m; ++j) col[j] = j;
  const NameToken* ta = a.tokens.data();
  const NameToken* tb = b.tokens.data();
  double best = Combine(*this, s, m, ta, tb, n, m, col);
  // Sons of two fathers: both names write a father after the first name
  // (عبدالله بن عبدالعزيز, عبدالله بن مساعد بن عبدالعزيز), the first names
  // match and the fathers do not. The grandfather matching the other's
  // father would otherwise make the father look like a missing middle name.
  // So with grandfathers, and further back: فيصل بن بندر بن خالد and فيصل بن
  // بندر بن عبدالعزيز are two princes, عبدالله بن صالح بن جمعة and عبدالله بن
  // صالح بن عبدالرحمن two men. A name written without بن, of three words or
  // more, names its father second too, and its grandfather third: «خالد
  // محمد عبدالله الشحي» is Khalid, son of Mohammed, and so not «خالد بن
  // عبدالله» (Khalid, son of Abdullah). Not a word that begins a family name
  // (nor so a father's name ending in ي, حسني, which looks like one), a
  // title (محمد حاج علي), the first word of «X الله» or «X الدين» (حسن نصر
  // الله), nor in a name with ولد (son of, as the Maghreb writes it, a word
  // PrepareName keeps: محمد ولد عبد العزيز is Mohamed Ould Abdel Aziz). The
  // fathers are compared up to the first word that names none.
  const auto names_ancestor = [this](const PreparedName& p, size_t k) {
    static const NameToken kOuld = PrepareName("ولد").tokens.at(0);
    const auto stem = [](const char* word) {
      const NameToken t = PrepareName(word).tokens.at(0);
      return t.letters.substr(t.article);
    };
    static const std::string kGod = stem("الله"), kReligion = stem("الدين");
    const auto& t = p.tokens;
    if (t[k].after_link) return true;
    if (t.size() < 3 || k + 1 >= t.size() || internal::BeginsFamilyName(t[k]) || IsTitle(t[k])) return false;
    const std::string_view next = std::string_view(t[k + 1].letters).substr(t[k + 1].article);
    if (t[k + 1].arabic && (next == kGod || next == kReligion)) return false;
    return std::none_of(t.begin(), t.end(), [](const NameToken& x) {
      return x.after_link || (x.arabic == kOuld.arabic && x.letters == kOuld.letters);
    });
  };
  bool ancestors_differ = false;
  if (n > 1 && m > 1 && s[0] >= kAlignFloor) {
    for (size_t k = 1; k < n && k < m && (a.tokens[k].after_link || b.tokens[k].after_link) &&
                       names_ancestor(a, k) && names_ancestor(b, k);
         ++k) {
      if (s[k * m + k] < kAlignFloor) {
        ancestors_differ = true;
        break;
      }
    }
  }
  if (n > 1 && m > 1) {
    // Surname first in B (or in A, which is the same relative order): B's
    // first token moved last, or its last moved first. "وليد بن محمد
    // الصمعاني" and "وليد بن محمد الحميدي" are not one name with the
    // surname moved and missing at both ends.
    std::rotate(col, col + 1, col + m);
    best = std::max(best, kReordered * Combine(*this, s, m, ta, tb, n, m, col, m - 1));
    if (m > 2) {  // with two words, moving the last first is the same order
      std::rotate(col, col + m - 2, col + m);
      best = std::max(best, kReordered * Combine(*this, s, m, ta, tb, n, m, col, 0));
    }
  }
  if (ancestors_differ) best *= kConflict;
  return std::clamp(best, 0.0, 1.0);
}

double Matcher::MatchScore(std::string_view a, std::string_view b) const {
  return MatchScore(PrepareName(a), PrepareName(b));
}

std::string DefaultModelPath() {
  namespace fs = std::filesystem;
  const char* dir = std::getenv("MARSAD_MODEL_DIR");
  if (dir != nullptr && *dir != '\0') return (fs::path(dir) / "translit.model").string();
  std::vector<fs::path> candidates;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back(exe.parent_path() / ".." / "models" / "translit.model");
    candidates.push_back(exe.parent_path() / ".." / ".." / "models" / "translit.model");
  }
  // This file is src/resolve/match.cc of the source tree.
  const fs::path source = fs::path(__FILE__).parent_path().parent_path().parent_path() /
                          "models" / "translit.model";
  for (const fs::path& p : candidates) {
    if (fs::exists(p, ec)) return p.lexically_normal().string();
  }
  return source.lexically_normal().string();
}

const Matcher* DefaultMatcher(std::string* error) {
  static std::once_flag once;
  static std::unique_ptr<Matcher> matcher;
  static std::string load_error;
  std::call_once(once, [] { matcher = Matcher::Load(DefaultModelPath(), &load_error); });
  if (matcher == nullptr && error != nullptr) *error = load_error;
  return matcher.get();
}

}  // namespace marsad::resolve
