// diff: what changed between two years' tables, from offices to gaps, with the quotes.
#include "report/diff.h"

#include <algorithm>

#include "base/text.h"
#include "formats/node_json.h"

namespace renkei {

using nlohmann::json;

namespace {

constexpr std::size_t kWidth = kAnswerWidth;
/// wrap_to_width keeps 」。、 on the line they close, which may run up to two characters
/// past its width: lines are wrapped this much narrower so they stay within kWidth.
constexpr std::size_t kKinsokuRoom = 4;

/// Words of the text report in the two languages.
struct DiffWords {
  const char *heading, *none, *none_in_section, *was, *now;
  const char *nodes, *placements, *councils, *initiatives, *gaps, *other;
  const char *added, *removed, *renamed, *placed_at, *shared, *shared_with, *uncovered, *covered;
  const char *became_shared, *stopped_shared, *met, *not_met, *status;
  const char *advanced, *regressed, *stage_changed, *initiative_added, *dropped;
  const char *closed, *opened, *no_office_left, *fields, *edge_added, *edge_removed, *edge_changed;
};

const DiffWords kJa = {
    "変更点",
    "変更はありません: 2つのデータは同じ内容です。",
    "なし",
    "旧",
    "新",
    "■ 追加・廃止・名称変更",
    "■ 市町ごとのコーディネーター配置先",
    "■ 協議の場の開催と状態",
    "■ 取組（市町 × 取組の種類）",
    "■ 支援のすき間（renkei gaps）",
    "■ その他の変更",
    "追加",
    "廃止",
    "名称変更",
    "配置する市町",
    "共有",
    "共有先",
    "配置先がなくなった",
    "配置先ができた",
    "共有になった",
    "共有でなくなった",
    "開催あり（前は開催なし）",
    "開催なし（前は開催あり）",
    "状態",
    "進んだ",
    "後退した",
    "段階が変わった",
    "新たに記載",
    "記載がなくなった",
    "解消",
    "新たに発生",
    "配置先がなくなったため。改善ではない",
    "変わった項目",
    "関係の追加",
    "関係の削除",
    "関係の変更",
};
const DiffWords kEn = {
    "Changes",
    "No changes: the two datasets hold the same data.",
    "none",
    "old",
    "new",
    "== Added, removed, renamed",
    "== Coordinator offices by municipality",
    "== Councils: meetings and status",
    "== Initiatives (municipality x kind of work)",
    "== Coverage gaps (renkei gaps)",
    "== Other changes",
    "added",
    "removed",
    "renamed",
    "placed by",
    "shared",
    "shared with",
    "left with no coordinator office",
    "has a coordinator office again",
    "became shared",
    "no longer shared",
    "met (did not before)",
    "did not meet (met before)",
    "status",
    "advanced",
    "went back",
    "stage changed",
    "newly stated",
    "no longer stated",
    "closed",
    "opened",
    "only because it has no office left; not an improvement",
    "fields",
    "relation added",
    "relation removed",
    "relation changed",
};

const std::string& name_of(const DiffNode& n, Lang lang) {
  return lang == Lang::En && !n.name_en.empty() ? n.name_en : n.name;
}

std::string names_of(const std::vector<DiffNode>& v, Lang lang) {
  std::string s;
  for (const DiffNode& n : v)
    s += (s.empty() ? "" : lang == Lang::En ? ", " : "、") + name_of(n, lang);
  return s;
}

template <typename E>
std::string term_label(const std::vector<Term<E>>& table, E value, Lang lang) {
  for (const auto& t : table)
    if (t.value == value) return lang == Lang::En ? t.word : t.label_ja;
  return "";
}

std::string stages(const std::vector<EdgeStatus>& v, Lang lang) {
  if (v.empty()) return lang == Lang::En ? "(none)" : "（なし）";
  std::string s;
  for (EdgeStatus st : v) s += (s.empty() ? "" : "・") + term_label(edge_statuses(), st, lang);
  return s;
}

std::string kind_label(Kind k, Lang lang) {
  if (lang == Lang::En) return word(k);
  for (const auto& t : kinds())
    if (t.value == k) return t.label_ja;
  return "";
}

std::string rule_label(GapRule r, Lang lang) {
  const GapRuleInfo& info = gap_rule_info(r);
  if (lang == Lang::En) return info.name;
  std::string ja = info.label_ja;
  ja.erase(std::remove(ja.begin(), ja.end(), '\n'), ja.end());
  return std::string(info.name) + "（" + ja + "）";
}

/// Writes the report; one function per section, each skipped when it has nothing.
class TextReport {
 public:
  /// `unit`: the table's word for its units, in the Japanese headings (市町, 区…).
  TextReport(std::ostream& out, Lang lang, const std::string& unit)
      : out_(out),
        lang_(lang),
        unit_(unit),
        placements_ja_("■ " + unit + "ごとのコーディネーター配置先"),
        initiatives_ja_("■ 取組（" + unit + " × 取組の種類）"),
        placed_at_ja_("配置する" + unit),
        w_(lang == Lang::En ? kEn : kJa) {
    if (lang == Lang::En) return;
    w_.placements = placements_ja_.c_str();
    w_.initiatives = initiatives_ja_.c_str();
    w_.placed_at = placed_at_ja_.c_str();
  }

