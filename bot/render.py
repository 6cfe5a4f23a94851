"""Turning a structured answer into the Markdown text the bot posts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .records import Device, Knowledge

if TYPE_CHECKING:
    from .engine import Answer, BandsOfVariant
    from .verdicts import Compatibility

VERDICT_MARK = {"full": "🟢", "partial": "🟡", "none": "🔴", "unknown": "⚪"}
VERDICT_WORDS = {"full": "works", "partial": "works partly", "none": "does not work", "unknown": "unknown"}
STATUS_WORDS = {
    "sold": "sold officially",
    "not_sold": "not sold officially",
    "planned": "planned, not on sale yet",
    "discontinued": "no longer sold officially",
    "unknown": "unknown",
}
FLAG_WORDS = {
    "certification_required": (
        "the carrier only fully serves models it has certified: an imported model may be refused or get data only"
    ),
    "no_volte": "no VoLTE: no calls where 2G/3G are switched off",
    "volte_unknown": "VoLTE support not confirmed: calls may fail where 2G/3G are switched off",
    "legacy_only": "only the old 2G/3G network, which may be switched off",
    "bands_unknown": "not all of this model's bands are recorded, so this is not a full check",
    "carrier_bands_incomplete": "I know only some of this network's bands, so this is not a full check",
}
# Countries whose English name takes "the" ("sold in the Philippines").
THE_COUNTRIES = frozenset({"US", "GB", "NL", "PH", "AE", "BS", "GM", "MV", "KM", "SC", "DO", "CF", "CZ", "MH"})
_MENTION = re.compile(r"@(everyone|here)|<@[!&]?\d+>|<#\d+>", re.IGNORECASE)


def country_phrase(code: str | None, country_names: Mapping[str, str]) -> str | None:
    """A country as it reads after "in": "the United States", "Japan"."""
    if not code:
        return None
    name = country_names.get(code, code)
    return f"the {name}" if code in THE_COUNTRIES else name


def defuse_mentions(text: str) -> str:
    """No @everyone, @here or <@…> that Discord would turn into a ping, whatever the input held."""
    return _MENTION.sub(lambda m: m.group(0).replace("@", "@\u200b").replace("<", "<\u200b"), text)


# An address may hold balanced brackets ("…/motorola_moto_g_power_(2025)-13526.php"); a closing bracket
# of the text around it ends it.
_URL = re.compile(r"https?://(?:[^\s()<>\]'\"]|\([^\s()<>]*\))+")
_URL_ASIDE = re.compile(r"\s*\([^()]*https?://[^()]*\)")


def cite(source: str, limit: int = 160) -> str:
    """A source as a chat line can carry it: its first address, else its first words."""
    found = _URL.search(source)
    if found:
        return found.group(0).rstrip(".,;")
    return source if len(source) <= limit else source[: limit - 1].rstrip() + "…"


def gist(note: str, limit: int = 280) -> str:
    """The first sentences of a curator's note, without the addresses (the sources carry them)."""
    plain = _URL.sub("", _URL_ASIDE.sub("", note))
    plain = re.sub(r"\s+", " ", plain).strip()
    if len(plain) <= limit:
        return plain
    cut = plain[:limit]
    end = cut.rfind(". ")
    return cut[: end + 1] if end > limit // 4 else cut.rstrip() + "…"


def band_list(prefix: str, bands: tuple[int, ...] | list[int]) -> str:
    return ", ".join(f"{prefix}{b}" for b in bands)


# Markets that say nothing of where a model is sold: models of one phone with such a market are
# told apart by their numbers.
UNNAMED = frozenset({"all models", "unspecified"})
# Markets that name no region: a phone with one such model is presented as the phone itself.
NO_REGION = UNNAMED | {"global"}


def market_label(market: str) -> str:
    """ "Global model", but not "US (mmWave model) model"."""
    return market if "model" in market.lower() else f"{market} model"


