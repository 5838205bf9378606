// The catalogue of bad inputs (tests/bad/cases.tsv, docs/robustness.md): each case runs the
// binary twice, as a user does (Japanese) and with RENKEI_LANG=en, and must end with its exit
// code and exactly one line, "renkei: エラー: <Japanese>" and "renkei: error: <English>",
// nothing on standard output, no file left behind, no sanitizer report and no hang.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "test_support.h"

namespace fs = std::filesystem;
using renkei::test::Run;
using renkei::test::run_renkei;
using renkei::test::RunOptions;
using renkei::test::TempDir;

namespace {

constexpr unsigned kTimeoutSeconds =
    60;  // generous for ASan on a busy machine; real runs take < 1 s

/// One line of tests/bad/cases.tsv.
struct Case {
  std::string id, input, args, english, japanese, status;
  int code = 0;
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep)
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

std::vector<Case> read_cases() {
  std::ifstream in(renkei::test::repo_path("tests/bad/cases.tsv"));
  std::vector<Case> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto f = split(line, '\t');
    if (f.size() != 7)
      throw std::runtime_error("tests/bad/cases.tsv: not 7 tab-separated fields: " + line);
    cases.push_back({f[0], f[1], f[2], f[4], f[5], f[6], std::stoi(f[3])});
  }
  return cases;
}

/// Runs the binary in `dir` with `args`, killed after kTimeoutSeconds; as `as_nobody`, the
/// child drops root first; in English (RENKEI_LANG=en) or as a user who set nothing.
Run run_in(const std::string& dir, const std::vector<std::string>& args, bool as_nobody,
           bool english) {
  RunOptions o;
  o.japanese = !english;
  o.dir = dir;
  o.as_nobody = as_nobody;
  o.timeout_seconds = kTimeoutSeconds;
  return run_renkei(args, o);
}

/// Every path under `dir`, for "nothing was written".
std::set<std::string> listing(const std::string& dir) {
  std::set<std::string> names;
  std::error_code ec;
  for (auto it =
           fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    names.insert(it->path().lexically_relative(dir).string());
  }
  return names;
}

/// Sets up the case's input in `dir` and returns the path the command line gives for it;
/// `skip` explains why the case cannot be run here.
std::string prepare(const Case& c, const TempDir& dir, bool& as_nobody, std::string& skip) {
  // Datasets name their source text and outside facts beside themselves, as data/ has them.
  fs::create_directories(dir.file("source"));
  fs::copy_file(renkei::test::repo_path("data/source/yamaguchi-r6.txt"),
                dir.file("source/yamaguchi-r6.txt"));
  fs::copy_file(renkei::test::repo_path("data/yamaguchi-regions.json"),
                dir.file("yamaguchi-regions.json"));
  const std::string& in = c.input;
  if (in == "-") return "";
  if (in.rfind("files/", 0) == 0) {
    std::string name = in.substr(6);
    fs::copy_file(renkei::test::repo_path("tests/bad/" + in), dir.file(name));
    return name;
  }
  if (in == "@directory") {
    fs::create_directory(dir.file("a-folder.json"));
    return "a-folder.json";
  }
  if (in == "@dev-null") return "/dev/null";
  if (in == "@fifo") {  // nobody ever writes to it: opening it for reading would block forever
    if (mkfifo(dir.file("pipe.json").c_str(), 0644) != 0) skip = "mkfifo failed";
    return "pipe.json";
  }
  if (in == "@missing") return "no-such-file.json";
  if (in == "@missing-folder") return "no-such-folder/data.json";
  if (in == "@through-a-file") {
    renkei::test::write_file(dir.file("plain.json"), "{}");
    return "plain.json/data.json";
  }
  if (in == "@symlink-loop") {
    fs::create_symlink("loop-b.json", dir.file("loop-a.json"));
    fs::create_symlink("loop-a.json", dir.file("loop-b.json"));
    return "loop-a.json";
  }
  if (in == "@unreadable") {
    // Root reads mode-000 files, so as root the child drops to nobody before running renkei:
    // the binary and the case's folder must then be reachable for nobody.
    fs::copy_file(renkei::test::repo_path("tests/bad/files/base-good.json"),
                  dir.file("locked.json"));
    chmod(dir.file("locked.json").c_str(), 0);
    if (geteuid() == 0) {
      as_nobody = true;
      chmod(dir.path().c_str(), 0755);
      if (access(RENKEI_BINARY, X_OK) != 0) skip = "cannot test an unreadable file as root here";
    } else if (access(dir.file("locked.json").c_str(), R_OK) == 0) {
      skip = "mode 000 does not stop this user from reading";
    }
    return "locked.json";
  }
  if (in == "@too-large") {  // sparse: 300 MB long, no disk used; must be refused before reading
    int fd = open(dir.file("huge.json").c_str(), O_WRONLY | O_CREAT, 0644);
    if (fd < 0 || ftruncate(fd, off_t{300} << 20) != 0) skip = "cannot make a sparse file";
    if (fd >= 0) close(fd);
    return "huge.json";
  }
  if (in ==
      "@ten-megabyte-string") {  // a 10 MB id: refused, and quoted in the message only in part
    std::string good =
        renkei::test::read_file(renkei::test::repo_path("tests/bad/files/base-good.json"));
    good.replace(good.find("\"id\": \"tanpopo\""), 15,
                 "\"id\": \"" + std::string(10 << 20, 'a') + "\"");
    renkei::test::write_file(dir.file("long-id.json"), good);
    return "long-id.json";
  }
  if (in == "@dataset" || in == "@dataset-link") {  // a valid dataset, as data/ has it
    fs::copy_file(renkei::test::repo_path("data/yamaguchi-r6.json"), dir.file("data.json"));
    if (in == "@dataset") return "data.json";
    fs::create_symlink("data.json", dir.file("link.json"));
    return "link.json";
  }
  if (in == "@deep-nesting") {
    renkei::test::write_file(dir.file("deep.json"),
                             std::string(100000, '[') + std::string(100000, ']'));
    return "deep.json";
  }
  throw std::runtime_error("tests/bad/cases.tsv: unknown input " + in);
}

}  // namespace

