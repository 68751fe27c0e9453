// ContentKey, SimHash and NearDuplicateIndex on synthetic Arabic articles
// written for these tests.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "text/text.h"

namespace marsad::ingest {
namespace {

// A wire-length report (about 490 words) on floods in Derna.
const std::string kFlood =
    "غمرت السيول أحياء واسعة من مدينة درنة شرقي ليبيا فجر الاثنين بعد أمطار غزيرة استمرت أكثر من عشرين ساعة متواصلة.\n"
    "وقال رئيس المجلس البلدي في تصريح هاتفي إن المياه اجتاحت الشوارع المنخفضة القريبة من الوادي، وإن فرق الدفاع المدني أجلت مئات العائلات إلى المدارس والمساجد في الأحياء المرتفعة.\n"
    "وأضاف أن التيار الكهربائي انقطع عن معظم أنحاء المدينة منذ ساعات الليل، وأن شبكة الاتصالات تعمل بشكل متقطع، ما يعيق عمليات البحث عن المفقودين.\n"
    "وأعلنت وزارة الصحة في بيان مقتضب أن المستشفى المركزي استقبل أربعين مصابا على الأقل، معظمهم يعانون من كسور وجروح، مشيرة إلى أن حالة ثلاثة منهم حرجة.\n"
    "وناشدت الوزارة المواطنين الابتعاد عن مجاري الأودية وعدم التنقل إلا للضرورة، ودعت المتطوعين من الأطباء والممرضين إلى التوجه إلى المستشفيات القريبة.\n"
    "من جهته، قال مصدر في مركز الأرصاد الجوية إن المنخفض الجوي سيستمر حتى مساء الثلاثاء، متوقعا هطول كميات إضافية من الأمطار على المرتفعات الشرقية والساحل.\n"
    "وأوضح المصدر أن كمية الأمطار التي سجلت خلال يوم واحد تجاوزت المعدل الشهري المعتاد لشهر أيلول، وأن السدود في المنطقة تعمل بأقصى طاقتها الاستيعابية.\n"
    "وتداول ناشطون على مواقع التواصل الاجتماعي مقاطع مصورة تظهر سيارات جرفتها المياه ومنازل طينية انهارت بالكامل في الأطراف الجنوبية للمدينة.\n"
    "وقالت منظمة الهلال الأحمر إن فرقها تعمل على توزيع المياه الصالحة للشرب والبطانيات والوجبات الجاهزة على العائلات التي نزحت من بيوتها، مؤكدة حاجتها إلى دعم عاجل.\n"
    "وطالب نواب عن المنطقة الحكومة بإعلان درنة مدينة منكوبة، وتخصيص ميزانية طارئة لإعادة تأهيل البنية التحتية التي تضررت بشدة، وإصلاح الطرق والجسور المتضررة.\n"
    "ويقول سكان إن المدينة لم تشهد سيولا بهذا الحجم منذ عقود، وإن التحذيرات المتكررة من ضعف صيانة السدود لم تلق آذانا صاغية لدى السلطات المتعاقبة.\n"
    "وكانت دراسة أعدها باحثون في جامعة عمر المختار قبل عامين قد حذرت من أن السدين المقامين على الوادي بحاجة إلى صيانة عاجلة، وأن انهيار أحدهما قد يعرض آلاف السكان للخطر.\n"
    "وفي العاصمة، أعلن المجلس الرئاسي الحداد ثلاثة أيام، وأمر بتشكيل غرفة عمليات مشتركة تضم الجيش والشرطة والهلال الأحمر لتنسيق جهود الإغاثة في المناطق المتضررة.\n"
    "ولم تعلن السلطات حتى الآن حصيلة نهائية للضحايا، فيما تواصل فرق الإنقاذ البحث تحت الأنقاض وفي المناطق التي لا تزال المياه تغمرها.\n"
    "وأفاد شهود عيان بأن مياه الوادي ارتفعت بسرعة كبيرة بعد منتصف الليل، وأن كثيرا من السكان لم يتمكنوا من مغادرة منازلهم في الوقت المناسب، فصعدوا إلى الأسطح بانتظار وصول فرق الإنقاذ.\n"
    "وأكد متحدث باسم الدفاع المدني أن فرقه انتشلت عددا من الجثث من الشوارع القريبة من الميناء، موضحا أن الوصول إلى بعض الأحياء لا يزال متعذرا بسبب الوحل والركام الذي خلفته السيول.\n"
    "وأرسلت بلديات مجاورة شاحنات محملة بالمواد الغذائية والأدوية ومضخات لسحب المياه، كما وصلت إلى المدينة قوافل من المتطوعين الذين قدموا من مدن بنغازي والبيضاء وطبرق.\n"
    "وعرضت دول عربية وأوروبية تقديم المساعدة، فيما أعلنت الأمم المتحدة أن فريقا من خبرائها سيصل خلال أيام لتقييم الاحتياجات العاجلة في المناطق المنكوبة ومساعدة السلطات المحلية في تنظيم عمليات الإغاثة.\n"
    "ويخشى مسؤولون في القطاع الصحي من انتشار الأمراض المنقولة بالمياه في الأيام المقبلة، بعد أن اختلطت مياه الصرف الصحي بمياه الفيضانات في عدد من الأحياء، داعين إلى تأمين مياه الشرب النظيفة بشكل عاجل.\n";

// Another outlet's own report on the same floods: same topic, same names,
// different sentences.
const std::string kOtherFloodReport =
    "تعيش درنة منذ فجر الاثنين واحدة من أسوأ الكوارث الطبيعية في تاريخها الحديث، بعدما حولت "
    "الأمطار الغزيرة الوادي الذي يشق المدينة إلى نهر جارف.\n"
    "وفي جولة لمراسلنا في الأحياء القريبة من الميناء، بدت الشوارع مغطاة بطبقة كثيفة من الطين، "
    "وتكدست السيارات المحطمة فوق بعضها عند مداخل الجسور.\n"
    "ويروي أحد السكان أنه أمضى الليل على سطح منزله مع أطفاله الأربعة، قبل أن يتمكن متطوعون من "
    "إنقاذهم بقارب صغير عند الفجر.\n"
    "ويحمل كثيرون السلطات مسؤولية ما جرى، إذ يؤكدون أن التحذيرات من تصدع السدين تكررت خلال "
    "السنوات الماضية دون أي استجابة.\n"
    "وتبقى الحاجة الأكبر اليوم إلى مياه الشرب والأدوية والمأوى، بحسب عاملين في الإغاثة، في وقت "
    "تتواصل فيه عمليات البحث عن مفقودين.\n";

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? s : s.replace(at, from.size(), to);
}

int Distance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

// A wire copy as another outlet runs it: its own first sentence, a number in
// digits instead of words, one word changed.
std::string WireCopy() {
  std::string copy = kFlood.substr(kFlood.find('\n'));
  copy = "اجتاحت سيول جارفة مدينة درنة في شرق ليبيا صباح الاثنين إثر هطول أمطار غزيرة لنحو عشرين "
         "ساعة." + copy;
  copy = Replace(copy, "أربعين مصابا", "40 مصابا");       // forty injured
  copy = Replace(copy, "مقاطع مصورة", "مقاطع فيديو");      // filmed clips / video clips
  copy = Replace(copy, "الحداد ثلاثة أيام", "الحداد 3 أيام");  // three days of mourning
  return copy;
}

TEST(DedupTest, ContentKeyIgnoresLetterVariantsSpacingAndPunctuation) {
  const std::string a = "أعلنت الحكومة السورية، اليوم، خطة جديدة لإعادة الإعمار في مدينة حماة.";
  // ة written ه, أ written ا, another comma, spaces moved and doubled,
  // tatweel and a diacritic.
  const std::string b = "اعلنت الحكومه السوريه ,اليوم خطـة  جديدة لإعادة   الإعمار في مدينةَ حماه";
  EXPECT_EQ(ContentKey(a), ContentKey(b));
  EXPECT_EQ(ContentKey(a).size(), 16u);
  EXPECT_NE(ContentKey(a), ContentKey("أعلنت الحكومة السورية، اليوم، خطة جديدة في مدينة حمص."));
  EXPECT_EQ(ContentKey(kFlood), ContentKey(kFlood + "\n\n"));
  EXPECT_NE(ContentKey(kFlood), ContentKey(WireCopy()));
}

TEST(DedupTest, WireCopyIsWithinThreeBits) {
  const int d = Distance(SimHash(kFlood), SimHash(WireCopy()));
  EXPECT_LE(d, 3);
  NearDuplicateIndex index;
  index.Add(7, SimHash(kFlood));
  EXPECT_EQ(index.Find(SimHash(WireCopy())), 7);
}

TEST(DedupTest, SmallEditsStayCloseOnAverage) {
  // Three words replaced at random, 200 times: each bit flips with
  // probability (1 - J) / 2, about 1.1 bits for a text this long.
  const uint64_t original = SimHash(kFlood);
  std::vector<std::string> words;
  std::istringstream in(kFlood);
  for (std::string w; in >> w;) words.push_back(w);
  const char* const kReplacements[] = {"كذلك", "أيضا", "نحو", "قرابة", "الجديدة", "41"};
  std::mt19937 rng(1);
  int total = 0, within3 = 0;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<std::string> edited = words;
    for (int e = 0; e < 3; ++e) edited[rng() % edited.size()] = kReplacements[rng() % 6];
    std::string text;
    for (const std::string& w : edited) text += w + " ";
    const int d = Distance(original, SimHash(text));
    total += d;
    within3 += d <= 3;
  }
  EXPECT_LT(total / 200.0, 2.0);
  EXPECT_GE(within3, 180);
}

