// Watch-list loaders and screening, on synthetic lists of fictional people.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "resolve/resolve.h"
#include "scratch_dir.h"
#include "screen/screen.h"

namespace marsad::screen {
namespace {

const char kUnXml[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2020-01-01T00:00:00">
  <INDIVIDUALS>
    <INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>GULNAZAR </FIRST_NAME><SECOND_NAME>TIMUROV</SECOND_NAME><THIRD_NAME/>
      <REFERENCE_NUMBER>QDi.901 </REFERENCE_NUMBER>
      <NAME_ORIGINAL_SCRIPT>غولنازار تيموروف</NAME_ORIGINAL_SCRIPT>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Gulnazar Temurov</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu Hafs al-Fergani</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>
    </INDIVIDUAL>
    <INDIVIDUAL><DATAID>2</DATAID><FIRST_NAME>FATIMA</FIRST_NAME><SECOND_NAME>SALEH</SECOND_NAME><THIRD_NAME>AL-ZAHRAWI</THIRD_NAME>
      <FOURTH_NAME>KHALIL</FOURTH_NAME><REFERENCE_NUMBER>QDi.902</REFERENCE_NUMBER>
      <NAME_ORIGINAL_SCRIPT>فاطمة صالح الزهراوي خليل</NAME_ORIGINAL_SCRIPT>
    </INDIVIDUAL>
    <INDIVIDUAL><DATAID>3</DATAID><FIRST_NAME></FIRST_NAME><REFERENCE_NUMBER>QDi.903</REFERENCE_NUMBER></INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY><DATAID>4</DATAID><FIRST_NAME>NORTHERN VALLEY RELIEF FOUNDATION</FIRST_NAME>
      <REFERENCE_NUMBER>QDe.950</REFERENCE_NUMBER>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>Valley Relief</ALIAS_NAME></ENTITY_ALIAS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
)";

const char kSdnCsv[] =
    "101,\"TIMUROV, Gulnazar\",\"individual\",\"SDGT\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,\"DOB 1980.\"\r\n"
    "102,\"NORTHERN VALLEY RELIEF FOUNDATION\",-0-,\"SDGT\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\r\n"
    "\x1a";
const char kAltCsv[] =
    "101,201,\"aka\",\"AL-FERGANI, Abu Hafs\",-0-\r\n"
    "102,202,\"fka\",\"Valley Relief, \"\"the\"\"\",-0-\r\n";

const resolve::Matcher& M() {
  std::string error;
  const resolve::Matcher* m = resolve::DefaultMatcher(&error);
  if (m == nullptr) {
    ADD_FAILURE() << error;
    std::abort();
  }
  return *m;
}

TEST(UnXml, IndividualsEntitiesAliasesOriginalScript) {
  WatchList list;
  std::string error;
  ASSERT_TRUE(ParseUnXml(kUnXml, &list, &error)) << error;
  ASSERT_EQ(list.entries.size(), 3u);  // the entry without a name is skipped
  const ListEntry& g = list.entries[0];
  EXPECT_EQ(g.id, "QDi.901");
  EXPECT_EQ(g.primary_name, "GULNAZAR TIMUROV");
  EXPECT_TRUE(g.individual);
  ASSERT_EQ(g.names.size(), 4u);
  EXPECT_EQ(g.names[1].text, "غولنازار تيموروف");
  EXPECT_EQ(g.names[1].kind, "arabic original-script name");
  EXPECT_EQ(g.names[2].kind, "alias (good quality)");
  EXPECT_EQ(g.names[3].kind, "alias (low quality)");
  EXPECT_EQ(list.entries[1].primary_name, "FATIMA SALEH AL-ZAHRAWI KHALIL");
  EXPECT_FALSE(list.entries[2].individual);
  EXPECT_EQ(list.entries[2].names[1].kind, "alias (a.k.a.)");
}

TEST(UnXml, NamesPackedIntoOneAliasAreSplit) {
  // Aliases that pack several names: semicolons, the other script in
  // brackets. A bracketed word alone is a qualifier, a piece with digits a
  // note: neither becomes a name.
  const char xml[] = R"(<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>
    <FIRST_NAME>SAMIR</FIRST_NAME><SECOND_NAME>QADDURI</SECOND_NAME><REFERENCE_NUMBER>QDi.904</REFERENCE_NUMBER>
    <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Samir Qadduri; Samer al-Qadduri</ALIAS_NAME></INDIVIDUAL_ALIAS>
    <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>سمير القدوري (Abu Yasir al-Halabi; Abu Yasir)</ALIAS_NAME></INDIVIDUAL_ALIAS>
    <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>(Sheikh) Samir Halabi</ALIAS_NAME></INDIVIDUAL_ALIAS>
    <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Samir Q., born 2 Feb. 1971 (passport no. 12345)</ALIAS_NAME></INDIVIDUAL_ALIAS>
  </INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>)";
  WatchList list;
  std::string error;
  ASSERT_TRUE(ParseUnXml(xml, &list, &error)) << error;
  ASSERT_EQ(list.entries.size(), 1u);
  std::vector<std::string> names;
  for (const ListName& n : list.entries[0].names) names.push_back(n.text);
  const std::vector<std::string> want = {"SAMIR QADDURI",       "Samir Qadduri", "Samer al-Qadduri",
                                         "Abu Yasir al-Halabi", "Abu Yasir",     "سمير القدوري",
                                         "Samir Halabi",        "Samir Q., born 2 Feb. 1971 (passport no. 12345)"};
  EXPECT_EQ(names, want);
  EXPECT_EQ(list.entries[0].names[2].kind, "alias (good quality)");  // a piece keeps its alias's kind
}

TEST(UnXml, MalformedFailsCleanly) {
  WatchList list;
  std::string error;
  EXPECT_FALSE(ParseUnXml("<CONSOLIDATED_LIST><INDIVIDUALS>", &list, &error));
  EXPECT_FALSE(ParseUnXml("<other/>", &list, &error));
  EXPECT_FALSE(ParseUnXml("", &list, &error));
}

TEST(OfacCsv, RecordsAndAliases) {
  WatchList list;
  std::string error;
  ASSERT_TRUE(ParseOfacCsv(kSdnCsv, kAltCsv, &list, &error)) << error;
  ASSERT_EQ(list.entries.size(), 2u);
  EXPECT_EQ(list.entries[0].id, "101");
  EXPECT_EQ(list.entries[0].primary_name, "TIMUROV, Gulnazar");
  EXPECT_TRUE(list.entries[0].individual);
  ASSERT_EQ(list.entries[0].names.size(), 2u);
  EXPECT_EQ(list.entries[0].names[1].text, "AL-FERGANI, Abu Hafs");
  EXPECT_EQ(list.entries[0].names[1].kind, "alias (aka)");
  EXPECT_FALSE(list.entries[1].individual);
  EXPECT_EQ(list.entries[1].names[1].text, "Valley Relief, \"the\"");
  WatchList other;
  EXPECT_FALSE(ParseOfacCsv("not,a,list\n", "", &other, &error));
}

TEST(OfacCsv, BadInputIsReadOrRefusedNotLost) {
  WatchList list;
  std::string error;
  // A quote inside an unquoted field is a character (5'10"): the records
  // after it are read as written.
  ASSERT_TRUE(ParseOfacCsv("\xEF\xBB\xBF" "301,SAMADOV 5'10\" Rustam,individual,SDGT\r\n"
                           "302,\"QODIROV, Anvar\",individual,SDGT\r\n"
                           "303,\"BLUE VALLEY TRADING\",-0-,SDGT\r\n",
                           "", &list, &error))
      << error;
  ASSERT_EQ(list.entries.size(), 3u);
  // The byte-order mark does not hide the first record's number.
  EXPECT_EQ(list.entries[0].id, "301");
  EXPECT_EQ(list.entries[0].primary_name, "SAMADOV 5'10\" Rustam");
  EXPECT_EQ(list.entries[1].primary_name, "QODIROV, Anvar");
  EXPECT_EQ(list.entries[2].id, "303");
  // A quoted field never closed is refused, with its line.
  WatchList broken;
  EXPECT_FALSE(ParseOfacCsv("301,\"SAMADOV, Rustam\",individual\r\n302,\"QODIROV, Anvar,individual\r\n", "",
                            &broken, &error));
  EXPECT_NE(error.find("line 2"), std::string::npos) << error;
  EXPECT_FALSE(ParseOfacCsv(kSdnCsv, "101,201,\"aka\",\"AL-FERGANI\r\n", &broken, &error));
  EXPECT_NE(error.find("alt.csv"), std::string::npos) << error;
}

TEST(LoadList, DetectsFormatAndReadsAltBeside) {
  const marsad::testing::ScratchDir scratch;
  const std::filesystem::path& dir = scratch.dir();
  std::ofstream(dir / "un.xml", std::ios::binary) << kUnXml;
  std::ofstream(dir / "sdn.csv", std::ios::binary) << kSdnCsv;
  std::ofstream(dir / "alt.csv", std::ios::binary) << kAltCsv;
  std::ofstream(dir / "junk.bin", std::ios::binary) << "\x01\x02 nothing";
  WatchList un, ofac, junk;
  std::string error;
  ASSERT_TRUE(LoadList((dir / "un.xml").string(), &un, &error)) << error;
  EXPECT_EQ(un.entries.size(), 3u);
  ASSERT_TRUE(LoadList((dir / "sdn.csv").string(), &ofac, &error)) << error;
  EXPECT_EQ(ofac.entries[0].names.size(), 2u);
  EXPECT_FALSE(LoadList((dir / "junk.bin").string(), &junk, &error));
  EXPECT_NE(error.find("junk.bin"), std::string::npos) << error;
  EXPECT_FALSE(LoadList((dir / "absent.xml").string(), &junk, &error));
  // A folder given for the list file is named as one.
  EXPECT_FALSE(LoadList(dir.string(), &junk, &error));
  EXPECT_NE(error.find("is a directory"), std::string::npos) << error;
}

TEST(Screener, FindsVariantSpellingsWithWhy) {
  WatchList list;
  std::string error;
  ASSERT_TRUE(ParseUnXml(kUnXml, &list, &error)) << error;
  const Screener s(list, M());
  struct Case {
    const char* query;
    const char* id;
  } cases[] = {
      {"غولنازار تيموروف", "QDi.901"},        // the original script as written
      {"جولنازار تيموروڤ", "QDi.901"},        // ج for g, ڤ for v
      {"قولنازار تيمروف", "QDi.901"},         // ق for g, a vowel left out
      {"Golnazar Timourov", "QDi.901"},       // another Latin spelling
      {"TIMUROV, Gulnazar", "QDi.901"},       // list order
      {"أبو حفص الفرغاني", "QDi.901"},        // an alias, written in Arabic
      {"فاطمه صالح زهراوي خليل", "QDi.902"},  // ة/ه, ال left out
      {"فاطمة الزهراوي خليل", "QDi.902"},     // a middle name missing
      {"الشيخ غولنازار تيموروف", "QDi.901"},  // a title before it (the sheikh)
      {"Mullah Gulnazar Timurov", "QDi.901"},
  };
  for (const Case& c : cases) {
    const auto hits = s.Screen(c.query);
    ASSERT_FALSE(hits.empty()) << c.query;
    EXPECT_EQ(hits[0].list_entry_id, c.id) << c.query;
    EXPECT_GE(hits[0].score, resolve::kDefaultThreshold);
    EXPECT_FALSE(hits[0].why.empty());
  }
  const auto arabic = s.Screen("غولنازار تيموروف");
  EXPECT_EQ(arabic[0].list_name, "GULNAZAR TIMUROV");
  EXPECT_EQ(arabic[0].matched_alias, "غولنازار تيموروف");
  EXPECT_EQ(arabic[0].why, "arabic original-script name; arabic spelling match");
  const auto alias = s.Screen("Abu Hafs al-Fargani");
  ASSERT_FALSE(alias.empty());
  EXPECT_EQ(alias[0].why, "alias (low quality); latin spelling match");
}

TEST(Screener, OtherScriptNamesFoundAsWritten) {
  // An original-script name in a script the matcher has no letters for.
  WatchList list;
  list.entries.push_back({"QDi.990", "ASLAN TIMUROV", true,
                          {{"ASLAN TIMUROV", "primary name"},
                           {"Аслан  Тимуров", "original-script name"}}});
  const Screener s(list, M());
  const auto hits = s.Screen(" Аслан Тимуров ");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].list_entry_id, "QDi.990");
  EXPECT_EQ(hits[0].score, 1.0);
  EXPECT_EQ(hits[0].why, "original-script name; same text");
  EXPECT_TRUE(s.Screen("Тимуров").empty());  // only as written
  EXPECT_TRUE(s.Screen("...").empty());
}

