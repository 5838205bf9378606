#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "model.h"

namespace renkei {

/// Reads a file named by the dataset (outside facts, source text) relative to it;
/// nullopt when it does not exist.
using SiblingReader = std::function<std::optional<std::string>(const std::string& relative_path)>;

/// What loading checked, for `validate`.
struct LoadReport {
  std::size_t quotes_checked = 0;   ///< source quotes found in their row and section
  std::string source_file;          ///< where the quotes were checked, empty if not checked
  std::string outside_facts_file;   ///< empty when the dataset names none
};

/// Parses and checks a dataset. Every problem is a renkei::Error (exit 1) naming `file`,
/// the JSON pointer and what would fix it. Quotes are checked against the source text
/// when the dataset names a source file that `read_sibling` can read.
Dataset load_dataset(std::string_view json_text, const std::string& file, const SiblingReader& read_sibling,
                     LoadReport* report = nullptr);

/// Loads a dataset file from disk, resolving the files it names beside it.
Dataset load_dataset_file(const std::string& path, LoadReport* report = nullptr);

/// load_dataset_file for a file already read into `text`.
Dataset load_dataset_text(std::string_view text, const std::string& path, LoadReport* report = nullptr);

/// Reads the files a dataset at `path` names (outside facts, source text) relative to it;
/// a file that is there but cannot be read, or is too large, is a renkei::Error.
SiblingReader sibling_reader(const std::string& path);

/// Loads the dataset compiled into the program (data/yamaguchi-r6.json).
Dataset load_builtin_dataset(LoadReport* report = nullptr);

/// Name used in messages for the built-in dataset.
inline constexpr const char* kBuiltinName = "data/yamaguchi-r6.json";

/// Largest file renkei reads as data (a dataset, its outside facts, its source text): 256 MB.
/// Checked with stat before reading, so a huge file is refused, not loaded (docs/data-model.md).
inline constexpr std::uint64_t kMaxDataFileBytes = std::uint64_t{256} << 20;

/// The bytes of a data file: mapped read-only when it is 1 MB or more, read otherwise.
/// Move-only; the mapping ends with the object.
class FileBytes {
 public:
  FileBytes() = default;
  explicit FileBytes(std::string text) : text_(std::move(text)) {}
  FileBytes(const char* mapped, std::size_t size);
  FileBytes(FileBytes&& other) noexcept;
  FileBytes& operator=(FileBytes&& other) noexcept;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;
  ~FileBytes();

  std::string_view view() const { return map_ ? std::string_view(map_, map_size_) : std::string_view(text_); }
  /// The bytes as a string (copied out of a mapping); the object is empty afterwards.
  std::string take_string();

 private:
  void release();
  std::string text_;
  const char* map_ = nullptr;
  std::size_t map_size_ = 0;
};

/// read_data_file without the copy: same checks, same messages.
FileBytes map_data_file(const std::string& path);
/// map_data_file for any input file; `what` it should be ("a sheet") names it when it is a
/// directory. Every other reason (missing, a pipe, too large, no permission) is said as such.
FileBytes map_input_file(const std::string& path, const char* what);
/// read_whole_file without the copy.
std::optional<FileBytes> map_whole_file(const std::string& path);

/// The contents of a regular file, or nullopt when it is missing, not a file, unreadable or
/// larger than kMaxDataFileBytes.
/// Every file read this way is an input of the command: write_file_atomically will not
/// replace it (see note_input_file).
std::optional<std::string> read_whole_file(const std::string& path);
/// read_whole_file for a file the command is about to replace, read only to compare it with
/// what it would write (graphs --check, import's copies): not an input.
std::optional<std::string> read_existing_output(const std::string& path);

/// The contents of a data file; a missing file, a directory, a device, FIFO or socket, an
/// unreadable file or one larger than kMaxDataFileBytes is a renkei::Error "PATH: why" (exit 1).
std::string read_data_file(const std::string& path);

/// True for "YYYY-MM" with a month 01–12.
bool is_year_month(std::string_view s);

}  // namespace renkei
