// Import from sheets (docs/import.md): the dataset writer, the sheet layout, `renkei template`
// and `renkei import`, and the round trip built-in data → sheets → dataset.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/dataset_json.h"
#include "formats/load.h"
#include "test_support.h"

using namespace renkei;
using renkei::test::read_file;
using renkei::test::repo_path;

TEST_CASE("the dataset writer reproduces data/yamaguchi-r6.json byte for byte") {
  Dataset ds = load_builtin_dataset();
  std::string written = dataset_to_json(ds);
  std::string original = read_file(repo_path("data/yamaguchi-r6.json"));
  CHECK(nlohmann::json::parse(written) == nlohmann::json::parse(original));
  CHECK(written == original);
}

TEST_CASE("the dataset writer leaves out regions and in_region, and names the outside-facts file") {
  Dataset ds = load_builtin_dataset();
  nlohmann::json j = nlohmann::json::parse(dataset_to_json(ds));
  CHECK(j["outside_facts"] == "yamaguchi-regions.json");
  for (const auto& n : j["nodes"]) CHECK(n["kind"] != "region");
  for (const auto& e : j["edges"]) CHECK(e["relation"] != "in_region");
  // The written file loads again into the same network, outside facts included.
  Dataset again = load_dataset(dataset_to_json(ds), "again.json",
                               [](const std::string& rel) -> std::optional<std::string> {
                                 return read_whole_file(repo_path("data/" + rel));
                               });
  CHECK(again.nodes.size() == ds.nodes.size());
  CHECK(again.edges.size() == ds.edges.size());
}

// ---------------------------------------------------------------------------------------------
// Sheets: helpers that edit a sheet the way someone in Excel would.

#include <iconv.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "formats/csv.h"
#include "formats/sheets.h"

using renkei::test::run_renkei;
using renkei::test::TempDir;
using renkei::test::write_file;
using json = nlohmann::json;

namespace {

const Dataset& builtin() {
  static const Dataset ds = load_builtin_dataset();
  return ds;
}

/// A sheet as rows of cells (header first), editable by column field word.
struct EditableSheet {
  std::string path;
  std::vector<std::vector<std::string>> rows;

  explicit EditableSheet(std::string p) : path(std::move(p)) {
    csv::Table t = csv::parse(read_file(path), path);
    for (auto& r : t.rows) {
      std::vector<std::string> cells;
      for (auto& c : r) cells.push_back(csv::unneutralise(c));
      rows.push_back(cells);
    }
  }
  std::size_t col(const std::string& field) const {
    for (std::size_t i = 0; i < rows[0].size(); ++i)
      if (rows[0][i].find("(" + field + ")") != std::string::npos) return i;
    throw std::runtime_error("no column " + field + " in " + path);
  }
  /// Indices of the data rows whose `field` is `value`.
  std::vector<std::size_t> where(const std::string& field, const std::string& value) const {
    std::vector<std::size_t> out;
    for (std::size_t r = 1; r < rows.size(); ++r)
      if (rows[r][col(field)] == value) out.push_back(r);
    return out;
  }
  void erase_where(const std::string& field, const std::string& value) {
    auto hits = where(field, value);
    for (auto it = hits.rbegin(); it != hits.rend(); ++it)
      rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(*it));
  }
  void add(const std::map<std::string, std::string>& cells) {
    std::vector<std::string> row(rows[0].size());
    for (const auto& [field, value] : cells) row[col(field)] = value;
    rows.push_back(row);
  }
  void save() const {
    std::string text(csv::kBom);
    for (const auto& r : rows) text += csv::row(r);
    write_file(path, text);
  }
};

