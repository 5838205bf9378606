#pragma once
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "model/dataset.h"

namespace renkei {

/// The source document's text and, for a table, its cells by row and column label, so that a
/// quote can be checked against the exact cell it claims to come from. Reading a text into
/// cells is formats/source_text.h; this only holds and answers.
class SourceDocument {
 public:
  using Cells = std::map<std::pair<int, std::string>, std::string, std::less<>>;
  /// A document without cells (prose): a quote is found anywhere in the text.
  explicit SourceDocument(std::string text) : text_(std::move(text)) {}
  SourceDocument(std::string text, SourceForm form, Cells cells)
      : text_(std::move(text)), form_(form), cells_(std::move(cells)) {}

  /// The cell for a row and column label, or nullptr when the document has no such cell.
  const std::string* cell(int row, std::string_view label) const;
  /// True when `source.text` is inside its cell; for prose, or a quote that names no row
  /// (a table's caption or preamble), anywhere in the text.
  bool contains(const Source& source) const;
  /// True when quotes are checked in their row and column (a table), not only in the text.
  bool by_cell() const { return form_ != SourceForm::Prose; }
  SourceForm form() const { return form_; }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  SourceForm form_ = SourceForm::Prose;
  Cells cells_;
};

}  // namespace renkei
