// The .pptx package around the slides: the fixed parts (master, layout, theme, notes master),
// relationships, content types and the notes pages, zipped in memory with libzip.
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "base/error.h"
#include "base/say.h"
#include "diagram/pptx_xml.h"

namespace renkei {
namespace pptx_writer {

// ---- the package --------------------------------------------------------------------------

// The parts' XML as templates; part() fills in each {KEY}.
const char* const kCore = R"(<cp:coreProperties
 xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{TITLE}</dc:title><dc:creator>{AUTHOR}</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:modified>
</cp:coreProperties>)";
const char* const kApp = R"(<Properties
 xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
<Application>renkei</Application><Slides>{SLIDES}</Slides></Properties>)";
const char* const kPresentation = R"(<p:presentation{NS}>
<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>{NOTES}
<p:sldIdLst>{IDS}</p:sldIdLst><p:sldSz cx="{CX}" cy="{CY}"/>
<p:notesSz cx="6858000" cy="9144000"/></p:presentation>)";
const char* const kMaster = R"(<p:sldMaster{NS}><p:cSld><p:bg><p:bgPr>
<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>
{TREE}</p:spTree></p:cSld>{CLRMAP}
<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst>
<p:txStyles><p:titleStyle/><p:bodyStyle/><p:otherStyle/></p:txStyles></p:sldMaster>)";
const char* const kLayout = R"(<p:sldLayout{NS} type="blank" preserve="1">
<p:cSld name="Blank">{TREE}</p:spTree></p:cSld>
<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>)";
const char* const kTheme = R"(<a:theme
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="renkei">
<a:themeElements><a:clrScheme name="renkei">
<a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>
<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>
<a:accent1><a:srgbClr val="0072B2"/></a:accent1><a:accent2><a:srgbClr val="E69F00"/></a:accent2>
<a:accent3><a:srgbClr val="009E73"/></a:accent3><a:accent4><a:srgbClr val="D55E00"/></a:accent4>
<a:accent5><a:srgbClr val="CC79A7"/></a:accent5><a:accent6><a:srgbClr val="56B4E9"/></a:accent6>
<a:hlink><a:srgbClr val="0072B2"/></a:hlink><a:folHlink><a:srgbClr val="CC79A7"/></a:folHlink>
</a:clrScheme><a:fontScheme name="renkei">
<a:majorFont>{FONTS}<a:cs typeface=""/></a:majorFont>
<a:minorFont>{FONTS}<a:cs typeface=""/></a:minorFont></a:fontScheme>
<a:fmtScheme name="renkei"><a:fillStyleLst>{FILL}{FILL}{FILL}</a:fillStyleLst>
<a:lnStyleLst><a:ln w="6350">{FILL}</a:ln><a:ln w="12700">{FILL}</a:ln><a:ln w="19050">{FILL}</a:ln>
</a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle>
<a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>
</a:effectStyleLst><a:bgFillStyleLst>{FILL}{FILL}{FILL}</a:bgFillStyleLst></a:fmtScheme>
</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>)";
/// A notes page's two placeholders, the slide's picture and the notes, in its master and in
/// each notes page.
const char* const kNotesShapes = R"(<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image"/>
<p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr>
<p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr><p:spPr>{IMAGE}</p:spPr></p:sp>
<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>
<p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr>{BODY}</p:spPr>
<p:txBody><a:bodyPr/><a:lstStyle/>{TEXT}</p:txBody></p:sp>)";
const char* const kImageBox = R"(<a:xfrm><a:off x="381000" y="685800"/>
<a:ext cx="6096000" cy="{IMAGE_CY}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>)";
const char* const kBodyBox = R"(<a:xfrm><a:off x="685800" y="4343400"/>
<a:ext cx="5486400" cy="4114800"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>)";
const char* const kNotesMaster = R"(<p:notesMaster{NS}><p:cSld>{TREE}{SHAPES}</p:spTree></p:cSld>
{CLRMAP}<p:notesStyle><a:lvl1pPr><a:defRPr sz="1200">{FONTS}</a:defRPr></a:lvl1pPr>
</p:notesStyle></p:notesMaster>)";
const char* const kNotes = R"(<p:notes{NS}><p:cSld>{TREE}{SHAPES}</p:spTree></p:cSld>
<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>)";

