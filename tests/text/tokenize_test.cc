#include <gtest/gtest.h>

#include "text/text.h"

namespace marsad::text {
namespace {

struct Seen {
  std::string surface;
  std::string stem;
  TokenKind kind;
  std::vector<std::pair<std::string, Clitic>> clitics;
};

std::vector<Seen> Tok(const std::string& s) {
  std::vector<Seen> out;
  for (const Token& t : Tokenize(s)) {
    Seen x{s.substr(t.span.begin, t.span.size()), s.substr(t.stem.begin, t.stem.size()), t.kind,
           {}};
    for (int i = 0; i < t.clitic_count; ++i) {
      x.clitics.emplace_back(s.substr(t.clitics[i].span.begin, t.clitics[i].span.size()),
                             t.clitics[i].role);
    }
    out.push_back(x);
  }
  return out;
}

std::vector<std::string> Surfaces(const std::string& s) {
  std::vector<std::string> out;
  for (const Seen& x : Tok(s)) out.push_back(x.surface);
  return out;
}

std::string StemOf(const std::string& word) {
  auto t = Tok(word);
  EXPECT_EQ(t.size(), 1u) << word;
  return t.empty() ? "" : t[0].stem;
}

TEST(Tokenize, WordsNumbersPunctuation) {
  EXPECT_EQ(Surfaces("قال: إن 1,400 مقاتل، و1.5 مليون!"),
            (std::vector<std::string>{"قال", ":", "إن", "1,400", "مقاتل", "،", "و1.5", "مليون",
                                      "!"}));
  auto t = Tok("عدد 32 فقط");
  EXPECT_EQ(t[1].kind, TokenKind::kNumber);
  EXPECT_EQ(t[0].kind, TokenKind::kWord);
}

TEST(Tokenize, NumberSeparatorsOnlyBetweenDigits) {
  EXPECT_EQ(Surfaces("العدد 200. ثم 3,"), (std::vector<std::string>{"العدد", "200", ".", "ثم",
                                                                    "3", ","}));
  EXPECT_EQ(Surfaces("200-500"), (std::vector<std::string>{"200", "-", "500"}));
}

TEST(Tokenize, UrlsAndLatinWords) {
  auto t = Tok("انظر https://example.org/a?b=1. وكذلك ISIS-K و O'Brien");
  EXPECT_EQ(t[1].surface, "https://example.org/a?b=1");
  EXPECT_EQ(t[1].kind, TokenKind::kUrl);
  EXPECT_EQ(t[2].surface, ".");
  EXPECT_EQ(t[4].surface, "ISIS");
  EXPECT_EQ(t[4].kind, TokenKind::kLatin);
  EXPECT_EQ(t.back().surface, "O'Brien");
}

TEST(Tokenize, ArticleAndPrepositions) {
  auto t = Tok("والحكومة");  // "and the government"
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].stem, "حكومة");
  ASSERT_EQ(t[0].clitics.size(), 2u);
  EXPECT_EQ(t[0].clitics[0], std::make_pair(std::string("و"), Clitic::kConjunction));
  EXPECT_EQ(t[0].clitics[1], std::make_pair(std::string("ال"), Clitic::kArticle));

  t = Tok("للحكومة");  // "for the government": ل + elided article
  EXPECT_EQ(t[0].stem, "حكومة");
  ASSERT_EQ(t[0].clitics.size(), 2u);
  EXPECT_EQ(t[0].clitics[0].second, Clitic::kPreposition);
  EXPECT_EQ(t[0].clitics[1].second, Clitic::kArticle);

  EXPECT_EQ(StemOf("بالمدينة"), "مدينة");   // "in the city"
  EXPECT_EQ(StemOf("وبالمدينة"), "مدينة");  // "and in the city"
  EXPECT_EQ(StemOf("كالعادة"), "عادة");      // "as usual"
}

TEST(Tokenize, ConjunctionOnlyBeforeKnownWords) {
  EXPECT_EQ(StemOf("وقال"), "قال");  // "and he said"
  EXPECT_EQ(StemOf("فقد"), "قد");
  EXPECT_EQ(StemOf("وأكد"), "أكد");
  EXPECT_EQ(StemOf("وسيكون"), "يكون");  // "and it will be"
}

TEST(Tokenize, NamesAreNotBroken) {
  // Names and nouns whose first letters look like clitics stay whole.
  for (const char* w : {"وليد", "فرنسا", "واشنطن", "بلال", "كمال", "لبنان", "بريطانيا", "كندا",
                        "سيارة", "سياسة", "سوريا", "الله", "التي", "الياس", "والدة", "فلسطين",
                        "المانيا", "بغداد", "كازاخستان"}) {
    auto t = Tok(w);
    ASSERT_EQ(t.size(), 1u) << w;
    EXPECT_EQ(t[0].stem, w) << w;
    EXPECT_TRUE(t[0].clitics.empty()) << w;
  }
}

TEST(Tokenize, PronounSuffixes) {
  EXPECT_EQ(StemOf("قادتها"), "قادت");  // "its leaders"
  EXPECT_EQ(StemOf("كلاهما"), "كلا");
  EXPECT_EQ(StemOf("منها"), "منها");       // too short to split
  EXPECT_EQ(StemOf("المتهم"), "متهم");     // definite: no pronoun, only the article
  EXPECT_EQ(StemOf("سوريه"), "سوريه");     // ه may be a misspelt ة: never split
}

TEST(Tokenize, ClitiqueOnNumbers) {
  auto t = Tok("بين 200 و500");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[2].kind, TokenKind::kNumber);
  EXPECT_EQ(t[2].stem, "500");
  ASSERT_EQ(t[2].clitics.size(), 1u);
  EXPECT_EQ(t[2].clitics[0].second, Clitic::kConjunction);
}

TEST(Tokenize, OffsetsCoverTheSurfaceExactly) {
  const std::string s = "  والحكومة،  قالت\n«نعم»… 3.5%";
  for (const Token& t : Tokenize(s)) {
    EXPECT_LT(t.span.begin, t.span.end);
    EXPECT_LE(t.span.begin, t.stem.begin);
    EXPECT_GE(t.span.end, t.stem.end);
    for (int i = 0; i < t.clitic_count; ++i) {
      EXPECT_LE(t.span.begin, t.clitics[i].span.begin);
      EXPECT_GE(t.span.end, t.clitics[i].span.end);
    }
  }
  EXPECT_EQ(Surfaces(s), (std::vector<std::string>{"والحكومة", "،", "قالت", "«", "نعم", "»", "…",
                                                   "3.5", "%"}));
}

TEST(Tokenize, EllipsisOfDotsIsOneToken) {
  EXPECT_EQ(Surfaces("ثم... انتهى"), (std::vector<std::string>{"ثم", "...", "انتهى"}));
}

}  // namespace
}  // namespace marsad::text
