// marsad ner: people, places, organisations and other names in Arabic text.
//
//   std::string error;
//   std::unique_ptr<Tagger> tagger = Tagger::Load(DefaultModelPath(), &error);
//   if (!tagger) { std::cerr << error; ... }
//   text::Analysis a = text::Analyze(article);
//   for (const Mention& m : tagger->Tag(a)) {
//     std::string_view name = std::string_view(a.normalized.text).substr(m.span.begin, m.span.size());
//     ... EntityTypeName(m.type), m.confidence, a.normalized.map.ToOriginal(m.span) ...
//   }
//
//   // Text that is already split into words (CoNLL files): one tag per word.
//   std::vector<std::string> tags = tagger->TagWords({"زار", "أحمد", "سالم", "بيروت"});
//   // {"O", "B-PER", "I-PER", "B-LOC"}
//
// The tagger is a linear-chain model (averaged structured perceptron, Viterbi
// decoding under the BIO constraint, so every mention is a well-formed span)
// over word, stem, affix, context, gazetteer and word-cluster features, in two
// passes: the second also sees the first's labels of the same word in nearby
// sentences of the document (models with the "document" feature group).
// Decoding rules then make a document agree with itself (one type per name,
// a surname alone is its person) and cut names where no name goes (verbs of
// saying, function words). Tag reports names as marsad stores them, with a
// head word that is part of the name (صحيفة الضفاف, the newspaper al-Difaf)
// and a country's state bodies as organisations (وزارة الدفاع الروسية, the
// Russian defence ministry); TagWords and TagDocument keep ANERcorp's spans,
// which leave out the first and do not tag the second. The
// model file is self-contained: it carries its feature configuration, its
// gazetteers and its word clusters, and is versioned.
//
// Promises, tested: no input crashes the tagger (empty, invalid UTF-8, no
// Arabic at all); tagging is linear in the number of tokens; a Tagger is
// immutable after Load, so Tag and TagWords may be called from any number of
// threads at once.
#ifndef MARSAD_NER_NER_H_
#define MARSAD_NER_NER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace marsad::ner {

enum class EntityType : uint8_t { kPerson, kLocation, kOrganization, kMisc };
inline constexpr int kEntityTypes = 4;

// "PER", "LOC", "ORG", "MISC".
const char* EntityTypeName(EntityType type);
// The type of "PER"/"PERS", "LOC", "ORG", "MISC"; nullopt for anything else.
std::optional<EntityType> ParseEntityType(std::string_view name);

struct Mention {
  text::Span span;           // bytes of the normalised text given to Tag
  EntityType type = EntityType::kPerson;
  float confidence = 0;      // in (0, 1]: the model's posterior that the span is a name
  uint32_t first_token = 0;  // [first_token, end_token) index into the tokens
  uint32_t end_token = 0;
};

// A mention's name: its text in `a` (the analysis it was tagged in), with
// the article the preposition ل took given back (للأمم المتحدة, for the
// United Nations: الأمم المتحدة; للإسلام: الإسلام).
std::string MentionName(const text::Analysis& a, const Mention& m);

// What a model file says about itself (its JSON header).
struct ModelInfo {
  int format_version = 0;
  std::string created_by;           // "marsad 0.1.0"
  std::vector<std::string> features;  // feature groups the model was trained with
  std::string header_json;          // the whole header, for display
};

class Tagger {
 public:
  // Reads a model written by `marsad train ner`. Returns nullptr and sets
  // *error to one sentence naming the file and the problem when the file is
  // missing, truncated, corrupt, or of another format version.
  static std::unique_ptr<Tagger> Load(const std::string& path, std::string* error);

  ~Tagger();
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  // Mentions in the output of text::Analyze, sentence by sentence, in text
  // order, never overlapping. Spans are bytes of a.normalized.text; they
  // leave out a leading conjunction or preposition (وواشنطن, بسوريا) but not
  // letters the corpus shows to be the name's own (كاليفورنيا).
  std::vector<Mention> Tag(const text::Analysis& a) const;

  // The same for normalised text and its tokens and sentences as made by the
  // text layer; tokens outside every sentence are not tagged.
  std::vector<Mention> Tag(std::string_view normalized, const std::vector<text::Token>& tokens,
                           const std::vector<text::Sentence>& sentences) const;

  // IOB2 tags ("O", "B-PER", "I-LOC", ...) for one sentence of words given
  // as split by someone else (e.g. ANERcorp's whitespace tokens). Words need
  // not be normalised; an empty word is tagged "O".
  std::vector<std::string> TagWords(const std::vector<std::string>& words) const;

  // The same for the sentences of one document, in order: a word's tags may
  // depend on how the same word is used in nearby sentences (a model with
  // the "document" feature group), so tag a whole document at once.
  std::vector<std::vector<std::string>> TagDocument(
      const std::vector<std::vector<std::string>>& sentences) const;

  const ModelInfo& info() const;

  struct Model;  // defined in internal.h

 private:
  explicit Tagger(std::unique_ptr<Model> model);
  std::unique_ptr<Model> model_;
};

