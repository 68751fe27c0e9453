// What a document's own words say about its names: "X المعروف بـ Y" (X is
// also called Y), "X (Y)", "X التابعة لـ Y" (X is a branch of Y), and a Latin
// spelling in parentheses after a name.
#include <algorithm>
#include <string>
#include <unordered_set>

#include "resolve/resolve.h"
#include "text/text.h"

namespace marsad::resolve {
namespace {

using WordSet = std::unordered_set<std::string>;

WordSet Keys(std::initializer_list<const char*> words) {
  WordSet set;
  for (const char* w : words) set.insert(text::MatchKey(w));
  return set;
}

// Words between two names that make the second another name of the first.
// Stems: the article and the preposition before the second name are clitics.
const WordSet& AliasCues() {
  static const WordSet cues = Keys({
      "معروف", "معروفة",  // known (as)
      "ملقب", "ملقبة",    // nicknamed
      "مكنى", "مكناة",    // whose kunya is
      "مدعو",             // called
      "شهير", "شهيرة",    // better known (as)
      "يعرف", "تعرف",     // is known
      "اختصارا",          // abbreviated
      "اسم", "باسم",      // the name
  });
  return cues;
}

// Words between two organisations that make the first a branch of the second.
const WordSet& PartOfCues() {
  static const WordSet cues = Keys({
      "تابعة", "تابع",    // belonging to
      "فرع",              // branch
      "جناح",             // wing
      "ذراع",             // arm
      "منبثقة", "منبثق",  // issued from
  });
  return cues;
}

// Words that may stand between the names without changing what the cue says.
const WordSet& Fillers() {
  static const WordSet words = Keys({"أو", "وهو", "وهي", "هو", "هي", "ما", "لـ", "ب", "ل"});
  return words;
}

// Commas, dashes and quotation marks change nothing between two names.
bool IsNeutralPunct(std::string_view p) {
  for (const char* n : {"،", ",", "-", "–", "\"", "«", "»", "“", "”", "'"}) {
    if (p == n) return true;
  }
  return false;
}

std::string_view Slice(std::string_view s, text::Span span) { return s.substr(span.begin, span.size()); }

}  // namespace

std::vector<MentionLink> FindLinks(const text::Analysis& a, const std::vector<ner::Mention>& mentions,
                                   std::vector<std::string>* latin) {
  const std::string_view norm = a.normalized.text;
  const auto& tokens = a.tokens;
  latin->assign(mentions.size(), std::string());
  std::vector<MentionLink> links;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const ner::Mention& m = mentions[i];
    uint32_t t = m.end_token;
    // "Name (Latin Name)".
    if (t < tokens.size() && Slice(norm, tokens[t].span) == "(") {
      uint32_t u = t + 1;
      while (u < tokens.size() && tokens[u].kind == text::TokenKind::kLatin) ++u;
      if (u > t + 1 && u < tokens.size() && Slice(norm, tokens[u].span) == ")" && u - t - 1 <= 5) {
        (*latin)[i] = std::string(norm.substr(tokens[t + 1].span.begin,
                                              tokens[u - 1].span.end - tokens[t + 1].span.begin));
      }
    }
    if (i + 1 >= mentions.size()) continue;
    const ner::Mention& next = mentions[i + 1];
    if (next.first_token < m.end_token || next.first_token - m.end_token > 5) continue;
    // The words between, as stems; a clitic of the second name's first word
    // (بـ، لـ) is not between them.
    bool alias = false, part_of = false, other = false;
    bool open_paren = false;
    for (uint32_t u = m.end_token; u < next.first_token; ++u) {
      const text::Token& tok = tokens[u];
      const std::string_view word = Slice(norm, tok.span);
      if (tok.kind == text::TokenKind::kPunct) {
        if (word == "(") open_paren = true;
        else if (!IsNeutralPunct(word)) other = true;
        continue;
      }
      const std::string key = text::MatchKey(Slice(norm, tok.stem));
      if (AliasCues().count(key)) alias = true;
      else if (PartOfCues().count(key)) part_of = true;
      else if (!Fillers().count(key)) other = true;
    }
    // "X (Y)": Y closes the parenthesis right after it; a Latin Y is how
    // the name is spelled in Latin, whatever type the tagger gave it.
    if (open_paren && !alias && !part_of && !other && next.end_token < tokens.size() &&
        Slice(norm, tokens[next.end_token].span) == ")" &&
        (next.type == m.type || !(*latin)[i].empty())) {
      alias = true;
    }
    if (other || alias == part_of) continue;
    links.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1),
                     alias ? MentionLink::Kind::kAlias : MentionLink::Kind::kPartOf});
  }
  return links;
}

}  // namespace marsad::resolve
