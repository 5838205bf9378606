#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace renkei {

/// Runs the renkei command line: `args` excludes the program name. Writes answers to
/// `out` and the one-line "renkei: error: …" to `err`; returns the exit code.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// With false, run_cli does not free the loaded dataset after a command succeeds: the
/// program's main sets it because the process ends right after, and freeing tens of
/// thousands of strings one by one only delays the exit. Default true (tests run many
/// commands in one process).
void set_free_data_at_end(bool free_it);

}  // namespace renkei
