#include <gtest/gtest.h>

#include "text/text.h"

namespace marsad::text {
namespace {

// The original bytes a normalised span came from.
std::string Back(std::string_view original, const Normalized& n, Span s) {
  const Span o = n.map.ToOriginal(s);
  return std::string(original.substr(o.begin, o.size()));
}

TEST(Normalize, PlainTextIsUnchangedAndMapsOneToOne) {
  const std::string in = "قال الباحث إن العدد كبير";  // "the researcher said the number is large"
  const Normalized n = Normalize(in);
  EXPECT_EQ(n.text, in);
  for (uint32_t i = 0; i <= in.size(); ++i) EXPECT_EQ(n.map.ToOriginalBegin(i), i);
}

TEST(Normalize, DropsDiacriticsAndTatweelAndMapsBack) {
  const std::string in = "مُقَاتِلـــون في سوريا";  // "fighters in Syria", vocalised, stretched
  const Normalized n = Normalize(in);
  EXPECT_EQ(n.text, "مقاتلون في سوريا");
  const size_t at = n.text.find("سوريا");
  const Span s{static_cast<uint32_t>(at), static_cast<uint32_t>(at + std::string("سوريا").size())};
  EXPECT_EQ(Back(in, n, s), "سوريا");
  // The whole first word maps back to the whole vocalised, stretched word.
  const Span word{0, static_cast<uint32_t>(std::string("مقاتلون").size())};
  EXPECT_EQ(Back(in, n, word), "مُقَاتِلـــون");
}

TEST(Normalize, AWordMapsBackWithTheDiacriticsAfterIt) {
  const std::string in = "أمرٌ مهمٌّ جداً";  // "a very important matter", vocalised
  const Normalized n = Normalize(in);
  EXPECT_EQ(n.text, "أمر مهم جدا");
  auto word = [&](const std::string& w) {
    const auto at = static_cast<uint32_t>(n.text.find(w));
    return Span{at, at + static_cast<uint32_t>(w.size())};
  };
  EXPECT_EQ(Back(in, n, word("أمر")), "أمرٌ");
  EXPECT_EQ(Back(in, n, word("مهم")), "مهمٌّ");
  EXPECT_EQ(Back(in, n, word("جدا")), "جداً");  // at the end of the text
  // Part of a word ends where its letters do.
  EXPECT_EQ(Back(in, n, {word("مهم").begin, word("مهم").begin + 2}), "م");
}

TEST(Normalize, DigitsArabicIndicAndPersian) {
  EXPECT_EQ(Normalize("٣٢ و۱۵ و١٫٥ و١٬٤٠٠ و٥٪").text, "32 و15 و1.5 و1,400 و5%");
  const std::string in = "قتل ٣٢ شخصا";  // "32 people were killed"
  const Normalized n = Normalize(in);
  const size_t at = n.text.find("32");
  EXPECT_EQ(Back(in, n, {static_cast<uint32_t>(at), static_cast<uint32_t>(at + 2)}), "٣٢");
  EXPECT_EQ(Back(in, n, {static_cast<uint32_t>(at + 1), static_cast<uint32_t>(at + 2)}), "٢");
}

TEST(Normalize, PresentationFormsBecomeLetters) {
  // ﻻ is the lam-alef ligature, ﺳﻮﺭﻳﺎ is "Syria" in contextual forms.
  EXPECT_EQ(Normalize("ﻻ").text, "لا");
  EXPECT_EQ(Normalize("ﺳﻮﺭﻳﺎ").text, "سوريا");
  // Isolated harakat forms vanish with the diacritics, leaving no space behind.
  EXPECT_EQ(Normalize("ب\uFE76").text, "ب");
  const std::string in = "في ﺳﻮﺭﻳﺎ";
  const Normalized n = Normalize(in);
  EXPECT_EQ(Back(in, n, {static_cast<uint32_t>(n.text.find("سوريا")),
                         static_cast<uint32_t>(n.text.size())}),
            "ﺳﻮﺭﻳﺎ");
}

TEST(Normalize, InvisiblesQuotesAndSpaces) {
  EXPECT_EQ(Normalize("\u200Fسوريا\u200C\u202B").text, "سوريا");
  EXPECT_EQ(Normalize("\xEF\xBB\xBFنص").text, "نص");  // BOM
  EXPECT_EQ(Normalize("“قال” ‘هنا’").text, "\"قال\" 'هنا'");
  EXPECT_EQ(Normalize("أ\u00A0ب").text, "أ ب");
  EXPECT_EQ(Normalize("«نص»").text, "«نص»");  // guillemets are kept
}

TEST(Normalize, ComposesDecomposedHamzaBeforeDroppingMarks) {
  // ا + combining hamza above is أ, not a bare alef with a dropped mark.
  EXPECT_EQ(Normalize("\u0627\u0654حمد").text, "أحمد");
  EXPECT_EQ(Normalize("\u0627\u0655براهيم").text, "إبراهيم");
  EXPECT_EQ(Normalize("e\u0301").text, "\u00E9");
  const std::string in = "\u0627\u0654حمد";
  const Normalized n = Normalize(in);
  EXPECT_EQ(Back(in, n, {0, 2}), "\u0627\u0654");
}

TEST(Normalize, DisplayKeepsLetterVariantsMatchFoldsThem) {
  const std::string in = "أحمد إبراهيم آمنة مصطفى الرئيسة مسؤول رئيس ک";
  EXPECT_EQ(Normalize(in).text, in);
  EXPECT_EQ(MatchKey(in), "احمد ابراهيم امنه مصطفي الرييسه مسوول رييس ك");
  EXPECT_EQ(MatchKey("سورية"), MatchKey("سوريه"));  // Syria, two spellings of its end
  EXPECT_EQ(MatchKey("مصطفى"), MatchKey("مصطفي"));
  EXPECT_EQ(MatchKey("أحمد"), MatchKey("احمد"));
  EXPECT_EQ(MatchKey("ڤيكتور"), MatchKey("فيكتور"));  // Victor with ڤ and ف
  EXPECT_EQ(MatchKey("ISIS Daesh"), "isis daesh");
  EXPECT_EQ(MatchKey("قال، ثم سأل؟"), "قال, ثم سال?");
}

TEST(Normalize, EachFoldAlone) {
  EXPECT_EQ(Normalize("أإآ", kFoldAlef).text, "ااا");
  EXPECT_EQ(Normalize("ى", kFoldAlefMaqsura).text, "ي");
  EXPECT_EQ(Normalize("ة", kFoldTehMarbuta).text, "ه");
  EXPECT_EQ(Normalize("ؤئ", kFoldHamzaCarriers).text, "وي");
  EXPECT_EQ(Normalize("كـتـاب", kFoldTatweel).text, "كتاب");
  EXPECT_EQ(Normalize("كِتَاب", kFoldDiacritics).text, "كتاب");
  EXPECT_EQ(Normalize("كـتـاب", kFoldDiacritics).text, "كـتـاب");
  EXPECT_EQ(Normalize("٣", 0).text, "٣");
  EXPECT_EQ(Normalize("ABC", kFoldLatinCase).text, "abc");
}

TEST(Normalize, InvalidUtf8IsReplacedAndCounted) {
  const std::string in = std::string("سوريا") + "\xFF\xC0" + "ok" + "\xE2\x82";
  const Normalized n = Normalize(in);
  EXPECT_EQ(n.invalid_utf8, 4u);
  EXPECT_EQ(n.text, "سوريا\uFFFD\uFFFDok\uFFFD\uFFFD");
  // A genuine U+FFFD in the input is not an error.
  EXPECT_EQ(Normalize("\uFFFD").invalid_utf8, 0u);
  // Overlong encodings and surrogates are ill-formed.
  EXPECT_EQ(Normalize("\xC1\x81").invalid_utf8, 2u);
  EXPECT_EQ(Normalize("\xED\xA0\x80").invalid_utf8, 3u);
}

TEST(Normalize, EmptyInput) {
  const Normalized n = Normalize("");
  EXPECT_EQ(n.text, "");
  EXPECT_EQ(n.map.ToOriginalBegin(0), 0u);
  EXPECT_EQ(n.map.ToOriginalEnd(0), 0u);
}

TEST(Normalize, EveryNormalisedSpanMapsInsideTheOriginal) {
  const std::string in =
      "\u200Fقـالَ ﺳﻮﺭﻳﺎ ٣٢ “نص” \xFF e\u0301 \u0627\u0654 ﻻ\u00A0ب\xEF\xBB\xBF.";
  const Normalized n = Normalize(in);
  uint32_t last_begin = 0;
  for (uint32_t b = 0; b <= n.text.size(); ++b) {
    const uint32_t ob = n.map.ToOriginalBegin(b);
    EXPECT_LE(ob, in.size());
    EXPECT_GE(ob, last_begin) << "begin offsets must be monotonic at " << b;
    last_begin = ob;
    for (uint32_t e = b; e <= n.text.size(); ++e) {
      const Span o = n.map.ToOriginal({b, e});
      EXPECT_LE(o.begin, o.end) << b << ".." << e;
      EXPECT_EQ(o.begin, ob);
    }
  }
  EXPECT_EQ(n.map.ToOriginalEnd(static_cast<uint32_t>(n.text.size())),
            static_cast<uint32_t>(in.size()));
}

TEST(RepairUtf8, ReplacesOnlyIllFormedBytes) {
  uint32_t replaced = 0;
  EXPECT_EQ(RepairUtf8("سوريا", &replaced), "سوريا");
  EXPECT_EQ(replaced, 0u);
  EXPECT_EQ(RepairUtf8("a\xFF" "b\xE2\x82", &replaced), "a\uFFFDb\uFFFD\uFFFD");
  EXPECT_EQ(replaced, 3u);
}

TEST(CharOffsets, CountsCharactersNotBytes) {
  const std::string s = "ab" + std::string("سوريا") + "c";
  const CharOffsets chars(s);
  EXPECT_EQ(chars(0), 0u);
  EXPECT_EQ(chars(2), 2u);
  EXPECT_EQ(chars(4), 3u);
  EXPECT_EQ(chars(3), 2u);  // inside the first Arabic letter
  EXPECT_EQ(chars(static_cast<uint32_t>(s.size())), 8u);
  std::string big;
  for (int i = 0; i < 1000; ++i) big += "سa";
  const CharOffsets big_chars(big);
  EXPECT_EQ(big_chars(static_cast<uint32_t>(big.size())), 2000u);
  EXPECT_EQ(big_chars(768), 512u);
}

}  // namespace
}  // namespace marsad::text
