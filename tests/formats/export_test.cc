// export: the writers (library) and `renkei export` (end to end). Expected counts come from the
// data files (data/yamaguchi-r6.json, data/yamaguchi-regions.json), not from renkei's output.
// tests/check_export.py opens the same files with NetworkX and an XML parser.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "formats/export.h"
#include "formats/load.h"
#include "test_support.h"

using namespace renkei;
using namespace renkei::test;
using nlohmann::json;

namespace {

/// What the two data files hold, counted from the files themselves.
struct Expected {
  std::size_t nodes = 0, edges = 0, regions = 0, memberships = 0, coordinator = 0;
  std::string first_id, last_id;
};

const Expected& expected() {
  static const Expected e = [] {
    Expected x;
    json ds = builtin_json();
    json outside = json::parse(read_file(repo_path("data/yamaguchi-regions.json")));
    x.regions = outside["regions"].size();
    for (const auto& r : outside["regions"]) x.memberships += r["municipalities"].size();
    x.nodes = ds["nodes"].size() + x.regions;
    x.edges = ds["edges"].size() + x.memberships;
    for (const auto& e : ds["edges"])
      if (e["relation"] == "coordinator") ++x.coordinator;
    x.first_id = ds["nodes"].front()["id"];
    x.last_id = outside["regions"].back()["id"];
    return x;
  }();
  return e;
}

bool contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

bool all_lines_crlf(const std::string& text) {
  return count_of(text, "\n") == count_of(text, "\r\n");
}

const std::string kFormula = "=cmd|' /C calc'!A0";
const std::string kMarkup = "たんぽぽ\"<b>&\\N";

/// The built-in dataset with two offices renamed to what an attacker or a careless paste might
/// put in a name: a spreadsheet formula, and XML/DOT markup with a Graphviz escape.
json hostile_dataset() {
  json ds = builtin_json();
  for (auto& n : ds["nodes"]) {
    if (n["id"] == "tanpopo") n["name"] = kFormula;
    if (n["id"] == "consultation-furumu") n["name"] = kMarkup;
  }
  return ds;
}

}  // namespace

TEST_CASE("Data counts the export tests rely on") {
  // 112 nodes in the dataset file (19 municipalities, 25 councils, 45 offices, 2 centers,
  // 21 kinds of work) and the eight planning regions of the outside facts.
  CHECK(expected().nodes == 112 + 8);
  CHECK(expected().regions == 8);
  CHECK(expected().coordinator == 52);  // ①… placements in section 3
  REQUIRE(test::builtin_data().nodes.size() == expected().nodes);
  REQUIRE(test::builtin_data().edges.size() == expected().edges);
}

