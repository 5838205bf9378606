// The PowerPoint writer: what someone opening the deck in PowerPoint or Impress sees.
#include <catch2/catch.hpp>

#include "base/error.h"
#include "diagram/pptx.h"
#include "diagram/render.h"
#include "test_support.h"

using namespace renkei;
using renkei::test::count_of;
using renkei::test::read_file;
using renkei::test::shell;
using renkei::test::TempDir;
using renkei::test::write_file;

namespace {

// A slide as renkei draws one: towns in a region box, an office, lines with arrowheads and a
// label, the HTML legend, and a grid whose region cell spans two rows.
const char* const kDot = R"(digraph renkei {
  graph [charset="UTF-8", fontname="IPAexGothic", bgcolor="white", margin=0, pad=0.25,
         outputorder="edgesfirst", rankdir=LR, labelloc=b, labeljust=l, fontsize=15,
         label=<出典: テスト<BR ALIGN="LEFT"/>>];
  node [fontname="IPAexGothic", fontsize=16, margin="0.08,0.05"];
  edge [fontname="IPAexGothic", fontsize=12, penwidth=1.6, arrowsize=0.9];
  subgraph cluster_main {
    graph [label=<<B>柳井圏域の配置先</B>>, labelloc=t, labeljust=l, fontsize=26, color="white"];
    subgraph "cluster_region-yanai" {
      graph [label=<柳井圏域>, labeljust=l, fontsize=18, style="rounded,dashed",
             color="#8C8C8C", bgcolor="#F7F7F7", margin=10];
      "kaminoseki" [label=<<S>上関町</S>>, shape=box, style="filled,rounded,dashed",
                    fillcolor="#D4ECF9", penwidth=1.6];
      "council" [label=<上関町地域自立支援協議会>, shape=tab, style=filled, fillcolor="#CCEBE2"];
      "tanpopo" [label=<地域生活支援センター<BR/>たんぽぽ<BR/><FONT POINT-SIZE="15">4市町で共有</FONT>>,
                 shape=box, style=filled, fillcolor="#E69F00", penwidth=3];
    }
    "council" -> "kaminoseki" [color="#009E73", dir=back, arrowtail=dot];
    "kaminoseki" -> "tanpopo" [arrowhead=normal, label=<連携>, fontcolor="#0072B2"];
    grid [shape=plaintext, fontsize=15, margin=0, label=<<TABLE BORDER="0" CELLBORDER="1"
      CELLSPACING="0" CELLPADDING="2" COLOR="#8C8C8C"><TR><TD BGCOLOR="#EEEEEE"><B>圏域</B></TD>
      <TD BGCOLOR="#EEEEEE"><B>市町</B></TD><TD BGCOLOR="#EEEEEE">協議会</TD></TR>
      <TR><TD ROWSPAN="2" BGCOLOR="#F7F7F7">柳井</TD><TD BGCOLOR="#D4ECF9">上関町</TD><TD>○</TD></TR>
      <TR><TD BGCOLOR="#D4ECF9"><B>平生町</B></TD><TD BGCOLOR="#F7D1BC">●</TD></TR></TABLE>>];
    legend [shape=plaintext, fontsize=15, label=<<TABLE BORDER="1" COLOR="#8C8C8C"
      STYLE="ROUNDED" CELLBORDER="1" CELLSPACING="5" CELLPADDING="4"><TR><TD BORDER="0"
      ALIGN="LEFT" COLSPAN="2"><B>凡例</B></TD></TR><TR><TD BGCOLOR="#D4ECF9" COLOR="#000000"
      BORDER="1">市町（角丸）</TD><TD BORDER="0" ALIGN="LEFT"><FONT COLOR="#009E73">━━●</FONT>
      設置</TD></TR></TABLE>>];
  }
})";

PptxDeck small_deck() {
  static const std::string json =
      render_dot(kDot, Engine::Dot, Format::Json, PageSize{13.333, 7.5});
  PptxDeck deck;
  deck.title = "柳井圏域";
  deck.author = "renkei";
  deck.slides = {{json, "たんぽぽは4市町で共有。\n来年度に見直す。"}};
  return deck;
}

