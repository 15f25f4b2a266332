"""Times two commands alternately (best of N rounds each) and reports their ratio as JSON."""
import argparse
import json
import shlex
import subprocess
import time

parser = argparse.ArgumentParser()
parser.add_argument("--ours", required=True)
parser.add_argument("--peer", required=True)
parser.add_argument("--rounds", type=int, default=5)
parser.add_argument("--label", default="benchmark")
args = parser.parse_args()

best = {"ours": float("inf"), "peer": float("inf")}
for _ in range(args.rounds):
    for name in ("ours", "peer"):
        command = getattr(args, name)
        start = time.perf_counter()
        subprocess.run(shlex.split(command), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best[name] = min(best[name], time.perf_counter() - start)
print(json.dumps({
    "benchmark": args.label,
    "ours": args.ours, "oursSeconds": round(best["ours"], 4),
    "peer": args.peer, "peerSeconds": round(best["peer"], 4),
    "ratioOursToPeer": round(best["ours"] / best["peer"], 3),
}, indent=2))
