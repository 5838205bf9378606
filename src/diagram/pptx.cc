// PresentationML (.pptx) from Graphviz's JSON layout. Every drawing operation Graphviz made
// becomes a native shape, line, text or table, so a slide stays editable in PowerPoint and
// Impress, and the drawing sits where Graphviz put it.
#include "diagram/pptx_xml.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/error.h"
#include "base/quoted.h"
#include "base/say.h"

namespace renkei {

namespace pptx_writer {

using nlohmann::json;
constexpr double kInf = std::numeric_limits<double>::infinity();

// ---- Graphviz's drawing operations (xdot 1.7, as -Tjson writes them) ---------------------

struct Pt {
  double x, y;
};
/// A box in Graphviz points, y up.
struct Box {
  double x0 = kInf, y0 = kInf, x1 = -kInf, y1 = -kInf;
  void add(Pt p) {
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y);
    x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  }
  void add(const Box& b) {
    if (b.x0 <= b.x1) add(Pt{b.x0, b.y0}), add(Pt{b.x1, b.y1});
  }
  double area() const { return (x1 - x0) * (y1 - y0); }
  Pt middle() const { return {(x0 + x1) / 2, (y0 + y1) / 2}; }
  bool contains(Pt p) const {
    return p.x >= x0 - 0.5 && p.x <= x1 + 0.5 && p.y >= y0 - 0.5 && p.y <= y1 + 0.5;
  }
  bool near(const Box& b, double slack) const {
    return std::abs(x0 - b.x0) <= slack && std::abs(x1 - b.x1) <= slack &&
           std::abs(y0 - b.y0) <= slack && std::abs(y1 - b.y1) <= slack;
  }
};

struct Pen {
  string line = "000000", fill = "000000";  ///< as solid() takes them
  double width = 1;
  string dash;  ///< DrawingML's preset dash, empty for solid
};

/// One drawn outline: a polygon, a Bézier path, an ellipse or a polyline.
struct Outline {
  char op;  ///< 'P', 'B', 'E', 'L'
  bool filled;
  vector<Pt> pts;            ///< for 'E', two opposite corners of its box
  vector<vector<Pt>> lines;  ///< polylines drawn with it: a tab's step, a note's fold
  Pen pen;
  Box box() const {
    Box b;
    for (Pt p : pts) b.add(p);
    for (const auto& l : lines)
      for (Pt p : l) b.add(p);
    return b;
  }
  bool rect() const {  // an axis-aligned rectangle: a table cell, a box
    if (op != 'P' || pts.size() != 4 || !lines.empty()) return false;
    for (std::size_t i = 0; i < 4; ++i) {
      Pt a = pts[i], b = pts[(i + 1) % 4];
      if (std::abs(a.x - b.x) > 0.01 && std::abs(a.y - b.y) > 0.01) return false;
    }
    return true;
  }
};

/// One text run: T's baseline point, the x it aligns there, its width as Graphviz measured it.
struct Run {
  Pt at;
  char align;
  double width, size;
  string color, text;
  int fontchar;      ///< xdot's bits: 1 bold, 2 italic, 4 underline, 32 strike-through
  Box box() const {  // the line's ink, about: 0.85 of the size above the baseline, 0.3 below
    double left = align == 'l' ? at.x : align == 'r' ? at.x - width : at.x - width / 2;
    return {left, at.y - 0.3 * size, left + width, at.y + 0.85 * size};
  }
};

struct Drawing {
  vector<Outline> outlines;
  vector<Run> runs;
};

string colour_of(const json& op) {
  string c = op.value("color", "#000000");
  if (c.size() < 7 || c[0] != '#') return c == "white" ? "FFFFFF" : c == "black" ? "000000" : "";
  string hex = c.substr(1);
  std::transform(hex.begin(), hex.end(), hex.begin(), ::toupper);
  if (hex.size() == 8 && hex.substr(6) == "00") return "";  // transparent
  if (hex.size() == 8 && hex.substr(6) == "FF") hex.resize(6);
  return hex;
}

void set_style(Pen& pen, const string& style) {
  double width = 0;
  if (std::sscanf(style.c_str(), "setlinewidth(%lf)", &width) == 1) pen.width = width;
  if (style == "bold") pen.width = 2;
  if (style == "solid") pen.dash.clear();
  if (style == "dashed") pen.dash = "dash";
  if (style == "dotted") pen.dash = "sysDot";
}

vector<Pt> points_of(const json& op) {
  vector<Pt> pts;
  if (op.contains("rect")) {  // an ellipse: centre and radii
    const json& r = op.at("rect");
    double x = r.at(0), y = r.at(1), rx = r.at(2), ry = r.at(3);
    return {{x - rx, y - ry}, {x + rx, y + ry}};
  }
  for (const json& p : op.at("points")) pts.push_back({p.at(0).get<double>(), p.at(1)});
  if (pts.empty()) throw data_error(say("Graphviz's JSON has a drawing operation with no points"));
  return pts;
}

/// Adds an outline; an unfilled one over a filled one of the same box (an HTML cell's border
/// over its background) becomes that one's outline instead.
void add_outline(Drawing& d, Outline o) {
  if (o.op == 'L' && !d.outlines.empty()) return d.outlines.back().lines.push_back(o.pts);
  if (!d.outlines.empty()) {
    Outline& last = d.outlines.back();
    if (last.filled && !o.filled && last.op == o.op && last.lines.empty() &&
        last.box().near(o.box(), std::max(1.0, o.pen.width))) {
      last.pen.line = o.pen.line, last.pen.width = o.pen.width, last.pen.dash = o.pen.dash;
      last.pts = o.pts;
      return;
    }
  }
  d.outlines.push_back(std::move(o));
}

Drawing read_ops(const json& obj, const char* key) {
  Drawing d;
  if (!obj.contains(key)) return d;
  Pen pen;
  double size = 14;
  int fontchar = 0;
  for (const json& op : obj.at(key)) {
    string name = op.at("op");
    char c = name.empty() ? ' ' : name[0];
    if (c == 'c') pen.line = colour_of(op);
    if (c == 'C') pen.fill = colour_of(op);
    if (c == 'S') set_style(pen, op.at("style"));
    if (c == 'F') size = op.at("size");
    if (c == 't') fontchar = op.at("fontchar");
    if (c == 'T') {
      string align = op.at("align");
      d.runs.push_back({{op.at("pt").at(0), op.at("pt").at(1)},
                        align.empty() ? 'l' : align[0],
                        op.at("width"),
                        size,
                        pen.line,
                        op.at("text"),
                        fontchar});
    }
    if (string("PpBbEeL").find(c) != string::npos)
      add_outline(d, {static_cast<char>(std::toupper(c)),
                      std::isupper(c) && c != 'L',
                      points_of(op),
                      {},
                      pen});
  }
  return d;
}

// ---- the page -----------------------------------------------------------------------------

/// Graphviz points to slide EMU. Graphviz padded the bounding box by `pad` (in layout units)
/// and scaled that to `size`, which is the slide: fitting the padded box to the deck's slide
/// is the same transform, and still centres a layout made for another page.
struct Page {
  double x0 = 0, y1 = 0, s = 1, ox = 0, oy = 0;  ///< bb's left and top; scale; offsets in pt
  long long x(double gx) const { return std::llround((ox + (gx - x0) * s) * kEmuPerPt); }
  long long y(double gy) const { return std::llround((oy + (y1 - gy) * s) * kEmuPerPt); }
  long long len(double d) const { return std::llround(d * s * kEmuPerPt); }
};

Page page_of(const json& root, double width_pt, double height_pt) {
  double bb[4];
  string box = root.at("bb");
  if (std::sscanf(box.c_str(), "%lf,%lf,%lf,%lf", &bb[0], &bb[1], &bb[2], &bb[3]) != 4)
    throw data_error(say("Graphviz's JSON has no bounding box (bb {1})", {in_quotes(box)}));
  double pad[2] = {4.0 / 72, 4.0 / 72};  // Graphviz's default
  int n = std::sscanf(root.value("pad", "").c_str(), "%lf,%lf", &pad[0], &pad[1]);
  if (n == 1) pad[1] = pad[0];
  double w = bb[2] - bb[0] + 2 * pad[0] * 72, h = bb[3] - bb[1] + 2 * pad[1] * 72;
  if (w <= 0 || h <= 0) throw data_error(say("Graphviz's JSON has an empty bounding box"));
  Page p;
  p.x0 = bb[0], p.y1 = bb[3], p.s = std::min(width_pt / w, height_pt / h);
  p.ox = (width_pt - w * p.s) / 2 + pad[0] * 72 * p.s;
  p.oy = (height_pt - h * p.s) / 2 + pad[1] * 72 * p.s;
  return p;
}

/// A box on the slide, in EMU, y down.
struct Rect {
  long long x, y, cx, cy;
};

// ---- text ---------------------------------------------------------------------------------

/// Runs on one baseline, left to right.
struct Line {
  double base;
  vector<const Run*> runs;
  Box box;
};
/// A text body: its lines top to bottom, the box they fill, their alignment.
struct Block {
  vector<Line> lines;
  Box box;
  string algn;
};

/// "l", "ctr" or "r": the edge every line shares, the preferred one first.
string alignment(const vector<Line>& lines, char prefer) {
  auto shared = [&](double (*edge)(const Box&)) {
    return std::all_of(lines.begin(), lines.end(), [&](const Line& l) {
      return std::abs(edge(l.box) - edge(lines[0].box)) <= 1.5;
    });
  };
  auto left = [](const Box& b) { return b.x0; };
  auto right = [](const Box& b) { return b.x1; };
  auto mid = [](const Box& b) { return (b.x0 + b.x1) / 2; };
  if (prefer == 'l' && shared(left)) return "l";
  if (prefer == 'r' && shared(right)) return "r";
  if (shared(mid)) return "ctr";
  return shared(left) ? "l" : shared(right) ? "r" : "ctr";
}

Block block_of(vector<const Run*> runs, char prefer) {
  std::stable_sort(runs.begin(), runs.end(),
                   [](const Run* a, const Run* b) { return a->at.y > b->at.y; });
  Block b;
  for (const Run* r : runs) {
    if (b.lines.empty() || b.lines.back().base - r->at.y > 1) b.lines.push_back({r->at.y, {}, {}});
    b.lines.back().runs.push_back(r);
    b.lines.back().box.add(r->box());
    b.box.add(r->box());
  }
  for (Line& l : b.lines)
    std::stable_sort(l.runs.begin(), l.runs.end(),
                     [](const Run* x, const Run* y) { return x->at.x < y->at.x; });
  b.algn = alignment(b.lines, prefer);
  return b;
}

/// Whether `next` continues the label `last` belongs to: further along its baseline, or the
/// line under it.
bool continues(const Run& last, const Run& next) {
  Box a = last.box(), b = next.box();
  bool touching = b.x0 <= a.x1 + 2 && a.x0 <= b.x1 + 2;
  if (std::abs(last.at.y - next.at.y) <= 1) return touching;
  double gap = last.at.y - next.at.y;
  return gap > 0 && gap <= 1.4 * std::max(last.size, next.size) && touching;
}

/// Texts that sit in no shape, as labels: neighbouring lines together.
vector<vector<const Run*>> labels_of(const vector<const Run*>& runs) {
  vector<vector<const Run*>> out;
  for (const Run* r : runs) {
    if (out.empty() || !continues(*out.back().back(), *r)) out.emplace_back();
    out.back().push_back(r);
  }
  return out;
}

/// Where a node's texts go: in an outline, or loose as labels.
struct Placed {
  vector<vector<const Run*>> inside;  ///< for each outline
  vector<const Run*> loose;
};

/// Each text in the smallest outline around it that holds text: the node's own, or in an HTML
/// table (`html`), a rectangle (a cell).
Placed place_texts(const vector<Outline>& all, const vector<Run>& runs, bool html) {
  Placed p{vector<vector<const Run*>>(all.size()), {}};
  for (const Run& r : runs) {
    Box b = r.box();
    Pt at{(b.x0 + b.x1) / 2, r.at.y + 0.3 * r.size};
    int best = -1;
    for (std::size_t i = 0; i < all.size(); ++i)
      if ((!html || all[i].rect()) && all[i].box().contains(at) &&
          (best < 0 || all[i].box().area() < all[best].box().area()))
        best = static_cast<int>(i);
    (best < 0 ? p.loose : p.inside[best]).push_back(&r);
  }
  return p;
}

// ---- one slide ----------------------------------------------------------------------------

class SlideWriter {
 public:
  SlideWriter(const json& root, const Page& page, const string& font)
      : root_(root), page_(page), font_(font) {}

