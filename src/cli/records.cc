// marsad claims / quotes / events / timeline: what the articles say, with
// who says so and the sentence that says it.
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "cli/output.h"
#include "extract/extract.h"
#include "store/store.h"
#include "text/text.h"

namespace marsad::cli {
namespace {

std::string Number(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", v);
  }
  return buf;
}

void AddFilterOptions(CLI::App* cmd, store::RecordFilter* filter) {
  cmd->add_option("--doc", filter->doc, "only this document")->check(kAtLeastOne);
  cmd->add_option("--entity", filter->entity, "only records naming this entity id")->check(kAtLeastOne);
  cmd->add_option("--limit", filter->limit, "at most N records (default all)")->check(kAtLeastOne);
}

// "12" or "12–15": the smallest and largest figure given.
std::string Span(double low, double high) {
  return low == high ? Number(low) : Number(low) + "–" + Number(high);
}

}  // namespace

std::string FormatValue(const store::ClaimRecord& c) {
  std::string out;
  if (!c.magnitude.empty()) {
    out = c.magnitude;
  } else if (c.low && c.high && *c.low != *c.high) {
    out = Number(*c.low) + "–" + Number(*c.high);
  } else {
    out = Number(c.value);
  }
  if (!c.qualifier.empty()) out = c.qualifier + " " + out;
  if (c.approx && c.magnitude.empty()) out = "~" + out;
  if (!c.unit.empty() && c.unit != "person") out += " " + c.unit;
  return out;
}

