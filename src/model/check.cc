#include "model/check.h"

#include <algorithm>
#include <functional>
#include <map>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "base/quoted.h"
#include "base/say.h"
#include "base/text.h"

namespace renkei {

bool is_valid_id(std::string_view s) {
  if (s.empty() || s.size() > 80 || s.front() == '-' || s.back() == '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool is_year_month(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6})
    if (s[i] < '0' || s[i] > '9') return false;
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  return month >= 1 && month <= 12;
}

bool is_fiscal_year(std::string_view s) {
  return s.size() == 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         s >= "1900" && s <= "2199";
}

namespace {
constexpr std::string_view kMunicipalityTypes[] = {"市", "区", "町", "村"};
}  // namespace

bool is_municipality_type(std::string_view s) {
  for (std::string_view t : kMunicipalityTypes)
    if (s == t) return true;
  return false;
}

std::string municipality_type_of_name(std::string_view name) {
  for (std::string_view t : kMunicipalityTypes)
    if (name.size() > t.size() && name.substr(name.size() - t.size()) == t) return std::string(t);
  return "";
}

std::string Place::pointer() const {
  std::string base;
  switch (item) {
    case Item::Dataset: return "/" + field;
    case Item::Node: base = "/nodes/" + std::to_string(index); break;
    case Item::Edge: base = "/edges/" + std::to_string(index); break;
  }
  return field.empty() ? base : base + "/" + field;
}

namespace {

std::string at(std::string_view list, std::size_t i, std::string_view rest = "") {
  std::string s = std::string(list) + "/" + std::to_string(i);
  if (!rest.empty()) s += "/" + std::string(rest);
  return s;
}

std::string not_a_month(const std::string& value) {
  return say("{1} is not a month; write it as YYYY-MM, e.g. 2024-11", {in_quotes(value)});
}

/// One run of check(): the dataset, what was found so far, and the lookups the rules share.
class Checker {
 public:
  Checker(const Dataset& ds, const std::optional<QuoteSource>& source) : ds_(ds), source_(source) {
    for (const SourceColumn& c : ds.document.columns) {
      label_list_.push_back(c.label);
      labels_ += (labels_.empty() ? "" : say("list|, ")) + c.label;
    }
  }

  CheckResult run(Rules rules) {
    if (rules != Rules::Edges) {
      dataset_texts();
      columns();
      fiscal_year();
      for (std::size_t i = 0; i < ds_.nodes.size(); ++i) node(i);
      names();
    }
    if (rules != Rules::Nodes) {
      for (std::size_t i = 0; i < ds_.edges.size(); ++i) edge(i);
      part_of_tree();
      repeated_edges();
    }
    return std::move(result_);
  }

 private:
  Place node_place(std::size_t i, std::string field = "") const {
    return {Place::Item::Node, i, std::move(field)};
  }
  Place edge_place(std::size_t i, std::string field = "") const {
    return {Place::Item::Edge, i, std::move(field)};
  }
  void add(Place p, std::string text) { result_.problems.push_back({std::move(p), text, {}, {}}); }
  void add(Place p, std::string text, Place also, std::string rest) {
    result_.problems.push_back({std::move(p), std::move(text), std::move(also), std::move(rest)});
  }

  /// A value no other program could hold (a NUL, U+FFFE) or a name of several lines.
  void text(Place p, const std::string& value, bool name = false) {
    if (auto problem = text_problem(value, name))
      add(std::move(p), in_quotes(value) + " " + *problem);
  }
  void source_texts(const Source& s, const std::function<Place(const char*)>& at) {
    text(at("section"), s.section);
    text(at("text"), s.text);
    text(at("input"), s.input, true);
    column(s, at);
  }
  /// A quote in a described table names one of its columns, and a row with it.
  void column(const Source& s, const std::function<Place(const char*)>& at) {
    const DocumentInfo& d = ds_.document;
    if (d.columns.empty() || s.entered() || (s.row == 0 && s.section.empty())) return;
    if (s.section.empty()) {
      add(at("section"), say("row {1} names no column; write the column's label ({2})",
                             {std::to_string(s.row), labels_}));
      return;
    }
    if (!d.column(s.section)) {
      add(at("section"), say("the document has no column {1}; its columns are {2}",
                             {in_quotes(s.section), labels_}) +
                             did_you_mean(s.section, label_list_));
      return;
    }
    if (s.row == 0)
      add(at("row"),
          say("the quote names column {1} but no row; write the row of the table it is in",
              {in_quotes(s.section)}));
  }

  /// The document's description of its table: labels unique and one-line, a table described
  /// when the form is a table.
  void columns() {
    const DocumentInfo& d = ds_.document;
    for (std::size_t k = 0; k < d.columns.size(); ++k) {
      const SourceColumn& c = d.columns[k];
      Place p{Place::Item::Dataset, 0, at("document/columns", k, "label")};
      text(p, c.label, true);
      text({Place::Item::Dataset, 0, at("document/columns", k, "heading")}, c.heading);
      if (c.label.empty()) add(p, say("a column needs its label, as the table's header names it"));
      if (d.column(c.label) != &c)
        add(p, say("column {1} is described twice; each label once", {in_quotes(c.label)}));
    }
    // A plain table's header names its columns; a PDF dump's lines do not.
    // Facts entered in the sheets have no document to quote: nothing to read or describe.
    if (d.form == SourceForm::Input && !d.columns.empty())
      add({Place::Item::Dataset, 0, "document/columns"},
          say("a dataset entered in its own sheets (source form input) has no document table to "
              "describe; remove the columns, or say the form of the document they describe"));
    if (d.form == SourceForm::Input && !d.source_file.empty())
      add({Place::Item::Dataset, 0, "document/source_file"},
          say("a dataset entered in its own sheets (source form input) has no source text to "
              "check quotes against; remove {1}, or say the document's form",
              {in_quotes(d.source_file)}));
    if (d.form == SourceForm::NumberedRows && d.columns.empty())
      add({Place::Item::Dataset, 0, "document/columns"},
          say("a numbered_rows source needs its columns described (label and role of each, and "
              "the block each is in); or say the form is table or prose"));
  }
  void source_texts(const std::optional<Source>& s, const std::function<Place(const char*)>& at) {
    if (s) source_texts(*s, at);
  }

  void dataset_texts() {
    auto at = [](const char* field) { return Place{Place::Item::Dataset, 0, field}; };
    const DocumentInfo& d = ds_.document;
    text(at("title"), ds_.title);
    text(at("document/publisher"), d.publisher);
    text(at("document/label"), d.label);
    text(at("document/title"), d.title);
    text(at("document/source_file"), d.source_file);
    text(at("document/note"), d.note);
    text(at("fiscal_year/label"), ds_.fiscal_year.label);
  }

  void node_texts(std::size_t i) {
    const Node& n = ds_.nodes[i];
    auto in = [&](std::string field) {
      return [this, i, field](const char* f) { return node_place(i, field + f); };
    };
    text(node_place(i, "id"), n.id);
    text(node_place(i, "name"), n.name, true);
    text(node_place(i, "name_en"), n.name_en, true);
    text(node_place(i, "note"), n.note);
    for (std::size_t k = 0; k < n.aliases.size(); ++k) {
      text(node_place(i, at("aliases", k, "name")), n.aliases[k].name, true);
      source_texts(n.aliases[k].source, in(at("aliases", k, "source/")));
    }
    source_texts(n.source, in("source/"));
    text(node_place(i, "type"), n.type);
    if (n.activity) source_texts(n.activity->source, in("coordinator_activity/source/"));
    for (std::size_t k = 0; k < n.challenges.size(); ++k)
      source_texts(n.challenges[k], in(at("challenges", k) + "/"));
    for (std::size_t k = 0; k < n.no_children.size(); ++k)
      source_texts(n.no_children[k], in(at("no_children", k) + "/"));
    source_texts(n.status_source, in("status_source/"));
    source_texts(n.out_of_area, in("out_of_area/"));
    for (std::size_t j = 0; j < n.meetings.size(); ++j) {
      const Meeting& m = n.meetings[j];
      std::string mp = at("meetings", j);
      source_texts(m.source, in(mp + "/source/"));
      for (std::size_t t = 0; t < m.topics.size(); ++t)
        text(node_place(i, at(mp + "/topics", t)), m.topics[t]);
      text(node_place(i, mp + "/summary"), m.summary);
      text(node_place(i, mp + "/note"), m.note);
    }
    text(node_place(i, "description"), n.description);
  }

  void fiscal_year() {
    const FiscalYear& f = ds_.fiscal_year;
    auto month = [&](const std::string& v, const char* field) {
      if (is_year_month(v)) return true;
      add({Place::Item::Dataset, 0, std::string("fiscal_year/") + field}, not_a_month(v));
      return false;
    };
    bool ok = month(f.first_month, "first_month");
    ok = month(f.last_month, "last_month") && ok;
    if (ok && f.first_month > f.last_month)
      add({Place::Item::Dataset, 0, "fiscal_year/last_month"},
          say("{1} is before first_month {2}",
              {in_quotes(f.last_month), in_quotes(f.first_month)}));
  }

  void quote(const Source& s, Place p) {
    if (s.entered()) {  // provenance, not a quote: there is nothing to find it in
      ++result_.facts_entered;
      return;
    }
    if (ds_.document.form == SourceForm::Input) {
      add(std::move(p), say("{1} is given as a quote, but the dataset has no document (source form "
                            "input): each fact is entered, with the sheet and cell it was typed in",
                            {in_quotes(s.text)}));
      return;
    }
    if (!source_) return;
    if (source_->document.contains(s)) {
      ++result_.quotes_checked;
      if (!source_->document.by_cell() || s.row == 0) ++result_.quotes_anywhere;
      return;
    }
    if (!source_->document.by_cell() || s.row == 0) {
      add(std::move(p), say("{1} is not anywhere in the text of {2}; quote the source exactly",
                            {in_quotes(s.text), source_->shown_as}));
      return;
    }
    if (!ds_.document.columns.empty() && !ds_.document.column(s.section))
      return;  // said by column()
    std::string section = excerpt(s.section);
    std::string row = std::to_string(s.row);
    add(std::move(p),
        source_->document.cell(s.row, s.section)
            ? say("{1} is not in row {2}, column {3}, of {4}; quote the source exactly",
                  {in_quotes(s.text), row, section, source_->shown_as})
            : say("{1} is not in the source (it has no row {2} in column {3}) of {4}; quote the "
                  "source exactly",
                  {in_quotes(s.text), row, section, source_->shown_as}));
  }
  void quote(const std::optional<Source>& s, Place p) {
    if (s) quote(*s, std::move(p));
  }

  void node(std::size_t i) {
    const Node& n = ds_.nodes[i];
    if (n.kind == Kind::Region && !n.outside_source.empty()) return;  // an outside fact
    node_texts(i);
    if (!is_valid_id(n.id))
      add(node_place(i, "id"),
          say("{1} is not a valid id; use lowercase ASCII letters, digits and hyphens, e.g. "
              "\"tanpopo\"",
              {in_quotes(n.id)}));
    if (n.kind == Kind::Region)
      add(node_place(i, "kind"),
          say("region nodes come from the outside facts file, not the dataset"));
    for (std::size_t k = 0; k < n.aliases.size(); ++k) {
      const Alias& a = n.aliases[k];
      quote(a.source, node_place(i, at("aliases", k, "source/text")));
      if (a.source && !a.source->entered() && a.source->text.find(a.name) == std::string::npos)
        add(node_place(i, at("aliases", k, "name")),
            say("{1} is not in its own source text; an alias must be a spelling the source uses",
                {in_quotes(a.name)}));
    }
    quote(n.source, node_place(i, "source/text"));
    quote(n.out_of_area, node_place(i, "out_of_area/text"));
    if (n.kind == Kind::Municipality) municipality(i);
    if (n.kind == Kind::Council) council(i);
    auto [it, fresh] = id_owner_.emplace(n.id, i);
    if (!fresh)
      add(node_place(i, "id"), say("duplicate id {1} (also at ", {in_quotes(n.id)}),
          node_place(it->second), say("); ids must be unique"));
  }

  void municipality(std::size_t i) {
    const Node& n = ds_.nodes[i];
    if (!is_municipality_type(n.type))
      add(node_place(i, "type"),
          say("{1} is not a municipality type; expected 市, 区, 町 or 村", {in_quotes(n.type)}));
    if (n.row == 0) {  // the table has no row of its own for this unit (e.g. a ward it serves)
    } else if (auto [it, fresh] = row_owner_.emplace(n.row, i); !fresh)
      add(node_place(i, "row"), say("row {1} is already the row of ", {std::to_string(n.row)}),
          node_place(it->second), "");
    if (n.activity) quote(n.activity->source, node_place(i, "coordinator_activity/source/text"));
    for (std::size_t k = 0; k < n.challenges.size(); ++k)
      quote(n.challenges[k], node_place(i, at("challenges", k, "text")));
    for (std::size_t k = 0; k < n.no_children.size(); ++k)
      quote(n.no_children[k], node_place(i, at("no_children", k, "text")));
  }

  void council(std::size_t i) {
    const Node& n = ds_.nodes[i];
    quote(n.status_source, node_place(i, "status_source/text"));
    for (std::size_t j = 0; j < n.meetings.size(); ++j) {
      const Meeting& m = n.meetings[j];
      std::string mp = at("meetings", j);
      quote(m.source, node_place(i, mp + "/source/text"));
      months(i, mp, m.months);
      if ((m.status == MeetingStatus::None || m.status == MeetingStatus::Suspended) &&
          !m.months.empty())
        add(node_place(i, mp + "/months"),
            say("a meeting with status {1} has no months; remove them",
                {"\"" + std::string(word(m.status)) + "\""}));
      if (m.source.entered()) continue;  // topics and summary were typed with it, not quoted
      for (std::size_t t = 0; t < m.topics.size(); ++t)
        quote(Source{m.source.row, m.source.section, m.topics[t], {}},
              node_place(i, at(mp + "/topics", t)));
      if (!m.summary.empty())
        quote(Source{m.source.row, m.source.section, m.summary, {}},
              node_place(i, mp + "/summary"));
    }
  }

  void months(std::size_t i, const std::string& meeting, const std::vector<std::string>& ms) {
    const FiscalYear& f = ds_.fiscal_year;
    for (std::size_t j = 0; j < ms.size(); ++j) {
      const std::string& mo = ms[j];
      Place p = node_place(i, at(meeting + "/months", j));
      if (!is_year_month(mo))
        add(p, not_a_month(mo));
      else if (mo < f.first_month || mo > f.last_month)
        add(p, say("{1} is outside the fiscal year {2} ({3} to {4}); 令和N年1月–3月 belong to "
                   "the fiscal year that began the April before",
                   {in_quotes(mo), excerpt(f.label), f.first_month, f.last_month}));
      else if (j > 0 && mo <= ms[j - 1])
        add(p, say("months must be in order without repeats; {1} follows {2}",
                   {in_quotes(mo), in_quotes(ms[j - 1])}));
    }
  }

  /// Every name and alias must lead to one node only.
  void names() {
    struct NameOwner {
      std::size_t node, alias;  ///< alias 0 is the name, k the k-th alias (1-based)
    };
    auto field = [](std::size_t alias) {
      return alias == 0 ? std::string("name") : at("aliases", alias - 1, "name");
    };
    std::unordered_map<std::string, NameOwner> owner;  // match key → where it was first given
    owner.reserve(ds_.nodes.size() * 2);
    for (std::size_t i = 0; i < ds_.nodes.size(); ++i) {
      const Node& n = ds_.nodes[i];
      if (!n.outside_source.empty()) continue;
      for (std::size_t a = 0; a <= n.aliases.size(); ++a) {  // the name, then each alias
        const std::string& name = a == 0 ? n.name : n.aliases[a - 1].name;
        auto [it, fresh] = owner.emplace(match_key(name), NameOwner{i, a});
        if (!fresh && it->second.node != i)
          add(node_place(i, field(a)),
              say("{1} also names node {2} (",
                  {in_quotes(name), in_quotes(ds_.nodes[it->second.node].id)}),
              node_place(it->second.node, field(it->second.alias)),
              say("); a name or alias must lead to one node"));
      }
    }
  }

  void edge(std::size_t i) {
    const Edge& e = ds_.edges[i];
    if (e.relation == Relation::InRegion && !e.outside_source.empty()) return;  // an outside fact
    source_texts(e.source,
                 [&](const char* f) { return edge_place(i, std::string("source/") + f); });
    text(edge_place(i, "note"), e.note);
    if (e.from == e.to)
      add(edge_place(i, "to"),
          say("an edge from {1} to itself; remove it", {in_quotes(ds_.nodes[e.from].id)}));
    else
      endpoints(i);
    quote(e.source, edge_place(i, "source/text"));
    if (e.relation == Relation::Coordinator) {
      if (!e.since.empty() && !is_year_month(e.since) && !is_fiscal_year(e.since))
        add(edge_place(i, "since"),
            say("{1} is neither a month nor a fiscal year; write YYYY-MM (2024-11) or, for a "
                "配置年度, the year the fiscal year starts in (令和2年度: 2020)",
                {in_quotes(e.since)}));
      if (auto [it, fresh] = placement_.emplace(std::make_pair(e.from, e.order), i); !fresh)
        add(edge_place(i, "order"),
            say("placement {1} of {2} is already at ",
                {std::to_string(e.order), in_quotes(ds_.nodes[e.from].id)}),
            edge_place(it->second), say("; each ①②③ appears once"));
    }
    if (e.relation == Relation::Runs) {
      if (e.status == EdgeStatus::Current)
        add(edge_place(i, "status"),
            say("a runs edge needs done, ongoing, planned or considering"));
      if (!e.date.empty() && !is_year_month(e.date))
        add(edge_place(i, "date"), not_a_month(e.date));
    }
    if (e.relation == Relation::Participates && e.status != EdgeStatus::Current &&
        e.status != EdgeStatus::Planned)
      add(edge_place(i, "status"),
          say("participation is either stated (no status) or \"planned\""));
  }

  void endpoints(std::size_t i) {
    const Edge& e = ds_.edges[i];
    Kind from = ds_.nodes[e.from].kind, to = ds_.nodes[e.to].kind;
    auto want = [&](std::initializer_list<Kind> froms, Kind want_to) {
      bool ok_from = std::find(froms.begin(), froms.end(), from) != froms.end();
      if (ok_from && to == want_to) return;
      std::string fs;
      for (Kind k : froms) fs += (fs.empty() ? "" : say("words| or ")) + std::string(word(k));
      add(edge_place(i, ok_from ? "to" : "from"),
          say("a {1} edge goes from {2} to {3}, not from {4} to {5}",
              {word(e.relation), fs, word(want_to), word(from), word(to)}));
    };
    switch (e.relation) {
      case Relation::Holds:
      case Relation::Participates: want({Kind::Municipality}, Kind::Council); break;
      case Relation::PartOf: want({Kind::Council}, Kind::Council); break;
      case Relation::Coordinator: want({Kind::Municipality}, Kind::Office); break;
      case Relation::Liaises: want({Kind::Municipality, Kind::Council}, Kind::Center); break;
      case Relation::Runs: want({Kind::Municipality}, Kind::Initiative); break;
      case Relation::InRegion:
        add(edge_place(i, "relation"),
            say("in_region edges come from the outside facts file, not the dataset"));
    }
  }

  /// part_of must not loop: a sub-committee cannot contain its own parent.
  void part_of_tree() {
    std::map<std::size_t, std::size_t> parent;
    for (std::size_t i = 0; i < ds_.edges.size(); ++i) {
      const Edge& e = ds_.edges[i];
      if (e.relation != Relation::PartOf) continue;
      if (!parent.emplace(e.from, e.to).second)
        add(edge_place(i), say("{1} is already part_of another council; a council has one parent",
                               {in_quotes(ds_.nodes[e.from].id)}));
    }
    for (const auto& [start, _] : parent) {
      std::size_t cur = start;
      for (std::size_t steps = 0; parent.count(cur); ++steps) {
        cur = parent[cur];
        if (cur == start || steps > parent.size()) {
          add({Place::Item::Dataset, 0, "edges"},
              say("part_of edges form a cycle through {1}; a council cannot be part of itself",
                  {in_quotes(ds_.nodes[start].id)}));
          return;
        }
      }
    }
  }

  /// Exact repeats of an edge add nothing and would double counts.
  void repeated_edges() {
    std::map<
        std::tuple<std::size_t, std::size_t, Relation, EdgeStatus, int, std::string, std::string>,
        std::size_t>
        seen;
    for (std::size_t i = 0; i < ds_.edges.size(); ++i) {
      const Edge& e = ds_.edges[i];
      if (!e.outside_source.empty()) continue;
      auto key = std::make_tuple(e.from, e.to, e.relation, e.status, e.order, e.date,
                                 e.source ? e.source->text : "");
      auto [it, fresh] = seen.emplace(key, i);
      if (!fresh)
        add(edge_place(i), say("repeats "), edge_place(it->second),
            say(" (same from, to, relation, status, date and quote); remove one"));
    }
  }

  const Dataset& ds_;
  const std::optional<QuoteSource>& source_;
  CheckResult result_;
  std::unordered_map<std::string, std::size_t> id_owner_;
  std::unordered_map<int, std::size_t> row_owner_;  ///< municipality row → node
  std::vector<std::string> label_list_;  ///< the document's column labels, for did-you-mean
  std::string labels_;                   ///< the same, as "市町, 1(1), 3"
  std::map<std::pair<std::size_t, int>, std::size_t> placement_;  ///< (municipality, ①②③) → edge
};

}  // namespace

CheckResult check(const Dataset& ds, const std::optional<QuoteSource>& source, Rules rules) {
  return Checker(ds, source).run(rules);
}

}  // namespace renkei
