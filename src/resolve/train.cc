// Training and evaluation of the model from transliteration pairs: EM for
// the pair models, logistic calibration against hard negatives, n-gram
// counts for romanisation; a held-out split by Arabic spelling.
#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "resolve/internal.h"
#include "resolve/resolve.h"
#include "text/text.h"

namespace marsad::resolve {
namespace {

using namespace internal;

constexpr int kAlef = 1, kLam = 23;
// The romanizer's n-gram order (at most kMaxOrder): five was no better than
// four on the held-out words and makes the file twice the size.
constexpr int kRomanizerOrder = 4;

struct Pair {
  std::string arabic_text;  // as in the data
  std::string latin_text;
  std::string arabic;       // letters (ArabicWordLetters)
  std::string arabic_model; // letters the pair model is trained on (article split off)
  std::string latin;        // letters (LatinWordLetters)
  std::string key;          // text::MatchKey of the Arabic: the unit of the split
  // From the dictionary file (google-ar2en-train.tsv), which gives a word
  // the one spelling English text uses for it (كيري: kerry); ANETAC's pairs
  // are aligned from parallel text and give a word every spelling seen
  // (Keary, Keri, Kere, Kerey, Carey).
  bool dictionary = false;
};

bool ReadLines(const std::string& path, std::vector<std::string>* lines) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines->push_back(line);
  }
  return true;
}

void AddPair(const std::string& arabic, const std::string& latin, bool dictionary,
             std::vector<Pair>* pairs) {
  Pair p;
  p.dictionary = dictionary;
  if (!ArabicWordLetters(arabic, &p.arabic) || !LatinWordLetters(latin, &p.latin)) return;
  p.arabic_text = arabic;
  p.latin_text = latin;
  p.key = text::MatchKey(arabic);
  p.arabic_model = p.arabic;
  // الترابي / Turabi: the article is not in the Latin, so not in the alignment.
  const bool latin_article = p.latin.size() > 2 && (p.latin[0] == 0 || p.latin[0] == 4) &&
                             p.latin[1] == 'l' - 'a';
  if (p.arabic.size() >= 4 && p.arabic[0] == kAlef && p.arabic[1] == kLam && !latin_article) {
    p.arabic_model = p.arabic.substr(2);
  }
  if (p.arabic.size() > 40 || p.latin.size() > 40) return;
  pairs->push_back(std::move(p));
}

bool ReadData(const std::string& dir, std::vector<Pair>* pairs, std::string* files, std::string* error) {
  std::vector<std::string> google, anetac_ar, anetac_en;
  const bool have_google = ReadLines(dir + "/google-ar2en-train.tsv", &google);
  const bool have_anetac = ReadLines(dir + "/anetac-train.ar", &anetac_ar) &&
                           ReadLines(dir + "/anetac-train.en", &anetac_en);
  if (!have_google && !have_anetac) {
    *error = dir + ": neither google-ar2en-train.tsv nor anetac-train.ar/.en can be read";
    return false;
  }
  if (have_anetac && anetac_ar.size() != anetac_en.size()) {
    *error = dir + "/anetac-train.ar and .en do not have the same number of lines";
    return false;
  }
  for (const std::string& line : google) {
    const size_t tab = line.find('\t');
    if (tab != std::string::npos) AddPair(line.substr(0, tab), line.substr(tab + 1), true, pairs);
  }
  for (size_t i = 0; have_anetac && i < anetac_ar.size(); ++i) AddPair(anetac_ar[i], anetac_en[i], false, pairs);
  *files = std::string(have_google ? "google-ar2en-train.tsv " : "") +
           (have_anetac ? "anetac-train.ar/.en" : "");
  if (pairs->empty()) {
    *error = dir + ": no usable pairs";
    return false;
  }
  return true;
}

// Splits by Arabic spelling, so no held-out spelling is ever seen in training.
void Split(const std::vector<Pair>& pairs, const TrainOptions& options, std::vector<Pair>* train,
           std::vector<Pair>* test) {
  std::vector<std::string> keys;
  for (const Pair& p : pairs) keys.push_back(p.key);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::mt19937 rng(options.seed);
  std::shuffle(keys.begin(), keys.end(), rng);
  const std::unordered_set<std::string> held(keys.begin(), keys.begin() + static_cast<long>(keys.size() * options.heldout));
  for (const Pair& p : pairs) (held.count(p.key) ? test : train)->push_back(p);
}

// ---------------------------------------------------------------------------
// Arabic–Latin model: EM with forward-backward in probability space (names
// are short enough for doubles).

struct AlParams {
  std::vector<double> emit = std::vector<double>(kArabicLetters * 3 * kSegments);
  std::vector<double> insert = std::vector<double>((kArabicLetters + 1) * 3 * 2 * 27);
};

int Position(size_t i, size_t n) { return i == 0 ? 0 : i + 1 == n ? 2 : 1; }
int Next(const std::string& a, size_t i) {
  return i == a.size() ? 2 : IsLongVowel(static_cast<uint8_t>(a[i])) ? 1 : 0;
}
int Before(const std::string& a, size_t i) {
  return i == 0 ? kArabicLetters : static_cast<uint8_t>(a[i - 1]);
}

