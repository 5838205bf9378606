// SVG through Graphviz with arbitrary node names. Each render forks one layout process
// (src/diagram/render.cc), so this target draws one small diagram per input: 上関町 and its
// neighbours, at the layout's own size (no page: one fork, not two).
#include "diagram/diagrams.h"
#include "diagram/render.h"
#include "fuzz_support.h"
#include "model/resolve.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renkei;
  static const NameIndex names(fuzz::builtin());
  Lang lang = size && (data[0] & 1) ? Lang::En : Lang::Ja;
  Dataset ds = fuzz::renamed(fuzz::names_from(data, size));
  Network net(ds);
  Diagram d = make_diagram(net, names, "municipality:上関町", lang);
  std::string dot = write_dot(ds, d);
  std::string svg;
  try {
    svg = render_dot(dot, d.engine, Format::Svg, std::nullopt);
  } catch (const Error& e) {
    std::fprintf(stderr, "%s\n", e.what());
    fuzz::bug("Graphviz refused or died on the DOT the writer made");
  }
  if (svg.find("</svg>") == std::string::npos) fuzz::bug("the SVG is not complete");
  return 0;
}
