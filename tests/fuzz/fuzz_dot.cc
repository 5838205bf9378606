// The DOT writer fed arbitrary node names: the DOT must still parse (Graphviz's own reader,
// in-process, no layout) into exactly the nodes and edges it has with the real names, so a
// name can never add a node, an edge or an attribute.
#include <cgraph.h>

#include <map>
#include <memory>

#include "diagram/diagrams.h"
#include "fuzz_support.h"
#include "model/resolve.h"

namespace {

const char* const kPresets[] = {"overview", "region:柳井", "gaps",
                                "shared",   "map",         "municipality:上関町"};

struct Shape {
  int nodes = 0, edges = 0, subgraphs = 0;
  bool operator!=(const Shape& o) const {
    return nodes != o.nodes || edges != o.edges || subgraphs != o.subgraphs;
  }
};

Shape shape_of(const std::string& dot) {
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> g(agmemread(dot.c_str()), agclose);
  if (!g) renkei::fuzz::bug("the DOT writer wrote DOT that Graphviz cannot read");
  return {agnnodes(g.get()), agnedges(g.get()), agnsubg(g.get())};
}

std::string dot_for(const renkei::Dataset& ds, const char* preset, renkei::Lang lang) {
  static const renkei::NameIndex names(
      renkei::fuzz::builtin());  // indices are the same in every copy
  renkei::Network net(ds);
  return renkei::write_dot(ds, renkei::make_diagram(net, names, preset, lang));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renkei;
  if (size == 0) return 0;
  agseterr(AGMAX);
  static std::map<std::pair<int, int>, Shape> baseline;
  int p = data[0] % 6;
  Lang lang = (data[0] & 0x80) ? Lang::En : Lang::Ja;
  auto key = std::make_pair(p, static_cast<int>(lang));
  if (!baseline.count(key)) baseline[key] = shape_of(dot_for(fuzz::builtin(), kPresets[p], lang));
  Dataset ds = fuzz::renamed(fuzz::names_from(data + 1, size - 1));
  std::string dot;
  try {
    dot = dot_for(ds, kPresets[p], lang);
  } catch (const Error&) {
    return 0;  // e.g. a renamed region no longer found by name: refused, not crashed
  }
  if (shape_of(dot) != baseline[key]) fuzz::bug("a name changed the shape of the DOT graph");
  return 0;
}
