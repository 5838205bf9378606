// The built-in dataset against facts read by hand from the source document
// (data/source/yamaguchi-r6.txt). Expected values come from the source, not the program.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "formats/load.h"
#include "formats/source_text.h"
#include "model/resolve.h"
#include "model/source_document.h"
#include "test_support.h"

using namespace renkei;

namespace {

std::size_t id(const std::string& s) { return *test::builtin_data().find_id(s); }
std::vector<std::string> names_of(const std::vector<std::size_t>& v) {
  std::vector<std::string> out;
  for (auto i : v) out.push_back(test::builtin_data().nodes[i].name);
  return out;
}
std::vector<std::size_t> coordinator_offices(std::size_t m) {
  std::vector<std::pair<int, std::size_t>> placed;
  for (const Edge& e : test::builtin_data().edges)
    if (e.relation == Relation::Coordinator && e.from == m) placed.push_back({e.order, e.to});
  std::sort(placed.begin(), placed.end());
  std::vector<std::size_t> out;
  for (auto& p : placed) out.push_back(p.second);
  return out;
}
std::vector<std::string> served_by(const std::string& office) {
  std::vector<std::string> out;
  for (const Edge& e : test::builtin_data().edges)
    if (e.relation == Relation::Coordinator && e.to == id(office))
      out.push_back(test::builtin_data().nodes[e.from].name);
  return out;
}
const Node& council_of(const std::string& municipality) {
  for (const Edge& e : test::builtin_data().edges)
    if (e.relation == Relation::Holds && e.from == id(municipality))
      return test::builtin_data().nodes[e.to];
  throw std::runtime_error("no council");
}

}  // namespace

TEST_CASE("the dataset has the source's 19 municipalities in row order") {
  std::vector<std::string> rows(20);
  for (const Node& n : test::builtin_data().nodes)
    if (n.kind == Kind::Municipality) rows.at(n.row) = n.name;
  CHECK(rows == std::vector<std::string>{"",       "下関市",       "宇部市",     "山口市",
                                         "萩市",   "防府市",       "下松市",     "岩国市",
                                         "光市",   "長門市",       "柳井市",     "美祢市",
                                         "周南市", "山陽小野田市", "周防大島町", "和木町",
                                         "上関町", "田布施町",     "平生町",     "阿武町"});
}

TEST_CASE("coordinator placements per row match section 3 (52 in all, 45 distinct offices)") {
  // ①②③… counted in section 3 of each row.
  const std::map<std::string, std::size_t> per_row = {
      {"shimonoseki", 3}, {"ube", 5},     {"yamaguchi", 5},   {"hagi", 3},       {"hofu", 6},
      {"kudamatsu", 3},   {"iwakuni", 7}, {"hikari", 2},      {"nagato", 2},     {"yanai", 3},
      {"mine", 1},        {"shunan", 2},  {"sanyo-onoda", 2}, {"suo-oshima", 1}, {"waki", 1},
      {"kaminoseki", 1},  {"tabuse", 1},  {"hirao", 3},       {"abu", 1}};
  std::size_t total = 0;
  for (const auto& [m, n] : per_row) {
    INFO(m);
    CHECK(coordinator_offices(id(m)).size() == n);
    total += n;
  }
  CHECK(total == 52);
  CHECK(std::count_if(test::builtin_data().nodes.begin(), test::builtin_data().nodes.end(),
                      [](const Node& n) { return n.kind == Kind::Office; }) == 45);
}

TEST_CASE("offices named by several towns are one node each") {
  CHECK(served_by("tanpopo") == std::vector<std::string>{"柳井市", "上関町", "田布施町", "平生町"});
  CHECK(served_by("tachibanaen-consultation") ==
        std::vector<std::string>{"柳井市", "周防大島町", "平生町"});
  CHECK(served_by("aozora") == std::vector<std::string>{"柳井市", "平生町"});
  CHECK(served_by("iwakuni-disability-service-center") ==
        std::vector<std::string>{"岩国市", "和木町"});
}

