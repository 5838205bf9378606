#!/usr/bin/python3
"""renkei's questions answered with NetworkX, from the same dataset file, for comparison.

    bench/nx_answers.py QUESTION DATASET [ARGS]

QUESTION is shared, gaps, reach FROM, path FROM TO, whatif-each-office or metrics (FROM
and TO are node ids). Prints the answer in the plain form bench/compare.py reduces
`renkei QUESTION --json` to, so the two can be compared for equality. Timed as a whole
(interpreter start, import, JSON load, graph build, answer) by bench/run, as a user who
reached for NetworkX would run it. Each answer follows renkei's documented rules and
orderings (docs/cli.md, docs/gap-rules.md); where renkei's answer is a choice among equals
(the chain of a reach or path), the same tie-break is used: coordinator placements first,
then the order of the relation table, then the order of the edges in the file.
"""
import json
import os
import sys

import networkx as nx

KINDS = ["municipality", "council", "office", "center", "initiative", "region"]
RELATIONS = ["holds", "participates", "part_of", "coordinator", "liaises", "runs", "in_region"]
SUPPORT = {"holds", "participates", "part_of", "coordinator", "liaises"}
NOT_YET = {"planned", "considering"}


def load(path):
    """The dataset as a NetworkX MultiGraph: node attributes are the dataset's node objects,
    edge keys are edge indices (dataset edges, then in_region edges from the outside facts)."""
    with open(path, encoding="utf-8") as f:
        ds = json.load(f)
    g = nx.MultiGraph()
    for n in ds["nodes"]:
        g.add_node(n["id"], **n)
    edges = list(ds["edges"])
    if "outside_facts" in ds:
        with open(os.path.join(os.path.dirname(path), ds["outside_facts"]), encoding="utf-8") as f:
            outside = json.load(f)
        for r in outside.get("regions", []):
            g.add_node(r["id"], id=r["id"], kind="region", name=r["name"])
            for m in r["municipalities"]:
                edges.append({"from": m, "to": r["id"], "relation": "in_region"})
    for k, e in enumerate(edges):
        g.add_edge(e["from"], e["to"], key=k, relation=e["relation"], frm=e["from"], to=e["to"],
                   status=e.get("status", "current"), order=e.get("order", 0), has_source="source" in e)
    return g


def order_key(g):
    def key(v):
        n = g.nodes[v]
        return (KINDS.index(n["kind"]), n.get("row", 0) if n["kind"] == "municipality" else 0, v)
    return key


def of_kind(g, kind):
    return sorted((v for v, k in g.nodes(data="kind") if k == kind), key=order_key(g))


def ties(g, v, relations, direction=None):
    """(edge key, other end, data) of v's edges of these relations, in file order."""
    out = []
    for _, w, k, d in g.edges(v, keys=True, data=True):
        if d["relation"] in relations and (direction is None or (d["frm"] == v) == (direction == "out")):
            out.append((k, w, d))
    return sorted(out, key=lambda t: t[0])


def offices_of(g, m):
    placed = sorted((d["order"], w) for k, w, d in ties(g, m, {"coordinator"}, "out"))
    out = []
    for _, o in placed:
        if o not in out:
            out.append(o)
    return out


def shared(g):
    key = order_key(g)
    offices = []
    for o in of_kind(g, "office"):
        served = sorted({w for _, w, _ in ties(g, o, {"coordinator"})}, key=key)
        if len(served) >= 2:
            offices.append([o, served])
    offices.sort(key=lambda x: (-len(x[1]), x[0]))
    sharing = {o for o, _ in offices}
    h = nx.Graph()
    h.add_nodes_from(of_kind(g, "municipality"))
    h.add_nodes_from(sharing)
    h.add_edges_from((u, v) for u, v, d in g.edges(data=True) if d["relation"] == "coordinator" and (u in sharing or v in sharing))
    groups = []
    for comp in nx.connected_components(h):
        ms = sorted((v for v in comp if g.nodes[v]["kind"] == "municipality"), key=key)
        if len(ms) >= 2:
            groups.append([ms, sorted((v for v in comp if v in sharing), key=key)])
    groups.sort(key=lambda x: (-len(x[0]), key(x[0][0])))
    return {"offices": offices, "groups": groups}


def bfs(g, start, stop=None):
    rank = lambda t: (-1 if t[2]["relation"] == "coordinator" else RELATIONS.index(t[2]["relation"]), t[0])
    hops, via = {start: 0}, {}
    queue, head = [start], 0
    while head < len(queue):
        v = queue[head]
        head += 1
        if v == stop:
            break
        for k, w, d in sorted((t for t in ties(g, v, SUPPORT) if t[2]["status"] not in NOT_YET), key=rank):
            if w not in hops:
                hops[w] = hops[v] + 1
                via[w] = v
                queue.append(w)
    return hops, via


