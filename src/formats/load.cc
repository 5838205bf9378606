#include "formats/load.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "base/error.h"
#include "base/output_file.h"
#include "base/quoted.h"
#include "base/text.h"
#include "formats/embedded.h"
#include "json/reader.h"
#include "model/source_document.h"

namespace renkei {

bool is_year_month(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6})
    if (s[i] < '0' || s[i] > '9') return false;
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  return month >= 1 && month <= 12;
}

namespace {

/// Highest row number: a table of all Japan's municipalities ten times over still fits
/// (docs/data-model.md, Limits).
constexpr int kMaxRow = 99999;

bool is_slug(std::string_view s) {
  if (s.empty() || s.size() > 80) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return s.front() != '-' && s.back() != '-';
}

template <typename E>
E read_term(ObjectReader& r, std::string_view key, const std::vector<Term<E>>& table,
            const char* what, std::optional<E> fallback = std::nullopt) {
  std::optional<std::string> w =
      fallback ? r.optional_string(key) : std::optional(r.required_string(key));
  if (!w) return *fallback;
  if (auto v = parse_term(table, *w)) return *v;
  std::vector<std::string> words;
  for (const auto& t : table) words.push_back(t.word);
  std::string msg =
      "unknown " + std::string(what) + " " + in_quotes(*w) + "; expected " + term_list(table);
  msg += did_you_mean(*w, words);
  r.fail(key, msg);
}

/// Reads datasets: one instance per load, holding the file name and the checks in progress.
class Loader {
 public:
  Loader(std::string file, const SiblingReader& read_sibling, LoadReport* report)
      : file_(std::move(file)), read_sibling_(read_sibling), report_(report) {}

  Dataset load(std::string_view text) {
    if (!valid_utf8(text))
      throw data_error(file_ + ": the file is not valid UTF-8; save it as UTF-8");
    JsonDocument doc(text, file_);
    ObjectReader top(doc.root(), file_, "");
    std::string format = top.required_string("format");
    if (format != "renkei-dataset/1")
      top.fail("format", "unsupported format " + in_quotes(format) +
                             "; this renkei reads \"renkei-dataset/1\"");
    ds_.origin = file_;
    ds_.title = top.required_string("title");
    read_document(top);
    read_fiscal_year(top);
    auto outside = top.optional_string("outside_facts");
    const JsonValue& nodes = top.array("nodes", true);
    const JsonValue& edges = top.array("edges", true);
    top.finish();

    load_source_text();
    ds_.nodes.reserve(nodes.size);
    ds_.edges.reserve(edges.size);
    index_.reserve(nodes.size);
    for (const JsonValue& n : members(nodes)) read_node(n, node_pointer(ds_.nodes.size()));
    check_names();
    for (const JsonValue& e : members(edges)) read_edge(e, edge_pointer(ds_.edges.size()));
    check_edges();
    if (outside) {
      ds_.outside_facts = *outside;
      read_outside_facts(*outside);
    }
    ds_.build_index();
    if (report_) {
      report_->quotes_checked = quotes_checked_;
      report_->source_file = source_ ? beside_file(ds_.document.source_file) : "";
      report_->outside_facts_file = outside ? beside_file(*outside) : "";
    }
    return std::move(ds_);
  }

 private:
  /// Pointers of the dataset's nodes and edges: node and edge i of the model are element i
  /// of the file's arrays (outside facts are added after every check that names these).
  static std::string node_pointer(std::size_t i) { return pointer_append("/nodes", i); }
  static std::string edge_pointer(std::size_t i) { return pointer_append("/edges", i); }
  /// Pointer of node i's name (alias 0) or of its alias k (1-based).
  static std::string name_pointer(std::size_t i, std::size_t alias) {
    return alias == 0 ? node_pointer(i) + "/name"
                      : node_pointer(i) + "/aliases/" + std::to_string(alias - 1) + "/name";
  }

