// Feature extraction. Every feature is a 64-bit key: a template number mixed
// with the hash of its value, so that extraction allocates nothing per
// feature and the key of a value is the same in training and tagging.
#include <algorithm>
#include <bit>
#include <tuple>
#include <unordered_map>

#include "ner/internal.h"

namespace marsad::ner::internal {
namespace {

// Template numbers are stored in model files (through the keys): never
// renumber, only add.
enum Template : uint64_t {
  kBias = 1,
  kKey0, kKeyM1, kKeyP1, kKeyM2, kKeyP2, kBigramM1, kBigramP1,
  kStem0, kStemM1, kStemP1, kCliticPrefix,
  kPrefix1, kPrefix2, kPrefix3, kSuffix1, kSuffix2, kSuffix3, kSuffix4,
  kKind0, kKindAround, kLength,
  kGaz0, kGazAround,
  kClass0, kClassM1, kClassM2, kClassP1, kClassP2,
  kClusterFine0, kClusterMid0, kClusterCoarse0, kClusterMidM1, kClusterMidP1,
  kClusterCoarseM1, kClusterCoarseP1, kClusterPair,
  kFreq0, kArticle0, kUnknown0, kFreqAround,
  kDocLabels, kDocLabelsFreq, kDocCount, kDocLabelsM1, kDocLabelsP1,
  kPass1Self, kPass1M1, kPass1P1, kPass1Tri,
  kPrefix4, kPrefix5, kSuffix5, kClusterFineM1, kClusterFineP1, kClusterClass,
};

uint64_t T(Template t) { return HashBytes("t", t * 0x9e3779b97f4a7c15ull); }

// Code points of a UTF-8 string, in byte offsets (where each one starts).
size_t Letters(std::string_view s, size_t* starts, size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < s.size() && n < max; ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts[n++] = i;
  }
  return n;
}

WordKind KindOf(std::string_view w) {
  bool digits = false, latin = false, arabic = false, other = false;
  for (unsigned char c : w) {
    if (c >= '0' && c <= '9') digits = true;
    else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') latin = true;
    else if (c >= 0xD8 && c <= 0xDB) arabic = true;
    else if (c < 0x80 || c >= 0xC0) other = true;
  }
  if (arabic) return kArabic;
  if (latin) return kLatin;
  if (digits) return kDigits;
  return other ? kPunct : kOther;
}

uint64_t Bucket(uint32_t count) {
  uint64_t b = 0;
  while (count > 1) {
    count >>= 1;
    ++b;
  }
  return b;
}

}  // namespace

void Features::PrepareWord(std::string key, WordInfo* w) const {
  w->key = std::move(key);
  w->kind = KindOf(w->key);
  w->stem = w->kind == kArabic ? lexicon_->StemOf(w->key) : w->key;
  w->key_hash = HashBytes(w->key);
  w->stem_hash = HashBytes(w->stem);
  w->classes = lexicon_->Classes(w->stem);
  w->stats = lexicon_->Stats(w->stem);
  w->nationality = w->kind == kArabic && lexicon_->IsNationality(w->key);
  w->people = w->kind == kArabic && lexicon_->IsPeople(w->stem);
  w->accusative = w->kind == kArabic && lexicon_->IsIndefiniteAccusative(w->stem);
  w->adverb = w->kind == kArabic && lexicon_->IsNisbaAdverb(w->stem);
  w->function_word = text::IsFunctionWord(w->key) || text::IsFunctionWord(w->stem);
  w->gaz_begin = 0;
  w->gaz_inside = 0;
  w->begins_names_only = false;
  w->phrase_words = 0;
  w->prefix_words = 0;
  w->known_scores = nullptr;
}

namespace {

// Whether a word has a hamza letter: ء (U+0621) or أ ؤ إ ئ (U+0623–U+0626),
// which UTF-8 writes as D8 A1 and D8 A3–A6. One pass over the bytes: this
// runs on every word tagged.
bool HasHamza(std::string_view word) {
  for (size_t i = 0; i + 1 < word.size(); ++i) {
    if (static_cast<unsigned char>(word[i]) != 0xD8) continue;
    const auto next = static_cast<unsigned char>(word[i + 1]);
    if (next == 0xA1 || (next >= 0xA3 && next <= 0xA6)) return true;
  }
  return false;
}

}  // namespace

