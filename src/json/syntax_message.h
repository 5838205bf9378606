#pragma once
// nlohmann::json's syntax error, said in the user's language.
#include <string>

#include "base/lang.h"

namespace renkei {

/// nlohmann's "syntax error while parsing CONTEXT - PROBLEM[; last read: 'TEXT'][; expected
/// TOKEN]" (the part after "line L, column C: "), in `lang`. Its grammar is fixed (nlohmann's
/// parser.hpp exception_message, lexer.hpp's messages and token names), so each part is
/// looked up in the catalogue and put back in the order Japanese says it. A message of any
/// other shape (another nlohmann version) is given as nlohmann wrote it.
std::string json_syntax_message(const std::string& nlohmann_message, Lang lang);

}  // namespace renkei
