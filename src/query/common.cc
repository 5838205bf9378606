#include <algorithm>

#include "query/queries.h"

namespace renkei {

bool node_order(const Dataset& ds, std::size_t a, std::size_t b) {
  const Node &x = ds.nodes[a], &y = ds.nodes[b];
  if (x.kind != y.kind) return x.kind < y.kind;
  if (x.kind == Kind::Municipality && x.row != y.row) return x.row < y.row;
  return x.id < y.id;
}

void sort_nodes(const Dataset& ds, std::vector<std::size_t>& v) {
  std::sort(v.begin(), v.end(), [&](std::size_t a, std::size_t b) { return node_order(ds, a, b); });
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

std::vector<std::size_t> offices_of(const Dataset& ds, std::size_t m) {
  std::vector<std::pair<int, std::size_t>> placed;
  for (std::size_t k : ds.edges_from(m))
    if (ds.edges[k].relation == Relation::Coordinator) placed.push_back({ds.edges[k].order, ds.edges[k].to});
  std::sort(placed.begin(), placed.end());
  std::vector<std::size_t> out;
  for (const auto& [order, office] : placed)
    if (std::find(out.begin(), out.end(), office) == out.end()) out.push_back(office);
  return out;
}

}  // namespace renkei
