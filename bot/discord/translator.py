"""Slash commands in the member's language: their descriptions and options translated from the same
message catalogues as the answers (`bot/present/locales`). Command names stay as typed everywhere."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from ..present import i18n


class CatalogTranslator(app_commands.Translator):
    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContext[Any, Any],
    ) -> str | None:
        if context.location in (
            app_commands.TranslationContextLocation.command_name,
            app_commands.TranslationContextLocation.group_name,
            app_commands.TranslationContextLocation.parameter_name,
            app_commands.TranslationContextLocation.choice_name,
        ):
            return None  # names are typed: they stay the same for everyone
        lang = i18n.language_of(str(locale))
        if lang == "en":
            return None
        translated = i18n.translation(lang).gettext(string.message)
        return translated if translated != string.message else None
