// The file readers, fed with files each test writes into its own temporary
// folder: every format, every encoding, and every kind of damage the batch
// must survive.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <zip.h>
#include <zlib.h>

#include "ingest/ingest.h"
#include "scratch_dir.h"
#include "text/text.h"

namespace marsad::ingest {
namespace {

namespace fs = std::filesystem;

// "A new hospital opens in Jeddah"
const std::string kTitle = "افتتاح مستشفى جديد في جدة";
// "The health ministry announced the opening of a new hospital in the city of
// Jeddah. The ministry's spokesman said that the hospital will serve more than
// a hundred thousand people.\n\nHe added that work began two years ago."
const std::string kBody =
    "أعلنت وزارة الصحة عن افتتاح مستشفى جديد في مدينة جدة. وقال المتحدث باسم الوزارة إن "
    "المستشفى سيخدم أكثر من مئة ألف نسمة.\n\nوأضاف أن العمل بدأ قبل عامين.";
// "Residents of the neighbourhood welcomed the project and asked for more
// schools near their homes, according to a local newspaper."
const std::string kOtherBody =
    "رحب سكان الحي بالمشروع وطالبوا بمزيد من المدارس قرب منازلهم بحسب صحيفة محلية.";

::testing::AssertionResult Contains(std::string_view text, std::string_view part) {
  if (text.find(part) != std::string_view::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\" lacks \"" << part << "\"";
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// ---------------------------------------------------------------------------
// Byte builders.

std::u16string Utf16(std::string_view utf8) {
  std::u16string out(utf8.size() + 1, u'\0');
  int32_t length = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8(reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()), &length,
                utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(length));
  return out;
}

// `utf8` in a legacy or UTF-16 charset, through ICU.
std::string Encode(std::string_view utf8, const char* charset) {
  const std::u16string units = Utf16(utf8);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string out(units.size() * 4 + 8, '\0');
  const int32_t n = ucnv_fromUChars(conv, out.data(), static_cast<int32_t>(out.size()),
                                    reinterpret_cast<const UChar*>(units.data()),
                                    static_cast<int32_t>(units.size()), &status);
  ucnv_close(conv);
  EXPECT_TRUE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(n));
  return out;
}

// One gzip member.
std::string Gzip(std::string_view data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Html(const std::string& title, const std::string& body) {
  std::string paragraphs;
  for (size_t start = 0; start < body.size();) {
    size_t end = body.find("\n\n", start);
    if (end == std::string::npos) end = body.size();
    paragraphs += "<p>" + body.substr(start, end - start) + "</p>\n";
    start = end + 2;
  }
  return "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>" +
         title + "</title></head>\n<body><article><h1>" + title + "</h1>\n" + paragraphs +
         "</article></body></html>\n";
}

std::string HttpResponse(std::string_view status, std::string_view headers, std::string_view body) {
  return "HTTP/1.1 " + std::string(status) + "\r\n" + std::string(headers) +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
}

std::string WarcRecord(std::string_view type, std::string_view uri, std::string_view block,
                       std::string_view content_type = "application/http; msgtype=response") {
  return "WARC/1.0\r\nWARC-Type: " + std::string(type) +
         "\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
         "WARC-Date: 2024-03-05T10:11:12Z\r\nWARC-Target-URI: " +
         std::string(uri) + "\r\nContent-Type: " + std::string(content_type) +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + std::string(block) +
         "\r\n\r\n";
}

// A small crawl: warcinfo, a request, the article, an image and a redirect.
std::vector<std::string> CrawlRecords() {
  return {
      WarcRecord("warcinfo", "", "software: test\r\n", "application/warc-fields"),
      WarcRecord("request", "https://www.example.sa/news/1",
                 "GET /news/1 HTTP/1.1\r\nHost: www.example.sa\r\n\r\n",
                 "application/http; msgtype=request"),
      WarcRecord("response", "https://www.example.sa/news/1",
                 HttpResponse("200 OK", "Content-Type: text/html; charset=utf-8\r\n",
                              Html(kTitle, kBody))),
      WarcRecord("response", "https://www.example.sa/logo.png",
                 HttpResponse("200 OK", "Content-Type: image/png\r\n", "\x89PNG\r\n")),
      WarcRecord("response", "https://www.example.sa/old",
                 HttpResponse("301 Moved Permanently", "Location: /news/1\r\n", "")),
  };
}

std::string Concat(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += p;
  return out;
}

// ---------------------------------------------------------------------------
// Decoding.

TEST(DecodeText, Utf8IsUnchanged) {
  std::string why = "stale";
  EXPECT_EQ(DecodeText(kBody, &why), kBody);
  EXPECT_EQ(why, "");
}

TEST(DecodeText, Utf8BomIsDropped) {
  std::string why;
  EXPECT_EQ(DecodeText("\xEF\xBB\xBF" + kTitle, &why), kTitle);
  EXPECT_EQ(why, "");
}

TEST(DecodeText, Utf16WithBomBothByteOrders) {
  std::string why;
  EXPECT_EQ(DecodeText("\xFF\xFE" + Encode(kBody, "UTF-16LE"), &why), kBody);
  EXPECT_EQ(why, "");
  EXPECT_EQ(DecodeText("\xFE\xFF" + Encode(kBody, "UTF-16BE"), &why), kBody);
  EXPECT_EQ(why, "");
}

TEST(DecodeText, Windows1256IsDetectedAndConverted) {
  const std::string cp1256 = Encode(kTitle + "\n" + kBody, "windows-1256");
  ASSERT_NE(cp1256.size(), (kTitle + "\n" + kBody).size());  // really another encoding
  std::string why;
  EXPECT_EQ(DecodeText(cp1256, &why), kTitle + "\n" + kBody);
  EXPECT_EQ(why, "");
}

TEST(DecodeText, ShortWindows1256LineFollowsTheFile) {
  // "yes" alone has too few bytes to judge; the file's other line decides.
  const std::string text = "نعم\n" + kBody;
  std::string why;
  EXPECT_EQ(DecodeText(Encode(text, "windows-1256"), &why), text);
}

TEST(DecodeText, MixedUtf8AndWindows1256LinesAreBothRead) {
  const std::string bytes = kTitle + "\n" + Encode(kOtherBody, "windows-1256") + "\n" + kBody;
  std::string why;
  EXPECT_EQ(DecodeText(bytes, &why), kTitle + "\n" + kOtherBody + "\n" + kBody);
  EXPECT_TRUE(Contains(why, "mixed encodings: 1 line converted from Windows-1256"));
}

TEST(DecodeText, LatinOneTextIsNotTakenForArabic) {
  // German in cp1252: ä and ß are Arabic letters in cp1256, but isolated.
  const std::string bytes =
      "M\xE4rz: Stra\xDF"
      "e f\xFCr G\xE4ste, sch\xF6n und gro\xDF.";
  std::string why;
  const std::optional<std::string> text = DecodeText(bytes, &why);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "M\uFFFDrz: Stra\uFFFDe f\uFFFDr G\uFFFDste, sch\uFFFDn und gro\uFFFD.");
  EXPECT_EQ(why, "invalid UTF-8: 6 sequences replaced");
}

TEST(DecodeText, InvalidUtf8IsRepairedAndCounted) {
  const std::string bytes = kTitle + "\xC3(" + kBody + "\xFF";
  std::string why;
  const std::optional<std::string> text = DecodeText(bytes, &why);
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, kTitle + "\uFFFD(" + kBody + "\uFFFD");
  EXPECT_EQ(why, "invalid UTF-8: 2 sequences replaced");
}

TEST(DecodeText, BinaryDataIsRefused) {
  std::string why;
  EXPECT_EQ(DecodeText(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), &why), std::nullopt);
  EXPECT_EQ(why, "binary file");
  std::string controls;
  for (int i = 0; i < 100; ++i) controls += i % 4 == 0 ? "\x01\x02" : "ab";
  EXPECT_EQ(DecodeText(controls, &why), std::nullopt);
  EXPECT_EQ(why, "binary file");
}

