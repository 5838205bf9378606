#!/usr/bin/env python3
"""The workbook (issue 19) as another program sees it, and workbooks another program wrote.

An independent reader (Debian's python3-openpyxl) finds in `renkei export -o BOOK.xlsx` the
sheets, their headers, frozen header rows and drop-down lists; a workbook openpyxl edits and
saves imports with the edit, and so does one LibreOffice (headless) writes, after showing in
its CSV what renkei's own sheets hold; broken workbooks (a formula without a saved value, a cell showing
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


# A date Excel stores as a serial day, full-width digits and a number typed as a number read as
# the user meant them: 2024/11/1 is the month 2024-11, １ and 1 are row 1.
import datetime
run("export", "-o", "typed.xlsx")
w = openpyxl.load_workbook(os.path.join(work, "typed.xlsx"))
w["配置"]["D2"] = datetime.datetime(2024, 11, 1)
w["配置"]["D2"].number_format = "yyyy/m/d"
w["市区町村"]["E2"] = "１"
w["市区町村"]["G2"] = 1
w.save(os.path.join(work, "typed.xlsx"))
r = run("import", "typed.xlsx", "-o", "typed.json")
expect(r.returncode == 0, "dates, full-width digits and numbers import: " + r.stderr)
if r.returncode == 0:
    d = json.load(open(os.path.join(work, "typed.json"), encoding="utf-8"))
    first = [e for e in d["edges"] if e["from"] == "shimonoseki" and e["relation"] == "coordinator" and e["order"] == 1]
    expect(first and first[0].get("since") == "2024-11", "an Excel date is read as its month: " + str(first[:1]))
    m = [n for n in d["nodes"] if n["id"] == "shimonoseki"][0]
    expect(m["row"] == 1 and m["source"]["row"] == 1, "１ and the number 1 are row 1")


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
    expect(len(lines) == 1 and lines[0].startswith("renkei: エラー: " + expect_start),
           label + ": " + r.stderr.strip())
    expect(not os.path.exists(out), label + ": nothing written")


# A sheet that reaches row 1,000,000 with nothing in it (Excel's formatting of a whole column
# does this) costs nothing: only filled cells are kept.
run("export", "-o", "tall.xlsx")
w = openpyxl.load_workbook(os.path.join(work, "tall.xlsx"))
for r_ in (1000, 500000, 1000000):
    w["課題"].row_dimensions[r_].height = 20
w.save(os.path.join(work, "tall.xlsx"))
r = run("import", "tall.xlsx")
expect(r.returncode == 0, "a sheet with a million empty rows imports: " + r.stderr)

refused(lambda w: w["配置"].__setitem__("C2", "=B2&\"x\""), "bad.xlsx: 配置!C2: 数式があり、その値が保存されていません", "a formula left in a cell")
refused(lambda w: w["配置"].merge_cells("A1:B1"), "bad.xlsx: 配置!A1:B1: 見出しのセルが結合されています", "a merged header")
refused(lambda w: w.remove(w["配置"]), "bad.xlsx: シート「配置」（placements）がありません", "a missing sheet")
refused(lambda w: w["配置"].__setitem__("C2", "どこにもない事業所"), "bad.xlsx: 配置!C2: 配置先 (office): 「どこにもない事業所」という配置先はシートにありません", "an unknown office, at its cell")
with open(os.path.join(work, "old.xls"), "wb") as f:
    f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504)
shutil.copy(os.path.join(work, "old.xls"), os.path.join(work, "bad.xlsx"))
r = run("import", "bad.xlsx")
expect(r.returncode == 1 and "古い Excel の .xls か、パスワード付きのブックです" in r.stderr, "an .xls: " + r.stderr)
with open(os.path.join(work, "bad.xlsx"), "wb") as f:
    f.write(b"PK\x03\x04 this is not really a zip")
r = run("import", "bad.xlsx")
expect(r.returncode == 1 and "読める .xlsx のブックではありません" in r.stderr, "a damaged zip: " + r.stderr)

# LibreOffice (libreoffice-calc-nogui, headless, a profile of its own) opens the workbook: what
# it sees of 配置 is what renkei's own CSV sheet holds, and the workbook it writes back imports
# to the same dataset.
lo_home = os.path.join(work, "lo-home")
os.makedirs(lo_home, exist_ok=True)
env = dict(os.environ, HOME=lo_home)
run("export", "-o", "lo-in.xlsx")
run("export", "--format", "sheets", "-o", "lo-sheets")
os.makedirs(os.path.join(work, "lo"), exist_ok=True)
sheet = 15  # 配置, counting 説明 as 1
subprocess.run(["soffice", "--headless", "--convert-to",
                f"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{sheet}",
                "--outdir", os.path.join(work, "lo"), os.path.join(work, "lo-in.xlsx")],
               env=env, capture_output=True, timeout=120)
seen = os.path.join(work, "lo", "lo-in-配置.csv")
expect(os.path.exists(seen), "LibreOffice converts the workbook's 配置 sheet to CSV")
if os.path.exists(seen):
    ours = open(os.path.join(work, "lo-sheets", "placements.csv"), encoding="utf-8-sig").read().replace("\r\n", "\n")
    theirs = open(seen, encoding="utf-8").read().replace("\r\n", "\n")
    expect(theirs.strip() == ours.strip(), "LibreOffice sees in 配置 what placements.csv holds")
os.makedirs(os.path.join(work, "lo-out"), exist_ok=True)
subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", os.path.join(work, "lo-out"),
                os.path.join(work, "lo-in.xlsx")], env=env, capture_output=True, timeout=120)
shutil.copy(os.path.join(work, "lo-out", "lo-in.xlsx"), os.path.join(work, "lo-written.xlsx"))
r = run("import", "lo-written.xlsx", "-o", "lo.json")
expect(r.returncode == 0, "a workbook LibreOffice wrote imports: " + r.stderr)
if r.returncode == 0:
    expect(json.load(open(os.path.join(work, "lo.json"), encoding="utf-8")) ==
           json.load(open(os.path.join(repo, "data/yamaguchi-r6.json"), encoding="utf-8")),
           "the workbook LibreOffice wrote gives the built-in dataset back")

# template --from: the same workbook as export, to be changed where next year changed.
r = run("template", "from.xlsx", "--from", os.path.join(repo, "data/yokohama-r6.json"))
expect(r.returncode == 0, "template --from exits 0: " + r.stderr)
fw = openpyxl.load_workbook(os.path.join(work, "from.xlsx"))
expect(fw["市区町村"].max_row == 19, "template --from fills 市区町村 with Yokohama's 18 wards")
expect(fw["表の列"]["A2"].value == "拠点設置区", "and describes its table's columns")

# The template workbook imports as it is (its example rows name each other).
r = run("template", "tpl.xlsx")
expect(r.returncode == 0, "template BOOK.xlsx exits 0: " + r.stderr)
r = run("import", "tpl.xlsx")
expect(r.returncode == 0, "the template workbook imports: " + r.stderr)

if problems:
    print(f"check_workbook: {len(problems)} problem(s)")
    sys.exit(1)
print("check_workbook: ok")
