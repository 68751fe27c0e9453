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
namespace {

std::string Decimal(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

}  // namespace

void AddScreen(CLI::App* app, const GlobalOptions* global) {
  auto* cmd = app->add_subcommand(
      "screen", "Check the people and organisations in the database, or one name (--name, Arabic "
                "or Latin), against a sanctions list: the UN Security Council consolidated list "
                "XML or the OFAC SDN CSV, detected from the file.");
  auto list_path = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>();
  auto options = std::make_shared<screen::ScreenOptions>();
  auto min_evidence = std::make_shared<double>(-1);
  cmd->add_option("--list", *list_path, "UN XML or OFAC sdn.csv (alt.csv beside it is read too)")
      ->required();
  cmd->add_option("--name", *name, "the name to screen")->check(kNotEmpty);
  cmd->add_option("--threshold", options->threshold, "lowest score reported (default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--min-name-share", options->min_name_share,
                  "share of the weight of the list name (rare names weigh more) that the matched "
                  "names must carry (default 0.5; 0: any)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--min-query-share", options->min_query_share,
                  "share of the weight of the screened name that the matched names must carry "
                  "(default 0.7; 0: any)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--min-evidence", *min_evidence,
                  "weight the matched words of the list name must carry in all, each word whose "
                  "key one entry alone has weighing 1 (default " + Decimal(screen::kEntityEvidence) +
                      " when screening the database, 0 with --name)")
      ->check(CLI::Range(0.0, 100.0));
  cmd->callback([global, list_path, name, options, min_evidence] {
    screen::WatchList list;
    std::string error;
    if (!screen::LoadList(*list_path, &list, &error)) throw UsageError("screen: " + error);
    screen::ScreenOptions o = *options;
    if (!name->empty() && *min_evidence >= 0) o.min_evidence = *min_evidence;
    const screen::Screener screener(list, NameMatcher("screen"), o);
    Table table({"entity", "name", "list_entry_id", "list_name", "score", "why", "matched_alias"});
    char score[16];
    auto emit = [&](const std::optional<int64_t>& entity, const std::string& name, const screen::Hit& h) {
      if (global->json) {
        nlohmann::json j = h;
        j["name"] = name;
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
        const double evidence = *min_evidence >= 0 ? *min_evidence : screen::kEntityEvidence;
        for (const screen::EntityHit& h : screen::ScreenEntity(e, screener, evidence)) emit(e.id, h.name, h.hit);
      }
    }
    if (!global->json) table.Print();
  });
}

}  // namespace marsad::cli