// ---------------------------------------------------------------------------
// Title and date of plain text.

struct Head {
  std::string text;
  std::string title;
  std::string published;
  std::string navigation;  // the lines moved to the boilerplate
};

Head FindHead(std::string text) {
  Document d;
  d.text = std::move(text);
  FindTitleAndDate(&d);
  Head h{std::move(d.text), std::move(d.title), std::move(d.published), ""};
  for (const Removed& r : d.boilerplate) {
    EXPECT_EQ(r.reason, kAboveHeadline);
    h.navigation += r.text;
  }
  return h;
}

TEST(FindTitleAndDate, TitleAndArabicDatelineAreTakenOut) {
  // "Tuesday 5 March 2024"
  const Head h = FindHead(kTitle + "\nالثلاثاء 5 مارس 2024\n\n" + kBody);
  EXPECT_EQ(h.title, kTitle);
  EXPECT_EQ(h.published, "2024-03-05");
  EXPECT_EQ(h.text, kBody);
}

TEST(FindTitleAndDate, IsoDateAboveTheTitle) {
  const Head h = FindHead("2024-03-05\n" + kTitle + "\n" + kBody);
  EXPECT_EQ(h.title, kTitle);
  EXPECT_EQ(h.published, "2024-03-05");
  EXPECT_EQ(h.text, kBody);
}

TEST(FindTitleAndDate, DayMonthYearWithArabicIndicDigitsAndTime) {
  // "Published on: 5/3/2024 - 10:30 in the morning", in Arabic-Indic digits.
  const Head h = FindHead(kTitle + "\nنشر في: ٥/٣/٢٠٢٤ - ١٠:٣٠ صباحاً\n" + kBody);
  EXPECT_EQ(h.title, kTitle);
  EXPECT_EQ(h.published, "2024-03-05");
  EXPECT_EQ(h.text, kBody);
}

TEST(FindTitleAndDate, DatelineWithAPlaceStays) {
  // "Jeddah - 5/3/2024 (exclusive)": the date counts, the line is text.
  const std::string dateline = "جدة - 5/3/2024 (خاص)";
  const Head h = FindHead(kTitle + "\n" + dateline + "\n" + kBody);
  EXPECT_EQ(h.title, kTitle);
  EXPECT_EQ(h.published, "2024-03-05");
  EXPECT_EQ(h.text, dateline + "\n" + kBody);
}

TEST(FindTitleAndDate, ALabelAboveTheDatelineKeepsTheLeadInTheText) {
  // "Breaking", the date, then a lead without a full stop: "Five people
  // were killed in an attack on a market in the city last night", and the
  // body. The lead is text, not the headline.
  const std::string lead = "قتل خمسة أشخاص في هجوم على سوق في المدينة مساء أمس بحسب مصادر أمنية";
  const Head h = FindHead("عاجل\n2024-03-05\n" + lead + "\n\n" + kBody);
  EXPECT_EQ(h.title, "عاجل");
  EXPECT_EQ(h.published, "2024-03-05");
  EXPECT_EQ(h.text, lead + "\n\n" + kBody);
  // A section label, the date, then a headline: the headline is the title
  // ("Politics"; "The council condemns the attack on the convoy").
  const std::string headline = "المجلس يدين الهجوم على القافلة";
  const Head labelled = FindHead("سياسة\n2024-03-05\n" + headline + "\n\n" + kBody);
  EXPECT_EQ(labelled.title, headline);
  EXPECT_EQ(labelled.text.find(headline), std::string::npos);
  EXPECT_TRUE(labelled.text.ends_with(kBody));
}

