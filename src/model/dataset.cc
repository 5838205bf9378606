#include "model/dataset.h"

#include <algorithm>

namespace renkei {

const std::vector<Term<Kind>>& kinds() {
  static const std::vector<Term<Kind>> t = {
      {Kind::Municipality, "municipality", "市町",
       "a city (市) or town (町), one row of the source"},
      {Kind::Council, "council", "協議の場",
       "a council, sub-committee or project that takes up these children"},
      {Kind::Office, "office", "配置先", "an office or hub hosting care coordinators"},
      {Kind::Center, "center", "支援センター",
       "a support center for children needing medical care"},
      {Kind::Initiative, "initiative", "取組",
       "a kind of work: respite, evacuation drill, acceptance, training …"},
      {Kind::Region, "region", "圏域", "a planning region (outside fact)"},
  };
  return t;
}
const std::vector<Term<Relation>>& relations() {
  static const std::vector<Term<Relation>> t = {
      {Relation::Holds, "holds", "設置", "municipality → its own council"},
      {Relation::Participates, "participates", "参加",
       "municipality → a council it takes part in but does not hold"},
      {Relation::PartOf, "part_of", "部会・プロジェクト",
       "sub-committee or project → parent council"},
      {Relation::Coordinator, "coordinator", "コーディネーター配置",
       "municipality → office hosting one of its coordinators"},
      {Relation::Liaises, "liaises", "連携", "municipality or council → support center"},
      {Relation::Runs, "runs", "取組", "municipality → initiative, with its stage"},
      {Relation::InRegion, "in_region", "圏域", "municipality → planning region (outside fact)"},
  };
  return t;
}
const std::vector<Term<MeetingStatus>>& meeting_statuses() {
  static const std::vector<Term<MeetingStatus>> t = {
      {MeetingStatus::Held, "held", "開催", "took place"},
      {MeetingStatus::Planned, "planned", "予定",
       "planned, not yet held when the table was written"},
      {MeetingStatus::None, "none", "開催なし", "no meeting (開催なし, 開催予定なし, 協議なし)"},
      {MeetingStatus::Suspended, "suspended", "休会", "the body is in recess (休会)"},
  };
  return t;
}
const std::vector<Term<CouncilStatus>>& council_statuses() {
  static const std::vector<Term<CouncilStatus>> t = {
      {CouncilStatus::Active, "active", "活動中", "exists and may meet"},
      {CouncilStatus::Suspended, "suspended", "休会", "in recess"},
      {CouncilStatus::Ended, "ended", "終了", "ended before or during the fiscal year"},
      {CouncilStatus::Planned, "planned", "設立予定", "to be set up"},
  };
  return t;
}
const std::vector<Term<CouncilLevel>>& council_levels() {
  static const std::vector<Term<CouncilLevel>> t = {
      {CouncilLevel::Municipal, "municipal", "市町", "held by one municipality"},
      {CouncilLevel::Regional, "regional", "圏域",
       "shared by the municipalities of a planning region"},
  };
  return t;
}
const std::vector<Term<ActivityStatus>>& activity_statuses() {
  static const std::vector<Term<ActivityStatus>> t = {
      {ActivityStatus::Active, "active", "活動あり", "the source describes coordinator work"},
      {ActivityStatus::NoneStated, "none_stated", "活動なし",
       "the source says nothing happened (特になし, 対応ケースなし …)"},
  };
  return t;
}
const std::vector<Term<EdgeStatus>>& edge_statuses() {
  static const std::vector<Term<EdgeStatus>> t = {
      {EdgeStatus::Current, "current", "", "no stage stated"},
      {EdgeStatus::Done, "done", "実施済", "carried out"},
      {EdgeStatus::Ongoing, "ongoing", "実施中", "started and continuing"},
      {EdgeStatus::Planned, "planned", "予定", "planned"},
      {EdgeStatus::Considering, "considering", "検討中", "under consideration"},
  };
  return t;
}

const std::vector<Term<SourceForm>>& source_forms() {
  static const std::vector<Term<SourceForm>> t = {
      {SourceForm::NumberedRows, "numbered_rows", "行番号つきの表",
       "a PDF's text dump: each table line starts with its row number and a tab"},
      {SourceForm::Table, "table", "表",
       "a plain table: a header row, then one row per line, tab- or comma-separated"},
      {SourceForm::Prose, "prose", "文章",
       "text without a table: a quote is found anywhere in it, not by row and column"},
      {SourceForm::Input, "input", "入力",
       "no document: the facts were entered in the sheets, each traced to its sheet and cell"},
  };
  return t;
}
const std::vector<Term<ColumnRole>>& column_roles() {
  static const std::vector<Term<ColumnRole>> t = {
      {ColumnRole::Unit, "unit", "市区町村", "the unit the row is about (市町村 or 区)"},
      {ColumnRole::Council, "council", "協議の場", "its council (協議の場): name, status"},
      {ColumnRole::Meetings, "meetings", "開催状況", "the council's meetings in the year"},
      {ColumnRole::Work, "work", "取組", "work done and support given"},
      {ColumnRole::Placements, "placements", "配置先",
       "where its coordinators are placed (offices, hubs, 担当区域)"},
      {ColumnRole::Activity, "activity", "活動状況", "what the coordinators did"},
      {ColumnRole::Plans, "plans", "課題", "plans, challenges and shortages"},
      {ColumnRole::Other, "other", "その他", "anything else (dates, notes)"},
  };
  return t;
}

const SourceColumn* DocumentInfo::column(std::string_view l) const {
  for (const SourceColumn& c : columns)
    if (c.label == l) return &c;
  return nullptr;
}

bool DocumentInfo::has_role(ColumnRole role) const {
  return std::any_of(columns.begin(), columns.end(),
                     [role](const SourceColumn& c) { return c.role == role; });
}

namespace {
template <typename E>
const Term<E>& term(const std::vector<Term<E>>& table, E v) {
  return *std::find_if(table.begin(), table.end(), [v](const Term<E>& t) { return t.value == v; });
}
}  // namespace

const char* word(Kind k) { return term(kinds(), k).word; }
const char* word(Relation r) { return term(relations(), r).word; }
const char* word(MeetingStatus s) { return term(meeting_statuses(), s).word; }
const char* word(CouncilStatus s) { return term(council_statuses(), s).word; }
const char* word(CouncilLevel l) { return term(council_levels(), l).word; }
const char* word(ActivityStatus s) { return term(activity_statuses(), s).word; }
const char* word(EdgeStatus s) { return term(edge_statuses(), s).word; }
const char* word(SourceForm f) { return term(source_forms(), f).word; }
const char* word(ColumnRole r) { return term(column_roles(), r).word; }
const char* label_ja(Kind k) { return term(kinds(), k).label_ja; }
const char* label_ja(Relation r) { return term(relations(), r).label_ja; }
const char* label(Kind k, Lang lang) { return label(term(kinds(), k), lang); }
const char* label(Relation r, Lang lang) { return label(term(relations(), r), lang); }
const char* label(CouncilStatus s, Lang lang) { return label(term(council_statuses(), s), lang); }
const char* label(EdgeStatus s, Lang lang) { return label(term(edge_statuses(), s), lang); }
const char* label(ActivityStatus s, Lang lang) { return label(term(activity_statuses(), s), lang); }

std::optional<std::size_t> Dataset::find_id(std::string_view id) const {
  if (indexed()) {
    auto it = id_index_.find(std::string(id));
    if (it == id_index_.end()) return std::nullopt;
    return it->second;
  }
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].id == id) return i;
  return std::nullopt;
}