  /// How a file named by the dataset is shown in messages: beside the dataset file.
  std::string beside_file(const std::string& name) const {
    auto slash = file_.rfind('/');
    if (slash == std::string::npos || (!name.empty() && name[0] == '/')) return name;
    return file_.substr(0, slash + 1) + name;
  }

  void read_document(ObjectReader& top) {
    ObjectReader d(*top.object("document", true), file_, "/document");
    ds_.document.publisher = d.required_string("publisher");
    ds_.document.label = d.required_string("label");
    ds_.document.title = d.required_string("title");
    ds_.document.source_file = d.optional_string("source_file").value_or("");
    ds_.document.note = d.optional_string("note").value_or("");
    d.finish();
  }

  void read_fiscal_year(ObjectReader& top) {
    ObjectReader f(*top.object("fiscal_year", true), file_, "/fiscal_year");
    ds_.fiscal_year.label = f.required_string("label");
    ds_.fiscal_year.first_month = year_month(f, "first_month");
    ds_.fiscal_year.last_month = year_month(f, "last_month");
    if (ds_.fiscal_year.first_month > ds_.fiscal_year.last_month)
      f.fail("last_month", in_quotes(ds_.fiscal_year.last_month) + " is before first_month " +
                               in_quotes(ds_.fiscal_year.first_month));
    f.finish();
  }

  std::string year_month(ObjectReader& r, std::string_view key) {
    std::string v = r.required_string(key);
    if (!is_year_month(v))
      r.fail(key, in_quotes(v) + " is not a month; write it as YYYY-MM, e.g. 2024-11");
    return v;
  }
  std::string optional_year_month(ObjectReader& r, std::string_view key) {
    auto v = r.optional_string(key);
    if (v && !is_year_month(*v))
      r.fail(key, in_quotes(*v) + " is not a month; write it as YYYY-MM, e.g. 2024-11");
    return v.value_or("");
  }

  void load_source_text() {
    if (ds_.document.source_file.empty()) return;
    std::optional<std::string> text = read_sibling_(ds_.document.source_file);
    if (!text)
      throw data_error(
          file_ + ": /document/source_file: cannot read " + in_quotes(ds_.document.source_file) +
          " (it is read relative to the dataset file); fix the path or remove the field");
    if (text->size() > kMaxDataFileBytes)
      refuse_size(beside_file(ds_.document.source_file), text->size());
    ds_.source_text = *text;
    source_.emplace(*text);
  }

  Source read_source(const JsonValue& v, const std::string& ptr) {
    ObjectReader r(v, file_, ptr);
    Source s;
    s.row = r.required_int("row", 1, kMaxRow);
    s.section = r.required_string("section");
    s.text = r.required_string("text");
    r.finish();
    check_quote(s, ptr + "/text");
    return s;
  }

  void check_quote(const Source& s, const std::string& ptr) {
    if (!source_) return;
    if (!source_->contains(s)) {
      std::string section = excerpt(s.section);
      std::string where =
          source_->cell(s.row, s.section)
              ? "row " + std::to_string(s.row) + " section " + section
              : "the source (it has no row " + std::to_string(s.row) + " section " + section + ")";
      throw data_error(file_ + ": " + ptr + ": " + in_quotes(s.text) + " is not in " + where +
                       " of " + beside_file(ds_.document.source_file) +
                       "; quote the source exactly");
    }
    ++quotes_checked_;
  }

  void check_quoted(const std::string& text, const Source& s, const std::string& ptr) {
    if (!source_) return;
    Source q{s.row, s.section, text};
    check_quote(q, ptr);
  }

