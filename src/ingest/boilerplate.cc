// Boilerplate in plain text, from statistics and structure alone.
//
// Scraped articles carry the page around the text as lines: section menus,
// author lists, "share"/"read also" prompts, comment forms, copyright lines.
// Three kinds of evidence find them without knowing any site:
//   - a line seen in many documents of the same source is not the article's;
//   - at the top and bottom, runs of short lines without punctuation are
//     menus and forms, and short lines with no verb and no sentence are
//     labels, dates and bylines;
//   - a short prompt ending in ':' inside the text heads a list of headlines.
// Lines that read as prose (two sentence marks, or fifteen words) are never
// removed, whatever the evidence: losing article text is worse than keeping
// a menu line.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.h"
#include "ingest/internal.h"
#include "text/internal.h"
#include "text/text.h"

namespace marsad::ingest {
namespace {

constexpr uint32_t kProseWords = 15;  // a line this long is article text
constexpr uint32_t kProseStops = 2;   // so is a line with this many sentence marks
constexpr uint32_t kRunLineWords = 4;  // a line of a menu or form run
constexpr size_t kMinRun = 3;
constexpr uint32_t kLabelWords = 8;   // a short line at an edge
constexpr size_t kMaxListAfterPrompt = 6;

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && IsSpace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  // A no-break space (U+00A0) is as blank as a space.
  while (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') s.remove_prefix(2);
  while (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') s.remove_suffix(2);
  return s;
}

// Hash of a line with its spacing normalised, so that lines differing only in
// spaces count as one.
uint64_t LineHash(std::string_view line) {
  uint64_t h = 0xcbf29ce484222325ULL;
  bool space = false;
  for (const char ch : line) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space) h = (h ^ ' ') * 0x100000001b3ULL;
    space = false;
    h = (h ^ c) * 0x100000001b3ULL;
  }
  return h;
}

struct LineInfo {
  std::string_view text;  // trimmed
  uint32_t words = 0;
  uint32_t stops = 0;  // sentence marks: . ! ? ؟ … ; ؛
  bool ends_with_colon = false;
  bool ends_with_period = false;
  bool ends_sentence = false;  // with . ! ? ؟ …
  std::string_view bullet;     // a list marker opening the line, or empty
  bool blank() const { return text.empty(); }
  bool prose() const { return words >= kProseWords || stops >= kProseStops; }
};

// With `until_prose`, counting stops as soon as the line is prose: callers
// that only ask prose() need not read the rest of a long paragraph.
LineInfo Describe(std::string_view raw, bool until_prose = false) {
  LineInfo l;
  l.text = Trim(raw);
  const std::string_view s = l.text;
  bool in_word = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (IsSpace(c)) {
      in_word = false;
      if (until_prose && l.prose()) break;
      continue;
    }
    if (!in_word) ++l.words;
    in_word = true;
    const unsigned char next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : ' ';
    if (c == '.') {
      // Not in numbers (3.5), addresses (site.com), the inside of "...", or
      // one-letter abbreviations (د. doctor, أ.د. professor).
      size_t letters = 0;
      for (size_t k = i; k > 0 && !IsSpace(static_cast<unsigned char>(s[k - 1])) && s[k - 1] != '.';
           --k) {
        letters += (static_cast<unsigned char>(s[k - 1]) & 0xC0) != 0x80;
      }
      if ((IsSpace(next) || next == '"' || next == ')' || next == '\'') && letters != 1) ++l.stops;
    } else if (c == '!' || c == '?' || c == ';') {
      ++l.stops;
    } else if (c == 0xD8 && (next == 0x9F || next == 0x9B)) {  // ؟ question mark, ؛ semicolon
      ++l.stops;
    } else if (c == 0xE2 && next == 0x80 && i + 2 < s.size() &&
               static_cast<unsigned char>(s[i + 2]) == 0xA6) {  // … ellipsis
      ++l.stops;
    }
  }
  if (!s.empty()) {
    l.ends_with_colon = s.back() == ':';
    l.ends_with_period = s.back() == '.';
    l.ends_sentence = l.ends_with_period || s.back() == '!' || s.back() == '?' ||
                      s.ends_with("\xD8\x9F") || s.ends_with("\xE2\x80\xA6");  // ؟ …
    for (std::string_view b : internal::kListBullets) {
      if (s.starts_with(b)) l.bullet = b;
    }
  }
  return l;
}

