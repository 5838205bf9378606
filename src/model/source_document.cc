#include "model/source_document.h"

#include <set>
#include <sstream>
#include <vector>

namespace renkei {

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
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
int row_number(const std::string& line) {
  std::size_t i = 0;
  int n = 0;
  while (i < line.size() && i < 3 && line[i] >= '0' && line[i] <= '9')
    n = n * 10 + (line[i++] - '0');
  return (i > 0 && i < line.size() && line[i] == '\t') ? n : 0;
}

}  // namespace

SourceDocument::SourceDocument(std::string text) : text_(std::move(text)) {
  std::istringstream in(text_);
  std::string line;
  std::set<int> seen;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    int row = row_number(line);
    if (row == 0) continue;
    std::vector<std::string> c = split_tabs(line);
    auto put = [&](const char* section, const std::string& v) { cells_[{row, section}] = v; };
    if (seen.insert(row).second) {  // pages 1–2
      if (c.size() == 5) {
        put("市町", c[1]);
        put("1(1)", c[2]);
      } else if (c.size() == 4) {
        put("市町", c[1]);
        put("1(1)", c[1]);
      } else {
        continue;
      }
      put("1(4)", c[c.size() - 2]);
      put("2", c[c.size() - 1]);
    } else if (c.size() == 5) {  // pages 3–4
      put("市町", c[1] + "\t" + cells_[{row, "市町"}]);
      put("3", c[2]);
      put("4", c[3]);
      put("6", c[4]);
    }
  }
}

const std::string* SourceDocument::cell(int row, std::string_view section) const {
  auto it = cells_.find(std::make_pair(row, std::string(section)));
  return it == cells_.end() ? nullptr : &it->second;
}

bool SourceDocument::contains(const Source& source) const {
  if (source.text.empty()) return false;
  if (!has_table()) return text_.find(source.text) != std::string::npos;
  const std::string* c = cell(source.row, source.section);
  return c && c->find(source.text) != std::string::npos;
}

}  // namespace renkei
