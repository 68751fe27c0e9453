// Model files and the feature table.
#include <zlib.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <numeric>

#include <nlohmann/json.hpp>

#include "ner/internal.h"

namespace marsad::ner::internal {

void FeatureTable::Build(const std::vector<uint64_t>& keys, const std::vector<float>& weights) {
  rows_.Reset(keys.size());
  for (size_t f = 0; f < keys.size(); ++f) {
    std::copy_n(&weights[f * kLabels], kLabels, rows_[keys[f]].data());
  }
}

bool GroupsOf(const std::vector<std::string>& names, uint32_t* groups, std::string* error) {
  *groups = 0;
  for (const std::string& name : names) {
    auto it = std::find_if(kGroupNames.begin(), kGroupNames.end(),
                           [&](const auto& g) { return name == g.first; });
    if (it == kGroupNames.end()) {
      *error = "unknown feature group \"" + name + "\"";
      return false;
    }
    *groups |= it->second;
  }
  return true;
}

std::vector<std::string> GroupNames(uint32_t groups) {
  std::vector<std::string> names;
  for (const auto& [name, bit] : kGroupNames) {
    if (groups & bit) names.emplace_back(name);
  }
  return names;
}

namespace {

void PutFloat(float f, std::string* out) { PutU32(std::bit_cast<uint32_t>(f), out); }
bool GetFloat(std::string_view* in, float* f) {
  uint32_t u = 0;
  if (!GetU32(in, &u)) return false;
  *f = std::bit_cast<float>(u);
  return std::isfinite(*f);
}

}  // namespace

namespace {

// Keys as deltas of the sorted sequence and weights label by label, in full
// precision: averaged weights span five orders of magnitude, and the small
// ones of rare words are the ones that find unseen names.
void PutTable(const std::vector<uint64_t>& keys, const std::vector<float>& weights,
              std::string* out) {
  std::string& payload = *out;
  std::vector<size_t> order(keys.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
  PutU32(static_cast<uint32_t>(keys.size()), &payload);
  uint64_t prev = 0;
  for (size_t f : order) {
    PutU64(keys[f] - prev, &payload);
    prev = keys[f];
  }
  for (int l = 0; l < kLabels; ++l) {
    for (size_t f : order) PutFloat(weights[f * kLabels + l], &payload);
  }
}

bool GetTable(std::string_view* in, FeatureTable* table) {
  std::string_view& p = *in;
  uint32_t count = 0;
  if (!GetU32(&p, &count) || p.size() < uint64_t{count} * (8 + 4 * kLabels)) return false;
  std::vector<uint64_t> keys(count);
  uint64_t prev = 0;
  for (uint64_t& k : keys) {
    uint64_t delta = 0;
    GetU64(&p, &delta);
    k = prev + delta;
    prev = k;
    if (k == 0 || (&k != keys.data() && delta == 0)) return false;
  }
  std::vector<float> weights(size_t{count} * kLabels);
  for (int l = 0; l < kLabels; ++l) {
    for (uint32_t f = 0; f < count; ++f) {
      if (!GetFloat(&p, &weights[size_t{f} * kLabels + l])) return false;
    }
  }
  table->Build(keys, weights);
  return true;
}

}  // namespace

bool SaveModel(const Tagger::Model& model, const std::vector<uint64_t>& keys,
               const std::vector<float>& weights, const std::vector<uint64_t>& keys2,
               const std::vector<float>& weights2, const std::string& header_extra_json,
               const std::string& path, std::string* error) {
  std::string payload;
  model.lexicon.Serialize(&payload);
  for (const auto& row : model.transitions) {
    for (float f : row) PutFloat(f, &payload);
  }
  PutFloat(model.temperature, &payload);
  PutTable(keys, weights, &payload);
  // The second pass, when the model has one: its transitions and table.
  if (model.two_pass()) {
    for (const auto& row : model.transitions2) {
      for (float f : row) PutFloat(f, &payload);
    }
    PutTable(keys2, weights2, &payload);
  }

  std::string packed;
  if (!text::internal::Pack(payload, &packed)) {
    *error = path + ": cannot compress the model";
    return false;
  }

  nlohmann::ordered_json header;
  header["format"] = "marsad-ner-model";
  header["format_version"] = kFormatVersion;
  header["labels"] = nlohmann::json::array();
  for (int l = 0; l < kLabels; ++l) header["labels"].push_back(LabelName(l));
  header["features"] = GroupNames(model.groups);
  header["feature_count"] = keys.size() + keys2.size();
  header["corpus_words"] = model.lexicon.corpus_size();
  header["gazetteer_phrases"] = model.lexicon.phrase_count();
  header["payload_bytes"] = payload.size();
  header["payload_crc32"] = text::internal::Crc32(payload);
  if (!header_extra_json.empty()) {
    header["training"] = nlohmann::json::parse(header_extra_json, nullptr, false);
  }

  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << kMagic << header.dump() << '\n';
    out.write(packed.data(), static_cast<std::streamsize>(packed.size()));
    if (!out.flush()) {
      *error = path + ": cannot write the model file";
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    *error = path + ": cannot write the model file";
    return false;
  }
  return true;
}

std::unique_ptr<Tagger::Model> LoadModel(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open the NER model file";
    return nullptr;
  }
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto fail = [&](const std::string& why) -> std::unique_ptr<Tagger::Model> {
    *error = path + ": " + why;
    return nullptr;
  };
  if (!std::string_view(data).starts_with(kMagic)) {
    return fail("not a marsad NER model (no \"marsad-ner-model\" first line)");
  }
  const size_t header_end = data.find('\n', kMagic.size());
  if (header_end == std::string::npos) return fail("truncated model file (no header)");
  const auto header =
      nlohmann::json::parse(data.begin() + kMagic.size(), data.begin() + header_end, nullptr, false);
  if (!header.is_object() || !header.contains("format_version") ||
      !header["format_version"].is_number_integer()) {
    return fail("corrupt model header");
  }
  const int version = header["format_version"].get<int>();
  if (version != kFormatVersion) {
    return fail("model format version " + std::to_string(version) + ", but this marsad reads " +
                "version " + std::to_string(kFormatVersion) +
                "; retrain it with `marsad train ner` or use the model shipped with this marsad");
  }

