// The JSON bodies of the API routes, from the store's records.
#include <algorithm>

#include "serve/internal.h"

// MARSAD_SERVE_RECORDS is set by the build when the store implements the
// derived records (entities, quotes, claims, events); until then their
// routes answer 404.
#ifndef MARSAD_SERVE_RECORDS
#define MARSAD_SERVE_RECORDS 0
#endif

namespace marsad::serve {

using nlohmann::json;

const bool kHasRecords = MARSAD_SERVE_RECORDS != 0;

json ScreenHitJson(int64_t entity, const std::string& name, const screen::Hit& h) {
  json j = {{"name", name},         {"list_entry_id", h.list_entry_id},
            {"list_name", h.list_name}, {"score", h.score},
            {"why", h.why},         {"matched_alias", h.matched_alias}};
  if (entity != 0) j["entity"] = entity;
  return j;
}

size_t CharCount(const std::string& utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

#if MARSAD_SERVE_RECORDS

namespace {

store::RecordFilter Filter(const Query& q) {
  store::RecordFilter f;
  f.doc = q.doc;
  f.entity = q.entity;
  f.type = q.type;
  f.about = q.about;
  f.query = q.query;
  f.from = q.from;
  f.to = q.to;
  f.min_docs = q.min_docs;
  f.limit = q.limit;
  f.offset = q.offset;
  return f;
}

}  // namespace

json SearchHitJson(const store::SearchHit& hit) { return hit; }
json DocJson(const store::DocRecord& doc) { return doc; }

int64_t EntityCount(const store::Store& db) { return db.EntityCount(); }

json MentionsJson(const store::Store& db, int64_t doc) { return db.Mentions(doc); }

json EntitiesJson(const store::Store& db, const Query& filter) {
  return db.Entities(Filter(filter));
}

json EntityProfileJson(const store::Store& db, int64_t id, const screen::Screener* screener) {
  auto e = db.Entity(id);
  if (!e) return nullptr;
  json j;
  j["entity"] = *e;
  j["related"] = db.Related(id, 40);
  // The documents naming it, newest first, with what a list shows.
  json docs = json::array();
  const size_t shown = std::min<size_t>(e->docs.size(), 100);
  std::vector<store::DocRecord> recs;
  for (size_t i = 0; i < e->docs.size() && recs.size() < shown; ++i) {
    if (auto d = db.Document(e->docs[e->docs.size() - 1 - i])) recs.push_back(std::move(*d));
  }
  for (const auto& d : recs) {
    docs.push_back({{"id", d.id}, {"title", d.title}, {"source", d.source},
                    {"published", d.published}});
  }
  j["documents"] = std::move(docs);
  j["documents_total"] = e->docs.size();
  store::RecordFilter f;
  f.entity = id;
  f.limit = 200;
  j["quotes"] = db.Quotes(f);
  j["claims"] = db.Claims(f);
  j["events"] = db.Events(f);
  json hits = json::array();
  if (screener != nullptr) {
    for (const screen::EntityHit& h : screen::ScreenEntity(*e, *screener)) {
      hits.push_back(ScreenHitJson(e->id, h.name, h.hit));
    }
  }
  j["screening"] = std::move(hits);
  return j;
}

json ClaimsJson(const store::Store& db, const Query& q) { return db.Claims(Filter(q)); }
json QuotesJson(const store::Store& db, const Query& q) { return db.Quotes(Filter(q)); }
json EventsJson(const store::Store& db, const Query& q) { return db.Events(Filter(q)); }

json GraphJson(const store::Store& db, int64_t min_docs, size_t max_nodes) {
  return db.CoOccurrence(min_docs, max_nodes);
}

#else  // !MARSAD_SERVE_RECORDS

// As cli/search.cc and cli/docs.cc print them.
json SearchHitJson(const store::SearchHit& h) {
  json highlights = json::array();
  for (const auto& [s, e] : h.highlights) highlights.push_back({s, e});
  return {{"doc", h.doc},
          {"title", h.title},
          {"source", h.source},
          {"published", h.published},
          {"score", h.score},
          {"exact", h.exact},
          {"duplicate_of", h.duplicate_of ? json(*h.duplicate_of) : json()},
          {"snippet", h.snippet},
          {"highlights", highlights}};
}

json DocJson(const store::DocRecord& d) {
  return {{"id", d.id},       {"path", d.path},
          {"source", d.source}, {"url", d.url},
          {"title", d.title},   {"published", d.published},
          {"text", d.text},     {"duplicate_of", d.duplicate_of ? json(*d.duplicate_of) : json()}};
}

int64_t EntityCount(const store::Store&) { return 0; }
json MentionsJson(const store::Store&, int64_t) { return json::array(); }
json EntitiesJson(const store::Store&, const Query&) { return json::array(); }
json EntityProfileJson(const store::Store&, int64_t, const screen::Screener*) { return nullptr; }
json ClaimsJson(const store::Store&, const Query&) { return json::array(); }
json QuotesJson(const store::Store&, const Query&) { return json::array(); }
json EventsJson(const store::Store&, const Query&) { return json::array(); }
json GraphJson(const store::Store&, int64_t, size_t) {
  return {{"nodes", json::array()}, {"edges", json::array()}};
}

#endif  // MARSAD_SERVE_RECORDS

}  // namespace marsad::serve
