// gaps, whatif, initiatives: where support is thin, what a closure would do, who to ask.
#include "report/gaps.h"

#include <algorithm>

#include "base/say.h"
#include "base/text.h"
#include "formats/node_json.h"
#include "model/facts.h"
#include "report/text_table.h"

namespace renkei {

using nlohmann::json;

namespace {

json ids_json(const Reply& c, const std::vector<std::size_t>& v) {
  json a = json::array();
  for (std::size_t i : v) a.push_back(node_ref_json(c.ds, i));
  return a;
}

/// One what-if answer; keys in nlohmann's (sorted) order. `rank` is 0 for a single answer.
void write_whatif(JsonWriter& w, NodeRefWriter& refs, const Reply& c, const WhatIfAnswer& a,
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
  if (!a.out_of_area_help.empty()) {  // only where the source states such help
    w.key("only_out_of_area_help");
    refs.write_all(w, a.only_out_of_area);
    w.key("out_of_area_help");
    refs.write_all(w, a.out_of_area_help);
  }
  if (rank) w.member("rank", rank);
  w.key("removed");
  refs.write_all(w, a.removed);
  w.key("uncovered");
  refs.write_all(w, a.uncovered);
  w.end_object();
}

}  // namespace

void print_rule_explanation(const Reply& c, const GapRuleInfo& r) {
  std::optional<std::string> why_not = gap_rule_not_applicable(c.ds, r.rule);
  if (c.json) {
    json j = {{"rule", r.name},
              {"summary", r.summary},
              {"explanation", r.explanation},
              {"applies", !why_not}};
    if (why_not) j["not_applicable_because"] = *why_not;
    print_json(c.out, j);
    return;
  }
  c.out << r.name << ": " << say(c.said(), r.summary) << "\n\n"
        << wrap_to_width(say(c.said(), r.explanation), kAnswerWidth, "") << "\n\n"
        << wrap_to_width(why_not ? say(c.said(), "Does not apply to {1}: {2}.",
                                       {document_citation(c.ds), *why_not})
                                 : say(c.said(), "Applies to {1}.", {document_citation(c.ds)}),
                         kAnswerWidth, "")
        << "\n";
}

void print_rules_applicable(const Reply& c) {
  if (c.json) {
    json arr = json::array();
    for (const GapRuleInfo& r : gap_rules()) {
      std::optional<std::string> why_not = gap_rule_not_applicable(c.ds, r.rule);
      json j = {{"rule", r.name}, {"summary", r.summary}, {"applies", !why_not}};
      if (why_not) j["not_applicable_because"] = *why_not;
      arr.push_back(j);
    }
    print_json(c.out, arr);
    return;
  }
  c.out << wrap_to_width(say(c.said(),
                             "Gap rules on {1} (`renkei gaps --explain RULE` says how each reads "
                             "the data):",
                             {document_citation(c.ds)}),
                         kAnswerWidth, "")
        << "\n\n";
  TextTable t({say(c.said(), "rule"), say(c.said(), "applies"),
               say(c.said(), "what it finds, or why it does not apply")},
              {false, false, false});
  for (const GapRuleInfo& r : gap_rules()) {
    std::optional<std::string> why_not = gap_rule_not_applicable(c.ds, r.rule);
    t.add_row({r.name, why_not ? say(c.said(), "no") : say(c.said(), "yes"),
               why_not ? *why_not : say(c.said(), r.summary)});
  }
  t.write(c.out, kAnswerWidth);
}

/// The rules this dataset cannot support, once each, after the findings.
static void print_not_applicable(const Reply& c, std::optional<GapRule> only) {
  bool first = true;
  for (const GapRuleInfo& r : gap_rules()) {
    if (only && *only != r.rule) continue;
    std::optional<std::string> why_not = gap_rule_not_applicable(c.ds, r.rule);
    if (!why_not) continue;
    if (first)
      c.out << say(c.said(), "\nNot applicable to this table (nothing is found by these rules):\n");
    first = false;
    c.out << "  " << r.name << ": "
          << wrap_to_width(*why_not, kAnswerWidth - 4 - display_width(r.name), "    ") << "\n";
  }
}

void print_gaps(const Reply& c, const std::vector<Finding>& found, std::optional<GapRule> rule,
                std::optional<std::size_t> m) {
  if (c.json) {
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
      w.member("rule", gap_rule_info(f.rule).name).end_object();
    }
    w.end_array();
    w.finish();
    c.out << "\n";
    return;
  }
  if (found.empty()) {
    std::string name = m ? display_name(c.ds.nodes[*m], c.lang()) : "";
    c.out << (rule && m ? say(c.said(), "No gaps found for rule {1} in {2}.",
                              {gap_rule_info(*rule).name, name})
              : rule    ? say(c.said(), "No gaps found for rule {1}.", {gap_rule_info(*rule).name})
              : m       ? say(c.said(), "No gaps found in {1}.", {name})
                        : say(c.said(), "No gaps found."))
          << "\n";
    print_not_applicable(c, rule);
    return;
  }
  // Per rule: how many municipalities it hits.
  c.out << wrap_to_width(
               say(c.said(),
                   "Coverage gaps: {1} findings. `renkei gaps --explain RULE` says how each rule "
                   "reads the data.",
                   {std::to_string(found.size())}),
               kAnswerWidth, "")
        << "\n\n";
  TextTable t({say(c.said(), "rule"), units_word(c.ds, c.said(), "municipalities")},
              {false, false});
  for (const auto& r : gap_rules()) {
    std::vector<std::size_t> hit;
    for (const Finding& f : found)
      if (f.rule == r.rule) hit.push_back(f.municipality);
    if (!hit.empty()) t.add_row({r.name, std::to_string(hit.size()) + ": " + join_names(c, hit)});
  }
  if (!rule)
    t.write(c.out, kAnswerWidth);  // with one rule the table would only repeat the list below
  std::size_t current = static_cast<std::size_t>(-1);
  for (const Finding& f : found) {
    if (f.municipality != current) {
      current = f.municipality;
      c.out << "\n" << display_name(c.ds.nodes[current], c.lang()) << "\n";
    }
    c.out << "  " << gap_rule_info(f.rule).name << ": "
          << wrap_to_width(f.detail, kAnswerWidth - 6 - display_width(gap_rule_info(f.rule).name),
                           "      ")
          << "\n";
    for (const Source& s : f.evidence)
      c.out << "      " << wrap_to_width(quote_line(s), kAnswerWidth - 8, "        ") << "\n";
    for (const Source& s : f.context)
      c.out << "      "
            << wrap_to_width(say(c.said(), "no child to serve: {1}", {quote_line(s)}),
                             kAnswerWidth - 8, "        ")
            << "\n";
  }
  print_not_applicable(c, rule);
}