  void read_node(const JsonValue& v, const std::string& ptr) {
    ObjectReader r(v, file_, ptr);
    Node n;
    n.id = r.required_string("id");
    if (!is_slug(n.id))
      r.fail("id", in_quotes(n.id) +
                       " is not a valid id; use lowercase ASCII letters, digits and hyphens, e.g. "
                       "\"tanpopo\"");
    n.kind = read_term(r, "kind", kinds(), "kind");
    if (n.kind == Kind::Region)
      r.fail("kind", "region nodes come from the outside facts file, not the dataset");
    n.name = r.required_string("name", Text::Name);
    n.name_en = r.optional_string("name_en", Text::Name).value_or("");
    n.note = r.optional_string("note").value_or("");
    std::size_t i = 0;
    for (const JsonValue& alias : members(r.array("aliases", false))) {
      std::string ap = pointer_append(r.at("aliases"), i++);
      ObjectReader a(alias, file_, ap);
      Alias al;
      al.name = a.required_string("name", Text::Name);
      al.source = read_source(*a.object("source", true), ap + "/source");
      a.finish();
      if (al.source->text.find(al.name) == std::string::npos)
        a.fail("name",
               in_quotes(al.name) +
                   " is not in its own source text; an alias must be a spelling the source uses");
      n.aliases.push_back(std::move(al));
    }
    n.source = read_source(*r.object("source", true), r.at("source"));

    auto only_for = [&](std::string_view key, Kind k) {
      if (n.kind != k && r.has(key))
        r.fail(key, "field \"" + std::string(key) + "\" is only for " + word(k) + " nodes");
    };
    for (const char* key : {"type", "row", "coordinator_activity", "challenges", "no_children"})
      only_for(key, Kind::Municipality);
    for (const char* key : {"level", "status", "status_source", "meetings"})
      only_for(key, Kind::Council);
    only_for("description", Kind::Initiative);

    if (n.kind == Kind::Municipality) read_municipality(r, n);
    if (n.kind == Kind::Council) read_council(r, n);
    if (n.kind == Kind::Initiative) n.description = r.required_string("description");
    r.finish();

    if (auto it = index_of(n.id))
      r.fail("id", "duplicate id " + in_quotes(n.id) + " (also at " + node_pointer(*it) +
                       "); ids must be unique");
    add_node(std::move(n));
  }

  void read_municipality(ObjectReader& r, Node& n) {
    n.type = r.required_string("type");
    if (n.type != "市" && n.type != "町" && n.type != "村")
      r.fail("type", in_quotes(n.type) + " is not a municipality type; expected 市, 町 or 村");
    n.row = r.required_int("row", 1, kMaxRow);
    if (auto [it, fresh] = row_node_.emplace(n.row, ds_.nodes.size()); !fresh)
      r.fail("row",
             "row " + std::to_string(n.row) + " is already the row of " + node_pointer(it->second));
    if (const JsonValue* a = r.object("coordinator_activity", true)) {
      ObjectReader ar(*a, file_, r.at("coordinator_activity"));
      CoordinatorActivity act;
      act.status = read_term(ar, "status", activity_statuses(), "coordinator activity status");
      act.source = read_source(*ar.object("source", true), ar.at("source"));
      ar.finish();
      n.activity = act;
    }
    std::size_t i = 0;
    for (const JsonValue& c : members(r.array("challenges", false)))
      n.challenges.push_back(read_source(c, pointer_append(r.at("challenges"), i++)));
    i = 0;
    for (const JsonValue& c : members(r.array("no_children", false)))
      n.no_children.push_back(read_source(c, pointer_append(r.at("no_children"), i++)));
  }

