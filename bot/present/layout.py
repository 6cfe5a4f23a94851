"""One layout per answer: what it says, in which order, with which phrases.

The engine returns data (`Answer`); this module decides every sentence of an answer once, and the
renderers (`markdown` for the CLI and the JSON contract, `discord.embeds` for Discord) only arrange
it. The first lines answer the question asked, in words; models with the same verdict are said
together; each caveat is said once; the per-carrier detail is a section of its own that a chat
client may fold away.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from .. import markets
from ..engine import Answer, BandsOfVariant
from ..matching import regions
from ..matching.devices import Suggestion
from ..records import Carrier, CarrierBands, Device, Knowledge, Variant
from ..verdicts import Compatibility
from . import i18n
from .i18n import _, ngettext, speaking
from .phrases import (
    FLAG_WORDS,
    PHONES_STATUS_WORDS,
    STATUS_WORDS,
    VERDICT_MARK,
    VERDICT_RANK,
    band_list,
    band_rows,
    checked_model,
    cite,
    country_phrase,
    device_caveats,
    gist,
    models_not_in,
    short_label,
    variant_sources,
)

STATUS_VERDICT = {
    "sold": "full",
    "not_sold": "none",
    "planned": "partial",
    "discontinued": "partial",
    "suspended": "partial",
    "unknown": "unknown",
}
_STATUS_LEAD = {
    "sold": "Yes",
    "not_sold": "No",
    # (a plan said once is no word on today: "not yet" would say the phone is still not on sale)
    "planned": "Planned",
    "discontinued": "No longer",
    "suspended": "Suspended",
    "unknown": "Unknown",
}
QUOTE_SHOWN = 320  # characters of a statement's quote in the answer (the source has it whole)
# The caveats in the order a reader needs them.
_FLAG_ORDER = (
    "certification_required",
    "no_volte",
    "volte_unknown",
    "legacy_only",
    "bands_unknown",
    "carrier_bands_incomplete",
)


@dataclass(frozen=True)
class Section:
    name: str
    lines: tuple[str, ...]
    detail: bool = False  # the per-carrier detail behind a summary: a chat client may fold it away


@dataclass(frozen=True)
class Layout:
    title: str | None  # the phone, or None
    headline: tuple[str, ...]  # the answer to the question asked, in words: always shown, first
    sections: tuple[Section, ...] = ()
    notes: tuple[str, ...] = ()  # sources and dates, each once
    footer: str | None = None
    verdict: str = "unknown"  # full | partial | none | unknown: a colour
    kind: str = "answer"  # answer | choices (a question back) | decline | nothing (no phone found)
    model: str = ""  # the model checked, after the title: " (China model, 23127PN0CC)"
    lang: str = "en"  # the language its phrases are in


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + "…"


def declines(a: Answer) -> bool:
    """Whether the answer is a decline: the post asks something else about a phone or a maker (an
    unknown phone still gets its "did you mean")."""
    return a.intent == "other" and bool(a.device or a.gadget or (a.vendor and not a.suggestions))


def verdict_of(a: Answer) -> str:
    """The colour's verdict: the one shared by every carrier and model checked (partial when they
    differ); else the availability; else unknown."""
    if a.compatibility and (a.intent != "availability" or a.availability is None):
        return _overall({c.verdict for c in a.compatibility})
    if a.availability is not None and a.vendor and (a.device or a.intent not in ("compatibility", "bands")):
        # A maker selling its phones somewhere says nothing of whether an unnamed model works there.
        return STATUS_VERDICT.get(a.availability.status, "unknown")
    return "unknown"


def build(a: Answer, k: Knowledge, country_names: Mapping[str, str], lang: str = "en") -> Layout:
    """The layout of an answer, its phrases in `lang` ("en", "es", "pt_BR"; see `i18n`)."""
    with speaking(lang):
        lay = _build(a, k, country_names if lang == "en" else i18n.country_names(lang), lang)
    if lang == "en":
        return lay

    def fix(line: str) -> str:
        return i18n.polish(line, lang)

    return replace(
        lay,
        headline=tuple(map(fix, lay.headline)),
        sections=tuple(Section(fix(s.name), tuple(map(fix, s.lines)), s.detail) for s in lay.sections),
        notes=tuple(map(fix, lay.notes)),
    )


def _build(a: Answer, k: Knowledge, country_names: Mapping[str, str], lang: str) -> Layout:
    footer = _footer(a, k)
    if a.intent == "thanks":
        return Layout(None, (_("You're welcome!"),), footer=footer, kind="nothing")
    if a.intent == "hello":
        return Layout(
            None,
            (
                _(
                    "Hi! I tell whether a phone is sold in a country, whether it works on a network and which "
                    "bands it has, with my sources. Try e.g. “Will the Pixel 9 work on Verizon?”, “Is the "
                    "Xiaomi 14 sold in the US?” or “What bands does Jio use?”"
                ),
            ),
            footer=footer,
            kind="nothing",
        )
    if declines(a):
        name = k.device(a.device).name if a.device else None
        if a.gadget:
            about = _("I know phones only: not watches, tablets, earbuds or accessories.")
        elif name:
            about = _("I can't help with that about the **{phone}**.").format(phone=name)
        else:
            about = _("I can't help with that.")
        return Layout(
            None,
            (
                about
                + " "
                + _(
                    "I can tell whether a phone is sold in a country, whether it works on a carrier, and which "
                    "bands it has: try “Will the {phone} work on Verizon?”"
                ).format(phone=name or "Pixel 9"),
            ),
            footer=footer,
            kind="decline",
        )
    device = k.device(a.device) if a.device else None
    vendor = k.vendor(a.vendor) if a.vendor else None
    listed = networks_listed(a, k)
    if listed and a.carrier:
        return _network_bands(a, k.carrier(a.carrier), listed[0], footer)
    if listed is not None and a.country and not (a.reading and a.reading.bands_asked):
        return _country_bands(a.country, listed, country_names, lang, footer)
    if listed is not None:
        return _band_users(a, listed, footer, country_phrase(a.country, country_names, lang))
    if device is None and a.each:
        return _each(a, k, country_names, footer, lang)
    if device is None and (vendor is None or a.availability is None):
        return _no_phone(a, k, footer, country_names, lang)

    country = country_phrase(a.country or a.region, country_names, lang) or _("that country")
    heads: dict[str, list[str]] = {"availability": [], "compatibility": [], "bands": []}
    sections: dict[str, list[Section]] = {"availability": [], "compatibility": [], "bands": []}
    notes: list[str] = []
    extra: list[str] = []
    lead: list[str] = []  # said before the verdicts, which it explains
    if device is not None:
        title = device.name
        if a.origin_unrecorded:
            lead.append(
                "_"
                + _(
                    "I have no record of the {phone} made for {country}: the models below are made for other markets."
                ).format(phone=device.name, country=country_phrase(a.origin, country_names, lang))
                + "_"
            )
    else:
        assert vendor is not None
        title = _("{vendor} (all its phones)").format(vendor=vendor.name)
        if a.unknown_model and a.intent in ("compatibility", "bands", "availability"):
            # "Sony H4113 on T-Mobile?": the model was told; that we lack it is the answer, not a question.
            names = ", ".join(f"**{s.name}**" for s in a.suggestions if s.kind == "device")
            heads[a.intent].append(
                _("I don't know the model number **{model}** yet.").format(model=a.unknown_model)
                + (" " + _("Did you mean: {names}?").format(names=names) if names else "")
            )
        elif a.maker_unknown_phones and a.intent in ("compatibility", "bands"):
            heads[a.intent].append(_no_phones_of(vendor.name, a))
        elif a.intent in ("compatibility", "bands") or (a.suggestions and a.intent == "availability"):
            # "will my iphone work on visible?": what works is a model's bands, so the answer asks for
            # the model first; the maker's word on selling there follows.
            names = ", ".join(f"**{s.name}**" for s in a.suggestions)
            if a.suggestions and a.device_hint and not a.ambiguous:
                # "infinix note 40 pro": a model we lack, whose name the offered ones only resemble
                heads[a.intent].append(_("I don't know that exact phone. Did you mean: {names}?").format(names=names))
            elif a.suggestions:
                heads[a.intent].append(_which(a.suggestions))
            elif a.device_hint:
                # "tecno spark 20 on glo?": the model was told, and we lack it
                heads[a.intent].append(_("I don't know that {vendor} phone yet.").format(vendor=vendor.name))
            else:
                heads[a.intent].append(
                    _("Which {vendor} phone? Tell me the model and I'll check its bands.").format(vendor=vendor.name)
                )
        elif a.device_hint and not a.suggestions:
            extra.append(
                _("I don't know which {vendor} phone you mean; this is what {vendor} said of all its phones.").format(
                    vendor=vendor.name
                )
            )
    # "poco x6 pro on vodafone": the networks that name fits are the question back, not an afterthought.
    which_network = (
        device is not None
        and a.intent in ("compatibility", "unknown")
        and not (a.country or a.region)
        and bool(a.suggestions)
        and all(s.kind == "carrier" for s in a.suggestions)
    )
    if which_network:
        heads["compatibility"].append(_which(a.suggestions))
    elif a.suggestions and (device is not None or a.intent not in ("compatibility", "bands", "availability")):
        extra.append(_("Other candidates: ") + ", ".join(f"**{s.name}**" for s in a.suggestions))

    # "will a oneplus ace 5 work on att?" with phones offered: the maker's word on all its phones says
    # nothing of the one meant (the Ace line is China's), so only a sale question gets it.
    guessing = device is None and bool(a.suggestions) and a.intent != "availability"
    if a.availability is not None and vendor is not None and not guessing:
        asked = a.intent == "availability"
        _availability(a, vendor.name, device, country, asked, heads["availability"], sections["availability"])
        for code, sold in a.also_sold:
            # "sold in canada or mexico": each country asked about, one after the other
            there = country_phrase(code, country_names, lang) or code
            _availability(
                replace(a, availability=sold),
                vendor.name,
                device,
                there,
                asked,
                heads["availability"],
                sections["availability"],
            )
    elif device is not None and a.intent == "availability" and a.region and vendor is not None:
        _region_availability(a, vendor.name, country, country_names, lang, heads["availability"])
    elif device is not None and a.intent == "availability" and not a.country:
        # "is the pixel 7a available?", "when does the s26 release": with no country, when it first went
        # on sale (its `released`), and what to add
        if device.released:
            heads["availability"].append(_("First on sale: {date}.").format(date=device.released))
        heads["availability"].append(_("Tell me a country and I'll check whether it is sold there."))
    if a.compatibility and a.unknown_network and a.country:
        # "iphone 15 with lebara uk": the network is a brand we know elsewhere, not in this country
        heads["compatibility"].append(
            _("I don't know “{network}” in {country} yet: here is every network there.").format(
                network=a.unknown_network, country=country
            )
        )
    if a.compatibility and a.also:
        _trip_country(a, k, device, country_names, heads, sections, notes, lang)
    elif a.compatibility:
        _compatibility(
            a, k, device, country, country_names, heads["compatibility"], sections["compatibility"], notes, lang
        )
    elif (
        device is not None
        and a.intent in ("compatibility", "unknown")
        and not a.country
        and not a.region
        and not which_network
    ):
        if a.unknown_network:
            # "pixel 8a on straight talk?": a network we lack is said so, not passed over
            heads["compatibility"].append(
                _(
                    "I don't know the network “{network}” yet: tell me the network it runs on, or its "
                    "country, and I'll check the bands."
                ).format(network=a.unknown_network)
            )
        else:
            heads["compatibility"].append(_("Tell me a carrier or a country and I'll check the bands."))
    elif device is not None and (a.country or a.region) and a.intent != "bands":
        heads["compatibility"].append(_("I don't know the carriers of {country} yet.").format(country=country))
    for code, cells in a.also:
        # "going to japan and korea": each other country of the trip the same way
        _trip_country(
            replace(a, country=code, compatibility=cells), k, device, country_names, heads, sections, notes, lang
        )
    if a.bands and device is not None and a.intent == "bands":
        _bands(a, device, country_names, heads["bands"], sections["bands"])
    elif a.bands and device is not None:
        # "does the oneplus 12r support band 66? I'm on AT&T": the band asked first, then the network
        heads["compatibility"][:0] = [
            _asked_band(tech, number, a.bands, _band_label(device, country_names))
            for tech, number in (a.reading.bands_asked if a.reading else ())
        ]
    if device is not None and (a.compatibility or a.bands):
        notes.append(_("Device bands: {sources}").format(sources=variant_sources(device, a.variants)))
        notes.extend(device_caveats(device))

    order = {
        "availability": ("availability", "compatibility", "bands"),
        "bands": ("bands", "compatibility", "availability"),
    }.get(a.intent, ("compatibility", "availability", "bands"))
    return Layout(
        title,
        tuple(lead) + tuple(line for name in order for line in heads[name]) + tuple(extra),
        tuple(s for name in order for s in sections[name]),
        tuple(dict.fromkeys(notes)),
        footer,
        verdict_of(a),
        model=checked_model(device, a.variants) if device else "",
        lang=lang,
    )


def _footer(a: Answer, k: Knowledge) -> str | None:
    bits = []
    if a.truncated:
        bits.append(_("Only the first 2,000 characters of the question were read."))
    if a.device and a.confidence < 1.0:
        bits.append(_("Typos corrected: I read this as {phone}.").format(phone=k.device(a.device).name))
    return " ".join(bits) or None


def _each(a: Answer, k: Knowledge, country_names: Mapping[str, str], footer: str | None, lang: str) -> Layout:
    """ "pixel 6/7/8 on jio": the verdict of each phone the question may mean, on the network it names
    (or the networks of the country it names), for one model each (named), then which to ask about
    for every model and the details."""
    if a.carrier:
        head = _("Works on {carrier}?").format(carrier=k.carrier(a.carrier).name)
    else:
        country = country_phrase(a.country or a.region, country_names, lang) or _("that country")
        head = _("Works in {country}?").format(country=country)
    one_carrier = bool(a.carrier)
    lines = ["**" + head + "**"]
    verdicts = set()
    for one in a.each:
        device = k.device(one.device)
        if not one.cells:
            continue
        # The model made for the country; else, among imports, one whose bands are known.
        pick = next(
            (c for c in one.cells if c.native is True),
            next((c for c in one.cells if c.verdict != "unknown"), one.cells[0]),
        )
        cells = [c for c in one.cells if c.variant == pick.variant]
        verdict, said = _summary(cells, k, one_carrier, 1)
        verdicts.add(verdict)
        model = ""
        if len(device.variants) > 1:
            variant = next(v for v in device.variants if v.id == pick.variant)
            model = " " + _("({model} model)").format(model=short_label(variant, country_names))
        lines.append(f"{VERDICT_MARK[verdict]} **{device.name}**{model} {said}.")
    names = ", ".join(f"**{s.name}**" for s in a.suggestions)
    lines.append(_("Ask about one of them for every model and the details: {names}.").format(names=names))
    overall = verdicts.pop() if len(verdicts) == 1 else "unknown"
    title = " · ".join(k.device(one.device).name for one in a.each)
    return Layout(title, tuple(lines), footer=footer, verdict=overall, kind="choices")


def _which(suggestions: Sequence[Suggestion]) -> str:
    """The question back: "Which one do you mean: A, B?", or for one name "Did you mean: A?"."""
    names = ", ".join(f"**{s.name}**" for s in suggestions)
    if len(suggestions) == 1:
        return _("Did you mean: {names}?").format(names=names)
    return _("Which one do you mean: {names}?").format(names=names)


def _no_phones_of(vendor: str, a: Answer) -> str:
    if a.intent in ("compatibility", "bands"):
        return _("I don't know any {vendor} phone yet, so I can't check its bands.").format(vendor=vendor)
    return _("I don't know any {vendor} phone yet.").format(vendor=vendor)


def _no_phone(a: Answer, k: Knowledge, footer: str | None, country_names: Mapping[str, str], lang: str) -> Layout:
    vendor = k.vendor(a.vendor) if a.vendor else None
    names = ", ".join(f"**{s.name}**" for s in a.suggestions)
    devices_only = bool(a.suggestions) and all(s.kind == "device" for s in a.suggestions)
    lines: list[str] = []
    if vendor is not None and a.maker_unknown_phones:
        # "tcl 40 xl on metro?", "micromax in note 2": a maker we know by name only; which network or
        # model it is would not help, and no other maker's phone is what was meant
        return Layout(
            None,
            ("**" + _("{vendor} (all its phones)").format(vendor=vendor.name) + "**", _no_phones_of(vendor.name, a)),
            footer=footer,
            kind="nothing",
        )
    if a.unknown_model:
        lines.append(
            _("I don't know the model number **{model}** yet.").format(model=a.unknown_model)
            + (" " + _("Did you mean: {names}?").format(names=names) if devices_only else "")
        )
    elif vendor is None and a.imei_given:
        # "imei 356938035643809 on verizon?": no model to read from it (a TAC list is no open data)
        lines.append(
            _("An IMEI doesn't tell me the model. Tell me the model (Settings → About phone) and I'll check its bands.")
        )
    elif (
        vendor is None
        and not a.suggestions
        and not a.device_hint
        and a.intent == "compatibility"
        and (a.carrier or a.country or a.region)
    ):
        # "Mobile network is not working … I have Orange PL": the network is known, no phone is named (a
        # phone named that we do not know, "my qin f21 pro", is not asked for again).
        where = (
            _("on **{carrier}**").format(carrier=k.carrier(a.carrier).name)
            if a.carrier
            else _("in {country}").format(country=country_phrase(a.country or a.region, country_names, lang))
        )
        return Layout(
            None,
            (_("Which phone is it? Tell me the model and I'll check it {where}.").format(where=where),),
            footer=footer,
            kind="nothing",
        )
    elif vendor is None and not a.suggestions:
        return Layout(
            None,
            (
                _(
                    "I couldn't find a phone I know in that question. Try e.g. "
                    "“Will the Pixel 9 work on Verizon?” or “Is the Xiaomi 14 sold in the US?”"
                ),
            ),
            footer=footer,
            kind="nothing",
        )
    if a.unknown_model and (devices_only or not a.suggestions):
        pass
    elif devices_only and a.ambiguous:
        lines.append(_which(a.suggestions))
    elif devices_only and a.device_hint:
        lines.append(_("I don't know that exact phone. Did you mean: {names}?").format(names=names))
    elif a.device_hint and any(s.kind == "device" for s in a.suggestions):
        # "galaxy a27 on o2": a phone we lack, then which network; "redmi note 13 pro on claro": which
        # phone, then which network; said apart, not as one list
        phones = [s for s in a.suggestions if s.kind == "device"]
        if a.ambiguous:
            lines.append(_which(phones))
        else:
            named = ", ".join(f"**{s.name}**" for s in phones)
            lines.append(_("I don't know that exact phone. Did you mean: {names}?").format(names=named))
        networks = ", ".join(f"**{s.name}**" for s in a.suggestions if s.kind != "device")
        lines.append(_("And which network: {names}?").format(names=networks))
    elif vendor is not None and a.device_hint and not any(s.kind == "device" for s in a.suggestions):
        # "hmd pulse pro on three": a phone we lack; which Three it is would not help
        lines.append("**" + _("{vendor} (all its phones)").format(vendor=vendor.name) + "**")
        lines.append(_("I don't know that {vendor} phone yet.").format(vendor=vendor.name))
        return Layout(None, tuple(lines), footer=footer, kind="nothing")
    elif a.suggestions:
        lines.append(_which(a.suggestions))
    elif vendor is not None and a.device_hint:
        lines.append(_("I don't know which {vendor} phone you mean.").format(vendor=vendor.name))
    elif vendor is not None:
        # "samsung galaxy?": the maker, and what to say next
        lines.append("**" + _("{vendor} (all its phones)").format(vendor=vendor.name) + "**")
        lines.append(_("Which {vendor} phone? Tell me the model and I'll check its bands.").format(vendor=vendor.name))
    return Layout(None, tuple(lines), footer=footer, kind="choices" if a.suggestions else "nothing")


def _listed_country(code: str, country_names: Mapping[str, str], lang: str) -> str:
    """A country in a list of a region's countries ("the United Kingdom"; Portuguese "no Reino Unido",
    each with its own preposition)."""
    if lang == "pt_BR":
        return i18n.in_country(code, country_names.get(code, code), lang)
    return country_phrase(code, country_names, lang) or code


def _region_availability(
    a: Answer, vendor_name: str, region: str, country_names: Mapping[str, str], lang: str, heads: list[str]
) -> None:
    """ "Sold in the European Union?": a sale is stated country by country; which countries the maker
    said it sells in (or not), and how many it said nothing of."""
    asks = "**" + _("Sold in {country}?").format(country=region) + "**"
    by_status: dict[str, list[str]] = {}
    for code, av in a.region_sales:
        place = _listed_country(code, country_names, lang)
        by_status.setdefault(av.status, []).append(place)
    members = len(regions.members(a.region)) if a.region else 0
    if not by_status:
        heads.append(
            f"{VERDICT_MARK['unknown']} {asks} "
            + _("I have no statement from {vendor} about any of its countries; tell me one.").format(vendor=vendor_name)
        )
        return
    said = "; ".join(
        _("{status} in {countries}").format(status=_(STATUS_WORDS[status]), countries=_names(countries))
        for status, countries in by_status.items()
    )
    rest = members - len(a.region_sales)
    verdict = "full" if set(by_status) == {"sold"} else "partial" if "sold" in by_status else "unknown"
    line = f"{VERDICT_MARK[verdict]} {asks} " + said[:1].upper() + said[1:] + "."
    if rest > 0:
        line += " " + ngettext(
            "No statement from {vendor} about the other {n} country.",
            "No statement from {vendor} about the other {n} countries.",
            rest,
        ).format(vendor=vendor_name, n=rest)
    heads.append(line)


def _availability(
    a: Answer,
    vendor_name: str,
    device: Device | None,
    country: str,
    asked: bool,
    heads: list[str],
    sections: list[Section],
) -> None:
    """Whether it is sold there. Asked, the statement is quoted; beside another question, its verdict
    and source are enough."""
    av = a.availability
    assert av is not None
    mark = VERDICT_MARK[STATUS_VERDICT.get(av.status, "unknown")]
    asks = "**" + _("Sold in {country}?").format(country=country) + "**"
    if not asked and (av.statement is None or av.scope in ("later", "market")):
        return  # "I don't know" of a question nobody asked is only noise beside the verdicts
    if av.statement is None:
        heads.append(
            f"{mark} {asks} "
            + _("I don't know: I have no statement from {vendor} about {country}.").format(
                vendor=vendor_name, country=country
            )
        )
        return
    s = av.statement
    who = s.said_by(vendor_name)
    source = s.source_url or cite(s.source)
    if av.scope == "later" and device is not None:
        # Apple's "we sell iPhones in the US" of 2025 says nothing of an iPhone 6 of 2014.
        heads.append(
            f"{mark} {asks} "
            + _(
                "I don't know for the {phone} ({year}): {who}'s statement of {date} is about its phones of then: {source}"  # noqa: E501 (one message for the catalogues)
            ).format(phone=device.name, year=(device.released or "")[:4], who=who, date=s.date, source=source)
        )
        return
    if av.scope == "market" and device is not None:
        # Huawei sells phones in the UK; the Mate 60 Pro's only model is made for China.
        made = _names(sorted({v.market for v in device.variants}))
        heads.append(
            f"{mark} {asks} "
            + _(
                "I don't know for the {phone}: {who} sells its phones in {country} ({date}: {source}), but the models of it I know are made for {markets}."  # noqa: E501 (one message for the catalogues)
            ).format(phone=device.name, who=who, country=country, date=s.date, source=source, markets=made)
        )
        return
    status = _(STATUS_WORDS[av.status])
    stopped_before = bool(
        device is not None
        and av.status == "discontinued"
        and av.scope == "vendor"
        and device.released
        and device.released > s.date
    )
    if not asked and not stopped_before:
        says = (
            _("{status}, says {who} ({date}): {source}")
            if av.scope == "device"
            else _("{status}, says {who} ({date}, of all its phones): {source}")
        )
        heads.append(
            f"{mark} {asks} {_(_STATUS_LEAD[av.status])}: "
            + says.format(status=status, who=who, date=s.date, source=source)
        )
        return
    if stopped_before and device is not None:
        # "No longer" would say it was sold once (beside another question too): Apple stopped selling
        # in Russia in 2022, before the iPhone 17 came out
        stopped = (
            _("No: {vendor} stopped selling its phones in {country} ({date}), before the {phone} came out.")
            if who == vendor_name
            else _(
                "No: sales of {vendor}'s phones in {country} stopped ({date}, said by {who}), before the {phone} came out."  # noqa: E501 (one message for the catalogues)
            )
        )
        heads.append(
            f"{mark} {asks} "
            + stopped.format(who=who, vendor=vendor_name, country=country, date=s.date, phone=device.name)
        )
    else:
        if device is not None:
            said = _("the {phone} is {status} in {country}").format(phone=device.name, status=status, country=country)
        else:
            status = _(PHONES_STATUS_WORDS[av.status])
            said = _("{vendor} phones {status} in {country}").format(vendor=vendor_name, status=status, country=country)
        if av.scope == "device":
            covers = ""
        elif who == vendor_name:
            covers = " " + _("({vendor}'s statement covers all its phones)").format(vendor=vendor_name)
        else:
            # a regulator's, a network's or a journalist's word, not the maker's own
            covers = " " + _("(said by {who}, of all {vendor}'s phones)").format(who=who, vendor=vendor_name)
        heads.append(f"{mark} {asks} {_(_STATUS_LEAD[av.status])}: {said}{covers}." + _model_elsewhere(a, device))
    lines = [
        f"> {clip(s.quote, QUOTE_SHOWN)}",
        _("— {who}, {date}. Source: {source}").format(who=who, date=s.date, source=source),
    ]
    if s.note:
        lines.append(f"_{gist(s.note, 160)}_")
    sections.append(Section(_("{who} said, {date}").format(who=who, date=s.date), tuple(lines)))


def _model_elsewhere(a: Answer, device: Device | None) -> str:
    """ "china version of oneplus 13 sold in india?": the phone is sold there, but the models asked
    about are made for other markets, which a "Yes" alone would hide."""
    if device is None or a.country is None or not 0 < len(a.variants) < len(device.variants):
        return ""
    chosen = [v for v in device.variants if v.id in a.variants]
    if not chosen or any(
        not v.made_for or markets.GLOBAL in v.made_for or a.country in markets.expand(v.made_for) for v in chosen
    ):
        return ""
    labels = list(dict.fromkeys(v.market for v in chosen))
    return " " + ngettext(
        "The {markets} model asked about is made for other markets.",
        "The {markets} models asked about are made for other markets.",
        len(chosen),
    ).format(markets=_names(labels))


def _reason(c: Compatibility, carrier_name: str | None) -> str:
    """Why a verdict is not "works", in a few words ("no B13", "needs Verizon's approval"); with no
    carrier's name, of whichever network it is ("an import needs the carrier's approval")."""
    missing = c.missing_primary
    bits = []
    if missing.get("lte"):
        bits.append(_("no {bands}").format(bands=band_list("B", missing["lte"])))
    if c.verdict == "none":
        return bits[0] if bits else _("none of its bands")
    if c.verdict == "unknown":
        return _("bands not recorded") if "bands_unknown" in c.flags else _("not enough known")
    if "legacy_only" in c.flags:
        bits.append(_("only 2G/3G"))
    if "certification_required" in c.flags and not bits:
        # Nobody recorded which market this model is for: it may be the one the carrier sells.
        if carrier_name is None:
            bits.append(
                _("needs the carrier's approval if it is an import")
                if c.native is None
                else _("an import needs the carrier's approval")
            )
        elif c.native is None:
            bits.append(_("needs {carrier}'s approval if it is an import").format(carrier=carrier_name))
        else:
            bits.append(_("an import needs {carrier}'s approval").format(carrier=carrier_name))
    if "no_volte" in c.flags:
        bits.append(_("no VoLTE"))
    elif "volte_unknown" in c.flags and not bits:
        bits.append(_("VoLTE not confirmed"))
    if not bits and missing.get("nr"):
        bits.append(_("5G without {bands}").format(bands=band_list("n", missing["nr"])))
    if not bits and c.lte == "unknown":
        bits.append(_("4G bands not recorded"))  # "redmi a4 5g on airtel": its 5G and 2G fit, its 4G unknown
    return ", ".join(bits) or _("not every band")


