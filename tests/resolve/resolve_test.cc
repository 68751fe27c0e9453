// Name matching and romanisation with the shipped model. Every name here is
// fictional, written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include "resolve/internal.h"
#include "resolve/resolve.h"
#include "scratch_dir.h"
#include "shipped_matcher.h"

namespace marsad::resolve {
namespace {

using marsad::testing::ScratchDir;
using testing::M;

struct NamePair {
  const char* a;
  const char* b;
  const char* pattern;
};

// Spellings of one name (all must match).
const NamePair kVariants[] = {
    // Names that write no بن but are no chain of fathers: ولد (son of), as
    // the Maghreb writes it; a title in the middle; a surname of two words
    // with الله (Nasrallah).
    {"Mohamed Ould Abdel Aziz", "محمد ولد عبد العزيز", "ولد against Ould"},
    {"محمد حاج علي", "محمد بن علي", "a title in the middle"},
    {"حسن نصر الله", "حسن بن عبد الكريم نصر الله", "a surname of two words with الله"},
    {"غولنازار تيموروف", "جولنازار تيموروف", "Latin g as غ or ج"},
    {"غولنازار تيموروف", "قولنازار تيموروف", "Latin g as غ or ق"},
    {"غولنازار تيموروف", "Gulnazar Timurov", "Arabic and Latin"},
    {"جولنازار تيموروف", "Gulnazar Timurov", "Arabic with ج and Latin"},
    {"غولنازار تيموروف", "غلنازار تيمروف", "long vowels written or left out"},
    {"غولنازار تيموروف", "غولنازار تيموروڤ", "ـوف and ـوڤ"},
    {"Gulnazar Timurov", "Golnazar Timourov", "o/u in Latin"},
    {"Gulnazar Timurov", "Gulnazar Temurov", "e/i in Latin"},
    {"فاطمة الزهراوي", "فاطمه زهراوي", "ة/ه and ال left out"},
    {"فاطمة الزهراوي", "Fatima al-Zahrawi", "romanised with the article"},
    {"سعيد المنصوري", "Saeed al-Mansouri", "a short Arabic name romanised"},
    {"عامر الطرابلسي", "Amer al-Tarabulsi", "a short Arabic name romanised"},
    {"حسين الزهراوي", "Hussein al-Zahrawi", "a short Arabic name romanised"},
    {"مرتضى الكبيسي", "مرتضي الكبيسي", "ى/ي"},
    {"رائد مؤمن", "رايد مومن", "hamza forms"},
    {"أسامة الطرابلسي", "اسامه الطرابلسي", "alef with hamza and ة/ه"},
    {"حسان العلواني", "حسان العلوانى", "final ي written ى"},
    {"يوسف بن حمدان القحطاني", "يوسف ابن حمدان القحطاني", "بن/ابن"},
    {"يوسف بن حمدان القحطاني", "Yousef bin Hamdan al-Qahtani", "بن and bin"},
    {"عبد الرحمن الفاضلي", "عبدالرحمن الفاضلي", "عبد compound joined or not"},
    {"عبد الرحمن الفاضلي", "Abdul Rahman al-Fadhli", "عبد compound romanised"},
    {"عبد الرحمن الفاضلي", "Abdurrahman Fadli", "assimilated article, doubled letter"},
    {"Abd al-Karim Nasrawi", "Abdelkarim Nasraoui", "Latin عبد compounds"},
    {"خالد سعيد المنصوري", "خالد المنصوري", "a missing middle name"},
    {"Khalid Saeed al-Mansouri", "Khaled al-Mansouri", "missing middle name in Latin"},
    {"MANSOURI, Khalid", "Khalid Mansouri", "surname first, as lists write it"},
    {"الفارسي نبيل سالم", "نبيل سالم الفارسي", "surname first in Arabic"},
    {"فيكتور ألكسييف", "فيكتور اليكسييف", "a foreign Al- written أل or ال"},
    {"ناصر بن سعد", "ناصر بن سعد بن فهد", "the grandfather's name added"},
    {"Abu Hafs al-Shami", "أبو حفص الشامي", "أبو compound"},
    // Mario Valenti, the alef of the first name left out.
    {"ماريو فالنتي", "مريو فالنتي", "a short foreign name one vowel letter apart"},
    {"Philomena Rastova", "Filomena Rasstova", "ph/f and a doubled letter in Latin"},
    {"Phillipa Stannard", "Filipa Stanard", "ph/f and doubled letters in Latin"},
    {"Karim Allawi", "Karim Aloui", "the glide و written w or ou in Latin"},
    {"Pawel Nowak", "Bavel Nowak", "Latin w written v"},
    {"كريم صفوي", "Karim Safavi", "the glide و written v, as Persian names are romanised"},
    {"كريم ولايتي", "Karim Velayati", "و written v at the start"},
    // The data reads ناصر Nasr and Nasser, the memory Nasr, and نصار
    // (Nassar) comes nearer Nasser; but the letters of ناصر explain it best.
    {"ناصر الزهراوي", "Nasser al-Zahrawi", "a short name's other reading, nearer another name's"},
    // The data reads only رواني so (a misspelling); روحاني explains it better.
    {"كريم روحاني", "Karim Rouhani", "a Latin another spelling is read as, less well"},
    // The Beyond-the-Valley Battalion, two words of it written as one.
    {"كتيبة ما وراء الوادي", "كتيبة ماوراء الوادي", "the same letters spaced differently"},
    {"Santa Cruz Brigade", "Santacruz Brigade", "the same letters spaced differently in Latin"},
    // Both spellings are in the model's memory, read Vinger and Finger.
    {"مارتن فينجر", "مارتن فينغر", "two known spellings of a foreign g, read differently"},
    {"ميشال دوران", "ميشيل دوران", "two known spellings of Michel, each writing its vowels"},
    // A middle name on one side, a word the tagger ran on on the other (asks
    // his leave), which is no family name.
    {"حمدان عبد الكريم ناصر", "حمدان ناصر يستأذنه", "a middle name against a word run on"},
    {"عبد الرحمن الفاضلي", "عبد الرحمان الفاضلي", "a name of God with its vowel written, as the Maghreb writes it"},
    {"عبد الملك الفاضلي", "عبد المالك الفاضلي", "a name of God with its vowel written, as the Maghreb writes it"},
    {"عبد الله الفاضلي", "عبدلله الفاضلي", "الله without its article's alef"},
    {"منصور الفاضلي", "عبد ربه منصور الفاضلي", "a short form without the given name"},
    {"الشيخ حمدان عبد الكريم ناصر", "حمدان عبد الكريم ناصر", "a title before the name"},
    {"Sheikh Hamdan Abdulkarim Nasser", "Hamdan Abdulkarim Nasser", "a title before the name, in Latin"},
    {"The Brigades of the Northern Valley", "Brigades of the Northern Valley", "a body's name with a word before it"},
    {"عبد الرءوف الفاضلي", "عبد الرؤوف الفاضلي", "a name of God with its hamza written two ways"},
    {"حمدان عبد الكريم ناصر", "حمدان ناصر يلتقي", "a middle name against a verb run on (meets)"},
    {"حمدان عبد الكريم ناصر", "حمدان ناصر الذي", "a middle name against a relative pronoun run on (who)"},
};

// Different people with similar names (none may match).
const NamePair kHardNegatives[] = {
    {"محمد علي", "محمود علي", "one long vowel apart (محمد/محمود)"},
    // Mohamed/Mahmoud al-Khatib: محمود is not in the model's memory.
    {"محمد الخطيب", "محمود الخطيب", "one long vowel apart, one spelling unknown"},
    {"أحمد الخطيب", "محمد الخطيب", "same skeleton key"},
    {"Mohammed Hassan", "Mahmoud Hassan", "Latin, same skeleton"},
    {"حسن الزهراوي", "حسين الزهراوي", "حسن/حسين"},
    {"Hassan Nasrawi", "Hussein Nasrawi", "Hassan/Hussein"},
    {"سعيد المنصوري", "سعد المنصوري", "سعيد/سعد"},
    {"عمر الطرابلسي", "عامر الطرابلسي", "عمر/عامر"},
    {"خالد سعيد المنصوري", "خالد سالم المنصوري", "a different middle name"},
    {"غولنازار تيموروف", "غولنازار تيمور", "the surname against a first name"},
    {"كريم ناصر", "كريم نصري", "ناصر/نصري"},
    {"Karim Nasser", "Karim Nasri", "Nasser/Nasri"},
    {"فاطمة الزهراوي", "فاطمة الزهراني", "one consonant apart"},
    // Hamid/Hamad al-Rashed: neither given name is in the model's memory.
    {"حميد الراشد", "حمد الراشد", "one long vowel apart, neither spelling known"},
    {"Anna Marwell", "Anna Marela", "a consonant w one Latin spelling lacks"},
    {"Ilse Kwippler", "Ilse Kepler", "a consonant w one Latin spelling lacks"},
    // Fatima az-Zahrani and Fatima adh-Dhahrani: two family names.
    {"فاطمة الزهراني", "فاطمة الظهراني", "nisba names a consonant apart (ز/ظ)"},
    // Across scripts: the Latin is the reading of the other short name.
    {"سعيد المنصوري", "Saad al-Mansouri", "سعيد against Saad (سعد)"},
    {"عامر الطرابلسي", "Omar al-Tarabulsi", "عامر against Omar (عمر)"},
    {"حسن الزهراوي", "Hussein al-Zahrawi", "حسن against Hussein (حسين)"},
    {"فهد الزهراوي", "Vahid al-Zahrawi", "فهد against Vahid (وحيد), another name's reading"},
    // Nasser son of Fahd; Nasser son of Saad son of Fahd: his grandson.
    {"ناصر بن فهد", "ناصر بن سعد بن فهد", "sons of two fathers, one the other's grandfather"},
    {"ناصر بن سعد بن خالد بن فهد", "ناصر بن سعد بن فهد", "grandsons of two grandfathers, one the other's great-grandfather"},
    // Two sons of one father, with different family names: not one name
    // with the surname moved to the front and missing at both ends.
    {"نبيل بن سالم الفارسي", "نبيل بن سالم الدوسري", "the same given names, other surnames"},
    {"ماهر العساف", "ماهر الصافي", "family names with the article, other letters (ع/ا, س/ص)"},
    {"ماهر الطيب", "ماهر العتيبي", "family names with the article, other letters"},
    {"ماهر الزيلعي", "ماهر صلوي", "the article on one side, other letters"},
    {"ماهر عمر", "ماهر العمرة", "a final vowel one word lacks"},
    {"ماهر الزهراني", "ماهر ظهراني", "the article on one side, another consonant"},
    {"ماهر الكبيسي", "ماهر القبيسي", "nisba names apart by the letters of a foreign g"},
    // Both known, read Zayd and Said, which the Latin–Latin model joins.
    {"ماهر زيد", "ماهر سعيد", "two known spellings of other consonants"},
    {"جمال الحربي", "جميل الحربي", "two known names a vowel letter apart (Jamal, Jamil)"},
    {"سام سميث", "سيم سميث", "two known names a vowel letter apart, each written in full (Sam, Sim)"},
    {"الكسندر باتو", "الكسندر بيتو", "two known surnames a vowel letter apart (Pato, Beto)"},
    // Both known, read Farhad and Farhadi: a name and its nisba.
    {"فرهاد الزين", "فرهادي الزين", "two known spellings, a final vowel letter apart"},
    // Hamdan, son of Abdulkarim, of the Nasser; Hamdan, son of Nasser, of
    // the Shehri: the one's surname is the other's father.
    {"حمدان عبد الكريم ناصر", "حمدان بن ناصر الشهري", "a surname against a father, a family name after it"},
    {"Hamdan Abdulkarim Nasser", "Hamdan bin Nasser al-Shehri", "a surname against a father, in Latin"},
    {"حمدان عبد الكريم ناصر", "حمدان ناصر الطنطاوي", "a surname against a middle name, a nisba after it"},
    {"حمدان عبد الكريم ناصر", "حمدان ناصر آل زيد", "a surname against a middle name, آل after it"},
    {"عبد الرحيم الفاضلي", "عبد الرحمن الفاضلي", "two names of God (Abd al-Rahim, Abd al-Rahman)"},
    {"عبد المجيد الفاضلي", "عبد الحميد الفاضلي", "two names of God (Abd al-Majid, Abd al-Hamid)"},
    {"عبد الإله الفاضلي", "عبدالله الفاضلي", "عبد الإله is not عبد الله"},
    // Ahmed, son of Hamdan Abdulkarim Nasser, named after him.
    {"أحمد حمدان عبد الكريم ناصر", "حمدان عبد الكريم ناصر", "a son named with his father's three names"},
    {"Ahmed Hamdan Abdulkarim Nasser", "حمدان عبد الكريم ناصر", "a son named with his father's names, across scripts"},
    {"الشيخ أحمد حمدان عبد الكريم ناصر", "حمدان عبد الكريم ناصر", "a son named after his father, with a title"},
    // Arab given names the edit model, learnt from transliterations, takes
    // for one name: Alaa and Diaa, Tariq and Turki, Essam and Azzam.
    {"علاء الحربي", "ضياء الحربي", "two names of the table of Arab names"},
    {"طارق الحربي", "تركي الحربي", "two names of the table of Arab names"},
    {"عصام الحربي", "عزام الحربي", "two names of the table of Arab names"},
    {"رائد الحربي", "رياض الحربي", "two names of the table of Arab names (Raed, Riyad)"},
    // Saddam and Sam, Ati and Qusay: names of no table, whose rare
    // letters' substitutions the edit model's ratio rewards.
    {"صدام الحربي", "سام الحربي", "two names, far short of each one's own ratio"},
    {"عاطي الحربي", "قصي الحربي", "two names, far short of each one's own ratio"},
    // Across scripts: the Latin is how the press spells another name of the
    // table (Raed is رائد, Ahmed أحمد, Samir سمير).
    {"رياض الحربي", "Raed al-Harbi", "a name of the table against another's Latin"},
    {"حمد الحربي", "Ahmed al-Harbi", "a name of the table against another's Latin"},
    {"سميرة الحربي", "Samir al-Harbi", "a name of the table against another's Latin"},
    // Nader, son of Salem; Nader, son of Mahmoud, son of Salem: a name
    // written without بن names the father second too.
    {"نادر بن سالم", "نادر محمود سالم الحربي", "a father after بن against another without it"},
    // عبد compounds of the table, which PrepareName makes one word.
    {"عبد الواحد الحربي", "عبد الأحد الحربي", "two عبد compounds of the table of Arab names"},
    {"عبد المجيد الحربي", "عبد الماجد الحربي", "two عبد compounds of the table of Arab names"},
};

TEST(MatchScore, VariantSpellingsMatch) {
  for (const NamePair& p : kVariants) {
    EXPECT_GE(M().MatchScore(p.a, p.b), kDefaultThreshold) << p.pattern << ": " << p.a << " / " << p.b;
  }
}

TEST(MatchScore, HardNegativesDoNotMatch) {
  for (const NamePair& p : kHardNegatives) {
    EXPECT_LT(M().MatchScore(p.a, p.b), kDefaultThreshold) << p.pattern << ": " << p.a << " / " << p.b;
  }
}

TEST(MatchScore, HardNegativesShareABlockingKey) {
  // They are hard because blocking alone cannot tell them apart.
  for (const NamePair& p : kHardNegatives) {
    const auto a = BlockingKeys(p.a), b = BlockingKeys(p.b);
    bool shared = false;
    for (const auto& k : a) shared = shared || std::find(b.begin(), b.end(), k) != b.end();
    EXPECT_TRUE(shared) << p.a << " / " << p.b;
  }
}

TEST(MatchScore, TheLettersOfAnAcronymAreOneWord) {
  // The KGB, by its letters' names, and J. K. Rowling: letter by letter, two
  // words of one matched two of the other in another order.
  EXPECT_EQ(PrepareName("كي.جي.بي").tokens.size(), 1u);
  EXPECT_EQ(PrepareName("جي كي رولينغ").tokens.size(), 2u);
  EXPECT_LT(M().MatchScore("جي كي رولينغ", "كي.جي.بي"), kDefaultThreshold);
  EXPECT_GE(M().MatchScore("بي بي سي", "بي.بي.سي"), kDefaultThreshold);
  // One letter's name alone is a word of its own (Ban Ki-moon), and a
  // function word after an acronym is no letter of it (MBC, in).
  EXPECT_EQ(PrepareName("بان كي مون").tokens.size(), 3u);
  EXPECT_EQ(PrepareName("إم بي سي في").tokens.size(), 2u);
}

TEST(MatchScore, RangeAndSymmetry) {
  const char* names[] = {"غولنازار تيموروف", "Gulnazar Timurov", "محمد", "", "!!!", "x",
                         "\xff\xfe broken", "فاطمة الزهراوي", "KHALIMOV, Gulnazar",
                         "عبد الله بن عبد الرحمن أبو الفضل"};
  for (const char* a : names) {
    for (const char* b : names) {
      const double s = M().MatchScore(a, b);
      EXPECT_GE(s, 0.0);
      EXPECT_LE(s, 1.0);
      EXPECT_DOUBLE_EQ(s, M().MatchScore(b, a)) << a << " / " << b;
    }
  }
  EXPECT_EQ(M().MatchScore("", "محمد"), 0.0);
}

TEST(MatchScore, CombineTokenScoresIsMatchScore) {
  // The screener's path (token scores computed apart, then combined) gives
  // exactly MatchScore, in either order of the names; the bound holds.
  const char* names[] = {"غولنازار تيموروف", "TIMUROV, Gulnazar", "Gulnazar Temurov", "محمد",
                         "خالد سعيد المنصوري", "Khaled al-Mansouri", "Abu Hafs al-Shami",
                         "عبد الرحمن الفاضلي", "x"};
  for (const char* x : names) {
    for (const char* y : names) {
      const PreparedName a = PrepareName(x), b = PrepareName(y);
      std::vector<double> s(a.tokens.size() * b.tokens.size());
      double top = 0;
      for (size_t i = 0; i < a.tokens.size(); ++i) {
        for (size_t j = 0; j < b.tokens.size(); ++j) {
          s[i * b.tokens.size() + j] = M().TokenScore(a.tokens[i], b.tokens[j]);
          // Token scores are exactly symmetric (a cache may key them either way).
          EXPECT_EQ(s[i * b.tokens.size() + j], M().TokenScore(b.tokens[j], a.tokens[i]));
          top = std::max(top, s[i * b.tokens.size() + j]);
        }
      }
      const double combined = M().CombineTokenScores(a, b, s.data());
      EXPECT_EQ(combined, M().MatchScore(x, y)) << x << " / " << y;
      EXPECT_LE(combined, top);
    }
  }
}

TEST(MatchScore, LongInputIsCutNotFatal) {
  std::string long_name;
  for (int i = 0; i < 200; ++i) long_name += "غولنازارتيموروف ";
  const double s = M().MatchScore(long_name, "Gulnazar Timurov");
  EXPECT_GE(s, 0.0);
  EXPECT_LE(s, 1.0);
  // Tokens at the 64-letter cut, in both scripts and against each other.
  std::string arabic, latin;
  for (int i = 0; i < 10; ++i) {
    arabic += "غولنازار";
    latin += "gulnazar";
  }
  for (const auto& [a, b] : {std::pair{arabic, latin}, {arabic, arabic + "ي"}, {latin, latin + "a"}}) {
    const double t = M().MatchScore(a, b);
    EXPECT_GE(t, kDefaultThreshold) << a << " / " << b;
    EXPECT_LE(t, 1.0);
  }
}

TEST(BlockingKeys, ScriptsShareKeys) {
  EXPECT_EQ(BlockingKeys("غولنازار تيموروف"), BlockingKeys("Gulnazar Timurov"));
  EXPECT_EQ(BlockingKeys("جولنازار تيموروڤ"), BlockingKeys("Gulnazar Timurov"));
  EXPECT_EQ(BlockingKeys("الزهراوي"), BlockingKeys("Zahrawi"));  // the article is left out
  EXPECT_TRUE(BlockingKeys("...").empty());
}

TEST(PrepareName, ParticlesAndCompounds) {
  // بن (son of) is dropped; عبد joins the noun it governs, without its article.
  const PreparedName p = PrepareName("يوسف بن عبد الرحمن");
  ASSERT_EQ(p.tokens.size(), 2u);
  EXPECT_EQ(PrepareName("Abdurrahman").tokens[0].letters, PrepareName("Abd al-Rahman").tokens[0].letters);
  EXPECT_EQ(PrepareName("Abdul Rahman").tokens[0].letters, PrepareName("Abd al-Rahman").tokens[0].letters);
  // French spellings with "ou" join the same way (and so share the blocking key).
  EXPECT_EQ(PrepareName("Abdoullah").tokens[0].letters, PrepareName("Abdullah").tokens[0].letters);
  EXPECT_EQ(BlockingKeys("Abdoulmalik al-Huthi"), BlockingKeys("Abdulmalik al-Huthi"));
  // أل is a foreign name's start, never the article.
  EXPECT_EQ(PrepareName("ألبيرتو").tokens[0].article, 0);
  EXPECT_EQ(PrepareName("البيرتو").tokens[0].article, 2);
  // Surname first, as lists write it: the flag goes with its word.
  const PreparedName listed = PrepareName("الحسن، أليكس");  // al-Hassan, Alex
  ASSERT_EQ(listed.tokens.size(), 2u);
  EXPECT_EQ(listed.tokens[0].article, 0);  // أليكس first
  EXPECT_EQ(listed.tokens[1].article, 2);
  // A given name with الدين (of the faith) is one name, in either script:
  // Salah al-Din Abd al-Karim is two names.
  EXPECT_EQ(PrepareName("صلاح الدين عبد الكريم").tokens.size(), 2u);
  EXPECT_EQ(PrepareName("Salah al-Din Abd al-Karim").tokens.size(), 2u);
  EXPECT_EQ(PrepareName("Salah ad-Din").tokens.size(), 1u);
  EXPECT_EQ(PrepareName("Salah Eddine").tokens.size(), 1u);
  EXPECT_GE(M().MatchScore("صلاح الدين الورداني", "Salahuddin Wardani"), kDefaultThreshold);
}

TEST(Romanize, ReadableNames) {
  EXPECT_EQ(M().Romanize(""), "");
  // Capitalised words, the article as newspapers print it, compounds.
  const std::string r = M().Romanize("عبد الرحمن الزهراوي");
  EXPECT_EQ(r.rfind("Abd", 0), 0u) << r;
  EXPECT_NE(r.find(" al-"), std::string::npos) << r;
  const std::string g = M().Romanize("غولنازار تيموروف");
  EXPECT_GE(M().MatchScore(g, "Gulnazar Timurov"), kDefaultThreshold) << g;
  EXPECT_EQ(M().Romanize("أبو حفص").rfind("Abu ", 0), 0u);
  EXPECT_EQ(M().Romanize("Latin stays"), "Latin stays");
  // An acronym by its letters' names with full stops; a Latin one as it is.
  EXPECT_EQ(M().Romanize("إيه.بي.سي"), "ABC");
  EXPECT_EQ(M().Romanize("U.S. Army"), "U.S. Army");
  EXPECT_NE(M().Romanize("تيموروف").find("ov"), std::string::npos);
  // أل and إل written with the hamza are no article: Albert, Ilham (the
  // match key folds them into ال, and إلهام had printed al-Ilham).
  EXPECT_EQ(M().Romanize("ألبيرتينا").rfind("Al", 0), 0u) << M().Romanize("ألبيرتينا");  // Albertina
  EXPECT_EQ(M().Romanize("إلهام").rfind("al-", 0), std::string::npos) << M().Romanize("إلهام");
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Model, SaveLoadAndVersionMismatch) {
  const std::string shipped = DefaultModelPath();
  const std::string text = Slurp(shipped);
  ASSERT_FALSE(text.empty()) << shipped;
  const ScratchDir scratch;
  const std::filesystem::path& dir = scratch.dir();
  std::string error;

  // A copy loads and scores as the original.
  const std::string copy = (dir / "copy.model").string();
  std::ofstream(copy, std::ios::binary) << text;
  auto m = Matcher::Load(copy, &error);
  ASSERT_NE(m, nullptr) << error;
  EXPECT_EQ(m->info().format_version, kModelFormatVersion);
  EXPECT_FALSE(m->info().evaluation.empty());
  EXPECT_DOUBLE_EQ(m->MatchScore("غولنازار", "Gulnazar"), M().MatchScore("غولنازار", "Gulnazar"));

  // Another format version fails with a message naming both versions.
  std::string other = text;
  other.replace(0, other.find('\n'), "marsad-translit 999");
  const std::string future = (dir / "future.model").string();
  std::ofstream(future, std::ios::binary) << other;
  EXPECT_EQ(Matcher::Load(future, &error), nullptr);
  EXPECT_NE(error.find("version 999"), std::string::npos) << error;

  // A header value that is not one: a seed without digits, a held-out
  // share outside [0, 1) (evaluation splits the data by it again).
  for (const char* bad : {"seed \n", "heldout 2\n", "heldout nan\n"}) {
    std::string edited = text;
    const size_t line = edited.find('\n') + 1;
    edited.insert(line, bad);
    const std::string path = (dir / "header.model").string();
    std::ofstream(path, std::ios::binary) << edited;
    EXPECT_EQ(Matcher::Load(path, &error), nullptr) << bad;
    EXPECT_NE(error.find("corrupt header"), std::string::npos) << error;
  }

  // Truncated, missing, not a model.
  const std::string cut = (dir / "cut.model").string();
  std::ofstream(cut, std::ios::binary) << text.substr(0, text.size() / 2);
  EXPECT_EQ(Matcher::Load(cut, &error), nullptr);
  EXPECT_NE(error.find("cut.model"), std::string::npos) << error;
  EXPECT_NE(error.find("compressed body"), std::string::npos) << error;
  // A byte of the compressed body changed.
  std::string flipped = text;
  flipped[flipped.size() - 1000] ^= 0x01;
  const std::string damaged = (dir / "damaged.model").string();
  std::ofstream(damaged, std::ios::binary) << flipped;
  EXPECT_EQ(Matcher::Load(damaged, &error), nullptr);
  EXPECT_NE(error.find("damaged.model: truncated or corrupt"), std::string::npos) << error;
  // The file ending on its body line; a checksum of more than 32 bits.
  for (const std::string& ending : {std::string("body 10 20"), std::string("body 10 99999999999\n")}) {
    const std::string shortened = (dir / "short.model").string();
    std::ofstream(shortened, std::ios::binary) << text.substr(0, text.find("\nbody ") + 1) << ending;
    EXPECT_EQ(Matcher::Load(shortened, &error), nullptr) << ending;
    EXPECT_NE(error.find("short.model"), std::string::npos) << error;
  }
  // The header cut before its body line.
  const std::string headless = (dir / "headless.model").string();
  std::ofstream(headless, std::ios::binary) << text.substr(0, text.find("\nbody "));
  EXPECT_EQ(Matcher::Load(headless, &error), nullptr);
  EXPECT_NE(error.find("truncated in its header"), std::string::npos) << error;
  EXPECT_EQ(Matcher::Load((dir / "missing.model").string(), &error), nullptr);
  const std::string junk = (dir / "junk.model").string();
  std::ofstream(junk, std::ios::binary) << "hello";
  EXPECT_EQ(Matcher::Load(junk, &error), nullptr);
}

// Writes `pairs`, each three times, to google-ar2en-train.tsv in `scratch`;
// returns the folder.
std::filesystem::path WritePairs(const ScratchDir& scratch,
                                 const std::vector<std::pair<std::string, std::string>>& pairs) {
  const std::filesystem::path& dir = scratch.dir();
  std::ofstream tsv(dir / "google-ar2en-train.tsv", std::ios::binary);
  for (int rep = 0; rep < 3; ++rep) {
    for (const auto& [a, l] : pairs) tsv << a << '\t' << l << '\n';
  }
  return dir;
}

// Trains on the pairs in `dir` with `heldout` of the spellings held out, and
// loads the model written (null on failure, which is reported).
std::unique_ptr<Matcher> TrainAndLoad(const std::filesystem::path& dir, double heldout) {
  TrainOptions options;
  options.data_dir = dir.string();
  options.iterations = 2;
  options.heldout = heldout;
  Evaluation eval;
  std::string error;
  const std::string out = (dir / "tiny.model").string();
  EXPECT_TRUE(TrainTransliteration(options, out, &eval, &error)) << error;
  auto m = Matcher::Load(out, &error);
  EXPECT_NE(m, nullptr) << error;
  return m;
}

TEST(EditModel, AWordFallsNoShortOfItself) {
  // The shortfall the calibrations weigh is measured from each word's
  // alignment with itself, letter by letter, which must be the best one.
  Matcher::Model model;
  std::string error;
  ASSERT_TRUE(internal::ReadModel(DefaultModelPath(), false, &model, &error)) << error;
  const auto letters = [](const char* word) { return PrepareName(word).tokens.at(0).letters; };
  for (const char* word : {"علاء", "ضياء", "غولنازار", "تيموروف", "عبدالله"}) {
    const std::string w = letters(word);
    const float self = model.arabic_arabic.LogLikelihoodRatio(w, w);
    EXPECT_NEAR(model.arabic_arabic.Shortfall(w, w, self), 0, 1e-3) << word;
  }
  // Alaa and Diaa: a ratio as high as two spellings of one name have, far
  // short of each word's own.
  const std::string alaa = letters("علاء"), diaa = letters("ضياء");
  const float ratio = model.arabic_arabic.LogLikelihoodRatio(alaa, diaa);
  EXPECT_GT(ratio, 20);
  EXPECT_GT(model.arabic_arabic.Shortfall(alaa, diaa, ratio), 5);
}

TEST(Train, TinyDataRoundTrip) {
  // Training on a handful of pairs works end to end and writes a loadable model.
  const ScratchDir scratch;
  const auto dir = WritePairs(scratch,
                              {{"تيموروف", "timurov"}, {"غولنازار", "gulnazar"}, {"راحيموف", "rakhimov"},
                               {"كاريموف", "karimov"}, {"نازاروف", "nazarov"},  {"تيمور", "timur"},
                               {"جولنار", "gulnar"},   {"ساليموف", "salimov"},  {"راشيدوف", "rashidov"},
                               {"كاميلا", "kamila"}});
  TrainOptions options;
  options.data_dir = dir.string();
  options.iterations = 2;
  Evaluation eval;
  std::string error;
  const std::string out = (dir / "tiny.model").string();
  ASSERT_TRUE(TrainTransliteration(options, out, &eval, &error)) << error;
  auto m = Matcher::Load(out, &error);
  ASSERT_NE(m, nullptr) << error;
  EXPECT_EQ(m->info().seed, options.seed);
  EXPECT_FALSE(m->Romanize("تيموروف").empty());
  options.data_dir = (dir / "nothing").string();
  EXPECT_FALSE(TrainTransliteration(options, out, &eval, &error));
}

TEST(Train, RomanisationPrintsTheCentralSpelling) {
  // Of the Latin spellings training saw for one Arabic spelling, equally
  // often, romanisation prints the one nearest to all the others (khalid:
  // one letter from khaled and from khaalid), not the first in alphabetical
  // order (khaalid).
  const ScratchDir scratch;
  const auto dir = WritePairs(scratch,
                              {{"خالد", "khaled"}, {"خالد", "khalid"}, {"خالد", "khaalid"},
                               {"تيموروف", "timurov"}, {"كاريموف", "karimov"}, {"نازاروف", "nazarov"}});
  // Nothing held out: every spelling is remembered.
  const auto m = TrainAndLoad(dir, 0.01);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->Romanize("خالد"), "Khalid");
}

TEST(Train, RomanisationPrintsTheLikeliestOfEquallyNearSpellings) {
  // Two spellings seen as often are as near to each other: romanisation
  // prints the one the pair model finds likelier for غالي (ghali), not
  // the first in alphabetical order (bghali, with a letter no Arabic one
  // stands for). Not an Arab name of the table, which would print it
  // whatever the data says.
  const ScratchDir scratch;
  const auto dir = WritePairs(scratch, {{"غالي", "ghali"}, {"غالي", "bghali"}, {"تيموروف", "timurov"},
                                        {"كاريموف", "karimov"}, {"نازاروف", "nazarov"}, {"خليل", "khalil"}});
  // Nothing held out: every spelling is remembered.
  const auto m = TrainAndLoad(dir, 0.01);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->Romanize("غالي"), "Ghali");
  // Matching still reads it as the memory has it, the first in alphabetical
  // order: that Latin is the known reading itself.
  EXPECT_EQ(m->MatchScore(PrepareName("غالي"), PrepareName("Bghali")), 1.0);
}

