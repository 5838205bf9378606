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

const std::string& name_of(const DiffNode& n, Lang lang) {
  return lang == Lang::En && !n.name_en.empty() ? n.name_en : n.name;
}

/// Names in `names`' language, joined the way `words`' language joins a list.
std::string names_of(const std::vector<DiffNode>& v, Lang names, Lang words) {
  const std::string sep = say(words, "list|, ");
  std::string s;
  for (const DiffNode& n : v) s += (s.empty() ? "" : sep) + name_of(n, names);
  return s;
}

std::string stages(const std::vector<EdgeStatus>& v, Lang lang) {
  if (v.empty()) return say(lang, "stages|(none)");
  std::string s;
  for (EdgeStatus st : v) s += (s.empty() ? "" : "・") + std::string(label(st, lang));
  return s;
}

std::string rule_label(GapRule r, Lang lang) {
  const GapRuleInfo& info = gap_rule_info(r);
  if (lang == Lang::En) return info.name;
  std::string ja = info.label_ja;
  ja.erase(std::remove(ja.begin(), ja.end(), '\n'), ja.end());
  return std::string(info.name) + "（" + ja + "）";
}

/// Writes the report; one function per section, each skipped when it has nothing. Sentences
/// are said in `lang` (base/catalogue/report.inc has their Japanese), names in `names`.
class TextReport {
 public:
  /// `unit`: the table's word for its units, in the Japanese headings (市町, 区…).
  TextReport(std::ostream& out, Lang lang, Lang names, const std::string& unit)
      : out_(out), lang_(lang), names_(names), unit_(lang == Lang::En ? "" : unit) {}

