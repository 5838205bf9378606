#include "formats/export.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "base/text.h"
#include "formats/csv.h"
#include "formats/node_json.h"
#include "model/graph.h"

namespace renkei {

namespace {

/// Joins the parts of a many-valued attribute (aliases, challenges) into one cell.
constexpr const char* kListSeparator = " | ";

const std::vector<Field> kNodeFields = {
    {"label", FieldType::String,
     "the Japanese name again, under the name Gephi (GraphML, GEXF and spreadsheet import) shows"},
    {"kind", FieldType::String, "municipality, council, office, center, initiative or region"},
    {"kind_ja", FieldType::String,
     "the kind in Japanese: 市町, 協議の場, 配置先, 支援センター, 取組, 圏域"},
    {"name", FieldType::String,
     "official Japanese name, extraction damage corrected (Cytoscape's label)"},
    {"name_en", FieldType::String, "romanized name"},
    {"aliases", FieldType::String, "every other spelling in the source, separated by \" | \""},
    {"outside", FieldType::Bool,
     "true when the node is an outside fact (a planning region), not from the document"},
    {"region", FieldType::String,
     "municipality: the planning region (圏域) it belongs to (outside fact)"},
    {"region_id", FieldType::String, "municipality: that region's node id"},
    {"type", FieldType::String, "municipality: 市, 区, 町 or 村"},
    {"row", FieldType::Int, "municipality: its row in the source table, 1–19"},
    {"code", FieldType::String, "municipality: 全国地方公共団体コード, 5 digits (outside fact)"},
    {"lat", FieldType::Double, "municipality: latitude of the town hall (outside fact)"},
    {"lng", FieldType::Double, "municipality: longitude of the town hall (outside fact)"},
    {"coordinator_activity", FieldType::String,
     "municipality: what section 4 says: active or none_stated"},
    {"challenges", FieldType::String,
     "municipality: stated challenges and shortages, quoted, separated by \" | \""},
    {"no_children", FieldType::String,
     "municipality: the row's words saying there is at present no child to serve, separated by \" "
     "| \""},
    {"level", FieldType::String, "council: municipal or regional"},
    {"status", FieldType::String, "council: active, suspended, ended or planned"},
    {"meetings", FieldType::String,
     "council: meetings in the fiscal year, e.g. \"held 2024-07,2024-11; planned 2025-03\""},
    {"description", FieldType::String, "initiative: what the kind of work is"},
    {"source_row", FieldType::Int, "row of the source table the node was read from"},
    {"source_section", FieldType::String,
     "section (column) of the source: 市町, 1(1), 1(4), 2, 3, 4 or 6"},
    {"source_text", FieldType::String, "the exact words of the source"},
    {"outside_source", FieldType::String,
     "where an outside fact on this node comes from (regions; a town's code and coordinates)"},
    {"note", FieldType::String, "the data's note on this node"},
};

const std::vector<Field> kEdgeFields = {
    {"label", FieldType::String, "the relation in Japanese (Gephi's edge label)"},
    {"relation", FieldType::String,
     "holds, participates, part_of, coordinator, liaises, runs or in_region"},
    {"relation_ja", FieldType::String,
     "the relation in Japanese: 設置, 参加, 部会・プロジェクト, コーディネーター配置, 連携, 取組, "
     "圏域"},
    {"interaction", FieldType::String,
     "the relation again, under the name Cytoscape shows for an edge"},
    {"support", FieldType::Bool,
     "true for the support relations renkei metrics, reach and path follow (all but runs and "
     "in_region)"},
    {"status", FieldType::String,
     "runs: done, ongoing, planned or considering; participates: planned, or empty when stated"},
    {"order", FieldType::Int, "coordinator: the ①②③ number"},
    {"since", FieldType::String, "coordinator: start month YYYY-MM where given"},
    {"date", FieldType::String, "runs: month YYYY-MM where given"},
    {"source_row", FieldType::Int, "row of the source table the relation was read from"},
    {"source_section", FieldType::String, "section (column) of the source"},
    {"source_text", FieldType::String, "the exact words of the source"},
    {"outside", FieldType::Bool, "true when the edge is an outside fact (in_region)"},
    {"outside_source", FieldType::String, "where the outside fact comes from"},
    {"note", FieldType::String, "the data's note on this edge"},
};

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

/// The shortest decimal that reads back as the same double, in C locale.
std::string format_double(double v) {
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

std::string meetings_text(const Node& n) {
  std::vector<std::string> parts;
  for (const Meeting& m : n.meetings) {
    std::string p = word(m.status);
    if (!m.months.empty()) p += " " + join(m.months, ",");
    parts.push_back(p);
  }
  return join(parts, "; ");
}

bool is_support(Relation r) {
  const auto rs = Network::support_relations();
  return std::find(rs.begin(), rs.end(), r) != rs.end();
}

/// Which value of `fields` is called `name`; the tables above are fixed, so a miss is a bug.
std::size_t field_index(const std::vector<Field>& fields, const char* name) {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (std::string(fields[i].name) == name) return i;
  std::abort();
}

// ---------------------------------------------------------------- XML

/// Text for XML 1.0 content or a double-quoted attribute: markup characters as entities, line
/// breaks and tabs as character references (so attribute values keep them), other control
/// characters (not allowed in XML 1.0) dropped.
std::string xml_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += "&#9;"; break;
      default:
        if (static_cast<unsigned char>(ch) >= 0x20) out += ch;
    }
  }
  return out;
}