def models_not_in(market: str, models: tuple[str, ...] | list[str]) -> list[str]:
    """The model numbers a market's name does not already say ("F3112, dual SIM" says F3112)."""
    return [m for m in models if m not in market]


def variant_markets(device: Device) -> dict[str, str]:
    """How each model of a phone is called in an answer: its market, unless that would not tell it
    from another model of the phone ("Unspecified" twice, "China" twice): then its model numbers."""
    counts = Counter(v.market.lower() for v in device.variants)
    names = {}
    for v in device.variants:
        unnamed = v.market.lower() in UNNAMED
        if (unnamed or counts[v.market.lower()] > 1) and v.models and len(device.variants) > 1:
            numbers = "/".join(v.models)
            names[v.id] = numbers if unnamed else f"{v.market} {numbers}"
        else:
            names[v.id] = v.market
    return names


def compat_line(c: Compatibility, k: Knowledge, markets: Mapping[str, str], several: bool) -> str:
    carrier = k.carrier(c.carrier)
    who = f"**{carrier.name}**"
    if several:
        who += f" · {market_label(markets.get(c.variant, c.variant))}"
    parts = [f"{VERDICT_MARK[c.verdict]} {who}: {VERDICT_WORDS[c.verdict]}"]
    detail = []
    for tech, label, prefix in (("lte", "4G", "B"), ("nr", "5G", "n")):
        level = getattr(c, tech)
        if level is None:
            continue
        missing = c.missing_primary.get(tech, ())
        piece = f"{label} {level}"
        if missing:
            piece += f" (missing {band_list(prefix, missing)})"
        detail.append(piece)
    if detail:
        parts.append(" — " + "; ".join(detail))
    if c.flags:
        parts.append(". ⚠️ " + "; ".join(FLAG_WORDS.get(f, f) for f in c.flags))
    return "".join(parts)


def checked_model(device: Device, variant_ids: tuple[str, ...]) -> str:
    """ " (China model, 23127PN0CC)" after a device's name when one model was checked, unless it is the
    device's only model and names no region; else ""."""
    v = next((v for v in device.variants if len(variant_ids) == 1 and v.id == variant_ids[0]), None)
    if v is None or (len(device.variants) == 1 and v.market.lower() in NO_REGION):
        return ""
    models = models_not_in(v.market, v.models)
    return f" ({market_label(v.market)}{', ' + '/'.join(models) if models else ''})"


def band_rows(b: BandsOfVariant) -> list[tuple[str, str]]:
    """(technology, bands as shown) of a variant: unrecorded ones say so, empty ones are left out."""
    rows = []
    for name, values, prefix in (("2G", b.gsm, ""), ("3G", b.umts, "B"), ("4G", b.lte, "B"), ("5G", b.nr, "n")):
        if values is None:
            rows.append((name, "not recorded"))
        elif values:
            rows.append((name, ", ".join(f"{v} MHz" for v in values) if name == "2G" else band_list(prefix, values)))
    rows.append(("VoLTE", {True: "yes", False: "no", None: "not confirmed"}[b.volte]))
    return rows


def carrier_notes(
    compat: tuple[Compatibility, ...], k: Knowledge, *, note_limit: int = 280, cite_undated: bool = False
) -> list[str]:
    """For each carrier checked: its host network, the network's note, and where its bands come from."""
    notes = []
    for cid in dict.fromkeys(c.carrier for c in compat):
        carrier = k.carrier(cid)
        if carrier.mvno_of:
            notes.append(f"{carrier.name} uses {k.carrier(carrier.mvno_of).name}'s network.")
        network = k.carrier(carrier.mvno_of) if carrier.mvno_of else carrier
        if network.note:
            notes.append(f"{network.name}: {gist(network.note, note_limit)}")
        if network.as_of or cite_undated:
            as_of = f" as of {network.as_of}" if network.as_of else ""
            notes.append(f"{network.name} bands{as_of}: {cite(network.source)}")
    return list(dict.fromkeys(notes))


