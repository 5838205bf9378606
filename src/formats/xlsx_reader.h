#pragma once
// Reading an .xlsx workbook's cells (Office Open XML: a zip of XML parts) with libzip and
// expat: there is no Debian library that reads .xlsx from C or C++, so this is the one small
// reader, fuzzed (tests/fuzz/fuzz_xlsx.cc). It reads values only: shared and inline strings,
// numbers, booleans, dates (Excel's serial days, by the cell's number format) and the saved
// value of a formula. Formatting, comments and hidden columns are ignored.
#include <cstdint>
#include <string>
#include <vector>

#include "formats/csv.h"

namespace renkei {

/// One worksheet: its name as the tab shows it and its cells as rows. `table.lines` holds the
/// row numbers Excel shows (1-based); rows with no text are left out.
struct WorkbookSheet {
  std::string name;
  csv::Table table;
  std::vector<std::string> merged;  ///< merged ranges, as "A1:C1"
};

/// What read_workbook reads at most: bytes of one unpacked part, and cells of the workbook.
/// A sheet of all of Japan's municipalities ten times over is a few MB and 100,000 cells.
inline constexpr std::uint64_t kMaxWorkbookPartBytes = 64u << 20;
inline constexpr std::size_t kMaxWorkbookCells = 2'000'000;

/// Reads every worksheet of the workbook at `path`, in tab order. Anything that is not a
/// readable .xlsx (an old .xls, a password-protected workbook, a damaged zip, a part that
/// unpacks beyond the limits, a cell holding an error or a formula with no saved value) is a
/// renkei::Error (exit 1) naming the file, and the sheet and cell where there is one
/// ("BOOK.xlsx: 配置!C7: …").
std::vector<WorkbookSheet> read_workbook(const std::string& path);

/// The same, from the workbook's bytes (the fuzz target); `path` names it in messages.
std::vector<WorkbookSheet> read_workbook_bytes(const std::string& bytes, const std::string& path);

/// "C" for column index 2, "AA" for 26.
std::string excel_column(std::size_t index);

}  // namespace renkei
