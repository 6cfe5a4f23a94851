"""The keys autocomplete searches, sorted three ways (by key, by key without spaces, by each word
start after the first), so what has been typed is found by bisection instead of a scan.

Built once by whoever builds the lexicon and loaded with it: the keys are one string table
(`tables.Strings`) and the orders arrays of positions, not copies of the keys (100,000 phones have
250,000 keys and ~700,000 word starts), so a reader loads a handful of objects, not a million.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from itertools import repeat
from operator import add, floordiv, itemgetter, mod, mul
from typing import Any

from .tables import Strings

_GONE = -(1 << 48)


class CompletionIndex:
    def __init__(self, pairs: Iterable[tuple[str, str]], labels: Mapping[str, str]) -> None:
        """`pairs`: (comparable key, entry id), every key an entry answers to; those of entries
        without a label are left out."""
        import numpy as np  # the builder's: a reader loads the orders as they are stored

        from . import arrays

        kept = list(pairs)
        entries: list[str] = list(map(itemgetter(1), kept))
        present = set(entries)  # (each entry looked up once, not once per key)
        if not present <= labels.keys():
            kept = [(key, entry_id) for key, entry_id in kept if entry_id in labels]
            entries = list(map(itemgetter(1), kept))
        keys: list[str] = list(map(itemgetter(0), kept))
        # The entries sorted, and each key's entry's place among them, by numpy (for 100,000 phones'
        # 250,000 keys a sort and a lookup per key were a tenth of this index).
        self.ids, owners = arrays.distinct(entries)
        self.keys = Strings(keys)
        self.owners = arrays.packed("I", owners)
        # The orders of strings are sorts of their code points (`sorted_order`) or Python's sorts; the
        # rest is numbers sorted and gathered by numpy (one Python step per key or word start made the
        # index 2 s of a build of 100,000 phones).
        text, offsets = arrays.code_points(self.keys.text), arrays.unpacked(self.keys.offsets)
        compact_text, compact_offsets = arrays.without_spaces(text, offsets)
        self.by_key = arrays.packed("q", arrays.sorted_order(text, offsets))
        self.by_compact = arrays.packed("q", arrays.sorted_order(compact_text, compact_offsets))
        self.width = 1 + max(map(len, keys), default=0)
        # Each key's rest from each word after the first on, as key number * width + offset, sorted by
        # those rests; equal rests keep the order of their places.
        self.by_word = arrays.packed("q", arrays.word_starts(text, offsets, self.width))
        # Keys in the order an offer ranks within a tier (shorter first, then by label): a walk in this
        # order meets each entry's best key of that tier first.
        distinct_labels, label_place = arrays.distinct(list(map(labels.__getitem__, self.ids)))
        rank = np.diff(offsets) * (len(distinct_labels) + 1) + label_place[owners]
        ranked = arrays.stable_by(np.arange(len(keys)), rank)
        self.ranked = arrays.packed("q", ranked)
        # Each key's place in that order, and the keys in that order by their first two characters,
        # and by those of their compact form: a prefix's fitting keys are walked in that order
        # without walking every key (sorts are stable).
        position = np.empty(len(keys), np.int64)
        position[ranked] = np.arange(len(keys))
        self.position = arrays.packed("q", position)
        self.by_start = arrays.packed("q", arrays.stable_by(ranked, arrays.starts(text, offsets)[ranked]))
        compact_starts = arrays.starts(compact_text, compact_offsets)
        self.by_compact_start = arrays.packed("q", arrays.stable_by(ranked, compact_starts[ranked]))

    def edited(
        self, gone: set[str], added: list[tuple[str, str]], order: Mapping[str, int], labels: Mapping[str, str]
    ) -> CompletionIndex:
        """This index without the keys of the entries `gone` and with the keys `added` ((key, entry id),
        each entry's in the order a build gives them): the index a build of the whole would make, when
        the keys are in the order of their entries (`order`: an entry's place) and labels of the
        entries kept are unchanged. Each order is this one's, renumbered, with the few new keys put in
        by bisection (a sort of 250,000 keys is a second; this, a few tenths)."""
        old_keys = self.keys.tolist()
        old_entries = list(map(self.ids.__getitem__, self.owners))
        origin = [n for n, entry in enumerate(old_entries) if entry not in gone]  # old number of each key, or -1
        keys = list(map(old_keys.__getitem__, origin))
        entries = list(map(old_entries.__getitem__, origin))
        fresh: list[int] = []
        for key, entry in added:
            at = bisect_right(entries, order[entry], key=order.__getitem__)
            keys.insert(at, key)
            entries.insert(at, entry)
            origin.insert(at, -1)
        for at, was in enumerate(origin):
            if was < 0:
                fresh.append(at)
        # Each old key's new number; a key gone, a number below any place (`by_word`) it could make.
        renumbered = [_GONE] * len(old_keys)
        for at, was in enumerate(origin):
            if was >= 0:
                renumbered[was] = at

        def moved(old_order: array[int]) -> array[int]:
            return array("q", filter((0).__le__, map(renumbered.__getitem__, old_order)))

        out = CompletionIndex.__new__(CompletionIndex)
        out.ids = sorted(set(entries))
        number = {entry_id: n for n, entry_id in enumerate(out.ids)}
        out.keys = Strings(keys)
        out.owners = array("I", map(number.__getitem__, entries))
        compact = [key.replace(" ", "") for key in keys]

        def put(into: array[int], rank: Callable[[int], Any]) -> array[int]:
            for n in fresh:
                into.insert(bisect_left(into, rank(n), key=rank), n)
            return into

        out.by_key = put(moved(self.by_key), lambda n: (keys[n], n))
        out.by_compact = put(moved(self.by_compact), lambda n: (compact[n], n))
        out.width = 1 + max(map(len, keys), default=0)
        width, old_width = out.width, self.width
        # Each place n * width + at, its key renumbered and the width made the new one's, in C.
        numbers = map(renumbered.__getitem__, map(floordiv, self.by_word, repeat(old_width)))
        places = map(add, map(mul, numbers, repeat(width)), map(mod, self.by_word, repeat(old_width)))
        by_word = array("q", filter((0).__le__, places))
        rest = out.word
        for n in fresh:
            key = keys[n]
            at = key.find(" ")
            while at >= 0:
                place = n * width + at + 1
                by_word.insert(bisect_left(by_word, (key[at + 1 :], place), key=lambda p: (rest(p), p)), place)
                at = key.find(" ", at + 1)
        out.by_word = by_word
        out.ranked = put(moved(self.ranked), lambda n: (len(keys[n]), labels[entries[n]], n))
        out.position = array("q", bytes(8 * len(keys)))
        deque(map(out.position.__setitem__, out.ranked, range(len(keys))), maxlen=0)
        position = out.position
        out.by_start = put(moved(self.by_start), lambda n: (keys[n][:2], position[n]))
        out.by_compact_start = put(moved(self.by_compact_start), lambda n: (compact[n][:2], position[n]))
        return out

    def __len__(self) -> int:
        return len(self.keys)

    # The accessors bisection and the walks call thousands of times a keystroke: they slice the table's
    # text directly rather than go through `Strings.__getitem__`.

    def key(self, n: int) -> str:
        offsets = self.keys.offsets
        return self.keys.text[offsets[n] : offsets[n + 1]]

    def entry(self, n: int) -> str:
        """The id of the entry key n is of."""
        return self.ids[self.owners[n]]

    def compact(self, n: int) -> str:
        offsets = self.keys.offsets
        return self.keys.text[offsets[n] : offsets[n + 1]].replace(" ", "")

    def start(self, n: int) -> str:
        offsets = self.keys.offsets
        return self.keys.text[offsets[n] : min(offsets[n] + 2, offsets[n + 1])]

    def compact_start(self, n: int) -> str:
        return self.compact(n)[:2]

    def word(self, p: int) -> str:
        n, at = divmod(p, self.width)
        offsets = self.keys.offsets
        return self.keys.text[offsets[n] + at : offsets[n + 1]]
