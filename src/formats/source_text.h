#pragma once
// Reading a source text into the cells the dataset's quotes name (docs/data-model.md,
// "Source texts"): the three forms a document comes as.
#include <string>
#include <string_view>

#include "model/dataset.h"
#include "model/source_document.h"

namespace renkei {

/// Reads `bytes` as the document describes its table (`doc.form`, `doc.columns`):
/// - numbered_rows: a PDF's text dump. A table line starts with its row number and a tab, then
///   the unit's cell, then the cells of one block of columns; a row listed again (the next
///   pages) holds the next block. A line one cell short has the unit's cell run together with
///   the first column's (the dump joined them), and that cell serves both.
/// - table: a header row holding every described column's label (without a description, the
///   first line that is not blank, its cells the labels), then one row per line,
///   tab-separated when the header line has a tab, else CSV (quoted cells may hold commas and
///   line breaks). Rows count from 1 after the header; blank lines are skipped. Lines before
///   the header (title, caption) are text a quote may cite without a row.
/// - prose: no cells; a quote is found anywhere.
/// A UTF-8 byte order mark is dropped. Text that is not UTF-8 (Shift_JIS, UTF-16), a NUL, a
/// table without such a header or a dump without numbered lines is a renkei::Error (exit 1)
/// naming `shown_as`, with the line.
SourceDocument read_source_text(std::string_view bytes, const DocumentInfo& doc,
                                const std::string& shown_as);

}  // namespace renkei
