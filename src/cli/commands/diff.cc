// diff: what changed between two years' tables, from offices to gaps, with the quotes.
#include <algorithm>

#include "base/error.h"
#include "base/say.h"
#include "base/text.h"
#include "cli/commands.h"
#include "diff/diff.h"
#include "report/diff.h"

namespace renkei {

/// The options of `renkei diff`.
struct DiffOptions {
  std::vector<std::string> positional;
};
void run_diff(Context& c, const DiffOptions& opt);

Handler setup_diff(OptionSet& app) {
  auto o = std::make_shared<DiffOptions>();
  app.add_option("OLD NEW", o->positional, say("the two dataset files to compare, older first"))
      ->required()
      ->expected(2);
  return [o](Context& c) { run_diff(c, *o); };
}

void run_diff(Context& c, const DiffOptions& opt) {
  if (opt.positional.size() != 2)
    throw usage_error(say("diff: give two datasets, OLD and NEW; see `renkei diff --help`"));
  // Sheet folders are matched against the data loaded with --data (OLD) and OLD (NEW), so
  // that an office keeps its id from one year to the next.
  Dataset old_ds = load_diff_side(opt.positional[0], c.ds);
  Dataset new_ds = load_diff_side(opt.positional[1], old_ds);
  DatasetDiff d = diff_datasets(old_ds, new_ds);
  print_diff(c, d);
}

}  // namespace renkei
