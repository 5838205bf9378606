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
  std::string old_file, new_file;
};
void run_diff(Context& c, const DiffOptions& opt);

Handler setup_diff(OptionSet& app) {
  auto o = std::make_shared<DiffOptions>();
  app.add_option("OLD", o->old_file, say("the older dataset (a file or a folder of sheets)"))
      ->required();
  app.add_option("NEW", o->new_file, say("the newer one, compared with OLD"))->required();
  return [o](Context& c) { run_diff(c, *o); };
}

void run_diff(Context& c, const DiffOptions& opt) {
  // Sheet folders are matched against the data loaded with --data (OLD) and OLD (NEW), so
  // that an office keeps its id from one year to the next.
  Dataset old_ds = load_diff_side(opt.old_file, c.ds);
  Dataset new_ds = load_diff_side(opt.new_file, old_ds);
  DatasetDiff d = diff_datasets(old_ds, new_ds);
  print_diff(c, d);
}

}  // namespace renkei