void print_whatif_each(const Reply& c, Kind kind, const std::vector<WhatIfAnswer>& all) {
  if (c.json) {
    JsonWriter w(c.out);
    w.begin_array();
    NodeRefWriter refs(c.ds);
    for (std::size_t i = 0; i < all.size(); ++i) write_whatif(w, refs, c, all[i], i + 1);
    w.end_array();
    w.finish();
    c.out << "\n";
    return;
  }
  const std::string kind_name = kind_word(c.ds, kind, c.said());
  c.out << wrap_to_width(say(c.said(),
                             "Removing each {1} in turn, ranked by how many {2} it would leave "
                             "with no coordinator office (uncovered), then by how many lose "
                             "something:",
                             {kind_name, units_word(c.ds, c.said(), "municipalities")}),
                         kAnswerWidth, "")
        << "\n\n";
  TextTable t(
      {say(c.said(), "rank"), say(c.said(), "uncovered"), say(c.said(), "affected"), kind_name},
      {true, true, true, false});
  for (std::size_t i = 0; i < all.size(); ++i) {
    std::string name = display_name(c.ds.nodes[all[i].removed[0]], c.lang());
    if (!all[i].uncovered.empty()) name += " → " + join_names(c, all[i].uncovered);
    t.add_row({std::to_string(i + 1), std::to_string(all[i].uncovered.size()),
               std::to_string(all[i].affected.size()), name});
  }
  t.write(c.out, kAnswerWidth);
}

