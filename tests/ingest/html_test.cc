// ExtractHtml on synthetic Arabic pages written for these tests.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "text/text.h"

namespace marsad::ingest {
namespace {

// An article on a new desalination plant in Tyre, five paragraphs.
const char* const kParagraphs[] = {
    "صور - افتتح وزير الطاقة والمياه، صباح الثلاثاء، محطة جديدة لتحلية مياه البحر في مدينة صور "
    "جنوبي لبنان، بطاقة إنتاجية تبلغ عشرين ألف متر مكعب يوميا.",
    "وقال الوزير في كلمة ألقاها خلال حفل الافتتاح إن المحطة ستغطي حاجة أكثر من مئة ألف نسمة، "
    "مشيرا إلى أن المشروع استغرق ثلاث سنوات من العمل المتواصل.",
    "وأوضح مدير المشروع أن المحطة تعمل بالطاقة الشمسية جزئيا، وأن كلفة إنشائها بلغت نحو خمسة "
    "وأربعين مليون دولار، بتمويل مشترك من الحكومة وجهات مانحة.",
    "من جهتهم، عبّر عدد من سكان المدينة عن ارتياحهم للمشروع، لافتين إلى أن انقطاع المياه في فصل "
    "الصيف كان يدفعهم إلى شراء الصهاريج بأسعار مرتفعة.",
    "ويأتي افتتاح المحطة في إطار خطة وطنية تهدف إلى تحسين إمدادات المياه في المناطق الساحلية، "
    "والحد من استنزاف المياه الجوفية التي تعاني من التملح.",
};

std::string ExpectedText() {
  std::string t;
  for (const char* p : kParagraphs) {
    if (!t.empty()) t += "\n\n";
    t += p;
  }
  return t;
}

// A full page: head metadata, header with navigation, the article with a
// byline and a share bar, a related-links aside, comments with their form,
// a footer.
std::string FullPage() {
  std::string page = R"(<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>افتتاح محطة لتحلية المياه في صور - موقع الأخبار</title>
<meta property="og:site_name" content="موقع الأخبار">
<meta property="article:published_time" content="2024-03-12T09:30:00+02:00">
<link rel="canonical" href="https://news.example/2024/03/12/tyre-water">
<style>body { font-family: sans-serif; } .nav > li { display: inline; }</style>
<script>window.dataLayer = window.dataLayer || []; if (a < b) { track('<p>'); }</script>
</head><body>
<header class="site-header">
  <a href="/" class="logo">موقع الأخبار</a>
  <nav><ul class="nav">
    <li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li>
    <li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li>
    <li><a href="/culture">ثقافة</a></li><li><a href="/contact">اتصل بنا</a></li>
  </ul></nav>
  <form class="search" action="/search"><input name="q" placeholder="بحث"><button>بحث</button></form>
</header>
<main>
<article>
  <h1>افتتاح محطة لتحلية المياه في صور</h1>
  <div class="meta"><span>كتب: سامر الحلبي</span> <time datetime="2024-03-12">الثلاثاء 12 مارس 2024</time></div>
  <div class="share"><span>شارك:</span> <a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
  <div class="body">
)";
  for (const char* p : kParagraphs) page += "    <p>" + std::string(p) + "</p>\n";
  page += R"(  </div>
  <div class="tags">الوسوم: <a href="/t/1">مياه</a> <a href="/t/2">لبنان</a> <a href="/t/3">طاقة</a></div>
</article>
<aside class="related">
  <h3>أخبار ذات صلة</h3>
  <ul>
    <li><a href="/a1">ارتفاع أسعار المياه المعبأة في الأسواق</a></li>
    <li><a href="/a2">خطة حكومية لمعالجة أزمة الكهرباء</a></li>
    <li><a href="/a3">انطلاق موسم قطاف الزيتون في الجنوب</a></li>
  </ul>
</aside>
<section class="comments">
  <h3>التعليقات (2)</h3>
  <ol>
    <li><b>أبو علي</b> <span>منذ ساعتين</span><p>خطوة ممتازة، نأمل أن تعمم التجربة على باقي المدن.</p></li>
    <li><b>ريم</b> <span>منذ ساعة</span><p>أخيرا! لكن ماذا عن الأسعار؟</p></li>
  </ol>
  <form action="/comment" method="post">
    <h4>أضف تعليقك</h4>
    <label>الاسم</label><input name="name">
    <label>البريد الإلكتروني</label><input name="email">
    <label>التعليق</label><textarea name="body"></textarea>
    <button type="submit">إرسال</button>
  </form>
</section>
</main>
<footer>
  <ul><li><a href="/about">من نحن</a></li><li><a href="/privacy">سياسة الخصوصية</a></li></ul>
  <p>جميع الحقوق محفوظة © 2024 موقع الأخبار</p>
</footer>
</body></html>)";
  return page;
}

