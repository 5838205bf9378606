#pragma once
// The answers of validate, list, show and summary, as text or JSON.
#include <cstddef>
#include <vector>

#include "formats/load.h"
#include "query/queries.h"
#include "report/reply.h"

namespace renkei {

/// "FILE: OK: 出典…", what was checked against what, and the counts.
void print_validate(const Reply& c, const Counts& counts, const LoadReport& report);
/// The nodes in the order given, with their region.
void print_list(const Reply& c, const std::vector<std::size_t>& nodes);
/// One node, every field, and `edges` (those touching it) with their quotes.
void print_show(const Reply& c, std::size_t node, const std::vector<std::size_t>& edges);
void print_summary(const Reply& c, const SummaryAnswer& a);

}  // namespace renkei
