// Files renkei must refuse with one clear line instead of hanging, running out of memory or
// overflowing the stack: too large, nested too deep, not text, not a regular file
// (docs/data-model.md, "Limits"). And the row limit that lets all of Japan fit.
#include <utf8proc.h>
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "base/error.h"
#include "base/text.h"
#include "formats/load.h"
#include "test_support.h"

using namespace renkei;
using renkei::test::run_renkei;
using renkei::test::TempDir;

namespace {

/// The one line `renkei validate --data path` prints, after checking it fails with exit 1
/// and prints nothing else.
std::string validate_error(const std::string& path) {
  auto r = run_renkei({"validate", "--data", path});
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  return r.err;
}

/// The message of loading `text` as "t.json" (no files beside it).
std::string load_text_error(const std::string& text) {
  try {
    load_dataset(text, "t.json", [](const std::string&) { return std::nullopt; });
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::DataError);
    return e.what();
  }
  return "(loaded without error)";
}

/// An object whose field holds arrays nested `arrays` deep: arrays + 1 levels in all.
std::string nested(std::size_t arrays) {
  return "{\"format\": " + std::string(arrays, '[') + std::string(arrays, ']') + "}";
}

}  // namespace

TEST_CASE("a file over 256 MB is refused before it is read") {
  TempDir dir;
  std::string big = dir.file("big.json");
  test::write_file(big, "{");
  std::filesystem::resize_file(big, (std::uint64_t{256} << 20) + 1);  // sparse: no disk, no memory
  CHECK(validate_error(big) == "renkei: error: " + big +
                                   ": the file is 257 MB, more than renkei reads (256 MB); split "
                                   "the data into smaller files\n");

  SECTION("also the outside facts a dataset names") {
    std::string path = test::write_dataset(dir, test::builtin_json());
    std::filesystem::resize_file(dir.file("yamaguchi-regions.json"), std::uint64_t{300} << 20);
    CHECK(validate_error(path) ==
          "renkei: error: " + dir.file("yamaguchi-regions.json") +
              ": the file is 300 MB, more than renkei reads (256 MB); split the data into "
              "smaller files\n");
  }
  SECTION("and its source text") {
    std::string path = test::write_dataset(dir, test::builtin_json());
    std::filesystem::resize_file(dir.file("source/yamaguchi-r6.txt"), std::uint64_t{1} << 30);
    CHECK(validate_error(path) ==
          "renkei: error: " + dir.file("source/yamaguchi-r6.txt") +
              ": the file is 1024 MB, more than renkei reads (256 MB); split the data into "
              "smaller files\n");
  }
}

TEST_CASE("arrays and objects nested deeper than 64 levels are refused") {
  const std::string message =
      ": arrays and objects are nested more than 64 deep; renkei's files need far fewer levels";
  // The outer object is level 1, so the 64th "[" (column 75) is the 65th level.
  CHECK(load_text_error(nested(64)) == "t.json:1:75" + message);
  // A million levels: refused at the 65th, no stack overflow, no memory blow-up.
  CHECK(load_text_error(nested(1000000)) == "t.json:1:75" + message);
  // 64 levels parse; what fails then is the content, not the nesting.
  CHECK(
      load_text_error(nested(63)) ==
      "t.json: /format: expected a string, got an array [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[…");

  TempDir dir;
  std::string path = dir.file("deep.json");
  test::write_file(path,
                   "{\n  \"nodes\": " + std::string(200, '[') + std::string(200, ']') + "\n}\n");
  CHECK(validate_error(path) == "renkei: error: " + path + ":2:75" + message + "\n");
}

TEST_CASE("files that are not UTF-8 JSON text get one line each") {
  TempDir dir;
  std::string path = dir.file("data.json");
  SECTION("invalid UTF-8") {
    test::write_file(path, "{\"title\": \"\xe4\xb8\"}");
    CHECK(validate_error(path) ==
          "renkei: error: " + path + ": the file is not valid UTF-8; save it as UTF-8\n");
  }
  SECTION("a NUL byte, inside or after the JSON") {
    test::write_file(path, std::string("{\"format\": \"renkei-dataset/1\"}\n\0\0", 33));
    CHECK(
        validate_error(path) ==
        "renkei: error: " + path +
            ":2:1: the file contains a NUL byte; a JSON file is text (is this the right file?)\n");
    test::write_file(path, std::string("{\"title\": \"a\0b\"}", 16));
    CHECK(
        validate_error(path) ==
        "renkei: error: " + path +
            ":1:13: the file contains a NUL byte; a JSON file is text (is this the right file?)\n");
  }
  SECTION("a byte order mark is refused, with how to fix it") {
    test::write_file(path,
                     "\xEF\xBB\xBF" + test::read_file(test::repo_path("data/yamaguchi-r6.json")));
    CHECK(validate_error(path) ==
          "renkei: error: " + path +
              ":1:1: the file starts with a UTF-8 byte order mark; save it as UTF-8 without BOM\n");
  }
  SECTION("an empty file") {
    test::write_file(path, "");
    CHECK(validate_error(path) ==
          "renkei: error: " + path + ": the file is empty; expected a renkei dataset (JSON)\n");
  }
}

