#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "scratch_dir.h"
#include "store/internal.h"
#include "store/store.h"

namespace marsad::store {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> OpenRw() {
    std::string error;
    auto s = Store::Open(path_, Store::Mode::kReadWrite, &error);
    EXPECT_TRUE(s) << error;
    return s;
  }

  // Stores one document, then runs `sql` on the file with SQLite alone (the
  // index's tokenizer registered): how a test makes the database an older
  // schema left.
  // Stores a document, then makes the database one of schema `version`:
  // the columns later versions added dropped, then `sql` run.
  void StoreThenRewrite(const DocRecord& doc, int version, const std::string& sql = "") {
    {
      auto s = OpenRw();
      s->Begin();
      s->AddDocument(doc);
      s->Commit();
    }
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
    ASSERT_TRUE(internal::RegisterExtensions(raw));
    std::string rewrite;
    if (version < 8) {
      rewrite += "DROP INDEX claims_about; ALTER TABLE claims DROP COLUMN about_mention; DROP TABLE carried_entities; ";
    }
    if (version < 7) rewrite += "DROP INDEX events_incident; ALTER TABLE events DROP COLUMN incident; ";
    rewrite += sql + "; PRAGMA user_version=" + std::to_string(version);
    ASSERT_EQ(sqlite3_exec(raw, rewrite.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
    sqlite3_close(raw);
  }

  // Expects `sql` to run on the database file, through a connection of its own.
  void ExpectRuns(const char* sql) {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw) << ": " << sql;
    sqlite3_close(raw);
  }

  static DocRecord Doc(const std::string& key, const std::string& title, const std::string& text,
                       const std::string& source = "وكالة") {
    DocRecord d;
    d.path = key + ".txt";
    d.source = source;
    d.title = title;
    d.published = "2024-03-05";
    d.text = text;
    d.content_key = key;
    d.simhash = std::hash<std::string>{}(text);
    return d;
  }

  // Each test's own directory, removed with the fixture.
  const marsad::testing::ScratchDir scratch_;
  const fs::path dir_ = scratch_.dir();
  const std::string path_ = scratch_.path("test.db");
};

TEST_F(StoreTest, CreatesSchemaAndStoresDocuments) {
  auto s = OpenRw();
  EXPECT_EQ(s->schema_version(), 8);
  s->Begin();
  const int64_t id = s->AddDocument(Doc("k1", "عنوان", "وصل الوفد إلى دمشق أمس."));
  s->Commit();
  EXPECT_GT(id, 0);
  EXPECT_EQ(s->DocumentCount(), 1);
  auto d = s->Document(id);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->title, "عنوان");
  EXPECT_EQ(d->text, "وصل الوفد إلى دمشق أمس.");
  EXPECT_EQ(d->boilerplate_json, "[]");
  EXPECT_FALSE(d->duplicate_of);
  EXPECT_EQ(s->IntegrityCheck(), "ok");
}

TEST_F(StoreTest, SameContentIsAddedOnce) {
  auto s = OpenRw();
  s->Begin();
  EXPECT_GT(s->AddDocument(Doc("same", "أ", "نص أول")), 0);
  EXPECT_EQ(s->AddDocument(Doc("same", "ب", "نص آخر")), 0);
  s->Commit();
  EXPECT_EQ(s->DocumentCount(), 1);
}

TEST_F(StoreTest, RollbackKeepsNothing) {
  auto s = OpenRw();
  s->Begin();
  s->AddDocument(Doc("k", "t", "نص"));
  s->Rollback();
  EXPECT_EQ(s->DocumentCount(), 0);
  EXPECT_EQ(s->IntegrityCheck(), "ok");
}

