#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/dataset.h"
#include "model/source_document.h"

namespace renkei {

/// Where a problem is: a node, an edge or the dataset's own fields, and the field inside it.
/// Fields are named as the dataset file names them, with list positions as numbers:
/// "aliases/0/name", "meetings/1/months/2", "source/text"; of the dataset, "fiscal_year/
/// last_month", "document/title" or "edges" (the edges as a whole).
struct Place {
  enum class Item { Dataset, Node, Edge };
  Item item = Item::Node;
  std::size_t index = 0;  ///< the node or edge; unused for Dataset
  std::string field;      ///< empty: the node or edge itself

  /// The place as a JSON pointer into the dataset file: "/nodes/3/aliases/0/name".
  std::string pointer() const;
};

/// One broken rule. Its sentence is `text`, then (when `also` is set) the other place
/// involved, shown as the caller shows places, then `rest`: "duplicate id "x" (also at " +
/// /nodes/2 + "); ids must be unique".
struct Problem {
  Place place;
  std::string text;
  std::optional<Place> also;
  std::string rest;
};

/// What checking found.
struct CheckResult {
  std::vector<Problem> problems;    ///< in the order of the dataset's nodes, then its edges
  std::size_t quotes_checked = 0;   ///< quotes found in the source
  std::size_t quotes_anywhere = 0;  ///< of those, found only somewhere in the text (prose, no row)
  std::size_t facts_entered = 0;    ///< sources that are a sheet's cell, not a quote
};

/// The source text quotes are checked against, and its name as messages show it.
struct QuoteSource {
  const SourceDocument& document;
  std::string shown_as;
};

/// Every rule of the data model (docs/data-model.md) over a dataset as read from any format:
/// text that other programs can hold (text_problem), ids, names and aliases that lead to one node,
/// municipality types and rows, months inside the fiscal year, the kinds each relation joins, one
/// placement per ①②③, no part_of loops, no repeated edges; with `source`, every quote in its row
/// and section. Outside facts (regions, in_region edges) are not checked here: they are added
/// after. A reader that resolves edges by node id checks the nodes (and the dataset's own fields)
/// first, then the edges; everyone else checks All.
enum class Rules { All, Nodes, Edges };
CheckResult check(const Dataset& ds, const std::optional<QuoteSource>& source,
                  Rules rules = Rules::All);

/// The words of the rules, for readers that check a value before the dataset exists.
bool is_valid_id(std::string_view s);     ///< lowercase ASCII letters, digits, inner hyphens
bool is_year_month(std::string_view s);   ///< "YYYY-MM" with a month 01–12
bool is_fiscal_year(std::string_view s);  ///< "YYYY", the year a fiscal year (年度) starts in
bool is_municipality_type(std::string_view s);  ///< 市, 区 (特別区, a city's ward), 町 or 村
/// The type a unit's name ends in (市, 区, 町, 村): a blank type is worked out this way;
/// "" when the name ends in none of them.
std::string municipality_type_of_name(std::string_view name);

}  // namespace renkei
