// English names of places and of a few bodies, so that an entity's `latin`
// is what an English-language newspaper prints (Baghdad, Central Asia,
// United Nations) rather than a romanisation (Bagdad, Asia al-Wusta, al-Umam
// al-Muttahida). Countries, world regions, groupings and time-zone cities
// come from ICU's CLDR data; places and bodies CLDR has no Arabic name for
// are in curated lists below.
#include <algorithm>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include <unicode/locid.h>
#include <unicode/region.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/uloc.h>

#include "resolve/internal.h"
#include "text/internal.h"
#include "text/text.h"

namespace marsad::resolve::internal {
namespace {

using NameMap = std::unordered_map<std::string, std::string>;

// A name scoring this much against an entry's, with the letters
// SameArabicLetters asks for, is taken for a spelling of it: دوشنبه against
// CLDR's دوشانبي (Dushanbe) scores 0.94, مقديشو against مقديشيو (Mogadishu)
// 1.0.
constexpr double kVariantScore = 0.9;

// Adds an Arabic name, as its match key, and its English name; the first
// name given for a key is kept. CLDR's names are added without their article
// too (العراق and عراق); the list below gives each form it means, since
// without the article some are common words (الخبر, Khobar: الخبر, the news).
void Add(std::string_view arabic, std::string_view english, bool without_article, NameMap* map) {
  const std::string key = text::MatchKey(arabic);
  if (key.empty() || english.empty()) return;
  map->emplace(key, english);
  if (without_article && key.starts_with("ال") && key.size() > 6) map->emplace(key.substr(4), english);
}

// An entry of a NameMap, its Arabic name prepared for matching.
struct PreparedEntry {
  PreparedName name;
  const std::string* english;
};

// Whether CLDR gave a plain Arabic name: it falls back to the code or the
// English name where it has none, and qualifies a few ("هيبرون (مدينة
// الخليل)"، "بيولا، داكوتا الشمالية": Hebron (the city of al-Khalil),
// Beulah, North Dakota).
bool PlainArabic(const std::string& name) {
  // U+0600-U+06FF are the UTF-8 lead bytes D8-DB.
  const bool arabic = std::any_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0xD8 && static_cast<unsigned char>(c) <= 0xDB;
  });
  return arabic && name.find_first_of("(),") == std::string::npos &&
         name.find("،") == std::string::npos;  // the Arabic comma
}

std::string Utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Calls fn with the code of each of CLDR's world regions, continents and
// subcontinents ("001", "142", "143").
template <typename Fn>
void ForEachRegion(Fn fn) {
  UErrorCode status = U_ZERO_ERROR;
  for (const URegionType type : {URGN_WORLD, URGN_CONTINENT, URGN_SUBCONTINENT}) {
    std::unique_ptr<icu::StringEnumeration> regions(icu::Region::getAvailable(type, status));
    while (U_SUCCESS(status) && regions != nullptr) {
      const char* code = regions->next(nullptr, status);
      if (code == nullptr) break;
      fn(code);
    }
  }
}

// The territory (a country, or a region such as "143", Central Asia) in
// Arabic and English; CLDR qualifies some ("الكونغو - كينشاسا") where news
// text writes the plain part.
// A territory's name in Arabic and in English, as CLDR displays them.
std::pair<std::string, std::string> DisplayNames(const char* code) {
  const icu::Locale region("", code);
  icu::UnicodeString ar, en;
  region.getDisplayCountry(icu::Locale("ar"), ar);
  region.getDisplayCountry(icu::Locale("en"), en);
  return {Utf8(ar), Utf8(en)};
}

void AddTerritory(const char* code, NameMap* map) {
  const auto [a, e] = DisplayNames(code);
  if (a == code || !PlainArabic(a.substr(0, a.find(" - ")))) return;
  Add(a.substr(0, a.find(" - ")), e.substr(0, e.find(" - ")), true, map);
}

// The official names of countries that iso-codes translates (مملكة البحرين,
// the Kingdom of Bahrain; جمهورية مصر العربية; الجمهورية العربية السورية),
// each with its country's English name as CLDR gives it. Debian's iso-codes
// package holds them; without it, nothing is added.
void AddOfficialNames(NameMap* map) {
  std::ifstream in("/usr/share/iso-codes/json/iso_3166-1.json");
  const nlohmann::json countries = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (countries.is_discarded() || !countries.contains("3166-1") || !countries["3166-1"].is_array()) return;
  std::unordered_map<std::string, std::string> arabic;  // English name as iso-codes writes it -> Arabic
  for (auto& [english, translation] :
       text::internal::GettextCatalog("/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo")) {
    arabic.emplace(std::move(english), std::move(translation));
  }
  for (const nlohmann::json& country : countries["3166-1"]) {
    if (!country.is_object() || !country.contains("alpha_2") || !country["alpha_2"].is_string()) continue;
    // Only for a country CLDR names plainly in Arabic (AddTerritory), so
    // that both names have its English: not هونغ كونغ, which CLDR calls
    // "Hong Kong SAR China" as a territory and "Hong Kong" as a city.
    const auto [plain, english] = DisplayNames(country["alpha_2"].get<std::string>().c_str());
    if (plain.find(" - ") != std::string::npos || !PlainArabic(plain)) continue;
    for (const char* field : {"official_name", "name"}) {
      if (!country.contains(field) || !country[field].is_string()) continue;
      const auto it = arabic.find(country[field].get<std::string>());
      if (it != arabic.end() && PlainArabic(it->second)) Add(it->second, english, false, map);
    }
  }
}

