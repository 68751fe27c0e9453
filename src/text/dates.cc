// Dates in Arabic news text.
//
// Every token is classified once against a table of match-level keys (month
// names, weekdays, ordinals, units, qualifiers...); a small recursive-descent
// parser then reads date expressions left to right from the classified tokens,
// each attempt looking a bounded number of tokens ahead, so the whole pass is
// linear and allocates nothing but the result.
//
// Rules a user of the results should know:
//  - Spans start at the first word of the expression, including a leading
//    يوم (day), شهر (month), عام/سنة (year) or a modifier such as مطلع (start
//    of), but excluding a preposition word (في 2015 reports "2015") and glued
//    conjunctions and prepositions (ومارس reports "مارس"); the article ال is
//    kept. "قبل يومين" (two days ago) includes قبل: it is part of the meaning.
//  - A month without a year takes the year from the publication date: with
//    الماضي (last) the most recent such month (or day) before publication,
//    with المقبل (next) the first one after it. Otherwise a day and month is
//    the one nearest to publication (a tie, six months away, goes to the
//    past); a month alone is the first at or after publication if that is at
//    most two months ahead, or five when its clause speaks of the future
//    (سيزور، سوف، من المقرر), else, and always after منذ (since), the most
//    recent at or before publication. Such dates are relative. Hijri months
//    follow the same rule in Hijri years.
//  - A weekday alone is the most recent such day on or before publication;
//    with الماضي strictly before, with المقبل/القادم strictly after. A weekday
//    followed by a date ("الأحد 24 مارس") is one mention with the date's value.
//  - الأسبوع الماضي/المقبل (last/next week) is the day seven days away;
//    قبل N أيام/أسابيع are days, قبل N أشهر months, قبل N أعوام years, each at
//    that precision. مطلع/منتصف/نهاية العام (start/middle/end of the year)
//    are January, June and December at month precision.
//  - Impossible days ("31 فبراير") are not clamped: the day is dropped and the
//    rest ("فبراير 2024") is reported at month precision. A Hijri day 30 in a
//    month of 29 days rolls to the next day, as Umm al-Qura tables and local
//    moon sightings disagree by a day.
//  - A Hijri year alone ("1436 هـ") is the Gregorian year in which it began.
//  - A publication date that is not a valid day counts as absent.
#include <algorithm>
#include <array>
#include <bitset>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include "text/internal.h"
#include "text/text.h"

