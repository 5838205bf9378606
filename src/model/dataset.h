#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/lang.h"
#include "base/say.h"

namespace renkei {

/// What a node is. The words in `kind_name` are the dataset's `kind` field.
enum class Kind { Municipality, Council, Office, Center, Initiative, Region };
/// How two nodes are related. The words in `relation_name` are the `relation` field.
enum class Relation { Holds, Participates, PartOf, Coordinator, Liaises, Runs, InRegion };
/// Whether a council meeting took place in the fiscal year.
enum class MeetingStatus { Held, Planned, None, Suspended };
/// Where a council stands as a body.
enum class CouncilStatus { Active, Suspended, Ended, Planned };
/// Whether a council belongs to one municipality or to a planning region.
enum class CouncilLevel { Municipal, Regional };
/// What the coordinator activity section (4) says happened.
enum class ActivityStatus { Active, NoneStated };
/// The stage of a `runs` or `participates` edge; `Current` when the source states no stage.
enum class EdgeStatus { Current, Done, Ongoing, Planned, Considering };
/// How the source text is laid out (docs/data-model.md, "Source texts"): a PDF's text dump
/// whose table lines start with their row number, a plain table (a header row, then one row
/// per line, tab- or comma-separated), or prose, where a quote is only found somewhere in it;
/// or no document at all: the facts were entered in the sheets themselves (Input), each
/// traced to its sheet and cell.
enum class SourceForm { NumberedRows, Table, Prose, Input };
/// What a column of the source table holds, from the facts renkei reads.
enum class ColumnRole { Unit, Council, Meetings, Work, Placements, Activity, Plans, Other };

/// One row of a closed-set table: the enum value, its data word, a Japanese label and a
/// one-line description for help and docs.
template <typename E>
struct Term {
  E value;
  const char* word;
  const char* label_ja;
  const char* description;
};

const std::vector<Term<Kind>>& kinds();
inline std::size_t kinds_count() { return 6; }
inline std::size_t relations_count() { return 7; }
const std::vector<Term<Relation>>& relations();
const std::vector<Term<MeetingStatus>>& meeting_statuses();
const std::vector<Term<CouncilStatus>>& council_statuses();
const std::vector<Term<CouncilLevel>>& council_levels();
const std::vector<Term<ActivityStatus>>& activity_statuses();
const std::vector<Term<EdgeStatus>>& edge_statuses();
const std::vector<Term<SourceForm>>& source_forms();
const std::vector<Term<ColumnRole>>& column_roles();

const char* word(Kind k);
const char* word(Relation r);
const char* word(MeetingStatus s);
const char* word(CouncilStatus s);
const char* word(CouncilLevel l);
const char* word(ActivityStatus s);
const char* word(EdgeStatus s);
const char* word(SourceForm f);
const char* word(ColumnRole r);
const char* label_ja(Kind k);
const char* label_ja(Relation r);
/// What a term is called in a sentence: its Japanese label, or in English its data word. The
/// term tables are the vocabulary's one list of these words, so they are not in the catalogue.
template <typename E>
const char* label(const Term<E>& t, Lang lang) {
  return lang == Lang::En ? t.word : t.label_ja;
}
const char* label(Kind k, Lang lang);
const char* label(Relation r, Lang lang);
const char* label(CouncilStatus s, Lang lang);
const char* label(EdgeStatus s, Lang lang);
const char* label(ActivityStatus s, Lang lang);

/// Looks a word up in a term table; nullopt when it is not one of the words.
template <typename E>
std::optional<E> parse_term(const std::vector<Term<E>>& table, std::string_view w) {
  for (const auto& t : table)
    if (w == t.word) return t.value;
  return std::nullopt;
}
/// "a, b or c": the words of a table, for error messages, in the process's language.
template <typename E>
std::string term_list(const std::vector<Term<E>>& table) {
  std::string out;
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (i) out += (i + 1 == table.size()) ? say("words| or ") : say("list|, ");
    out += table[i].word;
  }
  return out;
}

