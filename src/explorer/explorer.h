#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "diagram/diagram.h"
#include "formats/node_json.h"
#include "model/graph.h"

namespace renkei {

/// The whole support network as one diagram for the explorer: every municipality, council,
/// coordinator office and support center, grouped by planning region, shared offices marked.
/// Initiatives stay out of the drawing (they are listed in each node's panel instead).
Diagram explorer_diagram(const Network& net, Lang lang);

/// Everything the explorer page's script works with: nodes and edges as `renkei show --json`
/// gives them, gap findings with evidence, shared offices, regions, and the words for kinds,
/// relations and gap rules.
nlohmann::json explorer_data(const Network& net);

/// JSON text safe inside an HTML <script> element: `<`, `>`, `&`, U+2028 and U+2029 become
/// \u escapes, so no name or quote can close the element or start markup.
std::string script_safe_json(const nlohmann::json& j);

/// Graphviz SVG made ready to sit inside HTML: no XML prolog, DOCTYPE or comments, and each
/// edge group tagged with `data-edge="K"`, the index of the dataset edge it draws.
/// Throws std::logic_error when the SVG's edges do not match the diagram's, in order.
std::string inline_svg(const Dataset& ds, const Diagram& d, std::string_view svg);

/// The network drawn by Graphviz for the page, tagged by inline_svg().
std::string explorer_svg(const Network& net, Lang lang);

/// Both drawings of the page, one per language.
struct ExplorerDrawings {
  std::string ja, en;
};
/// Draws both, each in a child process of its own so that the bytes are the same every run
/// (see explorer.cc: Graphviz's second layout in a process is not reproducible).
ExplorerDrawings explorer_drawings(const Network& net);

/// The explorer: one self-contained HTML page (no network at run time) with the network
/// drawn in both languages, the data and the script that makes it interactive. Pure and
/// deterministic: same dataset and drawings, same bytes. `lang` is the language it opens in.
std::string explorer_html(const Network& net, Lang lang, const ExplorerDrawings& drawings);

/// SHA-256 of `bytes`, base64-encoded, as a Content-Security-Policy hash source wants it.
std::string sha256_base64(std::string_view bytes);

/// The page's script and style sheet (src/explorer/assets.cc).
std::string_view explorer_script();
std::string_view explorer_style();

}  // namespace renkei
