#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "ner/ner.h"
#include "scratch_dir.h"

namespace marsad::ner {
namespace {

using marsad::testing::ScratchDir;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

ConllSentence Sentence(std::initializer_list<std::pair<const char*, const char*>> words) {
  ConllSentence s;
  for (const auto& [w, t] : words) {
    s.words.emplace_back(w);
    s.tags.emplace_back(t);
  }
  return s;
}

// Synthetic training sentences: fictional people, real places, invented
// organisations with their trigger words.
std::vector<ConllSentence> TinyCorpus() {
  std::vector<ConllSentence> out;
  for (int i = 0; i < 4; ++i) {
    // "Minister Samir Haddad said in Amman"
    out.push_back(Sentence({{"قال", "O"}, {"الوزير", "O"}, {"سمير", "B-PERS"}, {"حداد", "I-PERS"},
                            {"في", "O"}, {"عمان", "B-LOC"}, {".", "O"}}));
    // "the Green Valley Movement announced in Cairo"
    out.push_back(Sentence({{"أعلنت", "O"}, {"حركة", "B-ORG"}, {"الوادي", "I-ORG"},
                            {"الأخضر", "I-ORG"}, {"في", "O"}, {"القاهرة", "B-LOC"}, {".", "O"}}));
    // "Nadia Karam visited Baghdad for the Golden Palm Festival"
    out.push_back(Sentence({{"زارت", "O"}, {"نادية", "B-PERS"}, {"كرم", "I-PERS"},
                            {"بغداد", "B-LOC"}, {"لمهرجان", "O"}, {"النخلة", "B-MISC"},
                            {"الذهبية", "I-MISC"}, {".", "O"}}));
  }
  return out;
}

// Checks that `tagger` tags every sentence of TinyCorpus as it is tagged
// there (PERS written PER).
void ExpectTinyCorpusTags(const Tagger& tagger) {
  for (const ConllSentence& s : TinyCorpus()) {
    std::vector<std::string> expected;
    for (const std::string& t : s.tags) {
      expected.push_back(t.ends_with("PERS") ? t.substr(0, t.size() - 1) : t);
    }
    EXPECT_EQ(tagger.TagWords(s.words), expected);
  }
}

class ModelTest : public ::testing::Test {
 protected:
  // The suite's model is trained in a directory of the suite's own: ctest
  // runs each test in a process of its own, several at once, and every
  // ModelTest process trains it; a shared file was read half-written, and
  // the suite skipped.
  static void SetUpTestSuite() {
    scratch_ = new ScratchDir;
    path_ = new std::string(scratch_->path("marsad_ner_test.model"));
    TrainOptions options;
    options.epochs = 5;
    std::string error;
    ASSERT_TRUE(Train(TinyCorpus(), options, *path_, &error)) << error;
  }
  static void TearDownTestSuite() {
    delete path_;
    delete scratch_;
  }
  static ScratchDir* scratch_;
  static std::string* path_;

