"""Autocomplete for slash commands, over the same lexicon that reads questions: a phone completes from
its name, an alias or a model number ("sms921u"), a carrier from a nickname ("tmo"), a country from
its code or a nickname ("uk", "usa")."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from rapidfuzz import fuzz, process

from .. import text
from .lexicon import Lexicon

# Above this many labels a fuzzy scan of every label takes longer than a keystroke (~0.3 s at
# 100,000 phones): close names are then looked for among the names with a word that starts the way
# a typed word does.
FUZZY_SCAN_LIMIT = 20_000
# At most this many of those names are weighed (a few milliseconds of WRatio).
NEAR_LIMIT = 2_000
# A range of fitting keys longer than this is not walked whole: the keys are walked in rank order
# instead, where a short prefix ("a") finds its best 25 within a few thousand keys.
WALK_LIMIT = 2_000
_TOP = "\U0010ffff"


class CompletionIndex:
    """The keys of one kind of entry, sorted three ways (by key, by key without spaces, by each word
    start after the first), so what has been typed is found by bisection instead of a scan. The sorted
    orders are arrays of positions, not copies of the keys: 100,000 phones have ~700,000 word starts."""

    def __init__(self, lexicon: Lexicon, kind: str) -> None:
        labels = lexicon.labels[kind]
        self.keys = [(key, entry_id) for key, entry_id in lexicon.keys.get(kind, ()) if entry_id in labels]
        keys = self.keys
        self.by_key = array("q", sorted(range(len(keys)), key=lambda n: keys[n][0]))
        self.by_compact = array("q", sorted(range(len(keys)), key=lambda n: keys[n][0].replace(" ", "")))
        self.width = 1 + max((len(k) for k, _ in keys), default=0)
        width = self.width
        starts = [n * width + pos + 1 for n, (k, _) in enumerate(keys) for pos, ch in enumerate(k) if ch == " "]
        starts.sort(key=lambda p: keys[p // width][0][p % width :])
        self.by_word = array("q", starts)
        # Keys in the order an offer ranks within a tier (shorter first, then by label): a walk in this
        # order meets each entry's best key of that tier first.
        self.ranked = array("q", sorted(range(len(keys)), key=lambda n: (len(keys[n][0]), labels[keys[n][1]])))

    def key(self, n: int) -> str:
        return self.keys[n][0]

    def compact(self, n: int) -> str:
        return self.keys[n][0].replace(" ", "")

    def word(self, p: int) -> str:
        return self.keys[p // self.width][0][p % self.width :]


def _range(order: Sequence[int], value: Callable[[int], str], prefix: str) -> tuple[int, int]:
    """Where in `order` (sorted by `value`) the values start with `prefix`."""
    low = bisect_left(order, prefix, key=value)
    return low, bisect_left(order, prefix + _TOP, lo=low, key=value)


def _index(lexicon: Lexicon, kind: str) -> CompletionIndex:
    cached = lexicon.completion.get(kind)
    if cached is None:
        cached = lexicon.completion[kind] = CompletionIndex(lexicon, kind)
    return cached


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

    index = _index(lexicon, kind)
    keys = index.keys

    def rank(n: int) -> int | None:
        """0 when the key is what was typed, 1 when it starts with it, 2 when a later word does (with
        or without spaces): each key gets the first that fits, as one pass over every key gave it."""
        key = keys[n][0]
        glued = key.replace(" ", "")
        if key == typed or glued == compact:
            return 0
        if key.startswith(typed) or glued.startswith(compact):
            return 1
        if f" {typed}" in f" {key}":
            return 2
        return None

    by_key = _range(index.by_key, index.key, typed)
    by_compact = _range(index.by_compact, index.compact, compact)
    by_word = _range(index.by_word, index.word, typed)
    # Tier 0 is the start of the two prefix ranges (the keys equal to what was typed).
    equal = bisect_right(index.by_key, typed, lo=by_key[0], hi=by_key[1], key=index.key)
    equal_compact = bisect_right(index.by_compact, compact, lo=by_compact[0], hi=by_compact[1], key=index.compact)
    for n in (*index.by_key[by_key[0] : equal], *index.by_compact[by_compact[0] : equal_compact]):
        offer(keys[n][1], 0, len(keys[n][0]))
    sizes = {1: by_key[1] - by_key[0] + by_compact[1] - by_compact[0], 2: by_word[1] - by_word[0]}
    for tier, size in sizes.items():
        found = sum(1 for value in ranked.values() if value[0] <= tier)
        if found >= limit:
            break  # the tiers above fill the list: nothing of this tier would be shown
        if size <= WALK_LIMIT:
            if tier == 1:
                members = {*index.by_key[slice(*by_key)], *index.by_compact[slice(*by_compact)]}
            else:
                members = {p // index.width for p in index.by_word[slice(*by_word)]}
            for n in sorted(members):
                r = rank(n)
                if r is not None:
                    offer(keys[n][1], r, len(keys[n][0]))
            continue
        # Many keys fit: walk all keys shortest first and stop once `limit` entries rank this well;
        # any key further on could only come after those.
        for n in index.ranked:
            if rank(n) == tier:
                entry_id = keys[n][1]
                new = entry_id not in ranked
                offer(entry_id, tier, len(keys[n][0]))
                found += new
                if found >= limit:
                    break
    if kind == "country" and len(compact) == 2 and compact.upper() in labels:
        offer(compact.upper(), 0, 0)
    if len(ranked) < limit:
        choices: dict[str, str] = lexicon.label_keys[kind]
        if len(choices) > FUZZY_SCAN_LIMIT:
            choices = _near_labels(lexicon, index, kind, typed)
        for _n, score, entry_id in process.extract(typed, choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=60):
            offer(entry_id, 3, 100 - int(score))
    best = sorted(ranked.items(), key=lambda item: item[1])[:limit]
    return [(entry_id, labels[entry_id]) for entry_id, _rank in best]


def _near_labels(lexicon: Lexicon, index: CompletionIndex, kind: str, typed: str) -> dict[str, str]:
    """Labels of the entries with a word starting with the first two letters of a typed word: where
    to look for close names when scanning every label would take too long."""
    label_keys = lexicon.label_keys[kind]
    out: dict[str, str] = {}
    for word in typed.split():
        for order, value, owner in (
            (index.by_key, index.key, 1),
            (index.by_word, index.word, index.width),
        ):
            low, high = _range(order, value, word[:2])
            for i in range(low, high):
                if len(out) >= NEAR_LIMIT:
                    return out
                entry_id = index.keys[order[i] // owner][1]
                out[entry_id] = label_keys[entry_id]
    return out
