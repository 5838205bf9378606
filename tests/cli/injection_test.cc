// Hostile names (quotes, backslashes, Graphviz escapes, markup, </script>, a spreadsheet
// formula) must come out inert in every file renkei writes: DOT, SVG, the HTML explorer,
// GraphML, CSV. Control characters, line breaks among them, never reach a writer in a name:
// the loader refuses them (the fuzz targets still feed them to the writers directly).
// Each is read back by a real parser (Graphviz's, Python's XML parser, renkei's CSV reader).
#include <catch2/catch.hpp>

#include <cgraph.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "formats/csv.h"
#include "test_support.h"

using namespace renkei;
using nlohmann::json;

using renkei::test::shell;

namespace {

/// Node id → the hostile name it gets: municipalities, councils and offices the overview draws.
const std::vector<std::pair<std::string, std::string>>& hostile() {
  static const std::vector<std::pair<std::string, std::string>> names = {
      {"shimonoseki", "a\"b\\c\\\"d"},
      {"yanai", "<b>bold</b> & <i>&amp;</i>"},
      {"abu", "line one\\nline two\\l"},  // Graphviz's own line-break escapes, as text
      {"yanai-regional-council", "</script><script>alert(1)</script>"},
      {"tachibanaen-consultation", "=cmd|' /C calc'!A0"},
      {"aozora", "x\"]; evil [label=\"pwned\"]; \"y"},
      {"iwakuni-disability-service-center", "<!-- ]]> --> \\N \\G"},
  };
  return names;
}

std::string hostile_dataset(const test::TempDir& dir) {
  json j = test::builtin_json();
  for (auto& n : j["nodes"])
    for (const auto& [id, name] : hostile())
      if (n["id"] == id) n["name"] = name;
  std::string path = test::write_dataset(dir, j);
  // The outside facts repeat each municipality's name and must agree with the dataset.
  json facts = json::parse(test::read_file(dir.file("yamaguchi-regions.json")));
  for (auto& m : facts["municipalities"])
    for (const auto& [id, name] : hostile())
      if (m["municipality"] == id) m["name"] = name;
  test::write_file(dir.file("yamaguchi-regions.json"), facts.dump(1));
  return path;
}

/// The text of an HTML-like Graphviz label's first part: entities decoded, <BR/> a newline,
/// the second line (the <FONT> note) dropped.
std::string label_text(std::string label) {
  if (auto font = label.find("<BR/><FONT"); font != std::string::npos) label.erase(font);
  label = test::replace_all(test::replace_all(label, "<BR/>", "\n"), "\\\\", "\\");
  for (auto [e, c] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}})
    label = test::replace_all(label, e, c);
  return label;
}

/// Without spaces and line breaks.
std::string squeezed(std::string s) {
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n'; }),
          s.end());
  return s;
}

struct Shape {
  int nodes, edges;
};
Shape dot_shape(const std::string& dot, Agraph_t** keep = nullptr) {
  Agraph_t* g = agmemread(dot.c_str());
  REQUIRE(g);
  Shape s{agnnodes(g), agnedges(g)};
  if (keep)
    *keep = g;
  else
    agclose(g);
  return s;
}

}  // namespace

TEST_CASE("hostile names come out of the DOT writer as labels, not as DOT") {
  test::TempDir dir;
  std::string data = hostile_dataset(dir);
  test::Run plain = test::run_renkei(
      {"render", "--preset", "overview", "--format", "dot", "-o", dir.file("plain.dot")});
  test::Run run = test::run_renkei({"render", "--data", data, "--preset", "overview", "--format",
                                    "dot", "-o", dir.file("h.dot")});
  INFO(run.err);
  REQUIRE(plain.code == 0);
  REQUIRE(run.code == 0);
  Shape base = dot_shape(test::read_file(dir.file("plain.dot")));
  Agraph_t* g = nullptr;
  Shape got = dot_shape(test::read_file(dir.file("h.dot")), &g);
  CHECK(got.nodes == base.nodes);  // no name added a node or an edge
  CHECK(got.edges == base.edges);
  for (const auto& [id, name] : hostile()) {
    INFO(id);
    Agnode_t* n = agnode(g, const_cast<char*>(id.c_str()), 0);
    REQUIRE(n);
    // The writer may break a long name into lines (at a space, or anywhere in Japanese):
    // compared without spaces and line breaks, the label is the name, no more and no less.
    CHECK(squeezed(label_text(agget(n, const_cast<char*>("label")))) == squeezed(name));
  }
  CHECK_FALSE(agnode(g, const_cast<char*>("evil"), 0));
  agclose(g);
}

TEST_CASE("hostile names are text in the SVG, which stays well-formed XML") {
  test::TempDir dir;
  std::string data = hostile_dataset(dir);
  test::Run run = test::run_renkei({"render", "--data", data, "--preset", "overview", "--format",
                                    "svg", "-o", dir.file("h.svg")});
  INFO(run.err);
  REQUIRE(run.code == 0);
  // Python's XML parser: each node group's text, its <text> elements joined.
  json texts = json::parse(shell(
      "/usr/bin/python3 -c \"import sys, json, xml.etree.ElementTree as E\n"
      "S = '{http://www.w3.org/2000/svg}'\n"
      "out = {}\n"
      "for g in E.parse(sys.argv[1]).iter(S + 'g'):\n"
      "  if g.get('class') == 'node':\n"
      "    out[g.find(S + 'title').text] = ''.join(t.text or '' for t in g.iter(S + 'text'))\n"
      "print(json.dumps(out))\" " +
      dir.file("h.svg")));
  for (const auto& [id, name] : hostile()) {
    INFO(id);
    REQUIRE(texts.contains(id));
    // The name's characters in order, then at most the second line (e.g. 4市町で共有).
    CHECK(squeezed(texts[id].get<std::string>()).rfind(squeezed(name), 0) == 0);
  }
  std::string svg = test::read_file(dir.file("h.svg"));
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("pwned\"]") == std::string::npos);
}

