"""A lexicon made from an earlier one by redoing only the phones an edit changed.

The writer builds an index after every change of the knowledge, and most changes are of a few phones
(an edit with `kb`, the service's own edits, an outside edit of one row). A whole build of 100,000
phones takes seconds; here the earlier lexicon (the previous snapshot's) is kept, and for each phone
that was added, changed or taken out, what a build made of its old version is taken out and what it
makes of the new one put in: the trie's payloads (in the order a build gives them), the words and
pairs of words of the vocabularies (counted, so a word leaves only with its last name), the model
numbers, the labels and the completion keys. The result reads every question as a whole build of
the same knowledge would (tests compare them over real databases).

Anything this does not redo exactly makes `updated` return None, and the caller builds the whole:
other makers or carriers, more than `LIMIT` phones changed, phones in another order, a name that is
also another phone's name or form (which decides which of them keeps a form), a model number shared
with another phone, or an earlier lexicon edited so often that its trie carries too many changes.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import pairwise
from typing import Any, TypeVar

from .. import text
from ..records import Device, Knowledge
from .lexicon import Lexicon, _deletes, codenames_of, device_context, device_digest
from .trie import _SHAPES, Builder

log = logging.getLogger(__name__)

# More phones changed than this: a whole build (an import of many phones is rare, and a whole build
# of it costs no more than redoing them one by one).
LIMIT = 500
# A trie whose edits have changed or made more nodes than this is built whole again: each edited
# node is a dict a reader loads and keeps.
MAX_EDITED_NODES = 20_000

_V = TypeVar("_V")
_Entry = tuple[list[str], str, tuple[Any, ...]]  # a name's tokens, the phone, the payload's shape


def updated(old: Lexicon, knowledge: Knowledge) -> Lexicon | None:
    """The lexicon of `knowledge`, made from `old` (a lexicon of an earlier knowledge); None when only
    a whole build gives it exactly."""
    state = getattr(old, "build_state", None)
    was = old.knowledge
    if state is None or (was.vendors, was.carriers) != (knowledge.vendors, knowledge.carriers):
        return _whole("the makers or carriers changed")
    if old.trie.edits > MAX_EDITED_NODES:
        return _whole(f"the earlier index carries {old.trie.edits:,} edited nodes")
    import numpy as np  # the builder's, as in a whole build

    old_ids = list(old.labels["device"])
    devices = knowledge.devices
    new_ids = [d.id for d in devices]
    now = b"".join(map(device_digest, devices))
    # Each phone's place in the earlier knowledge (-1: new), and the phones whose digest differs there,
    # compared by numpy (a Python step per phone was a tenth of a second at 100,000 phones).
    old_place = dict(zip(old_ids, range(len(old_ids)), strict=True))
    was_at = np.array([old_place.get(did, -1) for did in new_ids], np.int64)
    earlier = np.frombuffer(state.digests, np.uint64)
    differs = was_at < 0
    if len(earlier):
        differs |= earlier[np.maximum(was_at, 0)] != np.frombuffer(now, np.uint64)
    changed_at: list[int] = np.flatnonzero(differs).tolist()
    still = np.zeros(len(old_ids), bool)
    still[was_at[was_at >= 0]] = True
    changed = {new_ids[n] for n in changed_at} | {old_ids[n] for n in np.flatnonzero(~still).tolist()}
    if len(changed) > LIMIT or len(old_place) != len(old_ids) or len(set(new_ids)) != len(new_ids):
        return _whole(f"{len(changed):,} phones changed")
    # The phones left as they were, in the order they were (their payloads keep their order): each
    # unchanged phone was at a later place than the one before it.
    if (np.diff(was_at[~differs]) <= 0).any():
        return _whole("the phones are in another order")

    context = device_context(knowledge)
    old_versions = [was.device(did) for did in old_ids if did in changed]
    new_versions = [devices[n] for n in changed_at]
    gone = _scratch(knowledge, old_versions, context)
    made = _scratch(knowledge, new_versions, context)
    trie = old.trie
    root = trie.root

    def devices_at(toks: list[str]) -> list[tuple[str, bool]]:
        """(phone, derived) of each payload of a phone at the node of these words."""
        node = root
        for tok in toks:
            found = node.children.get(tok)
            if found is None:
                return []
            node = found
        return [(p.id, p.derived) for p in node.payloads if p.kind == "device"]

    # A changed phone's own names: no other phone may have one as a name or a form, nor may a build
    # have left a form out for it (then which phone keeps the form depends on all of them).
    for device in (*old_versions, *new_versions):
        for name in (device.name, *device.aliases):
            toks = text.tokens(name)
            if toks and (" ".join(toks) in state.shadowed or any(did not in changed for did, _ in devices_at(toks))):
                return _whole(f"another phone has the name or a form {name!r}")
    # Nor a model number.
    for scratch in (gone, made):
        for number in scratch._models:
            owner = old.models.get(number)
            if owner is not None and owner[0] not in changed:
                return _whole(f"another phone has the model number {number!r}")

    # The new versions' forms that are another (unchanged) phone's own name are left out, as a build
    # leaves them.
    shadowed = set(state.shadowed) | made._shadowed
    added: list[_Entry] = []
    for toks, did, shape in _entries(made._builder):
        if shape[1] and any(not derived and other not in changed for other, derived in devices_at(toks)):
            shadowed.add(" ".join(toks))
            continue
        added.append((toks, did, shape))

    place = dict(zip(new_ids, range(len(new_ids)), strict=True))

    def rank(entry: str, shape: tuple[Any, ...]) -> tuple[int, int]:
        # A node's payloads in the order a build adds them: makers' names, phones' own names (by the
        # phones' order), phones' forms (likewise), then carriers and places.
        kind, derived = shape[0], shape[1]
        if kind == "vendor":
            return 0, 0
        if kind == "device":
            return 2 if derived else 1, place[entry]
        return 3, 0

    old_entries = {(tuple(toks), did): toks for toks, did, _shape in _entries(gone._builder)}
    new_trie, took = trie.edited([(toks, did) for (_path, did), toks in old_entries.items()], added, rank)

    # The words and pairs of words: counted, so that one leaves with the last name holding it.
    words: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for toks, times in took:
        for tok in toks:
            words[tok] -= times
        for a, b in pairwise(toks):
            pairs[f"{a}\x00{b}"] -= times
    for toks, _did, _shape in added:
        words.update(toks)
        pairs.update(f"{a}\x00{b}" for a, b in pairwise(toks))
    vocab, device_vocab, entity_vocab = set(old.vocab), set(old.device_vocab), set(old.entity_vocab)
    word_counts: dict[str, int] = {}
    entering: list[str] = []
    leaving: list[str] = []
    for word, delta in words.items():
        if not delta:
            continue
        was_counted = state.words.get(word)
        count = word_counts[word] = was_counted + delta
        if count and not was_counted:
            if word not in vocab:
                entering.append(word)
            vocab.add(word)
            device_vocab.add(word)
            entity_vocab.add(word)
        elif was_counted and not count:
            device_vocab.discard(word)
            if state.other_entity.find(word) < 0:
                entity_vocab.discard(word)
            if state.other_words.find(word) < 0:
                vocab.discard(word)
                leaving.append(word)
    pair_counts: dict[str, int] = {}
    bigrams: dict[tuple[str, str], bool] = {}
    for joined, delta in pairs.items():
        if not delta:
            continue
        was_counted = state.pairs.get(joined)
        count = pair_counts[joined] = was_counted + delta
        if bool(count) != bool(was_counted) and state.other_pairs.find(joined) < 0:
            a, b = joined.split("\x00")
            bigrams[(a, b)] = bool(count)

    # Words one letter away, for the words that came or went.
    near: dict[str, set[str]] = {}
    for word, coming in [*((w, True) for w in entering), *((w, False) for w in leaving)]:
        if word.isalpha() and len(word) >= 3:
            for d in _deletes(word):
                group = near.get(d)
                if group is None:
                    group = near[d] = set(old._near.get(d, ()))
                (group.add if coming else group.discard)(word)

    labels = _in_order(new_ids, old.labels["device"], made._device_names)
    label_keys = _in_order(new_ids, old.label_keys["device"], made._device_keys)
    device_tokens = defaultdict(set, old.device_tokens)
    for tok, dids in gone.device_tokens.items():
        kept = device_tokens[tok] - dids
        if kept:
            device_tokens[tok] = kept
        else:
            del device_tokens[tok]
    for tok, dids in made.device_tokens.items():
        device_tokens[tok] = device_tokens.get(tok, set()) | dids
    vendor_devices = _grouped(new_ids, [d.vendor for d in devices])
    touched = {d.vendor for d in (*old_versions, *new_versions)}

    lexicon = Lexicon.__new__(Lexicon)
    lexicon.__dict__.update(vars(old))  # what no phone changes: the same objects
    lexicon.knowledge = knowledge
    lexicon.codenames = codenames_of(knowledge)
    lexicon.trie = new_trie
    lexicon.vocab, lexicon.device_vocab, lexicon.entity_vocab = vocab, device_vocab, entity_vocab
    lexicon.bigrams = old.bigrams.edited(bigrams)
    lexicon._near = old._near.edited({d: frozenset(group) for d, group in near.items()})
    lexicon._corrections = {}
    lexicon._name_ends = {}
    lexicon.models = old.models.edited(gone._models, made._models)
    lexicon.model_list = lexicon.models.numbers
    lexicon.device_tokens = device_tokens
    lexicon.device_has_nr = _in_order(new_ids, old.device_has_nr, made.device_has_nr)
    lexicon.vendor_devices = vendor_devices
    lexicon.labels = {**old.labels, "device": labels}
    lexicon.label_keys = {**old.label_keys, "device": label_keys}
    lexicon.completion = {
        **old.completion,
        "device": old.completion["device"].edited(changed, made.keys.get("device", []), place, labels),
    }
    vendor_sets = {v: s for v, s in old._vendor_sets.items() if v not in touched and v in vendor_devices}
    vendor_sorted = {v: s for v, s in old._vendor_sorted.items() if v not in touched and v in vendor_devices}
    for vid in touched & vendor_devices.keys():
        vendor_sets[vid] = frozenset(vendor_devices[vid])
        vendor_sorted[vid] = sorted(vendor_devices[vid])
    lexicon._vendor_sets, lexicon._vendor_sorted = vendor_sets, vendor_sorted
    lexicon.build_state = type(state)(
        now,
        state.words.edited(word_counts),
        state.pairs.edited(pair_counts),
        state.other_words,
        state.other_entity,
        state.other_pairs,
        frozenset(shadowed),
    )
    lexicon._root = None
    lexicon.redone = len(changed)
    return lexicon


def _in_order(ids: list[str], old: Mapping[str, _V], made: Mapping[str, _V]) -> dict[str, _V]:
    """Each phone's value, `made`'s or else `old`'s, in the order of `ids` (mapped in C: a Python step
    per phone of 100,000 was a few hundredths of a second each time)."""
    merged = {**old, **made}
    return dict(zip(ids, map(merged.__getitem__, ids), strict=True))


def _grouped(ids: list[str], groups: list[str]) -> defaultdict[str, list[str]]:
    """The ids by their group (`groups`: each one's), the groups in the order first met and each one's
    ids in their order, as a loop appending each id makes them; grouped by numpy's stable sort (that
    loop was a tenth of a second at 100,000 phones)."""
    import numpy as np

    number = {group: n for n, group in enumerate(dict.fromkeys(groups))}
    codes = np.array(list(map(number.__getitem__, groups)), np.int64)
    by_group: list[int] = np.argsort(codes, kind="stable").tolist()
    ends = np.cumsum(np.bincount(codes, minlength=len(number))).tolist()
    out: defaultdict[str, list[str]] = defaultdict(list)
    for group, begin, end in zip(number, [0, *ends], ends, strict=False):
        out[group] = list(map(ids.__getitem__, by_group[begin:end]))
    return out


def _whole(reason: str) -> Lexicon | None:
    """None, for a whole build, saying why in the log."""
    log.info("the index is built whole: %s", reason)
    return None


def _scratch(knowledge: Knowledge, devices: Iterable[Device], context: Any) -> Lexicon:
    """A lexicon holding only these phones' names and forms, made as a build makes them (the phones'
    part of `Lexicon._build`, nothing else)."""
    lex = Lexicon.__new__(Lexicon)
    lex._start_tables()
    lex._add_devices(Knowledge(knowledge.vendors, tuple(devices)), *context)
    return lex


def _entries(builder: Builder | None) -> list[_Entry]:
    """Every payload a builder holds, in the order added: (tokens of its node, id, shape)."""
    assert builder is not None
    ids, shapes = list(builder.ids), list(builder.shapes)
    key_of = {node: key for key, node in builder.nodes.items()}  # a node's words, joined by spaces
    return [
        (key_of[node].split(" "), ids[code // _SHAPES], shapes[code % _SHAPES])
        for node, code in zip(builder.held_by, builder.codes, strict=True)
    ]
