// marsad screen: names against a UN or OFAC watch list.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/output.h"
#include "resolve/resolve.h"
#include "screen/screen.h"

namespace marsad::cli {

void AddScreen(CLI::App* app, const GlobalOptions* global) {
  auto* cmd = app->add_subcommand(
      "screen", "Check a name (Arabic or Latin) against a sanctions list: the UN Security Council "
                "consolidated list XML or the OFAC SDN CSV, detected from the file.");
  auto list_path = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>();
  auto threshold = std::make_shared<double>(resolve::kDefaultThreshold);
  cmd->add_option("--list", *list_path, "UN XML or OFAC sdn.csv (alt.csv beside it is read too)")
      ->required();
  cmd->add_option("--name", *name, "the name to screen");
  cmd->add_option("--threshold", *threshold, "lowest score reported (default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->callback([global, list_path, name, threshold] {
    if (name->empty()) throw UsageError("screen: --name is required until entities are stored");
    screen::WatchList list;
    std::string error;
    if (!screen::LoadList(*list_path, &list, &error)) throw UsageError("screen: " + error);
    const screen::Screener screener(list, NameMatcher("screen"), {.threshold = *threshold});
    Table table({"name", "list_entry_id", "list_name", "score", "why", "matched_alias"});
    char score[16];
    for (const screen::Hit& h : screener.Screen(*name)) {
      if (global->json) {
        PrintJsonLine({{"name", *name}, {"list_entry_id", h.list_entry_id}, {"list_name", h.list_name},
                       {"score", h.score}, {"why", h.why}, {"matched_alias", h.matched_alias}});
      } else {
        std::snprintf(score, sizeof score, "%.3f", h.score);
        table.Add({*name, h.list_entry_id, h.list_name, score, h.why, h.matched_alias});
      }
    }
    if (!global->json) table.Print();
  });
}

}  // namespace marsad::cli
