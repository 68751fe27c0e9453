// Scoring with the pair models: Viterbi alignments in the log domain.
#include <algorithm>
#include <cmath>

#include "resolve/internal.h"

namespace marsad::resolve::internal {
namespace {

inline void Raise(float* cell, float value) {
  if (value > *cell) *cell = value;
}

}  // namespace

float ArabicLatinModel::LogLikelihoodRatio(std::string_view arabic, std::string_view latin) const {
  const size_t n = arabic.size(), m = latin.size();
  if (n == 0 || m == 0) return kNever;
  const auto* a = reinterpret_cast<const uint8_t*>(arabic.data());
  const auto* l = reinterpret_cast<const uint8_t*>(latin.data());
  // Two row-major (n + 1) x (m + 1) layers: nothing or something inserted
  // since the last emission. Reused by each thread.
  thread_local std::vector<float> v;
  const size_t w = m + 1, layer = (n + 1) * w;
  v.assign(2 * layer, kNever);
  v[0] = 0;
  for (size_t i = 0; i <= n; ++i) {
    const int before = i == 0 ? kArabicLetters : a[i - 1];
    const int next = i == n ? 2 : IsLongVowel(a[i]) ? 1 : 0;
    const int position = i == 0 ? 0 : i + 1 == n ? 2 : 1;
    for (size_t j = 0; j <= m; ++j) {
      for (int c = 0; c < 2; ++c) {
        const float cur = v[c * layer + i * w + j];
        if (cur <= kNever / 2) continue;
        if (j < m) Raise(&v[layer + i * w + j + 1], cur + Insert(before, next, c, l[j]));
        if (i == n) continue;
        const float base = cur + Insert(before, next, c, 26);
        float* row = &v[(i + 1) * w + j];
        Raise(row, base + Emit(a[i], position, 0));
        if (j < m) Raise(row + 1, base + Emit(a[i], position, SegmentId(l + j, 1)));
        if (j + 1 < m && SegmentAllowed(l + j, 2)) {
          Raise(row + 2, base + Emit(a[i], position, SegmentId(l + j, 2)));
        }
      }
    }
  }
  float chance = 0;
  int prev = 26;
  for (size_t j = 0; j < m; ++j) {
    chance += latin_bigram[prev * 27 + l[j]];
    prev = l[j];
  }
  chance += latin_bigram[prev * 27 + 26];
  const float end = std::max(v[n * w + m] + Insert(a[n - 1], 2, 0, 26),
                             v[layer + n * w + m] + Insert(a[n - 1], 2, 1, 26));
  return end - chance;
}

float EditModel::LogLikelihoodRatio(std::string_view a, std::string_view b) const {
  const size_t n = a.size(), m = b.size();
  if (n == 0 || m == 0) return kNever;
  thread_local std::vector<float> v;
  const size_t w = m + 1;
  v.assign((n + 1) * w, kNever);
  v[0] = 0;
  for (size_t i = 0; i <= n; ++i) {
    const int x = i < n ? static_cast<uint8_t>(a[i]) : 0;
    for (size_t j = 0; j <= m; ++j) {
      const float cur = v[i * w + j];
      if (cur <= kNever / 2) continue;
      const int y = j < m ? static_cast<uint8_t>(b[j]) : 0;
      if (i < n && j < m) Raise(&v[(i + 1) * w + j + 1], cur + substitute[x * size + y]);
      if (i < n) Raise(&v[(i + 1) * w + j], cur + insert[x]);
      if (j < m) Raise(&v[i * w + j + 1], cur + insert[y]);
    }
  }
  float chance = 2 * unigram[size];
  for (char c : a) chance += unigram[static_cast<uint8_t>(c)];
  for (char c : b) chance += unigram[static_cast<uint8_t>(c)];
  return v[n * w + m] + stop - chance;
}

std::array<double, 4> Calibration::Features(double llr, size_t length_a, size_t length_b) {
  const double total = static_cast<double>(length_a + length_b);
  const double shorter = static_cast<double>(std::min(length_a, length_b));
  const double longer = static_cast<double>(std::max(length_a, length_b));
  return {llr / total, llr / 10, shorter / longer, 1};
}

double Calibration::Score(double llr, size_t length_a, size_t length_b) const {
  if (llr <= kNever / 2) return 0;
  const auto f = Features(llr, length_a, length_b);
  double z = 0;
  for (size_t k = 0; k < f.size(); ++k) z += w[k] * f[k];
  return 1 / (1 + std::exp(-z));
}

}  // namespace marsad::resolve::internal
