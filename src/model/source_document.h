#pragma once
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "model/dataset.h"

namespace renkei {

/// The source document's text, split into its table cells so that a quote can be checked
/// against the exact row and section it claims to come from.
///
/// The text dump holds each row twice: pages 1–2 (市町, 1(1), 1(4), 2) and pages 3–4
/// (市町, 3, 4, 6). A row line starts with its number and a tab; on page 2 the 市町 and
/// 1(1) cells are run together in one cell, which then serves both sections.
class SourceDocument {
 public:
  explicit SourceDocument(std::string text);

  /// The cell for a row and section, or nullptr when the document has no such cell.
  const std::string* cell(int row, std::string_view section) const;
  /// True when `source.text` is inside its cell, or (for documents without a table
  /// layout) anywhere in the text.
  bool contains(const Source& source) const;
  bool has_table() const { return !cells_.empty(); }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::map<std::pair<int, std::string>, std::string, std::less<>> cells_;
};

}  // namespace renkei
