#include "diagrams.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "error.h"
#include "names.h"
#include "queries.h"

namespace renkei {

const std::vector<PresetInfo>& presets() {
  static const std::vector<PresetInfo> t = {
      {"overview", "", "all municipalities in their planning regions, their offices, councils and support centers"},
      {"shared", "", "only the municipalities that share offices, and those offices"},
      {"region", "NAME", "one planning region: its municipalities, councils, offices and links out (e.g. region:柳井)"},
      {"municipality", "NAME", "one municipality and everything within two hops"},
      {"gaps", "", "every municipality, marked by how many gap rules hit it"},
      {"whatif", "NODE", "an office, council or center removed, and who it leaves uncovered"},
      {"path", "A:B", "one shortest chain between two nodes, highlighted"},
      {"reach", "NODE", "everything a node reaches, with the chains highlighted"},
      {"map", "", "municipalities at their office coordinates with the offices they share"},
  };
  return t;
}

namespace {

/// Collects nodes and edges for a diagram without repeats, then orders them stably.
class Builder {
 public:
  Builder(const Network& net, Lang lang) : net_(net), ds_(net.data()) { d_.lang = lang; }

  void add(std::size_t node, Mark mark = Mark::Normal, std::string note = "") {
    auto it = index_.find(node);
    if (it != index_.end()) {
      DiagramNode& dn = d_.nodes[it->second];
      if (mark != Mark::Normal) dn.mark = mark;
      if (!note.empty()) dn.note = note;
      return;
    }
    index_[node] = d_.nodes.size();
    d_.nodes.push_back({node, mark, note});
  }
  bool has(std::size_t node) const { return index_.count(node) > 0; }
  /// Every edge of these relations between nodes already added (planned ones too).
  void connect(const std::vector<Relation>& relations) {
    for (std::size_t k = 0; k < ds_.edges.size(); ++k) {
      const Edge& e = ds_.edges[k];
      if (std::find(relations.begin(), relations.end(), e.relation) == relations.end()) continue;
      if (has(e.from) && has(e.to) && !edge_index_.count(k)) {
        edge_index_[k] = d_.edges.size();
        d_.edges.push_back({k, Mark::Normal});
      }
    }
  }
  void mark_edge(std::size_t k, Mark m) {
    auto it = edge_index_.find(k);
    if (it != edge_index_.end()) d_.edges[it->second].mark = m;
  }
  /// Offices serving two or more municipalities stand out wherever they appear.
  void mark_shared_offices() {
    for (DiagramNode& dn : d_.nodes) {
      if (ds_.nodes[dn.node].kind != Kind::Office || dn.mark != Mark::Normal) continue;
      std::size_t served = 0;
      for (const Edge& e : ds_.edges) served += e.relation == Relation::Coordinator && e.to == dn.node;
      if (served >= 2) {
        dn.mark = Mark::Shared;
        dn.note = d_.lang == Lang::En ? "shared by " + std::to_string(served) : std::to_string(served) + "市町で共有";
      }
    }
  }
  Diagram finish(std::string title) {
    std::stable_sort(d_.nodes.begin(), d_.nodes.end(),
                     [&](const DiagramNode& a, const DiagramNode& b) { return node_order(ds_, a.node, b.node); });
    std::sort(d_.edges.begin(), d_.edges.end(), [](const DiagramEdge& a, const DiagramEdge& b) { return a.edge < b.edge; });
    d_.title = std::move(title);
    return d_;
  }
  Diagram& diagram() { return d_; }