TEST(DedupTest, DifferentReportsOnTheSameStoryAreFarApart) {
  const int d = Distance(SimHash(kFlood), SimHash(kOtherFloodReport));
  EXPECT_GE(d, 16);  // unrelated fingerprints differ in 32 bits on average
  NearDuplicateIndex index(6);
  index.Add(1, SimHash(kFlood));
  EXPECT_EQ(index.Find(SimHash(kOtherFloodReport)), std::nullopt);
}

TEST(DedupTest, SimHashOfTinyAndEmptyTexts) {
  EXPECT_EQ(SimHash(""), 0u);
  EXPECT_EQ(SimHash(" ،. \n"), 0u);
  EXPECT_NE(SimHash("درنة"), 0u);
  EXPECT_EQ(SimHash("سيول درنة"), SimHash("سيول  درنه!"));  // one two-word shingle
  EXPECT_EQ(SimHash(kFlood), SimHash(kFlood));
}

TEST(DedupTest, FingerprintsFromKeysEqualThoseFromTheTexts) {
  // Title and text as a reader gives them, including the edges where the
  // two keys meet: an empty title, a text opening with a combining mark (a
  // hamza above, U+0654), a title ending in a digit, Latin and mixed case.
  const std::vector<std::pair<std::string, std::string>> docs = {
      {"سيول درنة", kFlood},  // "floods in Derna"
      {"", kOtherFloodReport},
      {"عاجل 2024", "\u0654" + kFlood.substr(0, 300)},  // "urgent 2024"
      {"Floods in DERNA", "Breaking: 40 injured."},
      {"عنوان فقط", ""},  // "a title only"
      {"", ""},
  };
  for (const auto& [title, text] : docs) {
    const Fingerprints f = FingerprintKeys(text::MatchKey(title), text::MatchKey(text));
    EXPECT_EQ(f.content_key, ContentKey(title + "\n" + text)) << title;
    EXPECT_EQ(f.simhash, SimHash(text)) << title;
  }
  // A different title is a different document: سيول "floods", أمطار "rains".
  EXPECT_NE(FingerprintKeys(text::MatchKey("سيول"), text::MatchKey(kFlood)).content_key,
            FingerprintKeys(text::MatchKey("أمطار"), text::MatchKey(kFlood)).content_key);
}

