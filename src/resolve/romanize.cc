// Romanisation: a joint trigram model over (Arabic letter, Latin) units,
// decoded with a beam, behind a memory of whole words.
#include <algorithm>
#include <cmath>

#include "resolve/internal.h"
#include "resolve/resolve.h"
#include "text/text.h"

namespace marsad::resolve {
namespace internal {
namespace {

constexpr size_t kBeam = 12;
constexpr size_t kUnitsPerLetter = 40;  // candidates tried for each Arabic letter

uint64_t Gram(uint64_t tag, uint64_t u2, uint64_t u1, uint64_t u) {
  return tag << 60 | u2 << 40 | u1 << 20 | u;
}

struct Hyp {
  uint32_t u2, u1;
  double score;
  int back;  // index of the hypothesis this one extends, -1 at the start
};

}  // namespace

// Interpolated Witten-Bell: each order falls back on the one below in
// proportion to how many different units followed its history.
double Romanizer::LogProb(uint32_t u2, uint32_t u1, uint32_t u) const {
  auto count = [this](uint64_t key) -> double {
    const auto it = counts.find(key);
    return it == counts.end() ? 0.0 : it->second;
  };
  auto stats = [this](uint64_t key, double* total, double* types) {
    const auto t = history_total.find(key);
    *total = t == history_total.end() ? 0 : t->second;
    const auto f = followers.find(key);
    *types = f == followers.end() ? 0 : f->second;
  };
  double p = (count(Gram(1, 0, 0, u)) + 1) / (static_cast<double>(unigram_total) + units.size());
  double total, types;
  stats(Gram(4, 0, 0, u1), &total, &types);
  if (total > 0) p = (count(Gram(2, 0, u1, u)) + types * p) / (total + types);
  stats(Gram(5, 0, u2, u1), &total, &types);
  if (total > 0) p = (count(Gram(3, u2, u1, u)) + types * p) / (total + types);
  return std::log(p);
}

void Romanizer::Rebuild() {
  known.clear();
  for (const auto& [arabic, latin] : memory) {
    std::string a, l;
    if (ArabicWordLetters(arabic, &a) && LatinWordLetters(latin, &l)) known.emplace(a, l);
  }
  by_letter.assign(kArabicLetters, {});
  for (uint32_t id = 2; id < units.size(); ++id) {
    by_letter[units[id].first].push_back(id);
  }
  for (int a = 0; a < kArabicLetters; ++a) {
    auto& list = by_letter[a];
    if (list.empty()) {
      // A letter never seen in training is left out of the Latin.
      units.emplace_back(a, "");
      list.push_back(static_cast<uint32_t>(units.size() - 1));
    }
    std::stable_sort(list.begin(), list.end(), [this](uint32_t x, uint32_t y) {
      const auto cx = counts.find(Gram(1, 0, 0, x)), cy = counts.find(Gram(1, 0, 0, y));
      return (cx == counts.end() ? 0 : cx->second) > (cy == counts.end() ? 0 : cy->second);
    });
    if (list.size() > kUnitsPerLetter) list.resize(kUnitsPerLetter);
  }
}

std::string Romanizer::Decode(std::string_view letters) const {
  if (letters.empty() || by_letter.empty()) return "";
  std::vector<Hyp> all{{0, 0, 0, -1}};
  std::vector<int> beam{0};
  for (char c : letters) {
    const auto& cands = by_letter[static_cast<uint8_t>(c)];
    std::vector<Hyp> next;
    for (int h : beam) {
      const Hyp& hyp = all[h];
      for (uint32_t u : cands) {
        const double s = hyp.score + LogProb(hyp.u2, hyp.u1, u);
        // Recombine: hypotheses with the same last two units continue alike.
        auto same = std::find_if(next.begin(), next.end(), [&](const Hyp& x) {
          return x.u2 == hyp.u1 && x.u1 == u;
        });
        if (same == next.end()) {
          next.push_back({hyp.u1, u, s, h});
        } else if (s > same->score) {
          *same = {hyp.u1, u, s, h};
        }
      }
    }
    std::partial_sort(next.begin(), next.begin() + std::min(kBeam, next.size()), next.end(),
                      [](const Hyp& x, const Hyp& y) { return x.score > y.score; });
    if (next.size() > kBeam) next.resize(kBeam);
    beam.clear();
    for (const Hyp& x : next) {
      beam.push_back(static_cast<int>(all.size()));
      all.push_back(x);
    }
  }
  int best = -1;
  double best_score = -1e300;
  for (int h : beam) {
    const double s = all[h].score + LogProb(all[h].u2, all[h].u1, 1);
    if (s > best_score) {
      best_score = s;
      best = h;
    }
  }
  std::vector<uint32_t> path;
  for (int h = best; h >= 0 && all[h].back >= 0; h = all[h].back) path.push_back(all[h].u1);
  std::string out;
  for (auto it = path.rbegin(); it != path.rend(); ++it) out += units[*it].second;
  return out;
}

}  // namespace internal

namespace {

std::string Capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace

std::string Matcher::Romanize(std::string_view arabic) const {
  const internal::Romanizer& r = model_->romanizer;
  // Words as written, and their match keys for the memory and the letters.
  std::vector<std::string> originals, words;
  for (size_t i = 0; i < arabic.size();) {
    const size_t end = std::min(arabic.find_first_of(" \t\n\r", i), arabic.size());
    if (end > i) {
      originals.emplace_back(arabic.substr(i, end - i));
      words.push_back(text::MatchKey(originals.back()));
    }
    i = end + 1;
  }
  // One Arabic word (no article handling) in lower-case Latin.
  auto word = [&r](const std::string& w) {
    const auto it = r.memory.find(w);
    if (it != r.memory.end()) return it->second;
    std::string letters;
    internal::ArabicWordLetters(w, &letters);
    return r.Decode(letters);
  };
  // Connecting words are printed as newspapers print them. عبد: servant (of);
  // ابو: father (of); بن/ابن: son (of); بنت: daughter (of); ال: the.
  const std::string kAbd = "عبد", kAbu = "ابو", kBin = "بن", kIbn = "ابن", kBint = "بنت";
  const std::string kAl = "ال";
  std::string out;
  bool after_abd = false;  // the article of the noun after عبد is in "Abdul"
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    std::string letters;
    std::string latin;
    if (!internal::ArabicWordLetters(w, &letters)) {
      latin = originals[i];
    } else if (w == kAbd && i + 1 < words.size()) {
      const auto joined = r.memory.find(w + words[i + 1]);
      if (joined != r.memory.end()) {
        latin = Capitalized(joined->second);
        ++i;
      } else {
        latin = "Abdul";
        after_abd = true;
      }
    } else if (w == kAbu || w == kBin || w == kIbn || w == kBint) {
      latin = w == kAbu ? "Abu" : w == kBin ? "bin" : w == kIbn ? "ibn" : "bint";
    } else if (w.starts_with(kAl) && letters.size() >= 4) {
      // The article: a remembered spelling that writes it (Alexander for
      // الكسندر) is kept whole; otherwise it is printed as newspapers do.
      const auto it = r.memory.find(w);
      const bool whole = it != r.memory.end() && (it->second.starts_with("al") || it->second.starts_with("el"));
      const std::string stem = Capitalized(it != r.memory.end() ? it->second : word(w.substr(kAl.size())));
      latin = whole ? stem : after_abd ? stem : "al-" + stem;
    } else {
      latin = Capitalized(word(w));
    }
    if (latin != "Abdul") after_abd = false;
    if (!out.empty()) out += ' ';
    out += latin;
  }
  return out;
}

}  // namespace marsad::resolve
