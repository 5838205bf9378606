#include <algorithm>

#include "base/say.h"
#include "query/queries.h"

namespace renkei {

const std::vector<GapRuleInfo>& gap_rules() {
  static const std::vector<GapRuleInfo> t = {
      {GapRule::NoMeeting,
       "no-meeting",
       "会議\nなし",
       N_("its own council did not and will not meet on these children in the fiscal year"),
       N_("Looks at the municipality's own councils (a council shared by all the table's units "
          "counts "
          "as its own). Found when none of them held or "
          "planned a meeting about "
          "these children in the fiscal year, and the source says so for at least one of them: "
          "開催なし, 開催予定なし, "
          "協議なし (no meeting) or 休会 (in recess). A municipality whose row says nothing about "
          "its "
          "own council's "
          "meetings is not counted here (see regional-only)."),
       {GapFact::Councils, GapFact::Meetings}},
      {GapRule::PlannedOnly,
       "planned-only",
       "会議は\n予定のみ",
       N_("its only meetings in the fiscal year were still planned when the table was written"),
       N_("Found when no council of the municipality's own had held a meeting about these children "
          "when the table was "
          "written, but at least one was planned (予定, or 開催未 with a date: scheduled, not yet "
          "held)."),
       {GapFact::Councils, GapFact::Meetings}},
      {GapRule::InactiveCoordinator,
       "inactive-coordinator",
       "コーディ\nネーター\n活動なし",
       N_("the source says its coordinators did nothing"),
       N_("Found when what the source says of its coordinators' activity "
          "(コーディネーターの活動状況) "
          "is that nothing happened: 特になし, "
          "対応ケースなし, or "
          "実績がない. The quote is the evidence. Where the row also says there is at present no "
          "child to serve "
          "(対象者なし, 該当者がいない), the finding stays (the source still says nothing "
          "happened) "
          "but says so beside it, "
          "with that quote: a coordinator with no case in a town with no eligible child is not a "
          "coordinator who left "
          "children waiting."),
       {GapFact::Activity}},
      {GapRule::NoOffice,
       "no-office",
       "配置先\nなし",
       N_("no coordinator office at all"),
       N_("Found when the source names no office (配置先) for the municipality: no coordinator is "
          "placed for its "
          "children. The gap is what the table does not name, so the evidence is where the table "
          "names the unit."),
       {GapFact::Placements}},
      {GapRule::SingleOffice,
       "single-office",
       "配置先\n1か所",
       N_("exactly one coordinator office"),
       N_("Found when the source names exactly one office (配置先) for the municipality."),
       {GapFact::Placements}},
      {GapRule::SharedOnly,
       "shared-only",
       "配置先は\nすべて共有",
       N_("every coordinator office it has also serves other municipalities"),
       N_("Found when every office named for the municipality is also named for another "
          "municipality: "
          "its coordinators are shared with (or belong to) another town. The detail names the "
          "other "
          "towns."),
       {GapFact::Placements}},
      {GapRule::RegionalOnly,
       "regional-only",
       "圏域・近隣の\n協議の場のみ",
       N_("it takes up these children only through a regional or neighbour's council"),
       N_("Found when the municipality takes part (as stated, not only planned) in a council that "
          "is "
          "not its own — the "
          "council of its planning region (圏域) or its project, or a neighbour's sub-committee — "
          "and "
          "none of its own councils held or planned "
          "a meeting about these children (no meeting, none stated, or the children not on the "
          "agenda)."),
       {GapFact::Councils}},
      {GapRule::NoCenterLink,
       "no-center-link",
       "支援センター\n連携なし",
       N_("nothing ties it to a support center"),
       N_("Found when the source states no link with a support center (医療的ケア児支援センター) "
          "for "
          "the municipality or for "
          "any council it holds or takes part in. A mention the source itself calls unclear (such "
          "as "
          "連携内容が不明) is not "
          "a link; it is quoted as evidence. Where nothing is quoted, the source simply names no "
          "center for that row."),
       {GapFact::Centers}},
      {GapRule::StatedChallenge,
       "stated-challenge",
       "課題の\n記載あり",
       N_("the row states a challenge or shortage"),
       N_("Found for every challenge the row states: text under 【課題】 or 課題等, or a sentence "
          "the "
          "row itself calls a "
          "difficulty (…が課題, …が困難, 確保が難しい). Each is quoted."),
       {GapFact::Challenges}},
  };
  return t;
}

const GapRuleInfo& gap_rule_info(GapRule rule) {
  return *std::find_if(gap_rules().begin(), gap_rules().end(),
                       [rule](const GapRuleInfo& i) { return i.rule == rule; });
}

std::optional<std::string> gap_rule_not_applicable(const Dataset& ds, GapRule rule) {
  const DocumentInfo& doc = ds.document;
  auto any_node = [&](auto&& pred) { return std::any_of(ds.nodes.begin(), ds.nodes.end(), pred); };
  for (GapFact fact : gap_rule_info(rule).needs) {
    switch (fact) {
      case GapFact::Councils:
        if (!doc.has_role(ColumnRole::Council) &&
            !any_node([](const Node& n) { return n.kind == Kind::Council; }))
          return say("the table has no council column and names no council (協議の場)");
        break;
      case GapFact::Meetings:
        if (!doc.has_role(ColumnRole::Meetings) &&
            !any_node([](const Node& n) { return !n.meetings.empty(); }))
          return say("the table says nothing of councils' meetings (開催状況)");
        break;
      case GapFact::Activity:
        if (!doc.has_role(ColumnRole::Activity) &&
            !any_node([](const Node& n) { return n.activity.has_value(); }))
          return say("the table does not say what the coordinators did (活動状況)");
        break;
      case GapFact::Placements:
        if (!doc.has_role(ColumnRole::Placements) &&
            !std::any_of(ds.edges.begin(), ds.edges.end(),
                         [](const Edge& e) { return e.relation == Relation::Coordinator; }))
          return say("the table names no coordinator placements (配置先)");
        break;
      case GapFact::Centers:
        if (!any_node([](const Node& n) { return n.kind == Kind::Center; }))
          return say("the table names no support center (医療的ケア児支援センター)");
        break;
      case GapFact::Challenges:
        if (!doc.has_role(ColumnRole::Plans) &&
            !any_node([](const Node& n) { return !n.challenges.empty(); }))
          return say("the table has no column of plans and challenges (課題) and states none");
        break;
    }
  }
  return std::nullopt;
}

namespace {

struct MunicipalityView {
  std::vector<std::size_t> own_councils, joined_councils;  // joined: participates, not planned
  std::vector<std::size_t> centers;                        // linked directly or through a council
};

MunicipalityView view_of(const Network& net, std::size_t m) {
  const Dataset& ds = net.data();
  MunicipalityView mv;
  std::vector<std::size_t> councils;
  // Only edges leaving the town and its councils matter: Dataset::edges_from, not the
  // graph's incidence lists (a regional council's list holds every member town's edge).
  for (std::size_t k : ds.edges_from(m)) {
    const Edge& e = ds.edges[k];
    if (e.relation == Relation::Participates && e.status == EdgeStatus::Current)
      mv.joined_councils.push_back(e.to);
    if (e.relation == Relation::Liaises) mv.centers.push_back(e.to);
  }
  mv.own_councils = own_councils(ds, m);
  for (std::size_t c : mv.own_councils)  // a council of all the units is not a neighbour's
    mv.joined_councils.erase(std::remove(mv.joined_councils.begin(), mv.joined_councils.end(), c),
                             mv.joined_councils.end());
  councils = mv.own_councils;
  councils.insert(councils.end(), mv.joined_councils.begin(), mv.joined_councils.end());
  for (std::size_t c : councils)
    for (std::size_t k : ds.edges_from(c))
      if (ds.edges[k].relation == Relation::Liaises) mv.centers.push_back(ds.edges[k].to);
  sort_nodes(ds, mv.joined_councils);
  sort_nodes(ds, mv.centers);
  return mv;
}

std::string join_names(const Dataset& ds, const std::vector<std::size_t>& v) {
  std::string s;
  for (std::size_t i : v) s += (s.empty() ? "" : "、") + ds.nodes[i].name;
  return s;
}

}  // namespace

std::vector<Finding> find_gaps(const Network& net, std::optional<GapRule> only_rule,
                               std::optional<std::size_t> only_m) {
  const Dataset& ds = net.data();
  std::vector<std::size_t> municipalities;
  for (std::size_t i = 0; i < ds.nodes.size(); ++i)
    if (ds.nodes[i].kind == Kind::Municipality && (!only_m || *only_m == i))
      municipalities.push_back(i);
  sort_nodes(ds, municipalities);

  std::vector<bool> applies;
  for (const GapRuleInfo& r : gap_rules()) applies.push_back(!gap_rule_not_applicable(ds, r.rule));
  std::vector<Finding> out;
  for (std::size_t m : municipalities) {
    const Node& mn = ds.nodes[m];
    MunicipalityView mv = view_of(net, m);
    auto add = [&](GapRule rule, std::string detail, std::vector<Source> evidence,
                   std::vector<Source> context = {}) {
      if ((!only_rule || *only_rule == rule) && applies[static_cast<std::size_t>(rule)])
        out.push_back({rule, m, std::move(detail), std::move(evidence), std::move(context)});
    };

    // Meetings of its own councils that are about these children.
    ChildrenMeetings met = children_meetings(ds, mv.own_councils);
    bool held = met.held, planned = met.planned;
    std::vector<Source> none_quotes, planned_quotes, other_quotes;  // the evidence of each
    for (std::size_t c : mv.own_councils)
      for (const Meeting& mt : ds.nodes[c].meetings) {
        if (!mt.about_children) {  // the evidence is the sentence saying they were not on the
                                   // agenda
          if (!mt.summary.empty())
            other_quotes.push_back({mt.source.row, mt.source.section, mt.summary, mt.source.input});
          continue;
        }
        if (mt.status == MeetingStatus::Planned) planned_quotes.push_back(mt.source);
        if (mt.status == MeetingStatus::None || mt.status == MeetingStatus::Suspended)
          none_quotes.push_back(mt.source);
      }
    if (!held && !planned && met.not_meeting)
      add(GapRule::NoMeeting,
          say("{1} did not meet on these children in {2}",
              {join_names(ds, mv.own_councils), ds.fiscal_year.label}),
          none_quotes);
    if (!held && planned)
      add(GapRule::PlannedOnly,
          say("{1}: meetings only planned, none held when the table was written",
              {join_names(ds, mv.own_councils)}),
          planned_quotes);

    // With no child to serve, no cases is what one would expect: still found (section 4 says
    // nothing happened), but the finding says why beside it (docs/gap-rules.md).
    if (mn.activity && mn.activity->status == ActivityStatus::NoneStated)
      add(GapRule::InactiveCoordinator,
          mn.no_children.empty() ? say("coordinators report no activity")
                                 : say("coordinators report no activity; the row also says there "
                                       "is at present no child to serve"),
          {mn.activity->source}, mn.no_children);

    std::vector<std::size_t> offices = offices_of(ds, m);
    EdgeList own_edges = ds.edges_from(m);  // in data order, as quotes are listed
    auto placement_quotes = [&](std::size_t office) {
      std::vector<Source> q;
      for (std::size_t k : own_edges) {
        const Edge& e = ds.edges[k];
        if (e.relation == Relation::Coordinator && e.to == office && e.source)
          q.push_back(*e.source);
      }
      return q;
    };
    if (offices.empty()) {
      std::vector<Source> evidence;
      if (mn.source) evidence.push_back(*mn.source);
      add(GapRule::NoOffice, say("no coordinator office named for it"), evidence);
    }
    if (offices.size() == 1)
      add(GapRule::SingleOffice, say("one office: {1}", {ds.nodes[offices[0]].name}),
          placement_quotes(offices[0]));

    if (!offices.empty()) {
      bool all_shared = true;
      std::string detail;
      std::vector<Source> evidence;
      for (std::size_t o : offices) {
        std::vector<std::size_t> others = municipalities_served(ds, o);
        others.erase(std::remove(others.begin(), others.end(), m), others.end());
        if (others.empty()) {
          all_shared = false;
          break;
        }
        detail += (detail.empty() ? "" : say("; ")) +
                  say("{1} also serves {2}", {ds.nodes[o].name, join_names(ds, others)});
        for (const Source& s : placement_quotes(o)) evidence.push_back(s);
      }
      if (all_shared) add(GapRule::SharedOnly, detail, evidence);
    }

    if (!mv.joined_councils.empty() && !held && !planned) {
      std::vector<Source> evidence = none_quotes;
      evidence.insert(evidence.end(), other_quotes.begin(), other_quotes.end());
      for (std::size_t k : own_edges) {
        const Edge& e = ds.edges[k];
        if (e.relation == Relation::Participates && e.status == EdgeStatus::Current && e.source)
          evidence.push_back(*e.source);
      }
      std::string through;
      for (std::size_t c : mv.joined_councils) {
        through += (through.empty() ? "" : "、") + ds.nodes[c].name;
        if (ds.nodes[c].council_status == CouncilStatus::Ended) through += "（終了）";
      }
      add(GapRule::RegionalOnly,
          say("works on these children through {1}, not through its own council", {through}),
          evidence);
    }

    if (mv.centers.empty()) {
      std::vector<Source> evidence;
      for (const Source& s : mn.challenges)
        if (s.text.find("センター") != std::string::npos) evidence.push_back(s);
      add(GapRule::NoCenterLink,
          say("no liaison with a support center stated for it or its councils"), evidence);
    }

    if (!mn.challenges.empty())
      add(GapRule::StatedChallenge,
          mn.challenges.size() == 1
              ? say("1 challenge stated")
              : say("{1} challenges stated", {std::to_string(mn.challenges.size())}),
          mn.challenges);
  }
  return out;
}

}  // namespace renkei