TEST(Train, RomanisationPrefersTheDictionarySpelling) {
  // A spelling of the dictionary file (google-ar2en-train.tsv) is printed
  // over ANETAC's aligned spellings, though ghaly is the one nearest to
  // all of those.
  const ScratchDir scratch;
  const auto dir = WritePairs(scratch, {{"غالي", "ghali"}, {"تيموروف", "timurov"},
                                        {"كاريموف", "karimov"}, {"نازاروف", "nazarov"}});
  {
    std::ofstream ar(dir / "anetac-train.ar", std::ios::binary);
    std::ofstream en(dir / "anetac-train.en", std::ios::binary);
    for (const char* latin : {"Ghaly", "Ghaaly", "Ghalye", "Ghaly"}) {
      ar << "غالي\n";
      en << latin << '\n';
    }
  }
  // Nothing held out: every spelling is remembered.
  const auto m = TrainAndLoad(dir, 0.01);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->Romanize("غالي"), "Ghali");
}

TEST(Train, HeldOutWordsAreRememberedApart) {
  // Every word is remembered as the data spells it, held out or not (here
  // spelt backwards, as no decoder would); loaded for evaluation, the model
  // forgets the held-out ones: 9 of the 11 words.
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"تيموروف", "vorumit"}, {"غولنازار", "razanlug"}, {"راحيموف", "vomihar"}, {"كاريموف", "vomirak"},
      {"نازاروف", "vorazan"}, {"تيمور", "rumit"},      {"جولنار", "ranluj"},    {"ساليموف", "vomilas"},
      {"راشيدوف", "vodihsar"}, {"كاميلا", "alimak"},   {"ناديروف", "voridan"}};
  const ScratchDir scratch;
  const auto dir = WritePairs(scratch, pairs);
  TrainOptions options;
  options.data_dir = dir.string();
  options.iterations = 2;
  options.heldout = 0.9;
  Evaluation eval;
  std::string error;
  const std::string out = (dir / "tiny.model").string();
  ASSERT_TRUE(TrainTransliteration(options, out, &eval, &error)) << error;
  auto in_use = Matcher::Load(out, &error);
  ASSERT_NE(in_use, nullptr) << error;
  auto evaluated = Matcher::Load(out, &error, /*heldout_memory=*/false);
  ASSERT_NE(evaluated, nullptr) << error;
  size_t remembered = 0, remembered_in_evaluation = 0;
  for (const auto& [arabic, latin] : pairs) {
    std::string spelt = latin;
    spelt[0] = static_cast<char>(spelt[0] - 'a' + 'A');
    remembered += in_use->Romanize(arabic) == spelt;
    remembered_in_evaluation += evaluated->Romanize(arabic) == spelt;
  }
  EXPECT_EQ(remembered, pairs.size());
  EXPECT_EQ(remembered_in_evaluation, 2u);
  // Matching reads only what it was measured with: the same scores either
  // way. And a model that remembers its held-out words is not evaluated.
  for (const auto& [arabic, latin] : pairs) {
    EXPECT_DOUBLE_EQ(in_use->MatchScore(arabic, latin), evaluated->MatchScore(arabic, latin)) << arabic;
    EXPECT_DOUBLE_EQ(in_use->MatchScore(arabic, pairs[0].first), evaluated->MatchScore(arabic, pairs[0].first));
  }
  EXPECT_FALSE(EvaluateTransliteration(*in_use, options, &eval, &error));
  EXPECT_TRUE(EvaluateTransliteration(*evaluated, options, &eval, &error)) << error;
}

