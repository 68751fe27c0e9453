// Ingestion: batches of files are parsed on all cores while the previous
// batch is written by the single writer.
#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <future>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "ingest/ingest.h"
#include "store/internal.h"
#include "store/store.h"
#include "text/internal.h"

namespace marsad::store {
namespace {

// A batch holds whole files up to about this many documents, so memory stays
// bounded while boilerplate statistics still see many documents of a source.
constexpr size_t kBatchDocuments = 4000;

struct Batch {
  size_t files = 0;
  std::vector<ingest::Document> docs;
  std::vector<ingest::Problem> problems;
  std::vector<DocRecord> records;
  // Index tokens of each record's title and text, computed by the readers so
  // the single writer only writes.
  std::vector<internal::IndexTokens> title_tokens;
  std::vector<internal::IndexTokens> text_tokens;
  // Arabic terms of the batch not yet in the vocabulary, with their keys:
  // found by the readers, so the writer only inserts them.
  std::vector<internal::VocabTerm> new_terms;
};

// The vocabulary terms stored or about to be: owned by the reading side,
// which reads one batch at a time.
struct KnownTerms {
  text::internal::StringSet terms;
};

std::string BoilerplateJson(const std::vector<ingest::Removed>& removed) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& r : removed) j.push_back({{"text", r.text}, {"reason", r.reason}});
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Reads files [begin, end) and prepares their records. Boilerplate statistics
// accumulate in *filter across batches.
Batch ReadBatch(const std::vector<std::string>& files, size_t begin, size_t end,
                const IngestOptions& options, unsigned threads, ingest::BoilerplateFilter* filter,
                KnownTerms* known) {
  Batch batch;
  batch.files = end - begin;
  std::vector<std::vector<ingest::Document>> per_file(end - begin);
  std::vector<std::vector<ingest::Problem>> problems(end - begin);
  ingest::ReadOptions read_options;
  read_options.source = options.source;
  read_options.published = options.published;
  internal::ParallelFor(end - begin, threads, [&](size_t i) {
    ingest::ReadFile(files[begin + i], read_options, &per_file[i], &problems[i]);
  });
  for (size_t i = 0; i < per_file.size(); ++i) {
    for (auto& d : per_file[i]) batch.docs.push_back(std::move(d));
    for (auto& p : problems[i]) batch.problems.push_back(std::move(p));
  }
  for (const auto& d : batch.docs) filter->Learn(d);
  batch.records.resize(batch.docs.size());
  batch.title_tokens.resize(batch.docs.size());
  batch.text_tokens.resize(batch.docs.size());
  internal::ParallelFor(batch.docs.size(), threads, [&](size_t i) {
    ingest::Document& d = batch.docs[i];
    filter->Apply(&d);
    // Navigation lines above a headline hide it from the reader; with them
    // gone, look again.
    if (d.title.empty()) {
      std::string published;
      ingest::FindTitleAndDate(&d.text, &d.title, &published);
      if (d.published.empty()) d.published = published;
    }
    DocRecord& r = batch.records[i];
    r.path = d.path;
    r.source = d.source;
    r.url = d.url;
    r.title = d.title;
    r.published = d.published;
    r.boilerplate_json = BoilerplateJson(d.boilerplate);
    r.extra_json = d.extra_json;
    r.content_key = ingest::ContentKey(d.title + "\n" + d.text);
    r.simhash = ingest::SimHash(d.text);
    r.text = std::move(d.text);
    internal::ComputeIndexTokens(r.title, &batch.title_tokens[i]);
    internal::ComputeIndexTokens(r.text, &batch.text_tokens[i]);
    internal::FindDistinctTerms(&batch.title_tokens[i]);
    internal::FindDistinctTerms(&batch.text_tokens[i]);
  });
  batch.docs.clear();
  // The batch's new vocabulary, in document order: each document's terms
  // missing from the vocabulary are found on all cores (the set is only
  // read), then added once each. Each document's own list is emptied so that
  // the writer does not look its terms up again.
  std::vector<std::vector<std::string_view>> unknown(batch.records.size());
  internal::ParallelFor(batch.records.size(), threads, [&](size_t i) {
    for (internal::IndexTokens* tokens : {&batch.title_tokens[i], &batch.text_tokens[i]}) {
      for (const uint32_t t : tokens->distinct_terms) {
        const std::string_view term = tokens->Text(tokens->tokens[t]);
        if (known->terms.find(term) == known->terms.end()) unknown[i].push_back(term);
      }
      tokens->distinct_terms.clear();
    }
  });
  std::vector<std::string_view> fresh;
  for (const std::vector<std::string_view>& terms : unknown) {
    for (const std::string_view term : terms) {
      if (known->terms.emplace(term).second) fresh.push_back(term);
    }
  }
  batch.new_terms.resize(fresh.size());
  internal::ParallelFor(fresh.size(), threads, [&](size_t i) {
    batch.new_terms[i] = internal::MakeVocabTerm(fresh[i]);
  });
  return batch;
}

}  // namespace

