// Cross-document entity resolution (the contract is in resolve.h).
//
// The unit of work is a spelling: all mentions whose text has the same
// matching key. Spellings are first joined where nothing is uncertain (the
// user's alias file, "X المعروف بـ Y" in a text), then full names are
// clustered by the pair model within phonetic blocks, and last, names of one
// word are resolved mention by mention, because a surname alone may stand for
// one man in one article and his namesake in the next.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "resolve/internal.h"
#include "resolve/resolve.h"
#include "text/text.h"

namespace marsad::resolve {
namespace {

using ner::EntityType;

// Full names are the same name at and above this score. Names of one word
// carry less evidence than two, so they must score higher.
constexpr double kFullNameThreshold = kDefaultThreshold;
constexpr double kOneWordThreshold = 0.6;
// A short form must match the word of the full name it stands for closely.
constexpr double kShortFormThreshold = 0.8;
// Spellings compared pairwise within one phonetic block, commonest first;
// a block larger than this is a common word, not a name's spellings.
constexpr size_t kMaxBlock = 400;
// Names of a cluster checked against the other's before merging.
constexpr size_t kLinkCheck = 8;
// Below this tagger confidence a span is as likely to be cut wrongly
// ("جون كيري أوباما") as right.
constexpr float kWeakConfidence = 0.6f;
// A short form found alone in its document goes to a full name elsewhere
// only if the full names it may stand for have at least one mention for
// every kShortFormShare of its own.
constexpr size_t kShortFormShare = 10;
// A short form found alone goes to the full name it is the surname of in at
// least this many times more mentions than any other.
constexpr size_t kDominance = 10;
// A place a country's adjective follows is a place by itself if the
// gazetteer has it or the collection names it a place this many times.
constexpr uint32_t kPlaceBeforeAdjective = 3;
// Two spellings of a place or a person that only TranscribedAlike relates
// are one when the names their documents give beside them agree this much:
// the cosine of the kContextNames names most often beside each, counted by
// document and weighted by inverse document frequency, each spelling with
// at least kContextDocs documents to judge by. On SaudiNewsNet the places'
// pairs at 0.3 or more were all one place (أوروبا and أوربا 0.51; مروة and
// ماروا, Maroua, 0.43); below it they were mostly two (شبوة and شبه 0.25,
// كوريا and كرا 0.25, كيتو and كيوتو, Quito and Kyoto, under 0.05), with a
// few one place (فيينا and فينا, Vienna, 0.22). Persons must pass stricter
// tests of their letters first (see TranscribedAlike), after which the 22
// pairs joined at 0.2 or more were each one man (رونالد ريغان and ريجان,
// Reagan, 0.23); of the two below, كريج and كريغ ريدي (0.12) were one,
// محمد القرني and محمد الجيراني (0.01) two.
constexpr double kSamePlaceContext = 0.3;
constexpr double kSamePersonContext = 0.2;
constexpr size_t kContextDocs = 2;
constexpr size_t kContextNames = 50;
// A group's name and a place's name a regional branch when written so this
// many times, in all the branch's spellings (داعش ليبيا, ISIS in Libya);
// once, they may be a sentence's subject and object: «واتهمت حماس إسرائيل»
// (and Hamas accused Israel) had made a branch of Hamas on SaudiNewsNet, and
// «تنظيم داعش في سوريا» may be where the group fights. Once is enough with
// في before a region groups name branches after (القاعدة في جزيرة العرب).
// Two copies of one wire story still count twice: the resolver does not
// know which documents are copies.
constexpr size_t kBranchMentions = 2;

// Words that say what kind of organisation or place follows (group,
// movement, agency, ministry, camp, city, ...), each with its kind: the
// words of one kind name one sort of body or place (a newspaper is a صحيفة
// or a جريدة). A name is compared without them, so جماعة أنصار الهجرة and
// أنصار الهجرة are one name; but two kinds make two names: جامعة الطائف (a
// university) and شركة الطائف (a company), مجلس الأمن (the Security
// Council) and منظمة الأمن.
const std::unordered_map<std::string, int>& HeadWords() {
  static const std::unordered_map<std::string, int> words = [] {
    const std::vector<std::vector<const char*>> kinds = {
        {"جماعة", "حركة", "تنظيم", "جبهة", "فصيل", "منظمة", "حزب"},  // groups, parties
        {"كتيبة", "كتائب", "لواء", "ألوية", "سرايا", "جيش"},         // armed units
        {"صحيفة", "جريدة", "مجلة"},                                 // the press
        {"قناة", "إذاعة", "شبكة", "موقع"},                           // broadcasters, websites
        {"وكالة", "أنباء"},                                          // agencies
        {"مركز", "معهد", "مؤسسة"},                                   // centres, institutes
        {"جهاز", "مديرية", "دائرة"},                                 // services, directorates
        {"شركة"}, {"مجلس"}, {"وزارة"}, {"محكمة"}, {"جامعة"}, {"اتحاد"}, {"رابطة"}, {"جمعية"},
        {"مخيم"},  // the kinds of place from here on (IsPlaceKind)
        {"مدينة", "محافظة", "إقليم", "ولاية", "منطقة", "بلدة", "قرية", "ناحية", "قضاء"},
        {"جبال", "جبل"}, {"وادي"}, {"بحيرة"}, {"نهر"}, {"جزيرة"}, {"مطار"}, {"ميناء"}, {"سجن"},
    };
    std::unordered_map<std::string, int> map;
    for (size_t kind = 0; kind < kinds.size(); ++kind) {
      for (const char* w : kinds[kind]) map.emplace(text::MatchKey(w), static_cast<int>(kind));
    }
    return map;
  }();
  return words;
}

bool IsPlaceKind(int kind) {
  static const int first = HeadWords().at(text::MatchKey("مخيم"));
  return kind >= first;
}

// A token's letters with its script: Arabic and Latin letters are both
// alphabet indices, so the same bytes may be two different names.
std::string ScriptAndLetters(const NameToken& t) { return (t.arabic ? "a" : "l") + t.letters; }

std::vector<std::string> Words(std::string_view s) {
  const std::vector<std::string_view> written = internal::WrittenWords(s);
  return {written.begin(), written.end()};
}

std::string Join(const std::vector<std::string>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// Whether a matching key word is بن, ابن (son of) or بنت (daughter of).
bool IsLinkWord(std::string_view w) {
  static const std::string son = text::MatchKey("بن"), son_of = text::MatchKey("ابن"),
                           daughter = text::MatchKey("بنت");
  return w == son || w == son_of || w == daughter;
}

// The article ال off a matching key word, if what is left is a word.
std::string_view WithoutArticle(std::string_view w) {
  if (w.size() > 6 && w.substr(0, 4) == "ال") return w.substr(4);
  return w;
}

// Whether a spelling (match keys, words) is a description that says what
// kind of body and how far it reaches, but not which: the head noun of a
// body, with the article, then one adjective of scope. الاتحاد الدولي
// (the international federation) is FIFA in one article and the IAAF in the
// next; البنك المركزي (the central bank) is each country's. Adjectives of
// nationality name the body (البنك المركزي الأوروبي, the ECB) and الوطني
// (national) often does by a country's usage (المجلس الوطني), so neither is
// one of these.
bool IsGenericDescription(const std::vector<std::string>& words) {
  // bank (two words for it), authority, committee, government: nouns of bodies
  // beyond the head words, which a name does not follow without the article.
  static const auto kBodyNouns = text::internal::MatchKeySet({"بنك", "مصرف", "هيئة", "لجنة", "حكومة"});
  // international, world, central, general, supreme, federal, local,
  // official, governmental, regional; masculine and feminine.
  static const auto kScope = text::internal::MatchKeySet(
      {"الدولي", "الدولية", "العالمي", "العالمية", "المركزي", "المركزية", "العام", "العامة",
       "الأعلى", "العليا", "الاتحادي", "الاتحادية", "المحلي", "المحلية", "الرسمي", "الرسمية",
       "الحكومي", "الحكومية", "الإقليمي", "الإقليمية"});
  // One adjective: with two, a country's usage names a body (المحكمة
  // الاتحادية العليا, the Federal Supreme Court of the UAE or Iraq).
  if (words.size() != 2) return false;
  const std::string_view noun = WithoutArticle(words[0]);
  if (noun.size() == words[0].size()) return false;  // no article
  const auto head = HeadWords().find(std::string(noun));
  if (!kBodyNouns.contains(noun) && (head == HeadWords().end() || IsPlaceKind(head->second))) return false;
  return kScope.contains(words[1]);
}

// The first letter of a matching key word after its article: a name's
// letter in an acronym (هجرة of الهجرة gives ه).
std::string_view Initial(std::string_view word) {
  const std::string_view bare = WithoutArticle(word);
  return bare.substr(0, static_cast<unsigned char>(bare[0]) >= 0xC0 ? 2 : 1);
}

// The letters of a matching key word, one or two bytes each (Latin,
// Arabic): an acronym's letters (جاهش: ج ا ه ش).
std::vector<std::string_view> Letters(std::string_view word) {
  std::vector<std::string_view> letters;
  for (size_t i = 0; i < word.size();) {
    const size_t n = (static_cast<unsigned char>(word[i]) >= 0xC0) ? 2 : 1;
    letters.push_back(word.substr(i, n));
    i += n;
  }
  return letters;
}

// One spelling of a name: every mention whose text has this matching key.
struct Spelling {
  std::string key;
  std::string unspaced;            // the key without its spaces
  std::vector<std::string> words;  // of the key
  PreparedName full;               // the whole name
  PreparedName core;               // without the head words of organisations and places
  int head_kind = -1;              // the kind its first head word names (HeadWords), if any
  std::map<std::string, uint32_t> forms;  // display forms as written, with counts
  uint32_t votes[ner::kEntityTypes] = {0, 0, 0, 0};
  EntityType type = EntityType::kPerson;
  std::vector<uint32_t> mentions;
  bool forced = false;     // joined by an alias entry or a stated alias
  bool one_word = false;   // one word in all, or one name (see BuildSpellings)
  // One word that only says what kind of body it is (المنظمة، النادي), or a
  // description that says no more (IsGenericDescription): it refers to a
  // name given before it in its document, or to nothing.
  bool generic = false;
  // Every mention of it was tagged with low confidence: it may join an
  // entity, but neither anchors a short form nor makes a stated alias.
  bool weak = true;
  std::vector<int64_t> docs;  // documents of its mentions, sorted
  // For an organisation, the English name the list of bodies gives it or a
  // spelling of it (الكونجرس, like الكونغرس: Congress), or that of a
  // regional branch of a group of the list (internal::SplitGroupAndPlace:
  // ISIS in Libya); else "".
  std::string body;
  std::string branch_of;  // for a regional branch, its group's English name
  bool adjective = false;  // a nationality adjective, not a name
  int adjective_of = -1;   // the spelling of its country, if the collection names it
  // A person's one word that begins or ends the full names of several men,
  // none of them named so far more often than the others (محمد، خالد): where
  // its document does not say who, it names someone of that document only.
  bool many_bearers = false;
};

class DisjointSets {
 public:
  explicit DisjointSets(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // The smaller index becomes the root, so results do not depend on order.
  uint32_t Union(uint32_t a, uint32_t b) {
    a = Find(a), b = Find(b);
    if (a == b) return a;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
    return a;
  }

 private:
  std::vector<uint32_t> parent_;
};

class Resolver {
 public:
  Resolver(const std::vector<NameMention>& mentions, const std::vector<MentionLink>& links,
           const std::vector<AliasEntry>& aliases, const Matcher& matcher,
           const KnownLatin* known_latin)
      : mentions_(mentions), links_(links), aliases_(aliases), matcher_(matcher), known_latin_(known_latin) {}

  Resolution Run() {
    BuildSpellings();
    sets_ = std::make_unique<DisjointSets>(spellings_.size());
    ApplyAliasEntries();
    NameBodies();
    ApplyStatedAliases();
    FindAdjectives();
    JoinNamesOfOneBody();
    ClusterFullNames();
    JoinAcronyms();
    JoinOneWordOrganisations();
    JoinTranscribedSpellings();
    JoinSurnamesOfSeveralWords();
    AssignMentions();
    return MakeResolution();
  }

 private:
  // The country a nationality word stands for (سوري → سوريا، الطاجيكي →
  // طاجيكستان، العراقي → العراق، الروس → روسيا، السعودي → السعودية): its
  // matching key, or "". Without the article, only a word ending in ي/ية
  // counts: bare تركي is as often a man's name. A place only the collection
  // names must be named as a place at least as often as the word is named
  // at all: رياضيا (athletically), tagged a place three times in
  // SaudiNewsNet, had made الرياض (Riyadh, 5,696 mentions) its adjective.
  std::string PlaceOfAdjective(std::string_view word_key) const {
    const auto named = [](const std::string& key, const auto& counts) -> uint32_t {
      const auto it = counts.find(key);
      return it == counts.end() ? 0 : it->second;
    };
    const bool article = WithoutArticle(word_key).size() != word_key.size();
    std::string base(WithoutArticle(word_key));
    if (base.ends_with("يه")) base.resize(base.size() - 4 + 2);  // ية → ي
    const bool suffix = base.ends_with("ي");
    if (suffix) base.resize(base.size() - 2);
    if ((!suffix && !article) || base.size() < 4) return "";
    for (const char* ending : {"يا", "ستان", "", "ا", "ان", "يه"}) {
      // Without the suffix, the article alone is not an adjective: الحسن is
      // not an adjective of a place حسن.
      if (!suffix && !*ending) continue;
      for (const std::string& place : {base + ending, "ال" + base + ending}) {
        if (place == word_key) continue;
        if (internal::CountryNames().count(place) ||
            named(place, place_counts_) >= std::max<uint32_t>(1, named(std::string(word_key), name_counts_))) {
          return place;
        }
      }
    }
    return "";
  }

  // Whether a place's name ends with the adjective of a country after a
  // place the collection or the gazetteer knows: «سالزبورغ النمساوية»
  // (Austrian Salzburg) is Salzburg. Not where the whole is a place's own
  // name (جزر فيرجن البريطانية, the British Virgin Islands), nor after a
  // word the collection does not name as a place (القنصلية السعودية, the
  // Saudi consulate) or a kind of place or body (الجزيرة القبرصية, the
  // Cypriot island, is not الجزيرة, Al Jazeera), nor for adjectives of what
  // is no country (الجزيرة العربية, the Arabian peninsula). Nor where the
  // adjective tells two places of one name apart: the gazetteer's city is
  // in another country (طرابلس اللبنانية, Tripoli in Lebanon, is not CLDR's
  // Tripoli, in Libya), or the collection gives the name adjectives of two
  // countries (كشمير الهندية and كشمير الباكستانية).
  bool CountrysAdjectiveEnds(const std::vector<std::string>& words) const {
    const auto found = place_adjectives_.find(Join(words, 0, words.size()));
    if (found == place_adjectives_.end()) return false;
    const std::string* country = found->second;
    const std::string rest = Join(words, 0, words.size() - 1);
    const auto city = internal::CityCountries().find(rest);
    if (city != internal::CityCountries().end() && city->second != internal::CountryNames().at(*country)) {
      return false;
    }
    const auto countries = adjective_countries_.find(rest);
    return countries == adjective_countries_.end() || countries->second.size() < 2;
  }

  // The country (its matching key) whose adjective ends a place's `words`,
  // under the conditions of CountrysAdjectiveEnds before the last two; null
  // if none.
  const std::string* AdjectivesCountry(const std::vector<std::string>& words) const {
    if (words.size() < 2 || WithoutArticle(words.back()).size() == words.back().size()) return nullptr;
    // Seas, gulfs, peninsulas and deserts are named by adjectives: الخليج
    // المكسيكي is the Gulf of Mexico, not الخليج (the Gulf); شبه الجزيرة
    // الإيطالية the Italian peninsula, not شبه الجزيرة (the Arabian one).
    static const text::internal::StringSet kFeatures =
        text::internal::MatchKeySet({"خليج", "بحر", "محيط", "شبه", "صحراء"});
    const std::string whole = Join(words, 0, words.size()), rest = Join(words, 0, words.size() - 1);
    const std::string_view first = WithoutArticle(words[0]);
    if (internal::PlaceNames().count(whole) || HeadWords().count(std::string(first)) || kFeatures.count(first)) {
      return nullptr;
    }
    // A country or a region is in no other country («أمريكا المكسيكي» is
    // Club América of Mexico).
    const auto gazetteer = internal::PlaceNames().find(rest);
    if (gazetteer != internal::PlaceNames().end() && IsCountryOrRegionName(gazetteer->second)) return nullptr;
    const auto named = place_counts_.find(rest);
    if (gazetteer == internal::PlaceNames().end() &&
        (named == place_counts_.end() || named->second < kPlaceBeforeAdjective)) {
      return nullptr;
    }
    const auto country = internal::CountryNames().find(PlaceOfAdjective(words.back()));
    return country == internal::CountryNames().end() || country->first == rest ? nullptr : &country->first;
  }

  // The places the collection writes with a country's adjective after them:
  // each such name's country, and each place's countries
  // (CountrysAdjectiveEnds).
  void FindAdjectivesOfPlaces() {
    for (const NameMention& m : mentions_) {
      if (m.type != EntityType::kLocation) continue;
      const std::vector<std::string> words = Words(text::MatchKey(m.name));
      const auto [it, added] = place_adjectives_.try_emplace(Join(words, 0, words.size()), nullptr);
      if (!added) continue;
      it->second = AdjectivesCountry(words);
      if (it->second != nullptr) adjective_countries_[Join(words, 0, words.size() - 1)].insert(*it->second);
    }
    std::erase_if(place_adjectives_, [](const auto& entry) { return entry.second == nullptr; });
  }

  void BuildSpellings() {
    for (const NameMention& m : mentions_) {
      const std::string key = Join(Words(text::MatchKey(m.name)), 0, SIZE_MAX);
      ++name_counts_[key];
      if (m.type == EntityType::kLocation) ++place_counts_[key];
    }
    FindAdjectivesOfPlaces();
    std::unordered_map<std::string, uint32_t> index;
    spelling_of_.resize(mentions_.size());
    display_.resize(mentions_.size());
    for (uint32_t i = 0; i < mentions_.size(); ++i) {
      const NameMention& m = mentions_[i];
      std::vector<std::string> words = Words(text::MatchKey(m.name));
      // "الطاجيكي غفورجون رحيموف": the nationality is not part of the name.
      size_t first = 0;
      while (m.type == EntityType::kPerson && first + 1 < words.size() &&
             WithoutArticle(words[first]).size() != words[first].size() &&
             !PlaceOfAdjective(words[first]).empty()) {
        ++first;
      }
      const size_t last = words.size() - (m.type == EntityType::kLocation && CountrysAdjectiveEnds(words));
      std::string key = Join(words, first, last);
      // The display form loses the same words, if it has the same words.
      const std::vector<std::string> shown = Words(m.name);
      display_[i] = (first || last < words.size()) && shown.size() == words.size() ? Join(shown, first, last) : m.name;
      auto [it, added] = index.emplace(key, static_cast<uint32_t>(spellings_.size()));
      if (added) {
        Spelling s;
        s.key = std::move(key);
        spellings_.push_back(std::move(s));
      }
      Spelling& s = spellings_[it->second];
      ++s.forms[display_[i]];
      ++s.votes[static_cast<int>(m.type)];
      if (m.confidence >= kWeakConfidence) s.weak = false;
      s.mentions.push_back(i);
      spelling_of_[i] = it->second;
    }
    for (Spelling& s : spellings_) {
      for (uint32_t m : s.mentions) s.docs.push_back(mentions_[m].doc);
      std::sort(s.docs.begin(), s.docs.end());
      s.docs.erase(std::unique(s.docs.begin(), s.docs.end()), s.docs.end());
      s.type = static_cast<EntityType>(std::max_element(s.votes, s.votes + ner::kEntityTypes) - s.votes);
      // A body of the list is no person nor other name, whatever the tagger
      // read: فيس بوك (Facebook) was a person 72 times on SaudiNewsNet.
      if ((s.type == EntityType::kPerson || s.type == EntityType::kMisc) && internal::BodyNames().count(s.key)) {
        s.type = EntityType::kOrganization;
      }
      s.words = Words(s.key);
      std::copy_if(s.key.begin(), s.key.end(), std::back_inserter(s.unspaced), [](char c) { return c != ' '; });
      s.full = PrepareName(s.key);
      size_t head = 0;
      if (s.type == EntityType::kOrganization || s.type == EntityType::kLocation) {
        while (head + 1 < s.words.size() && HeadWords().count(std::string(WithoutArticle(s.words[head]))))
          ++head;
      }
      s.core = head ? PrepareName(Join(s.words, head, s.words.size())) : s.full;
      if (head) s.head_kind = HeadWords().at(std::string(WithoutArticle(s.words[0])));
      // A person's compound given name (عبد الله, servant of God; أبو بكر)
      // is one name in two words, and so is a name after بن alone (بن علي,
      // Ben Ali; بن سلمان, son of Salman): a short form, though no given
      // name (see StandsFor).
      s.one_word = s.words.size() == 1 || (s.type == EntityType::kPerson && s.full.tokens.size() == 1);
      // A word of one or two letters (بي، سي، إس) is a letter of an acronym.
      // A kind of place named as an organisation is a name: الجزيرة (the
      // island) is the channel, المدينة (the city) a newspaper.
      if (s.one_word) {
        const auto head_word = HeadWords().find(std::string(WithoutArticle(s.words[0])));
        const bool place_as_body = head_word != HeadWords().end() && IsPlaceKind(head_word->second) &&
                                   s.type == EntityType::kOrganization;
        s.generic = (head_word != HeadWords().end() && !place_as_body) || s.full.tokens.empty() ||
                    s.full.tokens[0].letters.size() <= 2;
      } else if (s.type == EntityType::kOrganization && IsGenericDescription(s.words)) {
        // Unless the list of bodies has it: البنك الدولي is the World Bank.
        s.generic = !internal::BodyNames().count(s.key);
      }
    }
    key_index_ = std::move(index);
  }

  // Spellings of a name written in the alias file, if the collection has it.
  std::vector<uint32_t> SpellingsOf(const std::string& name) const {
    std::vector<uint32_t> found;
    const std::string key = Join(Words(text::MatchKey(name)), 0, SIZE_MAX);
    if (auto it = key_index_.find(key); it != key_index_.end()) found.push_back(it->second);
    return found;
  }

  void Force(uint32_t a, uint32_t b) {
    spellings_[a].forced = spellings_[b].forced = true;
    sets_->Union(a, b);
  }

  void ApplyAliasEntries() {
    for (size_t e = 0; e < aliases_.size(); ++e) {
      const AliasEntry& entry = aliases_[e];
      if (!entry.part_of.empty()) continue;
      std::vector<uint32_t> members = SpellingsOf(entry.name);
      for (const std::string& alias : entry.aliases) {
        for (uint32_t s : SpellingsOf(alias)) members.push_back(s);
      }
      for (uint32_t s : members) {
        spellings_[s].type = entry.type;
        spellings_[s].forced = true;
        sets_->Union(members[0], s);
        entry_of_root_[s] = e;
      }
    }
  }

  // Each organisation's English name in the list of bodies (Spelling::body).
  // After the alias entries, which may retype a spelling.
  void NameBodies() {
    std::vector<std::optional<internal::GroupAndPlace>> branches(spellings_.size());
    std::map<std::string, size_t> mentions_of_branch;  // over all its spellings
    for (uint32_t i = 0; i < spellings_.size(); ++i) {
      Spelling& s = spellings_[i];
      s.body.clear();
      s.branch_of.clear();
      if (s.type != EntityType::kOrganization) continue;
      s.body = internal::EnglishName(s.key, false, matcher_);
      if (!s.body.empty()) continue;
      branches[i] = internal::SplitGroupAndPlace(s.key);
      if (branches[i]) mentions_of_branch[branches[i]->branch] += s.mentions.size();
    }
    for (uint32_t i = 0; i < spellings_.size(); ++i) {
      const auto& b = branches[i];
      if (!b) continue;
      Spelling& s = spellings_[i];
      if (b->home) {
        s.body = b->group;  // the group itself, in its own country
      } else if ((b->with_in && b->region) || mentions_of_branch[b->branch] >= kBranchMentions) {
        s.body = b->branch;
        s.branch_of = b->group;
      }
    }
  }

  // Whether the list of bodies names two bodies apart (the UN and UNICEF).
  static bool BodiesApart(std::string_view a, std::string_view b) { return !a.empty() && !b.empty() && a != b; }

  // A text saying two names are one joins them for the whole collection, so
  // one careless sentence must not join two common names: a stated alias
  // holds only between people or organisations (a place in parentheses after
  // another is where it lies, not its other name), or to a Latin spelling,
  // and only when stated often enough for the rarer name (once per
  // kStatedAliasShare of its mentions).
  void ApplyStatedAliases() {
    constexpr size_t kStatedAliasShare = 20;
    std::map<std::pair<uint32_t, uint32_t>, size_t> stated;
    for (const MentionLink& link : links_) {
      if (link.kind != MentionLink::Kind::kAlias || link.a >= mentions_.size() ||
          link.b >= mentions_.size()) {
        continue;
      }
      const uint32_t a = spelling_of_[link.a], b = spelling_of_[link.b];
      if (a != b) ++stated[{std::min(a, b), std::max(a, b)}];
    }
    for (const auto& [pair, count] : stated) {
      const Spelling& a = spellings_[pair.first];
      const Spelling& b = spellings_[pair.second];
      // The tagger, which has seen hardly any Latin, is unsure of a Latin
      // spelling in parentheses; the parentheses are the evidence.
      if ((a.weak && !IsLatin(a.key)) || (b.weak && !IsLatin(b.key))) continue;
      // A generic word or description is said to be a body in one article
      // and names another in the next: «البنك المركزي (مجلس الاحتياطي
      // الاتحادي)», the Fed, had made every central bank the Fed. A Latin
      // acronym of two letters, generic as a word, is stated once for all
      // (EU, UN).
      if ((a.generic && !IsLatin(a.key)) || (b.generic && !IsLatin(b.key))) continue;
      const bool named = (a.type == EntityType::kPerson || a.type == EntityType::kOrganization) &&
                         a.type == b.type;
      if (!named && !IsLatin(a.key) && !IsLatin(b.key)) continue;
      const size_t rarer = std::min(a.mentions.size(), b.mentions.size());
      if (count * kStatedAliasShare < rarer) continue;
      // The list of bodies knows two of its bodies apart: «منظمة الأمم
      // المتحدة للطفولة (اليونيسيف)», UNICEF, whose name the tagger cut to
      // the UN's, had joined UNICEF to the UN.
      if (BodiesApart(a.body, b.body)) continue;
      // A single Arabic word many more texts write than the alias explains
      // is a given name many men have: عبدالله, stated once as an alias of
      // «ابا عبدالله» (father of Abdullah), had joined all 586 mentions of
      // عبدالله alone on SaudiNewsNet to that kunya, and through it to two
      // men stated to bear it (عمر ناجي, حسان عبود). A Latin spelling stated
      // once for a common name still joins it (أوباما, Obama).
      const Spelling& common = a.mentions.size() >= b.mentions.size() ? a : b;
      if (common.one_word && !IsLatin(a.key) && !IsLatin(b.key) &&
          count * kStatedAliasShare < common.mentions.size()) {
        continue;
      }
      Force(pair.first, pair.second);
    }
  }

  static bool IsLatin(std::string_view key) {
    return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x80;
    });
  }

  // One-word spellings that are nationality adjectives (السوري، الطاجيكية)
  // are attributes of their country, not names.
  void FindAdjectives() {
    for (Spelling& s : spellings_) {
      if (s.words.size() != 1 || s.forced) continue;
      const std::string place = PlaceOfAdjective(s.words[0]);
      if (place.empty()) continue;
      // سورية is the feminine adjective (Syrian) and an official spelling
      // of سوريا: without the article, tagged a place and written as the
      // place with another ending, it is the place.
      if (s.type == EntityType::kLocation && WithoutArticle(s.words[0]).size() == s.words[0].size() &&
          text::EndingKey(s.words[0]) == text::EndingKey(place)) {
        continue;
      }
      s.adjective = true;
      auto it = key_index_.find(place);
      if (it != key_index_.end() && spellings_[it->second].type == EntityType::kLocation) {
        s.adjective_of = static_cast<int>(it->second);
      }
    }
  }

  // Spellings the list of places and bodies gives one English name (a body
  // in any of its spellings, Spelling::body) are one place or body, however
  // unlike their words: السعودية and المملكة العربية
  // السعودية (Saudi Arabia), الإمارات and الإمارات العربية المتحدة; داعش and
  // تنظيم الدولة (ISIS), بي بي سي and هيئة الإذاعة البريطانية (BBC). All but
  // the commonest are joined as an alias entry's names are: a spelling that
  // joins later need only match the commonest (the pair model cannot match a
  // short name to the long one).
  void JoinNamesOfOneBody() {
    std::map<std::pair<EntityType, std::string>, std::vector<uint32_t>> named;  // (type, English) -> spellings
    for (uint32_t i = 0; i < spellings_.size(); ++i) {
      const Spelling& s = spellings_[i];
      if (s.type == EntityType::kPerson || !IsFullName(s)) continue;
      std::string english = s.body;
      if (s.type == EntityType::kLocation) {
        const std::string* gazetteer = internal::GazetteerPlace(s.key);
        english = gazetteer != nullptr ? *gazetteer : "";
      } else if (s.type == EntityType::kMisc) {
        english = internal::OtherEnglishName(s.key);
      }
      if (!english.empty()) named[std::pair(s.type, english)].push_back(i);
    }
    // The commonest name of each keeps its say against names that join
    // later (see Compatible): with every name of Niger forced, النيجر and
    // جمهورية النيجر, a rare «الاتحاد النيجيري» had joined it to نيجيريا.
    for (auto& [english, group] : named) {
      if (group.size() < 2) continue;
      const uint32_t commonest = *std::max_element(group.begin(), group.end(), [&](uint32_t x, uint32_t y) {
        // The earlier spelling on a tie, so the result does not depend on order.
        return std::pair(spellings_[x].mentions.size(), y) < std::pair(spellings_[y].mentions.size(), x);
      });
      for (const uint32_t s : group) {
        if (s == commonest) continue;
        spellings_[s].forced = true;
        sets_->Union(commonest, s);
      }
    }
  }

  // Spellings that are names by themselves: more than one word, or one
  // word of a place or other name, or of a body the list of bodies names
  // (داعش, ISIS; الكونجرس, Congress). Another person's or organisation's single word is a short
  // form, resolved per mention.
  bool IsFullName(const Spelling& s) const {
    if (s.adjective || s.generic || s.core.tokens.empty()) return false;
    if (!s.one_word) return true;
    return s.type == EntityType::kLocation || s.type == EntityType::kMisc ||
           (s.type == EntityType::kOrganization && !s.body.empty());
  }

  double Score(uint32_t a, uint32_t b) {
    const uint64_t key = (uint64_t{std::min(a, b)} << 32) | std::max(a, b);
    auto it = score_cache_.find(key);
    if (it != score_cache_.end()) return it->second;
    const double s = matcher_.MatchScore(spellings_[a].core, spellings_[b].core);
    score_cache_.emplace(key, s);
    return s;
  }

  double Threshold(uint32_t a, uint32_t b) const {
    return spellings_[a].one_word || spellings_[b].one_word ? kOneWordThreshold : kFullNameThreshold;
  }

  void ClusterFullNames() {
    // Blocks: the phonetic keys of the first and last words, and of the first
    // two, so a missing middle name or a missing tail still meets its full
    // form; one-word names by their key without the final ا/ه.
    std::map<std::string, std::vector<uint32_t>> blocks;
    for (uint32_t i = 0; i < spellings_.size(); ++i) {
      const Spelling& s = spellings_[i];
      if (!IsFullName(s)) continue;
      const auto& t = s.core.tokens;
      const std::string type = std::to_string(static_cast<int>(s.type)) + ":";
      // All the letters, for a name spaced differently (ماوراء, ما وراء).
      std::string joined = type + (t[0].arabic ? "=" : "~");
      for (const NameToken& token : t) joined += token.letters;
      blocks[joined].push_back(i);
      if (t.size() == 1) {
        blocks[type + text::EndingKey(std::string(WithoutArticle(s.words.back())))].push_back(i);
        blocks[type + t[0].key].push_back(i);
        // The ends of the key, for a letter changed inside (كازاخستان، قازاقستان).
        const std::string& k = t[0].key;
        if (k.size() >= 5) blocks[type + k.substr(0, 2) + "|" + k.substr(k.size() - 2)].push_back(i);
      } else {
        blocks[type + t.front().key + "|" + t.back().key].push_back(i);
        blocks[type + t[0].key + "|" + t[1].key].push_back(i);
        // And a person's Arabic surname by its consonants without ه, which
        // transliterations write or leave out (مورينيو and مورينهو, the nh
        // of Mourinho; بيرنهارد and برنارد). Not any h sound: the pair model,
        // never asked about such pairs by the other blocks, took محمد حبش
        // and محمد عابس (Habash, Abis) for one name.
        if (s.type == EntityType::kPerson && t.back().arabic) {
          static const char heh = static_cast<char>(internal::ArabicIndex(U'\u0647'));
          std::string last = internal::Consonants(t.back().letters);
          std::erase(last, heh);
          blocks[type + t.front().key + "|" + last + "|-h"].push_back(i);
        }
      }
    }
    struct Candidate {
      double score;
      uint32_t a, b;
    };
    std::vector<Candidate> candidates;
    std::set<std::pair<uint32_t, uint32_t>> seen;
    for (auto& [key, members] : blocks) {
      if (members.size() < 2) continue;
      std::stable_sort(members.begin(), members.end(), [&](uint32_t x, uint32_t y) {
        return spellings_[x].mentions.size() > spellings_[y].mentions.size();
      });
      const size_t n = std::min(members.size(), kMaxBlock);
      for (size_t i = 0; i < n; ++i) {
        for (size_t j = i + 1; j < n; ++j) {
          const uint32_t a = std::min(members[i], members[j]), b = std::max(members[i], members[j]);
          if (!seen.insert({a, b}).second) continue;
          if (!SameShape(spellings_[a], spellings_[b]) || KindsDiffer(a, b)) continue;
          const double score = Score(a, b);
          if (score >= Threshold(a, b)) candidates.push_back({score, a, b});
        }
      }
    }
    // A person's name that full names of two men go on from, each with a
    // family name, names either man: «عبدالله بن عبدالعزيز» is King
    // Abdullah (... آل سعود) in most Saudi news and the minister «...
    // الربيعة» in some. As a surname alone does, it joins no longer name
    // then, unless one man's names are written kDominance times as often as
    // the others'. The full names are one man's when they match each other
    // (صباح الأحمد الصباح and صباح الأحمد الجابر الصباح, the Emir of Kuwait,
    // whose father's and grandfather's names take the article).
    std::unordered_map<uint32_t, std::vector<uint32_t>> family_names;
    for (const Candidate& c : candidates) {
      if (GoesOnWithFamilyName(c.a, c.b)) family_names[c.a].push_back(c.b);
      if (GoesOnWithFamilyName(c.b, c.a)) family_names[c.b].push_back(c.a);
    }
    std::unordered_set<uint32_t> ambiguous;
    std::set<std::pair<uint32_t, uint32_t>> barred;  // (name, full name of another man)
    for (auto& [prefix, fulls] : family_names) {
      // The men: single-link groups of full names that match, formed
      // commonest first.
      std::sort(fulls.begin(), fulls.end(), [&](uint32_t x, uint32_t y) {
        const size_t mx = spellings_[x].mentions.size(), my = spellings_[y].mentions.size();
        return mx != my ? mx > my : x < y;
      });
      fulls.erase(std::unique(fulls.begin(), fulls.end()), fulls.end());
      std::vector<std::vector<uint32_t>> men;
      for (const uint32_t full : fulls) {
        std::vector<uint32_t> his{full};
        std::erase_if(men, [&](std::vector<uint32_t>& man) {
          const bool same = std::any_of(man.begin(), man.end(), [&](uint32_t x) {
            return Score(x, full) >= Threshold(x, full);
          });
          if (same) his.insert(his.end(), man.begin(), man.end());
          return same;
        });
        men.push_back(std::move(his));
      }
      if (men.size() < 2) continue;
      const auto mentions = [&](const std::vector<uint32_t>& man) {
        size_t total = 0;
        for (const uint32_t x : man) total += spellings_[x].mentions.size();
        return total;
      };
      std::stable_sort(men.begin(), men.end(),
                       [&](const auto& x, const auto& y) { return mentions(x) > mentions(y); });
      // A man the name may stand for is one its documents write often
      // enough: the tagger's run-on words («خالد الفيصل الشاعر», the poet)
      // and namesakes written once do not make a common name ambiguous.
      const size_t often = std::max<size_t>(2, spellings_[prefix].mentions.size() / kShortFormShare);
      if (mentions(men[1]) >= often && mentions(men[0]) < kDominance * mentions(men[1])) {
        ambiguous.insert(prefix);
        continue;
      }
      // Else a name of three words or more (بن counted), which says whose
      // son he is, is the first man's and none of the others'; a name of
      // two may be the many men ARareNameKeepsItsSayInACommonShortName
      // (entities_test.cc) describes.
      if (spellings_[prefix].words.size() < 3) continue;
      for (size_t k = 1; k < men.size(); ++k) {
        for (const uint32_t full : men[k]) barred.emplace(prefix, full);
      }
    }
    std::erase_if(candidates, [&](const Candidate& c) {
      return (ambiguous.count(c.a) > 0 && Begins(c.a, c.b)) || (ambiguous.count(c.b) > 0 && Begins(c.b, c.a)) ||
             barred.count({c.a, c.b}) > 0 || barred.count({c.b, c.a}) > 0;
    });
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
      if (x.score != y.score) return x.score > y.score;
      return std::tie(x.a, x.b) < std::tie(y.a, y.b);
    });
    // Members of each cluster, commonest first, for the complete-link check.
    std::unordered_map<uint32_t, std::vector<uint32_t>> members;
    const auto commoner = [&](uint32_t x, uint32_t y) {
      return spellings_[x].mentions.size() > spellings_[y].mentions.size();
    };
    for (uint32_t i = 0; i < spellings_.size(); ++i) {
      if (IsFullName(spellings_[i])) members[sets_->Find(i)].push_back(i);
    }
    for (auto& [root, list] : members) std::stable_sort(list.begin(), list.end(), commoner);
    for (const Candidate& c : candidates) {
      const uint32_t ra = sets_->Find(c.a), rb = sets_->Find(c.b);
      if (ra == rb || !Compatible(members[ra], members[rb])) continue;
      const uint32_t root = sets_->Union(ra, rb);
      std::vector<uint32_t> merged = std::move(members[ra]);
      for (uint32_t m : members[rb]) merged.push_back(m);
      members.erase(ra);
      members.erase(rb);
      std::stable_sort(merged.begin(), merged.end(), commoner);
      members[root] = std::move(merged);
    }
  }