TEST(FindTitleAndDate, SentenceFirstLineIsNoTitle) {
  // "The meeting ended." then the body.
  const std::string text = "انتهى الاجتماع.\n" + kBody;
  const Head h = FindHead(text);
  EXPECT_EQ(h.title, "");
  EXPECT_EQ(h.published, "");
  EXPECT_EQ(h.text, text);
}

TEST(FindTitleAndDate, FirstLineOfAHardWrappedParagraphIsNoTitle) {
  // kBody's first sentence wrapped at about 60 characters.
  const std::string text =
      "أعلنت وزارة الصحة عن افتتاح مستشفى جديد في مدينة جدة وقال\n"
      "المتحدث باسم الوزارة إن المستشفى سيخدم أكثر من مئة ألف\n"
      "نسمة وأضاف أن العمل بدأ قبل عامين.\n";
  const Head h = FindHead(text);
  EXPECT_EQ(h.title, "");
  EXPECT_EQ(h.text, text);
  // A short headline above the same wrapped text is still a headline.
  const Head titled = FindHead(kTitle + "\n" + text);
  EXPECT_EQ(titled.title, kTitle);
  EXPECT_EQ(titled.text, text);
}

TEST(FindTitleAndDate, LongFirstLineIsNoTitle) {
  std::string first;
  while (first.size() < 600) first += "كلمة ";  // "word"
  const std::string text = first + "\n" + kBody;
  const Head h = FindHead(text);
  EXPECT_EQ(h.title, "");
  EXPECT_EQ(h.text, text);
}

TEST(FindTitleAndDate, OneLineIsTheTextNotItsTitle) {
  const Head h = FindHead(kTitle);
  EXPECT_EQ(h.title, "");
  EXPECT_EQ(h.text, kTitle);
  // With only a date after it, the line still stays the text.
  const Head dated = FindHead(kTitle + "\n2024-03-05\n");
  EXPECT_EQ(dated.title, "");
  EXPECT_EQ(dated.published, "2024-03-05");
  EXPECT_EQ(dated.text, kTitle + "\n");
}

TEST(FindTitleAndDate, ImpossibleDateIsNotADate) {
  const Head h = FindHead(kTitle + "\n2024-13-45\n" + kBody);
  EXPECT_EQ(h.title, kTitle);
  EXPECT_EQ(h.published, "");
  EXPECT_EQ(h.text, "2024-13-45\n" + kBody);
}

TEST(FindTitleAndDate, DateFarDownIsNotThePublicationDate) {
  std::string text = kTitle + "\n";
  for (int i = 0; i < 6; ++i) text += "سطر قصير\n";  // "a short line"
  text += "2024-03-05\n" + kBody;
  const Head h = FindHead(text);
  EXPECT_EQ(h.published, "");
}

TEST(FindTitleAndDate, HeadlineRightAboveADatelineBelowAListOfOtherStories) {
  // "Site news", five other stories, a kicker ("Rising prices:"), the
  // headline ("Why is the price of bread rising in the city?") and its date.
  std::string text = "أخبار الموقع\n";
  for (int i = 1; i <= 5; ++i) {
    text += "  • عنوان خبر آخر رقم " + std::to_string(i) + " عن الاقتصاد المحلي في المدينة\n";
  }
  const std::string headline = "لماذا ترتفع أسعار الخبز في المدينة؟";
  text += "\nارتفاع الأسعار:\n\n" + headline + "\n\n29 مايو، 2019\n\n" + kBody;
  const Head h = FindHead(text);
  EXPECT_EQ(h.title, headline);
  EXPECT_EQ(h.published, "2019-05-29");
  // The page above the headline is no part of the article.
  EXPECT_EQ(h.text, kBody);
  EXPECT_TRUE(h.navigation.starts_with("أخبار الموقع\n• عنوان خبر آخر رقم 1")) << h.navigation;
  EXPECT_TRUE(h.navigation.ends_with("ارتفاع الأسعار:\n")) << h.navigation;
}

TEST(FindTitleAndDate, AHeadlineBelowAShortListOfOtherStories) {
  // "Site news", two other stories, the headline and its date, all within
  // the first lines: an item of the list is no headline.
  const std::string headline = "أسعار الخبز ترتفع في المدينة";  // bread prices rise in the city
  const Head h = FindHead("أخبار الموقع\n• عنوان خبر آخر عن الاقتصاد المحلي\n- عنوان خبر ثالث عن "
                          "الرياضة\n" + headline + "\n29 مايو، 2019\n\n" + kBody);
  EXPECT_EQ(h.title, headline);
  EXPECT_EQ(h.published, "2019-05-29");
  EXPECT_EQ(h.text, kBody);
  EXPECT_NE(h.navigation.find("عنوان خبر ثالث"), std::string::npos) << h.navigation;
}

TEST(FindTitleAndDate, AHeadlineMayBeginWithADash) {
  // "- The government announces a new plan to cut the deficit", then "Cairo -
  // Reuters": one line with a dash is the headline, no list.
  const std::string headline = "- الحكومة تعلن خطة جديدة لخفض العجز في الموازنة";
  const Head h = FindHead(headline + "\nالقاهرة - رويترز\n\n" + kBody);
  EXPECT_EQ(h.title, headline);
  EXPECT_TRUE(h.navigation.empty()) << h.navigation;
  // Nor is a headline in bold (Markdown's **) an item.
  const std::string bold = "**الحكومة تعلن خطة جديدة لخفض العجز**";
  EXPECT_EQ(FindHead(bold + "\n\n" + kBody).title, bold);
}