bool HasReason(const HtmlArticle& a, const std::string& reason) {
  for (const Removed& r : a.boilerplate) {
    if (r.reason == reason) return true;
  }
  return false;
}

std::string AllRemoved(const HtmlArticle& a) {
  std::string all;
  for (const Removed& r : a.boilerplate) all += r.text + "\n";
  return all;
}

TEST(HtmlTest, FullPageKeepsExactlyTheArticle) {
  const HtmlArticle a = ExtractHtml(FullPage());
  EXPECT_EQ(a.text, ExpectedText());
  EXPECT_EQ(a.title, "افتتاح محطة لتحلية المياه في صور");
  EXPECT_EQ(a.published, "2024-03-12");
  EXPECT_EQ(a.url, "https://news.example/2024/03/12/tyre-water");
}

TEST(HtmlTest, FullPageReportsWhatItDropped) {
  const HtmlArticle a = ExtractHtml(FullPage());
  EXPECT_TRUE(HasReason(a, "navigation"));
  EXPECT_TRUE(HasReason(a, "aside"));
  EXPECT_TRUE(HasReason(a, "form"));
  EXPECT_TRUE(HasReason(a, "footer"));
  const std::string removed = AllRemoved(a);
  // Menu, related headline, comment form label, comment, byline, copyright.
  for (const char* s : {"اقتصاد", "خطة حكومية لمعالجة أزمة الكهرباء", "البريد الإلكتروني",
                        "خطوة ممتازة", "كتب: سامر الحلبي", "جميع الحقوق محفوظة"}) {
    EXPECT_NE(removed.find(s), std::string::npos) << s;
  }
  // Scripts and styles are neither text nor boilerplate.
  EXPECT_EQ(removed.find("dataLayer"), std::string::npos);
  EXPECT_EQ(removed.find("font-family"), std::string::npos);
}

// An article on a book fair in plain <div>s: no <article>, <main>, <nav> or
// <aside>; a menu and a "most read" list as lists of links, a related-stories
// block with teasers inside the text container, <br>-separated lines.
const char* const kFairParagraphs[] = {
    "عمّان - انطلقت مساء الأحد فعاليات الدورة الثالثة والعشرين لمعرض عمّان الدولي للكتاب، "
    "بمشاركة أكثر من أربعمئة دار نشر من اثنتين وعشرين دولة.",
    "وقال رئيس اتحاد الناشرين إن المعرض يضم هذا العام جناحا خاصا بكتب الأطفال، إلى جانب "
    "برنامج ثقافي يتضمن ندوات وأمسيات شعرية وتواقيع لعدد من الكتّاب.",
    "وأشار إلى أن إدارة المعرض خفضت أسعار التذاكر للطلبة، وأتاحت الدخول مجانا لكبار السن، "
    "في محاولة لاستقطاب جمهور أوسع بعد تراجع الإقبال في الدورات الماضية.",
    "ويستمر المعرض عشرة أيام، ويفتح أبوابه يوميا من العاشرة صباحا حتى العاشرة مساء، وفق "
    "ما أعلنته اللجنة المنظمة في بيان.",
};

