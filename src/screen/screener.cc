// The screener: every list name indexed by the blocking keys of its tokens,
// candidates scored with the name matcher, token-pair scores cached per query.
#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "screen/screen.h"

namespace marsad::screen {
namespace {

constexpr size_t kMaxTokens = 12;  // as resolve::PrepareName cuts names
// A word the matcher scores this high against a title is that title.

bool AllArabic(const resolve::PreparedName& p) {
  return !p.tokens.empty() && std::all_of(p.tokens.begin(), p.tokens.end(),
                                          [](const resolve::NameToken& t) { return t.arabic; });
}
bool AnyArabic(const resolve::PreparedName& p) {
  return std::any_of(p.tokens.begin(), p.tokens.end(), [](const resolve::NameToken& t) { return t.arabic; });
}

// The rule that related the query's script to the name's.
const char* Rule(bool query_arabic, bool name_arabic) {
  if (query_arabic && name_arabic) return "arabic spelling match";
  if (!query_arabic && !name_arabic) return "latin spelling match";
  return "romanised match";
}

// Candidates share this many distinct token keys with the query: one when
// either has a single one, else two, so that one common name (Mohammed)
// alone does not make every Mohammed of the list a candidate. Distinct keys,
// not tokens: محمد محمود (Mohamed Mahmoud) is one key twice, and counted as
// tokens it could never reach its own entry.
size_t KeysNeeded(size_t query_keys, size_t name_keys) {
  return std::min<size_t>({2, query_keys, name_keys});
}

// Runs of white space as one space, none at the ends.
std::string Spaced(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string TokenIdentity(const resolve::NameToken& t) {
  std::string id;
  id += static_cast<char>(t.arabic);
  id += static_cast<char>(t.article);
  id += t.letters;
  return id;
}

// A listed person's first name that many listed people share (Mohammed,
// Mullah) says little of who he is; one of fewer entries, with at least this
// word weight (fewer than √(2 × entries): 45 of the UN list's 1,018), is
// his own.
constexpr double kOwnNameWeight = 0.5;

// Whether the two people named are different by the order of their names,
// from the token-pair scores s[i * m + j] (query token i, list token j), the
// positions of their given names (after any title: WordWeights) and
// the weights of those tokens. Arabic puts the given name first and
// the father's and grandfather's after it: when the first name of one side
// matches only a later name of the other, whose own first name matches
// nothing and is its own, the one is the other's son or father (أحمد
// الزهراني and فيصل أحمد الزهراني; Osama bin Laden and Hamza Usama bin
// Laden). This also loses the men known by their names without the given
// name (منصور هادي for عبد ربه منصور هادي, Rahim Safavi for Yahya Rahim
// Safavi): sparing such names (nothing else left out) brought back ten false
// hits on SaudiNewsNet for one true one, most of them a father (Nasser
// al-Awlaki for ANWAR NASSER AL-AULAQI), so they are found by fuller names.
// Two whose given names each match only a later name of the other, each
// given name their own, are two people as well: هاشم سلطان (Hashim Sultan)
// is not SULTAN HASHIM AHMAD AL-TA'I, nor مصطفى كامل (Mustafa Kamel) KAMAL
// MUSTAFA ABDALLAH. A common given name may stand on either side (محمد أختر
// منصور, Mohammad Akhtar Mansour, for AKHTAR MOHAMMAD MANSOUR).
bool GivenNamesDiffer(const double* s, size_t n, size_t m, size_t given_a, size_t given_b, double threshold,
                      double given_weight_a, double given_weight_b) {
  if (n - given_a < 2 || m - given_b < 2 || s[given_a * m + given_b] >= threshold) return false;
  // The two given names do not match each other, so each matches later
  // tokens of the other side or nothing.
  bool a_given_later = false, b_given_later = false;
  for (size_t j = given_b + 1; j < m; ++j) a_given_later = a_given_later || s[given_a * m + j] >= threshold;
  for (size_t i = given_a + 1; i < n; ++i) b_given_later = b_given_later || s[i * m + given_b] >= threshold;
  const bool own_a = given_weight_a >= kOwnNameWeight, own_b = given_weight_b >= kOwnNameWeight;
  if (a_given_later && b_given_later) return own_a && own_b;
  return (a_given_later && own_b) || (b_given_later && own_a);
}

// Per-thread scratch of Screen, reused from query to query: entries are
// valid when their stamp is the current query's (no clearing between
// queries, no allocation once grown).
struct Scratch {
  uint32_t query = 0;
  std::vector<uint32_t> name_stamp;   // per list name
  std::vector<uint8_t> shared;        // keys the name shares with the query
  std::vector<uint32_t> candidates;   // names touched by the query
  std::vector<uint32_t> token_stamp;  // per list token
  std::vector<double> token_scores;   // [token][query token], kMaxTokens wide

  void Begin(size_t names, size_t tokens) {
    if (name_stamp.size() < names) {
      name_stamp.resize(names, 0);
      shared.resize(names, 0);
    }
    if (token_stamp.size() < tokens) {
      token_stamp.resize(tokens, 0);
      token_scores.resize(tokens * kMaxTokens);
    }
    if (++query == 0) {  // the stamps wrapped: forget them all
      std::fill(name_stamp.begin(), name_stamp.end(), 0);
      std::fill(token_stamp.begin(), token_stamp.end(), 0);
      query = 1;
    }
    candidates.clear();
  }
};

}  // namespace

Screener::Screener(const WatchList& list, const resolve::Matcher& matcher, ScreenOptions options)
    : list_(list), matcher_(matcher), options_(options) {
  std::unordered_map<std::string, uint32_t> token_index;
  for (uint32_t e = 0; e < list_.entries.size(); ++e) {
    const ListEntry& entry = list_.entries[e];
    for (uint32_t i = 0; i < entry.names.size(); ++i) {
      Name n{e, i, 0, 0, 0, resolve::PrepareName(entry.names[i].text), false, 0, 0};
      if (n.prepared.tokens.empty()) {
        const std::string text = Spaced(entry.names[i].text);
        if (!text.empty()) verbatim_[text].emplace_back(e, i);
        continue;
      }
      n.prepared.tokens.resize(std::min(n.prepared.tokens.size(), kMaxTokens));
      n.arabic = AnyArabic(n.prepared);
      n.first_token = static_cast<uint32_t>(token_ids_.size());
      n.tokens = static_cast<uint32_t>(n.prepared.tokens.size());
      for (const resolve::NameToken& t : n.prepared.tokens) {
        auto [it, fresh] = token_index.emplace(TokenIdentity(t), static_cast<uint32_t>(tokens_.size()));
        if (fresh) tokens_.push_back(t);
        token_ids_.push_back(it->second);
      }
      const auto id = static_cast<uint32_t>(names_.size());
      std::unordered_set<std::string> keys;
      for (const resolve::NameToken& t : n.prepared.tokens) keys.insert(t.key);
      for (const std::string& k : keys) postings_[k].push_back(id);
      n.keys = static_cast<uint32_t>(keys.size());
      names_.push_back(std::move(n));
    }
  }
  // Entries, not names: the several spellings of one entry's name do not
  // make its tokens common.
  for (const auto& [key, ids] : postings_) {
    uint32_t entries = 0, last = UINT32_MAX;
    for (uint32_t id : ids) {  // ascending, so an entry's names are together
      if (names_[id].entry != last) ++entries;
      last = names_[id].entry;
    }
    entries_with_key_[key] = entries;
  }
  word_weights_.resize(token_ids_.size());
  for (Name& n : names_) {
    size_t given = 0;
    n.weight = WordWeights(n.prepared, n.tokens, &word_weights_[n.first_token], &given);
    n.given = static_cast<uint32_t>(given);
  }
}

double Screener::WordWeights(const resolve::PreparedName& p, size_t n, double* weights, size_t* given) const {
  const double entries = static_cast<double>(list_.entries.size()) + 1;
  const double unique = std::log(entries / 2);  // the weight of a key one entry has
  double sum = 0;
  for (size_t i = 0; i < n; ++i) {
    const std::string& key = p.tokens[i].key;
    bool repeated = false;
    for (size_t k = 0; k < i && !repeated; ++k) repeated = p.tokens[k].key == key;
    const auto it = entries_with_key_.find(key);
    const double with_key = it == entries_with_key_.end() ? 0 : it->second;
    const bool title = matcher_.IsTitle(p.tokens[i]);
    // The given name is the first word after the titles, the last at most.
    if (title && *given == i && i + 1 < n) ++*given;
    weights[i] = repeated || title ? 0 : unique > 0 ? std::log(entries / (with_key + 1)) / unique : 1;
    sum += weights[i];
  }
  return sum;
}

std::vector<Hit> Screener::Screen(std::string_view query, double min_evidence) const {
  resolve::PreparedName q = resolve::PrepareName(query);
  if (q.tokens.empty()) {
    std::vector<Hit> hits;
    const auto it = verbatim_.find(Spaced(query));
    // Such names cannot be weighed: no evidence bound lets them through.
    if (it == verbatim_.end() || options_.threshold > 1 || min_evidence > 0) return hits;
    for (const auto& [e, i] : it->second) {
      const ListEntry& entry = list_.entries[e];
      if (std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return h.list_entry_id == entry.id; })) {
        continue;
      }
      hits.push_back(Hit{entry.id, entry.primary_name, entry.names[i].text, 1.0,
                         entry.names[i].kind + "; same text", entry.individual});
    }
    std::sort(hits.begin(), hits.end(),
              [](const Hit& a, const Hit& b) { return a.list_entry_id < b.list_entry_id; });
    if (hits.size() > options_.max_hits) hits.resize(options_.max_hits);
    return hits;
  }
  q.tokens.resize(std::min(q.tokens.size(), kMaxTokens));
  const size_t qn = q.tokens.size();
  const bool query_arabic = AllArabic(q);
  thread_local Scratch scratch;
  scratch.Begin(names_.size(), tokens_.size());
  const uint32_t stamp = scratch.query;