  string write() {
    static const json none = json::array();
    const json& objects = root_.contains("objects") ? root_.at("objects") : none;
    // The root's own label (renkei's footer); its _draw_ is the white page.
    out_ += drawn_label(read_ops(root_, "_ldraw_"), root_.value("name", "") + " label");
    for (const json& o : objects)
      if (o.contains("bb")) cluster(o);
    if (root_.contains("edges"))
      for (const json& e : root_.at("edges")) edge(e, objects);
    for (const json& o : objects)
      if (!o.contains("bb")) node(o);
    return string(kXml) + "<p:sld" + kNs + "><p:cSld>" + kTreeStart + out_ +
           "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>";
  }

 private:
  Rect rect(const Box& b) const {
    long long x = page_.x(b.x0), y = page_.y(b.y1);
    return {x, y, std::max(1LL, page_.x(b.x1) - x), std::max(1LL, page_.y(b.y0) - y)};
  }
  /// a:off and a:ext; and widens the group being written to hold them.
  string place(const Rect& r) {
    extent_[0] = std::min(extent_[0], r.x), extent_[1] = std::min(extent_[1], r.y);
    extent_[2] = std::max(extent_[2], r.x + r.cx), extent_[3] = std::max(extent_[3], r.y + r.cy);
    return "<a:off" + attr("x", r.x) + attr("y", r.y) + "/><a:ext" + attr("cx", r.cx) +
           attr("cy", r.cy) + "/>";
  }
  /// The ids and name of a shape; kind: "Sp", "GraphicFrame", "GrpSp".
  string nv(const string& name, const char* kind, const char* props = "/>") {
    return string("<p:cNvPr") + attr("id", next_id_++) + attr("name", esc(name)) + "/><p:cNv" +
           kind + "Pr" + props + "<p:nvPr/>";
  }

