#pragma once
#include <string>
#include <vector>

namespace renkei {

/// One slide: Graphviz's JSON (-Tjson, xdot 1.7 drawing ops) of a graph laid out for a page
/// (its root graph has size="W,H!" and pad="px,py" set, in inches, as render_dot() adds them).
struct PptxSlide {
  std::string layout_json;
  std::string notes;  ///< speaker notes, plain text; "\n" separates paragraphs; may be empty
};

struct PptxDeck {
  double width_in = 13.333, height_in = 7.5;  ///< slide size (16:9)
  std::string title, author;                  ///< docProps/core.xml
  std::string font = "BIZ UDPGothic";         ///< latin + East Asian typeface of every run
  std::vector<PptxSlide> slides;
};

/// The .pptx file's bytes. Every node, edge and label is a native, editable shape with real
/// text; tables (nodes named `grid` or `table…`) are native tables. Pure and deterministic:
/// same deck, same bytes (fixed zip times, fixed dates in docProps). Throws renkei::Error on a
/// JSON it cannot read.
std::string write_pptx(const PptxDeck& deck);

}  // namespace renkei