std::string DivPage() {
  std::string page = R"(<html><head>
<meta property="og:title" content="انطلاق معرض عمان الدولي للكتاب">
<meta name="date" content="2023/09/24">
</head><body>
<div id="top"><div class="logo"><a href="/">ثقافة اليوم</a></div>
<div class="menu"><ul><li><a href="/">الرئيسية</a></li><li><a href="/books">كتب</a></li>
<li><a href="/cinema">سينما</a></li><li><a href="/music">موسيقى</a></li><li><a href="/art">فنون</a></li></ul></div></div>
<div class="container">
 <div class="right">
  <div class="title"><h2>انطلاق معرض عمان الدولي للكتاب</h2></div>
  <div class="info">ثقافة اليوم<br>24 أيلول 2023</div>
  <div class="content">
)";
  for (const char* p : kFairParagraphs) page += "   <div>" + std::string(p) + "</div>\n";
  page += R"(   <div class="rel">
    <div class="item"><a href="/r1">روائيون شباب يقرأون من أعمالهم الجديدة</a><p>أمسية في رابطة الكتاب تجمع خمسة أصوات روائية.</p></div>
    <div class="item"><a href="/r2">جائزة للترجمة تعلن قائمتها القصيرة</a><p>ستة كتب مترجمة تتنافس على الجائزة هذا العام.</p></div>
    <div class="item"><a href="/r3">مكتبات الأحياء تفتح أبوابها ليلا</a><p>مبادرة بلدية لإطالة ساعات العمل في الصيف.</p></div>
   </div>
  </div>
 </div>
 <div class="left">
  <div class="box-title">الأكثر قراءة</div>
  <ul><li><a href="/m1">قائمة بأهم روايات العام الماضي</a></li><li><a href="/m2">مهرجان للسينما المستقلة في الزرقاء</a></li>
  <li><a href="/m3">حوار مع مترجمة شابة عن صنعة الترجمة</a></li><li><a href="/m4">عودة الحفلات إلى المدرج الروماني</a></li></ul>
 </div>
</div>
<div class="foot">ثقافة اليوم 2010 - 2023<br><a href="/about">من نحن</a> | <a href="/ads">أعلن معنا</a></div>
</body></html>)";
  return page;
}

TEST(HtmlTest, ArticleInPlainDivs) {
  const HtmlArticle a = ExtractHtml(DivPage());
  std::string expected;
  for (const char* p : kFairParagraphs) {
    if (!expected.empty()) expected += "\n\n";
    expected += p;
  }
  EXPECT_EQ(a.text, expected);
  EXPECT_EQ(a.title, "انطلاق معرض عمان الدولي للكتاب");
  EXPECT_EQ(a.published, "2023-09-24");
  const std::string removed = AllRemoved(a);
  EXPECT_NE(removed.find("مكتبات الأحياء تفتح أبوابها ليلا"), std::string::npos);
  EXPECT_NE(removed.find("مبادرة بلدية"), std::string::npos);  // a teaser of a related story
  EXPECT_NE(removed.find("عودة الحفلات إلى المدرج الروماني"), std::string::npos);
  EXPECT_TRUE(HasReason(a, "related"));
  EXPECT_TRUE(HasReason(a, "link-list"));
}

TEST(HtmlTest, ScriptsAndHandlersAreNotText) {
  std::string page = "<html><body><div>";
  page += "<img src=\"x.jpg\" onerror=\"alert('نص من السكربت')\" alt=\"صورة المحطة\">";
  page += "<script>document.write('<p>فقرة مزروعة من السكربت.</p>'); var x = 1 < 2;</script>";
  page += "<noscript><p>فعّل جافاسكربت لقراءة الموقع.</p></noscript>";
  page += "<style>p { color: red; }</style>";
  for (const char* p : kParagraphs) page += "<p>" + std::string(p) + "</p>";
  page += "<iframe src=\"/ad\">إعلان</iframe><svg><text>أيقونة</text></svg></div></body></html>";
  const HtmlArticle a = ExtractHtml(page);
  EXPECT_EQ(a.text, ExpectedText());
  const std::string all = a.text + AllRemoved(a);
  for (const char* s : {"alert", "مزروعة", "جافاسكربت", "color", "إعلان", "أيقونة", "صورة"}) {
    EXPECT_EQ(all.find(s), std::string::npos) << s;
  }
}

TEST(HtmlTest, PrivateUseReferencesAreTheirCharacters) {
  // The parser hands plain runs to gumbo as private-use characters of plane
  // 15; a page that writes one as a reference gets that character, not a
  // copy of the page's first run.
  std::string page = "<html><body><div>";
  for (const char* p : kParagraphs) page += "<p>" + std::string(p) + "</p>";
  page += "<p>رمز &#xF0000; ورمز &#983041; في النص.</p></div></body></html>";
  const HtmlArticle a = ExtractHtml(page);
  EXPECT_NE(a.text.find("رمز \U000F0000 ورمز \U000F0001 في النص."), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find(kParagraphs[0]), a.text.rfind(kParagraphs[0]));
}

TEST(HtmlTest, NoBodyOrNoTextGivesEmptyText) {
  HtmlArticle a = ExtractHtml("<html><head><title>صفحة فارغة</title></head></html>");
  EXPECT_EQ(a.text, "");
  EXPECT_EQ(a.title, "صفحة فارغة");
  EXPECT_EQ(a.published, "");
  a = ExtractHtml("");
  EXPECT_EQ(a.text, "");
  EXPECT_EQ(a.title, "");
  a = ExtractHtml("<html><body><div><img src=a.png></div><script>var t='نص';</script></body></html>");
  EXPECT_EQ(a.text, "");
  EXPECT_TRUE(a.boilerplate.empty());
}