  void read_council(ObjectReader& r, Node& n) {
    n.level = read_term(r, "level", council_levels(), "council level");
    n.council_status = read_term(r, "status", council_statuses(), "council status");
    if (const JsonValue* s = r.object("status_source", false))
      n.status_source = read_source(*s, r.at("status_source"));
    std::size_t i = 0;
    for (const JsonValue& meeting : members(r.array("meetings", true))) {
      std::string mp = pointer_append(r.at("meetings"), i++);
      ObjectReader mr(meeting, file_, mp);
      Meeting m;
      m.status = read_term(mr, "status", meeting_statuses(), "meeting status");
      m.about_children = mr.optional_bool("about_children").value_or(true);
      m.note = mr.optional_string("note").value_or("");
      m.source = read_source(*mr.object("source", true), mr.at("source"));
      m.months = mr.string_array("months");
      for (std::size_t j = 0; j < m.months.size(); ++j) {
        const std::string& mo = m.months[j];
        std::string p = pointer_append(mr.at("months"), j);
        if (!is_year_month(mo))
          throw data_error(file_ + ": " + p + ": " + in_quotes(mo) +
                           " is not a month; write it as YYYY-MM, e.g. 2024-11");
        if (mo < ds_.fiscal_year.first_month || mo > ds_.fiscal_year.last_month)
          throw data_error(
              file_ + ": " + p + ": " + in_quotes(mo) + " is outside the fiscal year " +
              excerpt(ds_.fiscal_year.label) + " (" + ds_.fiscal_year.first_month + " to " +
              ds_.fiscal_year.last_month +
              "); 令和N年1月–3月 belong to the fiscal year that began the April before");
        if (j > 0 && mo <= m.months[j - 1])
          throw data_error(file_ + ": " + p + ": months must be in order without repeats; " +
                           in_quotes(mo) + " follows " + in_quotes(m.months[j - 1]));
      }
      if ((m.status == MeetingStatus::None || m.status == MeetingStatus::Suspended) &&
          !m.months.empty())
        mr.fail("months", std::string("a meeting with status \"") + word(m.status) +
                              "\" has no months; remove them");
      m.topics = mr.string_array("topics");
      for (std::size_t j = 0; j < m.topics.size(); ++j)
        check_quoted(m.topics[j], m.source, pointer_append(mr.at("topics"), j));
      m.summary = mr.optional_string("summary").value_or("");
      if (!m.summary.empty()) check_quoted(m.summary, m.source, mr.at("summary"));
      mr.finish();
      n.meetings.push_back(std::move(m));
    }
  }

  /// Every name and alias must lead to one node only.
  void check_names() {
    struct NameOwner {
      std::size_t node, alias;  ///< alias 0 is the name, k the k-th alias (1-based)
    };
    std::unordered_map<std::string, NameOwner> owner;  // match key → where it was first given
    owner.reserve(ds_.nodes.size() * 2);
    for (std::size_t i = 0; i < ds_.nodes.size(); ++i) {
      const Node& n = ds_.nodes[i];
      for (std::size_t a = 0; a <= n.aliases.size(); ++a) {  // the name, then each alias
        const std::string& name = a == 0 ? n.name : n.aliases[a - 1].name;
        auto [it, fresh] = owner.emplace(match_key(name), NameOwner{i, a});
        if (!fresh && it->second.node != i)
          throw data_error(file_ + ": " + name_pointer(i, a) + ": " + in_quotes(name) +
                           " also names node " + in_quotes(ds_.nodes[it->second.node].id) + " (" +
                           name_pointer(it->second.node, it->second.alias) +
                           "); a name or alias must lead to one node");
      }
    }
  }

  std::size_t node_ref(ObjectReader& r, std::string_view key) {
    std::string id = r.required_string(key);
    if (auto it = index_of(id)) return *it;
    std::vector<std::string> ids;
    for (const auto& n : ds_.nodes) ids.push_back(n.id);
    std::string msg = "unknown node " + in_quotes(id);
    msg += did_you_mean(id, ids);
    r.fail(key, msg + "; edges name nodes by id");
  }

  std::optional<std::size_t> index_of(const std::string& id) const {
    auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }

  /// Adds a node and its id to the index, which every node reference is resolved through.
  void add_node(Node n) {
    index_.emplace(n.id, ds_.nodes.size());
    ds_.nodes.push_back(std::move(n));
  }

