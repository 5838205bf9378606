// diff: what changed between two years' datasets, each change with the quotes behind it.
#include "diff/diff.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "base/text.h"
#include "formats/node_json.h"
#include "formats/sheets.h"
#include "model/graph.h"

namespace renkei {

using nlohmann::json;

const char* word(NodeChange::Type t) {
  switch (t) {
    case NodeChange::Type::Added: return "added";
    case NodeChange::Type::Removed: return "removed";
    case NodeChange::Type::Renamed: return "renamed";
  }
  return "";
}
const char* word(CouncilChange::Type t) {
  switch (t) {
    case CouncilChange::Type::StartedMeeting: return "started_meeting";
    case CouncilChange::Type::StoppedMeeting: return "stopped_meeting";
    case CouncilChange::Type::Status: return "status";
  }
  return "";
}
const char* word(InitiativeChange::Type t) {
  switch (t) {
    case InitiativeChange::Type::Advanced: return "advanced";
    case InitiativeChange::Type::Regressed: return "regressed";
    case InitiativeChange::Type::StageChanged: return "stage_changed";
    case InitiativeChange::Type::Added: return "added";
    case InitiativeChange::Type::Dropped: return "dropped";
  }
  return "";
}
const char* word(OtherEdgeChange::Type t) {
  switch (t) {
    case OtherEdgeChange::Type::Added: return "added";
    case OtherEdgeChange::Type::Removed: return "removed";
    case OtherEdgeChange::Type::Changed: return "changed";
  }
  return "";
}

namespace {

/// Offices, councils and the rest are matched by a key that is the same in both datasets:
/// NEW's id when the node is in NEW (directly or renamed), else OLD's.
using Key = std::string;

bool is_current(EdgeStatus s) { return s == EdgeStatus::Done || s == EdgeStatus::Ongoing; }

/// Keys of a node's names: its name and aliases, as names are matched everywhere.
std::set<std::string> name_keys(const Node& n) {
  std::set<std::string> keys;
  for (const Spelling& s : spellings(n))
    if (s.kind == Spelling::Kind::Name || s.kind == Spelling::Kind::SourceAlias ||
        s.kind == Spelling::Kind::OutsideAlias)
      keys.insert(match_key(s.text));
  return keys;
}

class Differ {
 public:
  Differ(const Dataset& old_ds, const Dataset& new_ds) : old_(old_ds), new_(new_ds) {}

  DatasetDiff run() {
    d_.old_origin = old_.origin;
    d_.new_origin = new_.origin;
    d_.old_fiscal_year = old_.fiscal_year.label;
    d_.new_fiscal_year = new_.fiscal_year.label;
    d_.unit_word = unit_word(new_);
    match_nodes();
    compare_nodes();
    compare_placements();
    compare_councils();
    compare_initiatives();
    compare_gaps();
    compare_other_nodes();
    compare_other_edges();
    sort_all();
    return std::move(d_);
  }

 private:
  // ------------------------------------------------------------ matching

