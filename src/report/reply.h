#pragma once
// What every answer is written with: the dataset it is about, the stream, the language and
// whether the answer is JSON; and the few phrases all answers share.
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/lang.h"
#include "base/say.h"
#include "model/dataset.h"

namespace renkei {

/// Where and how an answer is written. The report functions (report/*.h) take one; they lay
/// out what a query returned and compute nothing of their own.
struct Reply {
  const Dataset& ds;
  std::ostream& out;
  Lang language = Lang::Ja;  ///< names: Japanese, or romanized (--lang en)
  bool json = false;
  Lang words = renkei::language();  ///< sentences: --lang or RENKEI_LANG (base/say.h)
  Lang lang() const { return language; }
  /// The language sentences are said in: say(c.said(), "…").
  Lang said() const { return words; }
};

/// Text answers wrap at this many display columns.
inline constexpr std::size_t kAnswerWidth = 80;

/// "a、b、c": node names in the reply's language.
std::string join_names(const Reply& c, const std::vector<std::size_t>& nodes);
/// row 16 §3 「…」
std::string quote_line(const Source& s);
/// How the quotes were checked, for validate and import: "412 checked, each in its row and
/// column of FILE", or, for prose (and quotes that name no row), "found somewhere in the text".
/// The quotes line of validate and import, and a line for the facts entered in the sheets:
/// "412 checked, each in its row and column of …", "not checked (NO_FILE)", or for a table
/// that is its own source "none to check …"; then "entered facts: N, …" where there are any.
std::string sources_words(const Dataset& ds, std::size_t checked, std::size_t anywhere,
                          std::size_t entered, const std::string& file,
                          const char* no_file);  // N_("…"), said here
std::string quotes_checked_words(std::size_t checked, std::size_t anywhere,
                                 const std::string& file);
/// done / ongoing / planned / considering (実施済み / 実施中 / 予定 / 検討中): how far a
/// municipality is with a kind of work, in the reply's language.
std::string status_words(Lang lang, EdgeStatus status);
/// Prints JSON the way every answer does: two-space indent, UTF-8 kept as is.
void print_json(std::ostream& out, const nlohmann::json& j);

}  // namespace renkei
