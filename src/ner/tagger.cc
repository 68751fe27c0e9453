// Tagging: features, emission scores, constrained Viterbi, confidences.
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <optional>
#include <unordered_map>

#include "ner/internal.h"
#include "text/internal.h"

namespace marsad::ner {

namespace internal {

const char* LabelName(int label) {
  static const char* const kNames[kLabels] = {"O",     "B-PER", "I-PER", "B-LOC", "I-LOC",
                                              "B-ORG", "I-ORG", "B-MISC", "I-MISC"};
  return label >= 0 && label < kLabels ? kNames[label] : "O";
}

std::vector<uint8_t> ToLabels(const std::vector<std::string>& tags) {
  std::vector<uint8_t> labels(tags.size(), kO);
  int prev = kO;
  for (size_t i = 0; i < tags.size(); ++i) {
    const std::string_view t = tags[i];
    int label = kO;
    if (t.size() > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-') {
      if (auto type = ParseEntityType(t.substr(2))) {
        label = BeginOf(*type);
        if (t[0] == 'I' && prev != kO && TypeOf(prev) == *type) ++label;
      }
    }
    labels[i] = static_cast<uint8_t>(label);
    prev = label;
  }
  return labels;
}

std::vector<std::string> NormalizeWords(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (const std::string& w : words) out.push_back(text::Normalize(w).text);
  return out;
}

void Viterbi(const std::vector<float>& scores, const float (*transitions)[kLabels], size_t n,
             std::vector<uint8_t>* labels) {
  labels->assign(n, kO);
  if (n == 0) return;
  constexpr float kNever = -std::numeric_limits<float>::infinity();
  std::vector<float> best(n * kLabels);
  std::vector<uint8_t> back(n * kLabels);
  for (int l = 0; l < kLabels; ++l) {
    best[l] = Allowed(kLabels, l) ? transitions[kLabels][l] + scores[l] : kNever;
  }
  for (size_t i = 1; i < n; ++i) {
    for (int l = 0; l < kLabels; ++l) {
      float top = kNever;
      int arg = kO;
      for (int p = 0; p < kLabels; ++p) {
        if (!Allowed(p, l)) continue;
        const float s = best[(i - 1) * kLabels + p] + transitions[p][l];
        if (s > top) {
          top = s;
          arg = p;
        }
      }
      best[i * kLabels + l] = top + scores[i * kLabels + l];
      back[i * kLabels + l] = static_cast<uint8_t>(arg);
    }
  }
  int l = static_cast<int>(std::max_element(best.end() - kLabels, best.end()) - (best.end() - kLabels));
  for (size_t i = n; i-- > 0;) {
    (*labels)[i] = static_cast<uint8_t>(l);
    l = back[i * kLabels + l];
  }
}

// Posterior marginals of every label under the scores read as a CRF at
// `temperature`: forward-backward in probability space, each step rescaled
// to sum to one, so that exp is taken once per score rather than once per
// transition. The BIO constraint is in the transition matrix as zeros.
std::vector<float> Marginals(const std::vector<float>& scores, const float (*transitions)[kLabels],
                             size_t n, float temperature) {
  const float inv = 1 / temperature;
  float trans[kLabels + 1][kLabels];
  for (int p = 0; p <= kLabels; ++p) {
    for (int l = 0; l < kLabels; ++l) {
      trans[p][l] = Allowed(p, l) ? std::exp(std::clamp(transitions[p][l] * inv, -60.0f, 60.0f)) : 0;
    }
  }
  std::vector<float> emit(n * kLabels);
  for (size_t i = 0; i < n; ++i) {
    const float* s = &scores[i * kLabels];
    const float top = *std::max_element(s, s + kLabels);
    for (int l = 0; l < kLabels; ++l) {
      const float x = (s[l] - top) * inv;
      emit[i * kLabels + l] = x < -60 ? 0 : std::exp(x);
    }
  }
  std::vector<float> alpha(n * kLabels), beta(n * kLabels);
  // A step whose mass underflowed (the best label of a word unreachable from
  // the best of the word before) starts afresh from no preference.
  const auto normalize = [](float* v) {
    float sum = 0;
    for (int l = 0; l < kLabels; ++l) sum += v[l];
    for (int l = 0; l < kLabels; ++l) v[l] = sum > 0 ? v[l] / sum : 1.0f / kLabels;
  };
  for (int l = 0; l < kLabels; ++l) alpha[l] = trans[kLabels][l] * emit[l];
  normalize(&alpha[0]);
  for (size_t i = 1; i < n; ++i) {
    for (int l = 0; l < kLabels; ++l) {
      float sum = 0;
      for (int p = 0; p < kLabels; ++p) sum += alpha[(i - 1) * kLabels + p] * trans[p][l];
      alpha[i * kLabels + l] = sum * emit[i * kLabels + l];
    }
    normalize(&alpha[i * kLabels]);
  }
  std::fill(beta.end() - kLabels, beta.end(), 1.0f);
  for (size_t i = n - 1; i-- > 0;) {
    for (int p = 0; p < kLabels; ++p) {
      float sum = 0;
      for (int l = 0; l < kLabels; ++l) {
        sum += trans[p][l] * emit[(i + 1) * kLabels + l] * beta[(i + 1) * kLabels + l];
      }
      beta[i * kLabels + p] = sum;
    }
    normalize(&beta[i * kLabels]);
  }
  std::vector<float> marginals(n * kLabels);
  for (size_t i = 0; i < n; ++i) {
    for (int l = 0; l < kLabels; ++l) {
      marginals[i * kLabels + l] = alpha[i * kLabels + l] * beta[i * kLabels + l];
    }
    normalize(&marginals[i * kLabels]);
  }
  return marginals;
}

}  // namespace internal

using namespace internal;

namespace {

// Emission scores of one word from its feature keys.
void AddWeights(const FeatureTable& table, const uint64_t* keys, size_t count, float* s) {
  for (size_t k = 0; k < count; ++k) {
    if (const float* w = table.Find(keys[k])) {
      for (int l = 0; l < kLabels; ++l) s[l] += w[l];
    }
  }
}

// A token without letters or digits is never part of a name: no mention
// starts, ends or continues on a comma or a quote mark.
void MaskPunctuation(const WordInfo& w, float* s) {
  if (w.kind == kPunct || w.kind == kOther) {
    for (int l = 1; l < kLabels; ++l) s[l] = -1e9f;
  }
}

}  // namespace

namespace internal {
namespace {

// Head words after which, in their construct state (without the article),
// a name follows that does not include them: newspaper, paper, magazine,
// channel, group, movement, battalion, brigades, agency, company (→ ORG);
// camp, mountain, mountains, city, town, village (→ LOC). Most are also the
// first word of the name as marsad reports it (CompleteNames): صحيفة الضفاف
// and مخيم الهول are the names, while a city is named without مدينة.
struct Head {
  std::string stem;
  EntityType type;
  bool in_name;
};

const std::vector<Head>& OutsideHeads() {
  static const auto* heads = [] {
    auto* v = new std::vector<Head>;
    for (const char* w : {"صحيفة", "جريدة", "مجلة", "قناة", "جماعة", "حركة", "كتيبة", "كتائب",
                          "وكالة", "شركة"}) {
      v->push_back({text::MatchKey(w), EntityType::kOrganization, true});
    }
    for (const char* w : {"مخيم", "جبل", "جبال"}) {
      v->push_back({text::MatchKey(w), EntityType::kLocation, true});
    }
    for (const char* w : {"مدينة", "بلدة", "قرية"}) {
      v->push_back({text::MatchKey(w), EntityType::kLocation, false});
    }
    return v;
  }();
  return *heads;
}

// kHeadBoost (internal.h): scores are perceptron weights summed; 48 is
// about what a strong single feature weighs. Chosen on synthetic sentences
// outside ANERcorp's domain, which the rule is for; it costs the dev split
// 0.23 F1 (72.91 → 72.68; 32 with half on the second word: 72.90, but most
// two-word names are then missed or cut).

// The clitics stripped from the word's key to leave its stem (وبال of
// وبالمدينة), in match-key form.
std::string_view Proclitics(const WordInfo& w) {
  return std::string_view(w.key).substr(0, w.key.size() - w.stem.size());
}

// True if the word is على (on) as written: its key is that of علي (Ali).
bool IsOn(const WordInfo& w) {
  static const std::string ali = text::MatchKey("علي");
  return w.key == ali && w.written_alef_maqsura;
}

// True if the word carries a clitic other than the article (و ف ب ل ك).
// Proclitics alone misses one before an article the stem kept (بالعاصمة:
// the corpus has العاصمة far more often than عاصمة, so the stem is العاصمه
// and only ب was stripped) or rebuilt (للحكومة, for the government: stem
// الحكومه, as long as the key).
bool HasClitic(const WordInfo& w) {
  const std::string_view lost = Proclitics(w);
  return (!lost.empty() && lost != "ال") || (w.stem.starts_with("ال") && !w.key.starts_with("ال"));
}

// True if the word has no article (ال، لل) before its stem.
bool HasNoArticle(const WordInfo& w) {
  const std::string_view lost = Proclitics(w);
  // ال: the article; لل: for + the article.
  return !lost.ends_with("ال") && !lost.ends_with("لل") && !w.stem.starts_with("ال");
}

// The head word that word i is, if any.
const Head* HeadAt(const std::vector<WordInfo>& words, size_t i) {
  const WordInfo& h = words[i];
  // Every head word is an organisation or place trigger (a cheap test first).
  if (!(h.classes & (kOrgTrigger | kLocTrigger)) || !HasNoArticle(h)) return nullptr;
  for (const Head& head : OutsideHeads()) {
    if (h.stem == head.stem) return &head;
  }
  return nullptr;
}

// Head words in the dual construct state, which name two places or groups
// joined by و, each without the head: مخيمي الهول وروج (the camps of al-Hol
// and Roj), محافظتي نينوى والأنبار (the governorates of Nineveh and Anbar),
// حركتي فتح وحماس (the Fatah and Hamas movements).
std::optional<EntityType> DualHeadAt(const std::vector<WordInfo>& words, size_t i) {
  static const auto* heads = [] {
    auto* m = new std::unordered_map<std::string, EntityType>;
    // camps, cities, towns, villages, governorates, states, regions
    for (const char* w : {"مخيمي", "مدينتي", "بلدتي", "قريتي", "محافظتي", "ولايتي", "منطقتي"}) {
      m->emplace(text::MatchKey(w), EntityType::kLocation);
    }
    // movements, newspapers
    for (const char* w : {"حركتي", "صحيفتي"}) m->emplace(text::MatchKey(w), EntityType::kOrganization);
    return m;
  }();
  // Every dual head ends in ي: a cheap test first, on every word tagged.
  if (!words[i].key.ends_with("ي")) return std::nullopt;
  const auto it = heads->find(words[i].key);
  if (it == heads->end()) return std::nullopt;
  return it->second;
}

// Words that go on a title rather than begin the name after it: ranks (اللواء
// ركن, staff major general; الفريق أول, general first class; متقاعد,
// retired), "in the name of" (الناطق باسم, the spokesman for) and "as
// successor to" (خلفا).
bool TitleContinuation(const WordInfo& w) {
  static const auto words = text::internal::MatchKeySet({"ركن", "أول", "ثاني", "متقاعد", "باسم", "خلفا"});
  return words.contains(w.key);
}

// A curated organisation of one word that is also a common word: فتح
// (opened; Fatah), حماس (zeal; Hamas), القاعدة (the base; al-Qaeda).
bool AmbiguousOrganisation(const WordInfo& w) {
  static const auto words = text::internal::MatchKeySet({"فتح", "حماس", "القاعدة"});
  return words.contains(w.stem) || words.contains(w.key);
}

// A word that may be part of a name: not a function word (the corpus's most
// frequent words, such as أن، في، الذي — that, in, which) nor a verb of saying.
bool NameCandidate(const WordInfo& w) {
  return !(w.stats && w.stats->count > 30000) && !(w.classes & kSpeechVerb);
}

// A word without the article that ends like an adjective (ة، ي: صينية، مسلحة،
// يدوي — Chinese, armed, manual) and is in no name list: an indefinite
// description of the head, not a name.
bool IndefiniteAdjective(const WordInfo& w) {
  if (!HasNoArticle(w) || w.gaz_begin || (w.classes & (kNamePer | kNameLoc | kNameOrg))) return false;
  // Feminine ending ة (ه in match keys that fold it) and nisba ending ي.
  return w.stem.ends_with("ة") || w.stem.ends_with("ه") || w.stem.ends_with("ي");
}

// A relative adjective (nisba: البريطانية، الصيني — the British, the Chinese)
// with or without the article, and not continuing a gazetteer phrase: after
// a name it describes it (صحيفة تايمز البريطانية, the British paper Times).
// Name-list words are not exempt: WikiANN has many inside names.
bool Nisba(const WordInfo& w) {
  if (w.gaz_inside) return false;
  // ي, and يه / ية (the feminine, ة folded or not).
  return w.stem.ends_with("ي") || w.stem.ends_with("يه") || w.stem.ends_with("ية");
}

// The sorted hashes of the match keys of a word list, and whether a word's
// key or stem is among them: cheaper than a set of strings, since a word's
// hashes are computed once when it is prepared.
std::vector<uint64_t> KeyHashes(std::initializer_list<const char*> words) {
  std::vector<uint64_t> v;
  for (const char* word : words) v.push_back(HashBytes(text::MatchKey(word)));
  std::sort(v.begin(), v.end());
  return v;
}
bool KeyOrStemIn(const std::vector<uint64_t>& hashes, const WordInfo& w) {
  return std::binary_search(hashes.begin(), hashes.end(), w.key_hash) ||
         std::binary_search(hashes.begin(), hashes.end(), w.stem_hash);
}

// Whether a word is a preposition a place follows: in, to, from, towards,
// near, inside.
bool PrepositionOfPlace(const WordInfo& w) {
  static const std::vector<uint64_t> kPrepositions = KeyHashes({"في", "إلى", "من", "نحو", "قرب", "داخل"});
  return KeyOrStemIn(kPrepositions, w);
}

// Verbs that report or judge what someone said, beyond the curated verbs of
// saying (kSpeechVerb): he/she sees, saw, considers, stated, went on, pointed
// out, stressed, writes; and verbs of news about people: appeared, was seen,
// travelled, left, arrived, returned, was killed, was arrested, joined,
// fought. A name ends before them and does not start with them: «نزار حمادة
// يرى» is a name and a verb, «ظهر حليموف» a verb and a name. Held as
// KeyHashes: the rule runs on every word tagged.
bool IsReportingVerb(const WordInfo& w) {
  static const std::vector<uint64_t> kVerbs = KeyHashes(
      {"يرى", "ترى", "رأى", "رأت", "يعتبر", "تعتبر", "اعتبرت", "أفاد", "أفادت", "تابع", "تابعت",
       "لفت", "لفتت", "شدد", "شددت", "يكتب", "تكتب", "يضيف", "تضيف", "يؤكد", "تؤكد", "يوضح",
       "توضح", "ظهر", "ظهرت", "شوهد", "شوهدت", "سافر", "سافرت", "غادر", "غادرت", "وصل", "وصلت",
       "عاد", "عادت", "قتل", "قتلت", "اعتقل", "اعتقلت", "انضم", "انضمت", "قاتل", "قاتلت"});
  // The stem too, when what it lost is a conjunction: وظهر (and appeared)
  // is ظهر. A preposition never comes before a verb, so a ب or ك the stem
  // lost was the name's own letter: كيري is Kerry, not ك + يرى (as + sees).
  if (std::binary_search(kVerbs.begin(), kVerbs.end(), w.key_hash)) return true;
  const std::string_view key = w.key;
  return key.size() > w.stem.size() && key.ends_with(w.stem) &&
         (key.starts_with("و") || key.starts_with("ف")) &&  // and, so
         key.size() - w.stem.size() == std::string_view("و").size() &&
         std::binary_search(kVerbs.begin(), kVerbs.end(), w.stem_hash);
}

// True if words[i] is a time of day or the word day, and the next word a
// day of the week (يوم الأحد، صباح الجمعة: on Sunday, on Friday morning):
// neither is a name, where a newspaper's name could follow "the paper".
bool TimeBeforeWeekday(const std::vector<WordInfo>& words, size_t i) {
  static const std::vector<uint64_t> kTimes =
      KeyHashes({"يوم", "صباح", "مساء", "ليلة", "فجر", "ظهر", "عصر", "نهار"});
  static const std::vector<uint64_t> kWeekdays = KeyHashes(
      {"الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"});
  // The weekday first: one search, where the time's is two.
  return i + 1 < words.size() &&
         std::binary_search(kWeekdays.begin(), kWeekdays.end(), words[i + 1].key_hash) &&
         KeyOrStemIn(kTimes, words[i]);
}

constexpr size_t kLetter = 2;  // bytes of an Arabic letter in UTF-8 (match keys)

// One-letter proclitics, by kind, as match keys: the conjunctions and, so
// (و ف); the prepositions in/by, for/to, like (ب ل ك).
bool IsConjunctionLetter(std::string_view letter) {
  static const auto conjunctions = text::internal::MatchKeySet({"و", "ف"});
  return conjunctions.contains(letter);
}
bool IsPrepositionLetter(std::string_view letter) {
  static const auto prepositions = text::internal::MatchKeySet({"ب", "ل", "ك"});
  return prepositions.contains(letter);
}

// Whether a word is that (أن، إن and their pronoun forms, written with their
// hamza) or will not, did not (لن، لم), alone or after a one-letter clitic
// (و ف ب ل), which the stem does not always lose: فإن (for indeed), بأن
// (that), ولن. The hamza tells بأن from بان (Ban) and فإن from فان (van),
// which have its key. Other short words a clitic could begin are foreign
// names as often: لام, لاي, باي (Lam, Lai, Bay).
bool ThatOrNegation(const WordInfo& w) {
  static const auto that = text::internal::MatchKeySet({"أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم"});
  static const auto negations = text::internal::MatchKeySet({"لن", "لم"});
  static const auto clitics = text::internal::MatchKeySet({"و", "ف", "ب", "ل"});
  const auto is = [&](std::string_view key) {
    return (w.written_hamza && that.contains(key)) || negations.contains(key);
  };
  const std::string_view key = w.key;
  // None is longer than a clitic and four letters; most words are.
  if (key.size() > 5 * kLetter) return false;
  return is(key) || (key.size() > kLetter && clitics.contains(key.substr(0, kLetter)) && is(key.substr(kLetter)));
}

// Whether a word is a function word (text::IsFunctionWord, by its key or
// stem) or ThatOrNegation.
bool FunctionWordWithClitic(const WordInfo& w) { return w.function_word || ThatOrNegation(w); }

// True if the word carries a preposition with the article (للضفاف "for the
// Difaf", بالعاصمة "in the capital"): never inside a person's name.
bool PrepositionAndArticle(const WordInfo& w) {
  const std::string_view lost = Proclitics(w);
  return lost.ends_with("لل") || lost.ends_with("بال") || lost.ends_with("كال");
}

// Words after which a title follows in quotation marks: titled, programme,
// film, book, series, novel, song, play, album, poem, stadium.
bool IntroducesTitle(const WordInfo& w) {
  // بعنوان (titled) as well as its stem: the corpus has it far more often
  // than عنوان alone, so its stem keeps the ب.
  static const auto stems = text::internal::MatchKeySet(
      {"عنوان", "بعنوان", "برنامج", "فيلم", "كتاب", "مسلسل", "رواية", "أغنية", "مسرحية", "ألبوم",
       "قصيدة", "استاد", "ستاد", "ملعب"});
  if (w.kind != kArabic) return false;
  if (stems.contains(w.stem)) return true;
  // With a possessive (برنامجها, her programme), which the stem keeps.
  for (const std::string_view suffix : {std::string_view("ها"), std::string_view("هم"), std::string_view("ه")}) {
    if (w.stem.ends_with(suffix) && stems.contains(std::string_view(w.stem).substr(0, w.stem.size() - suffix.size()))) {
      return true;
    }
  }
  return false;
}

bool OpensQuote(const WordInfo& w) { return w.key == "«" || w.key == "\"" || w.key == "'"; }
bool ClosesQuote(const WordInfo& w) { return w.key == "»" || w.key == "\"" || w.key == "'"; }

// A title in quotation marks after a word that introduces one (برنامج «X»,
// a programme called X) is another name (MISC), whatever the tagger made of
// its words; at most kLongestTitle words.
void MarkQuotedTitles(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  constexpr size_t kLongestTitle = 8;
  std::vector<uint8_t>& l = *labels;
  const int misc = BeginOf(EntityType::kMisc);
  for (size_t i = 0; i + 3 < words.size(); ++i) {
    if (!IntroducesTitle(words[i]) || !OpensQuote(words[i + 1])) continue;
    size_t j = i + 2;
    // Whatever the model made of its words: a title may hold a person's or
    // a place's name (برنامج «مع نور», the programme "With Nour").
    while (j < words.size() && j < i + 2 + kLongestTitle && words[j].kind != kPunct && words[j].kind != kOther) ++j;
    if (j == i + 2 || j == words.size() || !ClosesQuote(words[j])) continue;
    for (size_t k = i + 2; k < j; ++k) l[k] = static_cast<uint8_t>(k == i + 2 ? misc : misc + 1);
  }
  // An organisation's head word opening a quotation opens its name, which
  // runs to the closing mark: «كتيبة ما وراء النهر» (the Transoxiana
  // Battalion), whose words after the head are a function word and a
  // preposition the model never starts a name with.
  const int org = BeginOf(EntityType::kOrganization);
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    if (!OpensQuote(words[i])) continue;
    const Head* head = HeadAt(words, i + 1);
    if (head == nullptr || !head->in_name || head->type != EntityType::kOrganization) continue;
    size_t j = i + 2;
    while (j < words.size() && j < i + 2 + kLongestTitle && words[j].kind != kPunct && words[j].kind != kOther &&
           (l[j] == kO || l[j] == org || l[j] == org + 1)) {
      ++j;
    }
    if (j == i + 2 || j == words.size() || !ClosesQuote(words[j])) continue;
    for (size_t k = i + 1; k < j; ++k) l[k] = static_cast<uint8_t>(k == i + 1 ? org : org + 1);
  }
}

}  // namespace

void CutAtNonNameWords(const std::vector<WordInfo>& words, std::vector<float>* scores) {
  for (size_t i = 0; i < words.size(); ++i) {
    const WordInfo& w = words[i];
    if (w.kind != kArabic) continue;
    float* s = &(*scores)[i * kLabels];
    if ((w.classes & kSpeechVerb) || IsReportingVerb(w) || TimeBeforeWeekday(words, i) ||
        (i > 0 && TimeBeforeWeekday(words, i - 1))) {
      for (int l = 1; l < kLabels; ++l) s[l] -= kNotInName;
    } else if (FunctionWordWithClitic(w)) {
      // No name starts with a function word (ولن, and will not, tagged as
      // an organisation; بأن, that, a person 80 times on SaudiNewsNet);
      // some go on through one (ما وراء النهر).
      for (int t = 0; t < kEntityTypes; ++t) s[BeginOf(static_cast<EntityType>(t))] -= kNotInName;
    } else if (PrepositionAndArticle(w)) {
      s[BeginOf(EntityType::kPerson)] -= kNotInName;
      s[BeginOf(EntityType::kPerson) + 1] -= kNotInName;
    } else if ((w.gaz_begin & (kGazCountry | kGazCity)) && !(w.classes & kGivenName) &&
               !(HasNoArticle(w) && (w.classes & kNamePer)) && !(w.gaz_inside & (kGazPerson | kGazNamePer))) {
      // A country or city does not continue a person's name: «غادر X موسكو»
      // (X left Moscow), unless the name lists have the word mostly in
      // persons' names and the text writes it without the article (خليل,
      // Khalil; الخليل is Hebron: classes are the stem's), or the two words
      // as one (ديفيد كاميرون, David Cameron; الكاميرون, Cameroon).
      s[BeginOf(EntityType::kPerson) + 1] -= kNotInName;
    }
  }
}

void BoostAfterHeads(const std::vector<WordInfo>& words, std::vector<float>* scores) {
  for (size_t i = 1; i < words.size(); ++i) {
    const WordInfo& w = words[i];
    if (w.kind != kArabic) continue;
    if (const std::optional<EntityType> dual = DualHeadAt(words, i - 1)) {
      // Each name begins a mention of its own: the first after the head, the
      // second at the next word the conjunction و was stripped from. Without
      // that second name the word is no dual but a possessive, "my city",
      // "my village" (قريتي الوديعة, my quiet village), and names nothing.
      // The dual is a surer sign than the singular (whose name may be a
      // common noun the model rightly leaves out), so the boost is twice as
      // large: with kHeadBoost alone, common words as names (الهول, the
      // horror; السنابل, ears of wheat) stayed untagged.
      constexpr float kDualHeadBoost = 2 * kHeadBoost;
      size_t second = i + 1;
      while (second < words.size() && second <= i + 3 &&
             !Proclitics(words[second]).starts_with("و")) {
        ++second;
      }
      if (second >= words.size() || second > i + 3 || !NameCandidate(w) ||
          !NameCandidate(words[second])) {
        continue;
      }
      const int begin = BeginOf(*dual);
      (*scores)[i * kLabels + begin] += kDualHeadBoost;
      (*scores)[second * kLabels + begin] += kDualHeadBoost;
      continue;
    }
    const Head* head = HeadAt(words, i - 1);
    if (head == nullptr || !NameCandidate(w) || IndefiniteAdjective(w)) continue;
    const int type = static_cast<int>(head->type);
    // Begin or inside: names that include their head word (حركة as B-ORG
    // in ANERcorp) keep it.
    (*scores)[i * kLabels + BeginOf(static_cast<EntityType>(type))] += kHeadBoost;
    (*scores)[i * kLabels + BeginOf(static_cast<EntityType>(type)) + 1] += kHeadBoost;
    // The name's second word, unless it is a function word, a verb of saying
    // or a relative adjective.
    if (i + 1 < words.size() && words[i + 1].kind == kArabic && NameCandidate(words[i + 1]) &&
        !Nisba(words[i + 1])) {
      (*scores)[(i + 1) * kLabels + BeginOf(static_cast<EntityType>(type)) + 1] += kHeadBoost;
    }
  }
}

void BoostPlacesAfterPrepositions(const std::vector<WordInfo>& words, std::vector<float>* scores) {
  const int place = BeginOf(EntityType::kLocation);
  for (size_t i = 0; i < words.size(); ++i) {
    const WordInfo& w = words[i];
    if (w.kind != kArabic || !(w.gaz_begin & (kGazCity | kGazCountry))) continue;
    const std::string_view clitics = Proclitics(w);
    const bool joined = clitics.starts_with("ب") || clitics.starts_with("وب") || clitics.starts_with("فب");
    if (!joined && (i == 0 || !PrepositionOfPlace(words[i - 1]))) continue;
    const bool one_word = i + 1 == words.size() || !(words[i + 1].gaz_inside & (kGazCity | kGazCountry));
    if (one_word && !(w.gaz_begin & kGazCountry) && !IsCuratedCity(w.key)) continue;
    (*scores)[i * kLabels + place] += kHeadBoost;
    for (size_t k = i + 1; k < words.size() && (words[k].gaz_inside & (kGazCity | kGazCountry)); ++k) {
      (*scores)[k * kLabels + place + 1] += kHeadBoost;
    }
  }
}

namespace {

// The stems of words [i, j), joined: how a name is written, whatever its
// clitics.
std::string NameStems(const std::vector<WordInfo>& words, size_t i, size_t j) {
  std::string key;
  for (size_t k = i; k < j; ++k) {
    if (k > i) key += ' ';
    key += words[k].stem;
  }
  return key;
}

// A country's name the gazetteers hold whole is one place, however the
// model cut it: «مملكة البحرين» (the Kingdom of Bahrain; iso-codes' official
// name), which it had read as the place مملكة (kingdom) and the place
// البحرين, or with the title left out; «جنوب أفريقيا». ANERcorp often tags
// the country alone (so evaluation does without this: CompleteNames).
void JoinCountryNames(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  const uint8_t place = static_cast<uint8_t>(BeginOf(EntityType::kLocation));
  std::vector<uint8_t>& l = *labels;
  for (size_t k = 0; k + 1 < l.size(); ++k) {
    if (!(words[k].gaz_begin & kGazCountry) || !(words[k + 1].gaz_inside & kGazCountry)) continue;
    size_t end = k + 1;
    while (end < l.size() && (words[end].gaz_inside & kGazCountry)) ++end;
    const bool rest_is_place = std::all_of(l.begin() + static_cast<long>(k) + 1, l.begin() + static_cast<long>(end),
                                           [&](uint8_t x) { return x == place || x == place + 1; });
    if (!rest_is_place || (l[k] != kO && l[k] != place) || l[k + 1] != place) continue;
    l[k] = place;
    std::fill(l.begin() + static_cast<long>(k) + 1, l.begin() + static_cast<long>(end), static_cast<uint8_t>(place + 1));
    k = end - 1;
  }
}

// An organisation's name and a place's with nothing between are one name:
// a club and its city (دينامو كييف، ستيوا بوخارست), which the model reads
// as two. Not when the place carries a clitic: «أرسنال وبرشلونة» (Arsenal
// and Barcelona), «أسبيتار بالدوحة» (Aspetar in Doha).
void JoinClubsAndCities(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  const int org = BeginOf(EntityType::kOrganization), place = BeginOf(EntityType::kLocation);
  std::vector<uint8_t>& l = *labels;
  for (size_t k = 1; k < l.size(); ++k) {
    if (l[k] == place && (l[k - 1] == org || l[k - 1] == org + 1) && !HasClitic(words[k])) {
      for (size_t x = k; x < l.size() && (x == k || l[x] == place + 1); ++x) l[x] = static_cast<uint8_t>(org + 1);
    }
  }
}

// A word that begins persons' names: a given name of the curated lists or
// of theirs written as phrases (عبد الله), a particle (أبو، بن), a
// compound with عبد written as one word (عبداللطيف, servant of the Kind), or
// a word mostly seen in persons' names in the name lists.
bool BeginsPersonsName(const WordInfo& w) {
  static const std::string servant_of_the = text::MatchKey("عبدال");
  constexpr size_t kTwoLetters = 4;  // bytes: God's names after عبدال have two letters or more (عبدالله)
  return (w.classes & (kGivenName | kNameParticle | kNamePer)) || (w.gaz_begin & (kGazPerson | kGazNamePer)) ||
         (w.key.starts_with(servant_of_the) && w.key.size() >= servant_of_the.size() + kTwoLetters);
}

// A curated organisation that the model left untagged, or tagged as a name
// of another type with the same words, is one: طالبان; داعش (ISIS), which a
// model trained on news from before it existed made a place 1,309 times on
// SaudiNewsNet («تنظيم داعش», the ISIS organisation). So is one of three
// words or more that it tagged as names inside it, of any type: حلف شمال
// الأطلسي (NATO), whose middle word (north) is a place's; «مجلس التعاون
// لدول الخليج العربية» (the Cooperation Council for the Arab States of the
// Gulf), where it found the place «الخليج العربية». Shorter phrases match
// the stems of other words too: «لجنة التنظيم بالدولة المضيفة» (the
// organising committee in the host state) is not تنظيم الدولة (ISIS). Not
// where a name of the model's runs across either end (مفوضية الأمم المتحدة
// لشؤون اللاجئين, the UN refugee agency, is more than the UN), unless a
// given name follows a long one: that begins a person («الأمين العام لمجلس
// التعاون لدول الخليج العربية عبداللطيف الزياني», its secretary-general).
// Not the few of one word that are also common words
// (AmbiguousOrganisation).
void MarkCuratedOrganisations(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  const int org = BeginOf(EntityType::kOrganization), person = BeginOf(EntityType::kPerson);
  constexpr size_t kLongPhrase = 3;
  std::vector<uint8_t>& l = *labels;
  for (size_t i = 0; i < l.size(); ++i) {
    if (!(words[i].gaz_begin & kGazOrg)) continue;
    size_t j = i + 1;
    while (j < l.size() && (words[j].gaz_inside & kGazOrg)) ++j;
    if (j == i + 1 && AmbiguousOrganisation(words[i])) continue;
    const bool long_phrase = j - i >= kLongPhrase;
    if (long_phrase && !IsInside(l[i]) && j < l.size() && IsInside(l[j]) && BeginsPersonsName(words[j])) {
      l[j] = static_cast<uint8_t>(person);
      for (size_t k = j + 1; k < l.size() && IsInside(l[k]); ++k) l[k] = static_cast<uint8_t>(person + 1);
    }
    const bool untagged = std::all_of(l.begin() + static_cast<long>(i), l.begin() + static_cast<long>(j),
                                      [](uint8_t x) { return x == kO; });
    const bool same_words = IsBegin(l[i]) && (j == l.size() || !IsInside(l[j])) &&
                            std::all_of(l.begin() + static_cast<long>(i) + 1, l.begin() + static_cast<long>(j),
                                        [&](uint8_t x) { return x == l[i] + 1; });
    const bool names_inside = long_phrase && !IsInside(l[i]) && (j == l.size() || !IsInside(l[j]));
    if (untagged || same_words || names_inside) {
      for (size_t k = i; k < j; ++k) l[k] = static_cast<uint8_t>(k == i ? org : org + 1);
    }
    i = j - 1;
  }
}

// A word between a person's title, written with the article, and the name
// after it is the name's first word: «الفنانة مها أحمد» (the artist Maha
// Ahmed) had been أحمد alone. Not a word with the article or a clitic:
// الرئيس الأمريكي باراك أوباما (the American president Barack Obama). The
// article keeps out words that share a title's stem: أمام (in front of) is
// الإمام's.
void StartNamesAfterTitles(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  const int person = BeginOf(EntityType::kPerson);
  std::vector<uint8_t>& l = *labels;
  for (size_t k = 2; k < l.size(); ++k) {
    const WordInfo& w = words[k - 1];
    if (l[k] != person || l[k - 1] != kO || l[k - 2] != kO ||
        !(words[k - 2].classes & (kPersonTitle | kPersonRole)) ||
        !words[k - 2].key.starts_with("ال") || w.kind != kArabic || !Proclitics(w).empty() ||
        !HasNoArticle(w) || w.key.starts_with("ال") || !NameCandidate(w) ||
        FunctionWordWithClitic(w) || w.accusative ||
        (w.classes & (kPersonTitle | kPersonRole)) || TitleContinuation(w)) {
      continue;
    }
    l[k - 1] = static_cast<uint8_t>(person);
    l[k] = static_cast<uint8_t>(person + 1);
  }
}

// A common word in the indefinite accusative (برنامجا, a programme) does not
// end a name, nor stand alone right after one: «قدم X برنامجا» (X presented
// a programme) had taken it into the presenter's name. A name may start
// with such a word: ريما and دينا are ريم and دين (religion) with the same
// alif.
void EndNamesBeforeAccusatives(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  std::vector<uint8_t>& l = *labels;
  for (size_t k = 1; k < l.size(); ++k) {
    const WordInfo& w = words[k];
    const bool ends_name = k + 1 == l.size() || !IsInside(l[k + 1]);
    if (l[k] == kO || l[k - 1] == kO || !ends_name || !w.accusative || w.gaz_begin ||
        w.gaz_inside || (w.classes & (kGivenName | kNamePer | kNameLoc | kNameOrg | kNameMisc))) {
      continue;
    }
    l[k] = kO;
  }
}

// The name of a person, place or organisation does not end on that or a
// negation (ThatOrNegation): «بدر السحيباني فإن الشرطة» (Badr al-Suhaibani,
// for the police) had been one person with فإن (for indeed). Nor on a
// relative pronoun: «سلمان بن عبد العزيز الذي» (... who), once in
// SaudiNewsNet, had kept King Salman's two commonest names apart. Other
// function words may end a foreign name (ريتشارد غير, Richard Gere), and a
// title any («الناس وأنا», People and I).
void EndNamesBeforeThat(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  // who, which: masculine, feminine, plural, dual, feminine plural
  static const auto relatives = text::internal::MatchKeySet(
      {"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي", "اللاتي"});
  std::vector<uint8_t>& l = *labels;
  ForEachMention(l, [&](size_t i, size_t j) {
    if (TypeOf(l[i]) == EntityType::kMisc) return;
    while (j - i >= 2 && (ThatOrNegation(words[j - 1]) || relatives.contains(words[j - 1].key))) l[--j] = kO;
  });
}

// A person's name does not end on a particle (son of, father of, servant
// of, family of): اشرف عبد الباقي had ended on عبد. Not أم (mother of),
// which is also or.
void ContinueNamesAfterParticles(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  static const auto particles = text::internal::MatchKeySet({"بن", "ابن", "بنت", "ابنة", "أبو", "عبد", "آل"});
  const int person = BeginOf(EntityType::kPerson);
  std::vector<uint8_t>& l = *labels;
  for (size_t k = 1; k < l.size(); ++k) {
    if (l[k] == kO && (l[k - 1] == person || l[k - 1] == person + 1) &&
        particles.contains(words[k - 1].key) && words[k].kind == kArabic &&
        NameCandidate(words[k]) && !text::IsFunctionWord(words[k].key)) {
      l[k] = static_cast<uint8_t>(person + 1);
    }
  }
}

// Two persons' names written one after the other are one name: a second
// person is joined with و (and) or a comma. ANERcorp's gold has a person
// begin right after another without a clitic 21 times in 2,722, most of
// them one name cut by the annotator; the second pass had cut هيلاري |
// كلينتون and «... آل | سعود» where the document had the surname alone.
void JoinAdjacentPersons(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  // son of, daughter of, family of (not أم, mother of, which is also or)
  static const auto links = text::internal::MatchKeySet({"بن", "ابن", "بنت", "آل"});
  const int person = BeginOf(EntityType::kPerson);
  std::vector<uint8_t>& l = *labels;
  // A written و or ف may be the conjunction whatever the stem says
  // (ودراماني: and Dramani); a title or role begins no part of a name, nor
  // a function word or verb the model left in a span of its own (على, on;
  // يرى, sees).
  const auto goes_on = [&](const WordInfo& w) {
    return w.kind == kArabic && !HasClitic(w) && !w.key.starts_with("و") &&
           !w.key.starts_with("ف") && !(w.classes & (kPersonTitle | kPersonRole)) && NameCandidate(w) &&
           !text::IsFunctionWord(w.key) && !IsOn(w) && !IsReportingVerb(w);
  };
  const auto in_person = [&](size_t k) { return l[k] == person || l[k] == person + 1; };
  for (size_t k = 1; k < l.size(); ++k) {
    if (l[k] != person || !goes_on(words[k])) continue;
    // A family name with the article ends a name («عبدالله ناصر الجنيبي
    // أمين السر», ... the secretary), but not آل, whose key is the article's.
    const WordInfo& before = words[k - 1];
    if (in_person(k - 1) && before.kind == kArabic && (HasNoArticle(before) || links.contains(before.key))) {
      l[k] = static_cast<uint8_t>(person + 1);
    } else if (k >= 2 && l[k - 1] == kO && links.contains(before.key) && in_person(k - 2) &&
               Proclitics(words[k]).empty()) {
      // So are two with the link between them left out: «سلمان بن عبدالعزيز
      // آل | سعود» with آل (family of) untagged.
      l[k - 1] = l[k] = static_cast<uint8_t>(person + 1);
    }
  }
}

// «كريم بوزيد ومراد حداد» is two people: inside a person's name, a word
// whose stem lost a conjunction و and is a given name begins another
// name. (Names keep و as a letter: ولد، وقاص، وليد are no conjunction.)
void SplitPersonsAtAnd(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  const int person = BeginOf(EntityType::kPerson);
  std::vector<uint8_t>& l = *labels;
  for (size_t k = 1; k < l.size(); ++k) {
    if (l[k] == person + 1 && Proclitics(words[k]) == "و" && (words[k].classes & kGivenName)) {
      l[k] = static_cast<uint8_t>(person);
    }
  }
}

// «أوباما وكارتر» (Obama and Carter) is two people when the document names
// كارتر as a person of its own: inside a person's name, a word with a
// conjunction و whose rest begins or ends another person's name in the
// document begins a name. SplitPersonsAtAnd does so for given names in any
// document; this is for the names a document itself introduces (وكاسيميرو،
// وبرادلي). Names keep a word written with و (ثيو والكوت, Theo Walcott;
// هيفاء وهبي) unless the rest is such a name.
void SplitPersonsAtNamesOfTheDocument(const std::vector<const std::vector<WordInfo>*>& doc,
                                      std::vector<std::vector<uint8_t>>* labels) {
  const int person = BeginOf(EntityType::kPerson);
  text::internal::StringSet named;  // first and last words of persons' names
  for (size_t s = 0; s < doc.size(); ++s) {
    const std::vector<WordInfo>& words = *doc[s];
    ForEachMention((*labels)[s], [&](size_t i, size_t j) {
      if ((*labels)[s][i] != person) return;
      for (const size_t k : {i, j - 1}) {
        if (Proclitics(words[k]).empty() && words[k].kind == kArabic) named.insert(words[k].key);
      }
    });
  }
  static const std::string conjunction = text::MatchKey("و");
  for (size_t s = 0; s < doc.size(); ++s) {
    const std::vector<WordInfo>& words = *doc[s];
    std::vector<uint8_t>& l = (*labels)[s];
    for (size_t k = 1; k < l.size(); ++k) {
      const std::string& key = words[k].key;
      if (l[k] == person + 1 && key.starts_with(conjunction) && key.size() > conjunction.size() &&
          named.contains(std::string_view(key).substr(conjunction.size()))) {
        l[k] = static_cast<uint8_t>(person);
      }
    }
  }
}

// Sets labels from `from` up to `last` to O: words that are no name. A name
// that ran into them ends before them, and one going on after them starts
// there.
void ClearWords(size_t from, size_t last, std::vector<uint8_t>* labels) {
  std::vector<uint8_t>& l = *labels;
  for (size_t k = from; k < last; ++k) l[k] = kO;
  if (last < l.size() && IsInside(l[last])) l[last] = static_cast<uint8_t>(l[last] - 1);
}

// Whether the word is الله (God).
bool IsGodsName(const WordInfo& w) {
  static const std::string god = text::MatchKey("الله");
  return w.key == god;
}

// The formulae that name God are no names of people, and a person's name
// does not run into one: «الشيخ عبدالعزيز رحمه الله» (Sheikh Abdulaziz, may
// God have mercy on him), «رضي الله عنه», «الله عز وجل» (God, mighty and
// majestic). On SaudiNewsNet (three weeks of Saudi news) the tagger had
// made persons of الله alone 2,952 times, of الله and its praise 107
// times, and of blessings some 150. God's name itself is another name
// (MISC), as ANERcorp tags it; names built on it keep it: عبد الله، نصر
// الله، رحمة الله (Rahmatullah, with ة where the blessing رحمه has the
// pronoun ه), and Afghan names that begin with it (الله نور, Allah Nur).
void LeaveOutFormulaeOfGod(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  // Blessings before God's name: may God have mercy on, protect, care for,
  // support, grant success to him/her/them; may God be pleased (رضي); God
  // bless (صلى); if God wills (شاء); by God's leave, will, grace, praise,
  // favour (بإذن، بمشيئة، بتوفيق، بحمد، بفضل; after the grace of God: بعد
  // توفيق الله, 65 times a person on SaudiNewsNet, توفيق being also a given
  // name; «بحمد الله», thank God, 55 documents a person حمد الله, which
  // without ب is the surname Hamdallah); praying to, asking God (داعيا،
  // داعين، ندعو، سائلين، نسأل). Also with من between (بتوفيق من الله, by
  // grace from God).
  static const std::vector<uint64_t> kBlessings = KeyHashes(
      {"رحمه", "رحمها", "رحمهم", "رحمهما", "يرحمه", "يرحمها", "يرحمهم", "حفظه", "حفظها",
       "حفظهم", "يحفظه", "يحفظها", "رعاه", "يرعاه", "أيده", "يؤيده", "وفقه", "يوفقه", "رضي",
       "صلى", "شاء", "بإذن", "بمشيئة", "توفيق", "بتوفيق", "بحمد", "بفضل", "داعيا", "داعين", "داعية",
       "ندعو", "يدعو", "سائلا", "سائلين", "نسأل"});
  static const std::string from = text::MatchKey("من");
  // Praise after it: mighty, majestic, exalted, glorified.
  static const std::vector<uint64_t> kPraise = KeyHashes({"عز", "جل", "وجل", "تعالى", "سبحانه"});
  const int person = BeginOf(EntityType::kPerson), misc = BeginOf(EntityType::kMisc);
  std::vector<uint8_t>& l = *labels;
  for (size_t k = 0; k < l.size(); ++k) {
    if (!IsGodsName(words[k])) continue;
    size_t end = k + 1;
    while (end < l.size() && std::binary_search(kPraise.begin(), kPraise.end(), words[end].key_hash)) {
      ++end;
    }
    // رحمة (the name) has the key of رحمه (have mercy on him).
    const size_t blessing = k > 1 && words[k - 1].key == from ? k - 2 : k - 1;
    if (k > 0 && KeyOrStemIn(kBlessings, words[blessing]) && !words[blessing].written_ta_marbuta) {
      ClearWords(blessing, end, labels);
      l[k] = static_cast<uint8_t>(misc);
    } else if (l[k] == person && !(end == k + 1 && end < l.size() && IsInside(l[end]))) {
      l[k] = static_cast<uint8_t>(misc);
      ClearWords(k + 1, end, labels);
    }
    k = end - 1;
  }
  // Praise to God (الحمد لله، ولله الحمد): الحمد had been a person 121
  // times on SaudiNewsNet.
  static const std::string praise = text::MatchKey("الحمد"), to_god = text::MatchKey("لله");
  for (size_t k = 0; k < l.size(); ++k) {
    if (words[k].key != praise) continue;
    const bool before = k + 1 < l.size() && words[k + 1].key == to_god;
    const bool after = k > 0 && (words[k - 1].key == to_god || words[k - 1].stem == to_god);
    if (before || after) ClearWords(k, k + 1, labels);
  }
  // «عز وجل» (mighty and majestic) praises God wherever it stands, also set
  // off from His name by a dash («الله -عز وجل-»): عز had been a person 53
  // times on SaudiNewsNet, though it is also the given name Ezz.
  static const std::string mighty = text::MatchKey("عز");
  static const std::vector<uint64_t> kMajestic = KeyHashes({"جل", "وجل"});
  for (size_t k = 0; k + 1 < l.size(); ++k) {
    if (words[k].key == mighty && std::binary_search(kMajestic.begin(), kMajestic.end(), words[k + 1].key_hash)) {
      ClearWords(k, k + 2, labels);
    }
  }
}

// A place or body named after a king or prince is named with its head word:
// مستشفى الملك فيصل التخصصي (King Faisal Specialist Hospital), مركز الملك
// فيصل للدراسات, مطار الملك عبدالعزيز الدولي. The tagger had tagged «الملك
// فيصل» alone, 259 times on SaudiNewsNet, joining hospitals, a research
// centre and mosques into one organisation; or the king alone as a person.
// The head word in its construct state (no article), one of the kinds of
// place and body named so, begins the name, of its kind; a relative
// adjective with the article after the name ends it (التخصصي، الدولي).
// Other trigger words are not heads here: مكتب الأمير سلطان is the prince's
// office, no name.
void NameAfterTitledPerson(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  // hospital, university, centre, college, institute, school, foundation,
  // society, complex, library; city, airport, street, road, bridge, port,
  // base, park. Not mosques or stadiums: ANERcorp tags the person they are
  // named after (مسجد الحسن الثاني).
  static const auto bodies = text::internal::MatchKeySet(
      {"مستشفى", "جامعة", "مركز", "كلية", "معهد", "مدرسة", "مؤسسة", "جمعية", "مجمع", "مكتبة"});
  static const auto places =
      text::internal::MatchKeySet({"مدينة", "مطار", "شارع", "طريق", "جسر", "ميناء", "قاعدة", "حديقة"});
  std::vector<uint8_t>& l = *labels;
  const int person = BeginOf(EntityType::kPerson);
  // By its stem: a preposition or conjunction on the head word is no part of
  // the name (بجامعة الملك سعود, at King Saud University, had been split into
  // [جامعة الملك] [سعود] 13 times on SaudiNewsNet). With the article it is no
  // head word: الجامعة (the university) refers back.
  const auto is_head = [&](size_t k) {
    return HasNoArticle(words[k]) && (bodies.contains(words[k].stem) || places.contains(words[k].stem));
  };
  const auto head_at = [&](size_t k) { return l[k] == kO && words[k].kind == kArabic && is_head(k); };
  ForEachMention(l, [&](size_t i, size_t j) {
    // «[جامعة الملك] [سعود]»: the person is the rest of the body's name
    // (the body's span is a head word of the lists and a title, no more).
    if (i >= 2 && is_head(i - 2) && l[i] == person && (words[i - 1].classes & kPersonTitle) && IsBegin(l[i - 2]) &&
        TypeOf(l[i - 2]) != EntityType::kPerson && l[i - 1] == l[i - 2] + 1) {
      for (size_t k = i; k < j; ++k) l[k] = static_cast<uint8_t>(l[i - 2] + 1);
      return;
    }
    size_t head;
    if (i >= 1 && (words[i].classes & kPersonTitle) && l[i] != person && head_at(i - 1)) {
      head = i - 1;  // «مستشفى [الملك فيصل]»
    } else if (i >= 2 && l[i] == person && l[i - 1] == kO && (words[i - 1].classes & kPersonTitle) &&
               !HasNoArticle(words[i - 1]) && head_at(i - 2)) {
      head = i - 2;  // «مستشفى الملك [فيصل]»
    } else {
      return;
    }
    const EntityType type = bodies.contains(words[head].stem) ? EntityType::kOrganization : EntityType::kLocation;
    size_t end = j;
    if (end < l.size() && l[end] == kO && words[end].kind == kArabic && !HasNoArticle(words[end]) &&
        Nisba(words[end]) && !words[end].nationality) {
      ++end;
    }
    for (size_t k = head; k < end; ++k) {
      l[k] = static_cast<uint8_t>(k == head ? BeginOf(type) : BeginOf(type) + 1);
    }
  });
}

// ولي العهد (crown prince; ولي ولي العهد, deputy crown prince) is a title,
// no name, and a person's name ends before it: العهد (the covenant) had
// been a place 143 times on SaudiNewsNet, in «وسمو ولي ولي العهد».
void LeaveOutCrownPrince(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  static const std::string heir = text::MatchKey("ولي"), covenant = text::MatchKey("العهد");
  for (size_t k = 1; k < words.size(); ++k) {
    if (words[k].key != covenant || words[k - 1].stem != heir) continue;
    size_t first = k - 1;
    if (first > 0 && words[first - 1].stem == heir) --first;
    ClearWords(first, k + 1, labels);
  }
}

// حسن (Hassan) is also "goodness" before the noun it qualifies: «سياسة حسن
// الجوار» (a policy of good neighbourliness) had been a person in 20
// documents of SaudiNewsNet. Before these abstract nouns it names no one:
// neighbourliness, intention, opinion, manners, conduct, dealing, management,
// reception, hospitality, performance, ending.
void LeaveOutGoodness(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  static const std::string goodness = text::MatchKey("حسن");
  static const auto qualities = text::internal::MatchKeySet(
      {"الجوار", "النية", "الظن", "الخلق", "السير", "التعامل", "الإدارة", "الاستقبال", "الضيافة",
       "الأداء", "الخاتمة"});
  std::vector<uint8_t>& l = *labels;
  ForEachMention(l, [&](size_t i, size_t j) {
    if (TypeOf(l[i]) == EntityType::kPerson && j - i == 2 && words[i].stem == goodness &&
        qualities.contains(words[i + 1].key)) {
      ClearWords(i, j, labels);
    }
  });
}

// على (on) has the key of علي (Ali), and the tagger made a person of it
// alone after a verb (شدد على, stressed) 70 times on SaudiNewsNet. Alone and
// written with ى it is the preposition; in a name it stays (محمد على, as
// Egyptian papers write Mohammed Ali).
void LeaveOutOn(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  std::vector<uint8_t>& l = *labels;
  ForEachMention(l, [&](size_t i, size_t j) {
    if (j - i == 1 && TypeOf(l[i]) == EntityType::kPerson && IsOn(words[i])) l[i] = kO;
  });
}

// دكتور and مهندس (doctor, engineer), with the article or without, are
// titles and never names: a person's name begins after them («دكتور عاطي بن
// عطية» is Ati bin Attia, 15 times on 4,440 SaudiNewsNet articles); alone,
// it names no one.
void LeaveOutTitlesOfLearning(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  static const auto titles = text::internal::MatchKeySet({"دكتور", "الدكتور", "مهندس", "المهندس"});
  std::vector<uint8_t>& l = *labels;
  ForEachMention(l, [&](size_t i, size_t j) {
    if (TypeOf(l[i]) != EntityType::kPerson || !titles.contains(words[i].key)) return;
    if (j - i == 1) {
      ClearWords(i, j, labels);
      return;
    }
    l[i] = kO;
    l[i + 1] = static_cast<uint8_t>(BeginOf(EntityType::kPerson));
  });
}

// حركة is a movement, and motion: before what moves or changes it is the
// motion (حركة السير, the traffic; حركة السوق, the market's activity; حركة
// اليد, the hand's movement), and names nothing. The head-word rule
// (BoostAfterHeads) made organisations of 172 such phrases on SaudiNewsNet.
// Not البناء (building), which names parties (حركة البناء الوطني).
bool MovesOrChanges(const WordInfo& w) {
  static const auto words = text::internal::MatchKeySet({
      // traffic and transport
      "سير", "مرور", "ملاحة", "طيران", "سفن", "سفينة", "شاحنات", "سيارات", "مركبات", "قطارات", "قطار", "مترو",
      "حافلات", "طائرات", "مشاة", "مسافرين", "مسافرون", "ركاب", "نقل", "عبور", "شحن", "سفر", "ارتياد",
      // trade and money
      "سوق", "أسواق", "بيع", "شراء", "تداول", "تداولات", "أموال", "رساميل", "استيراد", "تصدير", "تجارة",
      "عقار", "عقارات", "قطاع", "إنشاءات", "عمران", "إعمار", "أسعار", "أسهم", "بورصة", "سيولة",
      "مبيعات", "اقتصاد", "استثمار", "استثمارات", "صادرات", "واردات", "بضائع", "سلع", "حجوزات", "أرقام",
      // people coming and going
      "زوار", "سياح", "سياحة", "حجاج", "معتمرين", "مصلين", "نزوح", "لجوء", "لاعبين", "لاعب", "بشر", "إنسان",
      // the body
      "يد", "يدين", "كتف", "أمعاء", "جسد", "جسم", "فك", "أرجل", "رأس", "عين", "عينين", "لسان", "مفاصل",
      "عضلات", "قدم", "قدمين", "أصابع", "رقبة", "ظهر", "ركبة", "جناحين", "أجنحة",
      // nature and things
      "كواكب", "قارات", "رياح", "أرض", "شمس", "قمر", "نجوم", "أمواج", "مياه", "سحب", "رمال", "صفائح",
      "ساعة", "عقارب", "بعوض", "حشرات", "جزيئات", "دم", "هواء"});
  const std::string_view key = w.key;
  return words.contains(key.starts_with("ال") ? key.substr(std::string_view("ال").size()) : key);
}

// The first word after head word `head` (a match key, without the article)
// of mention [i, j): the name begins at the head or right after it
// (CompleteNames puts the head word back later). j if neither.
size_t AfterHead(const std::vector<WordInfo>& words, size_t i, size_t j, const std::string& head) {
  const auto is_head = [&](size_t k) { return words[k].stem == head && HasNoArticle(words[k]); };
  return j - i >= 2 && is_head(i) ? i + 1 : i > 0 && is_head(i - 1) ? i : j;
}

void LeaveOutMotion(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  static const std::string movement = text::MatchKey("حركة");
  ForEachMention(*labels, [&](size_t i, size_t j) {
    const size_t first = AfterHead(words, i, j, movement);
    if (first < j && MovesOrChanges(words[first])) ClearWords(i, j, labels);
  });
}

// جهاز is a state's service (جهاز المخابرات, the intelligence service) and
// a device: before a Latin word it is the device named (جهاز آيباد, an
// iPad; a product, MISC), before a kind of device (جهاز لوحي, a tablet;
// جهاز كمبيوتر) it names nothing. On SaudiNewsNet «جهاز iPad Air» had been
// an organisation 27 times.
void LeaveOutDevices(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  static const std::string device = text::MatchKey("جهاز");
  static const auto kinds = text::internal::MatchKeySet(
      {"كمبيوتر", "كومبيوتر", "حاسوب", "حاسب", "لوحي", "هاتف", "تلفاز", "تلفزيون", "ألعاب", "تكييف", "قياس",
       "إنذار", "استشعار", "رادار", "تحكم", "تنفس", "تسجيل", "عرض", "استقبال", "إرسال", "تتبع", "توجيه",
       "كشف", "فحص", "تعقب", "رصد", "تشويش", "محمول", "ذكي"});
  std::vector<uint8_t>& l = *labels;
  ForEachMention(l, [&](size_t i, size_t j) {
    const size_t first = AfterHead(words, i, j, device);
    if (first == j) return;
    if (kinds.contains(words[first].key)) {
      ClearWords(i, j, labels);
    } else if (std::all_of(words.begin() + static_cast<long>(first), words.begin() + static_cast<long>(j),
                           [](const WordInfo& w) { return w.kind == kLatin; })) {
      std::fill(l.begin() + static_cast<long>(i), l.begin() + static_cast<long>(first), kO);
      const int misc = BeginOf(EntityType::kMisc);
      l[first] = static_cast<uint8_t>(misc);
      std::fill(l.begin() + static_cast<long>(first) + 1, l.begin() + static_cast<long>(j), misc + 1);
    }
  });
}

// The gazetteers that list names of a type.
uint16_t GazetteersOf(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return kGazPerson | kGazNamePer;
    case EntityType::kLocation: return kGazCountry | kGazCity | kGazNameLoc;
    case EntityType::kOrganization: return kGazOrg | kGazNameOrg;
    case EntityType::kMisc: return kGazCurrency | kGazNameMisc;
  }
  return 0;
}

// A one-word name on a word that only begins names in the gazetteers (سان,
// San; شبه, quasi-, of شبه جزيرة, peninsula; المحيط, the ocean) was cut
// from the rest: «[سان] [بطرسبرغ]», «[المحيط] [الهادئ]» (the Pacific), «[شبه]
// جزيرة [سيناء]» (the Sinai peninsula), «[ريو] [دي جانيرو]». It takes in the
// rest of the longest listed phrase it begins («[المملكة] الأردنية الهاشمية»,
// the Hashemite Kingdom of Jordan), or else, through words that go on a
// listed phrase's beginning, the name the model tagged next. Where it is a
// common word alone («[شبه] اتفاق», an all but agreement) it stays: the
// name lists hold far too many beginnings (الجزيرة, كابي) to drop them.
void CompleteNamesFromTheirFirstWord(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  std::vector<uint8_t>& l = *labels;
  const auto relabel = [&](size_t from, size_t to, int begin) {
    for (size_t k = from; k < to; ++k) l[k] = static_cast<uint8_t>(k == from ? begin : begin + 1);
  };
  for (size_t i = 0; i < l.size(); ++i) {
    const WordInfo& w = words[i];
    if (!IsBegin(l[i]) || (i + 1 < l.size() && IsInside(l[i + 1])) || !w.begins_names_only ||
        w.kind != kArabic) {
      continue;
    }
    // A head word in its construct state (نادي النصر, the Nasr club; مدينة
    // حلب) announces a name that is the rest (HarmonizeDocument clears it).
    if ((w.classes & (kOrgTrigger | kLocTrigger)) && HasNoArticle(w)) continue;
    // The rest of a listed phrase, whatever the model tagged inside it: «[سان]
    // [مارتن]» (a footballer; the island is listed) takes the type of the
    // last name it tagged there, its reading of the context. Phrases match
    // by stems, so not over the preposition ب: «الغور بالأردن» (the Ghor, in
    // Jordan) is no غور الأردن (the Jordan Valley). Names do take ل (for:
    // المرصد السوري لحقوق الإنسان, the Syrian Observatory for Human Rights).
    const size_t phrase_end = i + w.phrase_words;
    const auto in = [&](const WordInfo& x) { return Proclitics(x).find("ب") != std::string_view::npos; };
    if (w.phrase_words >= 2 && phrase_end <= l.size() && (phrase_end == l.size() || !IsInside(l[phrase_end])) &&
        std::none_of(words.begin() + static_cast<long>(i) + 1, words.begin() + static_cast<long>(phrase_end), in)) {
      int begin = l[i];
      for (size_t k = i + 1; k < phrase_end; ++k) {
        if (IsBegin(l[k])) begin = l[k];
      }
      relabel(i, phrase_end, begin);
      continue;
    }
    for (size_t q = i + 1; q <= i + w.prefix_words && q < l.size(); ++q) {
      if (l[q] == kO && !FunctionWordWithClitic(words[q])) continue;
      // A name of the same type, with no clitic or written و (الإمارات وقطر,
      // the Emirates and Qatar, are two), which right after the word is not a
      // listed name of that type by itself (الأهلي after النادي, the club;
      // after شبه جزيرة, سيناء may be). After a word with the article only a
      // word with it: a definite noun and its adjective are one name (المحيط
      // الهادئ), a definite noun and another word are not («[الصحراء]
      // [وخلعها]», the desert, and took it off, tagged by the model).
      size_t end = q + 1;
      while (end < l.size() && IsInside(l[end])) ++end;
      const WordInfo& next = words[q];
      if (l[q] == l[i] && !HasClitic(next) && !next.key.starts_with("و") &&
          (HasNoArticle(w) || !HasNoArticle(next)) &&
          !(q == i + 1 && next.phrase_words == end - q && (next.gaz_begin & GazetteersOf(TypeOf(l[q]))))) {
        relabel(i, end, l[q]);
      }
      break;
    }
  }
}

// A one-word place that the corpus mostly writes with the article is a
// common word (بنين, Benin, and boys: «المدارس بنين وبنات», boys' and girls'
// schools; البنين, the boys), unless the document has it somewhere where a
// place stands: after a preposition («في بنين»), a place's head word, a
// title or a direction (عاصمة بنين, the capital of Benin; رئيس بنين), in a
// listed place's name (جمهورية بنين), or in a list with another place
// («نيجيريا وتشاد وبنين»). Countries and cities take no article unless it is
// part of their names (العراق), which the stem then keeps.
void LeaveOutCommonWordsAsPlaces(const std::vector<const std::vector<WordInfo>*>& doc,
                                 std::vector<std::vector<uint8_t>>* labels) {
  constexpr uint8_t kOftenDefinite = 3;  // CorpusStats::article: two fifths or more with ال
  constexpr uint32_t kCommon = 50;       // occurrences, for the share to be a word's
  const int place = BeginOf(EntityType::kLocation);
  text::internal::StringSet named;  // stems the document has where a place stands
  std::vector<std::pair<size_t, size_t>> common;  // (sentence, word) of the others
  for (size_t s = 0; s < doc.size(); ++s) {
    const std::vector<WordInfo>& words = *doc[s];
    const std::vector<uint8_t>& l = (*labels)[s];
    const auto is_place = [&](size_t k) { return k < l.size() && (l[k] == place || l[k] == place + 1); };
    ForEachMention(l, [&](size_t i, size_t j) {
      const WordInfo& w = words[i];
      if (j - i != 1 || w.kind != kArabic || !HasNoArticle(w) || w.key.starts_with("ال") ||
          w.stats == nullptr || w.stats->count < kCommon || w.stats->article < kOftenDefinite) {
        return;
      }
      // Another type too where the word begins a listed place: the document's
      // vote made «بنين» an organisation beside «بنات» (girls).
      if (l[i] != place && !(w.gaz_begin & GazetteersOf(EntityType::kLocation))) return;
      const std::string_view clitics = Proclitics(w);
      const bool after_preposition = w.after_preposition || clitics.find("ب") != std::string_view::npos ||
                                     clitics.find("ل") != std::string_view::npos ||
                                     (i > 0 && PrepositionOfPlace(words[i - 1]));
      const bool after_head = i > 0 && (words[i - 1].classes & (kLocTrigger | kPersonTitle | kDirection));
      const bool in_listed_place = w.gaz_inside & GazetteersOf(EntityType::kLocation);
      const bool listed_before = i > 0 && ((is_place(i - 1) && clitics.starts_with("و")) ||
                                           (i > 1 && words[i - 1].kind == kPunct && is_place(i - 2)));
      const bool listed_after = (j < l.size() && l[j] == place && Proclitics(words[j]).starts_with("و")) ||
                                (j + 1 < l.size() && words[j].kind == kPunct && l[j + 1] == place);
      if (after_preposition || after_head || in_listed_place || listed_before || listed_after) {
        named.insert(w.stem);
      } else {
        common.emplace_back(s, i);
      }
    });
  }
  for (const auto& [s, i] : common) {
    if (!named.contains((*doc[s])[i].stem)) (*labels)[s][i] = kO;
  }
}

// An adverb made of a relative adjective (ميدانيا, in the field: Lexicon::
// IsNisbaAdverb) is no name alone: «ميدانيا، واصل اللاعبون» (in the field,
// the players went on) had been a place 105 times on SaudiNewsNet. Unless a
// gazetteer or name list has the word: روسيا (Russia) ends so too.
void LeaveOutAdverbs(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  std::vector<uint8_t>& l = *labels;
  ForEachMention(l, [&](size_t i, size_t j) {
    const WordInfo& w = words[i];
    if (j - i == 1 && w.adverb && !w.gaz_begin &&
        !(w.classes & (kGivenName | kNamePer | kNameLoc | kNameOrg | kNameMisc))) {
      l[i] = kO;
    }
  });
}

// A militia (ميليشيا, ميليشيات and their spellings, with the article or
// without) is a kind of armed body, no name nor part of one: the name is
// what follows it («ميليشيات الحوثي», the Houthi militias). Alone it had
// been a place 248 times on SaudiNewsNet and an organisation 98 times. What
// a mention had before it is no name either («انهزام ميليشيات», the defeat
// of militias), nor is an indefinite adjective after it (ميليشيا شيعية, a
// Shia militia).
bool IsArmedBody(const WordInfo& w) {
  static const auto kinds = text::internal::MatchKeySet(
      {"ميليشيا", "ميليشيات", "مليشيا", "مليشيات", "ميلشيا", "ميلشيات"});
  const std::string_view stem = w.stem;
  const std::string_view article = "ال";  // the
  return kinds.contains(stem.starts_with(article) ? stem.substr(article.size()) : stem);
}

void LeaveOutArmedBodies(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  ForEachMention(*labels, [&](size_t i, size_t j) {
    for (size_t k = j; k-- > i;) {
      if (!IsArmedBody(words[k])) continue;
      ClearWords(i, k + 1 < j && IndefiniteAdjective(words[k + 1]) ? j : k + 1, labels);
      return;
    }
  });
}

// A mosque named by an adjective is named with المسجد, the mosque: «المسجد
// الحرام» (the Grand Mosque in Mecca), «المسجد الأقصى», «المسجد النبوي», other
// names (MISC) as ANERcorp marks them. The model had tagged the adjective
// alone, as an organisation, 253 times on SaudiNewsNet; alone it is a
// common word (الحرام, the forbidden). A mosque in the construct state
// (مسجد الحسين بن علي, the mosque of Hussein) keeps the name it is named for.
void NameMosquesWithTheirNoun(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  static const auto mosque = text::internal::MatchKeySet({"مسجد"});
  std::vector<uint8_t>& l = *labels;
  ForEachMention(l, [&](size_t i, size_t j) {
    if (j - i != 1 || i == 0 || l[i - 1] != kO || HasNoArticle(words[i]) || HasNoArticle(words[i - 1])) return;
    const std::string_view stem = words[i - 1].stem;
    const std::string_view article = "ال";  // the
    if (!mosque.contains(stem.starts_with(article) ? stem.substr(article.size()) : stem)) return;
    l[i - 1] = static_cast<uint8_t>(BeginOf(EntityType::kMisc));
    l[i] = static_cast<uint8_t>(BeginOf(EntityType::kMisc) + 1);
  });
}

// Whether a key is a function word, or one of those that take a clitic
// (ومن، بكل، ولو: and from, with every, even if). Only those: short foreign
// names read as other clitics and function words (بان, Ban, as ب + أن; فاو,
// FAO; وام, WAM), and بولو (Bolu) is no function word at all: its rest, ولو,
// is one only with its own clitic. Unlike FunctionWordWithClitic, which
// trusts the corpus stem (بان's is ان), for deciding a whole name.
bool FunctionWordOrCliticForm(std::string_view key) {
  // every, from/who: after any clitic
  static const auto after_any = text::internal::MatchKeySet({"كل", "من"});
  // if, he, she, not, what, will not, did not, already: after and, so
  static const auto after_and = text::internal::MatchKeySet({"لو", "هو", "هي", "لا", "ما", "لن", "لم", "قد"});
  if (text::IsFunctionWord(key)) return true;
  if (key.size() <= kLetter) return false;
  const std::string_view clitic = key.substr(0, kLetter), rest = key.substr(kLetter);
  if (IsConjunctionLetter(clitic)) return after_any.contains(rest) || after_and.contains(rest);
  return IsPrepositionLetter(clitic) && after_any.contains(rest);
}

// Whether the stem took a preposition (ب ل ك) off a word whose rest is a
// clitic and a function word (FunctionWordOrCliticForm): بولو (Bolu) as
// ب + و + لو (in + and + if). A preposition comes after و or ف and before
// the article, never before another clitic: the word is whole.
bool PrepositionBeforeClitic(const WordInfo& w) {
  const size_t lost = w.key.size() - w.stem.size();
  return lost == kLetter && IsPrepositionLetter(std::string_view(w.key).substr(0, kLetter)) &&
         !text::IsFunctionWord(w.stem) && FunctionWordOrCliticForm(w.stem);
}

// Whether the stem took a preposition (ب ل ك) off a word whose rest the
// corpus reads as a conjunction (و ف) and a word, and the name lists have
// that rest in names: لوكاس (Lucas) as ل + و + كاس (for and cup). A
// preposition never comes before a conjunction, so the word is whole. Not
// لفراس (for Firas), though the corpus reads فراس as ف + راس: the lists
// do not have فراس (its stem is راس), so ل goes.
bool PrepositionBeforeConjunction(const WordInfo& w, const Lexicon& lexicon) {
  if (w.key.size() != w.stem.size() + kLetter || !IsPrepositionLetter(std::string_view(w.key).substr(0, kLetter)) ||
      !IsConjunctionLetter(std::string_view(w.stem).substr(0, kLetter)) ||
      !(w.classes & (kNamePer | kNameLoc | kNameOrg))) {
    return false;
  }
  return lexicon.StemOf(w.stem) == std::string_view(w.stem).substr(kLetter);
}

// A function word alone is no name, with a clitic or without: ومن (and
// from) had been a place 34 times on SaudiNewsNet, بكل (with every) 43
// times and ولو (even if) 20. Nor does a person, place or organisation
// begin with one a clitic carries: «ومن صالح» (and who, Saleh) is Saleh. A
// bare one may begin a foreign name (لو بان, Le Pen; آي بي إم, IBM, whose
// آي has the key of أي, any), and a title may begin with either. Not أن
// (that), whose key is that of آن (Anne).
void LeaveOutFunctionWords(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  static const std::string that = text::MatchKey("أن");
  std::vector<uint8_t>& l = *labels;
  ForEachMention(l, [&](size_t i, size_t j) {
    if (words[i].key == that || !FunctionWordOrCliticForm(words[i].key)) return;
    if (j - i > 1) {
      // A bare one may begin a foreign name (لو بان, Le Pen; هو جينتاو).
      if (TypeOf(l[i]) == EntityType::kMisc || text::IsFunctionWord(words[i].key)) return;
      l[i + 1] = l[i];  // the next word begins the name
    }
    l[i] = kO;
  });
}

// A word after a preposition carries no clitic of its own, so a one-word
// name the model read through a stem that only begins longer names is none:
// على لسان (according to; on the tongue of) as ل + سان, San.
void LeaveOutNameStartsAfterPrepositions(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  std::vector<uint8_t>& l = *labels;
  ForEachMention(l, [&](size_t i, size_t j) {
    if (j - i == 1 && words[i].after_preposition && words[i].begins_names_only && HasClitic(words[i])) l[i] = kO;
  });
}

// Latin names are written with capitals: a name of Latin words none of
// which is (alert, script, from markup quoted in a text) is none. The model
// has seen hardly any Latin and guesses.
void LeaveOutLowerCaseLatin(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  std::vector<uint8_t>& l = *labels;
  ForEachMention(l, [&](size_t i, size_t j) {
    const bool lower = std::all_of(words.begin() + static_cast<long>(i), words.begin() + static_cast<long>(j),
                                   [](const WordInfo& w) { return w.written_lower_latin; });
    if (lower) std::fill(l.begin() + static_cast<long>(i), l.begin() + static_cast<long>(j), kO);
  });
}

// Whether the one-word name at i is a currency after an amount, which is
// the currency (MISC, as ANERcorp tags it) whatever the document's other
// names: ريال, also Real (Madrid), had been an organisation 244 times and a
// place 41 times on SaudiNewsNet in «(40000) ريال» (40,000 riyals).
bool CurrencyAfterAmount(const std::vector<WordInfo>& words, size_t i) {
  // million, billion, trillion, thousand (and their plurals)
  static const auto multipliers = text::internal::MatchKeySet(
      {"مليون", "ملايين", "مليار", "مليارات", "تريليون", "ألف", "آلاف"});
  if (!(words[i].classes & kCurrency) || i == 0) return false;
  size_t k = i - 1;
  if (k > 0 && (words[k].key == ")" || words[k].key == "]")) --k;  // «(40000) ريال»
  return words[k].kind == kDigits || multipliers.contains(words[k].key);
}

// True if the word is علي as written with ي and without clitics: in a text
// that writes the preposition على (on) with ى, the name Ali.
bool IsWrittenAli(const WordInfo& w) {
  static const std::string ali = text::MatchKey("علي");
  return w.key == ali && w.stem == w.key && !w.written_alef_maqsura;
}

// Whether the document writes the preposition على (on) with ى somewhere: its
// writers then tell ى from ي, and علي is the name Ali.
bool WritesOnWithAlefMaqsura(const std::vector<const std::vector<WordInfo>*>& doc) {
  for (const std::vector<WordInfo>* words : doc) {
    if (std::any_of(words->begin(), words->end(), IsOn)) return true;
  }
  return false;
}

// علي (Ali) before a person's name begins it, in a document that tells it
// from على (on): the model, for which the two are one word and the
// preposition the commoner, left it out 503 times in SaudiNewsNet («المخلوع
// علي عبدالله صالح», the deposed Ali Abdullah Saleh, became عبدالله صالح).
void BeginNamesWithAli(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  std::vector<uint8_t>& l = *labels;
  const int person = BeginOf(EntityType::kPerson);
  for (size_t i = 0; i + 1 < l.size(); ++i) {
    if (l[i] == kO && l[i + 1] == person && IsWrittenAli(words[i])) {
      l[i] = static_cast<uint8_t>(person);
      l[i + 1] = static_cast<uint8_t>(person + 1);
    }
  }
}

// A curated given name between a title or role (up to three words before)
// and a person's name begins the name: the model had left مهند out of
// «المتحدث باسم الجماعة مهند عكيدي» (the group's spokesman Muhannad Akidi).
// Only there: many given names are also words (حسن, good; أمل, hope; عمر,
// age), and the corpus counts make أدى (performed) the stem of فادي (Fadi).
// Not علي, which may be the preposition على (BeginNamesWithAli), nor a
// word with a clitic, nor before one other than the article (ومهند, and
// Muhannad: another man; المسماري, a family name, goes on).
void BeginNamesWithGivenNames(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  static const std::string ali = text::MatchKey("علي");
  std::vector<uint8_t>& l = *labels;
  const int person = BeginOf(EntityType::kPerson);
  for (size_t i = 1; i + 1 < l.size(); ++i) {
    const WordInfo& w = words[i];
    if (l[i] != kO || l[i + 1] != person || !(w.classes & kGivenName) || w.kind != kArabic ||
        w.key == ali || w.stem != w.key || text::IsFunctionWord(w.key) ||
        HasClitic(words[i + 1])) {
      continue;
    }
    for (size_t j = i - std::min<size_t>(i, 3); j < i; ++j) {
      if (words[j].classes & (kPersonTitle | kPersonRole)) {
        l[i] = static_cast<uint8_t>(person);
        l[i + 1] = static_cast<uint8_t>(person + 1);
        break;
      }
    }
  }
}

}  // namespace

