// Incidents: the events of different documents that tell one happening,
// linked after each resolution (the links need the place and person
// entities), and read back as one record each.
#include <algorithm>
#include <chrono>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "extract/extract.h"
#include "resolve/resolve.h"
#include "store/internal.h"
#include "store/store.h"
#include "text/text.h"

namespace marsad::store {
namespace {

using internal::Statement;

// Events of one kind can tell one happening: an attack, the killing and the
// wounding it caused are told as any of the three.
std::string Kind(const std::string& type) {
  return type == "attack" || type == "killed" || type == "injured" ? "violence" : type;
}

// Days two events of one happening may be apart: a report of "yesterday"
// and one of the same day.
constexpr int64_t kIncidentDays = 1;

// The parts a person plays that make an event about that person: the
// killed, the accused, the one who joined or came back. A leader who speaks
// of many happenings a day, or is blamed for many («الأسد يقتل شعبه», Assad
// kills his people), tells none apart.
bool AboutThePerson(const std::string& role) {
  return role == "victim" || role == "target" || role == "suspect" || role == "defendant" ||
         role == "returnee" || role == "member";
}

// A day as internal::DayOf counts it, as "YYYY-MM-DD".
std::string DayText(int64_t day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(day))};
  return text::FormatDate({static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                           static_cast<int>(static_cast<unsigned>(ymd.day()))},
                          text::Precision::kDay);
}

// Two reports of one happening, told of the same place the same days, share
// their words (agencies' copy is reprinted, and the details are the same);
// two happenings of one city share the city's name and little else. The
// share of words (Jaccard, over words of three letters or more and numbers)
// a link by place alone needs:
constexpr double kSameStoryWords = 0.2;

// The events (as v) of the incidents told by two documents or more.
constexpr const char* kToldTwice =
    "v.incident IN (SELECT incident FROM events WHERE incident IS NOT NULL GROUP BY incident "
    "HAVING count(DISTINCT doc) > 1)";

// Events of one kind a person may take part in within kIncidentDays and
// still tell one happening apart (see LinkIncidents).
constexpr size_t kBusyPerson = 4;

