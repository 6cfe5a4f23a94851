"""One benchmark size, measured in a process of its own (so its peak memory is its own).

The writer's process (`write`) reads the rows, builds the knowledge and the engine and writes the
snapshot, timing each. The reader's process (`measure`) pins itself to one CPU, loads the engine as
every reader does (the store and the writer's snapshot), then measures `engine.answer` per question,
`engine.index.complete` per typed prefix, its peak RSS, and last the baselines over the same
questions. Each result is one JSON object.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import math
import os
import resource
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped,unused-ignore]
from rapidfuzz import fuzz, process, utils

from bot import bundle, snapshot
from bot.engine import Engine
from bot.heap import settle
from bot.records import Carrier, Knowledge, Vendor
from bot.store import Store

from . import data, reload
from .questions import EXPECTS_DEVICE, EXPECTS_NONE, NO_PHONE, Question, autocomplete_prefixes, make_questions

MB = 1024 * 1024


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..1) of unsorted values; 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def pin_one_core() -> int | None:
    """Run on one CPU, as the targets are stated. Returns the CPU, or None where pinning is unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def reset_peak_rss() -> bool:
    """Linux: reset VmHWM, so the peak measured later leaves out the data generation."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def peak_rss_bytes() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def _latency_summary(seconds: list[float]) -> dict[str, float]:
    total = sum(seconds)
    return {
        "n": len(seconds),
        "p50_ms": percentile(seconds, 0.50) * 1000,
        "p99_ms": percentile(seconds, 0.99) * 1000,
        "max_ms": max(seconds, default=0.0) * 1000,
        "qps": len(seconds) / total if total else 0.0,
    }


def _baseline_choices(k: Knowledge) -> tuple[list[str], dict[int, str | None]]:
    """Every name and alias of every vendor, device and carrier; which device each names."""
    choices: list[str] = []
    owner: dict[int, str | None] = {}
    for d in k.devices:
        for name in (d.name, *d.aliases):
            owner[len(choices)] = d.id
            choices.append(name)
    others: list[Vendor | Carrier] = [*k.vendors, *k.carriers]
    for entry in others:
        for name in (entry.name, *entry.aliases):
            owner[len(choices)] = None
            choices.append(name)
    return choices, owner


# The token-index baseline takes the best name only when it scores at least this (WRatio, 0-100):
# without a cutoff it would answer every question with some phone.
TOKEN_BASELINE_CUTOFF = 85


def _token_baseline(
    questions: list[Question], choices: list[str], processed: list[str], owner: dict[int, str | None]
) -> dict[str, Any]:
    """A fair fast baseline: an inverted index from each word to the names holding it, then
    `WRatio` over only the names sharing a word with the question. Fast, but it reads no structure."""
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(processed):
        for word in set(name.split()):
            by_word[word].append(i)
    times: list[float] = []
    right: dict[str, int] = defaultdict(int)
    named: dict[str, int] = defaultdict(int)
    count: dict[str, int] = defaultdict(int)
    clock = time.perf_counter
    for q in questions:
        started = clock()
        asked = utils.default_process(q.text)
        candidates = {i for word in set(asked.split()) for i in by_word.get(word, ())}
        best = process.extractOne(
            asked, {i: processed[i] for i in candidates}, scorer=fuzz.WRatio, score_cutoff=TOKEN_BASELINE_CUTOFF
        )
        times.append(clock() - started)
        device = owner[best[2]] if best is not None else None
        count[q.kind] += 1
        named[q.kind] += device is not None
        right[q.kind] += q.kind in EXPECTS_DEVICE and device == q.device
    return {
        "latency": _latency_summary(times),
        "accuracy": {kind: right[kind] / count[kind] for kind in EXPECTS_DEVICE if count.get(kind)},
        "names_a_device": {kind: named[kind] / count[kind] for kind in EXPECTS_NONE if count.get(kind)},
        "cutoff": TOKEN_BASELINE_CUTOFF,
    }


def prepare(size: int, seed: int, db: Path, synthetic: bool = False) -> dict[str, Any]:
    """Make the knowledge of `size` devices and import it into the SQLite file `db`, as `kb import`
    does: what every later load reads. Runs in a process of its own, so the generated bundle is not
    in the measured process's memory."""
    csv_path = None if synthetic else data.CSV_PATH
    gen_seconds, bk = _timed(lambda: data.make_knowledge(size, seed, csv_path))
    store = Store(db)
    import_seconds, _ = _timed(lambda: store.apply(bk.raw, replace=True, actor="bench", action="seed"))
    store.close()
    return {"generate_s": gen_seconds, "sqlite_import_s": import_seconds, "source": bk.source}


