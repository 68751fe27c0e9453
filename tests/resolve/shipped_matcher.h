// The shipped name-matching model, for the resolve tests; a test that
// cannot load it fails at once.
#ifndef MARSAD_TESTS_RESOLVE_SHIPPED_MATCHER_H_
#define MARSAD_TESTS_RESOLVE_SHIPPED_MATCHER_H_

#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "resolve/resolve.h"

namespace marsad::resolve::testing {

inline const Matcher& M() {
  std::string error;
  const Matcher* m = DefaultMatcher(&error);
  if (m == nullptr) {
    ADD_FAILURE() << error;
    std::abort();
  }
  return *m;
}

}  // namespace marsad::resolve::testing

#endif  // MARSAD_TESTS_RESOLVE_SHIPPED_MATCHER_H_