void AddRecords(CLI::App* app, const GlobalOptions* global) {
  auto* claims = app->add_subcommand(
      "claims", "Figures the articles give (how many, of what, where, when) and whom each "
                "article attributes them to; grouped by what is counted and where.");
  auto claim_filter = std::make_shared<store::RecordFilter>();
  claims->add_option("--about", claim_filter->about, "words of the counted thing or place (مقاتل، سوريا)");
  claims->add_option("--topic", claim_filter->topic, "only claims of this topic (as printed)")
      ->check(kNotEmpty);
  claims->add_option("--incident", claim_filter->incident,
                     "only the figures of this incident's reports (events --incidents), with who gives each")
      ->check(kAtLeastOne);
  auto groups = std::make_shared<bool>(false);
  claims->add_flag("--groups", *groups,
                   "one line per topic: how many claims and sources, the figures' span, and "
                   "whether the sources agree or conflict; most sources first");
  AddFilterOptions(claims, claim_filter.get());
  claims->callback([global, claim_filter, groups] {
    auto db = OpenForReading(*global);
    if (*groups) {
      if (claim_filter->doc || claim_filter->entity || claim_filter->incident) {
        throw UsageError("claims: --groups takes --about, --topic and --limit, not --doc, --entity or --incident");
      }
      Table table({"topic", "about", "claims", "sources", "docs", "figures", "verdict"});
      for (const store::ClaimGroup& g : db->ClaimGroups(*claim_filter, 0, nullptr)) {
        if (global->json) {
          PrintJsonLine(g);
        } else {
          table.Add({g.topic, g.about, std::to_string(g.claims), std::to_string(g.sources),
                     std::to_string(g.docs),
                     Span(g.low, g.high), g.verdict});
        }
      }
      if (!global->json) table.Print();
      return;
    }
    Table table({"topic", "value", "counted", "place", "about", "source", "date", "doc", "published"});
    for (const store::ClaimRecord& c : db->Claims(*claim_filter)) {
      if (global->json) {
        PrintJsonLine(c);
      } else {
        table.Add({c.topic, FormatValue(c), c.counted, c.place, c.about, c.source.name, c.date,
                   std::to_string(c.doc), c.published});
      }
    }
    if (!global->json) table.Print();
  });

  auto* quotes = app->add_subcommand("quotes", "Quoted and reported speech with its speaker.");
  auto quote_filter = std::make_shared<store::RecordFilter>();
  AddFilterOptions(quotes, quote_filter.get());
  quotes->callback([global, quote_filter] {
    auto db = OpenForReading(*global);
    Table table({"doc", "published", "speaker", "kind", "text"}, 80);
    for (const store::QuoteRecord& q : db->Quotes(*quote_filter)) {
      if (global->json) {
        PrintJsonLine(q);
      } else {
        table.Add({std::to_string(q.doc), q.published, q.speaker ? q.speaker->name : "",
                   q.direct ? "direct" : "reported", q.text});
      }
    }
    if (!global->json) table.Print();
  });

  for (const bool timeline : {false, true}) {
    auto* cmd = app->add_subcommand(
        timeline ? "timeline" : "events",
        timeline ? "Events in date order, with the precision each date is known to."
                 : "Events (joined, left, attack, killed, injured, arrested, charged, sentenced, "
                   "escaped, riot, returned, agreement, statement) with date, place, "
                   "participants and counts.");
    auto filter = std::make_shared<store::RecordFilter>();
    cmd->add_option("--type", filter->type, "only events of this type")
        ->check(CLI::IsMember(extract::EventTypes()));
    cmd->add_option("--from", filter->from, "from this date (YYYY, YYYY-MM or YYYY-MM-DD)");
    cmd->add_option("--to", filter->to, "up to this date, inclusive");
    auto incidents = std::make_shared<bool>(false);
    if (!timeline) {
      cmd->add_option("--incident", filter->incident,
                      "only the events of this incident (the same happening told by several documents)")
          ->check(kAtLeastOne);
      cmd->add_flag("--incidents", *incidents,
                    "one line per incident told by two documents or more: its events, documents and "
                    "outlets, the killed and wounded they give, and whether the sources of its figures "
                    "agree; most documents first");
    }
    AddFilterOptions(cmd, filter.get());
    cmd->callback([global, filter, timeline, incidents] {
      for (const std::string* date : {&filter->from, &filter->to}) {
        if (!date->empty() && !text::ParseIsoDate(*date)) {
          throw UsageError("events: dates are YYYY, YYYY-MM or YYYY-MM-DD, got \"" + *date + "\"");
        }
      }
      auto db = OpenForReading(*global);
      if (*incidents) {
        if (filter->doc || filter->entity || filter->incident) {
          throw UsageError("events: --incidents takes --type, --from, --to and --limit, not --doc, --entity "
                           "or --incident");
        }
        const auto span = [](const std::optional<double>& low, const std::optional<double>& high) {
          return low ? Span(*low, *high) : std::string();
        };
        Table table({"incident", "date", "type", "place", "events", "docs", "outlets", "killed", "injured",
                     "verdict"});
        for (const store::IncidentRecord& r : db->Incidents(*filter, nullptr)) {
          if (global->json) {
            PrintJsonLine(r);
          } else {
            table.Add({std::to_string(r.id), r.date, r.type, r.place, std::to_string(r.events),
                       std::to_string(r.docs), std::to_string(r.outlets), span(r.killed_low, r.killed_high),
                       span(r.injured_low, r.injured_high), r.verdict});
          }
        }
        if (!global->json) table.Print();
        return;
      }
      std::vector<store::EventRecord> events = db->Events(*filter);
      if (timeline) std::erase_if(events, [](const store::EventRecord& e) { return e.date.empty(); });
      Table table({"date", "type", "place", "participants", "killed", "count", "doc", "sentence"}, 60);
      for (const store::EventRecord& e : events) {
        if (global->json) {
          PrintJsonLine(e);
          continue;
        }
        std::string people;
        for (const auto& p : e.participants) people += (people.empty() ? "" : "، ") + p.name;
        table.Add({e.date, e.type, e.place, people, e.killed ? Number(*e.killed) : "",
                   e.count ? Number(*e.count) : "", std::to_string(e.doc), e.sentence});
      }
      if (!global->json) table.Print();
    });
  }
}

}  // namespace marsad::cli
