// Catch2 listeners for every test case. A file of its own: the interfaces they need must be
// switched on before catch.hpp is first included (so it is left out of unity builds).
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include <catch2/catch.hpp>

#include "base/output_file.h"
#include "base/say.h"

namespace {

// Each test case is a command of its own: inputs an earlier case read (and deleted, so that
// their inodes may be reused) are not inputs of this one (base/output_file.h).
struct ForgetInputsBetweenCases : Catch::TestEventListenerBase {
  using TestEventListenerBase::TestEventListenerBase;
  void testCaseStarting(const Catch::TestCaseInfo&) override { renkei::forget_input_files(); }
};

// In the library's own tests, messages are said in English, the catalogue's keys (base/say.h);
// a test of the Japanese says so with a LanguageScope. The binary, and run_cli, start from
// --lang or RENKEI_LANG as a user's run does: Japanese unless asked.
struct EnglishInLibraryTests : Catch::TestEventListenerBase {
  using TestEventListenerBase::TestEventListenerBase;
  void testCaseStarting(const Catch::TestCaseInfo&) override {
    renkei::set_language(renkei::Lang::En);
  }
};

}  // namespace

CATCH_REGISTER_LISTENER(ForgetInputsBetweenCases)
CATCH_REGISTER_LISTENER(EnglishInLibraryTests)