TEST(Screener, DifferentPeopleAndNoiseFindNothing) {
  WatchList list;
  std::string error;
  ASSERT_TRUE(ParseUnXml(kUnXml, &list, &error)) << error;
  const Screener s(list, M());
  for (const char* q : {"كريم ناصر", "Karim Nasser", "محمود علي", "Northern Lights", "", "...",
                        "\xff\xfe"}) {
    const auto hits = s.Screen(q);
    EXPECT_TRUE(hits.empty()) << q << ": " << (hits.empty() ? "" : hits[0].matched_alias + " " + std::to_string(hits[0].score));
  }
}

// A list of `n` people named from a few common given names and a surname
// of their own, so that the given names weigh little: entry i is QDi.(500+i).
std::string CommonNamesXml(const std::vector<std::string>& extra) {
  static const char* given[] = {"MOHAMMED", "ALI", "AHMED", "ABDULLAH", "HASSAN"};
  static const char* surnames[] = {"QARNAWI", "DUBAISH", "ZUFAYRI", "KALBUSI", "MARDUFI", "SINJABI",
                                   "TALHUMI", "JAZZARI", "FUTAYHI", "NABHUSI", "RUWAYSHI", "KHUZAMI"};
  std::string xml = "<CONSOLIDATED_LIST><INDIVIDUALS>";
  int id = 500;
  for (size_t i = 0; i < std::size(surnames); ++i) {
    xml += "<INDIVIDUAL><FIRST_NAME>" + std::string(given[i % 5]) + "</FIRST_NAME><SECOND_NAME>" +
           given[(i + 1) % 5] + "</SECOND_NAME><THIRD_NAME>" + surnames[i] +
           "</THIRD_NAME><REFERENCE_NUMBER>QDi." + std::to_string(id++) + "</REFERENCE_NUMBER></INDIVIDUAL>";
  }
  for (const std::string& e : extra) {
    xml += "<INDIVIDUAL><FIRST_NAME>" + e + "</FIRST_NAME><REFERENCE_NUMBER>QDi." + std::to_string(id++) +
           "</REFERENCE_NUMBER></INDIVIDUAL>";
  }
  return xml + "</INDIVIDUALS></CONSOLIDATED_LIST>";
}