std::string to_cp932(const std::string& utf8) {
  iconv_t cd = iconv_open("CP932", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string in = utf8, out(utf8.size() * 2 + 16, '\0');
  char* ip = in.data();
  char* op = out.data();
  std::size_t il = in.size(), ol = out.size();
  std::size_t rc = iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  REQUIRE(rc != static_cast<std::size_t>(-1));
  out.resize(out.size() - ol);
  return out;
}

std::size_t count_lines(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

bool exists(const std::string& path) { return std::filesystem::exists(path); }

}  // namespace

TEST_CASE("built-in data → sheets → import gives back the same dataset") {
  TempDir dir;
  std::vector<std::string> files = write_sheets(builtin(), dir.path());
  CHECK(std::count(files.begin(), files.end(), "placements.csv") == 1);
  // The folder imports on its own: the source text and outside facts are copied beside the sheets.
  CHECK(read_file(dir.file("source/yamaguchi-r6.txt")) ==
        read_file(repo_path("data/source/yamaguchi-r6.txt")));
  CHECK(read_file(dir.file("yamaguchi-regions.json")) ==
        read_file(repo_path("data/yamaguchi-regions.json")));

  ImportReport report;
  Dataset back = import_sheets(dir.path(), builtin(), &report);
  CHECK(dataset_to_json(back) == read_file(repo_path("data/yamaguchi-r6.json")));
  CHECK(report.unmatched.empty());
  CHECK(report.new_nodes.empty());
  CHECK(report.not_in_sheets.empty());
  CHECK(report.shift_jis_sheets.empty());
  LoadReport original;
  load_builtin_dataset(&original);
  CHECK(report.quotes_checked == original.quotes_checked);
  // Outside facts come along: the eight planning regions are there after the import.
  CHECK(std::count_if(back.nodes.begin(), back.nodes.end(),
                      [](const Node& n) { return n.kind == Kind::Region; }) == 8);
}

TEST_CASE("sheets are CSV as Excel saves it: BOM, CRLF, one row per placement of section 3") {
  TempDir dir;
  write_sheets(builtin(), dir.path());
  std::string placements = read_file(dir.file("placements.csv"));
  CHECK(placements.rfind(
            std::string(csv::kBom) + "市町 (municipality),番号 (order),配置先 (office),", 0) == 0);
  CHECK(placements.find("\r\n") != std::string::npos);
  CHECK(placements.find('\n') == placements.find("\r\n") + 1);
  // 上関町's only placement, section 3 of row 16: ①地域生活支援センターたんぼぼ, under the
  // corrected name.
  CHECK(placements.find(
            "上関町,①,地域生活支援センターたんぽぽ,,,16,3,①地域生活支援センターたんぼぼ\r\n") !=
        std::string::npos);
  EditableSheet p(dir.file("placements.csv"));
  CHECK(p.rows.size() == 1 + 52);  // 52 placements in section 3
  EditableSheet o(dir.file("offices.csv"));
  CHECK(o.rows.size() == 1 + 45);
  // 萩市's council meets once a month (「毎月1回」): the months held before the table was written
  // in one cell, March 2025 in a second row as planned.
  EditableSheet m(dir.file("meetings.csv"));
  auto hagi = m.where("council", "萩市自立支援協議会こども支援部会");
  REQUIRE(hagi.size() == 2);
  CHECK(m.rows[hagi[0]][m.col("months")] ==
        "2024-04 2024-05 2024-06 2024-07 2024-08 2024-09 2024-10 2024-11 2024-12 2025-01 2025-02");
  CHECK(m.rows[hagi[0]][m.col("status")] == "開催");
  CHECK(m.rows[hagi[1]][m.col("months")] == "2025-03");
  CHECK(m.rows[hagi[1]][m.col("status")] == "予定");
}

TEST_CASE(
    "renkei template writes every sheet with headers and one example row, and does not overwrite") {
  TempDir dir;
  std::string tpl = dir.file("next");
  auto r = run_renkei({"template", tpl});
  REQUIRE(r.code == 0);
  for (const auto& layout : sheet_layouts()) {
    std::string text = read_file(tpl + "/" + layout.file);
    INFO(layout.file);
    CHECK(text.rfind(std::string(csv::kBom), 0) == 0);
    CHECK(text.find(std::string(layout.columns[0].header)) == 3);
    // The header and one example, from 宇部市's row; its row does not say that no child is
    // waiting (no_children.csv), so that optional sheet has its header only; columns.csv
    // describes 資料2-②'s seven columns.
    std::size_t rows = layout.optional ? 1u : 2u;
    if (std::string(layout.file) == "columns.csv") rows = 8;
    CHECK(csv::parse(text, layout.file).rows.size() == rows);
    CHECK(text.size() > 4);
    CHECK(text.substr(text.size() - 2) == "\r\n");
  }
  CHECK(read_file(tpl + "/README.txt").find("CSV UTF-8") != std::string::npos);
  // The example rows fit together: the template imports as it is.
  auto imported = run_renkei({"import", tpl, "-o", dir.file("example.json")});
  CHECK(imported.code == 0);
  CHECK(run_renkei({"validate", "--data", dir.file("example.json")}).code == 0);

  write_file(tpl + "/placements.csv", "edited");
  auto again = renkei::test::run_renkei_ja({"template", tpl});
  CHECK(again.code == 1);
  CHECK(again.err.rfind("renkei: エラー: " + tpl + ": ひな形のファイルのうち16件がすでにあります",
                        0) == 0);
  CHECK(again.err.find("--force") != std::string::npos);
  CHECK(read_file(tpl + "/placements.csv") == "edited");
  CHECK(run_renkei({"template", tpl, "--force"}).code == 0);
  CHECK(read_file(tpl + "/placements.csv") != "edited");
}

TEST_CASE("an office written たんぼぼ in the sheets is the existing たんぽぽ node") {
  TempDir dir;
  write_sheets(builtin(), dir.path());
  SECTION("an office row without id, with the printed spelling, reuses the id tanpopo") {
    EditableSheet offices(dir.file("offices.csv"));
    auto row = offices.where("id", "tanpopo");
    REQUIRE(row.size() == 1);
    offices.rows[row[0]][offices.col("id")] = "";
    offices.rows[row[0]][offices.col("name")] = "地域生活支援センターたんぼぼ";
    offices.save();
    ImportReport report;
    Dataset ds = import_sheets(dir.path(), builtin(), &report);
    auto i = ds.find_id("tanpopo");
    REQUIRE(i);
    CHECK(ds.nodes[*i].name == "地域生活支援センターたんぼぼ");
    CHECK(report.new_nodes.empty());
  }
  SECTION("a placement naming たんぼぼ, with no alias row, is matched through the reference data") {
    EditableSheet aliases(dir.file("aliases.csv"));
    aliases.erase_where("alias", "地域生活支援センターたんぼぼ");
    aliases.save();
    EditableSheet placements(dir.file("placements.csv"));
    auto row = placements.where("municipality", "上関町");
    REQUIRE(row.size() == 1);
    placements.rows[row[0]][placements.col("office")] = "地域生活支援センターたんぼぼ";
    placements.save();
    ImportReport report;
    Dataset ds = import_sheets(dir.path(), builtin(), &report);
    bool found = false;
    for (const Edge& e : ds.edges)
      found = found || (e.relation == Relation::Coordinator &&
                        ds.nodes[e.from].id == "kaminoseki" && ds.nodes[e.to].id == "tanpopo");
    CHECK(found);
    REQUIRE(report.other_spellings.size() == 1);
    CHECK(report.other_spellings[0].place.sheet == "placements.csv");
    CHECK(report.other_spellings[0].id == "tanpopo");
    // And the command says so.
    auto r = run_renkei({"import", dir.path()});
    CHECK(r.code == 0);
    CHECK(r.out.find("「地域生活支援センターたんぼぼ」 → 地域生活支援センターたんぽぽ (tanpopo, by "
                     "reference alias)") != std::string::npos);
  }
}

TEST_CASE("a Shift_JIS sheet, as older Excel saves it, imports the same and is reported") {
  TempDir dir;
  write_sheets(builtin(), dir.path());
  std::string utf8 = read_file(dir.file("placements.csv")).substr(csv::kBom.size());
  write_file(dir.file("placements.csv"), to_cp932(utf8));
  ImportReport report;
  Dataset ds = import_sheets(dir.path(), builtin(), &report);
  CHECK(dataset_to_json(ds) == read_file(repo_path("data/yamaguchi-r6.json")));
  CHECK(report.shift_jis_sheets == std::vector<std::string>{"placements.csv"});
  auto r = run_renkei({"import", dir.path()});
  CHECK(r.code == 0);
  CHECK(r.out.find("converted from Shift_JIS to UTF-8: placements.csv") != std::string::npos);
  auto j = run_renkei({"import", dir.path(), "--json"});
  CHECK(json::parse(j.out)["converted_from_shift_jis"] == json::array({"placements.csv"}));
}

TEST_CASE("a name no sheet defines is reported with sheet, line, column and the nearest names") {
  TempDir dir;
  write_sheets(builtin(), dir.path());
  EditableSheet placements(dir.file("placements.csv"));
  auto row = placements.where("municipality", "阿武町");
  REQUIRE(row.size() == 1);
  placements.rows[row[0]][placements.col("office")] =
      "阿武町総合相談センタ";  // the last ー dropped
  placements.rows[row[0]][placements.col("municipality")] = "阿武村";
  placements.save();
  int line = static_cast<int>(row[0]) + 1;  // the header is line 1

  std::string out = dir.file("out.json");
  auto r = run_renkei({"import", dir.path(), "-o", out, "--lang", "en"});
  CHECK(r.code == 1);
  CHECK(count_lines(r.err) == 1);
  CHECK(r.err.rfind("renkei: error: " + dir.path() + "/placements.csv:" + std::to_string(line) +
                        ": column A 市町 (municipality): \"阿武村\" names no municipality in the "
                        "sheets (and 1 more, listed above)",
                    0) == 0);
  CHECK(r.out.find("placements.csv:" + std::to_string(line) +
                   " 市町 (municipality): 「阿武村」 is no municipality; nearest: 阿武町") !=
        std::string::npos);
  CHECK(r.out.find("placements.csv:" + std::to_string(line) +
                   " 配置先 (office): 「阿武町総合相談センタ」 is no office; nearest: "
                   "阿武町総合相談センター") != std::string::npos);
  CHECK(!exists(out));

  auto j = run_renkei({"import", dir.path(), "--json"});
  CHECK(j.code == 1);
  json report = json::parse(j.out);
  CHECK(report["ok"] == false);
  REQUIRE(report["unmatched"].size() == 2);
  CHECK(report["unmatched"][1]["place"] ==
        json{{"sheet", "placements.csv"}, {"line", line}, {"column", "配置先 (office)"}});
  CHECK(report["unmatched"][1]["nearest"][0] == "阿武町総合相談センター");
}

TEST_CASE("bad sheets give one error line, exit 1 and no output file") {
  TempDir dir;
  std::string sheets = dir.file("sheets");
  write_sheets(builtin(), sheets);
  std::string out = dir.file("NEW.json");
  auto expect_error = [&](const std::string& starts) {
    auto r = run_renkei({"import", sheets, "-o", out, "--lang", "en"});
    CHECK(r.code == 1);
    CHECK(count_lines(r.err) == 1);
    CHECK(r.err.rfind("renkei: error: " + starts, 0) == 0);
    CHECK(!exists(out));
    return r.err;
  };
  std::string original = read_file(sheets + "/placements.csv");

  SECTION("an unclosed quote") {
    write_file(sheets + "/placements.csv", original + "上関町,②,\"たちばな園,,,16,3,x\r\n");
    expect_error(sheets + "/placements.csv:54: a quoted cell is not closed");
  }
  SECTION("an unknown header, with did-you-mean") {
    std::string text = original;
    text.replace(text.find("配置先 (office)"), std::string("配置先 (office)").size(),
                 "配置さき (office)");
    write_file(sheets + "/placements.csv", text);
    expect_error(sheets +
                 "/placements.csv:1: column C: unknown header \"配置さき (office)\" in "
                 "placements.csv (did you mean \"配置先 (office)\"?)");
  }
  SECTION("a missing required column") {
    EditableSheet p(sheets + "/placements.csv");
    std::size_t c = p.col("order");
    for (auto& row : p.rows) row.erase(row.begin() + static_cast<std::ptrdiff_t>(c));
    p.save();
    expect_error(sheets + "/placements.csv:1: the required column \"番号 (order)\" is missing");
  }
  SECTION("a bad month") {
    EditableSheet p(sheets + "/placements.csv");
    p.rows[1][p.col("since")] = "2024-13";
    p.save();
    expect_error(
        sheets +
        "/placements.csv:2: column D 配置開始 (since): \"2024-13\" is neither a month "
        "nor a fiscal year; write YYYY-MM (2024-11) or the 配置年度 (令和2年度, 2020年度)");
  }
  SECTION("an unknown status word, with did-you-mean") {
    EditableSheet m(sheets + "/meetings.csv");
    m.rows[1][m.col("status")] = "開催済";
    m.save();
    std::string err = expect_error(
        sheets + "/meetings.csv:2: column B 開催状況 (status): unknown word \"開催済\"");
    CHECK(err.find("(did you mean \"開催\"?)") != std::string::npos);
  }
  SECTION("bytes that are neither UTF-8 nor Shift_JIS") {
    write_file(sheets + "/placements.csv", "\xFF\xFE\xFF\xFE" + original);
    std::string err = expect_error(sheets + "/placements.csv: is neither UTF-8 nor Shift_JIS text");
    CHECK(err.find("CSV UTF-8") != std::string::npos);
  }
  SECTION("a quote that is not in the source is refused at its sheet row") {
    EditableSheet p(sheets + "/placements.csv");
    p.rows[1][p.col("source_text")] = "①下関市こども発達センターX";
    p.save();
    std::string err = expect_error(sheets +
                                   "/placements.csv:2: column H 出典の原文 (source_text): "
                                   "\"①下関市こども発達センターX\" is not in row 1, column 3,");
    // The text the quote was checked in: the copy written beside the sheets.
    CHECK(err.find(" column 3, of " + sheets +
                   "/source/yamaguchi-r6.txt; quote the source exactly\n") != std::string::npos);
  }
  SECTION("a name with a tab in it is refused at its cell, by the model's own rule") {
    EditableSheet o(sheets + "/offices.csv");
    o.rows[1][o.col("name_en")] = "Tanpopo\tCenter";
    o.save();
    std::size_t c = o.col("name_en");
    expect_error(sheets + "/offices.csv:2: column " + std::string(1, static_cast<char>('A' + c)) +
                 " " + o.rows[0][c] +
                 ": \"Tanpopo\\u0009Center\" contains a control character (U+0009); a name is "
                 "one line of plain text\n");
  }
  SECTION("a missing sheet, saved as xlsx") {
    std::filesystem::rename(sheets + "/placements.csv", sheets + "/placements.xlsx");
    expect_error(sheets + ": the sheet placements.csv is missing");
  }
}

// The check in issue 7: next year's table made by editing the sheets as a secretariat would.
TEST_CASE(
    "next year's sheets: an office closes, a town gains a coordinator, a council meets again") {
  TempDir dir;
  std::string sheets = dir.file("r7");
  write_sheets(builtin(), sheets);

  // The new year's table, as text: 阿武町 names a second office, 上関町's council met in 2025-02.
  std::string text = read_file(sheets + "/source/yamaguchi-r6.txt");
  auto edit = [&](const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  edit("①阿武町総合相談センター\t",
       "①阿武町総合相談センター ②萩市障害者生活支援センターほっとすペース\t");
  edit("上関町地域自立支援協議会\t<ul style=\"list-style-type: none\"> 開催予定なし",
       "上関町地域自立支援協議会\t<ul style=\"list-style-type: none\"> ○開催年月:令和7年2月");
  write_file(sheets + "/source/next.txt", text);
  std::filesystem::remove(sheets + "/source/yamaguchi-r6.txt");
  EditableSheet doc(sheets + "/document.csv");
  doc.rows[1][doc.col("source_file")] = "source/next.txt";
  doc.save();

  // 地域生活支援センターたんぽぽ closes: its row, its spelling and its four placements go.
  EditableSheet offices(sheets + "/offices.csv");
  offices.erase_where("id", "tanpopo");
  offices.save();
  EditableSheet placements(sheets + "/placements.csv");
  placements.erase_where("office", "地域生活支援センターたんぽぽ");
  // 阿武町 gains a coordinator at its neighbour's office.
  placements.add({{"municipality", "阿武町"},
                  {"order", "②"},
                  {"office", "萩市障害者生活支援センターほっとすペース"},
                  {"source_row", "19"},
                  {"source_section", "3"},
                  {"source_text", "②萩市障害者生活支援センターほっとすペース"}});
  placements.save();
  // 上関町's council meets.
  EditableSheet meetings(sheets + "/meetings.csv");
  auto kaminoseki = meetings.where("council", "上関町地域自立支援協議会");
  REQUIRE(kaminoseki.size() == 1);
  auto& m = meetings.rows[kaminoseki[0]];
  m[meetings.col("status")] = "開催";
  m[meetings.col("months")] = "2025-02";
  m[meetings.col("source_text")] = "○開催年月:令和7年2月";
  meetings.save();

  std::string out_dir = dir.file("data");
  std::filesystem::create_directories(out_dir);
  std::string out = out_dir + "/r7.json";
  SECTION("forgetting the closed office's other spelling is caught, with a hint") {
    auto r = renkei::test::run_renkei_ja({"import", sheets, "-o", out});
    CHECK(r.code == 1);
    CHECK(r.out.find("aliases.csv:") != std::string::npos);
    CHECK(r.out.find("は照合先のデータでは地域生活支援センターたんぽぽ（tanpopo）ですが、"
                     "どのシートにもありません") != std::string::npos);
    CHECK(!exists(out));
  }
  SECTION("imported, validated, and different in exactly those places") {
    EditableSheet aliases(sheets + "/aliases.csv");
    aliases.erase_where("node", "地域生活支援センターたんぽぽ");
    aliases.save();
    auto r = run_renkei({"import", sheets, "-o", out});
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("in the reference data but in no sheet (1):\n  office "
                     "地域生活支援センターたんぽぽ (tanpopo)\n") != std::string::npos);
    // The source text the quotes were checked against is copied beside the dataset.
    CHECK(read_file(out_dir + "/source/next.txt") == text);
    CHECK(exists(out_dir + "/yamaguchi-regions.json"));
    CHECK(run_renkei({"validate", "--data", out}).code == 0);

    json before = json::parse(read_file(repo_path("data/yamaguchi-r6.json")));
    json after = json::parse(read_file(out));
    std::map<std::string, json> old_nodes, new_nodes;
    for (const auto& n : before["nodes"]) old_nodes[n["id"]] = n;
    for (const auto& n : after["nodes"]) new_nodes[n["id"]] = n;
    std::set<std::string> removed, added, changed;
    for (const auto& [id, n] : old_nodes)
      if (!new_nodes.count(id))
        removed.insert(id);
      else if (new_nodes[id] != n)
        changed.insert(id);
    for (const auto& [id, n] : new_nodes)
      if (!old_nodes.count(id)) added.insert(id);
    CHECK(removed == std::set<std::string>{"tanpopo"});
    CHECK(added.empty());
    CHECK(changed == std::set<std::string>{"kaminoseki-council"});
    CHECK(
        new_nodes["kaminoseki-council"]["meetings"] ==
        json::parse(
            R"j([{"months":["2025-02"],"status":"held","source":{"row":16,"section":"1(4)","text":"○開催年月:令和7年2月"}}])j"));

    auto edge_set = [](const json& ds) {
      std::multiset<std::string> s;
      for (const auto& e : ds["edges"]) s.insert(e.dump());
      return s;
    };
    std::multiset<std::string> old_edges = edge_set(before), new_edges = edge_set(after), gone,
                               come;
    std::set_difference(old_edges.begin(), old_edges.end(), new_edges.begin(), new_edges.end(),
                        std::inserter(gone, gone.end()));
    std::set_difference(new_edges.begin(), new_edges.end(), old_edges.begin(), old_edges.end(),
                        std::inserter(come, come.end()));
    std::set<std::string> gone_from;
    for (const auto& e : gone) {
      json j = json::parse(e);
      CHECK(j["to"] == "tanpopo");
      CHECK(j["relation"] == "coordinator");
      gone_from.insert(j["from"]);
    }
    CHECK(gone_from == std::set<std::string>{"yanai", "kaminoseki", "tabuse", "hirao"});
    REQUIRE(come.size() == 1);
    CHECK(
        json::parse(*come.begin()) ==
        json::parse(
            R"({"from":"abu","to":"hagi-hot-space","relation":"coordinator","order":2,)"
            R"("source":{"row":19,"section":"3","text":"②萩市障害者生活支援センターほっとすペース"}})"));
    CHECK(after["document"]["source_file"] == "source/next.txt");
  }
}

TEST_CASE("months as Excel rewrites them are read back as YYYY-MM") {
  TempDir dir;
  write_sheets(builtin(), dir.path());
  EditableSheet p(dir.file("placements.csv"));
  // Excel shows a typed 2024-11 as a date and saves it as 2024/11/1 or Nov-24; people also write
  // 2024年11月.
  p.rows[1][p.col("since")] = "2024/11/1";
  p.rows[2][p.col("since")] = "Nov-24";
  p.rows[3][p.col("since")] = "２０２４年１１月";
  p.save();
  Dataset ds = import_sheets(dir.path(), builtin(), nullptr);
  std::vector<std::string> since;
  for (const Edge& e : ds.edges)
    if (e.relation == Relation::Coordinator && since.size() < 3) since.push_back(e.since);
  CHECK(since == std::vector<std::string>{"2024-11", "2024-11", "2024-11"});
}

TEST_CASE(
    "a new office gets an id from its romanized name, or from its name, and is reported as new") {
  TempDir dir;
  write_sheets(builtin(), dir.path());
  EditableSheet offices(dir.file("offices.csv"));
  // Two offices the reference data does not know; the quotes are row 19's section 3 cell.
  offices.add({{"name", "阿武町総合相談センター分室"},
               {"name_en", "Abu Annex"},
               {"source_row", "19"},
               {"source_section", "3"},
               {"source_text", "阿武町総合相談センター"}});
  offices.add({{"name", "阿武町総合相談センター別館"},
               {"source_row", "19"},
               {"source_section", "3"},
               {"source_text", "阿武町総合相談センター"}});
  offices.save();
  ImportReport report;
  Dataset ds = import_sheets(dir.path(), builtin(), &report);
  REQUIRE(report.new_nodes.size() == 2);
  CHECK(report.new_nodes[0].id == "abu-annex");
  CHECK(report.new_nodes[0].place.sheet == "offices.csv");
  CHECK(report.new_nodes[0].place.line == 47);  // header + 45 offices + this one
  CHECK(report.new_nodes[0].nearest == std::vector<std::string>{"阿武町総合相談センター"});
  const std::string& generated = report.new_nodes[1].id;
  CHECK(generated.rfind("office-", 0) == 0);
  CHECK(generated.size() == std::string("office-").size() + 8);
  // The same sheets give the same id every time.
  CHECK(import_sheets(dir.path(), builtin(), nullptr).nodes[*ds.find_id(generated)].name ==
        "阿武町総合相談センター別館");
}

TEST_CASE("docs/import.md names every sheet and every column header") {
  std::string doc = read_file(repo_path("docs/import.md"));
  for (const auto& layout : sheet_layouts()) {
    CHECK(doc.find(std::string("### ") + layout.file) != std::string::npos);
    for (const auto& c : layout.columns) {
      INFO(layout.file << " " << c.header);
      CHECK(doc.find(std::string("`") + c.header + "`") != std::string::npos);
    }
  }
}

TEST_CASE("load_dataset_or_sheets reads a sheet folder or a dataset file alike") {
  TempDir dir;
  write_sheets(builtin(), dir.file("sheets"));
  Dataset from_sheets = load_dataset_or_sheets(dir.file("sheets"), builtin());
  Dataset from_file = load_dataset_or_sheets(repo_path("data/yamaguchi-r6.json"), builtin());
  CHECK(dataset_to_json(from_sheets) == dataset_to_json(from_file));
  CHECK(from_sheets.nodes.size() == from_file.nodes.size());  // regions from the outside facts too
  CHECK(from_sheets.edges.size() == from_file.edges.size());
  CHECK_THROWS_WITH(load_dataset_or_sheets(dir.file("nothing"), builtin()),
                    Catch::Contains("no such file"));
}

TEST_CASE("a sheets folder written before no_children.csv existed still imports") {
  TempDir dir;
  write_sheets(builtin(), dir.path());
  // exported with the no-child rows of 平生町 (row 18) and 阿武町 (row 19)
  CHECK(csv::parse(read_file(dir.file("no_children.csv")), "no_children.csv").rows.size() == 3);
  std::remove(dir.file("no_children.csv").c_str());
  ImportReport report;
  Dataset back = import_sheets(dir.path(), builtin(), &report);
  for (const Node& n : back.nodes) CHECK(n.no_children.empty());
  CHECK(back.nodes.size() == builtin().nodes.size());
}

TEST_CASE("notes keep their spaces and line breaks through the sheets") {
  // docs/import.md: a note is free text; what the secretariat typed comes back as typed.
  TempDir dir;
  nlohmann::json j = renkei::test::builtin_json();
  const std::string note = "  first line\n\tsecond line, indented  \nthird  ";
  j["nodes"][0]["note"] = note;
  j["document"]["note"] = note;
  j["edges"][0]["note"] = note;
  Dataset ds = load_dataset_file(renkei::test::write_dataset(dir, j));
  TempDir sheets;
  write_sheets(ds, sheets.path());
  ImportReport report;
  Dataset back = import_sheets(sheets.path(), ds, &report);
  CHECK(back.nodes[0].note == note);
  CHECK(back.document.note == note);
  CHECK(back.edges[0].note == note);
}

TEST_CASE("a formula after a ; or a tab cannot start a cell in any locale's Excel") {
  // OWASP CSV injection: Excel in a ; locale, or a tab-delimited import, splits the cell at
  // the separator, and =cmd|… after it would be a formula. Quoted, it stays one cell.
  CHECK(csv::cell("x;=cmd|' /C calc'!A0") == "\"x;=cmd|' /C calc'!A0\"");
  CHECK(csv::cell("a\t=1+2") == "\"a\t=1+2\"");
  CHECK(csv::cell("=1+2") == "'=1+2");
  CHECK(csv::cell("上関町") == "上関町");
  // and it reads back as written
  csv::Table t = csv::parse(csv::row({"x;=cmd|' /C calc'!A0", "a\t=1+2", "=1+2"}), "t.csv");
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0][0] == "x;=cmd|' /C calc'!A0");
  CHECK(t.rows[0][1] == "a\t=1+2");
  CHECK(csv::unneutralise(t.rows[0][2]) == "=1+2");
}

