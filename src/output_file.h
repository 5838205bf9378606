#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace renkei {

/// Writes `contents` to `path` so that readers see the old file or the whole new one, never
/// a part: a temporary file `.NAME.renkei-tmp-XXXXXX` in the same directory, written,
/// fsync'ed, renamed over `path`, and the directory fsync'ed so the rename survives a crash.
/// On any failure (disk full, file size limit, read-only directory, …) the temporary is
/// removed and renkei::Error (exit 1) names the path, the reason and says the previous file
/// is unchanged. Only a SIGKILL or power loss mid-write can leave a temporary behind; its
/// name says what it is. Refuses to replace a directory or anything but a regular file.
///
/// Nothing renkei reads is lost to what it writes: it refuses (renkei::Error, the file
/// untouched) to replace a file this process read as input (note_input_file: same device
/// and inode, whatever name or link leads there), and to replace a renkei dataset or
/// outside-facts file with anything that is not a file of the same format (`export -o
/// data/r7.json` is a slip, `import -o data/r7.json` is how a dataset is written).
void write_file_atomically(const std::string& path, std::string_view contents);

/// Remembers that this process read the file with this device and inode as input; `shown`
/// names it in the refusal. Called by every reader of inputs (src/load.cc).
void note_input_file(std::uint64_t device, std::uint64_t inode, const std::string& shown);

/// The prefix and infix of the temporaries write_file_atomically makes next to `NAME`:
/// ".NAME.renkei-tmp-XXXXXX".
inline constexpr const char* kTempInfix = ".renkei-tmp-";

}  // namespace renkei
