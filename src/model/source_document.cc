#include "model/source_document.h"

namespace renkei {

const std::string* SourceDocument::cell(int row, std::string_view label) const {
  auto it = cells_.find(std::make_pair(row, std::string(label)));
  return it == cells_.end() ? nullptr : &it->second;
}

bool SourceDocument::contains(const Source& source) const {
  if (source.text.empty()) return false;
  if (!by_cell() || source.row == 0) return text_.find(source.text) != std::string::npos;
  const std::string* c = cell(source.row, source.section);
  return c && c->find(source.text) != std::string::npos;
}

}  // namespace renkei
