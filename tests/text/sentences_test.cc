#include <gtest/gtest.h>

#include "text/text.h"

namespace marsad::text {
namespace {

std::vector<std::string> Split(const std::string& raw) {
  const Normalized n = Normalize(raw);
  const auto tokens = Tokenize(n.text);
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(n.text, tokens)) {
    out.push_back(n.text.substr(s.span.begin, s.span.size()));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(Sentences, ArabicAndLatinTerminalPunctuation) {
  EXPECT_EQ(Split("وصل الوفد. هل انتهت المفاوضات؟ نعم! It ended. Really?"),
            (V{"وصل الوفد.", "هل انتهت المفاوضات؟", "نعم!", "It ended.", "Really?"}));
}

TEST(Sentences, MissingSpaceAfterFullStop) {
  EXPECT_EQ(Split("انتهى الاجتماع.وبدأ المؤتمر"), (V{"انتهى الاجتماع.", "وبدأ المؤتمر"}));
}

TEST(Sentences, DecimalsAndAbbreviationsDoNotSplit) {
  EXPECT_EQ(Split("بلغ العدد 1.5 مليون. وقال د. سامر إن الرقم دقيق."),
            (V{"بلغ العدد 1.5 مليون.", "وقال د. سامر إن الرقم دقيق."}));
  EXPECT_EQ(Split("Dr. Smith met J. Doe."), (V{"Dr. Smith met J. Doe."}));
}

TEST(Sentences, AFullStopBetweenNamesOfLatinLettersIsInAnAcronym) {
  // "The BBC reported that the coach had left. Then he came back": the
  // stops of بي.بي.سي end nothing; one glued between words still does.
  EXPECT_EQ(Split("ونقلت بي.بي.سي أن المدرب غادر.ثم عاد."), (V{"ونقلت بي.بي.سي أن المدرب غادر.", "ثم عاد."}));
  // "CNN said so. On the other hand...": في (in) names V too, but after a
  // stop glued to the last letter it begins the next sentence.
  EXPECT_EQ(Split("وقالت ذلك شبكة سي إن إن.في المقابل نفى الوزير."),
            (V{"وقالت ذلك شبكة سي إن إن.", "في المقابل نفى الوزير."}));
}

TEST(Sentences, EllipsisInsideALineIsAPause) {
  EXPECT_EQ(Split("انتظرنا... ثم وصلوا. النهاية"), (V{"انتظرنا... ثم وصلوا.", "النهاية"}));
  EXPECT_EQ(Split("انتظرنا…\nثم وصلوا"), (V{"انتظرنا…", "ثم وصلوا"}));
}

TEST(Sentences, QuotationSpanningFullStopsIsOneUnit) {
  EXPECT_EQ(Split("قال المتحدث: «لن نتراجع. سنواصل العمل.» وغادر القاعة. ثم عاد."),
            (V{"قال المتحدث: «لن نتراجع. سنواصل العمل.» وغادر القاعة.", "ثم عاد."}));
  EXPECT_EQ(Split("وأضاف: \"الوضع صعب. لكننا هنا.\" ثم صمت."),
            (V{"وأضاف: \"الوضع صعب. لكننا هنا.\" ثم صمت."}));
}

TEST(Sentences, UnclosedQuoteDoesNotSwallowTheArticle) {
  std::string text = "قال: «بداية بلا نهاية. ";
  for (int i = 0; i < 200; ++i) text += "جملة أخرى هنا. ";
  EXPECT_GT(Split(text).size(), 50u);
}

TEST(Sentences, ScrapingArtifacts) {
  // ".," left where list items were joined.
  EXPECT_EQ(Split("انتهى الاجتماع.,بدأ المؤتمر."), (V{"انتهى الاجتماع.,", "بدأ المؤتمر."}));
  // A quote closing after the full stop stays with its sentence.
  EXPECT_EQ(Split("قال «انتهى.» ثم ذهب."), (V{"قال «انتهى.» ثم ذهب."}));
}

TEST(Sentences, ParagraphsAndHeadlines) {
  EXPECT_EQ(Split("عنوان الخبر بلا نقطة\nنص الخبر هنا.\n\nفقرة ثانية"),
            (V{"عنوان الخبر بلا نقطة", "نص الخبر هنا.", "فقرة ثانية"}));
}

TEST(Sentences, HardWrappedParagraphIsJoined) {
  const std::string wrapped =
      "أعلنت السلطات في العاصمة اليوم عن اعتقال عدد من الأشخاص المشتبه\n"
      "بانتمائهم إلى جماعة مسلحة كانت تنشط في المناطق الحدودية منذ سنوات\n"
      "طويلة، وقالت إن التحقيقات ما زالت جارية لمعرفة صلاتهم بالخارج وبمن\n"
      "يمولهم. وأضافت أن عددا آخر ما زال فارا.\n"
      "ودعت السكان إلى الإبلاغ عن أي نشاط مريب في أحيائهم.\n";
  const V s = Split(wrapped);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_TRUE(s[0].ends_with("يمولهم.")) << s[0];
}

// A scraped page: menus, bylines and links are lines without sentence
// punctuation, as many as the paragraphs, but of all widths. None is a wrap,
// so a link line ending on a name does not run on into the next paragraph.
TEST(Sentences, OpenLinesOfAllWidthsAreNotWraps) {
  const std::string page =
      "الرئيسية / أخبار / تقارير / ملفات\n"
      "بحث\n"
      "الكاتب: قسم الأخبار | آخر تحديث\n"
      "شارك الخبر\n"
      "أعلنت السلطات في العاصمة اليوم عن اعتقال عدد من الأشخاص المشتبه بانتمائهم إلى جماعة "
      "مسلحة.\n"
      "اقرأ أيضا: تقرير عن قادة الفصائل المسلحة في مخيم النور\n"
      "ولم تعلن أي جهة مسؤوليتها عن الهجوم الذي وقع في ساعة متأخرة من الليل.\n"
      "تعليقات القراء\n"
      "جميع الحقوق محفوظة للموقع ولا يجوز النقل دون إذن مسبق من الإدارة\n";
  const V s = Split(page);
  ASSERT_EQ(s.size(), 9u);
  EXPECT_EQ(s[5], "اقرأ أيضا: تقرير عن قادة الفصائل المسلحة في مخيم النور");
}

TEST(Sentences, TokenRangesMatchSpans) {
  const Normalized n = Normalize("جملة أولى. جملة ثانية؟ وثالثة");
  const auto tokens = Tokenize(n.text);
  const auto sentences = SplitSentences(n.text, tokens);
  ASSERT_EQ(sentences.size(), 3u);
  uint32_t next = 0;
  for (const Sentence& s : sentences) {
    EXPECT_EQ(s.first_token, next);
    EXPECT_EQ(tokens[s.first_token].span.begin, s.span.begin);
    EXPECT_EQ(tokens[s.end_token - 1].span.end, s.span.end);
    next = s.end_token;
  }
  EXPECT_EQ(next, tokens.size());
}

TEST(Sentences, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(Split("").empty());
  EXPECT_TRUE(Split("   \n\n ").empty());
  EXPECT_EQ(Split("...!!!"), (V{"...!!!"}));
}

}  // namespace
}  // namespace marsad::text
