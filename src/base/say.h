#pragma once
// What renkei says to its users, in their language: one catalogue of sentences (base/
// catalogue/*.inc), each written in English where it is said and found here in Japanese.
//
//   throw data_error(say("{1}: no such file", {path}));
//   out << say(lang, "Coverage gaps: {1} findings.", {std::to_string(n)});
//
// The English sentence is the key and the fallback; {1}…{9} are filled from `args` in either
// language, so the Japanese can put them where Japanese puts them. tests/base/say_test.cc reads
// every say("…") and N_("…") in src/ and fails on one the Japanese catalogue lacks, or whose
// Japanese has other placeholders. docs/language.md says how to add one.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/lang.h"

namespace renkei {

/// The language sentences are said in for this process: Japanese unless `--lang en` or
/// RENKEI_LANG=en (run_cli sets it before it reads the arguments, so help and errors follow).
Lang language();
void set_language(Lang lang);

/// Sets the language for as long as it lives, then puts the one before back.
class LanguageScope {
 public:
  explicit LanguageScope(Lang lang) : before_(language()) { set_language(lang); }
  ~LanguageScope() { set_language(before_); }
  LanguageScope(const LanguageScope&) = delete;
  LanguageScope& operator=(const LanguageScope&) = delete;

 private:
  Lang before_;
};

/// `english` in `lang` (the English itself for Lang::En, or when the catalogue has no
/// Japanese, which a test prevents), with each {N} replaced by args[N-1].
std::string say(Lang lang, std::string_view english, std::initializer_list<std::string> args = {});
/// The same in the process's language().
std::string say(std::string_view english, std::initializer_list<std::string> args = {});

/// A word that means different things in different places ("planned": a council to be set
/// up, 設立予定; a meeting, 予定) gets a context before a bar: say(lang, "status|planned") is
/// "planned" in English and its own entry in Japanese. This is the key without its context.
std::string_view without_context(std::string_view english);

/// Marks a sentence for the catalogue where it cannot be said yet (a table of command
/// summaries, an option's help): say(language(), text) says it later.
constexpr const char* N_(const char* english) { return english; }

/// Every entry of the Japanese catalogue, English first, for the test that checks it.
const std::vector<std::pair<std::string_view, std::string_view>>& japanese_catalogue();

}  // namespace renkei
