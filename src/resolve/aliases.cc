// The user's alias file (format in resolve.h).
#include <algorithm>
#include <fstream>
#include <iterator>

#include "resolve/resolve.h"
#include "text/text.h"

namespace marsad::resolve {
namespace {

// The fields of a line in place, empty ones kept (a blank name must not let
// the first alias take its place), but for those after the last non-empty.
std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    std::string field = line.substr(start, tab == std::string::npos ? std::string::npos : tab - start);
    // Trailing spaces and a Windows line end are not part of a name.
    while (!field.empty() && (field.back() == ' ' || field.back() == '\r')) field.pop_back();
    while (!field.empty() && field.front() == ' ') field.erase(0, 1);
    fields.push_back(field.empty() ? field : text::Normalize(field, text::kDisplay).text);
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  while (!fields.empty() && fields.back().empty()) fields.pop_back();
  return fields;
}

}  // namespace

bool ReadAliases(const std::string& path, std::vector<AliasEntry>* entries, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot read the alias file";
    return false;
  }
  std::vector<AliasEntry> read;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // BOM
    const size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    uint32_t replaced = 0;
    line = text::RepairUtf8(line, &replaced);
    const std::string where = path + " line " + std::to_string(number) + ": ";
    if (replaced) {
      *error = where + "not valid UTF-8";
      return false;
    }
    std::vector<std::string> fields = SplitTabs(line);
    if (fields.size() < 3) {
      *error = where + "expected TYPE, a name and at least one alias separated by tabs";
      return false;
    }
    if (fields[0].empty() || fields[1].empty()) {
      *error = where + (fields[0].empty() ? "the type is empty" : "the name is empty");
      return false;
    }
    AliasEntry e;
    // An empty field after the name (two tabs) is no name.
    std::vector<std::string> rest;
    std::copy_if(fields.begin() + 2, fields.end(), std::back_inserter(rest),
                 [](const std::string& f) { return !f.empty(); });
    if (fields[0] == "part_of") {
      if (rest.size() != 1) {
        *error = where + "part_of takes a branch and its parent";
        return false;
      }
      e.type = ner::EntityType::kOrganization;
      e.name = fields[1];
      e.part_of = rest[0];
    } else {
      const auto type = ner::ParseEntityType(fields[0]);
      if (!type) {
        *error = where + "unknown type \"" + fields[0] + "\" (PER, LOC, ORG, MISC or part_of)";
        return false;
      }
      e.type = *type;
      e.name = fields[1];
      e.aliases = std::move(rest);
    }
    read.push_back(std::move(e));
  }
  if (in.bad()) {
    *error = path + ": read error";
    return false;
  }
  *entries = std::move(read);
  return true;
}

}  // namespace marsad::resolve