// Words of a line in match-key form (letter variants folded, punctuation
// dropped), for the word-shape tests below.
std::vector<std::string> KeyWords(std::string_view line) {
  const std::string key = text::MatchKey(line);
  std::vector<std::string> words;
  std::string word;
  for (const char ch : key) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80 && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z')) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
      continue;
    }
    word.push_back(ch);
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

size_t Letters(std::string_view utf8) {
  return static_cast<size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Whether a line has a word that only clauses have: an imperfect verb
// (ي ت ن prefixes, after an optional و or ف) or a clause particle. Nouns
// that look like verbs (يوم، تونس) only make the filter keep more.
bool HasVerbLikeWord(std::string_view line) {
  // In match-key form: أن/إن (that), قد/لقد (has), لم/لن (did not/will not),
  // سوف (will), كان/كانت (was), التي/الذي/الذين (which, who), هو/هي (he, she).
  static constexpr std::string_view kParticles[] = {
      "ان", "قد", "لقد", "لم", "لن", "سوف", "كان", "كانت", "التي", "الذي", "الذين", "هو", "هي"};
  for (std::string_view w : KeyWords(line)) {
    if (std::find(std::begin(kParticles), std::end(kParticles), w) != std::end(kParticles)) {
      return true;
    }
    if (Letters(w) >= 5 && (StartsWith(w, "و") || StartsWith(w, "ف"))) {
      w.remove_prefix(2);  // و and, ف so
    }
    if (Letters(w) >= 4 && !StartsWith(w, "ال") &&
        (StartsWith(w, "ي") || StartsWith(w, "ت") || StartsWith(w, "ن"))) {
      return true;
    }
  }
  return false;
}

// Whether the first word looks like an imperative (اقرأ، اشترك، انقر read,
// subscribe, click): a bare alef, the hamzat wasl of the imperative, that is
// not the article ال. Read before folding, which would make أما (as for) and
// أكثر (more) look the same.
bool StartsImperative(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && static_cast<unsigned char>(line[i]) < 0x80) ++i;  // "- ", "* "
  const size_t end = std::min(line.find(' ', i), line.size());
  const std::string_view w = line.substr(i, end - i);
  const size_t n = Letters(w);
  return StartsWith(w, "ا") && !StartsWith(w, "ال") && n >= 3 && n <= 6;
}

bool MostlyUrlOrEmail(std::string_view line) {
  size_t url_bytes = 0, bytes = 0;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && IsSpace(static_cast<unsigned char>(line[i]))) ++i;
    const size_t begin = i;
    while (i < line.size() && !IsSpace(static_cast<unsigned char>(line[i]))) ++i;
    const std::string_view w = line.substr(begin, i - begin);
    bytes += w.size();
    const size_t at = w.find('@');
    if (w.find("://") != std::string_view::npos || StartsWith(w, "www.") ||
        (at != std::string_view::npos && at > 0 && w.find('.', at) != std::string_view::npos)) {
      url_bytes += w.size();
    }
  }
  return bytes > 0 && url_bytes * 2 >= bytes;
}

// © or (c), or a range of years such as 2005-2024, in a line that is not a
// sentence.
bool LooksLikeCopyright(std::string_view line) {
  if (line.find("\xC2\xA9") != std::string_view::npos ||  // ©
      line.find("(c)") != std::string_view::npos || line.find("(C)") != std::string_view::npos) {
    return true;
  }
  auto year_at = [&](size_t i) {
    if (i + 4 > line.size()) return false;
    if (!((line[i] == '1' && line[i + 1] == '9') || (line[i] == '2' && line[i + 1] == '0'))) {
      return false;
    }
    return line[i + 2] >= '0' && line[i + 2] <= '9' && line[i + 3] >= '0' && line[i + 3] <= '9';
  };
  for (size_t i = 0; i + 9 <= line.size(); ++i) {
    if (!year_at(i) || (i > 0 && line[i - 1] >= '0' && line[i - 1] <= '9')) continue;
    size_t j = i + 4;
    while (j < line.size() && line[j] == ' ') ++j;
    if (j < line.size() && line[j] == '-') {
      ++j;
    } else if (line.compare(j, 3, "\xE2\x80\x93") == 0) {  // – en dash
      j += 3;
    } else {
      continue;
    }
    while (j < line.size() && line[j] == ' ') ++j;
    if (year_at(j)) return true;
  }
  return false;
}

