// Normalisation in one pass over the input: each BMP code point has a
// precomputed action per fold set (keep, replace, or compose with the previous
// character), so the loop is a table lookup, and runs of kept characters are
// copied in bulk. The offset map records only where the correspondence
// between output and input changes.
#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <mutex>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/internal.h"
#include "text/text.h"

namespace marsad::text {
namespace internal {

char32_t DecodeUtf8Slow(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t k = *i;
  const unsigned char b0 = p[k];
  if (b0 < 0x80) {
    *i = k + 1;
    return b0;
  }
  int len;
  char32_t c;
  char32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, c = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, c = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, c = b0 & 0x07, min = 0x10000;
  } else {
    *i = k + 1;
    return 0xFFFD;
  }
  if (k + len > n) {
    *i = k + 1;
    return 0xFFFD;
  }
  for (int j = 1; j < len; ++j) {
    const unsigned char b = p[k + j];
    if ((b & 0xC0) != 0x80) {
      *i = k + 1;
      return 0xFFFD;
    }
    c = (c << 6) | (b & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    *i = k + 1;
    return 0xFFFD;
  }
  *i = k + len;
  return c;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace internal

namespace {

using internal::AppendUtf8;
using internal::DecodeUtf8;

const icu::Normalizer2& Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFCInstance(status);
}

const icu::Normalizer2& Nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFKCInstance(status);
}

bool IsPresentationForm(char32_t c) {
  return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC);
}

bool IsDiacritic(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06DC) ||
         (c >= 0x06DF && c <= 0x06E4) || (c >= 0x06E7 && c <= 0x06E8) ||
         (c >= 0x06EA && c <= 0x06ED) || (c >= 0x08D3 && c <= 0x08FF && c != 0x08E2);
}