TEST_CASE("an office's edges, both ways, are the towns that name it in section 3, in row order") {
  // Rows 10, 16, 17 and 18 name 地域生活支援センターたんぽぽ as their first office (①).
  std::size_t tanpopo = *test::builtin_data().find_id("tanpopo");
  std::vector<std::string> towns;
  for (std::size_t k : test::builtin_data().edges_to(tanpopo)) {
    const Edge& e = test::builtin_data().edges[k];
    CHECK(e.to == tanpopo);
    if (e.relation == Relation::Coordinator)
      towns.push_back(test::builtin_data().nodes[e.from].name);
  }
  CHECK(towns == std::vector<std::string>{"柳井市", "上関町", "田布施町", "平生町"});
  std::size_t yanai = *test::builtin_data().find_id("yanai");
  bool names_tanpopo = false;
  for (std::size_t k : test::builtin_data().edges_from(yanai)) {
    CHECK(test::builtin_data().edges[k].from == yanai);
    names_tanpopo = names_tanpopo || test::builtin_data().edges[k].to == tanpopo;
  }
  CHECK(names_tanpopo);
}

TEST_CASE("placements keep their order and start dates") {
  auto yamaguchi = coordinator_offices(id("yamaguchi"));
  CHECK(names_of(yamaguchi).back() == "相談支援ふるーむ");
  std::map<int, std::string> since;
  for (const Edge& e : test::builtin_data().edges)
    if (e.relation == Relation::Coordinator && e.from == id("yamaguchi")) since[e.order] = e.since;
  // 【令和2年4月】, 【令和2年4月】, (令和2年4月), (令和3年4月), (令和6年10月)
  CHECK(since ==
        std::map<int, std::string>{
            {1, "2020-04"}, {2, "2020-04"}, {3, "2020-04"}, {4, "2021-04"}, {5, "2024-10"}});
}

TEST_CASE("display names correct extraction damage and keep the printed spelling as an alias") {
  auto has_alias = [](const std::string& node, const std::string& alias) {
    for (const Alias& a : test::builtin_data().nodes[id(node)].aliases)
      if (a.name == alias) return true;
    return false;
  };
  CHECK(test::builtin_data().nodes[id("tanpopo")].name == "地域生活支援センターたんぽぽ");
  CHECK(has_alias("tanpopo", "地域生活支援センターたんぼぼ"));
  CHECK(test::builtin_data().nodes[id("consultation-furumu")].name == "相談支援ふるーむ");
  CHECK(has_alias("consultation-furumu", "相談支援ふる一む"));
  CHECK(test::builtin_data().nodes[id("pia-minamikaze-consultation")].name ==
        "相談支援事業所ぴあ南風");
  CHECK(has_alias("pia-minamikaze-consultation", "相談支援事業所びあ南風"));
  CHECK(has_alias("tachibanaen-consultation", "山口県社会福祉事業団たちばな園相談支援事業所"));
  CHECK(has_alias("shimonoseki-liaison-council", "下関市医療的ケア児地域連携会議"));
  CHECK(has_alias("iwakuni-ryoiku-support-subcommittee", "岩国市地域自立支援協議会の療育部会"));
}

TEST_CASE("every spelling of an office in the source finds the same node") {
  NameIndex names(test::builtin_data());
  const std::vector<std::pair<std::string, std::string>> spellings = {
      {"地域生活支援センターたんぼぼ", "tanpopo"},
      {"地域生活支援センターたんぽぽ", "tanpopo"},
      {"たちばな園相談支援事業所", "tachibanaen-consultation"},
      {"山口県社会福祉事業団たちばな園相談支援事業所", "tachibanaen-consultation"},
      {"児童発達支援あおぞら", "aozora"},
      {"あおぞら", "aozora"},
      {"岩国市障害者サービスセンター", "iwakuni-disability-service-center"},
      {"相談支援ふる一む", "consultation-furumu"},
      {"相談支援ふるーむ", "consultation-furumu"},
      {"相談支援ふるｰむ", "consultation-furumu"},  // half-width long-vowel mark
      {"総合相談支援センター ぱれっと", "palette-consultation"},
  };
  for (const auto& [spelling, node] : spellings) {
    INFO(spelling);
    CHECK(test::builtin_data().nodes[names.resolve(spelling)].id == node);
  }
}

