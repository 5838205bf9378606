// deck: the council meeting's slides, as one PDF or an editable PowerPoint file.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "base/error.h"
#include "base/output_file.h"
#include "base/quoted.h"
#include "base/say.h"
#include "cli/commands.h"
#include "diagram/deck.h"
#include "diff/diff.h"
#include "formats/load.h"
#include "model/facts.h"

namespace renkei {

/// The options of `renkei deck`.
struct DeckCommandOptions {
  std::string output, against, as_of;
};
void run_deck(Context& c, const DeckCommandOptions& opt);

Handler setup_deck(OptionSet& app) {
  auto o = std::make_shared<DeckCommandOptions>();
  app.add_option("-o,--output", o->output,
                 say("the deck to write: FILE.pdf (to project) or FILE.pptx (to edit in "
                     "PowerPoint)"))
      ->required()
      ->type_name("FILE");
  app.add_option("--against", o->against,
                 say("last year's dataset or sheets: adds the slide of what changed since"))
      ->type_name("OLD");
  app.add_option("--as-of", o->as_of,
                 say("the month the deck speaks for, YYYY-MM (令和X年Y月時点; default: the "
                     "fiscal year of the data)"))
      ->type_name("YYYY-MM");
  return [o](Context& c) { run_deck(c, *o); };
}

void run_deck(Context& c, const DeckCommandOptions& opt) {
  std::string ext = opt.output.substr(
      opt.output.rfind('.') == std::string::npos ? opt.output.size() : opt.output.rfind('.') + 1);
  for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext != "pdf" && ext != "pptx")
    throw usage_error(say("deck: -o {1} must end in .pdf (to project) or .pptx (to edit)",
                          {in_quotes(opt.output)}));
  if (!opt.as_of.empty() && japanese_month(opt.as_of).empty())
    throw usage_error(say("deck: --as-of {1} is not a month; give YYYY-MM, e.g. 2025-03",
                          {in_quotes(opt.as_of)}));
  std::optional<Dataset> old_ds;
  if (!opt.against.empty()) old_ds = load_diff_side(opt.against, c.ds);
  DeckOptions options;
  options.against = old_ds ? &*old_ds : nullptr;
  options.as_of = opt.as_of;
  options.lang = c.lang();
  Network net(c.ds);
  Deck deck = make_deck(net, c.names(), options);
  write_file_atomically(opt.output, ext == "pdf" ? deck_pdf(deck) : deck_pptx(deck));
  double smallest = 1e9;
  for (const DeckPage& p : deck.pages) smallest = std::min(smallest, p.smallest_pt);
  auto points = [](double pt) { return std::round(pt * 10) / 10; };  // as the text says them
  if (c.json) {  // what was written, page by page: for a script that checks a deck
    nlohmann::json pages = nlohmann::json::array();
    for (std::size_t k = 0; k < deck.pages.size(); ++k)
      pages.push_back({{"page", k + 1},
                       {"kind", deck.pages[k].kind},
                       {"title", deck.pages[k].diagram.title},
                       {"smallest_pt", points(deck.pages[k].smallest_pt)}});
    print_json(c.out, {{"file", opt.output},
                       {"format", ext},
                       {"slides", deck.pages.size()},
                       {"smallest_pt", points(smallest)},
                       {"pages", pages}});
  } else {
    char pt[32];
    std::snprintf(pt, sizeof pt, "%.1f", smallest);
    c.out << say("wrote {1}: {2} slides, smallest text {3} pt",
                 {opt.output, std::to_string(deck.pages.size()), pt})
          << "\n";
  }
  // A page that could not be made to print at 12 pt (one unit with very many offices): said,
  // after the write, with the pages, so that the secretariat can look at them.
  std::string small;
  for (std::size_t k = 0; k < deck.pages.size(); ++k)
    if (deck.pages[k].smallest_pt < 12)
      small += (small.empty() ? "" : ", ") + std::to_string(k + 1);
  if (!small.empty())
    std::cerr << say("renkei: note: text on page {1} prints under 12 pt: too much to draw on one "
                     "slide at that size",
                     {small})
              << "\n";
}

}  // namespace renkei
