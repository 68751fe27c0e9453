#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "store/store.h"

namespace marsad::store {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("marsad-store-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "test.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Store> OpenRw() {
    std::string error;
    auto s = Store::Open(path_, Store::Mode::kReadWrite, &error);
    EXPECT_TRUE(s) << error;
    return s;
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

  fs::path dir_;
  std::string path_;
};

TEST_F(StoreTest, CreatesSchemaAndStoresDocuments) {
  auto s = OpenRw();
  EXPECT_EQ(s->schema_version(), 4);
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
  {
    auto s = OpenRw();
    s->Begin();
    s->AddDocument(Doc("u", "خبر", "وصل الوفد إلى العاصمة"));  // the delegation reached the capital
    s->Commit();
  }
  // A version 3 database: its vocabulary held whole words next to stems.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "DELETE FROM vocab; INSERT INTO vocab VALUES('العاصمه', '', ''); "
                         "PRAGMA user_version=3",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  auto s = OpenRw();
  EXPECT_EQ(s->schema_version(), 4);
  EXPECT_EQ(s->IntegrityCheck(), "ok");
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
  EXPECT_EQ(s->schema_version(), 4);
  EXPECT_EQ(s->IntegrityCheck(), "ok");
}

}  // namespace
}  // namespace marsad::store
