"""Where: the country a phone is to be used (or sold) in, the country it comes from, and the asker's
carrier, read from their roles in the sentence.

"bought in Riyadh, back home in India", "a US galaxy on Jio", "china version on tmo": a country
after "from"/"bought in"/"imported", or before "version"/"model"/"rom", or an adjective before a
phone, is where the phone comes from; any other is where it is used. A carrier name is resolved
in the country of use ("T-Mobile" in Germany is Telekom), else in the country the question's
language suggests, else to the network called exactly that.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from .. import text
from . import regions
from .cues import (
    ACCENTED_COUNTRY_NAMES,
    CARRIER_CUES,
    CODE_CUES,
    HANDSET_WORDS,
    HINDI_IN,
    LIST_WORDS,
    LOWER_CODE_BLOCKERS,
    MARKET_CUES,
    MARKET_NOUNS,
    MARKET_WORDS,
    NATIONAL_SHOPS,
    ORIGIN_CUES,
    ORIGIN_GAP,
    PLACE_CUES,
    USE_CUES,
    made_for_market,
)
from .devices import Suggestion
from .everyday import commonness, is_everyday
from .intent import says
from .lexicon import Lexicon
from .mentions import Match, named_as_example, offered_as_choice
from .tokens import FormField, Token

_SELF = frozenset({"m", "im", "am", "re", "are", "i", "we", "sou", "soy", "bin", "sono", "suis"})
_SUBDIVISION_PREFIX = {"US-", "CA-", "AU-"}


@dataclass(frozen=True)
class PlaceReading:
    carriers: tuple[str, ...]
    suggestions: tuple[Suggestion, ...]
    country: str | None  # of use (or of sale)
    origin: str | None  # where the phone comes from
    # The carriers are the networks one name stands for in one country ("US Mobile": three host
    # networks), each to be checked; none of them is known to be the asker's.
    one_name: bool = False
    # Other countries of use listed with the one read ("japan and korea", "france, italy and spain"):
    # a trip, each checked.
    also: tuple[str, ...] = ()
    # The origin is the country of a network that sold the phone ("a verizon pixel 7", "ドコモ版"): a
    # carrier's own model, which a Global model never stands for.
    by_carrier: bool = False
    # A network named that the country of use has none of ("lebara" in the UK), as written.
    absent: str | None = None


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
    from babel.core import get_global  # CLDR's tables, imported when first needed

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
    asking: set[int],
    sentence_of: list[int],
    phone_named_at: tuple[tuple[int, int], ...] = (),
) -> PlaceReading:
    """Where the phone is used and comes from, and the asker's network. `phone_named_at`: every span
    the phone is named at ("Galaxy S24 versi US … S24 US di Telkomsel"), beside `device_span`, its first."""
    k = lexicon.knowledge
    named_at = tuple(dict.fromkeys([*([device_span] if device_span else []), *phone_named_at]))
    named = _place_mentions(matches, toks, covered, device_span)
    taken = set(covered) | {i for m in named for i in range(m.start, m.end)}
    # "i'm in georgia, pixel 9 on att?": of a name's places, the one a network named is in (the US state)
    carried = {k.carrier(m.payload.id).country for m in named if m.payload.kind == "carrier"}
    # "movistar mx", "att mx": a code after a network's name is its country's network of that brand
    brands = {m.end: " ".join(t.norm for t in toks[m.start : m.end]) for m in named if m.payload.kind == "carrier"}
    spotted = _places_named(named, carried) + _codes(lexicon, toks, taken, shouting, question, brands)
    spotted += _accented_names(toks, taken)
    places = _merged(sorted(spotted, key=_start))
    # A region ("Europe", "Latin America") is where the phone is used only when no country is said.
    areas = [p for p in places if regions.is_region(p.code)]
    places = [p for p in places if not regions.is_region(p.code)]
    # ("xiaomi 14 global vs china?": both models compared, no place and no origin)
    places = [p for p in places if not _beside_a_market(toks, p.start, p.end)]
    # ("アメリカの友達", an American friend: a place before "の" (of) is said of the next word, no
    # place of use; before a phone it is the phone's origin, `_is_origin`)
    places = [p for p in places if not _said_of_a_word_ja(toks, p)]

    groups: dict[tuple[int, int], list[str]] = defaultdict(list)
    for m in named:
        if m.payload.kind == "carrier":
            groups[(m.start, m.end)].append(m.payload.id)
    # Beside another network or place, a network named before the phone is the one that sold it.
    others_named = len(groups) > 1 or any(not p.adjective for p in places)
    name_starts = {m.start for m in named}
    sellers = {
        span
        for span in groups
        if span[1] not in name_starts and _sold_the_phone(lexicon, toks, span, device_span, others_named, question)
    }

    network_countries = {k.carrier(c).country for ids in groups.values() for c in ids}
    # "AT&T" beside Mexico may be AT&T México, the same brand there.
    network_countries |= {
        p.code
        for p in places
        for start, end in groups
        if _same_brand(lexicon, " ".join(t.norm for t in toks[start:end]), p.code)
    }
    network_starts = {start for start, _end in groups}
    network_ends = frozenset(end for _start, end in groups)
    use = [
        p
        for p in places
        if not _is_origin(
            toks,
            p,
            device_span,
            places,
            question,
            network_countries,
            network_starts,
            lexicon.carrier_countries,
            named_at,
            network_ends,
        )
    ]
    origins = [p.code for p in places if p not in use]
    # Several places of use ("a trip to seoul … verizon back in the states"): the one in the sentence
    # that asks, then the one a named carrier is in, then the first.
    carrier_countries = {k.carrier(c).country for span, ids in groups.items() if span not in sellers for c in ids}
    # A destination ("moving to canada", "heading to japan") is where the phone will be used, whatever
    # sentence names it ("I'm from India, moving to Canada next month. Will my OnePlus 11 work there?").
    ranked = sorted(
        use,
        key=lambda p: (
            not _destination(toks, p),
            sentence_of[p.start] not in asking,
            p.code not in carrier_countries,
            p.start,
        ),
    )
    country = ranked[0].code if ranked else None
    country_asked = bool(ranked) and sentence_of[ranked[0].start] in asking
    # The country of a network that sold the phone is no reason to look elsewhere for a carrier's
    # namesake: "a verizon pixel 7 on t-mobile" is T-Mobile US; "imported from Poland … t-mobile" is
    # not T-Mobile Polska.
    named_origin = origin = origins[0] if origins else None
    sold_by = None  # the country of the network that sold the phone, when that is its origin
    # The networks the asker leaves or left ("currently on EE", "moving from airtel to jio").
    left_any = {span for span in groups if _network_left(toks, span, list(groups))}
    if origin is None:
        for span in sellers:
            if span in left_any:
                continue  # "moving from airtel to jio": a network left, not one that sold the phone
            countries = {k.carrier(c).country for c in groups[span]}
            if len(countries) == 1:
                origin = sold_by = countries.pop()

    carriers: list[str] = []
    one_name: list[str] = []  # the networks of a name that stands for several ("US Mobile")
    said_at: dict[str, list[int]] = defaultdict(list)  # where each chosen network was named
    ends: dict[str, list[int]] = defaultdict(list)  # and where each of those names ends
    suggestions: list[Suggestion] = []
    absent: str | None = None  # a network named that this country has none of, as written
    examples = _examples(toks, list(groups), asking, sentence_of)
    # "Currently on EE but looking at moving to O2", "cambié de Vodafone a Movistar", "Bisher war ich
    # bei A1": the network being left gives way to the other one named, whose namesake it places
    # ("O2" beside EE is O2 UK).
    left = left_any - sellers
    staying = [span for span in groups if span not in sellers and span not in examples and span not in left]
    if left and staying:
        examples |= left
    if (left or sellers) and staying and country is None:
        # (so does the network read as the one that sold the phone: "switching from ee to three")
        was = {k.carrier(c).country for span in left | sellers for c in groups[span]}
        rest = {k.carrier(c).country for span in staying for c in groups[span]}
        if len(was) == 1 and was <= rest:
            country = was.pop()
    if country is None and len(staying) > 1 and _listed(toks, sorted(staying)):
        # "mtn or glo for galaxy a15": a network of one country places the namesake of another listed
        # with it (MTN Nigeria)
        each = [{k.carrier(c).country for c in groups[span]} for span in staying]
        single = {next(iter(c)) for c in each if len(c) == 1}
        if len(single) == 1 and any(len(c) > 1 and single <= c for c in each):
            country = single.pop()
    imported = any(t.norm in ORIGIN_CUES for t in toks)  # "bought in", "imported from", "from"
    home: str | None = None
    # "moto g84 works on tim brasil … not compatible w tim?": a brand told again alone is the network
    # named whole elsewhere in the post, not its namesake abroad.
    whole = {
        ids[0]: {t.norm for t in toks[span[0] : span[1]]}
        for span, ids in groups.items()
        if len(ids) == 1 and span not in sellers and span[1] - span[0] > 1
    }
    for (start, end), found in sorted(groups.items()):
        if (start, end) in sellers or (start, end) in examples:
            continue
        # The carrier the question asks about outweighs a place told in the story ("Xiaomi 14 Ultra
        # from Shanghai on Verizon?? … she was in Shanghai").
        binding = bool(country) and not (asking and sentence_of[start] in asking and not country_asked)
        # A country whose networks we do not know, named bare, binds no carrier named elsewhere: "my
        # friend jordan has a pixel 9, works on verizon?" (a person). Named as a place ("in jordan") or
        # with the network ("Orange Egypt", "Yettel Bulgaria"), it does.
        binding = binding and (country in lexicon.carrier_countries or _placed(toks, ranked[0], list(groups)))
        words = {t.norm for t in toks[start:end]}
        again = [c for c in found if words < whole.get(c, words) and country in (None, k.carrier(c).country)]
        chosen: list[str]
        offered: list[str]
        if len(found) > 1 and len(again) == 1:
            chosen, offered = again, []
        else:
            chosen, offered = _one_carrier(
                lexicon, toks[start:end], found, country, binding, named_origin, lang, imported
            )
        if not chosen and binding and len(toks) <= _CHAT_LENGTH and not any(p.start == end for p in use):
            # "i'm on tmobile with a pixel 9, going to the uk", "will my pixel 9 work in japan? i'm on
            # verizon": the asker's network at home (the one the name is read as with no place), so the
            # phone is likely a model of home (in a chat question: a long post's networks are a story;
            # not "vodacom tanzania": the place right after the name says which network it is)
            alone, _offered = _one_carrier(lexicon, toks[start:end], found, None, False, named_origin, lang, imported)
            homes = {k.carrier(c).country for c in alone}
            if len(homes) == 1 and country not in homes:
                home = next(iter(homes))
                if not offered:
                    continue  # (no "I don't know “tmobile” in the United Kingdom"; an offer stays one)
        if not chosen and not offered and binding and country in lexicon.carrier_countries and absent is None:
            # "iphone 15 with lebara uk": a brand of other countries, which we do not know in this one
            absent = question[toks[start].start : toks[end - 1].end]
        for c in chosen:
            said_at[c].append(start)
            ends[c].append(end)
        if len(chosen) > 1:
            one_name = chosen
        carriers.extend(chosen)
        suggestions.extend(_carrier_suggestion(lexicon, c) for c in offered)
    carriers = list(dict.fromkeys(carriers))
    if home is not None and origin is None:
        origin = home
    # "Fido … on one of the largest networks owned by Rogers", "Mint (T-Mobile's network)": the brand
    # the asker is with, not the network it runs on.
    # But "visible or verizon for my pixel 7a?" offers both as a choice.
    spans = sorted(span for span, ids in groups.items() if any(c in carriers for c in ids))
    if not offered_as_choice(toks, spans):
        hosts = {k.carrier(c).mvno_of for c in carriers}
        carriers = [c for c in carriers if c not in hosts] or carriers
    if one_name:
        # "pixel 7 on us mobile": the networks that name stands for, whatever else the post names.
        return PlaceReading(
            tuple(one_name),
            tuple(suggestions),
            k.carrier(one_name[0]).country,
            origin,
            one_name=True,
            by_carrier=sold_by is not None,
        )
    if len(carriers) > 1:
        # "**Carrier:** China Unicom — also affects China Mobile and China Telecom": an issue form's field.
        in_field = [c for c in carriers if any(_CARRIER_FIELD.holds(question, toks[at].start) for at in said_at[c])]
        carriers = in_field if len(in_field) == 1 else carriers
    if len(carriers) > 1 and asking:
        # "my iphone is on at&t, will at&t mexico work?": the carrier the question asks about.
        carriers = [c for c in carriers if any(sentence_of[at] in asking for at in said_at[c])] or carriers
    asked_on = sorted((min(said_at[c]), max(ends[c])) for c in carriers) if len(carriers) >= 3 else []
    if (
        asked_on
        and device_span is not None
        and _listed(toks, asked_on)
        and asked_on[0][0] > 0
        and toks[asked_on[0][0] - 1].norm in CARRIER_CUES
        and sentence_of[asked_on[0][0]] in asking | {sentence_of[device_span[0]]}
    ):
        pass  # "pixel 8 on tmobile, att and verizon": each network asked about, one after another
    elif len(carriers) >= 3:
        # "China Mobile, China Unicom, China Telecom": a list of networks, not the asker's own; unless
        # one is said to be it ("I'm an LG U+ user; calls to KT and SKT fail").
        users = {c: min((e for e in ends[c] if _names_user(toks, e)), default=-1) for c in carriers}
        own = {c: at for c, at in users.items() if at >= 0}
        # The first said to be one's own: "KT, SKT users" further on are whom the asker calls.
        # Or the one of the list told of again in other sentences, the rest named once ("three major
        # carriers: China Mobile, China Unicom, and China Telecom. Phones with China Telecom SIM cards
        # … no signal"; a title "Turkcell added in 1.27, but not working").
        again = [c for c in carriers if len({sentence_of[at] for at in said_at[c]}) > 1]
        carriers = [min(own, key=own.__getitem__)] if own else again if len(again) == 1 else []
    if carriers:
        country = k.carrier(carriers[0]).country
        abroad = _roaming_to(toks, ends[carriers[0]], use, country)
        if abroad:
            # "will my indian jio sim work in dubai?": abroad the SIM uses the networks there
            return PlaceReading((), tuple(suggestions), abroad, origin, by_carrier=sold_by is not None)
    shop = _shop(toks)
    if shop and shop[1] and origin is None:
        origin = shop[0]
    elif shop and country is None and not carriers and not areas:
        country = shop[0]
    for area in areas:
        if _is_origin(
            toks, area, device_span, [area], question, network_countries, network_starts, lexicon.carrier_countries
        ):
            origin = origin or area.code  # "the latin america version"
        elif country is None:
            country = area.code  # "will it work in Europe?": a region, read as such by the caller
    also = _listed_with(toks, ranked[0], ranked[1:]) if ranked and not groups and country == ranked[0].code else ()
    return PlaceReading(
        tuple(carriers),
        tuple(suggestions),
        country,
        origin,
        also=also,
        by_carrier=sold_by is not None and origin == sold_by,
        absent=None if carriers else absent,
    )


def _listed_with(toks: list[Token], first: _Place, others: list[_Place]) -> tuple[str, ...]:
    """The places of use listed with the first, one after another with only "and", "or" or commas
    between ("going to japan and korea", "france, italy and spain"): a trip, each country checked."""
    chain = [first]
    for p in sorted(others, key=_start):
        if p.adjective or p.start < chain[-1].end or regions.is_region(p.code):
            continue
        between = toks[chain[-1].end : p.start]
        if any(t.norm not in LIST_WORDS and t.norm != "the" for t in between) or any(
            t.brk for t in toks[chain[-1].end : p.start + 1]
        ):
            break
        chain.append(p)
    return tuple(dict.fromkeys(p.code for p in chain[1:] if p.code != first.code))


def _shop(toks: list[Token]) -> tuple[str, bool] | None:
    """The country of a shop of one country the question names, and whether the phone was bought
    there ("bought … on flipkart", "from flipkart", "flipkart se liya") rather than asked after."""
    for i, t in enumerate(toks):
        code = NATIONAL_SHOPS.get(t.norm)
        if code is None:
            continue
        before = [u.norm for u in toks[max(0, i - 10) : i]]
        after = [u.norm for u in toks[i + 1 : i + 3]]
        bought = any(w in _BOUGHT or w in _GOT for w in before + after) or (
            bool(before) and before[-1] in ("from", "dari", "via", "thru", "through")
        )
        return code, bought or (bool(after) and after[0] == "se")
    return None


_SIMS = frozenset({"sim", "simcard", "esim", "chip"})


def _roaming_to(toks: list[Token], ends: list[int], places: list[_Place], home: str) -> str | None:
    """The country a SIM is taken to: a network named before "sim" and a place of another country
    after "in" or "to" ("my uk ee sim in the usa", "jio sim work in dubai")."""
    if not any(e < len(toks) and toks[e].norm in _SIMS for e in ends):
        return None
    for p in places:
        at = p.start - 1
        if at > 0 and toks[at].norm == "the":
            at -= 1
        if p.code != home and not p.adjective and at >= 0 and toks[at].norm in ("in", "to"):
            return p.code
    return None


def _placed(toks: list[Token], place: _Place, networks: list[tuple[int, int]]) -> bool:
    """Whether a place is named as one: after a word of place, or right beside a network's name."""
    before = toks[place.start - 1].norm if place.start > 0 and not toks[place.start].brk else None
    beside = any(end == place.start or start == place.end for start, end in networks)
    return beside or before in PLACE_CUES or before in USE_CUES