  /// A node's kind as the headings say it; units by the table's own word (市町, 区…).
  std::string kind_word(Kind k) const {
    return k == Kind::Municipality && lang_ == Lang::Ja ? unit_ : kind_label(k, lang_);
  }

  void write(const DatasetDiff& d) {
    auto side = [&](const char* label, const std::string& file, const std::string& year) {
      out_ << "  " << label << ": "
           << wrap_to_width(file + paren(year), kWidth - kKinsokuRoom - 8, "      ") << "\n";
    };
    out_ << w_.heading << "\n";
    side(w_.was, d.old_origin, d.old_fiscal_year);
    side(w_.now, d.new_origin, d.new_fiscal_year);
    if (d.empty()) {
      out_ << w_.none << "\n";
      return;
    }
    out_ << wrap_to_width(summary(d), kWidth - kKinsokuRoom, "") << "\n";
    std::vector<DiffNode> uncovered;
    for (const MunicipalityChange& m : d.municipalities)
      if (m.uncovered) uncovered.push_back(m.municipality);
    if (!uncovered.empty())
      out_ << wrap_to_width(std::string(lang_ == Lang::En ? "Left with no coordinator office: "
                                                          : "配置先がなくなった" + unit_ + ": ") +
                                names_of(uncovered, lang_),
                            kWidth - kKinsokuRoom, "  ")
           << "\n";
    nodes(d);
    placements(d);
    councils(d);
    initiatives(d);
    gaps(d);
    other(d);
  }

 private:
  bool en() const { return lang_ == Lang::En; }
  std::string paren(const std::string& s) const { return en() ? " (" + s + ")" : "（" + s + "）"; }
  std::string sep() const { return en() ? "  " : "　"; }
  const char* plus() const { return en() ? "+" : "＋"; }
  const char* minus() const { return en() ? "-" : "－"; }
  const char* tilde() const { return en() ? "~" : "～"; }

  std::string summary(const DatasetDiff& d) const {
    auto n = [](std::size_t x) { return std::to_string(x); };
    if (en())
      return n(d.nodes.size()) + " added/removed/renamed, " + n(d.municipalities.size()) +
             " municipalities with changed offices, " + n(d.councils.size()) + " councils, " +
             n(d.initiatives.size()) + " initiatives, gaps " + n(d.gaps_closed.size()) +
             " closed and " + n(d.gaps_opened.size()) + " opened, " +
             n(d.other_nodes.size() + d.other_edges.size()) + " other.";
    return "追加・廃止・名称変更 " + n(d.nodes.size()) + "件、配置先が変わった" + unit_ + " " +
           n(d.municipalities.size()) + "、協議の場 " + n(d.councils.size()) + "件、取組 " +
           n(d.initiatives.size()) + "件、すき間 解消 " + n(d.gaps_closed.size()) + "件・発生 " +
           n(d.gaps_opened.size()) + "件、その他 " +
           n(d.other_nodes.size() + d.other_edges.size()) + "件。";
  }

