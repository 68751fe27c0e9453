#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "text/text.h"

namespace marsad::text {
namespace {

// Tuesday 5 March 2024 (24 Sha'ban 1445).
constexpr Date kTuesday{2024, 3, 5};

std::vector<DateMention> Dates(const std::string& text, std::optional<Date> published) {
  const std::vector<Token> tokens = Tokenize(text);
  return FindDates(text, tokens, published);
}

// Every date in `s` as "span = value", with " relative" and " hijri" when set,
// joined by "; ". The value is printed at the mention's precision.
std::string Describe(std::string_view s, std::optional<Date> published = kTuesday) {
  const std::string text = Normalize(s).text;
  std::string out;
  for (const DateMention& d : Dates(text, published)) {
    if (!out.empty()) out += "; ";
    out += text.substr(d.span.begin, d.span.size());
    out += " = " + FormatDate(d.date, d.precision);
    if (d.relative) out += " relative";
    if (d.hijri) out += " hijri";
  }
  return out;
}

TEST(Dates, DayMonthYear) {
  // "The attack happened on 5 March 2024 near the border."
  EXPECT_EQ(Describe("وقع الهجوم في 5 مارس 2024 قرب الحدود"), "5 مارس 2024 = 2024-03-05");
  // Absolute dates need no publication date.
  EXPECT_EQ(Describe("وقع الهجوم في 5 مارس 2024", std::nullopt), "5 مارس 2024 = 2024-03-05");
  // A comma between month and year, as page headers write it.
  EXPECT_EQ(Describe("29 مايو، 2019"), "29 مايو، 2019 = 2019-05-29");
  // يوم "day" before the date belongs to it; a glued و does not.
  EXPECT_EQ(Describe("ويوم 12 يونيو 2023 عاد الوفد"), "يوم 12 يونيو 2023 = 2023-06-12");
}

TEST(Dates, GregorianMonthNamesInEveryRegion) {
  const std::pair<const char*, int> names[] = {
      {"يناير", 1},  {"فبراير", 2},  {"مارس", 3},   {"أبريل", 4},   {"ابريل", 4},
      {"إبريل", 4},  {"مايو", 5},    {"يونيو", 6},  {"يونيه", 6},   {"يوليو", 7},
      {"يوليه", 7},  {"أغسطس", 8},   {"اغسطس", 8},  {"سبتمبر", 9},  {"أكتوبر", 10},
      {"اكتوبر", 10}, {"نوفمبر", 11}, {"ديسمبر", 12},
      // Levantine and Iraqi.
      {"كانون الثاني", 1}, {"شباط", 2}, {"آذار", 3}, {"اذار", 3}, {"نيسان", 4}, {"أيار", 5},
      {"حزيران", 6}, {"تموز", 7}, {"آب", 8}, {"أيلول", 9}, {"تشرين الأول", 10},
      {"تشرين الاول", 10}, {"تشرين الثاني", 11}, {"كانون الأول", 12},
      // Algerian, Tunisian and Moroccan.
      {"جانفي", 1}, {"جانفييه", 1}, {"فيفري", 2}, {"أفريل", 4}, {"ماي", 5}, {"جوان", 6},
      {"جويلية", 7}, {"أوت", 8}, {"يوليوز", 7}, {"غشت", 8}, {"شتنبر", 9}, {"نونبر", 11},
      {"دجنبر", 12},
  };
  for (const auto& [name, month] : names) {
    // "The delegation arrived on 12 <month> 2023."
    const std::string text = std::string("وصل الوفد في 12 ") + name + " 2023";
    const std::string expected =
        std::string("12 ") + name + " 2023 = " + FormatDate({2023, month, 12}, Precision::kDay);
    EXPECT_EQ(Describe(text), expected) << name;
  }
}

TEST(Dates, DoubleMonthNameCountsOnce) {
  // "on Sunday 24 Adhar/March 2024"
  EXPECT_EQ(Describe("يوم الأحد 24 آذار/مارس 2024"), "يوم الأحد 24 آذار/مارس 2024 = 2024-03-24");
  EXPECT_EQ(Describe("في 3 مارس (آذار) 2024"), "3 مارس (آذار) 2024 = 2024-03-03");
  EXPECT_EQ(Describe("في كانون الثاني/ يناير 2024"), "كانون الثاني/ يناير 2024 = 2024-01");
  // Two different months are two mentions (January, then February).
  EXPECT_EQ(Describe("بين يناير/فبراير 2024"), "يناير = 2024-01 relative; فبراير 2024 = 2024-02");
}

TEST(Dates, MonthAndYear) {
  EXPECT_EQ(Describe("في مارس 2024"), "مارس 2024 = 2024-03");
  // "in the month of March of the year 2024", "during June of the year 2019"
  EXPECT_EQ(Describe("في شهر مارس من العام 2024"), "شهر مارس من العام 2024 = 2024-03");
  EXPECT_EQ(Describe("خلال يونيو من عام 2019"), "يونيو من عام 2019 = 2019-06");
  // "March of last year", "January of this year"
  EXPECT_EQ(Describe("في مارس من العام الماضي"), "مارس من العام الماضي = 2023-03 relative");
  EXPECT_EQ(Describe("في يناير من هذا العام"), "يناير من هذا العام = 2024-01 relative");
}

TEST(Dates, MonthWithoutYearTakesThePublicationYear) {
  // A day and month is the nearest such day to publication (Tuesday 5 March
  // 2024); a month alone is the coming one up to two months ahead, else the
  // one that has passed.
  EXPECT_EQ(Describe("في 20 مارس"), "20 مارس = 2024-03-20 relative");
  EXPECT_EQ(Describe("في 28 ديسمبر"), "28 ديسمبر = 2023-12-28 relative");
  EXPECT_EQ(Describe("في أبريل"), "أبريل = 2024-04 relative");
  EXPECT_EQ(Describe("في أغسطس"), "أغسطس = 2023-08 relative");
  EXPECT_EQ(Describe("في سبتمبر"), "سبتمبر = 2023-09 relative");
  EXPECT_EQ(Describe("في 5 يناير", Date{2024, 12, 20}), "5 يناير = 2025-01-05 relative");
  // الماضي "last" is before publication, المقبل "next" after, الجاري "current" this year.
  EXPECT_EQ(Describe("في أبريل الماضي"), "أبريل الماضي = 2023-04 relative");
  EXPECT_EQ(Describe("في فبراير الماضي"), "فبراير الماضي = 2024-02 relative");
  EXPECT_EQ(Describe("في مارس الماضي"), "مارس الماضي = 2023-03 relative");
  EXPECT_EQ(Describe("في 1 مارس الماضي"), "1 مارس الماضي = 2024-03-01 relative");
  EXPECT_EQ(Describe("في مايو المقبل"), "مايو المقبل = 2024-05 relative");
  EXPECT_EQ(Describe("في فبراير المقبل"), "فبراير المقبل = 2025-02 relative");
  EXPECT_EQ(Describe("في فبراير القادم"), "فبراير القادم = 2025-02 relative");
  EXPECT_EQ(Describe("في مايو الجاري"), "مايو الجاري = 2024-05 relative");
  // Without a publication date there is no year to give them.
  EXPECT_EQ(Describe("في 20 مارس وفي أبريل الماضي", std::nullopt), "");
}

// A month alone more than two months ahead of publication is the one that
// has passed, unless its clause speaks of the future and it is at most five
// ahead; the next two months are the coming ones, unless after منذ (since).
// Published Tuesday 4 August 2015 (19 Shawwal 1436).
TEST(Dates, MonthAloneFarAheadIsThePastUnlessItsClauseSpeaksOfTheFuture) {
  const Date published{2015, 8, 4};
  // "Gunmen attacked it in January": the January before, not the one after.
  EXPECT_EQ(Describe("هاجمها مسلحون في كانون الثاني/يناير", published),
            "كانون الثاني/يناير = 2015-01 relative");
  // "The school opened in November"; "the delegation visited Riyadh in August".
  EXPECT_EQ(Describe("افتتحت المدرسة في نوفمبر", published), "نوفمبر = 2014-11 relative");
  EXPECT_EQ(Describe("زار الوفد الرياض في أغسطس", published), "أغسطس = 2015-08 relative");
  // "Fuel prices rise in September", "from the start of October": the coming
  // weeks need no marker; "since September" has passed.
  EXPECT_EQ(Describe("ترتفع أسعار الوقود في سبتمبر", published), "سبتمبر = 2015-09 relative");
  EXPECT_EQ(Describe("اعتبارا من مطلع أكتوبر", published), "مطلع أكتوبر = 2015-10 relative");
  EXPECT_EQ(Describe("ارتفعت الأسعار منذ سبتمبر", published), "سبتمبر = 2014-09 relative");
  // The future: "the summit will be held in January", "the school is due to
  // open in November", "the delegation will visit Riyadh in December", "the
  // company expects to sign in December", "gold for December delivery".
  EXPECT_EQ(Describe("ستعقد القمة في يناير", published), "يناير = 2016-01 relative");
  EXPECT_EQ(Describe("من المقرر أن تفتتح المدرسة في نوفمبر", published),
            "نوفمبر = 2015-11 relative");
  EXPECT_EQ(Describe("سوف يزور الوفد الرياض في ديسمبر", published), "ديسمبر = 2015-12 relative");
  EXPECT_EQ(Describe("تتوقع الشركة توقيع العقد في ديسمبر", published),
            "ديسمبر = 2015-12 relative");
  EXPECT_EQ(Describe("ارتفع الذهب لتسليم ديسمبر", published), "ديسمبر = 2015-12 relative");
  // Further ahead a future verb mostly has the month for its object: "May's
  // pay will be paid".
  EXPECT_EQ(Describe("سيتم تسديد راتب شهر مايو", published), "شهر مايو = 2015-05 relative");
  // "In December (Kanun al-Awwal) next", its other name written without a
  // slash; "in November or December next".
  EXPECT_EQ(Describe("ترتفع الأسعار في ديسمبر كانون الأول المقبل", published),
            "ديسمبر = 2015-12 relative; كانون الأول المقبل = 2015-12 relative");
  EXPECT_EQ(Describe("يزور الرياض في نوفمبر أو ديسمبر المقبلين", published),
            "نوفمبر = 2015-11 relative; ديسمبر المقبلين = 2015-12 relative");
  // The future verb is in another clause: "the delegation will visit Riyadh,
  // and had visited it in January"; "coming" is another noun's: "the ship
  // rescued the migrants coming from Burma in November".
  EXPECT_EQ(Describe("سيزور الوفد الرياض، وكان قد زارها في يناير", published),
            "يناير = 2015-01 relative");
  EXPECT_EQ(Describe("أنقذت السفينة المهاجرين القادمين من بورما في نوفمبر", published),
            "نوفمبر = 2014-11 relative");
  // Hijri months alike: "the incident happened in Muharram", "studies will
  // start in Muharram".
  EXPECT_EQ(Describe("وقعت الحادثة في محرم", published), "محرم = 2014-10 relative hijri");
  EXPECT_EQ(Describe("ستبدأ الدراسة في محرم", published), "محرم = 2015-10 relative hijri");
  // A day and month, and a month with its year, are as they were.
  EXPECT_EQ(Describe("في 20 يناير", published), "20 يناير = 2016-01-20 relative");
  EXPECT_EQ(Describe("ستعقد القمة في يناير 2015", published), "يناير 2015 = 2015-01");
}

TEST(Dates, MonthNamesThatAreAlsoWordsNeedContext) {
  // "The president exerted (مارس) pressure on the government", "and exerted".
  EXPECT_EQ(Describe("مارس الرئيس ضغوطا على الحكومة"), "");
  EXPECT_EQ(Describe("ومارس الجيش ضغوطا"), "");
  EXPECT_EQ(Describe("اشترى سيارة نيسان جديدة"), "");  // "bought a new Nissan car"
  EXPECT_EQ(Describe("زار أب الضحية المستشفى"), "");    // "the victim's father visited"
  EXPECT_EQ(Describe("قال رجب طيب أردوغان"), "");       // Recep Tayyip Erdogan
  EXPECT_EQ(Describe("في باب الحارة"), "");             // "in the door of the quarter": ب + آب
  // With a preposition, a day, a year or شهر they are months.
  EXPECT_EQ(Describe("في مارس"), "مارس = 2024-03 relative");
  EXPECT_EQ(Describe("منذ نيسان"), "نيسان = 2023-04 relative");
  EXPECT_EQ(Describe("في آب"), "آب = 2023-08 relative");
  EXPECT_EQ(Describe("شهر آب"), "شهر آب = 2023-08 relative");
  EXPECT_EQ(Describe("4 تموز"), "4 تموز = 2024-07-04 relative");
  // Unambiguous names stand alone.
  EXPECT_EQ(Describe("وصل يناير"), "يناير = 2024-01 relative");
}

TEST(Dates, OrdinalDays) {
  EXPECT_EQ(Describe("في الخامس من مارس 2024"), "الخامس من مارس 2024 = 2024-03-05");
  EXPECT_EQ(Describe("الأول من أكتوبر 2023"), "الأول من أكتوبر 2023 = 2023-10-01");
  EXPECT_EQ(Describe("الحادي عشر من سبتمبر 2001"), "الحادي عشر من سبتمبر 2001 = 2001-09-11");
  EXPECT_EQ(Describe("الثاني عشر من يناير 2020"), "الثاني عشر من يناير 2020 = 2020-01-12");
  EXPECT_EQ(Describe("العشرين من يناير 2020"), "العشرين من يناير 2020 = 2020-01-20");
  EXPECT_EQ(Describe("الثاني والعشرين من فبراير 2022"),
            "الثاني والعشرين من فبراير 2022 = 2022-02-22");
  EXPECT_EQ(Describe("الحادي والثلاثين من ديسمبر 2023"),
            "الحادي والثلاثين من ديسمبر 2023 = 2023-12-31");
  // Of a relative month: "the fifth of this month", "the tenth of last month".
  EXPECT_EQ(Describe("في الخامس من الشهر الجاري"), "الخامس من الشهر الجاري = 2024-03-05 relative");
  EXPECT_EQ(Describe("في العاشر من الشهر الماضي"), "العاشر من الشهر الماضي = 2024-02-10 relative");
  // An ordinal needs من "of"; then مارس alone is the verb "practised".
  EXPECT_EQ(Describe("الثاني مارس"), "");
}

TEST(Dates, NumericDates) {
  EXPECT_EQ(Describe("بتاريخ 5/3/2024"), "5/3/2024 = 2024-03-05");
  EXPECT_EQ(Describe("بتاريخ 2024-03-05"), "2024-03-05 = 2024-03-05");
  EXPECT_EQ(Describe("بتاريخ 2024/03/05"), "2024/03/05 = 2024-03-05");
  EXPECT_EQ(Describe("بتاريخ 05.03.2024"), "05.03.2024 = 2024-03-05");
  EXPECT_EQ(Describe("في 3/25/2024"), "3/25/2024 = 2024-03-25");  // month first where it must be
  EXPECT_EQ(Describe("في ٥/٣/٢٠٢٤"), "5/3/2024 = 2024-03-05");    // Arabic-Indic digits
  EXPECT_EQ(Describe("31/2/2024"), "");
  EXPECT_EQ(Describe("النتيجة 3/4 و1/2/3 و10/5/3/2024 و1.2.3.4"), "");
}

TEST(Dates, Years) {
  EXPECT_EQ(Describe("في عام 2015"), "عام 2015 = 2015");
  EXPECT_EQ(Describe("في العام 2015"), "العام 2015 = 2015");
  EXPECT_EQ(Describe("سنة 2015"), "سنة 2015 = 2015");
  EXPECT_EQ(Describe("للعام 2015"), "عام 2015 = 2015");
  EXPECT_EQ(Describe("عام 1948"), "عام 1948 = 1948");
  EXPECT_EQ(Describe("في 2015"), "2015 = 2015");
  EXPECT_EQ(Describe("منذ 2011"), "2011 = 2011");
  EXPECT_EQ(Describe("حتى 2030"), "2030 = 2030");
  EXPECT_EQ(Describe("في 2015 ميلادية"), "2015 ميلادية = 2015");
  EXPECT_EQ(Describe("في 2015 م"), "2015 م = 2015");
  // "killed 2015 people", "in 1500", "an altitude of 2000 metres", "year 99999".
  EXPECT_EQ(Describe("قتل 2015 شخصا"), "");
  EXPECT_EQ(Describe("في 1500"), "");
  EXPECT_EQ(Describe("على ارتفاع 2000 م"), "");
  EXPECT_EQ(Describe("عام 99999 وعام 0 وعام 215"), "");
}

TEST(Dates, HijriDatesAreConverted) {
  EXPECT_EQ(Describe("15 رمضان 1436"), "15 رمضان 1436 = 2015-07-02 hijri");
  EXPECT_EQ(Describe("1 محرم 1446 هـ"), "1 محرم 1446 ه = 2024-07-07 hijri");
  EXPECT_EQ(Describe("10 ذو الحجة 1444"), "10 ذو الحجة 1444 = 2023-06-28 hijri");
  EXPECT_EQ(Describe("في 10 ذي الحجة 1444 هجرية"), "10 ذي الحجة 1444 هجرية = 2023-06-28 hijri");
  // Month and year: the Gregorian month of the first day.
  EXPECT_EQ(Describe("ربيع الأول 1445"), "ربيع الأول 1445 = 2023-09 hijri");
  EXPECT_EQ(Describe("ربيع الآخر 1445"), "ربيع الآخر 1445 = 2023-10 hijri");
  EXPECT_EQ(Describe("ربيع الثاني 1445"), "ربيع الثاني 1445 = 2023-10 hijri");
  EXPECT_EQ(Describe("جمادى الأولى 1445"), "جمادى الأولى 1445 = 2023-11 hijri");
  EXPECT_EQ(Describe("جمادى الآخرة 1445"), "جمادى الآخرة 1445 = 2023-12 hijri");
  EXPECT_EQ(Describe("جمادى الثانية 1445"), "جمادى الثانية 1445 = 2023-12 hijri");
  EXPECT_EQ(Describe("ذي القعدة 1444"), "ذي القعدة 1444 = 2023-05 hijri");
  // A Hijri year alone is the Gregorian year it began in.
  EXPECT_EQ(Describe("عام 1436 هـ"), "عام 1436 ه = 2014 hijri");
  EXPECT_EQ(Describe("في 1445 هـ"), "1445 ه = 2023 hijri");
  // The Hijri date and its Gregorian twin are two mentions.
  EXPECT_EQ(Describe("15 رمضان 1436 هـ الموافق 2 يوليو 2015"),
            "15 رمضان 1436 ه = 2015-07-02 hijri; 2 يوليو 2015 = 2015-07-02");
  // Day 30 of a 29-day month (Sha'ban 1445) is the next day.
  EXPECT_EQ(Describe("30 شعبان 1445"), "30 شعبان 1445 = 2024-03-11 hijri");
  EXPECT_EQ(Describe("31 شعبان 1445"), "شعبان 1445 = 2024-02 hijri");
}

TEST(Dates, HijriMonthsWithoutYear) {
  // Published on 24 Sha'ban 1445: the coming Ramadan is the nearest one.
  EXPECT_EQ(Describe("خلال شهر رمضان"), "شهر رمضان = 2024-03 relative hijri");
  EXPECT_EQ(Describe("في رمضان الماضي"), "رمضان الماضي = 2023-03 relative hijri");
  EXPECT_EQ(Describe("في 27 رجب"), "27 رجب = 2024-02-08 relative hijri");
  // "Ramadan 2024": Ramadan of Gregorian 2024.
  EXPECT_EQ(Describe("مسلسلات رمضان 2024"), "رمضان 2024 = 2024-03 hijri");
  EXPECT_EQ(Describe("في رمضان", std::nullopt), "");
  EXPECT_EQ(Describe("قال رمضان إن صفر لا يعني شيئا"), "");  // a name, and "zero"
}

TEST(Dates, Weekdays) {
  // Published on a Tuesday.
  EXPECT_EQ(Describe("الاثنين"), "الاثنين = 2024-03-04 relative");
  EXPECT_EQ(Describe("الإثنين"), "الإثنين = 2024-03-04 relative");
  EXPECT_EQ(Describe("الثلاثاء"), "الثلاثاء = 2024-03-05 relative");
  EXPECT_EQ(Describe("الأربعاء"), "الأربعاء = 2024-02-28 relative");
  EXPECT_EQ(Describe("الاثنين الماضي"), "الاثنين الماضي = 2024-03-04 relative");
  EXPECT_EQ(Describe("الثلاثاء الماضي"), "الثلاثاء الماضي = 2024-02-27 relative");
  EXPECT_EQ(Describe("الأحد المقبل"), "الأحد المقبل = 2024-03-10 relative");
  EXPECT_EQ(Describe("الثلاثاء القادم"), "الثلاثاء القادم = 2024-03-12 relative");
  EXPECT_EQ(Describe("يوم الجمعة"), "يوم الجمعة = 2024-03-01 relative");
  EXPECT_EQ(Describe("والخميس"), "الخميس = 2024-02-29 relative");
  EXPECT_EQ(Describe("السبت"), "السبت = 2024-03-02 relative");
  // "eleven players", "one of the officials", "two"
  EXPECT_EQ(Describe("الأحد عشر لاعبا"), "");
  EXPECT_EQ(Describe("أحد المسؤولين واثنين من الجنود"), "");
  EXPECT_EQ(Describe("الاثنين الماضي", std::nullopt), "");
}

TEST(Dates, WeekdayWithItsDateIsOneMention) {
  EXPECT_EQ(Describe("الثلاثاء الموافق 5 مارس 2024"), "الثلاثاء الموافق 5 مارس 2024 = 2024-03-05");
  EXPECT_EQ(Describe("الأحد، 24 مارس 2024"), "الأحد، 24 مارس 2024 = 2024-03-24");
  EXPECT_EQ(Describe("الأحد، 24 مارس 2024", std::nullopt), "الأحد، 24 مارس 2024 = 2024-03-24");
  // "today, Tuesday"
  EXPECT_EQ(Describe("اليوم الثلاثاء"), "اليوم الثلاثاء = 2024-03-05 relative");
}

TEST(Dates, RelativeDays) {
  EXPECT_EQ(Describe("اليوم"), "اليوم = 2024-03-05 relative");
  EXPECT_EQ(Describe("أمس"), "أمس = 2024-03-04 relative");
  EXPECT_EQ(Describe("يوم أمس"), "يوم أمس = 2024-03-04 relative");
  EXPECT_EQ(Describe("وأمس"), "أمس = 2024-03-04 relative");
  EXPECT_EQ(Describe("بالأمس"), "الأمس = 2024-03-04 relative");
  EXPECT_EQ(Describe("ليلة البارحة"), "البارحة = 2024-03-04 relative");
  EXPECT_EQ(Describe("أول أمس"), "أول أمس = 2024-03-03 relative");
  EXPECT_EQ(Describe("أول من أمس"), "أول من أمس = 2024-03-03 relative");
  EXPECT_EQ(Describe("قبل أمس"), "قبل أمس = 2024-03-03 relative");
  EXPECT_EQ(Describe("غدا"), "غدا = 2024-03-06 relative");
  EXPECT_EQ(Describe("غداً"), "غدا = 2024-03-06 relative");
  EXPECT_EQ(Describe("يوم الغد"), "يوم الغد = 2024-03-06 relative");
  EXPECT_EQ(Describe("بعد غد"), "بعد غد = 2024-03-07 relative");
  // "the next day", "per day", "the first day", "that day", "the same day",
  // "World Day", "a scoundrel" (وغد).
  EXPECT_EQ(Describe("في اليوم التالي"), "");
  EXPECT_EQ(Describe("ثلاث مرات في اليوم"), "");
  EXPECT_EQ(Describe("اليوم الأول"), "");
  EXPECT_EQ(Describe("منذ ذلك اليوم"), "");
  EXPECT_EQ(Describe("اليوم نفسه"), "");
  EXPECT_EQ(Describe("اليوم العالمي للمرأة"), "");
  EXPECT_EQ(Describe("إنه وغد"), "");
}

TEST(Dates, RelativePeriods) {
  EXPECT_EQ(Describe("الشهر الماضي"), "الشهر الماضي = 2024-02 relative");
  EXPECT_EQ(Describe("الشهر المنصرم"), "الشهر المنصرم = 2024-02 relative");
  EXPECT_EQ(Describe("الشهر الجاري"), "الشهر الجاري = 2024-03 relative");
  EXPECT_EQ(Describe("الشهر الحالي"), "الشهر الحالي = 2024-03 relative");
  EXPECT_EQ(Describe("هذا الشهر"), "هذا الشهر = 2024-03 relative");
  EXPECT_EQ(Describe("الشهر المقبل"), "الشهر المقبل = 2024-04 relative");
  EXPECT_EQ(Describe("الشهر القادم"), "الشهر القادم = 2024-04 relative");
  EXPECT_EQ(Describe("الشهر الماضي", Date{2024, 1, 15}), "الشهر الماضي = 2023-12 relative");
  EXPECT_EQ(Describe("الأسبوع الماضي"), "الأسبوع الماضي = 2024-02-27 relative");
  EXPECT_EQ(Describe("الأسبوع المقبل"), "الأسبوع المقبل = 2024-03-12 relative");
  EXPECT_EQ(Describe("العام الماضي"), "العام الماضي = 2023 relative");
  EXPECT_EQ(Describe("السنة الماضية"), "السنة الماضية = 2023 relative");
  EXPECT_EQ(Describe("العام المنصرم"), "العام المنصرم = 2023 relative");
  EXPECT_EQ(Describe("العام الفائت"), "العام الفائت = 2023 relative");
  EXPECT_EQ(Describe("العام الجاري"), "العام الجاري = 2024 relative");
  EXPECT_EQ(Describe("العام الحالي"), "العام الحالي = 2024 relative");
  EXPECT_EQ(Describe("هذا العام"), "هذا العام = 2024 relative");
  EXPECT_EQ(Describe("العام المقبل"), "العام المقبل = 2025 relative");
  EXPECT_EQ(Describe("السنة القادمة"), "السنة القادمة = 2025 relative");
}

TEST(Dates, StartMiddleAndEndOfPeriods) {
  EXPECT_EQ(Describe("منذ مطلع العام"), "مطلع العام = 2024-01 relative");
  EXPECT_EQ(Describe("مطلع العام الماضي"), "مطلع العام الماضي = 2023-01 relative");
  EXPECT_EQ(Describe("بداية العام"), "بداية العام = 2024-01 relative");
  EXPECT_EQ(Describe("أوائل العام"), "أوائل العام = 2024-01 relative");
  EXPECT_EQ(Describe("نهاية العام"), "نهاية العام = 2024-12 relative");
  EXPECT_EQ(Describe("أواخر العام المقبل"), "أواخر العام المقبل = 2025-12 relative");
  EXPECT_EQ(Describe("بنهاية هذا العام"), "نهاية هذا العام = 2024-12 relative");
  EXPECT_EQ(Describe("منذ منتصف عام 2014"), "منتصف عام 2014 = 2014-06");
  EXPECT_EQ(Describe("بداية 2020"), "بداية 2020 = 2020-01");
  EXPECT_EQ(Describe("مطلع عام 1445 هـ"), "مطلع عام 1445 ه = 2023-07 hijri");
  // Of a month: the month, with the modifier in the span.
  EXPECT_EQ(Describe("منذ أوائل مايو الجاري"), "أوائل مايو الجاري = 2024-05 relative");
  EXPECT_EQ(Describe("أواخر مارس 2023"), "أواخر مارس 2023 = 2023-03");
  EXPECT_EQ(Describe("مطلع الشهر الجاري"), "مطلع الشهر الجاري = 2024-03 relative");
  EXPECT_EQ(Describe("نهاية الشهر"), "نهاية الشهر = 2024-03 relative");
  EXPECT_EQ(Describe("مطلع العام", std::nullopt), "");
}

TEST(Dates, Ago) {
  EXPECT_EQ(Describe("قبل يومين"), "قبل يومين = 2024-03-03 relative");
  EXPECT_EQ(Describe("قبل ثلاثة أيام"), "قبل ثلاثة أيام = 2024-03-02 relative");
  EXPECT_EQ(Describe("قبل 10 أيام"), "قبل 10 أيام = 2024-02-24 relative");
  EXPECT_EQ(Describe("قبل أسبوع"), "قبل أسبوع = 2024-02-27 relative");
  EXPECT_EQ(Describe("قبل أسبوعين"), "قبل أسبوعين = 2024-02-20 relative");
  EXPECT_EQ(Describe("قبل شهر"), "قبل شهر = 2024-02 relative");
  EXPECT_EQ(Describe("قبل ثلاثة أشهر"), "قبل ثلاثة أشهر = 2023-12 relative");
  EXPECT_EQ(Describe("قبل عامين"), "قبل عامين = 2022 relative");
  EXPECT_EQ(Describe("منذ عامين"), "منذ عامين = 2022 relative");
  EXPECT_EQ(Describe("قبل 20 عاما"), "قبل 20 عاما = 2004 relative");
  EXPECT_EQ(Describe("قبل نحو عشر سنوات"), "قبل نحو عشر سنوات = 2014 relative");
  // Counted from an event, not from publication: "two days before the elections".
  EXPECT_EQ(Describe("قبل يومين من الانتخابات"), "");
  // "before 2015", "before Sunday" are not durations.
  EXPECT_EQ(Describe("قبل عام 2015"), "عام 2015 = 2015");
  EXPECT_EQ(Describe("قبل يوم الأحد"), "يوم الأحد = 2024-03-03 relative");
  EXPECT_EQ(Describe("منذ أيام"), "");  // "days ago": too vague
  EXPECT_EQ(Describe("قبل 999999 يوم"), "");
}

TEST(Dates, SpansCoverExactlyTheDateWords) {
  const std::string text = Normalize("وقال إنه والاثنين الماضي ومطلع العام وصلوا").text;
  const std::vector<DateMention> dates = Dates(text, kTuesday);
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_EQ(text.substr(dates[0].span.begin, dates[0].span.size()), "الاثنين الماضي");
  EXPECT_EQ(text.substr(dates[1].span.begin, dates[1].span.size()), "مطلع العام");
  EXPECT_EQ(dates[1].precision, Precision::kMonth);
  EXPECT_TRUE(dates[1].relative);
  EXPECT_FALSE(dates[1].hijri);
  // Finer fields than the precision are zero.
  EXPECT_EQ(dates[1].date, (Date{2024, 1, 0}));
}

TEST(Dates, OnlyAbsoluteDatesWithoutPublication) {
  // "Yesterday ... on 5 March 2024 ... last Monday ... last year."
  EXPECT_EQ(Describe("أمس قال إن الهجوم وقع في 5 مارس 2024 وإن الاثنين الماضي والعام الماضي شهدا",
                     std::nullopt),
            "5 مارس 2024 = 2024-03-05");
}

TEST(Dates, ImpossibleDaysKeepTheirMonth) {
  EXPECT_EQ(Describe("31 فبراير 2024"), "فبراير 2024 = 2024-02");
  EXPECT_EQ(Describe("29 فبراير 2023"), "فبراير 2023 = 2023-02");
  EXPECT_EQ(Describe("29 فبراير 2024"), "29 فبراير 2024 = 2024-02-29");
  EXPECT_EQ(Describe("0 مارس 2024"), "مارس 2024 = 2024-03");
  EXPECT_EQ(Describe("32 مارس 2024"), "مارس 2024 = 2024-03");
  EXPECT_EQ(Describe("5 مارس 99999", std::nullopt), "");
}

TEST(Dates, OddPublicationDates) {
  EXPECT_EQ(Describe("أمس", Date{2024, 2, 30}), "");  // not a day: as if absent
  EXPECT_EQ(Describe("أمس", Date{0, 0, 0}), "");
  EXPECT_EQ(Describe("غدا", Date{9999, 12, 31}), "");
  EXPECT_EQ(Describe("أمس", Date{1, 1, 1}), "");
  EXPECT_EQ(Describe("أمس", Date{1, 1, 2}), "أمس = 0001-01-01 relative");
  EXPECT_EQ(Describe("العام المقبل", Date{9999, 6, 1}), "");
  EXPECT_EQ(Describe("مطلع الشهر الماضي", Date{1, 1, 5}), "");
  EXPECT_EQ(Describe("في الخامس من الشهر المقبل", Date{9999, 12, 1}), "");
  EXPECT_EQ(Describe("قبل شهرين", Date{1, 1, 5}), "");
}

TEST(Dates, NeverCrashesOnOddInput) {
  EXPECT_TRUE(Dates("", kTuesday).empty());
  const char* odd[] = {
      "كانون", "تشرين الخامس", "ذو", "ذو الفقار", "ربيع", "جمادى", "5", "5 من", "الخامس من",
      "/", "( مارس", "مارس /", "مارس (آذار", "الحادي", "الحادي و", "قبل", "قبل نحو", "منذ 5",
      "أول", "أول من", "بعد", "مطلع", "مطلع عام", "يوم", "يوم يوم يوم", "هذا", "عام", "5/",
      "5/3", "5/3/", "2024-", "2024-03-", "-5/3/2024", "5/3/2024/", "\xFF\xFE مارس \xC3",
      "99999999999999999999 مارس 99999999999999999999", "الأحد،", "الأحد الموافق",
  };
  for (const char* s : odd) {
    const std::string text = Normalize(s).text;
    for (const DateMention& d : Dates(text, kTuesday)) {
      EXPECT_LE(d.span.begin, d.span.end) << s;
      EXPECT_LE(d.span.end, text.size()) << s;
    }
  }
}

TEST(Dates, LongRunsAreLinear) {
  // 10 MB of a month name alone, of ambiguous names, and of full Hijri dates.
  std::string months, verbs, hijri;
  while (months.size() < 10'000'000) months += "يناير ";
  while (verbs.size() < 10'000'000) verbs += "مارس ";
  while (hijri.size() < 1'000'000) hijri += "15 رمضان 1436 ";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Dates(months, kTuesday).size(), months.size() / std::string("يناير ").size());
  EXPECT_TRUE(Dates(months, std::nullopt).empty());
  EXPECT_TRUE(Dates(verbs, kTuesday).empty());
  EXPECT_EQ(Dates(hijri, kTuesday).size(), hijri.size() / std::string("15 رمضان 1436 ").size());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
}

TEST(Dates, ThreadSafe) {
  const std::string text = Normalize("15 رمضان 1436 والاثنين الماضي و5 مارس 2024").text;
  const std::vector<DateMention> expected = Dates(text, kTuesday);
  ASSERT_EQ(expected.size(), 3u);
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 200; ++k) {
        const std::vector<DateMention> got = Dates(text, kTuesday);
        ok[t] += got.size() == expected.size() && got[0].date == expected[0].date &&
                 got[1].date == expected[1].date && got[2].date == expected[2].date;
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int n : ok) EXPECT_EQ(n, 200);
}

