"""Where: the country a phone is to be used (or sold) in, the country it comes from, and the asker's
carrier, read from their roles in the sentence.

"bought in Riyadh, back home in India", "a US galaxy on Jio", "china version on tmo": a country
after "from"/"bought in"/"imported", or before "version"/"model"/"rom", or an adjective before a
phone, is where the phone comes from; any other is where it is used. A carrier name is resolved
in the country of use ("T-Mobile" in Germany is Telekom), else in the country the question's
language suggests, else to the network called exactly that.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pycountry
from babel.core import get_global

from .. import text
from .cues import LOWER_CODE_BLOCKERS, MARKET_CUES, ORIGIN_CUES, ORIGIN_GAP, USE_CUES
from .devices import Suggestion
from .lexicon import Lexicon
from .mentions import Match
from .tokens import Token

_SELF = frozenset({"i'm", "im", "am", "we're", "are", "i", "we", "sou", "soy", "bin", "sono", "suis"})
_SUBDIVISION_PREFIX = {"US-", "CA-", "AU-"}


@dataclass(frozen=True)
class PlaceReading:
    carriers: tuple[str, ...]
    suggestions: tuple[Suggestion, ...]
    country: str | None  # of use (or of sale)
    origin: str | None  # where the phone comes from


@dataclass(frozen=True)
class _Place:
    code: str
    start: int  # token positions
    end: int
    adjective: bool  # "chinese", "us", "cn": names a market, not a place one is in


def language_country(lang: str | None) -> str | None:
    """The country a language is most likely written in (CLDR likely subtags: pt -> BR, de -> DE)."""
    if not lang:
        return None
    territory = str(get_global("likely_subtags").get(lang, "")).rsplit("_", 1)[-1]
    return territory if len(territory) == 2 else None


def resolve(
    lexicon: Lexicon,
    matches: list[Match],
    toks: list[Token],
    covered: set[int],
    device_span: tuple[int, int] | None,
    shouting: bool,
    question: str,
    lang: str | None,
) -> PlaceReading:
    k = lexicon.knowledge
    covered = set(covered)
    named: list[Match] = []
    candidates = [
        m
        for m in matches
        if m.payload.kind in ("carrier", "country")
        or (m.payload.kind == "origin" and _adjective_names_market(toks, m.start, m.end, device_span))
    ]
    for m in sorted(
        candidates,
        key=lambda m: (-(m.end - m.start), m.payload.kind == "origin", -m.score, m.start),
    ):
        tokens_of = set(range(m.start, m.end))
        if tokens_of & covered and not any(o.start == m.start and o.end == m.end for o in named):
            continue
        named.append(m)
        covered |= tokens_of

    places: list[_Place] = []
    for m in sorted(named, key=lambda m: m.start):
        if m.payload.kind in ("country", "origin"):
            adjective = m.payload.kind == "origin"
            if any(p.start == m.start and p.end == m.end for p in places):
                continue
            places.append(_Place(m.payload.id, m.start, m.end, adjective))
    for i, t in enumerate(toks):
        if i in covered or len(t.raw) != 2 or not t.raw.isalpha():
            continue
        if question[t.end : t.end + 1] == "-" or question[max(t.start - 1, 0) : t.start] == "-":
            continue  # "SM" of "SM-S921U" is part of a model number, not San Marino
        code = "GB" if t.raw.upper() == "UK" else t.raw.upper()
        if t.raw.isupper() and not shouting:
            if pycountry.countries.get(alpha_2=code) is not None:
                places.append(_Place(code, i, i + 1, False))
        elif (
            i > 0
            and toks[i - 1].norm == "in"
            and t.norm not in LOWER_CODE_BLOCKERS
            and code in lexicon.carrier_countries
        ):
            # "sold in au": a lower-case code right after "in" and naming a country we know carriers
            # of. Codes that read as words or as US states ("in it", "in my car", "in ca") are left out.
            places.append(_Place(code, i, i + 1, False))
    places.sort(key=lambda p: p.start)

    use: list[str] = []
    origins: list[str] = []
    for p in places:
        (origins if _is_origin(toks, p, device_span) else use).append(p.code)
    country = use[0] if use else None
    origin = origins[0] if origins else None

    groups: dict[tuple[int, int], list[str]] = defaultdict(list)
    for m in named:
        if m.payload.kind == "carrier":
            groups[(m.start, m.end)].append(m.payload.id)
    carriers: list[str] = []
    suggestions: list[Suggestion] = []
    implied = language_country(lang)
    for (start, end), found in sorted(groups.items()):
        ids = list(dict.fromkeys(found))
        if country:
            here = [c for c in ids if k.carrier(c).country == country]
            if not here:
                # The country named in the question wins over a carrier of another country: "smart"
                # in "ok on smart in india" is not the Philippine network. Offer it, don't use it.
                suggestions.extend(_carrier_suggestion(lexicon, c) for c in ids)
                continue
            ids = here
        if len(ids) > 1 and implied:
            # "funktioniert es bei T-Mobile?": a German question means Telekom Deutschland.
            ids = [c for c in ids if k.carrier(c).country == implied] or ids
        if len(ids) > 1 and origin:
            # "imported from Poland, will it work on t-mobile": the carrier is not in the origin country.
            ids = [c for c in ids if k.carrier(c).country != origin] or ids
        if len(ids) > 1:
            # "t-mobile": the network called exactly that beats networks that merely answer to it.
            said = text.compact("".join(t.norm for t in toks[start:end]))
            by_name = [c for c in ids if said in lexicon.carrier_name_keys[c]]
            ids = by_name if len(by_name) == 1 else ids
        if len(ids) == 1:
            carriers.append(ids[0])
        else:
            suggestions.extend(_carrier_suggestion(lexicon, c) for c in ids)
    carriers = list(dict.fromkeys(carriers))
    if carriers:
        country = k.carrier(carriers[0]).country
    return PlaceReading(tuple(carriers), tuple(suggestions), country, origin)


def _adjective_names_market(toks: list[Token], start: int, end: int, device_span: tuple[int, int] | None) -> bool:
    """ "chinese", "us", "cn" count as a market only next to a phone or a market word ("the chinese
    one", "a us iphone", "CN rom"); "us" in "let us know" is a pronoun."""
    after = [t.norm for t in toks[end : end + 3] if not t.brk]
    if after and (after[0] in MARKET_CUES or (len(after) > 1 and after[1] in MARKET_CUES)):
        return True
    return device_span is not None and 0 <= device_span[0] - end <= 1


def _is_origin(toks: list[Token], p: _Place, device_span: tuple[int, int] | None) -> bool:
    after = [t for t in toks[p.end : p.end + 2] if not t.brk]
    if after and after[0].norm in MARKET_CUES:
        return True
    if p.adjective:
        return True
    if device_span is not None and device_span[0] == p.end:
        return True  # "a US galaxy", "HK iPhone"
    j = p.start - 1
    steps = 0
    while j >= 0 and steps < 5 and not toks[j + 1].brk:
        word = toks[j].norm
        if word in USE_CUES:
            return False
        if word in ORIGIN_CUES:
            # "I'm from India": where the asker is, not where the phone comes from
            return not (word == "from" and j > 0 and toks[j - 1].norm in _SELF)
        if word not in ORIGIN_GAP and not word.isdigit():
            steps += 1
        j -= 1
    return False


def _carrier_suggestion(lexicon: Lexicon, carrier_id: str) -> Suggestion:
    carrier = lexicon.knowledge.carrier(carrier_id)
    return Suggestion("carrier", carrier_id, f"{carrier.name} ({carrier.country})")
