// Another place's table, end to end (issue 18): 横浜市 資料4, six coordinator hubs and the
// wards each serves, entered through the sheets (data/yokohama-r6-sheets/). Expected values
// are read from data/source/yokohama-r6.txt, not from renkei's output.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "base/error.h"
#include "formats/load.h"
#include "formats/source_text.h"
#include "model/facts.h"
#include "query/queries.h"
#include "test_support.h"

using namespace renkei;
using namespace renkei::test;
using nlohmann::json;

namespace {

const std::string kYokohama = repo_path("data/yokohama-r6.json");

std::set<std::string> yokohama_names_of(const json& refs) {
  std::set<std::string> out;
  for (const auto& r : refs) out.insert(r["name"].get<std::string>());
  return out;
}

/// The table's rows as the source prints them: hub (拠点設置区) → its 担当区域.
const std::map<std::string, std::set<std::string>>& yokohama_hubs() {
  static const std::map<std::string, std::set<std::string>> h = {
      {"磯子区拠点", {"港南区", "磯子区", "金沢区", "栄区"}},
      {"青葉区拠点", {"緑区", "青葉区"}},
      {"都筑区拠点", {"港北区", "都筑区"}},
      {"鶴見区拠点", {"鶴見区", "神奈川区"}},
      {"旭区拠点", {"保土ケ谷区", "旭区", "泉区", "瀬谷区"}},
      {"南区拠点", {"西区", "中区", "南区", "戸塚区"}},
  };
  return h;
}

}  // namespace

TEST_CASE("the Yokohama sheets import to the checked-in dataset, matched against no other table") {
  TempDir dir;
  auto r = run_renkei({"import", repo_path("data/yokohama-r6-sheets"), "-o", dir.file("y.json")});
  REQUIRE(r.code == 0);
  CHECK(read_file(dir.file("y.json")) == read_file(kYokohama));  // data/ is not stale
  CHECK(r.out.find("nodes: municipality 18, office 6") != std::string::npos);
  // In Japanese the units are called by the table's own word.
  auto ja =
      run_renkei_ja({"import", repo_path("data/yokohama-r6-sheets"), "-o", dir.file("j.json")});
  CHECK(ja.out.find("ノード: 区 18、配置先 6") != std::string::npos);
  // 18 wards, 6 hubs and 18 placements quoted from their cells; each hub's out-of-area help
  // from the caption above the table, which has no row.
  CHECK(r.out.find("48 checked in ") != std::string::npos);
  CHECK(r.out.find("42 in their row and column, 6 naming no row found somewhere in the text") !=
        std::string::npos);
  // The built-in table is 山口県's: none of its names are offered or listed.
  CHECK(r.out.find("names matched against: no other table") != std::string::npos);
  CHECK(r.out.find("close to existing") == std::string::npos);
  CHECK(r.out.find("in the reference data but in no sheet") == std::string::npos);
  CHECK(r.out.find("光市") == std::string::npos);
}

TEST_CASE("Yokohama: each hub serves the wards of its 担当区域, since its 配置年度") {
  Dataset ds = load_dataset_file(kYokohama);
  std::size_t units = 0;
  for (const Node& n : ds.nodes)
    if (n.kind == Kind::Municipality) {
      ++units;
      CHECK(n.type == "区");
      CHECK(n.row == 0);  // a ward has no row of its own: it is named in a hub's row
    }
  CHECK(units == 18);
  CHECK(unit_word(ds) == "区");
  for (const auto& [hub, wards] : yokohama_hubs()) {
    INFO(hub);
    auto o = std::find_if(ds.nodes.begin(), ds.nodes.end(),
                          [&](const Node& n) { return n.name == hub; });
    REQUIRE(o != ds.nodes.end());
    std::set<std::string> served;
    for (std::size_t m : municipalities_served(ds, static_cast<std::size_t>(o - ds.nodes.begin())))
      served.insert(ds.nodes[m].name);
    CHECK(served == wards);
    REQUIRE(o->out_of_area);
    CHECK(o->out_of_area->text == "必要に応じて担当区域外での支援が可能");
  }
  for (const Edge& e : ds.edges) {
    REQUIRE(e.relation == Relation::Coordinator);
    // 令和元年度 is FY2019 (磯子区), 令和2年度 FY2020 (the other five).
    CHECK(e.since == (ds.nodes[e.to].name == "磯子区拠点" ? "2019" : "2020"));
    CHECK(e.source->section == "担当区域");
  }
}

