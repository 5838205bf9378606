// The council deck: which pages, in which order, with which words; each page a Diagram that
// the DOT writer draws, fitted to a 16:9 slide and split where its text would print small.
#include "diagram/deck.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

#include "base/error.h"
#include "base/say.h"
#include "base/text.h"
#include "diagram/builder.h"
#include "diagram/diagrams.h"
#include "diff/diff.h"
#include "model/facts.h"
#include "query/queries.h"

namespace renkei {

namespace {

/// Text under this size is hard to read projected (public UD guides ask for 12 pt or more).
constexpr double kReadablePt = 12;
/// A quote on a slide is cut after this many display columns (the notes have it whole).
constexpr std::size_t kQuoteColumns = 36;
/// Cells listing names break their line after about this many display columns.
constexpr std::size_t kCellColumns = 34;

using Block = SlideText::Block;

/// A block of words, each line wrapped to what fits across a slide at its size.
Block block(Block::Kind kind, const std::string& text) {
  std::size_t width = kind == Block::Kind::Heading ? 64 : kind == Block::Kind::Line ? 84 : 104;
  Block b;
  b.kind = kind;
  for (std::size_t at = 0, next; at <= text.size(); at = next + 1) {
    next = std::min(text.find('\n', at), text.size());
    b.text += (at ? "\n" : "") + wrap_to_width(text.substr(at, next - at), width, "");
  }
  return b;
}

/// Names joined with 、, a new line started before one would pass kCellColumns.
/// Names joined with 、, a new line started before one would pass `columns`; a name much
/// longer than that (a romanized council's) is wrapped itself, after a space where it has one.
std::string name_list(const std::vector<std::string>& names, std::size_t columns = kCellColumns) {
  std::string out, line;  // the finished lines, each ending in \n; the line being filled
  for (const std::string& name : names) {
    // Wrapped only when much longer than a line: a name a little over stays whole.
    std::string n = display_width(name) > columns + 6 ? wrap_to_width(name, columns, "") : name;
    if (!line.empty()) {
      if (display_width(line + "、" + n.substr(0, n.find('\n'))) > columns) {
        out += line + "、\n";
        line.clear();
      } else {
        line += "、";
      }
    }
    line += n;
    auto cut = line.rfind('\n');
    if (cut != std::string::npos) {  // a wrapped name: its last line is the one being filled
      out += line.substr(0, cut + 1);
      line = line.substr(cut + 1);
    }
  }
  return out + line;
}

std::string fraction(std::size_t n, std::size_t of) {
  return std::to_string(n) + "/" + std::to_string(of);
}

class DeckBuilder {
 public:
  DeckBuilder(const Network& net, const NameIndex& names, const DeckOptions& o)
      : net(net),
        ds(net.data()),
        names(names),
        o(o),
        lang(o.lang),
        en(o.lang == Lang::En),
        self(std::shared_ptr<const Dataset>(), &ds) {}

  Deck build() {
    title_page();
    progress_page();
    overview_page();
    area_pages();
    region_pages();
    gaps_page();
    failure_pages();
    if (o.against) diff_page();
    sources_page();
    number_pages();
    Deck deck;
    deck.title = network_title(ds, o.lang);
    deck.author = ds.document.publisher;
    deck.pages = std::move(pages);
    return deck;
  }

 private:
  // ------------------------------------------------------------ words
  std::string name(std::size_t i) const { return name_of(ds, i, o.lang); }
  /// A placement's start: 令和6年10月 or 令和2年度 (YYYY-MM in English).
  std::string when(const std::string& since) const { return date_words(ds, since, o.lang); }
  std::vector<std::string> names_of(const std::vector<std::size_t>& v) const {
    std::vector<std::string> out;
    for (std::size_t i : v) out.push_back(name(i));
    return out;
  }
  /// Where a fact is and what it says: 4行目 §2「…」, or 入力: 配置先!B2 for an entered one.
  std::string cite(const Source& s, std::size_t columns = std::string::npos) const {
    std::string place = quote_place(s, o.lang);
    if (s.entered()) return place;
    return place + "「" +
           (columns == std::string::npos ? s.text : truncate_to_width(s.text, columns)) + "」";
  }
  /// 令和7年3月時点, or the fiscal year the table covers.
  std::string as_of_words() const {
    return o.as_of.empty() ? fiscal_year_words(ds, lang)
                           : say(lang, "as of {1}", {date_words(ds, o.as_of, lang)});
  }

  /// Speaker notes for units: each tie the page draws, with where the table states it.
  std::string unit_notes(const std::vector<std::size_t>& units) const {
    std::string notes;
    for (std::size_t m : units) {
      notes += name(m) + "\n";
      for (std::size_t k : ds.edges_from(m)) {
        const Edge& e = ds.edges[k];
        if (e.relation == Relation::InRegion || !e.source) continue;
        notes += "  " + name(e.to) + ": " + cite(*e.source) + "\n";
      }
    }
    return notes;
  }

