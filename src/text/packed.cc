// Model payloads compressed with zlib (models/ner.model, models/translit.model).
#include <zlib.h>

#include "text/internal.h"

namespace marsad::text::internal {

bool Pack(std::string_view bytes, std::string* packed) {
  uLongf size = compressBound(static_cast<uLong>(bytes.size()));
  packed->assign(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed->data()), &size, reinterpret_cast<const Bytef*>(bytes.data()),
                static_cast<uLong>(bytes.size()), 9) != Z_OK) {
    packed->clear();
    return false;
  }
  packed->resize(size);
  return true;
}

uint32_t Crc32(std::string_view bytes) {
  return static_cast<uint32_t>(crc32_z(0, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
}

bool Unpack(std::string_view packed, uint64_t size, uint32_t crc, std::string* bytes) {
  bytes->clear();
  // zlib expands at most 1032 to 1: a size claiming more is corrupt, and
  // must not make this allocate it.
  if (size > (uint64_t{1} << 31) || size > uint64_t{packed.size()} * 1032 + 64) return false;
  std::string out(size, '\0');
  uLongf got = static_cast<uLongf>(size);
  uLong read = static_cast<uLong>(packed.size());
  // Every packed byte must be read: zlib stops at the end of its stream and
  // would let bytes after it pass.
  if (uncompress2(reinterpret_cast<Bytef*>(out.data()), &got, reinterpret_cast<const Bytef*>(packed.data()),
                  &read) != Z_OK ||
      read != packed.size() || got != size || Crc32(out) != crc) {
    return false;
  }
  *bytes = std::move(out);
  return true;
}

}  // namespace marsad::text::internal