void Features::Prepare(const std::vector<std::string_view>& words, std::vector<WordInfo>* out,
                       const KnownWords* known) const {
  out->resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    std::string key = text::MatchKey(words[i]);
    WordInfo& w = (*out)[i];
    const auto known_word = known ? known->find(key) : KnownWords::const_iterator();
    if (known && known_word != known->end()) {
      w = known_word->second.info;
    } else {
      PrepareWord(std::move(key), &w);
    }
    w.written_hamza = HasHamza(words[i]);
    w.written_ta_marbuta = words[i].ends_with("ة");
    w.written_alef_maqsura = words[i].ends_with("ى");
    w.written_lower_latin = w.kind == kLatin && !words[i].empty() && words[i][0] >= 'a' && words[i][0] <= 'z';
  }
  // في، إلى، عن، مع … standing alone, or after و or ف (وفي, and in). Not من
  // (from, or who: من بالمنزل, who is in the house) or حتى (even: حتى
  // لهيلاري, even to Hillary).
  static const auto prepositions =
      text::internal::MatchKeySet({"في", "إلى", "عن", "مع", "بين", "نحو", "حول", "لدى", "عند", "منذ"});
  static const std::string on = text::MatchKey("على");
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string_view before = (*out)[i - 1].key;
    const bool conjunction = before.starts_with("و") || before.starts_with("ف");
    const std::string_view bare = conjunction ? before.substr(2) : before;
    (*out)[i].after_preposition = prepositions.contains(before) || (conjunction && prepositions.contains(bare)) ||
                                  ((*out)[i - 1].written_alef_maqsura && (before == on || bare == on));
  }
  if (!(groups_ & kGroupGazetteer)) return;
  const int max_words = lexicon_->max_phrase_words();
  for (size_t i = 0; i < words.size(); ++i) {
    if ((*out)[i].kind != kArabic) continue;
    uint64_t h = 0;
    for (size_t j = i; j < words.size() && j < i + max_words; ++j) {
      h = Lexicon::PhraseHash(h, (*out)[j].stem);
      const uint16_t found = lexicon_->Phrase(h);
      if (!found) break;  // no phrase starts with these words
      const auto words_so_far = static_cast<uint8_t>(j - i + 1);
      (*out)[i].prefix_words = words_so_far;
      const uint16_t bits = found & ~kGazPrefix;
      if (j == i) (*out)[i].begins_names_only = !bits;
      if (!bits) continue;
      (*out)[i].phrase_words = words_so_far;
      (*out)[i].gaz_begin |= bits;
      for (size_t k = i + 1; k <= j; ++k) (*out)[k].gaz_inside |= bits;
    }
  }
}

void Features::Extract(const std::vector<WordInfo>& words, size_t i,
                       std::vector<uint64_t>* out) const {
  ExtractLocal(words[i], out);
  ExtractContext(words, i, out);
}

namespace {

// Cluster 0 is "not in the corpus"; still a useful signal for names.
uint64_t ClusterOf(const WordInfo& x, int level) {
  return x.stats ? x.stats->cluster[level] : (x.kind == kArabic ? 0 : 0xFFFF - x.kind);
}

}  // namespace

void Features::ExtractLocal(const WordInfo& w, std::vector<uint64_t>* out) const {
  const auto add = [out](Template t, uint64_t value) { out->push_back(Mix(T(t), value)); };
  add(kBias, 0);
  if (groups_ & kGroupWord) add(kKey0, w.key_hash);
  if (groups_ & kGroupStem) {
    add(kStem0, w.stem_hash);
    // What the stem lost: the clitics, as letters (e.g. وال، ب).
    const size_t lost = w.key.size() > w.stem.size() ? w.key.size() - w.stem.size() : 0;
    add(kCliticPrefix, HashBytes(std::string_view(w.key).substr(0, lost)));
  }
  if (groups_ & kGroupAffix) {
    size_t starts[64];
    const std::string_view s = w.stem;
    const size_t n = Letters(s, starts, 64);
    const Template prefixes[] = {kPrefix1, kPrefix2, kPrefix3, kPrefix4, kPrefix5};
    const Template suffixes[] = {kSuffix1, kSuffix2, kSuffix3, kSuffix4, kSuffix5};
    for (size_t k = 1; k <= 5 && k < n; ++k) add(prefixes[k - 1], HashBytes(s.substr(0, starts[k])));
    for (size_t k = 1; k <= 5 && k < n; ++k) add(suffixes[k - 1], HashBytes(s.substr(starts[n - k])));
  }
  if (groups_ & kGroupShape) {
    add(kKind0, w.kind);
    size_t starts[16];
    add(kLength, Letters(w.stem, starts, 12));
  }
  if (groups_ & kGroupTriggers) {
    for (uint32_t bits = w.classes; bits; bits &= bits - 1) add(kClass0, std::countr_zero(bits));
  }
  if (groups_ & kGroupClusters) {
    add(kClusterFine0, ClusterOf(w, 0));
    add(kClusterMid0, ClusterOf(w, 1));
    add(kClusterCoarse0, ClusterOf(w, 2));
    add(kClusterClass, ClusterOf(w, 1) * 65536 + (w.classes & 0xFFFF));
  }
  if (groups_ & kGroupCorpus) {
    if (w.stats) {
      add(kFreq0, Bucket(w.stats->count));
      add(kArticle0, w.stats->article);
    } else {
      add(kUnknown0, w.kind);
    }
  }
}

