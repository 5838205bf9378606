#include "cli/cli.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <new>

#include "base/error.h"
#include "base/output_file.h"
#include "base/quoted.h"
#include "base/text.h"
#include "cli/commands.h"
#include "formats/load.h"
#include "formats/snapshot.h"

namespace renkei {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"validate", "load and check the data; counts per kind and relation", setup_validate},
      {"summary", "a short summary of the network", setup_summary},
      {"list", "a table of nodes, optionally of one kind", setup_list},
      {"show", "one node, every relation in and out, and the source quote behind each", setup_show},
      {"shared", "which municipalities share coordinator offices, and through which", setup_shared},
      {"reach", "whom a node can reach, with one shortest chain of relations each", setup_reach},
      {"path", "one shortest chain of relations between two nodes", setup_path},
      {"gaps", "coverage gaps per municipality, each with its evidence quote", setup_gaps},
      {"whatif", "who is left with nothing if offices, councils or centers stop", setup_whatif},
      {"metrics", "degree, betweenness, articulation points and components", setup_metrics},
      {"initiatives", "who has done, runs, plans or considers each kind of work",
       setup_initiatives},
      {"render", "a diagram for slides: SVG, PNG, PDF or DOT, in Japanese", setup_render,
       Stdout::Bytes},
      {"deck", "the council meeting's slides: one PDF to project, or a PowerPoint file to edit",
       setup_deck},
      {"graphs", "write the standard diagrams (graphs/), or --check that they are up to date",
       setup_graphs},
      {"explorer", "one offline HTML file to search, click through and present the network",
       setup_explorer, Stdout::Bytes},
      {"template", "empty sheets (CSV) for next year's table, one example row each", setup_template,
       Stdout::Answer, Needs::Nothing},
      {"import", "a dataset from filled-in sheets, names matched to known ones", setup_import},
      {"diff", "what changed between two years, from offices to gaps", setup_diff},
      {"export", "the graph for Gephi, yEd, Cytoscape, NetworkX or Excel", setup_export,
       Stdout::Bytes},
  };
  return table;
}

// ---------------------------------------------------------------- options, through CLI11

Option* Option::required() {
  option_->required();
  return this;
}
Option* Option::expected(int count) {
  option_->expected(count);
  return this;
}
Option* Option::expected(int min, int max) {
  option_->expected(min, max);
  return this;
}
Option* Option::type_name(const std::string& name) {
  option_->type_name(name);
  return this;
}
Option* Option::check(OptionCheck check) {
  option_->check(CLI::Validator(std::move(check), ""));
  return this;
}
Option* Option::one_of(std::vector<std::string> words) {
  option_->check(CLI::IsMember(std::move(words)));
  return this;
}

Option* OptionSet::keep(CLI::Option* option) {
  options_.push_back(std::make_unique<Option>(option));
  return options_.back().get();
}
Option* OptionSet::add_option(const std::string& name, std::string& into, const std::string& help) {
  return keep(app_.add_option(name, into, help));
}
Option* OptionSet::add_option(const std::string& name, int& into, const std::string& help) {
  return keep(app_.add_option(name, into, help));
}
Option* OptionSet::add_option(const std::string& name, std::vector<std::string>& into,
                              const std::string& help) {
  return keep(app_.add_option(name, into, help));
}
Option* OptionSet::add_flag(const std::string& name, bool& into, const std::string& help) {
  return keep(app_.add_flag(name, into, help));
}

namespace {

std::string usage() {
  std::string s =
      "renkei: the network of support for children needing medical care (医療的ケア児), from the\n"
      "prefecture's yearly table, as a graph you can ask questions of.\n\n"
      "usage: renkei COMMAND [options]\n\ncommands:\n";
  std::size_t w = 0;
  for (const auto& c : commands()) w = std::max(w, std::string(c.name).size());
  for (const auto& c : commands()) s += "  " + pad(c.name, w + 2) + c.summary + "\n";
  s += "\noptions every command takes:\n"
       "  --data FILE   a dataset file instead of the built-in data/yamaguchi-r6.json\n"
       "  --json        answer as JSON\n"
       "  --lang ja|en  labels in Japanese (default) or romanized\n"
       "  -h, --help    help for renkei or for one command\n\n"
       "exit codes: 0 ok, 1 data error or no result, 2 usage error\n\n"
       "environment:\n"
       "  RENKEI_CACHE  where snapshots of checked datasets of 1 MB or more are kept, so the\n"
       "                next command on the same file skips parsing and checking it again\n"
       "                (default $XDG_CACHE_HOME/renkei or ~/.cache/renkei; off: none)\n";
  return s;
}

void add_common_options(CLI::App& app, CommonOptions& o) {
  app.add_option("--data", o.data, "a dataset file instead of the built-in data/yamaguchi-r6.json")
      ->type_name("FILE");
  app.add_flag("--json", o.json, "answer as JSON");
  app.add_option("--lang", o.lang, "labels in Japanese (ja, default) or romanized (en)")
      ->check(CLI::IsMember({"ja", "en"}))
      ->type_name("ja|en");
}

/// CLI11's own messages, made into one line that names the command.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n') c = ' ';
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

/// Where run_cli leaves the dataset when the process is about to end (set_free_data_at_end):
/// still reachable, so leak checkers stay quiet, and never freed.
Dataset* volatile parked_dataset =
    nullptr;  // volatile: the store must not be optimized away (it is never read)
bool g_free_data_at_end = true;

}  // namespace

