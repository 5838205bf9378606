#include "diagram/diagrams.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "base/error.h"
#include "base/text.h"
#include "query/queries.h"
#include "base/quoted.h"

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
      {"diff", "", "what changed from an older dataset (--against OLD): added, removed, changed"},
  };
  return t;
}

namespace {

/// Collects nodes and edges for a diagram without repeats, then orders them stably.
class Builder {
 public:
  Builder(const Network& net, Lang lang) : ds_(net.data()) { d_.lang = lang; }

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
  /// Draws one edge (whatever its relation) with this mark and label; its ends must be added.
  void add_edge(std::size_t k, Mark m, std::string label = "") {
    if (!label.empty()) d_.edge_labels[k] = std::move(label);
    auto it = edge_index_.find(k);
    if (it == edge_index_.end()) {
      edge_index_[k] = d_.edges.size();
      d_.edges.push_back({k, m});
      return;
    }
    d_.edges[it->second].mark = m;
  }
  Mark mark_of(std::size_t node) const {
    auto it = index_.find(node);
    return it == index_.end() ? Mark::Normal : d_.nodes[it->second].mark;
  }
  /// Offices serving two or more municipalities stand out wherever they appear.
  void mark_shared_offices() {
    for (DiagramNode& dn : d_.nodes) {
      if (ds_.nodes[dn.node].kind != Kind::Office || dn.mark != Mark::Normal) continue;
      std::size_t served = municipalities_served(ds_, dn.node).size();
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

/// Where the map's legend goes: of the spots a quarter, half and three quarters across,
/// below the drawing (`bottom`) and above it (`top`), the one farthest from every node drawn
/// (a legend over a town hides it); the first such spot on a tie.
static Diagram::Position emptiest_spot(const std::map<std::size_t, Diagram::Position>& placed, double left, double right,
                                       double bottom, double top) {
  Diagram::Position best{left, bottom, true};
  double best_room = -1;
  for (double y : {bottom, top})
    for (double f : {0.25, 0.5, 0.75}) {
      Diagram::Position p{left + (right - left) * f, y, true};
      double room = 1e9;
      for (const auto& [node, q] : placed) room = std::min(room, std::hypot((q.x - p.x) / 3.0, q.y - p.y));
      if (room > best_room + 1e-9) {
        best = p;
        best_room = room;
      }
    }
  return best;
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
  std::string msg = "unknown region " + in_quotes(arg);
  if (auto near = nearest(arg, region_names)) msg += " (did you mean " + in_quotes(*near) + "?)";
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
    std::string msg = "unknown preset " + in_quotes(preset);
    if (auto near = nearest(kind, words)) msg += " (did you mean " + in_quotes(*near) + "?)";
    throw usage_error(msg + "; presets are " + list);
  }
  if (kind == "diff")
    throw usage_error("preset diff compares two datasets: renkei render --preset diff --data NEW --against OLD");
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
    // A council is drawn when it ties municipalities together (two or more hold it or take
    // part) or is a region's; one that a single town attends (長門市's 運営協議会) is its own.
    std::map<std::size_t, std::set<std::size_t>> members;
    for (const Edge& e : ds.edges)
      if ((e.relation == Relation::Holds || e.relation == Relation::Participates) && ds.nodes[e.to].kind == Kind::Council)
        members[e.to].insert(e.from);
    auto drawn = [&](std::size_t c) { return ds.nodes[c].level == CouncilLevel::Regional || members[c].size() >= 2; };
    for (std::size_t m : ms) {
      std::size_t offices = offices_of(ds, m).size(), own = 0;
      for (const Edge& e : ds.edges)
        if (e.from == m && (e.relation == Relation::Holds || (e.relation == Relation::Participates && !drawn(e.to)))) ++own;
      b.add(m, Mark::Normal,
            en ? std::to_string(offices) + " offices, " + std::to_string(own) + " council" + (own == 1 ? "" : "s")
               : "配置先" + std::to_string(offices) + "・協議の場" + std::to_string(own));
    }
    for (const Edge& e : ds.edges) {
      if (e.relation == Relation::Coordinator && shared_set.count(e.to)) b.add(e.to);
      if (e.relation == Relation::Participates && drawn(e.to)) b.add(e.to);
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
    return b.finish(network_title(ds, lang));
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
    return b.finish(name_of(ds, r, lang) + (en ? ": councils and coordinator offices, " + fiscal_year_words(ds, lang)
                                               : "の協議の場とコーディネーター配置先（" + fiscal_year_words(ds, lang) + "）"));
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
    std::map<std::size_t, std::vector<bool>> hits, qualified;
    for (const Finding& f : find_gaps(net)) {
      for (auto* m : {&hits, &qualified}) (*m)[f.municipality].resize(gap_rules().size());
      hits[f.municipality][static_cast<std::size_t>(f.rule)] = true;
      if (!f.context.empty()) qualified[f.municipality][static_cast<std::size_t>(f.rule)] = true;
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
      row.qualified = qualified[m];
      row.qualified.resize(gap_rules().size());
      if (!ds.nodes[m].no_children.empty()) {
        row.marker = "※";
        t.qualified_meaning = en ? "found, but ※ the row says there is no child to serve (not counted)"
                                 : "該当するが、※の市町は「対象となる子がいない」と記載（件数に数えない）";
      }
      row.alarm = DiagramTable::counted(row) >= 4;
      t.rows.push_back(row);
    }
    b.diagram().table = t;
    b.diagram().extra_legend.push_back({en ? "thick" : "朱色の行", en ? "4 or more rules" : "4つ以上のルールに該当"});
    return b.finish(en ? "Coverage gaps per municipality (renkei gaps)" : "市町ごとの支援のすき間（renkei gaps）");
  }
  if (kind == "whatif") {
    std::size_t removed = names.resolve(arg, {Kind::Office, Kind::Council, Kind::Center});
    WhatIfAnswer a = what_if_removed(net.data(), {removed});
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
  d.legend_position = emptiest_spot(d.positions, 0.8, 0.8 + span_x * scale, 0.6 - 0.9, 0.6 + span_y * scale + 0.9);
  return b.finish(en ? "Municipalities and the coordinator offices they share (map)" : "市町と共有される配置先（地図）");
}

namespace {

std::string base_name(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string stage_words(const std::vector<EdgeStatus>& stages, Lang lang) {
  if (stages.empty()) return lang == Lang::En ? "none" : "なし";
  std::string s;
  for (EdgeStatus st : stages)
    for (const auto& t : edge_statuses())
      if (t.value == st) s += (s.empty() ? "" : "・") + std::string(lang == Lang::En ? t.word : t.label_ja);
  return s;
}

}  // namespace

DiffSlide make_diff_diagram(const Dataset& old_ds, const Dataset& new_ds, const DatasetDiff& diff, Lang lang) {
  if (diff.empty())
    throw data_error("nothing changed between " + old_ds.origin + " and " + new_ds.origin + "; there is no diff slide to draw");
  bool en = lang == Lang::En;
  DiffSlide slide;
  Dataset& m = slide.merged;
  m = new_ds;

  // What only OLD has goes into the merged dataset: removed nodes, the relations they had,
  // lost placements and dropped stages. Each appended edge is remembered to be struck.
  std::set<std::tuple<std::string, Relation, std::string>> appended;
  std::vector<std::size_t> gone_edges;
  auto append_edge = [&](Edge e) -> std::optional<std::size_t> {
    auto key = std::make_tuple(m.nodes[e.from].id, e.relation, m.nodes[e.to].id);
    if (!appended.insert(key).second) return std::nullopt;
    gone_edges.push_back(m.edges.size());
    m.edges.push_back(std::move(e));
    return gone_edges.back();
  };
  for (const NodeChange& c : diff.nodes)
    if (c.type == NodeChange::Type::Removed && !m.find_id(c.node.id))
      if (auto i = old_ds.find_id(c.node.id)) m.nodes.push_back(old_ds.nodes[*i]);
  for (const NodeChange& c : diff.nodes) {
    if (c.type != NodeChange::Type::Removed) continue;
    auto i = old_ds.find_id(c.node.id);
    if (!i) continue;
    for (const Edge& e : old_ds.edges) {
      if (e.from != *i && e.to != *i) continue;
      if (e.relation == Relation::InRegion) continue;
      auto from = m.find_id(old_ds.nodes[e.from].id), to = m.find_id(old_ds.nodes[e.to].id);
      if (!from || !to) continue;
      Edge copy = e;
      copy.from = *from;
      copy.to = *to;
      append_edge(copy);
    }
  }
  auto id_of = [&](const DiffNode& n) { return m.find_id(n.id); };
  for (const MunicipalityChange& mc : diff.municipalities)
    for (const PlacementChange& p : mc.lost) {
      auto from = id_of(mc.municipality), to = id_of(p.office);
      if (!from || !to) continue;
      Edge e;
      e.from = *from;
      e.to = *to;
      e.relation = Relation::Coordinator;
      if (!p.sources.empty()) e.source = p.sources.front();
      append_edge(e);
    }
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> dropped_runs;
  for (const InitiativeChange& c : diff.initiatives) {
    if (c.type != InitiativeChange::Type::Dropped) continue;
    auto from = id_of(c.municipality), to = id_of(c.initiative);
    if (!from || !to) continue;
    Edge e;
    e.from = *from;
    e.to = *to;
    e.relation = Relation::Runs;
    e.status = c.old_stages.empty() ? EdgeStatus::Current : c.old_stages.front();
    if (!c.old_sources.empty()) e.source = c.old_sources.front();
    if (auto k = append_edge(e)) dropped_runs[{*from, *to}] = *k;
  }
  m.build_index();

  Network net(m);
  Builder b(net, lang);
  Diagram& d = b.diagram();
  std::map<std::size_t, std::vector<std::string>> notes;
  auto mark = [&](std::size_t node, Mark mk) {
    // A node keeps the strongest mark it is given: added or removed over changed over context.
    Mark now = b.has(node) ? b.mark_of(node) : Mark::Normal;
    if (now == Mark::DiffAdded || now == Mark::DiffRemoved) return;
    if (now == Mark::DiffChanged && mk == Mark::Normal) return;
    b.add(node, mk);
  };
  auto note = [&](std::size_t node, const std::string& line) { notes[node].push_back(line); };
  std::vector<std::pair<std::size_t, Mark>> edge_marks;
  std::vector<std::tuple<std::size_t, Mark, std::string>> edge_labels;

  for (const NodeChange& c : diff.nodes) {
    auto n = id_of(c.node);
    if (!n) continue;
    if (c.type == NodeChange::Type::Added) mark(*n, Mark::DiffAdded);
    if (c.type == NodeChange::Type::Removed) mark(*n, Mark::DiffRemoved);
    if (c.type == NodeChange::Type::Renamed) {
      mark(*n, Mark::DiffChanged);
      note(*n, (en ? "was " : "旧: ") + (en && !c.old_name_en.empty() ? c.old_name_en : c.old_name));
    }
    // Whoever holds, places at or liaises with it, for context; relations of a new node are new.
    for (std::size_t k = 0; k < m.edges.size(); ++k) {
      const Edge& e = m.edges[k];
      if (e.to != *n || m.nodes[e.from].kind != Kind::Municipality) continue;
      if (e.relation != Relation::Coordinator && e.relation != Relation::Holds && e.relation != Relation::Liaises) continue;
      mark(e.from, Mark::Normal);
      if (c.type == NodeChange::Type::Added) edge_marks.push_back({k, Mark::DiffAdded});
    }
  }
  for (const MunicipalityChange& mc : diff.municipalities) {
    auto mi = id_of(mc.municipality);
    if (!mi) continue;
    mark(*mi, Mark::DiffChanged);
    if (mc.uncovered) note(*mi, en ? "no office left" : "配置先なし");
    if (mc.covered) note(*mi, en ? "has a coordinator office again" : "配置先ができた");
    for (std::size_t o : offices_of(m, *mi)) mark(o, Mark::Normal);
    for (const PlacementChange& p : mc.gained)
      if (auto o = id_of(p.office))
        for (std::size_t k : m.edges_from(*mi))
          if (m.edges[k].relation == Relation::Coordinator && m.edges[k].to == *o) edge_marks.push_back({k, Mark::DiffAdded});
    for (const PlacementChange& p : mc.lost)
      if (auto o = id_of(p.office)) mark(*o, Mark::Normal);
    for (const PlacementChange& p : mc.became_shared)
      if (auto o = id_of(p.office)) note(*o, en ? "now shared" : "共有になった");
    for (const PlacementChange& p : mc.stopped_shared)
      if (auto o = id_of(p.office)) note(*o, en ? "no longer shared" : "共有でなくなった");
  }
  for (const CouncilChange& c : diff.councils) {
    auto ci = id_of(c.council);
    if (!ci) continue;
    mark(*ci, Mark::DiffChanged);
    for (const DiffNode& h : c.holders)
      if (auto hi = id_of(h)) mark(*hi, Mark::Normal);
    auto status = [&](CouncilStatus st) {
      for (const auto& t : council_statuses())
        if (t.value == st) return std::string(en ? t.word : t.label_ja);
      return std::string();
    };
    if (c.type == CouncilChange::Type::StartedMeeting) note(*ci, en ? "met (did not before)" : "開催あり（前は開催なし）");
    if (c.type == CouncilChange::Type::StoppedMeeting) note(*ci, en ? "did not meet (met before)" : "開催なし（前は開催あり）");
    if (c.type == CouncilChange::Type::Status) note(*ci, status(c.old_status) + " → " + status(c.new_status));
  }
  for (const InitiativeChange& c : diff.initiatives) {
    auto mi = id_of(c.municipality), wi = id_of(c.initiative);
    if (!mi || !wi) continue;
    mark(*mi, Mark::DiffChanged);
    mark(*wi, Mark::Normal);
    std::string label = stage_words(c.old_stages, lang) + "→" + stage_words(c.new_stages, lang);
    if (c.type == InitiativeChange::Type::Dropped) {
      auto it = dropped_runs.find({*mi, *wi});
      if (it != dropped_runs.end()) edge_labels.push_back({it->second, Mark::DiffRemoved, label});
      continue;
    }
    for (std::size_t k : m.edges_from(*mi))  // one line per municipality and kind of work
      if (m.edges[k].relation == Relation::Runs && m.edges[k].to == *wi) {
        edge_labels.push_back({k, c.type == InitiativeChange::Type::Added ? Mark::DiffAdded : Mark::DiffChanged, label});
        break;
      }
  }
  std::map<std::size_t, std::pair<int, int>> gap_counts;  // municipality → (closed, opened)
  for (const GapChange& g : diff.gaps_closed)
    if (!g.no_office_left)
      if (auto mi = id_of(g.municipality)) ++gap_counts[*mi].first;
  for (const GapChange& g : diff.gaps_opened)
    if (auto mi = id_of(g.municipality)) ++gap_counts[*mi].second;
  for (const auto& [mi, counts] : gap_counts) {
    mark(mi, Mark::DiffChanged);
    std::string line = en ? "gaps:" : "すき間:";
    if (counts.first) line += en ? " " + std::to_string(counts.first) + " closed" : " 解消" + std::to_string(counts.first);
    if (counts.second) line += en ? " " + std::to_string(counts.second) + " opened" : " 発生" + std::to_string(counts.second);
    note(mi, line);
  }

  b.connect(kStructure);
  // Towns in a row with what changed below them: regions stand side by side on a 16:9 page.
  d.top_down = true;
  for (std::size_t k : gone_edges)
    if (b.has(m.edges[k].from) && b.has(m.edges[k].to)) b.add_edge(k, Mark::DiffRemoved);
  for (const auto& [k, mk] : edge_marks) b.add_edge(k, mk);
  for (const auto& [k, mk, label] : edge_labels) b.add_edge(k, mk, label);
  for (DiagramNode& dn : d.nodes) {
    std::string text;
    for (const std::string& line : notes[dn.node]) text += (text.empty() ? "" : "\n") + line;
    dn.note = text;
  }

  std::string old_year = diff.old_fiscal_year, new_year = diff.new_fiscal_year;
  std::string title;
  if (old_year != new_year)
    title = en ? "What changed, " + old_year + " → " + new_year : old_year + " → " + new_year + "の変化";
  else
    title = (en ? "What changed: " : "データの変化: ") + base_name(diff.old_origin) + " → " + base_name(diff.new_origin);
  d.footer_notes.push_back(en ? "Compared: old " + base_name(diff.old_origin) + " (" + old_year + ") → new " +
                                    base_name(diff.new_origin) + " (" + new_year + ")"
                              : "比較: 旧 " + base_name(diff.old_origin) + "（" + old_year + "）→ 新 " + base_name(diff.new_origin) +
                                    "（" + new_year + "）");
  std::size_t others = diff.other_nodes.size() + diff.other_edges.size();
  if (others)
    d.footer_notes.push_back(en ? std::to_string(others) + " other changes are not drawn: renkei diff lists them"
                                : "このほか " + std::to_string(others) + " 件の変更は図にない（renkei diff で一覧）");
  slide.diagram = b.finish(title);
  return slide;
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

std::string network_title(const Dataset& ds, Lang lang) {
  if (lang == Lang::En)
    return "Support network for children needing medical care, " + ds.document.publisher + ", " + fiscal_year_words(ds, lang);
  return ds.document.publisher + " 医療的ケア児支援の連携体制（" + fiscal_year_words(ds, lang) + "）";
}

}  // namespace renkei
