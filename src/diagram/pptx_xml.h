#pragma once
// The PowerPoint writer's own parts, shared by its two files: XML text, and one slide's XML
// from Graphviz's JSON (pptx.cc, the drawing); the package around the slides is
// pptx_package.cc. Not for use elsewhere: diagram/pptx.h is the writer's interface.
#include <cstddef>
#include <string>
#include <vector>

#include "diagram/pptx.h"

namespace renkei {

// A namespace of its own, not an anonymous one: in a unity build these files share a
// translation unit with the DOT writer, whose esc() and Page would collide.
namespace pptx_writer {

using std::string;
using std::vector;

constexpr double kEmuPerPt = 12700;

// ---- XML ----------------------------------------------------------------------------------

/// Text for XML: markup characters escaped, control characters (which XML 1.0 forbids)
/// dropped. '{' is escaped too, so no text can look like a template's {KEY} to part().
inline string esc(const string& s) {
  string out;
  for (unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '{': out += "&#123;"; break;
      default:
        if (c >= 0x20 ? c != 0x7f : c == '\t' || c == '\n') out += static_cast<char>(c);
    }
  }
  return out;
}
inline string attr(const char* name, const string& value) {
  return string(" ") + name + "=\"" + value + "\"";
}
inline string attr(const char* name, long long value) { return attr(name, std::to_string(value)); }

inline const char* const kXml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
inline const char* const kNs =
    R"( xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main")"
    R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")"
    R"( xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main")";
/// The start of every shape tree: the tree's own group, at no offset.
inline const char* const kTreeStart =
    R"(<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>)"
    R"(<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>)"
    R"(<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>)";
inline const char* const kClrMap =
    R"(<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2")"
    R"( accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink")"
    R"( folHlink="folHlink"/>)";

/// A run's typefaces: the same for Latin and East Asian text.
inline string fonts_xml(const string& font) {
  return "<a:latin" + attr("typeface", esc(font)) + "/><a:ea" + attr("typeface", esc(font)) + "/>";
}

/// A colour as DrawingML fills it: "RRGGBB" or "RRGGBBAA"; empty for none.
inline string solid(const string& colour) {
  if (colour.empty()) return "<a:noFill/>";
  string alpha;
  if (colour.size() == 8)
    alpha =
        "<a:alpha" + attr("val", std::stoi(colour.substr(6), nullptr, 16) * 100000LL / 255) + "/>";
  return "<a:solidFill><a:srgbClr" + attr("val", colour.substr(0, 6)) + ">" + alpha +
         "</a:srgbClr></a:solidFill>";
}

/// Slide `i` of the deck as PresentationML, its page `w_pt` × `h_pt` points; Graphviz's JSON
/// errors become renkei's.
string slide_xml(const PptxDeck& deck, std::size_t i, double w_pt, double h_pt);

}  // namespace pptx_writer
}  // namespace renkei
