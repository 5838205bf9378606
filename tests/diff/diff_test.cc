// diff: next year's table against this year's must name exactly what the secretariat changed.
//
// tests/data/next-year.json is data/yamaguchi-r6.json with five changes made by hand (its
// document note lists them): 地域生活支援センターたんぽぽ closes; 周防大島町 gains a placement at
// 児童発達支援あおぞら; 和木町地域自立支援協議会 meets; 長門市's family survey moves from planned
// to done; 歩夢ケアプランセンター is renamed 相談支援センター歩夢. Every expectation below is read
// from the data and from the gap rules (src/query/gaps.cc), not from the program's output.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "base/text.h"
#include "diagram/diagrams.h"
#include "diff/diff.h"
#include "formats/load.h"
#include "formats/sheets.h"
#include "test_support.h"

using namespace renkei;
using renkei::test::builtin_json;
using renkei::test::read_file;
using renkei::test::repo_path;
using renkei::test::run_renkei;
using renkei::test::run_renkei_ja;
using renkei::test::TempDir;
using renkei::test::write_dataset;

namespace {

const Dataset& this_year() {
  static const Dataset ds = load_builtin_dataset();
  return ds;
}
const Dataset& next_year() {
  static const Dataset ds = load_dataset_file(repo_path("tests/data/next-year.json"));
  return ds;
}
const DatasetDiff& fixture_diff() {
  static const DatasetDiff d = diff_datasets(this_year(), next_year());
  return d;
}

std::vector<std::string> ids(const std::vector<DiffNode>& v) {
  std::vector<std::string> out;
  for (const DiffNode& n : v) out.push_back(n.id);
  return out;
}
std::vector<std::string> office_ids(const std::vector<PlacementChange>& v) {
  std::vector<std::string> out;
  for (const PlacementChange& p : v) out.push_back(p.office.id);
  return out;
}
bool quotes(const std::vector<Source>& v, const std::string& text) {
  return std::any_of(v.begin(), v.end(), [&](const Source& s) { return s.text == text; });
}
std::string gap_key(const GapChange& g) {
  for (const auto& r : gap_rules())
    if (r.rule == g.rule)
      return g.municipality.id + " " + r.name + (g.no_office_left ? " (no office left)" : "");
  return "";
}

}  // namespace

TEST_CASE("diff: the closed office and the renamed one are the only nodes that change") {
  const DatasetDiff& d = fixture_diff();
  REQUIRE(d.nodes.size() == 2);
  // By kind, then id: both are offices; ayumu-care-plan sorts before tanpopo.
  const NodeChange& renamed = d.nodes[0];
  CHECK(renamed.type == NodeChange::Type::Renamed);
  CHECK(renamed.node.id == "ayumu-care-plan");
  CHECK(renamed.old_name == "歩夢ケアプランセンター");
  CHECK(renamed.node.name == "相談支援センター歩夢");
  CHECK(ids(renamed.municipalities) == std::vector<std::string>{"hikari"});
  // The office's own quote and 光市's placement quote, before and after.
  CHECK(quotes(renamed.old_sources, "②歩夢ケアプランセンター"));
  CHECK(quotes(renamed.new_sources, "②相談支援センター歩夢"));

  const NodeChange& closed = d.nodes[1];
  CHECK(closed.type == NodeChange::Type::Removed);
  CHECK(closed.node.id == "tanpopo");
  CHECK(closed.node.kind == Kind::Office);
  CHECK(ids(closed.municipalities) ==
        std::vector<std::string>{"yanai", "kaminoseki", "tabuse", "hirao"});
  CHECK(quotes(closed.old_sources,
               "地域生活支援センターたんぼぼ"));  // as printed, extraction damage and all
}

