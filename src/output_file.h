#pragma once
#include <string>
#include <string_view>

namespace renkei {

/// Writes `contents` to `path` so that readers see the old file or the whole new one, never
/// a part: a temporary file in the same directory, flushed, then renamed over `path`.
/// Throws renkei::Error (exit 1) naming the path and the reason; the temporary is removed.
void write_file_atomically(const std::string& path, std::string_view contents);

}  // namespace renkei
