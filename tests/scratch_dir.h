// A test's scratch directory: a fresh directory under the system's temporary
// directory (std::filesystem::temp_directory_path(), so $TMPDIR), made when
// the ScratchDir is constructed and removed, with all it holds, when it is
// destroyed. Every file a test writes goes in one, so that no run leaves
// anything in /tmp.
//
// The name holds the running test (or, from SetUpTestSuite, the suite) for
// whoever looks, and mkdtemp makes it unique: ctest runs each test in a
// process of its own, several at once, and two runs of one binary at once
// never share a directory.
//
//   TEST(Reader, ReadsAFile) {
//     marsad::testing::ScratchDir scratch;
//     std::ofstream(scratch.path("in.txt")) << "...";
//   }
//
// A file a whole suite shares lives in a ScratchDir made in SetUpTestSuite
// and deleted in TearDownTestSuite.
#ifndef MARSAD_TESTS_SCRATCH_DIR_H_
#define MARSAD_TESTS_SCRATCH_DIR_H_

#include <stdlib.h>

#include <cctype>
#include <cerrno>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include <gtest/gtest.h>

namespace marsad::testing {

class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / ("marsad-" + Label() + "-XXXXXX")).string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
    }
    dir_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  // The directory itself.
  const std::filesystem::path& dir() const { return dir_; }
  // The file (or folder) `name` inside it; nothing is created.
  std::string path(std::string_view name) const { return (dir_ / name).string(); }

 private:
  // "Suite.Test" of the running test, or "Suite" between tests, kept to
  // letters, digits, '.', '_' and '-' (parameterised names hold '/').
  static std::string Label() {
    const ::testing::UnitTest& unit = *::testing::UnitTest::GetInstance();
    std::string label = "test";
    if (const ::testing::TestInfo* test = unit.current_test_info()) {
      label = std::string(test->test_suite_name()) + "." + test->name();
    } else if (const ::testing::TestSuite* suite = unit.current_test_suite()) {
      label = suite->name();
    }
    for (char& c : label) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') c = '_';
    }
    return label.substr(0, 100);
  }

  std::filesystem::path dir_;
};

}  // namespace marsad::testing

#endif  // MARSAD_TESTS_SCRATCH_DIR_H_
