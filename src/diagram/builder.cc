// The diagram builder (diagram/builder.h) and the helpers the presets share.
#include "diagram/builder.h"

#include <algorithm>

#include "base/say.h"
#include "diagram/diagrams.h"

namespace renkei {

void Builder::connect(const std::vector<Relation>& relations) {
  for (std::size_t k = 0; k < ds_.edges.size(); ++k) {
    const Edge& e = ds_.edges[k];
    if (std::find(relations.begin(), relations.end(), e.relation) == relations.end()) continue;
    if (has(e.from) && has(e.to) && !edge_index_.count(k)) {
      edge_index_[k] = d_.edges.size();
      d_.edges.push_back({k, Mark::Normal});
    }
  }
}

void mark_shared_offices(const Dataset& ds, Diagram& d) {
  for (DiagramNode& dn : d.nodes) {
    if (dn.mark != Mark::Normal || !is_shared_office(ds, dn.node)) continue;
    std::size_t served = municipalities_served(ds, dn.node).size();
    dn.mark = Mark::Shared;
    dn.note = say(d.lang, "shared by {1}{2}", {std::to_string(served), units_word(ds, d.lang, "")});
  }
}

std::string unit_offices_as(const Dataset& ds, Lang lang) {
  return lang == Lang::En ? "municipal office" : unit_offices_word(ds);
}

void Builder::mark_shared_offices() { renkei::mark_shared_offices(ds_, d_); }

Diagram Builder::finish(std::string title) {
  std::stable_sort(
      d_.nodes.begin(), d_.nodes.end(),
      [&](const DiagramNode& a, const DiagramNode& b) { return node_order(ds_, a.node, b.node); });
  std::sort(d_.edges.begin(), d_.edges.end(),
            [](const DiagramEdge& a, const DiagramEdge& b) { return a.edge < b.edge; });
  d_.title = std::move(title);
  return d_;
}

const std::vector<Relation> kStructure = {Relation::Holds, Relation::Participates, Relation::PartOf,
                                          Relation::Coordinator, Relation::Liaises};

std::string name_of(const Dataset& ds, std::size_t i, Lang lang) {
  return display_name(ds.nodes[i], lang);
}

void add_structure(Builder& b, const Dataset& ds, const std::vector<std::size_t>& municipalities) {
  for (std::size_t m : municipalities) b.add(m);
  for (const Edge& e : ds.edges) {
    if (!b.has(e.from) || ds.nodes[e.from].kind != Kind::Municipality) continue;
    if (e.relation == Relation::Coordinator || e.relation == Relation::Holds ||
        e.relation == Relation::Participates || e.relation == Relation::Liaises)
      b.add(e.to);
  }
  for (int pass = 0; pass < 2; ++pass)  // parents of sub-committees, then centers of councils
    for (const Edge& e : ds.edges)
      if (b.has(e.from) && ds.nodes[e.from].kind == Kind::Council &&
          (e.relation == Relation::PartOf || e.relation == Relation::Liaises))
        b.add(e.to);
  for (const Edge& e : ds.edges)  // sub-committees of included councils
    if (e.relation == Relation::PartOf && b.has(e.to)) b.add(e.from);
}

std::vector<std::size_t> all_of_kind(const Dataset& ds, Kind k) {
  std::vector<std::size_t> v;
  for (std::size_t i = 0; i < ds.nodes.size(); ++i)
    if (ds.nodes[i].kind == k) v.push_back(i);
  sort_nodes(ds, v);
  return v;
}

void stack_regions_in_bands(const Dataset& ds, const std::vector<std::size_t>& municipalities,
                            int minlen, Diagram& d, std::size_t band) {
  std::vector<std::pair<int, std::size_t>> regions;  // (first row, region)
  std::map<std::size_t, std::vector<std::size_t>> members;
  for (std::size_t m : municipalities)
    if (ds.nodes[m].kind == Kind::Municipality)
      if (auto r = region_of(ds, m)) members[*r].push_back(m);
  for (const auto& [r, v] : members) regions.push_back({ds.nodes[v.front()].row, r});
  std::sort(regions.begin(), regions.end());
  std::vector<std::vector<std::size_t>> bands;
  for (const auto& [row, r] : regions) {
    if (bands.empty() || bands.back().size() + members[r].size() > band) bands.emplace_back();
    bands.back().insert(bands.back().end(), members[r].begin(), members[r].end());
  }
  for (std::size_t i = 0; i + 1 < bands.size(); ++i)
    for (std::size_t m : bands[i + 1]) d.spacers.push_back({bands[i].front(), m, minlen});
}

}  // namespace renkei
