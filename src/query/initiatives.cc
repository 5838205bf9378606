#include <algorithm>

#include "query/queries.h"

namespace renkei {

std::vector<InitiativeStatus> initiatives(const Network& net, std::optional<std::size_t> only) {
  const Dataset& ds = net.data();
  std::vector<InitiativeStatus> out;
  std::vector<std::size_t> kinds_of_work;
  for (std::size_t i = 0; i < ds.nodes.size(); ++i)
    if (ds.nodes[i].kind == Kind::Initiative && (!only || *only == i)) kinds_of_work.push_back(i);
  sort_nodes(ds, kinds_of_work);
  for (std::size_t init : kinds_of_work) {
    InitiativeStatus st{init, {}, {}, {}, {}, {}};
    std::vector<std::size_t> runs;  // edge indices, by municipality row then status
    for (std::size_t k = 0; k < ds.edges.size(); ++k)
      if (ds.edges[k].relation == Relation::Runs && ds.edges[k].to == init) runs.push_back(k);
    std::stable_sort(runs.begin(), runs.end(), [&](std::size_t a, std::size_t b) {
      return ds.nodes[ds.edges[a].from].row < ds.nodes[ds.edges[b].from].row;
    });
    auto has = [&](std::size_t m, std::initializer_list<EdgeStatus> statuses) {
      for (std::size_t k : runs)
        if (ds.edges[k].from == m &&
            std::find(statuses.begin(), statuses.end(), ds.edges[k].status) != statuses.end())
          return true;
      return false;
    };
    for (std::size_t k : runs) {
      const Edge& e = ds.edges[k];
      switch (e.status) {
        case EdgeStatus::Done: st.done.push_back(e.from); break;
        case EdgeStatus::Ongoing: st.ongoing.push_back(e.from); break;
        case EdgeStatus::Planned: st.planned.push_back(e.from); break;
        case EdgeStatus::Considering: st.considering.push_back(e.from); break;
        default: break;
      }
    }
    for (std::size_t k : runs) {
      const Edge& e = ds.edges[k];
      if (e.status != EdgeStatus::Planned && e.status != EdgeStatus::Considering) continue;
      if (has(e.from, {EdgeStatus::Done, EdgeStatus::Ongoing}))
        continue;  // it already does this itself
      InitiativeStatus::Suggestion s{e.from, e.status, {}};
      for (std::size_t j : runs) {
        const Edge& d = ds.edges[j];
        if (d.from != e.from && (d.status == EdgeStatus::Done || d.status == EdgeStatus::Ongoing))
          s.ask_edges.push_back(j);
      }
      if (!s.ask_edges.empty()) st.suggestions.push_back(s);
    }
    out.push_back(std::move(st));
  }
  return out;
}

}  // namespace renkei