  // ------------------------------------------------------------ pages
  /// Adds a page as it is.
  void add(const std::string& kind, Diagram d, std::string notes,
           std::shared_ptr<const Dataset> drawn = nullptr) {
    DeckPage p;
    p.kind = kind;
    p.drawn = drawn ? drawn : self;
    p.diagram = with_legend(std::move(d));
    choose_layout(p.diagram, *p.drawn);
    p.notes = std::move(notes);
    pages.push_back(std::move(p));
  }

  /// A drawing that would print under 12 pt is tried the other way round (down the page or
  /// across) and with a lower, narrower legend; the largest is kept. Returns its smallest text.
  double choose_layout(Diagram& d, const Dataset& drawn) const {
    double pt = smallest(d, drawn);
    if (pt >= kReadablePt || d.text || d.table || d.engine != Engine::Dot) return pt;
    std::vector<Diagram> tries(3, d);
    tries[0].top_down = !d.top_down;
    tries[1].legend_row_cells = 3;
    tries[2].top_down = !d.top_down;
    tries[2].legend_row_cells = 3;
    return pick_largest(tries, drawn, d, pt);
  }

  /// Of several ways to draw a page, the one whose smallest text prints largest (the first on a
  /// tie), put in `d`; returns that size. Nothing changes when none prints larger than `floor`.
  double pick_largest(const std::vector<Diagram>& tries, const Dataset& drawn, Diagram& d,
                      double floor = 0) const {
    double pt = floor;
    for (const Diagram& t : tries) {
      double p = smallest(with_legend(t), drawn);
      if (p > pt + 1e-9) {
        pt = p;
        d = t;
      }
    }
    return pt;
  }

  /// How small a diagram's smallest text prints once fitted to the slide, in points.
  double smallest(const Diagram& d, const Dataset& drawn) const {
    Diagram probe = d;
    probe.footer_notes.push_back(page_footer(88, 88));  // room for the page number to come
    RenderInfo info;
    fit_diagram(drawn, probe, &info);
    return kSmallestType * info.scale;
  }

  /// Adds the pages for `items`, drawn by `make`: as many to a page as print their text at
  /// 12 pt or more (at least one), in order, the pages evened out; titled 「（1/3）」… when
  /// there are several.
  void add_fitting(
      const std::string& kind, const std::vector<std::size_t>& items,
      const std::function<Diagram(const std::vector<std::size_t>&)>& make,
      const std::function<std::string(const std::vector<std::size_t>&)>& notes_of = nullptr,
      const std::string& notes = "") {
    using Part = std::vector<std::size_t>;
    auto slice = [&](std::size_t from, std::size_t n) {
      return Part(items.begin() + static_cast<std::ptrdiff_t>(from),
                  items.begin() + static_cast<std::ptrdiff_t>(from + n));
    };
    auto fits = [&](const Part& v) {
      Diagram d = with_legend(make(v));
      return choose_layout(d, ds) >= kReadablePt;
    };
    std::vector<Part> parts;
    for (std::size_t from = 0; from < items.size();) {
      // The most that fit from here: a page of more items never prints larger.
      std::size_t lo = 1, hi = items.size() - from;
      while (lo < hi) {
        std::size_t mid = (lo + hi + 1) / 2;
        if (fits(slice(from, mid)))
          lo = mid;
        else
          hi = mid - 1;
      }
      parts.push_back(slice(from, lo));
      from += lo;
    }
    if (parts.size() > 1) {  // the same number of pages, items shared out evenly, if they fit
      std::vector<Part> even;
      std::size_t n = parts.size(), from = 0;
      for (std::size_t k = 0; k < n; ++k) {
        std::size_t take = (items.size() - from) / (n - k);
        even.push_back(slice(from, take));
        from += take;
      }
      if (std::all_of(even.begin(), even.end(), fits)) parts = even;
    }
    for (std::size_t k = 0; k < parts.size(); ++k) {
      Diagram d = make(parts[k]);
      if (parts.size() > 1)
        d.title += "（" + std::to_string(k + 1) + "/" + std::to_string(parts.size()) + "）";
      add(kind, std::move(d), notes_of ? notes_of(parts[k]) : notes);
    }
  }

  /// A drawing's legend goes in a row above the footer, where a 16:9 slide has room.
  static Diagram with_legend(Diagram d) {
    if (!d.text && !d.table && d.engine == Engine::Dot) d.legend_in_footer = true;
    return d;
  }

