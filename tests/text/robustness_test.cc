// The promises of text.h under hostile input: no crash, linear work, offsets
// that stay inside the text.
#include <random>

#include <gtest/gtest.h>

#include "text/text.h"

namespace marsad::text {
namespace {

void CheckAnalysis(const std::string& input) {
  const Analysis a = Analyze(input, {.published = Date{2024, 3, 5}});
  const uint32_t n = static_cast<uint32_t>(a.normalized.text.size());
  auto inside = [&](Span s) {
    EXPECT_LE(s.begin, s.end);
    EXPECT_LE(s.end, n);
    const Span o = a.normalized.map.ToOriginal(s);
    EXPECT_LE(o.begin, o.end);
    EXPECT_LE(o.end, input.size());
  };
  for (const Token& t : a.tokens) inside(t.span);
  for (const Sentence& s : a.sentences) inside(s.span);
  for (const Quantity& q : a.quantities) inside(q.span);
  for (const DateMention& d : a.dates) inside(d.span);
}

TEST(Robustness, RandomBytesNeverCrash) {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string s(rng() % 400, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    CheckAnalysis(s);
  }
}

TEST(Robustness, RandomArabicSoupNeverCrashes) {
  // Fragments that exercise every rule, shuffled into nonsense.
  const std::vector<std::string> parts = {
      "بين", "و", "200", "من", "إلى", "ألف", "آلاف", "عشرات", "نحو", "مارس", "آذار", "/",
      "2024", "أمس", "الماضي", "«", "»", "\"", ".", "،", "؟", "...", "\n", "\n\n", "رمضان",
      "1436", "هـ", "ثلاثة", "وعشرون", "ألفا", "نصف", "مليون", "-", "ـ", "\u064E", "\u0654",
      "ﻻ", "٣", "\xFF", "https://x.y", "الاثنين", "قبل", "يومين", "مطلع", "العام"};
  std::mt19937 rng(11);
  for (int round = 0; round < 500; ++round) {
    std::string s;
    const int len = static_cast<int>(rng() % 60);
    for (int i = 0; i < len; ++i) {
      s += parts[rng() % parts.size()];
      if (rng() % 3) s += ' ';
    }
    CheckAnalysis(s);
  }
}

TEST(Robustness, TenMegabyteLine) {
  std::string line;
  const std::string unit = "قال المتحدث إن نحو 1,400 مقاتل وصلوا في 5 مارس 2024 ";
  while (line.size() < 10u * 1024 * 1024) line += unit;
  const Analysis a = Analyze(line, {.published = Date{2024, 3, 5}});
  EXPECT_GT(a.tokens.size(), 1000000u);
  EXPECT_GE(a.quantities.size(), line.size() / unit.size());
  // One line without a full stop is one sentence, however long.
  EXPECT_EQ(a.sentences.size(), 1u);
}

TEST(Robustness, OneGiganticWordAndLongRuns) {
  CheckAnalysis(std::string(1 << 20, 'a'));
  std::string arabic;
  for (int i = 0; i < 100000; ++i) arabic += "س";
  CheckAnalysis(arabic);
  CheckAnalysis(std::string(100000, '.'));
  CheckAnalysis(std::string(100000, '9'));
  std::string marks = "ا";
  for (int i = 0; i < 50000; ++i) marks += "\u0654";
  CheckAnalysis(marks);
}

}  // namespace
}  // namespace marsad::text
