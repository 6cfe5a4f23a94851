"""Every candidate mention of a name in a question, with its span and how well it was typed.

Names are matched as whole token sequences through the lexicon's trie, so "redmi note 12 pro" can
only be the phone whose name has exactly those tokens. Typos are tolerated in words (one edit),
never in numbers, never from an everyday word at the start or end of a name ("sold" is not "fold"),
never between model words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .. import text
from .cues import (
    CARRIER_AFTER_CUES,
    CARRIER_CUES,
    COUNTRY_BLOCKERS,
    HANDSET_WORDS,
    HINDI_IN,
    LIST_WORDS,
    MARKET_CUES,
    MODIFIERS,
    NETWORK_WORDS,
    ORIGIN_CUES,
    PLACE_CUES,
    ROMAN,
    SHORT_TAILS,
    SOFTWARE_NAMES,
    SOFTWARE_WORDS,
    STORAGE_UNITS,
    TROUBLE_WORDS,
    TURKISH_ENDINGS,
)
from .everyday import commonness, frequencies, is_everyday
from .intent import CUE_WORDS
from .lexicon import KANA, Lexicon, Node, Payload
from .tokens import Token

_LETTER_MODELS = frozenset("tscerx")  # (not "u": Polish, Czech "at", "galaxy s24 u plusie")
_MOVING = frozenset({"over", "back", "it", "them", "me", "us", "number"})
# Indonesian verbs of moving to another network: "pindah dari telkomsel ke XL", "ganti ke smartfren"
_MOVING_ID = frozenset({"pindah", "ganti", "beralih", "migrasi", "pindahan"})
_ANDROID_VERSIONS = frozenset(str(n) for n in range(9, 20))
# Words beside "A14" that make it Android 14 rather than the Galaxy A14.
_ROM_WORDS = frozenset(w for w in SOFTWARE_WORDS if w.isascii()) | {
    *("rom", "roms", "gsi", "evolutionx", "evolution", "crdroid", "arrowos", "derpfest", "pixelos", "los"),
    *("android", "based", "stock", "beta", "qpr1", "qpr2", "qpr3"),
}
_SOFTWARE: dict[str, list[tuple[str, ...]]] = {}
for _name in SOFTWARE_NAMES:
    _toks = tuple(text.tokens(_name))
    _SOFTWARE.setdefault(_toks[0], []).append(_toks)


@dataclass(frozen=True)
class Match:
    payload: Payload
    start: int  # token positions, end exclusive
    end: int
    score: float  # 1.0 when every token was typed exactly
    # The next word is one edit from a word that would make the name longer ("meizu m1 mental" may
    # be the M1 Metal): the name found may be the shorter namesake of the phone meant.
    extendable: bool = False


def software_tokens(toks: list[Token]) -> set[int]:
    """Positions of tokens that are part of a software name ("Pixel Experience", "Google Play"), or
    an Android version written the ROM makers' way ("EvolutionX A14", "A15 GSI")."""
    norms = [t.norm for t in toks]
    out: set[int] = set()
    for i, first in enumerate(norms):
        for name in _SOFTWARE.get(first, ()):
            if tuple(norms[i : i + len(name)]) == name:
                out.update(range(i, i + len(name)))
        if first == "a" and i + 1 < len(toks) and toks[i + 1].glued and norms[i + 1] in _ANDROID_VERSIONS:
            around = {norms[j] for j in (i - 1, i + 2) if 0 <= j < len(norms) and not toks[max(j, i)].brk}
            after_maker = i > 0 and norms[i - 1] in ("samsung", "galaxy")  # "samsung a14 custom rom"
            if around & _ROM_WORDS and not after_maker:
                out.update((i, i + 1))
    return out


# Words that follow a phone's name when the name is a system image's ("Pixel 10 A-only gsi"): the
# image was built from that phone's software, and the phone in hand is another.
_IMAGE_WORDS = frozenset({"gsi", "gsis"})
# The flavours written between the name and "gsi" ("A-only", "arm64 AB", "vndklite").
_IMAGE_FLAVOURS = frozenset({"a", "only", "ab", "aonly", "arm", "arm64", "a64", "vndklite", "vanilla", "gapps"})


def software_images(toks: list[Token], found: list[Match]) -> set[int]:
    """Positions of phone names that name a system image ("Image: Pixel 10 A-only gsi")."""
    out: set[int] = set()
    for m in found:
        if m.payload.kind != "device":
            continue
        j = m.end
        while j < len(toks) and not toks[j].brk and toks[j].norm in _IMAGE_FLAVOURS:
            j += 1
        if j < len(toks) and not toks[j].brk and toks[j].norm in _IMAGE_WORDS:
            out.update(range(m.start, m.end))
    return out


_EXAMPLE_CUES = tuple(
    text.key(c)
    for c in (
        *("for instance", "for example", "e.g.", "eg", "such as", "say"),
        *("por ejemplo", "por exemplo", "zum beispiel", "z.b.", "par exemple", "ad esempio", "misalnya"),
        # Hindi and Urdu in Latin letters: "jaise ki", "jesa ke" (such as)
        *("jaise ki", "jaise ke", "jesa ke", "jaisa ki", "jese ke", "jese ki"),
    )
)
# One word that brings in examples right before the name ("operadores como Telcel y AT&T", "carriers
# like Jio"); apart from the name it means other things ("como activar volte en Telcel").
_EXAMPLE_WORDS = frozenset({"like", "including", "como", "incluindo", "incluyendo", "wie", "comme", "seperti"})


def named_as_example(toks: list[Token], start: int, *, by_one_word: bool = False) -> bool:
    """A name brought in as an example ("for instance, a Galaxy S10e", "such as the Pixel 8"); with
    ``by_one_word``, also right after "like" or "como" ("compañías como Telcel y AT&T"), which names
    networks in passing but phones in earnest ("devices like Mi3 CDMA" is the phone asked about)."""
    words: list[str] = []
    for i in range(start - 1, max(-1, start - 5), -1):
        words.insert(0, toks[i].norm)
        if toks[i].brk:
            break
    window = f" {' '.join(words)} "
    if any(f" {cue} " in window for cue in _EXAMPLE_CUES):
        return True
    if by_one_word and start > 0 and not toks[start].brk and toks[start - 1].norm in _EXAMPLE_WORDS:
        return True
    if start > 2 and toks[start - 2].norm == "like" and toks[start - 1].norm == "the":
        # "port it from the latest Galaxy devices, like the S23": phones of a kind, this one an example
        # (but "devices like Mi3 CDMA", with no article, is the phone asked about)
        return toks[start - 3].norm in _PHONES_OF_A_KIND and not toks[start - 2].brk
    return _later_in_a_list_of_examples(toks, start)


_PHONES_OF_A_KIND = frozenset({"devices", "phones", "models", "handsets", "flagships", "smartphones", "ones"})


# Between a cue and a later name of its list: names ("Huawei P30 Pro"), "and", articles.
_IN_A_LIST = LIST_WORDS | MODIFIERS | {"aur", "the", "a", "an", "el", "la", "o", "le", "il"}


def _later_in_a_list_of_examples(toks: list[Token], start: int) -> bool:
    """ "such as the Huawei P30 Pro and Samsung Galaxy S10 5G": a name later in a list of examples is
    one too (words between: other names, "and", articles; nothing else)."""
    i = start - 1
    listed = False
    while i >= 0 and start - i <= 12 and not toks[i + 1].brk:
        t = toks[i]
        for cue in _EXAMPLE_CUES:
            cue_words = cue.split()
            if [w.norm for w in toks[max(0, i - len(cue_words) + 1) : i + 1]] == cue_words:
                return listed
        if t.norm in LIST_WORDS or t.norm == "aur":
            listed = True
        elif not (t.norm in _IN_A_LIST or t.norm.isdigit() or t.raw[:1].isupper() or t.glued):
            return False
        i -= 1
    return False


