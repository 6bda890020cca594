"""Requests over loopback: gunicorn serving the portal, wrk (from Debian) sending the load.

wrk runs for a fixed time and reports latency percentiles through a small Lua
script that also cycles through the scenario's URLs. Every process started
here is stopped again, also when the benchmark is interrupted.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

READ_PATHS = """
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
"""
REPORT = """
done = function(summary, latency, requests)
    io.write(string.format(
        '\\nBENCH {"requests": %d, "duration_us": %d, "non_2xx": %d, "socket_errors": %d, '
        .. '"p50_us": %d, "p95_us": %d, "p99_us": %d, "mean_us": %.1f, "max_us": %d}\\n',
        summary.requests, summary.duration, summary.errors.status,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
        latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, latency.max))
end
"""
# Each thread cycles through the scenario's URLs.
WRK_SCRIPT = (
    READ_PATHS
    + """
local counter = 0
request = function()
    counter = counter % #paths + 1
    return wrk.format("GET", paths[counter])
end
"""
    + REPORT
)
# Distinct URLs under concurrency: each wrk thread takes every n-th URL from its own offset, so no URL is
# requested twice until the list runs out (and the page cache cannot answer).
DISTINCT_SCRIPT = (
    READ_PATHS
    + """
local created = 0
setup = function(thread)
    thread:set("offset", created)
    created = created + 1
end
local counter, step
init = function(args)
    counter = tonumber(offset)
    step = tonumber(os.getenv("BENCH_THREADS"))
end
request = function()
    local path = paths[counter % #paths + 1]
    counter = counter + step
    return wrk.format("GET", path)
end
"""
    + REPORT
)


def wrk_available():
    return shutil.which("wrk") is not None


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """gunicorn on a free loopback port with the benchmark settings, as a context manager."""

    def __init__(self, workers, threads, log_path, page_cache, worker_class="gthread"):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
        if not page_cache:
            self.env["PAGE_CACHE_SECONDS"] = "0"
        self.command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "portal.wsgi:application",
            f"--bind=127.0.0.1:{self.port}",
            f"--workers={workers}",
            f"--threads={threads}",
            f"--worker-class={worker_class}",
            "--keep-alive=30",
            "--graceful-timeout=5",
            "--log-level=warning",
        ]
        self.process = None

    def __enter__(self):
        self.log = open(self.log_path, "a")  # noqa: SIM115 - closed in __exit__
        self.process = subprocess.Popen(  # noqa: S603 - our own fixed command
            self.command, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log_path}")
            try:
                urllib.request.urlopen(f"{self.base}/fi/", timeout=5)  # noqa: S310 - loopback
                return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.3)
        self.__exit__(None, None, None)
        raise RuntimeError(f"gunicorn did not answer within a minute; see {self.log_path}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()

    def get(self, path):
        """One request; returns (status, headers)."""
        try:
            with urllib.request.urlopen(f"{self.base}{path}", timeout=30) as response:  # noqa: S310 - loopback
                response.read()
                return response.status, dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers)


def run_wrk(base, paths, seconds, connections, threads=1, script=WRK_SCRIPT):
    """Load ``paths`` in turn for ``seconds``; returns requests/s and latency percentiles in ms."""
    with tempfile.TemporaryDirectory() as directory:
        script_path = Path(directory, "paths.lua")
        script_path.write_text(script)
        listing = Path(directory, "paths.txt")
        listing.write_text("\n".join(paths) + "\n")
        command = [
            "wrk",
            f"--threads={threads}",
            f"--connections={connections}",
            f"--duration={seconds}s",
            "--timeout=10s",
            f"--script={script_path}",
            base,
        ]
        completed = subprocess.run(  # noqa: S603 - fixed command
            command,
            env={**os.environ, "BENCH_PATHS": str(listing), "BENCH_THREADS": str(threads)},
            capture_output=True,
            text=True,
            timeout=seconds + 30,
            check=True,
        )
    line = next(line for line in completed.stdout.splitlines() if line.startswith("BENCH "))
    raw = json.loads(line.removeprefix("BENCH "))
    duration = raw["duration_us"] / 1e6
    return {
        "n": raw["requests"],
        "rps": round(raw["requests"] / duration, 1) if duration else 0.0,
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p95_ms": round(raw["p95_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "mean_ms": round(raw["mean_us"] / 1000, 2),
        "max_ms": round(raw["max_us"] / 1000, 2),
        "non_2xx": raw["non_2xx"],
        "socket_errors": raw["socket_errors"],
        "connections": connections,
    }
