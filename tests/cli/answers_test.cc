// The users' questions answered on the built-in data, against what a careful reader of the
// source finds by hand (sections 1(4), 3 and 4 of the rows named in each test).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <set>

#include "formats/load.h"
#include "query/queries.h"
#include "test_support.h"

using namespace renkei;
using nlohmann::json;
using renkei::test::run_renkei;

namespace {

const Network& net() {
  static const Network n(test::builtin_data());
  return n;
}
std::size_t id(const std::string& s) { return *test::builtin_data().find_id(s); }
std::vector<std::string> names(const std::vector<std::size_t>& v) {
  std::vector<std::string> out;
  for (auto i : v) out.push_back(test::builtin_data().nodes[i].name);
  return out;
}
std::set<std::string> hit_by(GapRule rule) {
  std::set<std::string> out;
  for (const Finding& f : find_gaps(net(), rule))
    out.insert(test::builtin_data().nodes[f.municipality].name);
  return out;
}
std::vector<std::string> json_names(const json& arr) {
  std::vector<std::string> out;
  for (const auto& x : arr) out.push_back(x["name"]);
  return out;
}

}  // namespace

TEST_CASE("shared: the offices named in more than one row of section 3, and exactly which towns") {
  SharedAnswer a = shared_offices(net());
  REQUIRE(a.offices.size() == 4);
  CHECK(names({a.offices[0].office}) == std::vector<std::string>{"地域生活支援センターたんぽぽ"});
  CHECK(names(a.offices[0].municipalities) ==
        std::vector<std::string>{"柳井市", "上関町", "田布施町", "平生町"});
  CHECK(names({a.offices[1].office}) == std::vector<std::string>{"たちばな園相談支援事業所"});
  CHECK(names(a.offices[1].municipalities) ==
        std::vector<std::string>{"柳井市", "周防大島町", "平生町"});
  // the two offices serving two towns, by id: aozora, iwakuni-…
  CHECK(names(a.offices[2].municipalities) == std::vector<std::string>{"柳井市", "平生町"});
  CHECK(names(a.offices[3].municipalities) == std::vector<std::string>{"岩国市", "和木町"});
  REQUIRE(a.groups.size() == 2);
  CHECK(names(a.groups[0].municipalities) ==
        std::vector<std::string>{"柳井市", "周防大島町", "上関町", "田布施町", "平生町"});
  CHECK(a.groups[0].offices.size() == 3);
  CHECK(names(a.groups[1].municipalities) == std::vector<std::string>{"岩国市", "和木町"});
}

TEST_CASE("whatif: who is left with no coordinator office when each shared office closes") {
  auto uncovered = [](const std::string& office) {
    return names(what_if_removed(test::builtin_data(), {id(office)}).uncovered);
  };
  CHECK(uncovered("tanpopo") ==
        std::vector<std::string>{"上関町", "田布施町"});  // their only office
  CHECK(uncovered("tachibanaen-consultation") ==
        std::vector<std::string>{"周防大島町"});  // its only office
  CHECK(uncovered("iwakuni-disability-service-center") == std::vector<std::string>{"和木町"});
  CHECK(uncovered("aozora").empty());  // 柳井市 and 平生町 keep others
  WhatIfAnswer both =
      what_if_removed(test::builtin_data(), {id("tanpopo"), id("tachibanaen-consultation")});
  CHECK(names(both.uncovered) == std::vector<std::string>{"周防大島町", "上関町", "田布施町"});
  for (const Affected& af : both.affected)
    if (test::builtin_data().nodes[af.municipality].name == "平生町")
      CHECK(names(af.remaining) == std::vector<std::string>{"児童発達支援あおぞら"});
}

