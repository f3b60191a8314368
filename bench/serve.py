"""Load benchmark of `factcheck serve` on this machine's loopback interface; prints the figures.

    python bench/serve.py

The article is the seed in seeds/ (about 3 KB), posted to /api/v1/check as JSON. It prints:
  - latency p50 and p95 with one client, one request at a time, after warm-up (one server process);
  - requests per second with `--workers 2` and 16 concurrent clients;
  - the server's resident memory after warm-up and after 10,000 requests (one server process, 16
    concurrent clients), and the growth between them.
Every server binds 127.0.0.1 only and is stopped at the end; every request has a timeout, and the run
is bounded by its request counts (about a minute on 2 cores). Not a timed test: the figures go into
docs/performance.md.
"""
from __future__ import annotations

import asyncio
import json
import os
import re
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from serving import running_server  # noqa: E402  (the tests' helper: a server on a free port of 127.0.0.1)

ARTICLE = {"text": next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8"), "published": "2021-12-05"}
WARM_UP = 200
LATENCY_REQUESTS = 1_000
THROUGHPUT_REQUESTS = 4_000
MEMORY_REQUESTS = 10_000
CLIENTS = 16
TIMEOUT = 30.0


@contextmanager
def server(workers: int):
    """The port and process of `factcheck serve` with `workers` processes, stopped on leaving."""
    with tempfile.TemporaryDirectory() as folder, running_server(Path(folder) / "serve.log", "--workers",
                                                                 str(workers)) as (url, process):
        yield int(url.rsplit(":", 1)[1]), process


class Client:
    """One keep-alive HTTP/1.1 connection posting the article: a few lines of asyncio, so that the load
    generator takes little of the CPU the server shares with it."""

    def __init__(self, port: int):
        body = json.dumps(ARTICLE).encode()
        self.port, self.request = port, (f"POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                                         f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
                                         ).encode() + body

    async def __aenter__(self):
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        return self

    async def __aexit__(self, *_):
        self.writer.close()

    async def post(self) -> None:
        self.writer.write(self.request)
        head = await asyncio.wait_for(self.reader.readuntil(b"\r\n\r\n"), TIMEOUT)
        length = int(re.search(rb"(?i)content-length: *(\d+)", head)[1])
        await self.reader.readexactly(length)
        if not head.startswith(b"HTTP/1.1 200"):
            raise SystemExit(f"the server answered {head.splitlines()[0].decode()}")


async def _latency(port: int) -> tuple[float, float]:
    async with Client(port) as client:
        for _ in range(WARM_UP):
            await client.post()
        times = []
        for _ in range(LATENCY_REQUESTS):
            start = time.perf_counter()
            await client.post()
            times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times) * 1e3, times[int(0.95 * (len(times) - 1))] * 1e3


def latency(port: int) -> tuple[float, float]:
    """p50 and p95 in milliseconds, one request at a time."""
    return asyncio.run(_latency(port))


async def _load(port: int, requests: int) -> float:
    remaining = requests

    async def one_client():
        nonlocal remaining
        async with Client(port) as client:
            while remaining > 0:
                remaining -= 1
                await client.post()

    start = time.perf_counter()
    await asyncio.gather(*(one_client() for _ in range(CLIENTS)))
    return time.perf_counter() - start


def load(port: int, requests: int) -> float:
    """Seconds taken by `requests` requests from CLIENTS concurrent clients."""
    return asyncio.run(_load(port, requests))


def resident_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        kb = next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))
    return kb / 1024


def main() -> None:
    print(f"factcheck serve benchmark: a {len(ARTICLE['text'].encode()):,}-byte article; Python "
          f"{sys.version.split()[0]}, {os.cpu_count()} cores\n")
    with server(1) as (port, _):
        p50, p95 = latency(port)
    print(f"latency, one client, one server process: p50 {p50:.2f} ms, p95 {p95:.2f} ms "
          f"({LATENCY_REQUESTS:,} requests after {WARM_UP} to warm up)")
    with server(2) as (port, _):
        load(port, WARM_UP * 2)
        seconds = load(port, THROUGHPUT_REQUESTS)
    print(f"throughput, --workers 2, {CLIENTS} concurrent clients: {THROUGHPUT_REQUESTS / seconds:.0f} requests/s "
          f"({THROUGHPUT_REQUESTS:,} requests in {seconds:.1f} s)")
    with server(1) as (port, process):
        load(port, WARM_UP * 5)
        warm = resident_mb(process.pid)
        load(port, MEMORY_REQUESTS)
        after = resident_mb(process.pid)
    print(f"memory, one server process: {warm:.1f} MB after {WARM_UP * 5:,} requests to warm up, {after:.1f} MB "
          f"after {MEMORY_REQUESTS:,} more ({after - warm:+.1f} MB)")


if __name__ == "__main__":
    main()
