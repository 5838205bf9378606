#pragma once
// The diagram builder every preset and the diff slide use: nodes and edges added without
// repeats, marks, and a stable order at the end.
#include <map>
#include <string>
#include <vector>

#include "diagram/diagram.h"
#include "model/facts.h"
#include "model/graph.h"

namespace renkei {

/// Collects nodes and edges for a diagram without repeats, then orders them stably.
class Builder {
 public:
  Builder(const Network& net, Lang lang) : ds_(net.data()) { d_.lang = lang; }

  void add(std::size_t node, Mark mark = Mark::Normal, std::string note = "") {
    auto it = index_.find(node);
    if (it != index_.end()) {
      DiagramNode& dn = d_.nodes[it->second];
      if (mark != Mark::Normal) dn.mark = mark;
      if (!note.empty()) dn.note = note;
      return;
    }
    index_[node] = d_.nodes.size();
    d_.nodes.push_back({node, mark, note});
  }
  bool has(std::size_t node) const { return index_.count(node) > 0; }
  /// Every edge of these relations between nodes already added (planned ones too).
  void connect(const std::vector<Relation>& relations);
  void mark_edge(std::size_t k, Mark m) {
    auto it = edge_index_.find(k);
    if (it != edge_index_.end()) d_.edges[it->second].mark = m;
  }
  /// Draws one edge (whatever its relation) with this mark and label; its ends must be added.
  void add_edge(std::size_t k, Mark m, std::string label = "") {
    if (!label.empty()) d_.edge_labels[k] = std::move(label);
    auto it = edge_index_.find(k);
    if (it == edge_index_.end()) {
      edge_index_[k] = d_.edges.size();
      d_.edges.push_back({k, m});
      return;
    }
    d_.edges[it->second].mark = m;
  }
  Mark mark_of(std::size_t node) const {
    auto it = index_.find(node);
    return it == index_.end() ? Mark::Normal : d_.nodes[it->second].mark;
  }
  /// Offices serving two or more municipalities (model/facts.h) stand out wherever they appear.
  void mark_shared_offices();
  /// The diagram, nodes in node order and edges in data order, with its title.
  Diagram finish(std::string title);
  Diagram& diagram() { return d_; }

 private:
  const Dataset& ds_;
  Diagram d_;
  std::map<std::size_t, std::size_t> index_, edge_index_;
};

/// Offices serving two or more municipalities (model/facts.h) get Mark::Shared and a note
/// 「N市町で共有」, unless already marked otherwise: the same on every slide and in the explorer.
void mark_shared_offices(const Dataset& ds, Diagram& d);

extern const std::vector<Relation> kStructure;

/// A node's name in the chosen language.
std::string name_of(const Dataset& ds, std::size_t i, Lang lang);

/// Where the units' map positions are: unit_offices_word(ds) (市町役場, 区役所) in Japanese,
/// "municipal office" in English.
std::string unit_offices_as(const Dataset& ds, Lang lang);

/// Municipalities, their councils (own and joined, with parents), offices and centers.
void add_structure(Builder& b, const Dataset& ds, const std::vector<std::size_t>& municipalities);

/// Every node of a kind, in node order.
std::vector<std::size_t> all_of_kind(const Dataset& ds, Kind k);

}  // namespace renkei