TEST_CASE("whatif --each office ranks the single points of failure first") {
  std::vector<WhatIfAnswer> all = what_if_each(test::builtin_data(), Kind::Office);
  REQUIRE(all.size() == 45);
  CHECK(names(all[0].removed) == std::vector<std::string>{"地域生活支援センターたんぽぽ"});
  std::set<std::string> leaves_someone;
  for (const auto& a : all)
    if (!a.uncovered.empty()) leaves_someone.insert(test::builtin_data().nodes[a.removed[0]].name);
  // the only office of a municipality: rows 11, 14 (shared), 15 (shared), 16/17 (shared), 19
  CHECK(leaves_someone ==
        std::set<std::string>{"地域生活支援センターたんぽぽ", "たちばな園相談支援事業所",
                              "岩国市障害者サービスセンター", "総合相談支援センターみね",
                              "阿武町総合相談センター"});
}

TEST_CASE("gaps: the towns each rule finds, as read from the source") {
  // 休会 (row 12), ※開催なし (row 15), 開催予定なし (row 16)
  CHECK(hit_by(GapRule::NoMeeting) == std::set<std::string>{"周南市", "和木町", "上関町"});
  // 開催未 (13), 開催予定年月 (14), 開催予定 (17), 予定 (19)
  CHECK(hit_by(GapRule::PlannedOnly) ==
        std::set<std::string>{"山陽小野田市", "周防大島町", "田布施町", "阿武町"});
  // 対応ケースなし (13), 特になし (14, 16, 18), 実績がない (19)
  CHECK(hit_by(GapRule::InactiveCoordinator) ==
        std::set<std::string>{"山陽小野田市", "周防大島町", "上関町", "平生町", "阿武町"});
  // only ① in section 3
  // Every row's section 3 names at least one office (a hand count gives 52 placements).
  CHECK(hit_by(GapRule::NoOffice).empty());
  CHECK(hit_by(GapRule::SingleOffice) ==
        std::set<std::string>{"美祢市", "周防大島町", "和木町", "上関町", "田布施町", "阿武町"});
  CHECK(hit_by(GapRule::SharedOnly) ==
        std::set<std::string>{"柳井市", "周防大島町", "和木町", "上関町", "田布施町", "平生町"});
  CHECK(hit_by(GapRule::RegionalOnly) ==
        std::set<std::string>{"柳井市", "和木町", "上関町", "平生町"});
  // only 下関市 (its council, row 1) and 光市 (row 8 section 4) name a support center
  std::set<std::string> linked;
  for (const Node& n : test::builtin_data().nodes)
    if (n.kind == Kind::Municipality && !hit_by(GapRule::NoCenterLink).count(n.name))
      linked.insert(n.name);
  CHECK(linked == std::set<std::string>{"下関市", "光市"});
  // 【課題】 (2, 4, 7, 11, 15), 課題等 (13), …が課題/困難 (5), 優先課題(災害時対応) from the family
  // association (9)
  CHECK(hit_by(GapRule::StatedChallenge) == std::set<std::string>{"宇部市", "萩市", "防府市",
                                                                  "岩国市", "長門市", "美祢市",
                                                                  "山陽小野田市", "和木町"});
}

TEST_CASE(
    "gaps: a coordinator with no case in a town with no child to serve says so beside the "
    "finding") {
  // 阿武町 row 19 §2 「対象者なしのため、実績なし。」; 平生町 row 18 §1(4) 「現在、該当者がいない」
  auto abu = find_gaps(net(), GapRule::InactiveCoordinator, id("abu"));
  REQUIRE(abu.size() == 1);
  REQUIRE(abu[0].context.size() == 1);
  CHECK(abu[0].context[0].text == "対象者なしのため、実績なし。");
  CHECK(abu[0].context[0].row == 19);
  CHECK(abu[0].detail.find("no child to serve") != std::string::npos);
  auto hirao = find_gaps(net(), GapRule::InactiveCoordinator, id("hirao"));
  REQUIRE(hirao.size() == 1);
  REQUIRE(hirao[0].context.size() == 1);
  CHECK(hirao[0].context[0].text == "現在、該当者がいない");
  // 上関町 says 特になし and nothing about its children: no context
  auto kaminoseki = find_gaps(net(), GapRule::InactiveCoordinator, id("kaminoseki"));
  REQUIRE(kaminoseki.size() == 1);
  CHECK(kaminoseki[0].context.empty());
  // Only the inactive-coordinator rule reads it.
  for (const Finding& f : find_gaps(net(), std::nullopt, id("abu")))
    if (f.rule != GapRule::InactiveCoordinator) CHECK(f.context.empty());
}