const char* graphml_type(FieldType t) {
  switch (t) {
    case FieldType::Int: return "int";
    case FieldType::Double: return "double";
    case FieldType::Bool: return "boolean";
    default: return "string";
  }
}

const char* gexf_type(FieldType t) {
  switch (t) {
    case FieldType::Int: return "integer";
    case FieldType::Double: return "double";
    case FieldType::Bool: return "boolean";
    default: return "string";
  }
}

/// yEd's fill colour per kind, the same families the diagrams use.
const char* yed_fill(Kind k) {
  switch (k) {
    case Kind::Municipality: return "#CFE2F3";
    case Kind::Council: return "#D9EAD3";
    case Kind::Office: return "#FFF2CC";
    case Kind::Center: return "#F4CCCC";
    case Kind::Initiative: return "#EAD1DC";
    default: return "#EEEEEE";
  }
}

/// Box width in yEd's pixels for a 12 px label: a wide (Japanese) character is about 12 px.
int yed_width(const std::string& name) {
  return std::max(60, static_cast<int>(display_width(name)) * 6 + 20);
}

std::string describe(const Dataset& ds) { return document_citation(ds); }

// ---------------------------------------------------------------- DOT

/// A DOT double-quoted string whose content stays inert: " and \ escaped, a line break as the
/// escString \n; < > & need nothing inside "…" (only <…> labels are HTML).
/// A DOT "quoted" string; `drawn` for the label Graphviz draws, which reads entities in it.
std::string dot_quote(const std::string& s, bool drawn = false) {
  std::string out = "\"";
  for (char ch : s) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      // Graphviz reads entities in quoted labels (&amp; is drawn "&"): escape the ampersand so
      // that a name such as "&#x41;&amp;B" is drawn as written.
      case '&': out += drawn ? "&amp;" : "&"; break;
      default: out += ch;
    }
  }
  return out + "\"";
}

}  // namespace

bool ExportOptions::includes(const Edge& e) const {
  return relations.empty() ||
         std::find(relations.begin(), relations.end(), e.relation) != relations.end();
}

const std::vector<Field>& node_fields() { return kNodeFields; }
const std::vector<Field>& edge_fields() { return kEdgeFields; }

std::string export_edge_id(std::size_t k) { return "e" + std::to_string(k); }

