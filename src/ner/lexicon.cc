// The lexicon: corpus statistics, curated word lists and gazetteers.
#include <zlib.h>

#include <algorithm>
#include <map>
#include <sstream>

#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/ucurr.h>
#include <unicode/unistr.h>

#include "ner/internal.h"

namespace marsad::ner::internal {
namespace {

// Match-key spellings of the leading clitics (see StemOf).
constexpr std::string_view kWaw = "و";      // and
constexpr std::string_view kFa = "ف";       // so, then
constexpr std::string_view kBa = "ب";       // in, with
constexpr std::string_view kKaf = "ك";      // like
constexpr std::string_view kLam = "ل";      // for, to
constexpr std::string_view kArticle = "ال";  // the
constexpr std::string_view kLamLam = "لل";  // ل + ال with the alef elided: for the

// Curated lists, written for marsad. Each group's meaning is in its comment;
// the words are the commonest forms in news, with and without the article
// where both occur (both reduce to one stem only when the corpus says so).
struct List {
  uint32_t classes;
  uint16_t gazetteers;
  std::initializer_list<const char*> words;
};

const List kLists[] = {
    // Titles a person's name follows: president, king, prince, sheikh, Mr,
    // Mrs, doctor (and its abbreviation), minister, professor, engineer,
    // military ranks (colonel, major general, brigadier, general, field
    // marshal, lieutenant general, major, captain), judge, adviser,
    // ambassador, deputy, imam, pope, queen, princess, sultan, bishop,
    // rabbi, father, leader, commander, guide, mufti, pilgrim, senator,
    // envoy, representative.
    {kPersonTitle, 0,
     {"الرئيس", "رئيس", "الرئيسة", "رئيسة", "الملك", "ملك", "الأمير", "أمير", "الشيخ", "شيخ",
      "السيد", "السيدة", "الدكتور", "الدكتورة", "د", "الوزير", "وزير", "وزيرة", "الوزيرة",
      "الأستاذ", "البروفيسور", "المهندس", "العقيد", "اللواء", "العميد", "الجنرال", "المشير",
      "الفريق", "الرائد", "النقيب", "القاضي", "المستشار", "المستشارة", "السفير", "سفير",
      "النائب", "الإمام", "البابا", "الملكة", "الأميرة", "السلطان", "الشيخة", "المطران",
      "الحاخام", "الأب", "الزعيم", "زعيم", "القائد", "قائد", "المرشد", "المفتي", "الحاج",
      "السناتور", "المبعوث", "مبعوث", "المندوب", "ولي"}},
    // Roles a name often follows: player, coach, spokesman (two words),
    // director, manager, secretary, expert, analyst, correspondent, writer,
    // poet, novelist, artist, actor, actress, singer, director (film),
    // journalist, researcher, referee, the accused, detainee, prisoner,
    // martyr, the late.
    {kPersonRole, 0,
     {"اللاعب", "لاعب", "المدرب", "مدرب", "المتحدث", "الناطق", "المتحدثة", "المدير", "مدير",
      "المديرة", "الأمين", "الخبير", "المحلل", "المراسل", "الكاتب", "الكاتبة", "الشاعر",
      "الروائي", "الفنان", "الفنانة", "الممثل", "الممثلة", "المطرب", "المطربة", "المخرج",
      "الصحفي", "الصحافي", "الباحث", "الحكم", "المتهم", "المعتقل", "الأسير", "الشهيد",
      "الراحل", "الفقيد", "نجم", "النجم", "مساعد", "نائب"}},
    // Particles inside person names: son of, daughter of, father of, servant
    // of (in compound names), family of, mother of.
    {kNameParticle, 0, {"بن", "ابن", "بنت", "ابنة", "أبو", "أبي", "أبا", "عبد", "آل", "أم"}},
    // Common given names, male then female.
    {kGivenName, kGazPerson,
     {"محمد", "أحمد", "علي", "حسن", "حسين", "محمود", "مصطفى", "خالد", "عمر", "عثمان",
      "إبراهيم", "يوسف", "عبدالله", "سعيد", "سعد", "سالم", "سليمان", "صالح", "طارق", "عادل",
      "عماد", "فهد", "فيصل", "ماجد", "مازن", "ناصر", "نبيل", "هشام", "وليد", "ياسر", "يحيى",
      "زياد", "سامي", "سمير", "رامي", "كريم", "جمال", "كمال", "منير", "نادر", "نزار", "حمد",
      "حمزة", "بلال", "أنس", "أيمن", "أسامة", "باسل", "بشار", "بشير", "جابر", "جعفر", "حازم",
      "حامد", "رضا", "سلمان", "شريف", "صلاح", "طلال", "عاطف", "عامر", "عباس", "عدنان",
      "عصام", "علاء", "غسان", "فادي", "فارس", "فؤاد", "قاسم", "ماهر", "مراد", "مروان",
      "معاذ", "منصور", "مهدي", "موسى", "هاني", "هيثم", "وائل", "ياسين", "يونس", "إسماعيل",
      "إلياس", "جورج", "ميشال", "بطرس", "حنا", "يعقوب", "داود", "زكريا", "عيسى", "نعيم",
      "مهند", "أمجد", "عمار", "ثامر", "رائد", "مؤيد", "ليث", "قصي", "نواف",
      "فاطمة", "عائشة", "مريم", "زينب", "خديجة", "سارة", "ليلى", "هدى", "منى", "سلمى",
      "نادية", "رانيا", "هالة", "سعاد", "أمل", "نوال", "ريم", "لينا", "ياسمين", "سميرة"}},
    // Compound given names of two words: servant of God, of the Merciful, of
    // the Generous, of the Aziz; father of Bakr.
    {0, kGazPerson, {"عبد الله", "عبد الرحمن", "عبد الكريم", "عبد العزيز", "أبو بكر"}},
    // Words an organisation name starts with or follows: ministry, agency
    // (apparatus), movement, organisation, group, newspaper (two words),
    // magazine, news agency, company, foundation, organisation, party,
    // association, union, club, university, council, authority, committee,
    // bank (two words), court, parliament, channel, television, radio,
    // centre, institute, academy, office, group, brigades, front, alliance,
    // coalition, forces, army, commission, authority, municipality, forum,
    // league, syndicate, chamber, fund, hospital, school, college, house
    // (publishers), team, corps, battalion.
    {kOrgTrigger, 0,
     {"وزارة", "جهاز", "حركة", "تنظيم", "جماعة", "صحيفة", "جريدة", "مجلة", "وكالة", "شركة",
      "مؤسسة", "منظمة", "حزب", "جمعية", "اتحاد", "نادي", "جامعة", "مجلس", "هيئة", "لجنة",
      "بنك", "مصرف", "محكمة", "برلمان", "قناة", "تلفزيون", "إذاعة", "مركز", "معهد",
      "أكاديمية", "مكتب", "مجموعة", "كتائب", "جبهة", "تحالف", "ائتلاف", "قوات", "جيش",
      "مفوضية", "سلطة", "بلدية", "منتدى", "رابطة", "نقابة", "غرفة", "صندوق", "مستشفى",
      "مدرسة", "كلية", "دار", "فريق", "فيلق", "كتيبة", "شرطة", "الشرطة", "الجيش"}},
    // Words that end organisation names: for news, united, international
    // (both genders), for media, for studies, for development, for investment.
    {kOrgSuffix, 0,
     {"للأنباء", "المتحدة", "الدولي", "الدولية", "للإعلام", "للدراسات", "للتنمية",
      "للاستثمار"}},
    // Words a place name follows: city, governorate, region, state, area,
    // town, village, province, capital, island, islands, river, sea,
    // mountain, mountains, desert, port, airport, camp, quarter, street,
    // square, district, countryside, country, land, gulf, strait, valley,
    // plain, lake, ocean, continent, border crossing.
    {kLocTrigger, 0,
     {"مدينة", "محافظة", "إقليم", "ولاية", "منطقة", "بلدة", "قرية", "مقاطعة", "عاصمة",
      "جزيرة", "جزر", "نهر", "بحر", "جبل", "جبال", "صحراء", "ميناء", "مطار", "مخيم", "حي",
      "شارع", "ساحة", "قضاء", "ريف", "دولة", "بلاد", "خليج", "مضيق", "وادي", "سهل", "بحيرة",
      "المحيط", "قارة", "معبر"}},
    // Directions and parts that a place name follows: north, south, east,
    // west (nouns and adjectives), middle, all over, suburbs, outskirts.
    {kDirection, 0,
     {"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "أنحاء",
      "ضواحي", "أطراف"}},
    // Verbs of saying: said (m, f), stressed, announced, stated, added,
    // explained, pointed out, mentioned, reported, says, considered, revealed.
    {kSpeechVerb, 0,
     {"قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "صرح", "صرحت", "أضاف", "أضافت", "أوضح",
      "أوضحت", "أشار", "أشارت", "ذكر", "ذكرت", "نقل", "نقلت", "يقول", "تقول", "اعتبر",
      "كشف", "كشفت"}},
    // Currencies, which ANERcorp tags MISC: dollar, dollars (accusative,
    // plural), euro, pound, dirham(s), riyal(s), dinar(s), lira, shekel,
    // franc, rouble, yen, yuan, rupee.
    {kCurrency, kGazCurrency,
     {"دولار", "دولارا", "دولارات", "يورو", "جنيه", "جنيهات", "درهم", "دراهم", "ريال",
      "ريالات", "دينار", "دنانير", "ليرة", "شيكل", "فرنك", "روبل", "ين", "يوان", "روبية"}},
    // Words that start or precede other names (MISC): championship, prize,
    // festival, cup, exhibition, conference, agreement (two words), war,
    // operation, series, film, book, novel, summit, tournament, olympics,
    // world cup.
    {kMiscTrigger, 0,
     {"بطولة", "جائزة", "مهرجان", "كأس", "معرض", "مؤتمر", "اتفاقية", "اتفاق", "حرب",
      "عملية", "مسلسل", "فيلم", "كتاب", "رواية", "قمة", "دورة", "أولمبياد", "مونديال"}},
    // International and regional organisations, parties and armed groups,
    // media, institutions: the United Nations, the Security Council, the
    // European Union, the Arab League, NATO (three ways), the PLO, Hamas,
    // Hezbollah, Fatah, al-Qaeda, ISIS (two ways), the Taliban, the Red
    // Cross, the Red Crescent, the IMF, the World Bank, the WHO, UNESCO,
    // UNICEF, the WTO, Interpol, the Gulf Cooperation Council (two ways), the
    // UN agencies by their full names (UNESCO, UNICEF, UNHCR two ways, FAO,
    // UNDP, WFP), the African
    // Union, the OIC, Reuters, AFP, AP, the BBC, CNN, Congress, the Knesset,
    // the Pentagon, the IAEA, the Muslim Brotherhood.
    {0, kGazOrg,
     {"الأمم المتحدة", "مجلس الأمن", "الاتحاد الأوروبي", "جامعة الدول العربية",
      "حلف شمال الأطلسي", "الناتو", "حلف الناتو", "منظمة التحرير الفلسطينية", "حماس",
      "حزب الله", "فتح", "القاعدة", "داعش", "تنظيم الدولة", "طالبان", "الصليب الأحمر",
      "الهلال الأحمر", "صندوق النقد الدولي", "البنك الدولي", "منظمة الصحة العالمية",
      "اليونسكو", "اليونيسيف", "منظمة التجارة العالمية", "الإنتربول", "مجلس التعاون الخليجي",
      "مجلس التعاون لدول الخليج العربية", "منظمة الأمم المتحدة للتربية والعلم والثقافة",
      "منظمة الأمم المتحدة للطفولة", "مفوضية الأمم المتحدة لشؤون اللاجئين",
      "المفوضية السامية للأمم المتحدة لشؤون اللاجئين", "منظمة الأمم المتحدة للأغذية والزراعة",
      "برنامج الأمم المتحدة الإنمائي", "برنامج الأغذية العالمي",
      "الاتحاد الأفريقي", "منظمة التعاون الإسلامي", "رويترز", "فرانس برس", "أسوشيتد برس",
      "بي بي سي", "سي إن إن", "الكونغرس", "الكنيست", "البنتاغون",
      "الوكالة الدولية للطاقة الذرية", "الإخوان المسلمين", "الإخوان المسلمون"}},
    // Cities and regions in the news that ICU's exemplar cities lack: in
    // Syria, Iraq, Palestine, Egypt, Libya, Lebanon, the Gulf, Yemen, Sudan,
    // the Maghreb, Turkey, Iran, Afghanistan, Pakistan, Central Asia and the
    // Caucasus.
    {0, kGazCity,
     {"حلب", "حمص", "حماة", "إدلب", "الرقة", "دير الزور", "درعا", "اللاذقية", "طرطوس",
      "الموصل", "البصرة", "كركوك", "الفلوجة", "الرمادي", "تكريت", "أربيل", "النجف",
      "كربلاء", "السليمانية", "غزة", "رام الله", "نابلس", "الخليل", "جنين", "القدس",
      "الإسكندرية", "الجيزة", "أسوان", "الأقصر", "بورسعيد", "سيناء", "بنغازي", "مصراتة",
      "سرت", "طرابلس", "صيدا", "زحلة", "جدة", "مكة", "المدينة المنورة", "الدمام", "الطائف",
      "تبوك", "أبها", "المنامة", "الدوحة", "أبوظبي", "دبي", "الشارقة", "مسقط", "صنعاء",
      "عدن", "تعز", "الحديدة", "مأرب", "حضرموت", "الخرطوم", "أم درمان", "دارفور",
      "نواكشوط", "الرباط", "الدار البيضاء", "فاس", "مراكش", "طنجة", "وهران", "قسنطينة",
      "صفاقس", "إسطنبول", "أنقرة", "طهران", "كابول", "قندهار", "إسلام آباد", "كراتشي",
      "لاهور", "دوشنبه", "طشقند", "بيشكيك", "ألماتي", "أستانا", "موسكو", "غروزني",
      "الشيشان", "داغستان", "واشنطن", "نيويورك", "لندن", "باريس", "برلين", "بروكسل",
      "جنيف", "فيينا", "بكين", "طوكيو", "كشمير", "خراسان"}},
};

// Gazetteer text must be display-normalised words separated by spaces.
std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> words;
  const std::string display = text::Normalize(s).text;
  std::istringstream in(display);
  for (std::string w; in >> w;) words.push_back(std::move(w));
  return words;
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

bool HasArabic(std::string_view s) {
  // Every Arabic letter's UTF-8 encoding starts with 0xD8-0xDB.
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b >= 0xD8 && b <= 0xDB;
  });
}

