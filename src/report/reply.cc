#include "report/reply.h"

#include "base/say.h"

#include "model/facts.h"

namespace renkei {

std::string join_names(const Reply& c, const std::vector<std::size_t>& nodes) {
  std::string s;
  const std::string sep = say(c.said(), "list|, ");
  for (std::size_t i : nodes) s += (s.empty() ? "" : sep) + display_name(c.ds.nodes[i], c.lang());
  return s;
}

std::string quote_line(const Source& s) {
  std::string place = quote_place(s, language());  // the process's language, as the answer's
  if (s.entered()) return place + ": " + s.text;   // typed there, not quoted: no 「」
  return (place.empty() ? "" : place + " ") + "「" + s.text + "」";
}

std::string quotes_checked_words(std::size_t checked, std::size_t anywhere,
                                 const std::string& file) {
  std::size_t in_cells = checked - anywhere;
  if (anywhere == 0)
    return say("{1} checked, each in its row and column of {2}", {std::to_string(checked), file});
  if (in_cells == 0)
    return say(
        "{1} found in the text of {2} (checked as somewhere in the text, not by row and "
        "column: it is not a table)",
        {std::to_string(checked), file});
  return say(
      "{1} checked in {2}: {3} in their row and column, {4} naming no row found somewhere "
      "in the text",
      {std::to_string(checked), file, std::to_string(in_cells), std::to_string(anywhere)});
}

std::string sources_words(const Dataset& ds, std::size_t checked, std::size_t anywhere,
                          std::size_t entered, const std::string& file, const char* no_file) {
  std::string s;
  if (ds.document.form == SourceForm::Input)
    s = say("none to check: the table is its own source (source form input)");
  else if (file.empty())
    s = say("not checked ({1})", {say(no_file)});
  else
    s = quotes_checked_words(checked, anywhere, file);
  if (entered)
    s += "\n" + say("entered facts: {1}, each traced to the sheet and cell it was typed in "
                    "(provenance, not quotes)",
                    {std::to_string(entered)});
  return s;
}

void print_json(std::ostream& out, const nlohmann::json& j) {
  out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

std::string status_words(Lang lang, EdgeStatus status) {
  switch (status) {
    case EdgeStatus::Done: return say(lang, "status|done");
    case EdgeStatus::Ongoing: return say(lang, "status|ongoing");
    case EdgeStatus::Planned: return say(lang, "status|planned");
    case EdgeStatus::Considering: return say(lang, "status|considering");
    case EdgeStatus::Current: break;
  }
  return say(lang, "status|current");
}

}  // namespace renkei