/// The parts every deck has; a "rels" part's text lists type and target of rId1, rId2….
struct Fixed {
  const char *name, *kind, *text;
  bool notes;  ///< only in a deck with speaker notes
};
const Fixed kFixed[] = {
    {"_rels/.rels", "rels",
     "officeDocument ppt/presentation.xml core-properties docProps/core.xml "
     "extended-properties docProps/app.xml",
     false},
    {"docProps/core.xml", "core", kCore, false},
    {"docProps/app.xml", "app", kApp, false},
    {"ppt/presentation.xml", "presentation.main", kPresentation, false},
    {"ppt/presProps.xml", "presProps", "<p:presentationPr{NS}/>", false},
    {"ppt/tableStyles.xml", "tableStyles",
     R"(<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main")"
     R"( def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>)",
     false},
    {"ppt/slideMasters/slideMaster1.xml", "slideMaster", kMaster, false},
    {"ppt/slideMasters/_rels/slideMaster1.xml.rels", "rels",
     "slideLayout ../slideLayouts/slideLayout1.xml theme ../theme/theme1.xml", false},
    {"ppt/slideLayouts/slideLayout1.xml", "slideLayout", kLayout, false},
    {"ppt/slideLayouts/_rels/slideLayout1.xml.rels", "rels",
     "slideMaster ../slideMasters/slideMaster1.xml", false},
    {"ppt/theme/theme1.xml", "theme", kTheme, false},
    {"ppt/notesMasters/notesMaster1.xml", "notesMaster", kNotesMaster, true},
    {"ppt/notesMasters/_rels/notesMaster1.xml.rels", "rels", "theme ../theme/theme2.xml", true},
    {"ppt/theme/theme2.xml", "theme", kTheme, true},
};

using Values = vector<std::pair<string, string>>;

/// A template with each {KEY} replaced by its value, in order (so a value may hold keys that
/// come after it).
string part(string text, const Values& values) {
  for (const auto& [key, value] : values)
    for (auto at = text.find("{" + key + "}"); at != string::npos;
         at = text.find("{" + key + "}", at + value.size()))
      text.replace(at, key.size() + 2, value);
  return kXml + text;
}

/// Relationships from "type target type target…", as rId1, rId2….
string rels(const string& list) {
  string out, type, target;
  std::istringstream words(list);
  for (int id = 1; words >> type >> target; ++id) {
    string base = type == "core-properties"
                      ? "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                      : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    out += "<Relationship" + attr("Id", "rId" + std::to_string(id)) + attr("Type", base + type) +
           attr("Target", target) + "/>";
  }
  return kXml + string("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/") +
         "relationships\">" + out + "</Relationships>";
}

string content_type(const string& kind) {
  string office = "application/vnd.openxmlformats-officedocument.";
  if (kind == "core") return "application/vnd.openxmlformats-package.core-properties+xml";
  if (kind == "app") return office + "extended-properties+xml";
  if (kind == "theme") return office + "theme+xml";
  return office + "presentationml." + kind + "+xml";
}

struct Part {
  string name, kind, data;
};

/// [Content_Types].xml: what each part is.
string content_types(const vector<Part>& parts) {
  string out = R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
               R"(<Default Extension="rels")"
               R"( ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
               R"(<Default Extension="xml" ContentType="application/xml"/>)";
  for (const Part& p : parts)
    if (p.kind != "rels")
      out += "<Override" + attr("PartName", "/" + p.name) +
             attr("ContentType", content_type(p.kind)) + "/>";
  return kXml + out + "</Types>";
}

/// The parts zipped in order, with fixed times, in memory.
string zipped(const vector<Part>& parts) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_t* za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &err) : nullptr;
  zip_error_fini(&err);
  if (!za) {
    if (src) zip_source_free(src);
    throw data_error(say("cannot make the .pptx archive"));
  }
  zip_source_keep(src);
  bool ok = true;
  for (const Part& p : parts) {
    zip_source_t* s = zip_source_buffer(za, p.data.data(), p.data.size(), 0);
    zip_int64_t i = s ? zip_file_add(za, p.name.c_str(), s, ZIP_FL_ENC_UTF_8) : -1;
    if (i < 0 && s) zip_source_free(s);
    // 1980-01-01 00:00 as DOS time and date: no time zone, so the same bytes everywhere.
    ok = ok && i >= 0 && zip_file_set_dostime(za, i, 0, (1 << 5) | 1, 0) == 0;
  }
  if (!ok) zip_discard(za);
  ok = ok && zip_close(za) == 0 && zip_source_open(src) == 0;
  string out;
  zip_stat_t st;
  if (ok && (ok = zip_source_stat(src, &st) == 0)) {
    out.resize(st.size);
    ok = zip_source_read(src, out.data(), st.size) == static_cast<zip_int64_t>(st.size);
  }
  if (ok) zip_source_close(src);
  zip_source_free(src);
  if (!ok) throw data_error(say("cannot write the .pptx archive"));
  return out;
}

