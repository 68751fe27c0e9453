// BoilerplateFilter on synthetic scraped Arabic texts written for these tests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace marsad::ingest {
namespace {

// Body paragraphs of short news items (one line each), all prose.
const char* const kBodies[] = {
    "أعلنت وزارة الصحة، اليوم الأحد، تسجيل ارتفاع في عدد حالات الإصابة بالحصبة في ثلاث محافظات "
    "شمالية، داعية الأهالي إلى استكمال تطعيم أطفالهم.",
    "وقال المتحدث باسم الوزارة إن فرقا طبية متنقلة ستجول في القرى النائية خلال الأسبوعين "
    "المقبلين. وأضاف أن اللقاحات متوفرة مجانا في المراكز الصحية.",
    "وشهدت الأسواق المحلية ارتفاعا في أسعار الخضار بعد موجة صقيع ضربت المزارع في السهل الساحلي "
    "الأسبوع الماضي، وفق تجار في سوق الجملة.",
    "وقدر اتحاد المزارعين الخسائر بنحو عشرين في المئة من محصول الموسم، مطالبا الحكومة بتعويض "
    "المتضررين. ولم يصدر تعليق رسمي بعد.",
    "افتتحت البلدية حديقة عامة جديدة على أطراف المدينة بمساحة خمسة آلاف متر مربع، تضم ملاعب "
    "للأطفال ومسارا للمشي.",
    "وقال رئيس البلدية إن الحديقة أنشئت على أرض كانت مكبا للنفايات، وإن أعمال التأهيل استغرقت "
    "عامين كاملين. وتفتح الحديقة أبوابها يوميا.",
    "أطلقت جامعة محلية برنامجا لتعليم البرمجة لطلاب المدارس الثانوية في العطلة الصيفية، "
    "بمشاركة متطوعين من طلاب الهندسة.",
    "ويستمر البرنامج ستة أسابيع، ويحصل المشاركون في نهايته على شهادة حضور. وقال المنظمون إن "
    "المقاعد محدودة.",
};

std::string Join(const std::vector<std::string>& lines) {
  std::string t;
  for (const std::string& l : lines) {
    if (!t.empty()) t += "\n";
    t += l;
  }
  return t;
}

Document Doc(const std::string& source, const std::vector<std::string>& lines) {
  Document d;
  d.source = source;
  d.text = Join(lines);
  return d;
}

std::string Removed(const Document& d, const std::string& reason) {
  std::string all;
  for (const auto& r : d.boilerplate) {
    if (r.reason == reason) all += r.text + "\n";
  }
  return all;
}

// Applies a filter that learned only this document.
Document Filter(Document d) {
  BoilerplateFilter f;
  f.Learn(d);
  f.Apply(&d);
  return d;
}

TEST(BoilerplateTest, LinesRepeatedAcrossOneSource) {
  // A newsletter line in the middle of every page of one site.
  const std::string shared = "النشرة اليومية في بريدك";  // "the daily newsletter in your mail"
  std::vector<Document> docs;
  for (int i = 0; i < 4; ++i) {
    docs.push_back(Doc("site-a", {kBodies[2 * i], shared, kBodies[2 * i + 1]}));
  }
  docs.push_back(Doc("site-b", {kBodies[0], shared, kBodies[1]}));
  BoilerplateFilter f;
  for (const Document& d : docs) f.Learn(d);
  for (Document& d : docs) f.Apply(&d);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(docs[i].text, std::string(kBodies[2 * i]) + "\n" + kBodies[2 * i + 1]);
    ASSERT_EQ(docs[i].boilerplate.size(), 1u);
    EXPECT_EQ(docs[i].boilerplate[0].text, shared);
    EXPECT_EQ(docs[i].boilerplate[0].reason, "repeated-line");
  }
  // One document of another source: no evidence there.
  EXPECT_EQ(docs[4].text, Join({kBodies[0], shared, kBodies[1]}));
}

