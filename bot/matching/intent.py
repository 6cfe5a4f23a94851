"""What a question asks, from its words and its structure.

- words of bands, frequencies or specs: `bands`;
- words of buying or sale ("sold", "se vende", "erhältlich", "milega"): `availability`, unless a
  carrier is named (then it is about the carrier: `compatibility`);
- words of working or using ("work", "funciona", "bisa dipakai", "chalega"): `compatibility`;
- words of something the bot does not answer (rooting, price, bootloader): `other`;
- none of these: a phone (or maker) with a carrier or a place of use is `compatibility`; a phone
  alone is `unknown`; a post that names no phone, maker, carrier or place and asks something is `other`.
"""

from __future__ import annotations

from .. import text
from .cues import INTENT_WORDS as _WRITTEN
from .tokens import Token

# Questions are folded before they are read ("lançado" is "lancado"), so the cue words are too.
INTENT_WORDS = {name: tuple(text.fold(w) for w in words) for name, words in _WRITTEN.items()}

_WHOLE = {
    name: frozenset(w for w in words if " " not in w and not w.endswith("-")) for name, words in INTENT_WORDS.items()
}
_PHRASES = {name: tuple(w for w in words if " " in w) for name, words in INTENT_WORDS.items()}
_STEMS = {name: tuple(w.rstrip("-") for w in words if w.endswith("-")) for name, words in INTENT_WORDS.items()}
CUE_WORDS = frozenset().union(*_WHOLE.values())


_NOWHERE = 1 << 30


def _first(name: str, norms: list[str], joined: str, question: str) -> int:
    """Where the question first says it (a token position, or a rough one for phrases), or _NOWHERE."""
    for i, w in enumerate(norms):
        if w in _WHOLE[name] or any(w.startswith(stem) for stem in _STEMS[name]):
            return i
    for p in _PHRASES[name]:
        at = joined.find(f" {p} ")
        if at >= 0:
            return joined.count(" ", 0, at)
    if any(w in question for w in INTENT_WORDS[name] if not w.isascii()):
        return len(norms)
    return _NOWHERE


def classify(
    toks: list[Token],
    question: str,
    *,
    has_phone: bool,
    has_carrier: bool,
    has_place: bool,
    asks: bool,
) -> tuple[str, bool]:
    """The intent, and whether the question's words said it (rather than its structure)."""
    norms = [t.norm for t in toks]
    joined = f" {' '.join(norms)} "

    at = {name: _first(name, norms, joined, question) for name in INTENT_WORDS}
    if at["bands"] < _NOWHERE:
        return "bands", True
    sale, use = at["availability"], at["compatibility"]
    # Both asked ("will it work in the US? is it sold there?"): the first asked leads; a carrier
    # named makes it about the carrier ("available on Verizon").
    if sale < _NOWHERE and sale < use and not has_carrier:
        return "availability", True
    if min(sale, use) < _NOWHERE:
        return "compatibility", True
    if at["other"] < _NOWHERE:
        return "other", True
    if has_phone and (has_carrier or has_place):
        return "compatibility", False
    if has_phone:
        return "unknown", False
    if has_carrier or has_place:
        return ("compatibility" if asks else "unknown"), False
    return ("other" if asks else "unknown"), False