// The key documents are grouped by for repeated lines: the source, or
// failing that the site of the URL, or the folder of the file.
std::string SourceKey(const Document& doc) {
  if (!doc.source.empty()) return doc.source;
  if (!doc.url.empty()) {
    const size_t scheme = doc.url.find("://");
    const size_t begin = scheme == std::string::npos ? 0 : scheme + 3;
    return doc.url.substr(begin, doc.url.find('/', begin) - begin);
  }
  const size_t slash = doc.path.rfind('/');
  return slash == std::string::npos ? std::string() : doc.path.substr(0, slash);
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

// Reasons given on the evidence of one line alone.
bool IsWeak(const char* reason) {
  const std::string_view r = reason;
  return r == "short-line" || r == "prompt";
}

// One pass of decisions over the lines of one document.
class LineFilter {
 public:
  LineFilter(std::string_view text, const std::unordered_map<uint64_t, uint32_t>* counts,
             uint32_t min_docs)
      : raw_(SplitLines(text)), counts_(counts), min_docs_(min_docs) {
    lines_.reserve(raw_.size());
    for (std::string_view r : raw_) lines_.push_back(Describe(r));
    reason_.assign(lines_.size(), nullptr);
  }

  // Decides every line; returns whether anything is removed.
  bool Run();
  // Rebuilds *doc's text without removed lines and records them.
  void Write(Document* doc) const;

 private:
  using Reason = const char*;

  bool Repeated(size_t i) const;
  bool RunLine(size_t i) const {
    const LineInfo& l = lines_[i];
    return !l.blank() && !l.prose() && l.words <= kRunLineWords && l.stops == 0;
  }
  // A line that may sit inside a run of short lines, once: a form's notice
  // ("your address will not be published.") between its labels.
  bool RunBridge(size_t i) const {
    const LineInfo& l = lines_[i];
    return !l.blank() && !l.prose() && l.stops <= 1;
  }
  // Non-blank neighbours; npos at the ends.
  size_t Next(size_t i) const;
  size_t Prev(size_t i) const;
  // The far end of the run of short lines from i downwards or upwards (blank
  // lines do not break a run), and how many short lines it has.
  size_t RunFrom(size_t i, bool down, size_t* count) const;
  // The same for a list: lines opening with one bullet, none ending a
  // sentence (headlines of other stories, names of writers).
  size_t ListFrom(size_t i, bool down, size_t* count) const;
  Reason StrongReason(size_t i) const;
  Reason EdgeReason(size_t i, bool next_removed, bool prev_removed) const;
  // Removes boilerplate from the top (down) or the bottom edge inwards, up to
  // the first line kept; at most `limit` lines on weak evidence.
  void Peel(bool down, size_t limit);
  void ListsAfterPrompts();

  std::vector<std::string_view> raw_;
  std::vector<LineInfo> lines_;
  const std::unordered_map<uint64_t, uint32_t>* counts_;  // null without statistics
  uint32_t min_docs_;
  std::vector<Reason> reason_;
};

bool LineFilter::Repeated(size_t i) const {
  const LineInfo& l = lines_[i];
  if (!counts_ || l.blank() || l.prose()) return false;
  const auto it = counts_->find(LineHash(l.text));
  return it != counts_->end() && it->second >= min_docs_;
}

size_t LineFilter::Next(size_t i) const {
  for (size_t j = i + 1; j < lines_.size(); ++j) {
    if (!lines_[j].blank()) return j;
  }
  return std::string::npos;
}

size_t LineFilter::Prev(size_t i) const {
  for (size_t j = i; j-- > 0;) {
    if (!lines_[j].blank()) return j;
  }
  return std::string::npos;
}

size_t LineFilter::RunFrom(size_t i, bool down, size_t* count) const {
  size_t last = i;
  *count = 0;
  bool bridged = false;
  for (size_t j = i; j != std::string::npos; j = down ? Next(j) : Prev(j)) {
    if (!RunLine(j)) {
      const size_t after = down ? Next(j) : Prev(j);
      if (bridged || *count == 0 || !RunBridge(j) || after == std::string::npos ||
          !RunLine(after)) {
        break;
      }
      bridged = true;
      continue;
    }
    last = j;
    ++*count;
  }
  return last;
}

size_t LineFilter::ListFrom(size_t i, bool down, size_t* count) const {
  size_t last = i;
  *count = 0;
  const std::string_view bullet = lines_[i].bullet;
  for (size_t j = i; j != std::string::npos && !bullet.empty() && lines_[j].bullet == bullet &&
                     !lines_[j].ends_sentence;
       j = down ? Next(j) : Prev(j)) {
    last = j;
    ++*count;
  }
  return last;
}

// The reason for a line of a menu run: a copyright line or an address in
// the run keeps its own.
LineFilter::Reason LineFilter::StrongReason(size_t i) const {
  if (LooksLikeCopyright(lines_[i].text)) return "copyright";
  if (MostlyUrlOrEmail(lines_[i].text)) return "link";
  return "navigation";
}

// Why a single line at an edge is boilerplate, or null. `next_removed` and
// `prev_removed` say whether its neighbours towards the text and towards the
// edge are boilerplate on strong evidence (repeated, menu, copyright,
// address): a prompt is known by the company it keeps, and prompts do not
// vouch for each other, or the last lines of a poem would go one by one.
LineFilter::Reason LineFilter::EdgeReason(size_t i, bool next_removed, bool prev_removed) const {
  const LineInfo& l = lines_[i];
  if (const Reason r = StrongReason(i); r != std::string_view("navigation")) return r;
  if (l.words > kLabelWords || l.ends_with_period) return nullptr;
  if (l.stops == 0 && !HasVerbLikeWord(l.text)) return "short-line";
  if (l.stops <= 1 && (prev_removed || next_removed || StartsImperative(l.text))) return "prompt";
  return nullptr;
}

void LineFilter::Peel(bool down, size_t limit) {
  const size_t npos = std::string::npos;
  auto step = [&](size_t i) { return down ? Next(i) : Prev(i); };
  size_t weak = 0;  // lines taken on weak evidence (short lines, prompts)
  bool prev_removed = false;
  for (size_t i = down ? Next(npos) : Prev(lines_.size()); i != npos; i = step(i)) {
    // Lists only above the text: columns often end with a list of points.
    size_t items = 0;
    const size_t list_end = down ? ListFrom(i, down, &items) : i;
    if (items >= kMinRun) {
      for (size_t j = std::min(i, list_end); j <= std::max(i, list_end); ++j) {
        if (!lines_[j].blank() && !lines_[j].prose()) reason_[j] = "link-list";
      }
      i = list_end;
      prev_removed = true;
      continue;
    }
    if (lines_[i].prose()) return;
    if (reason_[i]) {
      prev_removed = !IsWeak(reason_[i]);
      continue;
    }
    size_t count = 0;
    const size_t run_end = RunFrom(i, down, &count);
    if (count >= kMinRun) {
      for (size_t j = std::min(i, run_end); j <= std::max(i, run_end); ++j) {
        if (!lines_[j].blank()) reason_[j] = StrongReason(j);
      }
      i = run_end;
      prev_removed = true;
      continue;
    }
    const size_t next = step(i);
    size_t next_run = 0;
    if (next != npos) RunFrom(next, down, &next_run);
    const bool next_removed =
        next != npos && ((reason_[next] && !IsWeak(reason_[next])) || next_run >= kMinRun);
    const Reason r = EdgeReason(i, next_removed, prev_removed);
    if (!r) return;
    if (IsWeak(r) && ++weak > limit) return;
    reason_[i] = r;
    prev_removed = !IsWeak(r);
  }
}

// "Read also:" inside the text: a short line ending in ':' that is either
// repeated across the source or an imperative, followed by lines without a
// sentence mark (headlines of other stories).
void LineFilter::ListsAfterPrompts() {
  for (size_t i = 0; i < lines_.size(); ++i) {
    const LineInfo& l = lines_[i];
    if (l.blank() || !l.ends_with_colon || l.words > kRunLineWords || l.stops > 0) continue;
    if (!reason_[i] && !StartsImperative(l.text)) continue;
    if (reason_[i] && reason_[i] != std::string_view("repeated-line")) continue;
    if (!reason_[i]) reason_[i] = "prompt";
    size_t taken = 0;
    for (size_t j = Next(i); j != std::string::npos && taken < kMaxListAfterPrompt; j = Next(j)) {
      const LineInfo& item = lines_[j];
      if (reason_[j] || item.prose() || item.stops > 0 || item.ends_with_colon) break;
      reason_[j] = "link-list";
      ++taken;
      i = j;
    }
  }
}

bool LineFilter::Run() {
  size_t nonblank = 0;
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (lines_[i].blank()) continue;
    ++nonblank;
    if (Repeated(i)) reason_[i] = "repeated-line";
  }
  if (nonblank == 0) return false;
  const std::vector<Reason> statistical = reason_;
  // Edge regions for lines taken on weak evidence: the top fifth and the
  // bottom three tenths, never less than one line.
  Peel(/*down=*/true, std::max<size_t>(1, (nonblank + 4) / 5));
  Peel(/*down=*/false, std::max<size_t>(1, (nonblank * 3 + 9) / 10));
  ListsAfterPrompts();
  // Structure alone never empties a document (a short brief is all short
  // lines); lines repeated across the source may.
  const bool all_removed = std::all_of(lines_.begin(), lines_.end(), [&](const LineInfo& l) {
    return l.blank() || reason_[&l - lines_.data()];
  });
  if (all_removed) reason_ = statistical;
  return std::any_of(reason_.begin(), reason_.end(), [](Reason r) { return r != nullptr; });
}