TEST_CASE("every bad input in tests/bad/cases.tsv ends in one error line") {
  std::vector<Case> cases = read_cases();
  REQUIRE(cases.size() >= 60);
  std::set<std::string> ids;
  std::vector<std::string> pending_mismatches;
  for (const Case& c : cases) {
    CHECK(ids.insert(c.id).second);
    TempDir dir;
    bool as_nobody = false;
    std::string skip;
    std::string in = prepare(c, dir, as_nobody, skip);
    if (!skip.empty()) {
      WARN(c.id << ": skipped: " << skip);
      continue;
    }
    std::vector<std::string> args;
    for (const std::string& a : split(c.args, ' '))
      if (a == "{empty}")  // an empty argument, as `--data ""` gives
        args.emplace_back();
      else if (!a.empty())
        args.push_back(renkei::test::replace_all(
            renkei::test::replace_all(renkei::test::replace_all(a, "{in}", in), "{dir}",
                                      dir.path()),
            "{invalid-utf8}", "\xff\xfe"));
    for (bool english : {false, true}) {
      const std::string prefix = english ? "renkei: error: " : "renkei: エラー: ";
      std::string expected =
          prefix +
          renkei::test::replace_all(
              renkei::test::replace_all(english ? c.english : c.japanese, "{in}", in), "{dir}",
              dir.path()) +
          "\n";
      auto before = listing(dir.path());
      Run o = run_in(dir.path(), args, as_nobody, english);
      INFO("case " << c.id << (english ? " (English)" : " (Japanese)") << ": renkei " << c.args
                   << "\nexit " << o.code << "\nstderr: " << o.err.substr(0, 2000));
      if (as_nobody && o.code == 127) {  // the checkout is not reachable for `nobody`
        WARN(c.id << ": skipped, the binary cannot be run as nobody from this checkout");
        break;
      }
      if (const char* dump = std::getenv("RENKEI_BAD_DUMP")) {
        // For writing a case: each message as it is now, to be read before it is pinned.
        std::ofstream(dump, std::ios::app)
            << c.id << '\t' << (english ? "en" : "ja") << '\t' << o.err.substr(0, 2000);
      }
      bool one_line = o.err.rfind(prefix, 0) == 0 &&
                      std::count(o.err.begin(), o.err.end(), '\n') == 1 && o.err.back() == '\n';
      if (c.status == "pending") {
        // Waits for a fix listed in docs/robustness.md: reported, not failed, unless it crashes.
        if (o.timed_out || o.code != c.code || !o.out.empty() || !one_line || o.err != expected)
          pending_mismatches.push_back(c.id);
        CHECK_FALSE(o.timed_out);
        CHECK(o.err.find("Sanitizer") == std::string::npos);
        CHECK(o.err.find("runtime error") == std::string::npos);
        CHECK(listing(dir.path()) == before);
        continue;
      }
      CHECK_FALSE(o.timed_out);
      CHECK(o.code == c.code);
      CHECK(o.out.empty());
      // One line, nothing else: no sanitizer report, no stack trace, no second message.
      CHECK(one_line);
      // Compared short: Catch2 takes minutes to print a 10 MB mismatch.
      CHECK(o.err.size() == expected.size());
      CHECK(o.err.substr(0, 2000) == expected.substr(0, 2000));
      CHECK(listing(dir.path()) == before);  // no output file, no temporary left behind
    }
  }
  std::string list;
  for (const auto& id : pending_mismatches) list += " " + id;
  if (!pending_mismatches.empty())
    WARN(pending_mismatches.size()
         << " cases wait for a fix listed in docs/robustness.md:" << list);
}
