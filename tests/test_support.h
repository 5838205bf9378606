#pragma once
// Helpers shared by the tests: running the built binary, temporary directories, fixtures.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "model/dataset.h"

namespace renkei::test {

/// What one run of build/renkei produced.
struct Run {
  int code = -1;           ///< exit code, or 128 + the signal that ended it
  bool timed_out = false;  ///< ended by the RunOptions timeout
  std::string out, err;
};

/// How the child is set up before it runs renkei. Standard input is always /dev/null.
struct RunOptions {
  std::string dir;         ///< working directory; empty: the test's own
  bool as_nobody = false;  ///< drop root first, so that directory modes apply
  std::uint64_t file_size =
      ~std::uint64_t{0};         ///< RLIMIT_FSIZE in bytes; SIGXFSZ left at its default
  unsigned timeout_seconds = 0;  ///< SIGALRM (which survives exec) after this long; 0: none
  /// As a user who set nothing: Japanese sentences. Otherwise the child runs with
  /// RENKEI_LANG=en (English sentences, names as the table writes them), which most tests,
  /// written against the English sentences, pin.
  bool japanese = false;
};

/// Runs the renkei binary with `args` (no shell quoting needed) and captures everything.
/// This is the one place the tests start the binary.
Run run_renkei(const std::vector<std::string>& args, const RunOptions& options = {});
/// run_renkei as a new user runs it: no RENKEI_LANG, so every sentence is Japanese.
Run run_renkei_ja(const std::vector<std::string>& args, RunOptions options = {});

/// Starts the binary without waiting (standard output to /dev/null, standard error to
/// `err_path`), for tests that stop it mid-run; wait_renkei gives its exit code.
int start_renkei(const std::vector<std::string>& args, const RunOptions& options,
                 const std::string& err_path);
int wait_renkei(int pid);

/// Runs a shell command and returns its standard output.
std::string shell(const std::string& command);

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
/// The built-in dataset, loaded once per test run.
const Dataset& builtin_data();
/// The index of the node with this id; fails the test when there is none.
std::size_t node_index(const Dataset& ds, const std::string& id);
/// How many times `what` occurs in `text`, not overlapping.
std::size_t count_of(const std::string& text, const std::string& what);
/// `s` with every `from` replaced by `to`.
std::string replace_all(std::string s, const std::string& from, const std::string& to);
/// Writes `dataset` into `dir` with copies of the outside facts and source text beside it,
/// as data/ has them; returns the dataset's path.
std::string write_dataset(const TempDir& dir, const nlohmann::json& dataset);

}  // namespace renkei::test