// Regions, seas, rivers, mountains and past states CLDR has no Arabic name
// for, as Arabic news names them; English as the wire services write it.
constexpr std::pair<std::string_view, std::string_view> kRegions[] = {
    {"الشرق الأوسط", "Middle East"}, {"الشرق الأدنى", "Near East"}, {"آسيا الوسطى", "Central Asia"},
    {"شمال أفريقيا", "North Africa"}, {"شمال إفريقيا", "North Africa"}, {"القرن الأفريقي", "Horn of Africa"},
    {"المغرب العربي", "Maghreb"}, {"بلاد الشام", "Levant"}, {"البلقان", "Balkans"}, {"القوقاز", "Caucasus"},
    {"الخليج", "Gulf"}, {"الخليج العربي", "Gulf"}, {"البحر الأحمر", "Red Sea"},
    {"البحر المتوسط", "Mediterranean"}, {"البحر الأبيض المتوسط", "Mediterranean"},
    {"بحر العرب", "Arabian Sea"}, {"المحيط الهندي", "Indian Ocean"}, {"المحيط الأطلسي", "Atlantic"},
    {"المحيط الهادئ", "Pacific"}, {"قناة السويس", "Suez Canal"}, {"مضيق هرمز", "Strait of Hormuz"},
    {"باب المندب", "Bab el-Mandeb"}, {"النيل", "Nile"}, {"نهر النيل", "Nile"}, {"دجلة", "Tigris"},
    {"نهر دجلة", "Tigris"}, {"الفرات", "Euphrates"}, {"نهر الفرات", "Euphrates"}, {"سيناء", "Sinai"}, {"الضفة الغربية", "West Bank"},
    {"قطاع غزة", "Gaza Strip"}, {"الجولان", "Golan Heights"}, {"كردستان", "Kurdistan"},
    {"الشيشان", "Chechnya"}, {"داغستان", "Dagestan"}, {"كشمير", "Kashmir"}, {"شينجيانغ", "Xinjiang"},
    {"وزيرستان", "Waziristan"}, {"أوروبا", "Europe"}, {"أفريقيا", "Africa"}, {"إفريقيا", "Africa"},
    {"الأندلس", "Andalusia"}, {"الأناضول", "Anatolia"}, {"القرم", "Crimea"}, {"الصحراء الكبرى", "Sahara"},
    {"البحر الميت", "Dead Sea"}, {"البحر الأسود", "Black Sea"}, {"بحر الصين الجنوبي", "South China Sea"},
    {"جبال الألب", "Alps"}, {"أمريكا الشمالية", "North America"}, {"أمريكا اللاتينية", "Latin America"},
    {"أوروبا الغربية", "Western Europe"}, {"أوروبا الشرقية", "Eastern Europe"},
    {"أفريقيا الوسطى", "Central Africa"}, {"الجزيرة العربية", "Arabian Peninsula"},
    {"شبه الجزيرة العربية", "Arabian Peninsula"}, {"شبه الجزيرة الكورية", "Korean Peninsula"},
    {"الاتحاد السوفياتي", "Soviet Union"}, {"الاتحاد السوفيتي", "Soviet Union"},
    {"تشيكوسلوفاكيا", "Czechoslovakia"}, {"أيرلندا الشمالية", "Northern Ireland"},
    {"كتالونيا", "Catalonia"}, {"نيو ساوث ويلز", "New South Wales"},
    {"نجد", "Najd"}, {"الحجاز", "Hejaz"}, {"تهامة", "Tihama"},
    // The regions armed groups name their branches after: the (Islamic)
    // Maghreb, the peninsula of the Arabs, Khorasan; and the lands of al-Sham
    // above. Not al-Sham alone, which groups' own names keep romanised
    // (فيلق الشام, Faylaq al-Sham; هيئة تحرير الشام, Hayat Tahrir al-Sham).
    {"بلاد المغرب", "Maghreb"}, {"المغرب الإسلامي", "Islamic Maghreb"},
    {"بلاد المغرب الإسلامي", "Islamic Maghreb"}, {"جزيرة العرب", "Arabian Peninsula"},
    {"خراسان", "Khorasan"},
};