  string line(const Pen& pen) const {
    if (pen.line.empty()) return "<a:ln><a:noFill/></a:ln>";
    string dash = pen.dash.empty() ? "" : "<a:prstDash" + attr("val", pen.dash) + "/>";
    // Mitred, as Graphviz draws: an arrowhead keeps its points.
    return "<a:ln" + attr("w", page_.len(pen.width)) + ">" + solid(pen.line) + dash +
           "<a:miter lim=\"800000\"/></a:ln>";
  }

  /// A path in the shape's own box, in EMU.
  string path(const vector<Pt>& pts, char op, const Rect& r, bool open) const {
    auto pt = [&](Pt p) {
      return "<a:pt" + attr("x", page_.x(p.x) - r.x) + attr("y", page_.y(p.y) - r.y) + "/>";
    };
    string out = "<a:path" + attr("w", r.cx) + attr("h", r.cy) + (open ? " fill=\"none\">" : ">");
    out += "<a:moveTo>" + pt(pts.at(0)) + "</a:moveTo>";
    for (std::size_t i = 1; op == 'B' && i + 2 < pts.size(); i += 3)
      out += "<a:cubicBezTo>" + pt(pts[i]) + pt(pts[i + 1]) + pt(pts[i + 2]) + "</a:cubicBezTo>";
    for (std::size_t i = 1; op != 'B' && i < pts.size(); ++i)
      out += "<a:lnTo>" + pt(pts[i]) + "</a:lnTo>";
    bool closed = op == 'P' || (pts.front().x == pts.back().x && pts.front().y == pts.back().y);
    return out + (closed && op != 'L' ? "<a:close/>" : "") + "</a:path>";
  }