void LineFilter::Write(Document* doc) const {
  std::string text;
  text.reserve(doc->text.size());
  std::vector<Removed> removed;
  bool pending_blank = false;
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (reason_[i]) {
      // Lines removed for one reason in a row (blank lines between them
      // included) are one record.
      const size_t prev = Prev(i);
      if (!removed.empty() && prev != std::string::npos && reason_[prev] &&
          removed.back().reason == reason_[i]) {
        removed.back().text.append("\n").append(lines_[i].text);
      } else {
        removed.push_back({std::string(lines_[i].text), reason_[i]});
      }
      continue;
    }
    if (lines_[i].blank()) {
      pending_blank = !text.empty();
      continue;
    }
    if (!text.empty()) text.append(pending_blank ? "\n\n" : "\n");
    pending_blank = false;
    text.append(raw_[i]);
  }
  doc->text = std::move(text);
  for (Removed& r : removed) doc->boilerplate.push_back(std::move(r));
}

// ---------------------------------------------------------------------------
// Furniture glued to the end of the text. Sites append two things to the
// last paragraph, after its ". " or on a line of their own, that read as
// article text to everything after ingest:
//   - a link back to the story: a short label ending in ':' and the
//     document's own title ("رابط الخبر بصحيفة …: <title>", the story's link
//     in <paper>: <title>), which makes the paper a participant of the last
//     event;
//   - the page's tags: a label word for tags (سمات، الوسوم، الكلمات
//     الدلالية …) and a few keywords without a sentence mark, which read as
//     one more sentence.
// The evidence is the title, the words that name tags, and the source's
// habit. A label before the title goes only when the source puts the same
// label before the title of other documents: a column may end on its own
// headline ("وبذلك يمكننا القول: <title>", so we can say: <title>), and that
// sentence stays. A tag list goes on its own when it is a line of its own or
// its label ends in ':' after a sentence; glued to the prose ("… متوسطة سمات
// إصابة مصرع") only when the source ends other documents with the same
// label, since سمات (traits) is also a word of prose. Nothing is removed when
// no word of the text would stay (a page that is only "label: title").

