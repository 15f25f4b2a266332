#!/usr/bin/env python3
"""A small HTTP server for the fetch tests, on 127.0.0.1 only: it serves the files of one folder and
answers with the failures a real server can give (redirects, error statuses, HTML instead of a PDF,
a connection dropped half-way, a body over a size limit, a stall). It prints "PORT <n>" once it
listens, then serves until its standard input closes (the test ends, or dies) or it is killed. No test
reaches outside the machine.

Paths:
  /files/<name>            the file <name> of the folder given as the first argument
  /redirect/<n>/<path>     a 302 chain of n hops ending at /<path>
  /loop                    a 302 to itself, forever
  /status/<code>           an empty answer with that status
  /html                    a 200 with an HTML page (what a login or cookie wall sends)
  /truncated               Content-Length 100000, 5000 bytes sent, then the connection is closed
  /large/<bytes>           a PDF-looking body of that many bytes, with Content-Length
  /unannounced/<bytes>     the same without Content-Length (the end is the connection's close)
  /stall                   the status line and headers, then nothing for 60 seconds
"""
import http.server
import os
import signal
import sys
import threading
import time


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def send_body(self, status, body, content_type, length=True):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        parts = self.path.lstrip("/").split("/")
        kind = parts[0]
        if kind == "files":
            root = os.path.realpath(sys.argv[1])
            path = os.path.realpath(os.path.join(root, *parts[1:]))
            if not path.startswith(root + os.sep) or not os.path.isfile(path):
                return self.send_body(404, b"not found", "text/plain")
            with open(path, "rb") as handle:
                body = handle.read()
            kind = "application/pdf" if path.endswith(".pdf") else "text/html; charset=utf-8"
            return self.send_body(200, body, kind)
        if kind == "redirect":
            hops = int(parts[1])
            rest = "/".join(parts[2:])
            return self.redirect("/" + rest if hops <= 1 else "/redirect/%d/%s" % (hops - 1, rest))
        if kind == "loop":
            return self.redirect("/loop")
        if kind == "status":
            return self.send_body(int(parts[1]), b"", "text/plain")
        if kind == "html":
            page = b"<!DOCTYPE html><html><head><title>Please sign in</title></head><body>Sign in</body></html>"
            return self.send_body(200, page, "text/html; charset=utf-8")
        if kind == "truncated":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"%PDF-1.7\n" + b"x" * 4991)
            self.wfile.flush()
            self.close_connection = True
            return
        if kind in ("large", "unannounced"):
            size = int(parts[1])
            body = b"%PDF-1.7\n" + b"x" * max(size - 9, 0)
            return self.send_body(200, body, "application/pdf", length=(kind == "large"))
        if kind == "stall":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.flush()
            time.sleep(60)
            return
        self.send_body(404, b"not found", "text/plain")


def exit_when_stdin_closes():
    sys.stdin.buffer.read()
    os._exit(0)


def main():
    # A parent that ignores SIGTERM passes that on through exec; restore the default.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
