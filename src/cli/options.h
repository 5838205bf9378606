#pragma once
// How a command declares its options, without the parser: only cli.cc includes CLI11 (one
// heavy header compiled once, not in every command's file).
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace renkei {

/// A check on a typed value: "" when it is good, else what is wrong with it.
using OptionCheck = std::function<std::string(std::string& value)>;

/// The check that a value is one of `words`, saying so in the user's language.
OptionCheck member_of(std::vector<std::string> words);

/// One option of a command, as its setup function declares it; each call returns the option,
/// so that declarations chain: add_option(…)->required()->type_name("FILE").
class Option {
 public:
  explicit Option(CLI::Option* option) : option_(option) {}
  Option* required();
  Option* expected(int count);
  Option* expected(int min, int max);
  Option* type_name(const std::string& name);
  Option* check(OptionCheck check);
  /// The value must be one of `words`.
  Option* one_of(std::vector<std::string> words);

 private:
  CLI::Option* option_;
};

/// The options of one command (a CLI11 App underneath, in cli.cc).
class OptionSet {
 public:
  explicit OptionSet(CLI::App& app) : app_(app) {}
  OptionSet(const OptionSet&) = delete;
  OptionSet& operator=(const OptionSet&) = delete;

  /// A named option ("--via") or, without a leading -, a positional argument ("NODE"); `help`
  /// is said in the user's language: say("…") at the call (base/say.h).
  Option* add_option(const std::string& name, std::string& into, const std::string& help);
  Option* add_option(const std::string& name, int& into, const std::string& help);
  Option* add_option(const std::string& name, std::vector<std::string>& into,
                     const std::string& help);
  Option* add_flag(const std::string& name, bool& into, const std::string& help);

 private:
  Option* keep(CLI::Option* option);
  CLI::App& app_;
  std::vector<std::unique_ptr<Option>> options_;
};

}  // namespace renkei
