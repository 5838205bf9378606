// renkei template, renkei import: next year's table from spreadsheets (docs/import.md).
#include <sys/stat.h>

#include <filesystem>
#include <map>

#include "base/error.h"
#include "base/output_file.h"
#include "base/say.h"
#include "cli/commands.h"
#include "diff/diff.h"
#include "formats/dataset_json.h"
#include "formats/forms.h"
#include "formats/load.h"
#include "formats/sheets.h"
#include "formats/workbook.h"
#include "report/diff.h"
#include "report/import.h"

namespace renkei {

using nlohmann::json;

/// The options of `renkei template`.
struct TemplateOptions {
  std::vector<std::string> positional;
  bool force = false;             ///< replace sheets that already exist
  std::string from;               ///< --from DATA.json: the sheets filled from this dataset
  bool per_municipality = false;  ///< one form per municipality, into the folder
};
void run_template(Context& c, const TemplateOptions& opt);

Handler setup_template(OptionSet& app) {
  auto o = std::make_shared<TemplateOptions>();
  app.add_option("DIR", o->positional,
                 say("folder to write the sheets into (created if missing), or BOOK.xlsx for one "
                     "workbook"))
      ->required()
      ->expected(1);
  app.add_flag("--force", o->force, say("replace sheets that already exist in DIR"));
  app.add_option("--from", o->from,
                 say("fill every sheet from this dataset instead of the one example row (next "
                     "year: change what changed)"))
      ->type_name("DATA.json");
  app.add_flag("--per-municipality", o->per_municipality,
               say("with --from: one pre-filled workbook per municipality (照会様式) into DIR, "
                   "each holding its own rows and the shared offices it uses"));
  return [o](Context& c) { run_template(c, *o); };
}

void run_template(Context& c, const TemplateOptions& opt) {
  const std::string& dir = opt.positional.at(0);
  if (opt.per_municipality) {
    if (opt.from.empty())
      throw usage_error(
          say("template: --per-municipality needs --from DATA.json, the table the forms are "
              "filled from"));
    if (is_workbook_path(dir))
      throw usage_error(
          say("template: --per-municipality writes one workbook per "
              "municipality; give a folder, not {1}",
              {dir}));
    std::vector<std::string> files = write_forms(load_dataset_file(opt.from), dir, opt.force);
    c.out << say(
        "wrote {1} forms to {2}/ (one per municipality, filled from {3}); send them "
        "out, put the returned ones in a folder, then:\n"
        "  renkei import FOLDER --data {3} -o data/NEW.json\n",
        {std::to_string(files.size()), dir, opt.from});
    return;
  }
  if (!opt.from.empty()) {  // last year's table, to be changed where it changed
    Dataset ds = load_dataset_file(opt.from);
    if (is_workbook_path(dir))
      write_workbook(ds, dir, opt.force);
    else
      write_sheets(ds, dir, opt.force);
    if (c.options.json) {
      print_json(c.out, {{"written", dir}, {"from", opt.from}});
      return;
    }
    c.out << say(
        "wrote {1} filled from {2}; change what changed, then:\n"
        "  renkei import {1} --data {2} -o data/NEW.json\n",
        {dir, opt.from});
    return;
  }
  if (is_workbook_path(dir)) {
    write_workbook(template_example(), dir, opt.force);
    if (c.options.json) {
      print_json(c.out, {{"workbook", dir}});
      return;
    }
    c.out << say(
        "wrote {1}: one sheet per table, each with one example row (its first sheet, "
        "説明, explains the columns); fill it in, then:\n"
        "  renkei import {1} -o data/NEW.json\n",
        {dir});
    return;
  }
  std::vector<std::string> files = write_template(dir, opt.force);
  if (c.options.json) {
    print_json(c.out, {{"dir", dir}, {"files", files}});
    return;
  }
  c.out << say("wrote {1} files to {2}/:\n", {std::to_string(files.size()), dir});
  for (const auto& f : files) c.out << "  " << f << "\n";
  c.out << say(
      "fill them in (one example row each; README.txt explains the columns), then:\n"
      "  renkei import {1} -o data/NEW.json\n",
      {dir});
}

/// The options of `renkei import`.
struct ImportOptions {
  std::vector<std::string> positional;
  std::string output;
};
void run_import(Context& c, const ImportOptions& opt);

Handler setup_import(OptionSet& app) {
  auto o = std::make_shared<ImportOptions>();
  app.add_option("DIR", o->positional,
                 say("folder holding the sheets (document.csv, municipalities.csv, …)"))
      ->required()
      ->expected(1);
  app.add_option("-o,--output", o->output,
                 say("dataset file to write; without it the sheets are only checked. The source "
                     "text and outside facts are copied beside it when they are not there yet"))
      ->type_name("FILE.json");
  return [o](Context& c) { run_import(c, *o); };
}

namespace {

std::string directory_of(const std::string& path) {
  auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

/// The files the dataset names, checked against what is beside the output before anything is
/// written: the same file is fine, a different one would change what the quotes mean.
std::vector<ImportCopy> plan_copies(const ImportReport& rep, const std::string& out_dir) {
  std::vector<ImportCopy> copies;
  for (const SiblingFile& f : rep.siblings) {
    std::string target = out_dir == "." ? f.name : out_dir + "/" + f.name;
    std::optional<std::string> there = read_existing_output(target);
    if (there && *there != f.contents)
      throw data_error(
          say("{1} already exists and differs from {2}, which the import was "
              "checked against; write the dataset to another folder, or replace "
              "that file yourself if it is outdated",
              {target, f.found_at}));
    copies.push_back({&f, target, !there});
  }
  return copies;
}

}  // namespace

/// A folder of returned forms: each read and checked, then merged and checked as one table;
/// the report says per form what it answered or what is wrong, and what changed.
void run_merge(Context& c, const std::string& dir, const std::string& output,
               const std::string& out_dir) {
  MergeReport mr;
  Dataset ds;
  try {
    ds = merge_forms(dir, c.ds, mr);
  } catch (const Error&) {
    print_merge(c, mr, dir);
    throw;
  }
  print_merge(c, mr, dir);
  std::vector<SiblingFile> files;
  if (!ds.document.source_file.empty())
    files.push_back({ds.document.source_file, say("the forms' text"), ds.source_text});
  if (!ds.outside_facts.empty())
    if (auto text = dataset_sibling(c.ds, ds.outside_facts))
      files.push_back({ds.outside_facts, say("the copy beside {1}", {c.ds.origin}), *text, true});
  if (!c.options.json) {
    c.out << say("\nchanges against {1}:\n", {c.ds.origin});
    print_diff(Reply{ds, c.out, c.lang(), false}, diff_datasets(c.ds, ds));
  }
  if (output.empty()) {
    c.out << say("nothing written (give -o FILE.json to write the merged table)\n");
    return;
  }
  ImportReport rep;
  rep.siblings = files;
  std::vector<std::pair<std::string, std::string>> set;
  for (const ImportCopy& copy : plan_copies(rep, out_dir)) {
    if (!copy.needed) continue;
    std::filesystem::create_directories(std::filesystem::path(copy.target).parent_path());
    set.push_back({copy.file->name, copy.file->contents});
  }
  set.push_back({std::filesystem::path(output).filename().string(), dataset_to_json(ds)});
  write_file_set(out_dir, set);
  c.out << say("wrote {1}", {output}) << "\n";
}

void run_import(Context& c, const ImportOptions& opt) {
  const std::string& dir = opt.positional.at(0);
  const std::string& output = opt.output;
  std::string out_dir = directory_of(output);
  if (!output.empty()) {
    struct stat st;
    if (stat(output.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
      throw usage_error(
          say("import: -o {1} is a folder; give the dataset file to write, e.g. data/NEW.json",
              {output}));
    if (stat(out_dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
      throw data_error(
          say("{1}: the folder {2} does not exist; create it first", {output, out_dir}));
  }
  if (is_forms_folder(dir)) {
    run_merge(c, dir, output, out_dir);
    return;
  }
  ImportReport rep;
  Dataset ds;
  try {
    // Without --data the reference is the built-in table, which only lends its names to
    // sheets of the same publisher.
    ds = import_sheets(
        dir, c.ds, &rep,
        output.empty() ? std::vector<std::string>{} : std::vector<std::string>{out_dir},
        c.options.data.empty() ? ReferenceUse::SamePublisherOnly : ReferenceUse::Always);
  } catch (const Error&) {
    print_import_failure(c, rep, output);
    throw;
  }
  std::vector<ImportCopy> copies;
  if (!output.empty()) {
    copies = plan_copies(rep, out_dir);
    // The dataset and the files it names, as one set: never a new dataset beside an old
    // source text, or the other way round.
    std::vector<std::pair<std::string, std::string>> set;
    for (const ImportCopy& copy : copies) {
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
  print_import(c, rep, ds, copies, output);
}

}  // namespace renkei
