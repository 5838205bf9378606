// validate, summary, list, show: the data as it is, as text or JSON.
#include "report/data.h"

#include <algorithm>

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
  c.out << c.ds.origin << ": OK: " << document_citation(c.ds) << "\n";
  c.out << "source quotes: "
        << sources_words(c.ds, report.quotes_checked, report.quotes_anywhere, report.facts_entered,
                         report.source_file, "the dataset names no document.source_file")
        << "\n";
  if (!report.outside_facts_file.empty())
    c.out << "outside facts: " << report.outside_facts_file
          << " (planning regions, municipal codes, office coordinates)\n";
  c.out << "\n";
  TextTable t({"nodes", "count"}, {false, true});
  for (const auto& k : kinds()) t.add_row({k.word, std::to_string(counts.of(k.value))});
  t.add_row({"total", std::to_string(c.ds.nodes.size())});
  t.write(c.out);
  c.out << "\n";
  TextTable r({"edges", "count"}, {false, true});
  for (const auto& k : relations()) r.add_row({k.word, std::to_string(counts.of(k.value))});
  r.add_row({"total", std::to_string(c.ds.edges.size())});
  r.write(c.out);
}

void print_list(const Reply& c, const std::vector<std::size_t>& picked) {
  if (c.json) {
    json arr = json::array();
    for (std::size_t i : picked) arr.push_back(node_json(c.ds, i));
    print_json(c.out, arr);
    return;
  }
  TextTable t({"id", "kind", c.lang() == Lang::En ? "name" : "名称",
               c.lang() == Lang::En ? "region" : "圏域"});
  for (std::size_t i : picked) {
    const Node& n = c.ds.nodes[i];
    std::string region;
    if (n.kind == Kind::Municipality)
      if (auto r = region_of(c.ds, i)) region = display_name(c.ds.nodes[*r], c.lang());
    t.add_row({n.id, word(n.kind), display_name(n, c.lang()), region});
  }
  t.write(c.out);
  c.out << picked.size() << " nodes\n";
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
  Lang lang = c.lang();
  std::ostream& out = c.out;
  out << display_name(n, lang) << "  (" << word(n.kind) << ", id " << n.id << ")\n";
  if (lang == Lang::Ja && !n.name_en.empty()) out << "  romanized: " << n.name_en << "\n";
  if (lang == Lang::En) out << "  Japanese: " << n.name << "\n";
  for (const Alias& a : n.aliases)
    out << "  also written: " << a.name
        << (a.source && (a.source->row || a.source->entered())
                ? "  (" + quote_place(*a.source, Lang::En) + ")"
                : "")
        << "\n";
  if (!n.description.empty()) out << "  what it is: " << n.description << "\n";
  if (!n.note.empty()) out << "  note: " << n.note << "\n";
  if (n.source) out << "  source: " << quote_line(*n.source) << "\n";
  if (n.out_of_area)
    out << "  also helps outside its area when needed: " << quote_line(*n.out_of_area) << "\n";
  if (!n.outside_source.empty()) out << "  outside fact: " << n.outside_source << "\n";
  if (n.kind == Kind::Municipality) {
    out << "  type: " << n.type
        << (n.row ? ", row " + std::to_string(n.row) + " of the source" : ", no row of its own")
        << "\n";
    if (n.facts)
      out << "  [outside fact] code " << n.facts->code << ", office at " << n.facts->lat << ", "
          << n.facts->lng << " — " << n.facts->source << "\n";
    if (n.activity)
      out << "  coordinator activity: " << word(n.activity->status) << " — "
          << quote_line(n.activity->source) << "\n";
    else
      out << "  coordinator activity: not stated in the source\n";
    for (const Source& s : n.challenges) out << "  challenge: " << quote_line(s) << "\n";
    for (const Source& s : n.no_children) out << "  no child to serve: " << quote_line(s) << "\n";
  }
  if (n.kind == Kind::Council) {
    out << "  level: " << word(n.level) << ", status: " << word(n.council_status) << "\n";
    if (n.status_source) out << "    " << quote_line(*n.status_source) << "\n";
    if (n.meetings.empty()) out << "  meetings: none stated in the source\n";
    for (const Meeting& m : n.meetings) {
      std::string months;
      for (const auto& mo : m.months) months += (months.empty() ? "" : ", ") + mo;
      out << "  meeting: " << word(m.status) << (months.empty() ? "" : " " + months)
          << (m.about_children ? "" : " (these children not on the agenda)") << "\n";
      out << "    " << quote_line(m.source) << "\n";
      for (const auto& t : m.topics) out << "    topic: " << t << "\n";
      if (!m.summary.empty()) out << "    discussed: " << m.summary << "\n";
      if (!m.note.empty()) out << "    note: " << m.note << "\n";
    }
  }
  out << "\nrelations (" << edges.size() << "):\n";
  for (std::size_t k : edges) {
    const Edge& e = c.ds.edges[k];
    bool outgoing = e.from == i;
    const Node& other = c.ds.nodes[outgoing ? e.to : e.from];
    std::string rel = word(e.relation);
    if (e.order) rel += " #" + std::to_string(e.order);
    if (e.status != EdgeStatus::Current) rel += " (" + std::string(word(e.status)) + ")";
    if (!e.since.empty()) rel += " since " + since_words(e.since, Lang::En);
    if (!e.date.empty()) rel += " " + e.date;
    out << "  " << (outgoing ? "—" + rel + "→ " : "←" + rel + "— ") << display_name(other, lang)
        << "  [" << other.id << "]\n";
    if (e.source) out << "      " << quote_line(*e.source) << "\n";
    if (!e.outside_source.empty()) out << "      [outside fact] " << e.outside_source << "\n";
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
  std::string types;
  for (const auto& [type, n] : a.types)
    types += (types.empty() ? "" : ", ") + std::to_string(n) + " " + type;
  out << "  " << a.counts.of(Kind::Municipality) << " municipalities"
      << (types.empty() ? "" : " (" + types + ")");
  if (a.counts.of(Kind::Region))
    out << " in " << a.counts.of(Kind::Region) << " planning regions [outside fact]";
  out << "\n";
  out << "  " << a.placements << " coordinator placements at " << a.counts.of(Kind::Office)
      << " offices; " << a.shared_offices.size() << " offices serve more than one municipality:\n";
  for (std::size_t o : a.shared_offices) {
    std::string list;
    for (std::size_t x : a.served.at(o))
      list += (list.empty() ? "" : ", ") + display_name(c.ds.nodes[x], lang);
    out << "    " << display_name(c.ds.nodes[o], lang) << " → " << list << "\n";
  }
  // What the table does not carry is said once as not stated, not counted as zero.
  if (gap_rule_not_applicable(c.ds, GapRule::NoMeeting))
    out << "  councils and their meetings: not stated in this table\n";
  else
    out << "  own councils on these children in " << c.ds.fiscal_year.label << ": " << a.met
        << " met, " << a.planned_only << " only planned, " << a.no_meeting << " did not meet, "
        << a.silent << " not stated or not on the agenda\n";
  if (gap_rule_not_applicable(c.ds, GapRule::InactiveCoordinator))
    out << "  coordinator activity: not stated in this table\n";
  else
    out << "  " << a.without_activity
        << " municipalities' coordinators report no activity (特になし, 対応ケースなし …)\n";
  out << "  " << a.counts.of(Kind::Council) << " councils, " << a.counts.of(Kind::Center)
      << " support centers, " << a.counts.of(Kind::Initiative) << " kinds of initiative\n";
}

}  // namespace renkei