// The common-names list with a five-part name (QDi.512) and a name of two
// common names (QDi.513).
WatchList CommonNamesList() {
  WatchList list;
  std::string error;
  EXPECT_TRUE(ParseUnXml(CommonNamesXml({"ALI SAYYID MOHAMMED MUSTAFA WARDANI", "HASSAN AHMED"}), &list, &error))
      << error;
  return list;
}

TEST(Screener, AHitMatchesWhatIdentifiesTheName) {
  const WatchList list = CommonNamesList();
  const Screener s(list, M());
  const Screener any(list, M(), {.min_name_share = 0, .min_query_share = 0});
  auto finds = [](const Screener& screener, const char* query, const char* id) {
    for (const Hit& h : screener.Screen(query)) {
      if (h.list_entry_id == id) return true;
    }
    return false;
  };
  // Two common given names are a small part of a five-part name: no hit,
  // though the names alone score high.
  EXPECT_TRUE(finds(any, "Mohammed Ali", "QDi.512"));
  EXPECT_FALSE(finds(s, "Mohammed Ali", "QDi.512"));
  // A rare surname with a given name is; so is the name with a middle name
  // left out.
  EXPECT_TRUE(finds(s, "Mustafa Wardani", "QDi.512"));
  EXPECT_TRUE(finds(s, "Ali Mohammed Mustafa Wardani", "QDi.512"));
  // Most of what the query says must be matched: a rare surname of its own
  // that the list name lacks is another person.
  EXPECT_TRUE(finds(any, "Mohammed Ali Qarnawi Sinjabi", "QDi.500"));
  EXPECT_FALSE(finds(s, "Mohammed Ali Qarnawi Sinjabi", "QDi.500"));
  // Evidence counts what the matched names say: a list name of common names
  // only is found by itself, with less evidence than a rare one, and not
  // where more evidence is required.
  const auto common = s.Screen("Hassan Ahmed");
  ASSERT_FALSE(common.empty());
  EXPECT_EQ(common[0].list_entry_id, "QDi.513");
  const auto rare = s.Screen("Mustafa Wardani");
  ASSERT_FALSE(rare.empty());
  ASSERT_LT(common[0].evidence, rare[0].evidence);
  const Screener strict(list, M(), {.min_evidence = (common[0].evidence + rare[0].evidence) / 2});
  EXPECT_FALSE(finds(strict, "Hassan Ahmed", "QDi.513"));
  EXPECT_TRUE(finds(strict, "Mustafa Wardani", "QDi.512"));
}