  Diagram text_slide(const std::string& title, std::vector<Block> blocks, bool regions) const {
    Diagram d;
    d.lang = o.lang;
    d.title = title;
    d.top_down = true;
    d.group_by_region = regions;
    d.text = SlideText{std::move(blocks)};
    return d;
  }

  void title_page() {
    std::vector<Block> blocks = {
        block(Block::Kind::Heading, document_citation(ds)),
        block(Block::Kind::Line, as_of_words()),
        block(Block::Kind::Note, say(lang,
                                     "Made from the source table; every figure traces to a cell "
                                     "of it (see the last page)")),
    };
    Diagram d = text_slide(network_title(ds, o.lang), std::move(blocks), false);
    add("title", std::move(d), say(lang, "Source: {1}", {document_citation(ds)}));
  }

  /// The first quote behind a finding of these rules for a unit, else the unit's own row.
  std::string evidence(std::size_t m, std::initializer_list<GapRule> rules) const {
    for (const Finding& f : findings)
      if (f.municipality == m && std::count(rules.begin(), rules.end(), f.rule) &&
          !f.evidence.empty())
        return cite(f.evidence.front(), kQuoteColumns);
    return ds.nodes[m].source ? cite(*ds.nodes[m].source, kQuoteColumns) : "";
  }

