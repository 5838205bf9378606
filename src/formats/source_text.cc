#include "formats/source_text.h"

#include <algorithm>
#include <map>
#include <vector>

#include "base/error.h"
#include "base/quoted.h"
#include "base/say.h"
#include "base/text.h"
#include "formats/csv.h"

namespace renkei {

namespace {

std::vector<std::string> source_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

std::vector<std::string> tab_cells(const std::string& line) {
  std::vector<std::string> cols;
  std::size_t start = 0;
  for (;;) {
    std::size_t tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return cols;
}

/// The row number a table line starts with ("12\t…"), or 0.
int leading_row_number(const std::string& line) {
  std::size_t i = 0;
  int n = 0;
  while (i < line.size() && i < 4 && line[i] >= '0' && line[i] <= '9')
    n = n * 10 + (line[i++] - '0');
  return (i > 0 && i < line.size() && line[i] == '\t') ? n : 0;
}

std::string join_labels(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string trim_cell(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  // full-width spaces at either end too
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  while (s.substr(0, 3) == kIdeographicSpace) s.remove_prefix(3);
  while (s.size() >= 3 && s.substr(s.size() - 3) == kIdeographicSpace) s.remove_suffix(3);
  return std::string(s);
}

/// Refuses text renkei cannot compare quotes with: not UTF-8 (saying on which line), UTF-16,
/// NUL bytes.
void require_utf8(std::string_view bytes, const std::string& shown_as) {
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")
    throw data_error(
        say("{1}: the source text is UTF-16; save it as UTF-8 (メモ帳: 名前を付けて保存 "
            "→ 文字コード UTF-8) so its quotes can be compared",
            {shown_as}));
  if (!valid_utf8(bytes)) {
    std::vector<std::string> lines = source_lines(bytes);
    std::size_t line = 0;
    while (line < lines.size() && valid_utf8(lines[line])) ++line;
    throw data_error(
        say("{1}: line {2} of the source text is not UTF-8 (a file saved as "
            "Shift_JIS?); save it as UTF-8 (メモ帳: 名前を付けて保存 → 文字コード "
            "UTF-8) so its quotes can be compared",
            {shown_as, std::to_string(line + 1)}));
  }
  if (bytes.find('\0') != std::string_view::npos)
    throw data_error(
        say("{1}: the source text contains a NUL byte; is it a text file?", {shown_as}));
}

SourceDocument::Cells numbered_rows(std::string_view text, const DocumentInfo& doc,
                                    const std::string& shown_as) {
  const SourceColumn* unit = nullptr;
  int blocks = 1;
  for (const SourceColumn& c : doc.columns) {
    if (c.role == ColumnRole::Unit && !unit) unit = &c;
    blocks = std::max(blocks, c.block);
  }
  // Each block's labels: the unit's column first (every line starts with it), then the
  // block's own columns in order.
  std::vector<std::vector<std::string>> labels(static_cast<std::size_t>(blocks));
  for (auto& b : labels)
    if (unit) b.push_back(unit->label);
  for (const SourceColumn& c : doc.columns)
    if (&c != unit) labels[static_cast<std::size_t>(c.block - 1)].push_back(c.label);

  SourceDocument::Cells cells;
  std::map<int, std::size_t> seen;  // row → how many of its lines were read
  for (const std::string& line : source_lines(text)) {
    int row = leading_row_number(line);
    if (row == 0) continue;
    std::size_t block = seen[row]++;
    if (block >= labels.size()) continue;
    const std::vector<std::string>& l = labels[block];
    std::vector<std::string> c = tab_cells(line);
    c.erase(c.begin());                                                          // the row number
    if (c.size() + 1 == l.size() && !c.empty()) c.insert(c.begin(), c.front());  // run together
    if (c.size() != l.size()) continue;
    for (std::size_t k = 0; k < l.size(); ++k) {
      std::string& cell = cells[{row, l[k]}];
      cell += (cell.empty() ? "" : "\t") + c[k];
    }
  }
  if (cells.empty())
    throw data_error(
        say("{1}: no line of the source text starts with a row number and a tab, as "
            "the numbered_rows form expects; if it is a plain table with a header "
            "row, describe it as the table form",
            {shown_as}));
  return cells;
}

/// The rows of a plain table: tab-separated when a line holds a tab, else CSV.
std::vector<std::vector<std::string>> table_rows(std::string_view text,
                                                 const std::string& shown_as) {
  std::vector<std::vector<std::string>> rows;
  if (text.find('\t') != std::string_view::npos) {
    for (const std::string& line : source_lines(text)) rows.push_back(tab_cells(line));
  } else {
    rows = csv::parse(text, shown_as).rows;
  }
  for (auto& r : rows)
    for (auto& c : r) c = trim_cell(c);
  return rows;
}

SourceDocument::Cells plain_table(std::string_view text, const DocumentInfo& doc,
                                  const std::string& shown_as) {
  std::vector<std::vector<std::string>> rows = table_rows(text, shown_as);
  std::vector<std::string> wanted;
  for (const SourceColumn& c : doc.columns) wanted.push_back(c.label);
  if (wanted.empty()) {  // not described: the first line that is not blank is the header
    for (const auto& r : rows)
      if (std::any_of(r.begin(), r.end(), [](const std::string& c) { return !c.empty(); })) {
        for (const std::string& c : r)
          if (!c.empty()) wanted.push_back(c);
        break;
      }
    if (wanted.empty())
      throw data_error(say("{1}: the source text is empty; expected a table", {shown_as}));
  }
  auto missing = [&](const std::vector<std::string>& r) {
    std::vector<std::string> out;
    for (const std::string& w : wanted)
      if (std::find(r.begin(), r.end(), w) == r.end()) out.push_back(w);
    return out;
  };
  std::size_t header = rows.size(), best = rows.size(), best_missing = wanted.size() + 1;
  for (std::size_t i = 0; i < rows.size() && header == rows.size(); ++i) {
    std::size_t m = missing(rows[i]).size();
    if (m == 0) header = i;
    if (m < best_missing) best = i, best_missing = m;
  }
  if (header == rows.size()) {
    std::string labels = join_labels(wanted, say("list|, "));
    if (best < rows.size() && best_missing < wanted.size()) {
      std::string first = missing(rows[best]).front();
      throw data_error(say(
          "{1}: no line of the source text is a header row holding the columns the dataset "
          "describes ({2}); the closest is row {3}, which lacks {4}{5}; write the labels exactly "
          "as the header row has them",
          {shown_as, labels, std::to_string(best + 1), in_quotes(first),
           did_you_mean(first, rows[best])}));
    }
    throw data_error(
        say("{1}: no line of the source text is a header row holding the columns the "
            "dataset describes ({2}); write the labels exactly as the header row has "
            "them",
            {shown_as, labels}));
  }
  SourceDocument::Cells cells;
  int n = 0;
  for (std::size_t i = header + 1; i < rows.size(); ++i) {
    const std::vector<std::string>& r = rows[i];
    if (std::all_of(r.begin(), r.end(), [](const std::string& c) { return c.empty(); })) continue;
    ++n;
    for (std::size_t k = 0; k < r.size() && k < rows[header].size(); ++k)
      if (!rows[header][k].empty()) cells[{n, rows[header][k]}] = r[k];
  }
  return cells;
}

}  // namespace

SourceDocument read_source_text(std::string_view bytes, const DocumentInfo& doc,
                                const std::string& shown_as) {
  if (bytes.substr(0, csv::kBom.size()) == csv::kBom) bytes.remove_prefix(csv::kBom.size());
  require_utf8(bytes, shown_as);
  switch (doc.form) {
    case SourceForm::NumberedRows:
      return SourceDocument(std::string(bytes), doc.form, numbered_rows(bytes, doc, shown_as));
    case SourceForm::Table:
      return SourceDocument(std::string(bytes), doc.form, plain_table(bytes, doc, shown_as));
    case SourceForm::Prose:
    case SourceForm::Input: break;
  }
  return SourceDocument(std::string(bytes));
}

}  // namespace renkei
