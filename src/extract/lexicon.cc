// The extractor's word lists. Small, curated, and written as a reader sees
// the words; they are folded to match keys once, on first use.
#include <initializer_list>
#include <utility>

#include "extract/internal.h"
#include "text/text.h"

namespace marsad::extract::internal {
namespace {

using text::MatchKey;

void AddSpeech(Lexicon* l, Speech kind, std::initializer_list<const char*> words) {
  for (const char* w : words) l->speech.emplace(MatchKey(w), kind);
}

void AddSet(std::unordered_set<std::string>* set, std::initializer_list<const char*> words) {
  for (const char* w : words) set->insert(MatchKey(w));
}

// Plural (or other) forms to one singular; the singular maps to itself, with
// and without the accusative alif of tanween (شخصا).
void AddNoun(Lexicon* l, const char* singular, std::initializer_list<const char*> forms,
             bool person) {
  const std::string key = MatchKey(singular);
  l->singular.emplace(key, singular);
  l->singular.emplace(key + "ا", singular);  // accusative: مقاتلا
  if (person) l->people.insert(key);
  for (const char* f : forms) l->singular.emplace(MatchKey(f), singular);
}

void AddUnit(Lexicon* l, const char* unit, std::initializer_list<const char*> words) {
  for (const char* w : words) l->units.emplace(MatchKey(w), unit);
}

void AddTrigger(Lexicon* l, const char* type, std::initializer_list<const char*> words) {
  for (const char* w : words) l->triggers.emplace(MatchKey(w), type);
}

Lexicon Build() {
  Lexicon l;
  // Reporting verbs, past and present, masculine, feminine and plural: said
  // (قال), added (أضاف), stressed (أكد), went on (تابع), pointed out (أشار),
  // revealed (كشف), explained (أوضح), considered (رأى، اعتبر), noted (لفت),
  // announced (أعلن), declared (صرح), mentioned (ذكر), reported (أفاد), stated
  // (أفاد), claimed (زعم), insisted (شدد), warned (حذر), denied (نفى),
  // confirmed (أكد), estimated (قدر), expected (توقع), continued (أردف،
  // استطرد), concluded (ختم), admitted (اعترف، أقر), told (أبلغ), deemed
  // likely (رجح), expressed (أعرب), wrote (كتب), tweeted (غرد), alleged (ادعى).
  AddSpeech(&l, Speech::kVerb,
            {"قال", "قالت", "قالوا", "يقول", "تقول", "يقولون", "أضاف", "أضافت", "أضافوا",
             "يضيف", "تضيف", "أكد", "أكدت", "أكدوا", "يؤكد", "تؤكد", "تابع", "تابعت",
             "أشار", "أشارت", "أشاروا", "يشير", "تشير", "كشف", "كشفت", "كشفوا", "يكشف",
             "أوضح", "أوضحت", "يوضح", "توضح", "رأى", "رأت", "يرى", "ترى", "لفت", "لفتت",
             "اعتبر", "اعتبرت", "يعتبر", "أعلن", "أعلنت", "أعلنوا", "صرح", "صرحت", "ذكر",
             "ذكرت", "أفاد", "أفادت", "زعم", "زعمت", "شدد", "شددت", "حذر", "حذرت", "نفى",
             "نفت", "قدر", "قدرت", "قدروا", "تقدر", "يقدر", "توقع", "توقعت", "أردف",
             "استطرد", "ختم", "اعترف", "اعترفت", "أقر", "أقرت", "أبلغ", "أبلغت", "أكد",
             "رجح", "رجحت", "يرجح", "ترجح", "أعرب", "أعربت", "كتب", "كتبت", "غرد", "غردت",
             "زعموا", "ادعى", "ادعت"});
  // Adverbial participles "saying", "adding", ...: قائلا، مضيفا، مؤكدا،
  // مشيرا، موضحا، معتبرا، لافتا، محذرا.
  AddSpeech(&l, Speech::kCarryVerb,
            {"قائلا", "قائلة", "مضيفا", "مضيفة", "مؤكدا", "مؤكدة", "مشيرا", "مشيرة",
             "موضحا", "موضحة", "معتبرا", "لافتا", "محذرا", "مشددا"});
  // Prepositions of attribution: according to (بحسب، حسب، وفق، وفقا، طبقا،
  // استنادا), quoting (نقلا), in the words of (على لسان).
  AddSpeech(&l, Speech::kPreposition,
            {"بحسب", "حسب", "وفق", "وفقا", "طبقا", "استنادا", "نقلا", "بحسبما", "حسبما",
             "وفقما"});
  // Transmitted speech: "نقلت الصحيفة عن الباحث ..." (the paper reported
  // from the researcher); نقل "reported", روى "narrated".
  AddSpeech(&l, Speech::kTransmit, {"نقل", "نقلت", "نقلوا", "تنقل", "ينقل", "روى", "روت"});

  // Heads of sources described without a name: sources (مصادر، مصدر),
  // official(s) (مسؤول), expert(s) (خبير), analyst(s) (محلل), witness(es)
  // (شاهد، شهود), estimates (تقديرات), reports (تقارير، تقرير), figures and
  // statistics (أرقام، بيانات، إحصاءات), authorities (السلطات), residents
  // (سكان، أهالي), activists (ناشطون), observers (مراقبون), one of (أحد),
  // media (وسائل)، parties (جهات)، circles (أوساط)، the indictment (لائحة)،
  // a spokesman (متحدث), a researcher (باحث), an officer (ضابط), a diplomat
  // (دبلوماسي), a lawyer (محامي), a doctor (طبيب), studies (دراسة).
  AddSet(&l.source_heads,
         {"مصادر", "مصدر", "مسؤول", "مسؤولون", "مسؤولين", "مسؤولة", "خبير", "خبراء",
          "محلل", "محللون", "محللين", "شاهد", "شهود", "تقديرات", "تقدير", "تقارير", "تقرير",
          "أرقام", "بيانات", "إحصاءات", "إحصائيات", "السلطات", "سلطات", "سكان", "أهالي",
          "ناشطون", "ناشطين", "ناشط", "مراقبون", "مراقبين", "أحد", "وسائل", "جهات", "أوساط",
          "لائحة", "متحدث", "باحث", "باحثون", "ضابط", "دبلوماسي", "دبلوماسيون", "محامي",
          "محام", "طبيب", "أطباء", "دراسة", "حسابات", "منظمات", "منظمة", "مسعفون",
          "مصادر", "مراسل", "مراسلنا", "مسؤولو", "خبراء",
          // accusative forms, as subjects after لكن/إن: "لكن مسؤولا قال"
          "مسؤولا", "مصدرا", "خبيرا", "ضابطا", "شاهدا", "باحثا", "محللا"});
  // Titles before a name, or standing for a person already named: the
  // researcher, the spokesman, the minister, the official, the commander,
  // the president, the director, the expert, the analyst, the lawyer, the
  // judge, the general, the colonel, the ambassador, the sheikh, the leader.
  AddSet(&l.titles,
         {"الباحث", "الباحثة", "المتحدث", "المتحدثة", "الناطق", "الوزير", "الوزيرة",
          "المسؤول", "المسؤولة", "القائد", "الرئيس", "المدير", "الخبير", "المحلل",
          "المحامي", "القاضي", "اللواء", "العميد", "العقيد", "الجنرال", "السفير", "الشيخ",
          "زعيم", "الزعيم", "النائب", "المستشار", "الأمين", "المحافظ", "الكاتب",
          "الصحفي", "المراسل", "الأستاذ", "الدكتور", "د", "السيد", "السيدة", "مدير",
          "رئيس", "وزير", "قائد", "أمير", "الأمير", "الملك", "ولي"});

  // Kinds of body a text names once and then by the kind alone ("أشارت
  // صحيفة الغارديان ... وأضافت الصحيفة"): newspaper (two words), magazine,
  // agency, ministry, organisation, authority, committee, council,
  // movement, group, organisation (تنظيم), party, front, company, channel,
  // foundation, association, court, mission, commission, embassy, union,
  // syndicate, league, brigades. Not the army or the police, which a text
  // names without naming one before (الجيش is the country's army).
  AddSet(&l.body_kinds,
         {"صحيفة", "جريدة", "مجلة", "وكالة", "وزارة", "منظمة", "هيئة", "لجنة", "مجلس", "حركة",
          "جماعة", "تنظيم", "حزب", "جبهة", "شركة", "قناة", "مؤسسة", "جمعية", "محكمة", "بعثة",
          "مفوضية", "سفارة", "اتحاد", "نقابة", "رابطة", "كتائب"});
  // organisation (two words), movement, group, party, front, brigades,
  // newspaper (two words), magazine, agency, company, channel, foundation,
  // association.
  AddSet(&l.naming_kinds, {"تنظيم", "منظمة", "حركة", "جماعة", "حزب", "جبهة", "كتائب", "صحيفة", "جريدة",
                           "مجلة", "وكالة", "شركة", "قناة", "مؤسسة", "جمعية"});

  // Counted nouns with their plurals. People: person, other (آخر: "41
  // others"), individual, soul, inhabitant, child, woman, man, fighter,
  // gunman, militant, civilian, soldier, element (member of a force),
  // policeman, officer, killed (قتيل), wounded (جريح), injured (مصاب),
  // prisoner, detainee, arrested (موقوف), suspect, accused, captive,
  // hostage, missing, refugee, displaced, migrant, citizen, foreigner,
  // returnee, traveller, victim, dead (وفاة), student, worker, journalist,
  // doctor, member, leader, commander, mourner, protester, pilgrim, visitor,
  // family, widow, orphan, youth, girl, boy, son, volunteer, recruit,
  // jihadist, extremist, terrorist, insurgent, passenger, patient, voter.
  AddNoun(&l, "شخص", {"أشخاص", "اشخاص", "شخصين", "شخصان"}, true);
  AddNoun(&l, "آخر", {"آخرين", "آخرون"}, true);
  AddNoun(&l, "فرد", {"أفراد"}, true);
  AddNoun(&l, "نفس", {"أنفس"}, true);
  AddNoun(&l, "نسمة", {"نسمه"}, true);
  AddNoun(&l, "طفل", {"أطفال", "طفلا", "طفلين"}, true);
  AddNoun(&l, "امرأة", {"نساء", "امرأتين", "سيدة", "سيدات"}, true);
  AddNoun(&l, "رجل", {"رجال", "رجلين"}, true);
  AddNoun(&l, "مقاتل", {"مقاتلين", "مقاتلون", "مقاتلي", "مقاتلو"}, true);
  AddNoun(&l, "مسلح", {"مسلحين", "مسلحون", "مسلحي"}, true);
  AddNoun(&l, "مدني", {"مدنيين", "مدنيون", "مدنيا"}, true);
  AddNoun(&l, "جندي", {"جنود", "جنديا", "جنديين"}, true);
  AddNoun(&l, "عنصر", {"عناصر"}, true);
  AddNoun(&l, "شرطي", {"شرطيين", "شرطيا", "رجال الشرطة"}, true);
  AddNoun(&l, "ضابط", {"ضباط"}, true);
  AddNoun(&l, "قتيل", {"قتلى"}, true);
  AddNoun(&l, "جريح", {"جرحى"}, true);
  AddNoun(&l, "مصاب", {"مصابين", "مصابون"}, true);
  AddNoun(&l, "سجين", {"سجناء", "سجينا"}, true);
  AddNoun(&l, "معتقل", {"معتقلين", "معتقلون"}, true);
  AddNoun(&l, "موقوف", {"موقوفين", "موقوفون"}, true);
  AddNoun(&l, "محتجز", {"محتجزين", "محتجزون"}, true);
  AddNoun(&l, "مشتبه", {"مشتبهين", "مشتبها"}, true);
  AddNoun(&l, "متهم", {"متهمين", "متهمون"}, true);
  AddNoun(&l, "مدان", {"مدانين", "مدانون"}, true);  // convicted
  AddNoun(&l, "أسير", {"أسرى"}, true);
  AddNoun(&l, "رهينة", {"رهائن"}, true);
  AddNoun(&l, "مفقود", {"مفقودين", "مفقودون"}, true);
  AddNoun(&l, "لاجئ", {"لاجئين", "لاجئون"}, true);
  AddNoun(&l, "نازح", {"نازحين", "نازحون"}, true);
  AddNoun(&l, "مهاجر", {"مهاجرين", "مهاجرون"}, true);
  AddNoun(&l, "مواطن", {"مواطنين", "مواطنون", "مواطني"}, true);
  AddNoun(&l, "أجنبي", {"أجانب"}, true);
  AddNoun(&l, "عائد", {"عائدين", "عائدون"}, true);
  AddNoun(&l, "مسافر", {"مسافرين", "مسافرون"}, true);
  AddNoun(&l, "ضحية", {"ضحايا"}, true);
  AddNoun(&l, "طالب", {"طلاب", "طلبة"}, true);
  AddNoun(&l, "عامل", {"عمال"}, true);
  AddNoun(&l, "صحفي", {"صحفيين", "صحفيون", "صحافيين"}, true);
  AddNoun(&l, "طبيب", {"أطباء"}, true);
  AddNoun(&l, "عضو", {"أعضاء"}, true);
  AddNoun(&l, "قيادي", {"قياديين", "قياديون"}, true);
  AddNoun(&l, "قائد", {"قادة"}, true);
  AddNoun(&l, "مشيع", {"مشيعين", "مشيعون"}, true);
  AddNoun(&l, "متظاهر", {"متظاهرين", "متظاهرون"}, true);
  AddNoun(&l, "محتج", {"محتجين", "محتجون"}, true);
  AddNoun(&l, "حاج", {"حجاج"}, true);
  AddNoun(&l, "زائر", {"زوار"}, true);
  AddNoun(&l, "أسرة", {"أسر"}, true);
  AddNoun(&l, "عائلة", {"عائلات"}, true);
  AddNoun(&l, "أرملة", {"أرامل"}, true);
  AddNoun(&l, "يتيم", {"أيتام"}, true);
  AddNoun(&l, "شاب", {"شباب", "شبان"}, true);
  AddNoun(&l, "فتاة", {"فتيات"}, true);
  AddNoun(&l, "ولد", {"أولاد"}, true);
  AddNoun(&l, "ابن", {"أبناء"}, true);
  AddNoun(&l, "متطوع", {"متطوعين", "متطوعون"}, true);
  AddNoun(&l, "مجند", {"مجندين", "مجندون"}, true);
  AddNoun(&l, "جهادي", {"جهاديين", "جهاديون"}, true);
  AddNoun(&l, "متطرف", {"متطرفين", "متطرفون"}, true);
  AddNoun(&l, "إرهابي", {"إرهابيين", "إرهابيون"}, true);
  AddNoun(&l, "مرتزق", {"مرتزقة"}, true);
  AddNoun(&l, "راكب", {"ركاب"}, true);
  AddNoun(&l, "مريض", {"مرضى"}, true);
  AddNoun(&l, "ناخب", {"ناخبين", "ناخبون"}, true);
  AddNoun(&l, "موظف", {"موظفين", "موظفون"}, true);
  AddNoun(&l, "مرافق", {"مرافقين", "مرافقيه", "مرافقي"}, true);
  AddNoun(&l, "ناشط", {"ناشطين", "ناشطون"}, true);
  AddNoun(&l, "مسعف", {"مسعفين", "مسعفون"}, true);
  // Things: attempt, case, operation, attack, raid, rocket, shell, drone,
  // car, house, building, village, town, country, cell, group, battalion,
  // weapon, device, mine, camp, prison, site, centre, account, message,
  // video, transfer, tonne (as a thing counted), project, school, hospital,
  // mosque, flight, day/month/year when counted as things.
  AddNoun(&l, "محاولة", {"محاولات"}, false);
  AddNoun(&l, "حالة", {"حالات"}, false);
  AddNoun(&l, "قضية", {"قضايا"}, false);
  AddNoun(&l, "عملية", {"عمليات"}, false);
  AddNoun(&l, "هجوم", {"هجمات"}, false);
  AddNoun(&l, "غارة", {"غارات"}, false);
  AddNoun(&l, "صاروخ", {"صواريخ"}, false);
  AddNoun(&l, "قذيفة", {"قذائف"}, false);
  AddNoun(&l, "طائرة", {"طائرات"}, false);
  AddNoun(&l, "سيارة", {"سيارات"}, false);
  AddNoun(&l, "منزل", {"منازل"}, false);
  AddNoun(&l, "مبنى", {"مبان", "مباني"}, false);
  AddNoun(&l, "قرية", {"قرى"}, false);
  AddNoun(&l, "بلدة", {"بلدات"}, false);
  AddNoun(&l, "مدينة", {"مدن"}, false);
  AddNoun(&l, "دولة", {"دول"}, false);
  AddNoun(&l, "خلية", {"خلايا"}, false);
  AddNoun(&l, "جماعة", {"جماعات"}, false);
  AddNoun(&l, "فصيل", {"فصائل"}, false);
  AddNoun(&l, "كتيبة", {"كتائب"}, false);
  AddNoun(&l, "سلاح", {"أسلحة"}, false);
  AddNoun(&l, "عبوة", {"عبوات"}, false);
  AddNoun(&l, "لغم", {"ألغام"}, false);
  AddNoun(&l, "مخيم", {"مخيمات"}, false);
  AddNoun(&l, "سجن", {"سجون"}, false);
  AddNoun(&l, "موقع", {"مواقع"}, false);
  AddNoun(&l, "مركز", {"مراكز"}, false);
  AddNoun(&l, "حساب", {"حسابات"}, false);
  AddNoun(&l, "رسالة", {"رسائل"}, false);
  AddNoun(&l, "تحويل", {"تحويلات"}, false);
  AddNoun(&l, "مشروع", {"مشاريع"}, false);
  AddNoun(&l, "مدرسة", {"مدارس"}, false);
  AddNoun(&l, "مستشفى", {"مستشفيات"}, false);
  AddNoun(&l, "مسجد", {"مساجد"}, false);
  AddNoun(&l, "رحلة", {"رحلات"}, false);
  AddNoun(&l, "جواز", {"جوازات"}, false);
  AddNoun(&l, "وثيقة", {"وثائق"}, false);
  AddNoun(&l, "تهمة", {"تهم"}, false);
  AddNoun(&l, "دعوى", {"دعاوى"}, false);
  AddNoun(&l, "انفجار", {"انفجارات"}, false);
  AddNoun(&l, "اشتباك", {"اشتباكات"}, false);
  AddNoun(&l, "مقعد", {"مقاعد"}, false);
  AddNoun(&l, "صوت", {"أصوات"}, false);
  AddSet(&l.generic_people, {"شخص", "آخر", "فرد", "نفس", "نسمة"});
  // Convicted or condemned (he, she), conviction or condemnation.
  AddSet(&l.convict_words, {"أدان", "أدانت", "إدانة"});
  // The words of, his words, the verse, a verse, a hadith, the words
  // (كلام), a saying, a statement, a line of verse, lines, the proverb.
  AddSet(&l.cited_words, {"بقول", "بقوله", "بالآية", "بآية", "بحديث", "بكلام", "بمقولة",
                          "بتصريح", "ببيت", "بأبيات", "بالمثل", "بمثل"});
  // virus, disease, diseases, corona, syndrome, cancer, AIDS, malaria,
  // measles, diabetes, cholera, influenza (two spellings), inflammation,
  // fever, infection, Ebola, paralysis, a stroke (clot).
  AddSet(&l.diseases, {"فيروس", "مرض", "أمراض", "كورونا", "متلازمة", "سرطان", "إيدز", "ملاريا",
                       "حصبة", "سكري", "كوليرا", "إنفلونزا", "انفلونزا", "التهاب", "حمى", "عدوى",
                       "إيبولا", "شلل", "جلطة"});
  // body, bodies, corpse, corpses, remains.
  AddSet(&l.remains, {"جثمان", "جثامين", "جثة", "جثث", "رفات"});
  // killed, wounded, injured, arrested, victim, missing.
  AddSet(&l.incident_people, {"قتيل", "جريح", "مصاب", "موقوف", "ضحية", "مفقود"});

  // Units after a number. Percent: % and "في المئة" (handled in code),
  // بالمئة، بالمائة. Money: dollar, euro, dinar, riyal, pound, lira,
  // dirham, rouble, somoni (Tajik), tenge (Kazakh), yuan. Durations: year
  // (عام، سنة), month, week, day, hour. Distance, weight.
  AddUnit(&l, "percent", {"%", "بالمئة", "بالمائة", "٪"});
  AddUnit(&l, "USD", {"دولار", "دولارا", "دولارات", "$"});
  AddUnit(&l, "EUR", {"يورو"});
  AddUnit(&l, "IQD", {"دينار", "دينارا", "دنانير"});  // country read after it
  AddUnit(&l, "SAR", {"ريال", "ريالا", "ريالات"});
  AddUnit(&l, "EGP", {"جنيه", "جنيها", "جنيهات"});
  AddUnit(&l, "TRY", {"ليرة", "ليرات"});
  AddUnit(&l, "AED", {"درهم", "درهما", "دراهم"});
  AddUnit(&l, "RUB", {"روبل", "روبلا", "روبلات"});
  AddUnit(&l, "TJS", {"سوموني"});
  AddUnit(&l, "KZT", {"تنغي", "تينغي"});
  AddUnit(&l, "CNY", {"يوان"});
  AddUnit(&l, "years", {"عام", "عاما", "أعوام", "سنة", "سنوات", "سنين", "عامين", "سنتين"});
  AddUnit(&l, "months", {"شهر", "شهرا", "أشهر", "شهور", "شهرين"});
  AddUnit(&l, "weeks", {"أسبوع", "أسبوعا", "أسابيع", "أسبوعين"});
  AddUnit(&l, "days", {"يوم", "يوما", "أيام", "يومين"});
  AddUnit(&l, "hours", {"ساعة", "ساعات", "ساعتين"});
  AddUnit(&l, "km", {"كيلومتر", "كيلومترا", "كيلومترات", "كلم", "كم"});
  AddUnit(&l, "m", {"متر", "مترا", "أمتار"});
  AddUnit(&l, "kg", {"كيلوغرام", "كيلوغراما", "كيلوجرام", "كغ", "كلغ"});
  AddUnit(&l, "tonne", {"طن", "طنا", "أطنان"});
  // Currency of a country word after the currency: American, Kuwaiti,
  // Jordanian, Libyan, Tunisian, Algerian, Bahraini, Qatari, Omani, Yemeni,
  // Egyptian, Sterling, Syrian, Lebanese, Turkish, Moroccan, Emirati, Iraqi,
  // Saudi.
  for (const auto& [word, code] : std::initializer_list<std::pair<const char*, const char*>>{
           {"أمريكي", "USD"}, {"أميركي", "USD"}, {"كويتي", "KWD"}, {"أردني", "JOD"},
           {"ليبي", "LYD"},   {"تونسي", "TND"},  {"جزائري", "DZD"}, {"بحريني", "BHD"},
           {"قطري", "QAR"},   {"عماني", "OMR"},  {"يمني", "YER"},   {"مصري", "EGP"},
           {"إسترليني", "GBP"}, {"استرليني", "GBP"}, {"سورية", "SYP"}, {"سوري", "SYP"},
           {"لبنانية", "LBP"}, {"لبناني", "LBP"}, {"تركية", "TRY"}, {"مغربي", "MAD"},
           {"إماراتي", "AED"}, {"عراقي", "IQD"},  {"سعودي", "SAR"}}) {
    l.currency_country.emplace(MatchKey(word), code);
    // In the accusative after an accusative currency: "831 دينارا بحرينيا".
    if (!MatchKey(word).ends_with(MatchKey("ة"))) l.currency_country.emplace(MatchKey(word) + MatchKey("ا"), code);
  }

  // Event triggers (verbs and verbal nouns).
  // killed: killing (مقتل، قتل), the dead (قتلى), death (مصرع، حتف),
  // martyrdom (استشهاد), "claimed the lives" (أودى), liquidation (تصفية),
  // assassination (اغتيال). لقي (met) needs حتفه/مصرعه, which are listed.
  AddTrigger(&l, "killed",
             {"مقتل", "قتل", "قتلت", "قتلوا", "يقتل", "قتلى", "مصرع", "حتفه", "حتفهم", "حتفها",
              "استشهاد", "استشهد", "استشهدوا", "أودى", "أودت", "تصفية", "اغتيال", "اغتيل",
              "اغتالت", "اغتال", "اغتالوا"});
  // injured: injury (إصابة، أصيب), wounding (جرح، جرحى).
  AddTrigger(&l, "injured",
             {"إصابة", "إصابات", "أصيب", "أصيبوا", "أصيبت", "جرح", "جرحى", "بجروح"});
  // attack: attack (هجوم، هاجم), bombing (تفجير، انفجار), targeting
  // (استهداف), air strike (غارة), shelling (قصف), ambush (كمين), assault
  // (اعتداء), suicide operation (عملية انتحارية: the noun عملية is too
  // general alone).
  AddTrigger(&l, "attack",
             {"هجوم", "هجمات", "هجوما", "هاجم", "هاجمت", "هاجموا", "تفجير", "تفجيرات", "انفجار",
              "فجر", "استهداف", "استهدف", "استهدفت", "غارة", "غارات", "قصف", "قصفت", "كمين",
              "اعتداء", "اقتحام", "اقتحم", "اقتحمت", "انتحارية", "انتحاري"});
  // arrested: arrest (اعتقال، اعتقل), detention (توقيف، أوقف، احتجاز),
  // capture (القبض), apprehending (ضبط: only with persons; see code).
  AddTrigger(&l, "arrested",
             {"اعتقال", "اعتقل", "اعتقلت", "اعتقلوا", "توقيف", "أوقف", "أوقفت", "احتجاز",
              "احتجز", "احتجزت", "القبض", "قبض", "تعتقل", "يعتقل", "اعتقالات"});
  // charged: accusation (اتهام، اتهم), indictment (لائحة اتهام), charges
  // brought (توجيه تهم).
  AddTrigger(&l, "charged", {"اتهام", "اتهم", "اتهمت", "اتهامات", "وجهت", "توجيه", "تهمة", "تهم"});
  // sentenced: sentenced (حكمت، حكم عليه، قضت), a sentence (حكما), to
  // prison (بالسجن), to death (بالإعدام), conviction (إدانة، أدان).
  AddTrigger(&l, "sentenced",
             {"حكمت", "حكما", "بالسجن", "بسجن", "بسجنه", "بالإعدام", "بإعدام", "بإعدامه", "إدانة",
              "أدانت", "أدين", "قضت", "بالحبس", "بحبس", "المؤبد"});
  // escaped: flight (فرار، فر), escape (هروب، هرب), smuggling out (تهريب).
  AddTrigger(&l, "escaped", {"فرار", "فر", "فروا", "هروب", "هرب", "هربوا", "تهريب"});
  // riot: riot (شغب), mutiny (تمرد، عصيان).
  AddTrigger(&l, "riot", {"شغب", "تمرد", "عصيان", "فوضى"});
  // returned: return (عودة، عاد), repatriation (إعادة، أعاد، استعادة،
  // ترحيل، إجلاء), handover (تسليم، تسلمت).
  AddTrigger(&l, "returned",
             {"عودة", "عاد", "عادت", "عادوا", "إعادة", "أعادت", "أعاد", "استعادة", "استعادت",
              "ترحيل", "رحلت", "إجلاء", "تسلمت", "تسلم", "تسليم", "أعيد", "أعيدوا"});
  // joined: joining (انضمام، انضم), enlisting (التحاق، التحق), allegiance
  // (بايع، مبايعة), engagement (انخرط).
  AddTrigger(&l, "joined",
             {"انضمام", "انضم", "انضمت", "انضموا", "التحاق", "التحق", "التحقت", "التحقوا", "بايع",
              "مبايعة", "انخرط", "ينضم", "يلتحق", "للانضمام", "بالانضمام"});
  // left: defection (انشقاق، انشق، منشق).
  AddTrigger(&l, "left", {"انشق", "انشقاق", "انشقت", "انشقوا", "منشق"});
  // agreement: agreement (اتفاق، اتفاقية), treaty (معاهدة), memorandum
  // (مذكرة). The verb وقع (signed) is also "happened", so it is left out.
  AddTrigger(&l, "agreement",
             {"اتفاق", "اتفاقية", "اتفاقا", "معاهدة", "مذكرة"});
  // statement: a statement issued (بيانا, the object of أصدر; "في بيان" is
  // only an attribution), claimed responsibility (تبنت، تبنى).
  AddTrigger(&l, "statement", {"بيانا", "تبنت", "تبنى", "تبني"});

  // Words that end a speaker's noun phrase: that (إن، أن، بأن، أنه ...),
  // his words (قوله), in (a statement), to (an outlet), on (a day), while,
  // after, today, yesterday.
  AddSet(&l.speech_stops,
         {"إن", "أن", "بأن", "إنه", "أنه", "إنها", "أنها", "بأنه", "بأنها", "إنهم", "أنهم",
          "بأنهم", "قوله", "قولها", "قولهم", "خلال", "اليوم", "أمس", "عن", "الذي", "التي",
          "الذين", "حيث", "بعد", "قبل", "أيضا", "كذلك", "عبر", "على", "إلى", "لـ", "ل", "مع",
          "عقب", "إثر", "لدى", "هذا", "هذه", "ذلك", "تلك"});
  // Adverbs around the speaker, never part of it: later, earlier, again,
  // recently, officially, in turn, then, openly; "in reply to",
  // "commenting on" (with the word after على).
  AddSet(&l.speaker_adverbs, {"لاحقا", "سابقا", "مجددا", "مؤخرا", "رسميا", "بدوره", "بدورها",
                              "بدورهم", "حينها", "آنذاك", "علنا", "صراحة", "ردا", "تعليقا"});
  // Number, resolution, article, law, paragraph, clause, rank, page,
  // episode, round, chapter, model, edition (not فصل, "dismissed", nor
  // إصدار, "issuing").
  AddSet(&l.reference_words,
         {"رقم", "الرقم", "قرار", "القرار", "مادة", "المادة", "قانون", "القانون", "فقرة",
          "الفقرة", "بند", "البند", "مرتبة", "المرتبة", "صفحة", "الصفحة", "حلقة", "الحلقة",
          "جولة", "الجولة", "الفصل", "طراز", "الطراز", "موديل",
          "نسخة", "النسخة"});
  // Before a place: in, from, at (ب), inside, near, north/south/east/west
  // of, in the vicinity of, to (إلى), towards.
  // A court, the judiciary, the prosecution, a judge.
  AddSet(&l.court_heads, {"محكمة", "محاكم", "قضاء", "نيابة", "قاضي", "قاض"});
  // A council, an organisation, the nations (الأمم المتحدة), a body, an
  // agency, a newspaper, a channel, a university, a committee, a commission,
  // the cross and the crescent (Red Cross, Red Crescent), a parliament, a
  // union, a company, a bank, a fund, a programme, a centre, an observatory.
  AddSet(&l.civil_heads, {"مجلس", "منظمة", "امم", "هيئة", "وكالة", "صحيفة", "جريدة", "قناة",
                          "جامعة", "لجنة", "مفوضية", "صليب", "هلال", "برلمان", "اتحاد", "شركة",
                          "بنك", "مصرف", "صندوق", "برنامج", "مركز", "مرصد", "جمعية"});
  // A newspaper, a daily, a magazine, a channel, a radio, a television (a
  // news agency is told from other agencies where it is named; not موقع,
  // a website but also a military position).
  AddSet(&l.media_heads, {"صحيفة", "جريدة", "مجلة", "قناة", "إذاعة", "تلفزيون"});
  // Denounced, condemned, deplored, decried, offered condolences, expressed,
  // praised, welcomed (and their feminine and plural forms as written).
  AddSet(&l.reaction_verbs,
         {"ندد", "نددت", "أدان", "أدانت", "دان", "دانت", "استنكر", "استنكرت", "شجب", "شجبت",
          "عزى", "عزت", "أعرب", "أعربت", "ثمن", "ثمنت", "رحب", "رحبت", "يدين", "تدين",
          "يستنكر", "تستنكر", "ينددون", "أدانوا", "استنكروا", "نددوا"});
  // At a rate of, at an average of, at a value of, at an amount of, at
  // about, at more than, at less than, at a size of.
  AddSet(&l.measure_words, {"بنسبة", "بمعدل", "بقيمة", "بمبلغ", "بحوالي", "بحوالى", "بنحو", "بأكثر",
                            "بأقل", "بحجم", "بواقع", "بما"});
  // Is considered (he, she).
  AddSet(&l.considered_verbs, {"يعتبر", "تعتبر"});
  // Estimated (he, she), is estimated (she, he); size, number, value,
  // share, total, average, rate, cost (two words), length, area, volume,
  // amount.
  AddSet(&l.estimate_verbs, {"قدر", "قدرت", "تقدر", "يقدر"});
  AddSet(&l.measured_nouns, {"حجم", "عدد", "قيمة", "نسبة", "إجمالي", "متوسط", "معدل", "تكلفة", "كلفة",
                             "طول", "مساحة", "كمية", "مبلغ"});
  AddSet(&l.without_words, {"دون", "بدون", "دونما", "عدم"});
  // Player(s), club, his club, coach, league, national team, match(es), a
  // goal, loan, signing, deal, season(s), professional, football,
  // transfers, championship. Not الفريق (a team, also a lieutenant
  // general), معسكر (a training camp, also a military one), الشباب (the
  // young, a club, and the Somali group) or أهداف (goals, also aims).
  AddSet(&l.sport_words,
         {"لاعب", "اللاعب", "لاعبا", "لاعبين", "اللاعبين", "نادي", "النادي", "ناديه", "المدرب", "مدرب",
          "الدوري", "المنتخب", "منتخب", "مباراة", "المباراة", "مباريات", "المباريات", "هدفا", "إعارة",
          "الإعارة", "استعارة", "التعاقد", "تعاقد", "صفقة", "الصفقة", "الموسم", "موسم", "مواسم",
          "المحترف", "محترف", "الكروي", "كرة", "الانتقالات", "البطولة", "بطولة"});
  // Organisation, group, ISIS, al-Qaeda, al-Nusra, battalion(s), militia(s),
  // armed, terrorist, extremist, jihadist, fighters, Houthis, Hezbollah's
  // party, the Mobilisation, faction(s), Taliban.
  AddSet(&l.armed_group_words,
         {"تنظيم", "التنظيم", "جماعة", "الجماعة", "داعش", "القاعدة", "النصرة", "كتيبة", "كتائب",
          "ميليشيا", "ميليشيات", "الميليشيات", "مليشيا", "مليشيات", "مسلحة", "المسلحة", "مسلحين",
          "المسلحين", "إرهابي", "الإرهابي", "إرهابية", "الإرهابية", "متطرف", "المتطرف", "المتطرفة",
          "جهادي", "الجهادي", "الجهاديين", "جهاديين", "مقاتل", "مقاتلين", "المقاتلين", "الحوثي",
          "الحوثيين", "حزب", "الحشد", "فصيل", "فصائل", "طالبان"});
  // Intends (he, she, they), plans (verb and noun), seeks, wants, is
  // scheduled or expected (المقرر، المتوقع، المزمع), an attempt,
  // attempts; foiled, foiling; prevented, to prevent; avoiding; warned, a
  // warning; for fear of.
  AddSet(&l.unrealised_words,
         {"يعتزم", "تعتزم", "يعتزمون", "ينوي", "تنوي", "يخطط", "تخطط", "خطة", "خطط", "يسعى",
          "تسعى", "يريد", "تريد", "يرغب", "ترغب", "المقرر", "المتوقع", "المزمع", "محاولة",
          "محاولات", "أحبط", "أحبطت", "إحباط", "منع", "لمنع", "يمنع", "تمنع", "تفادي", "تجنب",
          "حذر", "حذرت", "تحذير", "خشية"});
  // Demanded, demands, a demand; called for, calls for, a call; appealed.
  AddSet(&l.demand_words,
         {"طالب", "طالبت", "طالبوا", "يطالب", "تطالب", "يطالبون", "مطالبة", "مطالبات", "دعا", "دعت",
          "دعوا", "يدعو", "تدعو", "دعوة", "دعوات", "ناشد", "ناشدت"});
  AddSet(&l.result_verbs, {"أسفر", "أسفرت", "يسفر", "تسفر", "أدى", "أدت", "يؤد", "تؤد", "يؤدي",
                           "تؤدي", "أودى", "أودت", "خلف", "خلفت", "يخلف", "تخلف", "يسجل", "تسجل"});
  // Centre(s), camp(s), prison(s), house, facilities, cells, ward.
  AddSet(&l.detention_places, {"مركز", "مراكز", "معسكر", "معسكرات", "سجن", "سجون", "دار", "مرافق",
                               "زنزانة", "زنازين", "عنبر", "مقر", "مخيم"});
  // On, against, headquarters (of), positions, gatherings, strongholds,
  // convoy. Not استهدف (targeted): the name after it is as often its
  // subject ("استهدف تنظيم داعش مسجدا").
  AddSet(&l.target_words, {"على", "ضد", "مقر", "مقار", "مواقع", "تجمعات", "معاقل", "موكب", "مقرات"});
  AddSet(&l.place_preps,
         {"في", "من", "داخل", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي",
          "شرقي", "غربي", "وسط", "إلى", "نحو", "ضواحي", "أطراف", "محيط", "بمحيط", "بمدينة",
          "مدينة", "منطقة", "بمنطقة", "محافظة", "بمحافظة", "ولاية", "بولاية", "إقليم", "قضاء",
          // and their plurals: "في محافظات مأرب وعمران"
          "مدن", "مناطق", "محافظات", "ولايات", "أقاليم", "بلدة", "بلدات", "قرية", "قرى",
          // the capital, where it is the place (checked in PlaceNear)
          "العاصمة", "عاصمة"});
  return l;
}

}  // namespace

const Lexicon& Lex() {
  static const Lexicon lexicon = Build();
  return lexicon;
}

}  // namespace marsad::extract::internal
