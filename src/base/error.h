#pragma once
#include <stdexcept>
#include <string>

namespace renkei {

/// How a failure ends the program: exit code 1 (data or no result) or 2 (usage).
enum class ExitCode { Ok = 0, DataError = 1, UsageError = 2 };

/// A failure the user can act on; main prints it once as "renkei: error: <what>".
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& what) : std::runtime_error(what), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

/// Thrown for bad data files and for queries with no result (exit 1).
inline Error data_error(const std::string& what) { return Error(ExitCode::DataError, what); }
/// Thrown for bad command lines: unknown names, bad options (exit 2).
inline Error usage_error(const std::string& what) { return Error(ExitCode::UsageError, what); }

}  // namespace renkei
