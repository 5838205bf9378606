#pragma once
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
void write_file_atomically(const std::string& path, std::string_view contents);

/// The prefix and infix of the temporaries write_file_atomically makes next to `NAME`:
/// ".NAME.renkei-tmp-XXXXXX".
inline constexpr const char* kTempInfix = ".renkei-tmp-";

}  // namespace renkei
