// File readers: every supported format turned into Documents.
//
// A file is read whole (it is bounded by max_file_bytes), its format chosen
// by extension and checked against the bytes, and decoded to UTF-8 before
// any parsing, so that every parser below sees valid UTF-8. Containers
// (zip, WARC, JSON arrays) hand each entry back to the same dispatch, so an
// entry is read exactly as the same file would be on disk. Damage never
// aborts a batch: it becomes a Problem, and what was read before it is kept.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>
#include <zip.h>
#include <zlib.h>

#include "ingest/ingest.h"
#include "ingest/internal.h"
#include "text/text.h"

namespace marsad::ingest {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A title or dateline is a short line; longer lines are body text.
constexpr size_t kMaxHeadLineChars = 200;
// Text wrapped at a fixed width is wrapped at no fewer characters than this.
constexpr size_t kMinWrapChars = 40;
// Titles and datelines sit in the first few non-empty lines.
constexpr int kHeadLines = 5;
// More control bytes than this share of a file mean it is not text.
constexpr double kMaxControlShare = 0.05;
// A WARC header block longer than this is not a WARC header.
constexpr size_t kMaxWarcHeaderBytes = 1 << 16;
// Archives inside archives are read, but not without end.
constexpr int kMaxArchiveDepth = 3;
// Decompression works in pieces of this size.
constexpr size_t kChunkBytes = 1 << 18;

// ---------------------------------------------------------------------------
// Small string helpers (ASCII only: they classify syntax, not Arabic text).

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return AsciiLower(x) == AsciiLower(y);
         });
}

bool IStartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && IEquals(s.substr(0, prefix.size()), prefix);
}

bool IEndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && IEquals(s.substr(s.size() - suffix.size()), suffix);
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// A C0 control character or DEL (spaces among them: tab, newline ...).
bool IsControl(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7F;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// The first line of `s` without its line break, and `s` advanced past it.
std::string_view NextLine(std::string_view* s) {
  const size_t nl = s->find('\n');
  std::string_view line = s->substr(0, nl);
  s->remove_prefix(nl == std::string_view::npos ? s->size() : nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// Offset of the byte after the first empty line (CRLF or LF), or npos.
size_t EndOfHeaderBlock(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) return std::string_view::npos;
    if (nl == pos || (nl == pos + 1 && s[pos] == '\r')) return nl + 1;
    pos = nl + 1;
  }
  return std::string_view::npos;
}

// "Name: value" lines after a first line (WARC version or HTTP status).
using Headers = std::vector<std::pair<std::string_view, std::string_view>>;

Headers ParseHeaders(std::string_view block) {
  Headers headers;
  NextLine(&block);
  while (!block.empty()) {
    const std::string_view line = NextLine(&block);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    headers.emplace_back(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
  }
  return headers;
}

std::string_view Header(const Headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (IEquals(key, name)) return value;
  }
  return {};
}

// The charset named after "charset=" in a Content-Type value or a <meta> tag.
std::string FindCharset(std::string_view s) {
  const std::string lower = Lower(s);
  const size_t at = lower.find("charset");
  if (at == std::string::npos) return {};
  size_t i = at + 7;
  while (i < lower.size() &&
         (IsSpace(lower[i]) || lower[i] == '=' || lower[i] == '"' || lower[i] == '\'')) {
    ++i;
  }
  size_t end = i;
  while (end < lower.size() &&
         (std::isalnum(static_cast<unsigned char>(lower[end])) || lower[end] == '-' ||
          lower[end] == '_' || lower[end] == '.' || lower[end] == ':')) {
    ++end;
  }
  return lower.substr(i, end - i);
}

// Whether `s` begins as a page does, past what browsers and editors put
// before the first tag: a BOM, an XML declaration, comments (a saved page's
// "<!-- saved from url=... -->"). Pages without <html> begin with <head>,
// <meta> or <body>.
bool LooksLikeHtml(std::string_view s) {
  s = s.substr(0, 4096);
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  for (s = Trim(s); s.starts_with("<!--") || s.starts_with("<?");) {
    const std::string_view close = s[1] == '!' ? "-->" : "?>";
    const size_t end = s.find(close);
    if (end == std::string_view::npos) return false;
    s = Trim(s.substr(end + close.size()));
  }
  if (IStartsWith(s, "<!doctype html")) return true;
  for (std::string_view tag : {"<html", "<head", "<meta", "<body"}) {
    if (IStartsWith(s, tag) &&
        (s.size() == tag.size() || IsSpace(s[tag.size()]) || s[tag.size()] == '>' ||
         s[tag.size()] == '/')) {
      return true;
    }
  }
  return false;
}

// "aawsat.com" for "http://www.aawsat.com/home/article/1": the outlet a URL
// belongs to, when the input names none.
std::string HostOf(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  if (const size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  host = host.substr(0, host.find(':'));
  std::string out = Lower(host);
  if (out.starts_with("www.")) out.erase(0, 4);
  return out;
}

// CRLF and lone CR become LF, so that line-based code downstream sees one
// convention.
void NormalizeNewlines(std::string* s) {
  if (s->find('\r') == std::string::npos) return;
  size_t w = 0;
  for (size_t r = 0; r < s->size(); ++r) {
    if ((*s)[r] == '\r') {
      (*s)[w++] = '\n';
      if (r + 1 < s->size() && (*s)[r + 1] == '\n') ++r;
    } else {
      (*s)[w++] = (*s)[r];
    }
  }
  s->resize(w);
}

// Control characters other than tab and newline become spaces: JSON can
// carry any of them (\u0000), and stored text is sliced by SQL (a NUL ends
// it) and marked for snippets with control characters of its own.
void BlankControls(std::string* s) {
  for (char& ch : *s) {
    if (IsControl(ch) && ch != '\n' && ch != '\t') ch = ' ';
  }
}

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// Anything but spaces and invisible marks: some pages hold nothing but
// no-break spaces.
bool HasVisibleText(std::string_view s) {
  const auto length = static_cast<int64_t>(s.size());
  for (int64_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s.data(), i, length, c);
    if (c >= 0 && !u_isUWhiteSpace(c) &&
        !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
      return true;
    }
  }
  return false;
}

// Code points in `s`, counting no further than `limit`.
size_t CharsUpTo(std::string_view s, size_t limit) {
  size_t n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++n >= limit) break;
  }
  return n;
}

// ---------------------------------------------------------------------------
// Encodings.

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
    } else {
      return false;
    }
    if (i + len > n) return false;
    const unsigned char c1 = p[i + 1];
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
        (c == 0xF4 && c1 > 0x8F)) {
      return false;
    }
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

// NUL bytes or many control characters: an image, an archive, a database.
bool IsBinary(std::string_view s) {
  if (s.find('\0') != std::string_view::npos) return true;
  size_t controls = 0;
  for (const char ch : s) controls += IsControl(ch) && !IsSpace(ch);
  return static_cast<double>(controls) > kMaxControlShare * static_cast<double>(s.size());
}