  void section(const char* title) { out_ << "\n" << title << "\n"; }
  /// "  ＋ text", wrapped so that continuation lines start under the text.
  void item(const std::string& indent, const char* marker, const std::string& text) {
    std::string head = indent + marker + " ";
    out_ << head
         << wrap_to_width(text, kWidth - kKinsokuRoom - display_width(head),
                          std::string(display_width(head), ' '))
         << "\n";
  }
  void quotes(const std::string& indent, const char* label, const std::vector<Source>& sources) {
    std::string head = indent + label + " ";
    for (const Source& s : sources)
      out_ << head
           << wrap_to_width(quote_line(s), kWidth - kKinsokuRoom - display_width(head) - 2,
                            std::string(display_width(head) + 2, ' '))
           << "\n";
  }

  void nodes(const DatasetDiff& d) {
    if (d.nodes.empty()) return;
    section(w_.nodes);
    for (const NodeChange& c : d.nodes) {
      std::string kind = kind_word(c.node.kind);
      std::string served =
          c.municipalities.empty()
              ? ""
              : paren(std::string(w_.placed_at) + ": " + names_of(c.municipalities, lang_));
      switch (c.type) {
        case NodeChange::Type::Added:
          item("  ", plus(), kind + " " + name_of(c.node, lang_) + sep() + w_.added + served);
          break;
        case NodeChange::Type::Removed:
          item("  ", minus(), kind + " " + name_of(c.node, lang_) + sep() + w_.removed + served);
          break;
        case NodeChange::Type::Renamed: {
          std::string old_name =
              lang_ == Lang::En && !c.old_name_en.empty() ? c.old_name_en : c.old_name;
          std::string ids =
              c.old_id != c.node.id ? paren("id " + c.old_id + " → " + c.node.id) : "";
          item("  ", tilde(),
               kind + " " + old_name + " → " + name_of(c.node, lang_) + sep() + w_.renamed + ids);
          break;
        }
      }
      quotes("      ", w_.was, c.old_sources);
      quotes("      ", w_.now, c.new_sources);
    }
  }

  void placements(const DatasetDiff& d) {
    if (d.municipalities.empty()) return;
    section(w_.placements);
    for (const MunicipalityChange& m : d.municipalities) {
      std::string head = "  " + name_of(m.municipality, lang_);
      if (m.uncovered) head += sep() + w_.uncovered;
      if (m.covered) head += sep() + w_.covered;
      out_ << head << "\n";
      auto shared_note = [&](const PlacementChange& p) {
        if (!p.shared) return std::string();
        return paren(std::string(w_.shared) +
                     (p.shared_with.empty() ? "" : ": " + names_of(p.shared_with, lang_)));
      };
      for (const PlacementChange& p : m.lost) {
        item("    ", minus(), name_of(p.office, lang_) + shared_note(p));
        quotes("        ", w_.was, p.sources);
      }
      for (const PlacementChange& p : m.gained) {
        item("    ", plus(), name_of(p.office, lang_) + shared_note(p));
        quotes("        ", w_.now, p.sources);
      }
      for (const PlacementChange& p : m.became_shared)
        item("    ", tilde(),
             name_of(p.office, lang_) + sep() + w_.became_shared +
                 paren(names_of(p.shared_with, lang_)));
      for (const PlacementChange& p : m.stopped_shared)
        item("    ", tilde(),
             name_of(p.office, lang_) + sep() + w_.stopped_shared +
                 paren(names_of(p.shared_with, lang_)));
    }
  }

  void councils(const DatasetDiff& d) {
    if (d.councils.empty()) return;
    section(w_.councils);
    for (const CouncilChange& c : d.councils) {
      std::string who = c.holders.empty() ? "" : paren(names_of(c.holders, lang_));
      switch (c.type) {
        case CouncilChange::Type::StartedMeeting:
          item("  ", plus(), name_of(c.council, lang_) + who + sep() + w_.met);
          break;
        case CouncilChange::Type::StoppedMeeting:
          item("  ", minus(), name_of(c.council, lang_) + who + sep() + w_.not_met);
          break;
        case CouncilChange::Type::Status:
          item("  ", tilde(),
               name_of(c.council, lang_) + who + sep() + w_.status + " " +
                   term_label(council_statuses(), c.old_status, lang_) + " → " +
                   term_label(council_statuses(), c.new_status, lang_));
          break;
      }
      quotes("      ", w_.was, c.old_sources);
      quotes("      ", w_.now, c.new_sources);
    }
  }

