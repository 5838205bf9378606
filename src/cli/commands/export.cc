// export: the whole graph as GraphML, GEXF, CSV, node-link JSON or plain DOT (docs/export.md).
#include <filesystem>
#include <functional>

#include "base/error.h"
#include "base/output_file.h"
#include "base/quoted.h"
#include "base/say.h"
#include "base/text.h"
#include "cli/commands.h"
#include "formats/export.h"
#include "formats/sheets.h"
#include "formats/workbook.h"

namespace renkei {

namespace {

/// One export format: its --format word, the extension that implies it, and a one-line help.
struct ExportFormat {
  const char* name;
  const char* extension;  ///< "" for formats written to a directory
  const char* summary;
};

const std::vector<ExportFormat>& export_formats() {
  static const std::vector<ExportFormat> table = {
      {"graphml", ".graphml", N_("GraphML for Gephi, yEd, Cytoscape and NetworkX")},
      {"gexf", ".gexf", N_("GEXF 1.2 for Gephi")},
      {"csv", "", N_("nodes.csv and edges.csv in the -o directory, for Excel (UTF-8 with BOM)")},
      {"json", ".json", N_("NetworkX node-link JSON (networkx.node_link_graph)")},
      {"dot", ".dot", N_("plain Graphviz DOT of every node and edge")},
      {"sheets", "",
       N_("the spreadsheet sheets `renkei import` reads (docs/import.md), into -o DIR")},
      {"xlsx", ".xlsx",
       N_("the same sheets as one Excel workbook, with drop-down lists (-o BOOK.xlsx)")},
  };
  return table;
}

const ExportFormat& parse_export_format(const std::string& s) {
  std::vector<std::string> names;
  for (const auto& f : export_formats()) {
    if (s == f.name) return f;
    names.push_back(f.name);
  }
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i)
    list += (i ? (i + 1 == names.size() ? say(" or ") : ", ") : "") + names[i];
  throw usage_error(say("export: unknown format {1}{2}; formats are {3}",
                        {in_quotes(s), did_you_mean(s, names), list}));
}

/// The format -o's extension names, if any (.gv counts as DOT).
const ExportFormat* format_of_path(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext == ".gv") ext = ".dot";
  for (const auto& f : export_formats())
    if (*f.extension && ext == f.extension) return &f;
  return nullptr;
}

/// Writes nodes.csv and edges.csv into `dir`, creating it when it does not exist.
void write_csv_pair(const std::string& dir, const Dataset& ds, const ExportOptions& opt) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    throw usage_error(say(
        "export: -o {1} is a file; --format csv writes nodes.csv and edges.csv into a directory",
        {dir}));
  fs::create_directories(dir, ec);
  if (ec) throw data_error(say("export: cannot create directory {1}: {2}", {dir, ec.message()}));
  // One set: a reader never finds this year's nodes beside last year's edges.
  write_file_set(dir, {{"edges.csv", to_edges_csv(ds, opt)}, {"nodes.csv", to_nodes_csv(ds, opt)}});
}

}  // namespace

/// The options of `renkei export` (ExportOptions are the writers').
struct ExportCommandOptions {
  std::string format;
  std::string output;
  bool force = false;
  std::string via;
};
void run_export(Context& c, const ExportCommandOptions& args);

Handler setup_export(OptionSet& app) {
  auto o = std::make_shared<ExportCommandOptions>();
  std::string list;
  for (const auto& f : export_formats()) list += "\n  " + pad(f.name, 9) + say(f.summary);
  app.add_option("--format", o->format,
                 say("what to write (default: from -o's extension):{1}", {list}))
      ->type_name("FORMAT");
  app.add_option("-o,--output", o->output,
                 say("file to write (default: standard output); for csv and sheets, the directory "
                     "to write into"))
      ->type_name("PATH");
  app.add_flag("--force", o->force,
               say("with --format sheets: replace sheets in DIR that differ from this dataset's"));
  app.add_option(
         "--relations", o->via,
         say("only edges of these relations, comma-separated (default: all); every node is kept"))
      ->type_name("LIST");
  return [o](Context& c) { run_export(c, *o); };
}

void run_export(Context& c, const ExportCommandOptions& args) {
  const ExportFormat* format = nullptr;
  if (!args.format.empty())
    format = &parse_export_format(args.format);
  else if (!args.output.empty())
    format = format_of_path(args.output);
  if (!format)
    throw usage_error(
        args.output.empty()
            ? say("export: say which format with --format graphml, gexf, csv, json, dot, sheets "
                  "or xlsx")
            : say("export: say which format with --format graphml, gexf, csv, json, dot, sheets "
                  "or xlsx (-o {1} has no extension that names one)",
                  {args.output}));

  ExportOptions opt;
  opt.lang = c.lang();
  if (!args.via.empty()) opt.relations = parse_relations_arg(args.via);

  const std::string name = format->name;
  if (name == "csv") {
    if (args.output.empty())
      throw usage_error(
          say("export: --format csv writes two files, nodes.csv and edges.csv; give -o DIR for "
              "the directory to put them in"));
    write_csv_pair(args.output, c.ds, opt);
    return;
  }
  if (name == "sheets") {
    if (args.output.empty())
      throw usage_error(
          say("export: --format sheets writes one CSV per sheet; give -o DIR for the directory to "
              "put them in"));
    if (!args.via.empty())
      throw usage_error(
          say("export: --relations does not apply to --format sheets; sheets always hold the "
              "whole dataset"));
    std::error_code ec;
    if (std::filesystem::exists(args.output, ec) && !std::filesystem::is_directory(args.output, ec))
      throw usage_error(
          say("export: -o {1} is a file; --format sheets writes its sheets into a directory",
              {args.output}));
    const std::vector<std::string> files = write_sheets(c.ds, args.output, args.force);
    c.out << say("{1} files written to {2}/ (edit them, then `renkei import {2}`)",
                 {std::to_string(files.size()), args.output})
          << "\n";
    return;
  }

  if (name == "xlsx") {
    if (args.output.empty())
      throw usage_error(say("export: --format xlsx writes a workbook; give -o BOOK.xlsx"));
    if (!args.via.empty())
      throw usage_error(
          say("export: --relations does not apply to --format xlsx; the workbook holds the "
              "whole dataset"));
    write_workbook(c.ds, args.output, true);
    c.out << say("wrote {1} (edit it in Excel, then `renkei import {1}`)", {args.output}) << "\n";
    return;
  }

  static const std::vector<
      std::pair<const char*, std::function<std::string(const Dataset&, const ExportOptions&)>>>
      writers = {{"graphml", to_graphml},
                 {"gexf", to_gexf},
                 {"json", to_node_link_json},
                 {"dot", to_plain_dot}};
  std::string text;
  for (const auto& [n, write] : writers)
    if (name == n) text = write(c.ds, opt);
  if (args.output.empty())
    c.out << text;
  else
    write_file_atomically(args.output, text);
}

}  // namespace renkei
