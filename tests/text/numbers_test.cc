// FindQuantities on synthetic Arabic sentences: digits, number words and their
// spelling variants, fractions, magnitudes, approximators, ranges, and what
// must not be read as a number.
#include <cmath>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "text/text.h"

namespace marsad::text {
namespace {

struct Found {
  std::string text;  // the normalised bytes under the span
  Quantity q;
};

std::vector<Found> Find(std::string_view input) {
  const Normalized n = Normalize(input);
  const std::vector<Token> tokens = Tokenize(n.text);
  std::vector<Found> out;
  for (const Quantity& q : FindQuantities(n.text, tokens)) {
    EXPECT_LE(q.span.begin, q.span.end);
    EXPECT_LE(q.span.end, n.text.size());
    out.push_back({n.text.substr(q.span.begin, q.span.size()), q});
  }
  return out;
}

// The one quantity in `input`; fails the test if there is not exactly one.
Found One(std::string_view input) {
  std::vector<Found> all = Find(input);
  EXPECT_EQ(all.size(), 1u) << input;
  return all.empty() ? Found{} : all.front();
}

struct Case {
  const char* phrase;
  double value;
};

// Each phrase, set in "the source said that <phrase> people arrived", is one
// exact quantity spanning the phrase.
void ExpectExact(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const std::string sentence = std::string("قال المصدر إن ") + c.phrase + " شخص وصلوا";
    SCOPED_TRACE(c.phrase);
    const Found f = One(sentence);
    EXPECT_EQ(f.text, c.phrase);
    EXPECT_DOUBLE_EQ(f.q.low, c.value);
    EXPECT_DOUBLE_EQ(f.q.high, c.value);
    EXPECT_FALSE(f.q.is_range);
    EXPECT_FALSE(f.q.approx);
    EXPECT_FALSE(f.q.magnitude);
  }
}

TEST(NumbersTest, Digits) {
  ExpectExact({
      {"32", 32},
      {"1,400", 1400},
      {"1.5", 1.5},
      {"12,345,678", 12345678},
      {"1,400.25", 1400.25},
      {"2,5", 2.5},  // one comma not before three digits: a decimal comma
      {"0", 0},
      {"2015", 2015},
  });
}

TEST(NumbersTest, ArabicIndicDigitsAfterNormalisation) {
  const Found a = One("وصل ١٬٤٠٠ لاجئ");  // 1,400
  EXPECT_EQ(a.text, "1,400");
  EXPECT_DOUBLE_EQ(a.q.low, 1400);
  EXPECT_DOUBLE_EQ(One("نما الاقتصاد ٢٫٥ في المئة").q.low, 2.5);  // 2.5 per cent
  EXPECT_DOUBLE_EQ(One("قتل ۳۲ شخصا").q.low, 32);  // Persian digits
}

TEST(NumbersTest, UnitsTeensAndTens) {
  ExpectExact({
      {"واحد", 1},        {"واحدة", 1},      {"اثنان", 2},      {"اثنين", 2},
      {"اثنتان", 2},      {"ثلاث", 3},       {"ثلاثة", 3},      {"أربعة", 4},
      {"خمس", 5},         {"ستة", 6},        {"سبعة", 7},       {"ثمانية", 8},
      {"ثماني", 8},       {"تسعة", 9},       {"عشرة", 10},      {"عشر", 10},
      {"أحد عشر", 11},    {"إحدى عشرة", 11}, {"اثنا عشر", 12},  {"اثني عشر", 12},
      {"ثلاثة عشر", 13},  {"خمس عشرة", 15},  {"تسعة عشر", 19},  {"عشرون", 20},
      {"عشرين", 20},      {"ثلاثون", 30},    {"أربعين", 40},    {"خمسون", 50},
      {"ستين", 60},       {"سبعون", 70},     {"ثمانين", 80},    {"تسعون", 90},
      {"خمسة وعشرون", 25}, {"واحد وثلاثون", 31}, {"تسع وتسعين", 99},
  });
}

TEST(NumbersTest, Hundreds) {
  ExpectExact({
      {"مئة", 100},
      {"مائة", 100},
      {"مئتان", 200},
      {"مئتين", 200},
      {"مائتا", 200},
      {"ثلاثمئة", 300},
      {"ثلاثمائة", 300},
      {"أربعمئة", 400},
      {"خمسمائة", 500},
      {"ستمئة", 600},
      {"سبعمئة", 700},
      {"ثمانمئة", 800},
      {"ثمانيمائة", 800},
      {"تسعمئة", 900},
      {"ثلاث مئة", 300},
      {"خمس مائة", 500},
      {"مئتان وخمسون", 250},
      {"مئة وخمسة وعشرون", 125},
      {"مئة وثلاثة عشر", 113},
      {"ثلاثمئة وأربعون", 340},
  });
}

TEST(NumbersTest, ThousandsMillionsBillions) {
  ExpectExact({
      {"ألف", 1000},
      {"ألفان", 2000},
      {"ألفين", 2000},
      {"ثلاثة آلاف", 3000},
      {"عشرة آلاف", 10000},
      {"أحد عشر ألفا", 11000},
      {"ثلاثة وعشرون ألفا", 23000},
      {"مئة ألف", 100000},
      {"مئتا ألف", 200000},
      {"ثلاثمئة ألف", 300000},
      {"ألف وأربعمئة", 1400},
      {"ألف ومئتان وخمسون", 1250},
      {"ألف وخمسة", 1005},
      {"خمسة آلاف وخمسمئة", 5500},
      {"مليون", 1e6},
      {"مليونان", 2e6},
      {"مليونين", 2e6},
      {"ثلاثة ملايين", 3e6},
      {"خمسة عشر مليونا", 15e6},
      {"مليون ومئتا ألف", 1.2e6},
      {"ثلاثة ملايين ومئتا ألف وخمسمئة وعشرون", 3200520},
      {"مليار", 1e9},
      {"ملياران", 2e9},
      {"سبعة مليارات", 7e9},
  });
}

TEST(NumbersTest, DigitsWithScaleWords) {
  ExpectExact({
      {"60 ألفا", 60000},
      {"1.5 مليون", 1.5e6},
      {"3 آلاف", 3000},
      {"500 ألف", 500000},
      {"20 مليون", 20e6},
      {"2 مليار", 2e9},
      {"1,5 مليون", 1.5e6},
      {"مليون و200 ألف", 1.2e6},
      {"ألف و500", 1500},
  });
}

TEST(NumbersTest, Fractions) {
  ExpectExact({
      {"نصف مليون", 500000},
      {"ربع مليون", 250000},
      {"مليون ونصف", 1.5e6},
      {"مليار ونصف", 1.5e9},
      {"مليون وربع", 1.25e6},
      {"ثلاثة آلاف ونصف", 3500},
      {"خمسة ونصف", 5.5},
      {"ثلاثة ونصف مليون", 3.5e6},
  });
  EXPECT_NEAR(One("خصص ثلث مليار دولار").q.low, 1e9 / 3, 1e-3);
  // Alone a fraction is itself: half of the population.
  const Found half = One("غادر نصف السكان");
  EXPECT_EQ(half.text, "نصف");
  EXPECT_DOUBLE_EQ(half.q.low, 0.5);
}

TEST(NumbersTest, SpellingVariantsCompareOnMatchKeys) {
  ExpectExact({
      {"إثنان", 2},       // hamza under the alef
      {"ثلاثه", 3},       // ه for ة
      {"ثمانى", 8},       // ى for ي
      {"مائه", 100},
      {"اربعمائة", 400},  // bare alef
      {"احد عشر", 11},
      {"الف", 1000},      // thousand without its hamza, not ال + ف
      {"الفين", 2000},
      {"ثلاثة الاف", 3000},
      {"خمسة وعشرين الفا", 25000},
  });
}

// Tens, hundreds, thousands of civilians, protesters, refugees; a few days.
TEST(NumbersTest, Magnitudes) {
  struct Magnitude {
    const char* sentence;
    const char* span;
    double low, high;
  };
  const Magnitude cases[] = {
      {"قتل عشرات المدنيين", "عشرات", 20, 90},
      {"نزح مئات السكان", "مئات", 200, 900},
      {"خرج آلاف المتظاهرين", "آلاف", 2000, 9000},
      {"تظاهر عشرات الآلاف في الساحة", "عشرات الآلاف", 20000, 90000},
      {"نزح مئات الآلاف من السكان", "مئات الآلاف", 200000, 900000},
      {"وصل بضعة آلاف من اللاجئين", "بضعة آلاف", 3000, 9000},
      {"اعتقل بضع مئات", "بضع مئات", 300, 900},
      {"بعد بضعة أيام", "بضعة", 3, 9},
      {"منذ بضعة عشر عاما", "بضعة عشر", 13, 19},
      {"قتل الآلاف", "الآلاف", 2000, 9000},
      {"أصيب المئات", "المئات", 200, 900},
      {"تضرر عشرات الملايين", "عشرات الملايين", 2e7, 9e7},
      {"أنفقت ملايين الدولارات", "ملايين", 2e6, 9e6},
  };
  for (const Magnitude& c : cases) {
    SCOPED_TRACE(c.sentence);
    const Found f = One(c.sentence);
    EXPECT_EQ(f.text, c.span);
    EXPECT_DOUBLE_EQ(f.q.low, c.low);
    EXPECT_DOUBLE_EQ(f.q.high, c.high);
    EXPECT_TRUE(f.q.magnitude);
    EXPECT_TRUE(f.q.approx);
    EXPECT_FALSE(f.q.is_range);
  }
}

TEST(NumbersTest, SpanStartsAfterGluedConjunctionOrPreposition) {
  const Found tens = One("قتل جندي وعشرات المدنيين");
  EXPECT_EQ(tens.text, "عشرات");
  const Found thousands = One("وصل لاجئ والآلاف من بعده");
  EXPECT_EQ(thousands.text, "الآلاف");  // the article stays in the span
  const Found digits = One("قتل جندي و500 مدني");
  EXPECT_EQ(digits.text, "500");
  const Found by = One("ارتفع السعر بعشرات الدولارات");
  EXPECT_EQ(by.text, "عشرات");
}

// A clitic split off and a hamza folded away are each common on their own;
// a word that needs both to read as a number is another word.
TEST(NumbersTest, CliticAndMissingHamzaTogetherAreNotANumber) {
  for (const char* s : {
           "طالب التجار بزيادة كميات البضائع",    // traders asked for more goods (quantities)
           "نقلت الشاحنة كمية كبيرة من القمح",    // the lorry carried a large quantity of wheat
           "ارتفعت الأسعار وكميات الاستيراد",    // prices and import quantities rose
       }) {
    EXPECT_TRUE(Find(s).empty()) << s;
  }
  struct Magnitude {
    const char* sentence;
    const char* span;
    double low, high;
  };
  const Magnitude kept[] = {
      // Hundreds of residents fled, with مئات typed without its hamza.
      {"نزح ميات السكان", "ميات", 200, 900},
      {"وصل جنود ومئات المتطوعين", "مئات", 200, 900},   // soldiers and hundreds of volunteers came
      {"تبرع بمئات الكتب", "مئات", 200, 900},           // he gave hundreds of books
      {"اتسعت القاعة لمئات الضيوف", "مئات", 200, 900},  // the hall held hundreds of guests
      {"حضر المئات", "المئات", 200, 900},               // hundreds attended
      {"خرج آلاف المتظاهرين", "آلاف", 2000, 9000},      // thousands of protesters came out
      {"تبرع بآلاف الدولارات", "آلاف", 2000, 9000},     // he gave thousands of dollars
      {"أصيب عشرات المارة", "عشرات", 20, 90},           // tens of passers-by were hurt
      {"أصيب جنود وعشرات المارة", "عشرات", 20, 90},     // soldiers and tens of passers-by were hurt
  };
  for (const Magnitude& c : kept) {
    SCOPED_TRACE(c.sentence);
    const Found f = One(c.sentence);
    EXPECT_EQ(f.text, c.span);
    EXPECT_DOUBLE_EQ(f.q.low, c.low);
    EXPECT_DOUBLE_EQ(f.q.high, c.high);
    EXPECT_TRUE(f.q.magnitude);
  }
  // A hundred people arrived, with مئة typed without its hamza.
  EXPECT_DOUBLE_EQ(One("وصل مية شخص").q.low, 100);
}

// A figure in brackets before its scale word: official statements write
// "(12) ألف". A bracketed number before anything else stays as it is.
TEST(NumbersTest, BracketedNumberBeforeItsScaleWord) {
  struct Bracketed {
    const char* sentence;
    const char* span;
    double value;
  };
  const Bracketed cases[] = {
      // A factory with an area of 12 thousand square metres.
      {"بني المصنع بمساحة (12) ألف متر مربع", "(12) ألف", 12000},
      // Revenues reached 37,775 million riyals.
      {"بلغت الإيرادات ( 37,775.000) مليون ريال", "( 37,775.000) مليون", 37775e6},
      // Ten thousand meals were handed out.
      {"وزعت (10) آلاف وجبة", "(10) آلاف", 10000},
  };
  for (const Bracketed& c : cases) {
    SCOPED_TRACE(c.sentence);
    const Found f = One(c.sentence);
    EXPECT_EQ(f.text, c.span);
    EXPECT_DOUBLE_EQ(f.q.low, c.value);
    EXPECT_DOUBLE_EQ(f.q.high, c.value);
  }
  // More than 72 million visitors: the approximator reaches over the bracket.
  const Found more = One("استقبلت المدينة أكثر من (72) مليون زائر");
  EXPECT_EQ(more.text, "أكثر من (72) مليون");
  EXPECT_DOUBLE_EQ(more.q.low, 72e6);
  EXPECT_TRUE(more.q.at_least);
  // A footnote mark, then "a thousand people arrived": two numbers.
  const std::vector<Found> footnote = Find("قال الوزير (1) إن ألف شخص وصلوا");
  ASSERT_EQ(footnote.size(), 2u);
  EXPECT_EQ(footnote[0].text, "1");
  EXPECT_EQ(footnote[1].text, "ألف");
  // "As paragraph (2) of the resolution says"; "(2)" alone.
  EXPECT_EQ(One("كما ورد في الفقرة (2) من القرار").text, "2");
  EXPECT_EQ(One("(2)").text, "2");
}

struct Flagged {
  const char* sentence;
  const char* span;
  double value;
};

// About, around, nearly, some, approaching 200 killed, arrived, arrested.
TEST(NumbersTest, ApproximatorsBeforeAndAfter) {
  const Flagged cases[] = {
      {"قتل نحو 200 شخص", "نحو 200", 200},
      {"وصل حوالي 300 لاجئ", "حوالي 300", 300},
      {"وصل حوالى 300 لاجئ", "حوالى 300", 300},
      {"اعتقل قرابة خمسين شخصا", "قرابة خمسين", 50},
      {"حضر زهاء ألف شخص", "زهاء ألف", 1000},
      {"قتل ما يقارب 300 شخص", "ما يقارب 300", 300},
      {"قتل ما يقرب من 300 شخص", "ما يقرب من 300", 300},
      {"قتل 300 تقريبا", "300 تقريبا", 300},
      {"ارتفع الدين بنحو مليون دولار", "نحو مليون", 1e6},  // ب is not in the span
      {"وحوالي 40 جريحا", "حوالي 40", 40},
  };
  for (const Flagged& c : cases) {
    SCOPED_TRACE(c.sentence);
    const Found f = One(c.sentence);
    EXPECT_EQ(f.text, c.span);
    EXPECT_DOUBLE_EQ(f.q.low, c.value);
    EXPECT_TRUE(f.q.approx);
    EXPECT_FALSE(f.q.at_least);
    EXPECT_FALSE(f.q.at_most);
    EXPECT_FALSE(f.q.magnitude);
  }
  // تقريبا belongs to the number only right after it.
  const Found apart = One("قتل 300 شخص تقريبا");
  EXPECT_EQ(apart.text, "300");
  EXPECT_FALSE(apart.q.approx);
}

// More than, no less than, exceeding; at least, or more, and over.
TEST(NumbersTest, AtLeast) {
  const Flagged cases[] = {
      {"قتل أكثر من 100 شخص", "أكثر من 100", 100},
      {"اعتقل ما لا يقل عن 50 شخصا", "ما لا يقل عن 50", 50},
      {"اعتقل لا يقل عن 50 شخصا", "لا يقل عن 50", 50},
      {"نزح أزيد من 70 ألفا", "أزيد من 70 ألفا", 70000},
      {"أنفق ما يزيد على ألف دولار", "ما يزيد على ألف", 1000},
      {"ارتفعت الحصيلة لأكثر من 200", "أكثر من 200", 200},
      {"قتل 50 على الأقل", "50 على الأقل", 50},
      {"حضر 100 أو أكثر", "100 أو أكثر", 100},
      {"من سن 18 فأكثر", "18 فأكثر", 18},
      {"للأعمار 20 فما فوق", "20 فما فوق", 20},
      {"قتل ألف ونيف", "ألف ونيف", 1000},
  };
  for (const Flagged& c : cases) {
    SCOPED_TRACE(c.sentence);
    const Found f = One(c.sentence);
    EXPECT_EQ(f.text, c.span);
    EXPECT_DOUBLE_EQ(f.q.low, c.value);
    EXPECT_TRUE(f.q.at_least);
    EXPECT_FALSE(f.q.at_most);
  }
}

// Up to, less than, not exceeding; or less, and under.
TEST(NumbersTest, AtMost) {
  const Flagged cases[] = {
      {"ما يصل إلى 500 شخص", "ما يصل إلى 500", 500},
      {"قتل أقل من 10 أشخاص", "أقل من 10", 10},
      {"عدد لا يتجاوز 30 شخصا", "لا يتجاوز 30", 30},
      {"عدد ما لا يتجاوز 30 شخصا", "ما لا يتجاوز 30", 30},
      // The longest phrase wins: not يزيد على (more than).
      {"عدد ما لا يزيد على عشرين", "ما لا يزيد على عشرين", 20},
      {"للأطفال 10 فما دون", "10 فما دون", 10},
      {"حضر 5 أو أقل", "5 أو أقل", 5},
  };
  for (const Flagged& c : cases) {
    SCOPED_TRACE(c.sentence);
    const Found f = One(c.sentence);
    EXPECT_EQ(f.text, c.span);
    EXPECT_DOUBLE_EQ(f.q.low, c.value);
    EXPECT_TRUE(f.q.at_most);
    EXPECT_FALSE(f.q.at_least);
  }
}

// Between 200 and 500, from 1000 to 1400, 200-500, three or four.
TEST(NumbersTest, Ranges) {
  struct Range {
    const char* sentence;
    const char* span;
    double low, high;
  };
  const Range cases[] = {
      {"قتل بين 200 و500 شخص", "بين 200 و500", 200, 500},
      {"قتل بين 200 و 500 شخص", "بين 200 و 500", 200, 500},
      {"قتل ما بين 200 و500 شخص", "ما بين 200 و500", 200, 500},
      {"ارتفع من 1000 إلى 1400 شخص", "من 1000 إلى 1400", 1000, 1400},
      {"ارتفع من ألف إلى 1400 شخص", "من ألف إلى 1400", 1000, 1400},
      {"ارتفع من 1000 حتى 1400 شخص", "من 1000 حتى 1400", 1000, 1400},
      {"قتل 200-500 شخص", "200-500", 200, 500},
      {"قتل 200 - 500 شخص", "200 - 500", 200, 500},
      {"قتل 200 إلى 300 شخص", "200 إلى 300", 200, 300},
      {"تراوح العدد بين ألف وألفين", "بين ألف وألفين", 1000, 2000},
      {"بين مئة ومئتين", "بين مئة ومئتين", 100, 200},
      {"قتل ثلاثة أو أربعة", "ثلاثة أو أربعة", 3, 4},
      // The scale of the second end is shared by a bare first end.
      {"نزح بين 20 و30 ألفا", "بين 20 و30 ألفا", 20000, 30000},
      {"ارتفع من 100 إلى 200 ألف", "من 100 إلى 200 ألف", 100000, 200000},
      {"بين 2 و3 ملايين", "بين 2 و3 ملايين", 2e6, 3e6},
      {"بين ثلاثة وأربعة آلاف", "بين ثلاثة وأربعة آلاف", 3000, 4000},
      // بين needs two ends: 5 and 20, not 25 alone; 25 and 30 when given.
      {"بين خمسة وعشرين", "بين خمسة وعشرين", 5, 20},
      {"بين خمسة وعشرين وثلاثين", "بين خمسة وعشرين وثلاثين", 25, 30},
  };
  for (const Range& c : cases) {
    SCOPED_TRACE(c.sentence);
    const Found f = One(c.sentence);
    EXPECT_EQ(f.text, c.span);
    EXPECT_DOUBLE_EQ(f.q.low, c.low);
    EXPECT_DOUBLE_EQ(f.q.high, c.high);
    EXPECT_TRUE(f.q.is_range);
  }
  const Found about = One("قتل نحو 200 إلى 300 شخص");
  EXPECT_EQ(about.text, "نحو 200 إلى 300");
  EXPECT_TRUE(about.q.is_range);
  EXPECT_TRUE(about.q.approx);
  EXPECT_TRUE(One("بين عشرات ومئات").q.magnitude);
}

TEST(NumbersTest, SeparateNumbersStaySeparate) {
  const std::vector<Found> killed = Find("قتل 200 وأصيب 500");
  ASSERT_EQ(killed.size(), 2u);
  EXPECT_EQ(killed[0].text, "200");
  EXPECT_EQ(killed[1].text, "500");
  // Without بين, numbers joined by و are a list, not one compound.
  const std::vector<Found> listed = Find("في الصفوف 200 و500");
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(Find("ثلاثة أربعة").size(), 2u);
  EXPECT_EQ(Find("ألف ألف").size(), 2u);
  // 3-1 is a score; the second number is not larger, so no range.
  const std::vector<Found> score = Find("فاز الفريق 3-1");
  ASSERT_EQ(score.size(), 2u);
  EXPECT_FALSE(score[0].q.is_range);
  // من before a lone number is a preposition, not part of a range.
  EXPECT_EQ(One("قتل أحد من 200 شخص").text, "200");
}

TEST(NumbersTest, WordsThatAreNotNumbers) {
  for (const char* s : {
           "الفصل الثالث من الكتاب",      // ordinal
           "يوم الاثنين المقبل",          // Monday
           "قال أحد المسؤولين",           // one of
           "في القرن العشرين",            // twentieth century
           "استمر الاجتماع ساعة ونصف",    // an hour and a half: no number
           "يوم الثلاثاء",                // Tuesday
           "في الثانية صباحا",            // the second (hour)
           "لست متأكدا",                  // I am not sure: not ل + ست (six)
           "كما قال الوزير",
           "سافر إلى لبنان من فرنسا بين الحربين",
       }) {
    EXPECT_TRUE(Find(s).empty()) << s;
  }
}

TEST(NumbersTest, DatesTimesAndCodesInDigitsAreNotQuantities) {
  EXPECT_TRUE(Find("في 5/3/2024").empty());
  EXPECT_TRUE(Find("بتاريخ 2024-03-05").empty());
  EXPECT_TRUE(Find("الساعة 10:30").empty());
  EXPECT_TRUE(Find("12.05.2020").empty());
  // A year is still a number: dates are found apart.
  EXPECT_DOUBLE_EQ(One("في عام 2015").q.low, 2015);
}

TEST(NumbersTest, HugeDigitStringsAreSkipped) {
  EXPECT_TRUE(Find("الرقم 99999999999999999999999 غير صحيح").empty());
  EXPECT_TRUE(Find(std::string(100000, '9')).empty());
  EXPECT_DOUBLE_EQ(One("999999999999999").q.low, 999999999999999.0);  // 15 digits
  EXPECT_DOUBLE_EQ(One("0000000000000000000042").q.low, 42);  // leading zeros do not count
}

TEST(NumbersTest, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(FindQuantities("", {}).empty());
  EXPECT_TRUE(Find("").empty());
  EXPECT_TRUE(Find("... ، ؛ ؟ - / : ( ) « »").empty());
  EXPECT_TRUE(Find("- - - و و و بين من إلى أو").empty());
}

TEST(NumbersTest, LongRunsOfNumberWordsAreLinear) {
  const char* units[] = {"ألف ", "وألف ", "مئة ", "ثلاثة ", "وعشرون ", "بين ", "نصف ",
                         "ونصف ", "عشرات ", "أحد ", "1 - ", "200-", "و"};
  for (const char* unit : units) {
    std::string s;
    for (int i = 0; i < 10000; ++i) s += unit;
    SCOPED_TRACE(unit);
    const std::vector<Found> all = Find(s);
    for (size_t i = 1; i < all.size(); ++i) {
      EXPECT_LE(all[i - 1].q.span.end, all[i].q.span.begin);  // in order, disjoint
    }
  }
  // A compound that keeps going stays one number as long as it is grammatical.
  std::string chain = "ألف";
  for (int i = 0; i < 10000; ++i) chain += " ومئة";
  const std::vector<Found> all = Find(chain);
  ASSERT_FALSE(all.empty());
  EXPECT_DOUBLE_EQ(all[0].q.low, 1100);
}

TEST(NumbersTest, RandomNumberSoupKeepsInvariants) {
  const std::vector<std::string> parts = {
      "بين", "ما", "و", "من", "إلى", "حتى", "أو", "-", "/", "نحو", "أكثر", "لا", "يقل",
      "عن", "تقريبا", "على", "الأقل", "فأكثر", "ونيف", "ألف", "وألف", "ألفا", "ألفين",
      "آلاف", "الآلاف", "مليون", "ملايين", "مئة", "ومئتان", "ثلاث", "ثلاثة", "عشر",
      "وعشرون", "أحد", "اثنا", "عشرات", "مئات", "بضعة", "نصف", "ونصف", "ربع", "200",
      "1,400", "1.5", "و500", "99999999999999999", "2024", "الاثنين", "شخص", "،"};
  std::mt19937 rng(5);
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int len = static_cast<int>(rng() % 30);
    for (int i = 0; i < len; ++i) {
      s += parts[rng() % parts.size()];
      if (rng() % 4) s += ' ';
    }
    SCOPED_TRACE(s);
    uint32_t previous_end = 0;
    for (const Found& f : Find(s)) {
      EXPECT_LT(f.q.span.begin, f.q.span.end);
      EXPECT_LE(previous_end, f.q.span.begin);
      previous_end = f.q.span.end;
      EXPECT_TRUE(std::isfinite(f.q.low) && std::isfinite(f.q.high));
      EXPECT_LE(f.q.low, f.q.high);
      EXPECT_GE(f.q.low, 0);
    }
  }
}