  /// A preset where the outline is one (so it stays a rectangle or an ellipse when edited),
  /// else the drawn points. Graphviz's octagons and notes are stretched and folded otherwise
  /// than PowerPoint's, so they keep their points too.
  string geometry(const Outline& o, const Rect& r) const {
    auto preset = [](const char* name, const string& av) {
      return string("<a:prstGeom prst=\"") + name + "\"><a:avLst>" + av + "</a:avLst></a:prstGeom>";
    };
    if (o.op == 'E') return preset("ellipse", "");
    if (o.rect()) return preset("rect", "");
    if (o.op == 'B' && o.pts.size() == 25 && o.lines.empty()) {  // Graphviz's rounded box
      double radius =
          std::min(std::abs(o.pts[3].x - o.pts[6].x), std::abs(o.pts[3].y - o.pts[6].y));
      double side = std::min(r.cx, r.cy) / kEmuPerPt / page_.s;
      long long adj = std::llround(std::min(0.5, radius / std::max(side, 1e-9)) * 100000);
      return preset("roundRect", "<a:gd name=\"adj\" fmla=\"val " + std::to_string(adj) + "\"/>");
    }
    string paths = path(o.pts, o.op, r, !o.filled || o.op == 'L');
    for (const auto& l : o.lines) paths += path(l, 'L', r, true);
    return "<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l=\"0\" t=\"0\" r=\"r\" "
           "b=\"b\"/><a:pathLst>" +
           paths + "</a:pathLst></a:custGeom>";
  }

