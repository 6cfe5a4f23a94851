"""Benchmark of the answering engine at 1,000, 10,000 and 100,000 devices.

    python -m bench [--sizes 1000,10000,100000] [--questions 2000] [--quick]

Builds knowledge of each size (from ../shared/data/gsmarena_2021_network_bands.csv beside the
checkout when present, topped up with synthetic devices, all synthetic with --synthetic) and
imports it into a SQLite file in one process; then, in a fresh process pinned to one CPU, loads it
from that file as the service does and measures. Prints a Markdown table with the targets, writes
it to bench/RESULTS.md (not with --quick, unless --output is given), and exits non-zero when a target fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _parse_sizes(value: str) -> list[int]:
    return [int(v.replace("_", "")) for v in value.split(",") if v.strip()]


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=_parse_sizes, default=None, help="device counts (default 1000,10000,100000)")
    parser.add_argument("--questions", type=int, default=None, help="questions per size (default 2000)")
    parser.add_argument("--prefixes", type=int, default=None, help="autocomplete prefixes per size (default 600)")
    parser.add_argument("--builds", type=int, default=None, help="times each build is repeated (default 3)")
    parser.add_argument(
        "--baseline-seconds", type=float, default=None, help="time budget of the naive baseline per size (default 120)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--synthetic", action="store_true", help="ignore the band CSV: every device synthetic")
    parser.add_argument("--quick", action="store_true", help="fewer questions and builds: well under a minute")
    parser.add_argument(
        "--output", type=Path, default=None, help="where to write the Markdown (default RESULTS.md; --quick: none)"
    )
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    parser.add_argument("--worker", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--prepare", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--write", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    quick = args.quick
    # A quick look never replaces the full run's report and plot unless asked to.
    if args.output is None:
        args.no_write = args.no_write or quick
        args.output = HERE / "RESULTS.md"
    args.sizes = args.sizes or [1000, 10000, 100000]
    args.questions = args.questions or (400 if quick else 2000)
    args.prefixes = args.prefixes or (120 if quick else 600)
    args.builds = args.builds or (1 if quick else 3)
    args.baseline_seconds = args.baseline_seconds or (8.0 if quick else 120.0)
    return args


def _worker(args: argparse.Namespace) -> None:
    from .run import measure

    result = measure(args.worker, args.questions, args.prefixes, args.seed, args.builds, args.baseline_seconds, args.db)
    json.dump(result, sys.stdout)


def _child(arguments: list[str], size: int) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench", *arguments]
    done = subprocess.run(command, capture_output=True, text=True, cwd=HERE.parent, timeout=3600, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"the benchmark of {size:,} devices failed (exit {done.returncode})")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _run_size(size: int, args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        synthetic = ["--synthetic"] if args.synthetic else []
        prepared = _child(["--prepare", str(size), "--db", db, "--seed", str(args.seed), *synthetic], size)
        written = _child(
            ["--write", str(size), "--db", db, "--builds", str(args.builds), "--questions", str(args.questions),
             "--prefixes", str(args.prefixes), "--seed", str(args.seed)],
            size,
        )  # fmt: skip
        worker = [
            "--worker", str(size), "--db", db, "--questions", str(args.questions),
            "--prefixes", str(args.prefixes), "--builds", str(args.builds),
            "--baseline-seconds", str(args.baseline_seconds), "--seed", str(args.seed),
        ]  # fmt: skip
        measured = _child(worker, size)
    return {**prepared, **written, **measured}


ASK = "Is the Xiaomi 14 sold in the US?"
HEAVY = ("discord", "aiohttp", "jinja2")  # what `ask` must not import


def _installed_env() -> dict[str, str]:
    """The environment of an installed `devicebot`: its bytecode compiled (pip compiles it when it
    installs) and used. A shell with PYTHONDONTWRITEBYTECODE would make every run compile ~40 modules
    again (~0.1 s), which no installed copy does."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "bot")], check=True, env=_ENV)
    return _ENV


