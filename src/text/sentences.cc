// Sentence splitting over tokens. A boundary is a terminal mark outside any
// quotation, a paragraph break, or a line break, except inside hard-wrapped
// paragraphs where a line break is only a wrap.
#include <algorithm>

#include "text/internal.h"
#include "text/text.h"

namespace marsad::text {
namespace {

using internal::DecodeUtf8;

// Quotations longer than this without closing are taken as mis-paired marks,
// so one stray quote cannot swallow the rest of an article.
constexpr uint32_t kMaxQuoteBytes = 2000;

char32_t FirstChar(std::string_view text, const Token& t) {
  size_t i = t.span.begin;
  return DecodeUtf8(text, &i);
}

bool IsTerminal(std::string_view text, const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  const char32_t c = FirstChar(text, t);
  return c == '.' || c == '!' || c == '?' || c == 0x061F /* ؟ */ || c == 0x2026 /* … */ ||
         c == 0x06D4 /* ۔ */;
}

bool IsEllipsis(std::string_view text, const Token& t) {
  return (t.span.size() >= 2 && text[t.span.begin] == '.') || FirstChar(text, t) == 0x2026;
}

// Punctuation that stays with the sentence it closes: quotes, brackets, and
// the comma of the ".," scraping artifact.
bool IsCloser(std::string_view text, const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  const char32_t c = FirstChar(text, t);
  return c == 0x00BB /* » */ || c == '"' || c == '\'' || c == ')' || c == ']' || c == ',' ||
         c == 0x060C /* ، */ || IsTerminal(text, t);
}

// A one-letter word before a full stop is an abbreviation or initial
// (د. doctor, J. Smith), not the end of a sentence; so are a few Latin titles.
bool IsAbbreviation(std::string_view text, const Token& before) {
  if (before.kind != TokenKind::kWord && before.kind != TokenKind::kLatin) return false;
  std::string_view w = text.substr(before.span.begin, before.span.size());
  size_t i = 0;
  DecodeUtf8(w, &i);
  if (i == w.size()) return true;
  static constexpr std::string_view kTitles[] = {"Mr", "Mrs", "Ms", "Dr", "Prof", "St",
                                                 "Gen", "Col", "Lt", "vs", "etc", "No"};
  return std::find(std::begin(kTitles), std::end(kTitles), w) != std::end(kTitles);
}

}  // namespace

bool InAcronym(std::string_view normalized, const std::vector<Token>& tokens, size_t k) {
  const auto word = [&](size_t i) {
    const Span span = tokens[i].span;
    return span.end <= normalized.size() ? normalized.substr(span.begin, span.size()) : std::string_view();
  };
  const auto stop_between_letters = [&](size_t i) {
    return i > 0 && i + 1 < tokens.size() && word(i) == "." && tokens[i - 1].span.end == tokens[i].span.begin &&
           tokens[i].span.end == tokens[i + 1].span.begin && LatinLetterNamed(word(i - 1)) != 0 &&
           LatinLetterNamed(word(i + 1)) != 0;
  };
  return stop_between_letters(k) &&
         (!IsFunctionWord(MatchKey(word(k + 1))) || stop_between_letters(k + 2));
}

namespace {

int NewlinesBetween(std::string_view text, uint32_t from, uint32_t to) {
  int count = 0;
  for (uint32_t i = from; i < to; ++i) count += text[i] == '\n';
  return count;
}

// Hard-wrapped text: most lines stop without sentence punctuation at a
// similar width. Returns the width (in bytes) from which a line counts as
// wrapped, or 0 if the text is not hard-wrapped.
uint32_t WrapWidth(std::string_view text) {
  std::vector<uint32_t> open_lengths;
  uint32_t lines = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (!line.empty()) {
      ++lines;
      const char last = line.back();
      const bool closed = last == '.' || last == '!' || last == '?' || line.ends_with("؟") ||
                          line.ends_with("»") || line.ends_with("\"") || line.ends_with(":");
      if (!closed) open_lengths.push_back(static_cast<uint32_t>(line.size()));
    }
    start = end + 1;
  }
  if (lines < 4 || open_lengths.size() * 2 < lines) return 0;
  std::sort(open_lengths.begin(), open_lengths.end());
  const uint32_t typical = open_lengths[open_lengths.size() * 3 / 4];
  if (typical > 400) return 0;  // long lines are paragraphs, not wraps
  // Wraps are of one width; a scraped page's menus, bylines and links are of
  // all widths, and a link line is then no wrap of the paragraph after it.
  if (open_lengths[open_lengths.size() / 4] * 2 < typical) return 0;
  return typical * 6 / 10;
}

uint32_t LineLengthBefore(std::string_view text, uint32_t pos) {
  const size_t nl = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  const size_t begin = nl == std::string_view::npos ? 0 : nl + 1;
  return pos - static_cast<uint32_t>(begin);
}

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<Sentence> sentences;
  if (tokens.empty()) return sentences;
  const uint32_t wrap = WrapWidth(text);
  uint32_t first = 0;
  int guillemets = 0;            // open « marks
  bool straight_open = false;    // an open " mark
  uint32_t quote_start = 0;

