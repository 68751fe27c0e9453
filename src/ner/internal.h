// Implementation details shared by the files of src/ner; not part of the API.
#ifndef MARSAD_NER_INTERNAL_H_
#define MARSAD_NER_INTERNAL_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ner/ner.h"
#include "text/internal.h"

namespace marsad::ner::internal {

// IOB2 labels. B and I of a type are adjacent so that type = (label - 1) / 2.
enum Label : uint8_t {
  kO = 0,
  kBPer, kIPer, kBLoc, kILoc, kBOrg, kIOrg, kBMisc, kIMisc,
};
inline constexpr int kLabels = 9;
inline bool IsBegin(int label) { return label > 0 && label % 2 == 1; }
inline bool IsInside(int label) { return label > 0 && label % 2 == 0; }
inline EntityType TypeOf(int label) { return static_cast<EntityType>((label - 1) / 2); }
inline int BeginOf(EntityType t) { return 1 + 2 * static_cast<int>(t); }
// The BIO constraint: I-X only after B-X or I-X (prev == kLabels: sentence start).
inline bool Allowed(int prev, int label) {
  return !IsInside(label) || (prev < kLabels && prev != kO && TypeOf(prev) == TypeOf(label));
}
// Calls fn(begin, end) for each mention [begin, end) of an IOB2 label
// sequence: a B-X and the I-X that follow it.
template <typename Fn>
void ForEachMention(const std::vector<uint8_t>& labels, Fn fn) {
  for (size_t i = 0; i < labels.size();) {
    if (!IsBegin(labels[i])) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < labels.size() && labels[j] == labels[i] + 1) ++j;
    fn(i, j);
    i = j;
  }
}
const char* LabelName(int label);  // "O", "B-PER", ...
// The IOB2 labels of CoNLL tags, IOB1 runs converted (an I-X after O or
// another type begins a mention); unknown tags become O.
std::vector<uint8_t> ToLabels(const std::vector<std::string>& tags);

// 64-bit hashing of feature values (FNV-1a then a final mix): stable across
// platforms and builds, because feature keys are stored in model files.
inline uint64_t HashBytes(std::string_view s, uint64_t seed = 0xcbf29ce484222325ull) {
  uint64_t h = seed;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
  return h;
}
inline uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t h = (a ^ (b + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2))) * 0xbf58476d1ce4e5b9ull;
  h ^= h >> 31;
  return h | 1;  // 0 marks an empty slot of text::internal::KeyTable
}

// Single-word classes from the curated lists (bits of Lexicon::Entry::classes).
enum WordClass : uint32_t {
  kPersonTitle = 1u << 0,     // الرئيس، الشيخ، وزير: a person's name often follows
  kPersonRole = 1u << 1,      // اللاعب، المدرب، المتحدث: as above, weaker
  kNameParticle = 1u << 2,    // بن، أبو، عبد: inside person names
  kGivenName = 1u << 3,       // common given names
  kOrgTrigger = 1u << 4,      // وزارة، حركة، وكالة: an organisation name starts or follows
  kLocTrigger = 1u << 5,      // مدينة، محافظة: a place name follows
  kSpeechVerb = 1u << 6,      // قال، أكد: a speaker is near
  kCurrency = 1u << 7,        // دولار، يورو (MISC in ANERcorp)
  kDirection = 1u << 8,       // شمال، جنوب: a place often follows
  kOrgSuffix = 1u << 9,       // للأنباء، المتحدة: ends organisation names
  kMiscTrigger = 1u << 10,    // بطولة، جائزة، مهرجان: events and titles
  // Words of names in the name lists given to training (e.g. WikiANN's
  // entities): mostly inside person, place or organisation names.
  kNamePer = 1u << 11,
  kNameLoc = 1u << 12,
  kNameOrg = 1u << 13,
  kNameMisc = 1u << 14,
};

// Multi-word gazetteer categories (bits of Lexicon phrase types).
enum Gazetteer : uint16_t {
  kGazCountry = 1u << 0,   // countries and territories (ICU, iso-codes)
  kGazCity = 1u << 1,      // cities (ICU time-zone exemplar cities, curated)
  kGazOrg = 1u << 2,       // curated international and regional organisations
  kGazCurrency = 1u << 3,  // currency names (ICU)
  kGazPerson = 1u << 4,    // curated given names, also as phrases
  // Whole names from the name lists given to training (WikiANN entities).
  kGazNamePer = 1u << 5,
  kGazNameLoc = 1u << 6,
  kGazNameOrg = 1u << 7,
  kGazNameMisc = 1u << 8,
  kGazPrefix = 1u << 15,   // (lookup only) a longer phrase starts so
};
inline constexpr int kGazetteers = 9;

