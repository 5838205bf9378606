// Nothing lost: when writing an output fails (file size limit, a folder the user cannot write
// to, the process killed mid-run), the file that was there before keeps its bytes, and no
// temporary is left behind except after SIGKILL, and then one named .NAME.renkei-tmp-*.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <map>
#include <thread>

#include "base/error.h"
#include "base/output_file.h"
#include "test_support.h"

namespace fs = std::filesystem;
using renkei::test::RunOptions;
using renkei::test::start_renkei;
using renkei::test::TempDir;
using renkei::test::wait_renkei;

namespace {

const std::string kOld = "the previous file, which must survive\n";

/// How the child is limited before it runs renkei.
struct Limits {
  std::uint64_t file_size =
      ~std::uint64_t{0};   ///< RLIMIT_FSIZE in bytes; SIGXFSZ is left at its default
  bool as_nobody = false;  ///< drop root, so that directory modes apply
};

struct Child {
  int pid;
};

Child start(const std::vector<std::string>& args, const Limits& lim, const std::string& err_path) {
  RunOptions o;
  o.file_size = lim.file_size;
  o.as_nobody = lim.as_nobody;
  return {start_renkei(args, o, err_path)};
}

int wait_code(int pid) { return wait_renkei(pid); }

/// Names in `dir` other than `keep`.
std::vector<std::string> others(const std::string& dir, const std::string& keep) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename() != keep) names.push_back(e.path().filename().string());
  return names;
}

/// Each command that writes a file, with `OUT` where its output path goes.
const std::vector<std::vector<std::string>>& writers() {
  static const std::vector<std::vector<std::string>> cmds = {
      {"render", "--preset", "region:柳井", "--format", "dot", "-o", "OUT"},
      {"render", "--preset", "region:柳井", "--format", "svg", "-o", "OUT"},
      {"explorer", "-o", "OUT"},
      {"export", "--format", "graphml", "-o", "OUT"},
  };
  return cmds;
}

std::vector<std::string> with_output(std::vector<std::string> cmd, const std::string& out) {
  for (auto& a : cmd)
    if (a == "OUT") a = out;
  return cmd;
}

}  // namespace

TEST_CASE("over the file size limit, the previous output survives and no temporary is left") {
  for (const auto& cmd : writers()) {
    TempDir dir;
    std::string out = dir.file("result");
    renkei::test::write_file(out, kOld);
    Limits lim;
    lim.file_size =
        1024;  // every output here is larger; SIGXFSZ left at its default: renkei ignores it
    Child c = start(with_output(cmd, out), lim, dir.file("err"));
    int code = wait_code(c.pid);
    std::string err = renkei::test::read_file(dir.file("err"));
    INFO(cmd[0] << " " << cmd[1] << ": " << err);
    CHECK(code == 1);
    CHECK(err == "renkei: error: " + out +
                     ": write failed (File too large: over the file size limit (ulimit -f)); the "
                     "previous file is unchanged\n");
    CHECK(renkei::test::read_file(out) == kOld);
    CHECK(others(dir.path(), "result") == std::vector<std::string>{"err"});
  }
}

TEST_CASE("a folder the user cannot write to leaves the previous output as it was") {
  // Root writes through mode bits, so as root the child drops to `nobody`; the folder is
  // root's and mode 0555, a read-only folder for every other user.
  for (const auto& cmd : writers()) {
    TempDir dir;
    std::string folder = dir.file("ro");
    fs::create_directory(folder);
    std::string out = folder + "/result";
    renkei::test::write_file(out, kOld);
    chmod(dir.path().c_str(), 0777);  // the error file goes here
    chmod(folder.c_str(), 0555);
    Limits lim;
    lim.as_nobody = geteuid() == 0;
    Child c = start(with_output(cmd, out), lim, dir.file("err"));
    int code = wait_code(c.pid);
    std::string err = renkei::test::read_file(dir.file("err"));
    INFO(cmd[0] << " " << cmd[1] << ": " << err);
    if (lim.as_nobody &&
        code == 127) {  // the checkout is not reachable for `nobody` (e.g. under a 0700 temp dir)
      WARN("skipped: the binary cannot be run as nobody from this checkout");
      continue;
    }
    CHECK(code == 1);
    CHECK(err ==
          "renkei: error: " + out + ": cannot create a file in " + folder +
              " (Permission denied: the folder is not writable); the previous file is unchanged\n");
    CHECK(renkei::test::read_file(out) == kOld);
    CHECK(others(folder, "result").empty());
    chmod(folder.c_str(), 0755);
  }
}

