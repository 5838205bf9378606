// progress(): the national targets counted per 圏域, against a hand count of the source
// (data/source/yamaguchi-r6.txt §1(1) councils, §1(4) meetings, §3 placements; the regions of
// data/yamaguchi-regions.json).
#include <catch2/catch.hpp>

#include <algorithm>

#include "query/queries.h"
#include "test_support.h"

using namespace renkei;

namespace {

bool has(const std::vector<std::size_t>& v, const std::string& id) {
  const Dataset& ds = test::builtin_data();
  return std::count(v.begin(), v.end(), test::node_index(ds, id)) > 0;
}

const ProgressRow& row_of(const ProgressAnswer& a, const std::string& region) {
  const Dataset& ds = test::builtin_data();
  for (const ProgressRow& r : a.regions)
    if (r.region && ds.nodes[*r.region].id == region) return r;
  FAIL("no row for " << region);
  return a.regions.front();
}

}  // namespace

TEST_CASE("progress: 19 units in 8 regions, in the order of their first row") {
  ProgressAnswer a = progress(test::builtin_data());
  CHECK(a.units == 19);
  CHECK(a.states_councils);
  REQUIRE(a.regions.size() == 8);
  CHECK(test::builtin_data().nodes[*a.regions.front().region].id == "region-shimonoseki");  // row 1
  std::size_t units = 0, met = 0, placed = 0, only_shared = 0;
  for (const ProgressRow& r : a.regions) {
    units += r.units.size();
    met += r.met.size();
    placed += r.with_coordinator.size();
    only_shared += r.coordinator_only_shared.size();
  }
  CHECK(units == 19);
  CHECK(met == 11);  // rows 1–9, 11, and 和木町 (15) through 岩国市's 療育サポート部会
  CHECK(placed == 19);      // every row names an office in §3
  CHECK(only_shared == 6);  // 柳井圏域's five, and 和木町
}

TEST_CASE("progress: 予定 is not held, recess is not meeting, a joined council counts") {
  ProgressAnswer a = progress(test::builtin_data());
  const ProgressRow& yanai = row_of(a, "region-yanai");
  CHECK(yanai.units.size() == 5);
  CHECK(yanai.met.empty());  // 柳井市's council left these children off; the rest only planned
  CHECK(has(yanai.coordinator_only_shared, "kaminoseki"));  // たんぽぽ alone
  REQUIRE(yanai.regional_councils.size() == 1);  // the project has ended; こども部会 is planned
  const ProgressRow& iwakuni = row_of(a, "region-iwakuni");
  CHECK(has(iwakuni.met, "waki"));  // through 岩国市障害者自立支援協議会療育サポート部会
  CHECK(!has(iwakuni.coordinator_only_shared, "iwakuni"));
  const ProgressRow& shunan = row_of(a, "region-shunan");
  CHECK(!has(shunan.met, "shunan"));          // 休会 since 令和3年度
  CHECK(has(shunan.with_council, "shunan"));  // in recess, still set up
}
