"""/settings: a server's own country, answer channels, moderator roles and private answers, set by
members with Manage Server. The environment's settings stay the defaults."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from ...present.phrases import defuse_mentions
from ..client import NO_MENTIONS, AnyBot, Context
from ..completion import complete_country
from ..embeds import clip, message_embed
from ..servers import ServerSettings


def _named(thing: Any, mark: str, fallback: int) -> str:
    return f"{mark}{thing.name}" if thing is not None else str(fallback)


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class SettingsCog(commands.GroupCog, group_name="settings", group_description="This server's settings"):
    def __init__(self, bot: AnyBot, ctx: Context) -> None:
        self.bot = bot
        self.ctx = ctx
        super().__init__()

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        # Checked by the bot itself, whatever the server's command permissions say.
        if not interaction.permissions.manage_guild:
            raise app_commands.MissingPermissions(["manage_guild"])
        return True

    def _lines(self, s: ServerSettings, guild: discord.Guild | None) -> list[str]:
        names = self.ctx.service.engine.index.country_names
        # Names, not mentions: a settings notice pings nobody.
        channel_names = [_named(guild.get_channel(i) if guild else None, "#", i) for i in sorted(s.answer_channels)]
        role_names = [_named(guild.get_role(i) if guild else None, "@", i) for i in sorted(s.mod_roles)]
        channels = ", ".join(channel_names) or "none of its own"
        roles = ", ".join(role_names) or "none of its own"
        return [
            f"Country: {names.get(s.country, s.country) if s.country else 'not set'} "
            "(where a question that names no place is asked, and what “here” means)",
            f"Answer channels: {channels} (questions there need no mention)",
            f"Moderator roles: {roles} (beside Manage Server and the bot's own settings)",
            f"Answers to slash commands: {'private' if s.private else 'public'}",
        ]

    async def _show(self, interaction: discord.Interaction[Any], s: ServerSettings, title: str) -> None:
        embed = message_embed(title, self._lines(s, interaction.guild))
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)

    @app_commands.command(name="show", description="This server's settings")
    async def show(self, interaction: discord.Interaction[Any]) -> None:
        await self._show(interaction, self.ctx.servers.get(interaction.guild_id), "Settings")

    @app_commands.command(name="country", description="The country of this server (or none)")
    @app_commands.describe(country="a country, e.g. India; type 'none' to clear")
    @app_commands.autocomplete(country=complete_country)
    async def country(self, interaction: discord.Interaction[Any], country: str) -> None:
        assert interaction.guild_id is not None
        code = None if country.strip().casefold() in ("none", "-", "") else country.strip().upper()
        names = self.ctx.service.engine.index.country_names
        if code is not None and code not in names:
            found = self.ctx.service.engine.index.complete("country", country, limit=1)
            if not found:
                await interaction.response.send_message(
                    defuse_mentions(f"I don't know a country called {clip(country, 60)!r}: pick one from the list."),
                    ephemeral=True,
                    allowed_mentions=NO_MENTIONS,
                )
                return
            code = found[0][0]
        s = self.ctx.servers.update(interaction.guild_id, country=code)
        await self._show(interaction, s, "Saved")

    async def _toggle(self, interaction: discord.Interaction[Any], field: str, item_id: int) -> None:
        """Add the id to a set of the server's settings, or take it out when it is there."""
        assert interaction.guild_id is not None
        now: frozenset[int] = getattr(self.ctx.servers.get(interaction.guild_id), field)
        changed = now - {item_id} if item_id in now else now | {item_id}
        s = self.ctx.servers.update(interaction.guild_id, **{field: changed})
        await self._show(interaction, s, "Removed" if item_id in now else "Saved")

    @app_commands.command(name="channel", description="Add or remove an answer channel (no mention needed there)")
    async def channel(self, interaction: discord.Interaction[Any], channel: discord.TextChannel) -> None:
        await self._toggle(interaction, "answer_channels", channel.id)

    @app_commands.command(name="modrole", description="Add or remove a role that may edit the knowledge")
    async def modrole(self, interaction: discord.Interaction[Any], role: discord.Role) -> None:
        await self._toggle(interaction, "mod_roles", role.id)

    @app_commands.command(name="private", description="Whether answers to slash commands are private")
    async def private(self, interaction: discord.Interaction[Any], private: bool) -> None:
        assert interaction.guild_id is not None
        await self._show(interaction, self.ctx.servers.update(interaction.guild_id, private=private), "Saved")
