// marsad entities / marsad entity: the resolved people, places and
// organisations.
#include <algorithm>
#include <charconv>
#include <iostream>

#include "cli/command.h"
#include "cli/output.h"
#include "store/store.h"
#include "text/text.h"

namespace marsad::cli {
namespace {

std::string AliasList(const store::EntityRecord& e, size_t max) {
  std::string out;
  for (size_t i = 0; i < e.aliases.size() && i < max; ++i) {
    if (i) out += "، ";
    out += e.aliases[i].name + " (" + std::to_string(e.aliases[i].mentions) + ")";
  }
  if (e.aliases.size() > max) out += "، …";
  return out;
}

// An entity by id, or by a name in any of its spellings; UsageError if none.
store::EntityRecord FindEntity(const store::Store& db, const std::string& name_or_id) {
  int64_t id = 0;
  const auto [end, status] = std::from_chars(name_or_id.data(), name_or_id.data() + name_or_id.size(), id);
  if (status == std::errc() && end == name_or_id.data() + name_or_id.size()) {
    if (auto e = db.Entity(id)) return *e;
  }
  std::vector<store::EntityRecord> named;
  for (int64_t found : db.FindEntities(name_or_id)) {
    if (auto e = db.EntitySummary(found)) named.push_back(std::move(*e));
  }
  if (named.empty()) throw UsageError("entity: no entity named or numbered \"" + name_or_id + "\"");
  // A surname alone may be two men's: the one whose own name it is, else
  // none, rather than the first found (a quote would be read as the
  // wrong man's).
  const std::string key = text::MatchKey(name_or_id);
  const auto own = std::count_if(named.begin(), named.end(),
                                 [&](const store::EntityRecord& e) { return text::MatchKey(e.name) == key; });
  for (const store::EntityRecord& e : named) {
    if (named.size() == 1 || (own == 1 && text::MatchKey(e.name) == key)) return *db.Entity(e.id);
  }
  std::sort(named.begin(), named.end(),
            [](const store::EntityRecord& a, const store::EntityRecord& b) { return a.mentions > b.mentions; });
  std::string which;
  constexpr size_t kListed = 10;
  for (size_t i = 0; i < named.size() && i < kListed; ++i) {
    which += "\n  " + std::to_string(named[i].id) + "  " + named[i].name + " (" + named[i].type + ", " +
             std::to_string(named[i].mentions) + " mentions)";
  }
  if (named.size() > kListed) which += "\n  and " + std::to_string(named.size() - kListed) + " more";
  throw UsageError("entity: \"" + name_or_id + "\" names " + std::to_string(named.size()) +
                   " entities; give one's id:" + which);
}

}  // namespace

void AddEntities(CLI::App* app, const GlobalOptions* global) {
  auto* list = app->add_subcommand(
      "entities", "List entities (one per person, place, organisation or other name, whatever "
                  "the spelling), most documents first.");
  auto filter = std::make_shared<store::RecordFilter>();
  list->add_option("--type", filter->type, "PER, LOC, ORG or MISC")
      ->check(CLI::IsMember({"PER", "LOC", "ORG", "MISC"}));
  list->add_option("--min-docs", filter->min_docs, "only entities named in at least N documents");
  list->add_option("--name", filter->query, "only entities with an alias matching this name")
      ->check(kNotEmpty);
  list->add_option("--limit", filter->limit, "at most N entities (default all)")->check(kAtLeastOne);
  list->callback([global, filter] {
    auto db = OpenForReading(*global);
    // The records (SPEC) carry their document ids; the table only counts them.
    filter->entity_docs = global->json;
    Table table({"id", "type", "name", "latin", "docs", "mentions", "aliases"});
    for (const store::EntityRecord& e : db->Entities(*filter)) {
      if (global->json) {
        PrintJsonLine(e);
      } else {
        table.Add({std::to_string(e.id), e.type, e.name, e.latin, std::to_string(e.doc_count),
                   std::to_string(e.mentions), AliasList(e, 4)});
      }
    }
    if (!global->json) table.Print();
  });

  auto* one = app->add_subcommand(
      "entity", "One entity's profile: aliases, romanisation, documents, related and "
                "co-occurring entities, quotes, claims and events.");
  auto name = std::make_shared<std::string>();
  one->add_option("name_or_id", *name, "an entity id, or a name in any spelling")->required();
  one->callback([global, name] {
    auto db = OpenForReading(*global);
    const store::EntityRecord e = FindEntity(*db, *name);
    store::RecordFilter about;
    about.entity = e.id;
    const auto related = db->Related(e.id, 20);
    const auto quotes = db->Quotes(about);
    const auto claims = db->Claims(about);
    const auto events = db->Events(about);
    if (global->json) {
      nlohmann::json j = e;
      j["related"] = related;
      j["quotes"] = quotes;
      j["claims"] = claims;
      j["events"] = events;
      PrintJsonLine(j);
      return;
    }
    std::cout << e.name << "  (" << e.type << ", id " << e.id << ")\n";
    std::cout << "latin: " << e.latin << "\n";
    std::cout << "mentions " << e.mentions << " in " << e.docs.size() << " documents\n\n";
    Table aliases({"alias", "mentions", "docs"});
    for (const auto& a : e.aliases) {
      aliases.Add({a.name, std::to_string(a.mentions), std::to_string(a.docs)});
    }
    aliases.Print();
    if (!related.empty()) {
      std::cout << "\n";
      Table t({"relation", "id", "type", "name", "shared docs"});
      for (const auto& r : related) {
        t.Add({r.relation, std::to_string(r.id), r.type, r.name, std::to_string(r.docs)});
      }
      t.Print();
    }
    if (!quotes.empty()) {
      std::cout << "\nquotes\n";
      Table t({"doc", "published", "text"}, 90);
      for (const auto& q : quotes) t.Add({std::to_string(q.doc), q.published, q.text});
      t.Print();
    }
    if (!claims.empty()) {
      std::cout << "\nclaims\n";
      Table t({"doc", "value", "counted", "place", "source", "sentence"}, 70);
      for (const auto& c : claims) {
        t.Add({std::to_string(c.doc), FormatValue(c), c.counted, c.place, c.source.name, c.sentence});
      }
      t.Print();
    }
    if (!events.empty()) {
      std::cout << "\nevents\n";
      Table t({"date", "type", "place", "doc", "sentence"}, 70);
      for (const auto& v : events) {
        t.Add({v.date, v.type, v.place, std::to_string(v.doc), v.sentence});
      }
      t.Print();
    }
  });
}

}  // namespace marsad::cli
