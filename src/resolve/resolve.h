// marsad resolve: whether two written names are the same name, in either
// script, and how an English-language newspaper prints an Arabic name.
//
//   std::string error;
//   const Matcher* m = DefaultMatcher(&error);  // models/translit.model, loaded once
//   if (m == nullptr) { ... error names the file and the problem ... }
//   m->MatchScore("غولمورود خاليموف", "Gulmurod Khalimov");  // >= kDefaultThreshold
//   m->MatchScore("محمد علي", "محمود علي");                   // <  kDefaultThreshold
//   m->Romanize("غولمورود خاليموف");                         // "Gulmurod Khalimov"
//   BlockingKeys("Gulmurod Khalimov");  // {"klmrd", "hlmf"}: same keys as the Arabic
//
// How a score is made. A name is cut into tokens: spelling variants of a
// letter are folded (text::MatchKey: hamza forms, ة/ه, ى/ي, Persian letters),
// the article (ال, al-, el-, ad-, ...) is marked as optional, عبد/Abdul and
// أبو/Abu compounds are joined to the word they govern, and بن/ابن/bin/ibn are
// dropped. Two tokens are scored by a pair model whose substitution,
// insertion and deletion costs were learned from transliteration pairs:
// Arabic–Latin (an alignment of each Arabic letter to 0–2 Latin letters, with
// Latin letters inserted for unwritten vowels, conditioned on the letters
// around them), Arabic–Arabic and Latin–Latin (symmetric weighted edit
// distances). The log-likelihood ratio against chance is calibrated into a
// probability with a logistic model fitted on true pairs against hard
// negatives (different names sharing a blocking key, that differ from the
// true pair's name in a consonant in both scripts: see models/README.md).
// Tokens of two names are then aligned in order: a missing middle name
// costs little, a different
// one (both names have a token there that does not match) costs much, and
// first-name/surname order may be reversed (as in lists: "KHALIMOV, Gulmurod").
//
// Promises, tested: scores are in [0, 1] and symmetric (MatchScore(a, b) ==
// MatchScore(b, a)); no input crashes (invalid UTF-8, empty, very long names:
// tokens past 64 letters are cut); scoring is linear in the product of the
// token lengths. A Matcher is immutable after Load: every const method may be
// called from any number of threads at once.
#ifndef MARSAD_RESOLVE_RESOLVE_H_
#define MARSAD_RESOLVE_RESOLVE_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ner/ner.h"
#include "text/text.h"

namespace marsad::resolve {

// The score at and above which two names are taken to be the same name.
// Chosen (and reported in models/README.md) on held-out transliteration pairs
// against hard negatives.
inline constexpr double kDefaultThreshold = 0.5;

// The version of the model file format this build reads and writes.
inline constexpr int kModelFormatVersion = 6;

// One token of a prepared name.
struct NameToken {
  bool arabic = false;
  // Letters as alphabet indices, one byte each (see internal.h): Arabic after
  // text::MatchKey folding, Latin lower-cased with accents removed.
  std::string letters;
  // Leading letters that are an article (ال, al) the other spelling may
  // leave out; 0 if none.
  uint8_t article = 0;
  // The blocking key of the token (see BlockingKeys).
  std::string key;
  // Written after بن, ابن, bin ... (son of): the father's name.
  bool after_link = false;
};

// A name analysed once, for scoring against many others without repeating
// the work (screening). Tokens keep the order of the name.
struct PreparedName {
  std::vector<NameToken> tokens;
};

// Cuts a name (any script, any bytes) into tokens as described above. Never
// fails: a name with no letters gives no tokens. Thread-safe.
PreparedName PrepareName(std::string_view name);

// The phonetic blocking key of each token of `name`, in order: consonant
// classes with vowels dropped and repeats collapsed, the same for both
// scripts (غ ج ق ك and g j q k c one class; ت ط ث and t th; س ص ش ز and
// s sh ch z; ح خ ه and h kh; ف and f v ph; ب and b p), so that a Latin
// spelling and an Arabic one usually share keys. A token whose letters are all
// vowels has the key "0". Spelling variants of one token share its key far
// more often than not; the key is for finding candidates, never for deciding.
std::vector<std::string> BlockingKeys(std::string_view name);

// Whether `latin` is CLDR's English name of a country or of a world region
// ("Syria", "Central Asia"), as a place entity's `latin` is: a place too wide
// to tell one incident from another. Thread-safe.
bool IsCountryOrRegionName(std::string_view latin);

// Whether every word of `latin` is one the English names of bodies and
// made places are composed of, other than titles and nations (Ministry,
// Interior, Islamic, and, of): such a name says what a body is, not which
// ("Islamic Movement", "Development Bank"), so it names no one body. Case is
// ignored; "Commercial-Industrial" is two words. False for an empty name.
// Thread-safe.
bool IsDescriptiveEnglishName(std::string_view latin);

// Whether `arabic` names an armed or political group by its kind (جماعة،
// حركة، جبهة، الحزب، جيش …): resolution may print it in English, and watch
// lists write such names romanised as often (Jamaat al-Jihad, Harakat
// al-Shabab). Thread-safe.
bool NamedLikeAGroup(std::string_view arabic);

// What a model file says about itself (its header lines).
struct ModelInfo {
  int format_version = 0;
  uint32_t seed = 0;            // the split and sampling seed it was trained with
  double heldout = 0;           // fraction of Arabic spellings held out
  std::string data;             // files it was trained on
  std::vector<std::string> evaluation;  // "name value" lines measured at training
  bool heldout_memory = false;  // loaded with the held-out split's memory (Matcher::Load)
  uint32_t checksum = 0;        // CRC-32 of the file: tells one model's spellings from another's
};

class Matcher {
 public:
  // Reads a model written by TrainTransliteration. Returns nullptr and sets
  // *error (naming the file) if it is missing, truncated, corrupt, or of
  // another format version. The model remembers how the training data
  // spells each of its words, those of the held-out split included; with
  // `heldout_memory` false it forgets those, as when its figures were
  // measured (EvaluateTransliteration needs such a matcher).
  static std::unique_ptr<Matcher> Load(const std::string& path, std::string* error,
                                       bool heldout_memory = true);
  ~Matcher();
  Matcher(const Matcher&) = delete;
  Matcher& operator=(const Matcher&) = delete;