// Where the default model is: $MARSAD_MODEL_DIR/ner.model if that variable
// is set, else models/ner.model found next to the executable (../models,
// ../../models), else in the source tree marsad was built from. Returns the
// first candidate that exists, or the source-tree path if none does (so that
// Load's error names a sensible place).
std::string DefaultModelPath();

// ---------------------------------------------------------------------------
// CoNLL files and exact-span evaluation (the rules of the CoNLL-2003 script:
// a mention is a maximal run of one type starting at B-X, or at I-X after O or
// another type, so IOB1 and IOB2 files are read alike).

struct ConllSentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;  // as written: "O", "B-PERS", "I-LOC", ...
  // For training: 0 for the domain the tagger is for; sentences of other
  // domains (e.g. Wikipedia) share features with it but also learn their own.
  int domain = 0;
};

// Reads `token tag` lines (space or tab separated; the last field is the tag;
// a WikiANN "ar:" prefix on the token is removed), blank lines between
// sentences. Returns false and sets *error ("FILE line N: ...") on a line
// without a tag, an unknown tag, or an unreadable file.
bool ReadConll(const std::string& path, std::vector<ConllSentence>* sentences, std::string* error);

// Writes sentences in the same format (tab separated, IOB as given).
bool WriteConll(const std::string& path, const std::vector<ConllSentence>& sentences,
                std::string* error);

struct Counts {
  uint32_t gold = 0;       // mentions in the reference
  uint32_t predicted = 0;  // mentions in the output
  uint32_t correct = 0;    // same first word, last word and type
  double precision() const { return predicted ? 100.0 * correct / predicted : 0; }
  double recall() const { return gold ? 100.0 * correct / gold : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct Evaluation {
  Counts overall;
  Counts by_type[kEntityTypes];
  uint32_t sentences = 0;
  uint32_t tokens = 0;
};

// Adds the mentions of one sentence to *e. `gold` and `predicted` are tags of
// the same words (PERS and PER alike, IOB1 or IOB2); tags that are not
// entity tags count as O.
void Score(const std::vector<std::string>& gold, const std::vector<std::string>& predicted,
           Evaluation* e);

// ---------------------------------------------------------------------------
// Training.

struct TrainOptions {
  // Feature groups (see ModelInfo::features); empty means the default set.
  std::vector<std::string> features;
  std::string clusters_path;  // word-cluster file from TrainClusters; "" for none
  // CoNLL files whose mentions become name lists (gazetteers) of the model:
  // whole names, and words mostly seen inside names of a type (e.g. WikiANN).
  std::vector<std::string> name_list_paths;
  int epochs = 12;
  // Epochs of the second pass (feature group "document"), which learns few
  // weights on top of the first pass's scores and overfits sooner.
  int document_epochs = 4;
  uint64_t seed = 1;
  uint32_t min_feature_count = 1;  // features seen fewer times are not learnt
  // Sentences for which the tagger's progress is reported after each epoch
  // (not trained on); may be empty.
  const std::vector<ConllSentence>* dev = nullptr;
  // Called after each epoch with the dev evaluation (if dev is set).
  void (*progress)(int epoch, const Evaluation& dev, void* arg) = nullptr;
  void* progress_arg = nullptr;
  // A JSON object stored in the model header as "training" (how the model
  // was made: program version, data files, command line).
  std::string provenance;
};

// Every feature group a model can use, in the order they are documented.
std::vector<std::string> AllFeatureGroups();
std::vector<std::string> DefaultFeatureGroups();

// Trains a model on `train` and writes it to `output`. Deterministic: the
// same data, options and seed give a byte-identical file. Returns false and
// sets *error on bad options (unknown feature group, unreadable clusters
// file) or when the file cannot be written.
bool Train(const std::vector<ConllSentence>& train, const TrainOptions& options,
           const std::string& output, std::string* error);

// Word clusters learnt from unlabelled text: skip-gram word vectors over
// clitic-stripped stems, grouped by k-means at three granularities, plus each
// stem's corpus frequency and how often it takes the article ال. Deterministic
// for a given input order and seed; single-threaded.
struct ClusterOptions {
  uint32_t min_count = 5;
  uint32_t dimensions = 64;
  uint32_t window = 4;
  uint32_t epochs = 3;
  uint32_t clusters = 1024;  // finest level; the coarser have a quarter and a sixteenth (1 at least)
  uint64_t seed = 1;
  void (*progress)(const std::string& what, void* arg) = nullptr;
  void* progress_arg = nullptr;
};

// Whether TrainClusters can use `options`: clusters 1 to 65530 (cluster
// numbers are 16 bits, and the tagger gives the top ones to words outside the
// corpus), dimensions, epochs and window 1 at least. Sets *error if not.
bool CheckClusterOptions(const ClusterOptions& options, std::string* error);

// Learns clusters from `texts` (raw article text) and writes them to
// `output` (gzip-compressed text, one stem per line). Returns false and sets
// *error when CheckClusterOptions refuses the options, there is too little
// text, or the file cannot be written.
bool TrainClusters(const std::vector<std::string>& texts, const ClusterOptions& options,
                   const std::string& output, std::string* error);

}  // namespace marsad::ner

#endif  // MARSAD_NER_NER_H_
