// Catch2 listeners for every test case. A file of its own: the interfaces they need must be
// switched on before catch.hpp is first included (so it is left out of unity builds).
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include <catch2/catch.hpp>

#include "base/output_file.h"

namespace {

// Each test case is a command of its own: inputs an earlier case read (and deleted, so that
// their inodes may be reused) are not inputs of this one (base/output_file.h).
struct ForgetInputsBetweenCases : Catch::TestEventListenerBase {
  using TestEventListenerBase::TestEventListenerBase;
  void testCaseStarting(const Catch::TestCaseInfo&) override { renkei::forget_input_files(); }
};

}  // namespace

CATCH_REGISTER_LISTENER(ForgetInputsBetweenCases)