// Places CLDR has no Arabic name for: capitals and cities that name no time
// zone, the states of the US, and places prominent in the news of the region
// marsad is made for. English as the wire services write it. Not places
// whose names are also words or given names, which the tagger and the
// matcher's variants bring in (فرسان, knights; حجة, argument; قنا, QNA;
// الليث, the lion; شقراء, blonde; الناصرة, whose variant is Iraq's
// الناصرية; دوما, whose variant is دومة الجندل).
constexpr std::pair<std::string_view, std::string_view> kPlaces[] = {
    // Capitals.
    {"واشنطن", "Washington"}, {"بكين", "Beijing"}, {"أنقرة", "Ankara"}, {"نيودلهي", "New Delhi"},
    {"إسلام آباد", "Islamabad"}, {"أبوظبي", "Abu Dhabi"}, {"أبو ظبي", "Abu Dhabi"},
    {"الدوحة", "Doha"}, {"المنامة", "Manama"}, {"صنعاء", "Sanaa"}, {"الرباط", "Rabat"},
    {"أوتاوا", "Ottawa"}, {"كانبيرا", "Canberra"}, {"برازيليا", "Brasilia"}, {"بريتوريا", "Pretoria"},
    {"برن", "Bern"}, {"جنيف", "Geneva"}, {"لاهاي", "The Hague"}, {"ستراسبورغ", "Strasbourg"},
    // America and Britain in news are the countries CLDR names otherwise.
    {"أمريكا", "United States"}, {"أميركا", "United States"}, {"بريطانيا", "United Kingdom"}, {"إنجلترا", "England"},
    {"إنكلترا", "England"}, {"اسكتلندا", "Scotland"}, {"إسكتلندا", "Scotland"}, {"ويلز", "Wales"},
    {"الإمارات", "United Arab Emirates"}, {"السعودية", "Saudi Arabia"}, {"مصر العربية", "Egypt"},
    {"جمهورية مصر العربية", "Egypt"}, {"فلسطين", "Palestine"}, {"كاليفورنيا", "California"}, {"فلوريدا", "Florida"},
    {"برشلونة", "Barcelona"}, {"ميلانو", "Milan"}, {"ميونيخ", "Munich"}, {"مانشستر", "Manchester"},
    // Saudi Arabia.
    {"الرياض", "Riyadh"}, {"جدة", "Jeddah"}, {"مكة", "Mecca"}, {"مكة المكرمة", "Mecca"}, {"المدينة المنورة", "Medina"},
    {"الدمام", "Dammam"}, {"الخبر", "Khobar"}, {"الظهران", "Dhahran"}, {"الطائف", "Taif"},
    {"تبوك", "Tabuk"}, {"أبها", "Abha"}, {"نجران", "Najran"}, {"جازان", "Jazan"}, {"جيزان", "Jazan"},
    {"حائل", "Hail"}, {"بريدة", "Buraidah"}, {"القصيم", "Qassim"}, {"الأحساء", "Al-Ahsa"},
    {"القطيف", "Qatif"}, {"ينبع", "Yanbu"}, {"الجوف", "Al-Jouf"}, {"عرعر", "Arar"},
    {"خميس مشيط", "Khamis Mushait"}, {"الباحة", "Al-Baha"},
    // Yemen.
    {"تعز", "Taiz"}, {"الحديدة", "Hodeidah"}, {"مأرب", "Marib"}, {"صعدة", "Saada"}, {"لحج", "Lahj"},
    {"أبين", "Abyan"}, {"حضرموت", "Hadramawt"}, {"المكلا", "Mukalla"}, {"شبوة", "Shabwa"}, {"إب", "Ibb"},
    {"الضالع", "Dhale"},
    // Syria.
    {"حلب", "Aleppo"}, {"حمص", "Homs"}, {"حماة", "Hama"}, {"إدلب", "Idlib"}, {"الرقة", "Raqqa"},
    {"دير الزور", "Deir ez-Zor"}, {"تدمر", "Palmyra"}, {"اللاذقية", "Latakia"}, {"طرطوس", "Tartus"},
    {"درعا", "Daraa"}, {"القامشلي", "Qamishli"}, {"الحسكة", "Hasakah"}, {"عين العرب", "Kobani"},
    {"كوباني", "Kobani"}, {"منبج", "Manbij"}, {"الغوطة", "Ghouta"},
    // Iraq.
    {"الموصل", "Mosul"}, {"البصرة", "Basra"}, {"كركوك", "Kirkuk"}, {"أربيل", "Erbil"},
    {"الفلوجة", "Fallujah"}, {"الرمادي", "Ramadi"}, {"تكريت", "Tikrit"}, {"الأنبار", "Anbar"},
    {"نينوى", "Nineveh"}, {"سامراء", "Samarra"}, {"النجف", "Najaf"}, {"كربلاء", "Karbala"},
    {"السليمانية", "Sulaymaniyah"}, {"ديالى", "Diyala"},
    // Afghanistan and Pakistan.
    {"كابل", "Kabul"}, {"قندهار", "Kandahar"}, {"هلمند", "Helmand"}, {"هرات", "Herat"}, {"جلال آباد", "Jalalabad"},
    {"قندوز", "Kunduz"}, {"مزار شريف", "Mazar-i-Sharif"}, {"ننجرهار", "Nangarhar"},
    {"بيشاور", "Peshawar"}, {"كويتا", "Quetta"}, {"لاهور", "Lahore"},
    // North Africa.
    {"بنغازي", "Benghazi"}, {"سرت", "Sirte"}, {"مصراتة", "Misrata"}, {"درنة", "Derna"},
    {"سبها", "Sabha"}, {"الإسكندرية", "Alexandria"}, {"الجيزة", "Giza"}, {"أسوان", "Aswan"},
    {"الأقصر", "Luxor"}, {"بورسعيد", "Port Said"}, {"العريش", "El-Arish"},
    {"شرم الشيخ", "Sharm el-Sheikh"}, {"مراكش", "Marrakesh"}, {"فاس", "Fez"}, {"طنجة", "Tangier"},
    {"وهران", "Oran"}, {"قسنطينة", "Constantine"}, {"تمبكتو", "Timbuktu"},
    // Palestine, Israel, Turkey, the Gulf.
    {"رام الله", "Ramallah"}, {"الخليل", "Hebron"}, {"نابلس", "Nablus"}, {"جنين", "Jenin"},
    {"بيت لحم", "Bethlehem"}, {"حيفا", "Haifa"}, {"يافا", "Jaffa"}, {"تل أبيب", "Tel Aviv"},
    {"أنطاليا", "Antalya"}, {"إزمير", "Izmir"}, {"غازي عنتاب", "Gaziantep"}, {"الشارقة", "Sharjah"},
    {"غروزني", "Grozny"},
    // More of Saudi Arabia: provinces, governorates and towns of its news.
    {"عسير", "Asir"}, {"الهفوف", "Hofuf"},
    {"المبرز", "Mubarraz"}, {"الجبيل", "Jubail"}, {"الخفجي", "Khafji"}, {"حفر الباطن", "Hafar al-Batin"},
    {"سيهات", "Saihat"}, {"تاروت", "Tarout"}, {"القديح", "Qudaih"}, {"رفحاء", "Rafha"},
    {"طبرجل", "Tabarjal"}, {"القريات", "Qurayyat"}, {"سكاكا", "Sakaka"}, {"تيماء", "Tayma"},
    {"ضباء", "Duba"}, {"أملج", "Umluj"}, {"العلا", "AlUla"}, {"الحناكية", "Hanakiyah"},
    {"عنيزة", "Unaizah"}, {"الرس", "Rass"}, {"الزلفي", "Zulfi"}, {"المجمعة", "Majmaah"},
    {"الدوادمي", "Dawadmi"}, {"سدير", "Sudair"},
    {"ثادق", "Thadiq"}, {"الخرج", "Kharj"}, {"الأفلاج", "Aflaj"}, {"وادي الدواسر", "Wadi al-Dawasir"},
    {"الدرعية", "Diriyah"}, {"رابغ", "Rabigh"}, {"القنفذة", "Qunfudhah"},
    {"بلجرشي", "Baljurashi"}, {"بيشة", "Bisha"}, {"رنية", "Ranyah"},
    {"النماص", "Namas"}, {"محايل", "Muhayil"}, {"صبيا", "Sabya"},
    {"أبو عريش", "Abu Arish"}, {"أبي عريش", "Abu Arish"}, {"صامطة", "Samtah"}, {"بيش", "Baish"},
    {"ضمد", "Damad"}, {"شرورة", "Sharurah"},
    // More of Yemen.
    {"ذمار", "Dhamar"}, {"سيئون", "Seiyun"}, {"كريتر", "Crater"}, {"المعلا", "Mualla"},
    {"التواهي", "Tawahi"}, {"خور مكسر", "Khor Maksar"}, {"دار سعد", "Dar Saad"}, {"لودر", "Lawdar"},
    {"ردفان", "Radfan"}, {"قعطبة", "Qataba"}, {"المحويت", "Mahwit"}, {"يريم", "Yarim"},
    {"بيحان", "Bayhan"}, {"عتق", "Ataq"}, {"حيس", "Hays"}, {"المخا", "Mocha"},
    {"زنجبار", "Zinjibar"},  // Abyan's capital; Zanzibar is written so too, rarely in this news
    // More of Syria, Iraq and Lebanon.
    {"داريا", "Darayya"}, {"الزبداني", "Zabadani"}, {"القلمون", "Qalamoun"},
    {"جرابلس", "Jarablus"}, {"البوكمال", "Albu Kamal"},
    {"الفوعة", "Foua"}, {"كفريا", "Kefraya"}, {"القنيطرة", "Quneitra"}, {"تل أبيض", "Tal Abyad"},
    {"سنجار", "Sinjar"}, {"الكوفة", "Kufa"}, {"دهوك", "Dohuk"},
    {"طوز خورماتو", "Tuz Khurmatu"}, {"بيجي", "Baiji"}, {"الحويجة", "Hawija"}, {"بعلبك", "Baalbek"},
    {"صيدا", "Sidon"},
    // More of Egypt, Libya, the Maghreb, Jordan and Palestine.
    {"الفيوم", "Faiyum"}, {"الإسماعيلية", "Ismailia"}, {"المنصورة", "Mansoura"}, {"المنيا", "Minya"},
    {"دمياط", "Damietta"}, {"سوهاج", "Sohag"}, {"أسيوط", "Asyut"}, {"طنطا", "Tanta"},
    {"السويس", "Suez"}, {"الشيخ زويد", "Sheikh Zuweid"}, {"رفح", "Rafah"}, {"أجدابيا", "Ajdabiya"},
    {"طبرق", "Tobruk"}, {"سوسة", "Sousse"}, {"القيروان", "Kairouan"}, {"بنزرت", "Bizerte"},
    {"القصرين", "Kasserine"}, {"سطيف", "Setif"}, {"الصخيرات", "Skhirat"}, {"مليلية", "Melilla"},
    {"إربد", "Irbid"}, {"العقبة", "Aqaba"}, {"البتراء", "Petra"}, {"أريحا", "Jericho"},
    {"طبريا", "Tiberias"},
    // Turkey, Afghanistan, Pakistan, Nigeria.
    {"ديار بكر", "Diyarbakir"}, {"شرناق", "Sirnak"}, {"ماردين", "Mardin"}, {"أضنة", "Adana"},
    {"كيليس", "Kilis"}, {"سروج", "Suruc"}, {"البوسفور", "Bosphorus"}, {"لوغار", "Logar"},
    {"فارياب", "Faryab"}, {"بدخشان", "Badakhshan"}, {"بكتيكا", "Paktika"}, {"زابل", "Zabul"},
    {"بلوشستان", "Balochistan"}, {"البنجاب", "Punjab"}, {"مايدوغوري", "Maiduguri"}, {"بورنو", "Borno"},
    {"داماتورو", "Damaturu"},
    // States of the United States.
    {"أوهايو", "Ohio"}, {"أوكلاهوما", "Oklahoma"}, {"بنسلفانيا", "Pennsylvania"}, {"كولورادو", "Colorado"},
    {"هاواي", "Hawaii"}, {"فرجينيا", "Virginia"}, {"فيرجينيا", "Virginia"}, {"نيوجيرسي", "New Jersey"},
    {"نيو جيرسي", "New Jersey"}, {"ميريلاند", "Maryland"}, {"ماريلاند", "Maryland"}, {"ميزوري", "Missouri"},
    {"إنديانا", "Indiana"}, {"أركنساس", "Arkansas"}, {"أريزونا", "Arizona"}, {"أوريغون", "Oregon"},
    {"كارولينا الشمالية", "North Carolina"}, {"كارولينا الجنوبية", "South Carolina"},
    {"كونيتيكت", "Connecticut"}, {"ميسيسيبي", "Mississippi"}, {"ماساتشوستس", "Massachusetts"},
    {"ميشيغان", "Michigan"}, {"ويسكونسن", "Wisconsin"}, {"إلينوي", "Illinois"}, {"نيفادا", "Nevada"},
    {"يوتا", "Utah"}, {"أيوا", "Iowa"}, {"نبراسكا", "Nebraska"}, {"تكساس", "Texas"},
    // Cities CLDR names no time zone after, and New York, which names of
    // papers and universities hold.
    {"نيويورك", "New York"}, {"لوس أنجلوس", "Los Angeles"},
    {"كوالالمبور", "Kuala Lumpur"}, {"لوزان", "Lausanne"}, {"بوسطن", "Boston"}, {"إشبيلية", "Seville"},
    {"مارسيليا", "Marseille"}, {"تولوز", "Toulouse"}, {"هامبورغ", "Hamburg"}, {"هامبورج", "Hamburg"},
    {"فرانكفورت", "Frankfurt"}, {"بورتو", "Porto"}, {"غوانتانامو", "Guantanamo"},
    {"سان بطرسبرغ", "Saint Petersburg"}, {"سان بطرسبرج", "Saint Petersburg"}, {"برمنغهام", "Birmingham"},
    {"برمنجهام", "Birmingham"}, {"فلورنسا", "Florence"}, {"تورينو", "Turin"}, {"قرطبة", "Cordoba"},
    {"غرناطة", "Granada"}, {"بلنسية", "Valencia"}, {"ريو دي جانيرو", "Rio de Janeiro"},
    {"بريزبن", "Brisbane"}, {"بيتسبرغ", "Pittsburgh"}, {"بيتسبرج", "Pittsburgh"},
    {"لاس فيغاس", "Las Vegas"}, {"لاس فيجاس", "Las Vegas"}, {"سان فرانسيسكو", "San Francisco"},
    {"سان دييغو", "San Diego"}, {"فيلادلفيا", "Philadelphia"}, {"كمبردج", "Cambridge"}, {"كامبريدج", "Cambridge"},
    {"أكسفورد", "Oxford"}, {"روتردام", "Rotterdam"}, {"أنتويرب", "Antwerp"}, {"بلباو", "Bilbao"},
};

