// English names of bodies and made places that are named by what they are
// and what they are of, as English-language newspapers print them: «وزارة
// الداخلية السعودية» is the Saudi Interior Ministry, not Wizarat
// al-Dakhiliya al-Saudiya; «طريق الملك فهد» King Fahd Road.
// Arabic puts the kind of body first and each adjective after its noun;
// English puts them the other way round, so the words are translated and
// read back to front. Names and places inside stay names (King Saud
// University, Dubai Islamic Bank).
#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "resolve/internal.h"
#include "text/text.h"

namespace marsad::resolve::internal {
namespace {

// A kind of body, the word a name of one begins with. A titled body has a
// name of its own, printed as it is with the kind after it in lower case
// (al-Watan newspaper, al-Fatah club); an untitled one is named by what it is
// of, translated where the tables know the words. `proper`: what the kind
// is of is most often a proper name, so one word of it with the article the
// tables lack is a name (جامعة الأزهر, al-Azhar University), where for
// other kinds it is a common word (كلية الطب, the college of medicine).
// `of_place`: a body of a place alone is the kind "of" it (Bank of England);
// `place_alone`: a place alone is printed without the kind (مدينة حلب is
// Aleppo). `bare`: the kind names only without the article; with it, it is
// a description (المطار الدولي, the international airport) or another
// name (القاعدة, al-Qaeda; الخليج, the Gulf). `group`: an armed or
// political group, whose names watch lists write romanised as often as in
// English (Jamaat al-Jihad, Harakat al-Shabab). `unit`: a unit of a body
// (مكتب الأمم المتحدة, the United Nations Office). `described`: what the
// kind is of always has the article and is a word of the tables (جهاز
// الأمن, the Security Service); a name after it is no body's (جهاز لوحي,
// a tablet device; جهاز آيباد, an iPad).
// `with_article`: the kind's English with the article and an adjective of
// an assembly after it, and no phrase of ل (الجمعية الوطنية, the National
// Assembly; but الجمعية الخيرية, the Charitable Society, and الجمعية
// الوطنية لحقوق الإنسان, a society for human rights).
struct Kind {
  const char* english;
  bool titled = false;
  bool proper = false;
  bool of_place = false;
  bool place_alone = false;
  bool bare = false;
  bool group = false;
  bool unit = false;
  bool described = false;
  const char* with_article = nullptr;
};

const std::unordered_map<std::string, Kind>& Kinds() {
  static const std::unordered_map<std::string, Kind> table = [] {
    std::unordered_map<std::string, Kind> t;
    for (const auto& [arabic, kind] : std::initializer_list<std::pair<const char*, Kind>>{
             {"وزارة", {.english = "Ministry"}},
             {"جامعة", {.english = "University", .proper = true}},
             {"حزب", {.english = "Party", .proper = true, .group = true}},
             {"حركة", {.english = "Movement", .proper = true, .group = true}},
             {"جماعة", {.english = "Group", .proper = true, .group = true}},
             {"منظمة", {.english = "Organisation"}},
             {"مجلس", {.english = "Council", .unit = true}},
             {"هيئة", {.english = "Authority"}},
             {"لجنة", {.english = "Committee", .unit = true}},
             {"مؤسسة", {.english = "Foundation", .proper = true}},
             {"شركة", {.english = "Company", .proper = true}},
             {"جمعية", {.english = "Society", .with_article = "Assembly"}},
             {"مركز", {.english = "Centre", .unit = true}},
             {"معهد", {.english = "Institute"}},
             {"مستشفى", {.english = "Hospital", .proper = true}},
             {"كلية", {.english = "College"}},
             {"محكمة", {.english = "Court"}},
             {"جبهة", {.english = "Front", .proper = true, .group = true}},
             {"جيش", {.english = "Army", .proper = true, .group = true}},
             {"حرس", {.english = "Guard"}},
             {"تحالف", {.english = "Alliance", .proper = true, .group = true}},
             {"ائتلاف", {.english = "Coalition", .proper = true, .group = true}},
             {"مجموعة", {.english = "Group", .proper = true}},
             {"صندوق", {.english = "Fund", .unit = true}},
             {"رابطة", {.english = "League"}},
             {"نقابة", {.english = "Union"}},
             {"قوات", {.english = "Forces", .group = true}},
             {"فيلق", {.english = "Corps", .proper = true, .group = true}},
             {"كتائب", {.english = "Brigades", .proper = true, .group = true}},
             {"مكتب", {.english = "Office", .unit = true}},
             {"جهاز", {.english = "Service", .described = true}},
             {"وكالة", {.english = "Agency", .proper = true}},
             {"شبكة", {.english = "Network", .proper = true}},
             {"أكاديمية", {.english = "Academy", .proper = true}},
             {"اتحاد", {.english = "Federation"}},  // of a sport, the commonest in the news
             {"بنك", {.english = "Bank", .proper = true, .of_place = true}},
             {"مصرف", {.english = "Bank", .proper = true, .of_place = true}},
             {"نادي", {.english = "club", .titled = true}},
             {"صحيفة", {.english = "newspaper", .titled = true}},
             {"جريدة", {.english = "newspaper", .titled = true}},
             {"مجلة", {.english = "magazine", .titled = true}},
             {"قناة", {.english = "channel", .titled = true}},
             {"إذاعة", {.english = "radio", .titled = true}},
             // Places made or named by people: مطار الملك خالد الدولي, King
             // Khalid International Airport; مخيم اليرموك, the al-Yarmouk camp.
             {"مطار", {.english = "Airport", .proper = true, .bare = true}},
             {"طريق", {.english = "Road", .proper = true, .bare = true}},
             {"شارع", {.english = "Street", .proper = true, .bare = true}},
             {"مدينة", {.english = "City", .proper = true, .place_alone = true, .bare = true}},
             {"حديقة", {.english = "Park", .bare = true}},
             {"قاعدة", {.english = "Base", .bare = true}},
             {"ميناء", {.english = "Port", .proper = true, .bare = true}},
             {"جسر", {.english = "Bridge", .bare = true}},
             {"مجمع", {.english = "Complex", .proper = true, .bare = true}},
             {"ميدان", {.english = "Square", .bare = true}},
             {"قصر", {.english = "Palace", .bare = true}},
             {"خليج", {.english = "Gulf", .of_place = true, .bare = true}},
             {"مضيق", {.english = "Strait", .of_place = true, .bare = true}},
             {"مخيم", {.english = "camp", .titled = true, .bare = true}},
         }) {
      t.emplace(text::MatchKey(arabic), kind);
    }
    return t;
  }();
  return table;
}

const std::unordered_set<std::string>& Prepositions() {
  static const std::unordered_set<std::string> set = {"في", "من", "على", "إلى", "الى", "عن"};
  return set;
}

const Kind kCanal = {.english = "Canal"};

// The English-language papers the Arab press names, whose titles it writes
// with its own article for the English one (الغارديان, The Guardian).
const std::unordered_map<std::string, std::string>& EnglishPaperTitles() {
  static const std::unordered_map<std::string, std::string> table = [] {
    std::unordered_map<std::string, std::string> t;
    for (const auto& [arabic, english] : std::initializer_list<std::pair<const char*, const char*>>{
             {"الغارديان", "The Guardian"},
             {"الجارديان", "The Guardian"},
             {"الإندبندنت", "The Independent"},
             {"الاندبندنت", "The Independent"},
             {"التلغراف", "The Telegraph"},
             {"التليغراف", "The Telegraph"},
             {"التايمز", "The Times"},
             {"الصن", "The Sun"},
             {"الميرور", "The Mirror"},
             {"الأوبزرفر", "The Observer"},
             {"الإيكونوميست", "The Economist"},
             {"الإكونوميست", "The Economist"},
         }) {
      t.emplace(text::MatchKey(arabic), english);
    }
    return t;
  }();
  return table;
}

// The adjectives of an assembly (الوطنية national, العامة general,
// التأسيسية constituent, التشريعية legislative), as match keys.
bool AssemblyAdjective(const std::string& key) {
  static const text::internal::StringSet set =
      text::internal::MatchKeySet({"الوطنية", "العامة", "التأسيسية", "التشريعية"});
  return set.contains(key);
}

// قناة is a canal before the names of the canals of the news, a channel
// before any other (قناة دبي, the Dubai channel).
bool CanalName(const std::string& key) { return key == text::MatchKey("السويس") || key == text::MatchKey("بنما"); }

// What a word of a body's name is, read after the article (or, for a noun,
// in construct before a word with it: حقوق الإنسان, human rights).
enum class Role {
  kNoun,        // التجارة: Trade
  kAdjective,   // الإسلامي: Islamic; its feminine with ة is listed with it
  kBeforeName,  // السعودي: Saudi; of a nation, or new: before a name
  kTitle,       // الملك: King; begins a person's name
};

struct Word {
  const char* english;
  Role role;
};

// The words of the bodies of the news, by their match keys without the
// article. Not words that are the names of bodies as often as what they are
// of: الشباب (youth) is al-Shabab, الإخوان (the brothers) the Brotherhood,
// الإنماء (growth) Alinma Bank, النهضة (revival) Ennahda.
const std::unordered_map<std::string, Word>& Words() {
  static const std::unordered_map<std::string, Word> table = [] {
    std::unordered_map<std::string, Word> t;
    const auto add = [&t](const char* arabic, const char* english, Role role) {
      const std::string key = text::MatchKey(arabic);
      t.emplace(key, Word{english, role});
      // MatchKey writes ة as ه: the feminine of السعودي is السعوديه.
      if (role == Role::kAdjective || role == Role::kBeforeName) t.emplace(key + "ه", Word{english, role});
    };
    for (const auto& [arabic, english] : std::initializer_list<std::pair<const char*, const char*>>{
             {"داخلية", "Interior"},
             {"خارجية", "Foreign"},
             {"دفاع", "Defence"},
             {"عدل", "Justice"},
             {"عدالة", "Justice"},
             {"مالية", "Finance"},
             {"خزانة", "Treasury"},
             {"صحة", "Health"},
             {"تعليم", "Education"},
             {"تربية", "Education"},
             {"عمل", "Labour"},
             {"إعلام", "Information"},
             {"ثقافة", "Culture"},
             {"اقتصاد", "Economy"},
             {"تجارة", "Trade"},
             {"صناعة", "Industry"},
             {"زراعة", "Agriculture"},
             {"نقل", "Transport"},
             {"إسكان", "Housing"},
             {"حج", "Hajj"},
             {"أوقاف", "Endowments"},
             {"شؤون", "Affairs"},
             {"سياحة", "Tourism"},
             {"بيئة", "Environment"},
             {"مياه", "Water"},
             {"كهرباء", "Electricity"},
             {"طاقة", "Energy"},
             {"بترول", "Petroleum"},
             {"معادن", "Minerals"},
             {"نفط", "Oil"},
             {"اتصالات", "Telecommunications"},
             {"إذاعة", "Broadcasting"},
             {"تخطيط", "Planning"},
             {"استثمار", "Investment"},
             {"تنمية", "Development"},
             {"تأمين", "Insurance"},
             {"جمارك", "Customs"},
             {"هجرة", "Migration"},
             {"لاجئين", "Refugees"},
             {"رياضة", "Sports"},
             {"أمن", "Security"},
             {"استخبارات", "Intelligence"},
             {"مخابرات", "Intelligence"},
             {"شرطة", "Police"},
             {"دعوة", "Call"},
             {"تعاون", "Cooperation"},
             {"تحرير", "Liberation"},
             {"مقاومة", "Resistance"},
             {"جهاد", "Jihad"},
             {"إصلاح", "Reform"},
             {"حرية", "Freedom"},
             {"سلام", "Peace"},
             {"وحدة", "Unity"},
             {"مؤتمر", "Congress"},
             {"شعب", "People"},
             {"شعوب", "Peoples"},
             {"عمال", "Workers"},
             {"نواب", "Representatives"},
             {"شورى", "Shura"},
             {"قضاء", "Judiciary"},
             {"حقوق", "Rights"},
             {"إنسان", "Human"},
             {"إغاثة", "Relief"},
             {"علوم", "Sciences"},
             {"تقنية", "Technology"},
             {"أبحاث", "Research"},
             {"بحوث", "Research"},
             {"دراسات", "Studies"},
             {"أعمال", "Business"},
             {"سيارات", "Automobiles"},
             {"طيران", "Aviation"},
             {"فضاء", "Space"},
             {"إحصاء", "Statistics"},
             {"أرصاد", "Meteorology"},
             {"غذاء", "Food"},
             {"أغذية", "Food"},
             {"دواء", "Drug"},
             {"أدوية", "Drugs"},
             {"مستقبل", "Future"},
             {"خليج", "Gulf"},
             {"شرق", "East"},
             {"غرب", "West"},
             {"تحقيقات", "Investigation"},
             {"تدريب", "Training"},
             {"ملاحة", "Navigation"},
             {"إلكترونيات", "Electronics"},
             {"صناعات", "Industries"},
             {"تمويل", "Finance"},
             {"مسح", "Survey"},
             {"مقاولين", "Contractors"},
             {"وزراء", "Ministers"},
             {"احتلال", "Occupation"},
             {"أنباء", "News"},
             {"كرة", "Football"},    // ball; alone, football's
             {"قدم", "Football"},    // foot; alone, football's (اتحاد القدم)
             {"سلة", "Basketball"},  // basket
             {"عالم", "World"},
             {"صحافة", "Press"},
             {"إدارة", "Administration"},
             {"خدمة", "Service"},
             {"إنقاذ", "Rescue"},
         }) {
      add(arabic, english, Role::kNoun);
    }
    for (const auto& [arabic, english] : std::initializer_list<std::pair<const char*, const char*>>{
             {"دولي", "International"},
             {"عالمي", "World"},
             {"إسلامي", "Islamic"},
             {"وطني", "National"},
             {"قومي", "National"},
             {"داخلي", "Internal"},  // its feminine is the noun داخلية, Interior, above
             {"خارجي", "External"},
             {"سياسي", "Political"},
             {"أهلي", "National"},
             {"ديمقراطي", "Democratic"},
             {"شعبي", "Popular"},
             {"اشتراكي", "Socialist"},
             {"جمهوري", "Republican"},
             {"ثوري", "Revolutionary"},
             {"اتحادي", "Federal"},
             {"فيدرالي", "Federal"},
             {"مركزي", "Central"},
             {"اقتصادي", "Economic"},
             {"اجتماعي", "Social"},
             {"أمني", "Security"},
             {"عسكري", "Military"},
             {"جوي", "Air"},
             {"بحري", "Naval"},
             {"ملكي", "Royal"},
             {"تجاري", "Commercial"},
             {"صناعي", "Industrial"},
             {"زراعي", "Agricultural"},
             {"عقاري", "Real Estate"},
             {"خيري", "Charitable"},
             {"تقني", "Technical"},
             {"صحي", "Health"},
             {"طبي", "Medical"},
             {"تخصصي", "Specialist"},
             {"جامعي", "University"},
             {"أولمبي", "Olympic"},
             {"رياضي", "Sports"},
             {"إعلامي", "Media"},
             {"ثقافي", "Cultural"},
             {"سياحي", "Tourism"},
             {"تعليمي", "Educational"},
             {"علمي", "Scientific"},
             {"مدني", "Civil"},
             {"بلدي", "Municipal"},
             {"قروي", "Rural"},
             {"عالي", "Higher"},
             {"خليجي", "Gulf"},  // of regions: after a name (Nayef Arab University)
             {"عربي", "Arab"},
             {"أوروبي", "European"},
             {"أفريقي", "African"},
             {"إفريقي", "African"},
             {"آسيوي", "Asian"},
             {"ذري", "Atomic"},
             {"نووي", "Nuclear"},
             {"جيولوجي", "Geological"},
             {"جنائي", "Criminal"},
             {"دستوري", "Constitutional"},
             {"تشريعي", "Legislative"},
             {"تأسيسي", "Constituent"},
             {"استشاري", "Consultative"},
             {"انتقالي", "Transitional"},
             {"إنساني", "Humanitarian"},
             {"متحد", "United"},
             {"عام", "General"},
             {"أول", "First"},
             {"حر", "Free"},
         }) {
      add(arabic, english, Role::kAdjective);
    }
    add("أعلى", "Supreme", Role::kAdjective);
    add("عليا", "Supreme", Role::kAdjective);
    add("أحمر", "Red", Role::kAdjective);
    add("حمراء", "Red", Role::kAdjective);
    add("مشتركة", "Joint", Role::kAdjective);
    // Of a nation, and new: they go before a name (Saudi Aramco, the New
    // Suez Canal).
    add("جديد", "New", Role::kBeforeName);
    for (const auto& [arabic, english] : std::initializer_list<std::pair<const char*, const char*>>{
             {"سعودي", "Saudi"},          {"مصري", "Egyptian"},    {"سوري", "Syrian"},
             {"لبناني", "Lebanese"},      {"عراقي", "Iraqi"},      {"أردني", "Jordanian"},
             {"فلسطيني", "Palestinian"},  {"يمني", "Yemeni"},      {"كويتي", "Kuwaiti"},
             {"إماراتي", "Emirati"},      {"قطري", "Qatari"},      {"بحريني", "Bahraini"},
             {"عماني", "Omani"},          {"تونسي", "Tunisian"},   {"جزائري", "Algerian"},
             {"مغربي", "Moroccan"},       {"ليبي", "Libyan"},      {"سوداني", "Sudanese"},
             {"موريتاني", "Mauritanian"}, {"صومالي", "Somali"},    {"إيراني", "Iranian"},
             {"تركي", "Turkish"},         {"أفغاني", "Afghan"},    {"باكستاني", "Pakistani"},
             {"هندي", "Indian"},          {"صيني", "Chinese"},     {"ياباني", "Japanese"},
             {"كوري", "Korean"},          {"روسي", "Russian"},     {"أمريكي", "American"},
             {"أميركي", "American"},      {"بريطاني", "British"},  {"فرنسي", "French"},
             {"ألماني", "German"},        {"إيطالي", "Italian"},   {"إسباني", "Spanish"},
             {"برتغالي", "Portuguese"},   {"هولندي", "Dutch"},     {"سويسري", "Swiss"},
             {"يوناني", "Greek"},         {"ماليزي", "Malaysian"}, {"إندونيسي", "Indonesian"},
             {"إسرائيلي", "Israeli"},     {"كردي", "Kurdish"},     {"كردستاني", "Kurdistan"},
             {"طاجيكي", "Tajik"},         {"أوزبكي", "Uzbek"},     {"شيشاني", "Chechen"},
         }) {
      add(arabic, english, Role::kBeforeName);
    }
    for (const auto& [arabic, english] : std::initializer_list<std::pair<const char*, const char*>>{
             {"ملك", "King"},
             {"ملكة", "Queen"},
             {"أمير", "Prince"},
             {"أميرة", "Princess"},
             {"إمام", "Imam"},
             {"شيخ", "Sheikh"},
             {"سلطان", "Sultan"},
             {"مهندس", "Engineer"},
             {"دكتور", "Dr"},
         }) {
      add(arabic, english, Role::kTitle);
    }
    return t;
  }();
  return table;
}

// One part of the name after its kind: a word or words the tables translate,
// or a name or place, printed as a unit.
struct Part {
  std::string english;
  bool name = false;
  Role role = Role::kNoun;
  bool phrase = false;   // after ل (for)
  bool joined = false;   // of two words joined by و (and)
  bool guessed = false;  // a name guessed from a word the tables lack
};

const std::string kArticle = "ال";
const std::string kAndArticle = "وال";
const std::string kFor = "ل";
const std::string kIn = "ب";
const std::string kGod = "الله";
const std::string kBall = "كره";  // كرة as MatchKey writes it

// The games كرة (ball) names, by the match key of the word after it.
const std::unordered_map<std::string, const char*>& Games() {
  static const std::unordered_map<std::string, const char*> table = {
      {text::MatchKey("القدم"), "Football"},
      {text::MatchKey("السلة"), "Basketball"},
      {text::MatchKey("اليد"), "Handball"},
      {text::MatchKey("الطائرة"), "Volleyball"},
  };
  return table;
}

// The English name of a one-word place of PlaceNames (countries, regions,
// CLDR's time-zone cities and the curated places), or null. CLDR's cities
// include a few common words (نوم, sleep: Nome), which PlacesInNames leaves
// out; in a body's name, where a place stands as a name, they are rare, and
// CLDR holds the cities the curated list does not (جامعة القاهرة, Cairo
// University).
const std::string* PlaceOf(const std::string& key) {
  const auto it = PlaceNames().find(key);
  return it == PlaceNames().end() ? nullptr : &it->second;
}

// The entry of Words for a word written with the article, or null.
const Word* WordWithArticle(const std::string& key) {
  if (!key.starts_with(kArticle)) return nullptr;
  const auto it = Words().find(key.substr(kArticle.size()));
  return it == Words().end() ? nullptr : &it->second;
}

// Whether a word is a phrase of a preposition, ل (for) or ب (in), which
// English words differently (the Fund for Development, a hospital in Hofuf):
// ل and the article (للعلوم, for sciences), or either before a place or a
// word of the tables with the article (بعنيزة, in Unaizah; بالهفوف). After
// a person's name, whose words never begin so, ب and the article is one
// too. Not ب alone, which begins names (بالتيمور, Baltimore).
bool PrepositionPhrase(const std::string& key, bool after_person) {
  if (key.starts_with("لل")) return true;
  const std::string preposition[] = {"ب", "ل"};
  for (const std::string& p : preposition) {
    if (!key.starts_with(p)) continue;
    const std::string rest = key.substr(p.size());
    if (PlaceOf(rest) || WordWithArticle(rest)) return true;
    if (after_person && rest.starts_with(kArticle)) return true;
  }
  return false;
}

// Words that join names inside a person's name: the one after them may
// carry the article (عبد الرحمن، أبو الفضل، أم القرى).
bool Joins(const std::string& key) {
  return key == "عبد" || key == "ابو" || key == "ام" || key == "بن" || key == "ابن" || key == "بنت";
}

// The name of words `originals` (with their match keys): see
// ComposedEnglishName.
std::string Compose(const std::vector<std::string>& originals, const std::vector<std::string>& keys,
                    const Matcher& matcher) {
  if (keys.size() < 2) return "";
  const bool head_article = keys[0].starts_with(kArticle);
  const auto found = Kinds().find(head_article ? keys[0].substr(kArticle.size()) : keys[0]);
  if (found == Kinds().end()) return "";
  Kind kind = found->second;
  if (found->first == text::MatchKey("قناة") && CanalName(keys[1])) kind = kCanal;
  if (head_article && kind.bare) return "";
  if (kind.described && !keys[1].starts_with(kArticle)) return "";
  if (head_article && kind.with_article != nullptr && AssemblyAdjective(keys[1]) &&
      std::none_of(keys.begin() + 2, keys.end(), [](const std::string& k) { return k.starts_with(kFor); })) {
    kind.english = kind.with_article;
  }
  const auto& words = Words();
  const auto joined = [&](size_t from, size_t to) {
    std::string name;
    for (size_t j = from; j < to; ++j) name += (j > from ? " " : "") + originals[j];
    return name;
  };
  // A body the list of bodies knows after the kind: the body itself
  // (منظمة الأوبك, OPEC; وكالة ناسا, NASA), but a unit of it after a kind
  // of unit (مكتب الأمم المتحدة, the United Nations Office), and a body of
  // a thing of another kind (هيئة قناة السويس, the Suez Canal Authority).
  if (!kind.titled && !head_article) {
    if (const std::string body = EnglishName(joined(1, keys.size()), false, matcher); !body.empty()) {
      const std::string& next = keys[1];
      const bool of_a_kind = Kinds().contains(next.starts_with(kArticle) ? next.substr(kArticle.size()) : next);
      return kind.unit || of_a_kind ? body + " " + kind.english : body;
    }
  }
  // Words i..end-1 as Romanize prints them after the kind, which tells it
  // that they name a body: its cities by their English names (شركة مترو
  // جدة, Metro Jeddah), a newspaper's title with its article (al-Riyadh).
  // The kind, a word of its tables, is the first word it prints.
  const auto romanized_after_kind = [&](size_t i, size_t end) {
    std::string name = originals[0];
    for (size_t j = i; j < end; ++j) name += " " + originals[j];
    const std::string latin = matcher.Romanize(name);
    const size_t space = latin.find(' ');
    return space == std::string::npos ? std::string() : latin.substr(space + 1);
  };
  // A kind with the article is followed by its adjectives, never by a
  // name: «الصحيفة السعودية» describes a paper (the Saudi newspaper), and
  // «الاتحاد منصور» is no body's name but two of a sentence's words.
  if (head_article && (kind.titled || !keys[1].starts_with(kArticle))) return "";
  if (kind.titled) {
    // Adjectives after the title are the body's, not the title's: a
    // nation's before the title (صحيفة السفير اللبنانية, the Lebanese
    // al-Safir newspaper), others before the kind (قناة الجزيرة الرياضية,
    // the al-Jazira Sports channel).
    size_t title_end = keys.size();
    std::string nations, others;
    while (title_end > 2) {
      const Word* word = WordWithArticle(keys[title_end - 1]);
      if (word == nullptr || (word->role != Role::kBeforeName && word->role != Role::kAdjective)) break;
      std::string& before = word->role == Role::kBeforeName ? nations : others;
      before = std::string(word->english) + " " + before;
      --title_end;
    }
    // A place without the article is printed by its English name (قناة
    // دبي, the Dubai channel), as Romanize prints only the curated places;
    // an English paper by its own title (The Guardian newspaper).
    const std::string* english = nullptr;
    if (title_end == 2) {
      const auto paper = EnglishPaperTitles().find(keys[1]);
      english = paper != EnglishPaperTitles().end() ? &paper->second
                : !keys[1].starts_with(kArticle)    ? PlaceOf(keys[1])
                                                    : nullptr;
    }
    const std::string title = english != nullptr ? *english : romanized_after_kind(1, title_end);
    return title.empty() ? "" : nations + title + " " + others + kind.english;
  }

  // Whether word i is a preposition alone (في, in; على, on): read as
  // written, since the match key of على is that of علي (Ali).
  const auto preposition = [&](size_t i) {
    return Prepositions().contains(text::Normalize(originals[i], text::kDisplay).text);
  };
  // Whether word i is ل (for) before a word the tables lack, in construct
  // with a noun they have: a phrase English words otherwise (لتأجير
  // السيارات, for renting cars), not a name (لندن, London).
  const auto unknown_phrase = [&](size_t i) {
    if (!keys[i].starts_with(kFor) || PlaceOf(keys[i]) || i + 1 == keys.size()) return false;
    const Word* next = WordWithArticle(keys[i + 1]);
    return next != nullptr && next->role == Role::kNoun;
  };
  // Where the name that begins at word i ends: at the next word with the
  // article that no joining word brings and is not الله (God: أنصار الله,
  // Ansar Allah), at و (and) with the article, or at a preposition or its
  // phrase.
  const auto name_end = [&](size_t i, bool person) {
    size_t end = i + 1;
    while (end < keys.size() && (!keys[end].starts_with(kArticle) || Joins(keys[end - 1]) || keys[end] == kGod) &&
           !keys[end].starts_with(kAndArticle) && !preposition(end) && !PrepositionPhrase(keys[end], person) &&
           !unknown_phrase(end)) {
      ++end;
    }
    return end;
  };
  // The translated word `key` (after any ل) at word i, or false if it is
  // none: with the article, or a noun in construct with a word that has it
  // (حقوق الإنسان); a noun without either is indefinite (شركة طيران, an
  // airline), which no name is.
  const auto add_word = [&](const std::string& key, size_t i, bool phrase, std::vector<Part>* parts) {
    if (const auto game = Games().find(key); game != Games().end() && i > 1 && keys[i - 1].ends_with(kBall)) {
      parts->push_back({game->second, false, Role::kNoun, phrase});
      return true;
    }
    const bool article = key.starts_with(kArticle);
    const auto word = words.find(article ? key.substr(kArticle.size()) : key);
    if (word == words.end() || word->second.role == Role::kTitle) return false;
    const bool in_construct =
        !article && word->second.role == Role::kNoun && i + 1 < keys.size() && keys[i + 1].starts_with(kArticle);
    if (!article && !in_construct) return false;
    // كرة (ball) before its game is the game: كرة القدم, football.
    if (word->first == kBall && i + 1 < keys.size() && Games().count(keys[i + 1])) return true;
    // An adjective after a word the tables lack taken for a name agrees
    // with it, a common noun (شركة الخطوط الجوية, the airways company;
    // السوق المالية, the financial market); one of a nation may be the
    // body's (شركة الزامل السعودية, the Saudi al-Zamil Company).
    if (word->second.role == Role::kAdjective && !phrase && parts->size() == 1 && parts->front().guessed) {
      return false;
    }
    // An adjective after two joined nouns is the second's (العمل والتنمية
    // الاجتماعية, labour and social development), which the order of parts
    // cannot say.
    if (word->second.role == Role::kAdjective && !parts->empty() && parts->back().joined) return false;
    // Nations side by side keep their order (مجلس الأعمال السعودي
    // الأمريكي, the Saudi-American Business Council).
    if (word->second.role == Role::kBeforeName && !parts->empty() && parts->back().role == Role::kBeforeName &&
        !parts->back().name && parts->back().phrase == phrase) {
      parts->back().english += std::string("-") + word->second.english;
      return true;
    }
    parts->push_back({word->second.english, false, word->second.role, phrase});
    return true;
  };
  std::vector<Part> parts;
  bool phrase_next = false;  // a phrase began with a word that adds no part
  for (size_t i = 1; i < keys.size(); ++i) {
    const std::string& key = keys[i];
    const bool phrase = !parts.empty() && parts.back().phrase;
    if (preposition(i)) return "";
    // و (and) before a translated word joins it to the one before:
    // وزارة الثقافة والإعلام, the Culture and Information Ministry.
    if (key.starts_with(kAndArticle)) {
      const auto word = words.find(key.substr(kAndArticle.size()));
      if (word == words.end() || parts.empty() || parts.back().name || word->second.role != parts.back().role) {
        return "";
      }
      // Two words of one English (التربية والتعليم, education and
      // teaching) are one.
      if (!parts.back().english.ends_with(word->second.english)) {
        parts.back().english += std::string(" and ") + word->second.english;
        parts.back().joined = true;
      }
      continue;
    }
    // ل (for) before translated words: English puts them next to the kind
    // (الوكالة الدولية للطاقة الذرية, the International Atomic Energy
    // Agency; الاتحاد السعودي لكرة القدم, the Saudi Football Federation).
    // The ل of ل and the article takes the article's alef (للعلوم).
    if (key.starts_with(kFor) && !PlaceOf(key)) {
      // Before a word that begins with ل, one ل of three is left out
      // (للاجئين, for the refugees: ل، ال، لاجئين).
      const std::string rest =
          key.starts_with(kFor + kFor) ? kArticle + key.substr(2 * kFor.size()) : key.substr(kFor.size());
      std::vector<Part> added;
      if (add_word(rest, i, true, &added) ||
          (key.starts_with(kFor + kFor) && add_word(kArticle + key.substr(kFor.size()), i, true, &added))) {
        parts.insert(parts.end(), added.begin(), added.end());
        // A phrase of one ball game adds no part: mark the next one.
        if (added.empty()) phrase_next = true;
        continue;
      }
    }
    if (unknown_phrase(i) || PrepositionPhrase(key, !parts.empty() && parts.back().name)) return "";
    if (add_word(key, i, phrase || phrase_next, &parts)) {
      phrase_next = false;
      continue;
    }
    const bool article = key.starts_with(kArticle);
    const auto word = words.find(article ? key.substr(kArticle.size()) : key);
    if (word != words.end() && word->second.role == Role::kTitle && article) {
      // A person's name after the title: جامعة الملك سعود, King Saud
      // University. Romanised as a person's, whose words are no cities.
      if (i + 1 == keys.size()) return "";
      const size_t end = name_end(i + 1, true);
      std::string person;
      for (size_t j = i + 1; j < end; ++j) person += (j > i + 1 ? " " : "") + originals[j];
      // An adjective of a nation after a person's name may be his family
      // name (الدكتور محمد المصري, Dr Mohammed al-Masri).
      if (end < keys.size()) {
        const Word* next = WordWithArticle(keys[end]);
        if (next != nullptr && next->role == Role::kBeforeName) return "";
      }
      parts.push_back({std::string(word->second.english) + " " + matcher.Romanize(person), true});
      i = end - 1;
      continue;
    }
    if (word != words.end()) return "";
    if (const std::string* place = PlaceOf(key)) {
      parts.push_back({*place, true});
      continue;
    }
    if (article) {
      // A word with the article the tables do not know is a name only right
      // after a kind without the article whose names are mostly proper
      // (جامعة الأزهر, al-Azhar University; شركة الزامل للاستثمار, the
      // al-Zamil Investment Company); after a kind with the article it is an
      // adjective (الحزب الحاكم, the ruling party), and among translated
      // words a common word the tables lack: either is better left in
      // Arabic whole.
      // Nor another kind of body (وكالة الوزارة, the ministry's agency).
      if (i != 1 || head_article || !kind.proper || Kinds().contains(key.substr(kArticle.size()))) return "";
      parts.push_back({.english = romanized_after_kind(1, 2), .name = true, .guessed = true});
      continue;
    }
    // A name: words without the article, with those a joining word brings
    // (شركة أرامكو، بنك أبوظبي، مؤسسة محمد بن راشد). Not one word in
    // construct with a noun of the tables, a common noun they lack (هيئة
    // تنظيم الكهرباء, the electricity regulation authority).
    const size_t end = name_end(i, false);
    if (end == i + 1 && end < keys.size()) {
      const Word* next = WordWithArticle(keys[end]);
      if (next != nullptr && next->role == Role::kNoun) return "";
    }
    parts.push_back({romanized_after_kind(i, end), true});
    i = end - 1;
  }

  // English reads the parts back to front (the Saudi Interior Ministry),
  // with those of a phrase next to the kind; a name right after the kind
  // stays first but for the adjectives of nations and "new" (Saudi Aramco
  // Company, but Dubai Islamic Bank). A name anywhere else, or two, is a structure this does
  // not know.
  size_t names = 0;
  for (const Part& p : parts) names += p.name;
  if (names > 1 || (names == 1 && !parts.front().name)) return "";
  for (const Part& p : parts) {
    if (p.english.empty()) return "";
  }
  if (names == 1 && parts.size() == 1 && PlaceOf(keys[1])) {
    if (kind.of_place) return std::string(kind.english) + " of " + parts.front().english;
    if (kind.place_alone) return parts.front().english;
  }
  std::vector<std::string> order;
  const size_t first = names == 1 ? 1 : 0;
  const auto add_back_to_front = [&](auto take) {
    for (size_t i = parts.size(); i-- > first;) {
      if (take(parts[i])) order.push_back(parts[i].english);
    }
  };
  if (names == 1) {
    add_back_to_front([](const Part& p) { return !p.phrase && p.role == Role::kBeforeName; });
    order.push_back(parts.front().english);
    add_back_to_front([](const Part& p) { return !p.phrase && p.role != Role::kBeforeName; });
  } else {
    add_back_to_front([](const Part& p) { return !p.phrase; });
  }
  add_back_to_front([](const Part& p) { return p.phrase; });
  std::string out;
  for (const std::string& s : order) out += s + " ";
  return out + kind.english;
}

// English newspapers name the bodies of the American state after the US
// (the US Congress, the US Trade Department, the US National Security
// Agency), its companies and institutes American (the American Petroleum
// Institute): "American" first and a body of a state last become "US", and
// a ministry of the US a department.
std::string StateBodiesOfTheUs(std::string name) {
  static constexpr std::string_view kAmerican = "American ";
  static constexpr std::string_view kMinistry = " Ministry";
  // Not a council: the American Arab Business Council is none of the state's.
  static constexpr std::string_view kStateBodies[] = {
      " Ministry", " Council of Ministers", " Congress", " Authority", " Committee", " Court",
      " Army", " Guard", " Forces", " Office", " Service", " Agency"};
  if (!name.starts_with(kAmerican)) return name;
  const std::string_view rest = std::string_view(name).substr(kAmerican.size() - 1);
  if (std::none_of(std::begin(kStateBodies), std::end(kStateBodies),
                   [&](std::string_view body) { return rest.ends_with(body); })) {
    return name;
  }
  std::string us = "US" + std::string(rest);
  if (us.ends_with(kMinistry)) us.replace(us.size() - kMinistry.size(), kMinistry.size(), " Department");
  return us;
}

}  // namespace

std::string ComposedEnglishName(std::string_view arabic, const Matcher& matcher) {
  std::vector<std::string> originals, keys;
  for (std::string_view word : WrittenWords(arabic)) {
    originals.emplace_back(word);
    keys.push_back(text::MatchKey(word));
  }
  // ب (in) and a place at the end: where the body is (مستشفى الملك فهد
  // بالهفوف, King Fahd Hospital in Hofuf).
  std::string in_place;
  if (keys.size() >= 3 && keys.back().starts_with(kIn)) {
    if (const std::string* place = PlaceOf(keys.back().substr(kIn.size()))) {
      in_place = " in " + *place;
      originals.pop_back();
      keys.pop_back();
    }
  }
  // A body every nation has, on the list of bodies, and the adjectives of
  // nations after it: that nation's (مجلس الوزراء العراقي, the Iraqi Council
  // of Ministers; الهلال الأحمر السعودي, the Saudi Red Crescent). Not other
  // bodies of the list: the UN's Security Council is not Russia's (مجلس
  // الأمن الروسي, the Russian Security Council, is composed below), nor
  // القاعدة الأمريكية al-Qaeda (it is the American base). Not "new"
  // (الجديد), which describes the body. English puts the nations in the
  // Arabic order reversed.
  static const std::unordered_set<std::string_view> kEveryNations = {
      "Council of Ministers", "Red Crescent", "Red Cross", "Congress", "Council of Senior Scholars"};
  std::vector<std::string_view> nations;  // last first
  while (nations.size() + 1 < keys.size()) {
    const Word* word = WordWithArticle(keys[keys.size() - 1 - nations.size()]);
    if (word == nullptr || word->role != Role::kBeforeName || std::string_view(word->english) == "New") break;
    nations.push_back(word->english);
  }
  if (!nations.empty()) {
    std::string rest = originals[0];
    for (size_t i = 1; i + nations.size() < keys.size(); ++i) rest += " " + originals[i];
    if (const std::string body = EnglishName(rest, false, matcher); kEveryNations.contains(body)) {
      std::string name;
      for (std::string_view nation : nations) name += std::string(nation) + " ";
      return StateBodiesOfTheUs(name + body) + in_place;
    }
  }
  const std::string name = Compose(originals, keys, matcher);
  return name.empty() ? "" : StateBodiesOfTheUs(name) + in_place;
}

}  // namespace marsad::resolve::internal