TEST(HtmlTest, BrokenMarkupStillYieldsTheText) {
  std::string page = "<html><body><div class='a><p>'>غير مغلق <b>عريض <i>مائل</p></div></div></span>";
  page += "<table><tr><td><<<>>> <p";
  page += ">" + std::string(kParagraphs[0]) + "\xff\xfe</td><p>" + kParagraphs[1];
  page += "<div><p>" + std::string(kParagraphs[2]) + "<p>" + kParagraphs[3];
  page += std::string("\0", 1) + "</ul></li></table><p>" + kParagraphs[4] + "<a href='x";
  const HtmlArticle a = ExtractHtml(page);
  uint32_t bad = 0;
  text::RepairUtf8(a.text, &bad);
  EXPECT_EQ(bad, 0u);
  for (int i = 1; i < 4; ++i) EXPECT_NE(a.text.find(kParagraphs[i]), std::string::npos) << i;
}

TEST(HtmlTest, NeverCrashesOnTruncatedOrCorruptedPages) {
  const std::string page = FullPage();
  for (size_t cut = 0; cut < page.size(); cut += 97) {
    const HtmlArticle a = ExtractHtml(std::string_view(page).substr(0, cut));
    uint32_t bad = 0;
    text::RepairUtf8(a.text, &bad);
    EXPECT_EQ(bad, 0u) << cut;
  }
  std::string noisy = page;
  uint32_t state = 12345;
  for (size_t i = 0; i < noisy.size(); i += 13) {
    state = state * 1103515245 + 12345;
    noisy[i] = "<>/\"'=&;!-\xd8\xff\0"[state % 13];
  }
  ExtractHtml(noisy);
}

TEST(HtmlTest, DeepNestingIsBoundedInTime) {
  // gumbo's tree construction is quadratic in the depth of open elements.
  for (const char* tag : {"<div>", "<b><i><u><s>", "<span><font>", "<table>"}) {
    std::string page;
    for (int i = 0; i < 100000; ++i) page += tag;
    page += "<p>" + std::string(kParagraphs[0]) + "</p>";
    const auto start = std::chrono::steady_clock::now();
    ExtractHtml(page);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 3.0) << tag;
  }
}

TEST(HtmlTest, EntitiesAndBreaks) {
  std::string page = "<html><body><div>";
  page += "<p>الأمن &amp; السلامة:&nbsp;&#1575;&#x644;&#1605;&#1581;&#1591;&#1577; تعمل منذ الصباح، "
          "وفق ما أعلنه المكتب الإعلامي للبلدية.</p>";
  page += "<div>" + std::string(kParagraphs[0]) + "<br><br>" + kParagraphs[1] + "</div>";
  page += "</div></body></html>";
  const HtmlArticle a = ExtractHtml(page);
  EXPECT_EQ(a.text, "الأمن & السلامة: المحطة تعمل منذ الصباح، وفق ما أعلنه المكتب الإعلامي للبلدية."
                    "\n\n" + std::string(kParagraphs[0]) + "\n\n" + kParagraphs[1]);
}

std::string PageWithHead(const std::string& head, const std::string& body_top = "") {
  std::string page = "<html><head>" + head + "</head><body>" + body_top + "<div>";
  for (const char* p : kParagraphs) page += "<p>" + std::string(p) + "</p>";
  return page + "</div></body></html>";
}