// What the unlabelled corpus says about a stem.
struct CorpusStats {
  uint32_t count = 0;
  std::array<uint16_t, 3> cluster{};  // fine, middle, coarse; 0 = unknown
  uint8_t article = 0;  // share of occurrences with ال, in fifths + 1; 0 = too rare
};

// Everything a model knows about words besides its weights.
class Lexicon {
 public:
  // The stem of a match key: the key without the leading clitics (و ف, ب ل ك,
  // ال and their combinations) that makes it the most frequent word of the
  // corpus; the key itself when no stripped form is more frequent. Without
  // corpus counts only the article and what precedes it are stripped. A
  // stripped stem keeps `min_letters` letters at least.
  std::string StemOf(std::string_view key, size_t min_letters = 3) const;

  const CorpusStats* Stats(std::string_view stem) const;
  // Whether a match key is a definite adjective of nationality: the article,
  // then a gazetteer country's name with the relative ending ي or ية
  // (البرتغالي، الألمانية).
  bool IsNationality(std::string_view key) const;
  // Whether a match key names a people, with or without the article: a
  // country ending ستان without it (الطاجيك، أفغان: the Tajiks, Afghans), or
  // a people without a state of its own (الأكراد، الأمازيغ: the Kurds, the
  // Amazigh). ANERcorp leaves such plurals untagged.
  bool IsPeople(std::string_view key) const;
  // Whether a stem is a common word with the alif of the indefinite
  // accusative (برنامجا, a programme; تلفزيونيا, televised): the corpus has
  // the word without the alif far more often than with it.
  bool IsIndefiniteAccusative(std::string_view stem) const;
  // Whether a stem is an adverb made of a relative adjective with that alif
  // (ميدانيا, in the field; رسميا, officially): the corpus has the adjective
  // without it often, in both genders (ميداني، الميدانية). Not so a place
  // named like one (صبيا, Sabya, whose صبي and صبية are rarer).
  bool IsNisbaAdverb(std::string_view stem) const;
  uint32_t Classes(std::string_view stem) const;
  // Gazetteer bits of the stem sequence hashed by PhraseHash.
  uint16_t Phrase(uint64_t hash) const;
  static uint64_t PhraseHash(uint64_t prev, std::string_view stem) {
    return Mix(prev, HashBytes(stem));
  }
  int max_phrase_words() const { return max_phrase_words_; }
  bool has_corpus() const { return !corpus_.empty(); }

  // Building (training) and serialisation.
  void AddCorpus(std::string stem, const CorpusStats& stats) { corpus_[std::move(stem)] = stats; }
  // Adds a curated or gazetteer entry given as display text; entries of one
  // word also get `classes`. Call after every AddCorpus, since stems depend on
  // corpus counts.
  void AddEntry(std::string_view text, uint32_t classes, uint16_t gazetteers);
  // Adds class bits to a stem directly.
  void AddClasses(const std::string& stem, uint32_t classes) { classes_[stem] |= classes; }
  size_t corpus_size() const { return corpus_.size(); }
  // The corpus stems seen at least `min_count` times.
  std::vector<std::string_view> StemsSeen(uint32_t min_count) const;
  size_t phrase_count() const { return phrase_texts_.size(); }
  void Serialize(std::string* out) const;
  bool Deserialize(std::string_view* in);

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return HashBytes(s); }
  };
  using Map = std::unordered_map<std::string, CorpusStats, StringHash, std::equal_to<>>;
  Map corpus_;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> classes_;
  std::unordered_map<uint64_t, uint16_t> phrases_;
  // Phrase stems joined by spaces with their bits, kept for serialisation.
  std::vector<std::pair<std::string, uint16_t>> phrase_texts_;
  int max_phrase_words_ = 0;
  // What IsNationality looks the key up in: each one-word country's stem
  // without its article, a final ا, the ا of a final يا, or ستان, and the
  // nisba stem of a country named by its adjective (السعودية).
  text::internal::StringSet nationality_bases_;
  // The stems of one-word countries ending ستان, without it (IsPeople).
  text::internal::StringSet peoples_;
  void AddNationalityBases(std::string_view country_stem);
};

