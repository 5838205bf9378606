#include "commands.h"
#include "error.h"

namespace renkei {
// Placeholder until the command is written (issue 7); replaced by its owner.
void setup_diff(CLI::App&, Options&) {}
void run_diff(Context&) { throw usage_error("diff: not written yet"); }
}  // namespace renkei
