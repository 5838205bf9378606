// JsonWriter writes the bytes nlohmann::json's dump(2) writes, so answers written straight
// to text read and look exactly as the ones built as documents.
#include <catch2/catch.hpp>

#include "json/writer.h"
#include "test_support.h"

using namespace renkei;
using nlohmann::json;

namespace {

std::string written(const json& j) {
  std::string out;
  JsonWriter w(out);
  w.value(j);
  w.finish();
  return out;
}

std::string dumped(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

}  // namespace

TEST_CASE("JsonWriter writes what nlohmann's dump(2) writes") {
  SECTION("the whole built-in dataset: Japanese text, numbers, coordinates, nesting") {
    json j = test::builtin_json();
    CHECK(written(j) == dumped(j));
  }
  SECTION("escapes, empty containers, scalars at the top") {
    json j = {{"quote\"back\\slash", "line\nbreak\ttab\rcr\bbell\f\x01\x1f\x7f"},
              {"empty_array", json::array()},
              {"empty_object", json::object()},
              {"nested", json::array({json::array(), json::object(),
                                      json::array({1, -2, 3.5, true, false, nullptr})})},
              {"big", 18446744073709551615ULL},
              {"negative", -9223372036854775807LL},
              {"html", "</script><!-- & <b>"}};
    CHECK(written(j) == dumped(j));
    for (const json& scalar :
         {json(1), json("x"), json(nullptr), json(0.1), json::array(), json::object()})
      CHECK(written(scalar) == dumped(scalar));
  }
  SECTION("a character to escape at any place in a long string, among ASCII and Japanese") {
    // The writer checks eight bytes at a time: each special byte is tried at every offset.
    for (const char* special : {"\"", "\\", "\n", "\x01", "\x1f", " ", "~", "\x7f", "た"})
      for (std::size_t at = 0; at < 20; ++at)
        for (const char* fill : {"abcdefghijklmnopqrstuvwxyz", "たんぽぽたんぽぽたんぽぽ"}) {
          std::string s = fill;
          s.insert(std::min(at, s.size()), special);
          json j = {{"s", s}, {s, 1}};
          CHECK(written(j) == dumped(j));
        }
  }
  SECTION("bytes that are not UTF-8 become U+FFFD as nlohmann writes them") {
    json j = {{"bad", std::string("a\xff\xfe"
                                  "b\xe3\x81")},
              {"ok", "たんぽぽ"}};
    CHECK(written(j) == dumped(j));
    CHECK(written(j).find("\xef\xbf\xbd") != std::string::npos);
  }
}

TEST_CASE("answers written straight to text are nlohmann's documents, keys in order") {
  // Each answer parsed and dumped again by nlohmann (which sorts keys) must give the same
  // bytes: the hand-written keys are in order and the layout is the same.
  std::string next_year = test::repo_path("tests/data/next-year.json");
  std::vector<std::vector<std::string>> commands = {
      {"shared", "--json"},
      {"gaps", "--json"},
      {"reach", "和木町", "--json"},
      {"reach", "上関町", "--json", "--lang", "en"},
      {"whatif", "--each", "office", "--json"},
      {"whatif", "--each", "council", "--json"},
      {"whatif", "--remove", "たんぽぽ", "--json"},
      {"gaps", "--json", "--data", next_year},
      {"whatif", "--each", "office", "--json", "--data", next_year},
  };
  for (const auto& args : commands) {
    auto r = test::run_renkei(args);
    INFO(args[0] << " " << args[1]);
    REQUIRE(r.code == 0);
    json j = json::parse(r.out);
    CHECK(!j.empty());
    CHECK(dumped(j) + "\n" == r.out);
  }
}
