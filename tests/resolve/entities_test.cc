// Entity resolution over mentions of several documents, alias files, and the
// links a text states between its names. Every name here is fictional.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "ner/ner.h"
#include "resolve/resolve.h"
#include "scratch_dir.h"
#include "shipped_matcher.h"
#include "text/text.h"

namespace marsad::resolve {
namespace {

using ner::EntityType;

using marsad::testing::ScratchDir;
using testing::M;

// Mentions written as {doc, type, name}, in document order.
class Collection {
 public:
  Collection& Add(int64_t doc, EntityType type, const std::string& name, const std::string& latin = "") {
    NameMention m;
    m.doc = doc;
    m.type = type;
    m.name = name;
    m.order = static_cast<uint32_t>(mentions.size());
    m.latin = latin;
    mentions.push_back(std::move(m));
    return *this;
  }
  Resolution Resolve(const std::vector<MentionLink>& links = {},
                     const std::vector<AliasEntry>& aliases = {}) const {
    return ResolveEntities(mentions, links, aliases, M());
  }
  // The entity of the first mention written `name` (-1 if it has none).
  int32_t EntityOf(const Resolution& r, const std::string& name) const {
    const auto it = std::find_if(mentions.begin(), mentions.end(), [&](const NameMention& m) { return m.name == name; });
    EXPECT_NE(it, mentions.end()) << name;
    return it == mentions.end() ? -1 : r.entity_of[static_cast<size_t>(it - mentions.begin())];
  }
  std::vector<NameMention> mentions;
};

constexpr EntityType kPer = EntityType::kPerson;
constexpr EntityType kLoc = EntityType::kLocation;
constexpr EntityType kOrg = EntityType::kOrganization;
constexpr EntityType kMisc = EntityType::kMisc;

// The latin of the entity of a mention, or "" if it has none.
std::string LatinOf(const Resolution& r, size_t mention) {
  const int32_t entity = r.entity_of.at(mention);
  return entity < 0 ? "" : r.entities[static_cast<size_t>(entity)].latin;
}

TEST(ResolveEntitiesTest, TransliterationVariantsAreOnePerson) {
  Collection c;
  c.Add(1, kPer, "غولنازار تيموروف").Add(2, kPer, "جولنازار تيموروف").Add(3, kPer, "قولنازار تيموروف");
  c.Add(4, kPer, "غلنازار تيموروڤ").Add(5, kPer, "غولنازار التيموروف");
  const Resolution r = c.Resolve();
  ASSERT_EQ(r.entities.size(), 1u);
  for (int32_t e : r.entity_of) EXPECT_EQ(e, 0);
  EXPECT_EQ(r.entities[0].name, "غولنازار تيموروف");  // the commonest full form
  EXPECT_EQ(r.entities[0].type, kPer);
}

TEST(ResolveEntitiesTest, NamesakesSharingASurnameStayApart) {
  Collection c;
  c.Add(1, kPer, "غولنازار تيموروف").Add(2, kPer, "رستم تيموروف");
  c.Add(3, kPer, "شاكر بيكوف").Add(4, kPer, "بيك شاكروف");  // swapped parts are not the same man
  const Resolution r = c.Resolve();
  EXPECT_EQ(r.entities.size(), 4u);
  EXPECT_NE(r.entity_of[0], r.entity_of[1]);
  EXPECT_NE(r.entity_of[2], r.entity_of[3]);
}

TEST(ResolveEntitiesTest, SurnameJoinsTheNearestFullNameBeforeItInItsDocument) {
  Collection c;
  c.Add(1, kPer, "غولنازار تيموروف").Add(1, kPer, "تيموروف");        // 0, 1
  c.Add(2, kPer, "رستم تيموروف").Add(2, kPer, "تيموروف");            // 2, 3
  c.Add(3, kPer, "غولنازار تيموروف").Add(3, kPer, "رستم تيموروف").Add(3, kPer, "تيموروف");  // 4, 5, 6
  c.Add(4, kPer, "تيموروف").Add(4, kPer, "غولنازار تيموروف");        // 7, 8: the full name after it
  const Resolution r = c.Resolve();
  EXPECT_EQ(r.entity_of[1], r.entity_of[0]);
  EXPECT_EQ(r.entity_of[3], r.entity_of[2]);
  EXPECT_NE(r.entity_of[0], r.entity_of[2]);
  EXPECT_EQ(r.entity_of[6], r.entity_of[5]);  // the nearer one
  EXPECT_EQ(r.entity_of[7], r.entity_of[8]);
}

TEST(ResolveEntitiesTest, LoneSurnameJoinsTheOnlyCandidateElseStaysItsOwn) {
  Collection c;
  c.Add(1, kPer, "نوري الدباغ").Add(2, kPer, "الدباغ");  // one candidate in the collection
  c.Add(3, kPer, "غولنازار تيموروف").Add(4, kPer, "رستم تيموروف").Add(5, kPer, "تيموروف");
  const Resolution r = c.Resolve();
  EXPECT_EQ(r.entity_of[1], r.entity_of[0]);
  EXPECT_NE(r.entity_of[4], r.entity_of[2]);
  EXPECT_NE(r.entity_of[4], r.entity_of[3]);
  EXPECT_EQ(r.entities[r.entity_of[4]].name, "تيموروف");
}

TEST(ResolveEntitiesTest, NoChainingThroughAnInBetweenName) {
  // Each neighbour pair is close; the two ends are different names.
  Collection c;
  c.Add(1, kPer, "محمد سالم الرفاعي").Add(2, kPer, "محمد الرفاعي").Add(3, kPer, "محمد ناصر الرفاعي");
  const Resolution r = c.Resolve();
  EXPECT_NE(r.entity_of[0], r.entity_of[2]);
}

TEST(ResolveEntitiesTest, PlaceSpellingsMergeAndAdjectivesAreAttributes) {
  Collection c;
  c.Add(1, kLoc, "سوريا").Add(2, kLoc, "سورية").Add(3, kLoc, "السوري").Add(4, kLoc, "طاجيكستان");
  c.Add(5, kLoc, "طاجكستان").Add(6, EntityType::kMisc, "الطاجيكية").Add(7, kLoc, "الحويجة").Add(8, kLoc, "حويجة");
  c.Add(9, kLoc, "السورية");  // the Syrian (f.)
  const Resolution r = c.Resolve();
  // سورية, a place without the article, is the country's other spelling;
  // with the article it is the adjective.
  EXPECT_EQ(r.entity_of[0], r.entity_of[1]);
  EXPECT_EQ(r.attribute[1], 0);
  EXPECT_EQ(r.entity_of[8], r.entity_of[0]);
  EXPECT_EQ(r.attribute[8], 1);
  EXPECT_EQ(r.entity_of[2], r.entity_of[0]);
  EXPECT_EQ(r.attribute[2], 1);
  EXPECT_EQ(r.attribute[0], 0);
  EXPECT_EQ(r.entity_of[3], r.entity_of[4]);
  EXPECT_EQ(r.entity_of[5], r.entity_of[3]);
  EXPECT_EQ(r.attribute[5], 1);
  EXPECT_EQ(r.entity_of[6], r.entity_of[7]);
  EXPECT_NE(r.entity_of[0], r.entity_of[3]);
  EXPECT_EQ(LatinOf(r, 0), "Syria");  // the CLDR name of a country
}

TEST(ResolveEntitiesTest, NationalityBeforeANameIsNotPartOfIt) {
  Collection c;
  c.Add(1, kLoc, "طاجيكستان").Add(1, kPer, "الطاجيكي غولنازار تيموروف").Add(2, kPer, "غولنازار تيموروف");
  const Resolution r = c.Resolve();
  EXPECT_EQ(r.entity_of[1], r.entity_of[2]);
  EXPECT_EQ(r.entities[r.entity_of[1]].name, "غولنازار تيموروف");
}

TEST(ResolveEntitiesTest, ACountrysAdjectiveAfterAPlaceIsNotPartOfIt) {
  Collection c;
  // زيلمارو (a fictional town) named a place three times, then "Tajik
  // Zilmaru"; كوسرين named once before "Tajik Kusrin" is not known enough.
  c.Add(1, kLoc, "زيلمارو").Add(2, kLoc, "زيلمارو").Add(3, kLoc, "زيلمارو").Add(4, kLoc, "زيلمارو الطاجيكية");
  c.Add(5, kLoc, "كوسرين").Add(6, kLoc, "كوسرين الطاجيكية");
  // A sea named by an adjective, and a country "of" another (Club América
  // of Mexico), are no places of that country.
  c.Add(7, kLoc, "البحر").Add(8, kLoc, "البحر").Add(9, kLoc, "البحر").Add(10, kLoc, "البحر الطاجيكي");
  c.Add(11, kLoc, "أمريكا").Add(12, kLoc, "أمريكا المكسيكي");
  const Resolution r = c.Resolve();
  EXPECT_EQ(r.entity_of[3], r.entity_of[0]);
  EXPECT_EQ(r.entities[r.entity_of[3]].name, "زيلمارو");
  EXPECT_NE(r.entity_of[5], r.entity_of[4]);
  EXPECT_NE(r.entity_of[9], r.entity_of[6]);
  EXPECT_NE(r.entity_of[11], r.entity_of[10]);
}

TEST(ResolveEntitiesTest, ACountrysAdjectiveThatTellsTwoPlacesApartStays) {
  // Adjectives of two countries after one (fictional) town's name: two
  // towns, and neither is the one named alone.
  Collection two;
  two.Add(1, kLoc, "زيلمارو").Add(2, kLoc, "زيلمارو").Add(3, kLoc, "زيلمارو");
  two.Add(4, kLoc, "زيلمارو الطاجيكية").Add(5, kLoc, "زيلمارو الأفغانية");
  const Resolution r2 = two.Resolve();
  EXPECT_NE(r2.entity_of[3], r2.entity_of[0]);
  EXPECT_NE(r2.entity_of[4], r2.entity_of[0]);
  EXPECT_NE(r2.entity_of[3], r2.entity_of[4]);
  // CLDR's Tripoli is in Libya: Lebanese Tripoli is another city, Libyan
  // Tripoli the same.
  Collection lebanon;
  lebanon.Add(1, kLoc, "طرابلس").Add(2, kLoc, "طرابلس").Add(3, kLoc, "طرابلس اللبنانية");
  const Resolution rl = lebanon.Resolve();
  EXPECT_NE(rl.entity_of[2], rl.entity_of[0]);
  Collection libya;
  libya.Add(1, kLoc, "طرابلس").Add(2, kLoc, "طرابلس").Add(3, kLoc, "طرابلس الليبية");
  const Resolution ry = libya.Resolve();
  EXPECT_EQ(ry.entity_of[2], ry.entity_of[0]);
  // Deserts are named by adjectives: the Moroccan Sahara is not the Sahara.
  Collection sahara;
  sahara.Add(1, kLoc, "الصحراء").Add(2, kLoc, "الصحراء").Add(3, kLoc, "الصحراء").Add(4, kLoc, "الصحراء المغربية");
  const Resolution rs = sahara.Resolve();
  EXPECT_NE(rs.entity_of[3], rs.entity_of[0]);
}

TEST(ResolveEntitiesTest, APlacesLastAdjectiveMayAgreeWithANounBeforeIt) {
  // «دول الخليج العربية» (the Arab Gulf states): the adjective is feminine
  // for دول (states), but the place is الخليج العربي (the Arabian Gulf).
  Collection c;
  c.Add(1, kLoc, "الخليج العربي").Add(2, kLoc, "الخليج العربية").Add(3, kLoc, "الجزيرة العربية");
  const Resolution r = c.Resolve();
  EXPECT_EQ(r.entity_of[1], r.entity_of[0]);
  EXPECT_EQ(LatinOf(r, 1), "Gulf");
  EXPECT_NE(r.entity_of[2], r.entity_of[0]);  // the Arabian peninsula
}

TEST(ResolveEntitiesTest, ABodyOfTheListIsNoPerson) {
  // The tagger read فيس بوك (Facebook) as a person's name of two words, and
  // إنستغرام (Instagram) as another name.
  Collection c;
  c.Add(1, kPer, "فيس بوك").Add(2, kPer, "فيس بوك").Add(3, EntityType::kMisc, "إنستغرام");
  c.Add(4, kPer, "سالم بوك");  // a man's name is left alone
  const Resolution r = c.Resolve();
  EXPECT_EQ(r.entities[r.entity_of[0]].type, kOrg);
  EXPECT_EQ(LatinOf(r, 0), "Facebook");
  EXPECT_EQ(r.entities[r.entity_of[2]].type, kOrg);
  EXPECT_EQ(r.entities[r.entity_of[3]].type, kPer);
}

TEST(ResolveEntitiesTest, MarketsMediaAndParliamentsOfTheListTakeTheirEnglishNames) {
  // The romaniser had printed Standred And Borz, Daily Mel and al-Knesset;
  // the tagger reads داو جونز (the Dow Jones index) as a man.
  Collection c;
  c.Add(1, kOrg, "ستاندرد آند بورز").Add(2, kOrg, "ديلي ميل").Add(3, kOrg, "الكنيست").Add(4, kPer, "داو جونز");
  const Resolution r = c.Resolve();
  EXPECT_EQ(LatinOf(r, 0), "Standard & Poor's");
  EXPECT_EQ(LatinOf(r, 1), "Daily Mail");
  EXPECT_EQ(LatinOf(r, 2), "Knesset");
  EXPECT_EQ(LatinOf(r, 3), "Dow Jones");
  EXPECT_EQ(r.entities[r.entity_of[3]].type, kOrg);
}

TEST(ResolveEntitiesTest, OtherNamesOfTheListTakeTheirEnglishNames) {
  // The romaniser had printed al-Harb al-Alamiya al-Thanniya, Boynge 777
  // and al-Islam; the two names of the World Cup are one.
  Collection c;
  c.Add(1, kMisc, "الحرب العالمية الثانية").Add(2, kMisc, "بوينج 777").Add(3, kMisc, "الإسلام");
  c.Add(4, kMisc, "المونديال").Add(5, kMisc, "كأس العالم").Add(6, kMisc, "بوينج طائر");
  const Resolution r = c.Resolve();
  EXPECT_EQ(LatinOf(r, 0), "World War II");
  EXPECT_EQ(LatinOf(r, 1), "Boeing 777");
  EXPECT_EQ(LatinOf(r, 2), "Islam");
  EXPECT_EQ(LatinOf(r, 3), "World Cup");
  EXPECT_EQ(r.entity_of[4], r.entity_of[3]);
  EXPECT_NE(LatinOf(r, 5), "Boeing");  // not a model's number after the name
}

TEST(ResolveEntitiesTest, ClubsAndFirmsOfTheListTakeTheirEnglishNames) {
  // Two clubs of one city stay two, each under its English name (the
  // romaniser reads foreign words as names: Manchester Yonited); a club the
  // tagger read as a person is an organisation; the spellings of one firm,
  // with and without its head word, are one.
  Collection c;
  c.Add(1, kOrg, "مانشستر يونايتد").Add(2, kOrg, "مانشستر سيتي").Add(3, kPer, "فيورنتينا");
  c.Add(4, kOrg, "سامسونج").Add(5, kOrg, "شركة سامسونغ");
  const Resolution r = c.Resolve();
  EXPECT_EQ(LatinOf(r, 0), "Manchester United");
  EXPECT_EQ(LatinOf(r, 1), "Manchester City");
  EXPECT_NE(r.entity_of[0], r.entity_of[1]);
  EXPECT_EQ(r.entities[r.entity_of[2]].type, kOrg);
  EXPECT_EQ(LatinOf(r, 3), "Samsung");
  EXPECT_EQ(r.entity_of[4], r.entity_of[3]);
  // A listed name that is a small share of its entity's mentions does not
  // name it: Aramco's trading arm, named four times, once beside Aramco.
  Collection arm;
  arm.Add(1, kOrg, "أرامكو السعودية للتجارة").Add(1, kOrg, "أرامكو السعودية");
  for (int doc = 2; doc <= 4; ++doc) arm.Add(doc, kOrg, "أرامكو السعودية للتجارة");
  const Resolution a = arm.Resolve();
  ASSERT_EQ(a.entity_of[1], a.entity_of[0]);
  EXPECT_NE(LatinOf(a, 0), "Saudi Aramco");
}

TEST(ResolveEntitiesTest, AnArticleAloneDoesNotMakeANationality) {
  // حسن tagged once as a place does not make الحسن an adjective of it.
  Collection c;
  c.Add(1, kLoc, "حسن").Add(2, kPer, "الحسن الثاني").Add(3, kPer, "الحسن");
  const Resolution r = c.Resolve();
  EXPECT_EQ(r.entities[r.entity_of[1]].name, "الحسن الثاني");
  EXPECT_EQ(r.attribute[2], 0);
}

TEST(ResolveEntitiesTest, OrganisationShortFormsAndAcronyms) {
  Collection c;
  c.Add(1, kOrg, "جبهة تحرير السهول الشرقية").Add(1, kOrg, "جتسش");
  c.Add(2, kOrg, "تحرير السهول الشرقية").Add(3, kOrg, "جتسش");
  c.Add(4, kOrg, "حركة شباب السهول");  // another group, sharing a word
  const Resolution r = c.Resolve();
  EXPECT_EQ(r.entity_of[1], r.entity_of[0]);
  EXPECT_EQ(r.entity_of[2], r.entity_of[0]);
  EXPECT_EQ(r.entity_of[3], r.entity_of[0]);
  EXPECT_NE(r.entity_of[4], r.entity_of[0]);
  EXPECT_EQ(r.entities[r.entity_of[0]].name, "جبهة تحرير السهول الشرقية");
}

TEST(ResolveEntitiesTest, TheLastNameOfAChainOfSonsIsNoSurname) {
  Collection c;
  // Hamad son of Saud son of Khalid; then Khalid alone, in another document:
  // a grandfather's given name, not the man. A family name after the chain
  // (القيسي) is his; one after آل (family of) is written with it, and the
  // word alone is a given name (نهيان بن مبارك).
  c.Add(1, kPer, "حمد بن سعود بن خالد").Add(2, kPer, "خالد");
  c.Add(3, kPer, "سليم بن عامر الراشدي").Add(4, kPer, "الراشدي");
  c.Add(5, kPer, "منصور بن زايد الحمادي").Add(5, kPer, "نهيان");
  const Resolution r = c.Resolve();
  EXPECT_NE(r.entity_of[1], r.entity_of[0]);
  EXPECT_EQ(r.entity_of[3], r.entity_of[2]);
  EXPECT_NE(r.entity_of[5], r.entity_of[4]);
}

TEST(ResolveEntitiesTest, AShortFormFarCommonerThanItsOnlyFullNameIsItsOwn) {
  Collection c;
  // One document writes Ahmad Ghassan; eleven others Ghassan alone: those
  // are not that man, once mentioned, but someone known by the one word.
  c.Add(1, kPer, "أحمد غسان");
  for (int doc = 2; doc <= 12; ++doc) c.Add(doc, kPer, "غسان");
  // One full name and two lone mentions elsewhere: they are his.
  c.Add(20, kPer, "رستم تيموروف").Add(21, kPer, "تيموروف").Add(22, kPer, "تيموروف");
  const Resolution r = c.Resolve();
  for (size_t m = 1; m <= 11; ++m) EXPECT_NE(r.entity_of[m], r.entity_of[0]) << m;
  EXPECT_EQ(r.entity_of[13], r.entity_of[12]);
  EXPECT_EQ(r.entity_of[14], r.entity_of[12]);
}

TEST(ResolveEntitiesTest, AcronymsTypedOtherwiseOrWithTheirHeadJoinTheLongForm) {
  Collection c;
  // The tagger read the acronym as a person where the long form is near,
  // and elsewhere; and wrote it after the head word "front" in a document
  // of its own.
  c.Add(1, kOrg, "جبهة تحرير السهول الشرقية").Add(1, kPer, "جتسش");
  c.Add(2, kOrg, "جبهة تحرير السهول الشرقية").Add(2, kPer, "جتسش");
  c.Add(3, kPer, "جتسش").Add(4, kOrg, "جبهة جتسش");
  // Letters of the long form's words too, but never written where the long
  // form is: not joined, alone or after a head word.
  c.Add(5, kPer, "جسش").Add(6, kOrg, "جبهة جسش");
  // Three letters that fit, tagged a person, next to the long form: a name.
  c.Add(7, kOrg, "جبهة تحرير السهول الشرقية").Add(7, kPer, "جتش");
  const Resolution r = c.Resolve();
  for (size_t m : {1u, 2u, 3u, 4u, 5u}) EXPECT_EQ(r.entity_of[m], r.entity_of[0]) << m;
  // The type is the long form's: short forms do not vote.
  EXPECT_EQ(r.entities[r.entity_of[0]].type, kOrg);
  EXPECT_NE(r.entity_of[6], r.entity_of[0]);
  EXPECT_NE(r.entity_of[7], r.entity_of[0]);
  EXPECT_EQ(r.entity_of[8], r.entity_of[0]);
  EXPECT_NE(r.entity_of[9], r.entity_of[0]);
}

TEST(ResolveEntitiesTest, AnOrganisationAfterForTheJoinsItsNameWithTheArticle) {
  // للأمم المتحدة leaves the tagger as أمم المتحدة.
  Collection c;
  c.Add(1, kOrg, "الأمم المتحدة").Add(2, kOrg, "أمم المتحدة").Add(3, kOrg, "الأمم المتحدة");
  const Resolution r = c.Resolve();
  EXPECT_EQ(r.entity_of[1], r.entity_of[0]);
  EXPECT_EQ(r.entities[r.entity_of[0]].name, "الأمم المتحدة");
}

TEST(ResolveEntitiesTest, StatedLinksJoinAliasesAndRelateBranches) {
  Collection c;
  c.Add(1, kPer, "نوري عبد الكريم الدباغ").Add(1, kPer, "أبو سيف البصري");
  c.Add(2, kOrg, "سرية الجبل الأخضر").Add(2, kOrg, "جبهة تحرير السهول الشرقية");
  c.Add(3, kPer, "أبي سيف البصري");  // the same kunya after a preposition
  const std::vector<MentionLink> links = {{0, 1, MentionLink::Kind::kAlias},
                                          {2, 3, MentionLink::Kind::kPartOf}};
  const Resolution r = c.Resolve(links);
  EXPECT_EQ(r.entity_of[0], r.entity_of[1]);
  EXPECT_EQ(r.entity_of[4], r.entity_of[0]);
  EXPECT_NE(r.entity_of[2], r.entity_of[3]);  // a branch is not its parent
  ASSERT_EQ(r.part_of.size(), 1u);
  EXPECT_EQ(r.part_of[0], std::make_pair(static_cast<uint32_t>(r.entity_of[2]),
                                         static_cast<uint32_t>(r.entity_of[3])));
}

TEST(ResolveEntitiesTest, ARegionalBranchOfAGroupIsPartOfItNotMergedIntoIt) {
  Collection c;
  c.Add(1, kOrg, "داعش").Add(1, kOrg, "داعش ليبيا");
  c.Add(2, kOrg, "تنظيم الدولة في ليبيا").Add(2, kOrg, "داعش سيناء").Add(2, kOrg, "داعش سيناء");
  c.Add(3, kOrg, "تنظيم الدولة").Add(4, kOrg, "داعش ليبيا");
  const Resolution r = c.Resolve();
  const int32_t group = c.EntityOf(r, "داعش"), libya = c.EntityOf(r, "داعش ليبيا");
  EXPECT_EQ(c.EntityOf(r, "تنظيم الدولة"), group);
  EXPECT_NE(libya, group);
  EXPECT_EQ(c.EntityOf(r, "تنظيم الدولة في ليبيا"), libya);  // the branch written two ways
  const int32_t sinai = c.EntityOf(r, "داعش سيناء");
  EXPECT_NE(sinai, libya);
  EXPECT_NE(sinai, group);
  EXPECT_EQ(LatinOf(r, 1), "ISIS in Libya");
  EXPECT_EQ(LatinOf(r, 3), "ISIS in Sinai");  // twice in one document
  const auto link = [](int32_t branch, int32_t parent) {
    return std::make_pair(static_cast<uint32_t>(branch), static_cast<uint32_t>(parent));
  };
  EXPECT_EQ(r.part_of, (std::vector<std::pair<uint32_t, uint32_t>>{link(libya, group), link(sinai, group)}));
}

TEST(ResolveEntitiesTest, ABranchOfAGroupTheCollectionDoesNotNameIsPartOfNothing) {
  Collection c;
  c.Add(1, kOrg, "داعش ليبيا").Add(1, kOrg, "ريال مدريد").Add(2, kOrg, "ريال").Add(2, kOrg, "داعش ليبيا");
  const Resolution r = c.Resolve();
  EXPECT_EQ(LatinOf(r, 0), "ISIS in Libya");
  EXPECT_TRUE(r.part_of.empty());
}

TEST(ResolveEntitiesTest, AGroupInItsOwnCountryIsTheGroup) {
  // «حركة طالبان أفغانستان» is the Taliban, not their branch.
  Collection c;
  c.Add(1, kOrg, "طالبان").Add(2, kOrg, "حركة طالبان أفغانستان").Add(3, kOrg, "حركة طالبان أفغانستان");
  const Resolution r = c.Resolve();
  EXPECT_EQ(r.entity_of[1], r.entity_of[0]);
  EXPECT_TRUE(r.part_of.empty());
}

TEST(ResolveEntitiesTest, ABranchWrittenOnceInEachOfTwoSpellingsIsNamed) {
  // Two spellings of one branch, once each: written twice in all.
  Collection c;
  c.Add(1, kOrg, "طالبان").Add(2, kOrg, "حركة طالبان باكستان").Add(3, kOrg, "طالبان باكستان");
  const Resolution r = c.Resolve();
  EXPECT_EQ(LatinOf(r, 1), "Taliban in Pakistan");
  EXPECT_EQ(LatinOf(r, 2), "Taliban in Pakistan");
  EXPECT_EQ(r.entity_of[2], r.entity_of[1]);
}

TEST(ResolveEntitiesTest, AGroupAndAPlaceSideBySideOnceAreNoBranch) {
  // «واتهمت حماس إسرائيل», Hamas accused Israel: subject and object the
  // tagger read as one name; with في, where the group is («حماس في
  // الأردن»). Once names a branch only with في before a region groups name
  // branches after.
  Collection c;
  c.Add(1, kOrg, "حماس").Add(1, kOrg, "حماس مصر").Add(2, kOrg, "حماس").Add(2, kOrg, "حركة حماس في الأردن");
  c.Add(3, kOrg, "تنظيم القاعدة").Add(3, kOrg, "القاعدة في جزيرة العرب");
  const Resolution r = c.Resolve();
  EXPECT_NE(LatinOf(r, 1), "Hamas in Egypt");
  EXPECT_NE(LatinOf(r, 3), "Hamas in Jordan");
  EXPECT_EQ(LatinOf(r, 5), "al-Qaeda in the Arabian Peninsula");
  const auto parent = static_cast<uint32_t>(c.EntityOf(r, "تنظيم القاعدة"));
  EXPECT_EQ(r.part_of, (std::vector<std::pair<uint32_t, uint32_t>>{
                           {static_cast<uint32_t>(c.EntityOf(r, "القاعدة في جزيرة العرب")), parent}}));
}

TEST(ResolveEntitiesTest, AStatedAliasDoesNotJoinTwoListedBodies) {
  // «منظمة الأمم المتحدة للطفولة (اليونيسيف)» with the name cut to the UN's:
  // the list of bodies has the UN and UNICEF, two bodies. An alias it does
  // not know still joins (a fictional group and its other name).
  Collection c;
  c.Add(1, kOrg, "الأمم المتحدة").Add(1, kOrg, "اليونيسيف").Add(2, kOrg, "الأمم المتحدة");
  c.Add(3, kOrg, "جبهة تحرير السهول الشرقية").Add(3, kOrg, "جبهة السهول");
  const std::vector<MentionLink> links = {{0, 1, MentionLink::Kind::kAlias}, {3, 4, MentionLink::Kind::kAlias}};
  const Resolution r = c.Resolve(links);
  EXPECT_NE(r.entity_of[1], r.entity_of[0]);
  EXPECT_EQ(LatinOf(r, 1), "UNICEF");
  EXPECT_EQ(r.entity_of[4], r.entity_of[3]);
  // UNICEF by its full name is UNICEF.
  Collection full;
  full.Add(1, kOrg, "منظمة الأمم المتحدة للطفولة").Add(2, kOrg, "اليونيسيف").Add(3, kOrg, "الأمم المتحدة");
  const Resolution rf = full.Resolve();
  EXPECT_EQ(rf.entity_of[0], rf.entity_of[1]);
  EXPECT_NE(rf.entity_of[0], rf.entity_of[2]);
}

TEST(ResolveEntitiesTest, AliasEntriesWinAndNameTheEntity) {
  Collection c;
  c.Add(1, kOrg, "جبهة تحرير السهول الشرقية").Add(2, kPer, "السهم الأحمر").Add(3, kOrg, "سرية الجبل الأخضر");
  AliasEntry same;
  same.type = kOrg;
  same.name = "جبهة السهول";
  same.aliases = {"جبهة تحرير السهول الشرقية", "السهم الأحمر"};
  AliasEntry branch;
  branch.name = "سرية الجبل الأخضر";
  branch.part_of = "جبهة تحرير السهول الشرقية";
  const Resolution r = c.Resolve({}, {same, branch});
  EXPECT_EQ(r.entity_of[0], r.entity_of[1]);
  EXPECT_EQ(r.entities[r.entity_of[0]].name, "جبهة السهول");
  EXPECT_EQ(r.entities[r.entity_of[0]].type, kOrg);
  ASSERT_EQ(r.part_of.size(), 1u);
  EXPECT_EQ(r.part_of[0].first, static_cast<uint32_t>(r.entity_of[2]));
}

TEST(ResolveEntitiesTest, LatinSpellingFromTheTextIsTheRomanisation) {
  Collection c;
  c.Add(1, kPer, "غولنازار تيموروف", "Gulnazar Temurov").Add(2, kPer, "غولنازار تيموروف");
  c.Add(3, kPer, "غولنازار تيموروف", "Barack Smith");  // does not match: ignored
  const Resolution r = c.Resolve();
  EXPECT_EQ(r.entities[0].latin, "Gulnazar Temurov");
}

TEST(ResolveEntitiesTest, PlacesAndBodiesTakeTheirEnglishNames) {
  // Each kind of source of English names: a CLDR time-zone city (Baghdad),
  // a CLDR world region (وسط آسيا, Central Asia), the curated list (أوروبا,
  // Europe; آسيا الوسطى, Central Asia as news writes it), a CLDR grouping
  // that is a body (the United Nations). A country keeps its name over a
  // city of the same key (عمان: Oman, not Amman), and a body's name is
  // not given to a place, nor a place's to a person.
  Collection c;
  c.Add(1, kLoc, "بغداد").Add(2, kLoc, "وسط آسيا").Add(3, kLoc, "أوروبا").Add(4, kLoc, "آسيا الوسطى");
  c.Add(5, kOrg, "الأمم المتحدة").Add(6, kLoc, "عمان").Add(7, kPer, "حلب");  // ... Aleppo as a person
  const Resolution r = c.Resolve();
  EXPECT_EQ(LatinOf(r, 0), "Baghdad");
  EXPECT_EQ(LatinOf(r, 1), "Central Asia");
  EXPECT_EQ(LatinOf(r, 2), "Europe");
  EXPECT_EQ(LatinOf(r, 3), "Central Asia");
  EXPECT_EQ(LatinOf(r, 4), "United Nations");
  EXPECT_EQ(LatinOf(r, 5), "Oman");
  EXPECT_NE(LatinOf(r, 6), "Aleppo");
  Collection body_as_place;
  body_as_place.Add(1, kLoc, "مجلس الأمن");
  EXPECT_NE(body_as_place.Resolve().entities[0].latin, "UN Security Council");
}

TEST(ResolveEntitiesTest, BodiesTheListLacksAreNamedByTheirKind) {
  // A body named by its kind and what it is of is printed in English (the
  // Jordanian agriculture ministry); one the list of bodies names keeps the
  // list's name, which joins its two spellings of American (the American
  // foreign ministry is the State Department). So is a made place (a road).
  // Not a person's name.
  Collection c;
  c.Add(1, kOrg, "وزارة الزراعة الأردنية").Add(2, kOrg, "وزارة الخارجية الأمريكية");
  c.Add(3, kOrg, "وزارة الخارجية الأميركية").Add(4, kPer, "جامعة حلب").Add(5, kLoc, "طريق الأمير فهد");
  const Resolution r = c.Resolve();
  EXPECT_EQ(LatinOf(r, 0), "Jordanian Agriculture Ministry");
  EXPECT_EQ(LatinOf(r, 1), "US State Department");
  EXPECT_EQ(r.entity_of[2], r.entity_of[1]);
  EXPECT_NE(LatinOf(r, 3), "Aleppo University");
  EXPECT_EQ(LatinOf(r, 4), "Prince " + M().Romanize("فهد") + " Road");  // a made place
}

TEST(ResolveEntitiesTest, PlacesCldrLacksAreOnTheCuratedList) {
  // A Saudi governorate, a state of the US, a city CLDR names no time zone
  // after, a region: each under its English name (the romaniser had printed
  // al-Jbeil, Ohayo, Qualalempur); the peninsula with and without شبه.
  Collection c;
  c.Add(1, kLoc, "الجبيل").Add(2, kLoc, "أوهايو").Add(3, kLoc, "كوالالمبور").Add(4, kLoc, "أمريكا اللاتينية");
  c.Add(5, kLoc, "الجزيرة العربية").Add(6, kLoc, "شبه الجزيرة العربية");
  const Resolution r = c.Resolve();
  EXPECT_EQ(LatinOf(r, 0), "Jubail");
  EXPECT_EQ(LatinOf(r, 1), "Ohio");
  EXPECT_EQ(LatinOf(r, 2), "Kuala Lumpur");
  EXPECT_EQ(LatinOf(r, 3), "Latin America");
  EXPECT_EQ(LatinOf(r, 4), "Arabian Peninsula");
  EXPECT_EQ(r.entity_of[5], r.entity_of[4]);
}

TEST(ResolveEntitiesTest, TheRegionsGroupsNameTheirBranchesAfterAreOnTheCuratedList) {
  // Kabul as Arabic news writes it (CLDR has كابول; the romaniser's memory
  // read كابل as the surname Cabell); the lands of the Maghreb are the Arab
  // Maghreb, not Morocco (المغرب).
  Collection c;
  c.Add(1, kLoc, "كابل").Add(2, kLoc, "بلاد المغرب").Add(3, kLoc, "المغرب العربي").Add(4, kLoc, "المغرب");
  const Resolution r = c.Resolve();
  EXPECT_EQ(LatinOf(r, 0), "Kabul");
  EXPECT_EQ(LatinOf(r, 1), "Maghreb");
  EXPECT_EQ(r.entity_of[2], r.entity_of[1]);
  EXPECT_EQ(LatinOf(r, 3), "Morocco");
}

TEST(ResolveEntitiesTest, SpellingsOfAKnownPlaceTakeItsEnglishName) {
  // CLDR writes مقديشيو and هونغ كونغ; news also writes مقديشو and هونج كونج.
  // A namesake CLDR qualifies is no place of the news (بطرسبرغ is
  // "Petersburg, Indiana" to CLDR); words one letter from a place's name are
  // other words: الحدود (the borders) is not الحديدة (Hodeidah), خامس (fifth)
  // not حمص (Homs), الروضة not الرياض.
  Collection c;
  c.Add(1, kLoc, "مقديشو").Add(2, kLoc, "هونج كونج").Add(3, kLoc, "بطرسبرغ");
  c.Add(4, kLoc, "الحدود").Add(5, kLoc, "خامس").Add(6, kLoc, "الروضة");
  c.Add(7, kLoc, "قازاقستان");  // CLDR: كازاخستان
  const Resolution r = c.Resolve();
  EXPECT_EQ(LatinOf(r, 0), "Mogadishu");
  EXPECT_EQ(LatinOf(r, 1), "Hong Kong");
  EXPECT_EQ(LatinOf(r, 2).find(','), std::string::npos) << LatinOf(r, 2);
  EXPECT_NE(LatinOf(r, 3), "Hodeidah");
  EXPECT_NE(LatinOf(r, 4), "Homs");
  EXPECT_NE(LatinOf(r, 5), "Riyadh");
  EXPECT_EQ(LatinOf(r, 6), "Kazakhstan");
}

TEST(ResolveEntitiesTest, DeterministicAndEmpty) {
  Collection c;
  for (int d = 0; d < 30; ++d) {
    c.Add(d, kPer, d % 2 ? "غولنازار تيموروف" : "جولنازار تيموروف").Add(d, kLoc, d % 3 ? "سوريا" : "سورية");
    c.Add(d, kPer, "تيموروف");
  }
  const Resolution a = c.Resolve(), b = c.Resolve();
  EXPECT_EQ(a.entity_of, b.entity_of);
  EXPECT_EQ(a.entities.size(), 2u);
  EXPECT_TRUE(Collection().Resolve().entities.empty());
  Collection junk;
  junk.Add(1, kPer, "").Add(1, kPer, "\xff\xfe").Add(2, kOrg, "!!!").Add(2, kOrg, "جبهة تحرير السهول");
  junk.Add(2, kOrg, "١٢").Add(2, kPer, "نوري الدباغ").Add(2, kPer, "،");
  const Resolution j = junk.Resolve();
  EXPECT_EQ(j.entity_of.size(), 7u);
}


TEST(ResolveEntitiesTest, AMiscutSpanDoesNotCaptureASurname) {
  // "رستم تيموروف كاظموف" is a tagger's miscut of two names; the surname
  // كاظموف belongs to the far better attested نوري كاظموف.
  Collection c;
  for (int d = 0; d < 12; ++d) c.Add(d, kPer, "نوري كاظموف");
  c.Add(20, kPer, "رستم تيموروف").Add(20, kPer, "كاظموف");          // 12, 13
  c.Add(21, kPer, "رستم تيموروف كاظموف");                           // 14
  c.Add(22, kPer, "كاظموف");                                         // 15
  const Resolution r = c.Resolve();
  EXPECT_EQ(r.entity_of[13], r.entity_of[0]);  // not the preceding رستم تيموروف
  EXPECT_EQ(r.entity_of[15], r.entity_of[0]);
  EXPECT_NE(r.entity_of[12], r.entity_of[0]);
}

TEST(ResolveEntitiesTest, OrganisationFormsDifferOnlyByAddedWords) {
  Collection c;
  c.Add(1, kOrg, "الاتحاد الجنوبي").Add(2, kOrg, "المصرف المركزي الجنوبي");
  c.Add(3, kOrg, "جبهة تحرير السهول").Add(4, kOrg, "جبهة تحرير السهول الشرقية");
  const Resolution r = c.Resolve();
  EXPECT_NE(r.entity_of[0], r.entity_of[1]);
  EXPECT_EQ(r.entity_of[2], r.entity_of[3]);
}

TEST(ResolveEntitiesTest, NamesOfOneCountryAreOnePlace) {
  // A country's short and official names share no spelling the pair model
  // could join; the list of places knows them for one.
  Collection c;
  c.Add(1, kLoc, "السعودية").Add(2, kLoc, "المملكة العربية السعودية");
  c.Add(3, kLoc, "الإمارات").Add(4, kLoc, "الإمارات العربية المتحدة").Add(5, kLoc, "مصر");
  c.Add(6, kLoc, "السعودي");  // Saudi (the adjective), tagged a place
  const Resolution r = c.Resolve();
  EXPECT_EQ(r.entity_of[0], r.entity_of[1]);
  EXPECT_EQ(LatinOf(r, 0), "Saudi Arabia");
  EXPECT_EQ(r.entity_of[2], r.entity_of[3]);
  EXPECT_NE(r.entity_of[0], r.entity_of[2]);
  EXPECT_NE(r.entity_of[4], r.entity_of[0]);
  EXPECT_EQ(r.attribute[5], 1);
}

TEST(ResolveEntitiesTest, AGivenNameAloneIsTheFullNameOfItsDocument) {
  // "King Nayef" after "Nayef bin Sultan" in one article is that man; in
  // an article without a full name it stays a name of its own, and in an
  // article naming another Nayef it is that one.
  Collection c;
  c.Add(1, kPer, "نايف بن سلطان").Add(1, kPer, "نايف");
  c.Add(2, kPer, "نايف");
  c.Add(3, kPer, "نايف الشمري").Add(3, kPer, "نايف");
  // A surname in the document wins over a given name nearer to the word:
  // عباس is Mahmoud Abbas's, not Abbas Kamel's.
  c.Add(4, kPer, "محمود عباس").Add(4, kPer, "عباس كامل").Add(4, kPer, "عباس");
  // Two full names begin with the given name: it stands for neither.
  c.Add(5, kPer, "فهد بن سعود").Add(5, kPer, "فهد الدوسري").Add(5, kPer, "فهد");
  const Resolution r = c.Resolve();
  ASSERT_GE(r.entity_of[0], 0);
  EXPECT_EQ(r.entity_of[1], r.entity_of[0]);
  EXPECT_NE(r.entity_of[2], r.entity_of[0]);
  EXPECT_EQ(r.entity_of[4], r.entity_of[3]);
  EXPECT_NE(r.entity_of[3], r.entity_of[0]);
  EXPECT_EQ(r.entity_of[7], r.entity_of[5]);
  EXPECT_NE(r.entity_of[10], r.entity_of[8]);
  EXPECT_NE(r.entity_of[10], r.entity_of[9]);
}

TEST(ResolveEntitiesTest, ANameManyMenBearIsNoOneAcrossDocuments) {
  // Three men named ماجد (Majid), none far commoner than the others: ماجد
  // alone in two articles that name none of them is two people, one in
  // each, while its two mentions within one article stay one.
  Collection c;
  c.Add(1, kPer, "ماجد الحربي").Add(2, kPer, "ماجد بن تركي").Add(3, kPer, "ماجد العتيبي");
  c.Add(4, kPer, "ماجد").Add(4, kPer, "ماجد").Add(5, kPer, "ماجد");
  // So also a surname two full names share (the Harbi family).
  c.Add(6, kPer, "سامي الحربي").Add(7, kPer, "الحربي").Add(8, kPer, "الحربي");
  // A surname one man holds stays one name across articles.
  c.Add(9, kPer, "رشيد القحطاني").Add(10, kPer, "القحطاني").Add(11, kPer, "القحطاني");
  const Resolution r = c.Resolve();
  ASSERT_GE(r.entity_of[3], 0);
  ASSERT_GE(r.entity_of[5], 0);
  EXPECT_EQ(r.entity_of[4], r.entity_of[3]);
  EXPECT_NE(r.entity_of[5], r.entity_of[3]);
  for (int full : {0, 1, 2}) EXPECT_NE(r.entity_of[3], r.entity_of[full]);
  EXPECT_EQ(r.entities[r.entity_of[5]].name, "ماجد");
  ASSERT_GE(r.entity_of[7], 0);
  EXPECT_NE(r.entity_of[7], r.entity_of[8]);
  EXPECT_EQ(r.entity_of[10], r.entity_of[9]);
  EXPECT_EQ(r.entity_of[11], r.entity_of[9]);
  // Nor is it the one whose article names the same place.
  Collection context;
  context.Add(1, kPer, "سامي ماجد").Add(1, kLoc, "تبوك").Add(2, kPer, "خالد ماجد");
  context.Add(3, kPer, "ماجد الحربي").Add(4, kPer, "ماجد").Add(4, kLoc, "تبوك");
  const Resolution by_context = context.Resolve();
  ASSERT_GE(by_context.entity_of[4], 0);
  EXPECT_NE(by_context.entity_of[4], by_context.entity_of[0]);
  EXPECT_EQ(by_context.entities[by_context.entity_of[4]].name, "ماجد");
}

TEST(ResolveEntitiesTest, ACompoundGivenNameIsOneName) {
  // عبد الله (Abdullah) is written in two words but is one given name:
  // alone, it is no one across documents, and it stands for the one full
  // name of its document it begins.
  Collection c;
  c.Add(1, kPer, "عبد الله الحربي").Add(2, kPer, "عبد الله بن تركي").Add(3, kPer, "عبد الله العتيبي");
  c.Add(4, kPer, "عبد الله").Add(5, kPer, "عبد الله");
  c.Add(6, kPer, "عبد الله العتيبي").Add(6, kPer, "عبد الله");
  const Resolution r = c.Resolve();
  ASSERT_GE(r.entity_of[3], 0);
  EXPECT_NE(r.entity_of[3], r.entity_of[4]);
  EXPECT_EQ(r.entity_of[6], r.entity_of[2]);
  EXPECT_EQ(r.entity_of[6], r.entity_of[5]);
  // A name after بن is no given name: بن علي (Ben Ali) is not Ali Laarayedh,
  // nor بن سلمان (son of Salman) King Salman, who is سلمان alone; it stands
  // for a name that ends so (Zine El Abidine Ben Ali).
  Collection son;
  son.Add(1, kPer, "علي العريض").Add(1, kPer, "بن علي");
  son.Add(2, kPer, "سلمان بن عبدالعزيز").Add(2, kPer, "بن سلمان").Add(2, kPer, "سلمان");
  son.Add(3, kPer, "زين العابدين بن علي").Add(3, kPer, "بن علي");
  const Resolution s = son.Resolve();
  EXPECT_NE(s.entity_of[1], s.entity_of[0]);
  EXPECT_NE(s.entity_of[3], s.entity_of[2]);
  EXPECT_EQ(s.entity_of[4], s.entity_of[2]);
  EXPECT_EQ(s.entity_of[6], s.entity_of[5]);
}

TEST(ResolveEntitiesTest, ARareMiswritingDoesNotKeepANameApart) {
  // A prince named forty times with his family name and forty without; once
  // the text cut the name after آل (family of), once it lost a space. The two
  // slips are unlike each other and the common names, and had kept the two
  // common forms of one man apart.
  Collection c;
  for (int doc = 0; doc < 40; ++doc) {
    c.Add(doc, kPer, "ناصر بن فهد").Add(100 + doc, kPer, "ناصر بن فهد آل رشيد");
  }
  c.Add(200, kPer, "ناصر بن فهد آل").Add(201, kPer, "ناصر بن فهدآل رشيد");
  const Resolution r = c.Resolve();
  ASSERT_GE(r.entity_of[0], 0);
  EXPECT_EQ(r.entity_of[0], r.entity_of[1]);
}

TEST(ResolveEntitiesTest, ARareShortFormDoesNotKeepANameApart) {
  // As above; once a text dropped the middle of the name («ناصر رشيد»),
  // which matches the long form but not the one without the family name,
  // and joins the long form first.
  Collection c;
  c.Add(200, kPer, "ناصر رشيد");
  for (int doc = 0; doc < 40; ++doc) {
    c.Add(doc, kPer, "ناصر بن فهد").Add(100 + doc, kPer, "ناصر بن فهد آل رشيد");
  }
  const Resolution r = c.Resolve();
  ASSERT_GE(r.entity_of[1], 0);
  EXPECT_EQ(r.entity_of[1], r.entity_of[2]);
  EXPECT_EQ(r.entity_of[0], r.entity_of[2]);
}

TEST(ResolveEntitiesTest, ARareNameHasNoSayInACommonLongName) {
  // A prince named 120 times with his family name and 120 without; the
  // tagger twice ran a verb (لتشكره, to thank him) into the name without
  // it. Among so many mentions of a name that says whose son he is, a
  // rare name is a slip, not a namesake.
  Collection c;
  c.Add(300, kPer, "ناصر بن فهد لتشكره").Add(301, kPer, "ناصر بن فهد لتشكره");
  for (int doc = 0; doc < 120; ++doc) {
    c.Add(doc, kPer, "ناصر بن فهد").Add(1000 + doc, kPer, "ناصر بن فهد آل رشيد");
  }
  // In a name written forty times, the same slip keeps its say.
  c.Add(400, kPer, "سامي بن خالد على");
  for (int doc = 500; doc < 540; ++doc) {
    c.Add(doc, kPer, "سامي بن خالد").Add(1000 + doc, kPer, "سامي بن خالد آل حمد");
  }
  const Resolution r = c.Resolve();
  ASSERT_GE(r.entity_of[2], 0);
  EXPECT_EQ(r.entity_of[2], r.entity_of[3]);
  ASSERT_EQ(c.mentions[243].name, "سامي بن خالد");
  ASSERT_EQ(c.mentions[244].name, "سامي بن خالد آل حمد");
  EXPECT_NE(r.entity_of[243], r.entity_of[244]);
}

TEST(ResolveEntitiesTest, ARareNameKeepsItsSayInACommonShortName) {
  // «فادي سالم» (two words), 120 times, stands for several men: one text's
  // «فادي سالم العلي» joined it, and keeps it from «فادي سالم الحمد».
  Collection c;
  c.Add(1, kPer, "فادي سالم العلي");
  for (int doc = 10; doc < 130; ++doc) c.Add(doc, kPer, "فادي سالم").Add(1000 + doc, kPer, "فادي سالم الحمد");
  const Resolution r = c.Resolve();
  ASSERT_GE(r.entity_of[1], 0);
  EXPECT_EQ(r.entity_of[0], r.entity_of[1]);
  EXPECT_NE(r.entity_of[1], r.entity_of[2]);
}

TEST(ResolveEntitiesTest, ANameWhoseSurnameIsAnothersFatherIsAnotherMan) {
  // «حمدان عبد الكريم ناصر», 120 times, and his short «حمدان ناصر»;
  // «حمدان بن ناصر الشهري», once, is Hamdan son of Nasser, of the Shehri:
  // another man, though each word of the short name is in his.
  Collection c;
  for (int doc = 10; doc < 130; ++doc) {
    c.Add(doc, kPer, "حمدان عبد الكريم ناصر").Add(1000 + doc, kPer, "حمدان ناصر");
  }
  c.Add(1, kPer, "حمدان بن ناصر الشهري").Add(2, kPer, "حمدان ناصر يستأذنه");
  const Resolution r = c.Resolve();
  ASSERT_EQ(c.mentions[240].name, "حمدان بن ناصر الشهري");
  ASSERT_GE(r.entity_of[0], 0);
  EXPECT_EQ(r.entity_of[0], r.entity_of[1]);
  EXPECT_NE(r.entity_of[240], r.entity_of[0]);
  // A word the tagger ran on after his name is no family name.
  EXPECT_EQ(r.entity_of[241], r.entity_of[0]);
}

TEST(ResolveEntitiesTest, ANameTwoMenGoOnFromWithTheirFamiliesIsNeither) {
  // «نايف بن سلطان» (Nayef, son of Sultan), of two families: the name
  // without one stands for neither man.
  Collection c;
  for (int doc = 10; doc < 30; ++doc) c.Add(doc, kPer, "نايف بن سلطان");
  for (int doc = 100; doc < 105; ++doc) c.Add(doc, kPer, "نايف بن سلطان الحارثي");
  for (int doc = 200; doc < 205; ++doc) c.Add(doc, kPer, "نايف بن سلطان آل ماجد");
  // One family written ten times as often as the other's is the man's.
  for (int doc = 300; doc < 320; ++doc) c.Add(doc, kPer, "سامر بن خليل");
  for (int doc = 400; doc < 430; ++doc) c.Add(doc, kPer, "سامر بن خليل العمري");
  for (int doc = 500; doc < 502; ++doc) c.Add(doc, kPer, "سامر بن خليل الزين");
  // Nor does a word the tagger ran on once («... الشاعر», the poet).
  for (int doc = 900; doc < 930; ++doc) c.Add(doc, kPer, "عادل بن فهد");
  for (int doc = 930; doc < 935; ++doc) c.Add(doc, kPer, "عادل بن فهد المطيري");
  c.Add(940, kPer, "عادل بن فهد الشاعر");
  // Two full names that are one man's (his grandfather's name takes the
  // article) make no ambiguity.
  for (int doc = 600; doc < 620; ++doc) c.Add(doc, kPer, "صقر الأحمد");
  for (int doc = 700; doc < 705; ++doc) c.Add(doc, kPer, "صقر الأحمد الصباح");
  for (int doc = 800; doc < 805; ++doc) c.Add(doc, kPer, "صقر الأحمد الجابر الصباح");
  const Resolution r = c.Resolve();
  const int32_t nayef = c.EntityOf(r, "نايف بن سلطان");
  ASSERT_GE(nayef, 0);
  EXPECT_NE(nayef, c.EntityOf(r, "نايف بن سلطان الحارثي"));
  EXPECT_NE(nayef, c.EntityOf(r, "نايف بن سلطان آل ماجد"));
  EXPECT_NE(c.EntityOf(r, "نايف بن سلطان الحارثي"), c.EntityOf(r, "نايف بن سلطان آل ماجد"));
  EXPECT_EQ(c.EntityOf(r, "سامر بن خليل"), c.EntityOf(r, "سامر بن خليل العمري"));
  EXPECT_NE(c.EntityOf(r, "سامر بن خليل"), c.EntityOf(r, "سامر بن خليل الزين"));
  EXPECT_EQ(c.EntityOf(r, "صقر الأحمد"), c.EntityOf(r, "صقر الأحمد الصباح"));
  EXPECT_EQ(c.EntityOf(r, "صقر الأحمد"), c.EntityOf(r, "صقر الأحمد الجابر الصباح"));
  EXPECT_EQ(c.EntityOf(r, "عادل بن فهد"), c.EntityOf(r, "عادل بن فهد المطيري"));
}

TEST(ResolveEntitiesTest, WhichManANameIsDoesNotDependOnTheOrderOfDocuments) {
  // The same names as above, the rare family and the run-on word first:
  // the name is still the commoner man's.
  Collection c;
  for (int doc = 500; doc < 502; ++doc) c.Add(doc, kPer, "سامر بن خليل الزين");
  for (int doc = 300; doc < 320; ++doc) c.Add(doc, kPer, "سامر بن خليل");
  for (int doc = 400; doc < 430; ++doc) c.Add(doc, kPer, "سامر بن خليل العمري");
  c.Add(940, kPer, "عادل بن فهد الشاعر");
  for (int doc = 900; doc < 930; ++doc) c.Add(doc, kPer, "عادل بن فهد");
  for (int doc = 930; doc < 935; ++doc) c.Add(doc, kPer, "عادل بن فهد المطيري");
  // One man's three names, the first and the last of which do not match
  // each other: the middle one makes them one man, whichever comes first.
  for (int doc = 600; doc < 608; ++doc) c.Add(doc, kPer, "صقر الأحمد الصباح");
  for (int doc = 610; doc < 650; ++doc) c.Add(doc, kPer, "صقر الأحمد");
  for (int doc = 700; doc < 708; ++doc) c.Add(doc, kPer, "صقر الأحمد الجابر");
  for (int doc = 800; doc < 808; ++doc) c.Add(doc, kPer, "صقر الأحمد الجابر الصباح");
  // A country's adjective run on after a name (the Syrian) is no family.
  for (int doc = 1000; doc < 1030; ++doc) c.Add(doc, kPer, "منصور بن زايد");
  for (int doc = 1030; doc < 1040; ++doc) c.Add(doc, kPer, "منصور بن زايد الحمادي");
  for (int doc = 1040; doc < 1044; ++doc) c.Add(doc, kPer, "منصور بن زايد السوري");
  const Resolution r = c.Resolve();
  ASSERT_GE(c.EntityOf(r, "سامر بن خليل"), 0);
  EXPECT_EQ(c.EntityOf(r, "سامر بن خليل"), c.EntityOf(r, "سامر بن خليل العمري"));
  EXPECT_NE(c.EntityOf(r, "سامر بن خليل"), c.EntityOf(r, "سامر بن خليل الزين"));
  EXPECT_EQ(c.EntityOf(r, "عادل بن فهد"), c.EntityOf(r, "عادل بن فهد المطيري"));
  EXPECT_EQ(c.EntityOf(r, "صقر الأحمد"), c.EntityOf(r, "صقر الأحمد الجابر الصباح"));
  EXPECT_EQ(c.EntityOf(r, "منصور بن زايد"), c.EntityOf(r, "منصور بن زايد الحمادي"));
}

TEST(ResolveEntitiesTest, ARareSonOfSaysNoMoreThanItsCommonName) {
  // «ماهر قاسم», 100 times, is the short form of «ماهر سليم قاسم» (Maher,
  // son of Salim, son of Qasim); «ماهر بن قاسم» (Maher, son of Qasim) once,
  // joined with it, is no other man to keep it apart.
  Collection c;
  for (int doc = 10; doc < 40; ++doc) c.Add(doc, kPer, "ماهر سليم قاسم");
  for (int doc = 100; doc < 200; ++doc) c.Add(doc, kPer, "ماهر قاسم");
  c.Add(300, kPer, "ماهر بن قاسم");
  const Resolution r = c.Resolve();
  ASSERT_GE(c.EntityOf(r, "ماهر قاسم"), 0);
  EXPECT_EQ(c.EntityOf(r, "ماهر قاسم"), c.EntityOf(r, "ماهر سليم قاسم"));
}

TEST(ResolveEntitiesTest, NamesOfOneBodyAreOneOrganisation) {
  // The curated bodies' names in other words, one word among them: ISIS by
  // its acronym and as "the State organisation", the BBC by its letters and
  // its Arabic name.
  Collection c;
  c.Add(1, kOrg, "داعش").Add(2, kOrg, "تنظيم الدولة").Add(3, kOrg, "داعش");
  c.Add(4, kOrg, "بي بي سي").Add(5, kOrg, "هيئة الإذاعة البريطانية").Add(6, kOrg, "بي.بي.سي");
  c.Add(7, kOrg, "إيه.بي.سي");
  const Resolution r = c.Resolve();
  ASSERT_GE(r.entity_of[0], 0);
  EXPECT_EQ(r.entity_of[0], r.entity_of[1]);
  EXPECT_EQ(r.entity_of[0], r.entity_of[2]);
  EXPECT_EQ(r.entities[r.entity_of[0]].name, "داعش");  // a name by itself, the commonest
  EXPECT_EQ(LatinOf(r, 0), "ISIS");
  EXPECT_EQ(r.entity_of[3], r.entity_of[4]);
  EXPECT_NE(r.entity_of[0], r.entity_of[3]);
  // The letters of an acronym joined by full stops.
  EXPECT_EQ(r.entity_of[5], r.entity_of[3]);
  ASSERT_GE(r.entity_of[6], 0);
  EXPECT_EQ(LatinOf(r, 6), "ABC");
  // The Federal Reserve, «federal» in Arabic and in loan-word; the Bank of
  // Germany stays apart.
  Collection fed;
  fed.Add(1, kOrg, "مجلس الاحتياطي الاتحادي").Add(2, kOrg, "الاحتياطي الفيدرالي");
  fed.Add(3, kOrg, "البنك المركزي الألماني");
  const Resolution f = fed.Resolve();
  ASSERT_GE(f.entity_of[0], 0);
  EXPECT_EQ(f.entity_of[0], f.entity_of[1]);
  EXPECT_EQ(LatinOf(f, 0), "Federal Reserve");
  EXPECT_NE(f.entity_of[2], f.entity_of[0]);
  // News agencies, the sources of many claims, by their English names.
  Collection agencies;
  agencies.Add(1, kOrg, "وكالة الأناضول").Add(2, kOrg, "وكالة أنباء الأناضول");
  agencies.Add(3, kOrg, "وكالة الأنباء الكويتية");
  const Resolution a = agencies.Resolve();
  ASSERT_GE(a.entity_of[0], 0);
  EXPECT_EQ(a.entity_of[0], a.entity_of[1]);
  EXPECT_EQ(LatinOf(a, 0), "Anadolu Agency");
  ASSERT_GE(a.entity_of[2], 0);
  EXPECT_EQ(LatinOf(a, 2), "KUNA");
  // America and the United States, Britain and the United Kingdom.
  Collection countries;
  countries.Add(1, kLoc, "أمريكا").Add(2, kLoc, "الولايات المتحدة").Add(3, kLoc, "بريطانيا");
  countries.Add(4, kLoc, "المملكة المتحدة");
  const Resolution two = countries.Resolve();
  ASSERT_GE(two.entity_of[0], 0);
  ASSERT_GE(two.entity_of[2], 0);
  EXPECT_EQ(two.entity_of[0], two.entity_of[1]);
  EXPECT_EQ(two.entity_of[2], two.entity_of[3]);
  EXPECT_NE(two.entity_of[0], two.entity_of[2]);
  // The Security Council, with and without "international"; Congress with
  // its g written غ and ج.
  Collection council;
  council.Add(1, kOrg, "مجلس الأمن").Add(2, kOrg, "مجلس الأمن الدولي");
  council.Add(3, kOrg, "الكونغرس").Add(4, kOrg, "الكونجرس");
  const Resolution one = council.Resolve();
  ASSERT_GE(one.entity_of[0], 0);
  EXPECT_EQ(one.entity_of[0], one.entity_of[1]);
  EXPECT_EQ(LatinOf(one, 0), "UN Security Council");
  ASSERT_GE(one.entity_of[2], 0);
  EXPECT_EQ(one.entity_of[2], one.entity_of[3]);
  EXPECT_NE(one.entity_of[2], one.entity_of[0]);
}

TEST(ResolveEntitiesTest, AnAliasEntryTypesABodyBeforeItsNamesJoin) {
  // The tagger made داعش (ISIS) a person twice; the user's alias file says
  // it is an organisation, which the list of bodies then joins to تنظيم
  // الدولة.
  Collection c;
  c.Add(1, kPer, "داعش").Add(2, kPer, "داعش").Add(3, kOrg, "تنظيم الدولة");
  const std::vector<AliasEntry> aliases = {{kOrg, "داعش", {"الدولة الإسلامية في العراق والشام"}, ""}};
  const Resolution r = c.Resolve({}, aliases);
  ASSERT_GE(r.entity_of[0], 0);
  EXPECT_EQ(r.entity_of[1], r.entity_of[0]);
  EXPECT_EQ(r.entity_of[2], r.entity_of[0]);
  EXPECT_EQ(r.entities[r.entity_of[0]].type, kOrg);
}

TEST(ResolveEntitiesTest, SpellingsOfAOneWordOrganisationAreOne) {
  // A club named by one word, with and without a vowel letter (Chelsea);
  // a short word a vowel letter apart is another word (الأهلي, the club;
  // الأهالي, the residents).
  Collection c;
  c.Add(1, kOrg, "تشيلسي").Add(2, kOrg, "تشلسي").Add(3, kOrg, "تشيلسي");
  c.Add(4, kOrg, "الأهلي").Add(5, kOrg, "الأهالي");
  // Nor is a word with the article the word without: السنة (the Sunna) is
  // not سنة (a year).
  c.Add(6, kOrg, "السنة").Add(7, kOrg, "سنة");
  const Resolution r = c.Resolve();
  ASSERT_GE(r.entity_of[0], 0);
  EXPECT_EQ(r.entity_of[1], r.entity_of[0]);
  EXPECT_EQ(r.entity_of[2], r.entity_of[0]);
  EXPECT_EQ(r.entities[r.entity_of[0]].name, "تشيلسي");
  ASSERT_GE(r.entity_of[3], 0);
  EXPECT_NE(r.entity_of[3], r.entity_of[4]);
  EXPECT_NE(r.entity_of[5], r.entity_of[6]);
}

TEST(ResolveEntitiesTest, APlaceIsNoAdjectiveOfARarerWord) {
  // البستان, a town named three times, is not the adjective of بستانيا, a
  // word tagged a place once, as الروس (the Russians) is of روسيا.
  Collection c;
  c.Add(1, kLoc, "البستان").Add(2, kLoc, "البستان").Add(3, kLoc, "البستان").Add(4, kLoc, "بستانيا");
  c.Add(5, kLoc, "روسيا").Add(5, kLoc, "الروس");
  const Resolution r = c.Resolve();
  ASSERT_GE(r.entity_of[0], 0);
  EXPECT_EQ(r.attribute[0], 0);
  EXPECT_EQ(r.entities[r.entity_of[0]].name, "البستان");
  EXPECT_EQ(r.attribute[5], 1);
}

TEST(ResolveEntitiesTest, HeadWordsOfTwoKindsNameTwoBodies) {
  // The university of a town and a company named after it are two bodies,
  // and the name alone joins neither to the other; two words for a newspaper
  // (صحيفة، جريدة) name one.
  Collection c;
  c.Add(1, kOrg, "جامعة النخيل الأهلية").Add(2, kOrg, "شركة النخيل الأهلية").Add(3, kOrg, "النخيل الأهلية");
  c.Add(4, kOrg, "صحيفة الفجر الساطع").Add(5, kOrg, "جريدة الفجر الساطع");
  c.Add(6, kOrg, "مجلس التعاون الجبلي").Add(7, kOrg, "منظمة التعاون الجبلي");
  const Resolution r = c.Resolve();
  EXPECT_NE(r.entity_of[0], r.entity_of[1]);
  EXPECT_EQ(r.entity_of[3], r.entity_of[4]);
  EXPECT_NE(r.entity_of[5], r.entity_of[6]);
}

TEST(ResolveEntitiesTest, PlacesOfOtherLettersStayApart) {
  // Places are not transliterated: خامس (fifth, tagged a place) is not حمص
  // (Homs), nor الجزر (the islands) الأقصر (Luxor), though the pair model
  // scores both nearly 1; قازاقستان and كازاخستان, دوشنبه and دوشانبي are
  // one place each.
  Collection c;
  c.Add(1, kLoc, "خامس").Add(2, kLoc, "حمص").Add(3, kLoc, "الجزر").Add(4, kLoc, "الأقصر");
  c.Add(5, kLoc, "قازاقستان").Add(6, kLoc, "كازاخستان").Add(7, kLoc, "دوشنبه").Add(8, kLoc, "دوشانبي");
  c.Add(9, kLoc, "إيطاليا").Add(10, kLoc, "الأطاولة");  // Italy; a word of two consonants in common
  const Resolution r = c.Resolve();
  EXPECT_NE(r.entity_of[0], r.entity_of[1]);
  EXPECT_NE(r.entity_of[2], r.entity_of[3]);
  EXPECT_EQ(r.entity_of[4], r.entity_of[5]);
  EXPECT_EQ(r.entity_of[6], r.entity_of[7]);
  EXPECT_NE(r.entity_of[8], r.entity_of[9]);
}

TEST(ResolveEntitiesTest, ATownTransliteratedTwoWaysIsOneWhereItsCompanyAgrees) {
  // A foreign town written بوزالتش, بوزالج (its ç as تش or ج) and بزالج
  // (its o left out), always beside the same man and the same group: one
  // place. تيماس and تماس (contact), letters as alike, named beside other
  // people and bodies: two.
  Collection c;
  for (int64_t doc : {1, 2, 3, 4, 5, 6}) {
    c.Add(doc, kLoc, doc <= 2 ? "بوزالتش" : doc <= 4 ? "بوزالج" : "بزالج");
    c.Add(doc, kPer, "سالم الوردي").Add(doc, kOrg, "جماعة النسور البيض");
  }
  for (int64_t doc : {7, 8}) c.Add(doc, kLoc, "تيماس").Add(doc, kPer, "نادر الحمود").Add(doc, kOrg, "شركة الواحة");
  for (int64_t doc : {9, 10}) c.Add(doc, kLoc, "تماس").Add(doc, kPer, "عادل الراشد").Add(doc, kOrg, "هيئة الموانئ");
  // Documents naming other things, so that the names above are not everywhere.
  for (int64_t doc : {11, 12, 13, 14}) c.Add(doc, kPer, "حامد السيف");
  const Resolution r = c.Resolve();
  ASSERT_GE(c.EntityOf(r, "بوزالتش"), 0);
  EXPECT_EQ(c.EntityOf(r, "بوزالج"), c.EntityOf(r, "بوزالتش"));
  EXPECT_EQ(c.EntityOf(r, "بزالج"), c.EntityOf(r, "بوزالتش"));
  ASSERT_GE(c.EntityOf(r, "تيماس"), 0);
  EXPECT_NE(c.EntityOf(r, "تماس"), c.EntityOf(r, "تيماس"));
}

TEST(ResolveEntitiesTest, AForeignNameTransliteratedTwoWaysIsOneManWhereHisCompanyAgrees) {
  // A foreign player written with his ç as تش or ج, and a coach with and
  // without the vowel letter of François (the pair model scores the two
  // 0.08), each beside the same club and city: one man each. Arabic names a vowel letter apart (سعد and سعيد) are two men
  // however alike their company; so are two spellings one story names
  // together (brothers, namesakes).
  Collection c;
  const auto story = [&](int64_t doc, const std::string& name, const std::string& club, const std::string& city) {
    c.Add(doc, kPer, name).Add(doc, kOrg, club).Add(doc, kLoc, city);
  };
  story(1, "ماركو بيلانيتش", "نادي الصقور", "بلدة الوادي الأخضر");
  story(2, "ماركو بيلانيتش", "نادي الصقور", "بلدة الوادي الأخضر");
  story(3, "ماركو بيلانيج", "نادي الصقور", "بلدة الوادي الأخضر");
  story(4, "ماركو بيلانيج", "نادي الصقور", "بلدة الوادي الأخضر");
  story(5, "فرانسوا لوميير", "نادي الشهب", "بلدة الكثبان");
  story(6, "فرانسوا لوميير", "نادي الشهب", "بلدة الكثبان");
  story(7, "فرنسوا لوميير", "نادي الشهب", "بلدة الكثبان");
  story(8, "فرنسوا لوميير", "نادي الشهب", "بلدة الكثبان");
  story(9, "سعد الفلاحي", "نادي النجوم", "بلدة السهول");
  story(10, "سعد الفلاحي", "نادي النجوم", "بلدة السهول");
  story(11, "سعيد الفلاحي", "نادي النجوم", "بلدة السهول");
  story(12, "سعيد الفلاحي", "نادي النجوم", "بلدة السهول");
  for (int64_t doc : {13, 14}) {
    story(doc, "يوري كوفاليتش", "نادي الرمال", "بلدة الضفاف");
    c.Add(doc, kPer, "يوري كوفاليج");
  }
  // Suleiman and Salman, six letters and five: two Arabic names.
  story(19, "سليمان العتيبي", "نادي الجبل", "بلدة الينابيع");
  story(20, "سليمان العتيبي", "نادي الجبل", "بلدة الينابيع");
  story(21, "سلمان العتيبي", "نادي الجبل", "بلدة الينابيع");
  story(22, "سلمان العتيبي", "نادي الجبل", "بلدة الينابيع");
  // Three spellings of one name, the first and the last in one story
  // together: the first two may be one man, never all three.
  story(23, "ستيفان ميلوفيتش", "نادي الموج", "بلدة المرجان");
  story(24, "ستيفان ميلوفيتش", "نادي الموج", "بلدة المرجان");
  story(25, "ستيفان ميلوفيج", "نادي الموج", "بلدة المرجان");
  story(26, "ستيفان ميلوفيج", "نادي الموج", "بلدة المرجان");
  story(27, "ستيفان ميلوفيك", "نادي الموج", "بلدة المرجان");
  story(28, "ستيفان ميلوفيتش", "نادي الموج", "بلدة المرجان");
  c.Add(28, kPer, "ستيفان ميلوفيك");
  for (int64_t doc : {15, 16, 17, 18}) c.Add(doc, kPer, "حامد السيف");
  const Resolution r = c.Resolve();
  const struct {
    const char *a, *b;
    bool one;
  } kPairs[] = {{"ماركو بيلانيتش", "ماركو بيلانيج", true},   {"فرانسوا لوميير", "فرنسوا لوميير", true},
                {"سعد الفلاحي", "سعيد الفلاحي", false},      {"يوري كوفاليتش", "يوري كوفاليج", false},
                {"سليمان العتيبي", "سلمان العتيبي", false},  {"ستيفان ميلوفيتش", "ستيفان ميلوفيك", false}};
  for (const auto& p : kPairs) {
    ASSERT_GE(c.EntityOf(r, p.a), 0) << p.a;
    EXPECT_EQ(c.EntityOf(r, p.a) == c.EntityOf(r, p.b), p.one) << p.a << " / " << p.b;
  }
}

TEST(ResolveEntitiesTest, ASurnameOfTwoWordsIsTheShortFormOfTheOneManWhoseNameEndsSo) {
  // A Turkish minister's compound surname, written beside his full name in
  // two stories and alone in a third: one man.
  Collection c;
  for (int64_t doc : {1, 2}) c.Add(doc, kPer, "ياسين كارا أوغلو").Add(doc, kPer, "كارا أوغلو");
  c.Add(3, kPer, "كارا أوغلو");
  // Written beside the full name in one story only: too little to say.
  c.Add(4, kPer, "مارتن فيلاس بواش").Add(4, kPer, "فيلاس بواش").Add(5, kPer, "فيلاس بواش");
  // An Arabic name's last words are his father's name (Salem, son of Yusuf
  // al-Falasi): two men.
  for (int64_t doc : {6, 7}) c.Add(doc, kPer, "سالم يوسف الفلاسي").Add(doc, kPer, "يوسف الفلاسي");
  // Nor without the article: Ahmed, son of Ali Saleh (صالح leaves its
  // vowel unwritten).
  for (int64_t doc : {12, 13}) c.Add(doc, kPer, "أحمد علي صالح").Add(doc, kPer, "علي صالح");
  // Two brothers' names end so, each as often: «فان دام» is neither.
  for (int64_t doc : {8, 9}) c.Add(doc, kPer, "بيتر فان دام").Add(doc, kPer, "فان دام");
  for (int64_t doc : {10, 11}) c.Add(doc, kPer, "يوهان فان دام").Add(doc, kPer, "فان دام");
  const Resolution r = c.Resolve();
  const struct {
    const char *a, *b;
    bool one;
  } kPairs[] = {{"ياسين كارا أوغلو", "كارا أوغلو", true},    {"مارتن فيلاس بواش", "فيلاس بواش", false},
                {"سالم يوسف الفلاسي", "يوسف الفلاسي", false}, {"أحمد علي صالح", "علي صالح", false},
                {"بيتر فان دام", "فان دام", false},
                {"يوهان فان دام", "فان دام", false}};
  for (const auto& p : kPairs) {
    ASSERT_GE(c.EntityOf(r, p.a), 0) << p.a;
    ASSERT_GE(c.EntityOf(r, p.b), 0) << p.b;
    EXPECT_EQ(c.EntityOf(r, p.a) == c.EntityOf(r, p.b), p.one) << p.a << " / " << p.b;
  }
}

TEST(ResolveEntitiesTest, ASurnameWithAndWithoutItsHIsOne) {
  // A Brazilian player's nh written ني by some outlets and نه by others: the
  // two full names meet in no block of their words' keys.
  Collection c;
  for (int64_t doc : {1, 2}) c.Add(doc, kPer, "باولو كوتينيو");
  for (int64_t doc : {3, 4}) c.Add(doc, kPer, "باولو كوتينهو");
  const Resolution r = c.Resolve();
  ASSERT_GE(c.EntityOf(r, "باولو كوتينيو"), 0);
  EXPECT_EQ(c.EntityOf(r, "باولو كوتينيو"), c.EntityOf(r, "باولو كوتينهو"));
}

TEST(ResolveEntitiesTest, ACountrysOfficialNameIsTheCountry) {
  // iso-codes' official names: the Kingdom of Bahrain, the Syrian Arab
  // Republic (its Arabic with the diacritics iso-codes writes or without).
  Collection c;
  c.Add(1, kLoc, "مملكة البحرين").Add(2, kLoc, "البحرين");
  c.Add(3, kLoc, "الجمهورية العربية السورية").Add(4, kLoc, "سوريا");
  c.Add(5, kLoc, "دولة الكويت").Add(6, kLoc, "الكويت");
  const Resolution r = c.Resolve();
  ASSERT_GE(c.EntityOf(r, "البحرين"), 0);
  EXPECT_EQ(c.EntityOf(r, "مملكة البحرين"), c.EntityOf(r, "البحرين"));
  EXPECT_EQ(c.EntityOf(r, "الجمهورية العربية السورية"), c.EntityOf(r, "سوريا"));
  EXPECT_EQ(c.EntityOf(r, "دولة الكويت"), c.EntityOf(r, "الكويت"));
  EXPECT_NE(c.EntityOf(r, "البحرين"), c.EntityOf(r, "الكويت"));
  EXPECT_EQ(r.entities[static_cast<size_t>(c.EntityOf(r, "سوريا"))].latin, "Syria");
}

TEST(ResolveEntitiesTest, ACountryJoinedByItsOfficialNameStillKeepsItsNeighbourApart) {
  // Niger by its name and its official name, Nigeria, and a stray «the
  // Nigerian federation» tagged a place, which the pair model finds like
  // both: Niger's commonest name keeps its say, so the two stay apart.
  Collection c;
  for (int64_t doc = 1; doc <= 5; ++doc) c.Add(doc, kLoc, "النيجر").Add(doc + 10, kLoc, "نيجيريا");
  c.Add(6, kLoc, "جمهورية النيجر").Add(7, kLoc, "الاتحاد النيجيري");
  const Resolution r = c.Resolve();
  ASSERT_GE(c.EntityOf(r, "النيجر"), 0);
  EXPECT_EQ(c.EntityOf(r, "النيجر"), c.EntityOf(r, "جمهورية النيجر"));
  EXPECT_NE(c.EntityOf(r, "النيجر"), c.EntityOf(r, "نيجيريا"));
}

TEST(ResolveEntitiesTest, AnOrganisationSpacedDifferentlyIsOne) {
  // The Beyond-the-Valley Battalion, «ما وراء» written as one word in one
  // outlet; a battalion of another name stays apart.
  Collection c;
  c.Add(1, kOrg, "كتيبة ما وراء الوادي").Add(2, kOrg, "كتيبة ماوراء الوادي");
  c.Add(3, kOrg, "كتيبة وراء الوادي");
  const Resolution r = c.Resolve();
  EXPECT_EQ(r.entity_of[0], r.entity_of[1]);
  EXPECT_NE(r.entity_of[0], r.entity_of[2]);
}

TEST(ResolveEntitiesTest, GenericWordsNameOnlyWhatPrecedesThem) {
  Collection c;
  c.Add(1, kOrg, "منظمة حماية السهول").Add(1, kOrg, "المنظمة");  // 0, 1
  c.Add(2, kOrg, "المنظمة").Add(2, kOrg, "بي");                   // 2, 3: nothing before it
  const Resolution r = c.Resolve();
  EXPECT_EQ(r.entity_of[1], r.entity_of[0]);
  EXPECT_EQ(r.entity_of[2], -1);
  EXPECT_EQ(r.entity_of[3], -1);
  EXPECT_EQ(r.entities.size(), 1u);
}

TEST(ResolveEntitiesTest, ADescriptionOfScopeNamesOnlyWhatItsDocumentNamed) {
  // The international federation: of football in one article, of athletics
  // in another, of nothing named in a third. The central bank after the
  // European Central Bank. The World Bank, «the international bank», is a
  // body of the list, and a national army (الجيش الوطني) no description of
  // scope: both stay names across articles.
  Collection c;
  c.Add(1, kOrg, "الاتحاد الدولي لكرة القدم").Add(1, kOrg, "الاتحاد الدولي");  // 0, 1
  c.Add(2, kOrg, "الاتحاد الدولي لألعاب القوى").Add(2, kOrg, "الاتحاد الدولي");  // 2, 3
  c.Add(3, kOrg, "الاتحاد الدولي");                                               // 4
  c.Add(4, kOrg, "البنك المركزي الأوروبي").Add(4, kOrg, "البنك المركزي");        // 5, 6
  c.Add(5, kOrg, "البنك الأهلي التجاري").Add(5, kOrg, "البنك المركزي");          // 7, 8
  c.Add(6, kOrg, "البنك الدولي").Add(7, kOrg, "البنك الدولي");                   // 9, 10
  c.Add(8, kOrg, "الجيش الوطني").Add(9, kOrg, "الجيش الوطني");                   // 11, 12
  // A country's central bank in the construct state, then the central bank;
  // المصرف, the other word for bank, in two articles naming none.
  c.Add(10, kOrg, "بنك الكويت المركزي").Add(10, kOrg, "البنك المركزي");          // 13, 14
  c.Add(11, kOrg, "المصرف المركزي").Add(12, kOrg, "المصرف المركزي");              // 15, 16
  // Two adjectives of scope: a country's court by its usage. The World Bank
  // as «the world bank».
  c.Add(13, kOrg, "المحكمة الاتحادية العليا").Add(14, kOrg, "المحكمة الاتحادية العليا");  // 17, 18
  c.Add(15, kOrg, "البنك العالمي");                                                 // 19
  // A name that ends with the adjective but begins with the article is no
  // construct: the international committee is not the International
  // Olympic Committee.
  c.Add(16, kOrg, "اللجنة الأولمبية الدولية").Add(16, kOrg, "اللجنة الدولية");  // 20, 21
  const Resolution r = c.Resolve();
  ASSERT_GE(r.entity_of[0], 0);
  ASSERT_GE(r.entity_of[2], 0);
  EXPECT_NE(r.entity_of[0], r.entity_of[2]);
  EXPECT_EQ(r.entity_of[1], r.entity_of[0]);
  EXPECT_EQ(r.entity_of[3], r.entity_of[2]);
  EXPECT_EQ(r.entity_of[4], -1);
  ASSERT_GE(r.entity_of[5], 0);
  EXPECT_EQ(r.entity_of[6], r.entity_of[5]);
  // Not the other bank its article names: a description takes all its
  // words from the name it stands for.
  EXPECT_EQ(r.entity_of[8], -1);
  ASSERT_GE(r.entity_of[9], 0);
  EXPECT_EQ(r.entity_of[10], r.entity_of[9]);
  ASSERT_GE(r.entity_of[11], 0);
  EXPECT_EQ(r.entity_of[12], r.entity_of[11]);
  ASSERT_GE(r.entity_of[13], 0);
  EXPECT_EQ(r.entity_of[14], r.entity_of[13]);
  EXPECT_EQ(r.entity_of[15], -1);
  EXPECT_EQ(r.entity_of[16], -1);
  ASSERT_GE(r.entity_of[17], 0);
  EXPECT_EQ(r.entity_of[18], r.entity_of[17]);
  EXPECT_EQ(r.entity_of[19], r.entity_of[9]);
  ASSERT_GE(r.entity_of[20], 0);
  EXPECT_EQ(r.entity_of[21], -1);
}

TEST(ResolveEntitiesTest, ADescriptionStatedAsAnAliasStaysADescription) {
  // «البنك المركزي (مجلس الاحتياطي الاتحادي)», the central bank (the Federal
  // Reserve Board), in ten articles does not make the central bank of an
  // eleventh article the Fed.
  Collection c;
  std::vector<MentionLink> links;
  // A name and the alias stated for it in document d.
  const auto stated = [&](int64_t d, const std::string& name, const std::string& alias) {
    const auto first = static_cast<uint32_t>(c.mentions.size());
    c.Add(d, kOrg, name).Add(d, kOrg, alias);
    links.push_back({first, first + 1, MentionLink::Kind::kAlias});
  };
  for (int64_t d = 0; d < 10; ++d) stated(d, "البنك المركزي", "مجلس الاحتياطي الاتحادي");  // 2d, 2d + 1
  c.Add(10, kOrg, "البنك المركزي");  // 20
  // A Latin acronym of two letters, a generic word by its length, is still
  // stated for good: «جبهة تحرير السهول (FL)», the Plains Liberation Front,
  // three times, then FL alone.
  for (int64_t d = 20; d < 23; ++d) stated(d, "جبهة تحرير السهول", "FL");  // 21 + 2k, 22 + 2k
  c.Add(23, kOrg, "FL");  // 27
  const Resolution r = c.Resolve(links);
  ASSERT_GE(r.entity_of[1], 0);
  EXPECT_EQ(r.entity_of[20], -1);
  ASSERT_GE(r.entity_of[21], 0);
  EXPECT_EQ(r.entity_of[22], r.entity_of[21]);
  EXPECT_EQ(r.entity_of[27], r.entity_of[21]);
}

TEST(ResolveEntitiesTest, AKindOfPlaceNamedAsAnOrganisationIsAName) {
  // الجزيرة (the island) tagged an organisation is the channel, a name of
  // its own; المدينة (the city) tagged a place alone says only what kind of
  // place.
  Collection c;
  c.Add(1, kOrg, "الجزيرة").Add(2, kOrg, "الجزيرة").Add(3, kLoc, "المدينة");
  const Resolution r = c.Resolve();
  ASSERT_GE(r.entity_of[0], 0);
  EXPECT_EQ(r.entity_of[1], r.entity_of[0]);
  EXPECT_EQ(r.entity_of[2], -1);
}

TEST(ResolveEntitiesTest, AStatedAliasMustBeStatedInProportion) {
  // Two common names said once to be one: not enough.
  Collection c;
  for (int d = 0; d < 40; ++d) c.Add(d, kOrg, "جبهة تحرير السهول").Add(d, kOrg, "حركة شباب الجبل");
  c.Add(50, kOrg, "هيئة إغاثة الوادي").Add(50, kOrg, "هاو");
  const std::vector<MentionLink> links = {{0, 1, MentionLink::Kind::kAlias},
                                          {80, 81, MentionLink::Kind::kAlias}};
  const Resolution r = c.Resolve(links);
  EXPECT_NE(r.entity_of[0], r.entity_of[1]);
  EXPECT_EQ(r.entity_of[80], r.entity_of[81]);  // a rare name stated once is enough
}

TEST(ResolveEntitiesTest, AGivenNameStatedAsAnAliasStaysEveryonesName) {
  // «سامر الحايك، المعروف بعبدالله» (known as Abdullah) once; عبدالله alone
  // in forty other articles is not him.
  Collection c;
  c.Add(0, kPer, "سامر الحايك").Add(0, kPer, "عبدالله");
  for (int d = 1; d <= 40; ++d) c.Add(d, kPer, "عبدالله");
  const Resolution r = c.Resolve({{0, 1, MentionLink::Kind::kAlias}});
  ASSERT_GE(r.entity_of[0], 0);
  EXPECT_NE(r.entity_of[2], r.entity_of[0]);
}

// ---------------------------------------------------------------------------
// Links stated in a text, over mentions given by hand (word ranges).

std::vector<ner::Mention> MentionsOf(const text::Analysis& a,
                                     const std::vector<std::pair<std::string, EntityType>>& names) {
  std::vector<ner::Mention> out;
  const std::string& s = a.normalized.text;
  size_t from = 0;
  for (const auto& [name, type] : names) {
    const size_t at = s.find(name, from);
    EXPECT_NE(at, std::string::npos) << name;
    ner::Mention m;
    m.type = type;
    m.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())};
    m.first_token = static_cast<uint32_t>(a.tokens.size());
    for (uint32_t t = 0; t < a.tokens.size(); ++t) {
      if (a.tokens[t].span.end <= m.span.begin || a.tokens[t].span.begin >= m.span.end) continue;
      m.first_token = std::min(m.first_token, t);
      m.end_token = t + 1;
    }
    out.push_back(m);
    from = at + name.size();
  }
  return out;
}