std::vector<std::string> node_values(const Dataset& ds, std::size_t i, const ExportOptions& opt) {
  const Node& n = ds.nodes[i];
  std::vector<std::string> v(kNodeFields.size());
  auto set = [&](const char* field, std::string value) {
    v[field_index(kNodeFields, field)] = std::move(value);
  };
  set("label", display_name(n, opt.lang));
  set("kind", word(n.kind));
  set("kind_ja", label_ja(n.kind));
  set("name", n.name);
  set("name_en", n.name_en);
  std::vector<std::string> aliases;
  for (const Alias& a : n.aliases) aliases.push_back(a.name);
  set("aliases", join(aliases, kListSeparator));
  set("outside", n.outside_source.empty() ? "false" : "true");
  if (n.source) {
    set("source_row", std::to_string(n.source->row));
    set("source_section", n.source->section);
    set("source_text", n.source->text);
  }
  set("outside_source", n.outside_source);
  set("note", n.note);
  switch (n.kind) {
    case Kind::Municipality: {
      if (auto r = region_of(ds, i)) {
        set("region", ds.nodes[*r].name);
        set("region_id", ds.nodes[*r].id);
      }
      set("type", n.type);
      set("row", std::to_string(n.row));
      if (n.facts) {
        set("code", n.facts->code);
        set("lat", format_double(n.facts->lat));
        set("lng", format_double(n.facts->lng));
        set("outside_source", n.facts->source);
      }
      if (n.activity) set("coordinator_activity", word(n.activity->status));
      std::vector<std::string> challenges;
      for (const Source& s : n.challenges) challenges.push_back(s.text);
      set("challenges", join(challenges, kListSeparator));
      std::vector<std::string> none;
      for (const Source& s : n.no_children) none.push_back(s.text);
      set("no_children", join(none, kListSeparator));
      break;
    }
    case Kind::Council:
      set("level", word(n.level));
      set("status", word(n.council_status));
      set("meetings", meetings_text(n));
      break;
    case Kind::Initiative: set("description", n.description); break;
    default: break;
  }
  return v;
}

std::vector<std::string> edge_values(const Dataset& ds, std::size_t k, const ExportOptions& opt) {
  const Edge& e = ds.edges[k];
  std::vector<std::string> v(kEdgeFields.size());
  auto set = [&](const char* field, std::string value) {
    v[field_index(kEdgeFields, field)] = std::move(value);
  };
  set("label", label(e.relation, opt.lang));
  set("relation", word(e.relation));
  set("relation_ja", label_ja(e.relation));
  set("interaction", word(e.relation));
  set("support", is_support(e.relation) ? "true" : "false");
  if (e.status != EdgeStatus::Current) set("status", word(e.status));
  if (e.order) set("order", std::to_string(e.order));
  set("since", e.since);
  set("date", e.date);
  if (e.source) {
    set("source_row", std::to_string(e.source->row));
    set("source_section", e.source->section);
    set("source_text", e.source->text);
  }
  set("outside", e.outside_source.empty() ? "false" : "true");
  set("outside_source", e.outside_source);
  set("note", e.note);
  return v;
}

// ---------------------------------------------------------------- GraphML