// Names in parentheses or after a comma are qualifiers ("هونغ كونغ الصينية
// (منطقة إدارية خاصة)"), not part of the name.
std::string CleanName(std::string name) {
  for (std::string_view cut : {"(", "،", ","}) {
    const size_t at = name.find(cut);
    if (at != std::string::npos) name.resize(at);
  }
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return name;
}

void AddIcuNames(Lexicon* lexicon) {
  const icu::Locale arabic("ar");
  for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
    icu::UnicodeString name;
    icu::Locale("", *code).getDisplayCountry(arabic, name);
    const std::string s = CleanName(ToUtf8(name));
    if (HasArabic(s)) lexicon->AddEntry(s, 0, kGazCountry);
  }

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZoneNames> names(icu::TimeZoneNames::createInstance(arabic, status));
  std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createEnumeration(status));
  if (U_SUCCESS(status) && names && zones) {
    while (const icu::UnicodeString* id = zones->snext(status)) {
      if (U_FAILURE(status)) break;
      icu::UnicodeString city;
      names->getExemplarLocationName(*id, city);
      const std::string s = CleanName(ToUtf8(city));
      if (HasArabic(s)) lexicon->AddEntry(s, 0, kGazCity);
    }
  }

  status = U_ZERO_ERROR;
  UEnumeration* currencies = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &status);
  if (U_SUCCESS(status)) {
    while (const char* code = uenum_next(currencies, nullptr, &status)) {
      if (U_FAILURE(status)) break;
      UErrorCode s2 = U_ZERO_ERROR;
      UBool is_choice = false;
      int32_t length = 0;
      const UChar* name = ucurr_getName(icu::UnicodeString(code, -1, US_INV).getTerminatedBuffer(),
                                        "ar", UCURR_LONG_NAME, &is_choice, &length, &s2);
      if (U_FAILURE(s2) || !name) continue;
      const std::string s = CleanName(ToUtf8(icu::UnicodeString(name, length)));
      if (HasArabic(s)) lexicon->AddEntry(s, 0, kGazCurrency);
    }
    uenum_close(currencies);
  }
}

}  // namespace