TEST(FindLinksTest, AliasPartOfAndLatin) {
  const text::Analysis a = text::Analyze(
      "وقاد الهجوم نوري الدباغ، المعروف بـ\"أبو سيف البصري\"، بمساعدة سرية الجبل التابعة لجبهة "
      "السهول، بحسب غولنازار تيموروف (Gulnazar Temurov) وحده.");
  const auto mentions = MentionsOf(a, {{"نوري الدباغ", kPer},
                                       {"أبو سيف البصري", kPer},
                                       {"سرية الجبل", kOrg},
                                       {"جبهة السهول", kOrg},
                                       {"غولنازار تيموروف", kPer}});
  std::vector<std::string> latin;
  const auto links = FindLinks(a, mentions, &latin);
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].a, 0u);
  EXPECT_EQ(links[0].b, 1u);
  EXPECT_EQ(links[0].kind, MentionLink::Kind::kAlias);
  EXPECT_EQ(links[1].a, 2u);
  EXPECT_EQ(links[1].b, 3u);
  EXPECT_EQ(links[1].kind, MentionLink::Kind::kPartOf);
  ASSERT_EQ(latin.size(), 5u);
  EXPECT_EQ(latin[4], "Gulnazar Temurov");
  EXPECT_EQ(latin[0], "");
}

