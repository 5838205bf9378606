// End-to-end: run build/renkei, check exit code, stdout and stderr.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "test_support.h"

using nlohmann::json;
using renkei::test::read_file;
using renkei::test::Run;
using renkei::test::run_renkei;
using renkei::test::TempDir;

namespace {
std::size_t count_lines(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}
}  // namespace

TEST_CASE("validate --json counts what the source holds") {
  auto r = run_renkei({"validate", "--json"});
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  json j = json::parse(r.out);
  CHECK(j["nodes"]["municipality"] == 19);
  CHECK(j["nodes"]["office"] == 45);  // 52 placements, 4 offices named by several towns
  CHECK(j["nodes"]["center"] == 2);  // 山口県 and 山口県西部 医療的ケア児支援センター
  CHECK(j["nodes"]["region"] == 8);        // outside fact
  CHECK(j["edges"]["coordinator"] == 52);  // ①… counted in section 3
  CHECK(j["edges"]["in_region"] == 19);
  CHECK(j["quotes_checked"].get<int>() > 300);
}

TEST_CASE("validate prints what it checked") {
  auto r = run_renkei({"validate"});
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("data/yamaguchi-r6.json: OK: 山口県 資料2-②「令和6年度 "
                    "市町における医療的ケア児支援に係る取組状況等」\n",
                    0) == 0);
  CHECK(r.out.find("checked, each in its row and column of data/source/yamaguchi-r6.txt") !=
        std::string::npos);
  CHECK(r.out.find("coordinator      52\n") != std::string::npos);
}

TEST_CASE("show finds an office by each of the source's spellings") {
  for (const std::string spelling : {"地域生活支援センターたんぼぼ", "地域生活支援センターたんぽぽ",
                                     "tanpopo", "Community Life Support Center Tanpopo"}) {
    INFO(spelling);
    auto r = run_renkei({"show", spelling, "--json"});
    REQUIRE(r.code == 0);
    json j = json::parse(r.out);
    CHECK(j["node"]["id"] == "tanpopo");
    CHECK(j["node"]["name"] == "地域生活支援センターたんぽぽ");
    REQUIRE(j["edges"].size() == 4);
    std::vector<std::string> towns;
    for (const auto& e : j["edges"]) {
      CHECK(e["relation"] == "coordinator");
      CHECK(e["direction"] == "in");
      CHECK(e["source"]["text"] == "①地域生活支援センターたんぼぼ");
      towns.push_back(e["from"]["name"]);
    }
    CHECK(towns == std::vector<std::string>{"柳井市", "上関町", "田布施町", "平生町"});
  }
}

TEST_CASE("show prints the quote behind each relation") {
  auto r = run_renkei({"show", "上関町"});
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("上関町  (municipality, id kaminoseki)\n", 0) == 0);
  CHECK(r.out.find("coordinator activity: none_stated — row 16 §4 「特になし」") !=
        std::string::npos);
  CHECK(r.out.find("—coordinator #1→ 地域生活支援センターたんぽぽ  [tanpopo]\n      row 16 §3 "
                   "「①地域生活支援センターたんぼぼ」") != std::string::npos);
  CHECK(r.out.find("[outside fact]") != std::string::npos);
}

TEST_CASE("show carries a row's words that there is no child to serve") {
  // 阿武町 row 19 §2 「対象者なしのため、実績なし。」; 平生町 row 18 §1(4)
  // 「…現在、該当者がいないが、…」
  auto abu = run_renkei({"show", "阿武町"});
  REQUIRE(abu.code == 0);
  CHECK(abu.out.find("no child to serve: row 19 §2 「対象者なしのため、実績なし。」") !=
        std::string::npos);
  auto hirao = run_renkei({"show", "平生町"});
  REQUIRE(hirao.code == 0);
  CHECK(hirao.out.find("no child to serve: row 18 §1(4) 「現在、該当者がいない」") !=
        std::string::npos);
  CHECK(run_renkei({"show", "上関町"}).out.find("no child to serve") == std::string::npos);
  json j = json::parse(run_renkei({"show", "阿武町", "--json"}).out);
  REQUIRE(j["node"]["no_children"].size() == 1);
  CHECK(j["node"]["no_children"][0]["row"] == 19);
  // the gaps answer says it beside the inactive-coordinator finding, and only there
  auto gaps = run_renkei({"gaps", "--municipality", "阿武町"});
  REQUIRE(gaps.code == 0);
  CHECK(gaps.out.find("no child to serve: row 19 §2 「対象者なしのため、実績なし。」") !=
        std::string::npos);
  json gj = json::parse(run_renkei({"gaps", "--municipality", "阿武町", "--json"}).out);
  std::size_t with_context = 0;
  for (const auto& f : gj) {
    if (!f.contains("context")) continue;
    ++with_context;
    CHECK(f["rule"] == "inactive-coordinator");
  }
  CHECK(with_context == 1);
  // "医療的ケア運営協議会" names two towns' committees (宇部市 row 2, 長門市 row 9): ambiguous
  auto committee = run_renkei({"show", "医療的ケア運営協議会"});
  CHECK(committee.code == 2);
  CHECK(committee.err.find("ambiguous") != std::string::npos);
}

