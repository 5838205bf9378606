// explorer: one self-contained HTML file to search, click through and present from, offline.
#include "explorer/explorer.h"
#include "base/error.h"
#include "base/output_file.h"
#include "cli/commands.h"

namespace renkei {

void setup_explorer(CLI::App& app, Options& o) {
  o.output = "explorer.html";
  app.add_option("-o,--output", o.output, "file to write (default: explorer.html)")
      ->type_name("FILE.html");
}

void run_explorer(Context& c) {
  if (c.options.output.empty()) throw usage_error("explorer: -o needs a file name");
  Network net(c.ds);
  write_file_atomically(c.options.output, explorer_html(net, c.lang(), explorer_drawings(net)));
  if (c.options.json)
    print_json(c.out, {{"wrote", c.options.output}});
  else
    c.out << "wrote " << c.options.output << "\n";
}

}  // namespace renkei