// Bodies CLDR names among its territory groupings (UN, EU), and others of
// the news it does not: international bodies, agencies, armed groups.
constexpr std::pair<std::string_view, std::string_view> kBodies[] = {
    {"جامعة الدول العربية", "Arab League"}, {"الجامعة العربية", "Arab League"},
    {"مجلس التعاون الخليجي", "Gulf Cooperation Council"}, {"مجلس التعاون", "Gulf Cooperation Council"},
    {"مجلس التعاون لدول الخليج العربية", "Gulf Cooperation Council"},
    {"منظمة الأمم المتحدة للتربية والعلم والثقافة", "UNESCO"}, {"منظمة الأمم المتحدة للطفولة", "UNICEF"},
    {"مفوضية الأمم المتحدة لشؤون اللاجئين", "UNHCR"}, {"المفوضية السامية للأمم المتحدة لشؤون اللاجئين", "UNHCR"},
    {"منظمة الأمم المتحدة للأغذية والزراعة", "FAO"}, {"برنامج الأمم المتحدة الإنمائي", "UNDP"},
    {"برنامج الأغذية العالمي", "World Food Programme"},
    {"مجلس الأمن", "UN Security Council"}, {"مجلس الأمن الدولي", "UN Security Council"},
    {"حلف شمال الأطلسي", "NATO"}, {"الناتو", "NATO"}, {"حلف الناتو", "NATO"},
    {"الاتحاد الأفريقي", "African Union"}, {"الاتحاد الإفريقي", "African Union"},
    {"منظمة التعاون الإسلامي", "Organisation of Islamic Cooperation"},
    {"صندوق النقد الدولي", "IMF"}, {"البنك الدولي", "World Bank"},
    {"البنك العالمي", "World Bank"}, {"أوبك", "OPEC"},
    {"منظمة البلدان المصدرة للبترول", "OPEC"}, {"منظمة الصحة العالمية", "WHO"},
    {"اليونسكو", "UNESCO"}, {"اليونيسف", "UNICEF"}, {"الصليب الأحمر", "Red Cross"},
    {"الهلال الأحمر", "Red Crescent"}, {"منظمة العفو الدولية", "Amnesty International"},
    {"هيومن رايتس ووتش", "Human Rights Watch"}, {"المحكمة الجنائية الدولية", "International Criminal Court"},
    {"الكونغرس", "Congress"}, {"البنتاغون", "Pentagon"}, {"البيت الأبيض", "White House"},
    // The American government's, which newspapers name otherwise than
    // other countries' (the State Department, not the Foreign Ministry); in
    // both spellings of American. And other bodies the press names
    // otherwise than word for word: the Saudi council of the highest
    // religious scholars, the cabinet, King Salman's relief centre, the
    // Red Cross's committee, two banks, Iran's Quds Force and the G20.
    {"وزارة الخارجية الأمريكية", "US State Department"}, {"وزارة الخارجية الأميركية", "US State Department"},
    {"وزارة الدفاع الأمريكية", "Pentagon"}, {"وزارة الدفاع الأميركية", "Pentagon"},
    {"وزارة العدل الأمريكية", "US Justice Department"}, {"وزارة العدل الأميركية", "US Justice Department"},
    {"وزارة الخزانة الأمريكية", "US Treasury"}, {"وزارة الخزانة الأميركية", "US Treasury"},
    {"مجلس الشيوخ الأمريكي", "US Senate"}, {"مجلس الشيوخ الأميركي", "US Senate"},
    {"مجلس النواب الأمريكي", "US House of Representatives"},
    {"مجلس النواب الأميركي", "US House of Representatives"},
    {"هيئة كبار العلماء", "Council of Senior Scholars"}, {"مجلس الوزراء", "Council of Ministers"},
    {"مركز الملك سلمان للإغاثة والأعمال الإنسانية", "KSrelief"}, {"بنك الرياض", "Riyad Bank"},
    {"بنك مصر", "Banque Misr"}, {"فيلق القدس", "Quds Force"}, {"مجموعة العشرين", "G20"},
    {"اللجنة الدولية للصليب الأحمر", "International Committee of the Red Cross"},
    {"الكرملين", "Kremlin"}, {"الكنيست", "Knesset"}, {"الحلف الأطلسي", "NATO"},
    {"رويترز", "Reuters"}, {"وكالة رويترز", "Reuters"},
    {"فرانس برس", "AFP"}, {"وكالة فرانس برس", "AFP"}, {"أسوشيتد برس", "AP"},
    // News agencies, the sources the Arab press cites most after these, by
    // their usual Arabic names; and agencies of intelligence, space and
    // ratings.
    {"وكالة الأنباء الفرنسية", "AFP"}, {"وكالة الأنباء الألمانية", "DPA"},
    {"وكالة أنباء الأناضول", "Anadolu Agency"}, {"وكالة الأناضول", "Anadolu Agency"},
    {"وكالة الأناضول للأنباء", "Anadolu Agency"}, {"وكالة الأنباء الإماراتية", "WAM"},
    {"وكالة أنباء الإمارات", "WAM"}, {"وكالة أنباء الشرق الأوسط", "MENA"},
    {"وكالة الأنباء اليمنية", "Saba"}, {"وكالة أنباء البحرين", "BNA"},
    {"وكالة أنباء الصين الجديدة", "Xinhua"}, {"شينخوا", "Xinhua"}, {"وكالة الأنباء الكويتية", "KUNA"},
    {"وكالة الأنباء القطرية", "QNA"}, {"وكالة الأنباء العمانية", "Oman News Agency"},
    {"وكالة الأنباء الأردنية", "Petra"}, {"وكالة الأنباء الفلسطينية", "WAFA"},
    {"وكالة الأنباء الجزائرية", "Algerie Presse Service"}, {"وكالة الأنباء الإيرانية", "IRNA"},
    {"وكالة أنباء فارس", "Fars News Agency"}, {"وكالة تسنيم", "Tasnim News Agency"},
    {"وكالة سانا", "SANA"}, {"وكالة الأنباء السورية", "SANA"}, {"يونهاب", "Yonhap"},
    {"نوفوستي", "RIA Novosti"}, {"إنترفاكس", "Interfax"}, {"بلومبرج", "Bloomberg"},
    {"بلومبرغ", "Bloomberg"}, {"وكالة الاستخبارات المركزية", "CIA"},
    {"وكالة المخابرات المركزية", "CIA"}, {"وكالة الأمن القومي", "NSA"},
    {"وكالة الفضاء الأمريكية", "NASA"}, {"ناسا", "NASA"}, {"وكالة الطاقة الدولية", "International Energy Agency"},
    {"فيتش", "Fitch"}, {"موديز", "Moody's"}, {"ستاندرد آند بورز", "Standard & Poor's"},
    {"داو جونز", "Dow Jones"}, {"ديلي ميل", "Daily Mail"}, {"ديلي تلغراف", "Daily Telegraph"},
    {"ديلي تليغراف", "Daily Telegraph"},
    // Saudi companies and bodies the press names in English: the airline,
    // the electricity company, the council of chambers of commerce.
    {"الخطوط الجوية العربية السعودية", "Saudia"}, {"الخطوط السعودية", "Saudia"},
    {"الخطوط الجوية السعودية", "Saudia"}, {"الشركة السعودية للكهرباء", "Saudi Electricity Company"},
    {"السعودية للكهرباء", "Saudi Electricity Company"}, {"مجلس الغرف السعودية", "Council of Saudi Chambers"},
    {"تنظيم القاعدة", "al-Qaeda"}, {"القاعدة", "al-Qaeda"}, {"طالبان", "Taliban"},
    {"حركة طالبان", "Taliban"}, {"بوكو حرام", "Boko Haram"}, {"جماعة بوكو حرام", "Boko Haram"}, {"جبهة النصرة", "Nusra Front"},
    {"الإخوان المسلمين", "Muslim Brotherhood"}, {"جماعة الإخوان المسلمين", "Muslim Brotherhood"},
    {"حزب العمال الكردستاني", "PKK"},
    // ISIS: by its Arabic acronym, as "the State (organisation)", and as
    // "the Islamic State (organisation)".
    {"داعش", "ISIS"}, {"تنظيم داعش", "ISIS"}, {"تنظيم الدولة", "ISIS"},
    {"تنظيم الدولة الإسلامية", "ISIS"}, {"الدولة الإسلامية", "ISIS"},
    {"حماس", "Hamas"}, {"حركة حماس", "Hamas"}, {"حزب الله", "Hezbollah"},
    {"بي بي سي", "BBC"}, {"هيئة الإذاعة البريطانية", "BBC"}, {"سي إن إن", "CNN"},
    {"الاتحاد الدولي لكرة القدم", "FIFA"}, {"الفيفا", "FIFA"}, {"فيفا", "FIFA"},
    {"تويتر", "Twitter"}, {"فيسبوك", "Facebook"}, {"فيس بوك", "Facebook"}, {"يوتيوب", "YouTube"},
    {"غوغل", "Google"}, {"جوجل", "Google"}, {"غوغل بلس", "Google Plus"}, {"جوجل بلس", "Google Plus"}, {"إنستغرام", "Instagram"}, {"انستغرام", "Instagram"},
    {"سناب شات", "Snapchat"}, {"واتساب", "WhatsApp"}, {"واتس آب", "WhatsApp"},
    {"وكالة الأنباء السعودية", "Saudi Press Agency"}, {"واس", "Saudi Press Agency"},
    {"البنك المركزي الأوروبي", "European Central Bank"}, {"قناة السويس", "Suez Canal"},
    {"مجلس الاحتياطي الاتحادي", "Federal Reserve"}, {"الاحتياطي الاتحادي", "Federal Reserve"},
    {"مجلس الاحتياطي الفيدرالي", "Federal Reserve"}, {"الاحتياطي الفيدرالي", "Federal Reserve"},
    {"أرامكو", "Saudi Aramco"}, {"أرامكو السعودية", "Saudi Aramco"},
    // Apple and SABIC only with the word company: آبل and أبل alone are إبل
    // (camels) but for the hamza, and spellings of سابك alone include
    // السابق (the former).
    {"شركة أبل", "Apple"}, {"شركة آبل", "Apple"}, {"شركة سابك", "SABIC"},
    {"مايكروسوفت", "Microsoft"}, {"سامسونج", "Samsung"}, {"سامسونغ", "Samsung"},
    // Football clubs whose names are no place's (Barcelona and Liverpool
    // are cities first) nor a person's (Chelsea: the list makes a listed
    // name tagged as a person's an organisation).
    {"مانشستر يونايتد", "Manchester United"}, {"مانشستر سيتي", "Manchester City"},
    {"ريال مدريد", "Real Madrid"}, {"أتلتيكو مدريد", "Atletico Madrid"}, {"بايرن ميونيخ", "Bayern Munich"},
    {"بايرن ميونخ", "Bayern Munich"}, {"باريس سان جيرمان", "Paris Saint-Germain"}, {"يوفنتوس", "Juventus"},
    {"آرسنال", "Arsenal"}, {"أرسنال", "Arsenal"}, {"توتنهام", "Tottenham Hotspur"},
    {"إنتر ميلان", "Inter Milan"}, {"بوروسيا دورتموند", "Borussia Dortmund"}, {"فيورنتينا", "Fiorentina"},
    {"إيفرتون", "Everton"}, {"أستون فيلا", "Aston Villa"}, {"نيوكاسل يونايتد", "Newcastle United"},
    {"فولفسبورغ", "Wolfsburg"}, {"فياريال", "Villarreal"}, {"أتلتيك بلباو", "Athletic Bilbao"},
    {"أتليتك بلباو", "Athletic Bilbao"}, {"ريفر بليت", "River Plate"}, {"ريفربليت", "River Plate"},
    {"بوكا جونيورز", "Boca Juniors"},
};

