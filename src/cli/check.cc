// marsad check: is the database sound?
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "cli/output.h"
#include "store/store.h"

namespace marsad::cli {

void AddCheck(CLI::App* app, const GlobalOptions* global) {
  auto* cmd = app->add_subcommand(
      "check", "Check the database: SQLite integrity and the full-text index against the documents.");
  cmd->callback([global] {
    // Read-write (the full-text index's integrity check is written as an
    // INSERT), but a database that is not there is not created.
    std::error_code ec;
    if (!std::filesystem::exists(global->db, ec)) throw UsageError(global->db + ": no such database");
    std::string error;
    auto db = store::Store::Open(global->db, store::Store::Mode::kReadWrite, &error);
    if (!db) throw UsageError(error);
    const std::string result = db->IntegrityCheck();
    const int64_t docs = db->DocumentCount();
    if (global->json) {
      PrintJsonLine({{"integrity", result}, {"documents", docs}});
    } else {
      std::cout << "integrity " << result << ", documents " << docs << "\n";
    }
    if (result != "ok") throw UsageError(global->db + ": damaged: " + result);
  });
}

}  // namespace marsad::cli
