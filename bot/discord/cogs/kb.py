"""`/kb`: moderators edit the knowledge from Discord. Every change goes through `Service` with the
actor `discord:<user id> (<name>)`, so the change history says who did what; bad input changes nothing
and gets a short private error naming the field."""

from __future__ import annotations

import asyncio
import io
import json
import logging
from pathlib import Path
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from ... import bundle, edits
from ...bundle import KnowledgeError, Problem, RawEntry
from ...records import STATUSES
from ...store import Summary
from ..client import NO_MENTIONS, AnyBot, Context, service_of
from ..completion import Text, complete_carrier, complete_country, complete_device, complete_vendor
from ..embeds import message_embed
from ..permissions import NotModerator, member_may_edit
from ..views import ConfirmView

log = logging.getLogger(__name__)

MAX_IMPORT_BYTES = 2 * 1024 * 1024
DEFAULT_UPLOAD_LIMIT = 10 * 1024 * 1024
Long = app_commands.Range[str, 1, 1000]

# The fields of schema.json's definitions that no /kb command sets, each with why. Every other field is a
# parameter of an add or edit command of its entry, of the same name (a carrier's `bands.lte.primary` is
# `lte_primary`); tests/test_shape.py holds the commands to the schema, so a field added to schema.json
# fails that test until a command offers it or it is named here.
NOT_IN_DISCORD: tuple[tuple[str, str], ...] = (
    # A vendor comes with a bundle (/kb import): a maker is added once, with the phones that refer to
    # its id, and a wrong one would misname all of them; its other names are taught with /kb alias.
    ("vendor", "id"),
    ("vendor", "name"),
    ("vendor", "source"),
    ("vendor", "note"),
)


def actor_of(user: discord.abc.User) -> str:
    return f"discord:{user.id} ({user.name})"


def _choices_of(values: tuple[str, ...]) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=v.replace("_", " "), value=v) for v in values]


async def _ids(interaction: discord.Interaction[Any], table: str, current: str) -> list[app_commands.Choice[str]]:
    k = service_of(interaction).engine.knowledge
    typed = current.strip().casefold()
    hits = [e.id for e in getattr(k, table) if typed in e.id]
    hits.sort(key=lambda i: (not i.startswith(typed), i))
    return [app_commands.Choice(name=i, value=i) for i in hits[:25]]