void set_free_data_at_end(bool free_it) { g_free_data_at_end = free_it; }

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  forget_input_files();  // one command: only what it reads is its input
  try {
    if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
      if (args.size() >= 2 && args[0] == "help") return run_cli({args[1], "--help"}, out, err);
      out << usage();
      return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
      out << "renkei 0.1.0\n";
      return 0;
    }
    const Command* cmd = nullptr;
    for (const auto& c : commands())
      if (args[0] == c.name) cmd = &c;
    if (!cmd) {
      std::vector<std::string> names;
      for (const auto& c : commands()) names.push_back(c.name);
      std::string msg = "unknown command " + in_quotes(args[0]);
      msg += did_you_mean(args[0], names);
      throw usage_error(msg + "; run `renkei --help` for the list");
    }

    CommonOptions options;
    CLI::App app(cmd->summary, std::string("renkei ") + cmd->name);
    app.set_help_flag("-h,--help", "show this help");
    add_common_options(app, options);
    OptionSet declared(app);
    Handler run = cmd->setup(declared);
    // CLI11 takes "--format=" as --format with the next argument as its value, and then
    // complains about something else: say what is wrong.
    for (std::size_t i = 1; i < args.size(); ++i)
      if (args[i].size() > 3 && args[i].rfind("--", 0) == 0 && args[i].back() == '=' &&
          args[i].find('=') == args[i].size() - 1)
        throw usage_error(std::string(cmd->name) + ": " + in_quotes(args[i]) +
                          " has nothing after the =; write " + args[i] + "VALUE; see `renkei " +
                          cmd->name + " --help`");
    std::vector<std::string> rest(args.rbegin(), args.rend() - 1);  // CLI11 wants them reversed
    try {
      app.parse(rest);
    } catch (const CLI::CallForHelp&) {
      out << app.help();
      return 0;
    } catch (const CLI::ParseError& e) {
      throw usage_error(std::string(cmd->name) + ": " + one_line(e.what()) + "; see `renkei " +
                        cmd->name + " --help`");
    }
    // An empty --data (a shell variable that was not set) must not quietly mean the built-in data.
    if (app.count("--data") > 0 && options.data.empty())
      throw usage_error(std::string(cmd->name) +
                        ": --data: the file name is empty; give a dataset file, or leave " +
                        "--data out for the built-in data; see `renkei " + cmd->name + " --help`");

    LoadReport report;
    auto owned = std::make_unique<Dataset>();
    Dataset& ds = *owned;
    if (cmd->needs == Needs::Nothing) {
      // nothing to load: the command reads no dataset
    } else if (options.data.empty()) {
      ds = load_builtin_dataset(&report);
    } else {
      // `validate` always checks the file in full (and refreshes its snapshot).
      SnapshotCache cache = SnapshotCache::from_environment();
      cache.refresh = std::string_view(cmd->name) == "validate";
      ds = load_dataset_cached(options.data, cache, &report);
    }
    // An answer passes through an escaping buffer: the data's control characters (an ESC in
    // a note) reach the terminal only as \u001b, also in JSON (as escapes that mean the same).
    bool answer = cmd->prints == Stdout::Answer;
    std::unique_ptr<std::streambuf> escaping = control_escaping_buffer(out.rdbuf(), options.json);
    std::ostream safe(escaping.get());
    Context ctx{options, ds, report, answer ? safe : out};
    try {
      run(ctx);
    } catch (...) {
      safe.flush();
      throw;
    }
    safe.flush();
    out.flush();
    if (!g_free_data_at_end) parked_dataset = owned.release();
    return 0;
  } catch (const Error& e) {
    err << "renkei: error: " << terminal_safe(e.what(), false)
        << "\n";  // one line, whatever a path holds
    return static_cast<int>(e.code());
  } catch (const std::bad_alloc&) {
    err << "renkei: error: out of memory; the input is too large for this machine's memory (or its "
           "limit, ulimit -v)\n";
    return 1;
  } catch (const std::exception& e) {
    err << "renkei: error: " << terminal_safe(e.what(), false) << "\n";
    return 1;
  }
}

}  // namespace renkei
