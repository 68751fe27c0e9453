// Ingest with analysis: mentions, entities, quotes, claims and events stored
// and read back; entity ids kept across re-resolution; the alias file kept;
// and the bundled examples/ corpus resolved against examples/gold.json.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "ingest/ingest.h"
#include "ner/ner.h"
#include "resolve/resolve.h"
#include "scratch_dir.h"
#include "store/store.h"
#include "text/text.h"

namespace marsad::store {
namespace {

namespace fs = std::filesystem;

class AnalysisTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    tagger_ = ner::Tagger::Load(ner::DefaultModelPath(), &error).release();
    ASSERT_NE(tagger_, nullptr) << error;
    matcher_ = resolve::DefaultMatcher(&error);
    ASSERT_NE(matcher_, nullptr) << error;
  }
  void SetUp() override { fs::create_directories(dir_ / "in"); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / "in" / name, std::ios::binary) << text;
  }
  // Runs `sql` on the database file directly (no store may have it open),
  // for states the store itself never writes.
  void ExecSql(const std::string& sql) {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
    const int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr);
    const std::string message = sqlite3_errmsg(raw);
    sqlite3_close(raw);
    ASSERT_EQ(rc, SQLITE_OK) << message;
  }

  IngestSummary IngestAll(std::unique_ptr<Store>* db, const std::vector<resolve::AliasEntry>* aliases = nullptr) {
    std::string error;
    if (!*db) *db = Store::Open(path_, Store::Mode::kReadWrite, &error);
    EXPECT_TRUE(*db) << error;
    IngestOptions options;
    options.tagger = tagger_;
    options.matcher = matcher_;
    options.aliases = aliases;
    return Ingest(db->get(), {(dir_ / "in").string()}, options);
  }

  // The entity whose aliases include exactly `name`, or 0.
  static int64_t EntityWithAlias(const Store& db, const std::string& name) {
    for (int64_t id : db.FindEntities(name)) {
      const auto e = db.Entity(id);
      for (const Alias& a : e->aliases) {
        if (a.name == name) return id;
      }
    }
    return 0;
  }

  static ner::Tagger* tagger_;
  static const resolve::Matcher* matcher_;
  // Each test's own directory, removed with the fixture.
  const marsad::testing::ScratchDir scratch_;
  const fs::path dir_ = scratch_.dir();
  const std::string path_ = scratch_.path("test.db");
};

ner::Tagger* AnalysisTest::tagger_ = nullptr;
const resolve::Matcher* AnalysisTest::matcher_ = nullptr;

// Fictional reports written for this test.
// The first line of a .txt file is its title.
constexpr const char* kReportOne =
    "اعتقال مقاتل أجنبي في حلب\n\n"
    "أعلنت الشرطة في مدينة حلب اعتقال المقاتل أسامة الخطيب يوم الثلاثاء.\n"
    "وقال المتحدث باسم الشرطة عادل الرفاعي إن الخطيب دخل سوريا قبل عامين.\n"
    "وأضاف الرفاعي: «اعتقلنا معه سبعة أشخاص آخرين».\n";
constexpr const char* kReportTwo =
    "نقل موقوف إلى دمشق\n\n"
    "ذكرت مصادر أمنية أن المقاتل اسامه الخطيب نقل إلى دمشق.\n"
    "وبحسب المصادر فإن نحو 300 مقاتل أجنبي ما زالوا في سورية.\n";

TEST_F(AnalysisTest, UploadsAreReadAsFilesOfTheirNamesAndAnalysed) {
  std::string error;
  auto db = Store::Open(path_, Store::Mode::kReadWrite, &error);
  ASSERT_TRUE(db) << error;
  IngestOptions options;
  options.tagger = tagger_;
  options.matcher = matcher_;
  options.source = "wire";
  const std::string lines = nlohmann::json{{"title", "نقل موقوف"}, {"text", kReportTwo}}.dump() +
                            "\nnot json\n";
  const IngestSummary s = IngestUploads(
      db.get(), {{"upload:one.txt", kReportOne}, {"upload:feed.jsonl", lines}, {"upload:x.png", "x"}},
      options);
  EXPECT_EQ(s.files, 3u);
  EXPECT_EQ(s.read, 2u);
  EXPECT_EQ(s.added, 2u);
  EXPECT_EQ(s.analyzed, 2u);
  std::set<std::string> problems;
  for (const auto& p : s.problems) problems.insert(p.path);
  EXPECT_EQ(problems, (std::set<std::string>{"upload:feed.jsonl:2", "upload:x.png"}));
  std::set<std::string> paths;
  for (const DocRecord& d : db->Documents(0, 10)) {
    paths.insert(d.path);
    EXPECT_EQ(d.source, "wire");
    // The .txt upload's first line is its title, as in a file.
    if (d.path == "upload:one.txt") {
      EXPECT_EQ(d.title, "اعتقال مقاتل أجنبي في حلب");
    }
  }
  EXPECT_EQ(paths, (std::set<std::string>{"upload:one.txt", "upload:feed.jsonl:1"}));
  EXPECT_NE(EntityWithAlias(*db, "أسامة الخطيب"), 0);
  EXPECT_EQ(EntityWithAlias(*db, "اسامه الخطيب"), EntityWithAlias(*db, "أسامة الخطيب"));
}

TEST_F(AnalysisTest, APageAboveAHeadlineIsStillPartOfTheDocumentsKey) {
  // A plain-text page: a section label, two other stories, the headline and
  // its date. The lines above the headline leave the text, but the document
  // is known by what was read, as before they did: a database written
  // earlier finds it again.
  std::string above = "أخبار الموقع\n";  // site news
  for (int i = 1; i <= 5; ++i) above += "• عنوان خبر آخر رقم " + std::to_string(i) + " عن المدينة\n";
  const std::string headline = "لماذا ترتفع أسعار الخبز في المدينة؟";
  const std::string body = std::string(kReportOne).substr(std::string(kReportOne).find('\n') + 2);
  Write("page.txt", above + "\n" + headline + "\n\n29 مايو، 2019\n\n" + body);
  std::unique_ptr<Store> db;
  ASSERT_EQ(IngestAll(&db).added, 1u);
  const std::vector<DocRecord> docs = db->Documents(0, 10);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].title, headline);
  EXPECT_EQ(docs[0].text.find("عنوان خبر"), std::string::npos) << docs[0].text;
  EXPECT_NE(docs[0].boilerplate_json.find("above-headline"), std::string::npos);
  EXPECT_EQ(docs[0].content_key, ingest::ContentKey(headline + "\n" + above + body));
}