// Other names of the news (MISC) the press prints in English: religions
// and their books, holy places, wars and military operations, prizes and
// tournaments, weapons, aircraft and software. A name followed by a number
// takes it («بوينج 777», Boeing 777).
constexpr std::pair<std::string_view, std::string_view> kOtherNames[] = {
    {"الإسلام", "Islam"}, {"المسيحية", "Christianity"}, {"اليهودية", "Judaism"}, {"البوذية", "Buddhism"},
    {"القرآن", "Quran"}, {"القرآن الكريم", "Quran"}, {"الإنجيل", "Gospel"}, {"الكتاب المقدس", "Bible"},
    {"التوراة", "Torah"}, {"السنة النبوية", "Sunnah"},
    {"المسجد الأقصى", "Al-Aqsa Mosque"}, {"الأقصى", "Al-Aqsa"}, {"المسجد الحرام", "Grand Mosque"},
    {"الحرم المكي", "Grand Mosque"}, {"المسجد النبوي", "Prophet's Mosque"}, {"الكعبة", "Kaaba"},
    {"الكعبة المشرفة", "Kaaba"},
    {"الحرب العالمية الأولى", "World War I"}, {"الحرب العالمية الثانية", "World War II"},
    {"الحرب الباردة", "Cold War"}, {"حرب الخليج", "Gulf War"}, {"الربيع العربي", "Arab Spring"},
    {"عاصفة الحزم", "Operation Decisive Storm"}, {"إعادة الأمل", "Operation Restoring Hope"},
    {"الهولوكوست", "Holocaust"}, {"سايكس بيكو", "Sykes-Picot"}, {"اتفاقية سايكس بيكو", "Sykes-Picot Agreement"},
    {"اتفاق أوسلو", "Oslo Accords"}, {"اتفاقية أوسلو", "Oslo Accords"},
    {"جائزة نوبل", "Nobel Prize"}, {"نوبل", "Nobel"}, {"الأوسكار", "Oscars"}, {"أوسكار", "Oscar"},
    {"كأس العالم", "World Cup"}, {"المونديال", "World Cup"}, {"الألعاب الأولمبية", "Olympic Games"},
    {"الأولمبياد", "Olympics"}, {"دوري أبطال أوروبا", "Champions League"},
    {"دوري أبطال آسيا", "AFC Champions League"}, {"كأس آسيا", "Asian Cup"}, {"كأس الخليج", "Gulf Cup"},
    {"كأس أمم أفريقيا", "Africa Cup of Nations"}, {"كوبا أمريكا", "Copa America"},
    {"كوبا أميركا", "Copa America"}, {"الليغا", "La Liga"},
    {"كلاشنيكوف", "Kalashnikov"}, {"إف 16", "F-16"}, {"إف 15", "F-15"}, {"سكود", "Scud"},
    {"بوينج", "Boeing"}, {"بوينغ", "Boeing"}, {"إيرباص", "Airbus"},
    {"واي فاي", "Wi-Fi"}, {"ويندوز", "Windows"}, {"آيفون", "iPhone"}, {"أندرويد", "Android"},
};

}  // namespace

