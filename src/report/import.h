#pragma once
// The answer of import, as text or JSON.
#include <string>
#include <vector>

#include "formats/forms.h"
#include "formats/sheets.h"
#include "report/reply.h"

namespace renkei {

/// A file the import puts beside the dataset it writes: where, and whether it is needed
/// (false when the same file is already there).
struct ImportCopy {
  const SiblingFile* file;
  std::string target;
  bool needed;
};

/// What an import read, matched, created and wrote (`c.ds` is the reference data).
void print_import(const Reply& c, const ImportReport& rep, const Dataset& ds,
                  const std::vector<ImportCopy>& copies, const std::string& output);
/// An import that failed: the names that matched nothing, before the error line.
void print_import_failure(const Reply& c, const ImportReport& rep, const std::string& output);
/// The merge of a folder of returned forms: each form and what it answered or what is wrong
/// with it, who has not answered, shared rows two forms wrote differently.
void print_merge(const Reply& c, const MergeReport& r, const std::string& dir);

}  // namespace renkei