TEST_CASE("GraphML holds every node and edge, with typed keys and Japanese labels") {
  std::string g = to_graphml(test::builtin_data());
  CHECK(g.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml ", 0) == 0);
  CHECK(count_of(g, "<node id=") == expected().nodes);
  CHECK(count_of(g, "<edge id=") == expected().edges);
  CHECK(contains(g, "<graph id=\"renkei\" edgedefault=\"directed\">"));
  CHECK(contains(g, "<key id=\"n_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"));
  CHECK(contains(g, "<key id=\"n_row\" for=\"node\" attr.name=\"row\" attr.type=\"int\"/>"));
  CHECK(contains(
      g, "<key id=\"e_relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>"));
  // 上関町 (row 16), its label the Japanese name; the office under its corrected name, with the
  // printed spelling kept as an alias.
  CHECK(contains(g, "<node id=\"kaminoseki\">\n      <data key=\"n_label\">上関町</data>"));
  CHECK(contains(g, "<data key=\"n_row\">16</data>"));
  CHECK(contains(g, "<data key=\"n_aliases\">地域生活支援センターたんぼぼ</data>"));
  CHECK(contains(g, "<y:NodeLabel fontSize=\"12\">上関町</y:NodeLabel>"));
  // Outside facts are marked as such.
  CHECK(contains(g, "<node id=\"region-yanai\">\n      <data key=\"n_label\">柳井圏域</data>"));
  CHECK(expected().memberships == 19);  // every municipality in one region
  CHECK(count_of(g, "<data key=\"e_outside\">true</data>") == expected().memberships);
  CHECK(count_of(g, "<data key=\"n_outside\">true</data>") == expected().regions);
}

TEST_CASE("Exports list nodes in dataset order, regions last, and are the same bytes every time") {
  std::string g = to_graphml(test::builtin_data());
  CHECK(g.find("<node id=\"" + expected().first_id + "\">") <
        g.find("<node id=\"" + expected().last_id + "\">"));
  CHECK(g.rfind("<node id=") == g.find("<node id=\"" + expected().last_id + "\">"));
  CHECK(to_graphml(test::builtin_data()) == g);
  CHECK(to_gexf(test::builtin_data()) == to_gexf(test::builtin_data()));
  CHECK(to_node_link_json(test::builtin_data()) == to_node_link_json(test::builtin_data()));
  CHECK(to_plain_dot(test::builtin_data()) == to_plain_dot(test::builtin_data()));
}

TEST_CASE("GEXF declares its attributes and labels nodes in Japanese") {
  std::string x = to_gexf(test::builtin_data());
  CHECK(contains(x, "<gexf xmlns=\"http://www.gexf.net/1.2draft\""));
  CHECK(contains(x, "<graph mode=\"static\" defaultedgetype=\"directed\">"));
  CHECK(contains(x, "<attribute id=\"kind\" title=\"kind\" type=\"string\"/>"));
  CHECK(contains(x, "<attribute id=\"order\" title=\"order\" type=\"integer\"/>"));
  CHECK(count_of(x, "<node id=") == expected().nodes);
  CHECK(count_of(x, "<edge id=") == expected().edges);
  CHECK(contains(x, "<node id=\"tanpopo\" label=\"地域生活支援センターたんぽぽ\">"));
}

TEST_CASE("Node-link JSON has what networkx.node_link_graph reads") {
  json j = json::parse(to_node_link_json(test::builtin_data()));
  CHECK(j["directed"] == true);
  CHECK(j["multigraph"] == true);  // 下関市 did and plans an evacuation drill: two runs edges
  REQUIRE(j["nodes"].size() == expected().nodes);
  REQUIRE(j["links"].size() == expected().edges);
  const json& kaminoseki = j["nodes"][test::builtin_data().find_id("kaminoseki").value()];
  CHECK(kaminoseki["id"] == "kaminoseki");
  CHECK(kaminoseki["label"] == "上関町");
  CHECK(kaminoseki["row"] == 16);
  CHECK(kaminoseki["coordinator_activity"] == "none_stated");  // 「特になし」
  CHECK(kaminoseki["region"] == "柳井圏域");
  std::size_t planned_kaminoseki = 0;
  for (const auto& l : j["links"])
    if (l["source"] == "kaminoseki" && l["relation"] == "participates" &&
        l.value("status", "") == "planned")
      ++planned_kaminoseki;
  CHECK(planned_kaminoseki ==
        2);  // section 6: the regional council and its こども部会, both planned
  CHECK(j["links"][0]["key"] == "e0");
}

TEST_CASE("CSV is UTF-8 with a BOM and CRLF, one row per node and edge") {
  std::string nodes = to_nodes_csv(test::builtin_data()),
              edges = to_edges_csv(test::builtin_data());
  CHECK(nodes.rfind("\xEF\xBB\xBFid,label,kind,", 0) == 0);
  CHECK(edges.rfind("\xEF\xBB\xBFid,source,target,source_name,target_name,label,relation,", 0) ==
        0);
  CHECK(all_lines_crlf(nodes));
  CHECK(all_lines_crlf(edges));
  CHECK(count_of(nodes, "\r\n") == expected().nodes + 1);
  CHECK(
      contains(edges, "\r\n" + std::string("e0,shimonoseki,shimonoseki-liaison-council,下関市,")));
}

TEST_CASE("Plain DOT has every node and edge, labelled in Japanese") {
  std::string d = to_plain_dot(test::builtin_data());
  CHECK(d.find("digraph \"renkei\" {\n") != std::string::npos);
  CHECK(count_of(d, " -> ") == expected().edges);
  CHECK(contains(d, "\"kaminoseki\" [label=\"上関町\", kind=\"municipality\""));
  CHECK(contains(d, "\"kaminoseki\" -> \"tanpopo\" [id="));
}

TEST_CASE("A formula in a name stays text in CSV and markup stays inert in GraphML, GEXF and DOT") {
  TempDir dir;
  Dataset ds = load_dataset_file(write_dataset(dir, hostile_dataset()));
  std::string nodes = to_nodes_csv(ds), edges = to_edges_csv(ds);
  CHECK(contains(nodes, ",'=cmd|' /C calc'!A0,"));
  CHECK(!contains(nodes, ",=cmd"));
  CHECK(contains(edges, ",'=cmd|' /C calc'!A0,"));
  CHECK(contains(nodes, ",\"たんぽぽ\"\"<b>&\\N\","));  // quoted, its " doubled

  std::string g = to_graphml(ds);
  CHECK(contains(g, "<data key=\"n_name\">たんぽぽ&quot;&lt;b&gt;&amp;\\N</data>"));
  CHECK(!contains(g, "<b>"));
  CHECK(contains(g, "<data key=\"n_name\">=cmd|&apos; /C calc&apos;!A0</data>"));
  std::string x = to_gexf(ds);
  CHECK(contains(x, "label=\"たんぽぽ&quot;&lt;b&gt;&amp;\\N\""));
  std::string d = to_plain_dot(ds);
  // \N would otherwise print the node's id, &… would be read as an entity
  CHECK(contains(d, "[label=\"たんぽぽ\\\"<b>&amp;\\\\N\""));
  CHECK(json::parse(to_node_link_json(
            ds))["nodes"][test::builtin_data().find_id("consultation-furumu").value()]["name"] ==
        kMarkup);
}

// ---------------------------------------------------------------- the command

TEST_CASE("export writes each single-file format to stdout or to -o") {
  auto r = run_renkei({"export", "--format", "graphml"});
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == to_graphml(test::builtin_data()));

  TempDir dir;
  for (const std::string f : {"graphml", "gexf", "json", "dot"}) {
    INFO(f);
    std::string path = dir.file("out." + f);
    auto w = run_renkei({"export", "--format", f, "-o", path});
    REQUIRE(w.code == 0);
    CHECK(w.out.empty());
    CHECK(std::filesystem::file_size(path) > 10000);
  }
  CHECK(read_file(dir.file("out.json")) == to_node_link_json(test::builtin_data()));
  // No --format: the extension says which.
  REQUIRE(run_renkei({"export", "-o", dir.file("g.gexf")}).code == 0);
  CHECK(read_file(dir.file("g.gexf")) == to_gexf(test::builtin_data()));
}