TEST(DatesIso, Parse) {
  EXPECT_EQ(ParseIsoDate("2024-03-05"), (Date{2024, 3, 5}));
  EXPECT_EQ(ParseIsoDate("2024-03"), (Date{2024, 3, 0}));
  EXPECT_EQ(ParseIsoDate("2024"), (Date{2024, 0, 0}));
  EXPECT_EQ(ParseIsoDate("2024-02-29"), (Date{2024, 2, 29}));
  for (const char* bad : {"", "24", "2024-", "2024-3-5", "2024-13", "2024-00", "2024-03-32",
                          "2024-03-00", "2023-02-29", "2024-02-30", "2024-03-05x", "2024-03-05 ",
                          " 2024", "0000", "2024/03/05", "２０２４", "20240305", "2024-03-5",
                          "abcd", "-202"}) {
    EXPECT_EQ(ParseIsoDate(bad), std::nullopt) << bad;
  }
}

TEST(DatesIso, Format) {
  EXPECT_EQ(FormatDate({2024, 3, 5}, Precision::kDay), "2024-03-05");
  EXPECT_EQ(FormatDate({2024, 3, 0}, Precision::kMonth), "2024-03");
  EXPECT_EQ(FormatDate({2024, 3, 5}, Precision::kYear), "2024");
  EXPECT_EQ(FormatDate({987, 1, 2}, Precision::kDay), "0987-01-02");
  for (const char* s : {"2024-03-05", "1999-12", "0001"}) {
    const std::optional<Date> d = ParseIsoDate(s);
    ASSERT_TRUE(d.has_value()) << s;
    const Precision p = d->day ? Precision::kDay : d->month ? Precision::kMonth : Precision::kYear;
    EXPECT_EQ(FormatDate(*d, p), s);
  }
}

}  // namespace
}  // namespace marsad::text
