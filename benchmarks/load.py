"""Load check of the web UI: N concurrent readers of story pages, and W writers adding articles, for D
seconds against a local server.

    .venv/bin/python benchmarks/load.py [--db FILE] [--clients 50] [--writers 0] [--duration 30]

The server runs in its own process (uvicorn, one worker, as ``storyline serve`` runs it) on a free loopback
port, over ``--db`` or, without it, a temporary store of the demo corpus; the clients run in this process
on one asyncio loop. Each reader fetches the story pages in turn as fast as answers come; each writer posts
one new article (``POST /api/articles``) after another. Prints, for reads and for writes, requests/s,
latency percentiles and errors (any answer other than 200/201, or a failed connection). Loopback only:
this is not a tool for loading someone else's server.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"

TOKEN = "load-test-token-for-writes"
SERVER_PROGRAM = f"""
import sys, uvicorn
from storyline.config import DEFAULT_SETTINGS
from storyline.server import create_app, uvicorn_options
from storyline.store import Store
with Store.open(sys.argv[1]) as store:
    app = create_app(store, {TOKEN!r})
    options = uvicorn_options(DEFAULT_SETTINGS.server)
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", **options)
"""
TOWNS = ("Velsund", "Oskel", "Tarsk", "Brisa", "Holmwick")


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def build_demo_store(folder: Path) -> Path:
    from storyline import pipeline

    path = folder / "demo.db"
    pipeline.analyze([DEMO], db=path)
    return path


def wait_until_up(base_url: str, server: subprocess.Popen[bytes], timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        try:
            if httpx.get(f"{base_url}/api/stories", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    raise SystemExit("the server did not answer in time")


async def client(base_url: str, paths: list[str], offset: int, stop_at: float, tally: Tally) -> None:
    # One connection per client, as a browser tab would keep; pages are read in turn from a different start.
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as session:
        number = offset
        while time.monotonic() < stop_at:
            path = paths[number % len(paths)]
            number += 1
            started = time.perf_counter()
            try:
                response = await session.get(path)
                await response.aread()
            except httpx.HTTPError as error:
                tally.errors.append(f"{path}: {type(error).__name__}")
                continue
            tally.latencies.append(time.perf_counter() - started)
            if response.status_code != 200:
                tally.errors.append(f"{path}: HTTP {response.status_code}")


def new_article(writer: int, number: int) -> dict[str, str]:
    town = TOWNS[number % len(TOWNS)]
    return {
        "title": f"Ferry strike in {town}, update {writer}-{number}",
        "outlet": f"Load Wire {writer}",
        "text": f"The port authority said on Monday that {number + 3} ships were stranded at {town}. "
        f"Union leader Ana Petrova told reporters that about {100 + 7 * number} workers had joined the "
        f"strike (writer {writer}, update {number}).\n",
    }


async def writer(base_url: str, number: int, stop_at: float, tally: Tally) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    async with httpx.AsyncClient(base_url=base_url, timeout=120, headers=headers) as session:
        sent = 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                response = await session.post("/api/articles", json=new_article(number, sent))
            except httpx.HTTPError as error:
                tally.errors.append(f"POST /api/articles: {type(error).__name__}")
                continue
            sent += 1
            tally.latencies.append(time.perf_counter() - started)
            if response.status_code not in (200, 201):
                tally.errors.append(f"POST /api/articles: HTTP {response.status_code}")


async def run_clients(
    base_url: str, paths: list[str], clients: int, writers: int, duration_s: float
) -> tuple[Tally, Tally, float]:
    reads, writes = Tally(), Tally()
    started = time.monotonic()
    stop_at = started + duration_s
    await asyncio.gather(
        *(client(base_url, paths, n, stop_at, reads) for n in range(clients)),
        *(writer(base_url, n, stop_at, writes) for n in range(writers)),
    )
    return reads, writes, time.monotonic() - started


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def report(kind: str, tally: Tally, elapsed_s: float) -> None:
    requests = len(tally.latencies) + sum(1 for error in tally.errors if "HTTP" not in error)
    print(f"{kind}: {requests} requests, {requests / elapsed_s:.1f}/s")
    if len(tally.latencies) >= 2:
        milliseconds = [latency * 1000 for latency in tally.latencies]
        print(
            f"latency ms: p50 {percentile(milliseconds, 0.5):.1f}, p95 {percentile(milliseconds, 0.95):.1f}, "
            f"max {max(milliseconds):.1f}"
        )
    print(f"errors: {len(tally.errors)}")
    for error in sorted(set(tally.errors))[:10]:
        print(f"  {error}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, help="store to serve (default: the demo corpus, analysed now)")
    parser.add_argument("--clients", type=int, default=50, help="readers")
    parser.add_argument("--writers", type=int, default=0)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="storyline-load-") as folder:
        db = options.db or build_demo_store(Path(folder))
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-c", SERVER_PROGRAM, str(db), str(port)])
        try:
            wait_until_up(base_url, server)
            stories = httpx.get(f"{base_url}/api/stories", params={"limit": 100}).json()["items"]
            paths = [f"/stories/{story['id']}" for story in stories] or ["/"]
            reads, writes, elapsed = asyncio.run(
                run_clients(base_url, paths, options.clients, options.writers, options.duration)
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"readers: {options.clients}, writers: {options.writers}, story pages: {len(paths)}, ", end="")
    print(f"duration: {elapsed:.1f} s")
    report("reads", reads, elapsed)
    if options.writers:
        report("writes", writes, elapsed)
    if reads.errors or writes.errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