IngestSummary Ingest(Store* store, const std::vector<std::string>& paths,
                     const IngestOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  IngestSummary summary;
  const std::vector<std::string> files = ingest::ListInputs(paths, &summary.problems);
  summary.files = files.size();
  const unsigned threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());

  // Wire copies with a new lead and a few edits fall within 8 bits;
  // unrelated articles sit near 32 (see ingest::SimHash).
  constexpr int kNearBits = 8;
  ingest::NearDuplicateIndex near(kNearBits);
  std::unordered_map<int64_t, uint64_t> fingerprints;
  store->ForEachFingerprint([&](int64_t id, uint64_t h) {
    near.Add(id, h);
    fingerprints.emplace(id, h);
  });
  ingest::BoilerplateFilter filter;
  KnownTerms known;
  {
    internal::Statement all(store->db_, "SELECT term FROM vocab");
    while (all.Step()) known.terms.insert(all.Text(0));
  }
  internal::Statement insert_term(
      store->db_, "INSERT OR IGNORE INTO vocab(term, ending, skeleton) VALUES(?, ?, ?)");

  // Batches end at file boundaries; the size of a file in documents is only
  // known after reading, so batch by an estimate of documents per file. The
  // first batch is one file: an archive may hold thousands of documents, and
  // nothing is written until the first batch is read (with 64 files the 18
  // SaudiNewsNet archives were one batch, read before anything was written).
  size_t files_per_batch = 1;
  auto next_batch = [&](size_t from) {
    const size_t to = std::min(files.size(), from + files_per_batch);
    return std::make_pair(to, std::async(std::launch::async, ReadBatch, std::cref(files), from,
                                         to, std::cref(options), threads, &filter, &known));
  };
  if (files.empty()) return Store::AnalyzeAndResolve(store, options, start, &summary);
  auto [end, pending] = next_batch(0);
  while (true) {
    Batch batch = pending.get();
    const size_t batch_end = end;
    const bool more = batch_end < files.size();
    if (batch.files > 0 && !batch.records.empty()) {
      const size_t per_file = std::max<size_t>(1, batch.records.size() / batch.files);
      files_per_batch = std::clamp<size_t>(kBatchDocuments / per_file, 1, 4096);
    }
    // The next batch is read while this one is written; only one batch is
    // ever being read, so the boilerplate statistics have one user at a time.
    std::future<Batch> following;
    size_t following_end = batch_end;
    if (more) std::tie(following_end, following) = next_batch(batch_end);

    summary.read += batch.records.size();
    for (auto& p : batch.problems) summary.problems.push_back(std::move(p));
    store->Begin();
    try {
      std::unordered_set<std::string_view> keys_in_batch;
      std::vector<size_t> adding;
      for (size_t i = 0; i < batch.records.size(); ++i) {
        const DocRecord& r = batch.records[i];
        if (!keys_in_batch.insert(r.content_key).second || store->FindByContentKey(r.content_key)) {
          ++summary.already_stored;
          continue;
        }
        adding.push_back(i);
      }
      // The closest earlier document of each, looked up on all cores (the
      // index changes only after the batch); documents of this batch are
      // looked up in a small index of their own as they are added. Earlier
      // ids are smaller, so on equal distance the earlier one stays, as a
      // single index would answer.
      std::vector<std::optional<int64_t>> earlier(adding.size());
      internal::ParallelFor(adding.size(), threads, [&](size_t k) {
        earlier[k] = near.Find(batch.records[adding[k]].simhash);
      });
      ingest::NearDuplicateIndex in_batch(kNearBits);
      std::vector<std::pair<int64_t, uint64_t>> added;
      added.reserve(adding.size());
      for (size_t k = 0; k < adding.size(); ++k) {
        DocRecord& r = batch.records[adding[k]];
        r.duplicate_of = earlier[k];
        if (const auto same_batch = in_batch.Find(r.simhash)) {
          const uint64_t mine = fingerprints.at(*same_batch);
          if (!earlier[k] || std::popcount(mine ^ r.simhash) <
                                 std::popcount(fingerprints.at(*earlier[k]) ^ r.simhash)) {
            r.duplicate_of = same_batch;
          }
        }
        const int64_t id =
            store->AddDocument(r, batch.title_tokens[adding[k]], batch.text_tokens[adding[k]]);
        in_batch.Add(id, r.simhash);
        fingerprints.emplace(id, r.simhash);
        added.emplace_back(id, r.simhash);
        ++summary.added;
        if (r.duplicate_of) ++summary.near_duplicates;
      }
      // New terms in sorted order: the vocabulary B-tree fills page by page.
      std::sort(batch.new_terms.begin(), batch.new_terms.end(),
                [](const auto& a, const auto& b) { return a.term < b.term; });
      for (const internal::VocabTerm& t : batch.new_terms) {
        insert_term.Reset();
        insert_term.Bind(1, t.term).Bind(2, t.ending).Bind(3, t.skeleton);
        insert_term.Step();
      }
      insert_term.Reset();
      store->Commit();
      for (const auto& [id, h] : added) near.Add(id, h);
    } catch (...) {
      store->Rollback();
      if (following.valid()) following.wait();
      throw;
    }
    if (options.progress) {
      options.progress({batch_end, files.size(), summary.read,
                        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
                            .count()});
    }
    if (!more) break;
    end = following_end;
    pending = std::move(following);
  }
  // Each batch leaves the full-text index more segments (FTS5 merges them
  // only 16 at a time, see the schema), and a query looks every term up in
  // each of them. Merged into one, a term is one lookup: search p99 fell from
  // 51 to 20 ms (CPU) on SaudiNewsNet, for 0.7–1.5 s of writing at the end of
  // a whole-corpus ingest.
  if (summary.added > 0) {
    internal::Exec(store->db_, "INSERT INTO docs_fts(docs_fts) VALUES('optimize')");
  }
  return Store::AnalyzeAndResolve(store, options, start, &summary);
}

IngestSummary Store::AnalyzeAndResolve(Store* store, const IngestOptions& options,
                             std::chrono::steady_clock::time_point start, IngestSummary* summary) {
  auto seconds_since = [](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  };
  summary->store_seconds = seconds_since(start);
  if (!options.tagger) return std::move(*summary);
  if (!options.matcher) throw std::invalid_argument("ingest: a tagger needs a matcher");
  const auto analysis_start = std::chrono::steady_clock::now();
  summary->analyzed = store->AnalyzePending(options);
  summary->analyze_seconds = seconds_since(analysis_start);
  // Resolution runs again only when something changed: new mentions or aliases.
  if (summary->analyzed > 0 || options.aliases || store->EntityCount() == 0) {
    const auto resolve_start = std::chrono::steady_clock::now();
    store->ResolveAll(*options.matcher, options.aliases);
    summary->resolve_seconds = seconds_since(resolve_start);
  }
  summary->entities = static_cast<size_t>(store->EntityCount());
  return std::move(*summary);
}

}  // namespace marsad::store