// The distinct words of a sentence, as match keys: words of three letters
// or more, and numbers, as the text layer tokenizes them.
std::vector<std::string> StoryWords(std::string_view sentence) {
  const text::Normalized display = text::Normalize(sentence);
  std::vector<std::string> words;
  for (const text::Token& t : text::Tokenize(display.text)) {
    if (t.kind != text::TokenKind::kWord && t.kind != text::TokenKind::kLatin &&
        t.kind != text::TokenKind::kNumber) {
      continue;
    }
    std::string key = text::MatchKey(std::string_view(display.text).substr(t.span.begin, t.span.size()));
    if (t.kind == text::TokenKind::kNumber || key.size() >= 6) words.push_back(std::move(key));  // 3 Arabic letters
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

double SharedWords(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> both;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
  const size_t all = a.size() + b.size() - both.size();
  return all ? static_cast<double>(both.size()) / static_cast<double>(all) : 0;
}

}  // namespace

void Store::LinkIncidents() {
  struct Item {
    int64_t id = 0, doc = 0;
    std::string kind;
    std::optional<int64_t> day;
    bool dated = false;  // the day is the event's own date, not its document's
    std::optional<int64_t> place;  // a city or town's entity; countries are left out
    std::vector<int64_t> people;   // sorted
    std::vector<std::string> words;  // StoryWords of its sentence
  };
  std::vector<Item> items;
  {
    Statement s(db_,
                "SELECT v.id, v.doc, v.type, v.date, v.date_precision, d.published, pm.entity, "
                "pe.latin, substr(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start) "
                "FROM events v JOIN docs d ON d.id = v.doc "
                "LEFT JOIN mentions pm ON pm.id = v.place_mention AND pm.attribute = 0 "
                "LEFT JOIN entities pe ON pe.id = pm.entity ORDER BY v.id");
    while (s.Step()) {
      Item item;
      item.id = s.Int(0);
      item.doc = s.Int(1);
      item.kind = Kind(s.Text(2));
      // Dated to a month or a year: background, no happening of a day.
      const std::string date = s.Text(3);
      if (date.empty() || s.Text(4) == "day") item.day = internal::DayOf(date, s.Text(5));
      item.dated = !date.empty();
      if (!s.IsNull(6) && !resolve::IsCountryOrRegionName(s.Text(7))) item.place = s.Int(6);
      if (item.day) item.words = StoryWords(s.Text(8));
      items.push_back(std::move(item));
    }
  }
  std::unordered_map<int64_t, size_t> index;
  for (size_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, i);
  {
    Statement s(db_,
                "SELECT p.event, m.entity, p.role FROM event_participants p "
                "JOIN mentions m ON m.id = p.mention JOIN entities e ON e.id = m.entity "
                "WHERE e.type = 'PER' AND m.attribute = 0");
    while (s.Step()) {
      if (AboutThePerson(s.Text(2))) items[index.at(s.Int(0))].people.push_back(s.Int(1));
    }
  }
  for (Item& item : items) {
    std::sort(item.people.begin(), item.people.end());
    item.people.erase(std::unique(item.people.begin(), item.people.end()), item.people.end());
  }

  // Candidate pairs: events of one kind, days apart at most kIncidentDays,
  // at the same city or with the same person; never two places apart.
  std::map<std::pair<std::string, int64_t>, std::vector<size_t>> by_place, by_person;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].day) continue;
    if (items[i].place) by_place[{items[i].kind, *items[i].place}].push_back(i);
    for (int64_t person : items[i].people) by_person[{items[i].kind, person}].push_back(i);
  }
  std::map<std::pair<size_t, size_t>, double> score;  // (i, j), i < j → strength
  const auto consider = [&](size_t i, size_t j) {
    const Item& a = items[i];
    const Item& b = items[j];
    if (a.doc == b.doc || (a.place && b.place && a.place != b.place)) return;
    // Two days a text names are two happenings: Tuesday's clashes in a city
    // and Wednesday's. A day left to the publication date may be the day
    // before ("yesterday" unsaid).
    if (a.dated && b.dated && a.day != b.day) return;
    std::vector<int64_t> shared;
    std::set_intersection(a.people.begin(), a.people.end(), b.people.begin(), b.people.end(),
                          std::back_inserter(shared));
    const double words = SharedWords(a.words, b.words);
    if (shared.empty() && words < kSameStoryWords) return;
    // Strength: the people shared, then the words.
    score[{std::min(i, j), std::max(i, j)}] = static_cast<double>(shared.size()) + words;
  };
  const auto by_day = [&](size_t x, size_t y) { return *items[x].day < *items[y].day; };
  // A person in more events of a kind than kBusyPerson within kIncidentDays
  // of one of them is a public figure the extraction gives a part in many
  // stories (every name in a sentence of return is a returnee): no sign of
  // one happening for any of those events, by person or shared in a place.
  for (auto& [key, list] : by_person) {
    std::sort(list.begin(), list.end(), by_day);
    std::vector<size_t> kept;
    for (size_t x = 0, from = 0, to = 0; x < list.size(); ++x) {
      while (*items[list[x]].day - *items[list[from]].day > kIncidentDays) ++from;
      while (to < list.size() && *items[list[to]].day - *items[list[x]].day <= kIncidentDays) ++to;
      if (to - from <= kBusyPerson) {
        kept.push_back(list[x]);
        continue;
      }
      std::vector<int64_t>& people = items[list[x]].people;
      people.erase(std::remove(people.begin(), people.end(), key.second), people.end());
    }
    list = std::move(kept);
  }
  for (auto* buckets : {&by_place, &by_person}) {
    for (auto& [key, list] : *buckets) {
      std::sort(list.begin(), list.end(), by_day);
      for (size_t x = 0; x < list.size(); ++x) {
        for (size_t y = x + 1; y < list.size() && *items[list[y]].day - *items[list[x]].day <= kIncidentDays; ++y) {
          consider(list[x], list[y]);
        }
      }
    }
  }
  std::vector<std::tuple<double, size_t, size_t>> pairs;  // (-score, i, j): strongest first
  for (const auto& [pair, s] : score) pairs.emplace_back(-s, pair.first, pair.second);
  std::sort(pairs.begin(), pairs.end());

  // Join the strongest pairs first, never two events of one document.
  std::vector<size_t> root(items.size());
  std::iota(root.begin(), root.end(), 0);
  std::vector<std::vector<int64_t>> docs(items.size());  // sorted, per root
  std::vector<std::pair<int64_t, int64_t>> days(items.size());  // first and last, per root
  // Per root, the day its events name (if any does) and its city (if any
  // names one): what every pair joined must share holds for the whole.
  std::vector<std::optional<int64_t>> named_day(items.size()), city(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    docs[i] = {items[i].doc};
    if (items[i].day) days[i] = {*items[i].day, *items[i].day};
    if (items[i].dated) named_day[i] = items[i].day;
    city[i] = items[i].place;
  }
  const auto clash = [](const std::optional<int64_t>& x, const std::optional<int64_t>& y) {
    return x && y && *x != *y;
  };
  const auto find = [&](size_t x) {
    while (root[x] != x) x = root[x] = root[root[x]];
    return x;
  };
  for (const auto& [s, i, j] : pairs) {
    size_t a = find(i), b = find(j);
    if (a == b) continue;
    // Every two of its days at most kIncidentDays apart: no chain of
    // reports over a week.
    const std::pair<int64_t, int64_t> span{std::min(days[a].first, days[b].first),
                                           std::max(days[a].second, days[b].second)};
    if (span.second - span.first > kIncidentDays || clash(named_day[a], named_day[b]) || clash(city[a], city[b])) {
      continue;
    }
    std::vector<int64_t> both;
    std::set_union(docs[a].begin(), docs[a].end(), docs[b].begin(), docs[b].end(), std::back_inserter(both));
    if (both.size() != docs[a].size() + docs[b].size()) continue;
    if (docs[a].size() < docs[b].size()) std::swap(a, b);
    root[b] = a;
    days[a] = span;
    if (!named_day[a]) named_day[a] = named_day[b];
    if (!city[a]) city[a] = city[b];
    docs[a] = std::move(both);
    docs[b].clear();
  }
  // An incident's id is its first event's: events are read in id order.
  std::vector<int64_t> first(items.size(), 0);
  Statement update(db_, "UPDATE events SET incident = ?1 WHERE id = ?2 AND incident IS NOT ?1");
  for (size_t i = 0; i < items.size(); ++i) {
    int64_t& id = first[find(i)];
    if (!id) id = items[i].id;
    update.Reset();
    update.Bind(1, id).Bind(2, items[i].id);
    update.Step();
  }
}