const WordInfo& Features::Boundary() {
  static const WordInfo kBoundary = {"<s>", "<s>", HashBytes("<s>"), HashBytes("<s>"), 0, nullptr,
                                     kOther, 0, 0, false, false, false, false, false, nullptr};
  return kBoundary;
}

void Features::ExtractNeighbour(const WordInfo& x, int offset, std::vector<uint64_t>* out) const {
  const auto add = [out](Template t, uint64_t value) { out->push_back(Mix(T(t), value)); };
  const bool next = offset > 0, near = offset == -1 || offset == 1;
  if (groups_ & kGroupContext) {
    add(near ? (next ? kKeyP1 : kKeyM1) : (next ? kKeyP2 : kKeyM2), x.key_hash);
  }
  if ((groups_ & kGroupStem) && near) add(next ? kStemP1 : kStemM1, x.stem_hash);
  if (groups_ & kGroupTriggers) {
    const Template t = near ? (next ? kClassP1 : kClassM1) : (next ? kClassP2 : kClassM2);
    for (uint32_t bits = x.classes; bits; bits &= bits - 1) add(t, std::countr_zero(bits));
  }
  if ((groups_ & kGroupClusters) && near) {
    add(next ? kClusterMidP1 : kClusterMidM1, ClusterOf(x, 1));
    add(next ? kClusterCoarseP1 : kClusterCoarseM1, ClusterOf(x, 2));
    add(next ? kClusterFineP1 : kClusterFineM1, ClusterOf(x, 0));
  }
}

void Features::ExtractJoint(const std::vector<WordInfo>& words, size_t i,
                            std::vector<uint64_t>* out) const {
  const WordInfo& w = words[i];
  const WordInfo& m1 = i > 0 ? words[i - 1] : Boundary();
  const WordInfo& p1 = i + 1 < words.size() ? words[i + 1] : Boundary();
  const auto add = [out](Template t, uint64_t value) { out->push_back(Mix(T(t), value)); };
  if (groups_ & kGroupContext) {
    add(kBigramM1, Mix(m1.key_hash, w.key_hash));
    add(kBigramP1, Mix(w.key_hash, p1.key_hash));
  }
  if (groups_ & kGroupShape) add(kKindAround, m1.kind * 8 + p1.kind);
  // Gazetteer phrases span words: a word's bits depend on its neighbours.
  if (groups_ & kGroupGazetteer) {
    for (int b = 0; b < kGazetteers; ++b) {
      const uint16_t bit = 1u << b;
      if (w.gaz_begin & bit) add(kGaz0, 2 * b);
      if (w.gaz_inside & bit) add(kGaz0, 2 * b + 1);
    }
    add(kGazAround, uint64_t(m1.gaz_begin | m1.gaz_inside) * 65536 + (p1.gaz_begin | p1.gaz_inside));
  }
  if (groups_ & kGroupClusters) add(kClusterPair, ClusterOf(m1, 2) * 65536 + ClusterOf(w, 2));
  if (groups_ & kGroupCorpus) {
    add(kFreqAround, (m1.stats ? Bucket(m1.stats->count) + 1 : 0) * 64 +
                         (p1.stats ? Bucket(p1.stats->count) + 1 : 0));
  }
}

void Features::ExtractContext(const std::vector<WordInfo>& words, size_t i,
                              std::vector<uint64_t>* out) const {
  for (const int offset : kNeighbourOffsets) {
    const ptrdiff_t j = static_cast<ptrdiff_t>(i) + offset;
    const bool inside = j >= 0 && j < static_cast<ptrdiff_t>(words.size());
    ExtractNeighbour(inside ? words[j] : Boundary(), offset, out);
  }
  ExtractJoint(words, i, out);
}

