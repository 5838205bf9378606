#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace renkei {

/// Runs the renkei command line: `args` excludes the program name. Writes answers to
/// `out` and the one-line "renkei: error: …" to `err`; returns the exit code.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace renkei
