#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/dataset.h"
#include "query/queries.h"

namespace renkei {

/// A node as either dataset names it: enough to print it once the datasets are gone.
/// Its id, names and row are NEW's when the node is there, else OLD's.
struct DiffNode {
  std::string id;
  Kind kind = Kind::Municipality;
  std::string name, name_en;
  int row = 0;  ///< municipalities: source row, for ordering
};

/// A node that is only in one dataset, or in both under another name.
struct NodeChange {
  enum class Type { Added, Removed, Renamed };
  Type type = Type::Added;
  DiffNode node;
  std::string old_id, old_name,
      old_name_en;  ///< renamed: as OLD had it (old_id differs when matched by alias)
  /// Offices: the municipalities placing coordinators there (OLD's when removed, else NEW's).
  std::vector<DiffNode> municipalities;
  std::vector<Source> old_sources,
      new_sources;  ///< the node's own quote and, renamed, its placements'
};

/// A coordinator office one municipality gained or lost, or whose sharing changed.
struct PlacementChange {
  DiffNode office;
  bool shared = false;                ///< shared (serves 2+ municipalities) in the dataset it is in
  std::vector<DiffNode> shared_with;  ///< the other municipalities there, by row
  std::vector<Source> sources;        ///< the placement quotes (section 3)
};

/// What changed in one municipality's coordinator placements.
struct MunicipalityChange {
  DiffNode municipality;
  std::vector<PlacementChange> gained, lost;  ///< offices placed in NEW only / OLD only, by id
  /// Offices it has in both whose sharing changed (another town joined or left them).
  std::vector<PlacementChange> became_shared, stopped_shared;
  /// Shared offices (serving 2+) it has in NEW and not in OLD, and the reverse: gained or
  /// lost placements at shared offices plus the offices whose sharing changed.
  std::vector<DiffNode> shared_gained, shared_lost;
  bool uncovered = false;  ///< had a coordinator office in OLD and has none in NEW
  bool covered = false;    ///< had none in OLD and has one in NEW
};

/// A council that started or stopped meeting about these children, or changed status.
struct CouncilChange {
  enum class Type { StartedMeeting, StoppedMeeting, Status };
  Type type = Type::StartedMeeting;
  DiffNode council;
  std::vector<DiffNode> holders;  ///< municipalities that hold it (NEW's), by row
  CouncilStatus old_status = CouncilStatus::Active, new_status = CouncilStatus::Active;
  std::vector<Source> old_sources, new_sources;  ///< meeting quotes, or the status quotes
};

/// A municipality × kind of work (its `runs` edges) whose stage changed.
struct InitiativeChange {
  enum class Type { Advanced, Regressed, StageChanged, Added, Dropped };
  Type type = Type::Advanced;
  DiffNode municipality, initiative;
  std::vector<EdgeStatus> old_stages, new_stages;  ///< distinct, in stage order
  std::vector<Source> old_sources, new_sources;
};

/// A gap finding (`renkei gaps`) in one dataset and not the other, by (rule, municipality).
struct GapChange {
  GapRule rule = GapRule::NoMeeting;
  DiffNode municipality;
  std::string detail;
  std::vector<Source> evidence;  ///< NEW's when opened, OLD's when closed
  /// Closed only because the municipality has no coordinator office left: not an improvement.
  bool no_office_left = false;
};

/// Anything else that differs, so that nothing differs silently.
struct OtherNodeChange {
  DiffNode node;
  std::vector<std::string> fields;  ///< the dataset fields that differ, e.g. "challenges"
};
struct OtherEdgeChange {
  enum class Type { Added, Removed, Changed };
  Type type = Type::Added;
  DiffNode from, to;
  Relation relation = Relation::Holds;
  std::vector<std::string> fields;  ///< changed: the edge fields that differ
  std::vector<Source> old_sources, new_sources;
};

/// Everything that changed from OLD to NEW, each change with the quotes behind it.
/// Nodes are matched by id; a node gone from OLD whose name is an alias of a new node of
/// the same kind (or the reverse) counts as that node renamed.
struct DatasetDiff {
  std::string old_origin, new_origin;               ///< file names, for headings
  std::string old_fiscal_year, new_fiscal_year;     ///< labels such as 令和6年度
  std::string unit_word;                            ///< the new table's word for its units (市町)
  std::vector<NodeChange> nodes;                    ///< by kind, then id
  std::vector<MunicipalityChange> municipalities;   ///< by row
  std::vector<CouncilChange> councils;              ///< by id, then type
  std::vector<InitiativeChange> initiatives;        ///< by municipality row, then initiative id
  std::vector<GapChange> gaps_opened, gaps_closed;  ///< by municipality row, then rule order
  std::vector<OtherNodeChange> other_nodes;         ///< by kind, then id
  std::vector<OtherEdgeChange> other_edges;         ///< by from, relation, to

  bool empty() const {
    return nodes.empty() && municipalities.empty() && councils.empty() && initiatives.empty() &&
           gaps_opened.empty() && gaps_closed.empty() && other_nodes.empty() && other_edges.empty();
  }
};

/// Compares two datasets. Pure: reads both, changes neither.
DatasetDiff diff_datasets(const Dataset& old_ds, const Dataset& new_ds);

/// Loads one side of a comparison (`diff OLD NEW`, `render --preset diff --against OLD`):
/// a dataset file, or a folder of sheets imported with names matched against `reference`
/// (so that a known office keeps its id and the diff can follow it).
Dataset load_diff_side(const std::string& path, const Dataset& reference);

/// The words used for change types in JSON and docs ("added", "started_meeting", …).
const char* word(NodeChange::Type t);
const char* word(CouncilChange::Type t);
const char* word(InitiativeChange::Type t);
const char* word(OtherEdgeChange::Type t);

/// Whether a council met about these children: a meeting that was held with them on the agenda.

}  // namespace renkei
