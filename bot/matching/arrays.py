"""The builder's work over arrays of numbers, done by numpy: sorts, gathers and counts that took one
Python step per key, per word start or per node (hundreds of thousands each at 100,000 phones).

Only a build imports this (and numpy): what it makes is stored as the standard library's `array`s,
so a reader loads and reads exactly what it did before, without numpy.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from itertools import chain
from operator import is_not

import numpy as np
from numpy.typing import NDArray

Ints = NDArray[np.int64]
Chars = NDArray[np.uint32]  # a text's code points (`code_points`)

_SPACE = ord(" ")
_BETWEEN = "\x01"  # put between strings joined, to find their ends (`distinct`)
# One more than the highest code point: two characters (each plus one, 0 for none) as one number.
_CHARS = 0x110001
_DTYPES = {"q": np.int64, "Q": np.uint64, "I": np.uint32, "H": np.uint16}


def packed(typecode: str, values: NDArray[np.integer]) -> array[int]:
    """`values` as a standard `array` of `typecode` (copied as bytes, not one number at a time)."""
    dtype = np.dtype(_DTYPES[typecode])
    assert dtype.itemsize == array(typecode).itemsize
    return array(typecode, values.astype(dtype, copy=False).tobytes())


def unpacked(values: array[int]) -> Ints:
    """A standard `array` of integers as numpy's (int64)."""
    return np.frombuffer(values, np.dtype(values.typecode)).astype(np.int64)


def numbers(items: Iterable[int]) -> Ints:
    """The integers as numpy's (int64): made into a list first, which is quicker than `np.fromiter`."""
    return np.array(list(items), np.int64)


def order(items: Sequence[str]) -> Ints:
    """The positions of `items` in their sorted order, equal ones in the order they come: Python's own
    sort, which compares strings as every reader's bisection does."""
    return np.array(sorted(range(len(items)), key=items.__getitem__), np.int64)


def sorted_order(text: Chars, offsets: Ints) -> Ints:
    """`order` of the strings whose code points are `text` (string n is text[offsets[n] : offsets[n + 1]]),
    by numpy (`slices_order`). Twice as fast as Python's sort of 250,000 keys."""
    return slices_order(text, offsets[:-1], np.diff(offsets))


