// make bench, ingest and search: the whole corpus ingested on two cores into
// a fresh database (documents/s, size against the raw text), search latency
// over 200 varied queries, and the same texts in SQLite FTS5 with its own
// unicode61 tokenizer: indexing time, and which spelling-variant queries
// each finds. Prints figures; asserts nothing.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <ctime>
#include <vector>

#include "store/store.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Pairs of spellings of one name or word, as outlets really vary them.
const std::vector<std::pair<std::string, std::string>> kVariants = {
    {"سوريا", "سورية"},      // Syria, ا or ة ending
    {"أحمد", "احمد"},        // Ahmad, with or without hamza
    {"إسرائيل", "اسرائيل"},  // Israel, hamza below or none
    {"أمريكا", "أميركا"},    // America, two spellings
    {"مصطفى", "مصطفي"},      // Mustafa, ى or ي
    {"جوجل", "غوغل"},        // Google, g as ج or غ
    {"طاجيكستان", "طاجكستان"},  // Tajikistan, vowel written or not
    {"بالرياض", "الرياض"},   // "in Riyadh", with its preposition
    {"الإمارات", "امارات"},  // Emirates, article and hamza
    {"فيسبوك", "فيس بوك"},   // Facebook, one word or two (not expected to match)
};

std::vector<int64_t> Unicode61Hits(sqlite3* db, const std::string& word) {
  std::vector<int64_t> ids;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, "SELECT rowid FROM f WHERE f MATCH ?", -1, &s, nullptr);
  const std::string q = "\"" + word + "\"";
  sqlite3_bind_text(s, 1, q.c_str(), -1, SQLITE_TRANSIENT);
  while (sqlite3_step(s) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(s, 0));
  sqlite3_finalize(s);
  return ids;
}

double CpuSeconds(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

bool Contains(const std::string& text, const std::string& word) {
  return text.find(word) != std::string::npos;
}

// Every document of the store, in id order.
std::vector<marsad::store::DocRecord> AllDocuments(const marsad::store::Store& store) {
  std::vector<marsad::store::DocRecord> docs;
  for (auto page = store.Documents(0, 5000); !page.empty();
       page = store.Documents(page.back().id, 5000)) {
    for (auto& d : page) docs.push_back(std::move(d));
  }
  return docs;
}

// Search latency over 200 queries: single words of varied frequency and
// two-word queries, drawn from the documents with a fixed seed.
void MeasureSearch(const marsad::store::Store& store,
                   const std::vector<marsad::store::DocRecord>& docs) {
  std::mt19937 rng(42);
  std::vector<std::string> queries;
  while (queries.size() < 200 && !docs.empty()) {
    const std::string& text = docs[rng() % docs.size()].text;
    // Whole words after a random point: split at spaces, punctuation cut
    // from their ends (the Arabic comma is two bytes, so not a byte set).
    std::vector<std::string> words;
    size_t pos = text.find(' ', rng() % std::max<size_t>(text.size(), 1));
    while (pos != std::string::npos && words.size() < 2) {
      const size_t end = text.find_first_of(" \n", pos + 1);
      std::string w = text.substr(pos + 1, end == std::string::npos ? end : end - pos - 1);
      for (const std::string_view mark : {".", ",", "،", ":", "\"", "(", ")"}) {
        while (w.starts_with(mark)) w.erase(0, mark.size());
        while (w.ends_with(mark)) w.erase(w.size() - mark.size());
      }
      if (w.size() >= 6) words.push_back(w);
      pos = end;
    }
    if (words.empty()) continue;
    queries.push_back(queries.size() % 3 == 2 && words.size() == 2 ? words[0] + " " + words[1]
                                                                    : words[0]);
  }
  std::vector<double> latencies;
  std::vector<marsad::store::SearchHit> hits;
  std::string error;
  for (const std::string& q : queries) {
    const auto t = Clock::now();
    store.Search(q, {}, &hits, &error);
    latencies.push_back(Seconds(t) * 1000);
    // MARSAD_BENCH_SLOW=MS lists the queries slower than MS milliseconds.
    if (const char* slow = std::getenv("MARSAD_BENCH_SLOW"); slow && latencies.back() > std::atof(slow)) {
      std::printf("  slow query %-30s %.2f ms, %zu hits\n", q.c_str(), latencies.back(), hits.size());
    }
  }
  std::sort(latencies.begin(), latencies.end());
  if (!latencies.empty()) {
    std::printf("search latency (%zu queries) p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                latencies.size(), latencies[latencies.size() / 2],
                latencies[latencies.size() * 99 / 100], latencies.back());
  }
}

}  // namespace

