// validate, summary, list, show: the commands that present the data as it is.
#include <algorithm>
#include <map>

#include "base/error.h"
#include "base/quoted.h"
#include "base/text.h"
#include "cli/commands.h"
#include "report/text_table.h"

namespace renkei {

using nlohmann::json;

void print_json(std::ostream& out, const json& j) {
  out << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

Kind parse_kind_arg(const std::string& s) {
  if (auto k = parse_term(kinds(), s)) return *k;
  std::vector<std::string> words;
  for (const auto& t : kinds()) words.push_back(t.word);
  throw usage_error("unknown kind " + in_quotes(s) + did_you_mean(s, words) + "; kinds are " +
                    term_list(kinds()));
}

CLI::Validator whole_number() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        bool digits = !s.empty() && s.size() <= 6 && std::all_of(s.begin(), s.end(), [](char ch) {
          return ch >= '0' && ch <= '9';
        });
        return digits ? "" : in_quotes(s) + " is not a non-negative whole number";
      },
      "");
}

std::string quote_line(const Source& s) {
  return "row " + std::to_string(s.row) + " §" + s.section + " 「" + s.text + "」";
}

std::string join_names(const Context& c, const std::vector<std::size_t>& nodes) {
  std::string s;
  for (std::size_t i : nodes) s += (s.empty() ? "" : "、") + display_name(c.ds.nodes[i], c.lang());
  return s;
}

