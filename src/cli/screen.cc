// marsad screen: names against a UN or OFAC watch list.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/output.h"
#include "resolve/resolve.h"
#include "screen/screen.h"
#include "store/store.h"

namespace marsad::cli {

void AddScreen(CLI::App* app, const GlobalOptions* global) {
  auto* cmd = app->add_subcommand(
      "screen", "Check the people and organisations in the database, or one name (--name, Arabic "
                "or Latin), against a sanctions list: the UN Security Council consolidated list "
                "XML or the OFAC SDN CSV, detected from the file.");
  auto list_path = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>();
  auto threshold = std::make_shared<double>(resolve::kDefaultThreshold);
  cmd->add_option("--list", *list_path, "UN XML or OFAC sdn.csv (alt.csv beside it is read too)")
      ->required();
  cmd->add_option("--name", *name, "the name to screen");
  cmd->add_option("--threshold", *threshold, "lowest score reported (default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->callback([global, list_path, name, threshold] {
    screen::WatchList list;
    std::string error;
    if (!screen::LoadList(*list_path, &list, &error)) throw UsageError("screen: " + error);
    const screen::Screener screener(list, NameMatcher("screen"), {.threshold = *threshold});
    Table table({"entity", "name", "list_entry_id", "list_name", "score", "why", "matched_alias"});
    char score[16];
    auto emit = [&](const std::optional<int64_t>& entity, const std::string& name, const screen::Hit& h) {
      if (global->json) {
        nlohmann::json j = {{"name", name},         {"list_entry_id", h.list_entry_id},
                            {"list_name", h.list_name}, {"score", h.score},
                            {"why", h.why},         {"matched_alias", h.matched_alias}};
        if (entity) j["entity"] = *entity;
        PrintJsonLine(j);
      } else {
        std::snprintf(score, sizeof score, "%.3f", h.score);
        table.Add({entity ? std::to_string(*entity) : "", name, h.list_entry_id, h.list_name, score,
                   h.why, h.matched_alias});
      }
    };
    if (!name->empty()) {
      for (const screen::Hit& h : screener.Screen(*name)) emit(std::nullopt, *name, h);
    } else {
      // Every person and organisation in the database.
      auto db = OpenForReading(*global);
      store::RecordFilter all;
      for (const store::EntityRecord& e : db->Entities(all)) {
        for (const screen::EntityHit& h : screen::ScreenEntity(e, screener)) emit(e.id, h.name, h.hit);
      }
    }
    if (!global->json) table.Print();
  });
}

}  // namespace marsad::cli