def slices_order(text: Chars, begins: Ints, lengths: Ints) -> Ints:
    """`order` of the slices text[begins[n] : begins[n] + lengths[n]] of the code points `text`, by
    numpy: each slice a row of its code points padded with zeros, which come before any character (a
    string before its longer namesakes), compared eight bytes at a time, a stable sort per column
    from the last (np.lexsort). No slice may hold a NUL, which would tie with the padding."""
    count = len(begins)
    if not count:
        return np.zeros(0, np.int64)
    assert not (text == 0).any(), "a string holds a NUL"
    top = int(text.max(initial=0))
    unit = np.dtype(">u1" if top < 1 << 8 else ">u2" if top < 1 << 16 else ">u4")  # big-endian: as the bytes compare
    per = 8 // unit.itemsize
    width = max(1, -(-int(lengths.max()) // per)) * per
    if len(text) == int(lengths.sum()) and begins[0] == 0 and (begins[1:] == np.cumsum(lengths[:-1])).all():
        # The slices are the text, one after another (`sorted_order`): each row's first places,
        # picked by a mask of bytes, take the text as it is, with no arrays of places.
        rows = np.zeros((count, width), unit)
        rows[np.arange(width) < lengths[:, None]] = text
        return np.lexsort(rows.view(">u8").T[::-1])
    rows = np.zeros(count * width, unit)
    # The slices' characters one after another: each one's place in `text` and in `rows` is its place
    # in that run plus its slice's shift (numbers of 32 bits where they fit: the millions of places
    # are most of the memory this sort touches).
    starts = np.cumsum(lengths) - lengths
    index = np.int32 if max(count * width, len(text)) < 1 << 31 else np.int64
    step = np.arange(int(starts[-1] + lengths[-1]), dtype=index)
    rows[step + np.repeat((np.arange(count) * width - starts).astype(index), lengths)] = text[
        step + np.repeat((begins - starts).astype(index), lengths)
    ]
    columns = rows.view(">u8").reshape(count, width // per)
    return np.lexsort(columns.T[::-1])


def code_points(text: str) -> Chars:
    """The text's characters as numbers, one per character as a `str` counts them (of 32 bits: the
    text of 250,000 keys is 3 million characters, and the arrays made of it are copied and compared
    whole)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)


def starts(text: Chars, offsets: Ints) -> Ints:
    """Each string's first two characters (string n is text[offsets[n] : offsets[n + 1]]) as one
    number, ordered as those two characters are as strings ("" < "a" < "ab")."""
    begin, length = offsets[:-1], np.diff(offsets)
    if not len(text):
        return np.zeros(len(length), np.int64)
    first = np.where(length >= 1, text.take(begin, mode="clip").astype(np.int64) + 1, 0)
    second = np.where(length >= 2, text.take(begin + 1, mode="clip").astype(np.int64) + 1, 0)
    return first * _CHARS + second


def without_spaces(text: Chars, offsets: Ints) -> tuple[Chars, Ints]:
    """The strings with their spaces taken out: their characters and offsets. (Each offset less the
    spaces before it, found by bisection among the spaces: a running count of them at every character
    was as long as the three sorts of the completion index.)"""
    space = text == _SPACE
    return text[~space], offsets - np.searchsorted(np.flatnonzero(space), offsets)


def word_starts(text: Chars, offsets: Ints, width: int) -> Ints:
    """Where each word after a string's first starts, as string number * width + offset, in the order
    of the rests of the strings from there (equal rests in the order of their places)."""
    at = np.flatnonzero(text == _SPACE)
    owner = np.searchsorted(offsets, at, side="right") - 1
    begin = at + 1
    places: Ints = owner * width + (begin - offsets[owner])
    return places[slices_order(text, begin, offsets[owner + 1] - begin)]


def stable_by(values: Ints, keys: Ints) -> Ints:
    """`values` sorted by `keys` (one per value), equal keys keeping their order."""
    return values[np.argsort(keys, kind="stable")]


def levels(tokens: Ints, lengths: Ints, width: int) -> tuple[Ints, Ints, Ints]:
    """The trie of names given as their words' numbers (each below `width`; name n's are the next
    lengths[n] of `tokens`, at least one), its nodes numbered breadth first (the root 0, then by depth,
    by the parent's number, by the word's): each name's node, and each node's word and parent (the
    root's both 0). Made a level at a time: the nodes at a depth are the distinct (parent, word) of
    the names that long, and sorted they are in breadth-first order."""
    begin = np.cumsum(lengths) - lengths
    node = np.zeros(len(lengths), np.int64)  # each name's node so far
    words, parents = [np.zeros(1, np.int64)], [np.zeros(1, np.int64)]
    size = 1
    for depth in range(int(lengths.max(initial=0))):
        going = np.flatnonzero(lengths > depth)
        found, inverse = np.unique(node[going] * width + tokens[begin[going] + depth], return_inverse=True)
        node[going] = size + inverse.reshape(-1)
        parent, word = np.divmod(found, width)
        parents.append(parent)
        words.append(word)
        size += len(found)
    return node, np.concatenate(words), np.concatenate(parents)


def runs(owners: Ints, size: int, initial: int) -> Ints:
    """Where each of `size` owners' consecutive run starts when `owners` (each item's) is sorted, and
    the end of the last: `initial`, then `initial` plus the running count of items."""
    return np.concatenate(([initial], initial + np.cumsum(np.bincount(owners, minlength=size))))


def distinct(items: list[str]) -> tuple[list[str], Ints]:
    """The distinct strings of `items`, sorted, and each item's place among them. Sorted by numpy
    as fixed-width UTF-8, which is Python's order of strings (twice as fast as Python's sort for
    words of several scripts); numpy's strings end at their first NUL, so none may hold one."""
    if not items:
        return [], np.zeros(0, np.int64)
    # Only the first of each run of one string object is read (the keys of autocomplete come a
    # phone's at a time, 250,000 keys of 100,000 phones, each naming its phone by the same id):
    # comparing pointers finds the runs, where reading 250,000 strings spread over the memory, to
    # encode or compare them, was most of this. (Equal strings apart, or in two objects, are made one
    # by the sort; the first of a distinct item's runs is its first place, as `return_index` gives it.)
    heads = np.flatnonzero(np.fromiter(chain((True,), map(is_not, items[1:], items[:-1])), bool, len(items)))
    firsts = items if len(heads) == len(items) else list(map(items.__getitem__, heads.tolist()))
    # (Joined with a separator, for numpy to find the items' ends, not reading each one's length again.)
    joined = _BETWEEN.join(firsts)
    assert "\x00" not in joined, "a string holds a NUL"
    # As UTF-8, whose bytes order as their code points do: a quarter of the width of numpy's strings
    # to sort for ASCII (ids, and names of phones), about half for the word lists of several scripts;
    # each distinct one is taken from `items`, not decoded again.
    both = _fixed_bytes(joined.encode("utf-8", "surrogatepass"), firsts)
    _, first, places = np.unique(both, return_index=True, return_inverse=True)
    lengths = np.diff(np.append(heads, len(items)))
    return list(map(firsts.__getitem__, first.tolist())), np.repeat(places.astype(np.int64), lengths)


def _fixed_bytes(joined: bytes, items: list[str]) -> NDArray[np.bytes_]:
    """Each of `items` as fixed-width bytes, its UTF-8, `joined` their UTF-8 with `_BETWEEN` between
    them: the rows placed by numpy from that one text (numpy encodes a list of strings one at a time,
    most of `distinct` for the 250,000 keys of 100,000 phones). (No byte of a character but
    `_BETWEEN` itself is `_BETWEEN` in UTF-8.)"""
    chars = np.frombuffer(joined, np.uint8)
    cuts = np.flatnonzero(chars == ord(_BETWEEN))
    if len(cuts) != len(items) - 1:  # (an item holds the separator)
        return np.array([item.encode("utf-8", "surrogatepass") for item in items], np.bytes_)
    begins = np.concatenate(([0], cuts + 1))
    lengths = np.append(cuts, len(chars)) - begins
    width = max(1, int(lengths.max()))  # (numpy's width for empty strings is 1 too)
    rows = np.zeros((len(items), width), np.uint8)
    # Each row's first places, by masks of bytes, not arrays of places (8 bytes per character).
    rows[np.arange(width) < lengths[:, None]] = chars[chars != ord(_BETWEEN)]
    return rows.view(f"S{width}").reshape(-1)


def name_counts(words: Ints, lengths: Ints, names: Ints, met: Sequence[str]) -> tuple[dict[str, int], dict[str, int]]:
    """How many times each word, and each two neighbouring words (keyed by the two joined by a NUL),
    come in the names `names` (numbers of names, a name counted as often as it comes): name n's words
    are the next lengths[n] numbers of `words`, each the number of a word of `met`. The words are in
    the order first met in those names, the pairs in the order of their keys; a string is made for
    each distinct pair only (a million pairs at 100,000 phones, 200,000 distinct)."""
    count = lengths[names]
    ends = np.cumsum(count)
    total = int(ends[-1]) if len(ends) else 0
    # Every word of those names, one name after another.
    said = words[np.arange(total) + np.repeat(np.cumsum(lengths)[names] - ends, count)]
    # Each word's count and first place, by a count and a minimum per word number (the numbers are
    # below len(met)): a stable sort of the million words, as `np.unique` makes for first places, was
    # twenty times as long.
    times = np.bincount(said, minlength=len(met))
    first = np.full(len(met), total, np.int64)
    np.minimum.at(first, said, np.arange(total))
    found = np.flatnonzero(times)
    in_order = found[np.argsort(first[found])]
    word_counts = dict(zip(map(met.__getitem__, in_order.tolist()), times[in_order].tolist(), strict=True))
    if total < 2:
        return word_counts, {}
    # Word i and i + 1 are neighbours unless word i ends a name.
    inside = np.ones(total - 1, bool)
    inside[ends[ends < total] - 1] = False
    width = len(met)
    # Each pair numbered by its words' places in their sorted order: numpy's sort then gives the pairs
    # in the order of their strings (a word, a NUL, a word, and no word holds a NUL: two compare as
    # their first words, then their second), and the tables that keep them sorted (`tables.Counts`,
    # `tables.Pairs`) sort 200,000 strings again at the cost of a pass over them.
    ranked = order(met)
    place = np.empty(width, np.int64)
    place[ranked] = np.arange(width)
    pairs, times = np.unique(place[said[:-1][inside]] * width + place[said[1:][inside]], return_counts=True)
    firsts, seconds = np.divmod(pairs, width)
    words_in_order = list(map(met.__getitem__, ranked.tolist()))
    first_words = map(words_in_order.__getitem__, firsts.tolist())
    second_words = map(words_in_order.__getitem__, seconds.tolist())
    joined = map("\x00".join, zip(first_words, second_words, strict=True))
    return word_counts, dict(zip(joined, times.tolist(), strict=True))
