// The diff slide: NEW with what only OLD had merged in, then each kind of change marked.
#include <map>
#include <set>
#include <tuple>

#include "base/error.h"
#include "base/say.h"
#include "diagram/builder.h"
#include "diagram/diagrams.h"
#include "query/queries.h"

namespace renkei {

namespace {

std::string base_name(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string stage_words(const std::vector<EdgeStatus>& stages, Lang lang) {
  if (stages.empty()) return say(lang, "none");
  std::string s;
  for (EdgeStatus st : stages) s += (s.empty() ? "" : "・") + std::string(label(st, lang));
  return s;
}

/// NEW with what only OLD has: removed nodes, the relations they had, lost placements and
/// dropped stages. Each appended edge is remembered to be struck.
struct MergedDiff {
  std::vector<std::size_t> gone_edges;  ///< appended edges, drawn struck
  std::map<std::pair<std::size_t, std::size_t>, std::size_t>
      dropped_runs;  ///< (town, work) → appended runs edge
};

MergedDiff merge_old_into(Dataset& m, const Dataset& old_ds, const DatasetDiff& diff) {
  MergedDiff out;
  // What only OLD has goes into the merged dataset: removed nodes, the relations they had,
  // lost placements and dropped stages. Each appended edge is remembered to be struck.
  std::set<std::tuple<std::string, Relation, std::string>> appended;
  auto append_edge = [&](Edge e) -> std::optional<std::size_t> {
    auto key = std::make_tuple(m.nodes[e.from].id, e.relation, m.nodes[e.to].id);
    if (!appended.insert(key).second) return std::nullopt;
    out.gone_edges.push_back(m.edges.size());
    m.edges.push_back(std::move(e));
    return out.gone_edges.back();
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
    if (auto k = append_edge(e)) out.dropped_runs[{*from, *to}] = *k;
  }
  m.build_index();
  return out;
}

/// Marks what changed on a builder over the merged dataset, one kind of change at a time.
class DiffDrawer {
 public:
  DiffDrawer(const Network& net, const DatasetDiff& diff, const MergedDiff& merged, Lang lang)
      : m(net.data()), diff(diff), merged(merged), lang(lang), en(lang == Lang::En), b(net, lang) {}

  Diagram draw() {
    nodes();
    municipalities();
    councils();
    initiatives();
    gaps();
    return finish();
  }

 private:
  std::optional<std::size_t> id_of(const DiffNode& n) const { return m.find_id(n.id); }
  /// A node keeps the strongest mark it is given: added or removed over changed over context.
  void mark(std::size_t node, Mark mk) {
    Mark now = b.has(node) ? b.mark_of(node) : Mark::Normal;
    if (now == Mark::DiffAdded || now == Mark::DiffRemoved) return;
    if (now == Mark::DiffChanged && mk == Mark::Normal) return;
    b.add(node, mk);
  }
  void note(std::size_t node, const std::string& line) { notes[node].push_back(line); }

  void nodes() {
    for (const NodeChange& c : diff.nodes) {
      auto n = id_of(c.node);
      if (!n) continue;
      if (c.type == NodeChange::Type::Added) mark(*n, Mark::DiffAdded);
      if (c.type == NodeChange::Type::Removed) mark(*n, Mark::DiffRemoved);
      if (c.type == NodeChange::Type::Renamed) {
        mark(*n, Mark::DiffChanged);
        note(*n, say(lang, "was {1}", {en && !c.old_name_en.empty() ? c.old_name_en : c.old_name}));
      }
      // Whoever holds, places at or liaises with it, for context; relations of a new node are new.
      for (std::size_t k = 0; k < m.edges.size(); ++k) {
        const Edge& e = m.edges[k];
        if (e.to != *n || m.nodes[e.from].kind != Kind::Municipality) continue;
        if (e.relation != Relation::Coordinator && e.relation != Relation::Holds &&
            e.relation != Relation::Liaises)
          continue;
        mark(e.from, Mark::Normal);
        if (c.type == NodeChange::Type::Added) edge_marks.push_back({k, Mark::DiffAdded});
      }
    }
  }
  void municipalities() {
    for (const MunicipalityChange& mc : diff.municipalities) {
      auto mi = id_of(mc.municipality);
      if (!mi) continue;
      mark(*mi, Mark::DiffChanged);
      if (mc.uncovered) note(*mi, say(lang, "no office left"));
      if (mc.covered) note(*mi, say(lang, "has a coordinator office again"));
      for (std::size_t o : offices_of(m, *mi)) mark(o, Mark::Normal);
      for (const PlacementChange& p : mc.gained)
        if (auto o = id_of(p.office))
          for (std::size_t k : m.edges_from(*mi))
            if (m.edges[k].relation == Relation::Coordinator && m.edges[k].to == *o)
              edge_marks.push_back({k, Mark::DiffAdded});
      for (const PlacementChange& p : mc.lost)
        if (auto o = id_of(p.office)) mark(*o, Mark::Normal);
      for (const PlacementChange& p : mc.became_shared)
        if (auto o = id_of(p.office)) note(*o, say(lang, "now shared"));
      for (const PlacementChange& p : mc.stopped_shared)
        if (auto o = id_of(p.office)) note(*o, say(lang, "no longer shared"));
    }
  }
  void councils() {
    for (const CouncilChange& c : diff.councils) {
      auto ci = id_of(c.council);
      if (!ci) continue;
      mark(*ci, Mark::DiffChanged);
      for (const DiffNode& h : c.holders)
        if (auto hi = id_of(h)) mark(*hi, Mark::Normal);
      auto status = [&](CouncilStatus st) { return std::string(label(st, lang)); };
      if (c.type == CouncilChange::Type::StartedMeeting)
        note(*ci, say(lang, "met (did not before)"));
      if (c.type == CouncilChange::Type::StoppedMeeting)
        note(*ci, say(lang, "did not meet (met before)"));
      if (c.type == CouncilChange::Type::Status)
        note(*ci, status(c.old_status) + " → " + status(c.new_status));
    }
  }
  void initiatives() {
    for (const InitiativeChange& c : diff.initiatives) {
      auto mi = id_of(c.municipality), wi = id_of(c.initiative);
      if (!mi || !wi) continue;
      mark(*mi, Mark::DiffChanged);
      mark(*wi, Mark::Normal);
      std::string label = stage_words(c.old_stages, lang) + "→" + stage_words(c.new_stages, lang);
      if (c.type == InitiativeChange::Type::Dropped) {
        auto it = merged.dropped_runs.find({*mi, *wi});
        if (it != merged.dropped_runs.end())
          edge_labels.push_back({it->second, Mark::DiffRemoved, label});
        continue;
      }
      for (std::size_t k : m.edges_from(*mi))  // one line per municipality and kind of work
        if (m.edges[k].relation == Relation::Runs && m.edges[k].to == *wi) {
          edge_labels.push_back(
              {k, c.type == InitiativeChange::Type::Added ? Mark::DiffAdded : Mark::DiffChanged,
               label});
          break;
        }
    }
  }
  void gaps() {
    std::map<std::size_t, std::pair<int, int>> gap_counts;  // municipality → (closed, opened)
    for (const GapChange& g : diff.gaps_closed)
      if (!g.no_office_left)
        if (auto mi = id_of(g.municipality)) ++gap_counts[*mi].first;
    for (const GapChange& g : diff.gaps_opened)
      if (auto mi = id_of(g.municipality)) ++gap_counts[*mi].second;
    for (const auto& [mi, counts] : gap_counts) {
      mark(mi, Mark::DiffChanged);
      std::string closed, opened;
      if (counts.first) closed = say(lang, " {1} closed", {std::to_string(counts.first)});
      if (counts.second) opened = say(lang, " {1} opened", {std::to_string(counts.second)});
      note(mi, say(lang, "gaps:{1}{2}", {closed, opened}));
    }
  }
  Diagram finish() {
    Diagram& d = b.diagram();
    b.connect(kStructure);
    // Towns in a row with what changed below them: regions stand side by side on a 16:9 page.
    d.top_down = true;
    for (std::size_t k : merged.gone_edges)
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
      title = say(lang, "What changed, {1} → {2}", {old_year, new_year});
    else  // one year's data twice (a correction, a re-import): the footer names the files
      title = say(lang, "What changed in the {1} data", {new_year});
    d.footer_notes.push_back(
        say(lang, "Compared: old {1} ({2}) → new {3} ({4})",
            {base_name(diff.old_origin), old_year, base_name(diff.new_origin), new_year}));
    std::size_t others = diff.other_nodes.size() + diff.other_edges.size();
    if (others)
      d.footer_notes.push_back(
          say(lang, "{1} other changes are not drawn (the full list of changes has them)",
              {std::to_string(others)}));
    return b.finish(title);
  }

  const Dataset& m;
  const DatasetDiff& diff;
  const MergedDiff& merged;
  const Lang lang;
  const bool en;
  Builder b;
  std::map<std::size_t, std::vector<std::string>> notes;
  std::vector<std::pair<std::size_t, Mark>> edge_marks;
  std::vector<std::tuple<std::size_t, Mark, std::string>> edge_labels;
};

}  // namespace

DiffSlide make_diff_diagram(const Dataset& old_ds, const Dataset& new_ds, const DatasetDiff& diff,
                            Lang lang) {
  if (diff.empty())
    throw data_error(say("nothing changed between {1} and {2}; there is no diff slide to draw",
                         {old_ds.origin, new_ds.origin}));
  DiffSlide slide;
  slide.merged = new_ds;
  MergedDiff merged = merge_old_into(slide.merged, old_ds, diff);
  Network net(slide.merged);
  slide.diagram = DiffDrawer(net, diff, merged, lang).draw();
  return slide;
}

}  // namespace renkei
