"""Phones named by their board's codename where a codename is written.

A device's `codenames` (schema.json) are the ones its aliases cannot hold: an everyday word ("coral",
"husky", "sweet") or a codename several phones of one board share ("alioth": Redmi K40, POCO F3,
Mi 11X). So they are read only where people who run custom ROMs write a codename: inside a ROM
build's file name ("PixelExperience_Plus_coral-13.0-…", "lineage-21.0-…-nightly-alioth-signed"),
after a "Device:" or "codename" field, or, when the word is in no word list, typed in lower case as
codenames are ("alioth on jio, volte?"); in a post that names a phone by a codename already, any
codename typed so ("husky vs shiba... husky is mine"). A codename of several phones names each of
them, so the question is asked back between them.
"""

from __future__ import annotations

from .devices import named_by_codename
from .everyday import commonness
from .lexicon import Lexicon, Payload
from .mentions import Match
from .tokens import Token

_FIELDS = frozenset({"device", "codename", "codenames"})
# Below this a word is in no word list (Zipf scale): "alioth", "miatoll" (but "cloud", "munch", "husky"
# are words).
_NO_WORD = 2.0
# The characters around a codename inside a build's file name: "_coral-", "-alioth-", "-coral.img"
_FILE_BEFORE = frozenset("_-")
_FILE_AFTER = frozenset("_-.")


def find(lexicon: Lexicon, toks: list[Token], question: str, matches: list[Match]) -> list[Match]:
    """Each phone a codename written in the question names, at the codename's token. Where the post
    names a phone by a codename already (among `matches`, or written so here: "husky vs shiba... husky
    is mine"), a codename typed alone in lower case is one there, word or not."""
    named = lexicon.codenames
    at = [i for i, t in enumerate(toks) if t.norm in named] if named else []
    if not at:
        return []  # (most questions: nothing more to weigh)
    written = [i for i in at if _written_as_codename(toks, i, question)]
    talk = bool(written) or any(m.payload.kind == "device" and named_by_codename(lexicon, m, toks) for m in matches)
    if talk:
        # (not a colour after "in": "my shiba in coral")
        written = [i for i in at if i in written or (_typed_as_codename(toks[i]) and not _a_colour(toks, i))]
    return [Match(Payload("device", device), i, i + 1, 1.0) for i in written for device in named[toks[i].norm]]


def _a_colour(toks: list[Token], i: int) -> bool:
    return i > 0 and not toks[i].brk and toks[i - 1].norm in ("in", "en", "em", "color", "colour", "cor")


def _typed_as_codename(t: Token) -> bool:
    return t.raw.islower() and t.norm.isalpha() and not t.glued and not t.hyphen


def _written_as_codename(toks: list[Token], i: int, question: str) -> bool:
    t = toks[i]
    before, after = question[t.start - 1 : t.start], question[t.end : t.end + 1]
    if t.start > 1 and before in _FILE_BEFORE and after and after in _FILE_AFTER:
        return not question[t.start - 2].isspace()  # "PixelExperience_Plus_coral-13.0", not "- coral-"
    if i > 0 and toks[i - 1].norm in _FIELDS:
        between = question[toks[i - 1].end : t.start]
        # "Device: munch", "### Device\n\nmunch", "codename alioth" (not "the device coral")
        return ":" in between or "\n" in between or toks[i - 1].norm != "device"
    return t.raw.islower() and t.norm.isalpha() and commonness(t.norm) < _NO_WORD
