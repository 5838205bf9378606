// model/facts.h: each derived fact has one definition, and every command gives its answer.
#include <catch2/catch.hpp>

#include <map>

#include "formats/load.h"
#include "model/check.h"
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

}  // namespace

TEST_CASE("an office two placements of one municipality lead to is not shared", "[facts]") {
  TempDir dir;
  std::string path = write_dataset(dir, shimonoseki_twice());
  Dataset ds = load_dataset_file(path);
  std::size_t office = node_index(ds, "shimonoseki-child-development-center");
  CHECK(municipalities_served(ds, office) ==
        std::vector<std::size_t>{node_index(ds, "shimonoseki")});
  CHECK_FALSE(is_shared_office(ds, office));
  CHECK(offices_of(ds, node_index(ds, "shimonoseki")).size() == 3);
  // たんぽぽ (たんぼぼ in the extraction) is ① of 柳井市, 上関町, 田布施町, 平生町: rows 10, 16,
  // 17, 18 §3.
  std::size_t tanpopo = node_index(ds, "tanpopo");
  CHECK(is_shared_office(ds, tanpopo));
  CHECK(municipalities_served(ds, tanpopo) ==
        std::vector<std::size_t>{node_index(ds, "yanai"), node_index(ds, "kaminoseki"),
                                 node_index(ds, "tabuse"), node_index(ds, "hirao")});

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
  ChildrenMeetings shunan = children_meetings(ds, own_councils(ds, node_index(ds, "shunan")));
  CHECK(shunan.not_meeting);
  CHECK_FALSE(shunan.held);
  // 山陽小野田市 row 13 §1(4): 「○開催年月:令和7年2月」, written before February: planned, not
  // held.
  ChildrenMeetings sanyo = children_meetings(ds, own_councils(ds, node_index(ds, "sanyo-onoda")));
  CHECK(sanyo.planned);
  CHECK_FALSE(sanyo.held);
  // 下関市 row 1 §1(4) reports meetings held.
  CHECK(children_meetings(ds, own_councils(ds, node_index(ds, "shimonoseki"))).held);
}

TEST_CASE("every spelling of a node: id, name, aliases, the name without 市/町/村", "[facts]") {
  Dataset ds = load_builtin_dataset();
  const Node& n = ds.nodes[node_index(ds, "shimonoseki")];
  std::vector<std::string> texts;
  for (const Spelling& s : spellings(n)) texts.push_back(s.text);
  CHECK(texts[0] == "shimonoseki");
  CHECK(texts[1] == "下関市");
  CHECK(std::find(texts.begin(), texts.end(), "下関") != texts.end());
}

namespace {

/// tests/data/kaku/ made into a designated city's three wards: 東区, 西区, 南区, with no type
/// written (worked out from the names) and no source text (nothing is quoted from one).
nlohmann::json wards() {
  nlohmann::json j = nlohmann::json::parse(read_file(repo_path("tests/data/kaku/kaku-r7.json")));
  j["document"].erase("source_file");
  j.erase("outside_facts");
  const std::map<std::string, std::string> ward = {
      {"東町", "東区"}, {"西村", "西区"}, {"南市", "南区"}};
  for (auto& n : j["nodes"])
    if (n["kind"] == "municipality") {
      n["name"] = ward.at(n["name"]);
      n.erase("type");
    }
  return j;
}

}  // namespace

TEST_CASE("the units' word comes from their types: 市町, 市町村, 区", "[facts]") {
  CHECK(unit_word(load_builtin_dataset()) == "市町");  // 13 市 and 6 町
  CHECK(unit_offices_word(load_builtin_dataset()) == "市町役場");
  CHECK(unit_word(load_dataset_file(repo_path("tests/data/kaku/kaku-r7.json"))) == "市町村");
  TempDir dir;
  Dataset w = load_dataset_file(write_dataset(dir, wards()));
  CHECK(w.nodes[node_index(w, "higashi")].type == "区");  // from the name, as none was written
  CHECK(unit_word(w) == "区");
  CHECK(unit_offices_word(w) == "区役所");
  Dataset empty;
  CHECK(unit_word(empty) == "市町村");
  CHECK(municipality_type_of_name("北区") == "区");
  CHECK(municipality_type_of_name("周防大島町") == "町");
  CHECK(municipality_type_of_name("大島郡") == "");
  CHECK(municipality_type_of_name("区") == "");  // a name is more than its type
}

