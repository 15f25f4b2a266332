"""PDF extraction, measured on NIST AI 600-1 against peers on the same machine in the same run.

- Speed: evscan's whole PDF extraction (`evscan extract` on a framework folder whose document is the
  PDF: conversion, layout rebuild, recipe) against `pdftotext` of the same file, as pages per second
  and as a ratio; and pdfplumber's table extraction of the action tables (a Python peer).
- Accuracy: each tool's suggested actions against a reference read from the PDF's own tag structure
  (`pdfinfo -struct-text`: the document's logical table rows, TR/TD, written by its authoring tool),
  which shares no code with either tool's geometry. An action is right when its label and its text
  equal the reference's after white space is collapsed and ligatures are unfolded.

Usage: pdf_extraction.py EVSCAN FRAMEWORK_DIR PDF [--rounds N]
FRAMEWORK_DIR is a framework folder whose active document is PDF (for nist-2024: after
`evscan fetch --from ../shared/corpus`).
"""
import argparse
import json
import re
import subprocess
import sys
import time

ID = re.compile(r"^([A-Z]{2})-?(\d+\.\d+)-+(\d{3})")
SUBCATEGORY = re.compile(r"^(GOVERN|MAP|MEASURE|MANAGE) \d")
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}


def tidy(text):
    for ligature, letters in LIGATURES.items():
        text = text.replace(ligature, letters)
    # The tag structure sets a space before some punctuation ("database , AVID"); neither counts.
    return re.sub(r"\s+([,.;:)])", r"\1", re.sub(r"\(\s+", "(", " ".join(text.split())))


def label(text):
    match = ID.match(text.strip())
    return "%s-%s-%s" % match.groups() if match else None


def best_time(command, rounds):
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def reference(pdf):
    """Action rows from the tag structure: a TR whose first TD holds an Action ID."""
    out = subprocess.run(["pdfinfo", "-struct-text", pdf], check=True, capture_output=True, text=True).stdout
    rows, row, cell = [], None, None
    for line in out.splitlines():
        stripped = line.strip()
        if stripped == "TR":
            row = []
            rows.append(row)
        elif stripped == "TD" and row is not None:
            cell = []
            row.append(cell)
        elif stripped.startswith('"') and cell is not None:
            cell.append(stripped[1:-1])
        elif stripped and not stripped.startswith(('"', "P (", "Span", "TD", "TR")) and not line.startswith(" " * 8):
            row, cell = None, None
    actions = {}
    for cells in rows:
        texts = [tidy(" ".join(c)) for c in cells]
        if len(texts) >= 2 and label(texts[0]):
            actions[label(texts[0])] = {"text": texts[1], "risks": texts[2] if len(texts) > 2 else ""}
    return actions


def evscan_actions(evscan, framework):
    out = subprocess.run([evscan, "extract", framework, "--format", "jsonl"], check=True, capture_output=True,
                         text=True).stdout
    actions = {}
    for line in out.splitlines():
        statement = json.loads(line)
        actions[statement.get("label")] = {
            "text": tidy(statement["text"]), "risks": tidy(statement.get("fields", {}).get("risks", ""))}
    return actions


def pdfplumber_actions(pdf):
    import pdfplumber

    rows = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            for table in page.extract_tables():
                for raw in table:
                    cells = [tidy(c or "") for c in raw]
                    if not cells:
                        continue
                    found = label(cells[0])
                    rest = [c for c in cells[1:] if c and not SUBCATEGORY.match(c)]
                    if found:
                        rows.append([found] + rest)
                    elif rows and not cells[0] and rest:
                        # A row that runs on from the previous page: its cells continue the last row's.
                        for index, text in enumerate(rest, 1):
                            if index < len(rows[-1]):
                                rows[-1][index] = tidy(rows[-1][index] + " " + text)
    return {row[0]: {"text": row[1] if len(row) > 1 else "", "risks": row[2] if len(row) > 2 else ""}
            for row in rows}


def score(actions, truth):
    exact = sum(1 for key, value in truth.items() if key in actions and actions[key]["text"] == value["text"])
    risks = sum(1 for key, value in truth.items() if key in actions and actions[key]["risks"] == value["risks"])
    return {"found": sum(1 for key in truth if key in actions), "textExact": exact, "risksExact": risks,
            "extra": sorted(key for key in actions if key not in truth)[:10]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("evscan")
    parser.add_argument("framework")
    parser.add_argument("pdf")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", args.pdf], check=True, capture_output=True, text=True).stdout).group(1))

    truth = reference(args.pdf)
    ours = best_time([args.evscan, "extract", args.framework, "--format", "jsonl"], args.rounds)
    pdftotext = best_time(["pdftotext", args.pdf, "/dev/null"], args.rounds)
    result = {
        "benchmark": "pdf-extraction", "document": args.pdf, "pages": pages, "referenceActions": len(truth),
        "evscanSeconds": round(ours, 3), "pdftotextSeconds": round(pdftotext, 3),
        "evscanPagesPerSecond": round(pages / ours, 1), "pdftotextPagesPerSecond": round(pages / pdftotext, 1),
        "ratioEvscanToPdftotext": round(ours / pdftotext, 2),
        "evscan": score(evscan_actions(args.evscan, args.framework), truth),
    }
    try:
        start = time.perf_counter()
        plumber = pdfplumber_actions(args.pdf)
        seconds = time.perf_counter() - start
        result["pdfplumberSeconds"] = round(seconds, 2)
        result["ratioEvscanToPdfplumber"] = round(ours / seconds, 3)
        result["pdfplumber"] = score(plumber, truth)
    except ImportError:
        print("pdf_extraction: pdfplumber is not installed; its figures are left out", file=sys.stderr)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
