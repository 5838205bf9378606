// shared, reach, path, metrics: the answers about how the network hangs together.
#include <algorithm>
#include <cstdio>

#include "base/error.h"
#include "base/say.h"
#include "base/text.h"
#include "cli/commands.h"
#include "query/queries.h"
#include "report/network.h"

namespace renkei {

using nlohmann::json;

// ---------------------------------------------------------------- shared

void run_shared(Context& c);

Handler setup_shared(OptionSet&) {
  return [](Context& c) { run_shared(c); };
}

void run_shared(Context& c) {
  Network net(c.ds);
  SharedAnswer a = shared_offices(net);
  print_shared(c, a);
}

// ---------------------------------------------------------------- reach

/// The options of `renkei reach`.
struct ReachOptions {
  std::vector<std::string> positional;
  std::string via;       ///< relations to follow, comma-separated
  std::string max_hops;  ///< empty when not given, else checked by whole_number()
  std::string kind;
  bool directed = false;  ///< follow relations only from → to
};
void run_reach(Context& c, const ReachOptions& opt);

Handler setup_reach(OptionSet& app) {
  auto o = std::make_shared<ReachOptions>();
  app.add_option("NODE", o->positional, say("where to start (a name as for show)"))
      ->required()
      ->expected(1);
  app.add_option("--via", o->via,
                 say("relations to follow, comma-separated (default: "
                     "holds,participates,part_of,coordinator,liaises)"))
      ->type_name("REL[,REL...]");
  app.add_option("--max-hops", o->max_hops, say("stop after this many steps"))
      ->type_name("N")
      ->check(whole_number());
  app.add_option("--kind", o->kind, say("only report nodes of this kind"))->type_name("KIND");
  app.add_flag("--directed", o->directed,
               say("follow relations only in their direction (from → to)"));
  return [o](Context& c) { run_reach(c, *o); };
}

void run_reach(Context& c, const ReachOptions& opt) {
  Network net(c.ds);
  ReachQuery q;
  q.from = c.names().resolve(opt.positional.at(0));
  if (!opt.via.empty()) q.via = parse_relations_arg(opt.via);
  if (!opt.max_hops.empty()) q.max_hops = std::stoul(opt.max_hops);
  if (!opt.kind.empty()) q.kinds = {parse_kind_arg(opt.kind)};
  q.directed = opt.directed;
  std::vector<Reached> r = reach(net, q);
  print_reach(c, q, r);
}

// ---------------------------------------------------------------- path

/// The options of `renkei path`.
struct PathOptions {
  std::string from, to;
  std::string via;
  bool directed = false;
};
void run_path(Context& c, const PathOptions& opt);

Handler setup_path(OptionSet& app) {
  auto o = std::make_shared<PathOptions>();
  app.add_option("FROM", o->from, say("where the chain starts (a name as for show)"))->required();
  app.add_option("TO", o->to, say("where it ends"))->required();
  app.add_option("--via", o->via,
                 say("relations to follow, comma-separated (default: "
                     "holds,participates,part_of,coordinator,liaises)"))
      ->type_name("REL[,REL...]");
  app.add_flag("--directed", o->directed,
               say("follow relations only in their direction (from → to)"));
  return [o](Context& c) { run_path(c, *o); };
}

void run_path(Context& c, const PathOptions& opt) {
  Network net(c.ds);
  std::size_t a = c.names().resolve(opt.from);
  std::size_t b = c.names().resolve(opt.to);
  std::vector<Relation> via;
  if (!opt.via.empty()) via = parse_relations_arg(opt.via);
  std::optional<Chain> chain = shortest_path(net, a, b, via, opt.directed);
  if (!chain) {
    const std::string &from = c.ds.nodes[a].name, &to = c.ds.nodes[b].name;
    throw data_error(opt.directed ? say("no path from {1} to {2} via {3} (directed)",
                                        {from, to, via_words(via, language())})
                                  : say("no path from {1} to {2} via {3}",
                                        {from, to, via_words(via, language())}));
  }
  print_path(c, a, b, *chain);
}

// ---------------------------------------------------------------- metrics

/// The options of `renkei metrics`.
struct MetricsOptions {
  int top = 20;  ///< rows in the text table (0 = all)
};
void run_metrics(Context& c, const MetricsOptions& opt);

Handler setup_metrics(OptionSet& app) {
  auto o = std::make_shared<MetricsOptions>();
  app.add_option("--top", o->top, say("rows of the centrality table in text output (0 = all)"))
      ->type_name("N")
      ->check(whole_number());
  return [o](Context& c) { run_metrics(c, *o); };
}

void run_metrics(Context& c, const MetricsOptions& opt) {
  Network net(c.ds);
  MetricsAnswer m = metrics(net);
  print_metrics(c, m, opt.top);
}

}  // namespace renkei