bool IsInvisible(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF ||
         c == 0x061C || c == 0x00AD || c == 0x034F || (c >= 0xFE00 && c <= 0xFE0F) ||
         (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

bool IsOddSpace(char32_t c) {
  return c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// The fold of one code point, applied until nothing changes; the result may be
// empty (deleted) or longer than one character (ligatures).
std::u32string FoldCodePoint(char32_t c, uint32_t folds) {
  auto again = [folds](const std::u32string& s, uint32_t without) {
    std::u32string r;
    for (char32_t x : s) r += FoldCodePoint(x, folds & ~without);
    return r;
  };
  if ((folds & kFoldPresentationForms) && IsPresentationForm(c)) {
    icu::UnicodeString in(static_cast<UChar32>(c));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString nfkc = Nfkc().normalize(in, status);
    std::u32string expanded;
    for (int32_t i = 0; i < nfkc.length();) {
      UChar32 x = nfkc.char32At(i);
      expanded += static_cast<char32_t>(x);
      i += U16_LENGTH(x);
    }
    // Isolated forms of harakat decompose to a space plus the mark; the space
    // is an artifact of the compatibility mapping, not text.
    if (!expanded.empty() && expanded[0] == U' ' &&
        ((c >= 0xFE70 && c <= 0xFE7F) || (c >= 0xFC5E && c <= 0xFC63))) {
      expanded.erase(0, 1);
    }
    return again(expanded, kFoldPresentationForms);
  }
  if ((folds & kFoldTatweel) && c == 0x0640) return U"";
  if ((folds & kFoldDiacritics) && IsDiacritic(c)) return U"";
  if (folds & kFoldDigits) {
    if (c >= 0x0660 && c <= 0x0669) return std::u32string(1, U'0' + (c - 0x0660));
    if (c >= 0x06F0 && c <= 0x06F9) return std::u32string(1, U'0' + (c - 0x06F0));
    if (c == 0x066B) return U".";  // Arabic decimal separator
    if (c == 0x066C) return U",";  // Arabic thousands separator
    if (c == 0x066A) return U"%";  // Arabic percent sign
  }
  if (folds & kFoldQuotes) {
    if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x2033) return U"\"";
    if (c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x2032) return U"'";
  }
  if (folds & kFoldInvisibles) {
    if (IsInvisible(c)) return U"";
    if (IsOddSpace(c)) return U" ";
    if (c == 0x2028 || c == 0x2029 || c == 0x0085) return U"\n";
  }
  if (folds & kFoldArabicPunctuation) {
    if (c == 0x060C) return U",";  // ،
    if (c == 0x061B) return U";";  // ؛
    if (c == 0x061F) return U"?";  // ؟
    if (c == 0x06D4) return U".";  // ۔ Arabic full stop
  }
  if ((folds & kFoldAlef) &&
      (c == 0x0622 || c == 0x0623 || c == 0x0625 || (c >= 0x0671 && c <= 0x0673))) {
    return U"\u0627";  // أ إ آ ٱ → ا
  }
  if ((folds & kFoldAlefMaqsura) && c == 0x0649) return U"\u064A";  // ى → ي
  if ((folds & kFoldTehMarbuta) && c == 0x0629) return U"\u0647";   // ة → ه
  if (folds & kFoldHamzaCarriers) {
    if (c == 0x0624) return U"\u0648";  // ؤ → و
    if (c == 0x0626) return U"\u064A";  // ئ → ي
  }
  if (folds & kFoldPersianLetters) {
    switch (c) {
      case 0x06A9: return again(U"\u0643", 0);  // ک → ك
      case 0x06AF: return again(U"\u0643", 0);  // گ → ك
      case 0x06CC: return again(U"\u064A", 0);  // ی → ي
      case 0x06A4: return again(U"\u0641", 0);  // ڤ → ف
      case 0x067E: return again(U"\u0628", 0);  // پ → ب
      case 0x0686: return again(U"\u062C", 0);  // چ → ج
      case 0x0698: return again(U"\u0632", 0);  // ژ → ز
      case 0x06C1: return again(U"\u0647", 0);  // ہ → ه
      case 0x06BE: return again(U"\u0647", 0);  // ھ → ه
    }
  }
  if ((folds & kFoldLatinCase) && c < 0x0530 && u_isupper(static_cast<UChar32>(c))) {
    return std::u32string(1, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
  }
  // Singleton and other non-NFC characters take their NFC form.
  if (c >= 0x80 && u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_NFC_QUICK_CHECK) ==
                       UNORM_NO) {
    icu::UnicodeString in(static_cast<UChar32>(c));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString nfc = Nfc().normalize(in, status);
    if (nfc.length() > 0 && nfc.char32At(0) != static_cast<UChar32>(c)) {
      std::u32string r;
      for (int32_t i = 0; i < nfc.length();) {
        UChar32 x = nfc.char32At(i);
        r += static_cast<char32_t>(x);
        i += U16_LENGTH(x);
      }
      return again(r, 0);
    }
  }
  return std::u32string(1, c);
}

// kCompose* characters first try to compose with the character before them.
enum Action : uint8_t { kKeep, kReplace, kComposeOrKeep, kComposeOrReplace };

// Actions for every BMP code point under one fold set.
struct FoldTable {
  std::array<uint8_t, 0x10000> action{};
  std::array<uint32_t, 0x10000> replacement{};  // offset << 8 | length into pool
  std::string pool;
  uint32_t folds = 0;

  std::string_view Replacement(char32_t c) const {
    uint32_t r = replacement[c];
    return std::string_view(pool).substr(r >> 8, r & 0xFF);
  }
};

std::unique_ptr<FoldTable> BuildTable(uint32_t folds) {
  auto t = std::make_unique<FoldTable>();
  t->folds = folds;
  for (char32_t c = 0; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) {
      t->action[c] = kKeep;  // never decoded: DecodeUtf8 rejects surrogates
      continue;
    }
    // Combining marks that may compose with the character before them (the
    // hamza and madda of أ إ آ ؤ ئ typed as two characters, Latin accents)
    // must compose before any fold deletes them.
    const bool composes = u_getIntPropertyValue(static_cast<UChar32>(c),
                                                UCHAR_NFC_QUICK_CHECK) == UNORM_MAYBE;
    std::u32string folded = FoldCodePoint(c, folds);
    if (folded.size() == 1 && folded[0] == c) {
      t->action[c] = composes ? kComposeOrKeep : kKeep;
      continue;
    }
    std::string utf8;
    for (char32_t x : folded) AppendUtf8(x, &utf8);
    t->replacement[c] = static_cast<uint32_t>(t->pool.size()) << 8 |
                        static_cast<uint32_t>(utf8.size());
    t->pool += utf8;
    t->action[c] = composes ? kComposeOrReplace : kReplace;
  }
  return t;
}

const FoldTable& BuiltTableFor(uint32_t folds) {
  static std::mutex mu;
  static std::map<uint32_t, std::unique_ptr<FoldTable>> tables;
  std::lock_guard<std::mutex> lock(mu);
  auto& t = tables[folds];
  if (!t) t = BuildTable(folds);
  return *t;
}

// The two levels the pipeline uses skip the lock after first use.
const FoldTable& TableFor(uint32_t folds) {
  if (folds == kDisplay) {
    static const FoldTable& display = BuiltTableFor(kDisplay);
    return display;
  }
  if (folds == kMatch) {
    static const FoldTable& match = BuiltTableFor(kMatch);
    return match;
  }
  return BuiltTableFor(folds);
}

// Appends the fold of `c` to out.
void AppendFolded(const FoldTable& t, char32_t c, std::string* out) {
  if (c < 0x10000 && (t.action[c] == kReplace || t.action[c] == kComposeOrReplace)) {
    out->append(t.Replacement(c));
  } else {
    AppendUtf8(c, out);
  }
}

}  // namespace