TEST_F(StoreTest, SearchFindsSpellingVariants) {
  auto s = OpenRw();
  s->Begin();
  // Syria spelt two ways; a Latin g written غ in one outlet and ج in another.
  const int64_t a = s->AddDocument(Doc("a", "خبر", "عاد المقاتلون إلى سوريا الشهر الماضي."));
  const int64_t b = s->AddDocument(Doc("b", "خبر", "وصل وفد إلى سورية أمس."));
  const int64_t c = s->AddDocument(Doc("c", "خبر", "اعتقل غوستافوف في طاجيكستان."));
  const int64_t d = s->AddDocument(Doc("d", "خبر", "أفرج عن جوستافوف وعاد إلى طاجكستان."));
  const int64_t e = s->AddDocument(Doc("e", "خبر", "قال أحمد إن الوضع هادئ في المدينة."));
  const int64_t g = s->AddDocument(Doc("g", "خبر", "زار الوفد لبنان وسوريا معا."));
  s->AddDocument(Doc("f", "خبر", "لا علاقة لهذا النص بأي شيء مما سبق."));
  s->Commit();

  auto found = [&](const std::string& q) {
    std::vector<SearchHit> hits;
    std::string error;
    EXPECT_TRUE(s->Search(q, {}, &hits, &error)) << error;
    std::set<int64_t> ids;
    for (const auto& h : hits) ids.insert(h.doc);
    return ids;
  };
  EXPECT_EQ(found("سوريا"), (std::set<int64_t>{a, b, g}));  // وسوريا: "and Syria"
  EXPECT_EQ(found("سورية"), (std::set<int64_t>{a, b, g}));
  EXPECT_EQ(found("غوستافوف"), (std::set<int64_t>{c, d}));
  EXPECT_EQ(found("طاجيكستان"), (std::set<int64_t>{c, d}));
  EXPECT_EQ(found("احمد"), (std::set<int64_t>{e}));      // أحمد without its hamza
  EXPECT_EQ(found("المدينة"), (std::set<int64_t>{e}));   // "في المدينة", article and all
  EXPECT_EQ(found("مدينة"), (std::set<int64_t>{e}));     // and without it
  EXPECT_TRUE(found("كازاخستان").empty());
}

TEST_F(StoreTest, ExactSpellingsRankBeforeVariants) {
  auto s = OpenRw();
  s->Begin();
  const int64_t variant = s->AddDocument(Doc("v", "خبر", "أفرج عن جوستافوف أمس."));
  const int64_t exact = s->AddDocument(Doc("x", "خبر", "اعتقل غوستافوف أمس."));
  s->Commit();
  std::vector<SearchHit> hits;
  std::string error;
  ASSERT_TRUE(s->Search("غوستافوف", {}, &hits, &error));
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].doc, exact);
  EXPECT_TRUE(hits[0].exact);
  EXPECT_EQ(hits[1].doc, variant);
  EXPECT_FALSE(hits[1].exact);
  SearchOptions exact_only;
  exact_only.variants = false;
  ASSERT_TRUE(s->Search("غوستافوف", exact_only, &hits, &error));
  EXPECT_EQ(hits.size(), 1u);
}

TEST_F(StoreTest, PagesOfASearchMakeTheWholeRankingAndCountIt) {
  auto s = OpenRw();
  s->Begin();
  // Three reports spell the name as asked, three another way, one names
  // someone else: "X was arrested / released yesterday".
  for (int i = 0; i < 3; ++i) {
    s->AddDocument(Doc("x" + std::to_string(i), "خبر", "اعتقل غوستافوف أمس في الحي " + std::to_string(i) + "."));
    s->AddDocument(Doc("v" + std::to_string(i), "خبر", "أفرج عن جوستافوف أمس من السجن " + std::to_string(i) + "."));
  }
  s->AddDocument(Doc("o", "خبر", "اعتقل كريموف أمس."));
  s->Commit();
  std::vector<SearchHit> whole, page;
  std::string error;
  size_t total = 0;
  ASSERT_TRUE(s->Search("غوستافوف", {}, &whole, &error, &total)) << error;
  ASSERT_EQ(whole.size(), 6u);
  EXPECT_EQ(total, 6u);
  // Pages of two, the second across the exact and the other spellings.
  std::vector<int64_t> paged;
  for (size_t offset = 0; offset < 8; offset += 2) {
    SearchOptions o;
    o.limit = 2;
    o.offset = offset;
    ASSERT_TRUE(s->Search("غوستافوف", o, &page, &error, &total)) << error;
    EXPECT_EQ(total, 6u) << offset;
    EXPECT_EQ(page.size(), offset < 6 ? 2u : 0u) << offset;
    for (const SearchHit& h : page) paged.push_back(h.doc);
  }
  std::vector<int64_t> ranked;
  for (const SearchHit& h : whole) ranked.push_back(h.doc);
  EXPECT_EQ(paged, ranked);
  SearchOptions exact_only;
  exact_only.variants = false;
  ASSERT_TRUE(s->Search("غوستافوف", exact_only, &page, &error, &total)) << error;
  EXPECT_EQ(total, 3u);
}

