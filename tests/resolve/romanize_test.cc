// Romanisation with the shipped model: the word God, Latin acronyms spelt as
// Arabic letter names, the common words of organisation and place names, the
// ending of ة, and Arab names as the press spells them. Names of people are
// made up for these tests from common given names and family names.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "resolve/internal.h"
#include "resolve/resolve.h"
#include "shipped_matcher.h"

namespace marsad::resolve {
namespace {

using testing::M;

TEST(Romanize, GodIsAllah) {
  EXPECT_EQ(M().Romanize("الله"), "Allah");
  // After a word that is not joined with it, the two stay apart.
  EXPECT_EQ(M().Romanize("فرسان الله"), M().Romanize("فرسان") + " Allah");
  // Names newspapers print as one word.
  EXPECT_EQ(M().Romanize("نصر الله الحلبي").rfind("Nasrallah al-", 0), 0u);
  EXPECT_EQ(M().Romanize("عبد الله").rfind("Abd", 0), 0u);
}

TEST(Romanize, LetterNamesAreAcronyms) {
  EXPECT_EQ(M().Romanize("إم بي سي"), "MBC");
  EXPECT_EQ(M().Romanize("إتش إس بي سي"), "HSBC");
  EXPECT_EQ(M().Romanize("شبكة إن تي في"), "Shabakat NTV");
  // One letter name alone is a word (في: in).
  EXPECT_EQ(M().Romanize("أنصار الحق في الجبل"), "Ansar al-Haqq fi al-Jabal");
  // The function words do not take a name that shares their match key:
  // علي (Ali) is written like على (on) but for one dot.
  EXPECT_EQ(M().Romanize("علي"), "Ali");
  EXPECT_EQ(M().Romanize("سمير علي"), M().Romanize("سمير") + " Ali");
}

TEST(Romanize, CommonWordsOfOrganisationsAndPlaces) {
  EXPECT_EQ(M().Romanize("جبهة التحرير الوطني"), "Jabhat al-Tahrir al-Watani");
  EXPECT_EQ(M().Romanize("مجلس الشورى"), "Majlis al-Shura");
  EXPECT_EQ(M().Romanize("أنصار الحق في بلاد الشام"), "Ansar al-Haqq fi Bilad al-Sham");
  EXPECT_EQ(M().Romanize("الجامعة العربية"), "al-Jamia al-Arabiya");
  EXPECT_EQ(M().Romanize("حركة الشباب"), "Harakat al-Shabab");
  // Prefixes on a known word: and, for.
  EXPECT_EQ(M().Romanize("هيئة الأمن والدفاع"), "Hayat al-Amn wal-Difa");
  EXPECT_EQ(M().Romanize("لجنة لتحرير الجنوب"), "Lajnat li-Tahrir al-Janub");
  // A sports federation: for football (foot-ball).
  EXPECT_EQ(M().Romanize("الاتحاد العربي لكرة القدم"), "al-Ittihad al-Arabi li-Kurat al-Qadam");
  // Words of sport, medicine and the king's foundations (the college of
  // King Khalid for medicine; the sports club al-Ittifaq, agreement).
  EXPECT_EQ(M().Romanize("كلية الملك خالد الطبية"), "Kulliyat al-Malik Khalid al-Tibbiya");
  EXPECT_EQ(M().Romanize("نادي الاتفاق الرياضي"), "Nadi al-Ittifaq al-Riyadi");
  // Latin words of the press written in Arabic letters.
  EXPECT_EQ(M().Romanize("وول ستريت جورنال"), "Wall Street Journal");
  EXPECT_EQ(M().Romanize("يونايتد").rfind("United", 0), 0u);
  // Adjectives of nationality (the American defence ministry, the Qatari
  // airline).
  EXPECT_EQ(M().Romanize("وزارة الدفاع الأمريكية"), "Wizarat al-Difa al-Amrikiya");
  EXPECT_EQ(M().Romanize("الخطوط الجوية القطرية"), "al-Khutut al-Jawwiya al-Qatariya");
  // An adjective takes no construct ending: a Qatari company for aviation.
  EXPECT_EQ(M().Romanize("شركة قطرية للطيران").find("Qatariyat"), std::string::npos)
      << M().Romanize("شركة قطرية للطيران");
}

TEST(Romanize, CitiesInNamesOfBodiesByTheirEnglishNames) {
  // A name with a common word of the tables names a body or a place: a city
  // of the curated list in it is printed as in English.
  EXPECT_EQ(M().Romanize("واشنطن بوست"), "Washington Post");
  EXPECT_EQ(M().Romanize("جامعة الدمام"), "Jamiat Dammam");
  // Not a region (the Gulf Council); not in a person's name, though it ends
  // with an adjective of the tables (Saif al-Khalil the Qatari: الخليل is
  // also Hebron), nor in a body named after a person (the al-Khalil ibn
  // Ahmad school); not a word of two letters (إب, Ibb, is أب, father).
  EXPECT_EQ(M().Romanize("مجلس الخليج"), "Majlis al-Khalij");
  EXPECT_EQ(M().Romanize("سيف الخليل القطري").find("Hebron"), std::string::npos);
  EXPECT_EQ(M().Romanize("مدرسة الخليل بن أحمد").find("Hebron"), std::string::npos);
  EXPECT_EQ(M().Romanize("جمعية أب").find("Ibb"), std::string::npos);
  // A paper's title with the article keeps it, and is a common word before
  // a city: the News, not Khobar; a city without it is as elsewhere.
  EXPECT_EQ(M().Romanize("صحيفة الخبر"), "Sahifat al-Khabar");
  EXPECT_EQ(M().Romanize("جريدة الدمام"), "Jaridat al-Dammam");
  EXPECT_EQ(M().Romanize("صحيفة واشنطن بوست"), "Sahifat Washington Post");
  // Titles that are common words: the Homeland, Life.
  EXPECT_EQ(M().Romanize("صحيفة الوطن"), "Sahifat al-Watan");
  EXPECT_EQ(M().Romanize("صحيفة الحياة"), "Sahifat al-Hayat");
  // No second article before a city's English name that has one; إل
  // (with hamza) is no article.
  EXPECT_EQ(M().Romanize("صحيفة الجوف"), "Sahifat Al-Jouf");
  EXPECT_EQ(M().Romanize("صحيفة إلينوي"), "Sahifat Illinois");
  // Those words are given names too: a name they begin is no body's, and
  // its city is no English name (Hayat al-Khalil, not Hayat Hebron).
  EXPECT_EQ(M().Romanize("حياة الخليل").find("Hebron"), std::string::npos) << M().Romanize("حياة الخليل");
  EXPECT_EQ(M().Romanize("بيان حلب").find("Aleppo"), std::string::npos) << M().Romanize("بيان حلب");
}

TEST(Romanize, MotherOfIsUmm) {
  // أم (mother of) begins names as أبو (father of) does, and takes the
  // construct ending of the word before it (the school Umm al-Khair).
  EXPECT_EQ(M().Romanize("أم كلثوم").rfind("Umm ", 0), 0u);
  EXPECT_EQ(M().Romanize("مدرسة أم الخير").rfind("Madrasat Umm al-", 0), 0u);
}

TEST(Romanize, NisbasOfTheArticleEndInI) {
  // A family name of the article ending in ي ends -i as the press prints
  // it, though the memory holds فريدي as the given name Freddy; without the
  // article the name is left as the memory has it.
  const std::string family = M().Romanize("سامر الفريدي");
  EXPECT_TRUE(family.ends_with("i")) << family;
  EXPECT_EQ(family.find("al-"), M().Romanize("سامر").size() + 1) << family;
  EXPECT_TRUE(M().Romanize("فريدي").ends_with("y"));
}

TEST(Romanize, TheMaghrebsFusedArticleIsTheArticle) {
  // The memory holds words of the article as the Maghreb spells them, the
  // article fused as l (Lazhar, Lamari): the article is printed once, al-.
  EXPECT_EQ(M().Romanize("الأزهر"), "al-Azhar");
  EXPECT_EQ(M().Romanize("سامر العماري"), M().Romanize("سامر") + " al-Amari");
  // A name whose own first letter is ل keeps it (the memory: Labwani).
  EXPECT_EQ(M().Romanize("اللبواني"), "al-Labwani");
}

TEST(Romanize, CurrenciesByTheirEnglishNames) {
  // The tagger names currencies (MISC, as ANERcorp does); the romaniser had
  // read them as names: يورو "Yorru", جنيه "Junais".
  EXPECT_EQ(M().Romanize("يورو"), "Euro");
  EXPECT_EQ(M().Romanize("جنيه إسترليني"), "Pound Sterling");
  EXPECT_EQ(M().Romanize("دولاراً"), "Dollars");  // after a number, accusative
  EXPECT_EQ(M().Romanize("الريالات"), "al-Riyals");
}

TEST(Romanize, TaMarbutaEndsAOrAtInConstruct) {
  // At the end of a name -a, before the noun it governs -at.
  EXPECT_EQ(M().Romanize("لجنة"), "Lajna");
  EXPECT_EQ(M().Romanize("لجنة الطاقة"), "Lajnat al-Taqa");
  // A word with the article is never in construct, a place name neither.
  EXPECT_EQ(M().Romanize("الحكومة الشعبية"), "al-Hukuma al-Shaabiya");
  EXPECT_EQ(M().Romanize("غزة الشمالية"), "Gaza al-Shamaliya");
  // Decoded words (made up, so the memory cannot know them) end alike,
  // never in -ah, -eh or -h, and take no construct ending: a word the
  // tables do not know is most often a name, as in Abu Ubayda al-Jarrah.
  for (const char* word : {"كرومزة", "تلمزانية", "بورقلة", "سنطارة"}) {
    const std::string alone = M().Romanize(word);
    const std::string followed = M().Romanize(std::string(word) + " الشرق");
    EXPECT_TRUE(alone.ends_with("a")) << word << ": " << alone;
    EXPECT_EQ(followed, alone + " al-Sharq") << word;
  }
  EXPECT_TRUE(M().Romanize("تلمزانية").ends_with("iya"));
  // A personal name the memory knows keeps its spelling, never -at.
  EXPECT_EQ(M().Romanize("فاطمة الزهراوي").rfind("Fatima al-", 0), 0u);
}

TEST(Romanize, RulersOrdinalsAreRomanNumerals) {
  // A (made-up) ruler's ordinal after his name: the second, the sixteenth.
  EXPECT_EQ(M().Romanize("زيدان الثاني"), M().Romanize("زيدان") + " II");
  EXPECT_EQ(M().Romanize("فرحان السادس عشر"), M().Romanize("فرحان") + " XVI");
  EXPECT_EQ(M().Romanize("فرحان الحادي عشر"), M().Romanize("فرحان") + " XI");
  // Before his father's name too (son of Marwan).
  EXPECT_EQ(M().Romanize("زيدان الثاني بن مروان"), M().Romanize("زيدان") + " II bin Marwan");
  EXPECT_EQ(M().Romanize("فرحان السادس عشر ابن مروان"), M().Romanize("فرحان") + " XVI ibn Marwan");
  // After a common word the ordinal is a word: the second international
  // conference; alone, or not last, too.
  EXPECT_EQ(M().Romanize("المؤتمر الدولي الثاني"), M().Romanize("المؤتمر الدولي") + " al-Thani");
  EXPECT_EQ(M().Romanize("الثاني"), "al-Thani");
  EXPECT_EQ(M().Romanize("زيدان الثاني زيدان"), M().Romanize("زيدان") + " al-Thani " + M().Romanize("زيدان"));
}

TEST(Romanize, ArabNamesAsThePressSpellsThem) {
  // The memory alone printed ناصر "Nasr" (the reading of نصر, Nasr, a name
  // of its own), منصور "Mansor" and العتيبي "al-Atepe".
  EXPECT_EQ(M().Romanize("ناصر منصور العتيبي"), "Nasser Mansour al-Otaibi");
  EXPECT_EQ(M().Romanize("نصر"), "Nasr");
  // Names common in the Gulf, which the romanizer read letter by letter
  // («Rayadh», «Mesfr», «Amer» for أمير, Amir).
  EXPECT_EQ(M().Romanize("رياض مسفر أمير"), "Riyad Misfer Amir");
  // A compound the table writes as one word, written as one or two; the
  // family name after the article, and after a prefix.
  EXPECT_EQ(M().Romanize("عبد الله بن عبدالرحمن الغامدي"), "Abdullah bin Abdulrahman al-Ghamdi");
  EXPECT_EQ(M().Romanize("عبد ربه"), "Abd Rabbo");
  // Only عبد (servant of) joins the next word so: «عمر و علي» is Omar and
  // Ali, not عمرو (Amr), and «من صور» (from Tyre) not منصور (Mansour).
  EXPECT_EQ(M().Romanize("عمر و علي"), "Omar wa Ali");
  EXPECT_EQ(M().Romanize("من صور").rfind("min ", 0), 0u);
  // Prefixes on names: و (and), and ب (by) before the article; not ب
  // before a short name: بعيد (far) is no "bi-Eid".
  EXPECT_EQ(M().Romanize("وعبدالله"), "wa-Abdullah");
  EXPECT_EQ(M().Romanize("ونصر"), "wa-Nasr");
  EXPECT_EQ(M().Romanize("بالشيخ"), "bil-Sheikh");
  EXPECT_EQ(M().Romanize("بعيد").rfind("bi-", 0), std::string::npos);
  EXPECT_EQ(M().Romanize("صلاح الدين"), "Salah al-Din");
  // Spellings of the letters fold: ى/ي, ة/ه, the hamza's seats.
  EXPECT_EQ(M().Romanize("عيسي اسامه"), "Issa Osama");
  // A ruler's ordinal still follows a name the table knows, and a name
  // joined with الله (God) still prints as one word.
  EXPECT_EQ(M().Romanize("عبدالله الثاني"), "Abdullah II");
  EXPECT_EQ(M().Romanize("نصر الله").rfind("Nasrallah", 0), 0u);
}

TEST(Romanize, EveryNameOfTheTableIsPrintedAsWritten) {
  // No entry of the names table is hidden by a common word of another
  // table (هلال: crescent, and Hilal) or by another rule.
  for (const auto& [key, latin] : internal::ArabNameSpellings()) {
    EXPECT_EQ(M().Romanize(key), latin) << key;
  }
  // Foreign names likewise, and none an Arab name's key.
  for (const auto& [key, latin] : internal::ForeignNameSpellings()) {
    EXPECT_EQ(M().Romanize(key), latin) << key;
    EXPECT_EQ(internal::ArabNameSpellings().count(key), 0u) << key;
  }
  EXPECT_EQ(M().Romanize("فلاديمير بوتين"), "Vladimir Putin");
  // A foreign name takes no Arabic article: السيب is Seeb.
  EXPECT_EQ(M().Romanize("السيب").find("Sepp"), std::string::npos) << M().Romanize("السيب");
  EXPECT_EQ(M().Romanize("كريستيانو رونالدو"), "Cristiano Ronaldo");
  // Two spellings that fold to one key are a mistake in the source.
  EXPECT_THROW(internal::MakeTable({{"سلمى", "Salma"}, {"سلمي", "Sulami"}}), std::logic_error);
}

TEST(Romanize, DecodedWordsReadFourUnitsBack) {
  // Not in the memory. With the letters and Latin of three units before
  // each, the decoder reads ماك as Mac (a trigram read Mccron).
  EXPECT_EQ(M().Romanize("ماكرون"), "Macron");
}

}  // namespace
}  // namespace marsad::resolve
