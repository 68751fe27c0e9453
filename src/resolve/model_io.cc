// The model file: versioned and self-describing. A plain-text header of
// key/value lines (format version, seed, data, figures measured at
// training), then a line "body SIZE CRC32" and the body compressed with zlib
// (text::internal::Pack): one text section per model part, each opening
// with its name and size, and "end" last so that a truncated file is caught.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

#include "resolve/internal.h"
#include "text/internal.h"

namespace marsad::resolve::internal {
namespace {

constexpr char kMagic[] = "marsad-translit";

void WriteDense(std::ostream& out, const char* name, const std::vector<float>& v) {
  out << name << ' ' << v.size() << '\n';
  char buf[32];
  for (size_t i = 0; i < v.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%.6g", v[i] <= kNever / 2 ? kNever : v[i]);
    out << buf << ((i + 1) % 16 == 0 || i + 1 == v.size() ? '\n' : ' ');
  }
}

// Only the entries that are not kNever: most two-letter segments never occur.
void WriteSparse(std::ostream& out, const char* name, const std::vector<float>& v) {
  size_t k = 0;
  for (float x : v) k += x > kNever / 2;
  out << name << ' ' << v.size() << ' ' << k << '\n';
  char buf[64];
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] <= kNever / 2) continue;
    std::snprintf(buf, sizeof buf, "%zu %.6g\n", i, v[i]);
    out << buf;
  }
}

void WriteEdit(std::ostream& out, const char* name, const EditModel& m) {
  out << name << ' ' << m.size << ' ' << m.stop << '\n';
  WriteDense(out, "substitute", m.substitute);
  WriteDense(out, "insert", m.insert);
  WriteDense(out, "unigram", m.unigram);
}

// Keys in hex, sorted; six digits of a probability are more than decoding
// can tell apart.
void WriteTable(std::ostream& out, const char* name, const std::unordered_map<uint64_t, float>& table) {
  std::vector<std::pair<uint64_t, float>> sorted(table.begin(), table.end());
  std::sort(sorted.begin(), sorted.end());
  out << name << ' ' << sorted.size() << '\n';
  char buf[64];
  for (const auto& [k, v] : sorted) {
    std::snprintf(buf, sizeof buf, "%llx %.6g\n", static_cast<unsigned long long>(k), v);
    out << buf;
  }
}

// A section of words: Arabic match key and Latin, sorted so that the same
// model always gives the same bytes.
void WriteWords(std::ostream& out, const char* name,
                const std::unordered_map<std::string, std::string>& words) {
  std::vector<std::pair<std::string, std::string>> sorted(words.begin(), words.end());
  std::sort(sorted.begin(), sorted.end());
  out << name << ' ' << sorted.size() << '\n';
  for (const auto& [arabic, latin] : sorted) out << arabic << ' ' << latin << '\n';
}

class Reader {
 public:
  Reader(std::istream& in, const std::string& path) : in_(in), path_(path) {}

  bool Fail(const std::string& what) {
    if (error_.empty()) error_ = path_ + ": " + what;
    return false;
  }
  const std::string& error() const { return error_; }

  bool Expect(const char* name) {
    std::string word;
    if (!(in_ >> word)) return Fail(std::string("truncated before section ") + name);
    if (word != name) return Fail("expected section " + std::string(name) + ", found " + word);
    return true;
  }
  template <typename T>
  bool Get(T* v) {
    if (!(in_ >> *v)) return Fail("truncated or corrupt (a number was expected)");
    return true;
  }
  bool Dense(const char* name, std::vector<float>* v) {
    size_t n;
    if (!Expect(name) || !Get(&n)) return false;
    if (n != v->size()) return Fail(std::string("section ") + name + " has the wrong size");
    for (float& x : *v) {
      if (!Get(&x)) return false;
    }
    return true;
  }
  bool Sparse(const char* name, std::vector<float>* v) {
    size_t n, k;
    if (!Expect(name) || !Get(&n) || !Get(&k)) return false;
    if (n != v->size()) return Fail(std::string("section ") + name + " has the wrong size");
    for (size_t i = 0; i < k; ++i) {
      size_t at;
      float x;
      if (!Get(&at) || !Get(&x)) return false;
      if (at >= n) return Fail(std::string("section ") + name + " has an index out of range");
      (*v)[at] = x;
    }
    return true;
  }
  bool Edit(const char* name, EditModel* m) {
    if (!Expect(name) || !Get(&m->size) || !Get(&m->stop)) return false;
    if (m->size <= 0 || m->size > 64) return Fail(std::string("section ") + name + " is corrupt");
    m->substitute.assign(m->size * m->size, kNever);
    m->insert.assign(m->size, kNever);
    m->unigram.assign(m->size + 1, kNever);
    return Dense("substitute", &m->substitute) && Dense("insert", &m->insert) &&
           Dense("unigram", &m->unigram);
  }
  bool Table(const char* name, std::unordered_map<uint64_t, float>* table) {
    size_t n;
    if (!Expect(name) || !Get(&n)) return false;
    // No reserve: n comes from the file, and a corrupt one must not size an
    // allocation; the loop stops at the end of the data.
    for (size_t i = 0; i < n; ++i) {
      uint64_t k;
      float v;
      if (!(in_ >> std::hex >> k >> std::dec >> v)) return Fail(std::string("truncated or corrupt ") + name);
      (*table)[k] = v;
    }
    return true;
  }
  // A section WriteWords wrote, read into *words, or passed over when
  // `words` is null.
  bool Words(const char* name, std::unordered_map<std::string, std::string>* words) {
    size_t n;
    if (!Expect(name) || !Get(&n)) return false;
    for (size_t i = 0; i < n; ++i) {
      std::string arabic, latin;
      if (!Get(&arabic) || !Get(&latin)) return false;
      if (words) words->emplace(std::move(arabic), std::move(latin));
    }
    return true;
  }
  bool Calibration(const char* name, internal::Calibration* c) {
    if (!Expect(name)) return false;
    for (double& w : c->w) {
      if (!Get(&w)) return false;
    }
    return true;
  }
  std::istream& stream() { return in_; }