TEST_F(AnalysisTest, StoresMentionsEntitiesAndRecords) {
  Write("one.txt", kReportOne);
  Write("two.txt", kReportTwo);
  std::unique_ptr<Store> db;
  const IngestSummary s = IngestAll(&db);
  EXPECT_EQ(s.added, 2u);
  EXPECT_EQ(s.analyzed, 2u);
  EXPECT_GT(s.entities, 2u);
  EXPECT_EQ(db->IntegrityCheck(), "ok");

  // One person across the two spellings, with the surname alone.
  const int64_t person = EntityWithAlias(*db, "أسامة الخطيب");
  ASSERT_NE(person, 0);
  EXPECT_EQ(EntityWithAlias(*db, "اسامه الخطيب"), person);
  EXPECT_EQ(EntityWithAlias(*db, "الخطيب"), person);
  const auto e = db->Entity(person);
  EXPECT_EQ(e->type, "PER");
  EXPECT_EQ(e->docs.size(), 2u);
  EXPECT_FALSE(e->latin.empty());
  // A place is found under its other spelling.
  const int64_t syria = EntityWithAlias(*db, "سوريا");
  ASSERT_NE(syria, 0);
  ASSERT_FALSE(db->FindEntities("سورية").empty());
  EXPECT_EQ(db->FindEntities("سورية").front(), syria);

  // Offsets point at the mention in the stored text.
  const auto doc = db->Document(e->docs.front());
  const auto mentions = db->Mentions(doc->id);
  ASSERT_FALSE(mentions.empty());
  size_t chars = 0;
  for (char c : doc->text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  for (const auto& m : mentions) {
    EXPECT_LT(m.start, m.end);
    EXPECT_LE(m.end, chars);
  }

  // Records come back with their evidence.
  const auto claims = db->Claims({});
  ASSERT_FALSE(claims.empty());
  for (const auto& c : claims) {
    EXPECT_FALSE(c.sentence.empty());
    EXPECT_LT(c.start, c.end);
    EXPECT_FALSE(c.source.name.empty());  // an entity, a described source or the outlet
  }
  RecordFilter about;
  about.about = "مقاتلين";
  const auto fighters = db->Claims(about);
  ASSERT_EQ(fighters.size(), 1u);
  EXPECT_DOUBLE_EQ(fighters[0].value, 300);
  EXPECT_TRUE(fighters[0].approx);
  const auto quotes = db->Quotes({});
  ASSERT_FALSE(quotes.empty());
  EXPECT_FALSE(db->Related(person, 10).empty());
  const Graph g = db->CoOccurrence(1, 0);
  EXPECT_FALSE(g.edges.empty());
  for (const auto& edge : g.edges) EXPECT_LT(edge.a, edge.b);
}

// للأمم المتحدة (for the United Nations): the preposition took the
// article's alef, and the name stored is الأمم المتحدة.
TEST_F(AnalysisTest, SearchByTypeFindsTheNameInAnySpelling) {
  // "The police arrested the fighter Ahmed Abd al-Rahman al-Shammari in
  // Homs.", then "A court sentenced Ahmed Abdulrahman al-Shammari to prison.":
  // عبد الرحمن written as two words and as one.
  Write("a.txt", "اعتقال في حمص\n\nاعتقلت الشرطة المقاتل أحمد عبد الرحمن الشمري في حمص.\n");
  Write("b.txt", "حكم بالسجن\n\nأصدرت محكمة حكما بسجن أحمد عبدالرحمن الشمري.\n");
  std::unique_ptr<Store> db;
  IngestAll(&db);
  const int64_t person = EntityWithAlias(*db, "أحمد عبد الرحمن الشمري");
  ASSERT_NE(person, 0);
  const std::vector<int64_t> named_in = db->Entity(person)->docs;
  ASSERT_EQ(named_in.size(), 2u);
  SearchOptions persons;
  persons.type = "PER";
  std::vector<SearchHit> hits;
  std::string error;
  ASSERT_TRUE(db->Search("أحمد عبد الرحمن الشمري", persons, &hits, &error)) << error;
  std::set<int64_t> docs;
  for (const SearchHit& h : hits) docs.insert(h.doc);
  EXPECT_EQ(docs, std::set<int64_t>(named_in.begin(), named_in.end()));
  for (const SearchHit& h : hits) EXPECT_FALSE(h.highlights.empty()) << h.doc;
  // No entity of that type by that name: nothing.
  persons.type = "LOC";
  ASSERT_TRUE(db->Search("أحمد عبد الرحمن الشمري", persons, &hits, &error)) << error;
  EXPECT_TRUE(hits.empty());
}

TEST_F(AnalysisTest, ClaimsAboutAPluralOrAUnitWord) {
  // "The attack left 15 dead and 20 wounded in Aleppo, and the losses were
  // estimated at about 3 million dollars."
  Write("c.txt", "هجوم في حلب\n\nأسفر الهجوم عن سقوط 15 قتيلا و20 جريحا في حلب، "
                 "وقدرت الخسائر بنحو 3 ملايين دولار.\n");
  std::unique_ptr<Store> db;
  IngestAll(&db);
  auto values = [&](const std::string& about) {
    RecordFilter f;
    f.about = about;
    std::multiset<double> out;
    for (const auto& c : db->Claims(f)) out.insert(c.value);
    return out;
  };
  // The killed, the wounded (broken plurals of the claims' قتيل and جريح),
  // dollars (the claim's unit).
  EXPECT_EQ(values("قتلى"), std::multiset<double>{15});
  EXPECT_EQ(values("القتلى"), std::multiset<double>{15});
  EXPECT_EQ(values("جرحى"), std::multiset<double>{20});
  EXPECT_EQ(values("دولار"), std::multiset<double>{3e6});
  // A letter is no word of a claim, though it is inside many.
  EXPECT_TRUE(values("ي").empty());
}

TEST_F(AnalysisTest, ClaimGroupsRankTopicsAndTellAgreementFromConflict) {
  // Fighters from Tajikistan: 300 (security sources), about 320 (a
  // researcher), more than 250 (a rights group): all can be true. Fighters
  // from Uzbekistan: 100 (an official) against 500 (a local paper). The
  // dead in Aleppo: 12, then 15, both from the police, one source. A
  // turnout of 40 percent: nothing counted.
  // Each file: a title, its date, the text.
  Write("a.txt", "مقاتلون في سوريا\n2024-03-05\n\nقالت مصادر أمنية إن 300 مقاتل من طاجيكستان يقاتلون في سوريا.\n");
  Write("b.txt", "تقدير باحث\n2024-03-07\n\nوقال باحث إن نحو 320 مقاتلا من طاجيكستان يقاتلون في سوريا.\n");
  Write("c.txt", "تقرير حقوقي\n2024-03-09\n\nوذكرت منظمة حقوقية أن أكثر من 250 مقاتلا من طاجيكستان يقاتلون في سوريا.\n");
  Write("d.txt", "مقاتلون من أوزبكستان\n2024-03-05\n\nقال مسؤول أمني إن 100 مقاتل من أوزبكستان انضموا إلى التنظيم.\n");
  Write("e.txt", "تقرير آخر\n2024-03-06\n\nوقالت صحيفة محلية إن 500 مقاتل من أوزبكستان انضموا إلى التنظيم.\n");
  Write("f.txt", "قتلى في حلب\n2024-03-05\n\nقالت الشرطة إن 12 شخصا قتلوا في حلب.\n");
  Write("g.txt", "حصيلة جديدة\n2024-03-06\n\nوقالت الشرطة لاحقا إن 15 شخصا قتلوا في حلب.\n");
  Write("h.txt", "أرقام\n2024-03-05\n\nبلغت نسبة المشاركة 40 في المئة.\n");
  // Months apart, two sources' figures of the dead in Homs are of
  // different incidents: nothing to compare.
  Write("i.txt", "قتلى في حمص\n2024-01-10\n\nقال مسؤول أمني إن 7 أشخاص قتلوا في حمص.\n");
  Write("j.txt", "قتلى آخرون في حمص\n2024-06-20\n\nوقالت مصادر طبية إن 40 شخصا قتلوا في حمص.\n");
  std::unique_ptr<Store> db;
  IngestAll(&db);
  size_t total = 0;
  const std::vector<ClaimGroup> groups = db->ClaimGroups({}, 2, &total);
  ASSERT_EQ(groups.size(), 5u);
  EXPECT_EQ(total, 5u);
  // Most sources first; a figure of nothing counted last.
  EXPECT_EQ(groups[0].place, "طاجيكستان");
  EXPECT_EQ(groups[0].sources, 3);
  EXPECT_EQ(groups[0].verdict, "agree");
  EXPECT_EQ(groups[0].low, 250);
  EXPECT_EQ(groups[0].high, 320);
  // Two sources each, ties in topic order (قتيل before مقاتل).
  EXPECT_EQ(groups[1].place, "حمص");
  EXPECT_EQ(groups[1].sources, 2);
  EXPECT_EQ(groups[1].verdict, "apart");
  EXPECT_EQ(groups[2].place, "أوزبكستان");
  EXPECT_EQ(groups[2].verdict, "conflict");
  EXPECT_EQ(groups[3].place, "حلب");
  EXPECT_EQ(groups[3].claims, 2);
  EXPECT_EQ(groups[3].docs, 2);
  EXPECT_EQ(groups[3].sources, 1);
  EXPECT_EQ(groups[3].verdict, "single");
  EXPECT_TRUE(groups[4].counted.empty());
  EXPECT_TRUE(groups[0].place_entity.has_value());
  // Each group's first claims are its own, at most as many as asked.
  EXPECT_EQ(groups[0].first.size(), 2u);
  for (const ClaimGroup& g : groups) {
    for (const ClaimRecord& c : g.first) EXPECT_EQ(c.topic, g.topic);
  }
  // A page of groups, and groups about a place.
  RecordFilter page;
  page.offset = 1;
  page.limit = 2;
  const auto second = db->ClaimGroups(page, 0, &total);
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(total, 5u);
  EXPECT_EQ(second[0].topic, groups[1].topic);
  EXPECT_TRUE(second[0].first.empty());
  RecordFilter uzbek;
  uzbek.about = "أوزبكستان";
  const auto about = db->ClaimGroups(uzbek, 0, nullptr);
  ASSERT_EQ(about.size(), 1u);
  EXPECT_EQ(about[0].topic, groups[2].topic);
  // The claims of one topic.
  RecordFilter topic;
  topic.topic = groups[2].topic;
  std::multiset<double> values;
  for (const ClaimRecord& c : db->Claims(topic, &total)) values.insert(c.value);
  EXPECT_EQ(values, (std::multiset<double>{100, 500}));
  EXPECT_EQ(total, 2u);
}

TEST_F(AnalysisTest, ClaimGroupsCompareOnlyFiguresOfOneFact) {
  // The dead of Tikrit three days apart: 9 (an official), then 30 (medical
  // sources), two incidents of one city. The dead of Basra a day apart: 4
  // (the police) against 20 (a hospital), one incident told twice.
  Write("a.txt", "قتلى في تكريت\n2024-03-05\n\nقال مسؤول أمني إن 9 أشخاص قتلوا في تكريت.\n");
  Write("b.txt", "قتلى تكريت\n2024-03-08\n\nوقالت مصادر طبية إن 30 شخصا قتلوا في تكريت.\n");
  Write("c.txt", "قتلى في البصرة\n2024-03-05\n\nقالت الشرطة إن 4 أشخاص قتلوا في البصرة.\n");
  Write("d.txt", "حصيلة البصرة\n2024-03-06\n\nوقال مستشفى المدينة إن 20 شخصا قتلوا في البصرة.\n");
  // Two percentages of the same week (a turnout, an unemployment rate) and
  // two counts of persons in Riyadh (at a conference, at a match): not
  // figures of one thing.
  Write("e.txt", "أرقام\n2024-03-05\n\nقالت اللجنة إن نسبة المشاركة بلغت 40 في المئة.\n");
  Write("f.txt", "البطالة\n2024-03-06\n\nوقال الوزير إن نسبة البطالة بلغت 12 في المئة.\n");
  Write("g.txt", "مؤتمر\n2024-03-05\n\nقال مسؤول إن 300 شخص حضروا المؤتمر في الرياض.\n");
  Write("h.txt", "مباراة\n2024-03-06\n\nوقالت صحيفة محلية إن 5000 شخص حضروا المباراة في الرياض.\n");
  std::unique_ptr<Store> db;
  IngestAll(&db);
  std::map<std::string, std::string> verdicts;  // place, else unit → verdict
  const std::vector<ClaimGroup> groups = db->ClaimGroups({}, 0, nullptr);
  for (const ClaimGroup& g : groups) verdicts[g.place.empty() ? g.unit : g.place] = g.verdict;
  // Figures compared first.
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(groups[2].verdict, "not_compared");
  EXPECT_EQ(groups[3].verdict, "not_compared");
  EXPECT_EQ(verdicts["تكريت"], "apart");
  EXPECT_EQ(verdicts["البصرة"], "conflict");
  EXPECT_EQ(verdicts["percent"], "not_compared");
  EXPECT_EQ(verdicts["الرياض"], "not_compared");
  EXPECT_EQ(verdicts.size(), 4u);
}

TEST_F(AnalysisTest, AgesOfOnePersonAreComparedAndNoOneElses) {
  // Samer al-Khatib is 28 to the police in Homs and 34 to a paper two days
  // later: the sources conflict. Nader al-Halabi, 28 as well, is another
  // man; 29 a fortnight later is his age after a birthday. Hani al-Sabbagh
  // is 30 and then 36 two months apart: not compared. The ages of a bridge
  // and a building are no one's, and not compared either.
  Write("a.txt", "اعتقال\n2024-03-05\n\nوقالت الشرطة إن المتهم سامر الخطيب (28 عاما) اعتقل في حمص.\n");
  Write("b.txt", "المتهم\n2024-03-07\n\nوذكرت صحيفة الوطن أن سامر الخطيب، 34 عاما، كان يعمل سائقا.\n");
  Write("c.txt", "سفر\n2024-03-06\n\nوقال مسؤول إن نادر الحلبي (28 عاما) غادر البلاد أمس.\n");
  Write("f.txt", "عودة\n2024-03-20\n\nوذكرت صحيفة الوطن أن نادر الحلبي (29 عاما) عاد إلى البلاد.\n");
  Write("g.txt", "تعيين\n2024-01-03\n\nوقالت الوزارة إن هاني الصباغ (30 عاما) عين مديرا.\n");
  Write("h.txt", "استقالة\n2024-03-05\n\nوذكرت صحيفة الوطن أن هاني الصباغ (36 عاما) استقال.\n");
  Write("d.txt", "الجسر\n2024-03-06\n\nوقال المهندس إن الجسر البالغ من العمر 40 عاما يحتاج إلى ترميم.\n");
  Write("e.txt", "المبنى\n2024-03-06\n\nوقالت البلدية إن المبنى البالغ من العمر 70 عاما سيهدم.\n");
  std::unique_ptr<Store> db;
  IngestAll(&db);
  std::map<std::string, ClaimGroup> of_person;
  size_t ages_of_no_one = 0;
  for (const ClaimGroup& g : db->ClaimGroups({}, 0, nullptr)) {
    if (g.unit != "age_years") continue;
    if (g.about.empty()) {
      ages_of_no_one += static_cast<size_t>(g.claims);
      EXPECT_EQ(g.verdict, "not_compared");
    } else {
      EXPECT_TRUE(g.about_entity.has_value());
      of_person[g.about] = g;
    }
  }
  ASSERT_EQ(of_person.count("سامر الخطيب"), 1u);
  const ClaimGroup samer = of_person["سامر الخطيب"];
  EXPECT_EQ(samer.claims, 2);
  EXPECT_EQ(samer.verdict, "conflict");
  // His ages are his wherever told: the group names no place.
  EXPECT_EQ(samer.place, "");
  EXPECT_FALSE(samer.place_entity.has_value());
  ASSERT_EQ(of_person.count("نادر الحلبي"), 1u);
  EXPECT_EQ(of_person["نادر الحلبي"].verdict, "agree");
  ASSERT_EQ(of_person.count("هاني الصباغ"), 1u);
  EXPECT_EQ(of_person["هاني الصباغ"].verdict, "apart");
  EXPECT_EQ(ages_of_no_one, 2u);
  // A place finds no one's ages; the person's name finds his group.
  RecordFilter at_homs;
  at_homs.about = "حمص";
  for (const ClaimGroup& g : db->ClaimGroups(at_homs, 0, nullptr)) EXPECT_NE(g.about, "سامر الخطيب");
  RecordFilter by_name;
  by_name.about = "الخطيب";
  const std::vector<ClaimGroup> found = db->ClaimGroups(by_name, 0, nullptr);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].topic, samer.topic);
  // His profile's figures are his ages too.
  RecordFilter his_profile;
  his_profile.entity = *samer.about_entity;
  EXPECT_EQ(db->Claims(his_profile).size(), 2u);
  // Resolving again (an ingest with more to read) keys the topic the same.
  Write("i.txt", "خبر\n2024-03-08\n\nوصل الوفد إلى المدينة.\n");
  IngestAll(&db);
  RecordFilter of_topic;
  of_topic.topic = samer.topic;
  EXPECT_EQ(db->Claims(of_topic).size(), 2u);
  // His ages are found by his name, each record naming him.
  RecordFilter f;
  f.about = "الخطيب";
  const std::vector<ClaimRecord> his = db->Claims(f);
  ASSERT_EQ(his.size(), 2u);
  for (const ClaimRecord& c : his) EXPECT_EQ(c.about, "سامر الخطيب");
}

