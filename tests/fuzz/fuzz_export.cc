// The exporters (src/formats/export.h) fed arbitrary names: CSV must read back (renkei's own CSV
// reader) with one row per node and each name exactly, formula-like cells neutralised;
// GraphML must hold one <node> per node, whatever the names.
#include <algorithm>

#include "formats/csv.h"
#include "formats/export.h"
#include "fuzz_support.h"

namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renkei;
  std::vector<std::string> names = fuzz::names_from(data, size);
  // A NUL went into nodes.csv as is, and renkei's CSV reader then refused the file; the loader
  // now refuses a NUL in any string (control characters in names too), so no dataset holds one.
  // Other control characters stay: notes and quotes may hold line breaks and tabs.
  for (auto& n : names) n.erase(std::remove(n.begin(), n.end(), '\0'), n.end());
  Dataset ds = fuzz::renamed(names);

  csv::Table t = csv::parse(to_nodes_csv(ds), "nodes.csv");
  if (t.rows.size() != ds.nodes.size() + 1) fuzz::bug("a name changed the number of CSV rows");
  std::size_t name_col = 0;
  for (std::size_t c = 0; c < t.rows[0].size(); ++c)
    if (t.rows[0][c] == "name") name_col = c;
  if (name_col == 0) fuzz::bug("nodes.csv has no name column");
  for (std::size_t i = 0; i < ds.nodes.size(); ++i) {
    const std::string& cell = t.rows[i + 1][name_col];
    if (!cell.empty() && std::string("=+-@\t\r").find(cell[0]) != std::string::npos)
      fuzz::bug("a CSV cell starts a formula");
    if (csv::unneutralise(cell) != ds.nodes[i].name)
      fuzz::bug("a name did not come back out of nodes.csv");
  }
  (void)csv::parse(to_edges_csv(ds), "edges.csv");

  std::string graphml = to_graphml(ds);
  if (count(graphml, "<node ") != ds.nodes.size())
    fuzz::bug("a name changed the number of GraphML nodes");
  if (count(graphml, "<![CDATA[") != 0 && count(graphml, "]]>") != count(graphml, "<![CDATA["))
    fuzz::bug("CDATA broken");
  return 0;
}