TEST_F(StoreTest, PagesPastTheRankedOtherSpellingsNeitherRepeatNorSkip) {
  auto s = OpenRw();
  s->Begin();
  // More documents spelling the name another way than are ranked (1,000),
  // and two spelling it as asked.
  std::set<int64_t> all;
  // "X was released / arrested on day N."
  for (int i = 0; i < 1012; ++i) {
    const std::string n = std::to_string(i);
    std::string text = i < 1010 ? "أفرج عن جوستافوف في اليوم " : "اعتقل غوستافوف في اليوم ";
    text += n;
    all.insert(s->AddDocument(Doc(n, "خبر", text)));
  }
  s->Commit();
  std::vector<int64_t> paged;
  std::vector<SearchHit> page;
  std::string error;
  size_t total = 0;
  for (size_t offset = 0; offset < 1100; offset += 200) {
    SearchOptions o;
    o.limit = 200;
    o.offset = offset;
    ASSERT_TRUE(s->Search("غوستافوف", o, &page, &error, &total)) << error;
    for (const SearchHit& h : page) paged.push_back(h.doc);
  }
  EXPECT_EQ(total, all.size());
  EXPECT_EQ(paged.size(), all.size());
  EXPECT_EQ(std::set<int64_t>(paged.begin(), paged.end()), all);
}

TEST_F(StoreTest, HighlightsLandOnTheOriginalLetters) {
  auto s = OpenRw();
  s->Begin();
  s->AddDocument(Doc("h", "خبر", "وصل الوفد إلى سورية، ثم غادر."));
  s->Commit();
  std::vector<SearchHit> hits;
  std::string error;
  ASSERT_TRUE(s->Search("سوريا", {}, &hits, &error));
  ASSERT_EQ(hits.size(), 1u);
  ASSERT_EQ(hits[0].highlights.size(), 1u);
  const auto [start, end] = hits[0].highlights[0];
  // Characters, not bytes: "سورية" is 5 characters.
  EXPECT_EQ(end - start, 5u);
  std::u32string chars;
  for (size_t i = 0; i < hits[0].snippet.size();) {
    const unsigned char c = hits[0].snippet[i];
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    chars += static_cast<char32_t>(i);
    i += len;
  }
  const size_t byte_start = chars[start];
  EXPECT_EQ(hits[0].snippet.substr(byte_start, std::string("سورية").size()), "سورية");
}

TEST_F(StoreTest, AWordsSpellingsRankAsOneWord) {
  auto s = OpenRw();
  s->Begin();
  // Ten reports that write Syria سوريا in every sentence, one farming report
  // that writes it سورية once, and two about something else.
  std::vector<int64_t> reports;
  for (int i = 0; i < 10; ++i) {
    // "Syria: a new agreement. Syria's delegation spoke of Syria, and Syria
    // and its neighbours."
    reports.push_back(s->AddDocument(Doc("r" + std::to_string(i), "سوريا اليوم",
                                         "سوريا: اتفاق جديد رقم " + std::to_string(i) +
                                             ". تحدث وفد سوريا عن سوريا، وعن سوريا وجيرانها.")));
  }
  // "The wheat harvest rose this year in the plain, and the farmers of Syria
  // sold most of it to the mills."
  const int64_t farming = s->AddDocument(
      Doc("f", "موسم القمح", "ارتفع محصول القمح هذا العام في السهل، وباع مزارعو سورية معظمه للمطاحن."));
  s->AddDocument(Doc("o1", "خبر", "افتتح معرض الكتاب أبوابه"));  // the book fair opened
  s->AddDocument(Doc("o2", "خبر", "هطلت أمطار غزيرة"));  // heavy rain fell
  s->Commit();
  std::string error;
  SearchOptions all;
  all.limit = 50;
  std::vector<SearchHit> hits;
  ASSERT_TRUE(s->Search("سوريا", all, &hits, &error)) << error;
  ASSERT_EQ(hits.size(), 11u);
  // Scored apart, the rare spelling outweighed the word: the farming report
  // came first and the ten reports scored next to nothing.
  EXPECT_EQ(hits.back().doc, farming);
  for (size_t i = 1; i < hits.size(); ++i) EXPECT_GE(hits[i - 1].score, hits[i].score) << i;
  EXPECT_TRUE(std::count(reports.begin(), reports.end(), hits[0].doc));
  // A shorter list is the start of the longer one.
  SearchOptions three;
  three.limit = 3;
  std::vector<SearchHit> first;
  ASSERT_TRUE(s->Search("سوريا", three, &first, &error)) << error;
  ASSERT_EQ(first.size(), 3u);
  for (size_t i = 0; i < first.size(); ++i) EXPECT_EQ(first[i].doc, hits[i].doc) << i;
}