std::string to_graphml(const Dataset& ds, const ExportOptions& opt) {
  std::ostringstream o;
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
       "xmlns:y=\"http://www.yworks.com/xml/graphml\" "
       "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
       "http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">\n";
  for (const Field& f : kNodeFields)
    o << "  <key id=\"n_" << f.name << "\" for=\"node\" attr.name=\"" << f.name << "\" attr.type=\""
      << graphml_type(f.type) << "\"/>\n";
  // yEd draws only what its own extension describes; other readers skip it or keep its text.
  o << "  <key id=\"n_yed\" for=\"node\" yfiles.type=\"nodegraphics\" attr.name=\"yed_graphics\" "
       "attr.type=\"string\"/>\n";
  for (const Field& f : kEdgeFields)
    o << "  <key id=\"e_" << f.name << "\" for=\"edge\" attr.name=\"" << f.name << "\" attr.type=\""
      << graphml_type(f.type) << "\"/>\n";
  o << "  <graph id=\"renkei\" edgedefault=\"directed\">\n"
    << "    <desc>" << xml_escape(describe(ds)) << "</desc>\n";

  // yEd's starting picture: one block of rows per kind, eight boxes a row.
  int pitch = 0;
  for (const Node& n : ds.nodes) pitch = std::max(pitch, yed_width(display_name(n, opt.lang)) + 30);
  std::vector<int> placed(kinds_count(), 0);
  std::vector<int> block_top(kinds_count(), 0);
  {
    std::vector<int> per_kind(kinds_count(), 0);
    for (const Node& n : ds.nodes) ++per_kind[static_cast<std::size_t>(n.kind)];
    int top = 0;
    for (std::size_t k = 0; k < kinds_count(); ++k) {
      block_top[k] = top;
      top += ((per_kind[k] + 7) / 8) * 60 + (per_kind[k] ? 60 : 0);
    }
  }

  for (std::size_t i = 0; i < ds.nodes.size(); ++i) {
    const Node& n = ds.nodes[i];
    o << "    <node id=\"" << xml_escape(n.id) << "\">\n";
    auto values = node_values(ds, i, opt);
    for (std::size_t f = 0; f < kNodeFields.size(); ++f)
      if (!values[f].empty())
        o << "      <data key=\"n_" << kNodeFields[f].name << "\">" << xml_escape(values[f])
          << "</data>\n";
    const std::size_t k = static_cast<std::size_t>(n.kind);
    const int slot = placed[k]++;
    o << "      <data key=\"n_yed\"><y:ShapeNode><y:Geometry x=\"" << (slot % 8) * pitch
      << "\" y=\"" << block_top[k] + (slot / 8) * 60 << "\" width=\""
      << yed_width(display_name(n, opt.lang)) << "\" height=\"30\"/><y:Fill color=\""
      << yed_fill(n.kind) << "\" transparent=\"false\"/><y:NodeLabel fontSize=\"12\">"
      << xml_escape(display_name(n, opt.lang))
      << "</y:NodeLabel><y:Shape type=\"roundrectangle\"/></y:ShapeNode></data>\n"
      << "    </node>\n";
  }
  for (std::size_t k = 0; k < ds.edges.size(); ++k) {
    const Edge& e = ds.edges[k];
    if (!opt.includes(e)) continue;
    o << "    <edge id=\"" << export_edge_id(k) << "\" source=\"" << xml_escape(ds.nodes[e.from].id)
      << "\" target=\"" << xml_escape(ds.nodes[e.to].id) << "\">\n";
    auto values = edge_values(ds, k, opt);
    for (std::size_t f = 0; f < kEdgeFields.size(); ++f)
      if (!values[f].empty())
        o << "      <data key=\"e_" << kEdgeFields[f].name << "\">" << xml_escape(values[f])
          << "</data>\n";
    o << "    </edge>\n";
  }
  o << "  </graph>\n</graphml>\n";
  return o.str();
}

// ---------------------------------------------------------------- GEXF

