// marsad train clusters: the file it writes, and what LoadClusters reads back.
#include <zlib.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ner/internal.h"
#include "ner/ner.h"
#include "scratch_dir.h"

namespace marsad::ner {
namespace {

using marsad::testing::ScratchDir;

// Synthetic news sentences from a small vocabulary, in a fixed pseudo-random
// order: enough distinct stems for a few clusters.
std::vector<std::string> Articles() {
  const std::vector<std::string> words = {
      "قال",      // said
      "الرئيس",   // the president
      "وزير",     // minister
      "الخارجية",  // foreign affairs
      "مدينة",    // city
      "حلب",      // Aleppo
      "دمشق",     // Damascus
      "بغداد",    // Baghdad
      "شركة",     // company
      "النفط",    // oil
      "اليوم",    // today
      "أمس",      // yesterday
      "اجتماع",   // meeting
      "مع",       // with
      "في",       // in
      "على",      // on
      "حق",       // a right (twice: the commonest spelling, so the stem)
      "حق",
      "الحق",     // the right
      "بالحق",    // with the right
      "الشعب",    // the people
      "الحكومة",  // the government
      "مجلس",     // council
      "الأمن",    // security
      "محمد",     // Muhammad
  };
  std::vector<std::string> articles;
  uint32_t state = 7;
  for (int a = 0; a < 60; ++a) {
    std::string text;
    for (int w = 0; w < 80; ++w) {
      state = state * 1103515245u + 12345u;
      text += words[(state >> 16) % words.size()];
      text += w % 12 == 11 ? ". " : " ";
    }
    articles.push_back(text);
  }
  return articles;
}

std::string ReadGzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  std::string out;
  char buffer[4096];
  int got = 0;
  while (f && (got = gzread(f, buffer, sizeof buffer)) > 0) out.append(buffer, got);
  if (f) gzclose(f);
  return out;
}

// Stem → its line's fields after the stem.
std::map<std::string, std::vector<std::string>> Lines(const std::string& file) {
  std::map<std::string, std::vector<std::string>> lines;
  std::istringstream in(file);
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string stem, field;
    fields >> stem;
    while (fields >> field) lines[stem].push_back(field);
  }
  return lines;
}

ClusterOptions SmallOptions() {
  ClusterOptions options;
  options.dimensions = 8;
  options.clusters = 4;
  options.epochs = 1;
  return options;
}

TEST(TrainClusters, WritesOneLinePerStemAndTheSameBytesEachTime) {
  ScratchDir scratch;
  std::string error;
  ASSERT_TRUE(TrainClusters(Articles(), SmallOptions(), scratch.path("a.gz"), &error)) << error;
  ASSERT_TRUE(TrainClusters(Articles(), SmallOptions(), scratch.path("b.gz"), &error)) << error;
  const std::string file = ReadGzip(scratch.path("a.gz"));
  EXPECT_EQ(file, ReadGzip(scratch.path("b.gz")));
  EXPECT_TRUE(file.starts_with("# marsad-clusters 1 "));
  const auto lines = Lines(file);
  EXPECT_EQ(static_cast<size_t>(std::count(file.begin(), file.end(), '\n')), lines.size() + 1);
  ASSERT_TRUE(lines.count("دمشق"));  // Damascus
  const std::vector<std::string>& damascus = lines.at("دمشق");
  ASSERT_EQ(damascus.size(), 5u);  // count, article, fine, middle, coarse
  EXPECT_GT(std::stoi(damascus[0]), 50);
  EXPECT_GE(std::stoi(damascus[2]), 1);
  EXPECT_LE(std::stoi(damascus[2]), 4);
  // Four clusters have one middle and one coarse cluster (a quarter and a
  // sixteenth, one at least).
  EXPECT_EQ(damascus[3], "1");
  EXPECT_EQ(damascus[4], "1");

  internal::Lexicon lexicon;
  ASSERT_TRUE(internal::LoadClusters(scratch.path("a.gz"), &lexicon, &error)) << error;
  const internal::CorpusStats* stats = lexicon.Stats(text::MatchKey("دمشق"));
  ASSERT_NE(stats, nullptr);
  EXPECT_EQ(stats->count, static_cast<uint32_t>(std::stoi(damascus[0])));
  EXPECT_EQ(stats->cluster[0], std::stoi(damascus[2]));
}

// The vectors are learnt over stems of two letters at least (the tagger's
// have three): الحق and بالحق are counted as حق, with the article.
TEST(TrainClusters, CountsTwoLetterStemsWithTheirClitics) {
  ScratchDir scratch;
  std::string error;
  ASSERT_TRUE(TrainClusters(Articles(), SmallOptions(), scratch.path("c.gz"), &error)) << error;
  const auto lines = Lines(ReadGzip(scratch.path("c.gz")));
  EXPECT_FALSE(lines.count(text::MatchKey("الحق")));
  EXPECT_FALSE(lines.count(text::MatchKey("بالحق")));
  ASSERT_TRUE(lines.count(text::MatchKey("حق")));
  const std::vector<std::string>& right = lines.at(text::MatchKey("حق"));
  // Four in 25 words are one of the three spellings, against one in 25
  // for دمشق; about half have the article (share in fifths + 1).
  EXPECT_GT(std::stoi(right[0]), 3 * std::stoi(lines.at(text::MatchKey("دمشق"))[0]));
  EXPECT_GE(std::stoi(right[1]), 3);
}

TEST(TrainClusters, RefusesTooLittleText) {
  ScratchDir scratch;
  std::string error;
  // The president said today.
  EXPECT_FALSE(TrainClusters({"قال الرئيس اليوم"}, SmallOptions(), scratch.path("d.gz"), &error));
  EXPECT_NE(error.find("too little text"), std::string::npos) << error;
}

TEST(TrainClusters, RefusesOptionsItCannotUse) {
  ScratchDir scratch;
  for (const auto& change : {+[](ClusterOptions* o) { o->clusters = 0; },
                             +[](ClusterOptions* o) { o->clusters = 65531; },
                             +[](ClusterOptions* o) { o->dimensions = 0; },
                             +[](ClusterOptions* o) { o->epochs = 0; },
                             +[](ClusterOptions* o) { o->window = 0; }}) {
    ClusterOptions options = SmallOptions();
    change(&options);
    std::string error;
    EXPECT_FALSE(TrainClusters(Articles(), options, scratch.path("e.gz"), &error));
    EXPECT_NE(error.find("clusters must be"), std::string::npos) << error;
  }
}

TEST(LoadClusters, NamesTheFileAndLineOfAMalformedEntry) {
  ScratchDir scratch;
  const std::string path = scratch.path("bad.gz");
  gzFile f = gzopen(path.c_str(), "wb");
  // حلب (Aleppo) lacks its coarse cluster.
  const std::string text = "# marsad-clusters 1 stem count article fine mid coarse\nحلب 12 1 3 2\n";
  gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
  gzclose(f);
  internal::Lexicon lexicon;
  std::string error;
  EXPECT_FALSE(internal::LoadClusters(path, &lexicon, &error));
  EXPECT_NE(error.find("line 2"), std::string::npos) << error;
}

}  // namespace
}  // namespace marsad::ner