TEST_F(StoreTest, CompoundNamesAreFoundAsOneWordOrTwo) {
  auto s = OpenRw();
  s->Begin();
  // "Abd al-Rahman arrived in Abu Dhabi", written apart and joined.
  const int64_t apart = s->AddDocument(Doc("a", "خبر", "وصل عبد الرحمن إلى أبو ظبي أمس."));
  const int64_t joined = s->AddDocument(Doc("j", "خبر", "وصل عبدالرحمن إلى أبوظبي أمس."));
  // "A faithful servant said the Merciful is generous": the two words, not
  // in a row, are no name.
  s->AddDocument(Doc("n", "خبر", "قال عبد مخلص إن الرحمن كريم."));
  s->Commit();
  std::string error;
  for (const char* query : {"عبد الرحمن", "عبدالرحمن", "أبو ظبي", "أبوظبي"}) {
    std::vector<SearchHit> hits;
    ASSERT_TRUE(s->Search(query, {}, &hits, &error)) << error;
    std::set<int64_t> docs;
    for (const SearchHit& h : hits) {
      docs.insert(h.doc);
      EXPECT_TRUE(h.exact) << query;
      EXPECT_FALSE(h.highlights.empty()) << query;
    }
    EXPECT_EQ(docs, (std::set<int64_t>{apart, joined})) << query;
  }
}

TEST_F(StoreTest, OrJoinsAlternativeQueries) {
  auto s = OpenRw();
  s->Begin();
  const int64_t school = s->AddDocument(Doc("s", "خبر", "افتتحت مدرسة جديدة"));  // a new school opened
  const int64_t city = s->AddDocument(Doc("d", "خبر", "وصل الوفد إلى دمشق"));  // reached Damascus
  s->AddDocument(Doc("o", "خبر", "هطلت أمطار غزيرة"));  // heavy rain fell
  s->Commit();
  std::string error;
  std::vector<SearchHit> hits;
  ASSERT_TRUE(s->Search("مدرسة OR دمشق", {}, &hits, &error)) << error;
  std::set<int64_t> docs;
  for (const SearchHit& h : hits) docs.insert(h.doc);
  EXPECT_EQ(docs, (std::set<int64_t>{school, city}));
  // Without OR every word must match; "or" in lower case is a word.
  ASSERT_TRUE(s->Search("مدرسة دمشق", {}, &hits, &error)) << error;
  EXPECT_TRUE(hits.empty());
  ASSERT_TRUE(s->Search("مدرسة or دمشق", {}, &hits, &error)) << error;
  EXPECT_TRUE(hits.empty());
  // An alternative of function words only is dropped; all of them is an error.
  ASSERT_TRUE(s->Search("في OR دمشق", {}, &hits, &error)) << error;
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].doc, city);
  EXPECT_FALSE(s->Search("في OR من", {}, &hits, &error));
}