  void read_edge(const JsonValue& v, const std::string& ptr) {
    ObjectReader r(v, file_, ptr);
    Edge e;
    e.from = node_ref(r, "from");
    e.to = node_ref(r, "to");
    e.relation = read_term(r, "relation", relations(), "relation");
    if (e.from == e.to)
      r.fail("to", "an edge from " + in_quotes(ds_.nodes[e.from].id) + " to itself; remove it");
    check_endpoints(r, e);
    e.source = read_source(*r.object("source", true), r.at("source"));
    e.note = r.optional_string("note").value_or("");

    auto only_for = [&](std::string_view key, std::initializer_list<Relation> rels) {
      if (!r.has(key)) return;
      for (Relation rel : rels)
        if (rel == e.relation) return;
      r.fail(key,
             "field \"" + std::string(key) + "\" does not apply to " + word(e.relation) + " edges");
    };
    only_for("order", {Relation::Coordinator});
    only_for("since", {Relation::Coordinator});
    only_for("date", {Relation::Runs});
    only_for("status", {Relation::Runs, Relation::Participates});
    if (e.relation == Relation::Coordinator) {
      e.order = r.required_int("order", 1, 99);
      e.since = optional_year_month(r, "since");
      if (auto [it, fresh] = placement_.emplace(std::make_pair(e.from, e.order), ds_.edges.size());
          !fresh)
        r.fail("order", "placement " + std::to_string(e.order) + " of " +
                            in_quotes(ds_.nodes[e.from].id) + " is already at " +
                            edge_pointer(it->second) + "; each ①②③ appears once");
    }
    if (e.relation == Relation::Runs) {
      e.status = read_term(r, "status", edge_statuses(), "initiative status");
      if (e.status == EdgeStatus::Current)
        r.fail("status", "a runs edge needs done, ongoing, planned or considering");
      e.date = optional_year_month(r, "date");
    }
    if (e.relation == Relation::Participates) {
      e.status = read_term(r, "status", edge_statuses(), "participation status",
                           std::optional(EdgeStatus::Current));
      if (e.status != EdgeStatus::Current && e.status != EdgeStatus::Planned)
        r.fail("status", "participation is either stated (no status) or \"planned\"");
    }
    r.finish();
    ds_.edges.push_back(std::move(e));
  }

  void check_endpoints(ObjectReader& r, const Edge& e) {
    Kind from = ds_.nodes[e.from].kind, to = ds_.nodes[e.to].kind;
    auto want = [&](std::initializer_list<Kind> froms, Kind want_to) {
      bool ok_from = std::find(froms.begin(), froms.end(), from) != froms.end();
      if (ok_from && to == want_to) return;
      std::string fs;
      for (Kind k : froms) fs += (fs.empty() ? "" : " or ") + std::string(word(k));
      r.fail(ok_from ? "to" : "from", std::string("a ") + word(e.relation) + " edge goes from " +
                                          fs + " to " + word(want_to) + ", not from " + word(from) +
                                          " to " + word(to));
    };
    switch (e.relation) {
      case Relation::Holds:
      case Relation::Participates: want({Kind::Municipality}, Kind::Council); break;
      case Relation::PartOf: want({Kind::Council}, Kind::Council); break;
      case Relation::Coordinator: want({Kind::Municipality}, Kind::Office); break;
      case Relation::Liaises: want({Kind::Municipality, Kind::Council}, Kind::Center); break;
      case Relation::Runs: want({Kind::Municipality}, Kind::Initiative); break;
      case Relation::InRegion:
        r.fail("relation", "in_region edges come from the outside facts file, not the dataset");
    }
  }

