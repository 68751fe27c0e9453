// Loads benchmark text: the contents of SaudiNewsNet (zips of JSON arrays)
// when $MARSAD_BENCH_CORPUS points at it, otherwise the bundled examples.
#ifndef MARSAD_BENCH_CORPUS_H_
#define MARSAD_BENCH_CORPUS_H_

#include <string>
#include <vector>

namespace marsad::bench {

// Article bodies, at most `max_bytes` in total.
std::vector<std::string> LoadCorpus(size_t max_bytes);

}  // namespace marsad::bench

#endif  // MARSAD_BENCH_CORPUS_H_