void Dataset::ensure_edge_index() const {
  if (edges_from_.start.empty() || edges_nodes_ != nodes.size() || edges_edges_ != edges.size())
    index_edges();
}

EdgeList Dataset::edges_from(std::size_t i) const {
  ensure_edge_index();
  return edges_from_.of(i);
}

EdgeList Dataset::edges_to(std::size_t i) const {
  ensure_edge_index();
  return edges_to_.of(i);
}

void Dataset::index_edges() const {
  // Counting sort of the edge indices by their end: stable, so each node's edges stay in data
  // order.
  auto build = [&](EdgeIndex& index, std::size_t Edge::*end) {
    index.start.assign(nodes.size() + 1, 0);
    for (const Edge& e : edges) ++index.start[e.*end + 1];
    for (std::size_t i = 0; i < nodes.size(); ++i) index.start[i + 1] += index.start[i];
    index.edges.resize(edges.size());
    std::vector<std::size_t> next(index.start.begin(), index.start.end() - 1);
    for (std::size_t k = 0; k < edges.size(); ++k) index.edges[next[edges[k].*end]++] = k;
  };
  build(edges_from_, &Edge::from);
  build(edges_to_, &Edge::to);
  edges_nodes_ = nodes.size();
  edges_edges_ = edges.size();
}

void Dataset::build_index() {
  id_index_.clear();
  id_index_.reserve(nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) id_index_.emplace(nodes[i].id, i);
  index_edges();
  indexed_nodes_ = nodes.size();
  indexed_edges_ = edges.size();
}

}  // namespace renkei
