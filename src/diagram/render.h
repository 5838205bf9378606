#pragma once
#include <optional>
#include <string>

#include "diagram/diagram.h"

namespace renkei {

/// Output formats of `renkei render`.
/// Json is Graphviz's own JSON with every drawing operation (xdot 1.7): the PPTX writer's input.
enum class Format { Svg, Png, Pdf, Dot, Json };

/// Page size in inches.
struct PageSize {
  double width, height;
};
/// The page a Page setting means: 16:9 slide, A4 landscape, or none (the layout's own size).
std::optional<PageSize> page_size(Page page);

/// What rendering did to fit the page, for tests and for a warning on tiny text.
struct RenderInfo {
  double scale = 1;  ///< final size / layout size; text prints at its point size × scale
};

/// Lays out DOT text and renders it in-process with Graphviz (gvc + cgraph). With a page,
/// the drawing is scaled to fit and padded to fill the page exactly, with no margin: a first
/// layout measures it, and the page size and padding are added to the DOT for the second.
/// Returns the rendered bytes; for Format::Dot, the DOT with the page settings added.
std::string render_dot(const std::string& dot, Engine engine, Format format,
                       std::optional<PageSize> page, RenderInfo* info = nullptr);

}  // namespace renkei
