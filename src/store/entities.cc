// The third phase of ingest: entity resolution over every stored mention,
// written in one transaction. Entity ids survive a new resolution: each new
// entity takes the id most of its mentions had, so links users keep still
// point at the same person.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "resolve/resolve.h"
#include "store/internal.h"
#include "store/store.h"
#include "text/text.h"

namespace marsad::store {
namespace {

using internal::Statement;

constexpr const char* kAliasSetting = "aliases";
// The checksum of the name model the stored entities' Latin came from, and
// the revision of the romanisation rules.
constexpr const char* kRomanizerSetting = "romanizer";
// Companions kept per entity (Store::Related lists at most this many).
constexpr size_t kRelatedKept = 50;

std::string AliasesJson(const std::vector<resolve::AliasEntry>& entries) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& e : entries) {
    j.push_back({{"type", ner::EntityTypeName(e.type)},
                 {"name", e.name},
                 {"aliases", e.aliases},
                 {"part_of", e.part_of}});
  }
  return j.dump();
}

std::vector<resolve::AliasEntry> ParseAliases(const std::string& json) {
  std::vector<resolve::AliasEntry> entries;
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_array()) return entries;
  for (const auto& e : j) {
    resolve::AliasEntry entry;
    entry.type = ner::ParseEntityType(e.value("type", "")).value_or(ner::EntityType::kOrganization);
    entry.name = e.value("name", "");
    entry.aliases = e.value("aliases", std::vector<std::string>());
    entry.part_of = e.value("part_of", "");
    entries.push_back(std::move(entry));
  }
  return entries;
}

// A value of the settings table, or nullopt.
std::optional<std::string> Setting(sqlite3* db, const char* name) {
  Statement s(db, "SELECT value FROM settings WHERE name = ?");
  s.Bind(1, std::string_view(name));
  if (!s.Step()) return std::nullopt;
  return s.Text(0);
}

void PutSetting(sqlite3* db, const char* name, const std::string& value) {
  Statement s(db, "INSERT OR REPLACE INTO settings(name, value) VALUES(?, ?)");
  s.Bind(1, std::string_view(name)).Bind(2, std::string_view(value));
  s.Step();
}

}  // namespace

