#include "json/syntax_message.h"

#include <array>
#include <string_view>
#include <utility>

#include "base/say.h"

namespace renkei {

namespace {

/// nlohmann's token names (lexer.hpp token_type_name) as they follow "unexpected " or
/// "expected ", each as a catalogue key: "json|" and nlohmann's words. A quoted character
/// such as '}' is said by token().
constexpr std::array<const char*, 9> kTokens = {
    N_("json|string literal"),         N_("json|number literal"), N_("json|true literal"),
    N_("json|false literal"),          N_("json|null literal"),   N_("json|end of input"),
    N_("json|'[', '{', or a literal"), N_("json|<parse error>"),  N_("json|unknown token"),
};

/// What the parser was reading (parser.hpp's exception_message contexts).
constexpr std::array<const char*, 5> kContexts = {
    N_("json|value"),  N_("json|object key"), N_("json|object separator"),
    N_("json|object"), N_("json|array"),
};

/// The lexer's own messages (lexer.hpp error_message), but for the control characters.
constexpr std::array<const char*, 13> kProblems = {
    N_("json|invalid literal"),
    N_("json|invalid BOM; must be 0xEF 0xBB 0xBF if given"),
    N_("json|invalid comment; expecting '/' or '*' after '/'"),
    N_("json|invalid comment; missing closing '*/'"),
    N_("json|invalid number; expected digit after '-'"),
    N_("json|invalid number; expected digit after '.'"),
    N_("json|invalid number; expected digit after exponent sign"),
    N_("json|invalid string: '\\u' must be followed by 4 hex digits"),
    N_("json|invalid string: forbidden character after backslash"),
    N_("json|invalid string: ill-formed UTF-8 byte"),
    N_("json|invalid string: missing closing quote"),
    N_("json|invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF"),
    N_("json|invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF"),
};

/// The key whose words (the key without "json|") are `english`, or nullptr.
template <std::size_t N>
const char* find(const std::array<const char*, N>& keys, std::string_view english) {
  for (const char* key : keys)
    if (without_context(key) == english) return key;
  return nullptr;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

/// A token name, or "" when it is none of nlohmann's.
std::string token(std::string_view english, Lang lang) {
  if (const char* key = find(kTokens, english)) return say(lang, key);
  if (english.size() == 3 && english.front() == '\'' && english.back() == '\'')
    return say(lang, "json|'{1}'", {std::string(english.substr(1, 1))});
  return "";
}

/// "invalid string: control character U+000A (LF) must be escaped to \u000A or \n".
std::string control_character(std::string_view english, Lang lang) {
  constexpr std::string_view head = "invalid string: control character ";
  constexpr std::string_view must = " must be escaped to ";
  if (!starts_with(english, head)) return "";
  std::size_t open = english.find(" (", head.size()), close = english.find(')', head.size());
  std::size_t m = english.find(must);
  if (open == std::string_view::npos || close == std::string_view::npos ||
      m == std::string_view::npos || !(open < close && close < m))
    return "";
  std::string code(english.substr(head.size(), open - head.size()));
  std::string name(english.substr(open + 2, close - open - 2));
  std::string_view escapes = english.substr(m + must.size());
  std::size_t either = escapes.find(" or ");
  if (either == std::string_view::npos)
    return say(lang, "json|invalid string: control character {1} ({2}) must be escaped to {3}",
               {code, name, std::string(escapes)});
  return say(lang, "json|invalid string: control character {1} ({2}) must be escaped to {3} or {4}",
             {code, name, std::string(escapes.substr(0, either)),
              std::string(escapes.substr(either + 4))});
}

std::string problem(std::string_view english, Lang lang) {
  if (const char* key = find(kProblems, english)) return say(lang, key);
  if (english == "unexpected end of input") return say(lang, "json|unexpected end of input");
  if (starts_with(english, "unexpected ")) {
    std::string t = token(english.substr(11), lang);
    return t.empty() ? "" : say(lang, "json|unexpected {1}", {t});
  }
  return control_character(english, lang);
}

/// The message in `lang`, or "" when it is not of the shape nlohmann's parser gives.
std::string said(std::string_view m, Lang lang) {
  constexpr std::string_view head = "syntax error while parsing ";
  if (!starts_with(m, head)) return "";
  std::size_t dash = m.find(" - ", head.size());
  if (dash == std::string_view::npos) return "";
  const char* context = find(kContexts, m.substr(head.size(), dash - head.size()));
  if (!context) return "";
  std::string_view rest = m.substr(dash + 3);
  std::string expected;
  if (std::size_t e = rest.rfind("; expected "); e != std::string_view::npos) {
    std::string_view what = rest.substr(e + 11);
    expected = what == "end of input" ? "end" : token(what, lang);
    if (!expected.empty()) rest = rest.substr(0, e);
  }
  std::string why;
  constexpr std::string_view last = "; last read: '";
  if (std::size_t l = rest.find(last); l != std::string_view::npos && rest.back() == '\'') {
    std::string p = problem(rest.substr(0, l), lang);
    if (p.empty()) return "";
    std::string text(rest.substr(l + last.size(), rest.size() - l - last.size() - 1));
    why = say(lang, "json|{1}; last read: '{2}'", {p, text});
  } else {
    why = problem(rest, lang);
    if (why.empty()) return "";
  }
  if (expected == "end")
    why = say(lang, "json|{1}; expected end of input", {why});
  else if (!expected.empty())
    why = say(lang, "json|{1}; expected {2}", {why, expected});
  return say(lang, "json|syntax error while parsing {1} - {2}", {say(lang, context), why});
}

}  // namespace

std::string json_syntax_message(const std::string& nlohmann_message, Lang lang) {
  // Said in English first: only a message that comes back word for word was read right.
  if (said(nlohmann_message, Lang::En) != nlohmann_message) return nlohmann_message;
  return lang == Lang::En ? nlohmann_message : said(nlohmann_message, lang);
}

}  // namespace renkei