  void initiatives(const DatasetDiff& d) {
    if (d.initiatives.empty()) return;
    section(w_.initiatives);
    for (const InitiativeChange& c : d.initiatives) {
      const char* marker = c.type == InitiativeChange::Type::Added     ? plus()
                           : c.type == InitiativeChange::Type::Dropped ? minus()
                                                                       : tilde();
      const char* what = c.type == InitiativeChange::Type::Advanced    ? w_.advanced
                         : c.type == InitiativeChange::Type::Regressed ? w_.regressed
                         : c.type == InitiativeChange::Type::Added     ? w_.initiative_added
                         : c.type == InitiativeChange::Type::Dropped   ? w_.dropped
                                                                       : w_.stage_changed;
      item("  ", marker,
           name_of(c.municipality, lang_) + " × " + name_of(c.initiative, lang_) + sep() + what +
               ": " + stages(c.old_stages, lang_) + " → " + stages(c.new_stages, lang_));
      quotes("      ", w_.was, c.old_sources);
      quotes("      ", w_.now, c.new_sources);
    }
  }

  void gaps(const DatasetDiff& d) {
    if (d.gaps_closed.empty() && d.gaps_opened.empty()) return;
    section(w_.gaps);
    auto list = [&](const char* title, const char* marker, const char* label,
                    const std::vector<GapChange>& v) {
      out_ << "  " << title << " " << v.size() << (lang_ == Lang::En ? "" : "件") << "\n";
      for (const GapChange& g : v) {
        std::string text = name_of(g.municipality, lang_) + sep() + rule_label(g.rule, lang_);
        if (g.no_office_left) text += sep() + (en() ? "" : "※") + w_.no_office_left;
        item("    ", marker, text);
        quotes("        ", label, g.evidence);
      }
    };
    list(w_.closed, minus(), w_.was, d.gaps_closed);
    list(w_.opened, plus(), w_.now, d.gaps_opened);
  }

  void other(const DatasetDiff& d) {
    section(w_.other);
    if (d.other_nodes.empty() && d.other_edges.empty()) {
      out_ << "  " << w_.none_in_section << "\n";
      return;
    }
    for (const OtherNodeChange& c : d.other_nodes) {
      std::string fields;
      for (const auto& f : c.fields) fields += (fields.empty() ? "" : ", ") + f;
      item("  ", tilde(),
           kind_word(c.node.kind) + " " + name_of(c.node, lang_) + sep() + w_.fields + ": " +
               fields);
    }
    for (const OtherEdgeChange& c : d.other_edges) {
      const char* marker = c.type == OtherEdgeChange::Type::Added     ? plus()
                           : c.type == OtherEdgeChange::Type::Removed ? minus()
                                                                      : tilde();
      const char* what = c.type == OtherEdgeChange::Type::Added     ? w_.edge_added
                         : c.type == OtherEdgeChange::Type::Removed ? w_.edge_removed
                                                                    : w_.edge_changed;
      std::string fields;
      for (const auto& f : c.fields) fields += (fields.empty() ? "" : ", ") + f;
      item("  ", marker,
           std::string(what) + ": " + name_of(c.from, lang_) + " —" + word(c.relation) + "→ " +
               name_of(c.to, lang_) + (fields.empty() ? "" : paren(fields)));
      quotes("      ", w_.was, c.old_sources);
      quotes("      ", w_.now, c.new_sources);
    }
  }