  string run(const Run& r) const {
    long long sz = std::clamp(std::llround(r.size * page_.s * 100), 100LL, 400000LL);
    string props = attr("lang", "ja-JP") + attr("sz", sz);
    if (r.fontchar & 1) props += " b=\"1\"";
    if (r.fontchar & 2) props += " i=\"1\"";
    if (r.fontchar & 4) props += " u=\"sng\"";
    if (r.fontchar & 32) props += " strike=\"sngStrike\"";
    return "<a:r><a:rPr" + props + ">" + solid(r.color) + fonts_xml(font_) + "</a:rPr><a:t>" +
           esc(r.text) + "</a:t></a:r>";
  }

  /// One a:p per line; the lines as far apart as Graphviz set their baselines.
  string paragraphs(const Block& b) const {
    string out;
    for (std::size_t i = 0; i < b.lines.size(); ++i) {
      const Line& l = b.lines[i];
      double gap = b.lines.size() < 2 ? 0
                   : i > 0            ? b.lines[i - 1].base - l.base
                                      : l.base - b.lines[1].base;
      out += "<a:p><a:pPr" + attr("algn", b.algn) + ">";
      if (gap > 0)
        out +=
            "<a:lnSpc><a:spcPts" + attr("val", std::llround(gap * page_.s * 100)) + "/></a:lnSpc>";
      out += "</a:pPr>";
      for (const Run* r : l.runs) out += run(*r);
      out += "</a:p>";
    }
    return out;
  }

  /// The text body of a shape in box `r`: insets put the text where Graphviz did.
  string body(const Block& b, const Rect& r) const {
    Rect t = rect(b.box);
    auto inset = [](long long v) { return std::max(0LL, v); };
    return "<p:txBody><a:bodyPr wrap=\"none\"" + attr("lIns", inset(t.x - r.x)) +
           attr("tIns", inset(t.y - r.y)) + attr("rIns", inset(r.x + r.cx - t.x - t.cx)) +
           attr("bIns", inset(r.y + r.cy - t.y - t.cy)) +
           " anchor=\"ctr\" rtlCol=\"0\"><a:noAutofit/></a:bodyPr><a:lstStyle/>" + paragraphs(b) +
           "</p:txBody>";
  }