  // How likely `a` and `b` are to be spellings of the same name, in [0, 1],
  // whatever the script of each. Two names without letters score 0.
  double MatchScore(std::string_view a, std::string_view b) const;
  double MatchScore(const PreparedName& a, const PreparedName& b) const;

  // The score of two single tokens (no article or compound handling beyond
  // what PrepareName did), in [0, 1]; exactly symmetric.
  double TokenScore(const NameToken& a, const NameToken& b) const;

  // What MatchScore(a, b) returns, from token-pair scores already computed:
  // s[i * m + j] == TokenScore(a.tokens[i], b.tokens[j]) for the first
  // n = min(a.tokens.size(), 12) and m = min(b.tokens.size(), 12) tokens.
  // For callers that score one name against many sharing tokens (the
  // screener caches TokenScore per query); allocates nothing. The result is
  // never above the largest of the scores (a cheap bound to skip a name).
  double CombineTokenScores(const PreparedName& a, const PreparedName& b, const double* s) const;

  // `arabic` as an English-language newspaper would print it: each word
  // capitalised, the article as "al-" ("al-Baghdadi"), عبد compounds as
  // "Abdul"/"Abdullah", الله as "Allah", the Arabic names of Latin letters
  // as an acronym (بي بي سي: "BBC"), a final ة as -a, or -at before the
  // noun it is construct with ("Wizarat al-Dakhiliya"). Common words of
  // organisation and place names have a fixed spelling ("Hizb", "Majlis");
  // words the data has (held out or not) keep the dictionary's spelling, or
  // else their most central one (the Latin nearest to all those seen with
  // them); others are decoded letter by letter with context (a model
  // loaded without its held-out memory decodes the held-out words too).
  // Latin words in the input are kept as they are; empty input gives "".
  std::string Romanize(std::string_view arabic) const;

  // Whether an Arabic word writes every vowel of its reading (the training
  // pairs', else its romanisation's) with a letter, as transliterations of
  // foreign names do (مورير, Maurer; فرانسوا, François), where Arabic names
  // leave short vowels unwritten (محمود, Mahmoud; حسين, Hussein). The
  // article is not counted. False for a Latin word.
  bool WritesItsVowels(const NameToken& t) const;

  // Whether a word is a title or honorific written before a person's name,
  // in lists and in the news (Sheikh, Haji, Mullah, Dr, Qari; الشيخ،
  // الحاج، الملا), in any spelling the pair model takes for one of them
  // (Haje, Sheekh, Molve). Titles say nothing of who is meant. Not Hafiz,
  // Amir, Sayyid or Imam, which are also names (HAFIZ MUHAMMAD SAEED; إمام
  // علي رحمانوف, Emomali Rahmon); Dr only as written (Dar is a name).
  bool IsTitle(const NameToken& t) const;

  const ModelInfo& info() const;

  struct Model;  // internal.h

