"""The writer's index after an edit of a few phones, made from the previous snapshot's
(`matching.incremental`): it reads every question, completes every prefix and holds every table as an
index built whole from the same database does."""

from __future__ import annotations

from array import array
from pathlib import Path
from typing import Any

import pytest
from conftest import assert_same_answers

from bot import bundle, snapshot, text
from bot.bundle import RawBundle
from bot.engine import Engine
from bot.matching.lexicon import Lexicon
from bot.matching.tables import Groups, Pairs, Strings
from bot.matching.trie import Node
from bot.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "kb.db", seed=bundle.shipped_knowledge_dir())


def _put(store: Store, *entries: dict[str, Any]) -> None:
    raw = RawBundle()
    for entry in entries:
        raw.add("devices", entry, "test")
    store.apply(raw, replace=False, actor="test", action="edit")


def _unreferenced(store: Store) -> list[str]:
    """Phones no statement names (one of them can be taken out)."""
    k = store.load()
    named = {s.device for s in k.statements}
    return [d.id for d in k.devices if d.id not in named]


def _walk(node: Node, path: tuple[str, ...], out: dict[tuple[str, ...], tuple[Any, ...]]) -> None:
    out[path] = node.payloads
    words = list(node.children)
    assert words == sorted(words) and len(words) == len(node.children)
    for word in words:
        _walk(node.children[word], (*path, word), out)


def _pairs(pairs: Pairs) -> set[str]:
    return {j for j in pairs._joined if pairs._edits.get(j, True)} | {j for j, there in pairs._edits.items() if there}