void HarmonizeDocument(const std::vector<const std::vector<WordInfo>*>& doc,
                       const std::vector<std::vector<float>>& marginals,
                       std::vector<std::vector<uint8_t>>* labels) {
  const int person = BeginOf(EntityType::kPerson), org = BeginOf(EntityType::kOrganization);
  // Each way of writing a name: the summed posterior of each type over its
  // occurrences.
  std::unordered_map<std::string, std::array<float, kEntityTypes>> votes;
  text::internal::StringSet surnames;
  const bool tells_ali_from_on = WritesOnWithAlefMaqsura(doc);
  // Rules within a sentence first, in this order: a title or a curated name
  // made here may then take part in the document's vote.
  for (size_t s = 0; s < doc.size(); ++s) {
    const std::vector<WordInfo>& words = *doc[s];
    std::vector<uint8_t>* l = &(*labels)[s];
    if (tells_ali_from_on) BeginNamesWithAli(words, l);
    BeginNamesWithGivenNames(words, l);
    MarkQuotedTitles(words, l);
    JoinClubsAndCities(words, l);
    MarkCuratedOrganisations(words, l);
    StartNamesAfterTitles(words, l);
    EndNamesBeforeAccusatives(words, l);
    ContinueNamesAfterParticles(words, l);
    JoinAdjacentPersons(words, l);
    SplitPersonsAtAnd(words, l);
    EndNamesBeforeThat(words, l);
    LeaveOutFormulaeOfGod(words, l);
    LeaveOutCrownPrince(words, l);
    LeaveOutOn(words, l);
    LeaveOutGoodness(words, l);
    LeaveOutTitlesOfLearning(words, l);
    LeaveOutMotion(words, l);
    LeaveOutDevices(words, l);
    LeaveOutAdverbs(words, l);
    LeaveOutArmedBodies(words, l);
    NameMosquesWithTheirNoun(words, l);
    LeaveOutFunctionWords(words, l);
    LeaveOutNameStartsAfterPrepositions(words, l);
    LeaveOutLowerCaseLatin(words, l);
    CompleteNamesFromTheirFirstWord(words, l);
    NameAfterTitledPerson(words, l);
  }
  SplitPersonsAtNamesOfTheDocument(doc, labels);
  for (size_t s = 0; s < doc.size(); ++s) {
    const std::vector<WordInfo>& words = *doc[s];
    std::vector<uint8_t>& l = (*labels)[s];
    ForEachMention(l, [&](size_t i, size_t j) {
      // A name does not end on a word that judges it: «داعش الإرهابي» (ISIS
      // the terrorist) is ISIS, 29 times an entity of its own on
      // SaudiNewsNet; الإرهابي alone is no name.
      static const auto judging = text::internal::MatchKeySet(
          {"الإرهابي", "الإرهابية", "المتطرف", "المتطرفة", "المزعوم", "المزعومة", "المحظور", "المحظورة",
           "الباغي", "الباغية", "التكفيري", "التكفيرية", "الإجرامي", "الإجرامية", "الظلامي", "الظلامية",
           // rebel, hardline, defector: descriptions, not part of the name
           // either («القائد المنشق», the defecting commander)
           "المتمرد", "المتمردة", "المتشدد", "المتشددة", "المنشق", "المنشقة"});
      if (judging.contains(words[j - 1].key)) {
        l[j - 1] = kO;
        if (j - i == 1) return;
        --j;
      }
      // Nor on the word that announces it (ريف, the countryside of; قضاء,
      // the district of): the name itself was missed.
      const WordInfo& last = words[j - 1];
      if ((last.classes & (kLocTrigger | kOrgTrigger)) && HasNoArticle(last)) {
        std::fill(l.begin() + static_cast<long>(i), l.begin() + static_cast<long>(j), kO);
        return;
      }
      // Nor does it begin a description: a head word and an indefinite
      // adjective of the feminine, no article anywhere, describe a body or a
      // place without naming it: «جامعة سعودية» (a Saudi university),
      // «منظمة إرهابية» (a terrorist organisation), «مدينة تركية». Not an
      // adjective a gazetteer has (a place of that name: قرية العالية).
      // أمريكية is one, as part of names, so «جامعة أمريكية» stays.
      if (j - i >= 2 && (words[i].classes & (kLocTrigger | kOrgTrigger)) &&
          std::all_of(words.begin() + static_cast<long>(i), words.begin() + static_cast<long>(j), HasNoArticle) &&
          last.written_ta_marbuta && last.stem.ends_with("يه") && !last.gaz_begin && !last.gaz_inside) {
        std::fill(l.begin() + static_cast<long>(i), l.begin() + static_cast<long>(j), kO);
        return;
      }
      // Nor is that word alone with the article a name: الجامعة, المنظمة,
      // النادي (the university, organisation, club) refer back to one named
      // before, unless a name list has the word as a whole name (الاتحاد,
      // the club al-Ittihad; الجزيرة, the channel).
      if (j - i == 1 && (last.classes & (kLocTrigger | kOrgTrigger)) && !HasNoArticle(last) &&
          !(last.gaz_begin && (j == words.size() || !(words[j].gaz_inside & last.gaz_begin)))) {
        l[i] = kO;
        return;
      }
      // A people named by its country (الطاجيك، أفغان: the Tajiks, Afghans)
      // is not a name, as ANERcorp has it.
      if (j - i == 1 && words[i].people) {
        l[i] = kO;
        return;
      }
      // «باسم الجماعة مهند العكيدي» (for the group, Muhannad al-Ukaidi): an
      // organisation's trigger word with the article refers back to a group
      // named before, and the given name after it begins a person's name.
      if (j - i >= 2 && l[i] != person && (words[i].classes & kOrgTrigger) &&
          !HasNoArticle(words[i]) && (words[i + 1].classes & kGivenName)) {
        l[i++] = kO;
        for (size_t k = i; k < j; ++k) l[k] = static_cast<uint8_t>(k == i ? person : person + 1);
      }
      // A club, a paper or a company named by a word of its own ends before
      // the nationality after it (بورتو البرتغالي, Porto the Portuguese; بيلد
      // الألمانية), where a descriptive name keeps it (وزارة الخارجية
      // الطاجيكية, السلطة الفلسطينية: the word before it has the article).
      if (l[i] == org && j - i >= 2 && words[j - 1].nationality && HasNoArticle(words[j - 2]) &&
          !(words[j - 2].classes & kOrgTrigger)) {
        l[--j] = kO;
      }
      if (l[i] == person && j - i >= 2 && !HasNoArticle(words[i]) && Nisba(words[i]) &&
          !(words[i].classes & kGivenName)) {
        l[i] = kO;
        l[++i] = static_cast<uint8_t>(person);
      }
      // A sentence the model found no name in has no marginals: the rules
      // above made this one, with no posterior of its own.
      float posterior = marginals[s].empty() ? 0 : 1;
      for (size_t k = i; k < j && !marginals[s].empty(); ++k) {
        posterior = std::min(posterior, marginals[s][k * kLabels + (k == i ? l[i] : l[i] + 1)]);
      }
      votes[NameStems(words, i, j)][static_cast<int>(TypeOf(l[i]))] += posterior;
      // The second word of a compound (الله of عبد الله and of نصر الله,
      // بكر of أبو بكر) is no surname that is this person when alone.
      if (l[i] == person && j - i >= 2 && !(words[j - 2].classes & kNameParticle) &&
          !IsGodsName(words[j - 1])) {
        surnames.insert(words[j - 1].stem);
      }
    });
  }
  for (size_t s = 0; s < doc.size(); ++s) {
    const std::vector<WordInfo>& words = *doc[s];
    std::vector<uint8_t>& l = (*labels)[s];
    ForEachMention(l, [&](size_t i, size_t j) {
      int type = static_cast<int>(TypeOf(l[i]));
      if (j - i == 1 && CurrencyAfterAmount(words, i)) {
        l[i] = static_cast<uint8_t>(BeginOf(EntityType::kMisc));
        return;
      } else if (j - i == 1 && surnames.contains(words[i].stem)) {
        type = static_cast<int>(EntityType::kPerson);
      } else if (j - i == 1 && words[i].nationality &&
                 (l[i] == person || !(words[i].gaz_begin & kGazCountry))) {
        // An adjective of nationality alone (القائد الطاجيكي, the Tajik
        // commander; المنتخب المكسيكي, the Mexican team) is a person only as
        // the surname of a name in the document (المصري of محمد المصري), and
        // of no other type unless a country's name starts with it
        // (السعودية, Saudi Arabia, is also the airline: five such
        // organisations in two days of SaudiNewsNet, none in a sentence
        // written for a test). ANERcorp tags such an adjective a place only
        // inside a place's name (الولايات المتحدة الأمريكية); alone, as in
        // «الحدود الطاجيكية» (the Tajik border), it had been one.
        l[i] = kO;
        return;
      } else {
        // Another type only with more evidence: the votes of a span the
        // rules above made can be all but zero.
        const auto& v = votes.at(NameStems(words, i, j));
        const int best = static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
        if (v[best] > v[type]) type = best;
      }
      const int begin = BeginOf(static_cast<EntityType>(type));
      for (size_t k = i; k < j; ++k) l[k] = static_cast<uint8_t>(k == i ? begin : begin + 1);
    });
  }
  // On the types the document agreed on: a word it made a person (هيكل,
  // Heikal, the surname of a name before) is no place to leave out.
  LeaveOutCommonWordsAsPlaces(doc, labels);
}

