// Scoring with the pair models: Viterbi alignments in the log domain.
#include <algorithm>
#include <cmath>

#include "resolve/internal.h"

namespace marsad::resolve::internal {
// Both Viterbi recursions are written "pull" style over rolling rows: each
// cell is the best of the few cells that lead to it, which gives exactly the
// value the push formulation gives (max is order-free, and fl(x + c) is
// monotone in x, so max(x + c, y + c) == max(x, y) + c), without branches
// on unreachable cells (they stay near kNever and never win) and without
// touching the heap for names of ordinary length.

namespace {

// Rows of up to kStackRow cells live on the stack; longer ones (not made
// by PrepareName, which cuts tokens at 64 letters) on the heap.
constexpr size_t kStackRow = 130;

struct Rows {
  float stack[6 * kStackRow];
  std::vector<float> heap;
  float* Get(size_t width) {
    if (width <= kStackRow) return stack;
    heap.assign(6 * width, kNever);
    return heap.data();
  }
};

}  // namespace

float ArabicLatinModel::LogLikelihoodRatio(std::string_view arabic, std::string_view latin) const {
  const size_t n = arabic.size(), m = latin.size();
  if (n == 0 || m == 0) return kNever;
  const auto* a = reinterpret_cast<const uint8_t*>(arabic.data());
  const auto* l = reinterpret_cast<const uint8_t*>(latin.data());
  const size_t w = m + 1;
  Rows rows;
  float* buf = rows.Get(w);
  // Row i of layer 0 (nothing inserted since the last emission) and of
  // layer 1 (something inserted); base: the best way out of row i.
  float* v0 = buf;
  float* v1 = buf + w;
  float* next0 = buf + 2 * w;
  float* base = buf + 3 * w;
  bool* two = reinterpret_cast<bool*>(buf + 4 * w);  // l[j], l[j + 1] may be one segment
  for (size_t j = 0; j + 1 < m; ++j) two[j] = SegmentAllowed(l + j, 2);
  v0[0] = 0;
  for (size_t j = 1; j <= m; ++j) v0[j] = kNever;
  for (size_t i = 0;; ++i) {
    const int before = i == 0 ? kArabicLetters : a[i - 1];
    const int next = i == n ? 2 : IsLongVowel(a[i]) ? 1 : 0;
    const float* ins0 = &insert[((before * 3 + next) * 2 + 0) * 27];
    const float* ins1 = &insert[((before * 3 + next) * 2 + 1) * 27];
    // Insertions within row i.
    v1[0] = kNever;
    for (size_t j = 0; j < m; ++j) v1[j + 1] = std::max(v0[j] + ins0[l[j]], v1[j] + ins1[l[j]]);
    if (i == n) break;
    // Emissions of a[i]: 0, 1 or 2 Latin letters, into row i + 1.
    const float stop0 = ins0[26], stop1 = ins1[26];
    for (size_t j = 0; j <= m; ++j) base[j] = std::max(v0[j] + stop0, v1[j] + stop1);
    const int position = i == 0 ? 0 : i + 1 == n ? 2 : 1;
    const float* e = &emit[(a[i] * 3 + position) * kSegments];
    const float e0 = e[0];
    for (size_t j = 0; j <= m; ++j) {
      float best = base[j] + e0;
      if (j >= 1) best = std::max(best, base[j - 1] + e[1 + l[j - 1]]);
      if (j >= 2 && two[j - 2]) {
        best = std::max(best, base[j - 2] + e[1 + kLatinLetters + l[j - 2] * kLatinLetters + l[j - 1]]);
      }
      next0[j] = best;
    }
    std::swap(v0, next0);
  }
  float chance = 0;
  int prev = 26;
  for (size_t j = 0; j < m; ++j) {
    chance += latin_bigram[prev * 27 + l[j]];
    prev = l[j];
  }
  chance += latin_bigram[prev * 27 + 26];
  const float end = std::max(v0[m] + Insert(a[n - 1], 2, 0, 26), v1[m] + Insert(a[n - 1], 2, 1, 26));
  return end - chance;
}

float EditModel::LogLikelihoodRatio(std::string_view a, std::string_view b) const {
  const size_t n = a.size(), m = b.size();
  if (n == 0 || m == 0) return kNever;
  const size_t w = m + 1;
  Rows rows;
  float* prev = rows.Get(w);
  float* cur = prev + w;
  const auto* y = reinterpret_cast<const uint8_t*>(b.data());
  prev[0] = 0;
  for (size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + insert[y[j - 1]];
  for (size_t i = 1; i <= n; ++i) {
    const int x = static_cast<uint8_t>(a[i - 1]);
    const float ins_x = insert[x];
    const float* sub = &substitute[x * size];
    cur[0] = prev[0] + ins_x;
    for (size_t j = 1; j <= m; ++j) {
      const float c = std::max(prev[j - 1] + sub[y[j - 1]], prev[j] + ins_x);
      cur[j] = std::max(c, cur[j - 1] + insert[y[j - 1]]);
    }
    std::swap(prev, cur);
  }
  float chance = 2 * unigram[size];
  for (char c : a) chance += unigram[static_cast<uint8_t>(c)];
  for (char c : b) chance += unigram[static_cast<uint8_t>(c)];
  return prev[m] + stop - chance;
}

float EditModel::Shortfall(std::string_view a, std::string_view b, float ratio) const {
  // A word's best alignment with itself matches every letter.
  const auto self = [this](std::string_view w) {
    float r = stop - 2 * unigram[size];
    for (char c : w) {
      const int x = static_cast<uint8_t>(c);
      r += substitute[x * size + x] - 2 * unigram[x];
    }
    return r;
  };
  return (self(a) + self(b)) / 2 - ratio;
}

Calibration::Inputs Calibration::Features(double llr, size_t length_a, size_t length_b, double shortfall) {
  const double total = static_cast<double>(length_a + length_b);
  const double shorter = static_cast<double>(std::min(length_a, length_b));
  const double longer = static_cast<double>(std::max(length_a, length_b));
  return {llr / total, llr / 10, shorter / longer, shortfall / 10, 1};
}

double Calibration::Score(double llr, size_t length_a, size_t length_b, double shortfall) const {
  if (llr <= kNever / 2) return 0;
  const auto f = Features(llr, length_a, length_b, shortfall);
  double z = 0;
  for (size_t k = 0; k < f.size(); ++k) z += w[k] * f[k];
  return 1 / (1 + std::exp(-z));
}

}  // namespace marsad::resolve::internal
