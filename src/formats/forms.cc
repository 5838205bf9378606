#include "formats/forms.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "base/error.h"
#include "base/quoted.h"
#include "base/say.h"
#include "formats/dataset_json.h"
#include "formats/outside_facts.h"
#include "formats/source_text.h"
#include "formats/workbook.h"
#include "model/check.h"
#include "model/facts.h"

namespace renkei {

namespace {

/// The councils a municipality holds, by index.
std::set<std::size_t> held_by(const Dataset& ds, std::size_t m) {
  std::set<std::size_t> out;
  for (std::size_t k : ds.edges_from(m))
    if (ds.edges[k].relation == Relation::Holds) out.insert(ds.edges[k].to);
  return out;
}

/// A council's meetings that a municipality's row states (quoted from its row).
std::vector<Meeting> meetings_of_row(const Node& council, int row) {
  std::vector<Meeting> out;
  for (const Meeting& mt : council.meetings)
    if (row != 0 && mt.source.row == row) out.push_back(mt);
  return out;
}

/// True when the edge is quoted from this row: the row that states it answers for it.
bool quoted_from_row(const Edge& e, int row) {
  return row != 0 && e.source && e.source->row == row;
}

bool same_meeting(const Meeting& a, const Meeting& b) {
  return a.status == b.status && a.months == b.months && a.source.row == b.source.row &&
         a.source.section == b.source.section && a.source.text == b.source.text;
}

/// What a shared node says, for noticing two forms that wrote it differently.
std::string node_words(const Node& n) {
  std::string s = n.name + "\x1f" + n.name_en + "\x1f" + n.note + "\x1f" + n.description;
  for (const Alias& a : n.aliases) s += "\x1f" + a.name;
  if (n.source) s += "\x1f" + n.source->text;
  if (n.out_of_area) s += "\x1f" + n.out_of_area->text;
  return s;
}

}  // namespace

Dataset form_for(const Dataset& ds, std::size_t m) {
  Dataset f;
  f.origin = ds.origin;
  f.title = ds.title;
  f.document = ds.document;
  f.fiscal_year = ds.fiscal_year;
  f.source_text = ds.source_text;  // outside facts list every municipality: not in a form
  std::set<std::size_t> held = held_by(ds, m);
  std::vector<std::size_t> edges;
  std::set<std::size_t> nodes = {m};
  auto take = [&](std::size_t from, bool all) {
    for (std::size_t k : ds.edges_from(from))
      if (!is_outside_fact(ds.edges[k]) && (all || quoted_from_row(ds.edges[k], ds.nodes[m].row))) {
        edges.push_back(k);
        nodes.insert(ds.edges[k].to);
      }
  };
  take(m, true);
  for (std::size_t c : held) take(c, true);
  // A council it only takes part in: the ties its own row states (a sub-committee of the
  // regional council, quoted in this town's row).
  for (std::size_t k : ds.edges_from(m))
    if (ds.edges[k].relation == Relation::Participates && !held.count(ds.edges[k].to))
      take(ds.edges[k].to, false);
  std::map<std::size_t, std::size_t> index;
  for (std::size_t i : nodes) {  // in the dataset's order
    if (is_outside_fact(ds.nodes[i])) continue;
    Node n = ds.nodes[i];
    n.facts.reset();
    if (n.kind == Kind::Council && !held.count(i)) n.meetings = meetings_of_row(n, ds.nodes[m].row);
    index[i] = f.nodes.size();
    f.nodes.push_back(std::move(n));
  }
  std::sort(edges.begin(), edges.end());
  for (std::size_t k : edges) {
    Edge e = ds.edges[k];
    if (!index.count(e.from) || !index.count(e.to)) continue;
    e.from = index.at(e.from);
    e.to = index.at(e.to);
    f.edges.push_back(std::move(e));
  }
  f.build_index();
  return f;
}

std::string form_file_name(const Dataset& ds, std::size_t m) {
  const Node& n = ds.nodes[m];
  std::string name = n.name;
  std::replace(name.begin(), name.end(), '/', '_');
  if (n.row == 0) return n.id + "-" + name + ".xlsx";
  int widest = 0;
  for (const Node& x : ds.nodes) widest = std::max(widest, x.row);
  std::string row = std::to_string(n.row);
  std::size_t width = std::max<std::size_t>(2, std::to_string(widest).size());
  return std::string(width - std::min(width, row.size()), '0') + row + "-" + name + ".xlsx";
}

std::vector<std::string> write_forms(const Dataset& ds, const std::string& dir, bool force) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!std::filesystem::is_directory(dir))
    throw data_error(say("{1}: cannot create the folder", {dir}));
  std::vector<std::string> written;
  for (std::size_t i = 0; i < ds.nodes.size(); ++i) {
    if (ds.nodes[i].kind != Kind::Municipality || is_outside_fact(ds.nodes[i])) continue;
    std::string name = form_file_name(ds, i);
    write_workbook(form_for(ds, i), dir + "/" + name, force);
    written.push_back(name);
  }
  return written;
}