TEST(HtmlTest, TitleSources) {
  // og:title first.
  EXPECT_EQ(ExtractHtml(PageWithHead("<title>عنوان الصفحة</title>"
                                     "<meta property='og:title' content='عنوان المقال'>"))
                .title,
            "عنوان المقال");
  // <title> without the site name given in meta.
  EXPECT_EQ(ExtractHtml(PageWithHead("<title>محطة جديدة في صور | جريدة الجنوب</title>"
                                     "<meta name='application-name' content='جريدة الجنوب'>"))
                .title,
            "محطة جديدة في صور");
  // Site name first.
  EXPECT_EQ(ExtractHtml(PageWithHead("<title>جريدة الجنوب - محطة جديدة في صور</title>"
                                     "<meta property='og:site_name' content='جريدة الجنوب'>"))
                .title,
            "محطة جديدة في صور");
  // A domain as suffix.
  EXPECT_EQ(ExtractHtml(PageWithHead("<title>محطة جديدة في صور - janoub.example</title>")).title,
            "محطة جديدة في صور");
  // The other half is the headline on the page.
  EXPECT_EQ(ExtractHtml(PageWithHead("<title>محطة جديدة في صور :: الجنوب</title>",
                                     "<h1>محطة جديدة في صور</h1>"))
                .title,
            "محطة جديدة في صور");
  // A dash that is part of the headline stays.
  EXPECT_EQ(ExtractHtml(PageWithHead("<title>صور - محطة جديدة لتحلية المياه</title>")).title,
            "صور - محطة جديدة لتحلية المياه");
  // <h1> when the head has nothing; it is not repeated in the text.
  const HtmlArticle a = ExtractHtml(PageWithHead("", "<h1>محطة جديدة في صور</h1>"));
  EXPECT_EQ(a.title, "محطة جديدة في صور");
  EXPECT_EQ(a.text, ExpectedText());
}

TEST(HtmlTest, SiteNameInsideTheHeadlineIsNotTheSite) {
  // Site "Riyadh"; "Heavy rain in Riyadh - video".
  EXPECT_EQ(ExtractHtml(PageWithHead("<meta property='og:site_name' content='الرياض'>"
                                     "<meta property='og:title' "
                                     "content='أمطار غزيرة في الرياض - فيديو'>"))
                .title,
            "أمطار غزيرة في الرياض - فيديو");
  // Site "al-Watan"; "Scenes: al-Watan bids farewell to its martyrs | report".
  EXPECT_EQ(ExtractHtml(PageWithHead("<meta property='og:site_name' content='الوطن'>"
                                     "<title>مشاهد: الوطن يودع شهداءه | تقرير</title>"))
                .title,
            "مشاهد: الوطن يودع شهداءه | تقرير");
  // The site's name with a word for its kind still goes: "al-Watan newspaper".
  EXPECT_EQ(ExtractHtml(PageWithHead("<meta property='og:site_name' content='الوطن'>"
                                     "<title>محطة جديدة في صور - صحيفة الوطن</title>"))
                .title,
            "محطة جديدة في صور");
}

TEST(HtmlTest, HeadlineInH1WhenTheHeadHasOnlyTheSiteOrABreadcrumb) {
  const std::string h1 = "<h1>محطة جديدة في صور</h1>";  // "A new plant in Tyre"
  // "al-Ghad newspaper" as title, og:title or both.
  const std::string site = "<meta property='og:site_name' content='صحيفة الغد'>";
  EXPECT_EQ(ExtractHtml(PageWithHead(site + "<title>صحيفة الغد</title>", h1)).title,
            "محطة جديدة في صور");
  EXPECT_EQ(ExtractHtml(PageWithHead(site + "<meta property='og:title' content='صحيفة الغد'>", h1))
                .title,
            "محطة جديدة في صور");
  // og:title is the site, <title> the headline ("A new desalination plant").
  EXPECT_EQ(ExtractHtml(PageWithHead(site +
                                     "<meta property='og:title' content='صحيفة الغد'>"
                                     "<title>محطة جديدة لتحلية المياه - صحيفة الغد</title>",
                                     h1))
                .title,
            "محطة جديدة لتحلية المياه");
  // Without a headline elsewhere, the site's name is better than nothing.
  EXPECT_EQ(ExtractHtml(PageWithHead(site + "<title>صحيفة الغد</title>")).title, "صحيفة الغد");
  // Breadcrumbs: "… - Local - al-Ghad newspaper", "al-Ghad newspaper | Local | …".
  EXPECT_EQ(
      ExtractHtml(PageWithHead(site + "<title>محطة جديدة في صور - محليات - صحيفة الغد</title>", h1))
          .title,
      "محطة جديدة في صور");
  EXPECT_EQ(ExtractHtml(PageWithHead("<title>صحيفة الغد | محليات | محطة جديدة في صور</title>", h1))
                .title,
            "محطة جديدة في صور");
  // An <h1> holding the site's logo (in the page's header, or a link home)
  // is the site: "al-Ghad | Local | …", "… | al-Ghad".
  const std::string headline = "محطة جديدة لتحلية المياه في صور";
  const std::string logo = "<header><h1>الغد</h1></header>";
  EXPECT_EQ(ExtractHtml(PageWithHead("<title>الغد | محليات | " + headline + "</title>", logo)).title,
            "محليات | " + headline);
  EXPECT_EQ(ExtractHtml(PageWithHead("<title>" + headline + " | الغد</title>", logo)).title, headline);
  EXPECT_EQ(ExtractHtml(PageWithHead("<title>" + headline + " | الغد</title>",
                                     "<div><h1><a href='/'>الغد</a></h1></div>"))
                .title,
            headline);
  // Of two <h1>, the one in the article is the headline.
  std::string two = "<html><head><title>" + headline + " | الغد</title></head><body>"
                    "<div class='bar'><h1>الغد</h1></div><div><h1>" + headline + "</h1>";
  for (const char* p : kParagraphs) two += "<p>" + std::string(p) + "</p>";
  EXPECT_EQ(ExtractHtml(two + "</div></body></html>").title, headline);
  // A headline shorter than the site's name is still the headline: "Blast
  // in Beirut | the London Asharq al-Awsat newspaper".
  EXPECT_EQ(ExtractHtml(PageWithHead("<title>انفجار في بيروت | صحيفة الشرق الأوسط اللندنية</title>",
                                     "<h1>انفجار في بيروت</h1>"))
                .title,
            "انفجار في بيروت");
}