  // Whether the tokens of a person's name `prefix` (two or more) begin the
  // longer name `full`'s, one by one.
  bool Begins(uint32_t prefix, uint32_t full) const {
    const auto& p = spellings_[prefix].core.tokens;
    const auto& f = spellings_[full].core.tokens;
    if (spellings_[prefix].type != EntityType::kPerson || p.size() < 2 || f.size() <= p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i) {
      if (matcher_.TokenScore(p[i], f[i]) < kShortFormThreshold) return false;
    }
    return true;
  }

  // Whether `full` goes on from the person's name `prefix` (Begins) with a
  // family name: not an ancestor's name after بن (بن الحسين), nor an
  // adjective of a country the tagger ran on («... السوري», the Syrian).
  bool GoesOnWithFamilyName(uint32_t prefix, uint32_t full) const {
    if (!Begins(prefix, full)) return false;
    const NameToken& next = spellings_[full].core.tokens[spellings_[prefix].core.tokens.size()];
    return internal::BeginsFamilyName(next) && !next.after_link &&
           (!next.arabic || PlaceOfAdjective(internal::ArabicText(next.letters)).empty());
  }

  // Organisations and places are not transliterated name by name: a longer
  // form only adds words after the shorter (جماعة أنصار الهجرة، ... في بلاد
  // الشام), it never differs inside it (البنك المركزي الأوروبي is not
  // الاتحاد الأوروبي, which the pair model, lenient with missing words,
  // would accept), and two forms of as many words differ in each word only
  // as internal::SameArabicLetters allows (القاعدة is not جدة).
  static bool SameShape(const Spelling& a, const Spelling& b) {
    if (a.type == EntityType::kPerson || a.type == EntityType::kMisc) return true;
    const auto& x = a.core.tokens.size() <= b.core.tokens.size() ? a.core.tokens : b.core.tokens;
    const auto& y = &x == &a.core.tokens ? b.core.tokens : a.core.tokens;
    if (internal::SameLettersRespaced(a.core, b.core)) return true;
    if (x.size() == y.size()) {
      for (size_t i = 0; i < x.size(); ++i) {
        if (x[i].arabic && y[i].arabic && !internal::SameArabicLetters(x[i], y[i])) return false;
      }
      return true;
    }
    for (size_t i = 0; i < x.size(); ++i) {
      if (std::string_view(x[i].letters).substr(x[i].article) !=
          std::string_view(y[i].letters).substr(y[i].article)) {
        return false;
      }
    }
    return true;
  }

