#include "test_support.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "formats/load.h"

namespace renkei::test {

namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string repo_path(const std::string& relative) {
  return std::string(RENKEI_SOURCE_DIR) + "/" + relative;
}

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "renkei-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}
TempDir::~TempDir() {
  std::error_code ec;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

namespace {

/// In the child: sets it up as `o` says, with its output in the given files, and runs renkei.
[[noreturn]] void exec_renkei(const std::vector<std::string>& args, const RunOptions& o,
                              const std::string& out_path, const std::string& err_path) {
  if (!o.dir.empty() && chdir(o.dir.c_str()) != 0) _exit(127);
  int in = open("/dev/null", O_RDONLY);
  int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
  int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
  if (in < 0 || out < 0 || err < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
    _exit(127);
  if (o.file_size != ~std::uint64_t{0}) {
    rlimit r{static_cast<rlim_t>(o.file_size), static_cast<rlim_t>(o.file_size)};
    if (setrlimit(RLIMIT_FSIZE, &r) != 0) _exit(127);
  }
  if (o.as_nobody && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(126);
  if (o.timeout_seconds) alarm(o.timeout_seconds);
  if (o.japanese)
    unsetenv("RENKEI_LANG");
  else
    setenv("RENKEI_LANG", "en", 1);
  std::string bin = RENKEI_BINARY;
  std::vector<std::string> copy = args;
  std::vector<char*> argv{bin.data()};
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(bin.c_str(), argv.data());
  _exit(127);
}

int exit_code(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

Run run_renkei(const std::vector<std::string>& args, const RunOptions& options) {
  TempDir dir;
  std::string out_path = dir.file("out"), err_path = dir.file("err");
  pid_t pid = fork();
  if (pid == 0) exec_renkei(args, options, out_path, err_path);
  int status = 0;
  waitpid(pid, &status, 0);
  Run r;
  r.timed_out = WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM;
  r.code = exit_code(status);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

int start_renkei(const std::vector<std::string>& args, const RunOptions& options,
                 const std::string& err_path) {
  pid_t pid = fork();
  if (pid == 0) exec_renkei(args, options, "/dev/null", err_path);
  return pid;
}

int wait_renkei(int pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return exit_code(status);
}

std::string shell(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run " + command);
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  return out;
}

nlohmann::json builtin_json() {
  return nlohmann::json::parse(read_file(repo_path("data/yamaguchi-r6.json")));
}

std::string write_dataset(const TempDir& dir, const nlohmann::json& dataset) {
  fs::create_directories(dir.file("source"));
  fs::copy_file(repo_path("data/yamaguchi-regions.json"), dir.file("yamaguchi-regions.json"),
                fs::copy_options::overwrite_existing);
  fs::copy_file(repo_path("data/source/yamaguchi-r6.txt"), dir.file("source/yamaguchi-r6.txt"),
                fs::copy_options::overwrite_existing);
  std::string path = dir.file("data.json");
  write_file(path, dataset.dump(2));
  return path;
}

const Dataset& builtin_data() {
  static const Dataset ds = load_builtin_dataset();
  return ds;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
    ++n;
  return n;
}

std::size_t node_index(const Dataset& ds, const std::string& id) {
  auto i = ds.find_id(id);
  REQUIRE(i);
  return *i;
}

Run run_renkei_ja(const std::vector<std::string>& args, RunOptions options) {
  options.japanese = true;
  return run_renkei(args, options);
}

}  // namespace renkei::test