def _verb(verdict: str, n: int) -> str:
    """ "works", "work partly", "is unknown": the verdict said of n models (or one phone)."""
    return {
        "full": lambda: ngettext("works", "work", n),
        "partial": lambda: ngettext("works partly", "work partly", n),
        "none": lambda: ngettext("does not work", "do not work", n),
        "unknown": lambda: ngettext("is unknown", "are unknown", n),
    }[verdict]()


def _nothing_known(cells: list[Compatibility]) -> bool:
    """A model's verdicts rest on nothing recorded: unknown everywhere, not a level known."""
    return all(c.verdict == "unknown" and c.lte in (None, "unknown") and c.nr in (None, "unknown") for c in cells)


def _detail(c: Compatibility, name: str) -> str:
    tech = []
    for attr, label, prefix in (("lte", "4G", "B"), ("nr", "5G", "n")):
        level = getattr(c, attr)
        if level is None:
            continue
        missing = c.missing_primary.get(attr, ())
        piece = f"{label} {_(level)}"
        if missing:
            piece += " (" + _("missing {bands}").format(bands=band_list(prefix, missing)) + ")"
        tech.append(piece)
    words = _verb(c.verdict, 1) if c.verdict != "unknown" else _("unknown")
    return f"{VERDICT_MARK[c.verdict]} {name}: {words}" + (" — " + "; ".join(tech) if tech else "")


