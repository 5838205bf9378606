#pragma once
// The council deck (`renkei deck`): the meeting's slides, in order, from the data; as one PDF
// to project and as a PowerPoint file to edit, both from the same Graphviz layouts.
#include <memory>
#include <string>
#include <vector>

#include "diagram/diagram.h"
#include "model/graph.h"
#include "model/resolve.h"

namespace renkei {

struct DeckOptions {
  const Dataset* against = nullptr;  ///< last year's dataset: adds the "what changed" slide
  std::string as_of;  ///< "YYYY-MM" (令和X年Y月時点), or "" for the fiscal year
  Lang lang = Lang::Ja;
};

/// One page of the deck, laid out for a 16:9 slide.
struct DeckPage {
  std::string kind;  ///< what the page is: title, progress, overview, areas, region, gaps, …
  Diagram diagram;
  std::shared_ptr<const Dataset> drawn;  ///< the dataset drawn (the diff slide's is merged)
  std::string notes;                     ///< speaker notes: the sources of what it shows
  std::string fitted_dot;                ///< the DOT both writers lay out, fitted to the page
  double smallest_pt = 0;                ///< the smallest text on the page, in points
};

struct Deck {
  std::string title, author;
  std::vector<DeckPage> pages;
};

/// Builds and fits every page: the title, progress against the national targets, the
/// overview, the 担当区域表 (both ways), a page per region, the gaps, the offices whose loss
/// leaves someone with nothing and what-if of the first, what changed (with `against`), and
/// the sources. A page whose text would print under 12 pt is split into parts until it fits.
Deck make_deck(const Network& net, const NameIndex& names, const DeckOptions& options);

/// The deck as one PDF: 16:9 pages, fonts embedded, same bytes for the same data.
std::string deck_pdf(const Deck& deck);
/// The deck as an editable PowerPoint file (native shapes, lines, tables; notes).
std::string deck_pptx(const Deck& deck);

}  // namespace renkei
