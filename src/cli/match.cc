// marsad match: name pairs on stdin, one same-name score per line on stdout.
#include <algorithm>
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
      // A bad line is named on stderr and scored by nothing, not by a
      // figure that reads as an answer; the exit code is then 1. Its empty
      // line keeps the output aligned with the input.
      const auto skip = [&](const std::string& why) {
        std::cerr << "marsad: match: stdin line " << number << ": " << why << "\n";
        g_had_bad_input = true;
        std::cout << (global->json ? "{}" : "") << '\n';
      };
      const size_t tab = line.find('\t');
      if (tab == std::string::npos) {
        skip("no tab between the two names");
        continue;
      }
      const size_t fields = 1 + std::count(line.begin(), line.end(), '\t');
      if (fields > 2) {
        skip(std::to_string(fields) + " tab-separated fields, not two names");
        continue;
      }
      const std::string a = line.substr(0, tab), b = line.substr(tab + 1);
      if (a.find_first_not_of(' ') == std::string::npos || b.find_first_not_of(' ') == std::string::npos) {
        skip("an empty name");
        continue;
      }
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