TEST_CASE(
    "diff: four towns lose たんぽぽ, two are left with no office, 周防大島町 gains あおぞら") {
  const DatasetDiff& d = fixture_diff();
  std::vector<DiffNode> towns;
  for (const MunicipalityChange& m : d.municipalities) towns.push_back(m.municipality);
  REQUIRE(ids(towns) == std::vector<std::string>{"yanai", "suo-oshima", "kaminoseki", "tabuse",
                                                 "hirao"});  // by row

  for (const MunicipalityChange& m : d.municipalities) {
    INFO(m.municipality.id);
    CHECK(m.became_shared.empty());
    CHECK(m.stopped_shared.empty());
    if (m.municipality.id == "suo-oshima") {
      CHECK(m.lost.empty());
      REQUIRE(office_ids(m.gained) == std::vector<std::string>{"aozora"});
      CHECK(m.gained[0].shared);
      CHECK(ids(m.gained[0].shared_with) == std::vector<std::string>{"yanai", "hirao"});
      CHECK(quotes(m.gained[0].sources, "②児童発達支援あおぞら"));
      CHECK(ids(m.shared_gained) == std::vector<std::string>{"aozora"});
      CHECK(m.shared_lost.empty());
      CHECK_FALSE(m.uncovered);
      continue;
    }
    CHECK(m.gained.empty());
    REQUIRE(office_ids(m.lost) == std::vector<std::string>{"tanpopo"});
    CHECK(m.lost[0].shared);
    CHECK(quotes(m.lost[0].sources, "①地域生活支援センターたんぼぼ"));
    CHECK(ids(m.shared_lost) == std::vector<std::string>{"tanpopo"});
    // 上関町 and 田布施町 had たんぽぽ alone (rows 16 and 17, section 3).
    CHECK(m.uncovered == (m.municipality.id == "kaminoseki" || m.municipality.id == "tabuse"));
  }
}

TEST_CASE("diff: 和木町's council met this year, 長門市's survey was done, nothing else changed") {
  const DatasetDiff& d = fixture_diff();
  REQUIRE(d.councils.size() == 1);
  CHECK(d.councils[0].type == CouncilChange::Type::StartedMeeting);
  CHECK(d.councils[0].council.id == "waki-council");
  CHECK(ids(d.councils[0].holders) == std::vector<std::string>{"waki"});
  CHECK(quotes(d.councils[0].old_sources, "※開催なし"));  // row 15, 1(4)
  CHECK(quotes(d.councils[0].new_sources, "○開催年月:令和7年2月"));

  REQUIRE(d.initiatives.size() == 1);
  const InitiativeChange& w = d.initiatives[0];
  CHECK(w.type == InitiativeChange::Type::Advanced);
  CHECK(w.municipality.id == "nagato");
  CHECK(w.initiative.id == "family-survey");
  CHECK(w.old_stages == std::vector<EdgeStatus>{EdgeStatus::Planned});
  CHECK(w.new_stages == std::vector<EdgeStatus>{EdgeStatus::Done});
  CHECK(quotes(
      w.old_sources,
      "・市内在住の医療的ケア児家庭に対して独自アンケートを実施し、課題を抽出して協議を行う。"));

  // Everything else in the file is as it was: no silent differences.
  CHECK(d.other_nodes.empty());
  CHECK(d.other_edges.empty());
}

TEST_CASE("diff: the gaps that close and open follow from the changes") {
  const DatasetDiff& d = fixture_diff();
  // たんぽぽ was 上関町's and 田布施町's only office (rows 16, 17 §3): both are left with none.
  std::vector<std::string> opened;
  for (const GapChange& g : d.gaps_opened) opened.push_back(gap_key(g));
  CHECK(opened == std::vector<std::string>{"kaminoseki no-office", "tabuse no-office"});
  std::vector<std::string> closed;
  for (const GapChange& g : d.gaps_closed) closed.push_back(gap_key(g));
  // 周防大島町 now has two offices; 和木町's own council met, so it neither lacks a meeting
  // nor works only through 岩国市's sub-committee; 上関町 and 田布施町 no longer have "one
  // office, shared" only because they have no office at all (no-office opens instead, and
  // the diff marks the closures so nobody reads them as an improvement).
  CHECK(closed == std::vector<std::string>{
                      "suo-oshima single-office",
                      "waki no-meeting",
                      "waki regional-only",
                      "kaminoseki single-office (no office left)",
                      "kaminoseki shared-only (no office left)",
                      "tabuse single-office (no office left)",
                      "tabuse shared-only (no office left)",
                  });
  for (const GapChange& g : d.gaps_closed) CHECK_FALSE(g.evidence.empty());
}

