"""The garbage collector's pauses of a reader that has been answering for a while.

    python -m bench.steady [--devices 100000] [--questions 40000]

`python -m bench` answers 2,000 questions per size, too few to fill what answering keeps: the phones
unpacked from the index (`bot.packed.KEEP`), the payloads made again (`trie._KEEP`), the typo
corrections and the per-word caches. Every full collection walks what those hold, so the pauses grow
as a reader serves more different questions. Here the knowledge is imported and the writer's snapshot
written as the benchmark does; then a fresh reader pinned to one core loads the snapshot, settles its
heap (`bot.heap.settle`) and answers `--questions` different questions, and the longest pause and a
full collection at the end are reported.
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _reader(db: Path, questions: int, seed: int) -> dict[str, Any]:
    from bot import snapshot
    from bot.heap import settle
    from bot.store import Store

    from . import data
    from .questions import make_questions
    from .run import GcPauses, pin_one_core

    pin_one_core()
    store = Store(db)
    engine = snapshot.engine_for(store)
    loaded = snapshot.current(snapshot.path_for(db), str(store.state()))
    store.close()
    # Made from the packed phones (each unpacked for the question and let go), before the heap is settled.
    texts = [q.text for q in make_questions(engine.knowledge, data.COUNTRIES, questions, seed)]
    settle()
    pauses = GcPauses()
    started = time.perf_counter()
    with pauses:
        for text in texts:
            engine.answer(text)
    seconds = time.perf_counter() - started
    tracked = Counter(type(o).__name__ for o in gc.get_objects())
    collect = time.perf_counter()
    gc.collect()
    return {
        "snapshot_loaded": loaded,
        "questions": questions,
        "answer_s": seconds,
        "pauses": pauses.summary(),
        "tracked": sum(tracked.values()),
        "tracked_kinds": dict(tracked.most_common(6)),
        "full_collection_ms": (time.perf_counter() - collect) * 1000,
    }


def _child(arguments: list[str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", *arguments], capture_output=True, text=True, cwd=HERE.parent, timeout=3600, check=False
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"{' '.join(arguments[:2])} failed (exit {done.returncode})")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.steady", description=__doc__)
    parser.add_argument("--devices", type=int, default=100_000)
    parser.add_argument("--questions", type=int, default=40_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reader", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.reader is not None:
        json.dump(_reader(args.reader, args.questions, args.seed), sys.stdout)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "steady.db")
        size = str(args.devices)
        _child(["bench", "--prepare", size, "--db", db, "--seed", "1"])
        _child(["bench", "--write", size, "--db", db, "--builds", "1", "--questions", "10", "--prefixes", "10"])
        result = _child(["bench.steady", "--reader", db, "--questions", str(args.questions), "--seed", str(args.seed)])
    pauses = result["pauses"]
    print(
        f"{args.devices:,} devices, {result['questions']:,} different questions in {result['answer_s']:.1f} s"
        f" (snapshot loaded: {result['snapshot_loaded']}): collections {pauses['count']},"
        f" longest pause {pauses['max_ms']:.1f} ms (full {pauses['max_full_ms']:.1f} ms);"
        f" then {result['tracked']:,} objects tracked {result['tracked_kinds']},"
        f" a full collection {result['full_collection_ms']:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
