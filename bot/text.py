"""Text normalisation shared by validation (alias collisions) and matching."""

from __future__ import annotations

import re
import unicodedata

# "5g"/"4g" stay one token: splitting them would make "5" look like a model number.
# A model number of digits only, shorter than this, reads like a year or a count ("2018"); such
# numbers are refused by validation and never looked up in questions.
MIN_DIGIT_MODEL = 6

_GENERATION = re.compile(r"^[2-5]g$")
_SPLIT_ALNUM = re.compile(r"[a-z]+|[0-9]+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fold(text: str) -> str:
    """Lowercase, NFKC, accents stripped ("Telefónica" -> "telefonica")."""
    text = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def raw_words(text: str) -> list[tuple[str, int, int]]:
    """Words of the text with their character spans, before any splitting."""
    text = unicodedata.normalize("NFKC", text)
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


def split_word(word: str) -> list[str]:
    """Split a folded word at letter/digit boundaries: "s24ultra" -> ["s", "24", "ultra"]."""
    if _GENERATION.match(word):
        return [word]
    parts = _SPLIT_ALNUM.findall(word)
    # Anything that is neither ASCII letters nor digits (other scripts) stays whole.
    return parts if "".join(parts) == word else [word]


def tokens(text: str) -> list[str]:
    """Normalised tokens of a name or alias: how two spellings are compared."""
    folded = fold(text).replace("&", " and ").replace("+", " plus ")
    out: list[str] = []
    for word, _start, _end in raw_words(folded):
        out.extend(split_word(word))
    return out


def key(text: str) -> str:
    """One comparable string for a name: "Galaxy S24+" and "galaxy s 24 plus" give the same key."""
    return " ".join(tokens(text))


def compact(text: str) -> str:
    """Model-number form: letters and digits only, lowercase ("SM-S921U" -> "sms921u")."""
    return "".join(ch for ch in fold(text) if ch.isalnum())
