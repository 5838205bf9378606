#include <algorithm>
#include <optional>

#include "query/queries.h"

namespace renkei {

namespace {

/// What a municipality leans on: its coordinator offices, the councils it holds or takes
/// part in, and the support centers tied to it or to those councils, in a given view.
struct Support {
  std::vector<std::size_t> offices, councils, centers;
  std::vector<std::size_t> all;  ///< the three above, one after the other
};

/// Whether edge `e` still holds after `removed` go: one of the ties, not only planned, and
/// its far end not removed (the view the answer is defined by, without building one).
bool holds(const Edge& e, const std::set<std::size_t>& removed) {
  bool tie = e.relation == Relation::Coordinator || e.relation == Relation::Holds ||
             e.relation == Relation::Participates || e.relation == Relation::Liaises;
  bool current = e.status != EdgeStatus::Planned && e.status != EdgeStatus::Considering;
  return tie && current && !removed.count(e.to);
}

/// Municipality m's support with `removed` gone, from its own edges (Dataset::edges_from),
/// into `s` (whose buffers are reused: what-if over every office asks this thousands of times).
void support_of(const Dataset& ds, const std::set<std::size_t>& removed, std::size_t m,
                Support& s) {
  s.offices.clear();
  s.councils.clear();
  s.centers.clear();
  for (std::size_t k : ds.edges_from(m)) {
    const Edge& e = ds.edges[k];
    if (!holds(e, removed)) continue;
    if (e.relation == Relation::Coordinator) s.offices.push_back(e.to);
    // Councils that have ended or are only planned hold nobody up.
    if ((e.relation == Relation::Holds || e.relation == Relation::Participates) &&
        is_set_up(ds.nodes[e.to]))
      s.councils.push_back(e.to);
    if (e.relation == Relation::Liaises) s.centers.push_back(e.to);
  }
  for (std::size_t c : s.councils)
    for (std::size_t k : ds.edges_from(c))
      if (ds.edges[k].relation == Relation::Liaises && holds(ds.edges[k], removed))
        s.centers.push_back(ds.edges[k].to);
  sort_nodes(ds, s.offices);
  sort_nodes(ds, s.councils);
  sort_nodes(ds, s.centers);
  s.all = s.offices;
  s.all.insert(s.all.end(), s.councils.begin(), s.councils.end());
  s.all.insert(s.all.end(), s.centers.begin(), s.centers.end());
}

/// The municipalities whose support can change when `removed` go, by source row: a
/// municipality's support is its direct ties and the centers its councils liaise with, so
/// only those tied to a removed node, or holding or joining a council tied to one, can lose
/// anything. Everyone else would be computed unchanged, so they are not computed at all.
std::vector<std::size_t> could_lose(const Dataset& ds, const std::set<std::size_t>& removed) {
  std::vector<std::size_t> out;
  auto municipality = [&](std::size_t v) {
    return ds.nodes[v].kind == Kind::Municipality && !removed.count(v);
  };
  // Every node tied to v by an edge either way.
  auto for_each_neighbour = [&](std::size_t v, auto&& visit) {
    for (std::size_t k : ds.edges_from(v)) visit(ds.edges[k].to);
    for (std::size_t k : ds.edges_to(v)) visit(ds.edges[k].from);
  };
  for (std::size_t r : removed)
    for_each_neighbour(r, [&](std::size_t w) {
      if (municipality(w)) out.push_back(w);
      if (ds.nodes[w].kind == Kind::Council)
        for_each_neighbour(w, [&](std::size_t x) {
          if (municipality(x)) out.push_back(x);
        });
    });
  sort_nodes(ds, out);
  return out;
}

/// What every removal needs again: each municipality's support before removal (filled on
/// first use) and buffers for the support after it.
struct WhatIfWork {
  std::vector<std::optional<Support>> before;  ///< by node
  Support now;
  std::vector<std::size_t> out_of_area;  ///< every office or center stated to help beyond its area
};

WhatIfWork work_for(const Dataset& ds) {
  WhatIfWork w{std::vector<std::optional<Support>>(ds.nodes.size()), {}, {}};
  for (std::size_t i = 0; i < ds.nodes.size(); ++i)
    if (ds.nodes[i].out_of_area) w.out_of_area.push_back(i);
  sort_nodes(ds, w.out_of_area);
  return w;
}

WhatIfAnswer what_if_removed_with(const Dataset& ds, WhatIfWork& work,
                                  const std::set<std::size_t>& removed) {
  static const std::set<std::size_t> nothing;
  WhatIfAnswer a;
  a.removed.assign(removed.begin(), removed.end());
  sort_nodes(ds, a.removed);
  for (std::size_t m : could_lose(ds, removed)) {
    if (!work.before[m]) support_of(ds, nothing, m, work.before[m].emplace());
    const Support& was = *work.before[m];
    Support& now = work.now;
    support_of(ds, removed, m, now);
    auto has = [&](std::size_t x) {
      return std::find(now.all.begin(), now.all.end(), x) != now.all.end();
    };
    Affected af{m, {}, {}};
    for (std::size_t x : was.all)
      if (!has(x)) af.lost.push_back(x);
    if (af.lost.empty()) continue;
    sort_nodes(ds, af.lost);
    // What it still has of the kinds it lost.
    for (std::size_t x : now.all)
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
  for (std::size_t h : work.out_of_area)
    if (!removed.count(h)) a.out_of_area_help.push_back(h);
  if (!a.out_of_area_help.empty()) a.only_out_of_area = a.uncovered;
  return a;
}

}  // namespace

WhatIfAnswer what_if_removed(const Dataset& ds, const std::set<std::size_t>& removed) {
  WhatIfWork work = work_for(ds);
  return what_if_removed_with(ds, work, removed);
}

std::vector<WhatIfAnswer> what_if_each(const Dataset& ds, Kind kind) {
  WhatIfWork work = work_for(ds);  // shared by every removal
  std::vector<WhatIfAnswer> answers;
  for (std::size_t i = 0; i < ds.nodes.size(); ++i)
    if (ds.nodes[i].kind == kind) answers.push_back(what_if_removed_with(ds, work, {i}));
  // Ranked by position: in id order first (the order nodes usually are in already, so
  // mostly only checked), then stably by the counts, so ties stay in id order.
  std::vector<std::size_t> order(answers.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto by_id = [&](std::size_t i, std::size_t j) {
    return ds.nodes[answers[i].removed[0]].id < ds.nodes[answers[j].removed[0]].id;
  };
  if (!std::is_sorted(order.begin(), order.end(), by_id))
    std::sort(order.begin(), order.end(), by_id);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    const WhatIfAnswer &a = answers[i], &b = answers[j];
    if (a.uncovered.size() != b.uncovered.size()) return a.uncovered.size() > b.uncovered.size();
    return a.affected.size() > b.affected.size();
  });
  std::vector<WhatIfAnswer> out;
  out.reserve(answers.size());
  for (std::size_t i : order) out.push_back(std::move(answers[i]));
  return out;
}

}  // namespace renkei