TEST(Screener, AFathersNameIsNotTheGivenName) {
  // A name whose first word is a listed man's father's name, with his family
  // name, names his father or brother, not him: no hit. The list names of
  // the son and the father are each found by their own names.
  WatchList sons, fathers;
  std::string error;
  ASSERT_TRUE(ParseUnXml(CommonNamesXml({"FARIS TAMIM QURAYSHAN"}), &sons, &error)) << error;
  // NAJIB twice: a name of the list, so that the son's name below passes
  // the share rules and only the order of the names tells.
  ASSERT_TRUE(ParseUnXml(CommonNamesXml({"TAMIM QURAYSHAN", "NAJIB KHUZAMI", "NAJIB SINJABI"}), &fathers,
                         &error))
      << error;
  const Screener son_listed(sons, M()), father_listed(fathers, M());
  const auto finds = [](const Screener& screener, const char* query) {
    for (const Hit& h : screener.Screen(query)) {
      if (h.list_name == "FARIS TAMIM QURAYSHAN" || h.list_name == "TAMIM QURAYSHAN") return true;
    }
    return false;
  };
  EXPECT_TRUE(finds(son_listed, "Faris Qurayshan"));
  // A title before the name is no given name.
  EXPECT_TRUE(finds(son_listed, "Sheikh Faris Tamim Qurayshan"));
  EXPECT_TRUE(finds(son_listed, "Faris Tamim Qurayshan"));
  EXPECT_FALSE(finds(son_listed, "Tamim Qurayshan"));
  EXPECT_TRUE(finds(father_listed, "Tamim Qurayshan"));
  EXPECT_FALSE(finds(father_listed, "Najib Tamim Qurayshan"));
}