 private:
  explicit Matcher(std::unique_ptr<Model> model);
  std::unique_ptr<Model> model_;
};

// The revision of the rules entities' Latin is printed by (Matcher::Romanize
// and the English names of places and bodies), raised whenever they print a
// name otherwise with the same model: a store prints its entities' Latin
// again when this or the model's checksum changes, rather than reusing it.
inline constexpr int kRomanizeRevision = 20;

// Where the default model is: $MARSAD_MODEL_DIR/translit.model if that
// variable is set, else models/translit.model next to the executable
// (../models, ../../models), else in the source tree marsad was built from.
// Returns the first that exists, or the source-tree path if none does.
std::string DefaultModelPath();

// The model at DefaultModelPath(), loaded on first use and kept for the life
// of the process. Returns nullptr and sets *error if it cannot be loaded (the
// error is remembered: later calls fail the same way). Thread-safe.
const Matcher* DefaultMatcher(std::string* error);

// ---------------------------------------------------------------------------
// Training and evaluation.

struct TrainOptions {
  // Folder holding google-ar2en-train.tsv (arabic<TAB>latin) and
  // anetac-train.ar / anetac-train.en (line-aligned). Either may be missing,
  // not both.
  std::string data_dir;
  uint32_t seed = 20240601;  // fixes the held-out split and negative sampling
  double heldout = 0.1;      // fraction of distinct Arabic spellings held out
  int iterations = 6;        // EM iterations per pair model
};

// A held-out pair the matcher judged wrongly at kDefaultThreshold.
struct PairError {
  std::string a, b;
  bool same = false;  // what the data says: one name (a missed match) or two (a false match)
  double score = 0;   // MatchScore(a, b)
};

struct PairFigures {
  size_t positives = 0;
  size_t negatives = 0;
  double precision = 0;  // at kDefaultThreshold
  double recall = 0;
  std::vector<PairError> errors;  // in the order the set was drawn
};

struct Evaluation {
  PairFigures arabic_latin;   // held-out pairs vs hard negatives
  PairFigures arabic_arabic;  // two held-out Arabic spellings of one Latin name
  PairFigures latin_latin;    // two held-out Latin spellings of one Arabic name
  size_t romanized = 0;       // held-out Arabic spellings romanised
  double cer = 0;             // character error rate against the nearest reference
  double exact = 0;           // share whose romanisation equals a reference
};

// Trains every part of the model on the pairs in options.data_dir except the
// held-out ones, evaluates on those, and writes the model (with the figures
// in its header) to `output`. Deterministic for a given seed and data.
// Returns false and sets *error if the data cannot be read or the file
// written; *eval (if not null) receives the figures.
bool TrainTransliteration(const TrainOptions& options, const std::string& output,
                          Evaluation* eval, std::string* error);

// Evaluates `matcher` on the held-out part of options.data_dir (the split
// is made again from options.seed, so use the model's own seed). Returns
// false and sets *error if the data cannot be read, or if the matcher was
// loaded with its held-out memory, which would spell the held-out words
// from their own pairs.
bool EvaluateTransliteration(const Matcher& matcher, const TrainOptions& options,
                             Evaluation* eval, std::string* error);


// ---------------------------------------------------------------------------
// Entities: the mentions of a collection merged into one entity per person,
// place, organisation or other name, whatever spelling each outlet used.

// One entry of a user's alias file: names no rule can know are one entity
// (an acronym, a nom de guerre), or that an organisation is a branch of
// another. The file is UTF-8 text, one entry per line, fields separated by
// tabs; blank lines and lines starting with '#' are ignored:
//
//   TYPE <TAB> NAME <TAB> ALIAS <TAB> ALIAS ...     (TYPE: PER, LOC, ORG, MISC)
//   part_of <TAB> BRANCH <TAB> PARENT
struct AliasEntry {
  ner::EntityType type = ner::EntityType::kPerson;
  std::string name;
  std::vector<std::string> aliases;  // empty for a part_of entry
  std::string part_of;               // the parent's name for a part_of entry
};

// Reads an alias file. Returns false and sets *error ("FILE line N: ...") on
// an unreadable file, an unknown type, an empty type or name, or a line with
// too few fields. Empty fields after the name are skipped.
bool ReadAliases(const std::string& path, std::vector<AliasEntry>* entries, std::string* error);

// One mention of a name, as the resolver sees it.
struct NameMention {
  int64_t doc = 0;
  ner::EntityType type = ner::EntityType::kPerson;
  std::string name;    // display-normalised text of the mention
  uint32_t order = 0;  // position in its document: mentions are compared by it
  std::string latin;   // a Latin spelling the text gives for it, or ""
  float confidence = 1;  // the tagger's (ner::Mention::confidence)
};

// What a document's text says about two of its mentions (indices into the
// mentions given to FindLinks).
struct MentionLink {
  enum class Kind : uint8_t {
    kAlias,   // "X المعروف بـ Y", "X الملقب بـ Y", "X (Y)": the same entity
    kPartOf,  // "X التابعة لـ Y", "X، فرع Y": X is a branch of Y
  };
  uint32_t a = 0;
  uint32_t b = 0;
  Kind kind = Kind::kAlias;
};

// Links stated in the text between mentions of one document, and for each
// mention the Latin spelling written after it in parentheses (or "").
std::vector<MentionLink> FindLinks(const text::Analysis& a, const std::vector<ner::Mention>& mentions,
                                   std::vector<std::string>* latin);

struct ResolvedEntity {
  ner::EntityType type = ner::EntityType::kPerson;
  std::string name;   // the commonest full form among its mentions
  // A Latin spelling from the texts; else for a place or body the English
  // name of CLDR or the curated list (Baghdad, United Nations), or one
  // composed from its kind (Saudi Interior Ministry, King Khalid
  // International Airport); else the romanisation (kept from an earlier
  // resolution when the caller gives it).
  std::string latin;
};

// The Latin of entities' names, by type and name: one name is another's in
// another type (حلب the city is Aleppo; حلب a man's surname is not).
using KnownLatin = std::array<std::unordered_map<std::string, std::string>, ner::kEntityTypes>;

struct Resolution {
  std::vector<ResolvedEntity> entities;
  // Per mention, the index of its entity, or -1: an adjective of a place
  // the collection never names, or a generic word (المنظمة، النادي) or
  // description (البنك المركزي, the central bank; الاتحاد الدولي, the
  // international federation) with no name it can stand for in its
  // document: one that begins with all its words.
  std::vector<int32_t> entity_of;
  // Per mention, 1 when it is a nationality adjective tagged as a name
  // (السوري، الطاجيكية): linked to its country as an attribute of the
  // sentence, not counted as a mention of it.
  std::vector<uint8_t> attribute;
  std::vector<std::pair<uint32_t, uint32_t>> part_of;  // (branch, parent) entity indices
};

// Merges mentions into entities. Names are compared by the matcher within
// phonetic blocks and clustered without chaining (two full names that do not
// match never end up together, whatever lies between them, unless one is
// written under a twentieth as often as the commonest name of its entity:
// a slip of the pen or of the tagger, not a namesake); the majority
// type of a spelling decides its type, and the full names of an entity
// decide the entity's. A name of one word (a surname, a short form, an
// acronym; a person's given name of two, عبد الله, or a name after بن)
// joins the full name it stands for in its own document, the nearest one
// before it. A person's word that begins or ends the full names of several
// people, none of whom is named ten times as often as the next (محمد،
// خالد: who is meant, only its document could say), goes no further: it is
// an entity of that document. Any other goes to the only full name in the
// collection it can stand for, if that is written at least once for every
// ten times the short form is; else it stays an entity of its own. Organisations and
// places, which are not transliterated, merge only with the same letters in
// each word, but for the letters of a foreign g and vowel letters of long
// words (كازاخستان، قازاقستان), and never when head words name two kinds of
// body (جامعة X, a university; شركة X, a company). The last word of a
// chain of بن (محمد بن سعود بن خالد) is a grandfather's name, no surname. An acronym the tagger did
// not type an organisation, or one written after a head word (جماعة جاهش),
// joins a long form only if some document writes both. An organisation
// named by a group of the list of bodies and a place of the gazetteer
// (داعش ليبيا; تنظيم الدولة في ليبيا) is that group's regional branch,
// however written: part of the group, never merged into it; written twice
// or more in all its spellings, or once with في before a region groups name
// branches after (the Levant). In the group's own country it is the group
// (حركة طالبان أفغانستان). `links`
// index into `mentions`; alias entries are applied first and always win.
// Deterministic: the same input gives the same entities in the same order.
// `known_latin`, if given, holds the Latin of names already resolved
// (e.g. by the previous resolution), reused for an entity of the same type
// and name that takes no English name instead of romanising it again.
Resolution ResolveEntities(const std::vector<NameMention>& mentions,
                           const std::vector<MentionLink>& links,
                           const std::vector<AliasEntry>& aliases, const Matcher& matcher,
                           const KnownLatin* known_latin = nullptr);

}  // namespace marsad::resolve

#endif  // MARSAD_RESOLVE_RESOLVE_H_
