// Romanisation: a joint n-gram model over (Arabic letter, Latin) units,
// decoded with a beam, behind a memory of whole words.
#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "resolve/internal.h"
#include "resolve/resolve.h"
#include "text/text.h"

namespace marsad::resolve {
namespace internal {
namespace {

constexpr size_t kBeam = 12;
constexpr size_t kUnitsPerLetter = 40;  // candidates tried for each Arabic letter
// A run's key holds a history's NgramKey and the letter after it above it.
static_assert(12 * (kMaxOrder - 1) <= 48);

struct Hyp {
  // The last units (oldest first): as many as the model's history reads.
  std::array<uint32_t, kMaxOrder - 1> history;
  int length;
  double score;
  int back;  // index of the hypothesis this one extends, -1 at the start
};

}  // namespace

namespace {

// An n-gram key with its bits mixed for KeyTable, whose slot its low bits
// pick: splitmix64's finaliser, a bijection that keeps 0 at 0 and any other
// key away from it.
uint64_t Mixed(uint64_t key) {
  key = (key ^ (key >> 30)) * 0xbf58476d1ce4e5b9ull;
  key = (key ^ (key >> 27)) * 0x94d049bb133111ebull;
  return key ^ (key >> 31);
}

}  // namespace

void Romanizer::ScoreNext(const uint32_t* before, int n, int letter, double* logp) const {
  const std::vector<uint32_t>& candidates = by_letter[letter];
  double p[kUnitsPerLetter];
  for (size_t i = 0; i < candidates.size(); ++i) p[i] = unigram[candidates[i]];
  for (int k = 1; k < order && k <= n; ++k) {
    const uint64_t history = NgramKey(before + n - k, k);
    // A history never seen has no longer one seen either.
    const float* weight = history_weight.Find(Mixed(history));
    if (weight == nullptr) break;
    for (size_t i = 0; i < candidates.size(); ++i) p[i] = *weight * p[i];
    if (const Run* run = runs.Find(Mixed(history | static_cast<uint64_t>(letter) << 48))) {
      for (uint32_t j = run->begin; j < run->end; ++j) p[after[j].first] = after[j].second + p[after[j].first];
    }
  }
  for (size_t i = 0; i < candidates.size(); ++i) logp[i] = std::log(p[i]);
}

const std::string* Romanizer::Remembered(const std::string& key) const {
  if (const auto it = printed.find(key); it != printed.end()) return &it->second;
  if (const auto it = memory.find(key); it != memory.end()) return &it->second;
  if (const auto it = heldout_memory.find(key); it != heldout_memory.end()) return &it->second;
  return nullptr;
}

void Romanizer::Rebuild() {
  static std::atomic<uint64_t> serials{0};
  serial = ++serials;
  known.clear();
  short_by_consonants.clear();
  for (const auto& [arabic, latin] : memory) {
    std::string a, l;
    if (ArabicWordLetters(arabic, &a) && LatinWordLetters(latin, &l)) known.emplace(a, l);
  }
  by_reading.clear();
  for (const auto& [a, l] : known) {
    if (a.size() <= kShortName) short_by_consonants[Consonants(a)].push_back(a);
    by_reading[l].push_back(a);
  }
  for (auto& [consonants, spellings] : short_by_consonants) std::sort(spellings.begin(), spellings.end());
  for (auto& [reading, spellings] : by_reading) std::sort(spellings.begin(), spellings.end());
  auto unigram_share = [this](uint32_t u) {
    const auto it = discounted.find(NgramKey(&u, 1));
    return it == discounted.end() ? 0.0f : it->second;
  };
  by_letter.assign(kArabicLetters, {});
  for (uint32_t id = 2; id < units.size(); ++id) {
    by_letter[units[id].first].push_back(id);
  }
  for (int a = 0; a < kArabicLetters; ++a) {
    auto& list = by_letter[a];
    if (list.empty()) {
      // A letter never seen in training is left out of the Latin.
      units.emplace_back(a, "");
      list.push_back(static_cast<uint32_t>(units.size() - 1));
    }
    std::stable_sort(list.begin(), list.end(),
                     [&unigram_share](uint32_t x, uint32_t y) { return unigram_share(x) > unigram_share(y); });
    if (list.size() > kUnitsPerLetter) list.resize(kUnitsPerLetter);
  }
  by_letter.push_back({1});
  BuildScoringTables();
}

void Romanizer::BuildScoringTables() {
  const double uniform = 1.0 / static_cast<double>(units.size());
  unigram.assign(units.size(), uniform);
  if (const auto empty = backoff.find(0); order > 0 && empty != backoff.end() && empty->second >= 0) {
    for (uint32_t u = 0; u < units.size(); ++u) {
      const auto share = discounted.find(NgramKey(&u, 1));
      unigram[u] = (share == discounted.end() ? 0.0 : share->second) + empty->second * uniform;
    }
  }
  history_weight.Reset(backoff.size());
  for (const auto& [history, weight] : backoff) {
    if (history != 0 && weight >= 0) history_weight[Mixed(history)] = weight;
  }
  // Each n-gram of two units or more that ends in a candidate of its letter,
  // as (run key, place, share), grouped by run.
  std::vector<uint32_t> letter_of(units.size()), place_of(units.size(), kUnitsPerLetter);
  for (size_t letter = 0; letter < by_letter.size(); ++letter) {
    for (size_t i = 0; i < by_letter[letter].size(); ++i) {
      letter_of[by_letter[letter][i]] = static_cast<uint32_t>(letter);
      place_of[by_letter[letter][i]] = static_cast<uint32_t>(i);
    }
  }
  struct Entry {
    uint64_t run;
    uint32_t place;
    float share;
  };
  std::vector<Entry> entries;
  for (const auto& [gram, share] : discounted) {
    const int n = static_cast<int>(gram >> 60);
    const uint32_t last = gram & 0xfff;
    if (n < 2 || place_of[last] == kUnitsPerLetter) continue;
    const uint64_t history = static_cast<uint64_t>(n - 1) << 60 | ((gram & ((uint64_t{1} << 60) - 1)) >> 12);
    entries.push_back({history | static_cast<uint64_t>(letter_of[last]) << 48, place_of[last], share});
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& x, const Entry& y) { return std::tie(x.run, x.place) < std::tie(y.run, y.place); });
  after.clear();
  size_t run_count = 0;
  for (size_t i = 0; i < entries.size(); ++i) run_count += i == 0 || entries[i].run != entries[i - 1].run;
  runs.Reset(run_count);
  for (const Entry& e : entries) {
    Run& run = runs[Mixed(e.run)];
    if (run.end == 0) run.begin = run.end = static_cast<uint32_t>(after.size());
    after.emplace_back(e.place, e.share);
    ++run.end;
  }
}

std::vector<uint32_t> Romanizer::DecodeUnits(std::string_view letters) const {
  thread_local std::unordered_map<std::string, std::vector<uint32_t>> decodings;
  thread_local uint64_t decoded_by = 0;
  if (decoded_by != serial || decodings.size() >= kDecodings) {
    decodings.clear();
    decoded_by = serial;
  }
  std::string key(letters);
  auto it = decodings.find(key);
  if (it == decodings.end()) it = decodings.emplace(std::move(key), Search(letters)).first;
  return it->second;
}

std::vector<uint32_t> Romanizer::Search(std::string_view letters) const {
  if (letters.empty() || by_letter.empty()) return {};
  const int keep = std::max(order - 1, 1);  // units of history a hypothesis needs
  std::vector<Hyp> all{{{0}, 1, 0, -1}};
  std::vector<int> beam{0};
  std::vector<Hyp> next;
  // Where in `next` (plus one) each history is: hypotheses with the same
  // history continue alike, so only the best of them is kept.
  text::internal::KeyTable<uint32_t> where;
  double logp[kUnitsPerLetter];
  for (char c : letters) {
    const int letter = static_cast<uint8_t>(c);
    const auto& candidates = by_letter[letter];
    next.clear();
    where.Reset(beam.size() * candidates.size());
    for (int h : beam) {
      const Hyp& hyp = all[h];
      ScoreNext(hyp.history.data(), hyp.length, letter, logp);
      for (size_t i = 0; i < candidates.size(); ++i) {
        Hyp x{hyp.history, hyp.length, hyp.score + logp[i], h};
        if (x.length == keep) {
          std::copy(x.history.begin() + 1, x.history.begin() + keep, x.history.begin());
          --x.length;
        }
        x.history[x.length++] = candidates[i];
        uint32_t& at = where[Mixed(NgramKey(x.history.data(), x.length))];
        if (at == 0) {
          next.push_back(x);
          at = static_cast<uint32_t>(next.size());
        } else if (x.score > next[at - 1].score) {
          next[at - 1] = x;
        }
      }
    }
    std::partial_sort(next.begin(), next.begin() + std::min(kBeam, next.size()), next.end(),
                      [](const Hyp& x, const Hyp& y) { return x.score > y.score; });
    if (next.size() > kBeam) next.resize(kBeam);
    beam.clear();
    for (const Hyp& x : next) {
      beam.push_back(static_cast<int>(all.size()));
      all.push_back(x);
    }
  }
  int best = -1;
  double best_score = -1e300;
  for (int h : beam) {
    ScoreNext(all[h].history.data(), all[h].length, kArabicLetters, logp);
    const double s = all[h].score + logp[0];
    if (s > best_score) {
      best_score = s;
      best = h;
    }
  }
  std::vector<uint32_t> path;
  for (int h = best; h >= 0 && all[h].back >= 0; h = all[h].back) path.push_back(all[h].history[all[h].length - 1]);
  std::reverse(path.begin(), path.end());
  return path;
}

std::string Romanizer::Decode(std::string_view letters) const {
  std::string out;
  for (uint32_t u : DecodeUnits(letters)) out += units[u].second;
  return out;
}

WordTable MakeTable(std::initializer_list<std::pair<const char*, const char*>> entries) {
  WordTable table;
  for (const auto& [arabic, latin] : entries) {
    // Two entries whose spellings fold to one key (سلمى and سلمي): one of
    // them could never be read.
    if (!table.emplace(text::MatchKey(arabic), latin).second) {
      throw std::logic_error(std::string("romanisation table: a second entry for the key of ") + arabic);
    }
  }
  return table;
}

}  // namespace internal