def questions_path(db: Path) -> Path:
    return db.with_name(db.name + ".questions.json")


def write(size: int, builds: int, db: Path, n_questions: int, n_prefixes: int, seed: int) -> dict[str, Any]:
    """What the writer does once per change, in a fresh process of its own: the rows read and checked
    (`Store.raw` + `bundle.build`), the engine built, its snapshot written for every reader. The
    questions and prefixes the reader asks are made here too, from the same knowledge: made in the
    reader they would unpack every phone into the reader's memory, which answering never does."""
    pin_one_core()
    gc.collect()
    reset_peak_rss()
    load_raw: list[float] = []
    load_build: list[float] = []
    knowledge: Knowledge | None = None
    for _ in range(builds):
        knowledge = None
        gc.collect()
        store = Store(db)
        started = time.perf_counter()
        loaded = store.raw()
        load_raw.append(time.perf_counter() - started)
        started = time.perf_counter()
        knowledge = bundle.build(loaded)
        load_build.append(time.perf_counter() - started)
        store.close()
        del loaded
    assert knowledge is not None
    engine_times: list[float] = []
    engine: Engine | None = None
    for _ in range(builds):
        engine = None
        gc.collect()
        seconds, engine = _timed(lambda: Engine(knowledge))
        engine_times.append(seconds)
    assert engine is not None
    store = Store(db)
    state = store.state()
    store.close()
    assert state is not None
    path = snapshot.path_for(db)
    write_seconds, written = _timed(lambda: snapshot.write(path, state, engine))
    assert written, f"no snapshot written to {path}"
    questions = make_questions(knowledge, data.COUNTRIES, n_questions, seed + size)
    asked = {
        "questions": [dataclasses.asdict(q) for q in questions],
        "prefixes": autocomplete_prefixes(knowledge, n_prefixes, seed + size),
    }
    questions_path(db).write_text(json.dumps(asked))
    peak = peak_rss_bytes()
    # Then the build per change, with its own peak: what this process built whole is let go first.
    engine = knowledge = None
    gc.collect()
    reset_peak_rss()
    per_change = change(db, builds)
    per_change["change_peak_rss_mb"] = peak_rss_bytes() / MB
    return {
        "sqlite_raw_s": load_raw,
        "sqlite_build_s": load_build,
        "sqlite_load_s": [r + b for r, b in zip(load_raw, load_build, strict=True)],
        "engine_build_s": engine_times,
        **per_change,
        "snapshot_write_s": write_seconds,
        "snapshot_mb": path.stat().st_size / MB,
        "writer_peak_rss_mb": peak / MB,
    }


def _edit(store: Store, n: int) -> None:
    """A change of three phones, as `kb` edits make: one renamed, one added, one taken out (each round
    other ones)."""
    k = store.load()
    named = {s.device for s in k.statements}
    renamed = k.devices[(n * 7919) % len(k.devices)]
    raw = bundle.RawBundle()
    raw.add("devices", bundle.to_raw(renamed) | {"name": f"{renamed.name} Edited {n}"}, "bench")
    raw.add(
        "devices",
        {
            "id": f"bench-added-{n}",
            "vendor": renamed.vendor,
            "name": f"Benchadded Q{n}",
            "source": "bench",
            "variants": [{"id": f"bench-added-{n}-v", "market": "Global", "models": [f"BQX-{n:04d}"], "bands": {}}],
        },
        "bench",
    )
    store.apply(raw, replace=False, actor="bench", action="edit")
    gone = next(d.id for d in k.devices[(n * 104729) % len(k.devices) :] if d.id not in named and d.id != renamed.id)
    store.remove("devices", gone, actor="bench")


