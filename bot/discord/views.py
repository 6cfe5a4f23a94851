"""Buttons and menus: "did you mean" choices that answer in place, the per-network detail behind a
summary, and Confirm/Cancel for imports."""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any

import discord

from ..engine import Answer
from ..matching import Suggestion
from ..present.i18n import language_of
from ..present.layout import build
from ..present.phrases import defuse_mentions
from ..service import Service
from .client import NO_MENTIONS, OOPS, service_of, tell
from .embeds import clip, detail_embeds, detail_label, folded
from .kept import KEY_PATTERN, kept_in

log = logging.getLogger(__name__)

MAX_BUTTONS = 5
MAX_OPTIONS = 25


async def owner_only(interaction: discord.Interaction[Any], owner_id: int) -> bool:
    """Whether the one who pressed is the one who asked; anyone else is told so, privately."""
    if interaction.user.id == owner_id:
        return True
    await tell(interaction, "These buttons belong to whoever asked. Ask me yourself with /ask.")
    return False


class OwnedView(discord.ui.View):
    """A view only the person who caused it may use; it logs its errors and says so to the user."""

    def __init__(self, owner_id: int, timeout: float | None) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.message: discord.Message | discord.InteractionMessage | None = None

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        return await owner_only(interaction, self.owner_id)

    async def on_error(self, interaction: discord.Interaction[Any], error: Exception, item: Any) -> None:
        log.error("error in a button or menu (%s)", type(item).__name__, exc_info=error)
        await tell(interaction, OOPS)

    async def on_timeout(self) -> None:
        if self.message is not None:
            with contextlib.suppress(discord.HTTPException):  # deleted, or the token expired
                await self.message.edit(view=None, allowed_mentions=NO_MENTIONS)


def answer_payload(
    service: Service, answer: Answer, owner_id: int, lang: str = "en"
) -> tuple[list[discord.Embed], SuggestionView | DetailView | None]:
    """The embeds of an answer and its view: the "did you mean" choices when it has some, else the
    button that opens the per-network detail when the summary folds one away."""
    lay = build(answer, service.engine.knowledge, service.engine.index.country_names, lang)
    embeds = folded(lay)
    if answer.suggestions:
        return embeds, SuggestionView(service, answer.question, answer.suggestions, owner_id, lang)
    if any(s.detail for s in lay.sections):
        return embeds, DetailView(service, answer)
    return embeds, None


# A question short enough to travel in a button's custom id (Discord allows 100 characters).
_DETAIL = "detail:"
_DETAIL_QUESTION = 100 - len(_DETAIL)


class DetailButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"detail:(?P<question>.+)"):
    """ "Per network": opens the detail behind a summary, for whoever presses it (privately). The
    question rides in the custom id, so the button keeps working after the bot restarts."""

    def __init__(self, question: str, label: str = "Per network") -> None:
        super().__init__(
            discord.ui.Button(label=label, style=discord.ButtonStyle.secondary, custom_id=_DETAIL + question)
        )
        self.question = question

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> DetailButton:
        return cls(match["question"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        service = service_of(interaction)
        question = await _unkept(interaction, self.question)
        if question is None:
            return
        answer = service.engine.answer(question)
        k, names = service.engine.knowledge, service.engine.index.country_names
        await interaction.response.send_message(
            embeds=detail_embeds(answer, k, names, language_of(str(interaction.locale))),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )


def persistent_question(service: Service, answer: Answer) -> str | None:
    """What the detail button's custom id carries when the answer's detail can be rebuilt from its
    question alone (not a follow-up that leaned on an earlier answer): the question, or for a long
    one the key it is kept under; None when it cannot."""
    q = answer.question
    if not q.strip():
        return None
    if not _reads_as(service, q, answer):
        # A follow-up ("what about on T-Mobile?") leaned on the answer before it: the same question
        # asked whole ("Pixel 8 on T-Mobile") rebuilds its detail after a restart too.
        q = _asked_whole(service, answer) or ""
        if not q or not _reads_as(service, q, answer):
            return None
    # Custom ids are not shown, but nothing the bot sends may carry a live mention.
    carried = defuse_mentions(q)
    if len(carried) <= _DETAIL_QUESTION and "\n" not in carried and carried == q:
        return carried
    return _keep(service, q)


def _reads_as(service: Service, question: str, answer: Answer) -> bool:
    fresh = service.engine.answer(question)
    return (fresh.device, fresh.variants, fresh.carriers, fresh.country) == (
        answer.device,
        answer.variants,
        answer.carriers,
        answer.country,
    )


def _asked_whole(service: Service, answer: Answer) -> str | None:
    """The question an answer answers, in the bot's own words: the phone (its model number when the
    answer is about one model), then the networks or the country."""
    k = service.engine.knowledge
    if answer.device is None:
        return None
    device = k.device(answer.device)
    words = [device.name]
    if len(answer.variants) == 1 and len(device.variants) > 1:
        models = next(v.models for v in device.variants if v.id == answer.variants[0])
        if not models:
            return None
        words.append(models[0])
    if answer.carriers:
        words.append("on " + " and ".join(k.carrier(c).name for c in answer.carriers))
    if answer.country:
        words.append("in " + service.engine.index.country_names.get(answer.country, answer.country))
    return " ".join(words)


class DetailView(discord.ui.View):
    """The detail button of one answer: persistent when its question, or the same question asked
    whole, reads as the answer did; else for 15 minutes (the answer it followed is needed)."""

    def __init__(self, service: Service, answer: Answer) -> None:
        carried = persistent_question(service, answer)
        super().__init__(timeout=None if carried else 900)
        self.service = service
        self.answer = answer
        self.message: discord.Message | discord.InteractionMessage | None = None
        label = detail_label(answer)
        if carried:
            self.add_item(DetailButton(carried, label))
        else:
            button: discord.ui.Button[DetailView] = discord.ui.Button(
                label=label, style=discord.ButtonStyle.secondary, custom_id="detail-once"
            )
            button.callback = self._open  # type: ignore[method-assign]
            self.add_item(button)

    async def _open(self, interaction: discord.Interaction[Any]) -> None:
        k, names = self.service.engine.knowledge, self.service.engine.index.country_names
        await interaction.response.send_message(
            embeds=detail_embeds(self.answer, k, names, language_of(str(interaction.locale))),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )

    async def on_error(self, interaction: discord.Interaction[Any], error: Exception, item: Any) -> None:
        log.error("error in the detail button", exc_info=error)
        await tell(interaction, OOPS)

    async def on_timeout(self) -> None:
        if self.message is not None:
            with contextlib.suppress(discord.HTTPException):
                await self.message.edit(view=None, allowed_mentions=NO_MENTIONS)


_KINDS = {"device": "d", "carrier": "c"}
_KIND_OF = {v: k for k, v in _KINDS.items()}
# Choices of an answer older than its kept question (or of a file that lost it) say so, not "oops".
GONE = "That choice is too old to answer now: please ask the question again."


def _keep(service: Service, question: str) -> str | None:
    """The key a custom id can carry for a question too long to carry itself (see `kept`)."""
    return kept_in(service.store.path).keep(question)


async def _unkept(interaction: discord.Interaction[Any], carried: str) -> str | None:
    """The question a custom id carried: itself, or the question kept under its key; None, once the
    asker is told so, when that key is kept no longer."""
    if not re.fullmatch(KEY_PATTERN, carried):
        return carried
    question = kept_in(service_of(interaction).store.path).get(carried)
    if question is None:
        await tell(interaction, GONE)
    return question


def _carrying(head: str, question: str) -> str | None:
    """A custom id of `head` and the question, carrying all a choice needs to answer again (so it
    outlives the bot's memory), or None when it does not fit Discord's 100 characters."""
    if "\n" in question:
        return None
    custom_id = f"{head}:{defuse_mentions(question)}"
    return custom_id if len(custom_id) <= 100 else None


def _pick_id(kind: str, entry_id: str, owner_id: int, question: str) -> str | None:
    if kind not in _KINDS or ":" in entry_id:
        return None
    return _carrying(f"pick:{_KINDS[kind]}:{entry_id}:{owner_id}", question)


class PickButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"pick:(?P<kind>[a-z]):(?P<entry>[^:]+):(?P<owner>\d+):(?P<question>.+)",
):
    """A "did you mean" choice that answers the question again with that choice, in place, for whoever
    asked. Its custom id carries the question, so it keeps working after the bot restarts."""

    def __init__(self, kind: str, entry_id: str, owner_id: int, question: str, label: str = "…") -> None:
        custom_id = _pick_id(kind, entry_id, owner_id, question)
        assert custom_id is not None
        super().__init__(discord.ui.Button(label=label, style=discord.ButtonStyle.primary, custom_id=custom_id))
        self.kind, self.entry_id, self.owner_id, self.question = kind, entry_id, owner_id, question

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> PickButton:
        return cls(_KIND_OF[match["kind"]], match["entry"], int(match["owner"]), match["question"])

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        return await owner_only(interaction, self.owner_id)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        question = await _unkept(interaction, self.question)
        if question is None:
            return
        await _answer_choosing(interaction, question, self.kind, self.entry_id, self.owner_id)


def _menu_id(owner_id: int, question: str) -> str | None:
    return _carrying(f"pickmenu:{owner_id}", question)


class PickMenu(
    discord.ui.DynamicItem[discord.ui.Select[Any]],
    template=r"pickmenu:(?P<owner>\d+):(?P<question>.+)",
):
    """More than five "did you mean" choices as a menu; like `PickButton`, it keeps working after the
    bot restarts (each option's value is the choice, the custom id the asker and the question)."""

    def __init__(self, owner_id: int, question: str, options: Sequence[discord.SelectOption] = ()) -> None:
        custom_id = _menu_id(owner_id, question)
        assert custom_id is not None
        super().__init__(discord.ui.Select(placeholder="Did you mean…", custom_id=custom_id, options=list(options)))
        self.owner_id, self.question = owner_id, question

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> PickMenu:
        return cls(int(match["owner"]), match["question"])

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        return await owner_only(interaction, self.owner_id)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        # discord.py fills the values from the interaction, also in a menu rebuilt after a restart.
        kind, _, entry_id = self.item.values[0].partition(":")
        question = await _unkept(interaction, self.question)
        if question is None:
            return
        await _answer_choosing(interaction, question, kind, entry_id, self.owner_id)


async def _answer_choosing(
    interaction: discord.Interaction[Any], question: str, kind: str, entry_id: str, owner_id: int
) -> None:
    """The question answered again with one of its choices, in place of the answer that offered it."""
    service = service_of(interaction)
    answer = service.ask_choosing(question, kind, entry_id, adapter="discord")
    embeds, view = answer_payload(service, answer, owner_id, language_of(str(interaction.locale)))
    await interaction.response.edit_message(content=None, embeds=embeds, view=view, allowed_mentions=NO_MENTIONS)
    if isinstance(view, (SuggestionView, DetailView)) and view.timeout is not None:
        view.message = await interaction.original_response()


class SuggestionView(OwnedView):
    """One button per suggestion (a menu when there are more than five); a pick edits the answer.
    When every choice's custom id can carry the question, the buttons are `PickButton`s and never expire."""

    def __init__(
        self, service: Service, question: str, suggestions: Sequence[Suggestion], owner_id: int, lang: str = "en"
    ) -> None:
        choices = list(suggestions)[:MAX_OPTIONS]
        buttons = len(choices) <= MAX_BUTTONS

        def lasts(carried: str) -> bool:
            if buttons:
                return all(_pick_id(s.kind, s.id, owner_id, carried) for s in choices)
            return _menu_id(owner_id, carried) is not None and all(s.kind in _KINDS for s in choices)

        carried, lasting = question, lasts(question)
        if not lasting and all(s.kind in _KINDS for s in choices):
            # A long post: its choices carry the key it is kept under instead.
            key = _keep(service, question)
            if key is not None and lasts(key):
                carried, lasting = key, True
        super().__init__(owner_id, timeout=None if lasting else 600)
        self.service = service
        self.question = question
        self.lang = lang
        if lasting and buttons:
            for s in choices:
                self.add_item(PickButton(s.kind, s.id, owner_id, carried, clip(s.name, 80)))
        elif lasting:
            options = [
                discord.SelectOption(label=clip(s.name, 100), value=f"{s.kind}:{s.id}", description=s.kind)
                for s in choices
            ]
            self.add_item(PickMenu(owner_id, carried, options))
        elif buttons:
            for s in choices:
                button: discord.ui.Button[SuggestionView] = discord.ui.Button(
                    label=clip(s.name, 80), style=discord.ButtonStyle.primary, custom_id=f"pick:{s.kind}:{s.id}"
                )
                button.callback = self._picker(s.kind, s.id)  # type: ignore[method-assign,assignment]
                self.add_item(button)
        else:
            select: discord.ui.Select[SuggestionView] = discord.ui.Select(
                placeholder="Did you mean…",
                custom_id="pick",
                options=[
                    discord.SelectOption(label=clip(s.name, 100), value=f"{s.kind}:{s.id}", description=s.kind)
                    for s in choices
                ],
            )

            async def picked(interaction: discord.Interaction[Any]) -> None:
                kind, _, entry_id = select.values[0].partition(":")
                await self._pick(interaction, kind, entry_id)

            select.callback = picked  # type: ignore[method-assign]
            self.add_item(select)

    def _picker(self, kind: str, entry_id: str) -> Callable[[discord.Interaction[Any]], Coroutine[Any, Any, None]]:
        async def callback(interaction: discord.Interaction[Any]) -> None:
            await self._pick(interaction, kind, entry_id)

        return callback

    async def _pick(self, interaction: discord.Interaction[Any], kind: str, entry_id: str) -> None:
        answer = self.service.ask_choosing(self.question, kind, entry_id, adapter="discord")
        embeds, view = answer_payload(self.service, answer, self.owner_id, self.lang)
        self.stop()
        await interaction.response.edit_message(content=None, embeds=embeds, view=view, allowed_mentions=NO_MENTIONS)
        if view is not None:
            view.message = self.message


class ConfirmView(OwnedView):
    """Confirm / Cancel; `on_confirm` runs once, when the owner presses Confirm in time."""

    def __init__(
        self, owner_id: int, on_confirm: Callable[[discord.Interaction[Any]], Awaitable[None]], timeout: float = 300
    ) -> None:
        super().__init__(owner_id, timeout=timeout)
        self.on_confirm = on_confirm
        self.done = False

    @discord.ui.button(label="Confirm", style=discord.ButtonStyle.danger, custom_id="confirm")
    async def confirm(self, interaction: discord.Interaction[Any], button: discord.ui.Button[ConfirmView]) -> None:
        if self.done:
            return
        self.done = True
        self.stop()
        await self.on_confirm(interaction)

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary, custom_id="cancel")
    async def cancel(self, interaction: discord.Interaction[Any], button: discord.ui.Button[ConfirmView]) -> None:
        self.done = True
        self.stop()
        await interaction.response.edit_message(
            content="Cancelled: nothing changed.", embeds=[], view=None, allowed_mentions=NO_MENTIONS
        )