// Trains on `pairs` (each three times), nearly all held out, and returns the
// figures.
Evaluation TrainTiny(const std::vector<std::pair<std::string, std::string>>& pairs) {
  const ScratchDir scratch;
  const auto dir = WritePairs(scratch, pairs);
  TrainOptions options;
  options.data_dir = dir.string();
  options.iterations = 2;
  options.heldout = 0.9;
  Evaluation eval;
  std::string error;
  EXPECT_TRUE(TrainTransliteration(options, (dir / "tiny.model").string(), &eval, &error)) << error;
  return eval;
}

TEST(Train, EvaluationRepeatsTrainingFigures) {
  // Evaluating the written model on its own split gives the figures training
  // reported, and the pairs listed as errors are exactly those the figures
  // count as wrong, each on the wrong side of the threshold.
  const ScratchDir scratch;
  const auto dir = WritePairs(scratch,
                              {{"تيموروف", "timurov"}, {"تيمروف", "timurov"},  {"غولنازار", "gulnazar"},
                               {"جولنازار", "gulnazar"}, {"كاريموف", "karimov"}, {"كريموف", "karimov"},
                               {"نازاروف", "nazarov"},   {"نزاروف", "nazarov"},  {"حامد", "hamid"},
                               {"خامد", "khamid"},       {"حميد", "hamid"},      {"خميد", "khamid"}});
  TrainOptions options;
  options.data_dir = dir.string();
  options.iterations = 2;
  options.heldout = 0.5;
  Evaluation trained, again;
  std::string error;
  const std::string out = (dir / "tiny.model").string();
  ASSERT_TRUE(TrainTransliteration(options, out, &trained, &error)) << error;
  auto m = Matcher::Load(out, &error, /*heldout_memory=*/false);
  ASSERT_NE(m, nullptr) << error;
  ASSERT_TRUE(EvaluateTransliteration(*m, options, &again, &error)) << error;
  for (const auto& [t, a] : {std::pair{&trained.arabic_latin, &again.arabic_latin},
                             {&trained.arabic_arabic, &again.arabic_arabic},
                             {&trained.latin_latin, &again.latin_latin}}) {
    EXPECT_EQ(t->positives, a->positives);
    EXPECT_EQ(t->negatives, a->negatives);
    EXPECT_DOUBLE_EQ(t->precision, a->precision);
    EXPECT_DOUBLE_EQ(t->recall, a->recall);
    size_t missed = 0, false_matches = 0;
    for (const PairError& e : a->errors) {
      EXPECT_EQ(e.score >= kDefaultThreshold, !e.same) << e.a << " / " << e.b;
      EXPECT_DOUBLE_EQ(e.score, m->MatchScore(e.a, e.b));
      (e.same ? missed : false_matches) += 1;
    }
    const double tp = static_cast<double>(a->positives - missed);
    EXPECT_DOUBLE_EQ(a->recall, a->positives ? tp / static_cast<double>(a->positives) : 0);
    EXPECT_DOUBLE_EQ(a->precision, tp + static_cast<double>(false_matches) > 0
                                       ? tp / (tp + static_cast<double>(false_matches))
                                       : 0);
  }
  EXPECT_GT(again.arabic_latin.positives, 0u);
  // The check above read some errors (the tiny model is far from perfect).
  EXPECT_GT(again.arabic_latin.errors.size() + again.arabic_arabic.errors.size() +
                again.latin_latin.errors.size(),
            0u);
  EXPECT_EQ(again.romanized, trained.romanized);
  EXPECT_DOUBLE_EQ(again.cer, trained.cer);
}

