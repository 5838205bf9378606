// A table that is its own source (issue 19): the prefecture compiles its survey in the
// workbook, with no published document to quote. Each fact's provenance is the sheet and cell
// it was typed in, shown as such and never as a quote. The cells expected below are read off
// the rows this test writes (column letters from the template's header order).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "test_support.h"

using namespace renkei::test;
using nlohmann::json;

namespace {

/// The template's sheets with their header rows only, then these rows written in.
void own_table_sheets(const std::string& dir) {
  REQUIRE(run_renkei({"template", dir}).code == 0);
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".csv") continue;
    std::string text = read_file(e.path().string());
    write_file(e.path().string(), text.substr(0, text.find('\n') + 1));
  }
  auto append = [&](const std::string& file, const std::string& rows) {
    std::ofstream(dir + "/" + file, std::ios::app) << rows;
  };
  // document.csv: title, publisher, label, document_title, source_file, document_note,
  // source_form, fiscal_year, first_month, last_month, outside_facts
  append("document.csv",
         "みなみ県 医療的ケア児支援 取組状況調査,みなみ県,調査票,取組状況調査（県まとめ）,,,"
         "入力,令和7年度,2025-04,2026-03,\n");
  // municipalities.csv: id, name (B), name_en, type, row, note, source_row, source_section,
  // source_text
  append("municipalities.csv", ",あおば市,,,1,,,,\n,みどり町,,,2,,,,\n,そら村,,,3,,,,\n");
  // offices.csv: id, name (B), …
  append("offices.csv", ",ひだまり相談室,,,,,,,,\n");
  // councils.csv: id, name (B), name_en, level, status, …
  append("councils.csv", ",あおば市医療的ケア児等支援協議会,,市町,活動中,,,,,,,\n");
  // links.csv: from, relation (B), to, …
  append("links.csv", "あおば市,設置,あおば市医療的ケア児等支援協議会,,,,,\n");
  // meetings.csv: council, status (B), months, …
  append("meetings.csv", "あおば市医療的ケア児等支援協議会,開催,2025-07,,,,,,,\n");
  // placements.csv: municipality, order, office (C), …
  append("placements.csv", "あおば市,①,ひだまり相談室,,,,,\nみどり町,①,ひだまり相談室,,,,,\n");
  // challenges.csv: municipality, source_row, source_section, source_text (D): the words
  // themselves
  append("challenges.csv", "そら村,,,近くに訪問看護の事業所がない\n");
}

const json& node_named(const json& ds, const std::string& name) {
  for (const auto& n : ds["nodes"])
    if (n["name"] == name) return n;
  FAIL("no node " << name);
  throw;
}

}  // namespace

TEST_CASE("a table entered in its own sheets keeps each fact's sheet and cell, not a quote") {
  TempDir dir;
  own_table_sheets(dir.file("sheets"));
  auto im = run_renkei({"import", dir.file("sheets"), "-o", dir.file("own.json")});
  INFO(im.err);
  REQUIRE(im.code == 0);
  // 3 municipalities, an office, a council, 2 placements, the council's link and its meeting,
  // one challenge: 10 facts, none of them quotes.
  CHECK(im.out.find("quotes: none to check: the table is its own source") != std::string::npos);
  CHECK(im.out.find("entered facts: 10, each traced to the sheet and cell it was typed in") !=
        std::string::npos);

  json ds = json::parse(read_file(dir.file("own.json")));
  CHECK(ds["document"]["source_form"] == "input");
  CHECK(node_named(ds, "ひだまり相談室")["source"] ==
        json({{"text", "ひだまり相談室"}, {"input", "offices.csv!B2"}}));
  CHECK(node_named(ds, "そら村")["source"]["input"] == "municipalities.csv!B4");
  CHECK(node_named(ds, "そら村")["challenges"][0] ==
        json({{"text", "近くに訪問看護の事業所がない"}, {"input", "challenges.csv!D2"}}));
  const json& council = node_named(ds, "あおば市医療的ケア児等支援協議会");
  CHECK(council["meetings"][0]["source"]["input"] == "meetings.csv!B2");
  std::set<std::string> placed;
  for (const auto& e : ds["edges"])
    if (e["relation"] == "coordinator") placed.insert(e["source"]["input"].get<std::string>());
  CHECK(placed == std::set<std::string>{"placements.csv!C2", "placements.csv!C3"});

  // Answers say where it was typed, without quote marks.
  auto show = run_renkei({"show", "ひだまり相談室", "--data", dir.file("own.json")});
  REQUIRE(show.code == 0);
  CHECK(show.out.find("source: entered at offices.csv!B2: ひだまり相談室") != std::string::npos);
  CHECK(show.out.find("「ひだまり相談室」") == std::string::npos);
  auto val = run_renkei({"validate", "--data", dir.file("own.json")});
  CHECK(val.code == 0);
  CHECK(val.out.find("entered facts: 10") != std::string::npos);
  auto ex = run_renkei({"explorer", "--data", dir.file("own.json"), "-o", dir.file("e.html")});
  REQUIRE(ex.code == 0);
  CHECK(read_file(dir.file("e.html")).find("\"input\":\"offices.csv!B2\"") != std::string::npos);

  // The same table as a workbook: the cells are the workbook's, by its tab names.
  REQUIRE(run_renkei({"export", "--data", dir.file("own.json"), "-o", dir.file("own.xlsx")}).code ==
          0);
  auto back = run_renkei({"import", dir.file("own.xlsx"), "-o", dir.file("back.json")});
  INFO(back.err);
  REQUIRE(back.code == 0);
  json b = json::parse(read_file(dir.file("back.json")));
  CHECK(node_named(b, "ひだまり相談室")["source"]["input"] == "配置先!B2");
  CHECK(node_named(b, "そら村")["challenges"][0] ==
        json({{"text", "近くに訪問看護の事業所がない"}, {"input", "課題!D2"}}));
  auto diff = run_renkei({"diff", dir.file("own.json"), dir.file("back.json")});
  INFO(diff.out << diff.err);
  CHECK(diff.code == 0);
  CHECK(diff.out.find("No changes") != std::string::npos);
}

TEST_CASE("a table that is its own source refuses a row of a document and a quote") {
  TempDir dir;
  own_table_sheets(dir.file("sheets"));
  // A row number typed into the placement's 出典の行 (column F, line 3).
  std::string p = read_file(dir.file("sheets/placements.csv"));
  write_file(dir.file("sheets/placements.csv"),
             replace_all(p, "みどり町,①,ひだまり相談室,,,,,", "みどり町,①,ひだまり相談室,,,12,,"));
  auto im = renkei::test::run_renkei_ja({"import", dir.file("sheets"), "-o", dir.file("own.json")});
  CHECK(im.code == 1);
  CHECK(im.err.find("placements.csv 3行目 F列 出典の行 (source_row): この表は自らが出典です") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.file("own.json")));

  // A JSON dataset that says it has no document, with one fact given as a quote.
  json ds = builtin_json();
  ds["document"]["source_form"] = "input";
  ds["document"].erase("columns");
  ds["document"].erase("source_file");
  auto r = run_renkei({"validate", "--data", write_dataset(dir, ds)});
  CHECK(r.code == 1);
  CHECK(r.err.find("is given as a quote, but the dataset has no document (source form input)") !=
        std::string::npos);
}