TEST_F(AnalysisTest, IncidentsLinkOneHappeningAcrossDocuments) {
  // A car bomb in a Homs market told twice, 12 and 15 killed; on the same
  // day children hurt in a road accident in Homs; a week later another car
  // bomb in the same market. A suspect, Samer Khalil, arrested in Damascus
  // and his arrest announced the same day without the place.
  Write("a.txt", "انفجار في حمص\n2024-03-05\n\nقتل 12 شخصا في انفجار سيارة مفخخة في سوق مدينة حمص أمس.\n");
  Write("b.txt", "حصيلة الانفجار\n2024-03-05\n\nأسفر انفجار سيارة مفخخة في سوق مدينة حمص أمس عن مقتل 15 شخصا.\n");
  Write("c.txt", "حادث سير\n2024-03-05\n\nأصيب ثلاثة أطفال بجروح في حادث سير في حمص أمس.\n");
  Write("d.txt", "انفجار جديد\n2024-03-12\n\nقتل 9 أشخاص في انفجار سيارة مفخخة في سوق مدينة حمص أمس.\n");
  Write("e.txt", "اعتقال\n2024-03-05\n\nاعتقلت الشرطة المشتبه به سامر خليل في دمشق أمس.\n");
  Write("f.txt", "توقيف\n2024-03-05\n\nأعلنت السلطات توقيف المشتبه به سامر خليل بعد تحقيق طويل.\n");
  // The next day's car bomb in the same market, told the day after: its
  // day (yesterday, the 5th) is named, and is not the first one's.
  Write("g.txt", "انفجار آخر\n2024-03-06\n\nقتل 7 أشخاص في انفجار سيارة مفخخة في سوق مدينة حمص أمس.\n");
  // An attack on a market in Hama: about 30 killed (medical sources), 32
  // (the police): both can be right.
  Write("h.txt", "هجوم\n2024-03-05\n\nقالت مصادر طبية إن نحو 30 شخصا قتلوا في هجوم على سوق مدينة حماة أمس.\n");
  Write("i.txt", "حصيلة\n2024-03-05\n\nوقالت الشرطة إن 32 شخصا قتلوا في هجوم على سوق مدينة حماة أمس.\n");
  std::unique_ptr<Store> db;
  IngestAll(&db);
  size_t total = 0;
  const std::vector<IncidentRecord> incidents = db->Incidents({}, &total);
  ASSERT_EQ(incidents.size(), 3u);
  EXPECT_EQ(total, 3u);
  const auto hama = std::find_if(incidents.begin(), incidents.end(),
                                 [](const IncidentRecord& r) { return r.place == "حماة"; });
  ASSERT_NE(hama, incidents.end());
  EXPECT_EQ(hama->verdict, "agree");
  const auto bomb = std::find_if(incidents.begin(), incidents.end(),
                                 [](const IncidentRecord& r) { return r.place == "حمص"; });
  ASSERT_NE(bomb, incidents.end());
  EXPECT_EQ(bomb->place, "حمص");
  EXPECT_EQ(bomb->date, "2024-03-04");
  EXPECT_EQ(bomb->docs, 2);
  EXPECT_EQ(bomb->killed_low, 12);
  EXPECT_EQ(bomb->killed_high, 15);
  EXPECT_EQ(bomb->verdict, "conflict");
  const auto arrest = std::find_if(incidents.begin(), incidents.end(),
                                   [](const IncidentRecord& r) { return r.type == "arrested"; });
  ASSERT_NE(arrest, incidents.end());
  EXPECT_EQ(arrest->docs, 2);
  // Each event knows its incident; the others are incidents of their own.
  RecordFilter of_bomb;
  of_bomb.incident = bomb->id;
  std::set<double> killed;
  for (const EventRecord& e : db->Events(of_bomb, nullptr)) {
    EXPECT_EQ(e.incident, bomb->id);
    killed.insert(e.killed.value_or(0));
  }
  EXPECT_EQ(killed, (std::set<double>{12, 15}));
  size_t alone = 0;
  for (const EventRecord& e : db->Events({})) {
    alone += e.incident == e.id && e.id != bomb->id && e.id != arrest->id && e.id != hama->id;
  }
  EXPECT_EQ(alone, 3u);  // the accident, the next day's bomb, the next week's
  // A database whose events lost their incidents (as an upgrade leaves
  // them) is linked again by the next ingest, with nothing new to read.
  db.reset();
  ExecSql("UPDATE events SET incident = NULL");
  {
    // Until then each event is an incident of its own, as its record says.
    std::string error;
    auto unlinked = Store::Open(path_, Store::Mode::kReadOnly, &error);
    ASSERT_TRUE(unlinked) << error;
    RecordFilter one;
    one.incident = bomb->id;
    const std::vector<EventRecord> events = unlinked->Events(one, nullptr);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].incident, bomb->id);
    EXPECT_TRUE(unlinked->Incidents({}, nullptr).empty());
  }
  IngestAll(&db);
  EXPECT_EQ(db->Incidents({}, nullptr).size(), 3u);
}