TEST_CASE("Yokohama: whatif says who is left with only out-of-area help") {
  auto r = run_renkei({"whatif", "--remove", "磯子区拠点", "--data", kYokohama, "--json"});
  REQUIRE(r.code == 0);
  json j = json::parse(r.out);
  std::set<std::string> isogo = yokohama_hubs().at("磯子区拠点");
  CHECK(yokohama_names_of(j["uncovered"]) == isogo);
  CHECK(yokohama_names_of(j["only_out_of_area_help"]) == isogo);
  CHECK(yokohama_names_of(j["out_of_area_help"]) ==
        std::set<std::string>{"青葉区拠点", "都筑区拠点", "鶴見区拠点", "旭区拠点", "南区拠点"});
  auto text = run_renkei({"whatif", "--remove", "磯子区拠点", "--data", kYokohama});
  CHECK(text.out.find("of which left with only help from outside their area") != std::string::npos);
  CHECK(text.out.find("「必要に応じて担当区域外での支援が可能」") != std::string::npos);
  CHECK(text.out.find("still has: nothing") == std::string::npos);
}

TEST_CASE("Yokohama: gaps runs only the rules the table can support, and says which do not") {
  auto all = run_renkei({"gaps", "--explain", "all", "--data", kYokohama, "--json"});
  REQUIRE(all.code == 0);
  std::set<std::string> applies;
  for (const auto& r : json::parse(all.out))
    if (r["applies"] == true) applies.insert(r["rule"].get<std::string>());
  // The table names placements only: no council, meeting, activity, center or challenge.
  CHECK(applies == std::set<std::string>{"no-office", "single-office", "shared-only"});

  auto j = run_renkei({"gaps", "--data", kYokohama, "--json"});
  REQUIRE(j.code == 0);
  std::map<std::string, std::size_t> by_rule;
  for (const auto& f : json::parse(j.out)) ++by_rule[f["rule"].get<std::string>()];
  // Every ward has one hub, shared with other wards; the six areas cover all 18 (no-office 0).
  CHECK(by_rule == std::map<std::string, std::size_t>{{"single-office", 18}, {"shared-only", 18}});

  auto text = run_renkei({"gaps", "--data", kYokohama});
  CHECK(text.out.find("Not applicable to this table") != std::string::npos);
  CHECK(text.out.find("no-center-link: the table names no support center") != std::string::npos);
  auto one = run_renkei({"gaps", "--explain", "no-meeting", "--data", kYokohama});
  CHECK(one.out.find("Does not apply to 横浜市 資料4") != std::string::npos);
}

TEST_CASE("Yokohama: slides and explorer name the city and its wards, never Yamaguchi") {
  TempDir dir;
  for (const char* preset : {"overview", "gaps", "shared", "whatif:磯子区拠点"}) {
    INFO(preset);
    std::string out = dir.file("s.svg");
    REQUIRE(run_renkei({"render", "--preset", preset, "--data", kYokohama, "-o", out}).code == 0);
    std::string svg = read_file(out);
    CHECK(svg.find("横浜市") != std::string::npos);
    CHECK(svg.find("山口") == std::string::npos);
    CHECK(svg.find("市町") == std::string::npos);
    CHECK(svg.find("協議の場0") == std::string::npos);  // the table does not say "no council"
  }
  REQUIRE(run_renkei({"explorer", "--data", kYokohama, "-o", dir.file("e.html")}).code == 0);
  std::string html = read_file(dir.file("e.html"));
  CHECK(html.find("横浜市") != std::string::npos);
  CHECK(html.find("山口") == std::string::npos);
  auto summary = run_renkei({"summary", "--data", kYokohama});
  CHECK(summary.out.find("councils and their meetings: not stated in this table") !=
        std::string::npos);
}

