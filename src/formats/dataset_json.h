#pragma once
// The dataset writer: a Dataset back to the `renkei-dataset/1` file that src/formats/load.cc reads.
#include <optional>
#include <string>

#include "model/dataset.h"

namespace renkei {

/// The dataset as a `renkei-dataset/1` file, laid out as data/yamaguchi-r6.json is: keys in
/// its order, two-space indent, UTF-8 as is, a final newline. Nodes and edges that come from
/// the outside-facts file (regions, in_region, municipality codes) are left out; the
/// `outside_facts` field names that file instead (see `outside_facts_name`).
std::string dataset_to_json(const Dataset& ds);

/// The outside-facts file the dataset names (the loader records it in `ds.outside_facts`);
/// empty when it names none.
std::string outside_facts_name(const Dataset& ds);

/// The contents of a file the dataset names beside itself (its source text, its outside facts),
/// read from where the dataset came from: the built-in copies for the built-in data, else the
/// directory of `ds.origin`. nullopt when there is no such file.
std::optional<std::string> dataset_sibling(const Dataset& ds, const std::string& relative_path);

}  // namespace renkei
