"""The lexicon's names as a trie of tokens, grown from dicts while it is built, then frozen into a few
flat arrays.

At 100,000 phones the grown trie is half a million nodes, each a dict and a list: over a million
Python objects that a reader would unpickle one by one (a second of its start) and hold (130 MB).
Frozen, it is five arrays and two short tables, loaded as a handful of byte copies. Nodes are
numbered breadth first, so a node's children are consecutive numbers, kept in the order of their
tokens' numbers: a child is found by bisection over that run (the root's, by a dict). `Node` is a
view of one number with the grown node's interface (`children.get`, `in children`, `payloads`),
which is all reading uses.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import count
from typing import Any


@dataclass(frozen=True, slots=True)  # 240,000 at 100,000 phones: no __dict__ each
class Payload:
    # device | vendor | carrier | country | city (a city or a state: a place in a country) | origin (a
    # country adjective: "chinese", "cn")
    kind: str
    id: str
    derived: bool = False  # generated from a name, not written by a curator
    glued_only: bool = False  # "s24" counts, "s 24" on its own does not
    weak: bool = False  # the whole key is an everyday word ("nothing", "three")
    cased: tuple[str, ...] = ()  # how the entity writes that word ("Nothing"), for weak keys
    untagged: bool = False  # the name without its "5G"/"4G": a 4G namesake may exist that we do not know


@dataclass(slots=True)
class Growing:
    """A node while the trie is built."""

    children: dict[str, Growing] = field(default_factory=dict)
    payloads: list[Payload] = field(default_factory=list)


# A payload is stored as one number: the index of its id, times this, plus the index of the rest of
# it (its kind and flags, of which there are a few dozen combinations).
_SHAPES = 1 << 16
# A payload added to a node is remembered as one number: the node's, shifted past the widest code.
_CODE_BITS = 40


def shape_of(p: Payload) -> tuple[Any, ...]:
    """What a payload is besides its id: its kind and flags."""
    return (p.kind, p.derived, p.glued_only, p.weak, p.cased, p.untagged)


class Builder:
    """A trie while it grows, without an object per node: the names added are numbers, found by their
    keys (their words joined by spaces) in one dict, and each name's payloads codes (an id's number
    and a shape's number, as the frozen trie stores them). `freeze` makes the nodes of every name's
    words at once and numbers them breadth first, a level at a time, with a few sorts of numbers: the
    trie `Trie(grown)` makes of the same names, added in the same order.

    At 100,000 phones growing `Growing` nodes (half a million dataclasses, each with a dict and a
    list) and walking them to freeze them took a fifth of the whole build; making the nodes on the
    way to each name (a lookup and three appends per node, half a million) was a second."""

    def __init__(self) -> None:
        # Each name added by its key: its words joined by single spaces (tokens hold no spaces).
        self.nodes: dict[str, int] = {}
        # Each name's words as numbers, given as words are first met, every name's after the one
        # before, and how many words each name has: numbered as names come, while their words are at
        # hand (numbering a million words when freezing was a third of a second).
        self.word_number: defaultdict[str, int] = defaultdict(count().__next__)
        self.name_words = array("I")
        self.name_lengths = array("I")
        # Every payload added, as its name's number and its code, in the order added (flat arrays: a
        # list per name was 260,000 small lists to gather when freezing), and the pairs added, to
        # refuse one added again (but for the phones' payloads: `lexicon._add_payloads`).
        self.held_by = array("I")
        self.codes = array("Q")
        self.added: set[int] = set()
        self.ids: dict[str, int] = {}
        self.shapes: dict[tuple[Any, ...], int] = {}

    def node(self, key: str, words: list[str] | None = None) -> int:
        """The number of the name of these words (`key`: at least one word, joined by single spaces;
        `words`: the words, when the caller has them), given when first asked for. Its node, and those
        on the way to it, are made when freezing."""
        nodes = self.nodes
        found = nodes.get(key)
        if found is None:
            found = nodes[key] = len(nodes)
            words = key.split(" ") if words is None else words
            self.name_words.extend(map(self.word_number.__getitem__, words))
            self.name_lengths.append(len(words))
        return found

    def add_at(self, key: str, code: int, words: list[str] | None = None) -> bool:
        """`add` at the name of `key` (`node`). `add`'s lines are repeated here rather than called: this
        runs for every name of makers, carriers and places, and the two calls it would make cost 0.1 µs
        each time; the property test in `tests/test_tables.py` builds the same trie both ways. (The
        phones' names and forms, a quarter of a million at 100,000 phones, are added all at once by
        `lexicon._add_payloads`, which does what these lines do to each, in turn.)"""
        node = self.nodes.get(key)
        if node is None:
            node = self.node(key, words)
        pair = node << _CODE_BITS | code
        if pair in self.added:
            return False
        self.added.add(pair)
        self.held_by.append(node)
        self.codes.append(code)
        return True

    def code(self, id: str, shape: tuple[Any, ...]) -> int:
        return self.id_base(id) + self.shape_number(shape)

    def id_base(self, id: str) -> int:
        """The part of a code that says the id: add a shape's number to it (`code`)."""
        ids = self.ids
        return ids.setdefault(id, len(ids)) * _SHAPES

    def shape_number(self, shape: tuple[Any, ...]) -> int:
        shapes = self.shapes
        return shapes.setdefault(shape, len(shapes))

    def add(self, node: int, code: int) -> bool:
        """Add a payload's code to a name (its number, `node`); False when the name had it already."""
        pair = node << _CODE_BITS | code
        if pair in self.added:
            return False
        self.added.add(pair)
        self.held_by.append(node)
        self.codes.append(code)
        return True

    def freeze(self) -> Trie:
        """The trie, its nodes numbered breadth first: `Trie(grown)` of the same names, added in the
        same order. The nodes, their numbering, the children's runs and the payloads' order are sorts
        and counts of numbers, by numpy (in Python, a step per node: a second at 100,000 phones)."""
        import numpy as np  # the builder's: a reader loads the arrays as they are stored

        from . import arrays

        # The words sorted, each one's number in that order (the frozen trie's token).
        met = list(self.word_number)
        ranked = arrays.order(met)  # (one sort: the words in order are taken from it)
        words = list(map(met.__getitem__, ranked.tolist()))
        place = np.empty(len(met), np.int64)
        place[ranked] = np.arange(len(met))
        tokens = place[arrays.unpacked(self.name_words)]
        # Each name's node, a level (a word) at a time: a node is its parent's number and its word.
        node, token, parent = arrays.levels(tokens, arrays.unpacked(self.name_lengths), len(words))
        size = len(token)
        # Node n's children come after those of every node before it (the root is node 0).
        first = arrays.runs(parent[1:], size, 1)
        # The payloads in that order, each node's in the order they were added (the sort is stable).
        # Ids and shapes keep the numbers they were given as they came (the reader decodes a code
        # through these lists, in whatever order they are).
        held_at = node[arrays.unpacked(self.held_by)]
        assert len(self.shapes) < _SHAPES and len(self.ids) * _SHAPES < 1 << _CODE_BITS
        trie = Trie.__new__(Trie)
        trie.words = words
        trie.ids = list(self.ids)
        trie.shapes = list(self.shapes)
        trie.first = arrays.packed("I", first)
        trie.token = arrays.packed("I", token)
        trie.starts = arrays.packed("I", arrays.runs(held_at, size, 0))
        trie.codes = arrays.packed("Q", np.frombuffer(self.codes, np.uint64)[np.argsort(held_at, kind="stable")])
        trie._kids, trie._pays = {}, {}
        trie._restore()
        return trie