 private:
  const Network& net_;
  const Dataset& ds_;
  Diagram d_;
  std::map<std::size_t, std::size_t> index_, edge_index_;
};

const std::vector<Relation> kStructure = {Relation::Holds, Relation::Participates, Relation::PartOf, Relation::Coordinator,
                                          Relation::Liaises};

std::string name_of(const Dataset& ds, std::size_t i, Lang lang) { return display_name(ds.nodes[i], lang); }

/// Municipalities, their councils (own and joined, with parents), offices and centers.
void add_structure(Builder& b, const Dataset& ds, const std::vector<std::size_t>& municipalities) {
  for (std::size_t m : municipalities) b.add(m);
  for (const Edge& e : ds.edges) {
    if (!b.has(e.from) || ds.nodes[e.from].kind != Kind::Municipality) continue;
    if (e.relation == Relation::Coordinator || e.relation == Relation::Holds || e.relation == Relation::Participates ||
        e.relation == Relation::Liaises)
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

/// "region:柳井" → ("region", "柳井").
std::pair<std::string, std::string> split_preset(const std::string& preset) {
  auto colon = preset.find(':');
  if (colon == std::string::npos) return {preset, ""};
  return {preset.substr(0, colon), preset.substr(colon + 1)};
}

std::size_t resolve_region(const Dataset& ds, const NameIndex& names, const std::string& arg) {
  if (auto r = names.find(arg, {Kind::Region})) return *r;
  if (auto r = names.find(arg + "圏域", {Kind::Region})) return *r;
  std::vector<std::string> region_names;
  for (std::size_t r : all_of_kind(ds, Kind::Region)) region_names.push_back(ds.nodes[r].aliases.empty() ? ds.nodes[r].name : ds.nodes[r].aliases[0].name);
  std::string msg = "unknown region \"" + arg + "\"";
  if (auto near = nearest(arg, region_names)) msg += " (did you mean \"" + *near + "\"?)";
  std::string list;
  for (const auto& n : region_names) list += (list.empty() ? "" : ", ") + n;
  throw usage_error(msg + "; regions are " + list);
}

}  // namespace

Diagram make_diagram(const Network& net, const NameIndex& names, const std::string& preset, Lang lang) {
  const Dataset& ds = net.data();
  auto [kind, arg] = split_preset(preset);
  const PresetInfo* info = nullptr;
  for (const auto& p : presets())
    if (kind == p.name) info = &p;
  if (!info) {
    std::vector<std::string> words;
    std::string list;
    for (const auto& p : presets()) {
      words.push_back(p.name);
      list += (list.empty() ? "" : ", ") + std::string(p.name) + (*p.argument ? std::string(":") + p.argument : "");
    }
    std::string msg = "unknown preset \"" + preset + "\"";
    if (auto near = nearest(kind, words)) msg += " (did you mean \"" + *near + "\"?)";
    throw usage_error(msg + "; presets are " + list);
  }
  if (*info->argument && arg.empty())
    throw usage_error(std::string("preset ") + info->name + " needs an argument: " + info->name + ":" + info->argument);
  if (!*info->argument && !arg.empty()) throw usage_error(std::string("preset ") + info->name + " takes no argument");
  bool en = lang == Lang::En;
  Builder b(net, lang);

  if (kind == "overview") {
    // All of the prefecture on one slide: every municipality, and what ties them to others —
    // offices and councils they share, support centers. What belongs to one municipality
    // alone is counted in its box instead of drawn (`region:NAME` draws it).
    Diagram& d = b.diagram();
    d.councils_left = false;
    std::vector<std::size_t> ms = all_of_kind(ds, Kind::Municipality);
    std::set<std::size_t> shared_set;
    for (const SharedOffice& o : shared_offices(net).offices) shared_set.insert(o.office);
    for (std::size_t m : ms) {
      std::size_t offices = offices_of(ds, m).size(), own = 0;
      for (const Edge& e : ds.edges)
        if (e.relation == Relation::Holds && e.from == m) ++own;
      b.add(m, Mark::Normal,
            en ? std::to_string(offices) + " offices, " + std::to_string(own) + " council" + (own == 1 ? "" : "s")
               : "配置先" + std::to_string(offices) + "・協議の場" + std::to_string(own));
    }
    for (const Edge& e : ds.edges) {
      if (e.relation == Relation::Coordinator && shared_set.count(e.to)) b.add(e.to);
      if (e.relation == Relation::Participates) b.add(e.to);
      if (e.relation == Relation::Liaises) {
        b.add(e.to);
        if (ds.nodes[e.from].kind == Kind::Council) b.add(e.from);
      }
    }
    for (const Edge& e : ds.edges)  // the parents of shared sub-committees and projects
      if (e.relation == Relation::PartOf && b.has(e.from)) b.add(e.to);
    b.connect(kStructure);
    b.mark_shared_offices();
    stack_regions_in_bands(ds, ms, 2, d);
    return b.finish(en ? "Support network for children needing medical care, Yamaguchi, FY2024"
                       : "山口県 医療的ケア児支援の連携体制（令和6年度）");
  }
  if (kind == "shared") {
    SharedAnswer a = shared_offices(net);
    for (const SharedOffice& o : a.offices) {
      b.add(o.office);
      for (std::size_t m : o.municipalities) b.add(m);
    }
    b.connect({Relation::Coordinator});
    b.mark_shared_offices();
    return b.finish(en ? "Coordinator offices shared between municipalities" : "複数の市町が共有するコーディネーター配置先");
  }
  if (kind == "region") {
    std::size_t r = resolve_region(ds, names, arg);
    std::vector<std::size_t> members;
    for (const Edge& e : ds.edges)
      if (e.relation == Relation::InRegion && e.to == r) members.push_back(e.from);
    sort_nodes(ds, members);
    add_structure(b, ds, members);
    // Links out: other municipalities that share this region's offices or councils.
    std::set<std::size_t> inside(members.begin(), members.end());
    for (const Edge& e : ds.edges)
      if (!inside.count(e.from) && ds.nodes[e.from].kind == Kind::Municipality && b.has(e.to) &&
          (e.relation == Relation::Coordinator || e.relation == Relation::Participates))
        b.add(e.from, Mark::Dim, en ? "outside the region" : "圏域外");
    b.connect(kStructure);
    b.mark_shared_offices();
    return b.finish(name_of(ds, r, lang) + (en ? ": councils and coordinator offices, FY2024" : "の協議の場とコーディネーター配置先（令和6年度）"));
  }
  if (kind == "municipality") {
    std::size_t m = names.resolve(arg, {Kind::Municipality});
    ReachQuery q;
    q.from = m;
    q.max_hops = 2;
    b.add(m, Mark::Highlight);
    for (const Reached& x : reach(net, q)) b.add(x.node);
    b.connect(kStructure);
    b.mark_shared_offices();
    return b.finish(name_of(ds, m, lang) + (en ? " and everything within two steps" : "から2段階以内のつながり"));
  }
  if (kind == "gaps") {
    DiagramTable t;
    for (const auto& r : gap_rules()) t.columns.push_back(en ? r.name : r.label_ja);
    t.mark_meaning = en ? "the rule finds a gap (renkei gaps --explain RULE)" : "該当（ルールは renkei gaps --explain で説明）";
    std::map<std::size_t, std::vector<bool>> hits;
    for (const Finding& f : find_gaps(net)) {
      auto& v = hits[f.municipality];
      v.resize(gap_rules().size());
      v[static_cast<std::size_t>(f.rule)] = true;
    }
    // Rows by planning region (in the order of their first municipality's row), then row.
    std::vector<std::size_t> ms = all_of_kind(ds, Kind::Municipality);
    std::map<std::size_t, int> first_row;
    for (std::size_t m : ms) {
      auto r = region_of(ds, m);
      std::size_t key = r ? *r : ds.nodes.size();
      if (!first_row.count(key)) first_row[key] = ds.nodes[m].row;
    }
    std::stable_sort(ms.begin(), ms.end(), [&](std::size_t a, std::size_t b) {
      auto ra = region_of(ds, a), rb = region_of(ds, b);
      return first_row[ra ? *ra : ds.nodes.size()] < first_row[rb ? *rb : ds.nodes.size()];
    });
    for (std::size_t m : ms) {
      DiagramTable::Row row;
      auto r = region_of(ds, m);
      row.group = r ? name_of(ds, *r, lang) : "";
      row.name = name_of(ds, m, lang);
      row.marks = hits[m];
      row.marks.resize(gap_rules().size());
      row.alarm = std::count(row.marks.begin(), row.marks.end(), true) >= 4;
      t.rows.push_back(row);
    }
    b.diagram().table = t;
    b.diagram().extra_legend.push_back({en ? "thick" : "朱色の行", en ? "4 or more rules" : "4つ以上のルールに該当"});
    return b.finish(en ? "Coverage gaps per municipality (renkei gaps)" : "市町ごとの支援のすき間（renkei gaps）");
  }
  if (kind == "whatif") {
    std::size_t removed = names.resolve(arg, {Kind::Office, Kind::Council, Kind::Center});
    WhatIfAnswer a = what_if_removed(net, {removed});
    b.add(removed, Mark::Removed, en ? "if it stops" : "止まった場合");
    std::set<std::size_t> uncovered(a.uncovered.begin(), a.uncovered.end());
    for (const Affected& af : a.affected) {
      bool alarm = uncovered.count(af.municipality) > 0;
      b.add(af.municipality, alarm ? Mark::Alarm : Mark::Normal,
            alarm ? (en ? "no coordinator office left" : "配置先がなくなる") : "");
      for (std::size_t x : af.remaining) b.add(x);
    }
    b.connect(kStructure);
    for (const DiagramEdge& de : b.diagram().edges)
      if (ds.edges[de.edge].to == removed || ds.edges[de.edge].from == removed) b.mark_edge(de.edge, Mark::Removed);
    b.mark_shared_offices();
    return b.finish(en ? "If " + name_of(ds, removed, lang) + " stops" : name_of(ds, removed, lang) + "が止まった場合");
  }
  if (kind == "path" || kind == "reach") {
    if (kind == "path") {
      auto colon = arg.find(':');
      if (colon == std::string::npos) throw usage_error("preset path needs two names: path:A:B");
      std::size_t from = names.resolve(arg.substr(0, colon)), to = names.resolve(arg.substr(colon + 1));
      std::optional<Chain> chain = shortest_path(net, from, to, {}, false);
      if (!chain) throw data_error("no path from " + ds.nodes[from].name + " to " + ds.nodes[to].name);
      b.add(from, Mark::Highlight);
      for (const Step& s : chain->steps) b.add(s.node, Mark::Highlight);
      b.connect(kStructure);
      for (const Step& s : chain->steps) b.mark_edge(s.edge, Mark::Highlight);
      for (DiagramEdge& de : b.diagram().edges)
        if (de.mark != Mark::Highlight) de.mark = Mark::Dim;
      return b.finish(name_of(ds, from, lang) + " → " + name_of(ds, to, lang));
    }
    std::size_t from = names.resolve(arg);
    ReachQuery q;
    q.from = from;
    b.add(from, Mark::Highlight);
    std::vector<Reached> r = reach(net, q);
    for (const Reached& x : r) b.add(x.node);
    b.connect(kStructure);
    for (const Reached& x : r)
      if (!x.chain.steps.empty()) b.mark_edge(x.chain.steps.back().edge, Mark::Highlight);
    b.mark_shared_offices();
    return b.finish(en ? "Whom " + name_of(ds, from, lang) + " can reach" : name_of(ds, from, lang) + "からたどれる相手");
  }
  // map
  Diagram& d = b.diagram();
  d.engine = Engine::Neato;
  double min_lat = 90, max_lat = -90, min_lng = 180, max_lng = -180;
  for (std::size_t m : all_of_kind(ds, Kind::Municipality))
    if (ds.nodes[m].facts) {
      min_lat = std::min(min_lat, ds.nodes[m].facts->lat);
      max_lat = std::max(max_lat, ds.nodes[m].facts->lat);
      min_lng = std::min(min_lng, ds.nodes[m].facts->lng);
      max_lng = std::max(max_lng, ds.nodes[m].facts->lng);
    }
  if (min_lat > max_lat) throw data_error("preset map needs municipal office coordinates (outside facts); this dataset has none");
  double mid = (min_lat + max_lat) / 2 * 3.14159265358979 / 180;
  double span_x = (max_lng - min_lng) * std::cos(mid), span_y = max_lat - min_lat;
  double scale = std::min(11.0 / std::max(span_x, 1e-6), 5.6 / std::max(span_y, 1e-6));
  for (std::size_t m : all_of_kind(ds, Kind::Municipality)) {
    if (!ds.nodes[m].facts) continue;
    std::size_t offices = offices_of(ds, m).size();
    b.add(m, Mark::Normal, en ? std::to_string(offices) + " offices" : "配置先 " + std::to_string(offices));
    d.positions[m] = {(ds.nodes[m].facts->lng - min_lng) * std::cos(mid) * scale + 0.8,
                      (ds.nodes[m].facts->lat - min_lat) * scale + 0.6, true};
  }
  for (const SharedOffice& o : shared_offices(net).offices) {
    b.add(o.office);
    double x = 0, y = 0;
    for (std::size_t m : o.municipalities) {
      x += d.positions[m].x;
      y += d.positions[m].y;
    }
    // Below the middle of the towns it serves (south is the sea on this coast), moved
    // right while it would sit on an office already placed.
    Diagram::Position p{x / o.municipalities.size(), y / o.municipalities.size() - 1.1, true};
    for (bool moved = true; moved;) {
      moved = false;
      for (const auto& [other, q] : d.positions)
        if (ds.nodes[other].kind == Kind::Office && std::abs(q.x - p.x) < 2.6 && std::abs(q.y - p.y) < 0.7) {
          p.x = q.x + 2.7;  // strictly past the test below, so the loop ends
          moved = true;
        }
    }
    d.positions[o.office] = p;
  }
  b.connect({Relation::Coordinator});
  b.mark_shared_offices();
  // The sea south of 宇部 and 下関 is empty on Yamaguchi's map: the legend goes there.
  d.legend_position = Diagram::Position{0.8 + span_x * scale * 0.25, 0.6 - 0.9, true};
  return b.finish(en ? "Municipalities and the coordinator offices they share (map)" : "市町と共有される配置先（地図）");
}

void stack_regions_in_bands(const Dataset& ds, const std::vector<std::size_t>& municipalities, int minlen, Diagram& d) {
  std::vector<std::pair<int, std::size_t>> regions;  // (first row, region)
  std::map<std::size_t, std::vector<std::size_t>> members;
  for (std::size_t m : municipalities)
    if (ds.nodes[m].kind == Kind::Municipality)
      if (auto r = region_of(ds, m)) members[*r].push_back(m);
  for (const auto& [r, v] : members) regions.push_back({ds.nodes[v.front()].row, r});
  std::sort(regions.begin(), regions.end());
  std::vector<std::vector<std::size_t>> bands;
  for (const auto& [row, r] : regions) {
    if (bands.empty() || bands.back().size() + members[r].size() > 7) bands.emplace_back();
    bands.back().insert(bands.back().end(), members[r].begin(), members[r].end());
  }
  for (std::size_t i = 0; i + 1 < bands.size(); ++i)
    for (std::size_t m : bands[i + 1]) d.spacers.push_back({bands[i].front(), m, minlen});
}

std::string render_diagram(const Dataset& ds, Diagram d, Format format, RenderInfo* info) {
  // Each candidate comes back as DOT already fitted to the page (size and pad added), so the
  // one kept is drawn as it is, without measuring it a second time.
  std::string best_dot;
  RenderInfo best{-1};
  std::vector<bool> placements = {true};
  if (d.engine == Engine::Dot && !d.table) placements.push_back(false);
  for (bool first : placements) {
    d.legend_first = first;
    RenderInfo measured;
    std::string fitted = render_dot(write_dot(ds, d), d.engine, Format::Dot, page_size(d.page), &measured);
    if (measured.scale > best.scale + 1e-9) {
      best = measured;
      best_dot = std::move(fitted);
    }
  }
  if (info) *info = best;
  return render_dot(best_dot, d.engine, format, std::nullopt);
}

}  // namespace renkei
