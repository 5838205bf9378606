#pragma once
// CSV as spreadsheets save and open it: UTF-8 with or without a BOM, CRLF or LF, quoted cells
// with commas, quotes and line breaks; Shift_JIS (what older Excel saves) converted on reading.
#include <string>
#include <string_view>
#include <vector>

namespace renkei::csv {

/// The byte order mark Excel writes at the start of "CSV UTF-8" files.
inline constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// One cell, quoted when it holds a comma, quote or line break. A cell that a spreadsheet would
/// run as a formula (starting with = + - @, tab or carriage return) gets a leading ' so it is
/// shown as text; so does a cell already starting with ', so `unneutralise` can undo it exactly.
std::string cell(std::string_view text);

/// Cells joined with commas and ended with CRLF.
std::string row(const std::vector<std::string>& cells);

/// Undoes the ' that `cell` put in front of formula characters (and of a leading ').
std::string unneutralise(std::string_view text);

/// A parsed sheet: rows of cells, and the line in the file where each row starts (1-based).
struct Table {
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;
  bool from_shift_jis = false;  ///< the file was Shift_JIS (CP932) and has been converted
};

/// Parses a whole file. Bytes that are not UTF-8 are tried as Shift_JIS (CP932) and converted;
/// anything else is a renkei::Error (exit 1) naming `file` and saying how to re-save it as
/// "CSV UTF-8". An unterminated quote is an error naming the line it started on.
/// Cells are returned as written (call `unneutralise` where a ' may have been added).
Table parse(std::string_view bytes, const std::string& file);

}  // namespace renkei::csv
