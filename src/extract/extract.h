// marsad extract: who said what, which figures are given by whom, and what
// happened when.
//
//   text::Analysis a = text::Analyze(article, {.published = text::Date{2024, 3, 5}});
//   std::vector<ner::Mention> mentions = tagger->Tag(a);
//   Extraction x = Extract(a, mentions, "2024-03-05");
//   for (const Claim& c : x.claims) {
//     // "قال الباحث نزار حمادة إن نحو ألفي مقاتل من آسيا الوسطى ..." gives
//     // value 2000, approx, unit "person", counted "مقاتل",
//     // place "آسيا الوسطى", source {kEntity, mention of نزار حمادة}.
//   }
//
// Everything is read from the text layer's analysis and the tagger's
// mentions with small curated Arabic lexicons (reporting verbs, described
// sources, counted nouns with their singulars, units, event triggers); no
// model file is needed. Spans are bytes of a.normalized.text, like every span
// of the text layer; a.normalized.map turns them into original bytes.
//
// Promises, tested: no input crashes Extract (empty text, no Arabic, repaired
// invalid UTF-8, unbalanced quotation marks, huge numbers); its work is
// linear in the size of the text (quotation marks are paired within one
// paragraph of bounded length); Extract and ClaimTopic are pure functions
// over immutable tables, safe to call from any number of threads at once.
#ifndef MARSAD_EXTRACT_EXTRACT_H_
#define MARSAD_EXTRACT_EXTRACT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ner/ner.h"
#include "text/text.h"

