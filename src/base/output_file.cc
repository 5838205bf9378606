#include "base/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define XXH_INLINE_ALL  // header-only, as in snapshot.cc
#include <xxhash.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <mutex>
#include <utility>

#include "base/error.h"
#include "base/say.h"

namespace renkei {

namespace {

std::string reason(int err) {
  std::string why = std::strerror(err);
  if (err == ENOSPC || err == EDQUOT) why = say("{1}: the disk is full", {why});
  if (err == EFBIG) why = say("{1}: over the file size limit (ulimit -f)", {why});
  if (err == EROFS || err == EACCES || err == EPERM)
    why = say("{1}: the folder is not writable", {why});
  return why;
}

/// Removes the temporary and throws; the file at `path` was never touched. `what` went wrong
/// is said already ("write failed").
[[noreturn]] void fail(const std::string& path, bool exists, const std::string& tmp,
                       const std::string& what, int err) {
  if (!tmp.empty()) unlink(tmp.c_str());
  std::string message = say("{1}: {2} ({3})", {path, what, reason(err)});
  if (exists) message = say("{1}; the previous file is unchanged", {message});
  throw data_error(message);
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
    if (head.find("\"" + std::string(f)) != std::string_view::npos &&
        head.find("\"format\"") != std::string_view::npos)
      return f.substr(0, f.size() - 1);
  return "";
}

/// Refuses to replace what must not be lost: a file read as input, or a renkei data file
/// by something that is not one of its format.
void check_not_an_input(const std::string& path, const struct stat& st, std::string_view contents) {
  {
    Inputs& in = inputs();
    std::lock_guard<std::mutex> g(in.lock);
    auto it = in.files.find(
        {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)});
    if (it != in.files.end())
      throw data_error(
          it->second == path
              ? say("{1}: is an input of this command; renkei never writes over a file it reads: "
                    "give another output name",
                    {path})
              : say("{1}: is the same file as the input {2} of this command; renkei never "
                    "writes over a file it reads: give another output name",
                    {path, it->second}));
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
    throw data_error(
        there == "renkei-dataset"
            ? say("{1}: is a renkei dataset, and this output is not one; renkei does not replace "
                  "data with its output: give another output name (the file is unchanged)",
                  {path})
            : say("{1}: is a renkei outside-facts file, and this output is not one; renkei does "
                  "not replace data with its output: give another output name (the file is "
                  "unchanged)",
                  {path}));
}

}  // namespace

void note_input_file(std::uint64_t device, std::uint64_t inode, const std::string& shown) {
  Inputs& in = inputs();
  std::lock_guard<std::mutex> g(in.lock);
  in.files.emplace(std::make_pair(device, inode), shown);
}

void forget_input_files() {
  Inputs& in = inputs();
  std::lock_guard<std::mutex> g(in.lock);
  in.files.clear();
}

namespace {

/// A file written in full and fsync'ed beside its target, not yet in its place.
struct Pending {
  std::string path, dir, tmp;
  bool exists = false;
};

/// Every check write_file_atomically makes, then the temporary written; on failure the
/// temporary is removed and renkei::Error names the path.
Pending write_temporary(const std::string& path, std::string_view contents) {
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
    throw data_error(say("{1}: is a directory; give a file name", {path}));
  if (exists && !S_ISREG(st.st_mode))
    throw data_error(
        say("{1}: is not a regular file (a device, pipe or socket); give a file name", {path}));
  if (exists) check_not_an_input(path, st, contents);
  mode_t mode = exists ? (st.st_mode & 07777) : default_mode();

  std::string tmp = dir + "/." + base + kTempInfix + "XXXXXX";
  int fd = mkstemp(tmp.data());
  struct stat dst;
  if (fd < 0 && errno == ENOENT && stat(dir.c_str(), &dst) != 0)
    throw data_error(say("{1}: the folder {2} does not exist; create it first", {path, dir}));
  if (fd < 0 && errno == ENOTDIR) throw data_error(say("{1}: {2} is not a folder", {path, dir}));
  if (fd < 0) {
    int err = errno;
    fail(path, exists, "", say("cannot create a file in {1}", {dir}), err);
  }
  auto fail_open = [&](const char* what) {  // what: an N_() sentence, said once errno is kept
    int err = errno;
    close(fd);
    fail(path, exists, tmp, say(what), err);
  };
  const char* p = contents.data();
  std::size_t left = contents.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail_open(N_("write failed"));
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (fchmod(fd, mode) != 0) fail_open(N_("cannot set the file's permissions"));
  if (fsync(fd) != 0) fail_open(N_("write failed"));
  if (close(fd) != 0) {
    int err = errno;
    fail(path, exists, tmp, say("write failed"), err);
  }
  return {path, dir, tmp, exists};
}

/// Renames the temporary over its target and fsyncs the folder, so the rename survives a crash.
void put_in_place(const Pending& f) {
  if (rename(f.tmp.c_str(), f.path.c_str()) != 0) {
    int err = errno;
    fail(f.path, f.exists, f.tmp, say("cannot replace the file"), err);
  }
  if (int dfd = open(f.dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
}

std::string hash_hex(std::string_view text) {
  XXH64_hash_t h = XXH3_64bits(text.data(), text.size());
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

/// Now, by the clock the file system stamps files with (coarse: a file written a moment
/// after this gets this time or later, never earlier).
std::int64_t now_ns() {
  timespec t{};
  clock_gettime(CLOCK_REALTIME_COARSE, &t);
  return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view contents) {
  put_in_place(write_temporary(path, contents));
}

void write_file_set(const std::string& dir,
                    const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<Pending> pending;
  try {
    for (const auto& [name, text] : files)
      pending.push_back(write_temporary(dir + "/" + name, text));
    // Written when every member is ready: each member it lists was either written before
    // this moment with this hash, or is older and another set's, or was edited after it.
    std::string manifest =
        std::string(kSetManifestMagic) + "written " + std::to_string(now_ns()) + "\n";
    for (const auto& [name, text] : files) manifest += hash_hex(text) + "\t" + name + "\n";
    pending.insert(pending.begin(), write_temporary(dir + "/" + kSetManifest, manifest));
  } catch (const Error& e) {
    for (const Pending& p : pending) unlink(p.tmp.c_str());
    throw data_error(say("{1}; none of the {2} files in {3} was replaced",
                         {e.what(), std::to_string(files.size()), dir}));
  }
  // The manifest first: a run killed among the renames leaves members older than it that
  // do not match it, which check_file_set tells from a whole set.
  for (const Pending& p : pending) put_in_place(p);
}

void check_file_set(const std::string& dir) {
  std::string path = dir + "/" + kSetManifest;
  std::string text;
  {
    int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return;  // not written as a set (or copied without it): nothing to tell
    char buf[65536];
    for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0 && text.size() < (1u << 20);)
      text.append(buf, static_cast<std::size_t>(n));
    close(fd);
  }
  if (text.rfind(kSetManifestMagic, 0) != 0) return;
  std::size_t at = std::string_view(kSetManifestMagic).size();
  if (text.compare(at, 8, "written ") != 0) return;
  std::int64_t written = std::strtoll(text.c_str() + at + 8, nullptr, 10);
  at = text.find('\n', at);
  while (at != std::string::npos && at + 1 < text.size()) {
    std::size_t start = at + 1, tab = text.find('\t', start), nl = text.find('\n', start);
    if (tab == std::string::npos || nl == std::string::npos || tab > nl) return;
    std::string hash = text.substr(start, tab - start), name = text.substr(tab + 1, nl - tab - 1);
    at = nl;
    std::string member = dir + "/" + name;
    struct stat st;
    if (name.find("..") != std::string::npos || stat(member.c_str(), &st) != 0 ||
        !S_ISREG(st.st_mode))
      continue;
    std::int64_t mtime =
        static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    if (mtime >= written) continue;  // changed after the set was written: someone's edit
    std::string bytes;
    if (int fd = open(member.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC); fd >= 0) {
      char buf[65536];
      for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;)
        bytes.append(buf, static_cast<std::size_t>(n));
      close(fd);
    }
    if (hash_hex(bytes) != hash)
      throw data_error(
          say("{1}: is older than the rest of its set and not the file written with it: a write "
              "of {2} was interrupted, so its files mix two datasets; write them again",
              {member, dir}));
  }
}

}  // namespace renkei