TEST_CASE("a retitled copy of the Yamaguchi data is cited by its own title everywhere") {
  TempDir dir;
  json j = builtin_json();
  j["title"] = "令和6年度 ある県の取組状況";
  j["document"]["publisher"] = "ある県";
  j["document"]["label"] = "資料9";
  j["document"]["title"] = "令和6年度 ある県の取組状況";
  std::string path = write_dataset(dir, j);
  auto v = run_renkei({"validate", "--data", path});
  REQUIRE(v.code == 0);
  CHECK(v.out.find("OK: ある県 資料9「令和6年度 ある県の取組状況」") != std::string::npos);
  REQUIRE(run_renkei({"render", "--preset", "overview", "--data", path, "-o", dir.file("o.svg")})
              .code == 0);
  std::string svg = read_file(dir.file("o.svg"));
  CHECK(svg.find("ある県 資料9") != std::string::npos);
  CHECK(svg.find("資料2-②") == std::string::npos);
  REQUIRE(run_renkei({"explorer", "--data", path, "-o", dir.file("e.html")}).code == 0);
  CHECK(read_file(dir.file("e.html")).find("資料2-②") == std::string::npos);
}

TEST_CASE("source texts: a table is read by its header, prose anywhere, bad encodings refused") {
  DocumentInfo doc;
  doc.form = SourceForm::Table;
  doc.columns = {{"拠点", ColumnRole::Placements, "", 1},
                 {"担当区域", ColumnRole::Placements, "", 1}};
  std::string text = "表の題\n拠点,担当区域\n\"A区\",\"B区・C区\"\n\nD区,\"E区, F区\"\n";
  SourceDocument csv = read_source_text(text, doc, "t.csv");
  REQUIRE(csv.cell(1, "担当区域"));
  CHECK(*csv.cell(1, "担当区域") == "B区・C区");
  REQUIRE(csv.cell(2, "担当区域"));  // the blank line is not a row
  CHECK(*csv.cell(2, "担当区域") == "E区, F区");
  CHECK(csv.contains(Source{0, "", "表の題", {}}));  // a caption, cited without a row
  CHECK_FALSE(csv.contains(Source{1, "拠点", "D区", {}}));

  doc.columns[1].label = "担当地域";
  try {
    read_source_text(text, doc, "t.csv");
    FAIL("a header without the described column was read");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("lacks \"担当地域\" (did you mean \"担当区域\"?)") !=
          std::string::npos);
  }
  try {
    read_source_text("拠点\t担当区域\n\x92\x86\x8b\xe6\n", doc, "sjis.txt");  // 中区 in Shift_JIS
    FAIL("a Shift_JIS text was read");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("sjis.txt: line 2 of the source text is not UTF-8") == 0);
  }
  DocumentInfo undescribed;  // a table whose columns are not described: its header names them
  undescribed.form = SourceForm::Table;
  SourceDocument plain =
      read_source_text("\n拠点\t担当区域\nA区\tB区・C区\n", undescribed, "u.tsv");
  REQUIRE(plain.cell(1, "担当区域"));
  CHECK(*plain.cell(1, "担当区域") == "B区・C区");
  DocumentInfo prose;
  SourceDocument p = read_source_text("横浜市の6か所の拠点が18区を支援する。", prose, "p.txt");
  CHECK_FALSE(p.by_cell());
  CHECK(p.contains(Source{0, "", "18区を支援", {}}));
}

TEST_CASE("a prose source: validate says quotes were found in the text, not by row and column") {
  TempDir dir;
  json j = builtin_json();
  j["document"].erase("source_form");
  j["document"].erase("columns");  // described as nothing: prose
  std::string path = write_dataset(dir, j);
  auto v = run_renkei({"validate", "--data", path});
  REQUIRE(v.code == 0);
  CHECK(v.out.find("found in the text of") != std::string::npos);
  CHECK(v.out.find("not by row and column") != std::string::npos);
  CHECK(v.out.find("each in its row and column") == std::string::npos);
}