def _names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + _(" and ") + items[-1]


def _summary(cells: list[Compatibility], k: Knowledge, one_carrier: bool, n: int) -> tuple[str, str]:
    """One model (or n said together) across the networks asked about: the overall verdict and what to
    say of it ("works on A and B; works partly on C (no B13)"); with one network, the verdict and its
    reason only."""
    verdicts = {c.verdict for c in cells}
    carrier = {c.carrier: k.carrier(c.carrier).name for c in cells}
    reasons = {_reason(c, carrier[c.carrier]) for c in cells if c.verdict != "full"}
    if len(verdicts) == 1 and len(reasons) <= 1:
        only = verdicts.pop()
        said = _verb(only, n)
        if not one_carrier:
            if len(cells) == 2:
                where = _("on both networks")
            elif len(cells) > 2:
                where = _("on all {n} networks").format(n=len(cells))
            else:
                where = _("on {carrier}").format(carrier=carrier[cells[0].carrier])
            said += " " + where
        if reasons:
            said += f" ({reasons.pop()})"
        return only, said
    parts: list[str] = []
    for verdict in ("full", "partial", "none", "unknown"):
        group = [c for c in cells if c.verdict == verdict]
        if not group:
            continue
        if verdict in ("partial", "none"):
            names = _names([f"{carrier[c.carrier]} ({_reason(c, carrier[c.carrier])})" for c in group])
        else:
            names = _names([carrier[c.carrier] for c in group])
        lead = {
            "full": lambda: ngettext("works on {networks}", "work on {networks}", n),
            "partial": lambda: ngettext("works partly on {networks}", "work partly on {networks}", n),
            "none": lambda: _("not on {networks}"),
            "unknown": lambda: _("unknown on {networks}"),
        }[verdict]()
        parts.append(lead.format(networks=names))
    return _overall(verdicts), "; ".join(parts)