TEST_CASE("export --format csv writes nodes.csv and edges.csv into the -o directory") {
  TempDir dir;
  std::string out = dir.file("sheets/for-excel");
  auto r = run_renkei({"export", "--format", "csv", "-o", out});
  REQUIRE(r.code == 0);
  std::string nodes = read_file(out + "/nodes.csv"), edges = read_file(out + "/edges.csv");
  CHECK(nodes.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(edges.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(all_lines_crlf(nodes));
  CHECK(count_of(nodes, "\r\n") == expected().nodes + 1);
  CHECK(count_of(edges, "\r\n") == expected().edges + 1);

  auto no_dir = run_renkei({"export", "--format", "csv"});
  CHECK(no_dir.code == 2);
  CHECK(no_dir.err ==
        "renkei: error: export: --format csv writes two files, nodes.csv and edges.csv; give -o "
        "DIR for the directory to "
        "put them in\n");
  auto onto_file = run_renkei({"export", "--format", "csv", "-o", out + "/nodes.csv"});
  CHECK(onto_file.code == 2);
  CHECK(contains(onto_file.err,
                 "is a file; --format csv writes nodes.csv and edges.csv into a directory"));
}

TEST_CASE("export end to end keeps a hostile name inert in every file") {
  TempDir dir;
  std::string data_path = write_dataset(dir, hostile_dataset());
  REQUIRE(
      run_renkei({"export", "--data", data_path, "--format", "csv", "-o", dir.file("csv")}).code ==
      0);
  CHECK(contains(read_file(dir.file("csv/nodes.csv")), ",'=cmd|' /C calc'!A0,"));
  auto g = run_renkei({"export", "--data", data_path, "--format", "graphml"});
  REQUIRE(g.code == 0);
  CHECK(contains(g.out, "たんぽぽ&quot;&lt;b&gt;&amp;\\N"));
  auto d = run_renkei({"export", "--data", data_path, "--format", "dot"});
  REQUIRE(d.code == 0);
  CHECK(contains(d.out, "\"たんぽぽ\\\"<b>&\\\\N\""));
}

TEST_CASE("export refuses an unknown format with a suggestion") {
  auto r = run_renkei({"export", "--format", "grapml"});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "renkei: error: export: unknown format \"grapml\" (did you mean \"graphml\"?); formats are "
        "graphml, gexf, "
        "csv, json, dot, sheets or xlsx\n");
  auto none = run_renkei({"export"});
  CHECK(none.code == 2);
  CHECK(contains(none.err,
                 "say which format with --format graphml, gexf, csv, json, dot, sheets or xlsx"));
  TempDir dir;
  auto unknown_ext = run_renkei({"export", "-o", dir.file("graph.ods")});
  CHECK(unknown_ext.code == 2);
  CHECK(!std::filesystem::exists(dir.file("graph.ods")));
}

TEST_CASE("export --relations keeps every node and only the edges asked for") {
  auto r = run_renkei({"export", "--format", "json", "--relations", "coordinator"});
  REQUIRE(r.code == 0);
  json j = json::parse(r.out);
  CHECK(j["nodes"].size() == expected().nodes);
  CHECK(j["links"].size() == expected().coordinator);
  auto bad = run_renkei({"export", "--format", "json", "--relations", "coordinater"});
  CHECK(bad.code == 2);
  CHECK(contains(bad.err, "coordinator"));
}

TEST_CASE("export --lang en labels nodes with their romanized names") {
  auto r = run_renkei({"export", "--format", "gexf", "--lang", "en"});
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "<node id=\"kaminoseki\" label=\"Kaminoseki\">"));
  CHECK(contains(r.out, "<attvalue for=\"name\" value=\"上関町\"/>"));
}

TEST_CASE("docs/export.md describes every exported attribute") {
  std::string doc = read_file(repo_path("docs/export.md"));
  for (const Field& f : node_fields()) {
    INFO(f.name);
    CHECK(contains(doc, std::string("`") + f.name + "`"));
  }
  for (const Field& f : edge_fields()) {
    INFO(f.name);
    CHECK(contains(doc, std::string("`") + f.name + "`"));
  }
}