TEST(FindLinksTest, NamesWithOtherWordsBetweenAreNotLinked) {
  const text::Analysis a = text::Analyze("التقى نوري الدباغ اليوم في المدينة مع غولنازار تيموروف.");
  const auto mentions = MentionsOf(a, {{"نوري الدباغ", kPer}, {"غولنازار تيموروف", kPer}});
  std::vector<std::string> latin;
  EXPECT_TRUE(FindLinks(a, mentions, &latin).empty());
  EXPECT_TRUE(FindLinks(a, {}, &latin).empty());
}

// ---------------------------------------------------------------------------
// Alias files.

// Writes `content` to the file `name` in `scratch`; returns its path.
std::string WriteFile(const ScratchDir& scratch, const std::string& name,
                      const std::string& content) {
  const std::string path = scratch.path(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(ReadAliasesTest, ReadsEntriesCommentsAndPartOf) {
  const ScratchDir scratch;
  const std::string path = WriteFile(
      scratch, "marsad_aliases_ok.tsv",
      "\xEF\xBB\xBF# names no rule can know\n\nORG\tجبهة السهول\tجتسش\tالسهم الأحمر\r\n"
      "PERS\tنوري الدباغ\tأبو سيف البصري\npart_of\tسرية الجبل\tجبهة السهول\n");
  std::vector<AliasEntry> entries;
  std::string error;
  ASSERT_TRUE(ReadAliases(path, &entries, &error)) << error;
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].type, kOrg);
  EXPECT_EQ(entries[0].name, "جبهة السهول");
  EXPECT_EQ(entries[0].aliases, (std::vector<std::string>{"جتسش", "السهم الأحمر"}));
  EXPECT_EQ(entries[1].type, kPer);
  EXPECT_EQ(entries[2].part_of, "جبهة السهول");
}

