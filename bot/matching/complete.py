"""Autocomplete for slash commands, over the same lexicon that reads questions: a phone completes from
its name, an alias or a model number ("sms921u"), a carrier from a nickname ("tmo"), a country from
its code or a nickname ("uk", "usa")."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from .. import text
from .lexicon import Lexicon


def complete(lexicon: Lexicon, kind: str, prefix: str, limit: int = 25) -> list[tuple[str, str]]:
    """(id, display name) of devices, vendors, carriers or countries that fit what has been typed, the
    best first: a name or alias that starts with it, then one that contains it, then close ones."""
    labels = lexicon.labels[kind]
    typed = text.key(prefix)
    if not typed:
        return sorted(labels.items(), key=lambda item: item[1])[:limit]
    compact = text.compact(prefix)
    ranked: dict[str, tuple[int, int, str]] = {}

    def offer(entry_id: str, rank: int, length: int) -> None:
        if entry_id not in labels:
            return
        best = ranked.get(entry_id)
        candidate = (rank, length, labels[entry_id])
        if best is None or candidate < best:
            ranked[entry_id] = candidate

    for key, entry_id in lexicon.keys.get(kind, ()):
        if key == typed or key.replace(" ", "") == compact:
            offer(entry_id, 0, len(key))
        elif key.startswith(typed) or key.replace(" ", "").startswith(compact):
            offer(entry_id, 1, len(key))
        elif f" {typed}" in f" {key}":
            offer(entry_id, 2, len(key))
    if kind == "country" and len(compact) == 2 and compact.upper() in labels:
        offer(compact.upper(), 0, 0)
    if len(ranked) < limit:
        for _n, score, entry_id in process.extract(
            typed, lexicon.label_keys[kind], scorer=fuzz.WRatio, limit=limit, score_cutoff=60
        ):
            offer(entry_id, 3, 100 - int(score))
    best = sorted(ranked.items(), key=lambda item: item[1])[:limit]
    return [(entry_id, labels[entry_id]) for entry_id, _rank in best]