// `bytes` in the named ICU charset, as UTF-8; nullopt if ICU does not know
// the charset. Unmappable bytes become U+FFFD.
std::optional<std::string> ConvertToUtf8(std::string_view bytes, const char* charset) {
  if (bytes.size() > INT32_MAX / 3) return std::nullopt;  // ICU counts in int32_t
  const auto length = static_cast<int32_t>(bytes.size());
  UErrorCode status = U_ZERO_ERROR;
  const int32_t needed = ucnv_convert("UTF-8", charset, nullptr, 0, bytes.data(), length, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return std::nullopt;
  std::string out(static_cast<size_t>(needed), '\0');
  status = U_ZERO_ERROR;
  ucnv_convert("UTF-8", charset, out.data(), needed, bytes.data(), length, &status);
  if (U_FAILURE(status)) return std::nullopt;
  return out;
}

// Windows-1256 is a single-byte code page: each byte's UTF-8 form, and
// whether it is an Arabic letter, mark or punctuation, from ICU's table.
struct Cp1256Table {
  std::array<std::string, 256> utf8;
  std::array<bool, 256> arabic{};
  bool ok = false;
};

const Cp1256Table& Cp1256() {
  static const Cp1256Table table = [] {
    Cp1256Table t;
    std::array<char, 256> bytes;
    for (int b = 0; b < 256; ++b) bytes[static_cast<size_t>(b)] = static_cast<char>(b);
    std::array<UChar, 257> units;
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open("windows-1256", &status);
    if (U_FAILURE(status)) return t;
    const int32_t n = ucnv_toUChars(conv, units.data(), 257, bytes.data(), 256, &status);
    ucnv_close(conv);
    if (U_FAILURE(status) || n != 256) return t;  // every byte maps to one BMP character
    for (size_t b = 0; b < 256; ++b) {
      const UChar32 c = units[b];
      std::array<uint8_t, 4> buf;
      int32_t len = 0;
      U8_APPEND_UNSAFE(buf.data(), len, c);
      t.utf8[b].assign(reinterpret_cast<const char*>(buf.data()), static_cast<size_t>(len));
      t.arabic[b] = c >= 0x0600 && c <= 0x06FF;
    }
    t.ok = true;
    return t;
  }();
  return table;
}

// How the bytes >= 0x80 of some text look under Windows-1256.
struct HighBytes {
  size_t total = 0;
  size_t arabic = 0;  // Arabic letters, marks or punctuation in cp1256
  size_t paired = 0;  // next to another high byte

  void Add(std::string_view s) {
    const Cp1256Table& t = Cp1256();
    for (size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) continue;
      ++total;
      if (t.arabic[c]) ++arabic;
      if ((i > 0 && static_cast<unsigned char>(s[i - 1]) >= 0x80) ||
          (i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80)) {
        ++paired;
      }
    }
  }
  // Arabic words are runs of high bytes that nearly all decode to Arabic
  // letters; Latin-1 text (cp1252) has isolated accented letters between
  // ASCII ones, a few of which (ä, ß) would also pass as Arabic letters.
  bool LooksCp1256() const {
    return Cp1256().ok && total > 0 && arabic * 10 >= total * 8 && paired * 2 >= total;
  }
  // Enough bytes for a line to be judged on its own.
  bool Conclusive() const { return total >= 8; }
};

// Invalid UTF-8, decoded line by line: a line whose high bytes look like
// cp1256 Arabic is converted, any other is repaired. Line by line, because
// files stitched from UTF-8 and cp1256 sources are common in scraped news.
// A line with too few high bytes to judge follows the verdict on all the
// lines that are not UTF-8.
std::string DecodeMixed(std::string_view bytes, std::string* why) {
  const auto for_each_line = [bytes](auto&& f) {
    for (std::string_view rest = bytes; !rest.empty();) {
      const size_t nl = rest.find('\n');
      const std::string_view line = rest.substr(0, nl == std::string_view::npos ? nl : nl + 1);
      rest.remove_prefix(line.size());
      f(line, IsValidUtf8(line));
    }
  };
  HighBytes all_bad;
  size_t bad_lines = 0;
  bool has_utf8_high = false;  // a valid UTF-8 line with non-ASCII text
  for_each_line([&](std::string_view line, bool valid) {
    if (valid) {
      has_utf8_high = has_utf8_high || std::any_of(line.begin(), line.end(), [](char c) {
                        return static_cast<unsigned char>(c) >= 0x80;
                      });
    } else {
      all_bad.Add(line);
      ++bad_lines;
    }
  });
  const bool file_cp1256 = all_bad.LooksCp1256();
  const Cp1256Table& cp1256 = Cp1256();
  std::string out;
  out.reserve(bytes.size() * 2);
  uint32_t replaced = 0;
  size_t converted = 0;
  for_each_line([&](std::string_view line, bool valid) {
    if (valid) {
      out.append(line);
      return;
    }
    HighBytes high;
    high.Add(line);
    if (high.Conclusive() ? high.LooksCp1256() : file_cp1256) {
      for (const char c : line) out.append(cp1256.utf8[static_cast<unsigned char>(c)]);
      ++converted;
    } else {
      uint32_t n = 0;
      out.append(text::RepairUtf8(line, &n));
      replaced += n;
    }
  });
  std::vector<std::string> notes;
  if (replaced > 0) notes.push_back("invalid UTF-8: " + Plural(replaced, "sequence") + " replaced");
  if (converted > 0 && (has_utf8_high || converted < bad_lines)) {
    notes.push_back("mixed encodings: " + Plural(converted, "line") +
                    " converted from Windows-1256");
  }
  for (const std::string& note : notes) *why += (why->empty() ? "" : "; ") + note;
  return out;
}

bool HasBom(std::string_view b) {
  return b.starts_with("\xEF\xBB\xBF") || b.starts_with("\xFF\xFE") || b.starts_with("\xFE\xFF");
}

// Text whose charset was declared (HTTP header, <meta>). The declaration is
// honoured only where it matters: a BOM wins over it, and bytes that are
// valid UTF-8 are UTF-8 whatever the page claims.
std::optional<std::string> DecodeDeclared(std::string_view bytes, const std::string& charset,
                                          std::string* why) {
  if (charset.empty() || charset == "utf-8" || charset == "utf8" || HasBom(bytes) ||
      IsValidUtf8(bytes)) {
    return DecodeText(bytes, why);
  }
  why->clear();
  if (IsBinary(bytes)) {
    *why = "binary file";
    return std::nullopt;
  }
  std::optional<std::string> text = ConvertToUtf8(bytes, charset.c_str());
  return text ? text : DecodeText(bytes, why);
}

// ---------------------------------------------------------------------------
// Dates.

// Words that may stand next to a date in a dateline without making it more
// than a date: weekdays, times of day, and the labels around them.
const std::unordered_set<std::string>& DatelineWords() {
  static const auto* words = [] {
    auto* set = new std::unordered_set<std::string>;
    for (std::string_view group : {
             // Saturday, Sunday, Monday (two spellings), Tuesday, Wednesday, Thursday, Friday; day
             "السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة يوم",
             // o'clock; morning, evening, noon, dawn; a.m., p.m.
             "الساعة صباحا مساء ظهرا فجرا ص م",
             // "time of Greenwich" (two spellings), "of Mecca the Honoured"
             "بتوقيت غرينتش جرينتش مكة المكرمة",
             // published, on, dated, date, the publication, last, update, corresponding to
             // (before the Hijri date)
             "نشر في بتاريخ تاريخ النشر آخر تحديث الموافق",
             "am pm gmt utc",
         }) {
      while (!group.empty()) {
        const size_t space = group.find(' ');
        set->insert(text::MatchKey(group.substr(0, space)));
        group.remove_prefix(space == std::string_view::npos ? group.size() : space + 1);
      }
    }
    return set;
  }();
  return *words;
}