TEST_F(StoreTest, SearchFiltersBySourceAndRejectsEmptyQueries) {
  auto s = OpenRw();
  s->Begin();
  s->AddDocument(Doc("1", "خبر", "هجوم في الموصل", "المنارة"));
  const int64_t two = s->AddDocument(Doc("2", "خبر", "هجوم في كركوك", "الأفق"));
  s->Commit();
  std::vector<SearchHit> hits;
  std::string error;
  SearchOptions one_source;
  one_source.source = "الأفق";
  ASSERT_TRUE(s->Search("هجوم", one_source, &hits, &error));
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].doc, two);
  EXPECT_FALSE(s->Search("... ؟", {}, &hits, &error));
  EXPECT_FALSE(error.empty());
  // FTS5 syntax in a query is text, not an operator or an error.
  EXPECT_TRUE(s->Search("\"هجوم OR NEAR(* -", {}, &hits, &error)) << error;
}

TEST_F(StoreTest, FunctionWordsAreNotIndexedAndAPhraseStillMatches) {
  auto s = OpenRw();
  s->Begin();
  // "The delegation arrived in Damascus from Beirut."
  const int64_t id = s->AddDocument(Doc("f", "خبر", "وصل الوفد إلى دمشق من بيروت."));
  s->Commit();
  std::vector<SearchHit> hits;
  std::string error;
  // "to", "from" and "in it": function words only.
  EXPECT_FALSE(s->Search("إلى من فيها", {}, &hits, &error));
  EXPECT_NE(error.find("function words"), std::string::npos) << error;
  // "who" (feminine plural), the longest function word.
  EXPECT_FALSE(s->Search("اللواتي", {}, &hits, &error));
  // "in Damascus from Beirut": the function word is dropped from the query
  // as from the text; the clitic ب is stripped from بدمشق.
  ASSERT_TRUE(s->Search("بدمشق من بيروت", {}, &hits, &error)) << error;
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].doc, id);
  EXPECT_EQ(hits[0].highlights.size(), 2u);
}

TEST_F(StoreTest, UpgradeFromVersion3RebuildsIndexAndVocabulary) {
  // A version 3 database: its vocabulary held whole words next to stems.
  ASSERT_NO_FATAL_FAILURE(StoreThenRewrite(
      Doc("u", "خبر", "وصل الوفد إلى العاصمة"),  // the delegation reached the capital
      3, "DELETE FROM vocab; INSERT INTO vocab VALUES('العاصمه', '', '')"));
  auto s = OpenRw();
  EXPECT_EQ(s->schema_version(), 8);
  EXPECT_EQ(s->IntegrityCheck(), "ok");
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(raw, "SELECT group_concat(term, ' ') FROM (SELECT term FROM vocab ORDER BY term)",
                               -1, &st, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  // Stems as matching keys: capital, delegation, arrived; no article, no إلى.
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "خبر عاصمه وصل وفد");
  sqlite3_finalize(st);
  sqlite3_close(raw);
  std::vector<SearchHit> hits;
  std::string error;
  ASSERT_TRUE(s->Search("عاصمة", {}, &hits, &error)) << error;
  EXPECT_EQ(hits.size(), 1u);
}

TEST_F(StoreTest, UpgradeFromVersion6AddsTheIncidentColumn) {
  ASSERT_NO_FATAL_FAILURE(StoreThenRewrite(Doc("i", "خبر", "وصل الوفد"), 6));
  auto s = OpenRw();
  EXPECT_EQ(s->schema_version(), 8);
  EXPECT_EQ(s->IntegrityCheck(), "ok");
  ExpectRuns("SELECT incident FROM events");
}

TEST_F(StoreTest, UpgradeFromVersion7AddsTheAboutColumn) {
  ASSERT_NO_FATAL_FAILURE(StoreThenRewrite(Doc("a", "خبر", "وصل الوفد"), 7));
  auto s = OpenRw();
  EXPECT_EQ(s->schema_version(), 8);
  EXPECT_EQ(s->IntegrityCheck(), "ok");
  ExpectRuns("SELECT about_mention FROM claims");
  ExpectRuns("SELECT entity FROM carried_entities");
}

