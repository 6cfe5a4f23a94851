"""Building the bot: intents, mentions, cogs, command sync and one place where errors end up."""

from __future__ import annotations

import logging
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from ..bundle import KnowledgeError
from ..conversation import Conversations
from ..dbfaults import StoreError
from ..present.phrases import defuse_mentions
from ..service import Service
from ..web.ratelimit import RateLimiter
from .config import Config
from .embeds import clip
from .permissions import NotModerator
from .servers import ServerSettingsStore

log = logging.getLogger(__name__)

AnyBot = commands.Bot | commands.AutoShardedBot
_CONTEXTS: weakref.WeakKeyDictionary[AnyBot, Context] = weakref.WeakKeyDictionary()

NO_MENTIONS = discord.AllowedMentions.none()
OOPS = "Sorry, something went wrong on my side. It has been logged; please try again in a moment."


class QuestionCooldown(app_commands.CheckFailure):
    """The user asked too many questions too fast."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after
        super().__init__(cooldown_message(retry_after))


def cooldown_message(retry_after: float) -> str:
    seconds = max(1, round(retry_after))
    return f"Easy there! You can ask me again in {seconds} second{'s' if seconds != 1 else ''}."


@dataclass
class Context:
    """What every cog shares: the settings, the knowledge and the per-user question limit."""

    config: Config
    service: Service
    questions: RateLimiter = field(init=False)
    servers: ServerSettingsStore = field(init=False)
    started: float = field(default_factory=time.monotonic)
    # Answers by the message that carried them and by (channel, asker): what a follow-up inherits.
    conversations: Conversations = field(default_factory=Conversations)

    def __post_init__(self) -> None:
        self.questions = RateLimiter(self.config.cooldown_rate, self.config.cooldown_per)
        self.servers = ServerSettingsStore(self.service.store.path)

    def answer_channels(self, guild_id: int | None) -> frozenset[int]:
        """The environment's answer channels and the server's own."""
        return self.config.answer_channels | self.servers.get(guild_id).answer_channels

    def check_cooldown(self, user_id: int) -> None:
        allowed, retry = self.questions.allow(str(user_id))
        if not allowed:
            raise QuestionCooldown(retry)


def intents_for(config: Config) -> discord.Intents:
    """Default intents without the privileged presences and members; message content only when the
    bot answers plain messages in DEVICEBOT_ANSWER_CHANNELS (mentions and replies carry it anyway)."""
    intents = discord.Intents.default()
    intents.presences = False
    intents.members = False
    intents.message_content = bool(config.answer_channels)
    return intents


def user_message(error: BaseException) -> tuple[str, bool]:
    """(what to tell the user, whether it is our bug and must be logged with its traceback)."""
    original = getattr(error, "original", error)
    if isinstance(error, QuestionCooldown | NotModerator):
        return str(error) if isinstance(error, QuestionCooldown) else (
            "Only moderators can change the knowledge: you need one of the moderator roles or Manage Server."
        ), False
    if isinstance(error, app_commands.MissingPermissions):
        return "Only members with Manage Server can change this server's settings.", False
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works in a server, not in direct messages.", False
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use this command here.", False
    if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
        return "That command has just changed; please try again in a minute.", False
    if isinstance(original, TimeoutError):
        return "That took too long (over 30 s), so nothing changed. Try a smaller file.", False
    if isinstance(original, KnowledgeError):
        return "Nothing changed:\n" + clip(str(original), 1800), False
    if isinstance(original, StoreError):  # the operator's log has the file and what to do
        log.error("%s", original)
        return f"Nothing changed: {original.reason}. The bot's operator has the details.", False
    return OOPS, True


async def tell(interaction: discord.Interaction[Any], text: str, *, ephemeral: bool = True) -> None:
    """Answer an interaction with a short text, whether or not it was answered (or deferred) before.
    Error texts can quote what was typed: they are defused like answers."""
    text = defuse_mentions(text)
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.send_message(text, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException:
        log.warning("could not tell the user about an error (interaction %s)", interaction.id, exc_info=True)


def build_bot(config: Config, service: Service, **options: Any) -> AnyBot:
    """The bot, sharded (AutoShardedBot) when DEVICEBOT_SHARD_COUNT is set. `options` go to discord.py."""
    kwargs: dict[str, Any] = {
        "command_prefix": commands.when_mentioned,  # no prefix commands: on_message is ours (cogs/ask.py)
        "intents": intents_for(config),
        "allowed_mentions": NO_MENTIONS,
        "help_command": None,
        **options,
    }
    bot: AnyBot
    if config.sharded:
        if config.shard_ids is not None:
            kwargs["shard_ids"] = list(config.shard_ids)
        bot = commands.AutoShardedBot(shard_count=config.shard_count, **kwargs)
    else:
        bot = commands.Bot(**kwargs)
    ctx = Context(config, service)

    async def setup_hook() -> None:
        from .cogs.ask import AskCog
        from .cogs.info import InfoCog
        from .cogs.kb import KbCog
        from .cogs.settings import SettingsCog
        from .cogs.watch import WatchCog

        await bot.add_cog(AskCog(bot, ctx))
        await bot.add_cog(InfoCog(bot, ctx))
        await bot.add_cog(SettingsCog(bot, ctx))
        await bot.add_cog(KbCog(bot, ctx))
        await bot.add_cog(WatchCog(bot, ctx))
        from .views import DetailButton, PickButton, PickMenu

        bot.add_dynamic_items(DetailButton, PickButton, PickMenu)  # answers' buttons work across restarts
        from .translator import CatalogTranslator

        await bot.tree.set_translator(CatalogTranslator())
        await sync_commands(bot, config)

    async def on_message(message: discord.Message) -> None:
        """Replaces commands.Bot's prefix-command dispatch: questions are handled by the ask cog."""

    async def on_ready() -> None:
        log.info("connected as %s to %d servers", bot.user, len(bot.guilds))

    async def on_error(event_method: str, /, *args: Any, **kwargs: Any) -> None:
        log.exception("error in the %s event", event_method)
        service.metrics.errors.labels("discord").inc()
        message = next((a for a in args if isinstance(a, discord.Message)), None)
        if message is not None and bot.user is not None and message.author.id != bot.user.id:
            try:
                await message.reply(OOPS, allowed_mentions=NO_MENTIONS, mention_author=False)
            except discord.HTTPException:
                log.warning("could not tell the user about the error", exc_info=True)

    async def on_app_command_error(interaction: discord.Interaction[Any], error: app_commands.AppCommandError) -> None:
        text, ours = user_message(error)
        if ours:
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("error in /%s", command, exc_info=error)
            service.metrics.errors.labels("discord").inc()
        await tell(interaction, text)

    bot.setup_hook = setup_hook  # type: ignore[method-assign]
    bot.on_message = on_message  # type: ignore[method-assign]
    bot.event(on_ready)
    bot.event(on_error)
    bot.tree.error(on_app_command_error)
    _CONTEXTS[bot] = ctx
    return bot