  void check_edges() {
    // part_of must not loop: a sub-committee cannot contain its own parent.
    std::map<std::size_t, std::size_t> parent;
    for (std::size_t i = 0; i < ds_.edges.size(); ++i) {
      const Edge& e = ds_.edges[i];
      if (e.relation != Relation::PartOf) continue;
      if (parent.count(e.from))
        throw data_error(file_ + ": " + edge_pointer(i) + ": " + in_quotes(ds_.nodes[e.from].id) +
                         " is already part_of another council; a council has one parent");
      parent[e.from] = e.to;
    }
    for (const auto& [start, _] : parent) {
      std::size_t cur = start;
      for (std::size_t steps = 0; parent.count(cur); ++steps) {
        cur = parent[cur];
        if (cur == start || steps > parent.size())
          throw data_error(file_ + ": /edges: part_of edges form a cycle through " +
                           in_quotes(ds_.nodes[start].id) + "; a council cannot be part of itself");
      }
    }
    // Exact repeats of an edge add nothing and would double counts.
    std::map<
        std::tuple<std::size_t, std::size_t, Relation, EdgeStatus, int, std::string, std::string>,
        std::size_t>
        seen;
    for (std::size_t i = 0; i < ds_.edges.size(); ++i) {
      const Edge& e = ds_.edges[i];
      auto key = std::make_tuple(e.from, e.to, e.relation, e.status, e.order, e.date,
                                 e.source ? e.source->text : "");
      auto [it, fresh] = seen.emplace(key, i);
      if (!fresh)
        throw data_error(file_ + ": " + edge_pointer(i) + ": repeats " + edge_pointer(it->second) +
                         " (same from, to, relation, status, date and quote); remove one");
    }
  }

  void read_outside_facts(const std::string& name) {
    std::optional<std::string> text = read_sibling_(name);
    if (!text)
      throw data_error(
          file_ + ": /outside_facts: cannot read " + in_quotes(name) +
          " (it is read relative to the dataset file); fix the path or remove the field");
    std::string ofile = beside_file(name);
    if (text->size() > kMaxDataFileBytes) refuse_size(ofile, text->size());
    if (!valid_utf8(*text))
      throw data_error(ofile + ": the file is not valid UTF-8; save it as UTF-8");
    JsonDocument doc(*text, ofile);
    ObjectReader top(doc.root(), ofile, "");
    std::string format = top.required_string("format");
    if (format != "renkei-outside/1")
      top.fail("format", "unsupported format " + in_quotes(format) +
                             "; this renkei reads \"renkei-outside/1\"");
    top.optional_string("note");
    ds_.outside_notes.regions_basis = top.optional_string("regions_basis").value_or("");
    ds_.outside_notes.positions_basis = top.optional_string("positions_basis").value_or("");
    const JsonValue& regions = top.array("regions", false);
    const JsonValue& munis = top.array("municipalities", false);
    top.finish();

    auto municipality = [&](ObjectReader& r, std::string_view key) {
      std::string id = r.required_string(key);
      auto i = index_of(id);
      if (!i || ds_.nodes[*i].kind != Kind::Municipality) {
        std::vector<std::string> ids;
        for (const auto& n : ds_.nodes)
          if (n.kind == Kind::Municipality) ids.push_back(n.id);
        std::string msg = "unknown municipality " + in_quotes(id);
        msg += did_you_mean(id, ids);
        r.fail(key, msg);
      }
      return *i;
    };

    std::map<std::size_t, std::string> region_of;
    std::size_t i = 0;
    for (const JsonValue& region : members(regions)) {
      std::string rp = pointer_append("/regions", i++);
      ObjectReader r(region, ofile, rp);
      Node n;
      n.kind = Kind::Region;
      n.id = r.required_string("id");
      if (!is_slug(n.id))
        r.fail("id", in_quotes(n.id) +
                         " is not a valid id; use lowercase ASCII letters, digits and hyphens");
      if (index_of(n.id))
        r.fail("id", "duplicate id " + in_quotes(n.id) + "; it is already a node of " + file_);
      n.name = r.required_string("name", Text::Name);
      n.name_en = r.optional_string("name_en", Text::Name).value_or("");
      for (const std::string& a : r.string_array("aliases", Text::Name))
        n.aliases.push_back({a, std::nullopt});
      n.outside_source = r.required_string("source");
      std::vector<std::string> members = r.string_array("municipalities");
      r.finish();
      add_node(n);
      std::size_t region_index = ds_.nodes.size() - 1;
      for (std::size_t m = 0; m < members.size(); ++m) {
        std::string mp = pointer_append(rp + "/municipalities", m);
        auto mi = index_of(members[m]);
        if (!mi || ds_.nodes[*mi].kind != Kind::Municipality)
          throw data_error(ofile + ": " + mp + ": unknown municipality " + in_quotes(members[m]));
        if (region_of.count(*mi))
          throw data_error(ofile + ": " + mp + ": " + in_quotes(members[m]) + " is already in " +
                           region_of[*mi] + "; a municipality is in one planning region");
        region_of[*mi] = n.id;
        Edge e;
        e.from = *mi;
        e.to = region_index;
        e.relation = Relation::InRegion;
        e.outside_source = n.outside_source;
        ds_.edges.push_back(e);
      }
    }
    std::set<std::size_t> with_facts;
    i = 0;
    for (const JsonValue& muni : members(munis)) {
      ObjectReader r(muni, ofile, pointer_append("/municipalities", i++));
      std::size_t mi = municipality(r, "municipality");
      Node& n = ds_.nodes[mi];
      std::string name = r.required_string("name");
      if (name != n.name)
        r.fail("name", in_quotes(name) + " does not match the dataset's name " + in_quotes(n.name) +
                           " for " + in_quotes(n.id));
      if (!with_facts.insert(mi).second)
        r.fail("municipality", in_quotes(n.id) + " is listed twice");
      MunicipalityFacts f;
      f.code = r.required_string("code");
      f.lgcode = r.optional_string("lgcode").value_or("");
      if (const JsonValue* o = r.object("office", false)) {
        ObjectReader orr(*o, ofile, r.at("office"));
        f.lat = orr.required_number("lat", -90, 90);
        f.lng = orr.required_number("lng", -180, 180);
        orr.finish();
      }
      f.source = r.required_string("source");
      r.finish();
      n.facts = f;
    }
  }