constexpr size_t kMaxEchoLabelWords = 8;
constexpr size_t kMaxTagWords = 20;
constexpr size_t kMaxTitleBytes = 1000;  // a longer "title" is a failed guess

// The same label ends the text in 3 documents of the source, and in one in
// twenty once it has more than sixty.
uint32_t TailMinDocs(uint32_t source_docs) {
  return std::max<uint32_t>(3, (source_docs + 19) / 20);
}

// A word of the last line: a run of non-space bytes, cut at colons (a colon
// is a token of its own, whether spaced or glued: "الوئام:" and "عاجل:نص").
struct TailToken {
  size_t begin = 0;               // its first byte in the text
  std::vector<std::string> keys;  // its words in match-key form; none for punctuation
  bool colon = false;
  bool spaced = false;         // a space or the line start before it
  bool line_start = false;     // the first token of its line
  bool ends_sentence = false;  // . ! ? ؟ … ; ؛ at its end, closing quotes aside
};

// Punctuation and symbols between words after MatchKey (which has already
// folded quotes and Arabic punctuation to ASCII): Latin-1 signs (« »), the
// general punctuation block (dashes, …, bidi marks), arrows and shapes,
// ornate parentheses, CJK and full-width punctuation.
bool IsKeySeparator(char32_t cp) {
  if (cp < 0x80) {
    return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
  }
  return cp <= 0xBF || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
         cp == 0x060C || cp == 0x061B || cp == 0x061F || (cp >= 0x066A && cp <= 0x066D) ||
         cp == 0x06D4 || cp == 0xFD3E || cp == 0xFD3F || (cp >= 0xFE10 && cp <= 0xFE6F) ||
         (cp >= 0xFF00 && cp <= 0xFF0F) || cp == 0xFFFD;
}

