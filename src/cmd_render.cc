// render: diagrams for slides, laid out and drawn in-process by Graphviz.
#include <unistd.h>

#include <iostream>

#include "commands.h"
#include "diagrams.h"
#include "error.h"
#include "output_file.h"
#include "render.h"

namespace renkei {

namespace {

Format parse_format(const std::string& s) {
  if (s == "svg") return Format::Svg;
  if (s == "png") return Format::Png;
  if (s == "pdf") return Format::Pdf;
  if (s == "dot") return Format::Dot;
  throw usage_error("unknown format \"" + s + "\"; formats are svg, png, pdf or dot");
}

/// The format a file name asks for by its extension, if any.
std::optional<Format> format_of_path(const std::string& path) {
  auto dot = path.rfind('.');
  if (dot == std::string::npos) return std::nullopt;
  std::string ext = path.substr(dot + 1);
  for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext == "svg" || ext == "png" || ext == "pdf" || ext == "dot" || ext == "gv") return parse_format(ext == "gv" ? "dot" : ext);
  return std::nullopt;
}

}  // namespace

void setup_render(CLI::App& app, Options& o) {
  std::string list;
  for (const auto& p : presets()) list += std::string("\n  ") + p.name + (*p.argument ? std::string(":") + p.argument : "") + "  " + p.summary;
  app.add_option("--preset", o.preset, "what to draw:" + list)->required()->type_name("PRESET");
  app.add_option("--format", o.format, "svg, png, pdf or dot (default: from -o's extension, else svg)")->type_name("FORMAT");
  app.add_option("-o,--output", o.output, "file to write (default: standard output, text formats only)")->type_name("FILE");
  app.add_option("--page", o.page, "slide (16:9, 13.33 × 7.5 in; default), a4 (landscape) or fit")
      ->check(CLI::IsMember({"slide", "a4", "fit"}))
      ->type_name("slide|a4|fit");
  app.add_option("--title", o.title, "title at the top of the page (default: the preset's)")->type_name("TEXT");
}

void run_render(Context& c) {
  Format format = Format::Svg;
  if (!c.options.format.empty())
    format = parse_format(c.options.format);
  else if (auto f = format_of_path(c.options.output))
    format = *f;
  if (c.options.output.empty() && (format == Format::Png || format == Format::Pdf) && &c.out == &std::cout && isatty(1))
    throw usage_error("render: refusing to write " + c.options.format + " to a terminal; give -o FILE");
  Network net(c.ds);
  Diagram d = make_diagram(net, c.names, c.options.preset, c.lang());
  if (!c.options.title.empty()) d.title = c.options.title;
  d.page = c.options.page == "a4" ? Page::A4 : c.options.page == "fit" ? Page::Fit : Page::Slide;
  d.png = format == Format::Png;
  std::string dot = write_dot(c.ds, d);
  RenderInfo info;
  std::string out = render_dot(dot, d.engine, format, page_size(d.page), &info);
  // Text under 12 pt is hard to read projected: say so, and how to get a bigger picture.
  if (kSmallestType * info.scale < 12)
    std::cerr << "renkei: note: the diagram was shrunk to " << static_cast<int>(info.scale * 100 + 0.5)
              << "% to fit the page; its smallest text prints at " << static_cast<int>(kSmallestType * info.scale * 10 + 0.5) / 10.0
              << " pt (under 12 pt); a region:NAME diagram or --page fit shows it larger\n";
  if (c.options.output.empty()) {
    c.out << out;
    return;
  }
  write_file_atomically(c.options.output, out);
}

}  // namespace renkei