def change(db: Path, builds: int) -> dict[str, Any]:
    """The writer's build after a change of three phones (`_edit`), on a copy of the database and its
    snapshot: the previous snapshot loaded (`snapshot.earlier`), then `Engine(knowledge, previous=…)`,
    which redoes only the changed phones (`bot.matching.incremental`); its snapshot is written for the
    next round, as the writer does."""
    loads: list[float] = []
    builds_s: list[float] = []
    with tempfile.TemporaryDirectory(dir=db.parent) as tmp:
        copy = Path(tmp) / db.name
        shutil.copy(db, copy)
        shutil.copy(snapshot.path_for(db), snapshot.path_for(copy))
        store = Store(copy)
        for n in range(builds):
            _edit(store, n)
            knowledge = store.load()
            gc.collect()
            started = time.perf_counter()
            previous = snapshot.earlier(snapshot.path_for(copy))
            loads.append(time.perf_counter() - started)
            started = time.perf_counter()
            engine = Engine(knowledge, previous=previous)
            builds_s.append(time.perf_counter() - started)
            assert engine.index.lexicon.redone == 3, "the change was built whole"
            state = store.state()
            assert state is not None
            snapshot.write(snapshot.path_for(copy), state, engine)
            del previous, engine
        store.close()
    return {
        "change_previous_load_s": loads,
        "change_build_s": builds_s,
        "change_engine_s": [a + b for a, b in zip(loads, builds_s, strict=True)],
    }


class GcPauses:
    """The garbage collector's pauses while it is installed (gc.callbacks), by generation."""

    def __init__(self) -> None:
        self.pauses: dict[int, list[float]] = defaultdict(list)
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses[info["generation"]].append(time.perf_counter() - self._started)

    def __enter__(self) -> GcPauses:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *_exc: object) -> None:
        gc.callbacks.remove(self)

    def summary(self) -> dict[str, Any]:
        every = [p for ps in self.pauses.values() for p in ps]
        return {
            "count": {str(g): len(ps) for g, ps in sorted(self.pauses.items())},
            "max_ms": max(every, default=0.0) * 1000,
            "max_full_ms": max(self.pauses.get(2, ()), default=0.0) * 1000,
        }