TEST(NearDupIndexTest, FindsOnlyWithinTheRadius) {
  NearDuplicateIndex index;
  EXPECT_EQ(index.Find(0x123456789abcdef0ULL), std::nullopt);
  const uint64_t base = 0x0123456789abcdefULL;
  index.Add(10, base);
  EXPECT_EQ(index.Find(base), 10);
  EXPECT_EQ(index.Find(base ^ 0x7), 10);                          // 3 bits, one band
  EXPECT_EQ(index.Find(base ^ 0x0001000100010000ULL), 10);        // 3 bits, three bands
  EXPECT_EQ(index.Find(base ^ 0x0001000100010001ULL), std::nullopt);  // 4 bits, every band
  EXPECT_EQ(index.Find(base ^ 0xF), std::nullopt);                // 4 bits, one band
}

TEST(NearDupIndexTest, LargerRadiusProbesNeighbouringBands) {
  const uint64_t base = 0xfedcba9876543210ULL;
  NearDuplicateIndex index(7);
  index.Add(3, base);
  // 7 bits spread so that no band is untouched: found by probing one bit away.
  EXPECT_EQ(index.Find(base ^ 0x0003000300030001ULL), 3);
  EXPECT_EQ(index.Find(base ^ 0x0003000300030003ULL), std::nullopt);  // 8 bits
  NearDuplicateIndex wide(11);
  wide.Add(4, base);
  EXPECT_EQ(wide.Find(base ^ 0x0007000700070003ULL), 4);  // 11 bits, 2-3 per band
}

TEST(NearDupIndexTest, ClosestThenSmallestId) {
  NearDuplicateIndex index;
  const uint64_t base = 0xaaaaaaaa55555555ULL;
  index.Add(5, base ^ 0x3);  // 2 bits away
  index.Add(9, base ^ 0x1);  // 1 bit away
  index.Add(2, base ^ 0x2);  // 1 bit away, smaller id
  EXPECT_EQ(index.Find(base), 2);
  index.Add(1, base);
  EXPECT_EQ(index.Find(base), 1);
}

}  // namespace
}  // namespace marsad::ingest