TEST(FindTitleAndDate, TextAboveASignatureAndDatelineStays) {
  // Lines, a signature of three words and more, which reads as a headline,
  // and a date: what is above the signature is the text.
  const auto expect_kept = [](const std::string& line, int lines, const std::string& signature) {
    std::string text;
    for (int i = 1; i <= lines; ++i) text += line + " " + std::to_string(i) + "\n";
    const Head h = FindHead(text + signature + "\n12 مارس 2023\n\n" + kBody);
    EXPECT_EQ(h.published, "2023-03-12");
    EXPECT_TRUE(h.text.starts_with(line + " 1")) << h.text;
    EXPECT_TRUE(h.navigation.empty()) << h.navigation;
  };
  // A short note of sentences ("the official said that road number N opens
  // tomorrow."), signed "Written by Sami al-Ali for the news".
  expect_kept("وقال المسؤول إن الطريق سيفتح غدا. الطريق رقم", 5, "كتبه سامي العلي للأخبار");
  // Questions of an interview, unbulleted ("What do the field hospitals need
  // most? Hospital number N"), then who answered them.
  expect_kept("ما الذي تحتاجه المستشفيات الميدانية اليوم؟ المستشفى رقم", 4,
              "مدير المستشفى الميداني في حديث خاص");
}

TEST(FindTitleAndDate, ACityAboveAnAgencysNameStays) {
  // "Baghdad", "(Reuters)", then the report: a dateline, no page above a headline.
  const Head h = FindHead("بغداد\n(رويترز)\n" + kBody);
  EXPECT_NE(h.text.find("بغداد"), std::string::npos) << h.text;
  EXPECT_TRUE(h.navigation.empty()) << h.navigation;
}

TEST(FindTitleAndDate, AnExistingDateIsKept) {
  Document d;
  d.text = kTitle + "\nالثلاثاء 5 مارس 2024\n\n" + kBody;
  d.published = "2024-03-06";
  FindTitleAndDate(&d);
  EXPECT_EQ(d.title, kTitle);
  EXPECT_EQ(d.published, "2024-03-06");
}

// ---------------------------------------------------------------------------
// Files.

class Readers : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, std::string_view bytes) {
    const fs::path path = fs::path(dir_) / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path.string();
  }

  // A zip holding `entries` (name, bytes), stored uncompressed if `store`.
  std::string WriteZip(const std::string& name,
                       const std::vector<std::pair<std::string, std::string>>& entries,
                       bool store = false) {
    const std::string path = (fs::path(dir_) / name).string();
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    EXPECT_NE(archive, nullptr);
    for (const auto& [entry, bytes] : entries) {
      if (entry.ends_with('/')) {
        EXPECT_GE(zip_dir_add(archive, entry.c_str(), ZIP_FL_ENC_UTF_8), 0);
        continue;
      }
      zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
      const zip_int64_t index = zip_file_add(archive, entry.c_str(), source, ZIP_FL_ENC_UTF_8);
      EXPECT_GE(index, 0);
      if (store) {
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
      }
    }
    EXPECT_EQ(zip_close(archive), 0);
    return path;
  }

  struct Result {
    std::vector<Document> docs;
    std::vector<Problem> problems;
  };

  Result Read(const std::string& path, const ReadOptions& options = {}) {
    Result r;
    ReadFile(path, options, &r.docs, &r.problems);
    return r;
  }

  const marsad::testing::ScratchDir scratch_;
  const std::string dir_ = scratch_.dir().string();
};

TEST_F(Readers, ListInputsWalksFoldersSortedWithoutHiddenOrUnsupportedFiles) {
  const std::string b = Write("news/b.txt", kBody);
  const std::string a = Write("news/sub/a.jsonl", "{}");
  const std::string c = Write("news/c.warc.gz", "x");
  Write("news/.hidden.txt", kBody);
  Write("news/.git/config.txt", kBody);
  Write("news/notes.md", kBody);
  const std::string explicit_file = Write("other/readme.md", kBody);
  fs::create_symlink(fs::path(dir_) / "nowhere.txt", fs::path(dir_) / "news" / "gone.txt");
  std::vector<Problem> problems;
  const std::vector<std::string> files =
      ListInputs({dir_ + "/news", explicit_file, dir_ + "/news/b.txt"}, &problems);
  // What a folder holds and is not read is named, with why.
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].path, dir_ + "/news/gone.txt");
  EXPECT_EQ(problems[0].reason, "skipped: a link to nothing, or unreadable");
  EXPECT_EQ(problems[1].path, dir_ + "/news/notes.md");
  EXPECT_TRUE(problems[1].reason.starts_with("skipped: not a format marsad reads")) << problems[1].reason;
  std::vector<std::string> expected = {b, a, c, explicit_file};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(files, expected);
}

TEST_F(Readers, ListInputsReportsMissingPathsAndFoldersWithNothingToRead) {
  Write("pictures/photo.png", "\x89PNG");
  Write("pictures/notes.md", "x");
  fs::create_directories(fs::path(dir_) / "empty");
  std::vector<Problem> problems;
  const std::vector<std::string> files =
      ListInputs({dir_ + "/missing.txt", dir_ + "/pictures", dir_ + "/empty"}, &problems);
  EXPECT_TRUE(files.empty());
  ASSERT_EQ(problems.size(), 5u);
  EXPECT_EQ(problems[0].path, dir_ + "/missing.txt");
  EXPECT_EQ(problems[0].reason, "no such file or directory");
  EXPECT_EQ(problems[1].path, dir_ + "/pictures/notes.md");
  EXPECT_EQ(problems[2].path, dir_ + "/pictures/photo.png");
  EXPECT_EQ(problems[3].path, dir_ + "/pictures");
  EXPECT_EQ(problems[3].reason, "no supported files in directory (2 files of other types)");
  EXPECT_EQ(problems[4].reason, "no files in directory");
}

