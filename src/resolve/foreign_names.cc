// The spellings English-language newspapers print foreign names in the Arab
// news with, where the romanizer reads them otherwise: the names that come
// back most often in a year of Saudi news (SaudiNewsNet, 2015).
//
// The romanizer's memory keeps, of the transliteration pairs' spellings of
// a name, the commonest; for a name the news prints daily that is at times
// a reading the press never uses: بوتين "Pootin", نتنياهو "Netenyahu",
// رونالدو "Runaldo", جوزيه "Joset". Only such names are here, each as the
// English-language press writes the bearer it is known by (Putin,
// Netanyahu). Names an Arab name shares (زيدان: Zidane, and Zaidan; رجب:
// Recep, and Rajab) are not: ArabNameSpellings and the memory read them.
#include "resolve/internal.h"

namespace marsad::resolve::internal {

const WordTable& ForeignNameSpellings() {
  static const WordTable table = MakeTable({
      // Heads of state and government, ministers, envoys.
      {"بوتين", "Putin"},
      {"نتنياهو", "Netanyahu"},
      {"بنيامين", "Benjamin"},
      {"هولاند", "Hollande"},
      {"فرنسوا", "Francois"},
      {"روحاني", "Rouhani"},
      {"ظريف", "Zarif"},
      {"تسيبراس", "Tsipras"},
      {"بلير", "Blair"},
      {"كوبلر", "Kobler"},
      // Football: players, coaches, officials.
      {"رونالدو", "Ronaldo"},
      {"نيمار", "Neymar"},
      {"جوزيه", "Jose"},
      {"جوزيف", "Joseph"},
      {"فينغر", "Wenger"},
      {"فينجر", "Wenger"},
      {"إدواردو", "Eduardo"},
      {"إنفانتينو", "Infantino"},
      {"جروس", "Gross"},
      {"غروس", "Gross"},
      {"سيب", "Sepp"},
      {"آرسين", "Arsene"},
      {"سيرخيو", "Sergio"},
      {"دييجو", "Diego"},
      {"إنريكي", "Enrique"},
      {"إبراهيموفيتش", "Ibrahimovic"},
      {"بنزيمة", "Benzema"},
      {"ديباي", "Depay"},
      {"انخل", "Angel"},
      {"راداميل", "Radamel"},
      {"باستيان", "Bastian"},
      // Others: a minister, a stock index.
      {"فالتر", "Walter"},
      {"داو", "Dow"},
  });
  return table;
}

}  // namespace marsad::resolve::internal