TEST(Screener, ANameOfOneKeyTwiceFindsItsEntry) {
  // Mohamed Mahmoud, Hassan Hussein: two tokens of one blocking key. A
  // candidate shares two distinct keys with the query, or all it has.
  WatchList list;
  std::string error;
  ASSERT_TRUE(ParseUnXml(CommonNamesXml({"MOHAMED MAHMOUD", "HASSAN HUSSEIN"}), &list, &error)) << error;
  const Screener s(list, M());
  const auto finds = [&](const char* query, const char* id) {
    const auto hits = s.Screen(query);
    return std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return h.list_entry_id == id; });
  };
  EXPECT_TRUE(finds("Mohamed Mahmoud", "QDi.512"));
  EXPECT_TRUE(finds("محمد محمود", "QDi.512"));  // Mohamed Mahmoud
  EXPECT_TRUE(finds("Hassan Hussein", "QDi.513"));
}

TEST(Screener, NamesInCrossedOrderAreTwoPeople) {
  // FARIS TAMIM QURAYSHAN is Faris son of Tamim; «Tamim Faris» is Tamim son
  // of Faris, his father or his son, though each name matches one of the
  // other's. A given name many entries share says too little to tell
  // (Mohammed Akhtar and AKHTAR MOHAMMED are written either way).
  WatchList list;
  std::string error;
  ASSERT_TRUE(ParseUnXml(CommonNamesXml({"FARIS TAMIM QURAYSHAN", "NAJIB MOHAMMED KHANFURI"}), &list, &error))
      << error;
  const Screener s(list, M());
  const auto finds = [&](const char* query, const char* id) {
    const auto hits = s.Screen(query);
    return std::any_of(hits.begin(), hits.end(), [&](const Hit& h) { return h.list_entry_id == id; });
  };
  EXPECT_TRUE(finds("Faris Tamim", "QDi.512"));
  EXPECT_FALSE(finds("Tamim Faris", "QDi.512"));
  EXPECT_FALSE(finds("تميم فارس", "QDi.512"));  // Tamim Faris
  EXPECT_TRUE(finds("Mohammed Najib Khanfuri", "QDi.513"));
}

