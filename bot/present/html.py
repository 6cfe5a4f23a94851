"""A layout as HTML for the web page: the same answer as the bot, escaped, with links for sources.

The layout's phrases carry a little Markdown (`**bold**`, `_aside_`); it is turned into tags after
the text is escaped, and only http(s) addresses become links.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from .layout import Layout
from .phrases import URL, site

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _words(text: str) -> str:
    return _BOLD.sub(r"<strong>\1</strong>", str(escape(text)))


def inline(text: str) -> Markup:
    """One line: escaped, bold made strong, http(s) addresses made links, a whole-line aside made quiet."""
    aside = len(text) > 1 and text.startswith("_") and text.endswith("_")
    raw = text[1:-1] if aside else text
    out, pos = [], 0
    for m in URL.finditer(raw):
        address = m.group(0).rstrip(".,;:")
        out.append(_words(raw[pos : m.start()]))
        out.append(
            f'<a href="{escape(address)}" title="{escape(address)}" rel="nofollow noopener">{escape(site(address))}</a>'
        )
        pos = m.start() + len(address)
    out.append(_words(raw[pos:]))
    html = "".join(out)
    return Markup(f'<span class="aside">{html}</span>' if aside else html)


def render(lay: Layout) -> Markup:
    parts = [f'<article class="answer verdict-{escape(lay.verdict)}">']
    if lay.title:
        parts.append(f"<h2>{escape(lay.title)}<small>{escape(lay.model)}</small></h2>")
    parts.extend(f'<p class="headline">{inline(line)}</p>' for line in lay.headline)
    for section in lay.sections:
        items = []
        for line in section.lines:
            if line.startswith("> "):
                items.append(f"<blockquote>{inline(line[2:])}</blockquote>")
            else:
                items.append(f"<li>{inline(line)}</li>")
        body = "".join(item if item.startswith("<blockquote>") else f"<ul>{item}</ul>" for item in items).replace(
            "</ul><ul>", ""
        )
        if section.detail:
            # Folded, as in Discord; a tap opens it, no script needed.
            parts.append(f"<details><summary>{escape(section.name)}</summary>{body}</details>")
        else:
            parts.append(f"<section><h3>{escape(section.name)}</h3>{body}</section>")
    parts.extend(f'<p class="muted">{inline(note)}</p>' for note in lay.notes)
    if lay.footer:
        parts.append(f'<p class="muted">{escape(lay.footer)}</p>')
    parts.append("</article>")
    return Markup("".join(parts))