TEST_CASE("a city's wards: hubs shared by wards, said in 区 on the slides and in the explorer",
          "[facts]") {
  TempDir dir;
  std::string path = write_dataset(dir, wards());
  Run v = run_renkei({"validate", "--data", path});
  CHECK(v.code == 0);
  // ひまわり相談支援事業所 is ① of 東区 and 西区 (kaku-r7.txt rows 1 and 2, section 3).
  Run shared = renkei::test::run_renkei_ja({"shared", "--data", path});
  REQUIRE(shared.code == 0);
  CHECK(shared.out.find("ひまわり相談支援事業所（2区）\n  東区、西区\n") != std::string::npos);
  Run summary = run_renkei({"summary", "--data", path});
  CHECK(summary.out.find("3 municipalities (3 区)") != std::string::npos);
  Run slide = run_renkei({"render", "--preset", "shared", "--data", path, "-o", dir.file("s.dot")});
  REQUIRE(slide.code == 0);
  std::string dot = read_file(dir.file("s.dot"));
  CHECK(dot.find("2区で共有") != std::string::npos);
  CHECK(dot.find("複数の区が共有するコーディネーター配置先") != std::string::npos);
  CHECK(dot.find("区（角丸）") !=
        std::string::npos);  // the legend names the units as the table does
  CHECK(dot.find("市町で共有") == std::string::npos);
  CHECK(dot.find("圏域") == std::string::npos);  // no planning regions in this table, none said
  Run page = run_renkei({"explorer", "--data", path, "-o", dir.file("e.html")});
  REQUIRE(page.code == 0);
  CHECK(read_file(dir.file("e.html")).find("\"unit_word\":\"区\"") != std::string::npos);
}

TEST_CASE("a unit whose type cannot be worked out from its name is asked for", "[facts]") {
  TempDir dir;
  nlohmann::json j = wards();
  j["nodes"][0]["name"] = "東地域";
  Run r = run_renkei({"validate", "--data", write_dataset(dir, j)});
  CHECK(r.code == 1);
  CHECK(
      r.err ==
      "renkei: error: " + dir.file("data.json") +
          ": /nodes/0: missing field \"type\": \"東地域\" does not end in 市, 区, 町 or 村; write "
          "its type\n");
}

TEST_CASE("a table that does not say what the coordinators did leaves it unstated", "[facts]") {
  TempDir dir;
  nlohmann::json j = wards();
  // 西区's row says 「特になし」 (kaku-r7.txt row 2 section 4): without that cell, not stated.
  for (auto& n : j["nodes"])
    if (n["id"] == "nishi") n.erase("coordinator_activity");
  std::string path = write_dataset(dir, j);
  REQUIRE(run_renkei({"validate", "--data", path}).code == 0);
  Run show = run_renkei({"show", "西区", "--data", path});
  REQUIRE(show.code == 0);
  CHECK(show.out.find("  coordinator activity: not stated in the source\n") != std::string::npos);
  // With its 「特になし」 it is inactive-coordinator; unstated, it is no finding at all.
  TempDir stated;
  Run with = run_renkei(
      {"gaps", "--rule", "inactive-coordinator", "--data", write_dataset(stated, wards())});
  CHECK(with.out.find("西区") != std::string::npos);
  Run without = run_renkei({"gaps", "--rule", "inactive-coordinator", "--data", path});
  CHECK(without.code == 0);
  CHECK(without.out.find("西区") == std::string::npos);
}

TEST_CASE("dates are written as the table writes its years: 令和 where it does", "[facts]") {
  Dataset ds = load_builtin_dataset();  // 資料2-② writes 令和6年度 and 【令和2年4月】
  REQUIRE(ds.fiscal_year.label == "令和6年度");
  CHECK(date_words(ds, "2020-04", Lang::Ja) == "令和2年4月");
  CHECK(date_words(ds, "2019-04", Lang::Ja) == "平成31年4月");
  CHECK(date_words(ds, "2019-05", Lang::Ja) == "令和元年5月");
  CHECK(date_words(ds, "2020", Lang::Ja) == "令和2年度");
  CHECK(date_words(ds, "2019", Lang::Ja) == "令和元年度");  // the fiscal year from 2019-04
  CHECK(date_words(ds, "2018", Lang::Ja) == "平成30年度");
  CHECK(date_words(ds, "1985", Lang::Ja) == "1985年度");  // before 平成: no era of ours
  CHECK(date_words(ds, "2020-04", Lang::En) == "2020-04");
  CHECK(date_words(ds, "2020", Lang::En) == "FY2020");
  CHECK(date_words(ds, "2020-13", Lang::Ja) == "2020-13");  // not a month: as it is

  ds.fiscal_year.label = "2024年度";  // a table that writes Western years
  CHECK(date_words(ds, "2020-04", Lang::Ja) == "2020年4月");
  CHECK(date_words(ds, "2020", Lang::Ja) == "2020年度");
}