TEST(ScreenEntity, FullNamesOfTheRightKindWithEvidence) {
  const Screener s(CommonNamesList(), M());
  store::EntityRecord person;
  person.id = 7;
  person.type = "PER";
  person.name = "مصطفى الورداني";
  person.latin = "Mustafa al-Wardani";
  person.aliases = {{"مصطفى الورداني", 3, 2}, {"الورداني", 5, 4}};
  const auto hits = ScreenEntity(person, s, 0);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].entity, 7);
  EXPECT_EQ(hits[0].hit.list_entry_id, "QDi.512");
  // Evidence asked beyond what the matched names carry: no hit.
  EXPECT_TRUE(ScreenEntity(person, s, hits[0].hit.evidence + 0.01).empty());
  // A surname alone is not screened; an organisation is not screened
  // against people; a place not at all.
  store::EntityRecord surname = person;
  surname.aliases = {{"الورداني", 5, 4}};
  surname.latin = "Wardani";
  EXPECT_TRUE(ScreenEntity(surname, s, 0).empty());
  store::EntityRecord body = person;
  body.type = "ORG";
  EXPECT_TRUE(ScreenEntity(body, s, 0).empty());
  body.type = "LOC";
  EXPECT_TRUE(ScreenEntity(body, s, 0).empty());
  // Only the aliases, as the sources wrote them: a romanisation that matches
  // a listed name the aliases do not is the romaniser's error, not a hit.
  store::EntityRecord misread = person;
  misread.name = "مصطفى الورداوي";  // Mustafa al-Wardawi
  misread.aliases = {{"مصطفى الورداوي", 3, 2}};
  misread.latin = "Mustafa al-Wardani";
  EXPECT_TRUE(ScreenEntity(misread, s, 0).empty());
}

TEST(ScreenEntity, EveryEntryMatchedIsAHitOnce) {
  // An entity whose names match two entries has a hit for each, with the
  // best of its names for that entry.
  const Screener s(CommonNamesList(), M());
  store::EntityRecord person;
  person.id = 9;
  person.type = "PER";
  person.name = "مصطفى الورداني";                               // Mustafa al-Wardani
  person.aliases = {{"مصطفى الورداني", 3, 2}, {"حسن أحمد", 2, 1},  // Hassan Ahmed
                    {"مصطفى محمد الورداني", 1, 1}};                // Mustafa Mohammed al-Wardani
  const auto hits = ScreenEntity(person, s, 0);
  ASSERT_EQ(hits.size(), 2u);
  std::vector<std::string> ids = {hits[0].hit.list_entry_id, hits[1].hit.list_entry_id};
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"QDi.512", "QDi.513"}));
  for (const EntityHit& h : hits) {
    double best = 0;
    for (const store::Alias& a : person.aliases) {
      for (const Hit& x : s.Screen(a.name)) {
        if (x.list_entry_id == h.hit.list_entry_id) best = std::max(best, x.score);
      }
    }
    EXPECT_EQ(h.hit.score, best) << h.hit.list_entry_id;
  }
}

