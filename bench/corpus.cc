#include "corpus.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <zip.h>

namespace marsad::bench {
namespace fs = std::filesystem;

namespace {

void AddZip(const fs::path& path, size_t max_bytes, size_t* total, std::vector<std::string>* out) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z) return;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0) && *total < max_bytes; ++i) {
    zip_stat_t st;
    if (zip_stat_index(z, i, 0, &st) != 0) continue;
    zip_file_t* f = zip_fopen_index(z, i, 0);
    if (!f) continue;
    std::string data(st.size, '\0');
    const zip_int64_t got = zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    if (got < 0) continue;
    data.resize(static_cast<size_t>(got));
    const auto articles = nlohmann::json::parse(data, nullptr, false);
    if (!articles.is_array()) continue;
    for (const auto& a : articles) {
      if (!a.contains("content") || !a["content"].is_string()) continue;
      out->push_back(a["content"].get<std::string>());
      *total += out->back().size();
      if (*total >= max_bytes) break;
    }
  }
  zip_close(z);
}

}  // namespace

std::vector<std::string> LoadCorpus(size_t max_bytes) {
  const char* env = std::getenv("MARSAD_BENCH_CORPUS");
  const fs::path dir = env && *env ? env : "examples/corpus";
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> docs;
  size_t total = 0;
  for (const fs::path& p : files) {
    if (total >= max_bytes) break;
    if (p.extension() == ".zip") {
      AddZip(p, max_bytes, &total, &docs);
    } else if (p.extension() == ".txt") {
      std::ifstream in(p, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      docs.push_back(ss.str());
      total += docs.back().size();
    }
  }
  std::cerr << "bench corpus: " << dir << ", " << docs.size() << " documents, " << total
            << " bytes\n";
  return docs;
}

}  // namespace marsad::bench