  void match_nodes() {
    old_to_new_.assign(old_.nodes.size(), std::nullopt);
    new_to_old_.assign(new_.nodes.size(), std::nullopt);
    for (std::size_t i = 0; i < old_.nodes.size(); ++i)
      if (auto j = new_.find_id(old_.nodes[i].id); j && new_.nodes[*j].kind == old_.nodes[i].kind)
        link(i, *j);
    // A node gone from OLD whose name NEW keeps as an alias of a new node (or the reverse)
    // is that node under a new name and id; pairs are taken in id order, each once.
    std::vector<std::size_t> gone, fresh;
    for (std::size_t i = 0; i < old_.nodes.size(); ++i)
      if (!old_to_new_[i]) gone.push_back(i);
    for (std::size_t j = 0; j < new_.nodes.size(); ++j)
      if (!new_to_old_[j]) fresh.push_back(j);
    auto by_id = [](const Dataset& ds) {
      return [&ds](std::size_t a, std::size_t b) { return ds.nodes[a].id < ds.nodes[b].id; };
    };
    std::sort(gone.begin(), gone.end(), by_id(old_));
    std::sort(fresh.begin(), fresh.end(), by_id(new_));
    for (std::size_t i : gone) {
      const Node& o = old_.nodes[i];
      std::set<std::string> old_keys = name_keys(o);
      for (std::size_t j : fresh) {
        const Node& n = new_.nodes[j];
        if (new_to_old_[j] || n.kind != o.kind) continue;
        std::set<std::string> new_keys = name_keys(n);
        if (new_keys.count(match_key(o.name)) || old_keys.count(match_key(n.name))) {
          link(i, j);
          break;
        }
      }
    }
  }
  void link(std::size_t i, std::size_t j) {
    old_to_new_[i] = j;
    new_to_old_[j] = i;
  }
  Key old_key(std::size_t i) const {
    return old_to_new_[i] ? new_.nodes[*old_to_new_[i]].id : old_.nodes[i].id;
  }
  Key new_key(std::size_t j) const { return new_.nodes[j].id; }

  static DiffNode ref(const Node& n) { return {n.id, n.kind, n.name, n.name_en, n.row}; }
  DiffNode old_ref(std::size_t i) const {
    return old_to_new_[i] ? ref(new_.nodes[*old_to_new_[i]]) : ref(old_.nodes[i]);
  }
  DiffNode new_ref(std::size_t j) const { return ref(new_.nodes[j]); }

  // ------------------------------------------------------------ nodes

  /// Municipalities placing coordinators at an office, by row.
  static std::vector<DiffNode> placing(const Dataset& ds, std::size_t office) {
    std::vector<DiffNode> out;
    for (std::size_t m : municipalities_served(ds, office)) out.push_back(ref(ds.nodes[m]));
    return out;
  }

  void compare_nodes() {
    for (std::size_t i = 0; i < old_.nodes.size(); ++i) {
      if (old_to_new_[i]) continue;
      NodeChange c;
      c.type = NodeChange::Type::Removed;
      c.node = ref(old_.nodes[i]);
      if (old_.nodes[i].kind == Kind::Office) c.municipalities = placing(old_, i);
      if (old_.nodes[i].source) c.old_sources.push_back(*old_.nodes[i].source);
      d_.nodes.push_back(c);
    }
    for (std::size_t j = 0; j < new_.nodes.size(); ++j) {
      const Node& n = new_.nodes[j];
      NodeChange c;
      c.node = ref(n);
      if (n.kind == Kind::Office) c.municipalities = placing(new_, j);
      if (!new_to_old_[j]) {
        c.type = NodeChange::Type::Added;
        if (n.source) c.new_sources.push_back(*n.source);
        d_.nodes.push_back(c);
        continue;
      }
      const Node& o = old_.nodes[*new_to_old_[j]];
      if (o.name == n.name && o.id == n.id) continue;
      c.type = NodeChange::Type::Renamed;
      c.old_id = o.id;
      c.old_name = o.name;
      c.old_name_en = o.name_en;
      if (o.source) c.old_sources.push_back(*o.source);
      if (n.source) c.new_sources.push_back(*n.source);
      renamed_[n.id] = d_.nodes.size();
      d_.nodes.push_back(c);
    }
  }

  // ------------------------------------------------------------ placements

  struct Placements {
    std::map<Key, std::set<Key>> offices_of;  ///< municipality → offices
    std::map<Key, std::set<Key>> served_by;   ///< office → municipalities
    std::set<Key> shared;                     ///< offices shared by two or more (model/facts.h)
    std::map<std::pair<Key, Key>, std::vector<Source>> quotes;
    std::map<Key, DiffNode> refs;
  };
  Placements placements(bool old_side) const {
    const Dataset& ds = old_side ? old_ : new_;
    Placements p;
    for (const Edge& e : ds.edges) {
      if (e.relation != Relation::Coordinator) continue;
      Key m = old_side ? old_key(e.from) : new_key(e.from),
          o = old_side ? old_key(e.to) : new_key(e.to);
      p.offices_of[m].insert(o);
      p.served_by[o].insert(m);
      if (e.source) p.quotes[{m, o}].push_back(*e.source);
      p.refs[m] = old_side ? old_ref(e.from) : new_ref(e.from);
      p.refs[o] = old_side ? old_ref(e.to) : new_ref(e.to);
    }
    for (std::size_t i = 0; i < ds.nodes.size(); ++i)
      if (is_shared_office(ds, i)) p.shared.insert(old_side ? old_key(i) : new_key(i));
    return p;
  }