std::vector<Relation> parse_relations_arg(const std::string& s) {
  std::vector<Relation> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t comma = s.find(',', start);
    std::string w = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (auto r = parse_term(relations(), w)) {
      out.push_back(*r);
    } else {
      std::vector<std::string> words;
      for (const auto& t : relations()) words.push_back(t.word);
      std::string msg = "unknown relation " + in_quotes(w);
      msg += did_you_mean(w, words);
      throw usage_error(msg + "; relations are " + term_list(relations()));
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

namespace {

std::map<Kind, std::size_t> count_kinds(const Dataset& ds) {
  std::map<Kind, std::size_t> c;
  for (const Node& n : ds.nodes) ++c[n.kind];
  return c;
}
std::map<Relation, std::size_t> count_relations(const Dataset& ds) {
  std::map<Relation, std::size_t> c;
  for (const Edge& e : ds.edges) ++c[e.relation];
  return c;
}

}  // namespace

void run_validate(Context& c);

Handler setup_validate(CLI::App&) {
  return [](Context& c) { run_validate(c); };
}

void run_validate(Context& c) {
  auto nk = count_kinds(c.ds);
  auto er = count_relations(c.ds);
  if (c.options.json) {
    json nodes = json::object(), edges = json::object();
    for (const auto& t : kinds()) nodes[t.word] = nk[t.value];
    for (const auto& t : relations()) edges[t.word] = er[t.value];
    print_json(c.out, {{"file", c.ds.origin},
                       {"nodes", nodes},
                       {"edges", edges},
                       {"quotes_checked", c.report.quotes_checked},
                       {"source_file", c.report.source_file},
                       {"outside_facts", c.report.outside_facts_file}});
    return;
  }
  c.out << c.ds.origin << ": OK: " << document_citation(c.ds) << "\n";
  if (c.report.source_file.empty())
    c.out << "source quotes: not checked (the dataset names no document.source_file)\n";
  else
    c.out << "source quotes: " << c.report.quotes_checked
          << " checked, each in its row and section of " << c.report.source_file << "\n";
  if (!c.report.outside_facts_file.empty())
    c.out << "outside facts: " << c.report.outside_facts_file
          << " (planning regions, municipal codes, office coordinates)\n";
  c.out << "\n";
  TextTable t({"nodes", "count"}, {false, true});
  for (const auto& k : kinds()) t.add_row({k.word, std::to_string(nk[k.value])});
  t.add_row({"total", std::to_string(c.ds.nodes.size())});
  t.write(c.out);
  c.out << "\n";
  TextTable r({"edges", "count"}, {false, true});
  for (const auto& k : relations()) r.add_row({k.word, std::to_string(er[k.value])});
  r.add_row({"total", std::to_string(c.ds.edges.size())});
  r.write(c.out);
}

/// The options of `renkei list`.
struct ListOptions {
  std::string kind;
};
void run_list(Context& c, const ListOptions& opt);

Handler setup_list(CLI::App& app) {
  auto o = std::make_shared<ListOptions>();
  app.add_option("KIND", o->kind, "only nodes of this kind: " + term_list(kinds()));
  return [o](Context& c) { run_list(c, *o); };
}

void run_list(Context& c, const ListOptions& opt) {
  std::optional<Kind> only;
  if (!opt.kind.empty()) only = parse_kind_arg(opt.kind);
  std::vector<std::size_t> picked;
  for (std::size_t i = 0; i < c.ds.nodes.size(); ++i)
    if (!only || c.ds.nodes[i].kind == *only) picked.push_back(i);
  // Stable order: by kind as in the kind table, then municipalities by row, others by id.
  std::stable_sort(picked.begin(), picked.end(), [&](std::size_t a, std::size_t b) {
    const Node &x = c.ds.nodes[a], &y = c.ds.nodes[b];
    if (x.kind != y.kind) return x.kind < y.kind;
    if (x.kind == Kind::Municipality) return x.row < y.row;
    return x.id < y.id;
  });
  if (c.options.json) {
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

/// The options of `renkei show`.
struct ShowOptions {
  std::vector<std::string> positional;
};
void run_show(Context& c, const ShowOptions& opt);

Handler setup_show(CLI::App& app) {
  auto o = std::make_shared<ShowOptions>();
  app.add_option("NODE", o->positional,
                 "an id, Japanese name, alias, romanized name, name without 市/町, or a part of a "
                 "name only one node has")
      ->required()
      ->expected(1);
  return [o](Context& c) { run_show(c, *o); };
}

void run_show(Context& c, const ShowOptions& opt) {
  std::size_t i = c.names().resolve(opt.positional.at(0));
  const Node& n = c.ds.nodes[i];
  std::vector<std::size_t> edges;
  for (std::size_t k = 0; k < c.ds.edges.size(); ++k)
    if (c.ds.edges[k].from == i || c.ds.edges[k].to == i) edges.push_back(k);
  if (c.options.json) {
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
        << (a.source ? "  (row " + std::to_string(a.source->row) + " §" + a.source->section + ")"
                     : "")
        << "\n";
  if (!n.description.empty()) out << "  what it is: " << n.description << "\n";
  if (!n.note.empty()) out << "  note: " << n.note << "\n";
  if (n.source) out << "  source: " << quote_line(*n.source) << "\n";
  if (!n.outside_source.empty()) out << "  outside fact: " << n.outside_source << "\n";
  if (n.kind == Kind::Municipality) {
    out << "  type: " << n.type << ", row " << n.row << " of the source\n";
    if (n.facts)
      out << "  [outside fact] code " << n.facts->code << ", office at " << n.facts->lat << ", "
          << n.facts->lng << " — " << n.facts->source << "\n";
    if (n.activity)
      out << "  coordinator activity: " << word(n.activity->status) << " — "
          << quote_line(n.activity->source) << "\n";
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
    if (!e.since.empty()) rel += " since " + e.since;
    if (!e.date.empty()) rel += " " + e.date;
    out << "  " << (outgoing ? "—" + rel + "→ " : "←" + rel + "— ") << display_name(other, lang)
        << "  [" << other.id << "]\n";
    if (e.source) out << "      " << quote_line(*e.source) << "\n";
    if (!e.outside_source.empty()) out << "      [outside fact] " << e.outside_source << "\n";
  }
}

void run_summary(Context& c);

Handler setup_summary(CLI::App&) {
  return [](Context& c) { run_summary(c); };
}

void run_summary(Context& c) {
  const Dataset& ds = c.ds;
  auto nk = count_kinds(ds);
  std::size_t cities = 0, towns = 0;
  for (const Node& n : ds.nodes)
    if (n.kind == Kind::Municipality) (n.type == "市" ? cities : towns)++;
  // offices → the municipalities they serve (model/facts.h), by row
  std::map<std::size_t, std::vector<std::size_t>> served;
  std::size_t placements = 0;
  for (const Edge& e : ds.edges) placements += e.relation == Relation::Coordinator;
  std::vector<std::size_t> shared;
  for (std::size_t o = 0; o < ds.nodes.size(); ++o)
    if (is_shared_office(ds, o)) {
      shared.push_back(o);
      served[o] = municipalities_served(ds, o);
    }
  std::stable_sort(shared.begin(), shared.end(), [&](std::size_t a, std::size_t b) {
    return served[a].size() > served[b].size();
  });
  std::size_t met = 0, planned_only = 0, no_meeting = 0, silent = 0;
  for (std::size_t i = 0; i < ds.nodes.size(); ++i) {
    if (ds.nodes[i].kind != Kind::Municipality) continue;
    ChildrenMeetings t = children_meetings(ds, own_councils(ds, i));
    if (t.held)
      ++met;
    else if (t.planned)
      ++planned_only;
    else if (t.not_meeting)
      ++no_meeting;
    else
      ++silent;
  }
  std::size_t inactive = 0;
  for (const Node& n : ds.nodes)
    if (n.activity && n.activity->status == ActivityStatus::NoneStated) ++inactive;
  Lang lang = c.lang();
  if (c.options.json) {
    json sh = json::array();
    for (std::size_t o : shared) {
      json m = json::array();
      for (std::size_t x : served[o]) m.push_back(node_ref_json(ds, x));
      sh.push_back({{"office", node_ref_json(ds, o)}, {"municipalities", m}});
    }
    print_json(c.out, {{"municipalities", nk[Kind::Municipality]},
                       {"regions", nk[Kind::Region]},
                       {"coordinator_placements", placements},
                       {"offices", nk[Kind::Office]},
                       {"shared_offices", sh},
                       {"own_council_met", met},
                       {"own_council_planned_only", planned_only},
                       {"own_council_no_meeting", no_meeting},
                       {"own_council_no_meeting_stated", silent},
                       {"coordinators_without_activity", inactive}});
    return;
  }
  std::ostream& out = c.out;
  out << document_citation(ds) << "\n\n";
  out << "  " << nk[Kind::Municipality] << " municipalities (" << cities << " 市, " << towns
      << " 町)";
  if (nk[Kind::Region]) out << " in " << nk[Kind::Region] << " planning regions [outside fact]";
  out << "\n";
  out << "  " << placements << " coordinator placements at " << nk[Kind::Office] << " offices; "
      << shared.size() << " offices serve more than one municipality:\n";
  for (std::size_t o : shared) {
    std::string list;
    for (std::size_t x : served[o])
      list += (list.empty() ? "" : ", ") + display_name(ds.nodes[x], lang);
    out << "    " << display_name(ds.nodes[o], lang) << " → " << list << "\n";
  }
  out << "  own councils on these children in " << ds.fiscal_year.label << ": " << met << " met, "
      << planned_only << " only planned, " << no_meeting << " did not meet, " << silent
      << " not stated or not on the agenda\n";
  out << "  " << inactive
      << " municipalities' coordinators report no activity (特になし, 対応ケースなし …)\n";
  out << "  " << nk[Kind::Council] << " councils, " << nk[Kind::Center] << " support centers, "
      << nk[Kind::Initiative] << " kinds of initiative\n";
}

}  // namespace renkei
