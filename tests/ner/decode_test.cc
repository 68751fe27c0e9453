#include <gtest/gtest.h>

#include "ner/internal.h"

namespace marsad::ner::internal {
namespace {

std::vector<uint8_t> Decode(const std::vector<std::vector<float>>& rows) {
  std::vector<float> scores;
  for (const auto& r : rows) scores.insert(scores.end(), r.begin(), r.end());
  const float transitions[kLabels + 1][kLabels] = {};
  std::vector<uint8_t> labels;
  Viterbi(scores, transitions, rows.size(), &labels);
  return labels;
}

std::vector<float> Favour(int label, float score, int second = -1, float second_score = 0) {
  std::vector<float> row(kLabels, 0);
  row[label] = score;
  if (second >= 0) row[second] = second_score;
  return row;
}

TEST(ViterbiTest, NeverStartsWithInside) {
  // I-PER scores best at the start, but a mention cannot begin with I.
  const auto labels = Decode({Favour(kIPer, 5, kBPer, 1), Favour(kIPer, 5)});
  EXPECT_EQ(labels[0], kBPer);
  EXPECT_EQ(labels[1], kIPer);
}

TEST(ViterbiTest, InsideOnlyContinuesItsOwnType) {
  // B-PER then I-LOC is not a well-formed sequence; the best allowed one wins.
  const auto labels = Decode({Favour(kBPer, 3), Favour(kILoc, 4, kIPer, 1)});
  EXPECT_EQ(labels[0], kBPer);
  EXPECT_EQ(labels[1], kIPer);
}

TEST(ViterbiTest, InsideNeverFollowsO) {
  const auto labels = Decode({Favour(kO, 3), Favour(kIOrg, 4, kBOrg, 2)});
  EXPECT_EQ(labels[0], kO);
  EXPECT_EQ(labels[1], kBOrg);
}

TEST(ViterbiTest, EverySequenceIsWellFormed) {
  // Random scores: whatever they are, the output respects the constraint.
  uint64_t state = 42;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<std::vector<float>> rows(1 + trial % 9, std::vector<float>(kLabels));
    for (auto& r : rows) {
      for (float& x : r) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        x = static_cast<float>((state >> 33) % 1000) / 100;
      }
    }
    const auto labels = Decode(rows);
    int prev = kLabels;
    for (uint8_t l : labels) {
      EXPECT_TRUE(Allowed(prev, l));
      prev = l;
    }
  }
}

TEST(ViterbiTest, FindsTheBestAllowedSequenceAgainstExhaustiveSearch) {
  // Random scores and transitions, four words: Viterbi's sequence scores
  // as much as the best of all 9^4 allowed sequences, found by listing them.
  uint64_t state = 7;
  const auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<float>((state >> 33) % 2000) / 100 - 10;
  };
  constexpr size_t n = 4;
  for (int trial = 0; trial < 200; ++trial) {
    float transitions[kLabels + 1][kLabels];
    for (auto& row : transitions) {
      for (float& x : row) x = next();
    }
    std::vector<float> scores(n * kLabels);
    for (float& x : scores) x = next();
    const auto total = [&](const std::vector<uint8_t>& labels) {
      float sum = 0;
      int prev = kLabels;
      for (size_t i = 0; i < n; ++i) {
        sum += transitions[prev][labels[i]] + scores[i * kLabels + labels[i]];
        prev = labels[i];
      }
      return sum;
    };
    float best = -1e30f;
    for (int code = 0; code < kLabels * kLabels * kLabels * kLabels; ++code) {
      std::vector<uint8_t> labels(n);
      bool allowed = true;
      for (size_t i = 0, rest = code; i < n; ++i, rest /= kLabels) {
        labels[i] = static_cast<uint8_t>(rest % kLabels);
        allowed = allowed && Allowed(i == 0 ? kLabels : labels[i - 1], labels[i]);
      }
      if (allowed) best = std::max(best, total(labels));
    }
    std::vector<uint8_t> labels;
    Viterbi(scores, transitions, n, &labels);
    EXPECT_NEAR(total(labels), best, 1e-3) << trial;
  }
}

TEST(ViterbiTest, EmptySentence) { EXPECT_TRUE(Decode({}).empty()); }

TEST(LabelsTest, Iob1RunsBecomeIob2) {
  EXPECT_EQ(ToLabels({"I-PERS", "I-PERS", "O", "I-LOC", "B-LOC", "I-ORG"}),
            (std::vector<uint8_t>{kBPer, kIPer, kO, kBLoc, kBLoc, kBOrg}));
  EXPECT_EQ(ToLabels({"B-PER", "I-PER", "B-MISC", "I-MISC", "X", "I-LOC"}),
            (std::vector<uint8_t>{kBPer, kIPer, kBMisc, kIMisc, kO, kBLoc}));
}

}  // namespace
}  // namespace marsad::ner::internal