/// The deck written into `dir` as deck.pptx and unpacked there.
void unpack(const TempDir& dir, const PptxDeck& deck) {
  write_file(dir.file("deck.pptx"), write_pptx(deck));
  shell("cd '" + dir.path() + "' && unzip -o -q deck.pptx");
}

/// The shapes (or groups) named `name` in a slide, as XML: each from its opening tag to the
/// first closing tag after it. Plain searching: libstdc++'s regex recurses once per character
/// and overflows the stack on a slide's XML under ASan.
std::vector<std::string> named(const std::string& slide, const std::string& element,
                               const std::string& name) {
  std::vector<std::string> out;
  const std::string open = "<" + element + "><p:nv", close = "</" + element + ">",
                    label = "\" name=\"" + name + "\"/>";
  for (auto at = slide.find(open); at != std::string::npos; at = slide.find(open, at + 1)) {
    auto tag_end = slide.find("/>", at);
    auto id = slide.find("<p:cNvPr id=\"", at);
    if (tag_end == std::string::npos || id == std::string::npos || id > tag_end) continue;
    auto quote = slide.find('"', id + 13);
    if (slide.compare(quote, label.size(), label) != 0) continue;
    auto end = slide.find(close, at);
    if (end != std::string::npos) out.push_back(slide.substr(at, end + close.size() - at));
  }
  return out;
}

}  // namespace

TEST_CASE("a town is a native rounded box with its name as text, struck through", "[pptx]") {
  TempDir dir;
  unpack(dir, small_deck());
  std::string slide = read_file(dir.file("ppt/slides/slide1.xml"));
  auto town = named(slide, "p:sp", "kaminoseki");
  REQUIRE(town.size() == 1);
  CHECK(town[0].find("<a:t>上関町</a:t>") != std::string::npos);
  CHECK(town[0].find("prst=\"roundRect\"") != std::string::npos);
  CHECK(town[0].find("strike=\"sngStrike\"") != std::string::npos);
  CHECK(town[0].find("<a:prstDash val=\"dash\"/>") != std::string::npos);
  CHECK(town[0].find("<a:srgbClr val=\"D4ECF9\">") != std::string::npos);  // its fill
  CHECK(slide.find("<p:pic>") == std::string::npos);                       // nothing a picture
  // An office's three lines stay three paragraphs, top first, in one shape.
  auto office = named(slide, "p:sp", "tanpopo");
  REQUIRE(office.size() == 1);
  CHECK(count_of(office[0], "<a:p>") == 3);
  CHECK(office[0].find("地域生活支援センター") < office[0].find("4市町で共有"));
  // Every run in the deck's font, Latin and East Asian alike.
  CHECK(count_of(slide, "<a:ea typeface=\"BIZ UDPGothic\"/>") == count_of(slide, "<a:r>"));
}

TEST_CASE("a line is a Bézier path grouped with its arrowhead and label", "[pptx]") {
  TempDir dir;
  unpack(dir, small_deck());
  std::string slide = read_file(dir.file("ppt/slides/slide1.xml"));
  auto line = named(slide, "p:grpSp", "kaminoseki -&gt; tanpopo");
  REQUIRE(line.size() == 1);
  CHECK(line[0].find("<a:custGeom>") != std::string::npos);
  CHECK(line[0].find("<a:cubicBezTo>") != std::string::npos);
  CHECK(count_of(line[0], "<p:sp>") == 3);  // the line, the arrowhead, the label
  CHECK(line[0].find("<a:t>連携</a:t>") != std::string::npos);
  // The dot at the council's end is a filled ellipse.
  auto holds = named(slide, "p:grpSp", "council -&gt; kaminoseki");
  REQUIRE(holds.size() == 1);
  CHECK(holds[0].find("prst=\"ellipse\"") != std::string::npos);
}

