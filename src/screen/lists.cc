// Watch-list loaders: the UN consolidated list XML (libxml2) and the OFAC SDN
// CSV with its alt.csv aliases.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "screen/screen.h"

namespace marsad::screen {
namespace {

std::string Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r\n");
  std::string out(s.substr(b, e - b + 1));
  // Runs of spaces inside a name ("CHO  CHUN") are one space.
  std::string collapsed;
  for (char c : out) {
    if ((c == ' ' || c == '\t' || c == '\n' || c == '\r') && !collapsed.empty() && collapsed.back() == ' ') continue;
    collapsed += c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
  }
  return collapsed;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

bool HasArabic(std::string_view s) {
  // U+0600-U+06FF are the UTF-8 lead bytes D8-DB.
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0xD8 && b <= 0xDB) return true;
  }
  return false;
}

// The names packed into one alias of the list: "Abdul Rehman; Abd
// Ur-Rehman", "عبدالله السندي (Abdullah Sindhi)", "أبو بكر البغدادي ...
// (Abu Bakr al-Baghdadi ...; Abu Bakr al-Baghdadi)": the text outside
// brackets, and each piece between semicolons, outside or inside them. A
// bracketed piece of one word is a qualifier ("(Sheikh) Musa Hilal",
// "(Tigrinya)"), and one with digits a note ("born 1 Jan. 1953 (Oman
// passport no. ...)"): neither is a name. Empty if the text is one name as
// it is, or has no piece that is a name (it is then kept as written).
std::vector<std::string> PackedNames(const std::string& text) {
  if (text.find_first_of(";(") == std::string::npos) return {};
  std::string outside;
  std::vector<std::string> pieces;
  auto add_pieces = [&](const std::string& part, bool bracketed) {
    for (size_t i = 0; i <= part.size();) {
      const size_t j = std::min(part.find(';', i), part.size());
      const std::string piece = Trim(std::string_view(part).substr(i, j - i));
      const bool one_word = piece.find(' ') == std::string::npos;
      const bool digits = piece.find_first_of("0123456789") != std::string::npos;
      if (!piece.empty() && !digits && !(bracketed && one_word)) pieces.push_back(piece);
      i = j + 1;
    }
  };
  for (size_t i = 0; i < text.size();) {
    const size_t open = text.find('(', i);
    outside += text.substr(i, open == std::string::npos ? std::string::npos : open - i);
    if (open == std::string::npos) break;
    const size_t close = text.find(')', open);
    if (close == std::string::npos) return {};  // unbalanced: left as written
    add_pieces(text.substr(open + 1, close - open - 1), true);
    i = close + 1;
  }
  add_pieces(outside, false);
  std::vector<std::string> names;
  for (std::string& p : pieces) {
    if (p != text && std::find(names.begin(), names.end(), p) == names.end()) names.push_back(std::move(p));
  }
  return names;
}

// ---------------------------------------------------------------------------
// UN XML.

std::string Text(xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string s = content ? Trim(reinterpret_cast<const char*>(content)) : "";
  xmlFree(content);
  return s;
}

bool Named(xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE && xmlStrcmp(node->name, BAD_CAST name) == 0;
}

xmlNode* Child(xmlNode* node, const char* name) {
  for (xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (Named(c, name)) return c;
  }
  return nullptr;
}

void ReadUnEntry(xmlNode* node, bool individual, WatchList* list) {
  ListEntry e;
  e.individual = individual;
  std::string primary;
  for (const char* part : {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
    if (xmlNode* c = Child(node, part)) {
      const std::string t = Text(c);
      if (!t.empty()) primary += (primary.empty() ? "" : " ") + t;
    }
  }
  if (xmlNode* c = Child(node, "REFERENCE_NUMBER")) e.id = Text(c);
  if (primary.empty() || e.id.empty()) return;
  e.primary_name = primary;
  e.names.push_back({primary, "primary name"});
  if (xmlNode* c = Child(node, "NAME_ORIGINAL_SCRIPT")) {
    const std::string t = Text(c);
    if (!t.empty()) {
      e.names.push_back({t, HasArabic(t) ? "arabic original-script name" : "original-script name"});
    }
  }
  const char* alias_tag = individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS";
  for (xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (!Named(c, alias_tag)) continue;
    xmlNode* name = Child(c, "ALIAS_NAME");
    const std::string t = name ? Text(name) : "";
    if (t.empty()) continue;
    xmlNode* quality = Child(c, "QUALITY");
    const std::string q = quality ? Lower(Text(quality)) : "";
    const std::string kind = q.empty()                   ? "alias"
                             : q == "good" || q == "low" ? "alias (" + q + " quality)"
                                                         : "alias (" + q + ")";
    std::vector<std::string> packed = PackedNames(t);
    if (packed.empty()) packed.push_back(t);
    for (std::string& name : packed) e.names.push_back({std::move(name), kind});
  }
  list->entries.push_back(std::move(e));
}

// ---------------------------------------------------------------------------
// OFAC CSV.

// Records of a CSV text (RFC 4180: quoted fields, "" inside quotes, CRLF),
// a leading byte-order mark skipped. A quote opens a quoted field only at the
// field's start: inside one it is a character (SMITH 5'10" JOHN), which had
// made everything to the next quote of the file one field and dropped the
// records between. False and *error (naming the line) for a quoted field
// still open at the end of the text.
bool ParseCsv(std::string_view text, std::vector<std::vector<std::string>>* rows, std::string* error) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  size_t line = 1, quote_line = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"' && Trim(field).empty()) {
      field.clear();
      quoted = true;
      quote_line = line;
      any = true;
    } else if (c == ',') {
      row.push_back(Trim(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (any || !field.empty()) {
        row.push_back(Trim(field));
        rows->push_back(std::move(row));
      }
      row.clear();
      field.clear();
      any = false;
    } else {
      field += c;
      any = any || c != '\x1a';  // the end-of-file mark some exports keep
    }
  }
  if (quoted) {
    *error = "a quoted field opened on line " + std::to_string(quote_line) + " is never closed";
    return false;
  }
  if (any || !field.empty()) {
    row.push_back(Trim(field));
    rows->push_back(std::move(row));
  }
  return true;
}

