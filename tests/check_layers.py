#!/usr/bin/env python3
"""The folders of src/ follow the pipeline, and a folder includes only folders to its left:
base -> json -> model -> formats -> query -> diff -> report | diagram -> explorer -> cli
(report and diagram are siblings: neither includes the other). Exits 1 naming each include
that points the wrong way, or a folder that is not in the list."""
import pathlib
import re
import sys

ORDER = ["base", "json", "model", "formats", "query", "diff", "report", "diagram", "explorer", "cli"]
RANK = {name: i for i, name in enumerate(ORDER)}
SIBLINGS = {("report", "diagram"), ("diagram", "report")}

src = pathlib.Path(sys.argv[1]) / "src"
problems = []
for path in sorted(src.rglob("*")):
    if not path.is_file() or path.suffix not in (".cc", ".h", ".inc"):
        continue
    folder = path.relative_to(src).parts[0]
    if folder not in RANK:
        problems.append(f"{path}: src/{folder}/ is not one of the layers {ORDER}")
        continue
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
        if not m:
            continue
        target = m.group(1).split("/")[0]
        if "/" not in m.group(1):
            problems.append(f"{path}:{n}: include \"{m.group(1)}\" names no folder")
        elif target not in RANK:
            problems.append(f"{path}:{n}: include \"{m.group(1)}\" is in no layer")
        elif RANK[target] > RANK[folder] or (folder, target) in SIBLINGS:
            problems.append(f"{path}:{n}: {folder}/ includes {m.group(1)}, a layer to its right")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