TEST_F(AnalysisTest, ReanalysingKeepsEntityIdsAndFillsWhatAnUpgradeLeft) {
  // Samer al-Khatib's ages, stored by a marsad that kept no person with a
  // claim (as a database upgraded to schema 8 holds them): analysing again
  // keys them by him, and every entity keeps its id.
  Write("a.txt", "اعتقال\n2024-03-05\n\nوقالت الشرطة إن المتهم سامر الخطيب (28 عاما) اعتقل في حمص.\n");
  Write("b.txt", "المتهم\n2024-03-07\n\nوذكرت صحيفة الوطن أن سامر الخطيب، 34 عاما، كان يعمل سائقا في دمشق.\n");
  std::unique_ptr<Store> db;
  IngestAll(&db);
  std::map<std::string, int64_t> ids;  // name -> id
  for (const EntityRecord& e : db->Entities({})) ids[e.name] = e.id;
  ASSERT_TRUE(ids.count("سامر الخطيب"));
  db.reset();
  ExecSql("UPDATE claims SET about_mention = NULL, topic = 'age_years|عمر|' WHERE unit = 'age_years'");
  IngestAll(&db);  // nothing new: nothing analysed again
  const auto ages_of_samer = [&] {
    size_t n = 0;
    for (const ClaimGroup& g : db->ClaimGroups({}, 0, nullptr)) n += g.about == "سامر الخطيب" ? g.claims : 0;
    return n;
  };
  EXPECT_EQ(ages_of_samer(), 0u);
  std::string error;
  IngestOptions options;
  options.tagger = tagger_;
  options.matcher = matcher_;
  options.reanalyze = true;
  const IngestSummary s = Ingest(db.get(), {}, options);
  EXPECT_EQ(s.analyzed, 2u);
  EXPECT_EQ(ages_of_samer(), 2u);
  std::map<std::string, int64_t> again;
  for (const EntityRecord& e : db->Entities({})) again[e.name] = e.id;
  EXPECT_EQ(again, ids);
  EXPECT_EQ(db->Claims({}).size(), 2u);
}