# Arabic prepositions and "and" written glued to the next word: "بالسعودية" (in Saudi Arabia),
# "لزين" (to Zain), "وفودافون" (and Vodafone).
_ARABIC_PREFIXES = frozenset({"ب", "ل", "و", "ف", "ك"})


def _arabic_after_prefix(lexicon: Lexicon, word: str) -> str | None:
    """The name a word is after a glued Arabic preposition (one letter, or two with "و"/"ف" before
    it), when that name is a country's or a network's; else None."""
    for cut in (1, 2):
        if len(word) - cut < 2 or not all(ch in _ARABIC_PREFIXES for ch in word[:cut]):
            continue
        if _names_a_place_or_network(lexicon, word[cut:]):
            return word[cut:]
    return None


_ENDINGS_LONGEST_FIRST = tuple(sorted(TURKISH_ENDINGS, key=len, reverse=True))
_ENDINGS_LAST_TWO = frozenset(e[-2:] for e in TURKISH_ENDINGS)


def _turkish_stem(lexicon: Lexicon, word: str) -> str | None:
    """The name a word is, before a Turkish case ending glued to it ("türkiyede": "turkiye"), when the
    name is a country's or a network's of one word; else None."""
    if word[-2:] not in _ENDINGS_LAST_TWO and word[-1:] not in _ENDINGS_LAST_TWO:
        return None  # (most words: one look, not one per ending)
    for ending in _ENDINGS_LONGEST_FIRST:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        if _names_a_place_or_network(lexicon, word[: -len(ending)], strong=True):
            return word[: -len(ending)]
    return None


def _hyphen_glues_a_word(toks: list[Token], at: int) -> bool:
    """Whether token `at` is a word a hyphen glues to the one before ("Ultra-High"), not a Turkish
    case ending."""
    if at >= len(toks):
        return False
    t = toks[at]
    return t.hyphen and not t.brk and t.norm.isalpha() and t.norm not in TURKISH_ENDINGS


def recompose(lexicon: Lexicon, toks: list[Token]) -> list[Token]:
    """Undo missing or extra spaces inside names: "promax" -> "pro max", "i phone" -> "iphone".

    Two words are joined only into a word of a phone, maker or carrier name, and never when each is
    an everyday word on its own ("good to go" is not Togo, "a us iphone" is not Australia)."""
    vocab = lexicon.vocab
    out: list[Token] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (
            nxt is not None
            and not nxt.brk
            and not t.glued
            and t.norm.isalpha()
            and nxt.norm.isalpha()
            and t.norm + nxt.norm in lexicon.entity_vocab
            and (t.norm not in vocab or nxt.norm not in vocab or len(t.norm) == 1)
            # "lg g pad" stays apart where a name has those two words; "i phone" is joined.
            and (t.norm, nxt.norm) not in lexicon.bigrams
            and (len(t.norm) == 1 or not (is_everyday(t.norm) and is_everyday(nxt.norm)))
            and not (len(t.norm) == 1 and len(nxt.norm) == 1)  # "a i-mate" is not "ai"
            # a letter joins into a phone's word ("i phone"), not a network's ("I am" is no IAM, Maroc Telecom)
            and (len(t.norm) > 1 or t.norm + nxt.norm in lexicon.device_vocab)
        ):
            out.append(Token(t.norm + nxt.norm, t.raw, t.start, nxt.end, t.glued, t.brk, t.hyphen))
            i += 2
            continue
        if (
            t.norm.startswith("ال")
            and len(t.norm) > 4
            and t.norm not in lexicon.entity_vocab
            and lexicon.makers_named_by(t.norm[2:])
        ):
            # the Arabic article glued to a maker's name: "الشاومي" (the Xiaomi), "الهونر"
            out.append(Token(t.norm[2:], t.raw, t.start, t.end, t.glued, t.brk, t.hyphen))
            i += 1
            continue
        stem = _turkish_stem(lexicon, t.norm) if t.norm.isalpha() and t.norm not in vocab else None
        name = _arabic_after_prefix(lexicon, t.norm) if stem is None and t.norm[:1] in _ARABIC_PREFIXES else None
        if name is not None:
            # "يشتغل بالسعودية" (works in Saudi Arabia): a preposition glued to the name ("بـ", "لـ")
            out.append(Token(t.norm[: -len(name)], t.raw, t.start, t.end, t.glued, t.brk, t.hyphen))
            out.append(Token(name, t.raw, t.start, t.end, True))
            i += 1
            continue
        if stem is not None:
            # "türkiyede çalışır mı", "turkcellde": a Turkish case ending written on the name, as if
            # after an apostrophe ("türkiye'de")
            out.append(Token(stem, t.raw, t.start, t.end, t.glued, t.brk, t.hyphen))
            out.append(Token(t.norm[len(stem) :], t.raw, t.start, t.end, True, False, True))
            i += 1
            continue
        if t.norm.isalpha() and t.norm not in vocab and len(t.norm) >= 5 and not is_everyday(t.norm):
            # Only into words of phone names ("promax" is "pro max"), never into places.
            phone = lexicon.device_vocab
            split = next((k for k in range(2, len(t.norm) - 1) if t.norm[:k] in phone and t.norm[k:] in phone), None)
            if split is not None:
                out.append(Token(t.norm[:split], t.raw, t.start, t.end, t.glued, t.brk, t.hyphen))
                out.append(Token(t.norm[split:], t.raw, t.start, t.end, True))
                i += 1
                continue
        out.append(t)
        i += 1
    return out


# Words before a sum of band numbers: "CA 1+3", "band combo 1+3+7"
_BAND_SUM_WORDS = frozenset({"ca", "band", "bands", "banda", "bandas", "combo", "combos", "lte", "b", "n"})


def a_sum(toks: list[Token], m: Match) -> bool:
    """Whether a maker's or phone's name read from a shorthand that begins with a number ("1+" for
    OnePlus) is a sum instead: of bands ("CA 1+3", "1+3+7"), or of nothing that follows ("waited 1+
    hours"): the maker is named only right before a model's number ("1+3", "1+ 12", "1+7t")."""
    if not (toks[m.start].raw.isdigit() and m.start + 1 < m.end and toks[m.start + 1].raw == "+"):
        return False
    if m.start and (toks[m.start - 1].raw == "+" or toks[m.start - 1].norm in _BAND_SUM_WORDS):
        return True
    after = toks[m.end] if m.end < len(toks) and not toks[m.end].brk else None
    if after is not None and after.raw == "+":
        return True
    return m.payload.kind == "vendor" and (after is None or not after.norm[:1].isdigit())


