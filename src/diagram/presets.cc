// The presets of `renkei render`: one table whose rows carry their builders, as the
// command table carries its commands.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "base/error.h"
#include "base/quoted.h"
#include "base/say.h"
#include "base/text.h"
#include "diagram/builder.h"
#include "diagram/diagrams.h"
#include "query/queries.h"

namespace renkei {

namespace {

/// Where the map's legend goes: of the spots a quarter, half and three quarters across, below
/// the drawing at `y` (above it is the title), the one farthest from every node drawn (a legend
/// over a town hides it); the first such spot on a tie.
Diagram::Position emptiest_spot(const std::map<std::size_t, Diagram::Position>& placed, double left,
                                double right, double y) {
  Diagram::Position best{left, y, true};
  double best_room = -1;
  for (double f : {0.25, 0.5, 0.75}) {
    Diagram::Position p{left + (right - left) * f, y, true};
    double room = 1e9;
    for (const auto& [node, q] : placed)
      room = std::min(room, std::hypot((q.x - p.x) / 3.0, q.y - p.y));
    if (room > best_room + 1e-9) {
      best = p;
      best_room = room;
    }
  }
  return best;
}

/// Between the names of a list in a message: 「萩、岩国」 in Japanese, "Hagi, Iwakuni" in English.
std::string list_comma() { return say("list|, "); }

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
  for (std::size_t r : all_of_kind(ds, Kind::Region))
    region_names.push_back(ds.nodes[r].aliases.empty() ? ds.nodes[r].name
                                                       : ds.nodes[r].aliases[0].name);
  std::string list;
  for (const auto& n : region_names) list += (list.empty() ? "" : list_comma()) + n;
  throw usage_error(say("unknown region {1}{2}; regions are {3}",
                        {in_quotes(arg), did_you_mean(arg, region_names), list}));
}

}  // namespace

/// The gaps grid: a row per unit (by planning region, then source row), a column per gap
/// rule the table can support, ● where the rule finds a gap.
DiagramTable gaps_table(const Network& net, Lang lang) {
  const Dataset& ds = net.data();
  bool en = lang == Lang::En;
  DiagramTable t;
  // Only the rules the table can support get a column: a rule that does not apply finds
  // nothing, and an empty column would read as "no gap".
  std::vector<std::size_t> column(gap_rules().size(), gap_rules().size());
  for (const auto& r : gap_rules()) {
    if (gap_rule_not_applicable(ds, r.rule)) continue;
    column[static_cast<std::size_t>(r.rule)] = t.columns.size();
    std::string heading = en ? r.name : r.label_ja;  // English: a word a line, as 会議\nなし
    if (en) std::replace(heading.begin(), heading.end(), '-', '\n');
    t.columns.push_back(heading);
  }
  t.mark_meaning = say(lang, "the rule finds a gap");
  std::map<std::size_t, std::vector<bool>> hits, qualified;
  for (const Finding& f : find_gaps(net)) {
    std::size_t col = column[static_cast<std::size_t>(f.rule)];
    for (auto* m : {&hits, &qualified}) (*m)[f.municipality].resize(t.columns.size());
    hits[f.municipality][col] = true;
    if (!f.context.empty()) qualified[f.municipality][col] = true;
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
    row.marks.resize(t.columns.size());
    row.qualified = qualified[m];
    row.qualified.resize(t.columns.size());
    if (!ds.nodes[m].no_children.empty()) {
      row.marker = "※";
      t.qualified_meaning =
          say(lang, "found, but ※ the row says there is no child to serve (not counted){1}",
              {units_word(ds, lang, "")});
    }
    row.alarm = DiagramTable::counted(row) >= 4;
    t.rows.push_back(row);
  }
  return t;
}