/// Where a fact comes from in the source document: its row, the label of its column (as the
/// document describes its table: "3" in 資料2-②, "担当区域" in another) and the exact text, a
/// substring of that cell. In a prose source, row is 0 and section empty: the text is found
/// somewhere in the document.
///
/// A fact entered in the sheets rather than read from a document (the prefecture compiling its
/// own table) has `input` instead: the sheet and cell it was typed in ("配置先!C7"), with
/// `text` what that cell holds. It is provenance, not a quote: row and section are empty and
/// no source text is searched for it.
struct Source {
  int row = 0;
  std::string section;
  std::string text;
  std::string input;

  bool entered() const { return !input.empty(); }
};

/// Another spelling of a node's name. `source` is empty only for outside facts.
struct Alias {
  std::string name;
  std::optional<Source> source;
};

/// One meeting record of a council in the fiscal year.
struct Meeting {
  std::vector<std::string> months;  ///< "YYYY-MM", inside the fiscal year; empty when not stated
  MeetingStatus status = MeetingStatus::Held;
  bool about_children = true;  ///< false when the source says these children were not on the agenda
  std::vector<std::string> topics;  ///< 協議題, each quoted from the same cell
  std::string summary;              ///< 協議状況, quoted; may be empty
  std::string note;
  Source source;
};

/// What section 4 says the municipality's coordinators did.
struct CoordinatorActivity {
  ActivityStatus status = ActivityStatus::Active;
  Source source;
};

/// Facts about a municipality from outside the document (codes, office coordinates).
struct MunicipalityFacts {
  std::string code;    ///< 5-digit 全国地方公共団体コード
  std::string lgcode;  ///< 6 digits with check digit
  double lat = 0, lng = 0;
  std::string source;  ///< where these facts come from
};

/// A node of the network. Kind-specific fields are empty for other kinds.
struct Node {
  std::string id;  ///< stable ASCII slug, unique
  Kind kind = Kind::Municipality;
  std::string name;     ///< official Japanese name, extraction damage corrected
  std::string name_en;  ///< romanized name for --lang en
  std::vector<Alias> aliases;
  std::optional<Source> source;  ///< empty only for outside facts
  std::string outside_source;    ///< non-empty when the node itself is an outside fact
  std::string note;

  // municipality
  std::string type;  ///< 市 or 町
  int row = 0;       ///< the municipality's row in the source, 1–19
  std::optional<CoordinatorActivity> activity;
  std::vector<Source> challenges;  ///< stated challenges and shortages
  std::vector<Source>
      no_children;  ///< quotes saying there is at present no child to serve (対象者なし)
  std::optional<MunicipalityFacts> facts;

  // council
  CouncilLevel level = CouncilLevel::Municipal;
  CouncilStatus council_status = CouncilStatus::Active;
  std::optional<Source> status_source;
  std::vector<Meeting> meetings;

  // office or center
  /// The source says it also helps beyond the units it is assigned to, when needed
  /// (区域外への支援): the quote. A unit left without its own offices still has this help.
  std::optional<Source> out_of_area;

  // initiative
  std::string description;
};

/// A relation between two nodes, by index into Dataset::nodes.
struct Edge {
  std::size_t from = 0, to = 0;
  Relation relation = Relation::Holds;
  std::optional<Source> source;  ///< empty only for outside facts
  std::string outside_source;    ///< non-empty when the edge is an outside fact (in_region)
  int order = 0;                 ///< coordinator: ①=1, ②=2 …
  /// coordinator: start where given, "YYYY-MM", or "YYYY" for a fiscal year (配置年度)
  std::string since;
  EdgeStatus status = EdgeStatus::Current;
  std::string date;  ///< runs: "YYYY-MM" where given
  std::string note;
};

/// One column of the source table, as the document names it.
struct SourceColumn {
  std::string label;  ///< what quotes call it ("3", "担当区域"); unique
  ColumnRole role = ColumnRole::Other;
  std::string heading;  ///< the header as printed, where longer than the label; may be empty
  /// Numbered rows only: which pass over the rows the column is in (a PDF table split over
  /// pages lists each row once per block of columns); 1 for the first.
  int block = 1;
};