TEST_F(StoreTest, UpgradeFromVersion4IndexesTheNameAli) {
  // A version 4 database did not index علي (taken for على, on): its index
  // holds the text without it.
  ASSERT_NO_FATAL_FAILURE(StoreThenRewrite(
      Doc("a", "خبر", "التقى علي حسن بالوزير"),  // Ali Hassan met the minister
      4, "INSERT INTO docs_fts(docs_fts, rowid, title, text) "
      "SELECT 'delete', id, title, text FROM docs; "
      "INSERT INTO docs_fts(rowid, title, text) SELECT id, title, 'التقى حسن بالوزير' FROM docs"));
  auto s = OpenRw();
  EXPECT_EQ(s->schema_version(), 8);
  EXPECT_EQ(s->IntegrityCheck(), "ok");
  std::vector<SearchHit> hits;
  std::string error;
  ASSERT_TRUE(s->Search("علي", {}, &hits, &error)) << error;
  EXPECT_EQ(hits.size(), 1u);
}

TEST_F(StoreTest, NumbersAreFoundWithOrWithoutDigitGroups) {
  auto s = OpenRw();
  s->Begin();
  // "3,000 fighters", "3000 fighters", "٣٬٠٠٠ fighters" and "1.5 million".
  const int64_t comma = s->AddDocument(Doc("c", "خبر", "وصل 3,000 مقاتل"));
  const int64_t plain = s->AddDocument(Doc("p", "خبر", "وصل 3000 مقاتل"));
  const int64_t indic = s->AddDocument(Doc("i", "خبر", "وصل ٣٬٠٠٠ مقاتل"));
  s->AddDocument(Doc("d", "خبر", "وصل 1.5 مليون"));
  s->Commit();
  std::string error;
  for (const char* query : {"3000", "3,000", "٣٠٠٠", "٣٬٠٠٠"}) {
    std::vector<SearchHit> hits;
    ASSERT_TRUE(s->Search(query, {}, &hits, &error)) << error;
    std::set<int64_t> docs;
    for (const SearchHit& h : hits) docs.insert(h.doc);
    EXPECT_EQ(docs, (std::set<int64_t>{comma, plain, indic})) << query;
  }
  std::vector<SearchHit> hits;
  ASSERT_TRUE(s->Search("15", {}, &hits, &error)) << error;
  EXPECT_TRUE(hits.empty());  // a decimal point is no grouping
}

TEST_F(StoreTest, UpgradeFromVersion5IndexesNumbersWithoutGroups) {
  // A version 5 database indexed 3,000 as written.
  ASSERT_NO_FATAL_FAILURE(StoreThenRewrite(
      Doc("n", "خبر", "وصل 3,000 مقاتل"),  // 3,000 fighters arrived
      5, "INSERT INTO docs_fts(docs_fts, rowid, title, text) "
      "SELECT 'delete', id, title, text FROM docs; "
      "INSERT INTO docs_fts(rowid, title, text) SELECT id, title, 'وصل مقاتل' FROM docs"));
  auto s = OpenRw();
  EXPECT_EQ(s->schema_version(), 8);
  EXPECT_EQ(s->IntegrityCheck(), "ok");
  std::vector<SearchHit> hits;
  std::string error;
  ASSERT_TRUE(s->Search("3000", {}, &hits, &error)) << error;
  EXPECT_EQ(hits.size(), 1u);
}

TEST_F(StoreTest, ReadOnlyStoreSeesCommittedData) {
  {
    auto s = OpenRw();
    s->Begin();
    s->AddDocument(Doc("r", "خبر", "نص محفوظ"));
    s->Commit();
  }
  std::string error;
  auto r = Store::Open(path_, Store::Mode::kReadOnly, &error);
  ASSERT_TRUE(r) << error;
  EXPECT_EQ(r->DocumentCount(), 1);
}

