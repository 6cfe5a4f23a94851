"""Which phone a question is about: the names and model numbers found, weighed against each other;
and, when no phone is certain, the phones worth offering as "did you mean"."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import islice, pairwise

from .. import markets, text
from ..records import Knowledge
from .cues import HANDSET_WORDS, LIST_WORDS, MARKET_CUES, MARKET_WORDS, MODIFIERS, ROMAN, TROUBLE_WORDS
from .everyday import commonness, frequencies, is_everyday
from .gadgets import chip_of_a_product, kind_of_product
from .lexicon import Lexicon, Payload, shorthand
from .mentions import Match, incomplete, named_as_example, pronoun_se, storage_unit
from .models import ModelMention, near_models
from .tokens import FormField, Token, tokenize


@dataclass(frozen=True)
class Suggestion:
    kind: str
    id: str
    name: str


@dataclass(frozen=True)
class DeviceReading:
    device: str | None
    variant: str | None
    suggestions: tuple[Suggestion, ...]
    confidence: float
    hint: bool  # the question seems to name a phone (whether or not it is known)
    ambiguous: bool  # several phones fit the name equally well: the suggestions are those
    span: tuple[int, int] | None  # token positions of the phone's name, when found by name
    # the asker's old or current phones, set aside for another one named: no maker of the one asked
    set_aside: tuple[tuple[int, int], ...] = ()


_NUMBERED_WORD = re.compile(r"([a-z]*)(\d+)([a-z+]*)")
_GENERATIONS = frozenset({"2g", "3g", "4g", "5g", "lte"})


def model_numbers(name: str) -> set[tuple[str, int]]:
    """The numbers of a model name with the series they count in: "redmi note 13 pro" -> ("note", 13),
    "galaxy s24" -> ("s", 24), "pixel 5a 5g" -> ("pixel", 5); "5g" and "4g" are no model numbers."""
    out = set()
    words = name.split()
    for j, word in enumerate(words):
        m = _NUMBERED_WORD.fullmatch(word)
        if m is None or (not m.group(1) and m.group(3) == "g"):
            continue
        series = m.group(1) or (words[j - 1] if j else "")
        out.add((series, int(m.group(2))))
    return out


def number_distance(wanted: set[tuple[str, int]], offered: set[tuple[str, int]]) -> int:
    """How far apart two names' model numbers are in the same series ("pixel 10" is 1 from "pixel 9",
    "galaxy s8" is nowhere near "galaxy a6")."""
    gaps = [abs(a - b) for sa, a in wanted for sb, b in offered if sa == sb]
    return min(gaps) if gaps else 1 << 30


def resolve(
    lexicon: Lexicon,
    matches: list[Match],
    models: list[ModelMention],
    toks: list[Token],
    question: str,
    cue_words: frozenset[str],
    sentence_of: list[int],
    asking: set[int],
    rom_names: AbstractSet[int],
) -> DeviceReading:
    k = lexicon.knowledge
    named = [m for m in matches if m.payload.kind == "device"]
    complete = [m for m in named if not incomplete(lexicon, m, toks)]
    incomplete_ones = [m for m in named if m not in complete]
    # A shorter name inside a longer one typed whole but left incomplete is not what was meant either
    # ("edge 60 fusion X": not the Edge 60)
    complete = [
        m
        for m in complete
        if not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in incomplete_ones)
    ]
    # A model number and a name over the same words: the curated name wins when it is longer
    # ("Panasonic X300" is not the phone whose model number is X300); otherwise the model does.
    kept_models = []
    for mm in models:
        span = {i for i, t in enumerate(toks) if mm.start <= t.start and t.end <= mm.end}
        rival = [
            m
            for m in complete
            if m.payload.id != mm.device
            and not m.payload.derived
            and span & set(range(m.start, m.end))
            and (m.end - m.start) > len(span)
        ]
        if rival:
            continue
        kept_models.append(mm)
        complete = [m for m in complete if not (span & set(range(m.start, m.end)))]
    by_model = {(mm.device, mm.variant) for mm in kept_models}
    model_devices = {d for d, _v in by_model}
    # "samsung galaxy s99" is no other maker's S99: a vendor named right before a name must agree,
    # and so must a series: "redmi note 3" is not the "Mi Note 3" (found by its short name "note 3").
    vendor_ends: dict[int, set[str]] = defaultdict(set)
    for m in matches:
        if m.payload.kind == "vendor":
            vendor_ends[m.end].add(m.payload.id)
    # "itel s25" is no Galaxy S25: a model's name typed as one word (an alias "s25" as much as a
    # derived form) after a maker we do not know; a codename ("…_Plus_vayu") is no model's. A name
    # spelt whole is the name, whatever comes before it ("handphone Pixel 9" is a Pixel 9).
    whole = {(m.payload.id, m.start, m.end) for m in complete if not m.payload.derived and not _one_model_word(toks, m)}
    # (a word read as a network's or a place's name, "telstar s25", is no maker)
    others_named = {i for m in matches if m.payload.kind != "device" for i in range(m.start, m.end)}
    foreign = [
        m
        for m in complete
        if (m.payload.id, m.start, m.end) not in whole
        and m.start - 1 not in others_named
        and (
            (m.payload.derived and _after_unknown_brand(lexicon, toks, m.start))
            or _after_unknown_brand(lexicon, toks, m.start, strict=True)
        )
    ]
    contradicted = [
        m
        for m in complete
        if (m.start in vendor_ends and k.device(m.payload.id).vendor not in vendor_ends[m.start])
        or (m.payload.derived and m.start > 0 and _other_series(lexicon, toks[m.start - 1].norm, m.payload.id))
        or (m.payload.derived and _line_letter_before(toks, m.start))
    ] + foreign
    # ("micromax in note 2" is no Redmi Note 2 to offer either; "mate x5" is no OPPO Find X5; "z fold
    # 2" is a Galaxy Z Fold we do not know, no Xiaomi MIX Fold 2)
    foreign += [m for m in complete if m.payload.derived and _line_letter_before(toks, m.start) and m not in foreign]
    # ("ipad pro m4", "the new ipad with a16 chip": a chip, no POCO M4 or Galaxy A16)
    foreign += [
        m
        for m in complete
        if (m.payload.derived or _one_model_word(toks, m)) and chip_of_a_product(toks, m.start, m.end)
    ]
    # (a name typed as one model word, "condor allure a55", as much as a derived one)
    foreign += [
        m
        for m in complete
        if (m.payload.derived and _other_makers_word_before(lexicon, toks, m))
        or (
            (m.payload.derived or _one_model_word(toks, m))
            and _other_maker_one_word_before(k, toks, m, vendor_ends)
            # ("pixel 8, s23 and iphone 14": the word before ends a phone's name)
            and not any(
                o.start < m.start <= o.end and o.payload.id != m.payload.id for o in complete if o.end == m.start
            )
        )
    ]
    # "das HTC One (M7 und auch M8)": a model word alone whose maker the post never names, in a
    # sentence that names another maker on its own, is that maker's model (no POCO M8 5G); "a 22
    # quilômetros do centro": a lower-case letter apart from a number is a word (Portuguese "at"),
    # no Galaxy A22, unless a maker or a line comes right before it ("meu samsung a 22").
    in_names = {i for m in complete for i in range(m.start, m.end)}
    makers_apart = [m for m in matches if m.payload.kind == "vendor" and m.start not in in_names]
    foreign += [
        m
        for m in complete
        if m not in foreign
        and (m.payload.derived or _one_model_word(toks, m))
        and not any(v.payload.id == k.device(m.payload.id).vendor for v in makers_apart)
        and any(sentence_of[v.start] == sentence_of[m.start] for v in makers_apart)
    ]
    # "old poco x2 is my hotspot now … does the x2 still get airtel 4g?": a model word alone that the post
    # types elsewhere right after another maker's name is that maker's (no Moto X of 2014)
    after_makers = {
        "".join(w for _i, w in _typed_words(toks, end, min(end + 3, len(toks)))[:1]): ids
        for end, ids in vendor_ends.items()
        if end < len(toks)
    }
    foreign += [
        m
        for m in complete
        if m not in foreign
        and m.start not in vendor_ends
        and (m.end - m.start == 1 or _one_model_word(toks, m))
        and any(c.isdigit() for t in toks[m.start : m.end] for c in t.norm)
        and k.device(m.payload.id).vendor not in after_makers.get(_word_at(toks, m), {k.device(m.payload.id).vendor})
    ]
    foreign += [
        m
        for m in complete
        if m not in foreign
        and m.end - m.start == 2
        and len(toks[m.start].raw) == len(toks[m.start].norm) == 1  # ("i phone 15" is read as "iphone 15")
        and toks[m.start].raw.islower()
        and not toks[m.start + 1].glued
        and m.start not in vendor_ends
        and not (m.start > 0 and not toks[m.start].brk and toks[m.start - 1].norm in lexicon.series_words)
    ]
    contradicted += [m for m in foreign if m not in contradicted]
    # "A1: kein Netz mit dem Galaxy S23": a model word alone that is a network's whole name too (A1,
    # Austria's) is that network beside a phone named whole, not the Redmi A1 or the Mi A1.
    networks_at = {(m.start, m.end) for m in matches if m.payload.kind == "carrier"}
    contradicted += [
        m
        for m in complete
        if m.payload.derived
        and (m.start, m.end) in networks_at
        and m not in contradicted
        and any(i != m.payload.id and (e <= m.start or s >= m.end) for i, s, e in whole)
    ]
    # "galaxy s20 fe" may be the "Galaxy S20 FE 5G" or a 4G phone of that name: a question back.
    # "5g" elsewhere in the question ("w/ airtel 5g") is about the network, not the phone's name.
    untagged = [m for m in complete if m.payload.untagged and m not in contradicted]
    complete = [m for m in complete if m not in contradicted and m not in untagged]

    # Portuguese "pro" is "para o" (to the) before another phone's name: "do iPhone 11 pro S23" is the
    # iPhone 11, then the S23, no iPhone 11 Pro
    # (not before its own codename: "Redmi Note 8 Pro (begonia)")
    starts = {m.start: m.payload.id for m in complete if not named_by_codename(lexicon, m, toks)}
    to_the = [
        m
        for m in complete
        if m.end - m.start > 1
        and toks[m.end - 1].norm == "pro"
        and starts.get(m.end, m.payload.id) != m.payload.id
        and any(o.start == m.start and o.end == m.end - 1 for o in named)
    ]
    if to_the:
        complete = [m for m in complete if m not in to_the]
        complete += [o for m in to_the for o in named if o.start == m.start and o.end == m.end - 1]
    # Keep the longest names: "galaxy s24 ultra" hides "galaxy s24" inside it.
    kept = [
        m
        for m in complete
        if not any(o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in complete)
    ]
    by_codename: list[Match] = []
    if kept:
        # Where names overlap, the longer one (then the better spelt, then the explicit) wins.
        chosen: list[Match] = []
        for m in sorted(kept, key=lambda o: (-(o.end - o.start), -o.score, o.payload.derived)):
            if any(
                c.start < m.end
                and m.start < c.end
                and c.payload.id != m.payload.id
                and ((c.end - c.start) > (m.end - m.start) or c.score > m.score)
                for c in chosen
            ):
                continue
            chosen.append(m)
        kept = chosen
        # A one-word name found only by correcting a typo ("Las Vegas": "degas", the Xiaomi 14T's
        # codename) gives way to a name typed exactly elsewhere ("… with my pixel 8").
        if any(m.score == 1.0 for m in kept):
            kept = [m for m in kept if m.score == 1.0 or m.end - m.start > 1]
        # A codename is typed exactly or not at all: Indonesian "deg-degan" (nervous) is no "degas"
        # (the Xiaomi 14T) typed wrong.
        kept = [m for m in kept if m.score == 1.0 or not named_by_codename(lexicon, m, toks)]
        # A codename that is also a word ("obsidian", "hotdog", "pacman") gives way to a phone named
        # by its name: "my obsidian pixel 8 pro" is the Pixel 8 Pro in its colour, not a Redmi.
        # Listed together ("tested on ginkgo and pixel 8"), both are phones of the post.
        # A codename written as a proper noun inside a sentence is that other thing's name: "play
        # Tetris" is the game, not the CMF Phone 1 ("tetris"); codenames are typed in lower case, or
        # after a field's name ("Device name: Mido").
        if len({m.payload.id for m in kept}) == 1:  # (beside other phones, "Kenzo, Kate and MI5" are phones)
            kept = [m for m in kept if not _proper_noun(lexicon, m, toks)]
        by_name = [m for m in kept if not named_by_codename(lexicon, m, toks)]
        # But a title that names the phone by its codename alone ("Ginkgo defaults to HSDPA", then
        # "… works in a Xiaomi redmi 6") is about that phone.
        titled = _the_one_in_the_title(kept, {m.payload.id for m in kept}, toks, question)
        codename_titled = len(titled) == 1 and not any(m.payload.id in titled for m in by_name)
        if by_name and len(by_name) < len(kept) and not _listed_together(toks, kept, question) and not codename_titled:
            by_codename = [m for m in kept if m not in by_name]
            kept = by_name
    # "For instance, a Galaxy S10e locked to AT&T…" in a post that asks something else: an example,
    # not the phone asked about (a phone named in a sentence that asks still counts).
    examples = [
        m
        for m in kept
        if (named_as_example(toks, m.start) or _before_etc(toks, m, sentence_of)) and sentence_of[m.start] not in asking
    ]
    # An example in the sentence that asks ("could you port the CSC from newer Galaxy devices, like the
    # S23?") in a post whose story names other phones ("my S22 … Floyd on a S7 Edge … Galaxy S8"): the
    # story's phones say which is asked, not the example; of several, none is picked.
    asked_examples = [m for m in kept if m not in examples and named_as_example(toks, m.start)]
    story = {m.payload.id for m in kept if m not in examples and m not in asked_examples}
    if asked_examples and story - {m.payload.id for m in asked_examples}:
        examples += asked_examples
        if len(story) > 1:
            return DeviceReading(None, None, (), 0.0, True, False, None)
    if examples:
        kept = [m for m in kept if m not in examples]
        if not kept and not model_devices:
            return DeviceReading(None, None, (), 0.0, False, False, None)
    # every phone the post names, before any is set aside as old or someone else's
    # ("iphone 14 or 15", "o mejor el 15r"): the siblings listed with a name are phones named too
    kept += [s for m in kept for s in _listed_siblings(lexicon, m, toks, question)]
    # ("voy a agarrar un oneplus 15 para usarlo con visible... o mejor el 15r?": offered after "or")
    kept += [s for s in _siblings_apart(lexicon, kept, toks) if _after_or(toks, s.start)]
    # (a codename that gave way to a name is still a phone the question may point at: "le tetris (cmf
    # phone 1) de mon pote marche … le metroid est compatible avec red ?")
    every = list(kept) + [m for m in untagged + by_codename if m not in kept]
    kept, untagged, incomplete_ones, old_phones = _old_phones_set_aside(
        lexicon, matches, toks, question, sentence_of, asking, kept, untagged, incomplete_ones, bool(model_devices)
    )
    # "found my old pixel 3a in a drawer, my main is an iphone 15 now. can i use the pixel on google fi?":
    # a maker's word alone in the sentence that asks points back to the one phone of that maker named
    pointed = [] if model_devices else _pointed_back(lexicon, matches, toks, sentence_of, asking, kept + old_phones)
    if pointed:
        kept, old_phones = pointed, [m for m in old_phones + kept + untagged if m not in pointed]
        untagged = []
    set_aside = tuple((m.start, m.end) for m in old_phones)
    if set_aside:
        # ("My current phone is a Pixel 8 Pro. Would the Xiaomi 16 Ultra work…": Google is not the
        # maker asked about, nor the Pixel 8 Pro a phone to offer)
        aside_spans = list(set_aside)
        matches = [m for m in matches if _outside(m.start, aside_spans)]
    # "Got a Redmi Note 14 Pro+ 5G... no wait, it's actually the Redmi Note 14 Pro Max": a phone
    # named a few words after a correction replaces the ones before it, known or not
    fix = _correction(toks)
    fix_named = False  # whether a correction names the phone meant ("… no wait, it's the …")
    if fix is not None:
        earlier = [m for m in kept + untagged if m.end <= fix]  # (a name of two phones corrected too)
        # (named by its number alone too: "xiaomi 14t pro … oops, its the 14t not the pro")
        later = [m for m in kept + untagged + _siblings_apart(lexicon, kept, toks) if fix <= m.start <= fix + 6]
        named_later = (
            later
            or any(fix <= m.start <= fix + 6 for m in incomplete_ones)
            or any(fix <= m.start <= fix + 6 and m.payload.kind == "vendor" for m in matches)
        )
        if earlier and named_later:
            fix_named = True
            # the phone named right after the correction is the one meant, not another told of after it
            # ("quise decir el z flip7 fe, el s25 fe ya lo he visto")
            first = min((m.start for m in later), default=None)
            before_fix = kept
            kept = [m for m in later if m.start == first] if later else [m for m in kept if m not in earlier]
            # (the phone corrected, and any told of after, are no unknown models beside this one)
            old_phones = old_phones + [m for m in before_fix if m not in kept]
            untagged = [m for m in untagged if m.start >= fix]
            incomplete_ones = [m for m in incomplete_ones if m.start >= fix]
    kept = _line_carried_over(k, kept, toks)
    kept = [m for m in kept if not _another_makers_model(k, m, kept, matches, toks, sentence_of)]
    kept = [_with_modifier_before(lexicon, m, toks) for m in kept]
    # "the Xiaomi 15 Series": every phone of that name, a question back, unless the post is plainly
    # about another phone and brings the series in beside it ("the Galaxy F23 … competes with the
    # Redmi Note 11 series … the Galaxy F23 is a crucial launch").
    families = [(m, family) for m in kept if len(family := _family_of(lexicon, m, toks)) > 1]
    if families:
        in_families = {d for _m, family in families for d in family}
        beside = [m for m in kept if m.payload.id not in in_families]
        if not _outnamed(beside, [m for m in kept if m.payload.id in in_families]):
            offered = tuple(Suggestion("device", d, k.device(d).name) for d in families[0][1])
            return DeviceReading(None, None, offered, 0.0, True, True, None)
        kept = beside
    # A vendor named apart from any device name ("samsung note 10") narrows the candidates, when it
    # stands before one of them or is a line's word ("me pillé el pixel"), not a maker's name elsewhere
    # in the story ("(Google stuff aside, …)" names no Pixel).
    vendors_named = {
        m.payload.id
        for m in matches
        if m.payload.kind == "vendor"
        # (inside a name, one of the 4G or 5G phone's too: "pixel 7 or redmi note 13 pro+?" names two)
        and not any(d.start <= m.start and m.end <= d.end for d in kept + untagged)
        and (
            any(d.start == m.end for d in kept)
            or toks[m.start].norm in lexicon.series_words
            or any(k.device(d).vendor == m.payload.id for d in model_devices)  # ("xiaomi 15 ultra (25010PN30G)")
        )
    }
    ids = {m.payload.id for m in kept} | model_devices
    if len(ids) > 1 and vendors_named:
        narrowed = {d for d in ids if k.device(d).vendor in vendors_named}
        if narrowed:
            ids = narrowed
    if len(ids) > 1:
        ids = _the_one_asked_about(kept, ids, model_devices, toks, sentence_of, asking)
    if not model_devices:
        # "s24 fe or a55? gonna get the s24 fe. does it have 5g on vodacom?": the one of the phones
        # compared that a later sentence names again is chosen; "redmi k40 gaming or poco f3? getting
        # the k40 gaming. …": one we do not know, so no phone (and not the POCO's maker)
        picked = _the_one_chosen(lexicon, matches, kept, untagged, toks, sentence_of)
        if picked == _UNKNOWN:
            compared = tuple((m.start, m.end) for m in kept)
            return DeviceReading(None, None, (), 0.0, True, False, None, set_aside + compared)
        if picked is not None:
            ids = {picked}
    if len(ids) == 2 and not model_devices:
        ids = _the_one_in_trouble(kept, ids, toks, sentence_of, question)
    if len(ids) > 1:
        ids = _the_one_in_a_device_field(kept, ids, toks, question)
    if len(ids) > 1:
        ids = _the_one_in_the_title(kept, ids, toks, question)
    if len(ids) > 1 and not model_devices:
        ids = _the_most_named(kept, ids)
    if ids and not model_devices:
        # "les Redmi Note 13, Redmi Note 13 Pro et Redmi Note 13 Pro Plus": the names that may be a
        # 4G or a 5G phone are phones named too, so the post names several: a question back. (So too
        # in a comparison: "x6 pro vs x7 pro" is the OPPO Find X6 Pro or the POCO X6 Pro 5G, then the
        # POCO X7 Pro.)
        sentences = {sentence_of[m.start] for m in kept}
        others = {
            m.payload.id
            for m in untagged
            if m.payload.id not in ids
            and sentence_of[m.start] in sentences
            # over the same words as a kept name only when that one is another line's short form too
            # ("x6": the OPPO Find X6's, and the POCO X6 5G's without its "5G"; but "s10" is the Galaxy
            # S10's, not the Galaxy S10 5G's)
            and not any(o.start < m.end and m.start < o.end and not _other_lines_short_form(k, o, m) for o in kept)
        }
        chosen_ones = [m for m in kept if m.payload.id in ids]
        if others and not _outnamed(chosen_ones, [m for m in untagged if m.payload.id in others]):
            ids = ids | others
    if len(ids) > 1 and len(model_devices) == 1:
        model_device = next(iter(model_devices))
        said = {(m.start, m.end) for m in kept if m.payload.id == model_device}
        if model_device in ids and all((m.start, m.end) in said for m in kept if m.payload.id in ids):
            ids = {model_device}  # "Note 9 SM-N9600": a name several phones share, and the model says which
        else:
            ids = _model_refines(k, ids, model_device)
    if not model_devices and not fix_named:
        # "got a pixel 10 pro as my daily … keep the old pixel 6 as a backup — does the 6 still work on
        # mint?", "my iphone 16 pro and my wife's 16 pro max … does the max work on tim?": the phone the
        # last sentence that asks points at, by its name or by a word only its name has
        every += _siblings_apart(lexicon, every, toks)
        placed = {i for m in matches if m.payload.kind not in ("device", "vendor") for i in range(m.start, m.end)}
        placed |= rom_names  # ("is pixel experience worth it on the poco f3": a ROM's name, no Google)
        asked = asking | _asked_unmarked(toks, sentence_of)
        referred = _referred_to(lexicon, every, toks, sentence_of, asked, placed)
        # "was torn between the pixel 9 and the galaxy s24, went with the pixel 9 in the end. any issues
        # w/ 5g on bell?": the one taken, when the question points at none
        last = max(asked, default=None)
        at_last = [m for m in every if sentence_of[m.start] == last]
        # "pixel 11 or pixel 10 pro? prob the 11. is the pixel 11 out in india yet?", "… S9ってpovo対応
        # してないんですか？": the last question names a phone we do not know, and none we know
        if (
            referred is None
            and last is not None
            and every
            and not at_last
            and _unknown_phone_asked(
                lexicon, matches, toks, question, sentence_of, {last}, [(m.start, m.end) for m in every]
            )
        ):
            referred = _UNKNOWN
        if referred is None and last is not None:
            # "il mio Redmi Note 8T … Il Note 14 Pro funziona bene con ho.?": the last question names only
            # a name several phones share (the 4G and the 5G one): those, a question back
            longest = max((m.end - m.start for m in at_last), default=0)
            widest = [m for m in at_last if m.end - m.start == longest]
            if (
                len({(m.start, m.end) for m in widest}) == 1
                and len({m.payload.id for m in widest}) > 1
                and all(m.payload.untagged for m in widest)  # ("s10 on verizon?" is the S10, not the S10 5G)
            ):
                ids = {m.payload.id for m in widest}
                kept = widest
        if referred is None:
            referred = _the_one_taken(every, toks)
            taken_at = max((m.start for m in every if m.payload.id == referred), default=len(toks))
            if any(m.start > taken_at and m.payload.id != referred and _after_or(toks, m.start) for m in every):
                referred = None  # another offered after it: "pixel 6 → pixel 10 on tmo, or maybe the 10 pro?"
        if referred == _UNKNOWN:
            # "minha vó ganhou um multilaser g max 2 e eu uso um moto g34. o multilaser dela funciona
            # com chip da tim?": the question points at a phone we do not know
            named_spans = tuple((m.start, m.end) for m in every)
            return DeviceReading(None, None, (), 0.0, True, False, None, set_aside + named_spans)
        if referred is not None and ids != {referred}:
            ids = {referred}
            kept = kept + [m for m in every if m.payload.id == referred and m not in kept]
            # (the others named are phones we know, told of: no unknown models beside this one)
            old_phones = old_phones + [m for m in every if m.payload.id != referred and m not in old_phones]
    if (
        len(ids) == 1
        and not model_devices
        and _unknown_phone_first(lexicon, toks, kept, sentence_of, asking, others_named, old_phones)
    ):
        # "The Vollaphone is a European phone … I finally switched to a Pixel 3a": the post is about a
        # phone we do not know; the one we know is not what it asks about.
        return DeviceReading(None, None, (), 0.0, True, False, None)
    vendor_spans = [(m.start, m.end) for m in matches if m.payload.kind == "vendor"]
    if (
        len(ids) == 1
        and not model_devices
        and _unknown_in_trouble_beside_ours(lexicon, toks, kept, sentence_of, set(vendor_ends), question)
    ):
        return DeviceReading(None, None, (), 0.0, True, False, None)
    if (
        len(ids) == 1
        and not model_devices
        and not any(sentence_of[m.start] in asking for m in kept)
        and _own_phone_unknown(lexicon, toks, kept, vendor_spans, old_phones)
    ):
        # "My phone is OnePlus Ace5 China version … OnePlus 13 China version uses your fix": the
        # asker's phone is one we do not know; the one we know is someone else's.
        return _offered(k, next(iter(ids)))
    if (
        len(ids) == 1
        and not model_devices
        and _beside_unknown_phones(lexicon, toks, kept, sentence_of, asking, question, set(vendor_ends), old_phones)
    ):
        # "Apple announced the iPhone 7 … my iPhone 4S … the era of the iPhone 5S": named once among
        # phones we do not know, ours may be a passing mention: offered, not answered.
        return _offered(k, next(iter(ids)))
    if len(ids) == 1:
        device = next(iter(ids))
        variants = {v for d, v in by_model if d == device and v is not None}
        variant = variants.pop() if len(variants) == 1 else None
        if variant is None:
            variant = market_variant(lexicon, device, toks)
        score = 1.0 if device in model_devices else max(m.score for m in kept if m.payload.id == device)
        spans = [(m.start, m.end) for m in kept if m.payload.id == device]
        return DeviceReading(device, variant, (), score, True, False, spans[0] if spans else None)
    if len(ids) > 1:
        offered = tuple(Suggestion("device", d, k.device(d).name) for d in sorted(ids, key=lambda d: k.device(d).name))
        return DeviceReading(None, None, offered, 0.0, True, True, _one_span([m for m in kept if m.payload.id in ids]))
    if untagged:
        # "redmi note 13 pro": the 4G and the 5G phone, or a 5G phone whose 4G namesake we may not know.
        found = sorted({m.payload.id for m in untagged}, key=lambda d: k.device(d).name)
        offered = tuple(Suggestion("device", d, k.device(d).name) for d in found)
        return DeviceReading(None, None, offered, 0.0, True, len(found) > 1, _one_span(untagged))

    suggestions: list[Suggestion] = []
    makers = {m.payload.id for m in matches if m.payload.kind == "vendor"}
    # (a name we know in part that begins with its maker's name is that maker's: "honor 90 lite")
    makers |= {
        k.device(m.payload.id).vendor
        for m in incomplete_ones
        if text.tokens(k.vendor(k.device(m.payload.id).vendor).name)[:1] == [toks[m.start].norm]
    }
    for m in sorted(incomplete_ones, key=lambda o: -(o.end - o.start)):
        if makers and k.device(m.payload.id).vendor not in makers:
            continue  # "tecno camon 30 pro 5g": a TECNO, no Moto S30 Pro
        suggestions.append(Suggestion("device", m.payload.id, k.device(m.payload.id).name))
    for d in near_models(lexicon, question):
        suggestions.append(Suggestion("device", d, k.device(d).name))
    # A phone seems named when words of device names (or numbers right after a vendor) are left
    # over once vendor, carrier and country names are taken out: "redmi note 12", not "xiaomi".
    places = ("vendor", "carrier", "country", "origin")
    taken = {i for m in matches if m.payload.kind in places for i in range(m.start, m.end)}
    # (the old phones set aside, and a ROM's name: "after installing pixel experience …" offers no Pixels)
    aside = {i for a, b in set_aside for i in range(a, b)} | rom_names
    taken |= aside
    after_vendor = {m.end for m in matches if m.payload.kind == "vendor"}
    telling, openers = name_hints(lexicon, toks)
    telling = [i for i in telling if i not in aside]
    # "on" opens "Galaxy On5", but "work on Kestrel Mobile" is a carrier's name after it, not a phone's.
    openers = [i for i in openers if i + 1 not in taken]
    hint = bool(suggestions) or any(
        i not in taken
        and (
            (
                t.norm in lexicon.device_tokens
                and not t.norm.isdigit()
                and not is_everyday(t.norm)
                and t.norm not in _GENERATIONS
                and not pronoun_se(toks, i)  # "¿se vende allí?": "is it sold there?", no SE model
            )
            or i in openers
            or (
                i in after_vendor
                and not is_everyday(t.norm)
                and t.norm not in cue_words
                and t.norm not in _STATES_OF_A_PHONE
                and not t.norm.isdigit()
            )
            # "redmi note 12": a word and a number right after a maker's name
            or (i in after_vendor and t.norm.isalpha() and i + 1 < len(toks) and toks[i + 1].norm.isdigit())
            # "galaxy a15": a letter glued to a number right after a vendor is a model name
            or (i in after_vendor and i + 1 < len(toks) and toks[i + 1].glued and toks[i + 1].norm.isdigit())
            # "oppo find n5": a word, then a letter glued to a number
            or (
                i in after_vendor
                and t.norm.isalpha()
                and i + 2 < len(toks)
                and len(toks[i + 1].norm) == 1
                and not toks[i + 1].brk
                and toks[i + 2].glued
                and toks[i + 2].norm.isdigit()
            )
            # "xiaomi 99": a number right after a maker's name
            or (i in after_vendor and t.norm.isdigit() and not t.brk)
        )
        for i, t in enumerate(toks)
    )
    if hint:
        close, holds_all = fuzzy_devices(lexicon, toks, telling + openers, matches, {s.id for s in suggestions})
        # A name holding every word typed comes before shorter names the words went past ("redmi note 11
        # pro+": the Redmi Note 11 Pro+ 5G (India) before the Note 11 Pro)
        suggestions = close + suggestions if holds_all else suggestions + close
    # A phone of that name in another series ("redmi note 3": the Mi Note 3) comes last; another
    # maker's ("galaxy s2": the Redmi S2) not at all, since the maker was named.
    for m in contradicted:
        if m.start not in vendor_ends and m not in foreign:
            suggestions.append(Suggestion("device", m.payload.id, k.device(m.payload.id).name))
    if makers:
        # "tecno phantom v fold 2": no other maker's phone is offered once a maker is named (the
        # Xiaomi MIX Fold 2's short name is the rest of the TECNO's)
        suggestions = [s for s in suggestions if k.device(s.id).vendor in makers]
    unique = list(dict.fromkeys(suggestions))[:5]
    return DeviceReading(None, None, tuple(unique), 0.0, hint or bool(contradicted), False, None, set_aside)


# What a phone is, not which one ("is my iphone unlocked", "samsung refurbished").
_STATES_OF_A_PHONE = frozenset({"unlocked", "locked", "refurbished", "renewed", "imported", "rooted", "bricked"})


def _offered(k: Knowledge, device: str) -> DeviceReading:
    """The one phone found, offered rather than answered."""
    return DeviceReading(None, None, (Suggestion("device", device, k.device(device).name),), 0.0, True, False, None)


# A name ending in "phone" ("Vollaphone", "PinePhone"): a phone, whether or not we know it.
# Lower case too: issue forms say "Device: vollaphone/pixel 3a".
_PHONE_NAME = re.compile(r"^[A-Za-z]{2,}phone$")
# Words for any phone, not a phone's name: Indonesian and Malay "handphone" (wordfreq lacks it).
_ANY_PHONE = frozenset({"handphone", "smartphone", "cellphone", "telephone", "mobilephone"})


def _listed_together(toks: list[Token], names: list[Match], question: str) -> bool:
    """Whether two of the names are listed: only "and", "or", a comma or a slash between, and names
    ("ginkgo and pixel 8", "ginkgo/pixel 8"; not "my obsidian pixel 8 pro")."""
    spans = sorted((m.start, m.end) for m in names)
    for (_a_start, a_end), (b_start, _b_end) in pairwise(spans):
        if a_end > b_start or toks[b_start].brk:
            continue
        between = toks[a_end:b_start]
        gap = question[toks[a_end - 1].end : toks[b_start].start]
        # "Kenzo, Kate, and MI5": a name we do not know may stand in the list between them.
        if ("," in gap or "/" in gap or any(t.norm in LIST_WORDS for t in between)) and all(
            t.norm in LIST_WORDS or t.raw[:1].isupper() for t in between
        ):
            return True
    return False


# "and so on" in the languages read: a phone named before it is one of a list of examples
# ("아이폰6나 … 샤오미 등을", "iPhone 6 or Xiaomi and the like"; "等", "usw.", "dll.", "ecc.").
_ETC = frozenset({"etc", "等", "등", "usw", "dll", "dsb", "ecc"})


def _old_phones_set_aside(
    lexicon: Lexicon,
    matches: list[Match],
    toks: list[Token],
    question: str,
    sentence_of: list[int],
    asking: set[int],
    kept: list[Match],
    untagged: list[Match],
    incomplete_ones: list[Match],
    by_model_number: bool,
) -> tuple[list[Match], list[Match], list[Match], list[Match]]:
    """The phones named once the asker's old, current or someone else's phones are set aside (kept,
    untagged, incomplete), and those set aside."""
    # "My current phone is a Pixel 8 Pro. Would the Xiaomi 16 Ultra work on AT&T?", "(was on an
    # iPhone 11 before)", "oneplus 9 pro -> pixel 7 -> now oneplus 13": the asker's old phone gives
    # way to another phone named, known or not (alone, "my old pixel 6 on verizon?" is the question).
    # (a form's field names the phone in hand, "Current pixel phone: Pixel 7"; "my wife's galaxy a35
    # and my pixel 8, both on jio" asks of both)
    # (a name that may be a 4G or a 5G phone, "im alten galaxy s20 fe", is a phone named as much)
    phones = kept + untagged
    since = {m.start: max((o.end for o in phones if o.end <= m.start), default=0) for m in phones}
    former = [m for m in phones if _former_phone(toks, m, question, since[m.start])]
    # Someone else's phone gives way to another phone named, known or not, unless a question asks of
    # it ("My wife has an iPhone 16 … Does her iPhone 16 work fine on Cricket?") or of both.
    # ("my family: mom s23 fe, dad iphone 13, me pixel 8. all on tmobile, will they work on mint?")
    asked_of = {m.payload.id for m in phones if sentence_of[m.start] in asking}
    # ("my brother uses redmi note 13 pro+ and i have an iphone 15. his jio 5g works but volte doesn't.
    # why?": spoken of again as theirs, it may be the one asked about: a question back, not the asker's)
    named_in = {sentence_of[m.start] for m in phones}
    theirs_again = {sentence_of[i] for i, t in enumerate(toks) if t.norm in _THEIR} - named_in
    told_again = {m.payload.id for m in phones if any(s > sentence_of[m.start] for s in theirs_again)}
    asked_of |= told_again
    of_all = any(
        t.norm in _ALL_OF_THEM or (t.norm in _TWO and i > 0 and toks[i - 1].norm in _THE_PLURAL)
        for i, t in enumerate(toks)
        if sentence_of[i] in asking
    )
    theirs = [
        m
        for m in phones
        if m not in former
        and not of_all
        and _someone_elses(toks, m, since[m.start])
        # (asked of, unless another model is named after it in the sentence that asks: "my wife has
        # s24, i want s27, will it work on three")
        and (
            m.payload.id not in asked_of
            or (
                sentence_of[m.start] in asking
                and _unknown_phone_asked(
                    lexicon, matches, toks, question, sentence_of, {sentence_of[m.start]}, [(m.start, m.end)], m.end
                )
            )
        )
        and not (
            _asks_of_both(toks, sentence_of, sentence_of[m.start])
            and any(
                sentence_of[o.start] == sentence_of[m.start] and o.payload.id != m.payload.id
                for o in phones
                if o not in former
            )
        )
    ]
    if theirs and (
        any(o not in former and o not in theirs for o in phones)
        or by_model_number  # a model number typed: the phone in hand
        # ("my sister has a galaxy s24 and loves it. i'm looking at the tecno phantom v fold 2 instead.
        # does it work on vodacom?": one we do not know, named in any sentence after it)
        or _unknown_phone_asked(
            lexicon,
            matches,
            toks,
            question,
            sentence_of,
            set(sentence_of),
            [(m.start, m.end) for m in theirs],
            max(m.end for m in theirs),
            makers_only=True,
        )
    ):
        # ("Has anyone tried the Vivo X200 FE on Jio 5G? My brother uses a Vivo V30 on Jio": a phone
        # we do not know is asked about)
        former += theirs
    former = [m for m in former if not _DEVICE_FIELD.holds(question, toks[m.start].start)]
    # (every mention of a phone marked old at least as often as not: "upgrading from my Pixel 6a …
    # Posted from my Pixel 6a"; but a phone a post names many times is its subject)
    marked = Counter(m.payload.id for m in former)
    named_times = Counter(m.payload.id for m in phones)
    # ("… give him my old iphone x. he's on tmobile, will the iphone x work?": named alone again in the
    # sentence that asks, it is the question)
    asked_alone = {
        m.payload.id
        for m in phones
        if m not in former
        and sentence_of[m.start] in asking
        and all(o.payload.id == m.payload.id for o in phones if sentence_of[o.start] == sentence_of[m.start])
    }
    former_ids = {d for d, n in marked.items() if 2 * n >= named_times[d] and d not in asked_alone}
    former = [m for m in phones if m.payload.id in former_ids]
    old_phones: list[Match] = []
    if former:
        rest = [m for m in kept if m not in former]
        spans = [(m.start, m.end) for m in former]
        if (
            rest
            or any(m not in former for m in untagged)
            or by_model_number
            or _another_phone_named(lexicon, toks, matches, incomplete_ones, spans)
            or _unknown_phone_asked(lexicon, matches, toks, question, sentence_of, set(sentence_of), spans)
            or _other_maker_asked(lexicon, matches, former, sentence_of, asking)
        ):
            kept, old_phones = rest, former
            untagged = [m for m in untagged if _outside(m.start, spans)]
            incomplete_ones = [m for m in incomplete_ones if _outside(m.start, spans)]
    # "Anyone tried the Oppo Find N5 on Telstra? I'm on a Galaxy Z Fold6 right now", "Will the 16e
    # work on Koodo? I have a Pixel 7": the asker's phone of today, said outside the sentences that
    # ask, gives way to a phone a question names that we do not know (alone, "I have a Pixel 7. Will
    # it work on Koodo?" is about the Pixel 7; known, the other phone is kept already).
    # ("tengo un s23, el s27 funcionara con claro?": in the sentence that asks, after it)
    if (kept or untagged) and not by_model_number and asking:
        # (by phone: "mein galaxy s24" is found as "galaxy s24" and as "s24" too)
        mine_ids = {m.payload.id for m in kept + untagged if _said_mine_now(toks, m) or _said_mine(toks, m.start)}
        mine = [m for m in kept + untagged if m.payload.id in mine_ids]
        spans = [(m.start, m.end) for m in mine]
        after = max((b for _a, b in spans), default=0) if any(sentence_of[m.start] in asking for m in mine) else 0
        # (a name we know only in part, "will the z flip 8 work", is a phone we do not know)
        if len(mine) == len(kept) + len(untagged) and (
            _unknown_phone_asked(
                lexicon,
                matches,
                toks,
                question,
                sentence_of,
                asking,
                spans + [(m.start, m.end) for m in old_phones],
                after,
            )
            or any(
                m.start >= after and sentence_of[m.start] in asking and _outside(m.start, spans)
                for m in incomplete_ones
            )
        ):
            kept, old_phones = [], old_phones + mine
            untagged = [m for m in untagged if _outside(m.start, spans)]
            incomplete_ones = [m for m in incomplete_ones if _outside(m.start, spans)]
    # "troquei meu galaxy s9 por um iphone 13 … o galaxy s9 ainda funciona na tim?" (an S9 we do not
    # know), "… mein altes sony xperia 10 iii … funktioniert das xperia 10 iii bei o2?": every phone we
    # know is named outside the sentences that ask, and one that asks names a model we do not know
    phones = kept + untagged
    if phones and not by_model_number and asking and all(sentence_of[m.start] not in asking for m in phones):
        named = [(m.start, m.end) for m in phones + old_phones]
        if any(sentence_of[m.start] in asking and _outside(m.start, named) for m in incomplete_ones) or (
            _unknown_phone_asked(lexicon, matches, toks, question, sentence_of, asking, named)
        ):
            kept, untagged, old_phones = [], [], old_phones + phones
    return kept, untagged, incomplete_ones, old_phones


# Words, a few before a phone's name in its sentence, that make it the asker's old or current phone (or
# someone else's) beside the one asked about: "my old", "previous phone", "was on … before", "Mein altes Handy war",
# "Antes tenía", "Mi celular anterior", "Avant j'avais", "O meu antigo", "Sebelumnya ane pake", "Dati".
_FORMER_BEFORE = frozenset(
    {"old", "older", "previous", "previously", "former", "had", "was", "current", "currently", "died", "broke"}
    | {"altes", "alte", "alten", "aktuell", "bisher", "vorher", "fruher"}  # German
    | {"antes", "anterior", "antiguo", "antigua", "tenia", "tinha", "antigo"}  # Spanish, Portuguese
    | {"ancien", "ancienne", "avant", "precedent", "avais"}  # French
    | {"sebelumnya", "dulu", "lama", "dati"}  # Indonesian, Tagalog
    | {"vecchio", "vecchia", "precedente", "aggiornare", "sostituire"}  # Italian
    | {"upgrade", "replace", "replacing"}  # "upgrade my pixel 6": the phone being left
    | {"sold", "selling", "swap", "swapping", "traded", "trading"}  # "sold my s23, getting the s27"
    | {"instead", "statt", "anstatt"}  # the phone not chosen: "instead of the iphone 16e", "statt dem …"
    | {"eski", "onceki"}  # Turkish: "Eski telefonum Galaxy S21'de 5G vardı"
    # Russian "у меня был …" (I had), "old" (folded, as questions are: "старый" is read "старыи")
    | {"был", "была", "старыи", "старом", "старого", "старая"}
    | {"luma", "lumang"}  # Tagalog "yung lumang cherry mobile flare ko" (my old)
    | {"truoc"}  # Vietnamese "Trước đây mình dùng iPhone 11" (and "máy cũ", `_OLD_PHONE_PAIRS`)
)
# Words of trouble (Latin letters): "… the same SIM shows no signal"
_TROUBLE = frozenset(w for w in TROUBLE_WORDS if w.isascii())
# "Galaxy S24. T-Mobile. Works? My wife's Pixel 7a works fine on the same plan": someone else's
# phone, told of in a sentence of its own beside the one asked about
_SOMEONE_ELSES = frozenset(
    {"wife", "wifes", "husband", "partner", "girlfriend", "boyfriend", "gf", "bf", "friend", "friends", "buddy"}
    | {"son", "sons", "daughter", "kid", "kids", "brother", "sister", "mom", "moms", "mum", "dad", "dads"}
    | {"mother", "father", "coworker", "colleague"}
    | {"esposa", "esposo", "marido", "mujer", "novia", "novio", "hermano", "hermana", "hijo", "hija"}  # Spanish
    | {"amigo", "amiga", "mama", "papa", "madre", "padre"}
    | {"mulher", "namorada", "namorado", "irmao", "irma", "filho", "filha", "mae", "pai"}  # Portuguese
    | {"frau", "freund", "freundin", "sohn", "tochter", "bruder", "schwester", "mutter", "vater"}  # German
    | {"femme", "mari", "copine", "copain", "ami", "amie", "frere", "soeur", "fils", "fille"}  # French
    | {"moglie", "marito", "ragazza", "fratello", "sorella", "figlio", "figlia", "amico", "amica"}  # Italian
    | {"istri", "suami", "teman", "adik", "kakak", "pacar", "ibu", "ayah"}  # Indonesian
    | {"karim", "kocam", "arkadasim", "kardesim", "annem", "babam"}  # Turkish
    | {"biwi", "bhai", "dost", "mummy"}  # Hindi in Latin letters
    # ("his pixel 8 works on mint"; "ella", "dela", "elle": the same)
    | {"she", "his", "her", "hers", "ella", "ele", "ela", "dele", "dela", "elle"}
)
# "… since he got an s24" (but Spanish "me he pillado un xiaomi 14t" is the asker's: "he", I have)
_HE_HAS = frozenset({"got", "gets", "has", "uses", "bought", "buys", "owns"})
_VOCATIVE = frozenset({"bhai", "bro", "dost", "bhaiya", "hermano", "mano", "irmao"})
# "my sister gave me her galaxy note 10+": a phone handed to the asker is the asker's now
_GIVEN_TO_ME = frozenset(
    {("gave", "me"), ("give", "me"), ("gives", "me"), ("handed", "me"), ("got", "me"), ("bought", "me")}
    | {("sent", "me"), ("brought", "me")}  # "my cousin in the us sent me his galaxy a15"
    | {("me", "dio"), ("me", "regalo"), ("me", "paso"), ("me", "compro"), ("me", "deu"), ("me", "passou")}
    | {("me", "trajo"), ("me", "trouxe"), ("me", "mando"), ("m", "a")}  # French "mon fils m'a ramené un …"
    | {("hat", "mir"), ("gab", "mir")}
)
# After it: "the OnePlus 12 I had before", "my Honor 90 died", "(was on an iPhone 11 before)".
_FORMER_AFTER = frozenset({"before", "died", "broke", "previously", "lama", "sebelumnya", "anterior", "antigo"})
_FORMER_AFTER |= frozenset({"chhod", "chod", "chhodke", "chodke"})  # Hindi "pixel 7 chhod ke s24 liya" (left)
# "en vez del", "em vez do", "au lieu du": the phone not chosen ("vez" and "lieu" alone are other words)
_NOT_CHOSEN = frozenset({("en", "vez"), ("em", "vez"), ("au", "lieu")})
# Vietnamese "máy cũ iphone xs" (my old phone): "cũ" alone is "used", of a phone to buy too ("nên mua
# iphone 13 cũ hay galaxy s23 fe mới?", a used iPhone 13 or a new S23 FE)
_OLD_PHONE_PAIRS = frozenset({("may", "cu"), ("thoai", "cu")})  # "máy cũ", "điện thoại cũ"
# "… with (the) same sim", "same plan": a phone told of to compare
_SAME_THINGS = frozenset({"sim", "simcard", "card", "plan", "network", "carrier", "chip", "provider"})
# "pixel 6 -> pixel 7": the one before the arrow is the one left
_ARROW_AFTER = re.compile(r"\s*(?:->|→|=>|>)")
# "coming from an iPhone 13 mini", "upgrading from a Pixel 6"
_LEAVING = frozenset(
    {"coming", "came", "upgrading", "upgraded", "switching", "switched", "moving", "moved", "going", "changing"}
    | {"cambiar", "cambiando", "cambie", "mudar", "mudando", "trocar", "troquei", "wechsel", "wechseln", "passer"}
    | {"ganti", "pindah", "beralih"}  # Indonesian "ganti dari oppo a17 ke samsung a25"
)
# "from" in the languages read, with "del" and "do" (de + el, de + o): "me voy a cambiar del s22 al s27"
_FROM = frozenset({"from", "de", "del", "do", "da", "von", "vom", "dari"})
# "from s24 ultra to s27 ultra", "del s22 al s27", "do s22 pro s27": the phone before "to" is left
_TO = frozenset({"to", "al", "a", "para", "pro", "pra", "zum", "auf"})


def _former_phone(toks: list[Token], m: Match, question: str, since: int) -> bool:
    """Whether the words around a phone's name make it the asker's old phone (or the one being left),
    in its own sentence: a few words before it (since the phone named before: "my old pixel 6 vs the
    new pixel 9"), a few after, or an arrow after it ("pixel 6 -> pixel 7")."""
    start = m.start
    while start > max(since, m.start - 5) and not toks[start].brk:
        start -= 1
    before = [t.norm for t in toks[start : m.start]]
    after = [t.norm for t in toks[m.end : m.end + 3]]
    if m.end < len(toks) and toks[m.end].brk:
        after = []
    if any(pair in _GIVEN_TO_ME for pair in pairwise(before)):
        return False  # "my dad gave me his old pixel 6": the asker's now
    if any(w in _FORMER_BEFORE for w in before) or any(w in _FORMER_AFTER for w in after):
        return True
    if any(pair in _NOT_CHOSEN or pair in _OLD_PHONE_PAIRS for pair in pairwise(before)):
        return True  # "en vez del iphone 16 voy a comprar el pixel 9", "au lieu du pixel 8 pro", "máy cũ"
    same = next(
        (
            m.end + k + 2
            for k, (a, b) in enumerate(pairwise(after + [t.norm for t in toks[m.end + 3 : m.end + 4]]))
            if a == "same" and b in _SAME_THINGS
        ),
        None,
    )
    if same is not None and not any(t.norm in _TROUBLE for t in toks[same : same + 5] if not t.brk):
        # "my samsung a12 with same sim is fine": the phone the asker compares with (but "on my OnePlus
        # 8 the same SIM shows no signal" is the one in trouble)
        return True
    if len(before) >= 2 and before[-1] in _FROM and before[-2] in _LEAVING:
        return True
    if len(before) >= 3 and before[-2] in _FROM and before[-3] in _LEAVING:
        return True  # "coming from an iphone 13 mini"
    if before[-1:] == ["from"] and after[:1] and after[0] in _TO:
        return True  # "from s24 ultra to s27 ultra"
    end = toks[m.end - 1].end
    return _ARROW_AFTER.match(question, end, end + 6) is not None


def told_aside(toks: list[Token], m: Match, question: str, since: int) -> bool:
    """Whether the words around a name (a maker's too) make it the asker's old phone or someone else's."""
    return _former_phone(toks, m, question, since) or _someone_elses(toks, m, since)


def _short_for(toks: list[Token], i: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the word typed at token `i` (with the tokens glued to it) is in one of the names at
    `spans`: the asker's phone named again by its short form."""
    end = i + 1
    while end < len(toks) and toks[end].glued:
        end += 1
    typed = {t.norm for t in toks[i:end]}
    return any(typed <= {t.norm for t in toks[a:b]} for a, b in spans)


# The words, articles left out, that say the phone after them is the asker's today: "I'm on a",
# "I have a", "I use", "Tengo un", "Ich habe ein", "J'ai un", "Eu tenho um".
_MINE_NOW = (
    ("i", "m", "on"),
    ("im", "on"),
    ("i", "am", "on"),
    ("have",),  # "i have", "have oneplus 13"
    ("i", "hab"),
    ("ich", "hab"),
    ("i", "ve", "got"),
    ("i", "own"),
    ("i", "use"),
    ("using",),  # "i'm using", "using an s25 rn"
    ("tengo",),
    ("tenho",),
    ("ich", "habe"),
    ("j", "ai"),
    ("saya", "pakai"),  # Indonesian "I use"
    ("hp", "saya"),  # "my phone"
    ("mere", "paas"),  # Hindi "I have"
    ("dang", "dung"),  # Vietnamese "đang dùng", using
    ("minh", "co"),  # "mình có", I have
)
_ARTICLES = frozenset(
    {"a", "an", "the", "un", "una", "um", "uma", "ein", "eine", "einen", "une", "el", "le", "la", "das", "der", "die"}
)


def _pointed_back(
    lexicon: Lexicon,
    matches: list[Match],
    toks: list[Token],
    sentence_of: list[int],
    asking: set[int],
    phones: list[Match],
) -> list[Match]:
    """The mentions of the one phone a maker's word alone, in a sentence that asks and naming no phone
    of its own there, points back to, when the phones kept are another maker's; else none."""
    if not phones or not asking:
        return []
    k = lexicon.knowledge
    spans = [(m.start, m.end) for m in phones]
    for v in matches:
        if (
            v.payload.kind != "vendor"
            or sentence_of[v.start] not in asking
            or not _outside(v.start, spans)
            or _model_after_maker(lexicon, toks, v.end)
            # (a phone named before it in its sentence is pointed back to: "she has a pixel 8 and i
            # have an s23, will her pixel work on ee?")
            or any(sentence_of[m.start] == sentence_of[v.start] and m.start > v.start for m in phones)
        ):
            continue
        ids = {m.payload.id for m in phones if k.device(m.payload.id).vendor == v.payload.id}
        others = {m.payload.id for m in phones} - ids
        if len(ids) == 1 and others:
            return [m for m in phones if m.payload.id in ids]
    return []


def _other_maker_asked(
    lexicon: Lexicon, matches: list[Match], former: list[Match], sentence_of: list[int], asking: set[int]
) -> bool:
    """Whether a sentence that asks names a maker other than the old phones' ("my old iphone 11 is
    dying. my cousin is selling a tecno phantom v fold 2, would it work on mtn?")."""
    makers = {lexicon.knowledge.device(m.payload.id).vendor for m in former}
    spans = [(m.start, m.end) for m in former]
    return any(
        v.payload.kind == "vendor"
        and v.payload.id not in makers
        and sentence_of[v.start] in asking
        and _outside(v.start, spans)
        for v in matches
    )


def _model_after_maker(lexicon: Lexicon, toks: list[Token], end: int, maker: str | None = None) -> bool:
    """Whether a model's name follows a maker's at token `end`: a number within four words, with no
    everyday word before it but those of phones' names ("oppo find n5", "lava agni 3", "tecno phantom
    v fold 2"; not "pixel ims restart 100", nor another product: "my galaxy tab s9")."""
    if end < len(toks) and kind_of_product(toks[end].norm):
        return False
    for t in toks[end : end + 4]:
        if t.brk or t.norm in _GENERATIONS:
            return False  # ("هل الهونر يدعم 5G؟", does the Honor support 5G: a network's generation)
        if any(ch.isdigit() for ch in t.norm):
            return True
        # (a word of a line we do not know is rarely a word at all: "lava agni 3"; but of a maker we know
        # no phones of, its lines are words we cannot tell: "tecno phantom v fold 2")
        if (
            t.norm not in lexicon.device_tokens
            and len(t.norm) > 1
            and commonness(t.norm) >= 3.0
            and (maker is None or lexicon.vendor_devices.get(maker))
        ):
            return False
    return False


# A model's name as one word: a line's letter or two, its number, a letter or two after ("s27", "a58e")
_MODEL_SHAPE = re.compile(r"^[a-z]{1,2}\d{1,3}[a-z]{0,2}$", re.IGNORECASE)


def _said_mine_now(toks: list[Token], m: Match) -> bool:
    """Whether the words right before a phone's name, or right after it, say it is the asker's phone
    today ("I'm on a …", "… owner here", "… kullanıyorum")."""
    before = [t.norm for t in toks[max(0, m.start - 5) : m.start] if t.norm not in _ARTICLES]
    before = [w for w in before if w != "currently"]  # "I currently have a …"
    if any(tuple(before[-len(cue) :]) == cue for cue in _MINE_NOW):
        return True
    after = tuple(t.norm for t in toks[m.end : m.end + 3])
    return bool(after) and not toks[m.end].brk and any(after[: len(cue)] == cue for cue in _MINE_NOW_AFTER)


# … and right after it: "fold 7 owner here", "s25 user here", "galaxy s24 kullanıyorum" (Turkish, I
# use), "s24 use kar raha hu", "pixel 8 hai mere paas" (Hindi)
_MINE_NOW_AFTER = (("owner",), ("user",), (text.fold("kullanıyorum"),), ("use", "kar"), ("hai", "mere"))


# A word typed with letters and digits that names no phone: a band ("b41", "n78"), a network's
# generation ("5g", "vo5g"), a rating ("ip68"), a size or a count ("128gb", "5000mah", "120hz").
_NOT_A_MODEL = re.compile(
    r"^(?:[bn]\d{1,3}|ip\d\d|[a-z]{0,2}[2-6]g|\d+(?:g|gb|tb|mb|mp|mah|hz|ghz|mhz|w|k|x|s|th|st|nd|rd)|\d+)$",
    re.IGNORECASE,
)


def _unknown_phone_asked(
    lexicon: Lexicon,
    matches: list[Match],
    toks: list[Token],
    question: str,
    sentence_of: list[int],
    asking: set[int],
    mine: list[tuple[int, int]],
    after: int = 0,
    makers_only: bool = False,
) -> bool:
    """Whether a sentence that asks (from token `after` on) names a phone we do not know: a maker's
    name, or a model typed with letters and digits, after an article or shaped like one ("the 16e",
    "the N5", "to s27 ultra"), over no name of a network or a place, nor the asker's phones (`mine`)."""
    # (a name we know only in part, "Vivo X200 FE", is a phone we do not know)
    named = {i for m in matches if m.payload.kind not in ("vendor", "device") for i in range(m.start, m.end)}
    named |= {i for a, b in mine for i in range(a, b)}
    for m in matches:
        if (
            m.payload.kind == "vendor"
            and m.start >= after
            and sentence_of[m.start] in asking
            and m.start not in named
            and m.end < len(toks)
            and not toks[m.end].brk
            and m.end not in named
            and _model_after_maker(lexicon, toks, m.end, m.payload.id)
        ):
            return True  # "the Oppo Find N5" (but "OnePlus is one of my favorite phone makers" names none)
    if makers_only:
        return False  # (a model number typed, "(SM-G973F)", is no phone we do not know)
    for i, t in enumerate(toks):
        if i < max(after, 1) or sentence_of[i] not in asking or i in named or t.glued:
            continue
        if t.norm in lexicon.series_words and i + 1 < len(toks) and toks[i + 1].norm[:1].isdigit():
            return True  # "funktioniert das xperia 10 iii": a line's word and a number
        word = question[t.start : t.end]
        if _NOT_A_MODEL.match(word) or not any(c.isdigit() for c in word):
            continue
        if _short_for(toks, i, mine):
            continue  # "tengo un Xiaomi 14T Pro … ¿El 14T Pro funciona?": the same phone
        if _sibling_of_one_named(lexicon, matches, toks, i):
            continue  # "un oneplus 15 … o mejor el 15r?": the OnePlus 15R, a phone we know
        if chip_of_a_product(toks, i, i + 1) or (i + 2 < len(toks) and chip_of_a_product(toks, i, i + 2)):
            continue  # "iPad Air mit M2-Chip"
        if toks[i - 1].norm in _ARTICLES or _MODEL_SHAPE.match(word):
            return True
    return False


def _sibling_of_one_named(lexicon: Lexicon, matches: list[Match], toks: list[Token], i: int) -> bool:
    """Whether the word typed at token `i` ("15r") names, after the words before the number of a
    phone named in the post ("oneplus" of "oneplus 15"), a phone we know."""
    end = i + 1
    while end < len(toks) and toks[end].glued:
        end += 1
    parts = [t.norm for t in toks[i:end]]
    phones = [m for m in matches if m.payload.kind == "device"]
    return any(lexicon.devices_named(head + parts) for head in _heads(phones, toks))


def _someone_elses(toks: list[Token], m: Match, since: int) -> bool:
    """Whether a few words around a phone's name, in its sentence, say whose it is: "my wife's", "My
    wife has a", "el iphone 12 de mi esposa"."""
    start = m.start
    while start > max(since, m.start - 5) and not toks[start].brk:
        start -= 1
    before = [t.norm for t in toks[start : m.start]]
    if before and before[0] in _VOCATIVE and (start == 0 or toks[start].brk):
        before = before[1:]  # "bhai iqoo 13 le ya oneplus 13?": "bro", not a brother's phone
    if any(w in _SOMEONE_ELSES for w in before) or any(a == "he" and b in _HE_HAS for a, b in pairwise(before)):
        return not any(pair in _GIVEN_TO_ME for pair in pairwise(before))
    after = []
    for t in toks[m.end : m.end + 3]:
        if t.brk:
            break
        after.append(t.norm)
    if after and after[0] in _RELATIVES_AFTER:
        return True  # Indonesian "di Samsung A14 istri saya bisa" (my wife's A14)
    return bool(after) and after[0] in _OF and any(w in _SOMEONE_ELSES for w in after[1:])


# Indonesian and Malay say whose after the name: "A14 istri saya" (my wife's A14), "hp adik saya"
_RELATIVES_AFTER = frozenset({"istri", "suami", "teman", "adik", "kakak", "pacar", "ibu", "ayah", "abang", "isteri"})
# Someone else's, said again in a later sentence: "his jio 5g works but volte doesn't"
_THEIR = frozenset({"his", "her", "hers", "their", "theirs"})
# ... and in other languages: "el de ella" (hers), "el suyo", "o dela", "das von ihr", "quello di lei"
_THEIR |= frozenset({"ella", "suyo", "suya", "dela", "dele", "ihres", "seins", "seines", "lei"})
# "de mi esposa", "da minha mulher", "von meiner Frau", "di mia moglie", "of my wife"
_OF = frozenset({"de", "da", "do", "von", "di", "del", "of"})
# Words that ask of two phones at once: "my wife's galaxy a35 and my pixel 8, both on jio, which is better?"
_BOTH = frozenset({"both", "which", "either", "vs", "versus", "better", "compare", "ambos", "ambas", "beide", "dua"})
# "which" in other languages: "¿cuál conviene para claro?", "qual é melhor", "welches", "lequel", "quale"
_BOTH |= frozenset({"cual", "qual", "welches", "welcher", "lequel", "laquelle", "quale", "mana"})


# "los dos se venden en perú?", "os dois funcionam", "les deux", "i due": both phones told of
_TWO = frozenset({"dos", "dois", "duas", "deux", "due"})
_THE_PLURAL = frozenset({"los", "las", "os", "as", "les", "i", "e"})
# Words of a question that asks of every phone told of: "will they work", "do all of them work"
_ALL_OF_THEM = frozenset({"they", "them", "both", "all", "each", "todos", "ambos", "beide", "alle", "tous", "semua"})
# "cual de los dos", "tutti e due", "les deux", "os dois", Tagalog "parehas", "keduanya", "dono"
_EACH_OF_TWO = frozenset(
    {"dos", "due", "deux", "dois", "parehas", "pareho", "keduanya", "either", "whichever", "dono", "donon"}
)


def _asks_of_both(toks: list[Token], sentence_of: list[int], sentence: int) -> bool:
    return any(t.norm in _BOTH for i, t in enumerate(toks) if sentence_of[i] == sentence)


# Words that correct what was just said: "no wait", "i mean", "actually", "correction".
_CORRECTIONS = (
    *(("no", "wait"), ("i", "mean"), ("i", "meant"), ("actually",), ("correction",), ("sorry", "i")),
    *(("oops",), ("ops",), ("my", "bad"), ("scratch", "that"), ("nvm",), ("sorry",), ("ah", "no"), ("pardon",)),
    ("oh", "wait"),
    # "perdón, quise decir el z flip7 fe", "quis dizer", "eh maksud gw cmf phone 2 pro", "ach quatsch,
    # ich mein das xperia 10 vi", "je voulais dire le find x8 ultra", "anzi no scusate, intendevo il
    # pixel 10a", Vietnamese "à nhầm, reno13 f", Turkish "yanlış yazdım", Russian "стоп, у меня ж pixel
    # 8", Polish "chodziło mi o poco f7 ultra", Hindi in Latin letters "mera matlab"
    *(("quise", "decir"), ("me", "equivoque"), ("mejor", "dicho"), ("quis", "dizer"), ("na", "verdade")),
    *(("maksud", "gw"), ("maksud", "saya"), ("maksudnya",), ("salah", "ketik")),
    *(("ich", "mein"), ("ich", "meine"), ("ach", "quatsch"), ("korrektur",)),
    *(("je", "voulais", "dire"), ("non", "pardon")),
    *(("intendevo",), ("volevo", "dire"), ("anzi", "no")),
    *(("nham",), ("yanlıs", "yazdım"), ("yanlis", "yazdim"), ("стоп",), ("точнее",)),
    *(("chodzilo", "mi"), ("pomylilem",), ("pomylilam",), ("mera", "matlab"), ("mali", "pala")),
    # Japanese "間違えた" (I got it wrong), Chinese "说错了", "打错", "搞错" (written or typed wrong)
    *(("間", "違"), ("说", "错"), ("說", "錯"), ("打", "错"), ("打", "錯"), ("搞", "错")),
    # Japanese "じゃなくて", "ではなく" (not … but), folded as questions are ("し", "て": no voicing marks)
    *(("し", "ゃ", "な", "く"), ("て", "は", "な", "く")),
)
_CORRECTION_STARTS = frozenset(cue[0] for cue in _CORRECTIONS)


def _correction(toks: list[Token]) -> int | None:
    """Where the words after a correction begin ("… no wait, it's actually the …"), if any. A cue of
    one word opens a sentence or a clause ("oops, its the 14t", "… sorry 14 ultra"), not a verb's
    ("that's the one I'm actually buying")."""
    for i in range(1, len(toks)):
        if toks[i].norm not in _CORRECTION_STARTS:
            continue  # (a long post's words: one look each)
        for cue in _CORRECTIONS:
            if not all(i + k < len(toks) and toks[i + k].norm == w for k, w in enumerate(cue)):
                continue
            opens = toks[i].brk or toks[i].start - toks[i - 1].end > 1 or toks[i - 1].norm in _CORRECTION_OPENERS
            if len(cue) > 1 or opens:
                return i + len(cue)
    return None


# (and after "'s": "mine's actually the note 12 pro+", "it's actually")
_CORRECTION_OPENERS = frozenset(
    {"no", "wait", "oh", "ah", "eh", "ok", "okay", "sorry", "nah", "its", "it", "à", "a", "s"}
)


def _line_carried_over(k: Knowledge, kept: list[Match], toks: list[Token]) -> list[Match]:
    """A short name two makers' phones share, beside a phone named with its line's word: the phones
    of that line ("find x8 vs x8 pro": the OPPO Find X8 Pro, not the POCO X8 Pro too; but "x6 pro vs
    x7 pro" names no line, and stays the OPPO Find X6 Pro or the POCO X6 Pro)."""
    by_span: dict[tuple[int, int], list[Match]] = defaultdict(list)
    for m in kept:
        by_span[(m.start, m.end)].append(m)
    if len(by_span) < 2 or all(len({m.payload.id for m in ms}) == 1 for ms in by_span.values()):
        return kept
    dropped: set[int] = set()
    for (start, end), ms in by_span.items():
        if len({m.payload.id for m in ms}) == 1:
            continue
        typed = {t.norm for t in toks[start:end]}
        elsewhere = {
            t.norm
            for (a, b), others in by_span.items()
            if (a, b) != (start, end) and len({o.payload.id for o in others}) == 1
            for t in toks[a:b]
            if not t.norm.isdigit()
        }
        carried = [m for m in ms if (_name_words(k, m.payload.id) - typed) & elsewhere]
        if carried and len(carried) < len(ms):
            dropped |= {id(m) for m in ms if m not in carried}
    return [m for m in kept if id(m) not in dropped]


def _another_makers_model(
    k: Knowledge, m: Match, kept: list[Match], matches: list[Match], toks: list[Token], sentence_of: list[int]
) -> bool:
    """Whether a model typed as one word ("a58") is, by the words beside it, another maker's model we do
    not know: that maker's name right beside it ("a58 galaxy"), or listed after that maker's phone of
    the same line's letter ("galaxy a57 or a58": no OPPO A58), with no phone of its own maker named."""
    if not _one_model_word(toks, m) or m.start in {v.end for v in matches if v.payload.kind == "vendor"}:
        return False
    maker = k.device(m.payload.id).vendor
    beside = [
        v
        for v in matches
        if v.payload.kind == "vendor"
        and v.payload.id != maker
        and (v.start == m.end or v.end == m.start)
        and sentence_of[v.start] == sentence_of[m.start]
        and not any(o.start <= v.start < o.end for o in kept)
    ]
    if beside:
        return True
    letter = toks[m.start].norm
    if not letter.isalpha():
        return False
    others = [o for o in kept if (o.start, o.end) != (m.start, m.end) and sentence_of[o.start] == sentence_of[m.start]]
    if any(k.device(o.payload.id).vendor == maker for o in others):
        return False
    return any(
        o.end <= m.start
        and not _one_model_word(toks, o)
        and any(
            t.norm == letter and i + 1 < o.end and toks[i + 1].glued
            for i, t in enumerate(toks[o.start : o.end], o.start)
        )
        for o in others
    )


def _name_words(k: Knowledge, device: str) -> set[str]:
    return {t.norm for t in tokenize(k.device(device).name)}


def _outside(i: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a token is in none of the spans (the old phones' names)."""
    return not any(a <= i < b for a, b in spans)


def _another_phone_named(
    lexicon: Lexicon,
    toks: list[Token],
    matches: list[Match],
    incomplete_ones: list[Match],
    former: list[tuple[int, int]],
) -> bool:
    """Whether the question names a phone beside the old ones: a maker's name with a model after it, or
    a name we know only in part."""
    if any(_outside(m.start, former) for m in incomplete_ones):
        return True
    for m in matches:
        if m.payload.kind != "vendor" or not _outside(m.start, former) or m.end >= len(toks) or toks[m.end].brk:
            continue
        if not _outside(m.end, former):
            continue  # the maker's name of an old phone ("my old Samsung Galaxy S10")
        nxt = toks[m.end].norm
        if any(ch.isdigit() for ch in nxt) or nxt in lexicon.device_tokens:
            return True
    return False


def _before_etc(toks: list[Token], m: Match, sentence_of: list[int]) -> bool:
    """A name followed by "etc." a few words on, in its sentence."""
    # (Chinese, Japanese and Korean are read a character a token: a few words are more tokens there)
    cjk = m.end < len(toks) and not toks[m.end].norm.isascii() and len(toks[m.end].norm) == 1
    end = min(len(toks), m.end + (24 if cjk else 8))
    return any(toks[i].norm in _ETC and sentence_of[i] == sentence_of[m.start] for i in range(m.end, end))


def _proper_noun(lexicon: Lexicon, m: Match, toks: list[Token]) -> bool:
    raw = toks[m.start].raw
    return (
        named_by_codename(lexicon, m, toks)
        and raw[:1].isupper()
        and not raw.isupper()
        and m.start > 0
        and not toks[m.start].brk
        and toks[m.start - 1].norm not in _FIELD_NAMES
    )


_FIELD_NAMES = frozenset({"device", "codename", "name", "model", "phone"})


def named_by_codename(lexicon: Lexicon, m: Match, toks: list[Token]) -> bool:
    """A phone named by one word that is none of its name's words: a codename ("bluejay", "mido")."""
    if m.end - m.start != 1 or m.payload.derived:
        return False
    word = toks[m.start].norm
    return word.isalpha() and word not in text.tokens(lexicon.knowledge.device(m.payload.id).name)


def _beside_unknown_phones(
    lexicon: Lexicon,
    toks: list[Token],
    kept: list[Match],
    sentence_of: list[int],
    asking: set[int],
    question: str,
    after_vendor: set[int],
    old: list[Match],
) -> bool:
    """Whether the one phone we know is named once, outside the sentence that asks and the title,
    in a post that names other phones of a line ("iPhone 4S", "Galaxy S3") or of a maker ("OnePlus
    Ace5") we do not know. `old`: the asker's old phones, set aside, are no unknown models."""
    if not kept or len({m.start for m in kept}) > 1 or any(sentence_of[m.start] in asking for m in kept):
        return False
    first_line = question.find("\n")
    at = toks[kept[0].start].start
    if first_line > 0 and at < first_line:
        return False  # named in the title
    if _DEVICE_FIELD.holds(question, at):
        return False  # "Device: Pixel 6 Pro"
    return bool(_unknown_models(lexicon, toks, kept + old, after_vendor))


def _unknown_models(
    lexicon: Lexicon, toks: list[Token], kept: list[Match], after_vendor: set[int], letters: bool = False
) -> list[int]:
    """Where the post names a model we do not know: a line's word or a word right after a maker's
    name, then a number ("iPhone 4S", "Galaxy S3", "OnePlus Ace5"; with `letters`, a letter glued to
    its number too: "Honor X9c"), outside the names we know."""
    spans = {i for m in kept for i in range(m.start, m.end)}
    ends = {m.end for m in kept}
    return [
        i
        for i, t in enumerate(toks)
        if (t.norm in lexicon.series_words or (i in after_vendor and _model_word(toks, i, letters)))
        and i not in spans
        and i + 1 < len(toks)
        and not toks[i + 1].brk
        and toks[i + 1].norm[:1].isdigit()
        and toks[i + 1].norm not in _GENERATIONS  # ("الهونر يدعم 5G": the Honor supports 5G)
        # "Galaxy S24 Ultra Cell Phone, 512GB": the phone named, then its storage, no "Phone 512"
        and not (i + 2 < len(toks) and storage_unit(toks[i + 2]))
        and not (t.norm in HANDSET_WORDS and (i in ends or i - 1 in ends))
    ]


def _model_word(toks: list[Token], i: int, letters: bool) -> bool:
    """A word that may begin a model's name after a maker's: "Ace" of "OnePlus Ace5"; with `letters`,
    "X" of "Honor X9c"."""
    word = toks[i].norm
    glued_number = i + 1 < len(toks) and toks[i + 1].glued
    return word.isalpha() and (not is_everyday(word) or (letters and len(word) == 1 and glued_number))


# "My phone is a OnePlus Ace5", "I have a …": the asker's own phone.
_OWN_PHONE = (("my", "phone", "is"), ("my", "device", "is"), ("i", "have"), ("i", "own"), ("i", "use"))


def _own_phone_unknown(
    lexicon: Lexicon, toks: list[Token], kept: list[Match], vendor_spans: list[tuple[int, int]], old: list[Match]
) -> bool:
    """Whether the asker says their phone is a model we do not know ("My phone is OnePlus Ace5 China
    version … OnePlus 13 China version uses your fix"): the phone we know is another one."""
    # The known phone is the asker's too ("I have a Samsung A5 and my pixel 8 won't work on jio").
    if any(m.start > 0 and toks[m.start - 1].norm in ("my", "our") for m in kept):
        return False
    # The makers said to be the asker's ("my phone is a OnePlus …") first: the post is scanned for
    # unknown models only after them.
    owned = set()
    for start, end in vendor_spans:
        before = [t.norm for t in toks[max(0, start - 4) : start] if t.norm not in ("a", "an", "the")]
        if any(tuple(before[-len(cue) :]) == cue for cue in _OWN_PHONE):
            owned.add(end)
    if bool(owned) and any(i in owned for i in _unknown_models(lexicon, toks, kept + old, owned, letters=True)):
        return True
    # "… models before the iPhone 6 have no 4G. But my iPhone 5s does": a line's model we do not know,
    # said to be the asker's after the one we know ("my galaxy s3 died. the pixel 8 on verizon?" is
    # about the Pixel 8)
    first = min(m.start for m in kept)
    return any(i > first and _said_mine(toks, i) for i in _unknown_models(lexicon, toks, kept + old, set()))


# Words that make the phone after them the asker's: "my", "mi", "meu", "mein", "mon", "mio".
_MINE = frozenset({"my", "our", "mi", "mis", "meu", "minha", "mein", "meine", "meinem", "mon", "ma", "mio", "mia"})
# … and in Chinese, read a character at a time: "我的", "我手里的", "我手上的".
_MINE_CJK = (("我", "的"), ("我", "手", "里", "的"), ("我", "手", "上", "的"), ("我", "手", "裡", "的"))


def _said_mine(toks: list[Token], i: int) -> bool:
    """Whether the words before position `i` call the phone named there the asker's."""
    before = [t.norm for t in toks[max(0, i - 4) : i]]
    return bool(before) and (before[-1] in _MINE or any(tuple(before[-len(c) :]) == c for c in _MINE_CJK))


def _unknown_phone_first(
    lexicon: Lexicon,
    toks: list[Token],
    kept: list[Match],
    sentence_of: list[int],
    asking: set[int],
    others_named: set[int],
    old: list[Match],
) -> bool:
    """Whether a phone we do not know is named before the one we know, and no question asks about ours
    (a network's name misspelt, "vodaphone", is none: `others_named` are the words read as other names)."""
    if not kept:
        return False
    first = min(m.start for m in kept)
    if any(sentence_of[m.start] in asking for m in kept):
        return False
    return any(
        _PHONE_NAME.match(t.raw)
        and t.norm not in lexicon.device_tokens
        and t.norm not in _ANY_PHONE
        and not any(frequencies(t.norm))
        and i not in others_named
        and not lexicon.corrections(t.norm)  # "vodaphone": a name we know, misspelt
        for i, t in enumerate(toks[:first])
    )


def _other_series(lexicon: Lexicon, word: str, device_id: str) -> bool:
    if word not in lexicon.series_words:
        return False
    device = lexicon.knowledge.device(device_id)
    own = text.tokens(device.name) + text.tokens(lexicon.knowledge.vendor(device.vendor).name)
    return word not in own  # "sony ericsson xperia pro": "ericsson" is the maker's own name


# Rarer than once in a million words: "itel", "umidigi" (0); "unlocked" 3.8, "refurbished" 3.4.
_RARE_ZIPF = 3.0


def _other_lines_short_form(k: Knowledge, kept: Match, untagged: Match) -> bool:
    line = k.device(kept.payload.id).name.split()[0].casefold()
    return (
        (kept.start, kept.end) == (untagged.start, untagged.end)
        and kept.payload.derived
        and k.device(untagged.payload.id).name.split()[0].casefold() != line
    )


# One-letter words that are words of the language, not a line's letter ("a fold 5", "y", "e", "o").
_LETTER_WORDS = frozenset("aeiouy")


def _line_letter_before(toks: list[Token], start: int) -> bool:
    """ "vivo x fold 5": a short form ("fold 5" of the Galaxy Z Fold5) right after a line's letter that
    is not its own ("x" where the Galaxy has "z") is the rest of a phone we do not know."""
    if start == 0 or toks[start].brk or toks[start].glued:
        return False
    letter = toks[start - 1].norm
    return len(letter) == 1 and letter.isascii() and letter.isalpha() and letter not in _LETTER_WORDS


def _other_maker_one_word_before(k: Knowledge, toks: list[Token], m: Match, vendor_ends: dict[int, set[str]]) -> bool:
    """ "micromax in note 2", "htc one m8": a short form of another maker's phone ("note 2", "m8"), one
    word after a maker's name, is the rest of that maker's model's name."""
    before = m.start - 1
    return (
        before > 0
        and before in vendor_ends
        and k.device(m.payload.id).vendor not in vendor_ends[before]
        and toks[before].norm not in LIST_WORDS
        and not toks[before].brk
        and not toks[m.start].brk
    )


def _other_makers_word_before(lexicon: Lexicon, toks: list[Token], m: Match) -> bool:
    """ "mate x5": a short name ("x5") right after a rare word of other makers' phones' names only
    ("Mate" is HUAWEI's) is the rest of such a phone's name, not this maker's phone."""
    before = m.start - 1
    if before < 0 or toks[m.start].brk:
        return False
    word = toks[before].norm
    if not word.isalpha() or len(word) < 3 or word in MODIFIERS or commonness(word) >= 4.0:
        return False
    phones = lexicon.device_tokens.get(word)
    if not phones:
        return False
    return phones.isdisjoint(lexicon.devices_of([lexicon.knowledge.device(m.payload.id).vendor]))


def _misspelt_maker(k: Knowledge, word: str) -> bool:
    """Whether a word is a maker's or a phone line's name with letters left out or swapped ("glxy",
    "samsng", "iphnoe"). The lines are the makers' other names ("galaxy", "iphone", "redmi"): the
    phones themselves are not walked, which at 100,000 phones (unpacked one by one from a snapshot)
    would cost a question seconds."""
    from rapidfuzz.distance import OSA

    names = {t for v in k.vendors for name in (v.name, *v.aliases) if not shorthand(name) for t in text.tokens(name)}
    return any(
        OSA.distance(word, name) <= 1 or (len(word) >= len(name) - 3 and _letters_in_order(word, name))
        for name in names
    )


def _letters_in_order(word: str, name: str) -> bool:
    """ "glxy" in "galaxy": the name with letters left out."""
    rest = iter(name)
    return all(ch in rest for ch in word)


def _one_model_word(toks: list[Token], m: Match) -> bool:
    """Whether a name was typed as one word with a number in it ("s25", "a54")."""
    words = toks[m.start : m.end]
    return all(t.glued for t in words[1:]) and any(ch.isdigit() for t in words for ch in t.norm)


def _after_unknown_brand(lexicon: Lexicon, toks: list[Token], start: int, strict: bool = False) -> bool:
    """A short name right after a maker we do not know ("Blackview A80" is no Galaxy A80; "ALLDOCUBE
    Power M3" no POCO M3, across a capitalised word of its name): a word no name uses and no language
    uses often. `strict`, for a phone's own short alias ("itel s25" is no Galaxy S25): a word rarer
    still ("unlocked s24" is one) and not a maker's or a line's name misspelt ("glxy s23", "samsng")."""

    def unknown(i: int) -> bool:
        # (Makers write their names in Latin letters: "يعمل ايفون 15" is "does the iPhone 15 work".)
        word = toks[i].norm
        if not (
            word.isascii() and word.isalpha() and len(word) >= 4 and word not in lexicon.vocab and not is_everyday(word)
        ):
            return False
        if word in LIST_WORDS:
            return False  # Indonesian "atau" (or): "galaxy a15 atau a25"
        return not strict or (commonness(word) < _RARE_ZIPF and not _misspelt_maker(lexicon.knowledge, word))

    i = start - 1
    if i < 0 or toks[start].brk:
        return False
    if unknown(i):
        return True
    return i > 0 and not toks[i].brk and toks[i].raw[:1].isupper() and unknown(i - 1)


def _one_span(named: list[Match]) -> tuple[int, int] | None:
    """Where the phones offered back were named, when one name says them all ("redmi note 11 pro":
    the 4G and the 5G phone): the words after it are read as after a phone's name ("… china on
    tmobile": the model's market, then the network)."""
    if not named:
        return None
    start, end = min(m.start for m in named), max(m.end for m in named)
    # (one name read in several forms, "redmi note 11 pro" and its "note 11 pro", overlap; two names
    # apart, "pixel 9 or xiaomi 14", do not)
    return (start, end) if all(m.start < min(o.end for o in named) for m in named) else None


def _model_refines(k: Knowledge, ids: set[str], model_device: str) -> set[str]:
    """ "iphone 15 pro maxx A3108": the name read ("iPhone 15 Pro") begins the name of the phone the
    model number belongs to ("iPhone 15 Pro Max"): the model number says which one was meant."""
    full = text.tokens(k.device(model_device).name)
    for other in ids - {model_device}:
        short = text.tokens(k.device(other).name)
        if not (len(short) < len(full) and full[: len(short)] == short):
            return ids
    return {model_device}


_FAMILY_WORDS = frozenset({"series", "lineup", "family", "serie", "serisi", "seri", "reihe", "série", "सीरीज", "سلسلة"})


_LIST_MARKS = frozenset({"/", ",", "&", "|"})


def _with_modifier_before(lexicon: Lexicon, m: Match, toks: list[Token]) -> Match:
    """ "galaxy ultra s24" is the S24 Ultra: a model word written before the name it ends."""
    if m.start == 0 or toks[m.start].brk or toks[m.start - 1].norm not in MODIFIERS:
        return m
    if toks[m.start].norm in lexicon.series_words and not (
        m.start > 1 and toks[m.start - 2].norm in lexicon.series_words
    ):
        # a whole name after it ("chip da vivo pro iphone 15": Portuguese "pro", for the iPhone 15)
        return m
    named = lexicon.devices_named([t.norm for t in toks[m.start : m.end]] + [toks[m.start - 1].norm])
    if len(named) != 1 or m.payload.id in named:
        return m
    return Match(Payload("device", next(iter(named))), m.start - 1, m.end, m.score)


# Words between "or" and a sibling's number: "or maybe the 15", "o mejor el 15", "ou melhor o 15"
_BETTER_OR_THE = frozenset({"the", "el", "la", "o", "le", "il", "das", "der", "die"}) | frozenset(
    {"better", "maybe", "rather", "mejor", "melhor", "meglio", "mieux", "besser", "quizas", "talvez"}
)


def _listed_siblings(lexicon: Lexicon, m: Match, toks: list[Token], question: str) -> list[Match]:
    """The numbers listed after a name with one ("Pixel 6/7/8/9", "iphone 14 or 15", "iphone 13 mini
    or 13 pro") are its siblings: each is named as the phone of that name with its number."""
    numbers = [i for i in range(m.start, m.end) if toks[i].norm.isdigit()]
    if not numbers:
        return []
    head = [t.norm for t in toks[m.start : numbers[-1]]]  # "iphone 13 mini or 13 pro": "iphone"
    found: list[Match] = []
    j = m.end
    while j < len(toks):
        if toks[j].norm in LIST_WORDS and not toks[j].glued and not toks[j].brk:
            j += 1
            # ("le quiero regalar el iphone 16e, merece la pena o mejor el 15?": or better the 15)
            for _ in range(2):
                if j + 1 < len(toks) and toks[j].norm in _BETTER_OR_THE and not toks[j].brk:
                    j += 1
            listed = j < len(toks)
        else:
            listed = question[toks[j - 1].end : toks[j].start].strip() in _LIST_MARKS
        if not listed or toks[j].brk or toks[j].glued:
            break
        if not toks[j].norm.isdigit() and toks[j].norm not in MODIFIERS:
            break
        # "galaxy s24 plus or ultra": model words alone keep the name's number
        stem = head if toks[j].norm.isdigit() else [*head, toks[numbers[-1]].norm]
        end = j + 1
        while (
            end < len(toks)
            and not toks[end].brk
            and ((toks[end].glued and toks[end].norm.isalpha()) or toks[end].norm in MODIFIERS)
        ):
            end += 1  # "pixel 7/7a", "13 pro max"
        named = lexicon.devices_named(stem + [t.norm for t in toks[j:end]])
        if len(named) != 1:
            break
        found.append(Match(Payload("device", next(iter(named))), j, end, 1.0))
        j = end
    return found


def _family_of(lexicon: Lexicon, m: Match, toks: list[Token]) -> list[str]:
    """The phones a name followed by "series" stands for ("the Pixel 9 series", "la serie vivo X200"):
    its maker's phones whose names begin with it."""
    after = m.end < len(toks) and not toks[m.end].brk and toks[m.end].norm in _FAMILY_WORDS
    before = m.start > 0 and not toks[m.start].brk and toks[m.start - 1].norm in _FAMILY_WORDS
    if not (after or before):
        return []
    k = lexicon.knowledge
    device = k.device(m.payload.id)
    head = text.tokens(device.name)
    names = lexicon.labels["device"]  # not k.device(d).name: that unpacks every phone of the maker
    return sorted(d for d in lexicon.vendor_devices[device.vendor] if text.tokens(names[d])[: len(head)] == head)


def _the_one_asked_about(
    kept: list[Match], ids: set[str], by_model: set[str], toks: list[Token], sentence_of: list[int], asking: set[int]
) -> set[str]:
    """Two phones named in different sentences ("I have a Pixel 7. Will the Pixel 8 work on Jio?"):
    the one in the only sentence that asks wins; otherwise they stay a question back."""
    if by_model:
        return ids
    if not asking or len(asking) == len(set(sentence_of)):
        return ids
    in_question = {m.payload.id for m in kept if sentence_of[m.start] in asking}
    if len(in_question) != 1:
        return ids
    # "will mir ein edge 60 holen... oder doch das edge 60 pro? laufen beide bei der telekom?", "… o
    # mejor el 15r? cual de los dos jala bien?": a question that opens with "or", or that asks of
    # both, asks of every phone told of
    names = {m.start for m in kept}
    if _of_several_after(toks, sentence_of, min(asking), names):
        return ids
    # "my oneplus 12 is stuck in a bootloop 😭 should i wait for a fix or trade it in for the oneplus
    # 13?": the phone weighed as the next one is no answer for the one in hand; a question back
    norms = [t.norm for t in toks]
    weighed = any(_said_before(norms, m.start, _WEIGHED_NEXT, _THE) for m in kept if m.payload.id in in_question)
    return ids if weighed else in_question


# Words before a phone weighed as the next one: "upgrade to (the)", "trade it in for", "or just get".
_WEIGHED_NEXT = (("upgrade", "to"), ("in", "for"), ("just", "get"), ("or", "get"), ("switch", "to"))
_THE = frozenset({"the"})


def _said_before(norms: list[str], start: int, cues: tuple[tuple[str, ...], ...], between: AbstractSet[str]) -> bool:
    """Whether one of the cues ends right before token `start`, words of `between` allowed after it
    ("went with the pixel 9", "trade it in for the oneplus 13")."""
    before = norms[max(0, start - 4) : start]
    while before and before[-1] in between:
        before.pop()
    return any(tuple(before[-len(cue) :]) == cue for cue in cues)


def _of_several_after(toks: list[Token], sentence_of: list[int], since: int, names: set[int]) -> bool:
    """Whether a sentence from `since` on opens with "or" and names a phone (at a position of
    `names`), or asks of both ("… or maybe the a36... honestly whichever works on tim", "laufen beide
    …?"; not "or do i have to get someone to bring it from dubai"). Portuguese "o" is "the" ("o g54
    funciona com a vodacom?"): "or" only before "better", "maybe" ("o mejor el 15r")."""
    opened: dict[int, int] = {}
    for i, t in enumerate(toks):
        s = sentence_of[i]
        if s < since:
            continue
        opened.setdefault(s, i)
        if t.norm in _ALL_OF_THEM or t.norm in _EACH_OF_TWO:
            return True
    for s, first in opened.items():
        word = toks[first].norm
        after = toks[first + 1].norm if first + 1 < len(toks) else ""
        # (Polish "czy" opens any yes-no question: "Czy A34 w ogóle obsługuje 5G w sieci Play?")
        if word not in _COMPARING or (word in ("o", "czy") and after not in _RATHER):
            continue
        if any(sentence_of[i] == s for i in names):
            return True
    return False


_RATHER = frozenset({"mejor", "quizas", "quiza", "talvez", "tal", "maybe", "better", "rather", "meglio", "melhor"})


# Words that compare phones in one sentence: "s24 fe or a55?", "x vs y", "between …", "o", "ou", "oder".
_COMPARING = frozenset({"or", "vs", "versus", "between", "o", "ou", "oder", "atau", "hay", "ya", "veya", "czy"})
_UNKNOWN = ""  # (no phone's id)


def _typed_words(toks: list[Token], lo: int, hi: int) -> list[tuple[int, str]]:
    """The words as typed between tokens `lo` and `hi`, each with its first token: the tokens glued to
    one another joined ("s21", "8a", "v29e")."""
    out: list[tuple[int, str]] = []
    for i in range(lo, hi):
        if toks[i].glued and out:
            out[-1] = (out[-1][0], out[-1][1] + toks[i].norm)
        else:
            out.append((i, toks[i].norm))
    return out


def _typed_model(lexicon: Lexicon, toks: list[Token], i: int, word: str) -> bool:
    """Whether a word typed at token `i` is a model's: letters and digits ("k40", "v29e"), or a number
    (or a band-like code) right after a word of phones' names ("mate 40", "nord n40"; not "band 40")."""
    if not any(c.isdigit() for c in word):
        return False
    if not _NOT_A_MODEL.match(word):
        return True
    before = toks[i - 1].norm if i > 0 and not toks[i].brk else ""
    return before in lexicon.device_tokens and before not in _GENERATIONS and before not in _BAND_WORDS


_BAND_WORDS = frozenset({"band", "bands", "banda", "bandas", "bande", "lte", "nr", "b", "n"})


# Words that point at one phone before a word of its name ("the 6", "my xl", "su moto", "la max").
_POINTING = frozenset(
    {"the", "my", "his", "her", "their", "our", "your", "that", "this", "el", "la", "le", "il", "lo", "o", "su"}
    | {"sua", "seu", "mi", "mio", "mia", "meu", "minha", "tu", "der", "die", "das", "mein", "meine", "sein"}
)
_NAME_WORD = re.compile(r"[a-z0-9]+")
_BAND_SHAPE = re.compile(r"^[bn]\d{1,3}$|^\dg$")  # "does the 3 have n77?", "b20", "5g": no model
_LATIN_HEAD = re.compile(r"[a-z0-9+]+")


# Words before a maker's name that ask of any of its phones ("a samsung", "any motorola", "which
# nokia", "cualquier xiaomi", "les oppo"), and after it ("xiaomi phones", "samsung handys", "vivo semua").
_ANY_OF = frozenset({"any", "which", "another", "other", "cualquier", "qualquer", "les", "des", "hp", "semua"})
_PHONES_OF = frozenset({"phones", "handys", "handies", "celulares", "telefones", "smartphones", "semua", "generell"})


def _makers_phones_in_general(lexicon: Lexicon, typed: list[tuple[int, str]], mine: bool) -> bool:
    """Whether a maker's name is said of any of its phones ("which smaller samsung", "xiaomi phones"),
    or with "a" beside the asker's own phone of that maker (`mine`: "my s23 … a samsung from the us")."""
    for n, (_i, w) in enumerate(typed):
        if not lexicon.makers_named_by(w):
            continue
        before = {x for _j, x in typed[max(0, n - 2) : n]}
        after = {x for _j, x in typed[n + 1 : n + 3]}
        if before & _ANY_OF or after & _PHONES_OF or (mine and before & _A):
            return True
    return False


_A = frozenset({"a", "an", "un", "una", "um", "uma", "ein", "eine", "einen"})


def _latin_head(word: str) -> str:
    head = _LATIN_HEAD.match(word)
    return head.group(0) if head else word


# Words that open a question, when the asker leaves out the question mark ("will his xiaomi 15 work on
# tmo or is it a paperweight here").
_QUESTION_OPENERS = frozenset(
    {"will", "would", "does", "do", "did", "can", "could", "is", "are", "should", "how", "what", "which", "any"}
)


# Words that ask wherever they stand ("6a ka display replacement kitne ka", "how much is a 12 mini").
_QUESTION_WORDS = frozenset(
    {"how", "kitne", "kitna", "kya", "cuanto", "quanto", "combien", "berapa", "wieviel"}
    | {"吗", "嗎", "哪", "呢"}  # Chinese: "pro的频段有哪些" (which are the Pro's bands)
)


def _asked_unmarked(toks: list[Token], sentence_of: list[int]) -> set[int]:
    """The last sentence, when it asks without a question mark: it opens with a word that asks, or
    holds one that asks wherever it stands."""
    if not toks:
        return set()
    last = sentence_of[-1]
    words = [t.norm for t, s in zip(toks, sentence_of, strict=True) if s == last]
    asks = words[0] in _QUESTION_OPENERS or any(w in _QUESTION_WORDS for w in words)
    return {last} if asks else set()


# Words after which a phone is the one taken ("went with the pixel 9", "decided on the ultra", "me
# quedé con el", "fiquei com o", "entschieden für das").
_TAKING = (
    *(("went", "with"), ("going", "with"), ("decided", "on"), ("settled", "on"), ("ended", "up", "with")),
    *(("picked",), ("chose",), ("me", "quede", "con"), ("me", "decidi", "por"), ("fiquei", "com")),
    *(("escolhi",), ("entschieden", "fur"), ("ho", "preso"), ("j", "ai", "pris"), ("akhirnya", "beli")),
    *(("akhirnya", "ambil"), ("اخذ",), ("اخذت",), ("взял",), ("взяла",), ("aldım",)),
    ("→",),  # "poco f7 vs iqoo 13 → iqoo 13 ✅": an arrow to the one chosen
)


# Hindi says it after the name: "redmi note 14 pro+ lene ka plan hai" (plan to take), "… lunga".
_TAKING_AFTER = frozenset({"lene", "lena", "lunga", "lungi", "kharidna", "kharidunga", "lelunga"})
_TAKING_AFTER |= frozenset({"liya", "kharida", "kharidi", "khareeda"})  # took, bought: "galaxy s24 liya"


def _the_one_taken(named: list[Match], toks: list[Token]) -> str | None:
    """Of several phones named, the one named right after words of taking it, when only one is."""
    if len({m.payload.id for m in named}) < 2:
        return None
    norms = [t.norm for t in toks]
    taken: set[str] = set()
    for m in named:
        after = norms[m.end : m.end + 1]
        if _said_before(norms, m.start, _TAKING, _BETTER_OR_THE) or (after and after[0] in _TAKING_AFTER):
            taken.add(m.payload.id)
    return next(iter(taken)) if len(taken) == 1 else None


def _word_at(toks: list[Token], m: Match) -> str:
    """A name typed as one word, as typed ("x2", "s24")."""
    return "".join(t.norm for t in toks[m.start : m.end])


def _after_or(toks: list[Token], at: int) -> bool:
    """Whether "or" (in the languages read) comes right before token `at`, "better", "maybe" or an
    article allowed between ("o mejor el 15r", "or maybe the 15 pro", "oder doch das 60 pro")."""
    j = at - 1
    while j >= 0 and not toks[j + 1].brk:
        if toks[j].norm in _COMPARING:
            return True
        if toks[j].norm not in _BETTER_OR_THE and toks[j].norm != "doch":
            return False
        j -= 1
    return False


def _heads(named: list[Match], toks: list[Token]) -> list[list[str]]:
    """The words before the number of each phone named ("oneplus" of "oneplus 15", "galaxy a" of
    "galaxy a26"): what the names of its siblings begin with."""
    heads = []
    for m in named:
        numbers = [i for i in range(m.start, m.end) if toks[i].norm.isdigit()]
        if numbers:
            heads.append([t.norm for t in toks[m.start : numbers[0]]])
    return heads


def _siblings_apart(lexicon: Lexicon, named: list[Match], toks: list[Token]) -> list[Match]:
    """A phone's number and model words typed alone elsewhere in the post, as the sibling of a phone
    named with its line ("my iphone 16 pro and my wife's 16 pro max", "the pixel 10 for me and the 10
    pro xl for my mom"): the sibling of that name, when the words name exactly one phone."""
    inside = {i for m in named for i in range(m.start, m.end)}
    heads = _heads(named, toks)
    found: list[Match] = []
    for j, t in enumerate(toks):
        if j in inside or j == 0 or (t.glued and toks[j - 1].norm.isascii()):
            continue  # (glued to a CJK character it is a word of its own: "红米k80和k80 pro")
        # "or maybe the a36": a line's letter glued to the number begins the sibling's name too
        lettered = len(t.norm) == 1 and t.norm.isalpha() and j + 1 < len(toks) and toks[j + 1].glued
        if not (t.norm.isdigit() or (lettered and toks[j + 1].norm.isdigit())):
            continue
        before = toks[j - 1]
        if not t.brk:  # (a sentence may begin with it: "… replace karu? 6a ka display replacement kitne ka")
            glued_on = before.end == t.start and before.norm.isascii()  # ("和k80 pro": CJK needs no space)
            if not before.norm.isalpha() or glued_on or before.norm in _BAND_WORDS:
                continue  # ("module 0.3A", "band 20 pro"): a version or a band, not a name's number
            if lexicon.makers_named_by(before.norm):
                continue  # "blu g53 vs moto g 2025": another maker's model, no Moto G53
        end = j + 2 if lettered else j + 1
        while end < len(toks) and not toks[end].brk and end not in inside:
            word = toks[end].norm
            glued_letters = toks[end].glued and word.isalpha() and word.isascii()
            # "10 VII": a generation in Roman numerals ends the name too
            if not (glued_letters or word in MODIFIERS or (len(word) <= 4 and ROMAN.fullmatch(word))):
                break
            if word == toks[end - 1].norm:
                break  # ("k80 pro，pro的频段": the next clause's word, no "Pro Pro")
            end += 1
        if end == j + 1:
            continue  # a number alone ("2 phones", "for 10 days") is no phone's name
        words = [x.norm for x in toks[j:end]]
        for head in heads:
            if lettered:
                if not head or len(head[-1]) != 1:
                    continue
                head = head[:-1]  # "galaxy a26" -> "galaxy" + "a 36"
            ids = lexicon.devices_named(head + words)
            if len(ids) == 1:  # (its own short form too: "Xperia 10 VII … 10 VIIってpovoで使えますか？")
                found.append(Match(Payload("device", next(iter(ids))), j, end, 1.0))
                break
    return found


def _referred_to(
    lexicon: Lexicon,
    named: list[Match],
    toks: list[Token],
    sentence_of: list[int],
    asking: set[int],
    placed: AbstractSet[int] = frozenset(),
) -> str | None:
    """Of several phones named, the one the last sentence that asks about any of them points at: by a
    pointing word before a word that only its name has ("the 6", "the max", "su moto"), else by its
    name; None when that sentence points at none or at more than one."""
    # (a shorter name inside a longer one is no phone of its own: "g stylus 2023" of "moto g stylus 2023")
    named = [
        m
        for m in named
        if not any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in named)
    ]
    k = lexicon.knowledge
    ids = {m.payload.id for m in named}
    if not ids or not asking:
        return None
    # (a network's generation in a name points at no phone: "o 5G da Claro" is no "Galaxy A35 5G")
    words = {d: set(_NAME_WORD.findall(text.fold(k.device(d).name))) - _GENERATIONS for d in ids}
    only = {d: words[d] - set().union(*(words[o] for o in ids if o != d)) for d in ids}
    spans = [(m.start, m.end, m.payload.id) for m in named]
    spans_at = [(a, b) for a, b, _d in spans]
    last = max(asking)
    where = [i for i, s in enumerate(sentence_of) if s == last]
    if not where:
        return None
    lo, hi = where[0], where[-1] + 1
    # (a word glued to CJK characters is the Latin letters of it: "pro的频段有哪些" is "pro")
    typed = [(i, _latin_head(w)) for i, w in _typed_words(toks, lo, hi)]
    for n, (i, w) in enumerate(typed):
        # "kalo hp vivo semua bisa 5g telkomsel?" (do all vivo phones get 5G?): a maker's phones in
        # general, whatever else is asked of all
        if (
            _outside(i, spans_at)
            and lexicon.makers_named_by(w)
            and _makers_phones_in_general(lexicon, typed[max(0, n - 2) : n + 3], False)
        ):
            return _UNKNOWN
    if not _of_several_after(toks, sentence_of, last, {a for a, _b, _d in spans}):
        # (not "cual de los dos jala bien con visible?", "laufen beide …?", "or maybe the 15r?": a
        # question of both)
        by_name = {d for a, b, d in spans if lo <= a < hi}
        pointed: set[str] = set()
        for n, (_i, w) in enumerate(typed):
            if w not in _POINTING:
                continue
            for k_, (j, after) in enumerate(typed[n + 1 : n + 3], n + 1):
                if any(a <= j < b for a, b, _d in spans):
                    break  # a name typed whole ("the pixel 6") is read as a name
                owners = {d for d in ids if after in only[d]}
                # "o galaxy s9 ainda funciona?" after a Galaxy S24, "le honor magic v5" after a Magic V3:
                # another model, not the one told of
                following = [x for _j, x in typed[k_ + 1 : k_ + 3]]
                if owners and any(
                    any(c.isdigit() for c in x) and x not in words[next(iter(owners))] and not _BAND_SHAPE.match(x)
                    for x in following
                ):
                    break
                if len(owners) == 1:
                    pointed |= owners
                    break
        if not pointed:
            # a model word alone that only one phone's name has: "对比了一下红米k80和k80 pro，pro的频段有哪些？"
            bare = {d for i, w in typed if w in MODIFIERS for d in ids if w in only[d] and _outside(i, spans_at)}
            pointed = bare if len(bare) == 1 else set()
        if not pointed:
            # a maker's word alone, of one phone named: "هل الهونر يدعم 5G؟" (does the Honor support 5G?)
            # (not before a model's number: "o galaxy s9 ainda funciona?" is an S9, not a Galaxy told of)
            # (not a network's or a place's word, "funciona na vivo?", nor one beside a name, "s6 edge+",
            # nor an everyday word, "el iphone 7 de mi jefa": Spanish "my", no Xiaomi; a maker's phones
            # in general, "kalo hp vivo semua", were answered above)
            near = {i for a, b in spans_at for i in (a - 1, b)}
            alone = [
                w
                for n, (i, w) in enumerate(typed)
                if _outside(i, spans_at)
                and i not in near
                and i not in placed
                and not is_everyday(w)
                and not (n + 1 < len(typed) and any(c.isdigit() for c in typed[n + 1][1]))
            ]
            makers = {maker for w in alone for maker in lexicon.makers_named_by(w)}
            of_maker = {d for d in ids if k.device(d).vendor in makers}
            # ("my s23 gets volte on jio. would a samsung from the us work on jio too?": another one)
            mine = any(_said_mine(toks, m.start) for m in named if k.device(m.payload.id).vendor in makers)
            if makers and (not of_maker or _makers_phones_in_general(lexicon, typed, mine)):
                # "my s23 gets volte on jio. would a samsung from the us work on jio too?", "do xiaomi
                # phones even work on vzw??", "motorola pega 5g da claro?": a maker's phones asked of,
                # none of those named
                return _UNKNOWN
            pointed = of_maker if len(of_maker) == 1 else set()
        if len(by_name) > 1:
            # "is the x6 pro missing yota bands?" after "my poco x6 pro …": of the phones a short name
            # fits, the one named elsewhere in the post
            elsewhere = {d for a, b, d in spans if not lo <= a < hi}
            by_name = by_name & elsewhere or by_name
        found = pointed or by_name
        if len(found) == 1 and len(ids) > 1:
            return next(iter(found))
        if not found and _unknown_maker_pointed(set().union(*words.values()), toks, lo, hi):
            return _UNKNOWN
    return None


def _unknown_maker_pointed(known: set[str], toks: list[Token], lo: int, hi: int) -> bool:
    """Whether the sentence from `lo` to `hi` names again a word that, earlier in the post, opened a
    model's name we do not know ("casper via x40 mı alsam galaxy a26 mı? casper türk telekom'da 5g
    destekliyor mu?", "cherry mobile aqua s10 pro ba o poco c75? yung cherry mobile ba may 4g?")."""
    for i in range(lo, hi):
        word = toks[i].norm
        if len(word) < 4 or not word.isalpha() or word in known or word in _NOT_A_MAKER or is_everyday(word):
            continue
        for j in range(lo):
            if toks[j].norm != word:
                continue
            # a model's shape after it: a letter and a number ("x40", "g max 2"), not a count ("mbit 10")
            after = toks[j + 1 : j + 4]
            lettered = any(len(t.norm) == 1 and t.norm.isalpha() for t in after)
            if lettered and any(t.norm.isdigit() for t in after):
                return True
    return False


# Words that may stand before a model's number without being a maker's ("version 2", "model 3").
_NOT_A_MAKER = frozenset({"version", "model", "versao", "modelo", "modell", "phone", "android", "sim"})


def _the_one_chosen(
    lexicon: Lexicon,
    matches: list[Match],
    kept: list[Match],
    untagged: list[Match],
    toks: list[Token],
    sentence_of: list[int],
) -> str | None:
    """After a sentence that compares phones ("x or y?", "x vs y"), the one that later sentences name
    again, by its name, its maker's word or a word of it with a number ("the 8a", "the 16 pro"):
    that phone's id; `_UNKNOWN` when what they name again is a phone of the comparison we do
    not know ("getting the k40 gaming"); None when they choose none or more than one."""
    if not kept:
        return None
    # (a name that may be a 4G or a 5G phone is a phone we know: "keep my galaxy s20 fe or get a pixel 9?")
    by_sentence: dict[int, set[str]] = defaultdict(set)
    for m in kept + untagged:
        by_sentence[sentence_of[m.start]].add(m.payload.id)
    others = {i for m in matches if m.payload.kind not in ("device", "vendor") for i in range(m.start, m.end)}
    spans = [(m.start, m.end, m.payload.id) for m in kept + untagged]
    for first in sorted(by_sentence):
        where = [i for i, s in enumerate(sentence_of) if s == first]
        lo, hi = where[0], where[-1] + 1
        if not any(toks[i].norm in _COMPARING for i in where):
            continue
        words = _typed_words(toks, lo, hi)
        outside = [
            (i, w)
            for i, w in words
            if i not in others and _typed_model(lexicon, toks, i, w) and all(not (a <= i < b) for a, b, _d in spans)
        ]
        if len(by_sentence[first]) < 2 and not outside:
            continue  # one phone only: nothing compared
        break
    else:
        return None

    def compared_at(i: int) -> bool:
        """Whether a word at token `i` is among the phones compared: within three words of "or",
        "vs", "between" ("oneplus 8 or oneplus 9", "vivo x300 vs x300 pro"), not a word that refers
        back to one after them ("between the oneplus 8t and pixel 8, i'll get the 8t")."""
        near = toks[max(lo, i - 3) : min(hi, i + 4)]
        return any(t.norm in _COMPARING or t.norm == "and" for t in near)

    def owners(word: str) -> set[str | None]:
        """Which phones of the comparison a word with a number is part of (None: one we do not know)."""
        found: set[str | None] = set()
        for i, w in words:
            if w == word and i not in others:
                inside = {d for a, b, d in spans if a <= i < b}
                found |= inside or ({None} if compared_at(i) else set())
        return found

    k = lexicon.knowledge
    compared = by_sentence[first]
    unknown_words = {w for _i, w in outside}  # ("nord n30 or nord n40? n40 is newer")
    refs: set[str | None] = set()
    unsure = False
    for i in range(hi, len(toks)):
        if i in others or toks[i].glued:
            continue
        named = {d for a, b, d in spans if a <= i < b}
        if named:
            refs |= named  # (a phone not compared, named after, chooses none of them)
            continue
        word = _typed_words(toks, i, min(len(toks), i + 4))[0][1]
        maker = next((m.payload.id for m in matches if m.start == i and m.payload.kind == "vendor"), None)
        if maker is not None or word in lexicon.series_words:
            # "nothing looks sick", "prob the redmi": the maker's or the line's word
            makers = {d for d in compared if k.device(d).vendor == maker or word in _name_words(k, d)}
            # (beside a phone of the comparison we do not know, a maker's word may be that one's: "mate
            # 70 pro or pura 70? taking the mate")
            if len(makers) == 1 and not unknown_words:
                refs |= makers
            continue
        if _typed_model(lexicon, toks, i, word) or word in unknown_words:
            found = owners(word)
            known = {d for d in found if d is not None}
            if len(known) == 1 and None not in found:
                refs |= known  # (also typed apart from it: "… i'll get the 8a since it's on sale")
            elif found == {None}:
                refs.add(None)
            elif None in found:
                # "vivo x300 vs x300 pro, prob the regular x300": the word is the one we do not know's
                # as much as the other's; no phone of ours is safe to answer
                unsure = True
    if not refs and unsure:
        return _UNKNOWN
    if len(refs) != 1:
        return None
    (ref,) = refs
    if ref is None:
        return _UNKNOWN
    return ref if ref in compared else None


# Words that say a phone works ("VoLTE works on my Pixel 7", "Pixel 7a works", "a na starom … было")
_FINE = frozenset({"works", "work", "worked", "working", "fine", "ok", "okay", "funciona", "funziona", "bisa", "было"})
_FINE_CJK = ("有", "可以", "正常", "使えて", "問題な")  # (Japanese "普通に使えてます", "問題ない")
_NOT_FINE_CJK = ("没有", "沒有", "不能", "无法", "無法", "没", "沒", "圏外")  # ("圏外": out of service)
_TROUBLE_LATIN = _TROUBLE | {"без", "нет", "не"}
_NO_TROUBLE = frozenset(
    {("no", "issues"), ("no", "issue"), ("no", "problems"), ("no", "problem"), ("sin", "problemas")}
    | {("sem", "problemas"), ("ohne", "probleme"), ("sans", "probleme"), ("senza", "problemi")}
)


def _the_one_in_trouble(
    kept: list[Match], ids: set[str], toks: list[Token], sentence_of: list[int], question: str
) -> set[str]:
    """Two phones, one told of in words of trouble and the other in words of working, in clauses apart
    ("VoLTE works on my Pixel 7 but not on my Pixel 8 Pro", "iPhone 12 on docomo no 5G, Pixel 7a
    works", "我的 Pixel 8 有 5G，iPhone 15 Pro 沒有"): the one in trouble is asked about; else both stay."""
    spans = sorted({(m.start, m.end, m.payload.id) for m in kept if m.payload.id in ids})
    if len(spans) != 2 or spans[0][2] == spans[1][2] or spans[0][1] > spans[1][0]:
        return ids
    (a1, b1, d1), (a2, _b2, d2) = spans
    first, second = _sentence_span(sentence_of, sentence_of[a1]), _sentence_span(sentence_of, sentence_of[a2])
    if first != second:
        # each in a sentence of its own: "his galaxy s21 on vodafone, no volte. (i have a pixel 8, no issues)"
        clauses = {d1: first, d2: second}
    else:
        # the clause boundary between them: a comma or a word of contrast ("but", "а", "但", "padahal")
        cut = next(
            (
                i
                for i in range(b1, a2 + 1)
                if toks[i].norm in _CONTRAST or any(ch in question[toks[i - 1].end : toks[i].start] for ch in ",;，、")
            ),
            None,
        )
        if cut is None:
            return ids
        clauses = {d1: (first[0], cut), d2: (cut, second[1])}
    in_trouble, working = set(), set()
    for d, (x, y) in clauses.items():
        trouble, fine = _told_of(toks, x, y, question)
        if trouble:
            in_trouble.add(d)
        elif fine:
            working.add(d)
    return in_trouble if len(in_trouble) == 1 and len(working) == 1 else ids


def _sentence_span(sentence_of: list[int], sentence: int) -> tuple[int, int]:
    """The tokens of one sentence, as a range (`sentence_of` never decreases)."""
    return bisect_left(sentence_of, sentence), bisect_right(sentence_of, sentence)


def _told_of(toks: list[Token], x: int, y: int, question: str) -> tuple[bool, bool]:
    """Whether tokens `x` to `y` tell of trouble, and whether they say it works."""
    words = [toks[i].norm for i in range(x, y)]
    text_of = question[toks[x].start : toks[y - 1].end] if y > x else ""
    # ("no issues", "sin problemas": words of trouble that say it works)
    no_trouble = any(pair in _NO_TROUBLE for pair in pairwise(words))
    trouble = not no_trouble and (any(w in _TROUBLE_LATIN for w in words) or any(w in text_of for w in _NOT_FINE_CJK))
    return trouble, no_trouble or any(w in _FINE for w in words) or any(w in text_of for w in _FINE_CJK)


def _unknown_in_trouble_beside_ours(
    lexicon: Lexicon,
    toks: list[Token],
    kept: list[Match],
    sentence_of: list[int],
    after_vendor: set[int],
    question: str,
) -> bool:
    """A phone we do not know told of in trouble in one sentence, ours said to work in another ("his
    huawei p30 pro on vodafone de, no volte. (i have a pixel 8, no issues)"): the post is about the one
    we do not know."""
    ours = {sentence_of[m.start] for m in kept}
    if len(ours) != 1:
        return False
    (mine,) = ours
    trouble, fine = _told_of(toks, *_sentence_span(sentence_of, mine), question)
    if trouble or not fine:
        return False
    return any(
        sentence_of[u] != mine and _told_of(toks, *_sentence_span(sentence_of, sentence_of[u]), question)[0]
        for u in _unknown_models(lexicon, toks, kept, after_vendor, letters=True)
    )


_CONTRAST = frozenset({"but", "whereas", "while", "though", "а", "но", "但", "但是", "pero", "mas", "aber"})
_CONTRAST |= frozenset({"mais", "ma", "tapi", "padahal", "however"})


def _the_one_in_the_title(kept: list[Match], ids: set[str], toks: list[Token], question: str) -> set[str]:
    """A post with a title ("pixel 6 pro: no 5G" then the story, where "on the pixel 8 it works") is
    about the phone its title names. The title is the first line, before a blank line or, in a post
    of several lines, a short first line."""
    title_end = question.find("\n\n")
    if title_end <= 0 or "\n" in question[:title_end]:
        title_end = question.find("\n")
        if not 0 < title_end <= _TITLE_CHARS or not question[title_end:].strip():
            return ids
    in_title = {m.payload.id for m in kept if toks[m.start].start < title_end} & ids
    return in_title if len(in_title) == 1 else ids


_TITLE_CHARS = 160
# An issue form's field that names the phone in hand ("Device: Pixel 10 Pro Fold", "Phone model - Redmi
# Note 9", or the answer under "### Device Model"): that phone, whatever others the story compares it with.
_DEVICE_FIELD = FormField(
    r"(?:device|phone|handset|smartphone|model|phone model|device model|dispositivo|gerät|"
    r"telefone|celular|aparelho|ponsel|hp)"
)


def _the_one_in_a_device_field(kept: list[Match], ids: set[str], toks: list[Token], question: str) -> set[str]:
    in_field = {m.payload.id for m in kept if _DEVICE_FIELD.holds(question, toks[m.start].start)} & ids
    return in_field if len(in_field) == 1 else ids


def _dominant(named: list[Match]) -> str | None:
    """The phone named at least three times, and at least twice as often as any other (two against
    one is too thin to choose by: "Pixel 9: no 5G; it worked on Pixel 8 … the Pixel 8 SIM")."""
    counts = Counter(d for d, _start in {(m.payload.id, m.start) for m in named}).most_common()
    if not counts:
        return None
    top, n = counts[0]
    return top if n >= _DOMINANT_TIMES and all(n >= 2 * c for _d, c in counts[1:]) else None


_DOMINANT_TIMES = 3


def _outnamed(these: list[Match], those: list[Match]) -> bool:
    """One of ``these`` phones is named far more often than any other, ``those`` included."""
    top = _dominant(these + those)
    return top is not None and any(m.payload.id == top for m in these)


def _the_most_named(kept: list[Match], ids: set[str]) -> set[str]:
    """A long post that names one phone again and again and others once in passing ("the Galaxy F23
    … the F22 from last year … the Galaxy F23 is a crucial launch") is about that phone."""
    top = _dominant([m for m in kept if m.payload.id in ids])
    return {top} if top else ids


def market_variant(lexicon: Lexicon, device_id: str, toks: list[Token]) -> str | None:
    """The one variant a question picks by market: "my china version", "the global model"."""
    wanted: set[str] = set()
    for i, t in enumerate(toks):
        words = MARKET_WORDS.get(t.norm)
        if words and any(0 <= j < len(toks) and toks[j].norm in MARKET_CUES for j in (i - 1, i + 1, i + 2)):
            wanted.update(words)
        # Chinese is read a character a token: "国际版" is "国际" (international) and "版" (version).
        pair = MARKET_WORDS.get(t.norm + toks[i + 1].norm) if i + 1 < len(toks) else None
        if pair and i + 2 < len(toks) and toks[i + 2].norm in MARKET_CUES:
            wanted.update(pair)
    if not wanted:
        return None
    fits = [v.id for v in lexicon.knowledge.device(device_id).variants if set(text.tokens(v.market)) & wanted]
    return fits[0] if len(fits) == 1 else None


def variant_for_country(
    lexicon: Lexicon, device_id: str, country: str, names: dict[str, str], toks: list[Token]
) -> str | None:
    """The one variant whose market is a country's ("the chinese one", "a US galaxy"); where several
    are ("US carrier", "US unlocked"), the one whose other market words the question uses."""
    fits = variants_for_country(lexicon, device_id, country, names, toks)
    return fits[0] if len(fits) == 1 else None


def variants_for_country(
    lexicon: Lexicon,
    device_id: str,
    country: str,
    names: dict[str, str],
    toks: list[Token],
    *,
    own_model: bool = False,
) -> tuple[str, ...]:
    """The variants whose market is a country's (`variant_for_country`), all of them when the question
    does not tell them apart ("s25 ultra from usa": the US carrier and the US unlocked model).
    `own_model`: only a model made for that country by name, never a Global one standing for it (a
    carrier's edition, "ドコモ版")."""
    wanted = _country_words(country, names)
    fits = []
    for v in lexicon.knowledge.device(device_id).variants:
        market = text.tokens(v.market)
        if _names_country(market, wanted):
            fits.append((v.id, set(market)))
    if len(fits) > 1:
        said = {t.norm for t in toks}
        named = [(v, m) for v, m in fits if m - _COUNTRY_WORDS & said]
        fits = named or fits
    if not fits and own_model:
        return ()
    if not fits:
        # "my s23 (UK model)": no market is called that, but one model is made for it (the Global one
        # where no other is made for the UK).
        variants = lexicon.knowledge.device(device_id).variants
        made = [
            v.id
            for v in variants
            if markets.made_for(v.made_for, [o.made_for for o in variants if o is not v], country) is True
        ]
        return tuple(made[:1]) if len(made) == 1 else ()
    return tuple(v for v, _market in fits)


def has_market(lexicon: Lexicon, device_id: str, country: str, names: dict[str, str]) -> bool:
    """Whether a variant of the phone is said to be made for the country ("US (carrier)")."""
    wanted = _country_words(country, names)
    return any(_names_country(text.tokens(v.market), wanted) for v in lexicon.knowledge.device(device_id).variants)


def market_unrecorded(
    lexicon: Lexicon, device_id: str, country: str, names: dict[str, str], *, own_model: bool = False
) -> bool:
    """Whether the phone's model for a country is missing from the knowledge: every variant recorded
    names another market ("a US iPhone 16" when only the Singapore model is known). `own_model`: as in
    `variants_for_country`, a Global model does not stand for it."""
    wanted = _country_words(country, names)
    variants = lexicon.knowledge.device(device_id).variants
    if any(not v.made_for and _REGION_NOT_STATED.search(v.market) for v in variants):
        return False  # "mmWave model (region not stated by the sources)": it may be that country's
    if own_model:
        return not any(_names_country(text.tokens(v.market), wanted) for v in variants)
    for v in variants:
        market = text.tokens(v.market)
        # A Global model is never mainland China's (`markets.made_for`): "poco f6 china variant".
        outside_china = country == "CN" and bool(set(market) & {"global", "international"})
        if (not set(market) - _NO_REGION and not outside_china) or _names_country(market, wanted):
            return False
    return True


# How curators say a model's market is unknown (`market:` of a variant with no `made_for`)
_REGION_NOT_STATED = re.compile(r"region not stated", re.IGNORECASE)


def _country_words(country: str, names: dict[str, str]) -> list[list[str]]:
    """The ways a market can name a country: "United States", "US", "USA"."""
    return [text.tokens(n) for n in (names.get(country, country), country, *_SHORT_NAMES.get(country, ()))]


def _names_country(market: list[str], wanted: list[list[str]]) -> bool:
    return any(w and all(t in market for t in w) for w in wanted)


# Markets that say nothing of a region: such a model may well be the one meant.
_NO_REGION = frozenset({"all", "models", "model", "unspecified", "global", "international", "version"})
_SHORT_NAMES = {"US": ("usa", "united states"), "CN": ("china",), "GB": ("uk",), "HK": ("hong kong",), "KR": ("korea",)}
_COUNTRY_WORDS = frozenset({"us", "usa", "china", "hong", "kong", "korea", "uk", "mainland", "model", "version"})


def name_hints(lexicon: Lexicon, toks: list[Token]) -> tuple[list[int], list[int]]:
    """Where words of phone names are: telling ones, and everyday words that open a name.

    "mi" is an everyday word (Spanish "my") and never names the vendor alone, but in "mi 10" or
    "mi max" it opens a phone's name, so those get suggestions too.
    """
    names = [
        i
        for i, t in enumerate(toks)
        # A lone letter ("s" of "s24") is in too many names to say anything.
        if t.norm in lexicon.device_tokens
        and not t.norm.isdigit()
        and not is_everyday(t.norm)
        and len(t.norm) > 1
        and t.norm not in _GENERATIONS  # "5g" is in many names and names none
        and not _compound_adjective(toks, i)
    ]
    openers = [
        i
        for i, t in enumerate(toks[:-1])
        if is_everyday(t.norm)
        and t.norm in lexicon.device_tokens
        and len(t.norm) > 1
        and (toks[i + 1].norm.isdigit() or i + 1 in names or _line_letter_after(lexicon, toks, i))
    ]
    return names, openers


def _compound_adjective(toks: list[Token], i: int) -> bool:
    """A model word that a hyphen glues to an everyday word after it: "ultra-high bands", "pro-grade"
    (a compound, no "Ultra" or "Pro" phone to offer)."""
    t = toks[i]
    if t.norm not in MODIFIERS or i + 1 >= len(toks):
        return False
    after = toks[i + 1]
    return after.hyphen and not after.brk and after.norm.isalpha() and is_everyday(after.norm)


def _line_letter_after(lexicon: Lexicon, toks: list[Token], i: int) -> bool:
    """ "nord n50": a letter glued to a number after a line's word whose names go on with that letter."""
    if i + 2 >= len(toks) or not toks[i + 2].glued or not toks[i + 2].norm.isdigit() or toks[i + 1].brk:
        return False
    line = lexicon.root.children.get(toks[i].norm)
    return line is not None and toks[i + 1].norm in line.children


def fuzzy_devices(
    lexicon: Lexicon, toks: list[Token], hints: list[int], matches: list[Match], exclude: set[str]
) -> tuple[list[Suggestion], bool]:
    """Close device names for a question whose phone we do not know ("pixel 11"), and whether they
    hold every word typed; `hints` are the positions of words of phone names (see name_hints)."""
    k = lexicon.knowledge
    vendors = [m for m in matches if m.payload.kind == "vendor"]
    starts = hints + [m.start for m in vendors]
    if not starts:
        return [], False
    first = min(starts)
    # The phone's name ends where a carrier or country begins: "redmi note 5 on jio" is weighed
    # as "redmi note 5", or short names (Note 2, Note 8) would win on the extra words.
    elsewhere = {i for m in matches if m.payload.kind in ("carrier", "country") for i in range(m.start, m.end)}
    if first > 1 and toks[first - 1].glued and len(toks[first - 1].norm) == 1 and toks[first - 2].norm.isdigit():
        first -= 1  # "14t pro": the letter glued to the number is the name's, and so is the number
    if first > 0 and toks[first - 1].norm.isdigit() and not toks[first].brk and first - 1 not in elsewhere:
        first -= 1  # "the 15 pro max": the number is the name's too, and says which one
    elif _line_letter_before(toks, first) and first - 1 not in elsewhere:
        first -= 1  # "z fold 2": the line's letter is the name's (a Galaxy Z Fold, not the MIX Fold 2)
    end = first
    while end < min(first + 5, len(toks)) and end not in elsewhere and (end == first or not toks[end].brk):
        end += 1
    # Everyday words at the end are the sentence's, but not a model word ("pro+") nor a letter glued
    # to the number ("realme 14x")
    while end - first > 1 and is_everyday(toks[end - 1].norm) and not _of_the_name(toks[end - 1]):
        end -= 1
    words = [t.norm for t in toks[first:end]]
    phrase = " ".join(words)
    pool: set[str] = set()
    for i in hints:
        pool |= lexicon.device_tokens[toks[i].norm]
    vendor_ids = sorted({m.payload.id for m in vendors})
    # Sorted: a set's order changes from run to run, and so would the suggestions on ties.
    ordered: Iterable[str] | None = None
    if vendor_ids:
        # "galaxy note 10" asks for a Samsung: another vendor's Note 10 is no suggestion for it.
        # A maker's phones are kept as a set and a sorted list: a maker of 10,000 phones is
        # not copied and sorted for every question naming it.
        named = lexicon.devices_of(vendor_ids)
        if not named:
            return [], False  # "tecno camon 30 pro": a maker we know none of the phones of; no other maker's
        within = pool & named
        if within:
            pool = within
        else:
            ordered = (d for d in lexicon.sorted_devices_of(vendor_ids) if d not in exclude)
    if ordered is None:
        pool -= exclude
        ordered = sorted(pool)
    keys = lexicon.label_keys["device"]
    names = {d: keys[d] for d in islice(ordered, 3000)}
    if not names:
        return [], False
    from rapidfuzz import fuzz, process  # imported by the first fuzzy search, not by every ask

    # (Many taken: a long line's names far from the number asked for would crowd out the near ones,
    # "redmi note 16 pro" is closer in letters to the Note 6 Pro than to the Note 15 Pro.)
    best = process.extract(phrase, names, scorer=fuzz.WRatio, limit=60, score_cutoff=60)
    # Names holding every word typed are what was meant ("iphone se": the SE (2020) and SE (2022), not
    # the XS that merely looks alike).
    holding = [b for b in best if set(phrase.split()) <= set(b[0].split())]
    best = holding or best
    # String likeness ties often ("pixel 10" is as close to "pixel 6" as to "pixel 9"): among
    # names about as close, the nearest model number comes first.
    wanted = model_numbers(phrase)
    best = [b for b in best if not _unrelated(wanted, b[0])]
    if not holding:
        # names holding every word of phones' names but the numbers ("z fold 2": the Galaxy Z Folds,
        # not the MIX Fold 2; "iphone 18 pro": the Pros)
        letters = {w for w in phrase.split() if not w.isdigit() and w in lexicon.device_tokens}
        best = [b for b in best if letters and letters <= set(b[0].split())] or best
    best.sort(key=lambda b: (-(b[1] // 10), number_distance(wanted, model_numbers(b[0])), -b[1], b[2]))
    return [Suggestion("device", d, k.device(d).name) for _n, _s, d in best[:5]], bool(holding) and bool(best)


def _of_the_name(t: Token) -> bool:
    return t.norm in MODIFIERS or (t.glued and len(t.norm) == 1)


# A model a few numbers away is a neighbour worth offering ("pixel 11": the Pixel 10; "iphone 5": the
# iPhone 6); further away it is another phone that only looks alike ("galaxy s2" is not the S20,
# "iphone 5" not the iPhone 15).
_NEIGHBOUR_GAP = 3


def _unrelated(wanted: set[tuple[str, int]], name: str) -> bool:
    """A name alike only in its other words: "Galaxy Note20 Ultra 5G" for "samsung m52 5g" is in
    another series with another number (a typo's series, "pixle 8", keeps its number); or in the same
    series, too far from the number asked for."""
    offered = model_numbers(name)
    if not wanted:
        return False
    if not offered:
        return True  # "galaxy s4": no "Galaxy Z Fold Special Edition", which has no number to be near
    if number_distance(wanted, offered) != 1 << 30:
        return not any(_neighbours(a, b) for sa, a in wanted for sb, b in offered if sa == sb)
    if all(len(s) == 1 for s, _n in wanted | offered):
        return True  # "galaxy s7": the F07 and M07 are other lines of one letter, not a typo of "s"
    if not any(_spelt_alike(s, name) for s, _n in wanted):
        return True  # "hmd skyline 2": a line we do not know, not the Nokia C2 ("pixle 8" is a Pixel's)
    return not {n for _s, n in wanted} & {n for _s, n in offered}


def _neighbours(a: int, b: int) -> bool:
    """Two numbers of one series a few models apart: "pixel 11" and the Pixel 10, or a step of the
    first digit in a line counted in tens or hundreds ("vivo v60" and the V50, "x300" and the X200);
    not "galaxy s2" and the S20."""
    if abs(a - b) <= _NEIGHBOUR_GAP:
        return True
    x, y = str(a), str(b)
    return len(x) == len(y) > 1 and x[1:] == y[1:] and abs(int(x[0]) - int(y[0])) == 1


def _spelt_alike(series: str, name: str) -> bool:
    """Whether a series word typed is a word of the name, or spelt near one ("pixle" and "pixel")."""
    from rapidfuzz.distance import OSA

    if len(series) < 3 or not series.isalpha():
        return True  # a letter or a number: the number decides
    return any(OSA.distance(series, word) <= 2 for word in name.split() if word.isalpha())