TEST_F(AnalysisTest, NamesAfterLamLamKeepTheirArticle) {
  Write("un.txt", "تقرير عن حلب\n\nقدمت البعثة تقريرا للأمم المتحدة عن الوضع في مدينة حلب.\n");
  std::unique_ptr<Store> db;
  IngestAll(&db);
  EXPECT_NE(EntityWithAlias(*db, "الأمم المتحدة"), 0);
  EXPECT_EQ(EntityWithAlias(*db, "أمم المتحدة"), 0);
}

// A name the corpus knows whole keeps letters that look like clitics
// (كاليفورنيا, California, is not ك "like" + اليفورنيا), while the
// conjunction goes from one it knows whole only as part of a phrase
// (والكاريبي, and the Caribbean).
TEST_F(AnalysisTest, NamesLoseOnlyRealClitics) {
  // "Journey. The engineer moved from the state of California to Texas, then
  // went back to California. The minister toured the Canary Islands and the
  // Caribbean last month."
  Write("west.txt",
        "رحلة\n\nانتقل المهندس من ولاية كاليفورنيا إلى تكساس، ثم عاد إلى كاليفورنيا.\n"
        "وجال الوزير في جزر الكناري والكاريبي الشهر الماضي.\n");
  std::unique_ptr<Store> db;
  IngestAll(&db);
  EXPECT_NE(EntityWithAlias(*db, "كاليفورنيا"), 0);
  EXPECT_EQ(EntityWithAlias(*db, "اليفورنيا"), 0);
  EXPECT_NE(EntityWithAlias(*db, "الكاريبي"), 0);
  EXPECT_EQ(EntityWithAlias(*db, "والكاريبي"), 0);
}

