"""Extraction at a user's scale: seconds per 1,000 documents, against Markup's bare parse of the same bytes.

`evscan-bench user-scan` extracts the shipped frameworks and the real documents of ../shared/corpus (when
present) in turn until 1,000 documents are done, each with its recipe compiled afresh, and parses the same
sequence bare. This runs it in three processes and keeps the median, for the whole mix and for the shipped
frameworks alone. CPU seconds of the thread are the headline: on a shared machine wall time also counts
the time other processes had the core.
"""
import json
import statistics
import subprocess
import sys

bench = sys.argv[1]
ROUNDS = 3
KEYS = ["extractCPUSecondsPer1000", "parseCPUSecondsPer1000", "extractSecondsPer1000", "parseSecondsPer1000"]


def measure(extra):
    runs = []
    for _ in range(ROUNDS):
        command = [bench, "user-scan", "--count", "1000", "--rounds", "1"] + extra
        runs.append(json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout))
    summary = {key: round(statistics.median(run[key] for run in runs), 2) for key in KEYS}
    summary["ratioToParse"] = round(summary["extractCPUSecondsPer1000"] / summary["parseCPUSecondsPer1000"], 2)
    summary["distinctDocuments"] = int(runs[0]["distinctDocuments"])
    summary["megabytesPer1000"] = round(runs[0]["megabytes"], 1)
    summary["statementsPer1000"] = int(runs[0]["statements"])
    return summary


print(json.dumps({
    "benchmark": "extraction of 1,000 documents, seconds (median of three processes)",
    "shippedAndCorpus": measure([]),
    "shippedOnly": measure(["--corpus", "/nonexistent"]),
}, indent=2))
