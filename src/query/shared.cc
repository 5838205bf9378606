#include <algorithm>

#include "query/queries.h"

namespace renkei {

SharedAnswer shared_offices(const Network& net) {
  const Dataset& ds = net.data();
  SharedAnswer answer;
  for (std::size_t i = 0; i < ds.nodes.size(); ++i) {
    if (ds.nodes[i].kind != Kind::Office) continue;
    std::vector<std::size_t> served = municipalities_served(ds, i);
    if (served.size() >= 2) answer.offices.push_back({i, served});
  }
  std::sort(answer.offices.begin(), answer.offices.end(),
            [&](const SharedOffice& a, const SharedOffice& b) {
              if (a.municipalities.size() != b.municipalities.size())
                return a.municipalities.size() > b.municipalities.size();
              return ds.nodes[a.office].id < ds.nodes[b.office].id;
            });

  // Groups: towns tied together through shared offices, i.e. the connected components of
  // the coordinator edges between towns and shared offices, found by union-find in one pass.
  std::vector<std::size_t> parent(ds.nodes.size());
  for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto root = [&](std::size_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (const SharedOffice& o : answer.offices)
    for (std::size_t m : o.municipalities) parent[root(m)] = root(o.office);
  std::vector<SharedGroup> by_root(ds.nodes.size());
  for (const SharedOffice& o : answer.offices) {
    SharedGroup& grp = by_root[root(o.office)];
    grp.offices.push_back(o.office);
    grp.municipalities.insert(grp.municipalities.end(), o.municipalities.begin(),
                              o.municipalities.end());
  }
  for (SharedGroup& grp : by_root) {
    if (grp.offices.empty()) continue;
    sort_nodes(ds, grp.municipalities);
    if (grp.municipalities.size() < 2) continue;
    sort_nodes(ds, grp.offices);
    answer.groups.push_back(std::move(grp));
  }
  std::sort(answer.groups.begin(), answer.groups.end(),
            [&](const SharedGroup& a, const SharedGroup& b) {
              if (a.municipalities.size() != b.municipalities.size())
                return a.municipalities.size() > b.municipalities.size();
              return node_order(ds, a.municipalities[0], b.municipalities[0]);
            });
  return answer;
}

}  // namespace renkei