TEST_F(Readers, TextFileWithTitleAndDate) {
  // "Tuesday 5 March 2024"
  const std::string path = Write("a.txt", kTitle + "\r\nالثلاثاء 5 مارس 2024\r\n\r\n" + kBody);
  const Result r = Read(path);
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].path, path);
  EXPECT_EQ(r.docs[0].title, kTitle);
  EXPECT_EQ(r.docs[0].published, "2024-03-05");
  EXPECT_EQ(r.docs[0].text, kBody);
  EXPECT_EQ(r.docs[0].source, "");
  EXPECT_EQ(r.docs[0].extra_json, "");
}

TEST_F(Readers, SavedPagesInTextFilesAreReadAsPages) {
  const std::string page = Html(kTitle, kBody);
  const std::string from_head = page.substr(page.find("<head>"));
  const std::vector<std::string> files = {
      "<!-- saved from url=(0040)http://www.example.sa/news/2024/a.html -->\r\n" + page,
      from_head,
      "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- a -->\n<!-- b -->\n" +
          from_head.substr(from_head.find("<body>")),
      "<meta charset=\"utf-8\">\n" + from_head.substr(from_head.find("<body>")),
  };
  for (size_t i = 0; i < files.size(); ++i) {
    const Result r = Read(Write("page" + std::to_string(i) + ".txt", files[i]));
    ASSERT_EQ(r.docs.size(), 1u) << i;
    EXPECT_EQ(r.docs[0].title, kTitle) << i;
    EXPECT_EQ(r.docs[0].text, kBody) << i;
  }
}

TEST_F(Readers, OptionsOverrideSourceAndDate) {
  const std::string path = Write("a.txt", kTitle + "\n2024-03-05\n" + kBody);
  const Result r = Read(path, {.source = "okaz", .published = "2023-01-02"});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].source, "okaz");
  EXPECT_EQ(r.docs[0].published, "2023-01-02");
}

TEST_F(Readers, Windows1256AndUtf16TextFiles) {
  const std::string cp1256 = Write("cp1256.txt", Encode(kTitle + "\r\n" + kBody, "windows-1256"));
  const std::string utf16 =
      Write("utf16.txt", "\xFF\xFE" + Encode(kTitle + "\n" + kBody, "UTF-16LE"));
  for (const std::string& path : {cp1256, utf16}) {
    const Result r = Read(path);
    EXPECT_TRUE(r.problems.empty()) << path;
    ASSERT_EQ(r.docs.size(), 1u) << path;
    EXPECT_EQ(r.docs[0].title, kTitle);
    EXPECT_EQ(r.docs[0].text, kBody);
  }
}

TEST_F(Readers, InvalidUtf8IsKeptRepairedWithAProblem) {
  const std::string path = Write("bad.txt", kBody + "\xC3(");
  const Result r = Read(path);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, kBody + "\uFFFD(");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].path, path);
  EXPECT_EQ(r.problems[0].reason, "invalid UTF-8: 1 sequence replaced");
}

TEST_F(Readers, BadFilesEachGetOneProblem) {
  ReadOptions small;
  small.max_file_bytes = 100;
  const std::string empty = Write("empty.txt", "");
  const std::string blank = Write("blank.txt", " \n\n \t\n");
  const std::string binary = Write("image.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  const std::string large = Write("large.txt", kBody);
  const std::string unsupported = Write("sheet.xlsx", "PK\x03\x04");
  fs::create_directories(fs::path(dir_) / "folder.txt");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {empty, "empty file"},
      {blank, "no article text"},
      {binary, "binary file"},
      {large, "file too large (" + std::to_string(kBody.size()) + " bytes; the limit is 100)"},
      {unsupported, "unsupported file type"},
      {dir_ + "/missing.txt", "cannot open file: No such file or directory"},
      {dir_ + "/folder.txt", "is a directory, not a file"},
  };
  for (const auto& [path, reason] : cases) {
    const Result r = Read(path, path == large ? small : ReadOptions{});
    EXPECT_TRUE(r.docs.empty()) << path;
    ASSERT_EQ(r.problems.size(), 1u) << path;
    EXPECT_EQ(r.problems[0].path, path);
    EXPECT_TRUE(Contains(r.problems[0].reason, reason));
  }
}

TEST_F(Readers, HugeSingleLines) {
  std::string line;
  line.reserve(10 << 20);
  while (line.size() < (10u << 20)) line += kOtherBody + " ";
  const Result text = Read(Write("huge.txt", kTitle + "\n" + line));
  ASSERT_EQ(text.docs.size(), 1u);
  EXPECT_EQ(text.docs[0].title, kTitle);
  EXPECT_EQ(text.docs[0].text.size(), line.size() - 1);  // the trailing space is trimmed

  const Result jsonl = Read(Write("huge.jsonl", "{\"content\": \"" + line + "\"}\n"));
  EXPECT_TRUE(jsonl.problems.empty());
  ASSERT_EQ(jsonl.docs.size(), 1u);
  EXPECT_EQ(jsonl.docs[0].text.size(), line.size() - 1);
}

// ---------------------------------------------------------------------------
// JSON.

TEST_F(Readers, ControlCharactersBecomeSpaces) {
  // "The minister arrived", with a NUL, a STX and a DEL a JSON string can
  // carry; tab and newline are kept.
  const Result r = Read(Write("controls.jsonl",
                              "{\"title\": \"خبر\\u0003\", \"content\": "
                              "\"وصل\\u0000الوزير\\u0002\\t\\u007f\\nاليوم\"}\n"));
  ASSERT_EQ(r.docs.size(), 1u) << (r.problems.empty() ? "" : r.problems[0].reason);
  EXPECT_EQ(r.docs[0].text, "وصل الوزير \t \nاليوم");
  EXPECT_EQ(r.docs[0].title, "خبر");
}