TEST(BoilerplateTest, RepeatedLinesNeedAShareOfABigSource) {
  // 20 documents: a line in 4 of them (20%) is the story's, a line in 7
  // (35%) is the site's.
  const std::string rare = "خلفية الحدث";     // "background of the event"
  const std::string common = "تغطية خاصة";    // "special coverage"
  std::vector<Document> docs;
  for (int i = 0; i < 20; ++i) {
    std::vector<std::string> lines = {kBodies[i % 8], kBodies[(i + 1) % 8]};
    if (i < 4) lines.push_back(rare);
    if (i >= 10 && i < 17) lines.push_back(common);
    lines.push_back(kBodies[(i + 2) % 8]);
    lines.push_back(kBodies[(i + 3) % 8]);
    docs.push_back(Doc("big", lines));
  }
  BoilerplateFilter f;
  for (const Document& d : docs) f.Learn(d);
  for (Document& d : docs) f.Apply(&d);
  EXPECT_NE(docs[0].text.find(rare), std::string::npos);
  EXPECT_EQ(docs[12].text.find(common), std::string::npos);
  EXPECT_EQ(Removed(docs[12], "repeated-line"), common + "\n");
}

TEST(BoilerplateTest, MenuAndAuthorListsAtTheTop) {
  const Document d = Filter(Doc("s", {
      "الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة",  // home, news, politics, economy, sport
      "",
      "كتّاب الموقع",                                    // the site's writers
      "سلمى يوسف",
      "خالد منصور",
      "",
      kBodies[0], "", kBodies[1]}));
  EXPECT_EQ(d.text, std::string(kBodies[0]) + "\n\n" + kBodies[1]);
  EXPECT_NE(Removed(d, "navigation").find("اقتصاد"), std::string::npos);
  EXPECT_NE(Removed(d, "navigation").find("خالد منصور"), std::string::npos);
}

TEST(BoilerplateTest, CommentFormAtTheBottom) {
  const Document d = Filter(Doc("s", {
      kBodies[2], kBodies[3],
      "أضف تعليقك",         // add your comment
      "الاسم",              // name
      "البريد الإلكتروني",  // e-mail
      "التعليق",            // comment
      "إرسال"}));           // send
  EXPECT_EQ(d.text, std::string(kBodies[2]) + "\n" + kBodies[3]);
  EXPECT_NE(Removed(d, "navigation").find("البريد الإلكتروني"), std::string::npos);
}

TEST(BoilerplateTest, CommentBlockWithANoticeSentence) {
  const Document d = Filter(Doc("s", {
      kBodies[0], "", kBodies[1], "",
      "مواضيع مشابهة",                        // similar topics
      "",
      "شارك برأيك",                           // give your opinion
      "",
      "سيتم مراجعة تعليقك قبل نشره. شكرا لك",  // your comment is reviewed first. thanks
      "",
      "العودة إلى أعلى الصفحة"}));            // back to the top of the page
  EXPECT_EQ(d.text, std::string(kBodies[0]) + "\n\n" + kBodies[1]);
  EXPECT_NE(Removed(d, "navigation").find("سيتم مراجعة تعليقك"), std::string::npos);
}

TEST(BoilerplateTest, WritersListAboveTheText) {
  const Document d = Filter(Doc("s", {
      "مقالات الرأي",                                         // opinion pieces
      "• سلمى يوسف تكتب: (عن المدن التي لا تنام)",             // Salma Youssef writes: ...
      "• خالد منصور يكتب: (الزراعة بعد موسم الجفاف)",
      "• د. منى خليل تكتب: (لماذا نقرأ الروايات الطويلة؟)",
      "",
      kBodies[2], kBodies[3], kBodies[4]}));
  EXPECT_EQ(d.text, Join({kBodies[2], kBodies[3], kBodies[4]}));
  EXPECT_NE(Removed(d, "link-list").find("د. منى خليل"), std::string::npos);
}

TEST(BoilerplateTest, PointsClosingAColumnStay) {
  const std::vector<std::string> lines = {
      kBodies[0], kBodies[1], kBodies[2],
      "وخلاصة القول:",                        // in short:
      "- الوقاية أرخص من العلاج",              // prevention is cheaper than cure
      "- التطعيم مسؤولية الأسرة",              // vaccination is the family's duty
      "- المعلومة الصحيحة تنقذ الأرواح"};      // correct information saves lives
  const Document d = Filter(Doc("s", lines));
  EXPECT_EQ(d.text, Join(lines));
}

TEST(BoilerplateTest, CopyrightLinksAndPromptsAtTheEdges) {
  const Document d = Filter(Doc("s", {
      "اشترك في نشرتنا البريدية",  // subscribe to our newsletter
      kBodies[4], kBodies[5], kBodies[6], kBodies[7],
      "شاركوا المقال مع أصدقائكم!",  // share the article with your friends!
      "للتواصل: desk@example.org",  // contact
      "www.example.org",
      "© موقع المدينة 2012-2024"}));  // © the city site
  EXPECT_EQ(d.text, Join({kBodies[4], kBodies[5], kBodies[6], kBodies[7]}));
  EXPECT_EQ(Removed(d, "prompt"), "اشترك في نشرتنا البريدية\nشاركوا المقال مع أصدقائكم!\n");
  EXPECT_EQ(Removed(d, "link"), "للتواصل: desk@example.org\nwww.example.org\n");
  EXPECT_EQ(Removed(d, "copyright"), "© موقع المدينة 2012-2024\n");
}

