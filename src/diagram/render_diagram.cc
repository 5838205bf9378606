// Rendering a diagram for its page: each legend placement laid out, the largest kept.
#include "diagram/diagrams.h"

namespace renkei {

std::string fit_diagram(const Dataset& ds, Diagram d, RenderInfo* info) {
  // Each candidate comes back as DOT already fitted to the page (size and pad added), so the
  // one kept is drawn as it is, without measuring it a second time.
  std::string best_dot;
  RenderInfo best{-1};
  std::vector<bool> placements = {true};
  if (d.engine == Engine::Dot && !d.table && !d.text && !d.legend_in_footer)
    placements.push_back(false);
  for (bool first : placements) {
    d.legend_first = first;
    RenderInfo measured;
    std::string fitted =
        render_dot(write_dot(ds, d), d.engine, Format::Dot, page_size(d.page), &measured);
    if (measured.scale > best.scale + 1e-9) {
      best = measured;
      best_dot = std::move(fitted);
    }
  }
  if (info) *info = best;
  return best_dot;
}

std::string render_diagram(const Dataset& ds, const Diagram& d, Format format, RenderInfo* info) {
  return render_dot(fit_diagram(ds, d, info), d.engine, format, std::nullopt);
}

}  // namespace renkei
