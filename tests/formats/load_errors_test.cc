// Broken copies of the dataset: each gives one exact line naming the file and JSON pointer.
#include <catch2/catch.hpp>

#include "base/error.h"
#include "formats/load.h"
#include "test_support.h"

using namespace renkei;
using nlohmann::json;

namespace {

/// Loads `text` as "t.json" with the real outside facts and source beside it; returns the error.
std::string load_error(const std::string& text) {
  auto sibling = [](const std::string& rel) -> std::optional<std::string> {
    try {
      return test::read_file(test::repo_path("data/" + rel));
    } catch (...) {
      return std::nullopt;
    }
  };
  try {
    load_dataset(text, "t.json", sibling);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::DataError);
    return e.what();
  }
  return "(loaded without error)";
}
std::string load_json_error(const json& j) { return load_error(j.dump(1)); }

std::size_t json_node(const json& j, const std::string& id) {
  for (std::size_t i = 0; i < j["nodes"].size(); ++i)
    if (j["nodes"][i]["id"] == id) return i;
  throw std::runtime_error("no node " + id);
}

}  // namespace

TEST_CASE("the real dataset loads") {
  CHECK(load_json_error(test::builtin_json()) == "(loaded without error)");
}

TEST_CASE("malformed JSON is reported with line and column") {
  CHECK(load_error("{\n  \"format\": \"renkei-dataset/1\",\n  \"title\" \"x\"\n}") ==
        "t.json:3:13: invalid JSON: syntax error while parsing object separator - unexpected "
        "string literal; "
        "expected ':'");
  CHECK(load_error("{\"format\": ").rfind("t.json:1:12: invalid JSON: ", 0) == 0);
}

TEST_CASE("a key given twice is refused") {
  CHECK(load_error(R"({"format": "renkei-dataset/1", "format": "x"})") ==
        "t.json: /format: key \"format\" appears twice in one object; keep one");
}

TEST_CASE("wrong types and unknown fields name the pointer") {
  json j = test::builtin_json();
  std::size_t m = json_node(j, "kaminoseki");
  SECTION("row as a string") {
    j["nodes"][m]["row"] = "16";
    CHECK(load_json_error(j) ==
          "t.json: /nodes/" + std::to_string(m) + "/row: expected an integer, got a string \"16\"");
  }
  SECTION("a misspelt field") {
    j["nodes"][m]["nmae"] = "x";
    CHECK(load_json_error(j) == "t.json: /nodes/" + std::to_string(m) +
                                    "/nmae: unknown field \"nmae\" (did you mean \"name\"?)");
  }
  SECTION("an unknown kind") {
    j["nodes"][m]["kind"] = "town";
    CHECK(load_json_error(j) == "t.json: /nodes/" + std::to_string(m) +
                                    "/kind: unknown kind \"town\"; expected municipality, council, "
                                    "office, center, initiative "
                                    "or region");
  }
  SECTION("a field of another kind") {
    j["nodes"][m]["meetings"] = json::array();
    CHECK(load_json_error(j) == "t.json: /nodes/" + std::to_string(m) +
                                    "/meetings: field \"meetings\" is only for council nodes");
  }
}

TEST_CASE("duplicate ids and shared aliases are refused") {
  json j = test::builtin_json();
  std::size_t a = json_node(j, "aozora"), t = json_node(j, "tanpopo");
  SECTION("duplicate id") {
    j["nodes"][a]["id"] = "tanpopo";
    CHECK(load_json_error(j) == "t.json: /nodes/" + std::to_string(a) +
                                    "/id: duplicate id \"tanpopo\" (also at /nodes/" +
                                    std::to_string(t) + "); ids must be unique");
  }
  SECTION("an alias naming two nodes") {
    j["nodes"][a]["aliases"].push_back(j["nodes"][t]["aliases"][0]);
    std::size_t k = j["nodes"][a]["aliases"].size() - 1;
    CHECK(load_json_error(j) ==
          "t.json: /nodes/" + std::to_string(a) + "/aliases/" + std::to_string(k) +
              "/name: \"地域生活支援センターたんぼぼ\" also names node \"tanpopo\" (/nodes/" +
              std::to_string(t) + "/aliases/0/name); a name or alias must lead to one node");
  }
}

TEST_CASE("edges must name existing nodes and valid relations") {
  json j = test::builtin_json();
  SECTION("missing node, with a suggestion") {
    j["edges"][0]["to"] = "shimonoseki-liaison-councl";
    CHECK(load_json_error(j) ==
          "t.json: /edges/0/to: unknown node \"shimonoseki-liaison-councl\" (did you mean "
          "\"shimonoseki-liaison-council\"?); "
          "edges name nodes by id");
  }
  SECTION("unknown relation") {
    j["edges"][0]["relation"] = "hold";
    CHECK(load_json_error(j) ==
          "t.json: /edges/0/relation: unknown relation \"hold\"; expected holds, participates, "
          "part_of, coordinator, "
          "liaises, runs or in_region (did you mean \"holds\"?)");
  }
  SECTION("wrong kinds at the ends") {
    j["edges"][0]["relation"] = "coordinator";
    j["edges"][0]["order"] = 9;
    CHECK(load_json_error(j) ==
          "t.json: /edges/0/to: a coordinator edge goes from municipality to office, not from "
          "municipality to council");
  }
  SECTION("unknown status") {
    for (auto& e : j["edges"])
      if (e["relation"] == "runs") {
        e["status"] = "finished";
        break;
      }
    std::string err = load_json_error(j);
    CHECK(err.find("/status: unknown initiative status \"finished\"; expected current, done, "
                   "ongoing, planned or "
                   "considering") != std::string::npos);
  }
  SECTION("a self-loop") {
    j["edges"][0]["to"] = j["edges"][0]["from"];
    CHECK(load_json_error(j) ==
          "t.json: /edges/0/to: an edge from \"shimonoseki\" to itself; remove it");
  }
}