bool IsNumber(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

std::string OfacField(const std::vector<std::string>& row, size_t i) {
  return i < row.size() && row[i] != "-0-" ? row[i] : "";
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return static_cast<bool>(in) || in.eof();
}

}  // namespace

bool ParseUnXml(std::string_view xml, WatchList* list, std::string* error) {
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "list.xml", nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  if (doc == nullptr) {
    *error = "malformed XML";
    return false;
  }
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr || !Named(root, "CONSOLIDATED_LIST")) {
    xmlFreeDoc(doc);
    *error = "not a UN consolidated list (no CONSOLIDATED_LIST root)";
    return false;
  }
  for (xmlNode* group = root->children; group != nullptr; group = group->next) {
    const bool individuals = Named(group, "INDIVIDUALS");
    if (!individuals && !Named(group, "ENTITIES")) continue;
    for (xmlNode* n = group->children; n != nullptr; n = n->next) {
      if (Named(n, individuals ? "INDIVIDUAL" : "ENTITY")) ReadUnEntry(n, individuals, list);
    }
  }
  xmlFreeDoc(doc);
  return true;
}

bool ParseOfacCsv(std::string_view sdn, std::string_view alt, WatchList* list, std::string* error) {
  std::unordered_map<std::string, size_t> by_id;
  std::vector<std::vector<std::string>> sdn_rows, alt_rows;
  if (!ParseCsv(sdn, &sdn_rows, error)) {
    *error = "SDN file: " + *error;
    return false;
  }
  if (!ParseCsv(alt, &alt_rows, error)) {
    *error = "alias file (alt.csv): " + *error;
    return false;
  }
  for (const auto& row : sdn_rows) {
    if (row.size() < 3 || !IsNumber(row[0])) continue;  // a header or a stray line
    const std::string name = OfacField(row, 1);
    if (name.empty()) continue;
    ListEntry e;
    e.id = row[0];
    e.primary_name = name;
    e.individual = Lower(OfacField(row, 2)) == "individual";
    e.names.push_back({name, "primary name"});
    by_id[e.id] = list->entries.size();
    list->entries.push_back(std::move(e));
  }
  if (list->entries.empty()) {
    *error = "no OFAC SDN records (ent_num, SDN_Name, SDN_Type, ...)";
    return false;
  }
  for (const auto& row : alt_rows) {
    if (row.size() < 4 || !IsNumber(row[0])) continue;
    const auto it = by_id.find(row[0]);
    const std::string name = OfacField(row, 3);
    if (it == by_id.end() || name.empty()) continue;
    const std::string type = Lower(OfacField(row, 2));
    list->entries[it->second].names.push_back({name, type.empty() ? "alias" : "alias (" + type + ")"});
  }
  return true;
}

bool LoadList(const std::string& path, WatchList* list, std::string* error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    *error = path + ": is a directory, not a list file";
    return false;
  }
  std::string text;
  if (!ReadFile(path, &text)) {
    *error = path + ": cannot read the list";
    return false;
  }
  list->source = path;
  const size_t start = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  std::string problem;
  if (start != std::string::npos && text[start] == '<') {
    if (ParseUnXml(text, list, &problem)) return true;
  } else {
    // alt.csv next to sdn.csv (either case) holds the aliases.
    namespace fs = std::filesystem;
    std::string alt;
    const fs::path dir = fs::path(path).parent_path();
    for (const char* name : {"alt.csv", "ALT.CSV"}) {
      if (ReadFile((dir / name).string(), &alt)) break;
    }
    if (ParseOfacCsv(text, alt, list, &problem)) return true;
    problem = "neither a UN consolidated list XML nor an OFAC SDN CSV (" + problem + ")";
  }
  *error = path + ": " + problem;
  return false;
}

}  // namespace marsad::screen
