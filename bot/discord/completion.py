"""Autocomplete for slash-command options, shared by the cogs (which never import each other): the
index's best matches first, by name, alias, nickname or model number."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from .client import service_of
from .embeds import clip

# A slash-command option that names one thing (a phone, a carrier, a country, a maker).
Text = app_commands.Range[str, 1, 100]


async def _choices(interaction: discord.Interaction[Any], kind: str, current: str) -> list[app_commands.Choice[str]]:
    """Autocomplete from the index (value: the id; name: what people read)."""
    index = service_of(interaction).engine.index
    return [app_commands.Choice(name=clip(name, 100), value=i) for i, name in index.complete(kind, current[:100])]


async def complete_device(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    return await _choices(interaction, "device", current)


async def complete_carrier(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    return await _choices(interaction, "carrier", current)


async def complete_country(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    return await _choices(interaction, "country", current)


async def complete_vendor(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    return await _choices(interaction, "vendor", current)