TEST_CASE("diff: identical datasets have no changes") {
  DatasetDiff d = diff_datasets(this_year(), this_year());
  CHECK(d.empty());
  CHECK(diff_datasets(next_year(), next_year()).empty());
}

TEST_CASE(
    "diff: a node with a new id that keeps the old name as an alias is renamed, not closed and "
    "opened") {
  nlohmann::json j = builtin_json();
  for (auto& n : j["nodes"])
    if (n["id"] == "tanpopo") n["id"] = "tanpopo-center";
  for (auto& e : j["edges"]) {
    if (e["to"] == "tanpopo") e["to"] = "tanpopo-center";
    if (e["from"] == "tanpopo") e["from"] = "tanpopo-center";
  }
  TempDir dir;
  Dataset changed = load_dataset_file(write_dataset(dir, j));
  DatasetDiff d = diff_datasets(this_year(), changed);
  REQUIRE(d.nodes.size() == 1);
  CHECK(d.nodes[0].type == NodeChange::Type::Renamed);
  CHECK(d.nodes[0].old_id == "tanpopo");
  CHECK(d.nodes[0].node.id == "tanpopo-center");
  // The four towns keep their office: no placement, gap or edge changes.
  CHECK(d.municipalities.empty());
  CHECK(d.gaps_opened.empty());
  CHECK(d.gaps_closed.empty());
  CHECK(d.other_edges.empty());
}

TEST_CASE(
    "diff: a council out of recess changes status and starts meeting; a new office is added") {
  nlohmann::json j = builtin_json();
  j["document"].erase("source_file");  // the quotes below are invented for this test
  for (auto& n : j["nodes"])
    if (n["id"] == "shunan-medical-care-subcommittee") {
      n["status"] = "active";
      n.erase("status_source");
      n["meetings"] = {{{"months", {"2024-10"}},
                        {"status", "held"},
                        {"source", {{"row", 12}, {"section", "1(4)"}, {"text", "再開"}}}}};
    }
  j["nodes"].push_back(
      {{"id", "test-office"},
       {"kind", "office"},
       {"name", "テスト相談支援事業所"},
       {"source", {{"row", 19}, {"section", "3"}, {"text", "テスト相談支援事業所"}}}});
  j["edges"].push_back(
      {{"from", "abu"},
       {"to", "test-office"},
       {"relation", "coordinator"},
       {"order", 2},
       {"source", {{"row", 19}, {"section", "3"}, {"text", "②テスト相談支援事業所"}}}});
  TempDir dir;
  Dataset changed = load_dataset_file(write_dataset(dir, j));
  DatasetDiff d = diff_datasets(this_year(), changed);

  REQUIRE(d.councils.size() == 2);  // one council, two changes, in a fixed order
  CHECK(d.councils[0].type == CouncilChange::Type::StartedMeeting);
  CHECK(d.councils[1].type == CouncilChange::Type::Status);
  CHECK(d.councils[1].old_status == CouncilStatus::Suspended);
  CHECK(d.councils[1].new_status == CouncilStatus::Active);
  CHECK(d.councils[1].old_sources.size() == 1);  // 周南市's 休会 sentence

  REQUIRE(d.nodes.size() == 1);
  CHECK(d.nodes[0].type == NodeChange::Type::Added);
  CHECK(ids(d.nodes[0].municipalities) == std::vector<std::string>{"abu"});
  REQUIRE(d.municipalities.size() == 1);
  CHECK(d.municipalities[0].municipality.id == "abu");
  CHECK(office_ids(d.municipalities[0].gained) == std::vector<std::string>{"test-office"});
  CHECK_FALSE(d.municipalities[0].gained[0].shared);
  // 阿武町 had one office (row 19, section 3): that gap closes; 周南市's no-meeting closes.
  std::vector<std::string> closed;
  for (const GapChange& g : d.gaps_closed) closed.push_back(gap_key(g));
  CHECK(std::count(closed.begin(), closed.end(), "abu single-office") == 1);
  CHECK(std::count(closed.begin(), closed.end(), "shunan no-meeting") == 1);
  CHECK(d.other_nodes.empty());
  CHECK(d.other_edges.empty());
}