def _overall(verdicts: set[str]) -> str:
    """One verdict for several: the one they share; else partly when some work, else none when some
    do not, else unknown."""
    if len(verdicts) == 1:
        return next(iter(verdicts))
    if verdicts & {"full", "partial"}:
        return "partial"
    return "none" if "none" in verdicts else "unknown"


def _by_country(cells: list[Compatibility], k: Knowledge) -> dict[str, list[Compatibility]]:
    """The verdicts of one model on a region's networks, by the networks' country (in the cells' order)."""
    out: dict[str, list[Compatibility]] = {}
    for c in cells:
        out.setdefault(k.carrier(c.carrier).country, []).append(c)
    return out


def _region_summary(
    cells: list[Compatibility], k: Knowledge, country_names: Mapping[str, str], n: int, lang: str
) -> tuple[str, str]:
    """One model (or n said together) across a region's networks, country by country: "works in
    Austria and Germany; works partly in France and Italy (VoLTE not confirmed)"."""
    told: dict[tuple[str, str], list[str]] = {}  # (verdict, reasons) -> the countries it holds in
    for code, group in _by_country(cells, k).items():
        verdict, _said = _summary(group, k, False, 1)
        why = sorted({_reason(c, None) for c in group if c.verdict in ("partial", "none")})
        place = _listed_country(code, country_names, lang)
        told.setdefault((verdict, ", ".join(why)), []).append(place)
    verdicts = {verdict for verdict, _reasons in told}
    if len(told) == 1:
        (only, reasons), countries = told.popitem()
        # The knowledge holds some of a region's countries: "all 2 countries" of Africa would mislead.
        every = (
            _("in {places}").format(places=_names(countries))
            if len(countries) <= 3
            else _("in the {n} countries I know there").format(n=len(countries))
        )
        said = _verb(only, n) + " " + every
        if only == "unknown" and any("bands_unknown" in c.flags for c in cells):
            reasons = _("bands not recorded")
        return only, said + (f" ({reasons})" if reasons else "")
    parts: list[str] = []
    for verdict in ("full", "partial", "none", "unknown"):
        places = [
            _names(countries) + (f" ({reasons})" if reasons else "")
            for (v, reasons), countries in told.items()
            if v == verdict
        ]
        if not places:
            continue
        lead = {
            "full": lambda: ngettext("works in {places}", "work in {places}", n),
            "partial": lambda: ngettext("works partly in {places}", "work partly in {places}", n),
            "none": lambda: _("not in {places}"),
            "unknown": lambda: _("unknown in {places}"),
        }[verdict]()
        parts.append(lead.format(places=", ".join(places)))
    return _overall(verdicts), "; ".join(parts)


