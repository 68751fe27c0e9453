// marsad check: is the database sound?
#include <unistd.h>

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
    // INSERT) unless the file is read-only, but a database that is not there
    // is not created.
    std::error_code ec;
    if (!std::filesystem::exists(global->db, ec)) throw UsageError(global->db + ": no such database");
    const bool writable = access(global->db.c_str(), W_OK) == 0;
    std::string error;
    auto db = store::Store::Open(
        global->db, writable ? store::Store::Mode::kReadWrite : store::Store::Mode::kReadOnly,
        &error);
    if (!db) throw UsageError(error);
    if (!writable) {
      std::cerr << "marsad: " << global->db
                << " is read-only: its full-text index is not checked\n";
    }
    const std::string result = db->IntegrityCheck();
    // A damaged file may not even be counted.
    const nlohmann::json docs = result == "ok" ? nlohmann::json(db->DocumentCount()) : nullptr;
    if (global->json) {
      PrintJsonLine({{"integrity", result}, {"documents", docs}});
    } else {
      std::cout << "integrity " << result << ", documents " << docs.dump() << "\n";
    }
    if (result != "ok") throw UsageError(global->db + ": damaged: " + result);
  });
}

}  // namespace marsad::cli