def _same(value: Any) -> Any:
    """A value as a comparable form (the tables edits leave as overlays, as what they read as)."""
    if isinstance(value, Groups):
        return dict(value.items())
    if isinstance(value, Pairs):
        return _pairs(value)
    if isinstance(value, (array, Strings)):
        return list(value)
    if isinstance(value, dict):
        return [(k, _same(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_same(v) for v in value]
    if type(value).__eq__ is object.__eq__ and hasattr(value, "__dict__"):
        return type(value).__name__, _same(vars(value))
    return value


def assert_same_lexicon(got: Lexicon, want: Lexicon) -> None:
    """Every table of the two lexicons reads the same (the trie as every path's payloads, in order)."""
    got_trie: dict[tuple[str, ...], tuple[Any, ...]] = {}
    want_trie: dict[tuple[str, ...], tuple[Any, ...]] = {}
    _walk(got.root, (), got_trie)
    _walk(want.root, (), want_trie)
    assert got_trie == want_trie
    assert set(vars(got)) == set(vars(want))
    for name in ("vocab", "device_vocab", "entity_vocab", "device_has_nr", "labels", "label_keys"):
        assert _same(getattr(got, name)) == _same(getattr(want, name)), name
    assert dict(got._near.items()) == dict(want._near.items())
    assert _pairs(got.bigrams) == _pairs(want.bigrams)
    assert list(got.models.items()) == list(want.models.items()) and list(got.model_list) == list(want.model_list)
    assert {k: v for k, v in got.device_tokens.items() if v} == {k: v for k, v in want.device_tokens.items() if v}
    assert dict(got.vendor_devices) == dict(want.vendor_devices)
    for kind, index in want.completion.items():
        mine = got.completion[kind]
        for name, value in vars(index).items():
            assert _same(getattr(mine, name)) == _same(value), (kind, name)
    for vendor in want.vendor_devices:
        assert got.devices_of([vendor]) == want.devices_of([vendor])
        assert got.sorted_devices_of([vendor]) == want.sorted_devices_of([vendor])
    untouched = {"knowledge", "trie", "_near", "bigrams", "models", "model_list", "device_tokens", "vendor_devices"}
    untouched |= {"completion", "build_state", "_vendor_sets", "_vendor_sorted", "redone", "_root", "_corrections"}
    for name, value in vars(want).items():
        if name not in untouched and not name.endswith("vocab") and name not in ("labels", "label_keys"):
            assert _same(getattr(got, name)) == _same(value), name


def test_an_edit_that_adds_renames_and_takes_out_phones_is_redone_as_a_whole_build(store: Store) -> None:
    snapshot.engine_for(store)  # the snapshot of the seeded knowledge, which the next build starts from
    before = store.load()
    renamed = bundle.to_raw(before.device("pixel-9")) | {
        "name": "Pixel Nine Zorblax",
        "aliases": ["p9z"],
        "codenames": ["zorbo"],
    }
    vendor = before.device("pixel-9").vendor
    added = {
        "id": "zorblax-q1",
        "vendor": vendor,
        "name": "Zorblax Q1 5G",
        "codenames": ["zorbo"],  # one board, two names
        "source": "test",
        "variants": [{"id": "zorblax-q1-global", "market": "Global", "models": ["ZQX-1001"], "bands": {"lte": [1, 3]}}],
    }
    _put(store, renamed, added)
    gone = next(d for d in _unreferenced(store) if d not in ("pixel-9", "zorblax-q1"))
    store.remove("devices", gone, actor="test")

    edited = snapshot.engine_for(store)  # made from the previous snapshot's index
    assert edited.index.lexicon.redone == 3
    whole = Engine(store.load())
    assert whole.index.lexicon.redone is None
    assert_same_lexicon(edited.index.lexicon, whole.index.lexicon)
    assert_same_answers(edited, whole)
    assert (
        edited.answer("is the zorblax q1 5g sold in the us").device == "zorblax-q1"
        and edited.answer("pixel nine zorblax").device == "pixel-9"
    )
    by_codename = edited.answer("No signal\n### Device\nzorbo\n")
    assert by_codename.device is None
    assert {s.id for s in by_codename.suggestions} == {"pixel-9", "zorblax-q1"}

    # Its snapshot, loaded by a reader, answers as well; and the next edit starts from that one.
    state = store.state()
    assert state is not None
    loaded = snapshot.load(snapshot.path_for(store.path), state)
    assert loaded is not None
    assert_same_answers(loaded, whole)
    _put(store, bundle.to_raw(store.load().device("zorblax-q1")) | {"name": "Zorblax Q2", "aliases": ["zq2"]})
    again = snapshot.engine_for(store)
    assert again.index.lexicon.redone == 1
    whole = Engine(store.load())
    assert_same_lexicon(again.index.lexicon, whole.index.lexicon)
    assert_same_answers(again, whole)


def _namesakes(store: Store) -> tuple[str, str]:
    """A phone named "... 5G" with no phone of its name without "5G", and one without "5G" in its name
    whose name with "5G" no phone has."""
    k = store.load()
    names = {text.key(n) for d in k.devices for n in (d.name, *d.aliases)}
    tagged = next(
        d.id
        for d in k.devices
        if d.name.endswith(" 5G") and len(d.name.split()) > 2 and text.key(d.name[:-3]) not in names
    )
    plain = next(
        d.id
        for d in k.devices
        if "5g" not in text.key(d.name) and len(d.name.split()) > 1 and text.key(f"{d.name} 5G") not in names
    )
    return tagged, plain


def _new_phone(vendor: str, name: str, model: str) -> dict[str, Any]:
    return {
        "id": "zq-" + name.lower().replace(" ", "-"),
        "vendor": vendor,
        "name": name,
        "source": "test",
        "variants": [{"id": f"{name.lower().replace(' ', '-')}-v", "market": "Global", "models": [model],
                      "bands": {"lte": [1, 3]}}],
    }  # fmt: skip


def test_a_new_name_that_is_another_phones_form_is_built_whole(store: Store) -> None:
    # "Redmi Note 13" beside "Redmi Note 13 5G": the 5G phone's form "redmi note 13" is no longer its
    # own, which only a whole build decides.
    snapshot.engine_for(store)
    tagged = store.load().device(_namesakes(store)[0])
    _put(store, _new_phone(tagged.vendor, tagged.name[:-3], "ZQX-2002"))
    edited = snapshot.engine_for(store)
    assert edited.index.lexicon.redone is None
    assert_same_answers(edited, Engine(store.load()))


def test_a_new_phone_whose_form_is_another_phones_name_leaves_the_form_out(store: Store) -> None:
    # "Pixel 8 5G" beside "Pixel 8": the new phone's form without "5G" is the other phone's name.
    snapshot.engine_for(store)
    plain = store.load().device(_namesakes(store)[1])
    _put(store, _new_phone(plain.vendor, f"{plain.name} 5G", "ZQX-3003"))
    edited = snapshot.engine_for(store)
    assert edited.index.lexicon.redone == 1
    whole = Engine(store.load())
    assert_same_lexicon(edited.index.lexicon, whole.index.lexicon)
    assert_same_answers(edited, whole)