/// Every unit of `members` with its councils, offices and centers, and the units outside
/// them that share those (dimmed): a region's slide, or a part of one.
Diagram units_diagram(const Network& net, const std::vector<std::size_t>& members,
                      const std::string& title, Lang lang) {
  const Dataset& ds = net.data();
  Builder b(net, lang);
  add_structure(b, ds, members);
  // Links out: other municipalities that share these offices or councils; those of the same
  // region (drawn on another part of a region's pages) are said so, not called outside it.
  std::set<std::size_t> inside(members.begin(), members.end()), regions;
  for (std::size_t m : members)
    if (auto r = region_of(ds, m)) regions.insert(*r);
  for (const Edge& e : ds.edges)
    if (!inside.count(e.from) && ds.nodes[e.from].kind == Kind::Municipality && b.has(e.to) &&
        (e.relation == Relation::Coordinator || e.relation == Relation::Participates)) {
      auto r = region_of(ds, e.from);
      bool same = r && regions.count(*r);
      b.add(e.from, Mark::Dim, same ? say(lang, "same region") : say(lang, "outside the region"));
    }
  b.connect(kStructure);
  b.mark_shared_offices();
  return b.finish(title);
}

namespace {

/// Draws one preset: the dataset, the names to resolve its argument, the argument and the
/// language, and one method per preset (the table below names them).
class PresetDrawer {
 public:
  PresetDrawer(const Network& net, const NameIndex& names, std::string arg, Lang lang)
      : net(net), ds(net.data()), names(names), arg(std::move(arg)), lang(lang), b(net, lang) {}

