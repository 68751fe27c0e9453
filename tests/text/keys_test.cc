#include <gtest/gtest.h>

#include "text/text.h"

namespace marsad::text {
namespace {

TEST(Keys, EndingKeyJoinsAlefAndTehMarbutaEndings) {
  EXPECT_EQ(EndingKey("سوريا"), EndingKey("سورية"));  // Syria, two spellings
  EXPECT_EQ(EndingKey("سورية"), EndingKey("سوريه"));
  EXPECT_NE(EndingKey("أمريكا"), EndingKey("أمريكي"));  // America is not American
  EXPECT_EQ(EndingKey("في"), "");                         // too short to fold safely
}

TEST(Keys, SkeletonKeyJoinsTransliterations) {
  EXPECT_EQ(SkeletonKey("طاجيكستان"), SkeletonKey("طاجكستان"));  // Tajikistan
  EXPECT_EQ(SkeletonKey("غوستافوف"), SkeletonKey("جوستافوف"));    // g as غ or ج
  EXPECT_EQ(SkeletonKey("غوستافوف"), SkeletonKey("قوستافوف"));    // or ق
  EXPECT_EQ(SkeletonKey("رحيموف"), SkeletonKey("رحيموڤ"));         // v as ف or ڤ
  EXPECT_EQ(SkeletonKey("محمد"), SkeletonKey("محمّد"));            // shadda
  EXPECT_NE(SkeletonKey("رحيموف"), SkeletonKey("كريموف"));         // different names
  EXPECT_EQ(SkeletonKey("بن"), "");  // under three consonants: no key
}

TEST(Keys, SkeletonKeysDoNotCollideWithWords) {
  EXPECT_EQ(SkeletonKey("طاجيكستان").front(), '~');
}

TEST(Keys, NamesOfLatinLetters) {
  EXPECT_EQ(LatinLetterNamed("بي"), 'B');
  EXPECT_EQ(LatinLetterNamed("إيه"), 'A');
  EXPECT_EQ(LatinLetterNamed("إي"), 'E');  // the hamza tells E from I
  EXPECT_EQ(LatinLetterNamed("آي"), 'I');
  EXPECT_EQ(LatinLetterNamed("دبليو"), 'W');
  EXPECT_EQ(LatinLetterNamed("بيت"), 0);  // a house
  EXPECT_EQ(LatinLetterNamed(""), 0);
}

TEST(Keys, FunctionWordsByKey) {
  // in, that, which (f.), from them, will not: function words,
  // under any spelling of their letters (إلى as الي).
  for (const char* w : {"في", "أن", "التي", "منهم", "لن", "الي"}) EXPECT_TRUE(IsFunctionWord(MatchKey(w))) << w;
  // Ali shares its key with على (on), and names are never function words:
  // Mona, Anas, Beirut; nor is a longer word that starts like one (فيصل).
  for (const char* w : {"علي", "على", "منى", "أنس", "بيروت", "فيصل"}) EXPECT_FALSE(IsFunctionWord(MatchKey(w))) << w;
}

TEST(Keys, ArabicLetterShareTellsALanguageFromQuotedWords) {
  // An Arabic report quoting an English name is Arabic: "The spokesman of the
  // company said Global Shipping Partners would resume its voyages next week."
  const std::string arabic =
      "وقال المتحدث باسم الشركة إن Global Shipping Partners ستستأنف رحلاتها الأسبوع المقبل بعد توقف.";
  EXPECT_GT(ArabicLetterShare(arabic), kAnalysedArabicShare);
  const std::string english = "The spokesman said the company would resume its voyages next week after a pause.";
  EXPECT_EQ(ArabicLetterShare(english), 0.0);
  // Russian letters are letters too.
  EXPECT_EQ(ArabicLetterShare("Представитель компании сказал, что рейсы возобновятся на следующей неделе."), 0.0);
  // Text in presentation forms (shaped for old displays) is Arabic.
  EXPECT_EQ(ArabicLetterShare("ﻭﻗﺎﻝ ﺍﻟﻤﺘﺤﺪﺙ ﺑﺎﺳﻢ ﺍﻟﺸﺮﻛﺔ ﺇﻥ ﺍﻟﺮﺣﻼﺕ ﺳﺘﺴﺘﺄﻧﻒ ﺍﻷﺳﺒﻮﻉ ﺍﻟﻤﻘﺒﻞ ﺑﻌﺪ ﺗﻮﻗﻒ ﻃﻮﻳﻞ"), 1.0);
  // Too few letters to tell: a name, a number.
  EXPECT_EQ(ArabicLetterShare("Reuters"), 1.0);
  EXPECT_EQ(ArabicLetterShare("2024-01-02 12:30"), 1.0);
}

}  // namespace
}  // namespace marsad::text
