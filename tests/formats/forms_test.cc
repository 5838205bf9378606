// One survey form per municipality (issue 19): written pre-filled from a dataset, returned,
// and merged back into one table, with each form's problems, who has not answered and what
// changed.
#include <catch2/catch.hpp>

#include <filesystem>

#include "formats/forms.h"
#include "formats/load.h"
#include "formats/xlsx_reader.h"
#include "test_support.h"

using namespace renkei;
using namespace renkei::test;

namespace {

const std::string kYamaguchi = repo_path("data/yamaguchi-r6.json");

std::size_t count_lines_of(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

TEST_CASE("template --per-municipality writes one pre-filled form per municipality") {
  TempDir dir;
  auto r = run_renkei({"template", "--per-municipality", "--from", kYamaguchi, dir.file("forms")});
  REQUIRE(r.code == 0);
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir.file("forms")))
    files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() == 19);  // the 19 市町 of 資料2-②, named by row
  CHECK(files.front() == "01-下関市.xlsx");
  CHECK(files[15] == "16-上関町.xlsx");
  CHECK(files.back() == "19-阿武町.xlsx");
  // 上関町's form: its own row only, and たんぽぽ, the office it shares with 柳井市 and others.
  std::vector<WorkbookSheet> book = read_workbook(dir.file("forms/16-上関町.xlsx"));
  auto sheet = [&](const std::string& name) {
    for (const auto& s : book)
      if (s.name == name) return s;
    FAIL("no sheet " << name);
    return WorkbookSheet{};
  };
  WorkbookSheet towns = sheet("市区町村");
  REQUIRE(towns.table.rows.size() == 2);  // header and 上関町
  CHECK(towns.table.rows[1][1] == "上関町");
  bool tanpopo = false;
  for (const auto& row : sheet("配置先").table.rows)
    tanpopo |= row[1] == "地域生活支援センターたんぽぽ";
  CHECK(tanpopo);

  auto usage = renkei::test::run_renkei_ja({"template", "--per-municipality", dir.file("x")});
  CHECK(usage.code == 2);
  CHECK(usage.err.find(
            "--per-municipality には --from DATA.json（調査票に書き込む元の表）が要ります") !=
        std::string::npos);
}

TEST_CASE("the returned forms merge back into the same table") {
  TempDir dir;
  REQUIRE(run_renkei({"template", "--per-municipality", "--from", kYamaguchi, dir.file("forms")})
              .code == 0);
  std::filesystem::create_directories(dir.file("out"));
  auto r = run_renkei(
      {"import", dir.file("forms"), "--data", kYamaguchi, "-o", dir.file("out/merged.json")});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("read 19 forms from " + dir.file("forms") + "/\n") == 0);
  CHECK(r.out.find("  16-上関町.xlsx: 上関町\n") != std::string::npos);
  CHECK(r.out.find("not answered") == std::string::npos);
  CHECK(r.out.find("No changes") != std::string::npos);
  auto v = run_renkei({"validate", "--data", dir.file("out/merged.json")});
  CHECK(v.code == 0);
  CHECK(v.out.find("414 checked, each in its row and column") != std::string::npos);
  auto d = run_renkei({"diff", kYamaguchi, dir.file("out/merged.json")});
  CHECK(d.out.find("No changes") != std::string::npos);
}

TEST_CASE("merging says who has not answered, and refuses a broken or second form") {
  TempDir dir;
  std::string forms = dir.file("forms");
  REQUIRE(run_renkei({"template", "--per-municipality", "--from", kYamaguchi, forms}).code == 0);
  std::filesystem::remove(forms + "/19-阿武町.xlsx");
  auto partial = run_renkei({"import", forms, "--data", kYamaguchi});
  CHECK(partial.code == 0);
  CHECK(partial.out.find("not answered (1; not in the merged table): 阿武町") != std::string::npos);

  std::filesystem::copy_file(forms + "/16-上関町.xlsx", forms + "/16-上関町_2.xlsx");
  write_file(forms + "/20-broken.xlsx", "PK\x03\x04 not a workbook");
  std::string out = dir.file("never.json");
  auto bad = renkei::test::run_renkei_ja({"import", forms, "--data", kYamaguchi, "-o", out});
  CHECK(bad.code == 1);
  CHECK(count_lines_of(bad.err) == 1);
  CHECK(bad.err.find("調査票20件のうち2件が読めません") != std::string::npos);
  CHECK(bad.out.find("16-上関町.xlsx: 上関町\n") != std::string::npos);
  CHECK(bad.out.find("16-上関町_2.xlsx: エラー: 16-上関町_2.xlsx: 上関町の調査票が2つあります"
                     "（16-上関町.xlsx も）。1つにしてください") != std::string::npos);
  CHECK(bad.out.find("20-broken.xlsx: エラー: ") != std::string::npos);
  CHECK(bad.out.find("読める .xlsx のブックではありません") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("a form holds its municipality, its own councils and what its rows name") {
  const Dataset& ds = builtin_data();
  std::size_t kaminoseki = node_index(ds, "kaminoseki");
  Dataset f = form_for(ds, kaminoseki);
  std::size_t towns = 0;
  for (const Node& n : f.nodes) towns += n.kind == Kind::Municipality;
  CHECK(towns == 1);
  CHECK(f.find_id("kaminoseki-council"));
  CHECK(f.find_id("tanpopo"));
  CHECK_FALSE(f.find_id("shimonoseki"));
  for (const Edge& e : f.edges)
    CHECK((e.from == *f.find_id("kaminoseki") || f.nodes[e.from].kind == Kind::Council));
  CHECK(form_file_name(ds, kaminoseki) == "16-上関町.xlsx");
}