TEST_F(StoreTest, RefusesWhatIsNotAMarsadDatabase) {
  std::string error;
  // Not a database at all.
  { std::ofstream(path_) << "this is not sqlite, just text\n"; }
  EXPECT_FALSE(Store::Open(path_, Store::Mode::kReadWrite, &error));
  EXPECT_NE(error.find(path_), std::string::npos);
  // A missing file cannot be read.
  EXPECT_FALSE(Store::Open((dir_ / "missing.db").string(), Store::Mode::kReadOnly, &error));
  // A database from a newer marsad.
  fs::remove(path_);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  EXPECT_FALSE(Store::Open(path_, Store::Mode::kReadWrite, &error));
  EXPECT_NE(error.find("newer"), std::string::npos);
  // Another program's database (version 0, tables of its own) is left as it
  // is: no marsad table is added to it.
  fs::remove(path_);
  ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "CREATE TABLE contacts(name TEXT)", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  EXPECT_FALSE(Store::Open(path_, Store::Mode::kReadWrite, &error));
  EXPECT_NE(error.find("another program"), std::string::npos) << error;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* count = nullptr;
  sqlite3_prepare_v2(raw, "SELECT count(*) FROM sqlite_master", -1, &count, nullptr);
  ASSERT_EQ(sqlite3_step(count), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(count, 0), 1);
  sqlite3_finalize(count);
  sqlite3_close(raw);
}

// A synthetic collection for ranking: words of three syllables, drawn with
// Zipf-like frequencies so that some are in most documents and some in few;
// documents of 5 to 300 words, titles of 2 to 6.
std::string SyntheticWord(size_t i) {
  static constexpr const char* kSyllables[] = {"ba", "ko", "mi", "ru", "te", "za", "lo", "ne"};
  std::string word = kSyllables[i % 8];
  word += kSyllables[i / 8 % 8];
  word += kSyllables[i / 64 % 8];
  return word;
}

// Adds them in the current transaction.
void AddSyntheticDocuments(Store* s, int count, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<double> weights;
  for (size_t i = 0; i < 300; ++i) weights.push_back(1.0 / static_cast<double>(i + 1));
  std::discrete_distribution<size_t> word(weights.begin(), weights.end());
  auto words = [&](int n) {
    std::string out;
    for (int i = 0; i < n; ++i) {
      if (i > 0) out += ' ';
      out += SyntheticWord(word(rng));
    }
    return out;
  };
  for (int d = 0; d < count; ++d) {
    DocRecord doc;
    doc.path = "synthetic";
    doc.title = words(2 + static_cast<int>(rng() % 5));
    doc.text = words(5 + static_cast<int>(rng() % 296));
    doc.content_key = std::to_string(seed) + "-" + std::to_string(d);
    ASSERT_GT(s->AddDocument(doc), 0);
  }
}

void CommitSyntheticDocuments(Store* s, int count, uint32_t seed) {
  s->Begin();
  AddSyntheticDocuments(s, count, seed);
  s->Commit();
}

// Rows (rowid, and the scores in the other columns) of `sql` on a
// connection of its own, with `match` bound to ?1 and `lengths` to ?2 when
// the statement has it.
std::vector<std::vector<double>> Rows(const std::string& path, const std::string& sql,
                                      const std::string& match, internal::DocLengths* lengths) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_TRUE(internal::RegisterExtensions(db));
  std::vector<std::vector<double>> rows;
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_bind_text(s, 1, match.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count(s) > 1) {
    sqlite3_bind_pointer(s, 2, lengths, internal::kDocLengthsPointer, nullptr);
  }
  while (sqlite3_step(s) == SQLITE_ROW) {
    rows.emplace_back();
    for (int c = 0; c < sqlite3_column_count(s); ++c) {
      rows.back().push_back(sqlite3_column_double(s, c));
    }
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return rows;
}

TEST_F(StoreTest, RankingFunctionGivesBm25sScores) {
  auto s = OpenRw();
  CommitSyntheticDocuments(s.get(), 400, 1);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  internal::DocLengths lengths;
  internal::LoadDocLengths(db, "docs_fts", &lengths);
  sqlite3_close(db);
  ASSERT_EQ(lengths.by_rowid.size(), 401u);
  const std::string sql =
      "SELECT rowid, bm25(docs_fts, 2.0, 1.0), marsad_bm25(docs_fts, ?2, 2.0, 1.0) FROM docs_fts "
      "WHERE docs_fts MATCH ?1";
  const std::string w0 = SyntheticWord(0), w2 = SyntheticWord(2), w9 = SyntheticWord(9),
                    w40 = SyntheticWord(40), w200 = SyntheticWord(200);
  for (const std::string& match :
       {w0, w9, w200, w2 + " OR " + w40 + " OR " + w200, "(" + w0 + " OR " + w9 + ") AND " + w40}) {
    // With the lengths in memory, and looked up row by row.
    for (internal::DocLengths* given : {&lengths, static_cast<internal::DocLengths*>(nullptr)}) {
      const auto rows = Rows(path_, sql, match, given);
      EXPECT_FALSE(rows.empty()) << match;
      for (const auto& row : rows) EXPECT_EQ(row[1], row[2]) << match << " row " << row[0];
    }
  }
}