namespace marsad::extract {

// Who says so, or who speaks. References to names are indices into the
// `mentions` vector given to Extract.
struct Attribution {
  enum class Kind : uint8_t {
    kEntity,     // a named person or organisation: `mention` is set
    kDescribed,  // a source described but not named: "مصادر أمنية", "تقديرات"
    kOutlet,     // nothing attributed: the article itself says so; text is ""
  };
  // Index into mentions when the source is a named entity. A surname or a
  // title alone ("وقال حمادة", "وأضاف الوزير") and "he said" are resolved to
  // the fuller mention of the same person given earlier in the document; a
  // kind of body alone ("وأضافت الصحيفة", the newspaper added) to the last
  // organisation of that kind named before it («صحيفة الغارديان»).
  std::optional<uint32_t> mention;
  // For an entity, the mention's text (the fuller one when resolved); for a
  // described source, the noun phrase as written after its verb or
  // preposition ("مصادر أمنية عراقية", "مسؤول في وزارة الداخلية").
  std::string text;
  Kind kind = Kind::kOutlet;
};

// A quotation: direct (between «» or "" marks, possibly over several
// sentences) or indirect ("قال X إن ...", "أفادت مصادر بأن ...", "بحسب X").
struct Quote {
  text::Span span;  // the quoted words, without the quotation marks
  bool direct = false;
  std::optional<Attribution> speaker;  // nullopt when no speaker is found
  uint32_t sentence = 0;               // index into a.sentences where it starts
};

// A figure: a number of people or things, an age, a percentage, an amount of
// money or a duration, with what is counted and who gives it.
struct Claim {
  text::Span span;  // the figure's words: approximator, number, unit
  uint32_t sentence = 0;
  // The figure. For a range or a vague magnitude (آلاف) the midpoint of low
  // and high; for a bound ("أكثر من 40") the bound.
  double value = 0;
  std::optional<double> low, high;  // a range; or the one bound a qualifier gives
  bool approx = false;  // نحو، حوالي، قرابة، زهاء، أكثر من، magnitudes
  std::string qualifier;  // "", "at_least", "at_most", "more_than", "less_than"
  // A vague amount: "tens", "hundreds", "thousands", "tens_of_thousands",
  // "hundreds_of_thousands", "millions"; "" for a number.
  std::string magnitude;
  // "person", "" (things), "percent", "age_years", "years", "months", "days",
  // "hours", currencies as ISO codes ("USD", "EUR", "IQD", "SAR", ...), "km",
  // "kg", "tonne".
  std::string unit;
  // What is counted, as a singular noun in display form ("مقاتل", "شخص"). For
  // people counted as casualties or detainees with a generic noun ("مقتل 32
  // شخصا") the role noun: "قتيل", "جريح", "موقوف". "عمر" for ages; "" when
  // unknown.
  std::string counted;
  std::string place;  // where, or where from: "آسيا الوسطى", "سوريا"; or ""
  std::optional<uint32_t> place_mention;  // index into mentions of `place`
  std::string date;                       // YYYY[-MM[-DD]] or ""
  Attribution source;
  // Parts given with the figure: "32 شخصا بينهم 29 مدنيا و3 من عناصر الشرطة"
  // gives {{"مدني", 29}, {"عنصر", 3}}. The parts are not claims of their own.
  std::vector<std::pair<std::string, double>> breakdown;
  // The person a figure describes, for ages ("رحيموف (28 عاما)"), or nullopt.
  std::optional<uint32_t> about_mention;
};

struct Participant {
  uint32_t mention = 0;  // index into mentions
  // "member", "group", "perpetrator", "target", "victim", "suspect",
  // "agent", "defendant", "court", "returnee", "party", "speaker", "subject".
  std::string role;
};

struct Event {
  // joined, left, attack, killed, injured, arrested, charged, sentenced,
  // escaped, riot, returned, agreement, statement.
  std::string type;
  uint32_t sentence = 0;  // the first sentence telling of it
  text::Span trigger;     // the word that tells of it ("مقتل", "التحق")
  std::string date;            // YYYY[-MM[-DD]] or ""
  std::string date_precision;  // "day", "month", "year", ""
  std::string place;
  std::optional<uint32_t> place_mention;
  std::vector<Participant> participants;
  // People arrested, returned, sentenced ... ; and casualties.
  std::optional<double> count, killed, injured;
  std::vector<std::pair<std::string, double>> breakdown;  // as in Claim
};

struct Extraction {
  std::vector<Quote> quotes;  // in text order
  std::vector<Claim> claims;  // in text order
  // In order of first telling. Mentions of one event in several sentences
  // (same type, compatible date and place) are merged into one.
  std::vector<Event> events;
};

// Quotes, claims and events of one analysed document. `mentions` are the
// tagger's mentions of the same analysis (may be empty: sources are then
// only described ones). `published` is the document's date "YYYY-MM-DD" or
// "" (relative dates are already resolved by the text layer when `a` was
// made with the publication date; it is used here to anchor an event told
// with no date of its own only when it is "today"). Never fails: text with
// nothing to extract gives empty vectors. Thread-safe.
Extraction Extract(const text::Analysis& a, const std::vector<ner::Mention>& mentions,
                   std::string_view published);

// A key equal for claims about the same counted thing and place, for
// grouping figures across documents (`claims --about`): the match keys of
// unit, counted noun and place ("person|مقاتل|سوريا"; سورية and سوريا alike).
// An age of a named person has no place in its key: whose age it is, which
// only resolution across documents can say, tells it apart. Thread-safe.
std::string ClaimTopic(const Claim& c);

// How many days apart two sources' figures of one topic (unit and counted
// noun as in Claim) may be and still be figures of one fact, to compare
// them: 1 for the people one incident counts (قتيل، جريح، موقوف: the next
// day's toll may have risen, and a city has many incidents a week), 7 for
// other people and things of a named kind (مقاتل، لاجئ، سيارة), 30 for ages
// when the figures are all of one person (`of_one_person`: a man is 28 or 29
// but not both within a month, short of a birthday). nullopt when the
// figures need not be of one thing at all: nothing named counted (a
// percentage, a sum, a duration), people counted by a generic noun (شخص,
// person), or ages of whoever they describe. Thread-safe.
std::optional<int> SameFactDays(std::string_view unit, std::string_view counted, bool of_one_person);

// What a claim's topic holds for a word someone asks about: a counted noun
// in any number as its singular's match key (قتلى and القتلى, the killed:
// قتيل), a unit word as its unit's (دولار, dollar: usd); "" for another word.
// Thread-safe.
std::string TopicWord(std::string_view word);

// "entity", "described", "outlet".
const char* AttributionKindName(Attribution::Kind kind);

// Every type an Event can have, sorted: agreement, arrested, ... statement.
const std::vector<std::string>& EventTypes();

}  // namespace marsad::extract

#endif  // MARSAD_EXTRACT_EXTRACT_H_
