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

Support support_of(const Network& net, const View& view, std::size_t m) {
  const Graph& g = net.graph();
  Support s;
  for (auto e : boost::make_iterator_range(boost::out_edges(m, view))) {
    const EdgeProps& p = g[e];
    if (p.from != m) continue;
    if (p.relation == Relation::Coordinator) s.offices.push_back(p.to);
    // Councils that have ended or are only planned hold nobody up.
    const Node& to = net.data().nodes[p.to];
    bool real_council = to.kind == Kind::Council && to.council_status != CouncilStatus::Ended &&
                        to.council_status != CouncilStatus::Planned;
    if ((p.relation == Relation::Holds || p.relation == Relation::Participates) && real_council) s.councils.push_back(p.to);
    if (p.relation == Relation::Liaises) s.centers.push_back(p.to);
  }
  for (std::size_t c : s.councils)
    for (auto e : boost::make_iterator_range(boost::out_edges(c, view)))
      if (g[e].relation == Relation::Liaises && g[e].from == c) s.centers.push_back(g[e].to);
  sort_nodes(net.data(), s.offices);
  sort_nodes(net.data(), s.councils);
  sort_nodes(net.data(), s.centers);
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

/// The ties every what-if looks at, and the view with nothing removed.
const std::vector<Relation>& what_if_ties() {
  static const std::vector<Relation> ties = {Relation::Coordinator, Relation::Holds, Relation::Participates,
                                             Relation::Liaises};
  return ties;
}

/// what_if_removed with the view before removal and each municipality's support in it
/// computed once for many removals (`before_support[m]`, filled on first use).
WhatIfAnswer what_if_removed_with(const Network& net, const View& before, std::vector<std::optional<Support>>& before_support,
                                  const std::set<std::size_t>& removed) {
  const Dataset& ds = net.data();
  View after = net.view(what_if_ties(), {}, &removed, /*current_only=*/true);
  WhatIfAnswer a;
  a.removed.assign(removed.begin(), removed.end());
  sort_nodes(ds, a.removed);
  std::vector<std::size_t> municipalities = could_lose(net, removed);
  for (std::size_t m : municipalities) {
    if (!before_support[m]) before_support[m] = support_of(net, before, m);
    const Support& was = *before_support[m];
    Support now = support_of(net, after, m);
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
  static const std::set<std::size_t> nothing;
  View before = net.view(what_if_ties(), {}, &nothing, /*current_only=*/true);
  std::vector<std::optional<Support>> before_support(net.data().nodes.size());
  return what_if_removed_with(net, before, before_support, removed);
}

std::vector<WhatIfAnswer> what_if_each(const Network& net, Kind kind) {
  const Dataset& ds = net.data();
  static const std::set<std::size_t> nothing;
  View before = net.view(what_if_ties(), {}, &nothing, /*current_only=*/true);
  std::vector<std::optional<Support>> before_support(ds.nodes.size());  // shared by every removal
  std::vector<WhatIfAnswer> out;
  for (std::size_t i = 0; i < ds.nodes.size(); ++i)
    if (ds.nodes[i].kind == kind) out.push_back(what_if_removed_with(net, before, before_support, {i}));
  std::stable_sort(out.begin(), out.end(), [&](const WhatIfAnswer& a, const WhatIfAnswer& b) {
    if (a.uncovered.size() != b.uncovered.size()) return a.uncovered.size() > b.uncovered.size();
    if (a.affected.size() != b.affected.size()) return a.affected.size() > b.affected.size();
    return ds.nodes[a.removed[0]].id < ds.nodes[b.removed[0]].id;
  });
  return out;
}

}  // namespace renkei
