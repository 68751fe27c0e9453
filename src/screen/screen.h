// marsad screen: names against sanctions and watch lists, in Arabic and
// Latin script.
//
//   screen::WatchList list;
//   std::string error;
//   if (!screen::LoadList("consolidated.xml", &list, &error)) { ... }  // UN XML or OFAC CSV
//   const resolve::Matcher* matcher = resolve::DefaultMatcher(&error);
//   screen::Screener screener(list, *matcher);
//   for (const screen::Hit& h : screener.Screen("إياد نظمي صالح خليل")) {
//     // h.list_entry_id "QDi.400", h.list_name "IYAD NAZMI SALIH KHALIL",
//     // h.matched_alias "إياد نظمي صالح خليل", h.score 1,
//     // h.why "arabic original-script name; arabic spelling match"
//   }
//
// Every name of every entry (primary name, original-script name, each alias
// with its quality) is indexed by the phonetic blocking keys of its tokens
// (resolve::BlockingKeys), which Latin and Arabic spellings share; a query's
// candidates are the names sharing keys with it (two keys when both have two
// tokens or more), scored as resolve::Matcher::MatchScore scores them (the
// same figure: token-pair scores are cached per query over the list's
// distinct tokens, and a name whose best token pair is below the threshold
// is not combined). So a name written
// with غ for ج, without its vowels, with ة for ه, without ال, or romanised,
// still finds its entry.
//
// A score says how alike two names are, not how much of them is alike:
// "Mohamed Ali" scores high against "Ali Sayyid Muhamed Mustafa Bakri". So a
// hit must also match most of what identifies each name. Each word (token)
// weighs its rarity in the list: ln((entries + 1) / (entries with a name
// with its blocking key + 1)) over ln((entries + 1) / 2), so that a word
// whose key one entry alone has weighs 1 in a list of any size, and
// Mohammed, Abdullah or bin little; a key written twice counts once. The
// words matched (a token pair at the threshold or above) must carry
// ScreenOptions::min_name_share of the weight of the list name (lists write
// fuller names than news: "Fatima al-Zahrawi" for Fatima Saleh al-Zahrawi
// Khalil) and min_query_share of the query's (what the text wrote must be
// mostly explained). What they carry of the list name is Hit::evidence.
//
// Promises, tested: loaders never crash on malformed input (they fail with a
// message naming the file and the problem); Screen is thread-safe (the
// Screener is immutable after construction) and its cost grows with the
// number of candidates, not with the size of the list.
#ifndef MARSAD_SCREEN_SCREEN_H_
#define MARSAD_SCREEN_SCREEN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "resolve/resolve.h"
#include "store/store.h"

namespace marsad::screen {

// One name under which a listed entry is known.
struct ListName {
  std::string text;
  // Why this name is on the list, for Hit::why: "primary name",
  // "arabic original-script name" (or "original-script name" in another
  // script), "alias (good quality)", "alias (low quality)", "alias (a.k.a.)",
  // "alias (f.k.a.)" (UN); "alias (aka)", "alias (fka)", "alias (nka)" (OFAC).
  std::string kind;
};

struct ListEntry {
  std::string id;            // UN reference number ("QDi.400"), OFAC ent_num ("7595")
  std::string primary_name;  // as the list writes it
  bool individual = true;    // false for entities (organisations, vessels, ...)
  std::vector<ListName> names;  // the primary name first
};

struct WatchList {
  std::string source;  // the file it was read from
  std::vector<ListEntry> entries;
};

// Reads a list, detecting its format from its content: the UN Security
// Council consolidated list XML, or the OFAC SDN CSV (sdn.csv; aliases from
// alt.csv in the same folder when it is there). Returns false and sets
// *error (naming the file) if it cannot be read or is neither format.
bool LoadList(const std::string& path, WatchList* list, std::string* error);

// The UN consolidated list XML: INDIVIDUALS and ENTITIES, FIRST_NAME to
// FOURTH_NAME, NAME_ORIGINAL_SCRIPT, INDIVIDUAL_ALIAS / ENTITY_ALIAS with
// their QUALITY; REFERENCE_NUMBER is the entry id. An alias that packs
// several names ("A; B", "Arabic (Latin)") gives each as a name of the
// alias's kind; a bracketed word alone or a note with digits is none.
// Entries without a name or reference are skipped. Returns false and sets
// *error on malformed XML.
bool ParseUnXml(std::string_view xml, WatchList* list, std::string* error);

// The OFAC SDN CSV (ent_num, SDN_Name, SDN_Type, Program, ...; "-0-" is
// null) and optionally its alt.csv (ent_num, alt_num, alt_type, alt_name,
// ...; empty if absent). Returns false and sets *error if `sdn` has no
// record of that shape.
bool ParseOfacCsv(std::string_view sdn, std::string_view alt, WatchList* list, std::string* error);

struct Hit {
  std::string list_entry_id;
  std::string list_name;      // the entry's primary name
  std::string matched_alias;  // the name of the entry that matched
  double score = 0;           // resolve::Matcher::MatchScore
  std::string why;            // the name's kind, then the rule ("romanised match", ...)
  bool individual = true;     // the entry is a person
  // The summed weight of the list name's matched words (see above): each
  // word whose key one entry alone has adds 1, a Mohammed of the UN list
  // about 0.3; a common given name and a common surname together stay under
  // 1. 0 for a name found as written (a script without letters the matcher
  // knows), which no evidence bound lets through.
  double evidence = 0;
};

// A hit as `marsad screen --json` and the API print it (evidence to two
// places), without the screened name and entity, which the caller adds.
void to_json(nlohmann::json& j, const Hit& h);

struct ScreenOptions {
  double threshold = resolve::kDefaultThreshold;  // hits score at least this
  size_t max_hits = 10;                           // best first
  // Shares of the weight of the list name and of the query that the matched
  // tokens carry, at least; 0 turns either rule off.
  double min_name_share = 0.5;
  double min_query_share = 0.7;
  // Hit::evidence at least (ScreenEntity gives its own bound instead).
  double min_evidence = 0;
};

// The evidence a hit needs when every name of a collection is screened: a
// name of common given names only ("Saeed Ahmed", an alias of the list)
// would match people in every other article: more than one word whose key
// one entry alone has. Such a word with a given name reaches it, as do two
// words a few entries share; two common words do not.
inline constexpr double kEntityEvidence = 1.25;

class Screener {
 public:
  // Indexes every name of `list`. `matcher` must outlive the Screener; the
  // list is copied.
  Screener(const WatchList& list, const resolve::Matcher& matcher, ScreenOptions options = {});