TEST_CASE("meeting months must fall in the fiscal year") {
  json j = test::builtin_json();
  std::size_t c = json_node(j, "shimonoseki-liaison-council");
  SECTION("令和7年4月 is the next fiscal year") {
    j["nodes"][c]["meetings"][1]["months"][0] = "2025-04";
    CHECK(load_json_error(j) ==
          "t.json: /nodes/" + std::to_string(c) +
              "/meetings/1/months/0: \"2025-04\" is outside the fiscal year 令和6年度 (2024-04 to "
              "2025-03); 令和N年1月–3月 belong to the fiscal year that began the April before");
  }
  SECTION("not a month") {
    j["nodes"][c]["meetings"][0]["months"][0] = "R6.8";
    CHECK(load_json_error(j) ==
          "t.json: /nodes/" + std::to_string(c) +
              "/meetings/0/months/0: \"R6.8\" is not a month; write it as YYYY-MM, e.g. 2024-11");
  }
}

TEST_CASE("a quote that is not in its row of the source is refused") {
  json j = test::builtin_json();
  std::size_t t = json_node(j, "tanpopo");
  SECTION("changed text") {
    j["nodes"][t]["source"]["text"] = "地域生活支援センターたんぽぽ";
    CHECK(load_json_error(j) ==
          "t.json: /nodes/" + std::to_string(t) +
              "/source/text: \"地域生活支援センターたんぽぽ\" is not in row 10, column 3, of "
              "source/yamaguchi-r6.txt; quote the source exactly");
  }
  SECTION("right text, wrong row") {
    j["nodes"][t]["source"]["row"] = 9;
    CHECK(load_json_error(j).find("is not in row 9, column 3, of") != std::string::npos);
  }
}

TEST_CASE("part_of must not loop") {
  json j = test::builtin_json();
  j["edges"].push_back(
      {{"from", "yanai-regional-council"},
       {"to", "yanai-regional-project"},
       {"relation", "part_of"},
       {"source", {{"row", 10}, {"section", "2"}, {"text", "柳井圏域地域自立支援協議会"}}}});
  CHECK(load_json_error(j) ==
        "t.json: /edges: part_of edges form a cycle through \"yanai-regional-council\"; a council "
        "cannot be "
        "part of itself");
}

TEST_CASE("files that are not datasets") {
  CHECK(load_error("") ==
        "t.json:1:1: invalid JSON: syntax error while parsing value - unexpected end of input; "
        "expected '[', '{', or a literal");
  CHECK(load_error("\xEF\xBB\xBF{}") ==
        "t.json:1:1: the file starts with a UTF-8 byte order mark; save it as UTF-8 without BOM");
  CHECK(load_error("{\"a\": \"\xff\"}") == "t.json: the file is not valid UTF-8; save it as UTF-8");
  CHECK(load_error("[]") == "t.json: /: expected an object, got an array");
  CHECK(load_error(R"({"format": "renkei-dataset/2"})") ==
        "t.json: /format: unsupported format \"renkei-dataset/2\"; this renkei reads "
        "\"renkei-dataset/1\"");
}

TEST_CASE("names are one line of plain text, and no string holds a NUL") {
  json j = test::builtin_json();
  std::size_t t = json_node(j, "tanpopo");
  std::string at = "t.json: /nodes/" + std::to_string(t);
  SECTION("a tab in the romanized name") {
    j["nodes"][t]["name_en"] = "Tanpopo\tCenter";
    CHECK(load_json_error(j) ==
          at +
              "/name_en: \"Tanpopo\\u0009Center\" contains a control character (U+0009); a name is "
              "one line of plain text");
  }
  SECTION("a line break in the name") {
    j["nodes"][t]["name"] = "たんぽぽ\n";
    CHECK(load_json_error(j) ==
          at + "/name: \"たんぽぽ\\u000a\" contains a control character (U+000A); a name is one "
               "line of plain text");
  }
  SECTION("DEL and C1 controls") {
    j["nodes"][t]["name"] = "たん\x7fぽぽ";
    CHECK(load_json_error(j).find("contains a control character (U+007F)") != std::string::npos);
    j["nodes"][t]["name"] = "たん\u009bぽぽ";
    CHECK(load_json_error(j).find("\"たん\\u009bぽぽ\" contains a control character (U+009B)") !=
          std::string::npos);
  }
  SECTION("line breaks and tabs in a note are kept") {
    j["nodes"][t]["note"] = "受付は平日のみ\n\t土日は休み";
    CHECK(load_json_error(j) == "(loaded without error)");
  }
  SECTION("a NUL in a note") {
    j["nodes"][t]["note"] = std::string("受付は平日のみ\0", 22);
    CHECK(load_json_error(j) ==
          at + "/note: \"受付は平日のみ\\u0000\" contains a NUL character (U+0000), which cuts the "
               "text short in other programs; remove it");
  }
  SECTION("a NUL in a list of topics") {
    std::size_t c = json_node(j, "kaminoseki-council");
    j["nodes"][c]["meetings"][0]["topics"] = {std::string("a\0b", 3)};
    CHECK(load_json_error(j).find("/meetings/0/topics/0: \"a\\u0000b\" contains a NUL character") !=
          std::string::npos);
  }
}
