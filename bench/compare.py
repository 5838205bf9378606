#!/usr/bin/python3
"""Reduces `renkei QUESTION --json` to the plain form bench/nx_answers.py prints, and says
whether the two answers are equal.

    bench/compare.py QUESTION RENKEI_JSON NETWORKX_JSON

Exit 0 and "same" when equal (betweenness to a relative 1e-9), else 1 and the first difference.
"""
import json
import math
import sys


def ids(refs):
    return [r["id"] for r in refs]


def reduce(question, r):
    if question == "shared":
        return {"offices": [[o["office"]["id"], ids(o["municipalities"])] for o in r["offices"]],
                "groups": [[ids(g["municipalities"]), ids(g["offices"])] for g in r["groups"]]}
    if question == "gaps":
        return [[f["rule"], f["municipality"]["id"], len(f["evidence"])] for f in r]
    if question == "reach":
        return [[x["node"]["id"], x["hops"], [p["node"]["id"] for p in x["path"]]] for x in r]
    if question == "path":
        return ids(r["nodes"])
    if question == "whatif-each-office":
        return [[a["removed"][0]["id"], ids(a["uncovered"]), [x["municipality"]["id"] for x in a["affected"]]] for a in r]
    if question == "metrics":
        return {"betweenness": {n["node"]["id"]: n["betweenness"] for n in r["nodes"]},
                "degree": {n["node"]["id"]: n["degree"] for n in r["nodes"]},
                "articulation_points": ids(r["articulation_points"]),
                "components": [ids(c) for c in r["components"]]}
    raise SystemExit(f"compare.py: unknown question {question}")


def first_difference(a, b, where="answer"):
    if isinstance(a, float) or isinstance(b, float):
        return None if math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-15) else f"{where}: {a} != {b}"
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return f"{where}: keys differ ({sorted(a.keys() ^ b.keys())[:5]})"
        for k in a:
            d = first_difference(a[k], b[k], f"{where}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{where}[{i}]")
            if d:
                return d
        return None
    return None if a == b else f"{where}: {json.dumps(a, ensure_ascii=False)[:200]} != {json.dumps(b, ensure_ascii=False)[:200]}"


def main():
    question, renkei_file, nx_file = sys.argv[1:]
    with open(renkei_file, encoding="utf-8") as f:
        mine = reduce(question, json.load(f))
    with open(nx_file, encoding="utf-8") as f:
        theirs = json.load(f)
    d = first_difference(mine, theirs)
    print(f"{question}: " + ("same" if not d else "DIFFERENT: renkei vs NetworkX: " + d))
    sys.exit(1 if d else 0)


if __name__ == "__main__":
    main()