TEST(HtmlTest, DateSources) {
  auto date = [](const std::string& head, const std::string& top = "") {
    return ExtractHtml(PageWithHead(head, top)).published;
  };
  EXPECT_EQ(date("<meta property='og:published_time' content='2022-11-05T10:00:00Z'>"), "2022-11-05");
  EXPECT_EQ(date("<meta itemprop='datePublished' content='2021-01-31'>"), "2021-01-31");
  EXPECT_EQ(date("<meta name='pubdate' content='20200214'>"), "2020-02-14");
  EXPECT_EQ(date("<meta name='DC.date' content='14/02/2020'>"), "2020-02-14");
  EXPECT_EQ(date("<meta name='date' content='Tue, 05 Mar 2024 08:00:00 GMT'>"), "2024-03-05");
  // JSON-LD that is not valid JSON (a trailing comma) still gives its date.
  EXPECT_EQ(date("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
                 "\"datePublished\": \"2019-07-08T12:00:00+03:00\",}</script>"),
            "2019-07-08");
  // In an @graph, the article's date beats the page's.
  EXPECT_EQ(date("<script type='application/ld+json'>{\"@graph\": ["
                 "{\"@type\": \"WebPage\", \"datePublished\": \"2020-01-01\"}, "
                 "{\"@type\": [\"NewsArticle\"], \"datePublished\": \"2024-03-05T08:00:00Z\"}]}"
                 "</script>"),
            "2024-03-05");
  // Meta beats JSON-LD, JSON-LD beats <time>.
  EXPECT_EQ(date("<meta property='article:published_time' content='2018-01-02'>"
                 "<script type='application/ld+json'>{\"datePublished\":\"2019-07-08\"}</script>"),
            "2018-01-02");
  EXPECT_EQ(date("<script type='application/ld+json'>{\"datePublished\":\"2019-07-08\"}</script>",
                 "<time datetime='2017-04-04'>4 نيسان</time>"),
            "2019-07-08");
  EXPECT_EQ(date("", "<time datetime='2017-04-04T08:00'>4 نيسان</time>"), "2017-04-04");
  // A dateline: a date line above the text, with an Arabic month name.
  EXPECT_EQ(date("", "<div>الثلاثاء ١٢ آذار ٢٠٢٤</div>"), "2024-03-12");
  // No date anywhere.
  EXPECT_EQ(date(""), "");
}

TEST(HtmlTest, DatelineInsideTheFirstParagraph) {
  std::string page = "<html><body><div><p>دمشق، 3 كانون الثاني 2025 - " + std::string(kParagraphs[1]) +
                     "</p>";
  for (int i = 2; i < 5; ++i) page += "<p>" + std::string(kParagraphs[i]) + "</p>";
  page += "</div></body></html>";
  EXPECT_EQ(ExtractHtml(page).published, "2025-01-03");
}

TEST(HtmlTest, PageWrappedInOneFormKeepsItsText) {
  // Server-side frameworks wrap the whole page in a <form>.
  std::string page = "<html><body><form id='page'><div class='menu'><a href='/'>الرئيسية</a> "
                     "<a href='/a'>أخبار</a> <a href='/b'>رياضة</a></div><div>";
  for (const char* p : kParagraphs) page += "<p>" + std::string(p) + "</p>";
  page += "</div></form></body></html>";
  EXPECT_EQ(ExtractHtml(page).text, ExpectedText());
}

