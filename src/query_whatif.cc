#include <algorithm>
#include <optional>

#include "queries.h"

namespace renkei {

namespace {

/// What a municipality leans on: its coordinator offices, the councils it holds or takes
/// part in, and the support centers tied to it or to those councils, in a given view.
struct Support {
  std::vector<std::size_t> offices, councils, centers;
  std::vector<std::size_t> all() const {
    std::vector<std::size_t> v = offices;
    v.insert(v.end(), councils.begin(), councils.end());
    v.insert(v.end(), centers.begin(), centers.end());
    return v;
  }
};

/// Whether edge `e` still holds after `removed` go: one of the ties, not only planned, and
/// its far end not removed (the view the answer is defined by, without building one).
bool holds(const Edge& e, const std::set<std::size_t>& removed) {
  bool tie = e.relation == Relation::Coordinator || e.relation == Relation::Holds ||
             e.relation == Relation::Participates || e.relation == Relation::Liaises;
  bool current = e.status != EdgeStatus::Planned && e.status != EdgeStatus::Considering;
  return tie && current && !removed.count(e.to);
}

/// Municipality m's support with `removed` gone, from its own edges (Dataset::edges_from).
Support support_of(const Dataset& ds, const std::set<std::size_t>& removed, std::size_t m) {
  Support s;
  for (std::size_t k : ds.edges_from(m)) {
    const Edge& e = ds.edges[k];
    if (!holds(e, removed)) continue;
    if (e.relation == Relation::Coordinator) s.offices.push_back(e.to);
    // Councils that have ended or are only planned hold nobody up.
    const Node& to = ds.nodes[e.to];
    bool real_council = to.kind == Kind::Council && to.council_status != CouncilStatus::Ended &&
                        to.council_status != CouncilStatus::Planned;
    if ((e.relation == Relation::Holds || e.relation == Relation::Participates) && real_council) s.councils.push_back(e.to);
    if (e.relation == Relation::Liaises) s.centers.push_back(e.to);
  }
  for (std::size_t c : s.councils)
    for (std::size_t k : ds.edges_from(c))
      if (ds.edges[k].relation == Relation::Liaises && holds(ds.edges[k], removed)) s.centers.push_back(ds.edges[k].to);
  sort_nodes(ds, s.offices);
  sort_nodes(ds, s.councils);
  sort_nodes(ds, s.centers);
  return s;
}

/// The municipalities whose support can change when `removed` go, by source row: a
/// municipality's support is its direct ties and the centers its councils liaise with, so
/// only those tied to a removed node, or holding or joining a council tied to one, can lose
/// anything. Everyone else would be computed unchanged, so they are not computed at all.
std::vector<std::size_t> could_lose(const Network& net, const std::set<std::size_t>& removed) {
  const Dataset& ds = net.data();
  const Graph& g = net.graph();
  std::vector<std::size_t> out;
  auto municipality = [&](std::size_t v) { return ds.nodes[v].kind == Kind::Municipality && !removed.count(v); };
  for (std::size_t r : removed)
    for (auto e : boost::make_iterator_range(boost::out_edges(r, g))) {
      std::size_t w = boost::target(e, g);
      if (municipality(w)) out.push_back(w);
      if (ds.nodes[w].kind != Kind::Council) continue;
      for (auto e2 : boost::make_iterator_range(boost::out_edges(w, g)))
        if (municipality(boost::target(e2, g))) out.push_back(boost::target(e2, g));
    }
  sort_nodes(ds, out);
  return out;
}

/// what_if_removed with each municipality's support before removal computed once for many
/// removals (`before_support[m]`, filled on first use).
WhatIfAnswer what_if_removed_with(const Network& net, std::vector<std::optional<Support>>& before_support,
                                  const std::set<std::size_t>& removed) {
  static const std::set<std::size_t> nothing;
  const Dataset& ds = net.data();
  WhatIfAnswer a;
  a.removed.assign(removed.begin(), removed.end());
  sort_nodes(ds, a.removed);
  std::vector<std::size_t> municipalities = could_lose(net, removed);
  for (std::size_t m : municipalities) {
    if (!before_support[m]) before_support[m] = support_of(ds, nothing, m);
    const Support& was = *before_support[m];
    Support now = support_of(ds, removed, m);
    Affected af{m, {}, {}};
    const std::vector<std::size_t> had = was.all(), has = now.all();
    for (std::size_t x : had)
      if (std::find(has.begin(), has.end(), x) == has.end()) af.lost.push_back(x);
    if (af.lost.empty()) continue;
    sort_nodes(ds, af.lost);
    // What it still has of the kinds it lost.
    for (std::size_t x : has)
      for (std::size_t l : af.lost)
        if (ds.nodes[x].kind == ds.nodes[l].kind) {
          af.remaining.push_back(x);
          break;
        }
    sort_nodes(ds, af.remaining);
    if (!was.offices.empty() && now.offices.empty()) a.uncovered.push_back(m);
    if (!was.councils.empty() && now.councils.empty()) a.no_council.push_back(m);
    a.affected.push_back(std::move(af));
  }
  return a;
}

}  // namespace

WhatIfAnswer what_if_removed(const Network& net, const std::set<std::size_t>& removed) {
  std::vector<std::optional<Support>> before_support(net.data().nodes.size());
  return what_if_removed_with(net, before_support, removed);
}

std::vector<WhatIfAnswer> what_if_each(const Network& net, Kind kind) {
  const Dataset& ds = net.data();
  std::vector<std::optional<Support>> before_support(ds.nodes.size());  // shared by every removal
  std::vector<WhatIfAnswer> out;
  for (std::size_t i = 0; i < ds.nodes.size(); ++i)
    if (ds.nodes[i].kind == kind) out.push_back(what_if_removed_with(net, before_support, {i}));
  std::stable_sort(out.begin(), out.end(), [&](const WhatIfAnswer& a, const WhatIfAnswer& b) {
    if (a.uncovered.size() != b.uncovered.size()) return a.uncovered.size() > b.uncovered.size();
    if (a.affected.size() != b.affected.size()) return a.affected.size() > b.affected.size();
    return ds.nodes[a.removed[0]].id < ds.nodes[b.removed[0]].id;
  });
  return out;
}

}  // namespace renkei
