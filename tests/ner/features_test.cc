#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "ner/internal.h"

namespace marsad::ner::internal {
namespace {

// A lexicon with corpus counts for a few stems, as a clusters file gives.
Lexicon SmallLexicon() {
  Lexicon lex;
  const std::pair<const char*, uint32_t> counts[] = {
      {"بيروت", 500},   // Beirut
      {"وبيروت", 3},    // and Beirut (as one word)
      {"وليد", 80},     // Walid (a name starting with و)
      {"ليد", 1},       // a fragment
      {"الرئيس", 900},  // the president
      {"رئيس", 700},    // president
      {"وزارة", 300},   // ministry
  };
  for (const auto& [word, n] : counts) {
    CorpusStats s;
    s.count = n;
    s.cluster = {7, 3, 1};
    lex.AddCorpus(text::MatchKey(word), s);
  }
  lex.AddEntry("الولايات المتحدة", 0, kGazCountry);  // the United States
  lex.AddEntry("وزارة", kOrgTrigger, 0);            // ministry
  return lex;
}

// Gives `word` a corpus count (no cluster), as the corpus file would: stems
// are chosen by such counts.
void AddCount(Lexicon* lex, const char* word, uint32_t count) {
  CorpusStats s;
  s.count = count;
  lex->AddCorpus(text::MatchKey(word), s);
}

TEST(LexiconTest, StemStripsCliticsOnlyWhereTheCorpusSaysSo) {
  const Lexicon lex = SmallLexicon();
  EXPECT_EQ(lex.StemOf(text::MatchKey("وبيروت")), text::MatchKey("بيروت"));   // and Beirut
  EXPECT_EQ(lex.StemOf(text::MatchKey("لبيروت")), text::MatchKey("بيروت"));   // to Beirut
  EXPECT_EQ(lex.StemOf(text::MatchKey("وليد")), text::MatchKey("وليد"));      // Walid stays whole
  EXPECT_EQ(lex.StemOf(text::MatchKey("والرئيس")), text::MatchKey("الرئيس"));  // and the president
  EXPECT_EQ(lex.StemOf(text::MatchKey("للرئيس")), text::MatchKey("الرئيس"));  // for the president
}

TEST(LexiconTest, WithoutCorpusOnlyTheArticleIsStripped) {
  Lexicon lex;
  EXPECT_EQ(lex.StemOf(text::MatchKey("والمدينة")), text::MatchKey("مدينة"));  // and the city
  EXPECT_EQ(lex.StemOf(text::MatchKey("بلال")), text::MatchKey("بلال"));       // Bilal
  EXPECT_EQ(lex.StemOf(text::MatchKey("وليد")), text::MatchKey("وليد"));       // Walid
}

std::vector<WordInfo> Prepare(const Features& f, const std::vector<std::string>& words) {
  const std::vector<std::string_view> views(words.begin(), words.end());
  std::vector<WordInfo> info;
  f.Prepare(views, &info);
  return info;
}

TEST(LexiconTest, CuratedCitiesAsWrittenAndAfterClitics) {
  // Mosul with and, with in; Fez and Oran, which begin with the letters of
  // "and"; a word no list has.
  for (const char* city : {"الموصل", "والموصل", "بالموصل", "وبالموصل", "فاس", "وهران", "ووهران"}) {
    EXPECT_TRUE(IsCuratedCity(text::MatchKey(city))) << city;
  }
  EXPECT_FALSE(IsCuratedCity(text::MatchKey("ترك")));
  EXPECT_FALSE(IsCuratedCity(text::MatchKey("اس")));
}

TEST(FeaturesTest, GazetteerPhrasesMarkBeginAndInsideThroughClitics) {
  const Lexicon lex = SmallLexicon();
  const Features f(~0u, &lex);
  // "visited the United States" with the preposition ب (in) glued on.
  const auto info = Prepare(f, {"زار", "بالولايات", "المتحدة", "أمس"});
  EXPECT_EQ(info[0].gaz_begin | info[0].gaz_inside, 0);
  EXPECT_EQ(info[1].gaz_begin, kGazCountry);
  EXPECT_EQ(info[2].gaz_inside, kGazCountry);
  EXPECT_EQ(info[3].gaz_begin | info[3].gaz_inside, 0);
}

TEST(FeaturesTest, WordsAfterAPrepositionAreMarked) {
  const Lexicon lex = SmallLexicon();
  const Features f(~0u, &lex);
  // "in Kabul", "and in Kabul", "to Kabul", "with Kabul", "on Kabul".
  for (const char* preposition : {"في", "وفي", "إلى", "الى", "مع", "على", "وعلى"}) {
    EXPECT_TRUE(Prepare(f, {preposition, "كابل"})[1].after_preposition) << preposition;
  }
  // San only begins names (San Francisco): "on the tongue of" reads لسان as
  // ل + سان to the corpus counts.
  Lexicon with_san = SmallLexicon();
  AddCount(&with_san, "سان", 500);
  with_san.AddEntry("سان فرانسيسكو", 0, kGazCity);
  const auto tongue = Prepare(Features(~0u, &with_san), {"على", "لسان"});
  EXPECT_TRUE(tongue[1].after_preposition);
  EXPECT_TRUE(tongue[1].begins_names_only);
  EXPECT_FALSE(Prepare(Features(~0u, &with_san), {"في", "بيروت"})[1].begins_names_only);
  // Not after a verb ("visited"), علي (Ali: على only as written with ى), من
  // (also who: من بكابل, who is in Kabul) or بالي (Bali, not ب + إلى).
  for (const char* word : {"زار", "علي", "من", "بالي"}) {
    EXPECT_FALSE(Prepare(f, {word, "كابل"})[1].after_preposition) << word;
  }
}

TEST(FeaturesTest, LettersTheKeyFoldsAwayAreKeptAsWritten) {
  const Lexicon lex = SmallLexicon();
  const Features f(~0u, &lex);
  // that (hamza above), Ban; asked (hamza on waw), Ahmad written with a
  // bare alef; mercy (ta marbuta), on (alef maqsura), Ali; a lower-case
  // and a capitalised Latin word; a lone hamza (شيء, thing), hamza on ya,
  // hamza below (إن, indeed); alef with madda (آخر, other), no hamza letter.
  const auto info = Prepare(f, {"بأن", "بان", "سؤال", "احمد", "رحمة", "على", "علي", "via", "Via",
                                "شيء", "رئيس", "إن", "آخر"});
  const std::vector<bool> hamza = {true, false, true, false, false, false, false, false, false,
                                   true, true, true, false};
  for (size_t i = 0; i < info.size(); ++i) EXPECT_EQ(info[i].written_hamza, hamza[i]) << i;
  EXPECT_TRUE(info[4].written_ta_marbuta);
  EXPECT_FALSE(info[3].written_ta_marbuta);
  EXPECT_TRUE(info[5].written_alef_maqsura);
  EXPECT_FALSE(info[6].written_alef_maqsura);
  EXPECT_TRUE(info[7].written_lower_latin);
  EXPECT_FALSE(info[8].written_lower_latin);
  // Keys fold the letters away: the two spellings share a key.
  EXPECT_EQ(info[0].key, info[1].key);
  EXPECT_EQ(info[5].key, info[6].key);
}

TEST(FeaturesTest, TriggerClassesAndClitics) {
  const Lexicon lex = SmallLexicon();
  const Features f(~0u, &lex);
  const auto info = Prepare(f, {"ووزارة", "الخارجية"});  // and the Ministry of Foreign Affairs
  EXPECT_EQ(info[0].classes & kOrgTrigger, kOrgTrigger);
  EXPECT_EQ(info[1].classes, 0u);
}

// Which labels BoostAfterHeads raised on each word of a sentence, as "B"/"I"
// of a type or "-" for none.
std::vector<std::string> Boosted(const Features& f, const std::vector<std::string>& words) {
  const auto info = Prepare(f, words);
  std::vector<float> scores(info.size() * kLabels, 0);
  BoostAfterHeads(info, &scores);
  std::vector<std::string> out;
  for (size_t i = 0; i < info.size(); ++i) {
    std::string raised;
    for (int l = 1; l < kLabels; ++l) {
      if (scores[i * kLabels + l] > 0) raised += std::string(raised.empty() ? "" : "+") + LabelName(l);
    }
    out.push_back(raised.empty() ? "-" : raised);
  }
  return out;
}

TEST(FeaturesTest, HeadWordRule) {
  Lexicon lex = SmallLexicon();
  for (const char* head : {"صحيفة", "مخيم", "قناة"}) AddCount(&lex, head, 400);  // newspaper, camp, channel
  lex.AddEntry("قالت", kSpeechVerb, 0);  // she said
  lex.AddEntry("صحيفة", kOrgTrigger, 0);  // newspaper
  lex.AddEntry("قناة", kOrgTrigger, 0);   // channel
  lex.AddEntry("مخيم", kLocTrigger, 0);   // camp
  const Features f(~0u, &lex);
  using V = std::vector<std::string>;
  // "The Northern Winds newspaper published": newspaper (construct state), then
  // a name of two words.
  EXPECT_EQ(Boosted(f, {"نشرت", "صحيفة", "رياح", "الشمال", "تقريرا"}),
            (V{"-", "-", "B-ORG+I-ORG", "I-ORG", "-"}));
  // "and in the Ein al-Zaytoun camp": a place; the clitics of the head word
  // do not matter.
  EXPECT_EQ(Boosted(f, {"وبمخيم", "عين", "الزيتون"}), (V{"-", "B-LOC+I-LOC", "I-LOC"}));
  // "The British paper Times": a relative adjective after the name is not
  // its second word.
  EXPECT_EQ(Boosted(f, {"صحيفة", "تايمز", "البريطانية"}), (V{"-", "B-ORG+I-ORG", "-"}));
  // "A Chinese newspaper published": an indefinite adjective is no name.
  EXPECT_EQ(Boosted(f, {"نشرت", "صحيفة", "صينية", "تقريرا"}), (V{"-", "-", "-", "-"}));
  // "The newspaper published a report": with the article the head word
  // refers back, and no name follows.
  EXPECT_EQ(Boosted(f, {"نشرت", "الصحيفة", "تقريرا", "مطولا"}), (V{"-", "-", "-", "-"}));
  // "the channel said": no name is a verb of saying; a head word at the end
  // or before punctuation raises nothing.
  EXPECT_EQ(Boosted(f, {"قناة", "قالت", "،", "قناة"}), (V{"-", "-", "-", "-"}));
  // Ministry (وزارة) is a trigger word whose names include it: not a head
  // word of this rule.
  EXPECT_EQ(Boosted(f, {"وزارة", "الخارجية"}), (V{"-", "-"}));
}

TEST(FeaturesTest, VerbsAndPrepositionsEndNames) {
  Lexicon lex = SmallLexicon();
  lex.AddEntry("قال", kSpeechVerb, 0);  // he said
  AddCount(&lex, "ظهر", 400);  // appeared
  const Features f(~0u, &lex);
  const auto info = Prepare(f, {"نزار", "حمادة", "يرى", "قال", "للضفاف", "الضفاف", "وظهر"});
  std::vector<float> scores(info.size() * kLabels, 0);
  CutAtNonNameWords(info, &scores);
  auto lowered = [&](size_t i, int label) { return scores[i * kLabels + label] < 0; };
  const int per = BeginOf(EntityType::kPerson), org = BeginOf(EntityType::kOrganization);
  // "Nizar Hamada sees": the name's words are untouched.
  EXPECT_FALSE(lowered(0, per) || lowered(1, per + 1));
  // "sees" (a reporting verb) and "said" (a verb of saying) take no name label.
  for (size_t verb : {2u, 3u}) {
    for (int l = 1; l < kLabels; ++l) EXPECT_TRUE(lowered(verb, l)) << verb << " " << LabelName(l);
  }
  // "for al-Difaf" is in no person's name, but may be in an organisation's
  // (مركز دجلة للدراسات, the Dijla Centre for Studies); "al-Difaf" may be in any.
  EXPECT_TRUE(lowered(4, per) && lowered(4, per + 1));
  EXPECT_FALSE(lowered(4, org) || lowered(4, org + 1));
  for (int l = 1; l < kLabels; ++l) EXPECT_FALSE(lowered(5, l));
  // "and appeared": a verb of news about people, found by its stem.
  for (int l = 1; l < kLabels; ++l) EXPECT_TRUE(lowered(6, l)) << LabelName(l);
}

TEST(FeaturesTest, NoNameStartsWithAFunctionWord) {
  const Lexicon lex = SmallLexicon();
  const Features f(~0u, &lex);
  // "will not", "what (is) beyond": no name starts on them, but a name may
  // go on through one (كتيبة ما وراء النهر, the Transoxiana battalion).
  const auto info = Prepare(f, {"لن", "ما", "بيروت"});
  std::vector<float> scores(info.size() * kLabels, 0);
  CutAtNonNameWords(info, &scores);
  for (size_t i : {0u, 1u}) {
    for (int t = 0; t < kEntityTypes; ++t) {
      EXPECT_LT(scores[i * kLabels + BeginOf(static_cast<EntityType>(t))], 0) << i;
      EXPECT_EQ(scores[i * kLabels + BeginOf(static_cast<EntityType>(t)) + 1], 0) << i;
    }
  }
  for (int l = 1; l < kLabels; ++l) EXPECT_EQ(scores[2 * kLabels + l], 0);
}

TEST(FeaturesTest, CitiesDoNotContinueAPersonsName) {
  Lexicon lex = SmallLexicon();
  lex.AddEntry("موسكو", 0, kGazCity);   // Moscow
  lex.AddEntry("سالم", kGivenName, kGazPerson | kGazCity);  // Salem: a given name, and a town
  const Features f(~0u, &lex);
  // "Rahimov left Moscow": Moscow may start a place, not go on with Rahimov.
  const auto info = Prepare(f, {"غادر", "رحيموف", "موسكو", "سالم"});
  std::vector<float> scores(info.size() * kLabels, 0);
  CutAtNonNameWords(info, &scores);
  const int per = BeginOf(EntityType::kPerson), loc = BeginOf(EntityType::kLocation);
  EXPECT_LT(scores[2 * kLabels + per + 1], 0);
  EXPECT_EQ(scores[2 * kLabels + loc], 0);
  // A given name that is also a town still continues a name.
  EXPECT_EQ(scores[3 * kLabels + per + 1], 0);
}

// Labels of a document (sentences of tags) after HarmonizeDocument, with
// `posterior` as the marginal of every decoded label.
std::vector<std::vector<std::string>> Harmonized(const Features& f,
                                                 const std::vector<std::vector<std::string>>& words,
                                                 const std::vector<std::vector<std::string>>& tags,
                                                 const std::vector<float>& posterior) {
  std::vector<std::vector<WordInfo>> info;
  std::vector<const std::vector<WordInfo>*> doc;
  std::vector<std::vector<uint8_t>> labels;
  std::vector<std::vector<float>> marginals;
  for (size_t s = 0; s < words.size(); ++s) info.push_back(Prepare(f, words[s]));
  for (size_t s = 0; s < words.size(); ++s) {
    doc.push_back(&info[s]);
    labels.push_back(ToLabels(tags[s]));
    marginals.emplace_back(words[s].size() * kLabels, 0.0f);
    for (size_t i = 0; i < words[s].size(); ++i) marginals[s][i * kLabels + labels[s][i]] = posterior[s];
  }
  HarmonizeDocument(doc, marginals, &labels);
  std::vector<std::vector<std::string>> out(labels.size());
  for (size_t s = 0; s < labels.size(); ++s) {
    for (uint8_t l : labels[s]) out[s].emplace_back(LabelName(l));
  }
  return out;
}

TEST(FeaturesTest, ACurrencyAfterAnAmountKeepsItsTypeAgainstTheVote) {
  Lexicon lex = SmallLexicon();
  lex.AddEntry("ريال", kCurrency, 0);  // riyal; also Real (Madrid)
  const Features f(~0u, &lex);
  using V = std::vector<std::vector<std::string>>;
  // "It reached (40000) riyals", "Real won": the currency stays MISC though
  // the document's surer vote for the same word is an organisation; the
  // club stays one. After a comma, the word is no amount's.
  EXPECT_EQ(Harmonized(f, {{"بلغت", "(", "40000", ")", "ريال"}, {"فاز", "ريال"}},
                       {{"O", "O", "O", "O", "B-ORG"}, {"O", "B-ORG"}}, {0.1f, 0.9f}),
            (V{{"O", "O", "O", "O", "B-MISC"}, {"O", "B-ORG"}}));
  EXPECT_EQ(Harmonized(f, {{"عام", "2014", "،", "ريال"}}, {{"O", "O", "O", "B-ORG"}}, {0.9f}),
            (V{{"O", "O", "O", "B-ORG"}}));
}

TEST(FeaturesTest, AFunctionWordAloneIsNoName) {
  const Lexicon lex = SmallLexicon();
  const Features f(~0u, &lex);
  using V = std::vector<std::vector<std::string>>;
  // ومن (and from) is no place; بان (Ban) is a name, though ب + أن reads
  // "that"; the clitic forms are only the listed few.
  EXPECT_EQ(Harmonized(f, {{"ومن", "الشرق"}}, {{"B-LOC", "O"}}, {0.9f}), (V{{"O", "O"}}));
  EXPECT_EQ(Harmonized(f, {{"قال", "بان"}}, {{"O", "B-PER"}}, {0.9f}), (V{{"O", "B-PER"}}));
  // Nor does a person's name begin with one: "and who, Saleh al-Omari".
  EXPECT_EQ(Harmonized(f, {{"ومن", "صالح", "العمري"}}, {{"B-PER", "I-PER", "I-PER"}}, {0.9f}),
            (V{{"O", "B-PER", "I-PER"}}));
  // A title may (the film «I Spy», آي: any), and a mother's kunya (أم
  // كلثوم: أم is also "or").
  EXPECT_EQ(Harmonized(f, {{"فيلم", "آي", "سباي"}}, {{"O", "B-MISC", "I-MISC"}}, {0.9f}),
            (V{{"O", "B-MISC", "I-MISC"}}));
  EXPECT_EQ(Harmonized(f, {{"غنت", "أم", "كلثوم"}}, {{"O", "B-PER", "I-PER"}}, {0.9f}),
            (V{{"O", "B-PER", "I-PER"}}));
  // And a bare one may begin a foreign name: "said Le Pen".
  EXPECT_EQ(Harmonized(f, {{"قالت", "لو", "بان"}}, {{"O", "B-PER", "I-PER"}}, {0.9f}),
            (V{{"O", "B-PER", "I-PER"}}));
}

TEST(FeaturesTest, ACuratedOrganisationOfSeveralWordsTakesTheNamesInsideIt) {
  Lexicon lex = SmallLexicon();
  // "The Council of the Free Valleys' States" (a fictional body) and "the
  // Front of Light" (a fictional group of two words).
  lex.AddEntry("مجلس دول الوديان الحرة", 0, kGazOrg);
  lex.AddEntry("جبهة النور", 0, kGazOrg);
  lex.AddEntry("كريم", kGivenName, kGazPerson);  // Karim
  const Features f(~0u, &lex);
  using V = std::vector<std::vector<std::string>>;
  // The model found a place inside the body's name: the whole is the body.
  EXPECT_EQ(Harmonized(f, {{"اجتمع", "مجلس", "دول", "الوديان", "الحرة", "أمس"}},
                       {{"O", "O", "O", "B-LOC", "I-LOC", "O"}}, {0.9f}),
            (V{{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}}));
  // Its name run on into the secretary-general's, who begins with a given
  // name: two names.
  EXPECT_EQ(Harmonized(f, {{"أمين", "مجلس", "دول", "الوديان", "الحرة", "كريم", "الصافي"}},
                       {{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"}}, {0.9f}),
            (V{{"O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "B-PER", "I-PER"}}));
  // A name across the body's last word is another name, left as it is.
  EXPECT_EQ(Harmonized(f, {{"مجلس", "دول", "الوديان", "الحرة", "الكبرى"}},
                       {{"O", "O", "B-LOC", "I-LOC", "I-LOC"}}, {0.9f}),
            (V{{"O", "O", "B-LOC", "I-LOC", "I-LOC"}}));
  // Two words match other words' stems too: only untagged or tagged whole.
  EXPECT_EQ(Harmonized(f, {{"قالت", "جبهة", "النور", "إن"}}, {{"O", "O", "B-LOC", "O"}}, {0.9f}),
            (V{{"O", "O", "B-LOC", "O"}}));
}

TEST(FeaturesTest, ABlessingWithFromBeforeGodsNameIsNoName) {
  const Lexicon lex = SmallLexicon();
  const Features f(~0u, &lex);
  using V = std::vector<std::vector<std::string>>;
  // "It came by grace from God": neither the grace (توفيق, also a given
  // name) nor God is a person; God's name is another name.
  EXPECT_EQ(Harmonized(f, {{"جاء", "بتوفيق", "من", "الله", "أولا"}}, {{"O", "B-PER", "O", "B-PER", "O"}}, {0.9f}),
            (V{{"O", "O", "O", "B-MISC", "O"}}));
  // Without a blessing before من, the word before it keeps its name.
  EXPECT_EQ(Harmonized(f, {{"وصل", "سالم", "من", "الله", "أولا"}}, {{"O", "B-PER", "O", "B-PER", "O"}}, {0.9f}),
            (V{{"O", "B-PER", "O", "B-MISC", "O"}}));
}

TEST(FeaturesTest, ANameDoesNotEndOnAWordThatJudgesIt) {
  const Lexicon lex = SmallLexicon();
  const Features f(~0u, &lex);
  using V = std::vector<std::vector<std::string>>;
  // "The terrorist organisation X claimed it": the adjective is no part of
  // the name, and alone it is none.
  EXPECT_EQ(Harmonized(f, {{"تبنى", "تنظيم", "النجمة", "الإرهابي", "الهجوم"}},
                       {{"O", "B-ORG", "I-ORG", "I-ORG", "O"}}, {0.9f}),
            (V{{"O", "B-ORG", "I-ORG", "O", "O"}}));
  EXPECT_EQ(Harmonized(f, {{"وصف", "الإرهابي"}}, {{"O", "B-ORG"}}, {0.9f}), (V{{"O", "O"}}));
  // Nor on one that describes it: "the rebel Najma group".
  EXPECT_EQ(Harmonized(f, {{"هاجمت", "جماعة", "النجمة", "المتمردة", "القرية"}},
                       {{"O", "B-ORG", "I-ORG", "I-ORG", "O"}}, {0.9f}),
            (V{{"O", "B-ORG", "I-ORG", "O", "O"}}));
  // Nor is a defector, alone, anyone's name: "quoted the defecting commander".
  EXPECT_EQ(Harmonized(f, {{"عن", "القائد", "المنشق", "قوله"}}, {{"O", "O", "B-PER", "O"}}, {0.9f}),
            (V{{"O", "O", "O", "O"}}));
  // An adjective of a name's own stays: "the Armed Islamic Group".
  EXPECT_EQ(Harmonized(f, {{"الجماعة", "الإسلامية", "المسلحة"}}, {{"B-ORG", "I-ORG", "I-ORG"}}, {0.9f}),
            (V{{"B-ORG", "I-ORG", "I-ORG"}}));
}

TEST(FeaturesTest, MotionIsNoMovement) {
  const Lexicon lex = SmallLexicon();
  const Features f(~0u, &lex);
  using V = std::vector<std::vector<std::string>>;
  // "The traffic was heavy", "the hand's movement slowed": حركة before what
  // moves names nothing, whether the name began at it or after it.
  EXPECT_EQ(Harmonized(f, {{"ازدحمت", "حركة", "السير", "صباحا"}}, {{"O", "B-ORG", "I-ORG", "O"}}, {0.9f}),
            (V{{"O", "O", "O", "O"}}));
  EXPECT_EQ(Harmonized(f, {{"تباطأت", "حركة", "اليد", "اليمنى"}}, {{"O", "O", "B-ORG", "I-ORG"}}, {0.9f}),
            (V{{"O", "O", "O", "O"}}));
  // A movement that is a name stays one: "the Najma movement said".
  EXPECT_EQ(Harmonized(f, {{"قالت", "حركة", "النجمة", "إنها"}}, {{"O", "B-ORG", "I-ORG", "O"}}, {0.9f}),
            (V{{"O", "B-ORG", "I-ORG", "O"}}));
}

TEST(FeaturesTest, ADeviceIsNoService) {
  const Lexicon lex = SmallLexicon();
  const Features f(~0u, &lex);
  using V = std::vector<std::vector<std::string>>;
  // "He bought an Xphone Pro device": the product is named, not a service.
  EXPECT_EQ(Harmonized(f, {{"اشترى", "جهاز", "Xphone", "Pro"}}, {{"O", "B-ORG", "I-ORG", "I-ORG"}}, {0.9f}),
            (V{{"O", "O", "B-MISC", "I-MISC"}}));
  // "A tablet device" names nothing.
  EXPECT_EQ(Harmonized(f, {{"اشترى", "جهاز", "لوحي"}}, {{"O", "O", "B-ORG"}}, {0.9f}), (V{{"O", "O", "O"}}));
  // "The intelligence service said": a service.
  EXPECT_EQ(Harmonized(f, {{"قال", "جهاز", "المخابرات", "إنه"}}, {{"O", "B-ORG", "I-ORG", "O"}}, {0.9f}),
            (V{{"O", "B-ORG", "I-ORG", "O"}}));
}

TEST(FeaturesTest, APersonsNameBeginsAfterADoctorsOrEngineersTitle) {
  const Lexicon lex = SmallLexicon();
  const Features f(~0u, &lex);
  using V = std::vector<std::vector<std::string>>;
  // "Dr Samir al-Haddad said", "the engineer Walid", and the title alone.
  EXPECT_EQ(Harmonized(f, {{"قال", "دكتور", "سمير", "الحداد"}}, {{"O", "B-PER", "I-PER", "I-PER"}}, {0.9f}),
            (V{{"O", "O", "B-PER", "I-PER"}}));
  EXPECT_EQ(Harmonized(f, {{"المهندس", "وليد"}}, {{"B-PER", "I-PER"}}, {0.9f}), (V{{"O", "B-PER"}}));
  EXPECT_EQ(Harmonized(f, {{"قال", "الدكتور"}}, {{"O", "B-PER"}}, {0.9f}), (V{{"O", "O"}}));
}

TEST(FeaturesTest, AGivenNameBeginsTheNameOnlyAfterATitleOrRole) {
  Lexicon lex = SmallLexicon();
  lex.AddEntry("مهند", kGivenName, 0);    // Muhannad
  lex.AddEntry("الناطق", kPersonRole, 0);  // the spokesman
  AddCount(&lex, "عكيدي", 600);  // so that وعكيدي's stem is عكيدي
  const Features f(~0u, &lex);
  using V = std::vector<std::vector<std::string>>;
  // "The spokesman for the group, Muhannad Akidi, said": the given name the
  // model left out begins the name.
  EXPECT_EQ(Harmonized(f, {{"قال", "الناطق", "باسم", "القوة", "مهند", "عكيدي"}},
                       {{"O", "O", "O", "O", "O", "B-PER"}}, {0.9f}),
            (V{{"O", "O", "O", "O", "B-PER", "I-PER"}}));
  // Not without a title or role up to three words before it, nor with one
  // further away ("the spokesman for the joint force's command"), nor before
  // a word carrying a clitic other than the article (وعكيدي, and Akidi).
  EXPECT_EQ(Harmonized(f, {{"وقال", "مهند", "عكيدي"}}, {{"O", "O", "B-PER"}}, {0.9f}),
            (V{{"O", "O", "B-PER"}}));
  EXPECT_EQ(Harmonized(f, {{"الناطق", "باسم", "قيادة", "القوة", "مهند", "عكيدي"}},
                       {{"O", "O", "O", "O", "O", "B-PER"}}, {0.9f}),
            (V{{"O", "O", "O", "O", "O", "B-PER"}}));
  EXPECT_EQ(Harmonized(f, {{"قال", "الناطق", "باسم", "القوة", "مهند", "وعكيدي"}},
                       {{"O", "O", "O", "O", "O", "B-PER"}}, {0.9f}),
            (V{{"O", "O", "O", "O", "O", "B-PER"}}));
}

TEST(FeaturesTest, OneNameHasOneTypeInADocument) {
  Lexicon lex = SmallLexicon();
  AddCount(&lex, "اليمن", 400);  // Yemen: so that لليمن's stem is اليمن
  lex.AddEntry("ريف", kLocTrigger, 0);  // countryside (of)
  const Features f(~0u, &lex);
  using V = std::vector<std::vector<std::string>>;
  // "The Tajik Gofurjon Rahimov arrived", "Rahimov left", "the Tajik said":
  // the nationality leaves the name, the surname alone is the person.
  EXPECT_EQ(Harmonized(f, {{"وصل", "الطاجيكي", "غوفورجون", "رحيموف"}, {"غادر", "رحيموف"}},
                       {{"O", "B-PER", "I-PER", "I-PER"}, {"O", "B-LOC"}}, {0.9f, 0.9f}),
            (V{{"O", "O", "B-PER", "I-PER"}, {"O", "B-PER"}}));
  // A name typed two ways takes the type of more summed posterior: one
  // confident organisation outweighs two doubtful persons.
  EXPECT_EQ(Harmonized(f, {{"جاهش"}, {"جاهش"}, {"جماعة", "جاهش"}},
                       {{"B-PER"}, {"B-PER"}, {"O", "B-ORG"}}, {0.3f, 0.3f, 0.9f}),
            (V{{"B-ORG"}, {"B-ORG"}, {"O", "B-ORG"}}));
  // Equal evidence the other way round keeps the persons.
  EXPECT_EQ(Harmonized(f, {{"جاهش"}, {"جاهش"}}, {{"B-PER"}, {"B-ORG"}}, {0.9f, 0.5f}),
            (V{{"B-PER"}, {"B-PER"}}));
  // "Dynamo Kyiv beat ...": a club and its city with nothing between are one
  // name; "the group in Kyiv" is two.
  EXPECT_EQ(Harmonized(f, {{"تغلب", "دينامو", "كييف", "على"}}, {{"O", "B-ORG", "B-LOC", "O"}}, {0.9f}),
            (V{{"O", "B-ORG", "I-ORG", "O"}}));
  EXPECT_EQ(Harmonized(f, {{"دينامو", "في", "كييف"}}, {{"B-ORG", "O", "B-LOC"}}, {0.9f}),
            (V{{"B-ORG", "O", "B-LOC"}}));
  // "Dynamo and Beirut": a conjunction between is nothing between.
  EXPECT_EQ(Harmonized(f, {{"دينامو", "وبيروت"}}, {{"B-ORG", "B-LOC"}}, {0.9f}), (V{{"B-ORG", "B-LOC"}}));
  // Nor when the clitic stands before an article the stem rebuilt: «البنك
  // الدولي لليمن» (the World Bank, for Yemen).
  EXPECT_EQ(Harmonized(f, {{"البنك", "الدولي", "لليمن"}}, {{"B-ORG", "I-ORG", "B-LOC"}}, {0.9f}),
            (V{{"B-ORG", "I-ORG", "B-LOC"}}));
  // "the programme «People and I»": the title is a name; quotation marks
  // after another word, or a title running on too long, are not.
  EXPECT_EQ(Harmonized(f, {{"قدم", "برنامج", "«", "الناس", "وأنا", "»"}}, {{"O", "O", "O", "O", "O", "O"}}, {0.9f}),
            (V{{"O", "O", "O", "B-MISC", "I-MISC", "O"}}));
  EXPECT_EQ(Harmonized(f, {{"وقال", "«", "الناس", "»"}}, {{"O", "O", "O", "O"}}, {0.9f}),
            (V{{"O", "O", "O", "O"}}));
  EXPECT_EQ(Harmonized(f, {{"برنامج", "\"", "أ", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "\""}},
                       {{"O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"}}, {0.9f}),
            (V{{"O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O", "O"}}));
  // A name cannot end on the word that announces it: "the countryside of" alone.
  EXPECT_EQ(Harmonized(f, {{"في", "ريف", "إدلب"}}, {{"O", "B-LOC", "B-LOC"}}, {0.9f}),
            (V{{"O", "O", "B-LOC"}}));
}

TEST(FeaturesTest, APersonRightAfterAPersonIsTheSameName) {
  Lexicon lex = SmallLexicon();
  lex.AddEntry("آل", kNameParticle, 0);  // family of
  lex.AddEntry("أم", kNameParticle, 0);  // mother of; or
  for (const char* given : {"مراد", "سامي"}) lex.AddEntry(given, kGivenName, 0);
  AddCount(&lex, "مراد", 600);  // so that ومراد's stem is مراد
  const Features f(~0u, &lex);
  using V = std::vector<std::vector<std::string>>;
  // "received Faisal bin Abdulaziz Al Saud": the second pass began a person
  // at the family name, with آل (family of) left out or in.
  EXPECT_EQ(Harmonized(f, {{"استقبل", "فيصل", "بن", "عبدالعزيز", "آل", "سعود"}},
                       {{"O", "B-PER", "I-PER", "I-PER", "O", "B-PER"}}, {0.9f}),
            (V{{"O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER"}}));
  EXPECT_EQ(Harmonized(f, {{"استقبل", "فيصل", "بن", "عبدالعزيز", "آل", "سعود"}},
                       {{"O", "B-PER", "I-PER", "I-PER", "I-PER", "B-PER"}}, {0.9f}),
            (V{{"O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER"}}));
  // أم (or; mother of) is no link between two: "Sami Haddad or Murad
  // Bouzid?".
  EXPECT_EQ(Harmonized(f, {{"سامي", "حداد", "أم", "مراد", "بوزيد"}},
                       {{"B-PER", "I-PER", "O", "B-PER", "I-PER"}}, {0.9f}),
            (V{{"B-PER", "I-PER", "O", "B-PER", "I-PER"}}));
  // A family name with the article ends a name: "Sami al-Khatib, the
  // secretary" stays two spans, whatever the second is.
  EXPECT_EQ(Harmonized(f, {{"وقال", "سامي", "الخطيب", "أمين", "السر"}},
                       {{"O", "B-PER", "I-PER", "B-PER", "I-PER"}}, {0.9f}),
            (V{{"O", "B-PER", "I-PER", "B-PER", "I-PER"}}));
  // Nor is a function word the model left in a span of its own: على (on).
  EXPECT_EQ(Harmonized(f, {{"اعتمد", "سامي", "حداد", "على", "الخطة"}},
                       {{"O", "B-PER", "I-PER", "B-PER", "O"}}, {0.9f}),
            (V{{"O", "B-PER", "I-PER", "O", "O"}}));
  // A written و is another person: "Sami Haddad and Murad Bouzid" run
  // into one span are two.
  EXPECT_EQ(Harmonized(f, {{"التقى", "سامي", "حداد", "ومراد", "بوزيد"}},
                       {{"O", "B-PER", "I-PER", "I-PER", "I-PER"}}, {0.9f}),
            (V{{"O", "B-PER", "I-PER", "B-PER", "I-PER"}}));
}

TEST(FeaturesTest, PraiseToGodIsNoPerson) {
  Lexicon lex = SmallLexicon();
  AddCount(&lex, "لله", 900);  // so that ولله's stem is لله
  const Features f(~0u, &lex);
  using V = std::vector<std::vector<std::string>>;
  // "achieved, praise be to God, its aims"; "praise be to God".
  EXPECT_EQ(Harmonized(f, {{"حقق", "ولله", "الحمد", "أهدافه"}}, {{"O", "O", "B-PER", "O"}}, {0.9f}),
            (V{{"O", "O", "O", "O"}}));
  EXPECT_EQ(Harmonized(f, {{"الحمد", "لله"}}, {{"B-PER", "B-MISC"}}, {0.9f}), (V{{"O", "B-MISC"}}));
  // The family name al-Hamad stays a name.
  EXPECT_EQ(Harmonized(f, {{"وأكد", "سامي", "الحمد", "أن"}}, {{"O", "B-PER", "I-PER", "O"}}, {0.9f}),
            (V{{"O", "B-PER", "I-PER", "O"}}));
}

TEST(FeaturesTest, ReportedNamesTakeInTheirHeadWord) {
  Lexicon lex = SmallLexicon();
  for (const char* head : {"صحيفة", "جماعة", "مخيم", "مدينة"}) AddCount(&lex, head, 400);
  for (const char* head : {"صحيفة", "جماعة"}) lex.AddEntry(head, kOrgTrigger, 0);  // newspaper, group
  for (const char* head : {"مخيم", "مدينة"}) lex.AddEntry(head, kLocTrigger, 0);  // camp, city
  const Features f(~0u, &lex);
  auto completed = [&](const std::vector<std::string>& words, const std::vector<std::string>& tags) {
    std::vector<uint8_t> labels = ToLabels(tags);
    CompleteNames(Prepare(f, words), &labels);
    std::vector<std::string> out;
    for (uint8_t l : labels) out.emplace_back(LabelName(l));
    return out;
  };
  using V = std::vector<std::string>;
  // "in the Difaf newspaper", "and in the Hol camp": the head is in the name,
  // its clitics are not a reason to leave it out.
  EXPECT_EQ(completed({"في", "صحيفة", "الضفاف"}, {"O", "O", "B-ORG"}), (V{"O", "B-ORG", "I-ORG"}));
  EXPECT_EQ(completed({"وبمخيم", "الهول"}, {"O", "B-LOC"}), (V{"B-LOC", "I-LOC"}));
  // "the city of Kirkuk" is Kirkuk; a head of another type stays out.
  EXPECT_EQ(completed({"مدينة", "كركوك"}, {"O", "B-LOC"}), (V{"O", "B-LOC"}));
  EXPECT_EQ(completed({"صحيفة", "بيروت"}, {"O", "B-LOC"}), (V{"O", "B-LOC"}));
  // "the Supporters of Hijra group in the lands of the Levant": one name.
  EXPECT_EQ(completed({"جماعة", "أنصار", "الهجرة", "في", "بلاد", "الشام", "قالت"},
                      {"O", "B-ORG", "I-ORG", "O", "O", "B-LOC", "O"}),
            (V{"B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"}));
  // An organisation in a place is two names.
  EXPECT_EQ(completed({"أنصار", "الهجرة", "في", "الشام"}, {"B-ORG", "I-ORG", "O", "B-LOC"}),
            (V{"B-ORG", "I-ORG", "O", "B-LOC"}));
}

TEST(FeaturesTest, ContextChangesFeaturesAndExtractionIsDeterministic) {
  const Lexicon lex = SmallLexicon();
  const Features f(~0u, &lex);
  const auto a = Prepare(f, {"قال", "وليد", "أمس"});    // Walid said yesterday
  const auto b = Prepare(f, {"مدينة", "وليد", "أمس"});  // the city of Walid yesterday
  std::vector<uint64_t> fa, fa2, fb;
  f.Extract(a, 1, &fa);
  f.Extract(a, 1, &fa2);
  f.Extract(b, 1, &fb);
  EXPECT_EQ(fa, fa2);
  EXPECT_NE(fa, fb);
  EXPECT_GT(fa.size(), 30u);
  // The word's own features are shared.
  std::vector<uint64_t> shared;
  std::sort(fa.begin(), fa.end());
  std::sort(fb.begin(), fb.end());
  std::set_intersection(fa.begin(), fa.end(), fb.begin(), fb.end(), std::back_inserter(shared));
  EXPECT_GT(shared.size(), 10u);
}

TEST(FeaturesTest, GroupsSwitchFeaturesOff) {
  const Lexicon lex = SmallLexicon();
  const Features all(~0u, &lex);
  const Features word_only(kGroupWord, &lex);
  const auto info = Prepare(all, {"زار", "بيروت"});
  std::vector<uint64_t> many, few;
  all.Extract(info, 1, &many);
  word_only.Extract(info, 1, &few);
  EXPECT_EQ(few.size(), 2u);  // bias and the word
  EXPECT_GT(many.size(), few.size());
}

TEST(FeaturesTest, DocumentFeaturesSeeTheFirstPassOnTheSameWordNearby) {
  const Lexicon lex = SmallLexicon();
  const Features f(~0u, &lex);
  // Three sentences mentioning Walid; the first pass tagged only the first.
  const auto s0 = Prepare(f, {"قال", "وليد", "أمس"});
  const auto s1 = Prepare(f, {"وأضاف", "وليد"});
  const auto s2 = Prepare(f, {"زار", "بيروت"});
  const std::vector<const std::vector<WordInfo>*> doc = {&s0, &s1, &s2};
  const std::vector<std::vector<uint8_t>> pass1 = {{kO, kBPer, kO}, {kO, kO}, {kO, kBLoc}};
  const auto without = Features::DocumentKeys(doc, {{kO, kO, kO}, {kO, kO}, {kO, kBLoc}});
  ASSERT_EQ(without.size(), 3u);
  ASSERT_EQ(without[1].size(), 2u);
  // Walid in sentence 1 sees the B-PER of sentence 0, which Beirut does
  // not: their document features differ beyond their own first-pass labels.
  const auto with = Features::DocumentKeys(doc, pass1);
  EXPECT_NE(with[1][1], without[1][1]);
  EXPECT_EQ(with[2][1], without[2][1]);  // Beirut: no other occurrence changed
  // Deterministic.
  EXPECT_EQ(Features::DocumentKeys(doc, pass1), with);
  // An empty sentence, last or not, has no words and no keys (run under
  // _GLIBCXX_ASSERTIONS, this caught an index one past the end).
  const std::vector<WordInfo> empty;
  const auto edged = Features::DocumentKeys({&empty, &s0, &empty}, {{}, {kO, kBPer, kO}, {}});
  ASSERT_EQ(edged.size(), 3u);
  EXPECT_TRUE(edged[0].empty());
  EXPECT_EQ(edged[1].size(), 3u);
  EXPECT_TRUE(edged[2].empty());
  EXPECT_TRUE(Features::DocumentKeys({}, {}).empty());
}

TEST(FeaturesTest, DocumentFeaturesSeeOnlyTheWindow) {
  // Walid in sentences 0, kDocumentWindow and kDocumentWindow + 1, tagged by
  // the first pass in one of them: an occurrence sees another exactly
  // kDocumentWindow sentences away, backwards and forwards, and no further.
  const Lexicon lex = SmallLexicon();
  const Features f(~0u, &lex);
  const auto walid = Prepare(f, {"قال", "وليد"});  // said Walid
  const auto other = Prepare(f, {"زار", "بيروت"});  // visited Beirut
  const size_t far = kDocumentWindow + 1;
  std::vector<const std::vector<WordInfo>*> doc;
  for (size_t s = 0; s <= far; ++s) doc.push_back(s == 0 || s >= kDocumentWindow ? &walid : &other);
  // The document features when the first pass tagged Walid in `tagged`
  // (none: doc.size()).
  const auto features = [&](size_t tagged) {
    std::vector<std::vector<uint8_t>> pass1(doc.size(), {kO, kO});
    if (tagged < doc.size()) pass1[tagged][1] = kBPer;
    return Features::DocumentKeys(doc, pass1);
  };
  const auto none = features(doc.size());
  EXPECT_NE(features(0)[kDocumentWindow][1], none[kDocumentWindow][1]);
  EXPECT_EQ(features(0)[far][1], none[far][1]);
  EXPECT_NE(features(kDocumentWindow)[0][1], none[0][1]);
  EXPECT_EQ(features(far)[0][1], none[0][1]);
  // The word's own label is not among the others'.
  EXPECT_EQ(features(far)[far][1].size(), none[far][1].size());
}

TEST(FeaturesTest, KnownWordsScoreAsFullExtraction) {
  // The shipped model's table of common words gives each word the fields
  // and first-pass scores that preparing and extracting it afresh gives,
  // as a word and as a neighbour.
  std::string error;
  const auto model = LoadModel(DefaultModelPath(), &error);
  ASSERT_NE(model, nullptr) << error;
  ASSERT_GT(model->known_words.size(), 1000u);
  const Features f(model->groups, &model->lexicon);
  // "And the minister said in Beirut that the agreement of the two parties
  // stands": common words with and without clitics, and a name.
  const std::vector<std::string> words = {"وقال", "الوزير", "في", "بيروت", "إن", "اتفاق",
                                          "الطرفين", "قائم", "سمير", "الحداد"};
  const std::vector<std::string_view> views(words.begin(), words.end());
  std::vector<WordInfo> known, fresh;
  f.Prepare(views, &known, &model->known_words);
  f.Prepare(views, &fresh);
  ASSERT_EQ(known.size(), fresh.size());
  size_t hits = 0;
  for (size_t i = 0; i < known.size(); ++i) {
    hits += known[i].known_scores != nullptr;
    EXPECT_EQ(fresh[i].known_scores, nullptr);
    EXPECT_EQ(known[i].stem, fresh[i].stem) << i;
    EXPECT_EQ(known[i].classes, fresh[i].classes) << i;
    EXPECT_EQ(known[i].stats, fresh[i].stats) << i;
    EXPECT_EQ(known[i].gaz_begin, fresh[i].gaz_begin) << i;
    EXPECT_EQ(known[i].function_word, fresh[i].function_word) << i;
  }
  EXPECT_TRUE(known[2].function_word);  // في, in
  EXPECT_GE(hits, 5u);
  // The same weights summed in another order: equal but for rounding.
  std::vector<float> a, b;
  model->Score(known, &a);
  model->Score(fresh, &b);
  ASSERT_EQ(a.size(), b.size());
  for (size_t k = 0; k < a.size(); ++k) EXPECT_NEAR(a[k], b[k], 1e-3f * (1 + std::abs(b[k]))) << k;
}

TEST(FeaturesTest, OddInputDoesNotCrash) {
  const Lexicon lex = SmallLexicon();
  const Features f(~0u, &lex);
  const auto info = Prepare(f, {"", "\xff\xfe", "123", "...", "Latin", "ـــ"});
  std::vector<uint64_t> out;
  for (size_t i = 0; i < info.size(); ++i) f.Extract(info, i, &out);
  EXPECT_FALSE(out.empty());
}

}  // namespace
}  // namespace marsad::ner::internal