 private:
  std::istream& in_;
  std::string path_;
  std::string error_;
};

}  // namespace

bool WriteModel(const Matcher::Model& model, const std::string& path, std::string* error) {
  std::ostringstream out;
  out << kMagic << ' ' << kModelFormatVersion << '\n';
  out << "# Name matching and romanisation model of marsad (src/resolve). Re-derive it with\n"
         "# `marsad train translit`; models/README.md says how and what it was measured at.\n"
         "# Sections: arabic_latin (emit: log P(latin segment | arabic letter, position),\n"
         "# insert: log P(inserted latin letter | letter before, next), latin_bigram: chance),\n"
         "# arabic_arabic and latin_latin (symmetric edit models), calibrations (logistic\n"
         "# weights), romanizer (units, n-gram order, discounted shares and backoff weights\n"
         "# of interpolated Kneser-Ney, memory of whole words, that of the held-out words, the\n"
         "# spellings printed where they differ from the memory's), compressed with zlib\n"
         "# after the line \"body SIZE CRC32\".\n";
  out << "seed " << model.info.seed << '\n';
  out << "heldout " << model.info.heldout << '\n';
  out << "data " << model.info.data << '\n';
  for (const std::string& e : model.info.evaluation) out << "eval " << e << '\n';
  std::ostringstream body;
  const ArabicLatinModel& al = model.arabic_latin;
  WriteSparse(body, "emit", al.emit);
  WriteDense(body, "insert", al.insert);
  WriteDense(body, "latin_bigram", al.latin_bigram);
  WriteEdit(body, "arabic_arabic", model.arabic_arabic);
  WriteEdit(body, "latin_latin", model.latin_latin);
  for (const auto& [name, c] : {std::pair{"cal_arabic_latin", &model.cal_arabic_latin},
                                {"cal_arabic_arabic", &model.cal_arabic_arabic},
                                {"cal_latin_latin", &model.cal_latin_latin}}) {
    body << name;
    for (double w : c->w) body << ' ' << w;
    body << '\n';
  }
  const Romanizer& r = model.romanizer;
  body << "units " << r.units.size() << '\n';
  for (const auto& [letter, latin] : r.units) body << letter << ' ' << (latin.empty() ? "-" : latin) << '\n';
  body << "order " << r.order << '\n';
  WriteTable(body, "discounted", r.discounted);
  WriteTable(body, "backoff", r.backoff);
  WriteWords(body, "memory", r.memory);
  WriteWords(body, "heldout_memory", r.heldout_memory);
  WriteWords(body, "printed", r.printed);
  body << "end\n";
  const std::string sections = body.str();
  std::string packed;
  if (!text::internal::Pack(sections, &packed)) {
    *error = path + ": cannot compress the model";
    return false;
  }
  out << "body " << sections.size() << ' ' << text::internal::Crc32(sections) << '\n' << packed;

  const std::string tmp = path + ".tmp";
  std::ofstream file(tmp, std::ios::binary);
  file << out.str();
  file.close();
  if (!file || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    *error = path + ": cannot write the model";
    return false;
  }
  return true;
}

