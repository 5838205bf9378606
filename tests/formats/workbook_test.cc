// The workbook (issue 19): export --format xlsx → import gives the same dataset, for the
// built-in data, the fictional 資料A, Yokohama's table and a Japan-size generated dataset; the
// reader's own rules (tests/check_workbook.py drives it through openpyxl-written workbooks).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "base/error.h"
#include "formats/dataset_json.h"
#include "formats/load.h"
#include "formats/xlsx_reader.h"
#include "test_support.h"

using namespace renkei;
using namespace renkei::test;

namespace {

/// Copies `dataset` and the files it names into `dir`, exports it as a workbook there and
/// imports the workbook back; returns the imported dataset file's text.
std::string through_workbook(const TempDir& dir, const std::string& dataset) {
  namespace fs = std::filesystem;
  fs::path from = fs::path(dataset).parent_path();
  for (const auto& e : fs::recursive_directory_iterator(from))
    if (e.is_regular_file() && e.path().extension() != ".xlsx") {
      fs::path to = fs::path(dir.path()) / fs::relative(e.path(), from);
      fs::create_directories(to.parent_path());
      fs::copy_file(e.path(), to, fs::copy_options::overwrite_existing);
    }
  std::string data = dir.file(fs::path(dataset).filename().string());
  auto ex = run_renkei({"export", "--data", data, "-o", dir.file("book.xlsx")});
  REQUIRE(ex.code == 0);
  auto im =
      run_renkei({"import", dir.file("book.xlsx"), "--data", data, "-o", dir.file("back.json")});
  INFO(im.err);
  REQUIRE(im.code == 0);
  CHECK(im.out.find("read 15 sheets from " + dir.file("book.xlsx") + "\n") == 0);
  auto diff = run_renkei({"diff", data, dir.file("back.json")});
  CHECK(diff.out.find("No changes") != std::string::npos);
  return read_file(dir.file("back.json"));
}

}  // namespace

TEST_CASE("export --format xlsx, then import, gives the same dataset back") {
  for (const char* d : {"data/yamaguchi-r6.json", "data/yokohama-r6.json"}) {
    INFO(d);
    TempDir dir;
    // The importer writes a dataset in its canonical order, which these files are in.
    CHECK(through_workbook(dir, repo_path(d)) == read_file(repo_path(d)));
  }
  TempDir dir;  // hand-written, in another order: diff finds no change (checked inside)
  through_workbook(dir, repo_path("tests/data/kaku/kaku-r7.json"));
}

TEST_CASE("a Japan-size dataset goes through the workbook unchanged") {
  TempDir gen;
  std::string cmd = "python3 " + repo_path("bench/renkei-gen") + " --prefectures 47 --seed 1 -o " +
                    gen.path() + " > /dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  TempDir dir;
  std::string back = through_workbook(dir, gen.file("dataset.json"));
  // The same dataset as the CSV sheets give (both are the importer's canonical order).
  TempDir sheets;
  REQUIRE(run_renkei({"export", "--data", gen.file("dataset.json"), "--format", "sheets", "-o",
                      sheets.file("s")})
              .code == 0);
  REQUIRE(run_renkei({"import", sheets.file("s"), "--data", gen.file("dataset.json"), "-o",
                      sheets.file("back.json")})
              .code == 0);
  CHECK(back == read_file(sheets.file("back.json")));
}

TEST_CASE("the same data gives the same workbook bytes") {
  TempDir dir;
  REQUIRE(run_renkei({"export", "-o", dir.file("a.xlsx")}).code == 0);
  REQUIRE(run_renkei({"export", "-o", dir.file("b.xlsx")}).code == 0);
  CHECK(read_file(dir.file("a.xlsx")) == read_file(dir.file("b.xlsx")));
  // template refuses to overwrite a workbook that may hold someone's typing
  REQUIRE(run_renkei({"template", dir.file("t.xlsx")}).code == 0);
  auto again = renkei::test::run_renkei_ja({"template", dir.file("t.xlsx")});
  CHECK(again.code == 1);
  CHECK(again.err.find(
            "すでにあります。誰かが入力したかもしれないブックを renkei は上書きしません") !=
        std::string::npos);
}

TEST_CASE("the workbook reader reads what Excel stores and refuses what it cannot read") {
  TempDir dir;
  REQUIRE(run_renkei({"export", "-o", dir.file("b.xlsx")}).code == 0);
  std::vector<WorkbookSheet> book = read_workbook(dir.file("b.xlsx"));
  REQUIRE(book.size() == 16);
  CHECK(book[0].name == "説明");
  const WorkbookSheet& placements = book[14];
  CHECK(placements.name == "配置");
  REQUIRE(placements.table.rows.size() > 2);
  CHECK(placements.table.lines[1] == 2);  // Excel's row numbers
  CHECK(placements.table.rows[1][0] == "下関市");
  CHECK(placements.table.rows[1][1] == "①");
  CHECK(excel_column(0) == "A");
  CHECK(excel_column(25) == "Z");
  CHECK(excel_column(26) == "AA");
  CHECK_THROWS_AS(read_workbook_bytes("not a workbook", "x.xlsx"), Error);
  CHECK_THROWS_WITH(read_workbook_bytes("\xD0\xCF\x11\xE0 rest", "old.xlsx"),
                    Catch::Contains("old.xlsx: is an old Excel .xls workbook"));
  CHECK_THROWS_WITH(read_workbook_bytes("PK\x03\x04 broken", "bad.xlsx"),
                    Catch::Contains("bad.xlsx: is not a readable .xlsx workbook"));
}