TEST(BoilerplateTest, ShortLabelsAtTheEdges) {
  const Document d = Filter(Doc("s", {
      "الصفحة الأولى",          // front page
      kBodies[0], kBodies[1], kBodies[2], kBodies[3], kBodies[4],
      "المصدر: وكالات"}));      // source: agencies
  EXPECT_EQ(d.text, Join({kBodies[0], kBodies[1], kBodies[2], kBodies[3], kBodies[4]}));
  EXPECT_EQ(Removed(d, "short-line"), "الصفحة الأولى\nالمصدر: وكالات\n");
}

TEST(BoilerplateTest, ReadAlsoListInsideTheText) {
  const Document d = Filter(Doc("s", {
      kBodies[0], kBodies[1],
      "اقرأ أيضا:",                                  // read also:
      "ارتفاع أسعار الوقود للمرة الثالثة هذا العام",  // other headlines
      "افتتاح مستشفى ميداني في الضواحي",
      kBodies[2], kBodies[3]}));
  EXPECT_EQ(d.text, Join({kBodies[0], kBodies[1], kBodies[2], kBodies[3]}));
  EXPECT_EQ(Removed(d, "prompt"), "اقرأ أيضا:\n");
  EXPECT_NE(Removed(d, "link-list").find("افتتاح مستشفى ميداني"), std::string::npos);
}

TEST(BoilerplateTest, ArticleTextIsNeverRemoved) {
  // Lines repeated in every document but read as prose stay: two sentence
  // marks, or fifteen words.
  const std::string two_marks = "تنويه: الآراء الواردة تعبر عن أصحابها. لا عن الموقع.";
  const std::string long_line =
      "يصدر هذا التقرير كل أسبوع عن فريق التحرير ويتناول أهم الأحداث في المنطقة والعالم مع "
      "تحليل موجز لكل حدث";
  std::vector<Document> docs;
  for (int i = 0; i < 5; ++i) {
    docs.push_back(Doc("s", {two_marks, kBodies[i], kBodies[i + 1], long_line}));
  }
  BoilerplateFilter f;
  for (const Document& d : docs) f.Learn(d);
  for (Document& d : docs) f.Apply(&d);
  for (const Document& d : docs) {
    EXPECT_NE(d.text.find(two_marks), std::string::npos);
    EXPECT_NE(d.text.find(long_line), std::string::npos);
    EXPECT_TRUE(d.boilerplate.empty());
  }
}

TEST(BoilerplateTest, SubheadingsAndVerbalLinesStay) {
  const std::vector<std::string> lines = {
      "الجيش يعلن السيطرة على المدينة",  // the army announces it controls the city
      kBodies[0], kBodies[1],
      "ردود الفعل",                      // reactions (a subheading)
      kBodies[2], kBodies[3], kBodies[4],
      "وتستمر المشاورات بين الأطراف"};   // talks between the parties go on
  const Document d = Filter(Doc("s", lines));
  EXPECT_EQ(d.text, Join(lines));
  EXPECT_TRUE(d.boilerplate.empty());
}

TEST(BoilerplateTest, ShortDocumentsAreNotEmptiedByStructure) {
  const std::vector<std::string> lines = {"عاجل", "انفجار في الميناء", "التفاصيل لاحقا"};
  const Document d = Filter(Doc("s", lines));  // urgent / blast at the port / details to follow
  EXPECT_EQ(d.text, Join(lines));
}

TEST(BoilerplateTest, UntouchedTextKeepsItsBytes) {
  Document d = Doc("s", {});
  d.text = std::string(kBodies[0]) + "\r\n\r\n\r\n" + kBodies[1] + "\n";
  const std::string before = d.text;
  d = Filter(d);
  EXPECT_EQ(d.text, before);
}

TEST(BoilerplateTest, BlankLinesAroundRemovedLinesCollapse) {
  const Document d = Filter(Doc("s", {"", "الرئيسية", "", "أخبار", "", "رياضة", "", "", kBodies[0],
                                      "", "", kBodies[1], "", "الاسم", "التعليق", "إرسال", ""}));
  EXPECT_EQ(d.text, std::string(kBodies[0]) + "\n\n" + kBodies[1]);
}