// Builds the lexicon's curated lists and gazetteers: the lists written in
// lexicon.cc, ICU's Arabic names of territories, exemplar cities and
// currencies, and iso-codes' Arabic country names when installed.
void AddGazetteers(Lexicon* lexicon);

// Whether a match key, with or without a leading و or ف and then ب, is a
// one-word city of the curated lists (الموصل، تعز، بالرقة). Those were chosen
// to be read as places; ICU's exemplar cities hold common words too (ترك,
// leaving).
bool IsCuratedCity(std::string_view key);

// Whether a match key is a given name of the curated lists, as written. Its
// stem may have lost a first letter the corpus reads as a clitic (ليلى,
// Layla, as ل + يلي, follows), and with it the given-name class.
bool IsCuratedGivenName(std::string_view key);

// Adds the mentions of labelled sentences (e.g. WikiANN) as name lists: each
// whole mention as a phrase of its type (kGazName*), and each word that is
// mostly seen inside mentions of a type with that type's kName* class.
void AddNameLists(const std::vector<ConllSentence>& sentences, Lexicon* lexicon);

// Reads a clusters file written by TrainClusters into *lexicon.
bool LoadClusters(const std::string& path, Lexicon* lexicon, std::string* error);

// Feature groups (bits of Model::groups), named in model files.
enum FeatureGroup : uint32_t {
  kGroupWord = 1u << 0,
  kGroupContext = 1u << 1,
  kGroupStem = 1u << 2,
  kGroupAffix = 1u << 3,
  kGroupShape = 1u << 4,
  kGroupGazetteer = 1u << 5,
  kGroupTriggers = 1u << 6,
  kGroupClusters = 1u << 7,
  kGroupCorpus = 1u << 8,
  // Two passes: the second also sees what the first said about the same
  // word elsewhere in the document (label consistency) and around it.
  kGroupDocument = 1u << 9,
};
inline constexpr std::array<std::pair<const char*, uint32_t>, 10> kGroupNames = {{
    {"word", kGroupWord},
    {"context", kGroupContext},
    {"stem", kGroupStem},
    {"affix", kGroupAffix},
    {"shape", kGroupShape},
    {"gazetteer", kGroupGazetteer},
    {"triggers", kGroupTriggers},
    {"clusters", kGroupClusters},
    {"corpus", kGroupCorpus},
    {"document", kGroupDocument},
}};

// Sentences either side of a sentence that count as its document for the
// document features (ANERcorp has no document marks, only sentence order).
inline constexpr size_t kDocumentWindow = 12;
// The neighbours whose words are features of a word (ExtractNeighbour).
inline constexpr std::array<int, 4> kNeighbourOffsets = {-2, -1, 1, 2};

// What features see of one word of a sentence.
struct WordInfo {
  std::string key;   // match key of the word
  std::string stem;  // Lexicon::StemOf(key)
  uint64_t key_hash;
  uint64_t stem_hash;
  uint32_t classes;
  const CorpusStats* stats;  // null if not in the corpus
  uint8_t kind;              // WordKind
  uint16_t gaz_begin;        // gazetteer phrases starting here
  uint16_t gaz_inside;       // gazetteer phrases continuing here
  bool nationality;          // Lexicon::IsNationality
  bool people;               // Lexicon::IsPeople
  bool accusative;           // Lexicon::IsIndefiniteAccusative
  bool adverb;               // Lexicon::IsNisbaAdverb (decoding rules only)
  // text::IsFunctionWord of the key or the stem; read by decoding rules on
  // every word, so found once per word (once per known word, on loading).
  bool function_word = false;
  // When the word is one of the model's KnownWords, its KnownWord::scores;
  // null otherwise.
  const float* known_scores = nullptr;
  // Letters the key folds away, as the word was written: a hamza (أ إ ؤ ئ ء:
  // بأن, that, against بان, Ban) and a final ة (رحمة, the name Rahma,
  // against رحمه, have mercy on him). Read by decoding rules only, never a
  // feature, so models do not depend on them.
  bool written_hamza = false;
  bool written_ta_marbuta = false;
  // A final ى (على, on, against علي, Ali).
  bool written_alef_maqsura = false;
  // A Latin word written in lower case (script, via, www): no name.
  bool written_lower_latin = false;
  // Right after a preposition (في، على، إلى، عن، مع …), where a word can
  // carry no preposition or conjunction of its own: في كابل is in Kabul,
  // whatever the corpus counts make of ك + ابل (like Apple). Read by
  // decoding rules only, like the fields above: features see the corpus's
  // stem, which the lexicon's knowledge is filed under (وادي, valley, under
  // أدى).
  bool after_preposition = false;
  // The stem begins longer gazetteer phrases but is none alone (سان, San).
  bool begins_names_only = false;
  // Words of the longest gazetteer phrase starting here (0: none), and of
  // the longest run of words starting here that is a phrase or begins one
  // (شبه جزيرة, peninsula, begins listed places). Decoding rules only.
  uint8_t phrase_words = 0;
  uint8_t prefix_words = 0;
};
enum WordKind : uint8_t { kArabic, kLatin, kDigits, kPunct, kOther };

