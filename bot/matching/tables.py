"""Large tables of short strings held as one string and an array of offsets.

A list of 250,000 keys is 250,000 Python objects for a reader to unpickle and keep; one string with
offsets is two, and a key is sliced out when it is read (a tenth of a microsecond). Sorted tables
are searched by bisection, which reads a few dozen entries.
"""

from __future__ import annotations

import copy
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import accumulate, chain
from operator import itemgetter
from typing import Any, Self, overload

# Put between the items of a large table while they are joined, to find their ends in the text
# (`Strings`); a table of fewer items sums their lengths.
_BETWEEN = "\x01"
_LARGE = 1_000


class Strings(Sequence[str]):
    def __init__(self, items: Iterable[str]) -> None:
        items = list(items)
        joined = _BETWEEN.join(items) if len(items) >= _LARGE else ""
        if len(items) < _LARGE or joined.count(_BETWEEN) != len(items) - 1:  # (or an item holds one)
            self.text = "".join(items)
            # Each item's end, summed in C (a loop here was a tenth of building 100,000 phones' index).
            self.offsets = array("I", accumulate(map(len, items), initial=0))
            return
        # The items' ends are where the separators are, found by numpy in the joined text: the items
        # are read once, by the join (a table is most often made of a sorted list, its strings spread
        # over the memory in another order, and reading each one's length again was as long as the
        # join).
        import numpy as np  # the builder's: a reader loads the tables as they are stored

        if joined.isascii():
            chars = np.frombuffer(joined.encode("ascii"), np.uint8)
        else:
            chars = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), np.uint32)
        ends = np.empty(len(items) + 1, np.uint32)
        ends[0] = 0
        ends[1:-1] = np.flatnonzero(chars == ord(_BETWEEN)) - np.arange(len(items) - 1)
        ends[-1] = len(chars) - (len(items) - 1)
        self.text = joined.replace(_BETWEEN, "")
        self.offsets = array("I", ends.tobytes())

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @overload
    def __getitem__(self, n: int) -> str: ...

    @overload
    def __getitem__(self, n: slice) -> list[str]: ...

    def __getitem__(self, n: int | slice) -> str | list[str]:
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(len(self)))]
        if n < 0:
            n += len(self)
        return self.text[self.offsets[n] : self.offsets[n + 1]]

    def __iter__(self) -> Iterator[str]:
        text, offsets = self.text, self.offsets
        return (text[offsets[n] : offsets[n + 1]] for n in range(len(offsets) - 1))

    def tolist(self) -> list[str]:
        """Every item, sliced in C (iterating slices them one Python step at a time)."""
        offsets = self.offsets
        return list(map(self.text.__getitem__, map(slice, offsets[:-1], offsets[1:])))

    def bisect_left(self, item: str, lo: int = 0, hi: int | None = None) -> int:
        """`bisect.bisect_left` over this table (sorted), its loop here: the C one would call
        `__getitem__`, a Python call, at every step, and lookups are most of a short answer's steps."""
        text, offsets = self.text, self.offsets
        if hi is None:
            hi = len(offsets) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if text[offsets[mid] : offsets[mid + 1]] < item:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def find(self, item: str) -> int:
        """Where `item` is in this table (sorted), or -1."""
        at = self.bisect_left(item)
        offsets = self.offsets
        return at if at < len(offsets) - 1 and self.text[offsets[at] : offsets[at + 1]] == item else -1


class Models(Mapping[str, tuple[str, str]]):
    """Model numbers (compact) to (device id, variant id); `numbers` is the sorted keys."""

    def __init__(self, models: Mapping[str, tuple[str, str]]) -> None:
        numbers = sorted(models)
        self.numbers = Strings(numbers)
        entries = list(map(models.__getitem__, numbers))
        # (Each pair's halves taken in C, not by a comprehension each over 150,000 pairs.)
        self._devices = Strings(list(map(itemgetter(0), entries)))
        self._variants = Strings(list(map(itemgetter(1), entries)))

    def edited(self, gone: Iterable[str], added: Mapping[str, tuple[str, str]]) -> Models:
        """These model numbers without `gone` and with `added`: the tables made again from this one's
        (a few tenths of a second at 100,000 phones, against a sort of every number)."""
        numbers, devices, variants = self.numbers.tolist(), self._devices.tolist(), self._variants.tolist()
        for number in set(gone) | set(added):
            at = bisect_left(numbers, number)
            if at < len(numbers) and numbers[at] == number:
                del numbers[at], devices[at], variants[at]
        for number, (device, variant) in added.items():
            at = bisect_left(numbers, number)
            numbers.insert(at, number)
            devices.insert(at, device)
            variants.insert(at, variant)
        out = Models.__new__(Models)
        out.numbers, out._devices, out._variants = Strings(numbers), Strings(devices), Strings(variants)
        return out

    def __getitem__(self, number: str) -> tuple[str, str]:
        at = self.numbers.find(number)
        if at < 0:
            raise KeyError(number)
        return self._devices[at], self._variants[at]

    def get(self, number: str, default: tuple[str, str] | None = None) -> tuple[str, str] | None:  # type: ignore[override]
        at = self.numbers.find(number)
        return default if at < 0 else (self._devices[at], self._variants[at])

    def __contains__(self, number: object) -> bool:
        return isinstance(number, str) and self.numbers.find(number) >= 0

    def __iter__(self) -> Iterator[str]:
        return iter(self.numbers)

    def __len__(self) -> int:
        return len(self.numbers)


