#include <fstream>

#include <gtest/gtest.h>

#include "ner/ner.h"
#include "scratch_dir.h"

namespace marsad::ner {
namespace {

using marsad::testing::ScratchDir;

// Writes `content` to the file `name` in `scratch`; returns its path.
std::string WriteFile(const ScratchDir& scratch, const std::string& name,
                      const std::string& content) {
  const std::string path = scratch.path(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

// Synthetic words: a visitor (Ahmad Salem), a city (Tripoli), a delegation
// of a ministry (the Ministry of Health).
constexpr const char* kIob2 =
    "زار O\n"
    "أحمد B-PERS\n"
    "سالم I-PERS\n"
    "مدينة O\n"
    "طرابلس B-LOC\n"
    "مع O\n"
    "وزارة B-ORG\n"
    "الصحة I-ORG\n"
    "\n"
    "وصل\tO\n"
    "كريم\tB-PER\n"
    "\r\n"
    "\n";

TEST(ConllTest, ReadsSpaceAndTabSeparatedSentences) {
  const ScratchDir scratch;
  std::vector<ConllSentence> sentences;
  std::string error;
  ASSERT_TRUE(ReadConll(WriteFile(scratch, "marsad_ner_iob2.conll", kIob2), &sentences, &error))
      << error;
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0].words.size(), 8u);
  EXPECT_EQ(sentences[0].words[1], "أحمد");
  EXPECT_EQ(sentences[0].tags[2], "I-PERS");
  EXPECT_EQ(sentences[1].tags[1], "B-PER");
}

TEST(ConllTest, RejectsUnknownTagsAndMissingTags) {
  const ScratchDir scratch;
  std::vector<ConllSentence> sentences;
  std::string error;
  EXPECT_FALSE(ReadConll(WriteFile(scratch, "marsad_ner_bad1.conll", "زار O\nأحمد B-PERSON\n"),
                         &sentences, &error));
  EXPECT_NE(error.find("line 2"), std::string::npos) << error;
  EXPECT_FALSE(ReadConll(WriteFile(scratch, "marsad_ner_bad2.conll", "زار\n"), &sentences, &error));
  EXPECT_NE(error.find("line 1"), std::string::npos) << error;
  EXPECT_FALSE(ReadConll("/nonexistent/file.conll", &sentences, &error));
}

TEST(ConllTest, WikiannPrefixIsRemoved) {
  const ScratchDir scratch;
  std::vector<ConllSentence> sentences;
  std::string error;
  ASSERT_TRUE(ReadConll(WriteFile(scratch, "marsad_ner_wikiann.tsv", "ar:سالم\tB-PER\nar:ar:\tO\n"),
                        &sentences, &error));
  EXPECT_EQ(sentences[0].words[0], "سالم");
  EXPECT_EQ(sentences[0].words[1], "ar:");
}

TEST(ScoreTest, Iob2KnownCounts) {
  const ScratchDir scratch;
  std::vector<ConllSentence> gold;
  std::string error;
  ASSERT_TRUE(ReadConll(WriteFile(scratch, "marsad_ner_iob2b.conll", kIob2), &gold, &error));
  Evaluation e;
  // The person and the place right, the organisation cut short; an extra
  // place in the second sentence and the person missed.
  Score(gold[0].tags, {"O", "B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "O"}, &e);
  Score(gold[1].tags, {"B-LOC", "O"}, &e);
  EXPECT_EQ(e.sentences, 2u);
  EXPECT_EQ(e.tokens, 10u);
  EXPECT_EQ(e.overall.gold, 4u);
  EXPECT_EQ(e.overall.predicted, 4u);
  EXPECT_EQ(e.overall.correct, 2u);
  EXPECT_DOUBLE_EQ(e.overall.precision(), 50);
  EXPECT_DOUBLE_EQ(e.overall.recall(), 50);
  EXPECT_DOUBLE_EQ(e.overall.f1(), 50);
  const Counts& per = e.by_type[static_cast<int>(EntityType::kPerson)];
  EXPECT_EQ(per.gold, 2u);
  EXPECT_EQ(per.predicted, 1u);
  EXPECT_EQ(per.correct, 1u);
  EXPECT_DOUBLE_EQ(per.precision(), 100);
  EXPECT_DOUBLE_EQ(per.recall(), 50);
  EXPECT_NEAR(per.f1(), 66.6667, 1e-3);
  const Counts& loc = e.by_type[static_cast<int>(EntityType::kLocation)];
  EXPECT_EQ(loc.gold, 1u);
  EXPECT_EQ(loc.predicted, 2u);
  EXPECT_EQ(loc.correct, 1u);
  const Counts& org = e.by_type[static_cast<int>(EntityType::kOrganization)];
  EXPECT_EQ(org.correct, 0u);
  EXPECT_DOUBLE_EQ(org.f1(), 0);
  EXPECT_EQ(e.by_type[static_cast<int>(EntityType::kMisc)].gold, 0u);
}

TEST(ScoreTest, Iob1RunsAndBoundaries) {
  // IOB1: two adjacent persons split by B-, a place begun by I-.
  const std::vector<std::string> gold = {"I-PERS", "I-PERS", "B-PERS", "O", "I-LOC", "I-MISC"};
  Evaluation same;
  Score(gold, {"B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-MISC"}, &same);
  EXPECT_EQ(same.overall.gold, 4u);
  EXPECT_EQ(same.overall.correct, 4u);
  EXPECT_DOUBLE_EQ(same.overall.f1(), 100);

  Evaluation merged;  // the two persons read as one, the place missed
  Score(gold, {"B-PER", "I-PER", "I-PER", "O", "O", "B-MISC"}, &merged);
  EXPECT_EQ(merged.overall.predicted, 2u);
  EXPECT_EQ(merged.overall.correct, 1u);
  EXPECT_DOUBLE_EQ(merged.overall.precision(), 50);
  EXPECT_DOUBLE_EQ(merged.overall.recall(), 25);
}

TEST(ScoreTest, TypeChangeInsideRunEndsTheMention) {
  Evaluation e;
  Score({"B-ORG", "I-ORG", "I-LOC"}, {"B-ORG", "I-ORG", "B-LOC"}, &e);
  EXPECT_EQ(e.overall.gold, 2u);
  EXPECT_EQ(e.overall.correct, 2u);
}

}  // namespace
}  // namespace marsad::ner