TEST_F(Readers, JsonLinesFieldsUnknownFieldsAndBadLines) {
  const std::string kShort = "خبر قصير";  // "a short news item"
  const std::vector<std::string> lines = {
      // tags: "health"
      "{\"url\": \"https://www.okaz.com.sa/news/1\", \"title\": \"" + kTitle +
          "\", \"date\": \"2024-03-05T08:00:00Z\", \"content\": \"" + kShort +
          "\", \"lang\": \"ar\", \"tags\": [\"صحة\"]}",
      "",
      "{\"title\": \"broken\", ",
      // published: "5 March 2024"
      "{\"source\": \"spa\", \"published\": \"5 مارس 2024\", \"text\": \"" + kOtherBody +
          "\", \"date\": \"soon\"}",
      "{\"title\": \"" + kTitle + "\"}",
      "[1, 2]",
  };
  std::string feed;
  for (const std::string& line : lines) feed += line + "\n";
  const std::string path = Write("feed.jsonl", feed);
  const Result r = Read(path);
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].path, path + ":1");
  EXPECT_EQ(r.docs[0].url, "https://www.okaz.com.sa/news/1");
  EXPECT_EQ(r.docs[0].title, kTitle);
  EXPECT_EQ(r.docs[0].published, "2024-03-05");
  EXPECT_EQ(r.docs[0].source, "okaz.com.sa");  // from the URL when the line names none
  EXPECT_EQ(r.docs[0].text, kShort);
  EXPECT_EQ(r.docs[0].extra_json, "{\"lang\":\"ar\",\"tags\":[\"صحة\"]}");
  EXPECT_EQ(r.docs[1].path, path + ":4");
  EXPECT_EQ(r.docs[1].source, "spa");
  EXPECT_EQ(r.docs[1].published, "2024-03-05");
  EXPECT_EQ(r.docs[1].text, kOtherBody);
  EXPECT_EQ(r.docs[1].extra_json, "{\"date\":\"soon\"}");  // not a date: kept, not lost
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0].path, path + ":3");
  EXPECT_EQ(r.problems[0].reason, "not valid JSON");
  EXPECT_EQ(r.problems[1].path, path + ":5");
  EXPECT_EQ(r.problems[1].reason, "no article text");
  EXPECT_EQ(r.problems[2].path, path + ":6");
  EXPECT_EQ(r.problems[2].reason, "not a JSON object");
}

TEST_F(Readers, JsonDatesInTheFormatsFeedsAndPagesWriteThem) {
  const std::vector<std::string> dates = {"Tue, 05 Mar 2024 10:00:00 GMT", "March 5, 2024",
                                          "5 Mar 2024", "20240305", "2024-03-05 10:00:00",
                                          "5/3/2024"};
  std::string feed;
  for (const std::string& date : dates) {
    feed += "{\"date\": \"" + date + "\", \"text\": \"" + kOtherBody + "\"}\n";
  }
  const Result r = Read(Write("feed.jsonl", feed));
  ASSERT_EQ(r.docs.size(), dates.size());
  for (size_t i = 0; i < dates.size(); ++i) {
    EXPECT_EQ(r.docs[i].published, "2024-03-05") << dates[i];
    EXPECT_EQ(r.docs[i].extra_json, "") << dates[i];
  }
}

TEST_F(Readers, JsonContentHoldingHtmlIsReadForItsText) {
  // A fragment, as feeds carry bodies ("first paragraph", "second, in bold"),
  // and a whole page, as scrapers store them.
  const std::string fragment =
      "<p>الفقرة الأولى &amp; تتمتها.</p><p>الفقرة <b>الثانية</b>.<br>سطر آخر.</p>"
      "<script>track()</script>";
  const std::string page = "<html><head><title>عنوان الصفحة</title></head><body><article><p>" +
                           kOtherBody + "</p></article></body></html>";
  // "5 < 7" is no tag.
  const std::string lines = "{\"title\": \"" + kTitle + "\", \"content\": \"" + fragment +
                            "\"}\n{\"content\": \"" + page +
                            "\"}\n{\"content\": \"العدد 5 <7 وليس أكثر\"}\n";
  const Result r = Read(Write("feed.jsonl", lines));
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.docs[0].text, "الفقرة الأولى & تتمتها.\n\nالفقرة الثانية.\n\nسطر آخر.");
  EXPECT_EQ(r.docs[0].title, kTitle);
  EXPECT_EQ(r.docs[1].text, kOtherBody);
  EXPECT_EQ(r.docs[1].title, "عنوان الصفحة");  // "the page's title"
  EXPECT_EQ(r.docs[2].text, "العدد 5 <7 وليس أكثر");
}

// SaudiNewsNet's layout: a pretty-printed array of objects.
std::string SaudiNewsNetJson() {
  const auto object = [](const std::string& url, const std::string& content) {
    std::string o = "    {\n";
    o += "        \"source\": \"aawsat\",\n";
    o += "        \"url\": \"" + url + "\",\n";
    o += "        \"date_extracted\": \"2015-07-21 02:51:32\",\n";
    o += "        \"title\": \"" + kTitle + "\",\n";
    o += "        \"author\": \"جدة: سارة أحمد\",\n";  // "Jeddah: Sara Ahmad"
    o += "        \"content\": \"" + content + "\"\n";
    return o + "    }";
  };
  // "first \"news\" here", with JSON escapes
  const std::string first = object("http://aawsat.com/home/article/1", "أول \\\"خبر\\\" هنا");
  return "[\n" + first + ",\n" + object("http://aawsat.com/home/article/2", kOtherBody) + "\n]\n";
}