TEST_CASE("gaps carry the quote behind each finding") {
  auto f = find_gaps(net(), GapRule::NoMeeting, id("kaminoseki"));
  REQUIRE(f.size() == 1);
  REQUIRE(f[0].evidence.size() == 1);
  CHECK(f[0].evidence[0].text == "開催予定なし");
  CHECK(f[0].evidence[0].row == 16);
  auto inactive = find_gaps(net(), GapRule::InactiveCoordinator, id("abu"));
  REQUIRE(inactive.size() == 1);
  CHECK(inactive[0].evidence.at(0).text ==
        "実際にコーディネーターが個別の相談を受けた実績がない。");
}

TEST_CASE("reach: 上関町 reaches 柳井市 through the office they share") {
  ReachQuery q;
  q.from = id("kaminoseki");
  auto r = reach(net(), q);
  const Reached* yanai = nullptr;
  for (const auto& x : r)
    if (x.node == id("yanai")) yanai = &x;
  REQUIRE(yanai);
  CHECK(yanai->hops == 2);
  REQUIRE(yanai->chain.steps.size() == 2);
  CHECK(yanai->chain.steps[0].node == id("tanpopo"));
  CHECK(yanai->chain.steps[0].relation == Relation::Coordinator);
  CHECK(yanai->chain.steps[0].forward);
  CHECK_FALSE(yanai->chain.steps[1].forward);
  // 下関市 is not tied to the 柳井 region by any relation in the source
  for (const auto& x : r) CHECK(x.node != id("shimonoseki"));
  // one hop: its own council, the 柳井 project (core meeting, row 16 §2) and its office; the
  // regional council itself appears only in its plans (row 16 §6), which reach does not follow
  q.max_hops = 1;
  std::set<std::string> one_hop;
  for (const auto& x : reach(net(), q)) one_hop.insert(test::builtin_data().nodes[x.node].name);
  CHECK(one_hop == std::set<std::string>{"上関町地域自立支援協議会",
                                         "医療的ケア児連携体制整備プロジェクト",
                                         "地域生活支援センターたんぽぽ"});
  q.max_hops.reset();
  q.via = {Relation::Coordinator};
  q.kinds = {Kind::Municipality};
  std::set<std::string> towns;
  for (const auto& x : reach(net(), q)) towns.insert(test::builtin_data().nodes[x.node].name);
  CHECK(towns == std::set<std::string>{"柳井市", "周防大島町", "田布施町", "平生町"});
  q.directed = true;  // coordinator edges point from municipality to office: no way back
  CHECK(reach(net(), q).empty());
}

TEST_CASE("initiatives: who to ask about what one plans") {
  auto all = initiatives(net(), id("evacuation-drill"));
  REQUIRE(all.size() == 1);
  CHECK(names(all[0].done) == std::vector<std::string>{"下関市"});  // row 1: 令和6年11月…実施
  CHECK(names(all[0].considering) == std::vector<std::string>{"下松市", "長門市"});
  REQUIRE(all[0].suggestions.size() == 2);
  for (const auto& s : all[0].suggestions) {
    REQUIRE(s.ask_edges.size() == 1);
    CHECK(test::builtin_data().edges[s.ask_edges[0]].from == id("shimonoseki"));
    CHECK(test::builtin_data().edges[s.ask_edges[0]].date == "2024-11");
  }
  auto respite = initiatives(net(), id("respite"));
  CHECK(names(respite[0].ongoing) == std::vector<std::string>{"下関市"});  // 令和6年6月…開始
  CHECK(names(respite[0].considering) == std::vector<std::string>{"岩国市"});
}

