"""Extraction cost as a ratio to Markup's bare parse of the same bytes, per framework and on the real EU draft."""
import glob
import json
import os
import statistics
import subprocess
import sys

bench, frameworks = sys.argv[1], sys.argv[2]
rows = []
jobs = [(os.path.basename(os.path.normpath(path)), path, None) for path in sorted(glob.glob(f"{frameworks}/*/"))]
real = "../shared/corpus/eu-gpai-code-of-practice-draft3.html"
if os.path.exists(real):
    jobs.append(("eu-real-draft", f"{frameworks}/eu-ai-office-2025", real))
# Each framework is measured in three processes, taken in turn, and the median run kept: one run on a
# shared machine can be off by a tenth either way.
ROUNDS = 3
runs = {name: [] for name, _, _ in jobs}
for _ in range(ROUNDS):
    for name, directory, source in jobs:
        command = [bench, "extract", directory, "--repeats", "30"] + (["--source", source] if source else [])
        runs[name].append(json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout))
for name, _, _ in jobs:
    result = sorted(runs[name], key=lambda run: run["ratio"])[ROUNDS // 2]
    result["framework"] = name
    rows.append(result)
ratios = [row["ratio"] for row in rows]
total_parse = sum(row["parseSeconds"] for row in rows)
total_extract = sum(row["extractSeconds"] for row in rows)
print(json.dumps({
    "benchmark": "extraction cost / bare parse",
    "perFramework": {row["framework"]: round(row["ratio"], 3) for row in rows},
    "median": round(statistics.median(ratios), 3),
    "max": round(max(ratios), 3),
    "overall": round(total_extract / total_parse, 3),
    "documentsAtMost1.5": sum(1 for ratio in ratios if ratio <= 1.5),
    "documents": len(ratios),
}, indent=2))
