"""Builds a large HTML file for the parse benchmark by repeating the body of real or stand-in documents."""
import glob
import os
import sys

target, megabytes = sys.argv[1], int(sys.argv[2])
sources = glob.glob("../shared/corpus/*.html") or sorted(glob.glob("frameworks/*/document.html"))
bodies = []
for path in sources:
    text = open(path, encoding="utf-8", errors="replace").read()
    start, end = text.find("<body"), text.rfind("</body>")
    if start >= 0 and end > start:
        bodies.append(text[text.find(">", start) + 1:end])
chunk = "\n".join(bodies)
with open(target, "w", encoding="utf-8") as out:
    out.write('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>parse benchmark</title></head><body>\n')
    written = 0
    while written < megabytes * 1_000_000:
        out.write("<div class=\"copy\">\n")
        out.write(chunk)
        out.write("\n</div>\n")
        written += len(chunk.encode("utf-8"))
    out.write("</body></html>\n")
print(f"wrote {target}: {os.path.getsize(target)} bytes from {len(sources)} documents", file=sys.stderr)
