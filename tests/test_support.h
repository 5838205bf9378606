#pragma once
// Helpers shared by the tests: running the built binary, temporary directories, fixtures.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace renkei::test {

/// What one run of build/renkei produced.
struct Run {
  int code = -1;
  std::string out, err;
};

/// Runs the renkei binary with `args` (no shell quoting needed) and captures everything.
Run run_renkei(const std::vector<std::string>& args);

/// A fresh directory under the system temp dir, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);
/// The repository's own files (data/…, docs/…).
std::string repo_path(const std::string& relative);

/// The built-in dataset as JSON, to be changed by a test and written back out.
nlohmann::json builtin_json();
/// Writes `dataset` into `dir` with copies of the outside facts and source text beside it,
/// as data/ has them; returns the dataset's path.
std::string write_dataset(const TempDir& dir, const nlohmann::json& dataset);

}  // namespace renkei::test