TEST_F(AnalysisTest, ADocumentInAnotherLanguageIsStoredButNotRead) {
  // An English report (its title-case clauses had been "organisations") and
  // an Arabic one: "Five people were killed in an attack on a market in
  // Baghdad."
  Write("en.txt",
        "Attack in the capital\n\nFive people were killed in an attack on a market in the Old Town last "
        "night, according to the City Police Department and the Emergency Services Board.\n");
  Write("ar.txt", "هجوم\n\nقتل خمسة أشخاص في هجوم على سوق في بغداد مساء أمس بحسب مصادر أمنية.\n");
  std::unique_ptr<Store> db;
  const IngestSummary s = IngestAll(&db);
  EXPECT_EQ(s.added, 2u);
  ASSERT_EQ(s.problems.size(), 1u);
  EXPECT_TRUE(s.problems[0].path.ends_with("en.txt")) << s.problems[0].path;
  EXPECT_NE(s.problems[0].reason.find("not in Arabic"), std::string::npos) << s.problems[0].reason;
  EXPECT_NE(EntityWithAlias(*db, "بغداد"), 0);
  // Nothing is read from the English text, but it is found.
  for (int64_t doc : {int64_t{1}, int64_t{2}}) {
    const auto d = db->Document(doc);
    ASSERT_TRUE(d);
    if (!d->path.ends_with("en.txt")) continue;
    EXPECT_EQ(db->Mentions(doc).size(), 0u);
    RecordFilter of_doc;
    of_doc.doc = doc;
    EXPECT_TRUE(db->Events(of_doc).empty());
  }
  std::vector<SearchHit> hits;
  std::string error;
  ASSERT_TRUE(db->Search("market", {}, &hits, &error)) << error;
  EXPECT_EQ(hits.size(), 1u);
}

TEST_F(AnalysisTest, EntityIdsSurviveANewIngestAndAliasesAreKept) {
  Write("one.txt", kReportOne);
  std::unique_ptr<Store> db;
  IngestAll(&db);
  const int64_t person = EntityWithAlias(*db, "أسامة الخطيب");
  ASSERT_NE(person, 0);
  // A user's alias entry naming the man otherwise.
  resolve::AliasEntry entry;
  entry.type = ner::EntityType::kPerson;
  entry.name = "أسامة الخطيب";
  entry.aliases = {"أبو عمر الحلبي"};
  std::vector<resolve::AliasEntry> aliases = {entry};
  Write("two.txt", kReportTwo);
  Write("three.txt", "مغادرة\n\nوكان أبو عمر الحلبي قد غادر حلب في آذار الماضي.\n");
  const IngestSummary s = IngestAll(&db, &aliases);
  EXPECT_EQ(s.analyzed, 2u);  // only the new documents
  EXPECT_EQ(EntityWithAlias(*db, "أسامة الخطيب"), person);
  EXPECT_EQ(EntityWithAlias(*db, "أبو عمر الحلبي"), person);
  // The alias file is remembered: a later ingest without it keeps the merge.
  Write("four.txt", "نقل\n\nونقل أبو عمر الحلبي إلى سجن في دمشق.\n");
  db.reset();
  IngestAll(&db);
  EXPECT_EQ(EntityWithAlias(*db, "أبو عمر الحلبي"), person);
  EXPECT_EQ(db->IntegrityCheck(), "ok");
}

TEST_F(AnalysisTest, TheFirstFileOfARunIsCleanedLikeTheRest) {
  // Four pages of one folder (one source), each with the site's newsletter
  // line between its paragraphs. A run read its first file alone and learnt
  // nothing from it, so the first page kept the line.
  const std::string shared = "النشرة اليومية في بريدك";  // "the daily newsletter in your mail"
  const char* const names[] = {"a.txt", "b.txt", "c.txt", "d.txt"};
  for (const char* name : names) {
    Write(name, std::string("خبر من الموقع\n\n") + kReportOne + shared + "\n" +
                    "وقالت مصادر محلية إن التحقيق مع الموقوف ما زال جاريا في " + name + ".\n");
  }
  std::string error;
  auto db = Store::Open(path_, Store::Mode::kReadWrite, &error);
  ASSERT_TRUE(db) << error;
  ASSERT_EQ(Ingest(db.get(), {(dir_ / "in").string()}, {}).added, 4u);
  for (int64_t id = 1; id <= 4; ++id) {
    const auto doc = db->Document(id);
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->text.find(shared), std::string::npos) << doc->path;
    EXPECT_NE(doc->boilerplate_json.find(shared), std::string::npos) << doc->path;
  }
}