# Words a few before a network's name, in its sentence, that make it the one the asker leaves or
# left ("currently on EE but moving to O2", "I was on Telstra", "my old Telkom SIM", "Bisher war ich
# bei A1", "Antes con Vodafone"), and after it ("my contract with Telkom ended", "telcel roaming").
_LEFT_BEFORE = frozenset({"currently", "old", "previous", "previously", "former", "bisher", "vorher", "antes"})
_LEFT_AFTER = frozenset({"ended", "before", "previously", "roaming", "antes"})
_FROM_WORDS = frozenset({"from", "de", "von", "da"})
_TO_WORDS = frozenset({"to", "a", "zu", "nach", "para", "pra", "ke"})


def _listed(toks: list[Token], spans: list[tuple[int, int]]) -> bool:
    """Whether names follow one another as a list ("mtn or glo", "ee, o2 and three"), in one sentence."""
    for (_s0, end), (start, _e1) in pairwise(spans):
        between = toks[end:start]
        if len(between) > 1 or any(t.norm not in LIST_WORDS for t in between) or toks[start].brk:
            return False
    return True


def _network_left(toks: list[Token], span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    start, end = span
    before: list[str] = []
    i = start - 1
    while i >= 0 and len(before) < 4 and not toks[i + 1].brk:
        before.append(toks[i].norm)
        i -= 1
    after = [t.norm for t in toks[end : end + 2]] if end < len(toks) and not toks[end].brk else []
    if any(w in _LEFT_BEFORE for w in before) or any(w in _LEFT_AFTER for w in after):
        return True
    if before[1:2] == ["was"] and before[0] in ("on", "with", "at"):
        return True  # "I was on Telstra for 6 years" (not "I was going to add AldiMobile")
    # "from verizon to visible", "de Vodafone a Movistar": the first, when another network follows "to"
    if before[:1] and before[0] in _FROM_WORDS and after[:1] and after[0] in _TO_WORDS:
        return any(s == end + 1 for s, _e in spans)
    return False


def _examples(
    toks: list[Token], spans: list[tuple[int, int]], asking: set[int], sentence_of: list[int]
) -> set[tuple[int, int]]:
    """Networks named as examples, outside the sentence that asks ("si bien compañías como Telcel y
    AT&T ya ofrecen esta opción"): the whole list after the cue, not the asker's network."""
    out: set[tuple[int, int]] = set()
    previous: tuple[int, int] | None = None
    for span in sorted(spans):
        start = span[0]
        listed = previous in out and all(
            toks[i].norm in LIST_WORDS and not toks[i].brk for i in range(previous[1], start)
        )
        if sentence_of[start] not in asking and (listed or named_as_example(toks, start, by_one_word=True)):
            out.add(span)
        previous = span
    return out


# An issue form's carrier field: "Carrier: China Unicom" on one line, or the answer under "### Mobile Carrier".
_CARRIER_FIELD = FormField(
    r"(?:(?:mobile |network |cellular )?(?:carrier|operator|provider|network)"
    r"|operadora|operatore|netzbetreiber|anbieter)"
)


def _names_user(toks: list[Token], end: int) -> bool:
    """A network's name followed by its subscriber: "a Jio user", "LG U+ 사용자"."""
    if end >= len(toks) or toks[end].brk:
        return False
    # Korean is read a syllable a token: "사용자" is three
    return any("".join(t.norm for t in toks[end : end + n]) in _USERS for n in (1, 2, 3))


def with_everyday_carrier(lexicon: Lexicon, where: PlaceReading, candidates: list[Match]) -> PlaceReading:
    """The reading with the one carrier of its country of use named by an everyday word ("orange"
    once the question is about Spain), when there is exactly one."""
    k = lexicon.knowledge
    here = {m.payload.id for m in candidates if k.carrier(m.payload.id).country == where.country}
    if len(here) != 1:
        return where
    return replace(where, carriers=(here.pop(),))


def with_brand_beside_its_host(
    lexicon: Lexicon, where: PlaceReading, named: list[Match], toks: list[Token], question: str
) -> PlaceReading:
    """ "cricket att pixel 8", "fido (rogers) pixel 8a", "visible verizon mvno": a virtual operator
    written right beside the network it runs on (nothing but brackets or a slash between) is the
    asker's, even by an everyday word ("cricket", "visible") that alone needs a cue."""
    if len(where.carriers) != 1:
        return where
    k = lexicon.knowledge
    host = where.carriers[0]
    beside: list[tuple[int, str]] = []  # a token next to the host's name, and the text between
    for m in named:
        if m.payload.kind != "carrier" or m.payload.id != host:
            continue
        if m.start > 0:
            beside.append((m.start - 1, question[toks[m.start - 1].end : toks[m.start].start]))
        if m.end < len(toks):
            beside.append((m.end, question[toks[m.end - 1].end : toks[m.end].start]))
    found = set()
    for i, gap in beside:
        if gap.strip(" ()[]/"):
            continue
        node = lexicon.root.children.get(toks[i].norm)
        for p in node.payloads if node is not None else ():
            if p.kind == "carrier" and k.carrier(p.id).mvno_of == host:
                found.add(p.id)
    if len(found) != 1:
        return where
    return replace(where, carriers=(found.pop(),))


def with_virtual_asked(
    lexicon: Lexicon, where: PlaceReading, named: list[Match], candidates: list[Match], asks_host: bool
) -> PlaceReading:
    """With no phone named, the reading about the one virtual operator the question names beside
    another network of its country ("is mint on tmobile", "does visible use verizon", "is cricket on
    verizon": its host is the answer), or alone when the words ask for its network ("what network is
    cricket on"); its everyday name ("mint", "cricket") counts in that company."""
    k = lexicon.knowledge
    networks = {m.payload.id for m in [*named, *candidates] if m.payload.kind == "carrier"}
    virtual = {c for c in networks if k.carrier(c).mvno_of}
    if len(virtual) != 1:
        return where
    v = k.carrier(virtual.pop())
    beside = any(k.carrier(c).country == v.country for c in networks - {v.id})
    if not (beside or (asks_host and networks == {v.id})) or where.country not in (None, v.country):
        return where
    kept = tuple(s for s in where.suggestions if s.kind != "carrier")
    return replace(where, carriers=(v.id,), country=v.country, suggestions=kept, one_name=False)


def _start(p: _Place) -> int:
    return p.start


def _place_mentions(
    matches: list[Match], toks: list[Token], covered: set[int], device_span: tuple[int, int] | None
) -> list[Match]:
    """Carrier, country, city and market-adjective mentions, longest first; a token belongs to one."""
    carrier_starts = {m.start for m in matches if m.payload.kind == "carrier"}
    candidates = [
        m
        for m in matches
        # a "+" alone is no network called Plus ("vodafone uk + pixel 9 pro")
        if not all(t.raw in ("+", "&") for t in toks[m.start : m.end])
    ]
    candidates = [
        m
        for m in candidates
        if m.payload.kind in ("carrier", "country", "city", "region")
        or (
            m.payload.kind == "origin"
            and (
                _adjective_names_market(toks, m.start, m.end, device_span)
                or _adjective_of_network(toks, m.start, m.end)
                or m.end in carrier_starts  # "Czech T-Mobile", "german t-mobile": that country's network
            )
        )
    ]
    taken = set(covered)
    named: list[Match] = []
    for m in sorted(candidates, key=lambda m: (-(m.end - m.start), m.payload.kind == "origin", -m.score, m.start)):
        tokens_of = set(range(m.start, m.end))
        if tokens_of & taken and not any(o.start == m.start and o.end == m.end for o in named):
            continue
        named.append(m)
        taken |= tokens_of
    return named


def _places_named(named: list[Match], carried: set[str]) -> list[_Place]:
    """One place a span: the first named, unless another payload of it is a country a network named
    is in ("georgia" beside AT&T is the US state)."""
    places: list[_Place] = []
    ordered = sorted(named, key=lambda m: (m.start, m.payload.id not in carried))
    for m in ordered:
        if m.payload.kind in ("country", "city", "region", "origin") and not any(
            p.start == m.start and p.end == m.end for p in places
        ):
            places.append(_Place(m.payload.id, m.start, m.end, m.payload.kind == "origin"))
    return places


def _adjective_of_network(toks: list[Token], start: int, end: int) -> bool:
    """ "a Chinese carrier", "indian sim", "any German phone network": the network is of that country,
    so it is where the phone is used; "the Indian market", "el mercado mexicano": where it is sold."""
    after = [t.norm for t in toks[end : end + 3] if not t.brk]
    while after and after[0] in _NETWORK_FILLERS:
        after = after[1:]
    before = toks[start - 1].norm if start > 0 and not toks[start].brk else ""
    if _made_for_market(toks, end):
        return False
    return (bool(after) and after[0] in _NETWORK_NOUNS | MARKET_NOUNS) or before in MARKET_NOUNS


def _used_to(toks: list[Token], i: int) -> bool:
    return toks[i].norm == "used" and i + 1 < len(toks) and toks[i + 1].norm == "to"


def _made_for_market(toks: list[Token], end: int) -> bool:
    """ "China market devices": phones made for that market, wherever they are used (their origin)."""
    return made_for_market([t.norm for t in toks[end : end + 2] if not t.brk])


def _codes(
    lexicon: Lexicon, toks: list[Token], taken: set[int], shouting: bool, question: str, brands: dict[int, str]
) -> list[_Place]:
    """Two-letter country codes: "JP", "CN rom", "in FR" in capitals for a country we know networks in
    or after a cue, not "NSA and SA", "Xperia 1 VI", "Globe at TM"; "sold in au" in lower case, and
    after a network's name (`brands`: its words, by where they end) that country has ("movistar mx")."""
    out: list[_Place] = []
    for i, t in enumerate(toks):
        if i in taken or len(t.raw) != 2 or not t.raw.isalpha():
            continue
        if question[t.end : t.end + 1] in ("-", "$") or question[max(t.start - 1, 0) : t.start] == "-":
            continue  # "SM" of "SM-S921U" is part of a model number, not San Marino; "US$ 500" is money
        code = "GB" if t.raw.upper() == "UK" else t.raw.upper()
        before_is_name = i > 0 and (toks[i - 1].norm in lexicon.device_tokens or toks[i - 1].norm[-1:].isdigit())
        if before_is_name and not t.brk and t.norm in lexicon.device_tokens:
            continue  # "POCO X5 GT", "realme GT Neo 2": a word of a phone's name, not Guatemala
        at_end = i + 1 == len(toks) or toks[i + 1].brk
        before_phone = not at_end and toks[i + 1].norm in lexicon.device_tokens
        if t.raw.isupper() and not shouting:
            # The index names every ISO 3166-1 country (pycountry's, read when it was built).
            if code in _NOT_CODES or code not in lexicon.country_names:
                continue
            if code in _COMPANY_FORMS and i + 1 < len(toks) and toks[i + 1].raw[:1].isupper() and not toks[i + 1].brk:
                continue  # "PT Telkomsel", "PT Apple Indonesia": an Indonesian company's form, not Portugal
            if code in lexicon.carrier_countries or (i > 0 and toks[i - 1].norm in CODE_CUES):
                out.append(_Place(code, i, i + 1, False))
        elif (
            i > 0
            and (toks[i - 1].norm == "in" or toks[i - 1].norm in _STORES)
            and t.norm not in LOWER_CODE_BLOCKERS
            and code in lexicon.carrier_countries
        ):
            # Codes that read as words or as US states ("in it", "in my car", "in ca") are left out; a
            # code after a shop's name is its country's shop ("from amazon us", "ebay uk").
            out.append(_Place(code, i, i + 1, False))
        elif (
            i in brands
            and not t.brk
            and t.norm not in LOWER_CODE_BLOCKERS
            # "airtel in kenya", "movistar es compatible": words, not codes; but a code ending the
            # question is one ("pixel 9 on boost au", "s24 on boost us")
            and (
                not is_everyday(t.norm)
                or at_end
                # "beeline kz iphone 15" (but German "im", Latin "et": words before a phone too)
                or (before_phone and commonness(t.norm) < 5)
            )
            and (
                (code in lexicon.carrier_countries and _same_brand(lexicon, brands[i], code))
                # "beeline kz": a country whose networks we do not know, not Beeline Russia (but
                # "Orange (cf carte …)" is a word of the sentence: the code ends it or comes before a phone)
                or (
                    code not in lexicon.carrier_countries
                    and code in lexicon.country_names
                    and (at_end or before_phone or any(ch.isdigit() for ch in toks[i + 1].norm))
                )
            )
        ):
            out.append(_Place(code, i, i + 1, False))
    return out


# What `_accented_names` relies on to pass over a word in ASCII at once.
assert not any(name.isascii() for name in ACCENTED_COUNTRY_NAMES)


def _accented_names(toks: list[Token], taken: set[int]) -> list[_Place]:
    """Vietnamese everyday names whose letters without their accents are other words: "Nhật" (Japan;
    "nhất", most), "Hàn" (Korea; "han" is "he" in Swedish): "iphone 15 mua ở nhật", "bản hàn"."""
    return [
        _Place(code, i, i + 1, False)
        for i, t in enumerate(toks)
        if i not in taken
        and not t.raw.isascii()
        and (code := ACCENTED_COUNTRY_NAMES.get(unicodedata.normalize("NFC", t.raw.lower()))) is not None
        and not (i > 0 and unicodedata.normalize("NFC", toks[i - 1].raw.lower()) in _BEFORE_NOT_A_PLACE)
    ]


# "cập nhật" is "update" ("sau khi cập nhật": after the update), no Japan
_BEFORE_NOT_A_PLACE = frozenset({"cập"})


def _one_carrier(
    lexicon: Lexicon,
    said: list[Token],
    found: list[str],
    country: str | None,
    binding: bool,
    origin: str | None,
    lang: str | None,
    imported: bool = True,
) -> tuple[list[str], list[str]]:
    """The network a carrier name means here, as ([chosen], offered): in the country of use, then
    in the country the language suggests, outside the origin when the phone was brought from there
    (`imported`), then the one called exactly that."""
    k = lexicon.knowledge
    ids = list(dict.fromkeys(found))
    # (the networks of that name in the country of use, and the countries the name has networks in)
    here = [c for c in ids if k.carrier(c).country == country]
    several = len({k.carrier(c).country for c in ids}) > 1
    if country and binding:
        here = here or _same_brand(lexicon, " ".join(t.norm for t in said), country)
        if not here:
            # The country named in the question wins over a carrier of another country: "smart" in
            # "ok on smart in india" is not the Philippine network. Offer it, don't use it; but a
            # name of networks in several other countries ("in egypt on vodafone") is a brand that
            # is in this one too, and none of them is meant.
            if country not in lexicon.carrier_countries:
                return [], []  # "airtel in kenya": a namesake elsewhere is no help where we know no network
            return [], [] if several else ids
        ids = here
    elif country:
        if not here and several:
            return [], []  # "Claro" in a post about the Dominican Republic: none of the Claros we know
        ids = here or ids
    implied = language_country(lang)
    if len(ids) > 1 and implied and lang not in _MANY_COUNTRY_LANGUAGES:
        # "funktioniert es bei T-Mobile?": a German question means Telekom Deutschland; but a Spanish
        # one about "movistar" may be of any of seven countries that speak it: a question back.
        ids = [c for c in ids if k.carrier(c).country == implied] or ids
    if len(ids) > 1 and lang in _MANY_COUNTRY_LANGUAGES:
        # "el iphone 15 funciona con vodafone?": of Vodafone's sixteen countries only Spain speaks
        # Spanish (Movistar's seven are a question back)
        speaking = [c for c in ids if lang in _official_languages(k.carrier(c).country)]
        if len({k.carrier(c).country for c in speaking}) == 1:
            ids = speaking
    if len(ids) > 1 and origin and imported:
        # "imported from Poland, will it work on t-mobile": the carrier is not in the origin country
        # (but "german s25 on telekom" may well be on Telekom Deutschland: a question back)
        ids = [c for c in ids if k.carrier(c).country != origin] or ids
    if len(ids) > 1:
        # "t-mobile": the network called exactly that beats networks that merely answer to it.
        compact = text.compact("".join(t.norm for t in said))
        by_name = [c for c in ids if compact in lexicon.carrier_name_keys[c]]
        # (but a Spanish "movistar": each country's network of the brand is named for it, "Movistar
        # México", and the one named plainly, Spain's, is no likelier: a question back)
        family = lang in _MANY_COUNTRY_LANGUAGES and any(
            c not in by_name and text.compact(k.carrier(c).name).startswith(compact) for c in ids
        )
        ids = by_name if len(by_name) == 1 and not family else ids
    if len(ids) > 1 and len({k.carrier(c).country for c in ids}) == 1:
        # One name for several networks of one country ("US Mobile" sells on three hosts): each is
        # checked, as a choice.
        return ids, []
    if (
        len(ids) == 1
        and lang
        and lang != "ru"  # (guessed from Cyrillic letters alone: "частоты jio" is Jio all the same)
        and not country
        and not _speaks(k.carrier(ids[0]).country, lang)
        and not _names_its_country(lexicon, said, k.carrier(ids[0]).country)
    ):
        # A Spanish post about "Virgin Mobile" is not about Virgin Plus in Canada: offer it. But
        # "eine Prepaidkarte von T-Mobile US" names the country with the network.
        return [], ids
    return (ids, []) if len(ids) == 1 else ([], ids)


def _names_its_country(lexicon: Lexicon, said: list[Token], country: str) -> bool:
    """A carrier's name that says its country ("T-Mobile US", "Vodafone UK")."""
    for t in said:
        node = lexicon.root.children.get(t.norm)
        if node is not None and any(p.kind in ("country", "origin") and p.id == country for p in node.payloads):
            return True
    return False


_NETWORK_NOUNS = frozenset(
    {"carrier", "carriers", "sim", "simcard", "network", "networks", "operator", "operators", "provider", "telco"}
)
_NETWORK_FILLERS = frozenset({"based", "phone", "mobile", "cell", "cellular", "wireless", "smartphone"})
# After a network's name: its subscriber ("a Jio user", "LG U+ 사용자"; "cliente de Claro" is before).
_USERS = frozenset(
    text.fold(w)
    for w in (
        *("user", "users", "customer", "customers", "subscriber", "subscribers", "사용자", "usuario", "usuaria"),
        *("pelanggan", "kunde", "kundin", "abonné", "abonnée", "utente", "utilizador", "usuário", "usuária"),
    )
)
# "of"/"from" right after a phone's name in the Romance languages, German and Indonesian.
_OF = frozenset({"de", "da", "do", "dos", "das", "del", "di", "dal", "von", "du", "des", "dari"})
# Articles between "de" and a country: "de la india", "de los estados unidos".
_OF_ARTICLES = frozenset({"la", "el", "los", "las", "l"})
_DETERMINERS = frozenset({"a", "an", "my", "the", "this", "that", "our", "his", "her", "their", "unlocked", "locked"})
_BUYING = frozenset({"buy", "buying", "comprar", "compro", "kaufen", "beli", "acheter", "comprare", "mua"})
_UNLOCKING = ("liber", "desbloq", "sblocc", "entsperr")
_FORMER_CUES = frozenset({"from", "through", "thru", "left", "leaving", "ex", "former", "formerly", "was"})
# Codes that are also the legal form written before a company's name.
_COMPANY_FORMS = frozenset({"PT"})
# Upper-case words that are country codes but say something else in phone talk ("NSA and SA" 5G, "OK").
_NOT_CODES = frozenset(
    {"SA", "AM", "PM", "TV", "PC", "OK", "ID", "IT", "NO", "SO", "TO", "GO", "BE", "ME", "MY", "AS", "AT", "BY"}
    | {"DO", "IS", "OR", "IF", "HI", "IM", "FM", "AI", "LA", "GB"}
    | {"SE"}  # "iPhone SE", "S23 FE/SE": a model's letters, not Sweden
    | {"PE"}  # "it no longer works on PE": PixelExperience, a ROM, not Peru
)


@cache
def _official_languages(country: str) -> frozenset[str]:
    """A country's official languages (CLDR territory languages): many learn Spanish in France, few
    ask about their network in it."""
    from babel.core import get_global

    table = get_global("territory_languages").get(country, {})
    return frozenset(
        lang for lang, info in table.items() if info.get("official_status") in ("official", "de_facto_official")
    )


@cache
def _speakers(country: str) -> frozenset[str]:
    """The languages at least 5 % of a country speak (CLDR territory languages)."""
    from babel.core import get_global

    table = get_global("territory_languages").get(country, {})
    return frozenset(lang for lang, info in table.items() if (info.get("population_percent") or 0) >= 5)


def same_brand(lexicon: Lexicon, name: str, country: str) -> str | None:
    """The network of a country that carries a brand ("Vodafone Germany" in Spain is Vodafone España)."""
    words = text.tokens(name)
    for n in range(len(words), 0, -1):
        found = _same_brand(lexicon, " ".join(words[:n]), country)
        if found:
            return found[0]
    return None


def _same_brand(lexicon: Lexicon, words: str, country: str) -> list[str]:
    """The network of the country of use that carries the brand named: "AT&T" in Mexico is AT&T
    México, "Vodafone" in Spain is Vodafone España."""
    found = {
        c
        for key, c in lexicon.keys["carrier"]
        if (key == words or key.startswith(words + " ")) and lexicon.knowledge.carrier(c).country == country
    }
    return sorted(found) if len(found) == 1 else []


# Languages whose likeliest country (CLDR's: Spain for Spanish) is not where most who write it live.
_MANY_COUNTRY_LANGUAGES = frozenset({"es", "ar"})


def _speaks(country: str, lang: str) -> bool:
    speakers = _speakers(country)
    # Indonesian and Malay are one language to the words that tell languages apart ("boleh guna celcom tak?"),
    # and so are Hindi and Urdu written in Latin letters ("zong pe chalega?")
    return (
        not speakers or lang in speakers or (lang == "id" and "ms" in speakers) or (lang == "hi" and "ur" in speakers)
    )


def _merged(places: list[_Place]) -> list[_Place]:
    """ "china mainland", "Riyadh, Saudi Arabia": neighbouring names of one country are one place."""
    out: list[_Place] = []
    for p in places:
        last = out[-1] if out else None
        if last is not None and last.code == p.code and p.start - last.end <= 1:
            out[-1] = _Place(p.code, last.start, p.end, last.adjective and p.adjective)
        else:
            out.append(p)
    return out


# Shops sold in several countries, whose country people write after the name ("amazon us", "ebay uk").
_STORES = frozenset({"amazon", "ebay", "aliexpress", "walmart", "costco", "shopee", "lazada", "jumia", "noon"})
_GOT = frozenset({"got", "ordered", "order", "imported", "comprei", "compre", "compré", "gekauft", "liya", "li"})
# Hindi verbs of getting a phone after "<place> se" (from): mangwaya, liya, laya, kharida, aaya.
_HINDI_GOT = ("mang", "liy", "lia", "la", "kharid", "aay", "aya", "hai", "he")
_MADE = frozenset({"made", "built", "designed", "meant", "intended"})
_BOUGHT = _BUYING | frozenset({"bought", "purchased", "purchase", "financed", "finance"})


def _bought_with(toks: list[Token], start: int, before: str) -> bool:
    """A network named after buying a phone "with" or "at" it, and no word of use between ("buy an
    iphone 6 with a t-mobile contract", "bought it at verizon"; not "bought a pixel, works with tmo?")."""
    at = start - 1
    if before in ("a", "an", "the") and at > 0:
        at -= 1
    if at < 0 or toks[at].norm not in ("with", "at") or toks[at + 1].brk or toks[start].brk:
        return False
    for i in range(at - 1, max(-1, at - 9), -1):
        word = toks[i].norm
        if toks[i + 1].brk or word in USE_CUES or "compatibility" in says(word):
            return False
        if word in _BOUGHT:
            return True
    return False


_TRAVEL = ("mov", "relocat", "travel", "head", "go", "fly", "flying", "visit", "emigrat")
# Words of a question asked in chat, not a post telling a story.
_CHAT_LENGTH = 40


def _destination(toks: list[Token], p: _Place) -> bool:
    """ "moving to canada", "going to japan next week": a place after "to" and a verb of travel."""
    return (
        p.start > 1
        and toks[p.start - 1].norm == "to"
        and toks[p.start - 2].norm.startswith(_TRAVEL)
        and not toks[p.start - 1].brk
        and not toks[p.start].brk
    )


# "is" before "of"/"from" a network: "es de verizon", "era da tim", "is from at&t"
_IS_OF = frozenset({"es", "is", "era", "was", "fue", "foi", "ist", "est"})


def _sold_the_phone(
    lexicon: Lexicon,
    toks: list[Token],
    span: tuple[int, int],
    device_span: tuple[int, int] | None,
    another_named: bool,
    question: str,
) -> bool:
    """A carrier that sold the phone, or that the asker left: not the asker's network now."""
    start, end = span
    # "which is better for att, pixel 9 or s24": a comma parts the network from the phone after it
    parted = end < len(toks) and any(ch in question[toks[end - 1].end : toks[end].start] for ch in ",;:")
    before = toks[start - 1].norm if start > 0 and not toks[start].brk else ""
    after: list[str] = []  # the words after it, up to a line or sentence break
    for t in toks[end : end + 2]:
        if t.brk:
            break
        after.append(t.norm)
    if after and after[0] in ("version", "model", "variant", "unit", "edition", "branded", "locked", "版", "판"):
        return True  # "Pixel 6 Pro Verizon version", "a t-mobile branded s24", "ドコモ版" (docomo's edition)
    if after and after[0] in ("phone", "handset", "smartphone", "cellphone") and after[1:2] != ["number"]:
        return True  # "I have a Sprint phone" (not "my tmo phone number")
    if after and after[0] == "one":
        return before == "the"  # "the kddi one" ("verizon one" alone may be a plan)
    if before in _FORMER_CUES or (start > 1 and toks[start - 2].norm in _FORMER_CUES and before in ("the", "my")):
        return True  # "got it through verizon", "switched to plus from orange"
    if before == "dari" and start > 1 and toks[start - 2].norm in ("pindah", "ganti", "beralih", "migrasi"):
        return True  # "pindah dari telkomsel ke XL": the network left
    if before in _OF and start > 1 and toks[start - 2].norm.startswith(_UNLOCKING):
        return True  # "liberar de Verizon a México", "desbloqueado da Vivo": unlocked from that network
    if before in _OF and start > 1 and toks[start - 2].norm in _IS_OF and another_named:
        return True  # "mi pixel 7a es de verizon, … me sirve con tigo?": the network it came from
    window = range(max(0, start - 5), start)
    if any(toks[i].norm in ("previously", "formerly") or _used_to(toks, i) for i in window):
        return True  # "an iPhone I used to use with Sprint" (not "used a Dito simcard")
    if _bought_with(toks, start, before):
        return True  # "if i buy an iphone 6 full price with a t-mobile contract": the network it comes with
    if before in _LOCKED or (before in _LOCKED_TO and start > 1 and toks[start - 2].norm in _LOCKED):
        return True  # "locked to verizon", Vietnamese "bản lock au": the network that sold it
    if before in CARRIER_CUES:
        return False
    if device_span is not None:
        if end == device_span[0] and not parted:
            # "a verizon pixel 7", "my att palm pre", "Verizon Pixel 7 on T-Mobile?"; but a bare
            # "vodafone italia pixel 8?" asks about the network
            return before in _DETERMINERS or another_named
        return start == device_span[1] + 1 and toks[device_span[1]].norm in ("of", "from", "by")
    # Right before a phone we do not know by that name ("a Sprint Droid Evo", "att palm pre").
    if end >= len(toks) or toks[end].brk or parted:
        return False
    word = toks[end].norm
    return word in lexicon.device_vocab and word.isalpha() and not is_everyday(word) and word != "lte"


# Words of phones a country follows in languages that put the adjective after the noun ("hp china",
# "celular chino", "telefono cinese"): the phone comes from there.
_LOCKED = frozenset({"lock", "locked", "bloqueado", "bloqueada", "khoa"})
_LOCKED_TO = frozenset({"to", "on", "by", "a", "para", "por", "com", "con", "ao"})
_HANDSETS_BEFORE = frozenset({"hp", "ponsel", "handphone", "celular", "celulares", "telefono", "movil", "aparelho"})
# Before "de"/"do" and a country: the phone's own ("celular de", "modelo de", "versión de", "es del").
_OF_WHAT = _HANDSETS_BEFORE | HANDSET_WORDS | MARKET_CUES | {"es"}
# Words of a phone itself (`HANDSET_WORDS`) after a country's adjective: "a chinese phone" comes from
# China, unless they go on to name what a phone has there ("a US phone number", "an Indian phone plan").
_NOT_A_HANDSET = frozenset(
    {"number", "numbers", "plan", "plans", "bill", "line", "lines", "service", "carrier", "carriers"}
    | {"network", "networks", "provider", "providers", "company", "companies", "market", "call", "calls"}
    | {"giant", "giants", "maker", "makers", "brand", "brands", "manufacturer", "manufacturers", "vendor"}
    | {"vendors", "firm", "firms", "industry", "sales", "shipments"}
)


def _before_a_handset_word(toks: list[Token], end: int) -> bool:
    """Whether a word for a phone comes next ("usa phone", "U.S. mobile phone"), and not a phone's
    number or plan ("a US phone number")."""
    after = [t.norm for t in toks[end : end + 3] if not t.brk]
    if after and after[0] in ("mobile", "cell") and len(after) > 1 and after[1] in HANDSET_WORDS:
        after = after[1:]
    return bool(after) and after[0] in HANDSET_WORDS and not (len(after) > 1 and after[1] in _NOT_A_HANDSET)


def _adjective_names_market(toks: list[Token], start: int, end: int, device_span: tuple[int, int] | None) -> bool:
    """ "chinese", "us", "cn" count as a market only next to a phone or a market word ("the chinese
    one", "a us iphone", "CN rom"); "us" in "let us know" is a pronoun."""
    after = [t.norm for t in toks[end : end + 3] if not t.brk]
    if after and (after[0] in MARKET_CUES or (len(after) > 1 and after[1] in MARKET_CUES)):
        return True
    if after and after[0] in HANDSET_WORDS and not (len(after) > 1 and after[1] in _NOT_A_HANDSET):
        return True  # "a chinese phone"; not "a US phone number", "a Chinese smartphone giant"
    if start > 0 and toks[start - 1].norm in MARKET_CUES and not toks[start].brk:
        return True  # "versione cinese", "versão chinesa", "version china"
    if device_span is None:
        return False
    # Before the phone ("a us iphone", "chinese redmi") or right after it ("s24 ultra coreano", "国行").
    return 0 <= device_span[0] - end <= 1 or start == device_span[1]


# Turkish "from", a suffix written after an apostrophe on a proper name ("Çin'den", "ABD'den").
_TURKISH_FROM = frozenset({"den", "dan", "ten", "tan"})


# Market words of no one place ("US and EU models" are places as much as markets).
_WORLD = frozenset(w for w, markets in MARKET_WORDS.items() if "global" in markets)
# Words that set markets side by side: "global vs china", "china or global version".
_SIDE_BY_SIDE = frozenset({"vs", "versus", "or", "and", "o", "ou", "oder", "y", "e"})


def _beside_a_market(toks: list[Token], start: int, end: int) -> bool:
    """ "xiaomi 14 global vs china?", "china or global for tmo?": a place compared with a market word is
    a market too, the phone's models set side by side: neither where it is used nor one model."""
    before = [t.norm for t in toks[max(0, start - 2) : start]]
    after = [t.norm for t in toks[end : end + 2]]
    if toks[start].brk:
        before = []
    if end < len(toks) and toks[end].brk:
        after = []
    return (len(before) == 2 and before[1] in _SIDE_BY_SIDE and before[0] in _WORLD) or (
        len(after) == 2 and after[0] in _SIDE_BY_SIDE and after[1] in _WORLD
    )


# "buy" in Chinese and Japanese (read a character a token): "买", "買", "購(入)", "购(买)"; after "で"
# (folded "て": at) or "在" (in).
_BUY_CJK = frozenset({"买", "買", "購", "购"})
# Japanese words for a phone after "の" (of): "アメリカの携帯", "海外のスマホ", "香港版のiPhone".
_HANDSETS_JA = tuple(text.fold(w) for w in ("携帯", "スマホ", "スマートフォン", "端末", "iphone", "simフリー"))


def _said_of_a_word_ja(toks: list[Token], p: _Place) -> bool:
    if p.end >= len(toks) or toks[p.end].norm != "の" or toks[p.end].brk:
        return False
    return not _handset_at(toks, p.end + 1)


def _handset_at(toks: list[Token], at: int) -> bool:
    """Whether a Japanese word for a phone begins at token `at` (read a character a token)."""
    return "".join(t.norm for t in toks[at : at + 7]).startswith(_HANDSETS_JA)


def _is_origin(
    toks: list[Token],
    p: _Place,
    device_span: tuple[int, int] | None,
    places: list[_Place],
    question: str,
    network_countries: set[str],
    network_starts: set[int],
    known: frozenset[str],
    named_at: tuple[tuple[int, int], ...] = (),
    network_ends: frozenset[int] = frozenset(),
) -> bool:
    """Whether a place is where the phone comes from: "china version", an adjective of a market, a
    cue before it ("bought … in", "imported from"), or a place written right before the phone ("a US
    galaxy"); a cue of use ("moving to", "back home in", "I'm from") makes it the place of use."""
    phone_spans = named_at or ((device_span,) if device_span is not None else ())
    if _made_for_market(toks, p.end):
        return True
    if (
        p.start in network_ends
        and not p.adjective
        and not any(t.norm in MARKET_CUES for t in toks[p.end : p.end + 2] if not t.brk)
    ):
        # "beeline uz iphone 15", "zain kuwait s24": a country after a network's name is its country
        return False
    edition = toks[p.end - 1].norm in ("版", "판")  # "港版", "미국판": an edition, never a network's country
    of_network = _adjective_of_network(toks, p.start, p.end) or (
        p.adjective and p.end in network_starts and not edition
    )
    if of_network and not (network_countries and p.code in known and p.code not in network_countries):
        # "banned from all AU networks", "a Chinese carrier", "Czech T-Mobile": the networks are there
        # (but "iphone 15 港版 联通5g" is the Hong Kong edition on China Unicom, and in "galaxy s24 ultra
        # coreano telcel" Telcel is no network of Korea, whose networks we know: a Korean phone)
        return False
    after = [t.norm for t in toks[p.end : p.end + 2] if not t.brk]
    if after and after[0] in HINDI_IN and not p.adjective:
        return False  # "global version india me kaam karega": Hindi "me" (in) after the place
    if len(after) == 2 and after[0] == "se" and after[1].startswith(_HINDI_GOT):
        return True  # "usa se mangwaya" (ordered from the US), "dubai se liya" (bought in Dubai)
    if after and after[0] in _TURKISH_FROM and question[toks[p.end - 1].end : toks[p.end].start] in ("'", "’", "-"):
        return True  # Turkish "abd'den aldım", "çin'den aldım": bought from there
    if after and (after[0] in _BUY_CJK or (after[0] in ("て", "在") and after[1:2] and after[1] in _BUY_CJK)):
        return True  # "アメリカで買ったiPhone", "美国买的": bought there
    if after and after[0] == "の" and _handset_at(toks, p.end + 1):
        return True  # "アメリカの携帯を日本で": an American phone
    # Another place named, or a network named that has no namesake in this country.
    elsewhere = any(o.code != p.code for o in places) or (bool(network_countries) and p.code not in network_countries)
    if after and "availability" in says(after[0]) and not _made_for_market(toks, p.end):
        return False  # "xiaomi 15 ultra us release?", "india launch date": where it is sold
    if any(word in MARKET_CUES for word in after):
        return True  # "china version", "china mainland version", "CN rom"
    if p.start > 0 and toks[p.start - 1].norm in _STORES and not toks[p.start].brk and elsewhere:
        return True  # "pixel 9 on amazon uk is cheaper, will it work in india": bought from that shop
    if p.start > 0 and toks[p.start - 1].norm in _LOCKED and not toks[p.start].brk:
        return True  # Vietnamese "lock nhật": locked to a Japanese network, so a phone from Japan
    if p.start > 1 and toks[p.start - 1].norm == "to" and toks[p.start - 2].norm in _LOCKED:
        return True  # "locked to japan"
    if p.start > 0 and toks[p.start - 1].norm in _HANDSETS_BEFORE and not toks[p.start].brk:
        return True  # "hp china bisa pake telkomsel?": a Chinese phone
    if p.start > 1 and toks[p.start - 1].norm in _OF and toks[p.start - 2].norm in _OF_WHAT:
        # "un celular de estados unidos", "es el modelo de usa", Spanish "es del japón" (it is from Japan)
        return not toks[p.start].brk and not toks[p.start - 1].brk
    cue_before = (
        p.start > 0
        and toks[p.start - 1].norm in MARKET_CUES
        and not toks[p.start].brk
        # Vietnamese "hàng Mỹ" is US goods, but "chính hãng Việt Nam" is sold officially in Vietnam
        and unicodedata.normalize("NFC", toks[p.start - 1].raw.lower()) != "hãng"
        # "版"/"판" (edition) follows its market ("美版"): "ヨーロッパ版 日本で" is the Europe edition in Japan
        and toks[p.start - 1].norm not in ("版", "판")
    )
    if cue_before and not any(o.end == p.start - 1 for o in places):
        # "versión china", "iPhone bản Mỹ" (the US version); not "usa wala india", whose cue is the US's
        return True
    if p.adjective and device_span is not None and p.start == device_span[1] and not after and not elsewhere:
        return False  # "samsung s24 ultra uk?": the question's place, after the phone and nothing else
    if p.adjective:
        return True
    if any(p.start == end for _start, end in phone_spans) and elsewhere:
        return True  # "xiaomi 14 china bisa dipake di indonesia?": the model's market, then where it is used
    if device_span is not None and p.start == device_span[1] + 1 and toks[p.start - 1].norm in ("z", "ze"):
        # Polish "pixel 8 z usa" (from the US): "z" after a phone's name is "from", never "in"
        return not toks[p.start - 1].brk and not toks[p.start].brk
    if device_span is not None and p.start == device_span[1] + 1 and toks[p.start - 1].norm in _OF and elsewhere:
        # "el iphone 15 de estados unidos funciona con telcel": the phone's provenance, then its network
        return not toks[p.start - 1].brk and not toks[p.start].brk
    if (
        device_span is not None
        and p.start == device_span[1] + 2
        and toks[p.start - 2].norm in _OF
        and toks[p.start - 1].norm in _OF_ARTICLES
        and elsewhere
    ):
        # "galaxy m35 de la india sirve en colombia": the same, with the country's article
        return not any(t.brk for t in toks[p.start - 2 : p.start + 1])
    if elsewhere and _before_a_handset_word(toks, p.end):
        return True  # "will my usa phone work in cuba", "my china phone in india": its market, then its use
    if elsewhere and _right_before(toks, p, device_span, question, named_at):
        return True  # "can i use a china iphone in the us": the phone's market, then where it is used
    others = {i for o in places if o is not p for i in range(o.start, o.end)}
    phone = {i for span in phone_spans for i in range(*span)}
    j = p.start - 1
    steps = 0
    # Back to the cue: across the phone's name ("bought the xiaomi 14 in Riyadh"), not across another place.
    while j >= 0 and steps < 5 and not toks[j + 1].brk and j not in others:
        word = toks[j].norm
        if j in phone:
            j -= 1
            continue
        if word == "for" and j > 0 and toks[j - 1].norm in _MADE:
            return True  # "made for china": the market it was made for
        if word in USE_CUES or "compatibility" in says(word):
            # "will it work in", "bisa dipakai di indonesia": a word of working says where it is used
            return False
        if word in ORIGIN_CUES:
            # "I'm from India": where the asker is, not where the phone comes from
            return not (word == "from" and j > 0 and toks[j - 1].norm in _SELF)
        if word in _BUYING:
            # "can I buy it in the US" asks where it is sold; "if I buy one in Paraguay, will it work
            # in Brazil" names where it comes from and where it is used.
            return len(places) > 1
        if word not in ORIGIN_GAP and not word.isdigit():
            steps += 1
        j -= 1
    # "a US galaxy", "HK iPhone": written right before the phone, with nothing between.
    return _right_before(toks, p, device_span, question, named_at)


def _right_before(
    toks: list[Token],
    p: _Place,
    device_span: tuple[int, int] | None,
    question: str,
    named_at: tuple[tuple[int, int], ...] = (),
) -> bool:
    """Whether the place is written right before the phone's name, where it is first named or again
    ("sent me an iPhone 15 from the US … Will the US iPhone 15 work on Safaricom?", "… the UK A55")."""
    if device_span is None or p.end >= len(toks) or question[toks[p.end - 1].end : toks[p.end].start].strip():
        return False
    if device_span[0] == p.end:
        return True
    # (named again: but "… will debut next week in India Xiaomi 15 Series" is a headline run into its
    # text, "in India" where the phone comes out)
    if p.start > 0 and toks[p.start - 1].norm in PLACE_CUES and toks[p.start - 1].norm != "the":
        return False
    return any(start == p.end for start, _end in named_at)


def _carrier_suggestion(lexicon: Lexicon, carrier_id: str) -> Suggestion:
    carrier = lexicon.knowledge.carrier(carrier_id)
    return Suggestion("carrier", carrier_id, f"{carrier.name} ({carrier.country})")