size_t Store::ResolveAll(const resolve::Matcher& matcher,
                         const std::vector<resolve::AliasEntry>* new_aliases) {
  std::vector<resolve::AliasEntry> aliases;
  if (new_aliases) {
    aliases = *new_aliases;
  } else if (const std::optional<std::string> stored = Setting(db_, kAliasSetting)) {
    aliases = ParseAliases(*stored);
  }

  std::vector<int64_t> ids;
  std::vector<resolve::NameMention> mentions;
  std::vector<std::optional<int64_t>> old_entity;     // as stored
  std::vector<std::optional<int64_t>> voted_entity;   // or as carried
  std::vector<uint8_t> old_attribute;
  {
    // A mention re-analysis made has its span's old entity (ForgetAnalyses).
    Statement s(db_,
                "SELECT m.id, m.doc, m.type, m.text, m.latin, m.entity, m.attribute, m.confidence, c.entity "
                "FROM mentions m LEFT JOIN carried_entities c "
                "ON c.doc = m.doc AND c.start = m.start AND c.end = m.end ORDER BY m.id");
    while (s.Step()) {
      resolve::NameMention m;
      m.doc = s.Int(1);
      m.type = ner::ParseEntityType(s.Text(2)).value_or(ner::EntityType::kMisc);
      m.name = s.Text(3);
      m.latin = s.Text(4);
      m.order = static_cast<uint32_t>(mentions.size());
      m.confidence = static_cast<float>(s.Double(7));
      ids.push_back(s.Int(0));
      mentions.push_back(std::move(m));
      old_entity.push_back(s.OptionalInt(5));
      voted_entity.push_back(old_entity.back() ? old_entity.back() : s.OptionalInt(8));
      old_attribute.push_back(static_cast<uint8_t>(s.Int(6)));
    }
  }
  auto index_of = [&](int64_t id) -> std::optional<uint32_t> {
    auto it = std::lower_bound(ids.begin(), ids.end(), id);
    if (it == ids.end() || *it != id) return std::nullopt;
    return static_cast<uint32_t>(it - ids.begin());
  };
  std::vector<resolve::MentionLink> links;
  {
    Statement s(db_, "SELECT a, b, kind FROM mention_links");
    while (s.Step()) {
      const auto a = index_of(s.Int(0)), b = index_of(s.Int(1));
      if (!a || !b) continue;
      links.push_back({*a, *b,
                       s.Text(2) == "alias" ? resolve::MentionLink::Kind::kAlias
                                            : resolve::MentionLink::Kind::kPartOf});
    }
  }
  // The Latin the last resolution gave each type's names, so that a small
  // ingest into a large collection does not romanise every name again; not
  // when it came from another model or revision of the rules (an upgrade
  // prints names anew: resolve::kRomanizeRevision).
  resolve::KnownLatin known_latin;
  const std::string model =
      std::to_string(matcher.info().checksum) + "/" + std::to_string(resolve::kRomanizeRevision);
  if (Setting(db_, kRomanizerSetting) == model) {
    Statement s(db_, "SELECT type, name, latin FROM entities");
    while (s.Step()) {
      if (const auto type = ner::ParseEntityType(s.Text(0))) {
        known_latin[static_cast<size_t>(*type)].emplace(s.Text(1), s.Text(2));
      }
    }
  }
  const resolve::Resolution r = resolve::ResolveEntities(mentions, links, aliases, matcher, &known_latin);

  // Ids: each entity keeps the old id most of its mentions carried.
  std::map<std::pair<int64_t, int64_t>, int64_t> votes;  // (entity, old id) -> mentions
  int64_t next_id = 1;
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (voted_entity[i]) next_id = std::max(next_id, *voted_entity[i] + 1);
    if (r.entity_of[i] >= 0 && !r.attribute[i] && voted_entity[i] && !old_attribute[i]) {
      ++votes[{r.entity_of[i], *voted_entity[i]}];
    }
  }
  {
    Statement s(db_, "SELECT max(id) FROM entities");
    if (s.Step() && !s.IsNull(0)) next_id = std::max(next_id, s.Int(0) + 1);
  }
  std::vector<std::tuple<int64_t, int64_t, int64_t>> ranked;  // (-votes, entity, old id)
  for (const auto& [key, n] : votes) ranked.emplace_back(-n, key.first, key.second);
  std::sort(ranked.begin(), ranked.end());
  std::vector<int64_t> id_of(r.entities.size(), 0);
  std::set<int64_t> taken;
  for (const auto& [n, entity, old] : ranked) {
    if (id_of[entity] || taken.count(old)) continue;
    id_of[entity] = old;
    taken.insert(old);
  }
  for (int64_t& id : id_of) {
    if (!id) id = next_id++;
  }

  // Counts and aliases of each entity.
  std::vector<int64_t> mention_count(r.entities.size(), 0);
  std::vector<std::set<int64_t>> docs(r.entities.size());
  struct AliasCount {
    int64_t mentions = 0;
    std::set<int64_t> docs;
  };
  std::vector<std::map<std::string, AliasCount>> names(r.entities.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const int32_t e = r.entity_of[i];
    if (e < 0 || r.attribute[i]) continue;
    ++mention_count[e];
    docs[e].insert(mentions[i].doc);
    AliasCount& a = names[e][mentions[i].name];
    ++a.mentions;
    a.docs.insert(mentions[i].doc);
  }

  Begin();
  try {
    if (new_aliases) PutSetting(db_, kAliasSetting, AliasesJson(aliases));
    PutSetting(db_, kRomanizerSetting, model);
    internal::Exec(db_,
                   "DELETE FROM entities; DELETE FROM entity_keys; DELETE FROM part_of; "
                   "DELETE FROM entity_aliases; DELETE FROM entity_related; DELETE FROM carried_entities;");
    Statement update(db_, "UPDATE mentions SET entity = ?, attribute = ? WHERE id = ?");
    for (size_t i = 0; i < mentions.size(); ++i) {
      std::optional<int64_t> entity;
      if (r.entity_of[i] >= 0) entity = id_of[r.entity_of[i]];
      if (entity == old_entity[i] && r.attribute[i] == old_attribute[i]) continue;
      update.Reset();
      update.Bind(1, entity).Bind(2, int64_t{r.attribute[i]}).Bind(3, ids[i]);
      update.Step();
    }
    Statement insert(db_,
                     "INSERT INTO entities(id, type, name, latin, mentions, docs) "
                     "VALUES(?, ?, ?, ?, ?, ?)");
    Statement key(db_, "INSERT OR IGNORE INTO entity_keys(key, entity) VALUES(?, ?)");
    Statement alias(db_, "INSERT INTO entity_aliases(entity, name, mentions, docs) VALUES(?, ?, ?, ?)");
    for (size_t e = 0; e < r.entities.size(); ++e) {
      // An entity only named by adjectives (no mention of its own) is not listed.
      if (mention_count[e] == 0) continue;
      const resolve::ResolvedEntity& entity = r.entities[e];
      insert.Reset();
      insert.Bind(1, id_of[e]).Bind(2, std::string_view(ner::EntityTypeName(entity.type)));
      insert.Bind(3, entity.name).Bind(4, entity.latin).Bind(5, mention_count[e]);
      insert.Bind(6, static_cast<int64_t>(docs[e].size()));
      insert.Step();
      std::set<std::string> keys;
      for (const auto& [name, count] : names[e]) {
        for (const std::string& k : resolve::BlockingKeys(name)) keys.insert(k);
        alias.Reset();
        alias.Bind(1, id_of[e]).Bind(2, name).Bind(3, count.mentions);
        alias.Bind(4, static_cast<int64_t>(count.docs.size()));
        alias.Step();
      }
      for (const std::string& k : keys) {
        key.Reset();
        key.Bind(1, k).Bind(2, id_of[e]);
        key.Step();
      }
    }
    // Companions: entities named in the same documents, the most shared first.
    {
      std::map<int64_t, std::vector<int32_t>> by_doc;
      for (size_t e = 0; e < docs.size(); ++e) {
        if (!mention_count[e]) continue;
        for (int64_t d : docs[e]) by_doc[d].push_back(static_cast<int32_t>(e));
      }
      std::unordered_map<uint64_t, int64_t> shared;
      for (const auto& [doc, list] : by_doc) {
        for (size_t i = 0; i < list.size(); ++i) {
          for (size_t j = i + 1; j < list.size(); ++j) {
            ++shared[(uint64_t(uint32_t(list[i])) << 32) | uint32_t(list[j])];
          }
        }
      }
      std::vector<std::vector<std::pair<int64_t, int32_t>>> best(r.entities.size());
      for (const auto& [pair, n] : shared) {
        const auto a = static_cast<int32_t>(pair >> 32), b = static_cast<int32_t>(pair & 0xffffffffu);
        best[a].push_back({n, b});
        best[b].push_back({n, a});
      }
      Statement related(db_, "INSERT INTO entity_related(entity, other, docs) VALUES(?, ?, ?)");
      for (size_t e = 0; e < best.size(); ++e) {
        auto& list = best[e];
        const size_t keep = std::min(list.size(), kRelatedKept);
        // The order Store::Related reads them in: shared documents, then
        // the companion's documents, then id.
        std::partial_sort(list.begin(), list.begin() + keep, list.end(), [&](const auto& x, const auto& y) {
          if (x.first != y.first) return x.first > y.first;
          if (docs[x.second].size() != docs[y.second].size()) {
            return docs[x.second].size() > docs[y.second].size();
          }
          return id_of[x.second] < id_of[y.second];
        });
        for (size_t k = 0; k < keep; ++k) {
          related.Reset();
          related.Bind(1, id_of[e]).Bind(2, id_of[list[k].second]).Bind(3, list[k].first);
          related.Step();
        }
      }
    }
    Statement part(db_, "INSERT OR IGNORE INTO part_of(branch, parent) VALUES(?, ?)");
    for (const auto& [branch, parent] : r.part_of) {
      if (!mention_count[branch] || !mention_count[parent]) continue;
      part.Reset();
      part.Bind(1, id_of[branch]).Bind(2, id_of[parent]);
      part.Step();
    }
    // An age's topic names the person it describes, as just resolved:
    // sources' ages of one man are compared, and no one else's.
    internal::Exec(db_,
                   "UPDATE claims SET topic = keyed.topic FROM (SELECT c.id, CASE WHEN instr(c.topic, '#') > 0 "
                   "THEN substr(c.topic, 1, instr(c.topic, '#') - 1) ELSE c.topic END || coalesce('#' || m.entity, '') "
                   "AS topic FROM claims c LEFT JOIN mentions m ON m.id = c.about_mention AND m.attribute = 0 "
                   "WHERE c.about_mention IS NOT NULL) keyed "
                   "WHERE claims.id = keyed.id AND claims.topic IS NOT keyed.topic");
    LinkIncidents();
    Commit();
  } catch (...) {
    Rollback();
    throw;
  }
  return static_cast<size_t>(std::count_if(mention_count.begin(), mention_count.end(),
                                           [](int64_t n) { return n > 0; }));
}

}  // namespace marsad::store
