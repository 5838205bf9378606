#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/files.h"
#include "model/dataset.h"

namespace renkei {

/// Reads a file named by the dataset (outside facts, source text) relative to it;
/// nullopt when it does not exist.
using SiblingReader = std::function<std::optional<std::string>(const std::string& relative_path)>;

/// What loading checked, for `validate`.
struct LoadReport {
  std::size_t quotes_checked = 0;   ///< source quotes found in the source text
  std::size_t quotes_anywhere = 0;  ///< of those, checked only as somewhere in the text
  std::size_t facts_entered = 0;    ///< facts whose source is a sheet's cell, not a quote
  std::string source_file;          ///< where the quotes were checked, empty if not checked
  std::string outside_facts_file;   ///< empty when the dataset names none
};

/// Parses and checks a dataset. Every problem is a renkei::Error (exit 1) naming `file`,
/// the JSON pointer and what would fix it. Quotes are checked against the source text
/// when the dataset names a source file that `read_sibling` can read.
Dataset load_dataset(std::string_view json_text, const std::string& file,
                     const SiblingReader& read_sibling, LoadReport* report = nullptr);

/// Loads a dataset file from disk, resolving the files it names beside it.
Dataset load_dataset_file(const std::string& path, LoadReport* report = nullptr);

/// load_dataset_file for a file already read into `text`.
Dataset load_dataset_text(std::string_view text, const std::string& path,
                          LoadReport* report = nullptr);

/// Reads the files a dataset at `path` names (outside facts, source text) relative to it;
/// a file that is there but cannot be read, or is too large, is a renkei::Error.
SiblingReader sibling_reader(const std::string& path);

/// Loads the dataset compiled into the program (data/yamaguchi-r6.json).
Dataset load_builtin_dataset(LoadReport* report = nullptr);

/// Name used in messages for the built-in dataset.
inline constexpr const char* kBuiltinName = "data/yamaguchi-r6.json";

}  // namespace renkei