// The words of `s` in match-key form, punctuation dropped: a title and its
// copy in the text compare equal whatever their quotes, dashes and spacing.
std::vector<std::string> KeyParts(std::string_view s) {
  const std::string key = text::MatchKey(s);
  std::vector<std::string> parts;
  std::string part;
  for (size_t i = 0; i < key.size();) {
    const size_t start = i;
    const char32_t cp = text::internal::DecodeUtf8(key, &i);
    if (IsKeySeparator(cp)) {
      if (!part.empty()) parts.push_back(std::move(part));
      part.clear();
    } else {
      part.append(key, start, i - start);
    }
  }
  if (!part.empty()) parts.push_back(std::move(part));
  return parts;
}

// Whether a token ends with a sentence mark, closing quotes and brackets
// after it aside ("…التعاملات." and "…“الحوثي”.").
bool EndsSentence(std::string_view w) {
  static constexpr std::string_view kClosers[] = {
      "\"", "'", ")", "]", "}", "\xC2\xBB", "\xE2\x80\x9D", "\xE2\x80\x99",  // » ” ’
      "\xE2\x80\x8E", "\xE2\x80\x8F", "\xE2\x80\xAC"};                      // LRM RLM PDF
  for (bool stripped = true; stripped && !w.empty();) {
    stripped = false;
    for (std::string_view c : kClosers) {
      if (w.ends_with(c)) {
        w.remove_suffix(c.size());
        stripped = true;
      }
    }
  }
  if (w.empty()) return false;
  const char last = w.back();
  return last == '.' || last == '!' || last == '?' || last == ';' ||
         w.ends_with("\xD8\x9F") || w.ends_with("\xD8\x9B") ||  // ؟ ؛
         w.ends_with("\xE2\x80\xA6");                          // …
}

// Bytes of the blank before `end` in text (a space, a tab, a no-break space),
// or 0.
size_t BlankBefore(std::string_view text, size_t end) {
  if (end == 0) return 0;
  const auto c = static_cast<unsigned char>(text[end - 1]);
  if (IsSpace(c)) return 1;
  if (end >= 2 && c == 0xA0 && static_cast<unsigned char>(text[end - 2]) == 0xC2) return 2;
  return 0;
}

// Where text[0, end) ends without its trailing blanks and line breaks.
size_t EndOfWords(std::string_view text, size_t end) {
  for (size_t n; end > 0 && ((n = BlankBefore(text, end)) > 0 || text[end - 1] == '\n');) {
    end -= n > 0 ? n : 1;
  }
  return end;
}

// The tokens of the last `max_words` words of the last non-blank line.
std::vector<TailToken> TailTokens(std::string_view text, size_t max_words) {
  struct Raw {
    size_t begin, end;
  };
  std::vector<Raw> raws;
  size_t p = EndOfWords(text, text.size());
  bool line_start = false;
  while (raws.size() < max_words) {
    for (size_t n; (n = BlankBefore(text, p)) > 0;) p -= n;
    if (p == 0 || text[p - 1] == '\n') {
      line_start = true;
      break;
    }
    const size_t end = p;
    while (p > 0 && text[p - 1] != '\n' && BlankBefore(text, p) == 0) --p;
    raws.push_back({p, end});
  }
  std::reverse(raws.begin(), raws.end());
  std::vector<TailToken> tokens;
  for (size_t r = 0; r < raws.size(); ++r) {
    size_t b = raws[r].begin;
    bool first = true;
    while (b < raws[r].end) {
      const size_t colon = text.find(':', b);
      const size_t e = colon == b ? b + 1 : std::min(colon, raws[r].end);
      TailToken t;
      t.begin = b;
      t.spaced = first;
      t.line_start = first && r == 0 && line_start;
      t.colon = colon == b;
      if (!t.colon) {
        const std::string_view w = text.substr(b, e - b);
        t.keys = KeyParts(w);
        t.ends_sentence = EndsSentence(w);
      }
      tokens.push_back(std::move(t));
      first = false;
      b = e;
    }
  }
  return tokens;
}

// The title as a reader sees it (feeds give "&#8220;" for a quote) in words.
std::vector<std::string> TitleKeys(std::string_view title, size_t* raw_words) {
  *raw_words = 0;
  if (title.empty() || title.size() > kMaxTitleBytes) return {};
  const std::string plain =
      title.find('&') == std::string_view::npos ? std::string(title) : internal::FragmentText(title);
  bool in_word = false;
  for (const char c : plain) {
    const bool blank = IsSpace(static_cast<unsigned char>(c)) || c == '\n';
    *raw_words += !blank && !in_word;
    in_word = !blank;
  }
  return KeyParts(plain);
}

// The document's title repeated at the end of the tokens after a colon,
// and the words before the colon that may label it: up to eight, back to
// the line start, a sentence mark or another colon.
struct TitleEcho {
  std::vector<size_t> label;  // word tokens, the one next to the colon first
};