def find(lexicon: Lexicon, toks: list[Token], blocked: set[int]) -> list[Match]:
    """Every acceptable match of a name over the tokens (overlapping ones included)."""
    alts: list[list[tuple[str, float]] | None] = [None] * len(toks)

    def options(j: int) -> list[tuple[str, float]]:
        cached = alts[j]
        if cached is None:
            cached = [(toks[j].norm, 1.0), *lexicon.corrections(toks[j].norm)]
            alts[j] = cached
        return cached

    matches: list[Match] = []
    for i in range(len(toks)):
        if i in blocked:
            continue
        stack: list[tuple[Node, int, float]] = [(lexicon.root, i, 0.0)]
        while stack:
            node, j, total = stack.pop()
            if j > i and node.payloads:
                longer = (
                    j < len(toks)
                    and not toks[j].brk
                    and toks[j].norm not in CUE_WORDS  # "nokia 3610 sold" is not the 3610 Fold
                    and (
                        any(word in node.children for word, _sim in lexicon.corrections(toks[j].norm))
                        # "moto g stylus 2025" when only the 2024 one and the first are known: another
                        # year's phone, not the first one ("pixel 6a 2022" is the Pixel 6a)
                        or (_YEAR.fullmatch(toks[j].norm) is not None and any(map(_YEAR.fullmatch, node.children)))
                    )
                )
                for p in node.payloads:
                    matches.append(Match(p, i, j, total / (j - i), longer))
            if j >= len(toks) or j in blocked or (j > i and toks[j].brk):
                continue
            for word, sim in options(j):
                child = node.children.get(word)
                if child is None:
                    continue
                if sim < 1.0 and not _may_correct(toks, j, i):
                    continue
                if sim < 1.0 and j == i and len(word) <= 5 and any(p.kind == "carrier" for p in child.payloads):
                    # "bitel" (Peru's) is no "bytel" (Bouygues), "Anatel" (Brazil's regulator) no Antel
                    # (Uruguay's): a short network name is too near other names to be read from a typo
                    continue
                if sim < 1.0 and j == i and any(p.kind in ("country", "origin") for p in child.payloads):
                    # "korek telecom" (Iraq's) is no "korea telecom" (KT): a country's name read from a
                    # typo is that country ("in koreaa"), never the start of a longer name
                    for p in child.payloads:
                        matches.append(Match(p, i, j + 1, sim, False))
                    continue
                stack.append((child, j + 1, total + sim))
    # "german vodafone": a country's adjective names the network after it, as "on" does.
    adjective_ends = {m.end for m in matches if m.payload.kind == "origin" and m.score == 1.0}
    place_ends = adjective_ends | {m.end for m in matches if m.payload.kind == "country" and m.score == 1.0}
    makers = {m.start for m in matches if m.payload.kind == "vendor"}
    # "lebara uk": a country's nickname right after a network's name says its country
    network_ends = {m.end for m in matches if m.payload.kind == "carrier" and m.score == 1.0}
    # "iphone 16 pro max ee": a network's everyday name right after a phone's (or a model number's:
    # "SM-A566B vodafone"), ending the question
    phone_ends = {m.end for m in matches if m.payload.kind == "device"} | _model_number_ends(toks)
    # a question that is a phone's name and one word more ("galaxy s24 fe dito", "realme c55 smart")
    bare_phone_ends = {m.end for m in matches if m.payload.kind == "device" and m.start == 0 and m.end == len(toks) - 1}
    # (and after a listing's words about the phone: "Galaxy A16 5G Unlocked cricket?")
    phone_ends |= {_past_listing_words(toks, e) for e in phone_ends}
    # "cuando llega el pixel 9 a mexico": the "a" before a country is "to", not the Pixel 9a's
    before_places = {m.start - 1 for m in matches if m.payload.kind == "country" and m.score == 1.0}
    found = [
        m
        for m in matches
        if _acceptable(m, toks, adjective_ends, place_ends, makers, network_ends, phone_ends, bare_phone_ends)
        and not _verb_usa(lexicon, m, toks)
        and not (m.payload.kind == "device" and m.end - 1 in before_places and toks[m.end - 1].raw == "a")
        and not a_sum(toks, m)
    ]
    # "honor magic 8 pro": a maker's everyday name before a word of its own phones' names is the
    # maker, so that another maker's phone ("Red Magic 8 Pro") is not read from the rest.
    found += [
        m
        for m in matches
        if m.payload.kind == "vendor" and m.score == 1.0 and m not in found and _own_line_follows(lexicon, toks, m)
    ]
    found += _offered_together(lexicon, matches, found, toks)
    carrier_spans = {(m.start, m.end) for m in found if m.payload.kind == "carrier"}
    # "galaxy s24 on a1": after "on", the short name of the Redmi A1 is the network A1 (Austria).
    found = [
        m
        for m in found
        if not (
            m.payload.kind == "device"
            and m.payload.derived
            and (m.start, m.end) in carrier_spans
            and m.start > 0
            and toks[m.start - 1].norm in CARRIER_CUES
        )
    ]
    # "unlock it at T-mobile": "at t" (AT&T) would end inside "T-mobile", which another name spans whole.
    found = [m for m in found if not _cuts_hyphenated_name(m, toks, found)]
    # "wi-fi calling in the US": a network's everyday or two-letter name ("fi", Google Fi) that begins
    # after a hyphen is the end of another word, not the network.
    # Nor one that a hyphen glues to the next word: "the Ultra-High bands" (no Ultra Mobile; but a
    # Turkish case ending is the name's: "vodafone'da", read as "vodafone-da").
    found = [
        m
        for m in found
        if not (
            m.payload.kind == "carrier"
            and m.payload.weak
            and (toks[m.start].hyphen or _hyphen_glues_a_word(toks, m.end))
        )
    ]
    # "jio true 5g": an everyday name of another country's network right after a network's name is
    # that network's word (Jio's "True 5G"), not TrueMove H.
    k = lexicon.knowledge
    network_at: dict[int, set[str]] = defaultdict(set)
    for m in found:
        if m.payload.kind == "carrier" and not m.payload.weak:
            network_at[m.end].add(k.carrier(m.payload.id).country)
    found = [
        m
        for m in found
        if not (
            m.payload.kind == "carrier"
            and m.payload.weak
            and m.end - m.start == 1
            and is_everyday(toks[m.start].norm)
            and len(network_at.get(m.start, ())) == 1
            and k.carrier(m.payload.id).country not in network_at[m.start]
        )
    ]
    named = {i for m in found for i in range(m.start, m.end)}
    found = [m for m in found if not _tail_of_unknown_name(m, toks, named)]
    # "Galaxy S23 FE 5G (Mint, 8GB) will it work on t mobile": a network named after "on" is the
    # asker's; an everyday word read as another network's name right after the phone's, with no cue,
    # is the phone's colour, as listings write it, and so is the network a listing writes after the
    # storage ("Pixel 9 Pro Fold Obsidian 256GB Verizon - unlocked? works on att": sold by Verizon,
    # AT&T asked). An everyday word after the storage is a colour beside any other network named
    # ("Galaxy S24 FE 128GB Mint SM-S721U Verizon").
    cued = {
        m.payload.id
        for m in found
        if m.payload.kind == "carrier" and m.start > 0 and toks[m.start - 1].norm in CARRIER_CUES
    }
    carriers = {m.payload.id for m in found if m.payload.kind == "carrier"}

    def of_the_listing(m: Match) -> bool:
        if m.payload.kind != "carrier" or m.payload.id in cued:
            return False
        after_storage = m.start > 0 and storage_unit(toks[m.start - 1])
        if cued and ((m.payload.weak and m.start in phone_ends) or after_storage):
            return True
        return m.payload.weak and after_storage and len(carriers - {m.payload.id}) > 0

    return [m for m in found if not of_the_listing(m)]


# What a listing says of the phone after its name, before the network asked about.
_LISTING_WORDS = frozenset({"unlocked", "factory", "version", "international", "global", "us", "usa", "5g", "4g"})


def _past_listing_words(toks: list[Token], end: int) -> int:
    while end < len(toks) and toks[end].norm in _LISTING_WORDS and not toks[end].brk:
        end += 1
    return end


def storage_unit(t: Token) -> bool:
    """A unit of memory or storage glued to its number ("256GB")."""
    return t.norm in STORAGE_UNITS and t.glued


# Country codes written after a network's name to say its country ("lebara uk", "lebara nl", "mint us");
# not "de", "it" or "ca", which are words after a name as often.
_NETWORK_COUNTRY_CODES = frozenset({"uk", "us", "usa", "nl", "au", "pl", "fr", "za", "ng"})


