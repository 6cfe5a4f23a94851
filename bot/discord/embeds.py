"""Answers as Discord embeds: pure functions from a structured `Answer` to `discord.Embed`s.

The first embed's description starts with the verdict line(s), which are never cut: whatever does
not fit Discord's limits (field 1,024, description 4,096, title 256, 25 fields per embed, 6,000
characters per message) is split into more fields or embeds, and what still does not fit is dropped
with a note saying how to ask for it. Every text goes through `render.defuse_mentions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import discord

from ..engine import Answer
from ..records import Knowledge
from ..render import (
    FLAG_WORDS,
    STATUS_WORDS,
    VERDICT_MARK,
    VERDICT_WORDS,
    band_rows,
    carrier_notes,
    checked_model,
    cite,
    compat_line,
    country_phrase,
    declines,
    defuse_mentions,
    device_caveats,
    gist,
    market_label,
    models_not_in,
    origin_unrecorded,
    variant_markets,
    variant_sources,
)

TITLE, DESCRIPTION, FIELD_NAME, FIELD_VALUE, FIELDS, FOOTER, TOTAL, EMBEDS = 256, 4096, 256, 1024, 25, 2048, 6000, 10

COLOURS = {"full": 0x2ECC71, "partial": 0xF39C12, "none": 0xE74C3C, "unknown": 0x95A5A6}
STATUS_VERDICT = {
    "sold": "full",
    "not_sold": "none",
    "planned": "partial",
    "discontinued": "partial",
    "unknown": "unknown",
}
FOOTER_SHOWN = 500  # title + description + footer + the overflow note stay under TOTAL whatever they hold
ELLIPSIS = "…"
_OVERFLOW = "…and {n} more line{s} that don't fit in one Discord message: ask about one carrier or model to see them."
_OVERFLOW_ROOM = len(_OVERFLOW) + 20 + len("More")


def clip(text: str, limit: int) -> str:
    """At most `limit` characters; a cut text ends in an ellipsis."""
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + ELLIPSIS


def pack(lines: Iterable[str], limit: int) -> list[str]:
    """Lines joined into chunks of at most `limit` characters, splitting only between lines."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        line = clip(line, limit)
        if current and len(current) + 1 + len(line) > limit:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return chunks


@dataclass(frozen=True)
class Section:
    name: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Layout:
    """What an answer embed says, before it is fitted into Discord's limits."""

    title: str | None
    headline: tuple[str, ...]  # the verdict lines: always shown, first
    sections: tuple[Section, ...]
    footer: str | None
    verdict: str  # full | partial | none | unknown: the colour


def verdict_of(answer: Answer) -> str:
    """The colour's verdict: the one shared by every carrier and model checked (partial when they
    differ); else the availability; else unknown."""
    if answer.compatibility and (answer.intent != "availability" or answer.availability is None):
        verdicts = {c.verdict for c in answer.compatibility}
        if len(verdicts) == 1:
            return verdicts.pop()
        return "partial" if verdicts & {"full", "partial"} else ("none" if "none" in verdicts else "unknown")
    if answer.availability is not None and answer.vendor:
        return STATUS_VERDICT.get(answer.availability.status, "unknown")
    return "unknown"


