"""Every name the bot knows, as token sequences in a trie: devices (with the short names people use),
vendors, carriers, countries (CLDR names in the languages questions come in), and model numbers.

Matching and autocomplete read the same lexicon, so an alias, a nickname or a model number that
finds a phone in a question also completes in a slash command.
"""

from __future__ import annotations

import marshal
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from hashlib import blake2b
from itertools import chain, pairwise, repeat

from .. import text
from ..records import Device, Knowledge, Vendor
from . import cities, cldr, regions
from .complete_index import CompletionIndex
from .cues import (
    CARRIER_COMMON_WORDS,
    CARRIER_GIVEN_NAMES,
    COUNTRY_ADJECTIVES,
    COUNTRY_CASE_FORMS,
    COUNTRY_LOCAL_NAMES,
    COUNTRY_NICKNAMES,
    GENERIC_PLACE_WORDS,
    LINE_SPELLINGS,
    MARKET_WORDS,
    MODIFIERS,
    NATIONAL_SHOPS,
    ROMAN,
    SHORT_LINES,
    SHORT_TAILS,
)
from .everyday import LANGUAGES, is_everyday, language_words, word_table
from .tables import Counts, Groups, Models, Pairs, Strings
from .trie import _CODE_BITS, _SHAPES, Builder, Node, Payload, shape_of

__all__ = ["Lexicon", "Node", "Payload"]

_CYRILLIC = re.compile("[\u0400-\u04ff]")

# CLDR locales whose country names and language names questions use ("Brasil", "Deutschland",
# "chinesisch", "中国", "日本").
NAME_LOCALES = (*LANGUAGES, "zh", "zh_Hant", "ja", "ru", "tr", "pl", "nl")
# Further locales whose country names posts use beside English words ("5G không thể bật ở … Trung Quốc",
# "한국에서", "भारत में"): their city names are left out (each would add hundreds of names).
_MORE_COUNTRY_LOCALES = ("vi", "ko", "hi", "th", "ms", "ar", "fa", "ur", "bn", "uk", "he")
KANA = re.compile(r"[\u3040-\u30ff]")  # Japanese kana: a run holding any is Japanese


def short_forms(toks: list[str]) -> list[tuple[list[str], bool]]:
    """A name's chat short forms (see `SHORT_LINES`), each with whether its first two tokens must be
    typed glued: "p8p" is a Pixel 8 Pro, "p 8" on its own is no phone. A tail is shortened only after
    a number ("8 pro" -> "8p"), so "pixel pro" or "note pro" keep their words."""
    heads: list[tuple[list[str], bool]] = [(toks, False)]
    # (Each rule is tried only when the word it needs is there: this runs for every form of every
    # phone's name, 250,000 times at 100,000 phones, and most names have no short form.)
    if toks and toks[0] in _LINE_HEADS:
        for line, shorts in SHORT_LINES.items():
            if tuple(toks[: len(line)]) == line and len(toks) > len(line) and toks[len(line)][:1].isdigit():
                heads += [([short, *toks[len(line) :]], len(short) == 1) for short in shorts]
    out: list[tuple[list[str], bool]] = []
    # "pixel pro 8": the model words typed before the number.
    if len(toks) > 2 and toks[-1] in MODIFIERS:
        number = None
        for i, t in enumerate(toks):
            if t.isdigit():
                number = i
                break
        if (
            number is not None
            and 0 < number < len(toks) - 1
            and len(toks[number - 1]) > 1  # "pixel 8", not the "s 24" of "s24"
            and all(t in MODIFIERS for t in toks[number + 1 :])
        ):
            out.append(([*toks[:number], *toks[number + 1 :], toks[number]], False))
    for head, glued in heads:
        if head is not toks:
            out.append((head, glued))
        if len(head) < 3 or head[-1] not in _TAIL_ENDS:
            continue
        for tail, shorts in SHORT_TAILS.items():
            cut = len(head) - len(tail)
            if cut >= 2 and tuple(head[cut:]) == tail and any(c.isdigit() for c in head[cut - 1]):
                out += [([*head[:cut], short], glued) for short in shorts]
    return out


_LINE_HEADS = frozenset(line[0] for line in SHORT_LINES)
# Words any phone may be called by, which never begin a name left when a name's first word is dropped.
_WORDS_OF_PHONES = frozenset({"phone", "phones", "smartphone", "mobile", "handset", "cell", "cellphone"})
# Letters that glued to a number name a band ("n30", "b20"): the "N30" left of "Nord N30" is a band
# in a question, not the phone ("does tmobile use n25 or n30?").
_BAND_LETTERS = frozenset({"n", "b"})
_TAIL_ENDS = frozenset(tail[-1] for tail in SHORT_TAILS)
# A name has a short form only when it begins with a line's word or ends in a model word or a tail's.
_SHORT_ENDS = MODIFIERS | _TAIL_ENDS
# What `may_shorten` relies on: a tail is model words, and no model word holds a digit.
assert all(word in MODIFIERS for tail in SHORT_TAILS for word in tail) and all(map(str.isalpha, MODIFIERS))


def may_shorten(toks: list[str]) -> bool:
    """False when `short_forms` gives the name no form: it begins with no line's word, and it does not
    end in model words after a word holding a digit. ("8 pro" ends so, "46s pro max" does not: a
    tail is shortened, and model words moved, only after the number.) Most phones' names have no
    short form, and this is a few steps where `short_forms` is a few dozen."""
    if toks[0] in _LINE_HEADS:
        return True
    if toks[-1] not in _SHORT_ENDS:
        return False
    last = len(toks) - 1
    while last >= 0 and toks[last] in MODIFIERS:
        last -= 1
    return last > 0 and not toks[last].isalpha()


