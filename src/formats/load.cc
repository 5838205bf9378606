#include "formats/load.h"

#include <unordered_map>
#include <utility>

#include "base/error.h"
#include "base/quoted.h"
#include "base/say.h"
#include "base/text.h"
#include "formats/embedded.h"
#include "formats/outside_facts.h"
#include "formats/source_text.h"
#include "json/reader.h"
#include "model/check.h"
#include "model/source_document.h"

namespace renkei {

namespace {

/// Highest row number: a table of all Japan's municipalities ten times over still fits
/// (docs/data-model.md, Limits).
constexpr int kMaxRow = 99999;

template <typename E>
E read_term(ObjectReader& r, std::string_view key, const std::vector<Term<E>>& table,
            const char* what, std::optional<E> fallback = std::nullopt) {
  std::optional<std::string> w =
      fallback ? r.optional_string(key) : std::optional(r.required_string(key));
  if (!w) return *fallback;
  if (auto v = parse_term(table, *w)) return *v;
  std::vector<std::string> words;
  for (const auto& t : table) words.push_back(t.word);
  // In Japanese the words are listed with 、 (the English list ends "… or …").
  std::string list = term_list(table);
  if (language() == Lang::Ja) {
    list.clear();
    for (const std::string& w : words) list += (list.empty() ? "" : "、") + w;
  }
  r.fail(key, say("unknown {1} {2}; expected {3}{4}",
                  {say(what), in_quotes(*w), list, did_you_mean(*w, words)}));
}

/// Reads datasets: one instance per load, holding the file name and the checks in progress.
class Loader {
 public:
  Loader(std::string file, const SiblingReader& read_sibling, LoadReport* report)
      : file_(std::move(file)), read_sibling_(read_sibling), report_(report) {}