  std::ostream& out_;
  Lang lang_;
  const std::string unit_;
  const std::string placements_ja_, initiatives_ja_, placed_at_ja_;  ///< w_'s words with unit_
  DiffWords w_;
};

// ---------------------------------------------------------------- JSON

json ref_json(const DiffNode& n) {
  json j = {{"id", n.id}, {"kind", word(n.kind)}, {"name", n.name}};
  if (!n.name_en.empty()) j["name_en"] = n.name_en;
  return j;
}
json refs_json(const std::vector<DiffNode>& v) {
  json a = json::array();
  for (const DiffNode& n : v) a.push_back(ref_json(n));
  return a;
}
json sources_json(const std::vector<Source>& v) {
  json a = json::array();
  for (const Source& s : v) a.push_back(source_json(s));
  return a;
}
json stages_json(const std::vector<EdgeStatus>& v) {
  json a = json::array();
  for (EdgeStatus s : v) a.push_back(word(s));
  return a;
}
json placements_json(const std::vector<PlacementChange>& v) {
  json a = json::array();
  for (const PlacementChange& p : v)
    a.push_back({{"office", ref_json(p.office)},
                 {"shared", p.shared},
                 {"shared_with", refs_json(p.shared_with)},
                 {"sources", sources_json(p.sources)}});
  return a;
}
json gaps_json(const std::vector<GapChange>& v) {
  json a = json::array();
  for (const GapChange& g : v) {
    json x = {{"rule", gap_rule_info(g.rule).name},
              {"municipality", ref_json(g.municipality)},
              {"detail", g.detail},
              {"evidence", sources_json(g.evidence)}};
    if (g.no_office_left) x["no_office_left"] = true;
    a.push_back(x);
  }
  return a;
}

json diff_json(const DatasetDiff& d) {
  json nodes = json::array(), municipalities = json::array(), councils = json::array(),
       initiatives = json::array();
  for (const NodeChange& c : d.nodes) {
    json x = {{"change", word(c.type)}, {"node", ref_json(c.node)}};
    if (c.type == NodeChange::Type::Renamed) {
      x["old_id"] = c.old_id;
      x["old_name"] = c.old_name;
      if (!c.old_name_en.empty()) x["old_name_en"] = c.old_name_en;
    }
    if (c.node.kind == Kind::Office) x["municipalities"] = refs_json(c.municipalities);
    x["old_sources"] = sources_json(c.old_sources);
    x["new_sources"] = sources_json(c.new_sources);
    nodes.push_back(x);
  }
  for (const MunicipalityChange& m : d.municipalities)
    municipalities.push_back({{"municipality", ref_json(m.municipality)},
                              {"offices_gained", placements_json(m.gained)},
                              {"offices_lost", placements_json(m.lost)},
                              {"became_shared", placements_json(m.became_shared)},
                              {"stopped_shared", placements_json(m.stopped_shared)},
                              {"shared_gained", refs_json(m.shared_gained)},
                              {"shared_lost", refs_json(m.shared_lost)},
                              {"uncovered", m.uncovered},
                              {"covered", m.covered}});
  for (const CouncilChange& c : d.councils)
    councils.push_back({{"change", word(c.type)},
                        {"council", ref_json(c.council)},
                        {"held_by", refs_json(c.holders)},
                        {"old_status", word(c.old_status)},
                        {"new_status", word(c.new_status)},
                        {"old_sources", sources_json(c.old_sources)},
                        {"new_sources", sources_json(c.new_sources)}});
  for (const InitiativeChange& c : d.initiatives)
    initiatives.push_back({{"change", word(c.type)},
                           {"municipality", ref_json(c.municipality)},
                           {"initiative", ref_json(c.initiative)},
                           {"old_stages", stages_json(c.old_stages)},
                           {"new_stages", stages_json(c.new_stages)},
                           {"old_sources", sources_json(c.old_sources)},
                           {"new_sources", sources_json(c.new_sources)}});
  json other_nodes = json::array(), other_edges = json::array();
  for (const OtherNodeChange& c : d.other_nodes)
    other_nodes.push_back({{"node", ref_json(c.node)}, {"fields", c.fields}});
  for (const OtherEdgeChange& c : d.other_edges)
    other_edges.push_back({{"change", word(c.type)},
                           {"from", ref_json(c.from)},
                           {"relation", word(c.relation)},
                           {"to", ref_json(c.to)},
                           {"fields", c.fields},
                           {"old_sources", sources_json(c.old_sources)},
                           {"new_sources", sources_json(c.new_sources)}});
  return {{"old", {{"file", d.old_origin}, {"fiscal_year", d.old_fiscal_year}}},
          {"new", {{"file", d.new_origin}, {"fiscal_year", d.new_fiscal_year}}},
          {"changed", !d.empty()},
          {"nodes", nodes},
          {"municipalities", municipalities},
          {"councils", councils},
          {"initiatives", initiatives},
          {"gaps", {{"closed", gaps_json(d.gaps_closed)}, {"opened", gaps_json(d.gaps_opened)}}},
          {"other", {{"nodes", other_nodes}, {"edges", other_edges}}}};
}

}  // namespace

void print_diff(const Reply& c, const DatasetDiff& d) {
  if (c.json) {
    print_json(c.out, diff_json(d));
    return;
  }
  TextReport(c.out, c.lang(), d.unit_word).write(d);
}

}  // namespace renkei