def variant_sources(device: Device, variant_ids: tuple[str, ...]) -> str:
    """Where the evaluated variants' bands come from, each source once; models without bands say so."""
    by_source: dict[str, list[str]] = {}
    unrecorded: list[str] = []
    named = variant_markets(device)
    for v in device.variants:
        if v.id not in variant_ids:
            continue
        if not v.bands.recorded:
            unrecorded.append(named[v.id])
            continue
        by_source.setdefault(cite(v.source or device.source), []).append(named[v.id])
    if len(by_source) == 1 and not unrecorded:
        parts = [next(iter(by_source))]
    else:
        parts = [f"{' / '.join(markets)}: {src}" for src, markets in by_source.items()]
    if unrecorded:
        parts.append(f"{' / '.join(unrecorded)}: not recorded yet")
    return "; ".join(parts)


def device_caveats(device: Device) -> list[str]:
    out = []
    only = device.variants[0] if len(device.variants) == 1 else None
    if only is not None and only.market.lower() not in NO_REGION:
        out.append(f"Only the {market_label(only.market)} is in my knowledge; other models may have other bands.")
    if device.note:
        out.append(gist(device.note, 200))
    return out


def compat_lines(
    compat: tuple[Compatibility, ...], k: Knowledge, markets: Mapping[str, str], several: bool
) -> list[str]:
    """One line per model and carrier; models of one carrier whose bands are not recorded share a line."""
    groups: dict[str, list[Compatibility]] = {}
    for c in compat:
        groups.setdefault(c.carrier, []).append(c)
    out: list[str] = []
    for cid, group in groups.items():
        blank = [
            c for c in group if c.verdict == "unknown" and c.lte in ("unknown", None) and c.nr in ("unknown", None)
        ]
        if several and len(blank) > 1:
            out.extend(compat_line(c, k, markets, several) for c in group if c not in blank)
            names = ", ".join(markets.get(c.variant, c.variant) for c in blank)
            out.append(f"{VERDICT_MARK['unknown']} **{k.carrier(cid).name}** · {names}: unknown (bands not recorded)")
        else:
            out.extend(compat_line(c, k, markets, several) for c in group)
    return out


def origin_unrecorded(device: Device, origin: str | None, country_names: Mapping[str, str]) -> str:
    """The caveat for "a US iPhone 16" when only other markets' models are recorded."""
    return (
        f"I have no record of the {device.name} made for {country_phrase(origin, country_names)}: "
        "the models below are made for other markets."
    )


def declined(a: Answer, k: Knowledge) -> str:
    """The reply to a post that asks something the bot does not answer (rooting, a price, a bug)."""
    name = k.device(a.device).name if a.device else None
    about = f" about the **{name}**" if name else ""
    return (
        f"I can't help with that{about}. I can tell whether a phone is sold in a country, "
        f"whether it works on a carrier, and which bands it has: try “Will the {name or 'Pixel 9'} work on Verizon?”"
    )


def declines(a: Answer) -> bool:
    """Whether the answer is a decline: the post asks something else about a phone or a maker (an
    unknown phone still gets its "did you mean")."""
    return a.intent == "other" and bool(a.device or (a.vendor and not a.suggestions))


