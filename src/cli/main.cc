#include <cstdlib>
#include <iostream>

#include "cli/command.h"
#include "store/store.h"
#include "marsad/version.h"

namespace marsad::cli {
bool g_had_bad_input = false;
}  // namespace marsad::cli

int main(int argc, char** argv) {
  using namespace marsad::cli;
  std::ios::sync_with_stdio(false);
  CLI::App app{
      "marsad (مرصد): turns Arabic news articles into a searchable, source-linked record of "
      "who, where, what, how many, and who says so. Offline.",
      "marsad"};
  app.set_version_flag("--version", std::string("marsad ") + MARSAD_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  GlobalOptions global;
  const char* env_db = std::getenv("MARSAD_DB");
  global.db = env_db && *env_db ? env_db : "./marsad.db";
  // An empty path would have SQLite open a private temporary database.
  app.add_option("--db", global.db, "database file (default ./marsad.db or $MARSAD_DB)")
      ->check(kNotEmpty);
  app.add_flag("--json", global.json, "print JSON Lines instead of a table");

  AddAnnotate(&app, &global);
  AddIngest(&app, &global);
  AddDocs(&app, &global);
  AddSearch(&app, &global);
  AddCheck(&app, &global);
  AddTrain(&app, &global);
  AddEval(&app, &global);
  AddEvalExtract(app.get_subcommand("eval"), &global);
  AddEvalTranslit(app.get_subcommand("eval"), &global);
  AddMatch(&app, &global);
  AddRomanize(&app, &global);
  AddScreen(&app, &global);
  AddServe(&app, &global);
  AddEntities(&app, &global);
  AddRecords(&app, &global);
  AddExport(&app, &global);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // CLI11 says only "A subcommand is required" for a misspelt command.
    for (int i = 1; i < argc; ++i) {
      const std::string arg = argv[i];
      if (arg == "--db") ++i;
      if (arg.empty() || arg[0] == '-') continue;
      const auto known = app.get_subcommands([&](const CLI::App* c) { return c->check_name(arg); });
      if (known.empty()) {
        std::cerr << "marsad: unknown command \"" << arg << "\" (marsad --help lists them)\n";
        return 1;
      }
      break;
    }
    std::cerr << "marsad: " << e.what() << "\n";
    return 1;
  } catch (const UsageError& e) {
    std::cerr << "marsad: " << e.what() << "\n";
    return 1;
  } catch (const marsad::store::DamagedError& e) {
    std::cerr << "marsad: " << e.what() << "; `marsad check` with the same --db says where, and a copy made with "
              << "sqlite3's .recover may save what is left\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "marsad: internal error: " << e.what() << "\n";
    return 2;
  }
  // A failed write (a full disk) is an error, not a short output and exit 0.
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "marsad: writing to standard output failed\n";
    return 1;
  }
  return g_had_bad_input ? 1 : 0;
}
