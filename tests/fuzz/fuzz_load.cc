// The dataset loader on arbitrary bytes: it must refuse with renkei::Error or load, never
// crash, hang, or throw anything else (which the CLI would print as an unhelpful message).
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    renkei::Dataset ds = renkei::load_dataset(text, "fuzz.json", renkei::fuzz::builtin_siblings());
    (void)ds;
  } catch (const renkei::Error& e) {
    std::string_view what = e.what();
    if (what.empty() || what.find('\n') != std::string_view::npos)
      renkei::fuzz::bug("error message is not one line");
  }
  return 0;
}