TEST(ReadAliasesTest, BadLinesNameTheLine) {
  const ScratchDir scratch;
  std::vector<AliasEntry> entries;
  std::string error;
  const std::string unknown = WriteFile(scratch, "marsad_aliases_bad1.tsv", "ORG\tأ\tب\nPLACE\tج\tد\n");
  EXPECT_FALSE(ReadAliases(unknown, &entries, &error));
  EXPECT_NE(error.find("line 2"), std::string::npos) << error;
  EXPECT_NE(error.find("PLACE"), std::string::npos) << error;
  const std::string short_line = WriteFile(scratch, "marsad_aliases_bad2.tsv", "ORG\tجبهة السهول\n");
  EXPECT_FALSE(ReadAliases(short_line, &entries, &error));
  EXPECT_NE(error.find("line 1"), std::string::npos) << error;
  const std::string bad_utf8 = WriteFile(scratch, "marsad_aliases_bad3.tsv", "ORG\t\xff\xfe\tب\n");
  EXPECT_FALSE(ReadAliases(bad_utf8, &entries, &error));
  EXPECT_NE(error.find("UTF-8"), std::string::npos) << error;
  // A blank name is an error, not the first alias in its place; two tabs
  // between aliases are one separator.
  const std::string blank = WriteFile(scratch, "marsad_aliases_bad4.tsv", "ORG\t \tجتسش\tالسهم\n");
  EXPECT_FALSE(ReadAliases(blank, &entries, &error));
  EXPECT_NE(error.find("name is empty"), std::string::npos) << error;
  const std::string gap = WriteFile(scratch, "marsad_aliases_gap.tsv", "ORG\tجبهة السهول\tجتسش\t\tالسهم\t\n");
  ASSERT_TRUE(ReadAliases(gap, &entries, &error)) << error;
  EXPECT_EQ(entries.at(0).aliases, (std::vector<std::string>{"جتسش", "السهم"}));
  const std::string branch = WriteFile(scratch, "marsad_aliases_branch.tsv", "part_of\tسرية الجبل\t\tجبهة السهول\n");
  ASSERT_TRUE(ReadAliases(branch, &entries, &error)) << error;
  EXPECT_EQ(entries.at(0).part_of, "جبهة السهول");
  EXPECT_FALSE(ReadAliases("/nonexistent/aliases.tsv", &entries, &error));
  EXPECT_NE(error.find("/nonexistent/aliases.tsv"), std::string::npos);
}

}  // namespace
}  // namespace marsad::resolve
