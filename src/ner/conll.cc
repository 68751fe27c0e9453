// CoNLL files and exact-span scoring.
#include <filesystem>
#include <fstream>

#include "ner/internal.h"

namespace marsad::ner {
namespace {

struct Chunk {
  size_t begin;
  size_t end;
  EntityType type;
  bool operator==(const Chunk&) const = default;
};

// Mentions of a tag sequence by the rules of conlleval: a chunk starts at
// B-X, or at I-X after O or after another type; it ends before O, B-, or a
// tag of another type.
std::vector<Chunk> Chunks(const std::vector<std::string>& tags) {
  std::vector<Chunk> chunks;
  int open = -1;  // type of the chunk being read, or -1
  size_t start = 0;
  for (size_t i = 0; i <= tags.size(); ++i) {
    int type = -1;
    bool begin = false;
    if (i < tags.size()) {
      const std::string_view t = tags[i];
      if (t.size() > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-') {
        if (auto parsed = ParseEntityType(t.substr(2))) type = static_cast<int>(*parsed);
        begin = t[0] == 'B';
      }
    }
    const bool continues = type >= 0 && type == open && !begin;
    if (open >= 0 && !continues) {
      chunks.push_back({start, i, static_cast<EntityType>(open)});
      open = -1;
    }
    if (type >= 0 && !continues) {
      open = type;
      start = i;
    }
  }
  return chunks;
}

}  // namespace

void Score(const std::vector<std::string>& gold, const std::vector<std::string>& predicted,
           Evaluation* e) {
  const std::vector<Chunk> g = Chunks(gold);
  const std::vector<Chunk> p = Chunks(predicted);
  ++e->sentences;
  e->tokens += static_cast<uint32_t>(gold.size());
  for (const Chunk& c : g) {
    ++e->overall.gold;
    ++e->by_type[static_cast<int>(c.type)].gold;
  }
  for (const Chunk& c : p) {
    ++e->overall.predicted;
    ++e->by_type[static_cast<int>(c.type)].predicted;
  }
  // Both lists are in order and without overlaps: merge them.
  size_t j = 0;
  for (const Chunk& c : g) {
    while (j < p.size() && p[j].begin < c.begin) ++j;
    if (j < p.size() && p[j] == c) {
      ++e->overall.correct;
      ++e->by_type[static_cast<int>(c.type)].correct;
    }
  }
}

bool ReadConll(const std::string& path, std::vector<ConllSentence>* sentences,
               std::string* error) {
  // A folder opens as a file would, then reads as a failing disk would.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    *error = path + ": is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open";
    return false;
  }
  ConllSentence current;
  std::string line;
  size_t line_no = 0;
  auto flush = [&] {
    if (!current.words.empty()) sentences->push_back(std::move(current));
    current = ConllSentence();
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      flush();
      continue;
    }
    // "-DOCSTART- -X- -X- O": CoNLL's mark between documents, no word.
    constexpr std::string_view kDocStart = "-DOCSTART-";
    if (line.starts_with(kDocStart) &&
        (line.size() == kDocStart.size() || line[kDocStart.size()] == ' ' || line[kDocStart.size()] == '\t')) {
      flush();
      continue;
    }
    const size_t sep = line.find_last_of(" \t");
    const size_t word_end = sep == std::string::npos ? 0 : line.find_last_not_of(" \t", sep);
    if (sep == std::string::npos || word_end == std::string::npos) {
      *error = path + " line " + std::to_string(line_no) + ": expected \"token tag\"";
      return false;
    }
    std::string word = line.substr(0, word_end + 1);
    const size_t word_begin = word.find_first_not_of(" \t");
    word.erase(0, word_begin);
    if (word.starts_with("ar:") && word.size() > 3) word.erase(0, 3);  // WikiANN's language prefix
    std::string tag = line.substr(sep + 1);
    const bool entity = tag.size() > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' &&
                        ParseEntityType(std::string_view(tag).substr(2));
    if (tag != "O" && !entity) {
      *error = path + " line " + std::to_string(line_no) + ": unknown tag \"" + tag +
               "\" (expected O, B-X or I-X with X one of PER, PERS, LOC, ORG, MISC)";
      return false;
    }
    current.words.push_back(std::move(word));
    current.tags.push_back(std::move(tag));
  }
  flush();
  if (in.bad()) {
    *error = path + ": read error";
    return false;
  }
  return true;
}

bool WriteConll(const std::string& path, const std::vector<ConllSentence>& sentences,
                std::string* error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const ConllSentence& s : sentences) {
    for (size_t i = 0; i < s.words.size(); ++i) out << s.words[i] << '\t' << s.tags[i] << '\n';
    out << '\n';
  }
  if (!out.flush()) {
    *error = path + ": cannot write";
    return false;
  }
  return true;
}

}  // namespace marsad::ner