TEST_CASE("killed at any moment, the output is the old file or the whole new one") {
  // SIGKILL cannot be caught: if it lands while the temporary is being written, that
  // temporary stays. The invariant is that `result` is never partial, and that a leftover is
  // recognisable by its name. Kills are spread over the whole run (load, layout, write).
  TempDir dir;
  std::vector<std::string> cmd = {"render", "--preset", "overview", "--format", "svg", "-o", "OUT"};
  std::string reference = dir.file("reference.svg");
  auto t0 = std::chrono::steady_clock::now();
  REQUIRE(renkei::test::run_renkei(with_output(cmd, reference)).code == 0);
  auto full = std::chrono::steady_clock::now() - t0;
  std::string whole = renkei::test::read_file(reference);
  int replaced = 0, kept = 0;
  for (int step = 1; step <= 12; ++step) {
    TempDir run;
    std::string out = run.file("result");
    renkei::test::write_file(out, kOld);
    Child c = start(with_output(cmd, out), {}, dir.file("err"));
    // Steps 1–11 kill at 1/10 … 11/10 of the reference run; the last run is left to finish
    // (on a busy machine even 11/10 may land before the end), so one run surely replaces it.
    if (step < 12) {
      std::this_thread::sleep_for(full * step / 10);
      kill(c.pid, SIGKILL);
    }
    wait_code(c.pid);
    std::string now = renkei::test::read_file(out);
    INFO("kill after " << step << "/10 of a run");
    CHECK((now == kOld || now == whole));
    (now == kOld ? kept : replaced)++;
    for (const auto& name : others(run.path(), "result"))
      CHECK(name.rfind(std::string(".result") + renkei::kTempInfix, 0) == 0);
  }
  CHECK(kept + replaced == 12);
  CHECK(replaced >= 1);  // at least the run that was not killed replaced it
}