def markdown(a: Answer, k: Knowledge, country_names: Mapping[str, str]) -> str:
    if declines(a):
        return defuse_mentions(declined(a, k))
    device = k.device(a.device) if a.device else None
    vendor = k.vendor(a.vendor) if a.vendor else None
    country = country_phrase(a.country, country_names)
    sections: dict[str, list[str]] = {"availability": [], "compatibility": [], "bands": []}
    head: list[str] = []
    tail: list[str] = []

    if a.truncated:
        tail.append("_(Only the first 2,000 characters of the question were read.)_")
    if device is None:
        names = ", ".join(f"**{s.name}**" for s in a.suggestions)
        devices_only = bool(a.suggestions) and all(s.kind == "device" for s in a.suggestions)
        if a.unknown_model:
            head.append(
                f"I don't know the model number **{a.unknown_model}** yet."
                + (f" Did you mean: {names}?" if devices_only else "")
            )
        elif vendor is None and not a.suggestions:
            head.append(
                "I couldn't find a phone I know in that question. Try e.g. "
                "“Will the Pixel 9 work on Verizon?” or “Is the Xiaomi 14 sold in the US?”"
            )
            return defuse_mentions("\n".join(head + tail))
        if a.unknown_model and (devices_only or not a.suggestions):
            pass
        elif devices_only and a.ambiguous:
            head.append(f"Which one do you mean: {names}?")
        elif devices_only and a.device_hint:
            head.append(f"I don't know that exact phone. Did you mean: {names}?")
        elif a.suggestions:
            head.append(f"Which one do you mean: {names}?")
        elif vendor is not None and a.device_hint:
            head.append(f"I don't know which {vendor.name} phone you mean.")
        elif vendor is not None:
            head.append(f"**{vendor.name}** (all its phones)")
    else:
        head.append(f"**{device.name}**{checked_model(device, a.variants)}")
        if a.origin_unrecorded:
            head.append(f"_{origin_unrecorded(device, a.origin, country_names)}_")
        if a.suggestions:
            head.append("Other candidates: " + ", ".join(f"**{s.name}**" for s in a.suggestions))

    if a.availability is not None and vendor is not None:
        av = a.availability
        subject = device.name if device else f"{vendor.name} phones"
        lines = sections["availability"]
        if av.statement is None:
            lines.append(f"**Sold in {country}?** Unknown: I have no statement from {vendor.name} about {country}.")
        else:
            s = av.statement
            covers = "" if av.scope == "device" else f" (a statement covering all {vendor.name} phones)"
            lines.append(f"**Sold in {country}?** {subject}: {STATUS_WORDS[av.status]}{covers}.")
            lines.append(f"> {s.quote}")
            lines.append(f"— {s.said_by(vendor.name)}, {s.date}. Source: {cite(s.source)}")
            if s.note:
                lines.append(f"_{gist(s.note, 240)}_")

    if a.compatibility:
        lines = sections["compatibility"]
        markets = variant_markets(device) if device else {}
        several = len(a.variants) > 1
        if a.carrier and len(a.carriers) == 1:
            lines.append(f"**Works on {k.carrier(a.carrier).name}?**")
        else:
            lines.append(f"**Works in {country}?**")
        lines.extend("- " + line for line in compat_lines(a.compatibility, k, markets, several))
        lines.extend(f"_{n}_" for n in carrier_notes(a.compatibility, k))
        if device is not None:
            lines.append(f"_Device bands: {variant_sources(device, a.variants)}_")
            lines.extend(f"_{n}_" for n in device_caveats(device))
    elif device is not None and a.intent in ("compatibility", "unknown") and not a.country:
        sections["compatibility"].append("Tell me a carrier or a country and I'll check the bands.")
    elif device is not None and a.country and not a.compatibility and a.intent != "bands":
        sections["compatibility"].append(f"I don't know the carriers of {country} yet.")

    if a.bands:
        lines = sections["bands"]
        for b in a.bands:
            models = models_not_in(b.market, b.models)
            label = f"**{b.market}**" + (f" ({', '.join(models)})" if models else "")
            lines.append(label)
            lines.extend(f"- {name}: {shown}" for name, shown in band_rows(b))
        if device is not None:
            lines.append(f"_Source: {variant_sources(device, a.variants)}_")

    order = {
        "availability": ("availability", "compatibility", "bands"),
        "bands": ("bands", "compatibility", "availability"),
    }.get(a.intent, ("compatibility", "availability", "bands"))
    body = head + [line for name in order for line in sections[name]] + tail
    return defuse_mentions("\n".join(body))