TEST_CASE("show --lang en uses romanized names") {
  auto r = run_renkei({"show", "kaminoseki", "--lang", "en"});
  REQUIRE(r.code == 0);
  CHECK(r.out.rfind("Kaminoseki  (municipality, id kaminoseki)\n", 0) == 0);
  CHECK(r.out.find("Community Life Support Center Tanpopo") != std::string::npos);
}

TEST_CASE("an unknown node is a usage error with a suggestion") {
  auto r = run_renkei({"show", "上開町"});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "renkei: error: unknown node \"上開町\" (did you mean \"上関町\"?)\n");
}

TEST_CASE("an ambiguous name lists what it matches") {
  auto r = run_renkei({"show", "たちばな"});
  CHECK(r.code == 0);  // only one node contains たちばな
  auto amb = run_renkei({"show", "上関"});
  CHECK(amb.code == 0);  // 上関 is 上関町 without its suffix
  CHECK(json::parse(run_renkei({"show", "上関", "--json"}).out)["node"]["id"] == "kaminoseki");
  auto many = run_renkei({"show", "相談支援事業所"});
  CHECK(many.code == 2);
  CHECK(many.err.rfind("renkei: error: \"相談支援事業所\" is ambiguous: it matches ", 0) == 0);
  CHECK(count_lines(many.err) == 1);
}

TEST_CASE("list shows a kind as an aligned table") {
  auto r = run_renkei({"list", "municipality"});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("kaminoseki   municipality  上関町        柳井圏域\n") != std::string::npos);
  CHECK(r.out.find("sanyo-onoda  municipality  山陽小野田市  宇部・小野田圏域\n") !=
        std::string::npos);
  CHECK(r.out.find("19 nodes\n") != std::string::npos);
  auto j = run_renkei({"list", "office", "--json"});
  REQUIRE(j.code == 0);
  CHECK(json::parse(j.out).size() == 45);
}

TEST_CASE("usage errors exit 2 with one line") {
  auto cmd = run_renkei({"valdate"});
  CHECK(cmd.code == 2);
  CHECK(cmd.err ==
        "renkei: error: unknown command \"valdate\" (did you mean \"validate\"?); run `renkei "
        "--help` for the list\n");
  auto kind = run_renkei({"list", "offices"});
  CHECK(kind.code == 2);
  CHECK(kind.err ==
        "renkei: error: unknown kind \"offices\" (did you mean \"office\"?); kinds are "
        "municipality, council, "
        "office, center, initiative or region\n");
  auto opt = run_renkei({"validate", "--bogus"});
  CHECK(opt.code == 2);
  CHECK(count_lines(opt.err) == 1);
  CHECK(opt.err.rfind("renkei: error: validate: ", 0) == 0);
  auto lang = run_renkei({"list", "--lang", "fr"});
  CHECK(lang.code == 2);
}

TEST_CASE("help comes from the command table") {
  auto r = run_renkei({"--help"});
  CHECK(r.code == 0);
  for (const char* c : {"validate", "summary", "list", "show"})
    CHECK(r.out.find(std::string("  ") + c) != std::string::npos);
  auto sub = run_renkei({"show", "--help"});
  CHECK(sub.code == 0);
  CHECK(sub.out.find("NODE") != std::string::npos);
}

TEST_CASE("a dataset file given with --data is read, and its errors name the pointer") {
  renkei::test::TempDir dir;
  json j = renkei::test::builtin_json();
  SECTION("a good copy loads, with its outside facts and source beside it") {
    auto path = renkei::test::write_dataset(dir, j);
    auto r = run_renkei({"validate", "--json", "--data", path});
    REQUIRE(r.code == 0);
    CHECK(json::parse(r.out)["nodes"]["region"] == 8);
  }
  SECTION("a broken copy") {
    j["edges"][3]["relation"] = "coordinates";
    auto path = renkei::test::write_dataset(dir, j);
    auto r = run_renkei({"validate", "--data", path});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "renkei: error: " + path +
                       ": /edges/3/relation: unknown relation \"coordinates\"; expected holds, "
                       "participates, part_of, "
                       "coordinator, liaises, runs or in_region (did you mean \"coordinator\"?)\n");
  }
  SECTION("a missing file, a directory") {
    auto r = run_renkei({"validate", "--data", dir.file("nope.json")});
    CHECK(r.code == 1);
    CHECK(r.err == "renkei: error: " + dir.file("nope.json") + ": no such file\n");
    auto d = run_renkei({"validate", "--data", dir.path()});
    CHECK(d.code == 1);
    CHECK(d.err == "renkei: error: " + dir.path() + ": is a directory, not a dataset file\n");
  }
}

