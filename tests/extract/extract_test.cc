// Extraction of quotes, claims and events, pattern by pattern, through the
// real text layer and the shipped NER model. The sentences are invented.
#include <cmath>
#include <map>
#include <set>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "extract/extract.h"
#include "ner/ner.h"
#include "text/text.h"

namespace marsad::extract {
namespace {

class ExtractTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    tagger_ = ner::Tagger::Load(ner::DefaultModelPath(), &error).release();
    ASSERT_NE(tagger_, nullptr) << error;
  }
  static void TearDownTestSuite() {
    delete tagger_;
    tagger_ = nullptr;
  }

  Extraction Run(const std::string& text, const std::string& published = "2024-03-05") {
    analysis_ = text::Analyze(text, {.published = text::ParseIsoDate(published)});
    mentions_ = tagger_->Tag(analysis_);
    return Extract(analysis_, mentions_, published);
  }
  std::string Show(text::Span s) const {
    return analysis_.normalized.text.substr(s.begin, s.size());
  }
  // The claim whose words contain `words`, or nullptr.
  const Claim* ClaimWith(const Extraction& x, const std::string& words) const {
    for (const Claim& c : x.claims) {
      if (Show(c.span).find(words) != std::string::npos) return &c;
    }
    return nullptr;
  }

  // The described source of the claim whose text has `words`, or what is
  // wrong instead.
  std::string DescribedSourceOf(const Extraction& x, const std::string& words) const {
    const Claim* c = ClaimWith(x, words);
    if (!c) return "(no claim with " + words + ")";
    if (c->source.kind != Attribution::Kind::kDescribed) return "(not described: " + c->source.text + ")";
    return c->source.text;
  }

  // Whether any event's participant is a mention whose text has `word`.
  bool AParticipantHas(const Extraction& x, const std::string& word) const {
    for (const Event& e : x.events) {
      for (const Participant& p : e.participants) {
        if (Show(mentions_[p.mention].span).find(word) != std::string::npos) return true;
      }
    }
    return false;
  }

  static ner::Tagger* tagger_;
  text::Analysis analysis_;
  std::vector<ner::Mention> mentions_;
};

ner::Tagger* ExtractTest::tagger_ = nullptr;

TEST_F(ExtractTest, ApproximateFigureWithSpeakerAndOrigin) {
  const Extraction x =
      Run("قال الباحث نزار حمادة إن نحو ألفي مقاتل من آسيا الوسطى انتقلوا إلى سوريا.");
  ASSERT_EQ(x.claims.size(), 1u);
  const Claim& c = x.claims[0];
  EXPECT_EQ(c.value, 2000);
  EXPECT_TRUE(c.approx);
  EXPECT_EQ(c.unit, "person");
  EXPECT_EQ(c.counted, "مقاتل");
  EXPECT_EQ(c.place, "آسيا الوسطى");
  EXPECT_EQ(c.source.kind, Attribution::Kind::kEntity);
  EXPECT_EQ(c.source.text, "نزار حمادة");
  ASSERT_TRUE(c.source.mention.has_value());
  EXPECT_EQ(Show(mentions_[*c.source.mention].span), "نزار حمادة");
  // The same sentence is an indirect quotation of the researcher.
  ASSERT_EQ(x.quotes.size(), 1u);
  EXPECT_FALSE(x.quotes[0].direct);
  EXPECT_EQ(Show(x.quotes[0].span).rfind("نحو ألفي مقاتل", 0), 0u);
}

TEST_F(ExtractTest, RangeFromDescribedSource) {
  const Extraction x = Run("وقدرت مصادر أمنية عراقية عدد عناصر الجماعة بين 1200 و1500 مقاتل.");
  ASSERT_EQ(x.claims.size(), 1u);
  const Claim& c = x.claims[0];
  ASSERT_TRUE(c.low && c.high);
  EXPECT_EQ(*c.low, 1200);
  EXPECT_EQ(*c.high, 1500);
  EXPECT_EQ(c.value, 1350);
  EXPECT_FALSE(c.approx);
  EXPECT_EQ(c.counted, "مقاتل");
  EXPECT_EQ(c.source.kind, Attribution::Kind::kDescribed);
  EXPECT_EQ(c.source.text, "مصادر أمنية عراقية");
}

TEST_F(ExtractTest, MagnitudesAreVagueAmounts) {
  const Extraction x = Run("ونزح آلاف المدنيين، وقتل عشرات الآلاف من السكان، وسافر مئات الشبان.");
  const Claim* thousands = ClaimWith(x, "آلاف المدنيين");
  ASSERT_NE(thousands, nullptr);
  EXPECT_EQ(thousands->magnitude, "thousands");
  EXPECT_TRUE(thousands->approx);
  EXPECT_EQ(thousands->counted, "مدني");
  const Claim* tens = ClaimWith(x, "عشرات الآلاف");
  ASSERT_NE(tens, nullptr);
  EXPECT_EQ(tens->magnitude, "tens_of_thousands");
  const Claim* hundreds = ClaimWith(x, "مئات");
  ASSERT_NE(hundreds, nullptr);
  EXPECT_EQ(hundreds->magnitude, "hundreds");
  EXPECT_EQ(hundreds->counted, "شاب");
}