TEST_CASE("a grid is one native table with the region cell spanning its rows", "[pptx]") {
  TempDir dir;
  unpack(dir, small_deck());
  std::string slide = read_file(dir.file("ppt/slides/slide1.xml"));
  auto grid = named(slide, "p:graphicFrame", "grid");
  REQUIRE(grid.size() == 1);
  CHECK(count_of(grid[0], "<a:gridCol ") == 3);
  CHECK(count_of(grid[0], "<a:tr ") == 3);
  CHECK(grid[0].find("<a:tc rowSpan=\"2\">") != std::string::npos);
  CHECK(count_of(grid[0], "vMerge=\"1\"") == 1);
  auto town = grid[0].find("<a:t>平生町</a:t>");
  REQUIRE(town != std::string::npos);
  CHECK(grid[0].rfind("b=\"1\">", town) + 300 > town);  // bold, in the run it starts
  // The legend stays shapes: its sample box holds its words.
  auto legend = named(slide, "p:sp", "legend");
  CHECK(std::any_of(legend.begin(), legend.end(), [](const std::string& s) {
    return s.find("<a:t>市町（角丸）</a:t>") != std::string::npos;
  }));
}

TEST_CASE("the deck is 16:9 with its notes, and the same deck gives the same bytes", "[pptx]") {
  TempDir dir;
  PptxDeck deck = small_deck();
  unpack(dir, deck);
  CHECK(read_file(dir.file("ppt/presentation.xml"))
            .find("<p:sldSz cx=\"12192000\" cy=\"6858000\"/>") != std::string::npos);
  std::string notes = read_file(dir.file("ppt/notesSlides/notesSlide1.xml"));
  CHECK(notes.find("<a:t>たんぽぽは4市町で共有。</a:t>") != std::string::npos);
  CHECK(notes.find("<a:t>来年度に見直す。</a:t>") != std::string::npos);
  CHECK(read_file(dir.file("docProps/core.xml")).find("<dc:title>柳井圏域</dc:title>") !=
        std::string::npos);
  // Markup, template braces and control characters in text cannot break the XML.
  deck.title = "A&B <{CX}>\x01";
  unpack(dir, deck);
  CHECK(read_file(dir.file("docProps/core.xml"))
            .find("<dc:title>A&amp;B &lt;&#123;CX}&gt;</dc:title>") != std::string::npos);
  CHECK(shell("cd '" + dir.path() + "' && unzip -Z1 deck.pptx | head -1") ==
        "[Content_Types].xml\n");
  CHECK(write_pptx(small_deck()) == write_pptx(small_deck()));
}

TEST_CASE("a JSON that is not Graphviz's layout is an error", "[pptx]") {
  PptxDeck deck;
  deck.slides = {{"{\"objects\": ", ""}};
  CHECK_THROWS_AS(write_pptx(deck), Error);
  deck.slides = {{"{\"name\": \"renkei\"}", ""}};  // no bounding box
  CHECK_THROWS_AS(write_pptx(deck), Error);
  deck.slides = {{"{\"bb\": \"0,0,10,10\", \"objects\": [{\"_draw_\": [{\"op\": \"P\"}]}]}", ""}};
  CHECK_THROWS_AS(write_pptx(deck), Error);
  deck.slides = {
      {"{\"bb\": \"0,0,10,10\", \"edges\": [{\"_draw_\": [{\"op\": \"b\", \"points\": []}]}]}",
       ""}};
  CHECK_THROWS_AS(write_pptx(deck), Error);
}

TEST_CASE("LibreOffice Impress opens the deck and shows the slide's words", "[pptx]") {
  if (shell("command -v soffice").empty()) {
    WARN("soffice is not installed: the deck was not opened in LibreOffice");
    return;
  }
  TempDir dir;
  PptxDeck deck = small_deck();
  deck.slides.push_back(deck.slides.front());
  write_file(dir.file("deck.pptx"), write_pptx(deck));
  shell("cd '" + dir.path() + "' && HOME='" + dir.path() +
        "' soffice --headless --convert-to pdf deck.pptx >/dev/null 2>&1");
  REQUIRE(shell("pdfinfo '" + dir.file("deck.pdf") + "' | awk '/^Pages:/ {print $2}'") == "2\n");
  std::string text = shell("pdftotext -f 1 -l 1 '" + dir.file("deck.pdf") + "' -");
  CHECK(text.find("上関町") != std::string::npos);
  CHECK(text.find("たんぽぽ") != std::string::npos);
  CHECK(text.find("凡例") != std::string::npos);
}
