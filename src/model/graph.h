#pragma once
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/filtered_graph.hpp>

#include <cstdint>
#include <set>
#include <vector>

#include "model/dataset.h"

namespace renkei {

/// Bundled vertex property: which dataset node this vertex is (vertex i is node i).
struct VertexProps {
  std::size_t node = 0;
};
/// Bundled edge property: the dataset edge, its relation and its direction in the data.
struct EdgeProps {
  std::size_t edge = 0;
  Relation relation = Relation::Holds;
  std::size_t from = 0, to = 0;
};

/// The network as an undirected Boost graph; direction stays available in EdgeProps so
/// queries can follow relations one way or both.
using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, VertexProps, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using GraphEdge = boost::graph_traits<Graph>::edge_descriptor;

/// Which edges a query may follow: a set of relations, optionally without edges whose
/// status is planned or considering (not yet real), optionally one edge per node pair.
///
/// Views are copied into every iterator Boost makes over them, so they hold bit masks, not
/// containers: copying one allocates nothing.
struct EdgeView {
  const Graph* g = nullptr;
  const Dataset* ds = nullptr;
  std::uint32_t relations = 0;  ///< bit r set: relation r is followed; 0 means all
  bool current_only = false;    ///< skip planned/considering edges
  const std::vector<bool>* first_of_pair = nullptr;  ///< when set, only edges marked true
  bool operator()(const GraphEdge& e) const;
};
/// Which vertices a query may visit: all but the removed ones, optionally only some kinds.
struct VertexView {
  const Graph* g = nullptr;
  const Dataset* ds = nullptr;
  const std::set<std::size_t>* removed = nullptr;
  std::uint32_t kinds = 0;  ///< bit k set: kind k is visited; 0 means all
  bool operator()(const Vertex& v) const;
};
using View = boost::filtered_graph<Graph, EdgeView, VertexView>;

/// The dataset as a Boost graph plus what the views need. Build once, query many times.
class Network {
 public:
  explicit Network(const Dataset& ds);
  const Dataset& data() const { return ds_; }
  const Graph& graph() const { return g_; }

  /// A view over `relations` (all when empty) and `kinds` (all when empty), without
  /// `removed` nodes. `removed` must outlive the view.
  View view(const std::vector<Relation>& relations = {}, const std::vector<Kind>& kinds = {},
            const std::set<std::size_t>* removed = nullptr, bool current_only = false,
            bool simple = false) const;

  /// Relations that make up the support structure: everything the document states except
  /// `runs` (work done, not a tie) — the default for reach and path.
  static std::vector<Relation> support_relations();

 private:
  const Dataset& ds_;
  Graph g_;
  std::vector<bool> first_of_pair_;  ///< per graph edge: the first edge between its two nodes
};

}  // namespace renkei