TEST_CASE("council meetings are read as fiscal-year months with honest status") {
  auto months = [](const std::string& m, MeetingStatus s) {
    std::vector<std::string> out;
    for (const Meeting& mt : council_of(m).meetings)
      if (mt.status == s) out.insert(out.end(), mt.months.begin(), mt.months.end());
    return out;
  };
  // ①令和6年8月1日、②令和7年3月13日予定
  CHECK(months("shimonoseki", MeetingStatus::Held) == std::vector<std::string>{"2024-08"});
  CHECK(months("shimonoseki", MeetingStatus::Planned) == std::vector<std::string>{"2025-03"});
  // 令和6/7年2月 is February of the fiscal year, 2025
  CHECK(months("ube", MeetingStatus::Held) == std::vector<std::string>{"2025-02"});
  // 令和6年5月・9月・11月・令和7年1月・3月(予定)
  CHECK(months("iwakuni", MeetingStatus::Held) ==
        std::vector<std::string>{"2024-05", "2024-09", "2024-11", "2025-01"});
  CHECK(months("iwakuni", MeetingStatus::Planned) == std::vector<std::string>{"2025-03"});
  // 令和6/7年 6・7・8・9・1・2月
  CHECK(months("nagato", MeetingStatus::Held) ==
        std::vector<std::string>{"2024-06", "2024-07", "2024-08", "2024-09", "2025-01", "2025-02"});
  // 令和7年2月開催予定: planned, not held
  CHECK(months("tabuse", MeetingStatus::Held).empty());
  CHECK(months("tabuse", MeetingStatus::Planned) == std::vector<std::string>{"2025-02"});
  // 開催未: scheduled but not held when written
  CHECK(months("sanyo-onoda", MeetingStatus::Held).empty());
  CHECK(council_of("kaminoseki").meetings.at(0).status == MeetingStatus::None);  // 開催予定なし
  CHECK(council_of("waki").meetings.at(0).status == MeetingStatus::None);        // ※開催なし
  CHECK(council_of("shunan").meetings.at(0).status == MeetingStatus::Suspended);  // 休会
  CHECK(council_of("shunan").council_status == CouncilStatus::Suspended);
  // 柳井市's own council met, but the children were not on its agenda
  CHECK_FALSE(council_of("yanai").meetings.at(0).about_children);
}

TEST_CASE("特になし and the like are no coordinator activity") {
  std::set<std::string> none;
  for (const Node& n : test::builtin_data().nodes)
    if (n.activity && n.activity->status == ActivityStatus::NoneStated) none.insert(n.name);
  CHECK(none == std::set<std::string>{"山陽小野田市", "周防大島町", "上関町", "平生町", "阿武町"});
}

TEST_CASE("the 柳井 region's project is part of its regional council and ended in FY2023") {
  const Node& project = test::builtin_data().nodes[id("yanai-regional-project")];
  CHECK(project.level == CouncilLevel::Regional);
  CHECK(project.council_status == CouncilStatus::Ended);
  REQUIRE(project.status_source);
  CHECK(project.status_source->row == 18);
  bool part_of = false;
  for (const Edge& e : test::builtin_data().edges)
    part_of |= e.relation == Relation::PartOf && e.from == id("yanai-regional-project") &&
               e.to == id("yanai-regional-council");
  CHECK(part_of);
}

TEST_CASE("initiatives keep done apart from planned") {
  auto status_of = [](const std::string& m, const std::string& i) {
    std::set<EdgeStatus> out;
    for (const Edge& e : test::builtin_data().edges)
      if (e.relation == Relation::Runs && e.from == id(m) && e.to == id(i)) out.insert(e.status);
    return out;
  };
  // 令和6年11月、医療的ケア児に係る避難訓練を実施。 / 今後: 避難訓練の実施
  CHECK(status_of("shimonoseki", "evacuation-drill") ==
        std::set<EdgeStatus>{EdgeStatus::Done, EdgeStatus::Planned});
  // 岩国市: 医療的ケア児在宅レスパイト事業の検討
  CHECK(status_of("iwakuni", "respite") == std::set<EdgeStatus>{EdgeStatus::Considering});
  // 長門市: 独自アンケートを実施し (plan)
  CHECK(status_of("nagato", "family-survey") == std::set<EdgeStatus>{EdgeStatus::Planned});
}