def _cuts_hyphenated_name(m: Match, toks: list[Token], found: list[Match]) -> bool:
    end = m.end
    if end >= len(toks) or not toks[end].hyphen:
        return False
    return any(m.start < o.start < end < o.end for o in found)


# Where an everyday word stands as a network's name: before words said of a network ("is orange any
# good", "three coverage", "smart or globe"), or after words said of one ("switch to free", "is tim").
_NETWORK_TALK_AFTER = frozenset(
    {"any", "good", "ok", "okay", "better", "best", "worth", "coverage", "signal", "network", "sim", "esim"}
    | {"or", "vs", "and", "plan", "plans", "prepaid", "postpaid", "5g", "4g", "lte", "volte", "customer", "user"}
    | {"in", "here", "there"}  # "claro in são paulo"
)
_NETWORK_TALK_BEFORE = frozenset({"is", "with", "on", "to", "switch", "or", "vs", "and", "get", "join", "joined"})


def everyday_carriers(lexicon: Lexicon, toks: list[Token], found: list[Match], blocked: set[int]) -> list[Match]:
    """Carriers named by an everyday word with no cue around them ("is orange any good"): not names
    on their own, but names where the question is about that carrier's country ("moving to madrid,
    is orange any good with a pixel 7 pro")."""
    named = {i for m in found for i in range(m.start, m.end)}
    out = []
    for i, t in enumerate(toks):
        if i in named or i in blocked or t.hyphen:  # "fi" of "wi-fi"
            continue
        after = toks[i + 1].norm if i + 1 < len(toks) and not toks[i + 1].brk else ""
        if after == "of" or (len(after) > 2 and after.isalpha() and after.endswith("s") and after != "is"):
            continue  # "three of us", "three weeks": a number, not the network
        before = toks[i - 1].norm if i > 0 and not t.brk else ""
        if after and after not in _NETWORK_TALK_AFTER and before not in _NETWORK_TALK_BEFORE and not t.raw.isupper():
            # "claro que sí", "for personal use", "tim cook says", "i'm lucky to": the everyday word
            continue
        if _model_word_after_number(toks, i):
            continue
        node = lexicon.root.children.get(t.norm)
        for p in node.payloads if node is not None else ():
            m = Match(p, i, i + 1, 1.0)
            if p.kind == "carrier" and p.weak and not _tail_of_unknown_name(m, toks, named):
                out.append(m)
    return out


# What a network is asked to do, right after "does <name>".
_NETWORK_VERBS = frozenset(
    {"use", "uses", "have", "has", "support", "offer", "still", "run", "carry", "allow", "sell", "sells", "stock"}
)


# A word met less often than once in 20,000 ("cincinnati", 3.96; "switch" is 4.6, "cheap" 4.7) may be
# the first word of a name we do not know, even where wordfreq counts it as everyday.
_NAME_WORD_ZIPF = 4.3


# Words between networks offered as a choice ("visible or mint", "orange vs free").
_CHOICE = frozenset({"or", "vs", "versus"})
_AFTER_CHOICE = frozenset({"for", "with", "on", "in", "here", "there"})


def offered_as_choice(toks: list[Token], spans: list[tuple[int, int]]) -> bool:
    """Whether networks are named as a choice the asker has yet to make ("orange or free for an
    iphone 16e?"): two names with "or"/"vs" between them and nothing after but the rest of the
    question; then neither is the asker's network."""
    if len(spans) != 2:
        return False
    (_, end), (start, last) = sorted(spans)
    after = toks[last] if last < len(toks) else None
    return (
        start - end == 1
        and toks[end].norm in _CHOICE
        and not toks[start].brk
        and (after is None or after.brk or after.norm in _AFTER_CHOICE)
    )


def _offered_together(lexicon: Lexicon, matches: list[Match], found: list[Match], toks: list[Token]) -> list[Match]:
    """ "visible or mint for my pixel 7a?": networks of one country named by everyday words and
    offered as a choice name each other, though each alone would be a word."""
    carriers = [m for m in matches if m.payload.kind == "carrier" and m.score == 1.0]
    kept = set(map(id, found))
    out: list[Match] = []
    for m in carriers:
        if id(m) in kept or not m.payload.weak:
            continue
        country = lexicon.knowledge.carrier(m.payload.id).country
        for o in carriers:
            if o is m or lexicon.knowledge.carrier(o.payload.id).country != country:
                continue
            # the choice ends there: "visible or mint for my pixel 7a?", not "mint or visible damage"
            if offered_as_choice(toks, [(m.start, m.end), (o.start, o.end)]):
                out.append(m)
                break
    return out


def _tail_of_unknown_name(m: Match, toks: list[Token], named: set[int]) -> bool:
    """An everyday carrier name after a word we know nothing of, even in lower case: "cincinnati
    bell coverage" is not Bell Canada's coverage."""
    if not (m.payload.kind == "carrier" and m.payload.weak and m.end - m.start == 1 and m.start > 0):
        return False
    before = toks[m.start - 1]
    return (
        not toks[m.start].brk
        and m.start - 1 not in named
        and len(before.norm) >= 5
        and before.norm.isascii()
        and before.norm.isalpha()
        and commonness(before.norm) < _NAME_WORD_ZIPF
        and before.norm not in CARRIER_CUES
        and before.norm not in _NETWORK_BEFORE_NAME
        and before.norm not in _LISTING_WORDS  # "Galaxy A16 5G Unlocked cricket?"
    )


# Cues that say "a place" in any case; the short Romance ones ("a", "de", "di", "no") are in every
# other phrase ("a metà", "no porto"), so after them a place that is also an everyday word must be
# written as a name ("a Meta", "no Porto").
_PLACE_CUES_ALONE = frozenset({"in", "from", "to", "into", "nach", "aus", "dari", "ke", "en", "em"})


def _everyday_place_in_passing(toks: list[Token], m: Match, before: Token) -> bool:
    """ "lancio globale a metà": the Colombian department Meta is no place after an Italian "a"."""
    word = toks[m.start]
    return (
        m.end - m.start == 1
        and before.norm not in _PLACE_CUES_ALONE
        and not word.raw[:1].isupper()
        and is_everyday(word.norm)
    )


def _model_word_after_number(toks: list[Token], i: int) -> bool:
    """ "Redmi Note 5/5 Plus": a model word right after a number is the model's, not a network (Plus)."""
    return toks[i].norm in MODIFIERS and i > 0 and not toks[i].brk and toks[i - 1].norm.isdigit()


def _may_correct(toks: list[Token], j: int, start: int) -> bool:
    """An everyday word is corrected only inside a name, with a number right after it ("redmi not
    13"): "sold" at the end of "is the pixel 9 sold" stays "sold"."""
    word = toks[j].norm
    if word in CUE_WORDS:
        return False  # a word that says what is asked ("resmi", official) is never a name typed wrong ("redmi")
    # (a word common in several languages is as everyday: "em março", folded "marco", is no "Maroc")
    if not is_everyday(word) and commonness(word) < _NAME_WORD_ZIPF:
        return True
    return j > start and j + 1 < len(toks) and toks[j + 1].norm.isdigit() and not toks[j + 1].brk


# Hindi (in Latin letters) after a place: "in", "from" ("usa se"), "of" ("usa ka").
_AFTER_A_PLACE = HINDI_IN | {"se", "ka", "ki", "ke"}


def _model_follows(toks: list[Token], at: int) -> bool:
    """Whether a model's name starts at `at`: letters with a number glued ("x9b"; a bare number may be
    a count: "i honor 2 contracts")."""
    if at >= len(toks) or toks[at].brk:
        return False
    return len(toks[at].norm) <= 2 and at + 1 < len(toks) and toks[at + 1].glued and toks[at + 1].norm.isdigit()