def chain(via, start, end):
    out = [end]
    while out[-1] != start:
        out.append(via[out[-1]])
    return out[::-1]


def reach(g, start):
    hops, via = bfs(g, start)
    key = order_key(g)
    found = sorted((v for v in hops if v != start), key=lambda v: (hops[v], key(v)))
    return [[v, hops[v], chain(via, start, v)] for v in found]


def path(g, start, end):
    hops, via = bfs(g, start, end)
    return chain(via, start, end) if end in hops else None


def gaps(g):
    out = []
    key = order_key(g)
    for m in of_kind(g, "municipality"):
        node = g.nodes[m]
        own = sorted({w for _, w, _ in ties(g, m, {"holds"}, "out")}, key=key)
        joined = sorted({w for _, w, d in ties(g, m, {"participates"}, "out") if d["status"] == "current"}, key=key)
        centers = {w for _, w, _ in ties(g, m, {"liaises"}, "out")}
        for c in own + joined:
            centers |= {w for _, w, _ in ties(g, c, {"liaises"}, "out")}
        held = planned = False
        none_q = planned_q = other_q = 0
        for c in own:
            for mt in g.nodes[c].get("meetings", []):
                if not mt.get("about_children", True):
                    other_q += 1 if mt.get("summary") else 0
                    continue
                held |= mt["status"] == "held"
                if mt["status"] == "planned":
                    planned, planned_q = True, planned_q + 1
                if mt["status"] in ("none", "suspended"):
                    none_q += 1
        if not held and not planned and none_q:
            out.append(["no-meeting", m, none_q])
        if not held and planned:
            out.append(["planned-only", m, planned_q])
        if node["coordinator_activity"]["status"] == "none_stated":
            out.append(["inactive-coordinator", m, 1])
        offices = offices_of(g, m)
        quotes = lambda o: sum(1 for _, w, d in ties(g, m, {"coordinator"}, "out") if w == o and d["has_source"])
        if len(offices) == 1:
            out.append(["single-office", m, quotes(offices[0])])
        if offices and all(any(w != m for _, w, _ in ties(g, o, {"coordinator"})) for o in offices):
            out.append(["shared-only", m, sum(quotes(o) for o in offices)])
        if joined and not held and not planned:
            part = sum(1 for _, _, d in ties(g, m, {"participates"}, "out") if d["status"] == "current" and d["has_source"])
            out.append(["regional-only", m, none_q + other_q + part])
        challenges = node.get("challenges", [])
        if not centers:
            out.append(["no-center-link", m, sum(1 for c in challenges if "センター" in c["text"])])
        if challenges:
            out.append(["stated-challenge", m, len(challenges)])
    return out


def whatif_each_office(g):
    """For each office: the towns placed there (they lose it) and those left with no office."""
    out = []
    for o in of_kind(g, "office"):
        key = order_key(g)
        affected = sorted({w for _, w, d in ties(g, o, {"coordinator"}) if d["status"] not in NOT_YET}, key=key)
        uncovered = [m for m in affected if offices_of(g, m) == [o]]
        out.append([o, uncovered, affected])
    out.sort(key=lambda x: (-len(x[1]), -len(x[2]), x[0]))
    return out


def metrics(g):
    key = order_key(g)
    simple = nx.Graph()
    simple.add_nodes_from(g.nodes)
    simple.add_edges_from((u, v) for u, v, d in g.edges(data=True) if d["relation"] in SUPPORT)
    betweenness = nx.betweenness_centrality(simple)
    mo = nx.Graph()
    mo.add_nodes_from(v for v, k in g.nodes(data="kind") if k in ("municipality", "office"))
    mo.add_edges_from((u, v) for u, v, d in g.edges(data=True) if d["relation"] == "coordinator")
    components = [sorted(c, key=key) for c in nx.connected_components(mo)]
    components.sort(key=lambda c: (-len(c), key(c[0])))
    return {"betweenness": betweenness, "degree": dict(simple.degree()),
            "articulation_points": sorted(nx.articulation_points(mo), key=key), "components": components}


def main():
    question, data, *args = sys.argv[1:]
    g = load(data)
    answer = {
        "shared": lambda: shared(g),
        "gaps": lambda: gaps(g),
        "reach": lambda: reach(g, args[0]),
        "path": lambda: path(g, args[0], args[1]),
        "whatif-each-office": lambda: whatif_each_office(g),
        "metrics": lambda: metrics(g),
    }[question]()
    json.dump(answer, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