TEST_CASE("an import does not follow links out of the sheets folder") {
  // A sheet, or source/, that links elsewhere (…/source → /etc) would be read and copied
  // beside the output: refused, naming the link.
  TempDir outside;
  TempDir dir;
  write_sheets(builtin(), dir.path());
  std::filesystem::rename(dir.file("placements.csv"), outside.file("placements.csv"));
  std::filesystem::create_symlink(outside.file("placements.csv"), dir.file("placements.csv"));
  auto r = renkei::test::run_renkei_ja({"import", dir.path(), "-o", dir.file("out.json")});
  CHECK(r.code == 1);
  CHECK(r.err.rfind("renkei: エラー: " + dir.file("placements.csv") + ": フォルダの外の ", 0) == 0);
  CHECK(r.err.find("へのリンクです。renkei が取り込むのはフォルダの中のファイルだけです") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.file("out.json")));
  // A link that stays inside the folder is fine.
  std::filesystem::remove(dir.file("placements.csv"));
  std::filesystem::rename(outside.file("placements.csv"), dir.file("placements-real.csv"));
  std::filesystem::create_symlink("placements-real.csv", dir.file("placements.csv"));
  CHECK(run_renkei({"import", dir.path()}).code == 0);
  // The source text's folder linked elsewhere.
  std::filesystem::rename(dir.file("source"), outside.file("source"));
  std::filesystem::create_symlink(outside.file("source"), dir.file("source"));
  auto s = renkei::test::run_renkei_ja({"import", dir.path(), "-o", dir.file("out.json")});
  CHECK(s.code == 1);
  CHECK(s.err.find("source/yamaguchi-r6.txt: フォルダの外の ") != std::string::npos);
}

