#pragma once
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "json_out.h"
#include "load.h"
#include "model.h"
#include "resolve.h"

namespace renkei {

/// Options every command understands, plus the positional arguments and flags that
/// individual commands register on their own CLI::App.
struct Options {
  std::string data;  ///< --data FILE; empty means the built-in dataset
  bool json = false;
  std::string lang = "ja";
  std::vector<std::string> positional;
  std::string kind;
};

/// What a command handler works with: the loaded data and where to write.
struct Context {
  const Options& options;
  const Dataset& ds;
  const LoadReport& report;  ///< what loading checked
  const NameIndex& names;
  std::ostream& out;
  Lang lang() const { return options.lang == "en" ? Lang::En : Lang::Ja; }
};

/// One row of the command table: name, one-line help, how to set up its options, handler.
struct Command {
  const char* name;
  const char* summary;
  std::function<void(CLI::App&, Options&)> setup;
  std::function<void(Context&)> run;
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

/// Prints JSON the way every command does: two-space indent, UTF-8 kept as is.
void print_json(std::ostream& out, const nlohmann::json& j);
/// "Kind" as typed by the user → Kind, or a usage error naming the valid kinds.
Kind parse_kind_arg(const std::string& s);

}  // namespace renkei