TEST(ScreenEntity, ACompoundGivenNameIsOneName) {
  // عبد الودود (Abdul Wadud) is two words but one name: alone it is not
  // screened, though half of a listed name matches it.
  WatchList list;
  std::string error;
  ASSERT_TRUE(ParseUnXml(CommonNamesXml({"ABDUL WADUD KHANZADA"}), &list, &error)) << error;
  const Screener s(list, M());
  store::EntityRecord given;
  given.id = 3;
  given.type = "PER";
  given.name = "عبد الودود";
  given.latin = "Abdul Wadud";
  given.aliases = {{"عبد الودود", 4, 3}};
  EXPECT_TRUE(ScreenEntity(given, s, 0).empty());
  // Nor with "son of" before it (بن: son of), which names a father only.
  store::EntityRecord father = given;
  father.aliases = {{"بن عبد الودود", 3, 3}};
  father.latin = "bin Abdul Wadud";
  EXPECT_TRUE(ScreenEntity(father, s, 0).empty());
  // Nor a given name with الدين (Shams al-Din), one name too, against a
  // listed man known by it alone.
  WatchList known;
  ASSERT_TRUE(ParseUnXml("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>SHAMSUDDIN</FIRST_NAME>"
                         "<NAME_ORIGINAL_SCRIPT>شمس الدين</NAME_ORIGINAL_SCRIPT>"
                         "<REFERENCE_NUMBER>QDi.600</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>",
                         &known, &error))
      << error;
  const Screener k(known, M());
  store::EntityRecord din = given;
  din.aliases = {{"شمس الدين", 4, 3}};
  din.latin = "Shams al-Din";
  EXPECT_TRUE(ScreenEntity(din, k, 0).empty());
  // With the surname it is.
  store::EntityRecord full = given;
  full.aliases = {{"عبد الودود خانزاده", 2, 2}};
  full.latin = "Abdul Wadud Khanzada";
  EXPECT_FALSE(ScreenEntity(full, s, 0).empty());
  // An organisation's words are counted as written: أبو سياف (Abu Sayyaf)
  // is two.
  WatchList bodies;
  ASSERT_TRUE(ParseUnXml("<CONSOLIDATED_LIST><ENTITIES><ENTITY><FIRST_NAME>ABU SAYYAF GROUP</FIRST_NAME>"
                         "<REFERENCE_NUMBER>QDe.001</REFERENCE_NUMBER></ENTITY></ENTITIES></CONSOLIDATED_LIST>",
                         &bodies, &error))
      << error;
  const Screener b(bodies, M());
  store::EntityRecord group;
  group.id = 4;
  group.type = "ORG";
  group.name = "أبو سياف";
  group.latin = "Abu Sayyaf";
  group.aliases = {{"أبو سياف", 6, 5}};
  EXPECT_FALSE(ScreenEntity(group, b, 0).empty());
}

TEST(ScreenEntity, OrganisationsByTheirRomanisationAndEnglishName) {
  // Lists write bodies' names in English and in romanisation (JAMAAT
  // AL-NASR, the Victory Group). An English name made only of what a body
  // is (Development Bank) is no evidence of one: it would find every listed
  // development bank; such a body is screened by its romanisation instead
  // (the development authority, Hayat al-Tanmiya).
  WatchList bodies;
  std::string error;
  const auto entry = [](const char* id, const char* name, const char* alias) {
    return std::string("<ENTITY><FIRST_NAME>") + name + "</FIRST_NAME><REFERENCE_NUMBER>" + id +
           "</REFERENCE_NUMBER>" +
           (*alias ? std::string("<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>") + alias +
                         "</ALIAS_NAME></ENTITY_ALIAS>"
                   : "") +
           "</ENTITY>";
  };
  ASSERT_TRUE(ParseUnXml("<CONSOLIDATED_LIST><ENTITIES>" + entry("QDe.001", "VICTORY FRONT", "Jamaat al-Nasr") +
                             entry("QDe.002", "NORTHERN CREDIT DEVELOPMENT BANK", "") +
                             entry("QDe.003", "NORTHERN HOUSE", "Hayat al-Tanmiya") + "</ENTITIES></CONSOLIDATED_LIST>",
                         &bodies, &error))
      << error;
  const Screener b(bodies, M());
  const auto hits_of = [&](const std::string& name, const std::string& latin) {
    store::EntityRecord body;
    body.id = 4;
    body.type = "ORG";
    body.name = name;
    body.latin = latin;
    body.aliases = {{name, 6, 5}};
    std::vector<std::string> ids;
    for (const EntityHit& h : ScreenEntity(body, b, 0)) ids.push_back(h.hit.list_entry_id);
    return ids;
  };
  EXPECT_EQ(hits_of("جماعة النصر", M().Romanize("نصر") + " Group"), std::vector<std::string>{"QDe.001"});
  EXPECT_TRUE(hits_of("بنك التنمية", "Development Bank").empty());
  EXPECT_EQ(hits_of("هيئة التنمية", "Development Authority"), std::vector<std::string>{"QDe.003"});
}

