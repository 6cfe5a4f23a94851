"""How long answers stall while the knowledge is reloaded after an outside edit.

Another connection (as `devicebot kb import` or the Discord bot would) changes one entry; the
service notices (`PRAGMA data_version`) and replaces its index, while a loop on the event loop keeps
asking questions. Measured three ways: on the event loop (`refresh_if_changed`, what the watchers
did: the engine built in-process); off it (`refresh_async`, what they do now) with the snapshot the
writer left (as `kb import` and the service's own edits leave one); and off it with no snapshot, which
a child process then builds. The stall is the longest time between two answers while it runs.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

from bot import snapshot
from bot.bundle import RawBundle
from bot.service import Service
from bot.store import Store


def _outside_edit(db: Path, n: int, leave_snapshot: bool) -> None:
    """Another connection changes one device's note: a real committed change; with `leave_snapshot`
    the writer then builds the new engine and writes its snapshot, as `kb import` does."""
    store = Store(db)
    row = store.db.conn.execute("select data from devices order by rowid limit 1").fetchone()
    entry = json.loads(row[0])
    entry["note"] = f"benchmark edit {n}"
    raw = RawBundle()
    raw.add("devices", entry, "bench:reload")
    store.apply(raw, replace=False, actor="bench", action="edit")
    if leave_snapshot:
        snapshot.engine_for(store)
    store.close()


async def _stall(service: Service, questions: list[str], off_loop: bool) -> dict[str, Any]:
    """Answer questions back to back while one refresh runs; the longest gap between answers."""
    clock = time.perf_counter
    done = False
    gaps: list[float] = []
    answered = 0

    async def ask_all_the_time() -> None:
        nonlocal answered
        last = clock()
        i = 0
        while not done:
            service.ask(questions[i % len(questions)], adapter="bench")
            i += 1
            answered += 1
            now = clock()
            gaps.append(now - last)  # from one answer to the next, whatever ran between them
            last = now
            await asyncio.sleep(0)

    asker = asyncio.create_task(ask_all_the_time())
    await asyncio.sleep(0.2)
    gaps.clear()
    answered = 0
    started = clock()
    if off_loop:
        changed = await service.refresh_async()
    else:
        await asyncio.sleep(0)
        changed = service.refresh_if_changed()
        await asyncio.sleep(0)
    seconds = clock() - started
    done = True
    await asker
    return {
        "changed": changed,
        "refresh_s": seconds,
        "answers_during": answered,
        "longest_stall_ms": max(gaps, default=0.0) * 1000,
    }


def measure(db: Path, questions: list[str]) -> dict[str, Any]:
    service = Service(Store(db))
    out: dict[str, Any] = {}
    ways = (
        ("on the event loop", False, False),
        ("off the event loop, the writer's snapshot", True, True),
        ("off the event loop, no snapshot: built by a child above 10,000 phones", True, False),
    )
    for n, (name, off_loop, leave_snapshot) in enumerate(ways):
        _outside_edit(db, n, leave_snapshot)
        out[name] = asyncio.run(_stall(service, questions, off_loop))
    service.store.close()
    return out