// Builds the normalised text and, when tracking, its offset map.
class Normalizer {
 public:
  template <bool kTrack>
  static void Run(std::string_view in, const FoldTable& t, std::string* out, OffsetMap* map,
                  uint32_t* invalid) {
    out->clear();
    out->reserve(in.size());
    const auto* p = reinterpret_cast<const unsigned char*>(in.data());
    const size_t n = in.size();
    size_t run_begin = 0;    // start of the pending run of kept bytes
    bool run_open = false;   // whether a segment was pushed for the pending run
    size_t last_out = 0;     // output position of the last character written
    size_t last_orig = 0;    // its original position
    bool have_last = false;
    uint32_t bad = 0;
    size_t i = 0;

    auto flush = [&](size_t upto) {
      if (upto > run_begin) out->append(in.data() + run_begin, upto - run_begin);
      run_open = false;
    };
    auto open_run = [&](size_t at) {
      if constexpr (kTrack) {
        if (!run_open) {
          map->segments_.push_back({static_cast<uint32_t>(out->size() + (at - run_begin)),
                                    static_cast<uint32_t>(at), 0, true});
        }
      }
      run_open = true;
    };

    while (i < n) {
      const size_t start = i;
      char32_t c;
      if (p[i] < 0x80) {
        c = p[i++];
      } else if ((p[i] & 0xE0) == 0xC0 && i + 1 < n && p[i] >= 0xC2 && (p[i + 1] & 0xC0) == 0x80) {
        c = static_cast<char32_t>((p[i] & 0x1F) << 6 | (p[i + 1] & 0x3F));
        i += 2;
      } else {
        c = DecodeUtf8(in, &i);
        if (c == 0xFFFD && !(i - start == 3 && p[start] == 0xEF && p[start + 1] == 0xBF &&
                             p[start + 2] == 0xBD)) {
          ++bad;
          flush(start);
          if constexpr (kTrack) {
            map->segments_.push_back({static_cast<uint32_t>(out->size()),
                                      static_cast<uint32_t>(start), static_cast<uint32_t>(i),
                                      false});
          }
          last_out = out->size(), last_orig = start, have_last = true;
          out->append("\xEF\xBF\xBD");
          run_begin = i;
          continue;
        }
      }
      const uint8_t action = c < 0x10000 ? t.action[c] : static_cast<uint8_t>(kKeep);
      if (action == kKeep) {
        open_run(start);
        last_out = out->size() + (start - run_begin), last_orig = start, have_last = true;
        continue;
      }
      flush(start);
      if (action >= kComposeOrKeep && have_last) {
        // Try composing with the previous character, e.g. ا + ٔ → أ.
        std::string_view prev_bytes(out->data() + last_out, out->size() - last_out);
        size_t k = 0;
        const char32_t prev = DecodeUtf8(prev_bytes, &k);
        if (k == prev_bytes.size()) {
          const UChar32 composed =
              Nfc().composePair(static_cast<UChar32>(prev), static_cast<UChar32>(c));
          if (composed >= 0) {
            out->resize(last_out);
            if constexpr (kTrack) {
              auto& segs = map->segments_;
              if (!segs.empty() && segs.back().norm_begin == last_out) segs.pop_back();
              segs.push_back({static_cast<uint32_t>(last_out), static_cast<uint32_t>(last_orig),
                              static_cast<uint32_t>(i), false});
            }
            AppendFolded(t, static_cast<char32_t>(composed), out);
            run_begin = i;
            continue;
          }
        }
      }
      if (action == kComposeOrKeep) {
        run_begin = start;
        open_run(start);
        last_out = out->size(), last_orig = start, have_last = true;
        continue;
      }
      // Replace (or delete) this character.
      const std::string_view r = t.Replacement(c);
      if (!r.empty()) {
        if constexpr (kTrack) {
          map->segments_.push_back({static_cast<uint32_t>(out->size()),
                                    static_cast<uint32_t>(start), static_cast<uint32_t>(i),
                                    false});
        }
        last_out = out->size(), last_orig = start, have_last = true;
        out->append(r);
      }
      run_begin = i;
    }
    flush(n);
    if constexpr (kTrack) {
      map->norm_size_ = static_cast<uint32_t>(out->size());
      map->orig_size_ = static_cast<uint32_t>(n);
    }
    if (invalid) *invalid = bad;
  }
};

