// Reading input files: size and type checked before reading, large files mapped, every
// file read recorded as an input so no output replaces it.
#include "base/files.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/error.h"
#include "base/output_file.h"
#include "base/quoted.h"
#include "base/say.h"

namespace renkei {

namespace {
std::string megabytes(std::uint64_t bytes) {
  return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MB";
}
}  // namespace

void refuse_size(const std::string& shown, std::uint64_t bytes) {
  throw data_error(
      say("{1}: the file is {2}, more than renkei reads ({3}); split the data into smaller files",
          {shown, megabytes(bytes), megabytes(kMaxDataFileBytes)}));
}

namespace {

/// What reading a file found, when it could not give the bytes.
enum class ReadProblem { None, Missing, Directory, NotRegular, TooLarge, Unreadable };

/// Files at least this large are mapped instead of read: no copy, no zero-filled buffer.
constexpr std::uint64_t kMapBytes = std::uint64_t{1} << 20;

/// The line a SIGBUS prints, naming the file it would come from (a mapped file cut short by
/// another program): said when the file is mapped, since the handler may not allocate.
char g_sigbus_line[4096];

extern "C" void on_sigbus(int) {
  ssize_t ignored = write(2, g_sigbus_line, strnlen(g_sigbus_line, sizeof g_sigbus_line));
  (void)ignored;
  _exit(1);
}

/// Maps `size` bytes of `fd` read-only, pages loaded up front; nullptr when mmap fails.
/// Reading a mapping whose file was truncated meanwhile raises SIGBUS: renkei then prints
/// one error line naming the file and exits 1 instead of crashing.
const char* map_file(int fd, std::size_t size, const std::string& path) {
  void* p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  if (p == MAP_FAILED) return nullptr;
  std::string line =
      say("renkei: error: ") +
      say("{1}: the file was cut short by another program while renkei read it; run the command "
          "again",
          {path.substr(0, 1023)}) +
      "\n";
  std::size_t n = std::min(line.size(), sizeof g_sigbus_line - 1);
  std::memcpy(g_sigbus_line, line.data(), n);
  g_sigbus_line[n] = '\0';
  static const bool installed = [] {
    struct sigaction sa {};
    sa.sa_handler = on_sigbus;
    sigemptyset(&sa.sa_mask);
    return sigaction(SIGBUS, &sa, nullptr) == 0;
  }();
  (void)installed;
  return static_cast<const char*>(p);
}

/// Reads a regular file of at most kMaxDataFileBytes. The type and size are checked with
/// stat before anything is read, and again on the open descriptor (opened non-blocking, so
/// a FIFO put in the file's place cannot hang the read). With `may_map`, a file of
/// kMapBytes or more is mapped rather than read.
ReadProblem read_limited(const std::string& path, FileBytes& out, std::uint64_t& size, int& error,
                         bool may_map = false, bool input = true) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    error = errno;
    return errno == ENOENT || errno == ENOTDIR ? ReadProblem::Missing : ReadProblem::Unreadable;
  }
  if (S_ISDIR(st.st_mode)) return ReadProblem::Directory;
  if (!S_ISREG(st.st_mode)) return ReadProblem::NotRegular;
  size = static_cast<std::uint64_t>(st.st_size);
  if (size > kMaxDataFileBytes) return ReadProblem::TooLarge;
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    error = errno;
    return ReadProblem::Unreadable;
  }
  ReadProblem problem = ReadProblem::None;
  bool regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (regular && input)
    note_input_file(st.st_dev, st.st_ino, path);  // so that no output replaces it
  if (!regular) {
    problem = ReadProblem::NotRegular;
  } else if (auto n = static_cast<std::uint64_t>(st.st_size); n > kMaxDataFileBytes) {
    size = n;
    problem = ReadProblem::TooLarge;
  } else if (const char* p = may_map && n >= kMapBytes ? map_file(fd, n, path) : nullptr) {
    out = FileBytes(p, n);
  } else {
    // st_size is a hint (files in /proc say 0): read to the end, but never past the limit.
    std::string text;
    text.resize(std::min<std::uint64_t>(n, kMaxDataFileBytes) + 1);
    std::size_t used = 0;
    while (true) {
      if (used == text.size()) {
        if (text.size() > kMaxDataFileBytes) {
          size = text.size();
          problem = ReadProblem::TooLarge;
          break;
        }
        text.resize(std::min<std::size_t>(text.size() * 2, kMaxDataFileBytes + 1));
      }
      ssize_t got = read(fd, text.data() + used, text.size() - used);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        error = errno;
        problem = ReadProblem::Unreadable;
        break;
      }
      if (got == 0) break;
      used += static_cast<std::size_t>(got);
    }
    text.resize(used);
    out = FileBytes(std::move(text));
  }
  close(fd);
  return problem;
}

