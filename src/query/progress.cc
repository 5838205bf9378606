// Progress against the national targets (障害児福祉計画 基本指針): a 協議の場 and coordinators
// in every municipality, a 協議の場 in every planning region; counted per region.
#include <algorithm>
#include <map>
#include <set>

#include "query/queries.h"

namespace renkei {

namespace {

/// The councils a unit holds or takes part in, of any level, that are set up.
std::vector<std::size_t> councils_joined(const Dataset& ds, std::size_t m) {
  std::vector<std::size_t> v;
  for (std::size_t k : ds.edges_from(m)) {
    const Edge& e = ds.edges[k];
    if ((e.relation == Relation::Holds || e.relation == Relation::Participates) &&
        is_set_up(ds.nodes[e.to]))
      v.push_back(e.to);
  }
  sort_nodes(ds, v);
  return v;
}

}  // namespace

ProgressAnswer progress(const Dataset& ds) {
  ProgressAnswer a;
  a.states_councils = !gap_rule_not_applicable(ds, GapRule::RegionalOnly);
  std::map<std::size_t, std::size_t> row_of_region;  // region node (or npos) → index in rows
  auto row_for = [&](std::optional<std::size_t> r) -> ProgressRow& {
    std::size_t key = r ? *r : ds.nodes.size();
    auto it = row_of_region.find(key);
    if (it == row_of_region.end()) {
      it = row_of_region.emplace(key, a.regions.size()).first;
      a.regions.push_back({r, {}, {}, {}, {}, {}, {}, {}});
    }
    return a.regions[it->second];
  };
  std::vector<std::size_t> units;
  for (std::size_t m = 0; m < ds.nodes.size(); ++m)
    if (ds.nodes[m].kind == Kind::Municipality) units.push_back(m);
  sort_nodes(ds, units);  // by source row: rows and their lists come out in the table's order
  for (std::size_t m : units) {
    ++a.units;
    ProgressRow& row = row_for(region_of(ds, m));
    row.units.push_back(m);
    std::vector<std::size_t> councils = councils_joined(ds, m);
    if (!councils.empty()) {
      row.with_council.push_back(m);
      if (own_councils(ds, m).empty()) row.council_only_shared.push_back(m);
      if (children_meetings(ds, councils).held) row.met.push_back(m);
    }
    std::vector<std::size_t> offices = offices_of(ds, m);
    if (!offices.empty()) {
      row.with_coordinator.push_back(m);
      if (std::all_of(offices.begin(), offices.end(),
                      [&](std::size_t o) { return is_shared_office(ds, o); }))
        row.coordinator_only_shared.push_back(m);
    }
    for (std::size_t c : councils)
      if (ds.nodes[c].level == CouncilLevel::Regional) row.regional_councils.push_back(c);
  }
  for (ProgressRow& row : a.regions) sort_nodes(ds, row.regional_councils);
  return a;
}

}  // namespace renkei