const OffsetMap::Segment* OffsetMap::Find(uint32_t pos) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), pos,
                             [](uint32_t p, const Segment& s) { return p < s.norm_begin; });
  if (it == segments_.begin()) return nullptr;
  return &*(it - 1);
}

uint32_t OffsetMap::ToOriginalBegin(uint32_t pos) const {
  if (pos >= norm_size_) return orig_size_;
  const Segment* s = Find(pos);
  if (!s) return 0;
  return s->identity ? s->orig_begin + (pos - s->norm_begin) : s->orig_begin;
}

uint32_t OffsetMap::ToOriginalEnd(uint32_t pos) const {
  if (pos == 0) return segments_.empty() ? 0 : segments_.front().orig_begin;
  // What follows the last output byte was all deleted.
  if (pos >= norm_size_) return orig_size_;
  const Segment* s = Find(pos - 1);
  if (!s) return 0;
  // A segment starts after every deletion: where one starts at `pos`, the
  // original bytes before it were deleted, and belong to what precedes.
  const Segment* next = Find(pos);
  if (next != s && next->norm_begin == pos) return next->orig_begin;
  return s->identity ? s->orig_begin + (pos - s->norm_begin) : s->orig_end;
}

Normalized Normalize(std::string_view input, uint32_t folds) {
  Normalized result;
  Normalizer::Run<true>(input, TableFor(folds), &result.text, &result.map,
                        &result.invalid_utf8);
  return result;
}

std::string MatchKey(std::string_view s) {
  std::string out;
  Normalizer::Run<false>(s, TableFor(kMatch), &out, nullptr, nullptr);
  return out;
}

namespace internal {

StringSet MatchKeySet(std::initializer_list<const char*> words) {
  StringSet set;
  for (const char* w : words) set.insert(MatchKey(w));
  return set;
}

}  // namespace internal

namespace internal {

std::string_view FoldToKey(std::string_view display, std::string* buf) {
  Normalizer::Run<false>(display, TableFor(kMatch), buf, nullptr, nullptr);
  return *buf;
}

}  // namespace internal

std::string RepairUtf8(std::string_view input, uint32_t* replaced) {
  std::string out;
  out.reserve(input.size());
  uint32_t bad = 0;
  size_t i = 0;
  size_t clean = 0;  // start of the pending valid run
  while (i < input.size()) {
    const size_t start = i;
    if (static_cast<unsigned char>(input[i]) < 0x80) {
      ++i;
      continue;
    }
    const char32_t c = internal::DecodeUtf8(input, &i);
    if (c == 0xFFFD && i - start == 1) {
      out.append(input.data() + clean, start - clean);
      out.append("\xEF\xBF\xBD");
      clean = i;
      ++bad;
    }
  }
  out.append(input.data() + clean, input.size() - clean);
  if (replaced) *replaced = bad;
  return out;
}

CharOffsets::CharOffsets(std::string_view utf8) : text_(utf8) {
  block_chars_.reserve(utf8.size() / 256 + 1);
  uint32_t count = 0;
  for (size_t b = 0; b < utf8.size(); b += 256) {
    block_chars_.push_back(count);
    const size_t end = std::min(utf8.size(), b + 256);
    for (size_t i = b; i < end; ++i) {
      count += (static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80;
    }
  }
}

uint32_t CharOffsets::operator()(uint32_t pos) const {
  if (pos > text_.size()) pos = static_cast<uint32_t>(text_.size());
  const size_t block = pos / 256;
  if (block >= block_chars_.size()) {
    // pos == size at an exact block boundary: count the last block whole.
    if (block_chars_.empty()) return 0;
    uint32_t count = block_chars_.back();
    for (size_t i = (block_chars_.size() - 1) * 256; i < pos; ++i) {
      count += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
    }
    return count;
  }
  uint32_t count = block_chars_[block];
  for (size_t i = block * 256; i < pos; ++i) {
    count += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
  }
  // A byte inside a character belongs to that character.
  if (pos < text_.size() && (static_cast<unsigned char>(text_[pos]) & 0xC0) == 0x80 && count > 0) {
    --count;
  }
  return count;
}

}  // namespace marsad::text