namespace marsad::text {
namespace {

using internal::IsDigit;

using internal::FoldToKey;

// Gregorian years accepted after a month name or عام; a bare number after a
// preposition (في 2015) must look more like a recent year to count.
constexpr int kMinYear = 1000;
constexpr int kMinBareYear = 1900;
constexpr int kMaxYear = 2100;
// Hijri years; a larger number after a Hijri month is a Gregorian year
// ("رمضان 2024", Ramadan of 2024).
constexpr int kMaxHijriYear = 1899;
// A month alone up to kMonthsAheadUnmarked months after publication is the
// coming one even when nothing marks the future; up to kMonthsAheadMarked
// when its clause does; further ahead, the past one. In 30k Saudi articles
// of summer 2015 the months one and two ahead were nearly all coming
// (contract months, schedules), those three to five ahead mostly past
// unless marked, and a future verb before a month further ahead mostly had
// the month for its object (سيتم تسديد راتب شهر مايو, May's pay will be paid).
constexpr int kMonthsAheadUnmarked = 2;
constexpr int kMonthsAheadMarked = 5;

// ---------------------------------------------------------------------------
// Proleptic Gregorian arithmetic on days since 1970-01-01.

bool IsLeapYear(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int64_t y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

bool IsValidYear(int64_t y) { return y >= 1 && y <= 9999; }

bool IsValidDay(int64_t y, int m, int d) {
  return IsValidYear(y) && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

// Howard Hinnant's days_from_civil and civil_from_days.
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

// 0 = Sunday (الأحد), the first day of the Arabic week.
int Weekday(int64_t days) { return static_cast<int>(((days + 4) % 7 + 7) % 7); }

// ---------------------------------------------------------------------------
// Umm al-Qura conversion through ICU. A calendar is costly to create and not
// thread-safe, so each thread keeps its own; only Hijri dates create it.

class HijriConverter {
 public:
  static HijriConverter& ForThisThread() {
    thread_local HijriConverter converter;
    return converter;
  }

  std::optional<Date> ToGregorian(int y, int m, int d) {
    if (!cal_) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    cal_->clear();
    cal_->set(y, m - 1, d);
    const UDate ms = cal_->getTime(status);
    if (U_FAILURE(status)) return std::nullopt;
    const Date g = CivilFromDays(static_cast<int64_t>(std::floor(ms / U_MILLIS_PER_DAY)));
    if (!IsValidYear(g.year)) return std::nullopt;
    return g;
  }

  std::optional<Date> FromGregorian(const Date& g) {
    if (!cal_) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    cal_->setTime(static_cast<UDate>(DaysFromCivil(g.year, g.month, g.day)) * U_MILLIS_PER_DAY,
                  status);
    const Date h{cal_->get(UCAL_YEAR, status), cal_->get(UCAL_MONTH, status) + 1,
                 cal_->get(UCAL_DATE, status)};
    if (U_FAILURE(status)) return std::nullopt;
    return h;
  }

 private:
  HijriConverter() {
    UErrorCode status = U_ZERO_ERROR;
    cal_.reset(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(),
                                             icu::Locale("ar@calendar=islamic-umalqura"), status));
    if (U_FAILURE(status)) cal_.reset();
  }

  std::unique_ptr<icu::Calendar> cal_;
};

// ---------------------------------------------------------------------------
// The lexicon: what each word can mean inside a date.

enum class Kind : uint8_t {
  kNone,
  kNumber,  // digits; Lex::number holds the value of a plain integer
  kSlash,
  kOpenParen,
  kCloseParen,
  kComma,
  kMonth,        // Gregorian month, value 1-12
  kHijriMonth,   // one-word Hijri month, value 1-12
  kKanun,        // كانون: الأول December, الثاني January
  kTishrin,      // تشرين: الأول October, الثاني November
  kRabi,         // ربيع: الأول 3rd, الآخر/الثاني 4th Hijri month
  kJumada,       // جمادى: الأولى 5th, الآخرة/الثانية 6th
  kDhu,          // ذو/ذي: القعدة 11th, الحجة 12th
  kQaada,        // قعدة
  kHijja,        // حجة
  kOrdinal,      // masculine ordinal 1-10
  kOrdinalFem,   // feminine ordinal 1-2, in Hijri month names
  kLast,         // آخر/آخرة "latter", in Hijri month names
  kHadi,         // حادي: the 1 of 11, 21, 31
  kTen,          // عشر/عشرة: ten, and the "-teen" of ordinals 11-19
  kTens,         // عشرين ثلاثين: 20, 30 (also ordinal with ال)
  kCardinal,     // cardinal 3-9, counting units
  kUnit,         // value a Unit, aux the count (0 needs a number, 1, 2)
  kWeekday,      // value 0 (Sunday) - 6
  kQualifier,    // value -1 past, 0 current, +1 next
  kThis,         // هذا/هذه
  kYesterday,    // أمس, البارحة
  kTomorrow,     // غدا, الغد
  kModifier,     // value a Modifier: start, middle or end of a period
  kEra,          // value 0 Gregorian (م), 1 Hijri (هـ)
  kPrep,         // value a Prep
  kMin,          // من "of, from"
  kMuwafiq,      // الموافق "corresponding to", between a weekday and its date
  kApprox,       // نحو، حوالي "about", inside "قبل نحو عامين"
  kNotToday,     // words after or before اليوم that make it "the day", not "today"
  kFuture,       // سوف، المقرر: the clause speaks of what is to come
};

enum Unit : int8_t { kDayUnit, kWeekUnit, kMonthUnit, kYearUnit };
enum Prep : int8_t { kFi, kMundhu, kHatta, kKhilal, kQabl, kBaad, kIla };
enum Modifier : int8_t { kStart, kMiddle, kEnd };
// Flags in Entry::aux (units keep their count there instead).
constexpr uint8_t kWeak = 1;          // a month name that is also a common word
constexpr uint8_t kArticleOk = 2;     // a month name that may carry ال (المحرم)
constexpr uint8_t kNeedsArticle = 4;  // غد "morrow" is "tomorrow" only as الغد
constexpr uint8_t kAbbreviation = 8;  // م is also "metres": a year only in a date

struct Entry {
  Kind kind = Kind::kNone;
  int8_t value = 0;
  uint8_t aux = 0;
};

struct WordEntry {
  const char* word;
  Entry entry;
};

constexpr WordEntry kWords[] = {
    // Gregorian months: Egyptian and Gulf names.
    {"يناير", {Kind::kMonth, 1}},
    {"فبراير", {Kind::kMonth, 2}},
    {"مارس", {Kind::kMonth, 3, kWeak}},  // also "he practised"
    {"أبريل", {Kind::kMonth, 4}},
    {"مايو", {Kind::kMonth, 5}},
    {"يونيو", {Kind::kMonth, 6}},
    {"يونيه", {Kind::kMonth, 6}},
    {"يوليو", {Kind::kMonth, 7}},
    {"يوليه", {Kind::kMonth, 7}},
    {"أغسطس", {Kind::kMonth, 8}},
    {"سبتمبر", {Kind::kMonth, 9}},
    {"أكتوبر", {Kind::kMonth, 10}},
    {"نوفمبر", {Kind::kMonth, 11}},
    {"ديسمبر", {Kind::kMonth, 12}},
    // Algerian and Tunisian (from French), then Moroccan names.
    {"جانفي", {Kind::kMonth, 1}},
    {"جانفييه", {Kind::kMonth, 1}},
    {"فيفري", {Kind::kMonth, 2}},
    {"أفريل", {Kind::kMonth, 4}},
    {"ماي", {Kind::kMonth, 5, kWeak}},   // also dialect "my", "water"
    {"جوان", {Kind::kMonth, 6, kWeak}},  // also a first name
    {"جويلية", {Kind::kMonth, 7}},
    {"أوت", {Kind::kMonth, 8}},
    {"يوليوز", {Kind::kMonth, 7}},
    {"غشت", {Kind::kMonth, 8}},
    {"شتنبر", {Kind::kMonth, 9}},
    {"نونبر", {Kind::kMonth, 11}},
    {"دجنبر", {Kind::kMonth, 12}},
    // Levantine and Iraqi (Syriac) names.
    {"كانون", {Kind::kKanun}},
    {"شباط", {Kind::kMonth, 2}},
    {"آذار", {Kind::kMonth, 3}},
    {"نيسان", {Kind::kMonth, 4, kWeak}},  // also the car maker
    {"أيار", {Kind::kMonth, 5}},
    {"حزيران", {Kind::kMonth, 6}},
    {"تموز", {Kind::kMonth, 7, kWeak}},  // also Tammuz, the god and names after him
    {"آب", {Kind::kMonth, 8, kWeak}},    // its key is that of أب "father"
    {"أيلول", {Kind::kMonth, 9}},
    {"تشرين", {Kind::kTishrin}},
    // Hijri months; the one-word names are also personal names or words
    // (صفر zero, محرم forbidden, رمضان and رجب first names).
    {"محرم", {Kind::kHijriMonth, 1, kWeak | kArticleOk}},
    {"صفر", {Kind::kHijriMonth, 2, kWeak}},
    {"ربيع", {Kind::kRabi}},
    {"جمادى", {Kind::kJumada}},
    {"رجب", {Kind::kHijriMonth, 7, kWeak}},
    {"شعبان", {Kind::kHijriMonth, 8, kWeak}},
    {"رمضان", {Kind::kHijriMonth, 9, kWeak}},
    {"شوال", {Kind::kHijriMonth, 10, kWeak}},
    {"ذو", {Kind::kDhu}},
    {"ذي", {Kind::kDhu}},  // genitive of ذو
    {"قعدة", {Kind::kQaada}},
    {"حجة", {Kind::kHijja}},
    // Ordinals: first ... tenth, "the one" of 11/21/31, first/second
    // (feminine), latter, ten/-teen, twentieth/thirtieth.
    {"أول", {Kind::kOrdinal, 1}},
    {"ثاني", {Kind::kOrdinal, 2}},
    {"ثالث", {Kind::kOrdinal, 3}},
    {"رابع", {Kind::kOrdinal, 4}},
    {"خامس", {Kind::kOrdinal, 5}},
    {"سادس", {Kind::kOrdinal, 6}},
    {"سابع", {Kind::kOrdinal, 7}},
    {"ثامن", {Kind::kOrdinal, 8}},
    {"تاسع", {Kind::kOrdinal, 9}},
    {"عاشر", {Kind::kOrdinal, 10}},
    {"حادي", {Kind::kHadi, 1}},
    {"أولى", {Kind::kOrdinalFem, 1}},
    {"ثانية", {Kind::kOrdinalFem, 2}},
    {"آخر", {Kind::kLast, 2}},
    {"آخرة", {Kind::kLast, 2}},
    {"عشر", {Kind::kTen, 10}},
    {"عشرة", {Kind::kTen, 10}},
    {"عشرين", {Kind::kTens, 20}},
    {"ثلاثين", {Kind::kTens, 30}},
    // Cardinals three ... nine, feminine and masculine forms.
    {"ثلاثة", {Kind::kCardinal, 3}},
    {"ثلاث", {Kind::kCardinal, 3}},
    {"أربعة", {Kind::kCardinal, 4}},
    {"أربع", {Kind::kCardinal, 4}},
    {"خمسة", {Kind::kCardinal, 5}},
    {"خمس", {Kind::kCardinal, 5}},
    {"ستة", {Kind::kCardinal, 6}},
    {"ست", {Kind::kCardinal, 6}},
    {"سبعة", {Kind::kCardinal, 7}},
    {"سبع", {Kind::kCardinal, 7}},
    {"ثمانية", {Kind::kCardinal, 8}},
    {"ثماني", {Kind::kCardinal, 8}},
    {"ثمان", {Kind::kCardinal, 8}},
    {"تسعة", {Kind::kCardinal, 9}},
    {"تسع", {Kind::kCardinal, 9}},
    // Units: day, week, month, year; singular (1), dual (2), and the plural
    // or accusative singular that follows a number (0).
    {"يوم", {Kind::kUnit, kDayUnit, 1}},
    {"يوما", {Kind::kUnit, kDayUnit, 0}},
    {"أيام", {Kind::kUnit, kDayUnit, 0}},
    {"يومين", {Kind::kUnit, kDayUnit, 2}},
    {"يومان", {Kind::kUnit, kDayUnit, 2}},
    {"أسبوع", {Kind::kUnit, kWeekUnit, 1}},
    {"أسبوعا", {Kind::kUnit, kWeekUnit, 0}},
    {"أسابيع", {Kind::kUnit, kWeekUnit, 0}},
    {"أسبوعين", {Kind::kUnit, kWeekUnit, 2}},
    {"أسبوعان", {Kind::kUnit, kWeekUnit, 2}},
    {"شهر", {Kind::kUnit, kMonthUnit, 1}},
    {"شهرا", {Kind::kUnit, kMonthUnit, 0}},
    {"أشهر", {Kind::kUnit, kMonthUnit, 0}},
    {"شهور", {Kind::kUnit, kMonthUnit, 0}},
    {"شهرين", {Kind::kUnit, kMonthUnit, 2}},
    {"شهران", {Kind::kUnit, kMonthUnit, 2}},
    {"عام", {Kind::kUnit, kYearUnit, 1}},
    {"سنة", {Kind::kUnit, kYearUnit, 1}},
    {"عاما", {Kind::kUnit, kYearUnit, 0}},
    {"أعوام", {Kind::kUnit, kYearUnit, 0}},
    {"سنوات", {Kind::kUnit, kYearUnit, 0}},
    {"سنين", {Kind::kUnit, kYearUnit, 0}},
    {"عامين", {Kind::kUnit, kYearUnit, 2}},
    {"عامان", {Kind::kUnit, kYearUnit, 2}},
    {"سنتين", {Kind::kUnit, kYearUnit, 2}},
    {"سنتان", {Kind::kUnit, kYearUnit, 2}},
    // Weekdays, Sunday first.
    {"أحد", {Kind::kWeekday, 0}},
    {"اثنين", {Kind::kWeekday, 1}},
    {"ثلاثاء", {Kind::kWeekday, 2}},
    {"أربعاء", {Kind::kWeekday, 3}},
    {"خميس", {Kind::kWeekday, 4}},
    {"جمعة", {Kind::kWeekday, 5}},
    {"سبت", {Kind::kWeekday, 6}},
    // Qualifiers, masculine and feminine: past, elapsed, gone by; current,
    // present; coming, next.
    {"ماضي", {Kind::kQualifier, -1}},
    {"ماضية", {Kind::kQualifier, -1}},
    {"منصرم", {Kind::kQualifier, -1}},
    {"منصرمة", {Kind::kQualifier, -1}},
    {"فائت", {Kind::kQualifier, -1}},
    {"فائتة", {Kind::kQualifier, -1}},
    {"جاري", {Kind::kQualifier, 0}},
    {"جارية", {Kind::kQualifier, 0}},
    {"حالي", {Kind::kQualifier, 0}},
    {"حالية", {Kind::kQualifier, 0}},
    {"مقبل", {Kind::kQualifier, 1}},
    {"مقبلة", {Kind::kQualifier, 1}},
    {"قادم", {Kind::kQualifier, 1}},
    {"قادمة", {Kind::kQualifier, 1}},
    // After two months: "نوفمبر وديسمبر المقبلين".
    {"ماضيين", {Kind::kQualifier, -1}},
    {"منصرمين", {Kind::kQualifier, -1}},
    {"مقبلين", {Kind::kQualifier, 1}},
    {"قادمين", {Kind::kQualifier, 1}},
    {"هذا", {Kind::kThis}},  // this (masculine)
    {"هذه", {Kind::kThis}},  // this (feminine)
    // Yesterday, last night; tomorrow, the morrow.
    {"أمس", {Kind::kYesterday}},
    {"بارحة", {Kind::kYesterday}},
    {"غدا", {Kind::kTomorrow}},
    {"غد", {Kind::kTomorrow, 0, kNeedsArticle}},
    // Start, beginnings, early part, opening; middle; end, late part, close.
    {"مطلع", {Kind::kModifier, kStart}},
    {"بداية", {Kind::kModifier, kStart}},
    {"بدايات", {Kind::kModifier, kStart}},
    {"أوائل", {Kind::kModifier, kStart}},
    {"مستهل", {Kind::kModifier, kStart}},
    {"منتصف", {Kind::kModifier, kMiddle}},
    {"أواسط", {Kind::kModifier, kMiddle}},
    {"نهاية", {Kind::kModifier, kEnd}},
    {"نهايات", {Kind::kModifier, kEnd}},
    {"أواخر", {Kind::kModifier, kEnd}},
    {"ختام", {Kind::kModifier, kEnd}},
    // Era markers after a year: م, ميلادي (AD, "of the birth"), هـ, هجري
    // (AH, "of the Hijra").
    {"م", {Kind::kEra, 0, kAbbreviation}},
    {"ميلادي", {Kind::kEra, 0}},
    {"ميلادية", {Kind::kEra, 0}},
    {"ميلاد", {Kind::kEra, 0}},
    {"ه", {Kind::kEra, 1}},
    {"هجري", {Kind::kEra, 1}},
    {"هجرية", {Kind::kEra, 1}},
    {"هجرة", {Kind::kEra, 1}},
    // Prepositions: in, since, until, during, before, after, to.
    {"في", {Kind::kPrep, kFi}},
    {"منذ", {Kind::kPrep, kMundhu}},
    {"حتى", {Kind::kPrep, kHatta}},
    {"خلال", {Kind::kPrep, kKhilal}},
    {"قبل", {Kind::kPrep, kQabl}},
    {"بعد", {Kind::kPrep, kBaad}},
    {"إلى", {Kind::kPrep, kIla}},
    {"من", {Kind::kMin}},
    {"موافق", {Kind::kMuwafiq}},
    {"موافقة", {Kind::kMuwafiq}},
    {"نحو", {Kind::kApprox}},    // about
    {"حوالي", {Kind::kApprox}},  // around
    {"قرابة", {Kind::kApprox}},  // nearly
    // "The following/previous/world/international/national/one/same day",
    // "that day": اليوم is then not "today".
    {"تالي", {Kind::kNotToday}},
    {"سابق", {Kind::kNotToday}},
    {"عالمي", {Kind::kNotToday}},
    {"دولي", {Kind::kNotToday}},
    {"وطني", {Kind::kNotToday}},
    {"واحد", {Kind::kNotToday}},
    {"نفس", {Kind::kNotToday}},
    {"نفسه", {Kind::kNotToday}},
    {"ذات", {Kind::kNotToday}},
    {"ذاته", {Kind::kNotToday}},
    {"ذلك", {Kind::kNotToday}},
    // Will; scheduled, planned, awaited (من المقرر أن، المزمع); he, she
    // expects; he, she intends; delivery (a contract's month: تسليم ديسمبر).
    // Not متوقع "expected": على غير المتوقع is "unexpectedly"; not بحلول
    // "by": as often past (تقلص بحلول رمضان) as future.
    {"سوف", {Kind::kFuture}},
    {"مقرر", {Kind::kFuture}},
    {"مقررة", {Kind::kFuture}},
    {"مزمع", {Kind::kFuture}},
    {"مزمعة", {Kind::kFuture}},
    {"مرتقب", {Kind::kFuture}},
    {"مرتقبة", {Kind::kFuture}},
    {"يتوقع", {Kind::kFuture}},
    {"تتوقع", {Kind::kFuture}},
    {"يعتزم", {Kind::kFuture}},
    {"تعتزم", {Kind::kFuture}},
    {"تسليم", {Kind::kFuture}},
};

// Arabic letters fold one to one into letters of the same size, so the key of
// a display word is as long as the word. A word can then be ruled out from its
// length and its first two and last letters, folded one at a time, before the
// whole word is folded and hashed: that keeps the words that are not date
// words (most of them) cheap.
class Lexicon {
 public:
  static const Lexicon& Get() {
    static const Lexicon lexicon;
    return lexicon;
  }

  const Entry* Find(std::string_view key) const {
    for (size_t i = Hash(key);; ++i) {
      const Slot& slot = slots_[i % slots_.size()];
      if (slot.key.empty()) return nullptr;
      if (slot.key == key) return &slot.entry;
    }
  }

  size_t max_key_size() const { return max_key_size_; }

  // The match-level form of a letter of U+0600-U+06FF; 0 for any other
  // character and for those whose key is not one two-byte letter.
  char32_t Fold(char32_t c) const { return c >= 0x600 && c < 0x700 ? fold_[c - 0x600] : 0; }

  // False if no key of `size` bytes starts with the folded letters `first`
  // and `second` (0 for a one-letter key) and ends with `last`.
  bool MayContain(char32_t first, char32_t second, char32_t last, size_t size) const {
    return filter_[Fingerprint(first, second, last, size)];
  }

 private:
  static constexpr int kFilterBits = 13;

  // Open addressing, at most half full; keys are short and hashed often, so
  // FNV-1a beats the general-purpose hash of std::unordered_map.
  struct Slot {
    std::string key;
    Entry entry;
  };

  static size_t Hash(std::string_view s) {
    uint32_t h = 2166136261u;
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return h;
  }

  static size_t Fingerprint(char32_t first, char32_t second, char32_t last, size_t size) {
    const uint32_t h = (static_cast<uint32_t>(first) << 20) ^ (static_cast<uint32_t>(second) << 10) ^
                       (static_cast<uint32_t>(last) << 4) ^ static_cast<uint32_t>(size);
    return (h * 0x9E3779B1u) >> (32 - kFilterBits);
  }

  Lexicon() {
    for (char32_t c = 0x600; c < 0x700; ++c) {
      std::string letter;
      internal::AppendUtf8(c, &letter);
      const std::string key = MatchKey(letter);
      size_t at = 0;
      if (key.size() == 2) fold_[c - 0x600] = internal::DecodeUtf8(key, &at);
    }
    for (const WordEntry& w : kWords) {
      std::string key = MatchKey(w.word);
      size_t at = 0;
      const char32_t first = internal::DecodeUtf8(key, &at);
      const char32_t second = at < key.size() ? internal::DecodeUtf8(key, &at) : 0;
      at = key.size() - 2;
      filter_[Fingerprint(first, second, internal::DecodeUtf8(key, &at), key.size())] = true;
      max_key_size_ = std::max(max_key_size_, key.size());
      size_t i = Hash(key);
      while (!slots_[i % slots_.size()].key.empty()) ++i;
      slots_[i % slots_.size()] = {std::move(key), w.entry};
    }
  }

  std::array<Slot, 2 * std::size(kWords)> slots_;
  size_t max_key_size_ = 0;
  std::array<char32_t, 0x100> fold_{};
  std::bitset<size_t{1} << kFilterBits> filter_;
};

// ---------------------------------------------------------------------------
// One token as the date parser sees it.

struct Lex {
  size_t index = SIZE_MAX;  // the token this describes
  Kind kind = Kind::kNone;
  int8_t value = 0;
  uint8_t aux = 0;
  bool article = false;  // carries ال
  bool glued = false;    // a preposition the tokenizer left on (بمارس، لعام)
  uint8_t skip = 0;      // bytes of such glued clitics at the start of the stem
  uint8_t digits = 0;    // kNumber: number of digits, 0 unless plain digits
  int32_t number = -1;   // kNumber: the value of plain digits (at most 6)
};


class Scanner {
 public:
  Scanner(std::string_view text, const std::vector<Token>& tokens, std::optional<Date> published)
      : text_(text), tokens_(tokens), lexicon_(Lexicon::Get()) {
    if (published && IsValidDay(published->year, published->month, published->day)) {
      pub_ = published;
      pub_days_ = DaysFromCivil(pub_->year, pub_->month, pub_->day);
    }
  }

  std::vector<DateMention> Run() {
    std::vector<DateMention> out;
    for (size_t i = 0; i < tokens_.size();) {
      Match m;
      if (At(i).kind != Kind::kNone && Try(i, &m)) {
        out.push_back({{WordBegin(m.first), tokens_[m.end - 1].span.end},
                       m.date,
                       m.precision,
                       m.relative,
                       m.hijri});
        i = std::max(m.end, i + 1);
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  struct Match {
    size_t first = 0;  // tokens [first, end)
    size_t end = 0;
    Date date;
    Precision precision = Precision::kDay;
    bool relative = false;
    bool hijri = false;
  };

  struct MonthName {
    bool hijri = false;
    int month = 0;
    size_t end = 0;
    bool weak = false;
    bool glued = false;
  };

  // What follows a month name: a year, a year relative to publication
  // ("من العام الماضي"), a qualifier ("الماضي"), or nothing.
  enum class TailKind { kNone, kYear, kOffset, kPast, kFuture };
  struct Tail {
    TailKind kind = TailKind::kNone;
    int value = 0;
    bool gregorian = true;  // kYear after a Hijri month: which calendar's year
    size_t end = 0;
    // kNone: +1 if the clause speaks of what is to come (FutureClause), -1
    // after منذ "since", which names a month that has begun.
    int lean = 0;
  };

  struct Year {
    int year = 0;
    bool hijri = false;
    size_t end = 0;
  };

  void Classify(const Token& t, Lex* x) const {
    const std::string_view stem = Slice(t.stem);
    if (t.kind == TokenKind::kNumber) {
      x->kind = Kind::kNumber;
      if (stem.size() > 6) return;
      int32_t v = 0;
      for (char c : stem) {
        if (!IsDigit(c)) return;
        v = v * 10 + (c - '0');
      }
      x->number = v;
      x->digits = static_cast<uint8_t>(stem.size());
      return;
    }
    if (t.kind == TokenKind::kPunct) {
      if (stem == "/") {
        x->kind = Kind::kSlash;
      } else if (stem == "(") {
        x->kind = Kind::kOpenParen;
      } else if (stem == ")") {
        x->kind = Kind::kCloseParen;
      } else if (stem == "," || stem == "،") {
        x->kind = Kind::kComma;
      }
      return;
    }
    if (t.kind != TokenKind::kWord) return;
    for (int k = 0; k < t.clitic_count; ++k) {
      // A pronoun makes a possessive (يومها "its day", "that day"), never a date.
      if (t.clitics[k].role == Clitic::kPronoun) return;
      if (t.clitics[k].role == Clitic::kArticle) x->article = true;
    }
    // Two glued clitic letters (وب، فل) plus the longest key.
    if (stem.size() > lexicon_.max_key_size() + 4 || !MayBeDateWord(stem)) return;
    const std::string_view key = FoldToKey(stem, &key_);
    const Entry* e = lexicon_.Find(key);
    if (e == nullptr) e = FindUnglued(key, x);
    if (e == nullptr) return;
    x->kind = e->kind;
    x->value = e->value;
    x->aux = e->aux;
  }

  // Whether `word`, or what follows a glued و ف ب ل ك, may be in the lexicon.
  // Words whose ends are not plain two-byte letters are let through.
  bool MayBeDateWord(std::string_view word) const {
    auto letter = [&](size_t at) -> char32_t {
      if (at + 2 > word.size() || (word[at] & 0xE0) != 0xC0) return 0;
      size_t next = at;
      return lexicon_.Fold(internal::DecodeUtf8(word, &next));
    };
    if (word.size() < 2) return false;
    const char32_t last = letter(word.size() - 2);
    if (last == 0) return true;
    // What is left after a clitic is two letters at least (see FindUnglued).
    for (size_t at = 0; at == 0 || at + 4 <= word.size(); at += 2) {
      const char32_t first = letter(at);
      const char32_t second = at + 2 < word.size() ? letter(at + 2) : 0;
      if (first == 0 || (second == 0 && at + 2 < word.size())) return true;
      if (lexicon_.MayContain(first, second, last, word.size() - at)) return true;
      const bool clitic = first == U'ب' || first == U'ل' || first == U'ك' ||
                          (at == 0 && (first == U'و' || first == U'ف'));
      if (!clitic) return false;
    }
    return false;
  }

  // The tokenizer splits و ف ب ل only where it is sure (before ال or a short
  // list of words); before a date word they are still clitics: ومارس، بمارس،
  // لعام، وأمس. Each is one two-byte letter in both text and key.
  const Entry* FindUnglued(std::string_view key, Lex* x) const {
    constexpr std::string_view kConj[] = {"و", "ف"};
    constexpr std::string_view kPreps[] = {"ب", "ل", "ك"};
    constexpr size_t kMinRest = 4;  // two letters
    auto starts = [](std::string_view s, const auto& set) {
      for (std::string_view p : set) {
        if (s.starts_with(p)) return true;
      }
      return false;
    };
    size_t at = 0;
    if (starts(key, kConj) && key.size() >= 2 + kMinRest) {
      at = 2;
      if (const Entry* e = lexicon_.Find(key.substr(at))) {
        x->skip = 2;
        return e;
      }
    }
    if (starts(key.substr(at), kPreps) && key.size() >= at + 2 + kMinRest) {
      if (const Entry* e = lexicon_.Find(key.substr(at + 2))) {
        x->skip = static_cast<uint8_t>(at + 2);
        x->glued = true;
        return e;
      }
    }
    return nullptr;
  }

  std::string_view Slice(Span s) const {
    if (s.end > text_.size() || s.begin > s.end) return {};
    return text_.substr(s.begin, s.size());
  }

  // Where a mention starting at token i starts: at its ال if it has one,
  // otherwise at its stem, past any conjunction or preposition.
  uint32_t WordBegin(size_t i) const {
    const Token& t = tokens_[i];
    uint32_t begin = t.stem.begin + At(i).skip;
    for (int k = 0; k < t.clitic_count; ++k) {
      const Piece& p = t.clitics[k];
      // The ل of لل alone is not a word: start at the stem then.
      if (p.role == Clitic::kArticle && p.span.end == t.stem.begin && p.span.size() == 4) {
        begin = p.span.begin;
      }
    }
    return begin;
  }

  // Token i classified, through a small cache: parsers look a few tokens
  // ahead and one behind, so a token is classified about once.
  Lex At(size_t i) const {
    if (i >= tokens_.size()) return {};
    Lex& x = cache_[i % cache_.size()];
    if (x.index != i) {
      x = {};
      x.index = i;
      Classify(tokens_[i], &x);
    }
    return x;
  }
  bool Is(size_t i, Kind k) const { return At(i).kind == k; }
  bool IsUnit(size_t i, Unit u, int count) const {
    const Lex& x = At(i);
    return x.kind == Kind::kUnit && x.value == u && x.aux == count;
  }
  // A qualifier such as الماضي; without ال the word is no qualifier.
  bool IsQualifier(size_t i) const { return Is(i, Kind::kQualifier) && At(i).article; }
  static bool StartsDate(Kind k) {
    switch (k) {
      case Kind::kNumber:
      case Kind::kMonth:
      case Kind::kHijriMonth:
      case Kind::kKanun:
      case Kind::kTishrin:
      case Kind::kRabi:
      case Kind::kJumada:
      case Kind::kDhu:
      case Kind::kWeekday:
      case Kind::kOrdinal:
      case Kind::kHadi:
      case Kind::kTens:
      case Kind::kYesterday:
      case Kind::kTomorrow:
        return true;
      default:
        return false;
    }
  }
  // Digits with nothing glued on, as a year must be.
  int PlainNumber(size_t i) const {
    return Is(i, Kind::kNumber) && tokens_[i].clitic_count == 0 ? At(i).number : -1;
  }

  // ---- Entry point: prefixes that only extend what follows them.

  bool Try(size_t i, Match* m) {
    if (IsUnit(i, kDayUnit, 1) && !At(i).article) {
      // يوم "day" before a day: "يوم الأحد", "يوم 5 مارس", "يوم أمس".
      if (TryCore(i + 1, m) && m->first == i + 1 && m->precision == Precision::kDay) {
        m->first = i;
        return true;
      }
      return false;
    }
    if (Is(i, Kind::kModifier)) return TryModified(i, m);
    return TryCore(i, m);
  }

  bool TryCore(size_t i, Match* m) {
    switch (At(i).kind) {
      case Kind::kNumber:
        return TryNumeric(i, m) || TryDayMonth(i, m) || TryBareYear(i, m);
      case Kind::kOrdinal:
        return TryDayMonth(i, m) || TryDayBeforeYesterday(i, m);
      case Kind::kHadi:
      case Kind::kTens:
        return TryDayMonth(i, m);
      case Kind::kMonth:
      case Kind::kHijriMonth:
      case Kind::kKanun:
      case Kind::kTishrin:
      case Kind::kRabi:
      case Kind::kJumada:
      case Kind::kDhu:
        return TryMonth(i, false, m);
      case Kind::kUnit:
        return TryMonth(i, false, m) || TryYearNoun(i, m) || TryRelativeUnit(i, m);
      case Kind::kWeekday:
        return TryWeekday(i, m);
      case Kind::kPrep:
        return TryPrep(i, m);
      case Kind::kThis:
        return TryThis(i, m);
      case Kind::kYesterday:
        return Relative(i, i + 1, -1, m);
      case Kind::kTomorrow:
        return (At(i).article || !(At(i).aux & kNeedsArticle)) && Relative(i, i + 1, 1, m);
      default:
        return false;
    }
  }

  // ---- Numeric dates: 5/3/2024, 5.3.2024, 2024-03-05, read from the text
  // itself since the tokenizer may keep "5.3" as one decimal number.

  bool TryNumeric(size_t i, Match* m) {
    size_t p = tokens_[i].stem.begin;
    if (p > 0 && (IsDigit(text_[p - 1]) || text_[p - 1] == '/' || text_[p - 1] == '-' ||
                  text_[p - 1] == '.')) {
      return false;
    }
    auto read = [&](int* v) {
      size_t len = 0;
      *v = 0;
      while (p < text_.size() && IsDigit(text_[p]) && len < 5) {
        *v = *v * 10 + (text_[p++] - '0');
        ++len;
      }
      return len;
    };
    int a, b, c;
    const size_t la = read(&a);
    if (p >= text_.size()) return false;
    const char sep = text_[p];
    if (sep != '/' && sep != '-' && sep != '.') return false;
    ++p;
    const size_t lb = read(&b);
    if (lb < 1 || lb > 2 || p >= text_.size() || text_[p] != sep) return false;
    ++p;
    const size_t lc = read(&c);
    // Another digit, or a separator and a digit, means a longer sequence.
    if (p < text_.size() &&
        (IsDigit(text_[p]) || ((text_[p] == sep || text_[p] == ',' || text_[p] == '.') &&
                               p + 1 < text_.size() && IsDigit(text_[p + 1])))) {
      return false;
    }
    int y, mo, d;
    if (la == 4 && lc >= 1 && lc <= 2) {
      y = a, mo = b, d = c;
    } else if (la >= 1 && la <= 2 && lc == 4) {
      // Day first, as Arabic writes it; month first only where unambiguous.
      d = a, mo = b, y = c;
      if (mo > 12 && d <= 12) std::swap(d, mo);
    } else {
      return false;
    }
    if (y < kMinYear || y > kMaxYear || !IsValidDay(y, mo, d)) return false;
    size_t end = i;
    while (end < tokens_.size() && tokens_[end].span.end < p) ++end;
    if (end == tokens_.size() || tokens_[end].span.end != p) return false;
    *m = {i, end + 1, {y, mo, d}, Precision::kDay, false, false};
    return true;
  }

  // ---- Day and month.

  // A day of the month: 1-31 in digits, or an ordinal (الخامس، الحادي عشر،
  // الثاني والعشرين). Sets *end past it and *ordinal for words.
  bool ParseDay(size_t i, int* day, size_t* end, bool* ordinal) const {
    const Lex& x = At(i);
    if (x.kind == Kind::kNumber) {
      if (x.digits < 1 || x.digits > 2 || x.number < 1 || x.number > 31) return false;
      *day = x.number;
      *end = i + 1;
      *ordinal = false;
      return true;
    }
    if (!x.article) return false;
    *ordinal = true;
    const Lex& next = At(i + 1);
    const bool unit = x.kind == Kind::kHadi || (x.kind == Kind::kOrdinal && x.value <= 9);
    if (unit && next.kind == Kind::kTen && !next.article && (x.kind == Kind::kHadi || x.value >= 2)) {
      *day = 10 + x.value;  // الحادي عشر، الثاني عشر ... التاسع عشر
      *end = i + 2;
    } else if (unit && next.kind == Kind::kTens && next.article && next.value + x.value <= 31 &&
               (x.kind == Kind::kHadi || x.value >= 2)) {
      *day = next.value + x.value;  // الحادي والعشرين ... الحادي والثلاثين
      *end = i + 2;
    } else if (x.kind == Kind::kOrdinal || x.kind == Kind::kTens) {
      *day = x.value;
      *end = i + 1;
    } else {
      return false;
    }
    return true;
  }

  bool TryDayMonth(size_t i, Match* m) {
    int day;
    size_t j;
    bool ordinal;
    if (!ParseDay(i, &day, &j, &ordinal)) return false;
    const bool of = Is(j, Kind::kMin);  // "الخامس من مارس", the fifth of March
    if (of) {
      ++j;
    } else if (ordinal) {
      return false;
    }
    MonthName name;
    if (ParseMonthName(j, true, &name)) {
      const Tail tail = ParseTail(name.end, name.hijri);
      if (!Resolve(name, day, tail, m)) return false;
      m->first = i;
      m->end = tail.end;
      return true;
    }
    // A day of a relative month: "الخامس من الشهر الجاري", the 5th of this month.
    int y, mo;
    size_t end;
    if (!of || !ParseRelativeMonth(j, false, &y, &mo, &end) || !IsValidDay(y, mo, day)) return false;
    *m = {i, end, {y, mo, day}, Precision::kDay, true, false};
    return true;
  }

  // A month name, with its double form ("آذار/مارس", "مارس (آذار)") if
  // `doubled` allows.
  bool ParseMonthName(size_t j, bool doubled, MonthName* name) const {
    const Lex& x = At(j);
    const Lex& next = At(j + 1);
    const int ord = next.kind == Kind::kOrdinal || next.kind == Kind::kOrdinalFem ? next.value
                    : next.kind == Kind::kLast                                    ? 2
                                                                                  : 0;
    *name = {};
    name->end = j + 2;
    name->glued = x.glued;
    switch (x.kind) {
      case Kind::kMonth:
      case Kind::kHijriMonth:
        if (x.article && !(x.aux & kArticleOk)) return false;
        name->hijri = x.kind == Kind::kHijriMonth;
        name->month = x.value;
        name->weak = x.aux & kWeak;
        name->end = j + 1;
        break;
      case Kind::kKanun:
        if (next.kind != Kind::kOrdinal || ord > 2) return false;
        name->month = ord == 1 ? 12 : 1;
        break;
      case Kind::kTishrin:
        if (next.kind != Kind::kOrdinal || ord > 2) return false;
        name->month = ord == 1 ? 10 : 11;
        break;
      case Kind::kRabi:
        if (ord < 1 || ord > 2 || (ord == 1 && next.kind != Kind::kOrdinal)) return false;
        name->hijri = true;
        name->month = 2 + ord;
        break;
      case Kind::kJumada:
        if (ord < 1 || ord > 2) return false;
        name->hijri = true;
        name->month = 4 + ord;
        break;
      case Kind::kDhu:
        if (next.kind != Kind::kQaada && next.kind != Kind::kHijja) return false;
        name->hijri = true;
        name->month = next.kind == Kind::kQaada ? 11 : 12;
        break;
      default:
        return false;
    }
    if (!doubled || name->hijri) return name->month > 0;
    // The same month under its other name, after a slash or in brackets.
    MonthName other;
    const size_t k = name->end;
    if (Is(k, Kind::kSlash) && ParseMonthName(k + 1, false, &other) && !other.hijri &&
        other.month == name->month) {
      name->end = other.end;
      name->weak = name->weak && other.weak;
    } else if (Is(k, Kind::kOpenParen) && ParseMonthName(k + 1, false, &other) && !other.hijri &&
               other.month == name->month && Is(other.end, Kind::kCloseParen)) {
      name->end = other.end + 1;
      name->weak = name->weak && other.weak;
    }
    return true;
  }

  // A year written in digits at i, with its era marker. Gregorian years must
  // be four digits from `min_year` to kMaxYear; هـ makes a Hijri year.
  // `hijri_month` reads unmarked years below kMaxHijriYear as Hijri.
  bool ParseYear(size_t i, int min_year, bool hijri_month, Year* y) const {
    const int n = PlainNumber(i);
    const Lex& era = At(i + 1);
    const bool marked = era.kind == Kind::kEra;
    const bool hijri = marked ? era.value == 1 : hijri_month && n <= kMaxHijriYear;
    if (hijri) {
      if (At(i).digits < 3 || n < 1 || n > kMaxHijriYear) return false;
    } else if (At(i).digits != 4 || n < min_year || n > kMaxYear) {
      return false;
    }
    *y = {n, hijri, i + 1 + marked};
    return true;
  }

  Tail ParseTail(size_t j, bool hijri) const {
    Tail t;
    t.end = j;
    Year y;
    // "29 مايو، 2019": a comma may stand before the year.
    const size_t k = Is(j, Kind::kComma) ? j + 1 : j;
    if (ParseYear(k, kMinYear, hijri, &y) ||
        // "مارس من العام 2024", "مارس عام 2024": March of the year 2024.
        (IsUnit(k + Is(k, Kind::kMin), kYearUnit, 1) &&
         ParseYear(k + Is(k, Kind::kMin) + 1, kMinYear, hijri, &y))) {
      return {TailKind::kYear, y.year, !y.hijri, y.end};
    }
    const size_t u = j + Is(j, Kind::kMin);
    // "من العام الماضي" of last year, "من هذا العام" of this year.
    if (IsUnit(u, kYearUnit, 1) && At(u).article && IsQualifier(u + 1)) {
      return {TailKind::kOffset, At(u + 1).value, true, u + 2};
    }
    if (Is(u, Kind::kThis) && IsUnit(u + 1, kYearUnit, 1) && At(u + 1).article) {
      return {TailKind::kOffset, 0, true, u + 2};
    }
    // "مارس الماضي" last March, "مايو الجاري" this May, "مارس المقبل" next March.
    if (IsQualifier(j)) {
      const int v = At(j).value;
      return {v < 0 ? TailKind::kPast : v > 0 ? TailKind::kFuture : TailKind::kOffset, 0, true,
              j + 1};
    }
    return t;
  }

  // A month name, after شهر "the month of" or a modifier when `context`.
  bool TryMonth(size_t i, bool context, Match* m) {
    size_t j = i;
    if (IsUnit(i, kMonthUnit, 1) && !At(i).article) {
      ++j;
      context = true;
    }
    MonthName name;
    if (!ParseMonthName(j, true, &name)) return false;
    Tail tail = ParseTail(name.end, name.hijri);
    if (name.weak && !context && tail.kind == TailKind::kNone &&
        (name.glued || i == 0 || !Is(i - 1, Kind::kPrep))) {
      return false;
    }
    if (tail.kind == TailKind::kNone) {
      const bool since = i > 0 && Is(i - 1, Kind::kPrep) && At(i - 1).value == kMundhu;
      tail.lean = since ? -1 : FutureClause(i, tail.end) ? 1 : 0;
    }
    if (!Resolve(name, 0, tail, m)) return false;
    m->first = i;
    m->end = tail.end;
    return true;
  }

  // The year for a month (and day) given without one, in the calendar of
  // `ref` (the publication date in that calendar).
  static int ChooseYear(const Date& ref, int month, int day, const Tail& t) {
    switch (t.kind) {
      case TailKind::kOffset:
        return ref.year + t.value;
      case TailKind::kPast:
        return month < ref.month || (month == ref.month && day > 0 && day < ref.day)
                   ? ref.year
                   : ref.year - 1;
      case TailKind::kFuture:
        return month > ref.month || (month == ref.month && day > ref.day) ? ref.year
                                                                          : ref.year + 1;
      default: {
        if (day > 0) {
          const int delta = month - ref.month;
          return ref.year - (delta >= 6) + (delta < -6);
        }
        // A month alone: news names the coming weeks' months without
        // marking them (تسليم سبتمبر، اعتبارا من مطلع سبتمبر), but a month
        // further ahead is mostly one that has passed ("هاجمها مسلحون في
        // يناير", gunmen attacked it in January, read in August), unless its
        // clause speaks of the future; after منذ it has passed however near.
        const int ahead = (month - ref.month + 12) % 12;
        const int horizon = t.lean < 0   ? 0
                            : t.lean > 0 ? kMonthsAheadMarked
                                         : kMonthsAheadUnmarked;
        if (ahead <= horizon) {
          return month >= ref.month ? ref.year : ref.year + 1;
        }
        return month <= ref.month ? ref.year : ref.year - 1;
      }
    }
  }

  // Whether the clause of a month without a year, tokens [first, end),
  // speaks of the future: a future verb (سيزور), سوف or من المقرر in the
  // words before it, or المقبل right after it ("سبتمبر أيلول المقبل", the
  // month's other name written without a slash). Not المقبل before it: that
  // is another noun's (الموسم المقبل، المهاجرين القادمين من).
  bool FutureClause(size_t first, size_t end) const {
    constexpr size_t kBefore = 8;
    constexpr size_t kAfter = 3;  // "ديسمبر كانون الأول المقبل"
    const size_t stop = first > kBefore ? first - kBefore : 0;
    for (size_t k = first; k-- > stop;) {
      if (EndsClause(k)) break;
      if (Is(k, Kind::kFuture) || FutureVerb(k)) return true;
    }
    for (size_t k = end; k < end + kAfter && k < tokens_.size() && !EndsClause(k); ++k) {
      if (IsQualifier(k) && At(k).value > 0) return true;
    }
    return false;
  }

  // Punctuation that ends a clause: a future verb beyond it tells of
  // another event.
  bool EndsClause(size_t k) const {
    if (tokens_[k].kind != TokenKind::kPunct) return false;
    const std::string_view p = Slice(tokens_[k].span);
    return p == "." || p == "," || p == "،" || p == ";" || p == "؛" || p == ":" || p == "!" ||
           p == "?" || p == "؟";
  }

  // سيزور، ستعقد، سنعمل، سأزور: س before an imperfect verb. The tokenizer
  // marks it only before a few verbs; this looser shape (a prefix ي ت ن أ,
  // three letters more, not a noun such as سياسي or سيارات) lets some names
  // through (سيدني), which costs little here: they only turn a month three
  // to five months ahead towards the future.
  bool FutureVerb(size_t k) const {
    const Token& t = tokens_[k];
    if (t.kind != TokenKind::kWord) return false;
    for (int c = 0; c < t.clitic_count; ++c) {
      if (t.clitics[c].role == Clitic::kFuture) return true;
    }
    const std::string_view w = Slice(t.span);
    std::array<char32_t, 16> c{};
    size_t n = 0;
    for (size_t at = 0; at < w.size();) {
      if (n == c.size()) return false;
      c[n++] = internal::DecodeUtf8(w, &at);
    }
    const size_t s = n > 0 && (c[0] == U'و' || c[0] == U'ف') ? 1 : 0;  // وسيزور
    if (n < s + 5 || c[s] != U'س') return false;
    const char32_t prefix = c[s + 1];
    if (prefix != U'ي' && prefix != U'ت' && prefix != U'ن' && prefix != U'أ') return false;
    if (c[s + 2] == U'ا' || c[s + 2] == U'ي') return false;  // سياسي، سيارة، ستيفن
    // Endings of nouns, adjectives and foreign names: ة، ات، اء، ين، ا.
    const char32_t last = c[n - 1];
    const char32_t before = c[n - 2];
    return last != U'ة' && last != U'ا' && !(before == U'ا' && (last == U'ت' || last == U'ء')) &&
           !(before == U'ي' && last == U'ن');
  }

  bool Resolve(const MonthName& name, int day, const Tail& tail, Match* m) {
    *m = {};
    m->precision = day > 0 ? Precision::kDay : Precision::kMonth;
    m->relative = tail.kind != TailKind::kYear;
    if (!name.hijri) {
      if ((m->relative && !pub_) || !tail.gregorian) return false;
      const int y = m->relative ? ChooseYear(*pub_, name.month, day, tail) : tail.value;
      if (!(day > 0 ? IsValidDay(y, name.month, day) : IsValidYear(y))) return false;
      m->date = {y, name.month, day};
      return true;
    }
    m->hijri = true;
    if (day > 30) return false;
    int hy;
    if (tail.kind == TailKind::kYear) {
      hy = tail.gregorian ? HijriYearIn(tail.value, name.month, day) : tail.value;
    } else {
      const std::optional<Date> ref = PublishedHijri();
      if (!ref) return false;
      hy = ChooseYear(*ref, name.month, day, tail);
    }
    const std::optional<Date> g = ToGregorian(hy, name.month, day > 0 ? day : 1);
    if (!g) return false;
    m->date = *g;
    if (day == 0) m->date.day = 0;
    return true;
  }

  // The Hijri year whose month `month` (day `day`) falls in Gregorian year `gy`:
  // a Hijri year is 11 days shorter, so there are 33 of them in 32 of ours.
  int HijriYearIn(int gy, int month, int day) {
    const int estimate = (gy - 622) * 33 / 32;
    for (int hy = estimate - 1; hy <= estimate + 2; ++hy) {
      const std::optional<Date> g = ToGregorian(hy, month, day > 0 ? day : 1);
      if (g && g->year == gy) return hy;
    }
    return estimate;
  }

  // الشهر الماضي/الجاري/المقبل, هذا الشهر; with `bare`, also الشهر alone.
  bool ParseRelativeMonth(size_t j, bool bare, int* y, int* mo, size_t* end) const {
    int offset = 0;
    if (IsUnit(j, kMonthUnit, 1) && At(j).article && IsQualifier(j + 1)) {
      offset = At(j + 1).value;
      *end = j + 2;
    } else if (Is(j, Kind::kThis) && IsUnit(j + 1, kMonthUnit, 1) && At(j + 1).article) {
      *end = j + 2;
    } else if (bare && IsUnit(j, kMonthUnit, 1) && At(j).article) {
      *end = j + 1;
    } else {
      return false;
    }
    if (!pub_) return false;
    const int64_t index = int64_t{pub_->year} * 12 + pub_->month - 1 + offset;
    *y = static_cast<int>(index / 12);
    *mo = static_cast<int>(index % 12) + 1;
    return IsValidYear(*y);
  }

  // ---- Years.

  Match YearMatch(size_t first, const Year& y) {
    Match m{first, y.end, {y.year, 0, 0}, Precision::kYear, false, y.hijri};
    if (y.hijri) {
      const std::optional<Date> g = ToGregorian(y.year, 1, 1);
      m.date.year = g ? g->year : 0;
    }
    return m;
  }

  // عام 2015، العام 2015، سنة 1436 هـ.
  bool TryYearNoun(size_t i, Match* m) {
    Year y;
    if (!IsUnit(i, kYearUnit, 1) || !ParseYear(i + 1, kMinYear, false, &y)) return false;
    *m = YearMatch(i, y);
    return m->date.year > 0;
  }

  // A year in digits alone needs its era marker: "1436 هـ", "2015 ميلادية".
  bool TryBareYear(size_t i, Match* m) {
    Year y;
    if (!Is(i + 1, Kind::kEra) || (At(i + 1).aux & kAbbreviation) ||
        !ParseYear(i, kMinBareYear, false, &y)) {
      return false;
    }
    *m = YearMatch(i, y);
    return m->date.year > 0;
  }

  bool TryPrep(size_t i, Match* m) {
    const int prep = At(i).value;
    // "في 2015", "منذ 2015", "حتى 2015", "خلال 2015": the span is the year.
    if (prep == kFi || prep == kMundhu || prep == kHatta || prep == kKhilal) {
      Year y;
      if (Is(i + 1, Kind::kNumber) && !TryNumeric(i + 1, m) &&
          ParseYear(i + 1, kMinBareYear, false, &y)) {
        *m = YearMatch(i + 1, y);
        return m->date.year > 0;
      }
    }
    if (prep == kQabl || prep == kMundhu) return TryAgo(i, m);
    // "بعد غد", "بعد الغد": the day after tomorrow.
    if (prep == kBaad && Is(i + 1, Kind::kTomorrow)) return Relative(i, i + 2, 2, m);
    return false;
  }

  // ---- Weekdays.

  bool TryWeekday(size_t i, Match* m) {
    if (!At(i).article) return false;     // أحد "one", اثنين "two", جمعة a name
    if (Is(i + 1, Kind::kTen)) return false;  // الأحد عشر "the eleven"
    // A weekday naming the date after it: "الأحد 24 مارس", "الأحد، 24 مارس",
    // "الثلاثاء الموافق 5 مارس".
    size_t j = i + 1;
    if (Is(j, Kind::kComma)) ++j;
    if (Is(j, Kind::kMuwafiq)) ++j;
    if ((Is(j, Kind::kNumber) && TryNumeric(j, m)) || TryDayMonth(j, m)) {
      m->first = i;
      return true;
    }
    if (!pub_) return false;
    const int target = At(i).value;
    const int qualifier = IsQualifier(i + 1) ? At(i + 1).value : 0;
    const int today = Weekday(pub_days_);
    int64_t offset;
    if (qualifier > 0) {
      offset = (target - today + 7) % 7;
      if (offset == 0) offset = 7;
    } else {
      offset = -((today - target + 7) % 7);
      if (offset == 0 && qualifier < 0) offset = -7;
    }
    return Relative(i, i + 1 + (qualifier != 0), offset, m);
  }

  // ---- Relative expressions.

  // A day `offset` days from publication, spanning tokens [first, end).
  bool Relative(size_t first, size_t end, int64_t offset, Match* m) {
    if (!pub_) return false;
    const Date d = CivilFromDays(pub_days_ + offset);
    if (!IsValidYear(d.year)) return false;
    *m = {first, end, d, Precision::kDay, true, false};
    return true;
  }

  // Publication plus `n` units, at the precision of the unit.
  bool Shifted(size_t first, size_t end, int unit, int64_t n, Match* m) {
    if (!pub_) return false;
    if (unit == kDayUnit || unit == kWeekUnit) {
      return Relative(first, end, unit == kWeekUnit ? 7 * n : n, m);
    }
    *m = {first, end, {}, Precision::kYear, true, false};
    if (unit == kYearUnit) {
      m->date.year = static_cast<int>(pub_->year + n);
      return IsValidYear(pub_->year + n);
    }
    const int64_t index = int64_t{pub_->year} * 12 + pub_->month - 1 + n;
    if (!IsValidYear(index / 12)) return false;
    m->date = {static_cast<int>(index / 12), static_cast<int>(index % 12) + 1, 0};
    m->precision = Precision::kMonth;
    return true;
  }

  // أول أمس، أول من أمس: the day before yesterday.
  bool TryDayBeforeYesterday(size_t i, Match* m) {
    if (At(i).value != 1 || At(i).article) return false;
    const size_t j = i + 1 + Is(i + 1, Kind::kMin);
    return Is(j, Kind::kYesterday) && Relative(i, j + 1, -2, m);
  }

  // Units with ال: اليوم (today), الأسبوع/الشهر/العام + qualifier.
  bool TryRelativeUnit(size_t i, Match* m) {
    const Lex& x = At(i);
    if (!x.article || x.aux != 1) return false;
    if (x.value == kDayUnit) return TryToday(i, m);
    if (!IsQualifier(i + 1)) return false;
    return Shifted(i, i + 2, x.value, At(i + 1).value, m);
  }

  bool TryToday(size_t i, Match* m) {
    // "في اليوم" per day, "ذلك اليوم" that day, "اليوم التالي" the next day,
    // "اليوم الأول" the first day.
    if (i > 0 && (Is(i - 1, Kind::kNotToday) || (Is(i - 1, Kind::kPrep) && At(i - 1).value == kFi))) {
      return false;
    }
    const Kind next = At(i + 1).kind;
    if (next == Kind::kNotToday || next == Kind::kOrdinal || next == Kind::kHadi ||
        next == Kind::kTens) {
      return false;
    }
    // "اليوم الأحد": today, Sunday; the weekday decides.
    if (next == Kind::kWeekday && TryWeekday(i + 1, m)) {
      m->first = i;
      return true;
    }
    return Relative(i, i + 1, 0, m);
  }

  // هذا الأسبوع/الشهر/العام: this week, month, year.
  bool TryThis(size_t i, Match* m) {
    const Lex& x = At(i + 1);
    if (x.kind != Kind::kUnit || !x.article || x.aux != 1) return false;
    return Shifted(i, i + 2, x.value, 0, m);
  }

  // قبل/منذ + a duration: "قبل يومين" two days ago, "منذ ثلاثة أشهر" three
  // months ago, "قبل 20 عاما" twenty years ago; "قبل أمس" the day before
  // yesterday.
  bool TryAgo(size_t i, Match* m) {
    if (At(i).value == kQabl && Is(i + 1, Kind::kYesterday)) return Relative(i, i + 2, -2, m);
    const size_t j = i + 1 + Is(i + 1, Kind::kApprox);
    const Lex& a = At(j);
    const Lex& b = At(j + 1);
    int64_t n;
    int unit;
    size_t end;
    if (a.kind == Kind::kUnit && !a.article && (a.aux == 2 || a.aux == 1)) {
      // "قبل يوم الأحد" before Sunday, "قبل عام 2015" before 2015.
      if (a.aux == 1 && StartsDate(b.kind)) return false;
      n = a.aux;
      unit = a.value;
      end = j + 1;
    } else if ((a.kind == Kind::kCardinal || a.kind == Kind::kTen || a.kind == Kind::kTens) &&
               !a.article && b.kind == Kind::kUnit && b.aux == 0) {
      n = a.value;
      unit = b.value;
      end = j + 2;
    } else if (PlainNumber(j) > 0 && b.kind == Kind::kUnit && b.aux != 2 && !b.article) {
      n = a.number;
      unit = b.value;
      end = j + 2;
    } else {
      return false;
    }
    // "قبل يومين من الانتخابات": counted from an event, not from publication.
    if (Is(end, Kind::kMin)) return false;
    return Shifted(i, end, unit, -n, m);
  }

  // ---- Modifiers: مطلع/منتصف/نهاية (start, middle, end) of a month or year.

  bool TryModified(size_t i, Match* m) {
    const int mod = At(i).value;
    const size_t j = i + 1;
    int y, mo;
    size_t end;
    if (TryMonth(j, true, m)) {
      m->first = i;
      return true;
    }
    if (ParseRelativeMonth(j, true, &y, &mo, &end)) {
      *m = {i, end, {y, mo, 0}, Precision::kMonth, true, false};
      return true;
    }
    static constexpr int kMonthOf[] = {1, 6, 12};  // start, middle, end
    Year year;
    bool relative;
    if (!ParseModifiedYear(j, &year, &relative)) return false;
    *m = {i, year.end, {year.year, kMonthOf[mod], 0}, Precision::kMonth, relative, year.hijri};
    if (year.hijri) {
      const std::optional<Date> g = ToGregorian(year.year, kMonthOf[mod], 1);
      if (!g) return false;
      m->date = {g->year, g->month, 0};
    }
    return IsValidYear(m->date.year);
  }

  // The year after a modifier: "عام 2024", "2024", "العام" (this year),
  // "العام الماضي" (last year), "هذا العام" (this year).
  bool ParseModifiedYear(size_t j, Year* year, bool* relative) const {
    *relative = false;
    if ((IsUnit(j, kYearUnit, 1) && ParseYear(j + 1, kMinYear, false, year)) ||
        ParseYear(j, kMinBareYear, false, year)) {
      return true;
    }
    if (!pub_) return false;
    *relative = true;
    if (IsUnit(j, kYearUnit, 1) && At(j).article) {
      const bool qualified = IsQualifier(j + 1);
      *year = {pub_->year + (qualified ? At(j + 1).value : 0), false, j + 1 + qualified};
      return true;
    }
    if (Is(j, Kind::kThis) && IsUnit(j + 1, kYearUnit, 1) && At(j + 1).article) {
      *year = {pub_->year, false, j + 2};
      return true;
    }
    return false;
  }

  // ---- Hijri conversions, remembering the last one: a text that mentions a
  // Hijri date usually repeats it.

  std::optional<Date> ToGregorian(int y, int m, int d) {
    if (y < 1 || y > kMaxHijriYear + 2) return std::nullopt;
    const Date key{y, m, d};
    if (!(key == last_hijri_)) {
      last_hijri_ = key;
      last_gregorian_ = HijriConverter::ForThisThread().ToGregorian(y, m, d);
    }
    return last_gregorian_;
  }

  std::optional<Date> PublishedHijri() {
    if (!pub_) return std::nullopt;
    if (!pub_hijri_) pub_hijri_ = HijriConverter::ForThisThread().FromGregorian(*pub_);
    return pub_hijri_;
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const Lexicon& lexicon_;
  std::optional<Date> pub_;
  int64_t pub_days_ = 0;
  std::optional<Date> pub_hijri_;
  Date last_hijri_;
  std::optional<Date> last_gregorian_;
  mutable std::array<Lex, 64> cache_;
  mutable std::string key_;
};

}  // namespace

std::vector<DateMention> FindDates(std::string_view normalized, const std::vector<Token>& tokens,
                                   std::optional<Date> published) {
  return Scanner(normalized, tokens, published).Run();
}

std::optional<Date> ParseIsoDate(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
  auto number = [&](size_t at, size_t len, int* v) {
    *v = 0;
    for (size_t k = at; k < at + len; ++k) {
      if (!IsDigit(s[k])) return false;
      *v = *v * 10 + (s[k] - '0');
    }
    return true;
  };
  Date d;
  if (!number(0, 4, &d.year) || d.year < 1) return std::nullopt;
  if (s.size() >= 7 &&
      (s[4] != '-' || !number(5, 2, &d.month) || d.month < 1 || d.month > 12)) {
    return std::nullopt;
  }
  if (s.size() == 10 && (s[7] != '-' || !number(8, 2, &d.day) ||
                         !IsValidDay(d.year, d.month, d.day))) {
    return std::nullopt;
  }
  return d;
}

std::string FormatDate(const Date& d, Precision p) {
  char buf[48];
  int n;
  switch (p) {
    case Precision::kYear:
      n = std::snprintf(buf, sizeof buf, "%04d", d.year);
      break;
    case Precision::kMonth:
      n = std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
      break;
    default:
      n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
      break;
  }
  return std::string(buf, n > 0 ? static_cast<size_t>(n) : 0);
}

}  // namespace marsad::text