void CompleteNames(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels) {
  static const std::string in = text::MatchKey("في"), lands = text::MatchKey("بلاد");
  JoinCountryNames(words, labels);
  std::vector<uint8_t>& l = *labels;
  // A state body of a named country: ministry, authority, service, council,
  // court, commission (organisation triggers all), then its definite words up
  // to a nationality (وزارة الدفاع الروسية, the Russian Ministry of Defence;
  // جهاز الأمن الفيدرالي الروسي). ANERcorp tags none of them, and without the
  // nationality (وزارة الخارجية) it is every country's, so no entity.
  static const auto bodies = text::internal::MatchKeySet({"وزارة", "هيئة", "جهاز", "مجلس", "محكمة", "مفوضية"});
  constexpr size_t kLongestBody = 4;  // words after the head, the nationality included
  const int org = BeginOf(EntityType::kOrganization);
  for (size_t i = 0; i + 2 < l.size(); ++i) {
    if (l[i] != kO || !(words[i].classes & kOrgTrigger) || !bodies.contains(words[i].stem) ||
        !HasNoArticle(words[i])) {
      continue;
    }
    size_t k = i + 1;
    while (k < l.size() && k <= i + kLongestBody && l[k] == kO && !HasNoArticle(words[k]) &&
           !words[k].nationality) {
      ++k;
    }
    // The nationality may be tagged a place on its own: السعودية is also the
    // country's name.
    const int place = BeginOf(EntityType::kLocation);
    if (k == i + 1 || k >= l.size() || k > i + kLongestBody || !words[k].nationality ||
        !(l[k] == kO || (l[k] == place && (k + 1 == l.size() || l[k + 1] != place + 1)))) {
      continue;
    }
    for (size_t x = i; x <= k; ++x) l[x] = static_cast<uint8_t>(x == i ? org : org + 1);
    i = k;
  }
  ForEachMention(l, [&](size_t i, size_t j) {
    const int begin = l[i];
    if (i > 0 && l[i - 1] == kO) {
      const Head* head = HeadAt(words, i - 1);
      if (head != nullptr && head->in_name && BeginOf(head->type) == begin) {
        l[i - 1] = static_cast<uint8_t>(begin);
        l[i] = static_cast<uint8_t>(begin + 1);
      }
    }
    // Organisation X in the lands of Y (أنصار الهجرة في بلاد الشام): one name.
    const int place = BeginOf(EntityType::kLocation);
    if (begin == BeginOf(EntityType::kOrganization) && j + 2 < l.size() && l[j] == kO &&
        words[j].key == in && words[j + 1].stem == lands && (l[j + 1] == kO || l[j + 1] == place)) {
      size_t k = j + 1;
      if (l[k] == kO && l[k + 1] == place) ++k;
      if (l[k] != place) return;
      for (size_t x = j; x < k + 1 || (x < l.size() && l[x] == place + 1); ++x) {
        l[x] = static_cast<uint8_t>(begin + 1);
      }
    }
  });
}

}  // namespace internal