TEST_CASE("the second reading of the table (issue 15): what the cells say, no more and no less") {
  auto runs = [](const std::string& m, const std::string& i) {
    std::vector<const Edge*> out;
    for (const Edge& e : test::builtin_data().edges)
      if (e.relation == Relation::Runs && e.from == id(m) && e.to == id(i)) out.push_back(&e);
    return out;
  };
  auto stages = [&](const std::string& m, const std::string& i) {
    std::set<EdgeStatus> out;
    for (const Edge* e : runs(m, i)) out.insert(e->status);
    return out;
  };
  // Row 18 §1(4): 「○開催年月:令和7年3月 ○協議題 【令和6年度柳井圏域地域自立支援協議会】 …」 has no
  // 協議状況 and no 予定, but every other 令和7年3月 date in the table is 予定: a planned meeting,
  // with its two agenda items as topics and no summary.
  const Node& regional = test::builtin_data().nodes[id("yanai-regional-council")];
  REQUIRE(regional.meetings.size() == 1);
  CHECK(regional.meetings[0].status == MeetingStatus::Planned);
  CHECK(regional.meetings[0].months == std::vector<std::string>{"2025-03"});
  CHECK(regional.meetings[0].topics.size() == 2);
  CHECK(regional.meetings[0].topics.at(1) ==
        "現在、該当者がいないが、平生町で取り組む課題について整理");
  CHECK(regional.meetings[0].summary.empty());
  for (const Edge& e :
       test::builtin_data().edges)  // 平生町's participation rests on that planned meeting
    if (e.relation == Relation::Participates && e.from == id("hirao") &&
        e.to == id("yanai-regional-council"))
      CHECK(e.status == EdgeStatus::Planned);
  // No child to serve: 阿武町 row 19 §2, 平生町 row 18 §1(4); nobody else says so.
  std::map<std::string, std::string> none;
  for (const Node& n : test::builtin_data().nodes)
    for (const Source& s : n.no_children) none[n.name] = s.text;
  CHECK(none == std::map<std::string, std::string>{{"阿武町", "対象者なしのため、実績なし。"},
                                                   {"平生町", "現在、該当者がいない"}});
  // 宇部市 row 2 §2: open to these children since R3年10月, 「現在まで実績は0人」
  REQUIRE(runs("ube", "nursery-acceptance").size() == 2);
  CHECK(runs("ube", "nursery-acceptance")[0]->note.find("現在まで実績は0人") != std::string::npos);
  // 岩国市 row 7 §6: 令和6年11月 a day service opened; one more due 今年4月 (2025-04)
  std::set<std::pair<EdgeStatus, std::string>> day;
  for (const Edge* e : runs("iwakuni", "day-service-provision")) day.insert({e->status, e->date});
  CHECK(day == std::set<std::pair<EdgeStatus, std::string>>{{EdgeStatus::Done, "2024-11"},
                                                            {EdgeStatus::Planned, "2025-04"}});
  // 長門市 row 9 §2: 「…支援体制の構築に向けた協議を実施。」 is coordination done in FY2024
  CHECK(stages("nagato", "enrolment-coordination") == std::set<EdgeStatus>{EdgeStatus::Done});
  // 長門市 row 9 §1(4): 家族会代表との情報交換 — a fact of its own; its 優先課題(災害時対応) a
  // challenge
  CHECK(stages("nagato", "family-association") == std::set<EdgeStatus>{EdgeStatus::Done});
  const Node& nagato = test::builtin_data().nodes[id("nagato")];
  REQUIRE_FALSE(nagato.challenges.empty());
  CHECK(nagato.challenges[0].text.find("優先課題(災害時対応)") != std::string::npos);
  // 長門市 row 9 §4 attended a 医療的ケア運営協議会 that is not 宇部市's
  bool attends = false;
  for (const Edge& e : test::builtin_data().edges)
    attends |= e.relation == Relation::Participates && e.from == id("nagato") &&
               test::builtin_data().nodes[e.to].name == "長門市医療的ケア運営協議会";
  CHECK(attends);
  CHECK(test::builtin_data().nodes[id("ube-medical-care-committee")].aliases.empty());
  // 相談支援、サービス調整 is the commonest work: 柳井市 (row 10 §6) and 下松市 (row 6 §2) run it
  CHECK(stages("yanai", "consultation-support") == std::set<EdgeStatus>{EdgeStatus::Planned});
  CHECK(stages("kudamatsu", "consultation-support") == std::set<EdgeStatus>{EdgeStatus::Ongoing});
  CHECK(stages("abu", "consultation-support") == std::set<EdgeStatus>{EdgeStatus::Planned});
  std::set<std::string> consulting;
  for (const Edge& e : test::builtin_data().edges)
    if (e.relation == Relation::Runs && e.to == id("consultation-support"))
      consulting.insert(test::builtin_data().nodes[e.from].name);
  CHECK(consulting == std::set<std::string>{"宇部市", "山口市", "萩市", "下松市", "岩国市", "光市",
                                            "柳井市", "美祢市", "周南市", "阿武町"});
  // 周南市 row 12: early identification with 母子保健, as 山口市 and 防府市 for the same words
  CHECK(stages("shunan", "early-identification") == std::set<EdgeStatus>{EdgeStatus::Done});
  // 下松市 row 6 §6 plans to hold its sub-committee; 和木町 row 15 §6 plans to keep joining
  // 岩国市's
  const Node& kudamatsu = council_of("kudamatsu");
  REQUIRE(kudamatsu.meetings.size() == 2);
  CHECK(kudamatsu.meetings[1].status == MeetingStatus::Planned);
  CHECK(kudamatsu.meetings[1].source.section == "6");
  std::set<EdgeStatus> waki;
  for (const Edge& e : test::builtin_data().edges)
    if (e.relation == Relation::Participates && e.from == id("waki")) waki.insert(e.status);
  CHECK(waki == std::set<EdgeStatus>{EdgeStatus::Current, EdgeStatus::Planned});
}