def _compatibility(
    a: Answer,
    k: Knowledge,
    device: Device | None,
    country: str,
    country_names: Mapping[str, str],
    heads: list[str],
    sections: list[Section],
    notes: list[str],
    lang: str = "en",
) -> None:
    variants: dict[str, Variant] = {v.id: v for v in device.variants} if device else {}
    by_variant: dict[str, list[Compatibility]] = {}
    for c in a.compatibility:
        by_variant.setdefault(c.variant, []).append(c)
    several = len(by_variant) > 1
    carriers = list(dict.fromkeys(c.carrier for c in a.compatibility))
    one_carrier = bool(a.carrier) and len(carriers) == 1  # asked about one network (not a country of one)

    def label(variant_id: str) -> str:
        v = variants.get(variant_id)
        return short_label(v, country_names) if v else variant_id

    # A region's networks are too many to name: its countries are said instead.
    in_region = bool(a.region) and not a.carrier and not a.country

    def summary(cells: list[Compatibility], n: int) -> tuple[str, str]:
        if in_region:
            return _region_summary(cells, k, country_names, n, lang)
        return _summary(cells, k, one_carrier, n)

    # Models with the same verdicts (and reasons) are said together, the ones that work first.
    groups: dict[tuple[str, str], list[str]] = {}
    for variant_id, cells in by_variant.items():
        groups.setdefault(summary(cells, 1), []).append(variant_id)
    if one_carrier:
        heads.append("**" + _("Works on {carrier}?").format(carrier=k.carrier(carriers[0]).name) + "**")
    else:
        heads.append("**" + _("Works in {country}?").format(country=country) + "**")
    for (verdict, _said), ids in sorted(groups.items(), key=lambda item: VERDICT_RANK[item[0][0]]):
        n = len(ids) if several else 1
        _verdict, said = summary(by_variant[ids[0]], n)
        if not several:
            who = _("The {phone}").format(phone=device.name if device else "?")
        else:
            who = ngettext("The {models} model", "The {models} models", n).format(
                models=_names([label(i) for i in ids])
            )
        heads.append(f"{VERDICT_MARK[verdict]} {who} {said}.")

    # The detail behind the summary, foldable: per model on one network, per country in a region,
    # per network otherwise.
    if in_region:
        # Models whose countries read alike share one list.
        alike: dict[tuple[str, ...], list[str]] = {}
        for variant_id, cells in by_variant.items():
            if all(c.verdict == "unknown" for c in cells):
                continue  # said in the summary
            told = []
            for code, group in _by_country(cells, k).items():
                verdict, said = _summary(group, k, False, 1)
                told.append(f"{VERDICT_MARK[verdict]} {country_names.get(code, code)}: {said}")
            alike.setdefault(tuple(told), []).append(variant_id)
        for told_alike, ids in alike.items():
            name = (
                ngettext("Per country · {models} model", "Per country · {models} models", len(ids)).format(
                    models=_names([label(i) for i in ids])
                )
                if several
                else _("Per country")
            )
            sections.append(Section(name, told_alike, detail=True))
    elif one_carrier and several:
        lines = [
            _detail(cells[0], label(variant_id))
            for variant_id, cells in by_variant.items()
            if not _nothing_known(cells)
        ]
        if lines:
            sections.append(Section(_("Per model"), tuple(lines), detail=True))
    elif not one_carrier:
        for variant_id, cells in by_variant.items():
            if _nothing_known(cells):
                continue  # a model whose bands nobody recorded: the summary said so, once
            name = _("Per network · {model} model").format(model=label(variant_id)) if several else _("Per network")
            sections.append(Section(name, tuple(_detail(c, k.carrier(c.carrier).name) for c in cells), detail=True))
    elif a.compatibility[0].verdict in ("partial", "none"):
        # One model on one network: the levels say what the headline's reason does not (5G, say);
        # "works" or "unknown" needs no detail.
        sections.append(Section(_("Details"), (_detail(a.compatibility[0], k.carrier(carriers[0]).name),)))
    # "Bands not recorded" is said in the summary already when nothing else rests on it.
    said_unknown = (
        {"bands_unknown"}
        if all(c.verdict == "unknown" for c in a.compatibility if "bands_unknown" in c.flags)
        else set()
    )
    flags = [f for f in _FLAG_ORDER if f not in said_unknown and any(f in c.flags for c in a.compatibility)]
    caveats = [_(FLAG_WORDS[f]) for f in flags]
    if a.locked:
        # "carrier locked pixel 9 from verizon on tmobile": bands fit or not, the lock decides first
        caveats.insert(0, _("Locked to a network, a phone takes another network's SIM only once it is unlocked."))
    if caveats:
        sections.append(Section("⚠️ " + _("Caveats"), tuple(caveats)))
    if in_region:
        notes.append(_("Ask about one country for each network's verdict, notes and sources."))
    else:
        _network_notes(a.compatibility, k, one_carrier, sections, notes)