def _before(key: str) -> str:
    """A key with a space after it, to put before another key ("" stays "")."""
    return f"{key} " if key else ""


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@cache
def cldr_country_names() -> dict[str, set[str]]:
    """Country names in the locales questions come in, by ISO code ("Brasil", "Alemania", "美国")."""
    import pycountry

    out: dict[str, set[str]] = defaultdict(set)
    codes = {c.alpha_2 for c in pycountry.countries}
    for loc in (*NAME_LOCALES, *_MORE_COUNTRY_LOCALES):
        for code, name in cldr.table(loc, "territories").items():
            if code not in codes:
                continue
            # Short names collide with words: katakana "タイ" (Thailand) is inside "ケータイ" (a mobile
            # phone), Turkish "Çin" folds to a syllable.
            # Hangul and CJK names are short and no other word's letters; Arabic-script names of three
            # letters are whole words there ("مصر", Egypt).
            shortest = 1 if loc in ("en", "zh", "zh_Hant", "ja", "ko") else 3 if loc in ("ar", "fa", "ur") else 4
            if (KANA.search(name) and len(name) < 3) or len(name) < shortest:
                continue
            if loc in _MORE_COUNTRY_LOCALES and any(w.isascii() and is_everyday(w) for w in text.tokens(name)):
                continue  # Vietnamese "Ấn Độ" (India) folds to the English words "an do"
            out[code].add(name)
    return out


def cldr_english_names() -> dict[str, str]:
    """CLDR's English names of countries ("Russia")."""
    return {code: str(name) for code, name in cldr.table("en", "territories").items() if len(code) == 2}


@cache
def cldr_cities() -> dict[str, set[str]]:
    """Cities that name a time zone, by country ("Berlin", "Monterrey", "Riyadh", "上海"): CLDR's
    exemplar cities, the places people say they live in or bought a phone in."""
    from babel.core import get_global

    out: dict[str, set[str]] = defaultdict(set)
    # Each locale's zones' cities looked up once, not once per zone (5,000 parses of a locale name)
    zones_of = [cldr.zone_cities(loc) for loc in NAME_LOCALES]
    for zone, code in get_global("zone_territories").items():
        # Antarctic stations and the US minor islands are no places phones are asked about.
        if "/" not in zone or zone.startswith("Etc/") or len(code) != 2 or code in ("001", "AQ", "UM"):
            continue
        out[code].add(zone.rsplit("/", 1)[-1].replace("_", " "))
        for zones in zones_of:
            city = zones.get(zone)
            if city:
                out[code].add(city)
    return out


@cache
def cldr_language_adjectives() -> dict[str, str]:
    """Language names that read as a country's adjective ("chinese", "cinese", "chinesisch",
    "japonés"), with the country where the language is most likely written (CLDR likely subtags)."""
    from babel.core import get_global

    likely = get_global("likely_subtags")
    out: dict[str, str] = {}
    for lang in (
        *("zh", "ja", "ko", "de", "fr", "es", "it", "id", "vi", "th", "tr", "pl", "ru", "nl", "ms"),
        # languages of one country each ("Czech T-Mobile", "a Swedish SIM")
        *("cs", "sk", "hu", "ro", "el", "sv", "da", "fi", "no", "bg", "hr", "uk", "he"),
    ):
        territory = str(likely.get(lang, "")).rsplit("_", 1)[-1]
        if len(territory) != 2:
            continue
        for loc in ("en", *LANGUAGES[1:], *_SLAVIC):
            if loc == lang and loc in _SLAVIC:
                continue  # (its own name is its country's too: "polska" is Poland, not "Polish")
            name = cldr.table(loc, "languages").get(lang)
            if name and " " not in name:
                for form in _inflections(text.fold(name), slavic=loc in _SLAVIC):
                    out.setdefault(form, territory)
    return out


# Locales already read for country names whose language names are adjectives with case endings:
# "wersja chińska" (Polish), "китайская версия" (Russian), "китайська версія" (Ukrainian).
_SLAVIC = ("pl", "ru", "uk")
# Their endings, after the adjective's stem: Polish "-ski" and Russian "-ский" in all genders and
# the cases a post uses ("chińskiej wersji", "китайской версии"); Ukrainian names come feminine.
_SLAVIC_ENDINGS = {
    text.fold(ending): tuple(map(text.fold, others))  # (folded as questions are: "й" is read "и")
    for ending, others in {
        "i": ("i", "a", "ie", "iej", "im", "ich", "iego"),
        "ий": ("ий", "ая", "ое", "ой", "ую", "ие", "их", "ого", "ом"),
        "а": ("а", "ий", "е", "ої", "у", "і", "их", "ого"),
    }.items()
}


def _inflections(adjective: str, slavic: bool = False) -> set[str]:
    """An adjective with its feminine and plural endings ("chinois": "chinoise"; "chino": "china";
    "chines": "chinesa"; "chinesisch": "chinesische"), which CLDR gives in one form only."""
    forms = {adjective}
    if adjective.endswith("o"):
        forms |= {adjective[:-1] + "a", adjective + "s", adjective[:-1] + "as"}
    if adjective.endswith("es"):
        forms |= {adjective + "a", adjective + "as"}
    if adjective.endswith(("s", "n")):
        forms |= {adjective + "e", adjective + "ne"}
    if adjective.endswith("sch"):  # "chinesisch", "deutsch": "deutschen Markt"
        forms |= {adjective + "e", adjective + "en", adjective + "er", adjective + "es"}
    for ending, others in _SLAVIC_ENDINGS.items() if slavic else ():
        if adjective.endswith(tuple(stem + ending for stem in ("sk", "ck", "zk", "ск", "цк", "ськ"))):
            stem = adjective[: -len(ending)]
            forms |= {stem + other for other in others}
    return forms


def shorthand(alias: str) -> bool:
    """Whether a maker's alias is a shorthand that begins with a digit ("1+" for OnePlus): its words
    are no maker's words of their own (`mentions.a_sum` says when it names the maker at all)."""
    return alias[:1].isdigit()


