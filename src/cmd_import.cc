#include "commands.h"
#include "error.h"

namespace renkei {
// Placeholder until the command is written (issue 7); replaced by its owner.
void setup_template(CLI::App&, Options&) {}
void run_template(Context&) { throw usage_error("template: not written yet"); }
void setup_import(CLI::App&, Options&) {}
void run_import(Context&) { throw usage_error("import: not written yet"); }
}  // namespace renkei
