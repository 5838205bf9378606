#pragma once
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "formats/load.h"
#include "formats/node_json.h"
#include "model/dataset.h"
#include "model/resolve.h"

namespace renkei {

/// Options every command understands, plus the positional arguments and flags that
/// individual commands register on their own CLI::App.
struct Options {
  std::string data;  ///< --data FILE; empty means the built-in dataset
  bool json = false;
  std::string lang = "ja";
  std::vector<std::string> positional;
  std::string kind;
  std::string from, to;   ///< path: the two ends
  std::string via;        ///< reach, path: relations to follow, comma-separated
  std::string max_hops;   ///< reach: empty when not given, else checked by whole_number()
  bool directed = false;  ///< reach, path: follow relations only from → to
  std::string rule;       ///< gaps: one rule
  std::string municipality;
  std::string explain;  ///< gaps --explain RULE
  std::string remove;   ///< whatif: nodes to remove, comma-separated
  std::string each;     ///< whatif --each KIND
  int top = 20;         ///< metrics: rows in the text table (0 = all); checked by whole_number()
  std::string preset, format, output, page = "slide", title;  ///< render
  bool check = false;                                         ///< graphs --check
  std::string against;  ///< render --preset diff, diff: the older dataset or sheet folder
  bool force = false;   ///< template: replace sheets that already exist
};

/// What a command handler works with: the loaded data and where to write.
struct Context {
  Context(const Options& o, const Dataset& d, const LoadReport& r, std::ostream& os)
      : options(o), ds(d), report(r), out(os) {}
  const Options& options;
  const Dataset& ds;
  const LoadReport& report;  ///< what loading checked
  std::ostream& out;
  Lang lang() const { return options.lang == "en" ? Lang::En : Lang::Ja; }
  /// The name index of `ds`, built on first use: commands that name no node skip its cost.
  const NameIndex& names() const {
    if (!names_) names_.emplace(ds);
    return *names_;
  }

 private:
  mutable std::optional<NameIndex> names_;
};

/// One row of the command table: name, one-line help, how to set up its options, handler.
/// What a command prints on standard output.
enum class Stdout {
  Answer,  ///< text (or JSON) for a person: control characters in the data are shown, not sent
  Bytes,  ///< a file's bytes when no -o is given (a drawing, an export, a page): passed as they are
};

struct Command {
  const char* name;
  const char* summary;
  std::function<void(CLI::App&, Options&)> setup;
  std::function<void(Context&)> run;
  Stdout prints = Stdout::Answer;
};

/// The command table; `--help`, the usage text and "did you mean" come from it.
const std::vector<Command>& commands();

// Handlers, one file per group of commands.
void setup_validate(CLI::App&, Options&);
void run_validate(Context&);
void setup_list(CLI::App&, Options&);
void run_list(Context&);
void setup_show(CLI::App&, Options&);
void run_show(Context&);
void setup_summary(CLI::App&, Options&);
void run_summary(Context&);
void setup_shared(CLI::App&, Options&);
void run_shared(Context&);
void setup_reach(CLI::App&, Options&);
void run_reach(Context&);
void setup_path(CLI::App&, Options&);
void run_path(Context&);
void setup_gaps(CLI::App&, Options&);
void run_gaps(Context&);
void setup_whatif(CLI::App&, Options&);
void run_whatif(Context&);
void setup_metrics(CLI::App&, Options&);
void run_metrics(Context&);
void setup_initiatives(CLI::App&, Options&);
void run_initiatives(Context&);
void setup_render(CLI::App&, Options&);
void run_render(Context&);
void setup_graphs(CLI::App&, Options&);
void run_graphs(Context&);
void setup_explorer(CLI::App&, Options&);
void run_explorer(Context&);
void setup_template(CLI::App&, Options&);
void run_template(Context&);
void setup_import(CLI::App&, Options&);
void run_import(Context&);
void setup_diff(CLI::App&, Options&);
void run_diff(Context&);
void setup_export(CLI::App&, Options&);
void run_export(Context&);

/// "a、b、c": node names in the chosen language.
std::string join_names(const Context& c, const std::vector<std::size_t>& nodes);
/// row 16 §3 「…」
std::string quote_line(const Source& s);
/// Comma-separated relation words → relations, or a usage error naming the valid ones.
std::vector<Relation> parse_relations_arg(const std::string& s);

/// Prints JSON the way every command does: two-space indent, UTF-8 kept as is.
void print_json(std::ostream& out, const nlohmann::json& j);
/// "Kind" as typed by the user → Kind, or a usage error naming the valid kinds.
Kind parse_kind_arg(const std::string& s);
/// CLI11 check for a count the user types (--top, --max-hops): up to six digits, so that
/// it always converts; anything else is `--top: "all" is not a non-negative whole number`.
CLI::Validator whole_number();

}  // namespace renkei