  void compare_placements() {
    Placements before = placements(true), after = placements(false);
    auto shared = [](const Placements& p, const Key& o) { return p.shared.count(o) > 0; };
    auto change = [&](const Placements& p, const Key& m, const Key& o) {
      PlacementChange c;
      c.office = p.refs.at(o);
      c.shared = shared(p, o);
      for (const Key& other : p.served_by.at(o))
        if (other != m) c.shared_with.push_back(p.refs.at(other));
      std::sort(c.shared_with.begin(), c.shared_with.end(),
                [](const DiffNode& a, const DiffNode& b) { return a.row < b.row; });
      if (p.quotes.count({m, o})) c.sources = p.quotes.at({m, o});
      return c;
    };
    for (std::size_t j = 0; j < new_.nodes.size(); ++j) {
      if (new_.nodes[j].kind != Kind::Municipality || !new_to_old_[j])
        continue;  // added or removed towns are node changes
      const Key m = new_key(j);
      const std::set<Key> none;
      const std::set<Key>& was = before.offices_of.count(m) ? before.offices_of.at(m) : none;
      const std::set<Key>& is = after.offices_of.count(m) ? after.offices_of.at(m) : none;
      MunicipalityChange mc;
      mc.municipality = new_ref(j);
      for (const Key& o : is) {
        if (!was.count(o)) {
          mc.gained.push_back(change(after, m, o));
          explained_placements_.insert({m, o});
        } else if (shared(after, o) && !shared(before, o)) {
          mc.became_shared.push_back(change(after, m, o));
        }
        if (shared(after, o) && !(was.count(o) && shared(before, o)))
          mc.shared_gained.push_back(after.refs.at(o));
      }
      for (const Key& o : was) {
        if (!is.count(o)) {
          mc.lost.push_back(change(before, m, o));
          explained_placements_.insert({m, o});
        } else if (shared(before, o) && !shared(after, o)) {
          mc.stopped_shared.push_back(change(before, m, o));
        }
        if (shared(before, o) && !(is.count(o) && shared(after, o)))
          mc.shared_lost.push_back(before.refs.at(o));
      }
      mc.uncovered = !was.empty() && is.empty();
      mc.covered = was.empty() && !is.empty();
      if (mc.gained.empty() && mc.lost.empty() && mc.became_shared.empty() &&
          mc.stopped_shared.empty())
        continue;
      d_.municipalities.push_back(std::move(mc));
    }
    without_office_.clear();
    for (std::size_t j = 0; j < new_.nodes.size(); ++j)
      if (new_.nodes[j].kind == Kind::Municipality && !after.offices_of.count(new_key(j)))
        without_office_.insert(new_key(j));
  }

  // ------------------------------------------------------------ councils

  static std::vector<Source> meeting_quotes(const Node& c) {
    std::vector<Source> q;
    for (const Meeting& m : c.meetings) q.push_back(m.source);
    return q;
  }
  std::vector<DiffNode> holders(std::size_t council) const {
    std::vector<DiffNode> out;
    for (const Edge& e : new_.edges)
      if (e.relation == Relation::Holds && e.to == council) out.push_back(new_ref(e.from));
    std::sort(out.begin(), out.end(),
              [](const DiffNode& a, const DiffNode& b) { return a.row < b.row; });
    return out;
  }

