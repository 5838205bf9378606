#include "report/reply.h"

#include "model/facts.h"

namespace renkei {

std::string join_names(const Reply& c, const std::vector<std::size_t>& nodes) {
  std::string s;
  for (std::size_t i : nodes) s += (s.empty() ? "" : "、") + display_name(c.ds.nodes[i], c.lang());
  return s;
}

std::string quote_line(const Source& s) {
  return "row " + std::to_string(s.row) + " §" + s.section + " 「" + s.text + "」";
}

void print_json(std::ostream& out, const nlohmann::json& j) {
  out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace renkei