std::optional<TitleEcho> FindTitleEcho(const std::vector<TailToken>& t,
                                       const std::vector<std::string>& title) {
  if (title.empty()) return std::nullopt;
  size_t m = title.size();
  size_t i = t.size();
  while (m > 0) {
    if (i == 0) return std::nullopt;
    const std::vector<std::string>& keys = t[--i].keys;
    if (keys.size() > m) return std::nullopt;  // the title would begin inside a word
    for (size_t k = keys.size(); k-- > 0;) {
      if (keys[k] != title[--m]) return std::nullopt;
    }
  }
  // Punctuation opening the title (a quote, a dash), then the colon.
  while (i > 0 && t[i - 1].keys.empty() && !t[i - 1].colon) --i;
  if (i == 0 || !t[i - 1].colon) return std::nullopt;
  TitleEcho echo;
  for (size_t j = i - 1; j-- > 0;) {
    if (t[j].colon || t[j].ends_sentence) break;
    if (!t[j].keys.empty()) {
      if (echo.label.size() == kMaxEchoLabelWords) break;
      echo.label.push_back(j);
    }
    if (t[j].line_start) break;
  }
  if (echo.label.empty()) return std::nullopt;
  return echo;
}

// Hashes of the label's last 1, 2, … words.
std::vector<uint64_t> LabelHashes(const std::vector<TailToken>& t, const TitleEcho& echo) {
  std::vector<uint64_t> hashes;
  std::string key;
  for (const size_t j : echo.label) {
    std::string words;
    for (const std::string& k : t[j].keys) words.append(words.empty() ? "" : " ").append(k);
    key = key.empty() ? words : words + " " + key;
    hashes.push_back(LineHash(key));
  }
  return hashes;
}

// Labels of tag lists, in match-key words.
const std::vector<std::vector<std::string>>& TagLabels() {
  static const std::vector<std::vector<std::string>> labels = [] {
    // سمات features, وسوم/الوسوم tags, الكلمات الدلالية/المفتاحية/الدالة key
    // words.
    static constexpr std::string_view kLabels[] = {
        "سمات", "وسوم", "الوسوم", "الكلمات الدلالية", "كلمات دلالية", "الكلمات المفتاحية",
        "كلمات مفتاحية", "الكلمات الدالة", "Tags", "Keywords"};
    std::vector<std::vector<std::string>> folded;
    for (std::string_view l : kLabels) folded.push_back(KeyParts(l));
    return folded;
  }();
  return labels;
}

// A tag list ending tokens: a label, an optional colon, then 1 to 20 words
// without a sentence mark or a colon.
struct TagList {
  size_t first = 0;  // the label's first token
  uint64_t label_hash = 0;
  bool colon = false;
  bool own_line = false;       // the label opens its line
  bool after_sentence = false;  // the label follows a sentence mark
};

std::optional<TagList> FindTagList(const std::vector<TailToken>& t) {
  const size_t from = t.size() > kMaxTagWords + 8 ? t.size() - kMaxTagWords - 8 : 0;
  for (size_t i = from; i < t.size(); ++i) {
    if (!t[i].spaced || t[i].keys.size() != 1) continue;
    for (const std::vector<std::string>& label : TagLabels()) {
      size_t j = i;
      for (const std::string& w : label) {
        if (j >= t.size() || !t[j].spaced || t[j].keys.size() != 1 || t[j].keys[0] != w ||
            t[j].ends_sentence) {
          j = std::string::npos;
          break;
        }
        ++j;
      }
      if (j == std::string::npos) continue;
      TagList tags;
      tags.first = i;
      tags.colon = j < t.size() && t[j].colon;
      if (tags.colon) ++j;
      size_t words = 0;
      for (; j < t.size() && !t[j].colon && !t[j].ends_sentence; ++j) words += !t[j].keys.empty();
      if (j < t.size() || words == 0 || words > kMaxTagWords) continue;
      std::string key;
      for (const std::string& w : label) key.append(key.empty() ? "" : " ").append(w);
      tags.label_hash = LineHash(key);
      tags.own_line = t[i].line_start;
      tags.after_sentence = i > 0 && t[i - 1].ends_sentence;
      return tags;
    }
  }
  return std::nullopt;
}