def _trip_country(
    a: Answer,
    k: Knowledge,
    device: Device | None,
    country_names: Mapping[str, str],
    heads: dict[str, list[str]],
    sections: dict[str, list[Section]],
    notes: list[str],
    lang: str,
) -> None:
    """One country of a trip ("going to japan and korea"): its headline and verdicts, its sections
    named for it."""
    code = a.country or ""
    country = country_phrase(code, country_names, lang) or code
    name = country_names.get(code, code)
    more: list[Section] = []
    _compatibility(a, k, device, country, country_names, heads["compatibility"], more, notes, lang)
    sections["compatibility"].extend(replace(s, name=f"{name} · {s.name}") for s in more)


def _network_notes(
    compat: tuple[Compatibility, ...], k: Knowledge, one_carrier: bool, sections: list[Section], notes: list[str]
) -> None:
    """Each network's note (a caveat: "3G shut down, voice needs VoLTE") and where its bands come from,
    networks sharing a source cited together. (Curators write notes in English.)"""
    told: list[str] = []
    networks: list[Carrier] = []
    for cid in dict.fromkeys(c.carrier for c in compat):
        carrier = k.carrier(cid)
        network = k.carrier(carrier.mvno_of) if carrier.mvno_of else carrier
        if carrier.mvno_of:
            told.append(_("{carrier} uses {network}'s network.").format(carrier=carrier.name, network=network.name))
        if network.note:
            told.append(f"{network.name}: {gist(network.note, 140 if one_carrier else 120)}")
        networks.append(network)
    if told:
        if one_carrier:
            notes.extend(told)
        else:
            sections.append(Section(_("Networks"), tuple(dict.fromkeys(told)), detail=True))
    notes.extend(_band_sources(networks))


