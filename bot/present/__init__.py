"""Presentation: one layout per answer (`layout`), rendered as Markdown (`markdown`), as the JSON
contract (`contract`) and, in `bot.discord.embeds`, as Discord embeds. The engine returns data only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..engine import Answer
from ..records import Knowledge
from . import contract, i18n, layout, markdown
from .layout import Layout, Section


def text(a: Answer, k: Knowledge, country_names: Mapping[str, str]) -> str:
    """The answer as the CLI prints it."""
    return markdown.render(layout.build(a, k, country_names))


def to_dict(a: Answer, k: Knowledge, country_names: Mapping[str, str]) -> dict[str, Any]:
    return contract.to_dict(a, k, country_names)


__all__ = ["Layout", "Section", "contract", "i18n", "layout", "markdown", "text", "to_dict"]