void Tagger::Model::Score(const std::vector<WordInfo>& words, std::vector<float>* scores) const {
  scores->assign(words.size() * kLabels, 0);
  const Features features(groups, &lexicon);
  std::vector<uint64_t> keys;
  const auto add = [](const float* from, float* to) {
    for (int l = 0; l < kLabels; ++l) to[l] += from[l];
  };
  for (size_t i = 0; i < words.size(); ++i) {
    keys.clear();
    float* s = &(*scores)[i * kLabels];
    if (const float* known = words[i].known_scores) {
      add(known, s);
    } else {
      features.ExtractLocal(words[i], &keys);
    }
    for (size_t k = 0; k < kNeighbourOffsets.size(); ++k) {
      const ptrdiff_t j = static_cast<ptrdiff_t>(i) + kNeighbourOffsets[k];
      if (j < 0 || j >= static_cast<ptrdiff_t>(words.size())) {
        add(&boundary_scores[k * kLabels], s);
      } else if (const float* known = words[j].known_scores) {
        add(known + (k + 1) * kLabels, s);
      } else {
        features.ExtractNeighbour(words[j], kNeighbourOffsets[k], &keys);
      }
    }
    features.ExtractJoint(words, i, &keys);
    AddWeights(table, keys.data(), keys.size(), s);
    MaskPunctuation(words[i], s);
  }
}

