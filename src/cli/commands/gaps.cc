// gaps, whatif, initiatives: where support is thin, what a closure would do, who to ask.
#include <algorithm>
#include <set>

#include "base/error.h"
#include "base/quoted.h"
#include "base/text.h"
#include "cli/commands.h"
#include "query/queries.h"
#include "report/text_table.h"

namespace renkei {

using nlohmann::json;

namespace {

constexpr std::size_t kWidth = 80;

GapRule parse_rule_arg(const std::string& s) {
  std::vector<std::string> names;
  std::string list;
  for (const auto& r : gap_rules()) {
    if (s == r.name) return r.rule;
    names.push_back(r.name);
    list += (list.empty() ? "" : ", ") + std::string(r.name);
  }
  std::string msg = "unknown rule " + in_quotes(s);
  msg += did_you_mean(s, names);
  throw usage_error(msg + "; rules are " + list);
}

const GapRuleInfo& rule_info(GapRule r) {
  return *std::find_if(gap_rules().begin(), gap_rules().end(),
                       [r](const GapRuleInfo& i) { return i.rule == r; });
}

/// Splits "a,b,c" and resolves each to a node.
std::set<std::size_t> resolve_list(const Context& c, const std::string& s) {
  std::set<std::size_t> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t comma = s.find(',', start);
    std::string item =
        s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (item.empty()) throw usage_error("--remove: an empty name in " + in_quotes(s));
    out.insert(c.names().resolve(item));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

json ids_json(const Context& c, const std::vector<std::size_t>& v) {
  json a = json::array();
  for (std::size_t i : v) a.push_back(node_ref_json(c.ds, i));
  return a;
}

/// One what-if answer; keys in nlohmann's (sorted) order. `rank` is 0 for a single answer.
void write_whatif(JsonWriter& w, NodeRefWriter& refs, const Context& c, const WhatIfAnswer& a,
                  std::size_t rank) {
  w.begin_object().key("affected").begin_array();
  for (const Affected& af : a.affected) {
    w.begin_object().key("evidence").begin_array();  // the source quote of each tie that is lost
    for (std::size_t k : c.ds.edges_from(af.municipality)) {
      const Edge& e = c.ds.edges[k];
      if (e.source && std::count(af.lost.begin(), af.lost.end(), e.to)) write_source(w, *e.source);
    }
    w.end_array().key("lost");
    refs.write_all(w, af.lost);
    w.key("municipality");
    refs.write(w, af.municipality);
    w.key("remaining");
    refs.write_all(w, af.remaining);
    w.end_object();
  }
  w.end_array().key("no_council");
  refs.write_all(w, a.no_council);
  if (rank) w.member("rank", rank);
  w.key("removed");
  refs.write_all(w, a.removed);
  w.key("uncovered");
  refs.write_all(w, a.uncovered);
  w.end_object();
}

}  // namespace

// ---------------------------------------------------------------- gaps

/// The options of `renkei gaps`.
struct GapsOptions {
  std::string rule;
  std::string municipality;
  std::string explain;  ///< --explain RULE
};
void run_gaps(Context& c, const GapsOptions& opt);

Handler setup_gaps(CLI::App& app) {
  auto o = std::make_shared<GapsOptions>();
  app.add_option("--rule", o->rule, "only this rule")->type_name("RULE");
  app.add_option("--municipality", o->municipality, "only this municipality")->type_name("M");
  app.add_option("--explain", o->explain, "print how a rule reads the data, and stop")
      ->type_name("RULE");
  return [o](Context& c) { run_gaps(c, *o); };
}

void run_gaps(Context& c, const GapsOptions& opt) {
  if (!opt.explain.empty()) {
    const GapRuleInfo& r = rule_info(parse_rule_arg(opt.explain));
    if (c.options.json) {
      print_json(c.out, {{"rule", r.name}, {"summary", r.summary}, {"explanation", r.explanation}});
      return;
    }
    c.out << r.name << ": " << r.summary << "\n\n"
          << wrap_to_width(r.explanation, kWidth, "") << "\n";
    return;
  }
  Network net(c.ds);
  std::optional<GapRule> rule;
  if (!opt.rule.empty()) rule = parse_rule_arg(opt.rule);
  std::optional<std::size_t> m;
  if (!opt.municipality.empty()) m = c.names().resolve(opt.municipality, {Kind::Municipality});
  std::vector<Finding> found = find_gaps(net, rule, m);
  if (c.options.json) {
    JsonWriter w(c.out);
    w.begin_array();
    for (const Finding& f : found) {
      w.begin_object();
      if (!f.context.empty()) {  // keys in sorted order, as everywhere
        w.key("context").begin_array();
        for (const Source& s : f.context) write_source(w, s);
        w.end_array();
      }
      w.member("detail", f.detail).key("evidence").begin_array();
      for (const Source& s : f.evidence) write_source(w, s);
      w.end_array().key("municipality");
      write_node_ref(w, c.ds, f.municipality);
      w.member("rule", rule_info(f.rule).name).end_object();
    }
    w.end_array();
    w.finish();
    c.out << "\n";
    return;
  }
  if (found.empty()) {
    c.out << "No gaps found" << (rule ? std::string(" for rule ") + rule_info(*rule).name : "")
          << (m ? " in " + display_name(c.ds.nodes[*m], c.lang()) : "") << ".\n";
    return;
  }
  // Per rule: how many municipalities it hits.
  c.out << wrap_to_width(
               "Coverage gaps: " + std::to_string(found.size()) +
                   " findings. `renkei gaps --explain RULE` says how each rule reads the data.",
               kWidth, "")
        << "\n\n";
  TextTable t({"rule", "municipalities"}, {false, false});
  for (const auto& r : gap_rules()) {
    std::vector<std::size_t> hit;
    for (const Finding& f : found)
      if (f.rule == r.rule) hit.push_back(f.municipality);
    if (!hit.empty()) t.add_row({r.name, std::to_string(hit.size()) + ": " + join_names(c, hit)});
  }
  if (!rule) t.write(c.out, kWidth);  // with one rule the table would only repeat the list below
  std::size_t current = static_cast<std::size_t>(-1);
  for (const Finding& f : found) {
    if (f.municipality != current) {
      current = f.municipality;
      c.out << "\n" << display_name(c.ds.nodes[current], c.lang()) << "\n";
    }
    c.out << "  " << rule_info(f.rule).name << ": "
          << wrap_to_width(f.detail, kWidth - 6 - display_width(rule_info(f.rule).name), "      ")
          << "\n";
    for (const Source& s : f.evidence)
      c.out << "      " << wrap_to_width(quote_line(s), kWidth - 8, "        ") << "\n";
    for (const Source& s : f.context)
      c.out << "      "
            << wrap_to_width("no child to serve: " + quote_line(s), kWidth - 8, "        ") << "\n";
  }
}

// ---------------------------------------------------------------- whatif

/// The options of `renkei whatif`.
struct WhatifOptions {
  std::string remove;  ///< nodes to remove, comma-separated
  std::string each;    ///< --each KIND
};
void run_whatif(Context& c, const WhatifOptions& opt);

Handler setup_whatif(CLI::App& app) {
  auto o = std::make_shared<WhatifOptions>();
  app.add_option("--remove", o->remove, "offices, councils or centers that stop, comma-separated")
      ->type_name("NODE[,NODE...]");
  app.add_option("--each", o->each,
                 "remove each node of this kind in turn and rank them (e.g. office)")
      ->type_name("KIND");
  return [o](Context& c) { run_whatif(c, *o); };
}

void run_whatif(Context& c, const WhatifOptions& opt) {
  if (opt.remove.empty() == opt.each.empty())
    throw usage_error("whatif: give either --remove NODE[,NODE...] or --each KIND");
  if (!opt.each.empty()) {
    Kind kind = parse_kind_arg(opt.each);
    if (kind == Kind::Municipality || kind == Kind::Region || kind == Kind::Initiative)
      throw usage_error(std::string("whatif --each: removing each ") + word(kind) +
                        " says nothing about coverage; use office, council or center");
    std::vector<WhatIfAnswer> all = what_if_each(c.ds, kind);
    if (c.options.json) {
      JsonWriter w(c.out);
      w.begin_array();
      NodeRefWriter refs(c.ds);
      for (std::size_t i = 0; i < all.size(); ++i) write_whatif(w, refs, c, all[i], i + 1);
      w.end_array();
      w.finish();
      c.out << "\n";
      return;
    }
    c.out << wrap_to_width(std::string("Removing each ") + word(kind) +
                               " in turn, ranked by how many municipalities it would leave with no "
                               "coordinator office "
                               "(uncovered), then by how many lose something:",
                           kWidth, "")
          << "\n\n";
    TextTable t({"rank", "uncovered", "affected", word(kind)}, {true, true, true, false});
    for (std::size_t i = 0; i < all.size(); ++i) {
      std::string name = display_name(c.ds.nodes[all[i].removed[0]], c.lang());
      if (!all[i].uncovered.empty()) name += " → " + join_names(c, all[i].uncovered);
      t.add_row({std::to_string(i + 1), std::to_string(all[i].uncovered.size()),
                 std::to_string(all[i].affected.size()), name});
    }
    t.write(c.out, kWidth);
    return;
  }
  std::set<std::size_t> removed = resolve_list(c, opt.remove);
  for (std::size_t r : removed) {
    Kind k = c.ds.nodes[r].kind;
    if (k != Kind::Office && k != Kind::Council && k != Kind::Center)
      throw usage_error("whatif --remove: " + in_quotes(c.ds.nodes[r].name) + " is a " + word(k) +
                        "; only offices, councils and centers can stop");
  }
  WhatIfAnswer a = what_if_removed(c.ds, removed);
  if (c.options.json) {
    JsonWriter w(c.out);
    NodeRefWriter refs(c.ds);
    write_whatif(w, refs, c, a, 0);
    w.finish();
    c.out << "\n";
    return;
  }
  c.out << "If " << join_names(c, a.removed) << " stop" << (a.removed.size() == 1 ? "s" : "")
        << ":\n";
  bool offices_removed = false;
  for (std::size_t r : a.removed) offices_removed |= c.ds.nodes[r].kind == Kind::Office;
  if (offices_removed)
    c.out << "  left with no coordinator office: "
          << (a.uncovered.empty() ? "none" : join_names(c, a.uncovered)) << "\n";
  if (!a.no_council.empty())
    c.out << "  left with no council: " << join_names(c, a.no_council) << "\n";
  c.out << "  municipalities that lose something: " << a.affected.size() << "\n";
  for (const Affected& af : a.affected) {
    c.out << "\n  " << display_name(c.ds.nodes[af.municipality], c.lang()) << "\n";
    c.out << "    loses:     "
          << wrap_to_width(join_names(c, af.lost), kWidth - 15, "               ") << "\n";
    c.out << "    still has: "
          << (af.remaining.empty()
                  ? "nothing (no other office, council or center of that kind)"
                  : wrap_to_width(join_names(c, af.remaining), kWidth - 15, "               "))
          << "\n";
    for (std::size_t k : c.ds.edges_from(af.municipality)) {
      const Edge& e = c.ds.edges[k];
      if (removed.count(e.to) && e.source)
        c.out << "    " << wrap_to_width(quote_line(*e.source), kWidth - 6, "      ") << "\n";
    }
  }
}

// ---------------------------------------------------------------- initiatives

/// The options of `renkei initiatives`.
struct InitiativesOptions {
  std::vector<std::string> positional;
};
void run_initiatives(Context& c, const InitiativesOptions& opt);

Handler setup_initiatives(CLI::App& app) {
  auto o = std::make_shared<InitiativesOptions>();
  app.add_option("INITIATIVE", o->positional,
                 "one kind of work (id or name), e.g. evacuation-drill or 避難訓練")
      ->expected(0, 1);
  return [o](Context& c) { run_initiatives(c, *o); };
}

void run_initiatives(Context& c, const InitiativesOptions& opt) {
  Network net(c.ds);
  std::optional<std::size_t> only;
  if (!opt.positional.empty()) only = c.names().resolve(opt.positional[0], {Kind::Initiative});
  std::vector<InitiativeStatus> all = initiatives(net, only);
  if (c.options.json) {
    json arr = json::array();
    for (const InitiativeStatus& s : all) {
      json sugg = json::array();
      for (const auto& g : s.suggestions) {
        json ask = json::array();
        for (std::size_t k : g.ask_edges) {
          const Edge& e = c.ds.edges[k];
          json x = {{"municipality", node_ref_json(c.ds, e.from)}, {"status", word(e.status)}};
          if (!e.date.empty()) x["date"] = e.date;
          if (e.source) x["source"] = source_json(*e.source);
          ask.push_back(x);
        }
        sugg.push_back({{"municipality", node_ref_json(c.ds, g.municipality)},
                        {"wants", word(g.wants)},
                        {"ask", ask}});
      }
      arr.push_back({{"initiative", node_ref_json(c.ds, s.initiative)},
                     {"done", ids_json(c, s.done)},
                     {"ongoing", ids_json(c, s.ongoing)},
                     {"planned", ids_json(c, s.planned)},
                     {"considering", ids_json(c, s.considering)},
                     {"ask", sugg}});
    }
    print_json(c.out, arr);
    return;
  }
  for (const InitiativeStatus& s : all) {
    const Node& n = c.ds.nodes[s.initiative];
    c.out << display_name(n, c.lang()) << "  (" << n.id << ")\n";
    auto line = [&](const char* label, const std::vector<std::size_t>& v) {
      if (!v.empty())
        c.out << "  " << pad(label, 12)
              << wrap_to_width(join_names(c, v), kWidth - 14, std::string(14, ' ')) << "\n";
    };
    line("done", s.done);
    line("ongoing", s.ongoing);
    line("planned", s.planned);
    line("considering", s.considering);
    for (const auto& g : s.suggestions) {
      c.out << "  → " << display_name(c.ds.nodes[g.municipality], c.lang()) << " " << word(g.wants)
            << " it; ask:\n";
      for (std::size_t k : g.ask_edges) {
        const Edge& e = c.ds.edges[k];
        c.out << "      " << display_name(c.ds.nodes[e.from], c.lang()) << " (" << word(e.status)
              << (e.date.empty() ? "" : " " + e.date) << ")";
        c.out << "\n";
        if (e.source)
          c.out << "        " << wrap_to_width(quote_line(*e.source), kWidth - 10, "          ")
                << "\n";
      }
    }
    if (&s != &all.back()) c.out << "\n";
  }
}

}  // namespace renkei
