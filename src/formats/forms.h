#pragma once
// One survey form (照会様式) per municipality, and the returned forms merged back into one
// table (docs/import.md, 「市町村ごとの照会様式」).
#include <cstddef>
#include <string>
#include <vector>

#include "formats/sheets.h"
#include "model/dataset.h"

namespace renkei {

/// What one municipality answers for: the municipality, its own edges, the councils it holds
/// (with their meetings and their own edges); and, so that its rows can name them, the offices,
/// centers, initiatives and councils those edges reach. A council it only takes part in keeps
/// only the meetings quoted from its own row. Outside facts are left out.
Dataset form_for(const Dataset& ds, std::size_t municipality);

/// The form's file name: its row and name, "16-上関町.xlsx" (the id where it has no row).
std::string form_file_name(const Dataset& ds, std::size_t municipality);

/// Writes one pre-filled workbook per municipality of `ds` into `dir` (created if missing);
/// returns the files written. Existing forms are refused unless `force`.
std::vector<std::string> write_forms(const Dataset& ds, const std::string& dir, bool force);

/// One returned form, as the merge read it.
struct FormResult {
  std::string file;
  std::string municipality;  ///< its name, once read
  std::string error;         ///< empty when it imported
};

/// What merging a folder of returned forms did.
struct MergeReport {
  std::vector<FormResult> forms;
  std::vector<std::string> not_answered;  ///< the reference's municipalities without a form
  std::vector<std::string> differing;     ///< shared nodes two forms wrote differently
};

/// True when `dir` is a folder of forms: it holds .xlsx files and no document.csv.
bool is_forms_folder(const std::string& dir);

/// Imports every .xlsx in `dir` (by file name) against `reference` and merges them: each form
/// gives its municipality's own facts (form_for's rule); a node several forms share is taken
/// from the first and any form that wrote it differently is named. The merged table is checked
/// as a whole (every rule, every quote). A form that does not import, or two forms for one
/// municipality, is a renkei::Error after `report` is filled for every form.
Dataset merge_forms(const std::string& dir, const Dataset& reference, MergeReport& report);

}  // namespace renkei
