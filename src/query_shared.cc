#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <map>

#include "queries.h"

namespace renkei {

SharedAnswer shared_offices(const Network& net) {
  const Dataset& ds = net.data();
  const Graph& g = net.graph();
  SharedAnswer answer;
  std::set<std::size_t> unshared;  // offices serving one municipality: left out of the groups view
  for (std::size_t i = 0; i < ds.nodes.size(); ++i) {
    if (ds.nodes[i].kind != Kind::Office) continue;
    std::vector<std::size_t> served;
    for (auto e : boost::make_iterator_range(boost::out_edges(i, g)))
      if (g[e].relation == Relation::Coordinator) served.push_back(g[e].from);
    sort_nodes(ds, served);
    if (served.size() >= 2)
      answer.offices.push_back({i, served});
    else
      unshared.insert(i);
  }
  std::sort(answer.offices.begin(), answer.offices.end(), [&](const SharedOffice& a, const SharedOffice& b) {
    if (a.municipalities.size() != b.municipalities.size()) return a.municipalities.size() > b.municipalities.size();
    return ds.nodes[a.office].id < ds.nodes[b.office].id;
  });

  View view = net.view({Relation::Coordinator}, {Kind::Municipality, Kind::Office}, &unshared);
  std::vector<int> component(boost::num_vertices(g), -1);
  boost::connected_components(view, component.data());
  std::map<int, SharedGroup> by_component;
  for (auto v : boost::make_iterator_range(boost::vertices(view))) {
    SharedGroup& grp = by_component[component[v]];
    (ds.nodes[v].kind == Kind::Municipality ? grp.municipalities : grp.offices).push_back(v);
  }
  for (auto& [c, grp] : by_component) {
    if (grp.municipalities.size() < 2) continue;
    sort_nodes(ds, grp.municipalities);
    sort_nodes(ds, grp.offices);
    answer.groups.push_back(grp);
  }
  std::sort(answer.groups.begin(), answer.groups.end(), [&](const SharedGroup& a, const SharedGroup& b) {
    if (a.municipalities.size() != b.municipalities.size()) return a.municipalities.size() > b.municipalities.size();
    return node_order(ds, a.municipalities[0], b.municipalities[0]);
  });
  return answer;
}

}  // namespace renkei
