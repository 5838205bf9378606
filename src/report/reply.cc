#include "report/reply.h"

#include "model/facts.h"

namespace renkei {

std::string join_names(const Reply& c, const std::vector<std::size_t>& nodes) {
  std::string s;
  for (std::size_t i : nodes) s += (s.empty() ? "" : "、") + display_name(c.ds.nodes[i], c.lang());
  return s;
}

std::string quote_line(const Source& s) {
  std::string place = quote_place(s, Lang::En);
  if (s.entered()) return place + ": " + s.text;  // typed there, not quoted: no 「」
  return (place.empty() ? "" : place + " ") + "「" + s.text + "」";
}

std::string quotes_checked_words(std::size_t checked, std::size_t anywhere,
                                 const std::string& file) {
  std::size_t in_cells = checked - anywhere;
  if (anywhere == 0)
    return std::to_string(checked) + " checked, each in its row and column of " + file;
  if (in_cells == 0)
    return std::to_string(checked) + " found in the text of " + file +
           " (checked as somewhere in the text, not by row and column: it is not a table)";
  return std::to_string(checked) + " checked in " + file + ": " + std::to_string(in_cells) +
         " in their row and column, " + std::to_string(anywhere) +
         " naming no row found somewhere in the text";
}

std::string sources_words(const Dataset& ds, std::size_t checked, std::size_t anywhere,
                          std::size_t entered, const std::string& file, const char* no_file) {
  std::string s;
  if (ds.document.form == SourceForm::Input)
    s = "none to check: the table is its own source (source form input)";
  else if (file.empty())
    s = std::string("not checked (") + no_file + ")";
  else
    s = quotes_checked_words(checked, anywhere, file);
  if (entered)
    s += "\nentered facts: " + std::to_string(entered) +
         ", each traced to the sheet and cell it was typed in (provenance, not quotes)";
  return s;
}

void print_json(std::ostream& out, const nlohmann::json& j) {
  out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace renkei