void Features::ExtractDocument(const std::vector<const std::vector<WordInfo>*>& doc,
                               const std::vector<std::vector<uint8_t>>& pass1, const DocumentSink& emit) {
  // Labels given to the other occurrences of each word's stem within
  // kDocumentWindow sentences, as a bit per label, and how many there are.
  // Occurrences are sorted by stem, then in document order, and each stem's
  // window slides along them with a count per label: linear, where looking
  // at every pair was quadratic in a function word's occurrences.
  struct Occurrence {
    uint64_t stem;
    uint32_t sentence, word;
    bool operator<(const Occurrence& o) const {
      return std::tie(stem, sentence, word) < std::tie(o.stem, o.sentence, o.word);
    }
  };
  // Words are numbered through the document: sentence s starts at first_word[s].
  std::vector<size_t> first_word(doc.size() + 1, 0);
  for (size_t s = 0; s < doc.size(); ++s) first_word[s + 1] = first_word[s] + doc[s]->size();
  std::vector<Occurrence> occurrences;
  occurrences.reserve(first_word.back());
  std::vector<uint32_t> masks(first_word.back(), 0), counts(first_word.back(), 0);
  for (size_t s = 0; s < doc.size(); ++s) {
    for (size_t i = 0; i < doc[s]->size(); ++i) {
      const WordInfo& w = (*doc[s])[i];
      if (w.kind == kArabic || w.kind == kLatin) {
        occurrences.push_back({w.stem_hash, static_cast<uint32_t>(s), static_cast<uint32_t>(i)});
      }
    }
  }
  std::sort(occurrences.begin(), occurrences.end());
  const auto label = [&](const Occurrence& o) { return pass1[o.sentence][o.word]; };
  for (size_t first = 0; first < occurrences.size();) {
    size_t end = first;
    while (end < occurrences.size() && occurrences[end].stem == occurrences[first].stem) ++end;
    uint32_t in_window[kLabels] = {};
    size_t lo = first, hi = first;
    for (size_t k = first; k < end; ++k) {
      const uint32_t s = occurrences[k].sentence;
      for (; hi < end && occurrences[hi].sentence <= s + kDocumentWindow; ++hi) ++in_window[label(occurrences[hi])];
      for (; occurrences[lo].sentence + kDocumentWindow < s; ++lo) --in_window[label(occurrences[lo])];
      const uint8_t own = label(occurrences[k]);
      --in_window[own];
      uint32_t mask = 0;
      for (int l = 0; l < kLabels; ++l) {
        if (in_window[l]) mask |= 1u << l;
      }
      ++in_window[own];
      masks[first_word[s] + occurrences[k].word] = mask;
      counts[first_word[s] + occurrences[k].word] = static_cast<uint32_t>(hi - lo - 1);
    }
    first = end;
  }
  for (size_t s = 0; s < doc.size(); ++s) {
    const std::vector<WordInfo>& words = *doc[s];
    const size_t n = words.size();
    const std::vector<uint8_t>& labels = pass1[s];
    // data() +, not &v[i]: an empty last sentence starts at the end.
    const uint32_t* mask = masks.data() + first_word[s];
    const uint32_t* count = counts.data() + first_word[s];
    for (size_t i = 0; i < n; ++i) {
      const WordInfo& w = words[i];
      uint64_t keys[9];  // as many as the add calls below
      size_t size = 0;
      const auto add = [&](Template t, uint64_t value) { keys[size++] = Mix(T(t), value); };
      const uint64_t m1 = i > 0 ? labels[i - 1] : kLabels;
      const uint64_t p1 = i + 1 < n ? labels[i + 1] : kLabels;
      add(kPass1Self, labels[i]);
      add(kPass1M1, m1);
      add(kPass1P1, p1);
      add(kPass1Tri, (m1 * 16 + labels[i]) * 16 + p1);
      if (count[i] > 0) {
        add(kDocLabels, mask[i]);
        add(kDocLabelsFreq, mask[i] * 64 + (w.stats ? Bucket(w.stats->count) + 1 : 0));
      }
      add(kDocCount, std::min<uint32_t>(count[i], 5) * 64 + (w.stats ? Bucket(w.stats->count) + 1 : 0));
      add(kDocLabelsM1, i > 0 ? mask[i - 1] : 1u << 12);
      add(kDocLabelsP1, i + 1 < n ? mask[i + 1] : 1u << 12);
      emit(s, i, keys, size);
    }
  }
}

std::vector<std::vector<std::vector<uint64_t>>> Features::DocumentKeys(
    const std::vector<const std::vector<WordInfo>*>& doc, const std::vector<std::vector<uint8_t>>& pass1) {
  std::vector<std::vector<std::vector<uint64_t>>> out(doc.size());
  for (size_t s = 0; s < doc.size(); ++s) out[s].resize(doc[s]->size());
  ExtractDocument(doc, pass1, [&](size_t s, size_t i, const uint64_t* keys, size_t count) {
    out[s][i].assign(keys, keys + count);
  });
  return out;
}

}  // namespace marsad::ner::internal
