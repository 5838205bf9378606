#pragma once
#include <string>
#include <vector>

#include "diagram/diagram.h"
#include "diagram/render.h"
#include "diff/diff.h"
#include "model/graph.h"
#include "model/resolve.h"

namespace renkei {

/// One preset of `renkei render`: name, argument it takes, one-line description.
struct PresetInfo {
  const char* name;
  const char* argument;  ///< "" when it takes none, else e.g. "NAME"
  const char* summary;
};
const std::vector<PresetInfo>& presets();

/// The title of the whole network's drawing, from the data: 「山口県 医療的ケア児支援の連携体制
/// （令和6年度）」 for the built-in data.
std::string network_title(const Dataset& ds, Lang lang);

/// Builds the diagram for a preset such as "overview", "region:柳井" or "path:上関町:柳井市".
/// Unknown presets and unknown names are usage errors (exit 2) with suggestions.
Diagram make_diagram(const Network& net, const NameIndex& names, const std::string& preset,
                     Lang lang);

/// Every unit of `members` with its councils, offices and centers, and the units outside them
/// that share those (dimmed): a region's slide, or part of one when it does not fit.
Diagram units_diagram(const Network& net, const std::vector<std::size_t>& members,
                      const std::string& title, Lang lang);
/// The gaps grid: a row per unit, a column per gap rule the table supports.
DiagramTable gaps_table(const Network& net, Lang lang);

/// The diff slide: what it draws (by index into `merged`) and the dataset it draws from,
/// NEW with what only OLD had (removed nodes, lost placements and stages) added to it.
struct DiffSlide {
  Dataset merged;
  Diagram diagram;
};
/// Builds the diff slide: the municipalities, offices, councils and kinds of work that
/// changed, added ＋ bluish green, removed － vermillion and struck, changed ～ orange, with
/// unchanged offices of those municipalities for context. A data error when nothing changed.
DiffSlide make_diff_diagram(const Dataset& old_ds, const Dataset& new_ds, const DatasetDiff& diff,
                            Lang lang);

/// Puts the planning regions in bands of about `band` municipalities, each band a step
/// further on than the last (invisible spacer edges of `minlen`), so that all of a
/// prefecture's municipalities do not stand in one tall column.
void stack_regions_in_bands(const Dataset& ds, const std::vector<std::size_t>& municipalities,
                            int minlen, Diagram& d, std::size_t band = 7);

/// Writes and renders a diagram for its page. Where the legend can stand in more than one
/// place, each is laid out and the one that prints largest on the page is kept.
std::string render_diagram(const Dataset& ds, const Diagram& d, Format format,
                           RenderInfo* info = nullptr);
/// The DOT that render_diagram draws: the best legend placement, fitted to the page (size and
/// pad set), so that a PDF page and its PowerPoint slide come from one layout.
std::string fit_diagram(const Dataset& ds, Diagram d, RenderInfo* info = nullptr);

}  // namespace renkei
