// Main text of an HTML page by text density over gumbo's parse tree.
//
// The page is cut into blocks (runs of text inside one block-level element).
// Blocks with sentences and few links score their ancestors, as Readability
// does; the best-scored element, with the siblings that look like more of the
// same article, is the main container. Inside it, blocks are filtered again by
// structure (nav, aside, forms, lists of links, related-story lists, short
// lines at the edges), because that is where a plain container choice loses
// precision: "read also" lists and share bars sit inside the article element.
// Everything dropped is reported with a reason.
#include <gumbo.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ingest/ingest.h"
#include "ingest/internal.h"
#include "text/text.h"

namespace marsad::ingest {
namespace {

// ---------------------------------------------------------------------------
// Slimming. gumbo tokenises every byte it sees at about 20 MB/s, and a news
// page is mostly scripts, styles, SVG icons, comments and attributes nobody
// reads. This pass removes them before parsing, keeps the attributes the
// extractor uses, pulls JSON-LD out of its <script>, and truncates documents
// nested so deeply that gumbo's tree construction (quadratic in the depth of
// open elements) would stall: 20,000 unclosed <div>s take it seconds.

constexpr int kMaxOpenElements = 1000;

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (Lower(s[i]) != lower[i]) return false;
  }
  return true;
}

bool ContainsLower(std::string_view s, std::string_view lower) {
  if (lower.size() > s.size()) return false;
  for (size_t i = 0; i + lower.size() <= s.size(); ++i) {
    if (EqualsLower(s.substr(i, lower.size()), lower)) return true;
  }
  return false;
}

bool IsOneOf(std::string_view lower_name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), lower_name) != names.end();
}

// Elements that never hold children, and elements whose end tag is optional:
// neither deepens the tree when left unclosed.
bool IsLeafOrSelfClosing(std::string_view name) {
  return IsOneOf(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen",
                        "link", "meta", "param", "source", "track", "wbr", "basefont",
                        "bgsound", "frame", "image", "p", "li", "dt", "dd", "option",
                        "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup",
                        "caption", "rb", "rt", "rtc", "rp", "html", "head", "body"});
}

// Position of the end tag "</name" (any case) at or after `from`, or npos.
size_t FindEndTag(std::string_view in, size_t from, std::string_view name) {
  for (size_t i = in.find("</", from); i != std::string_view::npos; i = in.find("</", i + 2)) {
    const size_t j = i + 2 + name.size();
    if (j <= in.size() && EqualsLower(in.substr(i + 2, name.size()), name) &&
        (j == in.size() || IsHtmlSpace(in[j]) || in[j] == '/' || in[j] == '>')) {
      return i;
    }
  }
  return std::string_view::npos;
}

// gumbo spends most of its time on text, one character token at a time. A
// run of plain text (no entity, NUL or invalid UTF-8, which gumbo must
// decode) is handed to it as one placeholder character from Unicode plane 15
// (private use), U+F0000 + the run's index, and the walk puts the original
// bytes back. The tree is the same: a run is whitespace or not either way.
// Pages that use plane 15 themselves are parsed without placeholders.
constexpr char32_t kFirstPlaceholder = 0xF0000;
constexpr size_t kMaxPlaceholders = 0xFFFE;

struct Slimmed {
  std::string html;
  std::vector<std::string_view> json_ld;  // into the original input
  std::vector<std::string_view> runs;     // text behind each placeholder
  bool placeholders = true;
};

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    if (p[i] >= 0xC2 && p[i] <= 0xDF) len = 2;
    else if (p[i] >= 0xE0 && p[i] <= 0xEF) len = 3;
    else if (p[i] >= 0xF0 && p[i] <= 0xF4) len = 4;
    if (len == 0 || i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    if ((p[i] == 0xE0 && p[i + 1] < 0xA0) || (p[i] == 0xED && p[i + 1] >= 0xA0) ||
        (p[i] == 0xF0 && p[i + 1] < 0x90) || (p[i] == 0xF4 && p[i + 1] >= 0x90)) {
      return false;
    }
    i += len;
  }
  return true;
}

// Whether a page holds a character of planes 15 or 16: as bytes (F3 B0.. or
// F4 8x), or as a numeric character reference (&#xF0000; &#983040;), which
// gumbo decodes into what the walk would take for a placeholder.
bool HasPlane15Or16(std::string_view s) {
  for (size_t i = s.find('\xF3'); i != std::string_view::npos && i + 1 < s.size();
       i = s.find('\xF3', i + 1)) {
    if (static_cast<unsigned char>(s[i + 1]) >= 0xB0) return true;
  }
  if (s.find('\xF4') != std::string_view::npos) return true;
  for (size_t i = s.find("&#"); i != std::string_view::npos; i = s.find("&#", i + 2)) {
    size_t k = i + 2;
    const bool hex = k < s.size() && (s[k] == 'x' || s[k] == 'X');
    k += hex;
    uint64_t value = 0;
    for (; k < s.size() && value < kFirstPlaceholder; ++k) {
      const char c = s[k];
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') digit = (c | 0x20) - 'a' + 10;
      if (digit < 0) break;
      value = value * (hex ? 16 : 10) + static_cast<uint64_t>(digit);
    }
    if (value >= kFirstPlaceholder) return true;
  }
  return false;
}

bool IsAllSpace(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return IsHtmlSpace(c); });
}

// Appends text between tags to s->html, plain runs as placeholders.
void AppendText(std::string_view text, Slimmed* s) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t j = std::min(std::min(text.find('&', i), text.find('\0', i)), text.size());
    const std::string_view run = text.substr(i, j - i);
    if (!s->placeholders || s->runs.size() >= kMaxPlaceholders || IsAllSpace(run) ||
        !IsValidUtf8(run)) {
      s->html.append(run);
    } else if (!run.empty()) {
      const char32_t c = kFirstPlaceholder + static_cast<char32_t>(s->runs.size());
      s->runs.push_back(run);
      const char bytes[] = {static_cast<char>(0xF0 | (c >> 18)),
                            static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
                            static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                            static_cast<char>(0x80 | (c & 0x3F))};
      s->html.append(bytes, 4);
    }
    if (j == text.size()) break;
    // An entity (or a NUL) goes to gumbo as it is.
    size_t k = j + 1;
    if (text[j] == '&') {
      while (k < text.size() && k - j < 40 &&
             (IsAlpha(text[k]) || (text[k] >= '0' && text[k] <= '9') || text[k] == '#')) {
        ++k;
      }
      if (k < text.size() && text[k] == ';') ++k;
    }
    s->html.append(text.substr(j, k - j));
    i = k;
  }
}

// The attribute the slimmed page gives an element whose id or class names a
// section of comments, in place of both.
constexpr char kCommentsMark[] = "marsad-comments";

// Whether an id or class names a section of readers' comments: a word of
// it (words split at anything but a letter or digit) begins with "comment",
// as comment systems name theirs (comments, comment-list, commentsArea,
// disqus_thread), but not "commentary" or "commentator", which are columns.
bool NamesComments(std::string_view names) {
  std::string word;
  auto names_them = [&] {
    return (word.starts_with("comment") && !word.starts_with("commentary") &&
            !word.starts_with("commentator")) ||
           word == "disqus";
  };
  for (const char c : names) {
    if (IsAlpha(c) || (c >= '0' && c <= '9')) {
      word += static_cast<char>(c | 0x20);
      continue;
    }
    if (names_them()) return true;
    word.clear();
  }
  return names_them();
}