  string shape(const Outline& o, const string& name, const Block* text) {
    Rect r = rect(o.box());
    bool fills = o.filled && o.op != 'L';
    return "<p:sp><p:nvSpPr>" + nv(name, "Sp") + "</p:nvSpPr><p:spPr><a:xfrm>" + place(r) +
           "</a:xfrm>" + geometry(o, r) + (fills ? solid(o.pen.fill) : "<a:noFill/>") +
           line(o.pen) + "</p:spPr>" + (text ? body(*text, r) : "") + "</p:sp>";
  }

  /// Text boxes, one a label.
  string labels(const vector<Run>& runs, const string& name) {
    vector<const Run*> all;
    for (const Run& r : runs) all.push_back(&r);
    return labels(all, name);
  }
  string labels(const vector<const Run*>& runs, const string& name) {
    string out;
    for (const auto& group : labels_of(runs)) {
      Block b = block_of(group, group.front()->align);
      Rect r = rect(b.box);
      out += "<p:sp><p:nvSpPr>" + nv(name, "Sp", " txBox=\"1\"/>") + "</p:nvSpPr><p:spPr><a:xfrm>" +
             place(r) +
             "</a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>" +
             body(b, r) + "</p:sp>";
    }
    return out;
  }

  static bool shows(const Outline& o) {  // on the white page
    auto seen = [](const string& c) { return !c.empty() && c != "FFFFFF"; };
    return seen(o.pen.line) || (o.filled && seen(o.pen.fill));
  }

  void cluster(const json& obj) {
    string name = obj.value("name", "");
    for (const Outline& o : read_ops(obj, "_draw_").outlines)
      if (shows(o)) out_ += shape(o, name, nullptr);
    out_ += drawn_label(read_ops(obj, "_ldraw_"), name + " label");
  }

  /// A graph's or cluster's label as drawn: text boxes, or where it is an HTML table (the
  /// deck's footer holds the legend), each rectangle a shape holding the texts inside it.
  string drawn_label(const Drawing& label, const string& name) {
    if (label.outlines.empty()) return labels(label.runs, name);
    Placed placed = place_texts(label.outlines, label.runs, true);
    string out;
    for (std::size_t i = 0; i < label.outlines.size(); ++i) {
      if (!shows(label.outlines[i]) && placed.inside[i].empty()) continue;
      Block b = block_of(placed.inside[i],
                         placed.inside[i].empty() ? 'l' : placed.inside[i].front()->align);
      out += shape(label.outlines[i], name, placed.inside[i].empty() ? nullptr : &b);
    }
    return out + labels(placed.loose, name);
  }

  /// The line, its ends and its labels, grouped so that they move together.
  void edge(const json& e, const json& objects) {
    auto name_of = [&](const char* end) {
      std::size_t i = e.value(end, std::size_t{0});
      return i < objects.size() ? objects[i].value("name", "") : string();
    };
    string name = name_of("tail") + " -> " + name_of("head");
    std::fill(extent_, extent_ + 2, LLONG_MAX), std::fill(extent_ + 2, extent_ + 4, LLONG_MIN);
    int first = next_id_;
    string inner;
    for (const char* key : {"_draw_", "_hdraw_", "_tdraw_"})
      for (const Outline& o : read_ops(e, key).outlines) inner += shape(o, name, nullptr);
    for (const char* key : {"_ldraw_", "_hldraw_", "_tldraw_", "_xldraw_"})
      inner += labels(read_ops(e, key).runs, name + " label");
    if (next_id_ - first < 2) return void(out_ += inner);
    long long cx = extent_[2] - extent_[0], cy = extent_[3] - extent_[1];
    string off = attr("x", extent_[0]) + attr("y", extent_[1]),
           ext = attr("cx", cx) + attr("cy", cy);
    out_ += "<p:grpSp><p:nvGrpSpPr>" + nv(name, "GrpSp") +
            "</p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off" + off + "/><a:ext" + ext + "/><a:chOff" +
            off + "/><a:chExt" + ext + "/></a:xfrm></p:grpSpPr>" + inner + "</p:grpSp>";
  }