  Diagram overview() {
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
      if ((e.relation == Relation::Holds || e.relation == Relation::Participates) &&
          ds.nodes[e.to].kind == Kind::Council)
        members[e.to].insert(e.from);
    auto drawn = [&](std::size_t c) {
      return ds.nodes[c].level == CouncilLevel::Regional || members[c].size() >= 2;
    };
    bool states_councils = !gap_rule_not_applicable(ds, GapRule::RegionalOnly);
    for (std::size_t m : ms) {
      std::size_t offices = offices_of(ds, m).size(), own = 0;
      for (const Edge& e : ds.edges)
        if (e.from == m && (e.relation == Relation::Holds ||
                            (e.relation == Relation::Participates && !drawn(e.to))))
          ++own;
      // A table that names no council does not say each unit has none: only the offices.
      std::string councils;
      if (states_councils)
        councils = own == 1 ? say(lang, ", {1} council", {std::to_string(own)})
                            : say(lang, ", {1} councils", {std::to_string(own)});
      b.add(m, Mark::Normal, say(lang, "{1} offices{2}", {std::to_string(offices), councils}));
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

  Diagram shared() {
    SharedAnswer a = shared_offices(net);
    for (const SharedOffice& o : a.offices) {
      b.add(o.office);
      for (std::size_t m : o.municipalities) b.add(m);
    }
    b.connect({Relation::Coordinator});
    b.mark_shared_offices();
    return b.finish(say(lang, "Coordinator offices shared between {1}",
                        {units_word(ds, lang, "municipalities")}));
  }

  Diagram region() {
    std::size_t r = resolve_region(ds, names, arg);
    std::vector<std::size_t> members;
    for (const Edge& e : ds.edges)
      if (e.relation == Relation::InRegion && e.to == r) members.push_back(e.from);
    sort_nodes(ds, members);
    return units_diagram(net, members,
                         say(lang, "{1}: councils and coordinator offices, {2}",
                             {name_of(ds, r, lang), fiscal_year_words(ds, lang)}),
                         lang);
  }

  Diagram municipality() {
    std::size_t m = names.resolve(arg, {Kind::Municipality});
    ReachQuery q;
    q.from = m;
    q.max_hops = 2;
    b.add(m, Mark::Highlight);
    for (const Reached& x : renkei::reach(net, q)) b.add(x.node);
    b.connect(kStructure);
    b.mark_shared_offices();
    return b.finish(say(lang, "{1} and everything within two steps", {name_of(ds, m, lang)}));
  }

  Diagram gaps() {
    b.diagram().table = gaps_table(net, lang);
    b.diagram().extra_legend.push_back({say(lang, "thick"), say(lang, "4 or more rules")});
    return b.finish(say(lang, "Coverage gaps per {1}", {units_word(ds, lang, "municipality")}));
  }

  Diagram whatif() {
    std::size_t removed = names.resolve(arg, {Kind::Office, Kind::Council, Kind::Center});
    WhatIfAnswer a = what_if_removed(net.data(), {removed});
    b.add(removed, Mark::Removed, say(lang, "if it stops"));
    std::set<std::size_t> uncovered(a.uncovered.begin(), a.uncovered.end());
    for (const Affected& af : a.affected) {
      bool alarm = uncovered.count(af.municipality) > 0;
      bool helped =
          std::count(a.only_out_of_area.begin(), a.only_out_of_area.end(), af.municipality) > 0;
      std::string line = !alarm   ? ""
                         : helped ? say(lang, "only out-of-area help left")
                                  : say(lang, "no coordinator office left");
      b.add(af.municipality, alarm ? Mark::Alarm : Mark::Normal, line);
      for (std::size_t x : af.remaining) b.add(x);
    }
    b.connect(kStructure);
    for (const DiagramEdge& de : b.diagram().edges)
      if (ds.edges[de.edge].to == removed || ds.edges[de.edge].from == removed)
        b.mark_edge(de.edge, Mark::Removed);
    b.mark_shared_offices();
    return b.finish(say(lang, "If {1} stops", {name_of(ds, removed, lang)}));
  }

  Diagram path() {
    auto colon = arg.find(':');
    if (colon == std::string::npos) throw usage_error(say("preset path needs two names: path:A:B"));
    std::size_t from = names.resolve(arg.substr(0, colon)),
                to = names.resolve(arg.substr(colon + 1));
    std::optional<Chain> chain = shortest_path(net, from, to, {}, false);
    if (!chain)
      throw data_error(say("no path from {1} to {2}", {ds.nodes[from].name, ds.nodes[to].name}));
    b.add(from, Mark::Highlight);
    for (const Step& s : chain->steps) b.add(s.node, Mark::Highlight);
    b.connect(kStructure);
    for (const Step& s : chain->steps) b.mark_edge(s.edge, Mark::Highlight);
    for (DiagramEdge& de : b.diagram().edges)
      if (de.mark != Mark::Highlight) de.mark = Mark::Dim;
    return b.finish(name_of(ds, from, lang) + " → " + name_of(ds, to, lang));
  }

  Diagram reach() {
    std::size_t from = names.resolve(arg);
    ReachQuery q;
    q.from = from;
    b.add(from, Mark::Highlight);
    std::vector<Reached> r = renkei::reach(net, q);
    for (const Reached& x : r) b.add(x.node);
    b.connect(kStructure);
    for (const Reached& x : r)
      if (!x.chain.steps.empty()) b.mark_edge(x.chain.steps.back().edge, Mark::Highlight);
    b.mark_shared_offices();
    return b.finish(say(lang, "Whom {1} can reach", {name_of(ds, from, lang)}));
  }

  Diagram map_of_offices() {
    Diagram& d = b.diagram();
    d.engine = Engine::Neato;
    d.positions_are_coordinates = true;
    double min_lat = 90, max_lat = -90, min_lng = 180, max_lng = -180;
    for (std::size_t m : all_of_kind(ds, Kind::Municipality))
      if (ds.nodes[m].facts) {
        min_lat = std::min(min_lat, ds.nodes[m].facts->lat);
        max_lat = std::max(max_lat, ds.nodes[m].facts->lat);
        min_lng = std::min(min_lng, ds.nodes[m].facts->lng);
        max_lng = std::max(max_lng, ds.nodes[m].facts->lng);
      }
    if (min_lat > max_lat)
      throw data_error(
          say("preset map needs {1} coordinates (outside facts); this dataset has none",
              {unit_offices_as(ds, language())}));
    double mid = (min_lat + max_lat) / 2 * 3.14159265358979 / 180;
    double span_x = (max_lng - min_lng) * std::cos(mid), span_y = max_lat - min_lat;
    double scale = std::min(11.0 / std::max(span_x, 1e-6), 5.6 / std::max(span_y, 1e-6));
    for (std::size_t m : all_of_kind(ds, Kind::Municipality)) {
      if (!ds.nodes[m].facts) continue;
      std::size_t offices = offices_of(ds, m).size();
      b.add(m, Mark::Normal, say(lang, "{1} offices", {std::to_string(offices)}));
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
          if (ds.nodes[other].kind == Kind::Office && std::abs(q.x - p.x) < 2.6 &&
              std::abs(q.y - p.y) < 0.7) {
            p.x = q.x + 2.7;  // strictly past the test below, so the loop ends
            moved = true;
          }
      }
      d.positions[o.office] = p;
    }
    b.connect({Relation::Coordinator});
    b.mark_shared_offices();
    d.legend_position = emptiest_spot(d.positions, 0.8, 0.8 + span_x * scale, 0.6 - 0.9);
    return b.finish(say(lang, "{1} and the coordinator offices they share (map)",
                        {units_word(ds, lang, "Municipalities")}));
  }

 private:
  const Network& net;
  const Dataset& ds;
  const NameIndex& names;
  const std::string arg;
  const Lang lang;
  Builder b;
};

struct PresetRow {
  PresetInfo info;
  Diagram (PresetDrawer::*draw)();  ///< nullptr: drawn elsewhere (diff: make_diff_diagram)
};

const std::vector<PresetRow>& preset_rows() {
  static const std::vector<PresetRow> t = {
      {{"overview", "",
        N_("all municipalities in their planning regions, their offices, councils and support "
           "centers")},
       &PresetDrawer::overview},
      {{"shared", "", N_("only the municipalities that share offices, and those offices")},
       &PresetDrawer::shared},
      {{"region", "NAME",
        N_("one planning region: its municipalities, councils, offices and links out (e.g. "
           "region:柳井)")},
       &PresetDrawer::region},
      {{"municipality", "NAME", N_("one municipality and everything within two hops")},
       &PresetDrawer::municipality},
      {{"gaps", "", N_("every municipality, marked by how many gap rules hit it")},
       &PresetDrawer::gaps},
      {{"whatif", "NODE", N_("an office, council or center removed, and who it leaves uncovered")},
       &PresetDrawer::whatif},
      {{"path", "A:B", N_("one shortest chain between two nodes, highlighted")},
       &PresetDrawer::path},
      {{"reach", "NODE", N_("everything a node reaches, with the chains highlighted")},
       &PresetDrawer::reach},
      {{"map", "", N_("municipalities at their office coordinates with the offices they share")},
       &PresetDrawer::map_of_offices},
      {{"diff", "",
        N_("what changed from an older dataset (--against OLD): added, removed, changed")},
       nullptr},
  };
  return t;
}

}  // namespace

const std::vector<PresetInfo>& presets() {
  static const std::vector<PresetInfo> t = [] {
    std::vector<PresetInfo> v;
    for (const PresetRow& r : preset_rows()) v.push_back(r.info);
    return v;
  }();
  return t;
}

Diagram make_diagram(const Network& net, const NameIndex& names, const std::string& preset,
                     Lang lang) {
  auto [kind, arg] = split_preset(preset);
  const PresetRow* row = nullptr;
  for (const auto& r : preset_rows())
    if (kind == r.info.name) row = &r;
  if (!row) {
    std::vector<std::string> words;
    std::string list;
    for (const auto& p : presets()) {
      words.push_back(p.name);
      list += (list.empty() ? "" : ", ") + std::string(p.name) +
              (*p.argument ? std::string(":") + p.argument : "");
    }
    throw usage_error(say("unknown preset {1}{2}; presets are {3}",
                          {in_quotes(preset), did_you_mean(kind, words), list}));
  }
  if (!row->draw)  // the diff slide: two datasets, make_diff_diagram
    throw usage_error(say(
        "preset diff compares two datasets: renkei render --preset diff --data NEW --against OLD"));
  if (*row->info.argument && arg.empty())
    throw usage_error(
        say("preset {1} needs an argument: {1}:{2}", {row->info.name, row->info.argument}));
  if (!*row->info.argument && !arg.empty())
    throw usage_error(say("preset {1} takes no argument", {row->info.name}));
  PresetDrawer drawer(net, names, arg, lang);
  return (drawer.*(row->draw))();
}

std::string network_title(const Dataset& ds, Lang lang) {
  return say(lang, "Support network for children needing medical care, {1}, {2}",
             {ds.document.publisher, fiscal_year_words(ds, lang)});
}

}  // namespace renkei
