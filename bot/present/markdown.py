"""A layout as the Markdown the CLI prints and the JSON contract's `answer` carries."""

from __future__ import annotations

from .layout import Layout
from .phrases import defuse_mentions


def render(lay: Layout, *, details: bool = True) -> str:
    """Every line of the layout; `details=False` leaves out the foldable per-network detail."""
    lines: list[str] = []
    if lay.title:
        lines.append(f"**{lay.title}**{lay.model}")
    lines.extend(lay.headline)
    for section in lay.sections:
        if section.detail and not details:
            continue
        lines.append(f"__{section.name}__")
        lines.extend(line if line.startswith((">", "—", "_")) else f"- {line}" for line in section.lines)
    lines.extend(f"_{note}_" for note in lay.notes)
    if lay.footer:
        lines.append(f"_({lay.footer})_")
    return defuse_mentions("\n".join(lines))
