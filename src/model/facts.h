#pragma once
// Facts derived from the dataset, each worked out in this one place: every query, slide,
// the explorer, summary and diff ask here, so they cannot disagree.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/lang.h"
#include "model/dataset.h"

namespace renkei {

/// The region a municipality is in (outside fact), or nullopt.
std::optional<std::size_t> region_of(const Dataset& ds, std::size_t municipality);
/// The name to show for a node in the chosen language (falls back to Japanese).
const std::string& display_name(const Node& n, Lang lang);

/// True for the facts that come from the outside-facts file, not the document: planning
/// regions and in_region edges, or anything marked with an outside source. Writers of the
/// dataset and of the sheets leave them out; the loader adds them again from the file.
bool is_outside_fact(const Node& n);
bool is_outside_fact(const Edge& e);

/// Municipalities by source row; other nodes by kind order then id. Used for every list.
bool node_order(const Dataset& ds, std::size_t a, std::size_t b);
/// Sorts by node_order and drops repeats.
void sort_nodes(const Dataset& ds, std::vector<std::size_t>& v);

// ---------------------------------------------------------------- the document
/// The document as every answer, slide and README cites it: publisher, label and title,
/// 「山口県 資料2-②「令和6年度 …」」 for the built-in data.
std::string document_citation(const Dataset& ds);
/// The fiscal year as a title says it: the document's label (令和6年度) in Japanese; in
/// English "FY" and the year it begins (Japanese fiscal years begin in April: FY2024),
/// or the label when the data gives no first month.
std::string fiscal_year_words(const Dataset& ds, Lang lang);

/// Where a quote is in the document, as answers print it: "row 4 §3" where the document
/// numbers its columns (資料2-②), "row 2, 担当区域" where it names them; in Japanese
/// 「4行目 §3」「2行目・担当区域」; "" for a quote that names no row (prose, a caption). A fact
/// entered in the sheets is placed by its cell: "entered at 配置先!C7", 「入力: 配置先!C7」.
std::string quote_place(const Source& s, Lang lang);

/// "2025-03" as a Japanese date: 令和7年3月 (平成 before 2019-05). Empty when not YYYY-MM.
std::string japanese_month(const std::string& month);

/// A month (YYYY-MM) or a fiscal year (YYYY) as the table writes its years: 令和2年4月 and
/// 令和2年度 where its fiscal year is written in an era (令和6年度), 2020年4月 and 2020年度
/// where it is not; in English 2020-04 and FY2020. Anything else as it is.
std::string date_words(const Dataset& ds, const std::string& date, Lang lang);

/// The word for the table's units, from the types it has, in the order Japanese writes them:
/// 市町 (Yamaguchi's 資料2-②), 市町村, 区 (a designated city's wards), 市区町村; 市町村 when
/// the table has no units. Slides and answers say 「2市町で共有」, 「3区で共有」 with it.
std::string unit_word(const Dataset& ds);
/// The units' word for a sentence in `lang`: unit_word(ds) in Japanese, `english` (often "",
/// where English says no word there) in English: {N} in a sentence that only Japanese fills.
std::string units_word(const Dataset& ds, Lang lang, const char* english);
/// What a node of kind `k` is called in a sentence in `lang`: "office" in English, 配置先 in
/// Japanese, a unit as the table calls its units (unit_word: 市町村, 区).
std::string kind_word(const Dataset& ds, Kind k, Lang lang);
/// Where the units' map positions are: 区役所 for wards, else the unit word + 役場 (市町役場).
std::string unit_offices_word(const Dataset& ds);

// ---------------------------------------------------------------- coordinator offices
/// The offices of a municipality, in placement order (①②③), without repeats.
std::vector<std::size_t> offices_of(const Dataset& ds, std::size_t municipality);
/// The municipalities placing a coordinator at `office`, each once however many of its
/// placements are there, by source row.
std::vector<std::size_t> municipalities_served(const Dataset& ds, std::size_t office);
/// An office is shared when it hosts coordinators for two or more distinct municipalities.
bool is_shared_office(const Dataset& ds, std::size_t office);

// ---------------------------------------------------------------- councils and meetings
/// The councils a municipality holds itself (its own 協議の場), by node order; a council that
/// every unit of the table holds or takes part in (a city's council of all its wards) is
/// each unit's own too.
std::vector<std::size_t> own_councils(const Dataset& ds, std::size_t municipality);

/// What the meetings about these children of some councils add up to. A meeting counts only
/// when the children were on its agenda; 予定 is planned, not held; 協議なし and 休会 are
/// "not meeting"; councils whose meetings say none of this are "not stated".
struct ChildrenMeetings {
  bool held = false;         ///< at least one was held
  bool planned = false;      ///< at least one was planned
  bool not_meeting = false;  ///< at least one says no meeting (協議なし) or recess (休会)
};
ChildrenMeetings children_meetings(const Dataset& ds, const std::vector<std::size_t>& councils);
/// True when the council stands (active or in recess): one that has ended or is only
/// planned holds nobody up (whatif) and is not a 協議の場 set up (progress).
bool is_set_up(const Node& council);
/// True when the council held a meeting about these children.
bool met_about_children(const Node& council);

// ---------------------------------------------------------------- names
/// One way a node may be written, and what it is.
struct Spelling {
  enum class Kind {
    Id,            ///< the node's id
    Name,          ///< its display name
    NameEn,        ///< its romanized name (may be empty)
    SourceAlias,   ///< another spelling the source document uses (extraction damage included)
    OutsideAlias,  ///< a spelling from the outside facts
    ShortName,     ///< a municipality's name without its unit word (下関 for 下関市)
  };
  std::string text;
  Kind kind;
};
/// The unit words a municipality's name may end in, dropped for its ShortName.
const std::vector<std::string>& unit_suffixes();
/// Calls `f(text, kind)` for every spelling of a node, in the order of Spelling::Kind; NameEn
/// only when set. Every name lookup (command line, sheets, diff) matches against these. No
/// copies: the name index scans every node this way before it is built.
template <typename F>
void for_each_spelling(const Node& n, F&& f) {
  f(std::string_view(n.id), Spelling::Kind::Id);
  f(std::string_view(n.name), Spelling::Kind::Name);
  if (!n.name_en.empty()) f(std::string_view(n.name_en), Spelling::Kind::NameEn);
  for (const Alias& a : n.aliases)
    if (a.source) f(std::string_view(a.name), Spelling::Kind::SourceAlias);
  for (const Alias& a : n.aliases)
    if (!a.source) f(std::string_view(a.name), Spelling::Kind::OutsideAlias);
  if (n.kind != Kind::Municipality) return;
  std::string_view name(n.name);
  for (const std::string& suffix : unit_suffixes())
    if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix)
      f(name.substr(0, name.size() - suffix.size()), Spelling::Kind::ShortName);
}
/// for_each_spelling, collected.
std::vector<Spelling> spellings(const Node& n);

}  // namespace renkei
