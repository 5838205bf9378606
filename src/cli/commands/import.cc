// renkei template, renkei import: next year's table from spreadsheets (docs/import.md).
#include <sys/stat.h>

#include <filesystem>
#include <map>

#include "base/error.h"
#include "base/output_file.h"
#include "cli/commands.h"
#include "formats/dataset_json.h"
#include "formats/sheets.h"

namespace renkei {

using nlohmann::json;

/// The options of `renkei template`.
struct TemplateOptions {
  std::vector<std::string> positional;
  bool force = false;  ///< replace sheets that already exist
};
void run_template(Context& c, const TemplateOptions& opt);

Handler setup_template(CLI::App& app) {
  auto o = std::make_shared<TemplateOptions>();
  app.add_option("DIR", o->positional, "folder to write the sheets into (created if missing)")
      ->required()
      ->expected(1);
  app.add_flag("--force", o->force, "replace sheets that already exist in DIR");
  return [o](Context& c) { run_template(c, *o); };
}

void run_template(Context& c, const TemplateOptions& opt) {
  const std::string& dir = opt.positional.at(0);
  std::vector<std::string> files = write_template(dir, opt.force);
  if (c.options.json) {
    print_json(c.out, {{"dir", dir}, {"files", files}});
    return;
  }
  c.out << "wrote " << files.size() << " files to " << dir << "/:\n";
  for (const auto& f : files) c.out << "  " << f << "\n";
  c.out << "fill them in (one example row each; README.txt explains the columns), then:\n"
        << "  renkei import " << dir << " -o data/NEW.json\n";
}

/// The options of `renkei import`.
struct ImportOptions {
  std::vector<std::string> positional;
  std::string output;
};
void run_import(Context& c, const ImportOptions& opt);

Handler setup_import(CLI::App& app) {
  auto o = std::make_shared<ImportOptions>();
  app.add_option("DIR", o->positional,
                 "folder holding the sheets (document.csv, municipalities.csv, …)")
      ->required()
      ->expected(1);
  app.add_option("-o,--output", o->output,
                 "dataset file to write; without it the sheets are only checked. The source text "
                 "and outside facts "
                 "are copied beside it when they are not there yet")
      ->type_name("FILE.json");
  return [o](Context& c) { run_import(c, *o); };
}

namespace {

std::string place_text(const CellPlace& p) {
  return p.sheet + ":" + std::to_string(p.line) + (p.column.empty() ? "" : " " + p.column);
}

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

std::string directory_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

/// A file to put beside the output: where it goes and whether it is already there.
struct Copy {
  const SiblingFile* file;
  std::string target;
  bool needed;
};

/// The files the dataset names, checked against what is beside the output before anything is
/// written: the same file is fine, a different one would change what the quotes mean.
std::vector<Copy> plan_copies(const ImportReport& rep, const std::string& out_dir) {
  std::vector<Copy> copies;
  for (const SiblingFile& f : rep.siblings) {
    std::string target = out_dir == "." ? f.name : out_dir + "/" + f.name;
    std::optional<std::string> there = read_existing_output(target);
    if (there && *there != f.contents)
      throw data_error(target + " already exists and differs from " + f.found_at +
                       ", which the import was checked against; write the dataset to another "
                       "folder, or replace that file "
                       "yourself if it is outdated");
    copies.push_back({&f, target, !there});
  }
  return copies;
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
  if (ds) {
    std::map<std::string, std::size_t> nodes, edges;
    for (const Node& n : ds->nodes)
      if (n.kind != Kind::Region) ++nodes[word(n.kind)];
    for (const Edge& e : ds->edges)
      if (e.relation != Relation::InRegion) ++edges[word(e.relation)];
    j["nodes"] = nodes;
    j["edges"] = edges;
    j["quotes_checked"] = rep.quotes_checked;
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
                  const Dataset& reference, const std::vector<Copy>& copies,
                  const std::string& output) {
  out << "read " << rep.sheets_read.size() << " sheets from " << rep.dir << "/\n";
  if (!rep.shift_jis_sheets.empty())
    out << "  converted from Shift_JIS to UTF-8: " << join(rep.shift_jis_sheets)
        << " (next time save as \"CSV UTF-8 (コンマ区切り)\")\n";
  if (!rep.ignored_files.empty())
    out << "  not a sheet, ignored: " << join(rep.ignored_files) << "\n";
  std::string counts;
  for (const auto& k : kinds()) {
    if (k.value == Kind::Region) continue;
    std::size_t n = 0;
    for (const Node& node : ds.nodes) n += node.kind == k.value;
    if (n) counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + k.label_ja;
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
  if (ds.document.source_file.empty())
    out << "quotes: not checked (document.csv names no source text)\n";
  else
    out << "quotes checked: " << rep.quotes_checked << " against " << ds.document.source_file
        << "\n";
  for (const auto& f : rep.siblings) out << "  " << f.name << ": from " << f.found_at << "\n";
  if (!rep.other_spellings.empty()) {
    out << "matched through another spelling (" << rep.other_spellings.size() << "):\n";
    for (const auto& s : rep.other_spellings)
      out << "  " << place_text(s.place) << ": 「" << s.written << "」 → " << s.name << " (" << s.id
          << ", by " << s.how << ")\n";
  }
  if (!rep.new_nodes.empty()) {
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

void run_import(Context& c, const ImportOptions& opt) {
  const std::string& dir = opt.positional.at(0);
  const std::string& output = opt.output;
  std::string out_dir = directory_of(output);
  if (!output.empty()) {
    struct stat st;
    if (stat(output.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
      throw usage_error("import: -o " + output +
                        " is a folder; give the dataset file to write, e.g. data/NEW.json");
    if (stat(out_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
      throw data_error(output + ": the folder " + out_dir + " does not exist; create it first");
  }
  ImportReport rep;
  Dataset ds;
  try {
    ds = import_sheets(
        dir, c.ds, &rep,
        output.empty() ? std::vector<std::string>{} : std::vector<std::string>{out_dir});
  } catch (const Error&) {
    if (c.options.json)
      print_json(c.out, report_json(rep, nullptr, output));
    else
      print_unmatched(c.out, rep);
    throw;
  }
  std::vector<Copy> copies;
  if (!output.empty()) {
    copies = plan_copies(rep, out_dir);
    // The dataset and the files it names, as one set: never a new dataset beside an old
    // source text, or the other way round.
    std::vector<std::pair<std::string, std::string>> set;
    for (const Copy& copy : copies) {
      if (!copy.needed) continue;
      std::filesystem::create_directories(std::filesystem::path(copy.target).parent_path());
      set.push_back({copy.file->name, copy.file->contents});
    }
    if (set.empty()) {
      write_file_atomically(output, dataset_to_json(ds));
    } else {
      set.push_back({std::filesystem::path(output).filename().string(), dataset_to_json(ds)});
      write_file_set(out_dir, set);
    }
  }
  if (c.options.json)
    print_json(c.out, report_json(rep, &ds, output));
  else
    print_report(c.out, rep, ds, c.ds, copies, output);
}

}  // namespace renkei
