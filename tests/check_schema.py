#!/usr/bin/python3
"""Checks data/schema.json and data/outside.schema.json against the real data files.

Usage: check_schema.py REPO_DIR

1. Both schemas are valid draft 2020-12 schemas, and every property they define has a
   "description" (the schema is documentation too).
2. data/yamaguchi-r6.json validates against data/schema.json and
   data/yamaguchi-regions.json against data/outside.schema.json.
3. Broken copies of the data are rejected, each at the place that was broken: an unknown
   kind, an extra field, a month "2024-13", a coordinator edge without order, and more.

Uses Debian's python3-jsonschema (run with /usr/bin/python3). Exits 1 with one line per
problem on failure.
"""
import copy
import json
import os
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    print("check_schema: the Python module jsonschema is missing; install the Debian package "
          "python3-jsonschema (scripts/deps does) and run with /usr/bin/python3", file=sys.stderr)
    sys.exit(1)

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg, file=sys.stderr)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def pointer(path):
    return "/" + "/".join(str(p) for p in path)


def check_descriptions(schema, name, path=()):
    """Every schema under "properties" has a description, except inside if/then/else,
    where properties only restate or forbid fields already described."""
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key in ("if", "then", "else"):
                continue
            if key == "properties" and isinstance(value, dict):
                for prop, sub in value.items():
                    if isinstance(sub, dict) and "description" not in sub:
                        fail(f"{name}: {pointer(path + (key, prop))} has no description")
            check_descriptions(value, name, path + (key,))
    elif isinstance(schema, list):
        for i, value in enumerate(schema):
            check_descriptions(value, name, path + (i,))


def validator(schema_path):
    schema = load(schema_path)
    try:
        Draft202012Validator.check_schema(schema)
    except Exception as e:  # jsonschema.SchemaError
        fail(f"{schema_path} is not a valid draft 2020-12 schema: {e}")
    check_descriptions(schema, os.path.basename(schema_path))
    return Draft202012Validator(schema)


def must_validate(v, data, what):
    errors = sorted(v.iter_errors(data), key=lambda e: list(e.absolute_path))
    for e in errors[:10]:
        fail(f"{what}: {pointer(e.absolute_path)}: {e.message}")
    if len(errors) > 10:
        fail(f"{what}: … and {len(errors) - 10} more errors")
    return not errors


def must_reject(v, data, at, why):
    """The broken copy must fail validation with an error at or below the pointer `at`."""
    errors = list(v.iter_errors(data))
    if not errors:
        fail(f"schema accepts a broken copy ({why}); it should be rejected at {pointer(at)}")
        return
    here = [e for e in errors if tuple(e.absolute_path)[: len(at)] == tuple(at)]
    if not here:
        where = ", ".join(sorted({pointer(e.absolute_path) for e in errors}))
        fail(f"broken copy ({why}) is rejected, but at {where}, not at {pointer(at)}")


def first(items, pred):
    for i, x in enumerate(items):
        if pred(x):
            return i
    raise SystemExit(f"check_schema: the dataset has no item the test needs ({pred.__doc__ or 'see source'})")