// Copies the start tag at in[*i] (just after '<', at the name) into *out with
// only the attributes the extractor reads; returns false at an unterminated
// tag. Sets *name (lower case, possibly cut) and *type (the type attribute).
bool CopyStartTag(std::string_view in, size_t* i, std::string* out, std::string* name,
                  std::string_view* type, bool* self_closing) {
  size_t p = *i;
  const size_t name_begin = p;
  while (p < in.size() && !IsHtmlSpace(in[p]) && in[p] != '/' && in[p] != '>') ++p;
  const std::string_view raw_name = in.substr(name_begin, p - name_begin);
  name->clear();
  for (size_t k = 0; k < raw_name.size() && k < 16; ++k) name->push_back(Lower(raw_name[k]));
  const bool keeps_href = *name == "link" || *name == "meta";
  out->push_back('<');
  out->append(raw_name);
  *self_closing = false;
  bool comments = false;
  while (true) {
    while (p < in.size() && (IsHtmlSpace(in[p]) || in[p] == '/')) {
      *self_closing = in[p] == '/';
      ++p;
    }
    if (p >= in.size()) return false;
    if (in[p] == '>') break;
    *self_closing = false;
    const size_t attr_begin = p;
    ++p;  // an attribute name may start with '=' or a quote
    while (p < in.size() && !IsHtmlSpace(in[p]) && in[p] != '/' && in[p] != '>' && in[p] != '=') {
      ++p;
    }
    const std::string_view attr = in.substr(attr_begin, p - attr_begin);
    size_t q = p;
    while (q < in.size() && IsHtmlSpace(in[q])) ++q;
    std::string_view value;
    size_t value_end = p;
    if (q < in.size() && in[q] == '=') {
      ++q;
      while (q < in.size() && IsHtmlSpace(in[q])) ++q;
      if (q >= in.size()) return false;
      if (in[q] == '"' || in[q] == '\'') {
        const size_t close = in.find(in[q], q + 1);
        if (close == std::string_view::npos) return false;
        value = in.substr(q + 1, close - q - 1);
        value_end = close + 1;
      } else {
        size_t e = q;
        while (e < in.size() && !IsHtmlSpace(in[e]) && in[e] != '>') ++e;
        value = in.substr(q, e - q);
        value_end = e;
      }
      p = value_end;
    }
    if (EqualsLower(attr, "type")) *type = value;
    if ((EqualsLower(attr, "class") || EqualsLower(attr, "id")) && NamesComments(value)) {
      comments = true;
    }
    if (EqualsLower(attr, "href") && !keeps_href) {
      out->append(" href");  // for <a>, only whether it is a link matters
    } else if (EqualsLower(attr, "style")) {
      if (ContainsLower(value, "display:none") || ContainsLower(value, "display: none") ||
          ContainsLower(value, "visibility:hidden")) {
        out->append(" hidden");
      }
    } else if (EqualsLower(attr, "content") || EqualsLower(attr, "property") ||
               EqualsLower(attr, "name") || EqualsLower(attr, "itemprop") ||
               EqualsLower(attr, "rel") || EqualsLower(attr, "datetime") ||
               EqualsLower(attr, "role") || EqualsLower(attr, "pubdate") ||
               EqualsLower(attr, "hidden") || EqualsLower(attr, "href")) {
      out->push_back(' ');
      out->append(in.substr(attr_begin, value_end - attr_begin));
    }
  }
  // Of classes and ids, only this matters.
  if (comments) out->append(" ").append(kCommentsMark);
  if (*self_closing) out->push_back('/');
  out->push_back('>');
  *i = p + 1;
  return true;
}

Slimmed Slim(std::string_view in) {
  Slimmed s;
  s.html.reserve(in.size() / 2);
  s.placeholders = !HasPlane15Or16(in);
  int open = 0;
  std::string name;
  size_t i = 0;
  while (i < in.size()) {
    const size_t lt = in.find('<', i);
    if (lt == std::string_view::npos) {
      AppendText(in.substr(i), &s);
      break;
    }
    AppendText(in.substr(i, lt - i), &s);
    i = lt;
    const char next = lt + 1 < in.size() ? in[lt + 1] : '\0';
    if (next == '!' || next == '?') {
      // Comments go; a doctype stays, since it sets quirks mode.
      const bool comment = in.compare(lt, 4, "<!--") == 0;
      const size_t end = comment ? in.find("-->", lt + 2) : in.find('>', lt);
      if (end == std::string_view::npos) break;
      const size_t after = end + (comment ? 3 : 1);
      if (!comment && EqualsLower(in.substr(lt, std::min<size_t>(9, in.size() - lt)),
                                  "<!doctype")) {
        s.html.append(in.substr(lt, after - lt));
      }
      i = after;
    } else if (next == '/') {
      const size_t end = in.find('>', lt);
      if (end == std::string_view::npos) break;
      size_t p = lt + 2;
      while (p < end && !IsHtmlSpace(in[p]) && in[p] != '/') ++p;
      const std::string_view raw = in.substr(lt + 2, p - lt - 2);
      if (!raw.empty() && IsAlpha(raw[0])) {
        name.clear();
        for (size_t k = 0; k < raw.size() && k < 16; ++k) name.push_back(Lower(raw[k]));
        if (!IsLeafOrSelfClosing(name) && open > 0) --open;
        s.html.append("</").append(raw).push_back('>');
      }
      i = end + 1;
    } else if (IsAlpha(next)) {
      const size_t out_before = s.html.size();
      size_t p = lt + 1;
      std::string_view type;
      bool self_closing = false;
      if (!CopyStartTag(in, &p, &s.html, &name, &type, &self_closing)) {
        s.html.resize(out_before);
        break;
      }
      i = p;
      const bool raw_text =
          IsOneOf(name, {"script", "style", "textarea", "xmp", "iframe", "noembed", "noframes"});
      const bool unread = IsOneOf(name, {"svg", "math", "template", "select", "noscript"});
      if (name == "title" || raw_text || unread) {
        const size_t end = FindEndTag(in, i, name);
        if (name == "title") {
          if (end == std::string_view::npos) break;
          s.html.append(in.substr(i, end - i));  // RCDATA: entities, no tags
          i = end;
          continue;
        }
        if (end == std::string_view::npos && raw_text) break;  // gumbo would eat the rest
        if (end != std::string_view::npos) {
          if (name == "script" && ContainsLower(type, "ld+json")) {
            s.json_ld.push_back(in.substr(i, end - i));
          }
          s.html.resize(out_before);
          const size_t close = in.find('>', end);
          i = close == std::string_view::npos ? in.size() : close + 1;
          continue;
        }
      }
      if (!self_closing && !IsLeafOrSelfClosing(name) && ++open > kMaxOpenElements) {
        s.html.resize(out_before);
        break;
      }
    } else {
      s.html.push_back('<');  // a literal '<' in text
      ++i;
    }
  }
  return s;
}

// ---------------------------------------------------------------------------
// Text statistics.

bool IsSpaceByte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

struct TextStats {
  uint32_t words = 0;
  uint32_t stops = 0;   // sentence ends: . ! ? ؟ …
  uint32_t commas = 0;  // , ، ; ؛
};

// Counts over collapsed text (single spaces).
TextStats CountText(std::string_view s) {
  TextStats t;
  t.words = s.empty() ? 0 : 1;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 && c != 0xD8 && c != 0xE2) continue;  // most letters
    if (c == ' ') {
      ++t.words;
      continue;
    }
    const unsigned char next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : ' ';
    if (c == '.') {
      // Not in numbers (3.5), domains (site.com) or the inside of "...";
      // before a closing quotation mark (» U+00BB, ” U+201D).
      if (IsSpaceByte(next) || next == '"' || next == ')' || next == '\'' ||
          s.substr(i + 1).starts_with("\xC2\xBB") || s.substr(i + 1).starts_with("\xE2\x80\x9D")) {
        ++t.stops;
      }
    } else if (c == '!' || c == '?') {
      ++t.stops;
    } else if (c == ',' || c == ';') {
      ++t.commas;
    } else if (c == 0xD8 && (next == 0x9F)) {  // ؟ question mark
      ++t.stops;
    } else if (c == 0xD8 && (next == 0x8C || next == 0x9B)) {  // ، comma, ؛ semicolon
      ++t.commas;
    } else if (c == 0xE2 && next == 0x80 && i + 2 < s.size() &&
               static_cast<unsigned char>(s[i + 2]) == 0xA6) {  // … ellipsis
      ++t.stops;
    }
  }
  return t;
}