/// A notes page: a paragraph a line of the notes.
string notes_xml(const string& notes, const Values& common) {
  string paras;
  for (std::size_t at = 0; at <= notes.size();) {
    std::size_t end = std::min(notes.find('\n', at), notes.size());
    string text = esc(notes.substr(at, end - at));
    paras += text.empty() ? "<a:p/>"
                          : "<a:p><a:r><a:rPr lang=\"ja-JP\">{FONTS}</a:rPr><a:t>" + text +
                                "</a:t></a:r></a:p>";
    at = end + 1;
  }
  Values values = {{"SHAPES", kNotesShapes}, {"IMAGE", ""}, {"BODY", ""}, {"TEXT", paras}};
  values.insert(values.end(), common.begin(), common.end());
  return part(kNotes, values);
}

/// The package: every part, zipped.
std::string write(const PptxDeck& deck) {
  // Whole points, so 13.333 × 7.5 in is PowerPoint's own 16:9 (12192000 × 6858000 EMU).
  double w_pt = std::round(deck.width_in * 72), h_pt = std::round(deck.height_in * 72);
  long long cx = std::llround(w_pt * kEmuPerPt), cy = std::llround(h_pt * kEmuPerPt);
  bool notes = std::any_of(deck.slides.begin(), deck.slides.end(),
                           [](const PptxSlide& s) { return !s.notes.empty(); });
  string to =
      "slideMaster slideMasters/slideMaster1.xml theme theme/theme1.xml presProps "
      "presProps.xml tableStyles tableStyles.xml";
  if (notes) to += " notesMaster notesMasters/notesMaster1.xml";  // rId5
  string ids;
  for (std::size_t i = 0; i < deck.slides.size(); ++i) {
    ids += "<p:sldId" + attr("id", 256 + static_cast<long long>(i)) +
           attr("r:id", "rId" + std::to_string(i + (notes ? 6 : 5))) + "/>";
    to += " slide slides/slide" + std::to_string(i + 1) + ".xml";
  }
  const Values common = {
      {"SHAPES", kNotesShapes},
      {"IMAGE", kImageBox},
      {"BODY", kBodyBox},
      {"TEXT", "<a:p/>"},
      {"NS", kNs},
      {"TREE", kTreeStart},
      {"CLRMAP", kClrMap},
      {"FILL", "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"},
      {"FONTS", fonts_xml(deck.font)},
      {"TITLE", esc(deck.title)},
      {"AUTHOR", esc(deck.author)},
      {"SLIDES", std::to_string(deck.slides.size())},
      {"NOTES",
       notes ? R"(<p:notesMasterIdLst><p:notesMasterId r:id="rId5"/></p:notesMasterIdLst>)" : ""},
      {"IDS", ids},
      {"CX", std::to_string(cx)},
      {"CY", std::to_string(cy)},
      {"IMAGE_CY", std::to_string(6096000 * cy / cx)}};
  vector<Part> parts = {{"[Content_Types].xml", "rels", ""}};  // first, filled in last
  for (const Fixed& f : kFixed)
    if (notes || !f.notes)
      parts.push_back(
          {f.name, f.kind, f.kind == string("rels") ? rels(f.text) : part(f.text, common)});
  parts.push_back({"ppt/_rels/presentation.xml.rels", "rels", rels(to)});
  for (std::size_t i = 0; i < deck.slides.size(); ++i) {
    string n = std::to_string(i + 1), slide = "slides/slide" + n + ".xml";
    string slide_rels = "slideLayout ../slideLayouts/slideLayout1.xml";
    parts.push_back({"ppt/" + slide, "slide", slide_xml(deck, i, w_pt, h_pt)});
    if (!deck.slides[i].notes.empty()) {
      string page = "notesSlides/notesSlide" + n + ".xml";
      slide_rels += " notesSlide ../" + page;
      parts.push_back({"ppt/" + page, "notesSlide", notes_xml(deck.slides[i].notes, common)});
      parts.push_back({"ppt/notesSlides/_rels/notesSlide" + n + ".xml.rels", "rels",
                       rels("notesMaster ../notesMasters/notesMaster1.xml slide ../" + slide)});
    }
    parts.push_back({"ppt/slides/_rels/slide" + n + ".xml.rels", "rels", rels(slide_rels)});
  }
  parts.front().data = content_types(parts);
  return zipped(parts);
}

}  // namespace pptx_writer

std::string write_pptx(const PptxDeck& deck) { return pptx_writer::write(deck); }

}  // namespace renkei