  void progress_page() {
    ProgressAnswer p = progress(ds);
    bool councils = p.states_councils;
    bool regions = std::any_of(p.regions.begin(), p.regions.end(),
                               [](const ProgressRow& r) { return r.region.has_value(); });
    std::vector<std::string> header;
    if (regions) header.push_back(say(lang, "Region"));
    header.push_back(say(lang, "Units{1}", {units_word(ds, lang, "")}));
    if (councils) {
      header.push_back(say(lang, "With a council"));
      header.push_back(say(lang, "Met this year"));
    }
    header.push_back(say(lang, "Coordinators placed"));
    if (councils && regions) header.push_back(say(lang, "Regional council"));
    Block table;
    table.kind = Block::Kind::Table;
    table.cells.push_back(header);
    ProgressRow total;
    std::vector<std::size_t> no_council, not_met, no_office;
    std::size_t regions_with_council = 0, region_count = 0;
    for (const ProgressRow& r : p.regions) {
      std::size_t n = r.units.size();
      std::vector<std::string> row;
      if (regions) row.push_back(r.region ? name(*r.region) : say(lang, "(no region)"));
      row.push_back(std::to_string(n));
      if (councils) {
        row.push_back(fraction(r.with_council.size(), n) + "（" +
                      std::to_string(r.council_only_shared.size()) + "）");
        row.push_back(fraction(r.met.size(), n));
      }
      row.push_back(fraction(r.with_coordinator.size(), n) + "（" +
                    std::to_string(r.coordinator_only_shared.size()) + "）");
      if (councils && regions) {
        row.push_back(r.regional_councils.empty() ? say(lang, "none named")
                                                  : name_list(names_of(r.regional_councils)));
        if (r.region) {
          ++region_count;
          regions_with_council += !r.regional_councils.empty();
        }
      }
      if (regions) {  // without regions the one group is the total row below
        table.cells.push_back(row);
        table.alarm.push_back(r.with_coordinator.size() < n ||
                              (councils && r.with_council.size() < n));
      }
      for (std::size_t m : r.units) {
        auto has = [m](const std::vector<std::size_t>& v) {
          return std::count(v.begin(), v.end(), m) > 0;
        };
        if (councils && !has(r.with_council)) no_council.push_back(m);
        if (councils && has(r.with_council) && !has(r.met)) not_met.push_back(m);
        if (!has(r.with_coordinator)) no_office.push_back(m);
      }
      using Lists = std::pair<std::vector<std::size_t>*, const std::vector<std::size_t>*>;
      for (auto [to, from] :
           {Lists{&total.with_council, &r.with_council}, Lists{&total.met, &r.met},
            Lists{&total.council_only_shared, &r.council_only_shared},
            Lists{&total.with_coordinator, &r.with_coordinator},
            Lists{&total.coordinator_only_shared, &r.coordinator_only_shared}})
        to->insert(to->end(), from->begin(), from->end());
    }
    std::vector<std::string> sum;
    if (regions) sum.push_back(say(lang, "Total"));
    sum.push_back(std::to_string(p.units));
    if (councils) {
      sum.push_back(fraction(total.with_council.size(), p.units) + "（" +
                    std::to_string(total.council_only_shared.size()) + "）");
      sum.push_back(fraction(total.met.size(), p.units));
    }
    sum.push_back(fraction(total.with_coordinator.size(), p.units) + "（" +
                  std::to_string(total.coordinator_only_shared.size()) + "）");
    if (councils && regions)
      sum.push_back(say(lang, "{1} regions", {fraction(regions_with_council, region_count)}));
    table.cells.push_back(sum);
    table.alarm.push_back(false);

    std::vector<Block> blocks;
    blocks.push_back(
        block(Block::Kind::Note,
              say(lang,
                  "National guideline: a council (協議の場) in every prefecture, planning region "
                  "and municipality, and coordinators placed in every municipality (at region "
                  "level, with the prefecture's help, where one cannot alone)")));
    blocks.push_back(table);
    // Who is missing what, each with the quote behind it.
    struct Missing {
      std::string what, unit, quote;
    };
    std::vector<Missing> missing;
    std::string notes;
    auto list = [&](const std::string& what, const std::vector<std::size_t>& v,
                    std::initializer_list<GapRule> rules) {
      for (std::size_t m : v) {
        missing.push_back({what, name(m), evidence(m, rules)});
        notes += what + ": " + name(m) + " " + missing.back().quote + "\n";
      }
    };
    list(say(lang, "No council"), no_council, {GapRule::RegionalOnly});
    list(say(lang, "No meeting held this year"), not_met,
         {GapRule::NoMeeting, GapRule::PlannedOnly, GapRule::RegionalOnly});
    list(say(lang, "No coordinator office"), no_office, {GapRule::NoOffice});
    auto words = [&](const std::vector<std::size_t>& part, bool quotes) {
      std::string text, what;
      for (std::size_t i : part) {
        const Missing& x = missing[i];
        std::string entry = x.unit + (quotes && !x.quote.empty() ? "（" + x.quote + "）" : "");
        text += x.what == what ? "、" + entry : (text.empty() ? "" : "\n") + x.what + ": " + entry;
        what = x.what;
      }
      return text;
    };
    std::vector<std::size_t> all(missing.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    std::string title = say(lang, "Progress against the national targets");
    std::string page_notes = say(lang, "Counted from {1}", {document_citation(ds)}) + "\n" + notes +
                             say(lang, "National guideline: 障害児福祉計画 基本指針 (MHLW)");
    // On the page with the counts, with their quotes; else by name only (the quotes are in
    // the notes); else the counts alone, and who is missing on pages of their own.
    for (bool quotes : {true, false}) {
      std::vector<Block> with = blocks;
      if (!missing.empty()) with.push_back(block(Block::Kind::Note, words(all, quotes)));
      Diagram d = text_slide(title, std::move(with), regions);
      if (smallest(d, ds) >= kReadablePt || (missing.empty() && !quotes)) {
        add("progress", std::move(d), page_notes);
        return;
      }
    }
    add("progress", text_slide(title, blocks, regions), page_notes);
    add_fitting(
        "progress", all,
        [&](const std::vector<std::size_t>& part) {
          return text_slide(say(lang, "Who is missing what{1}", {units_word(ds, lang, "")}),
                            {block(Block::Kind::Note, words(part, true))}, false);
        },
        nullptr, notes);
  }

  /// The whole prefecture at a glance: a box per planning region with its units and what
  /// they have, and the shared offices and regional councils their units use, each tie
  /// labelled with how many of the region's units it serves. The detail is on the region pages.
  void overview_page() {
    std::vector<std::size_t> regions = all_of_kind(ds, Kind::Region);
    if (regions.empty()) {  // no regions: the units that share offices, and those offices
      SharedAnswer shared = shared_offices(net);
      if (shared.offices.empty()) return;
      Diagram d = make_diagram(net, names, "shared", o.lang);
      d.title = say(lang, "Overview: the offices {1} share", {units_word(ds, lang, "units")});
      // As one band of units, or in two or three, each a step further on than the last: each
      // office (most units first) goes to the band with fewest units so far.
      std::vector<Diagram> tries(3, d);
      for (std::size_t bands = 2; bands <= 3; ++bands) {
        std::vector<std::size_t> units(bands, 0);
        std::vector<std::size_t> first(bands, ds.nodes.size());
        for (const SharedOffice& office : shared.offices) {
          std::size_t b = static_cast<std::size_t>(std::min_element(units.begin(), units.end()) -
                                                   units.begin());
          units[b] += office.municipalities.size();
          if (first[b] == ds.nodes.size()) first[b] = office.office;
          if (b == 0) continue;
          for (std::size_t m : office.municipalities)
            tries[bands - 1].spacers.push_back({first[b - 1], m, 1});  // b - 1 has its office
        }
      }
      if (pick_largest(tries, ds, d) < kReadablePt) return;
      add("overview", std::move(d),
          say(lang, "Each {1}'s own offices are on the following pages",
              {units_word(ds, lang, "unit")}));
      return;
    }
    auto sum = std::make_shared<Dataset>(ds);
    std::map<std::pair<std::size_t, std::size_t>, std::set<std::size_t>> ties;  // → units
    std::map<std::pair<std::size_t, std::size_t>, Relation> relation;
    for (const Edge& e : ds.edges) {
      auto r = region_of(ds, e.from);
      if (!r) continue;
      const Node& to = ds.nodes[e.to];
      bool shared = e.relation == Relation::Coordinator && is_shared_office(ds, e.to);
      bool regional = e.relation == Relation::Participates && to.kind == Kind::Council &&
                      to.level == CouncilLevel::Regional;
      if (!shared && !regional) continue;
      ties[{*r, e.to}].insert(e.from);
      relation[{*r, e.to}] = e.relation;
    }
    std::map<std::size_t, std::string> labels;
    for (const auto& [tie, units] : ties) {
      Edge e;
      e.from = tie.first;
      e.to = tie.second;
      e.relation = relation[tie];
      e.outside_source = "summary of the units' ties";  // drawn, never a fact of the table
      labels[sum->edges.size()] = std::to_string(units.size()) + unit_word(ds);  // 3市町, both
      sum->edges.push_back(e);
    }
    Network summary(*sum);
    Builder b(summary, o.lang);
    for (std::size_t r : regions) {
      std::vector<std::size_t> members;
      std::size_t offices = 0, councils = 0;
      for (std::size_t k : ds.edges_to(r))
        if (ds.edges[k].relation == Relation::InRegion) members.push_back(ds.edges[k].from);
      if (members.empty()) continue;
      sort_nodes(ds, members);
      std::set<std::size_t> office_set, council_set;
      for (std::size_t m : members) {
        for (std::size_t x : offices_of(ds, m)) office_set.insert(x);
        for (std::size_t k : ds.edges_from(m))
          if (ds.edges[k].relation == Relation::Holds ||
              ds.edges[k].relation == Relation::Participates)
            council_set.insert(ds.edges[k].to);
      }
      offices = office_set.size();
      councils = council_set.size();
      std::string counts = say(lang, "offices {1}", {std::to_string(offices)});
      if (!gap_rule_not_applicable(ds, GapRule::RegionalOnly))
        counts += say(lang, ", councils {1}", {std::to_string(councils)});
      b.add(r, Mark::Normal, name_list(names_of(members), 18) + "\n" + counts);
    }
    for (const auto& [tie, units] : ties) b.add(tie.second);
    b.connect({Relation::Coordinator, Relation::Participates});
    for (const auto& [k, label] : labels) b.diagram().edge_labels[k] = label;
    Diagram d =
        b.finish(say(lang, "Overview: the regions and the offices and councils they share"));
    mark_shared_offices(ds, d);  // counted in the table, not in the summary's ties
    d.group_by_region = false;
    d.councils_left = false;
    // Regions in one column, in two (those with fewest ties first, so that the ties stay
    // short), or in a row above what they share: whichever prints largest.
    std::vector<std::size_t> order;
    std::map<std::size_t, std::size_t> tie_count;
    for (const DiagramNode& dn : d.nodes)
      if (ds.nodes[dn.node].kind == Kind::Region) order.push_back(dn.node);
    for (const auto& [tie, units] : ties) ++tie_count[tie.first];
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return tie_count[a] < tie_count[b]; });
    std::vector<Diagram> tries(3, d);
    std::size_t half = (order.size() + 1) / 2;
    for (std::size_t i = 0; i + half < order.size(); ++i)
      tries[1].spacers.push_back({order[i], order[half + i], 1});
    tries[2].top_down = true;
    if (pick_largest(tries, *sum, d) < kReadablePt)
      return;  // too many ties to read at once: the region pages show them
    std::shared_ptr<const Dataset> drawn = sum;
    add("overview", std::move(d),
        say(lang, "Each {1}'s own offices and councils are on its region's page",
            {units_word(ds, lang, "unit")}),
        drawn);
  }

