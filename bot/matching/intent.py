"""What a question asks, from its words and its structure.

- words of bands, frequencies or specs: `bands`;
- words of buying or sale ("sold", "se vende", "erhältlich", "milega"): `availability`, unless a
  carrier is named (then it is about the carrier: `compatibility`);
- words of working or using ("work", "funciona", "bisa dipakai", "chalega"): `compatibility`;
- words of something the bot does not answer (rooting, price, bootloader): `other`;
- none of these: a phone (or maker) with a carrier or a place of use is `compatibility`; a phone
  alone is `unknown`, a phone with other words ("is the pixel 8 good?") or a post that names no
  phone and asks something ("best carrier in canada?") is `other`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import text
from .cues import INTENT_WORDS as _WRITTEN
from .cues import NETWORK_WORDS, SOFTWARE_WORDS, TROUBLE_WORDS, made_for_market
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
_APP_STORES = frozenset({"play", "app", "apple", "galaxy", "huawei", "appgallery"})
# Words of buying that, beside words of working, are part of the story rather than the question.
_WEAK_SALE = frozenset({"buy", "buying", "comprar", "compro", "beli", "kaufen", "get"})
# Words of sale that, after a radio word, say what a network offers ("5G not available", "5G no
# disponible", "LTE gibt es nur auf 1800 MHz").
_OF_A_FEATURE = ("availab", "disponib", "gibt")
# A band named as people write them: "n77", "B71", "b3".
_BAND = re.compile(r"^[bBnN]-?\d{1,3}$")


class _Words:
    """Cue words of one kind: Latin ones are matched as whole words, CJK ones anywhere in the text
    (CJK is not split into words)."""

    def __init__(self, words: tuple[str, ...]) -> None:
        self.latin = frozenset(w for w in words if w.isascii())
        self.cjk = tuple(w for w in words if not w.isascii())

    def said(self, norms: list[str], question: str) -> bool:
        if any(w in self.latin for w in norms):
            return True
        if not self.cjk:
            return False
        lowered = question.casefold()  # ("Нет VoLTE на МТС": Cyrillic is written with capitals too)
        return any(w in lowered for w in self.cjk)


_SOFTWARE = _Words(SOFTWARE_WORDS)
_NETWORK = _Words(NETWORK_WORDS)
_TROUBLE = _Words(TROUBLE_WORDS)
# "没有5G" reads as "没 有 5 g": the radio words are found in the text itself, between non-letters.
_RADIO = re.compile(r"(?<![a-z0-9])(?:[2345]g|lte|volte|vowifi|ims|sim)(?![a-z0-9])")
# "can't", "doesn't": the tokenizer splits them into "can" + "t".
_NEGATED = frozenset({"can", "don", "doesn", "didn", "isn", "won", "aren", "wasn", "couldn", "wouldn", "hasn", "haven"})
# Words of the "other" kind that, in a post telling of trouble on a network, are part of the story
# ("no 5G since the update", "after flashing a custom ROM") rather than the question.
_STORY = frozenset(
    text.fold(w)
    for w in (
        *("update", "updates", "crash", "bug", "firmware", "flashing", "flashed", "root", "rooted"),
        *("flash", "magisk", "module", "rom"),  # "VoLTE on Vodafone fails after a clean flash"
    )
)


def _about_software(norms: list[str], question: str) -> bool:
    return _SOFTWARE.said(norms, question)


def _about_network(norms: list[str], question: str) -> bool:
    """Whether the words are about what the phone gets from a network ("5G", "信号", "calls")."""
    return _NETWORK.said(norms, question) or _RADIO.search(question.casefold()) is not None


def _network_trouble(norms: list[str], question: str) -> bool:
    """Whether the words tell of trouble getting service ("no signal", "5G无法开启", "nhi work")."""
    if not _about_network(norms, question):
        return False
    negated = any(w == "t" and i and norms[i - 1] in _NEGATED for i, w in enumerate(norms))
    return negated or _TROUBLE.said(norms, question)


def _radio_before(toks: list[Token], at: int, named_at: frozenset[int]) -> bool:
    """Whether a radio or network word comes just before position `at` ("5G not available",
    "VoLTE option isn't available"), not one of a name's ("is the redmi note 14 pro 5g available")."""
    return any(t.norm in _NETWORK.latin and t.start not in named_at for t in toks[max(0, at - 4) : at])


