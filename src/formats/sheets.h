#pragma once
#include <cstdint>
// The spreadsheet layout (docs/import.md): a dataset as one CSV file per sheet, so that staff
// can fill next year's table in Excel without knowing ids or JSON.
#include <map>
#include <string>
#include <vector>

#include "model/dataset.h"

namespace renkei {

/// One column of a sheet. `field` is the word in the header's brackets and in docs; a header
/// is matched by its whole text, its Japanese part or its field word (width and spaces ignored).
struct SheetColumn {
  const char* field;
  const char* header;  ///< as written in row 1: "市町 (municipality)"
  bool required;       ///< a sheet without this column is refused; each row must fill it
  const char* help;    ///< one line in Japanese for README.txt and docs/import.md
};

/// One CSV file of the layout.
struct SheetLayout {
  const char* file;      ///< "placements.csv"
  const char* title_ja;  ///< "コーディネーターの配置"
  const char* summary;   ///< what one row is, in Japanese
  std::vector<SheetColumn> columns;
  bool optional =
      false;  ///< a folder written before this sheet existed may lack it: read as no rows
};

/// Every sheet, in the order they are read: the document first, node sheets, then the sheets
/// that name nodes (aliases, activities, challenges, meetings, links, placements, runs).
const std::vector<SheetLayout>& sheet_layouts();

/// Writes `ds` as sheets into `dir` (created if missing), each file written atomically as
/// Excel saves "CSV UTF-8": a BOM, CRLF line ends, formula-like cells neutralised. README.txt
/// explains the columns. The source text and the outside-facts file the dataset names are
/// copied beside the sheets when they can be read, so the folder imports on its own.
/// Sheets already there that differ from these (someone's typing) are replaced only with
/// `force`; otherwise renkei::Error (exit 1) lists them and nothing is written. Returns the
/// files written, relative to `dir`, in order.
std::vector<std::string> write_sheets(const Dataset& ds, const std::string& dir,
                                      bool force = false);

/// Every sheet's rows for `ds`, by file name: the header row (the layout's headers), then one
/// row per item, cells as the sheets write them (Japanese words for closed sets, ①② for
/// orders). The CSV sheets and the workbook are both written from these.
std::map<std::string, std::vector<std::vector<std::string>>> sheet_rows(const Dataset& ds);

/// The example of `renkei template`: a small, consistent part of the built-in data (宇部市 with
/// one council, meeting, office, initiative, challenge and center) whose rows name each other.
Dataset template_example();

/// Writes the empty sheets of `renkei template`: headers, one example row each (a small,
/// consistent part of the built-in data, so the template itself imports), and README.txt.
/// Refuses (exit 1) when any of those files exists, unless `force`. Returns the files written.
std::vector<std::string> write_template(const std::string& dir, bool force);

/// Unmatched names listed (and looked up for the nearest) at most: a sheet of a million
/// bogus rows is reported in a moment, not in minutes.
inline constexpr std::size_t kMaxUnmatchedListed = 200;
/// The largest sheet file import reads (see docs/robustness.md for the memory it takes).
inline constexpr std::uint64_t kMaxSheetBytes = 32u << 20;

/// Where a cell is: sheet file, line in the file (1-based, as an editor shows it) and column.
struct CellPlace {
  std::string sheet;
  int line = 0;
  std::string column;  ///< the column's header as the layout writes it
};

/// A name in a sheet that was matched, though not by the node's own name (an alias, the
/// reference data's spelling, an id, a name without 市/町).
struct SpellingMatch {
  CellPlace place;
  std::string written;  ///< what the cell says
  std::string id, name;
  std::string how;  ///< "alias", "reference alias", "id", "romanized name", "short name"
};

/// A node defined in a sheet that the reference data does not have.
struct NewNode {
  CellPlace place;
  Kind kind = Kind::Office;
  std::string name, id;
  std::vector<std::string> nearest;  ///< the reference's closest names, for spotting typos
};

/// A name in a sheet that no sheet defines (an error).
struct UnmatchedName {
  CellPlace place;
  std::string written;
  std::string expected;              ///< "office", "municipality or council" …
  std::vector<std::string> nearest;  ///< closest names the sheets do define
  std::string hint;  ///< e.g. it is a node of the reference data that no sheet keeps
};

/// A file the dataset names beside itself (source text, outside facts) and where it was found.
struct SiblingFile {
  std::string name;      ///< as the document sheet names it, relative to the dataset
  std::string found_at;  ///< the path read, or "the copy beside REFERENCE" for its copies
  std::string contents;
  bool from_reference = false;  ///< read from the reference data, not found beside the sheets

  /// How messages name the file: its path, or "NAME (the copy beside REFERENCE)".
  std::string shown() const { return from_reference ? name + " (" + found_at + ")" : found_at; }
};

/// What `import_sheets` read, matched, created and could not match.
struct ImportReport {
  std::string dir;
  std::vector<std::string> sheets_read;
  std::vector<std::string> shift_jis_sheets;  ///< converted from Shift_JIS (CP932) to UTF-8
  std::vector<std::string> ignored_files;     ///< other .csv files in the folder
  std::vector<SpellingMatch> other_spellings;
  std::vector<NewNode> new_nodes;
  std::vector<UnmatchedName>
      unmatched;  ///< the first kMaxUnmatchedListed, with their nearest names
  std::size_t unmatched_not_listed = 0;  ///< how many more matched nothing (counted, not looked up)
  std::vector<std::string> not_in_sheets;  ///< reference node ids that no sheet defines
  std::vector<SiblingFile> siblings;
  /// The reference names were matched against (its origin); empty when none was used.
  std::string reference;
  /// Why the reference given was not used (another publisher's table), or empty.
  std::string reference_skipped;
  std::size_t quotes_checked = 0;
  std::size_t quotes_anywhere = 0;  ///< of those, found only somewhere in the text
  std::size_t facts_entered = 0;    ///< facts whose source is the cell they were typed in
};

/// Reads the sheets in `dir` into a dataset: names are matched to the sheets' own nodes and,
/// for spellings the sheets do not list, to `reference`'s names and aliases (たんぼぼ finds
/// たんぽぽ); nodes without an id reuse the reference's id or get a generated one. The result is
/// checked by the loader (every rule, every quote) and returned as loaded, outside facts
/// included. Files the document sheet names are looked for beside the sheets, then in
/// `also_look_in`, then beside the reference. Any problem is a renkei::Error (exit 1) naming
/// sheet, line and column; `report` (may be null) is filled as far as reading got, with every
/// unmatched name when that is the error.
/// Whether the reference is used whatever the sheets are (one the user named: last year's),
/// or only when the sheets are the same publisher's table (the built-in data, which must not
/// lend its names to another prefecture's or city's table).
enum class ReferenceUse { Always, SamePublisherOnly };
Dataset import_sheets(const std::string& dir, const Dataset& reference, ImportReport* report,
                      const std::vector<std::string>& also_look_in = {},
                      ReferenceUse use = ReferenceUse::Always);

/// A directory is imported as sheets (and checked); a file is loaded as a dataset file.
Dataset load_dataset_or_sheets(const std::string& path, const Dataset& reference);

/// README.txt of a sheet folder: what each sheet and column holds, in Japanese.
std::string sheets_readme();

}  // namespace renkei