_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _ask_seconds(db: Path, site: Path | None = None) -> float:
    """One `devicebot ask` in a fresh process: of the checkout, or of the copy installed in `site`
    (run from an empty folder, so the checkout is not imported instead)."""
    command = [sys.executable, "-m", "bot", "--db", str(db), "ask", ASK]
    env = _ENV if site is None else {**_ENV, "PYTHONPATH": str(site)}
    cwd = HERE.parent if site is None else db.parent
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, cwd=cwd, timeout=300, check=True, env=env)
    return time.perf_counter() - started


def _installed(tmp: Path) -> Path:
    """This checkout as a user gets it: its wheel built (the build hook seeds and indexes the shipped
    knowledge, `bot/seed.py`) and installed by pip into a folder of its own (pip compiles the
    bytecode); the dependencies are this environment's."""
    wheels, site = tmp / "wheel", tmp / "site"
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(wheels), str(HERE.parent)], check=True, env=_ENV,
                   capture_output=True, timeout=1200)  # fmt: skip
    [wheel] = wheels.glob("devicebot-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)], check=True, env=_ENV,
                   capture_output=True, timeout=600)  # fmt: skip
    return site


def ask_startup(runs: int) -> dict[str, Any]:
    """`devicebot ask` in a fresh process, as people run it: installed from the wheel, the first one on
    an empty database (it fills it from the shipped knowledge), then again on the filled one; the
    first one of a checkout, which has no seed built and reads the YAML; and which heavy packages it
    imports (`python -X importtime`)."""
    _installed_env()
    first: list[float] = []
    repeat: list[float] = []
    checkout_first: list[float] = []
    with tempfile.TemporaryDirectory() as built:
        print("  building and installing the wheel…", file=sys.stderr, flush=True)
        site = _installed(Path(built))
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as tmp:
                db = Path(tmp) / "ask.db"
                first.append(_ask_seconds(db, site))
                repeat.extend(_ask_seconds(db, site) for _ in range(2))
            with tempfile.TemporaryDirectory() as tmp:
                checkout_first.append(_ask_seconds(Path(tmp) / "ask.db"))
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "ask.db"
            _ask_seconds(db, site)
            traced = subprocess.run(
                [sys.executable, "-X", "importtime", "-m", "bot", "--db", str(db), "ask", ASK],
                capture_output=True, text=True, cwd=tmp, timeout=300, check=True,
                env={**_ENV, "PYTHONPATH": str(site)},
            )  # fmt: skip
    modules = {line.split("|")[-1].strip().split(".")[0] for line in traced.stderr.splitlines() if "|" in line}
    return {
        "first_s": sorted(first)[len(first) // 2],
        "repeat_s": sorted(repeat)[len(repeat) // 2],
        "checkout_first_s": sorted(checkout_first)[len(checkout_first) // 2],
        "runs": runs,
        "heavy_imports": sorted(m for m in modules if m in HEAVY),
    }


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    if args.prepare is not None:
        from .run import prepare

        json.dump(prepare(args.prepare, args.seed, args.db, args.synthetic), sys.stdout)
        return 0
    if args.write is not None:
        from .run import write

        json.dump(write(args.write, args.builds, args.db, args.questions, args.prefixes, args.seed), sys.stdout)
        return 0
    if args.worker is not None:
        _worker(args)
        return 0
    from .report import machine, markdown, targets

    started = time.perf_counter()
    results = []
    for size in args.sizes:
        print(f"benchmarking {size:,} devices…", file=sys.stderr, flush=True)
        results.append(_run_size(size, args))
    print("timing devicebot ask…", file=sys.stderr, flush=True)
    ask = ask_startup(1 if args.quick else 5)
    shown = " ".join(["python -m bench", shlex.join(sys.argv[1:] if argv is None else argv)]).strip()
    text = markdown(results, machine(), shown, time.perf_counter() - started, ask)
    print(text)
    if not args.no_write:
        from .plot import plot

        args.output.write_text(text + "\n", encoding="utf-8")
        print(f"written to {args.output}", file=sys.stderr)
        if len(results) > 1 and plot(results, args.output.parent / "scaling.png"):
            print(f"plotted to {args.output.parent / 'scaling.png'}", file=sys.stderr)
    return 1 if any(ok is False for *_rest, ok in targets(results, ask)) else 0


if __name__ == "__main__":
    raise SystemExit(main())
