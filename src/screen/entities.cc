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
  // An organisation's romanisation too: most of it is the fixed spellings
  // of its common words (Harakat, Jamaat), which lists write the same way
  // (Jamaat al-Jihad); and its printed Latin, an English name (Abu Sayyaf
  // Group), unless made only of what a body is ("Islamic Movement",
  // "Development Bank"), which shares its words with many a listed body.
  // Not a person's, which is the romaniser's guess letter by letter: with
  // the matcher's leniency between Latin spellings on top (Fahd and Vahid,
  // Diab and Diaby), it gave 66 of the 249 hits on SaudiNewsNet against the
  // UN list, none of them right (أحمد بن فهد, Ahmed bin Fahd, matched AHMAD
  // VAHID DASTJERDI at 0.96); organisations' gave 8, three of them right.
  // (Romanised here only for groups, whose names lists write so, and where
  // the printed Latin is not screened: it takes a third of a millisecond a
  // name.)
  const bool descriptive = resolve::IsDescriptiveEnglishName(entity.latin);
  if (!person && (descriptive || resolve::NamedLikeAGroup(entity.name))) {
    std::string romanized = screener.matcher().Romanize(entity.name);
    if (romanized != entity.latin && NameCount(romanized, person) >= 2) names.push_back(std::move(romanized));
  }
  if (!person && NameCount(entity.latin, person) >= 2 && !descriptive) {
    names.push_back(entity.latin);
  }
  std::map<std::string, EntityHit> best;  // by list entry
  for (const std::string& name : names) {
    for (Hit& h : screener.Screen(name, min_evidence)) {
      // A one-name list alias ("Mustafa", "Abdul Aziz") says nothing of a
      // full name.
      if (h.individual != person || NameCount(h.matched_alias, person) < 2) continue;
      const std::string id = h.list_entry_id;  // the key before h is moved into the value
      auto it = best.find(id);
      if (it != best.end() && it->second.hit.score >= h.score) continue;
      best[id] = {entity.id, entity.name, name, std::move(h)};
    }
  }
  std::vector<EntityHit> hits;
  for (auto& [id, hit] : best) hits.push_back(std::move(hit));
  std::stable_sort(hits.begin(), hits.end(),
                   [](const EntityHit& a, const EntityHit& b) { return a.hit.score > b.hit.score; });
  return hits;
}

}  // namespace marsad::screen