  // Whether head words give the two spellings different kinds of body or
  // place (see HeadWords).
  bool KindsDiffer(uint32_t a, uint32_t b) const {
    const int x = spellings_[a].head_kind, y = spellings_[b].head_kind;
    return x >= 0 && y >= 0 && x != y;
  }

  // No chaining: every pair of the commonest names of the two clusters must
  // be the same name, so A~B and B~C do not join A to an unlike C. A rare
  // name, written under a twentieth as often as its cluster's commonest, has
  // no say when a commoner name of its cluster says all it says:
  // - a slip of the pen, whose letters, spaces left out, begin a commoner
  //   one's (a space lost, a name cut short). «سلمان بن عبد العزيزآل سعود»,
  //   once, had kept King Salman's 998 mentions without the family name
  //   apart from his 959 with it, scoring 0.29 against a name cut after آل;
  // - a short form, whose words are words of a commoner name in order:
  //   «سلمان سعود», once, had done the same (سعود against عبدالعزيز).
  // A rare name that goes on after a commoner one keeps its say: the words
  // it adds may be a run-on word of the text, but as often a surname that
  // tells two men apart (عبدالله صالح, عبدالله بن صالح الفواز). But in a
  // cluster whose commonest name has three words or more (بن and عبد
  // counted) and is written kManyMentions times or more, no rare name has a
  // say: so many mentions of a name that says whose son he is hold the
  // tagger's slips («سلمان بن عبد العزيز على», on, and «... لتشكره», to
  // thank him, run into the name) more often than a namesake. A two-word
  // name (محمد علي) keeps them: they may be the many men it stands for.
  // محمد بن علي, as generic, loses them: a risk taken for the many princes
  // named «X بن Y» alone.
  bool Compatible(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    const auto checked = [&](const std::vector<uint32_t>& cluster) {
      constexpr size_t kRareShare = 20;
      constexpr size_t kManyMentions = 100;
      const Spelling& commonest = spellings_[cluster[0]];
      const size_t floor = commonest.mentions.size() / kRareShare;
      const bool rare_mute = commonest.mentions.size() >= kManyMentions && commonest.words.size() >= 3;
      std::vector<uint32_t> out;
      for (size_t i = 0; i < cluster.size() && out.size() < kLinkCheck; ++i) {
        const Spelling& rare = spellings_[cluster[i]];
        if (rare.mentions.size() >= floor) {
          out.push_back(cluster[i]);
          continue;
        }
        if (rare_mute) continue;
        // The rare name's words but بن (son of) and its kind, each with
        // whether it came after one: «علي صالح» says what «علي بن صالح» says
        // but whose son he is; «علي عبدالله صالح» does not (صالح is not his
        // father).
        std::vector<std::pair<std::string_view, bool>> rare_words;
        bool after_link = false;
        for (const std::string& w : rare.words) {
          if (IsLinkWord(w)) {
            after_link = true;
            continue;
          }
          rare_words.emplace_back(w, after_link);
          after_link = false;
        }
        const auto said_by = [&](uint32_t c) {
          const Spelling& common = spellings_[c];
          if (common.unspaced.starts_with(rare.unspaced)) return true;
          size_t next = 0;      // the rare name's next word to find in the common one
          size_t position = 0;  // of the common name's word, from 1, link words not counted
          size_t found_at = 0;  // the position of the last word found (0: none yet)
          for (const std::string& w : common.words) {
            if (IsLinkWord(w)) continue;
            ++position;
            if (next < rare_words.size() && w == rare_words[next].first &&
                (!rare_words[next].second || found_at + 1 == position)) {
              ++next;
              found_at = position;
            }
          }
          return next == rare_words.size();
        };
        if (std::none_of(cluster.begin(), cluster.begin() + static_cast<long>(i), said_by)) {
          out.push_back(cluster[i]);
        }
      }
      return out;
    };
    // Two bodies the list of bodies names apart are two (the UN and UNICEF,
    // whose full name holds the UN's).
    const auto body_of = [&](const std::vector<uint32_t>& cluster) -> std::string_view {
      for (const uint32_t s : cluster) {
        if (!spellings_[s].body.empty()) return spellings_[s].body;
      }
      return {};
    };
    if (BodiesApart(body_of(a), body_of(b))) return false;
    const std::vector<uint32_t> checked_b = checked(b);
    for (const uint32_t x : checked(a)) {
      for (const uint32_t y : checked_b) {
        // A stated alias (a nom de guerre, the Latin spelling) is not a spelling of the name.
        if (spellings_[x].forced || spellings_[y].forced) continue;
        if (KindsDiffer(x, y) || Score(x, y) < Threshold(x, y)) return false;
      }
    }
    return true;
  }

