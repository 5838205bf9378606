#pragma once
// Nodes, edges and sources as the JSON every answer and export uses to refer to them.
#include <nlohmann/json.hpp>

#include "base/lang.h"
#include "json/writer.h"
#include "model/dataset.h"
#include "model/facts.h"

namespace renkei {

/// {"id", "kind", "name", "name_en"}: how a node is referred to in every JSON answer.
nlohmann::json node_ref_json(const Dataset& ds, std::size_t node);
/// Every field of a node, with its sources; outside facts sit under "outside".
nlohmann::json node_json(const Dataset& ds, std::size_t node);
/// An edge with both ends as node references.
nlohmann::json edge_json(const Dataset& ds, std::size_t edge);
nlohmann::json source_json(const Source& s);
/// node_ref_json and source_json, written straight to a JsonWriter (same bytes).
void write_node_ref(JsonWriter& w, const Dataset& ds, std::size_t node);
void write_node_refs(JsonWriter& w, const Dataset& ds, const std::vector<std::size_t>& nodes);
void write_source(JsonWriter& w, const Source& s);

/// write_node_ref for answers that name the same nodes thousands of times (whatif over every
/// office): each node's text is made once per depth it appears at and copied after that.
class NodeRefWriter {
 public:
  explicit NodeRefWriter(const Dataset& ds) : ds_(ds) {}
  void write(JsonWriter& w, std::size_t node);
  void write_all(JsonWriter& w, const std::vector<std::size_t>& nodes);

 private:
  static constexpr std::size_t kDepths =
      8;  ///< depths kept; deeper references are written each time
  const Dataset& ds_;
  std::string texts_;  ///< every reference made so far, one after the other
  /// By node × kDepths + depth: where its text is in texts_ (end 0: not made yet).
  std::vector<std::pair<std::size_t, std::size_t>> made_;
};

}  // namespace renkei
