// The JSON bodies of the API routes, from the store's records.
#include <algorithm>

#include "serve/internal.h"

namespace marsad::serve {

using nlohmann::json;

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

json SearchHitJson(const store::SearchHit& hit) { return hit; }
json DocJson(const store::DocRecord& doc) { return doc; }

int64_t EntityCount(const store::Store& db) { return db.EntityCount(); }

json MentionsJson(const store::Store& db, int64_t doc) { return db.Mentions(doc); }

json EntitiesJson(const store::Store& db, const Query& filter) {
  return db.Entities(filter);
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
  const std::vector<int64_t> newest(e->docs.rbegin(), e->docs.rbegin() + static_cast<ptrdiff_t>(shown));
  for (const auto& d : db.DocumentHeaders(newest)) {
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

json ClaimsJson(const store::Store& db, const Query& q) { return db.Claims(q); }
json QuotesJson(const store::Store& db, const Query& q) { return db.Quotes(q); }
json EventsJson(const store::Store& db, const Query& q) { return db.Events(q); }

json GraphJson(const store::Store& db, int64_t min_docs, size_t max_nodes) {
  return db.CoOccurrence(min_docs, max_nodes);
}


}  // namespace marsad::serve
