// The PowerPoint writer (src/diagram/pptx.h) on arbitrary bytes as Graphviz's JSON layout: it
// must write a deck or throw renkei::Error, never crash. Real input comes from Graphviz, but
// the words in it (names, quotes) come from the user's table.
#include <string>

#include "diagram/pptx.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  renkei::PptxDeck deck;
  deck.title = "fuzz";
  deck.slides.push_back({std::string(reinterpret_cast<const char*>(data), size), "notes"});
  try {
    (void)renkei::write_pptx(deck).size();
  } catch (const renkei::Error&) {
  }
  return 0;
}