  // Shared keys per name, counted over the query's distinct keys.
  std::vector<const std::string*> keys;
  for (const resolve::NameToken& t : q.tokens) {
    if (std::none_of(keys.begin(), keys.end(), [&](const std::string* k) { return *k == t.key; })) {
      keys.push_back(&t.key);
    }
  }
  for (const std::string* k : keys) {
    const auto it = postings_.find(*k);
    if (it == postings_.end()) continue;
    for (uint32_t id : it->second) {
      if (scratch.name_stamp[id] != stamp) {
        scratch.name_stamp[id] = stamp;
        scratch.shared[id] = 0;
        scratch.candidates.push_back(id);
      }
      ++scratch.shared[id];
    }
  }

  double query_weights[kMaxTokens];
  size_t query_given = 0;
  const double query_weight = WordWeights(q, qn, query_weights, &query_given);
  struct Best {
    uint32_t name;
    double score;
    double evidence;
  };
  std::vector<Best> best;  // per entry, in the order entries are first met
  double s[kMaxTokens * kMaxTokens];
  for (uint32_t id : scratch.candidates) {
    const Name& n = names_[id];
    if (scratch.shared[id] < KeysNeeded(keys.size(), n.keys)) continue;
    // The token-pair scores, from the cache or computed once for this query.
    double top = 0;
    for (uint32_t j = 0; j < n.tokens; ++j) {
      const uint32_t t = token_ids_[n.first_token + j];
      double* row = &scratch.token_scores[t * kMaxTokens];
      if (scratch.token_stamp[t] != stamp) {
        scratch.token_stamp[t] = stamp;
        for (size_t i = 0; i < qn; ++i) row[i] = matcher_.TokenScore(q.tokens[i], tokens_[t]);
      }
      for (size_t i = 0; i < qn; ++i) {
        s[i * n.tokens + j] = row[i];
        top = std::max(top, row[i]);
      }
    }
    // A name's score is never above its best token pair's.
    if (top < options_.threshold) continue;
    const double score = matcher_.CombineTokenScores(q, n.prepared, s);
    if (score < options_.threshold) continue;
    // The weight of the matched tokens on either side.
    double evidence = 0, query_matched = 0;
    for (uint32_t j = 0; j < n.tokens; ++j) {
      for (size_t i = 0; i < qn; ++i) {
        if (s[i * n.tokens + j] >= options_.threshold) {
          evidence += word_weights_[n.first_token + j];
          break;
        }
      }
    }
    for (size_t i = 0; i < qn; ++i) {
      for (uint32_t j = 0; j < n.tokens; ++j) {
        if (s[i * n.tokens + j] >= options_.threshold) {
          query_matched += query_weights[i];
          break;
        }
      }
    }
    if (evidence < min_evidence || evidence < options_.min_name_share * n.weight ||
        query_matched < options_.min_query_share * query_weight) {
      continue;
    }
    if (list_.entries[n.entry].individual &&
        GivenNamesDiffer(s, qn, n.tokens, query_given, n.given, options_.threshold, query_weights[query_given],
                         word_weights_[n.first_token + n.given])) {
      continue;
    }
    auto it = std::find_if(best.begin(), best.end(),
                           [&](const Best& b) { return names_[b.name].entry == n.entry; });
    if (it == best.end()) {
      best.push_back({id, score, evidence});
    } else if (score > it->score || (score == it->score && id < it->name)) {
      *it = {id, score, evidence};
    }
  }
  std::vector<Hit> hits;
  hits.reserve(best.size());
  for (const Best& b : best) {
    const Name& n = names_[b.name];
    const ListEntry& entry = list_.entries[n.entry];
    const ListName& name = entry.names[n.index];
    hits.push_back(Hit{entry.id, entry.primary_name, name.text, b.score,
                       name.kind + "; " + Rule(query_arabic, n.arabic), entry.individual, b.evidence});
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.score != b.score ? a.score > b.score : a.list_entry_id < b.list_entry_id;
  });
  if (hits.size() > options_.max_hits) hits.resize(options_.max_hits);
  return hits;
}

void to_json(nlohmann::json& j, const Hit& h) {
  j = {{"list_entry_id", h.list_entry_id}, {"list_name", h.list_name},
       {"score", h.score},                 {"evidence", std::round(h.evidence * 100) / 100},
       {"why", h.why},                     {"matched_alias", h.matched_alias}};
}

}  // namespace marsad::screen
