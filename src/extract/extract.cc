// Quotes, claims and events over the text layer's analysis and the tagger's
// mentions. One pass builds per-token facts (match keys, which mention,
// sentence, date or quantity covers each token); quotes, sources, claims and
// events are then read with bounded look-ahead and look-behind windows, so
// the work stays linear in the number of tokens.
#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "extract/extract.h"
#include "extract/internal.h"

namespace marsad::extract {
namespace {

namespace tx = marsad::text;
using internal::Lex;
using internal::Lexicon;
using internal::Speech;

constexpr int32_t kNone = -1;
// Bounds of every look-around window, in tokens.
constexpr uint32_t kSpeakerWindow = 12;
constexpr uint32_t kParagraphBytes = 6000;  // a quotation longer than this is not paired

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// A match key without its article: الوزير → وزير.
std::string WithoutArticle(std::string_view key) {
  constexpr std::string_view kArticle = "ال";
  return std::string(StartsWith(key, kArticle) ? key.substr(kArticle.size()) : key);
}
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Arabic letters are two bytes in UTF-8: n letters.
size_t Letters(std::string_view key) { return key.size() / 2; }

struct Doc {
  const tx::Analysis& a;
  const std::vector<ner::Mention>& mentions;
  std::string_view t;
  const Lexicon& lex = Lex();
  std::vector<tx::DateMention> own_dates;  // when re-anchored to `published`
  const std::vector<tx::DateMention>* dates = nullptr;
  std::vector<std::string> key;   // match key of the stem (clitics removed)
  std::vector<std::string> surf;  // match key of the whole surface word
  std::vector<int32_t> mention_of;
  std::vector<uint32_t> sentence_of;
  std::vector<int32_t> date_of;
  // Per date, how well it can date what the sentence tells: kPlain; kSince,
  // the start of a state ("المطلوب منذ عام 2015", wanted since), only when
  // the sentence has no other date; kBirth ("المولود عام 1990") never.
  enum DateUse : uint8_t { kPlain, kSince, kBirth };
  std::vector<DateUse> date_use;
  std::vector<int32_t> quantity_of;
  // For each mention, the fuller mention it stands for (a surname alone
  // after the whole name), or itself.
  std::vector<uint32_t> canonical;

  Doc(const tx::Analysis& analysis, const std::vector<ner::Mention>& m)
      : a(analysis), mentions(m), t(analysis.normalized.text) {}