TEST_CASE("only regular files are read") {
  TempDir dir;
  SECTION("a missing file") {
    CHECK(validate_error(dir.file("nope.json")) ==
          "renkei: error: " + dir.file("nope.json") + ": no such file\n");
  }
  SECTION("a directory") {
    CHECK(validate_error(dir.path()) ==
          "renkei: error: " + dir.path() + ": is a directory, not a dataset file\n");
  }
  SECTION("/dev/null") {
    CHECK(validate_error("/dev/null") ==
          "renkei: error: /dev/null: not a regular file (a device, pipe or socket); renkei reads "
          "data from files\n");
  }
  SECTION("a FIFO nobody writes to does not hang") {
    std::string fifo = dir.file("pipe.json");
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(validate_error(fifo) ==
          "renkei: error: " + fifo +
              ": not a regular file (a device, pipe or socket); renkei reads data from files\n");
  }
  SECTION("an unreadable file") {
    if (geteuid() != 0) {  // root reads whatever the permissions say
      std::string path = dir.file("locked.json");
      test::write_file(path, "{}");
      chmod(path.c_str(), 0);
      CHECK(validate_error(path) ==
            "renkei: error: " + path + ": cannot be read (check its permissions)\n");
    }
    // A regular file whose read fails for anyone: the process's own memory at address 0.
    CHECK(validate_error("/proc/self/mem") ==
          "renkei: error: /proc/self/mem: cannot be read (Input/output error)\n");
  }
}

TEST_CASE("rows go up to 99999, room for all of Japan ten times over") {
  nlohmann::json j = test::builtin_json();
  for (auto& n : j["nodes"])
    if (n["id"] == "kaminoseki") n["row"] = 17410;
  TempDir dir;
  CHECK(run_renkei({"validate", "--data", test::write_dataset(dir, j)}).code == 0);
  for (auto& n : j["nodes"])
    if (n["id"] == "kaminoseki") n["row"] = 100000;
  CHECK(validate_error(test::write_dataset(dir, j))
            .find(": 100000 is out of range; expected 1 to 99999\n") != std::string::npos);
}

TEST_CASE("names made of kana, kanji and ASCII get the same match key without utf8proc") {
  // match_key skips normalizing such names; that is only right if NFKC with case folding
  // leaves each of their code points alone and none of them combines with the one before.
  std::size_t stable = 0;
  for (std::int32_t cp = 0; cp < 0x110000; ++cp) {
    if (!is_nfkc_casefold_stable(cp)) continue;
    ++stable;
    utf8proc_uint8_t buf[4];
    std::string one(reinterpret_cast<char*>(buf),
                    static_cast<std::size_t>(utf8proc_encode_char(cp, buf)));
    if (nfkc_casefold(one) != one) FAIL("U+" << std::hex << cp << " changes under NFKC_Casefold");
    if (utf8proc_get_property(cp)->combining_class != 0)
      FAIL("U+" << std::hex << cp << " is a combining mark");
  }
  CHECK(stable > 20000);                            // the CJK block alone has 20,992
  for (std::int32_t cp = 0; cp < 0x110000; ++cp) {  // no canonical pair ends in one of them
    utf8proc_int32_t parts[4];
    int last_boundclass = 0;
    utf8proc_ssize_t n =
        utf8proc_decompose_char(cp, parts, 4, UTF8PROC_DECOMPOSE, &last_boundclass);
    if (n == 2 && is_nfkc_casefold_stable(parts[1]))
      FAIL("U+" << std::hex << cp << " composes from a stable code point U+" << parts[1]);
  }
  CHECK(nfkc_casefold("ABCxyz") == "abcxyz");
  CHECK(match_key("Kaminoseki Town") == match_key("ｋａｍｉｎｏｓｅｋｉ　ｔｏｗｎ"));
  CHECK(match_key("上関町") == "上関町");
  CHECK(match_key("センタ一") == "センター");  // a kanji 一 misread for ー after kana
}

TEST_CASE("match_key's fast path for stable names gives the keys utf8proc gives") {
  // Every stable code point alone, after kana, and between spaces, dashes and dots.
  std::vector<std::string> names = {
      "Kaminoseki Town",  "p001-m001", "センタ一", "一センター", "ア・イ", "a\tb\nc\rd",
      "相談支援ふる一む", "",          " ",        "--",         "ー一",   "ABC-xyz 01"};
  utf8proc_uint8_t buf[4];
  for (std::int32_t cp = 0; cp < 0x110000; ++cp) {
    if (!is_nfkc_casefold_stable(cp) && !(cp >= 'A' && cp <= 'Z')) continue;
    std::string one(reinterpret_cast<char*>(buf),
                    static_cast<std::size_t>(utf8proc_encode_char(cp, buf)));
    names.push_back(one);
    names.push_back("カ" + one + " -");
  }
  for (const Node& n : load_builtin_dataset().nodes) {
    names.push_back(n.id);
    names.push_back(n.name);
    names.push_back(n.name_en);
  }
  std::size_t differ = 0;
  for (const auto& name : names)
    if (match_key(name) != match_key_general(name) && ++differ < 5)
      FAIL_CHECK("\"" << name << "\"");
  CHECK(differ == 0);
  CHECK(match_key("p001-m001") == "p001ーm001");  // a hyphen and ー are one character
}