const NameMap& CountryNames() {
  static const NameMap names = [] {
    NameMap map;
    for (const char* const* code = uloc_getISOCountries(); *code; ++code) AddTerritory(*code, &map);
    AddOfficialNames(&map);
    return map;
  }();
  return names;
}

// CLDR's time-zone exemplar cities: their English names, and the English
// names of their countries.
struct ZoneCities {
  NameMap english, country;
};

const ZoneCities& CitiesOfTimeZones() {
  static const ZoneCities cities = [] {
    ZoneCities out;
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<icu::TimeZoneNames> ar(icu::TimeZoneNames::createInstance(icu::Locale("ar"), status));
    const std::unique_ptr<icu::TimeZoneNames> en(icu::TimeZoneNames::createInstance(icu::Locale("en"), status));
    const std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createEnumeration(status));
    while (U_SUCCESS(status) && zones != nullptr) {
      const icu::UnicodeString* id = zones->snext(status);
      if (id == nullptr) break;
      icu::UnicodeString a, e, country;
      ar->getExemplarLocationName(*id, a);
      en->getExemplarLocationName(*id, e);
      const std::string arabic = Utf8(a), english = Utf8(e);
      // A qualified English name is a small namesake of a famous place:
      // بطرسبرغ is "Petersburg, Indiana" to CLDR and St Petersburg to news.
      if (!PlainArabic(arabic) || english.find(',') != std::string::npos) continue;
      Add(arabic, english, true, &out.english);
      char region[8] = {0};
      UErrorCode region_status = U_ZERO_ERROR;
      icu::TimeZone::getRegion(*id, region, sizeof region, region_status);
      if (U_SUCCESS(region_status) && std::string_view(region) != "001") {
        icu::Locale("", region).getDisplayCountry(icu::Locale("en"), country);
        Add(arabic, Utf8(country), true, &out.country);
      }
    }
    return out;
  }();
  return cities;
}

