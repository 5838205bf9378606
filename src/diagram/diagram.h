#pragma once
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "formats/node_json.h"
#include "model/dataset.h"

namespace renkei {

/// How a node or edge is drawn beyond its kind's style.
enum class Mark {
  Normal,
  Highlight,  ///< on the path or reach being shown
  Shared,     ///< an office serving two or more municipalities
  Alarm,      ///< left uncovered, or hit by gap rules
  Removed,    ///< taken away in a what-if (crossed out)
  Dim,        ///< context only
  // The diff slide (render --preset diff): each also carries a ＋/－/～ marker and a line style.
  DiffAdded,    ///< only in the newer dataset (bluish green, thick solid)
  DiffRemoved,  ///< only in the older dataset (vermillion, dashed, struck through)
  DiffChanged,  ///< in both, changed (orange, double border)
};

/// One node of a diagram, with its mark and an optional second label line.
struct DiagramNode {
  std::size_t node = 0;
  Mark mark = Mark::Normal;
  std::string note;  ///< second line of the label, e.g. "4市町で共有" or gap rule names
};
struct DiagramEdge {
  std::size_t edge = 0;
  Mark mark = Mark::Normal;
};

/// Page geometry: 16:9 slide (13.333 × 7.5 in), A4 landscape, or the layout's own size.
enum class Page { Slide, A4, Fit };
enum class Engine { Dot, Neato };

/// A grid drawn as one table: rows of municipalities, columns of yes/no marks.
struct DiagramTable {
  std::vector<std::string> columns;  ///< headings; "\n" breaks a line
  struct Row {
    std::string group;  ///< e.g. the planning region, shown when it changes
    std::string name;
    std::vector<bool> marks;
    std::vector<bool>
        qualified;  ///< per mark: found, but the row says why (drawn ○, not ●, not counted)
    std::string marker;  ///< after the name, e.g. ※ (explained by qualified_meaning)
    bool alarm = false;
  };
  std::vector<Row> rows;
  /// The marks a row counts: found and not qualified.
  static std::size_t counted(const Row& r) {
    std::size_t n = 0;
    for (std::size_t k = 0; k < r.marks.size(); ++k)
      n += r.marks[k] && !(k < r.qualified.size() && r.qualified[k]);
    return n;
  }
  std::string mark_meaning;       ///< what a mark in a cell means, for the legend
  std::string qualified_meaning;  ///< what ○ means, when some cell has one
};

/// A slide of words and plain tables (the deck's title, progress, 担当区域表 and sources),
/// drawn instead of nodes and edges, its blocks one under another.
struct SlideText {
  struct Block {
    enum class Kind { Heading, Line, Note, Table };
    Kind kind = Kind::Line;
    std::string text;  ///< Heading, Line, Note: "\n" breaks a line
    /// Table: the first row is the header; "\n" in a cell breaks a line there.
    std::vector<std::vector<std::string>> cells;
    std::vector<bool> alarm;  ///< Table: per row after the header, drawn in the alarm tint
  };
  std::vector<Block> blocks;
};

/// Everything the DOT writer needs: what to draw and how, already decided by a preset.
struct Diagram {
  std::string title;
  std::vector<DiagramNode> nodes;  ///< in a stable order
  std::vector<DiagramEdge> edges;  ///< only edges between listed nodes
  bool group_by_region = true;     ///< draw planning regions as boxes (outside fact)
  Engine engine = Engine::Dot;
  /// Where nodes go with Engine::Neato, in inches; pinned ones stay exactly there.
  struct Position {
    double x = 0, y = 0;
    bool pinned = true;
  };
  std::map<std::size_t, Position> positions;
  bool positions_are_coordinates = false;   ///< the map: said in the footer, as outside facts
  std::optional<Position> legend_position;  ///< Engine::Neato: where the legend is pinned
  bool legend_first =
      true;  ///< Engine::Dot: legend in the first column (with the councils) or the last
  /// The legend as one row above the footer (the deck's slides) rather than a column
  bool legend_in_footer = false;
  std::size_t legend_row_cells = 5;  ///< legend_in_footer: samples to a row at most
  std::vector<std::pair<std::string, std::string>> extra_legend;  ///< (sample text, meaning)
  Page page = Page::Slide;
  Lang lang = Lang::Ja;
  bool png = false;           ///< 2× resolution for slides
  bool top_down = false;      ///< ranks run down the page; otherwise left to right
  bool councils_left = true;  ///< left to right: a municipality's own councils left of it
  /// Invisible edges that only place things: (from, to, minimum ranks between).
  std::vector<std::tuple<std::size_t, std::size_t, int>> spacers;
  std::optional<DiagramTable> table;  ///< drawn instead of nodes and edges when set
  std::optional<SlideText> text;      ///< drawn instead of nodes and edges when set
  std::vector<std::string>
      footer_notes;  ///< extra footer lines above the source, e.g. what a diff compares
  std::map<std::size_t, std::string>
      edge_labels;  ///< dataset edge → text beside its line, e.g. "予定→実施済"
};

/// Writes a diagram as DOT text. Pure and deterministic: same diagram, same bytes.
std::string write_dot(const Dataset& ds, const Diagram& d);

/// The smallest type size the DOT writer uses (legend, footer, second label lines), in points.
inline constexpr double kSmallestType = 15;

/// The font every diagram names: BIZ UDPGothic, a Universal Design font as public bodies are
/// asked to use (Debian's fonts-morisawa-bizud-gothic, OFL).
inline constexpr const char* kDiagramFont = "BIZ UDPGothic";

}  // namespace renkei