  auto model = std::make_unique<Tagger::Model>();
  model->info.format_version = version;
  model->info.header_json = header.dump();
  try {
    model->info.features = header.at("features").get<std::vector<std::string>>();
    if (header.contains("training") && header["training"].is_object() &&
        header["training"].contains("created_by")) {
      model->info.created_by = header["training"]["created_by"].get<std::string>();
    }
    std::string why;
    if (!GroupsOf(model->info.features, &model->groups, &why)) return fail(why);
    const auto payload_bytes = header.at("payload_bytes").get<uint64_t>();
    const auto crc = header.at("payload_crc32").get<uint64_t>();
    const std::string_view packed = std::string_view(data).substr(header_end + 1);
    std::string payload;
    if (crc > UINT32_MAX || !text::internal::Unpack(packed, payload_bytes, static_cast<uint32_t>(crc), &payload)) {
      return fail("corrupt or truncated model data");
    }
    std::string_view p = payload;
    if (!model->lexicon.Deserialize(&p)) return fail("corrupt model data (lexicon)");
    for (auto& row : model->transitions) {
      for (float& f : row) {
        if (!GetFloat(&p, &f)) return fail("corrupt model data (transitions)");
      }
    }
    if (!GetFloat(&p, &model->temperature) || !GetTable(&p, &model->table)) {
      return fail("corrupt model data (features)");
    }
    if (model->two_pass()) {
      for (auto& row : model->transitions2) {
        for (float& f : row) {
          if (!GetFloat(&p, &f)) return fail("corrupt model data (transitions)");
        }
      }
      if (!GetTable(&p, &model->table2)) return fail("corrupt model data (features)");
    }
    if (!p.empty()) return fail("corrupt model data (features)");
  } catch (const nlohmann::json::exception&) {
    return fail("corrupt model header");
  }
  model->IndexKnownWords();
  return model;
}

}  // namespace marsad::ner::internal
