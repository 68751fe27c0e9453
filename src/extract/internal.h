// Implementation details shared by the files of src/extract; not part of the API.
#ifndef MARSAD_EXTRACT_INTERNAL_H_
#define MARSAD_EXTRACT_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace marsad::extract::internal {

// What a word means to the extractor. Keys of every table are match keys
// (text::MatchKey: alef forms, ى/ي and ة/ه folded), built once from the
// lists in lexicon.cc.
enum class Speech : uint8_t {
  kNone,
  kVerb,        // قال، أضاف، أكد ...: the speaker follows (VSO), then إن/أن/: or a quote
  kCarryVerb,   // قائلا، مضيفا ...: the speaker is the sentence's subject before it
  kPreposition, // بحسب، وفق، نقلا عن: the source follows
  kTransmit,    // نقل: "نقلت X عن Y" — Y is the source
};

struct Lexicon {
  std::unordered_map<std::string, Speech> speech;
  // Heads of described sources: مصادر، مسؤول، خبراء، تقديرات ...
  std::unordered_set<std::string> source_heads;
  // Title words before a name or standing for it: الباحث، المتحدث، الوزير ...
  std::unordered_set<std::string> titles;
  // Kinds of body (without the article) whose word alone, with the article,
  // stands for the body of that kind named before it: صحيفة، وكالة، وزارة ...
  std::unordered_set<std::string> body_kinds;
  // Those of body_kinds that say what the name after them is (تنظيم «داعش»,
  // the organisation ISIS), not a part of it (بعثة الأمم المتحدة, the UN's
  // mission).
  std::unordered_set<std::string> naming_kinds;
  // Counted nouns (any number, with or without ال) to their singular display form.
  std::unordered_map<std::string, std::string> singular;
  // Singular nouns (match keys) that are people.
  std::unordered_set<std::string> people;
  // Nouns that count people without saying who: شخص، آخر، فرد، نفس، نسمة.
  std::unordered_set<std::string> generic_people;
  // Forms of أدان, convicted or condemned (أدان، أدانت، إدانة): a
  // conviction only with a court or a charge near.
  std::unordered_set<std::string> convict_words;
  // What استشهد ب cites (بقول، بالآية ...): then it is "cited", not
  // "was martyred".
  std::unordered_set<std::string> cited_words;
  // Diseases and their kinds, without the article (فيروس، مرض، السرطان):
  // a case of one (إصابة بـ) is no wound.
  std::unordered_set<std::string> diseases;
  // The remains of the dead, brought back as people are: جثمان، جثة، رفات.
  std::unordered_set<std::string> remains;
  // People counted by one incident (match keys): the killed, wounded,
  // arrested, missing; a toll that is told again the next day may have risen.
  std::unordered_set<std::string> incident_people;
  // Unit words (match keys) to unit names ("percent", "USD", "years", ...).
  std::unordered_map<std::string, std::string> units;
  // Currency qualifiers after a currency word: دولار أمريكي، دينار كويتي ...
  std::unordered_map<std::string, std::string> currency_country;
  // Event trigger words to event types.
  std::unordered_map<std::string, std::string> triggers;
  // Complementisers and other words that end a speaker's noun phrase.
  std::unordered_set<std::string> speech_stops;
  // Adverbs next to a speaker (بدوره، لاحقا): skipped before it, end it after.
  std::unordered_set<std::string> speaker_adverbs;
  // Words after which a number names rather than counts: رقم، المادة ...
  std::unordered_set<std::string> reference_words;
  // Words before a place: في، من، ب، داخل، قرب، شمال ...
  std::unordered_set<std::string> place_preps;
  // First words (match keys, without the article) of the names of bodies
  // that judge (محكمة، القضاء، النيابة), and of bodies that deliberate,
  // report or help and do not fight (مجلس، منظمة، وكالة، صحيفة ...): roles in
  // events are read from them.
  std::unordered_set<std::string> court_heads;
  std::unordered_set<std::string> civil_heads;
  // First words of outlets (صحيفة، قناة ...): they report events, never
  // take part in them.
  std::unordered_set<std::string> media_heads;
  // Verbs of reacting to an event (ندد، أدان ...): their subjects are not
  // its participants.
  std::unordered_set<std::string> reaction_verbs;
  // What "is estimated at" takes (بنسبة، بمعدل، بقيمة ...): no speaker.
  std::unordered_set<std::string> measure_words;
  // "Is considered" (يُعتبر، تُعتبر), which news writes in the passive.
  std::unordered_set<std::string> considered_verbs;
  // Verbs of estimating (قدّر), and the nouns of what is measured (حجم،
  // عدد، قيمة ...): such a noun right after the verb is what was estimated
  // (وقُدّر حجم الإنفاق بنحو ...), not who estimated it.
  std::unordered_set<std::string> estimate_verbs;
  std::unordered_set<std::string> measured_nouns;
  // Without, lack of (دون، بدون، عدم): no event follows them.
  std::unordered_set<std::string> without_words;
  // Words of sport (اللاعب، النادي، المدرب، الموسم) and of armed groups
  // (تنظيم، جماعة، داعش، كتائب، مقاتلين): joining or returning in a
  // sentence of the first that has none of the second is sport (a transfer,
  // a player back at training), not an enlistment or a repatriation.
  std::unordered_set<std::string> sport_words;
  std::unordered_set<std::string> armed_group_words;
  // Words right before an event's word that make it one not (yet)
  // happened: intending, planning, attempting, foiling, preventing, warning
  // of (يعتزم، خطة، محاولة، أحبط، منع، حذر ...); and words calling for what
  // follows إلى or ب (طالب، دعا، ناشد ...).
  std::unordered_set<std::string> unrealised_words;
  std::unordered_set<std::string> demand_words;
  // Verbs of resulting (أسفر، أدى، خلف, past and present): "ما أسفر عن
  // مقتل" tells what an event caused; "لم يسفر عن إصابات", that nothing was.
  std::unordered_set<std::string> result_verbs;
  // Places of detention (مركز، معسكر، سجن ...): "مركز الاحتجاز" is no arrest.
  std::unordered_set<std::string> detention_places;
  // Words before the target of an attack: على، ضد، استهدف، مقر، مواقع ...
  std::unordered_set<std::string> target_words;
};

const Lexicon& Lex();

}  // namespace marsad::extract::internal

#endif  // MARSAD_EXTRACT_INTERNAL_H_