TEST(Train, HardNegativesAreDifferentNames) {
  // Spellings of one name the data happens not to link (Hedley/Hadley,
  // هيدلي/هادلي: they differ only in vowels) are never sampled as negatives.
  const Evaluation same = TrainTiny({{"هيدلي", "hedley"}, {"هادلي", "hadley"}, {"هدلي", "hadly"},
                                     {"هيدلى", "headley"}, {"تيموروف", "timurov"}, {"تيمروف", "temurov"}});
  EXPECT_GT(same.arabic_latin.positives, 0u);
  EXPECT_EQ(same.arabic_latin.negatives, 0u);
  // Names that differ in a consonant in both scripts are (حامد/خامد, Hamid/Khamid).
  const Evaluation apart = TrainTiny({{"حامد", "hamid"}, {"خامد", "khamid"}, {"حميد", "hameed"},
                                      {"خميد", "khmeed"}, {"حمدي", "hamdi"}, {"خمدي", "khamdi"}});
  EXPECT_GT(apart.arabic_latin.negatives, 0u);
}

TEST(Train, SameScriptNegativesAreDifferentNames) {
  // Two components the pairs do not connect, one name spelt with and
  // without vowel letters (هيدلي/هدلي, Hedley/Hadly): no Arabic–Arabic or
  // Latin–Latin negative is drawn from them, though they share a key.
  const Evaluation same = TrainTiny(
      {{"هيدلي", "hedley"}, {"هيادلي", "hedley"}, {"هيدلي", "headley"}, {"هدلي", "hadly"},
       {"هادلي", "hadly"}, {"هدلي", "hadlee"}});
  EXPECT_GT(same.arabic_arabic.positives, 0u);
  EXPECT_GT(same.latin_latin.positives, 0u);
  EXPECT_EQ(same.arabic_arabic.negatives, 0u);
  EXPECT_EQ(same.latin_latin.negatives, 0u);
  // A consonant apart in both scripts (حامد/خامد, Hamid/Khamid): negatives.
  const Evaluation apart = TrainTiny(
      {{"حامد", "hamid"}, {"حميد", "hamid"}, {"حامد", "hamed"}, {"خامد", "khamid"},
       {"خميد", "khamid"}, {"خامد", "khamed"}});
  EXPECT_GT(apart.arabic_arabic.negatives, 0u);
  EXPECT_GT(apart.latin_latin.negatives, 0u);
}

}  // namespace
}  // namespace marsad::resolve