TEST_CASE("summary names the shared offices") {
  auto r = run_renkei({"summary"});
  REQUIRE(r.code == 0);
  CHECK(
      r.out.find(
          "52 coordinator placements at 45 offices; 4 offices serve more than one municipality:") !=
      std::string::npos);
  CHECK(r.out.find("地域生活支援センターたんぽぽ → 柳井市, 上関町, 田布施町, 平生町") !=
        std::string::npos);
}

TEST_CASE("a short name means the municipality before the planning region") {
  // 柳井 is both 柳井市 without its suffix and the 柳井 planning region (an outside fact).
  auto r = run_renkei({"show", "柳井", "--json"});
  REQUIRE(r.code == 0);
  CHECK(json::parse(r.out)["node"]["id"] == "yanai");
  auto region = run_renkei({"show", "柳井圏域", "--json"});
  REQUIRE(region.code == 0);
  CHECK(json::parse(region.out)["node"]["kind"] == "region");
}

TEST_CASE("an unknown name suggests the node that shares a long piece of it") {
  auto r = run_renkei({"show", "たんぽぽ園"});
  CHECK(r.code == 2);
  CHECK(r.err ==
        "renkei: error: unknown node \"たんぽぽ園\" (did you mean "
        "\"地域生活支援センターたんぽぽ\"?)\n");
  auto none = run_renkei({"show", "xyzzy"});
  CHECK(none.code == 2);
  CHECK(none.err == "renkei: error: unknown node \"xyzzy\"; see `renkei list` for names\n");
}

TEST_CASE("control characters in the data or a path never reach the terminal as such") {
  // ESC ] 0 ; … BEL retitles a terminal, ESC [ 2 J clears it, U+009B is a one-character CSI.
  renkei::test::TempDir dir;
  json j = renkei::test::builtin_json();
  j["title"] = std::string("令和6年度\x1b[2J");
  j["nodes"][0]["note"] = std::string(
      "a note\x1b]0;pwned\x07 and \xc2\x9b"
      "31m red");
  std::string data = renkei::test::write_dataset(dir, j);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"show", "下関市", "--data", data},
        {"summary", "--data", data},
        {"validate", "--data", data}}) {
    auto r = run_renkei(args);
    INFO(args[0]);
    REQUIRE(r.code == 0);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find('\x07') == std::string::npos);
    CHECK(r.out.find("\xc2\x9b") == std::string::npos);
  }
  auto show = run_renkei({"show", "下関市", "--data", data});
  CHECK(show.out.find("a note\\u001b]0;pwned\\u0007 and \\u009b31m red") != std::string::npos);
  // --json keeps the value exactly: JSON escapes it
  json shown = json::parse(run_renkei({"show", "下関市", "--data", data, "--json"}).out);
  CHECK(shown["node"]["note"] == std::string("a note\x1b]0;pwned\x07 and \xc2\x9b"
                                             "31m red"));
  // A path with a line break or an ESC in it still gives one error line.
  auto missing = run_renkei({"validate", "--data", "no-such\n\x1b[2Jfile.json"});
  CHECK(missing.code == 1);
  CHECK(missing.err == "renkei: error: no-such\\u000a\\u001b[2Jfile.json: no such file\n");
}

TEST_CASE(
    "JSON answers carry C1 controls and DEL as escapes, the same characters to a JSON reader") {
  renkei::test::TempDir dir;
  json j = renkei::test::builtin_json();
  const std::string note = std::string(
      "csi \xc2\x9b"
      "2J del \x7f end, たんぽぽ");
  j["nodes"][0]["note"] = note;
  auto r = run_renkei({"show", "下関市", "--json", "--data", renkei::test::write_dataset(dir, j)});
  REQUIRE(r.code == 0);
  CHECK(r.out.find("\xc2\x9b") == std::string::npos);
  CHECK(r.out.find('\x7f') == std::string::npos);
  CHECK(r.out.find("csi \\u009b2J del \\u007f end, たんぽぽ") != std::string::npos);
  CHECK(json::parse(r.out)["node"]["note"] == note);
}

TEST_CASE("a command that needs no dataset does not read --data") {
  // `template` writes empty sheets: a dataset named beside it is not loaded, so a missing one
  // is no error (every other command refuses it: see tests/bad/cases.tsv).
  TempDir dir;
  Run r = run_renkei({"template", dir.file("sheets"), "--data", "/nonexistent.json"});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(read_file(dir.file("sheets/document.csv")).find("publisher") != std::string::npos);
  Run other = run_renkei({"summary", "--data", "/nonexistent.json"});
  CHECK(other.code == 1);
  CHECK(other.err == "renkei: error: /nonexistent.json: no such file\n");
}
