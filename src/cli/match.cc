// marsad match: name pairs on stdin, one same-name score per line on stdout.
#include <cstdio>
#include <iostream>
#include <string>

#include "cli/command.h"
#include "cli/output.h"
#include "resolve/resolve.h"

namespace marsad::cli {

const resolve::Matcher& NameMatcher(const char* command) {
  std::string error;
  const resolve::Matcher* m = resolve::DefaultMatcher(&error);
  if (m == nullptr) throw UsageError(std::string(command) + ": " + error);
  return *m;
}

void AddMatch(CLI::App* app, const GlobalOptions* global) {
  auto* cmd = app->add_subcommand(
      "match", "Score name pairs (a<TAB>b per line on stdin, any script): one score in [0,1] per "
               "line; at least 0.5 means the same name.");
  cmd->callback([global] {
    const resolve::Matcher& matcher = NameMatcher("match");
    std::string line;
    size_t number = 0;
    char buf[32];
    while (std::getline(std::cin, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      line = RepairedInput(line, "match: stdin line " + std::to_string(number));
      const size_t tab = line.find('\t');
      if (tab == std::string::npos) {
        // An empty line keeps the output aligned with the input.
        std::cerr << "marsad: match: stdin line " << number << ": no tab between the two names\n";
        g_had_bad_input = true;
        std::cout << (global->json ? "{}" : "") << '\n';
        continue;
      }
      const std::string a = line.substr(0, tab), b = line.substr(tab + 1);
      const double score = matcher.MatchScore(a, b);
      if (global->json) {
        PrintJsonLine({{"a", a}, {"b", b}, {"score", score}, {"same", score >= resolve::kDefaultThreshold}});
      } else {
        std::snprintf(buf, sizeof buf, "%.4f", score);
        std::cout << buf << '\n';
      }
    }
  });
}

}  // namespace marsad::cli
