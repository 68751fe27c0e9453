// Reading records a page at a time: for every entity of the bundled
// examples/ corpus, the lists filtered on it hold exactly the records the
// plain SQL definition names (its speaker, source, place or participant, not
// as an adjective), pages put together give the whole list, totals count it,
// and the summaries agree with the full entity records.
#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "ner/ner.h"
#include "resolve/resolve.h"
#include "scratch_dir.h"
#include "store/store.h"

namespace marsad::store {
namespace {

class RecordsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    tagger_ = ner::Tagger::Load(ner::DefaultModelPath(), &error).release();
    ASSERT_NE(tagger_, nullptr) << error;
    const resolve::Matcher* matcher = resolve::DefaultMatcher(&error);
    ASSERT_NE(matcher, nullptr) << error;
    scratch_ = new marsad::testing::ScratchDir;
    path_ = new std::string(scratch_->path("records.db"));
    auto db = Store::Open(*path_, Store::Mode::kReadWrite, &error);
    ASSERT_TRUE(db) << error;
    IngestOptions options;
    options.tagger = tagger_;
    options.matcher = matcher;
    const IngestSummary s = Ingest(db.get(), {"examples/corpus"}, options);
    ASSERT_GT(s.entities, 0u) << "run from the source tree";
  }
  static void TearDownTestSuite() {
    delete path_;
    delete scratch_;  // the database, its -wal and -shm
    delete tagger_;
  }
  void SetUp() override {
    std::string error;
    db_ = Store::Open(*path_, Store::Mode::kReadOnly, &error);
    ASSERT_TRUE(db_) << error;
    ASSERT_EQ(sqlite3_open_v2(path_->c_str(), &raw_, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  }
  void TearDown() override { sqlite3_close(raw_); }

  // The ids a plain query returns, `?1` bound to `entity`.
  std::set<int64_t> Ids(const char* sql, int64_t entity) {
    std::set<int64_t> ids;
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(raw_, sql, -1, &s, nullptr), SQLITE_OK) << sqlite3_errmsg(raw_);
    sqlite3_bind_int64(s, 1, entity);
    while (sqlite3_step(s) == SQLITE_ROW) ids.insert(sqlite3_column_int64(s, 0));
    sqlite3_finalize(s);
    return ids;
  }

  std::vector<int64_t> AllEntities() {
    std::vector<int64_t> ids;
    for (const EntityRecord& e : db_->Entities({})) ids.push_back(e.id);
    return ids;
  }

  static ner::Tagger* tagger_;
  static marsad::testing::ScratchDir* scratch_;
  static std::string* path_;
  std::unique_ptr<Store> db_;
  sqlite3* raw_ = nullptr;
};
ner::Tagger* RecordsTest::tagger_ = nullptr;
marsad::testing::ScratchDir* RecordsTest::scratch_ = nullptr;
std::string* RecordsTest::path_ = nullptr;

template <typename Record>
std::vector<int64_t> IdsOf(const std::vector<Record>& records) {
  std::vector<int64_t> ids;
  for (const Record& r : records) ids.push_back(r.id);
  return ids;
}

// Pages of `size` from `list(filter, &total)`, put together, equal the
// unpaged list, and each page's total is the unpaged list's size.
template <typename List>
void ExpectPagesMakeTheWhole(const List& list, RecordFilter filter, size_t size) {
  filter.limit = 0;
  filter.offset = 0;
  size_t total = 0;
  const std::vector<int64_t> whole = IdsOf(list(filter, &total));
  EXPECT_EQ(total, whole.size());
  std::vector<int64_t> paged;
  filter.limit = size;
  for (filter.offset = 0; filter.offset <= whole.size(); filter.offset += size) {
    size_t page_total = 0;
    const auto page = IdsOf(list(filter, &page_total));
    EXPECT_EQ(page_total, whole.size());
    EXPECT_LE(page.size(), size);
    paged.insert(paged.end(), page.begin(), page.end());
  }
  EXPECT_EQ(paged, whole) << "entity " << filter.entity;
  // Without a total the same page comes back.
  filter.offset = size / 2;
  size_t ignored = 0;
  EXPECT_EQ(IdsOf(list(filter, nullptr)), IdsOf(list(filter, &ignored)));
}

TEST_F(RecordsTest, EntityFiltersNameTheSameRecordsAsThePlainQueries) {
  size_t with_records = 0;
  for (int64_t id : AllEntities()) {
    RecordFilter f;
    f.entity = id;
    const std::vector<int64_t> quotes = IdsOf(db_->Quotes(f));
    const std::vector<int64_t> claims = IdsOf(db_->Claims(f));
    const std::vector<int64_t> events = IdsOf(db_->Events(f));
    EXPECT_EQ(std::set<int64_t>(quotes.begin(), quotes.end()),
              Ids("SELECT id FROM quotes WHERE speaker_mention IN "
                  "(SELECT id FROM mentions WHERE entity = ?1 AND attribute = 0)",
                  id))
        << "entity " << id;
    EXPECT_EQ(std::set<int64_t>(claims.begin(), claims.end()),
              Ids("SELECT id FROM claims WHERE source_mention IN "
                  "(SELECT id FROM mentions WHERE entity = ?1 AND attribute = 0) OR place_mention IN "
                  "(SELECT id FROM mentions WHERE entity = ?1 AND attribute = 0) OR about_mention IN "
                  "(SELECT id FROM mentions WHERE entity = ?1 AND attribute = 0)",
                  id))
        << "entity " << id;
    EXPECT_EQ(std::set<int64_t>(events.begin(), events.end()),
              Ids("SELECT id FROM events WHERE place_mention IN "
                  "(SELECT id FROM mentions WHERE entity = ?1) OR id IN (SELECT event FROM "
                  "event_participants WHERE mention IN "
                  "(SELECT id FROM mentions WHERE entity = ?1 AND attribute = 0))",
                  id))
        << "entity " << id;
    // No record twice (a claim whose source and place are both the entity).
    EXPECT_EQ(std::set<int64_t>(claims.begin(), claims.end()).size(), claims.size());
    EXPECT_EQ(std::set<int64_t>(events.begin(), events.end()).size(), events.size());
    with_records += !quotes.empty() + !claims.empty() + !events.empty();
  }
  EXPECT_GT(with_records, 3u) << "the examples name speakers, sources and places";
}

TEST_F(RecordsTest, PagesPutTogetherGiveTheWholeListInOrder) {
  auto quotes = [&](const RecordFilter& f, size_t* t) { return db_->Quotes(f, t); };
  auto claims = [&](const RecordFilter& f, size_t* t) { return db_->Claims(f, t); };
  auto events = [&](const RecordFilter& f, size_t* t) { return db_->Events(f, t); };
  // Unfiltered, then for each entity.
  ExpectPagesMakeTheWhole(quotes, {}, 3);
  ExpectPagesMakeTheWhole(claims, {}, 3);
  ExpectPagesMakeTheWhole(events, {}, 3);
  for (int64_t id : AllEntities()) {
    RecordFilter f;
    f.entity = id;
    ExpectPagesMakeTheWhole(quotes, f, 2);
    ExpectPagesMakeTheWhole(claims, f, 2);
    ExpectPagesMakeTheWhole(events, f, 2);
  }
  // Filters applied before paging count in the total.
  RecordFilter dated;
  dated.from = "2000";
  size_t total = 0;
  const auto all_dated = db_->Events(dated, &total);
  EXPECT_EQ(total, all_dated.size());
  for (const auto& e : all_dated) EXPECT_FALSE(e.date.empty());
  ExpectPagesMakeTheWhole(events, dated, 2);
  // The unpaged list is the one the old reading gave: the records' order.
  const auto ordered = db_->Quotes({});
  for (size_t i = 1; i < ordered.size(); ++i) {
    EXPECT_LE(ordered[i - 1].published, ordered[i].published);
  }
  const auto by_topic = db_->Claims({});
  for (size_t i = 1; i < by_topic.size(); ++i) EXPECT_LE(by_topic[i - 1].topic, by_topic[i].topic);
}

TEST_F(RecordsTest, SummariesAndDocumentPagesAgreeWithTheFullEntity) {
  RecordFilter no_docs;
  no_docs.entity_docs = false;
  const std::vector<EntityRecord> listed = db_->Entities(no_docs);
  ASSERT_FALSE(listed.empty());
  int stored_order_differs = 0;
  for (const EntityRecord& summary : listed) {
    const auto full = db_->Entity(summary.id);
    ASSERT_TRUE(full);
    EXPECT_TRUE(summary.docs.empty());
    EXPECT_EQ(summary.doc_count, static_cast<int64_t>(full->docs.size())) << summary.id;
    EXPECT_EQ(full->doc_count, static_cast<int64_t>(full->docs.size()));
    const auto alone = db_->EntitySummary(summary.id);
    ASSERT_TRUE(alone);
    EXPECT_TRUE(alone->docs.empty());
    EXPECT_EQ(alone->doc_count, summary.doc_count);
    ASSERT_EQ(alone->aliases.size(), full->aliases.size());
    for (size_t i = 0; i < full->aliases.size(); ++i) {
      EXPECT_EQ(alone->aliases[i].name, full->aliases[i].name);
      EXPECT_EQ(alone->aliases[i].mentions, full->aliases[i].mentions);
    }
    // Newest published first (then last stored first), a page at a time.
    std::vector<std::pair<std::string, int64_t>> by_date;
    for (const DocRecord& d : db_->DocumentHeaders(full->docs)) by_date.emplace_back(d.published, d.id);
    std::sort(by_date.rbegin(), by_date.rend());
    std::vector<int64_t> newest;
    for (const auto& [published, id] : by_date) newest.push_back(id);
    stored_order_differs += !std::is_sorted(newest.rbegin(), newest.rend());
    EXPECT_EQ(db_->EntityDocuments(summary.id, 0, 0), newest);
    std::vector<int64_t> paged;
    for (size_t offset = 0; offset <= newest.size(); offset += 2) {
      const auto page = db_->EntityDocuments(summary.id, 2, offset);
      paged.insert(paged.end(), page.begin(), page.end());
    }
    EXPECT_EQ(paged, newest);
  }
  // The examples were stored in another order than they were published in.
  EXPECT_GT(stored_order_differs, 0);
  EXPECT_FALSE(db_->EntitySummary(99999999));
  EXPECT_TRUE(db_->EntityDocuments(99999999, 10, 0).empty());
  // A name search keeps its filters without the documents read.
  RecordFilter by_name = no_docs;
  by_name.query = listed.front().name;
  by_name.min_docs = listed.front().doc_count + 1;
  for (const EntityRecord& e : db_->Entities(by_name)) EXPECT_GE(e.doc_count, by_name.min_docs);
}

}  // namespace
}  // namespace marsad::store
