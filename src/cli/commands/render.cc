// render: diagrams for slides, laid out and drawn in-process by Graphviz.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>

#include "base/error.h"
#include "base/output_file.h"
#include "base/quoted.h"
#include "base/say.h"
#include "cli/commands.h"
#include "diagram/diagrams.h"
#include "diagram/render.h"
#include "diff/diff.h"
#include "formats/load.h"

namespace renkei {

namespace {

Format parse_format(const std::string& s) {
  if (s == "svg") return Format::Svg;
  if (s == "png") return Format::Png;
  if (s == "pdf") return Format::Pdf;
  if (s == "dot") return Format::Dot;
  throw usage_error(say("unknown format {1}; formats are svg, png, pdf or dot", {in_quotes(s)}));
}

/// The format a file name asks for by its extension, if any.
std::optional<Format> drawing_format_of_path(const std::string& path) {
  auto dot = path.rfind('.');
  if (dot == std::string::npos) return std::nullopt;
  std::string ext = path.substr(dot + 1);
  for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext == "svg" || ext == "png" || ext == "pdf" || ext == "dot" || ext == "gv")
    return parse_format(ext == "gv" ? "dot" : ext);
  return std::nullopt;
}

}  // namespace

/// The options of `renkei render`.
struct RenderOptions {
  std::string preset, format, output, page = "slide", title;
  std::string against;  ///< --preset diff: the older dataset or sheet folder
};
void run_render(Context& c, const RenderOptions& opt);

Handler setup_render(OptionSet& app) {
  auto o = std::make_shared<RenderOptions>();
  std::string list;
  for (const auto& p : presets())
    list += std::string("\n  ") + p.name + (*p.argument ? std::string(":") + p.argument : "") +
            "  " + say(p.summary);
  app.add_option("--preset", o->preset, say("what to draw:{1}", {list}))
      ->required()
      ->type_name("PRESET");
  app.add_option("--format", o->format,
                 say("svg, png, pdf or dot (default: from -o's extension, else svg)"))
      ->type_name("FORMAT");
  app.add_option("-o,--output", o->output,
                 say("file to write (default: standard output, text formats only)"))
      ->type_name("FILE");
  app.add_option("--page", o->page,
                 say("slide (16:9, 13.33 × 7.5 in; default), a4 (landscape) or fit"))
      ->one_of({"slide", "a4", "fit"})
      ->type_name("slide|a4|fit");
  app.add_option("--title", o->title, say("title at the top of the page (default: the preset's)"))
      ->type_name("TEXT");
  app.add_option("--against", o->against,
                 say("preset diff: the older dataset file to compare --data with"))
      ->type_name("OLD");
  return [o](Context& c) { run_render(c, *o); };
}

void run_render(Context& c, const RenderOptions& opt) {
  Format format = Format::Svg;
  if (!opt.format.empty())
    format = parse_format(opt.format);
  else if (auto f = drawing_format_of_path(opt.output))
    format = *f;
  if (opt.output.empty() && (format == Format::Png || format == Format::Pdf) &&
      &c.out == &std::cout && isatty(1))
    throw usage_error(
        say("render: refusing to write {1} to a terminal; give -o FILE", {opt.format}));
  bool diff = opt.preset == "diff";
  if (diff && opt.against.empty())
    throw usage_error(
        say("render --preset diff needs the older dataset: --against OLD (and --data NEW, else "
            "the built-in data is NEW)"));
  if (!diff && !opt.against.empty())
    throw usage_error(say("render: --against is only for --preset diff"));
  // The diff slide draws from NEW with what only OLD had added to it.
  std::optional<DiffSlide> slide;
  if (diff) {
    Dataset old_ds = load_diff_side(opt.against, c.ds);
    slide = make_diff_diagram(old_ds, c.ds, diff_datasets(old_ds, c.ds), c.lang());
  }
  const Dataset& drawn = slide ? slide->merged : c.ds;
  Network net(c.ds);
  Diagram d = slide ? slide->diagram : make_diagram(net, c.names(), opt.preset, c.lang());
  if (!opt.title.empty()) d.title = opt.title;
  d.page = opt.page == "a4" ? Page::A4 : opt.page == "fit" ? Page::Fit : Page::Slide;
  d.png = format == Format::Png;
  RenderInfo info;
  std::string out = render_diagram(drawn, d, format, &info);
  if (opt.output.empty())
    c.out << out;
  else
    write_file_atomically(opt.output, out);
  // Text under 12 pt is hard to read projected: say so, and how to get a bigger picture
  // (after the write, so that a write that fails ends in its one error line only).
  if (kSmallestType * info.scale < 12) {
    std::ostringstream pt;
    pt << static_cast<int>(kSmallestType * info.scale * 10 + 0.5) / 10.0;
    std::string percent = std::to_string(static_cast<int>(info.scale * 100 + 0.5));
    std::cerr << (opt.preset.rfind("region:", 0) == 0 || diff
                      ? say("renkei: note: the diagram was shrunk to {1}% to fit the page; its "
                            "smallest text prints at {2} pt (under 12 pt); --page fit shows it "
                            "larger",
                            {percent, pt.str()})
                      : say("renkei: note: the diagram was shrunk to {1}% to fit the page; its "
                            "smallest text prints at {2} pt (under 12 pt); a region:NAME diagram "
                            "or --page fit shows it larger",
                            {percent, pt.str()}))
              << "\n";
  }
}

}  // namespace renkei