def layout(answer: Answer, k: Knowledge, country_names: Mapping[str, str]) -> Layout:
    device = k.device(answer.device) if answer.device else None
    vendor = k.vendor(answer.vendor) if answer.vendor else None
    footer_bits: list[str] = []
    if answer.truncated:
        footer_bits.append("Only the first 2,000 characters of the question were read.")
    if device is not None and answer.confidence < 1.0:
        footer_bits.append(f"Typos corrected: I read this as {device.name}.")
    footer = " ".join(footer_bits) or None

    if declines(answer) or (device is None and (vendor is None or answer.availability is None)):
        # Not a phone I can answer about: the engine's own words (suggestions, "which phone?").
        title = "Did you mean…?" if answer.suggestions else None
        return Layout(title, tuple(answer.text.splitlines()), (), footer, "unknown")

    country = country_phrase(answer.country, country_names)
    markets = variant_markets(device) if device else {}
    heads: dict[str, list[str]] = {"availability": [], "compatibility": [], "bands": []}
    sections: dict[str, list[Section]] = {"availability": [], "compatibility": [], "bands": []}
    notes: list[str] = []

    if device is not None:
        title = device.name + checked_model(device, answer.variants)
    else:
        assert vendor is not None
        title = f"{vendor.name} (all its phones)"

    if answer.availability is not None and vendor is not None:
        av = answer.availability
        subject = device.name if device else f"{vendor.name} phones"
        if av.statement is None:
            heads["availability"].append(
                f"**Sold in {country}?** ⚪ Unknown: I have no statement from {vendor.name} about {country}."
            )
        else:
            s = av.statement
            covers = "" if av.scope == "device" else f" (a statement covering all {vendor.name} phones)"
            mark = VERDICT_MARK[STATUS_VERDICT.get(av.status, "unknown")]
            heads["availability"].append(f"**Sold in {country}?** {mark} {subject}: {STATUS_WORDS[av.status]}{covers}.")
            quote = clip(s.quote, 700)
            source = s.source_url or cite(s.source)
            sections["availability"].append(
                Section(
                    f"{s.said_by(vendor.name)} said, {s.date}",
                    (f"> {quote}", f"— {s.said_by(vendor.name)}, {s.date}. Source: {source}")
                    + ((f"_{gist(s.note, 240)}_",) if s.note else ()),
                )
            )

    if answer.compatibility:
        several = len(answer.variants) > 1
        one_carrier = bool(answer.carrier) and len(answer.carriers) == 1
        where = f"on {k.carrier(answer.carrier).name}" if one_carrier and answer.carrier else f"in {country}"
        by_variant: dict[str, list[str]] = {}
        for c in answer.compatibility:
            by_variant.setdefault(c.variant, []).append(c.verdict)
        summary = []
        for variant_id, verdicts in by_variant.items():
            label = f" ({market_label(markets.get(variant_id, variant_id))})" if several else ""
            if len(verdicts) == 1:
                summary.append(f"{VERDICT_MARK[verdicts[0]]} {VERDICT_WORDS[verdicts[0]]}{label}")
            elif len(set(verdicts)) == 1:
                only = verdicts[0]
                summary.append(f"{VERDICT_MARK[only]} {VERDICT_WORDS[only]} on all {len(verdicts)} networks{label}")
            else:
                counts = " · ".join(
                    f"{VERDICT_MARK[v]} {VERDICT_WORDS[v]} on {verdicts.count(v)}"
                    for v in ("full", "partial", "none", "unknown")
                    if v in verdicts
                )
                summary.append(f"{counts} of {len(verdicts)} networks{label}")
        heads["compatibility"].append(f"**Works {where}?** " + "; ".join(summary))
        for variant_id in by_variant:
            rows = [c for c in answer.compatibility if c.variant == variant_id]
            if several and device is not None:
                v = next(v for v in device.variants if v.id == variant_id)
                models = models_not_in(markets[v.id], v.models)
                name = market_label(markets[v.id]) + (f" ({', '.join(models)})" if models else "")
            else:
                name = "Per carrier" if len(rows) > 1 else "Details"
            sections["compatibility"].append(Section(name, tuple(compat_line(c, k, markets, False) for c in rows)))
        notes.extend(carrier_notes(answer.compatibility, k, note_limit=600, cite_undated=True))
        flags = dict.fromkeys(f for c in answer.compatibility for f in c.flags)
        if flags:
            sections["compatibility"].append(Section("⚠️ Caveats", tuple(FLAG_WORDS.get(f, f) for f in flags)))
    elif device is not None and answer.intent in ("compatibility", "unknown") and not answer.country:
        heads["compatibility"].append("Tell me a carrier or a country and I'll check the bands.")
    elif device is not None and answer.country and answer.intent != "bands":
        heads["compatibility"].append(f"I don't know the carriers of {country} yet.")

    if answer.bands:
        heads["bands"].append(
            f"**Bands of {device.name if device else title}**: {len(answer.bands)} "
            f"model{'s' if len(answer.bands) != 1 else ''}"
        )
        for b in answer.bands:
            lines = [f"**{name}**: {shown}" for name, shown in band_rows(b)]
            models = models_not_in(b.market, b.models)
            label = b.market + (f" ({', '.join(models)})" if models else "")
            sections["bands"].append(Section(label, tuple(lines)))

    if device is not None and (answer.compatibility or answer.bands):
        notes.append(f"Device bands: {variant_sources(device, answer.variants)}")
        notes.extend(device_caveats(device))
    if answer.suggestions:
        heads.setdefault("other", []).append(
            "Other candidates: " + ", ".join(f"**{s.name}**" for s in answer.suggestions)
        )
    if device is not None and answer.origin_unrecorded:
        heads.setdefault("other", []).append(origin_unrecorded(device, answer.origin, country_names))

    order = {
        "availability": ("availability", "compatibility", "bands"),
        "bands": ("bands", "compatibility", "availability"),
    }.get(answer.intent, ("compatibility", "availability", "bands"))
    headline = [line for name in order for line in heads[name]] + heads.get("other", [])
    body = [section for name in order for section in sections[name]]
    if notes:
        body.append(Section("Sources and dates", tuple(dict.fromkeys(notes))))
    return Layout(title, tuple(headline), tuple(body), footer, verdict_of(answer))


