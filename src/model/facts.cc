#include "model/facts.h"

namespace renkei {

const std::string& display_name(const Node& n, Lang lang) {
  return lang == Lang::En && !n.name_en.empty() ? n.name_en : n.name;
}

std::optional<std::size_t> region_of(const Dataset& ds, std::size_t m) {
  for (std::size_t k : ds.edges_from(m))
    if (ds.edges[k].relation == Relation::InRegion) return ds.edges[k].to;
  return std::nullopt;
}

}  // namespace renkei