def device_context(k: Knowledge) -> tuple[set[str], dict[str, list[str]], dict[str, list[list[str]]]]:
    """What the forms of phones' names need of their makers: every word of makers' names, each maker's
    other spellings of its name, and the token prefixes its phones' names may begin with."""
    vendor_tokens = {
        t
        for vendor in k.vendors
        for name in (vendor.name, *vendor.aliases)
        if not shorthand(name)
        for t in text.tokens(name)
    }
    # Other spellings of a vendor's own name that phone names begin with: "one plus 12" for
    # "OnePlus 12", "小米 14" for "Xiaomi 14", "1+ 12".
    respellings = {
        v.id: [
            a
            for a in v.aliases
            if (text.compact(a) == text.compact(v.name) and text.key(a) != text.key(v.name))
            or _CJK.search(a)
            or shorthand(a)
        ]
        for v in k.vendors
    }
    # Per maker, once: the token prefixes its phones' names may begin with (its name, and its
    # names in Chinese, Japanese or Korean).
    prefixes_of = {
        v.id: [text.tokens(v.name), *(text.tokens(a) for a in v.aliases if _CJK.search(a))] for v in k.vendors
    }
    return vendor_tokens, respellings, prefixes_of


def device_digest(device: Device) -> bytes:
    """8 bytes that change when anything of a phone a lexicon reads changes: its id, maker, name,
    aliases and codenames, its variants' ids and model numbers, and whether one has 5G bands."""
    read = (
        device.id,
        device.vendor,
        device.name,
        device.aliases,
        device.codenames,
        [(v.id, v.models, bool(v.bands.nr)) for v in device.variants],
    )
    return blake2b(marshal.dumps(read, 2), digest_size=8).digest()


def codenames_of(knowledge: Knowledge) -> dict[str, tuple[str, ...]]:
    """Each codename of the knowledge's phones ("alioth") and the phones it names, in the knowledge's
    order (one board sold under several names names each)."""
    out: dict[str, list[str]] = defaultdict(list)
    for d in knowledge.devices:
        for codename in d.codenames:
            out[codename].append(d.id)
    return {codename: tuple(ids) for codename, ids in out.items()}


class BuildState:
    """What an edit of a few phones needs of the build it edits (`incremental`), as a few flat tables
    (every reader loads them with the index): a digest of each phone (`device_digest`), in the
    knowledge's order; how many of the phones' names and forms hold each word and each pair of
    neighbouring words; the words, the entity words and the pairs of every other name (makers,
    carriers, places); and the forms a build left out as another phone's own name."""

    def __init__(
        self,
        digests: bytes,
        words: Counts,
        pairs: Counts,
        other_words: Strings,
        other_entity: Strings,
        other_pairs: Strings,
        shadowed: frozenset[str],
    ) -> None:
        self.digests = digests
        self.words = words
        self.pairs = pairs
        self.other_words = other_words
        self.other_entity = other_entity
        self.other_pairs = other_pairs
        self.shadowed = shadowed


def shared_names(k: Knowledge) -> dict[str, tuple[str, ...]]:
    """The words several networks of one country begin their names with, of two words or more
    ("US Mobile" of "US Mobile Warp", "US Mobile Light Speed" and "US Mobile Dark Star"): one brand
    sold on several networks, which a question names without saying which."""
    starts: dict[tuple[str, tuple[str, ...]], list[str]] = defaultdict(list)
    written: dict[tuple[str, tuple[str, ...]], str] = {}
    for carrier in k.carriers:
        plain = re.sub(r"\s*\([^)]*\)", "", carrier.name).strip() or carrier.name
        words = plain.split()
        for n in range(2, len(words)):
            key = (carrier.country, tuple(text.tokens(" ".join(words[:n]))))
            starts[key].append(carrier.id)
            written.setdefault(key, " ".join(words[:n]))
    return {written[key]: tuple(ids) for key, ids in starts.items() if len(ids) > 1}


