#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "text/internal.h"

namespace marsad::text::internal {
namespace {

// A model section's worth of text: repetitive, as model files are.
std::string Sections() {
  std::string s;
  for (int i = 0; i < 2000; ++i) s += "discounted " + std::to_string(i * 7919 % 1000) + " 0.125\n";
  return s;
}

TEST(Packed, RoundTripsAndIsTheSameEveryTime) {
  const std::string bytes = Sections();
  std::string packed, again, unpacked;
  ASSERT_TRUE(Pack(bytes, &packed));
  ASSERT_TRUE(Pack(bytes, &again));
  EXPECT_EQ(packed, again);  // a re-derived model is the same file
  EXPECT_LT(packed.size(), bytes.size() / 4);
  ASSERT_TRUE(Unpack(packed, bytes.size(), Crc32(bytes), &unpacked));
  EXPECT_EQ(unpacked, bytes);

  std::string empty_packed;
  ASSERT_TRUE(Pack("", &empty_packed));
  ASSERT_TRUE(Unpack(empty_packed, 0, Crc32(""), &unpacked));
  EXPECT_EQ(unpacked, "");
}

TEST(Packed, RefusesWhatIsNotTheBytesPacked) {
  const std::string bytes = Sections();
  std::string packed, out = "left over";
  ASSERT_TRUE(Pack(bytes, &packed));
  const uint32_t crc = Crc32(bytes);
  // Truncated.
  EXPECT_FALSE(Unpack(packed.substr(0, packed.size() / 2), bytes.size(), crc, &out));
  EXPECT_TRUE(out.empty());
  // One byte changed in the middle.
  std::string flipped = packed;
  flipped[flipped.size() / 2] ^= 0x20;
  EXPECT_FALSE(Unpack(flipped, bytes.size(), crc, &out));
  // The wrong size or checksum.
  EXPECT_FALSE(Unpack(packed, bytes.size() - 1, crc, &out));
  EXPECT_FALSE(Unpack(packed, bytes.size(), crc ^ 1, &out));
  // Bytes after the packed stream.
  EXPECT_FALSE(Unpack(packed + "junk", bytes.size(), crc, &out));
  // A size no packed bytes of this length could expand to (zlib expands at
  // most 1032 to 1), or over 2 GB: refused without allocating it.
  ASSERT_LT(packed.size() * 1032 + 65, uint64_t{1} << 31);
  EXPECT_FALSE(Unpack(packed, packed.size() * 1032 + 65, crc, &out));
  EXPECT_FALSE(Unpack(packed, uint64_t{1} << 40, crc, &out));
  EXPECT_FALSE(Unpack("not zlib", 8, Crc32("not zlib"), &out));
}

}  // namespace
}  // namespace marsad::text::internal
