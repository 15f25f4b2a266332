#!/usr/bin/env python3
"""Times `evscan scan` of the shipped frameworks by stage, an unchanged re-run, and `evscan site`.

Works on a copy of the project under bench-results/, so output/ is never touched. Every figure is the
median of --rounds runs, in wall-clock milliseconds of the whole process unless it is a stage.
Usage: scan_stages.py EVSCAN [--rounds N]
"""
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def run(command, cwd):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = (time.perf_counter() - start) * 1000
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr}")
    return elapsed, result


def main():
    evscan = str(Path(sys.argv[1]).resolve())
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 7
    root = Path(__file__).resolve().parents[2]
    project = root / "bench-results" / "scan-project"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    for part in ["frameworks", "taxonomy", "models", "config", "decisions", "output"]:
        shutil.copytree(root / part, project / part)
    scan = [evscan, "scan", "--stand-in", "--quiet", "--cache", str(project / "cache")]

    run(scan + ["--force"], project)  # fills the extraction cache, as a user's second scan finds it
    totals, stages = [], {}
    for _ in range(rounds):
        elapsed, result = run(scan + ["--force", "--timings"], project)
        totals.append(elapsed)
        for line in result.stderr.splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[0] == "timing":
                stages.setdefault(parts[1], []).append(float(parts[2]))
    unchanged = [run(scan, project)[0] for _ in range(rounds)]
    site = [
        run([evscan, "site", "--quiet", "--snapshot", str(project / "output"), "--output", str(project / "site")],
            project)[0]
        for _ in range(rounds)
    ]
    report = {
        "rounds": rounds,
        "full_scan_ms": round(statistics.median(totals), 1),
        "full_scan_ms_min": round(min(totals), 1),
        "stages_ms": {name: round(statistics.median(values), 1) for name, values in stages.items()},
        "unchanged_scan_ms": round(statistics.median(unchanged), 1),
        "unchanged_scan_ms_max": round(max(unchanged), 1),
        "site_ms": round(statistics.median(site), 1),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