/// What the dataset says about the document it was read from.
struct DocumentInfo {
  std::string publisher, label, title, source_file, note;
  /// How the source text is laid out; Prose when the dataset does not describe its table.
  SourceForm form = SourceForm::Prose;
  std::vector<SourceColumn> columns;  ///< the table's columns, in order; empty for prose

  /// The column a quote names, or nullptr.
  const SourceColumn* column(std::string_view label) const;
  /// True when one of the columns holds this kind of fact.
  bool has_role(ColumnRole role) const;
};

/// What the outside-facts file says about its own facts, for the footers of the slides that
/// draw them: what the planning regions are (山口県保健医療計画の二次保健医療圏) and where the
/// map positions come from. Empty when the file does not say.
struct OutsideNotes {
  std::string regions_basis, positions_basis;
};

/// The fiscal year the table covers, as months "YYYY-MM".
struct FiscalYear {
  std::string label, first_month, last_month;
};

/// Indices into Dataset::edges, in data order: a view of an index the Dataset keeps.
struct EdgeList {
  const std::size_t* first = nullptr;
  const std::size_t* last = nullptr;
  const std::size_t* begin() const { return first; }
  const std::size_t* end() const { return last; }
  std::size_t size() const { return static_cast<std::size_t>(last - first); }
  bool empty() const { return first == last; }
  std::size_t operator[](std::size_t i) const { return first[i]; }
};

/// A whole dataset: nodes sorted as in the file, edges as in the file, then outside facts.
struct Dataset {
  std::string origin;  ///< file name the data came from, for messages
  std::string title;
  DocumentInfo document;
  FiscalYear fiscal_year;
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::string source_text;  ///< the source document, when available
  /// The dataset's `outside_facts` field: the outside-facts file as the dataset names it
  /// (relative to it); empty when it names none or the loader did not record it.
  std::string outside_facts;
  OutsideNotes outside_notes;

  /// Index of the node with this id, or nullopt.
  std::optional<std::size_t> find_id(std::string_view id) const;
  /// Indices of the edges leaving node `i` (it is their `from`), in data order. A view of
  /// an index: valid until the next call after nodes or edges were added or removed.
  EdgeList edges_from(std::size_t i) const;
  /// Indices of the edges arriving at node `i` (it is their `to`), in data order; valid as
  /// long as edges_from's.
  EdgeList edges_to(std::size_t i) const;

  /// Builds the lookups behind find_id and edges_from; the loader calls it once nodes and
  /// edges are final. Without it (a dataset assembled by hand) find_id scans the nodes and
  /// edges_from builds its index on first use, and again whenever the number of nodes or
  /// edges changed; call build_index yourself after changing edges in place.
  void build_index();

 private:
  std::unordered_map<std::string, std::size_t> id_index_;  ///< node id → index
  /// Both edge indices, each as offsets by node into one array (two allocations, not one
  /// per node): the edges of node i are [start[i], start[i + 1]) of the array.
  struct EdgeIndex {
    std::vector<std::size_t> start, edges;
    EdgeList of(std::size_t i) const {
      return {edges.data() + start[i], edges.data() + start[i + 1]};
    }
  };
  mutable EdgeIndex edges_from_, edges_to_;
  mutable std::size_t edges_nodes_ = 0, edges_edges_ = 0;  ///< sizes edges_from_ was built for
  std::size_t indexed_nodes_ = 0, indexed_edges_ = 0;  ///< sizes when indexed; stale if they differ
  bool indexed() const {
    return indexed_nodes_ == nodes.size() && indexed_edges_ == edges.size() && !nodes.empty();
  }
  void index_edges() const;
  /// Builds the edge indices when there are none yet or nodes or edges were added since.
  void ensure_edge_index() const;
};

}  // namespace renkei
