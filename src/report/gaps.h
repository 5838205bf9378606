#pragma once
// The answers of gaps, whatif and initiatives, as text or JSON.
#include <cstddef>
#include <optional>
#include <set>
#include <vector>

#include "query/queries.h"
#include "report/reply.h"

namespace renkei {

/// `gaps --explain RULE`: how the rule reads the data.
void print_rule_explanation(const Reply& c, const GapRuleInfo& r);
/// Every rule, whether it applies to this dataset and, where not, why (`gaps --explain all`).
void print_rules_applicable(const Reply& c);
/// The findings, grouped by municipality; `rule` and `m` are the filters the user gave.
void print_gaps(const Reply& c, const std::vector<Finding>& found, std::optional<GapRule> rule,
                std::optional<std::size_t> m);
/// `whatif --each KIND`: the ranking.
void print_whatif_each(const Reply& c, Kind kind, const std::vector<WhatIfAnswer>& all);
/// `whatif --remove`: who loses what, with the quote of each tie lost.
void print_whatif(const Reply& c, const WhatIfAnswer& a, const std::set<std::size_t>& removed);
void print_initiatives(const Reply& c, const std::vector<InitiativeStatus>& all);

}  // namespace renkei
