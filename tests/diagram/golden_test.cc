// Every preset on a small dataset of a place that is not Yamaguchi (tests/data/kaku/, a
// fictional prefecture of three municipalities), pinned as DOT: a change to a builder or to
// the DOT writer shows here as a diff of a few lines. scripts/update-golden rewrites the
// files after a change that was meant (look at the drawings first).
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace renkei::test;

namespace {

struct Golden {
  const char* preset;
  const char* file;
};

const Golden kGolden[] = {
    {"overview", "overview"},
    {"shared", "shared"},
    {"region:東西", "region-tozai"},
    {"region:南", "region-minami"},
    {"municipality:東町", "municipality-higashi"},
    {"gaps", "gaps"},
    {"whatif:ひまわり相談支援事業所", "whatif-himawari"},
    {"path:東町:西村", "path-higashi-nishi"},
    {"reach:南市", "reach-minami"},
    {"map", "map"},
};

}  // namespace

TEST_CASE("each preset on a small dataset draws the DOT pinned in tests/diagram/golden/") {
  std::string data = repo_path("tests/data/kaku/kaku-r7.json");
  for (const Golden& g : kGolden) {
    INFO(g.preset << " (scripts/update-golden rewrites tests/diagram/golden/" << g.file
                  << ".dot when the change is meant)");
    Run r = run_renkei({"render", "--preset", g.preset, "--data", data, "--format", "dot"});
    REQUIRE(r.code == 0);
    CHECK(r.out == read_file(repo_path(std::string("tests/diagram/golden/") + g.file + ".dot")));
  }
}

TEST_CASE("the small dataset's slides say its own words: publisher, year, regions' basis") {
  std::string data = repo_path("tests/data/kaku/kaku-r7.json");
  Run overview = run_renkei({"render", "--preset", "overview", "--data", data, "--format", "dot"});
  REQUIRE(overview.code == 0);
  // document.publisher and fiscal_year.label of tests/data/kaku/kaku-r7.json
  CHECK(overview.out.find("架空県 医療的ケア児支援の連携体制（令和7年度）") != std::string::npos);
  CHECK(overview.out.find(
            "出典: 架空県 資料A「令和7年度 市町村における医療的ケア児支援の取組状況（架空）」") !=
        std::string::npos);
  // regions_basis of tests/data/kaku/kaku-regions.json
  CHECK(overview.out.find("圏域の区分は資料外の情報（架空県の障害保健福祉圏域（架空））") !=
        std::string::npos);
  CHECK(overview.out.find("山口") == std::string::npos);
  // ひまわり相談支援事業所 is ① of 東町 (row 1 §3) and of 西村 (row 2 §3): shared by two.
  Run shared = renkei::test::run_renkei_ja({"shared", "--data", data});
  REQUIRE(shared.code == 0);
  CHECK(shared.out.find("ひまわり相談支援事業所（2市町村）") != std::string::npos);
  Run map = run_renkei({"render", "--preset", "map", "--data", data, "--format", "dot"});
  CHECK(map.out.find("位置は市町村役場の座標（資料外: 架空の座標）") != std::string::npos);
}
