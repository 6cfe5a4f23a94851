"""Answers as Discord embeds: pure functions from a structured `Answer` to `discord.Embed`s.

The first embed's description starts with the verdict line(s), which are never cut: whatever does
not fit Discord's limits (field 1,024, description 4,096, title 256, 25 fields per embed, 6,000
characters per message) is split into more fields or embeds, and what still does not fit is dropped
with a note saying how to ask for it. What is said comes from `bot.present`; every text goes
through `defuse_mentions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

import discord

from ..engine import Answer
from ..present.i18n import _, speaking
from ..present.layout import Layout, Section, build
from ..present.phrases import HELP_LINES, defuse_mentions, linked
from ..records import Knowledge

TITLE, DESCRIPTION, FIELD_NAME, FIELD_VALUE, FIELDS, FOOTER, TOTAL, EMBEDS = 256, 4096, 256, 1024, 25, 2048, 6000, 10

COLOURS = {"full": 0x2ECC71, "partial": 0xF39C12, "none": 0xE74C3C, "unknown": 0x95A5A6}
FOOTER_SHOWN = 500  # title + description + footer + the overflow note stay under TOTAL whatever they hold
ELLIPSIS = "…"
_OVERFLOW = "…and {n} more line{s} that don't fit in one Discord message: ask about one carrier or model to see them."
_OVERFLOW_ROOM = len(_OVERFLOW) + 20 + len("More")


def clip(text: str, limit: int) -> str:
    """At most `limit` characters; a cut text ends in an ellipsis."""
    return text if len(text) <= limit else text[: max(0, limit - 1)].rstrip() + ELLIPSIS


def _masked(text: str) -> str:
    """Web addresses as masked links named by their site ("[gsmarena.com](https://…)"): a source is
    one short word to read, and still one click away."""
    return linked(text, lambda site, address: f"[{site}]({address})")


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


def fit(lay: Layout) -> list[discord.Embed]:
    """The layout as embeds within Discord's limits; the headline always comes first and whole."""
    colour = discord.Colour(COLOURS.get(lay.verdict, COLOURS["unknown"]))
    title = clip(defuse_mentions(lay.title + lay.model), TITLE) if lay.title else None
    if title is None and lay.kind == "choices":
        title = "Did you mean…?"
    footer = clip(defuse_mentions(lay.footer), FOOTER_SHOWN) if lay.footer else None
    description = clip(defuse_mentions(_masked("\n".join(lay.headline))), DESCRIPTION) or None
    first = discord.Embed(title=title, description=description, colour=colour)
    embeds = [first]
    budget = TOTAL - len(title or "") - len(description or "") - len(footer or "") - _OVERFLOW_ROOM
    fields: list[tuple[str, str, int]] = []  # name, value, lines in it
    sections = list(lay.sections)
    if lay.notes:
        sections.append(Section("Sources and dates", lay.notes))
    for section in sections:
        chunks = pack((defuse_mentions(_masked(line)) for line in section.lines), FIELD_VALUE)
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


def answer_embeds(
    answer: Answer, k: Knowledge, country_names: Mapping[str, str], lang: str = "en"
) -> list[discord.Embed]:
    """The answer as posted: the per-network detail folded away (`detail_embeds` opens it)."""
    return folded(build(answer, k, country_names, lang))


def folded(lay: Layout) -> list[discord.Embed]:
    """A layout's embeds without its foldable detail."""
    return fit(replace(lay, sections=tuple(s for s in lay.sections if not s.detail)))


def detail_embeds(
    answer: Answer, k: Knowledge, country_names: Mapping[str, str], lang: str = "en"
) -> list[discord.Embed]:
    """The per-network (or per-model) detail behind an answer's summary."""
    lay = build(answer, k, country_names, lang)
    detail = tuple(s for s in lay.sections if s.detail)
    with speaking(lang):
        if answer.intent == "bands":
            headline = _("Each model's bands:")
        elif answer.region and not answer.carrier:
            headline = _("Per country, what each model lacks:")
        else:
            headline = _("Per network, what each model lacks:")
    return fit(replace(lay, headline=(headline,), sections=detail, notes=lay.notes))


def detail_label(answer: Answer) -> str:
    """The label of the button that opens an answer's detail: what the detail is."""
    if answer.intent == "bands":
        return "Bands"
    return "Per country" if answer.region and not answer.carrier else "Per network"


def message_embed(title: str, lines: Sequence[str], verdict: str = "unknown") -> discord.Embed:
    """A plain notice (edits, history, errors) within the limits, mentions defused."""
    description = "\n".join(pack((defuse_mentions(line) for line in lines), DESCRIPTION)[:1]) or None
    return discord.Embed(
        title=clip(defuse_mentions(title), TITLE), description=description, colour=discord.Colour(COLOURS[verdict])
    )


def total_length(embeds: Sequence[discord.Embed]) -> int:
    return sum(len(e) for e in embeds)


def help_embed() -> discord.Embed:
    """What the bot answers, with examples: /help, and the reply to a bare mention."""
    return message_embed("What I answer", HELP_LINES)
