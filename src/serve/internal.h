// Inside the serve module: the JSON bodies of the API routes, built from the
// store's records. Not part of the module's API.
#ifndef MARSAD_SERVE_INTERNAL_H_
#define MARSAD_SERVE_INTERNAL_H_

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "screen/screen.h"
#include "store/store.h"

namespace marsad::serve {

// What a list route filters on.
using Query = store::RecordFilter;

// The records as `marsad search --json` and `marsad docs --json` print them.
nlohmann::json SearchHitJson(const store::SearchHit& hit);
nlohmann::json DocJson(const store::DocRecord& doc);
// Characters (code points) of UTF-8 text.
size_t CharCount(const std::string& utf8);

int64_t EntityCount(const store::Store& db);
nlohmann::json MentionsJson(const store::Store& db, int64_t doc);
nlohmann::json EntitiesJson(const store::Store& db, const Query& filter);
// {"entity", "related", "documents", "quotes", "claims", "events",
// "screening"}, or null when there is no such entity. "screening" holds the
// hits of screen::ScreenEntity (as `marsad screen --list --json` prints
// them), empty without a screener.
nlohmann::json EntityProfileJson(const store::Store& db, int64_t id, const screen::Screener* screener);

// A screening hit as `marsad screen --json` prints it; entity 0 is left out.
nlohmann::json ScreenHitJson(int64_t entity, const std::string& name, const screen::Hit& hit);
nlohmann::json ClaimsJson(const store::Store& db, const Query& filter);
nlohmann::json QuotesJson(const store::Store& db, const Query& filter);
nlohmann::json EventsJson(const store::Store& db, const Query& filter);
nlohmann::json GraphJson(const store::Store& db, int64_t min_docs, size_t max_nodes);

}  // namespace marsad::serve

#endif  // MARSAD_SERVE_INTERNAL_H_
