#include "output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <map>
#include <mutex>
#include <utility>

#include "error.h"

namespace renkei {

namespace {

std::string reason(int err) {
  std::string why = std::strerror(err);
  if (err == ENOSPC || err == EDQUOT) why += ": the disk is full";
  if (err == EFBIG) why += ": over the file size limit (ulimit -f)";
  if (err == EROFS || err == EACCES || err == EPERM) why += ": the folder is not writable";
  return why;
}

/// Removes the temporary and throws; the file at `path` was never touched.
[[noreturn]] void fail(const std::string& path, bool exists, const std::string& tmp, const std::string& what, int err) {
  if (!tmp.empty()) unlink(tmp.c_str());
  throw data_error(path + ": " + what + " (" + reason(err) + ")" + (exists ? "; the previous file is unchanged" : ""));
}

/// The mode a new file gets from open(…, 0666): what the umask allows.
mode_t default_mode() {
  mode_t mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

/// The files this process read as input, by (device, inode), with the name it read them by.
struct Inputs {
  std::mutex lock;
  std::map<std::pair<std::uint64_t, std::uint64_t>, std::string> files;
};
Inputs& inputs() {
  static Inputs* in = new Inputs;  // never destroyed: readers may run until exit
  return *in;
}

/// The renkei file format a file's text declares near its start ("renkei-dataset",
/// "renkei-outside"), or "" when it declares none.
std::string_view declared_format(std::string_view text) {
  std::string_view head = text.substr(0, 4096);
  for (std::string_view f : {"renkei-dataset/", "renkei-outside/"})
    if (head.find("\"" + std::string(f)) != std::string_view::npos && head.find("\"format\"") != std::string_view::npos)
      return f.substr(0, f.size() - 1);
  return "";
}

/// Refuses to replace what must not be lost: a file read as input, or a renkei data file
/// by something that is not one of its format.
void check_not_an_input(const std::string& path, const struct stat& st, std::string_view contents) {
  {
    Inputs& in = inputs();
    std::lock_guard<std::mutex> g(in.lock);
    auto it = in.files.find({static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)});
    if (it != in.files.end())
      throw data_error(path + ": is " + (it->second == path ? "an input" : "the same file as the input " + it->second) +
                       " of this command; renkei never writes over a file it reads: give another output name");
  }
  char head[4096];
  std::size_t got = 0;
  if (int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC); fd >= 0) {
    ssize_t n = read(fd, head, sizeof head);
    got = n > 0 ? static_cast<std::size_t>(n) : 0;
    close(fd);
  }
  std::string_view there = declared_format(std::string_view(head, got));
  if (!there.empty() && declared_format(contents) != there)
    throw data_error(path + ": is " + (there == "renkei-dataset" ? "a renkei dataset" : "a renkei outside-facts file") +
                     ", and this output is not one; renkei does not replace data with its output: give another output "
                     "name (the file is unchanged)");
}

}  // namespace

void note_input_file(std::uint64_t device, std::uint64_t inode, const std::string& shown) {
  Inputs& in = inputs();
  std::lock_guard<std::mutex> g(in.lock);
  in.files.emplace(std::make_pair(device, inode), shown);
}

void write_file_atomically(const std::string& path, std::string_view contents) {
  // Over `ulimit -f`, the kernel kills the writer with SIGXFSZ unless it is ignored; ignored,
  // write() fails with EFBIG and the user gets a message instead of a dead process.
  std::signal(SIGXFSZ, SIG_IGN);

  std::string dir = ".", base = path;
  if (auto slash = path.rfind('/'); slash != std::string::npos) {
    dir = slash == 0 ? "/" : path.substr(0, slash);
    base = path.substr(slash + 1);
  }
  struct stat st;
  bool exists = stat(path.c_str(), &st) == 0;
  if (base.empty() || base == "." || base == ".." || (exists && S_ISDIR(st.st_mode)))
    throw data_error(path + ": is a directory; give a file name");
  if (exists && !S_ISREG(st.st_mode))
    throw data_error(path + ": is not a regular file (a device, pipe or socket); give a file name");
  if (exists) check_not_an_input(path, st, contents);
  mode_t mode = exists ? (st.st_mode & 07777) : default_mode();

  std::string tmp = dir + "/." + base + kTempInfix + "XXXXXX";
  int fd = mkstemp(tmp.data());
  struct stat dst;
  if (fd < 0 && errno == ENOENT && stat(dir.c_str(), &dst) != 0)
    throw data_error(path + ": the folder " + dir + " does not exist; create it first");
  if (fd < 0 && errno == ENOTDIR) throw data_error(path + ": " + dir + " is not a folder");
  if (fd < 0) fail(path, exists, "", "cannot create a file in " + dir, errno);
  auto fail_open = [&](const char* what) {
    int err = errno;
    close(fd);
    fail(path, exists, tmp, what, err);
  };
  const char* p = contents.data();
  std::size_t left = contents.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail_open("write failed");
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (fchmod(fd, mode) != 0) fail_open("cannot set the file's permissions");
  if (fsync(fd) != 0) fail_open("write failed");
  if (close(fd) != 0) fail(path, exists, tmp, "write failed", errno);
  if (rename(tmp.c_str(), path.c_str()) != 0) fail(path, exists, tmp, "cannot replace the file", errno);
  // The rename is in the directory; without this a crash could still bring the old file back.
  if (int dfd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
}

}  // namespace renkei