  // Whether a short form (one word, or a generic description) can stand for
  // the full name `full`: the surname of a person; the first or last word of
  // an organisation or place without its head words; the acronym of an
  // organisation; for a generic word or description, a name that begins
  // with its words (see below).
  // StandsFor by spelling index, memoised: the same pairs meet in document
  // after document.
  bool StandsForCached(uint32_t short_form, uint32_t full) {
    const uint64_t key = (uint64_t{short_form} << 32) | full;
    auto [it, added] = stands_for_.emplace(key, false);
    if (added) it->second = StandsFor(spellings_[short_form], spellings_[full]);
    return it->second;
  }

  bool StandsFor(const Spelling& s, const Spelling& full) const {
    if (s.core.tokens.empty() || full.one_word || !IsFullName(full)) return false;
    if (s.generic) {
      // المنظمة for منظمة هيومن رايتس ووتش: the name starts with the word;
      // البنك المركزي for البنك المركزي الأوروبي, with all its words, or
      // for بنك الكويت المركزي, which ends with the rest (a country's bank
      // in the construct state).
      if (full.type != s.type || full.words.size() <= s.words.size() ||
          WithoutArticle(full.words[0]) != WithoutArticle(s.words[0])) {
        return false;
      }
      const bool construct = WithoutArticle(full.words[0]) == full.words[0];
      return std::equal(s.words.begin() + 1, s.words.end(), full.words.begin() + 1) ||
             (construct && std::equal(s.words.begin() + 1, s.words.end(), full.words.end() - (s.words.size() - 1)));
    }
    // An acronym reads like a word, so the tagger gives it any type (جاهش
    // as a person). One not typed an organisation must also be written in a
    // document that names the long form, and have four letters at least:
    // three-letter words are often names that happen to fit (أمل, Amal, and
    // الأمم المتحدة لشؤون اللاجئين).
    if (s.words.size() == 1 && full.type == EntityType::kOrganization && IsAcronym(s.words[0], full.words) &&
        (s.type == EntityType::kOrganization || (s.core.tokens[0].letters.size() >= 4 && ShareDocument(s, full)))) {
      return true;
    }
    const NameToken& word = s.core.tokens[0];
    const auto& tokens = full.core.tokens;
    if (s.type == EntityType::kPerson && word.after_link) {
      // «بن X» alone stands for a name that ends so: بن علي for زين العابدين
      // بن علي, never for علي العريض.
      const NameToken& last = tokens.back();
      return full.type == EntityType::kPerson && last.after_link && matcher_.TokenScore(word, last) >= kShortFormThreshold;
    }
    if (s.type == EntityType::kPerson) {
      // A transliterated surname may be spelled otherwise than in the full
      // name, but not be much shorter or longer (the pair model is lenient
      // with tokens of one or two letters).
      const NameToken& surname = tokens.back();
      const size_t a = word.letters.size() - word.article, b = surname.letters.size() - surname.article;
      return full.type == EntityType::kPerson && !EndsWithoutSurname(full) && std::min(a, b) >= 3 &&
             4 * std::min(a, b) >= 3 * std::max(a, b) && matcher_.TokenScore(word, surname) >= kShortFormThreshold;
    }
    if (full.type != EntityType::kOrganization && full.type != EntityType::kLocation) return false;
    // Organisations and places are not transliterated: the word is the
    // first or last word of the name itself (المنارة for وكالة أنباء المنارة),
    // with or without the article.
    auto same_word = [&](const NameToken& t) {
      return std::string_view(word.letters).substr(word.article) == std::string_view(t.letters).substr(t.article);
    };
    return same_word(tokens.front()) || same_word(tokens.back());
  }

