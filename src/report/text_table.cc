#include "report/text_table.h"

#include <algorithm>

#include "base/text.h"

namespace renkei {

TextTable::TextTable(std::vector<std::string> headers, std::vector<bool> right_aligned)
    : headers_(std::move(headers)), right_(std::move(right_aligned)) {
  right_.resize(headers_.size(), false);
}

void TextTable::add_row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

void TextTable::write(std::ostream& out, std::size_t max_width) const {
  std::vector<std::size_t> w(headers_.size());
  for (std::size_t c = 0; c < headers_.size(); ++c) {
    w[c] = display_width(headers_[c]);
    for (const auto& r : rows_) w[c] = std::max(w[c], display_width(r[c]));
  }
  std::size_t before_last = 0;
  for (std::size_t c = 0; c + 1 < w.size(); ++c) before_last += w[c] + 2;
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      bool last = c + 1 == cells.size();
      std::string cell = cells[c];
      if (last && max_width > before_last + 8)
        cell = wrap_to_width(cell, max_width - before_last, std::string(before_last, ' '));
      s += last && !right_[c] ? cell : pad(cell, w[c], right_[c]);
      if (!last) s += "  ";
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out << s << "\n";
  };
  line(headers_);
  std::vector<std::string> rule;
  for (std::size_t c = 0; c < w.size(); ++c) {
    std::size_t len = w[c];
    if (c + 1 == w.size() && max_width > before_last + 8)
      len = std::min(len, max_width - before_last);
    rule.push_back(std::string(len, '-'));
  }
  line(rule);
  for (const auto& r : rows_) line(r);
}

}  // namespace renkei
