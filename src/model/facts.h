#pragma once
// Facts derived from the dataset, each worked out in this one place: every query, slide,
// the explorer, summary and diff ask here.
#include <cstddef>
#include <optional>
#include <string>

#include "base/lang.h"
#include "model/dataset.h"

namespace renkei {

/// The region a municipality is in (outside fact), or nullopt.
std::optional<std::size_t> region_of(const Dataset& ds, std::size_t municipality);
/// The name to show for a node in the chosen language (falls back to Japanese).
const std::string& display_name(const Node& n, Lang lang);

}  // namespace renkei
