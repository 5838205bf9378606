#include "model/graph.h"

#include <algorithm>
#include <utility>

namespace renkei {

bool EdgeView::operator()(const GraphEdge& e) const {
  const EdgeProps& p = (*g)[e];
  if (relations && !(relations >> static_cast<unsigned>(p.relation) & 1u)) return false;
  if (current_only) {
    EdgeStatus s = ds->edges[p.edge].status;
    if (s == EdgeStatus::Planned || s == EdgeStatus::Considering) return false;
  }
  if (first_of_pair && !(*first_of_pair)[p.edge]) return false;
  return true;
}

bool VertexView::operator()(const Vertex& v) const {
  std::size_t n = (*g)[v].node;
  if (removed && removed->count(n)) return false;
  if (kinds && !(kinds >> static_cast<unsigned>(ds->nodes[n].kind) & 1u)) return false;
  return true;
}

Network::Network(const Dataset& ds) : ds_(ds), g_(ds.nodes.size()) {
  for (std::size_t i = 0; i < ds.nodes.size(); ++i) g_[i].node = i;
  // Edges sorted by their two ends (either way round), then data order: the first of each
  // run is the first edge between that pair.
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, std::size_t>> ends(ds.edges.size());
  for (std::size_t k = 0; k < ds.edges.size(); ++k) {
    const Edge& e = ds.edges[k];
    boost::add_edge(e.from, e.to, EdgeProps{k, e.relation, e.from, e.to}, g_);
    ends[k] = {std::minmax(e.from, e.to), k};
  }
  std::sort(ends.begin(), ends.end());
  first_of_pair_.assign(ds.edges.size(), false);
  for (std::size_t i = 0; i < ends.size(); ++i)
    if (i == 0 || ends[i].first != ends[i - 1].first) first_of_pair_[ends[i].second] = true;
}

View Network::view(const std::vector<Relation>& relations, const std::vector<Kind>& kinds,
                   const std::set<std::size_t>* removed, bool current_only, bool simple) const {
  EdgeView ev{&g_, &ds_, 0, current_only, simple ? &first_of_pair_ : nullptr};
  for (Relation r : relations) ev.relations |= 1u << static_cast<unsigned>(r);
  VertexView vv{&g_, &ds_, removed, 0};
  for (Kind k : kinds) vv.kinds |= 1u << static_cast<unsigned>(k);
  return View(g_, ev, vv);
}

std::vector<Relation> Network::support_relations() {
  return {Relation::Holds, Relation::Participates, Relation::PartOf, Relation::Coordinator,
          Relation::Liaises};
}

}  // namespace renkei