// Two paragraphs of the Tyre article, and what follows short articles.
std::string ShortArticle(const std::string& after) {
  return "<html><head><title>محطة جديدة في صور</title></head><body><div class='wrap'>"
         "<div class='top'><a href='/'>الرئيسية</a> <a href='/local'>محليات</a></div>"
         "<div class='post'><h1>محطة جديدة في صور</h1><div class='post-body'><p>" +
         std::string(kParagraphs[0]) + "</p><p>" + kParagraphs[1] + "</p></div></div>" + after +
         "</div></body></html>";
}

std::string TwoParagraphs() { return std::string(kParagraphs[0]) + "\n\n" + kParagraphs[1]; }

// Readers' comments, each longer and with more commas than a paragraph of
// the article; their author is a link, as comment systems print it.
const char* const kComments[] = {
    "هذه ثالث مرة يتعطل فيها الضخ هذا الشهر، ولا أحد يحاسب المسؤولين. نريد حلا جذريا لا ترقيعا "
    "مؤقتا، ونريد جدولا واضحا.",
    "نحن في الحي الشمالي بلا ماء منذ الفجر، والأطفال ذاهبون إلى المدارس دون استحمام. متى تنتهي "
    "هذه المعاناة؟",
    "المشكلة في الشبكة القديمة، وقد قيل لنا قبل عامين إن مشروع التجديد سيبدأ قريبا. لم يبدأ شيء "
    "حتى الآن، ولا أحد يجيب.",
    "شكرا للموظفين الذين يعملون في البرد، لكن الإدارة مطالبة بخطة طوارئ، وصهاريج للأحياء "
    "المتضررة، ومواعيد معلنة.",
};

TEST(HtmlTest, CommentsAfterAShortArticleStayOut) {
  std::string comments = "<div id='comments'><h3>تعليقات القراء</h3>";
  for (const char* c : kComments) {
    comments += "<div class='comment-item'><div><a href='/u'>أبو سامي</a></div>"
                "<div>منذ ساعتين</div><p>" + std::string(c) + "</p></div>";
  }
  const HtmlArticle a = ExtractHtml(ShortArticle(comments + "</div>"));
  EXPECT_EQ(a.text, TwoParagraphs());
  EXPECT_TRUE(HasReason(a, "comments"));
  EXPECT_NE(AllRemoved(a).find("ولا أحد يجيب"), std::string::npos);
}

TEST(HtmlTest, APostNamedAfterItsCommentsIsStillThePost) {
  // Themes mark a whole post "has-comments"; it holds the headline.
  std::string page = "<html><body><div class='post has-comments'><h1>محطة جديدة في صور</h1>";
  for (const char* p : kParagraphs) page += "<p>" + std::string(p) + "</p>";
  page += "</div><div class='commentary-links'><a href='/c'>مقالات الرأي</a></div></body></html>";
  EXPECT_EQ(ExtractHtml(page).text, ExpectedText());
}

TEST(HtmlTest, CommentsWrittenAsArticlesStayOut) {
  // WordPress writes each comment as an <article class="comment-body">,
  // which is no article of the page.
  std::string comments = "<div id='comments'><ol class='comment-list'>";
  for (const char* c : kComments) {
    comments += "<li><article class='comment-body'><footer><b>قارئ</b></footer><div><p>" +
                std::string(c) + "</p></div></article></li>";
  }
  const HtmlArticle a = ExtractHtml(ShortArticle(comments + "</ol></div>"));
  EXPECT_EQ(a.text, TwoParagraphs());
  EXPECT_TRUE(HasReason(a, "comments"));
}

TEST(HtmlTest, APageAllInsideACommentsNamedWrapperKeepsItsText) {
  // "comments-open" on <body>, the headline in an <h2>: nothing is outside.
  std::string page = "<html><body class='single-post comments-open'><h2>محطة جديدة في صور</h2>";
  for (const char* p : kParagraphs) page += "<p>" + std::string(p) + "</p>";
  EXPECT_NE(ExtractHtml(page + "</body></html>").text.find(ExpectedText()), std::string::npos);
}

