// model/facts.h: each derived fact has one definition, and every command gives its answer.
#include <catch2/catch.hpp>

#include "formats/load.h"
#include "model/facts.h"
#include "test_support.h"

using namespace renkei;
using namespace renkei::test;

namespace {

/// The built-in data with 下関市 placing a fourth coordinator at the office of its first
/// (下関市こども発達センター): two placements, still one municipality.
nlohmann::json shimonoseki_twice() {
  nlohmann::json j = builtin_json();
  nlohmann::json twice;
  for (const auto& e : j["edges"])
    if (e["relation"] == "coordinator" && e["from"] == "shimonoseki" && e["order"] == 1) twice = e;
  REQUIRE(!twice.is_null());
  twice["order"] = 4;
  j["edges"].push_back(twice);
  return j;
}

std::size_t node(const Dataset& ds, const std::string& id) {
  auto i = ds.find_id(id);
  REQUIRE(i);
  return *i;
}

}  // namespace

TEST_CASE("an office two placements of one municipality lead to is not shared", "[facts]") {
  TempDir dir;
  std::string path = write_dataset(dir, shimonoseki_twice());
  Dataset ds = load_dataset_file(path);
  std::size_t office = node(ds, "shimonoseki-child-development-center");
  CHECK(municipalities_served(ds, office) == std::vector<std::size_t>{node(ds, "shimonoseki")});
  CHECK_FALSE(is_shared_office(ds, office));
  CHECK(offices_of(ds, node(ds, "shimonoseki")).size() == 3);
  // たんぽぽ (たんぼぼ in the extraction) is ① of 柳井市, 上関町, 田布施町, 平生町: rows 10, 16,
  // 17, 18 §3.
  std::size_t tanpopo = node(ds, "tanpopo");
  CHECK(is_shared_office(ds, tanpopo));
  CHECK(municipalities_served(ds, tanpopo) ==
        std::vector<std::size_t>{node(ds, "yanai"), node(ds, "kaminoseki"), node(ds, "tabuse"),
                                 node(ds, "hirao")});

  Run v = run_renkei({"validate", "--data", path});
  CHECK(v.code == 0);
  Run shared = run_renkei({"shared", "--data", path, "--json"});
  REQUIRE(shared.code == 0);
  CHECK(shared.out.find("shimonoseki-child-development-center") == std::string::npos);
  Run summary = run_renkei({"summary", "--data", path});
  REQUIRE(summary.code == 0);
  CHECK(summary.out.find("下関市, 下関市") == std::string::npos);
  CHECK(summary.out.find("下関市こども発達センター") == std::string::npos);
  Run slide =
      run_renkei({"render", "--preset", "region:下関", "--data", path, "-o", dir.file("r.dot")});
  REQUIRE(slide.code == 0);
  std::string dot = read_file(dir.file("r.dot"));
  CHECK(dot.find("下関市こども発達センター") != std::string::npos);
  CHECK(dot.find("2市町で共有") == std::string::npos);
}

TEST_CASE("a council's meetings about these children: held, planned, not meeting", "[facts]") {
  Dataset ds = load_builtin_dataset();
  // 周南市 row 12 §1(4): 「…休会とすることで合意した。よって開催なし。」
  ChildrenMeetings shunan = children_meetings(ds, own_councils(ds, node(ds, "shunan")));
  CHECK(shunan.not_meeting);
  CHECK_FALSE(shunan.held);
  // 山陽小野田市 row 13 §1(4): 「○開催年月:令和7年2月」, written before February: planned, not
  // held.
  ChildrenMeetings sanyo = children_meetings(ds, own_councils(ds, node(ds, "sanyo-onoda")));
  CHECK(sanyo.planned);
  CHECK_FALSE(sanyo.held);
  // 下関市 row 1 §1(4) reports meetings held.
  CHECK(children_meetings(ds, own_councils(ds, node(ds, "shimonoseki"))).held);
}

TEST_CASE("every spelling of a node: id, name, aliases, the name without 市/町/村", "[facts]") {
  Dataset ds = load_builtin_dataset();
  const Node& n = ds.nodes[node(ds, "shimonoseki")];
  std::vector<std::string> texts;
  for (const Spelling& s : spellings(n)) texts.push_back(s.text);
  CHECK(texts[0] == "shimonoseki");
  CHECK(texts[1] == "下関市");
  CHECK(std::find(texts.begin(), texts.end(), "下関") != texts.end());
}
