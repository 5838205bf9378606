// validate's counts, summary, list, show: the data as it is, counted and ordered.
#include <algorithm>

#include "query/queries.h"

namespace renkei {

Counts count_items(const Dataset& ds) {
  Counts c;
  for (const Node& n : ds.nodes) ++c.kinds[n.kind];
  for (const Edge& e : ds.edges) ++c.relations[e.relation];
  return c;
}

SummaryAnswer summarize(const Dataset& ds) {
  SummaryAnswer a;
  a.counts = count_items(ds);
  for (const char* type : {"市", "町", "村"}) a.types.push_back({type, 0});
  for (const Node& n : ds.nodes) {
    if (n.kind != Kind::Municipality) continue;
    auto it = std::find_if(a.types.begin(), a.types.end(),
                           [&](const auto& t) { return t.first == n.type; });
    if (it == a.types.end()) it = a.types.insert(a.types.end(), {n.type, 0});
    ++it->second;
  }
  a.types.erase(
      std::remove_if(a.types.begin(), a.types.end(), [](const auto& t) { return t.second == 0; }),
      a.types.end());
  a.placements = a.counts.of(Relation::Coordinator);
  for (std::size_t o = 0; o < ds.nodes.size(); ++o)
    if (is_shared_office(ds, o)) {
      a.shared_offices.push_back(o);
      a.served[o] = municipalities_served(ds, o);
    }
  std::stable_sort(
      a.shared_offices.begin(), a.shared_offices.end(),
      [&](std::size_t x, std::size_t y) { return a.served[x].size() > a.served[y].size(); });
  for (std::size_t i = 0; i < ds.nodes.size(); ++i) {
    const Node& n = ds.nodes[i];
    if (n.kind != Kind::Municipality) continue;
    ChildrenMeetings t = children_meetings(ds, own_councils(ds, i));
    if (t.held)
      ++a.met;
    else if (t.planned)
      ++a.planned_only;
    else if (t.not_meeting)
      ++a.no_meeting;
    else
      ++a.silent;
  }
  for (const Node& n : ds.nodes)
    if (n.activity && n.activity->status == ActivityStatus::NoneStated) ++a.without_activity;
  return a;
}

std::vector<std::size_t> list_nodes(const Dataset& ds, std::optional<Kind> only) {
  std::vector<std::size_t> picked;
  for (std::size_t i = 0; i < ds.nodes.size(); ++i)
    if (!only || ds.nodes[i].kind == *only) picked.push_back(i);
  std::stable_sort(picked.begin(), picked.end(), [&](std::size_t a, std::size_t b) {
    const Node &x = ds.nodes[a], &y = ds.nodes[b];
    if (x.kind != y.kind) return x.kind < y.kind;
    if (x.kind == Kind::Municipality) return x.row < y.row;
    return x.id < y.id;
  });
  return picked;
}

std::vector<std::size_t> edges_touching(const Dataset& ds, std::size_t node) {
  std::vector<std::size_t> edges;
  for (std::size_t k = 0; k < ds.edges.size(); ++k)
    if (ds.edges[k].from == node || ds.edges[k].to == node) edges.push_back(k);
  return edges;
}

}  // namespace renkei