  // Whether a person's name ends with no surname a word alone can stand
  // for: a chain of بن / ابن / بنت (son, daughter of) whose last word has no
  // article, an ancestor's given name (خالد alone is not محمد بن سعود بن
  // خالد, while القيسي alone is سليمان بن عامر القيسي); or a family named
  // with آل (family of), which the text writes with it: سعود alone is as
  // often Prince Saud or King Saud University as سلمان بن عبدالعزيز آل سعود.
  static bool EndsWithoutSurname(const Spelling& full) {
    const std::vector<std::string>& w = full.words;
    static const std::string family = text::MatchKey("آل");
    if (w.size() >= 2 && w[w.size() - 2] == family) return true;
    if (w.size() < 3 || WithoutArticle(w.back()).size() != w.back().size()) return false;
    return std::any_of(w.begin() + 1, w.end() - 1, IsLinkWord);
  }

  static bool ShareDocument(const Spelling& a, const Spelling& b) { return ShareDocument(a.docs, b.docs); }
  // Whether two sorted lists of documents have one in common.
  static bool ShareDocument(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
    for (int64_t d : a) {
      if (std::binary_search(b.begin(), b.end(), d)) return true;
    }
    return false;
  }

  // A person's name of two words or more that ends the full names of one
  // man (kDominance times as often as any other's), and is written beside
  // his full name in kContextDocs documents or more, is his short form:
  // منصور هادي for عبد ربه منصور هادي (his brother ناصر منصور هادي is named
  // three times), داود أوغلو for أحمد داود أوغلو, فان جال for لويس فان جال.
  // Only a foreign-looking surname: its last word writes its vowels
  // (Matcher::WritesItsVowels) and no word has the article. An Arabic
  // name's last words are his father's name: علي عبد الله صالح ends his
  // son's أحمد علي عبد الله صالح, سليمان هلال الأسد is Hilal al-Assad's son,
  // and محمد اليوسف in خالد بن محمد اليوسف (after بن) is the father.
  void JoinSurnamesOfSeveralWords() {
    const auto is_person = [&](const Spelling& s) {
      return s.type == EntityType::kPerson && IsFullName(s) && !s.weak && !s.forced;
    };
    // The key of a name's last tokens from token `from` on.
    const auto tail_key = [&](const Spelling& s, size_t from) {
      std::string key;
      for (size_t t = from; t < s.full.tokens.size(); ++t) {
        key += ScriptAndLetters(s.full.tokens[t]);
        key += ' ';
      }
      return key;
    };
    std::unordered_map<std::string, std::vector<uint32_t>> ending;  // tail key -> full spellings
    for (uint32_t i = 0; i < spellings_.size(); ++i) {
      const Spelling& s = spellings_[i];
      if (!is_person(s)) continue;
      for (size_t from = 1; from + 2 <= s.full.tokens.size(); ++from) {
        if (!s.full.tokens[from].after_link) ending[tail_key(s, from)].push_back(i);
      }
    }
    for (uint32_t i = 0; i < spellings_.size(); ++i) {
      const Spelling& s = spellings_[i];
      const std::vector<NameToken>& tokens = s.full.tokens;
      if (!is_person(s) || tokens.size() < 2 || tokens.front().after_link || !matcher_.WritesItsVowels(tokens.back()) ||
          std::any_of(tokens.begin(), tokens.end(), [](const NameToken& t) { return t.article > 0; })) {
        continue;
      }
      const auto it = ending.find(tail_key(s, 0));
      if (it == ending.end()) continue;
      std::map<uint32_t, size_t> roots;  // root -> mentions of its full names ending so
      for (uint32_t f : it->second) roots[sets_->Find(f)] += spellings_[f].mentions.size();
      const auto commonest = std::max_element(roots.begin(), roots.end(),
                                              [](const auto& x, const auto& y) { return x.second < y.second; });
      const uint32_t root = commonest->first;
      // Not when it is already one of those men's (a minority one's
      // cluster would be joined to the commonest whole).
      if (roots.contains(sets_->Find(i)) || std::any_of(roots.begin(), roots.end(), [&](const auto& r) {
            return r.first != root && r.second * kDominance > commonest->second;
          })) {
        continue;
      }
      size_t shared = 0;
      for (int64_t d : s.docs) {
        shared += std::any_of(it->second.begin(), it->second.end(), [&](uint32_t f) {
          return sets_->Find(f) == root && std::binary_search(spellings_[f].docs.begin(), spellings_[f].docs.end(), d);
        });
      }
      if (shared < kContextDocs) continue;
      sets_->Union(i, root);
    }
  }