TEST_F(ExtractTest, QualifiersAreBounds) {
  Extraction x = Run("وتضم الجماعة أكثر من خمسة آلاف مقاتل.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].qualifier, "more_than");
  EXPECT_EQ(x.claims[0].low, 5000);
  EXPECT_FALSE(x.claims[0].high.has_value());
  EXPECT_TRUE(x.claims[0].approx);

  x = Run("وقال مسؤول إن الجماعة لا تملك أكثر من 1500 مقاتل.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].qualifier, "at_most");
  EXPECT_EQ(x.claims[0].high, 1500);
  EXPECT_FALSE(x.claims[0].low.has_value());

  x = Run("وشارك ثلاثة مسلحين على الأقل في الهجوم.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].qualifier, "at_least");
  EXPECT_EQ(x.claims[0].low, 3);
  EXPECT_EQ(x.claims[0].counted, "مسلح");

  x = Run("وحولت الشبكة ما لا يقل عن 180 ألف دولار.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].qualifier, "at_least");
  EXPECT_EQ(x.claims[0].unit, "USD");
  EXPECT_EQ(x.claims[0].low, 180000);
}

TEST_F(ExtractTest, AnAgeToldInThePastIsNoPersonsAgeNow) {
  // "Salma al-Rashid was 15 years old then": an age, but not hers now. In
  // brackets, an age is the one the report gives, whatever verb is near.
  Extraction x = Run("وكانت سلمى الراشد تبلغ من العمر 15 عاما عندما غادرت القرية.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].unit, "age_years");
  EXPECT_FALSE(x.claims[0].about_mention.has_value());
  x = Run("وقال المختار إن نادر الحلبي كان يبلغ 15 عاما عندما غادر القرية.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_FALSE(x.claims[0].about_mention.has_value());
  // كان telling something else: the age is his now.
  for (const char* now : {"وكان نادر الحلبي (28 عاما) قد غادر القرية.",
                          "وكان نادر الحلبي البالغ من العمر 28 عاما قد غادر القرية.",
                          "وكان نادر الحلبي، 28 عاما، قد غادر القرية.",
                          "وكانت الشرطة اعتقلت نادر الحلبي البالغ 28 عاما.",
                          "وكان قد غادر القرية نادر الحلبي، ويبلغ من العمر 28 عاما."}) {
    x = Run(now);
    ASSERT_EQ(x.claims.size(), 1u) << now;
    EXPECT_EQ(x.claims[0].unit, "age_years") << now;
    ASSERT_TRUE(x.claims[0].about_mention.has_value()) << now;
    EXPECT_EQ(Show(mentions_[*x.claims[0].about_mention].span), "نادر الحلبي") << now;
  }
}

TEST_F(ExtractTest, AgesPercentagesMoneyAndDurationsAreTyped) {
  const Extraction x = Run(
      "واعتقلت الشرطة إلياس غيراتوف (34 عاما) وحكم عليه بالسجن 15 عاما، وارتفعت التحويلات "
      "بنسبة 15 في المئة لتبلغ 50 مليون دينار و2.4 مليون دولار.");
  const Claim* age = ClaimWith(x, "34");
  ASSERT_NE(age, nullptr);
  EXPECT_EQ(age->unit, "age_years");
  EXPECT_EQ(age->counted, "عمر");
  ASSERT_TRUE(age->about_mention.has_value());
  EXPECT_EQ(Show(mentions_[*age->about_mention].span), "إلياس غيراتوف");
  const Claim* years = ClaimWith(x, "15 عاما");
  ASSERT_NE(years, nullptr);
  EXPECT_EQ(years->unit, "years");
  const Claim* percent = ClaimWith(x, "في المئة");
  ASSERT_NE(percent, nullptr);
  EXPECT_EQ(percent->unit, "percent");
  EXPECT_EQ(percent->value, 15);
  const Claim* dinar = ClaimWith(x, "دينار");
  ASSERT_NE(dinar, nullptr);
  EXPECT_EQ(dinar->unit, "IQD");
  EXPECT_EQ(dinar->value, 50e6);
  const Claim* dollar = ClaimWith(x, "2.4");
  ASSERT_NE(dollar, nullptr);
  EXPECT_EQ(dollar->unit, "USD");
  EXPECT_EQ(dollar->value, 2.4e6);
  // "Profits reached 95 thousand and 831 Bahraini dinars": the country in
  // the accusative after an accusative currency.
  const Extraction bahraini = Run("وبلغت الأرباح 95 ألفا و831 دينارا بحرينيا في الربع الأول.");
  ASSERT_EQ(bahraini.claims.size(), 1u);
  EXPECT_EQ(bahraini.claims[0].unit, "BHD");
  for (const Claim& c : x.claims) EXPECT_NE(c.unit, "person") << Show(c.span);
}

TEST_F(ExtractTest, LoneYearsAndDatesAreNotClaims) {
  const Extraction x = Run("تأسست الجماعة عام 2014 وانتقلت في 12 مارس 2019 إلى إدلب.");
  EXPECT_TRUE(x.claims.empty()) << Show(x.claims[0].span);
}

TEST_F(ExtractTest, CasualtiesWithBreakdownMakeOneAttack) {
  const Extraction x = Run(
      "أعلنت مصادر طبية مقتل 32 شخصا بينهم 29 مدنيا و3 من عناصر الشرطة، وإصابة 41 آخرين، في "
      "هجوم استهدف سوقا شعبية في مدينة الحويجة أمس الثلاثاء.",
      "2023-10-18");
  ASSERT_EQ(x.claims.size(), 2u);  // the parts are not claims of their own
  const Claim& killed = x.claims[0];
  EXPECT_EQ(killed.value, 32);
  EXPECT_EQ(killed.counted, "قتيل");
  ASSERT_EQ(killed.breakdown.size(), 2u);
  EXPECT_EQ(killed.breakdown[0].first, "مدني");
  EXPECT_EQ(killed.breakdown[0].second, 29);
  EXPECT_EQ(killed.breakdown[1].second, 3);
  EXPECT_EQ(killed.source.text, "مصادر طبية");
  EXPECT_EQ(x.claims[1].counted, "جريح");
  ASSERT_EQ(x.events.size(), 1u);
  const Event& e = x.events[0];
  EXPECT_EQ(e.type, "attack");
  EXPECT_EQ(e.date, "2023-10-17");
  EXPECT_EQ(e.date_precision, "day");
  EXPECT_EQ(e.killed, 32);
  EXPECT_EQ(e.injured, 41);
  EXPECT_EQ(e.breakdown.size(), 2u);
}

TEST_F(ExtractTest, TheDeadCountedBeforeTheVerbAreItsCount) {
  // "The official said about three thousand people were killed while 900
  // thousand others fled their villages": the number after the verb is the
  // next clause's.
  Extraction x = Run("قال المسؤول إن نحو ثلاثة آلاف شخص قتلوا فيما نزح 900 ألف آخرين عن قراهم.");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(x.events[0].killed, 3000);
  // "12 workers met their death and more than 40 thousand people were left
  // homeless".
  x = Run("لقي 12 عاملا حتفهم وتشرد أكثر من 40 ألف شخص جراء السيول.");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(x.events[0].killed, 12);
  // A verb with و begins its own clause: "5 soldiers were killed and 12
  // were wounded in an attack on a checkpoint".
  x = Run("قتل 5 جنود وأصيب 12 آخرون في هجوم على حاجز شمال المدينة.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].killed, 5);
  EXPECT_EQ(x.events[0].injured, 12);
  // A number right after the verb is its object, the dead: "officials said
  // 3 gunmen killed 10 civilians in the village".
  x = Run("قال مسؤولون إن 3 مسلحين قتلوا 10 مدنيين في القرية.");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(x.events[0].killed, 10);
}

TEST_F(ExtractTest, DirectQuoteSpeakerBeforeAfterAndCarried) {
  Extraction x = Run(
      "وقال وزير الداخلية سليم الفاخوري: «لن نسمح لأي جماعة مسلحة بأن تعبث بأمن المدن».");
  ASSERT_EQ(x.quotes.size(), 1u);
  EXPECT_TRUE(x.quotes[0].direct);
  EXPECT_EQ(Show(x.quotes[0].span).rfind("لن نسمح", 0), 0u);
  ASSERT_TRUE(x.quotes[0].speaker);
  EXPECT_EQ(x.quotes[0].speaker->text, "سليم الفاخوري");

  x = Run("«الوضع الأمني في المخيم لا يزال هشا للغاية»، قال مدير المخيم كريم العبيدي.");
  ASSERT_EQ(x.quotes.size(), 1u);
  ASSERT_TRUE(x.quotes[0].speaker);
  EXPECT_EQ(x.quotes[0].speaker->text, "كريم العبيدي");

  x = Run("وقال المتحدث باسم الشرطة عادل الربيعي إن التحقيقات جارية. وأضاف: «نعمل على تتبع "
          "شبكة التمويل التي كانت تدعم الخلية».");
  ASSERT_EQ(x.quotes.size(), 2u);
  ASSERT_TRUE(x.quotes[1].speaker);
  EXPECT_TRUE(x.quotes[1].direct);
  // Carried over from the first sentence (named, or described with the name
  // when the tagger misses it).
  EXPECT_NE(x.quotes[1].speaker->text.find("عادل الربيعي"), std::string::npos);
  EXPECT_EQ(x.quotes[1].speaker->text, x.quotes[0].speaker->text);
}

TEST_F(ExtractTest, ADefiniteEventWordQualifiesTheSpeaker) {
  // The defecting officer speaks; an event word with the article describes
  // him, where without it the event would be what was said.
  const Extraction x = Run("وقال الضابط الليبي المنشق إن الكتيبة تراجعت نحو الوادي.");
  ASSERT_EQ(x.quotes.size(), 1u);
  ASSERT_TRUE(x.quotes[0].speaker);
  EXPECT_EQ(x.quotes[0].speaker->text, "الضابط الليبي المنشق");
}

TEST_F(ExtractTest, SurnameAloneResolvesToTheFullName) {
  const Extraction x = Run(
      "وقال نائب وزير الخارجية جمشيد رحيموف إن بلاده ستواصل استعادة مواطنيها. وأضاف رحيموف: "
      "«هؤلاء الأطفال ضحايا قرارات لم يتخذوها».");
  ASSERT_EQ(x.quotes.size(), 2u);
  ASSERT_TRUE(x.quotes[1].speaker);
  EXPECT_EQ(x.quotes[1].speaker->text, "جمشيد رحيموف");
  EXPECT_EQ(x.quotes[0].speaker->mention, x.quotes[1].speaker->mention);
}

TEST_F(ExtractTest, TransmittedSpeechNamesTheFinalSource) {
  const Extraction x = Run(
      "ونقلت صحيفة الضفاف عن الباحث نزار حمادة قوله إن الجماعة تضم قرابة ثلاثة آلاف عنصر.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].source.text, "نزار حمادة");
  EXPECT_EQ(x.claims[0].value, 3000);
  EXPECT_EQ(x.claims[0].counted, "عنصر");
}

TEST_F(ExtractTest, AccordingToAtTheEndAttributesTheSentence) {
  const Extraction x =
      Run("وغادر نحو ألف مقاتل مدينة الباب الشهر الماضي، بحسب ناشطين محليين.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].source.kind, Attribution::Kind::kDescribed);
  EXPECT_EQ(x.claims[0].source.text, "ناشطين محليين");
  EXPECT_EQ(x.claims[0].date, "2024-02");
}

TEST_F(ExtractTest, APrepositionOnTheSourceIsNotPartOfIt) {
  const Extraction x = Run("وغادر نحو ألف مقاتل مدينة الباب، وفقا لمصادر محلية.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].source.kind, Attribution::Kind::kDescribed);
  EXPECT_EQ(x.claims[0].source.text, "مصادر محلية");
}

TEST_F(ExtractTest, AnAdverbAfterTheSourceIsNotPartOfIt) {
  // "The police said later that 15 people were killed in the town." and
  // "Local sources said in turn that ...": later, in turn.
  for (const char* sentence : {"وقالت الشرطة لاحقا إن 15 شخصا قتلوا في البلدة.",
                               "وقالت مصادر محلية بدورها إن 15 شخصا قتلوا في البلدة."}) {
    const Extraction x = Run(sentence);
    ASSERT_EQ(x.claims.size(), 1u) << sentence;
    EXPECT_EQ(x.claims[0].source.text, std::string(sentence).find("الشرطة") != std::string::npos
                                           ? "الشرطة"
                                           : "مصادر محلية")
        << sentence;
  }
}

TEST_F(ExtractTest, AWordWithTheArticleOrAPrepositionIsNoReportingVerb) {
  // "A security source said the attack happened at dawn. It is worth
  // mentioning (بالذكر, not ذكر "mentioned") that the city saw earlier
  // attacks.": one quote, not two.
  const Extraction x = Run("وقال مصدر أمني إن الهجوم وقع فجرا. الجدير بالذكر أن المدينة شهدت هجمات سابقة.");
  ASSERT_EQ(x.quotes.size(), 1u);
  // "The director of land transport (النقل, not نقل "reported") said the
  // road will open soon."
  const Extraction y = Run("وقال مدير النقل البري إن الطريق سيفتح قريبا.");
  ASSERT_EQ(y.quotes.size(), 1u);
  ASSERT_TRUE(y.quotes[0].speaker);
  EXPECT_EQ(y.quotes[0].speaker->text, "مدير النقل البري");
}

TEST_F(ExtractTest, NumbersThatNameOrQualifyAreNoClaims) {
  for (const char* sentence : {
           "وأصدر المجلس القرار رقم 2216 بشأن الأزمة.",     // resolution number 2216
           "ويحق للبرلمان ذلك بموجب المادة 78 من الدستور.",  // article 78 of the constitution
           "وقضى الوفد يوما واحدا في المدينة.",             // the delegation spent one day
           "وهي واحدة من أكبر المدن في البلاد.",            // it is one of the largest cities
           "وتراجع الإنتاج خلال السنوات الـ17 الماضية.",   // over the past 17 years
       }) {
    EXPECT_TRUE(Run(sentence).claims.empty()) << sentence;
  }
  // One civilian was killed; thousands of civilians fled; the books shown
  // number 17 thousand.
  const Extraction one = Run("وقتل مدني واحد في القصف.");
  ASSERT_EQ(one.claims.size(), 1u);
  EXPECT_EQ(one.claims[0].value, 1);
  EXPECT_EQ(one.claims[0].counted, "مدني");
  const Extraction thousands = Run("وفر آلاف المدنيين من البلدة.");
  ASSERT_EQ(thousands.claims.size(), 1u);
  EXPECT_EQ(thousands.claims[0].counted, "مدني");
  const Extraction books = Run("وبلغ عدد الكتب المعروضة 17 ألف كتاب.");
  ASSERT_EQ(books.claims.size(), 1u);
  EXPECT_EQ(books.claims[0].value, 17000);
}

TEST_F(ExtractTest, WhatAVerbOfEstimatingTakesIsNoSource) {
  // "The economy grew at an annual rate estimated at 7 percent" (يقدر
  // بنسبة: is estimated at a rate of); "The ministry issued a statement in
  // which (فيه) it stressed that 300 people left the city."
  for (const char* sentence : {"وحقق الاقتصاد نموا سنويا يقدر بنسبة 7 في المئة خلال العام.",
                               "وأصدرت الوزارة بيانا أكدت فيه أن 300 شخص غادروا المدينة."}) {
    const Extraction x = Run(sentence);
    ASSERT_EQ(x.claims.size(), 1u) << sentence;
    EXPECT_NE(x.claims[0].source.kind, Attribution::Kind::kDescribed)
        << sentence << ": " << x.claims[0].source.text;
  }
}

TEST_F(ExtractTest, UnattributedFigureBelongsToTheOutlet) {
  const Extraction x = Run("ويقطن في المخيم 12 ألف شخص.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].source.kind, Attribution::Kind::kOutlet);
  EXPECT_TRUE(x.claims[0].source.text.empty());
  EXPECT_EQ(x.claims[0].counted, "شخص");
}

TEST_F(ExtractTest, FigureInsideDirectQuoteTakesTheSpeaker) {
  const Extraction x = Run(
      "وقال مدير الدفاع المدني خالد السامرائي: «فرقنا أنقذت أكثر من 200 شخص من تحت الأنقاض».");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].source.text, "خالد السامرائي");
}

TEST_F(ExtractTest, EventsWithDatesPrecisionAndParticipants) {
  Extraction x = Run("والتحق رستم قربانوف بالجماعة في سبتمبر 2019 بعد أن غادر مدينة كولاب.");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(x.events[0].type, "joined");
  EXPECT_EQ(x.events[0].date, "2019-09");
  EXPECT_EQ(x.events[0].date_precision, "month");

  x = Run("أعادت السلطات الكازاخستانية أمس 27 امرأة و64 طفلا من مخيم الهول.", "2024-01-12");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].type, "returned");
  EXPECT_EQ(x.events[0].date, "2024-01-11");
  EXPECT_EQ(x.events[0].count, 91);
  EXPECT_EQ(x.events[0].breakdown.size(), 2u);

  x = Run("ووقع العراق وطاجيكستان أمس الثلاثاء في بغداد اتفاقا لتبادل المعلومات.",
          "2024-09-11");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].type, "agreement");
  EXPECT_EQ(x.events[0].date, "2024-09-10");
  EXPECT_EQ(x.events[0].place, "بغداد");
  EXPECT_GE(x.events[0].participants.size(), 2u);
  for (const Participant& p : x.events[0].participants) EXPECT_EQ(p.role, "party");
}

TEST_F(ExtractTest, OneEventToldTwiceIsMerged) {
  const Extraction x = Run(
      "قتل خمسة جنود في هجوم على طريق تكريت أمس. وتبنت جماعة أنصار الهجرة الهجوم الذي وقع "
      "قرب تكريت.");
  int attacks = 0;
  for (const Event& e : x.events) attacks += e.type == "attack";
  EXPECT_EQ(attacks, 1);
}

TEST_F(ExtractTest, WhoReportsOrReactsTakesNoPartInTheEvent) {
  // "Five soldiers were killed in an attack on a checkpoint in Homs,
  // according to figures of the «Reuters» agency."
  Extraction x = Run("وقتل 5 جنود في هجوم على حاجز في حمص، وفقا لإحصاءات وكالة «رويترز».");
  ASSERT_FALSE(x.events.empty());
  for (const Event& e : x.events) {
    for (const Participant& p : e.participants) EXPECT_EQ(Show(mentions_[p.mention].span).find("رويترز"), std::string::npos);
  }
  // "The Tunisian president Beji Caid Essebsi condemned the attack that
  // targeted a hotel in Sousse."
  x = Run("وأدان الرئيس التونسي الباجي قائد السبسي الهجوم الذي استهدف فندقا في سوسة.");
  for (const Event& e : x.events) {
    for (const Participant& p : e.participants) EXPECT_EQ(Show(mentions_[p.mention].span).find("السبسي"), std::string::npos);
  }
}

TEST_F(ExtractTest, AWordOfAnEventIsNoEventWithoutItsSense) {
  for (const char* sentence : {
           "ومرت الاحتفالات في بغداد دون تفجير واحد.",               // without a single bombing
           "ووجهت الدعوة إلى شركة أودي للمشاركة في معرض بغداد.",     // Audi, not أودى (took lives)
           "ونقل المهاجرون إلى مركز الاحتجاز في طرابلس.",           // the detention centre
       }) {
    EXPECT_TRUE(Run(sentence).events.empty()) << sentence;
  }
  // "The accident took the lives of three people in Homs."
  const Extraction x = Run("وأودى الحادث بحياة ثلاثة أشخاص في حمص.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].type, "killed");
  EXPECT_EQ(x.events[0].killed, 3);
}

TEST_F(ExtractTest, APlayerJoiningAClubIsNoOneJoining) {
  // "The player Samer al-Khatib joined the Falcons club, coming from the
  // Stars, for two seasons": a transfer; "the player returned to his club's
  // training": no repatriation. "A former footballer joined the
  // organisation in Syria": an enlistment, sport or not.
  EXPECT_TRUE(Run("وانضم اللاعب سامر الخطيب إلى نادي الصقور قادما من نادي النجوم لمدة موسمين.").events.empty());
  EXPECT_TRUE(Run("وعاد اللاعب سامر الخطيب إلى تدريبات ناديه أمس.").events.empty());
  const Extraction x = Run("وانضم لاعب كرة القدم السابق سامر الخطيب إلى التنظيم في سوريا العام الماضي.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].type, "joined");
}

TEST_F(ExtractTest, APlaceIsTakenFromTheClauseThatTellsTheEvent) {
  // "The kingdom won 9 medals, its first participation having been in 2004
  // in Germany": the medals were not won in Germany.
  Extraction x = Run("وحققت المملكة 9 ميداليات، حيث كانت المشاركة الأولى عام 2004 في ألمانيا.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].place, "");
  // "12 people were killed in Aurora in the state of Colorado": the first
  // of a chain of places.
  x = Run("وقتل 12 شخصا في أورورا بولاية كولورادو.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].place, "أورورا");
  // "An explosive device went off in the city of Rafah, which resulted in
  // the death of an officer": what an event caused happened where it did.
  x = Run("انفجرت عبوة ناسفة بمدينة رفح، ما أسفر عن مقتل ضابط.");
  ASSERT_FALSE(x.events.empty());
  for (const Event& e : x.events) EXPECT_EQ(e.place, "رفح") << e.type;
  // "A riot broke out in the prison of the city of Aleppo east of the
  // capital Damascus, on 20 May 2019, and left 32 dead, among them 29
  // prisoners": past a clause of a date, to the first of the places, for
  // the figure and its breakdown.
  x = Run("واندلع تمرد في سجن مدينة حلب شرقي العاصمة دمشق، في 20 مايو 2019، وأسفر عن مقتل 32 "
          "شخصا، من بينهم 29 سجينا.");
  ASSERT_EQ(x.claims.size(), 2u);
  for (const Claim& c : x.claims) EXPECT_EQ(c.place, "حلب") << c.value;
}

TEST_F(ExtractTest, TwoArrestsOfAStoryWithNothingInCommonAreTwo) {
  // "Police arrested seven people in raids in the city. The operation comes
  // weeks after two people were detained in Ankara."
  const Extraction x = Run(
      "اعتقلت الشرطة سبعة أشخاص في مداهمات بالمدينة. وتأتي العملية بعد أسابيع من توقيف شخصين في "
      "أنقرة.");
  ASSERT_EQ(x.events.size(), 2u);
  EXPECT_EQ(x.events[0].count, 7);
  EXPECT_EQ(x.events[0].place, "");
  EXPECT_EQ(x.events[1].place, "أنقرة");
  // The same with القبض, whose article is part of the phrase (ألقت القبض,
  // arrested), not a reference back: "Police arrested five people in
  // raids in the city. The authorities had arrested a man in Ankara last
  // March."
  const Extraction y = Run(
      "ألقت الشرطة القبض على خمسة أشخاص في مداهمات بالمدينة. وكانت السلطات قد ألقت القبض في مارس "
      "الماضي على رجل في أنقرة.");
  ASSERT_EQ(y.events.size(), 2u);
  EXPECT_EQ(y.events[0].count, 5);
  EXPECT_EQ(y.events[0].place, "");
  EXPECT_EQ(y.events[1].place, "أنقرة");
}

TEST_F(ExtractTest, EachVerbOfASentenceKeepsItsOwnCount) {
  // "A source said 42 Houthis were killed and 93 others wounded in the
  // clashes": the Houthis (a relative adjective as a noun) are people, and
  // 93 is the wounded, not the dead.
  const Extraction x = Run("وقال مصدر إن 42 حوثيا قتلوا وأصيب 93 آخرون في المواجهات.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].killed, 42);
  EXPECT_EQ(x.events[0].injured, 93);
  ASSERT_FALSE(x.claims.empty());
  EXPECT_EQ(x.claims[0].unit, "person");
  // "Nine Syrian refugees met their death by drowning off the coast": the
  // people counted before the verb, an adjective after their noun.
  const Extraction y = Run("ولقي تسعة لاجئين سوريين حتفهم غرقا قبالة السواحل.");
  ASSERT_EQ(y.events.size(), 1u);
  EXPECT_EQ(y.events[0].killed, 9);
}

TEST_F(ExtractTest, AnAdverbOrForHisPartBeforeTheSpeakerIsSkipped) {
  // "The interior minister in turn stressed that 3 people were arrested";
  // "The director of Riyadh police for his part explained that ...".
  for (const auto& [sentence, speaker] : std::vector<std::pair<std::string, std::string>>{
           {"وأكد بدوره وزير الداخلية أن 3 أشخاص اعتقلوا في الرياض.", "وزير الداخلية"},
           {"وأوضح من جانبه مدير شرطة الرياض أن 5 أشخاص أصيبوا في الحادث.", "مدير شرطة الرياض"}}) {
    const Extraction x = Run(sentence);
    ASSERT_EQ(x.quotes.size(), 1u) << sentence;
    ASSERT_TRUE(x.quotes[0].speaker) << sentence;
    EXPECT_EQ(x.quotes[0].speaker->text, speaker);
  }
}

TEST_F(ExtractTest, WhoDoesTheEventStaysInIt) {
  auto role_of = [&](const Extraction& x, const std::string& name) {
    for (const Event& e : x.events) {
      for (const Participant& p : e.participants) {
        if (Show(mentions_[p.mention].span) == name) return p.role;
      }
    }
    return std::string("none");
  };
  // "ISIS targeted a mosque in Qatif": the name after استهدف is its subject.
  Extraction x = Run("استهدف تنظيم داعش مسجدا في مدينة القطيف.");
  EXPECT_EQ(role_of(x, "تنظيم داعش"), "perpetrator");
  // "The planes bombed a position of al-Shabab": موقع is a position here,
  // not a website.
  x = Run("قصفت الطائرات موقع حركة الشباب في الصومال.");
  EXPECT_NE(role_of(x, "حركة الشباب"), "none");
  // "The army spokesman said: ISIS carried out the attack": after the
  // speaker's colon, a name is the doer.
  x = Run("وقال المتحدث باسم الجيش: داعش نفذ الهجوم على الحاجز في الموصل.");
  EXPECT_EQ(role_of(x, "داعش"), "perpetrator");
}

TEST_F(ExtractTest, WhatDidNotHappenCancelsOnlyItself) {
  // "The attack caused no injuries in the city of Aden": the attack was.
  Extraction x = Run("ولم يسفر الهجوم عن إصابات بمدينة عدن.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].type, "attack");
  // "Police denied arresting any journalist, but arrested 4 protesters in
  // Khartoum": the second arrest stands.
  x = Run("وأكدت الشرطة عدم اعتقال أي صحفي، لكنها اعتقلت 4 متظاهرين في الخرطوم.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].count, 4);
  EXPECT_EQ(x.events[0].place, "الخرطوم");
  // "The injured number 150 a day": يوميا is an adverb, not people.
  x = Run("وبلغ عدد المصابين 150 يوميا.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].counted, "مصاب");
  // "One of the security men was killed in the attack on a checkpoint."
  x = Run("وقتل واحد من عناصر الأمن في الهجوم على نقطة تفتيش.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].value, 1);
}

TEST_F(ExtractTest, APlaceAcrossADateOrABreakdownButNotAcrossAJourney) {
  // "12 people were killed, yesterday Sunday, in a car bomb in the city of
  // Aleppo"; "5 people, among them 3 children, were killed in an air strike
  // on Aleppo"; "In Taiz yesterday, 3 civilians were killed".
  for (const char* sentence : {"قتل 12 شخصا، أمس الأحد، في انفجار سيارة مفخخة بمدينة حلب.",
                               "قتل 5 أشخاص، بينهم 3 أطفال، في غارة جوية على مدينة حلب.",
                               "وفي حلب أمس، قتل 3 مدنيين."}) {
    const Extraction x = Run(sentence);
    ASSERT_FALSE(x.claims.empty()) << sentence;
    EXPECT_EQ(x.claims[0].place, "حلب") << sentence;
  }
  // "A suicide attack struck Rawalpindi, near the capital Islamabad": the
  // capital locates, it is not where the attack was.
  for (const Event& e : Run("ووقع هجوم انتحاري استهدف روالبندي القريبة من العاصمة إسلام أباد.").events) {
    EXPECT_NE(e.place, "إسلام أباد");
  }
  // "A convoy came from Homs to Aleppo, where 3 people were killed": من and
  // إلى join two places, they do not say one is in the other.
  const Extraction x = Run("وصلت قافلة من حمص إلى حلب حيث قتل 3 أشخاص.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].place, "حلب");
}

TEST_F(ExtractTest, ShortQuotedTermsAreNotQuotes) {
  const Extraction x = Run("وتعرف الجماعة اختصارا باسم «جاهش»، وتنشط في ريف إدلب.");
  EXPECT_TRUE(x.quotes.empty());
}

TEST_F(ExtractTest, ClaimTopicGroupsSpellingVariants) {
  Claim a, b, c;
  a.unit = b.unit = c.unit = "person";
  a.counted = b.counted = c.counted = "مقاتل";
  a.place = "سوريا";
  b.place = "سورية";
  c.place = "العراق";
  EXPECT_EQ(ClaimTopic(a), ClaimTopic(b));
  EXPECT_NE(ClaimTopic(a), ClaimTopic(c));
}

TEST_F(ExtractTest, AtLeastAndAtMostBeforeTheNumberAreBounds) {
  // "At least 40 people were injured in the accident."
  Extraction x = Run("أصيب على الأقل 40 شخصا في الحادث.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].qualifier, "at_least");
  EXPECT_EQ(x.claims[0].low, 40);
  EXPECT_FALSE(x.claims[0].high.has_value());
  // "The police detained at most 15 people."
  x = Run("أوقفت الشرطة على الأكثر 15 شخصا.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].qualifier, "at_most");
  EXPECT_EQ(x.claims[0].high, 15);
  EXPECT_FALSE(x.claims[0].low.has_value());
}

TEST_F(ExtractTest, NoMoreThanAndStillAreReadTheRightWay) {
  // "No more than 30 people took part in the meeting."
  Extraction x = Run("شارك في الاجتماع ما لا يزيد على 30 شخصا.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].qualifier, "at_most");
  EXPECT_EQ(x.claims[0].high, 30);
  // "More than 150 people are still besieged in the town": no negation.
  x = Run("لا يزال أكثر من 150 شخصا محاصرين في البلدة.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].qualifier, "more_than");
  EXPECT_EQ(x.claims[0].low, 150);
  EXPECT_FALSE(x.claims[0].high.has_value());
}

TEST_F(ExtractTest, ANameInTwoSentencesOfOneEventTakesPartOnce) {
  // "ISIS gunmen attacked the village of al-Ward near Aleppo on Sunday 3
  // March 2024. A local official said ISIS fighters attacked the village with
  // heavy weapons."
  const Extraction x = Run(
      "هاجم مسلحو تنظيم داعش قرية الورد في ريف حلب يوم الأحد 3 آذار 2024. وقال مسؤول محلي إن "
      "عناصر تنظيم داعش هاجموا القرية بالأسلحة الثقيلة.");
  ASSERT_EQ(x.events.size(), 1u);
  ASSERT_EQ(x.events[0].participants.size(), 1u);
  EXPECT_EQ(Show(mentions_[x.events[0].participants[0].mention].span), "داعش");
}

TEST_F(ExtractTest, ACouncilIsNoPerpetratorAndAGroupNoCourt) {
  // "The Security Council condemned the attack that ISIS launched on a
  // village in the Aleppo countryside.": who condemns takes no part.
  Extraction x = Run("أدان مجلس الأمن الهجوم الذي شنه تنظيم داعش على قرية في ريف حلب.");
  ASSERT_EQ(x.events.size(), 1u);
  std::map<std::string, std::string> role;
  for (const Participant& p : x.events[0].participants) role[Show(mentions_[p.mention].span)] = p.role;
  EXPECT_EQ(role.count("مجلس الأمن"), 0u);
  EXPECT_EQ(role["داعش"], "perpetrator");
  // "ISIS attacked the headquarters of the Red Crescent Society in Aleppo":
  // what is attacked is the target.
  x = Run("هاجم تنظيم داعش مقر جمعية الهلال الأحمر في حلب.");
  ASSERT_EQ(x.events.size(), 1u);
  role.clear();
  for (const Participant& p : x.events[0].participants) role[Show(mentions_[p.mention].span)] = p.role;
  EXPECT_EQ(role["داعش"], "perpetrator");
  EXPECT_EQ(role["جمعية الهلال الأحمر"], "target");
  EXPECT_EQ(role.size(), 2u);
  // "A member of ISIS was sentenced to ten years in prison in Baghdad": the
  // group is no court.
  x = Run("حكم على عضو في تنظيم داعش بالسجن عشر سنوات في بغداد.");
  ASSERT_EQ(x.events.size(), 1u);
  ASSERT_EQ(x.events[0].participants.size(), 1u);
  EXPECT_EQ(x.events[0].participants[0].role, "subject");
}

TEST_F(ExtractTest, DawnIsNotAnAttack) {
  // "The delegation left Damascus at dawn on Thursday."
  Extraction x = Run("غادر الوفد دمشق فجر الخميس.");
  for (const Event& e : x.events) EXPECT_NE(e.type, "attack");
  // "Four people were killed in Homs at dawn on Friday": the deaths are
  // an event of their own, not counts of a phantom attack.
  x = Run("قتل 4 أشخاص في حمص فجر الجمعة.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].type, "killed");
  // "A suicide bomber blew himself up in a market in Baghdad": the verb.
  x = Run("فجر رجل نفسه في سوق ببغداد.");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(x.events[0].type, "attack");
}

TEST_F(ExtractTest, AnEventWordWithAJoinedPrepositionIsTheEvent) {
  // "The clashes caused the death of 11 people in Homs yesterday": بمقتل
  // is ب (with) + مقتل (killing), and the 11 are the killed.
  Extraction x = Run("تسببت الاشتباكات بمقتل 11 شخصا في حمص أمس.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].type, "killed");
  EXPECT_EQ(x.events[0].killed, 11);
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].counted, "قتيل");
  // "The minister condemned the arrest of 5 journalists."
  x = Run("ندد الوزير باعتقال 5 صحفيين في حمص.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].type, "arrested");
  // "The man was charged with smuggling drugs": بتهريب (of smuggling) is
  // no escape.
  x = Run("اتهم الرجل بتهريب المخدرات إلى حمص.");
  for (const Event& e : x.events) EXPECT_NE(e.type, "escaped");
}

TEST_F(ExtractTest, ADirectiveIsNoCharge) {
  // "On the king's directive the two sides agreed on a plan"; "the ministry
  // sent the invitation to journalists": توجيه and وجهت without charges.
  for (const char* sentence : {"وبناء على توجيه الملك اتفق الجانبان على خطة في حمص.",
                               "وجهت الوزارة الدعوة إلى الصحفيين في حمص."}) {
    for (const Event& e : Run(sentence).events) EXPECT_NE(e.type, "charged") << sentence;
  }
  // "The prosecution brought a charge of murder against the man in Homs."
  const Extraction x = Run("وجهت النيابة تهمة القتل إلى الرجل في حمص.");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(x.events[0].type, "charged");
}

TEST_F(ExtractTest, BringingBackIsAReturnOnlyOfPeople) {
  // "President Hadi discussed restructuring the army in Aden yesterday":
  // إعادة هيكلة (re-structuring) brings no one back, though a person is
  // named.
  for (const Event& e : Run("وناقش الرئيس عبد ربه منصور هادي إعادة هيكلة الجيش في عدن أمس.").events) {
    EXPECT_NE(e.type, "returned");
  }
  // "The authorities began bringing back the stranded citizens from Yemen";
  // "the government announced the return of 50 refugees".
  for (const char* sentence : {"بدأت السلطات إعادة المواطنين العالقين في اليمن أمس.",
                               "أعلنت الحكومة إعادة 50 لاجئا إلى بلدهم أمس."}) {
    const Extraction x = Run(sentence);
    ASSERT_FALSE(x.events.empty()) << sentence;
    EXPECT_EQ(x.events[0].type, "returned") << sentence;
  }
}

TEST_F(ExtractTest, WordsOfTwoSensesTellTheirEventOnlyInTheirSense) {
  const auto types = [&](const char* sentence) {
    std::set<std::string> out;
    for (const Event& e : Run(sentence).events) out.insert(e.type);
    return out;
  };
  // "The preacher cited the poet's words in Homs yesterday" against "a
  // soldier was martyred by a sniper's bullets in Homs yesterday".
  EXPECT_FALSE(types("واستشهد الخطيب بقول الشاعر في حمص أمس.").count("killed"));
  EXPECT_TRUE(types("استشهد جندي برصاص قناص في حمص أمس.").count("killed"));
  // "Three Palestinians, two children among them (بما فيهم), were martyred".
  EXPECT_FALSE(types("استشهد ثلاثة فلسطينيين بما فيهم طفلان في حمص أمس.").empty());
  // "The ministry recorded 5 cases of a virus in Riyadh" (no wound) against
  // "3 people were wounded in an explosion in Riyadh".
  EXPECT_FALSE(types("سجلت الوزارة 5 حالات إصابة بفيروس كورونا في الرياض أمس.").count("injured"));
  EXPECT_FALSE(types("أصيب 3 أشخاص بفيروس كورونا في الرياض أمس.").count("injured"));
  EXPECT_TRUE(types("أصيب 3 أشخاص بجروح في انفجار في الرياض أمس.").count("attack"));
  // "The Gulf states condemned the attack on a mosque in Abha" against "the
  // court convicted the man of spying in Cairo".
  EXPECT_FALSE(types("أدانت دول مجلس التعاون الهجوم الإرهابي على مسجد في أبها أمس.").count("sentenced"));
  EXPECT_TRUE(types("أدانت المحكمة الرجل بتهمة التجسس في القاهرة أمس.").count("sentenced"));
}

TEST_F(ExtractTest, WhatIsFoiledOrCalledForDidNotHappen) {
  // "The police foiled an attempted bombing in Homs yesterday"; "the
  // minister called for bringing the 50 refugees back to Homs"; "the group
  // plans an attack on Homs".
  for (const char* sentence : {"أحبطت الشرطة محاولة تفجير في حمص أمس.",
                               "دعا الوزير إلى إعادة 50 لاجئا إلى حمص.", "وتخطط الجماعة لهجوم على حمص."}) {
    EXPECT_TRUE(Run(sentence).events.empty()) << sentence;
  }
  // "The minister survived an assassination attempt in Homs": no killing.
  for (const Event& e : Run("نجا الوزير من محاولة اغتيال في حمص أمس.").events) EXPECT_NE(e.type, "killed");
  // But "the minister demanded an inquiry into the journalist's killing":
  // the killing happened; "the student said": الطالب is no demand.
  EXPECT_FALSE(Run("وطالب الوزير بالتحقيق في مقتل الصحفي في حمص أمس.").events.empty());
  EXPECT_FALSE(Run("وقال الطالب قتل أخي في حمص أمس.").events.empty());
}

TEST_F(ExtractTest, SeparateIncidentsAreNotMerged) {
  // "6 soldiers were killed in an ambush near Mosul. In another incident,
  // 9 civilians were killed in the explosion of a roadside bomb."
  const Extraction x = Run(
      "قتل 6 جنود في كمين قرب الموصل. وفي حادث آخر، قتل 9 مدنيين في انفجار عبوة ناسفة.");
  std::vector<double> killed;
  for (const Event& e : x.events) {
    if (e.type == "attack" && e.killed) killed.push_back(*e.killed);
  }
  ASSERT_EQ(killed.size(), 2u);
  EXPECT_EQ(killed[0], 6);
  EXPECT_EQ(killed[1], 9);
}

TEST_F(ExtractTest, ABodyThatSpeaksFirstIsTheSource) {
  // "The Jordanian Interior Ministry announced the death of officer Khalid
  // al-Omari in a clash that killed 3 people."
  const Extraction x = Run(
      "أعلنت وزارة الداخلية الأردنية وفاة الضابط خالد العمري في اشتباك أودى بحياة 3 أشخاص.");
  const Claim* c = ClaimWith(x, "3");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->source.kind, Attribution::Kind::kEntity);
  EXPECT_EQ(c->source.text, "وزارة الداخلية الأردنية");
}

TEST_F(ExtractTest, BirthAndSinceYearsDoNotDateEvents) {
  // "The police arrested Samer Nasser, born in 1985, in Homs yesterday."
  Extraction x = Run("اعتقلت الشرطة سامر ناصر المولود عام 1985 في حمص أمس.", "2024-03-05");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].type, "arrested");
  EXPECT_EQ(x.events[0].date, "2024-03-04");
  // "The police arrested a man wanted since 2017, on Sunday."
  x = Run("اعتقلت الشرطة رجلا مطلوبا منذ عام 2017 في حمص، وذلك يوم الأحد.", "2024-03-05");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].date, "2024-03-03");
}

TEST_F(ExtractTest, ABreakdownStopsAtADate) {
  // "12 people were killed, among them 4 women, on 9 April 2022."
  const Extraction x = Run("قتل 12 شخصا بينهم 4 نساء في 9 نيسان 2022.");
  const Claim* c = ClaimWith(x, "12");
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->breakdown.size(), 1u);
  EXPECT_EQ(c->breakdown[0].first, "امرأة");
  EXPECT_EQ(c->breakdown[0].second, 4);
}

TEST_F(ExtractTest, AParticipleTakesTheSourceOfItsSentence) {
  // "Local sources reported the arrest of Samer Nasser in Homs, adding that
  // 7 others fled."
  const Extraction x =
      Run("أفادت مصادر محلية بتوقيف سامر ناصر في حمص، مضيفة أن 7 آخرين فروا.");
  EXPECT_EQ(DescribedSourceOf(x, "7"), "مصادر محلية");
}

TEST_F(ExtractTest, AQuoteWithNoSpeakerBorrowsNoneFromTheNextSentence) {
  // "Samer Nasser said the road is closed. The protesters chanted «no going
  // back after today». Huda Issa said the chant is well known."
  const Extraction x = Run(
      "قال سامر ناصر إن الطريق مغلق. وردد المحتجون هتاف «لا عودة إلى الوراء بعد اليوم». "
      "قالت هدى عيسى إن الهتاف معروف.");
  const Quote* chant = nullptr;
  for (const Quote& q : x.quotes) {
    if (q.direct) chant = &q;
  }
  ASSERT_NE(chant, nullptr);
  EXPECT_FALSE(chant->speaker.has_value()) << chant->speaker->text;
}

TEST_F(ExtractTest, AnOutletToldIsNeitherSourceNorParticipant) {
  // "An official in the Justice Ministry told the German news agency that 6
  // people were arrested in Homs."
  Extraction x = Run(
      "وقال مسؤول في وزارة العدل لوكالة الأنباء الألمانية إن 6 أشخاص اعتقلوا في حمص.");
  EXPECT_EQ(DescribedSourceOf(x, "6"), "مسؤول في وزارة العدل");
  EXPECT_FALSE(AParticipantHas(x, "الأنباء"));
  // "Anadolu Agency quoted a military source as saying 15 gunmen were
  // killed in the Hama countryside."
  x = Run("ونقلت وكالة الأناضول عن مصدر عسكري قوله إن 15 مسلحا قتلوا في ريف حماة.");
  ASSERT_FALSE(x.events.empty());
  EXPECT_FALSE(AParticipantHas(x, "الأناضول"));
}

TEST_F(ExtractTest, APronounAfterTheVerbIsNotTheSource) {
  // "According to what a police source reported (it), 9 people were
  // detained in Daraa."
  const Extraction x = Run("وبحسب ما أفاد به مصدر في الشرطة، فقد أوقف 9 أشخاص في درعا.");
  EXPECT_EQ(DescribedSourceOf(x, "9"), "مصدر في الشرطة");
}

TEST_F(ExtractTest, APrepositionAfterTheVerbBeginsNoSource) {
  // "Which is what the rise in the number of victims to 12 dead in the city
  // points to": إليه (to it) had been the source.
  const Extraction x = Run("وهو ما يشير إليه ارتفاع عدد الضحايا إلى 12 قتيلا في المدينة.");
  const Claim* c = ClaimWith(x, "12");
  ASSERT_NE(c, nullptr);
  EXPECT_NE(c->source.text.rfind("إليه", 0), 0u) << c->source.text;
  // "Some sources reported that 7 people were injured": بعض (some), which
  // the function words have, still begins a source.
  EXPECT_EQ(DescribedSourceOf(Run("وذكرت بعض المصادر أن 7 أشخاص أصيبوا في حمص."), "7"), "بعض المصادر");
}

TEST_F(ExtractTest, ADescribedSourceEndsBeforeTheVerbsObject) {
  // "Iraqi security sources estimated the number of the dead at about 40":
  // the number (عدد) is the object, not part of the source.
  EXPECT_EQ(DescribedSourceOf(Run("وقدرت مصادر أمنية عراقية عدد القتلى بنحو 40 شخصا."), "40"),
            "مصادر أمنية عراقية");
  // A place with its preposition still qualifies the source: "navigation
  // sources at Cairo airport said 3 flights were cancelled".
  EXPECT_EQ(DescribedSourceOf(Run("وقالت مصادر ملاحية بمطار القاهرة إن 3 رحلات ألغيت."), "3"),
            "مصادر ملاحية بمطار القاهرة");
  // An indefinite genitive with its adjective: "American intelligence
  // services put the number of suspects at 5" had been «أجهزة» alone.
  EXPECT_EQ(DescribedSourceOf(Run("وقدرت أجهزة استخبارات أميركية عدد المشتبهين بنحو 5 أشخاص."), "5"),
            "أجهزة استخبارات أميركية");
}

TEST_F(ExtractTest, AnotherTitleIsAnotherSpeaker) {
  // "The army spokesman Samer Nasser said 5 soldiers were injured. The
  // governor said 20 families fled the village. The spokesman added that 3
  // others are missing."
  const Extraction x = Run(
      "قال المتحدث باسم الجيش سامر ناصر إن 5 جنود أصيبوا. وقال المحافظ إن 20 عائلة نزحت من "
      "القرية. وأضاف المتحدث أن 3 آخرين مفقودون.");
  EXPECT_EQ(DescribedSourceOf(x, "20"), "المحافظ");
  const Claim* spokesman = ClaimWith(x, "3");
  ASSERT_NE(spokesman, nullptr);
  EXPECT_EQ(spokesman->source.text, "سامر ناصر");
}

TEST_F(ExtractTest, AKindOfBodyStandsForTheBodyOfThatKindNamedBefore) {
  // "The newspaper al-Raqib al-Sharqi reported that 12 fighters crossed the
  // border. The Ministry of Water said 3 wells dried up. The newspaper added
  // that 40 families left the village."
  Extraction x = Run(
      "ذكرت صحيفة الرقيب الشرقي أن 12 مقاتلا عبروا الحدود. وقالت وزارة المياه إن 3 آبار جفت. "
      "وأضافت الصحيفة أن 40 عائلة غادرت القرية.");
  const Claim* paper = ClaimWith(x, "40");
  ASSERT_NE(paper, nullptr);
  EXPECT_EQ(paper->source.kind, Attribution::Kind::kEntity);
  EXPECT_EQ(paper->source.text, "صحيفة الرقيب الشرقي");
  // The group named after its kind in quotation marks: "the movement
  // «Shabab al-Sahl» claimed the attack ... the movement said 6 fighters
  // were killed".
  x = Run("تبنت حركة «شباب السهل» الهجوم على المعبر. وقالت الحركة إن 6 مقاتلين قتلوا في الهجوم.");
  const Claim* group = ClaimWith(x, "6");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->source.kind, Attribution::Kind::kEntity);
  EXPECT_EQ(group->source.text, "شباب السهل");
  // A body written with ل joined to it (لشركة) is named too: "the results of
  // the Eastern Cables Company turned to profit", after another company.
  x = Run("أعلنت شركة النور للطاقة أرباحها. وتحولت النتائج المالية لشركة الكابلات الشرقية إلى الربح. "
          "وقالت الشركة إن 40 موظفا انضموا إليها.");
  const Claim* company = ClaimWith(x, "40");
  ASSERT_NE(company, nullptr);
  EXPECT_EQ(company->source.text, "شركة الكابلات");
  // Not a movement named inside another's quoted words.
  x = Run("أعلنت حركة «شباب السهل» رفضها للاتفاق. وقال القيادي سامر ناصر: «لن نقبل بما قبلت به "
          "حركة فتح». وقالت الحركة إن 5 من عناصرها اعتقلوا.");
  const Claim* movement = ClaimWith(x, "5");
  ASSERT_NE(movement, nullptr);
  EXPECT_NE(movement->source.text, "فتح");
  EXPECT_NE(movement->source.text, "حركة فتح");
  // A name in marks of its own is named, not skipped as a quotation.
  x = Run("أعلنت «حركة شباب السهل الكبرى» أمس توقف المفاوضات. وقالت الحركة إن 5 من مقاتليها قتلوا.");
  const Claim* marked = ClaimWith(x, "5");
  ASSERT_NE(marked, nullptr);
  EXPECT_EQ(marked->source.kind, Attribution::Kind::kEntity);
  // A mission of a body is not the body: «بعثة الأمم المتحدة».
  x = Run("وقالت بعثة الأمم المتحدة في البلاد إن الوضع هادئ. وأضافت البعثة أن 7 قرى أخليت.");
  const Claim* mission = ClaimWith(x, "7");
  ASSERT_NE(mission, nullptr);
  EXPECT_NE(mission->source.text, "الأمم المتحدة");
  // No body of the kind named before: described, as written.
  EXPECT_EQ(DescribedSourceOf(Run("وقالت الوزارة إن 7 أشخاص أصيبوا في الحادث."), "7"), "الوزارة");
}

TEST_F(ExtractTest, PiecesOfWordsAreNoSources) {
  // ب written apart before its number is a measure, not a speaker: "the
  // minister said the growth rate is estimated at 10%" had the source «ب».
  Extraction x = Run("وقال الوزير إن معدل النمو يقدر ب 10% سنويا.");
  const Claim* c = ClaimWith(x, "10");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->source.text, "الوزير");
  // The article written apart before a number is an ordinal's: "the 51st
  // report" had been «التقرير ال».
  EXPECT_EQ(DescribedSourceOf(Run("وأوضح التقرير الـ 51 الذي صدر أمس أن القروض زادت بنسبة 8%."), "8"),
            "التقرير ال 51");
  // "Dr." written against the name: the name speaks, not «د».
  x = Run("وأوضح د.سامر ناصر أن 300 طالب رسبوا في الامتحان.");
  c = ClaimWith(x, "300");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->source.kind, Attribution::Kind::kEntity);
  EXPECT_EQ(c->source.text, "سامر ناصر");
  // "He went on, saying": the speaker is the one before, not «قائلا».
  x = Run("قال سامر ناصر إن الطريق مغلق. وتابع قائلا إن 4 أشخاص فروا.");
  c = ClaimWith(x, "4");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->source.text, "سامر ناصر");
}

TEST_F(ExtractTest, WhatAVerbOfEstimatingMeasuredIsNoSpeaker) {
  // "The spending on the project was estimated at 500 million riyals."
  Extraction x = Run("وقدر حجم الإنفاق على المشروع بنحو 500 مليون ريال.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].source.kind, Attribution::Kind::kOutlet);
  // A name before the verb is its subject: "the Relief Agency estimates the
  // number of refugees at 9,000".
  x = Run("والأمم المتحدة تقدر عدد اللاجئين في المخيم بنحو 9000 لاجئ.");
  const Claim* agency = ClaimWith(x, "9000");
  ASSERT_NE(agency, nullptr);
  EXPECT_EQ(agency->source.kind, Attribution::Kind::kEntity);
  EXPECT_EQ(agency->source.text, "الأمم المتحدة");
  // "The project is considered among the most important, at 72 km long":
  // no one speaks.
  x = Run("ويعتبر المشروع من أهم المشاريع إذ يبلغ طوله 72 كيلومترا.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].source.kind, Attribution::Kind::kOutlet);
  // "Some experts consider that": a clause of what is considered follows.
  EXPECT_EQ(DescribedSourceOf(Run("ويعتبر بعض الخبراء أن 40 مصنعا أغلقت أبوابها."), "40"), "بعض الخبراء");
  // "Considers that" is no passive: the researcher speaks.
  x = Run("لكن الباحث الاقتصادي سامر ناصر يعتبر أن 300 شخص فقدوا وظائفهم.");
  const Claim* researcher = ClaimWith(x, "300");
  ASSERT_NE(researcher, nullptr);
  EXPECT_EQ(researcher->source.text, "سامر ناصر");
  // Nor does the currency say what follows «مؤكدا» (stressing): no one of
  // the sentence speaks.
  x = Run("وقدر حجم الإنفاق بنحو 500 مليون ريال مرتفعا بنسبة 11% عن العام الماضي، مؤكدا أن المشروع سينتهي قريبا.");
  ASSERT_EQ(x.claims.size(), 2u);
  for (const Claim& c : x.claims) EXPECT_NE(c.source.kind, Attribution::Kind::kEntity) << c.source.text;
  // A source word after the verb still estimates.
  EXPECT_EQ(DescribedSourceOf(Run("وقدرت مصادر أمنية عدد المقاتلين بنحو 500 مقاتل."), "500"), "مصادر أمنية");
}

TEST_F(ExtractTest, AffiliatedIsNotWentOn) {
  // "8 people were injured in a centre affiliated to the United Nations in
  // Gaza."
  Extraction x = Run("أصيب 8 أشخاص في مركز تابع للأمم المتحدة في غزة.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].source.kind, Attribution::Kind::kOutlet);
  // "Samer Nasser said the road is closed, and went on: 4 people fled."
  x = Run("قال سامر ناصر إن الطريق مغلق. وتابع أن 4 أشخاص فروا.");
  const Claim* c = ClaimWith(x, "4");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->source.text, "سامر ناصر");
}

TEST_F(ExtractTest, DeniedEventsAreNotEvents) {
  // "The police did not arrest any suspect in Daraa on 2 May 2022."
  const Extraction x = Run("لم تعتقل الشرطة أي مشتبه به في درعا يوم 2 أيار 2022.");
  for (const Event& e : x.events) EXPECT_NE(e.type, "arrested");
}

TEST_F(ExtractTest, LastWeekWithoutHamzaNamesNoDay) {
  // "The police arrested 4 people in Homs last week" (أسبوع without hamza).
  const Extraction x = Run("اعتقلت الشرطة 4 أشخاص في حمص الاسبوع الماضي.", "2024-03-05");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].date_precision, "month");
}

TEST_F(ExtractTest, ADateBeforeTheNumberKeepsTheCount) {
  // "On 8 May 2022 the police detained about 14 people in Hama."
  const Extraction x = Run("أوقفت الشرطة في 8 أيار 2022 نحو 14 شخصا في حماة.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].type, "arrested");
  EXPECT_EQ(x.events[0].count, 14);
}

TEST_F(ExtractTest, TheSourceIsNamedWithoutItsPreposition) {
  // "According to Samer Nasser, 25 fighters left the town."
  const Extraction x = Run("وفقا لسامر ناصر فإن 25 مقاتلا غادروا البلدة.");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_EQ(x.claims[0].source.kind, Attribution::Kind::kEntity);
  EXPECT_EQ(x.claims[0].source.text, "سامر ناصر");
}

// Bad input: nothing crashes, nothing is invented.
TEST_F(ExtractTest, EmptyAndNonArabicText) {
  Extraction x = Run("");
  EXPECT_TRUE(x.quotes.empty() && x.claims.empty() && x.events.empty());
  x = Run("The ministry said \"forty people were arrested in the city\" yesterday.");
  EXPECT_TRUE(x.claims.empty());
  EXPECT_TRUE(x.events.empty());
}

TEST_F(ExtractTest, RepairedInvalidUtf8AndUnbalancedQuotes) {
  const std::string broken = text::RepairUtf8(std::string("قال \xff\xfe مسؤول إن «نحو 300 مقاتل") +
                                              " غادروا. وأضاف \" ثم » انتهى «");
  const Extraction x = Run(broken);
  for (const Quote& q : x.quotes) {
    EXPECT_LE(q.span.end, analysis_.normalized.text.size());
    EXPECT_LE(q.span.begin, q.span.end);
  }
  const Claim* c = ClaimWith(x, "300");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->value, 300);
}

TEST_F(ExtractTest, HugeNumbersStayFinite) {
  const Extraction x = Run("وبلغت الخسائر 999999999999999999999999 دولار و"
                           "عشرات ملايين المليارات من الدولارات.");
  for (const Claim& c : x.claims) {
    EXPECT_TRUE(std::isfinite(c.value));
    if (c.low) {
      EXPECT_TRUE(std::isfinite(*c.low));
    }
  }
}

TEST_F(ExtractTest, MentionsOfAnotherTextAreIgnored) {
  const text::Analysis other = text::Analyze("زار أحمد سالم بيروت والتقى وزير الخارجية هناك.");
  const std::vector<ner::Mention> foreign = tagger_->Tag(other);
  const text::Analysis a = text::Analyze("قال");
  const Extraction x = Extract(a, foreign, "");
  EXPECT_TRUE(x.claims.empty());
}

TEST_F(ExtractTest, UnclosedQuotationMarksQuoteNothing) {
  // A megabyte of opening marks with no closing one and no newline (its time,
  // once 31 s, is measured by extract_bench's BM_UnclosedQuotationMarks).
  std::string text;
  while (text.size() < (1u << 20)) text += "«";
  EXPECT_TRUE(Run(text).quotes.empty());
}

TEST_F(ExtractTest, LongTextIsLinear) {
  std::string text;
  for (int i = 0; i < 2000; ++i) {
    text += "وقال مسؤول إن «نحو 300 مقاتل غادروا المدينة». ";
    text += "\" ";  // an unpaired mark every sentence
  }
  const Extraction x = Run(text);
  EXPECT_GE(x.claims.size(), 1000u);
}

}  // namespace
}  // namespace marsad::extract
