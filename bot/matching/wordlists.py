"""wordfreq's "small" word lists, read straight from the files the package ships.

Importing `wordfreq` imports its tokenizers too (ftfy, langcodes, regex, wcwidth): 0.4 s, most of a
`devicebot ask`, for lists that are a gzipped msgpack file each. Read here as wordfreq reads them
(`read_cBpack`, `get_frequency_dict`, `top_n_list`), they give the same words and the same
frequencies; `tests/test_wordlists.py` holds the two side by side.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path

_MULTI_DIGIT = re.compile(r"\d[\d.,]+")  # wordfreq's `has_digit_sequence`: numbers are not listed


def _data_dir() -> Path:
    # Found without importing the package (which is what costs).
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise LookupError("the wordfreq package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


# Each language's bands once read whole (`bands`), which `top_n_list` then reads instead of the file.
_read: dict[str, list[list[str]]] = {}


def bands(lang: str) -> list[list[str]]:
    """The words of a language by frequency band: band i holds the words of 10^(-i/100)."""
    found = _read.get(lang)
    if found is None:
        found = _read[lang] = list(_first_bands(lang))
    return found


def _first_bands(lang: str) -> Iterator[list[str]]:
    """The language's bands in order, unpacked one at a time as they are asked for."""
    import msgpack  # only where a list is read: a reader that loaded an index reads none

    with gzip.open(_data_dir() / f"small_{lang}.msgpack.gz", "rb") as file:
        unpacker = msgpack.Unpacker(file, raw=False)
        count = unpacker.read_array_header()
        header = unpacker.unpack() if count else None
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"unexpected wordfreq header {header!r}")
        for _ in range(count - 1):
            band: list[str] = unpacker.unpack()
            yield band


def frequency_dict(lang: str) -> dict[str, float]:
    """Each word of the language's list with its frequency (a proportion of running text)."""
    table: dict[str, float] = {}
    for band, words in enumerate(bands(lang)):
        table.update(dict.fromkeys(words, 10 ** (-band / 100)))  # a C loop per band: a fifth of the time
    return table


def top_n_list(lang: str, n: int) -> list[str]:
    """The language's `n` most frequent words, numbers left out. Read band by band from the start of
    the file, as far as the `n`th word: the whole list is ~30 times as much to unpack, and `ask` needs
    only the first few hundred words of seven languages (everyday.guess_language). A build has read
    most of the lists whole already (`bands`): those are read from there."""
    out: list[str] = []
    for words in _read.get(lang) or _first_bands(lang):
        for word in words:
            if not _MULTI_DIGIT.match(word):
                out.append(word)
                if len(out) >= n:
                    return out
    return out
