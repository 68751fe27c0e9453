// Implementation details shared by the files of src/ingest; not part of the API.
#ifndef MARSAD_INGEST_INTERNAL_H_
#define MARSAD_INGEST_INTERNAL_H_

#include <string>
#include <string_view>

namespace marsad::ingest::internal {

// A date as a field or attribute gives it (JSON input, WARC-Date, meta tags,
// JSON-LD, <time>) as YYYY-MM-DD, or "" if it holds no full date: ISO 8601
// and its relatives (2015-07-21 02:51:32, 2024/03/05, 20240305), day-first
// 5/3/2024, English month names (Tue, 05 Mar 2024; March 5, 2024; 5 Mar 2024)
// and Arabic ones (5 مارس 2024).
std::string NormalizeDate(std::string_view value);

// Whether `s` holds an HTML tag of the text's kind (<p>, <br>, </div>, <a …>):
// JSON feeds put article bodies in their content field as HTML.
bool HasMarkup(std::string_view s);

// All the text of an HTML fragment, each block a paragraph (separated by a
// blank line): a feed's content is the article, so nothing is dropped as
// boilerplate; scripts, styles and hidden elements are not text.
std::string FragmentText(std::string_view html);

// The marks a line of a list opens with in plain text: • · ▪ ■ ● ► – — - *.
inline constexpr std::string_view kListBullets[] = {
    "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA", "\xE2\x96\xA0", "\xE2\x97\x8F",
    "\xE2\x96\xBA", "\xE2\x80\x93", "\xE2\x80\x94", "-", "*"};

}  // namespace marsad::ingest::internal

#endif  // MARSAD_INGEST_INTERNAL_H_
