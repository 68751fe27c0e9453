#include "cli/output.h"

#include <unistd.h>

#include <iostream>

#include "cli/command.h"
#include "store/store.h"
#include "text/text.h"

namespace marsad::cli {
namespace {

size_t Chars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The first `max` characters of s, with an ellipsis if cut; line breaks become spaces.
std::string Cell(std::string_view s, size_t max) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80 && ++chars > max) {
      out += "…";
      break;
    }
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : static_cast<char>(c);
  }
  return out;
}

}  // namespace

void PrintJsonLine(const nlohmann::json& j) {
  std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

Table::Table(std::vector<std::string> header, size_t max_width) : max_width_(max_width) {
  rows_.push_back(std::move(header));
}

void Table::Add(std::vector<std::string> row) {
  for (auto& cell : row) cell = Cell(cell, max_width_);
  rows_.push_back(std::move(row));
}

void Table::Print() const {
  std::vector<size_t> widths;
  for (const auto& row : rows_) {
    widths.resize(std::max(widths.size(), row.size()));
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], Chars(row[i]));
  }
  for (const auto& row : rows_) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - Chars(row[i]) + 2, ' ');
    }
    std::cout << line << '\n';
  }
}

std::unique_ptr<store::Store> OpenForReading(const GlobalOptions& global) {
  std::string error;
  auto db = store::Store::Open(global.db, store::Store::Mode::kReadOnly, &error);
  if (!db) throw UsageError(error);
  return db;
}

nlohmann::ordered_json NerFigures(const ner::Counts& c) {
  return {{"precision", Rounded(c.precision(), 2)}, {"recall", Rounded(c.recall(), 2)},
          {"f1", Rounded(c.f1(), 2)},               {"gold", c.gold},
          {"predicted", c.predicted},               {"correct", c.correct}};
}

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO); }
bool StderrIsTerminal() { return isatty(STDERR_FILENO); }

std::string RepairedInput(const std::string& raw, const std::string& where) {
  uint32_t replaced = 0;
  std::string text = marsad::text::RepairUtf8(raw, &replaced);
  if (replaced > 0) {
    std::cerr << "marsad: " << where << ": " << replaced
              << " invalid UTF-8 sequence(s) replaced by U+FFFD\n";
  }
  return text;
}

std::string CheckedDate(const std::string& option, const std::string& value) {
  const auto d = marsad::text::ParseIsoDate(value);
  if (!d || d->day == 0) {
    throw UsageError(option + " must be a date YYYY-MM-DD, got \"" + value + "\"");
  }
  return value;
}

}  // namespace marsad::cli
