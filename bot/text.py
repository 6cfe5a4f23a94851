"""Text normalisation shared by validation (alias collisions) and matching."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# "5g"/"4g" stay one token: splitting them would make "5" look like a model number.
# A model number of digits only, shorter than this, reads like a year or a count ("2018"); such
# numbers are refused by validation and never looked up in questions.
MIN_DIGIT_MODEL = 6

_GENERATION = re.compile(r"^[2-5]g$")
_SPLIT_ALNUM = re.compile(r"[a-z]+|[0-9]+")
# Chinese, Japanese and Korean are written without spaces: each character is a token of its own, so
# "小米14在中国" holds the names "小米", "14" and "中国" as token sequences.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
# Latin letters that folding leaves as they are ("ı", "ß", "æ") are letters of the word they stand in:
# Turkish "satılıyor" is one word, not "sat", "ı", "l", "ı", "yor".
_LATIN = "a-z\u00df-\u00f6\u00f8-\u024f\u1ef9"
_SPLIT_MIXED = re.compile(rf"[{_LATIN}]+|[0-9]+|[{_CJK}]|[^0-9{_LATIN}{_CJK}]+")


def _mark_ranges() -> str:
    """The combining marks of the scripts questions come in, as a character class's ranges."""
    marks = [cp for cp in range(0x0300, 0x1E00) if unicodedata.category(chr(cp)).startswith("M")]
    ranges: list[tuple[int, int]] = []
    for cp in marks:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


# A word goes on across the vowel signs and other marks written inside it (Devanagari "एंड्रॉयड",
# Thai, Arabic vowels): they are no letters to Python's "\w", and a word cut at each of them falls
# into letters that spell other names ("ए ड र" is also Andorra's "अंडोरा").
WORD_PATTERN = rf"[^\W_](?:[^\W_]|[{_mark_ranges()}])*"
_WORD = re.compile(WORD_PATTERN)
_NOT_ASCII_ALNUM = re.compile(r"[^a-z0-9]+")
_ASCII_TOKEN = re.compile(r"(?<![a-z0-9])[2-5]g(?![a-z0-9])|[a-z]+|[0-9]+")


def fold(text: str) -> str:
    """Lowercase, NFKC, accents stripped ("Telefónica" -> "telefonica")."""
    if text.isascii():
        # ASCII is its own NFKC and NFD form and has no accents; its casefold is its lower case.
        # Most names and questions are ASCII, and folding is most of building the index.
        return text.lower()
    text = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_STROKED)
    if "ỹ" in text:
        # Only Vietnamese writes "ỹ", and its "Mỹ" (America) stripped would be the English "my".
        stripped = _keep_y_tilde(decomposed).translate(_STROKED)
    # Korean syllables came apart into their letters (jamo) above: put them back together, as names are
    # tokenized ("아이폰", "한국": a syllable a token, like Chinese characters).
    return unicodedata.normalize("NFC", stripped)


def _keep_y_tilde(decomposed: str) -> str:
    kept = []
    for i, ch in enumerate(decomposed):
        if not unicodedata.combining(ch) or (ch == "\u0303" and i and decomposed[i - 1] == "y"):
            kept.append(ch)
    return "".join(kept)


# Letters with a stroke have no decomposition to strip: Vietnamese "điện thoại", Polish "Łódź".
# (Turkish "ı" stays: folded to "i", "mı" would read as Spanish "mi".)
_STROKED = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ħ": "h", "ŧ": "t"})


def raw_words(text: str) -> list[tuple[str, int, int]]:
    """Words of the text with their character spans, before any splitting."""
    text = unicodedata.normalize("NFKC", text)
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


def split_word(word: str) -> list[str]:
    """Split a folded word at letter/digit boundaries: "s24ultra" -> ["s", "24", "ultra"]."""
    if _GENERATION.match(word):
        return [word]
    parts = _SPLIT_ALNUM.findall(word)
    if "".join(parts) == word:
        return parts
    # Other scripts: CJK characters one by one, runs of any other script (Cyrillic, Devanagari) whole.
    return _SPLIT_MIXED.findall(word)


def tokens(text: str) -> list[str]:
    """Normalised tokens of a name or alias: how two spellings are compared."""
    return list(_tokens(text))


@lru_cache(maxsize=1 << 18)
def _tokens(text: str) -> tuple[str, ...]:
    # Names are tokenized several times while the index is built: once is enough. Room for every
    # name, alias and derived name of 100,000 phones (a smaller cache thrashes and the build of
    # the index takes 40 % longer), at ~40 MB when full.
    folded = fold(text).replace("&", " and ").replace("+", " plus ")
    if folded.isascii():
        # One regular expression does what the loop below does to ASCII (words of letters and digits,
        # split at letter/digit boundaries, a lone "5g" kept whole), several times faster.
        return tuple(_ASCII_TOKEN.findall(folded))
    out: list[str] = []
    for word, _start, _end in raw_words(folded):
        out.extend(split_word(word))
    return tuple(out)


def key(text: str) -> str:
    """One comparable string for a name: "Galaxy S24+" and "galaxy s 24 plus" give the same key."""
    return " ".join(tokens(text))


# `_ASCII_TOKEN`, or a line's end: the tokens of many ASCII names at once, one name a line.
_ASCII_TOKEN_OR_END = re.compile(_ASCII_TOKEN.pattern + r"|\n")


def keys(names: list[str]) -> list[str]:
    """`key` of each name. The ASCII names (most) are tokenized together, as one text of a name a line,
    by one regular expression over the whole (100,000 phones' names: 0.12 s, against 0.21 s for a call
    per name). A line's end splits tokens as a name's own ends do, and every step before the expression
    (`fold` is `lower` for ASCII, "&" and "+" spelled out) does to the whole what it does to each line.
    Tokenized this way, the names are not kept in `tokens`' cache (40 MB at 100,000 phones)."""
    if not names:
        return []
    joined = "\n".join(names)
    # (Every name ASCII and of one line, the most common case, told by two passes in C over the whole.)
    if not joined.isascii() or joined.count("\n") != len(names) - 1:
        plain = [n for n, name in enumerate(names) if name.isascii() and "\n" not in name]
        out = [name if name.isascii() and "\n" not in name else key(name) for name in names]
        for n, found in zip(plain, keys([names[n] for n in plain]), strict=True):
            out[n] = found
        return out
    folded = joined.lower().replace("&", " and ").replace("+", " plus ")
    # (The spaces joining put beside each line's end taken out of the whole, not off each line.)
    spaced = " ".join(_ASCII_TOKEN_OR_END.findall(folded))
    return spaced.replace(" \n", "\n").replace("\n ", "\n").split("\n")


_NOT_ASCII_ALNUM_OR_END = re.compile(r"[^a-z0-9\n]+")


def compacts(values: list[str]) -> list[str]:
    """`compact` of each value: the ASCII values (most model numbers) all at once, one a line."""
    joined = "\n".join(values)
    if values and joined.isascii() and joined.count("\n") == len(values) - 1:
        return _NOT_ASCII_ALNUM_OR_END.sub("", joined.lower()).split("\n")
    return list(map(compact, values))


def compact(text: str) -> str:
    """Model-number form: letters and digits only, lowercase ("SM-S921U" -> "sms921u")."""
    if text.isascii():
        if text.isalnum():  # most model numbers ("SM921U"): nothing to take out
            return text.lower()
        return _NOT_ASCII_ALNUM.sub("", text.lower())  # the same as below, without a loop per character
    return "".join(ch for ch in fold(text) if ch.isalnum())
