#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/options.h"
#include "formats/load.h"
#include "formats/node_json.h"
#include "model/dataset.h"
#include "model/resolve.h"
#include "report/reply.h"

namespace renkei {

/// The options every command takes (`renkei --help` lists them); each command declares
/// its own in its setup function, which returns the handler that reads them.
struct CommonOptions {
  std::string data;  ///< --data FILE; empty means the built-in dataset
  bool json = false;
  std::string lang = "ja";
};

/// What a command handler works with: the loaded data (`ds`, empty for a command that needs
/// none), where to write (`out`) and the reply's language, as a Reply the report functions
/// take; the options as given and what loading checked.
struct Context : Reply {
  Context(const CommonOptions& o, const Dataset& d, const LoadReport& r, std::ostream& os)
      : Reply{d, os, o.lang == "en" ? Lang::En : Lang::Ja, o.json}, options(o), report(r) {}
  const CommonOptions& options;
  const LoadReport& report;  ///< what loading checked
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

/// Whether a command reads a dataset before it runs (--data, or the built-in one).
enum class Needs {
  Dataset,  ///< loaded and checked before the handler runs
  Nothing,  ///< not loaded: `template` writes sheets from nothing, --data is not read
};

/// A command's handler, made by its setup function once its options are registered.
using Handler = std::function<void(Context&)>;

struct Command {
  const char* name;
  const char* summary;
  /// Registers the command's own options on `app` and returns the handler that reads them.
  std::function<Handler(OptionSet&)> setup;
  Stdout prints = Stdout::Answer;
  Needs needs = Needs::Dataset;
};

/// The command table; `--help`, the usage text and "did you mean" come from it.
const std::vector<Command>& commands();

// The commands, one file per group (cli/commands/): each setup returns its handler.
Handler setup_validate(OptionSet&);
Handler setup_list(OptionSet&);
Handler setup_show(OptionSet&);
Handler setup_summary(OptionSet&);
Handler setup_shared(OptionSet&);
Handler setup_reach(OptionSet&);
Handler setup_path(OptionSet&);
Handler setup_gaps(OptionSet&);
Handler setup_whatif(OptionSet&);
Handler setup_metrics(OptionSet&);
Handler setup_initiatives(OptionSet&);
Handler setup_render(OptionSet&);
Handler setup_deck(OptionSet&);
Handler setup_graphs(OptionSet&);
Handler setup_explorer(OptionSet&);
Handler setup_template(OptionSet&);
Handler setup_import(OptionSet&);
Handler setup_diff(OptionSet&);
Handler setup_export(OptionSet&);

/// Comma-separated relation words → relations, or a usage error naming the valid ones.
std::vector<Relation> parse_relations_arg(const std::string& s);

/// "Kind" as typed by the user → Kind, or a usage error naming the valid kinds.
Kind parse_kind_arg(const std::string& s);
/// The check for a count the user types (--top, --max-hops): up to six digits, so that
/// it always converts; anything else is `--top: "all" is not a non-negative whole number`.
OptionCheck whole_number();

}  // namespace renkei
