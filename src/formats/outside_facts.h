#pragma once
#include <string>
#include <string_view>

#include "model/dataset.h"

namespace renkei {

/// Adds an outside-facts file (format renkei-outside/1: planning regions, municipal codes,
/// office positions) to a dataset whose own nodes and edges are read and checked: one region
/// node per region with an in_region edge from each member, and each municipality's facts.
/// Problems are renkei::Errors naming `shown_as` and the JSON pointer in it; `dataset_shown_as`
/// names the dataset the file is read for.
void add_outside_facts(Dataset& ds, std::string_view text, const std::string& shown_as,
                       const std::string& dataset_shown_as);

}  // namespace renkei
