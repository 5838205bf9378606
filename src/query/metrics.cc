#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <map>

#include "query/queries.h"

namespace renkei {

MetricsAnswer metrics(const Network& net) {
  const Dataset& ds = net.data();
  const Graph& g = net.graph();
  const std::size_t n = boost::num_vertices(g);
  MetricsAnswer a;

  // Degree and betweenness on the support structure (what ties towns together, not the
  // kinds of work they report), one edge per node pair.
  View simple = net.view(Network::support_relations(), {}, nullptr, false, /*simple=*/true);
  std::vector<double> centrality(n, 0.0);
  boost::brandes_betweenness_centrality(
      simple, boost::centrality_map(boost::make_iterator_property_map(
                  centrality.begin(), boost::get(boost::vertex_index, g))));
  // For an undirected graph Boost counts each unordered pair of ends once; networkx's
  // normalized value divides that by the (n-1)(n-2)/2 pairs a vertex could lie between.
  double scale = n > 2 ? 2.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2)) : 0.0;
  for (std::size_t v = 0; v < n; ++v)
    a.nodes.push_back(
        {v, static_cast<std::size_t>(boost::out_degree(v, simple)), centrality[v] * scale});
  std::sort(a.nodes.begin(), a.nodes.end(), [&](const NodeMetrics& x, const NodeMetrics& y) {
    if (x.betweenness != y.betweenness) return x.betweenness > y.betweenness;
    if (x.degree != y.degree) return x.degree > y.degree;
    return ds.nodes[x.node].id < ds.nodes[y.node].id;
  });

  // The municipality–office graph: who loses coordinators when one vertex goes.
  View mo = net.view({Relation::Coordinator}, {Kind::Municipality, Kind::Office});
  std::vector<Vertex> cut;
  boost::articulation_points(mo, std::back_inserter(cut));
  for (Vertex v : cut) a.articulation_points.push_back(v);
  sort_nodes(ds, a.articulation_points);

  std::vector<int> component(n, -1);
  boost::connected_components(mo, component.data());
  std::map<int, std::vector<std::size_t>> groups;
  for (auto v : boost::make_iterator_range(boost::vertices(mo))) groups[component[v]].push_back(v);
  for (auto& [c, members] : groups) {
    sort_nodes(ds, members);
    a.components.push_back(members);
  }
  std::sort(a.components.begin(), a.components.end(), [&](const auto& x, const auto& y) {
    if (x.size() != y.size()) return x.size() > y.size();
    return node_order(ds, x[0], y[0]);
  });
  return a;
}

}  // namespace renkei