std::string Lexicon::StemOf(std::string_view key, size_t min_letters) const {
  // Without counts (no corpus, or a word it never saw) only the article and
  // what precedes it are safe to strip: before a bare noun و ب ل ك may be the
  // first letter of a name (وليد، بلال، لبنان، كندا).
  const auto by_rule = [&]() -> std::string {
    std::string_view k = key;
    if (k.starts_with(kWaw) || k.starts_with(kFa)) k.remove_prefix(2);
    if (k.starts_with(kLamLam) && k.size() >= 10) return std::string(k.substr(4));
    if (k.starts_with(kBa) || k.starts_with(kKaf)) k.remove_prefix(2);
    if (k.starts_with(kArticle) && k.size() >= 10) return std::string(k.substr(4));
    return std::string(key);
  };
  if (corpus_.empty()) return by_rule();
  std::string best(key);
  uint32_t best_count = 0;
  if (const CorpusStats* s = Stats(key)) best_count = s->count;
  auto consider = [&](std::string_view candidate) {
    // Arabic letters are two bytes in UTF-8. With three letters at least, يد
    // (hand) is no stem of وليد.
    if (candidate.size() < 2 * min_letters) return;
    const CorpusStats* s = Stats(candidate);
    if (s && s->count > best_count) {
      best_count = s->count;
      best.assign(candidate);
    }
  };
  std::string_view k = key;
  for (int conj = 0; conj < 2; ++conj) {
    if (conj == 1) {
      if (!k.starts_with(kWaw) && !k.starts_with(kFa)) break;
      k.remove_prefix(2);
      consider(k);
    }
    std::string_view p = k;
    if (p.starts_with(kLamLam)) {
      consider(std::string(kArticle) + std::string(p.substr(4)));
      consider(p.substr(4));
      continue;
    }
    if (p.starts_with(kBa) || p.starts_with(kKaf) || p.starts_with(kLam)) {
      p.remove_prefix(2);
      consider(p);
    }
    if (p.starts_with(kArticle)) consider(p.substr(4));
  }
  return best_count > 0 ? best : by_rule();
}