TEST_CASE("a huge or bogus sheet is refused in a moment, in one line") {
  TempDir dir;
  write_sheets(builtin(), dir.path());
  // Over the sheet limit (sparse: no disk used): refused before anything is read.
  {
    std::FILE* f = std::fopen(dir.file("links.csv").c_str(), "w");
    REQUIRE(f);
    std::fclose(f);
    REQUIRE(truncate(dir.file("links.csv").c_str(), static_cast<off_t>(kMaxSheetBytes) + 1) == 0);
  }
  auto big = renkei::test::run_renkei_ja({"import", dir.path()});
  CHECK(big.code == 1);
  CHECK(count_lines(big.err) == 1);
  CHECK(big.err.find("links.csv: シートが 33 MB あり、renkei が1つのシートとして読む上限（32 MB") !=
        std::string::npos);
  // A thousand names that match nothing: the first kMaxUnmatchedListed are listed with their
  // nearest names, the rest counted.
  write_sheets(builtin(), dir.path(), true);
  std::string aliases = read_file(dir.file("aliases.csv"));
  for (int i = 0; i < 1000; ++i) aliases += "nothing-" + std::to_string(i) + ",x,1,市町,x\r\n";
  write_file(dir.file("aliases.csv"), aliases);
  auto bogus = renkei::test::run_renkei_ja({"import", dir.path()});
  CHECK(bogus.code == 1);
  CHECK(bogus.out.find("シートのどの行にも当てはまらない名前（1000）:") != std::string::npos);
  CHECK(bogus.out.find("…ほか" + std::to_string(1000 - kMaxUnmatchedListed) +
                       "件（ここには出していません）") != std::string::npos);
  CHECK(bogus.err.find("（ほかに999件、上に一覧）") != std::string::npos);
}