ReadProblem read_limited(const std::string& path, std::string& out, std::uint64_t& size, int& error,
                         bool input = true) {
  FileBytes bytes;
  ReadProblem problem = read_limited(path, bytes, size, error, false, input);
  out = bytes.take_string();
  return problem;
}

std::string unreadable(const std::string& shown, int error) {
  if (error == EACCES || error == EPERM)
    return say("{1}: cannot be read (check its permissions)", {shown});
  return say("{1}: cannot be read ({2})", {shown, std::strerror(error)});
}

}  // namespace

std::optional<std::string> read_whole_file(const std::string& path) {
  std::string text;
  std::uint64_t size = 0;
  int error = 0;
  if (read_limited(path, text, size, error) != ReadProblem::None) return std::nullopt;
  return text;
}

std::optional<std::string> read_existing_output(const std::string& path) {
  std::string text;
  std::uint64_t size = 0;
  int error = 0;
  if (read_limited(path, text, size, error, false) != ReadProblem::None) return std::nullopt;
  return text;
}

FileBytes::FileBytes(const char* mapped, std::size_t size) : map_(mapped), map_size_(size) {}

FileBytes::FileBytes(FileBytes&& other) noexcept { *this = std::move(other); }

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
  if (this != &other) {
    release();
    text_ = std::move(other.text_);
    map_ = std::exchange(other.map_, nullptr);
    map_size_ = std::exchange(other.map_size_, 0);
  }
  return *this;
}

FileBytes::~FileBytes() { release(); }

void FileBytes::release() {
  if (map_) munmap(const_cast<char*>(map_), map_size_);
  map_ = nullptr;
  map_size_ = 0;
}

std::string FileBytes::take_string() {
  if (!map_) return std::move(text_);
  std::string copy(map_, map_size_);
  release();
  return copy;
}

FileBytes map_data_file(const std::string& path) {
  return map_input_file(path, say("a dataset file").c_str());
}

FileBytes map_input_file(const std::string& path, const char* what) {
  FileBytes bytes;
  std::uint64_t size = 0;
  int error = 0;
  switch (read_limited(path, bytes, size, error, true)) {
    case ReadProblem::None: return bytes;
    case ReadProblem::Missing: throw data_error(say("{1}: no such file", {path}));
    case ReadProblem::Directory:
      throw data_error(say("{1}: is a directory, not {2}", {path, what}));
    case ReadProblem::NotRegular:
      throw data_error(
          say("{1}: not a regular file (a device, pipe or socket); renkei reads data from files",
              {path}));
    case ReadProblem::TooLarge: refuse_size(path, size);
    case ReadProblem::Unreadable: throw data_error(unreadable(path, error));
  }
  throw data_error(say("{1}: cannot be read", {path}));
}

std::optional<FileBytes> map_whole_file(const std::string& path) {
  FileBytes bytes;
  std::uint64_t size = 0;
  int error = 0;
  if (read_limited(path, bytes, size, error, true) != ReadProblem::None) return std::nullopt;
  return bytes;
}

std::string read_data_file(const std::string& path) { return map_data_file(path).take_string(); }

std::optional<std::string> read_file_if_present(const std::string& full) {
  std::string text;
  std::uint64_t size = 0;
  int error = 0;
  switch (read_limited(full, text, size, error)) {
    case ReadProblem::None: return text;
    case ReadProblem::TooLarge: refuse_size(full, size);
    case ReadProblem::Unreadable:
      if (error != ENOENT) throw data_error(unreadable(full, error));
      return std::nullopt;
    default: return std::nullopt;
  }
}

bool is_inside_folder(const std::string& rel) {
  if (rel.empty() || rel[0] == '/') return false;
  for (const auto& part : std::filesystem::path(rel))
    if (part == "..") return false;
  return true;
}

}  // namespace renkei
