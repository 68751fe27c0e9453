// English names composed for bodies named by their kind and what they are
// of. The bodies are made up for these tests from common words, given names
// and places.
#include <gtest/gtest.h>

#include <string>

#include "resolve/internal.h"
#include "shipped_matcher.h"

namespace marsad::resolve {
namespace {

using testing::M;

std::string Composed(const std::string& arabic) { return internal::ComposedEnglishName(arabic, M()); }

TEST(ComposedEnglishName, TranslatedWordsReadBackToFront) {
  // The Jordanian agriculture ministry; the Libyan health ministry, with the
  // article on the kind; the free national army.
  EXPECT_EQ(Composed("وزارة الزراعة الأردنية"), "Jordanian Agriculture Ministry");
  EXPECT_EQ(Composed("الوزارة الصحية الليبية"), "Libyan Health Ministry");
  EXPECT_EQ(Composed("الجيش الوطني الحر"), "Free National Army");
  // A noun in construct with a word that has the article: human rights.
  EXPECT_EQ(Composed("لجنة حقوق الإنسان"), "Human Rights Committee");
  // و (and) joins two words of one kind; an adjective after them is the
  // second's (transport and social housing), which the order cannot say.
  EXPECT_EQ(Composed("وزارة النقل والإسكان"), "Transport and Housing Ministry");
  EXPECT_EQ(Composed("وزارة النقل والإسكان الاجتماعي"), "");
  // A kind with another English name when it has the article: an
  // assembly, a society.
  EXPECT_EQ(Composed("الجمعية الوطنية الأردنية"), "Jordanian National Assembly");
  EXPECT_EQ(Composed("الجمعية الخيرية"), "Charitable Society");
  EXPECT_EQ(Composed("الجمعية الوطنية لحقوق الإنسان"), "National Human Rights Society");
  // Two words of one English are one; ل before a word that begins with ل
  // (the general authority for refugees).
  EXPECT_EQ(Composed("وزارة التربية والتعليم"), "Education Ministry");
  EXPECT_EQ(Composed("الهيئة العامة للاجئين"), "General Refugees Authority");
  EXPECT_EQ(Composed("جمعية حقوق الإنسان"), "Human Rights Society");
}

TEST(ComposedEnglishName, NamesAndPlacesStayNames) {
  // A person's name after a title, romanised as a person's.
  EXPECT_EQ(Composed("مستشفى الأمير فهد"), "Prince " + M().Romanize("فهد") + " Hospital");
  EXPECT_EQ(Composed("جامعة الملك عبدالله بن خالد"), "King " + M().Romanize("عبدالله بن خالد") + " University");
  // A name's word the tables translate elsewhere (تركي: Turki, Turkish).
  EXPECT_EQ(Composed("مستشفى الأمير خالد بن تركي"), "Prince " + M().Romanize("خالد بن تركي") + " Hospital");
  // A place; a bank of a place alone is the bank "of" it.
  EXPECT_EQ(Composed("جامعة حلب"), "Aleppo University");
  EXPECT_EQ(Composed("بنك حلب"), "Bank of Aleppo");
  // A name right after the kind stays first, but for nations and "new".
  EXPECT_EQ(Composed("بنك دمشق التجاري"), "Damascus Commercial Bank");
  EXPECT_EQ(Composed("شركة حلب السورية"), "Syrian Aleppo Company");
  EXPECT_EQ(Composed("شركة حلب الجديدة"), "New Aleppo Company");
  // Armed groups (the Corps of the Levant).
  EXPECT_EQ(Composed("فيلق الشام"), M().Romanize("فيلق الشام").substr(std::string("Faylaq ").size()) + " Corps");
  // الله (God) goes on a name, though it has the article: the group
  // Supporters of God.
  EXPECT_EQ(Composed("جماعة أنصار الله"), "Ansar Allah Group");
  // ب (in) and a place at the end: where the body is.
  EXPECT_EQ(Composed("مستشفى الأمير فهد بحلب"), "Prince " + M().Romanize("فهد") + " Hospital in Aleppo");
  // A body the list knows after the kind: a unit of it (an office of the
  // United Nations), or the body itself (the organisation of the United
  // Nations).
  EXPECT_EQ(Composed("مكتب الأمم المتحدة"), "United Nations Office");
  EXPECT_EQ(Composed("منظمة الأمم المتحدة"), "United Nations");
  // An unknown word with the article right after a kind whose names are
  // mostly proper is a name, whatever follows (a company al-Nour for
  // investment).
  EXPECT_EQ(Composed("شركة النور للاستثمار"),
            M().Romanize("شركة النور").substr(std::string("Sharikat ").size()) + " Investment Company");
  // Not before an adjective, which shows it a common noun (the company of
  // the public marble).
  EXPECT_EQ(Composed("شركة الرخام العام"), "");
  // Nor another kind of body (the ministry's agency for education).
  EXPECT_EQ(Composed("وكالة الوزارة للتعليم"), "");
  // Nations side by side keep their order.
  EXPECT_EQ(Composed("مجلس الأعمال الأردني الألماني"), "Jordanian-German Business Council");
}

TEST(ComposedEnglishName, PhrasesOfForGoNextToTheKind) {
  // The Arab organisation for water and energy; the Omani federation for
  // basketball (كرة السلة, the ball of the basket).
  EXPECT_EQ(Composed("المنظمة العربية للمياه والطاقة"), "Arab Water and Energy Organisation");
  EXPECT_EQ(Composed("الاتحاد العماني لكرة السلة"), "Omani Basketball Federation");
  EXPECT_EQ(Composed("اتحاد كرة اليد"), "Handball Federation");
  EXPECT_EQ(Composed("اتحاد القدم"), "Football Federation");  // foot: football's
  // A phrase must be translated whole, or the name is not composed.
  EXPECT_EQ(Composed("المنظمة العربية للمياه والرمال"), "");
}

TEST(ComposedEnglishName, TitledBodiesKeepTheirTitles) {
  // A newspaper's or club's title is romanised as it is, with the article.
  const std::string paper = M().Romanize("صحيفة النهار");
  ASSERT_EQ(paper.rfind("Sahifat ", 0), 0u);
  EXPECT_EQ(Composed("صحيفة النهار"), paper.substr(8) + " newspaper");
  EXPECT_EQ(Composed("نادي النجمة").rfind("al-", 0), 0u);
  EXPECT_TRUE(Composed("نادي النجمة").ends_with(" club"));
  // With the article the kind is a description, not a title.
  EXPECT_EQ(Composed("الصحيفة الأردنية"), "");
  // An English paper by its own title (The Independent).
  EXPECT_EQ(Composed("صحيفة الإندبندنت"), "The Independent newspaper");
  // A nation's adjective after the title is the paper's.
  EXPECT_EQ(Composed("صحيفة النهار الأردنية"), "Jordanian " + paper.substr(8) + " newspaper");
  // قناة before a canal's name is a canal, before any other a channel.
  EXPECT_EQ(Composed("قناة بنما الجديدة"), "New Panama Canal");
  EXPECT_EQ(Composed("قناة دبي"), "Dubai channel");
  EXPECT_TRUE(Composed("قناة النجمة").ends_with(" channel"));
  // Other adjectives after the title go before the kind (the sports
  // channel al-Najma).
  EXPECT_TRUE(Composed("قناة النجمة الرياضية").ends_with(" Sports channel"));
}

TEST(ComposedEnglishName, MadePlaces) {
  EXPECT_EQ(Composed("مطار الأمير فهد الدولي"), "Prince " + M().Romanize("فهد") + " International Airport");
  EXPECT_EQ(Composed("قاعدة الأمير فهد الجوية"), "Prince " + M().Romanize("فهد") + " Air Base");
  // A gulf of a place alone is the gulf "of" it; a city is its place.
  EXPECT_EQ(Composed("خليج حلب"), "Gulf of Aleppo");
  EXPECT_EQ(Composed("مدينة حلب"), "Aleppo");
  EXPECT_EQ(Composed("مدينة حلب الطبية"), "Aleppo Medical City");
  // A camp keeps its title.
  EXPECT_TRUE(Composed("مخيم النور").ends_with(" camp"));
  // With the article, a description (the international airport) or
  // another name (the Gulf).
  EXPECT_EQ(Composed("المطار الدولي"), "");
  EXPECT_EQ(Composed("الخليج الإسلامي"), "");
}

TEST(ComposedEnglishName, AStatesServiceAndAComplex) {
  // The Jordanian national security service, the internal security
  // service; a tablet device is none; a medical complex named after a prince.
  EXPECT_EQ(Composed("جهاز الأمن الوطني الأردني"), "Jordanian National Security Service");
  EXPECT_EQ(Composed("جهاز الأمن الداخلي"), "Internal Security Service");
  EXPECT_EQ(Composed("جهاز لوحي"), "");
  EXPECT_EQ(Composed("مجمع الأمير فهد الطبي"), "Prince " + M().Romanize("فهد") + " Medical Complex");
}

TEST(ComposedEnglishName, ANationsBodyTheListKnows) {
  // The Jordanian Council of Ministers (the list: Council of Ministers),
  // the Tunisian Red Crescent; not "Tunisian Ministers Council".
  EXPECT_EQ(Composed("مجلس الوزراء الأردني"), "Jordanian Council of Ministers");
  EXPECT_EQ(Composed("الهلال الأحمر التونسي"), "Tunisian Red Crescent");
  // "New" describes the council; it names no nation's.
  EXPECT_EQ(Composed("مجلس الوزراء الجديدة").find("Council of Ministers"), std::string::npos);
  // Bodies of the list that are no nation's: the Jordanian security
  // council is not the UN's, the American base is not al-Qaeda.
  EXPECT_EQ(internal::EnglishName("مجلس الأمن", false, M()), "UN Security Council");
  // The list's two-word names are names whole: Google Plus is not "Jugal Bels".
  EXPECT_EQ(internal::EnglishName("جوجل بلس", false, M()), "Google Plus");
  EXPECT_EQ(Composed("مجلس الأمن الأردني"), "Jordanian Security Council");
  EXPECT_EQ(Composed("القاعدة الأمريكية").find("Qaeda"), std::string::npos);
}

TEST(ComposedEnglishName, TheUsStatesBodiesAndAmericanOnes) {
  // The US Congress and the US Labour Department, as English papers print
  // them; an American company and the American Red Cross keep the adjective.
  EXPECT_EQ(Composed("الكونغرس الأمريكي"), "US Congress");
  EXPECT_EQ(Composed("وزارة العمل الأمريكية"), "US Labour Department");
  EXPECT_EQ(Composed("وكالة الأمن القومي الأمريكية"), "US National Security Agency");
  EXPECT_EQ(Composed("شركة الأدوية الأمريكية"), "American Drugs Company");
  EXPECT_EQ(Composed("الصليب الأحمر الأمريكي"), "American Red Cross");
  EXPECT_EQ(Composed("مجلس الأعمال العربي الأمريكي"), "American Arab Business Council");
  // Other nations' ministries stay ministries.
  EXPECT_EQ(Composed("وزارة العمل السعودية"), "Saudi Labour Ministry");
}

TEST(ComposedEnglishName, WhatItCannotReadItLeavesAlone) {
  // No kind of body first; one word; an indefinite noun (a Jordanian
  // airline); a preposition inside (a hospital in new Aleppo); a common
  // word the tables lack among words they translate (the ministry of
  // marble affairs).
  EXPECT_EQ(Composed("الأردنية للطيران"), "");
  EXPECT_EQ(Composed("وزارة"), "");
  EXPECT_EQ(Composed("شركة طيران"), "");
  EXPECT_EQ(Composed("مستشفى الملك فهد بحلب الجديدة"), "");
  EXPECT_EQ(Composed("وزارة الرخام الأردنية"), "");
  // A title without a name; a name after translated words (the agriculture
  // ministry Aleppo); a particle (a university in Aleppo).
  EXPECT_EQ(Composed("مستشفى الملك"), "");
  EXPECT_EQ(Composed("وزارة الزراعة حلب"), "");
  EXPECT_EQ(Composed("جامعة في حلب"), "");
  // A preposition or و (and) with the article after a person's name: two
  // names, or one in a place.
  EXPECT_EQ(Composed("مستشفى الأمير فهد في حلب"), "");
  EXPECT_EQ(Composed("مستشفى الأمير فهد والأمير خالد"), "");
  // An adjective of a nation after a person's name may be his family name.
  EXPECT_EQ(Composed("مستشفى الدكتور سامر المصري"), "");
  // A word the tables lack in construct with a noun they have (the
  // authority for regulating electricity).
  EXPECT_EQ(Composed("هيئة تنظيم الكهرباء"), "");
  EXPECT_EQ(Composed("مؤسسة على حلب"), "");  // on, whose key is Ali's
  // A possessive phrase (the security council of the nations).
  EXPECT_EQ(Composed("مجلس الأمن للأمم المتحدة"), "");
  // A kind with the article before a word without it: two words of a
  // sentence (the federation, Mansour), no name.
  EXPECT_EQ(Composed("الاتحاد منصور"), "");
  // ل (for) before a word the tables lack, in construct with a noun they
  // have: Samer's company for renting cars, and Aleppo's.
  EXPECT_EQ(Composed("شركة سامر لتأجير السيارات"), "");
  EXPECT_EQ(Composed("شركة حلب لتأجير السيارات"), "");
  // A name that begins with the letters of ب (in) or ل (for) is a name.
  EXPECT_EQ(Composed("جامعة لندن"), "London University");
  // One unknown word with the article is the name after a kind whose
  // names are mostly proper (a university al-Nour); not after another (the
  // college of medicine), nor after a kind with the article, where it is
  // an adjective (the ruling party).
  EXPECT_EQ(Composed("جامعة النور"), M().Romanize("جامعة النور").substr(std::string("Jamiat ").size()) + " University");
  EXPECT_EQ(Composed("كلية الطب"), "");
  EXPECT_EQ(Composed("الحزب الحاكم"), "");
}

// The branch's English name of a group and a place, or "(none)".
std::string Branch(const std::string& arabic) {
  const auto found = internal::SplitGroupAndPlace(arabic);
  return found ? found->branch : "(none)";
}

TEST(SplitGroupAndPlace, AGroupOfTheListAndAPlace) {
  const auto libya = internal::SplitGroupAndPlace("داعش ليبيا");
  ASSERT_TRUE(libya.has_value());
  EXPECT_EQ(libya->group, "ISIS");
  EXPECT_EQ(libya->branch, "ISIS in Libya");
  EXPECT_FALSE(libya->with_in);
  EXPECT_FALSE(libya->region);
  EXPECT_FALSE(libya->home);
  EXPECT_EQ(Branch("تنظيم الدولة في ليبيا"), "ISIS in Libya");
  // The longest name of the group: «تنظيم الدولة» and the adjective would be no place.
  EXPECT_EQ(Branch("تنظيم الدولة الإسلامية في سيناء"), "ISIS in Sinai");
  // A region English names by a common noun takes the article.
  const auto levant = internal::SplitGroupAndPlace("تنظيم القاعدة في بلاد الشام");
  ASSERT_TRUE(levant.has_value());
  EXPECT_EQ(levant->branch, "al-Qaeda in the Levant");
  EXPECT_TRUE(levant->with_in);
  EXPECT_TRUE(levant->region);
  EXPECT_EQ(Branch("القاعدة في جزيرة العرب"), "al-Qaeda in the Arabian Peninsula");
  EXPECT_EQ(Branch("القاعدة في بلاد المغرب الإسلامي"), "al-Qaeda in the Islamic Maghreb");
  EXPECT_EQ(Branch("حركة طالبان باكستان"), "Taliban in Pakistan");
  // The group's own country names the group itself.
  const auto afghan = internal::SplitGroupAndPlace("حركة طالبان أفغانستان");
  ASSERT_TRUE(afghan.has_value());
  EXPECT_TRUE(afghan->home);
  EXPECT_EQ(afghan->group, "Taliban");
  // A group the list names by its kind in one of its spellings only.
  const auto nigeria = internal::SplitGroupAndPlace("بوكو حرام نيجيريا");
  ASSERT_TRUE(nigeria.has_value());
  EXPECT_TRUE(nigeria->home);
}

TEST(SplitGroupAndPlace, OnlyGroupsAndOnlyPlaces) {
  // Bodies of the list that are no groups: a club, the UN.
  EXPECT_EQ(Branch("ريال مدريد"), "(none)");
  EXPECT_EQ(Branch("الأمم المتحدة في اليمن"), "(none)");
  // A group and what is no place: an adjective, even one of a country
  // (الفلسطينية is a spelling of no place), or nothing after it.
  EXPECT_EQ(Branch("داعش الإرهابي"), "(none)");
  EXPECT_EQ(Branch("حركة حماس الفلسطينية"), "(none)");
  EXPECT_EQ(Branch("داعش العراقية"), "(none)");
  EXPECT_EQ(Branch("داعش في"), "(none)");
  EXPECT_EQ(Branch("داعش"), "(none)");
  EXPECT_EQ(Branch(""), "(none)");
  // A group the list does not have is named by its kind instead (ComposedEnglishName).
  EXPECT_EQ(Branch("جماعة أنصار الحدود في ليبيا"), "(none)");
}

TEST(IsDescriptiveEnglishName, OnlyWordsOfTheTables) {
  EXPECT_TRUE(IsDescriptiveEnglishName("Islamic Movement"));
  EXPECT_TRUE(IsDescriptiveEnglishName("commercial-industrial bank"));
  EXPECT_FALSE(IsDescriptiveEnglishName("Bank of England"));
  EXPECT_TRUE(IsDescriptiveEnglishName("National Assembly"));  // a kind's name with the article
  EXPECT_FALSE(IsDescriptiveEnglishName("al-Shabab Movement"));
  EXPECT_FALSE(IsDescriptiveEnglishName("King Saud University"));
  // Titles and nations tell bodies apart.
  EXPECT_FALSE(IsDescriptiveEnglishName("Prince Sultan Foundation"));
  EXPECT_FALSE(IsDescriptiveEnglishName("Egyptian Islamic Jihad"));
  EXPECT_FALSE(IsDescriptiveEnglishName(""));
  EXPECT_FALSE(IsDescriptiveEnglishName(" - "));
}

}  // namespace
}  // namespace marsad::resolve