TEST_CASE("hostile names cannot run script in the explorer page") {
  test::TempDir dir;
  std::string data = hostile_dataset(dir);
  test::Run run = test::run_renkei({"explorer", "--data", data, "-o", dir.file("page.html")});
  INFO(run.err);
  REQUIRE(run.code == 0);
  std::string page = test::read_file(dir.file("page.html"));
  std::string low = page;
  for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (auto at = low.find(what); at != std::string::npos; at = low.find(what, at + 1)) ++n;
    return n;
  };
  CHECK(count("<script") == 2);  // the data element and the page's own script
  CHECK(count("</script") == 2);
  CHECK(count("<!--") == 0);
  CHECK(page.find("alert(1)</script>") == std::string::npos);
  // The data element reads back as JSON holding each name exactly.
  const std::string open = "<script type=\"application/json\" id=\"renkei-data\">";
  auto at = page.find(open);
  REQUIRE(at != std::string::npos);
  at += open.size();
  json data_json = json::parse(page.substr(at, page.find("</script>", at) - at));
  std::string all = data_json.dump();
  for (const auto& [id, name] : hostile()) CHECK(all.find(json(name).dump()) != std::string::npos);
}

TEST_CASE("hostile names are data in GraphML and text in CSV") {
  test::TempDir dir;
  std::string data = hostile_dataset(dir);
  REQUIRE(test::run_renkei(
              {"export", "--data", data, "--format", "graphml", "-o", dir.file("g.graphml")})
              .code == 0);
  REQUIRE(
      test::run_renkei({"export", "--data", data, "--format", "csv", "-o", dir.file("csv")}).code ==
      0);

  // GraphML through Python's XML parser: the node's `label` data is the name, exactly.
  std::string labels = shell(
      "/usr/bin/python3 -c \"import sys, xml.etree.ElementTree as E\n"
      "ns = {'g': 'http://graphml.graphdrawing.org/xmlns'}\n"
      "root = E.parse(sys.argv[1]).getroot()\n"
      "keys = {k.get('id') for k in root.iterfind('g:key', ns) if k.get('attr.name') == 'label'}\n"
      "for n in root.iter('{http://graphml.graphdrawing.org/xmlns}node'):\n"
      "  for d in n.iterfind('g:data', ns):\n"
      "    if d.get('key') in keys: print(n.get('id'), repr(d.text))\" " +
      dir.file("g.graphml"));
  for (const auto& [id, name] : hostile()) {
    std::string py = shell("/usr/bin/python3 -c 'import sys; print(repr(sys.argv[1]))' '" +
                           test::replace_all(name, "'", "'\\''") + "'");
    CHECK(labels.find(id + " " + py) != std::string::npos);
  }

  // CSV: no cell starts a formula; the name cell undoes to the name exactly.
  csv::Table t = csv::parse(test::read_file(dir.file("csv/nodes.csv")), "nodes.csv");
  REQUIRE(t.rows.size() > 1);
  std::size_t name_col = 0;
  for (std::size_t c = 0; c < t.rows[0].size(); ++c)
    if (t.rows[0][c] == "name") name_col = c;
  REQUIRE(name_col > 0);
  for (const auto& row : t.rows)
    for (const auto& cell : row)
      CHECK((cell.empty() || std::string("=+-@\t\r").find(cell[0]) == std::string::npos));
  for (const auto& [id, name] : hostile()) {
    bool found = false;
    for (const auto& row : t.rows)
      if (row[0] == id) found = csv::unneutralise(row[name_col]) == name;
    CHECK(found);
  }
}

TEST_CASE("the plain DOT export draws a name with entities as written") {
  // Graphviz reads &amp; and &#x41; in a quoted label: "&#x41;&amp;B" was drawn as "A&B".
  test::TempDir dir;
  json j = test::builtin_json();
  for (auto& n : j["nodes"])
    if (n["id"] == "tanpopo") n["name"] = "&#x41;&amp;B";
  std::string data = test::write_dataset(dir, j);
  auto r = test::run_renkei({"export", "--data", data, "--format", "dot", "-o", dir.file("g.dot")});
  REQUIRE(r.code == 0);
  std::string svg = shell("dot -Tsvg " + dir.file("g.dot"));
  // In the SVG the drawn text is XML-escaped once: &amp;#x41;&amp;amp;B is "&#x41;&amp;B".
  CHECK(svg.find(">&amp;#x41;&amp;amp;B</text>") != std::string::npos);
  CHECK(svg.find(">A&amp;B</text>") == std::string::npos);
}

TEST_CASE("U+FFFE and U+FFFF are refused anywhere in the data: no XML export could hold them") {
  test::TempDir dir;
  json j = test::builtin_json();
  j["nodes"][0]["note"] =
      "before\xEF\xBF\xBE"
      "after";
  auto r =
      test::run_renkei({"export", "--data", test::write_dataset(dir, j), "--format", "graphml"});
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("/nodes/0/note: \"before\xEF\xBF\xBE"
                   "after\" contains U+FFFE, which is not a character") != std::string::npos);
}
