// validate, summary, list, show: the data as it is, as text or JSON.
#include "report/data.h"

#include <sstream>

#include <algorithm>

#include "base/say.h"
#include "base/text.h"
#include "formats/node_json.h"
#include "query/queries.h"
#include "report/text_table.h"

namespace renkei {

using nlohmann::json;

void print_validate(const Reply& c, const Counts& counts, const LoadReport& report) {
  if (c.json) {
    json nodes = json::object(), edges = json::object();
    for (const auto& t : kinds()) nodes[t.word] = counts.of(t.value);
    for (const auto& t : relations()) edges[t.word] = counts.of(t.value);
    print_json(c.out, {{"file", c.ds.origin},
                       {"nodes", nodes},
                       {"edges", edges},
                       {"quotes_checked", report.quotes_checked},
                       {"quotes_checked_by_cell", report.quotes_checked - report.quotes_anywhere},
                       {"facts_entered", report.facts_entered},
                       {"source_file", report.source_file},
                       {"outside_facts", report.outside_facts_file}});
    return;
  }
  c.out << say(c.said(), "{1}: OK: {2}", {c.ds.origin, document_citation(c.ds)}) << "\n";
  c.out << say(c.said(), "source quotes: {1}",
               {sources_words(c.ds, report.quotes_checked, report.quotes_anywhere,
                              report.facts_entered, report.source_file,
                              N_("the dataset names no document.source_file"))})
        << "\n";
  if (!report.outside_facts_file.empty())
    c.out << say(c.said(),
                 "outside facts: {1} (planning regions, municipal codes, office "
                 "coordinates)",
                 {report.outside_facts_file})
          << "\n";
  c.out << "\n";
  TextTable t({say(c.said(), "nodes"), say(c.said(), "count")}, {false, true});
  for (const auto& k : kinds()) t.add_row({label(k, c.said()), std::to_string(counts.of(k.value))});
  t.add_row({say(c.said(), "table|total"), std::to_string(c.ds.nodes.size())});
  t.write(c.out);
  c.out << "\n";
  TextTable r({say(c.said(), "edges"), say(c.said(), "count")}, {false, true});
  for (const auto& k : relations())
    r.add_row({label(k, c.said()), std::to_string(counts.of(k.value))});
  r.add_row({say(c.said(), "table|total"), std::to_string(c.ds.edges.size())});
  r.write(c.out);
}

void print_list(const Reply& c, const std::vector<std::size_t>& picked) {
  if (c.json) {
    json arr = json::array();
    for (std::size_t i : picked) arr.push_back(node_json(c.ds, i));
    print_json(c.out, arr);
    return;
  }
  TextTable t({"id", say(c.said(), "table|kind"), say(c.said(), "table|name"),
               say(c.said(), "table|region")});
  for (std::size_t i : picked) {
    const Node& n = c.ds.nodes[i];
    std::string region;
    if (n.kind == Kind::Municipality)
      if (auto r = region_of(c.ds, i)) region = display_name(c.ds.nodes[*r], c.lang());
    t.add_row({n.id, label(n.kind, c.said()), display_name(n, c.lang()), region});
  }
  t.write(c.out);
  c.out << say(c.said(), "{1} nodes", {std::to_string(picked.size())}) << "\n";
}

void print_show(const Reply& c, std::size_t i, const std::vector<std::size_t>& edges) {
  const Node& n = c.ds.nodes[i];
  if (c.json) {
    json arr = json::array();
    for (std::size_t k : edges) {
      json e = edge_json(c.ds, k);
      e["direction"] = c.ds.edges[k].from == i ? "out" : "in";
      arr.push_back(e);
    }
    print_json(c.out, {{"node", node_json(c.ds, i)}, {"edges", arr}});
    return;
  }
  Lang lang = c.lang(), W = c.said();  // names, sentences
  std::ostream& out = c.out;
  auto line = [&](const char* label, const std::string& value) {
    out << "  " << say(W, label, {value}) << "\n";
  };
  out << display_name(n, lang) << "  " << say(W, "({1}, id {2})", {label(n.kind, W), n.id}) << "\n";
  if (lang == Lang::Ja && !n.name_en.empty()) line(N_("romanized: {1}"), n.name_en);
  if (lang == Lang::En) line(N_("Japanese: {1}"), n.name);
  for (const Alias& a : n.aliases)
    line(N_("also written: {1}"), a.name + (a.source && (a.source->row || a.source->entered())
                                                ? "  (" + quote_place(*a.source, W) + ")"
                                                : ""));
  if (!n.description.empty()) line(N_("what it is: {1}"), n.description);
  if (!n.note.empty()) line(N_("note: {1}"), n.note);
  if (n.source) line(N_("source: {1}"), quote_line(*n.source));
  if (n.out_of_area)
    line(N_("also helps outside its area when needed: {1}"), quote_line(*n.out_of_area));
  if (!n.outside_source.empty()) line(N_("outside fact: {1}"), n.outside_source);
  if (n.kind == Kind::Municipality) {
    out << "  "
        << (n.row ? say(W, "type: {1}, row {2} of the source", {n.type, std::to_string(n.row)})
                  : say(W, "type: {1}, no row of its own", {n.type}))
        << "\n";
    if (n.facts) {
      std::ostringstream at;
      at << n.facts->lat << ", " << n.facts->lng;
      out << "  "
          << say(W, "[outside fact] code {1}, office at {2} — {3}",
                 {n.facts->code, at.str(), n.facts->source})
          << "\n";
    }
    if (n.activity)
      out << "  "
          << say(W, "coordinator activity: {1} — {2}",
                 {label(n.activity->status, W), quote_line(n.activity->source)})
          << "\n";
    else
      out << "  " << say(W, "coordinator activity: not stated in the source") << "\n";
    for (const Source& s : n.challenges) line(N_("challenge: {1}"), quote_line(s));
    for (const Source& s : n.no_children) line(N_("no child to serve: {1}"), quote_line(s));
  }
  if (n.kind == Kind::Council) {
    out << "  " << say(W, "level: {1}, status: {2}", {word(n.level), word(n.council_status)})
        << "\n";
    if (n.status_source) out << "    " << quote_line(*n.status_source) << "\n";
    if (n.meetings.empty()) out << "  " << say(W, "meetings: none stated in the source") << "\n";
    for (const Meeting& m : n.meetings) {
      std::string months;
      for (const auto& mo : m.months) months += (months.empty() ? "" : ", ") + mo;
      std::string what = std::string(word(m.status)) + (months.empty() ? "" : " " + months);
      out << "  "
          << (m.about_children ? say(W, "meeting: {1}", {what})
                               : say(W, "meeting: {1} (these children not on the agenda)", {what}))
          << "\n";
      out << "    " << quote_line(m.source) << "\n";
      for (const auto& t : m.topics) out << "    " << say(W, "topic: {1}", {t}) << "\n";
      if (!m.summary.empty()) out << "    " << say(W, "discussed: {1}", {m.summary}) << "\n";
      if (!m.note.empty()) out << "    " << say(W, "note: {1}", {m.note}) << "\n";
    }
  }
  out << "\n" << say(W, "relations ({1}):", {std::to_string(edges.size())}) << "\n";
  for (std::size_t k : edges) {
    const Edge& e = c.ds.edges[k];
    bool outgoing = e.from == i;
    const Node& other = c.ds.nodes[outgoing ? e.to : e.from];
    std::string rel = label(e.relation, W);
    if (e.order) rel += " #" + std::to_string(e.order);
    if (e.status != EdgeStatus::Current) rel += say(W, " ({1})", {status_words(W, e.status)});
    if (!e.since.empty()) rel += say(W, " since {1}", {date_words(c.ds, e.since, W)});
    if (!e.date.empty()) rel += " " + e.date;
    out << "  " << (outgoing ? "—" + rel + "→ " : "←" + rel + "— ") << display_name(other, lang)
        << "  [" << other.id << "]\n";
    if (e.source) out << "      " << quote_line(*e.source) << "\n";
    if (!e.outside_source.empty())
      out << "      " << say(W, "[outside fact] ") << e.outside_source << "\n";
  }
}

void print_summary(const Reply& c, const SummaryAnswer& a) {
  Lang lang = c.lang();
  if (c.json) {
    json sh = json::array();
    for (std::size_t o : a.shared_offices) {
      json m = json::array();
      for (std::size_t x : a.served.at(o)) m.push_back(node_ref_json(c.ds, x));
      sh.push_back({{"office", node_ref_json(c.ds, o)}, {"municipalities", m}});
    }
    print_json(c.out, {{"municipalities", a.counts.of(Kind::Municipality)},
                       {"regions", a.counts.of(Kind::Region)},
                       {"coordinator_placements", a.placements},
                       {"offices", a.counts.of(Kind::Office)},
                       {"shared_offices", sh},
                       {"own_council_met", a.met},
                       {"own_council_planned_only", a.planned_only},
                       {"own_council_no_meeting", a.no_meeting},
                       {"own_council_no_meeting_stated", a.silent},
                       {"coordinators_without_activity", a.without_activity}});
    return;
  }
  std::ostream& out = c.out;
  out << document_citation(c.ds) << "\n\n";
  const Lang L = c.said();
  auto n_of = [&](Kind k) { return std::to_string(a.counts.of(k)); };
  std::string types;
  for (const auto& [type, n] : a.types)
    types += (types.empty() ? "" : say(L, "list|, ")) +
             say(L, "count|{1} {2}", {std::to_string(n), type});
  out << "  "
      << say(L, "{1} municipalities{2}", {n_of(Kind::Municipality), units_word(c.ds, L, "")})
      << (types.empty() ? "" : say(L, " ({1})", {types}));
  if (a.counts.of(Kind::Region))
    out << say(L, " in {1} planning regions [outside fact]", {n_of(Kind::Region)});
  out << "\n";
  out << "  "
      << say(L,
             "{1} coordinator placements at {2} offices; {3} offices serve more than one "
             "municipality{4}:",
             {std::to_string(a.placements), n_of(Kind::Office),
              std::to_string(a.shared_offices.size()), units_word(c.ds, L, "")})
      << "\n";
  for (std::size_t o : a.shared_offices) {
    std::string list;
    for (std::size_t x : a.served.at(o))
      list += (list.empty() ? "" : say(L, "list|, ")) + display_name(c.ds.nodes[x], lang);
    out << "    " << display_name(c.ds.nodes[o], lang) << " → " << list << "\n";
  }
  // What the table does not carry is said once as not stated, not counted as zero.
  if (gap_rule_not_applicable(c.ds, GapRule::NoMeeting))
    out << "  " << say(L, "councils and their meetings: not stated in this table") << "\n";
  else
    out << "  "
        << wrap_to_width(
               say(L,
                   "own councils on these children in {1}: {2} met, {3} only planned, {4} did "
                   "not meet, {5} not stated or not on the agenda",
                   {c.ds.fiscal_year.label, std::to_string(a.met), std::to_string(a.planned_only),
                    std::to_string(a.no_meeting), std::to_string(a.silent)}),
               kAnswerWidth - 2, "    ")
        << "\n";
  if (gap_rule_not_applicable(c.ds, GapRule::InactiveCoordinator))
    out << "  " << say(L, "coordinator activity: not stated in this table") << "\n";
  else
    out << "  "
        << say(L,
               "{1} municipalities' coordinators report no activity (特になし, 対応ケースなし "
               "…){2}",
               {std::to_string(a.without_activity), units_word(c.ds, L, "")})
        << "\n";
  out << "  "
      << say(L, "{1} councils, {2} support centers, {3} kinds of initiative",
             {n_of(Kind::Council), n_of(Kind::Center), n_of(Kind::Initiative)})
      << "\n";
}

}  // namespace renkei