class _Forms:
    """The forms made from phones' names (`Lexicon._add_devices`), in the order made: each as its key
    (its tokens joined by spaces), its payload's code and its phone."""

    def __init__(
        self,
        builder: Builder,
        vendor_tokens: set[str],
        respellings: dict[str, list[str]],
        prefixes_of: dict[str, list[list[str]]],
    ) -> None:
        def shape(derived: bool, glued: bool = False, untagged: bool = False) -> int:
            payload = Payload("device", "", derived=derived, glued_only=glued, untagged=untagged)
            return builder.shape_number(shape_of(payload))

        self.named = shape(False)
        self.derived = {
            (glued, untagged): shape(True, glued, untagged) for glued in (False, True) for untagged in (False, True)
        }
        self.vendor_tokens = vendor_tokens
        self.spelled = {
            vid: [(a, text.tokens(a) if a.isascii() else None) for a in names] for vid, names in respellings.items()
        }
        self.prefixes_of = prefixes_of
        self.line_spelled = {line: [text.tokens(w) for w in words] for line, words in LINE_SPELLINGS.items()}
        self.made: list[tuple[str, int, str]] = []

    def add(
        self, name: str, toks: list[str], key: str, base: int, did: str, vendor: Vendor, vendor_key: str | None
    ) -> None:
        """The forms of one of a phone's names (`toks`, `key`: its tokens, and them joined); `base`: the
        phone's part of a code; `vendor_key`: its maker's key and a space when the maker's name is
        ASCII."""
        made, derived = self.made, self.derived
        as_derived = base + derived[False, False]
        # Every token ASCII (surely so when the name is): a form's tokens are its words.
        plain = name.isascii() or "".join(toks).isascii()
        first = toks[0]
        if first not in self.vendor_tokens:
            if vendor_key is not None and name.isascii():
                made.append((vendor_key + key, as_derived, did))
            else:
                made.append((text.key(f"{vendor.name} {name}"), as_derived, did))
        spellings = self.spelled.get(vendor.id)
        if spellings:  # (most makers have no other spelling)
            for prefix in self.prefixes_of[vendor.id]:
                if toks[: len(prefix)] == prefix:
                    after = toks[len(prefix) :]
                    for spelling, spelling_toks in spellings:
                        if spelling_toks is not None and plain:
                            respelled = " ".join([*spelling_toks, *after])
                        else:
                            respelled = text.key(f"{spelling} {' '.join(after)}")
                        made.append((respelled, as_derived, did))
        other_scripts = self.line_spelled.get(first)
        if other_scripts:  # (most names begin with no line's word)
            made.extend((" ".join([*written, *toks[1:]]), as_derived, did) for written in other_scripts)
        tagged = "5g" in toks or "4g" in toks
        if tagged and len(toks) > 2:
            for tag in ("5g", "4g"):
                # "redmi note 13 pro" for "Redmi Note 13 Pro 5G"; when a "(4G)" phone has the same
                # name, both get the short name, so it is a question back, not the 5G phone's answer.
                if tag in toks:
                    without = " ".join([t for t in toks if t != tag])
                    made.append((without if plain else text.key(without), base + derived[False, True], did))
                    if other_scripts:  # "بوكو x6 pro" as "poco x6 pro"
                        bare_words = " ".join([t for t in toks[1:] if t != tag])
                        made.extend(
                            (f"{' '.join(w)} {bare_words}", base + derived[False, True], did) for w in other_scripts
                        )
        rest = toks[1:]
        # "s24" may stand alone, "s 24" may not ("a 5 year old phone" is no Galaxy A5).
        rest_glued = len(rest) > 1 and len(rest[0]) == 1 and rest[1].isdigit()
        band_like = rest_glued and rest[0] in _BAND_LETTERS
        # ("phone 4" of "fair phone 4" names no phone: "nothing phone 4" is not a Fairphone.)
        if (
            len(rest) >= 2
            and rest[0].isalpha()
            and rest[0] not in _WORDS_OF_PHONES
            and any(map(str.isdigit, rest))
            and not band_like
        ):
            rest_key = key[len(first) + 1 :] if plain else text.key(" ".join(rest))
            made.append((rest_key, base + derived[rest_glued, False], did))
            if tagged and len(rest) > 2:
                # "x6" of the "POCO X6 5G" beside the OPPO Find X6's: a short name both share is a
                # question back, not the one phone whose name has no "5G"
                bare = " ".join(t for t in rest if t not in ("5g", "4g"))
                made.append((bare if plain else text.key(bare), base + derived[rest_glued, True], did))
        if band_like and vendor_key is not None and plain:
            # "oneplus n30": after its maker's name the band-like short name is the phone's
            made.append((vendor_key + " ".join(rest), as_derived, did))
        # Only a name with the words a short form needs has one (`may_shorten`), of its forms here:
        # most have none.
        if not tagged:
            # The name and its rest: `may_shorten` of each, its walk over the model words at their end
            # made once for both (most phones' names end in a model word, "pro", "max"; few of them
            # have a short form).
            numbered = numbered_rest = False
            if toks[-1] in MODIFIERS:
                last = len(toks) - 2
                while last >= 0 and toks[last] in MODIFIERS:
                    last -= 1
                if last > 0 and not toks[last].isalpha():
                    numbered, numbered_rest = True, last > 1
            if numbered or first in _LINE_HEADS:
                for short, glued_short in short_forms(toks):
                    joined = " ".join(short)
                    made.append((joined if plain else text.key(joined), base + derived[glued_short, False], did))
            if rest and not band_like and (numbered_rest or rest[0] in _LINE_HEADS):
                for short, glued_short in short_forms(rest):
                    joined = " ".join(short)
                    made.append(
                        (joined if plain else text.key(joined), base + derived[rest_glued or glued_short, False], did)
                    )
            return
        forms = [(toks, False, False), *([] if band_like else [(rest, rest_glued, False)])]
        if tagged:
            forms += [
                ([t for t in form if t not in ("5g", "4g")], g, True)
                for form, g, _ in forms
                if "5g" in form or "4g" in form
            ]
        for form, glued, untagged in forms:
            if not form or not may_shorten(form):
                continue
            for short, glued_short in short_forms(form):
                joined = " ".join(short)
                made.append(
                    (joined if plain else text.key(joined), base + derived[glued or glued_short, untagged], did)
                )


def _add_payloads(
    builder: Builder, keys: list[str], codes: list[int], words_of: list[list[str]] | None = None
) -> list[bool]:
    """`Builder.add_at` of each key (of one word or more) with its code, in turn, all at once: whether
    each payload was added (one a name holds already is not). `words_of`: each key's words, when the
    caller has them (the words the trie keeps are then those objects, shared with the tables that hold
    them too, as adding them one at a time did). The names new here are numbered as they are met, and
    their words after them, as `Builder.node` numbers them; which payloads are new is numpy's: the
    250,000 names and forms of 100,000 phones took a lookup, a set's test and three appends each, one
    at a time.

    The pairs added are not put in `builder.added`: a payload is refused here when this call or what
    the builder held before has it, and that is enough. Every payload of a phone is added by the two
    calls of a build, the names' and the forms', whose codes are of other shapes, and no other
    payload's code is a phone's (a shape holds its kind). That set of 350,000 numbers at 100,000 phones, grown and
    first touched here, was 4,000 of the build's 100,000 page faults and a tenth of a second or more."""
    import numpy as np  # the builder's, as in `Lexicon._count_names`

    if not keys:
        return []
    nodes, added = builder.nodes, builder.added
    known = len(nodes)
    numbered = nodes.setdefault
    at = np.array([numbered(key, len(nodes)) for key in keys], np.int64)
    assert len(nodes) < 1 << (63 - _CODE_BITS), "a pair fits in numpy's int64"
    if len(nodes) > known:
        # Where each new name is first met, in the order they were numbered: the least place of each
        # new number (numbered as met, every one of them is there).
        new_at = np.flatnonzero(at >= known)
        first = np.full(len(nodes) - known, len(at), np.int64)
        np.minimum.at(first, at[new_at] - known, new_at)
        firsts: list[int] = first.tolist()
        if words_of is None:
            # The new names' words split all at once, from their keys joined (a key's words are the
            # pieces between its spaces, so this is each key split in turn), not as a list per name.
            new_keys = list(map(keys.__getitem__, firsts))
            builder.name_words.extend(map(builder.word_number.__getitem__, " ".join(new_keys).split(" ")))
            builder.name_lengths.extend([key.count(" ") + 1 for key in new_keys])
        else:
            made = list(map(words_of.__getitem__, firsts))
            builder.name_words.extend(map(builder.word_number.__getitem__, chain.from_iterable(made)))
            builder.name_lengths.extend(map(len, made))
    code = np.array(codes, np.int64)
    pairs = at << _CODE_BITS | code
    fresh = np.zeros(len(pairs), bool)
    fresh[np.unique(pairs, return_index=True)[1]] = True  # each pair's first time
    if added:
        fresh &= ~np.isin(pairs, np.fromiter(added, np.int64, len(added)))
    kept = np.flatnonzero(fresh)
    builder.held_by.frombytes(at[kept].astype(np.uint32).tobytes())
    builder.codes.frombytes(code[kept].astype(np.uint64).tobytes())
    out: list[bool] = fresh.tolist()
    return out