const CorpusStats* Lexicon::Stats(std::string_view stem) const {
  auto it = corpus_.find(stem);
  return it == corpus_.end() ? nullptr : &it->second;
}

std::vector<std::string_view> Lexicon::StemsSeen(uint32_t min_count) const {
  std::vector<std::string_view> out;
  for (const auto& [stem, stats] : corpus_) {
    if (stats.count >= min_count) out.push_back(stem);
  }
  return out;
}

uint32_t Lexicon::Classes(std::string_view stem) const {
  auto it = classes_.find(stem);
  return it == classes_.end() ? 0 : it->second;
}

namespace {

// The stem of a relative adjective: without ية, يه (ة folded) or ي; empty
// if it has none of them.
std::string_view NisbaBase(std::string_view s) {
  for (const std::string_view ending : {std::string_view("ية"), std::string_view("يه"),
                                        std::string_view("ي")}) {
    if (s.ends_with(ending)) return s.substr(0, s.size() - ending.size());
  }
  return {};
}

}  // namespace

bool Lexicon::IsNationality(std::string_view key) const {
  // Adjectives of countries the gazetteers name in several words or not at
  // all (الولايات المتحدة، المملكة المتحدة، الإمارات العربية المتحدة،
  // كوريا الجنوبية): American (two spellings), British, Emirati, Korean,
  // English (two spellings).
  static const text::internal::StringSet kOtherBases = text::internal::MatchKeySet(
      {"أمريك", "أميرك", "بريطان", "إمارات", "كور", "إنجليز", "إنكليز"});
  if (!key.starts_with(kArticle)) return false;
  const std::string_view base = NisbaBase(key.substr(kArticle.size()));
  if (kOtherBases.contains(base)) return true;
  return base.size() >= 4 && nationality_bases_.contains(base);
}