TEST(BoilerplateTest, SourceFallsBackToSiteThenFolder) {
  const std::string shared = "النشرة اليومية في بريدك";  // "the daily newsletter in your mail"
  std::vector<Document> docs;
  for (int i = 0; i < 3; ++i) {
    Document d = Doc("", {kBodies[i], shared, kBodies[i + 1]});
    d.url = "https://site.example/news/" + std::to_string(i);
    docs.push_back(d);
  }
  for (int i = 0; i < 3; ++i) {
    Document d = Doc("", {kBodies[i], shared, kBodies[i + 1]});
    d.path = "dir" + std::to_string(i) + "/a.txt";  // three folders: three sources
    docs.push_back(d);
  }
  BoilerplateFilter f;
  for (const Document& d : docs) f.Learn(d);
  for (Document& d : docs) f.Apply(&d);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(docs[i].text.find(shared), std::string::npos);
  for (int i = 3; i < 6; ++i) EXPECT_NE(docs[i].text.find(shared), std::string::npos);
}

Document Titled(const std::string& source, const std::string& title, const std::string& text) {
  Document d;
  d.source = source;
  d.title = title;
  d.text = text;
  return d;
}

void LearnAndApply(std::vector<Document>* docs) {
  BoilerplateFilter f;
  for (const Document& d : *docs) f.Learn(d);
  for (Document& d : *docs) f.Apply(&d);
}

TEST(BoilerplateTest, TitleRepeatedAfterALabelTheSourceRepeats) {
  // "Link to the story in al-Masa newspaper:" and the article's own title,
  // appended to the last paragraph by one site.
  const std::string label = "رابط الخبر في صحيفة المساء: ";
  const std::string body5 = "وقال رئيس البلدية إن الحديقة تفتح أبوابها للزوار يوميا";  // no final mark
  std::vector<Document> docs = {
      // Health records a rise in measles cases: glued after the last ". ".
      Titled("al-masa", "الصحة تسجل ارتفاعا في حالات الحصبة",
             Join({kBodies[0], kBodies[1]}) + " " + label + "الصحة تسجل ارتفاعا في حالات الحصبة"),
      // Frost raises "vegetable prices": a line of its own; the feed's title
      // has character references for the quotes the text prints.
      Titled("al-masa", "صقيع يرفع &#8220;أسعار الخضار&#8221;",
             Join({kBodies[2], kBodies[3], label + "صقيع يرفع “أسعار الخضار”"})),
      // A public park on a former dump: glued without a sentence mark; the
      // label starts where the source's label does, not at the line start.
      Titled("al-masa", "حديقة عامة على أرض مكب سابق",
             Join({kBodies[4], body5}) + " " + label + "حديقة عامة على أرض مكب سابق"),
      // Pictures of the park's opening: the page is nothing else, and stays.
      Titled("al-masa", "صور من افتتاح الحديقة", label + "صور من افتتاح الحديقة"),
      // The programme lasts six weeks: the title inside a sentence stays.
      Titled("al-masa", "البرنامج يستمر ستة أسابيع",
             std::string(kBodies[6]) + " وقال المنظمون إن البرنامج يستمر ستة أسابيع"),
      // The label and title first, then the article: not the end, stays.
      Titled("al-masa", "الحديقة تفتح أبوابها يوميا",
             Join({label + "الحديقة تفتح أبوابها يوميا", kBodies[5]})),
      // A column ending on its own headline, "so we can say: the promise
      // lied and the reality told the truth!": no label of its source.
      Titled("column", "كذب الوعد وصدق الواقع",
             Join({kBodies[0], "وبذلك يمكننا القول: كذب الوعد وصدق الواقع!"})),
  };
  const std::vector<std::string> before = {docs[3].text, docs[4].text, docs[5].text,
                                           docs[6].text};
  LearnAndApply(&docs);
  EXPECT_EQ(docs[0].text, Join({kBodies[0], kBodies[1]}));
  EXPECT_EQ(Removed(docs[0], "title-echo"), label + "الصحة تسجل ارتفاعا في حالات الحصبة\n");
  EXPECT_EQ(docs[1].text, Join({kBodies[2], kBodies[3]}));
  EXPECT_EQ(Removed(docs[1], "title-echo"), label + "صقيع يرفع “أسعار الخضار”\n");
  EXPECT_EQ(docs[2].text, Join({kBodies[4], body5}));
  EXPECT_EQ(Removed(docs[2], "title-echo"), label + "حديقة عامة على أرض مكب سابق\n");
  for (size_t i = 3; i < docs.size(); ++i) {
    EXPECT_EQ(docs[i].text, before[i - 3]) << i;
    EXPECT_EQ(Removed(docs[i], "title-echo"), "") << i;
  }
}