class Lexicon:
    """The names, built once from the knowledge."""

    # While building (`_start_tables`, `_build`): the trie as it grows, and how often each word and
    # pair of words of the phones' names was counted.
    _builder: Builder | None
    _named_counts: tuple[Counter[str], dict[str, int]]

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self._start_tables()
        self._near = Groups({})
        self._corrections: dict[str, list[tuple[str, float]]] = {}
        self._name_ends: dict[tuple[str, str], bool] = {}
        self.country_names: dict[str, str] = {}
        self.carrier_name_keys: dict[str, frozenset[str]] = {}
        self.carrier_countries = frozenset(c.country for c in knowledge.carriers)
        # Words of makers' other names that are series of their own ("redmi", "poco", "galaxy"):
        # "redmi note 3" is not the "Mi Note 3". An everyday word inside a longer name is none ("by"
        # of "cmf by nothing", "one" of "alcatel one touch", "mobile" of "nuu mobile": "… on
        # t-mobile, 5g disappeared" names no "Mobile 5G"); one that is a name by itself is ("mi").
        self.codenames = codenames_of(knowledge)
        self.series_words = frozenset(
            t
            for v in knowledge.vendors
            for tokens in map(text.tokens, (a for a in v.aliases if not shorthand(a)))
            for t in tokens
            if t not in text.tokens(v.name)
            and t not in MARKET_WORDS  # "global" of "hmd global": "the global 5g model" is no model of it
            and (len(tokens) == 1 or not t.isascii() or not is_everyday(t))
        )
        self._build(knowledge)
        words, pairs = self._named_counts
        other_pairs = {f"{a}\x00{b}" for a, b in self._pairs}
        self.build_state = BuildState(
            b"".join(map(device_digest, knowledge.devices)),
            Counts(words),
            Counts(pairs),
            Strings(sorted(self._other_words)),
            Strings(sorted(self._other_entity)),
            Strings(sorted(other_pairs)),
            frozenset(self._shadowed),
        )
        del self._named_counts, self._shadowed, self._other_words, self._other_entity
        # How many phones an edit redid when this lexicon was made from an earlier one (`incremental`);
        # None when it was built whole.
        self.redone: int | None = None
        assert self._builder is not None
        self.trie = self._builder.freeze()
        self._builder = None  # its tables are freed here, in the builder, not in every reader
        # The large tables as a few flat objects each, which is what a reader loads (`tables`).
        # Neighbouring words of names ("g", "pad"): the phones' pairs come sorted (`arrays.name_counts`),
        # the few others after them.
        self.bigrams = Pairs.joined([*pairs, *(other_pairs - pairs.keys())])
        self.models = Models(self._models)
        self.model_list: Sequence[str] = self.models.numbers
        del self._pairs, self._models
        # The word lists' frequencies, for a reader that loads this index (`everyday.use`).
        self.frequencies = word_table()
        self.language_words = language_words()  # and the words that tell languages apart
        self.labels: dict[str, dict[str, str]] = {
            "device": self._device_names,
            "vendor": {v.id: v.name for v in knowledge.vendors},
            "carrier": {c.id: f"{c.name} ({c.country})" for c in knowledge.carriers},
            "country": {code: f"{name} ({code})" for code, name in self.country_names.items()},
        }
        self.label_keys = {
            kind: self._device_keys if kind == "device" else {i: text.key(n) for i, n in labels.items()}
            for kind, labels in self.labels.items()
        }
        del self._device_names, self._device_keys
        # Autocomplete's sorted keys per kind, made here, by the builder, rather than on every reader's
        # first keystroke (3 s for 250,000 keys of phones). The phones' keys are then read from there.
        self.completion = {kind: CompletionIndex(self.keys.get(kind, ()), names) for kind, names in self.labels.items()}
        self.keys.pop("device", None)
        # Each maker's phones as a set and a sorted list, made here rather than when a question first
        # names the maker: made by a reader they would be long-lived objects of its own (100,000
        # ids at 100,000 phones), which every full collection of the garbage collector walks while
        # answering (5-6 ms of a 14 ms pause); loaded with the index they are out of its view.
        self._vendor_sets: dict[str, frozenset[str]] = {v: frozenset(ids) for v, ids in self.vendor_devices.items()}
        self._vendor_sorted: dict[str, list[str]] = {v: sorted(ids) for v, ids in self.vendor_devices.items()}
        self._root: Node | None = None

    @property
    def root(self) -> Node:
        # One view of the root per lexicon, made on first use (reading asks for it at every token):
        # the lexicon holds it, not the trie, so no reference cycle is made. Not part of a snapshot.
        root = self._root
        if root is None:
            root = self._root = self.trie.root
        return root

    def devices_of(self, vendor_ids: list[str]) -> frozenset[str]:
        """The phones of these makers (one set per maker, made once)."""
        if len(vendor_ids) == 1:
            found = self._vendor_sets.get(vendor_ids[0])
            if found is None:
                found = self._vendor_sets[vendor_ids[0]] = frozenset(self.vendor_devices.get(vendor_ids[0], ()))
            return found
        return frozenset().union(*(self.devices_of([v]) for v in vendor_ids))

    def sorted_devices_of(self, vendor_ids: list[str]) -> list[str]:
        """The phones of these makers by id (one sorted list per maker, made once)."""
        if len(vendor_ids) != 1:
            return sorted(self.devices_of(vendor_ids))
        found = self._vendor_sorted.get(vendor_ids[0])
        if found is None:
            found = self._vendor_sorted[vendor_ids[0]] = sorted(self.devices_of(vendor_ids))
        return found

    def makers_named_by(self, word: str) -> frozenset[str]:
        """The makers a word alone names ("samsung", "pixel", "هونر")."""
        node = self.root.children.get(word)
        return frozenset(p.id for p in node.payloads if p.kind == "vendor") if node is not None else frozenset()

    def devices_named(self, words: list[str]) -> frozenset[str]:
        """The phones whose name (or a form of it) is exactly these words."""
        node = self.root
        for word in words:
            found = node.children.get(word)
            if found is None:
                return frozenset()
            node = found
        return frozenset(p.id for p in node.payloads if p.kind == "device")

    # -- building -------------------------------------------------------------------------------

    def _start_tables(self) -> None:
        """The tables a build fills as names are added (also an edit's, `incremental`, for its phones)."""
        # The trie while it grows; frozen into `trie` once every name is in.
        self._builder = Builder()
        self.vocab: set[str] = set()
        self.device_vocab: set[str] = set()
        self.entity_vocab: set[str] = set()  # words of phone, maker and carrier names (not places)
        self._pairs: set[tuple[str, str]] = set()  # while building: the `bigrams` of names other than phones'
        self._models: dict[str, tuple[str, str]] = {}  # while building: `models`
        # While building: each phone's name and its key (text.key), made as its names are added.
        self._device_names: dict[str, str] = {}
        self._device_keys: dict[str, str] = {}
        self.device_tokens: dict[str, set[str]] = defaultdict(set)
        self.device_has_nr: dict[str, bool] = {}
        self.vendor_devices: dict[str, list[str]] = defaultdict(list)
        # Every key a kind of entry answers to, for autocomplete: (comparable key, id).
        self.keys: dict[str, list[tuple[str, str]]] = defaultdict(list)
        # While building: what `build_state` keeps for an edit of a few phones (`incremental`).
        self._shadowed: set[str] = set()
        self._other_words: set[str] = set()
        self._other_entity: set[str] = set()

    def insert(
        self,
        name: str,
        payload: Payload,
        nickname: bool = False,
        toks: list[str] | None = None,
        written: str = "",
        correctable: bool = True,
    ) -> None:
        """Add a name; `nickname` marks a name that is only a nickname ("aus"), weak when everyday.
        `toks`: the name's tokens when the caller has them already (building calls this 240,000
        times at 100,000 phones; tokenizing each name once is a good part of the build). `written`: the
        entity's own name, whose capitals say how a lower-case alias is written as a name ("vodafone"
        of "Vodafone Deutschland" is "Vodafone"). `correctable`: whether a word one typo away is read
        as this name's word (not for the thousands of GeoNames cities: "benim" is no "Betim")."""
        if toks is None:
            toks = text.tokens(name)
        if not toks:
            return
        entity = payload.kind in ("device", "vendor", "carrier")
        if entity:
            self._pairs.update(pairwise(toks))
            self.entity_vocab.update(toks)
            self._other_entity.update(toks)
        if correctable:
            self.vocab.update(toks)
        self._other_words.update(toks)
        if payload.kind == "device":
            self.device_vocab.update(toks)
        builder = self._builder
        assert builder is not None, "names are added while the lexicon is built"
        if (
            (payload.kind in ("vendor", "carrier") or nickname)
            and len(toks) == 1
            and (
                is_everyday(toks[0])
                or toks[0] in MODIFIERS
                or len(toks[0]) <= 2
                or toks[0] in CARRIER_COMMON_WORDS
                or toks[0] in CARRIER_GIVEN_NAMES
            )
        ):
            words = [*name.split(), *(w for w in written.split() if text.key(w) == toks[0])]
            if toks[0] in CARRIER_COMMON_WORDS:
                words.append(toks[0].title())  # "a Sprint phone", "Sky"
            cased = tuple(dict.fromkeys(w for w in words if any(c.isupper() for c in w)))
            payload = replace(payload, weak=True, cased=cased)
        key = " ".join(toks)
        if builder.add_at(key, builder.code(payload.id, shape_of(payload)), toks) and not payload.derived:
            self.keys[payload.kind].append((key, payload.id))

    def _build(self, k: Knowledge) -> None:
        for vendor in k.vendors:
            for name in (vendor.name, *vendor.aliases):
                self.insert(name, Payload("vendor", vendor.id))
        self._add_devices(k, *device_context(k))

        for carrier in k.carriers:
            # Its name, with and without a bracketed part ("Jio (Reliance Jio)" is called "jio").
            plain = re.sub(r"\s*\([^)]*\)", "", carrier.name).strip() or carrier.name
            self.carrier_name_keys[carrier.id] = frozenset({text.compact(carrier.name), text.compact(plain)})
            for name in (plain, carrier.name, *carrier.aliases):
                self.insert(name, Payload("carrier", carrier.id), written=carrier.name)
                compact = text.compact(name)
                if " " in text.key(name) and len(compact) >= 3 and not compact.isdigit():
                    # Typed glued ("tmobile") a name is one word; another carrier may have that word as an alias.
                    self.insert(compact, Payload("carrier", carrier.id))
        for name, ids in shared_names(k).items():
            for cid in ids:
                self.insert(name, Payload("carrier", cid), written=name)
                self.insert(text.compact(name), Payload("carrier", cid))

        import pycountry  # the build's: a reader loads the index and never imports it

        english = cldr_english_names()
        for country in pycountry.countries:
            code = country.alpha_2
            # ISO's name unless a common one is shorter: "Russia", not "Russian Federation"; but "Hong
            # Kong", not CLDR's "Hong Kong SAR China"
            said = getattr(country, "common_name", None) or country.name
            self.country_names[code] = min((said, english.get(code) or said), key=len)
            # (and its official name: "Czech Republic" of Czechia, "Slovak Republic", "Hellenic Republic")
            for name in {
                country.name,
                getattr(country, "common_name", country.name),
                getattr(country, "official_name", country.name),
            }:
                if "," not in name and "(" not in name:
                    self.insert(name, Payload("country", code))
        for code, localised in cldr_country_names().items():
            for local in localised:
                if "," not in local and "(" not in local and text.tokens(local):
                    self.insert(local, Payload("country", code))
        # "will it work in Europe?": a region is a place of use too, each of its countries' networks checked.
        for code, localised in regions.names((*NAME_LOCALES, "hi", "ko", "ar")).items():
            self.country_names[code] = regions.english_name(code)
            for local in localised:
                if text.tokens(local):
                    self.insert(local, Payload("region", code))
        # "in the EU", but Portuguese "eu" is "I": a nickname, needing a cue as an everyday word.
        self.insert("EU", Payload("region", "EU"), nickname=True)
        self.insert("the EU", Payload("region", "EU"))  # ("the eu" is no Portuguese)
        cldr = cldr_cities()
        for code, names in cldr.items():
            for city in names:
                # Never read from a typo in Latin letters ("di kantor", at the office, is no Kanton,
                # Kiribati); in Cyrillic one letter is the case a name is in ("в Москве": Москва).
                self.insert(city, Payload("city", code), correctable=_CYRILLIC.search(city) is not None)
        # Cities CLDR does not name ("in mumbai", "in düsseldorf"), unless CLDR names them for a country.
        named = {text.key(city) for names in cldr.values() for city in names}
        typed_cities, written_cities = cities.cities(self.carrier_countries)
        for code, names in typed_cities.items():
            for city in names:
                if text.key(city) not in named:
                    self.insert(city, Payload("city", code), correctable=False)
        # ("cá em Porto", "en Sevilla": a city whose name is an everyday word, written as a name; but
        # not one that is a network's or a maker's word: "from Orange webpage" is no Orange, California)
        # nor a state's name read below ("in Victoria" is Australia's state, not a district of Hong Kong)
        # (the states of the countries we know networks in, walked once for both uses)
        top_regions = [
            region
            for region in pycountry.subdivisions
            if region.parent_code is None and region.country_code in self.carrier_countries
        ]
        states = {text.key(region.name) for region in top_regions}
        for code, names in written_cities.items():
            for city in names:
                key = text.key(city)
                if key not in named and key not in states and not self.entity_vocab.intersection(key.split()):
                    self.insert(city, Payload("city", code, cased=(city,)), correctable=False)
        # States and provinces of the countries we know networks in ("here in Texas", "in Ontario",
        # "from Maharashtra"), from ISO 3166-2; like cities they count only after "in", "from", "to".
        for region in top_regions:
            name = region.name
            if len(name) >= 4 and "(" not in name and not set(name.lower().split()) <= GENERIC_PLACE_WORDS:
                self.insert(name, Payload("city", region.country_code), correctable=False)
        for code, everyday_names in COUNTRY_LOCAL_NAMES.items():
            for name in everyday_names:
                self.insert(name, Payload("country", code))
        for code, nicknames in chain(COUNTRY_NICKNAMES.items(), COUNTRY_CASE_FORMS.items()):
            for name in nicknames:
                # "aus" is Australia in English chat and "from" in German: as an everyday word it needs a cue.
                self.insert(name, Payload("country", code), nickname=True)
        for word, code in {**cldr_language_adjectives(), **COUNTRY_ADJECTIVES}.items():
            self.insert(word, Payload("origin", code))

        near: dict[str, set[str]] = defaultdict(set)
        for word in self.vocab:
            if word.isalpha() and len(word) >= 3:
                for d in _deletes(word):
                    near[d].add(word)
        self._near = Groups(near)

    def _add_devices(
        self,
        k: Knowledge,
        vendor_tokens: set[str],
        respellings: dict[str, list[str]],
        prefixes_of: dict[str, list[list[str]]],
    ) -> None:
        """Every phone's names, then the forms made from them: the maker's name before the name, the
        maker's other spellings instead of its name, the name without "5G", without its series' word,
        and its chat short forms; a form that is another phone's name is left out.

        Most of a build is here (100,000 phones: 250,000 names and forms), so the names are tokenized
        all at once (`text.keys`), the payloads are added as the frozen trie stores them, codes rather
        than objects, all at once (`_add_payloads`), the vocabularies are filled once at the end, in
        the same order, and a form is made as its key (its tokens joined by spaces) from the name's key
        rather than by tokenizing a new string: for ASCII the two are the same (every ASCII token is
        letters, digits or a "5g", which tokenizing gives back as it is, and a space between two ASCII
        strings splits their tokens as the strings' own ends do). Other scripts are tokenized as
        written."""
        builder = self._builder
        assert builder is not None
        first_added = len(builder.held_by)  # the phones' names and forms are the payloads added from here
        vendors = {v.id: v for v in k.vendors}
        # A maker's key and a space, to put before an ASCII name's key; None when either is not ASCII.
        vendor_keys = {v.id: _before(" ".join(text.tokens(v.name))) if v.name.isascii() else None for v in k.vendors}
        forms = _Forms(builder, vendor_tokens, respellings, prefixes_of)
        device_keys = self.keys["device"]
        device_names, device_keys_of = self._device_names, self._device_keys
        vendor_devices, device_has_nr = self.vendor_devices, self.device_has_nr
        models = self._models
        device_tokens = self.device_tokens
        ids, as_named = builder.ids, forms.named
        devices = k.devices
        dids = [device.id for device in devices]
        # Each phone's code as its names' payload, numbered as the phones come.
        codes = [ids.setdefault(did, len(ids)) * _SHAPES + as_named for did in dids]
        # Every phone's names, its own first, as keys, tokenized all at once (`text.keys`), and as
        # tokens: a key split at its spaces (no token holds a space, or any other white space).
        names = [name for device in devices for name in (device.name, *device.aliases)]
        keys = text.keys(names)
        tokens_of = list(map(str.split, keys))
        counts = [1 + len(device.aliases) for device in devices]
        name_dids = list(chain.from_iterable(map(repeat, dids, counts)))
        explicit = dict(zip(keys, name_dids, strict=True))  # a phone's own name's key -> the phone
        for did, toks in zip(name_dids, tokens_of, strict=True):
            for tok in toks:
                device_tokens[tok].add(did)
        # The names' payloads (a name of no words has none), then the forms' (`_add_payloads`).
        named = [n for n, key in enumerate(keys) if key]
        name_codes = list(chain.from_iterable(map(repeat, codes, counts)))
        name_added = [False] * len(keys)
        fresh = _add_payloads(
            builder,
            list(map(keys.__getitem__, named)),
            list(map(name_codes.__getitem__, named)),
            list(map(tokens_of.__getitem__, named)),
        )
        for n, was_added in zip(named, fresh, strict=True):
            name_added[n] = was_added
        # Every model number, compact, all at once (`text.compacts`), in the order met below.
        numbers = [m for device in devices for variant in device.variants for m in variant.models]
        next_number = iter(text.compacts(numbers)).__next__
        n = 0  # the name's place in `names`
        add_forms = forms.add
        for device, did, code in zip(devices, dids, codes, strict=True):
            vid = device.vendor
            vendor_devices[vid].append(did)
            device_names[did] = device.name
            device_keys_of[did] = keys[n]
            vendor, vendor_key, base = vendors[vid], vendor_keys[vid], code - as_named
            for name in (device.name, *device.aliases):
                if name_added[n]:
                    device_keys.append((keys[n], did))
                add_forms(name, tokens_of[n], keys[n], base, did, vendor, vendor_key)
                n += 1
            has_nr = False
            for variant in device.variants:
                has_nr = has_nr or bool(variant.bands.nr)
                for _model in variant.models:
                    number = next_number()
                    models[number] = (did, variant.id)
                    device_keys.append((number, did))
            device_has_nr[did] = has_nr
        shadowed = self._shadowed
        form_keys: list[str] = []
        form_codes: list[int] = []
        for key, code, did in forms.made:
            owner = explicit.get(key)
            if owner is not None and owner != did:
                shadowed.add(key)  # another phone's own name (see `incremental`)
            elif key:
                form_keys.append(key)
                form_codes.append(code)
        _add_payloads(builder, form_keys, form_codes)
        self._count_names(builder, first_added)

    def _count_names(self, builder: Builder, first_added: int) -> None:
        """How many of the phones' names and forms (the payloads added from `first_added` on) hold each
        word and each pair of neighbouring words; the vocabularies are filled from those words."""
        from . import arrays  # the builder's (numpy): a reader loads the counts and never imports it

        # Each word once, in the order first met: the sets are the ones adding every word makes.
        # (Counted, for an edit to tell when a word or pair leaves with its last name: `incremental`;
        # counted as the builder's numbers of names and words, by numpy: a string for each of a
        # million pairs was 0.5 s, and looking up every word of every name again a quarter of that.)
        counted, pairs = arrays.name_counts(
            arrays.unpacked(builder.name_words),
            arrays.unpacked(builder.name_lengths),
            arrays.unpacked(builder.held_by)[first_added:],
            list(builder.word_number),
        )
        # (The words a Counter, as before: a set updated from a plain dict is sized otherwise, and
        # iterates, and so pickles, in another order. The pairs update no set: their dict, not a copy.)
        words = Counter(counted)
        self.entity_vocab.update(words)
        self.vocab.update(words)
        self.device_vocab.update(words)
        self._named_counts = (words, pairs)

    # -- typo tolerance ---------------------------------------------------------------------------

    def corrections(self, word: str) -> list[tuple[str, float]]:
        """Vocabulary words one edit away (insert, delete, substitute or swap), with similarity.

        A model word is never corrected into another ("fold" is not "flip"), and nothing is corrected
        into a model word either: the difference between two phones is never a typo. A shop's name is
        no typo either ("argos" is not Argeș)."""
        if word in self.vocab or not word.isalpha() or len(word) < 3 or word in MODIFIERS or word in NATIONAL_SHOPS:
            return []
        cached = self._corrections.get(word)  # (a Roman numeral never is: it returns below, before any is kept)
        if cached is not None:
            return cached
        if ROMAN.fullmatch(word):
            return []  # "xperia 1 viii": a number, never corrected into another ("vii")
        # Words repeat across questions; the memory is bounded, and so is what a full collection of the
        # garbage collector walks while answering (a list per word).
        if len(self._corrections) > 20_000:
            self._corrections.clear()
        self._corrections[word] = found = self._find_corrections(word)
        return found

    def a_name_ends_with(self, vendor: str, word: str) -> bool:
        """Whether one of the maker's phones' own names ends with the word, as "GT" ends the POCO F4
        GT's (not a word of its aliases: "xiaomi 14 china" names a model of the Xiaomi 14). Kept per
        maker and word: a maker's names holding a word are walked once, not at every question."""
        key = (vendor, word)
        found = self._name_ends.get(key)
        if found is None:
            if len(self._name_ends) > 20_000:
                self._name_ends.clear()
            phones = self.devices_of([vendor]).intersection(self.device_tokens.get(word, ()))
            found = any(text.tokens(self.knowledge.device(d).name)[-1] == word for d in phones)
            self._name_ends[key] = found
        return found

    def _find_corrections(self, word: str) -> list[tuple[str, float]]:
        from rapidfuzz.distance import OSA  # imported by the first question with an unknown word

        candidates = set(self._near.get(word, ()))
        for d in _deletes(word):
            if d in self.vocab:
                candidates.add(d)
            candidates |= self._near.get(d, set())
        out = []
        for cand in candidates:
            if len(cand) >= 3 and OSA.distance(word, cand) == 1:
                out.append((cand, OSA.normalized_similarity(word, cand)))
        # "vodaphone", "telephonica": "ph" and "f" sound alike, two edits apart
        for typed, meant in (("ph", "f"), ("f", "ph")):
            respelt = word.replace(typed, meant)
            if respelt != word and respelt in self.vocab and len(respelt) >= 6:
                out.append((respelt, OSA.normalized_similarity(word, respelt)))
        return sorted(out, key=lambda c: (-c[1], c[0]))