// The words the tagger meets most (the corpus's common stems), each with
// what Features::PrepareWord gives and the summed first-pass weights of the
// features that depend on it alone: ExtractLocal's, then ExtractNeighbour's
// for each of kNeighbourOffsets in order (kLabels each). Built when a model
// loads and read-only after, so that taggers on several threads share it;
// a known word costs one lookup where it cost some thirty.
struct KnownWord {
  WordInfo info;
  std::array<float, kLabels * 5> scores{};
};
using KnownWords =
    std::unordered_map<std::string, KnownWord, text::internal::StringViewHash, std::equal_to<>>;

// Feature extraction for one model's configuration and lexicon.
class Features {
 public:
  Features(uint32_t groups, const Lexicon* lexicon) : groups_(groups), lexicon_(lexicon) {}
  // Fills *words for a sentence of display-normalised words; a word in
  // `known` is copied from it rather than looked up afresh.
  void Prepare(const std::vector<std::string_view>& words, std::vector<WordInfo>* out,
               const KnownWords* known = nullptr) const;
  // The fields of one word (match key given) that do not depend on its
  // neighbours: all but the gazetteer bits.
  void PrepareWord(std::string key, WordInfo* w) const;
  // Appends the feature keys of word i: ExtractLocal's, then ExtractContext's.
  void Extract(const std::vector<WordInfo>& words, size_t i, std::vector<uint64_t>* out) const;
  // The features of a word by itself, whatever its neighbours.
  void ExtractLocal(const WordInfo& w, std::vector<uint64_t>* out) const;
  // The features of word i that depend on its neighbours: ExtractNeighbour's
  // of each word at kNeighbourOffsets (the sentence boundary beyond its
  // ends), then ExtractJoint's.
  void ExtractContext(const std::vector<WordInfo>& words, size_t i,
                      std::vector<uint64_t>* out) const;
  // The features a word gets from the word `offset` places away, which
  // depend on that word alone.
  void ExtractNeighbour(const WordInfo& neighbour, int offset, std::vector<uint64_t>* out) const;
  // The features of word i that depend on several words at once (bigrams,
  // gazetteer phrases).
  void ExtractJoint(const std::vector<WordInfo>& words, size_t i, std::vector<uint64_t>* out) const;
  // What stands beyond either end of a sentence.
  static const WordInfo& Boundary();
  // Gives the document features of every word of a document (sentences of
  // prepared words, and the first pass's labels of them) to
  // emit(s, i, keys, count), word by word in document order. The keys are
  // valid during the call only: the tagger adds their weights at once,
  // where keeping them allocated a vector per word.
  using DocumentSink = std::function<void(size_t s, size_t i, const uint64_t* keys, size_t count)>;
  static void ExtractDocument(const std::vector<const std::vector<WordInfo>*>& doc,
                              const std::vector<std::vector<uint8_t>>& pass1, const DocumentSink& emit);
  // The same, kept: out[s][i] are the keys of word i of sentence s.
  static std::vector<std::vector<std::vector<uint64_t>>> DocumentKeys(
      const std::vector<const std::vector<WordInfo>*>& doc, const std::vector<std::vector<uint8_t>>& pass1);

 private:
  uint32_t groups_;
  const Lexicon* lexicon_;
};

// Feature key → weight row; read-only after building.
class FeatureTable {
 public:
  void Build(const std::vector<uint64_t>& keys, const std::vector<float>& weights);
  // The kLabels weights of a feature key, or null for a key never learnt.
  const float* Find(uint64_t key) const {
    const auto* row = rows_.Find(key);
    return row ? row->data() : nullptr;
  }
  size_t size() const { return rows_.size(); }

