#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/dataset.h"
#include "model/facts.h"
#include "model/graph.h"

namespace renkei {

// ---------------------------------------------------------------- shared
/// An office that serves two or more municipalities.
struct SharedOffice {
  std::size_t office;
  std::vector<std::size_t> municipalities;  ///< by source row
};
/// Municipalities tied together through shared offices (a connected group of 2+).
struct SharedGroup {
  std::vector<std::size_t> municipalities;  ///< by source row
  std::vector<std::size_t> offices;         ///< the shared offices that tie them, by id
};
struct SharedAnswer {
  std::vector<SharedOffice> offices;  ///< most municipalities first, then by id
  std::vector<SharedGroup> groups;    ///< largest first, then by first row
};
SharedAnswer shared_offices(const Network& net);

// ---------------------------------------------------------------- reach and path
/// One step of a chain: the node reached and the relation taken to reach it; `forward` is
/// true when the relation points the way the chain goes (from → to in the data).
struct Step {
  std::size_t node;
  Relation relation = Relation::Holds;
  bool forward = true;
  std::size_t edge = 0;
};
/// A chain of relations starting at `start`.
struct Chain {
  std::size_t start = 0;
  std::vector<Step> steps;
};
struct Reached {
  std::size_t node;
  std::size_t hops;
  Chain chain;
};
struct ReachQuery {
  std::size_t from = 0;
  std::vector<Relation> via;  ///< empty: Network::support_relations()
  std::optional<std::size_t> max_hops;
  std::vector<Kind> kinds;  ///< only report these kinds (still pass through others)
  bool directed = false;    ///< follow relations only from → to
};
/// Everyone `from` reaches, by hops, then kind, then source row or id. Planned edges are
/// not followed.
std::vector<Reached> reach(const Network& net, const ReachQuery& q);
/// One shortest chain from `from` to `to`, or nullopt.
std::optional<Chain> shortest_path(const Network& net, std::size_t from, std::size_t to,
                                   const std::vector<Relation>& via, bool directed);

// ---------------------------------------------------------------- gaps
/// The coverage-gap rules, in the order they are reported.
enum class GapRule {
  NoMeeting,
  PlannedOnly,
  InactiveCoordinator,
  NoOffice,
  SingleOffice,
  SharedOnly,
  RegionalOnly,
  NoCenterLink,
  StatedChallenge
};
/// The facts a gap rule reads; a table that carries none of one of them cannot support it.
enum class GapFact { Councils, Meetings, Activity, Placements, Centers, Challenges };
struct GapRuleInfo {
  GapRule rule;
  const char* name;
  const char* label_ja;  ///< short Japanese heading for slides; "\n" marks a line break
  const char* summary;
  const char* explanation;  ///< exactly how the rule reads the data
  std::vector<GapFact> needs;
};
const std::vector<GapRuleInfo>& gap_rules();
/// The row of gap_rules() for one rule.
const GapRuleInfo& gap_rule_info(GapRule rule);
struct Finding {
  GapRule rule;
  std::size_t municipality;
  std::string detail;
  std::vector<Source> evidence;
  /// Quotes that change what the finding means without undoing it: for inactive-coordinator,
  /// the row's words that there is at present no child to serve (Node::no_children).
  std::vector<Source> context;
};
/// Why a rule does not apply to this dataset: the first fact it reads that the table does not
/// carry (no column of that role and no such fact in the data), said for users; nullopt when
/// it applies. A rule that does not apply finds nothing: its silence is not "no gap".
std::optional<std::string> gap_rule_not_applicable(const Dataset& ds, GapRule rule);

/// Every finding, by municipality row, then rule order; optionally one rule / municipality.
/// Rules that do not apply to the dataset (gap_rule_not_applicable) are not run.
std::vector<Finding> find_gaps(const Network& net, std::optional<GapRule> rule = std::nullopt,
                               std::optional<std::size_t> municipality = std::nullopt);

// ---------------------------------------------------------------- what-if
struct Affected {
  std::size_t municipality;
  std::vector<std::size_t> lost;       ///< removed nodes it was tied to
  std::vector<std::size_t> remaining;  ///< what it still has of the same kinds
};
struct WhatIfAnswer {
  std::vector<std::size_t> removed;
  std::vector<std::size_t> uncovered;  ///< left with no coordinator office of their own
  /// Offices and centers still running that the source says also help outside their area
  /// when needed (Node::out_of_area), by node order.
  std::vector<std::size_t> out_of_area_help;
  /// Of `uncovered`, those left with only that help (every one of them when there is any);
  /// the others are left with nothing.
  std::vector<std::size_t> only_out_of_area;
  std::vector<std::size_t> no_council;  ///< left with no council (own or shared) at all
  std::vector<Affected> affected;       ///< by source row
};
/// Needs only the dataset's edge indices, not a Network: a removal is answered from the
/// edges around the removed nodes.
WhatIfAnswer what_if_removed(const Dataset& ds, const std::set<std::size_t>& removed);
/// Every single removal of a node of `kind`, ranked: most uncovered first, then most
/// affected, then id.
std::vector<WhatIfAnswer> what_if_each(const Dataset& ds, Kind kind);

// ---------------------------------------------------------------- progress
/// One planning region's progress against the national targets (the units outside any
/// region make one row with no region). Lists are of units by source row.
struct ProgressRow {
  std::optional<std::size_t> region;
  std::vector<std::size_t> units;
  std::vector<std::size_t> with_council;         ///< hold or take part in a council set up
  std::vector<std::size_t> council_only_shared;  ///< of those, with no council of their own
  std::vector<std::size_t> met;  ///< of those, a council of theirs met about these children
  std::vector<std::size_t> with_coordinator;         ///< place a coordinator at some office
  std::vector<std::size_t> coordinator_only_shared;  ///< of those, only at shared offices
  std::vector<std::size_t> regional_councils;        ///< regional councils its units take part in
};
/// The national guideline (障害児福祉計画 基本指針) asks for a 協議の場 in every prefecture,
/// planning region and municipality, and coordinators in every municipality (at region level
/// where one cannot alone). A council counts as set up unless it ended or is only planned;
/// 予定 is not a meeting held. Rows in the order of their first unit's source row.
struct ProgressAnswer {
  std::size_t units = 0;
  bool states_councils = true;  ///< false: the table names no councils (nothing to count)
  std::vector<ProgressRow> regions;
};
ProgressAnswer progress(const Dataset& ds);

// ---------------------------------------------------------------- metrics
struct NodeMetrics {
  std::size_t node;
  std::size_t degree;  ///< distinct neighbours
  double
      betweenness;  ///< normalized as networkx.betweenness_centrality(G) on the support relations
};
struct MetricsAnswer {
  std::vector<NodeMetrics> nodes;                ///< by betweenness, highest first, then id
  std::vector<std::size_t> articulation_points;  ///< of the municipality–office graph, by id
  std::vector<std::vector<std::size_t>>
      components;  ///< of the municipality–office graph, largest first
};
/// Degree and betweenness on the support relations (Network::support_relations(), one edge
/// per node pair); articulation points and components of the municipality–office graph.
MetricsAnswer metrics(const Network& net);

// ---------------------------------------------------------------- initiatives
/// Who did what, for one kind of work; each list by source row.
struct InitiativeStatus {
  std::size_t initiative;
  std::vector<std::size_t> done, ongoing, planned, considering;
  /// For a municipality that plans or considers it (and has not done it): who already has.
  struct Suggestion {
    std::size_t municipality;
    EdgeStatus wants;
    std::vector<std::size_t> ask_edges;  ///< runs edges (done/ongoing) of others, by row
  };
  std::vector<Suggestion> suggestions;
};
std::vector<InitiativeStatus> initiatives(const Network& net,
                                          std::optional<std::size_t> only = std::nullopt);

// ---------------------------------------------------------------- helpers shared by queries
// node_order, sort_nodes, offices_of and the other derived facts are in model/facts.h.

// --------------------------------------------------------------- the data as it is

/// How many nodes of each kind and edges of each relation (`validate`).
struct Counts {
  std::map<Kind, std::size_t> kinds;
  std::map<Relation, std::size_t> relations;
  std::size_t of(Kind k) const { return kinds.count(k) ? kinds.at(k) : 0; }
  std::size_t of(Relation r) const { return relations.count(r) ? relations.at(r) : 0; }
};
Counts count_items(const Dataset& ds);

/// `renkei summary`: the network in a few numbers.
struct SummaryAnswer {
  Counts counts;
  std::vector<std::pair<std::string, std::size_t>> types;  ///< 市, 町, 村 (as typed) → how many
  std::size_t placements = 0;                              ///< coordinator edges
  std::vector<std::size_t> shared_offices;                 ///< those serving most first
  std::map<std::size_t, std::vector<std::size_t>> served;  ///< shared office → municipalities
  /// Municipalities by what their own councils did about these children (model/facts.h).
  std::size_t met = 0, planned_only = 0, no_meeting = 0, silent = 0;
  std::size_t without_activity = 0;  ///< coordinators reporting no activity (特になし …)
};
SummaryAnswer summarize(const Dataset& ds);

/// `renkei list`: the nodes (of one kind), by kind, municipalities by row, others by id.
std::vector<std::size_t> list_nodes(const Dataset& ds, std::optional<Kind> only);
/// The edges into or out of a node, in data order (`renkei show`).
std::vector<std::size_t> edges_touching(const Dataset& ds, std::size_t node);

}  // namespace renkei
