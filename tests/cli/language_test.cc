// Issue 21, as a new user checks it: with no option renkei speaks Japanese (ASCII only for
// ids, commands, options, file names and numbers); --lang en and RENKEI_LANG=en give English.
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <regex>
#include <set>

#include "model/dataset.h"
#include "test_support.h"

using renkei::test::repo_path;
using renkei::test::Run;
using renkei::test::run_renkei;
using renkei::test::run_renkei_ja;
using renkei::test::TempDir;

namespace {

/// The first run of three or more ASCII words in `text` (an English phrase), leaving out
/// what stays ASCII on purpose: `commands` in backticks, quoted values 「…」, and the
/// option names and placeholders of the help (--data FILE).
std::string english_phrase(const std::string& text) {
  static const std::regex kept("`[^`]*`|「[^」]*」|--?[a-z][-a-z]*( [A-Z][A-Z.,\\[\\]|]*)?");
  static const std::regex phrase("[A-Za-z][a-z']+( [A-Za-z][a-z']+){2,}");
  std::string plain = std::regex_replace(text, kept, " ");
  std::smatch m;
  return std::regex_search(plain, m, phrase) ? m.str() : "";
}

/// The first of the data's own words (kinds, relations, stages: municipality, part_of,
/// planned) standing alone in `text`, outside `commands` and 「quotes」: a word an answer
/// should have said in Japanese. An id that holds one (kaminoseki-council) is not one.
std::string data_word(const std::string& text) {
  static const std::regex kept("`[^`]*`|「[^」]*」");
  std::set<std::string> words;
  for (const auto& t : renkei::kinds()) words.insert(t.word);
  for (const auto& t : renkei::relations()) words.insert(t.word);
  for (const auto& t : renkei::edge_statuses()) words.insert(t.word);
  for (const auto& t : renkei::activity_statuses()) words.insert(t.word);
  for (const auto& t : renkei::council_statuses()) words.insert(t.word);
  std::string plain = std::regex_replace(text, kept, " ");
  std::string token;
  for (char ch : plain + " ") {
    if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-') {
      token += ch;
    } else {
      if (words.count(token)) return token;
      token.clear();
    }
  }
  return "";
}

bool has_japanese(const std::string& text) {
  for (unsigned char ch : text)
    if (ch >= 0xE3) return true;  // the lead byte of kana and most kanji in UTF-8
  return false;
}

}  // namespace

TEST_CASE("a new user hears Japanese from every command the issue names, and English on request") {
  TempDir dir;
  // Sheets with one of them gone: an import with a mistake.
  REQUIRE(run_renkei({"export", "--format", "sheets", "-o", dir.file("sheets")}).code == 0);
  std::filesystem::remove(dir.file("sheets/municipalities.csv"));
  const std::vector<std::vector<std::string>> runs = {
      {"--help"},
      {"gaps"},
      {"whatif", "--remove", "たんぽぽ"},
      {"summary"},
      {"import", dir.file("sheets")},
      {"valdate"},
      {"summary", "--data", dir.file("nowhere.json")},
  };
  for (const auto& args : runs) {
    Run ja = run_renkei_ja(args);
    const std::string said = ja.out + ja.err;
    INFO("renkei " << args[0] << (args.size() > 1 ? " " + args[1] : "") << "\n" << said);
    CHECK(has_japanese(said));
    CHECK(english_phrase(said) == "");
    if (ja.code != 0) CHECK(ja.err.rfind("renkei: エラー: ", 0) == 0);

    std::vector<std::string> en_args = args;
    en_args.push_back("--lang");
    en_args.push_back("en");
    Run en = run_renkei_ja(en_args);
    CHECK(en.code == ja.code);
    CHECK(english_phrase(en.out + en.err) != "");
    if (en.code != 0) CHECK(en.err.rfind("renkei: error: ", 0) == 0);
  }
}

TEST_CASE("whatif says who is left with nothing as the issue writes it, in either language") {
  Run ja = run_renkei_ja({"whatif", "--remove", "たんぽぽ"});
  REQUIRE(ja.code == 0);
  // 資料2-② section 3, rows 16 (上関町) and 17 (田布施町): ①地域生活支援センターたんぼぼ, their
  // only office.
  CHECK(ja.out.find("地域生活支援センターたんぽぽが止まった場合") != std::string::npos);
  CHECK(ja.out.find("コーディネーターの配置先がなくなる市町: 上関町、田布施町") !=
        std::string::npos);
  Run en = run_renkei_ja({"whatif", "--remove", "たんぽぽ", "--lang", "en"});
  CHECK(en.out.find("left with no coordinator office of their own: Kaminoseki, Tabuse") !=
        std::string::npos);
  // RENKEI_LANG=en: English sentences about the names as the table writes them.
  Run env = run_renkei({"whatif", "--remove", "たんぽぽ"});
  CHECK(env.out.find("left with no coordinator office of their own: 上関町, 田布施町") !=
        std::string::npos);
}

TEST_CASE("every command's help and answers are Japanese by default") {
  // Each command's --help: a help text left unsaid shows its English here.
  for (const char* command : {"validate", "summary", "list", "show", "shared", "reach", "path",
                              "gaps", "whatif", "metrics", "initiatives", "render", "deck",
                              "graphs", "explorer", "template", "import", "diff", "export"}) {
    Run help = run_renkei_ja({command, "--help"});
    INFO("renkei " << command << " --help\n" << help.out);
    CHECK(help.code == 0);
    CHECK(english_phrase(help.out) == "");
  }
  // The answers beyond the list. (show is left out: a node's note and its outside
  // facts' provenance are the dataset's own words, which may be English.)
  const std::vector<std::vector<std::string>> runs = {
      {"validate"},
      {"list"},
      {"shared"},
      {"reach", "上関町"},
      {"reach", "上関町", "--directed"},
      {"path", "上関町", "下関市"},
      {"path", "上関町", "萩市"},
      {"gaps", "--explain", "all"},
      {"whatif", "--each", "office"},
      {"metrics"},
      {"initiatives"},
      {"diff", repo_path("data/yamaguchi-r6.json"), repo_path("tests/data/next-year.json")},
      {"summary", "--data", repo_path("data/yokohama-r6.json")},
      {"gaps", "--data", repo_path("data/yokohama-r6.json")},
  };
  for (const auto& args : runs) {
    Run ja = run_renkei_ja(args);
    INFO("renkei " << args[0] << (args.size() > 1 ? " " + args[1] : "") << "\n"
                   << ja.out << ja.err);
    CHECK(has_japanese(ja.out + ja.err));
    CHECK(english_phrase(ja.out + ja.err) == "");
    CHECK(data_word(ja.out + ja.err) == "");
  }
}
