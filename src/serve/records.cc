// The JSON bodies of the API routes, from the store's records.
#include <algorithm>

#include "serve/internal.h"

namespace marsad::serve {

using nlohmann::json;

json ScreenHitJson(int64_t entity, const std::string& name, const screen::Hit& h) {
  json j = h;
  j["name"] = name;
  if (entity != 0) j["entity"] = entity;
  return j;
}

size_t CharCount(const std::string& utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

json SearchHitJson(const store::SearchHit& hit) { return hit; }
json DocJson(const store::DocRecord& doc) { return doc; }

int64_t EntityCount(const store::Store& db) { return db.EntityCount(); }

json MentionsJson(const store::Store& db, int64_t doc) { return db.Mentions(doc); }

namespace {

// An entity as lists and profiles show it: its document count, not the ids
// of all its documents (those are paged with /api/docs?entity=).
json EntitySummaryJson(const store::EntityRecord& e) {
  json j = e;
  j.erase("docs");
  return j;
}

}  // namespace

json EntitiesJson(const store::Store& db, const Query& filter, size_t* total) {
  Query f = filter;
  f.entity_docs = false;
  json out = json::array();
  for (const store::EntityRecord& e : db.Entities(f, total)) out.push_back(EntitySummaryJson(e));
  return out;
}

json EntityDocumentsJson(const store::Store& db, int64_t entity, size_t limit, size_t offset) {
  json docs = json::array();
  for (const auto& d : db.DocumentHeaders(db.EntityDocuments(entity, limit, offset))) {
    docs.push_back({{"id", d.id}, {"title", d.title}, {"source", d.source},
                    {"published", d.published}});
  }
  return docs;
}

json EntityProfileJson(const store::Store& db, int64_t id, const screen::Screener* screener) {
  auto e = db.EntitySummary(id);
  if (!e) return nullptr;
  json j;
  j["entity"] = EntitySummaryJson(*e);
  j["related"] = db.Related(id, 40);
  // The first page of each list, with how many there are in all; the list
  // routes page through the rest.
  j["documents"] = EntityDocumentsJson(db, id, kProfileDocuments, 0);
  j["documents_total"] = e->doc_count;
  store::RecordFilter f;
  f.entity = id;
  f.limit = kProfilePage;
  size_t total = 0;
  j["quotes"] = db.Quotes(f, &total);
  j["quotes_total"] = total;
  j["claims"] = db.Claims(f, &total);
  j["claims_total"] = total;
  j["events"] = db.Events(f, &total);
  j["events_total"] = total;
  json hits = json::array();
  if (screener != nullptr) {
    for (const screen::EntityHit& h : screen::ScreenEntity(*e, *screener)) {
      hits.push_back(ScreenHitJson(e->id, h.name, h.hit));
    }
  }
  j["screening"] = std::move(hits);
  return j;
}

json ClaimsJson(const store::Store& db, const Query& q, size_t* total) { return db.Claims(q, total); }
json QuotesJson(const store::Store& db, const Query& q, size_t* total) { return db.Quotes(q, total); }
json EventsJson(const store::Store& db, const Query& q, size_t* total) { return db.Events(q, total); }

json GraphJson(const store::Store& db, int64_t min_docs, size_t max_nodes) {
  return db.CoOccurrence(min_docs, max_nodes);
}


}  // namespace marsad::serve
