"""Model numbers in a question, in any spacing and case: "SM-S921U", "sm s921u", "sms921u1",
"SM-S928B/DS", "23127PN0CG"."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .. import text
from .lexicon import Lexicon
from .tables import Strings

_MODEL_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9./_-]*")
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")
_DIGIT = re.compile(r"\d")
# Looks like a model number: letters and at least two digits, five characters or more ("s921u",
# "a2849"), not a phone name ("iphone16") or a plain word.
MODEL_SHAPE = re.compile(r"^(?=.*[a-z])(?=.*\d.*\d)[a-z0-9]{5,}$")
# What a model number looks like as people copy it from a box or a settings screen: at least three
# digits among letters ("SM-S921U", "23127PN0CG", "A3081", "XT2301-4", "smn981b"); a name such as
# "iphone16", "s24ultra" or "pixel8a" has fewer digits or a run of letters too long for a model.
_TYPED_MODEL = re.compile(
    r"(?<![\w-])(?=[A-Za-z0-9-]*[A-Za-z])(?=(?:[A-Za-z-]*\d){3})[A-Za-z0-9][A-Za-z0-9-]{3,}[A-Za-z0-9](?:/[A-Za-z]{1,3})?"
    r"(?![\w-])"
)
_LONG_LETTERS = re.compile(r"[a-z]{5,}")
# Numbers with a unit, ordinals, years and band names are no model numbers ("128gb", "5000mah",
# "1080p", "2024s", "b71", "n258").
_NOT_A_MODEL = re.compile(r"^(?:\d+(?:gb|tb|mb|mah|hz|mhz|ghz|mp|px|p|w|k|fps|nits|mm|th|st|nd|rd|s|x)|[bn]\d+)$")
# What follows a model number on boxes and in settings without making it another model: the dual-SIM
# mark ("/DS", "DS"), Samsung's unlocked "1" ("SM-S921U1"), a region letter ("N" for Korea).
_SUFFIXES = ("ds", "dsn", "1", "n", "u1", "b")


# A Samsung model number after its "SM-": a series letter, three digits, a market letter ("g991b").
_SAMSUNG_TAIL = re.compile(r"^[a-z]\d{3}[a-z][a-z0-9]*$")


@dataclass(frozen=True)
class ModelMention:
    start: int  # character span in the question
    end: int
    device: str
    variant: str | None  # None when a prefix names only the device


def find(lexicon: Lexicon, question: str) -> list[ModelMention]:
    """The model numbers of known variants in the question (two words may be one number: "SM S921U")."""
    words = [(m.group(0), m.start(), m.end()) for m in _MODEL_WORD.finditer(question)]
    # Every model number has a digit: only windows of words next to a word with one are looked at.
    with_digit = [i for i, (w, _s, _e) in enumerate(words) if _DIGIT.search(w)]
    found: list[ModelMention] = []
    for n in (2, 1):
        starts = sorted({i for d in with_digit for i in range(d - n + 1, d + 1) if 0 <= i <= len(words) - n})
        for i in starts:
            if n > 1 and not _split_model(question, words[i : i + n]):
                continue
            start, end = words[i][1], words[i + n - 1][2]
            if any(f.start < end and start < f.end for f in found):
                continue
            c = _NOT_ALNUM.sub("", "".join(w for w, _s, _e in words[i : i + n])).lower()
            if c.isdigit() and len(c) < text.MIN_DIGIT_MODEL:
                continue
            hit = _lookup(lexicon, c, prefix=n == 1)
            if hit is not None:
                found.append(ModelMention(start, end, *hit))
    return found


def _split_model(question: str, words: list[tuple[str, int, int]]) -> bool:
    """Words that are one model number typed apart ("SM S921U", "XT 1563"): one space or hyphen
    apart, and any word without a digit a short prefix ("Desire 526" is a name, not a model)."""
    if any(len(w) > 3 and not _DIGIT.search(w) for w, _s, _e in words):
        return False
    return all(question[a[2] : b[1]] in (" ", "-", " - ") for a, b in pairwise(words))


def _lookup(lexicon: Lexicon, c: str, prefix: bool = True) -> tuple[str, str | None] | None:
    hit = lexicon.models.get(c)
    if hit:
        return hit
    # Samsung's numbers are typed without their "SM-" as often as with it ("n960u", "g991b").
    if _SAMSUNG_TAIL.match(c):
        samsung = _lookup(lexicon, "sm" + c, prefix=False)
        if samsung:
            return samsung
    if len(c) < 6 or not MODEL_SHAPE.match(c):
        return None
    # A known model with a mark after it ("sms921u1" for SM-S921U, "sms928bds" for SM-S928B).
    for suffix in _SUFFIXES:
        if c.endswith(suffix) and len(c) - len(suffix) >= 5:
            hit = lexicon.models.get(c[: -len(suffix)])
            if hit:
                return hit
    if not prefix:
        return None
    # The start of known model numbers, all of one phone ("23127pn0" of 23127PN0CG and 23127PN0CC).
    owner = _one_owner(lexicon, c)
    return (owner, None) if owner is not None else None


def market_sibling(lexicon: Lexicon, typed: str) -> str | None:
    """The phone a typed model number we do not know is a market's sibling of, if one."""
    return _market_sibling(lexicon, text.compact(typed))