TEST_CASE("diff: an edited quote or challenge is reported as another change, not lost") {
  nlohmann::json j = builtin_json();
  j["document"].erase("source_file");
  for (auto& n : j["nodes"])
    if (n["id"] == "hagi") n["challenges"] = nlohmann::json::array();
  for (auto& e : j["edges"])
    if (e["from"] == "ube" && e["to"] == "little-panbi") e["source"]["text"] = "③リトル・バンビ";
  TempDir dir;
  DatasetDiff d = diff_datasets(this_year(), load_dataset_file(write_dataset(dir, j)));
  REQUIRE(d.other_nodes.size() == 1);
  CHECK(d.other_nodes[0].node.id == "hagi");
  CHECK(d.other_nodes[0].fields == std::vector<std::string>{"challenges"});
  REQUIRE(d.other_edges.size() == 1);
  CHECK(d.other_edges[0].type == OtherEdgeChange::Type::Changed);
  CHECK(d.other_edges[0].fields == std::vector<std::string>{"source"});
  CHECK(quotes(d.other_edges[0].new_sources, "③リトル・バンビ"));
}

// ---------------------------------------------------------------- the command

TEST_CASE("renkei diff names the changes in Japanese, with quotes, within 80 columns") {
  auto r = run_renkei_ja(
      {"diff", repo_path("data/yamaguchi-r6.json"), repo_path("tests/data/next-year.json")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  for (const char* s :
       {"■ 追加・廃止・名称変更", "地域生活支援センターたんぽぽ",
        "歩夢ケアプランセンター → 相談支援センター歩夢", "■ 市町ごとのコーディネーター配置先",
        "上関町　配置先がなくなった", "＋ 児童発達支援あおぞら", "和木町地域自立支援協議会",
        "開催あり（前は開催なし）", "長門市 × 実態調査・アンケート", "予定 → 実施済", "解消 7件",
        "新たに発生 2件", "配置先がなくなったため", "「①地域生活支援センターたんぼぼ」",
        "■ その他の変更"})
    CHECK(r.out.find(s) != std::string::npos);
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    CHECK(display_width(line) <= 80);
  }
}

TEST_CASE("renkei diff --json has one list per kind of change, each with its quotes") {
  auto r = run_renkei({"diff", repo_path("data/yamaguchi-r6.json"),
                       repo_path("tests/data/next-year.json"), "--json"});
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["changed"] == true);
  CHECK(j["old"]["fiscal_year"] == "令和6年度");
  REQUIRE(j["nodes"].size() == 2);
  CHECK(j["nodes"][1]["change"] == "removed");
  CHECK(j["nodes"][1]["node"]["id"] == "tanpopo");
  CHECK(j["nodes"][1]["municipalities"].size() == 4);
  CHECK(j["nodes"][0]["change"] == "renamed");
  CHECK(j["nodes"][0]["old_name"] == "歩夢ケアプランセンター");
  REQUIRE(j["municipalities"].size() == 5);
  CHECK(j["municipalities"][2]["municipality"]["id"] == "kaminoseki");
  CHECK(j["municipalities"][2]["uncovered"] == true);
  CHECK(j["municipalities"][2]["offices_lost"][0]["sources"][0]["row"] == 16);
  CHECK(j["councils"][0]["change"] == "started_meeting");
  CHECK(j["initiatives"][0]["change"] == "advanced");
  CHECK(j["initiatives"][0]["old_stages"] == nlohmann::json::array({"planned"}));
  CHECK(j["initiatives"][0]["new_stages"] == nlohmann::json::array({"done"}));
  REQUIRE(j["gaps"]["opened"].size() == 2);
  CHECK(j["gaps"]["opened"][0]["rule"] == "no-office");
  CHECK(j["gaps"]["closed"].size() == 7);
  CHECK(j["gaps"]["closed"][3]["no_office_left"] == true);
  CHECK(j["other"]["nodes"].empty());
  CHECK(j["other"]["edges"].empty());
}