_LEGACY = frozenset({"2g", "3g", "gsm", "umts", "cdma", "hspa", "edge"})
_ENDING = frozenset(
    {
        "still",
        "shut",
        "shutdown",
        "shutting",
        "sunset",
        "sunsetting",
        "switch",
        "switched",
        "switching",
        "phase",
        "gone",
    }
    | {"phased", "decommission", "decommissioned", "close", "closed", "closing", "end", "ended", "ending", "off"}
)


def _legacy_asked(norms: list[str]) -> bool:
    """Whether the words ask about an old network's end ("does verizon still have 3g?", "when did att
    shut down 3g"): the network's note says."""
    return any(w in _LEGACY for w in norms) and any(w in _ENDING for w in norms)


_HAS = frozenset({"have", "has", "support", "supports", "use", "uses", "offer", "offers", "run", "runs"})
_RADIO_WORDS = frozenset({"2g", "3g", "4g", "5g", "lte", "volte", "vonr", "nr", "sa", "band", "bands"})
_POINTERS = frozenset({"it", "phone", "mine", "this", "that", "my"})


# "has" in the other languages questions come in, before what a network has ("movistar tiene 5g?",
# "a claro tem 5g?", "hat telekom noch 3g?", "ada 5g?"); Turkish says it after ("turkcell 5g var mı").
_HAS_ELSEWHERE = frozenset({"tiene", "tienen", "tem", "têm", "hat", "haben", "ha", "hanno", "ada", "punya", "есть"})


def _network_has(norms: list[str]) -> bool:
    """Whether the words ask what a network has ("does play have 5g", "do three support volte"): the
    network's own bands, not a phone's ("does my phone have 5g" points at a phone)."""
    for i, w in enumerate(norms):
        if w in _HAS_ELSEWHERE and any(x in _RADIO_WORDS for x in norms[i + 1 : i + 4]):
            return True
        if w == "var" and i > 0 and norms[i - 1] in _RADIO_WORDS:
            return True
        if w not in ("does", "do"):
            continue
        for j in range(i + 2, min(i + 5, len(norms))):
            if norms[j] in _POINTERS:
                break
            if norms[j] in _HAS:
                return any(x in _RADIO_WORDS for x in norms[j + 1 : j + 3])
    return False


def _asks_its_network(joined: str) -> bool:
    """ "what network does visible use?", "which network is mint on", "is metro on the same network as
    tmobile?": a virtual operator's host."""
    return any(f" {w} network" in joined or f" {w} networks" in joined for w in ("what", "which", "same"))


def asks_its_network(toks: list[Token]) -> bool:
    """Whether the words ask which network ("what network is cricket on")."""
    return _asks_its_network(f" {' '.join(t.norm for t in toks)} ")


def points_at_phone(toks: list[Token]) -> bool:
    """Whether the words speak of a phone left unnamed ("does it work on mint or tmobile?", "my phone"):
    a reply about the phone before, not about the networks."""
    return any(t.norm in _POINTERS or t.norm in ("work", "works", "working") for t in toks)


def _asks_other(norms: list[str], joined: str) -> bool:
    """Whether the words ask something the bot does not answer, beyond the story of a bug."""
    whole = any(w not in _STORY and ("other" in says(w)) for w in norms)
    return whole or any(f" {p} " in joined for p in _PHRASES["other"])


# Asking which network to choose: with a phone and a country, answered by the phone's verdict on each.
_CARRIER_CHOICE = tuple(
    f" {p} " for p in ("which carrier", "best carrier", "what carrier", "which network", "what network")
)
_CHOICE_WORDS = frozenset({"which", "what", "best", "carrier", "carriers", "network", "networks"})


def _without(norms: list[str]) -> list[str]:
    """The words apart from those of a carrier choice (to tell whether anything else is asked)."""
    return [w for w in norms if w not in _CHOICE_WORDS]


