"""Load benchmark for the HTTP service: N concurrent clients on loopback against /api/ask.

    python -m bench.load [--clients 1,10,100] [--requests 2000] [--seconds 60]

Starts `devicebot serve` in its own process on 127.0.0.1 (a free port, the rate limit raised for
the run), drives it with aiohttp clients, and checks every answer against the engine's own
answer to the same question: a lost, failed or different answer is counted, never hidden. Bounded in
requests and in time; stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import aiohttp

from bot import bundle
from bot.service import Service
from bot.store import Store

QUESTIONS = [
    "Is the Xiaomi 14 sold in the US?",
    "will my redmi note 13 pro work on verizon",
    "SM-S921U on T-Mobile?",
    "does the pixel 9 work in japan",
    "can I use a Xiaomi Mi 4 on T-Mobile",
    "iphone 16 on jio",
    "will a poco f6 work on mint mobile",
    "pixle 8 on tmo",
    "what bands does the galaxy s24 have",
    "is the pixel 11 out in the uk",
]


@dataclass
class Result:
    clients: int
    sent: int
    ok: int
    wrong: int
    failed: int
    seconds: float
    latencies: list[float]

    def row(self) -> str:
        lat = sorted(self.latencies) or [0.0]
        p50 = statistics.median(lat) * 1000
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000
        return (
            f"| {self.clients} | {self.sent} | {self.ok} | {self.wrong} | {self.failed} | "
            f"{self.sent / self.seconds:,.0f} | {p50:.1f} | {p99:.1f} |"
        )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def wait_healthy(session: aiohttp.ClientSession, base: str, tries: int) -> None:
    """Until the service at `base` answers /healthz with 200 (it is starting), at most `tries` times."""
    for _ in range(tries):
        try:
            async with session.get(f"{base}/healthz") as response:
                if response.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.1)


async def _drive(base: str, clients: int, requests: int, seconds: float, expected: dict[str, str | None]) -> Result:
    latencies: list[float] = []
    counts = {"sent": 0, "ok": 0, "wrong": 0, "failed": 0}
    deadline = time.monotonic() + seconds
    next_index = 0

    async def client(session: aiohttp.ClientSession) -> None:
        nonlocal next_index
        while next_index < requests and time.monotonic() < deadline:
            question = QUESTIONS[next_index % len(QUESTIONS)]
            next_index += 1
            counts["sent"] += 1
            started = time.perf_counter()
            try:
                async with session.get(f"{base}/api/ask", params={"q": question}) as response:
                    body = await response.json()
                    latencies.append(time.perf_counter() - started)
                    device = (body.get("device") or {}).get("id")
                    if response.status != 200:
                        counts["failed"] += 1
                    elif device != expected[question]:
                        counts["wrong"] += 1
                    else:
                        counts["ok"] += 1
            except (TimeoutError, aiohttp.ClientError):
                counts["failed"] += 1

    timeout = aiohttp.ClientTimeout(total=30)
    connector = aiohttp.TCPConnector(limit=clients)
    started = time.perf_counter()
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        await asyncio.gather(*(client(session) for _ in range(clients)))
    return Result(
        clients,
        counts["sent"],
        counts["ok"],
        counts["wrong"],
        counts["failed"],
        time.perf_counter() - started,
        latencies,
    )


async def main_async(client_counts: list[int], requests: int, seconds: float) -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "kb.db"
        service = Service(Store.open(db, seed=bundle.shipped_knowledge_dir()))
        expected = {q: service.ask(q).device for q in QUESTIONS}
        port = _free_port()
        # The server runs in its own process, as `devicebot serve` does, so clients and server do
        # not share one Python thread.
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bot",
                "--db",
                str(db),
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--rate",
                "1000000000",
                "--per",
                "1",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            async with aiohttp.ClientSession() as session:
                await wait_healthy(session, base, tries=200)
            return [await _drive(base, n, requests, seconds, expected) for n in client_counts]
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", default="1,10,100")
    parser.add_argument("--requests", type=int, default=2000, help="requests per client count")
    parser.add_argument("--seconds", type=float, default=60.0, help="time limit per client count")
    args = parser.parse_args()
    counts = [int(c) for c in args.clients.split(",")]
    results = asyncio.run(main_async(counts, args.requests, args.seconds))
    print(
        f"Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; server and clients in two processes on loopback."
    )
    print("| clients | requests | correct | wrong | failed | requests/s | p50 ms | p99 ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(r.row())
    if any(r.wrong or r.failed or r.ok != r.sent for r in results):
        raise SystemExit("some requests failed or were answered differently")


if __name__ == "__main__":
    main()