struct LineDate {
  std::optional<text::Date> date;  // the first full (day precision) date
  bool only_date = false;          // nothing else on the line but dateline words
};

LineDate ScanLineForDate(std::string_view line) {
  LineDate result;
  const text::Normalized n = text::Normalize(line, text::kDisplay);
  const std::vector<text::Token> tokens = text::Tokenize(n.text);
  const std::vector<text::DateMention> dates = text::FindDates(n.text, tokens, std::nullopt);
  for (const text::DateMention& d : dates) {
    if (d.precision == text::Precision::kDay && !d.relative) {
      result.date = d.date;
      break;
    }
  }
  if (!result.date) return result;
  const auto in_date = [&](const text::Token& t) {
    return std::any_of(dates.begin(), dates.end(), [&](const text::DateMention& d) {
      return t.span.begin >= d.span.begin && t.span.end <= d.span.end;
    });
  };
  result.only_date = std::all_of(tokens.begin(), tokens.end(), [&](const text::Token& t) {
    if (in_date(t) || t.kind == text::TokenKind::kPunct || t.kind == text::TokenKind::kSymbol ||
        t.kind == text::TokenKind::kNumber) {
      return true;
    }
    const std::string_view word = std::string_view(n.text).substr(t.span.begin, t.span.size());
    return DatelineWords().contains(text::MatchKey(word));
  });
  return result;
}

// The line without the closing quotes and brackets it ends with.
std::string_view WithoutClosers(std::string_view line) {
  for (bool again = true; again;) {
    again = false;
    // » ” ’ are closing guillemet and quotes.
    for (const std::string_view closer : {"\"", "'", ")", "]", "»", "”", "’"}) {
      if (line.ends_with(closer)) {
        line.remove_suffix(closer.size());
        again = true;
      }
    }
  }
  return line;
}

// Ends like a sentence: full stop, comma, colon... (also inside closing
// quotes or brackets).
bool EndsWithSentencePunctuation(std::string_view line) {
  line = WithoutClosers(line);
  // … ، ؛ ؟ are the ellipsis and the Arabic comma, semicolon and question mark.
  for (const std::string_view mark : {".", "!", "?", ":", ";", ",", "…", "،", "؛", "؟"}) {
    if (line.ends_with(mark)) return true;
  }
  return false;
}

// Whether a line of `chars` characters, followed by `text` from `next` on,
// is the first line of a hard-wrapped paragraph rather than a headline: the
// lines right below it (no blank line between) are all short, as a fixed
// width makes them, and it is about as long as the longest of them.
bool StartsWrappedParagraph(std::string_view text, size_t next, size_t chars) {
  size_t longest = 0;
  std::string_view rest = text.substr(next);
  // A headline followed by its dateline is not the start of a paragraph.
  {
    std::string_view probe = rest;
    std::string_view following;
    while (!probe.empty() && (following = Trim(NextLine(&probe))).empty()) {
    }
    if (!following.empty() && ScanLineForDate(following).only_date) return false;
  }
  for (int i = 0; i < 3 && !rest.empty(); ++i) {
    const std::string_view line = Trim(NextLine(&rest));
    if (line.empty()) break;
    const size_t n = CharsUpTo(line, kMaxHeadLineChars);
    if (n >= kMaxHeadLineChars) return false;  // a paragraph on one line: nothing is wrapped
    longest = std::max(longest, n);
  }
  return longest >= kMinWrapChars && chars * 5 >= longest * 4;
}

// ---------------------------------------------------------------------------
// Formats.

enum class Format { kText, kHtml, kJsonLines, kJson, kZip, kWarc, kUnsupported };

Format FormatOf(std::string_view name) {
  if (IEndsWith(name, ".txt")) return Format::kText;
  if (IEndsWith(name, ".html") || IEndsWith(name, ".htm")) return Format::kHtml;
  if (IEndsWith(name, ".jsonl")) return Format::kJsonLines;
  if (IEndsWith(name, ".json")) return Format::kJson;
  if (IEndsWith(name, ".zip")) return Format::kZip;
  if (IEndsWith(name, ".warc") || IEndsWith(name, ".warc.gz")) return Format::kWarc;
  return Format::kUnsupported;
}

bool IsGzip(std::string_view b) { return b.size() >= 2 && b[0] == '\x1F' && b[1] == '\x8B'; }

// Inflates a whole gzip or zlib buffer (an HTTP Content-Encoding), up to
// `limit` bytes of output; nullopt if the data is damaged or too large.
std::optional<std::string> Inflate(std::string_view in, size_t limit) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return std::nullopt;  // +32: gzip or zlib header
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT32_MAX));
  std::string out;
  int ret = Z_OK;
  while (ret == Z_OK && out.size() <= limit) {
    const size_t had = out.size();
    out.resize(had + kChunkBytes);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + had);
    zs.avail_out = static_cast<uInt>(kChunkBytes);
    ret = inflate(&zs, Z_NO_FLUSH);
    out.resize(out.size() - zs.avail_out);
  }
  inflateEnd(&zs);
  if (ret != Z_STREAM_END || out.size() > limit) return std::nullopt;
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = AsciiLower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// HTTP chunked transfer coding removed; nullopt if malformed.
std::optional<std::string> Dechunk(std::string_view body) {
  std::string out;
  for (;;) {
    if (body.empty()) return std::nullopt;
    const std::string_view size_line = NextLine(&body);
    size_t size = 0;
    size_t digits = 0;
    for (; digits < size_line.size() && HexValue(size_line[digits]) >= 0; ++digits) {
      if (digits == 15) return std::nullopt;
      size = size * 16 + static_cast<size_t>(HexValue(size_line[digits]));
    }
    if (digits == 0 || size > body.size()) return std::nullopt;
    if (size == 0) return out;
    out.append(body.substr(0, size));
    body.remove_prefix(size);
    NextLine(&body);  // the CRLF after the chunk
  }
}

// Reads one file's bytes into *out; false with *why on failure.
bool ReadWholeFile(const std::string& path, size_t max_bytes, std::string* out, std::string* why) {
  const auto error = [&](const char* what) {
    *why = std::string(what) + ": " + std::generic_category().message(errno);
    return false;
  };
  // O_NONBLOCK: a FIFO given by mistake must not hang the batch.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return error("cannot open file");
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (::fstat(fd, &st) != 0) return error("cannot read file");
  if (!S_ISREG(st.st_mode)) {
    *why = S_ISDIR(st.st_mode) ? "is a directory, not a file" : "not a regular file";
    return false;
  }
  const auto size = static_cast<size_t>(st.st_size);
  if (size > max_bytes) {
    *why = "file too large (" + std::to_string(size) + " bytes; the limit is " +
           std::to_string(max_bytes) + ")";
    return false;
  }
  out->resize(size);
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd, out->data() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return error("cannot read file");
    if (n == 0) break;  // the file shrank while being read
    done += static_cast<size_t>(n);
  }
  out->resize(done);
  return true;
}

