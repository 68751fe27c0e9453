// Screening stored entities: every full alias of an entity against the list.
#include <algorithm>
#include <map>

#include "screen/screen.h"

namespace marsad::screen {
namespace {

// How many names `s` holds: for a person, the tokens resolution reads in it
// (an عبد or أبو compound such as عبد العزيز or Abu Bakr is one name, "Al
// Baghdadi" one, and the words for "son of", بن ابن بنت bin ibn ould, none:
// «بن عبد العزيز» names a father only); for an organisation, the words
// between its spaces. (Mauritanian ولد, son of, counts: resolution reads it
// as a name, since reading it as بن joined محمد ولد عبد العزيز to a Saudi
// محمد بن عبدالعزيز.)
size_t NameCount(std::string_view s, bool person) {
  if (person) return resolve::PrepareName(s).tokens.size();
  const std::string key = text::MatchKey(s);
  size_t words = 0;
  for (size_t i = 0; i < key.size();) {
    const size_t end = std::min(key.find(' ', i), key.size());
    words += end > i;
    i = end + 1;
  }
  return words;
}

}  // namespace

std::vector<EntityHit> ScreenEntity(const store::EntityRecord& entity, const Screener& screener,
                                    double min_evidence) {
  const bool person = entity.type == "PER";
  if (!person && entity.type != "ORG") return {};
  std::vector<std::string> names;
  for (const store::Alias& a : entity.aliases) {
    if (NameCount(a.name, person) >= 2) names.push_back(a.name);
  }
  if (NameCount(entity.latin, person) >= 2) names.push_back(entity.latin);
  std::map<std::string, EntityHit> best;  // by list entry
  for (const std::string& name : names) {
    for (Hit& h : screener.Screen(name, min_evidence)) {
      // A one-name list alias ("Mustafa", "Abdul Aziz") says nothing of a
      // full name.
      if (h.individual != person || NameCount(h.matched_alias, person) < 2) continue;
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