# Payloads made again while answering are kept, up to this many (a question meets a few dozen): each
# is an object every full collection of the garbage collector walks while answering.
_KEEP = 5_000


class Trie:
    def __init__(self, root: Growing) -> None:
        ids: dict[str, int] = {}
        shapes: dict[tuple[Any, ...], int] = {}
        first = array("I")  # node n's children are the nodes first[n] .. first[n + 1] - 1
        edges = [""]  # the word of the edge into node n (none into the root)
        starts = array("I", [0])  # node n's payloads are codes[starts[n] : starts[n + 1]]
        codes = array("Q")
        order = [root]
        for node in order:  # grows as it goes: breadth first
            first.append(len(order))
            children = node.children
            if children:
                # By word, which is by the words' numbers: they are numbered in sorted order.
                for word in sorted(children) if len(children) > 1 else children:
                    edges.append(word)
                    order.append(children[word])
            for p in node.payloads:
                shape = (p.kind, p.derived, p.glued_only, p.weak, p.cased, p.untagged)
                s = shapes.setdefault(shape, len(shapes))
                codes.append(ids.setdefault(p.id, len(ids)) * _SHAPES + s)
            starts.append(len(codes))
        first.append(len(order))
        assert len(shapes) < _SHAPES
        words = sorted(set(edges[1:]))
        token_of = {word: n for n, word in enumerate(words)}
        self.words = words
        self.ids = list(ids)
        self.shapes = list(shapes)
        self.first = first
        self.token = array("I", [0, *(token_of[word] for word in edges[1:])])
        self.starts = starts
        self.codes = codes
        self._kids, self._pays = {}, {}
        self._restore()

    # An edit of a few phones (`edited`) leaves the arrays as they are and says what differs: the
    # children (by word) of each node whose children changed, and the payload codes of each node whose
    # payloads changed. Nodes an edit makes are numbered after the arrays' last.
    _kids: dict[int, dict[str, int]]
    _pays: dict[int, tuple[int, ...]]

    def _restore(self) -> None:
        # Made again after a load rather than stored: cheap next to the arrays, and the cache is
        # per process.
        self._token_of = {word: n for n, word in enumerate(self.words)}
        # The root's children by word: every token of a question is looked up there first.
        top = self._kids.get(0)
        self._top = dict(top) if top is not None else self._children(0)
        self._made: dict[int, Payload] = {}

    def __getstate__(self) -> tuple[Any, ...]:
        return (
            self.words,
            self.ids,
            self.shapes,
            self.first,
            self.token,
            self.starts,
            self.codes,
            self._kids,
            self._pays,
        )

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        (self.words, self.ids, self.shapes, self.first, self.token, self.starts, self.codes, self._kids, self._pays) = (
            state
        )
        self._restore()

    def _children(self, n: int) -> dict[str, int]:
        """Node n's children by word, as the arrays hold them."""
        words, token = self.words, self.token
        return {words[token[c]]: c for c in range(self.first[n], self.first[n + 1])}

    def children_of(self, n: int) -> dict[str, int]:
        """Node n's children by word (in the words' order)."""
        kids = self._kids.get(n)
        return dict(sorted(kids.items())) if kids is not None else self._children(n)

    def codes_of(self, n: int) -> tuple[int, ...]:
        edited = self._pays.get(n)
        if edited is not None:
            return edited
        return tuple(self.codes[self.starts[n] : self.starts[n + 1]])

    @property
    def edits(self) -> int:
        """How many nodes edits have changed or made since the arrays were built."""
        return len(self._kids.keys() | self._pays.keys())

    def edited(
        self,
        gone: list[tuple[list[str], str]],
        added: list[tuple[list[str], str, tuple[Any, ...]]],
        rank: Callable[[str, tuple[Any, ...]], tuple[int, int]],
    ) -> tuple[Trie, list[tuple[list[str], int]]]:
        """This trie with the payloads of `gone` ((path, id): the id's payloads at that node) taken
        out and those of `added` ((path, id, shape), in the order a build adds them) put in; nodes
        left with neither payloads nor children are taken out, as a build would never have made them.
        A node's payloads are put in the order `rank` gives (a stable sort: equal ranks keep the
        order they had, or were added in). The arrays are shared with this trie, which is left as it
        was. Also returns the paths of `gone` that held payloads of their id, with how many."""
        out = Trie.__new__(Trie)
        out.words, out.first, out.token, out.starts, out.codes = (
            self.words, self.first, self.token, self.starts, self.codes
        )  # fmt: skip
        out.ids, out.shapes = list(self.ids), list(self.shapes)
        out._kids, out._pays = dict(self._kids), dict(self._pays)
        out._restore()
        size = max([len(self.first) - 1, *(n + 1 for n in self._kids)])
        own: set[int] = set()  # nodes whose children's dict is `out`'s own, not shared with this trie

        def kids(n: int) -> dict[str, int]:
            if n not in own:
                current = out._kids.get(n)
                out._kids[n] = dict(current) if current is not None else out._children(n)
                own.add(n)
            return out._kids[n]

        def walk(path: list[str]) -> list[int] | None:
            nodes = [0]
            for word in path:
                found = out.child(nodes[-1], word)
                if found < 0:
                    return None
                nodes.append(found)
            return nodes

        number = {entry: n for n, entry in enumerate(out.ids)}
        took: list[tuple[list[str], int]] = []
        for path, entry in gone:
            nodes = walk(path)
            if nodes is None or entry not in number:
                continue
            codes = out.codes_of(nodes[-1])
            kept = tuple(c for c in codes if c // _SHAPES != number[entry])
            if len(kept) == len(codes):
                continue
            out._pays[nodes[-1]] = kept
            took.append((path, len(codes) - len(kept)))
            for depth in range(len(path), 0, -1):
                n = nodes[depth]
                if out.codes_of(n) or out.child_count(n):
                    break
                del kids(nodes[depth - 1])[path[depth - 1]]
                out._kids.pop(n, None)
                out._pays.pop(n, None)
        shape_number = {shape: n for n, shape in enumerate(out.shapes)}
        touched: dict[int, list[int]] = {}
        for path, entry, shape in added:
            n = 0
            for word in path:
                found = out.child(n, word)
                if found < 0:
                    found = size
                    size += 1
                    kids(n)[word] = found
                    out._kids[found] = {}
                    own.add(found)
                    out._pays[found] = ()
                n = found
            if entry not in number:
                number[entry] = len(out.ids)
                out.ids.append(entry)
            if shape not in shape_number:
                shape_number[shape] = len(out.shapes)
                out.shapes.append(shape)
            code = number[entry] * _SHAPES + shape_number[shape]
            held = touched.get(n)
            if held is None:
                held = touched[n] = list(out.codes_of(n))
            if code not in held:
                held.append(code)
        assert len(out.shapes) < _SHAPES
        ids, shapes = out.ids, out.shapes
        for n, held in touched.items():
            out._pays[n] = tuple(sorted(held, key=lambda c: rank(ids[c // _SHAPES], shapes[c % _SHAPES])))
        out._restore()
        return out, took

    def child_count(self, n: int) -> int:
        kids = self._kids.get(n)
        return len(kids) if kids is not None else self.first[n + 1] - self.first[n]

    @property
    def root(self) -> Node:
        # Made on each call, not kept: a node kept here would be a reference cycle, and an index
        # must be freed by reference counting alone (`bot.heap`).
        return Node(self, 0)

    def child(self, n: int, word: str) -> int:
        """The child of node n along `word`, or -1."""
        if self._kids:  # (a trie an edit changed)
            kids = self._kids.get(n)
            if kids is not None:
                return kids.get(word, -1)
        if n == 0:
            return self._top.get(word, -1)
        t = self._token_of.get(word)
        if t is None:
            return -1
        hi = self.first[n + 1]
        at = bisect_left(self.token, t, self.first[n], hi)
        return at if at < hi and self.token[at] == t else -1

    def payloads(self, n: int) -> tuple[Payload, ...]:
        if self._pays:  # (a trie an edit changed)
            edited = self._pays.get(n)
            if edited is not None:
                return tuple([self._payload(code) for code in edited])
        start, end = self.starts[n], self.starts[n + 1]
        if start == end:
            return ()
        return tuple([self._payload(code) for code in self.codes[start:end]])

    def _payload(self, code: int) -> Payload:
        made = self._made.get(code)
        if made is None:
            if len(self._made) > _KEEP:
                self._made.clear()
            kind, derived, glued_only, weak, cased, untagged = self.shapes[code % _SHAPES]
            entry = self.ids[code // _SHAPES]
            made = self._made[code] = Payload(kind, entry, derived, glued_only, weak, cased, untagged)
        return made


class Node(Mapping[str, "Node"]):
    """One node of a frozen trie, read as a grown one is; it is its own `children` mapping (one object
    fewer made per step of a walk, which reading takes a hundred of per question)."""

    __slots__ = ("_n", "_trie")

    def __init__(self, trie: Trie, n: int) -> None:
        self._trie = trie
        self._n = n

    @property
    def children(self) -> Node:
        return self

    @property
    def payloads(self) -> tuple[Payload, ...]:
        return self._trie.payloads(self._n)

    def __bool__(self) -> bool:
        return True  # a node, not its number of children

    def get(self, word: str, default: Any = None) -> Any:
        trie = self._trie
        at = trie._top.get(word, -1) if self._n == 0 else trie.child(self._n, word)
        return default if at < 0 else Node(trie, at)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._trie.child(self._n, word) >= 0

    def __getitem__(self, word: str) -> Node:
        at = self._trie.child(self._n, word)
        if at < 0:
            raise KeyError(word)
        return Node(self._trie, at)

    def __iter__(self) -> Iterator[str]:
        trie = self._trie
        if trie._kids and self._n in trie._kids:
            return iter(sorted(trie._kids[self._n]))
        return (trie.words[trie.token[c]] for c in range(trie.first[self._n], trie.first[self._n + 1]))

    def __len__(self) -> int:
        return self._trie.child_count(self._n)
