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
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.h"
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
    // • · ▪ ■ ● ► – — - * as list markers.
    static constexpr std::string_view kBullets[] = {
        "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA", "\xE2\x96\xA0", "\xE2\x97\x8F",
        "\xE2\x96\xBA", "\xE2\x80\x93", "\xE2\x80\x94", "-", "*"};
    for (std::string_view b : kBullets) {
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
}

}  // namespace marsad::ingest