bool is_forms_folder(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec) || std::filesystem::exists(dir + "/document.csv", ec))
    return false;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (is_workbook_path(e.path().filename().string())) return true;
  return false;
}

namespace {

/// The merge in progress: nodes by id, each with the form it came from, and edges by ids.
class Merger {
 public:
  explicit Merger(const Dataset& reference) : reference_(reference) {}

  /// Adds what form `d` (read from `file`) answers for; its one municipality's name.
  std::string add(const Dataset& d, const std::string& file) {
    std::vector<std::size_t> ms;
    for (std::size_t i = 0; i < d.nodes.size(); ++i)
      if (d.nodes[i].kind == Kind::Municipality && !is_outside_fact(d.nodes[i])) ms.push_back(i);
    if (ms.size() != 1)
      throw data_error(
          say("{1}: holds {2} municipalities; a form answers for one (renkei "
              "template --per-municipality writes them)",
              {file, std::to_string(ms.size())}));
    std::size_t m = ms.front();
    const Node& mn = d.nodes[m];
    if (auto [it, fresh] = owner_.emplace(mn.id, file); !fresh)
      throw data_error(
          say("{1}: is a second form for {2} (also {3}); keep one", {file, mn.name, it->second}));
    if (out_.nodes.empty() && out_.title.empty()) {
      out_.title = d.title;
      out_.document = d.document;
      out_.fiscal_year = d.fiscal_year;
      out_.source_text = d.source_text;
      first_file_ = file;
    } else if (d.document.publisher != out_.document.publisher ||
               d.document.label != out_.document.label ||
               d.fiscal_year.label != out_.fiscal_year.label) {
      throw data_error(
          say("{1}: is a form of another table ({2} {3}, {4}; {5} is {6} {7}, {8})",
              {file, d.document.publisher, d.document.label, d.fiscal_year.label, first_file_,
               out_.document.publisher, out_.document.label, out_.fiscal_year.label}));
    }
    std::set<std::size_t> held = held_by(d, m);
    for (std::size_t i = 0; i < d.nodes.size(); ++i)
      if (!is_outside_fact(d.nodes[i])) node(d.nodes[i], i == m || held.count(i), mn.row, file);
    for (const Edge& e : d.edges) {
      bool answers = e.from == m || held.count(e.from) ||
                     (d.nodes[e.from].kind == Kind::Council && quoted_from_row(e, mn.row));
      if (!is_outside_fact(e) && answers)
        edges_.push_back({d.nodes[e.from].id, d.nodes[e.to].id, e});
    }
    return mn.name;
  }

