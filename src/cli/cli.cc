#include "cli/cli.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <new>

#include "base/error.h"
#include "base/output_file.h"
#include "base/quoted.h"
#include "base/say.h"
#include "base/text.h"
#include "cli/commands.h"
#include "formats/load.h"
#include "formats/snapshot.h"

namespace renkei {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"validate", N_("load and check the data; counts per kind and relation"), setup_validate},
      {"summary", N_("a short summary of the network"), setup_summary},
      {"list", N_("a table of nodes, optionally of one kind"), setup_list},
      {"show", N_("one node, every relation in and out, and the source quote behind each"),
       setup_show},
      {"shared", N_("which municipalities share coordinator offices, and through which"),
       setup_shared},
      {"reach", N_("whom a node can reach, with one shortest chain of relations each"),
       setup_reach},
      {"path", N_("one shortest chain of relations between two nodes"), setup_path},
      {"gaps", N_("coverage gaps per municipality, each with its evidence quote"), setup_gaps},
      {"whatif", N_("who is left with nothing if offices, councils or centers stop"), setup_whatif},
      {"metrics", N_("degree, betweenness, articulation points and components"), setup_metrics},
      {"initiatives", N_("who has done, runs, plans or considers each kind of work"),
       setup_initiatives},
      {"render", N_("a diagram for slides: SVG, PNG, PDF or DOT, in Japanese"), setup_render,
       Stdout::Bytes},
      {"deck", N_("the council meeting's slides: one PDF to project, or a PowerPoint file to edit"),
       setup_deck},
      {"graphs", N_("write the standard diagrams (graphs/), or --check that they are up to date"),
       setup_graphs},
      {"explorer", N_("one offline HTML file to search, click through and present the network"),
       setup_explorer, Stdout::Bytes},
      {"template", N_("empty sheets (CSV) for next year's table, one example row each"),
       setup_template, Stdout::Answer, Needs::Nothing},
      {"import", N_("a dataset from filled-in sheets, names matched to known ones"), setup_import},
      {"diff", N_("what changed between two years, from offices to gaps"), setup_diff},
      {"export", N_("the graph for Gephi, yEd, Cytoscape, NetworkX or Excel"), setup_export,
       Stdout::Bytes},
  };
  return table;
}

// ---------------------------------------------------------------- options, through CLI11

OptionCheck member_of(std::vector<std::string> words) {
  return [words = std::move(words)](std::string& value) -> std::string {
    if (std::find(words.begin(), words.end(), value) != words.end()) return "";
    std::string list;
    for (const auto& w : words) list += (list.empty() ? "" : ", ") + w;
    return say("{1} is not one of {2}", {in_quotes(value), list});
  };
}

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
  return check(member_of(std::move(words)));
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

/// CLI11's own messages, made into one line that names the command.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n') c = ' ';
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::string usage() {
  std::string s = say(
      "renkei: the network of support for children needing medical care (医療的ケア児), from the\n"
      "prefecture's yearly table, as a graph you can ask questions of.\n\n"
      "usage: renkei COMMAND [options]\n\ncommands:\n");
  std::size_t w = 0;
  for (const auto& c : commands()) w = std::max(w, std::string(c.name).size());
  for (const auto& c : commands()) s += "  " + pad(c.name, w + 2) + say(c.summary) + "\n";
  s += say(
      "\noptions every command takes:\n"
      "  --data FILE   a dataset file instead of the built-in data/yamaguchi-r6.json\n"
      "  --json        answer as JSON\n"
      "  --lang ja|en  words and names in Japanese (default) or English (romanized names)\n"
      "  -h, --help    help for renkei or for one command\n\n"
      "exit codes: 0 ok, 1 data error or no result, 2 usage error\n\n"
      "environment:\n"
      "  RENKEI_LANG   en: English, as if every command had --lang en (ja: Japanese, the default)\n"
      "  RENKEI_CACHE  where snapshots of checked datasets of 1 MB or more are kept, so the\n"
      "                next command on the same file skips parsing and checking it again\n"
      "                (default $XDG_CACHE_HOME/renkei or ~/.cache/renkei; off: none)\n");
  return s;
}

void add_common_options(CLI::App& app, CommonOptions& o) {
  app.add_option("--data", o.data,
                 say("a dataset file instead of the built-in data/yamaguchi-r6.json"))
      ->type_name("FILE");
  app.add_flag("--json", o.json, say("answer as JSON"));
  app.add_option("--lang", o.lang,
                 say("words and names in Japanese (ja, default) or English (en, romanized names)"))
      ->check(CLI::Validator(member_of({"ja", "en"}), ""))
      ->type_name("ja|en");
}

/// CLI11's help in the user's language: its headings, and the type names it shows.
void say_help_in_language(CLI::App& app) {
  auto f = app.get_formatter();
  f->label("Usage", say("Usage"));
  f->label("OPTIONS", say("OPTIONS"));
  f->label("Positionals", say("Positionals"));
  f->label("REQUIRED", say("REQUIRED"));
  f->label("TEXT", say("TEXT"));
  f->label("INT", say("INT"));
  app.option_defaults()->group(say("Options"));
}

/// The language sentences are said in: --lang (also --lang=X) before anything else reads the
/// arguments, else RENKEI_LANG, else Japanese. A bad value is left for the parser to refuse.
/// Names follow --lang only (romanized with en): RENKEI_LANG=en is English sentences about
/// the names as the table writes them.
Lang language_of(const std::vector<std::string>& args) {
  std::string lang;
  if (const char* env = std::getenv("RENKEI_LANG")) lang = env;
  // A value the parser will refuse (--lang fr) does not change the language it is refused in.
  auto take = [&lang](const std::string& v) {
    if (v == "en" || v == "ja") lang = v;
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang" && i + 1 < args.size()) take(args[i + 1]);
    if (args[i].rfind("--lang=", 0) == 0) take(args[i].substr(7));
  }
  return lang == "en" ? Lang::En : Lang::Ja;
}