bool Lexicon::IsPeople(std::string_view key) const {
  // Peoples no country is named after, in the plurals the news uses: Kurds
  // (أكراد، كرد), Amazigh, Pashtuns, Uyghurs (two spellings), Hazaras,
  // Baloch, Circassians, Turkmens, Armenians, Assyrians.
  static const text::internal::StringSet kStateless = text::internal::MatchKeySet(
      {"أكراد", "كرد", "أمازيغ", "بشتون", "إيغور", "أويغور", "هزارة", "بلوش", "شركس", "تركمان",
       "أرمن", "آشوريين"});
  if (key.starts_with(kArticle)) key.remove_prefix(kArticle.size());
  return peoples_.contains(key) || kStateless.contains(key);
}

void Lexicon::AddNationalityBases(std::string_view country_stem) {
  // البرتغال، كندا، ألمانيا، طاجيكستان → البرتغالي، الكندي، الألماني،
  // الطاجيكي. The match key of ألمانيا starts with ال too, so the stem is
  // taken with and without it.
  const std::string_view without = country_stem.starts_with(kArticle)
                                       ? country_stem.substr(kArticle.size())
                                       : country_stem;
  for (const std::string_view s : {country_stem, without}) {
    nationality_bases_.emplace(s);
    for (const std::string_view suffix : {std::string_view("ا"), std::string_view("يا"),
                                          std::string_view("ستان")}) {
      if (!s.ends_with(suffix)) continue;
      nationality_bases_.emplace(s.substr(0, s.size() - suffix.size()));
      if (suffix == "ستان" && s.size() > suffix.size()) peoples_.emplace(s.substr(0, s.size() - suffix.size()));
    }
  }
  // السعودية: the country's name is its adjective.
  if (country_stem.starts_with(kArticle) && !NisbaBase(without).empty()) {
    nationality_bases_.emplace(NisbaBase(without));
  }
}