// ---------------------------------------------------------------------------
// The reader: one per ReadFile call, so nothing is shared between threads.

class Reader {
 public:
  Reader(const ReadOptions& options, std::vector<Document>* docs, std::vector<Problem>* problems)
      : options_(options), docs_(docs), problems_(problems) {}

  // A problem with `path`; the document may still have been read.
  void Report(std::string path, std::string reason) {
    problems_->push_back({std::move(path), std::move(reason)});
  }

  size_t max_bytes() const { return options_.max_file_bytes; }

  // Bytes of a file or container entry at `path`, its format taken from `name`.
  void Bytes(const std::string& path, std::string_view name, std::string_view bytes, int depth);

  // Decoded HTML from a file or a WARC record; `fallback` fills what the
  // page does not say.
  void Html(const std::string& path, std::string html, const Document& fallback);

 private:
  std::optional<std::string> Decode(const std::string& path, std::string_view bytes,
                                    const std::string& charset = {});
  void PlainText(const std::string& path, std::string text);
  void Json(const std::string& path, std::string_view text, bool lines);
  void JsonLines(const std::string& path, std::string_view text);
  void JsonArray(const std::string& path, std::string_view text);
  void JsonObject(const std::string& path, const json& value);
  void Zip(const std::string& path, std::string_view bytes, int depth);
  void Warc(const std::string& path, std::string_view bytes);
  void Add(Document doc);

  const ReadOptions& options_;
  std::vector<Document>* docs_;
  std::vector<Problem>* problems_;
};

// Record by record over an uncompressed WARC stream fed in pieces, so that a
// crawl of many gigabytes never sits in memory whole.
class WarcParser {
 public:
  WarcParser(Reader* reader, const std::string& path, bool compressed)
      : reader_(reader), path_(path), compressed_(compressed) {}

  // The next byte fed is the first of a gzip member at `file_offset`.
  void StartMember(uint64_t file_offset) { members_.emplace_back(fed_, file_offset); }
  // Parses every complete record; false once damage stopped the parse.
  bool Feed(std::string_view bytes);
  // End of input. `cut_short`: the caller already reported a damaged stream,
  // so an incomplete last record needs no message of its own.
  void Finish(bool cut_short);

 private:
  void Parse();
  void Record(uint64_t offset, std::string_view header_block, std::string_view content);
  void Stop(uint64_t offset, const std::string& reason) {
    reader_->Report(Locate(offset), reason);
    stopped_ = true;
  }
  // "file.warc#OFFSET"; for gzip, the offset of the member holding the record
  // (what WARC indexes give), "+N" if it does not start that member.
  std::string Locate(uint64_t offset) const;

  Reader* reader_;
  const std::string& path_;
  bool compressed_;
  std::string buf_;          // bytes fed but not yet parsed
  uint64_t buf_offset_ = 0;  // stream offset of buf_[0]
  uint64_t fed_ = 0;         // stream offset after everything fed
  uint64_t skip_ = 0;        // bytes of an oversized record still to discard
  bool stopped_ = false;
  std::vector<std::pair<uint64_t, uint64_t>> members_;  // stream offset, file offset
};

bool WarcParser::Feed(std::string_view bytes) {
  fed_ += bytes.size();
  if (stopped_) return false;
  const size_t skipped = static_cast<size_t>(std::min<uint64_t>(skip_, bytes.size()));
  skip_ -= skipped;
  buf_offset_ += skipped;
  buf_.append(bytes.substr(skipped));
  Parse();
  return !stopped_;
}

void WarcParser::Parse() {
  size_t pos = 0;
  while (!stopped_) {
    while (pos < buf_.size() && (buf_[pos] == '\r' || buf_[pos] == '\n')) ++pos;
    if (pos == buf_.size()) break;
    const uint64_t offset = buf_offset_ + pos;
    const std::string_view rest = std::string_view(buf_).substr(pos);
    const size_t header_size = EndOfHeaderBlock(rest.substr(0, kMaxWarcHeaderBytes));
    const std::string_view magic = std::string_view("WARC/").substr(0, rest.size());
    if (!rest.starts_with(magic)) {
      Stop(offset, "not a WARC record");
      break;
    }
    if (header_size == std::string_view::npos) {
      if (rest.size() >= kMaxWarcHeaderBytes) Stop(offset, "WARC record header too long");
      break;  // wait for more bytes
    }
    const std::string_view header_block = rest.substr(0, header_size);
    const std::string_view length_text = Header(ParseHeaders(header_block), "Content-Length");
    uint64_t length = 0;
    if (length_text.empty() || length_text.size() > 15 ||
        !std::all_of(length_text.begin(), length_text.end(),
                     [](char c) { return c >= '0' && c <= '9'; })) {
      Stop(offset, "WARC record without a valid Content-Length");
      break;
    }
    for (const char c : length_text) length = length * 10 + static_cast<uint64_t>(c - '0');
    const size_t available = rest.size() - header_size;
    if (length > reader_->max_bytes()) {
      reader_->Report(Locate(offset),
                      "WARC record too large (" + std::to_string(length) + " bytes)");
      if (available >= length) {
        pos += header_size + length;
        continue;
      }
      skip_ = length - available;
      pos = buf_.size();
      break;
    }
    if (available < length) break;  // wait for more bytes
    Record(offset, header_block, rest.substr(header_size, length));
    pos += header_size + length;
  }
  buf_.erase(0, pos);
  buf_offset_ += pos;
}

void WarcParser::Finish(bool cut_short) {
  if (stopped_ || cut_short) return;
  const size_t start = buf_.find_first_not_of("\r\n");
  if (skip_ > 0 || start != std::string::npos) {
    reader_->Report(Locate(buf_offset_ + (start == std::string::npos ? 0 : start)),
                    "truncated WARC record");
  }
}

std::string WarcParser::Locate(uint64_t offset) const {
  if (!compressed_ || members_.empty()) return path_ + "#" + std::to_string(offset);
  auto it = std::upper_bound(members_.begin(), members_.end(), offset,
                             [](uint64_t o, const auto& m) { return o < m.first; });
  if (it != members_.begin()) --it;
  std::string where = path_ + "#" + std::to_string(it->second);
  if (offset != it->first) where += "+" + std::to_string(offset - it->first);
  return where;
}