  /// 担当区域表: office → the units it serves (since when), and unit → its offices,
  /// councils and center.
  void area_pages() {
    std::vector<std::size_t> offices;
    std::map<std::size_t, std::vector<std::size_t>> served;  // worked out once per office
    for (std::size_t i : all_of_kind(ds, Kind::Office))
      if (!(served[i] = municipalities_served(ds, i)).empty()) offices.push_back(i);
    std::stable_sort(offices.begin(), offices.end(), [&](std::size_t a, std::size_t b) {
      return served[a].size() > served[b].size();
    });
    bool any_since = std::any_of(ds.edges.begin(), ds.edges.end(), [](const Edge& e) {
      return e.relation == Relation::Coordinator && !e.since.empty();
    });
    auto office_table = [&](const std::vector<std::size_t>& part) {
      Block t;
      t.kind = Block::Kind::Table;
      t.cells.push_back({say(lang, "Coordinator office"),
                         say(lang, "{1} it serves", {units_word(ds, lang, "Units")})});
      if (any_since) t.cells[0].push_back(say(lang, "Since"));
      for (std::size_t office : part) {
        const std::vector<std::size_t>& units = served[office];
        std::vector<std::string> row = {name(office), name_list(names_of(units))};
        if (any_since) {
          std::vector<std::string> since;
          for (std::size_t k : ds.edges_to(office)) {
            const Edge& e = ds.edges[k];
            if (e.relation == Relation::Coordinator && !e.since.empty())
              since.push_back((units.size() > 1 ? name(e.from) + " " : "") + when(e.since));
          }
          row.push_back(since.empty() ? say(lang, "not stated") : name_list(since));
        }
        t.cells.push_back(row);
        t.alarm.push_back(false);
      }
      return text_slide(
          say(lang, "Coordinator offices and the {1} they serve", {units_word(ds, lang, "units")}),
          {t}, false);
    };
    add_fitting("areas", offices, office_table, [&](const std::vector<std::size_t>& part) {
      std::string notes;
      for (std::size_t office : part)
        for (std::size_t k : ds.edges_to(office))
          if (ds.edges[k].relation == Relation::Coordinator && ds.edges[k].source)
            notes += name(office) + " ← " + name(ds.edges[k].from) + ": " +
                     cite(*ds.edges[k].source) + "\n";
      return notes;
    });
    std::vector<std::size_t> units = all_of_kind(ds, Kind::Municipality);
    sort_nodes(ds, units);
    bool councils = !gap_rule_not_applicable(ds, GapRule::RegionalOnly);
    bool centers = !gap_rule_not_applicable(ds, GapRule::NoCenterLink);
    auto unit_table = [&](const std::vector<std::size_t>& part) {
      Block t;
      t.kind = Block::Kind::Table;
      std::vector<std::string> header = {units_word(ds, lang, "Unit"),
                                         say(lang, "Coordinator offices")};
      if (councils) header.push_back(say(lang, "Councils"));
      if (centers) header.push_back(say(lang, "Support center"));
      t.cells.push_back(header);
      for (std::size_t m : part) {
        std::vector<std::size_t> councils_of, centers_of;
        for (std::size_t k : ds.edges_from(m)) {
          const Edge& e = ds.edges[k];
          if (e.relation == Relation::Holds || e.relation == Relation::Participates)
            councils_of.push_back(e.to);
          if (e.relation == Relation::Liaises) centers_of.push_back(e.to);
        }
        for (std::size_t c : councils_of)  // a center its councils work with is its too
          for (std::size_t k : ds.edges_from(c))
            if (ds.edges[k].relation == Relation::Liaises) centers_of.push_back(ds.edges[k].to);
        sort_nodes(ds, councils_of);
        sort_nodes(ds, centers_of);
        std::vector<std::size_t> offices_m = offices_of(ds, m);
        std::vector<std::string> row = {
            name(m), offices_m.empty() ? say(lang, "none") : name_list(names_of(offices_m))};
        std::string none = say(lang, "none stated");
        if (councils) row.push_back(councils_of.empty() ? none : name_list(names_of(councils_of)));
        if (centers) row.push_back(centers_of.empty() ? none : name_list(names_of(centers_of)));
        t.cells.push_back(row);
        t.alarm.push_back(offices_m.empty());
      }
      return text_slide(
          say(lang, "Each {1}'s offices, councils and center", {units_word(ds, lang, "unit")}), {t},
          false);
    };
    add_fitting("areas", units, unit_table,
                [&](const std::vector<std::size_t>& part) { return unit_notes(part); });
  }

