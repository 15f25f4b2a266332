"""Extraction cost as a ratio to Markup's bare parse of the same bytes, per framework and on the real EU draft.

The headline is throughput: the bytes of all shipped documents over the time to extract them, against the
same bytes over the time to parse them bare. Per document the ratio also carries the fixed cost of each
statement (flattening, locator, label, the statement's strings), which weighs most in small documents
that parse fast, so the script reports that cost too.
"""
import glob
import json
import os
import statistics
import subprocess
import sys

AIM = 1.5

bench, frameworks = sys.argv[1], sys.argv[2]
rows = []
jobs = [(os.path.basename(os.path.normpath(path)), path, None) for path in sorted(glob.glob(f"{frameworks}/*/"))]
if not jobs:
    sys.exit(f"extract_ratios.py: no framework folders under {frameworks}/; pass the folder that holds them")
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
for name, _, source in jobs:
    result = sorted(runs[name], key=lambda run: run["ratio"])[ROUNDS // 2]
    result["framework"] = name
    result["shipped"] = source is None
    rows.append(result)


def throughput(selected):
    size = sum(row["bytes"] for row in selected)
    parse = sum(row["parseSeconds"] for row in selected)
    extract = sum(row["extractSeconds"] for row in selected)
    return {
        "documents": len(selected),
        "bytes": int(size),
        "parseMBPerSecond": round(size / parse / 1e6, 2),
        "extractMBPerSecond": round(size / extract / 1e6, 2),
        "ratio": round(extract / parse, 3),
    }


shipped = [row for row in rows if row["shipped"]]
ratios = [row["ratio"] for row in rows]
corpus = throughput(shipped)
report = {
    "benchmark": "extraction cost / bare parse",
    "aim": AIM,
    "throughput": corpus,
    "throughputAimMet": corpus["ratio"] <= AIM,
    "perFramework": {row["framework"]: round(row["ratio"], 3) for row in rows},
    # Extraction's own time per statement, beyond the parse: the same order of work whatever the format.
    "microsecondsPerStatement": {
        row["framework"]: round((row["extractSeconds"] - row["parseSeconds"]) / max(row["statements"], 1) * 1e6, 2)
        for row in rows
    },
    "median": round(statistics.median(ratios), 3),
    "max": round(max(ratios), 3),
    "documentsWithinAim": sum(1 for ratio in ratios if ratio <= AIM),
    "documents": len(ratios),
}
if len(shipped) < len(rows):
    report["throughputWithRealDraft"] = throughput(rows)
print(json.dumps(report, indent=2))