# Hindi (in Latin letters) after "me" that says a network works: "chalega", "kaam karega", "5g aayega".
_HINDI_WORKING = ("chal", "kaam", "aay", "aaye", "hoga", "milega", "5g", "4g", "volte", "network", "signal")


def _hindi_working(toks: list[Token], at: int) -> bool:
    return at < len(toks) and not toks[at].brk and toks[at].norm.startswith(_HINDI_WORKING)


def _model_number_ends(toks: list[Token]) -> set[int]:
    """Where a typed word of letters and digits ends, as model numbers are written ("A566B", "CPH2653")."""
    return {
        i + 1
        for i, t in enumerate(toks)
        if (i + 1 == len(toks) or toks[i + 1].start != t.start)
        and len(t.raw) >= 5
        and not t.raw.isalpha()  # (most words, told at once: no letter is a digit)
        and any(ch.isdigit() for ch in t.raw)
        and any(ch.isalpha() for ch in t.raw)
    }


def _line_letter(word: str) -> bool:
    """A letter that names a line ("vivo x …"), not a word of the language ("vivo y trabajo")."""
    return len(word) == 1 and word.isascii() and word not in "aeiouy"


# How common a network's one-word name may be to count right after a phone with no cue: "ee" (4.4),
# "visible", "boost"; not "free", "three", "orange" (a colour), "sun".
_COMMON_AFTER_A_PHONE = 4.5


def _own_line_follows(lexicon: Lexicon, toks: list[Token], m: Match) -> bool:
    """Whether the word after a maker's name is a word of that maker's own phones' names ("magic"
    after "honor", the "x" of "vivo x fold 5"), not a model word every maker uses ("pro")."""
    if m.end >= len(toks) or toks[m.end].brk:
        return False
    word = toks[m.end].norm
    if not word.isalpha() or word in MODIFIERS or (len(word) < 3 and not _line_letter(word)):
        return False
    phones = lexicon.device_tokens.get(word)
    return phones is not None and not phones.isdisjoint(lexicon.devices_of([m.payload.id]))


# Words of phones after an everyday word make it an adjective: "with a smart phone", "a smart one".
_PHONE_WORDS = HANDSET_WORDS | {"one", "model"}
# Articles between a word of networks and a network's name.
_ARTICLES = frozenset({"a", "the", "la", "el", "o", "die", "der", "le", "il"})


# English and German articles, before which "usa" is never the verb ("aus den usa", "the usa").
_ARTICLES_OF_PLACES = frozenset({"the", "den", "der", "die", "dem", "aux"})  # "acheté aux usa"


# Words of a phone coming out, beside "usa" the country ("usa launch", "release usa").
_LAUNCH_WORDS = frozenset(
    {"launch", "launched", "launching", "launches", "release", "released", "releasing", "releases", "availability"}
)


def _verb_usa(lexicon: Lexicon, m: Match, toks: list[Token]) -> bool:
    """Spanish, Portuguese and Italian "usa" (uses) written in lower case: "qué bandas usa telcel",
    "el pixel 9 se usa con telcel?". It names the US only after a word of place ("en usa", "from
    usa"), before a phone or a market word ("usa iphone", "usa wala", "usa version"), or after a phone
    at the end ("pixel 9 usa")."""
    word = toks[m.start]
    if m.end - m.start != 1 or word.raw != "usa" or m.payload.kind not in ("country", "origin"):
        return False
    before = toks[m.start - 1].norm if m.start > 0 and not word.brk else None
    after = toks[m.end] if m.end < len(toks) and not toks[m.end].brk else None
    if before in PLACE_CUES or before in ORIGIN_CUES or before in _ARTICLES_OF_PLACES:
        return False  # "in usa", "from usa", "aus den usa", "the usa"
    if after is not None and after.norm in _ARTICLES and not _letter_of_a_model(toks, m.end):
        return True  # "alguém usa o pixel 7a na tim?": someone uses the Pixel 7a
    if after is not None and (
        after.norm in lexicon.device_vocab or after.norm in MARKET_CUES or after.norm in HANDSET_WORDS
    ):
        return False  # "usa iphone", "usa version", "my usa phone"
    if after is not None and after.norm in _AFTER_A_PLACE:
        return False  # Hindi in Latin letters: "usa se mangwaya" (ordered from the US), "usa me"
    if (after is not None and after.norm in _LAUNCH_WORDS) or (after is None and before in _LAUNCH_WORDS):
        return False  # "pixel 10 usa launch", "pixel 9 release usa": where it comes out
    last = after is None and before is not None and (before.isdigit() or (before in MODIFIERS and before != "se"))
    # ("iphone 16e on boost mobile usa": after a network's name, ending the question, its country)
    network_last = after is None and before is not None and before in lexicon.entity_vocab and before not in _SE
    return not (last or network_last)


_SE = frozenset({"se", "si", "lo", "la"})


def _letter_of_a_model(toks: list[Token], i: int) -> bool:
    """ "a55": a letter with a number glued to it."""
    return i + 1 < len(toks) and toks[i + 1].glued and toks[i + 1].norm.isdigit()