void WarcParser::Record(uint64_t offset, std::string_view header_block, std::string_view content) {
  const Headers warc = ParseHeaders(header_block);
  // Requests, metadata and warcinfo records carry no article.
  if (!IEquals(Header(warc, "WARC-Type"), "response")) return;
  // dns: and other non-HTTP responses carry no article either.
  if (!content.starts_with("HTTP/")) return;
  const std::string where = Locate(offset);
  const size_t head_size = EndOfHeaderBlock(content);
  if (head_size == std::string_view::npos) {
    reader_->Report(where, "malformed HTTP response in WARC record");
    return;
  }
  std::string_view head = content;
  const std::string_view status_line = NextLine(&head);
  const size_t space = status_line.find(' ');
  const std::string_view status = space == std::string_view::npos
                                      ? std::string_view()
                                      : Trim(status_line.substr(space + 1)).substr(0, 3);
  // Redirects and errors are not articles.
  if (!status.starts_with('2')) return;
  const Headers http = ParseHeaders(content.substr(0, head_size));
  const std::string_view content_type = Header(http, "Content-Type");
  std::string_view body = content.substr(head_size);
  const std::string media = Lower(Trim(content_type.substr(0, content_type.find(';'))));
  const bool html = media == "text/html" || media == "application/xhtml+xml" ||
                    (media.empty() && LooksLikeHtml(body));
  if (!html) return;  // images, scripts, style sheets

  std::string decoded;
  if (Lower(Header(http, "Transfer-Encoding")).find("chunked") != std::string::npos) {
    std::optional<std::string> d = Dechunk(body);
    if (!d) {
      reader_->Report(where, "malformed chunked HTTP body");
      return;
    }
    decoded = std::move(*d);
    body = decoded;
  }
  const std::string encoding = Lower(Trim(Header(http, "Content-Encoding")));
  if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
    std::optional<std::string> d = Inflate(body, reader_->max_bytes());
    if (!d) {
      reader_->Report(where, "corrupt or oversized " + encoding + " HTTP body");
      return;
    }
    decoded = std::move(*d);
    body = decoded;
  } else if (!encoding.empty() && encoding != "identity") {
    reader_->Report(where, "unsupported HTTP content encoding \"" + encoding + "\"");
    return;
  }

  std::string charset = FindCharset(content_type);
  if (charset.empty()) charset = FindCharset(body.substr(0, 4096));
  std::string why;
  std::optional<std::string> text = DecodeDeclared(body, charset, &why);
  if (!why.empty()) reader_->Report(where, why);
  if (!text) return;
  Document fallback;
  std::string_view uri = Header(warc, "WARC-Target-URI");
  if (uri.starts_with('<') && uri.ends_with('>')) uri = uri.substr(1, uri.size() - 2);
  fallback.url = std::string(uri);
  fallback.published = internal::NormalizeDate(Header(warc, "WARC-Date"));
  reader_->Html(where, std::move(*text), fallback);
}

void Reader::Bytes(const std::string& path, std::string_view name, std::string_view bytes,
                   int depth) {
  if (bytes.empty()) {
    Report(path, "empty file");
    return;
  }
  const Format format = FormatOf(name);
  switch (format) {
    case Format::kZip:
      Zip(path, bytes, depth);
      return;
    case Format::kWarc:
      Warc(path, bytes);
      return;
    case Format::kText:
      if (std::optional<std::string> text = Decode(path, bytes)) {
        // Saved web pages often end in .txt.
        if (LooksLikeHtml(*text)) {
          Html(path, std::move(*text), {});
        } else {
          PlainText(path, std::move(*text));
        }
      }
      return;
    case Format::kHtml:
      if (std::optional<std::string> text =
              Decode(path, bytes, FindCharset(bytes.substr(0, 4096)))) {
        // A page without a single tag is plain text under the wrong name.
        if (text->find('<') == std::string::npos) {
          PlainText(path, std::move(*text));
        } else {
          Html(path, std::move(*text), {});
        }
      }
      return;
    case Format::kJsonLines:
    case Format::kJson:
      if (std::optional<std::string> text = Decode(path, bytes)) {
        Json(path, *text, format == Format::kJsonLines);
      }
      return;
    case Format::kUnsupported:
      Report(path,
             "unsupported file type (not .txt, .html, .htm, .json, .jsonl, .zip, .warc, "
             ".warc.gz)");
      return;
  }
}

std::optional<std::string> Reader::Decode(const std::string& path, std::string_view bytes,
                                          const std::string& charset) {
  std::string why;
  std::optional<std::string> text = DecodeDeclared(bytes, charset, &why);
  if (!why.empty()) Report(path, why);
  return text;
}

void Reader::Add(Document doc) {
  NormalizeNewlines(&doc.text);
  BlankControls(&doc.text);
  BlankControls(&doc.title);
  const std::string_view trimmed = Trim(doc.text);
  if (!HasVisibleText(trimmed)) {
    Report(doc.path, "no article text");
    return;
  }
  if (trimmed.size() != doc.text.size()) doc.text = std::string(trimmed);
  doc.title = std::string(Trim(doc.title));
  if (!options_.source.empty()) doc.source = options_.source;
  if (doc.source.empty()) doc.source = HostOf(doc.url);
  if (!options_.published.empty()) doc.published = options_.published;
  docs_->push_back(std::move(doc));
}

void Reader::PlainText(const std::string& path, std::string text) {
  Document doc;
  doc.path = path;
  doc.text = std::move(text);
  NormalizeNewlines(&doc.text);
  FindTitleAndDate(&doc);
  Add(std::move(doc));
}

void Reader::Html(const std::string& path, std::string html, const Document& fallback) {
  HtmlArticle article = ExtractHtml(html);
  Document doc;
  doc.path = path;
  doc.url = fallback.url.empty() ? std::move(article.url) : fallback.url;
  doc.title = std::move(article.title);
  doc.published = article.published.empty() ? fallback.published : std::move(article.published);
  doc.text = std::move(article.text);
  doc.boilerplate = std::move(article.boilerplate);
  Add(std::move(doc));
}

void Reader::Json(const std::string& path, std::string_view text, bool lines) {
  const std::string_view body = Trim(text);
  if (body.starts_with('[')) {
    JsonArray(path, text);
  } else if (lines) {
    JsonLines(path, text);
  } else if (body.starts_with('{')) {
    // One object in the whole file, or JSON Lines under a .json name.
    json value = json::parse(body.begin(), body.end(), nullptr, false);
    if (value.is_discarded()) {
      JsonLines(path, text);
    } else {
      JsonObject(path, value);
    }
  } else {
    Report(path, "not JSON (neither an array nor an object)");
  }
}

void Reader::JsonLines(const std::string& path, std::string_view text) {
  size_t line_number = 0;
  while (!text.empty()) {
    const std::string_view line = Trim(NextLine(&text));
    ++line_number;
    if (line.empty()) continue;
    const std::string where = path + ":" + std::to_string(line_number);
    json value = json::parse(line.begin(), line.end(), nullptr, false);
    if (value.is_discarded()) {
      Report(where, "not valid JSON");
    } else {
      JsonObject(where, value);
    }
  }
}