def _as_of(network: Carrier) -> str:
    """ " (as of 2026-11)" after a network's name, when its bands are dated."""
    return " " + _("(as of {date})").format(date=network.as_of) if network.as_of else ""


def _band_sources(networks: list[Carrier]) -> list[str]:
    """Where the networks' bands come from, networks sharing a source cited together, each once."""
    by_source: dict[str, list[str]] = {}
    for network in networks:
        by_source.setdefault(cite(network.source), []).append(network.name + _as_of(network))
    return [
        _("Network bands: {networks}: {source}").format(networks=_names(list(dict.fromkeys(names))), source=source)
        for source, names in by_source.items()
    ]


def _band_label(device: Device, country_names: Mapping[str, str]) -> Callable[[BandsOfVariant], str]:
    """How a model is named beside its bands: its market, and its model numbers when several."""
    variants = {v.id: v for v in device.variants}

    def label(b: BandsOfVariant) -> str:
        v = variants.get(b.variant)
        name = short_label(v, country_names) if v is not None else b.market
        models = [m for m in models_not_in(name, b.models)]
        return name + (f" ({', '.join(models)})" if len(models) > 1 else "")

    return label


def _bands(
    a: Answer, device: Device, country_names: Mapping[str, str], heads: list[str], sections: list[Section]
) -> None:
    assert a.bands is not None
    label = _band_label(device, country_names)

    recorded = [b for b in a.bands if any(x is not None for x in (b.gsm, b.umts, b.lte, b.nr))]
    for tech, number in a.reading.bands_asked if a.reading else ():
        heads.append(_asked_band(tech, number, a.bands, label))
    if not recorded:
        # four "not recorded" rows per model say less than one line
        heads.append(_("I have no band list for the {phone} yet.").format(phone=device.name))
        return
    n = len(recorded)
    heads.append(
        "**"
        + _("Bands of the {phone}").format(phone=device.name)
        + "**: "
        + ngettext("{n} model", "{n} models", n).format(n=n)
    )
    if len(recorded) < len(a.bands):
        heads.append(
            _("Not recorded yet: {models}.").format(models=", ".join(label(b) for b in a.bands if b not in recorded))
        )
    # A band asked about is answered in the lines above: the whole lists fold away behind them.
    asked = bool(a.reading and a.reading.bands_asked)
    for b in recorded:
        sections.append(Section(label(b), tuple(f"{tech}: {shown}" for tech, shown in band_rows(b)), detail=asked))


def _network_bands(a: Answer, carrier: Carrier, network: Carrier, footer: str | None) -> Layout:
    """ "what bands does jio use?", "does verizon still have 3g?": the network's own bands (`network`:
    a virtual operator's host), its note and the source."""
    lines: list[str] = []
    if carrier.mvno_of:
        lines.append(_("{carrier} uses {network}'s network.").format(carrier=carrier.name, network=network.name))
    bands = network.bands
    if bands is None:
        lines.append(_("I have no band list for {carrier} yet.").format(carrier=network.name))
        return Layout(None, tuple(lines), footer=footer, kind="nothing")
    for tech, number in a.reading.bands_asked if a.reading else ():
        tiers = bands.lte if tech == "lte" else bands.nr
        name = f"B{number}" if tech == "lte" else f"n{number}"
        used = number in tiers.all
        if not used and tech == "lte" and number in bands.nr.all:
            # "does tmobile use band 41": not for 4G, but its 5G does (n41)
            lines.append(f"🟢 **{name}?** " + _("not for 4G, but for 5G: n{number}.").format(number=number))
            continue
        lines.append(f"{'🟢' if used else '🔴'} **{name}?** " + (_("yes") if used else _("no")) + ".")
    lines.append("**" + _("Bands of {carrier}").format(carrier=network.name) + "**" + _as_of(network))
    lines.extend(f"- {name}: {shown}" for name, shown in _network_rows(bands))
    notes = [f"{network.name}: {gist(network.note, 280)}"] if network.note else []
    notes.extend(_band_sources([network]))
    return Layout(None, tuple(lines), notes=tuple(notes), footer=footer, kind="answer")