// Whether text ends with a sentence mark (before any closing quote).
bool EndsSentence(std::string_view s) {
  while (true) {
    if (!s.empty() && (s.back() == '"' || s.back() == ')' || s.back() == '\'')) {
      s.remove_suffix(1);
    } else if (s.ends_with("\xC2\xBB")) {  // »
      s.remove_suffix(2);
    } else if (s.ends_with("\xE2\x80\x9D")) {  // ”
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  if (s.empty()) return false;
  const char c = s.back();
  return c == '.' || c == '!' || c == '?' || s.ends_with("\xD8\x9F") ||  // ؟
         s.ends_with("\xE2\x80\xA6");                                   // …
}

// Whether a line dates the last change, not the publication: "آخر تحديث"
// (last update), "تعديل" (edit), "Updated".
bool TellsAnUpdate(std::string_view line) {
  for (std::string_view cue : {"تحديث", "تعديل", "حُدّث", "updated", "Updated", "modified", "Modified"}) {
    if (line.find(cue) != std::string_view::npos) return true;
  }
  return false;
}

// A line that is one quotation: words someone said, however few, and never
// a menu or a byline.
bool IsQuotation(std::string_view s) {
  return (s.starts_with("\xC2\xAB") && s.ends_with("\xC2\xBB")) ||          // « »
         (s.starts_with("\xE2\x80\x9C") && s.ends_with("\xE2\x80\x9D")) ||  // “ ”
         (s.size() > 2 && s.front() == '"' && s.back() == '"');
}

// ---------------------------------------------------------------------------
// The tree as blocks.

// Page regions that are not the article whatever their text.
enum class Zone : uint8_t { kNone, kNavigation, kHeader, kFooter, kAside, kForm, kComments };

const char* ZoneReason(Zone z) {
  switch (z) {
    case Zone::kNavigation: return "navigation";
    case Zone::kHeader: return "header";
    case Zone::kFooter: return "footer";
    case Zone::kAside: return "aside";
    case Zone::kForm: return "form";
    case Zone::kComments: return "comments";
    case Zone::kNone: break;
  }
  return "";
}

struct Elem {
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  int32_t parent = -1;
  uint32_t end = 0;  // one past the index of the last descendant element
  uint32_t first_block = 0;
  uint32_t end_block = 0;
  int32_t zone_elem = -1;  // innermost zone element at or above this one
  Zone zone = Zone::kNone;  // the zone this element opens
  uint8_t heading = 0;      // 1-6 inside <h1>-<h6>
  bool hint = false;        // <article>, <main>, itemprop=articleBody
};

struct Block {
  std::string text;
  uint32_t owner = 0;  // nearest block-level element
  uint32_t chars = 0;  // code points, spaces excluded
  uint32_t link_chars = 0;
  uint32_t links = 0;
  // A link begins or ends the text, as in a story's headline or a "read
  // also" line; a link inside a sentence does neither.
  bool link_at_edge = false;
  TextStats stats;
};

double LinkDensity(uint32_t link_chars, uint32_t chars) {
  return chars == 0 ? 0.0 : static_cast<double>(link_chars) / chars;
}

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP: case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR: case GUMBO_TAG_UL:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_UNKNOWN:  // custom elements are nearly always layout containers
      return true;
    default:
      return false;
  }
}

bool IsSkippedTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_XMP:
    case GUMBO_TAG_MAP:
      return true;
    default:
      return false;
  }
}

std::string_view Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a && a->value ? std::string_view(a->value) : std::string_view();
}