TEST_CASE("write_file_atomically replaces a file whole and keeps its permissions") {
  TempDir dir;
  std::string out = dir.file("x.txt");
  renkei::test::write_file(out, kOld);
  chmod(out.c_str(), 0600);
  renkei::write_file_atomically(out, "new");
  CHECK(renkei::test::read_file(out) == "new");
  struct stat st;
  REQUIRE(stat(out.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(others(dir.path(), "x.txt").empty());
  CHECK_THROWS_WITH(renkei::write_file_atomically(dir.path(), "x"),
                    dir.path() + ": is a directory; give a file name");
  CHECK_THROWS_WITH(
      renkei::write_file_atomically("/dev/null", "x"),
      "/dev/null: is not a regular file (a device, pipe or socket); give a file name");
  CHECK_THROWS_WITH(renkei::write_file_atomically(dir.file("none/x.txt"), "x"),
                    dir.file("none/x.txt") + ": the folder " + dir.file("none") +
                        " does not exist; create it first");
}

TEST_CASE(
    "no command writes over a file it reads, by any name, nor replaces a dataset with its output") {
  using renkei::test::read_file;
  using renkei::test::repo_path;
  using renkei::test::run_renkei;
  TempDir dir;
  fs::create_directories(dir.file("source"));
  fs::copy_file(repo_path("data/source/yamaguchi-r6.txt"), dir.file("source/yamaguchi-r6.txt"));
  fs::copy_file(repo_path("data/yamaguchi-regions.json"), dir.file("yamaguchi-regions.json"));
  fs::copy_file(repo_path("data/yamaguchi-r6.json"), dir.file("r7.json"));
  fs::create_hard_link(dir.file("r7.json"), dir.file("hard.json"));
  const std::string data = read_file(dir.file("r7.json"));
  const std::string outside = read_file(dir.file("yamaguchi-regions.json"));
  const std::string source = read_file(dir.file("source/yamaguchi-r6.txt"));
  std::vector<std::vector<std::string>> slips = {
      {"export", "--data", dir.file("r7.json"), "-o", dir.file("r7.json")},
      {"export", "--data", dir.file("r7.json"), "--format", "dot", "-o",
       dir.file("hard.json")},  // another name, same inode
      {"render", "--preset", "overview", "--format", "dot", "--data", dir.file("r7.json"), "-o",
       dir.file("r7.json")},
      {"explorer", "--data", dir.file("r7.json"), "-o",
       dir.file("yamaguchi-regions.json")},  // read beside it
      {"render", "--preset", "overview", "--format", "dot", "--data", dir.file("r7.json"), "-o",
       dir.file("source/yamaguchi-r6.txt")},
      {"export", "--format", "graphml", "-o",
       dir.file("r7.json")},  // the built-in data: r7.json is not read, but is a dataset
  };
  for (std::size_t i = 0; i < slips.size(); ++i) {
    auto r = run_renkei(slips[i]);
    INFO(slips[i][0] << " " << slips[i].back() << ": " << r.err);
    CHECK(r.code == 1);
    CHECK(r.err.rfind("renkei: error: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
  CHECK(read_file(dir.file("r7.json")) == data);
  CHECK(read_file(dir.file("yamaguchi-regions.json")) == outside);
  CHECK(read_file(dir.file("source/yamaguchi-r6.txt")) == source);
  // Writing a dataset over a dataset is how next year's is made: still allowed.
  auto sheets = run_renkei(
      {"export", "--data", dir.file("r7.json"), "--format", "sheets", "-o", dir.file("sheets")});
  REQUIRE(sheets.code == 0);
  auto over_sheet =
      run_renkei({"import", dir.file("sheets"), "-o", dir.file("sheets/document.csv")});
  CHECK(over_sheet.code == 1);
  CHECK(over_sheet.err.find("is an input of this command") != std::string::npos);
  fs::copy_file(dir.file("r7.json"), dir.file("old.json"));
  auto again = run_renkei({"import", dir.file("sheets"), "-o", dir.file("old.json")});
  INFO(again.err);
  CHECK(again.code == 0);
}

TEST_CASE("a snapshot that cannot be stored never fails the command (ulimit -f, SIGXFSZ)") {
  // Storing a snapshot is an optimisation: over the file size limit the command still
  // answers, exits 0, and leaves no temporary in the cache.
  TempDir dir;
  nlohmann::json j = renkei::test::builtin_json();
  j["document"]["note"] = std::string(1200 * 1024, 'n');  // over the 1 MB a snapshot needs
  std::string data = renkei::test::write_dataset(dir, j);
  std::string cache = dir.file("cache");
  setenv("RENKEI_CACHE", cache.c_str(), 1);
  Limits lim;
  lim.file_size = 64 * 1024;  // the dataset is read, not written; the snapshot would be larger
  Child c = start({"summary", "--data", data}, lim, dir.file("err"));
  int code = wait_code(c.pid);
  unsetenv("RENKEI_CACHE");
  INFO(renkei::test::read_file(dir.file("err")));
  CHECK(code == 0);
  if (fs::is_directory(cache)) CHECK(others(cache, "").empty());
}

TEST_CASE("export --format sheets does not replace sheets someone has filled in, unless --force") {
  using renkei::test::read_file;
  using renkei::test::run_renkei;
  TempDir dir;
  std::string sheets = dir.file("r7");
  REQUIRE(run_renkei({"export", "--format", "sheets", "-o", sheets}).code == 0);
  // The same data again changes nothing, so it is fine.
  CHECK(run_renkei({"export", "--format", "sheets", "-o", sheets}).code == 0);
  const std::string typed = read_file(sheets + "/placements.csv") +
                            "上関町,2,たちばな園相談支援事業所,,,16,3,②たちばな園\r\n";
  renkei::test::write_file(sheets + "/placements.csv", typed);
  auto again = renkei::test::run_renkei_ja({"export", "--format", "sheets", "-o", sheets});
  CHECK(again.code == 1);
  CHECK(again.err == "renkei: エラー: " + sheets +
                         ": すでにあるファイルのうち1件がこのデータのものと違います"
                         "（placements.csv）。誰かが入力したものかもしれないので、renkei は"
                         "上書きしません。空のフォルダを選ぶか、置き換えるなら --force を"
                         "付けてください\n");
  CHECK(read_file(sheets + "/placements.csv") == typed);
  CHECK(run_renkei({"export", "--format", "sheets", "-o", sheets, "--force"}).code == 0);
  CHECK(read_file(sheets + "/placements.csv") != typed);
}

TEST_CASE("a set of files is replaced as a whole or not at all, and a mixed set is refused") {
  using renkei::test::read_file;
  using renkei::test::repo_path;
  using renkei::test::run_renkei;
  TempDir dir;
  std::string sheets = dir.file("sheets");
  // Last year's set first (the diff fixture stands for another year's data).
  REQUIRE(run_renkei({"export", "--data", repo_path("tests/data/next-year.json"), "--format",
                      "sheets", "-o", sheets})
              .code == 0);
  std::map<std::string, std::string> before;
  for (const auto& e : fs::recursive_directory_iterator(sheets))
    if (e.is_regular_file()) before[e.path().string()] = read_file(e.path().string());
  // This year's set, over the file size limit for its larger sheets: the small sheets are
  // ready first, but none may replace its old file.
  Limits lim;
  lim.file_size = 8 * 1024;
  Child c = start({"export", "--format", "sheets", "-o", sheets, "--force"}, lim, dir.file("err"));
  CHECK(wait_code(c.pid) == 1);
  std::string err = read_file(dir.file("err"));
  INFO(err);
  CHECK(err.find("was replaced") != std::string::npos);
  std::map<std::string, std::string> after;
  for (const auto& e : fs::recursive_directory_iterator(sheets))
    if (e.is_regular_file()) after[e.path().string()] = read_file(e.path().string());
  CHECK(after == before);  // the same files, byte for byte, and no temporary beside them

  // A run killed among the renames: this year's set with one of last year's files left in it
  // (older than the set, and not the file written with it: たんぽぽ's placements differ).
  std::string old_placements = before.at(sheets + "/placements.csv");
  REQUIRE(run_renkei({"export", "--format", "sheets", "-o", sheets, "--force"}).code == 0);
  renkei::test::write_file(sheets + "/placements.csv", old_placements);
  timespec past[2] = {{time(nullptr) - 3600, 0}, {time(nullptr) - 3600, 0}};
  REQUIRE(utimensat(AT_FDCWD, (sheets + "/placements.csv").c_str(), past, 0) == 0);
  auto mixed = run_renkei({"import", sheets, "-o", dir.file("chimera.json")});
  CHECK(mixed.code == 1);
  CHECK(mixed.err == "renkei: error: " + sheets +
                         "/placements.csv: is older than the rest of its set and not the file " +
                         "written with it: a write of " + sheets +
                         " was interrupted, so its files mix two datasets; " +
                         "write them again\n");
  CHECK_FALSE(fs::exists(dir.file("chimera.json")));
  // The same file edited after the set was written is someone's typing: imported.
  renkei::test::write_file(sheets + "/placements.csv",
                           read_file(sheets + "/placements.csv"));  // touch: now newer
  REQUIRE(run_renkei({"export", "--format", "sheets", "-o", sheets, "--force"}).code == 0);
  std::string placements = read_file(sheets + "/placements.csv");
  renkei::test::write_file(sheets + "/placements.csv",
                           placements);  // rewritten after the set: newer, same rows
  CHECK(run_renkei({"import", sheets}).code == 0);
  // export --format csv writes its pair as one set too
  REQUIRE(run_renkei({"export", "--format", "csv", "-o", dir.file("pair")}).code == 0);
  CHECK(fs::exists(dir.file("pair/.renkei-set")));
}