TEST_CASE("an import with mistakes says so in Japanese by default, in English with --lang en") {
  TempDir dir;
  write_sheets(builtin(), dir.path());
  EditableSheet m(dir.file("meetings.csv"));
  m.rows[1][m.col("status")] = "開催済";
  m.save();
  auto ja = renkei::test::run_renkei_ja({"import", dir.path()});
  CHECK(ja.code == 1);
  CHECK(count_lines(ja.err) == 1);
  CHECK(ja.err == "renkei: エラー: " + dir.file("meetings.csv") +
                      " 2行目 B列 開催状況 (status): 「開催済」は使えない言葉です（もしかして"
                      "「開催」？）。開催、予定、開催なし、休会 のどれかを書いてください\n");
  auto en = run_renkei({"import", dir.path(), "--lang", "en"});
  CHECK(en.code == 1);
  CHECK(en.err == "renkei: error: " + dir.file("meetings.csv") +
                      ":2: column B 開催状況 (status): unknown word \"開催済\"; write one of 開催 "
                      "(held), 予定 (planned), 開催なし (none), 休会 (suspended) (did you mean "
                      "\"開催\"?)\n");

  // A misspelt office: the row, the column and the name it does not find.
  write_sheets(builtin(), dir.path(), true);
  EditableSheet p(dir.file("placements.csv"));
  std::size_t row = 0;
  for (std::size_t i = 1; i < p.rows.size() && !row; ++i)
    if (p.rows[i][p.col("office")] == "地域生活支援センターたんぽぽ") row = i;
  REQUIRE(row > 0);
  p.rows[row][p.col("office")] = "たんぽぽぽ";
  p.save();
  auto name_ja = renkei::test::run_renkei_ja({"import", dir.path()});
  CHECK(name_ja.code == 1);
  CHECK(name_ja.err == "renkei: エラー: " + dir.file("placements.csv") + " " +
                           std::to_string(row + 1) +
                           "行目 C列 配置先 (office): 「たんぽぽぽ」という配置先はシートにありま"
                           "せん。綴りを直すか、足りない行を加えてください\n");
  auto name_en = run_renkei({"import", dir.path(), "--lang", "en"});
  CHECK(name_en.err == "renkei: error: " + dir.file("placements.csv") + ":" +
                           std::to_string(row + 1) +
                           ": column C 配置先 (office): \"たんぽぽぽ\" names no office in the "
                           "sheets; fix the spelling or add the missing rows\n");

  // A folder that is not there, and a workbook that is not one.
  CHECK(renkei::test::run_renkei_ja({"import", dir.file("nowhere")}).err ==
        "renkei: エラー: " + dir.file("nowhere") + ": そのフォルダはありません\n");
  write_file(dir.file("old.xlsx"), std::string("\xD0\xCF\x11\xE0 old", 8));
  auto xls = renkei::test::run_renkei_ja({"import", dir.file("old.xlsx")});
  CHECK(xls.err.find("古い Excel の .xls か、パスワード付きのブックです") != std::string::npos);
  CHECK(run_renkei({"import", dir.file("old.xlsx"), "--lang", "en"})
            .err.find("is an old Excel .xls workbook") != std::string::npos);
}