// Moves doc->text from byte `begin` to doc->boilerplate, unless no word of
// the text would stay.
bool CutTail(Document* doc, size_t begin, const char* reason) {
  const size_t keep = EndOfWords(doc->text, begin);
  const bool words_stay = std::any_of(doc->text.begin(), doc->text.begin() + keep, [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0xD8 && c <= 0xDB);  // lead bytes of Arabic letters and digits
  });
  if (!words_stay) return false;
  const std::string_view text = doc->text;
  doc->boilerplate.push_back(
      {std::string(text.substr(begin, EndOfWords(text, text.size()) - begin)), reason});
  doc->text.resize(keep);
  return true;
}

// How many words of the end TailTokens reads: the title, its label, a tag
// list after it, and punctuation between them.
size_t TailWords(size_t title_words) {
  return title_words + kMaxEchoLabelWords + kMaxTagWords + 16;
}

}  // namespace

void BoilerplateFilter::Learn(const Document& doc) {
  const std::string key = SourceKey(doc);
  std::vector<uint64_t> hashes;
  for (std::string_view raw : SplitLines(doc.text)) {
    const LineInfo l = Describe(raw, /*until_prose=*/true);
    if (!l.blank() && !l.prose()) hashes.push_back(LineHash(l.text));
  }
  // Documents, not occurrences: a line twice in one page counts once.
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  auto& counts = line_docs_[key];
  for (const uint64_t h : hashes) ++counts[h];
  ++source_docs_[key];
  // The labels ending the text: of a tag list, of the title repeated (also
  // before a tag list), every length of it from the colon back.
  size_t title_words = 0;
  const std::vector<std::string> title = TitleKeys(doc.title, &title_words);
  std::string_view text = doc.text;
  std::vector<TailToken> tokens = TailTokens(text, TailWords(title_words));
  if (const std::optional<TagList> tags = FindTagList(tokens)) {
    ++tag_labels_[key][tags->label_hash];
    text = text.substr(0, tokens[tags->first].begin);
    tokens = TailTokens(text, TailWords(title_words));
  }
  if (const auto echo = FindTitleEcho(tokens, title)) {
    auto& labels = echo_labels_[key];
    for (const uint64_t h : LabelHashes(tokens, *echo)) ++labels[h];
  }
}

void BoilerplateFilter::Apply(Document* doc) const {
  const std::string key = SourceKey(*doc);
  const auto counts = line_docs_.find(key);
  const auto docs = source_docs_.find(key);
  // A line is the source's when it is in 3 of its documents, and in 30% of
  // them once the source has more than ten.
  const uint32_t n = docs == source_docs_.end() ? 0 : docs->second;
  const uint32_t min_docs = std::max<uint32_t>(3, (n * 3 + 9) / 10);
  LineFilter filter(doc->text, counts == line_docs_.end() ? nullptr : &counts->second, min_docs);
  if (filter.Run()) filter.Write(doc);
  ApplyToEnd(doc, key, TailMinDocs(n));
}

void BoilerplateFilter::ApplyToEnd(Document* doc, const std::string& key,
                                   uint32_t min_docs) const {
  auto count = [&](const auto& per_source, uint64_t h) -> uint32_t {
    const auto source = per_source.find(key);
    if (source == per_source.end()) return 0;
    const auto it = source->second.find(h);
    return it == source->second.end() ? 0 : it->second;
  };
  size_t title_words = 0;
  const std::vector<std::string> title = TitleKeys(doc->title, &title_words);
  // A tag list may follow the repeated title: two rounds.
  for (int round = 0; round < 2; ++round) {
    const std::vector<TailToken> tokens = TailTokens(doc->text, TailWords(title_words));
    if (const auto tags = FindTagList(tokens)) {
      const bool labelled = tags->own_line || (tags->colon && tags->after_sentence);
      if ((labelled || count(tag_labels_, tags->label_hash) >= min_docs) &&
          CutTail(doc, tokens[tags->first].begin, "tag-list")) {
        continue;
      }
    }
    const auto echo = FindTitleEcho(tokens, title);
    if (!echo) return;
    // The longest label the source repeats: from the word before the colon,
    // one more word back while at least half the documents with the shorter
    // label have it too ("… لجهة الاختصاص رابط الخبر …:" stops before الاختصاص).
    const std::vector<uint64_t> hashes = LabelHashes(tokens, *echo);
    size_t words = 0;
    for (uint32_t shorter = 0; words < hashes.size(); ++words) {
      const uint32_t c = count(echo_labels_, hashes[words]);
      if (c < min_docs || c * 2 < shorter) break;
      shorter = c;
    }
    if (words == 0 || !CutTail(doc, tokens[echo->label[words - 1]].begin, "title-echo")) return;
  }
}

}  // namespace marsad::ingest