void Tagger::Model::IndexKnownWords() {
  // Stems seen this often cover most running words; rarer ones would make
  // loading slower for little.
  constexpr uint32_t kMinCount = 50;
  const Features features(groups, &lexicon);
  std::vector<uint64_t> keys;
  // The summed weights of the keys extract(keys) gives, into `to`.
  const auto sum = [&](auto extract, float* to) {
    keys.clear();
    extract(&keys);
    AddWeights(table, keys.data(), keys.size(), to);
  };
  for (size_t k = 0; k < kNeighbourOffsets.size(); ++k) {
    sum([&](auto* out) { features.ExtractNeighbour(Features::Boundary(), kNeighbourOffsets[k], out); },
        &boundary_scores[k * kLabels]);
  }
  known_words.clear();
  for (const std::string_view stem : lexicon.StemsSeen(kMinCount)) {
    KnownWord& known = known_words[std::string(stem)];
    features.PrepareWord(std::string(stem), &known.info);
    sum([&](auto* out) { features.ExtractLocal(known.info, out); }, &known.scores[0]);
    for (size_t k = 0; k < kNeighbourOffsets.size(); ++k) {
      sum([&](auto* out) { features.ExtractNeighbour(known.info, kNeighbourOffsets[k], out); },
          &known.scores[(k + 1) * kLabels]);
    }
    known.info.known_scores = known.scores.data();
  }
}