TEST(BoilerplateTest, TagListAtTheEnd) {
  std::vector<Document> docs = {
      // Tags on a line of their own: "tags: explosion, harassment, Yusuf"
      // (words shaped like verbs, which the line filter keeps).
      Doc("site-t", {kBodies[0], kBodies[1], "سمات تفجير تحرش يوسف"}),
      // "Tags: markets, vegetables, frost" glued after the last sentence.
      Doc("site-t", {kBodies[2], std::string(kBodies[3]) + " الوسوم: الأسواق، الخضار، الصقيع"}),
      // A label without a colon glued to the prose: gone where the source
      // ends its documents so ("tags: injury 5 al-Khoba al-Tuwal", "tags:
      // park, municipality", "tags: injury, death").
      Doc("site-g", {std::string(kBodies[4]) + " سمات إصابة 5 الخوبة الطوال"}),
      Doc("site-g", {kBodies[5], std::string(kBodies[6]) + "  سمات حديقة بلدية"}),
      Doc("site-g", {"ونقلت الحالات إلى المستشفيات المناسبة سمات إصابة مصرع"}),
      // Prose: "patience remains one of the traits of a successful leader",
      // and "the traits of the coming stage are clear."
      Doc("prose", {kBodies[3], "ويبقى الصبر من سمات القائد الناجح"}),
      Doc("prose", {std::string(kBodies[4]) + " سمات المرحلة المقبلة واضحة."}),
  };
  const std::vector<std::string> before = {docs[5].text, docs[6].text};
  LearnAndApply(&docs);
  EXPECT_EQ(docs[0].text, Join({kBodies[0], kBodies[1]}));
  EXPECT_EQ(Removed(docs[0], "tag-list"), "سمات تفجير تحرش يوسف\n");
  EXPECT_EQ(docs[1].text, Join({kBodies[2], kBodies[3]}));
  EXPECT_EQ(Removed(docs[1], "tag-list"), "الوسوم: الأسواق، الخضار، الصقيع\n");
  EXPECT_EQ(docs[2].text, kBodies[4]);
  EXPECT_EQ(Removed(docs[2], "tag-list"), "سمات إصابة 5 الخوبة الطوال\n");
  EXPECT_EQ(docs[3].text, Join({kBodies[5], kBodies[6]}));
  EXPECT_EQ(docs[4].text, "ونقلت الحالات إلى المستشفيات المناسبة");
  EXPECT_EQ(Removed(docs[4], "tag-list"), "سمات إصابة مصرع\n");
  EXPECT_EQ(docs[5].text, before[0]);
  EXPECT_EQ(docs[6].text, before[1]);
  EXPECT_TRUE(docs[5].boilerplate.empty());
  EXPECT_TRUE(docs[6].boilerplate.empty());
}

TEST(BoilerplateTest, TagListAfterTheRepeatedTitle) {
  // The title's echo, then the tags: both go, the tags first.
  const std::string label = "رابط الخبر في صحيفة المساء: ";
  const std::string title = "الصحة تسجل ارتفاعا في حالات الحصبة";
  // Tags: measles, vaccination / measles, immunisation / vaccination,
  // children (each page its own, or they would go as repeated lines).
  const std::string tags[] = {"سمات الحصبة تطعيم", "سمات الحصبة تحصين", "سمات تطعيم أطفال"};
  std::vector<Document> docs;
  for (int i = 0; i < 3; ++i) {
    docs.push_back(Titled("al-masa", title + " " + std::to_string(i),
                          Join({kBodies[i], kBodies[i + 1] + std::string(" ") + label + title +
                                                " " + std::to_string(i),
                                tags[i]})));
  }
  LearnAndApply(&docs);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(docs[i].text, Join({kBodies[i], kBodies[i + 1]})) << i;
    EXPECT_EQ(Removed(docs[i], "tag-list"), tags[i] + "\n");
    EXPECT_EQ(Removed(docs[i], "title-echo"), label + title + " " + std::to_string(i) + "\n");
  }
}

}  // namespace
}  // namespace marsad::ingest
