#include "output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "error.h"

namespace renkei {

void write_file_atomically(const std::string& path, std::string_view contents) {
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) throw data_error(path + ": is a directory; give a file name");
  std::string dir = ".";
  if (auto slash = path.rfind('/'); slash != std::string::npos) dir = slash == 0 ? "/" : path.substr(0, slash);
  std::string tmpl = dir + "/.renkei-XXXXXX";
  int fd = mkstemp(tmpl.data());
  if (fd < 0) throw data_error(path + ": cannot write here (" + std::strerror(errno) + ")");
  auto fail = [&](const char* what) {
    int err = errno;
    close(fd);
    unlink(tmpl.c_str());
    throw data_error(path + ": " + what + " (" + std::strerror(err) + "); the previous file, if any, is unchanged");
  };
  const char* p = contents.data();
  std::size_t left = contents.size();
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write failed");
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (fsync(fd) != 0) fail("write failed");
  fchmod(fd, 0644);
  if (close(fd) != 0) {
    unlink(tmpl.c_str());
    throw data_error(path + ": write failed (" + std::strerror(errno) + ")");
  }
  if (rename(tmpl.c_str(), path.c_str()) != 0) {
    int err = errno;
    unlink(tmpl.c_str());
    throw data_error(path + ": cannot replace the file (" + std::strerror(err) + ")");
  }
}

}  // namespace renkei