def context_of(bot: AnyBot) -> Context:
    """The settings and service a bot made by `build_bot` works with."""
    return _CONTEXTS[bot]


def service_of(interaction: discord.Interaction[Any]) -> Service:
    """The service behind the bot an interaction came to (autocomplete callbacks get no cog)."""
    client = interaction.client
    assert isinstance(client, commands.Bot | commands.AutoShardedBot)
    return context_of(client).service


async def sync_commands(bot: AnyBot, config: Config) -> None:
    """Register the slash commands: on the DEVICEBOT_GUILD_IDS servers (at once), else globally."""
    try:
        if config.guild_ids:
            for guild_id in config.guild_ids:
                guild = discord.Object(guild_id)
                bot.tree.copy_global_to(guild=guild)
                synced = await bot.tree.sync(guild=guild)
                log.info("synced %d commands to server %s", len(synced), guild_id)
            # Commands registered globally by an earlier run would show twice on those servers.
            bot.tree.clear_commands(guild=None)
            await bot.tree.sync()
        else:
            synced = await bot.tree.sync()
            log.info("synced %d commands globally (Discord may take a while to show them)", len(synced))
    except discord.HTTPException:
        log.exception("syncing the slash commands failed; the old ones stay until the next start")


def _ms(seconds: float) -> float | None:
    """A latency for JSON: discord.py reports nan or inf before the first heartbeat."""
    return round(seconds * 1000, 1) if seconds == seconds and seconds != float("inf") else None


def health(bot: AnyBot, grace: float = 60.0) -> dict[str, Any]:
    """For /healthz: the gateway state; unhealthy when closed, or not connected `grace` s after start."""
    ctx = context_of(bot)
    ready = bot.is_ready() and not bot.is_closed()
    latency = bot.latency
    state: dict[str, Any] = {
        "ready": ready,
        "closed": bot.is_closed(),
        "servers": len(bot.guilds) if ready else None,
        "latency_ms": _ms(latency) if ready else None,
    }
    if isinstance(bot, commands.AutoShardedBot) and ready:
        state["shards"] = {
            str(i): {"connected": not s.is_closed(), "latency_ms": _ms(s.latency)} for i, s in bot.shards.items()
        }
    healthy = ready or (not bot.is_closed() and time.monotonic() - ctx.started < grace)
    return {"discord": state, "healthy": healthy}
