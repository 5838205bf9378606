#pragma once
// The sheets as one Excel workbook (.xlsx): written with libxlsxwriter, read with libzip and
// expat (formats/xlsx_reader.h). docs/import.md says what each sheet holds.
#include <string>
#include <string_view>
#include <vector>

#include "formats/sheets.h"

namespace renkei {

/// The workbook's name for a sheet of the layout: 「配置先」 for offices.csv. A workbook's
/// sheet is also found by its file stem ("offices") or file name.
const char* workbook_sheet_name(const SheetLayout& layout);

/// The closed words a column takes, as the sheets write them (Japanese labels), for the
/// workbook's drop-down lists; empty for free text.
std::vector<std::string> column_choices(const SheetLayout& layout, const SheetColumn& column);

/// True when `path` names a workbook (ends in .xlsx, any case).
bool is_workbook_path(std::string_view path);

/// Writes `ds` as one workbook at `path`: a first sheet 「説明」 saying what to fill in and how
/// it is checked, then one sheet per table with its header row frozen, column widths, an input
/// hint on every column and a drop-down list on every closed word. The same bytes for the same
/// data (the file's dates are the fiscal year's first month). Written atomically; renkei never
/// writes over one of its inputs. Unless `force`, an existing file at `path` is refused.
void write_workbook(const Dataset& ds, const std::string& path, bool force);

}  // namespace renkei
