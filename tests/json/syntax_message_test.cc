// nlohmann's syntax errors in Japanese: each part of its fixed grammar put back in Japanese
// order, and anything of another shape left as nlohmann wrote it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "json/syntax_message.h"

using namespace renkei;

namespace {

/// The message nlohmann's own parser gives for `text`, after "line L, column C: ".
std::string nlohmann_says(const std::string& text) {
  try {
    auto parsed = nlohmann::json::parse(text);
    (void)parsed;
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    return what.substr(what.find(": ", what.find("column ")) + 2);
  }
  return "";
}

}  // namespace

TEST_CASE("nlohmann's syntax errors are said in Japanese, part by part") {
  // an unclosed array: the parser was reading an array, the file ended, ']' was due
  std::string m = nlohmann_says("[1, 2");
  CHECK(m == "syntax error while parsing array - unexpected end of input; expected ']'");
  CHECK(json_syntax_message(m, Lang::Ja) ==
        "配列を読んでいるところでファイルが途中で終わっています。ここには「]」が来るはずです");
  CHECK(json_syntax_message(m, Lang::En) == m);

  // a key in single quotes: a word the lexer cannot read, with what it read so far
  CHECK(json_syntax_message(nlohmann_says("{'a': 1}"), Lang::Ja) ==
        "オブジェクトのキーを読んでいるところで読めない語があります（ここまで: 「{'」）。"
        "ここには文字列が来るはずです");

  // something after the document
  CHECK(json_syntax_message(nlohmann_says("{} {}"), Lang::Ja) ==
        "値を読んでいるところで思わぬ「{」があります。ここでファイルが終わるはずです");

  // a tab inside a string, with both ways to write it
  CHECK(json_syntax_message(nlohmann_says("[\"a\tb\"]"), Lang::Ja) ==
        "値を読んでいるところで文字列の中に制御文字 U+0009（HT）があります。\\u0009 か \\t "
        "と書いてください（ここまで: 「\"a<U+0009>」）");
}

TEST_CASE("a syntax error of another shape is given as nlohmann wrote it") {
  for (const std::string m :
       {"syntax error while parsing value - something new", "parse error", "",
        "syntax error while parsing a table - unexpected end of input",
        "syntax error while parsing value - unexpected end of input; expected a miracle"}) {
    CHECK(json_syntax_message(m, Lang::Ja) == m);
    CHECK(json_syntax_message(m, Lang::En) == m);
  }
}
