"""A local HTTP server with every kind of answer a link can give; no test of the link checker goes further."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LinkServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests = []  # (path, start time)
        self.in_flight = 0
        self.most_in_flight = 0
        self.busy_left = {}
        self.lock = threading.Lock()

    @property
    def base(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path):
        return self.base + path


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        server = self.server
        with server.lock:
            server.requests.append((self.path, time.monotonic()))
            server.in_flight += 1
            server.most_in_flight = max(server.most_in_flight, server.in_flight)
        try:
            self.answer(self.path.split("?")[0])
        except (BrokenPipeError, ConnectionResetError):
            pass  # the checker gave up waiting, as it should
        finally:
            with server.lock:
                server.in_flight -= 1

    def answer(self, path):
        if path.startswith("/ok"):
            self.reply(200)
        elif path == "/moved":
            self.reply(301, location="/ok")
        elif path == "/missing":
            self.reply(404)
        elif path == "/removed":
            self.reply(410)
        elif path == "/hang":
            time.sleep(3)
            self.reply(200)
        elif path == "/slow":
            time.sleep(0.3)
            self.reply(200)
        elif path == "/loop":
            self.reply(302, location="/loop")
        elif path == "/busy-once":
            with self.server.lock:
                left = self.server.busy_left.setdefault(path, 1)
                self.server.busy_left[path] = left - 1
            self.reply(503 if left > 0 else 200)
        elif path == "/error":
            self.reply(500)
        else:
            self.reply(404)

    def reply(self, code, location=None):
        body = b"<!doctype html><title>t</title>"
        self.send_response(code)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def start():
    server = LinkServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


def stop(server):
    server.shutdown()
    server.server_close()
