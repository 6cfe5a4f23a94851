"""The flat forms a reader loads (frozen trie, string tables, packed phones) read exactly as the dicts,
sets and records they are made from."""

from __future__ import annotations

import bisect
import gc
import itertools
import pickle
import weakref
from pathlib import Path
from typing import cast

from hypothesis import given
from hypothesis import strategies as st

from bot import bundle, heap, snapshot, text
from bot.matching import arrays, intent, tables
from bot.matching.lexicon import may_shorten, short_forms
from bot.matching.tables import Groups, Models, Pairs, Strings
from bot.matching.trie import Builder, Growing, Node, Payload, Trie, shape_of
from bot.packed import BLOCK, KEEP, PackedDevices
from bot.store import Store

words = st.text(alphabet="abcz0 é中", min_size=0, max_size=6)


@given(st.lists(words, max_size=40), words)
def test_a_string_table_reads_as_its_list_and_finds_in_a_sorted_one(items: list[str], probe: str) -> None:
    table = Strings(items)
    assert list(table) == items and len(table) == len(items)
    assert [table[n] for n in range(-len(items), len(items))] == items + items
    assert table[1:3] == items[1:3]
    ordered = Strings(sorted(set(items)))
    assert (ordered.find(probe) >= 0) == (probe in items)
    assert ordered.bisect_left(probe) == bisect.bisect_left(sorted(set(items)), probe)


@given(st.lists(st.text(alphabet="abz0 é中\x01", max_size=6), min_size=1, max_size=20), st.integers(0, 3))
def test_a_large_string_table_reads_as_its_list(pieces: list[str], scripts: int) -> None:
    """A table of many items finds their ends in another way (`tables._LARGE`): the same text and
    offsets, in any script, with empty items, and with an item holding what it joins them with."""
    items = [pieces[n % len(pieces)] + "中" * (n % 2 * scripts) for n in range(tables._LARGE + len(pieces))]
    table = Strings(items)
    assert table.text == "".join(items)
    assert list(table.offsets) == [0, *itertools.accumulate(map(len, items))]
    assert table.tolist() == items


@given(st.dictionaries(words, st.tuples(words, words), max_size=30), words)
def test_models_read_as_their_dict(models: dict[str, tuple[str, str]], probe: str) -> None:
    table = pickle.loads(pickle.dumps(Models(models)))
    assert dict(table.items()) == models and list(table.numbers) == sorted(models)
    assert table.get(probe) == models.get(probe) and (probe in table) == (probe in models)


@given(st.dictionaries(words, st.sets(words.filter(bool), min_size=1), max_size=20), st.sets(st.tuples(words, words)))
def test_groups_and_pairs_read_as_their_sets(groups: dict[str, set[str]], pairs: set[tuple[str, str]]) -> None:
    table = Groups(groups)
    assert {k: set(v) for k, v in table.items()} == groups and table.get("\x01") is None
    flat = Pairs(pairs)
    assert all(p in flat for p in pairs) and len(flat) == len(pairs)
    assert ("\x01", "") not in flat and "ab" not in flat


def _grow(names: list[tuple[list[str], Payload]]) -> Growing:
    root = Growing()
    for toks, payload in names:
        node = root
        for tok in toks:
            node = node.children.setdefault(tok, Growing())
        if payload not in node.payloads:
            node.payloads.append(payload)
    return root


def _same(grown: Growing, frozen: Node) -> None:
    assert frozen.payloads == tuple(grown.payloads)
    assert sorted(frozen.children) == sorted(grown.children) and len(frozen.children) == len(grown.children)
    assert "\x01" not in frozen.children and frozen.children.get("\x01") is None
    for word, child in grown.children.items():
        assert word in frozen.children
        _same(child, frozen.children[word])


payloads = st.builds(
    Payload,
    kind=st.sampled_from(["device", "vendor", "carrier", "country"]),
    id=words,
    derived=st.booleans(),
    glued_only=st.booleans(),
    weak=st.booleans(),
    cased=st.sampled_from([(), ("Nothing",)]),
    untagged=st.booleans(),
)


@given(st.lists(st.tuples(st.lists(words.filter(bool), min_size=1, max_size=4), payloads), max_size=30))
def test_a_frozen_trie_reads_as_the_grown_one(names: list[tuple[list[str], Payload]]) -> None:
    grown = _grow(names)
    _same(grown, pickle.loads(pickle.dumps(Trie(grown))).root)


# Tokens hold no spaces: the builder finds a node by its words joined by spaces.
tokens = words.filter(lambda w: bool(w) and " " not in w)


@given(st.lists(st.tuples(st.lists(tokens, min_size=1, max_size=4), payloads), max_size=30), st.booleans())
def test_a_trie_built_without_nodes_is_the_one_frozen_from_grown_nodes(
    names: list[tuple[list[str], Payload]], at_once: bool
) -> None:
    """The lexicon's `Builder` numbers nodes and orders payloads exactly as freezing grown nodes does."""
    builder = Builder()
    for toks, payload in names:
        code = builder.code(payload.id, shape_of(payload))
        if at_once:
            builder.add_at(" ".join(toks), code)
        else:
            builder.add(builder.node(" ".join(toks)), code)
    built, frozen = builder.freeze(), Trie(_grow(names))
    assert built.words == frozen.words and built.first == frozen.first and built.token == frozen.token
    assert built.starts == frozen.starts
    assert [built.payloads(n) for n in range(len(built.first) - 1)] == [
        frozen.payloads(n) for n in range(len(frozen.first) - 1)
    ]
    _same(_grow(names), pickle.loads(pickle.dumps(built)).root)


