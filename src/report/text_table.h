#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace renkei {

/// A plain-text table whose columns line up by display width, so Japanese text aligns.
class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers, std::vector<bool> right_aligned = {});
  void add_row(std::vector<std::string> cells);
  /// Writes the table; the last column is wrapped to fit `max_width` columns when that is set.
  void write(std::ostream& out, std::size_t max_width = 0) const;
  bool empty() const { return rows_.empty(); }

 private:
  std::vector<std::string> headers_;
  std::vector<bool> right_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace renkei
