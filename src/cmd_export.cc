#include "commands.h"
#include "error.h"

namespace renkei {
// Placeholder until the command is written (issue 7); replaced by its owner.
void setup_export(CLI::App&, Options&) {}
void run_export(Context&) { throw usage_error("export: not written yet"); }
}  // namespace renkei