  void compare_councils() {
    for (std::size_t j = 0; j < new_.nodes.size(); ++j) {
      const Node& n = new_.nodes[j];
      if (n.kind != Kind::Council || !new_to_old_[j]) continue;
      const Node& o = old_.nodes[*new_to_old_[j]];
      bool met_before = met_about_children(o), met_now = met_about_children(n);
      if (met_before != met_now) {
        CouncilChange c;
        c.type =
            met_now ? CouncilChange::Type::StartedMeeting : CouncilChange::Type::StoppedMeeting;
        c.council = ref(n);
        c.holders = holders(j);
        c.old_status = o.council_status;
        c.new_status = n.council_status;
        c.old_sources = meeting_quotes(o);
        c.new_sources = meeting_quotes(n);
        d_.councils.push_back(c);
        explained_fields_[n.id].insert("meetings");
      }
      if (o.council_status != n.council_status) {
        CouncilChange c;
        c.type = CouncilChange::Type::Status;
        c.council = ref(n);
        c.holders = holders(j);
        c.old_status = o.council_status;
        c.new_status = n.council_status;
        // The status quote where the data has one, else the meetings' (休会 is said there).
        c.old_sources = o.status_source ? std::vector<Source>{*o.status_source} : meeting_quotes(o);
        c.new_sources = n.status_source ? std::vector<Source>{*n.status_source} : meeting_quotes(n);
        d_.councils.push_back(c);
        explained_fields_[n.id].insert("status");
        explained_fields_[n.id].insert("status_source");
      }
    }
  }

  // ------------------------------------------------------------ initiatives

  struct Runs {
    std::set<EdgeStatus> stages;
    std::vector<Source> quotes;
    DiffNode municipality, initiative;
  };
  std::map<std::pair<Key, Key>, Runs> runs(bool old_side) const {
    const Dataset& ds = old_side ? old_ : new_;
    std::map<std::pair<Key, Key>, Runs> out;
    for (const Edge& e : ds.edges) {
      if (e.relation != Relation::Runs) continue;
      Key m = old_side ? old_key(e.from) : new_key(e.from),
          w = old_side ? old_key(e.to) : new_key(e.to);
      Runs& r = out[{m, w}];
      r.stages.insert(e.status);
      if (e.source) r.quotes.push_back(*e.source);
      r.municipality = old_side ? old_ref(e.from) : new_ref(e.from);
      r.initiative = old_side ? old_ref(e.to) : new_ref(e.to);
    }
    return out;
  }

  void compare_initiatives() {
    auto before = runs(true), after = runs(false);
    std::set<std::pair<Key, Key>> keys;
    for (const auto& [k, r] : before) keys.insert(k);
    for (const auto& [k, r] : after) keys.insert(k);
    for (const auto& k : keys) {
      auto b = before.find(k), a = after.find(k);
      if (b != before.end() && a != after.end() && b->second.stages == a->second.stages) continue;
      InitiativeChange c;
      const Runs& any = a != after.end() ? a->second : b->second;
      c.municipality = any.municipality;
      c.initiative = any.initiative;
      if (b != before.end()) {
        c.old_stages.assign(b->second.stages.begin(), b->second.stages.end());
        c.old_sources = b->second.quotes;
      }
      if (a != after.end()) {
        c.new_stages.assign(a->second.stages.begin(), a->second.stages.end());
        c.new_sources = a->second.quotes;
      }
      auto current = [](const std::vector<EdgeStatus>& v) {
        return std::any_of(v.begin(), v.end(), is_current);
      };
      if (b == before.end())
        c.type = InitiativeChange::Type::Added;
      else if (a == after.end())
        c.type = InitiativeChange::Type::Dropped;
      else if (!current(c.old_stages) && current(c.new_stages))
        c.type = InitiativeChange::Type::Advanced;
      else if (current(c.old_stages) && !current(c.new_stages))
        c.type = InitiativeChange::Type::Regressed;
      else
        c.type = InitiativeChange::Type::StageChanged;
      d_.initiatives.push_back(c);
      explained_runs_.insert(k);
    }
  }

