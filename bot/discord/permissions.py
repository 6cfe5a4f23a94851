"""Who may edit the knowledge from Discord: members with a moderator role (by id or name) or with
Manage Server. Checked by the bot on every `/kb` command, whatever the server's command settings say."""

from __future__ import annotations

from collections.abc import Iterable

import discord
from discord import app_commands

from .config import Config


class NotModerator(app_commands.CheckFailure):
    """The member may not edit the knowledge."""


def may_edit(
    config: Config, role_ids: Iterable[int], role_names: Iterable[str], manage_guild: bool, administrator: bool = False
) -> bool:
    """True for a member with Manage Server (or Administrator) or one of DEVICEBOT_MOD_ROLES."""
    if manage_guild or administrator:
        return True
    if config.mod_role_ids.intersection(role_ids):
        return True
    return bool(config.mod_role_names.intersection(name.casefold() for name in role_names))


def member_may_edit(config: Config, user: discord.abc.User | None, server_roles: Iterable[int] = ()) -> bool:
    """`server_roles`: the moderator roles the server set with /settings, beside the environment's."""
    if not isinstance(user, discord.Member):
        return False  # in a direct message there is no server, so no moderator
    roles = [r for r in user.roles if not r.is_default()]
    perms = user.guild_permissions
    if set(server_roles).intersection(r.id for r in roles):
        return True
    return may_edit(config, [r.id for r in roles], [r.name for r in roles], perms.manage_guild, perms.administrator)