TEST_CASE("every quote in data/ is in its row and section of the source kept in the repo") {
  SourceDocument doc =
      read_source_text(test::read_file(test::repo_path("data/source/yamaguchi-r6.txt")),
                       test::builtin_data().document, "yamaguchi-r6.txt");
  REQUIRE(doc.by_cell());
  std::size_t checked = 0;
  auto check = [&](const Source& s) {
    INFO("row " << s.row << " section " << s.section << ": " << s.text);
    CHECK(doc.contains(s));
    ++checked;
  };
  for (const Node& n : test::builtin_data().nodes) {
    if (n.kind != Kind::Region) {
      REQUIRE(n.source);
      check(*n.source);
    }
    for (const Alias& a : n.aliases)
      if (a.source) check(*a.source);
    if (n.activity) check(n.activity->source);
    for (const Source& s : n.challenges) check(s);
    for (const Meeting& m : n.meetings) check(m.source);
  }
  for (const Edge& e : test::builtin_data().edges) {
    if (e.relation == Relation::InRegion) {
      CHECK_FALSE(e.outside_source.empty());
      continue;
    }
    REQUIRE(e.source);
    check(*e.source);
  }
  CHECK(checked > 250);
}

TEST_CASE("the copy of the source in the repo is the seed document") {
  SourceDocument doc =
      read_source_text(test::read_file(test::repo_path("data/source/yamaguchi-r6.txt")),
                       test::builtin_data().document, "yamaguchi-r6.txt");
  REQUIRE(doc.cell(16, "4"));
  CHECK(*doc.cell(16, "4") == "特になし");
  REQUIRE(doc.cell(10, "3"));
  CHECK(*doc.cell(10, "3") ==
        "①地域生活支援センターたんぼぼ ②たちばな園相談支援事業所 ③児童発達支援あおぞら");
}

TEST_CASE("outside facts are marked and cover the eight planning regions") {
  std::map<std::string, std::vector<std::string>> members;
  for (const Edge& e : test::builtin_data().edges)
    if (e.relation == Relation::InRegion)
      members[test::builtin_data().nodes[e.to].name].push_back(
          test::builtin_data().nodes[e.from].name);
  CHECK(members.size() == 8);
  // The source itself names these five as 柳井圏域 (rows 10, 14, 16, 17, 18).
  CHECK(members["柳井圏域"] ==
        std::vector<std::string>{"柳井市", "周防大島町", "上関町", "田布施町", "平生町"});
  CHECK(members["岩国圏域"] == std::vector<std::string>{"岩国市", "和木町"});
  for (const Node& n : test::builtin_data().nodes)
    if (n.kind == Kind::Region) CHECK_FALSE(n.outside_source.empty());
  const Node& kaminoseki = test::builtin_data().nodes[id("kaminoseki")];
  REQUIRE(kaminoseki.facts);
  CHECK(kaminoseki.facts->code == "35341");
}
