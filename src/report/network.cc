// shared, reach, path, metrics: how the network hangs together, as text or JSON.
#include "report/network.h"

#include <algorithm>
#include <cstdio>

#include "base/say.h"
#include "base/text.h"
#include "formats/node_json.h"
#include "report/text_table.h"

namespace renkei {

using nlohmann::json;

namespace {

/// "上関町 —coordinator→ X ←coordinator— 柳井市", wrapped between steps to fit `kAnswerWidth`.
std::string format_chain(const Reply& c, const Chain& chain, const std::string& indent) {
  std::vector<std::string> parts = {display_name(c.ds.nodes[chain.start], c.lang())};
  for (const Step& s : chain.steps) {
    std::string rel = label(s.relation, c.said());
    parts.push_back((s.forward ? "—" + rel + "→ " : "←" + rel + "— ") +
                    display_name(c.ds.nodes[s.node], c.lang()));
  }
  std::string out, line;
  for (const std::string& p : parts) {
    if (!line.empty() &&
        display_width(indent) + display_width(line) + 1 + display_width(p) > kAnswerWidth) {
      out += line + "\n" + indent + "  ";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + p;
  }
  return out + line;
}

void write_chain(JsonWriter& w, const Reply& c, const Chain& chain) {
  w.begin_array().begin_object().null_member("direction").key("node");
  write_node_ref(w, c.ds, chain.start);
  w.null_member("relation").end_object();
  for (const Step& s : chain.steps) {
    w.begin_object().member("direction", s.forward ? "forward" : "backward").key("node");
    write_node_ref(w, c.ds, s.node);
    w.member("relation", word(s.relation)).end_object();
  }
  w.end_array();
}

/// The quotes behind each step of a chain.
void write_chain_sources(const Reply& c, const Chain& chain, const std::string& indent) {
  for (const Step& s : chain.steps) {
    const Edge& e = c.ds.edges[s.edge];
    std::string head = display_name(c.ds.nodes[e.from], c.lang()) + " —" +
                       label(e.relation, c.said()) + "→ " +
                       display_name(c.ds.nodes[e.to], c.lang());
    c.out << indent << head << "\n";
    if (e.source)
      c.out << indent << "  "
            << wrap_to_width(quote_line(*e.source), kAnswerWidth - indent.size() - 2, indent + "  ")
            << "\n";
    else if (!e.outside_source.empty())
      c.out << indent << "  " << say(c.said(), "[outside fact] ")
            << wrap_to_width(e.outside_source, kAnswerWidth - indent.size() - 17, indent + "  ")
            << "\n";
  }
}

}  // namespace

std::string via_words(const std::vector<Relation>& via, Lang lang) {
  std::string s;
  for (Relation r : via.empty() ? Network::support_relations() : via)
    s += (s.empty() ? "" : say(lang, "list|, ")) + say(lang, "via|{1}", {label(r, lang)});
  return s;
}

void print_shared(const Reply& c, const SharedAnswer& a) {
  if (c.json) {
    JsonWriter w(c.out);
    w.begin_object().key("groups").begin_array();
    for (const SharedGroup& g : a.groups) {
      w.begin_object().key("municipalities");
      write_node_refs(w, c.ds, g.municipalities);
      w.key("offices");
      write_node_refs(w, c.ds, g.offices);
      w.end_object();
    }
    w.end_array().key("offices").begin_array();
    for (const SharedOffice& o : a.offices) {
      w.begin_object().key("municipalities");
      write_node_refs(w, c.ds, o.municipalities);
      w.key("office");
      write_node_ref(w, c.ds, o.office);
      w.end_object();
    }
    w.end_array().end_object();
    w.finish();
    c.out << "\n";
    return;
  }
  if (a.offices.empty()) {
    c.out << say(c.said(), "No coordinator office serves more than one municipality{1}.",
                 {units_word(c.ds, c.said(), "")})
          << "\n";
    return;
  }
  c.out << say(c.said(), "{1} coordinator offices serve more than one municipality{2}:",
               {std::to_string(a.offices.size()), units_word(c.ds, c.said(), "")})
        << "\n\n";
  for (const SharedOffice& o : a.offices) {
    std::string served =
        say(c.said(), "{1} municipalities{2}",
            {std::to_string(o.municipalities.size()), units_word(c.ds, c.said(), "")});
    c.out << display_name(c.ds.nodes[o.office], c.lang()) << say(c.said(), " ({1})", {served})
          << "\n";
    c.out << "  " << wrap_to_width(join_names(c, o.municipalities), kAnswerWidth - 2, "  ") << "\n";
  }
  c.out << "\n"
        << say(c.said(), "{1} groups of municipalities tied together by shared offices{2}:",
               {std::to_string(a.groups.size()), units_word(c.ds, c.said(), "")})
        << "\n";
  for (std::size_t i = 0; i < a.groups.size(); ++i) {
    c.out << "  " << i + 1 << ". "
          << wrap_to_width(join_names(c, a.groups[i].municipalities), kAnswerWidth - 5, "     ")
          << "\n";
    c.out << "     "
          << wrap_to_width(say(c.said(), "through {1}", {join_names(c, a.groups[i].offices)}),
                           kAnswerWidth - 5, "     ")
          << "\n";
  }
  c.out << say(c.said(), "\nSource, section 3 (配置先):\n");
  for (const SharedOffice& o : a.offices) {
    c.out << "  " << display_name(c.ds.nodes[o.office], c.lang()) << "\n";
    std::vector<std::size_t>
        placements;  // edges to this office from the towns it serves, in data order
    for (std::size_t m : o.municipalities)
      for (std::size_t k : c.ds.edges_from(m))
        if (c.ds.edges[k].relation == Relation::Coordinator && c.ds.edges[k].to == o.office &&
            c.ds.edges[k].source)
          placements.push_back(k);
    std::sort(placements.begin(), placements.end());
    for (std::size_t k : placements) {
      const Edge& e = c.ds.edges[k];
      c.out << "    " << pad(display_name(c.ds.nodes[e.from], c.lang()), 12) << " "
            << quote_line(*e.source) << "\n";
    }
  }
}

void print_reach(const Reply& c, const ReachQuery& q, const std::vector<Reached>& r) {
  if (c.json) {
    JsonWriter w(c.out);
    w.begin_array();
    for (const Reached& x : r) {
      w.begin_object().member("hops", x.hops).key("node");
      write_node_ref(w, c.ds, x.node);
      w.key("path");
      write_chain(w, c, x.chain);
      w.end_object();
    }
    w.end_array();
    w.finish();
    c.out << "\n";
    return;
  }
  const Node& from = c.ds.nodes[q.from];
  std::string name = display_name(from, c.lang()), n = std::to_string(r.size()),
              via = via_words(q.via, c.said());
  c.out << wrap_to_width(
               r.size() == 1
                   ? (q.directed ? say(c.said(),
                                       "{1} reaches {2} node via {3} (directed); relations only "
                                       "planned are not followed:",
                                       {name, n, via})
                                 : say(c.said(),
                                       "{1} reaches {2} node via {3}; relations only planned are "
                                       "not followed:",
                                       {name, n, via}))
                   : (q.directed ? say(c.said(),
                                       "{1} reaches {2} nodes via {3} (directed); relations only "
                                       "planned are not followed:",
                                       {name, n, via})
                                 : say(c.said(),
                                       "{1} reaches {2} nodes via {3}; relations only planned are "
                                       "not followed:",
                                       {name, n, via})),
               kAnswerWidth, "")
        << "\n";
  std::size_t hops = 0;
  for (const Reached& x : r) {
    if (x.hops != hops) {
      hops = x.hops;
      c.out << "\n"
            << (hops == 1 ? say(c.said(), "{1} hop:", {std::to_string(hops)})
                          : say(c.said(), "{1} hops:", {std::to_string(hops)}))
            << "\n";
    }
    const Node& n = c.ds.nodes[x.node];
    c.out << "  " << display_name(n, c.lang())
          << say(c.said(), "reach|  ({1})", {kind_word(c.ds, n.kind, c.said())}) << "\n";
    c.out << "    " << format_chain(c, x.chain, "    ") << "\n";
  }
  if (r.empty())
    c.out << "  "
          << say(c.said(), "(nothing: no relation of these kinds leads out of {1})",
                 {display_name(from, c.lang())})
          << "\n";
}

void print_path(const Reply& c, std::size_t a, std::size_t b, const Chain& chain) {
  if (c.json) {
    json nodes = json::array({node_ref_json(c.ds, a)}), rels = json::array(), dirs = json::array(),
         ev = json::array();
    for (const Step& s : chain.steps) {
      nodes.push_back(node_ref_json(c.ds, s.node));
      rels.push_back(word(s.relation));
      dirs.push_back(s.forward ? "forward" : "backward");
      ev.push_back(edge_json(c.ds, s.edge));
    }
    print_json(c.out, {{"nodes", nodes}, {"relations", rels}, {"directions", dirs}, {"edges", ev}});
    return;
  }
  c.out << display_name(c.ds.nodes[a], c.lang()) << " → " << display_name(c.ds.nodes[b], c.lang())
        << ": "
        << (chain.steps.size() == 1
                ? say(c.said(), "{1} hop", {std::to_string(chain.steps.size())})
                : say(c.said(), "{1} hops", {std::to_string(chain.steps.size())}))
        << "\n";
  c.out << "  " << format_chain(c, chain, "  ") << "\n\n" << say(c.said(), "because:") << "\n";
  write_chain_sources(c, chain, "  ");
}

void print_metrics(const Reply& c, const MetricsAnswer& m, int top) {
  if (c.json) {
    json nodes = json::array(), cut = json::array(), comps = json::array();
    for (const NodeMetrics& x : m.nodes)
      nodes.push_back({{"node", node_ref_json(c.ds, x.node)},
                       {"degree", x.degree},
                       {"betweenness", x.betweenness}});
    for (std::size_t v : m.articulation_points) cut.push_back(node_ref_json(c.ds, v));
    for (const auto& comp : m.components) {
      json list = json::array();
      for (std::size_t v : comp) list.push_back(node_ref_json(c.ds, v));
      comps.push_back(list);
    }
    print_json(c.out, {{"nodes", nodes}, {"articulation_points", cut}, {"components", comps}});
    return;
  }
  std::size_t rows = top == 0 ? m.nodes.size() : std::min<std::size_t>(top, m.nodes.size());
  c.out << wrap_to_width(
               say(c.said(),
                   "Betweenness: the share of shortest chains between other nodes that pass "
                   "through a node (how much it holds the network together). Degree: how many "
                   "nodes it is tied to. Counted on the support relations ({3}); top {1} of {2}:",
                   {std::to_string(rows), std::to_string(m.nodes.size()), via_words({}, c.said())}),
               kAnswerWidth, "")
        << "\n\n";
  TextTable t({say(c.said(), "betweenness"), say(c.said(), "degree"), say(c.said(), "table|kind"),
               say(c.said(), "table|node")},
              {true, true, false, false});
  for (std::size_t i = 0; i < rows; ++i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", m.nodes[i].betweenness);
    const Node& n = c.ds.nodes[m.nodes[i].node];
    t.add_row({buf, std::to_string(m.nodes[i].degree), label(n.kind, c.said()),
               display_name(n, c.lang())});
  }
  t.write(c.out, kAnswerWidth);
  c.out << say(c.said(), "\nIn the municipality–office graph (coordinator placements):\n");
  std::vector<std::size_t> cut_offices, cut_municipalities;
  for (std::size_t v : m.articulation_points)
    (c.ds.nodes[v].kind == Kind::Office ? cut_offices : cut_municipalities).push_back(v);
  c.out << "  "
        << say(c.said(), "articulation points ({1}; removing one splits the graph)",
               {std::to_string(m.articulation_points.size())})
        << "\n";
  c.out << "    " << say(c.said(), "offices shared between towns:") << "\n      "
        << wrap_to_width(join_names(c, cut_offices), kAnswerWidth - 6, "      ") << "\n";
  c.out << "    "
        << say(c.said(), "municipalities with several offices of their own{1}:",
               {units_word(c.ds, c.said(), "")})
        << "\n      "
        << wrap_to_width(join_names(c, cut_municipalities), kAnswerWidth - 6, "      ") << "\n";
  c.out << "  "
        << say(c.said(), "{1} connected components; those with more than one municipality{2}:",
               {std::to_string(m.components.size()), units_word(c.ds, c.said(), "")})
        << "\n";
  for (const auto& comp : m.components) {
    std::vector<std::size_t> ms;
    for (std::size_t v : comp)
      if (c.ds.nodes[v].kind == Kind::Municipality) ms.push_back(v);
    if (ms.size() < 2) continue;
    c.out << "    " << wrap_to_width(join_names(c, ms), kAnswerWidth - 4, "    ") << "  "
          << say(c.said(), "({1} offices)", {std::to_string(comp.size() - ms.size())}) << "\n";
  }
}

}  // namespace renkei
