#include <algorithm>
#include <deque>

#include "query/queries.h"

namespace renkei {

namespace {

/// Breadth-first search over a view from `from`, recording for each vertex the edge it was
/// first reached by. Neighbours are taken in edge order, so the chains are deterministic.
struct Bfs {
  std::vector<std::size_t> hops;
  std::vector<std::optional<GraphEdge>> via;
  static constexpr std::size_t kUnreached = static_cast<std::size_t>(-1);
};

Bfs bfs(const Network& net, std::size_t from, const std::vector<Relation>& via, bool directed,
        std::optional<std::size_t> max_hops, std::optional<std::size_t> stop_at = std::nullopt) {
  const Graph& g = net.graph();
  View view = net.view(via.empty() ? Network::support_relations() : via, {}, nullptr,
                       /*current_only=*/true);
  Bfs r;
  r.hops.assign(boost::num_vertices(g), Bfs::kUnreached);
  r.via.assign(boost::num_vertices(g), std::nullopt);
  std::deque<std::size_t> queue = {from};
  r.hops[from] = 0;
  while (!queue.empty()) {
    std::size_t v = queue.front();
    queue.pop_front();
    if (stop_at && v == *stop_at) break;
    if (max_hops && r.hops[v] >= *max_hops) continue;
    std::vector<GraphEdge> edges;
    for (auto e : boost::make_iterator_range(boost::out_edges(v, view))) edges.push_back(e);
    // Coordinator placements are the most concrete tie, so chains prefer them; then the
    // order of the relation table, then the order of the edges in the data.
    auto rank = [&](const GraphEdge& e) {
      Relation r = g[e].relation;
      return std::make_pair(r == Relation::Coordinator ? -1 : static_cast<int>(r), g[e].edge);
    };
    std::sort(edges.begin(), edges.end(),
              [&](const GraphEdge& a, const GraphEdge& b) { return rank(a) < rank(b); });
    for (const GraphEdge& e : edges) {
      const EdgeProps& p = g[e];
      if (directed && p.from != v) continue;
      std::size_t w = p.from == v ? p.to : p.from;
      if (r.hops[w] != Bfs::kUnreached) continue;
      r.hops[w] = r.hops[v] + 1;
      r.via[w] = e;
      queue.push_back(w);
    }
  }
  return r;
}

Chain chain_to(const Network& net, const Bfs& r, std::size_t from, std::size_t to) {
  const Graph& g = net.graph();
  Chain c;
  c.start = from;
  for (std::size_t v = to; v != from;) {
    const EdgeProps& p = g[*r.via[v]];
    std::size_t prev = p.from == v ? p.to : p.from;
    c.steps.push_back({v, p.relation, p.to == v, p.edge});
    v = prev;
  }
  std::reverse(c.steps.begin(), c.steps.end());
  return c;
}

}  // namespace

std::vector<Reached> reach(const Network& net, const ReachQuery& q) {
  const Dataset& ds = net.data();
  Bfs r = bfs(net, q.from, q.via, q.directed, q.max_hops);
  std::vector<Reached> out;
  for (std::size_t v = 0; v < ds.nodes.size(); ++v) {
    if (v == q.from || r.hops[v] == Bfs::kUnreached) continue;
    if (!q.kinds.empty() &&
        std::find(q.kinds.begin(), q.kinds.end(), ds.nodes[v].kind) == q.kinds.end())
      continue;
    out.push_back({v, r.hops[v], chain_to(net, r, q.from, v)});
  }
  std::sort(out.begin(), out.end(), [&](const Reached& a, const Reached& b) {
    if (a.hops != b.hops) return a.hops < b.hops;
    return node_order(ds, a.node, b.node);
  });
  return out;
}

std::optional<Chain> shortest_path(const Network& net, std::size_t from, std::size_t to,
                                   const std::vector<Relation>& via, bool directed) {
  Bfs r = bfs(net, from, via, directed, std::nullopt, to);
  if (r.hops[to] == Bfs::kUnreached) return std::nullopt;
  return chain_to(net, r, from, to);
}

}  // namespace renkei
