// The derived facts of model/facts.h.
#include "model/facts.h"

#include <algorithm>
#include <cstdio>

#include "base/say.h"

namespace renkei {

const std::string& display_name(const Node& n, Lang lang) {
  return lang == Lang::En && !n.name_en.empty() ? n.name_en : n.name;
}

std::optional<std::size_t> region_of(const Dataset& ds, std::size_t m) {
  for (std::size_t k : ds.edges_from(m))
    if (ds.edges[k].relation == Relation::InRegion) return ds.edges[k].to;
  return std::nullopt;
}

bool is_outside_fact(const Node& n) { return n.kind == Kind::Region || !n.outside_source.empty(); }
bool is_outside_fact(const Edge& e) {
  return e.relation == Relation::InRegion || !e.outside_source.empty();
}

bool node_order(const Dataset& ds, std::size_t a, std::size_t b) {
  const Node &x = ds.nodes[a], &y = ds.nodes[b];
  if (x.kind != y.kind) return x.kind < y.kind;
  if (x.kind == Kind::Municipality && x.row != y.row) return x.row < y.row;
  return x.id < y.id;
}

void sort_nodes(const Dataset& ds, std::vector<std::size_t>& v) {
  std::sort(v.begin(), v.end(), [&](std::size_t a, std::size_t b) { return node_order(ds, a, b); });
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

std::string quote_place(const Source& s, Lang lang) {
  if (s.entered()) return say(lang, "entered at {1}", {s.input});
  if (s.row == 0) return "";
  bool numbered = !s.section.empty() && s.section[0] >= '0' && s.section[0] <= '9';
  std::string row = say(lang, "row {1}", {std::to_string(s.row)});
  if (s.section.empty()) return row;
  if (numbered) return row + " §" + s.section;
  return say(lang, "place|{1}, {2}", {row, s.section});
}

namespace {

/// Year `y` in its era, 令和 from `reiwa` on: 令和2, 令和元, 平成31.
std::string era_year(int y, bool reiwa) {
  int n = reiwa ? y - 2018 : y - 1988;
  return std::string(reiwa ? "令和" : "平成") + (n == 1 ? "元" : std::to_string(n));
}

}  // namespace

std::string japanese_month(const std::string& month) {
  int y = 0, m = 0;
  char tail = 0;
  if (month.size() != 7 || std::sscanf(month.c_str(), "%4d-%2d%c", &y, &m, &tail) != 2 || m < 1 ||
      m > 12)
    return "";
  return era_year(y, y > 2019 || (y == 2019 && m >= 5)) + "年" + std::to_string(m) + "月";
}

namespace {

/// Whether the table writes its years in an era, as its fiscal year shows (令和6年度).
bool writes_era(const Dataset& ds) {
  const std::string& y = ds.fiscal_year.label;
  return y.find("令和") != std::string::npos || y.find("平成") != std::string::npos;
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string date_words(const Dataset& ds, const std::string& date, Lang lang) {
  if (date.size() == 4 && all_digits(date)) {  // a fiscal year (配置年度)
    int y = std::stoi(date);
    std::string year = date;
    if (lang == Lang::Ja && writes_era(ds) && y >= 1989)  // from April: FY2019 is 令和元年度
      year = era_year(y, y >= 2019);
    return say(lang, "FY{1}", {year});
  }
  std::string era = japanese_month(date);
  if (lang == Lang::En || era.empty()) return date;
  if (writes_era(ds)) return era;
  return date.substr(0, 4) + "年" + std::to_string(std::stoi(date.substr(5, 2))) + "月";
}

std::string document_citation(const Dataset& ds) {
  std::string d = ds.document.publisher;
  if (!ds.document.label.empty()) d += (d.empty() ? "" : " ") + ds.document.label;
  return d + "「" + (ds.document.title.empty() ? ds.title : ds.document.title) + "」";
}

std::string fiscal_year_words(const Dataset& ds, Lang lang) {
  if (lang == Lang::En && ds.fiscal_year.first_month.size() >= 4)
    return "FY" + ds.fiscal_year.first_month.substr(0, 4);
  return ds.fiscal_year.label;
}

std::vector<std::size_t> offices_of(const Dataset& ds, std::size_t m) {
  std::vector<std::pair<int, std::size_t>> placed;
  for (std::size_t k : ds.edges_from(m))
    if (ds.edges[k].relation == Relation::Coordinator)
      placed.push_back({ds.edges[k].order, ds.edges[k].to});
  std::sort(placed.begin(), placed.end());
  std::vector<std::size_t> out;
  for (const auto& [order, office] : placed)
    if (std::find(out.begin(), out.end(), office) == out.end()) out.push_back(office);
  return out;
}

std::vector<std::size_t> municipalities_served(const Dataset& ds, std::size_t office) {
  std::vector<std::size_t> out;
  for (std::size_t k : ds.edges_to(office))
    if (ds.edges[k].relation == Relation::Coordinator) out.push_back(ds.edges[k].from);
  sort_nodes(ds, out);
  return out;
}

bool is_shared_office(const Dataset& ds, std::size_t office) {
  return ds.nodes[office].kind == Kind::Office && municipalities_served(ds, office).size() >= 2;
}

std::vector<std::size_t> own_councils(const Dataset& ds, std::size_t m) {
  std::vector<std::size_t> out, joined;
  for (std::size_t k : ds.edges_from(m)) {
    const Edge& e = ds.edges[k];
    if (e.relation == Relation::Holds) out.push_back(e.to);
    if (e.relation == Relation::Participates && e.status == EdgeStatus::Current)
      joined.push_back(e.to);
  }
  // A council every unit of the table holds or takes part in (a city's council of all its
  // wards) is each unit's own, not a neighbour's.
  if (!joined.empty()) {
    std::size_t units = 0;
    for (const Node& n : ds.nodes) units += n.kind == Kind::Municipality;
    for (std::size_t c : joined) {
      std::vector<std::size_t> members;
      for (std::size_t k : ds.edges_to(c)) {
        const Edge& e = ds.edges[k];
        if (e.relation == Relation::Holds ||
            (e.relation == Relation::Participates && e.status == EdgeStatus::Current))
          members.push_back(e.from);
      }
      sort_nodes(ds, members);
      if (units >= 2 && members.size() == units) out.push_back(c);
    }
  }
  sort_nodes(ds, out);
  return out;
}

ChildrenMeetings children_meetings(const Dataset& ds, const std::vector<std::size_t>& councils) {
  ChildrenMeetings t;
  for (std::size_t c : councils)
    for (const Meeting& m : ds.nodes[c].meetings) {
      if (!m.about_children) continue;
      t.held |= m.status == MeetingStatus::Held;
      t.planned |= m.status == MeetingStatus::Planned;
      t.not_meeting |= m.status == MeetingStatus::None || m.status == MeetingStatus::Suspended;
    }
  return t;
}

bool is_set_up(const Node& council) {
  return council.kind == Kind::Council && council.council_status != CouncilStatus::Ended &&
         council.council_status != CouncilStatus::Planned;
}

bool met_about_children(const Node& council) {
  for (const Meeting& m : council.meetings)
    if (m.status == MeetingStatus::Held && m.about_children) return true;
  return false;
}

const std::vector<std::string>& unit_suffixes() {
  static const std::vector<std::string> s = {"市", "区", "町", "村"};
  return s;
}

std::vector<Spelling> spellings(const Node& n) {
  std::vector<Spelling> out;
  for_each_spelling(n, [&](std::string_view text, Spelling::Kind kind) {
    out.push_back({std::string(text), kind});
  });
  return out;
}

std::string kind_word(const Dataset& ds, Kind k, Lang lang) {
  if (lang == Lang::En) return word(k);
  return k == Kind::Municipality ? unit_word(ds) : label_ja(k);
}

std::string unit_word(const Dataset& ds) {
  bool has[4] = {false, false, false, false};
  static const char* const order[4] = {"市", "区", "町", "村"};
  for (const Node& n : ds.nodes)
    if (n.kind == Kind::Municipality)
      for (int t = 0; t < 4; ++t) has[t] = has[t] || n.type == order[t];
  std::string w;
  for (int t = 0; t < 4; ++t)
    if (has[t]) w += order[t];
  return w.empty() ? "市町村" : w;
}

std::string unit_offices_word(const Dataset& ds) {
  std::string w = unit_word(ds);
  return w == "区" ? "区役所" : w + "役場";
}

std::string units_word(const Dataset& ds, Lang lang, const char* english) {
  return lang == Lang::En ? english : unit_word(ds);
}

}  // namespace renkei