TEST_F(Readers, JsonArrayWithSaudiNewsNetNames) {
  const std::string path = Write("2015-07-21.json", SaudiNewsNetJson());
  const Result r = Read(path);
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].path, path + ":2");
  EXPECT_EQ(r.docs[0].source, "aawsat");
  EXPECT_EQ(r.docs[0].url, "http://aawsat.com/home/article/1");
  EXPECT_EQ(r.docs[0].published, "2015-07-21");
  EXPECT_EQ(r.docs[0].title, kTitle);
  EXPECT_EQ(r.docs[0].text, "أول \"خبر\" هنا");
  EXPECT_EQ(r.docs[0].extra_json, "{\"author\":\"جدة: سارة أحمد\"}");
  EXPECT_EQ(r.docs[1].path, path + ":10");
  EXPECT_EQ(r.docs[1].text, kOtherBody);
}

TEST_F(Readers, TruncatedJsonArrayKeepsTheObjectsBeforeTheCut) {
  const std::string json = SaudiNewsNetJson();
  const std::string path = Write("cut.json", json.substr(0, json.rfind("\"content\"")));
  const Result r = Read(path);
  ASSERT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].path, path + ":10");
  EXPECT_EQ(r.problems[0].reason, "truncated JSON array");
}

TEST_F(Readers, SingleJsonObject) {
  const Result r = Read(Write(
      "one.json", "{\n  \"title\": \"" + kTitle + "\",\n  \"text\": \"" + kOtherBody + "\"\n}\n"));
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, kTitle);
}

// ---------------------------------------------------------------------------
// Zip.

TEST_F(Readers, ZipOfEveryTextFormat) {
  const std::string path =
      WriteZip("batch.zip", {{"2015-07-21.json", SaudiNewsNetJson()},
                             {"folder/", ""},
                             {"folder/a.txt", kTitle + "\n" + kBody},
                             {"folder/b.jsonl", "{\"text\": \"" + kOtherBody + "\"}\n"},
                             {"__MACOSX/folder/._a.txt", "\0\0"},
                             {"folder/picture.png", "\x89PNG"}});
  ReadOptions options;
  options.source = "batch";
  const Result r = Read(path, options);
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.docs.size(), 4u);
  EXPECT_EQ(r.docs[0].path, path + "!2015-07-21.json:2");
  EXPECT_EQ(r.docs[1].path, path + "!2015-07-21.json:10");
  EXPECT_EQ(r.docs[2].path, path + "!folder/a.txt");
  EXPECT_EQ(r.docs[2].title, kTitle);
  EXPECT_EQ(r.docs[3].path, path + "!folder/b.jsonl:1");
  for (const Document& d : r.docs) EXPECT_EQ(d.source, "batch");
}

TEST_F(Readers, CorruptOrTruncatedZip) {
  const std::string good = WriteZip("good.zip", {{"a.txt", kBody}, {"b.txt", kOtherBody}});
  const std::string bytes = ReadBytes(good);
  const std::string cut = Write("cut.zip", bytes.substr(0, bytes.size() / 2));
  const std::string junk = Write("junk.zip", "PK\x03\x04 this is not an archive at all");
  for (const std::string& path : {cut, junk}) {
    const Result r = Read(path);
    EXPECT_TRUE(r.docs.empty());
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].path, path);
    EXPECT_TRUE(Contains(r.problems[0].reason, "corrupt zip archive"));
  }
}

TEST_F(Readers, DamagedZipEntryCostsOnlyItself) {
  const std::string path =
      WriteZip("damaged.zip", {{"a.txt", kBody}, {"b.txt", kOtherBody}}, /*store=*/true);
  std::string bytes = ReadBytes(path);
  const size_t at = bytes.find(kBody);
  ASSERT_NE(at, std::string::npos);
  bytes[at + 5] ^= 0x01;
  Write("damaged.zip", bytes);
  const Result r = Read(path);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].path, path + "!b.txt");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].path, path + "!a.txt");
  EXPECT_TRUE(Contains(r.problems[0].reason, "corrupt zip entry"));
}

TEST_F(Readers, EmptyZipEntryIsReported) {
  const std::string path = WriteZip("e.zip", {{"empty.txt", ""}, {"b.txt", kOtherBody}});
  const Result r = Read(path);
  EXPECT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].path, path + "!empty.txt");
  EXPECT_EQ(r.problems[0].reason, "empty file");
}

// ---------------------------------------------------------------------------
// WARC.

TEST_F(Readers, WarcGzipReadsHtmlResponsesOnly) {
  const std::vector<std::string> records = CrawlRecords();
  std::string file;
  size_t article_offset = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    if (i == 2) article_offset = file.size();
    file += Gzip(records[i]);
  }
  const std::string path = Write("crawl.warc.gz", file);
  const Result r = Read(path);
  EXPECT_TRUE(r.problems.empty()) << r.problems[0].reason;
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.path, path + "#" + std::to_string(article_offset));
  EXPECT_EQ(d.url, "https://www.example.sa/news/1");
  EXPECT_EQ(d.source, "example.sa");
  EXPECT_EQ(d.published, "2024-03-05");  // the page has none: the crawl date
  EXPECT_EQ(d.title, kTitle);
  EXPECT_TRUE(Contains(d.text, "سيخدم أكثر من مئة ألف نسمة"));  // "will serve more than 100,000"
}

TEST_F(Readers, UncompressedWarcAndWholeFileGzip) {
  const std::string plain = Concat(CrawlRecords());
  const size_t offset = plain.find("WARC/1.0\r\nWARC-Type: response");
  const Result r = Read(Write("crawl.warc", plain));
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].path, dir_ + "/crawl.warc#" + std::to_string(offset));
  // One gzip member for the whole file: records are addressed inside it.
  const Result whole = Read(Write("whole.warc.gz", Gzip(plain)));
  ASSERT_EQ(whole.docs.size(), 1u);
  EXPECT_EQ(whole.docs[0].path, dir_ + "/whole.warc.gz#0+" + std::to_string(offset));
}