  // ------------------------------------------------------------ gaps

  void compare_gaps() {
    Network old_net(old_), new_net(new_);
    std::map<std::pair<Key, GapRule>, const Finding*> before, after;
    std::vector<Finding> old_found = find_gaps(old_net), new_found = find_gaps(new_net);
    for (const Finding& f : old_found) before[{old_key(f.municipality), f.rule}] = &f;
    for (const Finding& f : new_found) after[{new_key(f.municipality), f.rule}] = &f;
    for (const auto& [k, f] : after)
      if (!before.count(k))
        d_.gaps_opened.push_back(
            {f->rule, new_ref(f->municipality), f->detail, f->evidence, false});
    for (const auto& [k, f] : before)
      if (!after.count(k)) {
        bool officeless = (f->rule == GapRule::SingleOffice || f->rule == GapRule::SharedOnly) &&
                          without_office_.count(k.first);
        d_.gaps_closed.push_back(
            {f->rule, old_ref(f->municipality), f->detail, f->evidence, officeless});
      }
  }

  // ------------------------------------------------------------ everything else

  /// The cell a fact was typed in is where it was written down this time, not part of the
  /// fact: the same table entered in another workbook compares equal.
  static void drop_entered_cells(json& j) {
    if (j.is_object()) {
      j.erase("input");
      for (auto& [k, v] : j.items()) drop_entered_cells(v);
    } else if (j.is_array()) {
      for (json& v : j) drop_entered_cells(v);
    }
  }

  /// Node fields as the dataset has them, without its id (matched already) and without
  /// the names a rename reports.
  json comparable_node(const Dataset& ds, std::size_t i,
                       const std::set<std::string>& names_to_drop) const {
    json j = node_json(ds, i);
    j.erase("id");
    drop_entered_cells(j);
    if (j.contains("outside") && j["outside"].contains("region"))
      j["outside"]["region"] = j["outside"]["region"]["id"];
    if (j.contains("aliases")) {
      json kept = json::array();
      for (const json& a : j["aliases"])
        if (!names_to_drop.count(match_key(a["name"].get<std::string>()))) kept.push_back(a);
      j["aliases"] = kept;
      if (kept.empty()) j.erase("aliases");
    }
    return j;
  }

  void compare_other_nodes() {
    for (std::size_t j = 0; j < new_.nodes.size(); ++j) {
      if (!new_to_old_[j]) continue;
      std::size_t i = *new_to_old_[j];
      const Node &o = old_.nodes[i], &n = new_.nodes[j];
      std::set<std::string> ignored = explained_fields_[n.id];
      std::set<std::string> names_to_drop;
      if (renamed_.count(n.id)) {
        for (const char* f : {"name", "name_en", "source", "note"}) ignored.insert(f);
        names_to_drop = {match_key(o.name), match_key(n.name)};
      }
      json a = comparable_node(old_, i, names_to_drop), b = comparable_node(new_, j, names_to_drop);
      std::set<std::string> fields;
      for (const auto& [k, v] : a.items())
        if (!ignored.count(k) && (!b.contains(k) || b[k] != v)) fields.insert(k);
      for (const auto& [k, v] : b.items())
        if (!ignored.count(k) && !a.contains(k)) fields.insert(k);
      if (!fields.empty())
        d_.other_nodes.push_back({ref(n), std::vector<std::string>(fields.begin(), fields.end())});
    }
  }

  /// An edge's fields with both ends as keys, so that the same edge compares equal.
  json comparable_edge(bool old_side, std::size_t k) const {
    const Dataset& ds = old_side ? old_ : new_;
    json j = edge_json(ds, k);
    drop_entered_cells(j);
    j["from"] = old_side ? old_key(ds.edges[k].from) : new_key(ds.edges[k].from);
    j["to"] = old_side ? old_key(ds.edges[k].to) : new_key(ds.edges[k].to);
    return j;
  }