  Dataset load(std::string_view text) {
    if (!valid_utf8(text))
      throw data_error(say("{1}: the file is not valid UTF-8; save it as UTF-8", {file_}));
    JsonDocument doc(text, file_);
    ObjectReader top(doc.root(), file_, "");
    top.require_format("renkei-dataset/1");
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
    check_rules(Rules::Nodes);  // before edges name nodes by id
    for (const JsonValue& e : members(edges)) read_edge(e, edge_pointer(ds_.edges.size()));
    check_rules(Rules::Edges);
    if (outside) {
      ds_.outside_facts = *outside;
      read_outside_facts(*outside);
    }
    ds_.build_index();
    if (report_) {
      report_->quotes_checked = quotes_checked_;
      report_->quotes_anywhere = quotes_anywhere_;
      report_->facts_entered = facts_entered_;
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
    const JsonValue& columns = d.array("columns", false);
    // Without a description the text is prose; a described table is a plain table unless
    // the dataset says otherwise.
    ds_.document.form =
        read_term(d, "source_form", source_forms(), N_("source form"),
                  std::optional(columns.size ? SourceForm::Table : SourceForm::Prose));
    std::size_t i = 0;
    for (const JsonValue& c : members(columns)) {
      ObjectReader cr(c, file_, pointer_append(d.at("columns"), i++));
      SourceColumn col;
      col.label = cr.required_string("label", Text::Name);
      col.role = read_term(cr, "role", column_roles(), N_("column role"));
      col.heading = cr.optional_string("heading").value_or("");
      col.block = cr.optional_int("block", 1, 9).value_or(1);
      cr.finish();
      ds_.document.columns.push_back(std::move(col));
    }
    d.finish();
  }

  void read_fiscal_year(ObjectReader& top) {
    ObjectReader f(*top.object("fiscal_year", true), file_, "/fiscal_year");
    ds_.fiscal_year.label = f.required_string("label");
    ds_.fiscal_year.first_month = f.required_string("first_month");
    ds_.fiscal_year.last_month = f.required_string("last_month");
    f.finish();
  }

  void load_source_text() {
    if (ds_.document.source_file.empty()) return;
    std::optional<std::string> text = read_sibling_(ds_.document.source_file);
    if (!text)
      throw data_error(say(
          "{1}: {2}: cannot read {3} (it is read relative to the dataset file); fix the path or "
          "remove the field",
          {file_, "/document/source_file", in_quotes(ds_.document.source_file)}));
    if (text->size() > kMaxDataFileBytes)
      refuse_size(beside_file(ds_.document.source_file), text->size());
    ds_.source_text = *text;
    source_.emplace(read_source_text(*text, ds_.document, beside_file(ds_.document.source_file)));
  }

  Source read_source(const JsonValue& v, const std::string& ptr) {
    ObjectReader r(v, file_, ptr);
    Source s;
    // A prose source's quotes name no row or column: they are found anywhere in the text.
    s.row = r.optional_int("row", 1, kMaxRow).value_or(0);
    s.section = r.optional_string("section").value_or("");
    s.text = r.required_string("text");
    // Entered in a sheet rather than quoted from a document: where, not which row and column.
    s.input = r.optional_string("input", Text::Name).value_or("");
    if (s.entered() && (s.row || !s.section.empty()))
      r.fail(s.row ? "row" : "section",
             say("a fact entered at {1} is not a quote: it has no row or column of a document; "
                 "remove this field",
                 {in_quotes(s.input)}));
    r.finish();
    return s;
  }

  void read_node(const JsonValue& v, const std::string& ptr) {
    ObjectReader r(v, file_, ptr);
    Node n;
    n.id = r.required_string("id");
    n.kind = read_term(r, "kind", kinds(), N_("kind"));
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
      n.aliases.push_back(std::move(al));
    }
    n.source = read_source(*r.object("source", true), r.at("source"));

    auto only_for = [&](std::string_view key, Kind k) {
      if (n.kind != k && r.has(key))
        r.fail(key, say("field \"{1}\" is only for {2} nodes", {std::string(key), word(k)}));
    };
    for (const char* key : {"type", "row", "coordinator_activity", "challenges", "no_children"})
      only_for(key, Kind::Municipality);
    for (const char* key : {"level", "status", "status_source", "meetings"})
      only_for(key, Kind::Council);
    only_for("description", Kind::Initiative);
    if (r.has("out_of_area") && n.kind != Kind::Office && n.kind != Kind::Center)
      r.fail("out_of_area", say("field \"out_of_area\" is only for office and center nodes"));
    if (const JsonValue* o = r.object("out_of_area", false))
      n.out_of_area = read_source(*o, r.at("out_of_area"));

    if (n.kind == Kind::Municipality) read_municipality(r, n);
    if (n.kind == Kind::Council) read_council(r, n);
    if (n.kind == Kind::Initiative) n.description = r.required_string("description");
    r.finish();
    add_node(std::move(n));
  }

