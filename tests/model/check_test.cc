// model/check.h: the model's rules over a dataset from any reader, each problem with its place.
#include <catch2/catch.hpp>

#include "formats/load.h"
#include "formats/source_text.h"
#include "model/check.h"
#include "test_support.h"

using namespace renkei;
using renkei::test::node_index;

namespace {

std::size_t placement(const Dataset& ds, const std::string& from, int order) {
  std::size_t m = node_index(ds, from);
  for (std::size_t i = 0; i < ds.edges.size(); ++i)
    if (ds.edges[i].relation == Relation::Coordinator && ds.edges[i].from == m &&
        ds.edges[i].order == order)
      return i;
  FAIL("no placement " << order << " of " << from);
  return 0;
}

}  // namespace

TEST_CASE("the built-in data breaks no rule, and every quote is found in its cell", "[check]") {
  Dataset ds = load_builtin_dataset();
  SourceDocument source = read_source_text(ds.source_text, ds.document, "source.txt");
  CheckResult r = check(ds, QuoteSource{source, "source.txt"});
  CHECK(r.problems.empty());
  LoadReport report;
  load_builtin_dataset(&report);
  CHECK(r.quotes_checked == report.quotes_checked);
  CHECK(r.quotes_checked > 100);
}

TEST_CASE("a problem names its node or edge and field, and the other place it clashes with",
          "[check]") {
  Dataset ds = load_builtin_dataset();
  // 柳井市 (row 10) given 上関町's row 16: the later node of the two is the one told.
  std::size_t yanai = node_index(ds, "yanai"), kaminoseki = node_index(ds, "kaminoseki");
  ds.nodes[yanai].row = ds.nodes[kaminoseki].row;
  // 柳井市's ① placement written twice (a second copy with its own note): one ① only.
  std::size_t first = placement(ds, "yanai", 1);
  ds.edges.push_back(ds.edges[first]);
  ds.edges.back().note = "second copy";
  ds.build_index();

  CheckResult r = check(ds, std::nullopt);
  // Every problem is returned, not only the first: the copy is also a repeated edge.
  REQUIRE(r.problems.size() == 3);
  CHECK(r.quotes_checked == 0);  // no source given: quotes are not checked

  const Problem& row = r.problems[0];
  std::size_t later = std::max(yanai, kaminoseki), earlier = std::min(yanai, kaminoseki);
  CHECK(row.place.item == Place::Item::Node);
  CHECK(row.place.index == later);
  CHECK(row.place.field == "row");
  REQUIRE(row.also);
  CHECK(row.also->index == earlier);
  CHECK(row.text == "row 16 is already the row of ");

  const Problem& again = r.problems[1];
  CHECK(again.place.item == Place::Item::Edge);
  CHECK(again.place.index == ds.edges.size() - 1);
  CHECK(again.place.field == "order");
  CHECK(again.place.pointer() == "/edges/" + std::to_string(ds.edges.size() - 1) + "/order");
  REQUIRE(again.also);
  CHECK(again.also->index == first);
  CHECK(again.rest == "; each ①②③ appears once");

  const Problem& repeat = r.problems[2];
  CHECK(repeat.place.pointer() == "/edges/" + std::to_string(ds.edges.size() - 1));
  CHECK(repeat.text == "repeats ");
  REQUIRE(repeat.also);
  CHECK(repeat.also->pointer() == "/edges/" + std::to_string(first));
}

TEST_CASE("text no other program can hold is a problem wherever a reader put it", "[check]") {
  Dataset ds = load_builtin_dataset();
  std::size_t tanpopo = node_index(ds, "tanpopo");
  ds.nodes[tanpopo].name = "地域生活支援センター\nたんぽぽ";  // a line break typed in a sheet cell
  ds.document.note = std::string("a\0b", 3);
  CheckResult r = check(ds, std::nullopt, Rules::Nodes);
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[0].place.pointer() == "/document/note");
  CHECK(r.problems[0].text.find("contains a NUL character (U+0000)") != std::string::npos);
  CHECK(r.problems[1].place.pointer() == "/nodes/" + std::to_string(tanpopo) + "/name");
  CHECK(r.problems[1].text ==
        "\"地域生活支援センター\\u000aたんぽぽ\" contains a control character (U+000A); a name is "
        "one "
        "line of plain text");
}

TEST_CASE("the rules' words for readers that check a cell first", "[check]") {
  CHECK(is_valid_id("tanpopo"));
  CHECK(is_valid_id("region-yanai-2"));
  CHECK_FALSE(is_valid_id("Tan Popo"));
  CHECK_FALSE(is_valid_id("-tanpopo"));
  CHECK_FALSE(is_valid_id(""));
  CHECK(is_year_month("2024-11"));
  CHECK_FALSE(is_year_month("2024-13"));
  CHECK_FALSE(is_year_month("2024/11"));
  CHECK(is_municipality_type("町"));
  CHECK(is_municipality_type("区"));  // a special ward of Tokyo, or a ward of a designated city
  CHECK_FALSE(is_municipality_type("郡"));
}