int main() {
  std::string error;
  // MARSAD_BENCH_SEARCH_DB=PATH measures search alone on an existing
  // database (for profiling queries without ingesting again).
  if (const char* path = std::getenv("MARSAD_BENCH_SEARCH_DB"); path && *path) {
    const auto store =
        marsad::store::Store::Open(path, marsad::store::Store::Mode::kReadOnly, &error);
    if (!store) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return 2;
    }
    MeasureSearch(*store, AllDocuments(*store));
    return 0;
  }
  const char* env = std::getenv("MARSAD_BENCH_CORPUS");
  const std::string corpus = env && *env ? env : "examples/corpus";
  const fs::path dir = fs::temp_directory_path() / "marsad-ingest-bench";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db_path = (dir / "bench.db").string();

  auto store = marsad::store::Store::Open(db_path, marsad::store::Store::Mode::kReadWrite, &error);
  if (!store) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 2;
  }
  marsad::store::IngestOptions options;
  options.threads = 2;
  auto t0 = Clock::now();
  const double thread_cpu0 = CpuSeconds(CLOCK_THREAD_CPUTIME_ID);
  const double process_cpu0 = CpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
  const auto summary = marsad::store::Ingest(store.get(), {corpus}, options);
  const double ingest_s = Seconds(t0);
  // The writer is this thread: its CPU time is the serial part of ingest,
  // and less sensitive than wall time to other work on the machine.
  const double writer_cpu = CpuSeconds(CLOCK_THREAD_CPUTIME_ID) - thread_cpu0;
  const double process_cpu = CpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - process_cpu0;
  std::printf("corpus                      %s\n", corpus.c_str());
  std::printf("ingest (2 threads)          %zu documents read, %zu added (%zu near-duplicates), "
              "%zu already stored, %zu problems\n",
              summary.read, summary.added, summary.near_duplicates, summary.already_stored,
              summary.problems.size());
  std::printf("ingest time                 %.2f s, %.0f documents/s\n", ingest_s,
              summary.read / ingest_s);
  std::printf("ingest CPU                  writer thread %.2f s, all threads %.2f s\n", writer_cpu,
              process_cpu);

  // Raw text against the database.
  const std::vector<marsad::store::DocRecord> docs = AllDocuments(*store);
  size_t raw = 0;
  for (const auto& d : docs) raw += d.text.size() + d.title.size();
  store.reset();
  {
    // Fold the WAL into the file before measuring it.
    sqlite3* db = nullptr;
    sqlite3_open(db_path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  const auto db_size = fs::file_size(db_path);
  std::printf("database size               %.1f MB for %.1f MB of text (%.2fx)\n", db_size / 1e6,
              raw / 1e6, static_cast<double>(db_size) / std::max<size_t>(raw, 1));

  store = marsad::store::Store::Open(db_path, marsad::store::Store::Mode::kReadOnly, &error);
  MeasureSearch(*store, docs);

  // MARSAD_BENCH_QUICK=1 stops here (for profiling and quick comparisons).
  if (const char* quick = std::getenv("MARSAD_BENCH_QUICK"); quick && *quick == '1') {
    store.reset();
    fs::remove_all(dir);
    return 0;
  }

  // The same texts under FTS5's own unicode61 tokenizer.
  const std::string plain_path = (dir / "unicode61.db").string();
  sqlite3* plain = nullptr;
  sqlite3_open(plain_path.c_str(), &plain);
  sqlite3_exec(plain, "PRAGMA journal_mode=WAL; CREATE VIRTUAL TABLE f USING fts5(title, text)",
               nullptr, nullptr, nullptr);
  t0 = Clock::now();
  sqlite3_exec(plain, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* ins = nullptr;
  sqlite3_prepare_v2(plain, "INSERT INTO f(rowid, title, text) VALUES(?, ?, ?)", -1, &ins, nullptr);
  for (const auto& d : docs) {
    sqlite3_bind_int64(ins, 1, d.id);
    sqlite3_bind_text(ins, 2, d.title.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(ins, 3, d.text.c_str(), -1, SQLITE_STATIC);
    sqlite3_step(ins);
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
  sqlite3_exec(plain, "COMMIT", nullptr, nullptr, nullptr);
  const double plain_s = Seconds(t0);
  std::printf("unicode61 indexing          %.2f s (marsad's whole ingest takes %.1fx that)\n",
              plain_s, ingest_s / plain_s);

  // A variant query counts as found when searching one spelling returns a
  // document that has only the other.
  std::map<int64_t, const marsad::store::DocRecord*> by_id;
  for (const auto& d : docs) by_id[d.id] = &d;
  int present = 0, found_marsad = 0, found_plain = 0;
  std::vector<marsad::store::SearchHit> hits;
  marsad::store::SearchOptions wide;
  wide.limit = 100000;
  for (const auto& [a, b] : kVariants) {
    for (const auto& [query, other] : {std::pair(a, b), std::pair(b, a)}) {
      bool exists = false;
      for (const auto& d : docs) exists = exists || (Contains(d.text, other) && !Contains(d.text, query));
      if (!exists) continue;
      ++present;
      auto only_other = [&](int64_t id) {
        const auto* d = by_id[id];
        return d && Contains(d->text, other) && !Contains(d->text, query);
      };
      store->Search(query, wide, &hits, &error);
      const bool m = std::any_of(hits.begin(), hits.end(), [&](auto& h) { return only_other(h.doc); });
      const auto p_ids = Unicode61Hits(plain, query);
      const bool p = std::any_of(p_ids.begin(), p_ids.end(), only_other);
      found_marsad += m;
      found_plain += p;
      std::printf("  variant %-12s → %-12s marsad %s  unicode61 %s\n", query.c_str(), other.c_str(),
                  m ? "found " : "missed", p ? "found" : "missed");
    }
  }
  std::printf("variant queries found       marsad %d of %d, unicode61 %d of %d\n", found_marsad,
              present, found_plain, present);
  sqlite3_close(plain);
  store.reset();
  fs::remove_all(dir);
  return 0;
}