  // Spellings of one organisation's name of one word that no full name
  // stands for are one entity: تشيلسي and تشلسي (Chelsea, 422 and 168
  // mentions on SaudiNewsNet) were two. Only the letters SameArabicLetters
  // allows may differ (a foreign g, vowel letters of a long word), not the
  // article (السنة, the Sunna, and سنة, a year; ابل, Apple, and الإبل, the
  // camels), and the pair model must agree as for any name of one word.
  void JoinOneWordOrganisations() {
    std::unordered_map<std::string, std::vector<uint32_t>> by_letters;
    for (uint32_t i = 0; i < spellings_.size(); ++i) {
      const Spelling& s = spellings_[i];
      if (s.type != EntityType::kOrganization || !s.one_word || s.generic || s.forced || IsFullName(s) ||
          s.core.tokens.size() != 1 || !s.core.tokens[0].arabic) {
        continue;
      }
      by_letters[internal::ArabicLettersKey(s.core.tokens[0])].push_back(i);
    }
    for (auto& [key, group] : by_letters) {
      for (size_t i = 0; i < group.size(); ++i) {
        for (size_t j = i + 1; j < group.size(); ++j) {
          const uint32_t a = group[i], b = group[j];
          const NameToken &x = spellings_[a].core.tokens[0], &y = spellings_[b].core.tokens[0];
          if ((x.article == 0) == (y.article == 0) && internal::SameArabicLetters(x, y) &&
              Score(a, b) >= kOneWordThreshold) {
            sets_->Union(a, b);
          }
        }
      }
    }
  }