std::string to_gexf(const Dataset& ds, const ExportOptions& opt) {
  // The node and edge `label` attributes of GEXF itself carry the label fields.
  const std::size_t node_label = field_index(kNodeFields, "label");
  const std::size_t edge_label = field_index(kEdgeFields, "label");
  std::ostringstream o;
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
       "xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" "
       "version=\"1.2\">\n"
       "  <meta>\n    <creator>renkei</creator>\n    <description>"
    << xml_escape(describe(ds)) << "</description>\n  </meta>\n"
    << "  <graph mode=\"static\" defaultedgetype=\"directed\">\n";
  auto declare = [&](const char* cls, const std::vector<Field>& fields, std::size_t skip) {
    o << "    <attributes class=\"" << cls << "\" mode=\"static\">\n";
    for (std::size_t f = 0; f < fields.size(); ++f)
      if (f != skip)
        o << "      <attribute id=\"" << fields[f].name << "\" title=\"" << fields[f].name
          << "\" type=\"" << gexf_type(fields[f].type) << "\"/>\n";
    o << "    </attributes>\n";
  };
  declare("node", kNodeFields, node_label);
  declare("edge", kEdgeFields, edge_label);
  auto attvalues = [&](const std::vector<Field>& fields, const std::vector<std::string>& values,
                       std::size_t skip) {
    o << "        <attvalues>\n";
    for (std::size_t f = 0; f < fields.size(); ++f)
      if (f != skip && !values[f].empty())
        o << "          <attvalue for=\"" << fields[f].name << "\" value=\""
          << xml_escape(values[f]) << "\"/>\n";
    o << "        </attvalues>\n";
  };
  o << "    <nodes>\n";
  for (std::size_t i = 0; i < ds.nodes.size(); ++i) {
    auto values = node_values(ds, i, opt);
    o << "      <node id=\"" << xml_escape(ds.nodes[i].id) << "\" label=\""
      << xml_escape(values[node_label]) << "\">\n";
    attvalues(kNodeFields, values, node_label);
    o << "      </node>\n";
  }
  o << "    </nodes>\n    <edges>\n";
  for (std::size_t k = 0; k < ds.edges.size(); ++k) {
    const Edge& e = ds.edges[k];
    if (!opt.includes(e)) continue;
    auto values = edge_values(ds, k, opt);
    o << "      <edge id=\"" << export_edge_id(k) << "\" source=\""
      << xml_escape(ds.nodes[e.from].id) << "\" target=\"" << xml_escape(ds.nodes[e.to].id)
      << "\" label=\"" << xml_escape(values[edge_label]) << "\">\n";
    attvalues(kEdgeFields, values, edge_label);
    o << "      </edge>\n";
  }
  o << "    </edges>\n  </graph>\n</gexf>\n";
  return o.str();
}

// ---------------------------------------------------------------- CSV

std::string to_nodes_csv(const Dataset& ds, const ExportOptions& opt) {
  std::string out(csv::kBom);
  std::vector<std::string> header = {"id"};
  for (const Field& f : kNodeFields) header.push_back(f.name);
  out += csv::row(header);
  for (std::size_t i = 0; i < ds.nodes.size(); ++i) {
    std::vector<std::string> cells = {ds.nodes[i].id};
    for (std::string& v : node_values(ds, i, opt)) cells.push_back(std::move(v));
    out += csv::row(cells);
  }
  return out;
}

std::string to_edges_csv(const Dataset& ds, const ExportOptions& opt) {
  std::string out(csv::kBom);
  std::vector<std::string> header = {"id", "source", "target", "source_name", "target_name"};
  for (const Field& f : kEdgeFields) header.push_back(f.name);
  out += csv::row(header);
  for (std::size_t k = 0; k < ds.edges.size(); ++k) {
    const Edge& e = ds.edges[k];
    if (!opt.includes(e)) continue;
    std::vector<std::string> cells = {export_edge_id(k), ds.nodes[e.from].id, ds.nodes[e.to].id,
                                      ds.nodes[e.from].name, ds.nodes[e.to].name};
    for (std::string& v : edge_values(ds, k, opt)) cells.push_back(std::move(v));
    out += csv::row(cells);
  }
  return out;
}

// ---------------------------------------------------------------- node-link JSON

namespace {

nlohmann::ordered_json typed(const Field& f, const std::string& v) {
  switch (f.type) {
    case FieldType::Int: return std::stoi(v);
    case FieldType::Double: return std::strtod(v.c_str(), nullptr);
    case FieldType::Bool: return v == "true";
    default: return v;
  }
}

}  // namespace