TEST_CASE("renkei diff --lang en uses English headings and romanized names") {
  auto r = run_renkei({"diff", repo_path("data/yamaguchi-r6.json"),
                       repo_path("tests/data/next-year.json"), "--lang", "en"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Coordinator offices by municipality") != std::string::npos);
  CHECK(r.out.find("Community Life Support Center Tanpopo") != std::string::npos);
  CHECK(r.out.find("left with no coordinator office") != std::string::npos);
  CHECK(r.out.find("■") == std::string::npos);
}

TEST_CASE("renkei diff of a dataset with itself says there are no changes") {
  auto r = run_renkei_ja(
      {"diff", repo_path("data/yamaguchi-r6.json"), repo_path("data/yamaguchi-r6.json")});
  CHECK(r.code == 0);
  CHECK(r.out.find("変更はありません") != std::string::npos);
  auto en = run_renkei(
      {"diff", repo_path("data/yamaguchi-r6.json"), repo_path("data/yamaguchi-r6.json")});
  CHECK(en.out.find("No changes: the two datasets hold the same data.") != std::string::npos);
  auto j = run_renkei(
      {"diff", repo_path("data/yamaguchi-r6.json"), repo_path("data/yamaguchi-r6.json"), "--json"});
  CHECK(nlohmann::json::parse(j.out)["changed"] == false);
}

TEST_CASE("renkei diff refuses a missing file, a folder and a wrong number of arguments") {
  auto missing =
      run_renkei({"diff", repo_path("data/yamaguchi-r6.json"), "/nonexistent/next.json"});
  CHECK(missing.code == 1);
  CHECK(missing.err == "renkei: error: /nonexistent/next.json: no such file\n");
  CHECK(missing.out.empty());
  TempDir dir;  // an empty folder is not a set of sheets
  auto folder = run_renkei({"diff", repo_path("data/yamaguchi-r6.json"), dir.path()});
  CHECK(folder.code == 1);
  CHECK(folder.err.rfind("renkei: error: ", 0) == 0);
  CHECK(std::count(folder.err.begin(), folder.err.end(), '\n') == 1);
  CHECK(run_renkei({"diff", repo_path("data/yamaguchi-r6.json")}).code == 2);
  CHECK(run_renkei({"diff"}).code == 2);
  CHECK(run_renkei({"diff", "a.json", "b.json", "c.json"}).code == 2);
}

TEST_CASE("renkei diff reads next year's sheets as the secretariat fills them in") {
  // The fixture names its outside facts as ../../data/…; sheets want them inside the folder.
  nlohmann::json fixture = nlohmann::json::parse(read_file(repo_path("tests/data/next-year.json")));
  fixture["outside_facts"] = "yamaguchi-regions.json";
  TempDir data_dir, dir;
  write_sheets(load_dataset_file(write_dataset(data_dir, fixture)), dir.path());
  auto r = run_renkei({"diff", repo_path("data/yamaguchi-r6.json"), dir.path(), "--json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  // The same five changes as from the dataset file, and nothing else.
  CHECK(j["nodes"].size() == 2);
  CHECK(j["municipalities"].size() == 5);
  CHECK(j["councils"].size() == 1);
  CHECK(j["initiatives"].size() == 1);
  CHECK(j["gaps"]["closed"].size() == 7);
  CHECK(j["other"]["nodes"] == nlohmann::json::array());
  CHECK(j["other"]["edges"] == nlohmann::json::array());
}

// ---------------------------------------------------------------- the slide

TEST_CASE("render --preset diff draws the changes with markers, the legend and the source") {
  TempDir dir;
  std::string svg_path = dir.file("diff.svg");
  auto r =
      run_renkei({"render", "--preset", "diff", "--data", repo_path("tests/data/next-year.json"),
                  "--against", repo_path("data/yamaguchi-r6.json"), "-o", svg_path});
  INFO(r.err);
  REQUIRE(r.code == 0);
  std::string svg = read_file(svg_path);
  // Long names are drawn on two lines, so look for their parts.
  for (const char* s : {"たんぽぽ", "相談支援センター歩夢", "和木町地域", "周防大島町", "上関町",
                        "実態調査", "配置先なし", "旧: 歩夢ケアプランセンター", "予定→実施済",
                        "凡例", "新たに加わった", "なくなった", "変わった", "出典", "比較: 旧"})
    CHECK(svg.find(s) != std::string::npos);
  CHECK(svg.find("line-through") != std::string::npos);  // the closed office is struck through
  CHECK(svg.find("#d55e00") != std::string::npos);       // vermillion for what is gone
  CHECK(svg.find("#009e73") != std::string::npos);       // bluish green for what is new
  CHECK(svg.find("下関市") == std::string::npos);        // an unchanged town is not drawn
}

TEST_CASE("the diff slide's DOT marks each change and keeps other slides' marks apart") {
  Dataset old_ds = load_builtin_dataset();
  const Dataset& new_ds = next_year();
  DiffSlide slide = make_diff_diagram(old_ds, new_ds, diff_datasets(old_ds, new_ds), Lang::Ja);
  std::string dot = write_dot(slide.merged, slide.diagram);
  auto node_line = [&](const std::string& id) {
    auto at = dot.find("\"" + id + "\" [");
    REQUIRE(at != std::string::npos);
    return dot.substr(at, dot.find('\n', at) - at);
  };
  std::string tanpopo = node_line("tanpopo");
  CHECK(tanpopo.find("－ <S>") != std::string::npos);
  CHECK(tanpopo.find("dashed") != std::string::npos);
  CHECK(node_line("ayumu-care-plan").find("～ ") != std::string::npos);
  CHECK(node_line("ayumu-care-plan").find("peripheries=2") != std::string::npos);
  CHECK(node_line("kaminoseki").find("配置先なし") != std::string::npos);
  // The lost placements are dashed vermillion lines, the new one a solid bluish-green one.
  CHECK(dot.find("\"kaminoseki\" -> \"tanpopo\" [color=\"#D55E00\", style=dashed") !=
        std::string::npos);
  CHECK(dot.find("\"suo-oshima\" -> \"aozora\" [color=\"#009E73\", style=solid") !=
        std::string::npos);
  CHECK(dot.find("\"nagato\" -> \"family-survey\" [color=\"#E69F00\"") != std::string::npos);
}

TEST_CASE("render --preset diff needs --against, and --against needs the diff preset") {
  auto no_old = run_renkei({"render", "--preset", "diff"});
  CHECK(no_old.code == 2);
  CHECK(no_old.err.find("--against OLD") != std::string::npos);
  auto stray = run_renkei(
      {"render", "--preset", "overview", "--against", repo_path("data/yamaguchi-r6.json")});
  CHECK(stray.code == 2);
  auto same = run_renkei_ja({"render", "--preset", "diff", "--against",
                             repo_path("data/yamaguchi-r6.json"), "--format", "dot"});
  CHECK(same.code == 1);
  CHECK(same.err.find("の間に変化がないため、変化の図は描けません") != std::string::npos);
}