 private:
  text::internal::KeyTable<std::array<float, kLabels>> rows_;
};

inline constexpr int kFormatVersion = 1;
inline constexpr std::string_view kMagic = "marsad-ner-model\n";

}  // namespace marsad::ner::internal

namespace marsad::ner {

struct Tagger::Model {
  ModelInfo info;
  uint32_t groups = 0;
  internal::Lexicon lexicon;
  internal::FeatureTable table;
  // transitions[prev][label]; prev == kLabels is the sentence start.
  float transitions[internal::kLabels + 1][internal::kLabels] = {};
  float temperature = 1;  // scales scores into posteriors for confidences
  // The second pass (feature group "document"): weights of the document
  // features, added to the first pass's scores, and its own transitions.
  internal::FeatureTable table2;
  float transitions2[internal::kLabels + 1][internal::kLabels] = {};
  internal::KnownWords known_words;
  // ExtractNeighbour's scores of the sentence boundary, per kNeighbourOffsets.
  std::array<float, internal::kLabels * 4> boundary_scores{};

  // Fills known_words from the lexicon's common stems, and boundary_scores.
  void IndexKnownWords();

  bool two_pass() const { return groups & internal::kGroupDocument; }
  // The transitions the final pass decodes with.
  const float (*final_transitions() const)[internal::kLabels] {
    return two_pass() ? transitions2 : transitions;
  }

