"""How answer time, build time and memory grow with the number of devices: a PNG and the exponents.

The growth exponent k of a measure y over sizes n is the slope of log y against log n (y ~ n^k):
0 does not grow, 1 grows in proportion, 2 grows with the square. It is fitted over every size run.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

MEASURES: list[tuple[str, str, Any]] = [
    ("answer p50 (ms)", "ms", lambda r: r["answer"]["p50_ms"]),
    ("answer p99 (ms)", "ms", lambda r: r["answer"]["p99_ms"]),
    ("autocomplete p99 (ms)", "ms", lambda r: r["complete"]["p99_ms"]),
    ("reader's load (s)", "s", lambda r: r["snapshot_load_s"][0]),
    ("writer's Engine() (s)", "s", lambda r: r["engine_build_s"][0]),
    ("writer's Engine() per change of 3 phones (s)", "s", lambda r: r.get("change_engine_s", [0.0])[0]),
    ("reader's peak RSS (MB)", "MB", lambda r: r["peak_rss_mb"]),
]


def exponent(sizes: list[float], values: list[float]) -> float | None:
    """Least-squares slope of log(value) on log(size)."""
    points = [(math.log(n), math.log(v)) for n, v in zip(sizes, values, strict=True) if n > 0 and v > 0]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    den = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / den if den else None


def exponents(results: list[dict[str, Any]]) -> dict[str, float | None]:
    sizes = [float(r["devices"]) for r in results]
    return {name: exponent(sizes, [float(get(r)) for r in results]) for name, _unit, get in MEASURES}


def plot(results: list[dict[str, Any]], path: Path) -> bool:
    """Draw the measures against the sizes (log-log) into `path`; False when matplotlib is missing."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    sizes = [r["devices"] for r in results]
    slopes = exponents(results)
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.5))
    groups = [
        ("time per question", [0, 1, 2]),
        ("time to load and build", [3, 4, 5]),
        ("memory", [6]),
    ]
    for ax, (title, which) in zip(axes, groups, strict=True):
        for i in which:
            name, _unit, get = MEASURES[i]
            k = slopes[name]
            label = f"{name}, k = {k:.2f}" if k is not None else name
            ax.plot(sizes, [get(r) for r in results], marker="o", label=label)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("devices")
        ax.set_title(title)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle("devicebot: growth with the number of devices (y ~ devices^k)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True