def _acceptable(
    m: Match,
    toks: list[Token],
    adjective_ends: set[int],
    place_ends: set[int],
    makers: set[int],
    network_ends: frozenset[int] | set[int] = frozenset(),
    phone_ends: frozenset[int] | set[int] = frozenset(),
    bare_phone_ends: frozenset[int] | set[int] = frozenset(),
) -> bool:
    p = m.payload
    length = m.end - m.start
    if p.kind == "device" and length > 1 and _conjunction(toks, m.end - 1, m.start):
        return False  # "o iphone 16 e o galaxy s24" is no iPhone 16e
    if p.kind == "device" and length > 1 and (_esim(toks, m.end - 1) or _article(toks, m.end - 1)):
        return False  # "iphone 16 e sim only" is an iPhone 16 with an eSIM; "pixel 9 a good phone" a Pixel 9
    if p.kind == "device" and length > 2 and toks[m.end - 1].norm in _ONE_LETTER_TAILS and not toks[m.end - 1].glued:
        return False  # "galaxy s25 u o2" (Czech "at"), "s24 u plusie": "u" is Ultra only glued, "s24u"
    if p.kind == "device" and _letter_of_compound(toks, m.end - 1):
        return False  # "OnePlus 8 T-Mobile" is no OnePlus 8T: the "T" belongs to "T-Mobile"
    if m.end < len(toks) and toks[m.end].raw == "&" and toks[m.end].start == toks[m.end - 1].end:
        return False  # "T-Mobile/AT&T": the "AT" is AT&T's, no "T-Mobile AT" (Austria)
    if length == 1 and m.score < 1.0 and len(toks[m.start].norm) < (6 if p.kind == "carrier" else 5):
        return False  # (a network's name from a word of five letters is too often a word: Turkish "sonra")
    if p.glued_only and not toks[m.start + 1].glued:
        return False
    word = toks[m.start]
    before = toks[m.start - 1] if m.start > 0 and not word.brk else None
    if (
        before is None
        and m.start > 0
        and toks[m.start - 1].norm in _FIELD_LABELS
        and (m.start == 1 or toks[m.start - 1].brk)
    ):
        before = toks[m.start - 1]  # an issue form's "### Carrier" heading, the answer on the next line
    if (
        p.kind == "country"
        and length == 1
        and before is not None
        and before.norm in COUNTRY_BLOCKERS.get(word.norm, ())
    ):
        return False  # "south america", "латинской америки": not the US
    if p.weak:
        if _model_word_after_number(toks, m.start):
            return False
        if (
            p.kind == "carrier"
            and (m.start == 0 or word.brk)
            and m.end < len(toks)
            and not toks[m.end].brk
            and toks[m.end].norm in ("in", "em", "en")
        ):
            return False  # Italian and Portuguese "Vivo in montagna", "Vivo em Lisboa": I live in
        if p.kind == "carrier" and m.start in makers and _model_follows(toks, m.end):
            return False  # "the Vivo X200 FE on Jio": the maker before its model, not the network Vivo
        after = toks[m.end] if m.end < len(toks) and not toks[m.end].brk else None
        if p.kind == "carrier" and after is not None and after.norm in CARRIER_AFTER_CUES:
            return True
        if (
            p.kind == "carrier"
            and after is not None
            and after.norm in ("ki", "ka", "ke")
            and m.end + 1 < len(toks)
            and not toks[m.end + 1].brk
            and toks[m.end + 1].norm in CARRIER_AFTER_CUES
        ):
            return True  # Hindi and Urdu "jazz ki sim", "jio ka network" (of)
        if (
            p.kind == "country"
            and after is not None
            and after.norm == "se"
            and m.end + 1 < len(toks)
            and toks[m.end + 1].norm in _HINDI_AFTER_SE
        ):
            return True  # Hindi "america se laya hu" (brought from America)
        if p.kind == "carrier" and after is not None and after.hyphen and after.norm in TURKISH_ENDINGS:
            return True  # "vodafone'da çalışır mı": a Turkish case ending on the network's name
        if p.kind == "carrier" and after is not None and after.norm in HINDI_IN and _hindi_working(toks, m.end + 1):
            return True  # "poco x7 pro vi me chalega?": Hindi "me" (in, on) and a verb of working
        if p.kind == "carrier" and before is not None and m.start in adjective_ends:
            return True
        if (
            p.kind == "carrier"
            and before is not None
            and before.norm in _NETWORK_BEFORE_NAME
            # (a space only between: "VoLTE (AU)" is Australia's, no network named "au")
            and (before.norm != "volte" or word.start - before.end == 1)
        ):
            return True  # "jaringan XL" (the XL network), "rede Vivo", "sinyal smartfren"
        # "what bands does mint use", "does three still have 3g"; a maker's name is no network here
        # ("does vivo use snapdragon")
        if (
            p.kind == "carrier"
            and before is not None
            and before.norm in ("does", "do", "did")
            and after is not None
            and after.norm in _NETWORK_VERBS
            and m.start not in makers
        ):
            return True
        if (
            p.kind == "carrier"
            and before is not None
            and before.norm in _ARTICLES
            and m.start > 1
            and not before.brk
            and toks[m.start - 2].norm in CARRIER_CUES - {"to", "de", "da", "from"}
            and (after is None or after.norm not in _PHONE_WORDS)
        ):
            return True  # "funciona com a vivo", "con la personal", "on the three network"
        if p.kind == "carrier" and before is not None and before.norm in CARRIER_CUES:
            if before.norm not in ("to", "ke"):
                return True
            two_back = toks[m.start - 2].norm if m.start > 1 else ""
            if two_back in _MOVING or two_back.startswith(("switch", "mov", "port", "chang", "go")):
                return True
            if m.start - 1 in network_ends:
                return True  # "from verizon to visible", "ee to three": one network to another
            if before.norm == "ke" and any(t.norm in _MOVING_ID for t in toks[max(0, m.start - 5) : m.start - 1]):
                return True
        if (
            p.kind == "carrier"
            and before is not None
            and before.norm == "for"
            and (m.end == len(toks) or toks[m.end].brk)
        ):
            return True  # "pixel 8 or pixel 8a for visible?": the network the question ends on
        if p.kind == "country" and before is not None and before.norm in PLACE_CUES:
            return True
        if (
            p.kind == "carrier"
            and m.start in phone_ends
            and m.score == 1.0
            and (m.end == len(toks) or toks[m.end].brk)
            and not word.glued
            and (length > 1 or commonness(word.norm) < _COMMON_AFTER_A_PHONE or m.start in bare_phone_ends)
        ):
            # "iphone 16 pro max ee": the phone, then its network (not "is the pixel 9 free"); a network's
            # everyday name too when the question is the phone and that word alone ("galaxy s24 fe dito")
            return True
        if (
            p.kind == "carrier"
            and before is not None
            and (m.end == len(toks) or toks[m.end].brk)
            and (
                (before.norm in _WORKING_BEFORE_NAME and commonness(word.norm) < _COMMON_AFTER_A_PHONE)
                # (but "the sims … is not visible": no Visible)
                or (before.norm in _TROUBLE_BEFORE_NAME and not is_everyday(word.norm))
            )
        ):
            return True  # "galaxy s24 volte not working vodafone": the trouble, then the network
        if p.kind == "vendor" and _model_follows(toks, m.end):
            return True  # "honor x9b": a maker's everyday name before a model
        if (
            p.kind == "country"
            and m.start in network_ends
            and length == 1
            and word.raw.lower() in _NETWORK_COUNTRY_CODES
        ):
            return True  # "lebara uk", "mint us": the network's country
        if p.kind == "country" and before is not None and before.norm in LIST_WORDS and m.start - 1 in place_ends:
            return True  # "going to japan and korea": listed after a place
        # Written as a name, and not inside a longer name ("Pixel Experience Plus" is no Plus).
        capitalised_before = (
            before is not None and before.raw[:1].isupper() and m.start > 1 and not before.brk  # not "Is Nothing…"
        )
        return m.score == 1.0 and word.raw in p.cased and not capitalised_before
    if p.kind == "carrier" and before is not None and before.norm == "non" and word.hyphen:
        return False  # "a non-Telstra, non-Optus phone outlet"
    if p.kind == "city" and word.raw.isupper() and length == 1 and len(word.raw) <= 3:
        return False  # "update ke ROM terbaru": the phone's software, not Rome ("Rom" in German)
    if (
        p.kind == "city"
        and p.cased
        and (word.raw != p.cased[0].split()[0] or before is None or before.norm not in _PLACE_CUES_ALONE)
    ):
        return False  # "in porto" may be the word, "no Mobile Network" is; "em Porto" is the city
    if p.kind == "city" and (before is None or before.norm not in PLACE_CUES or before.norm == "the"):
        # A city counts only after "in", "from", "to" ("for Christmas" is no Christmas Island; "the
        # rom" is a phone's software, not Rome), so it is never judged as an everyday word.
        return False
    if p.kind == "city" and before is not None and _everyday_place_in_passing(toks, m, before):
        return False
    if p.kind == "carrier" and length == 1 and before is not None and _name_before(before):
        # "Cincinnati Bell" is not Bell Canada; "China CMCC" is China Mobile (a country before it)
        return m.start in place_ends
    if p.kind == "country" and word.norm + toks[m.end - 1].norm == "国内" and KANA.search(word.raw):
        return False  # "国内で使えますか" is asked in Japan: "国内" (at home) there is Japan, not China
    if p.kind == "country" and m.score < 1.0 and (before is None or before.norm not in PLACE_CUES):
        return False
    # a short adjective is too near other words: "thoai" (Vietnamese "phone") is no "thai" typed
    # wrong, where "chinees" is "chinese"
    return not (p.kind == "origin" and m.score < 1.0 and len(word.norm) < 6)


# Headings of issue forms under which the next line names the network.
_FIELD_LABELS = frozenset({"carrier", "operator", "provider", "network", "operadora", "operatore"})
# Words that start a noun phrase after "e" (and) in Portuguese and Italian.
_ARTICLES = frozenset({"o", "a", "os", "as", "um", "uma", "il", "la", "lo", "gli", "le", "un", "una", "meu", "mio"})