std::vector<std::vector<float>> Tagger::Model::DocumentMarginals(
    const std::vector<std::vector<float>>& scores, const std::vector<std::vector<uint8_t>>& labels) const {
  std::vector<std::vector<float>> marginals(scores.size());
  for (size_t s = 0; s < scores.size(); ++s) {
    if (std::any_of(labels[s].begin(), labels[s].end(), [](uint8_t l) { return l != kO; })) {
      marginals[s] = Marginals(scores[s], final_transitions(), labels[s].size(), temperature);
    }
  }
  return marginals;
}

void Tagger::Model::ScoreDocument(const std::vector<const std::vector<WordInfo>*>& doc,
                                  std::vector<std::vector<float>>* scores) const {
  scores->resize(doc.size());
  if (!two_pass()) {
    for (size_t s = 0; s < doc.size(); ++s) {
      Score(*doc[s], &(*scores)[s]);
      BoostAfterHeads(*doc[s], &(*scores)[s]);
      BoostPlacesAfterPrepositions(*doc[s], &(*scores)[s]);
      CutAtNonNameWords(*doc[s], &(*scores)[s]);
    }
    return;
  }
  // Pass 1.
  std::vector<std::vector<uint8_t>> pass1(doc.size());
  for (size_t s = 0; s < doc.size(); ++s) {
    Score(*doc[s], &(*scores)[s]);
    Viterbi((*scores)[s], transitions, doc[s]->size(), &pass1[s]);
  }
  // Pass 2: the first pass's scores plus the document features'.
  Features::ExtractDocument(doc, pass1, [&](size_t s, size_t i, const uint64_t* keys, size_t count) {
    AddWeights(table2, keys, count, &(*scores)[s][i * kLabels]);
  });
  for (size_t s = 0; s < doc.size(); ++s) {
    BoostAfterHeads(*doc[s], &(*scores)[s]);
    BoostPlacesAfterPrepositions(*doc[s], &(*scores)[s]);
    CutAtNonNameWords(*doc[s], &(*scores)[s]);
  }
}

