// Screening stored entities: every full alias of an entity against the list.
#include <algorithm>
#include <map>

#include "screen/screen.h"

namespace marsad::screen {
namespace {

// Names in `s`: words, with عبد and أبو compounds (عبد العزيز, Abdul Aziz)
// one name, as resolution counts them.
size_t NameCount(std::string_view s) { return resolve::PrepareName(s).tokens.size(); }

}  // namespace

std::vector<EntityHit> ScreenEntity(const store::EntityRecord& entity, const Screener& screener,
                                    double min_evidence) {
  const bool person = entity.type == "PER";
  if (!person && entity.type != "ORG") return {};
  std::vector<std::string> names;
  for (const store::Alias& a : entity.aliases) {
    if (NameCount(a.name) >= 2) names.push_back(a.name);
  }
  if (NameCount(entity.latin) >= 2) names.push_back(entity.latin);
  std::map<std::string, EntityHit> best;  // by list entry
  for (const std::string& name : names) {
    for (Hit& h : screener.Screen(name, min_evidence)) {
      // A one-name list alias ("Mustafa", "Abdul Aziz") says nothing of a
      // full name.
      if (h.individual != person || NameCount(h.matched_alias) < 2) continue;
      auto it = best.find(h.list_entry_id);
      if (it != best.end() && it->second.hit.score >= h.score) continue;
      best[h.list_entry_id] = {entity.id, entity.name, name, std::move(h)};
    }
  }
  std::vector<EntityHit> hits;
  for (auto& [id, hit] : best) hits.push_back(std::move(hit));
  std::stable_sort(hits.begin(), hits.end(),
                   [](const EntityHit& a, const EntityHit& b) { return a.hit.score > b.hit.score; });
  return hits;
}

}  // namespace marsad::screen