TEST_F(Readers, TruncatedGzipKeepsTheRecordsBefore) {
  std::vector<std::string> records = CrawlRecords();
  records.push_back(WarcRecord("response", "https://www.example.sa/news/2",
                               HttpResponse("200 OK", "Content-Type: text/html\r\n",
                                            Html(kTitle, kOtherBody + "\n\n" + kBody))));
  std::string file;
  for (const std::string& record : records) file += Gzip(record);
  const std::string path = Write("cut.warc.gz", file.substr(0, file.size() - 100));
  const Result r = Read(path);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].url, "https://www.example.sa/news/1");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].path, path);
  EXPECT_EQ(r.problems[0].reason, "truncated gzip stream");
}

TEST_F(Readers, TruncatedAndMalformedWarcRecords) {
  const std::string plain = Concat(CrawlRecords());
  const size_t last = plain.rfind("WARC/1.0");
  const std::string cut = Write("cut.warc", plain.substr(0, plain.size() - 30));
  Result r = Read(cut);
  EXPECT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].path, cut + "#" + std::to_string(last));
  EXPECT_EQ(r.problems[0].reason, "truncated WARC record");

  const std::string garbage = Write("garbage.warc", plain + "GET / HTTP/1.1\r\n\r\n");
  r = Read(garbage);
  EXPECT_EQ(r.docs.size(), 1u);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].reason, "not a WARC record");

  const std::string other = Write("other.warc", kBody);
  r = Read(other);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].reason, "not a WARC file");
}

TEST_F(Readers, WarcHonoursCharsetChunkingAndContentEncoding) {
  const std::string html = Encode(Html(kTitle, kBody), "windows-1256");
  const std::string gzipped = Gzip(html);
  // Two chunks, as a server streaming the page would send them.
  const size_t half = gzipped.size() / 2;
  std::ostringstream chunked;
  chunked << std::hex << half << "\r\n"
          << gzipped.substr(0, half) << "\r\n"
          << gzipped.size() - half << "\r\n"
          << gzipped.substr(half) << "\r\n0\r\n\r\n";
  const std::string response =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1256\r\n"
      "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n" +
      chunked.str();
  const Result r = Read(Write("enc.warc", WarcRecord("response", "<https://x.sa/a>", response)));
  EXPECT_TRUE(r.problems.empty()) << r.problems[0].reason;
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].url, "https://x.sa/a");
  EXPECT_EQ(r.docs[0].title, kTitle);
  EXPECT_TRUE(Contains(r.docs[0].text, "وزارة الصحة"));  // "the health ministry"
}

// ---------------------------------------------------------------------------
// HTML.

TEST_F(Readers, HtmlFileAndHtmlWithoutBody) {
  const std::string page = Write("page.html", Html(kTitle, kBody));
  Result r = Read(page);
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].path, page);
  EXPECT_EQ(r.docs[0].title, kTitle);
  EXPECT_TRUE(Contains(r.docs[0].text, "سيخدم أكثر من مئة ألف نسمة"));  // "will serve 100,000"

  const std::string empty =
      Write("empty.htm", "<html><head><title>" + kTitle + "</title></head></html>");
  r = Read(empty);
  EXPECT_TRUE(r.docs.empty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].path, empty);
  EXPECT_EQ(r.problems[0].reason, "no article text");
}

TEST_F(Readers, Windows1256HtmlDeclaredInMeta) {
  std::string html = Html(kTitle, kBody);
  html.replace(html.find("utf-8"), 5, "windows-1256");
  const Result r = Read(Write("page.htm", Encode(html, "windows-1256")));
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].title, kTitle);
}

// ---------------------------------------------------------------------------
// Hostile input.

TEST_F(Readers, DamagedBytesUnderEveryNameNeverCrash) {
  std::string crawl;
  for (const std::string& record : CrawlRecords()) crawl += Gzip(record);
  const std::string zip =
      ReadBytes(WriteZip("seed.zip", {{"a.json", SaudiNewsNetJson()}, {"b.warc.gz", crawl}}));
  const std::vector<std::pair<std::string, std::string>> seeds = {
      {"txt", kTitle + "\n2024-03-05\n" + kBody},
      {"html", Html(kTitle, kBody)},
      {"jsonl", "{\"title\": \"" + kTitle + "\", \"text\": \"" + kBody.substr(0, 30) + "\"}\n"},
      {"json", SaudiNewsNetJson()},
      {"zip", zip},
      {"warc", Concat(CrawlRecords())},
      {"warc.gz", crawl},
  };
  std::mt19937 rng(11);
  for (const auto& [extension, seed] : seeds) {
    for (int round = 0; round < 40; ++round) {
      std::string bytes = seed;
      if (round % 4 == 0) bytes.resize(rng() % bytes.size());  // cut short
      const int flips = round % 4 == 1 ? 0 : 1 + static_cast<int>(rng() % 8);
      for (int f = 0; f < flips && !bytes.empty(); ++f) {
        bytes[rng() % bytes.size()] = static_cast<char>(rng());
      }
      // Appended piece by piece: GCC 12 warns (-Wrestrict, a known false
      // positive) on the chained operator+ form.
      std::string name = "f";
      name += std::to_string(round);
      name += '.';
      name += extension;
      const std::string path = Write(name, bytes);
      const Result r = Read(path);
      for (const Document& d : r.docs) {
        uint32_t bad = 0;
        text::RepairUtf8(d.text, &bad);
        EXPECT_EQ(bad, 0u) << d.path;
        EXPECT_FALSE(d.text.empty()) << d.path;
      }
      for (const Problem& p : r.problems) {
        EXPECT_TRUE(p.path.starts_with(path)) << p.path;
        EXPECT_FALSE(p.reason.empty());
      }
    }
  }
}

}  // namespace
}  // namespace marsad::ingest
