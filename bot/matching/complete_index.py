"""The keys autocomplete searches, sorted three ways (by key, by key without spaces, by each word
start after the first), so what has been typed is found by bisection instead of a scan.

Built once by whoever builds the lexicon and loaded with it: the keys are one string table
(`tables.Strings`) and the orders arrays of positions, not copies of the keys (100,000 phones have
250,000 keys and ~700,000 word starts), so a reader loads a handful of objects, not a million.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from operator import itemgetter
from typing import Any

from .tables import Strings


class CompletionIndex:
    def __init__(self, pairs: Iterable[tuple[str, str]], labels: Mapping[str, str]) -> None:
        """`pairs`: (comparable key, entry id), every key an entry answers to; those of entries
        without a label are left out."""
        import numpy as np  # the builder's: a reader loads the orders as they are stored

        from . import arrays

        kept = list(pairs)
        entries: list[str] = list(map(itemgetter(1), kept))
        # The entries sorted, and each key's entry's place among them, by numpy (for 100,000 phones'
        # 250,000 keys a sort and a lookup per key were a tenth of this index); each entry is looked
        # up among the labels once, not once per key.
        self.ids, owners = arrays.distinct(entries)
        if not all(map(labels.__contains__, self.ids)):
            kept = [(key, entry_id) for key, entry_id in kept if entry_id in labels]
            entries = list(map(itemgetter(1), kept))
            self.ids, owners = arrays.distinct(entries)
        keys: list[str] = list(map(itemgetter(0), kept))
        self.keys = Strings(keys)
        self.owners = arrays.packed("I", owners)
        # The orders of strings are sorts of their code points (`sorted_order`) or Python's sorts; the
        # rest is numbers sorted and gathered by numpy (one Python step per key or word start made the
        # index 2 s of a build of 100,000 phones).
        text, offsets = arrays.code_points(self.keys.text), arrays.unpacked(self.keys.offsets)
        compact_text, compact_offsets = arrays.without_spaces(text, offsets)
        self.by_key = arrays.packed("q", arrays.sorted_order(text, offsets))
        self.by_compact = arrays.packed("q", arrays.sorted_order(compact_text, compact_offsets))
        self.width = 1 + int(np.diff(offsets).max(initial=0))  # (the keys' lengths, not read again)
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
        by bisection (a sort of 250,000 keys is a second). The renumbering is numpy's over the arrays
        and the keys' text is the old text's runs of kept keys spliced: one Python step per key or
        word start (a million at 100,000 phones) was a second of the writer's build per change."""
        import numpy as np  # the builder's, as in `__init__`

        from . import arrays

        old_ids = self.ids
        old_owners = arrays.unpacked(self.owners)
        old_offsets = arrays.unpacked(self.keys.offsets)
        old_text = self.keys.text
        gone_numbers = sorted(
            n for n in (bisect_left(old_ids, e) for e in gone) if n < len(old_ids) and old_ids[n] in gone
        )
        # The old number of each key kept, in order; each added key put in where a build puts it (after
        # the keys of entries placed up to its own), numbered -1 - its place in `added`.
        origin: list[int] = np.flatnonzero(~np.isin(old_owners, gone_numbers)).tolist()
        added_entries = [entry for _key, entry in added]

        def place(at: int) -> int:
            n = origin[at]
            return order[old_ids[old_owners[n]] if n >= 0 else added_entries[-1 - n]]

        for j, (_key, entry) in enumerate(added):
            origin.insert(bisect_right(range(len(origin)), order[entry], key=place), -1 - j)
        numbers = np.array(origin, np.int64)
        old = numbers >= 0
        kept_at = np.flatnonzero(old)
        fresh: list[int] = np.flatnonzero(~old).tolist()
        # Each old key's new number; a key gone, -1.
        renumbered = np.full(len(old_offsets) - 1, -1, np.int64)
        renumbered[numbers[kept_at]] = kept_at

        def moved(old_order: array[int]) -> array[int]:
            got = renumbered[np.frombuffer(old_order, np.int64)]
            return arrays.packed("q", got[got >= 0])

        out = CompletionIndex.__new__(CompletionIndex)
        # The entries: the old ones less those left without a key, and the new ones, sorted.
        ids = list(old_ids)
        for n in reversed(gone_numbers):
            del ids[n]
        have = set(ids)
        for entry_id in dict.fromkeys(added_entries):
            if entry_id not in have:
                ids.insert(bisect_left(ids, entry_id), entry_id)
        out.ids = ids
        # Each old entry's new number (-1: gone), by the shift the entries taken out and put in make.
        shift = np.zeros(len(old_ids) + 1, np.int64)
        for n in gone_numbers:
            shift[n + 1] -= 1
        for entry_id in have.symmetric_difference(ids):
            shift[bisect_left(old_ids, entry_id)] += 1
        new_number = np.arange(len(old_ids)) + np.cumsum(shift)[:-1]
        owners = np.empty(len(numbers), np.int64)
        owners[kept_at] = new_number[old_owners[numbers[kept_at]]]
        for n in fresh:
            owners[n] = bisect_left(ids, added_entries[-1 - origin[n]])
        out.owners = arrays.packed("I", owners)
        # The keys' text: the old text's runs of consecutive kept keys, and the added keys between them.
        lengths = np.empty(len(numbers), np.int64)
        lengths[kept_at] = np.diff(old_offsets)[numbers[kept_at]]
        pieces: list[str] = []
        breaks = np.flatnonzero((np.diff(numbers) != 1) | ~old[1:] | ~old[:-1]) + 1
        for begin, end in zip([0, *breaks.tolist()], [*breaks.tolist(), len(numbers)], strict=True):
            if begin == end:
                continue
            first = origin[begin]
            if first < 0:
                key = added[-1 - first][0]
                pieces.append(key)
                lengths[begin] = len(key)
            else:
                pieces.append(old_text[old_offsets[first] : old_offsets[origin[end - 1] + 1]])
        keys = out.keys = Strings.__new__(Strings)
        keys.text = "".join(pieces)
        keys.offsets = arrays.packed("I", np.concatenate(([0], np.cumsum(lengths))))

        def put(into: array[int], rank: Callable[[int], Any]) -> array[int]:
            for n in fresh:
                into.insert(bisect_left(into, rank(n), key=rank), n)
            return into

        key_of, compact = out.key, out.compact
        out.by_key = put(moved(self.by_key), lambda n: (key_of(n), n))
        out.by_compact = put(moved(self.by_compact), lambda n: (compact(n), n))
        out.width = 1 + int(lengths.max(initial=0))
        width, old_width = out.width, self.width
        # Each place n * width + at, its key renumbered and the width made the new one's.
        old_places = np.frombuffer(self.by_word, np.int64)
        word_keys = renumbered[old_places // old_width]
        places = word_keys * width + old_places % old_width
        by_word = arrays.packed("q", places[word_keys >= 0])
        rest = out.word
        for n in fresh:
            key = key_of(n)
            at = key.find(" ")
            while at >= 0:
                place_at = n * width + at + 1
                by_word.insert(bisect_left(by_word, (key[at + 1 :], place_at), key=lambda p: (rest(p), p)), place_at)
                at = key.find(" ", at + 1)
        out.by_word = by_word
        entry_of = out.entry
        out.ranked = put(moved(self.ranked), lambda n: (int(lengths[n]), labels[entry_of(n)], n))
        position = np.empty(len(numbers), np.int64)
        position[np.frombuffer(out.ranked, np.int64)] = np.arange(len(numbers))
        out.position = arrays.packed("q", position)
        at_rank = out.position
        out.by_start = put(moved(self.by_start), lambda n: (out.start(n), at_rank[n]))
        out.by_compact_start = put(moved(self.by_compact_start), lambda n: (out.compact_start(n), at_rank[n]))
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
