"""One shape: the `/kb` commands, the moderators' edits and the band ranges agree with schema.json."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from discord import AppCommandOptionType, app_commands

from bot import bundle, records, shape, specsheet
from bot.discord.cogs import kb
from bot.discord.cogs.kb import KbCog


@dataclass(frozen=True)
class Form:
    """A /kb command that adds or edits an entry."""

    fills: tuple[str, ...]  # the definitions its parameters set; a name both have goes to the first
    creates: bool  # it makes a new entry: a parameter is required exactly when its field is
    # Parameters that are not a field of that name, and the field each one is ("definition", "field").
    renamed: tuple[tuple[str, tuple[str, str]], ...] = ()
    # Parameters that name no field, and why.
    other: tuple[str, ...] = ()


FORMS = {
    "kb statement add": Form(("statement",), creates=True),
    "kb statement edit": Form(("statement",), creates=False),
    # A phone comes with its first model: `variant` is that model's id, and the other fields of the
    # model (market, bands, model numbers, VoLTE) are parameters of their own names.
    "kb device add": Form(("device", "variant"), creates=True, renamed=(("variant", ("variant", "id")),)),
    "kb device edit": Form(("device",), creates=False),
    # Adds or changes one model of a phone: `device` says which phone, `variant` which of its models.
    "kb bands": Form(("variant",), creates=False, renamed=(("variant", ("variant", "id")),), other=("device",)),
    "kb carrier add": Form(("carrier",), creates=True),
    "kb carrier edit": Form(("carrier",), creates=False),
}
# Where adding an entry asks for a field the schema leaves optional, or fills a required one itself.
REQUIRED_DIFFERS = {
    # A phone added from Discord comes with its 4G bands: without any it answers no question.
    ("kb device add", "lte"),
    # edits.variant makes a new model's market "Global" unless told.
    ("kb device add", "market"),
}
# Teaching and forgetting other names, one at a time: the `kind` choices say whose aliases they are.
ALIAS_COMMANDS = ("kb alias add", "kb alias remove")

OPTION_TYPE = {
    "text": AppCommandOptionType.string,
    "words": AppCommandOptionType.string,  # comma-separated
    "bands": AppCommandOptionType.string,  # "1, 3, 7" or "B1 B3 n78"
}


def commands() -> dict[str, app_commands.Command[KbCog, ..., None]]:
    """Every /kb command as discord.py registers it (the tree the bot syncs)."""
    return {c.qualified_name: c for c in KbCog.kb.walk_commands() if isinstance(c, app_commands.Command)}


def field(definition: str, name: str) -> shape.Field:
    return next(f for f in shape.edit_fields(definition) if f.name == name)


def offered() -> set[tuple[str, str]]:
    """Every (definition, field) a /kb command sets; fails on a parameter that names no field."""
    found = commands()
    assert set(FORMS) | set(ALIAS_COMMANDS) <= set(found), "a command this test knows is gone"
    out: set[tuple[str, str]] = set()
    for name, form in FORMS.items():
        renamed = dict(form.renamed)
        for parameter in found[name].parameters:
            if parameter.name in form.other:
                continue
            where = renamed.get(parameter.name) or next(
                ((d, parameter.name) for d in form.fills if parameter.name in {f.name for f in shape.edit_fields(d)}),
                None,
            )
            assert where is not None, f"/{name} {parameter.name}: no field of {' or '.join(form.fills)} has this name"
            f = field(*where)
            assert f.kind in OPTION_TYPE or f.kind == "flag", f"/{name} {parameter.name}: {f.kind} is not typed"
            wanted = AppCommandOptionType.boolean if f.kind == "flag" else OPTION_TYPE[f.kind]
            assert parameter.type == wanted, f"/{name} {parameter.name}: {parameter.type}, the field is {f.kind}"
            if form.creates:
                required = f.required != ((name, parameter.name) in REQUIRED_DIFFERS)
                assert parameter.required == required, f"/{name} {parameter.name}: required should be {required}"
            else:  # an edit changes what it is given; only which entry is required
                assert parameter.required == (f.name == "id" or parameter.name in form.other), f"/{name} {parameter}"
            out.add(where)
    for name in ALIAS_COMMANDS:
        [kind] = [p for p in found[name].parameters if p.name == "kind"]
        out |= {(str(choice.value), "aliases") for choice in kind.choices}
    return out


def test_every_kb_parameter_is_a_schema_field_and_every_field_is_offered() -> None:
    given = offered()
    entries = [d for d in shape.RECORD if d != "variant"]
    for definition in (*entries, "variant"):
        for f in shape.edit_fields(definition):
            if f.kind == "entries":  # a device's variants: offered when their own fields are
                assert {(f.type, g.name) for g in shape.edit_fields(str(f.type))} & given, definition
                continue
            where = (definition, f.name)
            assert (where in given) != (where in kb.NOT_IN_DISCORD), (
                f"{definition}.{'.'.join(f.path)}: add it to a /kb command as `{f.name}`, or to "
                "kb.NOT_IN_DISCORD with why"
                if where not in given
                else f"{definition}.{f.name} is offered by a /kb command: take it out of kb.NOT_IN_DISCORD"
            )
    # And nothing in the tuple that the schema does not have (a field renamed or removed).
    for definition, name in kb.NOT_IN_DISCORD:
        assert name in {f.name for f in shape.edit_fields(definition)}, (definition, name)


def test_the_check_fails_when_a_schema_field_is_forgotten(
    schema_copy: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # As a contributor would: a new property in schema.json, and no /kb parameter nor a line in the tuple.
    schema_copy["$defs"]["carrier"]["properties"]["forgotten_field"] = {"$ref": "#/$defs/url"}
    with pytest.raises(AssertionError, match=r"carrier.forgotten_field: add it to a /kb command as `forgotten_field`"):
        test_every_kb_parameter_is_a_schema_field_and_every_field_is_offered()
    monkeypatch.setattr(kb, "NOT_IN_DISCORD", (*kb.NOT_IN_DISCORD, ("carrier", "forgotten_field")))
    test_every_kb_parameter_is_a_schema_field_and_every_field_is_offered()  # named there: passes


def test_the_edit_functions_take_what_the_commands_give() -> None:
    # kb.py calls edits.* with its parameters by name: each name must be one edits accepts (an edit
    # refuses a field its definition lacks), so a command passing a parameter edits drops is caught here.
    for name, form in FORMS.items():
        known = {f.name for d in form.fills for f in shape.edit_fields(d)} | {"variant"} | set(form.other)
        assert {p.name for p in commands()[name].parameters} <= known, name


# ---------------------------------------------------------------------------------------------
# Band numbers: schema.json holds them; the reader of spec sheets and the messages use them.


def test_band_ranges_have_one_definition() -> None:
    defs = shape.schema()["$defs"]
    assert frozenset(defs["gsm"]["items"]["enum"]) == specsheet.GSM_MHZ
    for tech in ("umts", "lte", "nr"):
        items = defs[tech]["items"]
        assert specsheet.BAND_RANGE[tech] == (items["minimum"], items["maximum"])
    # The technologies: the records' order, a device's table and a carrier's table are the same four.
    assert records.TECHS == shape.techs() == shape.properties("carrier_bands")


def test_a_band_range_changed_in_the_schema_changes_what_is_checked_and_said(schema_copy: dict[str, Any]) -> None:
    schema_copy["$defs"]["lte"]["items"]["maximum"] = 120  # 3GPP adds bands now and then
    assert shape.band_range("lte") == (1, 120)
    assert shape.describe_bands("lte") == "LTE band 1-120"
    assert 110 in shape.valid_bands("lte") and 121 not in shape.valid_bands("lte")


def test_band_messages_say_the_schema_numbers() -> None:
    assert shape.describe_bands("lte") == "LTE band 1-106"
    assert shape.describe_bands("gsm") == "GSM MHz (450, 480, 710, 750, 810, 850, 900, 1800, 1900)"


def test_a_spec_line_outside_the_schema_range_is_not_read_as_bands() -> None:
    low, high = shape.band_range("nr")
    assert specsheet.band_numbers(f"{low}, {high}", "nr") == frozenset({low, high})
    assert specsheet.band_numbers(f"1, {high + 1}", "nr") is None
    assert specsheet.gsm_mhz("GSM 850 / 900 / 1234") == frozenset({850, 900})
    # And a bundle refuses a band past the schema's range, saying the schema's numbers.
    lte_high = shape.band_range("lte")[1]
    assert _bundle_problems({"lte": [lte_high]}) == []
    [problem] = _bundle_problems({"lte": [lte_high + 1]})
    assert f"{lte_high + 1} is not a valid band: expected an integer LTE band 1-{lte_high}" in problem


def _bundle_problems(bands: dict[str, list[int]]) -> list[str]:
    data = {
        "format": bundle.FORMAT,
        "vendors": [{"id": "acme", "name": "Acme"}],
        "devices": [
            {
                "id": "acme-1",
                "vendor": "acme",
                "name": "Acme 1",
                "source": "spec",
                "variants": [{"id": "acme-1-g", "market": "Global", "bands": bands}],
            }
        ],
    }
    try:
        bundle.check_shape(data, "t.json")
    except bundle.KnowledgeError as exc:
        return [str(p) for p in exc.problems]
    return []