  void node(const json& obj) {
    string name = obj.value("name", "");
    Drawing shape_ops = read_ops(obj, "_draw_"), label = read_ops(obj, "_ldraw_");
    bool html = !label.outlines.empty();  // an HTML table: drawn by its label
    vector<Outline> all = shape_ops.outlines;
    all.insert(all.end(), label.outlines.begin(), label.outlines.end());
    Placed placed = place_texts(all, label.runs, html);
    const auto& inside = placed.inside;
    bool tabular = html && (name == "grid" || name.rfind("table", 0) == 0);
    vector<std::size_t> cells;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (tabular && all[i].rect() && !frames(all, i)) {
        cells.push_back(i);
        continue;
      }
      Block b = block_of(inside[i], 'c');
      out_ += shape(all[i], name, inside[i].empty() ? nullptr : &b);
    }
    if (!cells.empty()) out_ += table(name, all, cells, inside);
    out_ += labels(placed.loose, name + " label");
  }

  /// Whether rectangle i holds another rectangle: the frame of a table, not a cell.
  static bool frames(const vector<Outline>& all, std::size_t i) {
    Box b = all[i].box();
    for (std::size_t k = 0; k < all.size(); ++k)
      if (k != i && all[k].rect() && all[k].box().area() < b.area() &&
          b.contains(all[k].box().middle()))
        return true;
    return false;
  }

  string table(const string& name, const vector<Outline>& all, const vector<std::size_t>& cells,
               const vector<vector<const Run*>>& inside);
  string cell(const Outline* o, const vector<const Run*>& runs, double size) const;

  const json& root_;
  Page page_;
  string font_;
  string out_;
  int next_id_ = 2;
  long long extent_[4] = {LLONG_MAX, LLONG_MAX, LLONG_MIN, LLONG_MIN};  ///< of the group
};

/// Edges of cells along one axis, distinct, in order.
vector<double> edges_of(vector<double> v, bool descending) {
  std::sort(v.begin(), v.end());
  vector<double> out;
  for (double x : v)
    if (out.empty() || x - out.back() > 0.75) out.push_back(x);
  if (descending) std::reverse(out.begin(), out.end());
  return out;
}
std::size_t index_of(const vector<double>& edges, double v) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < edges.size(); ++i)
    if (std::abs(edges[i] - v) < std::abs(edges[best] - v)) best = i;
  return best;
}

/// Where a cell sits in its table: first row and column, and how many of each it spans.
struct Span {
  std::size_t row, col, rows, cols;
};