@lru_cache(maxsize=65536)
def says(word: str) -> frozenset[str]:
    """The intents a word says ("funciona" says compatibility)."""
    said = frozenset(
        name for name in INTENT_WORDS if word in _WHOLE[name] or any(word.startswith(stem) for stem in _STEMS[name])
    )
    # Most words say none: one shared empty set, not one per word kept in the cache (each an object
    # every full collection of the garbage collector walks while answering).
    return said or _SAYS_NOTHING


_SAYS_NOTHING: frozenset[str] = frozenset()


_SIZES = frozenset({"gb", "tb", "g"})
_HINDI_CLOSED = frozenset({"ho", "hai", "hua", "kar", "hogaya", "hoga", "kr"})


def _first(name: str, norms: list[str], raws: list[str], joined: str, question: str) -> int:
    """Where the question first says it (a token position, or a rough one for phrases), or _NOWHERE."""
    for i, w in enumerate(norms):
        # "China market devices", "global market version": what a phone is made for, not a sale.
        if name in says(w) and not (name == "availability" and made_for_market(norms[i : i + 2])):
            if name == "availability" and i and norms[i - 1] in _APP_STORES and w in ("store", "stores"):
                continue  # "play store?": an app store, not where phones are sold ("does huawei sell" is)
            if name == "other" and i and norms[i - 1] in _SIZES and w in ("ram", "storage"):
                continue  # "s25 ultra 12gb ram 512 on att": which phone it is, not a question about memory
            if name == "other" and i and norms[i - 1] == "mp" and w == "camera":
                continue  # a listing's "200MP Camera": which phone it is
            if name == "availability" and w in ("sell", "sells") and norms[i + 1 : i + 2] in (["it"], ["my"], ["mine"]):
                continue  # "… before i sell it": the asker selling a phone, no sale in a country
            if name == "bands" and w == "band" and norms[i + 1 : i + 2] and norms[i + 1] in _HINDI_CLOSED:
                continue  # Hindi "band ho gaya" (has it been stopped), not a radio band
            return i
        if name == "bands" and (_BAND.match(raws[i]) or (w == "lte" and i + 1 < len(norms) and norms[i + 1].isdigit())):
            return i  # "b71", "b-28", "lte 28"
    for p in _PHRASES[name]:
        at = joined.find(f" {p} ")
        if at >= 0 and not (p.startswith("model") and _number_follows(joined, at + len(p) + 2)):
            # ("a device with model number 2304FPN6DG" names the model; it does not ask for it)
            return joined.count(" ", 0, at)
    if not question.isascii():
        # (the words are folded as questions' words are: "バンド" is written "ハント" there)
        folded = _folded(question)
        if any(w in question or w in folded for w in INTENT_WORDS[name] if not w.isascii()):
            return len(norms)
    return _NOWHERE


@lru_cache(maxsize=64)
def _folded(question: str) -> str:
    return text.fold(question)


# "When" in the languages read ("kab" is Hindi in Latin letters).
_WHEN = frozenset({"when", "cuando", "quando", "wann", "quand", "kapan", "kab", "khi"})


def _when_before(norms: list[str], at: int) -> bool:
    """ "when will this phone using 4G be available": "when" asking, a few words before the word of
    sale (not "even when they are available")."""
    start = max(0, at - 9)
    return any(
        w in _WHEN and (w != "when" or norms[i + 1] in _ASKING_AFTER_WHEN) for i, w in enumerate(norms[start:at], start)
    )


_ASKING_AFTER_WHEN = frozenset({"will", "is", "are", "does", "do", "can", "would", "could", "should", "might", "may"})


def _number_follows(joined: str, at: int) -> bool:
    """Whether the word at `at` holds a digit ("… model number 2304fpn6dg")."""
    word = joined[at:].split(" ", 1)[0]
    return any(ch.isdigit() for ch in word)