std::vector<IncidentRecord> Store::Incidents(const RecordFilter& filter, size_t* total) const {
  Statement s(db_,
              ("SELECT v.incident, v.doc, v.type, v.date, v.date_precision, d.published, d.source, "
              "v.place, pm.entity, pe.latin, v.killed, v.injured FROM events v "
              "JOIN docs d ON d.id = v.doc "
              "LEFT JOIN mentions pm ON pm.id = v.place_mention AND pm.attribute = 0 "
              "LEFT JOIN entities pe ON pe.id = pm.entity "
              "WHERE " + std::string(kToldTwice) + " ORDER BY v.incident, v.id").c_str());
  struct Building {
    IncidentRecord record;
    std::map<std::string, int> types;
    std::map<int64_t, int> days;
    // Places named, cities and countries apart: (name, entity) → events.
    std::map<std::pair<std::string, std::optional<int64_t>>, int> cities, countries;
    std::set<int64_t> docs;
    std::set<std::string> outlets;
  };
  // The figures of the people each incident counts (the killed, wounded,
  // arrested ...), as its reports' sentences give them, by counted noun.
  struct Counted {
    std::vector<internal::DatedFigure> figures;
    std::set<std::string> sources;
  };
  std::map<int64_t, std::map<std::string, Counted>> tolls;
  {
    Statement c(db_,
                ("SELECT v.incident, c.unit, c.counted, c.value, c.low, c.high, c.approx, c.qualifier, "
                "sm.entity, c.source_text, d.source, c.doc FROM events v "
                "CROSS JOIN claims c ON c.doc = v.doc AND c.sentence_start = v.sentence_start "
                "JOIN docs d ON d.id = c.doc LEFT JOIN mentions sm ON sm.id = c.source_mention "
                "WHERE " + std::string(kToldTwice)).c_str());
    while (c.Step()) {
      if (extract::SameFactDays(c.Text(1), c.Text(2), false) != kIncidentDays) continue;
      const auto [low, high] =
          internal::ClaimInterval(c.Double(3), c.OptionalDouble(4), c.OptionalDouble(5), c.Int(6) != 0, c.Text(7),
                                  c.Text(1));
      std::string who = internal::ClaimSource(c.OptionalInt(8), c.Text(9), c.Text(10), c.Int(11));
      Counted& counted = tolls[c.Int(0)][text::MatchKey(c.Text(2))];
      counted.figures.push_back({0, who, low, high});  // all of one day: the incident's
      counted.sources.insert(std::move(who));
    }
  }
  std::vector<IncidentRecord> out;
  std::optional<Building> b;
  const auto most = [](const auto& counts) {
    // The commonest, the first in order on a tie.
    auto best = counts.begin();
    for (auto it = counts.begin(); it != counts.end(); ++it) {
      if (it->second > best->second) best = it;
    }
    return best->first;
  };
  const auto finish = [&] {
    if (!b) return;
    IncidentRecord& r = b->record;
    r.type = most(b->types);
    if (!b->days.empty()) r.date = DayText(most(b->days));
    if (const auto& places = b->cities.empty() ? b->countries : b->cities; !places.empty()) {
      std::tie(r.place, r.place_entity) = most(places);
    }
    r.docs = static_cast<int64_t>(b->docs.size());
    r.outlets = static_cast<int64_t>(b->outlets.size());
    // The sources' figures of each kind of people counted, compared as
    // claims are: a conflict in any is the incident's.
    for (auto& [noun, counted] : tolls[r.id]) {
      const std::string v = internal::Verdict(counted.sources.size(), 0, std::move(counted.figures));
      if (v == "conflict" || (v == "agree" && r.verdict != "conflict") || r.verdict.empty()) r.verdict = v;
    }
    if ((filter.type.empty() || r.type == filter.type) && internal::InDateRange(r.date, filter.from, filter.to)) {
      out.push_back(std::move(r));
    }
    b.reset();
  };
  while (s.Step()) {
    const int64_t incident = s.Int(0);
    if (!b || b->record.id != incident) {
      finish();
      b.emplace();
      b->record.id = incident;
    }
    IncidentRecord& r = b->record;
    ++r.events;
    ++b->types[s.Text(2)];
    const std::string date = s.Text(3);
    if (date.empty() || s.Text(4) == "day") {
      if (const std::optional<int64_t> day = internal::DayOf(date, s.Text(5))) ++b->days[*day];
    }
    b->docs.insert(s.Int(1));
    b->outlets.insert(internal::ClaimSource(std::nullopt, "", s.Text(6), s.Int(1)));
    if (const std::string place = s.Text(7); !place.empty()) {
      auto& places = resolve::IsCountryOrRegionName(s.Text(9)) ? b->countries : b->cities;
      ++places[{place, s.OptionalInt(8)}];
    }
    const std::optional<double> killed = s.OptionalDouble(10), injured = s.OptionalDouble(11);
    const auto widen = [](std::optional<double>* low, std::optional<double>* high, double v) {
      *low = std::min(low->value_or(v), v);
      *high = std::max(high->value_or(v), v);
    };
    if (killed) widen(&r.killed_low, &r.killed_high, *killed);
    if (injured) widen(&r.injured_low, &r.injured_high, *injured);
  }
  finish();
  std::stable_sort(out.begin(), out.end(), [](const IncidentRecord& x, const IncidentRecord& y) {
    if (x.docs != y.docs) return x.docs > y.docs;
    if (x.outlets != y.outlets) return x.outlets > y.outlets;
    return x.date > y.date;
  });
  if (total) *total = out.size();
  return internal::Page(std::move(out), filter.offset, filter.limit);
}

}  // namespace marsad::store