// Every name of `list` scored with MatchScore: what Screen must return.
std::vector<Hit> BruteForce(const WatchList& list, std::string_view query, double threshold) {
  std::vector<Hit> hits;
  for (const ListEntry& e : list.entries) {
    Hit best;
    for (const ListName& n : e.names) {
      const double s = M().MatchScore(query, n.text);
      if (s >= threshold && s > best.score) best = {e.id, e.primary_name, n.text, s, ""};
    }
    if (best.score > 0) hits.push_back(best);
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.score != b.score ? a.score > b.score : a.list_entry_id < b.list_entry_id;
  });
  return hits;
}

TEST(Screener, ScoresAsMatchScoreDoesWithCachedTokens) {
  // Token scores are cached per query and names skipped by a bound: the hits
  // and their scores are still exactly those of MatchScore over every name
  // the blocking lets through (here, with a low threshold, all that score).
  WatchList list;
  std::string error;
  ASSERT_TRUE(ParseUnXml(kUnXml, &list, &error)) << error;
  const Screener s(list, M(), {.threshold = 0.3, .max_hits = 100, .min_name_share = 0, .min_query_share = 0});
  for (const char* q : {"غولنازار تيموروف", "Gulnazar Timurov", "TIMUROV, Gulnazar", "فاطمة الزهراوي",
                        "Fatima Saleh al-Zahrawi Khalil", "Abu Hafs", "Valley Relief Foundation",
                        "Gulnazar Saleh Khalil"}) {
    const auto got = s.Screen(q);
    const auto want = BruteForce(list, q, 0.3);
    for (const Hit& h : got) {
      const auto it = std::find_if(want.begin(), want.end(),
                                   [&](const Hit& w) { return w.list_entry_id == h.list_entry_id; });
      ASSERT_NE(it, want.end()) << q << ": " << h.list_entry_id;
      EXPECT_EQ(h.score, it->score) << q << ": " << h.list_entry_id;
      EXPECT_EQ(h.score, M().MatchScore(q, h.matched_alias)) << q;
    }
    // What blocking finds at the default threshold, brute force finds too.
    if (!want.empty() && want[0].score >= resolve::kDefaultThreshold) {
      ASSERT_FALSE(got.empty()) << q;
      EXPECT_EQ(got[0].list_entry_id, want[0].list_entry_id) << q;
    }
  }
}

TEST(Screener, ThreadsAndScreenersShareNothing) {
  // Two screeners over different lists, queried from two threads at once:
  // the per-thread cache never leaks one list's tokens into the other's.
  WatchList un, ofac;
  std::string error;
  ASSERT_TRUE(ParseUnXml(kUnXml, &un, &error)) << error;
  ASSERT_TRUE(ParseOfacCsv(kSdnCsv, kAltCsv, &ofac, &error)) << error;
  const Screener a(un, M()), b(ofac, M());
  const auto want_a = a.Screen("Golnazar Timourov"), want_b = b.Screen("Golnazar Timourov");
  ASSERT_FALSE(want_a.empty());
  ASSERT_FALSE(want_b.empty());
  auto work = [&](bool* ok) {
    for (int i = 0; i < 200; ++i) {
      const auto ha = a.Screen("Golnazar Timourov");
      const auto hb = b.Screen("Golnazar Timourov");
      const auto hn = b.Screen("Fatima al-Zahrawi");  // only on the UN list
      *ok = *ok && ha.size() == want_a.size() && ha[0].list_entry_id == want_a[0].list_entry_id &&
            ha[0].score == want_a[0].score && hb.size() == want_b.size() &&
            hb[0].list_entry_id == want_b[0].list_entry_id && hn.empty();
    }
  };
  bool ok1 = true, ok2 = true;
  std::thread t1(work, &ok1), t2(work, &ok2);
  t1.join();
  t2.join();
  EXPECT_TRUE(ok1);
  EXPECT_TRUE(ok2);
  EXPECT_EQ(want_b[0].list_entry_id, "101");
}

}  // namespace
}  // namespace marsad::screen