  void read_municipality(ObjectReader& r, Node& n) {
    // A blank type is worked out from the name (北区 → 区); one that cannot be is asked for.
    n.type = r.optional_string("type").value_or("");
    if (n.type.empty()) n.type = municipality_type_of_name(n.name);
    if (n.type.empty())
      r.fail_here(
          say("missing field \"type\": {1} does not end in 市, 区, 町 or 村; write its type",
              {in_quotes(n.name)}));
    n.row = r.optional_int("row", 1, kMaxRow).value_or(0);  // none: the table has no row for it
    // Left out when the table does not say what the coordinators did: not stated, not "none".
    if (const JsonValue* a = r.object("coordinator_activity", false)) {
      ObjectReader ar(*a, file_, r.at("coordinator_activity"));
      CoordinatorActivity act;
      act.status = read_term(ar, "status", activity_statuses(), N_("coordinator activity status"));
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
    n.level = read_term(r, "level", council_levels(), N_("council level"));
    n.council_status = read_term(r, "status", council_statuses(), N_("council status"));
    if (const JsonValue* s = r.object("status_source", false))
      n.status_source = read_source(*s, r.at("status_source"));
    std::size_t i = 0;
    for (const JsonValue& meeting : members(r.array("meetings", true))) {
      std::string mp = pointer_append(r.at("meetings"), i++);
      ObjectReader mr(meeting, file_, mp);
      Meeting m;
      m.status = read_term(mr, "status", meeting_statuses(), N_("meeting status"));
      m.about_children = mr.optional_bool("about_children").value_or(true);
      m.note = mr.optional_string("note").value_or("");
      m.source = read_source(*mr.object("source", true), mr.at("source"));
      m.months = mr.string_array("months");
      m.topics = mr.string_array("topics");
      m.summary = mr.optional_string("summary").value_or("");
      mr.finish();
      n.meetings.push_back(std::move(m));
    }
  }

  std::size_t node_ref(ObjectReader& r, std::string_view key) {
    std::string id = r.required_string(key);
    if (auto it = index_of(id)) return *it;
    std::vector<std::string> ids;
    for (const auto& n : ds_.nodes) ids.push_back(n.id);
    r.fail(key, say("unknown node {1}{2}; edges name nodes by id",
                    {in_quotes(id), did_you_mean(id, ids)}));
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
    e.relation = read_term(r, "relation", relations(), N_("relation"));
    e.source = read_source(*r.object("source", true), r.at("source"));
    e.note = r.optional_string("note").value_or("");

    auto only_for = [&](std::string_view key, std::initializer_list<Relation> rels) {
      if (!r.has(key)) return;
      for (Relation rel : rels)
        if (rel == e.relation) return;
      r.fail(key, say("field \"{1}\" does not apply to {2} edges",
                      {std::string(key), word(e.relation)}));
    };
    only_for("order", {Relation::Coordinator});
    only_for("since", {Relation::Coordinator});
    only_for("date", {Relation::Runs});
    only_for("status", {Relation::Runs, Relation::Participates});
    if (e.relation == Relation::Coordinator) {
      e.order = r.required_int("order", 1, 99);
      e.since = r.optional_string("since").value_or("");
    }
    if (e.relation == Relation::Runs) {
      e.status = read_term(r, "status", edge_statuses(), N_("initiative status"));
      e.date = r.optional_string("date").value_or("");
    }
    if (e.relation == Relation::Participates) {
      e.status = read_term(r, "status", edge_statuses(), N_("participation status"),
                           std::optional(EdgeStatus::Current));
    }
    r.finish();
    ds_.edges.push_back(std::move(e));
  }

  /// The model's rules, over everything read: the first problem found is the error.
  void check_rules(Rules rules) {
    std::optional<QuoteSource> quotes;
    if (source_) quotes.emplace(QuoteSource{*source_, beside_file(ds_.document.source_file)});
    CheckResult checked = check(ds_, quotes, rules);
    if (!checked.problems.empty()) {
      const Problem& p = checked.problems.front();
      throw data_error(file_ + ": " + p.place.pointer() + ": " + p.text +
                       (p.also ? p.also->pointer() + p.rest : ""));
    }
    quotes_checked_ += checked.quotes_checked;
    quotes_anywhere_ += checked.quotes_anywhere;
    facts_entered_ += checked.facts_entered;
  }

  void read_outside_facts(const std::string& name) {
    std::optional<std::string> text = read_sibling_(name);
    if (!text)
      throw data_error(say(
          "{1}: {2}: cannot read {3} (it is read relative to the dataset file); fix the path or "
          "remove the field",
          {file_, "/outside_facts", in_quotes(name)}));
    add_outside_facts(ds_, *text, beside_file(name), file_);
  }

  std::string file_;
  const SiblingReader& read_sibling_;
  LoadReport* report_;
  Dataset ds_;
  std::optional<SourceDocument> source_;
  std::size_t quotes_checked_ = 0, quotes_anywhere_ = 0, facts_entered_ = 0;
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
    throw data_error(say("{1}: the file is empty; expected a renkei dataset (JSON)", {path}));
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
