#pragma once
// The answers of shared, reach, path and metrics, as text or JSON.
#include <cstddef>
#include <string>
#include <vector>

#include "query/queries.h"
#include "report/reply.h"

namespace renkei {

void print_shared(const Reply& c, const SharedAnswer& a);
void print_reach(const Reply& c, const ReachQuery& q, const std::vector<Reached>& reached);
void print_path(const Reply& c, std::size_t from, std::size_t to, const Chain& chain);
/// `top`: rows of the centrality table in text (0 = all).
void print_metrics(const Reply& c, const MetricsAnswer& m, int top);

/// "holds, participates, …": the relations a chain may follow (the support relations when
/// `via` is empty).
std::string via_words(const std::vector<Relation>& via, Lang lang);

}  // namespace renkei
