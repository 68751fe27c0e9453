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
// Entities as lists show them: "doc_count" instead of the ids of all their
// documents. *total: how many match before offset and limit.
nlohmann::json EntitiesJson(const store::Store& db, const Query& filter, size_t* total);
// {id, title, source, published} of the documents naming `entity`, newest first.
nlohmann::json EntityDocumentsJson(const store::Store& db, int64_t entity, size_t limit,
                                   size_t offset);
// How much of each list a profile holds: the first page, as the list route
// (/api/docs?entity=, /api/quotes?entity=, ...) returns it with the same limit.
constexpr size_t kProfileDocuments = 100;
constexpr size_t kProfilePage = 50;
// {"entity", "related", "documents", "documents_total", "quotes",
// "quotes_total", "claims", "claims_total", "events", "events_total",
// "screening"}, or null when there is no such entity. "screening" holds the
// hits of screen::ScreenEntity (as `marsad screen --list --json` prints
// them), empty without a screener.
nlohmann::json EntityProfileJson(const store::Store& db, int64_t id, const screen::Screener* screener);

// A screening hit as `marsad screen --json` prints it; entity 0 is left out.
nlohmann::json ScreenHitJson(int64_t entity, const std::string& name, const screen::Hit& hit);
// One page of a list; *total is set to how many match the filter in all.
nlohmann::json ClaimsJson(const store::Store& db, const Query& filter, size_t* total);
nlohmann::json QuotesJson(const store::Store& db, const Query& filter, size_t* total);
nlohmann::json EventsJson(const store::Store& db, const Query& filter, size_t* total);
nlohmann::json GraphJson(const store::Store& db, int64_t min_docs, size_t max_nodes);

}  // namespace marsad::serve

#endif  // MARSAD_SERVE_INTERNAL_H_
