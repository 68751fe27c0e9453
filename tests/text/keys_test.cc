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

}  // namespace
}  // namespace marsad::text
