// import: what the sheets held, what was matched and how, what was written.
#include "report/import.h"

#include <map>

#include "model/facts.h"

namespace renkei {

using nlohmann::json;

namespace {

std::string place_text(const CellPlace& p) {
  return p.sheet + ":" + std::to_string(p.line) + (p.column.empty() ? "" : " " + p.column);
}

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

json report_json(const ImportReport& rep, const Dataset* ds, const std::string& output) {
  auto place = [](const CellPlace& p) {
    return json{{"sheet", p.sheet}, {"line", p.line}, {"column", p.column}};
  };
  json j;
  j["ok"] = ds != nullptr;
  j["dir"] = rep.dir;
  j["output"] = output.empty() ? json(nullptr) : json(output);
  j["sheets_read"] = rep.sheets_read;
  j["converted_from_shift_jis"] = rep.shift_jis_sheets;
  j["ignored_files"] = rep.ignored_files;
  j["reference"] = rep.reference;
  if (!rep.reference_skipped.empty()) j["reference_skipped"] = rep.reference_skipped;
  if (ds) {
    std::map<std::string, std::size_t> nodes, edges;
    for (const Node& n : ds->nodes)
      if (n.kind != Kind::Region) ++nodes[word(n.kind)];
    for (const Edge& e : ds->edges)
      if (e.relation != Relation::InRegion) ++edges[word(e.relation)];
    j["nodes"] = nodes;
    j["edges"] = edges;
    j["quotes_checked"] = rep.quotes_checked;
    j["facts_entered"] = rep.facts_entered;
  }
  json files = json::array();
  for (const auto& f : rep.siblings) files.push_back({{"name", f.name}, {"found_at", f.found_at}});
  j["files"] = files;
  json spellings = json::array();
  for (const auto& s : rep.other_spellings)
    spellings.push_back({{"place", place(s.place)},
                         {"written", s.written},
                         {"id", s.id},
                         {"name", s.name},
                         {"how", s.how}});
  j["other_spellings"] = spellings;
  json fresh = json::array();
  for (const auto& n : rep.new_nodes)
    fresh.push_back({{"place", place(n.place)},
                     {"kind", word(n.kind)},
                     {"name", n.name},
                     {"id", n.id},
                     {"nearest", n.nearest}});
  j["new_nodes"] = fresh;
  j["not_in_sheets"] = rep.not_in_sheets;
  json unmatched = json::array();
  for (const auto& u : rep.unmatched)
    unmatched.push_back({{"place", place(u.place)},
                         {"written", u.written},
                         {"expected", u.expected},
                         {"nearest", u.nearest},
                         {"hint", u.hint}});
  j["unmatched"] = unmatched;
  j["unmatched_not_listed"] = rep.unmatched_not_listed;
  return j;
}

void print_unmatched(std::ostream& out, const ImportReport& rep) {
  if (rep.unmatched.empty()) return;
  out << "names that match nothing the sheets define ("
      << rep.unmatched.size() + rep.unmatched_not_listed << "):\n";
  for (const auto& u : rep.unmatched) {
    out << "  " << place_text(u.place) << ": 「" << u.written << "」 is no " << u.expected;
    if (!u.nearest.empty()) out << "; nearest: " << join(u.nearest);
    if (!u.hint.empty()) out << " (" << u.hint << ")";
    out << "\n";
  }
  if (rep.unmatched_not_listed)
    out << "  … and " << rep.unmatched_not_listed << " more, not listed\n";
}

void print_report(std::ostream& out, const ImportReport& rep, const Dataset& ds,
                  const Dataset& reference, const std::vector<ImportCopy>& copies,
                  const std::string& output) {
  bool folder = rep.dir.size() < 5 || rep.dir.substr(rep.dir.size() - 5) != ".xlsx";
  out << "read " << rep.sheets_read.size() << " sheets from " << rep.dir << (folder ? "/" : "")
      << "\n";
  if (!rep.shift_jis_sheets.empty())
    out << "  converted from Shift_JIS to UTF-8: " << join(rep.shift_jis_sheets)
        << " (next time save as \"CSV UTF-8 (コンマ区切り)\")\n";
  if (!rep.ignored_files.empty())
    out << "  not a sheet of the layout, ignored: " << join(rep.ignored_files) << "\n";
  std::string counts;
  for (const auto& k : kinds()) {
    if (k.value == Kind::Region) continue;
    std::size_t n = 0;
    for (const Node& node : ds.nodes) n += node.kind == k.value;
    std::string what = k.value == Kind::Municipality ? unit_word(ds) : k.label_ja;
    if (n) counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + what;
  }
  out << "nodes: " << counts << "\n";
  counts.clear();
  for (const auto& r : relations()) {
    if (r.value == Relation::InRegion) continue;
    std::size_t n = 0;
    for (const Edge& e : ds.edges) n += e.relation == r.value;
    if (n) counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + r.word;
  }
  out << "edges: " << counts << "\n";
  out << "quotes: "
      << sources_words(ds, rep.quotes_checked, rep.quotes_anywhere, rep.facts_entered,
                       ds.document.source_file, "document.csv names no source text")
      << "\n";
  for (const auto& f : rep.siblings) out << "  " << f.name << ": from " << f.found_at << "\n";
  if (!rep.reference.empty())
    out << "names matched against: " << rep.reference << "\n";
  else if (!rep.reference_skipped.empty())
    out << "names matched against: no other table (" << rep.reference_skipped
        << "; give --data LAST-YEAR.json to match against the same table's last year)\n";
  if (!rep.other_spellings.empty()) {
    out << "matched through another spelling (" << rep.other_spellings.size() << "):\n";
    for (const auto& s : rep.other_spellings)
      out << "  " << place_text(s.place) << ": 「" << s.written << "」 → " << s.name << " (" << s.id
          << ", by " << s.how << ")\n";
  }
  if (!rep.new_nodes.empty() && !rep.reference.empty()) {
    out << "new, not in the reference data (" << rep.new_nodes.size() << "):\n";
    for (const auto& n : rep.new_nodes) {
      out << "  " << place_text(n.place) << ": " << word(n.kind) << " 「" << n.name << "」 → id "
          << n.id;
      if (!n.nearest.empty()) out << " (close to existing: " << join(n.nearest) << ")";
      out << "\n";
    }
  }
  if (!rep.not_in_sheets.empty()) {
    // Grouped by kind and cut short: a one-town template would otherwise list a hundred nodes.
    out << "in the reference data but in no sheet (" << rep.not_in_sheets.size() << "):\n";
    std::map<Kind, std::vector<std::string>> by_kind;
    for (const auto& id : rep.not_in_sheets) {
      const Node& n = reference.nodes[*reference.find_id(id)];
      by_kind[n.kind].push_back(n.name + " (" + id + ")");
    }
    for (const auto& [kind, names] : by_kind) {
      out << "  " << word(kind) << " ";
      for (std::size_t i = 0; i < names.size() && i < 5; ++i) out << (i ? ", " : "") << names[i];
      if (names.size() > 5) out << " and " << names.size() - 5 << " more (--json lists all)";
      out << "\n";
    }
  }
  if (output.empty()) {
    out << "nothing written (give -o FILE.json to write the dataset)\n";
    return;
  }
  out << "wrote " << output << "\n";
  for (const auto& c : copies)
    if (c.needed) out << "  and " << c.target << " (from " << c.file->found_at << ")\n";
}

}  // namespace

void print_import_failure(const Reply& c, const ImportReport& rep, const std::string& output) {
  if (c.json)
    print_json(c.out, report_json(rep, nullptr, output));
  else
    print_unmatched(c.out, rep);
}

void print_import(const Reply& c, const ImportReport& rep, const Dataset& ds,
                  const std::vector<ImportCopy>& copies, const std::string& output) {
  if (c.json)
    print_json(c.out, report_json(rep, &ds, output));
  else
    print_report(c.out, rep, ds, c.ds, copies, output);
}

void print_merge(const Reply& c, const MergeReport& r, const std::string& dir) {
  if (c.json) {
    json forms = json::array();
    for (const FormResult& f : r.forms)
      forms.push_back({{"file", f.file}, {"municipality", f.municipality}, {"error", f.error}});
    print_json(c.out, {{"dir", dir},
                       {"forms", forms},
                       {"not_answered", r.not_answered},
                       {"written_differently", r.differing}});
    return;
  }
  c.out << "read " << r.forms.size() << " forms from " << dir << "/\n";
  for (const FormResult& f : r.forms)
    c.out << "  " << f.file << ": " << (f.error.empty() ? f.municipality : "error: " + f.error)
          << "\n";
  if (!r.not_answered.empty()) {
    std::string names;
    for (const auto& n : r.not_answered) names += (names.empty() ? "" : "、") + n;
    c.out << "not answered (" << r.not_answered.size() << "; not in the merged table): " << names
          << "\n  (the outside facts, which name every municipality, are left out until all "
             "have answered)\n";
  }
  for (const auto& d : r.differing) c.out << "  written differently: " << d << "\n";
}

}  // namespace renkei
