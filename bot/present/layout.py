"""One layout per answer: what it says, in which order, with which phrases.

The engine returns data (`Answer`); this module decides every sentence of an answer once, and the
renderers (`markdown` for the CLI and the JSON contract, `discord.embeds` for Discord) only arrange
it. The first lines answer the question asked, in words; models with the same verdict are said
together; each caveat is said once; the per-carrier detail is a section of its own that a chat
client may fold away.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..engine import Answer
from ..records import Device, Knowledge, Variant
from ..verdicts import Compatibility
from .phrases import (
    FLAG_WORDS,
    STATUS_WORDS,
    VERDICT_MARK,
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
    "unknown": "unknown",
}
_STATUS_LEAD = {
    "sold": "Yes",
    "not_sold": "No",
    "planned": "Not yet",
    "discontinued": "No longer",
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


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + "…"


def declines(a: Answer) -> bool:
    """Whether the answer is a decline: the post asks something else about a phone or a maker (an
    unknown phone still gets its "did you mean")."""
    return a.intent == "other" and bool(a.device or (a.vendor and not a.suggestions))


def verdict_of(a: Answer) -> str:
    """The colour's verdict: the one shared by every carrier and model checked (partial when they
    differ); else the availability; else unknown."""
    if a.compatibility and (a.intent != "availability" or a.availability is None):
        verdicts = {c.verdict for c in a.compatibility}
        if len(verdicts) == 1:
            return verdicts.pop()
        return "partial" if verdicts & {"full", "partial"} else ("none" if "none" in verdicts else "unknown")
    if a.availability is not None and a.vendor:
        return STATUS_VERDICT.get(a.availability.status, "unknown")
    return "unknown"


def build(a: Answer, k: Knowledge, country_names: Mapping[str, str]) -> Layout:
    footer = _footer(a, k)
    if declines(a):
        name = k.device(a.device).name if a.device else None
        about = f" about the **{name}**" if name else ""
        return Layout(
            None,
            (
                f"I can't help with that{about}. I can tell whether a phone is sold in a country, whether it "
                f"works on a carrier, and which bands it has: try “Will the {name or 'Pixel 9'} work on Verizon?”",
            ),
            footer=footer,
            kind="decline",
        )
    device = k.device(a.device) if a.device else None
    vendor = k.vendor(a.vendor) if a.vendor else None
    if device is None and (vendor is None or a.availability is None):
        return _no_phone(a, k, footer)

    country = country_phrase(a.country, country_names) or "that country"
    heads: dict[str, list[str]] = {"availability": [], "compatibility": [], "bands": []}
    sections: dict[str, list[Section]] = {"availability": [], "compatibility": [], "bands": []}
    notes: list[str] = []
    extra: list[str] = []
    if device is not None:
        title = device.name
        if a.origin_unrecorded:
            extra.append(
                f"_I have no record of the {device.name} made for {country_phrase(a.origin, country_names)}: "
                "the models below are made for other markets._"
            )
    else:
        assert vendor is not None
        title = f"{vendor.name} (all its phones)"
        if a.device_hint and not a.suggestions:
            extra.append(
                f"I don't know which {vendor.name} phone you mean; this is what {vendor.name} said of all its phones."
            )
    if a.suggestions:
        extra.append("Other candidates: " + ", ".join(f"**{s.name}**" for s in a.suggestions))

    if a.availability is not None and vendor is not None:
        asked = a.intent == "availability"
        _availability(a, vendor.name, device, country, asked, heads["availability"], sections["availability"])
    if a.compatibility:
        _compatibility(a, k, device, country, country_names, heads["compatibility"], sections["compatibility"], notes)
    elif device is not None and a.intent in ("compatibility", "unknown") and not a.country:
        heads["compatibility"].append("Tell me a carrier or a country and I'll check the bands.")
    elif device is not None and a.country and a.intent != "bands":
        heads["compatibility"].append(f"I don't know the carriers of {country} yet.")
    if a.bands and device is not None:
        _bands(a, device, country_names, heads["bands"], sections["bands"])
    if device is not None and (a.compatibility or a.bands):
        notes.append(f"Device bands: {variant_sources(device, a.variants)}")
        notes.extend(device_caveats(device))

    order = {
        "availability": ("availability", "compatibility", "bands"),
        "bands": ("bands", "compatibility", "availability"),
    }.get(a.intent, ("compatibility", "availability", "bands"))
    return Layout(
        title,
        tuple(line for name in order for line in heads[name]) + tuple(extra),
        tuple(s for name in order for s in sections[name]),
        tuple(dict.fromkeys(notes)),
        footer,
        verdict_of(a),
        model=checked_model(device, a.variants) if device else "",
    )


def _footer(a: Answer, k: Knowledge) -> str | None:
    bits = []
    if a.truncated:
        bits.append("Only the first 2,000 characters of the question were read.")
    if a.device and a.confidence < 1.0:
        bits.append(f"Typos corrected: I read this as {k.device(a.device).name}.")
    return " ".join(bits) or None


def _no_phone(a: Answer, k: Knowledge, footer: str | None) -> Layout:
    vendor = k.vendor(a.vendor) if a.vendor else None
    names = ", ".join(f"**{s.name}**" for s in a.suggestions)
    devices_only = bool(a.suggestions) and all(s.kind == "device" for s in a.suggestions)
    lines: list[str] = []
    if a.unknown_model:
        lines.append(
            f"I don't know the model number **{a.unknown_model}** yet."
            + (f" Did you mean: {names}?" if devices_only else "")
        )
    elif vendor is None and not a.suggestions:
        return Layout(
            None,
            (
                "I couldn't find a phone I know in that question. Try e.g. "
                "“Will the Pixel 9 work on Verizon?” or “Is the Xiaomi 14 sold in the US?”",
            ),
            footer=footer,
            kind="nothing",
        )
    if a.unknown_model and (devices_only or not a.suggestions):
        pass
    elif devices_only and a.ambiguous:
        lines.append(f"Which one do you mean: {names}?")
    elif devices_only and a.device_hint:
        lines.append(f"I don't know that exact phone. Did you mean: {names}?")
    elif a.suggestions:
        lines.append(f"Which one do you mean: {names}?")
    elif vendor is not None and a.device_hint:
        lines.append(f"I don't know which {vendor.name} phone you mean.")
    elif vendor is not None:
        lines.append(f"**{vendor.name}** (all its phones)")
    return Layout(None, tuple(lines), footer=footer, kind="choices" if a.suggestions else "nothing")


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
    subject = f"the {device.name}" if device else f"{vendor_name} phones"
    mark = VERDICT_MARK[STATUS_VERDICT.get(av.status, "unknown")]
    if av.statement is None:
        heads.append(
            f"{mark} **Sold in {country}?** I don't know: I have no statement from {vendor_name} about {country}."
        )
        return
    s = av.statement
    verb = "are" if device is None else "is"
    covers = "" if av.scope == "device" else f" ({vendor_name}'s statement covers all its phones)"
    who = s.said_by(vendor_name)
    source = s.source_url or cite(s.source)
    said = f"{STATUS_WORDS[av.status]} in {country}{covers}"
    if not asked:
        scope = "" if av.scope == "device" else ", of all its phones"
        heads.append(
            f"{mark} **Sold in {country}?** {_STATUS_LEAD[av.status]}: {STATUS_WORDS[av.status]}, "
            f"says {who} ({s.date}{scope}): {source}"
        )
        return
    heads.append(f"{mark} **Sold in {country}?** {_STATUS_LEAD[av.status]}: {subject} {verb} {said}.")
    lines = [f"> {clip(s.quote, QUOTE_SHOWN)}", f"— {who}, {s.date}. Source: {source}"]
    if s.note:
        lines.append(f"_{gist(s.note, 160)}_")
    sections.append(Section(f"{who} said, {s.date}", tuple(lines)))


def _reason(c: Compatibility, carrier_name: str) -> str:
    """Why a verdict is not "works", in a few words ("no B13", "needs Verizon's approval")."""
    missing = c.missing_primary
    bits = []
    if missing.get("lte"):
        bits.append("no " + band_list("B", missing["lte"]))
    if c.verdict == "none":
        return bits[0] if bits else "none of its bands"
    if c.verdict == "unknown":
        return "bands not recorded" if "bands_unknown" in c.flags else "not enough known"
    if "legacy_only" in c.flags:
        bits.append("only 2G/3G")
    if "certification_required" in c.flags and not bits:
        bits.append(f"an import needs {carrier_name}'s approval")
    if "no_volte" in c.flags:
        bits.append("no VoLTE")
    elif "volte_unknown" in c.flags and not bits:
        bits.append("VoLTE not confirmed")
    if not bits and missing.get("nr"):
        bits.append("5G without " + band_list("n", missing["nr"]))
    return ", ".join(bits) or "not every band"


_WORDS = {"full": "works", "partial": "works partly", "none": "does not work", "unknown": "is unknown"}
_RANK = {"full": 0, "partial": 1, "none": 2, "unknown": 3}


def _detail(c: Compatibility, name: str) -> str:
    tech = []
    for attr, label, prefix in (("lte", "4G", "B"), ("nr", "5G", "n")):
        level = getattr(c, attr)
        if level is None:
            continue
        missing = c.missing_primary.get(attr, ())
        tech.append(f"{label} {level}" + (f" (missing {band_list(prefix, missing)})" if missing else ""))
    words = _WORDS[c.verdict].removeprefix("is ")
    return f"{VERDICT_MARK[c.verdict]} {name}: {words}" + (" — " + "; ".join(tech) if tech else "")


def _names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _summary(cells: list[Compatibility], k: Knowledge, one_carrier: bool) -> tuple[str, str]:
    """One model across the networks asked about: its overall verdict and what to say of it ("works on
    A and B; partly on C (no B13)"); with one network, the verdict and its reason only."""
    verdicts = {c.verdict for c in cells}
    carrier = {c.carrier: k.carrier(c.carrier).name for c in cells}
    reasons = {_reason(c, carrier[c.carrier]) for c in cells if c.verdict != "full"}
    if len(verdicts) == 1 and len(reasons) <= 1:
        only = verdicts.pop()
        why = f" ({reasons.pop()})" if reasons else ""
        where = (
            ""
            if one_carrier
            else f" on all {len(cells)} networks"
            if len(cells) > 1
            else f" on {carrier[cells[0].carrier]}"
        )
        return only, f"{_WORDS[only]}{where}{why}"
    parts: list[str] = []
    for verdict, lead in (
        ("full", "works on"),
        ("partial", "works partly on"),
        ("none", "not on"),
        ("unknown", "unknown on"),
    ):
        group = [c for c in cells if c.verdict == verdict]
        if not group:
            continue
        if verdict in ("partial", "none"):
            names = [f"{carrier[c.carrier]} ({_reason(c, carrier[c.carrier])})" for c in group]
        else:
            names = [carrier[c.carrier] for c in group]
        parts.append(f"{lead} {_names(names)}" if parts or verdict != "full" else f"works on {_names(names)}")
    overall = (
        "partial"
        if verdicts & {"full", "partial"} and verdicts != {"full"}
        else ("none" if "none" in verdicts else "unknown")
    )
    return overall, "; ".join(parts)


def _compatibility(
    a: Answer,
    k: Knowledge,
    device: Device | None,
    country: str,
    country_names: Mapping[str, str],
    heads: list[str],
    sections: list[Section],
    notes: list[str],
) -> None:
    variants: dict[str, Variant] = {v.id: v for v in device.variants} if device else {}
    by_variant: dict[str, list[Compatibility]] = {}
    for c in a.compatibility:
        by_variant.setdefault(c.variant, []).append(c)
    several = len(by_variant) > 1
    carriers = list(dict.fromkeys(c.carrier for c in a.compatibility))
    one_carrier = bool(a.carrier) and len(carriers) == 1  # asked about one network (not a country of one)
    where = f"on {k.carrier(carriers[0]).name}" if one_carrier else f"in {country}"
    subject = device.name if device else "it"

    def label(variant_id: str) -> str:
        v = variants.get(variant_id)
        return short_label(v, country_names) if v else variant_id

    # Models with the same verdicts (and reasons) are said together, the ones that work first.
    groups: dict[tuple[str, str], list[str]] = {}
    for variant_id, cells in by_variant.items():
        groups.setdefault(_summary(cells, k, one_carrier), []).append(variant_id)
    heads.append(f"**Works {where}?**")
    for (verdict, said), ids in sorted(groups.items(), key=lambda item: _RANK[item[0][0]]):
        if not several:
            who = f"The {subject}"
        elif len(ids) == 1:
            who = f"The {label(ids[0])} model"
        else:
            who = f"The {_names([label(i) for i in ids])} models"
        heads.append(f"{VERDICT_MARK[verdict]} {who} {_plural(said) if several and len(ids) > 1 else said}.")

    # The detail behind the summary, foldable: per model on one network, per network otherwise.
    if one_carrier and several:
        lines = [_detail(cells[0], label(variant_id)) for variant_id, cells in by_variant.items()]
        sections.append(Section("Per model", tuple(lines), detail=True))
    elif not one_carrier:
        for variant_id, cells in by_variant.items():
            name = f"Per network · {label(variant_id)} model" if several else "Per network"
            sections.append(Section(name, tuple(_detail(c, k.carrier(c.carrier).name) for c in cells), detail=True))
    else:
        sections.append(Section("Details", (_detail(a.compatibility[0], k.carrier(carriers[0]).name),)))
    # "Bands not recorded" is said in the summary already when nothing else rests on it.
    said_unknown = (
        {"bands_unknown"}
        if all(c.verdict == "unknown" for c in a.compatibility if "bands_unknown" in c.flags)
        else set()
    )
    flags = [f for f in _FLAG_ORDER if f not in said_unknown and any(f in c.flags for c in a.compatibility)]
    if flags:
        sections.append(Section("⚠️ Caveats", tuple(FLAG_WORDS[f] for f in flags)))
    _network_notes(a.compatibility, k, one_carrier, sections, notes)


def _plural(said: str) -> str:
    for one, many in (
        ("works partly", "work partly"),
        ("does not work", "do not work"),
        ("works", "work"),
        ("is ", "are "),
    ):
        if said.startswith(one):
            return many + said[len(one) :]
    return said


def _network_notes(
    compat: tuple[Compatibility, ...], k: Knowledge, one_carrier: bool, sections: list[Section], notes: list[str]
) -> None:
    """Each network's note (a caveat: "3G shut down, voice needs VoLTE") and where its bands come from,
    networks sharing a source cited together."""
    told: list[str] = []
    by_source: dict[str, list[str]] = {}
    for cid in dict.fromkeys(c.carrier for c in compat):
        carrier = k.carrier(cid)
        network = k.carrier(carrier.mvno_of) if carrier.mvno_of else carrier
        if carrier.mvno_of:
            told.append(f"{carrier.name} uses {network.name}'s network.")
        if network.note:
            told.append(f"{network.name}: {gist(network.note, 160 if one_carrier else 120)}")
        as_of = f" (as of {network.as_of})" if network.as_of else ""
        by_source.setdefault(cite(network.source), []).append(network.name + as_of)
    if told:
        if one_carrier:
            notes.extend(told)
        else:
            sections.append(Section("Networks", tuple(dict.fromkeys(told)), detail=True))
    for source, names in by_source.items():
        notes.append(f"Network bands: {_names(list(dict.fromkeys(names)))}: {source}")


def _bands(
    a: Answer, device: Device, country_names: Mapping[str, str], heads: list[str], sections: list[Section]
) -> None:
    assert a.bands is not None
    variants = {v.id: v for v in device.variants}
    n = len(a.bands)
    heads.append(f"**Bands of the {device.name}**: {n} model{'s' if n != 1 else ''}")
    for b in a.bands:
        v = variants.get(b.variant)
        name = short_label(v, country_names) if v is not None else b.market
        models = [m for m in models_not_in(name, b.models)]
        if models and len(models) > 1:
            name += f" ({', '.join(models)})"
        sections.append(Section(name, tuple(f"{tech}: {shown}" for tech, shown in band_rows(b))))