namespace renkei {

namespace {

/// One file of the standard set in graphs/.
struct StandardDiagram {
  std::string preset, stem, title_note;
  std::vector<Format> formats;
};

std::vector<StandardDiagram> standard_set(const Dataset& ds) {
  std::vector<StandardDiagram> set = {
      {"overview",
       "overview",
       "all municipalities, shared offices, councils and centers",
       {Format::Svg, Format::Pdf, Format::Png}},
      {"shared",
       "shared",
       "offices shared between municipalities",
       {Format::Svg, Format::Pdf, Format::Png}},
      {"gaps",
       "gaps",
       "coverage gaps, municipality × rule",
       {Format::Svg, Format::Pdf, Format::Png}},
      {"map",
       "map",
       "municipalities at their office coordinates",
       {Format::Svg, Format::Pdf, Format::Png}},
  };
  // One example of each preset that needs an argument, for docs/diagrams.md, chosen by a rule
  // so that any dataset gets its own: the office whose loss leaves most municipalities with
  // no coordinator office; the first of those municipalities; the chain from it to the first
  // other municipality that office serves; and the first municipality left uncovered by an
  // office further down the ranking that lies in another region (a second part of the map).
  std::vector<WhatIfAnswer> ranking = what_if_each(ds, Kind::Office);
  std::optional<std::size_t> example_region;
  if (!ranking.empty() && !ranking[0].uncovered.empty()) {
    std::size_t office = ranking[0].removed.at(0);
    std::vector<std::size_t> left = ranking[0].uncovered;
    sort_nodes(ds, left);
    std::size_t town = left[0];
    example_region = region_of(ds, town);
    const std::string &o = ds.nodes[office].name, &t = ds.nodes[town].name;
    set.push_back({"whatif:" + o,
                   "whatif-" + ds.nodes[office].id,
                   "if " + o + " stops",
                   {Format::Svg, Format::Png}});
    set.push_back({"municipality:" + t,
                   "municipality-" + ds.nodes[town].id,
                   t + " and everything within two steps",
                   {Format::Svg, Format::Png}});
    for (std::size_t other : municipalities_served(ds, office))
      if (other != town) {
        const std::string& to = ds.nodes[other].name;
        set.push_back({"path:" + t + ":" + to,
                       "path-" + ds.nodes[town].id + "-" + ds.nodes[other].id,
                       "one chain from " + t + " to " + to,
                       {Format::Svg, Format::Png}});
        break;
      }
    std::optional<std::size_t> far;
    for (std::size_t k = 1; k < ranking.size() && !far; ++k)
      for (std::size_t m : ranking[k].uncovered)
        if (region_of(ds, m) != example_region && !far) far = m;
    if (far) {
      const std::string& f = ds.nodes[*far].name;
      set.push_back({"reach:" + f,
                     "reach-" + ds.nodes[*far].id,
                     "whom " + f + " can reach",
                     {Format::Svg, Format::Png}});
    }
  }
  std::vector<std::size_t> regions;
  for (std::size_t i = 0; i < ds.nodes.size(); ++i)
    if (ds.nodes[i].kind == Kind::Region) regions.push_back(i);
  std::sort(regions.begin(), regions.end(),
            [&](std::size_t a, std::size_t b) { return ds.nodes[a].id < ds.nodes[b].id; });
  for (std::size_t r : regions) {
    std::vector<Format> formats = {Format::Svg, Format::Pdf};
    if (r == example_region)
      formats.push_back(Format::Png);  // the examples' region, shown in the project README
    const Node& n = ds.nodes[r];
    set.push_back(
        {"region:" + (n.aliases.empty() ? n.id : n.aliases[0].name), n.id, n.name, formats});
  }
  return set;
}

const char* extension(Format f) {
  switch (f) {
    case Format::Svg: return "svg";
    case Format::Png: return "png";
    case Format::Pdf: return "pdf";
    case Format::Dot: return "dot";
    case Format::Json: return "json";
  }
  return "svg";
}

/// The DOT of a standard diagram, page settings included, as `graphs --check` compares it.
std::string standard_dot(const Context& c, const Network& net, const StandardDiagram& sd, bool png,
                         RenderInfo* info) {
  Diagram d = make_diagram(net, c.names(), sd.preset, c.lang());
  d.png = png;
  return render_diagram(c.ds, d, Format::Dot, info);
}

}  // namespace

/// The options of `renkei graphs`.
struct GraphsOptions {
  std::vector<std::string> positional;
  bool check = false;
};
void run_graphs(Context& c, const GraphsOptions& opt);

Handler setup_graphs(OptionSet& app) {
  auto o = std::make_shared<GraphsOptions>();
  app.add_option("DIR", o->positional, say("where the diagrams go (scripts/run uses graphs/)"))
      ->required()
      ->expected(1);
  app.add_flag("--check", o->check,
               say("only compare each diagram's DOT with DIR/*.dot; exit 1 naming any that is "
                   "stale"));
  return [o](Context& c) { run_graphs(c, *o); };
}

void run_graphs(Context& c, const GraphsOptions& opt) {
  const std::string dir = opt.positional.at(0);
  Network net(c.ds);
  std::vector<StandardDiagram> set = standard_set(c.ds);
  if (opt.check) {
    std::vector<std::string> stale;
    for (const auto& sd : set) {
      std::string path = dir + "/" + sd.stem + ".dot";
      if (read_existing_output(path) != standard_dot(c, net, sd, false, nullptr))
        stale.push_back(path);
    }
    if (!stale.empty()) {
      std::string list;
      for (const auto& s : stale) list += (list.empty() ? "" : ", ") + s;
      throw data_error(say("stale diagrams: {1}; run scripts/run and commit graphs/", {list}));
    }
    c.out << say("{1} diagrams in {2} match the data", {std::to_string(set.size()), dir}) << "\n";
    return;
  }
  std::string readme =
      "# Diagrams\n\nGenerated by `scripts/run` (`build/renkei graphs graphs`) from the built-in "
      "data; do not edit.\n"
      "A test fails when they are stale. Each is a 16:9 slide (13.33 × 7.5 in) in Japanese; the "
      "PDFs embed\n"
      "BIZ UDPGothic (a Universal Design font), the SVGs keep their text as text. Source: " +
      document_citation(c.ds) + ".\n\n";
  std::error_code made;
  std::filesystem::create_directories(dir, made);
  for (const auto& sd : set) {
    RenderInfo info;
    std::string dot = standard_dot(c, net, sd, false, &info);
    // A diagram whose DOT has not changed keeps its pictures: cairo and neato differ in the
    // last float digit from run to run on some drawings, and unchanged slides should not
    // show up as changed files.
    bool unchanged = read_existing_output(dir + "/" + sd.stem + ".dot") == dot;
    if (!unchanged) write_file_atomically(dir + "/" + sd.stem + ".dot", dot);
    Diagram d = make_diagram(net, c.names(), sd.preset, c.lang());
    readme += "## " + sd.stem + " — " + sd.title_note + "\n\n";
    for (Format f : sd.formats) {
      d.png = f == Format::Png;
      std::string file_name = sd.stem + "." + extension(f);
      if (unchanged && read_existing_output(dir + "/" + file_name)) {
        c.out << say("kept  {1} (its DOT is unchanged)", {dir + "/" + file_name}) << "\n";
        continue;
      }
      std::string bytes = render_diagram(c.ds, d, f);
      write_file_atomically(dir + "/" + file_name, bytes);
      c.out << say("wrote {1}", {dir + "/" + file_name}) << "\n";
    }
    std::string picture =
        std::find(sd.formats.begin(), sd.formats.end(), Format::Png) != sd.formats.end()
            ? sd.stem + ".png"
            : sd.stem + ".svg";
    readme += "![" + sd.title_note + "](" + picture + ")\n\n";
    readme += "`renkei render --preset " + sd.preset + " -o " + sd.stem + ".pdf`";
    for (Format f : sd.formats)
      readme += std::string(" · [") + extension(f) + "](" + sd.stem + "." + extension(f) + ")";
    char scale[64];
    std::snprintf(scale, sizeof scale, " · smallest text %.1f pt on the slide",
                  kSmallestType * info.scale);
    readme += std::string(scale) + "\n\n";
  }
  write_file_atomically(dir + "/README.md", readme);
  c.out << say("wrote {1}", {dir + "/README.md"}) << "\n";
}

}  // namespace renkei