TEST_F(AnalysisTest, IngestingAFolderAgainAfterItGrewAddsOnlyTheNewFile) {
  // Two reports of one site with its newsletter line, then a third: the
  // line, now in three documents, is the site's and is cleaned from all
  // three, yet the first two are the documents already stored.
  const std::string shared = "النشرة اليومية في بريدك";  // "the daily newsletter in your mail"
  // The line between the paragraphs, where only its repetition marks it.
  auto with_line = [&](std::string report) {
    const size_t second = report.find('\n', report.find("\n\n") + 2) + 1;
    return report.insert(second, shared + "\n");
  };
  Write("1.txt", with_line(kReportOne));
  Write("2.txt", with_line(kReportTwo));
  std::string error;
  auto db = Store::Open(path_, Store::Mode::kReadWrite, &error);
  ASSERT_TRUE(db) << error;
  ASSERT_EQ(Ingest(db.get(), {(dir_ / "in").string()}, {}).added, 2u);
  // "A third report: a UN delegation reached Homs. It will meet the governor."
  Write("3.txt", with_line("خبر ثالث\n\nوصل وفد من الأمم المتحدة إلى مدينة حمص صباح الأربعاء.\n"
                           "وسيلتقي الوفد محافظ المدينة قبل أن يزور المستشفى الوطني.\n"));
  const IngestSummary again = Ingest(db.get(), {(dir_ / "in").string()}, {});
  EXPECT_EQ(again.added, 1u);
  EXPECT_EQ(again.already_stored, 2u);
  const auto third = db->Document(3);
  ASSERT_TRUE(third);
  EXPECT_EQ(third->text.find(shared), std::string::npos);
}

TEST_F(AnalysisTest, AnotherFilesCopyThatCleansToAStoredTextIsADocumentOfItsOwn) {
  // A report stored from one folder, then another site's copy of it with
  // that site's newsletter line, read with two more of the site's reports:
  // cleaned, the copy's text is the stored one, yet it is another
  // publication, kept and linked to the first.
  const std::string shared = "النشرة اليومية في بريدك";  // "the daily newsletter in your mail"
  auto with_line = [&](std::string report) {
    const size_t second = report.find('\n', report.find("\n\n") + 2) + 1;
    return report.insert(second, shared + "\n");
  };
  std::filesystem::create_directories(dir_ / "first");
  std::ofstream(dir_ / "first" / "report.txt", std::ios::binary) << kReportOne;
  std::string error;
  auto db = Store::Open(path_, Store::Mode::kReadWrite, &error);
  ASSERT_TRUE(db) << error;
  ASSERT_EQ(Ingest(db.get(), {(dir_ / "first").string()}, {}).added, 1u);
  Write("copy.txt", with_line(kReportOne));
  Write("2.txt", with_line(kReportTwo));
  // "A third report: a UN delegation reached Homs. It will meet the governor."
  Write("3.txt", with_line("خبر ثالث\n\nوصل وفد من الأمم المتحدة إلى مدينة حمص صباح الأربعاء.\n"
                           "وسيلتقي الوفد محافظ المدينة قبل أن يزور المستشفى الوطني.\n"));
  const IngestSummary second = Ingest(db.get(), {(dir_ / "in").string()}, {});
  EXPECT_EQ(second.added, 3u);
  EXPECT_EQ(second.already_stored, 0u);
  int64_t linked = 0;
  for (int64_t id = 2; id <= 4; ++id) {
    const auto doc = db->Document(id);
    ASSERT_TRUE(doc);
    if (doc->duplicate_of == 1) ++linked;
  }
  EXPECT_EQ(linked, 1);
  // Read again, nothing is added.
  EXPECT_EQ(Ingest(db.get(), {(dir_ / "in").string()}, {}).added, 0u);
}

TEST_F(AnalysisTest, TwoIngestsAtOnceAnalyseEachDocumentOnce) {
  Write("one.txt", kReportOne);
  Write("two.txt", kReportTwo);
  std::string error;
  auto db = Store::Open(path_, Store::Mode::kReadWrite, &error);
  ASSERT_TRUE(db) << error;
  ASSERT_EQ(Ingest(db.get(), {(dir_ / "in").string()}, {}).added, 2u);  // stored, not analysed
  // Another ingest holds the write lock and analyses both documents while
  // this one reads them as pending and waits for the lock.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE; UPDATE docs SET analyzed = 1;", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  IngestSummary summary;
  std::thread second([&] {
    IngestOptions options;
    options.tagger = tagger_;
    options.matcher = matcher_;
    summary = Ingest(db.get(), {}, options);
  });
  // Long enough for the second ingest to read its pending documents; were
  // it slower, it would find none and the test would pass without its check.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  second.join();
  sqlite3_close(other);
  EXPECT_EQ(summary.analyzed, 0u);
  sqlite3* check = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &check), SQLITE_OK);
  sqlite3_stmt* count = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(check, "SELECT count(*) FROM mentions", -1, &count, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(count), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(count, 0), 0);  // the other ingest's rows, not this one's
  sqlite3_finalize(count);
  sqlite3_close(check);
}

TEST_F(AnalysisTest, AnEntityTakesPartInAnEventOnceInEachRole) {
  Write("one.txt", kReportOne);
  std::unique_ptr<Store> db;
  IngestAll(&db);
  std::vector<EventRecord> events = db->Events({});
  const auto with_participant = std::find_if(events.begin(), events.end(),
                                             [](const EventRecord& e) { return !e.participants.empty(); });
  ASSERT_NE(with_participant, events.end());
  const EventRecord event = *with_participant;
  const Participant first = event.participants[0];
  ASSERT_TRUE(first.entity);
  db.reset();
  // The same entity named again in the event, in another spelling: a
  // second mention of it taking part in the same role.
  ExecSql("INSERT INTO mentions(doc, start, end, type, text, key, confidence, entity) "
          "SELECT doc, start, end, type, text || '_', key, confidence, entity FROM mentions "
          "WHERE entity = " + std::to_string(*first.entity) + " LIMIT 1; "
          "INSERT INTO event_participants(event, mention, role) VALUES(" + std::to_string(event.id) +
          ", last_insert_rowid(), '" + first.role + "');");
  std::string error;
  db = Store::Open(path_, Store::Mode::kReadOnly, &error);
  ASSERT_TRUE(db) << error;
  for (const EventRecord& e : db->Events({})) {
    if (e.id != event.id) continue;
    const auto times = std::count_if(e.participants.begin(), e.participants.end(), [&](const Participant& p) {
      return p.entity == first.entity && p.role == first.role;
    });
    EXPECT_EQ(times, 1);
  }
}

TEST_F(AnalysisTest, ALatinSpellingInParenthesesIsTheNamesEvenWhenTheTaggerDoubtsIt) {
  // "The fighter Gofurjon Rakhimov (Gofurjon Rakhimov) was born in 1996 in
  // Kulob": the tagger makes the Latin a doubtful organisation of its own.
  Write("one.txt", "مولد مقاتل\n\nولد المقاتل جوفورجون رحيموف (Gofurjon Rakhimov) عام 1996 في مدينة "
                   "كولاب جنوب طاجيكستان.\n");
  std::unique_ptr<Store> db;
  IngestAll(&db);
  const int64_t person = EntityWithAlias(*db, "جوفورجون رحيموف");
  ASSERT_NE(person, 0);
  EXPECT_EQ(EntityWithAlias(*db, "Gofurjon Rakhimov"), person);
}