namespace marsad::resolve {

bool NamedLikeAGroup(std::string_view arabic) {
  const size_t start = arabic.find_first_not_of(" \t\n\r");
  if (start == std::string_view::npos) return false;
  const size_t end = std::min(arabic.find_first_of(" \t\n\r", start), arabic.size());
  std::string key = text::MatchKey(arabic.substr(start, end - start));
  if (key.starts_with(internal::kArticle)) key.erase(0, internal::kArticle.size());
  const auto kind = internal::Kinds().find(key);
  return kind != internal::Kinds().end() && kind->second.group;
}

bool IsDescriptiveEnglishName(std::string_view latin) {
  // The words of an English name, lower case; a hyphen parts words.
  const auto lower_words = [](std::string_view english) {
    std::vector<std::string> words;
    for (size_t i = 0; i < english.size();) {
      const size_t end = std::min(english.find_first_of(" -", i), english.size());
      std::string word(english.substr(i, end - i));
      for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!word.empty()) words.push_back(std::move(word));
      i = end + 1;
    }
    return words;
  };
  static const auto* words = [&lower_words] {
    auto* set = new std::unordered_set<std::string>{"and", "of"};
    const auto add = [&](std::string_view english) {
      for (std::string& word : lower_words(english)) set->insert(std::move(word));
    };
    for (const auto& [arabic, kind] : internal::Kinds()) {
      add(kind.english);
      if (kind.with_article != nullptr) add(kind.with_article);
    }
    add(internal::kCanal.english);
    // Not titles nor nations, which tell bodies apart (Prince Sultan
    // Foundation, Egyptian Islamic Jihad).
    for (const auto& [arabic, word] : internal::Words()) {
      if (word.role != internal::Role::kTitle && word.role != internal::Role::kBeforeName) add(word.english);
    }
    for (const auto& [arabic, game] : internal::Games()) add(game);
    return set;
  }();
  const std::vector<std::string> name = lower_words(latin);
  return !name.empty() &&
         std::all_of(name.begin(), name.end(), [](const std::string& w) { return words->contains(w); });
}

}  // namespace marsad::resolve
