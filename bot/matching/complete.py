"""Autocomplete for slash commands, over the same lexicon that reads questions: a phone completes from
its name, an alias or a model number ("sms921u"), a carrier from a nickname ("tmo"), a country from
its code or a nickname ("uk", "usa")."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from heapq import merge

from .. import text
from .complete_index import CompletionIndex
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


def _range(order: Sequence[int], value: Callable[[int], str], prefix: str) -> tuple[int, int]:
    """Where in `order` (sorted by `value`) the values start with `prefix`."""
    low = bisect_left(order, prefix, key=value)
    return low, bisect_left(order, prefix + _TOP, lo=low, key=value)


def _index(lexicon: Lexicon, kind: str) -> CompletionIndex:
    return lexicon.completion[kind]


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

    def rank(n: int) -> int | None:
        """0 when the key is what was typed, 1 when it starts with it, 2 when a later word does (with
        or without spaces): each key gets the first that fits, as one pass over every key gave it."""
        key = index.key(n)
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
        offer(index.entry(n), 0, len(index.key(n)))
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
                    offer(index.entry(n), r, len(index.key(n)))
            continue
        # Many keys fit: walk the keys shortest first and stop once `limit` entries rank this well;
        # any key further on could only come after those. Keys starting with what was typed are
        # among those starting with its first two characters, kept in that order for each two.
        walk: Iterable[int] = index.ranked
        if tier == 1 and len(typed) >= 2 and len(compact) >= 2:
            walk = _starting_with(index, typed[:2], compact[:2])
        for n in walk:
            if rank(n) == tier:
                entry_id = index.entry(n)
                new = entry_id not in ranked
                offer(entry_id, tier, len(index.key(n)))
                found += new
                if found >= limit:
                    break
    if kind == "country" and len(compact) == 2 and compact.upper() in labels:
        offer(compact.upper(), 0, 0)
    respelt = _respelt(lexicon, typed)
    if len(ranked) < limit and respelt != typed:
        # "pixle 9": the names the question reader would read, as it corrects the typo
        for n, (entry_id, _label) in enumerate(complete(lexicon, kind, respelt, limit)):
            offer(entry_id, 3, n)
    if len(ranked) < limit and not (kind == "device" and _maker_without_phones(lexicon, typed)):
        choices: dict[str, str] = lexicon.label_keys[kind]
        if len(choices) > FUZZY_SCAN_LIMIT:
            choices = _near_labels(lexicon, index, kind, typed)
        from rapidfuzz import fuzz, process  # imported by the first fuzzy search, not by every ask

        for _n, score, entry_id in process.extract(typed, choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=60):
            offer(entry_id, 3, 100 - int(score))
    best = sorted(ranked.items(), key=lambda item: item[1])[:limit]
    return [(entry_id, labels[entry_id]) for entry_id, _rank in best]


def _starting_with(index: CompletionIndex, head: str, compact_head: str) -> Iterator[int]:
    """The keys starting with `head` or whose compact form starts with `compact_head` (two characters
    each), in rank order: what a walk over all keys meets of them. (That walk passed ~limit * all /
    fitting keys, many more when the fitting keys are long, such as model numbers sharing their first
    letters: 9-16 ms at 100,000 phones for two typed letters.) A key may come twice; meeting it again
    changes nothing."""
    low, high = _range(index.by_start, index.start, head)
    compact_low, compact_high = _range(index.by_compact_start, index.compact_start, compact_head)
    return merge(
        index.by_start[low:high],
        index.by_compact_start[compact_low:compact_high],
        key=index.position.__getitem__,
    )


def _respelt(lexicon: Lexicon, typed: str) -> str:
    """What was typed with each word one edit from a name's word corrected, as questions are read."""
    words = typed.split()
    return " ".join(next(iter(lexicon.corrections(w)), (w, 1.0))[0] for w in words)


def _maker_without_phones(lexicon: Lexicon, typed: str) -> bool:
    """ "tcl 40": a maker we know by name only; no other maker's phone is close to what was meant
    ("tcl" is not "stylus", "htc" not "hot")."""
    node = lexicon.root.children.get(typed.split()[0])
    return node is not None and any(p.kind == "vendor" and not lexicon.devices_of([p.id]) for p in node.payloads)


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
                entry_id = index.entry(order[i] // owner)
                out[entry_id] = label_keys[entry_id]
    return out