  auto close = [&](uint32_t end_token) {
    if (end_token > first) {
      sentences.push_back({{tokens[first].span.begin, tokens[end_token - 1].span.end},
                           first, end_token});
    }
    first = end_token;
  };

  const uint32_t n = static_cast<uint32_t>(tokens.size());
  for (uint32_t k = 0; k < n; ++k) {
    const Token& t = tokens[k];
    // Line structure before this token.
    if (k > first) {
      const int newlines = NewlinesBetween(text, tokens[k - 1].span.end, t.span.begin);
      const bool wrapped = newlines == 1 && wrap > 0 &&
                           LineLengthBefore(text, tokens[k - 1].span.end) >= wrap;
      if (newlines >= 2 || (newlines == 1 && !wrapped)) {
        close(k);
        guillemets = 0;
        straight_open = false;
      }
    }
    if (t.kind == TokenKind::kPunct) {
      const char32_t c = FirstChar(text, t);
      if (c == 0x00AB) {  // «
        if (guillemets == 0 && !straight_open) quote_start = t.span.begin;
        ++guillemets;
      } else if (c == 0x00BB) {  // »
        guillemets = std::max(0, guillemets - 1);
      } else if (c == '"') {
        if (!straight_open && guillemets == 0) quote_start = t.span.begin;
        straight_open = !straight_open;
      }
    }
    const bool in_quote = (guillemets > 0 || straight_open) && t.span.end - quote_start < kMaxQuoteBytes;
    if (!in_quote) guillemets = 0, straight_open = false;
    if (!IsTerminal(text, t) || in_quote) continue;
    if (text[t.span.begin] == '.' && t.span.size() == 1 && k > first &&
        IsAbbreviation(text, tokens[k - 1]) &&
        tokens[k - 1].span.end == t.span.begin) {
      continue;
    }
    if (k > first && InAcronym(text, tokens, k)) continue;
    // An ellipsis inside a line is a pause, not an end.
    if (IsEllipsis(text, t) && k + 1 < n &&
        NewlinesBetween(text, t.span.end, tokens[k + 1].span.begin) == 0) {
      continue;
    }
    uint32_t end = k + 1;
    while (end < n && IsCloser(text, tokens[end]) &&
           NewlinesBetween(text, tokens[end - 1].span.end, tokens[end].span.begin) == 0) {
      const char32_t c = FirstChar(text, tokens[end]);
      // A straight quote after a full stop closes a quotation only if one is open;
      // otherwise it opens the next sentence's quotation.
      if (c == '"' && !straight_open) break;
      if (c == '"') straight_open = false;
      ++end;
    }
    close(end);
    k = end - 1;
  }
  close(n);
  return sentences;
}

}  // namespace marsad::text
