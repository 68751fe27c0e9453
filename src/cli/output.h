// Shared output helpers for commands: JSON Lines and readable tables.
#ifndef MARSAD_CLI_OUTPUT_H_
#define MARSAD_CLI_OUTPUT_H_

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ner/ner.h"

namespace marsad::store {
struct ClaimRecord;
}  // namespace marsad::store

namespace marsad::cli {

// One JSON object on one line of stdout; invalid UTF-8 is replaced, never thrown.
void PrintJsonLine(const nlohmann::json& j);

// A table printed with columns padded to their widest cell (in characters,
// cells cut to `max_width` with an ellipsis), aligned for either script.
class Table {
 public:
  explicit Table(std::vector<std::string> header, size_t max_width = 60);
  void Add(std::vector<std::string> row);
  void Print() const;

 private:
  std::vector<std::vector<std::string>> rows_;
  size_t max_width_;
};

// x rounded to `decimals` places, for JSON figures (0.9591, not 0.959143...).
inline double Rounded(double x, int decimals) {
  const double scale = std::pow(10.0, decimals);  // exact for these small powers
  return std::round(x * scale) / scale;
}

// Precision, recall and F1 (rounded to 2 places) with the counts behind
// them, as `eval ner` and `train ner` print them.
nlohmann::ordered_json NerFigures(const ner::Counts& c);

bool StdoutIsTerminal();
bool StderrIsTerminal();

// Input text with invalid UTF-8 replaced by U+FFFD, said on stderr
// ("marsad: WHERE: N invalid UTF-8 sequence(s) replaced"): the input is
// still read, not refused.
std::string RepairedInput(const std::string& raw, const std::string& where);

// "2024-03-05" checked, or throws UsageError naming the option.
std::string CheckedDate(const std::string& option, const std::string& value);

// A claim's figure for a table: "~60000", "200–300", "thousands", "at_least 40".
std::string FormatValue(const store::ClaimRecord& claim);  // cli/records.cc

}  // namespace marsad::cli

#endif  // MARSAD_CLI_OUTPUT_H_