def main():
    if len(sys.argv) != 2:
        print("usage: check_schema.py REPO_DIR", file=sys.stderr)
        return 2
    repo = sys.argv[1]
    data_dir = os.path.join(repo, "data")
    ds_v = validator(os.path.join(data_dir, "schema.json"))
    out_v = validator(os.path.join(data_dir, "outside.schema.json"))
    ds = load(os.path.join(data_dir, "yamaguchi-r6.json"))
    out = load(os.path.join(data_dir, ds.get("outside_facts", "yamaguchi-regions.json")))

    ok_ds = must_validate(ds_v, ds, "data/yamaguchi-r6.json")
    ok_out = must_validate(out_v, out, "data/yamaguchi-regions.json")
    if not (ok_ds and ok_out):
        print("check_schema: the real data files must validate before broken copies mean anything", file=sys.stderr)
        return 1

    nodes, edges = ds["nodes"], ds["edges"]
    muni = first(nodes, lambda n: n["kind"] == "municipality")
    office = first(nodes, lambda n: n["kind"] == "office")
    council = first(nodes, lambda n: n["kind"] == "council" and any(m.get("months") for m in n["meetings"]))
    meeting = first(nodes[council]["meetings"], lambda m: m.get("months"))
    coord = first(edges, lambda e: e["relation"] == "coordinator")
    runs = first(edges, lambda e: e["relation"] == "runs")
    holds = first(edges, lambda e: e["relation"] == "holds")

    def broken(mutate):
        d = copy.deepcopy(ds)
        mutate(d)
        return d

    def setf(obj, key, value):
        obj[key] = value

    cases = [
        # The four the task names.
        (lambda d: setf(d["nodes"][muni], "kind", "person"), ("nodes", muni, "kind"), "unknown kind \"person\""),
        (lambda d: setf(d["nodes"][office], "colour", "red"), ("nodes", office), "an extra field on a node"),
        (lambda d: setf(d["nodes"][council]["meetings"][meeting]["months"], 0, "2024-13"),
         ("nodes", council, "meetings", meeting, "months", 0), "a month \"2024-13\""),
        (lambda d: d["edges"][coord].pop("order"), ("edges", coord), "a coordinator edge without order"),
        # More of what the loader refuses.
        (lambda d: setf(d["edges"][holds]["source"], "page", 1), ("edges", holds, "source"),
         "an extra field in a source"),
        (lambda d: setf(d, "version", 2), (), "an extra top-level field"),
        (lambda d: setf(d["nodes"][office], "kind", "region"), ("nodes", office, "kind"),
         "a region node in the dataset"),
        (lambda d: setf(d["nodes"][office], "id", "Tanpopo"), ("nodes", office, "id"), "an id with a capital letter"),
        (lambda d: setf(d["nodes"][office], "row", 3), ("nodes", office), "a municipality field on an office"),
        (lambda d: setf(d["document"]["columns"][0], "role", "name"), ("document", "columns", 0, "role"),
         "a column role renkei does not know"),
        (lambda d: setf(d["nodes"][council]["meetings"][meeting], "status", "none"),
         ("nodes", council, "meetings", meeting), "a meeting with status none that has months"),
        (lambda d: setf(d["document"], "source_form", "pdf"), ("document", "source_form"),
         "a source form renkei does not know"),
        (lambda d: setf(d["edges"][holds], "since", "令和2年度"), ("edges", holds),
         "since on a holds edge"),
        (lambda d: setf(d["fiscal_year"], "first_month", "2024-4"), ("fiscal_year", "first_month"),
         "a month without its leading zero"),
        (lambda d: setf(d["edges"][holds], "order", 1), ("edges", holds), "order on a holds edge"),
        (lambda d: setf(d["edges"][holds], "status", "planned"), ("edges", holds), "status on a holds edge"),
        (lambda d: setf(d["edges"][coord], "date", "2024-04"), ("edges", coord), "date on a coordinator edge"),
        (lambda d: setf(d["edges"][runs], "status", "current"), ("edges", runs, "status"),
         "a runs edge with status current"),
        (lambda d: d["edges"][runs].pop("status"), ("edges", runs), "a runs edge without status"),
        (lambda d: setf(d["edges"][holds], "relation", "in_region"), ("edges", holds, "relation"),
         "an in_region edge in the dataset"),
        (lambda d: setf(d, "format", "renkei-dataset/2"), ("format",), "an unknown format"),
    ]
    for mutate, at, why in cases:
        must_reject(ds_v, broken(mutate), at, why)

    def broken_out(mutate):
        d = copy.deepcopy(out)
        mutate(d)
        return d

    out_cases = [
        (lambda d: setf(d["regions"][0], "members", []), ("regions", 0), "an extra field on a region"),
        (lambda d: d["regions"][0].pop("source"), ("regions", 0), "a region without its source"),
        (lambda d: d["municipalities"][0].pop("source"), ("municipalities", 0), "municipality facts without source"),
        (lambda d: d["municipalities"][0]["office"].pop("lng"), ("municipalities", 0, "office"),
         "an office without lng"),
        (lambda d: setf(d["municipalities"][0]["office"], "lat", 134.0), ("municipalities", 0, "office", "lat"),
         "a latitude out of range"),
        (lambda d: setf(d, "format", "renkei-dataset/1"), ("format",), "the dataset's format in the outside file"),
    ]
    for mutate, at, why in out_cases:
        must_reject(out_v, broken_out(mutate), at, why)

    if failures:
        print(f"check_schema: {len(failures)} problem(s); see above", file=sys.stderr)
        return 1
    print(f"check_schema: both data files validate; {len(cases) + len(out_cases)} broken copies rejected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
