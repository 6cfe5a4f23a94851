"""/help (what the bot answers, with real examples) and /about (what it knows, and how fresh)."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from ..client import NO_MENTIONS, AnyBot, Context
from ..embeds import help_embed, message_embed


class InfoCog(commands.Cog):
    def __init__(self, bot: AnyBot, ctx: Context) -> None:
        self.bot = bot
        self.ctx = ctx

    @app_commands.command(name="help", description="What I answer, with examples")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.send_message(embed=help_embed(), ephemeral=True, allowed_mentions=NO_MENTIONS)

    @app_commands.command(name="about", description="What I know: phones, carriers, vendor statements, how fresh")
    async def about(self, interaction: discord.Interaction[Any]) -> None:
        stats = self.ctx.service.store.stats()
        c, recent = stats["counts"], stats["recent_devices"]
        newest = stats["newest_statement"]
        lines = [
            f"{c['devices']:,} phones ({c['variants']:,} regional models) of {c['vendors']} makers; "
            f"{recent['devices']:,} released {recent['years']}, {recent['with_lte']:,} of them with a 4G band list.",
            f"{c['carriers']:,} carriers ({c['virtual_operators']} virtual) in {c['countries']} countries.",
            f"{c['statements']} vendor statement{'' if c['statements'] == 1 else 's'} on where they sell, over "
            f"{c['statement_pairs']} vendor × country pair{'' if c['statement_pairs'] == 1 else 's'}"
            + (f"; the newest from {newest['date']}." if newest else "."),
            f"{stats['changes']:,} recorded changes. Every entry names its source; unknown bands answer “unknown”.",
        ]
        await interaction.response.send_message(
            embed=message_embed("What I know", lines), ephemeral=True, allowed_mentions=NO_MENTIONS
        )