  Dataset finish(const std::string& dir, MergeReport& report) {
    for (const Node& n : reference_.nodes)
      if (n.kind == Kind::Municipality && !is_outside_fact(n) && !owner_.count(n.id))
        report.not_answered.push_back(n.name);
    report.differing = differing_;
    for (auto& [from, to, e] : edges_) {
      e.from = index_.at(from);
      e.to = index_.at(to);
      out_.edges.push_back(e);
    }
    out_.origin = dir;
    std::optional<SourceDocument> source;
    std::optional<QuoteSource> quotes;
    if (!out_.document.source_file.empty() && !out_.source_text.empty())
      quotes.emplace(QuoteSource{source.emplace(read_source_text(out_.source_text, out_.document,
                                                                 out_.document.source_file)),
                                 out_.document.source_file});
    CheckResult checked = check(out_, quotes);
    if (!checked.problems.empty()) {
      const Problem& p = checked.problems.front();
      throw data_error(
          say("{1}: the forms together break a rule: {2}: {3}",
              {dir, p.place.pointer(), p.text + (p.also ? p.also->pointer() + p.rest : "")}));
    }
    // The outside facts name every municipality: they fit only a table with all of them.
    if (!reference_.outside_facts.empty() && report.not_answered.empty())
      if (auto text = dataset_sibling(reference_, reference_.outside_facts)) {
        out_.outside_facts = reference_.outside_facts;
        add_outside_facts(out_, *text, reference_.outside_facts, dir);
      }
    out_.build_index();
    return std::move(out_);
  }

 private:
  void node(const Node& n, bool own, int row, const std::string& file) {
    auto it = index_.find(n.id);
    if (it == index_.end()) {
      Node copy = n;
      if (copy.kind == Kind::Council && !own) copy.meetings = meetings_of_row(n, row);
      index_[n.id] = out_.nodes.size();
      from_[n.id] = {file, own};
      out_.nodes.push_back(std::move(copy));
      return;
    }
    Node& have = out_.nodes[it->second];
    auto& [have_file, have_own] = from_[n.id];
    if (own && !have_own) {  // the holder's form states its own council
      std::vector<Meeting> others = have.meetings;
      have = n;
      for (const Meeting& mt : others)
        if (std::none_of(have.meetings.begin(), have.meetings.end(),
                         [&](const Meeting& x) { return same_meeting(x, mt); }))
          have.meetings.push_back(mt);
      from_[n.id] = {file, true};
      return;
    }
    if (n.kind == Kind::Council)
      for (const Meeting& mt : meetings_of_row(n, row))
        if (std::none_of(have.meetings.begin(), have.meetings.end(),
                         [&](const Meeting& x) { return same_meeting(x, mt); }))
          have.meetings.push_back(mt);
    if (node_words(have) != node_words(n))
      differing_.push_back(
          say("{1}: {2} writes it differently from {3}; kept {3}'s", {have.name, file, have_file}));
  }

  struct PendingEdge {
    std::string from, to;
    Edge edge;
  };
  const Dataset& reference_;
  Dataset out_;
  std::string first_file_;
  std::map<std::string, std::size_t> index_;
  std::map<std::string, std::pair<std::string, bool>> from_;  ///< id → form, and whether it owns it
  std::map<std::string, std::string> owner_;                  ///< municipality id → its form
  std::vector<PendingEdge> edges_;
  std::vector<std::string> differing_;
};

}  // namespace

Dataset merge_forms(const std::string& dir, const Dataset& reference, MergeReport& report) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (is_workbook_path(name) && name.rfind("~$", 0) != 0)
      files.push_back(name);  // not Excel's lock files
  }
  std::sort(files.begin(), files.end());
  Merger merger(reference);
  std::size_t failed = 0;
  for (const std::string& name : files) {
    FormResult r{name, "", ""};
    try {
      ImportReport rep;
      Dataset d = import_sheets(dir + "/" + name, reference, &rep, {dir}, ReferenceUse::Always);
      r.municipality = merger.add(d, name);
    } catch (const Error& e) {
      r.error = e.what();
      ++failed;
    }
    report.forms.push_back(std::move(r));
  }
  if (failed)
    throw data_error(
        say("{1}: {2} of {3} forms cannot be read (each is listed above with its "
            "cell); fix them and import the folder again",
            {dir, std::to_string(failed), std::to_string(files.size())}));

  return merger.finish(dir, report);
}

}  // namespace renkei