  // Places and persons written by two transliterations, one writing vowel
  // letters the other leaves out or ç as تش or ج (internal::TranscribedAlike:
  // أوروبا and أوربا; مولود جاوش أوغلو and مولود تشاوش أوغلو, Mevlüt
  // Çavuşoğlu), which the pair model, strict with short names, keeps apart.
  // Letters alone as often relate two places (السويد and السد) or two Arabic
  // names (سعد and سعيد), so the names the documents give beside them must
  // agree as well (kSamePlaceContext, kSamePersonContext). For persons the
  // word that differs must be foreign (Matcher::WritesItsVowels: جمال and
  // كمال are two) and the two in no document together: one writer spells one
  // man one way, and two men named alike in one story are brothers or
  // namesakes.
  void JoinTranscribedSpellings() {
    std::unordered_map<std::string, std::vector<uint32_t>> by_key;
    for (uint32_t i = 0; i < spellings_.size(); ++i) {
      const Spelling& s = spellings_[i];
      const bool place = s.type == EntityType::kLocation, person = s.type == EntityType::kPerson && !s.one_word;
      if (!(place || person) || !IsFullName(s) || s.forced || s.docs.size() < kContextDocs ||
          !std::all_of(s.core.tokens.begin(), s.core.tokens.end(), [](const NameToken& t) { return t.arabic; })) {
        continue;
      }
      std::string key = std::to_string(static_cast<int>(s.type));
      for (const NameToken& t : s.core.tokens) {
        key += ' ';
        key += internal::TranscribedKey(t);
      }
      by_key[key].push_back(i);
    }
    struct Pair {
      double similarity;
      uint32_t a, b;
    };
    std::vector<Pair> pairs;
    std::optional<ContextIndex> context;  // built for the first candidate pair
    for (auto& [key, group] : by_key) {
      for (size_t i = 0; i < group.size(); ++i) {
        for (size_t j = i + 1; j < group.size(); ++j) {
          const uint32_t a = group[i], b = group[j];
          if (sets_->Find(a) == sets_->Find(b) || KindsDiffer(a, b) || !TranscribedAlike(a, b)) continue;
          if (!context) context.emplace(*this);
          const double similarity = context->Similarity(sets_->Find(a), sets_->Find(b));
          const bool person = spellings_[a].type == EntityType::kPerson;
          if (similarity >= (person ? kSamePersonContext : kSamePlaceContext)) pairs.push_back({similarity, a, b});
        }
      }
    }
    // The most alike first; two men's clusters that a chain of such pairs
    // would join are not joined if one document names both.
    std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
      return std::tie(y.similarity, x.a, x.b) < std::tie(x.similarity, y.a, y.b);
    });
    for (const Pair& p : pairs) {
      const uint32_t ra = sets_->Find(p.a), rb = sets_->Find(p.b);
      if (ra == rb || (spellings_[p.a].type == EntityType::kPerson && context->ShareDocument(ra, rb))) continue;
      context->Join(ra, rb, sets_->Union(ra, rb));
    }
  }

  // Whether two spellings' words are alike as TranscribedAlike has it, one
  // pair at least being no more than that. A place's other words may differ
  // as SameArabicLetters allows; a person's must be the same, the foreign
  // word must be foreign, and the two spellings never met in one document.
  bool TranscribedAlike(uint32_t a, uint32_t b) const {
    const Spelling &s = spellings_[a], &t = spellings_[b];
    const auto& x = s.core.tokens;
    const auto& y = t.core.tokens;
    const bool person = s.type == EntityType::kPerson;
    if (x.size() != y.size() || (person && ShareDocument(s, t))) return false;
    bool transcribed = false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (person ? x[i].letters == y[i].letters : internal::SameArabicLetters(x[i], y[i])) continue;
      // A vowel letter more in a short word makes another Arabic name, as
      // the pair model has it; so do other letters of a foreign g where no
      // spelling writes the vowels of a foreign name (جمال and كمال).
      if (!internal::TranscribedAlike(x[i], y[i], person) ||
          (person && !matcher_.WritesItsVowels(x[i]) && !matcher_.WritesItsVowels(y[i]))) {
        return false;
      }
      transcribed = true;
    }
    return transcribed;
  }

  // The names each cluster's documents give, for comparing two clusters by
  // the company they keep.
  class ContextIndex {
   public:
    explicit ContextIndex(const Resolver& r) {
      for (uint32_t i = 0; i < r.spellings_.size(); ++i) {
        const Spelling& s = r.spellings_[i];
        if (s.generic || s.adjective) continue;
        const uint32_t root = r.sets_->Find(i);
        for (int64_t d : s.docs) roots_of_doc_[d].push_back(root);
      }
      for (auto& [doc, roots] : roots_of_doc_) {
        std::sort(roots.begin(), roots.end());
        roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
        for (uint32_t root : roots) docs_of_root_[root].push_back(doc);
      }
      for (auto& [root, docs] : docs_of_root_) std::sort(docs.begin(), docs.end());
    }

    // Cosine of the two clusters' tf-idf vectors of the other clusters
    // named in their documents, each leaving the other out.
    double Similarity(uint32_t a, uint32_t b) {
      const std::unordered_map<uint32_t, double>& x = Vector(a);
      const std::unordered_map<uint32_t, double>& y = Vector(b);
      double dot = 0, xx = 0, yy = 0;
      for (const auto& [root, w] : x) {
        if (root == b) continue;
        xx += w * w;
        if (auto it = y.find(root); it != y.end()) dot += w * it->second;
      }
      for (const auto& [root, w] : y) {
        if (root != a) yy += w * w;
      }
      return xx > 0 && yy > 0 ? dot / std::sqrt(xx * yy) : 0;
    }

    // Whether a document names both clusters.
    bool ShareDocument(uint32_t a, uint32_t b) { return Resolver::ShareDocument(docs_of_root_[a], docs_of_root_[b]); }

    // Records that clusters a and b are now one, `root`.
    void Join(uint32_t a, uint32_t b, uint32_t root) {
      std::vector<int64_t> docs;
      std::set_union(docs_of_root_[a].begin(), docs_of_root_[a].end(), docs_of_root_[b].begin(),
                     docs_of_root_[b].end(), std::back_inserter(docs));
      docs_of_root_[root] = std::move(docs);
    }

   private:
    const std::unordered_map<uint32_t, double>& Vector(uint32_t root) {
      auto [it, added] = vectors_.try_emplace(root);
      if (!added) return it->second;
      const double documents = static_cast<double>(roots_of_doc_.size());
      std::unordered_map<uint32_t, uint32_t> counts;
      for (int64_t d : docs_of_root_[root]) {
        for (uint32_t other : roots_of_doc_[d]) {
          if (other != root) ++counts[other];
        }
      }
      std::vector<std::pair<uint32_t, uint32_t>> ranked(counts.begin(), counts.end());
      const size_t kept = std::min(ranked.size(), kContextNames);
      std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(kept), ranked.end(),
                        [](const auto& x, const auto& y) { return std::tie(y.second, x.first) < std::tie(x.second, y.first); });
      for (size_t k = 0; k < kept; ++k) {
        const auto [other, n] = ranked[k];
        it->second[other] = n * std::log(documents / static_cast<double>(docs_of_root_[other].size()));
      }
      return it->second;
    }

    std::unordered_map<int64_t, std::vector<uint32_t>> roots_of_doc_;
    std::unordered_map<uint32_t, std::vector<int64_t>> docs_of_root_;
    std::unordered_map<uint32_t, std::unordered_map<uint32_t, double>> vectors_;
  };

  // An organisation written as its head and its acronym (جماعة جاهش) is the
  // organisation whose long form the acronym abbreviates, when a document
  // names both, or the long form and the acronym alone.
  void JoinAcronyms() {
    // Long forms by the first letters of their first and last words.
    std::unordered_map<std::string, std::vector<uint32_t>> long_forms;
    for (uint32_t i = 0; i < spellings_.size(); ++i) {
      const Spelling& s = spellings_[i];
      if (s.type != EntityType::kOrganization || s.words.size() < 3 || !IsFullName(s)) continue;
      long_forms[std::string(Initial(s.words.front())) + std::string(Initial(s.words.back()))].push_back(i);
    }
    for (uint32_t i = 0; i < spellings_.size(); ++i) {
      const Spelling& s = spellings_[i];
      if (s.type != EntityType::kOrganization || s.one_word || s.core.tokens.size() != 1 || !IsFullName(s)) {
        continue;
      }
      const std::string& word = s.words.back();
      const size_t last = word.size() - (static_cast<unsigned char>(word.back()) >= 0x80 ? 2 : 1);
      auto it = long_forms.find(std::string(Initial(word)) + word.substr(last));
      if (it == long_forms.end()) continue;
      // The acronym alone may be what shares a document with the long form.
      const auto alone = key_index_.find(word);
      for (uint32_t f : it->second) {
        if (!IsAcronym(word, spellings_[f].words)) continue;
        if (ShareDocument(s, spellings_[f]) ||
            (alone != key_index_.end() && ShareDocument(spellings_[alone->second], spellings_[f]))) {
          sets_->Union(i, f);
        }
      }
    }
  }

  // جاهش for جماعة أنصار الهجرة في بلاد الشام: the letters are the first
  // letters of words of the long form, in order, from its first word to its
  // last; words may be skipped (في، بلاد), at most as many as are used.
  static bool IsAcronym(std::string_view acronym, const std::vector<std::string>& words) {
    const std::vector<std::string_view> letters = Letters(acronym);
    if (letters.size() < 3 || letters.size() > 8 || words.size() < letters.size()) return false;
    std::vector<std::string_view> initials;
    for (const std::string& w : words) initials.push_back(Initial(w));
    if (initials.front() != letters.front() || initials.back() != letters.back()) return false;
    size_t next = 0;
    for (const std::string_view l : letters) {
      while (next < initials.size() && initials[next] != l) ++next;
      if (next == initials.size()) return false;
      ++next;
    }
    return words.size() - letters.size() <= letters.size();
  }

  // For each short spelling, the clusters it may stand for, with how many
  // mentions of full names in each it matches (its support there).
  using Candidates = std::vector<std::pair<uint32_t, size_t>>;  // (root, support), by root

  void AssignMentions() {
    cluster_of_mention_.assign(mentions_.size(), -1);
    // Mentions of each document in text order.
    std::map<int64_t, std::vector<uint32_t>> by_doc;
    for (uint32_t i = 0; i < mentions_.size(); ++i) by_doc[mentions_[i].doc].push_back(i);
    for (auto& [doc, list] : by_doc) {
      std::stable_sort(list.begin(), list.end(),
                       [&](uint32_t a, uint32_t b) { return mentions_[a].order < mentions_[b].order; });
    }
    // Full names first; short forms then look for them.
    for (uint32_t i = 0; i < mentions_.size(); ++i) {
      const Spelling& s = spellings_[spelling_of_[i]];
      if (s.adjective) continue;
      if (IsFullName(s) || s.forced) cluster_of_mention_[i] = static_cast<int32_t>(sets_->Find(spelling_of_[i]));
    }
    // The full-name clusters a short form could stand for.
    std::unordered_map<uint32_t, Candidates> candidates;  // short spelling -> roots
    std::unordered_map<std::string, std::vector<uint32_t>> full_by_key;  // token key -> spellings
    // Organisations of three words or more also by the first letters of
    // their first and last words, which an acronym's first and last letters
    // must be (IsAcronym).
    const auto acronym_key = [](std::string_view first, std::string_view last) {
      return "acronym " + std::string(first) + std::string(last);
    };
    for (uint32_t i = 0; i < spellings_.size(); ++i) {
      const Spelling& s = spellings_[i];
      if (!IsFullName(s) || s.one_word || s.weak) continue;
      full_by_key[s.full.tokens.front().key].push_back(i);
      full_by_key[s.core.tokens.front().key].push_back(i);
      full_by_key[s.core.tokens.back().key].push_back(i);
      if (s.type == EntityType::kOrganization && s.words.size() >= 3) {
        full_by_key[acronym_key(Initial(s.words.front()), Initial(s.words.back()))].push_back(i);
      }
    }
    for (uint32_t i = 0; i < spellings_.size(); ++i) {
      const Spelling& s = spellings_[i];
      if (IsFullName(s) || s.forced || s.adjective || s.core.tokens.empty()) continue;
      std::map<uint32_t, size_t> roots;
      std::set<uint32_t> seen;
      std::vector<std::string> keys = {s.core.tokens[0].key};
      if (s.words.size() == 1) {
        const std::vector<std::string_view> letters = Letters(s.words[0]);
        keys.push_back(acronym_key(letters.front(), letters.back()));
      }
      for (const std::string& key : keys) {
        auto it = full_by_key.find(key);
        if (it == full_by_key.end()) continue;
        for (uint32_t f : it->second) {
          if (seen.insert(f).second && StandsFor(s, spellings_[f])) {
            roots[sets_->Find(f)] += spellings_[f].mentions.size();
          }
        }
      }
      candidates[i].assign(roots.begin(), roots.end());
    }
    FindManyBearers(candidates);
    // Documents of each cluster, for context.
    std::unordered_map<uint32_t, std::set<int64_t>> docs_of;
    for (uint32_t i = 0; i < mentions_.size(); ++i) {
      if (cluster_of_mention_[i] >= 0) docs_of[cluster_of_mention_[i]].insert(mentions_[i].doc);
    }
    for (auto& [doc, list] : by_doc) {
      for (size_t k = 0; k < list.size(); ++k) {
        const uint32_t m = list[k];
        if (cluster_of_mention_[m] >= 0 || spellings_[spelling_of_[m]].adjective) continue;
        const Candidates& roots = candidates[spelling_of_[m]];
        cluster_of_mention_[m] = ShortFormCluster(list, k, roots, docs_of);
      }
    }
  }

  // Marks the one-word person spellings that begin or end the full names of
  // two clusters or more, the commonest under kDominance times the next.
  void FindManyBearers(const std::unordered_map<uint32_t, Candidates>& candidates) {
    // Full names by their given name: script and letters -> root -> mentions.
    std::unordered_map<std::string, std::map<uint32_t, size_t>> bearers;
    for (uint32_t i = 0; i < spellings_.size(); ++i) {
      const Spelling& s = spellings_[i];
      if (s.type != EntityType::kPerson || !IsFullName(s) || s.one_word || s.weak || s.core.tokens.empty() ||
          s.core.tokens.front().after_link) {
        continue;
      }
      bearers[ScriptAndLetters(s.core.tokens.front())][sets_->Find(i)] += s.mentions.size();
    }
    for (auto& [i, roots] : candidates) {
      Spelling& s = spellings_[i];
      if (s.type != EntityType::kPerson || !s.one_word || s.generic) continue;
      std::map<uint32_t, size_t> all(roots.begin(), roots.end());
      const NameToken& first = s.core.tokens.front();
      const auto it = first.after_link ? bearers.end() : bearers.find(ScriptAndLetters(first));
      if (it != bearers.end()) {
        for (const auto& [root, n] : it->second) all[root] += n;
      }
      if (all.size() < 2) continue;
      std::vector<size_t> support;
      for (const auto& [root, n] : all) support.push_back(n);
      std::partial_sort(support.begin(), support.begin() + 2, support.end(), std::greater<>());
      s.many_bearers = support[0] < kDominance * support[1];
    }
  }

  // The cluster of a short form's mentions in one document only.
  int32_t DocumentCluster(uint32_t spelling, int64_t doc) {
    auto [it, added] = document_clusters_.emplace(std::make_pair(spelling, doc),
                                                  static_cast<int32_t>(spellings_.size() + document_clusters_.size()));
    return it->second;
  }

  // The cluster a short form stands for: the nearest full name before it in
  // its document (after it, if none before), else the one full name of the
  // document its given name begins, else the only candidate in the
  // collection, else the candidate sharing the most other names with this
  // document; else its own spelling's.
  int32_t ShortFormCluster(const std::vector<uint32_t>& doc_mentions, size_t k,
                           const Candidates& roots,
                           const std::unordered_map<uint32_t, std::set<int64_t>>& docs_of) {
    const uint32_t spelling = spelling_of_[doc_mentions[k]];
    const Spelling& short_form = spellings_[spelling];
    // A generic word names nothing outside its document, nor does a name
    // many men bear.
    auto own = [&]() -> int32_t {
      if (short_form.generic) return -1;
      if (short_form.many_bearers) return DocumentCluster(spelling, mentions_[doc_mentions[k]].doc);
      return static_cast<int32_t>(sets_->Find(spelling));
    };
    auto is_candidate = [&](uint32_t mention) {
      const int32_t c = cluster_of_mention_[mention];
      // The name written there must be one the short form stands for, not
      // merely another name of the same entity.
      return c >= 0 && StandsForCached(spelling, spelling_of_[mention]);
    };
    for (size_t j = k; j-- > 0;) {
      if (is_candidate(doc_mentions[j])) return cluster_of_mention_[doc_mentions[j]];
    }
    for (size_t j = k + 1; j < doc_mentions.size(); ++j) {
      if (is_candidate(doc_mentions[j])) return cluster_of_mention_[doc_mentions[j]];
    }
    // No name of the document ends with the word: a given name stands for
    // the one full name of the document it begins, if only one does.
    int32_t given = -1;
    for (const uint32_t m : doc_mentions) {
      const Spelling& full = spellings_[spelling_of_[m]];
      if (cluster_of_mention_[m] < 0 || full.weak || !GivenNameOf(short_form, full)) continue;
      if (given >= 0 && given != cluster_of_mention_[m]) {
        given = -2;
        break;
      }
      given = cluster_of_mention_[m];
    }
    if (given >= 0) return given;
    // Outside its document, only names not cut weakly by the tagger, and
    // only a name attested often enough next to the short form: سلمان alone,
    // a thousand times, is not the one «محمد سلمان» a miscut span wrote. A
    // name many men bear is none of them: the names it shares an article
    // with (the context below) had linked عبدالعزيز alone to King Salman.
    if (short_form.generic || short_form.many_bearers || roots.empty()) return own();
    std::vector<std::pair<size_t, uint32_t>> support;
    for (const auto& [root, n] : roots) support.push_back({n, root});
    std::sort(support.rbegin(), support.rend());
    if (support[0].first * kShortFormShare < short_form.mentions.size()) return own();
    if (roots.size() == 1) return static_cast<int32_t>(roots[0].first);
    // One candidate far better attested than the others (أوباما is باراك
    // أوباما's surname in hundreds of mentions, some miscut span's once).
    if (support[0].first >= kDominance * support[1].first) return static_cast<int32_t>(support[0].second);
    // Context: the other names of this document.
    std::set<int32_t> here;
    for (uint32_t m : doc_mentions) {
      if (cluster_of_mention_[m] >= 0) here.insert(cluster_of_mention_[m]);
    }
    std::vector<std::pair<size_t, uint32_t>> overlap;
    for (const auto& [root, n] : roots) {
      size_t shared = 0;
      for (int32_t other : here) shared += CoOccur(root, static_cast<uint32_t>(other), docs_of);
      overlap.push_back({shared, root});
    }
    std::sort(overlap.rbegin(), overlap.rend());
    if (overlap[0].first > 0 && overlap[0].first > overlap[1].first) {
      return static_cast<int32_t>(overlap[0].second);
    }
    return own();
  }

  // Whether a person's one word is the given name that begins a full name,
  // letter for letter. Within a document it may stand for that name (see
  // ShortFormCluster): kings, princes and heads of state are named so after
  // a title (الملك سلمان, King Salman, after سلمان بن عبدالعزيز), which the
  // tagger leaves out of the span. Outside it, never: سلمان is too many men.
  bool GivenNameOf(const Spelling& s, const Spelling& full) const {
    if (s.type != EntityType::kPerson || full.type != EntityType::kPerson || !s.one_word ||
        full.one_word || !IsFullName(full) || s.core.tokens.empty()) {
      return false;
    }
    const NameToken& given = full.core.tokens.front();
    const NameToken& word = s.core.tokens[0];
    return !word.after_link && !given.after_link && word.arabic == given.arabic && word.letters == given.letters;
  }

  // Whether two clusters are named in one document; memoised, as the same
  // pairs come up for every short form of a name.
  bool CoOccur(uint32_t a, uint32_t b,
               const std::unordered_map<uint32_t, std::set<int64_t>>& docs_of) {
    if (a == b) return false;
    const uint64_t key = (uint64_t{std::min(a, b)} << 32) | std::max(a, b);
    if (auto it = co_occur_.find(key); it != co_occur_.end()) return it->second;
    bool found = false;
    auto ia = docs_of.find(a), ib = docs_of.find(b);
    if (ia != docs_of.end() && ib != docs_of.end()) {
      const std::set<int64_t>& small = ia->second.size() < ib->second.size() ? ia->second : ib->second;
      const std::set<int64_t>& large = &small == &ia->second ? ib->second : ia->second;
      for (int64_t d : small) {
        if (large.count(d)) {
          found = true;
          break;
        }
      }
    }
    co_occur_.emplace(key, found);
    return found;
  }

  Resolution MakeResolution() {
    Resolution r;
    r.entity_of.assign(mentions_.size(), -1);
    r.attribute.assign(mentions_.size(), 0);
    std::unordered_map<int32_t, int32_t> entity_of_cluster;
    std::vector<std::vector<uint32_t>> members;
    for (uint32_t i = 0; i < mentions_.size(); ++i) {
      const int32_t c = cluster_of_mention_[i];
      if (c < 0) continue;
      auto [it, added] = entity_of_cluster.emplace(c, static_cast<int32_t>(members.size()));
      if (added) members.emplace_back();
      members[it->second].push_back(i);
      r.entity_of[i] = it->second;
    }
    r.entities.resize(members.size());
    // Naming and romanising each entity is independent of the others: on
    // all cores.
    std::atomic<size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto describe = [&] {
      try {
        for (size_t e; (e = next.fetch_add(1)) < members.size();) Describe(members[e], &r.entities[e]);
      } catch (...) {
        next = members.size();
        const std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < std::thread::hardware_concurrency(); ++t) pool.emplace_back(describe);
    describe();
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    // Adjectives point at their country's entity.
    for (uint32_t i = 0; i < mentions_.size(); ++i) {
      const int country = spellings_[spelling_of_[i]].adjective_of;
      if (country < 0) continue;
      auto it = entity_of_cluster.find(static_cast<int32_t>(sets_->Find(country)));
      if (it != entity_of_cluster.end()) {
        r.entity_of[i] = it->second;
        r.attribute[i] = 1;
      }
    }
    std::set<std::pair<uint32_t, uint32_t>> part_of;
    for (const MentionLink& link : links_) {
      if (link.kind != MentionLink::Kind::kPartOf || link.a >= mentions_.size() ||
          link.b >= mentions_.size()) {
        continue;
      }
      const int32_t a = r.entity_of[link.a], b = r.entity_of[link.b];
      if (a >= 0 && b >= 0 && a != b && !r.attribute[link.a] && !r.attribute[link.b]) {
        part_of.insert({static_cast<uint32_t>(a), static_cast<uint32_t>(b)});
      }
    }
    // A regional branch is part of its group, where the collection names it.
    std::map<std::string_view, int32_t> entity_of_body;
    for (uint32_t s = 0; s < spellings_.size(); ++s) {
      if (spellings_[s].body.empty() || !spellings_[s].branch_of.empty()) continue;
      auto it = entity_of_cluster.find(static_cast<int32_t>(sets_->Find(s)));
      if (it != entity_of_cluster.end()) entity_of_body.emplace(spellings_[s].body, it->second);
    }
    for (uint32_t s = 0; s < spellings_.size(); ++s) {
      if (spellings_[s].branch_of.empty()) continue;
      const auto branch = entity_of_cluster.find(static_cast<int32_t>(sets_->Find(s)));
      const auto group = entity_of_body.find(spellings_[s].branch_of);
      if (branch != entity_of_cluster.end() && group != entity_of_body.end() && branch->second != group->second) {
        part_of.insert({static_cast<uint32_t>(branch->second), static_cast<uint32_t>(group->second)});
      }
    }
    for (const AliasEntry& entry : aliases_) {
      if (entry.part_of.empty()) continue;
      const int32_t a = EntityNamed(entry.name, entity_of_cluster), b = EntityNamed(entry.part_of, entity_of_cluster);
      if (a >= 0 && b >= 0 && a != b) part_of.insert({static_cast<uint32_t>(a), static_cast<uint32_t>(b)});
    }
    r.part_of.assign(part_of.begin(), part_of.end());
    // Names from the alias file are the user's choice.
    for (auto& [cluster, entity] : entity_of_cluster) {
      for (auto& [spelling, entry] : entry_of_root_) {
        if (static_cast<int32_t>(sets_->Find(spelling)) == cluster) {
          ResolvedEntity& named = r.entities[entity];
          if (named.name != aliases_[entry].name) {
            named.name = aliases_[entry].name;
            named.latin = matcher_.Romanize(named.name);
          }
          named.type = aliases_[entry].type;
          break;
        }
      }
    }
    return r;
  }

  int32_t EntityNamed(const std::string& name,
                      const std::unordered_map<int32_t, int32_t>& entity_of_cluster) {
    for (uint32_t s : SpellingsOf(name)) {
      auto it = entity_of_cluster.find(static_cast<int32_t>(sets_->Find(s)));
      if (it != entity_of_cluster.end()) return it->second;
    }
    return -1;
  }

  // Type by majority of the mentions; the name is the commonest form,
  // preferring full forms (more words) over short ones; the Latin is the
  // one the texts give most often when it matches, else a place's or body's
  // English name, else romanised.
  void Describe(const std::vector<uint32_t>& members, ResolvedEntity* e) {
    uint32_t votes[ner::kEntityTypes] = {0, 0, 0, 0};
    // Names in order of first mention, so that ties go to the earliest.
    std::vector<std::pair<std::string, double>> name_score;
    std::unordered_map<std::string, size_t> name_index;
    std::map<std::string, uint32_t> latin_count;
    std::map<std::string_view, uint32_t> body_count;  // English names of the list of bodies
    // A short form takes the type of the name it stands for: the tagger
    // types a word alone (an acronym, a surname) least reliably.
    for (uint32_t m : members) {
      const Spelling& s = spellings_[spelling_of_[m]];
      if (IsFullName(s) || s.forced) ++votes[static_cast<int>(s.type)];
    }
    if (std::all_of(votes, votes + ner::kEntityTypes, [](uint32_t v) { return v == 0; })) {
      for (uint32_t m : members) ++votes[static_cast<int>(spellings_[spelling_of_[m]].type)];
    }
    for (uint32_t m : members) {
      const Spelling& s = spellings_[spelling_of_[m]];
      const std::string& name = display_[m];
      const double words = static_cast<double>(Words(name).size());
      auto [at, added] = name_index.emplace(name, name_score.size());
      if (added) name_score.push_back({name, 0.0});
      name_score[at->second].second += IsFullName(s) ? 1.0 + 0.5 * (words - 1) : 0.01;
      if (!mentions_[m].latin.empty()) ++latin_count[mentions_[m].latin];
      if (!s.body.empty()) ++body_count[s.body];
    }
    e->type = static_cast<EntityType>(std::max_element(votes, votes + ner::kEntityTypes) - votes);
    e->name = std::max_element(name_score.begin(), name_score.end(), [](const auto& a, const auto& b) {
                return a.second < b.second;
              })->first;
    std::vector<std::pair<uint32_t, std::string>> latins;
    for (auto& [latin, count] : latin_count) latins.push_back({count, latin});
    std::stable_sort(latins.begin(), latins.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (auto& [count, latin] : latins) {
      if (matcher_.MatchScore(e->name, latin) >= kDefaultThreshold) {
        e->latin = latin;
        return;
      }
    }
    // A place, body or other name known by its English name is printed so
    // (Baghdad, United Nations, World War II), rather than romanised.
    if (e->type == EntityType::kLocation || e->type == EntityType::kOrganization) {
      e->latin = internal::EnglishName(e->name, e->type == EntityType::kLocation, matcher_);
      if (!e->latin.empty()) return;
    } else if (e->type == EntityType::kMisc) {
      e->latin = internal::OtherEnglishName(e->name);
      if (!e->latin.empty()) return;
    }
    // A body named by its head word and a name the list has («شركة
    // سامسونج», the company Samsung) takes the list's name, if the listed
    // name has half its mentions or more: «أرامكو السعودية للتجارة», Aramco's
    // trading arm, written four times beside one «أرامكو السعودية», is not
    // Saudi Aramco.
    if (e->type == EntityType::kOrganization && !body_count.empty()) {
      const auto body = std::max_element(body_count.begin(), body_count.end(),
                                         [](const auto& a, const auto& b) { return a.second < b.second; });
      if (2 * body->second >= members.size()) {
        e->latin = body->first;
        return;
      }
    }
    // A body or made place the lists do not know is named in English by its
    // kind and what it is of (the Saudi Interior Ministry, King Khalid
    // International Airport), where the words allow.
    if (e->type == EntityType::kOrganization || e->type == EntityType::kLocation) {
      e->latin = internal::ComposedEnglishName(e->name, matcher_);
      if (!e->latin.empty()) return;
    }
    if (known_latin_) {
      const auto& known = (*known_latin_)[static_cast<size_t>(e->type)];
      if (const auto it = known.find(e->name); it != known.end()) {
        e->latin = it->second;
        return;
      }
    }
    // Many entities share a name (محمد, one per document that names no one
    // else so): each name is romanised once.
    {
      const std::lock_guard<std::mutex> lock(romanized_here_mutex_);
      auto it = romanized_here_.find(e->name);
      if (it != romanized_here_.end()) {
        e->latin = it->second;
        return;
      }
    }
    e->latin = matcher_.Romanize(e->name);
    const std::lock_guard<std::mutex> lock(romanized_here_mutex_);
    romanized_here_.emplace(e->name, e->latin);
  }

  const std::vector<NameMention>& mentions_;
  const std::vector<MentionLink>& links_;
  const std::vector<AliasEntry>& aliases_;
  const Matcher& matcher_;
  const KnownLatin* known_latin_;
  std::mutex romanized_here_mutex_;
  std::unordered_map<std::string, std::string> romanized_here_;  // by Describe, guarded by the mutex
  std::vector<Spelling> spellings_;
  std::vector<uint32_t> spelling_of_;
  // FindAdjectivesOfPlaces: a place's name (matching key) -> the country
  // (a key of internal::CountryNames) whose adjective ends it; a place -> the
  // countries whose adjectives follow it.
  std::unordered_map<std::string, const std::string*> place_adjectives_;
  std::unordered_map<std::string, std::set<std::string>> adjective_countries_;
  std::vector<std::string> display_;  // each mention's name without a nationality before it
  std::unordered_map<std::string, uint32_t> key_index_;
  // Mentions by their whole matching key: all of them, and those tagged places.
  std::unordered_map<std::string, uint32_t> name_counts_, place_counts_;
  std::unique_ptr<DisjointSets> sets_;
  std::map<uint32_t, size_t> entry_of_root_;  // spelling -> alias entry that named it
  std::unordered_map<uint64_t, double> score_cache_;
  std::unordered_map<uint64_t, bool> co_occur_;
  std::unordered_map<uint64_t, bool> stands_for_;
  std::vector<int32_t> cluster_of_mention_;
  std::map<std::pair<uint32_t, int64_t>, int32_t> document_clusters_;  // see DocumentCluster
};

}  // namespace

Resolution ResolveEntities(const std::vector<NameMention>& mentions,
                           const std::vector<MentionLink>& links,
                           const std::vector<AliasEntry>& aliases, const Matcher& matcher,
                           const KnownLatin* known_latin) {
  return Resolver(mentions, links, aliases, matcher, known_latin).Run();
}

}  // namespace marsad::resolve