const NameMap& PlaceNames() {
  static const NameMap names = [] {
    // Countries first: عمان is Oman, though CLDR's city عمّان (Amman) has
    // the same key.
    NameMap map = CountryNames();
    ForEachRegion([&](const char* code) { AddTerritory(code, &map); });
    for (const auto& [arabic, english] : kPlaces) Add(arabic, english, false, &map);
    for (const auto& [arabic, english] : kRegions) Add(arabic, english, false, &map);
    for (const auto& [arabic, english] : CitiesOfTimeZones().english) map.emplace(arabic, english);
    return map;
  }();
  return names;
}

const NameMap& CityCountries() { return CitiesOfTimeZones().country; }

const NameMap& PlacesInNames() {
  static const NameMap names = [] {
    std::unordered_set<std::string_view> countries;
    for (const auto& [arabic, english] : CountryNames()) countries.insert(english);
    NameMap map;
    for (const auto& [arabic, english] : kPlaces) {
      if (!countries.count(english) && arabic.find(' ') == std::string_view::npos) Add(arabic, english, false, &map);
    }
    return map;
  }();
  return names;
}

const NameMap& BodyNames() {
  static const NameMap names = [] {
    NameMap map;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::StringEnumeration> groups(icu::Region::getAvailable(URGN_GROUPING, status));
    while (U_SUCCESS(status) && groups != nullptr) {
      const char* code = groups->next(nullptr, status);
      if (code == nullptr) break;
      // Only the bodies among the groupings: the Eurozone and "Outlying
      // Oceania" are no organisations.
      if (std::string_view(code) == "UN" || std::string_view(code) == "EU") AddTerritory(code, &map);
    }
    for (const auto& [arabic, english] : kBodies) Add(arabic, english, false, &map);
    return map;
  }();
  return names;
}

std::string OtherEnglishName(std::string_view arabic) {
  static const NameMap names = [] {
    NameMap map;
    for (const auto& [arabic, english] : kOtherNames) Add(arabic, english, false, &map);
    return map;
  }();
  const std::string key = text::MatchKey(arabic);
  if (const auto it = names.find(key); it != names.end()) return it->second;
  // A model's number after the name: «بوينج 777», «ويندوز 10».
  const size_t space = key.rfind(' ');
  if (space == std::string::npos || space + 1 == key.size()) return "";
  const std::string_view number = std::string_view(key).substr(space + 1);
  if (!std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) return "";
  const auto it = names.find(key.substr(0, space));
  return it == names.end() ? "" : it->second + " " + std::string(number);
}

const std::string* GazetteerPlace(const std::string& key) {
  const NameMap& names = PlaceNames();
  if (const auto it = names.find(key); it != names.end()) return &it->second;
  // The last adjective agrees with a noun before the name: «دول الخليج
  // العربية» (the Arab Gulf states) names الخليج العربي (the Arabian Gulf).
  // ("يه" is ية as MatchKey writes it.) An adjective has the article: a
  // foreign name may end so (بوفيه, Bouvet).
  const size_t last_word = key.rfind(' ');
  if (last_word != std::string::npos && key.compare(last_word + 1, 4, "ال") == 0 && key.ends_with("يه")) {
    if (const auto it = names.find(key.substr(0, key.size() - 2)); it != names.end()) return &it->second;
  }
  return nullptr;
}

