"""Answering: mentions, replies and (in DEVICEBOT_ANSWER_CHANNELS) plain questions, and the slash
commands /ask, /sold, /works, /bands and /statement. All answers come from `Service`; a bare mention
gets the help."""

from __future__ import annotations

import logging
import re
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from ...engine import Answer
from ...matching import MAX_QUESTION_CHARS
from ...present.i18n import language_of
from ..client import NO_MENTIONS, AnyBot, Context, QuestionCooldown
from ..completion import Text, complete_carrier, complete_country, complete_device, complete_vendor
from ..embeds import help_embed
from ..views import answer_payload

log = logging.getLogger(__name__)


def strip_mentions_of(content: str, user_id: int, role_id: int | None = None) -> str:
    """The question without the bot's own mention(s) (`<@id>`, `<@!id>`, its role `<@&id>`)."""
    ids = [rf"<@!?{user_id}>"] + ([rf"<@&{role_id}>"] if role_id else [])
    return re.sub("|".join(ids), " ", content).strip(" \t,:;-")


def is_device_question(answer: Answer) -> bool:
    """Whether a plain message in an answer channel is worth answering: a known phone or vendor,
    and words that say what is asked (sold, work, bands…). Chat that is not a question is ignored."""
    return bool(answer.device or answer.vendor) and answer.intent not in ("unknown", "other")