class _Overlay:
    """A table shared as it was built, and what edits of the knowledge changed since (`_edits`): an
    edit makes a new table over the same arrays, the old one left as it was."""

    _edits: dict[str, Any]

    def _with(self, edits: Mapping[str, Any]) -> Self:
        out = copy.copy(self)
        out._edits = {**self._edits, **edits}
        return out


class Counts(_Overlay):
    """How many times each key was counted (the words and neighbouring words of the phones' names, for
    an edit of the knowledge to tell which words leave the vocabulary): one sorted string table and
    an array, and the counts an edit changed since."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        keys = sorted(counts)
        self._keys = Strings(keys)
        self._counts = array("I", map(counts.__getitem__, keys))
        self._edits: dict[str, int] = {}

    def get(self, key: str) -> int:
        edited = self._edits.get(key)
        if edited is not None:
            return edited
        at = self._keys.find(key)
        return 0 if at < 0 else self._counts[at]

    def edited(self, edits: Mapping[str, int]) -> Counts:
        """These counts with some replaced; the tables are shared with this one."""
        return self._with(edits)

    @property
    def edits(self) -> int:
        return len(self._edits)


class Groups(_Overlay, Mapping[str, frozenset[str]]):
    """A key to a set of words (`_near` of the lexicon: a word with a letter deleted to the words)."""

    _SEP = "\x00"

    def __init__(self, groups: Mapping[str, Iterable[str]]) -> None:
        keys = sorted(groups)
        self._keys = Strings(keys)
        self._members = Strings(self._SEP.join(sorted(groups[k])) for k in keys)
        # Keys whose sets an edit of the knowledge changed (`edited`), an empty set for a key gone.
        self._edits: dict[str, frozenset[str]] = {}

    def edited(self, edits: Mapping[str, frozenset[str]]) -> Groups:
        """These groups with some keys' sets replaced (an empty set: the key is gone); the tables are
        shared with this one, which is left as it was."""
        return self._with(edits)

    def __getitem__(self, key: str) -> frozenset[str]:
        edits = self._edits
        if edits:
            edited = edits.get(key)
            if edited is not None:
                if not edited:
                    raise KeyError(key)
                return edited
        at = self._keys.find(key)
        if at < 0:
            raise KeyError(key)
        return frozenset(self._members[at].split(self._SEP))

    def __iter__(self) -> Iterator[str]:
        if not self._edits:
            return iter(self._keys)
        edits = self._edits
        kept = (k for k in self._keys if k not in edits)
        return iter(sorted([*kept, *(k for k, members in edits.items() if members)]))

    def __len__(self) -> int:
        return len(self._keys) if not self._edits else sum(1 for _ in self)


class Pairs(_Overlay):
    """A set of word pairs (neighbouring words of names)."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._joined = Strings(sorted({f"{a}\x00{b}" for a, b in pairs}))
        self._edits: dict[str, bool] = {}  # pairs an edit of the knowledge added (True) or took out

    @classmethod
    def joined(cls, joined: Iterable[str]) -> Pairs:
        """The pairs written as their two words joined by a NUL."""
        out = cls.__new__(cls)
        out._joined = Strings(sorted(joined))
        out._edits = {}
        return out

    def edited(self, edits: Mapping[tuple[str, str], bool]) -> Pairs:
        """These pairs with some added (True) or taken out (False); the table is shared with this one."""
        return self._with({f"{a}\x00{b}": there for (a, b), there in edits.items()})

    def __contains__(self, pair: object) -> bool:
        if not (isinstance(pair, tuple) and len(pair) == 2):
            return False
        joined = f"{pair[0]}\x00{pair[1]}"
        if self._edits:
            there = self._edits.get(joined)
            if there is not None:
                return there
        return self._joined.find(joined) >= 0

    def __len__(self) -> int:
        base = self._joined
        return len(base) + sum(there - (base.find(j) >= 0) for j, there in self._edits.items())


class Frequencies:
    """Words with one Zipf frequency per language (in hundredths; 0 where a language's list lacks the
    word): `everyday`'s word lists as one sorted string table and an array per language, which a
    reader loads with the index instead of unpacking and hashing ~150,000 words of six lists (0.1 s
    of an `ask`)."""

    def __init__(self, tables: Sequence[Mapping[str, int]]) -> None:
        import numpy as np  # the builder's: a reader loads the tables as they are stored

        from .arrays import distinct, packed

        # Every list's words sorted once and each put at its place, by numpy: Python's sort of
        # 150,000 words of several scripts, then a lookup per word, were most of this table, made on
        # a process's first build.
        words, places = distinct(list(chain.from_iterable(tables)))
        self._words = Strings(words)
        self._zipf = []
        low = 0
        for table in tables:
            high = low + len(table)
            column = np.zeros(len(words), np.uint16)
            column[places[low:high]] = list(table.values())
            self._zipf.append(packed("H", column))
            low = high

    @property
    def languages(self) -> int:
        return len(self._zipf)

    def get(self, word: str) -> tuple[float, ...] | None:
        """The word's Zipf frequencies as `everyday.frequencies` gives them, or None when no list has it."""
        at = self._words.find(word)
        if at < 0:
            return None
        return tuple([column[at] / 100 for column in self._zipf])

    def __len__(self) -> int:
        return len(self._words)