TEST_CASE("metrics: the shared offices that hold towns together are articulation points") {
  MetricsAnswer m = metrics(net());
  std::set<std::string> offices;
  for (std::size_t v : m.articulation_points)
    if (test::builtin_data().nodes[v].kind == Kind::Office)
      offices.insert(test::builtin_data().nodes[v].name);
  // あおぞら is not one: 柳井市 and 平生町 also share たんぽぽ and たちばな園.
  CHECK(offices == std::set<std::string>{"地域生活支援センターたんぽぽ", "たちばな園相談支援事業所",
                                         "岩国市障害者サービスセンター"});
  // 12 municipalities with offices of their own + the 柳井 group + 岩国・和木
  CHECK(m.components.size() == 14);
  CHECK(m.nodes.size() == test::builtin_data().nodes.size());
}

TEST_CASE("metrics: betweenness is normalized as networkx does") {
  // a — b — c as a tiny dataset: every shortest path between a and c passes through b.
  json j = {
      {"format", "renkei-dataset/1"},
      {"title", "t"},
      {"document", {{"publisher", "p"}, {"label", "l"}, {"title", "t"}}},
      {"fiscal_year", {{"label", "FY"}, {"first_month", "2024-04"}, {"last_month", "2025-03"}}},
      {"nodes", json::array()},
      {"edges", json::array()}};
  auto src = json{{"row", 1}, {"section", "3"}, {"text", "x"}};
  for (const char* m : {"a", "c"})
    j["nodes"].push_back({{"id", m},
                          {"kind", "municipality"},
                          {"name", m},
                          {"type", "町"},
                          {"row", m[0] == 'a' ? 1 : 2},
                          {"source", src},
                          {"coordinator_activity", {{"status", "active"}, {"source", src}}}});
  j["nodes"].push_back({{"id", "b"}, {"kind", "office"}, {"name", "b"}, {"source", src}});
  j["edges"].push_back(
      {{"from", "a"}, {"to", "b"}, {"relation", "coordinator"}, {"order", 1}, {"source", src}});
  j["edges"].push_back(
      {{"from", "c"}, {"to", "b"}, {"relation", "coordinator"}, {"order", 1}, {"source", src}});
  Dataset ds = load_dataset(j.dump(), "tiny.json", [](const std::string&) { return std::nullopt; });
  Network n(ds);
  MetricsAnswer m = metrics(n);
  CHECK(ds.nodes[m.nodes[0].node].id == "b");
  CHECK(m.nodes[0].betweenness == Approx(1.0));
  CHECK(m.nodes[0].degree == 2);
  CHECK(m.nodes[1].betweenness == Approx(0.0));
}

// ---------------------------------------------------------------- the commands end to end

TEST_CASE("renkei shared --json lists offices and groups") {
  auto r = run_renkei({"shared", "--json"});
  REQUIRE(r.code == 0);
  json j = json::parse(r.out);
  REQUIRE(j["offices"].size() == 4);
  CHECK(j["offices"][0]["office"]["id"] == "tanpopo");
  CHECK(json_names(j["offices"][0]["municipalities"]) ==
        std::vector<std::string>{"柳井市", "上関町", "田布施町", "平生町"});
  CHECK(j["groups"].size() == 2);
}

TEST_CASE("renkei path shows the chain and the quotes behind it") {
  auto r = run_renkei({"path", "上関町", "柳井市"});
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("上関町 → 柳井市: 2 hops\n  上関町 —coordinator→ 地域生活支援センターたんぽぽ "
                    "←coordinator— 柳井市\n",
                    0) == 0);
  CHECK(r.out.find("row 16 §3 「①地域生活支援センターたんぼぼ」") != std::string::npos);
  CHECK(r.out.find("row 10 §3 「①地域生活支援センターたんぼぼ」") != std::string::npos);
  auto j = run_renkei({"path", "waki", "iwakuni", "--json"});
  REQUIRE(j.code == 0);
  json p = json::parse(j.out);
  CHECK(json_names(p["nodes"]) ==
        std::vector<std::string>{"和木町", "岩国市障害者サービスセンター", "岩国市"});
  CHECK(p["relations"] == json::array({"coordinator", "coordinator"}));
}

TEST_CASE("renkei path with no chain exits 1 with one line") {
  auto r = run_renkei({"path", "上関町", "下関市"});
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "renkei: error: no path from 上関町 to 下関市 via holds, participates, part_of, "
        "coordinator, liaises\n");
}