std::string to_node_link_json(const Dataset& ds, const ExportOptions& opt) {
  using ojson = nlohmann::ordered_json;
  ojson nodes = ojson::array(), links = ojson::array();
  for (std::size_t i = 0; i < ds.nodes.size(); ++i) {
    ojson n = {{"id", ds.nodes[i].id}};
    auto values = node_values(ds, i, opt);
    for (std::size_t f = 0; f < kNodeFields.size(); ++f)
      if (!values[f].empty()) n[kNodeFields[f].name] = typed(kNodeFields[f], values[f]);
    nodes.push_back(std::move(n));
  }
  for (std::size_t k = 0; k < ds.edges.size(); ++k) {
    const Edge& e = ds.edges[k];
    if (!opt.includes(e)) continue;
    ojson l = {
        {"source", ds.nodes[e.from].id}, {"target", ds.nodes[e.to].id}, {"key", export_edge_id(k)}};
    auto values = edge_values(ds, k, opt);
    for (std::size_t f = 0; f < kEdgeFields.size(); ++f)
      if (!values[f].empty()) l[kEdgeFields[f].name] = typed(kEdgeFields[f], values[f]);
    links.push_back(std::move(l));
  }
  ojson graph = {{"name", describe(ds)}, {"generator", "renkei"}};
  if (!ds.fiscal_year.first_month.empty())
    graph["fiscal_year"] = {{"label", ds.fiscal_year.label},
                            {"first_month", ds.fiscal_year.first_month},
                            {"last_month", ds.fiscal_year.last_month}};
  ojson j = {{"directed", true},
             {"multigraph", true},
             {"graph", graph},
             {"nodes", nodes},
             {"links", links}};
  return j.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

// ---------------------------------------------------------------- DOT

std::string to_plain_dot(const Dataset& ds, const ExportOptions& opt) {
  std::ostringstream o;
  o << "// " << dot_quote(describe(ds))
    << ", exported by renkei: every node and edge, every attribute.\n"
    << "digraph \"renkei\" {\n"
    << "  graph [charset=\"UTF-8\", label=" << dot_quote(describe(ds), true)
    << ", fontname=\"IPAexGothic\"];\n"
    << "  node [shape=box, style=\"rounded,filled\", fillcolor=\"white\", "
       "fontname=\"IPAexGothic\"];\n"
    << "  edge [fontname=\"IPAexGothic\", fontsize=10];\n";
  for (std::size_t i = 0; i < ds.nodes.size(); ++i) {
    o << "  " << dot_quote(ds.nodes[i].id) << " [";
    auto values = node_values(ds, i, opt);
    bool first = true;
    for (std::size_t f = 0; f < kNodeFields.size(); ++f) {
      if (values[f].empty()) continue;
      o << (first ? "" : ", ") << kNodeFields[f].name << "="
        << dot_quote(values[f], std::string_view(kNodeFields[f].name) == "label");
      first = false;
    }
    o << ", fillcolor=\"" << yed_fill(ds.nodes[i].kind) << "\"];\n";
  }
  for (std::size_t k = 0; k < ds.edges.size(); ++k) {
    const Edge& e = ds.edges[k];
    if (!opt.includes(e)) continue;
    o << "  " << dot_quote(ds.nodes[e.from].id) << " -> " << dot_quote(ds.nodes[e.to].id)
      << " [id=" << dot_quote(export_edge_id(k));
    auto values = edge_values(ds, k, opt);
    for (std::size_t f = 0; f < kEdgeFields.size(); ++f)
      if (!values[f].empty())
        o << ", " << kEdgeFields[f].name << "="
          << dot_quote(values[f], std::string_view(kEdgeFields[f].name) == "label");
    if (e.status == EdgeStatus::Planned || e.status == EdgeStatus::Considering)
      o << ", style=dashed";
    o << "];\n";
  }
  o << "}\n";
  return o.str();
}

}  // namespace renkei