bool Lexicon::IsIndefiniteAccusative(std::string_view stem) const {
  constexpr uint32_t kCommon = 50;  // occurrences of the word without the alif
  constexpr uint32_t kRatio = 5;    // times as many as with it
  if (!stem.ends_with("ا") || stem.size() < 8) return false;
  const CorpusStats* bare = Stats(stem.substr(0, stem.size() - 2));
  if (bare == nullptr || bare->count < kCommon) return false;
  const CorpusStats* with = Stats(stem);
  return with == nullptr || bare->count >= kRatio * with->count;
}

bool Lexicon::IsNisbaAdverb(std::string_view stem) const {
  constexpr uint32_t kCommon = 50;  // occurrences of each gender, with the article or without
  // يا: the relative ending ي and the alif; four letters at least.
  if (!stem.ends_with("يا") || stem.starts_with(kArticle) || stem.size() < 8) return false;
  const std::string masculine(stem.substr(0, stem.size() - 2));
  const std::string feminine = text::MatchKey(masculine + "ة");  // ة: the feminine ending
  const auto seen = [&](const std::string& word) {
    uint32_t n = 0;
    for (const std::string& w : {word, std::string(kArticle) + word}) {
      if (const CorpusStats* s = Stats(w)) n += s->count;
    }
    return n;
  };
  return seen(masculine) >= kCommon && seen(feminine) >= kCommon;
}

uint16_t Lexicon::Phrase(uint64_t hash) const {
  auto it = phrases_.find(hash);
  return it == phrases_.end() ? 0 : it->second;
}

void Lexicon::AddEntry(std::string_view text, uint32_t classes, uint16_t gazetteers) {
  const std::vector<std::string> words = SplitWords(text);
  if (words.empty()) return;
  std::string joined;
  uint64_t h = 0;
  for (const std::string& w : words) {
    if (gazetteers && h != 0) phrases_[h] |= kGazPrefix;
    const std::string stem = StemOf(text::MatchKey(w));
    h = PhraseHash(h, stem);
    if (!joined.empty()) joined += ' ';
    joined += stem;
  }
  if (words.size() == 1 && classes) classes_[joined] |= classes;
  if (words.size() == 1 && (gazetteers & kGazCountry)) AddNationalityBases(joined);
  if (gazetteers) {
    uint16_t& bits = phrases_[h];
    if ((bits | gazetteers) != bits) {
      bits |= gazetteers;
      phrase_texts_.emplace_back(joined, gazetteers);
    }
    max_phrase_words_ = std::max(max_phrase_words_, static_cast<int>(words.size()));
  }
}

void Lexicon::Serialize(std::string* out) const {
  // Sorted, so that the same lexicon always gives the same bytes.
  std::vector<const Map::value_type*> corpus;
  for (const auto& e : corpus_) corpus.push_back(&e);
  std::sort(corpus.begin(), corpus.end(), [](auto* a, auto* b) { return a->first < b->first; });
  PutU32(static_cast<uint32_t>(corpus.size()), out);
  for (const auto* e : corpus) {
    PutString(e->first, out);
    PutU32(e->second.count, out);
    for (uint16_t c : e->second.cluster) PutU32(c, out);
    PutU32(e->second.article, out);
  }
  std::vector<std::pair<std::string, uint32_t>> classes(classes_.begin(), classes_.end());
  std::sort(classes.begin(), classes.end());
  PutU32(static_cast<uint32_t>(classes.size()), out);
  for (const auto& [stem, bits] : classes) {
    PutString(stem, out);
    PutU32(bits, out);
  }
  PutU32(static_cast<uint32_t>(phrase_texts_.size()), out);
  for (const auto& [stems, bits] : phrase_texts_) {
    PutString(stems, out);
    PutU32(bits, out);
  }
}