/// What CLI11 found wrong, in the user's language: its own words only where no sentence of
/// ours fits (the message of a check of ours is already said in the language).
std::string parse_error_message(const CLI::ParseError& e) {
  std::string what = e.what();
  auto colon = what.find(": ");
  auto after = [&](std::size_t at) { return at == std::string::npos ? what : what.substr(at + 2); };
  if (dynamic_cast<const CLI::ExtrasError*>(&e))
    return say("not expected here: {1}", {after(colon)});
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    const std::string tail = " is required";
    if (what.size() > tail.size() &&
        what.compare(what.size() - tail.size(), tail.size(), tail) == 0)
      return say("{1} is required", {what.substr(0, what.size() - tail.size())});
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) && colon != std::string::npos) {
    std::string name = what.substr(0, colon), rest = what.substr(colon + 2);
    auto req = rest.find(" required "), miss = rest.rfind(" missing");
    if (req != std::string::npos && miss != std::string::npos && miss > req + 10)
      return say("{1}: the value ({2}) is missing", {name, rest.substr(req + 10, miss - req - 10)});
    int want = 0;
    std::size_t got = 0;
    if (std::sscanf(rest.c_str(), "At least %d required but received %zu", &want, &got) == 2)
      return say("{1}: at least {2} values are needed, {3} given",
                 {name, std::to_string(want), std::to_string(got)});
    if (std::sscanf(rest.c_str(), "At Most %d required but received %zu", &want, &got) == 2)
      return say("{1}: at most {2} values are allowed, {3} given",
                 {name, std::to_string(want), std::to_string(got)});
    return say("{1}: wrong number of values ({2})", {name, rest});
  }
  if (dynamic_cast<const CLI::ConversionError*>(&e))
    return say("a value could not be read: {1}", {one_line(what)});
  return one_line(what);
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
  LanguageScope said_in(language_of(args));
  // `renkei --lang en --help`: the language given before the command is for all of it
  if (!args.empty() && (args[0] == "--lang" || args[0].rfind("--lang=", 0) == 0)) {
    std::size_t skip = args[0] == "--lang" ? 2 : 1;
    std::size_t eq = args[0].find('=');
    std::string value = skip == 2                 ? (args.size() > 1 ? args[1] : "")
                        : eq == std::string::npos ? ""
                                                  : args[0].substr(eq + 1);
    if (value != "ja" && value != "en") {
      err << say("renkei: error: ")
          << (value.empty() ? say("--lang needs a value: ja or en")
                            : "--lang: " + say("{1} is not one of {2}",
                                               {in_quotes(terminal_safe(value, false)), "ja, en"}))
          << "\n";
      return 2;
    }
    if (args.size() >= skip) {
      std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(skip), args.end());
      rest.insert(rest.end(), args.begin(), args.begin() + static_cast<std::ptrdiff_t>(skip));
      if (rest.size() > skip) return run_cli(rest, out, err);
      out << usage();  // `renkei --lang en` alone: the usage, in that language, as for `renkei`
      return 2;
    }
  }
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
      throw usage_error(say("unknown command {1}{2}; run `renkei --help` for the list",
                            {in_quotes(args[0]), did_you_mean(args[0], names)}));
    }

    CommonOptions options;
    CLI::App app(say(cmd->summary), std::string("renkei ") + cmd->name);
    say_help_in_language(app);
    app.set_help_flag("-h,--help", say("show this help"));
    add_common_options(app, options);
    OptionSet declared(app);
    Handler run = cmd->setup(declared);
    // An argument's name says what it is (NODE, DIR, KIND): no type word beside it in the help.
    for (CLI::Option* opt : app.get_options())
      if (opt->get_positional()) opt->type_name("");
    // CLI11 takes "--format=" as --format with the next argument as its value, and then
    // complains about something else: say what is wrong.
    for (std::size_t i = 1; i < args.size(); ++i)
      if (args[i].size() > 3 && args[i].rfind("--", 0) == 0 && args[i].back() == '=' &&
          args[i].find('=') == args[i].size() - 1)
        throw usage_error(
            say("{1}: {2} has nothing after the =; write {3}VALUE; see `renkei {1} --help`",
                {cmd->name, in_quotes(args[i]), args[i]}));
    std::vector<std::string> rest(args.rbegin(), args.rend() - 1);  // CLI11 wants them reversed
    try {
      app.parse(rest);
    } catch (const CLI::CallForHelp&) {
      out << app.help();
      return 0;
    } catch (const CLI::ParseError& e) {
      throw usage_error(
          say("{1}: {2}; see `renkei {1} --help`", {cmd->name, parse_error_message(e)}));
    }
    // An empty --data (a shell variable that was not set) must not quietly mean the built-in data.
    if (app.count("--data") > 0 && options.data.empty())
      throw usage_error(
          say("{1}: --data: the file name is empty; give a dataset file, or leave "
              "--data out for the built-in data; see `renkei {1} --help`",
              {cmd->name}));

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
    err << say("renkei: error: ") << terminal_safe(e.what(), false)
        << "\n";  // one line, whatever a path holds
    return static_cast<int>(e.code());
  } catch (const std::bad_alloc&) {
    err << say("renkei: error: ")
        << say("out of memory; the input is too large for this machine's memory (or its "
               "limit, ulimit -v)")
        << "\n";
    return 1;
  } catch (const std::exception& e) {
    err << say("renkei: error: ") << terminal_safe(e.what(), false) << "\n";
    return 1;
  }
}

}  // namespace renkei