  size_t size() const { return a.tokens.size(); }
  // The date mention nearest token `at` among tokens [begin, end), of the
  // best use there is, or kNone.
  int32_t NearestDate(uint32_t begin, uint32_t end, uint32_t at) const {
    int32_t best = kNone;
    DateUse best_use = kBirth;
    uint32_t best_dist = UINT32_MAX;
    for (uint32_t i = begin; i < end; ++i) {
      if (date_of[i] == kNone) continue;
      const DateUse use = date_use[date_of[i]];
      const uint32_t dist = i < at ? at - i : i - at;
      if (use < best_use || (use == best_use && use != kBirth && dist < best_dist)) {
        best_use = use;
        best_dist = dist;
        best = date_of[i];
      }
    }
    return best;
  }
  std::string_view Text(tx::Span s) const { return t.substr(s.begin, s.size()); }
  std::string_view Tok(uint32_t i) const { return Text(a.tokens[i].span); }
  bool IsWord(uint32_t i) const { return a.tokens[i].kind == tx::TokenKind::kWord; }
  bool IsPunct(uint32_t i, std::string_view p) const {
    return a.tokens[i].kind != tx::TokenKind::kWord && Tok(i) == p;
  }
  bool IsPunctKind(uint32_t i) const {
    const auto k = a.tokens[i].kind;
    return k == tx::TokenKind::kPunct || k == tx::TokenKind::kSymbol;
  }
  bool HasPrefix(uint32_t i, tx::Clitic c) const {
    const tx::Token& tok = a.tokens[i];
    for (int k = 0; k < tok.clitic_count; ++k) {
      if (tok.clitics[k].role == c && tok.clitics[k].span.begin < tok.stem.begin) return true;
    }
    return false;
  }
  // A word's key as the lexicons see it: the stem, the whole word, or the
  // word without a leading و/ف (the tokenizer splits clitics conservatively).
  template <typename Map>
  auto Find(const Map& map, uint32_t i) const -> decltype(map.find(std::string())) {
    if (!IsWord(i) && a.tokens[i].kind != tx::TokenKind::kSymbol &&
        a.tokens[i].kind != tx::TokenKind::kPunct) {
      return map.end();
    }
    auto it = map.find(surf[i]);
    if (it != map.end()) return it;
    if (key[i] != surf[i]) {
      it = map.find(key[i]);
      if (it != map.end()) return it;
    }
    const std::string& s = surf[i];
    if (Letters(s) >= 3 && (StartsWith(s, "و") || StartsWith(s, "ف"))) {
      it = map.find(s.substr(2));
      if (it != map.end()) return it;
    }
    return map.end();
  }
  // A reporting word at token i; a pronoun joined to it makes it another
  // word ("قدرها": its amount, not "estimated").
  std::unordered_map<std::string, internal::Speech>::const_iterator Speech(uint32_t i) const {
    const tx::Token& tok = a.tokens[i];
    if (tok.clitic_count > 0 && tok.clitics[tok.clitic_count - 1].role == tx::Clitic::kPronoun) {
      return lex.speech.end();
    }
    // A verb takes neither the article nor a preposition: النقل (the
    // transport) is no نقل (reported), للقدر (to the extent) no قدر
    // (estimated). Such a token is a reporting word only as written
    // (بحسب, according to).
    if (HasPrefix(i, tx::Clitic::kArticle) || HasPrefix(i, tx::Clitic::kPreposition)) {
      auto whole = lex.speech.find(surf[i]);
      if (whole == lex.speech.end() && Letters(surf[i]) >= 3 &&
          (StartsWith(surf[i], "و") || StartsWith(surf[i], "ف"))) {
        whole = lex.speech.find(surf[i].substr(2));
      }
      return whole;
    }
    auto it = Find(lex.speech, i);
    // "تابع" is also "affiliated to" ("مستشفى تابع لـ"): it is "went on" at
    // a clause's start ("وتابع الوزير") or before what is said ("تابع قائلا").
    if (it != lex.speech.end() && (it->first == WentOnKey() || it->first == WentOnKey() + "ت")) {
      const bool clause_start =
          i == SentenceBegin(sentence_of[i]) || (i > 0 && IsPunctKind(i - 1));
      bool before_said = false;
      if (i + 1 < size()) {
        auto next = Find(lex.speech, i + 1);
        before_said = IsPunct(i + 1, ":") ||
                      (next != lex.speech.end() && next->second == internal::Speech::kCarryVerb);
      }
      if (!clause_start && !before_said) return lex.speech.end();
    }
    return it;
  }
  static const std::string& WentOnKey() {
    static const std::string* k = new std::string(tx::MatchKey("تابع"));  // went on / affiliated
    return *k;
  }
  // An event trigger at token i. "فجر" is both "blew up" and "dawn": dawn
  // with the article (الفجر) or before the day it begins ("فجر الأحد", "فجر
  // اليوم", "فجر 5 آذار").
  std::unordered_map<std::string, std::string>::const_iterator Trigger(uint32_t i) const {
    auto it = Find(lex.triggers, i);
    if (it == lex.triggers.end()) it = AfterJoinedPreposition(i);
    if (it == lex.triggers.end()) return it;
    // أودى (took) kills only with its object: "أودى (الحادث) بحياة" (took
    // the life of), "أودت بأرواح"; the match key of أودي (Audi) is the same.
    if (it->first == ClaimedKey() || it->first == TookKey()) {
      const bool lives = WordWithin(i, 3, [&](uint32_t k) {
        return StartsWith(surf[k], tx::MatchKey("بحيا")) || StartsWith(surf[k], tx::MatchKey("بأرواح"));
      });
      return lives ? it : lex.triggers.end();
    }
    // وجهت (directed) and توجيه (a directive) charge only with the charges
    // after them: "وجهت النيابة تهمة القتل" (the prosecution brought a charge
    // of murder); "بناء على توجيه الملك" (on the king's directive) and "وجهت
    // الدعوة" (sent the invitation) are none.
    if (it->first == DirectedKey() || it->first == DirectiveKey()) {
      return WordWithin(i, 4, [&](uint32_t k) { return ChargeNoun(k); }) ? it : lex.triggers.end();
    }
    // استشهد is "was martyred" and also "cited": "استشهد الخطيب بقول
    // الشاعر" (the preacher cited the poet's words) kills no one; "استشهد
    // برصاص قناص" (martyred by a sniper's bullets) does.
    if (it->second == "killed" && StartsWith(it->first, tx::MatchKey("استشهد")) &&
        WordWithin(i, 3, [&](uint32_t k) { return In(lex.cited_words, k); })) {
      return lex.triggers.end();
    }
    // أدان is "convicted" and, far more often in news, "condemned": "أدانت
    // دول الخليج الهجوم" (the Gulf states condemned the attack). A
    // conviction has a court or a charge near it: "أدانت المحكمة الرجل
    // بتهمة التجسس".
    if (it->second == "sentenced" && In(lex.convict_words, i)) {
      bool court = false;
      for (uint32_t k = i > 8 ? i - 8 : 0; k < size() && k < i + 7 && !court; ++k) {
        if (sentence_of[k] != sentence_of[i] || !IsWord(k)) continue;
        court = In(lex.court_heads, k) || ChargeNoun(k);
      }
      if (!court) return lex.triggers.end();
    }
    // A case of a disease is no wound: "حالات إصابة بفيروس كورونا"، "أصيب
    // بمرض السرطان".
    if (it->second == "injured") {
      if (i > 0 && (Is(i - 1, "حالة") || Is(i - 1, "حالات"))) return lex.triggers.end();
      for (uint32_t k = i + 1; k < size() && k < i + 4 && sentence_of[k] == sentence_of[i]; ++k) {
        if (!IsWord(k)) continue;
        std::string_view w = surf[k];
        if (StartsWith(w, "ب")) w.remove_prefix(2);
        if (StartsWith(w, "ال")) w.remove_prefix(4);
        if (lex.diseases.count(std::string(w))) return lex.triggers.end();
      }
    }
    // إعادة and استعادة (bringing back) return only people, counted or named
    // right after them ("إعادة 50 لاجئا", "إعادة المواطنين", "استعادة
    // الرهينة"), or their remains; not "إعادة الإعمار" (rebuilding) or
    // "استعادة السيطرة" (regaining control).
    if (it->first == BringingBackKey() || it->first == RegainingKey()) {
      const uint32_t n = i + 1;
      if (n >= size()) return lex.triggers.end();
      const auto noun = lex.singular.find(key[n]);
      const bool people = (noun != lex.singular.end() && lex.people.count(tx::MatchKey(noun->second))) ||
                          lex.titles.count(key[n]) || In(lex.remains, n);
      const bool named = mention_of[n] != kNone && mentions[mention_of[n]].type == ner::EntityType::kPerson;
      if (quantity_of[n] == kNone && !people && !named) return lex.triggers.end();
      return it;
    }
    // Detention as a place: "مركز الاحتجاز" (the detention centre),
    // "معسكر الاعتقال".
    if (it->second == "arrested" && i > 0 && IsWord(i - 1) && In(lex.detention_places, i - 1)) {
      return lex.triggers.end();
    }
    if (it->first != DawnKey()) return it;
    if (HasPrefix(i, tx::Clitic::kArticle) || surf[i].find("ال") != std::string::npos ||
        date_of[i] != kNone) {
      return lex.triggers.end();
    }
    if (i + 1 < size() &&
        (date_of[i + 1] != kNone || Is(i + 1, "اليوم") || Is(i + 1, "أمس") ||
         Is(i + 1, "الغد") || Is(i + 1, "يوم") || Is(i + 1, "الأحد") ||
         Is(i + 1, "الاثنين") || Is(i + 1, "الثلاثاء") || Is(i + 1, "الأربعاء") ||
         Is(i + 1, "الخميس") || Is(i + 1, "الجمعة") || Is(i + 1, "السبت"))) {
      return lex.triggers.end();
    }
    return it;
  }
  // Whether one of the `n` words right after word i, before anything that is
  // no word, is one `is` holds for.
  template <typename Pred>
  bool WordWithin(uint32_t i, uint32_t n, Pred is) const {
    for (uint32_t k = i + 1; k < size() && k <= i + n && IsWord(k); ++k) {
      if (is(k)) return true;
    }
    return false;
  }
  // A word of killing, wounding, attack or arrest with ب or ل joined, which
  // the tokenizer splits off only before the article: "تسببت بمقتل 11
  // شخصا" (caused the death of 11 people), "ندد باعتقال" (condemned the
  // arrest of), "تعرض لهجوم" (came under attack). Not other types: بتهريب
  // is "of smuggling" (متهم بتهريب), not an escape.
  std::unordered_map<std::string, std::string>::const_iterator AfterJoinedPreposition(uint32_t i) const {
    if (!IsWord(i)) return lex.triggers.end();
    std::string_view s = surf[i];
    if (StartsWith(s, "و") || StartsWith(s, "ف")) s.remove_prefix(2);
    if (!StartsWith(s, "ب") && !StartsWith(s, "ل")) return lex.triggers.end();
    s.remove_prefix(2);
    if (Letters(s) < 3) return lex.triggers.end();
    const auto it = lex.triggers.find(std::string(s));
    if (it == lex.triggers.end() || !(it->second == "killed" || it->second == "injured" ||
                                      it->second == "attack" || it->second == "arrested")) {
      return lex.triggers.end();
    }
    return it;
  }
  // A charge, the noun: تهمة، تهم، بتهمة، التهم، اتهامات. Not the verb
  // اتهم (accused), whose letters hold تهم too.
  bool ChargeNoun(uint32_t k) const {
    if (!IsWord(k)) return false;
    std::string_view w = surf[k];
    for (std::string_view clitic : {"و", "ب", "ال"}) {
      if (StartsWith(w, tx::MatchKey(clitic)) && Letters(w) > Letters(tx::MatchKey(clitic)) + 2) {
        w.remove_prefix(tx::MatchKey(clitic).size());
      }
    }
    return StartsWith(w, tx::MatchKey("تهم")) || StartsWith(w, tx::MatchKey("اتهام"));
  }
  static const std::string& BringingBackKey() {
    static const std::string* k = new std::string(tx::MatchKey("إعادة"));  // bringing back; re-
    return *k;
  }
  static const std::string& RegainingKey() {
    static const std::string* k = new std::string(tx::MatchKey("استعادة"));  // recovering, regaining
    return *k;
  }
  static const std::string& DirectedKey() {
    static const std::string* k = new std::string(tx::MatchKey("وجهت"));  // directed, brought (charges)
    return *k;
  }
  static const std::string& DirectiveKey() {
    static const std::string* k = new std::string(tx::MatchKey("توجيه"));  // a directive; bringing (charges)
    return *k;
  }
  static const std::string& ClaimedKey() {
    static const std::string* k = new std::string(tx::MatchKey("أودى"));  // took (lives)
    return *k;
  }
  static const std::string& TookKey() {
    static const std::string* k = new std::string(tx::MatchKey("أودت"));  // she took (lives)
    return *k;
  }
  static const std::string& DawnKey() {
    static const std::string* k = new std::string(tx::MatchKey("فجر"));  // dawn / blew up
    return *k;
  }
  template <typename Set>
  bool In(const Set& set, uint32_t i) const {
    return Find(set, i) != set.end();
  }
  // Whether word i as written, or without a leading و/ف, is in `set`: not
  // its stem, so that الطالب (the student) is no طالب (demanded).
  bool Written(const std::unordered_set<std::string>& set, uint32_t i) const {
    if (!IsWord(i)) return false;
    const std::string& s = surf[i];
    return set.count(s) ||
           (Letters(s) >= 3 && (StartsWith(s, "و") || StartsWith(s, "ف")) && set.count(s.substr(2)));
  }
  bool Is(uint32_t i, std::string_view word) const {
    if (!IsWord(i)) return false;
    const std::string k = tx::MatchKey(word);
    if (surf[i] == k || key[i] == k) return true;
    // A leading و/ف (and), or ب/ل (with, for) the tokenizer left on.
    return Letters(surf[i]) >= 3 &&
           (StartsWith(surf[i], "و") || StartsWith(surf[i], "ف") || StartsWith(surf[i], "ب") ||
            StartsWith(surf[i], "ل")) &&
           std::string_view(surf[i]).substr(2) == k;
  }
  uint32_t SentenceBegin(uint32_t s) const { return a.sentences[s].first_token; }
  uint32_t SentenceEnd(uint32_t s) const { return a.sentences[s].end_token; }
  // The first token whose span ends after byte `b`.
  uint32_t TokenAt(uint32_t b) const {
    auto it = std::upper_bound(a.tokens.begin(), a.tokens.end(), b,
                               [](uint32_t x, const tx::Token& tok) { return x < tok.span.end; });
    return static_cast<uint32_t>(it - a.tokens.begin());
  }
};

void Prepare(Doc* d, std::string_view published) {
  const tx::Analysis& a = d->a;
  const size_t n = a.tokens.size();
  d->key.resize(n);
  d->surf.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const tx::Token& tok = a.tokens[i];
    if (tok.kind == tx::TokenKind::kNumber || tok.kind == tx::TokenKind::kUrl) continue;
    d->surf[i] = tx::MatchKey(d->Text(tok.span));
    d->key[i] = tok.stem == tok.span ? d->surf[i] : tx::MatchKey(d->Text(tok.stem));
  }
  d->mention_of.assign(n, kNone);
  for (size_t m = 0; m < d->mentions.size(); ++m) {
    const ner::Mention& men = d->mentions[m];
    for (uint32_t i = men.first_token; i < men.end_token && i < n; ++i) {
      d->mention_of[i] = static_cast<int32_t>(m);
    }
  }
  d->sentence_of.assign(n, 0);
  for (size_t s = 0; s < a.sentences.size(); ++s) {
    for (uint32_t i = a.sentences[s].first_token; i < a.sentences[s].end_token && i < n; ++i) {
      d->sentence_of[i] = static_cast<uint32_t>(s);
    }
  }
  d->dates = &a.dates;
  if (auto date = tx::ParseIsoDate(published); date && date->month > 0 && date->day > 0) {
    // The caller's publication date is authoritative for relative dates.
    d->own_dates = tx::FindDates(a.normalized.text, a.tokens, *date);
    d->dates = &d->own_dates;
  }
  d->date_of.assign(n, kNone);
  d->date_use.assign(d->dates->size(), Doc::kPlain);
  for (size_t k = 0; k < d->dates->size(); ++k) {
    const tx::Span sp = (*d->dates)[k].span;
    const uint32_t first = d->TokenAt(sp.begin);
    for (uint32_t i = first; i < n && a.tokens[i].span.begin < sp.end; ++i) {
      d->date_of[i] = static_cast<int32_t>(k);
    }
    // Born (المولود، المولودة، مواليد), since (منذ), one word back or two
    // ("المولود في عام 1990").
    for (uint32_t i = first; i-- > 0 && i + 2 >= first;) {
      if (d->Is(i, "المولود") || d->Is(i, "المولودة") || d->Is(i, "مواليد")) {
        d->date_use[k] = Doc::kBirth;
      } else if (d->Is(i, "منذ") && d->date_use[k] == Doc::kPlain) {
        d->date_use[k] = Doc::kSince;
      }
    }
  }
  d->quantity_of.assign(n, kNone);
  for (size_t k = 0; k < a.quantities.size(); ++k) {
    const tx::Span sp = a.quantities[k].span;
    for (uint32_t i = d->TokenAt(sp.begin); i < n && a.tokens[i].span.begin < sp.end; ++i) {
      d->quantity_of[i] = static_cast<int32_t>(k);
    }
  }
  // A person named in full and later by one of the name's words alone.
  d->canonical.resize(d->mentions.size());
  std::unordered_map<std::string, uint32_t> full_by_word;
  for (size_t m = 0; m < d->mentions.size(); ++m) {
    const ner::Mention& men = d->mentions[m];
    d->canonical[m] = static_cast<uint32_t>(m);
    if (men.end_token > n) continue;
    const uint32_t words = men.end_token - men.first_token;
    if (men.type == ner::EntityType::kPerson && words == 1) {
      auto it = full_by_word.find(d->key[men.first_token]);
      if (it != full_by_word.end()) d->canonical[m] = it->second;
    } else if (words >= 2 && (men.type == ner::EntityType::kPerson ||
                              men.type == ner::EntityType::kOrganization)) {
      for (uint32_t i = men.first_token; i < men.end_token; ++i) {
        if (Letters(d->key[i]) >= 3) full_by_word[d->key[i]] = static_cast<uint32_t>(m);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Speakers and sources.

Attribution EntityAttribution(const Doc& d, uint32_t m) {
  const uint32_t c = d.canonical[m];
  Attribution at;
  at.kind = Attribution::Kind::kEntity;
  at.mention = c;
  tx::Span span = d.mentions[c].span;
  // A name the tokenizer read as preposition + name (ليلى as ل + يلى),
  // unless a word of attribution asks for the preposition ("وفقا لأحمد").
  const uint32_t first = d.mentions[c].first_token;
  const bool governed = first > 0 && d.Speech(first - 1) != d.lex.speech.end() &&
                        d.Speech(first - 1)->second == Speech::kPreposition;
  if (d.mentions[c].type == ner::EntityType::kPerson && !governed) {
    span.begin = std::min(span.begin, d.a.tokens[first].span.begin);
  }
  at.text = std::string(d.Text(span));
  return at;
}

// Words after which a speaker's phrase ends: "في بيان" (in a statement),
// "في تصريح" (in a declaration), "في حديث" (in talk), "في مؤتمر" (at a
// conference), "في مقابلة" (in an interview), "في كلمة" (in a speech), "في
// رسالة" (in a message), "في تغريدة" (in a tweet), "في منشور" (in a post).
bool IsChannel(const Doc& d, uint32_t i) {
  static const auto* channels = new std::unordered_set<std::string>{
      tx::MatchKey("بيان"),   tx::MatchKey("تصريح"), tx::MatchKey("تصريحات"),
      tx::MatchKey("حديث"),   tx::MatchKey("مؤتمر"), tx::MatchKey("مقابلة"),
      tx::MatchKey("كلمة"),   tx::MatchKey("رسالة"), tx::MatchKey("تغريدة"),
      tx::MatchKey("منشور"),  tx::MatchKey("تقرير"), tx::MatchKey("تسجيل"),
      tx::MatchKey("مقطع"),   tx::MatchKey("اتصال"), tx::MatchKey("ختام"),
      tx::MatchKey("تصريحه"), tx::MatchKey("بيانه")};
  return d.IsWord(i) && channels->count(d.key[i]) > 0;
}

// A relative-pronoun-like word or a verb-like word cannot continue a
// described source. Nisba adjectives (أمنية، عراقيون) can.
bool IsNisba(std::string_view key) {
  return Letters(key) >= 3 && (EndsWith(key, "ي") || EndsWith(key, "يه") ||
                               EndsWith(key, "يون") || EndsWith(key, "يين"));
}

// Whether token i is ب or the article written apart from the word they
// belong to, as the text layer leaves them (بـ 35، الـ 51: the tatweel is
// gone). As written: the match key of آل (the house of) is that of ال.
bool LoneBa(const Doc& d, uint32_t i) { return d.IsWord(i) && d.Tok(i) == "ب"; }
bool LoneArticle(const Doc& d, uint32_t i) { return d.IsWord(i) && d.Tok(i) == "ال"; }

// The mention at token i if it names one who may speak, a person or a body
// (not a place, nor a currency or another name); else kNone.
int32_t SpeakingMentionAt(const Doc& d, uint32_t i) {
  const int32_t m = d.mention_of[i];
  if (m == kNone) return kNone;
  const ner::EntityType type = d.mentions[m].type;
  return type == ner::EntityType::kPerson || type == ner::EntityType::kOrganization ? m : kNone;
}

struct SpeakerResult {
  std::optional<Attribution> who;
  uint32_t end = 0;        // first token after the speaker's phrase
  bool carried = false;    // "he said": the previous speaker
};

// A title word as one key for all its spellings: "وزير" (minister of),
// "الوزير" (the minister), "والوزير"; "" when token i is no title.
std::string TitleKey(const Doc& d, uint32_t i) {
  auto it = d.Find(d.lex.titles, i);
  if (it == d.lex.titles.end()) return "";
  return WithoutArticle(*it);
}

struct SpeakerState {
  std::optional<Attribution> last;
  uint32_t last_sentence = 0;
  // Titles that introduced a named speaker ("الباحث" before نزار حمادة).
  std::unordered_map<std::string, Attribution> by_title;
  // The direct quotation covering each token (Builder::quote_of_token), once
  // quotations are found; null before.
  const std::vector<int32_t>* quoted = nullptr;
};

// The organisation last named before token s whose name begins with the kind
// of body word s is (الصحيفة: «صحيفة الغارديان», also written لصحيفة), or
// follows a word of a kind that says what the name is (تنظيم «داعش»);
// kNone if word s is no kind of body or no such organisation was named.
// Not a body named inside someone's quoted words: «وقال القيادي: "لن نقبل بما
// قبلت به حركة فتح". وقالت الحركة» is the movement that spoke before.
int32_t LastBodyOfKind(const Doc& d, uint32_t s, const SpeakerState& st) {
  if (!d.IsWord(s)) return kNone;
  const std::string kind = WithoutArticle(d.key[s]);
  if (!d.lex.body_kinds.count(kind)) return kNone;
  // The tokenizer leaves ل and ب on words it does not know (لوزارة).
  const auto of_kind = [&](uint32_t i) {
    if (!d.IsWord(i)) return false;
    const std::string& k = d.key[i];
    return WithoutArticle(k) == kind ||
           ((StartsWith(k, "ل") || StartsWith(k, "ب")) && WithoutArticle(std::string_view(k).substr(2)) == kind);
  };
  const auto quote_mark = [&](uint32_t i) {
    const std::string_view p = d.Tok(i);
    return p == "«" || p == "\"" || p == "“" || p == "'";
  };
  const auto quotation = [&](uint32_t i) { return st.quoted == nullptr ? kNone : (*st.quoted)[i]; };
  for (size_t m = d.mentions.size(); m-- > 0;) {
    const ner::Mention& men = d.mentions[m];
    if (men.first_token >= s || men.type != ner::EntityType::kOrganization) continue;
    uint32_t before = men.first_token;
    while (before > 0 && quote_mark(before - 1)) --before;
    // A name in marks of its own («حركة أحرار الشام الإسلامية») is named,
    // though the marks may read as a quotation.
    if (before == men.first_token && quotation(men.first_token) != kNone &&
        quotation(men.first_token) != quotation(s)) {
      continue;
    }
    // A kind word before the name is in the construct state (تنظيم «داعش»):
    // with the article it is another phrase's («نائب زعيم الحركة سراج الدين»,
    // the deputy leader of the movement, Sirajuddin). Only a kind that says
    // what the name is: «بعثة الأمم المتحدة» is the UN's mission, not the UN.
    const bool kind_before = before > 0 && d.lex.naming_kinds.count(kind) && of_kind(before - 1) &&
                             !d.HasPrefix(before - 1, tx::Clitic::kArticle) && !StartsWith(d.surf[before - 1], "ال");
    if (of_kind(men.first_token) || kind_before) return static_cast<int32_t>(m);
  }
  return kNone;
}

std::optional<Attribution> Carry(const SpeakerState& st, uint32_t sentence) {
  if (st.last && sentence <= st.last_sentence + 4) return st.last;
  return std::nullopt;
}

// The speaker's phrase starting at token s (after a verb or preposition),
// ending before `limit`.
SpeakerResult ParseSpeaker(const Doc& d, uint32_t s, uint32_t limit, const SpeakerState& st,
                           uint32_t sentence) {
  SpeakerResult r;
  const Lexicon& lex = d.lex;
  // Skip a date after the verb ("وقال أمس الوزير"), "ما" in "بحسب ما", and
  // the verb's pronoun object ("بحسب ما أفاد به مسؤول": reported it).
  // Also adverbs ("وأكد بدوره الوزير", in turn; "تعليقا على الحادث",
  // commenting on the incident) and "من جانبه" (for his part).
  for (;;) {
    if (s < limit && (d.date_of[s] != kNone || d.Is(s, "ما") || d.Is(s, "به") ||
                      d.Is(s, "بها") || d.Is(s, "بهم") || d.Is(s, "عنه") || d.Is(s, "عنها") ||
                      d.Is(s, "عنهم") || d.Is(s, "فيه") || d.Is(s, "فيها"))) {
      ++s;
    } else if (s < limit && d.IsWord(s) && d.In(lex.speaker_adverbs, s)) {
      const bool on = s + 2 < limit && d.Is(s + 1, "على");  // ردا على X
      s += on ? 3 : 1;
    } else if (s + 1 < limit && d.Is(s, "من") &&
               (d.Is(s + 1, "جانبه") || d.Is(s + 1, "جانبها") || d.Is(s + 1, "جهته") ||
                d.Is(s + 1, "جهتها") || d.Is(s + 1, "ناحيته") || d.Is(s + 1, "ناحيتها"))) {
      s += 2;
    } else if (s < limit && d.IsWord(s) && d.Speech(s) != lex.speech.end() &&
               d.Speech(s)->second == Speech::kCarryVerb) {
      // "وتابع قائلا" (he went on, saying): the speaker is the verb's, before.
      ++s;
    } else if (s + 2 < limit && d.Is(s, "د") && d.IsPunct(s + 1, ".") && d.mention_of[s + 2] != kNone) {
      // "د." (Dr.) written against the name: "وأوضح د.أبو النجا".
      s += 2;
    } else {
      break;
    }
  }
  // "تقدر بنحو 300 ألف", "يقدر بنسبة 7.5 في المئة": the verb is "is
  // estimated at", no one speaks; nor does "يعتبر من أسباب" (is among the
  // causes). A word with ب is a measure unless it is a source's head the
  // tokenizer left the ب on (بمصادر).
  // So is ب written apart before its number ("يقدر ب 10%", بـ 35).
  const bool measure =
      s < limit && d.IsWord(s) && d.mention_of[s] == kNone &&
      (d.In(lex.measure_words, s) || LoneBa(d, s) ||
       (d.HasPrefix(s, tx::Clitic::kPreposition) && StartsWith(d.surf[s], "ب") &&
        !d.In(lex.speech_stops, s) && !lex.source_heads.count(d.surf[s].substr(2)) &&
        d.Speech(s) == lex.speech.end()));
  if (s < limit && (d.quantity_of[s] != kNone || measure || d.Is(s, "من"))) {
    r.end = s;
    return r;
  }
  uint32_t stop = s;
  const uint32_t max_end = std::min<uint32_t>(limit, s + kSpeakerWindow);
  while (stop < max_end) {
    if (!d.IsWord(stop)) {
      if (d.mention_of[stop] != kNone && stop > s) {  // a "-" inside a name
        ++stop;
        continue;
      }
      break;
    }
    if (d.mention_of[stop] == kNone) {
      if (d.In(lex.speech_stops, stop) || d.In(lex.speaker_adverbs, stop) || d.date_of[stop] != kNone) {
        break;
      }
      if (d.Speech(stop) != lex.speech.end() && stop > s) break;
      // "أعلنت مصادر طبية مقتل ...": the event is what was said. With the
      // article the word qualifies the speaker instead ("القائد العراقي
      // المنشق", the defecting commander).
      if (stop > s && d.Trigger(stop) != lex.triggers.end() && !StartsWith(d.key[stop], "ال") &&
          !d.HasPrefix(stop, tx::Clitic::kArticle)) {
        break;
      }
      if (d.Is(stop, "في") && stop + 1 < max_end && IsChannel(d, stop + 1)) break;
    }
    // "لوكالة فرانس برس" (to the agency): the outlet told, not the speaker,
    // named or not; the tagger leaves the ل out of a name. A person's name
    // may begin with ل (ليلى).
    const int32_t m = d.mention_of[stop];
    const bool preposition =
        d.HasPrefix(stop, tx::Clitic::kPreposition) ||
        (m != kNone && d.mentions[m].span.begin > d.a.tokens[stop].span.begin);
    if (stop > s && preposition && StartsWith(d.surf[stop], "ل") &&
        (m == kNone || (d.mentions[m].first_token == stop &&
                        d.mentions[m].type != ner::EntityType::kPerson))) {
      break;
    }
    ++stop;
  }
  r.end = stop;
  if (stop == s) {
    r.who = Carry(st, sentence);
    r.carried = true;
    return r;
  }
  // A described source: an indefinite head ("مصادر أمنية", "مسؤول في وزارة").
  const bool definite_first =
      StartsWith(d.surf[s], "ال") || d.HasPrefix(s, tx::Clitic::kArticle);
  const bool described_head =
      d.mention_of[s] == kNone && !definite_first && d.In(lex.source_heads, s);
  if (!described_head) {
    int32_t per = kNone, other = kNone;
    for (uint32_t i = s; i < stop; ++i) {
      const int32_t m = d.mention_of[i];
      if (m == kNone) continue;
      const auto type = d.mentions[m].type;
      if (type == ner::EntityType::kPerson && per == kNone) per = m;
      if (type == ner::EntityType::kOrganization && other == kNone) other = m;
      if (type != ner::EntityType::kPerson && other == kNone && i == s) other = m;
    }
    // A body that speaks first ("أعلنت وزارة الصحة وفاة الطبيب X") is the
    // source; a person named after it speaks for it only as its spokesman
    // ("أعلن الجيش على لسان المتحدث باسمه X").
    if (per != kNone && other != kNone && d.mention_of[s] == other) {
      bool spokesman = false;
      for (uint32_t i = d.mentions[other].end_token; i < d.mentions[per].first_token; ++i) {
        spokesman = spokesman || d.Is(i, "المتحدث") || d.Is(i, "المتحدثة") ||
                    d.Is(i, "الناطق") || d.Is(i, "الناطقة");
      }
      if (!spokesman) per = kNone;
    }
    if (per != kNone || other != kNone) {
      const uint32_t m = static_cast<uint32_t>(per != kNone ? per : other);
      r.who = EntityAttribution(d, m);
      // The mention ends the phrase.
      r.end = std::max(r.end, std::min(stop, d.mentions[m].end_token));
      return r;
    }
    // A title standing for someone named before with it: "وأضاف الوزير".
    // Another title is someone else, described.
    if (d.In(lex.titles, s) && stop - s <= 2) {
      auto it = st.by_title.find(TitleKey(d, s));
      if (it != st.by_title.end()) {
        r.who = it->second;
        return r;
      }
    }
    // A kind of body with the article standing for the last body of that
    // kind named before it: "وأضافت الصحيفة" after «صحيفة الغارديان». Alone:
    // «الصحيفة البريطانية» (the British paper) may be another paper.
    if (definite_first && stop - s == 1) {
      if (const int32_t m = LastBodyOfKind(d, s, st); m != kNone) {
        r.who = EntityAttribution(d, static_cast<uint32_t>(m));
        return r;
      }
    }
  }
  // Described: the head and what qualifies it (adjectives, "في ..." phrases,
  // a genitive noun), at most 7 words.
  // In verb-subject order any noun phrase before إن/أن is the subject.
  // Nor a preposition, pronoun or particle: «وهو ما يشير إليه نشاط ...»
  // (which is what the activity of ... points to) has no speaker. بعض
  // (some) and كل (every) begin sources: «بعض المصادر».
  const bool quantifier = d.Is(s, "بعض") || d.Is(s, "كل");
  if (d.In(lex.speech_stops, s) || d.Is(s, "في") || (tx::IsFunctionWord(d.key[s]) && !quantifier)) return r;
  auto definite = [&](uint32_t i) { return StartsWith(d.key[i], "ال") || d.HasPrefix(i, tx::Clitic::kArticle); };
  uint32_t e = s + 1;
  bool after_prep = false;
  while (e < stop && e < s + 7) {
    const std::string& k = d.surf[e];
    if (d.Is(e, "في") || d.Is(e, "من") || d.Is(e, "باسم")) {
      after_prep = true;
      ++e;
      continue;
    }
    if (after_prep || definite(e) || IsNisba(d.key[e]) ||
        (StartsWith(k, "و") && IsNisba(std::string_view(k).substr(2))) ||
        d.mention_of[e] != kNone) {
      ++e;
      continue;
    }
    // A genitive right after the head, "مسؤول قسم ..." then a definite
    // word; a name after a definite word ("قائد العمليات عمار الزيدي"); a
    // place with its preposition ("مصادر ملاحية بمطار القاهرة"). Not a bare
    // noun after an indefinite adjective: in «قدرت مصادر أمنية عدد
    // المنضمين» (security sources estimated the number of those who
    // joined) it is the verb's object.
    const bool with_preposition = d.HasPrefix(e, tx::Clitic::kPreposition) || StartsWith(d.surf[e], "ب");
    const bool definite_next =
        e + 1 < stop && (StartsWith(d.surf[e + 1], "ال") || d.HasPrefix(e + 1, tx::Clitic::kArticle));
    // Or an indefinite genitive with its adjective: "أجهزة استخبارات أميركية"
    // (American intelligence services).
    const bool nisba_next = e == s + 1 && e + 1 < stop && IsNisba(d.key[e + 1]);
    if (((e == s + 1 || definite(e - 1) || with_preposition) && definite_next) || nisba_next) {
      ++e;
      continue;
    }
    break;
  }
  // A short phrase right before إن/أن or ":" is the whole source: "شهود
  // عيان"، "مصادر مطلعة".
  if (stop - s <= 3 && stop < limit && (d.In(lex.speech_stops, stop) || d.IsPunct(stop, ":"))) {
    e = std::max(e, stop);
  }
  // An article written apart before a number is an ordinal's ("التقرير الـ
  // 51", the 51st report): the number ends the phrase.
  if (e > s + 1 && e < limit && LoneArticle(d, e - 1) && d.a.tokens[e].kind == tx::TokenKind::kNumber) ++e;
  // Trailing prepositions are not part of the phrase, nor an article alone.
  while (e > s + 1 && (d.Is(e - 1, "في") || d.Is(e - 1, "من") || d.Is(e - 1, "و") || LoneArticle(d, e - 1))) --e;
  Attribution at;
  at.kind = Attribution::Kind::kDescribed;
  // Without a preposition joined to the first word: "للتقرير" is "التقرير".
  uint32_t from = d.a.tokens[s].span.begin;
  if (d.HasPrefix(s, tx::Clitic::kPreposition)) {
    from = d.a.tokens[s].stem.begin;
    if (d.HasPrefix(s, tx::Clitic::kArticle)) at.text = "ال";
  }
  at.text += std::string(d.t.substr(from, d.a.tokens[e - 1].span.end - from));
  // The tokenizer keeps a preposition on words it does not know as words
  // ("لمصادر", "بمصادر"): off, when what is left is a source head.
  if (from == d.a.tokens[s].span.begin && (StartsWith(d.surf[s], "ل") || StartsWith(d.surf[s], "ب")) &&
      lex.source_heads.count(d.surf[s].substr(2))) {
    at.text.erase(0, 2);
  }
  // A described entity-less phrase that contains a named organisation or
  // person keeps the words as written; the mention is not the source.
  r.who = at;
  r.end = stop;
  return r;
}

// The source a speech word at token v introduces.
SpeakerResult SpeakerOf(const Doc& d, uint32_t v, Speech kind, uint32_t limit,
                        const SpeakerState& st) {
  const uint32_t sentence = d.sentence_of[v];
  uint32_t s = v + 1;
  if (kind == Speech::kTransmit) {
    // "نقلت الصحيفة عن الباحث X": the source is after عن.
    for (uint32_t i = s; i < limit && i < v + kSpeakerWindow; ++i) {
      if (d.Is(i, "عن")) return ParseSpeaker(d, i + 1, limit, st, sentence);
    }
  }
  if (kind == Speech::kPreposition) {
    // نقلا عن، وفقا لـ، استنادا إلى، بحسب ما قال X.
    while (s < limit && (d.Is(s, "عن") || d.Is(s, "ل") || d.Is(s, "لـ") || d.Is(s, "إلى") ||
                         d.Is(s, "ما") || d.Is(s, "لما"))) {
      ++s;
    }
    if (s < limit) {
      auto it = d.Speech(s);
      if (it != d.lex.speech.end() && it->second == Speech::kVerb) {
        return ParseSpeaker(d, s + 1, limit, st, sentence);
      }
    }
  }
  if (kind == Speech::kCarryVerb) {
    // "..., قائلا:" — the subject of the sentence's verb before it: the
    // source that verb was read with, else the sentence's first name.
    SpeakerResult r;
    r.end = v + 1;
    if (st.last && st.last_sentence == sentence) {
      r.who = st.last;
      r.carried = true;
      return r;
    }
    const uint32_t begin = d.SentenceBegin(sentence);
    for (uint32_t i = begin; i < v; ++i) {
      if (const int32_t m = SpeakingMentionAt(d, i); m != kNone) {
        r.who = EntityAttribution(d, static_cast<uint32_t>(m));
        return r;
      }
    }
    r.who = Carry(st, sentence);
    r.carried = true;
    return r;
  }
  // «يُعتبر» (is considered) says no one's words unless a clause of what is
  // considered follows («ويعتبر بعض الخبراء أن», some experts consider
  // that): «ويعتبر المشروع من أهم المشاريع» (the project is considered among
  // the most important) has no speaker, and a name right before the verb
  // is its subject («الخبير سامر ناصر يعتبر»).
  if (kind == Speech::kVerb && d.Written(d.lex.considered_verbs, v)) {
    bool clause = false;
    for (uint32_t i = s; i < limit && i < s + kSpeakerWindow && !clause; ++i) {
      if (d.IsPunctKind(i)) break;
      clause = d.Is(i, "أن") || d.Is(i, "إن") || d.Is(i, "بأن") || d.Is(i, "أنه") || d.Is(i, "أنها");
    }
    const int32_t subject = v > 0 ? SpeakingMentionAt(d, v - 1) : kNone;
    if (!clause || subject != kNone) {
      SpeakerResult r;
      r.end = s;
      if (subject != kNone) r.who = EntityAttribution(d, static_cast<uint32_t>(subject));
      return r;
    }
  }
  // What was measured right after a verb of estimating is no speaker: a
  // name right before the verb is its subject («الأمم المتحدة تقدر عدد
  // اللاجئين», the UN estimates the number of refugees), else the verb is
  // read in the passive and has none («وقُدّر حجم الإنفاق بنحو», the
  // spending was estimated at).
  if (kind == Speech::kVerb && d.Written(d.lex.estimate_verbs, v) && s < limit && d.IsWord(s) &&
      d.mention_of[s] == kNone && d.In(d.lex.measured_nouns, s)) {
    SpeakerResult r;
    r.end = s;
    const int32_t subject = v > 0 ? SpeakingMentionAt(d, v - 1) : kNone;
    if (subject != kNone) r.who = EntityAttribution(d, static_cast<uint32_t>(subject));
    return r;
  }
  SpeakerResult r = ParseSpeaker(d, s, limit, st, sentence);
  if (r.carried && kind == Speech::kVerb) {
    // Subject before the verb: "لكن مسؤولا أمنيا قال إن ...".
    const uint32_t begin = d.SentenceBegin(sentence);
    uint32_t from = v;
    while (from > begin && from + 8 > v && !d.IsPunctKind(from - 1)) --from;
    while (from < v && (d.Is(from, "لكن") || d.Is(from, "و") || d.Is(from, "كما") ||
                        d.Is(from, "بينما") || d.Is(from, "فيما") || d.Is(from, "غير") ||
                        d.Is(from, "أن") || d.Is(from, "إن") || d.Is(from, "لكن"))) {
      ++from;
    }
    if (from < v) {
      SpeakerResult before = ParseSpeaker(d, from, v, st, sentence);
      // Only a name or a source word stands before the verb as its subject.
      const bool subject = before.who && !before.carried &&
                           (before.who->kind == Attribution::Kind::kEntity ||
                            d.In(d.lex.source_heads, from) || d.In(d.lex.titles, from));
      if (subject) {
        before.end = r.end;
        return before;
      }
    }
  }
  return r;
}

void Remember(const Doc& d, const SpeakerResult& r, uint32_t v, uint32_t sentence,
              SpeakerState* st) {
  if (!r.who) return;
  st->last = r.who;
  st->last_sentence = sentence;
  if (r.who->kind == Attribution::Kind::kEntity && !r.carried) {
    // The title word right before the name: "الباحث نزار حمادة".
    const uint32_t first = d.mentions[*r.who->mention].first_token;
    for (uint32_t i = v + 1; i < first && i < d.size(); ++i) {
      if (d.In(d.lex.titles, i)) st->by_title[TitleKey(d, i)] = *r.who;
    }
    if (first > 0 && d.In(d.lex.titles, first - 1)) st->by_title[TitleKey(d, first - 1)] = *r.who;
  }
}

// ---------------------------------------------------------------------------
// Quotations.

struct Mark {
  uint32_t token;
  bool open;   // can open
  bool close;  // can close
  bool guillemet;
};

bool IsSpaceOrStart(std::string_view t, uint32_t b) {
  if (b == 0) return true;
  const char c = t[b - 1];
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '(' || c == ':' || c == '[';
}

bool IsSpaceOrPunctAfter(std::string_view t, uint32_t e) {
  if (e >= t.size()) return true;
  const unsigned char c = static_cast<unsigned char>(t[e]);
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '.' || c == ',' || c == ';' ||
      c == ':' || c == '!' || c == '?' || c == ')' || c == ']') {
    return true;
  }
  // ، ؛ ؟ (U+060C, U+061B, U+061F) are D8 8C, D8 9B, D8 9F.
  return c == 0xD8 && e + 1 < t.size() &&
         (static_cast<unsigned char>(t[e + 1]) == 0x8C ||
          static_cast<unsigned char>(t[e + 1]) == 0x9B ||
          static_cast<unsigned char>(t[e + 1]) == 0x9F);
}

struct QuoteSpan {
  uint32_t open_token, close_token;  // the marks
  tx::Span span;                     // inside the marks, trimmed
};

std::vector<QuoteSpan> PairQuotes(const Doc& d) {
  std::vector<Mark> marks;
  for (uint32_t i = 0; i < d.size(); ++i) {
    if (d.IsWord(i)) continue;
    const std::string_view p = d.Tok(i);
    const tx::Span sp = d.a.tokens[i].span;
    if (p == "«") {
      marks.push_back({i, true, false, true});
    } else if (p == "»") {
      marks.push_back({i, false, true, true});
    } else if (p == "\"") {
      const bool before = IsSpaceOrStart(d.t, sp.begin);
      const bool after = IsSpaceOrPunctAfter(d.t, sp.end);
      marks.push_back({i, before || !after, after || !before, false});
    }
  }
  std::vector<QuoteSpan> out;
  // The first newline after the current opening mark, found once per
  // opening mark at most: openers come in text order, so the scans add up
  // to one pass over the text.
  size_t newline = d.t.find('\n');
  auto paragraph_break = [&](uint32_t to) { return newline < to; };
  size_t k = 0;
  while (k < marks.size()) {
    const Mark& o = marks[k];
    if (!o.open) {
      ++k;
      continue;
    }
    const uint32_t ob = d.a.tokens[o.token].span.end;
    if (newline < ob) newline = d.t.find('\n', ob);
    size_t close = marks.size();
    for (size_t j = k + 1; j < marks.size(); ++j) {
      const uint32_t cb = d.a.tokens[marks[j].token].span.begin;
      if (cb - ob > kParagraphBytes || paragraph_break(cb)) break;
      if (o.guillemet) {
        if (marks[j].guillemet && marks[j].close) {
          close = j;
          break;
        }
        if (marks[j].guillemet && marks[j].open) break;  // «... « : unbalanced
        continue;  // "..." inside «...» are names or nested quotations
      }
      if (marks[j].close) {
        close = j;
        break;
      }
    }
    if (close == marks.size() && o.guillemet) {
      // «...” : a French mark closed by an English one.
      for (size_t j = k + 1; j < marks.size(); ++j) {
        const uint32_t cb = d.a.tokens[marks[j].token].span.begin;
        if (cb - ob > kParagraphBytes || paragraph_break(cb)) break;
        if (marks[j].guillemet && marks[j].open) break;  // the later « is the one closed
        if (!marks[j].guillemet && marks[j].close &&
            (j + 1 == marks.size() || !marks[j + 1].close ||
             d.a.tokens[marks[j + 1].token].span.begin > cb + kParagraphBytes)) {
          close = j;
          break;
        }
      }
    }
    if (close == marks.size()) {
      ++k;
      continue;
    }
    QuoteSpan q;
    q.open_token = o.token;
    q.close_token = marks[close].token;
    uint32_t b = ob, e = d.a.tokens[q.close_token].span.begin;
    while (b < e && (d.t[b] == ' ' || d.t[b] == '\n')) ++b;
    while (e > b && (d.t[e - 1] == ' ' || d.t[e - 1] == '\n')) --e;
    q.span = {b, e};
    out.push_back(q);
    k = close + 1;
  }
  return out;
}

// A quotation of a few words is a name or a term ("جاهش", "بي بي سي").
bool IsStatement(const Doc& d, const QuoteSpan& q) {
  uint32_t words = 0;
  for (uint32_t i = q.open_token + 1; i < q.close_token; ++i) words += d.IsWord(i) ? 1 : 0;
  return words >= 4;
}

// ---------------------------------------------------------------------------
// Claims.

std::string MagnitudeName(double high) {
  const double scale = high / 9;
  struct Name {
    double scale;
    const char* name;
  };
  static constexpr Name kNames[] = {
      {10, "tens"},         {100, "hundreds"},           {1e3, "thousands"},
      {1e4, "tens_of_thousands"}, {1e5, "hundreds_of_thousands"}, {1e6, "millions"},
      {1e7, "tens_of_millions"},  {1e8, "hundreds_of_millions"},  {1e9, "billions"}};
  const Name* best = &kNames[0];
  for (const Name& n : kNames) {
    if (std::fabs(std::log10(scale) - std::log10(n.scale)) <
        std::fabs(std::log10(scale) - std::log10(best->scale))) {
      best = &n;
    }
  }
  return best->name;
}

// The singular of a counted noun at token i (display form), or "". A word
// with the article counts only where a noun phrase is sure to follow
// (`definite_noun`: after a magnitude, "آلاف المقاتلين", after من or عدد);
// after a plain number it qualifies something else ("السنين الـ17
// الماضية", the past 17 years; "فايننشال تايمز 100 البريطاني").
std::string Singular(const Doc& d, uint32_t i, bool definite_noun = true) {
  if (i >= d.size() || !d.IsWord(i)) return "";
  const Lexicon& lex = d.lex;
  auto it = d.Find(lex.singular, i);
  if (it != lex.singular.end()) return it->second;
  if (d.Speech(i) != lex.speech.end() || d.Trigger(i) != lex.triggers.end() ||
      d.In(lex.speech_stops, i) ||
      d.In(lex.units, i) || d.mention_of[i] != kNone || d.date_of[i] != kNone) {
    return "";
  }
  // Regular endings: sound plurals (-ين، -ون، -ات) and the accusative alif.
  const tx::Token& tok = d.a.tokens[i];
  std::string stem(d.Text(tok.stem));
  const std::string& k = d.key[i];
  if (Letters(k) < 3) return "";
  if (EndsWith(k, "وا")) return "";  // a verb: غادروا
  if ((EndsWith(k, "ين") || EndsWith(k, "ون")) && Letters(k) >= 5) {
    return stem.substr(0, stem.size() - 4);
  }
  if (EndsWith(k, "ات") && Letters(k) >= 5) return stem.substr(0, stem.size() - 4) + "ة";
  if (EndsWith(k, "ا") && Letters(k) >= 4 && !EndsWith(k, "يا")) {
    return stem.substr(0, stem.size() - 2);
  }
  if (definite_noun && tok.clitic_count > 0 && d.HasPrefix(i, tx::Clitic::kArticle)) return stem;
  return "";
}

bool IsPersonNoun(const Doc& d, const std::string& singular) {
  return !singular.empty() && d.lex.people.count(tx::MatchKey(singular)) > 0;
}

// Events whose word counts people right before or after it: "مقتل 32",
// "أوقفت الشرطة سبعة", "42 حوثيا قتلوا".
bool CountsPeople(const std::string& type) {
  return type == "killed" || type == "injured" || type == "arrested";
}

// The counted noun after a number ending before token j: "32 شخصا", "29 من
// المدنيين", "آلاف المقاتلين" (`magnitude`: the figure is such a word).
// Sets *at to the noun's token, and *people (if not null) when the noun is
// a relative adjective made a plural or accusative noun ("42 حوثيا", "5
// عسكريين"): counted, those are people.
std::string CountedAfter(const Doc& d, uint32_t j, uint32_t limit, bool magnitude, uint32_t* at,
                         bool* people = nullptr, bool casualties = false) {
  if (j < limit && d.Is(j, "فقط")) ++j;  // only
  bool definite_noun = magnitude;
  if (j < limit && d.Is(j, "من") && j + 1 < limit) {  // "3 من عناصر"
    ++j;
    definite_noun = true;
  }
  // Demonstratives: these, those.
  if (j < limit && (d.Is(j, "هؤلاء") || d.Is(j, "أولئك") || d.Is(j, "هذه") || d.Is(j, "تلك"))) ++j;
  if (j >= limit) return "";
  std::string s = Singular(d, j, definite_noun);
  const std::string& k = d.key[j];
  // Singular leaves -يا alone (سوريا، روسيا); after a number it is a noun
  // where people are counted: an event's casualties before it or after it
  // ("42 حوثيا قتلوا"). Elsewhere it is as often an adverb ("150 يوميا",
  // 150 a day).
  const auto next = j + 1 < limit ? d.Trigger(j + 1) : d.lex.triggers.end();
  casualties = casualties || (next != d.lex.triggers.end() && CountsPeople(next->second));
  if (s.empty() && casualties && d.IsWord(j) && EndsWith(k, "يا") && Letters(k) >= 5 &&
      d.mention_of[j] == kNone) {
    const std::string_view stem = d.Text(d.a.tokens[j].stem);
    s = std::string(stem.substr(0, stem.size() - 2));
  }
  if (!s.empty()) *at = j;
  if (people && !s.empty() && EndsWith(s, "ي") &&
      (EndsWith(k, "يا") || EndsWith(k, "يين") || EndsWith(k, "يون"))) {
    *people = true;
  }
  return s;
}

const char* RoleNoun(const std::string& event) {
  if (event == "killed") return "قتيل";    // killed
  if (event == "injured") return "جريح";   // wounded
  if (event == "arrested") return "موقوف"; // arrested
  return "";
}

struct ClaimContext {
  std::vector<int32_t> claim_of_quantity;  // quantity index → claim index
  std::vector<bool> part;                  // quantity is part of a breakdown
};

}  // namespace

const std::vector<std::string>& EventTypes() {
  static const auto* types = [] {
    std::set<std::string> distinct;
    for (const auto& [word, type] : Lex().triggers) distinct.insert(type);
    return new std::vector<std::string>(distinct.begin(), distinct.end());
  }();
  return *types;
}

const char* AttributionKindName(Attribution::Kind kind) {
  switch (kind) {
    case Attribution::Kind::kEntity: return "entity";
    case Attribution::Kind::kDescribed: return "described";
    case Attribution::Kind::kOutlet: return "outlet";
  }
  return "?";
}

std::string TopicWord(std::string_view word) {
  const Lexicon& lex = Lex();
  const std::string key = tx::MatchKey(word);
  for (const std::string& k : {key, WithoutArticle(key)}) {
    if (auto it = lex.singular.find(k); it != lex.singular.end()) return tx::MatchKey(it->second);
    if (auto it = lex.units.find(k); it != lex.units.end()) return tx::MatchKey(it->second);
  }
  return "";
}

std::string ClaimTopic(const Claim& c) {
  std::string place;
  const bool persons_age = c.unit == "age_years" && c.about_mention;
  for (size_t b = 0; b < c.place.size() && !persons_age;) {
    size_t e = c.place.find(' ', b);
    if (e == std::string::npos) e = c.place.size();
    std::string w = tx::EndingKey(std::string_view(c.place).substr(b, e - b));
    if (w.empty()) w = tx::MatchKey(std::string_view(c.place).substr(b, e - b));
    if (!place.empty()) place += ' ';
    place += w;
    b = e + 1;
  }
  return c.unit + "|" + tx::MatchKey(c.counted) + "|" + place;
}

std::optional<int> SameFactDays(std::string_view unit, std::string_view counted, bool of_one_person) {
  if (unit == "age_years") return of_one_person ? std::optional<int>(30) : std::nullopt;
  const Lexicon& lex = Lex();
  const std::string key = tx::MatchKey(counted);
  if (key.empty() || lex.generic_people.count(key)) return std::nullopt;
  if (unit == "person" && lex.incident_people.count(key)) return 1;
  return 7;
}

namespace {

// Which speech words govern each token: the nearest before it in its
// sentence, else the first after it. Computed per sentence.
struct SentenceSources {
  // (token of the speech word, its source, token where its phrase ends)
  struct Item {
    uint32_t token;
    uint32_t end;
    std::optional<Attribution> who;
    Speech kind;
    // The first token of what is said ("إن" in "قال X لوكالة Y إن ..."):
    // names before it tell who speaks and to whom, not what happened.
    uint32_t said;
  };
  std::vector<std::vector<Item>> items;  // per sentence
};

struct Builder {
  Doc& d;
  Extraction out;
  SpeakerState st;
  SentenceSources sources;
  std::vector<QuoteSpan> quote_marks;
  std::vector<int32_t> quote_of_token;  // direct quote covering each token
  ClaimContext cc;

  explicit Builder(Doc& doc) : d(doc) {}

  void Quotes();
  void Claims();
  void Events();
  void DualClaims();
  Attribution SourceAt(uint32_t token) const;
  // The place of what token `at` tells, the figure or trigger ending before
  // `from`: a place (after في، قرب ... or with ب) after it in its clause,
  // else the nearest before it in its clause, else one of an earlier clause
  // it follows from or that ends with a place, else one that opens the
  // sentence ("وفي تعز، قتل ..."). Not one of an unrelated clause: "..., حيث
  // كانت المشاركة الأولى عام 2004 في ألمانيا" places nothing before it.
  std::optional<uint32_t> PlaceNear(uint32_t at, uint32_t from, uint32_t sentence,
                                    std::string* place) const;
  // Adds `p` to the event unless the same name takes part already (داعش
  // named in two sentences of one event is one participant).
  void AddParticipant(const Participant& p, Event* e) const {
    const std::string name = tx::MatchKey(d.Text(d.mentions[p.mention].span));
    for (const Participant& q : e->participants) {
      if (q.mention == p.mention || tx::MatchKey(d.Text(d.mentions[q.mention].span)) == name) return;
    }
    e->participants.push_back(p);
  }
};

void Builder::Quotes() {
  const Lexicon& lex = d.lex;
  quote_marks = PairQuotes(d);
  quote_of_token.assign(d.size(), kNone);
  st.quoted = &quote_of_token;
  // Direct quotations that are statements, not names in marks.
  std::vector<QuoteSpan> direct;
  for (const QuoteSpan& q : quote_marks) {
    if (IsStatement(d, q)) direct.push_back(q);
  }
  for (size_t k = 0; k < direct.size(); ++k) {
    for (uint32_t i = direct[k].open_token; i <= direct[k].close_token; ++i) {
      quote_of_token[i] = static_cast<int32_t>(k);
    }
  }
  sources.items.assign(d.a.sentences.size(), {});
  // Walk the text in order: speech words (outside quotations) and direct
  // quotations, so that "he added" finds the speaker before it.
  size_t next_quote = 0;
  std::vector<Quote> quotes;
  auto emit_direct = [&](const QuoteSpan& q) {
    Quote out_q;
    out_q.span = q.span;
    out_q.direct = true;
    out_q.sentence = d.sentence_of[q.open_token];
    const uint32_t sentence = out_q.sentence;
    const uint32_t begin = d.SentenceBegin(sentence);
    // A speech word before the quotation in its sentence ...
    std::optional<Attribution> who;
    for (uint32_t i = q.open_token; i-- > begin;) {
      if (quote_of_token[i] != kNone) break;
      auto it = d.Speech(i);
      if (it == lex.speech.end()) continue;
      // Its source was already read in the walk.
      for (const auto& item : sources.items[sentence]) {
        if (item.token == i) who = item.who;
      }
      break;
    }
    // ... or "X: «...»" ...
    if (!who && q.open_token >= 2 && d.IsPunct(q.open_token - 1, ":") &&
        d.mention_of[q.open_token - 2] != kNone) {
      who = EntityAttribution(d, static_cast<uint32_t>(d.mention_of[q.open_token - 2]));
    }
    // ... or "جاء في بيان الجماعة: «...»" (it says in the group's statement).
    if (!who) {
      for (uint32_t i = begin; i + 1 < q.open_token; ++i) {
        if (!IsChannel(d, i)) continue;
        const uint32_t n = i + 1;
        if (d.mention_of[n] != kNone) {
          who = EntityAttribution(d, static_cast<uint32_t>(d.mention_of[n]));
        } else if (d.IsWord(n) && (StartsWith(d.surf[n], "ال") ||
                                   d.HasPrefix(n, tx::Clitic::kArticle))) {
          Attribution at;
          at.kind = Attribution::Kind::kDescribed;
          at.text = std::string(d.Tok(n));
          who = at;
        }
        break;
      }
    }
    // ... or one just after it: "«...»، قال X" / "، بحسب X".
    if (!who) {
      const uint32_t end = std::min<uint32_t>(d.SentenceEnd(d.sentence_of[q.close_token]),
                                              static_cast<uint32_t>(d.size()));
      for (uint32_t i = q.close_token + 1; i < end && i <= q.close_token + 4; ++i) {
        auto it = d.Speech(i);
        if (it == lex.speech.end()) {
          if (d.IsWord(i) && !d.Is(i, "و")) break;
          continue;
        }
        const SpeakerResult r = SpeakerOf(d, i, it->second, end, st);
        who = r.who;
        Remember(d, r, i, sentence, &st);
        break;
      }
    }
    // ... or the speaker of the last statement ("وأضاف:" in a paragraph of
    // its own, or a quotation continued after a break).
    if (!who && q.open_token > begin && d.IsPunct(q.open_token - 1, ":")) {
      who = Carry(st, sentence);
    }
    if (who) {
      st.last = who;
      st.last_sentence = d.sentence_of[q.close_token];
    }
    out_q.speaker = who;
    quotes.push_back(std::move(out_q));
  };

  for (uint32_t s = 0; s < d.a.sentences.size(); ++s) {
    const uint32_t begin = d.SentenceBegin(s), end = d.SentenceEnd(s);
    for (uint32_t i = begin; i < end && i < d.size(); ++i) {
      while (next_quote < direct.size() && direct[next_quote].open_token < i) {
        emit_direct(direct[next_quote++]);
      }
      if (quote_of_token[i] != kNone) continue;
      auto it = d.Speech(i);
      if (it == lex.speech.end()) continue;
      // "قال" inside a name, or a speech word that is a date's neighbour only.
      if (d.mention_of[i] != kNone) continue;
      // The limit: the sentence end or the next quotation mark.
      uint32_t limit = end;
      for (uint32_t j = i + 1; j < end && j < i + kSpeakerWindow + 4; ++j) {
        if (quote_of_token[j] != kNone) {
          limit = j;
          break;
        }
      }
      const SpeakerResult r = SpeakerOf(d, i, it->second, limit, st);
      sources.items[s].push_back({i, r.end, r.who, it->second, r.end});
      Remember(d, r, i, s, &st);
      // Indirect speech: a complementiser after the speaker ("قال X إن ...").
      if (it->second == Speech::kVerb || it->second == Speech::kTransmit) {
        uint32_t c = r.end;
        // An apposition between the name and what is said: "قال X، المتحدث
        // باسم الجماعة، إن ...".
        if (c < end && (d.IsPunct(c, "،") || d.IsPunct(c, ","))) {
          for (uint32_t j = c + 1; j < end && j < c + 10; ++j) {
            if (d.IsPunct(j, "،") || d.IsPunct(j, ",")) {
              c = j + 1;
              break;
            }
          }
        }
        // "في بيان نشره على موقعه أن ...": words between the two.
        if (c < end && !d.IsPunctKind(c)) {
          for (uint32_t j = c; j < end && j < c + 10; ++j) {
            if (d.Is(j, "إن") || d.Is(j, "أن") || d.Is(j, "بأن")) {
              c = j;
              break;
            }
            if (!d.IsWord(j) || d.Speech(j) != lex.speech.end()) break;
          }
        }
        if (c < end && (d.Is(c, "قوله") || d.Is(c, "قولها") || d.Is(c, "قولهم"))) ++c;
        static const char* kThat[] = {"إن", "أن", "بأن", "إنه", "أنه", "بأنه", "إنها", "أنها",
                                      "بأنها", "إنهم", "أنهم", "بأنهم"};
        bool that = false;
        if (c < end) {
          for (const char* w : kThat) that = that || d.Is(c, w);
        }
        if (that) sources.items[s].back().said = c;
        if (that && r.who && c + 1 < end && quote_of_token[c + 1] == kNone) {
          const bool pronoun = !d.Is(c, "إن") && !d.Is(c, "أن") && !d.Is(c, "بأن");
          uint32_t from = pronoun ? c : c + 1;
          uint32_t to = end;
          // A direct quotation or another source later in the sentence ends
          // the indirect part ("..., بينما قدرت مصادر ...").
          for (uint32_t j = from + 1; j < end; ++j) {
            if (quote_of_token[j] != kNone || (d.mention_of[j] == kNone && d.Speech(j) != lex.speech.end())) {
              to = j;
              break;
            }
          }
          while (to > from && (d.IsPunctKind(to - 1) || d.Is(to - 1, "بينما") ||
                               d.Is(to - 1, "فيما") || d.Is(to - 1, "و"))) {
            --to;
          }
          if (to > from + 1) {
            Quote q;
            q.span = {d.a.tokens[from].span.begin, d.a.tokens[to - 1].span.end};
            q.direct = false;
            q.speaker = r.who;
            q.sentence = s;
            quotes.push_back(std::move(q));
          }
        }
      } else if (it->second == Speech::kPreposition && r.who) {
        // "وبحسب X، ..." or "...، بحسب X": the rest of the sentence.
        uint32_t from = begin, to = i;
        if (i <= begin + 1) {
          from = r.end;
          to = end;
        }
        while (from < to && d.IsPunctKind(from)) ++from;
        while (to > from && d.IsPunctKind(to - 1)) --to;
        bool has_direct = false;
        for (uint32_t j = from; j < to; ++j) has_direct = has_direct || quote_of_token[j] != kNone;
        if (to > from + 2 && !has_direct) {
          Quote q;
          q.span = {d.a.tokens[from].span.begin, d.a.tokens[to - 1].span.end};
          q.direct = false;
          q.speaker = r.who;
          q.sentence = s;
          quotes.push_back(std::move(q));
        }
      }
    }
  }
  while (next_quote < direct.size()) emit_direct(direct[next_quote++]);
  std::stable_sort(quotes.begin(), quotes.end(),
                   [](const Quote& x, const Quote& y) { return x.span.begin < y.span.begin; });
  out.quotes = std::move(quotes);
}

// Who the article attributes what is said at `token` to.
Attribution Builder::SourceAt(uint32_t token) const {
  // Inside a direct quotation: its speaker.
  if (quote_of_token[token] != kNone) {
    const tx::Span sp = d.a.tokens[token].span;
    for (const Quote& q : out.quotes) {
      if (q.direct && q.span.begin <= sp.begin && sp.end <= q.span.end && q.speaker) {
        return *q.speaker;
      }
    }
  }
  const auto& items = sources.items[d.sentence_of[token]];
  const SentenceSources::Item* best = nullptr;
  for (const auto& item : items) {
    if (item.token < token && item.who) best = &item;
  }
  if (!best) {
    for (const auto& item : items) {
      if (item.token > token && item.who) {
        best = &item;
        break;
      }
    }
  }
  if (best) return *best->who;
  return Attribution{};
}

std::optional<uint32_t> Builder::PlaceNear(uint32_t at, uint32_t from, uint32_t sentence,
                                           std::string* place) const {
  const uint32_t begin = d.SentenceBegin(sentence);
  const uint32_t end = std::min<uint32_t>(d.SentenceEnd(sentence), d.size());
  // A word before a place (في، قرب، جنوب), also with ب (بجنوب، بمدينة).
  // The capital is one only where it is the place: "في العاصمة دمشق",
  // "بالعاصمة"; not "القريبة من العاصمة إسلام أباد" (near the capital) or
  // "شمال غربي العاصمة صنعاء".
  auto prep = [&](uint32_t k) {
    const std::string& w = d.surf[k];
    if (d.Is(k, "العاصمة") || d.Is(k, "عاصمة")) {
      return d.HasPrefix(k, tx::Clitic::kPreposition) ||
             (k > begin && (d.Is(k - 1, "في") || d.Is(k - 1, "إلى")));
    }
    return d.In(d.lex.place_preps, k) ||
           (Letters(w) >= 4 && StartsWith(w, "ب") && d.lex.place_preps.count(w.substr(2)));
  };
  auto is_place = [&](uint32_t i) {
    const int32_t m = d.mention_of[i];
    if (m == kNone || d.mentions[m].type != ner::EntityType::kLocation ||
        d.mentions[m].first_token != i) {
      return false;
    }
    if (d.HasPrefix(i, tx::Clitic::kPreposition)) return true;  // بسوريا
    return i > begin && prep(i - 1);
  };
  auto clause_break = [&](uint32_t i) {
    return d.IsPunct(i, ".") || d.IsPunct(i, "،") || d.IsPunct(i, ",") || d.IsPunct(i, "؛") ||
           d.IsPunct(i, ";") || d.IsPunct(i, ":");
  };
  // Of a chain of places ("في أورورا بولاية كولورادو", "شرناق بجنوب شرق
  // تركيا"), the first is where it happened; the rest say where that is.
  // The words between say that one place is in another; في، من، إلى join
  // two places of a story ("من حمص إلى حلب").
  // The capital leads back to the place it locates ("سجن مدينة وحدات شرقي
  // العاصمة دوشنبه").
  auto contained_by = [&](uint32_t k) {
    return (prep(k) || d.Is(k, "العاصمة") || d.Is(k, "عاصمة")) && !d.Is(k, "في") && !d.Is(k, "من") &&
           !d.Is(k, "إلى") && !d.Is(k, "نحو") && !d.Is(k, "داخل") && !d.Is(k, "قرب") &&
           !d.Is(k, "بالقرب");
  };
  auto found = [&](uint32_t i) {
    for (;;) {
      uint32_t j = i;
      while (j > begin && !d.HasPrefix(j, tx::Clitic::kPreposition) && contained_by(j - 1) &&
             d.mention_of[j - 1] == kNone && j - 1 + 3 > i) {
        --j;
      }
      if (j == i && !d.HasPrefix(i, tx::Clitic::kPreposition)) break;
      if (j == begin) break;
      const int32_t before = d.mention_of[j - 1];
      if (before == kNone || d.mentions[before].type != ner::EntityType::kLocation) break;
      i = d.mentions[before].first_token;
    }
    *place = std::string(d.Text(d.mentions[d.mention_of[i]].span));
    return std::optional<uint32_t>(static_cast<uint32_t>(d.mention_of[i]));
  };
  auto date_only = [&](uint32_t from_token, uint32_t to_token) {
    for (uint32_t i = from_token; i < to_token; ++i) {
      if (d.date_of[i] == kNone && !d.Is(i, "في")) return false;
    }
    return true;
  };
  // Forward, past a clause of a date alone or of a breakdown into one that
  // goes on with في (in): "قتل 12 شخصا، أمس الأحد، في انفجار بمدينة حلب".
  for (uint32_t i = from; i < end; ++i) {
    if (clause_break(i)) {
      uint32_t next = i + 1;
      while (next < end && !clause_break(next)) ++next;
      const bool passes = date_only(i + 1, next) ||
                          (i + 1 < end && (d.Is(i + 1, "بينهم") || d.Is(i + 1, "منهم") ||
                                           (d.Is(i + 1, "من") && i + 2 < end && d.Is(i + 2, "بينهم"))));
      if (passes) {
        i = next - 1;
        continue;
      }
      if (i + 1 < end && d.Is(i + 1, "في")) continue;
      break;
    }
    if (is_place(i)) return found(i);
  }
  uint32_t clause = std::min(at, end);
  while (clause > begin && !clause_break(clause - 1)) --clause;
  for (uint32_t i = std::min(at, end); i-- > clause;) {
    if (is_place(i)) return found(i);
  }
  // An earlier clause tells the same event when this one tells what it
  // caused ("...، ما أسفر عن مقتل ...", which resulted in the death of) or
  // when it ends with its place ("نفذت 17 ضربة قرب دير الزور، استهدفت ...").
  // So does a breakdown of its figure ("، من بينهم 29 سجينا", among them
  // 29 prisoners). A clause of a date alone ("، في 20 مايو 2019،") is
  // passed over.
  auto consequence = [&](uint32_t c) {
    for (uint32_t i = c; i < end && i < c + 2; ++i) {
      if (d.IsWord(i) && (d.In(d.lex.result_verbs, i) || d.Is(i, "بينهم") || d.Is(i, "بينها") ||
                          d.Is(i, "منهم") || d.Is(i, "منها") || d.Is(i, "بينهن"))) {
        return true;
      }
    }
    return false;
  };
  bool follows = consequence(clause);
  while (clause > begin) {
    const uint32_t boundary = clause - 1;
    uint32_t previous = boundary;
    while (previous > begin && !clause_break(previous - 1)) --previous;
    if (boundary > previous && date_only(previous, boundary)) {
      clause = previous;
      continue;
    }
    if (boundary > previous) {
      const int32_t last = d.mention_of[boundary - 1];
      if (last != kNone && d.mentions[last].type == ner::EntityType::kLocation &&
          d.mentions[last].first_token > previous) {
        return found(d.mentions[last].first_token);
      }
    }
    if (!follows) break;
    for (uint32_t i = boundary; i-- > previous;) {
      if (is_place(i)) return found(i);
    }
    follows = consequence(previous);
    clause = previous;
  }
  // A place that opens the sentence frames all of it: "وفي تعز، ...".
  // Dates may come between it and the comma: "وفي تعز أمس، ...".
  for (uint32_t i = begin; i < end && i < begin + 3 && !clause_break(i); ++i) {
    if (!is_place(i)) continue;
    uint32_t after = d.mentions[d.mention_of[i]].end_token;
    while (after < end && d.date_of[after] != kNone) ++after;
    if (after < end && clause_break(after)) return found(i);
  }
  return std::nullopt;
}

// The trigger of a casualty or arrest just before a number: "مقتل 32",
// "أودى بحياة 32", "اعتقلت الشرطة سبعة".
std::string EventBefore(const Doc& d, uint32_t ti, uint32_t begin) {
  for (uint32_t i = ti; i-- > begin && i + 4 > ti;) {
    auto it = d.Trigger(i);
    if (it != d.lex.triggers.end()) {
      return CountsPeople(it->second) ? it->second : "";
    }
    if (d.IsPunctKind(i)) break;
  }
  return "";
}

void Builder::Claims() {
  const Lexicon& lex = d.lex;
  const auto& qs = d.a.quantities;
  cc.claim_of_quantity.assign(qs.size(), kNone);
  cc.part.assign(qs.size(), false);
  auto first_token = [&](const tx::Quantity& q) { return d.TokenAt(q.span.begin); };
  auto end_token = [&](const tx::Quantity& q) {
    uint32_t e = d.TokenAt(q.span.begin);
    while (e < d.size() && d.a.tokens[e].span.begin < q.span.end) ++e;
    return e;
  };
  for (size_t k = 0; k < qs.size(); ++k) {
    if (cc.part[k]) continue;
    const tx::Quantity& q = qs[k];
    const uint32_t ti = first_token(q), te = end_token(q);
    if (ti >= te || ti >= d.size()) continue;
    const uint32_t sentence = d.sentence_of[ti];
    const uint32_t sbegin = d.SentenceBegin(sentence);
    const uint32_t send = std::min<uint32_t>(d.SentenceEnd(sentence), d.size());
    // Not a figure: part of a date, of a name, or a lone year.
    bool skip = false;
    for (uint32_t i = ti; i < te; ++i) {
      if (d.date_of[i] != kNone || d.mention_of[i] != kNone) skip = true;
    }
    if (skip || !std::isfinite(q.low) || !std::isfinite(q.high)) continue;
    // Right after a "-" or "/" joined to a word: "كوفيد-19", "1/2".
    if (q.span.begin > 0 && (d.t[q.span.begin - 1] == '-' || d.t[q.span.begin - 1] == '/')) {
      continue;
    }
    if (te < d.size() && (d.IsPunct(te, "/") || d.IsPunct(te, ":"))) continue;
    // "الثانية عشرة" (the twelfth): an ordinal, not ten.
    if (te == ti + 1 && ti > sbegin && d.IsWord(ti) && StartsWith(d.surf[ti - 1], "ال") &&
        (d.Is(ti, "عشرة") || d.Is(ti, "عشر"))) {
      continue;
    }

    // A number that names rather than counts: a resolution, an article of a
    // law, a rank, a page ("القرار رقم 2216", "المادة 3").
    if (ti > sbegin && d.In(lex.reference_words, ti - 1)) continue;
    const std::string event = EventBefore(d, ti, sbegin);
    // واحد (one) after a noun is its adjective ("يوم واحد", one day; "على
    // قلب رجل واحد", as one man) and before من it is "one of": a figure
    // only of the people an event counts ("قتل مدني واحد", one civilian was
    // killed; "إصابة واحدة", one injury).
    std::string one_of;
    if (te == ti + 1 && (d.Is(ti, "واحد") || d.Is(ti, "واحدة"))) {
      const auto after = te < send ? d.Trigger(te) : lex.triggers.end();
      const bool counted_by_event =
          !event.empty() || (after != lex.triggers.end() && CountsPeople(after->second));
      if (!counted_by_event) continue;
      // "وقتل واحد من عناصر الأمن" (one of the security men was killed) is
      // counted as any figure, by the noun after من.
      const bool one_of_them = te < send && d.Is(te, "من");
      if (!one_of_them) {
        if (ti == sbegin || !d.IsWord(ti - 1)) continue;
        if (d.lex.people.count(WithoutArticle(d.key[ti - 1]))) {
          one_of = std::string(d.Text(d.a.tokens[ti - 1].stem));
          if (StartsWith(d.key[ti - 1], "ال")) one_of.erase(0, std::string_view("ال").size());
        } else if (d.Trigger(ti - 1) == lex.triggers.end()) {
          continue;
        }
      }
    }

    Claim c;
    c.sentence = sentence;
    c.span = q.span;
    uint32_t last = te - 1;  // last token of the figure's words
    // Unit.
    uint32_t j = te;
    if (j < send && d.IsPunct(j, "%")) {
      c.unit = "percent";
      last = j;
    } else if (j + 1 < send && d.Is(j, "في") &&
               (d.Is(j + 1, "المئة") || d.Is(j + 1, "المائة"))) {
      c.unit = "percent";
      last = j + 1;
    } else if (j < send) {
      auto it = d.Find(lex.units, j);
      if (it != lex.units.end()) {
        c.unit = it->second;
        last = j;
        if (j + 1 < send) {
          auto cy = d.Find(lex.currency_country, j + 1);
          const bool money = c.unit.size() == 3 && c.unit != "kg";
          if (cy != lex.currency_country.end() && money) {
            c.unit = cy->second;
            last = j + 1;
          }
        }
      }
    }
    if (c.unit.empty() && ti > sbegin && d.In(lex.units, ti - 1) &&
        d.a.tokens[ti - 1].kind == tx::TokenKind::kSymbol) {
      c.unit = d.Find(lex.units, ti - 1)->second;  // $500
    }
    if (c.unit == "years") {
      // An age: "(34 عاما)", "البالغ من العمر 28 عاما", "X، 28 عاما،".
      const bool bracketed = ti > sbegin && d.IsPunct(ti - 1, "(") && last + 1 < d.size() &&
                             d.IsPunct(last + 1, ")");
      bool age = bracketed;
      for (uint32_t i = ti; i-- > sbegin && i + 4 > ti;) {
        if (d.Is(i, "العمر") || d.Is(i, "عمره") || d.Is(i, "عمرها") || d.Is(i, "عمر") ||
            d.Is(i, "البالغ") || d.Is(i, "البالغة") || d.Is(i, "يبلغ") || d.Is(i, "تبلغ")) {
          age = true;
        }
      }
      if (last + 2 < send && d.Is(last + 1, "من") && d.Is(last + 2, "العمر")) age = true;
      if (ti >= sbegin + 2 && d.IsPunct(ti - 1, "،") &&
          d.mention_of[ti - 2] != kNone &&
          d.mentions[d.mention_of[ti - 2]].type == ner::EntityType::kPerson) {
        age = true;
      }
      if (age) {
        c.unit = "age_years";
        c.counted = "عمر";  // age
        // «وكانت X تبلغ من العمر 15 عاما», «كان عمر X 15 عاما» (X was 15
        // then): كان right before the verb or noun that gives the age, or
        // before the person right before it, tells an age of the past, not
        // X's now. «وكان X، 28 عاما، قد اعتقل» and «X البالغ من العمر 28
        // عاما» give his age now, as a bracketed age does.
        bool then = false;
        for (uint32_t i = ti; !bracketed && i-- > sbegin && i + 5 > ti;) {
          if (!d.Is(i, "يبلغ") && !d.Is(i, "تبلغ") && !d.Is(i, "عمر") && !d.Is(i, "عمره") && !d.Is(i, "عمرها")) {
            continue;
          }
          uint32_t before = i;  // back over the person the verb follows
          while (before > sbegin && d.mention_of[before - 1] != kNone &&
                 d.mention_of[before - 1] == d.mention_of[i - 1]) {
            --before;
          }
          then = then || (before > sbegin && (d.Is(before - 1, "كان") || d.Is(before - 1, "كانت") ||
                                              d.Is(before - 1, "كانوا")));
        }
        for (uint32_t i = ti; !then && i-- > sbegin && i + 6 > ti;) {
          const int32_t m = d.mention_of[i];
          if (m != kNone && d.mentions[m].type == ner::EntityType::kPerson) {
            c.about_mention = d.canonical[m];
            break;
          }
        }
      }
    }
    // Counted noun.
    uint32_t noun_at = last;
    bool nisba_people = false;
    if (!one_of.empty()) {
      c.counted = one_of;
      c.span.begin = d.a.tokens[ti - 1].span.begin;
    } else if (c.unit.empty()) {
      c.counted = CountedAfter(d, te, send, q.magnitude, &noun_at, &nisba_people, !event.empty());
      if (!c.counted.empty()) last = std::max(last, noun_at);
    } else if (c.unit == "percent" && last + 2 < send && d.Is(last + 1, "من")) {
      uint32_t at = last;
      c.counted = CountedAfter(d, last + 2, send, true, &at);  // "40 في المئة من المقاتلين"
    }
    if (c.unit.empty() && !event.empty() &&
        (c.counted.empty() || lex.generic_people.count(tx::MatchKey(c.counted)))) {
      c.counted = RoleNoun(event);
    }
    // "لقي 11 شخصا حتفهم": the trigger after the noun.
    if (c.unit.empty() && event.empty() && noun_at + 1 < send &&
        lex.generic_people.count(tx::MatchKey(c.counted))) {
      auto it = d.Trigger(noun_at + 1);
      if (it != lex.triggers.end() && it->second == "killed") c.counted = RoleNoun("killed");
    }
    if (c.unit.empty() && c.counted.empty()) {
      // "يبلغ عدد المقاتلين ... نحو 300": the noun after عدد (number of).
      for (uint32_t i = ti; i-- > sbegin && i + 10 > ti;) {
        if (d.Is(i, "عدد") && i + 1 < ti) {
          c.counted = Singular(d, i + 1);
          break;
        }
      }
    }
    // A bare number, neither unit nor counted noun (a year, a reference,
    // a figure in another language), is not a claim; a vague magnitude
    // ("نزح الآلاف") is.
    if (c.unit.empty() && c.counted.empty() && !q.magnitude) continue;
    if (c.unit.empty()) c.unit = nisba_people || IsPersonNoun(d, c.counted) ? "person" : "";
    if (c.counted == "قتيل" || c.counted == "جريح" || c.counted == "موقوف") c.unit = "person";

    // Value, range, qualifier.
    auto word_is = [&](uint32_t i, std::initializer_list<const char*> ws) {
      for (const char* w : ws) {
        if (i < d.size() && d.Is(i, w)) return true;
      }
      return false;
    };
    bool negated = false;
    for (uint32_t i = ti; i-- > sbegin && i + 3 > ti;) {
      // "لا يزال" (still) denies nothing.
      const bool still = i + 1 < ti && word_is(i + 1, {"يزال", "تزال", "يزالون", "زال", "زالت"});
      if (word_is(i, {"لا", "لم", "لن", "ليس", "ليست", "لسن"}) && !still) negated = true;
    }
    // With the article, أقل/أكثر are "على الأقل/الأكثر" (at least/most),
    // not a comparison.
    const bool comparative_before = ti > sbegin && !StartsWith(d.surf[ti - 1], "ال") &&
                                    !d.HasPrefix(ti - 1, tx::Clitic::kArticle);
    const bool more = word_is(ti, {"أكثر", "يزيد", "تزيد", "يفوق", "تفوق"}) ||
                      (comparative_before &&
                       word_is(ti - 1, {"أكثر", "يزيد", "تزيد", "يتجاوز", "تتجاوز", "تجاوز",
                                        "يفوق", "تفوق", "يتعدى", "تتعدى"}));
    const bool less =
        word_is(ti, {"أقل", "دون"}) || (comparative_before && word_is(ti - 1, {"أقل"}));
    bool at_least = false, at_most = false;
    if (last + 2 < send && d.Is(last + 1, "على") && d.Is(last + 2, "الأقل")) at_least = true;
    if (last + 2 < send && d.Is(last + 1, "على") && d.Is(last + 2, "الأكثر")) at_most = true;
    if (ti >= sbegin + 2 && d.Is(ti - 2, "على") && d.Is(ti - 1, "الأقل")) at_least = true;
    if (ti >= sbegin + 2 && d.Is(ti - 2, "على") && d.Is(ti - 1, "الأكثر")) at_most = true;
    if (more && negated) {
      c.qualifier = "at_most";  // "لا تملك أكثر من 1500", "لم يتجاوز"
    } else if (less && negated) {
      c.qualifier = "at_least";  // "لا يقل عن"
    } else if (word_is(ti, {"ما"}) && ti + 2 < te && word_is(ti + 1, {"لا"})) {
      // "ما لا يقل عن" (no less than), "ما لا يزيد على" (no more than).
      c.qualifier = word_is(ti + 2, {"يزيد", "تزيد", "يتجاوز", "تتجاوز", "يفوق", "تفوق",
                                     "يتعدى", "تتعدى"})
                        ? "at_most"
                        : "at_least";
    } else if (at_least) {
      c.qualifier = "at_least";
    } else if (at_most) {
      c.qualifier = "at_most";
    } else if (more) {
      c.qualifier = "more_than";
    } else if (less) {
      c.qualifier = "less_than";
    } else if (q.at_least) {
      c.qualifier = "at_least";
    } else if (q.at_most) {
      c.qualifier = "at_most";
    }
    c.approx = q.approx || q.magnitude || c.qualifier == "more_than" ||
               c.qualifier == "less_than";
    if (q.magnitude) c.magnitude = MagnitudeName(q.high);
    if (q.is_range || q.magnitude) {
      c.low = q.low;
      c.high = q.high;
      c.value = (q.low + q.high) / 2;
    } else {
      c.value = q.low;
      if (c.qualifier == "at_least" || c.qualifier == "more_than") c.low = q.low;
      if (c.qualifier == "at_most" || c.qualifier == "less_than") c.high = q.low;
    }
    c.span = {c.span.begin, std::max(q.span.end, d.a.tokens[last].span.end)};

    // Breakdown: "32 شخصا بينهم 29 مدنيا و3 من عناصر الشرطة".
    uint32_t after = last + 1;
    if (after < send && d.IsPunct(after, "،")) ++after;
    if (after < send && (d.Is(after, "بينهم") || d.Is(after, "بينها") || d.Is(after, "منهم") ||
                         d.Is(after, "منها") || d.Is(after, "بينهن") || d.Is(after, "منهن"))) {
      uint32_t pos = after + 1;
      for (size_t p = k + 1; p < qs.size(); ++p) {
        const uint32_t pt = first_token(qs[p]);
        if (pt >= send || pt > pos + 1 || d.date_of[pt] != kNone) break;
        const uint32_t pe = end_token(qs[p]);
        uint32_t at = pe - 1;
        std::string noun = CountedAfter(d, pe, send, qs[p].magnitude, &at);
        c.breakdown.emplace_back(noun, qs[p].low);
        cc.part[p] = true;
        pos = at + 1;
        if (pos < send && (d.IsPunct(pos, "،") || d.Is(pos, "و"))) ++pos;
      }
    }
    // Place, date, source.
    c.place_mention = PlaceNear(ti, last + 1, sentence, &c.place);
    const int32_t best_date = d.NearestDate(sbegin, send, ti);
    if (best_date != kNone) {
      const tx::DateMention& dm = (*d.dates)[best_date];
      c.date = tx::FormatDate(dm.date, dm.precision);
    }
    c.source = SourceAt(ti);
    cc.claim_of_quantity[k] = static_cast<int32_t>(out.claims.size());
    out.claims.push_back(std::move(c));
  }
  DualClaims();
}

// Two people said with a dual noun and no number: "أوقفت شخصين".
void Builder::DualClaims() {
  // Duals of person nouns whose plural is another word, so the -ين/-ان
  // ending can only be the dual: two persons, children, men, soldiers,
  // women, members, officers.
  static const auto* duals = new std::unordered_map<std::string, std::string>{
      {tx::MatchKey("شخصين"), "شخص"},   {tx::MatchKey("شخصان"), "شخص"},
      {tx::MatchKey("طفلين"), "طفل"},   {tx::MatchKey("طفلان"), "طفل"},
      {tx::MatchKey("رجلين"), "رجل"},   {tx::MatchKey("رجلان"), "رجل"},
      {tx::MatchKey("جنديين"), "جندي"}, {tx::MatchKey("جنديان"), "جندي"},
      {tx::MatchKey("امرأتين"), "امرأة"}, {tx::MatchKey("امرأتان"), "امرأة"},
      {tx::MatchKey("عنصرين"), "عنصر"}, {tx::MatchKey("عنصران"), "عنصر"},
      {tx::MatchKey("ضابطين"), "ضابط"}, {tx::MatchKey("ضابطان"), "ضابط"}};
  const size_t before = out.claims.size();
  for (uint32_t i = 0; i < d.size(); ++i) {
    if (!d.IsWord(i) || d.quantity_of[i] != kNone || d.mention_of[i] != kNone) continue;
    auto it = d.Find(*duals, i);
    if (it == duals->end()) continue;
    const uint32_t sentence = d.sentence_of[i];
    const uint32_t sbegin = d.SentenceBegin(sentence);
    Claim c;
    c.sentence = sentence;
    c.span = d.a.tokens[i].span;
    c.value = 2;
    c.unit = "person";
    c.counted = it->second;
    const std::string event = EventBefore(d, i, sbegin);
    if (!event.empty() && d.lex.generic_people.count(tx::MatchKey(c.counted))) {
      c.counted = RoleNoun(event);
    }
    c.place_mention = PlaceNear(i, i + 1, sentence, &c.place);
    for (uint32_t j = sbegin; j < d.SentenceEnd(sentence) && j < d.size(); ++j) {
      if (d.date_of[j] != kNone) {
        const tx::DateMention& dm = (*d.dates)[d.date_of[j]];
        c.date = tx::FormatDate(dm.date, dm.precision);
        break;
      }
    }
    c.source = SourceAt(i);
    out.claims.push_back(std::move(c));
  }
  if (out.claims.size() == before) return;
  // Back in text order, keeping which quantity each claim came from.
  std::vector<int32_t> quantity_of_claim(out.claims.size(), kNone);
  for (size_t k = 0; k < cc.claim_of_quantity.size(); ++k) {
    if (cc.claim_of_quantity[k] != kNone) quantity_of_claim[cc.claim_of_quantity[k]] = k;
  }
  std::vector<size_t> order(out.claims.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return out.claims[x].span.begin < out.claims[y].span.begin;
  });
  std::vector<Claim> sorted;
  sorted.reserve(order.size());
  for (size_t k = 0; k < order.size(); ++k) {
    sorted.push_back(std::move(out.claims[order[k]]));
    if (quantity_of_claim[order[k]] != kNone) {
      cc.claim_of_quantity[quantity_of_claim[order[k]]] = static_cast<int32_t>(k);
    }
  }
  out.claims = std::move(sorted);
}

// Whether mention m names an outlet: its first word is one (صحيفة الوئام),
// a news agency (وكالة الأنباء ...، وكالة رويترز: وكالة before a name
// without the article; وكالة الطاقة is an agency of state), or such a word
// stands right before it (صحيفة «الحياة»).
bool IsOutlet(const Doc& d, uint32_t m) {
  const ner::Mention& men = d.mentions[m];
  const Lexicon& lex = d.lex;
  auto news_agency = [&](uint32_t i) {
    return d.Is(i, "وكالة") && i + 1 < d.size() && d.IsWord(i + 1) &&
           (d.Is(i + 1, "أنباء") || d.Is(i + 1, "الأنباء") || !StartsWith(d.surf[i + 1], "ال"));
  };
  const uint32_t first = men.first_token;
  if (lex.media_heads.count(WithoutArticle(d.key[first])) || news_agency(first)) return true;
  uint32_t before = first;
  while (before > 0 && d.IsPunctKind(before - 1) && !d.IsPunct(before - 1, "،") &&
         !d.IsPunct(before - 1, ".")) {
    --before;
  }
  return before > 0 && d.IsWord(before - 1) &&
         (lex.media_heads.count(WithoutArticle(d.key[before - 1])) || d.Is(before - 1, "وكالة"));
}

// The role in an event of type `type` of a name of type `et` whose first
// word (match key, without the article) is `head`. A body that judges is a
// trial's court and one that deliberates, reports or helps (مجلس الأمن, the
// Security Council) is no attack's perpetrator: they are its subject.
const char* RoleFor(const std::string& type, ner::EntityType et, const std::string& head) {
  const bool per = et == ner::EntityType::kPerson;
  const Lexicon& lex = Lex();
  if (type == "joined" || type == "left") return per ? "member" : "group";
  if (type == "attack") return per || lex.civil_heads.count(head) ? "subject" : "perpetrator";
  if (type == "killed" || type == "injured") {
    return per ? "victim" : lex.civil_heads.count(head) ? "subject" : "perpetrator";
  }
  if (type == "arrested") return per ? "suspect" : "agent";
  if (type == "charged" || type == "sentenced") {
    return per ? "defendant" : lex.court_heads.count(head) ? "court" : "subject";
  }
  if (type == "returned") return per ? "returnee" : "agent";
  if (type == "agreement") return "party";
  if (type == "statement") return "speaker";
  return "subject";
}

const std::string& WeekKey() {
  static const std::string* k = new std::string(tx::MatchKey("الأسبوع"));  // the week
  return *k;
}

bool Compatible(const std::string& x, const std::string& y) {
  if (x.empty() || y.empty()) return true;
  return StartsWith(x, y) || StartsWith(y, x);
}

void Builder::Events() {
  const Lexicon& lex = d.lex;
  std::vector<Event> events;
  for (uint32_t s = 0; s < d.a.sentences.size(); ++s) {
    const uint32_t begin = d.SentenceBegin(s);
    const uint32_t end = std::min<uint32_t>(d.SentenceEnd(s), d.size());
    // Intentions and denials are not events: "ستواصل استعادة", "سوف",
    // "لن"; "لم تعتقل", "ما قتل", "نفى مقتل"; and "لائحة الاتهام" (the
    // indictment) is a document. Nor is what did not happen: "دون تفجير
    // واحد", "دون وقوع أي إصابات", "عدم اعتقال", "لم يسفر الحادث عن
    // إصابات" (caused no injuries; the incident itself did happen); nor what
    // is planned, attempted, foiled or feared ("تعتزم إعادة", intends to
    // bring back; "أحبطت محاولة تفجير"; "حذر من هجمات"), or called for ("دعا
    // الوزير إلى إعادة"; not "طالب بالتحقيق في مقتل", the killing happened).
    auto denied = [&](uint32_t trig) {
      if (trig <= begin) return false;
      const uint32_t p = trig - 1;
      if (d.HasPrefix(p, tx::Clitic::kFuture) || d.Is(p, "سوف") || d.Is(p, "لن") ||
          d.Is(p, "لم") || d.Is(p, "ما") || d.Is(p, "نفى") || d.Is(p, "نفت") ||
          d.Is(p, "لائحة")) {
        return true;
      }
      for (uint32_t k = trig; k-- > begin && k + 6 > trig && !d.IsPunctKind(k);) {
        if (k + 4 > trig && d.In(lex.without_words, k)) return true;
        // Planned, attempted, foiled, feared: at most a word between.
        if (k + 3 > trig && d.Written(lex.unrealised_words, k)) return true;
        // Called for: what is called for follows إلى or a joined ب.
        if (k + 5 > trig && d.Written(lex.demand_words, k) &&
            (d.Is(p, "إلى") || StartsWith(d.surf[trig], "ب") || StartsWith(d.surf[trig], "وب"))) {
          return true;
        }
        if (d.Is(k, "لم") && k + 1 < p && d.In(lex.result_verbs, k + 1) && d.Is(p, "عن")) return true;
      }
      return false;
    };
    // A player joining a club or back at training is sport: a sentence of
    // sport that names nothing of an armed group tells no one joining or
    // returning. Read only for a sentence with such a word.
    std::optional<bool> sport_only;
    auto is_sport = [&] {
      if (!sport_only) {
        bool sport = false, armed = false;
        for (uint32_t k = begin; k < end; ++k) {
          sport = sport || d.In(lex.sport_words, k);
          armed = armed || d.In(lex.armed_group_words, k);
        }
        sport_only = sport && !armed;
      }
      return *sport_only;
    };
    // Triggers of the sentence, the first of each type that is not denied.
    std::vector<std::pair<std::string, uint32_t>> found;
    for (uint32_t i = begin; i < end; ++i) {
      if (!d.IsWord(i) || d.mention_of[i] != kNone) continue;
      auto it = d.Trigger(i);
      if (it == lex.triggers.end() || denied(i) ||
          ((it->second == "joined" || it->second == "returned") && is_sport())) {
        continue;
      }
      bool seen = false;
      for (const auto& f : found) seen = seen || f.first == it->second;
      if (!seen) found.emplace_back(it->second, i);
    }
    if (found.empty()) continue;
    auto has = [&](const char* type) {
      for (const auto& f : found) {
        if (f.first == type) return true;
      }
      return false;
    };
    // Casualties are counts of the attack or riot the sentence tells of.
    const bool attack = has("attack") || has("riot");
    // What follows an agreement is its content ("اتفاقا لإعادة المحتجزين").
    uint32_t agreement_at = end;
    for (const auto& f : found) {
      if (f.first == "agreement") agreement_at = f.second;
    }
    // The first verb of reacting to the event (ندد، أدان ...), if any.
    uint32_t reaction = end;
    for (uint32_t r = begin; r < end && reaction == end; ++r) {
      if (d.IsWord(r) && d.In(lex.reaction_verbs, r)) reaction = r;
    }
    // Speakers of the sentence are not participants.
    std::vector<uint32_t> speakers;
    for (const auto& item : sources.items[s]) {
      if (item.who && item.who->mention) speakers.push_back(*item.who->mention);
    }
    // An event's word with و or ف begins a clause of its own: "قتل 5 جنود
    // وأصيب 12" (5 soldiers were killed and 12 wounded).
    auto opens_clause = [&](uint32_t i) {
      const std::string& word = d.surf[i];
      return d.Trigger(i) != lex.triggers.end() &&
             (d.HasPrefix(i, tx::Clitic::kConjunction) ||
              ((StartsWith(word, "و") || StartsWith(word, "ف")) && !lex.triggers.count(word) &&
               lex.triggers.count(word.substr(2))));  // as Find reads وإصابة
    };
    // A date between the trigger and the number is not counted in the
    // window: "اعتقلت الشرطة في 5 آذار 2023 نحو 12 شخصا".
    auto count_after = [&](uint32_t trig, uint32_t window) -> std::optional<double> {
      for (uint32_t i = trig + 1; i < end && i <= trig + window; ++i) {
        if (d.date_of[i] != kNone) {
          ++window;
          continue;
        }
        // Another event's word opening a clause of its own: its count
        // follows ("42 حوثيا قتلوا وأصيب 93 آخرون", 93 is the wounded).
        // Not a word of the same clause ("حكما بالإعدام على ثلاثة مدانين").
        if (d.IsWord(i) && opens_clause(i)) return std::nullopt;
        const int32_t qk = d.quantity_of[i];
        if (qk == kNone) continue;
        const int32_t ck = cc.claim_of_quantity[qk];
        if (ck == kNone) return std::nullopt;
        const Claim& c = out.claims[ck];
        if (c.unit != "person" && !(c.unit.empty() && c.counted.empty())) return std::nullopt;
        return c.value;
      }
      return std::nullopt;
    };
    // The people counted right before a verb, its subject (the number, or
    // the number and its noun, which may have relative adjectives after
    // it), or null: "نحو 4 آلاف شخص قتلوا" (about 4,000 people were
    // killed), "لقي تسعة لاجئين سوريين حتفهم" (nine Syrian refugees met
    // their death). A number after the verb then belongs to the next clause
    // ("... واضطر 1.3 مليون آخرين للنزوح", and 1.3 million others had to
    // flee).
    auto people_before = [&](uint32_t trig) -> const Claim* {
      uint32_t k = trig;
      while (k > begin + 1 && k + 2 > trig && d.IsWord(k - 1) && d.quantity_of[k - 1] == kNone &&
             d.mention_of[k - 1] == kNone && IsNisba(d.key[k - 1])) {
        --k;
      }
      for (uint32_t at : {k, trig}) {
        if (at <= begin) continue;
        const int32_t qk = d.quantity_of[at - 1] != kNone
                               ? d.quantity_of[at - 1]
                               : (at > begin + 1 ? d.quantity_of[at - 2] : kNone);
        if (qk == kNone || cc.claim_of_quantity[qk] == kNone) continue;
        const Claim& c = out.claims[cc.claim_of_quantity[qk]];
        return c.unit == "person" ? &c : nullptr;
      }
      return nullptr;
    };
    auto count_before = [&](uint32_t trig) -> std::optional<double> {
      const Claim* people = opens_clause(trig) ? nullptr : people_before(trig);
      return people ? std::optional<double>(people->value) : std::nullopt;
    };
    auto breakdown_after = [&](uint32_t trig, uint32_t window) {
      for (uint32_t i = trig + 1; i < end && i <= trig + window; ++i) {
        const int32_t qk = d.quantity_of[i];
        if (qk == kNone) continue;
        const int32_t ck = cc.claim_of_quantity[qk];
        if (ck != kNone) return out.claims[ck].breakdown;
        break;
      }
      return std::vector<std::pair<std::string, double>>{};
    };
    auto person_after = [&](uint32_t trig) {
      for (uint32_t i = trig + 1; i < end && i <= trig + 3; ++i) {
        if (IsPersonNoun(d, Singular(d, i))) return true;
      }
      return false;
    };
    for (const auto& [type, trig] : found) {
      if (trig > agreement_at) continue;
      if ((type == "killed" || type == "injured") && attack) continue;  // counts of the attack
      if (type == "injured" && has("killed")) continue;
      Event e;
      e.type = type;
      e.sentence = s;
      e.trigger = d.a.tokens[trig].span;
      // Date: the nearest in the sentence.
      const int32_t best = d.NearestDate(begin, end, trig);
      if (best != kNone) {
        const tx::DateMention& dm = (*d.dates)[best];
        tx::Precision p = dm.precision;
        // "الأسبوع الماضي" (last week) names no day: its month is what is known.
        if (p == tx::Precision::kDay &&
            tx::MatchKey(d.Text(dm.span)).find(WeekKey()) != std::string::npos) {
          p = tx::Precision::kMonth;
        }
        e.date = tx::FormatDate(dm.date, p);
        e.date_precision = p == tx::Precision::kDay     ? "day"
                           : p == tx::Precision::kMonth ? "month"
                                                        : "year";
      }
      e.place_mention = PlaceNear(trig, trig + 1, s, &e.place);
      // Participants.
      for (uint32_t i = begin; i < end; ++i) {
        const int32_t m = d.mention_of[i];
        if (m == kNone || d.mentions[m].first_token != i) continue;
        const uint32_t c = d.canonical[m];
        if (std::find(speakers.begin(), speakers.end(), c) != speakers.end()) continue;
        if (IsOutlet(d, static_cast<uint32_t>(m)) && type != "statement") continue;
        bool in_speech = false;
        for (const auto& item : sources.items[s]) {
          // Who speaks and to whom, up to what is said.
          if (item.token < i && i < item.said) in_speech = true;
          // The speaker's phrase stops at a quotation mark, a name inside
          // it is still the source: "وفقا لإحصاءات وكالة «رويترز»". Not
          // after a colon: "قال المتحدث: داعش نفذ الهجوم" names the doer.
          uint32_t k = item.end;
          while (k < i && (d.IsPunct(k, "«") || d.IsPunct(k, "\"") || d.IsPunct(k, "“"))) ++k;
          if (item.token < i && k == i && k > item.end) in_speech = true;
        }
        if (in_speech) continue;
        // The subject of a reaction ("ندد الوزير بالتفجير", the minister
        // denounced the bombing) is not in the event.
        if (reaction < i && i < trig) continue;
        // A byline or dateline before a colon at the sentence's start
        // ("فلان- صحيفة- الرياض: ...").
        bool byline = false;
        for (uint32_t k = i + 1; k < end && k < begin + 12 && k < trig && !byline; ++k) {
          byline = d.IsPunct(k, ":");
        }
        if (byline) continue;
        if (e.place_mention && static_cast<uint32_t>(m) == *e.place_mention) continue;
        const ner::EntityType et = d.mentions[m].type;
        if (et == ner::EntityType::kMisc) continue;
        if (et == ner::EntityType::kLocation) {
          // Countries are parties to agreements and agents of returns when
          // not the place something happens in.
          const bool in_place = d.HasPrefix(i, tx::Clitic::kPreposition) ||
                                (i > begin && d.In(lex.place_preps, i - 1));
          if (in_place || (type != "agreement" && type != "returned")) continue;
        }
        std::string role = RoleFor(type, et, WithoutArticle(d.key[d.mentions[c].first_token]));
        // What an attack is on or against is its target: "غارات على مواقع
        // لتنظيم داعش", "هاجم مسلحون مقر الحزب", "استهدفت X".
        if (type == "attack") {
          for (uint32_t k = i; k-- > begin && k + 4 > i && !d.IsPunctKind(k);) {
            if (d.In(lex.target_words, k)) {
              role = "target";
              break;
            }
          }
        }
        AddParticipant({c, role}, &e);
      }
      // Counts.
      if (type == "attack" || type == "killed" || type == "riot") {
        for (const auto& [t2, i2] : found) {
          // People counted before the verb, unless it has a number of its
          // own right after it, its object: "3 مسلحين قتلوا 10 مدنيين" (3
          // gunmen killed 10 civilians).
          if (t2 == "killed") {
            const std::optional<double> before = count_before(i2);
            const std::optional<double> after = count_after(i2, before ? 1 : 4);
            e.killed = after ? after : before;
            if (after) e.breakdown = breakdown_after(i2, 4);
          }
          if (t2 == "injured") {
            const std::optional<double> before = count_before(i2);
            const std::optional<double> after = count_after(i2, before ? 1 : 4);
            e.injured = after ? after : before;
          }
        }
        // "سقوط 3 قتلى": a number of dead.
        for (const Claim& c : out.claims) {
          if (c.sentence != s) continue;
          if (!e.killed && c.counted == "قتيل") e.killed = c.value;
          if (!e.injured && c.counted == "جريح") e.injured = c.value;
        }
      } else if (type == "injured") {
        e.injured = count_after(trig, 4);
      } else {
        e.count = count_after(trig, 6);
        if (e.count) e.breakdown = breakdown_after(trig, 6);
        if (e.count) {
          // "27 امرأة و64 طفلا": people counted in parts joined by و.
          double sum = 0;
          std::vector<std::pair<std::string, double>> parts;
          uint32_t next = 0;
          for (const Claim& c : out.claims) {
            if (c.sentence != s || c.span.begin <= e.trigger.begin) continue;
            const uint32_t at = d.TokenAt(c.span.begin);
            if (!parts.empty() && (at > next + 1 || c.unit != "person")) break;
            if (parts.empty() && c.unit != "person") break;
            sum += c.value;
            parts.emplace_back(c.counted, c.value);
            next = d.TokenAt(c.span.end - 1) + 1;
            if (next < end && d.Is(next, "و")) ++next;
          }
          if (parts.size() > 1) {
            e.count = sum;
            e.breakdown = std::move(parts);
          }
        }
      }
      // An event with nothing known about it is a word, not a record.
      bool people = person_after(trig);
      // "مئات العائلات عادت": the people before the verb.
      if (const Claim* before = people_before(trig)) {
        people = true;
        if (!e.count && before->magnitude.empty() && type != "attack" && type != "killed" &&
            type != "injured" && type != "riot") {
          e.count = before->value;
        }
      }
      if (e.date.empty() && e.place.empty() && e.participants.empty() && !e.count && !e.killed &&
          !e.injured && !people) {
        continue;
      }
      // A return is of people ("إعادة المحتجزين"), not "إعادة الإعمار".
      if (type == "returned" && !e.count && !people) {
        bool person = false;
        for (const Participant& p : e.participants) {
          person = person || d.mentions[p.mention].type == ner::EntityType::kPerson;
        }
        if (!person) continue;
      }
      events.push_back(std::move(e));
    }
  }
  // One event told in several sentences. Different counts of the same
  // people are different incidents, whatever else is or is not known.
  auto same_counts = [](const Event& x, const Event& y) {
    auto same = [](const std::optional<double>& a, const std::optional<double>& b) {
      return !a || !b || *a == *b;
    };
    return same(x.count, y.count) && same(x.killed, y.killed) && same(x.injured, y.injured);
  };
  // Nothing in conflict is not enough: two arrests of a story, one in a
  // city it does not name and one in Ankara weeks before, are two. Told
  // again, an event is named with the article ("وتبنت الجماعة الهجوم",
  // the attack) or shares its place, its day, a count or someone in it.
  auto linked = [&](const Event& x, const Event& y) {
    auto same = [](const std::optional<double>& a, const std::optional<double>& b) {
      return a && b && *a == *b;
    };
    // Not a word that always has it (ألقت القبض, arrested), unless one of
    // the two tells nothing else (a headline over its story).
    auto bare = [](const Event& e) {
      return e.place.empty() && e.date.empty() && e.participants.empty() && !e.count && !e.killed &&
             !e.injured;
    };
    if ((bare(x) || bare(y)) && d.Text(x.trigger) == d.Text(y.trigger)) return true;
    const uint32_t again = d.TokenAt(y.trigger.begin);
    if (again < d.size() && (d.HasPrefix(again, tx::Clitic::kArticle) || StartsWith(d.surf[again], "ال"))) {
      const auto word = d.Trigger(again);
      if (word != lex.triggers.end() && !StartsWith(word->first, "ال")) return true;
    }
    if (!x.place.empty() && tx::MatchKey(x.place) == tx::MatchKey(y.place)) return true;
    if (x.date_precision == "day" && x.date == y.date) return true;
    if (same(x.count, y.count) || same(x.killed, y.killed) || same(x.injured, y.injured)) return true;
    for (const Participant& p : x.participants) {
      const std::string name = tx::MatchKey(d.Text(d.mentions[p.mention].span));
      for (const Participant& q : y.participants) {
        if (name == tx::MatchKey(d.Text(d.mentions[q.mention].span))) return true;
      }
    }
    return false;
  };
  std::vector<Event> merged;
  for (Event& e : events) {
    Event* into = nullptr;
    for (Event& m : merged) {
      if (m.type == e.type && same_counts(m, e) && Compatible(m.date, e.date) &&
          (m.place.empty() || e.place.empty() || tx::MatchKey(m.place) == tx::MatchKey(e.place)) &&
          linked(m, e)) {
        into = &m;
        break;
      }
    }
    if (!into) {
      merged.push_back(std::move(e));
      continue;
    }
    if (e.date.size() > into->date.size()) {
      into->date = e.date;
      into->date_precision = e.date_precision;
    }
    if (into->place.empty()) {
      into->place = e.place;
      into->place_mention = e.place_mention;
    }
    for (const Participant& p : e.participants) AddParticipant(p, into);
    if (!into->count) into->count = e.count;
    if (!into->killed) {
      into->killed = e.killed;
      if (into->breakdown.empty()) into->breakdown = e.breakdown;
    }
    if (!into->injured) into->injured = e.injured;
  }
  out.events = std::move(merged);
}

}  // namespace

Extraction Extract(const text::Analysis& a, const std::vector<ner::Mention>& mentions,
                   std::string_view published) {
  // Mentions that do not fit the analysis (another text's) are ignored.
  for (const ner::Mention& m : mentions) {
    if (m.end_token > a.tokens.size() || m.first_token >= m.end_token ||
        m.span.end > a.normalized.text.size()) {
      static const std::vector<ner::Mention> kNoMentions;
      return Extract(a, kNoMentions, published);
    }
  }
  Doc d(a, mentions);
  Prepare(&d, published);
  Builder b(d);
  b.Quotes();
  b.Claims();
  b.Events();
  return std::move(b.out);
}

}  // namespace marsad::extract