ascii_names = st.text(alphabet="abcgz 0125-+&.()/", max_size=16)


@given(ascii_names, ascii_names)
def test_ascii_names_tokenize_as_their_tokens_joined(a: str, b: str) -> None:
    """What the lexicon's build relies on to make a derived form's tokens without tokenizing it: for
    ASCII, "maker name" tokenizes as the maker's tokens then the name's, and tokens joined by spaces
    tokenize as themselves."""
    assert text.tokens(f"{a} {b}") == text.tokens(a) + text.tokens(b)
    assert text.tokens(" ".join(text.tokens(a))) == text.tokens(a)


def test_packed_phones_read_as_the_knowledge_s_records() -> None:
    devices = bundle.load(bundle.shipped_knowledge_dir()).devices
    assert len(devices) > 2 * BLOCK
    packed = pickle.loads(pickle.dumps(PackedDevices(devices)))
    assert packed == devices and list(packed) == list(devices) and len(packed) == len(devices)
    assert packed[-1] == devices[-1] and packed[3:5] == devices[3:5]
    for device in reversed(devices):  # from the last block back: every block unpacked again
        assert packed.by_id[device.id] == device and device.id in packed.by_id
    assert "no-such-phone" not in packed.by_id and packed.by_id.get("no-such-phone") is None


def test_a_loaded_engine_is_freed_by_reference_counting_alone(tmp_path: Path) -> None:
    """`bot.heap`'s contract: the collector is paused during loads and the index frozen out of its view
    afterwards, so a reference cycle in an index would keep a replaced one in memory for good."""
    store = Store.open(tmp_path / "kb.db", seed=bundle.shipped_knowledge_dir())
    snapshot.engine_for(store)
    state = store.state()
    assert state is not None
    with heap.paused():
        engine = snapshot.load(snapshot.path_for(store.path), state)
        assert engine is not None
        engine.answer("does the pixel 9 work on t-mobile")
        engine.index.complete("device", "gal")
        held = [
            weakref.ref(engine),
            weakref.ref(engine.index.lexicon.trie),
            weakref.ref(cast(PackedDevices, engine.knowledge.devices)),
            weakref.ref(engine.index.lexicon.completion["device"]),
        ]
        del engine
        assert [ref() for ref in held] == [None] * len(held)
    store.close()


def test_what_answering_keeps_stays_within_its_bounds() -> None:
    """Every full collection of the garbage collector while answering walks what answering keeps (the
    phones unpacked, the per-word caches), so that is bounded: going over more phones than `KEEP`
    leaves at most `KEEP` unpacked, and the words that say no intent share one empty set.
    (`python -m bench.steady` measures the pauses this bounds.)"""
    from bench import data

    devices = bundle.build(data.make_knowledge(KEEP + 2 * BLOCK, seed=3, csv_path=None).raw).devices
    packed = PackedDevices(devices)
    before = len(gc.get_objects())
    for device in devices:
        assert packed.by_id[device.id] == device
    assert 0 < len(packed._made) <= KEEP
    # Each phone kept is a handful of tracked objects (record, variants, bands, sets of band numbers).
    assert len(gc.get_objects()) - before < 12 * KEEP
    said = [intent.says(word) for word in ("hello", "kitchen", "yesterday", "sold")]
    assert said[0] is said[1] is said[2] and not said[0] and said[3]


name_words = st.lists(
    st.sampled_from(["pixel", "iphone", "redmi", "note", "pro", "max", "ultra", "lite", "8", "46", "s", "5g", "x"])
)


@given(name_words)
def test_a_name_may_shorten_whenever_it_has_short_forms(toks: list[str]) -> None:
    """The build asks `short_forms` only of names that `may_shorten`: none it skips has a short form."""
    assert not toks or may_shorten(toks) or short_forms(toks) == []


@given(st.lists(st.text(alphabet="aGz 45g0-+&!\né中", max_size=10), max_size=12))
def test_names_keyed_at_once_are_keyed_as_one_at_a_time(names: list[str]) -> None:
    """`text.keys`, which tokenizes ASCII names together as lines of one text, keys each name as
    `text.key` does: empty names, names of no word, "5g" beside letters or digits, other scripts."""
    assert text.keys(names) == [text.key(name) for name in names]


@given(st.lists(st.text(alphabet="ab z0éÿĀ中😀", max_size=12), max_size=40))
def test_strings_sorted_by_their_code_points_are_in_pythons_order(items: list[str]) -> None:
    """The completion index's orders of keys: a stable sort, as Python's, in any script."""
    table = Strings(items)
    text, offsets = arrays.code_points(table.text), arrays.unpacked(table.offsets)
    assert arrays.sorted_order(text, offsets).tolist() == sorted(range(len(items)), key=items.__getitem__)
    # and the rests of the strings after each space, as autocomplete's word starts are ordered
    width = 1 + max(map(len, items), default=0)
    places = [n * width + at + 1 for n, item in enumerate(items) for at, c in enumerate(item) if c == " "]
    rest = {p: items[p // width][p % width :] for p in places}
    assert arrays.word_starts(text, offsets, width).tolist() == sorted(places, key=rest.__getitem__)


@given(st.lists(st.text(alphabet="ab z0éÿĀ中😀\ud800\x01", max_size=8), max_size=40))
def test_distinct_strings_are_sorted_as_python_sorts_them(items: list[str]) -> None:
    """`arrays.distinct` sorts as UTF-8 bytes: Python's order of strings in any script (a lone
    surrogate too), with the separator it joins them by inside an item."""
    found, places = arrays.distinct(items)
    assert found == sorted(set(items))
    assert [found[p] for p in places.tolist()] == items
