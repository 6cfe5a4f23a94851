"""Several processes on one knowledge file, as "past one machine" would run them, simulated here.

    python -m bench.cluster [--readers 3] [--edits 5] [--devices 0]

One SQLite file in WAL mode; `--readers` processes serve it over HTTP (`devicebot serve`, each
with its own index, as several bot processes by shard range or read-only replicas would); one
writer process (`devicebot kb import`) adds a phone at a time. For each edit it measures how long
until every reader answers with the new phone, and it keeps asking all the while: a failed or wrong
answer is counted. Bounded in edits and time; stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from .load import _free_port, wait_healthy

REPO = Path(__file__).resolve().parent.parent
QUESTION = "Is the Pixel 9 sold in the US?"


def _bot(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "bot", "--db", str(db), *args]


def _edit(db: Path, tmp: Path, n: int) -> float:
    """The writer: one new phone, imported by a process of its own; when it committed."""
    bundle = {
        "format": "devicebot-knowledge/1",
        "devices": [
            {
                "id": f"cluster-phone-{n}",
                "vendor": "google",
                "name": f"Clusterphone {n}",
                "source": "benchmark: bench/cluster.py",
                "variants": [{"id": f"cluster-phone-{n}-v", "market": "Global", "bands": {"lte": [1, 3, 7]}}],
            }
        ],
    }
    path = tmp / f"edit-{n}.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    subprocess.run(_bot(db, "kb", "import", str(path), "--actor", "bench"), cwd=REPO, check=True, capture_output=True)
    return time.perf_counter()


async def _ask(session: aiohttp.ClientSession, base: str, question: str) -> str | None:
    async with session.get(f"{base}/api/ask", params={"q": question}) as response:
        response.raise_for_status()
        body = await response.json()
        device: str | None = (body.get("device") or {}).get("id")
        return device


async def run(readers: int, edits: int, timeout: float) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "kb.db"
        subprocess.run(_bot(db, "kb", "stats"), cwd=REPO, check=True, capture_output=True)  # seeds it
        ports = [_free_port() for _ in range(readers)]
        servers = [
            subprocess.Popen(
                _bot(db, "serve", "--host", "127.0.0.1", "--port", str(p), "--rate", "1000000000", "--per", "1"),
                cwd=REPO,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for p in ports
        ]
        bases = [f"http://127.0.0.1:{p}" for p in ports]
        pickups: list[float] = []
        asked = failed = wrong = 0
        latencies: list[float] = []
        try:
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
                for base in bases:
                    await wait_healthy(session, base, tries=300)
                expected = await _ask(session, bases[0], QUESTION)
                for n in range(edits):
                    committed = await asyncio.to_thread(_edit, db, tmp, n)
                    waiting = set(bases)
                    deadline = committed + timeout
                    while waiting and time.perf_counter() < deadline:
                        for base in list(waiting) + bases:
                            started = time.perf_counter()
                            try:
                                if base in waiting:
                                    if await _ask(session, base, f"Clusterphone {n} bands") == f"cluster-phone-{n}":
                                        waiting.discard(base)
                                else:
                                    asked += 1
                                    wrong += await _ask(session, base, QUESTION) != expected
                                    latencies.append(time.perf_counter() - started)
                            except (aiohttp.ClientError, TimeoutError):
                                failed += 1
                        await asyncio.sleep(0.02)
                    if waiting:
                        failed += len(waiting)
                    pickups.append(time.perf_counter() - committed)
        finally:
            for s in servers:
                s.terminate()
            for s in servers:
                s.wait(timeout=30)
    latencies.sort()
    return {
        "readers": readers,
        "edits": edits,
        "pickup_s": pickups,
        "pickup_median_s": statistics.median(pickups) if pickups else None,
        "pickup_max_s": max(pickups, default=None),
        "answers_meanwhile": asked,
        "wrong": wrong,
        "failed": failed,
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000 if latencies else None,
        "max_ms": latencies[-1] * 1000 if latencies else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--readers", type=int, default=3)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds an edit may take to reach every reader")
    args = parser.parse_args()
    result = asyncio.run(run(args.readers, args.edits, args.timeout))
    print(json.dumps(result, indent=1))
    if result["failed"] or result["wrong"]:
        raise SystemExit("some answers failed, were wrong, or an edit never reached a reader")


if __name__ == "__main__":
    main()