  // First-pass emission scores (n × kLabels) for prepared words.
  void Score(const std::vector<internal::WordInfo>& words, std::vector<float>* scores) const;
  // Final emission scores of every sentence of a document.
  void ScoreDocument(const std::vector<const std::vector<internal::WordInfo>*>& doc,
                     std::vector<std::vector<float>>* scores) const;
  // Posterior marginals (internal::Marginals) of each sentence that has a
  // name in `labels`; an empty vector for the others.
  std::vector<std::vector<float>> DocumentMarginals(const std::vector<std::vector<float>>& scores,
                                                    const std::vector<std::vector<uint8_t>>& labels) const;
};

namespace internal {

// The feature-group bitmask of names; false and *error for an unknown name.
bool GroupsOf(const std::vector<std::string>& names, uint32_t* groups, std::string* error);
std::vector<std::string> GroupNames(uint32_t groups);

// Best label sequence under the BIO constraint (first-order Viterbi).
void Viterbi(const std::vector<float>& scores, const float (*transitions)[kLabels], size_t n,
             std::vector<uint8_t>* labels);

// The head-word rule, applied to the final scores (n × kLabels) of a
// sentence: after a head word in its construct state that names stay out of
// (صحيفة، قناة، جماعة، مخيم — newspaper, channel, group, camp; no article),
// the next word, unless it is a function word, a verb of saying or an
// indefinite adjective, gets a bonus for the head's type (B or I), and the
// word after it for I unless it is a relative adjective (nisba). ANERcorp
// mostly leaves such names untagged when no trigger word it knows precedes
// them; news outside it has many.
void BoostAfterHeads(const std::vector<WordInfo>& words, std::vector<float>* scores);
inline constexpr float kHeadBoost = 48;
// The same bonus for B-LOC (I-LOC on its further words) to a city or country
// of the gazetteers after a preposition of place (في، إلى، من، نحو، قرب،
// داخل) or with ب joined: «إلى الموصل» (to Mosul), «في الرقة» (in Raqqa),
// whose words are also common ones (the connected, thinness) that the model
// leaves untagged.
void BoostPlacesAfterPrepositions(const std::vector<WordInfo>& words, std::vector<float>* scores);
// Lowers, by kNotInName, every name label of a verb of saying or reporting
// (قال، يرى: said, sees) and of a day before a weekday (يوم الأحد: on
// Sunday), the begin labels of a function word, and the person labels of a
// word carrying a
// preposition with the article (للضفاف: for al-Difaf). Decoding rules, not
// features: the spans of names never take these words in.
void CutAtNonNameWords(const std::vector<WordInfo>& words, std::vector<float>* scores);
inline constexpr float kNotInName = 1000;

// The confidence of a name the rules below made without the model: as
// likely right as not.
inline constexpr float kRuleConfidence = 0.5f;

// Rules on the decoded labels of a document's sentences. In each sentence:
// a title in quotation marks after a word that introduces one (برنامج «X»,
// the programme X) is another name (MISC), and a quotation opened by an
// organisation's head word is that organisation; an organisation's name
// followed at once by a place's is one organisation (a club and its city);
// a curated organisation the model left untagged is one; a word between a
// person's title and the name after it begins the name; a common word in
// the indefinite accusative (برنامجا) does not end a name, and a particle
// (بن، عبد) does; a name does not end on the trigger word that announces it
// (ريف, countryside of); an organisation named by a word of its own ends
// before its nationality (بورتو البرتغالي); a person's name of two words or
// more does not start with a nationality adjective with the article
// (الطاجيكي, the Tajik); a one-word name on a word that only begins listed
// names takes in the rest (سان بطرسبرغ, المحيط الهادئ); an adverb made of a
// relative adjective (ميدانيا, in the field) and a militia (ميليشيات) are
// no names. Across the document, since the tagger decides each sentence
// alone and outside its training domain often gives one name several
// types: a single word that is the last word of a person's name elsewhere
// is that person (a surname alone), and every other name written with the
// same stems takes the type whose posterior, summed over its occurrences,
// is largest (`marginals`: per sentence, n × kLabels, empty for a sentence
// without names); and then a one-word place the corpus often writes with
// the article (بنين, boys; Benin) is none unless the document has it where
// a place stands.
void HarmonizeDocument(const std::vector<const std::vector<WordInfo>*>& doc,
                       const std::vector<std::vector<float>>& marginals,
                       std::vector<std::vector<uint8_t>>* labels);
// Names as marsad reports them (Tagger::Tag), which take in more than
// ANERcorp's spans (so CoNLL output and evaluation do without this): a head
// word that is part of the name (صحيفة الضفاف, مخيم الهول: the newspaper
// al-Difaf, al-Hol camp), an organisation's "in the lands of" place
// (أنصار الهجرة في بلاد الشام), a country's state body (وزارة الدفاع
// الروسية), which ANERcorp leaves untagged, and a country's name the
// gazetteers hold whole (مملكة البحرين), which ANERcorp often tags without
// its title.
void CompleteNames(const std::vector<WordInfo>& words, std::vector<uint8_t>* labels);

// Posterior marginals (n × kLabels) of the scores read as a CRF at
// `temperature`, under the BIO constraint.
std::vector<float> Marginals(const std::vector<float>& scores, const float (*transitions)[kLabels],
                             size_t n, float temperature);

// Model files: the magic line, a JSON header line, then the zlib-compressed
// payload (lexicon, features, transitions).
// keys2 and weights2 are the second pass's (empty for one pass).
bool SaveModel(const Tagger::Model& model, const std::vector<uint64_t>& keys,
               const std::vector<float>& weights, const std::vector<uint64_t>& keys2,
               const std::vector<float>& weights2, const std::string& header_extra_json,
               const std::string& path, std::string* error);
std::unique_ptr<Tagger::Model> LoadModel(const std::string& path, std::string* error);

// Display-normalised words of a sentence given as strings.
std::vector<std::string> NormalizeWords(const std::vector<std::string>& words);

// Little-endian binary encoding for model files.
inline void PutU32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}
inline void PutU64(uint64_t v, std::string* out) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}
inline void PutString(std::string_view s, std::string* out) {
  PutU32(static_cast<uint32_t>(s.size()), out);
  out->append(s);
}
// Readers consume from *in and return false when it is too short.
inline bool GetU32(std::string_view* in, uint32_t* v) {
  if (in->size() < 4) return false;
  *v = 0;
  for (int i = 0; i < 4; ++i) *v |= static_cast<uint32_t>(static_cast<unsigned char>((*in)[i])) << (8 * i);
  in->remove_prefix(4);
  return true;
}
inline bool GetU64(std::string_view* in, uint64_t* v) {
  if (in->size() < 8) return false;
  *v = 0;
  for (int i = 0; i < 8; ++i) *v |= static_cast<uint64_t>(static_cast<unsigned char>((*in)[i])) << (8 * i);
  in->remove_prefix(8);
  return true;
}
inline bool GetString(std::string_view* in, std::string* s) {
  uint32_t n = 0;
  if (!GetU32(in, &n) || in->size() < n) return false;
  s->assign(in->data(), n);
  in->remove_prefix(n);
  return true;
}

}  // namespace internal
}  // namespace marsad::ner

#endif  // MARSAD_NER_INTERNAL_H_