def classify(
    toks: list[Token],
    question: str,
    *,
    has_phone: bool,
    has_carrier: bool,
    has_place: bool,
    asks: bool,
    network_named: bool = False,
    other_words: int,
    asking_tokens: list[Token] | None = None,
    named_at: frozenset[int] = frozenset(),
    carrier_asked: bool = True,
) -> tuple[str, bool]:
    """The intent, and whether the question's words said it (rather than its structure).
    `named_at`: where the words of names begin (their tokens' `start`), which say no intent;
    `carrier_asked`: False when the sentences that ask name a country and no carrier."""
    # In a long post the question is in the sentences that ask: their words decide when they say anything.
    # (but not a story's word alone: "… No SIM on Verizon. is it the update?" asks of the trouble told)
    if asking_tokens and any(says(t.norm) and t.norm not in _STORY for t in asking_tokens):
        toks = asking_tokens
        # ("my son wants the nothing phone 2. we're on ee. is it even sold in the uk?": a sale asked,
        # the network only told of)
        has_carrier = has_carrier and carrier_asked
    norms = [t.norm for t in toks]
    joined = f" {' '.join(norms)} "

    # (a band's code inside a phone's name, the "N30" of the Nord N30, asks for no band)
    raws = [_band_raw(toks, i) if toks[i].start not in named_at else "" for i in range(len(toks))]
    at = {name: _first(name, norms, raws, joined, question) for name in INTENT_WORDS}
    sale, use = at["availability"], at["compatibility"]
    if sale < len(norms) and norms[sale].startswith(_OF_A_FEATURE) and _radio_before(toks, sale, named_at):
        # "5G not available", "LTE gibt es nur auf 1800": a feature of the network, not a sale
        sale, use = _NOWHERE, min(use, sale)
    # "no 5G on tmo after the update": whether the phone fits that network, whatever software it runs;
    # with a network or a place named, whatever phone ("联通VoLTE问题 … 无法接通", "no signal in
    # germany"), even a network whose name fits several countries ("can't detect SIM … Telia").
    on_network = has_place or has_carrier or network_named
    trouble = on_network and sale == _NOWHERE and _network_trouble(norms, question)
    # ("is verizon's 3g network completely gone now?": an old network's end, the network's note says)
    trouble = trouble and (has_phone or len(norms) > 15 or not _legacy_asked(norms))
    if trouble and not _asks_other(norms, joined):
        return "compatibility", True
    # "does GrapheneOS work with Verizon on a Pixel 6 Pro?": the software is the story, the carrier the
    # question; so is a place ("Galaxy S25 Ultra, Unlocked Android, will it work in germany").
    asks_use_on_carrier = has_phone and (has_carrier or has_place) and use < _NOWHERE
    if _about_software(norms, question) and at["bands"] == sale == _NOWHERE and not asks_use_on_carrier:
        return "other", True
    # "moving to canada with my iphone 15, which carrier?": the networks of that country it works on.
    if has_phone and has_place and any(p in joined for p in _CARRIER_CHOICE):
        rest = _without(norms)
        if not _asks_other(rest, f" {' '.join(rest)} "):
            return "compatibility", True
    # "which bands does it have?" asks for bands; "missing bands on verizon?" asks whether it works.
    if at["other"] < _NOWHERE and not has_phone:
        return "other", True  # "what phones work on dito?" asks for a list the bot does not keep
    if (
        not has_phone
        and (has_carrier or has_place)
        and sale == _NOWHERE
        and (
            at["bands"] < _NOWHERE
            or _legacy_asked(norms)
            or (has_carrier and (_network_has(norms) or _asks_its_network(joined)))
        )
    ):
        # "what bands does jio use?", "does verizon still have 3g?", "lte bands in the philippines",
        # "does play have 5g?": the networks' own
        return "bands", True
    if at["bands"] < _NOWHERE and not ((has_carrier or has_place) and use < _NOWHERE) and not has_carrier:
        return "bands", True
    if use < _NOWHERE and sale < len(norms) and norms[sale] in _WEAK_SALE:
        sale = _NOWHERE  # "buy … and use it in india": the question is whether it works
    # Both asked ("will it work in the US? is it sold there?"): the first asked leads; a carrier
    # named makes it about the carrier ("available on Verizon"). "When" asks for a launch ("when will
    # this phone using 4G be available in the US?").
    if sale < _NOWHERE and (sale < use or _when_before(norms, sale)) and not has_carrier:
        return "availability", True
    if use == _NOWHERE and has_carrier and at["other"] < _NOWHERE and not _network_trouble(norms, question):
        # "a14 price at the mtn store", "trade in deal at verizon?": the network's shop, not its radio
        return "other", True
    if min(sale, use) < _NOWHERE:
        return "compatibility", True
    if at["other"] < _NOWHERE:
        return "other", True
    if has_phone and (has_carrier or has_place or network_named):
        # "poco x6 pro on vodafone": a network whose country is still to ask is a network all the same.
        return "compatibility", False
    if has_phone:
        # "pixel 8?" names a phone and asks nothing more; "is the pixel 8 good?" asks something else.
        return ("other" if other_words >= 3 else "unknown"), False
    if (has_carrier or has_place) and other_words == 0:
        # "verizon", "japan": a network or a country alone, its networks' bands
        return "bands", False
    if (has_carrier or has_place) and other_words <= 2:
        # "what about att?" with no answer before it: which phone, on that network
        return "compatibility", False
    return ("other" if asks or other_words >= 3 else "unknown"), False