  void compare_other_edges() {
    // Every edge not in the other dataset exactly, less what the changes above explain.
    using Tie = std::tuple<Key, Relation, Key>;
    std::map<std::string, std::vector<std::size_t>> new_by_text;
    std::vector<json> new_json(new_.edges.size());
    for (std::size_t k = 0; k < new_.edges.size(); ++k) {
      new_json[k] = comparable_edge(false, k);
      new_by_text[new_json[k].dump()].push_back(k);
    }
    std::map<Tie, std::vector<std::pair<std::size_t, json>>> only_old, only_new;
    for (std::size_t k = 0; k < old_.edges.size(); ++k) {
      json j = comparable_edge(true, k);
      auto it = new_by_text.find(j.dump());
      if (it != new_by_text.end() && !it->second.empty()) {
        it->second.pop_back();
        continue;
      }
      const Edge& e = old_.edges[k];
      if (explained(e, old_key(e.from), old_key(e.to), !old_to_new_[e.from] || !old_to_new_[e.to]))
        continue;
      only_old[{old_key(e.from), e.relation, old_key(e.to)}].push_back({k, j});
    }
    std::set<std::size_t> unmatched_new;
    for (const auto& [text, ks] : new_by_text) unmatched_new.insert(ks.begin(), ks.end());
    for (std::size_t k : unmatched_new) {
      const Edge& e = new_.edges[k];
      if (explained(e, new_key(e.from), new_key(e.to), !new_to_old_[e.from] || !new_to_old_[e.to]))
        continue;
      only_new[{new_key(e.from), e.relation, new_key(e.to)}].push_back({k, new_json[k]});
    }
    std::set<Tie> ties;
    for (const auto& [t, v] : only_old) ties.insert(t);
    for (const auto& [t, v] : only_new) ties.insert(t);
    for (const Tie& t : ties) {
      const auto& was = only_old[t];
      const auto& is = only_new[t];
      for (std::size_t x = 0; x < std::max(was.size(), is.size()); ++x) {
        OtherEdgeChange c;
        c.relation = std::get<1>(t);
        if (x < was.size()) {
          const Edge& e = old_.edges[was[x].first];
          c.from = old_ref(e.from);
          c.to = old_ref(e.to);
          if (e.source) c.old_sources.push_back(*e.source);
        }
        if (x < is.size()) {
          const Edge& e = new_.edges[is[x].first];
          c.from = new_ref(e.from);
          c.to = new_ref(e.to);
          if (e.source) c.new_sources.push_back(*e.source);
        }
        if (x < was.size() && x < is.size()) {
          c.type = OtherEdgeChange::Type::Changed;
          std::set<std::string> fields;
          const json &a = was[x].second, &b = is[x].second;
          for (const auto& [k, v] : a.items())
            if (!b.contains(k) || b[k] != v) fields.insert(k);
          for (const auto& [k, v] : b.items())
            if (!a.contains(k)) fields.insert(k);
          c.fields.assign(fields.begin(), fields.end());
          // A placement that only quotes the office's new name belongs to the rename.
          auto rename = renamed_.find(std::get<2>(t));
          if (rename == renamed_.end()) rename = renamed_.find(std::get<0>(t));
          bool quote_only = std::all_of(c.fields.begin(), c.fields.end(), [](const std::string& f) {
            return f == "source" || f == "note";
          });
          if (rename != renamed_.end() && quote_only) {
            NodeChange& nc = d_.nodes[rename->second];
            nc.old_sources.insert(nc.old_sources.end(), c.old_sources.begin(), c.old_sources.end());
            nc.new_sources.insert(nc.new_sources.end(), c.new_sources.begin(), c.new_sources.end());
            continue;
          }
        } else {
          c.type = x < was.size() ? OtherEdgeChange::Type::Removed : OtherEdgeChange::Type::Added;
        }
        d_.other_edges.push_back(c);
      }
    }
  }