TEST_F(AnalysisTest, IndexOnlyDocumentsAreAnalysedByTheNextIngest) {
  Write("one.txt", kReportOne);
  std::string error;
  auto db = Store::Open(path_, Store::Mode::kReadWrite, &error);
  ASSERT_TRUE(db) << error;
  const IngestSummary plain = Ingest(db.get(), {(dir_ / "in").string()}, {});
  EXPECT_EQ(plain.added, 1u);
  EXPECT_EQ(plain.analyzed, 0u);
  EXPECT_EQ(db->EntityCount(), 0);
  const IngestSummary again = IngestAll(&db);
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.analyzed, 1u);
  EXPECT_GT(db->EntityCount(), 0);
}

TEST_F(AnalysisTest, AnotherNameModelRomanisesEntitiesAgain) {
  Write("one.txt", kReportOne);
  std::unique_ptr<Store> db;
  IngestAll(&db);
  const int64_t person = EntityWithAlias(*db, "أسامة الخطيب");
  ASSERT_NE(person, 0);
  const std::string latin = db->Entity(person)->latin;
  ASSERT_FALSE(latin.empty());
  db.reset();
  // A stored Latin no model gives, to see whether it is kept.
  ExecSql("UPDATE entities SET latin = 'Kept'");
  // Another document, so that the collection is resolved again: with the
  // same model, the stored romanisations are reused.
  Write("two.txt", kReportTwo);
  IngestAll(&db);
  ASSERT_EQ(EntityWithAlias(*db, "أسامة الخطيب"), person);
  EXPECT_EQ(db->Entity(person)->latin, "Kept");
  // The same model in another file (a comment more in its header) has
  // another checksum: every name is romanised again.
  std::string error;
  const std::string copy = scratch_.path("other.model");
  {
    std::ifstream in(resolve::DefaultModelPath(), std::ios::binary);
    const std::string model((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t header = model.find('\n') + 1;
    std::ofstream(copy, std::ios::binary) << model.substr(0, header) << "# a copy\n" << model.substr(header);
  }
  const std::unique_ptr<resolve::Matcher> other = resolve::Matcher::Load(copy, &error);
  ASSERT_NE(other, nullptr) << error;
  EXPECT_NE(other->info().checksum, matcher_->info().checksum);
  // "Rain fell on Baghdad yesterday."
  Write("three.txt", "أمطار\n\nهطلت أمطار على بغداد أمس.\n");
  IngestOptions options;
  options.tagger = tagger_;
  options.matcher = other.get();
  Ingest(db.get(), {(dir_ / "in").string()}, options);
  ASSERT_EQ(EntityWithAlias(*db, "أسامة الخطيب"), person);
  EXPECT_EQ(db->Entity(person)->latin, latin);
}

TEST_F(AnalysisTest, AStoredLatinServesNamesOfItsOwnType) {
  Write("one.txt", kReportOne);
  std::unique_ptr<Store> db;
  IngestAll(&db);
  const int64_t person = EntityWithAlias(*db, "أسامة الخطيب");
  ASSERT_NE(person, 0);
  const std::string latin = db->Entity(person)->latin;
  db.reset();
  // The person's name stored as a place's, with a place's English name:
  // one name is another's in another type (حلب, Aleppo, is a surname too).
  ExecSql("UPDATE entities SET type = 'LOC', latin = 'Elsewhere' WHERE id = " + std::to_string(person));
  Write("two.txt", kReportTwo);
  IngestAll(&db);
  const int64_t again = EntityWithAlias(*db, "أسامة الخطيب");
  ASSERT_NE(again, 0);
  EXPECT_EQ(db->Entity(again)->type, "PER");
  EXPECT_EQ(db->Entity(again)->latin, latin);
}

// The bundled corpus against its gold annotations: names that must stay
// apart never share an entity, and most written variants merge.
TEST_F(AnalysisTest, ExamplesAgainstGold) {
  std::ifstream in("examples/gold.json");
  ASSERT_TRUE(in) << "run from the source tree";
  const auto gold = nlohmann::json::parse(in);
  std::unique_ptr<Store> db;
  std::string error;
  db = Store::Open(path_, Store::Mode::kReadWrite, &error);
  IngestOptions options;
  options.tagger = tagger_;
  options.matcher = matcher_;
  Ingest(db.get(), {"examples/corpus"}, options);

  // Gold texts are as written; names are stored display-normalised (no
  // diacritics or tatweel: مخيَّم الهول is stored as مخيم الهول).
  const auto stored = [&](const nlohmann::json& name) {
    return EntityWithAlias(*db, text::Normalize(name.get<std::string>()).text);
  };
  for (const auto& pair : gold["must_not_merge"]) {
    const int64_t a = stored(pair[0]), b = stored(pair[1]);
    if (a && b) {
      EXPECT_NE(a, b) << pair[0] << " / " << pair[1];
    }
  }
  size_t variants = 0, merged = 0, found = 0;
  for (const auto& e : gold["entities"]) {
    const int64_t canonical = stored(e["canonical"]);
    for (const auto& v : e["variants"]) {
      if (v == e["canonical"]) continue;
      ++variants;
      const int64_t id = stored(v);
      if (!id || !canonical) continue;
      ++found;
      // Merged: the variant is an alias of the canonical form's entity. (A
      // surname two men share, رحيموف, is an alias of both, so the entity
      // the lookup returns may be the other man's.)
      const auto entity = db->Entity(canonical);
      const std::string text = text::Normalize(v.get<std::string>()).text;
      const bool alias = std::any_of(entity->aliases.begin(), entity->aliases.end(),
                                     [&](const Alias& a) { return a.name == text; });
      EXPECT_TRUE(alias) << v << " is not an alias of " << e["canonical"];
      merged += alias;
    }
  }
  std::printf("examples: %zu variants, %zu found as mentions with their canonical form, %zu merged\n",
              variants, found, merged);
  // Where both spellings were found by the tagger, they merge.
  EXPECT_EQ(merged, found);
  // The tagger finds every spelling (مهند عكيدي since its given name after
  // the spokesman's title begins the name).
  EXPECT_EQ(found, variants);
}

}  // namespace
}  // namespace marsad::store