  void region_pages() {
    std::vector<std::size_t> regions = all_of_kind(ds, Kind::Region);
    std::map<std::size_t, int> first_row;
    std::map<std::size_t, std::vector<std::size_t>> members;
    for (const Edge& e : ds.edges)
      if (e.relation == Relation::InRegion) members[e.to].push_back(e.from);
    for (auto& [r, v] : members) {
      sort_nodes(ds, v);
      first_row[r] = ds.nodes[v.front()].row;
    }
    regions.erase(std::remove_if(regions.begin(), regions.end(),
                                 [&](std::size_t r) { return members[r].empty(); }),
                  regions.end());
    std::stable_sort(regions.begin(), regions.end(),
                     [&](std::size_t a, std::size_t b) { return first_row[a] < first_row[b]; });
    std::string year = fiscal_year_words(ds, o.lang);
    for (std::size_t r : regions) {
      std::string title = say(lang, "{1}: councils and coordinator offices, {2}", {name(r), year});
      add_fitting(
          "region", members[r],
          [&](const std::vector<std::size_t>& part) {
            return units_diagram(net, part, title, o.lang);
          },
          [&](const std::vector<std::size_t>& part) { return unit_notes(part); });
    }
    if (!regions.empty()) return;
    // No planning regions: the units themselves, in parts that fit.
    std::vector<std::size_t> units = all_of_kind(ds, Kind::Municipality);
    sort_nodes(ds, units);
    std::string title =
        say(lang, "{2}Councils and coordinator offices, {1}", {year, units_word(ds, lang, "")});
    add_fitting(
        "region", units,
        [&](const std::vector<std::size_t>& part) {
          Diagram d = units_diagram(net, part, title, o.lang);
          d.group_by_region = false;
          return d;
        },
        [&](const std::vector<std::size_t>& part) { return unit_notes(part); });
  }