def _conjunction(toks: list[Token], i: int, start: int) -> bool:
    """A lower-case "e" typed apart, before an article, a capitalised name or the same line again, is
    Portuguese or Italian "and" ("o Pixel 8 e o Pixel 8 Pro", "iphone 16 e galaxy s24"), not the "e" of
    the iPhone 16e."""
    if toks[i].raw != "e" or toks[i].glued or i + 1 >= len(toks) or toks[i + 1].brk:
        return False
    nxt = toks[i + 1]
    # (or before a word that carries the sentence on: "galaxy a14 e agora", and now)
    return nxt.norm in _ARTICLES or nxt.raw[:1].isupper() or nxt.norm == toks[start].norm or _goes_on(nxt.norm)


# Words that follow the article in "is the pixel 9 a good phone?": the "a" is no model's letter.
_AFTER_ARTICLE = frozenset(
    {
        *("good", "great", "decent", "bad", "better", "best", "nice", "solid", "new", "real", "smart", "cheap"),
        *("budget", "flagship", "phone", "choice", "buy", "option", "upgrade", "bargain", "deal", "problem"),
    }
)


# Everyday words that may follow a phone's name, besides the words of asking and of networks: "pixel
# 8 a or pixel 9?", "pixel 8 a in india", "the pixel 8 a is great".
_AFTER_A_NAME = frozenset(
    {"or", "and", "vs", "versus", "in", "for", "is", "does", "will", "can", "has", "have", "was", "still", "also"}
    | {"too", "now", "here", "there", "owner", "owners", "user", "users", "model", "version", "variant", "worth"}
    | {"y", "o", "e", "ou", "und", "oder", "en", "em", "no", "na", "es", "ist", "est"}
)


def _article(toks: list[Token], i: int) -> bool:
    """The "a" of "pixel 9 a good phone", "pixel 8 a month ago", "um pixel 9 a semana passada", "le
    compré el pixel 8 a mi hermano": written apart before an everyday word that does not follow a
    phone's name, an article or a preposition, not the model's letter."""
    if toks[i].raw != "a" or i + 1 >= len(toks) or toks[i + 1].brk:
        return False  # (a capital "A" apart is more likely the model's: "Pixel 9 A")
    return toks[i + 1].norm in _AFTER_ARTICLE or _goes_on(toks[i + 1].norm)


def _goes_on(word: str) -> bool:
    """Whether a word after a letter typed apart carries the sentence on ("a month ago", "a semana
    passada", "e agora"): an everyday word that does not follow a phone's name."""
    return is_everyday(word) and word not in CUE_WORDS and word not in CARRIER_CUES and word not in _AFTER_A_NAME


_YEAR = re.compile(r"20[12]\d")
_STORAGE = frozenset({"32", "64", "128", "256", "512", "1024"})
_UNITS = frozenset({"gb", "tb", "mb", "mah", "mp", "w", "hz", "mm", "g"})


def _spec_number(toks: list[Token], i: int) -> bool:
    """A number that tells a phone's memory or SIMs, not a model: "12 256", "16gb", "2 sim"."""
    nxt = toks[i + 1] if i + 1 < len(toks) and not toks[i + 1].brk else None
    if nxt is None:
        return False
    if nxt.glued:
        return nxt.norm in _UNITS  # "16gb"; not the "5g" of a name
    return nxt.norm in _STORAGE or nxt.norm in ("gb", "tb", "mah", "sim", "sims")


def _esim(toks: list[Token], i: int) -> bool:
    """The "e" of "e sim" or "e-sim", written apart: an eSIM, not a model's letter."""
    return (
        toks[i].norm == "e"
        and not toks[i].glued
        and i + 1 < len(toks)
        and toks[i + 1].norm in ("sim", "sims")
        and not toks[i + 1].brk
    )


def _starts_a_model(toks: list[Token], i: int) -> bool:
    """A letter with a number glued after it begins the next model ("s23/s24"), not a suffix."""
    return i + 1 < len(toks) and toks[i + 1].glued and toks[i + 1].norm.isdigit()


