// gaps, whatif, initiatives: where support is thin, what a closure would do, who to ask.
#include <algorithm>
#include <set>

#include "base/error.h"
#include "base/quoted.h"
#include "base/say.h"
#include "base/text.h"
#include "cli/commands.h"
#include "model/facts.h"
#include "query/queries.h"
#include "report/gaps.h"

namespace renkei {

using nlohmann::json;

namespace {

GapRule parse_rule_arg(const std::string& s) {
  std::vector<std::string> names;
  std::string list;
  for (const auto& r : gap_rules()) {
    if (s == r.name) return r.rule;
    names.push_back(r.name);
    list += (list.empty() ? "" : ", ") + std::string(r.name);
  }
  throw usage_error(
      say("unknown rule {1}{2}; rules are {3}", {in_quotes(s), did_you_mean(s, names), list}));
}

/// Splits "a,b,c" and resolves each to a node.
std::set<std::size_t> resolve_list(const Context& c, const std::string& s) {
  std::set<std::size_t> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t comma = s.find(',', start);
    std::string item =
        s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (item.empty()) throw usage_error(say("--remove: an empty name in {1}", {in_quotes(s)}));
    out.insert(c.names().resolve(item));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------- gaps

/// The options of `renkei gaps`.
struct GapsOptions {
  std::string rule;
  std::string municipality;
  std::string explain;  ///< --explain RULE
};
void run_gaps(Context& c, const GapsOptions& opt);

Handler setup_gaps(OptionSet& app) {
  auto o = std::make_shared<GapsOptions>();
  app.add_option("--rule", o->rule, say("only this rule"))->type_name("RULE");
  app.add_option("--municipality", o->municipality, say("only this municipality"))->type_name("M");
  app.add_option("--explain", o->explain,
                 say("print how a rule reads the data and whether it applies here (all: every "
                     "rule), and stop"))
      ->type_name("RULE");
  return [o](Context& c) { run_gaps(c, *o); };
}

void run_gaps(Context& c, const GapsOptions& opt) {
  if (opt.explain == "all") {
    print_rules_applicable(c);
    return;
  }
  if (!opt.explain.empty()) {
    print_rule_explanation(c, gap_rule_info(parse_rule_arg(opt.explain)));
    return;
  }
  Network net(c.ds);
  std::optional<GapRule> rule;
  if (!opt.rule.empty()) rule = parse_rule_arg(opt.rule);
  std::optional<std::size_t> m;
  if (!opt.municipality.empty()) m = c.names().resolve(opt.municipality, {Kind::Municipality});
  std::vector<Finding> found = find_gaps(net, rule, m);
  print_gaps(c, found, rule, m);
}

// ---------------------------------------------------------------- whatif

/// The options of `renkei whatif`.
struct WhatifOptions {
  std::string remove;  ///< nodes to remove, comma-separated
  std::string each;    ///< --each KIND
};
void run_whatif(Context& c, const WhatifOptions& opt);

Handler setup_whatif(OptionSet& app) {
  auto o = std::make_shared<WhatifOptions>();
  app.add_option("--remove", o->remove,
                 say("offices, councils or centers that stop, comma-separated"))
      ->type_name("NODE[,NODE...]");
  app.add_option("--each", o->each,
                 say("remove each node of this kind in turn and rank them (e.g. office)"))
      ->type_name("KIND");
  return [o](Context& c) { run_whatif(c, *o); };
}

void run_whatif(Context& c, const WhatifOptions& opt) {
  if (opt.remove.empty() == opt.each.empty())
    throw usage_error(say("whatif: give either --remove NODE[,NODE...] or --each KIND"));
  if (!opt.each.empty()) {
    Kind kind = parse_kind_arg(opt.each);
    if (kind == Kind::Municipality || kind == Kind::Region || kind == Kind::Initiative)
      throw usage_error(
          say("whatif --each: removing each {1} says nothing about coverage; use "
              "office, council or center",
              {kind_word(c.ds, kind, language())}));
    std::vector<WhatIfAnswer> all = what_if_each(c.ds, kind);
    print_whatif_each(c, kind, all);
    return;
  }
  std::set<std::size_t> removed = resolve_list(c, opt.remove);
  for (std::size_t r : removed) {
    Kind k = c.ds.nodes[r].kind;
    if (k != Kind::Office && k != Kind::Council && k != Kind::Center)
      throw usage_error(
          say("whatif --remove: {1} is a {2}; only offices, councils and centers "
              "can stop",
              {in_quotes(c.ds.nodes[r].name), kind_word(c.ds, k, language())}));
  }
  WhatIfAnswer a = what_if_removed(c.ds, removed);
  print_whatif(c, a, removed);
}

// ---------------------------------------------------------------- initiatives

/// The options of `renkei initiatives`.
struct InitiativesOptions {
  std::vector<std::string> positional;
};
void run_initiatives(Context& c, const InitiativesOptions& opt);

Handler setup_initiatives(OptionSet& app) {
  auto o = std::make_shared<InitiativesOptions>();
  app.add_option("INITIATIVE", o->positional,
                 say("one kind of work (id or name), e.g. evacuation-drill or 避難訓練"))
      ->expected(0, 1);
  return [o](Context& c) { run_initiatives(c, *o); };
}

void run_initiatives(Context& c, const InitiativesOptions& opt) {
  Network net(c.ds);
  std::optional<std::size_t> only;
  if (!opt.positional.empty()) only = c.names().resolve(opt.positional[0], {Kind::Initiative});
  std::vector<InitiativeStatus> all = initiatives(net, only);
  print_initiatives(c, all);
}

}  // namespace renkei