std::string EnglishName(std::string_view arabic, bool place, const Matcher& matcher) {
  const NameMap& names = place ? PlaceNames() : BodyNames();
  const std::string key = text::MatchKey(arabic);
  if (place) {
    if (const std::string* english = GazetteerPlace(key)) return *english;
  } else if (const auto it = names.find(key); it != names.end()) {
    return it->second;
  }
  // Entries by their tokens' ArabicLettersKey, joined: the candidates for a
  // variant, each prepared once.
  using Index = std::unordered_map<std::string, std::vector<PreparedEntry>>;
  static Index indexes[2];
  static std::once_flag built[2];
  const auto letters_key = [](const PreparedName& name) {
    std::string key;
    for (const NameToken& t : name.tokens) key += ArabicLettersKey(t) + ' ';
    return key;
  };
  Index& index = indexes[place];
  std::call_once(built[place], [&] {
    for (const auto& [arabic, english] : names) {
      PreparedName name = PrepareName(arabic);
      const std::string key = letters_key(name);
      index[key].push_back({std::move(name), &english});
    }
  });
  const PreparedName name = PrepareName(arabic);
  const auto candidates = index.find(letters_key(name));
  if (candidates == index.end()) return "";
  const std::string* best = nullptr;
  double best_score = kVariantScore;
  bool ambiguous = false;
  for (const PreparedEntry& entry : candidates->second) {
    const PreparedName& known = entry.name;
    if (!std::equal(known.tokens.begin(), known.tokens.end(), name.tokens.begin(), name.tokens.end(),
                    SameArabicLetters)) {
      continue;
    }
    const double score = matcher.MatchScore(name, known);
    if (score < kVariantScore) continue;
    if (best != nullptr && *best != *entry.english) ambiguous = true;
    if (best == nullptr || score > best_score) best = entry.english, best_score = score;
  }
  return best == nullptr || ambiguous ? "" : *best;
}

namespace {

// The groups of the list of bodies: those it also names by a kind of group
// (تنظيم القاعدة, the al-Qaeda organisation; حركة طالبان, the Taliban
// movement; حزب الله, Hezbollah), whose regional branches the news names
// after them. Bodies of other kinds are not: «ريال مدريد» is no branch.
const std::unordered_set<std::string_view>& GroupBodies() {
  static const auto* groups = [] {
    auto* set = new std::unordered_set<std::string_view>;
    const std::string organisation = text::MatchKey("تنظيم");  // organisation
    for (const auto& [arabic, english] : kBodies) {
      const std::string key = text::MatchKey(arabic);
      if (NamedLikeAGroup(arabic) || key.starts_with(organisation + " ")) set->insert(english);
    }
    return set;
  }();
  return *groups;
}

// A place's English name as it follows "in": with the article where English
// names the place by a common noun (the Levant, the Arabian Peninsula, the
// United States), without it before a proper name (Libya, Sinai).
std::string AfterIn(const std::string& place) {
  static const std::unordered_set<std::string_view> kCommonNouns = {
      "Levant", "Maghreb", "Balkans", "Caucasus", "Sahel", "Sahara", "Gulf", "East", "Peninsula",
      "Sea", "Ocean", "States", "Kingdom", "Emirates", "Republic", "Islands", "Strip", "Bank",
      "Heights", "Territories", "Netherlands", "Philippines", "Hejaz"};
  const size_t space = place.rfind(' ');
  const std::string_view last = std::string_view(place).substr(space == std::string::npos ? 0 : space + 1);
  return kCommonNouns.contains(last) ? "the " + place : place;
}

}  // namespace

std::optional<GroupAndPlace> SplitGroupAndPlace(std::string_view arabic) {
  // Each group's own country: its name and that country's name the group
  // itself (حركة طالبان أفغانستان, حزب الله لبنان), not a branch of it.
  static const std::unordered_map<std::string_view, std::unordered_set<std::string_view>> kHomes = {
      {"Taliban", {"Afghanistan"}},
      {"Hezbollah", {"Lebanon"}},
      {"Hamas", {"Palestine", "Palestinian Territories", "Gaza Strip"}},
      {"Nusra Front", {"Syria"}},
      {"PKK", {"Turkey", "Kurdistan"}},
      {"Quds Force", {"Iran"}},
      {"Muslim Brotherhood", {"Egypt"}},
      {"Boko Haram", {"Nigeria"}},
  };
  // The regions groups name their branches after, which name one even
  // written once.
  static const std::unordered_set<std::string_view> kBranchRegions = {
      "Levant", "Maghreb", "Islamic Maghreb", "Arabian Peninsula", "Khorasan", "Sinai", "Hejaz", "Caucasus"};
  const std::vector<std::string_view> words = WrittenWords(arabic);
  const auto join = [&](size_t from, size_t to) {
    std::string s;
    for (size_t i = from; i < to; ++i) {
      if (i > from) s += ' ';
      s += words[i];
    }
    return s;
  };
  static const std::string in = text::MatchKey("في");  // in
  // The longest group first: «تنظيم الدولة الإسلامية في ليبيا» is ISIS's,
  // of which «تنظيم الدولة» is a name too.
  for (size_t split = words.size(); split-- > 1;) {
    const auto parent = BodyNames().find(text::MatchKey(join(0, split)));
    if (parent == BodyNames().end() || !GroupBodies().contains(parent->second)) continue;
    const bool with_in = text::MatchKey(words[split]) == in;
    const size_t place_from = with_in ? split + 1 : split;
    if (place_from >= words.size()) continue;
    // The gazetteer's own names only: its variants include adjectives
    // (الفلسطينية is no Palestine: «حركة حماس الفلسطينية» is Hamas).
    const std::string* place = GazetteerPlace(text::MatchKey(join(place_from, words.size())));
    if (place == nullptr) continue;
    GroupAndPlace found;
    found.group = parent->second;
    found.branch = parent->second + " in " + AfterIn(*place);
    const auto home = kHomes.find(parent->second);
    found.home = home != kHomes.end() && home->second.contains(*place);
    found.region = kBranchRegions.contains(*place);
    found.with_in = with_in;
    return found;
  }
  return std::nullopt;
}

}  // namespace marsad::resolve::internal

namespace marsad::resolve {

bool IsCountryOrRegionName(std::string_view latin) {
  static const auto* names = [] {
    auto* set = new std::unordered_set<std::string>;
    const auto add = [&](const char* code) {
      icu::UnicodeString en;
      icu::Locale("", code).getDisplayCountry(icu::Locale("en"), en);
      const std::string e = internal::Utf8(en);
      if (e != code) set->insert(e.substr(0, e.find(" - ")));
    };
    for (const char* const* code = uloc_getISOCountries(); *code; ++code) add(*code);
    internal::ForEachRegion(add);
    return set;
  }();
  return names->contains(std::string(latin));
}

}  // namespace marsad::resolve