// Elements of a top-level array, found by a scan that knows strings and
// nesting, then parsed one at a time: a damaged element costs only itself,
// a truncated file keeps the elements before the cut, and each document is
// named by the line its object starts on.
void Reader::JsonArray(const std::string& path, std::string_view text) {
  size_t line = 1;
  size_t i = text.find('[');
  line +=
      static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<ptrdiff_t>(i), '\n'));
  ++i;
  for (;;) {
    while (i < text.size() && (IsSpace(text[i]) || text[i] == ',')) {
      if (text[i] == '\n') ++line;
      ++i;
    }
    if (i < text.size() && text[i] == ']') return;
    const size_t start = i;
    const size_t start_line = line;
    int depth = 0;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '"') {
        // To the closing quote: the next one not escaped by an odd run of
        // backslashes. Strings are most of the bytes, so this jumps.
        for (;;) {
          i = text.find('"', i + 1);
          if (i == std::string_view::npos) break;
          size_t backslashes = 0;
          while (text[i - 1 - backslashes] == '\\') ++backslashes;
          if (backslashes % 2 == 0) break;
        }
        if (i >= text.size()) break;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (depth == 0) break;
        --depth;
      } else if (c == ',' && depth == 0) {
        break;
      } else if (c == '\n') {
        ++line;
      }
    }
    const std::string where = path + ":" + std::to_string(start_line);
    if (i >= text.size()) {
      Report(where, "truncated JSON array");
      return;
    }
    if (i == start) {  // a stray '}'
      Report(where, "not valid JSON");
      ++i;
      continue;
    }
    const std::string_view element = text.substr(start, i - start);
    json value = json::parse(element.begin(), element.end(), nullptr, false);
    if (value.is_discarded()) {
      Report(where, "not valid JSON");
    } else {
      JsonObject(where, value);
    }
  }
}

void Reader::JsonObject(const std::string& path, const json& value) {
  if (!value.is_object()) {
    Report(path, "not a JSON object");
    return;
  }
  Document doc;
  doc.path = path;
  json extra = json::object();
  for (const auto& [key, field] : value.items()) {
    std::string* target = nullptr;
    if (key == "url") {
      target = &doc.url;
    } else if (key == "title") {
      target = &doc.title;
    } else if (key == "source") {
      target = &doc.source;
    } else if (key == "content" || key == "text") {
      target = &doc.text;
    } else if (key == "date" || key == "published" || key == "date_extracted") {
      target = &doc.published;
    }
    // Known names with an unexpected value, or taken already ("text" after
    // "content"), are kept with the unknown ones rather than lost.
    if (target == nullptr || !target->empty() || !field.is_string()) {
      if (!field.is_null()) extra[key] = field;
      continue;
    }
    *target = field.get<std::string>();
    if (target == &doc.published) {
      *target = internal::NormalizeDate(*target);
      if (target->empty()) extra[key] = field;
    }
  }
  if (!extra.empty()) doc.extra_json = extra.dump(-1, ' ', false, json::error_handler_t::replace);
  // Feeds and scrapers store bodies as HTML: a whole page is read as a page
  // (the record's own fields first), a fragment for its text.
  if (LooksLikeHtml(doc.text)) {
    HtmlArticle page = ExtractHtml(doc.text);
    doc.text = std::move(page.text);
    doc.boilerplate = std::move(page.boilerplate);
    if (doc.title.empty()) doc.title = std::move(page.title);
    if (doc.url.empty()) doc.url = std::move(page.url);
    if (doc.published.empty()) doc.published = std::move(page.published);
  } else {
    doc.text = ContentText(doc.text);
  }
  Add(std::move(doc));
}

void Reader::Zip(const std::string& path, std::string_view bytes, int depth) {
  if (depth >= kMaxArchiveDepth) {
    Report(path, "archive nested too deeply");
    return;
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (archive == nullptr) {
    if (source) zip_source_free(source);
    Report(path, "corrupt zip archive (" + Lower(zip_error_strerror(&error)) + ")");
    zip_error_fini(&error);
    return;
  }
  zip_error_fini(&error);
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  size_t supported = 0;
  std::string entry;
  for (zip_int64_t i = 0; i < count; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    const char* raw_name = zip_get_name(archive, index, 0);
    if (raw_name == nullptr) continue;
    const std::string_view name = raw_name;
    const std::string_view base = name.substr(name.find_last_of('/') + 1);
    // Folders, hidden files and macOS resource forks are not articles.
    if (base.empty() || base.starts_with('.') || name.starts_with("__MACOSX/") ||
        FormatOf(name) == Format::kUnsupported) {
      continue;
    }
    ++supported;
    const std::string where = path + "!" + std::string(name);
    zip_stat_t st;
    if (zip_stat_index(archive, index, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
      Report(where, "corrupt zip entry (" + Lower(zip_strerror(archive)) + ")");
      continue;
    }
    if (st.size > max_bytes()) {
      Report(where, "file too large (" + std::to_string(st.size) + " bytes; the limit is " +
                        std::to_string(max_bytes()) + ")");
      continue;
    }
    zip_file_t* file = zip_fopen_index(archive, index, 0);
    if (file == nullptr) {
      Report(where, "cannot read zip entry (" + Lower(zip_strerror(archive)) + ")");
      continue;
    }
    entry.resize(static_cast<size_t>(st.size));
    size_t done = 0;
    zip_int64_t n = 0;
    while (done < entry.size() &&
           (n = zip_fread(file, entry.data() + done, entry.size() - done)) > 0) {
      done += static_cast<size_t>(n);
    }
    // Reading to the end is what makes libzip check the CRC.
    char probe;
    if (n >= 0 && done == entry.size()) n = zip_fread(file, &probe, 1);
    if (n < 0 || done != entry.size()) {
      Report(where, "corrupt zip entry (" +
                        Lower(n < 0 ? zip_file_strerror(file) : "data cut short") + ")");
      zip_fclose(file);
      continue;
    }
    zip_fclose(file);
    Bytes(where, name, entry, depth + 1);
  }
  zip_discard(archive);
  if (supported == 0) Report(path, "no supported files in zip archive");
}

void Reader::Warc(const std::string& path, std::string_view bytes) {
  if (!IsGzip(bytes)) {
    if (!bytes.starts_with("WARC/")) {
      Report(path, "not a WARC file");
      return;
    }
    WarcParser parser(this, path, /*compressed=*/false);
    for (size_t at = 0; at < bytes.size(); at += kChunkBytes) {
      if (!parser.Feed(bytes.substr(at, kChunkBytes))) return;
    }
    parser.Finish(false);
    return;
  }

  // Concatenated gzip members, usually one per record.
  WarcParser parser(this, path, /*compressed=*/true);
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) {  // +16: gzip header and trailer
    Report(path, "cannot start gzip decompression");
    return;
  }
  std::string out(kChunkBytes, '\0');
  size_t member = 0;  // file offset of the member being inflated
  std::string damage;
  while (member < bytes.size() && damage.empty()) {
    if (!IsGzip(bytes.substr(member))) {
      // Some writers pad the end of a file with zeros.
      if (bytes.find_first_not_of('\0', member) != std::string_view::npos) {
        damage = "corrupt gzip data at byte " + std::to_string(member);
      }
      break;
    }
    parser.StartMember(member);
    inflateReset(&zs);
    size_t fed = member;  // file offset up to which input was handed to zlib
    zs.avail_in = 0;
    for (;;) {
      if (zs.avail_in == 0 && fed < bytes.size()) {
        const size_t n = std::min<size_t>(bytes.size() - fed, 1u << 30);
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + fed));
        zs.avail_in = static_cast<uInt>(n);
        fed += n;
      }
      zs.next_out = reinterpret_cast<Bytef*>(out.data());
      zs.avail_out = static_cast<uInt>(out.size());
      const int ret = inflate(&zs, Z_NO_FLUSH);
      const size_t at = fed - zs.avail_in;  // file offset of the next unread byte
      if (!parser.Feed(std::string_view(out.data(), out.size() - zs.avail_out))) {
        inflateEnd(&zs);
        return;
      }
      if (ret == Z_STREAM_END) {
        member = at;
        break;
      }
      if (ret == Z_BUF_ERROR && zs.avail_in == 0 && fed == bytes.size()) {
        damage = "truncated gzip stream";
        break;
      }
      if (ret != Z_OK) {
        damage = "corrupt gzip data at byte " + std::to_string(at);
        break;
      }
    }
  }
  inflateEnd(&zs);
  parser.Finish(!damage.empty());
  if (!damage.empty()) Report(path, damage);
}