TEST_CASE("renkei reach --json gives hops and the chain") {
  auto r = run_renkei({"reach", "上関町", "--kind", "municipality", "--json"});
  REQUIRE(r.code == 0);
  json j = json::parse(r.out);
  REQUIRE(j.size() >= 4);
  CHECK(j[0]["node"]["name"] == "柳井市");
  CHECK(j[0]["hops"] == 2);
  CHECK(j[0]["path"][0]["node"]["name"] == "上関町");
  CHECK(j[0]["path"][1]["relation"] == "coordinator");
  CHECK(j[0]["path"][1]["node"]["name"] == "地域生活支援センターたんぽぽ");
}

TEST_CASE("renkei gaps --json and --explain") {
  auto r = run_renkei({"gaps", "--rule", "no-meeting", "--json"});
  REQUIRE(r.code == 0);
  json j = json::parse(r.out);
  std::vector<std::string> towns;
  for (const auto& f : j) {
    CHECK(f["rule"] == "no-meeting");
    CHECK_FALSE(f["evidence"].empty());
    towns.push_back(f["municipality"]["name"]);
  }
  CHECK(towns == std::vector<std::string>{"周南市", "和木町", "上関町"});
  auto e = run_renkei({"gaps", "--explain", "planned-only"});
  CHECK(e.code == 0);
  CHECK(e.out.rfind("planned-only: ", 0) == 0);
  auto m = run_renkei({"gaps", "--municipality", "上関", "--json"});
  REQUIRE(m.code == 0);
  CHECK(json::parse(m.out).size() ==
        6);  // no-meeting, inactive, single, shared-only, regional-only, no-center-link
}

TEST_CASE("renkei whatif --json names the uncovered towns") {
  auto r = run_renkei({"whatif", "--remove", "地域生活支援センターたんぼぼ", "--json"});
  REQUIRE(r.code == 0);
  json j = json::parse(r.out);
  CHECK(json_names(j["removed"]) == std::vector<std::string>{"地域生活支援センターたんぽぽ"});
  CHECK(json_names(j["uncovered"]) == std::vector<std::string>{"上関町", "田布施町"});
  CHECK(j["affected"].size() == 4);
}

TEST_CASE("renkei initiatives --json follows the documented shape") {
  auto r = run_renkei({"initiatives", "避難訓練", "--json"});
  REQUIRE(r.code == 0);
  json j = json::parse(r.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["initiative"]["id"] == "evacuation-drill");
  CHECK(json_names(j[0]["done"]) == std::vector<std::string>{"下関市"});
  CHECK(json_names(j[0]["considering"]) == std::vector<std::string>{"下松市", "長門市"});
}

TEST_CASE("bad arguments to the answers are usage errors") {
  auto hops = run_renkei({"reach", "上関町", "--max-hops", "-1"});
  CHECK(hops.code == 2);
  auto hops2 = run_renkei({"reach", "上関町", "--max-hops", "two"});
  CHECK(hops2.code == 2);
  CHECK(hops2.err ==
        "renkei: error: reach: --max-hops: \"two\" is not a non-negative whole number; see `renkei "
        "reach --help`\n");
  auto via = run_renkei({"reach", "上関町", "--via", "coordinater"});
  CHECK(via.code == 2);
  CHECK(via.err ==
        "renkei: error: unknown relation \"coordinater\" (did you mean \"coordinator\"?); "
        "relations are holds, "
        "participates, part_of, coordinator, liaises, runs or in_region\n");
  auto rule = run_renkei({"gaps", "--rule", "nomeeting"});
  CHECK(rule.code == 2);
  CHECK(rule.err.rfind("renkei: error: unknown rule \"nomeeting\" (did you mean \"no-meeting\"?); "
                       "rules are no-meeting, ",
                       0) == 0);
  auto muni = run_renkei({"whatif", "--remove", "上関町"});
  CHECK(muni.code == 2);
  CHECK(muni.err ==
        "renkei: error: whatif --remove: \"上関町\" is a municipality; only offices, councils and "
        "centers can stop\n");
  auto none = run_renkei({"whatif"});
  CHECK(none.code == 2);
}