bool Lexicon::Deserialize(std::string_view* in) {
  uint32_t n = 0;
  // The one count space is reserved for is checked against the bytes left
  // (an entry takes 24 bytes at least), so that a corrupt one cannot make
  // this allocate gigabytes; the loops below stop at the end of the data.
  if (!GetU32(in, &n) || n > in->size() / 24) return false;
  corpus_.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    std::string stem;
    CorpusStats s;
    uint32_t v[5];
    if (!GetString(in, &stem)) return false;
    for (uint32_t& x : v) {
      if (!GetU32(in, &x)) return false;
    }
    s.count = v[0];
    for (int k = 0; k < 3; ++k) s.cluster[k] = static_cast<uint16_t>(v[1 + k]);
    s.article = static_cast<uint8_t>(v[4]);
    corpus_.emplace(std::move(stem), s);
  }
  if (!GetU32(in, &n)) return false;
  for (uint32_t i = 0; i < n; ++i) {
    std::string stem;
    uint32_t bits = 0;
    if (!GetString(in, &stem) || !GetU32(in, &bits)) return false;
    classes_[std::move(stem)] = bits;
  }
  if (!GetU32(in, &n)) return false;
  for (uint32_t i = 0; i < n; ++i) {
    std::string stems;
    uint32_t bits = 0;
    if (!GetString(in, &stems) || !GetU32(in, &bits)) return false;
    uint64_t h = 0;
    int words = 0;
    size_t at = 0;
    while (at <= stems.size()) {
      size_t end = stems.find(' ', at);
      if (end == std::string::npos) end = stems.size();
      if (h != 0) phrases_[h] |= kGazPrefix;
      h = PhraseHash(h, std::string_view(stems).substr(at, end - at));
      ++words;
      at = end + 1;
    }
    phrases_[h] |= static_cast<uint16_t>(bits & ~kGazPrefix);
    if (words == 1 && (bits & kGazCountry)) AddNationalityBases(stems);
    max_phrase_words_ = std::max(max_phrase_words_, words);
    phrase_texts_.emplace_back(std::move(stems), static_cast<uint16_t>(bits & ~kGazPrefix));
  }
  return true;
}

void AddGazetteers(Lexicon* lexicon) {
  for (const List& list : kLists) {
    for (const char* w : list.words) lexicon->AddEntry(w, list.classes, list.gazetteers);
  }
  AddIcuNames(lexicon);
  for (const char* mo : {"/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo",
                         "/usr/share/locale/ar/LC_MESSAGES/iso_3166-3.mo"}) {
    for (const auto& [english, arabic] : text::internal::GettextCatalog(mo)) {
      const std::string s = CleanName(arabic);
      if (HasArabic(s)) lexicon->AddEntry(s, 0, kGazCountry);
    }
  }
}

namespace {

// The one-word entries of the curated lists `pick` chooses, as match keys.
template <typename Pick>
std::unordered_set<std::string>* CuratedWords(Pick pick) {
  auto* set = new std::unordered_set<std::string>;
  for (const List& list : kLists) {
    if (!pick(list)) continue;
    for (const char* w : list.words) {
      if (SplitWords(w).size() == 1) set->insert(text::MatchKey(w));
    }
  }
  return set;
}

}  // namespace

bool IsCuratedGivenName(std::string_view key) {
  static const auto* names = [] {
    auto* set = CuratedWords([](const List& l) { return (l.classes & kGivenName) != 0; });
    // Given names whose first letter the corpus reads as a clitic before a
    // word it knows (بسام as ب + سام, poison; لبيد as ل + بيد, by; لبنى as
    // ل + بنى, built): Bassam, Basem, Labid, Lubna, Lama, Lamees, Lamia,
    // Latifa, Luay, Luqman, Buthaina, Bushra, Bahaa, Firas, Fawaz, Fathi,
    // Fayez, Fawzi, Fadwa. Outside kLists, which the tagger's features are
    // built from: they only say where a mention begins.
    for (const char* w : {"بسام", "باسم", "لبيد", "لبنى", "لمى", "لميس", "لمياء", "لطيفة", "لؤي",
                          "لقمان", "بثينة", "بشرى", "بهاء", "فراس", "فواز", "فتحي", "فايز", "فوزي",
                          "فدوى"}) {
      set->insert(text::MatchKey(w));
    }
    return set;
  }();
  return names->contains(std::string(key));
}

