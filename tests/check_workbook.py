#!/usr/bin/env python3
"""The workbook (issue 19) as another program sees it, and workbooks another program wrote.

An independent reader (Debian's python3-openpyxl) finds in `renkei export -o BOOK.xlsx` the
sheets, their headers, frozen header rows and drop-down lists; a workbook openpyxl edits and
saves imports with the edit; broken workbooks (a formula without a saved value, a cell showing
an error, a merged header, a missing sheet, an old .xls, a damaged zip) are refused in one
line naming the sheet and cell, exit 1, with nothing written.

usage: check_workbook.py RENKEI REPO WORKDIR"""
import json, os, shutil, subprocess, sys

import openpyxl

renkei, repo, work = sys.argv[1:4]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(os.path.join(work, "source"))
shutil.copy(os.path.join(repo, "data/source/yamaguchi-r6.txt"), os.path.join(work, "source"))
shutil.copy(os.path.join(repo, "data/yamaguchi-regions.json"), work)
problems = []


def run(*args):
    return subprocess.run([renkei, *args], cwd=work, capture_output=True, text=True)


def expect(cond, what):
    if not cond:
        problems.append(what)
        print("FAIL:", what)


book = os.path.join(work, "book.xlsx")
r = run("export", "-o", "book.xlsx")
expect(r.returncode == 0, "export --format xlsx exits 0: " + r.stderr)

wb = openpyxl.load_workbook(book)
expect(wb.sheetnames[0] == "説明", "the first sheet explains: " + str(wb.sheetnames))
for name in ["資料", "市区町村", "協議の場", "配置先", "配置", "開催状況", "つながり"]:
    expect(name in wb.sheetnames, "sheet " + name + " is there")
ws = wb["配置"]
expect(ws.freeze_panes == "A2", "the header row of 配置 is frozen: " + str(ws.freeze_panes))
headers = [c.value for c in ws[1]]
expect(headers[:3] == ["市町 (municipality)", "番号 (order)", "配置先 (office)"], "配置's headers: " + str(headers))
# 下関市's first placement, as the source text prints it (row 1, section 3).
expect(ws["A2"].value == "下関市" and ws["B2"].value == "①", "配置 row 2 is 下関市 ①: " + str([ws["A2"].value, ws["B2"].value]))


def lists(sheet):
    out = {}
    for dv in wb[sheet].data_validations.dataValidation:
        if dv.type == "list":
            out[str(dv.sqref).split(":")[0]] = dv.formula1
    return out


expect(lists("協議の場").get("E2") == '"活動中,休会,終了,設立予定"', "協議の場 status is a drop-down: " + str(lists("協議の場")))
expect(lists("開催状況").get("B2") == '"開催,予定,開催なし,休会"', "開催状況 status is a drop-down: " + str(lists("開催状況")))
expect(any('"市,区,町,村"' == v for v in lists("市区町村").values()), "市区町村 type is a drop-down")
prompts = [dv.prompt for dv in wb["配置"].data_validations.dataValidation if dv.prompt]
expect(any("①②③" in p for p in prompts), "配置's order column has an input hint")

# Edited and saved by another program: the edit comes back, the rest is unchanged.
wb["資料"]["A2"] = "令和6年度 取組状況 (openpyxl で編集)"
wb.save(book)
r = run("import", "book.xlsx", "-o", "edited.json")
expect(r.returncode == 0, "a workbook saved by openpyxl imports: " + r.stderr)
if r.returncode == 0:
    d = json.load(open(os.path.join(work, "edited.json"), encoding="utf-8"))
    orig = json.load(open(os.path.join(repo, "data/yamaguchi-r6.json"), encoding="utf-8"))
    expect(d["title"] == "令和6年度 取組状況 (openpyxl で編集)", "the edited title is read: " + d["title"])
    d["title"] = orig["title"]
    expect(d == orig, "everything else is the built-in dataset")


def refused(mutate, expect_start, label):
    run("export", "-o", "bad.xlsx")
    path = os.path.join(work, "bad.xlsx")
    if mutate is not None:
        w = openpyxl.load_workbook(path)
        mutate(w)
        w.save(path)
    out = os.path.join(work, "never.json")
    r = run("import", "bad.xlsx", "-o", "never.json")
    lines = r.stderr.strip().split("\n")
    expect(r.returncode == 1, label + ": exit 1, got " + str(r.returncode))
    expect(len(lines) == 1 and lines[0].startswith("renkei: error: " + expect_start),
           label + ": " + r.stderr.strip())
    expect(not os.path.exists(out), label + ": nothing written")


refused(lambda w: w["配置"].__setitem__("C2", "=B2&\"x\""), "bad.xlsx: 配置!C2: holds a formula with no saved value", "a formula left in a cell")
refused(lambda w: w["配置"].merge_cells("A1:B1"), "bad.xlsx: 配置!A1:B1: the header cells are merged", "a merged header")
refused(lambda w: w.remove(w["配置"]), "bad.xlsx: the sheet \"配置\" (placements) is missing", "a missing sheet")
refused(lambda w: w["配置"].__setitem__("C2", "どこにもない事業所"), "bad.xlsx: 配置!C2: 配置先 (office): \"どこにもない事業所\" names no office", "an unknown office, at its cell")
with open(os.path.join(work, "old.xls"), "wb") as f:
    f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504)
shutil.copy(os.path.join(work, "old.xls"), os.path.join(work, "bad.xlsx"))
r = run("import", "bad.xlsx")
expect(r.returncode == 1 and "is an old Excel .xls workbook, or a password-protected one" in r.stderr, "an .xls: " + r.stderr)
with open(os.path.join(work, "bad.xlsx"), "wb") as f:
    f.write(b"PK\x03\x04 this is not really a zip")
r = run("import", "bad.xlsx")
expect(r.returncode == 1 and "is not a readable .xlsx workbook" in r.stderr, "a damaged zip: " + r.stderr)

# The template workbook imports as it is (its example rows name each other).
r = run("template", "tpl.xlsx")
expect(r.returncode == 0, "template BOOK.xlsx exits 0: " + r.stderr)
r = run("import", "tpl.xlsx")
expect(r.returncode == 0, "the template workbook imports: " + r.stderr)

if problems:
    print(f"check_workbook: {len(problems)} problem(s)")
    sys.exit(1)
print("check_workbook: ok")