# A market's letters at the end of a model number, with the digit of its unlocked kind ("U1").
_MARKET_END = re.compile(r"[a-z]{1,2}\d?$")


def _market_sibling(lexicon: Lexicon, c: str) -> str | None:
    """The phone of a number that is a known one with another market's letter ("SM-G981W" when SM-G981B
    and SM-G981U are known, "23127PN0CI" beside 23127PN0CG, "SM-A526U1" beside SM-A526B): offered,
    not answered, since that market's bands are not known."""
    stem = _MARKET_END.sub("", c) if c[-1:].isdigit() else c.rstrip("abcdefghijklmnopqrstuvwxyz")
    if len(c) - len(stem) not in (1, 2) or len(stem) < 5 or len(_DIGIT.findall(stem)) < 3:
        return None
    return _one_owner(lexicon, stem)


def _one_owner(lexicon: Lexicon, start: str) -> str | None:
    """The one phone whose known model numbers begin with `start`, if only one has such numbers."""
    numbers = lexicon.model_list
    lo = _bisect(numbers, start)
    owners = set()
    for model in _from(numbers, lo, lo + 50):
        if not model.startswith(start):
            break
        owners.add(lexicon.models[model][0])
    return owners.pop() if len(owners) == 1 else None


def unknown_model(lexicon: Lexicon, question: str) -> str | None:
    """A model number as typed that no variant lists ("SM-S921U" when only the S921B is known)."""
    for found in _TYPED_MODEL.finditer(question):
        typed = found.group(0)
        c = text.compact(typed)
        # (_TYPED_MODEL already asks for three digits.)
        if _LONG_LETTERS.search(c) or _NOT_A_MODEL.match(c) or (typed.islower() and not MODEL_SHAPE.match(c)):
            continue
        if _lookup(lexicon, c) is None:
            return typed
    return None


def near_models(lexicon: Lexicon, question: str) -> list[str]:
    """Devices whose model numbers are close to one typed (for "did you mean")."""
    out: list[str] = []
    for word in re.findall(r"[A-Za-z0-9][A-Za-z0-9-]{4,}", question):
        c = text.compact(word)
        if not MODEL_SHAPE.match(c) or c in lexicon.models:
            continue
        sibling = _market_sibling(lexicon, c)
        if sibling is not None:
            out.append(sibling)  # the one phone, not three that look alike
            continue
        numbers = lexicon.model_list
        lo = _bisect(numbers, c[:3])
        pool: list[str] = []
        for model in _from(numbers, lo, len(numbers)):
            if not model.startswith(c[:3]) or len(pool) >= 500:
                break
            pool.append(model)
        from rapidfuzz import fuzz, process  # imported by the first fuzzy search, not by every ask

        for model, _score, _i in process.extract(c, pool, scorer=fuzz.ratio, limit=3, score_cutoff=75):
            out.append(lexicon.models[model][0])
    return out


def _bisect(numbers: Sequence[str], item: str) -> int:
    """Where `item` would go in the sorted model numbers (a string table's own loop when it is one)."""
    return numbers.bisect_left(item) if isinstance(numbers, Strings) else bisect.bisect_left(numbers, item)


def _from(numbers: Sequence[str], lo: int, hi: int) -> Iterator[str]:
    """The model numbers from `lo` on, read one at a time: a slice of a string table is a list of
    all of them (a quarter of a million at 100,000 phones) when a walk reads a few."""
    return (numbers[i] for i in range(lo, min(hi, len(numbers))))