// Forward-backward over states (i Arabic letters, j Latin letters, c: a
// letter inserted since the last emission), adding expected counts.
void EStepArabicLatin(const AlParams& p, const Pair& pair, AlParams* counts) {
  const std::string& a = pair.arabic_model;
  const auto* l = reinterpret_cast<const uint8_t*>(pair.latin.data());
  const size_t n = a.size(), m = pair.latin.size(), w = m + 1, layer = (n + 1) * w;
  auto E = [&](size_t i, int seg) { return p.emit[(static_cast<uint8_t>(a[i]) * 3 + Position(i, n)) * kSegments + seg]; };
  auto row = [&](size_t i, int c) { return ((Before(a, i) * 3 + Next(a, i)) * 2 + c) * 27; };
  std::vector<double> f(2 * layer, 0), b(2 * layer, 0);
  f[0] = 1;
  for (size_t i = 0; i <= n; ++i) {
    for (size_t j = 0; j <= m; ++j) {
      for (int c = 0; c < 2; ++c) {
        const double cur = f[c * layer + i * w + j];
        if (cur == 0) continue;
        if (j < m) f[layer + i * w + j + 1] += cur * p.insert[row(i, c) + l[j]];
        if (i == n) continue;
        const double base = cur * p.insert[row(i, c) + 26];
        for (int k = 0; k <= 2 && j + k <= m; ++k) {
          if (SegmentAllowed(l + j, k)) f[(i + 1) * w + j + k] += base * E(i, SegmentId(l + j, k));
        }
      }
    }
  }
  const double total = f[n * w + m] * p.insert[row(n, 0) + 26] + f[layer + n * w + m] * p.insert[row(n, 1) + 26];
  if (!(total > 1e-300)) return;
  for (size_t i = n + 1; i-- > 0;) {
    for (size_t j = m + 1; j-- > 0;) {
      double e = 0;
      if (i < n) {
        for (int k = 0; k <= 2 && j + k <= m; ++k) {
          if (SegmentAllowed(l + j, k)) e += E(i, SegmentId(l + j, k)) * b[(i + 1) * w + j + k];
        }
      }
      for (int c = 0; c < 2; ++c) {
        double v = i == n && j == m ? p.insert[row(n, c) + 26] : 0;
        if (j < m) v += p.insert[row(i, c) + l[j]] * b[layer + i * w + j + 1];
        if (i < n) v += p.insert[row(i, c) + 26] * e;
        b[c * layer + i * w + j] = v;
      }
    }
  }
  for (size_t i = 0; i <= n; ++i) {
    for (size_t j = 0; j <= m; ++j) {
      for (int c = 0; c < 2; ++c) {
        const double cur = f[c * layer + i * w + j] / total;
        if (cur == 0) continue;
        const size_t r = row(i, c);
        if (j < m) counts->insert[r + l[j]] += cur * p.insert[r + l[j]] * b[layer + i * w + j + 1];
        if (i == n) {
          if (j == m) counts->insert[r + 26] += cur * p.insert[r + 26];
          continue;
        }
        const double base = cur * p.insert[r + 26];
        for (int k = 0; k <= 2 && j + k <= m; ++k) {
          if (!SegmentAllowed(l + j, k)) continue;
          const int seg = SegmentId(l + j, k);
          const double x = base * E(i, seg) * b[(i + 1) * w + j + k];
          counts->emit[(static_cast<uint8_t>(a[i]) * 3 + Position(i, n)) * kSegments + seg] += x;
          counts->insert[r + 26] += x;
        }
      }
    }
  }
}

std::vector<bool> AllowedSegments() {
  std::vector<bool> ok(kSegments, false);
  ok[0] = true;
  for (uint8_t x = 0; x < kLatinLetters; ++x) {
    ok[SegmentId(&x, 1)] = true;
    for (uint8_t y = 0; y < kLatinLetters; ++y) {
      const uint8_t s[2] = {x, y};
      ok[SegmentId(s, 2)] = SegmentAllowed(s, 2);
    }
  }
  return ok;
}

void MStepArabicLatin(const AlParams& counts, AlParams* p) {
  static const std::vector<bool> allowed = AllowedSegments();
  for (int row = 0; row < kArabicLetters * 3; ++row) {
    double sum = 0;
    for (int s = 0; s < kSegments; ++s) sum += allowed[s] ? counts.emit[row * kSegments + s] + 1e-3 : 0;
    for (int s = 0; s < kSegments; ++s) {
      p->emit[row * kSegments + s] = allowed[s] ? (counts.emit[row * kSegments + s] + 1e-3) / sum : 0;
    }
  }
  for (int row = 0; row < (kArabicLetters + 1) * 3 * 2; ++row) {
    double sum = 0;
    for (int s = 0; s < 27; ++s) sum += counts.insert[row * 27 + s] + 1e-2;
    for (int s = 0; s < 27; ++s) p->insert[row * 27 + s] = (counts.insert[row * 27 + s] + 1e-2) / sum;
  }
}

ArabicLatinModel TrainArabicLatin(const std::vector<Pair>& train, int iterations) {
  AlParams p, counts;
  std::fill(counts.emit.begin(), counts.emit.end(), 1.0);
  for (int row = 0; row < (kArabicLetters + 1) * 3 * 2; ++row) {
    for (int s = 0; s < 26; ++s) counts.insert[row * 27 + s] = 1;
    counts.insert[row * 27 + 26] = 60;  // start by preferring emissions
  }
  MStepArabicLatin(counts, &p);
  for (int it = 0; it < iterations; ++it) {
    counts = AlParams();
    for (const Pair& pair : train) EStepArabicLatin(p, pair, &counts);
    MStepArabicLatin(counts, &p);
  }
  ArabicLatinModel model;
  static const std::vector<bool> allowed = AllowedSegments();
  for (size_t k = 0; k < model.emit.size(); ++k) {
    // Segments seen less than a trace of a time are left out of the file.
    if (allowed[k % kSegments] && p.emit[k] > 1e-5) model.emit[k] = static_cast<float>(std::log(p.emit[k]));
  }
  for (size_t k = 0; k < model.insert.size(); ++k) model.insert[k] = static_cast<float>(std::log(p.insert[k]));
  std::vector<double> big(27 * 27, 1.0);
  for (const Pair& pair : train) {
    int prev = 26;
    for (char c : pair.latin) {
      big[prev * 27 + c] += 1;
      prev = c;
    }
    big[prev * 27 + 26] += 1;
  }
  for (int r = 0; r < 27; ++r) {
    const double sum = std::accumulate(big.begin() + r * 27, big.begin() + r * 27 + 27, 0.0);
    for (int c = 0; c < 27; ++c) model.latin_bigram[r * 27 + c] = static_cast<float>(std::log(big[r * 27 + c] / sum));
  }
  return model;
}