TEST(HtmlTest, StoriesAfterAShortArticleStayOut) {
  // Four teasers, each a linked headline over a summary a little richer
  // than the article's paragraphs.
  std::string stories = "<div class='more'><h2>اقرأ أيضا</h2>";
  for (const char* c : kComments) {
    stories += "<div><h3><a href='/s'>البلدية تطلق حملة جديدة</a></h3><p>" + std::string(c) +
               "</p></div>";
  }
  const HtmlArticle a = ExtractHtml(ShortArticle(stories + "</div>"));
  EXPECT_EQ(a.text, TwoParagraphs());
  EXPECT_NE(AllRemoved(a).find("ولا أحد يجيب"), std::string::npos);
}

TEST(HtmlTest, ABulletedListWithLinksInItsSentencesStays) {
  std::string page = "<html><body><div><div class='article'><h1>قرارات مجلس الوزراء</h1>";
  page += "<p>" + std::string(kParagraphs[0]) + "</p><p>وأقر المجلس القرارات التالية:</p><ul>"
          "<li>تعديل <a href='/t/1'>قانون الضريبة</a> على الدخل.</li>"
          "<li>تمديد العمل بـ<a href='/t/2'>برنامج دعم</a> الخبز عاما آخر.</li>"
          "<li>إنشاء <a href='/t/3'>مستشفى جديد</a> في المحافظة الشرقية.</li>"
          "<li>تعيين <a href='/t/4'>محافظ</a> جديد للعاصمة.</li></ul>";
  page += "<p>" + std::string(kParagraphs[1]) + "</p></div></div></body></html>";
  const HtmlArticle a = ExtractHtml(page);
  // "Amending the income tax law", "appointing a new governor".
  EXPECT_NE(a.text.find("تعديل قانون الضريبة على الدخل."), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("تعيين محافظ جديد للعاصمة."), std::string::npos);
  EXPECT_FALSE(HasReason(a, "related"));
}

TEST(HtmlTest, AClosingQuotationStays) {
  std::string page = "<html><body><article>";
  for (const char* p : kParagraphs) page += "<p>" + std::string(p) + "</p>";
  // "We will go on to the end." and "Water is life", said last.
  page += "<p>«سنمضي حتى النهاية.»</p><p>“الماء حياة”</p>";
  page += "<p>شارك الخبر</p></article></body></html>";
  const HtmlArticle a = ExtractHtml(page);
  EXPECT_EQ(a.text, ExpectedText() + "\n\n«سنمضي حتى النهاية.»\n\n“الماء حياة”");
  EXPECT_NE(AllRemoved(a).find("شارك الخبر"), std::string::npos);  // "share the story"
}

TEST(HtmlTest, TheBylinesDateBeatsTheSitesTodayBar) {
  // The site prints today's date above everything; the byline, the story's.
  const HtmlArticle a = ExtractHtml(PageWithHead(
      "", "<div>الجمعة 27 نوفمبر 2026</div><div>جريدة الجنوب</div>"
          "<h1>محطة جديدة في صور</h1><div>كتب: سامر الحلبي - 3 مارس 2025</div>"));
  EXPECT_EQ(a.published, "2025-03-03");
  // "Published: 3 March 2025", then "Last updated: 9 March 2025".
  EXPECT_EQ(ExtractHtml(PageWithHead("", "<h1>محطة جديدة في صور</h1><div>نشر في: 3 مارس 2025</div>"
                                         "<div>آخر تحديث: 9 مارس 2025</div>"))
                .published,
            "2025-03-03");
}

TEST(HtmlTest, ListsInsideTheTextStay) {
  std::string page = "<html><body><article>";
  page += "<p>" + std::string(kParagraphs[0]) + "</p>";
  page += "<p>وحددت الوزارة ثلاث مراحل للمشروع:</p><ul>"
          "<li>إنشاء خط نقل جديد من المحطة إلى الخزانات الرئيسية.</li>"
          "<li>تأهيل شبكة التوزيع القديمة في الأحياء الشرقية.</li>"
          "<li>تركيب عدادات ذكية في المنازل خلال العام المقبل.</li></ul>";
  page += "<h2>مخاوف بيئية</h2><p>" + std::string(kParagraphs[4]) + "</p>";
  page += "</article></body></html>";
  const HtmlArticle a = ExtractHtml(page);
  EXPECT_NE(a.text.find("تأهيل شبكة التوزيع القديمة"), std::string::npos);
  EXPECT_NE(a.text.find("وحددت الوزارة ثلاث مراحل للمشروع:"), std::string::npos);
  EXPECT_NE(a.text.find("\n\nمخاوف بيئية\n\n"), std::string::npos);
}

}  // namespace
}  // namespace marsad::ingest