  void gaps_page() {
    DiagramTable all = gaps_table(net, o.lang);
    std::vector<std::size_t> rows(all.rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
    std::string notes;
    for (const auto& r : gap_rules())
      if (!gap_rule_not_applicable(ds, r.rule)) {
        std::string label = r.label_ja;
        std::replace(label.begin(), label.end(), '\n', ' ');
        notes += label + ": " + say(lang, r.summary) + "\n";  // summaries: N_ in gap_rules()
      }
    add_fitting(
        "gaps", rows,
        [&](const std::vector<std::size_t>& part) {
          Builder b(net, o.lang);
          DiagramTable t = all;
          t.rows.clear();
          for (std::size_t i : part) t.rows.push_back(all.rows[i]);
          b.diagram().table = t;
          b.diagram().extra_legend.push_back({say(lang, "thick"), say(lang, "4 or more rules")});
          return b.finish(say(lang, "Coverage gaps per {1}", {units_word(ds, lang, "unit")}));
        },
        nullptr, notes);
  }

  /// The offices whose loss leaves some unit with no coordinator office, ranked, and the
  /// what-if page of the first.
  void failure_pages() {
    std::vector<WhatIfAnswer> ranking = what_if_each(ds, Kind::Office);
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < ranking.size(); ++i)
      if (!ranking[i].uncovered.empty()) rows.push_back(i);
    if (rows.empty()) return;
    auto table = [&](const std::vector<std::size_t>& part) {
      Block t;
      t.kind = Block::Kind::Table;
      t.cells.push_back(
          {say(lang, "Office"),
           say(lang, "Left with no coordinator office{1}", {units_word(ds, lang, "")}),
           say(lang, "Help from outside their area")});
      for (std::size_t i : part) {
        const WhatIfAnswer& a = ranking[i];
        std::vector<std::size_t> left = a.uncovered;
        sort_nodes(ds, left);
        t.cells.push_back({name(a.removed.at(0)),
                           std::to_string(left.size()) + "（" + name_list(names_of(left)) + "）",
                           a.only_out_of_area.empty() ? say(lang, "none stated")
                                                      : name_list(names_of(a.out_of_area_help))});
        t.alarm.push_back(left.size() >= 2);
      }
      return text_slide(
          say(lang, "Single points of failure: offices whose loss leaves a {1} with none",
              {units_word(ds, lang, "unit")}),
          {t}, false);
    };
    add_fitting("failures", rows, table, nullptr,
                say(lang, "Ranked by how many {1} would be left with no coordinator office",
                    {units_word(ds, lang, "units")}));
    std::size_t first = ranking[rows.front()].removed.at(0);
    Diagram d = make_diagram(net, names, "whatif:" + ds.nodes[first].id, o.lang);
    // Towns that keep other offices may have many: counted in their box instead of drawn,
    // when drawing them all would print under 12 pt.
    Diagram counted = d;
    std::map<std::size_t, std::size_t> kept;
    std::set<std::size_t> dropped;
    for (const DiagramNode& dn : d.nodes)
      if (ds.nodes[dn.node].kind == Kind::Office && dn.node != first && dn.mark != Mark::Shared)
        dropped.insert(dn.node);
    for (const DiagramEdge& de : d.edges) {
      const Edge& e = ds.edges[de.edge];
      if (dropped.count(e.to)) ++kept[e.from];
    }
    auto gone = [&](std::size_t n) { return dropped.count(n) > 0; };
    counted.nodes.erase(std::remove_if(counted.nodes.begin(), counted.nodes.end(),
                                       [&](const DiagramNode& dn) { return gone(dn.node); }),
                        counted.nodes.end());
    counted.edges.erase(std::remove_if(counted.edges.begin(), counted.edges.end(),
                                       [&](const DiagramEdge& de) {
                                         return gone(ds.edges[de.edge].to) ||
                                                gone(ds.edges[de.edge].from);
                                       }),
                        counted.edges.end());
    for (DiagramNode& dn : counted.nodes)
      if (kept.count(dn.node) && dn.note.empty())
        dn.note = say(lang, "{1} other offices kept", {std::to_string(kept[dn.node])});
    if (smallest(with_legend(d), ds) < kReadablePt) pick_largest({d, counted}, ds, d);
    std::string notes;  // each tie the office's loss cuts, where the table states it
    for (std::size_t k : ds.edges_to(first))
      if (ds.edges[k].source)
        notes +=
            name(ds.edges[k].from) + " → " + name(first) + ": " + cite(*ds.edges[k].source) + "\n";
    add("whatif", std::move(d), notes);
  }