  std::string file_;
  const SiblingReader& read_sibling_;
  LoadReport* report_;
  Dataset ds_;
  std::optional<SourceDocument> source_;
  std::size_t quotes_checked_ = 0;
  std::unordered_map<int, std::size_t> row_node_;                 ///< municipality row → its node
  std::map<std::pair<std::size_t, int>, std::size_t> placement_;  ///< (municipality, ①②③) → edge
  std::unordered_map<std::string, std::size_t>
      index_;  ///< node id → index, kept as nodes are added
};

}  // namespace

Dataset load_dataset(std::string_view json_text, const std::string& file,
                     const SiblingReader& read_sibling, LoadReport* report) {
  if (json_text.size() > kMaxDataFileBytes) refuse_size(file, json_text.size());
  return Loader(file, read_sibling, report).load(json_text);
}

SiblingReader sibling_reader(const std::string& path) {
  std::string dir;
  if (auto slash = path.rfind('/'); slash != std::string::npos) dir = path.substr(0, slash + 1);
  return [dir](const std::string& rel) -> std::optional<std::string> {
    std::string full = !rel.empty() && rel[0] == '/' ? rel : dir + rel;
    return read_file_if_present(full);
  };
}

Dataset load_dataset_text(std::string_view text, const std::string& path, LoadReport* report) {
  if (text.empty())
    throw data_error(path + ": the file is empty; expected a renkei dataset (JSON)");
  return load_dataset(text, path, sibling_reader(path), report);
}

Dataset load_dataset_file(const std::string& path, LoadReport* report) {
  return load_dataset_text(map_data_file(path).view(), path, report);
}

Dataset load_builtin_dataset(LoadReport* report) {
  SiblingReader sibling = [](const std::string& rel) -> std::optional<std::string> {
    if (rel == "yamaguchi-regions.json") return std::string(embedded::outside_facts());
    if (rel == "source/yamaguchi-r6.txt") return std::string(embedded::source_text());
    return std::nullopt;
  };
  return load_dataset(embedded::dataset(), kBuiltinName, sibling, report);
}

}  // namespace renkei