async def complete_statement(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    return await _ids(interaction, "statements", current)


async def complete_device_id(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    return await _ids(interaction, "devices", current)


async def complete_carrier_id(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    return await _ids(interaction, "carriers", current)


def summary_text(summary: Summary) -> str:
    return "; ".join(summary.lines()) or "no changes"


class KbCog(commands.Cog):
    kb = app_commands.Group(name="kb", description="Moderators: change the knowledge", guild_only=True)
    statement = app_commands.Group(name="statement", description="Vendor statements", parent=kb)
    device = app_commands.Group(name="device", description="Devices", parent=kb)
    carrier = app_commands.Group(name="carrier", description="Carriers", parent=kb)
    alias = app_commands.Group(name="alias", description="Other names of a device, vendor or carrier", parent=kb)

    def __init__(self, bot: AnyBot, ctx: Context) -> None:
        self.bot = bot
        self.ctx = ctx

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        server_roles = self.ctx.servers.get(interaction.guild_id).mod_roles
        if not member_may_edit(self.ctx.config, interaction.user, server_roles):
            raise NotModerator("only moderators can change the knowledge")
        return True

    # -- saving -----------------------------------------------------------------------------------

    async def save(self, interaction: discord.Interaction[Any], kind: str, entry: RawEntry) -> None:
        # Validating the whole knowledge and rebuilding the index run off the event loop: questions
        # are answered meanwhile, and Discord is told at once that an answer is coming.
        await interaction.response.defer(ephemeral=True, thinking=True)
        service = self.ctx.service
        summary = await service.upsert_async(edits.kind_table(kind), entry, actor=actor_of(interaction.user))
        await self.saved(interaction, kind, str(entry["id"]), summary)

    async def saved(self, interaction: discord.Interaction[Any], kind: str, entry_id: str, summary: Summary) -> None:
        if not summary.changed:
            await interaction.followup.send(
                f"{kind} `{entry_id}`: nothing to change (it already says that).",
                ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )
            return
        changes = self.ctx.service.store.history(entry_id, limit=1)
        undo = f" Undo with `/kb undo change_id:{changes[0].change_id}`." if changes else ""
        removed = bool(changes) and changes[0].after is None
        title = f"Removed {kind} {entry_id}" if removed else f"Saved {kind} {entry_id}"
        embed = message_embed(title, [summary_text(summary) + "." + undo], "full")
        await interaction.followup.send(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)

    async def remove_entry(self, interaction: discord.Interaction[Any], kind: str, entry_id: str) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        service = self.ctx.service
        summary = await service.remove_async(edits.kind_table(kind), entry_id.strip(), actor=actor_of(interaction.user))
        await self.saved(interaction, kind, entry_id.strip(), summary)

    # -- statements -------------------------------------------------------------------------------

    @statement.command(name="add", description="Add what a vendor said about selling in a country")
    @app_commands.describe(
        id="new id, e.g. xiaomi-us-2016",
        status="what the statement says",
        quote="the words as said or written",
        source="where it was said (publication, page)",
        date="YYYY, YYYY-MM or YYYY-MM-DD",
        device="only for one phone (leave empty: all the vendor's phones)",
        source_url="a web page with the words (https://…)",
        speaker="who said it, when not the vendor (e.g. a regulator)",
    )
    @app_commands.choices(status=_choices_of(STATUSES))
    @app_commands.autocomplete(vendor=complete_vendor, country=complete_country, device=complete_device)
    async def statement_add(
        self,
        interaction: discord.Interaction[Any],
        id: Text,
        vendor: Text,
        country: Text,
        status: str,
        quote: Long,
        source: Long,
        date: app_commands.Range[str, 4, 10],
        device: Text | None = None,
        source_url: Long | None = None,
        speaker: Text | None = None,
        note: Long | None = None,
    ) -> None:
        entry = edits.statement(
            self.ctx.service.engine.knowledge,
            id,
            create=True,
            vendor=vendor,
            country=country,
            status=status,
            quote=quote,
            source=source,
            date=date,
            device=device,
            source_url=source_url,
            speaker=speaker,
            note=note,
        )
        await self.save(interaction, "statement", entry)

    @statement.command(name="edit", description="Change a statement (only the fields you give; '-' clears one)")
    @app_commands.choices(status=_choices_of(STATUSES))
    @app_commands.autocomplete(id=complete_statement, vendor=complete_vendor, country=complete_country)
    @app_commands.autocomplete(device=complete_device)
    async def statement_edit(
        self,
        interaction: discord.Interaction[Any],
        id: Text,
        status: str | None = None,
        quote: Long | None = None,
        source: Long | None = None,
        date: app_commands.Range[str, 4, 10] | None = None,
        vendor: Text | None = None,
        country: Text | None = None,
        device: Text | None = None,
        source_url: Long | None = None,
        speaker: Text | None = None,
        note: Long | None = None,
    ) -> None:
        entry = edits.statement(
            self.ctx.service.engine.knowledge,
            id,
            create=False,
            vendor=vendor,
            country=country,
            status=status,
            quote=quote,
            source=source,
            date=date,
            device=device,
            source_url=source_url,
            speaker=speaker,
            note=note,
        )
        await self.save(interaction, "statement", entry)

    @statement.command(name="remove", description="Remove a statement")
    @app_commands.autocomplete(id=complete_statement)
    async def statement_remove(self, interaction: discord.Interaction[Any], id: Text) -> None:
        await self.remove_entry(interaction, "statement", id)

    # -- devices ----------------------------------------------------------------------------------

    @device.command(name="add", description="Add a phone with its first model (more with /kb bands)")
    @app_commands.describe(
        id="new id, e.g. pixel-10",
        name="the name people use, e.g. Pixel 10",
        source="where the bands come from",
        variant="id of its first model, e.g. pixel-10-global",
        market="e.g. Global, US, China",
        lte="4G bands, e.g. 1, 2, 3, 66",
        nr="5G bands, e.g. 78",
        models="model numbers, comma-separated",
        aliases="other names, comma-separated",
        codenames="board codenames ROM builders use, comma-separated, e.g. alioth",
        source_url="a web page with the bands (https://…)",
    )
    @app_commands.autocomplete(vendor=complete_vendor)
    async def device_add(
        self,
        interaction: discord.Interaction[Any],
        id: Text,
        vendor: Text,
        name: Text,
        source: Long,
        variant: Text,
        lte: Long,
        market: Text = "Global",
        nr: Long | None = None,
        gsm: Long | None = None,
        umts: Long | None = None,
        models: Long | None = None,
        volte: bool | None = None,
        released: app_commands.Range[str, 4, 10] | None = None,
        aliases: Long | None = None,
        codenames: Long | None = None,
        source_url: Long | None = None,
        note: Long | None = None,
    ) -> None:
        first = edits.variant(variant, market=market, models=models, gsm=gsm, umts=umts, lte=lte, nr=nr, volte=volte)
        entry = edits.device(
            self.ctx.service.engine.knowledge,
            id,
            create=True,
            vendor=vendor,
            name=name,
            source=source,
            released=released,
            aliases=aliases,
            codenames=codenames,
            source_url=source_url,
            note=note,
            variant=first,
        )
        await self.save(interaction, "device", entry)

    @device.command(name="edit", description="Change a phone's name, vendor, source, aliases or codenames ('-' clears)")
    @app_commands.autocomplete(id=complete_device_id, vendor=complete_vendor)
    async def device_edit(
        self,
        interaction: discord.Interaction[Any],
        id: Text,
        name: Text | None = None,
        vendor: Text | None = None,
        source: Long | None = None,
        released: app_commands.Range[str, 1, 10] | None = None,
        aliases: Long | None = None,
        codenames: Long | None = None,
        source_url: Long | None = None,
        note: Long | None = None,
    ) -> None:
        entry = edits.device(
            self.ctx.service.engine.knowledge,
            id,
            create=False,
            vendor=vendor,
            name=name,
            source=source,
            released=released,
            aliases=aliases,
            codenames=codenames,
            source_url=source_url,
            note=note,
        )
        await self.save(interaction, "device", entry)

    @device.command(name="remove", description="Remove a phone (refused while statements name it)")
    @app_commands.autocomplete(id=complete_device_id)
    async def device_remove(self, interaction: discord.Interaction[Any], id: Text) -> None:
        await self.remove_entry(interaction, "device", id)

    @kb.command(name="bands", description="Set a model's bands (adds the model if the phone lacks it); '-' clears")
    @app_commands.describe(
        device="the phone's id",
        variant="the model's id (a new id adds a model)",
        lte="4G bands, e.g. 1, 2, 3, 66 (replaces the list)",
        nr="5G bands, e.g. 78",
        gsm="2G in MHz, e.g. 850, 900, 1800, 1900",
        umts="3G bands, e.g. 1, 2, 5, 8",
        made_for="the markets it is made for: country codes, EU, LATAM or Global, comma-separated",
        source="where this model's bands come from, when not the phone's source",
    )
    @app_commands.autocomplete(device=complete_device_id)
    async def bands(
        self,
        interaction: discord.Interaction[Any],
        device: Text,
        variant: Text,
        lte: Long | None = None,
        nr: Long | None = None,
        gsm: Long | None = None,
        umts: Long | None = None,
        market: Text | None = None,
        models: Long | None = None,
        volte: bool | None = None,
        made_for: Long | None = None,
        source: Long | None = None,
        note: Long | None = None,
    ) -> None:
        entry = edits.variant_bands(
            self.ctx.service.engine.knowledge,
            device,
            variant,
            market=market,
            models=models,
            gsm=gsm,
            umts=umts,
            lte=lte,
            nr=nr,
            volte=volte,
            made_for=made_for,
            source=source,
            note=note,
        )
        await self.save(interaction, "device", entry)

    # -- carriers ---------------------------------------------------------------------------------

    @carrier.command(name="add", description="Add a carrier with its bands (or mvno_of for a virtual operator)")
    @app_commands.describe(
        lte_primary="4G bands every phone needs, e.g. 2, 4, 12, 66",
        lte_secondary="other 4G bands it uses",
        nr_primary="5G bands every phone needs",
        mvno_of="for a virtual operator: the carrier whose network it uses",
        as_of="when the bands were checked: YYYY-MM(-DD)",
        bands_incomplete="true when your source names only some of the network's bands",
    )
    @app_commands.autocomplete(country=complete_country, mvno_of=complete_carrier)
    async def carrier_add(
        self,
        interaction: discord.Interaction[Any],
        id: Text,
        country: Text,
        name: Text,
        source: Long,
        lte_primary: Long | None = None,
        lte_secondary: Long | None = None,
        nr_primary: Long | None = None,
        nr_secondary: Long | None = None,
        gsm: Long | None = None,
        umts: Long | None = None,
        mvno_of: Text | None = None,
        requires_certification: bool | None = None,
        bands_incomplete: bool | None = None,
        as_of: app_commands.Range[str, 4, 10] | None = None,
        note: Long | None = None,
        source_url: Long | None = None,
    ) -> None:
        entry = edits.carrier(
            self.ctx.service.engine.knowledge,
            id,
            create=True,
            country=country,
            name=name,
            source=source,
            mvno_of=mvno_of,
            lte_primary=lte_primary,
            lte_secondary=lte_secondary,
            nr_primary=nr_primary,
            nr_secondary=nr_secondary,
            gsm=gsm,
            umts=umts,
            requires_certification=requires_certification,
            bands_incomplete=bands_incomplete,
            as_of=as_of,
            note=note,
            source_url=source_url,
        )
        await self.save(interaction, "carrier", entry)

    @carrier.command(name="edit", description="Change a carrier (only the fields you give; '-' clears one)")
    @app_commands.autocomplete(id=complete_carrier_id, country=complete_country, mvno_of=complete_carrier)
    async def carrier_edit(
        self,
        interaction: discord.Interaction[Any],
        id: Text,
        lte_primary: Long | None = None,
        lte_secondary: Long | None = None,
        nr_primary: Long | None = None,
        nr_secondary: Long | None = None,
        gsm: Long | None = None,
        umts: Long | None = None,
        name: Text | None = None,
        country: Text | None = None,
        source: Long | None = None,
        mvno_of: Text | None = None,
        requires_certification: bool | None = None,
        bands_incomplete: bool | None = None,
        as_of: app_commands.Range[str, 1, 10] | None = None,
        note: Long | None = None,
        source_url: Long | None = None,
    ) -> None:
        entry = edits.carrier(
            self.ctx.service.engine.knowledge,
            id,
            create=False,
            country=country,
            name=name,
            source=source,
            mvno_of=mvno_of,
            lte_primary=lte_primary,
            lte_secondary=lte_secondary,
            nr_primary=nr_primary,
            nr_secondary=nr_secondary,
            gsm=gsm,
            umts=umts,
            requires_certification=requires_certification,
            bands_incomplete=bands_incomplete,
            as_of=as_of,
            note=note,
            source_url=source_url,
        )
        await self.save(interaction, "carrier", entry)

    @carrier.command(name="remove", description="Remove a carrier (refused while a virtual operator uses it)")
    @app_commands.autocomplete(id=complete_carrier_id)
    async def carrier_remove(self, interaction: discord.Interaction[Any], id: Text) -> None:
        await self.remove_entry(interaction, "carrier", id)

    # -- aliases ----------------------------------------------------------------------------------

    @alias.command(name="add", description="Teach another name for a device, vendor or carrier")
    @app_commands.choices(kind=_choices_of(("device", "vendor", "carrier")))
    async def alias_add(self, interaction: discord.Interaction[Any], kind: str, id: Text, alias: Text) -> None:
        entry = edits.alias(self.ctx.service.engine.knowledge, kind, id, alias, add=True)
        await self.save(interaction, kind, entry)

    @alias.command(name="remove", description="Forget one of the other names of a device, vendor or carrier")
    @app_commands.choices(kind=_choices_of(("device", "vendor", "carrier")))
    async def alias_remove(self, interaction: discord.Interaction[Any], kind: str, id: Text, alias: Text) -> None:
        entry = edits.alias(self.ctx.service.engine.knowledge, kind, id, alias, add=False)
        await self.save(interaction, kind, entry)

    # -- bundles, history, undo -------------------------------------------------------------------

    @kb.command(name="import", description="Load a bundle file (.json/.yaml): shows what changes, then asks")
    @app_commands.describe(file="the bundle (at most 2 MB)", replace="the bundle becomes the whole knowledge")
    async def import_(
        self, interaction: discord.Interaction[Any], file: discord.Attachment, replace: bool = False
    ) -> None:
        name = file.filename
        if file.size > MAX_IMPORT_BYTES:
            raise KnowledgeError(
                [Problem(name, "", f"the file is {file.size:,} bytes; the limit is {MAX_IMPORT_BYTES:,} (2 MB)")]
            )
        if Path(name).suffix.lower() not in bundle.BUNDLE_SUFFIXES:
            raise KnowledgeError([Problem(name, "", "expected a .json, .yaml or .yml bundle file")])
        await interaction.response.defer(ephemeral=True, thinking=True)
        data = await file.read()
        if len(data) > MAX_IMPORT_BYTES:
            raise KnowledgeError([Problem(name, "", f"the file is {len(data):,} bytes; the limit is 2 MB")])
        try:
            content = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise KnowledgeError([Problem(name, "", f"not UTF-8 text (byte {exc.start})")]) from exc
        # Parsing and checking a 2 MB file takes a moment: off the event loop, with a time limit.
        raw = await asyncio.wait_for(
            asyncio.to_thread(lambda: bundle.check_shape(bundle.parse_text(content, name), name)), timeout=30
        )
        actor = actor_of(interaction.user)
        action = "import --replace" if replace else "import"
        service = self.ctx.service
        preview = await service.apply_async(raw, replace=replace, actor=actor, action=action, dry_run=True)
        if not preview.changed:
            await interaction.followup.send(
                f"{name}: no changes (the knowledge already says all of it).",
                ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )
            return

        async def confirmed(click: discord.Interaction[Any]) -> None:
            await click.response.defer()
            try:
                summary = await service.apply_async(raw, replace=replace, actor=actor_of(click.user), action=action)
            except KnowledgeError as exc:  # the knowledge changed since the preview
                embed = message_embed(f"Nothing changed: {name}", str(exc).splitlines(), "none")
            else:
                embed = message_embed(f"Imported {name}", [*summary.lines(), f"Change batch {summary.batch}."], "full")
            await click.edit_original_response(embed=embed, view=None, allowed_mentions=NO_MENTIONS)

        view = ConfirmView(interaction.user.id, confirmed)
        lines = [*preview.lines(), "", "Nothing has changed yet: press Confirm to apply it all (one transaction)."]
        if replace:
            lines.insert(0, "**Replace**: entries not in this file will be removed.")
        view.message = await interaction.followup.send(
            embed=message_embed(f"Import {name}?", lines, "partial"),
            view=view,
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
            wait=True,
        )

    @kb.command(name="export", description="The whole knowledge as a bundle file")
    async def export(self, interaction: discord.Interaction[Any]) -> None:
        data = json.dumps(self.ctx.service.store.export(), indent=1, ensure_ascii=False).encode()
        limit = interaction.guild.filesize_limit if interaction.guild else DEFAULT_UPLOAD_LIMIT
        if len(data) > limit:
            raise KnowledgeError(
                [
                    Problem(
                        "export",
                        "",
                        f"{len(data):,} bytes is over this server's upload limit; use `devicebot kb export`",
                    )
                ]
            )
        await interaction.response.send_message(
            f"The knowledge: {len(data):,} bytes.",
            file=discord.File(io.BytesIO(data), filename="devicebot-knowledge.json"),
            ephemeral=True,
            allowed_mentions=NO_MENTIONS,
        )

    @kb.command(name="history", description="Who changed what, newest first")
    @app_commands.describe(entry="only the changes of this entry id", limit="how many (1-25)")
    async def history(
        self,
        interaction: discord.Interaction[Any],
        entry: Text | None = None,
        limit: app_commands.Range[int, 1, 25] = 10,
    ) -> None:
        changes = self.ctx.service.store.history(entry.strip() if entry else None, limit)
        lines = []
        for ch in changes:
            what = "added" if ch.before is None else "removed" if ch.after is None else "changed"
            lines.append(f"`#{ch.change_id}` {ch.at} · {ch.actor} ({ch.action}): {ch.kind} `{ch.entry_id}` {what}")
        title = f"History of {entry}" if entry else "Recent changes"
        embed = message_embed(title, lines or ["No changes recorded."])
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)

    @kb.command(name="undo", description="Put an entry back as it was before a change (see /kb history)")
    async def undo(self, interaction: discord.Interaction[Any], change_id: app_commands.Range[int, 1]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        summary = await self.ctx.service.undo_async(change_id, actor=actor_of(interaction.user))
        embed = message_embed(f"Undid change {change_id}", [summary_text(summary)], "full")
        await interaction.followup.send(embed=embed, ephemeral=True, allowed_mentions=NO_MENTIONS)