namespace {

using internal::MakeTable;
using internal::WordTable;

std::string Capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// The ordinary words organisation, place and group names are made of, as
// English-language newspapers romanise them. The pairs the model learns from
// are almost all personal names, so the decoder reads these words as if they
// were names (Hazb, al-Sharak, Wazarah). Written without the article, which
// Romanize prints as "al-". A word written with ة ends here as it ends at the
// end of a name (-a, -iya; -at after ا); Romanize turns -a into -at in
// construct (Jabhat al-Nusra). A few hundred words at most: the table is for
// words, never for whole names.
const WordTable& CommonWords() {
  static const WordTable table = MakeTable({
      // Kinds of organisation and group.
      {"حزب", "hizb"},            // party
      {"حركة", "haraka"},         // movement
      {"جبهة", "jabha"},          // front
      {"جيش", "jaysh"},           // army
      {"تنظيم", "tanzim"},        // organisation (of an armed group)
      {"جماعة", "jamaa"},         // group
      {"كتيبة", "katiba"},        // battalion
      {"كتائب", "kataib"},        // battalions, brigades
      {"لواء", "liwa"},           // brigade
      {"سرايا", "saraya"},        // companies (of fighters)
      {"فيلق", "faylaq"},         // corps
      {"قوات", "quwwat"},         // forces
      {"قوة", "quwwa"},           // force
      {"حرس", "haras"},           // guard
      {"منظمة", "munazzama"},     // organisation
      {"مؤسسة", "muassasa"},      // foundation, institution
      {"شركة", "sharika"},        // company
      {"بنك", "bank"},
      {"مصرف", "masraf"},         // bank
      {"جامعة", "jamia"},         // university; league (of states)
      {"جمعية", "jamiya"},        // association
      {"اتحاد", "ittihad"},       // union
      {"رابطة", "rabita"},        // league
      {"نقابة", "niqaba"},        // trade union
      {"لجنة", "lajna"},          // committee
      {"مجلس", "majlis"},         // council
      {"مركز", "markaz"},         // centre
      {"معهد", "mahad"},          // institute
      {"مكتب", "maktab"},         // office
      {"محكمة", "mahkama"},       // court
      {"برلمان", "barlaman"},     // parliament
      {"حكومة", "hukuma"},        // government
      {"سلطة", "sulta"},          // authority
      {"إدارة", "idara"},         // administration
      {"هيئة", "haya"},           // body, commission
      {"وزارة", "wizara"},        // ministry
      {"وكالة", "wakala"},        // agency
      {"قيادة", "qiyada"},        // command
      {"رئاسة", "riasa"},         // presidency
      {"بلدية", "baladiya"},      // municipality
      {"محافظة", "muhafaza"},     // governorate
      {"ولاية", "wilaya"},        // province, state
      {"إمارة", "imara"},         // emirate
      {"مملكة", "mamlaka"},       // kingdom
      {"جمهورية", "jumhuriya"},   // republic
      {"دولة", "dawla"},          // state
      {"مجموعة", "majmua"},       // group
      {"تحالف", "tahaluf"},       // alliance
      {"ائتلاف", "itilaf"},       // coalition
      {"تجمع", "tajammu"},        // rally, grouping
      {"تيار", "tayyar"},         // current (political)
      {"كتلة", "kutla"},          // bloc
      {"صندوق", "sunduq"},        // fund
      {"هلال", "hilal"},          // crescent
      {"صليب", "salib"},          // cross
      {"قناة", "qanat"},          // channel
      {"إذاعة", "idhaa"},         // radio station
      {"صحيفة", "sahifa"},        // newspaper
      {"جريدة", "jarida"},        // newspaper
      {"مجلة", "majalla"},        // magazine
      {"شبكة", "shabaka"},        // network
      {"مرصد", "marsad"},         // observatory
      {"مستشفى", "mustashfa"},    // hospital
      {"كلية", "kulliya"},        // college
      {"خطوط", "khutut"},         // lines (airlines)
      {"مكتبة", "maktaba"},       // library
      {"مجمع", "majma"},          // complex
      {"جسر", "jisr"},            // bridge
      {"قرى", "qura"},            // villages (Umm al-Qura, Mecca)
      {"طريق", "tariq"},          // road
      {"حديقة", "hadiqa"},        // garden, park
      {"مدرسة", "madrasa"},       // school
      {"مسجد", "masjid"},         // mosque
      {"كنيسة", "kanisa"},        // church
      {"نادي", "nadi"},           // club
      {"منتخب", "muntakhab"},     // national team
      {"ملعب", "malab"},          // stadium
      {"بطولة", "butula"},        // championship
      {"كأس", "kaas"},            // cup
      {"دوري", "dawri"},          // league (of clubs)
      {"اتفاق", "ittifaq"},       // agreement
      {"رياضة", "riyada"},        // sport
      {"ملك", "malik"},           // king
      {"احتياطي", "ihtiyati"},    // (of) reserve
      {"اتحادي", "ittihadi"},     // federal
      {"أنصار", "ansar"},         // supporters
      {"جند", "jund"},            // soldiers
      {"أهل", "ahl"},             // people (of)
      {"أبناء", "abnaa"},         // sons
      {"إخوان", "ikhwan"},        // brothers, the Brotherhood
      {"مسلمين", "muslimin"},     // Muslims
      {"مسلمون", "muslimun"},
      {"مجاهدين", "mujahidin"},   // fighters (of jihad)
      {"مجاهدون", "mujahidun"},
      {"أحرار", "ahrar"},         // free men
      {"شباب", "shabab"},         // youth
      {"شهداء", "shuhadaa"},      // martyrs
      {"علماء", "ulamaa"},        // scholars
      {"عشائر", "ashair"},        // clans
      // What the organisation is about.
      {"كرة", "kura"},            // ball (كرة القدم, football)
      {"قدم", "qadam"},           // foot
      {"سلة", "salla"},           // basket (كرة السلة, basketball)
      {"إسلام", "islam"},
      {"إسلامي", "islami"},       // Islamic
      {"إسلامية", "islamiya"},
      {"جهاد", "jihad"},
      {"أمن", "amn"},             // security
      {"دفاع", "difa"},           // defence
      {"داخلية", "dakhiliya"},    // interior
      {"خارجية", "kharijiya"},    // foreign affairs
      {"عدل", "adl"},             // justice
      {"عدالة", "adala"},         // justice
      {"حرية", "hurriya"},        // freedom
      {"حريات", "hurriyat"},      // freedoms
      {"تحرير", "tahrir"},        // liberation
      {"مقاومة", "muqawama"},     // resistance
      {"ثورة", "thawra"},         // revolution
      {"ثوري", "thawri"},         // revolutionary
      {"ثورية", "thawriya"},
      {"وطني", "watani"},         // national
      {"وطنية", "wataniya"},
      {"شعب", "shaab"},            // people
      {"شعبي", "shaabi"},          // popular
      {"شعبية", "shaabiya"},
      {"قومي", "qawmi"},          // nationalist
      {"قومية", "qawmiya"},
      {"عرب", "arab"},
      {"عربي", "arabi"},          // Arab
      {"عربية", "arabiya"},
      {"دولي", "duwali"},         // international
      {"دولية", "duwaliya"},
      {"عالمي", "alami"},         // world
      {"عالمية", "alamiya"},
      {"سلام", "salam"},          // peace
      {"حق", "haqq"},             // truth, right
      {"تنمية", "tanmiya"},       // development
      {"إصلاح", "islah"},         // reform
      {"بناء", "binaa"},          // building
      {"نهضة", "nahda"},          // renaissance
      {"تقدم", "taqaddum"},       // progress
      {"استقلال", "istiqlal"},    // independence
      {"وحدة", "wahda"},          // unity
      {"ديمقراطي", "dimuqrati"},  // democratic
      {"ديمقراطية", "dimuqratiya"},
      {"اشتراكي", "ishtiraki"},   // socialist
      {"اشتراكية", "ishtirakiya"},
      {"مستقبل", "mustaqbal"},    // future
      {"أمل", "amal"},            // hope
      {"نصرة", "nusra"},          // support, succour
      {"قاعدة", "qaida"},         // base
      {"شريعة", "sharia"},        // (religious) law
      {"سنة", "sunna"},
      {"شيعة", "shia"},
      {"دعوة", "dawa"},           // call, preaching
      {"عسكري", "askari"},        // military
      {"عسكرية", "askariya"},
      {"مدني", "madani"},         // civil
      {"مدنية", "madaniya"},
      {"مركزي", "markazi"},       // central
      {"اقتصادي", "iqtisadi"},    // economic
      {"اقتصادية", "iqtisadiya"},
      {"رياضي", "riyadi"},        // (of) sport
      {"رياضية", "riyadiya"},
      {"طبي", "tibbi"},           // medical
      {"طبية", "tibbiya"},
      {"جوي", "jawwi"},           // (of the) air
      {"جوية", "jawwiya"},
      {"تخصصي", "takhassusi"},    // specialist
      {"خيري", "khayri"},         // charitable
      {"خيرية", "khayriya"},
      {"مالي", "mali"},           // financial
      {"تقني", "tiqni"},          // technical
      {"تقنية", "tiqniya"},
      {"علوم", "ulum"},           // sciences
      {"بترول", "batrul"},        // petroleum
      {"أعلى", "ala"},            // supreme
      {"عليا", "ulya"},           // supreme (feminine)
      {"أمم", "umam"},            // nations
      {"أمة", "umma"},            // nation
      {"متحد", "muttahid"},       // united
      {"متحدة", "muttahida"},
      {"تعاون", "taawun"},        // cooperation
      {"أنباء", "anbaa"},         // news
      {"إعلام", "ilam"},          // media
      {"صحة", "sihha"},           // health
      {"تعليم", "talim"},         // education
      {"تربية", "tarbiya"},       // upbringing, education
      {"مالية", "maliya"},        // finance
      {"اقتصاد", "iqtisad"},      // economy
      {"نفط", "naft"},            // oil
      {"طاقة", "taqa"},           // energy
      {"زراعة", "ziraa"},         // agriculture
      {"تجارة", "tijara"},        // trade
      {"صناعة", "sinaa"},         // industry
      {"نقل", "naql"},            // transport
      {"اتصالات", "ittisalat"},   // communications
      {"سياحة", "siyaha"},        // tourism
      {"ثقافة", "thaqafa"},       // culture
      {"أوقاف", "awqaf"},         // religious endowments
      {"شؤون", "shuun"},          // affairs
      {"خدمات", "khidamat"},      // services
      {"شرطة", "shurta"},         // police
      {"مخابرات", "mukhabarat"},  // intelligence
      {"استخبارات", "istikhbarat"},
      {"حقوق", "huquq"},          // rights
      {"إنسان", "insan"},         // man, human
      {"إغاثة", "ighatha"},       // relief
      {"أحمر", "ahmar"},          // red
      {"أخضر", "akhdar"},         // green
      {"أبيض", "abyad"},          // white
      {"تكفير", "takfir"},        // declaring unbelief
      {"هجرة", "hijra"},          // emigration
      {"خلافة", "khilafa"},       // caliphate
      {"وزراء", "wuzaraa"},       // ministers
      {"نواب", "nuwwab"},         // deputies
      {"شورى", "shura"},          // consultation
      {"دستور", "dustur"},        // constitution
      {"دستورية", "dusturiya"},
      {"قضاء", "qadaa"},          // judiciary
      // Directions and places.
      {"شرق", "sharq"},           // east
      {"غرب", "gharb"},           // west
      {"شمال", "shamal"},         // north
      {"جنوب", "janub"},          // south
      {"شرقي", "sharqi"},
      {"شرقية", "sharqiya"},
      {"غربي", "gharbi"},
      {"غربية", "gharbiya"},
      {"شمالي", "shamali"},
      {"شمالية", "shamaliya"},
      {"جنوبي", "janubi"},
      {"جنوبية", "janubiya"},
      {"وسط", "wasat"},           // middle
      {"أوسط", "awsat"},          // middle (of the Middle East)
      {"وسطى", "wusta"},          // middle (feminine)
      {"أدنى", "adna"},           // near, lower
      {"أقصى", "aqsa"},           // farthest
      {"كبرى", "kubra"},          // great
      {"صغرى", "sughra"},         // small
      {"مدينة", "madina"},        // city
      {"قرية", "qarya"},          // village
      {"حي", "hayy"},             // quarter
      {"شارع", "shari"},          // street
      {"ساحة", "saha"},           // square
      {"منطقة", "mintaqa"},       // region
      {"إقليم", "iqlim"},         // region
      {"جزيرة", "jazira"},        // island, peninsula
      {"خليج", "khalij"},         // gulf
      {"بحر", "bahr"},            // sea
      {"نهر", "nahr"},            // river
      {"جبل", "jabal"},           // mountain
      {"وادي", "wadi"},           // valley
      {"صحراء", "sahraa"},        // desert
      {"مخيم", "mukhayyam"},      // camp
      {"معبر", "mabar"},          // crossing
      {"ميناء", "minaa"},         // port
      {"مطار", "matar"},          // airport
      {"سجن", "sijn"},            // prison
      {"قصر", "qasr"},            // palace
      {"برج", "burj"},            // tower
      {"باب", "bab"},             // gate
      {"سوق", "suq"},             // market
      {"بيت", "bayt"},            // house
      {"دار", "dar"},             // house, abode
      {"بلاد", "bilad"},          // lands, country (Bilad al-Sham)
      {"مقدس", "maqdis"},         // holy place (Bayt al-Maqdis)
      {"مكرمة", "mukarrama"},     // honoured (Makka al-Mukarrama)
      {"منورة", "munawwara"},     // radiant (al-Madina al-Munawwara)
      // Latin words of news agencies, media and football clubs in Arabic letters.
      {"فرانس", "france"},
      {"برس", "press"},
      {"نيوز", "news"},
      {"تايمز", "times"},
      {"بوست", "post"},
      {"إنترناشونال", "international"},
      {"ميديا", "media"},
      {"غروب", "group"},
      {"ديلي", "daily"},
      {"صنداي", "sunday"},
      {"غارديان", "guardian"},
      {"إندبندنت", "independent"},
      {"تلغراف", "telegraph"},
      {"إكسبريس", "express"},
      {"وول", "wall"},
      {"ستريت", "street"},
      {"جورنال", "journal"},
      {"فاينانشيال", "financial"},
      {"سكاي", "sky"},
      {"فوكس", "fox"},
      {"سبورتس", "sports"},
      {"يونايتد", "united"},  // of football clubs' names
      {"سيتي", "city"},
      {"تشيلسي", "chelsea"},  // the club, the given name
  });
  return table;
}

// Common words that title newspapers, in the same form as CommonWords. Apart
// from CommonWords because most are given names too (حياة Hayat, بيان
// Bayan, شروق Shuruq): a name they begin is a person's as often as a
// body's, so they neither make it a body's nor take the construct ending.
const WordTable& TitleWords() {
  static const WordTable table = MakeTable({
      {"خبر", "khabar"},    // news
      {"أخبار", "akhbar"},  // news (plural)
      {"وطن", "watan"},     // homeland
      {"حياة", "hayat"},    // life
      {"يوم", "yawm"},      // day
      {"نهار", "nahar"},    // daytime
      {"رأي", "ray"},       // opinion
      {"بيان", "bayan"},    // statement
      {"سفير", "safir"},    // ambassador
      {"شروق", "shuruq"},   // sunrise
      {"أهرام", "ahram"},   // pyramids
  });
  return table;
}

// Adjectives of nationality and region, in the same form as CommonWords;
// adjectives, they never take the construct ending («شركة قطرية للطيران»,
// a Qatari airline, is Sharika Qatariya), and being also family names
// (al-Qatari, al-Masri) they do not make a name a body's. Not روسي, which
// is also Rossi.
const WordTable& NationalityAdjectives() {
  static const WordTable table = MakeTable({
      {"خليجي", "khaliji"},       // of the Gulf
      {"سعودي", "saudi"},
      {"سعودية", "saudiya"},
      {"مصري", "masri"},        // al-Masri, as the surname is printed
      {"مصرية", "masriya"},
      {"سوري", "suri"},
      {"لبناني", "lubnani"},
      {"عراقي", "iraqi"},
      {"عراقية", "iraqiya"},
      {"أردني", "urduni"},
      {"فلسطيني", "filastini"},
      {"فلسطينية", "filastiniya"},
      {"يمني", "yamani"},
      {"كردي", "kurdi"},
      {"كردستاني", "kurdistani"},
      {"خليجية", "khalijiya"},
      {"لبنانية", "lubnaniya"},
      {"أردنية", "urduniya"},
      {"يمنية", "yamaniya"},
      {"كردية", "kurdiya"},
      {"كويتي", "kuwaiti"},
      {"كويتية", "kuwaitiya"},
      {"إماراتي", "imarati"},
      {"إماراتية", "imaratiya"},
      {"قطري", "qatari"},
      {"قطرية", "qatariya"},
      {"بحريني", "bahraini"},
      {"بحرينية", "bahrainiya"},
      {"عماني", "umani"},
      {"عمانية", "umaniya"},
      {"تونسي", "tunisi"},
      {"تونسية", "tunisiya"},
      {"جزائري", "jazairi"},
      {"جزائرية", "jazairiya"},
      {"مغربي", "maghribi"},
      {"مغربية", "maghribiya"},
      {"ليبي", "libi"},
      {"ليبية", "libiya"},
      {"سوداني", "sudani"},
      {"سودانية", "sudaniya"},
      {"إيراني", "irani"},
      {"إيرانية", "iraniya"},
      {"تركية", "turkiya"},
      {"أفغاني", "afghani"},
      {"باكستاني", "pakistani"},
      {"هندي", "hindi"},
      {"هندية", "hindiya"},
      {"صيني", "sini"},
      {"صينية", "siniya"},
      {"ياباني", "yabani"},
      {"يابانية", "yabaniya"},
      {"روسية", "rusiya"},
      {"أمريكي", "amriki"},
      {"أمريكية", "amrikiya"},
      {"أميركي", "amriki"},
      {"أميركية", "amrikiya"},
      {"بريطاني", "baritani"},
      {"بريطانية", "baritaniya"},
      {"فرنسي", "faransi"},
      {"فرنسية", "faransiya"},
      {"ألماني", "almani"},
      {"ألمانية", "almaniya"},
      {"إيطالي", "itali"},
      {"إيطالية", "italiya"},
      {"أوروبي", "urubbi"},
      {"أوروبية", "urubbiya"},
      {"أفريقي", "ifriqi"},
      {"أفريقية", "ifriqiya"},
      {"آسيوي", "asyawi"},
      {"آسيوية", "asyawiya"},
      {"إسرائيلي", "israili"},
      {"إسرائيلية", "israiliya"},
  });
  return table;
}

// Names of places, movements, holy things and currencies, in the same form
// as CommonWords; being names, they never take the construct ending (Makka
// al-Mukarrama, Hamas).
const WordTable& ProperNames() {
  static const WordTable table = MakeTable({
      {"حماس", "hamas"},  // the movement's acronym, read as a word
      {"فتح", "fatah"},   // likewise
      {"قدس", "quds"},    // Jerusalem
      {"شام", "sham"},    // the Levant
      {"عراق", "iraq"},
      {"مصر", "misr"},    // Egypt
      {"لبنان", "lubnan"},
      {"سوريا", "suriya"},
      {"سورية", "suriya"},
      {"فلسطين", "filastin"},
      {"يمن", "yaman"},
      {"أردن", "urdun"},  // Jordan
      {"سودان", "sudan"},
      {"مغرب", "maghrib"},  // Morocco; the west of the Arab world
      {"جزائر", "jazair"},  // Algeria
      {"غزة", "gaza"},
      {"مكة", "makka"},     // Mecca
      {"قرآن", "quran"},
      {"كعبة", "kaaba"},
      // Currencies, as English-language newspapers name them; with the
      // plurals and the accusative after a number (دولارا).
      {"دولار", "dollar"},
      {"دولارا", "dollars"},
      {"دولارات", "dollars"},
      {"ريال", "riyal"},
      {"ريالا", "riyals"},
      {"ريالات", "riyals"},
      {"درهم", "dirham"},
      {"دراهم", "dirhams"},
      {"دينار", "dinar"},
      {"دنانير", "dinars"},
      {"يورو", "euro"},
      {"جنيه", "pound"},
      {"جنيها", "pounds"},
      {"جنيهات", "pounds"},
      {"إسترليني", "sterling"},
      {"يوان", "yuan"},
      {"روبية", "rupee"},
      {"روبل", "ruble"},
      {"ليرة", "lira"},
      {"فرنك", "franc"},
  });
  return table;
}

// Function words inside names, printed lower case (Ansar al-Sharia fi Libya).
// Not على (on): its match key is that of علي, Ali, far the commoner in names.
const WordTable& Particles() {
  static const WordTable table = MakeTable({
      {"في", "fi"},    // in
      {"من", "min"},   // from
      {"إلى", "ila"},  // to
      {"و", "wa"},     // and
  });
  return table;
}

// Names of God's servant, help, grace and so on that newspapers print as one
// word with الله (God): Hezbollah, Nasrallah, Ramallah; by the first word.
// The memory's joined spellings (Abdallah, Khairallah) come first; other
// words stay apart from "Allah" (Ansar Allah, Jund Allah).
const WordTable& AllahCompounds() {
  static const WordTable table = MakeTable({
      {"حزب", "hezbollah"},  // party of God
      {"نصر", "nasrallah"},  // victory of God
      {"فضل", "fadlallah"},  // grace of God
      {"رام", "ramallah"},
      {"عبيد", "obaidullah"},
      {"عطا", "ataullah"},
      {"فتح", "fathallah"},
      {"سعد", "saadallah"},
      {"خير", "khairallah"},
      {"حمد", "hamdallah"},
      {"جاب", "jaballah"},
      {"جار", "jarallah"},
      {"ضيف", "daifallah"},
      {"عوض", "awadallah"},
      {"حسب", "hasballah"},
      {"فرج", "farajallah"},
      {"سيف", "saifullah"},
      {"حبيب", "habibullah"},
      {"رحمة", "rahmatullah"},
      {"نعمة", "nematullah"},
      {"نعمت", "nematullah"},
      {"ولي", "waliullah"},
      {"عزت", "ezzatullah"},
      {"كرم", "karamallah"},
  });
  return table;
}

// Ordinals after a ruler's or pope's name, as Roman numerals (عبد الله
// الثاني, Abdullah II; محمد السادس, Mohammed VI); with عشر after them,
// ten more (بنديكت السادس عشر, Benedict XVI).
const std::unordered_map<std::string, int>& RegnalOrdinals() {
  static const std::unordered_map<std::string, int> table = [] {
    std::unordered_map<std::string, int> t;
    int n = 1;
    for (const char* ordinal : {"الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
                                "التاسع", "العاشر"}) {
      t.emplace(text::MatchKey(ordinal), n++);
    }
    t.emplace(text::MatchKey("الحادي"), 1);  // eleventh: الحادي عشر
    return t;
  }();
  return table;
}

std::string RomanNumeral(int n) {
  static const char* const kUnits[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
  return std::string(n / 10, 'X') + kUnits[n % 10];
}

// The Latin of an unknown word written with a final ة, decoded whole (the
// letters before it are read in its context) and ended as newspapers end
// it: the pairs the model learnt from end such words every way (-ah, -eh,
// -e, -h), and the decoder picks among those by the letters before.
std::string DecodeTaMarbuta(const internal::Romanizer& r, std::string_view letters) {
  const std::vector<uint32_t> units = r.DecodeUnits(letters);
  std::string stem;
  for (size_t k = 0; k + 1 < units.size(); ++k) stem += r.units[units[k]].second;
  auto letter_before = [&letters](size_t back) {
    return letters.size() > back ? static_cast<int>(static_cast<uint8_t>(letters[letters.size() - 1 - back])) : -1;
  };
  auto trim = [&stem](std::string_view vowels) {
    while (!stem.empty() && vowels.find(stem.back()) != std::string_view::npos) stem.pop_back();
  };
  static const int kAlef = internal::ArabicIndex(U'ا'), kWaw = internal::ArabicIndex(U'و'),
                   kYeh = internal::ArabicIndex(U'ي');
  const int before = letter_before(1);
  if (before == kYeh) {
    // -iya (Islamiya, Saudiya); after ا the ي is a consonant (Wilaya).
    trim("eiy");
    return stem + (letter_before(2) == kAlef ? "ya" : "iya");
  }
  if (before == kAlef) {
    trim("ae");  // Hayat, Salat
    return stem + "at";
  }
  if (before == kWaw) return stem + (stem.ends_with('w') ? "a" : "wa");  // Qudwa, Quwwa
  if (stem.ends_with('e') || stem.ends_with('i')) stem.pop_back();
  return stem.ends_with('a') ? stem : stem + "a";
}

// Prefixes written on a word: و (and), ب (by, with), ل (for); newspapers print
// them before the word with a hyphen, joined to the article (wal-Sham).
struct Clitic {
  std::string_view arabic, latin;
};
constexpr Clitic kClitics[] = {{"و", "wa"}, {"ب", "bi"}, {"ل", "li"}};

}  // namespace

std::string Matcher::Romanize(std::string_view arabic) const {
  const internal::Romanizer& r = model_->romanizer;
  const WordTable& common = CommonWords();
  const WordTable& titles = TitleWords();
  const WordTable& proper = ProperNames();
  const WordTable& adjectives = NationalityAdjectives();
  const WordTable& names = internal::ArabNameSpellings();
  const WordTable& foreign = internal::ForeignNameSpellings();
  const auto& places = internal::PlacesInNames();
  // A word of the tables: with `names`, of the names of people too, Arab and
  // foreign (ArabNameSpellings, ForeignNameSpellings). Names
  // are short, and many words begin with the letters of ب (by) or ل (for)
  // and a name: بعيد (far) is no بـ + عيد (by Eid), بطة (duck) no بـ + طه.
  // So those prefixes are read off a name only before the article
  // (بالشيخ, bil-Sheikh) or a name of four letters or more; و (and) always.
  auto table_word = [&](const std::string& w, bool with_names = true) -> const std::string* {
    for (const WordTable* table : {&proper, &common, &titles, &adjectives, &names, &foreign}) {
      if (table == &names && !with_names) break;
      if (const auto it = table->find(w); it != table->end()) return &it->second;
    }
    return nullptr;
  };
  // Words as written, their match keys for the memory and the letters, and
  // the Latin letter each names (0 if none).
  std::vector<std::string> originals, words;
  std::vector<char> letter_named;
  for (std::string_view word : internal::WrittenWords(arabic)) {
    originals.emplace_back(word);
    words.push_back(text::MatchKey(word));
    letter_named.push_back(text::LatinLetterNamed(word));
  }
  // Connecting words are printed as newspapers print them. عبد: servant (of);
  // ابو: father (of); ام: mother (of); بن/ابن: son (of); بنت: daughter (of);
  // ال: the; الله: God.
  const std::string kAbd = "عبد", kAbu = "ابو", kUmm = "ام", kBin = "بن", kIbn = "ابن", kBint = "بنت";
  const std::string kAl = "ال", kAllah = "الله";
  auto is_connector = [&](const std::string& w) {
    return w == kAbu || w == kUmm || w == kBin || w == kIbn || w == kBint;
  };
  // A name that begins with a common word of the tables (جامعة الدمام,
  // the University of Dammam), or of two words the second of which is one
  // (واشنطن بوست), names a body or a place: a city or province of the
  // curated list in it is printed by its English name (Jamiat Dammam,
  // Washington Post), article and all. Not where a person is named (مدرسة
  // الخليل بن أحمد, a school named after al-Khalil ibn Ahmad; حلب is a
  // surname too, not Aleppo), nor a word of two letters (إب, Ibb, is أب,
  // father).
  auto common_word = [&](const std::string& w) {
    return common.count(w) > 0 || (w.starts_with(kAl) && common.count(w.substr(kAl.size())) > 0);
  };
  const bool institutional =
      !words.empty() && (common_word(words.front()) || (words.size() == 2 && common.count(words.back()))) &&
      std::none_of(words.begin(), words.end(), [&](const std::string& w) { return is_connector(w) || w == kAbd; });
  auto place_word = [&](const std::string& w, const std::string& letters) -> const std::string* {
    if (!institutional || letters.size() < 3) return nullptr;
    const auto it = places.find(w);
    return it == places.end() ? nullptr : &it->second;
  };
  // The match key folds أل, إل and آل (Albert, Elias, Alaa) into ال: the
  // word as written tells (ٱل, with alef wasla, is the article).
  auto written_article = [](const std::string& written) {
    return !(written.starts_with("أل") || written.starts_with("إل") || written.starts_with("آل"));
  };
  auto has_article = [&](const std::string& w, const std::string& written, const std::string& letters) {
    return w.starts_with(kAl) && written_article(written) && letters.size() >= 4;
  };
  // The title of a newspaper or magazine (صحيفة، جريدة، مجلة) that is a
  // word with the article keeps it, and a word of the tables is read before
  // a city: صحيفة الخبر is the paper al-Khabar (the News), though الخبر is
  // also Khobar, and صحيفة الرياض the paper al-Riyadh. A city without the
  // article is printed as elsewhere (صحيفة واشنطن بوست, صحيفة إلينوي).
  static const text::internal::StringSet kPress = text::internal::MatchKeySet({"صحيفة", "جريدة", "مجلة"});
  const std::string* press_title =
      words.size() >= 2 && kPress.contains(words[0]) && words[1].starts_with(kAl) &&
              written_article(text::Normalize(originals[1], text::kDisplay).text)
          ? &words[1]
          : nullptr;
  // One ordinary word, capitalised, with its article printed as `al`;
  // *in_construct is set when a final ة may be read -at: a common word of
  // the tables without the article. A word decoded letter by letter is most
  // often a name, and names take no construct ending (Abu Ubayda
  // al-Jarrah, Talha al-Shami).
  auto spell = [&](const std::string& w, const std::string& written, const std::string& letters, bool ta_marbuta,
                   const std::string& al, bool* in_construct) -> std::string {
    *in_construct = false;
    if (const std::string* latin = table_word(w)) {
      *in_construct = common.count(w) > 0;
      return Capitalized(*latin);
    }
    if (const std::string* english = place_word(w, letters)) {
      if (&w != press_title) return *english;
      if (const std::string* word = table_word(w.substr(kAl.size()), false)) return al + Capitalized(*word);
      // A city's English name that begins with Al, the article (Al-Jouf,
      // AlUla) or its first letters (Alexandria), is not given another.
      return english->starts_with("Al") ? *english : al + *english;
    }
    const std::string* remembered = r.Remembered(w);
    if (has_article(w, written, letters)) {
      const std::string stem = w.substr(kAl.size());
      // No foreign name takes the Arabic article: السيب is Seeb, not Sepp.
      if (const std::string* latin = table_word(stem); latin != nullptr && !foreign.count(stem)) {
        return al + Capitalized(*latin);
      }
      // A word of the article ending in ي is a nisba, and the press ends it
      // -i (al-Haidari, al-Tuwaijri), where the memory and the model, learnt
      // from foreign names, may end it -y or -ey (al-Haidry, al-Sahley; the
      // memory reads فريدي as Freddy).
      const auto nisba = [&stem](std::string latin) {
        if (!stem.ends_with("ي")) return latin;
        if (latin.ends_with("ey")) {
          latin.replace(latin.size() - 2, 2, "i");
        } else if (latin.size() > 2 && latin.ends_with('y') &&
                   std::string_view("aeiou").find(latin[latin.size() - 2]) == std::string_view::npos) {
          latin.back() = 'i';
        }
        return latin;
      };
      // A remembered spelling that writes the article (Alexander for
      // الكسندر, Alghamdi for الغامدي) is kept whole: nothing in the data
      // tells the Arabic article from a foreign name's Al- (Almaty, الماتي).
      if (remembered != nullptr) {
        const bool whole = remembered->starts_with("al") || remembered->starts_with("el");
        if (whole) return Capitalized(*remembered);
        // The Maghreb's spelling fuses the article to the name as l (الأزهر
        // Lazhar, العريض Laarayedh): that l is the article, printed al-.
        const bool fused = remembered->size() > 2 && remembered->front() == 'l' &&
                           std::string_view("aeiou").find((*remembered)[1]) != std::string_view::npos &&
                           !stem.starts_with("ل");
        return al + Capitalized(nisba(fused ? remembered->substr(1) : *remembered));
      }
      if (const std::string* latin = r.Remembered(stem)) return al + Capitalized(nisba(*latin));
      std::string stem_letters;
      internal::ArabicWordLetters(stem, &stem_letters);
      return al + Capitalized(ta_marbuta ? DecodeTaMarbuta(r, stem_letters) : nisba(r.Decode(stem_letters)));
    }
    if (remembered != nullptr) return Capitalized(*remembered);
    const bool long_rest = letters.size() >= 1 + 4;  // a prefix and four letters
    for (const Clitic& c : kClitics) {
      if (!w.starts_with(c.arabic)) continue;
      const std::string rest = w.substr(c.arabic.size());
      // ل before the article drops its alef: للأنباء is ل + الأنباء.
      const size_t article = rest.starts_with(kAl) ? kAl.size() : c.arabic == "ل" && rest.starts_with("ل") ? 2 : 0;
      if (article > 0) {
        if (const std::string* latin = table_word(rest.substr(article))) {
          return std::string(c.latin) + "l-" + Capitalized(*latin);
        }
      } else if (const std::string* latin = table_word(rest, c.arabic == "و" || long_rest)) {
        *in_construct = common.count(rest) > 0;
        return std::string(c.latin) + "-" + Capitalized(*latin);
      }
    }
    return Capitalized(ta_marbuta ? DecodeTaMarbuta(r, letters) : r.Decode(letters));
  };
  // Where a ruler's ordinal at word i ends (i + 1, or i + 2 with عشر, ten,
  // after it), or i if there is none: after a name, not after a
  // common word of the tables (المؤتمر الدولي الثاني, the second
  // international conference), nor الحادي without عشر.
  static const std::string kTen = text::MatchKey("عشر"), kEleventh = text::MatchKey("الحادي");
  auto ordinal_end_at = [&](size_t i) -> size_t {
    if (!RegnalOrdinals().count(words[i]) || i == 0 || Particles().count(words[i - 1])) return i;
    const std::string& before = words[i - 1];
    if (table_word(before, false) || (before.starts_with(kAl) && table_word(before.substr(kAl.size()), false))) {
      return i;
    }
    // The ordinal ends the name or comes before the father's (عبد الله
    // الثاني بن الحسين, Abdullah II bin al-Hussein).
    auto name_ends_at = [&](size_t j) { return j == words.size() || words[j] == kBin || words[j] == kIbn; };
    if (i + 1 < words.size() && words[i + 1] == kTen && name_ends_at(i + 2)) return i + 2;
    return name_ends_at(i + 1) && words[i] != kEleventh ? i + 1 : i;
  };
  std::string out;
  bool after_abd = false;  // the article of the noun after عبد is in "Abdul"
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    std::string letters;
    std::string latin;
    size_t acronym_end = i;
    while (acronym_end < words.size() && letter_named[acronym_end]) ++acronym_end;
    if (!internal::ArabicWordLetters(w, &letters)) {
      latin = originals[i];
    } else if (acronym_end >= i + 2) {
      // Two letter names or more: a Latin acronym (one alone is a word: في).
      latin.assign(letter_named.begin() + i, letter_named.begin() + acronym_end);
      i = acronym_end - 1;
    } else if (w == kAbd && i + 1 < words.size() && names.count(w + words[i + 1])) {
      // A name the table writes as one word, written as two (عبد الله).
      latin = names.at(w + words[i + 1]);
      ++i;
    } else if (i + 1 < words.size() && words[i + 1] == kAllah &&
               (r.Remembered(w + kAllah) != nullptr || AllahCompounds().count(w))) {
      const std::string* joined = r.Remembered(w + kAllah);
      latin = Capitalized(joined != nullptr ? *joined : AllahCompounds().at(w));
      ++i;
    } else if (w == kAllah) {
      latin = "Allah";
    } else if (w == kAbd && i + 1 < words.size()) {
      if (const std::string* joined = r.Remembered(w + words[i + 1])) {
        latin = Capitalized(*joined);
        ++i;
      } else {
        latin = "Abdul";
        after_abd = true;
      }
    } else if (is_connector(w)) {
      latin = w == kAbu ? "Abu" : w == kUmm ? "Umm" : w == kBin ? "bin" : w == kIbn ? "ibn" : "bint";
    } else if (const auto it = Particles().find(w); it != Particles().end()) {
      latin = it->second;
    } else if (const size_t ordinal_end = ordinal_end_at(i); ordinal_end > i) {
      const int n = RegnalOrdinals().at(w) + (ordinal_end == i + 2 ? 10 : 0);
      latin = RomanNumeral(n);
      i = ordinal_end - 1;
    } else {
      // A word written with ة ends -at when a noun follows it (construct:
      // Jabhat al-Nusra; Jamiat Umm al-Qura, أم being a noun, mother), -a
      // at the end of the name (al-Dawla).
      const std::string written = text::Normalize(originals[i], text::kDisplay).text;
      const bool ta_marbuta = written.ends_with("ة");
      bool in_construct;
      latin = spell(w, written, letters, ta_marbuta, after_abd ? "" : "al-", &in_construct);
      if (ta_marbuta && in_construct && latin.ends_with('a') && i + 1 < words.size() &&
          (!is_connector(words[i + 1]) || words[i + 1] == kUmm) && !Particles().count(words[i + 1])) {
        latin += 't';
      }
    }
    if (latin != "Abdul") after_abd = false;
    if (!out.empty()) out += ' ';
    out += latin;
  }
  return out;
}

}  // namespace marsad::resolve
