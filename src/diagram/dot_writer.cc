#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "base/say.h"
#include "base/text.h"
#include "diagram/builder.h"
#include "diagram/diagram.h"

namespace renkei {

namespace {

// Okabe–Ito, a palette that stays distinct for colour-blind readers, and light tints of it
// for fills so black text stays readable.
constexpr const char* kBlack = "#000000";
constexpr const char* kOrange = "#E69F00";
constexpr const char* kBlue = "#0072B2";
constexpr const char* kGreen = "#009E73";
constexpr const char* kVermillion = "#D55E00";
constexpr const char* kPurple = "#CC79A7";
constexpr const char* kSkyTint = "#D4ECF9";
constexpr const char* kGreenTint = "#CCEBE2";
constexpr const char* kGreenMid = "#8FD1BD";
constexpr const char* kOrangeTint = "#FBEBC5";
constexpr const char* kPurpleTint = "#F3DCE9";
constexpr const char* kYellowTint = "#FBF6C8";
constexpr const char* kAlarmTint = "#F7D1BC";

/// Words drawn on the page, each said in the diagram's language (words_in).
struct Words {
  std::string kind_shape[6];  ///< each kind with how it is drawn, for the legend
  std::string regional_council;
  std::string shared_office;
  std::string relation[7];
  std::string planned;
  std::string ended;
  std::string legend;
  std::string alarm;
  std::string removed;
  std::string highlight;
  std::string suspended;
  // The diff slide: what its marks and lines mean.
  std::string diff_added;
  std::string diff_removed;
  std::string diff_changed;
  std::string diff_edge_added;
  std::string diff_edge_removed;
  std::string diff_edge_changed;
};

/// Each kind as the legend names it, by Kind, with its shape; {1} is the document's word for
/// its units (市町, 区…).
const char* const kKindShapes[6] = {
    N_("{1}（rounded box）"),        N_("Council (municipal)（tabbed box）"),
    N_("Coordinator office（box）"), N_("Support center（octagon）"),
    N_("Initiative（note）"),        N_("Planning region（dashed frame）"),
};
/// Each relation as the legend names it, by Relation.
const char* const kRelations[7] = {
    N_("holds council"),
    N_("takes part in council"),
    N_("sub-committee / project of"),
    N_("coordinator placed at"),
    N_("liaises with center"),
    N_("runs"),
    N_("in region"),
};

Words words_in(const Dataset& ds, Lang lang) {
  Words w;
  for (int k = 0; k < 6; ++k)
    w.kind_shape[k] = say(lang, kKindShapes[k], {units_word(ds, lang, "Municipality")});
  for (int r = 0; r < 7; ++r) w.relation[r] = say(lang, kRelations[r]);
  w.regional_council = say(lang, "Council (regional): darker green, thick border");
  w.shared_office =
      say(lang, "Office shared by several municipalities (dark orange, thick border)");
  w.planned = say(lang, "planned (dashed)");
  w.ended = say(lang, "ended (grey dotted)");
  w.legend = say(lang, "Legend");
  w.alarm = say(lang, "needs attention (thick vermillion border)");
  w.removed = say(lang, "if it stops (struck through, dashed)");
  w.highlight = say(lang, "highlighted (thick blue border, thick line)");
  w.suspended = say(lang, "council in recess (dotted border)");
  w.diff_added = say(lang, "＋ new (thick bluish-green border)");
  w.diff_removed = say(lang, "－ gone (dashed vermillion border, struck through)");
  w.diff_changed = say(lang, "～ changed (thick or double orange border)");
  w.diff_edge_added = say(lang, "＋ relation added");
  w.diff_edge_removed = say(lang, "－ relation gone");
  w.diff_edge_changed = say(lang, "～ relation changed");
  return w;
}

std::string esc(const std::string& s) {  // for HTML-like labels
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\\':
        out += "\\\\";
        break;  // Graphviz expands \N, \G… even in HTML labels; \\ is a backslash
      case '\n': out += "<BR/>"; break;
      case '\r': break;
      case '\0': break;  // Graphviz reads C strings: a NUL would end the DOT text there
      default: out += c;
    }
  }
  return out;
}
std::string quoted(const std::string& s) {  // for DOT "quoted" strings
  std::string out = "\"";
  for (char c : s) {
    if (c == '\0') continue;  // see esc()
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out + "\"";
}

struct Style {
  std::string shape, fill, color = kBlack, style = "filled", extra;
  double penwidth = 1.2;
  int peripheries = 1;
};

Style node_style(const Node& n) {
  Style s;
  switch (n.kind) {
    case Kind::Municipality:
      s.shape = "box";
      s.style = "filled,rounded";
      s.fill = kSkyTint;
      s.penwidth = 1.6;
      break;
    case Kind::Council:
      s.shape = "tab";
      s.fill = kGreenTint;
      if (n.level == CouncilLevel::Regional) {
        s.fill = kGreenMid;
        s.penwidth = 2.5;
      }
      if (n.council_status == CouncilStatus::Planned) s.style = "filled,dashed";
      if (n.council_status == CouncilStatus::Ended) {
        s.style = "filled,dotted";
        s.fill = "#EEEEEE";
        s.color = "#777777";
        s.extra = "fontcolor=\"#444444\"";
      }
      if (n.council_status == CouncilStatus::Suspended) s.style = "filled,dotted";
      break;
    case Kind::Office:
      s.shape = "box";
      s.fill = kOrangeTint;
      break;
    case Kind::Center:
      s.shape = "octagon";
      s.fill = kPurpleTint;
      s.penwidth = 1.6;
      break;
    case Kind::Initiative:
      s.shape = "note";
      s.fill = kYellowTint;
      break;
    case Kind::Region:  // as a node (the deck's overview), drawn like a region's frame
      s.shape = "box";
      s.style = "filled,rounded,dashed";
      s.fill = "#F7F7F7";
      s.color = "#8C8C8C";
      break;
  }
  return s;
}

struct EdgeStyle {
  const char* color;
  const char* arrowhead;
  const char* glyph;  ///< the line and its end as text, for the legend
};
EdgeStyle edge_style(Relation r) {
  switch (r) {
    case Relation::Holds: return {kGreen, "dot", "━━●"};
    case Relation::Participates: return {kBlue, "empty", "━━▷"};
    case Relation::PartOf: return {kGreen, "diamond", "━━◆"};
    case Relation::Coordinator: return {kBlack, "normal", "━━→"};
    case Relation::Liaises: return {kPurple, "vee", "━━＞"};
    case Relation::Runs: return {kOrange, "box", "━━■"};
    case Relation::InRegion: return {"#999999", "none", "━━"};
  }
  return {kBlack, "normal", "━━→"};
}

std::string status_note(const Node& n, Lang lang) {
  if (n.kind != Kind::Council) return "";
  switch (n.council_status) {
    case CouncilStatus::Ended: return say(lang, "ended");
    case CouncilStatus::Planned: return say(lang, "planned");
    case CouncilStatus::Suspended: return say(lang, "in recess");
    default: return "";
  }
}

/// The region a node is drawn in: a municipality's own, a council's holder's, an office's
/// when every municipality it serves is in that one region.
std::optional<std::size_t> home_region(const Dataset& ds, std::size_t node,
                                       const std::map<std::size_t, std::size_t>& region_of_m) {
  const Node& n = ds.nodes[node];
  if (n.kind == Kind::Municipality) {
    auto it = region_of_m.find(node);
    return it == region_of_m.end() ? std::nullopt : std::optional(it->second);
  }
  std::set<std::size_t> regions;
  bool any = false;
  // A council's members place it: its holders, else (a regional council, or one that the
  // table names no holder for, such as 長門市's 運営協議会) the towns that take part.
  bool held = std::any_of(ds.edges.begin(), ds.edges.end(), [&](const Edge& e) {
    return e.to == node && e.relation == Relation::Holds;
  });
  bool by_members = n.kind == Kind::Council && (n.level == CouncilLevel::Regional || !held);
  for (const Edge& e : ds.edges) {
    if (e.to != node) continue;
    bool ties = e.relation == Relation::Coordinator || e.relation == Relation::Holds ||
                (by_members && e.relation == Relation::Participates);
    if (!ties) continue;
    any = true;
    auto it = region_of_m.find(e.from);
    if (it == region_of_m.end()) return std::nullopt;
    regions.insert(it->second);
  }
  if (n.kind == Kind::Council && !any) {  // a sub-committee of a regional council
    for (const Edge& e : ds.edges)
      if (e.from == node && e.relation == Relation::PartOf)
        return home_region(ds, e.to, region_of_m);
  }
  if (any && regions.size() == 1) return *regions.begin();
  return std::nullopt;
}

/// Long names on two lines, broken after a word such as 協議会 or センター near the
/// middle, else at the middle, so boxes stay narrow on a 16:9 page.
std::string wrapped_name(const std::string& name) {
  std::size_t width = display_width(name);
  if (width <= 24) return esc(name);
  // Candidate cuts: before a word that starts a part of a name, or after one that ends it.
  std::vector<std::size_t> cuts;
  for (std::size_t at = name.find(' '); at != std::string::npos; at = name.find(' ', at + 1))
    cuts.push_back(at + 1);
  for (const char* word : {"地域自立支援協議会", "自立支援協議会", "障害者", "こども部会",
                           "子ども支援部会", "療育サポート部会", "相談支援", "医療的ケア児支援",
                           "連携体制", "整備プロジェクト", "連絡会議", "連携会議", "運営協議会"})
    for (std::size_t at = name.find(word); at != std::string::npos; at = name.find(word, at + 1))
      cuts.push_back(at);
  for (const char* word : {"圏域", "町", "市", "協議会", "センター", "事業団", "事業所"})
    for (std::size_t at = name.find(word); at != std::string::npos; at = name.find(word, at + 1))
      cuts.push_back(at + std::string(word).size());
  std::size_t best = std::string::npos, best_cost = 0;
  for (std::size_t cut : cuts) {
    if (cut == 0 || cut >= name.size()) continue;
    std::size_t left = display_width(name.substr(0, cut));
    if (left < 6 || width - left < 6) continue;
    std::size_t cost = left > width / 2 ? left - width / 2 : width / 2 - left;
    if (best == std::string::npos || cost < best_cost) {
      best = cut;
      best_cost = cost;
    }
  }
  if (best == std::string::npos || best_cost > width / 3) {  // the middle, on a character boundary
    std::size_t cols = 0;
    for (std::size_t i = 0; i < name.size();) {
      std::size_t len = utf8_sequence_length(static_cast<unsigned char>(name[i]));
      cols += display_width(name.substr(i, len));
      i += len;
      if (cols >= width / 2) {
        best = i;
        break;
      }
    }
  }
  std::string first = name.substr(0, best);
  while (!first.empty() && first.back() == ' ') first.pop_back();
  return esc(first) + "<BR/>" + esc(name.substr(best));
}

/// The footer's lines about where the drawing's facts come from, from the data: the document
/// (出典), and when drawn, the outside facts behind the regions and the map positions.
std::vector<std::string> source_lines(const Dataset& ds, const Diagram& d) {
  std::vector<std::string> lines = {say(d.lang, "Source: {1}", {document_citation(ds)})};
  const std::string& regions_basis = ds.outside_notes.regions_basis;
  const std::string& positions_basis = ds.outside_notes.positions_basis;
  bool has_regions = std::any_of(ds.nodes.begin(), ds.nodes.end(),
                                 [](const Node& n) { return n.kind == Kind::Region; });
  if (has_regions && ((d.group_by_region && d.engine == Engine::Dot) || d.table))
    lines.push_back(say(d.lang, "Planning regions are not from the document{1}",
                        {regions_basis.empty() ? "" : say(d.lang, " ({1})", {regions_basis})}));
  if (d.engine == Engine::Neato && d.positions_are_coordinates)
    lines.push_back(
        say(d.lang, "Positions are {1} coordinates (not from the document{2})",
            {unit_offices_as(ds, d.lang), positions_basis.empty() ? "" : ": " + positions_basis}));
  return lines;
}

/// Writes one diagram as DOT: the page, the nodes (in region boxes or a grid), the edges,
/// then a legend of exactly what was drawn, and the footer. Pure: same diagram, same bytes.
class DotWriter {
 public:
  DotWriter(const Dataset& ds, const Diagram& d) : ds(ds), d(d), w(words_in(ds, d.lang)) {
    for (const Edge& e : ds.edges)
      if (e.relation == Relation::InRegion) region_of_m[e.from] = e.to;
    for (const DiagramEdge& de : d.edges)
      if (ds.edges[de.edge].relation == Relation::Coordinator)
        ++offices_drawn[ds.edges[de.edge].from];
    for (const std::string& line : source_lines(ds, d))
      footer += esc(line) + "<BR ALIGN=\"LEFT\"/>";
    for (auto it = d.footer_notes.rbegin(); it != d.footer_notes.rend(); ++it)
      footer = esc(*it) + "<BR ALIGN=\"LEFT\"/>" + footer;
  }

  std::string write() {
    page();
    // Title box around the drawing: its label sits at the top of the page.
    o << "  subgraph cluster_main {\n    graph [label=<<B>" << esc(d.title)
      << "</B>>, labelloc=t, labeljust=l, fontsize=26, color=\"white\", margin=12];\n";
    if (d.text)
      text_blocks();
    else if (d.table)
      grid();
    else if (d.group_by_region && d.engine == Engine::Dot)
      clusters();
    else
      for (const DiagramNode& dn : d.nodes) write_node(dn, "    ");
    if (d.engine == Engine::Neato && !d.positions.empty()) {
      // Pinned nodes ignore the title: an invisible point above the top one makes room for it.
      double top = -1e9, left = 1e9;
      for (const auto& [n, p] : d.positions) {
        top = std::max(top, p.y);
        left = std::min(left, p.x);
      }
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.3f,%.3f!", left, top + 0.9);
      o << "    title_space [label=\"\", shape=point, style=invis, pos=\"" << buf << "\"];\n";
    }
    // Edges and the legend are written inside the title box too, so the title spans them all.
    edges();
    place_legend(legend());
    o << "  }\n";
    if (!footer_legend.empty())  // a label is one table or text: the legend and lines as rows
      footer = "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD ALIGN=\"LEFT\">" +
               footer_legend + "</TD></TR><TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + footer +
               "</TD></TR></TABLE>";
    o << "  graph [label=<" << footer << ">];\n";  // root attributes given last win
    o << "}\n";
    return o.str();
  }

 private:
  void page() {
    o << "digraph renkei {\n";
    o << "  graph [charset=\"UTF-8\", fontname=\"" << kDiagramFont
      << "\", bgcolor=\"white\", margin=0, pad=0.25,"
      << " newrank=true, outputorder=\"edgesfirst\", nodesep=0.12, ranksep="
      << (d.top_down ? "0.3" : "0.4") << "";
    if (d.engine == Engine::Dot && !d.top_down) o << ", rankdir=LR";
    if (d.engine == Engine::Neato) o << ", overlap=false, splines=true";
    if (d.png) o << ", dpi=192";
    o << ", labelloc=b, labeljust=l, fontsize=15];\n";
    o << "  node [fontname=\"" << kDiagramFont << "\", fontsize=16, margin=\"0.08,0.05\"];\n";
    o << "  edge [fontname=\"" << kDiagramFont
      << "\", fontsize=12, penwidth=1.6, arrowsize=0.9];\n";
  }

  void write_node(const DiagramNode& dn, const std::string& indent) {
    const Node& n = ds.nodes[dn.node];
    Style s = node_style(n);
    // A drawing whose only offices are shared ones explains only the shared style.
    if (!(n.kind == Kind::Office && dn.mark == Mark::Shared)) kinds_used.insert(n.kind);
    marks_used.insert(dn.mark);
    if (n.kind == Kind::Council && n.council_status == CouncilStatus::Suspended)
      suspended_used = true;
    if (n.kind == Kind::Council && n.level == CouncilLevel::Regional) regional_used = true;
    if (n.kind == Kind::Council && n.council_status == CouncilStatus::Ended) ended_used = true;
    if (n.kind == Kind::Council && n.council_status == CouncilStatus::Planned) planned_used = true;
    std::string name = wrapped_name(display_name(n, d.lang));
    std::string note = dn.note;
    std::string st = status_note(n, d.lang);
    if (!st.empty()) note = note.empty() ? st : st + " / " + note;
    switch (dn.mark) {
      case Mark::Shared:
        s.fill = kOrange;
        s.penwidth = 3;
        break;
      case Mark::Alarm:
        s.fill = kAlarmTint;
        s.color = kVermillion;
        s.penwidth = 4;
        break;
      case Mark::Highlight:
        s.color = kBlue;
        s.penwidth = 4;
        break;
      case Mark::Removed:
        name = "<S>" + name + "</S>";
        s.fill = "white";
        s.color = "#555555";
        s.style = n.kind == Kind::Municipality ? "filled,rounded,dashed" : "filled,dashed";
        s.penwidth = 2.5;
        break;
      case Mark::Dim:
        s.fill = "#F2F2F2";
        s.color = "#9A9A9A";
        s.extra = "fontcolor=\"#555555\"";
        break;
      case Mark::Normal: break;
      // The diff marks: a marker in the label and a line style, so colour is never the only cue.
      case Mark::DiffAdded:
        name = "＋ " + name;  // full-width in both languages: ASCII +-~ print too small
        s.color = kGreen;
        s.penwidth = 5;
        break;
      case Mark::DiffRemoved:
        name = "－ <S>" + name + "</S>";
        s.fill = "white";
        s.color = kVermillion;
        s.style = n.kind == Kind::Municipality ? "filled,rounded,dashed" : "filled,dashed";
        s.penwidth = 4;
        break;
      case Mark::DiffChanged:
        name = "～ " + name;
        s.color = kOrange;
        s.penwidth = 3;
        // Graphviz draws no second border on rounded boxes: municipalities get a thicker one.
        if (n.kind == Kind::Municipality)
          s.penwidth = 5;
        else
          s.peripheries = 2;
        break;
    }
    std::string label = name;
    if (!note.empty()) label += "<BR/><FONT POINT-SIZE=\"15\">" + esc(note) + "</FONT>";
    o << indent << quoted(n.id) << " [label=<" << label << ">, shape=" << s.shape << ", style=\""
      << s.style << "\", fillcolor=\"" << s.fill << "\", color=\"" << s.color
      << "\", penwidth=" << s.penwidth;
    if (s.peripheries != 1) o << ", peripheries=" << s.peripheries;
    if (!s.extra.empty()) o << ", " << s.extra;
    auto pos = d.positions.find(dn.node);
    if (pos != d.positions.end()) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.3f,%.3f%s", pos->second.x, pos->second.y,
                    pos->second.pinned ? "!" : "");
      o << ", pos=\"" << buf << "\"";
    }
    o << "];\n";
  }

  /// A grid in one HTML table: region, municipality, one column per mark, and the count.
  void grid() {
    const DiagramTable& t = *d.table;
    std::string html =
        "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"2\" "
        "COLOR=\"#8C8C8C\">";
    // The region column only where the table's units are in regions.
    bool grouped = std::any_of(t.rows.begin(), t.rows.end(),
                               [](const DiagramTable::Row& r) { return !r.group.empty(); });
    html += "<TR>";
    if (grouped)
      html += "<TD BGCOLOR=\"#EEEEEE\"><B>" + esc(say(d.lang, "Planning region")) + "</B></TD>";
    html +=
        "<TD BGCOLOR=\"#EEEEEE\"><B>" + esc(units_word(ds, d.lang, "Municipality")) + "</B></TD>";
    for (const auto& c : t.columns) html += "<TD BGCOLOR=\"#EEEEEE\">" + esc(c) + "</TD>";
    html += "<TD BGCOLOR=\"#EEEEEE\"><B>" + say(d.lang, "total") + "</B></TD></TR>";
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const auto& r = t.rows[i];
      html += "<TR>";
      if (grouped && (i == 0 || t.rows[i - 1].group != r.group)) {
        std::size_t span = 1;
        while (i + span < t.rows.size() && t.rows[i + span].group == r.group) ++span;
        html += "<TD ROWSPAN=\"" + std::to_string(span) + "\" BGCOLOR=\"#F7F7F7\">" + esc(r.group) +
                "</TD>";
      }
      std::size_t count = DiagramTable::counted(r);
      std::string name = r.alarm ? "<B>" + esc(r.name) + "</B>" : esc(r.name);
      name += esc(r.marker);
      html +=
          "<TD BGCOLOR=\"" + std::string(r.alarm ? kAlarmTint : kSkyTint) + "\">" + name + "</TD>";
      for (std::size_t k = 0; k < r.marks.size(); ++k) {
        bool qualified = k < r.qualified.size() && r.qualified[k];
        html += !r.marks[k] ? "<TD></TD>"
                : qualified ? "<TD>○</TD>"
                            : "<TD BGCOLOR=\"" + std::string(kAlarmTint) + "\">●</TD>";
      }
      html += "<TD" +
              std::string(r.alarm ? " BGCOLOR=\"" + std::string(kAlarmTint) + "\"><B>" : "><B>") +
              std::to_string(count) + "</B></TD></TR>";
    }
    html += "</TABLE>";
    o << "    grid [shape=plaintext, fontsize=15, margin=0, label=<" << html << ">];\n";
  }

  /// A text slide's blocks, one under another (invisible edges keep their order): each run of
  /// words one plain label, its lines flush left, tables as HTML tables with a grey header
  /// row. Nodes are named text_N and table_N, so the PowerPoint writer can make each table a
  /// native one.
  void text_blocks() {
    const std::vector<SlideText::Block>& blocks = d.text->blocks;
    std::vector<std::string> names;
    std::string words;  // the run of words being gathered
    auto flush = [&] {
      if (words.empty()) return;
      names.push_back("text_" + std::to_string(names.size()));
      o << "    " << names.back() << " [shape=plaintext, fontsize=" << kSmallestType
        << ", margin=0, label=<" << words << ">];\n";
      words.clear();
    };
    for (const SlideText::Block& b : blocks) {
      if (b.kind != SlideText::Block::Kind::Table) {
        int size = b.kind == SlideText::Block::Kind::Heading ? 24
                   : b.kind == SlideText::Block::Kind::Line  ? 18
                                                             : static_cast<int>(kSmallestType);
        if (!words.empty()) words += "<BR ALIGN=\"LEFT\"/>";  // a blank line between blocks
        std::string open = "<FONT POINT-SIZE=\"" + std::to_string(size) + "\">", close = "</FONT>";
        if (b.kind == SlideText::Block::Kind::Heading) {
          open += "<B>";
          close = "</B>" + close;
        }
        // Every line starts at the left: BR ALIGN=LEFT ends each, the last one included.
        for (std::size_t at = 0, next; at <= b.text.size(); at = next + 1) {
          next = std::min(b.text.find('\n', at), b.text.size());
          words += open + esc(b.text.substr(at, next - at)) + close + "<BR ALIGN=\"LEFT\"/>";
        }
        continue;
      }
      flush();
      std::string label =
          "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\" "
          "COLOR=\"#8C8C8C\">";
      for (std::size_t r = 0; r < b.cells.size(); ++r) {
        bool alarm = r > 0 && r - 1 < b.alarm.size() && b.alarm[r - 1];
        std::string fill = r == 0  ? " BGCOLOR=\"#EEEEEE\""
                           : alarm ? " BGCOLOR=\"" + std::string(kAlarmTint) + "\""
                                   : "";
        label += "<TR>";
        for (const std::string& c : b.cells[r])
          label += "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"" + fill + ">" +
                   (r == 0 ? "<B>" + esc(c) + "</B>" : esc(c)) + "</TD>";
        label += "</TR>";
      }
      label += "</TABLE>";
      names.push_back("table_" + std::to_string(names.size()));
      o << "    " << names.back() << " [shape=plaintext, fontsize=" << kSmallestType
        << ", margin=0, label=<" << label << ">];\n";
    }
    flush();
    for (std::size_t i = 1; i < names.size(); ++i)
      o << "    " << names[i - 1] << " -> " << names[i] << " [style=invis, minlen=1];\n";
  }

  /// Nodes in a box per planning region; the rest loose.
  void clusters() {
    std::map<std::size_t, std::vector<const DiagramNode*>> by_region;
    std::vector<const DiagramNode*> loose;
    for (const DiagramNode& dn : d.nodes) {
      auto r = home_region(ds, dn.node, region_of_m);
      (r ? by_region[*r] : loose).push_back(&dn);
    }
    std::vector<std::size_t> order;
    for (const auto& [r, v] : by_region) order.push_back(r);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return ds.nodes[a].id < ds.nodes[b].id; });
    for (std::size_t r : order) {
      o << "    subgraph " << quoted("cluster_" + ds.nodes[r].id) << " {\n      graph [label=<"
        << esc(display_name(ds.nodes[r], d.lang))
        << ">, labeljust=l, fontsize=18, style=\"rounded,dashed\", color=\"#8C8C8C\", "
        << "bgcolor=\"#F7F7F7\", margin=10];\n";
      for (const DiagramNode* dn : by_region[r]) write_node(*dn, "      ");
      o << "    }\n";
    }
    for (const DiagramNode* dn : loose) write_node(*dn, "    ");
  }

  void edges() {
    // A municipality with many offices would make one very tall column: every other office
    // goes one column further, so they stand in two shorter columns.
    std::map<std::size_t, int> offices_seen;
    for (const DiagramEdge& de : d.edges) {
      const Edge& e = ds.edges[de.edge];
      EdgeStyle es = edge_style(e.relation);
      int minlen = 1;
      if (e.relation == Relation::Coordinator && !d.top_down && offices_drawn[e.from] >= 5)
        minlen = 1 + (offices_seen[e.from]++ % 2);
      relations_used.insert(e.relation);
      std::string color = es.color, style = "solid";
      double pen = 1.6;
      if (e.status == EdgeStatus::Planned || e.status == EdgeStatus::Considering) {
        style = "dashed";
        planned_used = true;
      }
      const Node& to = ds.nodes[e.to];
      if (to.kind == Kind::Council && to.council_status == CouncilStatus::Ended) {
        style = "dotted";
        color = "#888888";
        ended_used = true;
      }
      if (de.mark == Mark::Highlight) {  // keeps its relation's colour, so only thickness marks it
        pen = 4.5;
        marks_used.insert(Mark::Highlight);
      }
      if (de.mark == Mark::Removed || de.mark == Mark::Dim) {
        color = "#AAAAAA";
        style = "dashed";
      }
      std::string marker;  // the diff's ＋/－/～ beside the line
      if (de.mark == Mark::DiffAdded || de.mark == Mark::DiffRemoved ||
          de.mark == Mark::DiffChanged) {
        marks_used.insert(de.mark);
        diff_edges_used.insert(de.mark);
        switch (de.mark) {
          case Mark::DiffAdded:
            color = kGreen;
            style = "solid";
            pen = 4.5;
            marker = "＋";
            break;
          case Mark::DiffRemoved:
            color = kVermillion;
            style = "dashed";
            pen = 4;
            marker = "－";
            break;
          default:
            color = kOrange;
            style = "solid";
            pen = 4.5;
            marker = "～";
            break;
        }
      }
      // A municipality's own councils go left of it and everything else right, so the drawing
      // is three short columns rather than one tall one: holds edges are written council first
      // and drawn back towards the council.
      bool to_left = d.engine == Engine::Dot && !d.top_down && d.councils_left &&
                     e.relation == Relation::Holds;
      o << "  " << quoted(to_left ? to.id : ds.nodes[e.from].id) << " -> "
        << quoted(to_left ? ds.nodes[e.from].id : to.id) << " [color=\"" << color
        << "\", style=" << style << (to_left ? ", dir=back, arrowtail=" : ", arrowhead=")
        << es.arrowhead << ", penwidth=" << pen;
      if (minlen != 1) o << ", minlen=" << minlen;
      auto label = d.edge_labels.find(de.edge);
      if (!marker.empty() || label != d.edge_labels.end())
        o << ", label=<" << esc(marker + (label == d.edge_labels.end() ? "" : " " + label->second))
          << ">, fontsize=" << kSmallestType << ", fontcolor=\"" << color << "\"";
      // Taking part in a neighbour's council does not push that council a column further on.
      bool neighbours = e.relation == Relation::Participates && to.kind == Kind::Council &&
                        to.level == CouncilLevel::Municipal;
      // A tie new this year does not move what was there: the drawing keeps last year's
      // ranks and order, and the new line is drawn across it.
      if (e.relation == Relation::PartOf || (e.relation == Relation::Liaises && !d.top_down) ||
          neighbours || de.mark == Mark::DiffAdded)
        o << ", constraint=false";
      o << "];\n";
    }
    for (const auto& [from, to, minlen] : d.spacers)
      o << "  " << quoted(ds.nodes[from].id) << " -> " << quoted(ds.nodes[to].id)
        << " [style=invis, minlen=" << minlen << "];\n";
  }

  /// The legend: a sample of every shape, line and mark used above.
  std::string legend() {
    auto cell = [](const std::string& fill, const std::string& border, const std::string& text,
                   bool bold_border = false) {
      return "<TD BGCOLOR=\"" + fill + "\" COLOR=\"" + border + "\" BORDER=\"" +
             (bold_border ? "3" : "1") + "\">" + text + "</TD>";
    };
    std::vector<std::string> items;
    for (Kind kind : kinds_used) {
      Node sample;
      sample.kind = kind;
      Style st = node_style(sample);
      items.push_back(cell(st.fill, kBlack, esc(w.kind_shape[static_cast<int>(kind)])));
      if (kind == Kind::Council && regional_used)
        items.push_back(cell(kGreenMid, kBlack, esc(w.regional_council), true));
    }
    if (suspended_used) items.push_back(cell(kGreenTint, kBlack, esc(w.suspended)));
    if (marks_used.count(Mark::Shared))
      items.push_back(cell(kOrange, kBlack, esc(w.shared_office), true));
    if (marks_used.count(Mark::Alarm))
      items.push_back(cell(kAlarmTint, kVermillion, esc(w.alarm), true));
    if (marks_used.count(Mark::Removed))
      items.push_back(cell("white", "#555555", "<S>" + esc(w.removed) + "</S>"));
    if (marks_used.count(Mark::Highlight))
      items.push_back(cell("white", kBlue, esc(w.highlight), true));
    if (marks_used.count(Mark::DiffAdded))
      items.push_back(cell("white", kGreen, esc(w.diff_added), true));
    if (marks_used.count(Mark::DiffRemoved))
      items.push_back(cell("white", kVermillion, "<S>" + esc(w.diff_removed) + "</S>", true));
    if (marks_used.count(Mark::DiffChanged))
      items.push_back(cell("white", kOrange, esc(w.diff_changed), true));
    if (d.table && !d.table->mark_meaning.empty())
      items.push_back(cell(kAlarmTint, kBlack, "● " + esc(d.table->mark_meaning)));
    for (const auto& [sample, meaning] : d.extra_legend)
      items.push_back("<TD BORDER=\"0\" ALIGN=\"LEFT\">" + esc(sample) + ": " + esc(meaning) +
                      "</TD>");
    std::vector<std::string> lines;
    for (Relation rel : relations_used) {
      EdgeStyle es = edge_style(rel);
      lines.push_back("<TD BORDER=\"0\" ALIGN=\"LEFT\"><FONT COLOR=\"" + std::string(es.color) +
                      "\">" + es.glyph + "</FONT> " + esc(w.relation[static_cast<int>(rel)]) +
                      "</TD>");
    }
    if (planned_used)
      lines.push_back(std::string("<TD BORDER=\"0\" ALIGN=\"LEFT\">－ －→ ") + esc(w.planned) +
                      "</TD>");
    if (ended_used)
      lines.push_back(
          std::string("<TD BORDER=\"0\" ALIGN=\"LEFT\"><FONT COLOR=\"#888888\">・・・→</FONT> ") +
          esc(w.ended) + "</TD>");
    auto diff_line = [&](Mark m, const char* color, const char* glyph, const std::string& meaning) {
      if (diff_edges_used.count(m))
        lines.push_back(std::string("<TD BORDER=\"0\" ALIGN=\"LEFT\"><FONT COLOR=\"") + color +
                        "\"><B>" + glyph + "</B></FONT> " + esc(meaning) + "</TD>");
    };
    diff_line(Mark::DiffAdded, kGreen, "━━", w.diff_edge_added);
    diff_line(Mark::DiffRemoved, kVermillion, "－ －", w.diff_edge_removed);
    diff_line(Mark::DiffChanged, kOrange, "━━", w.diff_edge_changed);
    std::string table =
        "<TABLE BORDER=\"1\" COLOR=\"#8C8C8C\" STYLE=\"ROUNDED\" CELLBORDER=\"1\" "
        "CELLSPACING=\"5\" CELLPADDING=\"4\">";
    if (d.legend_in_footer) {
      // One row across the foot of the slide (two when long: shapes, then lines), each row a
      // table of its own so that its cells are as wide as their words only.
      auto row = [](const std::vector<std::string>& cells) {
        std::string r = "<TABLE BORDER=\"0\" CELLSPACING=\"5\" CELLPADDING=\"4\"><TR>";
        for (const std::string& cell : cells) r += cell;
        return r + "</TR></TABLE>";
      };
      std::string head = "<TD BORDER=\"0\" ALIGN=\"LEFT\"><B>" + esc(w.legend) + "</B></TD>";
      std::string open = "<TD BORDER=\"0\" ALIGN=\"LEFT\">";
      table =
          "<TABLE BORDER=\"1\" COLOR=\"#8C8C8C\" STYLE=\"ROUNDED\" CELLBORDER=\"0\" "
          "CELLSPACING=\"0\" CELLPADDING=\"0\">";
      // Short legends in one row; longer ones shapes first, then lines, so many to a row.
      std::vector<std::vector<std::string>> rows;
      auto chunk = [&](const std::vector<std::string>& cells) {
        const std::size_t n = d.legend_row_cells;
        for (std::size_t i = 0; i < cells.size(); i += n)
          rows.emplace_back(
              cells.begin() + static_cast<std::ptrdiff_t>(i),
              cells.begin() + static_cast<std::ptrdiff_t>(std::min(i + n, cells.size())));
      };
      std::vector<std::string> all = items;
      all.insert(all.end(), lines.begin(), lines.end());
      if (all.size() <= d.legend_row_cells) {
        chunk(all);
      } else {
        chunk(items);
        chunk(lines);
      }
      for (std::size_t r = 0; r < rows.size(); ++r)
        table += "<TR>" + (r == 0 ? head : "<TD></TD>") + open + row(rows[r]) + "</TD></TR>";
      return table + "</TABLE>";
    }
    // Shapes on the left, lines on the right: the legend is a column at the right of the page
    // (its own last rank), where a 16:9 slide has room; the source notes are the footer.
    table +=
        "<TR><TD BORDER=\"0\" ALIGN=\"LEFT\" COLSPAN=\"2\"><B>" + esc(w.legend) + "</B></TD></TR>";
    for (std::size_t i = 0; i < std::max(items.size(), lines.size()); ++i)
      table += "<TR>" + (i < items.size() ? items[i] : "<TD BORDER=\"0\"></TD>") +
               (i < lines.size() ? lines[i] : "<TD BORDER=\"0\"></TD>") + "</TR>";
    table += "</TABLE>";
    return table;
  }

  void place_legend(const std::string& table) {
    if (d.text) return;  // words and tables explain themselves
    if (d.table) {
      // A grid needs no shapes explained: one line under it says what its marks mean.
      std::string line;
      for (const auto& [sample, meaning] : d.extra_legend)
        line += esc(sample) + ": " + esc(meaning) + "　";
      if (!d.table->mark_meaning.empty()) line += "●: " + esc(d.table->mark_meaning);
      if (!d.table->qualified_meaning.empty()) line += "　○: " + esc(d.table->qualified_meaning);
      footer = line + "<BR ALIGN=\"LEFT\"/>" + footer;
    } else if (d.legend_in_footer) {
      footer_legend = table;
    } else {
      o << "  legend [shape=plaintext, fontsize=15, label=<" << table << ">";
      if (d.legend_position) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.3f,%.3f!", d.legend_position->x, d.legend_position->y);
        o << ", pos=\"" << buf << "\"";
      }
      o << "];\n";
      if (d.engine == Engine::Dot && !d.nodes.empty()) {
        // In the same layout as the drawing, in its first column (beside the councils) or in a
        // column of its own after the last; render_diagram() keeps whichever fits the page better.
        if (d.legend_first) {
          o << "  { rank=min; legend; }\n";
          o << "  legend -> " << quoted(ds.nodes[d.nodes.front().node].id) << " [style=invis];\n";
        } else {
          bool two_office_columns = false;
          for (const auto& [m, count] : offices_drawn) two_office_columns |= count >= 5;
          o << "  { rank=sink; legend; }\n";
          o << "  " << quoted(ds.nodes[d.nodes.front().node].id)
            << " -> legend [style=invis, minlen=" << (two_office_columns ? 3 : 2) << "];\n";
        }
      }
    }
  }

  const Dataset& ds;
  const Diagram& d;
  const Words w;
  std::ostringstream o;
  std::string footer;
  std::string footer_legend;  ///< the legend as a row above the footer's lines
  std::map<std::size_t, std::size_t> region_of_m;
  std::map<std::size_t, int> offices_drawn;  ///< coordinator edges drawn per municipality
  std::set<Kind> kinds_used;
  std::set<Relation> relations_used;
  std::set<Mark> marks_used;
  std::set<Mark> diff_edges_used;
  bool regional_used = false, planned_used = false, ended_used = false, suspended_used = false;
};

}  // namespace

std::string write_dot(const Dataset& ds, const Diagram& d) { return DotWriter(ds, d).write(); }

}  // namespace renkei
