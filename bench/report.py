"""The machine the benchmark ran on, and the results as Markdown."""

from __future__ import annotations

import os
import platform
import statistics
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped,unused-ignore]

from .plot import exponents
from .questions import EXPECTS_DEVICE, EXPECTS_NONE, MIX, NO_PHONE

TARGET_SIZE = 100_000
TARGET_P99_MS = 5.0
TARGET_COMPLETE_MS = 10.0
TARGET_LOAD_S = 1.0
TARGET_BUILD_S = 3.0
TARGET_RSS_MB = 300.0
TARGET_GC_MS = 50.0
TARGET_STALL_MS = 50.0
# The reload the watchers run when the writer left a snapshot (`kb import`, the service's own edits).
_RELOAD_JUDGED = "off the event loop, the writer's snapshot"
TARGET_FIRST_ASK_S = 1.0
TARGET_REPEAT_ASK_S = 0.25
# Correctness, enforced at every size: exact names must find their phone, and a question that names
# no phone must not be offered phones.
TARGET_EXACT = 0.98


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        os_name = platform.freedesktop_os_release().get("PRETTY_NAME", "")
    except OSError:
        os_name = ""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    return {
        "cpu": cpu,
        "cores": f"{os.cpu_count()} logical ({usable} usable)",
        "ram": f"{psutil.virtual_memory().total / 1024**3:.1f} GiB",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": f"{os_name or platform.system()} (kernel {platform.release()}, {platform.machine()})",
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        # Other people's work on the machine slows every timing: say how busy it was.
        "load": " / ".join(f"{v:.1f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "?",
    }


def _ms(value: float) -> str:
    return f"{value:.2f}" if value < 10 else f"{value:,.0f}"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


def _mark(ok: bool | None) -> str:
    return "–" if ok is None else ("PASS" if ok else "**FAIL**")


def _exact_accuracy(r: dict[str, Any]) -> float | None:
    value: float | None = r["accuracy"].get("exact")
    return value


def targets(
    results: list[dict[str, Any]], ask: dict[str, Any] | None = None
) -> list[tuple[str, str, str, bool | None]]:
    """(what, target, measured, passed): speed and memory at 100,000 devices (or the largest size
    run, then not judged), correctness at every size."""
    rows: list[tuple[str, str, str, bool | None]] = []
    at = next((r for r in results if r["size"] == TARGET_SIZE), None)
    judged = at is not None
    at = at or (max(results, key=lambda r: r["size"]) if results else None)
    if at is not None:
        n = f" ({at['devices']:,})"
        base_qps = at["token_baseline"]["latency"]["qps"]

        def row(what: str, target: str, measured: str, ok: bool) -> None:
            rows.append((what + n, target, measured, ok if judged else None))

        row(
            "answer p99, one core",
            f"≤ {TARGET_P99_MS:g} ms",
            f"{at['answer']['p99_ms']:.2f} ms",
            at["answer"]["p99_ms"] <= TARGET_P99_MS,
        )
        row(
            "answers/s ÷ token-index baseline answers/s",
            "≥ 1×",
            f"{at['answer']['qps'] / base_qps:.2f}×",
            at["answer"]["qps"] >= base_qps,
        )
        row(
            "autocomplete p99",
            f"≤ {TARGET_COMPLETE_MS:g} ms",
            f"{at['complete']['p99_ms']:.2f} ms",
            at["complete"]["p99_ms"] <= TARGET_COMPLETE_MS,
        )
        load = at["snapshot_load_s"][0]
        row(
            "load for a reader (Store + the writer's snapshot, `snapshot.engine_for`), first",
            f"≤ {TARGET_LOAD_S:g} s",
            f"{load:.2f} s",
            load <= TARGET_LOAD_S,
        )
        build = at["engine_build_s"][0]
        row(
            "Engine(knowledge), cold: a whole build, first in its process (the writer's with no snapshot)",
            f"≤ {TARGET_BUILD_S:g} s",
            f"{build:.2f} s",
            build <= TARGET_BUILD_S,
        )
        if "change_engine_s" in at:
            per = at["change_engine_s"]
            row(
                "Engine(knowledge) per change of 3 phones (the writer's: its previous snapshot loaded + "
                f"`Engine(knowledge, previous=…)`), worst of {len(per)}",
                f"≤ {TARGET_BUILD_S:g} s",
                f"{max(per):.2f} s ({max(at['change_previous_load_s']):.2f} + {max(at['change_build_s']):.2f})",
                max(per) <= TARGET_BUILD_S,
            )
        rows.append(
            (
                f"the writer's rows → knowledge (Store.raw + bundle.build), once per change{n}",
                "–",
                f"{at['sqlite_load_s'][0]:.2f} s",
                None,
            )
        )
        row(
            "peak RSS of a reader (load + answering)",
            f"≤ {TARGET_RSS_MB:g} MB",
            f"{at['peak_rss_mb']:.0f} MB",
            at["peak_rss_mb"] <= TARGET_RSS_MB,
        )
        off = at.get("reload", {}).get(_RELOAD_JUDGED)
        if off is not None:
            stall = off["longest_stall_ms"]
            row(
                "longest stall of answers after an outside edit (off the event loop, the writer's snapshot)",
                f"≤ {TARGET_STALL_MS:g} ms",
                f"{stall:,.1f} ms",
                stall <= TARGET_STALL_MS,
            )
        row("longest GC pause while answering", f"≤ {TARGET_GC_MS:g} ms", f"{at['gc']['max_ms']:.1f} ms",
            at["gc"]["max_ms"] <= TARGET_GC_MS)  # fmt: skip
    if ask is not None:
        rows.append(
            (
                "first `devicebot ask` (installed from the wheel; empty database: filled from the shipped "
                "knowledge, seeded and indexed when the wheel was built)",
                f"≤ {TARGET_FIRST_ASK_S:g} s",
                f"{ask['first_s']:.2f} s",
                ask["first_s"] <= TARGET_FIRST_ASK_S,
            )
        )
        rows.append(
            (
                "repeat `devicebot ask` (installed from the wheel)",
                f"≤ {TARGET_REPEAT_ASK_S:g} s",
                f"{ask['repeat_s']:.2f} s",
                ask["repeat_s"] <= TARGET_REPEAT_ASK_S,
            )
        )
        if "checkout_first_s" in ask:
            rows.append(
                (
                    "first `devicebot ask` of a checkout (no seed built: the shipped YAML read, checked, written "
                    "and indexed)",
                    "–",
                    f"{ask['checkout_first_s']:.2f} s",
                    None,
                )
            )
        rows.append(("`ask` imports discord.py, aiohttp or Jinja2", "none",
                     ", ".join(ask["heavy_imports"]) or "none", not ask["heavy_imports"]))  # fmt: skip
    for r in results:
        exact = _exact_accuracy(r) or 0.0
        rows.append((f"exact names answered with their device ({r['devices']:,})", f"≥ {TARGET_EXACT * 100:g} %",
                     _pct(exact), exact >= TARGET_EXACT))  # fmt: skip
        offered = max((r["offers_phones"].get(k, 0.0) for k in NO_PHONE), default=0.0)
        named = max((r["names_a_device"].get(k, 0.0) for k in NO_PHONE), default=0.0)
        rows.append((f"questions naming no phone offered or answered a phone ({r['devices']:,})", "0 %",
                     _pct(max(offered, named)), offered == 0 and named == 0))  # fmt: skip
    return rows


def _first_median(times: list[float]) -> str:
    return f"{times[0]:.3f}" + (f" ({statistics.median(times):.3f})" if len(times) > 1 else "")


def markdown(
    results: list[dict[str, Any]], info: dict[str, str], command: str, elapsed: float, ask: dict[str, Any] | None = None
) -> str:
    out: list[str] = []
    add = out.append
    add("# devicebot benchmark results")
    add("")
    add(f"- **Date:** {info['date']} (run took {elapsed:.0f} s)")
    add(f"- **Machine:** {info['cpu']}, {info['cores']}, {info['ram']} RAM")
    add(f"- **Load average** (1 / 5 / 15 min, at the end of the run): {info.get('load', '?')}")
    add(f"- **Software:** {info['python']} on {info['os']}")
    add(f"- **Command:** `{command}`")
    if results:
        add(f"- **Devices from:** {results[-1]['source']}; carriers and statements synthetic")
    add("- Each size runs in a fresh process pinned to one CPU; timings are wall-clock `time.perf_counter`.")
    add("")
    add(f"## Targets ({TARGET_SIZE:,} devices, one core; correctness at every size)")
    add("")
    add("| what | target | measured | result |")
    add("|---|---:|---:|:---:|")
    for what, target, measured, ok in targets(results, ask):
        add(f"| {what} | {target} | {measured} | {_mark(ok)} |")
    add("")
    add("## Speed and memory")
    add("")
    add(
        "| devices | reader: load s | answer p50 ms | p99 ms | max ms | answers/s | token-index baseline q/s "
        "| full-scan baseline q/s | autocomplete p50 ms | p99 ms | longest GC pause ms | reader peak RSS MB "
        "| writer: rows → knowledge s | Engine() s | Engine() per change s | snapshot write s | snapshot MB "
        "| writer peak RSS MB | the same, per change |"
    )
    add("|" + "---:|" * 19)
    for r in results:
        a, b, t = r["answer"], r["baseline"], r["token_baseline"]["latency"]
        base_n = "" if b["n"] == r["questions"] else f" (first {b['n']:,})"
        change_rss = f"{r['change_peak_rss_mb']:.0f}" if "change_peak_rss_mb" in r else "–"
        add(
            f"| {r['devices']:,} | {_first_median(r['snapshot_load_s'])} "
            f"| {_ms(a['p50_ms'])} | {_ms(a['p99_ms'])} | {_ms(a['max_ms'])} "
            f"| {a['qps']:,.0f} | {t['qps']:,.0f} | {b['qps']:,.0f}{base_n} | {_ms(r['complete']['p50_ms'])} "
            f"| {_ms(r['complete']['p99_ms'])} | {r['gc']['max_ms']:.1f} | {r['peak_rss_mb']:.0f} "
            f"| {_first_median(r['sqlite_load_s'])} | {_first_median(r['engine_build_s'])} "
            f"| {_first_median(r['change_engine_s']) if 'change_engine_s' in r else '–'} "
            f"| {r['snapshot_write_s']:.2f} | {r['snapshot_mb']:.1f} | {r['writer_peak_rss_mb']:.0f} "
            f"| {change_rss} |"
        )
    add("")
    add(
        f"{results[-1]['questions'] if results else 0:,} questions per size. Each size: the knowledge is generated "
        "and imported into a SQLite file with `Store.apply` (as `kb import` does) in one process. The writer, in "
        "a fresh process, then does what `kb import` and the service's own edits now do once per change: reads "
        "the rows (`Store.raw` + `bundle.build`), builds `Engine` and writes its snapshot beside the database "
        "(`bot.snapshot`). The reader, in another fresh process pinned to one core, loads the engine as every "
        "`devicebot ask`, the HTTP service and the bot do (`Store(path)` + `snapshot.engine_for`: the state "
        "token read, the snapshot loaded; the bench checks it was loaded, not built), answers and "
        "autocompletes. Times: the first (cold) run, in brackets the median of all runs. Token-index "
        "baseline: an inverted index from each word to the names (of every vendor, device and carrier) "
        "holding it, then `rapidfuzz` `WRatio` over only the names sharing a word with the question, best "
        "name taken at score ≥ 85. Full-scan baseline: `extractOne(question, every name, scorer=WRatio)` "
        "(time-boxed). Peak RSS: each process's high-water mark (VmHWM), the reader's from before the load to "
        "the end of answering (the baselines come after). GC pause: the longest collection (`gc.callbacks`) "
        "while answering, after `gc.freeze()` (`bot.heap.settle`) following the load. Autocomplete: "
        "`engine.index.complete('device', prefix)` for 1 to 6 typed characters."
    )
    add("")
    if len(results) > 1:
        add("## Growth with the number of devices")
        add("")
        add("![answer time, build time and memory against devices](scaling.png)")
        add("")
        add(
            "| measure | growth exponent k (y ~ devices^k, fitted over "
            + ", ".join(f"{r['devices']:,}" for r in results)
            + ") |"
        )
        add("|---|---:|")
        for name, k in exponents(results).items():
            add(f"| {name} | {'–' if k is None else f'{k:.2f}'} |")
        add("")
        add("0: does not grow with the knowledge; 1: grows in proportion to it.")
        add("")
    add("## Reload after an outside edit")
    add("")
    add("| devices | rebuild | refresh s | answers meanwhile | longest stall ms |")
    add("|---:|---|---:|---:|---:|")
    for r in results:
        for how, m in r.get("reload", {}).items():
            add(
                f"| {r['devices']:,} | {how} | {m['refresh_s']:.2f} | {m['answers_during']:,} "
                f"| {m['longest_stall_ms']:,.1f} |"
            )
    add("")
    add(
        "Another connection commits a change of one device; the service notices it and replaces its index while "
        "the event loop answers questions back to back. On the event loop (`refresh_if_changed`) every answer "
        "waits for the whole rebuild. Off it (`refresh_async`, what the HTTP service's and the bot's watchers "
        "call) the old index answers until the new one replaces it: with the writer's snapshot (what `kb "
        "import` and the service's own edits leave) a worker thread loads it, yielding the interpreter lock "
        "between the file's 64 KB frames; with none, a child process builds and writes it first, so the build "
        "does not share this process's interpreter lock. The stall is the longest time between two answers "
        "meanwhile. Both indexes are in memory until the old one is freed (bit by bit, `bot.heap.dismantle`)."
    )
    add("")
    add("## Correctness (measured on the same questions)")
    add("")
    kinds = [k for k in MIX if k in EXPECTS_DEVICE]
    nones = [k for k in MIX if k in EXPECTS_NONE]
    offers = [k for k in MIX if k in NO_PHONE]
    head = (
        [f"{k} → its device" for k in kinds]
        + [f"{k} → names a device" for k in nones]
        + [f"{k} → offered phones" for k in offers]
    )
    add("| devices | reader | " + " | ".join(head) + " | carrier named right |")
    add("|---:|---|" + "---:|" * (len(head) + 1))
    for r in results:
        tb = r["token_baseline"]
        cells = [_pct(r["accuracy"].get(k)) for k in kinds] + [_pct(r["names_a_device"].get(k)) for k in nones]
        cells += [_pct(r["offers_phones"].get(k)) for k in offers]
        add(f"| {r['devices']:,} | engine | " + " | ".join(cells) + f" | {_pct(r['carrier_accuracy'])} |")
        cells = [_pct(tb["accuracy"].get(k)) for k in kinds] + [_pct(tb["names_a_device"].get(k)) for k in nones]
        cells += ["–" for _k in offers]
        add(f"| {r['devices']:,} | token-index baseline | " + " | ".join(cells) + " | – |")
    add("")
    add(
        "“→ its device”: how often the answer names the right device (higher is better); “→ names a device”: "
        "how often a question that names no known device is answered with one anyway (lower is better); "
        "“→ offered phones”: how often a question naming no phone at all got a “did you mean” list of phones "
        "(must be 0). Question mix: "
        + ", ".join(f"{k} {v * 100:.0f} %" for k, v in MIX.items())
        + "; rambles are ~1,500 characters."
    )
    add("")
    if results:
        last = results[-1]
        add(f"## Latency by kind of question ({last['devices']:,} devices)")
        add("")
        add("| kind | count | p50 ms | p99 ms | max ms |")
        add("|---|---:|---:|---:|---:|")
        for kind, s in last["answer_by_kind"].items():
            add(f"| {kind} | {s['count']} | {_ms(s['p50_ms'])} | {_ms(s['p99_ms'])} | {_ms(s['max_ms'])} |")
        add("")
        add(f"## Autocomplete by typed length ({last['devices']:,} devices)")
        add("")
        add("| characters | p50 ms | p99 ms |")
        add("|---:|---:|---:|")
        for n, s in last["complete_by_length"].items():
            add(f"| {n} | {_ms(s['p50_ms'])} | {_ms(s['p99_ms'])} |")
        add("")
        add(f"## Examples of wrong answers ({last['devices']:,} devices, up to 4 per kind)")
        add("")
        add("| kind | question | expected | answered | suggested |")
        add("|---|---|---|---|---|")
        for m in last["misses"]:
            question = m["question"].replace("|", "\\|").replace("\t", "\\t")
            add(
                f"| {m['kind']} | `{question}` | {m['expected'] or '(none)'} | {m['got'] or '(none)'} | "
                f"{', '.join(m['suggested']) or '–'} |"
            )
        add("")
    return "\n".join(out)
