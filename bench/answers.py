"""How long the answers are: the labelled question set through the engine and the presentation.

    python -m bench.answers [PATHS…]

Each question of `tests/data/questions/` (or PATHS) is answered over the shipped knowledge and its
answer measured as people see it: the Markdown the CLI prints (every line), the Discord message
(the summary and the sections that stay open, each source shown as its site's name; the
per-network detail folds away) and the number of
characters in the headline. Answers are grouped as "one network" (a carrier, a sale question, a band
list) and "whole country" (every network of a country); the targets are ≤ 700 characters for a
typical answer and ≤ 1,500 for a whole country. Declines and "did you mean" replies are left out:
they are one or two lines.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from .understanding import DEFAULT_SET, answer_item, load

TARGETS = {"one network": 700, "whole country": 1500}


def _percentile(values: list[int], p: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def measure(paths: list[Path]) -> dict[str, dict[str, list[int]]]:
    from bot import bundle
    from bot.engine import Engine
    from bot.present import layout, markdown
    from bot.present.phrases import linked

    engine = Engine(bundle.load(bundle.shipped_knowledge_dir()))
    names = engine.index.country_names
    out: dict[str, dict[str, list[int]]] = {g: {"markdown": [], "discord": [], "headline": []} for g in TARGETS}
    for item in load(paths):
        answer = answer_item(engine, item)
        lay = layout.build(answer, engine.knowledge, names)
        if lay.kind != "answer":
            continue
        group = "whole country" if len({c.carrier for c in answer.compatibility}) > 1 else "one network"
        out[group]["markdown"].append(len(markdown.render(lay)))
        # Discord shows a source as its site's name, a masked link (`bot.discord.embeds`).
        shown = linked(markdown.render(lay, details=False), lambda site, _address: site)
        out[group]["discord"].append(len(shown))
        out[group]["headline"].append(len("\n".join(lay.headline)))
    return out


def report(measured: dict[str, dict[str, list[int]]]) -> str:
    lines = [
        "| answers | count | as shown | median | p90 | max | within target |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for group, target in TARGETS.items():
        for shown, label in (
            ("discord", "Discord (detail folded)"),
            ("markdown", "Markdown (all)"),
            ("headline", "headline"),
        ):
            values = measured[group][shown]
            if not values:
                continue
            within = sum(1 for v in values if v <= target) / len(values)
            lines.append(
                f"| {group} (≤ {target:,}) | {len(values)} | {label} | {statistics.median(values):,.0f} | "
                f"{_percentile(values, 0.9):,} | {max(values):,} | {within:.0%} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.answers", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT_SET])
    args = parser.parse_args(argv)
    print(report(measure(args.paths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