TEST(NumbersTest, TokensThatDoNotFitTheTextDoNotCrash) {
  const std::string text = "قتل نحو 200 شخص";
  std::vector<Token> tokens = Tokenize(text);
  Token wild;
  wild.span = {5, 500};
  wild.stem = {400, 3};
  wild.kind = TokenKind::kNumber;
  tokens.push_back(wild);
  Token inverted;
  inverted.span = {10, 2};
  inverted.stem = inverted.span;
  inverted.clitic_count = 4;
  inverted.clitics[0] = {{9999, 10000}, Clitic::kConjunction};
  tokens.insert(tokens.begin(), inverted);
  const std::vector<Quantity> q = FindQuantities(text, tokens);
  for (const Quantity& x : q) EXPECT_LE(x.span.end, text.size());
  EXPECT_TRUE(FindQuantities("", tokens).empty());
}

TEST(NumbersTest, ConcurrentCallsAgree) {
  const std::string text = Normalize(
      "قتل نحو 200 شخص، ونزح بين 20 و30 ألفا، وأصيب عشرات الآلاف، وأنفق مليون ونصف.").text;
  const std::vector<Token> tokens = Tokenize(text);
  const std::vector<Quantity> expected = FindQuantities(text, tokens);
  ASSERT_EQ(expected.size(), 4u);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const std::vector<Quantity> got = FindQuantities(text, tokens);
        if (got.size() != expected.size()) ++mismatches[t];
        for (size_t k = 0; k < got.size() && k < expected.size(); ++k) {
          if (!(got[k].span == expected[k].span) || got[k].low != expected[k].low) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace marsad::text
