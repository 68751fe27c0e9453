// marsad romanize: Arabic names on stdin, their newspaper romanisation on
// stdout, one per line.
#include <iostream>
#include <string>

#include "cli/command.h"
#include "cli/output.h"
#include "resolve/resolve.h"

namespace marsad::cli {

void AddRomanize(CLI::App* app, const GlobalOptions* global) {
  auto* cmd = app->add_subcommand(
      "romanize", "Romanise Arabic names (one per line on stdin) as an English-language newspaper "
                  "prints them.");
  cmd->callback([global] {
    const resolve::Matcher& matcher = NameMatcher("romanize");
    std::string line;
    size_t number = 0;
    while (std::getline(std::cin, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      line = RepairedInput(line, "romanize: stdin line " + std::to_string(number));
      const std::string latin = matcher.Romanize(line);
      if (global->json) {
        PrintJsonLine({{"name", line}, {"latin", latin}});
      } else {
        std::cout << latin << '\n';
      }
    }
  });
}

}  // namespace marsad::cli