std::string MentionName(const text::Analysis& a, const Mention& m) {
  const text::Token& first = a.tokens[m.first_token];
  std::string name(a.normalized.text.substr(m.span.begin, m.span.size()));
  // The article's ل after the preposition's: the span may start at it or
  // after it (the tagger leaves both letters out).
  for (uint8_t c = 1; c < first.clitic_count; ++c) {
    const text::Piece& article = first.clitics[c];
    if (article.role != text::Clitic::kArticle || article.span.size() != 2 ||
        first.clitics[c - 1].role != text::Clitic::kPreposition) {
      continue;
    }
    if (article.span.begin == m.span.begin) name = "ا" + name;
    if (article.span.end == m.span.begin) name = "ال" + name;
  }
  return name;
}

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PER";
    case EntityType::kLocation: return "LOC";
    case EntityType::kOrganization: return "ORG";
    case EntityType::kMisc: return "MISC";
  }
  return "?";
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  if (name == "PER" || name == "PERS") return EntityType::kPerson;
  if (name == "LOC") return EntityType::kLocation;
  if (name == "ORG") return EntityType::kOrganization;
  if (name == "MISC") return EntityType::kMisc;
  return std::nullopt;
}

Tagger::Tagger(std::unique_ptr<Model> model) : model_(std::move(model)) {}
Tagger::~Tagger() = default;

std::unique_ptr<Tagger> Tagger::Load(const std::string& path, std::string* error) {
  auto model = LoadModel(path, error);
  if (!model) return nullptr;
  return std::unique_ptr<Tagger>(new Tagger(std::move(model)));
}

const ModelInfo& Tagger::info() const { return model_->info; }

std::vector<std::string> Tagger::TagWords(const std::vector<std::string>& words) const {
  return TagDocument({words})[0];
}

std::vector<std::vector<std::string>> Tagger::TagDocument(
    const std::vector<std::vector<std::string>>& sentences) const {
  const Features features(model_->groups, &model_->lexicon);
  std::vector<std::vector<WordInfo>> info(sentences.size());
  std::vector<const std::vector<WordInfo>*> doc;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const std::vector<std::string> normalized = NormalizeWords(sentences[s]);
    features.Prepare(std::vector<std::string_view>(normalized.begin(), normalized.end()), &info[s],
                     &model_->known_words);
    doc.push_back(&info[s]);
  }
  std::vector<std::vector<float>> scores;
  model_->ScoreDocument(doc, &scores);
  std::vector<std::vector<uint8_t>> labels(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    Viterbi(scores[s], model_->final_transitions(), info[s].size(), &labels[s]);
  }
  HarmonizeDocument(doc, model_->DocumentMarginals(scores, labels), &labels);
  std::vector<std::vector<std::string>> tags(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    tags[s].reserve(labels[s].size());
    for (uint8_t l : labels[s]) tags[s].emplace_back(LabelName(l));
  }
  return tags;
}