  void write(const DatasetDiff& d) {
    auto side = [&](const std::string& label, const std::string& file, const std::string& year) {
      out_ << "  " << label << ": "
           << wrap_to_width(file + paren(year), kWidth - kKinsokuRoom - 8, "      ") << "\n";
    };
    out_ << say(lang_, "diff|Changes") << "\n";
    side(was(), d.old_origin, d.old_fiscal_year);
    side(now(), d.new_origin, d.new_fiscal_year);
    if (d.empty()) {
      out_ << say(lang_, "No changes: the two datasets hold the same data.") << "\n";
      return;
    }
    out_ << wrap_to_width(summary(d), kWidth - kKinsokuRoom, "") << "\n";
    std::vector<DiffNode> uncovered;
    for (const MunicipalityChange& m : d.municipalities)
      if (m.uncovered) uncovered.push_back(m.municipality);
    if (!uncovered.empty())
      out_ << wrap_to_width(say(lang_, "Left with no coordinator office{1}: {2}",
                                {unit_, names_of(uncovered, names_, lang_)}),
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
  std::string name(const DiffNode& n) const { return name_of(n, names_); }
  std::string names(const std::vector<DiffNode>& v) const { return names_of(v, names_, lang_); }
  /// A node's kind as the headings say it; units by the table's own word (市町, 区…).
  std::string kind_word(Kind k) const {
    return k == Kind::Municipality && lang_ == Lang::Ja ? unit_ : label(k, lang_);
  }
  std::string paren(const std::string& s) const { return say(lang_, " ({1})", {s}); }
  std::string sep() const { return say(lang_, "diff|  "); }
  std::string plus() const { return say(lang_, "diff|+"); }
  std::string minus() const { return say(lang_, "diff|-"); }
  std::string tilde() const { return say(lang_, "diff|~"); }
  std::string was() const { return say(lang_, "diff|old"); }
  std::string now() const { return say(lang_, "diff|new"); }

  std::string summary(const DatasetDiff& d) const {
    auto n = [](std::size_t x) { return std::to_string(x); };
    return say(lang_,
               "{1} added/removed/renamed, {2} municipalities{3} with changed offices, {4} "
               "councils, {5} initiatives, gaps {6} closed and {7} opened, {8} other.",
               {n(d.nodes.size()), n(d.municipalities.size()), unit_, n(d.councils.size()),
                n(d.initiatives.size()), n(d.gaps_closed.size()), n(d.gaps_opened.size()),
                n(d.other_nodes.size() + d.other_edges.size())});
  }

  void section(const std::string& title) { out_ << "\n" << title << "\n"; }
  /// "  ＋ text", wrapped so that continuation lines start under the text.
  void item(const std::string& indent, const std::string& marker, const std::string& text) {
    std::string head = indent + marker + " ";
    out_ << head
         << wrap_to_width(text, kWidth - kKinsokuRoom - display_width(head),
                          std::string(display_width(head), ' '))
         << "\n";
  }
  void quotes(const std::string& indent, const std::string& label,
              const std::vector<Source>& sources) {
    std::string head = indent + label + " ";
    for (const Source& s : sources)
      out_ << head
           << wrap_to_width(quote_line(s), kWidth - kKinsokuRoom - display_width(head) - 2,
                            std::string(display_width(head) + 2, ' '))
           << "\n";
  }
  void quotes(const std::string& indent, const std::vector<Source>& old_sources,
              const std::vector<Source>& new_sources) {
    quotes(indent, was(), old_sources);
    quotes(indent, now(), new_sources);
  }

  void nodes(const DatasetDiff& d) {
    if (d.nodes.empty()) return;
    section(say(lang_, "== Added, removed, renamed"));
    for (const NodeChange& c : d.nodes) {
      std::string kind = kind_word(c.node.kind);
      std::string served =
          c.municipalities.empty()
              ? ""
              : paren(say(lang_, "placed by{1}: {2}", {unit_, names(c.municipalities)}));
      switch (c.type) {
        case NodeChange::Type::Added:
          item("  ", plus(), kind + " " + name(c.node) + sep() + say(lang_, "diff|added") + served);
          break;
        case NodeChange::Type::Removed:
          item("  ", minus(),
               kind + " " + name(c.node) + sep() + say(lang_, "diff|removed") + served);
          break;
        case NodeChange::Type::Renamed: {
          std::string old_name =
              names_ == Lang::En && !c.old_name_en.empty() ? c.old_name_en : c.old_name;
          std::string ids =
              c.old_id != c.node.id ? paren("id " + c.old_id + " → " + c.node.id) : "";
          item("  ", tilde(),
               kind + " " + old_name + " → " + name(c.node) + sep() + say(lang_, "diff|renamed") +
                   ids);
          break;
        }
      }
      quotes("      ", c.old_sources, c.new_sources);
    }
  }

  void placements(const DatasetDiff& d) {
    if (d.municipalities.empty()) return;
    section(say(lang_, "== Coordinator offices by municipality{1}", {unit_}));
    for (const MunicipalityChange& m : d.municipalities) {
      std::string head = "  " + name(m.municipality);
      if (m.uncovered) head += sep() + say(lang_, "left with no coordinator office");
      if (m.covered) head += sep() + say(lang_, "has a coordinator office again");
      out_ << head << "\n";
      auto shared_note = [&](const PlacementChange& p) {
        if (!p.shared) return std::string();
        if (p.shared_with.empty()) return paren(say(lang_, "diff|shared"));
        return paren(say(lang_, "shared: {1}", {names(p.shared_with)}));
      };
      for (const PlacementChange& p : m.lost) {
        item("    ", minus(), name(p.office) + shared_note(p));
        quotes("        ", was(), p.sources);
      }
      for (const PlacementChange& p : m.gained) {
        item("    ", plus(), name(p.office) + shared_note(p));
        quotes("        ", now(), p.sources);
      }
      for (const PlacementChange& p : m.became_shared)
        item("    ", tilde(),
             name(p.office) + sep() + say(lang_, "became shared") + paren(names(p.shared_with)));
      for (const PlacementChange& p : m.stopped_shared)
        item("    ", tilde(),
             name(p.office) + sep() + say(lang_, "no longer shared") + paren(names(p.shared_with)));
    }
  }

  void councils(const DatasetDiff& d) {
    if (d.councils.empty()) return;
    section(say(lang_, "== Councils: meetings and status"));
    for (const CouncilChange& c : d.councils) {
      std::string who = c.holders.empty() ? "" : paren(names(c.holders));
      switch (c.type) {
        case CouncilChange::Type::StartedMeeting:
          item("  ", plus(), name(c.council) + who + sep() + say(lang_, "met (did not before)"));
          break;
        case CouncilChange::Type::StoppedMeeting:
          item("  ", minus(),
               name(c.council) + who + sep() + say(lang_, "did not meet (met before)"));
          break;
        case CouncilChange::Type::Status:
          item("  ", tilde(),
               name(c.council) + who + sep() +
                   say(lang_, "status {1} → {2}",
                       {label(c.old_status, lang_), label(c.new_status, lang_)}));
          break;
      }
      quotes("      ", c.old_sources, c.new_sources);
    }
  }

  std::string initiative_change(InitiativeChange::Type t) const {
    switch (t) {
      case InitiativeChange::Type::Advanced: return say(lang_, "advanced");
      case InitiativeChange::Type::Regressed: return say(lang_, "went back");
      case InitiativeChange::Type::Added: return say(lang_, "newly stated");
      case InitiativeChange::Type::Dropped: return say(lang_, "no longer stated");
      default: return say(lang_, "stage changed");
    }
  }

  void initiatives(const DatasetDiff& d) {
    if (d.initiatives.empty()) return;
    section(say(lang_, "== Initiatives (municipality{1} x kind of work)", {unit_}));
    for (const InitiativeChange& c : d.initiatives) {
      std::string marker = c.type == InitiativeChange::Type::Added     ? plus()
                           : c.type == InitiativeChange::Type::Dropped ? minus()
                                                                       : tilde();
      item("  ", marker,
           name(c.municipality) + " × " + name(c.initiative) + sep() + initiative_change(c.type) +
               ": " + stages(c.old_stages, lang_) + " → " + stages(c.new_stages, lang_));
      quotes("      ", c.old_sources, c.new_sources);
    }
  }

  void gaps(const DatasetDiff& d) {
    if (d.gaps_closed.empty() && d.gaps_opened.empty()) return;
    section(say(lang_, "== Coverage gaps (renkei gaps)"));
    auto list = [&](const std::string& title, const std::string& marker, const std::string& label,
                    const std::vector<GapChange>& v) {
      out_ << "  " << title << "\n";
      for (const GapChange& g : v) {
        std::string text = name(g.municipality) + sep() + rule_label(g.rule, lang_);
        if (g.no_office_left)
          text += sep() + say(lang_, "only because it has no office left; not an improvement");
        item("    ", marker, text);
        quotes("        ", label, g.evidence);
      }
    };
    list(say(lang_, "closed {1}", {std::to_string(d.gaps_closed.size())}), minus(), was(),
         d.gaps_closed);
    list(say(lang_, "opened {1}", {std::to_string(d.gaps_opened.size())}), plus(), now(),
         d.gaps_opened);
  }

  void other(const DatasetDiff& d) {
    section(say(lang_, "== Other changes"));
    if (d.other_nodes.empty() && d.other_edges.empty()) {
      out_ << "  " << say(lang_, "diff|none") << "\n";
      return;
    }
    for (const OtherNodeChange& c : d.other_nodes) {
      std::string fields;
      for (const auto& f : c.fields) fields += (fields.empty() ? "" : ", ") + f;
      item("  ", tilde(),
           kind_word(c.node.kind) + " " + name(c.node) + sep() +
               say(lang_, "fields: {1}", {fields}));
    }
    for (const OtherEdgeChange& c : d.other_edges) {
      std::string marker = c.type == OtherEdgeChange::Type::Added     ? plus()
                           : c.type == OtherEdgeChange::Type::Removed ? minus()
                                                                      : tilde();
      std::string what = c.type == OtherEdgeChange::Type::Added ? say(lang_, "relation added")
                         : c.type == OtherEdgeChange::Type::Removed
                             ? say(lang_, "relation removed")
                             : say(lang_, "relation changed");
      std::string fields;
      for (const auto& f : c.fields) fields += (fields.empty() ? "" : ", ") + f;
      item("  ", marker,
           what + ": " + name(c.from) + " —" + word(c.relation) + "→ " + name(c.to) +
               (fields.empty() ? "" : paren(fields)));
      quotes("      ", c.old_sources, c.new_sources);
    }
  }

  std::ostream& out_;
  Lang lang_;               ///< the sentences'
  Lang names_;              ///< the names': Japanese, or romanized with --lang en
  const std::string unit_;  ///< the table's word for its units in Japanese; empty in English
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
  TextReport(c.out, c.said(), c.lang(), d.unit_word).write(d);
}

}  // namespace renkei