/// A native table: the cells' x edges are its columns, their y edges its rows; a cell over
/// several spans them, and the slots it covers are merge placeholders.
string SlideWriter::table(const string& name, const vector<Outline>& all,
                          const vector<std::size_t>& cells,
                          const vector<vector<const Run*>>& inside) {
  vector<double> xv, yv;
  double size = 0;  // of an empty cell's paragraph, so that it does not make its row taller
  for (std::size_t c : cells) {
    Box b = all[c].box();
    xv.insert(xv.end(), {b.x0, b.x1}), yv.insert(yv.end(), {b.y0, b.y1});
    if (size == 0 && !inside[c].empty()) size = inside[c].front()->size;
  }
  vector<double> xs = edges_of(xv, false), ys = edges_of(yv, true);
  std::size_t cols = xs.size() - 1, rows = ys.size() - 1;
  vector<Span> spans;
  vector<int> owner(rows * cols, -1);  // the cell over each slot
  for (std::size_t c : cells) {
    Box b = all[c].box();
    Span s{index_of(ys, b.y1), index_of(xs, b.x0), 0, 0};
    s.rows = index_of(ys, b.y0) - s.row, s.cols = index_of(xs, b.x1) - s.col;
    for (std::size_t r = s.row; r < s.row + s.rows; ++r)
      std::fill_n(owner.begin() + r * cols + s.col, s.cols, static_cast<int>(spans.size()));
    spans.push_back(s);
  }
  string grid, trs;
  for (std::size_t c = 0; c < cols; ++c)
    grid += "<a:gridCol" + attr("w", page_.x(xs[c + 1]) - page_.x(xs[c])) + "/>";
  for (std::size_t r = 0; r < rows; ++r) {
    trs += "<a:tr" + attr("h", page_.y(ys[r + 1]) - page_.y(ys[r])) + ">";
    for (std::size_t c = 0; c < cols; ++c) {
      int k = owner[r * cols + c];
      if (k < 0) {
        trs += "<a:tc>" + cell(nullptr, {}, size) + "</a:tc>";
        continue;
      }
      const Span& s = spans[k];
      bool origin = r == s.row && c == s.col;
      string merge =
          (origin && s.rows > 1 ? attr("rowSpan", static_cast<long long>(s.rows)) : "") +
          (origin && s.cols > 1 ? attr("gridSpan", static_cast<long long>(s.cols)) : "") +
          (c > s.col ? " hMerge=\"1\"" : "") + (r > s.row ? " vMerge=\"1\"" : "");
      const Outline* o = &all[cells[k]];
      trs += "<a:tc" + merge + ">" +
             cell(o, origin ? inside[cells[k]] : vector<const Run*>{}, size) + "</a:tc>";
    }
    trs += "</a:tr>";
  }
  Box whole{xs.front(), ys.back(), xs.back(), ys.front()};
  return "<p:graphicFrame><p:nvGraphicFramePr>" + nv(name, "GraphicFrame") +
         "</p:nvGraphicFramePr><p:xfrm>" + place(rect(whole)) + "</p:xfrm>" +
         "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/"
         "table\"><a:tbl><a:tblPr/><a:tblGrid>" +
         grid + "</a:tblGrid>" + trs + "</a:tbl></a:graphicData></a:graphic></p:graphicFrame>";
}

/// A cell's text, margins, thin borders and fill; with no outline, an empty slot.
string SlideWriter::cell(const Outline* o, const vector<const Run*>& runs, double size) const {
  string text = runs.empty()
                    ? "<a:p><a:endParaRPr" + attr("lang", "ja-JP") +
                          attr("sz", std::llround(std::max(size, 1.0) * page_.s * 100)) + "/></a:p>"
                    : paragraphs(block_of(runs, runs.front()->align));
  string border =
      o && !o->pen.line.empty() ? attr("w", page_.len(1)) + ">" + solid("8C8C8C") : "><a:noFill/>";
  string lines;
  for (const char* side : {"L", "R", "T", "B"})
    lines += string("<a:ln") + side + border + "</a:ln" + side + ">";
  return "<a:txBody><a:bodyPr/><a:lstStyle/>" + text + "</a:txBody><a:tcPr" +
         attr("marL", page_.len(2)) + attr("marR", page_.len(2)) +
         " marT=\"0\" marB=\"0\" anchor=\"ctr\">" + lines +
         (o && o->filled ? solid(o->pen.fill) : "<a:noFill/>") + "</a:tcPr>";
}

/// A slide from its JSON, with Graphviz's JSON errors as renkei's.
string slide_xml(const PptxDeck& deck, std::size_t i, double w_pt, double h_pt) {
  try {
    json root = json::parse(deck.slides[i].layout_json);
    return SlideWriter(root, page_of(root, w_pt, h_pt), deck.font).write();
  } catch (const json::exception& e) {
    throw data_error(
        say("slide {1}: cannot read Graphviz's JSON ({2})", {std::to_string(i + 1), e.what()}));
  }
}

}  // namespace pptx_writer
}  // namespace renkei