def measure(
    size: int,
    n_questions: int,
    n_prefixes: int,
    seed: int,
    builds: int,
    baseline_budget: float,
    db: Path,
) -> dict[str, Any]:
    """Load the knowledge from `db` as the service does, build the engine, answer, autocomplete."""
    cpu = pin_one_core()
    rss_idle = psutil.Process().memory_info().rss
    gc.collect()
    peak_reset = reset_peak_rss()

    # As every reader (`devicebot ask`, the service, the bot) loads the knowledge: the store opened,
    # its state read, the writer's snapshot of the built engine loaded.
    path = snapshot.path_for(db)
    snapshot_load: list[float] = []
    engine: Engine | None = None
    for _ in range(builds):
        engine = None
        gc.collect()
        started = time.perf_counter()
        store = Store(db)
        engine = snapshot.engine_for(store)
        snapshot_load.append(time.perf_counter() - started)
        assert snapshot.current(path, str(store.state())), "the reader built the engine: no snapshot was loaded"
        store.close()
    assert engine is not None
    knowledge = engine.knowledge
    # What the service does once an index is built: the long-lived objects leave the collector's
    # view, so a full collection while answering does not walk 100,000 phones.
    settle()
    rss_engine = psutil.Process().memory_info().rss

    asked = json.loads(questions_path(db).read_text())  # made by the writer, from the same knowledge
    questions = [Question(**q) for q in asked["questions"]][:n_questions]
    prefixes: list[str] = asked["prefixes"][:n_prefixes]
    for warm in ("hello", "is the pixel 9 sold in the us", "galaxy s24 on tmo"):
        engine.answer(warm)

    latencies: list[float] = []
    by_kind: dict[str, list[float]] = defaultdict(list)
    right: dict[str, int] = defaultdict(int)
    named_any: dict[str, int] = defaultdict(int)
    offered: dict[str, int] = defaultdict(int)  # questions naming no phone that were offered phones
    carrier_right = 0
    misses: list[dict[str, Any]] = []
    clock = time.perf_counter
    pauses = GcPauses()
    with pauses:
        answers = []
        for q in questions:
            started = clock()
            answers.append(engine.answer(q.text))
            latencies.append(clock() - started)
    for q, a, elapsed in zip(questions, answers, latencies, strict=True):
        by_kind[q.kind].append(elapsed)
        if a.device is not None:
            named_any[q.kind] += 1
        if q.kind in EXPECTS_NONE and any(s.kind == "device" for s in a.suggestions):
            offered[q.kind] += 1
        if q.kind in EXPECTS_DEVICE and a.device == q.device:
            right[q.kind] += 1
        if q.carrier is not None and a.carrier == q.carrier:
            carrier_right += 1
        wrong = (q.kind in EXPECTS_DEVICE and a.device != q.device) or (
            q.kind in NO_PHONE and any(s.kind == "device" for s in a.suggestions)
        )
        wrong = wrong or (q.kind in EXPECTS_NONE and a.device is not None)
        if wrong and sum(1 for m in misses if m["kind"] == q.kind) < 4:
            misses.append(
                {
                    "kind": q.kind,
                    "question": q.text if len(q.text) < 120 else f"… {len(q.text):,} characters …",
                    "expected": q.device,
                    "got": a.device,
                    "suggested": [s.id for s in a.suggestions if s.kind == "device"][:3],
                }
            )

    complete_times: dict[int, list[float]] = defaultdict(list)
    for prefix in prefixes:
        started = clock()
        engine.index.complete("device", prefix)
        complete_times[len(prefix)].append(clock() - started)
    all_complete = [t for ts in complete_times.values() for t in ts]

    peak = peak_rss_bytes()
    rss_after = psutil.Process().memory_info().rss

    # After an outside edit: how long answers stall while the index is rebuilt (a second index is
    # built beside the first, so this comes after the peak RSS above).
    del engine
    reloading = reload.measure(db, [q.text for q in questions[:200]])

    # The naive baseline: one fuzzy scan of every name and alias per question.
    choices, owner = _baseline_choices(knowledge)
    processed = [utils.default_process(c) for c in choices]
    base_times: list[float] = []
    base_right = base_exact = 0
    budget_end = clock() + baseline_budget
    for q in questions:
        if clock() > budget_end:
            break
        started = clock()
        best = process.extractOne(utils.default_process(q.text), processed, scorer=fuzz.WRatio)
        base_times.append(clock() - started)
        if q.kind == "exact":
            base_exact += 1
            base_right += best is not None and owner[best[2]] == q.device

    token_baseline = _token_baseline(questions, choices, processed, owner)

    kinds = sorted(by_kind, key=list(by_kind).index)
    count = {kind: len(ts) for kind, ts in by_kind.items()}
    engine_summary = _latency_summary(latencies)
    base_summary = _latency_summary(base_times)
    # Compare like with like: the engine's rate over the questions the baseline got through.
    engine_same = _latency_summary(latencies[: len(base_times)])
    return {
        "size": size,
        "devices": len(knowledge.devices),
        "vendors": len(knowledge.vendors),
        "carriers": len(knowledge.carriers),
        "statements": len(knowledge.statements),
        "cpu": cpu,
        "questions": len(questions),
        "gc": pauses.summary(),
        "reload": reloading,
        "snapshot_load_s": snapshot_load,
        "answer": engine_summary,
        "answer_by_kind": {kind: _latency_summary(by_kind[kind]) | {"count": count[kind]} for kind in kinds},
        "accuracy": {kind: right[kind] / count[kind] for kind in EXPECTS_DEVICE if count.get(kind)},
        "names_a_device": {kind: named_any[kind] / count[kind] for kind in EXPECTS_NONE if count.get(kind)},
        "offers_phones": {kind: offered[kind] / count[kind] for kind in EXPECTS_NONE if count.get(kind)},
        "token_baseline": token_baseline,
        "carrier_accuracy": carrier_right / count["carrier"] if count.get("carrier") else None,
        "misses": misses,
        "complete": _latency_summary(all_complete),
        "complete_by_length": {n: _latency_summary(ts) for n, ts in sorted(complete_times.items())},
        "rss_idle_mb": rss_idle / MB,
        "rss_engine_mb": rss_engine / MB,
        "rss_after_mb": rss_after / MB,
        "peak_rss_mb": peak / MB,
        "peak_reset": peak_reset,
        "baseline": base_summary,
        "baseline_choices": len(choices),
        "baseline_exact_accuracy": base_right / base_exact if base_exact else None,
        "engine_on_baseline_questions": engine_same,
        "speedup": engine_same["qps"] / base_summary["qps"] if base_summary["qps"] else None,
    }