  // A copy of the model with `edit` applied to its bytes.
  static std::string Edited(const std::string& name, void (*edit)(std::string*)) {
    std::string bytes = Slurp(*path_);
    edit(&bytes);
    const std::string path = scratch_->path(name);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
};
ScratchDir* ModelTest::scratch_ = nullptr;
std::string* ModelTest::path_ = nullptr;

TEST_F(ModelTest, RoundTripTagsWhatItLearnt) {
  std::string error;
  auto tagger = Tagger::Load(*path_, &error);
  ASSERT_TRUE(tagger) << error;
  ExpectTinyCorpusTags(*tagger);
  EXPECT_EQ(tagger->info().format_version, 1);
  EXPECT_FALSE(tagger->info().features.empty());
}

TEST_F(ModelTest, TrainingIsDeterministic) {
  const std::string again = scratch_->path("marsad_ner_test_again.model");
  TrainOptions options;
  options.epochs = 5;
  std::string error;
  ASSERT_TRUE(Train(TinyCorpus(), options, again, &error)) << error;
  EXPECT_EQ(Slurp(again), Slurp(*path_));
}

TEST_F(ModelTest, MentionsOfAnalysedText) {
  std::string error;
  auto tagger = Tagger::Load(*path_, &error);
  ASSERT_TRUE(tagger) << error;
  const text::Analysis a = text::Analyze("قال الوزير سمير حداد في عمان.");
  const auto mentions = tagger->Tag(a);
  ASSERT_EQ(mentions.size(), 2u);
  const std::string_view norm = a.normalized.text;
  EXPECT_EQ(norm.substr(mentions[0].span.begin, mentions[0].span.size()), "سمير حداد");
  EXPECT_EQ(mentions[0].type, EntityType::kPerson);
  EXPECT_EQ(norm.substr(mentions[1].span.begin, mentions[1].span.size()), "عمان");
  EXPECT_EQ(mentions[1].type, EntityType::kLocation);
  for (const Mention& m : mentions) {
    EXPECT_GT(m.confidence, 0.0f);
    EXPECT_LE(m.confidence, 1.0f);
    EXPECT_LT(m.first_token, m.end_token);
  }
}

TEST_F(ModelTest, HostileTextDoesNotCrash) {
  std::string error;
  auto tagger = Tagger::Load(*path_, &error);
  ASSERT_TRUE(tagger) << error;
  for (const std::string& s : {std::string(), std::string("\xff\xfe\x00\x01", 4),
                               std::string(10000, 'x'), std::string("... ،،، ???"),
                               std::string("Only English text here.")}) {
    EXPECT_NO_FATAL_FAILURE(tagger->Tag(text::Analyze(s)));
  }
  EXPECT_TRUE(tagger->TagWords({}).empty());
  EXPECT_EQ(tagger->TagWords({"", "\xff"}), (std::vector<std::string>{"O", "O"}));
  // An empty word is O, inside quotation marks after a word that introduces
  // a title (برنامج, programme) too.
  EXPECT_EQ(tagger->TagWords({"برنامج", "«", "", "»"}), (std::vector<std::string>{"O", "O", "O", "O"}));
}

TEST_F(ModelTest, OtherVersionIsRefusedClearly) {
  const std::string path = Edited("marsad_ner_v2.model", [](std::string* b) {
    const size_t at = b->find("\"format_version\":1");
    ASSERT_NE(at, std::string::npos);
    (*b)[at + 17] = '2';
  });
  std::string error;
  EXPECT_FALSE(Tagger::Load(path, &error));
  EXPECT_NE(error.find("version 2"), std::string::npos) << error;
  EXPECT_NE(error.find("marsad train ner"), std::string::npos) << error;
  EXPECT_NE(error.find(path), std::string::npos) << error;
}

TEST_F(ModelTest, CorruptFilesAreRefusedClearly) {
  std::string error;
  const std::string flipped = Edited("marsad_ner_flip.model", [](std::string* b) {
    (*b)[b->size() - 100] ^= 0x55;
  });
  EXPECT_FALSE(Tagger::Load(flipped, &error));
  EXPECT_NE(error.find("corrupt"), std::string::npos) << error;

  const std::string truncated = Edited("marsad_ner_cut.model", [](std::string* b) {
    b->resize(b->size() / 2);
  });
  EXPECT_FALSE(Tagger::Load(truncated, &error));
  EXPECT_NE(error.find("corrupt"), std::string::npos) << error;

  const std::string header_only = Edited("marsad_ner_header.model", [](std::string* b) {
    b->resize(b->find('\n') + 5);
  });
  EXPECT_FALSE(Tagger::Load(header_only, &error));

  const std::string other = Edited("marsad_ner_other.model", [](std::string* b) {
    *b = "PK\x03\x04 this is some other file";
  });
  EXPECT_FALSE(Tagger::Load(other, &error));
  EXPECT_NE(error.find("not a marsad NER model"), std::string::npos) << error;

  // A header claiming more data than its compressed bytes can hold is
  // refused before anything that size is allocated.
  const std::string inflated = Edited("marsad_ner_inflated.model", [](std::string* b) {
    const size_t at = b->find("\"payload_bytes\":");
    ASSERT_NE(at, std::string::npos);
    const size_t end = b->find_first_of(",}", at);
    b->replace(at, end - at, "\"payload_bytes\":2000000000");
  });
  EXPECT_FALSE(Tagger::Load(inflated, &error));
  EXPECT_NE(error.find("corrupt or truncated model data"), std::string::npos) << error;

  EXPECT_FALSE(Tagger::Load(scratch_->path("marsad_no_such.model"), &error));
  EXPECT_NE(error.find("cannot open"), std::string::npos) << error;
}

TEST(TrainTest, AnotherDomainDoesNotSpoilTheFirst) {
  // The tiny corpus, then forty times as many sentences of another domain
  // (a second training file) that tags its people as organisations. Domain
  // copies of features let the second file differ; the tagger, for the
  // first file's domain, must still tag as the first file does.
  std::vector<ConllSentence> train = TinyCorpus();
  const size_t first = train.size();
  for (int copy = 0; copy < 40; ++copy) {
    for (size_t i = 0; i < first; ++i) {
      ConllSentence s = train[i];
      for (std::string& t : s.tags) {
        if (t.ends_with("PERS")) t = t.substr(0, 2) + "ORG";
      }
      s.domain = 1;
      train.push_back(std::move(s));
    }
  }
  TrainOptions options;
  options.epochs = 5;
  const ScratchDir scratch;
  const std::string path = scratch.path("marsad_two_domains.model");
  std::string error;
  ASSERT_TRUE(Train(train, options, path, &error)) << error;
  auto tagger = Tagger::Load(path, &error);
  ASSERT_TRUE(tagger) << error;
  ExpectTinyCorpusTags(*tagger);
}

TEST(TrainTest, ASingleSentenceIsEnough) {
  // All in one jackknife fold: the second pass reads them with no first
  // pass learnt without them, and must not read past its tables.
  TrainOptions options;
  options.epochs = 2;
  const ScratchDir scratch;
  const std::string path = scratch.path("marsad_one_sentence.model");
  std::string error;
  ASSERT_TRUE(Train({TinyCorpus().front()}, options, path, &error)) << error;
  auto tagger = Tagger::Load(path, &error);
  ASSERT_TRUE(tagger) << error;
  EXPECT_EQ(tagger->TagWords(TinyCorpus().front().words).size(), TinyCorpus().front().words.size());
}

TEST(TrainTest, BadOptionsAreErrors) {
  TrainOptions options;
  options.features = {"word", "telepathy"};
  const ScratchDir scratch;
  std::string error;
  EXPECT_FALSE(Train(TinyCorpus(), options, scratch.path("marsad_bad.model"), &error));
  EXPECT_NE(error.find("telepathy"), std::string::npos);
  options.features.clear();
  options.clusters_path = scratch.path("marsad_no_such_clusters.gz");
  EXPECT_FALSE(Train(TinyCorpus(), options, scratch.path("marsad_bad.model"), &error));
  EXPECT_FALSE(Train({}, TrainOptions{}, scratch.path("marsad_bad.model"), &error));
}

}  // namespace
}  // namespace marsad::ner
