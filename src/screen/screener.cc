// The screener: every list name indexed by the blocking keys of its tokens,
// candidates scored with the name matcher.
#include <algorithm>
#include <unordered_set>

#include "screen/screen.h"

namespace marsad::screen {
namespace {

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

// Candidates share this many token keys with the query: one when either has
// a single token, else two, so that one common name (Mohammed) alone does not
// make every Mohammed of the list a candidate.
size_t KeysNeeded(size_t query_tokens, size_t name_tokens) {
  return std::min<size_t>({2, query_tokens, name_tokens});
}

}  // namespace

Screener::Screener(const WatchList& list, const resolve::Matcher& matcher, ScreenOptions options)
    : list_(list), matcher_(matcher), options_(options) {
  for (uint32_t e = 0; e < list_.entries.size(); ++e) {
    const ListEntry& entry = list_.entries[e];
    for (uint32_t i = 0; i < entry.names.size(); ++i) {
      Name n{e, i, resolve::PrepareName(entry.names[i].text), false};
      if (n.prepared.tokens.empty()) continue;
      n.arabic = AnyArabic(n.prepared);
      const auto id = static_cast<uint32_t>(names_.size());
      std::unordered_set<std::string> keys;
      for (const resolve::NameToken& t : n.prepared.tokens) keys.insert(t.key);
      for (const std::string& k : keys) postings_[k].push_back(id);
      names_.push_back(std::move(n));
    }
  }
}

std::vector<Hit> Screener::Screen(std::string_view query) const {
  const resolve::PreparedName q = resolve::PrepareName(query);
  if (q.tokens.empty()) return {};
  const bool query_arabic = AllArabic(q);
  // Shared keys per name, counted over the query's distinct keys.
  std::vector<std::string> keys;
  for (const resolve::NameToken& t : q.tokens) {
    if (std::find(keys.begin(), keys.end(), t.key) == keys.end()) keys.push_back(t.key);
  }
  std::unordered_map<uint32_t, uint32_t> shared;
  for (const std::string& k : keys) {
    const auto it = postings_.find(k);
    if (it == postings_.end()) continue;
    for (uint32_t id : it->second) ++shared[id];
  }
  std::unordered_map<uint32_t, Hit> best;  // per entry
  for (const auto& [id, count] : shared) {
    const Name& n = names_[id];
    if (count < KeysNeeded(q.tokens.size(), n.prepared.tokens.size())) continue;
    const double score = matcher_.MatchScore(q, n.prepared);
    if (score < options_.threshold) continue;
    auto it = best.find(n.entry);
    if (it != best.end() && it->second.score >= score) continue;
    const ListEntry& entry = list_.entries[n.entry];
    const ListName& name = entry.names[n.index];
    best[n.entry] = Hit{entry.id, entry.primary_name, name.text, score,
                        name.kind + "; " + Rule(query_arabic, n.arabic)};
  }
  std::vector<Hit> hits;
  for (auto& [entry, hit] : best) hits.push_back(std::move(hit));
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.score != b.score ? a.score > b.score : a.list_entry_id < b.list_entry_id;
  });
  if (hits.size() > options_.max_hits) hits.resize(options_.max_hits);
  return hits;
}

}  // namespace marsad::screen