void print_whatif(const Reply& c, const WhatIfAnswer& a, const std::set<std::size_t>& removed) {
  if (c.json) {
    JsonWriter w(c.out);
    NodeRefWriter refs(c.ds);
    write_whatif(w, refs, c, a, 0);
    w.finish();
    c.out << "\n";
    return;
  }
  c.out << (a.removed.size() == 1 ? say(c.said(), "If {1} stops:", {join_names(c, a.removed)})
                                  : say(c.said(), "If {1} stop:", {join_names(c, a.removed)}))
        << "\n";
  const std::string units = units_word(c.ds, c.said(), "");
  bool offices_removed = false;
  for (std::size_t r : a.removed) offices_removed |= c.ds.nodes[r].kind == Kind::Office;
  if (offices_removed)
    c.out << "  "
          << say(c.said(), "left with no coordinator office of their own{2}: {1}",
                 {a.uncovered.empty() ? say(c.said(), "none") : join_names(c, a.uncovered), units})
          << "\n";
  if (!a.only_out_of_area.empty()) {
    c.out << "    "
          << wrap_to_width(say(c.said(),
                               "of which left with only help from outside their area, when "
                               "needed: {1}",
                               {join_names(c, a.only_out_of_area)}),
                           kAnswerWidth - 4, "      ")
          << "\n      "
          << wrap_to_width(say(c.said(), "({1} also help outside their area: {2})",
                               {join_names(c, a.out_of_area_help),
                                quote_line(*c.ds.nodes[a.out_of_area_help.front()].out_of_area)}),
                           kAnswerWidth - 6, "      ")
          << "\n";
  }
  if (!a.no_council.empty())
    c.out << "  "
          << say(c.said(), "left with no council{2}: {1}", {join_names(c, a.no_council), units})
          << "\n";
  c.out << "  "
        << say(c.said(), "{2} that lose something: {1}",
               {std::to_string(a.affected.size()), units_word(c.ds, c.said(), "municipalities")})
        << "\n";
  for (const Affected& af : a.affected) {
    c.out << "\n  " << display_name(c.ds.nodes[af.municipality], c.lang()) << "\n";
    c.out << "    " << pad(say(c.said(), "loses:"), 11)
          << wrap_to_width(join_names(c, af.lost), kAnswerWidth - 15, "               ") << "\n";
    bool helped =
        std::count(a.only_out_of_area.begin(), a.only_out_of_area.end(), af.municipality) > 0;
    c.out << "    " << pad(say(c.said(), "still has:"), 11)
          << (!af.remaining.empty()
                  ? wrap_to_width(join_names(c, af.remaining), kAnswerWidth - 15, "               ")
              : helped ? wrap_to_width(say(c.said(), "only help from outside their area: {1}",
                                           {join_names(c, a.out_of_area_help)}),
                                       kAnswerWidth - 15, "               ")
                       : say(c.said(), "nothing (no other office, council or center of that kind)"))
          << "\n";
    for (std::size_t k : c.ds.edges_from(af.municipality)) {
      const Edge& e = c.ds.edges[k];
      if (removed.count(e.to) && e.source)
        c.out << "    " << wrap_to_width(quote_line(*e.source), kAnswerWidth - 6, "      ") << "\n";
    }
  }
}

void print_initiatives(const Reply& c, const std::vector<InitiativeStatus>& all) {
  if (c.json) {
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
    auto line = [&](const std::string& label, const std::vector<std::size_t>& v) {
      if (!v.empty())
        c.out << "  " << pad(label, 12)
              << wrap_to_width(join_names(c, v), kAnswerWidth - 14, std::string(14, ' ')) << "\n";
    };
    line(status_words(c.said(), EdgeStatus::Done), s.done);
    line(status_words(c.said(), EdgeStatus::Ongoing), s.ongoing);
    line(status_words(c.said(), EdgeStatus::Planned), s.planned);
    line(status_words(c.said(), EdgeStatus::Considering), s.considering);
    for (const auto& g : s.suggestions) {
      c.out << "  → "
            << say(c.said(), "{1} {2} it; ask:",
                   {display_name(c.ds.nodes[g.municipality], c.lang()),
                    status_words(c.said(), g.wants)})
            << "\n";
      for (std::size_t k : g.ask_edges) {
        const Edge& e = c.ds.edges[k];
        std::string when = e.date.empty() ? "" : " " + date_words(c.ds, e.date, c.said());
        c.out << "      " << display_name(c.ds.nodes[e.from], c.lang())
              << say(c.said(), " ({1})", {status_words(c.said(), e.status) + when});
        c.out << "\n";
        if (e.source)
          c.out << "        "
                << wrap_to_width(quote_line(*e.source), kAnswerWidth - 10, "          ") << "\n";
      }
    }
    if (&s != &all.back()) c.out << "\n";
  }
}

}  // namespace renkei