bool IsCuratedCity(std::string_view key) {
  static const auto* cities = CuratedWords([](const List& l) { return l.gazetteers == kGazCity; });
  constexpr size_t kLetter = 2;  // bytes of an Arabic letter in a match key
  // As written first: فاس (Fez) and وهران (Oran) begin with ف and و.
  if (cities->contains(std::string(key))) return true;
  if ((key.starts_with("و") || key.starts_with("ف")) && key.size() > kLetter) {
    key.remove_prefix(kLetter);
    if (cities->contains(std::string(key))) return true;
  }
  return key.starts_with("ب") && cities->contains(std::string(key.substr(kLetter)));
}

void AddNameLists(const std::vector<ConllSentence>& sentences, Lexicon* lexicon) {
  constexpr uint16_t kPhraseBits[kEntityTypes] = {kGazNamePer, kGazNameLoc, kGazNameOrg,
                                                  kGazNameMisc};
  constexpr uint32_t kWordBits[kEntityTypes] = {kNamePer, kNameLoc, kNameOrg, kNameMisc};
  // Per stem: occurrences inside mentions of each type, and in all.
  std::map<std::string, std::array<uint32_t, kEntityTypes + 1>> words;
  std::map<std::string, uint16_t> phrases;
  for (const ConllSentence& s : sentences) {
    const std::vector<uint8_t> labels = ToLabels(s.tags);
    std::vector<std::string> stems(s.words.size());
    std::vector<bool> letters(s.words.size());
    for (size_t i = 0; i < s.words.size(); ++i) {
      const std::string key = text::MatchKey(text::Normalize(s.words[i]).text);
      letters[i] = HasArabic(key);
      stems[i] = letters[i] ? lexicon->StemOf(key) : key;
      auto& c = words[stems[i]];
      ++c[kEntityTypes];
      if (labels[i] != kO) ++c[static_cast<int>(TypeOf(labels[i]))];
    }
    ForEachMention(labels, [&](size_t i, size_t j) {
      // Whole names of Arabic words only (WikiANN spans also take in
      // brackets and qualifiers), and not too long.
      bool ok = j - i <= 6;
      std::string phrase;
      for (size_t k = i; k < j && ok; ++k) {
        ok = letters[k];
        if (!phrase.empty()) phrase += ' ';
        phrase += s.words[k];
      }
      if (ok) phrases[phrase] |= kPhraseBits[static_cast<int>(TypeOf(labels[i]))];
    });
  }
  for (const auto& [phrase, bits] : phrases) lexicon->AddEntry(phrase, 0, bits);
  for (const auto& [stem, c] : words) {
    if (!HasArabic(stem)) continue;
    uint32_t bits = 0;
    for (int t = 0; t < kEntityTypes; ++t) {
      if (c[t] >= 2 && 2 * c[t] > c[kEntityTypes]) bits |= kWordBits[t];
    }
    if (bits) lexicon->AddClasses(stem, bits);
  }
}

bool LoadClusters(const std::string& path, Lexicon* lexicon, std::string* error) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) {
    *error = path + ": cannot open clusters file";
    return false;
  }
  std::string data;
  char buf[1 << 16];
  int got = 0;
  while ((got = gzread(f, buf, sizeof buf)) > 0) data.append(buf, static_cast<size_t>(got));
  const bool ok = got == 0;
  gzclose(f);
  if (!ok) {
    *error = path + ": damaged gzip stream";
    return false;
  }
  std::istringstream in(data);
  std::string line;
  if (!std::getline(in, line) || !line.starts_with("# marsad-clusters 1")) {
    *error = path + ": not a marsad clusters file (version 1)";
    return false;
  }
  size_t line_no = 1;
  while (std::getline(in, line)) {
    ++line_no;
    std::istringstream fields(line);
    std::string stem;
    CorpusStats s;
    uint32_t article = 0;
    if (!(fields >> stem >> s.count >> article >> s.cluster[0] >> s.cluster[1] >> s.cluster[2])) {
      *error = path + " line " + std::to_string(line_no) + ": malformed";
      return false;
    }
    s.article = static_cast<uint8_t>(article);
    lexicon->AddCorpus(std::move(stem), s);
  }
  return true;
}

}  // namespace marsad::ner::internal
