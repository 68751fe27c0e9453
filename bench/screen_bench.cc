// Screening throughput: the whole UN consolidated list against 10,000 names
// (variant spellings of listed names, and names recombined from listed
// tokens, which share keys with many entries without being on the list).
// The list is $MARSAD_UN_LIST, else ../shared/data/watchlists/un_sc_consolidated_2020-11-30.xml.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <random>

#include "resolve/resolve.h"
#include "screen/screen.h"

namespace {

using namespace marsad;

struct Fixture {
  screen::WatchList list;
  std::vector<std::string> names;
  std::vector<bool> listed;  // whether names[i] is a variant of a listed name
  std::string error;
};

// Spelling variants of the patterns the matcher folds (ة/ه, ى/ي, hamza,
// ال, g as غ/ج, Latin vowels), applied to one name.
std::string Variant(const std::string& name, std::mt19937* rng) {
  static const std::pair<std::string, std::string> kSwaps[] = {
      {"ة", "ه"}, {"ى", "ي"}, {"أ", "ا"}, {"إ", "ا"}, {"ال", ""}, {"غ", "ج"},
      {"ou", "u"}, {"u", "ou"}, {"e", "i"}, {"i", "e"}, {"a", "e"}, {"kh", "h"}};
  std::string out = name;
  for (int k = 0; k < 2; ++k) {
    const auto& [from, to] = kSwaps[(*rng)() % std::size(kSwaps)];
    const size_t at = out.find(from);
    if (at != std::string::npos) out.replace(at, from.size(), to);
  }
  return out;
}

const Fixture& Data() {
  static Fixture* f = [] {
    auto* f = new Fixture;
    const char* env = std::getenv("MARSAD_UN_LIST");
    const std::string path = env && *env ? env : "../shared/data/watchlists/un_sc_consolidated_2020-11-30.xml";
    if (!screen::LoadList(path, &f->list, &f->error)) return f;
    std::mt19937 rng(7);
    std::vector<std::string> all, tokens;
    for (const auto& e : f->list.entries) {
      for (const auto& n : e.names) {
        all.push_back(n.text);
        for (size_t i = 0, j; i < n.text.size(); i = j + 1) {
          j = std::min(n.text.find(' ', i), n.text.size());
          if (j > i) tokens.push_back(n.text.substr(i, j - i));
        }
      }
    }
    while (f->names.size() < 10000) {
      if (f->names.size() % 5 == 0) {
        f->names.push_back(Variant(all[rng() % all.size()], &rng));
        f->listed.push_back(true);
      } else {
        std::string n = tokens[rng() % tokens.size()] + " " + tokens[rng() % tokens.size()];
        if (rng() % 2) n += " " + tokens[rng() % tokens.size()];
        f->names.push_back(n);
        f->listed.push_back(false);
      }
    }
    return f;
  }();
  return *f;
}

void BM_ScreenUnList(benchmark::State& state) {
  const Fixture& f = Data();
  std::string error;
  const resolve::Matcher* matcher = resolve::DefaultMatcher(&error);
  if (!f.error.empty() || matcher == nullptr) {
    state.SkipWithError((f.error.empty() ? error : f.error).c_str());
    return;
  }
  const screen::Screener screener(f.list, *matcher);
  size_t hits = 0, found = 0, variants = 0;
  for (auto _ : state) {
    hits = found = variants = 0;
    for (size_t i = 0; i < f.names.size(); ++i) {
      const auto h = screener.Screen(f.names[i]);
      hits += !h.empty();
      if (f.listed[i]) {
        ++variants;
        found += !h.empty();
      }
    }
  }
  // Names recombined from list tokens are, but for chance, on the list under
  // no name: a hit for one is a false alarm.
  const size_t recombined = f.names.size() - variants;
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.names.size()));
  state.counters["names/s"] = benchmark::Counter(static_cast<double>(state.iterations() * f.names.size()),
                                                 benchmark::Counter::kIsRate);
  state.counters["list_names"] = static_cast<double>(screener.name_count());
  state.counters["variants_found"] = variants ? static_cast<double>(found) / static_cast<double>(variants) : 0;
  state.counters["names_with_hits"] = static_cast<double>(hits);
  state.counters["recombined_with_hits"] =
      recombined ? static_cast<double>(hits - found) / static_cast<double>(recombined) : 0;
}
BENCHMARK(BM_ScreenUnList)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
