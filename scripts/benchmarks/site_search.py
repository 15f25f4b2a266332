#!/usr/bin/env python3
"""Opens a generated site's search page in headless Chromium (through chromedriver's WebDriver HTTP API)
and times its answers: the time the page's own search function takes for each query (performance.now()
around the filtering and the rendering of the result list, kept in window.evscanLastSearchMs) and the time
until the index has loaded. Usage: site_search.py SITE_FOLDER
"""
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    site = Path(sys.argv[1]).resolve()
    port = free_port()
    driver = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"

    def call(method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=600) as response:
            return json.load(response)["value"]

    try:
        for _ in range(600):
            try:
                if call("GET", "/status")["ready"]:
                    break
            except OSError:
                time.sleep(0.1)
        args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        session = call("POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {"args": args}}}})
        sid = session["sessionId"]
        start = time.perf_counter()
        call("POST", f"/session/{sid}/url", {"url": (site / "search.html").as_uri()})
        while not call("POST", f"/session/{sid}/execute/sync", {"script": "return window.evscanReady === true;", "args": []}):
            time.sleep(0.05)
        loaded = time.perf_counter() - start
        count = call("POST", f"/session/{sid}/execute/sync", {"script": "return window.EVSCAN_META.count;", "args": []})
        queries = ["red team", "model", "incident reporting", "kabo", "zzzz-no-match", "documentation",
                   "access control", "a", "risk management framework", "third party"]
        script = """
          var form = document.getElementById('search-form');
          form.q.value = arguments[0];
          form.category.value = arguments[1];
          form.dispatchEvent(new Event('input'));
          return [window.evscanLastSearchMs, Number(document.getElementById('status').getAttribute('data-found'))];
        """
        timings = []
        for round_ in range(3):
            for query in queries:
                for category in ["", "3"]:
                    ms, found = call("POST", f"/session/{sid}/execute/sync",
                                     {"script": script, "args": [query, category]})
                    if round_ > 0:
                        timings.append(ms)
        call("DELETE", f"/session/{sid}")
        print(json.dumps({
            "mitigations": count, "index_load_seconds": round(loaded, 2), "searches": len(timings),
            "search_ms_median": round(statistics.median(timings), 1), "search_ms_max": round(max(timings), 1),
        }, indent=2))
    finally:
        driver.terminate()
        driver.wait(timeout=30)


if __name__ == "__main__":
    main()
