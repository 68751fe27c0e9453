#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "text/internal.h"

namespace marsad::text::internal {
namespace {

using Catalog = std::vector<std::pair<std::string, std::string>>;

void PutU32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>(v >> (8 * i) & 0xFF));
}

// A little-endian .mo file of `entries`, laid out as msgfmt writes it: the
// header, the table of originals, the table of translations, the strings.
std::string MoFile(const Catalog& entries) {
  const uint32_t n = static_cast<uint32_t>(entries.size());
  const uint32_t originals = 28, translations = originals + 8 * n;
  uint32_t offset = translations + 8 * n;
  std::string header, tables, strings;
  PutU32(0x950412de, &header);
  PutU32(0, &header);  // revision
  PutU32(n, &header);
  PutU32(originals, &header);
  PutU32(translations, &header);
  PutU32(0, &header);  // no hash table
  PutU32(0, &header);
  std::string original_table, translation_table;
  for (int side = 0; side < 2; ++side) {
    for (const auto& [original, translation] : entries) {
      const std::string& s = side == 0 ? original : translation;
      std::string& table = side == 0 ? original_table : translation_table;
      PutU32(static_cast<uint32_t>(s.size()), &table);
      PutU32(offset, &table);
      strings += s;
      strings.push_back('\0');
      offset += static_cast<uint32_t>(s.size()) + 1;
    }
  }
  return header + original_table + translation_table + strings;
}

std::string WriteFile(const std::string& name, const std::string& bytes) {
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(GettextCatalog, ReadsPairsWithoutTheHeaderEntry) {
  // The header entry has an empty original; Bahrain and the Kingdom of Bahrain.
  const Catalog entries = {{"", "Content-Type: text/plain; charset=UTF-8\n"},
                           {"Bahrain", "البحرين"},
                           {"Kingdom of Bahrain", "مملكة البحرين"}};
  const std::string path = WriteFile("marsad_gettext_test.mo", MoFile(entries));
  EXPECT_EQ(GettextCatalog(path), (Catalog{{"Bahrain", "البحرين"}, {"Kingdom of Bahrain", "مملكة البحرين"}}));
  std::filesystem::remove(path);
}

TEST(GettextCatalog, BadFilesGiveNothingOrWhatIsWhole) {
  EXPECT_TRUE(GettextCatalog("/nonexistent/marsad.mo").empty());
  EXPECT_TRUE(GettextCatalog(WriteFile("marsad_gettext_junk.mo", "not a catalog at all")).empty());
  const std::string whole = MoFile({{"Qatar", "قطر"}, {"Oman", "عمان"}});
  // Cut inside the strings: the second entry points past the end.
  const std::string cut = whole.substr(0, whole.size() - 6);
  EXPECT_EQ(GettextCatalog(WriteFile("marsad_gettext_cut.mo", cut)), (Catalog{{"Qatar", "قطر"}}));
  // Cut inside the header: nothing.
  EXPECT_TRUE(GettextCatalog(WriteFile("marsad_gettext_short.mo", whole.substr(0, 10))).empty());
  for (const char* name : {"marsad_gettext_junk.mo", "marsad_gettext_cut.mo", "marsad_gettext_short.mo"}) {
    std::filesystem::remove(std::filesystem::temp_directory_path() / name);
  }
}

}  // namespace
}  // namespace marsad::text::internal