  /// Whether a change already reported accounts for this edge being in one dataset only.
  bool explained(const Edge& e, const Key& from, const Key& to, bool end_added_or_removed) const {
    if (end_added_or_removed) return true;
    if (e.relation == Relation::Coordinator && explained_placements_.count({from, to})) return true;
    if (e.relation == Relation::Runs && explained_runs_.count({from, to})) return true;
    return false;
  }

  // ------------------------------------------------------------ order

  void sort_all() {
    auto by_kind_id = [](const DiffNode& a, const DiffNode& b) {
      return std::tie(a.kind, a.id) < std::tie(b.kind, b.id);
    };
    auto by_row = [](const DiffNode& a, const DiffNode& b) {
      return std::tie(a.row, a.id) < std::tie(b.row, b.id);
    };
    std::stable_sort(d_.nodes.begin(), d_.nodes.end(),
                     [&](const NodeChange& a, const NodeChange& b) {
                       if (a.node.kind != b.node.kind) return a.node.kind < b.node.kind;
                       if (a.node.kind == Kind::Municipality) return by_row(a.node, b.node);
                       return a.node.id < b.node.id;
                     });
    std::sort(d_.municipalities.begin(), d_.municipalities.end(),
              [&](const MunicipalityChange& a, const MunicipalityChange& b) {
                return by_row(a.municipality, b.municipality);
              });
    for (MunicipalityChange& m : d_.municipalities) {
      for (auto* v : {&m.gained, &m.lost, &m.became_shared, &m.stopped_shared})
        std::sort(v->begin(), v->end(), [](const PlacementChange& a, const PlacementChange& b) {
          return a.office.id < b.office.id;
        });
      for (auto* v : {&m.shared_gained, &m.shared_lost})
        std::sort(v->begin(), v->end(), by_kind_id);
    }
    std::sort(d_.councils.begin(), d_.councils.end(),
              [](const CouncilChange& a, const CouncilChange& b) {
                return std::tie(a.council.id, a.type) < std::tie(b.council.id, b.type);
              });
    std::sort(d_.initiatives.begin(), d_.initiatives.end(),
              [](const InitiativeChange& a, const InitiativeChange& b) {
                return std::tie(a.municipality.row, a.municipality.id, a.initiative.id) <
                       std::tie(b.municipality.row, b.municipality.id, b.initiative.id);
              });
    for (auto* v : {&d_.gaps_opened, &d_.gaps_closed})
      std::sort(v->begin(), v->end(), [](const GapChange& a, const GapChange& b) {
        return std::tie(a.municipality.row, a.municipality.id, a.rule) <
               std::tie(b.municipality.row, b.municipality.id, b.rule);
      });
    std::sort(d_.other_nodes.begin(), d_.other_nodes.end(),
              [&](const OtherNodeChange& a, const OtherNodeChange& b) {
                return by_kind_id(a.node, b.node);
              });
    std::stable_sort(d_.other_edges.begin(), d_.other_edges.end(),
                     [](const OtherEdgeChange& a, const OtherEdgeChange& b) {
                       return std::tie(a.from.id, a.relation, a.to.id) <
                              std::tie(b.from.id, b.relation, b.to.id);
                     });
  }

  const Dataset& old_;
  const Dataset& new_;
  DatasetDiff d_;
  std::vector<std::optional<std::size_t>> old_to_new_, new_to_old_;
  std::map<Key, std::size_t> renamed_;  ///< renamed node → its NodeChange in d_.nodes
  std::map<Key, std::set<std::string>> explained_fields_;  ///< node fields a council change reports
  std::set<std::pair<Key, Key>> explained_placements_, explained_runs_;
  std::set<Key> without_office_;  ///< municipalities with no coordinator office in NEW
};

}  // namespace

DatasetDiff diff_datasets(const Dataset& old_ds, const Dataset& new_ds) {
  return Differ(old_ds, new_ds).run();
}

Dataset load_diff_side(const std::string& path, const Dataset& reference) {
  return load_dataset_or_sheets(path, reference);
}

}  // namespace renkei