// Appends `s` to *out with runs of white space (and no-break spaces) as one space.
void AppendCollapsed(std::string_view s, std::string* out) {
  bool space = !out->empty() && out->back() == ' ';
  size_t i = 0;
  while (i < s.size()) {
    // A run of other bytes, copied at once.
    const size_t begin = i;
    while (i < s.size() && !IsSpaceByte(static_cast<unsigned char>(s[i])) &&
           !(s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0')) {
      ++i;
    }
    if (i > begin) {
      out->append(s.data() + begin, i - begin);
      space = false;
    }
    // Then white space, no-break spaces included, as one space.
    const size_t spaces = i;
    while (i < s.size() && (IsSpaceByte(static_cast<unsigned char>(s[i])) ||
                            (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0'))) {
      i += s[i] == '\xC2' ? 2 : 1;
    }
    if (i > spaces && !space && !out->empty()) {
      out->push_back(' ');
      space = true;
    }
  }
}

std::string Collapse(std::string_view s) {
  std::string out;
  AppendCollapsed(s, &out);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// What the page says about itself, outside the text.
struct PageMeta {
  std::string og_title;
  std::string title;
  std::string site_name;
  std::string url;
  std::string og_url;
  std::string date;  // raw value of the best-ranked date source
  int date_rank = 1000;
};

// Rank of a meta name as a publication date source (lower is better), or -1.
int DateMetaRank(std::string_view key) {
  static constexpr std::string_view kKeys[] = {
      "article:published_time", "og:published_time", "datepublished", "pubdate",
      "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.issued",
      "dcterms.created"};
  for (size_t i = 0; i < std::size(kKeys); ++i) {
    if (EqualsLower(key, kKeys[i])) return static_cast<int>(i);
  }
  return -1;
}
constexpr int kRankJsonLd = 20;
constexpr int kRankTime = 21;

// Walks gumbo's tree without recursion (documents can be deep), cutting text
// into blocks and collecting metadata.
class Walker {
 public:
  explicit Walker(const std::vector<std::string_view>& runs) : runs_(runs) {}
  void Run(const GumboNode* root);

  std::vector<Elem> elems;
  std::vector<Block> blocks;
  PageMeta meta;

 private:
  struct Frame {
    const GumboNode* node;
    uint32_t next_child;
    int32_t elem;  // the element this frame opened, or -1 for inline elements
    bool link;
  };

  void Enter(const GumboNode* node);
  void Leave(const Frame& f);
  void AppendText(std::string_view s);
  void Flush();
  void ReadMeta(const GumboElement& e);
  void KeepArticlesOutOfComments();

  const std::vector<std::string_view>& runs_;  // text behind placeholders
  std::vector<Frame> stack_;
  std::vector<uint32_t> open_blocks_;  // indices of open block-level elements
  std::string buf_;
  uint32_t chars_ = 0;
  uint32_t link_chars_ = 0;
  uint32_t links_ = 0;
  int link_depth_ = 0;
  bool new_link_ = false;  // entered an <a> whose text is not counted yet
  bool first_in_link_ = false;  // the block's first text was inside a link
  bool last_in_link_ = false;   // and its last text so far
};

void Walker::Run(const GumboNode* root) {
  Elem r;
  r.tag = GUMBO_TAG_HTML;
  elems.push_back(r);
  open_blocks_.push_back(0);
  stack_.push_back({root, 0, 0, false});
  while (!stack_.empty()) {
    const size_t top = stack_.size() - 1;
    const GumboNode* node = stack_[top].node;
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    if (stack_[top].next_child >= children.length) {
      const Frame f = stack_[top];
      stack_.pop_back();
      Leave(f);
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[stack_[top].next_child++]);
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        AppendText(child->v.text.text);
        break;
      case GUMBO_NODE_ELEMENT:
        Enter(child);
        break;
      default:  // comments, templates
        break;
    }
  }
  KeepArticlesOutOfComments();
}

// Themes also name whole posts after their comments ("has-comments",
// "comments-open"): an element that holds the headline or the article
// (<h1>, <article>, <main>, articleBody) is in no section of comments,
// unless it is a comment itself (WordPress writes each comment as an
// <article class="comment-body">).
void Walker::KeepArticlesOutOfComments() {
  bool changed = false;
  // Elements in document order: a parent comes before its children, and
  // demoting a zone never makes an element marked.
  std::vector<int32_t> marked(elems.size(), -1);  // innermost comments zone at or above
  for (size_t e = 1; e < elems.size(); ++e) {
    const Elem& el = elems[e];
    marked[e] = el.zone == Zone::kComments ? static_cast<int32_t>(e) : marked[el.parent];
  }
  for (size_t e = 1; e < elems.size(); ++e) {
    const Elem& el = elems[e];
    if ((el.tag != GUMBO_TAG_H1 && !el.hint) || marked[e] == static_cast<int32_t>(e)) continue;
    for (int32_t z = marked[e]; z >= 0; z = marked[elems[z].parent]) {
      if (elems[z].zone != Zone::kComments) break;  // demoted already, with those above
      elems[z].zone = Zone::kNone;
      changed = true;
    }
  }
  if (!changed) return;
  for (size_t e = 1; e < elems.size(); ++e) {
    elems[e].zone_elem =
        elems[e].zone != Zone::kNone ? static_cast<int32_t>(e) : elems[elems[e].parent].zone_elem;
  }
}

void Walker::ReadMeta(const GumboElement& e) {
  switch (e.tag) {
    case GUMBO_TAG_META: {
      std::string_view key = Attr(e, "property");
      if (key.empty()) key = Attr(e, "name");
      if (key.empty()) key = Attr(e, "itemprop");
      const std::string_view content = Attr(e, "content");
      if (key.empty() || content.empty()) return;
      if (EqualsLower(key, "og:title")) {
        if (meta.og_title.empty()) meta.og_title = Collapse(content);
      } else if (EqualsLower(key, "og:site_name") || EqualsLower(key, "application-name")) {
        if (meta.site_name.empty()) meta.site_name = Collapse(content);
      } else if (EqualsLower(key, "og:url")) {
        if (meta.og_url.empty()) meta.og_url = Collapse(content);
      } else if (const int rank = DateMetaRank(key); rank >= 0 && rank < meta.date_rank) {
        meta.date = content;
        meta.date_rank = rank;
      }
      return;
    }
    case GUMBO_TAG_LINK:
      if (meta.url.empty() && ContainsLower(Attr(e, "rel"), "canonical")) {
        meta.url = Collapse(Attr(e, "href"));
      }
      return;
    case GUMBO_TAG_TITLE:
      if (meta.title.empty() && e.children.length > 0) {
        const auto* t = static_cast<const GumboNode*>(e.children.data[0]);
        if (t->type == GUMBO_NODE_TEXT) meta.title = Collapse(t->v.text.text);
      }
      return;
    case GUMBO_TAG_TIME: {
      const std::string_view dt = Attr(e, "datetime");
      // <time pubdate> marks the publication date; any other <time> is a guess.
      const int rank = gumbo_get_attribute(&e.attributes, "pubdate") ? kRankTime - 1 : kRankTime;
      if (!dt.empty() && rank < meta.date_rank) {
        meta.date = dt;
        meta.date_rank = rank;
      }
      break;
    }
    default:
      break;
  }
  // itemprop=datePublished on <time> or any element with content=.
  if (EqualsLower(Attr(e, "itemprop"), "datepublished")) {
    std::string_view v = Attr(e, "datetime");
    if (v.empty()) v = Attr(e, "content");
    const int rank = DateMetaRank("datepublished");
    if (!v.empty() && rank < meta.date_rank) {
      meta.date = v;
      meta.date_rank = rank;
    }
  }
}

void Walker::Enter(const GumboNode* node) {
  const GumboElement& e = node->v.element;
  ReadMeta(e);
  if (IsSkippedTag(e.tag) || gumbo_get_attribute(&e.attributes, "hidden")) return;
  if (e.tag == GUMBO_TAG_BR || e.tag == GUMBO_TAG_HR) {
    Flush();
    return;
  }
  Frame f{node, 0, -1, false};
  if (IsBlockTag(e.tag)) {
    Flush();
    Elem el;
    el.tag = e.tag;
    el.parent = static_cast<int32_t>(open_blocks_.back());
    const Elem& parent = elems[el.parent];
    el.first_block = static_cast<uint32_t>(blocks.size());
    el.heading = parent.heading;
    el.zone_elem = parent.zone_elem;
    const std::string_view role = Attr(e, "role");
    if (e.tag == GUMBO_TAG_NAV || e.tag == GUMBO_TAG_MENU || EqualsLower(role, "navigation") ||
        EqualsLower(role, "menu") || EqualsLower(role, "menubar")) {
      el.zone = Zone::kNavigation;
    } else if (e.tag == GUMBO_TAG_HEADER || EqualsLower(role, "banner")) {
      el.zone = Zone::kHeader;
    } else if (e.tag == GUMBO_TAG_FOOTER || EqualsLower(role, "contentinfo")) {
      el.zone = Zone::kFooter;
    } else if (e.tag == GUMBO_TAG_ASIDE || EqualsLower(role, "complementary")) {
      el.zone = Zone::kAside;
    } else if (e.tag == GUMBO_TAG_FORM || EqualsLower(role, "search") ||
               EqualsLower(role, "form")) {
      el.zone = Zone::kForm;
    } else if (gumbo_get_attribute(&e.attributes, kCommentsMark)) {
      el.zone = Zone::kComments;
    }
    if (el.zone != Zone::kNone) el.zone_elem = static_cast<int32_t>(elems.size());
    if (e.tag >= GUMBO_TAG_H1 && e.tag <= GUMBO_TAG_H6) {
      el.heading = static_cast<uint8_t>(e.tag - GUMBO_TAG_H1 + 1);
    }
    el.hint = e.tag == GUMBO_TAG_ARTICLE || e.tag == GUMBO_TAG_MAIN ||
              EqualsLower(role, "main") || EqualsLower(Attr(e, "itemprop"), "articlebody");
    f.elem = static_cast<int32_t>(elems.size());
    open_blocks_.push_back(static_cast<uint32_t>(elems.size()));
    elems.push_back(el);
  } else if (e.tag == GUMBO_TAG_A) {
    f.link = true;
    ++link_depth_;
    new_link_ = true;
  }
  stack_.push_back(f);
}

void Walker::Leave(const Frame& f) {
  if (f.link) --link_depth_;
  if (f.elem < 0) return;
  Flush();
  Elem& el = elems[f.elem];
  el.end = static_cast<uint32_t>(elems.size());
  el.end_block = static_cast<uint32_t>(blocks.size());
  open_blocks_.pop_back();
}

void Walker::AppendText(std::string_view s) {
  const size_t before = buf_.size();
  // Placeholders are F3 B0..BF xx xx (U+F0000..U+FFFFF).
  size_t done = 0;
  for (size_t i = s.find('\xF3'); i != std::string_view::npos && i + 3 < s.size();
       i = s.find('\xF3', i + 1)) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b1 < 0xB0) continue;
    const size_t index = static_cast<size_t>(b1 & 0x0F) << 12 |
                         static_cast<size_t>(s[i + 2] & 0x3F) << 6 | (s[i + 3] & 0x3F);
    if (index >= runs_.size()) continue;
    AppendCollapsed(s.substr(done, i - done), &buf_);
    AppendCollapsed(runs_[index], &buf_);
    done = i + 4;
    i += 3;
  }
  AppendCollapsed(s.substr(done), &buf_);
  uint32_t added = 0;
  for (size_t i = before; i < buf_.size(); ++i) {
    const auto c = static_cast<unsigned char>(buf_[i]);
    added += (c & 0xC0) != 0x80 && c != ' ';
  }
  if (added > 0) {
    if (chars_ == 0) first_in_link_ = link_depth_ > 0;
    last_in_link_ = link_depth_ > 0;
  }
  chars_ += added;
  if (link_depth_ > 0 && added > 0) {
    link_chars_ += added;
    if (new_link_) ++links_;
    new_link_ = false;
  }
}

void Walker::Flush() {
  while (!buf_.empty() && buf_.back() == ' ') buf_.pop_back();
  if (chars_ > 0) {
    Block b;
    b.text = buf_;
    b.owner = open_blocks_.back();
    b.chars = chars_;
    b.link_chars = link_chars_;
    b.links = links_;
    b.link_at_edge = links_ > 0 && (first_in_link_ || last_in_link_);
    b.stats = CountText(b.text);
    blocks.push_back(std::move(b));
  }
  buf_.clear();
  chars_ = link_chars_ = links_ = 0;
}

// ---------------------------------------------------------------------------
// Choosing the main container.

// Why a block was dropped; null while it is kept.
using Reason = const char*;

class Extractor {
 public:
  explicit Extractor(const Walker& w) : elems_(w.elems), blocks_(w.blocks) {}

  // Finds the article's container; Run then sorts the blocks.
  void Choose();
  // The page's headline <h1>, and another <h1> that is not it (a logo), or
  // "": of several, the one in the article is the headline; of one, it is
  // unless it lies in the page's header or navigation or is all a link.
  void Headings(std::string* headline, std::string* logo) const;
  void Run(const std::string& title, HtmlArticle* out);
  // Display texts near the top of the article, where a dateline would be:
  // the lines above it, nearest first (the byline's date comes before the
  // site's "today" bar), then the head of its first paragraph.
  std::vector<std::string> DatelineZone() const;

 private:
  struct Sums {
    uint32_t chars = 0;
    uint32_t link_chars = 0;
    uint32_t links = 0;
  };
  Sums SubtreeSum(uint32_t e) const {
    const Elem& el = elems_[e];
    return {sum_chars_[el.end_block] - sum_chars_[el.first_block],
            sum_link_chars_[el.end_block] - sum_link_chars_[el.first_block],
            sum_links_[el.end_block] - sum_links_[el.first_block]};
  }
  bool Contains(uint32_t ancestor, uint32_t e) const {
    return e >= ancestor && e < elems_[ancestor].end;
  }
  bool IsParagraph(const Block& b) const;
  bool IsShortLine(const Block& b) const {
    return b.stats.words <= 8 && b.stats.stops == 0 && !IsQuotation(b.text);
  }
  Zone OuterZone(const Block& b) const;
  double Final(uint32_t e) const;
  void Sum();
  void FindLists();
  // Scores the paragraphs outside zones (forms aside, and sections of
  // comments too when `in_comments`).
  void Score(bool in_comments);
  uint32_t ChooseTop() const;
  void ChooseRoots(uint32_t top);
  Reason InsideReason(uint32_t block, uint32_t root) const;
  Reason OutsideReason(const Block& b) const;
  void FilterEdges();

  const std::vector<Elem>& elems_;
  const std::vector<Block>& blocks_;
  // Prefix sums over blocks.
  std::vector<uint32_t> sum_chars_, sum_link_chars_, sum_links_, sum_edge_links_;
  std::vector<double> score_;  // per element: scores of the paragraphs below
  std::vector<double> final_;  // score_ weighed by link density and hints
  uint32_t top_ = 0;
  std::vector<int32_t> root_of_;  // per block: the chosen root holding it, or -1
  std::vector<Reason> reason_;    // per block
  std::vector<uint8_t> kept_;     // per block
  std::vector<uint8_t> heavy_;    // per element: a list of links or of stories
  std::vector<Reason> heavy_reason_;
  std::vector<uint8_t> in_story_;  // per element: inside one story of a list of stories
};

bool Extractor::IsParagraph(const Block& b) const {
  const double ld = LinkDensity(b.link_chars, b.chars);
  return (b.chars >= 80 && ld < 0.25 && b.stats.stops >= 1) || (b.stats.stops >= 2 && ld < 0.5);
}

// The zone a block lies in, unless that zone also holds the main container
// (whole pages wrapped in one <form>, articles inside a <header>): zones
// nest, so when the innermost one holds the container, all of them do.
Zone Extractor::OuterZone(const Block& b) const {
  const int32_t z = elems_[b.owner].zone_elem;
  return z < 0 || Contains(static_cast<uint32_t>(z), top_) ? Zone::kNone : elems_[z].zone;
}

double Extractor::Final(uint32_t e) const {
  const Sums s = SubtreeSum(e);
  return score_[e] * (1 - LinkDensity(s.link_chars, s.chars)) * (elems_[e].hint ? 1.25 : 1.0);
}

void Extractor::Sum() {
  const size_t n = blocks_.size();
  sum_chars_.assign(n + 1, 0);
  sum_link_chars_.assign(n + 1, 0);
  sum_links_.assign(n + 1, 0);
  sum_edge_links_.assign(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    sum_chars_[i + 1] = sum_chars_[i] + blocks_[i].chars;
    sum_link_chars_[i + 1] = sum_link_chars_[i] + blocks_[i].link_chars;
    sum_links_[i + 1] = sum_links_[i] + blocks_[i].links;
    sum_edge_links_[i + 1] = sum_edge_links_[i] + blocks_[i].link_at_edge;
  }
}

// Lists of links, and lists of stories: three or more items of which most
// are short and carry a fair share of links, one of them at the edge of its
// text (a headline, a "read also" line). A bulleted list in the text, whose
// links sit inside its sentences, is no list of stories.
void Extractor::FindLists() {
  heavy_.assign(elems_.size(), 0);
  heavy_reason_.assign(elems_.size(), nullptr);
  std::vector<uint32_t> items(elems_.size(), 0), linked_items(elems_.size(), 0);
  std::vector<uint8_t> linked(elems_.size(), 0);
  for (uint32_t e = 1; e < elems_.size(); ++e) {
    const Sums s = SubtreeSum(e);
    if (s.chars == 0) continue;
    const auto p = static_cast<uint32_t>(elems_[e].parent);
    ++items[p];
    const uint32_t edge_links =
        sum_edge_links_[elems_[e].end_block] - sum_edge_links_[elems_[e].first_block];
    linked[e] = edge_links > 0 && s.link_chars * 5 >= s.chars && s.chars < 400;
    linked_items[p] += linked[e];
  }
  for (uint32_t e = 1; e < elems_.size(); ++e) {
    const Sums s = SubtreeSum(e);
    if (s.links >= 3 && LinkDensity(s.link_chars, s.chars) >= 0.5) {
      heavy_[e] = 1, heavy_reason_[e] = "link-list";
    } else if (items[e] >= 3 && linked_items[e] * 4 >= items[e] * 3) {
      heavy_[e] = 1, heavy_reason_[e] = "related";
    }
  }
  // Elements inside a story of a list of stories, in document order (a
  // parent comes before its children).
  in_story_.assign(elems_.size(), 0);
  for (uint32_t e = 1; e < elems_.size(); ++e) {
    const auto p = static_cast<uint32_t>(elems_[e].parent);
    in_story_[e] = in_story_[p] || (linked[e] && heavy_[p] &&
                                     heavy_reason_[p] == std::string_view("related"));
  }
}

void Extractor::Score(bool in_comments) {
  score_.assign(elems_.size(), 0);
  for (const Block& b : blocks_) {
    const double ld = LinkDensity(b.link_chars, b.chars);
    if (b.chars < 25 || ld > 0.5 || in_story_[b.owner]) continue;
    const int32_t z = elems_[b.owner].zone_elem;
    // Forms may wrap whole pages, and so may what is named after comments.
    if (z >= 0 && elems_[z].zone != Zone::kForm &&
        !(in_comments && elems_[z].zone == Zone::kComments)) {
      continue;
    }
    const double s = (1.0 + b.stats.commas + b.stats.stops + std::min(b.chars / 100.0, 3.0)) *
                     (1 - ld);
    // The paragraph's element and its parent in full, then less: a
    // container of two paragraphs already outscores either of them.
    int32_t e = static_cast<int32_t>(b.owner);
    for (int level = 0; level < 5 && e >= 0; ++level, e = elems_[e].parent) {
      score_[e] += s / (level <= 1 ? 1 : level * 3 - 3);
    }
  }
  final_.resize(elems_.size());
  for (uint32_t e = 0; e < elems_.size(); ++e) final_[e] = Final(e);
}

uint32_t Extractor::ChooseTop() const {
  uint32_t top = 0;
  for (uint32_t e = 1; e < elems_.size(); ++e) {
    if (final_[e] > final_[top]) top = e;
  }
  if (final_[top] <= 0) return 0;
  // A list is part of an article, not one.
  const GumboTag tag = elems_[top].tag;
  if ((tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL) && elems_[top].parent > 0 &&
      elems_[elems_[top].parent].zone == Zone::kNone) {
    top = static_cast<uint32_t>(elems_[top].parent);
  }
  // Articles split over several similar containers: climb to the ancestor
  // holding three of them.
  std::vector<uint32_t> alternatives;
  for (uint32_t e = 1; e < elems_.size(); ++e) {
    if (e != top && final_[e] >= 0.75 * final_[top] && !Contains(e, top) && !Contains(top, e)) {
      alternatives.push_back(e);
    }
  }
  if (alternatives.size() >= 3) {
    for (int32_t a = elems_[top].parent; a > 0; a = elems_[a].parent) {
      const auto inside = std::count_if(alternatives.begin(), alternatives.end(),
                                        [&](uint32_t e) { return Contains(a, e); });
      if (inside >= 3) {
        top = static_cast<uint32_t>(a);
        break;
      }
    }
  }
  // A wrapper whose only block child is the candidate adds nothing but scope.
  while (elems_[top].parent > 0) {
    const auto p = static_cast<uint32_t>(elems_[top].parent);
    // (Not out of a zone: it would then lie inside the container.)
    if (elems_[top].zone != Zone::kNone || elems_[p].zone != Zone::kNone ||
        elems_[p].end != elems_[top].end || top != p + 1 ||
        elems_[p].first_block != elems_[top].first_block ||
        elems_[p].end_block != elems_[top].end_block) {
      break;
    }
    top = p;
  }
  return top;
}

void Extractor::ChooseRoots(uint32_t top) {
  top_ = top;
  root_of_.assign(blocks_.size(), -1);
  auto take = [&](uint32_t e) {
    for (uint32_t b = elems_[e].first_block; b < elems_[e].end_block; ++b) {
      root_of_[b] = static_cast<int32_t>(e);
    }
  };
  take(top);
  const int32_t parent = elems_[top].parent;
  if (parent < 0 || top == 0) return;
  // Siblings that read like more of the article: well scored, or a
  // paragraph of their own, even a short one if it is a whole sentence
  // without links (Readability's sibling rule).
  auto sentence = [&](const Block& b) {
    return IsParagraph(b) || (b.link_chars == 0 && b.stats.words >= 5 && EndsSentence(b.text));
  };
  const double threshold = std::max(10.0, 0.2 * final_[top]);
  for (uint32_t s = static_cast<uint32_t>(parent) + 1; s < elems_[parent].end; s = elems_[s].end) {
    if (s == top || elems_[s].zone != Zone::kNone) continue;
    const Sums sum = SubtreeSum(s);
    const uint32_t nblocks = elems_[s].end_block - elems_[s].first_block;
    const bool paragraph = nblocks == 1 && sentence(blocks_[elems_[s].first_block]);
    if (final_[s] >= threshold || paragraph) {
      if (LinkDensity(sum.link_chars, sum.chars) < 0.25) take(s);
    }
  }
  // Text directly inside the parent, between the children.
  for (uint32_t b = elems_[parent].first_block; b < elems_[parent].end_block; ++b) {
    if (blocks_[b].owner == static_cast<uint32_t>(parent) && sentence(blocks_[b])) {
      root_of_[b] = parent;
    }
  }
}

// Why a block inside the container is dropped: a navigation or aside zone
// opened inside it, a header, footer or form around a block that is not a
// paragraph, a list of links or of stories around it ("read also",
// "related", "most read"), or mostly links itself.
Reason Extractor::InsideReason(uint32_t block, uint32_t root) const {
  const Block& b = blocks_[block];
  // Zones opened inside the container.
  for (int32_t z = elems_[b.owner].zone_elem; z >= 0 && static_cast<uint32_t>(z) > root &&
                                               Contains(root, static_cast<uint32_t>(z));
       z = elems_[elems_[z].parent].zone_elem) {
    const Zone zone = elems_[z].zone;
    if (zone == Zone::kNavigation || zone == Zone::kAside || zone == Zone::kComments ||
        !IsParagraph(b)) {
      return ZoneReason(zone);
    }
  }
  for (int32_t e = static_cast<int32_t>(b.owner); e > static_cast<int32_t>(root);
       e = elems_[e].parent) {
    if (heavy_[e]) return heavy_reason_[e];
  }
  if (LinkDensity(b.link_chars, b.chars) > 0.5) return "link-list";
  return nullptr;
}

Reason Extractor::OutsideReason(const Block& b) const {
  const Zone z = OuterZone(b);
  if (z != Zone::kNone) return ZoneReason(z);
  if (LinkDensity(b.link_chars, b.chars) > 0.5) return "link-list";
  return "outside-main";
}

// Short lines without sentences before the first paragraph and after the last
// one (bylines, dates, tags, "share" bars), the headline above the text, and
// headings whose section kept no text (the "related" heading over a dropped
// list).
void Extractor::FilterEdges() {
  std::vector<uint32_t> in;  // kept blocks of the container, in order
  for (uint32_t b = 0; b < blocks_.size(); ++b) {
    if (root_of_[b] >= 0) in.push_back(b);
  }
  auto heading = [&](uint32_t b) { return elems_[blocks_[b].owner].heading != 0; };
  auto content = [&](uint32_t b) {
    return kept_[b] && !heading(b) && !IsShortLine(blocks_[b]);
  };
  const auto first = std::find_if(in.begin(), in.end(), content);
  if (first == in.end()) return;
  const auto last = std::find_if(in.rbegin(), in.rend(), content).base() - 1;
  for (auto it = in.begin(); it != first; ++it) {
    if (!kept_[*it]) continue;
    if (elems_[blocks_[*it].owner].heading == 1) {
      kept_[*it] = 0, reason_[*it] = "title";
    } else if (!heading(*it)) {
      kept_[*it] = 0, reason_[*it] = "short-line";
    }
  }
  for (auto it = last + 1; it != in.end(); ++it) {
    if (kept_[*it] && !heading(*it)) kept_[*it] = 0, reason_[*it] = "short-line";
  }
  // A heading goes with the block under it: dropped with a list or a form,
  // or when nothing follows it.
  for (size_t i = 0; i < in.size(); ++i) {
    if (!kept_[in[i]] || !heading(in[i])) continue;
    size_t j = i + 1;
    while (j < in.size() && heading(in[j])) ++j;
    if (in.begin() + i > last) {
      kept_[in[i]] = 0;
      reason_[in[i]] = j < in.size() && !kept_[in[j]] ? reason_[in[j]] : "short-line";
    } else if (j < in.size() && !kept_[in[j]] && reason_[in[j]] != std::string_view("short-line") &&
               reason_[in[j]] != std::string_view("title")) {
      kept_[in[i]] = 0;
      reason_[in[i]] = reason_[in[j]];
    }
  }
}

std::string MatchKeyOf(std::string_view s) {
  std::string key = text::MatchKey(s);
  key.erase(std::remove_if(key.begin(), key.end(),
                           [](char c) { return c == ' ' || c == '.' || c == ':' || c == '-'; }),
            key.end());
  return key;
}

void Extractor::Choose() {
  Sum();
  FindLists();
  Score(/*in_comments=*/false);
  // A page whose every paragraph is in an element named after comments
  // ("comments-open" on <body>, the headline in an <h2>) is that element's.
  if (std::none_of(final_.begin(), final_.end(), [](double f) { return f > 0; })) {
    Score(/*in_comments=*/true);
  }
  ChooseRoots(ChooseTop());
}

void Extractor::Headings(std::string* headline, std::string* logo) const {
  // The first block of each <h1>.
  std::vector<uint32_t> h1s;
  for (uint32_t b = 0; b < blocks_.size(); ++b) {
    const Elem& owner = elems_[blocks_[b].owner];
    if (owner.heading == 1 && (b == 0 || elems_[blocks_[b - 1].owner].heading != 1 ||
                               blocks_[b - 1].owner != blocks_[b].owner)) {
      h1s.push_back(b);
    }
  }
  auto site_like = [&](uint32_t b) {
    const Block& block = blocks_[b];
    return OuterZone(block) != Zone::kNone || (block.links > 0 && block.link_chars == block.chars);
  };
  // Of several, the one inside the article; else the first neither in the
  // page's header or navigation nor a link (a logo links home).
  int64_t chosen = -1;
  for (uint32_t b : h1s) {
    if (root_of_[b] >= 0) chosen = chosen < 0 ? b : chosen;
  }
  if (h1s.size() < 2 || chosen < 0) {
    chosen = -1;
    for (uint32_t b : h1s) {
      if (!site_like(b)) {
        chosen = b;
        break;
      }
    }
  }
  if (chosen >= 0) *headline = blocks_[chosen].text;
  for (uint32_t b : h1s) {
    if (static_cast<int64_t>(b) != chosen) {
      *logo = blocks_[b].text;
      break;
    }
  }
}

void Extractor::Run(const std::string& title, HtmlArticle* out) {
  reason_.assign(blocks_.size(), nullptr);
  kept_.assign(blocks_.size(), 0);
  const std::string title_key = MatchKeyOf(title);
  for (uint32_t b = 0; b < blocks_.size(); ++b) {
    const Block& block = blocks_[b];
    Reason r = root_of_[b] >= 0 ? InsideReason(b, static_cast<uint32_t>(root_of_[b]))
                                : OutsideReason(block);
    // The headline is the title, not the text.
    if (!r && !title_key.empty() && block.text.size() <= 2 * title.size() + 16 &&
        block.stats.stops <= 1 && MatchKeyOf(block.text) == title_key) {
      r = "title";
    }
    reason_[b] = r;
    kept_[b] = r == nullptr;
  }
  FilterEdges();

  for (uint32_t b = 0; b < blocks_.size(); ++b) {
    const Block& block = blocks_[b];
    if (kept_[b]) {
      if (!out->text.empty()) out->text.append("\n\n");
      out->text.append(block.text);
      continue;
    }
    // Neighbouring blocks dropped for the same reason stay together.
    if (!out->boilerplate.empty() && out->boilerplate.back().reason == reason_[b] &&
        b > 0 && !kept_[b - 1]) {
      out->boilerplate.back().text.append("\n").append(block.text);
    } else {
      out->boilerplate.push_back({block.text, reason_[b]});
    }
  }
}

std::vector<std::string> Extractor::DatelineZone() const {
  // A few blocks before the article's first kept text (not in page
  // navigation, whose date is today's), and the head of that first text.
  uint32_t first = 0;
  while (first < blocks_.size() && !kept_[first]) ++first;
  if (first == blocks_.size()) return {};
  std::vector<std::string> zone;
  for (uint32_t b = first; b-- > (first >= 6 ? first - 6 : 0);) {
    const Zone z = OuterZone(blocks_[b]);
    if (z == Zone::kNone && blocks_[b].text.size() < 300 && !TellsAnUpdate(blocks_[b].text)) {
      zone.push_back(blocks_[b].text);
    }
  }
  std::string_view head = blocks_[first].text;
  size_t cut = std::min<size_t>(head.size(), 120);
  while (cut < head.size() && (static_cast<unsigned char>(head[cut]) & 0xC0) == 0x80) ++cut;
  zone.emplace_back(head.substr(0, cut));
  return zone;
}

// ---------------------------------------------------------------------------
// Title and date.

// What sites put between a headline, its section and their name.
constexpr std::string_view kTitleSeparators[] = {" | ", " - ", " – ", " — ", " :: ",
                                                 " « ", " » ", " ـ ", " / "};

// The parts of a title between those separators.
std::vector<std::string_view> TitleParts(std::string_view title) {
  std::vector<std::string_view> parts;
  while (true) {
    size_t at = std::string_view::npos, size = 0;
    for (std::string_view sep : kTitleSeparators) {
      const size_t found = title.find(sep);
      if (found < at) at = found, size = sep.size();
    }
    parts.push_back(title.substr(0, at));
    if (at == std::string_view::npos) return parts;
    title.remove_prefix(at + size);
  }
}

// The match keys of the words of `s`.
std::vector<std::string> WordKeys(std::string_view s) {
  std::vector<std::string> keys;
  while (!s.empty()) {
    const size_t space = s.find(' ');
    std::string key = MatchKeyOf(s.substr(0, space));
    if (!key.empty()) keys.push_back(std::move(key));
    s.remove_prefix(space == std::string_view::npos ? s.size() : space + 1);
  }
  return keys;
}

// Whether `part` of a title names the site `site`: the same words, or one
// more that says what kind of outlet it is (صحيفة الغد and الغد, الجزيرة نت
// and الجزيرة). Containing the name is not enough: headlines name cities and
// countries that are also newspapers.
bool NamesSite(std::string_view part, std::string_view site) {
  const std::string key = MatchKeyOf(part);
  if (key.empty() || site.empty()) return false;
  if (key == MatchKeyOf(site)) return true;
  static const auto* kOutletWords = [] {
    auto* set = new std::unordered_set<std::string>;
    // newspaper (two words), site, portal, magazine, channel, network, agency;
    // "net", "online", "electronic" (feminine and masculine)
    for (std::string_view w : {"صحيفة", "جريدة", "موقع", "بوابة", "مجلة", "قناة", "شبكة", "وكالة",
                               "نت", "أونلاين", "الإلكترونية", "الإلكتروني"}) {
      set->insert(MatchKeyOf(w));
    }
    return set;
  }();
  std::vector<std::string> longer = WordKeys(part), shorter = WordKeys(site);
  if (longer.size() < shorter.size()) std::swap(longer, shorter);
  if (shorter.empty() || longer.size() != shorter.size() + 1) return false;
  return (kOutletWords->contains(longer.front()) &&
          std::equal(shorter.begin(), shorter.end(), longer.begin() + 1)) ||
         (kOutletWords->contains(longer.back()) &&
          std::equal(shorter.begin(), shorter.end(), longer.begin()));
}

// The title without a " - Site" or "Site | " part, when that part names the
// site, is a domain, is the <h1> of the site's logo, or the title's other
// half is the page's headline <h1>.
std::string StripSiteName(const std::string& title, const std::string& site,
                          const std::string& h1, const std::string& logo) {
  const std::string h1_key = MatchKeyOf(h1), logo_key = MatchKeyOf(logo);
  auto is_site = [&](std::string_view part, std::string_view rest) {
    if (NamesSite(part, site)) return true;
    const bool domain = part.find(' ') == std::string_view::npos &&
                        part.find('.') != std::string_view::npos &&
                        std::all_of(part.begin(), part.end(),
                                    [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    return domain || (!h1_key.empty() && MatchKeyOf(rest) == h1_key) ||
           (!logo_key.empty() && MatchKeyOf(part) == logo_key);
  };
  for (std::string_view sep : kTitleSeparators) {
    const size_t last = title.rfind(sep);
    if (last != std::string::npos && last > 0) {
      const std::string_view head(title.data(), last);
      const std::string_view tail = std::string_view(title).substr(last + sep.size());
      if (is_site(tail, head)) return std::string(head);
    }
    const size_t first = title.find(sep);
    if (first != std::string::npos && first > 0) {
      const std::string_view head(title.data(), first);
      const std::string_view tail = std::string_view(title).substr(first + sep.size());
      if (is_site(head, tail)) return std::string(tail);
    }
  }
  return title;
}

// og:title, else <title>, without the site's name; the <h1> instead when
// that is only the site's name, or has the <h1> as one of its parts with a
// section or site name around it that StripSiteName could not tell.
std::string ChooseTitle(const PageMeta& meta, const std::string& h1, const std::string& logo) {
  const std::string h1_key = MatchKeyOf(h1);
  std::string site_only;
  for (const std::string* given : {&meta.og_title, &meta.title}) {
    if (given->empty()) continue;
    std::string title = StripSiteName(*given, meta.site_name, h1, logo);
    const std::vector<std::string_view> parts = TitleParts(title);
    if (!h1_key.empty() && parts.size() > 1) {
      // The headline is the longest part; an <h1> holding the site's logo
      // would be a short one.
      bool has_h1 = false;
      size_t longest_other = 0;
      for (std::string_view part : parts) {
        const std::string key = MatchKeyOf(part);
        if (key == h1_key) {
          has_h1 = true;
        } else {
          longest_other = std::max(longest_other, key.size());
        }
      }
      if (has_h1 && h1_key.size() > longest_other) return h1;
    }
    if (!NamesSite(title, meta.site_name)) return title;
    if (site_only.empty()) site_only = std::move(title);
  }
  return h1.empty() ? site_only : h1;
}

bool ValidDate(const text::Date& d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1900 || d.year > 2100 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  return d.day <= (d.month == 2 && !leap ? 28 : kDays[d.month - 1]);
}

// First date of day precision in display-normalised text, by the text layer.
std::optional<text::Date> FindDayDate(std::string_view display) {
  const std::vector<text::Token> tokens = text::Tokenize(display);
  for (const text::DateMention& m : text::FindDates(display, tokens, std::nullopt)) {
    if (m.precision == text::Precision::kDay && !m.relative && ValidDate(m.date)) return m.date;
  }
  return std::nullopt;
}

// A date written in a meta tag, JSON-LD or <time>: ISO 8601 and its common
// relatives (2024/03/05, 20240305), day-first 05/03/2024, English month names
// (Tue, 05 Mar 2024), or anything the text layer reads (Arabic month names).
std::optional<text::Date> ParseDateValue(std::string_view value) {
  const std::string s = text::Normalize(value.substr(0, 200), text::kDisplay).text;
  struct Group {
    int value;
    int digits;
    char sep;  // the character after the group
  };
  std::vector<Group> groups;
  for (size_t i = 0; i < s.size() && groups.size() < 3;) {
    if (s[i] < '0' || s[i] > '9') {
      ++i;
      continue;
    }
    Group g{0, 0, '\0'};
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (g.digits < 9) g.value = g.value * 10 + (s[i] - '0');
      ++g.digits, ++i;
    }
    g.sep = i < s.size() ? s[i] : '\0';
    groups.push_back(g);
  }
  auto is_sep = [](char c) { return c == '-' || c == '/' || c == '.'; };
  if (!groups.empty() && groups[0].digits == 8) {
    const text::Date d{groups[0].value / 10000, groups[0].value / 100 % 100,
                       groups[0].value % 100};
    if (ValidDate(d)) return d;
  }
  if (groups.size() == 3 && is_sep(groups[0].sep) && is_sep(groups[1].sep)) {
    if (groups[0].digits == 4) {
      const text::Date d{groups[0].value, groups[1].value, groups[2].value};
      if (ValidDate(d)) return d;
    } else if (groups[2].digits == 4) {
      text::Date d{groups[2].value, groups[1].value, groups[0].value};
      if (!ValidDate(d)) std::swap(d.month, d.day);  // month first, as in the US
      if (ValidDate(d)) return d;
    }
  }
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  for (size_t i = 0; i + 3 <= s.size(); ++i) {
    if (!IsAlpha(s[i]) || (i > 0 && IsAlpha(s[i - 1]))) continue;
    for (size_t m = 0; m < std::size(kMonths); ++m) {
      if (!EqualsLower(std::string_view(s).substr(i, 3), kMonths[m])) continue;
      int day = 0, year = 0;
      for (const Group& g : groups) {
        if (g.digits == 4 && !year) year = g.value;
        else if (g.digits <= 2 && !day) day = g.value;
      }
      const text::Date d{year, static_cast<int>(m) + 1, day};
      if (ValidDate(d)) return d;
    }
  }
  return FindDayDate(s);
}

// Whether a JSON-LD "@type" names an article (NewsArticle, Article,
// ReportageNewsArticle, BlogPosting, ...), not the page or site around it.
bool IsArticleType(const nlohmann::json& type) {
  if (type.is_array()) return std::any_of(type.begin(), type.end(), IsArticleType);
  if (!type.is_string()) return false;
  const std::string& t = type.get_ref<const std::string&>();
  return t.ends_with("Article") || t.ends_with("BlogPosting") || t == "Report";
}

// The "datePublished" of the first article object anywhere in `node` (an
// @graph lists the page, the site and the article, each with its date).
std::optional<text::Date> ArticleDate(const nlohmann::json& node, int depth = 0) {
  if (depth > 16) return std::nullopt;
  if (node.is_object()) {
    const auto type = node.find("@type");
    const auto date = node.find("datePublished");
    if (type != node.end() && IsArticleType(*type) && date != node.end() && date->is_string()) {
      if (auto d = ParseDateValue(date->get_ref<const std::string&>())) return d;
    }
  }
  if (node.is_object() || node.is_array()) {
    for (const auto& child : node) {
      if (auto d = ArticleDate(child, depth + 1)) return d;
    }
  }
  return std::nullopt;
}

// The article's "datePublished" in JSON-LD; failing that, or when the JSON is
// not valid (much JSON-LD on the web is not), the first "datePublished".
std::optional<text::Date> JsonLdDate(std::string_view json) {
  const nlohmann::json value = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (!value.is_discarded()) {
    if (auto d = ArticleDate(value)) return d;
  }
  static constexpr std::string_view kKey = "\"datePublished\"";
  for (size_t k = json.find(kKey); k != std::string_view::npos; k = json.find(kKey, k + 1)) {
    size_t i = k + kKey.size();
    while (i < json.size() && (IsHtmlSpace(json[i]) || json[i] == ':')) ++i;
    if (i >= json.size() || json[i] != '"') continue;
    const size_t end = json.find('"', i + 1);
    if (end == std::string_view::npos) break;
    if (auto d = ParseDateValue(json.substr(i + 1, end - i - 1))) return d;
  }
  return std::nullopt;
}

// Parses a slimmed page into the walker's blocks and metadata.
void Walk(const Slimmed& slim, Walker* walker) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // nobody reads them; recording costs time and memory
  GumboOutput* output = gumbo_parse_with_options(&options, slim.html.data(), slim.html.size());
  walker->Run(output->document);
  gumbo_destroy_output(&options, output);
}

}  // namespace

