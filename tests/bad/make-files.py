#!/usr/bin/env python3
"""Writes tests/bad/files/: small broken datasets, each one fault in an otherwise sound
dataset (上関町's row plus the offices and councils it names). Run once after changing
this script; the files are checked in and tests/bad/cases.tsv says what each must give."""
import copy, json, os

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "files")
real = json.load(open(os.path.join(here, "../../data/yamaguchi-r6.json"), encoding="utf-8"))
by_id = {n["id"]: n for n in real["nodes"]}

base = {k: v for k, v in real.items() if k not in ("nodes", "edges", "outside_facts")}
keep = ["kaminoseki", "kaminoseki-council", "tanpopo", "yanai-regional-council", "yanai-regional-project"]
base["nodes"] = [copy.deepcopy(by_id[i]) for i in keep]
base["edges"] = [copy.deepcopy(e) for e in real["edges"] if e["from"] in keep and e["to"] in keep]


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, indent=1)


def write(name, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(out, name), mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
        f.write(data)


def variant(name, change):
    d = copy.deepcopy(base)
    change(d)
    write(name, dump(d))


def node(d, i):
    return next(n for n in d["nodes"] if n["id"] == i)


good = dump(base)
write("base-good.json", good)

# --- not JSON, or not the JSON we read
write("empty.json", "")
write("whitespace.json", " \n\t\n")
write("truncated.json", good[: len(good) // 2])
write("truncated-in-string.json", '{"format": "renkei-data')
write("trailing-comma.json", '{"format": "renkei-dataset/1",}')
write("missing-colon.json", '{"format" "renkei-dataset/1"}')
write("single-quotes.json", "{'format': 'renkei-dataset/1'}")
write("comment.json", '// the dataset\n{"format": "renkei-dataset/1"}')
write("trailing-garbage.json", good + "\nx")
write("two-documents.json", "{}\n{}")
write("bad-escape.json", '{"format": "renkei\\x-dataset/1"}')
write("lone-surrogate.json", '{"format": "\\ud800"}')
write("leading-zero.json", '{"format": "renkei-dataset/1", "nodes": [], "edges": [], "x": 01}')
write("nan.json", '{"format": NaN}')
write("utf8-bom.json", "\ufeff" + good)
write("invalid-utf8.json", good.encode("utf-8").replace("上関町".encode(), b"\xe4\xb8\x8a\xff\xe7\x94\xba", 1))
write("overlong-utf8.json", b'{"format": "renkei-dataset/1", "title": "\xc0\xaf"}')
write("utf16.json", "\ufeff{\"format\": \"renkei-dataset/1\"}".encode("utf-16-le"))
write("nul-byte.json", good.encode("utf-8").replace(b'"title"', b'"ti\x00tle"', 1))
write("nul-only.json", b"\x00")
write("binary.json", bytes(range(256)))
write("top-array.json", "[]")
write("top-string.json", '"renkei-dataset/1"')
write("top-null.json", "null")
write("huge-exponent.json", '{"format": 1e999}')
write("many-digits.json", '{"format": "renkei-dataset/1", "title": "t", "x": ' + "9" * 100000 + "}")
write("deep-objects.json", '{"format": "renkei-dataset/1", "x": ' + '{"a": ' * 200 + "1" + "}" * 200 + "}")
write("deep-arrays-in-node.json", good.replace('"id": "kaminoseki",', '"id": "kaminoseki", "deep": ' + "[" * 100 + "]" * 100 + ",", 1))

# --- JSON, but not a dataset
write("no-format.json", "{}")
variant("format-unknown.json", lambda d: d.update(format="renkei-dataset/2"))
variant("format-number.json", lambda d: d.update(format=1))
variant("nodes-object.json", lambda d: d.update(nodes={}))
variant("node-number.json", lambda d: d["nodes"].insert(0, 1))
variant("duplicate-key-nested.json", lambda d: None)  # rewritten below
dk = good.replace('"row": 16,', '"row": 16, "row": 17,', 1)
write("duplicate-key-nested.json", dk)
variant("missing-id.json", lambda d: node(d, "tanpopo").pop("id"))
variant("id-not-slug.json", lambda d: node(d, "tanpopo").update(id="Tan Popo"))
variant("id-empty.json", lambda d: node(d, "tanpopo").update(id=""))
variant("name-empty.json", lambda d: node(d, "tanpopo").update(name=""))
variant("name-number.json", lambda d: node(d, "tanpopo").update(name=42))
variant("kind-unknown.json", lambda d: node(d, "tanpopo").update(kind="ofice"))
variant("row-string.json", lambda d: node(d, "kaminoseki").update(row="16"))
variant("row-negative.json", lambda d: node(d, "kaminoseki").update(row=-1))
variant("row-fraction.json", lambda d: node(d, "kaminoseki").update(row=16.5))
variant("row-huge.json", lambda d: node(d, "kaminoseki").update(row=99999999999999999999))
variant("row-bool.json", lambda d: node(d, "kaminoseki").update(row=True))
variant("unknown-field.json", lambda d: node(d, "kaminoseki").update(nmae="x"))
variant("field-of-other-kind.json", lambda d: node(d, "tanpopo").update(meetings=[]))
variant("null-source.json", lambda d: node(d, "tanpopo").update(source=None))
variant("duplicate-id.json", lambda d: node(d, "yanai-regional-project").update(id="tanpopo"))
variant("alias-collision.json", lambda d: node(d, "tanpopo")["aliases"].append(
    {"name": "上関町", "source": {"row": 16, "section": "市町", "text": "上関町"}}))
variant("name-collision-width.json", lambda d: node(d, "yanai-regional-project").update(name="地域生活支援センター たんぽぽ"))
variant("edge-to-missing.json", lambda d: d["edges"][0].update(to="kaminoseki-counsil"))
variant("edge-from-missing.json", lambda d: d["edges"][0].update({"from": "nowhere"}))
variant("edge-no-relation.json", lambda d: d["edges"][0].pop("relation"))
variant("edge-relation-unknown.json", lambda d: d["edges"][0].update(relation="hold"))


def self_loop(d):
    e = next(e for e in d["edges"] if e["relation"] == "part_of")
    e["to"] = e["from"]
write_self = variant("part-of-self-loop.json", self_loop)


def cycle(d):
    e = copy.deepcopy(next(e for e in d["edges"] if e["relation"] == "part_of"))
    e["from"], e["to"] = e["to"], e["from"]
    d["edges"].append(e)
variant("part-of-cycle.json", cycle)
variant("quote-not-in-source.json", lambda d: node(d, "kaminoseki")["source"].update(text="上関村"))
variant("source-row-20.json", lambda d: node(d, "kaminoseki")["source"].update(row=20))
variant("source-section-5.json", lambda d: node(d, "kaminoseki")["source"].update(section="5"))
variant("month-13.json", lambda d: d["fiscal_year"].update(first_month="2024-13"))
variant("source-file-missing.json", lambda d: d["document"].update(source_file="source/nowhere.txt"))
variant("outside-facts-missing.json", lambda d: d.update(outside_facts="nowhere.json"))
variant("outside-facts-absolute-dir.json", lambda d: d.update(outside_facts="/"))
variant("name-nul-escape.json", lambda d: node(d, "tanpopo").update(name="たんぽぽ\u0000"))
variant("name-control-chars.json", lambda d: node(d, "tanpopo").update(name="たん\u001b[31mぽぽ"))
variant("name-en-tab.json", lambda d: node(d, "tanpopo").update(name_en="Tanpopo\tCenter"))
variant("alias-c1-control.json", lambda d: node(d, "tanpopo")["aliases"][0].update(name="たんぽぽ\u0085"))
variant("note-nul-escape.json", lambda d: node(d, "tanpopo").update(note="受付は平日のみ\u0000"))