def _version_after(toks: list[Token], i: int) -> bool:
    """A version joined to a name by a hyphen, as ROM builds are named ("PixelExperience_blueline-13.0-…")."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return (
        toks[i].hyphen
        and nxt is not None
        and nxt.norm.isdigit()
        and not nxt.glued
        and nxt.start == toks[i].end + 1  # one mark between: "13.0"
    )


def _letter_of_compound(toks: list[Token], i: int) -> bool:
    """A single letter written with a hyphen before the next word ("T-Mobile", "e-SIM"), a word of its
    own: the "q" ending "dm1q-signed" (a ROM build's name) ends a codename."""
    return len(toks[i].raw) == 1 and i + 1 < len(toks) and toks[i + 1].hyphen


def _name_before(t: Token) -> bool:
    """A capitalised word that is no everyday word: part of a longer name we do not know. A word for
    "network" is no name's ("Mạng Viettel" is the Viettel network)."""
    return (
        t.raw[:1].isupper()
        and t.norm.isalpha()
        and not is_everyday(t.norm)
        and commonness(t.norm) < _NAME_WORD_ZIPF  # "Family Mobile (Verizon MVNO)": "mobile" is a word of every language
        and not t.raw.isupper()
        and t.norm not in _NETWORK_NOUNS
        and t.norm not in CARRIER_CUES  # "Pakai Telkomsel gak dapet 4G": a sentence's first word, "use"
    )


_NETWORK_NOUNS = frozenset(NETWORK_WORDS)
# The short model words of one letter ("s24u", "p9p"): typed apart they are words of other languages
_ONE_LETTER_TAILS = frozenset(short for shorts in SHORT_TAILS.values() for short in shorts if len(short) == 1)
# Words of trouble or of working that may end a question before the network's name, with no cue
_TROUBLE_BEFORE_NAME = frozenset(TROUBLE_WORDS) | _NETWORK_NOUNS
_WORKING_BEFORE_NAME = frozenset(
    text.fold(w) for w in ("working", "works", "work", "çalışmıyor", "funciona", "chalega")
)
# Words for a network or its signal that stand before the network's name, in languages where the
# noun comes first; English ones ("red", "signal") say too much else.
_NETWORK_BEFORE_NAME = frozenset(
    {"jaringan", "sinyal", "rede", "netz", "reseau", "rete", "mang", "kartu"}
    | {"hat", "ng"}  # German "hat telekom noch 3g?" (has), Tagalog "bands ng smart" (of)
    | {"volte"}  # "VoLTE XL tidak aktif" (XL Axiata's VoLTE)
    | {"lock", "locked"}  # Vietnamese "iphone xr bản lock au" (locked to au), "lock sprint"
)


# Words that say several phones follow ("do our iphone 13s work on visible?"): with them an "s" glued to a
# model number is a plural, not the letter of another model ("OnePlus 13s" is a phone of its own).
_PLURAL_BEFORE = frozenset(
    {"our", "these", "those", "both", "two", "three", "four", "five", "all", "several", "multiple", "many"}
)


def _plural(toks: list[Token], start: int, end: int) -> bool:
    """Whether a word just before the name (past "the", "my", "of") says there are several of it."""
    i = start - 1
    while i >= 0 and not toks[i + 1].brk and toks[i].norm in ("the", "my", "of", "old", "new"):
        i -= 1
    return i >= 0 and not toks[i + 1].brk and toks[i].norm in _PLURAL_BEFORE and toks[end].norm == "s"


# Hindi (in Latin letters) after "se" (from): got, bought, brought, ordered, came, is.
_HINDI_AFTER_SE = frozenset(
    {"liya", "lia", "liye", "laya", "laaya", "layi", "mangaya", "mangwaya", "mangvaya", "aaya", "aya", "ayi"}
    | {"kharida", "kharidi", "hai", "hain", "hu", "hoon", "he"}
)


def pronoun_se(toks: list[Token], i: int) -> bool:
    """ "¿el poco f6 se vende en méxico?": a lower-case "se" before a Spanish, Portuguese or Italian word
    is a pronoun ("se vende", "se puede") or "if" ("se funziona"), not the SE of a model ("mi 9 se on tmo")."""
    if toks[i].raw != "se" or i + 1 >= len(toks) or toks[i + 1].brk or not toks[i + 1].norm.isalpha():
        return False
    if toks[i + 1].raw == "usa":
        return True  # "se usa" (is used): English counts "usa" often, as the country
    if toks[i + 1].norm in _HINDI_AFTER_SE:
        return True  # Hindi "se" (from): "dubai se liya hai" (bought in Dubai), "us se mangaya"
    en, es, pt, _de, _fr, it = frequencies(toks[i + 1].norm)
    return max(es, pt, it) >= 3.0 and max(es, pt, it) > en + 1.0


def _numbered_in_roman(lexicon: Lexicon, toks: list[Token], m: Match) -> bool:
    """Whether names go on from this one with a Roman numeral ("xperia 1" → "xperia 1 vii")."""
    node: Node | None = lexicon.root
    for t in toks[m.start : m.end]:
        node = node.children.get(t.norm) if node is not None else None
    return node is not None and any(len(w) > 1 and ROMAN.fullmatch(w) for w in node.children)


def _letter_model_of_the_line(lexicon: Lexicon, toks: list[Token], m: Match) -> bool:
    """Whether a letter glued to a number follows the name, and names of the line go on with that
    letter ("oneplus nord" + "n40", as the "OnePlus Nord N20 5G" does)."""
    at = m.end
    if at + 1 >= len(toks) or len(toks[at].norm) != 1 or not toks[at + 1].glued or not toks[at + 1].norm.isdigit():
        return False
    node: Node | None = lexicon.root
    for t in toks[m.start : m.end]:
        node = node.children.get(t.norm) if node is not None else None
    return node is not None and toks[at].norm in node.children


def _word_of_the_maker_s_names(lexicon: Lexicon, m: Match, nxt: Token, toks: list[Token]) -> bool:
    """A word the maker's other phones' names hold ("gt" of the POCO F4 GT), right after a name
    that does not go on with it."""
    if m.payload.kind != "device" or not nxt.norm.isalpha() or nxt.norm in ("5g", "4g") or nxt.glued:
        return False
    phones = lexicon.device_tokens.get(nxt.norm)
    if phones is None or len(nxt.norm) < 2:
        return False
    common = commonness(nxt.norm)
    if common >= _NAME_TAIL_ZIPF and (
        common >= _FUNCTION_WORD_ZIPF
        or _names_a_place_or_network(lexicon, nxt.norm)
        or not _name_tail_ends_the_phrase(lexicon, toks, m.end + 1)
    ):
        # an everyday word ("core") ends the name only where the question goes on to a network, a
        # place or a cue ("galaxy a04 core glo", "… core on mtn"); "pixel 8 core features" is a sentence
        return False
    return lexicon.a_name_ends_with(lexicon.knowledge.device(m.payload.id).vendor, nxt.norm)


_PHRASE_CUES = frozenset({"on", "in", "with", "for", "at", "via", "e", "is", "work", "works", "available"})


def _names_a_place_or_network(lexicon: Lexicon, word: str, strong: bool = False) -> bool:
    """Whether a word alone is a network's or a country's name (`strong`: not an everyday word's
    reading of one, and not an adjective)."""
    node = lexicon.root.children.get(word)
    kinds = ("carrier", "country") if strong else ("carrier", "country", "origin")
    return node is not None and any(p.kind in kinds and not (strong and p.weak) for p in node.payloads)


def _name_tail_ends_the_phrase(lexicon: Lexicon, toks: list[Token], at: int) -> bool:
    """The question ends at `at`, or goes on there with a cue or the name of a network or a place."""
    if at >= len(toks) or toks[at].brk or toks[at].norm in _PHRASE_CUES:
        return True
    return _names_a_place_or_network(lexicon, toks[at].norm)


# Words that make a special edition of a phone another model ("Mate 50 RS", "Magic V2 RSR", "90 GT",
# "Porsche Design", "Redmi 9A Sport"), whether or not a name we know ends in one.
_EDITION_WORDS = frozenset({"gt", "rs", "rsr", "porsche", "racing", "gaming", "sport"})
# A word as common as this is a word of the sentence after a name, not a model's ("china", "one").
_NAME_TAIL_ZIPF = 4.0
# ... and one as common as this ("on", "in", "with") is never the end of a name, wherever it stands
# (nor worth looking for among a maker's thousands of names).
_FUNCTION_WORD_ZIPF = 5.5


def incomplete(lexicon: Lexicon, m: Match, toks: list[Token]) -> bool:
    """The name is followed by a word that makes it another model ("pixel 8" + "a"), or by a word one
    edit from one that would ("meizu m1 mental")."""
    if m.end >= len(toks):
        return False
    if m.extendable:
        return True
    nxt = toks[m.end]
    if nxt.brk:
        return False
    if nxt.glued and nxt.norm.isascii() and nxt.norm.isalpha():
        return not (nxt.norm == "s" and _plural(toks, m.start, m.end))
    if len(nxt.norm) > 1 and ROMAN.fullmatch(nxt.norm) and _numbered_in_roman(lexicon, toks, m):
        return True  # "xperia 1 viii": another generation than the one named (not "edge 60 fusion vi", Vi)
    if _letter_model_of_the_line(lexicon, toks, m):
        return True  # "oneplus nord n40": a Nord N we do not know, not the Nord and the band n40
    # "Redmi 959" is not the phone named "Xiaomi Redmi": a number after a name ending in a word;
    # but "pro 12 256", "16gb", "2 sim" tell the memory or the SIMs of the phone named, and
    # "blueline-13.0" the version of a ROM built for it.
    if (
        nxt.norm.isdigit()
        and toks[m.end - 1].norm.isalpha()
        and not _spec_number(toks, m.end)
        and not _version_after(toks, m.end)
        and not _YEAR.fullmatch(nxt.norm)  # "pixel 6a 2022": the year it came out (a name with a year is longer)
    ):
        return True
    if nxt.norm in MODIFIERS and not pronoun_se(toks, m.end):
        return True
    if _YEAR.fullmatch(nxt.norm) and m.payload.kind == "device":
        # "redmi note 8 2021" is another phone than the Redmi Note 8 of 2019 ("pixel 6a 2022", the
        # year it came out, is the phone named)
        released = lexicon.knowledge.device(m.payload.id).released
        return released is not None and not released.startswith(nxt.norm)
    if _word_of_the_maker_s_names(lexicon, m, nxt, toks) or (m.payload.kind == "device" and nxt.norm in _EDITION_WORDS):
        return True  # "poco f3 gt", "mate 50 rs", "honor magic v2 rsr": a model we do not know
    # "xiaomi 14 t" is the 14T; but "a" and "i" are words ("is the pixel 9 a good phone"), and the
    # "T" of "T-Mobile" is the carrier's.
    if (
        len(nxt.norm) == 1
        and nxt.norm in _LETTER_MODELS
        and toks[m.end - 1].norm.isdigit()
        and not _letter_of_compound(toks, m.end)
        and not _conjunction(toks, m.end, m.start)
        and not _starts_a_model(toks, m.end)
        and not _esim(toks, m.end)
    ):
        return True
    has_nr = lexicon.device_has_nr.get(m.payload.id, False)
    return (nxt.norm == "5g" and not has_nr) or (nxt.norm == "4g" and has_nr)
