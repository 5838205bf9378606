#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

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

std::string repo_path(const std::string& relative) { return std::string(RENKEI_SOURCE_DIR) + "/" + relative; }

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

Run run_renkei(const std::vector<std::string>& args) {
  TempDir dir;
  std::string out_path = dir.file("out"), err_path = dir.file("err");
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    std::string bin = RENKEI_BINARY;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (!freopen(out_path.c_str(), "w", stdout) || !freopen(err_path.c_str(), "w", stderr)) _exit(127);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  Run r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

nlohmann::json builtin_json() { return nlohmann::json::parse(read_file(repo_path("data/yamaguchi-r6.json"))); }

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

}  // namespace renkei::test