// The Latin each Arabic letter is written as (inserted letters after it
// included; those before the first letter go with it), by Viterbi.
std::vector<std::string> AlignArabicLatin(const ArabicLatinModel& model, const std::string& a,
                                          const std::string& latin) {
  const auto* l = reinterpret_cast<const uint8_t*>(latin.data());
  const size_t n = a.size(), m = latin.size(), w = m + 1, layer = (n + 1) * w;
  std::vector<float> v(2 * layer, kNever);
  // How each state was reached: k + 1 for an emission of k letters (from
  // layer c, as from_layer says), 0 for an insertion.
  std::vector<int> from(2 * layer, -1), from_layer(2 * layer, 0);
  v[0] = 0;
  auto improve = [&](size_t to, float s, int how, int c) {
    if (s > v[to]) {
      v[to] = s;
      from[to] = how;
      from_layer[to] = c;
    }
  };
  for (size_t i = 0; i <= n; ++i) {
    const int before = Before(a, i), next = Next(a, i);
    for (size_t j = 0; j <= m; ++j) {
      for (int c = 0; c < 2; ++c) {
        const float cur = v[c * layer + i * w + j];
        if (cur <= kNever / 2) continue;
        if (j < m) improve(layer + i * w + j + 1, cur + model.Insert(before, next, c, l[j]), 0, c);
        if (i == n) continue;
        for (int k = 0; k <= 2 && j + k <= m; ++k) {
          if (!SegmentAllowed(l + j, k)) continue;
          improve((i + 1) * w + j + k,
                  cur + model.Insert(before, next, c, 26) +
                      model.Emit(static_cast<uint8_t>(a[i]), Position(i, n), SegmentId(l + j, k)),
                  k + 1, c);
        }
      }
    }
  }
  const float end0 = v[n * w + m] + model.Insert(Before(a, n), 2, 0, 26);
  const float end1 = v[layer + n * w + m] + model.Insert(Before(a, n), 2, 1, 26);
  if (std::max(end0, end1) <= kNever / 2) return {};
  std::vector<std::string> out(n);
  std::string pending;  // inserted letters, read backwards
  int c = end1 > end0 ? 1 : 0;
  for (size_t i = n, j = m; i > 0 || j > 0;) {
    const size_t at = c * layer + i * w + j;
    const int f = from[at];
    if (f < 0) return {};
    c = from_layer[at];
    if (f == 0) {
      pending.insert(pending.begin(), static_cast<char>('a' + l[j - 1]));
      --j;
      continue;
    }
    const size_t k = static_cast<size_t>(f - 1);
    std::string seg;
    for (size_t t = j - k; t < j; ++t) seg += static_cast<char>('a' + l[t]);
    out[i - 1] = seg + pending + out[i - 1];
    pending.clear();
    --i;
    j -= k;
    if (i == 0 && j > 0) {
      // Letters inserted before the first Arabic letter.
      std::string head;
      for (size_t t = 0; t < j; ++t) head += static_cast<char>('a' + l[t]);
      out[0] = head + out[0];
      j = 0;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Symmetric edit models (Arabic–Arabic, Latin–Latin).

struct EditParams {
  int size;
  std::vector<double> sub, ins;
  double stop;
};

void EStepEdit(const EditParams& p, const std::string& a, const std::string& b, EditParams* c) {
  const size_t n = a.size(), m = b.size(), w = m + 1;
  auto x = [&](size_t i) { return static_cast<uint8_t>(a[i]); };
  auto y = [&](size_t j) { return static_cast<uint8_t>(b[j]); };
  std::vector<double> f((n + 1) * w, 0), bk((n + 1) * w, 0);
  f[0] = 1;
  for (size_t i = 0; i <= n; ++i) {
    for (size_t j = 0; j <= m; ++j) {
      const double cur = f[i * w + j];
      if (i < n && j < m) f[(i + 1) * w + j + 1] += cur * p.sub[x(i) * p.size + y(j)];
      if (i < n) f[(i + 1) * w + j] += cur * p.ins[x(i)];
      if (j < m) f[i * w + j + 1] += cur * p.ins[y(j)];
    }
  }
  const double total = f[n * w + m] * p.stop;
  if (!(total > 1e-300)) return;
  for (size_t i = n + 1; i-- > 0;) {
    for (size_t j = m + 1; j-- > 0;) {
      double v = i == n && j == m ? p.stop : 0;
      if (i < n && j < m) v += p.sub[x(i) * p.size + y(j)] * bk[(i + 1) * w + j + 1];
      if (i < n) v += p.ins[x(i)] * bk[(i + 1) * w + j];
      if (j < m) v += p.ins[y(j)] * bk[i * w + j + 1];
      bk[i * w + j] = v;
    }
  }
  for (size_t i = 0; i <= n; ++i) {
    for (size_t j = 0; j <= m; ++j) {
      const double cur = f[i * w + j] / total;
      if (i < n && j < m) c->sub[x(i) * p.size + y(j)] += cur * p.sub[x(i) * p.size + y(j)] * bk[(i + 1) * w + j + 1];
      if (i < n) c->ins[x(i)] += cur * p.ins[x(i)] * bk[(i + 1) * w + j];
      if (j < m) c->ins[y(j)] += cur * p.ins[y(j)] * bk[i * w + j + 1];
    }
  }
  c->stop += 1;
}

// Normalises counts (plus the prior) into a symmetric joint distribution.
void MStepEdit(const EditParams& c, const EditParams& prior, EditParams* p) {
  const int k = c.size;
  double total = c.stop + prior.stop;
  for (int i = 0; i < k * k; ++i) total += c.sub[i] + prior.sub[i];
  for (int i = 0; i < k; ++i) total += c.ins[i] + prior.ins[i];
  for (int x = 0; x < k; ++x) {
    for (int y = 0; y < k; ++y) {
      p->sub[x * k + y] = (c.sub[x * k + y] + c.sub[y * k + x] + prior.sub[x * k + y] + prior.sub[y * k + x]) / 2 / total;
    }
    p->ins[x] = (c.ins[x] + prior.ins[x]) / 2 / total;
  }
  p->stop = (c.stop + prior.stop) / total;
}

EditModel TrainEdit(int size, const std::vector<std::pair<std::string, std::string>>& pairs,
                    const EditParams& prior, const std::vector<double>& letter_counts, int iterations) {
  EditParams p{size, std::vector<double>(size * size), std::vector<double>(size), 0};
  // Start from matches being likely and every edit possible.
  EditParams init{size, std::vector<double>(size * size, 0.01), std::vector<double>(size, 0.5), 1};
  for (int x = 0; x < size; ++x) init.sub[x * size + x] += letter_counts[x] / 100 + 1;
  init.stop = static_cast<double>(pairs.size()) / 100 + 1;
  MStepEdit(init, prior, &p);
  for (int it = 0; it < iterations; ++it) {
    EditParams c{size, std::vector<double>(size * size, 0), std::vector<double>(size, 0), 0};
    for (const auto& [a, b] : pairs) EStepEdit(p, a, b, &c);
    MStepEdit(c, prior, &p);
  }
  EditModel m;
  m.size = size;
  m.substitute.resize(size * size);
  m.insert.resize(size);
  for (int i = 0; i < size * size; ++i) m.substitute[i] = static_cast<float>(std::log(p.sub[i]));
  for (int i = 0; i < size; ++i) m.insert[i] = static_cast<float>(std::log(p.ins[i]));
  m.stop = static_cast<float>(std::log(p.stop));
  // Chance: letters drawn by frequency, stopping after the mean length.
  const double letters = std::accumulate(letter_counts.begin(), letter_counts.end(), 0.0);
  const double words = 2.0 * static_cast<double>(pairs.size()) + 1;
  m.unigram.resize(size + 1);
  for (int x = 0; x < size; ++x) {
    m.unigram[x] = static_cast<float>(std::log((letter_counts[x] + 1) / (letters + size + words)));
  }
  m.unigram[size] = static_cast<float>(std::log(words / (letters + size + words)));
  return m;
}

// ---------------------------------------------------------------------------
// Hard negatives: different names sharing a blocking key. Two spellings are
// the same name if the pairs connect them (union-find over Arabic and Latin
// spellings) or their Latin differs only in the ways Latin spells one sound.

class Components {
 public:
  int Find(int x) { return parent_[x] == x ? x : parent_[x] = Find(parent_[x]); }
  int Add() {
    parent_.push_back(static_cast<int>(parent_.size()));
    return parent_.back();
  }
  void Join(int a, int b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<int> parent_;
};

std::string LatinCanon(const std::string& letters) {
  std::string s;
  for (size_t i = 0; i < letters.size(); ++i) {
    char c = static_cast<char>('a' + letters[i]);
    const char next = i + 1 < letters.size() ? static_cast<char>('a' + letters[i + 1]) : 0;
    if (c == 'h' && !s.empty() && std::string_view("aeiou").find(s.back()) == std::string_view::npos) continue;
    if (c == 'p') c = next == 'h' ? 'f' : 'b';  // Arabic has no p: ب is written b or p
    if (c == 's' && next == 'c' && i + 2 < letters.size() && letters[i + 2] == 'h' - 'a') {
      ++i;  // German sch: sh
    }
    if (c == 'v' || c == 'w') c = 'f';
    if (c == 'c') c = next == 'e' || next == 'i' || next == 'y' ? 's' : 'k';
    if (c == 'q' || c == 'g') c = 'k';
    if (c == 'z') c = 's';
    if (c == 'y') c = 'i';
    if (c == 'o') c = 'u';
    if (c == 'e') c = 'i';
    if (!s.empty() && s.back() == c) continue;
    s += c;
  }
  while (s.size() > 2 && (s.back() == 'i' || s.back() == 'h')) s.pop_back();
  return s;
}

// The consonants of a Latin canon (LatinCanon), j and dj read as g: two
// spellings that differ only in vowels (Hedley/Hadley, Luetkenhorst/
// Lutkenhorst) or in how they write the g of غ/ج (Georgiev/Gjeorgiev,
// Ranjan/Rangin) have one skeleton.
std::string LatinSkeleton(const std::string& canon) {
  std::string s;
  for (size_t i = 0; i < canon.size(); ++i) {
    char c = canon[i];
    if (c == 'd' && i + 1 < canon.size() && canon[i + 1] == 'j') continue;
    if (c == 'j') c = 'k';
    if (std::string_view("aeiou").find(c) != std::string_view::npos) continue;
    if (!s.empty() && s.back() == c) continue;
    s += c;
  }
  return s;
}

// The consonant letters of an Arabic spelling: without the article, the
// letters that write vowels (ا و ي) and hamza, a final ه, doubled letters.
// لويتكينهورست and لوتكنهورست, هيدلي and هادلي have one skeleton.
std::string ArabicSkeleton(const std::string& letters) {
  constexpr int kHamza = 0, kWaw = 27, kYeh = 28, kHeh = 26;
  std::string_view v(letters);
  if (v.size() >= 4 && v[0] == kAlef && v[1] == kLam) v.remove_prefix(2);
  if (v.size() > 1 && v.back() == kHeh) v.remove_suffix(1);
  std::string s;
  for (char c : v) {
    if (c == kHamza || c == kAlef || c == kWaw || c == kYeh) continue;
    if (!s.empty() && s.back() == c) continue;
    s += c;
  }
  return s;
}

std::string ArabicKey(const std::string& letters) {
  const bool article = letters.size() >= 4 && letters[0] == kAlef && letters[1] == kLam;
  return TokenKey(true, std::string_view(letters).substr(article ? 2 : 0));
}

struct NameGraph {
  std::map<std::string, int> arabic_node, latin_node;
  Components comp;
  std::map<std::string, std::set<std::string>> canons_of_arabic;  // arabic letters -> Latin canons
  // arabic letters -> consonant skeletons of its Latin spellings in the data
  std::map<std::string, std::set<std::string>> skeletons_of_arabic;
  // latin letters -> consonant skeletons (ArabicSkeleton) of its Arabic spellings
  std::map<std::string, std::set<std::string>> skeletons_of_latin;

  explicit NameGraph(const std::vector<Pair>& all) {
    for (const Pair& p : all) {
      auto [a, fresh_a] = arabic_node.emplace(p.arabic, 0);
      if (fresh_a) a->second = comp.Add();
      auto [l, fresh_l] = latin_node.emplace(p.latin, 0);
      if (fresh_l) l->second = comp.Add();
      comp.Join(a->second, l->second);
      canons_of_arabic[p.arabic].insert(LatinCanon(p.latin));
      skeletons_of_arabic[p.arabic].insert(LatinSkeleton(LatinCanon(p.latin)));
      skeletons_of_latin[p.latin].insert(ArabicSkeleton(p.arabic));
    }
  }
  int OfArabic(const std::string& a) { return comp.Find(arabic_node.at(a)); }
  int OfLatin(const std::string& l) { return comp.Find(latin_node.at(l)); }
};

struct Labeled {
  std::string a, b;            // texts for MatchScore
  std::string la, lb;          // letters for the pair model
  bool a_arabic, b_arabic;
  bool same;
};

// One hard negative per positive where there is one, from the same set.
std::vector<Labeled> ArabicLatinSet(const std::vector<Pair>& set, NameGraph* g, std::mt19937* rng) {
  std::map<std::string, std::vector<size_t>> by_key;
  for (size_t i = 0; i < set.size(); ++i) by_key[ArabicKey(set[i].arabic)].push_back(i);
  std::vector<Labeled> out;
  for (const Pair& p : set) {
    out.push_back({p.arabic_text, p.latin_text, p.arabic_model, p.latin, true, false, true});
    const auto& same_key = by_key[ArabicKey(p.arabic)];
    const int comp = g->OfArabic(p.arabic);
    const auto& canons = g->canons_of_arabic[p.arabic];
    const auto& skeletons = g->skeletons_of_arabic[p.arabic];
    const std::string skeleton = ArabicSkeleton(p.arabic);
    for (int tries = 0; tries < 32; ++tries) {
      const Pair& q = set[same_key[(*rng)() % same_key.size()]];
      if (g->OfArabic(q.arabic) == comp || canons.count(LatinCanon(q.latin))) continue;
      // A different name, not another spelling of this one the data happens
      // not to link: it differs in a consonant in both scripts.
      if (skeletons.count(LatinSkeleton(LatinCanon(q.latin))) ||
          ArabicSkeleton(q.arabic) == skeleton) {
        continue;
      }
      out.push_back({p.arabic_text, q.latin_text, p.arabic_model, q.latin, true, false, false});
      break;
    }
  }
  return out;
}

constexpr int kNegativeDraws = 32;

bool Intersect(const std::set<std::string>& x, const std::set<std::string>& y) {
  for (const std::string& v : x) {
    if (y.count(v)) return true;
  }
  return false;
}

// Whether two spellings in one script (Arabic letters, or Latin letters) are
// different names, by the rule of the Arabic–Latin negatives: not connected
// by the pairs, and different in a consonant in both scripts (their own
// skeletons differ, and no skeleton of their spellings in the other script
// is shared).
bool DifferentNames(bool arabic, const std::string& x, const std::string& y, NameGraph* g) {
  if (arabic) {
    if (!g->arabic_node.count(x) || !g->arabic_node.count(y)) return false;
    if (g->OfArabic(x) == g->OfArabic(y)) return false;
    if (ArabicSkeleton(x) == ArabicSkeleton(y)) return false;
    return !Intersect(g->canons_of_arabic[x], g->canons_of_arabic[y]) &&
           !Intersect(g->skeletons_of_arabic[x], g->skeletons_of_arabic[y]);
  }
  if (!g->latin_node.count(x) || !g->latin_node.count(y)) return false;
  if (g->OfLatin(x) == g->OfLatin(y)) return false;
  const std::string cx = LatinCanon(x), cy = LatinCanon(y);
  if (cx == cy || LatinSkeleton(cx) == LatinSkeleton(cy)) return false;
  return !Intersect(g->skeletons_of_latin[x], g->skeletons_of_latin[y]);
}

// Two spellings of one name in one script: the other spellings of the
// name's Latin (Arabic–Arabic) or Arabic (Latin–Latin), with negatives.
// `focus` (if not null) keeps only items whose first spelling is in it: the
// held-out spellings, paired with spellings from anywhere in `set`.
std::vector<Labeled> SameScriptSet(const std::vector<Pair>& set, bool arabic, NameGraph* g,
                                   std::mt19937* rng, const std::set<std::string>* focus) {
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> groups;  // pivot -> (letters, text)
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_key;
  std::set<std::string> seen;
  for (const Pair& p : set) {
    const std::string& pivot = arabic ? p.latin : p.arabic;
    const std::string& side = arabic ? p.arabic : p.latin;
    const std::string& text = arabic ? p.arabic_text : p.latin_text;
    auto& group = groups[pivot];
    if (std::none_of(group.begin(), group.end(), [&](const auto& x) { return x.first == side; })) {
      group.emplace_back(side, text);
    }
    if (seen.insert(side).second) by_key[TokenKey(arabic, side)].emplace_back(side, text);
  }
  std::vector<Labeled> out;
  for (const auto& [pivot, group] : groups) {
    for (size_t i = 0; i < group.size() && i < 4; ++i) {
      if (focus != nullptr && focus->count(group[i].first) == 0) continue;
      for (size_t j = 0; j < group.size() && j < 4; ++j) {
        if (j == i || (focus == nullptr && j < i) || (focus != nullptr && focus->count(group[j].first) && j < i)) continue;
        out.push_back({group[i].second, group[j].second, group[i].first, group[j].first, arabic, arabic, true});
        const auto& same_key = by_key[TokenKey(arabic, group[i].first)];
        for (int tries = 0; tries < kNegativeDraws; ++tries) {
          const auto& q = same_key[(*rng)() % same_key.size()];
          if (!DifferentNames(arabic, group[i].first, q.first, g)) continue;
          out.push_back({group[i].second, q.second, group[i].first, q.first, arabic, arabic, false});
          break;
        }
      }
    }
  }
  return out;
}

// Logistic regression by gradient descent, classes weighted to balance.
Calibration FitCalibration(const std::vector<Calibration::Inputs>& x, const std::vector<bool>& y) {
  Calibration c;
  size_t pos = 0;
  for (bool b : y) pos += b;
  const double wpos = pos ? 0.5 / static_cast<double>(pos) : 0, wneg = pos < y.size() ? 0.5 / static_cast<double>(y.size() - pos) : 0;
  Calibration::Inputs w{1};
  for (int it = 0; it < 800; ++it) {
    Calibration::Inputs grad{};
    for (size_t i = 0; i < x.size(); ++i) {
      double z = 0;
      for (size_t k = 0; k < w.size(); ++k) z += w[k] * x[i][k];
      const double err = 1 / (1 + std::exp(-z)) - (y[i] ? 1 : 0);
      for (size_t k = 0; k < w.size(); ++k) grad[k] += (y[i] ? wpos : wneg) * err * x[i][k];
    }
    for (size_t k = 0; k < w.size(); ++k) w[k] -= 2.0 * grad[k];
  }
  c.w = w;
  return c;
}

// ---------------------------------------------------------------------------
// Romanizer counts.

// Modified Kneser-Ney (Chen and Goodman): each order's counts are
// discounted by one of three amounts (for n-grams seen once, twice, more),
// and what is taken goes to the next lower order, whose counts are the
// number of different units seen before each n-gram rather than how often
// it occurred: a unit that follows many histories is a likelier guess for a
// new one than a unit frequent after one history only.
bool TrainRomanizer(const std::vector<Pair>& train, const ArabicLatinModel& al, int order, Romanizer* r,
                    std::string* error) {
  r->units = {{0, ""}, {0, ""}};  // start, end
  r->order = order;
  std::map<std::pair<int, std::string>, uint32_t> ids;
  // Raw counts by n-gram length (index 0 unused).
  std::vector<std::unordered_map<uint64_t, uint32_t>> raw(order + 1);
  for (const Pair& p : train) {
    const std::vector<std::string> parts = AlignArabicLatin(al, p.arabic_model, p.latin);
    if (parts.empty()) continue;
    std::vector<uint32_t> seq{0};
    for (size_t i = 0; i < parts.size(); ++i) {
      const auto key = std::make_pair(static_cast<int>(static_cast<uint8_t>(p.arabic_model[i])), parts[i]);
      auto [it, fresh] = ids.emplace(key, static_cast<uint32_t>(r->units.size()));
      if (fresh) r->units.push_back(key);
      seq.push_back(it->second);
    }
    seq.push_back(1);
    for (size_t i = 1; i < seq.size(); ++i) {
      for (int k = 1; k <= order && static_cast<size_t>(k) <= i + 1; ++k) {
        raw[k][NgramKey(&seq[i + 1 - k], k)] += 1;
      }
    }
  }
  // Rebuild adds a unit for each Arabic letter training never saw: the keys
  // must hold those too.
  if (r->units.size() + kArabicLetters >= kMaxUnits) {
    *error = "the romanizer has " + std::to_string(r->units.size()) + " units, more than its keys hold";
    return false;
  }
  auto first_unit = [](uint64_t key) {
    const int n = static_cast<int>(key >> 60);
    return static_cast<uint32_t>(key >> (12 * (n - 1)) & 0xfff);
  };
  auto without_first = [](uint64_t key) {
    const int n = static_cast<int>(key >> 60);
    return static_cast<uint64_t>(n - 1) << 60 | (key & ((uint64_t{1} << (12 * (n - 1))) - 1));
  };
  auto without_last = [](uint64_t key) {
    const int n = static_cast<int>(key >> 60);
    return static_cast<uint64_t>(n - 1) << 60 | ((key & ((uint64_t{1} << (12 * n)) - 1)) >> 12);
  };
  for (int k = 1; k <= order; ++k) {
    // The counts this order is estimated from: raw at the highest order and
    // for n-grams that open a word (nothing can come before them), else the
    // number of different units seen before the n-gram.
    std::unordered_map<uint64_t, uint32_t> adjusted;
    if (k < order) {
      for (const auto& [key, c] : raw[k + 1]) adjusted[without_first(key)] += 1;
    }
    for (const auto& [key, c] : raw[k]) {
      if (k == order || first_unit(key) == 0) adjusted[key] = c;
    }
    std::array<double, 5> n{};  // n[c]: n-grams whose adjusted count is c (1-4)
    for (const auto& [key, c] : adjusted) {
      if (c <= 4) n[c] += 1;
    }
    std::array<double, 4> discount{0, 0.5, 1, 1.5};  // by count 1, 2, 3 or more
    if (n[1] > 0 && n[2] > 0 && n[3] > 0 && n[4] > 0) {
      const double y = n[1] / (n[1] + 2 * n[2]);
      const std::array<double, 4> estimated = {0, 1 - 2 * y * n[2] / n[1], 2 - 3 * y * n[3] / n[2],
                                               3 - 4 * y * n[4] / n[3]};
      // On little data the estimates can leave their order or go negative
      // (n = 1, 1, 5, 1 gives a second discount of -3), which would make
      // the back-off weight negative: the fixed discounts then stand.
      if (0 < estimated[1] && estimated[1] <= estimated[2] && estimated[2] <= estimated[3]) discount = estimated;
    }
    struct History {
      double total = 0, taken = 0;
    };
    std::unordered_map<uint64_t, History> histories;
    for (const auto& [key, c] : adjusted) {
      History& h = histories[without_last(key)];
      h.total += c;
      h.taken += discount[std::min<uint32_t>(c, 3)];
    }
    // Longest n-grams seen once are left out (they are most of the table
    // and little of the accuracy); their history's weight on the lower
    // order takes their share, so its distribution still sums to one, and
    // a history left with none of its n-grams is left out too (the lower
    // order then stands for it whole).
    const bool prune = k == order && k > 1;
    std::unordered_map<uint64_t, double> kept;  // history -> shares kept
    for (const auto& [key, c] : adjusted) {
      if (prune && c == 1) continue;
      const double d = discount[std::min<uint32_t>(c, 3)];
      const double share = (c - d) / histories[without_last(key)].total;
      r->discounted[key] = static_cast<float>(share);
      kept[without_last(key)] += share;
    }
    for (const auto& [key, h] : histories) {
      if (!prune) {
        r->backoff[key] = static_cast<float>(h.taken / h.total);
      } else if (const auto it = kept.find(key); it != kept.end()) {
        r->backoff[key] = static_cast<float>(1 - it->second);
      }
    }
  }
  r->Rebuild();
  return true;
}

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// The whole-word memory of `pairs`: for each Arabic spelling, the
// dictionary's Latin if it has one, else the Latin seen with it that is
// nearest, in letters, to all of its Latin spellings (counts weighing): of
// Qaseem, Qasem, Qasim and Qassem, once each, Qasem, which differs from each
// of the others by one letter. That choice has the fewest expected letter
// errors against another newspaper's spelling, and a Latin seen in more than
// half the pairs is chosen. Between spellings as near as each other (two
// seen once each), the memory takes the first in alphabetical order, as
// matching was measured with (see Matcher::TokenScore); `printed` gets the
// one the Arabic–Latin pair score (calibrated, so that long spellings are
// not favoured) finds likeliest, where it is another: of Ablikim and
// Alhakeem for الحكيم, Alhakeem. Either map may be null; without `memory`,
// `printed` gets every word's.
void TrainMemory(const std::vector<Pair>& pairs, const ArabicLatinModel& model,
                 const Calibration& calibration, std::unordered_map<std::string, std::string>* memory,
                 std::unordered_map<std::string, std::string>* printed) {
  std::map<std::string, std::map<std::string, int>> latin_counts;
  std::map<std::string, std::set<std::string>> dictionary;  // key -> the dictionary's spellings
  std::map<std::pair<std::string, std::string>, double> likelihood;  // (key, Latin) -> best score
  for (const Pair& p : pairs) {
    std::string lower;
    for (char c : p.latin) lower += static_cast<char>('a' + c);
    latin_counts[p.key][lower] += 1;
    if (p.dictionary) dictionary[p.key].insert(lower);
    const double score = calibration.Score(model.LogLikelihoodRatio(p.arabic_model, p.latin),
                                           p.arabic_model.size(), p.latin.size(), 0);
    auto [it, added] = likelihood.try_emplace({p.key, lower}, score);
    if (!added) it->second = std::max(it->second, score);
  }
  for (const auto& [key, counts] : latin_counts) {
    const auto chosen = dictionary.find(key);
    const std::string* first = nullptr;   // the nearest, first in alphabetical order
    const std::string* likely = nullptr;  // the nearest, likeliest
    size_t best_cost = 0;
    for (const auto& [latin, count] : counts) {
      if (chosen != dictionary.end() && chosen->second.count(latin) == 0) continue;
      size_t cost = 0;
      for (const auto& [other, other_count] : counts) {
        cost += static_cast<size_t>(other_count) * EditDistance(latin, other);
      }
      if (first == nullptr || cost < best_cost) {
        first = likely = &latin;
        best_cost = cost;
      } else if (cost == best_cost && likelihood.at({key, latin}) > likelihood.at({key, *likely})) {
        likely = &latin;
      }
    }
    if (memory != nullptr) (*memory)[key] = *first;
    if (printed != nullptr && (memory == nullptr || likely != first)) (*printed)[key] = *likely;
  }
}

// ---------------------------------------------------------------------------
// Evaluation.


PairFigures Figures(const Matcher& m, const std::vector<Labeled>& set) {
  PairFigures f;
  size_t tp = 0, fp = 0;
  for (const Labeled& x : set) {
    const double score = m.MatchScore(x.a, x.b);
    const bool said = score >= kDefaultThreshold;
    (x.same ? f.positives : f.negatives) += 1;
    tp += said && x.same;
    fp += said && !x.same;
    if (said != x.same) f.errors.push_back({x.a, x.b, x.same, score});
  }
  f.precision = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
  f.recall = f.positives ? static_cast<double>(tp) / static_cast<double>(f.positives) : 0;
  return f;
}

struct Sets {
  std::vector<Labeled> arabic_latin, arabic_arabic, latin_latin;
};

// Labeled sets from `set`; with `focus`, only the Arabic–Latin pairs of the
// focus spellings, and same-script pairs that involve one.
Sets MakeSets(const std::vector<Pair>& set, NameGraph* g, uint32_t seed,
              const std::vector<Pair>* focus = nullptr) {
  std::mt19937 rng(seed);
  Sets s;
  s.arabic_latin = ArabicLatinSet(focus ? *focus : set, g, &rng);
  std::set<std::string> arabic, latin;
  if (focus != nullptr) {
    for (const Pair& p : *focus) {
      arabic.insert(p.arabic);
      latin.insert(p.latin);
    }
  }
  s.arabic_arabic = SameScriptSet(set, true, g, &rng, focus ? &arabic : nullptr);
  s.latin_latin = SameScriptSet(set, false, g, &rng, focus ? &latin : nullptr);
  return s;
}

void Evaluate(const Matcher& m, const std::vector<Pair>& all, const std::vector<Pair>& test,
              NameGraph* g, uint32_t seed, Evaluation* eval) {
  const Sets sets = MakeSets(all, g, seed + 1, &test);
  eval->arabic_latin = Figures(m, sets.arabic_latin);
  eval->arabic_arabic = Figures(m, sets.arabic_arabic);
  eval->latin_latin = Figures(m, sets.latin_latin);
  std::map<std::string, std::pair<std::string, std::set<std::string>>> refs;  // key -> text, Latin
  for (const Pair& p : test) {
    auto& r = refs[p.key];
    r.first = p.arabic_text;
    std::string lower;
    for (char c : p.latin) lower += static_cast<char>('a' + c);
    r.second.insert(lower);
  }
  size_t errors = 0, chars = 0, exact = 0;
  for (const auto& [key, r] : refs) {
    std::string hyp;
    for (char c : m.Romanize(r.first)) {
      if (c >= 'a' && c <= 'z') hyp += c;
      if (c >= 'A' && c <= 'Z') hyp += static_cast<char>(c - 'A' + 'a');
    }
    size_t best = SIZE_MAX, best_len = 1;
    for (const std::string& ref : r.second) {
      const size_t d = EditDistance(hyp, ref);
      if (d < best) {
        best = d;
        best_len = ref.size();
      }
    }
    errors += best;
    chars += best_len;
    exact += best == 0;
  }
  eval->romanized = refs.size();
  eval->cer = chars ? static_cast<double>(errors) / static_cast<double>(chars) : 0;
  eval->exact = refs.empty() ? 0 : static_cast<double>(exact) / static_cast<double>(refs.size());
}

std::vector<std::string> EvaluationLines(const Evaluation& e) {
  char buf[160];
  std::vector<std::string> lines;
  for (const auto& [name, f] : {std::pair{"arabic_latin", &e.arabic_latin},
                                {"arabic_arabic", &e.arabic_arabic},
                                {"latin_latin", &e.latin_latin}}) {
    std::snprintf(buf, sizeof buf, "%s positives=%zu negatives=%zu precision=%.4f recall=%.4f", name,
                  f->positives, f->negatives, f->precision, f->recall);
    lines.push_back(buf);
  }
  std::snprintf(buf, sizeof buf, "romanize words=%zu cer=%.4f exact=%.4f", e.romanized, e.cer, e.exact);
  lines.push_back(buf);
  return lines;
}

}  // namespace

bool TrainTransliteration(const TrainOptions& options, const std::string& output, Evaluation* eval,
                          std::string* error) {
  std::vector<Pair> all, train, test;
  auto model = std::make_unique<Matcher::Model>();
  if (!ReadData(options.data_dir, &all, &model->info.data, error)) return false;
  Split(all, options, &train, &test);
  NameGraph graph(all);
  model->info.format_version = kModelFormatVersion;
  model->info.seed = options.seed;
  model->info.heldout = options.heldout;

  model->arabic_latin = TrainArabicLatin(train, options.iterations);

  // Arabic–Arabic prior: letters that are written with the same Latin
  // (pivot through the Arabic–Latin model) are likely substitutes.
  const Sets train_sets = MakeSets(train, &graph, options.seed);
  std::vector<std::pair<std::string, std::string>> aa, ll;
  for (const Labeled& x : train_sets.arabic_arabic) if (x.same) aa.emplace_back(x.la, x.lb);
  for (const Labeled& x : train_sets.latin_latin) if (x.same) ll.emplace_back(x.la, x.lb);
  std::vector<double> arabic_counts(kArabicLetters, 0), latin_counts(kLatinLetters, 0);
  for (const Pair& p : train) {
    for (char c : p.arabic_model) arabic_counts[static_cast<uint8_t>(c)] += 1;
    for (char c : p.latin) latin_counts[static_cast<uint8_t>(c)] += 1;
  }
  EditParams aa_prior{kArabicLetters, std::vector<double>(kArabicLetters * kArabicLetters, 0),
                      std::vector<double>(kArabicLetters, 0.5), 1};
  {
    const ArabicLatinModel& al = model->arabic_latin;
    double mass = 0;
    for (int x = 0; x < kArabicLetters; ++x) {
      for (int y = 0; y < kArabicLetters; ++y) {
        double sim = 0;
        for (int s = 1; s < kSegments; ++s) {
          const float ex = al.Emit(x, 1, s), ey = al.Emit(y, 1, s);
          if (ex > kNever / 2 && ey > kNever / 2) sim += std::exp(ex + ey);
        }
        aa_prior.sub[x * kArabicLetters + y] = sim;
        mass += sim;
      }
    }
    // The prior weighs as much as a tenth of the letters of the training pairs.
    double letters = 0;
    for (const auto& [a, b] : aa) letters += static_cast<double>(a.size() + b.size());
    for (double& v : aa_prior.sub) v *= 0.1 * letters / mass;
  }
  model->arabic_arabic = TrainEdit(kArabicLetters, aa, aa_prior, arabic_counts, options.iterations);
  EditParams ll_prior{kLatinLetters, std::vector<double>(kLatinLetters * kLatinLetters, 0.01),
                      std::vector<double>(kLatinLetters, 0.5), 1};
  model->latin_latin = TrainEdit(kLatinLetters, ll, ll_prior, latin_counts, options.iterations);

  // Calibrations on the training split's positives and hard negatives.
  // `ratio` gives a pair's log-likelihood ratio and shortfall.
  auto fit = [](const std::vector<Labeled>& set, auto ratio) {
    std::vector<Calibration::Inputs> x;
    std::vector<bool> y;
    for (const Labeled& s : set) {
      const auto [r, shortfall] = ratio(s);
      if (r <= kNever / 2) continue;
      x.push_back(Calibration::Features(r, s.la.size(), s.lb.size(), shortfall));
      y.push_back(s.same);
    }
    return FitCalibration(x, y);
  };
  model->cal_arabic_latin = fit(train_sets.arabic_latin, [&](const Labeled& s) {
    return std::pair(model->arabic_latin.LogLikelihoodRatio(s.la, s.lb), 0.0f);
  });
  model->cal_arabic_arabic = fit(train_sets.arabic_arabic, [&](const Labeled& s) {
    const float r = model->arabic_arabic.LogLikelihoodRatio(s.la, s.lb);
    return std::pair(r, model->arabic_arabic.Shortfall(s.la, s.lb, r));
  });
  model->cal_latin_latin = fit(train_sets.latin_latin, [&](const Labeled& s) {
    return std::pair(model->latin_latin.LogLikelihoodRatio(s.la, s.lb), 0.0f);
  });

  if (!TrainRomanizer(train, model->arabic_latin, kRomanizerOrder, &model->romanizer, error)) return false;
  TrainMemory(train, model->arabic_latin, model->cal_arabic_latin, &model->romanizer.memory,
              &model->romanizer.printed);
  // The held-out words are remembered too, apart, for romanisation only:
  // nothing else of the model learns from them, and the figures are
  // measured without them.
  TrainMemory(test, model->arabic_latin, model->cal_arabic_latin, nullptr, &model->romanizer.heldout_memory);

  // Evaluate the file as written (without its held-out memory), then write
  // it again with its figures.
  if (!WriteModel(*model, output, error)) return false;
  std::unique_ptr<Matcher> matcher = Matcher::Load(output, error, /*heldout_memory=*/false);
  if (matcher == nullptr) return false;
  Evaluation e;
  Evaluate(*matcher, all, test, &graph, options.seed, &e);
  model->info.evaluation = EvaluationLines(e);
  if (!WriteModel(*model, output, error)) return false;
  if (eval != nullptr) *eval = e;
  return true;
}

bool EvaluateTransliteration(const Matcher& matcher, const TrainOptions& options, Evaluation* eval,
                             std::string* error) {
  if (matcher.info().heldout_memory) {
    *error = "the model was loaded with its held-out memory; load it without to evaluate it";
    return false;
  }
  std::vector<Pair> all, train, test;
  std::string files;
  if (!ReadData(options.data_dir, &all, &files, error)) return false;
  Split(all, options, &train, &test);
  NameGraph graph(all);
  Evaluate(matcher, all, test, &graph, options.seed, eval);
  return true;
}

}  // namespace marsad::resolve