  // The entries `name` (any script) matches, one hit per entry (its best
  // name), best first. Empty if none, or if `name` has no letters. Titles
  // before a name (Sheikh, Haji, Mullah, Dr, الشيخ، الحاج، الملا, in any
  // spelling the matcher takes for them) weigh nothing. A listed person is
  // not matched by a name whose given name (its first word after any
  // title) matches only one of his later names (his father's) while his
  // own given name, borne by
  // fewer than √(2 × entries) entries (45 of the UN list's 1,018), matches
  // nothing; nor the other way round (the query names his son or father).
  // A list name without Arabic or Latin letters (a Cyrillic original-script
  // name) is found when `name` is written as it is, with score 1 and the
  // rule "same text", unless an evidence bound is set.
  std::vector<Hit> Screen(std::string_view name) const { return Screen(name, options_.min_evidence); }
  // The same with another evidence bound (applied before max_hits is).
  std::vector<Hit> Screen(std::string_view name, double min_evidence) const;

  size_t name_count() const { return names_.size(); }
  const resolve::Matcher& matcher() const { return matcher_; }

 private:
  // The weight of each of the first n tokens of `p` (see above), 0 for a
  // key an earlier token has and for a title; returns their sum. *given
  // (0 on entry) becomes the position of the given name: the first token
  // after the titles that begin the name, the last at most.
  double WordWeights(const resolve::PreparedName& p, size_t n, double* weights, size_t* given) const;

  struct Name {
    uint32_t entry;
    uint32_t index;        // into the entry's names
    uint32_t first_token;  // its tokens' ids are token_ids_[first_token, + tokens)
    uint32_t tokens;
    uint32_t keys;  // distinct blocking keys of its tokens
    resolve::PreparedName prepared;
    bool arabic;
    double weight;   // the sum of its word_weights_
    uint32_t given;  // the position of its given name, after any title
  };
  WatchList list_;
  const resolve::Matcher& matcher_;
  ScreenOptions options_;
  std::vector<Name> names_;
  // The distinct tokens of all names (a token's score against a query token
  // is computed once per query, however many names share it).
  std::vector<resolve::NameToken> tokens_;
  std::vector<uint32_t> token_ids_;
  std::vector<double> word_weights_;  // beside token_ids_: each name's WordWeights
  std::unordered_map<std::string, std::vector<uint32_t>> postings_;  // key -> names_, ascending
  std::unordered_map<std::string, uint32_t> entries_with_key_;       // key -> entries with a name with it
  // Names in a script the matcher has no letters for (Cyrillic, Chinese
  // original-script names): found only as written, spaces aside.
  // Text -> (entry, index into its names).
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> verbatim_;
};

// A stored entity matching a list entry.
struct EntityHit {
  int64_t entity = 0;
  std::string entity_name;
  std::string name;  // the entity's alias or romanisation that matched
  Hit hit;
};

// The list entries an entity matches, one hit per entry (its best name),
// best first. Only people (against individuals) and organisations (against
// entities) are screened, and only by aliases of two names or more (عبد and
// أبو compounds, عبد العزيز, count as one; بن, ابن, بنت, ولد and their Latin
// forms, "son of", none) and, for an organisation, its romanisation, against
// list names of two names or more: a surname or a first name alone would
// match half a list. Hits need `min_evidence`.
std::vector<EntityHit> ScreenEntity(const store::EntityRecord& entity, const Screener& screener,
                                    double min_evidence = kEntityEvidence);

}  // namespace marsad::screen

#endif  // MARSAD_SCREEN_SCREEN_H_