# "band 71", "bands 2, 4 and 66", "banda 28", "Frequenzband 20": the words that name bands by number.
_BAND_WORDS = frozenset(
    {"band", "bands", "banda", "bandas", "bande", "bandes", "frequenzband", "frequenzbander"}
    | {"lte"}  # "lte 28": band 28 of LTE
)
# Between the numbers of a list of bands: "2, 4 and 66", "n77 or n78", "3 e 7".
_LIST_JOINS = frozenset({"and", "or", "und", "oder", "y", "o", "e", "ou", "et", "dan", "atau"})
_BAND_CODE = re.compile(r"(?<![a-z0-9])([bn])-?(\d{1,3})(?![0-9])")


def _band_raw(toks: list[Token], i: int) -> str:
    """A word as typed, with the number joined to it by a hyphen ("b-28": band 28)."""
    t = toks[i]
    if t.raw.lower() in ("b", "n") and i + 1 < len(toks) and toks[i + 1].hyphen and toks[i + 1].norm.isdigit():
        return f"{t.raw}-{toks[i + 1].raw}"
    return t.raw


def _real_band(tech: str, number: int) -> bool:
    """A band number that exists (3GPP: LTE 1-53, 65-76, 85, 87, 88; NR n1-n106 and the mmWave
    n257-n263)."""
    if tech == "lte":
        return 1 <= number <= 53 or 65 <= number <= 76 or number in (85, 87, 88)
    return 1 <= number <= 106 or 257 <= number <= 263


def asked_bands(toks: list[Token], skip: set[int]) -> tuple[tuple[str, int], ...]:
    """The bands a question asks about, as (technology, number) in the order asked: "B71" and a bare
    number after a word of bands are LTE (5G NR where LTE has no such band: "band 77"), "n77" is 5G
    NR. Tokens in `skip` (a phone's or a carrier's name: the Nokia "N95") are not bands."""
    found: list[tuple[str, int]] = []
    seen_words: set[int] = set()
    listing = False  # after a word of bands, numbers are bands until the list ends
    for i, t in enumerate(toks):
        if i in skip:
            listing = False
            continue
        if t.norm in _BAND_WORDS:
            listing = True
            continue
        # A word in Latin letters is a band's code only when it begins with "b" or "n": most words of a
        # long post are told so without the regular expression.
        if t.raw[:1] in "bBnN" or not t.raw.isascii():
            word = _band_raw(toks, i).casefold()
            if not t.raw.isascii() or (t.start not in seen_words and _BAND_CODE.fullmatch(word)):
                # "b71", "n77" (one word, read as two tokens), or inside a CJK run: "支持n79频段吗"
                if t.start in seen_words:
                    continue
                seen_words.add(t.start)
                for letter, number in _BAND_CODE.findall(word):
                    found.append(("lte" if letter == "b" else "nr", int(number)))
                listing = listing or bool(_BAND_CODE.fullmatch(word))
                continue
        if t.start in seen_words:
            continue  # the second token of "b71"
        if listing and t.norm.isdigit():
            # a bare number is LTE's band, or 5G's where LTE has none of that number ("band 77": n77)
            number = int(t.norm)
            found.append(("lte" if _real_band("lte", number) else "nr", number))
        elif not (listing and t.norm in _LIST_JOINS):
            listing = False
    return tuple(dict.fromkeys(b for b in found if _real_band(*b)))