namespace internal {

std::string NormalizeDate(std::string_view value) {
  const std::optional<text::Date> d = ParseDateValue(value);
  return d ? text::FormatDate(*d, text::Precision::kDay) : std::string();
}

std::string FragmentText(std::string_view html) {
  const Slimmed slim = Slim(html);
  Walker walker(slim.runs);
  Walk(slim, &walker);
  std::string text;
  for (const Block& b : walker.blocks) {
    if (!text.empty()) text += "\n\n";
    text += b.text;
  }
  return text;
}

bool HasMarkup(std::string_view s) {
  static constexpr std::string_view kTags[] = {
      "p", "br", "div", "span", "a", "b", "i", "em", "strong", "h1", "h2", "h3", "h4",
      "h5", "h6", "ul", "ol", "li", "img", "figure", "figcaption", "blockquote", "table",
      "tr", "td", "section", "article", "iframe", "script", "style", "hr", "u", "sup"};
  for (size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
    size_t j = i + 1;
    if (j < s.size() && s[j] == '/') ++j;
    size_t end = j;
    while (end < s.size() && (IsAlpha(s[end]) || (end > j && s[end] >= '1' && s[end] <= '6'))) {
      ++end;
    }
    if (end == j || end == s.size()) continue;
    if (!IsHtmlSpace(s[end]) && s[end] != '>' && s[end] != '/') continue;
    const std::string_view name = s.substr(j, end - j);
    for (const std::string_view tag : kTags) {
      if (EqualsLower(name, tag)) return true;
    }
  }
  return false;
}

}  // namespace internal

HtmlArticle ExtractHtml(std::string_view html) {
  HtmlArticle article;
  const Slimmed slim = Slim(html);
  Walker walker(slim.runs);
  Walk(slim, &walker);

  const PageMeta& meta = walker.meta;
  Extractor extractor(walker);
  extractor.Choose();
  std::string h1, logo;
  extractor.Headings(&h1, &logo);
  article.title = ChooseTitle(meta, h1, logo);
  article.url = !meta.url.empty() ? meta.url : meta.og_url;
  extractor.Run(article.title, &article);

  // Meta tags, then JSON-LD, then <time>, then the dateline.
  std::optional<text::Date> date;
  if (meta.date_rank < kRankJsonLd) date = ParseDateValue(meta.date);
  for (size_t i = 0; i < slim.json_ld.size() && !date; ++i) date = JsonLdDate(slim.json_ld[i]);
  if (!date && !meta.date.empty()) date = ParseDateValue(meta.date);
  for (const std::string& line : extractor.DatelineZone()) {
    if (date) break;
    date = FindDayDate(text::Normalize(line, text::kDisplay).text);
  }
  if (date) article.published = text::FormatDate(*date, text::Precision::kDay);
  return article;
}

}  // namespace marsad::ingest