class AskCog(commands.Cog):
    def __init__(self, bot: AnyBot, ctx: Context) -> None:
        self.bot = bot
        self.ctx = ctx
        self._warned: set[int] = set()  # users told about their cooldown (told once, then quiet)

    # -- messages ---------------------------------------------------------------------------------

    def addressed_question(self, message: discord.Message) -> str | None:
        """The question when the message is for the bot (mention, reply to it, direct message)."""
        me = self.bot.user
        if me is None:
            return None
        role = message.guild.self_role if message.guild else None
        mentioned = me in message.mentions or (role is not None and role in message.role_mentions)
        reference = message.reference.resolved if message.reference else None
        replied = isinstance(reference, discord.Message) and reference.author.id == me.id
        if mentioned or replied or message.guild is None:
            return strip_mentions_of(message.content, me.id, role.id if role else None)
        return None

    def in_answer_channel(self, message: discord.Message) -> bool:
        channels = self.ctx.answer_channels(message.guild.id if message.guild else None)
        parent = getattr(message.channel, "parent_id", None)  # threads of an answer channel count too
        return message.channel.id in channels or (parent is not None and parent in channels)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None or self.bot.user is None:
            return
        if message.author.id == self.bot.user.id:
            return
        question = self.addressed_question(message)
        addressed = question is not None
        context = self.follows_up_on(message)
        if question is None:
            if not self.in_answer_channel(message):
                return
            question = message.content
        if not question.strip():
            if addressed and message.content.strip():
                await message.reply(embed=help_embed(), allowed_mentions=NO_MENTIONS, mention_author=False)
            return  # e.g. a reply without a ping: Discord does not give us its text
        home = self.ctx.servers.get(message.guild.id if message.guild else None).country
        answer = self.ctx.service.ask(question[: MAX_QUESTION_CHARS + 1], adapter="discord", context=context, home=home)
        if not addressed and not is_device_question(answer):
            return
        try:
            self.ctx.check_cooldown(message.author.id)
        except QuestionCooldown as exc:
            if message.author.id not in self._warned:
                self._warned.add(message.author.id)
                await message.reply(str(exc), allowed_mentions=NO_MENTIONS, mention_author=False, delete_after=10)
            return
        self._warned.discard(message.author.id)
        # A message is answered in its own language (Spanish or Portuguese, else English).
        lang = language_of(answer.reading.lang if answer.reading else None)
        embeds, view = answer_payload(self.ctx.service, answer, message.author.id, lang)
        sending: dict[str, Any] = {
            "embeds": embeds,
            "allowed_mentions": NO_MENTIONS,
            "mention_author": False,
            "reference": message.to_reference(fail_if_not_exists=False),
        }
        if view is not None:
            sending["view"] = view
        sent = await message.channel.send(**sending)
        if view is not None:
            view.message = sent
        self.remember(sent.id, message.channel.id, message.author.id, answer)

    def follows_up_on(self, message: discord.Message) -> Answer | None:
        """The bot's answer this message replies to (it inherits what it does not say)."""
        reference = message.reference
        if reference is None or reference.message_id is None or self.bot.user is None:
            return None
        resolved = reference.resolved
        if isinstance(resolved, discord.Message) and resolved.author.id != self.bot.user.id:
            return None
        return self.ctx.conversations.recall(("message", reference.message_id))

    def remember(self, message_id: int | None, channel_id: int, user_id: int, answer: Answer) -> None:
        if answer.intent in ("thanks", "hello"):
            return  # "thanks!" or "hi" leaves the phone and place asked about for the next follow-up
        if message_id is not None:
            self.ctx.conversations.remember(("message", message_id), answer)
        self.ctx.conversations.remember(("asker", channel_id, user_id), answer)

    # -- slash commands ---------------------------------------------------------------------------

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        self.ctx.check_cooldown(interaction.user.id)  # raises QuestionCooldown: a friendly ephemeral note
        return True

    async def respond(self, interaction: discord.Interaction[Any], answer: Answer) -> None:
        # A slash command is answered in the asker's Discord language.
        embeds, view = answer_payload(
            self.ctx.service, answer, interaction.user.id, language_of(str(interaction.locale))
        )
        private = self.ctx.servers.get(interaction.guild_id).private  # a server may want answers private
        if view is None:
            sent = await interaction.response.send_message(
                embeds=embeds, allowed_mentions=NO_MENTIONS, ephemeral=private
            )
        else:
            sent = await interaction.response.send_message(
                embeds=embeds, view=view, allowed_mentions=NO_MENTIONS, ephemeral=private
            )
            if isinstance(sent.resource, discord.InteractionMessage):
                view.message = sent.resource
        channel_id = interaction.channel_id or 0
        self.remember(sent.message_id, channel_id, interaction.user.id, answer)

    @app_commands.command(name="ask", description="Ask about a phone: is it sold in a country, will it work there?")
    @app_commands.describe(question="e.g. Will the Pixel 9 work on Verizon? / Is the Xiaomi 14 sold in the US?")
    async def ask(
        self, interaction: discord.Interaction[Any], question: app_commands.Range[str, 1, MAX_QUESTION_CHARS]
    ) -> None:
        # "/ask what about on T-Mobile?" a few minutes after an answer in this channel follows up on it.
        earlier = self.ctx.conversations.recall(("asker", interaction.channel_id or 0, interaction.user.id))
        home = self.ctx.servers.get(interaction.guild_id).country
        await self.respond(interaction, self.ctx.service.ask(question, adapter="discord", context=earlier, home=home))

    @app_commands.command(name="sold", description="Is this phone sold officially in a country?")
    @app_commands.describe(device="the phone", country="the country")
    @app_commands.autocomplete(device=complete_device, country=complete_country)
    async def sold(self, interaction: discord.Interaction[Any], device: Text, country: Text) -> None:
        answer = self.ctx.service.ask_about("availability", device=device, country=country, adapter="discord")
        await self.respond(interaction, answer)

    @app_commands.command(name="works", description="Will this phone work on a carrier, or in a country?")
    @app_commands.describe(device="the phone", carrier="the carrier", country="the country (every network there)")
    @app_commands.autocomplete(device=complete_device, carrier=complete_carrier, country=complete_country)
    async def works(
        self,
        interaction: discord.Interaction[Any],
        device: Text,
        carrier: Text | None = None,
        country: Text | None = None,
    ) -> None:
        answer = self.ctx.service.ask_about(
            "compatibility", device=device, carrier=carrier, country=country, adapter="discord"
        )
        await self.respond(interaction, answer)

    @app_commands.command(name="bands", description="The bands of every model of a phone")
    @app_commands.describe(device="the phone (or a model number)")
    @app_commands.autocomplete(device=complete_device)
    async def bands(self, interaction: discord.Interaction[Any], device: Text) -> None:
        await self.respond(interaction, self.ctx.service.ask_about("bands", device=device, adapter="discord"))

    @app_commands.command(name="statement", description="What a vendor said about selling its phones in a country")
    @app_commands.describe(vendor="the phone maker", country="the country")
    @app_commands.autocomplete(vendor=complete_vendor, country=complete_country)
    async def statement(self, interaction: discord.Interaction[Any], vendor: Text, country: Text) -> None:
        answer = self.ctx.service.ask_about("availability", vendor=vendor, country=country, adapter="discord")
        await self.respond(interaction, answer)
