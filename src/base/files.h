#pragma once
// Reading input files: the size limit, mapping, and the one error line for each reason a
// file cannot be read.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace renkei {

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

  std::string_view view() const {
    return map_ ? std::string_view(map_, map_size_) : std::string_view(text_);
  }
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

/// The contents of `path`, or nullopt when it does not exist (or is not a regular file);
/// a file that is there but unreadable or too large is a renkei::Error.
std::optional<std::string> read_file_if_present(const std::string& path);

/// A relative path that stays inside its folder: not empty, no leading "/", no "..".
bool is_inside_folder(const std::string& rel);

/// Throws the renkei::Error for a file of `bytes` over kMaxDataFileBytes, naming `shown`.
[[noreturn]] void refuse_size(const std::string& shown, std::uint64_t bytes);

}  // namespace renkei