def networks_listed(a: Answer, k: Knowledge) -> list[Carrier] | None:
    """The networks whose own bands answer a question naming no phone ("what bands does jio use?":
    Jio's; "lte bands in the philippines": each operator's), or None when it is no such question."""
    if a.device or a.vendor or a.intent != "bands" or (a.device_hint and a.suggestions):
        return None  # ("15t n78": a phone we could not tell, offered: no network's bands)
    if a.carrier:
        carrier = k.carrier(a.carrier)
        return [k.carrier(carrier.mvno_of) if carrier.mvno_of else carrier]
    asked = a.reading.bands_asked if a.reading else ()
    if a.country and not a.suggestions:
        here = [c for c in k.carriers if c.country == a.country and not c.mvno_of and c.bands is not None]
        # "which carriers use n41 in india": those of that country that have the band
        return [c for c in here if c.bands is not None and _uses_any(c.bands, asked)] if asked else here
    if asked and not a.suggestions and not a.region:
        # "which carriers use band 71?": the network operators that have it
        return [c for c in k.carriers if not c.mvno_of and c.bands is not None and _uses_any(c.bands, asked)]
    return None


def _uses_any(bands: CarrierBands, asked: tuple[tuple[str, int], ...]) -> bool:
    return any(number in (bands.lte if tech == "lte" else bands.nr).all for tech, number in asked)


def _band_users(a: Answer, networks: list[Carrier], footer: str | None, country: str | None = None) -> Layout:
    """ "which carriers use band 71?": the networks that have the band, main band or not, by country
    (of one country: "which carriers use n41 in india")."""
    asked = a.reading.bands_asked if a.reading else ()
    names = ", ".join(f"B{n}" if tech == "lte" else f"n{n}" for tech, n in asked)
    if not networks:
        none = (
            _("I know no network in {country} that uses {bands}.").format(country=country, bands=names)
            if country
            else _("I know no network that uses {bands}.").format(bands=names)
        )
        return Layout(None, (none,), footer=footer)
    head = (
        _("Networks in {country} that use {bands}").format(country=country, bands=names)
        if country
        else _("Networks that use {bands}").format(bands=names)
    )
    lines = ["**" + head + "**"]
    for c in sorted(networks, key=lambda c: (c.country, c.name)):
        assert c.bands is not None
        main = any(number in (c.bands.lte if tech == "lte" else c.bands.nr).primary for tech, number in asked)
        lines.append(f"- {c.name} ({c.country})" + ("" if main else " — " + _("not a main band")))
    return Layout(None, tuple(lines), (), tuple(_band_sources(networks)), footer=footer)


def _network_rows(bands: CarrierBands) -> list[tuple[str, str]]:
    """(technology, bands as shown) of a network: main bands, then "also" the others; 2G/3G if any."""
    rows = []
    for name, tiers, prefix in (("4G", bands.lte, "B"), ("5G", bands.nr, "n")):
        if tiers.all:
            shown = band_list(prefix, sorted(tiers.primary))
            if tiers.secondary:
                also = band_list(prefix, sorted(tiers.secondary))
                shown = f"{shown} (" + _("also {bands}").format(bands=also) + ")" if shown else also
            rows.append((name, shown))
    if bands.gsm:
        rows.append(("2G", ", ".join(f"{v} MHz" for v in sorted(bands.gsm))))
    if bands.umts:
        rows.append(("3G", band_list("B", sorted(bands.umts))))
    return rows


def _country_bands(
    code: str, networks: list[Carrier], country_names: Mapping[str, str], lang: str, footer: str | None
) -> Layout:
    """ "lte bands in the philippines": each network operator's bands (virtual operators use theirs)."""
    where = country_phrase(code, country_names, lang)
    if not networks:
        return Layout(None, (_("I don't know the carriers of {country} yet.").format(country=where),), footer=footer)
    lines = ["**" + _("Bands of the networks in {country}").format(country=where) + "**"]
    notes: list[str] = []
    for c in networks:
        assert c.bands is not None
        rows = _network_rows(c.bands)
        lines.append(f"- **{c.name}**: " + ("; ".join(f"{t} {shown}" for t, shown in rows) or _("not recorded")))
        if c.note:
            notes.append(f"{c.name}: {gist(c.note, 120)}")
    # short notes, shown: no "Bands" button to open a list of notes
    sections = (Section(_("Networks"), tuple(notes)),) if notes else ()
    return Layout(None, tuple(lines), sections, tuple(_band_sources(networks)), footer=footer)


def _asked_band(
    tech: str, number: int, bands: tuple[BandsOfVariant, ...], label: Callable[[BandsOfVariant], str]
) -> str:
    """ "does the iphone 13 have band 71?": which models have it, which lack it, which nobody recorded."""
    name = f"B{number}" if tech == "lte" else f"n{number}"
    has: list[str] = []
    lacks: list[str] = []
    unknown: list[str] = []
    for b in bands:
        values = b.lte if tech == "lte" else b.nr
        (unknown if values is None else has if number in values else lacks).append(label(b))
    if len(bands) == 1:
        mark, said = ("🟢", _("yes")) if has else ("🔴", _("no")) if lacks else ("⚪", _("not recorded"))
        return f"{mark} **{name}?** {said}."
    parts = []
    if has:
        parts.append("🟢 " + _("yes on {models}").format(models=", ".join(has)))
    if lacks:
        parts.append("🔴 " + _("no on {models}").format(models=", ".join(lacks)))
    if unknown:
        parts.append("⚪ " + _("not recorded for {models}").format(models=", ".join(unknown)))
    return f"**{name}?** " + "; ".join(parts) + "."
