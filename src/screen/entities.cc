// Screening stored entities: every full alias of an entity against the list.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "screen/screen.h"

namespace marsad::screen {
namespace {

// Words of `s`; for a person, an عبد or أبو compound (عبد العزيز, Abdul
// Aziz, Abu Bakr) is one name, as resolution counts it, and the words for
// "son of" and "daughter of" (بن، ابن، بنت، ولد) are none: «بن عبد العزيز»
// names a father only.
size_t NameCount(std::string_view s, bool person) {
  static const std::set<std::string> heads = {text::MatchKey("عبد"), text::MatchKey("أبو"), "abd", "abdul",
                                              "abdel", "abu", "abou"};
  static const std::set<std::string> links = {text::MatchKey("بن"), text::MatchKey("ابن"),
                                              text::MatchKey("بنت"), text::MatchKey("ولد"),
                                              "bin", "ibn", "bint", "ben", "ould"};
  std::vector<std::string> words;
  for (size_t i = 0; i < s.size();) {
    const size_t end = std::min(s.find(' ', i), s.size());
    if (end > i) {
      std::string w = text::MatchKey(s.substr(i, end - i));
      std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::tolower(c); });
      words.push_back(std::move(w));
    }
    i = end + 1;
  }
  size_t names = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (person && links.contains(words[i])) continue;
    if (person && i + 1 < words.size() && heads.contains(words[i])) ++i;
    ++names;
  }
  return names;
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