bool ReadModel(const std::string& path, bool heldout_memory, Matcher::Model* model, std::string* error) {
  std::string bytes;
  {
    std::ifstream stored(path, std::ios::binary);
    if (!stored) {
      *error = path + ": cannot open the name-matching model (run `marsad train translit`, or set "
                      "MARSAD_MODEL_DIR)";
      return false;
    }
    bytes.assign(std::istreambuf_iterator<char>(stored), std::istreambuf_iterator<char>());
  }
  model->info.checksum = text::internal::Crc32(bytes);
  std::istringstream file(bytes);
  std::string magic;
  int version = 0;
  if (!(file >> magic >> version) || magic != kMagic) {
    *error = path + ": not a marsad name-matching model";
    return false;
  }
  if (version != kModelFormatVersion) {
    *error = path + ": model format version " + std::to_string(version) + ", this build reads " +
             std::to_string(kModelFormatVersion) + "; re-derive it with `marsad train translit`";
    return false;
  }
  model->info.format_version = version;
  std::string line;
  std::getline(file, line);
  while (std::getline(file, line) && !line.starts_with("body ")) {
    if (line.empty() || line[0] == '#') continue;
    const size_t sp = line.find(' ');
    const std::string key = line.substr(0, sp), value = sp == std::string::npos ? "" : line.substr(sp + 1);
    if (key == "seed") {
      const auto [end, status] = std::from_chars(value.data(), value.data() + value.size(), model->info.seed);
      if (status != std::errc() || end != value.data() + value.size()) {
        *error = path + ": corrupt header (seed \"" + value + "\")";
        return false;
      }
    } else if (key == "heldout") {
      // A fraction of the spellings: evaluation splits the data by it again.
      const auto [end, status] = std::from_chars(value.data(), value.data() + value.size(), model->info.heldout);
      if (status != std::errc() || end != value.data() + value.size() || !(model->info.heldout >= 0) ||
          model->info.heldout >= 1) {
        *error = path + ": corrupt header (heldout \"" + value + "\")";
        return false;
      }
    } else if (key == "data") {
      model->info.data = value;
    } else if (key == "eval") {
      model->info.evaluation.push_back(value);
    }
  }
  // The body starts after the line's newline: a file that ends on the line
  // has none (tellg is -1 at the end of the data).
  const std::streamoff body_at = file ? static_cast<std::streamoff>(file.tellg()) : -1;
  if (body_at < 0) {
    *error = path + ": truncated in its header";
    return false;
  }
  uint64_t body_size = 0, body_crc = 0;
  if (!(std::istringstream(line.substr(5)) >> body_size >> body_crc) || body_crc > UINT32_MAX) {
    *error = path + ": corrupt header (\"" + line + "\")";
    return false;
  }
  std::string body_text;
  const std::string_view packed = std::string_view(bytes).substr(static_cast<size_t>(body_at));
  if (!text::internal::Unpack(packed, body_size, static_cast<uint32_t>(body_crc), &body_text)) {
    *error = path + ": truncated or corrupt (its compressed body)";
    return false;
  }
  std::istringstream body(std::move(body_text));
  Reader in(body, path);
  ArabicLatinModel& al = model->arabic_latin;
  bool ok = in.Sparse("emit", &al.emit) && in.Dense("insert", &al.insert) &&
            in.Dense("latin_bigram", &al.latin_bigram) &&
            in.Edit("arabic_arabic", &model->arabic_arabic) &&
            in.Edit("latin_latin", &model->latin_latin) &&
            in.Calibration("cal_arabic_latin", &model->cal_arabic_latin) &&
            in.Calibration("cal_arabic_arabic", &model->cal_arabic_arabic) &&
            in.Calibration("cal_latin_latin", &model->cal_latin_latin);
  ok = ok && (model->arabic_arabic.size == kArabicLetters || in.Fail("arabic_arabic has the wrong alphabet")) &&
       (model->latin_latin.size == kLatinLetters || in.Fail("latin_latin has the wrong alphabet"));
  Romanizer& r = model->romanizer;
  size_t units = 0;
  ok = ok && in.Expect("units") && in.Get(&units);
  for (size_t i = 0; ok && i < units; ++i) {
    int letter;
    std::string latin;
    ok = in.Get(&letter) && in.Get(&latin);
    if (ok && (letter < 0 || letter >= kArabicLetters)) ok = in.Fail("a unit has a bad letter");
    if (ok && i >= kMaxUnits) ok = in.Fail("the romanizer has too many units");
    if (ok) r.units.emplace_back(letter, latin == "-" ? "" : latin);
  }
  ok = ok && in.Expect("order") && in.Get(&r.order);
  if (ok && (r.order < 1 || r.order > kMaxOrder)) ok = in.Fail("the romanizer's n-gram order is out of range");
  ok = ok && in.Table("discounted", &r.discounted) && in.Table("backoff", &r.backoff);
  ok = ok && in.Words("memory", &r.memory) &&
       in.Words("heldout_memory", heldout_memory ? &r.heldout_memory : nullptr) &&
       in.Words("printed", &r.printed);
  model->info.heldout_memory = heldout_memory;
  ok = ok && in.Expect("end");
  if (!ok) {
    *error = in.error();
    return false;
  }
  if (r.units.size() < 2) {
    *error = path + ": the romanizer has no units";
    return false;
  }
  r.Rebuild();
  return true;
}

}  // namespace marsad::resolve::internal
