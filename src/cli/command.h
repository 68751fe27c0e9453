// The command-line layer: one file per command, each a thin shell over the
// library. Commands report bad usage or bad input by throwing UsageError
// (exit 1); anything else escaping a command is an internal error (exit 2).
#ifndef MARSAD_CLI_COMMAND_H_
#define MARSAD_CLI_COMMAND_H_

#include <memory>
#include <stdexcept>
#include <string>

#include <CLI/CLI.hpp>

namespace marsad::store {
class Store;
}  // namespace marsad::store
namespace marsad::resolve {
class Matcher;
}  // namespace marsad::resolve

namespace marsad::cli {

// Options every command accepts.
struct GlobalOptions {
  std::string db;     // --db, else $MARSAD_DB, else ./marsad.db
  bool json = false;  // --json: JSON Lines on stdout, nothing else
};

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Option checks with messages a user can act on: a value that must not be
// empty (an unset shell variable must not mean "everything" or "nowhere"),
// and a count or an id of at least one (ids start at 1, and a filter's 0
// means no filter: --entity 0 must not list every record).
inline const CLI::Validator kNotEmpty(
    [](const std::string& value) { return value.empty() ? std::string("must not be empty") : ""; },
    "NOT EMPTY");
inline const CLI::Validator kAtLeastOne(
    [](const std::string& value) {
      return value.find_first_not_of("0123456789") == std::string::npos && !value.empty() &&
                     value.find_first_not_of('0') != std::string::npos
                 ? std::string()
                 : "must be a whole number, at least 1";
    },
    "AT LEAST 1");

// The database of --db opened read-only, or UsageError naming the problem.
std::unique_ptr<store::Store> OpenForReading(const GlobalOptions& global);

// The shipped name-matching model, or UsageError naming `command` and why
// it is missing (cli/match.cc).
const resolve::Matcher& NameMatcher(const char* command);

// UsageError naming `command` unless a file can be written at `path`: its
// folder exists and takes new files, and it is no folder itself. Checked
// before the work whose result is written there (cli/train.cc).
void CheckCanWrite(const std::string& path, const char* command);

// Adds `train translit` under the train command (cli/train_translit.cc).
void AddTrainTranslit(CLI::App* train_cmd);

// Set by a command that finished but skipped some bad input (exit code 1).
extern bool g_had_bad_input;

void AddAnnotate(CLI::App* app, const GlobalOptions* global);
void AddIngest(CLI::App* app, const GlobalOptions* global);
void AddDocs(CLI::App* app, const GlobalOptions* global);
void AddSearch(CLI::App* app, const GlobalOptions* global);
void AddCheck(CLI::App* app, const GlobalOptions* global);
void AddTrain(CLI::App* app, const GlobalOptions* global);  // cli/train.cc
void AddEval(CLI::App* app, const GlobalOptions* global);   // cli/eval.cc
// Adds `eval extract` under the eval command (cli/eval_extract.cc).
void AddEvalExtract(CLI::App* eval_cmd, const GlobalOptions* global);
// Adds `eval translit` under the eval command (cli/eval_translit.cc).
void AddEvalTranslit(CLI::App* eval_cmd, const GlobalOptions* global);
void AddMatch(CLI::App* app, const GlobalOptions* global);     // cli/match.cc
void AddRomanize(CLI::App* app, const GlobalOptions* global);  // cli/romanize.cc
void AddScreen(CLI::App* app, const GlobalOptions* global);    // cli/screen.cc
void AddServe(CLI::App* app, const GlobalOptions* global);     // cli/serve.cc
void AddEntities(CLI::App* app, const GlobalOptions* global);  // cli/entities.cc: entities, entity
void AddRecords(CLI::App* app, const GlobalOptions* global);   // cli/records.cc: claims, quotes, events, timeline
void AddExport(CLI::App* app, const GlobalOptions* global);    // cli/export.cc

}  // namespace marsad::cli

#endif  // MARSAD_CLI_COMMAND_H_
