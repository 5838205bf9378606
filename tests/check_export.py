#!/usr/bin/python3
"""Opens renkei's exports the way their users do and checks them against the data and renkei metrics.

usage: check_export.py RENKEI SOURCE_DIR WORK_DIR

- GraphML with networkx.read_graphml and with an XML parser; node-link JSON with
  networkx.node_link_graph; GEXF with an XML parser and networkx.read_gexf; CSV with the csv module.
- Counts come from data/yamaguchi-r6.json and data/yamaguchi-regions.json, not from renkei.
- Degree, betweenness and articulation points are recomputed by NetworkX from each exported graph
  and must agree with `renkei metrics --json`. renkei counts them on the support relations only
  (src/model/graph.cc Network::support_relations: everything but runs and in_region), as one undirected
  edge per node pair over all nodes; articulation points on the municipality–office graph of
  coordinator edges. The same filters are applied here.
Run by ctest as export_opens_in_networkx (Debian's python3-networkx 2.8).
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import networkx as nx

SUPPORT = {"holds", "participates", "part_of", "coordinator", "liaises"}
GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
GEXF_NS = "{http://www.gexf.net/1.2draft}"

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def run(renkei, *args):
    r = subprocess.run([renkei, *args], capture_output=True)
    if r.returncode != 0:
        sys.exit(f"renkei {' '.join(args)} failed ({r.returncode}): {r.stderr.decode()}")
    return r.stdout


def expected_from_data(source_dir):
    """Node ids → names, edge count, as the data files hold them."""
    with open(os.path.join(source_dir, "data/yamaguchi-r6.json"), encoding="utf-8") as f:
        ds = json.load(f)
    with open(os.path.join(source_dir, "data/yamaguchi-regions.json"), encoding="utf-8") as f:
        outside = json.load(f)
    names = {n["id"]: n["name"] for n in ds["nodes"]}
    kinds = {n["id"]: n["kind"] for n in ds["nodes"]}
    for r in outside["regions"]:
        names[r["id"]] = r["name"]
        kinds[r["id"]] = "region"
    edges = len(ds["edges"]) + sum(len(r.get("municipalities", [])) for r in outside["regions"])
    order = [n["id"] for n in ds["nodes"]] + [r["id"] for r in outside["regions"]]
    return names, kinds, edges, order


def support_graph(g):
    """The undirected simple graph renkei metrics works on: all nodes, support relations only."""
    s = nx.Graph()
    s.add_nodes_from(g.nodes)
    for u, v, d in g.edges(data=True):
        check(d["support"] == (d["relation"] in SUPPORT), f"support flag of {u}->{v} {d['relation']}")
        if d["relation"] in SUPPORT:
            s.add_edge(u, v)
    return s


def coordinator_graph(g):
    """The municipality–office graph of coordinator placements."""
    m = nx.Graph()
    m.add_nodes_from(n for n, d in g.nodes(data=True) if d["kind"] in ("municipality", "office"))
    for u, v, d in g.edges(data=True):
        if d["relation"] == "coordinator":
            m.add_edge(u, v)
    return m


def compare_metrics(g, metrics, label):
    s = support_graph(g)
    bc = nx.betweenness_centrality(s, normalized=True)
    check(len(metrics["nodes"]) == s.number_of_nodes(), f"{label}: metrics covers every node")
    for row in metrics["nodes"]:
        n = row["node"]["id"]
        check(s.degree(n) == row["degree"], f"{label}: degree of {n}: networkx {s.degree(n)}, renkei {row['degree']}")
        check(abs(bc[n] - row["betweenness"]) < 1e-9,
              f"{label}: betweenness of {n}: networkx {bc[n]}, renkei {row['betweenness']}")
    cut = set(nx.articulation_points(coordinator_graph(g)))
    want = {a["id"] for a in metrics["articulation_points"]}
    check(cut == want, f"{label}: articulation points: networkx {sorted(cut)}, renkei {sorted(want)}")
    check(len(want) > 0, f"{label}: the data has articulation points to compare")


FORMULA = "=cmd|' /C calc'!A0"
MARKUP = 'たんぽぽ"<b>&\\N\\nline two'  # Graphviz escapes as text; names hold no line breaks


def check_hostile_names(renkei, source_dir, work):
    """Names holding a spreadsheet formula and XML/DOT markup come out as the same text."""
    d = os.path.join(work, "hostile")
    os.makedirs(os.path.join(d, "source"), exist_ok=True)
    shutil.copy(os.path.join(source_dir, "data/yamaguchi-regions.json"), d)
    shutil.copy(os.path.join(source_dir, "data/source/yamaguchi-r6.txt"), os.path.join(d, "source"))
    with open(os.path.join(source_dir, "data/yamaguchi-r6.json"), encoding="utf-8") as f:
        ds = json.load(f)
    for n in ds["nodes"]:
        if n["id"] == "tanpopo":
            n["name"] = FORMULA
        if n["id"] == "consultation-furumu":
            n["name"] = MARKUP
    data = os.path.join(d, "data.json")
    with open(data, "w", encoding="utf-8") as f:
        json.dump(ds, f, ensure_ascii=False)

    run(renkei, "export", "--data", data, "--format", "graphml", "-o", os.path.join(d, "g.graphml"))
    g = nx.read_graphml(os.path.join(d, "g.graphml"))
    check(g.nodes["tanpopo"]["label"] == FORMULA, "hostile graphml: formula name read back as text")
    check(g.nodes["consultation-furumu"]["label"] == MARKUP, "hostile graphml: markup name read back unchanged")
    run(renkei, "export", "--data", data, "--format", "gexf", "-o", os.path.join(d, "g.gexf"))
    root = ET.parse(os.path.join(d, "g.gexf")).getroot()
    labels = {n.get("id"): n.get("label") for n in root.iter(GEXF_NS + "node")}
    check(labels["consultation-furumu"] == MARKUP, "hostile gexf: markup name read back unchanged")
    run(renkei, "export", "--data", data, "--format", "json", "-o", os.path.join(d, "g.json"))
    with open(os.path.join(d, "g.json"), encoding="utf-8") as f:
        j = nx.node_link_graph(json.load(f))
    check(j.nodes["consultation-furumu"]["name"] == MARKUP, "hostile json: markup name unchanged")
    run(renkei, "export", "--data", data, "--format", "csv", "-o", os.path.join(d, "csv"))
    with open(os.path.join(d, "csv/nodes.csv"), encoding="utf-8-sig", newline="") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    check(rows["tanpopo"]["name"] == "'" + FORMULA, "hostile csv: the formula is prefixed with ' (shown as text)")
    check(rows["consultation-furumu"]["name"] == MARKUP, "hostile csv: markup name unchanged")
    if shutil.which("dot"):
        dot_text = run(renkei, "export", "--data", data, "--format", "dot")
        svg = subprocess.run(["dot", "-Tsvg"], input=dot_text, capture_output=True)
        check(svg.returncode == 0, "hostile dot: Graphviz reads it: " + svg.stderr.decode())
        # Graphviz prints the label as written: no <b> element, and \N stays the two characters.
        check('たんぽぽ&quot;&lt;b&gt;&amp;\\N' in svg.stdout.decode(), "hostile dot: label drawn as written")


def main():
    renkei, source_dir, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    names, kinds, n_edges, order = expected_from_data(source_dir)
    metrics = json.loads(run(renkei, "metrics", "--json"))

    # GraphML, as NetworkX reads it.
    path = os.path.join(work, "renkei.graphml")
    run(renkei, "export", "--format", "graphml", "-o", path)
    g = nx.read_graphml(path)
    check(g.is_directed() and g.is_multigraph(), "graphml: a directed multigraph (parallel runs edges)")
    check(g.number_of_nodes() == len(names), f"graphml: {g.number_of_nodes()} nodes, data has {len(names)}")
    check(g.number_of_edges() == n_edges, f"graphml: {g.number_of_edges()} edges, data has {n_edges}")
    check(list(g.nodes) == order, "graphml: nodes in dataset order, regions last")
    for n, d in g.nodes(data=True):
        check(d.get("label") == names[n], f"graphml: label of {n} is {d.get('label')!r}, want {names[n]!r}")
        check(d.get("name") == names[n], f"graphml: name of {n}")
        check(d.get("kind") == kinds[n], f"graphml: kind of {n}")
    check(g.nodes["kaminoseki"]["row"] == 16, "graphml: row is typed int")
    check(g.nodes["region-yanai"]["outside"] is True, "graphml: regions are marked as outside facts")
    compare_metrics(g, metrics, "graphml")

    # GraphML, as an XML parser sees it: every key typed, every data element names a key.
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k for k in root.findall(GRAPHML_NS + "key")}
    check(all(k.get("attr.type") for k in keys.values()), "graphml: every key has attr.type")
    check(all(d.get("key") in keys for d in root.iter(GRAPHML_NS + "data")), "graphml: data names declared keys")
    graph = root.find(GRAPHML_NS + "graph")
    check(graph.get("edgedefault") == "directed", "graphml: edgedefault directed")
    check(len(graph.findall(GRAPHML_NS + "node")) == len(names), "graphml (XML): node count")
    check(len(graph.findall(GRAPHML_NS + "edge")) == n_edges, "graphml (XML): edge count")

    # Node-link JSON.
    path = os.path.join(work, "renkei.json")
    run(renkei, "export", "--format", "json", "-o", path)
    with open(path, encoding="utf-8") as f:
        j = nx.node_link_graph(json.load(f))
    check(j.is_directed() and j.is_multigraph(), "json: a directed multigraph")
    check(j.number_of_nodes() == len(names), "json: node count")
    check(j.number_of_edges() == n_edges, "json: edge count")
    check(all(d["label"] == names[n] for n, d in j.nodes(data=True)), "json: labels are the Japanese names")
    check(sorted(k for _, _, k in j.edges(keys=True)) == sorted(f"e{i}" for i in range(n_edges)), "json: keys e0…")
    compare_metrics(j, metrics, "json")

    # GEXF: XML parser and NetworkX.
    path = os.path.join(work, "renkei.gexf")
    run(renkei, "export", "--format", "gexf", "-o", path)
    root = ET.parse(path).getroot()
    check(root.tag == GEXF_NS + "gexf" and root.get("version") == "1.2", "gexf: GEXF 1.2draft")
    nodes = root.findall(f"{GEXF_NS}graph/{GEXF_NS}nodes/{GEXF_NS}node")
    edges = root.findall(f"{GEXF_NS}graph/{GEXF_NS}edges/{GEXF_NS}edge")
    check(len(nodes) == len(names), "gexf: node count")
    check(len(edges) == n_edges, "gexf: edge count")
    check(all(n.get("label") == names[n.get("id")] for n in nodes), "gexf: labels are the Japanese names")
    declared = {a.get("id") for a in root.iter(GEXF_NS + "attribute")}
    check(all(v.get("for") in declared for v in root.iter(GEXF_NS + "attvalue")), "gexf: attvalues name declared attributes")
    x = nx.read_gexf(path)
    check(x.number_of_nodes() == len(names) and x.number_of_edges() == n_edges, "gexf: networkx counts")

    # CSV: BOM, CRLF, a header and one row per node / edge.
    out = os.path.join(work, "csv")
    run(renkei, "export", "--format", "csv", "-o", out)
    for file, count, first in (("nodes.csv", len(names), "id"), ("edges.csv", n_edges, "id")):
        with open(os.path.join(out, file), "rb") as f:
            raw = f.read()
        check(raw.startswith(b"\xef\xbb\xbf"), f"{file}: starts with a BOM")
        check(raw.count(b"\n") == raw.count(b"\r\n"), f"{file}: every line ends in CRLF")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        check(rows[0][0] == first, f"{file}: header starts with {first}")
        check(len(rows) == count + 1, f"{file}: {len(rows) - 1} rows, data has {count}")

    check_hostile_names(renkei, source_dir, work)

    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print(f"exports agree: {len(names)} nodes, {n_edges} edges; degree, betweenness and articulation points "
          f"match renkei metrics in GraphML and node-link JSON")


if __name__ == "__main__":
    main()