  void diff_page() {
    DatasetDiff diff = diff_datasets(*o.against, ds);
    if (diff.empty()) return;
    auto slide = std::make_shared<DiffSlide>(make_diff_diagram(*o.against, ds, diff, o.lang));
    std::shared_ptr<const Dataset> merged(slide, &slide->merged);
    // Drawn as `render` draws it, across the page, or with its regions in bands one below
    // another: whichever prints largest.
    std::vector<Diagram> tries(4, slide->diagram);
    tries[1].top_down = !tries[1].top_down;
    std::vector<std::size_t> units;
    for (const DiagramNode& dn : tries[2].nodes)
      if (merged->nodes[dn.node].kind == Kind::Municipality) units.push_back(dn.node);
    stack_regions_in_bands(*merged, units, 3, tries[2]);
    stack_regions_in_bands(*merged, units, 3, tries[3], 4);
    for (std::size_t k = 0; k < 4; ++k) {  // each with a longer, lower legend too
      tries.push_back(tries[k]);
      tries.back().legend_row_cells = 9;
    }
    // Titled by the two years; by the two documents when both are of one year.
    std::string was = document_citation(*o.against), is = document_citation(ds);
    if (o.against->fiscal_year.label == ds.fiscal_year.label && was != is)
      for (Diagram& t : tries) t.title = say(lang, "What changed: {1} → {2}", {was, is});
    Diagram d = tries[0];
    pick_largest(tries, *merged, d);
    add("diff", std::move(d), "", merged);
  }

  void sources_page() {
    std::vector<Block> blocks;
    std::string doc = say(lang, "Document: {1}", {document_citation(ds)});
    if (!ds.document.source_file.empty())
      doc += say(lang, "\nIts text, as checked: {1}", {ds.document.source_file});
    blocks.push_back(block(Block::Kind::Line, doc));
    std::string outside;
    if (!all_of_kind(ds, Kind::Region).empty())
      outside += say(lang, "Planning regions: {1}",
                     {ds.outside_notes.regions_basis.empty() ? say(lang, "outside facts")
                                                             : ds.outside_notes.regions_basis}) +
                 "\n";
    outside += say(lang, "National targets: 障害児福祉計画 基本指針 (MHLW)");
    blocks.push_back(block(Block::Kind::Line, say(lang, "Outside the document")));
    blocks.push_back(block(Block::Kind::Note, outside));
    blocks.push_back(block(Block::Kind::Line, say(lang, "How things were counted")));
    blocks.push_back(
        block(Block::Kind::Note,
              say(lang,
                  "A council counts as set up unless it has ended or is only planned; a meeting "
                  "counts only when held (予定 is planned) and about these children.\n"
                  "An office is shared when it hosts coordinators for two or more {1}.\n"
                  "「特になし」 is not activity; no child to serve is not an inactive coordinator.",
                  {units_word(ds, lang, "units")})));
    Diagram d =
        text_slide(say(lang, "Sources and how they were counted"), std::move(blocks), false);
    add("sources", std::move(d), doc + "\n" + outside);
  }

  std::string page_footer(std::size_t k, std::size_t n) const {
    return say(lang, "As of: {1}", {as_of_words()}) + "　　" + std::to_string(k) + " / " +
           std::to_string(n);
  }

  /// Adds 時点 and the page number to every footer, and fits each page for good.
  void number_pages() {
    for (std::size_t k = 0; k < pages.size(); ++k) {
      DeckPage& p = pages[k];
      p.diagram.footer_notes.push_back(page_footer(k + 1, pages.size()));
      p.diagram.page = Page::Slide;
      RenderInfo info;
      p.fitted_dot = fit_diagram(*p.drawn, p.diagram, &info);
      p.smallest_pt = kSmallestType * info.scale;
    }
  }

  const Network& net;
  const Dataset& ds;
  const NameIndex& names;
  const DeckOptions& o;
  const Lang lang;
  const bool en;
  const std::shared_ptr<const Dataset> self;  ///< ds, not owned
  const std::vector<Finding> findings = find_gaps(net);
  std::vector<DeckPage> pages;
};

}  // namespace

Deck make_deck(const Network& net, const NameIndex& names, const DeckOptions& options) {
  return DeckBuilder(net, names, options).build();
}

}  // namespace renkei
