#include "text/text.h"

namespace marsad::text {

Analysis Analyze(std::string_view text, const AnalyzeOptions& options) {
  Analysis a;
  a.normalized = Normalize(text, kDisplay);
  const std::string_view norm = a.normalized.text;
  a.tokens = Tokenize(norm);
  a.sentences = SplitSentences(norm, a.tokens);
  a.quantities = FindQuantities(norm, a.tokens);
  a.dates = FindDates(norm, a.tokens, options.published);
  return a;
}

}  // namespace marsad::text
