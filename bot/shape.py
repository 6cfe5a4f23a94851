"""The shape of a knowledge entry, read from `knowledge/schema.json`: the one definition that the bundle
reader and writer (`bundle.py`), the moderators' edits (`edits.py`) and the spec-sheet reader
(`specsheet.py`) take their fields, types and band ranges from.

Adding a property to a definition in schema.json (and the field to its record in `records.py`, which a
test holds to the schema) is then the whole change: the bundle maps it, an edit accepts it by name, and
the `/kb` commands' test names it until a command offers it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from .records import Carrier, Device, Statement, Variant, Vendor

# Each definition of schema.json that is an entry, and the record (records.py) it becomes.
RECORD: dict[str, type] = {
    "vendor": Vendor,
    "device": Device,
    "variant": Variant,
    "carrier": Carrier,
    "statement": Statement,
}


def shipped_knowledge_dir() -> Path:
    """The curated knowledge: inside the installed wheel, or at the top of a checkout."""
    packaged = Path(str(resources.files("bot"))) / "_knowledge"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "knowledge"


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((shipped_knowledge_dir() / "schema.json").read_text(encoding="utf-8"))
    return loaded


def definition(name: str) -> dict[str, Any]:
    found: dict[str, Any] = schema()["$defs"][name]
    return found


@cache
def properties(name: str) -> tuple[str, ...]:
    """The properties of one of schema.json's definitions, in the bundle's canonical order."""
    return tuple(definition(name)["properties"])


def _resolve(node: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """A property's schema with its `$ref` followed: (the definition's name or None, its schema)."""
    name = None
    while "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        node = definition(name)
    return name, node


Kind = Literal["text", "words", "bands", "flag", "entries"]


@dataclass(frozen=True)
class Field:
    """One value of an entry as a moderator sets it: a property, or one leaf of a nested table
    (`lte_primary` is a carrier's `bands.lte.primary`)."""

    name: str  # as typed: the property's name, or a table's leaf path joined by "_" ("lte_primary")
    path: tuple[str, ...]  # where it lives in the entry: ("bands", "lte", "primary")
    kind: Kind  # text; words (a list of text); bands (a list of numbers); flag; entries (nested entries)
    type: str | None  # the schema's definition it is written with ("country", "lte", "id"; "variant" for
    # a device's variants), if any
    required: bool  # the entry must have it (a table's leaves never are: the table is required)
    nullable: bool  # null is a value of its own (a statement's device: null = all the vendor's phones)


def _kind(node: dict[str, Any]) -> Kind:
    if node.get("type") == "boolean":
        return "flag"
    if node.get("type") == "array":
        _, items = _resolve(node["items"])
        if items.get("type") == "integer":
            return "bands"
        return "entries" if items.get("type") == "object" else "words"
    return "text"  # a string, an enum of strings, or a string or null


def _nullable(node: dict[str, Any]) -> bool:
    return any(_resolve(option)[1].get("type") == "null" for option in node.get("oneOf", ()))


@cache
def edit_fields(name: str) -> tuple[Field, ...]:
    """The values of one definition's entries, nested tables flattened: a table's leaves are named by
    their path inside it (`lte_primary`, `gsm`), since the only table, `bands`, is what a moderator
    types band by band."""
    required = set(definition(name).get("required", ()))
    out: list[Field] = []

    def walk(node: dict[str, Any], path: tuple[str, ...], top: bool) -> None:
        type_name, resolved = _resolve(node)
        if resolved.get("type") == "object":
            for key, child in resolved["properties"].items():
                walk(child, (*path, key), False)
            return
        leaf = "_".join(path[1:]) if len(path) > 1 else path[0]
        kind = _kind(resolved)
        if kind == "entries":  # named by the definition of its items: a device's variants are "variant"s
            type_name = _resolve(resolved["items"])[0]
        out.append(Field(leaf, path, kind, type_name, top and path[0] in required, _nullable(resolved)))

    for prop, node in definition(name)["properties"].items():
        walk(node, (prop,), True)
    names = [f.name for f in out]
    duplicate = {n for n in names if names.count(n) > 1}
    assert not duplicate, f"{name}: a table's leaf has the name of another field: {duplicate}"
    assert all(n.isidentifier() for n in names), names
    return tuple(out)


def empty_table(name: str, prop: str) -> dict[str, Any]:
    """A definition's table property with every list in it present and empty (a carrier's bands)."""

    def fill(node: dict[str, Any]) -> Any:
        _, resolved = _resolve(node)
        if resolved.get("type") == "object":
            return {key: fill(child) for key, child in resolved["properties"].items()}
        return []

    table: dict[str, Any] = fill(definition(name)["properties"][prop])
    return table


def default(name: str, field: str) -> Any:
    """The value a record takes when its entry leaves `field` out (`dataclasses.MISSING`: required;
    None for a field the record lacks, which tests/test_bundle.py does not let happen)."""
    return next((f.default for f in fields(RECORD[name]) if f.name == field), None)


# ---------------------------------------------------------------------------------------------
# Band numbers: the valid ones are schema.json's (`gsm`, `umts`, `lte`, `nr` definitions).


@cache
def techs() -> tuple[str, ...]:
    """The technologies a device's band table lists, in order: gsm, umts, lte, nr."""
    return properties("device_bands")


@cache
def valid_bands(tech: str) -> frozenset[int]:
    """The band numbers of a technology (GSM: its MHz values) that the schema accepts."""
    items = definition(tech)["items"]
    if "enum" in items:
        return frozenset(items["enum"])
    return frozenset(range(items["minimum"], items["maximum"] + 1))


def band_range(tech: str) -> tuple[int, int]:
    """The lowest and highest valid band number of a technology."""
    valid = valid_bands(tech)
    return min(valid), max(valid)


# What a band number of each technology is called in a message; the numbers come from the schema.
_BAND_WORDS = {"gsm": "GSM MHz", "umts": "UMTS band", "lte": "LTE band", "nr": "NR band"}


def describe_bands(tech: str) -> str:
    """ "LTE band 1-106", "GSM MHz (450, 480, …, 1900)": what a message says the valid values are."""
    words = _BAND_WORDS.get(tech, f"{tech.upper()} band")
    items = definition(tech)["items"]
    if "enum" in items:
        return f"{words} ({', '.join(str(v) for v in sorted(items['enum']))})"
    low, high = band_range(tech)
    return f"{words} {low}-{high}"