TEST_F(StoreTest, SearchReturnsTheBm25TopInOrder) {
  auto writer = OpenRw();
  CommitSyntheticDocuments(writer.get(), 300, 2);
  std::string error;
  auto reader = Store::Open(path_, Store::Mode::kReadOnly, &error);
  ASSERT_TRUE(reader) << error;
  auto check = [&](const std::string& query) {
    SearchOptions options;
    options.limit = 15;
    options.variants = false;
    std::vector<SearchHit> hits;
    ASSERT_TRUE(reader->Search(query, options, &hits, &error)) << error;
    const std::string ranked =
        "SELECT rowid, bm25(docs_fts, 2.0, 1.0) FROM docs_fts WHERE docs_fts MATCH ?1";
    const auto expected = Rows(path_, ranked + " ORDER BY 2 LIMIT 15", query, nullptr);
    ASSERT_EQ(hits.size(), expected.size()) << query;
    // Equal scores may come in either order: the scores, in order, are BM25's
    // best, and each is its document's own.
    std::map<int64_t, double> score_of;
    for (const auto& row : Rows(path_, ranked, query, nullptr)) {
      score_of[static_cast<int64_t>(row[0])] = -row[1];
    }
    for (size_t i = 0; i < hits.size(); ++i) {
      EXPECT_EQ(hits[i].score, -expected[i][1]) << query << " hit " << i;
      EXPECT_EQ(hits[i].score, score_of.at(hits[i].doc)) << query << " hit " << i;
    }
  };
  for (const std::string& query : {SyntheticWord(1), SyntheticWord(7), SyntheticWord(60),
                                   SyntheticWord(3) + " " + SyntheticWord(20)}) {
    check(query);
  }
  // Documents added since the reader's last search change every length and
  // the average: its next searches rank by the new ones.
  CommitSyntheticDocuments(writer.get(), 200, 3);
  for (const std::string& query : {SyntheticWord(1), SyntheticWord(60)}) check(query);
  // And so do the writer's own searches after its writes, even where a
  // rolled-back document's id (and length) has gone to another.
  reader = std::move(writer);
  reader->Begin();
  AddSyntheticDocuments(reader.get(), 50, 4);
  std::vector<SearchHit> uncommitted;
  ASSERT_TRUE(reader->Search(SyntheticWord(5), {}, &uncommitted, &error)) << error;
  reader->Rollback();
  CommitSyntheticDocuments(reader.get(), 50, 5);
  check(SyntheticWord(5));
}

TEST_F(StoreTest, ReopenKeepsDataAndSchema) {
  {
    auto s = OpenRw();
    s->Begin();
    s->AddDocument(Doc("p", "خبر", "نص باق"));
    s->Commit();
  }
  auto s = OpenRw();
  EXPECT_EQ(s->DocumentCount(), 1);
  EXPECT_EQ(s->schema_version(), 8);
  EXPECT_EQ(s->IntegrityCheck(), "ok");
}

TEST(ParallelForTest, AnExceptionReachesTheCaller) {
  // Thrown on whichever thread runs index 3: caught by the caller, not
  // std::terminate.
  EXPECT_THROW(internal::ParallelFor(1000, 4,
                                     [](size_t i) {
                                       if (i == 3) throw std::runtime_error("index 3");
                                     }),
               std::runtime_error);
  // Without one, every index runs once.
  std::vector<std::atomic<int>> seen(100);
  internal::ParallelFor(seen.size(), 3, [&](size_t i) { ++seen[i]; });
  for (const auto& v : seen) EXPECT_EQ(v.load(), 1);
}

}  // namespace
}  // namespace marsad::store
