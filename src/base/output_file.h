#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

/// Writes a set of files into `dir` (names relative to it; their folders must exist) as a
/// whole or not at all: every file is first written in full beside its target, and only when
/// all are ready are they renamed into place, after a manifest (kSetManifest: each member's
/// hash and the moment the set was written). A failure before that leaves every previous
/// file as it was. A run killed among the renames leaves members older than the manifest
/// that do not match it: check_file_set tells such a mixed set from a whole one.
void write_file_set(const std::string& dir,
                    const std::vector<std::pair<std::string, std::string>>& files);

/// Refuses (renkei::Error naming the file) a folder written by write_file_set whose members
/// mix two sets: a member older than its manifest that differs from what was written. A
/// member changed after the set was written (someone edited a sheet) is fine; a folder
/// without a manifest says nothing either way.
void check_file_set(const std::string& dir);

/// The manifest write_file_set leaves in the folder, and its first line.
inline constexpr const char* kSetManifest = ".renkei-set";
inline constexpr const char* kSetManifestMagic = "renkei-set/1\n";

/// Remembers that this process read the file with this device and inode as input; `shown`
/// names it in the refusal. Called by every reader of inputs (src/formats/load.cc).
void note_input_file(std::uint64_t device, std::uint64_t inode, const std::string& shown);
/// Forgets every input noted so far: a new command begins (run_cli, once per command, so that
/// a program running several commands in one process does not refuse one's output because an
/// earlier one read a file that has since been deleted and its inode reused).
void forget_input_files();

/// The prefix and infix of the temporaries write_file_atomically makes next to `NAME`:
/// ".NAME.renkei-tmp-XXXXXX".
inline constexpr const char* kTempInfix = ".renkei-tmp-";

}  // namespace renkei
