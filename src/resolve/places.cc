// Country names in Arabic and English from ICU's locale data (CLDR), so that
// places get the English name a newspaper prints, and adjectives of
// nationality find their country.
#include <unicode/locid.h>
#include <unicode/uloc.h>

#include "resolve/internal.h"
#include "text/text.h"

namespace marsad::resolve::internal {

const std::unordered_map<std::string, std::string>& CountryNames() {
  static const std::unordered_map<std::string, std::string> names = [] {
    std::unordered_map<std::string, std::string> map;
    const icu::Locale arabic("ar"), english("en");
    for (const char* const* code = uloc_getISOCountries(); *code; ++code) {
      const icu::Locale region("", *code);
      icu::UnicodeString ar, en;
      region.getDisplayCountry(arabic, ar);
      region.getDisplayCountry(english, en);
      std::string a, e;
      ar.toUTF8String(a);
      en.toUTF8String(e);
      // CLDR qualifies some names ("الكونغو - كينشاسا"); the plain part is
      // what news text writes.
      if (a.empty() || e.empty() || a == *code) continue;
      const std::string key = text::MatchKey(a.substr(0, a.find(" - ")));
      map.emplace(key, e.substr(0, e.find(" - ")));
      // With and without the article: العراق and عراق.
      if (key.rfind("ال", 0) == 0) map.emplace(key.substr(4), e);
    }
    return map;
  }();
  return names;
}

}  // namespace marsad::resolve::internal