bool IsHidden(const fs::path& p) { return p.filename().string().starts_with('.'); }

}  // namespace

std::optional<std::string> DecodeText(std::string_view bytes, std::string* why) {
  why->clear();
  std::optional<std::string> text;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    const char* charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    bytes.remove_prefix(2);
    bytes = bytes.substr(0, bytes.size() & ~size_t{1});  // a dangling odd byte is no character
    text = ConvertToUtf8(bytes, charset);
    if (!text || IsBinary(*text)) {
      *why = "binary file";
      return std::nullopt;
    }
    return text;
  }
  const bool utf8_bom = bytes.starts_with("\xEF\xBB\xBF");
  if (utf8_bom) bytes.remove_prefix(3);
  if (IsBinary(bytes)) {
    *why = "binary file";
    return std::nullopt;
  }
  if (IsValidUtf8(bytes)) return std::string(bytes);
  if (utf8_bom) {
    // The BOM says UTF-8: bad bytes are damage, not another encoding.
    uint32_t replaced = 0;
    std::string repaired = text::RepairUtf8(bytes, &replaced);
    *why = "invalid UTF-8: " + Plural(replaced, "sequence") + " replaced";
    return repaired;
  }
  return DecodeMixed(bytes, why);
}

namespace {

size_t WordCount(std::string_view line) {
  size_t words = 0;
  bool in_word = false;
  for (const char c : line) {
    const bool space = c == ' ' || c == '\t';
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

// Whether a line is an item of a list: a bullet first, and a space after
// it (**bold** and -5 are no items).
bool StartsWithBullet(std::string_view line) {
  for (const std::string_view bullet : internal::kListBullets) {
    if (line.starts_with(bullet) && line.size() > bullet.size() &&
        (line[bullet.size()] == ' ' || line[bullet.size()] == '\t')) {
      return true;
    }
  }
  return false;
}

// Whether the first non-blank line of `text` from `from` on is an item of a
// list.
bool NextLineStartsWithBullet(std::string_view text, size_t from) {
  while (from < text.size()) {
    const size_t nl = text.find('\n', from);
    const std::string_view line = Trim(text.substr(from, nl == std::string_view::npos ? text.npos : nl - from));
    if (!line.empty()) return StartsWithBullet(line);
    if (nl == std::string_view::npos) break;
    from = nl + 1;
  }
  return false;
}

// A line of a page above its headline: a label (four words at most, ending
// no sentence: a section's name, a kicker with its colon) or an item of a
// list (another story's headline, its writer).
bool IsPageLineAboveHeadline(std::string_view line) {
  constexpr size_t kLabelWords = 4;
  if (StartsWithBullet(line)) return true;
  if (WordCount(line) > kLabelWords) return false;
  const std::string_view end = WithoutClosers(line);
  for (const std::string_view mark : {".", "!", "?", "…", "؟"}) {
    if (end.ends_with(mark)) return false;
  }
  return true;
}

struct LineRange {
  size_t begin;
  size_t end;  // after the line break
};

// A headline right above a line that is only a date, among the first
// kPairLines lines: scraped pages put a section label and a list of other
// stories (often more than kHeadLines lines) above the story's headline
// and dateline. The headline has three words or more and ends as no
// sentence does, unless it asks a question.
struct HeadlineAndDate {
  LineRange headline, dateline;
  text::Date date;
};
std::optional<HeadlineAndDate> FindHeadlineAboveDateline(const std::string& text) {
  constexpr int kPairLines = 12;
  std::optional<LineRange> above;
  size_t pos = 0;
  for (int seen = 0; pos < text.size() && seen < kPairLines;) {
    const size_t nl = text.find('\n', pos);
    const LineRange range{pos, nl == std::string::npos ? text.size() : nl + 1};
    const std::string_view line = Trim(std::string_view(text).substr(range.begin, range.end - range.begin));
    pos = range.end;
    if (line.empty()) continue;
    ++seen;
    if (CharsUpTo(line, kMaxHeadLineChars) >= kMaxHeadLineChars) break;  // body text has begun
    const LineDate found = ScanLineForDate(line);
    if (found.date && found.only_date && above) {
      const std::string_view headline =
          Trim(std::string_view(text).substr(above->begin, above->end - above->begin));
      const bool question = headline.ends_with("?") || headline.ends_with("\xD8\x9F");  // ؟
      if (WordCount(headline) >= 3 && (question || !EndsWithSentencePunctuation(headline))) {
        return HeadlineAndDate{*above, range, *found.date};
      }
    }
    above = range;
  }
  return std::nullopt;
}

}  // namespace

void FindTitleAndDate(Document* doc) {
  using Range = LineRange;
  std::string* const text = &doc->text;
  std::optional<Range> title_line;
  std::optional<Range> date_line;
  std::optional<text::Date> date;
  bool looking_for_title = true;
  bool lead_may_follow = false;
  bool previous_bulleted = false;
  // Headlines are short; a lead under a label and a dateline runs longer.
  constexpr size_t kMaxHeadlineWordsAfterLabel = 12;
  size_t pos = 0;
  for (int seen = 0; pos < text->size() && seen < kHeadLines;) {
    const size_t nl = text->find('\n', pos);
    const Range range{pos, nl == std::string::npos ? text->size() : nl + 1};
    const std::string_view line =
        Trim(std::string_view(*text).substr(range.begin, range.end - range.begin));
    pos = range.end;
    if (line.empty()) continue;
    ++seen;
    if (CharsUpTo(line, kMaxHeadLineChars) >= kMaxHeadLineChars) break;  // body text has begun
    const LineDate found = date ? LineDate{} : ScanLineForDate(line);
    if (found.date) {
      date = found.date;
      if (found.only_date) {
        date_line = range;
        // A dateline above the title leaves the title search open, and so
        // does one below a short label; but a long line after label and
        // dateline is the lead («عاجل», breaking, then what happened), not
        // the headline.
        lead_may_follow = title_line.has_value();
        continue;
      }
    }
    // A headline is no item of a list of other stories above it: of two
    // items or more (one line may begin with a dash and be the headline).
    const bool bulleted = StartsWithBullet(line);
    const bool in_list = bulleted && (previous_bulleted || NextLineStartsWithBullet(*text, range.end));
    previous_bulleted = bulleted;
    if (looking_for_title && !in_list) {
      looking_for_title = false;
      // A line that holds a date is a dateline, not a headline.
      if (!found.date && !EndsWithSentencePunctuation(line) &&
          !(lead_may_follow && WordCount(line) > kMaxHeadlineWordsAfterLabel) &&
          !StartsWrappedParagraph(*text, range.end, CharsUpTo(line, kMaxHeadLineChars))) {
        title_line = range;
        // One or two words above the headline are a section or site label
        // (a page's breadcrumb), not the headline: keep looking below it.
        looking_for_title = WordCount(line) < 3;
      }
    }
  }
  if (!date) {
    if (const std::optional<HeadlineAndDate> pair = FindHeadlineAboveDateline(*text)) {
      title_line = pair->headline;
      date_line = pair->dateline;
      date = pair->date;
    }
  }
  if (date && doc->published.empty()) doc->published = text::FormatDate(*date, text::Precision::kDay);

  // Lines are removed only while some text remains: a first line alone is
  // the text, not its title.
  const auto leaves_text = [&](std::vector<Range> cut) {
    std::sort(cut.begin(), cut.end(), [](Range a, Range b) { return a.begin < b.begin; });
    size_t from = 0;
    for (const Range& r : cut) {
      if (!Trim(std::string_view(*text).substr(from, r.begin - from)).empty()) return true;
      from = r.end;
    }
    return !Trim(std::string_view(*text).substr(from)).empty();
  };
  std::vector<Range> cut;
  if (date_line && leaves_text({*date_line})) cut.push_back(*date_line);
  if (title_line) {
    std::vector<Range> with_title = cut;
    with_title.push_back(*title_line);
    if (leaves_text(with_title)) {
      const std::string_view line =
          std::string_view(*text).substr(title_line->begin, title_line->end - title_line->begin);
      doc->title = std::string(Trim(line));
      cut = std::move(with_title);
      // The page above a headline: its lines, if all are the page's. Not
      // above a short title: a city above an agency's name is a dateline.
      constexpr size_t kHeadlineWords = 3;
      std::vector<Range> above;
      bool page = WordCount(doc->title) >= kHeadlineWords;
      for (size_t at = 0; at < title_line->begin && page;) {
        const size_t nl = text->find('\n', at);
        const Range r{at, std::min(nl == std::string::npos ? text->size() : nl + 1, title_line->begin)};
        at = r.end;
        const std::string_view above_line = Trim(std::string_view(*text).substr(r.begin, r.end - r.begin));
        if (above_line.empty() || (date_line && r.begin == date_line->begin)) continue;
        page = IsPageLineAboveHeadline(above_line);
        above.push_back(r);
      }
      std::vector<Range> with_page = cut;
      with_page.insert(with_page.end(), above.begin(), above.end());
      if (page && !above.empty() && leaves_text(with_page)) {
        std::string lines;
        for (const Range& r : above) {
          lines += Trim(std::string_view(*text).substr(r.begin, r.end - r.begin));
          lines += '\n';
        }
        doc->boilerplate.push_back({std::move(lines), std::string(kAboveHeadline)});
        cut = std::move(with_page);
      }
    }
  }
  if (cut.empty()) return;
  // The later range first, so that the earlier one's offsets stay valid.
  std::sort(cut.begin(), cut.end(), [](Range a, Range b) { return a.begin > b.begin; });
  for (const Range& r : cut) text->erase(r.begin, r.end - r.begin);
  // Blank lines that stood between the removed lines and the text.
  const size_t first = text->find_first_not_of(" \t\r\n\f\v");
  const size_t line_start =
      first == std::string::npos ? std::string::npos : text->rfind('\n', first);
  if (line_start != std::string::npos) text->erase(0, line_start + 1);
}

std::vector<std::string> ListInputs(const std::vector<std::string>& paths,
                                    std::vector<Problem>* problems) {
  // One reason for every such file, so that a summary counts them together.
  static const std::string kNotRead =
      "skipped: not a format marsad reads (.txt, .html, .htm, .jsonl, .json, .zip, .warc, .warc.gz)";
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      problems->push_back({path, ec && ec != std::errc::no_such_file_or_directory
                                     ? "cannot read path: " + ec.message()
                                     : "no such file or directory"});
      continue;
    }
    if (fs::is_regular_file(status)) {
      files.push_back(path);  // named explicitly: ReadFile says if it is not supported
      continue;
    }
    if (!fs::is_directory(status)) {
      problems->push_back({path, "not a regular file or directory"});
      continue;
    }
    // Walked by hand rather than with recursive_directory_iterator, so that
    // one unreadable folder is reported and the rest still listed.
    const size_t before = files.size();
    size_t other = 0;
    std::vector<Problem> skipped;  // named in path order, whatever order the walk found them in
    std::vector<fs::path> pending = {fs::path(path)};
    while (!pending.empty()) {
      const fs::path dir = std::move(pending.back());
      pending.pop_back();
      fs::directory_iterator it(dir, ec);
      for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        if (IsHidden(p)) continue;
        std::error_code entry_ec;
        const fs::file_status st = it->status(entry_ec);
        if (fs::is_directory(st)) {
          // Links to folders are not followed: they can form cycles.
          if (!it->is_symlink(entry_ec)) pending.push_back(p);
        } else if (fs::is_regular_file(st)) {
          if (FormatOf(p.filename().string()) == Format::kUnsupported) {
            ++other;
            skipped.push_back({p.string(), kNotRead});
          } else {
            files.push_back(p.string());
          }
        } else if (entry_ec || !fs::exists(st)) {
          skipped.push_back({p.string(), "skipped: a link to nothing, or unreadable"});
        }
      }
      if (ec) problems->push_back({dir.string(), "cannot read directory: " + ec.message()});
      ec.clear();
    }
    std::sort(skipped.begin(), skipped.end(), [](const Problem& x, const Problem& y) { return x.path < y.path; });
    problems->insert(problems->end(), skipped.begin(), skipped.end());
    if (files.size() == before) {
      problems->push_back({path, other == 0 ? "no files in directory"
                                            : "no supported files in directory (" +
                                                  Plural(other, "file") + " of other types)"});
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  // A folder given inside another one given is walked twice: its problems
  // are named once, in the order first found.
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<Problem> unique;
  for (Problem& p : *problems) {
    if (seen.emplace(p.path, p.reason).second) unique.push_back(std::move(p));
  }
  *problems = std::move(unique);
  return files;
}

std::string ContentText(std::string_view content) {
  if (LooksLikeHtml(content)) return ExtractHtml(content).text;
  if (internal::HasMarkup(content)) return internal::FragmentText(content);
  return std::string(content);
}

void ReadBytes(const std::string& name, std::string_view bytes, const ReadOptions& options,
               std::vector<Document>* docs, std::vector<Problem>* problems) {
  try {
    Reader reader(options, docs, problems);
    reader.Bytes(name, name, bytes, 0);
  } catch (const std::exception& e) {
    // Out of memory, or a bug in a parser: this input is lost, the batch is not.
    problems->push_back({name, std::string("internal error: ") + e.what()});
  }
}

void ReadFile(const std::string& path, const ReadOptions& options, std::vector<Document>* docs,
              std::vector<Problem>* problems) {
  std::string bytes;
  std::string why;
  try {
    if (!ReadWholeFile(path, options.max_file_bytes, &bytes, &why)) {
      problems->push_back({path, why});
      return;
    }
  } catch (const std::exception& e) {
    problems->push_back({path, std::string("internal error: ") + e.what()});
    return;
  }
  ReadBytes(path, bytes, options, docs, problems);
}

}  // namespace marsad::ingest
