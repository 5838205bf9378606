// explorer: one self-contained HTML file to search, click through and present from, offline.
#include "explorer/explorer.h"
#include "base/error.h"
#include "base/output_file.h"
#include "base/say.h"
#include "cli/commands.h"

namespace renkei {

/// The options of `renkei explorer`.
struct ExplorerOptions {
  std::string output;
};
void run_explorer(Context& c, const ExplorerOptions& opt);

Handler setup_explorer(OptionSet& app) {
  auto o = std::make_shared<ExplorerOptions>();
  o->output = "explorer.html";
  app.add_option("-o,--output", o->output, say("file to write (default: explorer.html)"))
      ->type_name("FILE.html");
  return [o](Context& c) { run_explorer(c, *o); };
}

void run_explorer(Context& c, const ExplorerOptions& opt) {
  if (opt.output.empty()) throw usage_error(say("explorer: -o needs a file name"));
  Network net(c.ds);
  write_file_atomically(opt.output, explorer_html(net, c.lang(), explorer_drawings(net)));
  if (c.options.json)
    print_json(c.out, {{"wrote", opt.output}});
  else
    c.out << say("wrote {1}", {opt.output}) << "\n";
}

}  // namespace renkei
