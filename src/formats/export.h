#pragma once
// The whole graph as files for the tools people already use: GraphML (Gephi, yEd, Cytoscape,
// NetworkX), GEXF (Gephi), CSV (Excel, Gephi's spreadsheet import), NetworkX node-link JSON and
// plain Graphviz DOT. Pure functions Dataset → text; docs/export.md says what each holds.
//
// Every format carries the same attributes (`node_fields`, `edge_fields`): nodes in dataset
// order, then the outside-fact regions; edges in dataset order, then the outside-fact
// `in_region` edges. The graph is directed (from → to as the data states each relation) and may
// hold parallel edges (a town that did and also plans the same kind of work), so readers that
// care get a multigraph. Node ids are the dataset's stable ids; edge ids are "e0", "e1", … in
// edge order.
#include <string>
#include <vector>

#include "formats/node_json.h"
#include "model/dataset.h"

namespace renkei {

/// What to export: label language and which relations (all nodes are always exported).
struct ExportOptions {
  Lang lang = Lang::Ja;             ///< `label` fields: Japanese names (default) or romanized
  std::vector<Relation> relations;  ///< edges of these relations only; empty means all
  /// True when the edge is exported under these options.
  bool includes(const Edge& e) const;
};

/// The value type of one exported attribute, as GraphML, GEXF and JSON spell it.
enum class FieldType { String, Int, Double, Bool };

/// One exported attribute: its ASCII name (a GraphML/GEXF attribute name and a CSV header),
/// its type and a one-line description for docs/export.md.
struct Field {
  const char* name;
  FieldType type;
  const char* description;
};

/// The attributes of every node, in column order (without `id`, which every format carries as
/// the node's identity). Absent values are omitted (empty cells in CSV).
const std::vector<Field>& node_fields();
/// The attributes of every edge, in column order (without `id`, `source`, `target`).
const std::vector<Field>& edge_fields();

/// Values of node `i`, one per `node_fields()` entry, as text ("" = absent; bools are
/// "true"/"false", numbers in C locale).
std::vector<std::string> node_values(const Dataset& ds, std::size_t i,
                                     const ExportOptions& opt = {});
/// Values of edge `k`, one per `edge_fields()` entry.
std::vector<std::string> edge_values(const Dataset& ds, std::size_t k,
                                     const ExportOptions& opt = {});
/// The edge's id in every export: "e" + its index.
std::string export_edge_id(std::size_t k);

/// GraphML 1.0, directed, with a typed <key> per attribute. `label` and `name` hold the
/// Japanese name (Gephi shows `label`, Cytoscape `name`); a yEd `nodegraphics` element gives
/// yEd a labelled box per node, laid out in one row per kind until the user picks a layout.
std::string to_graphml(const Dataset& ds, const ExportOptions& opt = {});

/// GEXF 1.2draft for Gephi: declared attributes, node label = Japanese name, edge label =
/// the relation in Japanese.
std::string to_gexf(const Dataset& ds, const ExportOptions& opt = {});

/// nodes.csv: UTF-8 with BOM, CRLF, a header row of ASCII names (`id` then `node_fields()`),
/// every cell passed through csv::cell so formula-like text stays text.
std::string to_nodes_csv(const Dataset& ds, const ExportOptions& opt = {});
/// edges.csv: `id,source,target,source_name,target_name` then `edge_fields()`, as nodes.csv.
std::string to_edges_csv(const Dataset& ds, const ExportOptions& opt = {});

/// NetworkX node-link JSON (`directed`, `multigraph`, `graph`, `nodes`, `links`) as
/// networkx.node_link_graph reads it; links carry `key` = the edge id. Typed values.
std::string to_node_link_json(const Dataset& ds, const ExportOptions& opt = {});

/// A plain Graphviz digraph of every node and edge: label = Japanese name (nodes) or the
/// relation in Japanese (edges), every attribute as a quoted DOT attribute.
std::string to_plain_dot(const Dataset& ds, const ExportOptions& opt = {});

}  // namespace renkei