// A Latin acronym written in Arabic with full stops between its letters
// (بي.بي.سي, BBC; إيه.بي.سي, ABC) is one name, which the tokenizer cuts at
// each stop: the model had tagged its letters apart, «بي» an organisation
// 271 times on SaudiNewsNet. Letters (text::LatinLetterNamed) joined by full
// stops without spaces, where the model tagged any of them, are one name
// with the names they touch («شركة بي.بي», the company BP): an organisation
// if any of its words was one, else of the first's type. Labels are those
// of the sentence whose first token is `first`.
void JoinDottedAcronyms(std::string_view normalized, const std::vector<text::Token>& tokens, uint32_t first,
                        std::vector<uint8_t>* labels) {
  std::vector<uint8_t>& l = *labels;
  // Whether words k, k + 1 and k + 2 are a letter, a stop and a letter.
  const auto dotted = [&](size_t k) { return k + 2 < l.size() && text::InAcronym(normalized, tokens, first + k + 1); };
  for (size_t from = 0; from < l.size(); ++from) {
    if (!dotted(from)) continue;
    size_t to = from + 2;  // the chain's last letter
    while (dotted(to)) to += 2;
    // With the names it touches: back to the start of the name its first
    // letter is in, on to the end of the one its last letter is in.
    size_t begin = from, end = to + 1;
    while (begin > 0 && IsInside(l[begin])) --begin;
    while (end < l.size() && IsInside(l[end])) ++end;
    std::optional<EntityType> type;
    for (size_t k = begin; k < end; ++k) {
      if (l[k] != kO && (!type || TypeOf(l[k]) == EntityType::kOrganization)) type = TypeOf(l[k]);
    }
    if (type) {
      const int b = BeginOf(*type);
      for (size_t k = begin; k < end; ++k) l[k] = static_cast<uint8_t>(k == begin ? b : b + 1);
    }
    from = to;
  }
}

std::vector<Mention> Tagger::Tag(const text::Analysis& a) const {
  return Tag(a.normalized.text, a.tokens, a.sentences);
}

std::vector<Mention> Tagger::Tag(std::string_view normalized,
                                 const std::vector<text::Token>& tokens,
                                 const std::vector<text::Sentence>& sentences) const {
  std::vector<Mention> mentions;
  const Features features(model_->groups, &model_->lexicon);
  std::vector<std::string_view> words;
  std::vector<std::vector<WordInfo>> infos;
  std::vector<const text::Sentence*> tagged;
  for (const text::Sentence& s : sentences) {
    const uint32_t end = std::min<uint32_t>(s.end_token, static_cast<uint32_t>(tokens.size()));
    if (s.first_token >= end) continue;
    words.clear();
    for (uint32_t t = s.first_token; t < end; ++t) {
      const text::Span span = tokens[t].span;
      words.push_back(span.end <= normalized.size() && span.begin <= span.end
                          ? normalized.substr(span.begin, span.size())
                          : std::string_view());
    }
    infos.emplace_back();
    features.Prepare(words, &infos.back(), &model_->known_words);
    tagged.push_back(&s);
  }
  std::vector<const std::vector<WordInfo>*> doc;
  for (const auto& info : infos) doc.push_back(&info);
  std::vector<std::vector<float>> all_scores;
  model_->ScoreDocument(doc, &all_scores);
  const auto transitions = model_->final_transitions();
  std::vector<std::vector<uint8_t>> all_labels(doc.size());
  for (size_t d = 0; d < doc.size(); ++d) {
    Viterbi(all_scores[d], transitions, infos[d].size(), &all_labels[d]);
  }
  const std::vector<std::vector<float>> all_marginals = model_->DocumentMarginals(all_scores, all_labels);
  // Confidence is the model's, so it is read on the words the model put in
  // names, not on those the rules below add.
  const std::vector<std::vector<uint8_t>> decoded = all_labels;
  HarmonizeDocument(doc, all_marginals, &all_labels);
  for (size_t d = 0; d < doc.size(); ++d) CompleteNames(*doc[d], &all_labels[d]);
  for (size_t d = 0; d < doc.size(); ++d) {
    JoinDottedAcronyms(normalized, tokens, tagged[d]->first_token, &all_labels[d]);
  }
  // Words of the document's names, for a name whose conjunction the text
  // layer kept on (وطاجكستان, and Tajikistan: a rare spelling of a rare name
  // is not known to be a word without it).
  text::internal::StringSet name_words;
  const auto written_whole = [&](std::string_view key) {
    const CorpusStats* whole = model_->lexicon.Stats(key);
    const CorpusStats* rest = model_->lexicon.Stats(key.substr(2));
    return whole != nullptr && (rest == nullptr || whole->count > rest->count);
  };
  for (size_t d = 0; d < doc.size(); ++d) {
    ForEachMention(all_labels[d], [&](size_t i, size_t j) {
      for (size_t k = i; k < j; ++k) name_words.insert((*doc[d])[k].stem);
    });
  }
  for (size_t d = 0; d < doc.size(); ++d) {
    const text::Sentence& s = *tagged[d];
    const std::vector<WordInfo>& info = infos[d];
    const std::vector<uint8_t>& labels = all_labels[d];
    const std::vector<float>& marginals = all_marginals[d];
    ForEachMention(labels, [&](size_t i, size_t j) {
      // The posterior of the span being a name, whatever its type: the
      // document's agreement (HarmonizeDocument) may have changed the type.
      const auto position = [&](size_t k, bool inside) {
        float p = 0;
        for (int t = 0; t < kEntityTypes; ++t) {
          p += marginals[k * kLabels + BeginOf(static_cast<EntityType>(t)) + (inside ? 1 : 0)];
        }
        return p;
      };
      // A name the rules made from words the model left out (a quoted
      // title) has no posterior: it is given kRuleConfidence.
      float confidence = kRuleConfidence;
      if (std::any_of(decoded[d].begin() + static_cast<long>(i), decoded[d].begin() + static_cast<long>(j),
                      [](uint8_t l) { return l != kO; })) {
        confidence = 1;
        for (size_t k = i; k < j; ++k) {
          if (decoded[d][k] != kO) confidence = std::min(confidence, position(k, IsInside(decoded[d][k])));
        }
        if (j < labels.size()) confidence = std::min(confidence, 1 - position(j, true));
      }
      Mention m;
      m.span = {tokens[s.first_token + i].span.begin, tokens[s.first_token + j - 1].span.end};
      // The name starts after its clitics (ب+سوريا، و+واشنطن): the stem is
      // the end of the key, and key and text have the same bytes per letter
      // when their sizes agree.
      // The article stays: it is part of names such as العراق. After a
      // preposition the word is whole (في كابل, in Kabul).
      const WordInfo& first = info[i];
      if (first.key.size() == tokens[s.first_token + i].span.size() && !first.after_preposition) {
        size_t lost = 0;
        // A preposition the stem took off a conjunction is the name's letter
        // (لوكاس, Lucas, as ل + و + كاس).
        if (first.stem.size() < first.key.size() && first.key.ends_with(first.stem) &&
            !PrepositionBeforeClitic(first) && !PrepositionBeforeConjunction(first, model_->lexicon)) {
          lost = first.key.size() - first.stem.size();
          if (std::string_view(first.key).substr(0, lost).ends_with("ال")) lost -= 4;  // the article
          // Many names begin with the letter of ك (like), where the corpus
          // knows the rest better as a word: كوفي is Kofi, not ك + وفي
          // (loyal). A person's name keeps it unless the rest is a curated
          // given name or a kinship word (كمحمد العون, like Mohammed
          // al-Aoun; كابن تيمية; كأبي حيان with its hamza written, for كابي
          // is Gaby). That still cuts كرامي (Karami) to رامي: the corpus
          // keeps counts by stem, so cannot tell that it saw the whole word.
          // Not any word the name lists have in persons' names: they hold
          // يري and اري by the stems of كيري and كاري (Kerry, Carrie), and
          // Kerry alone had become يري 195 times. ب (in), ل (for, to) and
          // ف (so) come before names far more often (لأوباما, بمعمر
          // القذافي, فسعود الفيصل on SaudiNewsNet): a person's name keeps
          // them, and ك too, only when the word from the letter on is a
          // curated given name (ليلى, Layla, read as ل + يلي, follows;
          // بسام, فادي), whatever the class its stem took from it.
          static const std::string son = text::MatchKey("ابن");
          static const auto father = text::internal::MatchKeySet({"أبو", "أبي", "أبا"});
          static const auto clitic_letters = text::internal::MatchKeySet({"ك", "ب", "ل", "ف"});
          constexpr size_t kLetter = 2;  // bytes of an Arabic letter in a match key
          const bool name_after_like = (first.classes & kGivenName) || first.stem == son ||
                                       (father.contains(first.stem) && first.written_hamza);
          const std::string_view from_letter =
              lost >= kLetter ? std::string_view(first.key).substr(lost - kLetter) : std::string_view();
          const std::string_view letter = from_letter.substr(0, kLetter);
          if (TypeOf(labels[i]) == EntityType::kPerson && !from_letter.empty() &&
              ((letter == "ك" && !name_after_like) ||
               (clitic_letters.contains(letter) && IsCuratedGivenName(from_letter)))) {
            lost -= kLetter;
          }
        } else if (first.key.starts_with("لل") && first.stem.starts_with("ال") &&
                   std::string_view(first.key).substr(4) == std::string_view(first.stem).substr(4)) {
          // للأمم: for + the article with its alef dropped (الأمم). The
          // article cannot be kept without the ل before it.
          lost = 4;
        } else if (first.key.size() > 8 && (first.key.starts_with("و") || first.key.starts_with("ف")) &&
                   name_words.contains(std::string_view(first.key).substr(2))) {
          lost = 2;  // و or ف: and, so
        } else if (i > 0 && TypeOf(labels[i]) == EntityType::kPerson && labels[i - 1] != kO &&
                   TypeOf(labels[i - 1]) == EntityType::kPerson && first.key.size() > 4 &&
                   first.key.starts_with("و") && !written_whole(first.key)) {
          // A person's name right after another's, begun with و, is the
          // second of two (يوسف وطه المداني, Yusuf and Taha al-Madani; آل
          // عبيد وآل زيدان): the conjunction is no letter of the name,
          // unless the corpus has the word whole more often than without
          // it (وهبي المرزوق, Wahbi al-Marzouq).
          lost = 2;
        }
        m.span.begin += static_cast<uint32_t>(lost);
      }
      // Where the corpus stem kept the whole word, the text layer's clitics
      // still go if the corpus knows what is left (فمن، وللنصر: so who, and
      // for an-Nasr), or does not know the word at all; the conjunction و
      // before the article always goes (والكاريبي, and the Caribbean, is
      // frequent as a whole in «أمريكا اللاتينية والكاريبي»): names hardly
      // ever start with وال. What only looks like a clitic stays on a word the
      // corpus knows whole (كاليفورنيا, فالنسيا: California, Valencia), and
      // where the rest is أن (that) written without its hamza: فان جال (van
      // Gaal) is no فإن (for indeed); nor on a curated given name (فادي,
      // Fadi, is no ف + ادي).
      const text::Token& token = tokens[s.first_token + i];
      if (first.key.size() == token.span.size() && m.span.begin == token.span.begin && !first.after_preposition) {
        static const std::string that = text::MatchKey("أن");
        const bool whole_known = model_->lexicon.Stats(first.key) != nullptr;
        for (uint8_t c = 0; c < token.clitic_count; ++c) {
          const text::Piece& p = token.clitics[c];
          if (p.span.begin != m.span.begin || p.span.end >= token.span.end ||
              (p.role != text::Clitic::kConjunction && p.role != text::Clitic::kPreposition)) {
            break;
          }
          std::string rest(std::string_view(first.key).substr(p.span.end - token.span.begin));
          // ل before the article took its alef: للنصر is ل + النصر.
          if (c + 1 < token.clitic_count && token.clitics[c + 1].role == text::Clitic::kArticle &&
              token.clitics[c + 1].span.size() == 2) {
            rest.insert(0, "ا");
          }
          const bool and_the = p.role == text::Clitic::kConjunction &&
                               std::string_view(first.key).substr(p.span.begin - token.span.begin).starts_with("و") &&
                               c + 1 < token.clitic_count &&
                               token.clitics[c + 1].role == text::Clitic::kArticle;
          if ((whole_known && !and_the && model_->lexicon.Stats(rest) == nullptr) ||
              (rest == that && !first.written_hamza) ||
              IsCuratedGivenName(std::string_view(first.key).substr(p.span.begin - token.span.begin))) {
            break;
          }
          m.span.begin = p.span.end;
        }
      }
      m.type = TypeOf(labels[i]);
      m.confidence = std::clamp(confidence, 1e-3f, 1.0f);
      m.first_token = s.first_token + static_cast<uint32_t>(i);
      m.end_token = s.first_token + static_cast<uint32_t>(j);
      mentions.push_back(m);
    });
  }
  return mentions;
}

std::string DefaultModelPath() {
  namespace fs = std::filesystem;
  constexpr const char* kFile = "ner.model";
  if (const char* dir = std::getenv("MARSAD_MODEL_DIR"); dir && *dir) {
    return (fs::path(dir) / kFile).string();
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const char* up : {"../models", "../../models"}) {
      const fs::path p = exe.parent_path() / up / kFile;
      if (fs::exists(p, ec)) return p.lexically_normal().string();
    }
  }
  return (fs::path(MARSAD_SOURCE_MODELS_DIR) / kFile).string();
}

}  // namespace marsad::ner