def fit(lay: Layout) -> list[discord.Embed]:
    """The layout as embeds within Discord's limits; the headline always comes first and whole."""
    colour = discord.Colour(COLOURS.get(lay.verdict, COLOURS["unknown"]))
    title = clip(defuse_mentions(lay.title), TITLE) if lay.title else None
    footer = clip(defuse_mentions(lay.footer), FOOTER_SHOWN) if lay.footer else None
    description = clip(defuse_mentions("\n".join(lay.headline)), DESCRIPTION) or None
    first = discord.Embed(title=title, description=description, colour=colour)
    embeds = [first]
    budget = TOTAL - len(title or "") - len(description or "") - len(footer or "") - _OVERFLOW_ROOM
    fields: list[tuple[str, str, int]] = []  # name, value, lines in it
    for section in lay.sections:
        chunks = pack((defuse_mentions(line) for line in section.lines), FIELD_VALUE)
        for n, chunk in enumerate(chunks):
            name = section.name if n == 0 else f"{section.name} (continued)"
            fields.append((clip(defuse_mentions(name), FIELD_NAME), chunk, chunk.count("\n") + 1))
    left_out = 0
    for i, (name, value, lines) in enumerate(fields):
        if left_out or len(name) + len(value) > budget:
            left_out += lines
            continue
        current = embeds[-1]
        if len(current.fields) >= FIELDS:
            if len(embeds) >= EMBEDS:
                left_out += sum(f[2] for f in fields[i:])
                break
            current = discord.Embed(colour=colour)
            embeds.append(current)
        current.add_field(name=name, value=value, inline=False)
        budget -= len(name) + len(value)
    if left_out:
        note = _OVERFLOW.format(n=left_out, s="" if left_out == 1 else "s")
        last = embeds[-1]
        if len(last.fields) >= FIELDS:
            last = discord.Embed(colour=colour)
            embeds.append(last)
        last.add_field(name="More", value=note, inline=False)
    if footer:
        embeds[-1].set_footer(text=footer)
    return embeds[:EMBEDS]


def answer_embeds(answer: Answer, k: Knowledge, country_names: Mapping[str, str]) -> list[discord.Embed]:
    return fit(layout(answer, k, country_names))


def message_embed(title: str, lines: Sequence[str], verdict: str = "unknown") -> discord.Embed:
    """A plain notice (edits, history, errors) within the limits, mentions defused."""
    description = "\n".join(pack((defuse_mentions(line) for line in lines), DESCRIPTION)[:1]) or None
    return discord.Embed(
        title=clip(defuse_mentions(title), TITLE), description=description, colour=discord.Colour(COLOURS[verdict])
    )


def total_length(embeds: Sequence[discord.Embed]) -> int:
    return sum(len(e) for e in embeds)
