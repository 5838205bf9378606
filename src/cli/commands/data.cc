// validate, summary, list, show: the commands that present the data as it is.
#include <algorithm>
#include <map>

#include "base/error.h"
#include "base/quoted.h"
#include "base/say.h"
#include "base/text.h"
#include "cli/commands.h"
#include "query/queries.h"
#include "report/data.h"

namespace renkei {

using nlohmann::json;

Kind parse_kind_arg(const std::string& s) {
  if (auto k = parse_term(kinds(), s)) return *k;
  std::vector<std::string> words;
  for (const auto& t : kinds()) words.push_back(t.word);
  throw usage_error(say("unknown kind {1}{2}; kinds are {3}",
                        {in_quotes(s), did_you_mean(s, words), term_list(kinds())}));
}

OptionCheck whole_number() {
  return [](std::string& s) -> std::string {
    bool digits = !s.empty() && s.size() <= 6 &&
                  std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    return digits ? "" : say("{1} is not a non-negative whole number", {in_quotes(s)});
  };
}

std::vector<Relation> parse_relations_arg(const std::string& s) {
  std::vector<Relation> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t comma = s.find(',', start);
    std::string w = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (auto r = parse_term(relations(), w)) {
      out.push_back(*r);
    } else {
      std::vector<std::string> words;
      for (const auto& t : relations()) words.push_back(t.word);
      throw usage_error(say("unknown relation {1}{2}; relations are {3}",
                            {in_quotes(w), did_you_mean(w, words), term_list(relations())}));
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

void run_validate(Context& c);

Handler setup_validate(OptionSet&) {
  return [](Context& c) { run_validate(c); };
}

void run_validate(Context& c) { print_validate(c, count_items(c.ds), c.report); }

/// The options of `renkei list`.
struct ListOptions {
  std::string kind;
};
void run_list(Context& c, const ListOptions& opt);

Handler setup_list(OptionSet& app) {
  auto o = std::make_shared<ListOptions>();
  app.add_option("KIND", o->kind, say("only nodes of this kind: {1}", {term_list(kinds())}));
  return [o](Context& c) { run_list(c, *o); };
}

void run_list(Context& c, const ListOptions& opt) {
  std::optional<Kind> only;
  if (!opt.kind.empty()) only = parse_kind_arg(opt.kind);
  print_list(c, list_nodes(c.ds, only));
}

/// The options of `renkei show`.
struct ShowOptions {
  std::vector<std::string> positional;
};
void run_show(Context& c, const ShowOptions& opt);

Handler setup_show(OptionSet& app) {
  auto o = std::make_shared<ShowOptions>();
  app.add_option("NODE", o->positional,
                 say("an id, Japanese name, alias, romanized name, name without 市/町, or a part "
                     "of a name only one node has"))
      ->required()
      ->expected(1);
  return [o](Context& c) { run_show(c, *o); };
}

void run_show(Context& c, const ShowOptions& opt) {
  std::size_t i = c.names().resolve(opt.positional.at(0));
  print_show(c, i, edges_touching(c.ds, i));
}

void run_summary(Context& c);

Handler setup_summary(OptionSet&) {
  return [](Context& c) { run_summary(c); };
}

void run_summary(Context& c) { print_summary(c, summarize(c.ds)); }

}  // namespace renkei
