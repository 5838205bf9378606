// The one file that talks to Graphviz. Nothing else includes <gvc.h>.
#include "diagram/render.h"

#include <gvc.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <memory>
#include <system_error>
#include <thread>

#include "base/error.h"
#include "base/say.h"

namespace renkei {

namespace {

/// One Graphviz context for the process: loading the plugins is the slow part.
GVC_t* context() {
  static GVC_t* gvc = [] {
    agseterr(AGMAX);  // keep Graphviz quiet on stderr; errors are read back with aglasterr()
    return gvContext();
  }();
  return gvc;
}

const char* format_name(Format f) {
  switch (f) {
    case Format::Svg: return "svg";
    case Format::Png: return "png:cairo";
    case Format::Pdf: return "pdf:cairo";
    case Format::Dot: return "dot";
    case Format::Json: return "json";
  }
  return "svg";
}

using GraphPtr = std::unique_ptr<Agraph_t, int (*)(Agraph_t*)>;

GraphPtr laid_out(const std::string& dot, Engine engine) {
  GraphPtr g(agmemread(dot.c_str()), agclose);
  if (!g) {
    char* why = aglasterr();
    throw data_error(why ? say("Graphviz could not read the diagram: {1}", {why})
                         : say("Graphviz could not read the diagram: syntax error"));
  }
  if (gvLayout(context(), g.get(), engine == Engine::Neato ? "neato" : "dot") != 0)
    throw data_error(say("Graphviz could not lay out the diagram"));
  return g;
}

/// Adds root graph attributes at the end of a DOT text, where they win over earlier ones.
std::string with_attributes(const std::string& dot, const std::string& attrs) {
  auto close = dot.rfind('}');
  return dot.substr(0, close) + "  graph [" + attrs + "];\n" + dot.substr(close);
}

/// cairo 1.16 stamps PDFs with the time they were made, so two runs differ. Same input must
/// give the same bytes: the date becomes SOURCE_DATE_EPOCH (reproducible-builds.org) or
/// 1970-01-01, written over the old one at the same length so the PDF's offsets still hold.
void fix_creation_date(std::string& pdf) {
  static const std::string key = "/CreationDate (D:";
  auto at = pdf.find(key);
  if (at == std::string::npos) return;
  at += key.size();
  auto end = pdf.find(')', at);
  if (end == std::string::npos) return;
  std::time_t when = 0;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"))
    when = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  std::tm tm{};
  gmtime_r(&when, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d%H%M%SZ", &tm);
  std::string fixed = stamp;
  if (fixed.size() == end - at) pdf.replace(at, end - at, fixed);
}

/// Runs one Graphviz job in a child process and returns what it produced. Graphviz 2.42
/// keeps state between layouts in one process (its cluster order follows heap addresses left
/// by earlier layouts), so a second layout of the same graph can come out differently from
/// run to run. Each job is therefore the first and only layout of a fresh copy of this
/// process, which never lays anything out itself. Errors come back as renkei::Error.
std::string in_fresh_process(const std::function<std::string()>& job) {
  context();  // load the plugins once, here, so every child starts with them (no layout yet)
  int fds[2];
  if (pipe(fds) != 0) throw data_error(say("cannot start the layout process (pipe failed)"));
  std::fflush(nullptr);
  pid_t child = fork();
  if (child < 0) {
    close(fds[0]);
    close(fds[1]);
    throw data_error(say("cannot start the layout process (fork failed)"));
  }
  if (child == 0) {
    close(fds[0]);
    int code = 0;
    std::string out;
    // The job runs on a thread of its own: its allocations come from a malloc arena that is
    // new in this child, so the addresses Graphviz orders some of its work by depend on the
    // job alone, not on what the parent allocated before forking (the data, other answers).
    auto run = [&] {
      try {
        out = job();
      } catch (const std::exception& e) {
        out = e.what();
        code = 1;
      }
    };
    try {
      std::thread worker(run);
      worker.join();
    } catch (const std::system_error&) {  // no thread to be had: lay out here all the same
      run();
    }
    for (std::size_t done = 0; done < out.size();) {
      ssize_t n = write(fds[1], out.data() + done, out.size() - done);
      if (n <= 0) _exit(2);
      done += static_cast<std::size_t>(n);
    }
    _exit(code);
  }
  close(fds[1]);
  std::string out;
  char buf[65536];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return out;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 1) throw data_error(out);
  throw data_error(say("Graphviz stopped while drawing the diagram"));
}

}  // namespace

std::optional<PageSize> page_size(Page page) {
  switch (page) {
    case Page::Slide: return PageSize{13.333, 7.5};
    case Page::A4: return PageSize{11.69, 8.27};
    case Page::Fit: return std::nullopt;
  }
  return std::nullopt;
}

std::string render_dot(const std::string& dot, Engine engine, Format format,
                       std::optional<PageSize> page, RenderInfo* info) {
  std::string final_dot = dot;
  double scale = 1;
  if (page) {
    const double pad = 0.15;  // inches of white kept round the drawing
    std::string size = in_fresh_process([&] {
      GraphPtr first = laid_out(dot, engine);
      boxf bb = GD_bb(first.get());  // the layout's bounding box, in points
      char buf[96];
      std::snprintf(buf, sizeof buf, "%.17g %.17g", bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
      gvFreeLayout(context(), first.get());
      return std::string(buf);
    });
    double w = 0, h = 0;
    if (std::sscanf(size.c_str(), "%lf %lf", &w, &h) != 2 || w <= 0 || h <= 0)
      throw data_error(say("Graphviz gave no size for the diagram"));
    // Fit inside the page less a small border; never blow a small drawing up past 1.6×.
    // Graphviz scales drawing and pad together to `size`, so the pad that fills the page
    // is measured in the drawing's own (unscaled) inches.
    w /= 72.0;
    h /= 72.0;
    scale = std::min({(page->width - 2 * pad) / w, (page->height - 2 * pad) / h, 1.6});
    char attrs[160];
    std::snprintf(attrs, sizeof attrs, "size=\"%.4f,%.4f!\", pad=\"%.4f,%.4f\"", page->width,
                  page->height, (page->width / scale - w) / 2, (page->height / scale - h) / 2);
    final_dot = with_attributes(dot, attrs);
  }
  if (info) info->scale = scale;
  if (format == Format::Dot) return final_dot;
  std::string out = in_fresh_process([&] {
    GraphPtr g = laid_out(final_dot, engine);
    char* data = nullptr;
    unsigned int length = 0;
    int rc = gvRenderData(context(), g.get(), format_name(format), &data, &length);
    std::string bytes = rc == 0 && data ? std::string(data, length) : std::string();
    if (data) gvFreeRenderData(data);
    gvFreeLayout(context(), g.get());
    if (rc != 0)
      throw data_error(say("Graphviz could not render {1}", {std::string(format_name(format))}));
    return bytes;
  });
  if (format == Format::Pdf) fix_creation_date(out);
  return out;
}

}  // namespace renkei
