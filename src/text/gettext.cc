// A reader of GNU gettext .mo files, for the translations iso-codes ships.
#include <cstdint>
#include <fstream>
#include <iterator>

#include "text/internal.h"

namespace marsad::text::internal {
namespace {

constexpr uint32_t kMagic = 0x950412de;  // little-endian .mo files

// The little-endian 32-bit word at `at`, or false past the end.
bool WordAt(std::string_view data, uint64_t at, uint32_t* out) {
  if (at + 4 > data.size()) return false;
  *out = 0;
  for (int i = 3; i >= 0; --i) *out = *out << 8 | static_cast<uint8_t>(data[at + static_cast<uint64_t>(i)]);
  return true;
}

// The string a table entry (length, offset) at `at` points to, or false.
bool StringAt(std::string_view data, uint64_t at, std::string_view* out) {
  uint32_t length = 0, offset = 0;
  if (!WordAt(data, at, &length) || !WordAt(data, at + 4, &offset) || uint64_t{offset} + length > data.size()) {
    return false;
  }
  *out = data.substr(offset, length);
  return true;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> GettextCatalog(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::pair<std::string, std::string>> out;
  uint32_t magic = 0, count = 0, originals = 0, translations = 0;
  if (!WordAt(data, 0, &magic) || magic != kMagic || !WordAt(data, 8, &count) || !WordAt(data, 12, &originals) ||
      !WordAt(data, 16, &translations)) {
    return out;
  }
  for (uint32_t i = 0; i < count; ++i) {
    std::string_view original, translation;
    if (!StringAt(data, originals + 8ull * i, &original) || !StringAt(data, translations + 8ull * i, &translation)) {
      break;
    }
    if (original.empty() || translation.empty()) continue;  // the header entry, or untranslated
    out.emplace_back(original, translation);
  }
  return out;
}

}  // namespace marsad::text::internal
