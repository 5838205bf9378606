// import: what the sheets held, what was matched and how, what was written.
#include "report/import.h"

#include <map>

#include "base/say.h"
#include "model/facts.h"

namespace renkei {

using nlohmann::json;

namespace {

std::string place_text(const CellPlace& p) {
  return p.sheet + ":" + std::to_string(p.line) + (p.column.empty() ? "" : " " + p.column);
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
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

// "municipality or council" (the report's English, also its JSON) in the sentence's language.
std::string kinds_words(Lang lang, const std::string& expected) {
  if (lang == Lang::En) return expected;
  std::string out, rest = expected;
  while (!rest.empty()) {
    std::size_t p = rest.find(" or ");
    std::string one = rest.substr(0, p);
    rest = p == std::string::npos ? "" : rest.substr(p + 4);
    std::string ja = one == "node" ? say(lang, "resolve|node") : one;
    for (const auto& t : kinds())
      if (one == t.word) ja = label(t, lang);
    out += (out.empty() ? "" : say(lang, "list| or ")) + ja;
  }
  return out;
}

// How a name was matched (the JSON's "how"), in the sentence's language.
std::string how_words(Lang lang, const std::string& how) {
  if (how == "name") return say(lang, "spelling|name");
  if (how == "alias") return say(lang, "spelling|alias");
  if (how == "romanized name") return say(lang, "spelling|romanized name");
  if (how == "short name") return say(lang, "spelling|short name");
  return how;
}

void print_unmatched(std::ostream& out, const ImportReport& rep, Lang lang) {
  if (rep.unmatched.empty()) return;
  const std::string sep = say(lang, "list|, ");
  out << say(lang, "names that match nothing the sheets define ({1}):",
             {std::to_string(rep.unmatched.size() + rep.unmatched_not_listed)})
      << "\n";
  for (const auto& u : rep.unmatched) {
    out << "  "
        << say(lang, "{1}: 「{2}」 is no {3}",
               {place_text(u.place), u.written, kinds_words(lang, u.expected)});
    if (!u.nearest.empty()) out << say(lang, "; nearest: {1}", {join(u.nearest, sep)});
    if (!u.hint.empty()) out << say(lang, " ({1})", {u.hint});
    out << "\n";
  }
  if (rep.unmatched_not_listed)
    out << "  "
        << say(lang, "… and {1} more, not listed", {std::to_string(rep.unmatched_not_listed)})
        << "\n";
}

void print_report(std::ostream& out, const ImportReport& rep, const Dataset& ds,
                  const Dataset& reference, const std::vector<ImportCopy>& copies,
                  const std::string& output, Lang lang) {
  const std::string sep = say(lang, "list|, ");
  bool folder = rep.dir.size() < 5 || rep.dir.substr(rep.dir.size() - 5) != ".xlsx";
  out << say(lang, "read {1} sheets from {2}",
             {std::to_string(rep.sheets_read.size()), rep.dir + (folder ? "/" : "")})
      << "\n";
  if (!rep.shift_jis_sheets.empty())
    out << "  "
        << say(lang,
               "converted from Shift_JIS to UTF-8: {1} (next time save as \"CSV UTF-8 "
               "(コンマ区切り)\")",
               {join(rep.shift_jis_sheets, sep)})
        << "\n";
  if (!rep.ignored_files.empty())
    out << "  "
        << say(lang, "not a sheet of the layout, ignored: {1}", {join(rep.ignored_files, sep)})
        << "\n";
  std::string counts;
  for (const auto& k : kinds()) {
    if (k.value == Kind::Region) continue;
    std::size_t n = 0;
    for (const Node& node : ds.nodes) n += node.kind == k.value;
    if (n)
      counts +=
          (counts.empty() ? "" : sep) + kind_word(ds, k.value, lang) + " " + std::to_string(n);
  }
  out << say(lang, "nodes: {1}", {counts}) << "\n";
  counts.clear();
  for (const auto& r : relations()) {
    if (r.value == Relation::InRegion) continue;
    std::size_t n = 0;
    for (const Edge& e : ds.edges) n += e.relation == r.value;
    if (n) counts += (counts.empty() ? "" : sep) + label(r, lang) + " " + std::to_string(n);
  }
  out << say(lang, "edges: {1}", {counts}) << "\n";
  {
    LanguageScope in(lang);  // sources_words says its words in the process's language
    out << say(lang, "quotes: {1}",
               {sources_words(ds, rep.quotes_checked, rep.quotes_anywhere, rep.facts_entered,
                              ds.document.source_file, N_("document.csv names no source text"))})
        << "\n";
  }
  for (const auto& f : rep.siblings)
    out << "  " << say(lang, "{1}: from {2}", {f.name, f.found_at}) << "\n";
  if (!rep.reference.empty())
    out << say(lang, "names matched against: {1}", {rep.reference}) << "\n";
  else if (!rep.reference_skipped.empty())
    out << say(lang,
               "names matched against: no other table ({1}; give --data LAST-YEAR.json to "
               "match against the same table's last year)",
               {rep.reference_skipped})
        << "\n";
  if (!rep.other_spellings.empty()) {
    out << say(lang, "matched through another spelling ({1}):",
               {std::to_string(rep.other_spellings.size())})
        << "\n";
    for (const auto& s : rep.other_spellings)
      out << "  "
          << say(lang, "{1}: 「{2}」 → {3} ({4}, by {5})",
                 {place_text(s.place), s.written, s.name, s.id, how_words(lang, s.how)})
          << "\n";
  }
  if (!rep.new_nodes.empty() && !rep.reference.empty()) {
    out << say(lang,
               "new, not in the reference data ({1}):", {std::to_string(rep.new_nodes.size())})
        << "\n";
    for (const auto& n : rep.new_nodes) {
      out << "  "
          << say(lang, "{1}: {2} 「{3}」 → id {4}",
                 {place_text(n.place), label(n.kind, lang), n.name, n.id});
      if (!n.nearest.empty()) out << say(lang, " (close to existing: {1})", {join(n.nearest, sep)});
      out << "\n";
    }
  }
  if (!rep.not_in_sheets.empty()) {
    // Grouped by kind and cut short: a one-town template would otherwise list a hundred nodes.
    out << say(lang, "in the reference data but in no sheet ({1}):",
               {std::to_string(rep.not_in_sheets.size())})
        << "\n";
    std::map<Kind, std::vector<std::string>> by_kind;
    for (const auto& id : rep.not_in_sheets) {
      const Node& n = reference.nodes[*reference.find_id(id)];
      by_kind[n.kind].push_back(n.name + say(lang, " ({1})", {id}));
    }
    for (const auto& [kind, names] : by_kind) {
      out << "  " << label(kind, lang) << " ";
      for (std::size_t i = 0; i < names.size() && i < 5; ++i) out << (i ? sep : "") << names[i];
      if (names.size() > 5)
        out << say(lang, " and {1} more (--json lists all)", {std::to_string(names.size() - 5)});
      out << "\n";
    }
  }
  if (output.empty()) {
    out << say(lang, "nothing written (give -o FILE.json to write the dataset)") << "\n";
    return;
  }
  out << say(lang, "wrote {1}", {output}) << "\n";
  for (const auto& c : copies)
    if (c.needed)
      out << "  " << say(lang, "and {1} (from {2})", {c.target, c.file->found_at}) << "\n";
}

}  // namespace

void print_import_failure(const Reply& c, const ImportReport& rep, const std::string& output) {
  if (c.json)
    print_json(c.out, report_json(rep, nullptr, output));
  else
    print_unmatched(c.out, rep, c.said());
}

void print_import(const Reply& c, const ImportReport& rep, const Dataset& ds,
                  const std::vector<ImportCopy>& copies, const std::string& output) {
  if (c.json)
    print_json(c.out, report_json(rep, &ds, output));
  else
    print_report(c.out, rep, ds, c.ds, copies, output, c.said());
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
  Lang lang = c.said();
  c.out << say(lang, "read {1} forms from {2}/", {std::to_string(r.forms.size()), dir}) << "\n";
  for (const FormResult& f : r.forms)
    c.out << "  "
          << (f.error.empty() ? f.file + ": " + f.municipality
                              : say(lang, "{1}: error: {2}", {f.file, f.error}))
          << "\n";
  if (!r.not_answered.empty()) {
    std::string names;
    for (const auto& n : r.not_answered) names += (names.empty() ? "" : "、") + n;
    c.out << say(lang,
                 "not answered ({1}; not in the merged table): {2}\n  (the outside facts, "
                 "which name every municipality{3}, are left out until all have answered)",
                 {std::to_string(r.not_answered.size()), names, units_word(c.ds, lang, "")})
          << "\n";
  }
  for (const auto& d : r.differing)
    c.out << "  " << say(lang, "written differently: {1}", {d}) << "\n";
}

}  // namespace renkei
