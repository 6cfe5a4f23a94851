"""One-entry edits as moderators type them in a chat command: plain text fields → a bundle entry.

No I/O and no Discord: the adapter passes what was typed, gets back the whole entry to upsert (or a
KnowledgeError naming the field), and the store validates the result against the whole knowledge.

Which fields an entry has, and how typed text becomes each one's value, is read from schema.json's
definitions (`shape.edit_fields`): a field added there is accepted here by its name, with no change to
this module. What stays written here are the rules between fields (a virtual operator has no bands; a
new model is for the "Global" market unless told) and the wording of messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from copy import deepcopy
from typing import Any

from . import bundle, shape
from .bundle import KnowledgeError, Problem, RawEntry
from .records import Knowledge

WHERE = "edit"
_BAND = re.compile(r"^[bn]?(\d+)$", re.IGNORECASE)
_KIND_OF = {"vendor": "vendors", "device": "devices", "carrier": "carriers", "statement": "statements"}


def fail(location: str, message: str) -> KnowledgeError:
    return KnowledgeError([Problem(WHERE, location, message)])


def numbers(location: str, value: str | None) -> list[int] | None:
    """ "2, 4, 12" or "B2 B4 B12" or "n78" → [2, 4, 12]; "-" or "none" → []; None stays None."""
    if value is None:
        return None
    if value.strip().lower() in ("-", "none", "no", "empty"):
        return []
    out: list[int] = []
    cleaned = re.sub(r"\s*mhz\b", "", re.sub(r"\bband\s*", "", value, flags=re.IGNORECASE), flags=re.IGNORECASE)
    for item in re.split(r"[,\s;/]+", cleaned.strip()):
        if not item:
            continue
        m = _BAND.match(item)
        if not m:
            raise fail(location, f"{item!r} is not a band number (write e.g. 2, 4, 12 or B2 B4 B12)")
        out.append(int(m.group(1)))
    return sorted(set(out))


def words(value: str | None) -> list[str] | None:
    """Comma-separated names → list; "-" → [] (clears the field)."""
    if value is None:
        return None
    if value.strip() in ("-", ""):
        return []
    return [w.strip() for w in value.split(",") if w.strip()]


def existing(k: Knowledge, kind: str, entry_id: str) -> RawEntry | None:
    table = _KIND_OF[kind]
    if not k.has(table, entry_id):
        return None
    getter = {"vendor": k.vendor, "device": k.device, "carrier": k.carrier}.get(kind)
    if getter is not None:
        return bundle.to_raw(getter(entry_id))
    return bundle.to_raw(next(s for s in k.statements if s.id == entry_id))


def _target(k: Knowledge, kind: str, entry_id: str, create: bool) -> RawEntry:
    entry_id = entry_id.strip()
    found = existing(k, kind, entry_id)
    if create and found is not None:
        raise fail(f"{kind} {entry_id!r}", "already exists: use edit to change it, or pick another id")
    if not create and found is None:
        raise fail(f"{kind} {entry_id!r}", "no such entry (check the id; autocomplete lists them)")
    return found if found is not None else {"id": entry_id}


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return "" if value == "-" else value


# How typed text of one of the schema's types is normalised: ISO country codes are capitals, and
# moderators type "de".
_NORMALISE: dict[str, Callable[[str], str]] = {"country": str.upper}

Typed = str | bool | None
CLEARED: Any = object()  # what "-" makes of a field: the entry no longer has it (or it is null or empty)


def _value(field: shape.Field, typed: Typed, where: str) -> Any:
    """Typed text → the field's value, CLEARED for "-"."""
    if field.kind == "flag":
        if not isinstance(typed, bool):
            raise TypeError(f"{field.name} is a flag: expected True or False, got {typed!r}")
        return typed
    if not isinstance(typed, str):
        raise TypeError(f"{field.name} is typed as text, got {typed!r}")
    if field.kind == "bands":
        parsed = numbers(where, typed)
        return CLEARED if parsed == [] else parsed
    if field.kind == "words":
        listed = words(typed)
        return listed if listed else CLEARED
    text = _text(typed) or ""
    if not text:
        return CLEARED
    return _NORMALISE[field.type](text) if field.type in _NORMALISE else text


def _apply(
    definition: str, entry: RawEntry, typed: Mapping[str, Typed], where: str, keep_empty: bool = False
) -> RawEntry:
    """The entry with the typed fields set (None: left as is; "-": cleared). `keep_empty`: a cleared
    band list stays as an empty list, for a table the bundle writes whole (a carrier's bands)."""
    by_name = {f.name: f for f in shape.edit_fields(definition) if f.kind != "entries" and f.name != "id"}
    out = deepcopy(entry)
    for name, raw in typed.items():
        if raw is None:
            continue
        field = by_name.get(name)
        if field is None:  # a caller's mistake, not a moderator's: no command offers such a field
            raise TypeError(f"a {definition} has no field {name!r} that an edit sets")
        value = _value(field, raw, f"{where}.{'.'.join(field.path)}")
        *tables, leaf = field.path
        node = out
        for key in tables:
            node = node.setdefault(key, {})
        if value is CLEARED and field.nullable:
            node[leaf] = None  # null has a meaning of its own: a statement about all the vendor's phones
        elif value is CLEARED and field.kind == "bands" and keep_empty:
            node[leaf] = []
        elif value is CLEARED or (field.kind == "flag" and not tables and value == shape.default(definition, leaf)):
            # An optional field left at its record's default is not written, as bundle.to_raw does not:
            # a carrier's `requires_certification: False` goes, a model's `volte: False` ("no VoLTE") stays.
            node.pop(leaf, None)
        else:
            node[leaf] = value
    for field in shape.edit_fields(definition):
        if field.nullable and len(field.path) == 1:
            out.setdefault(field.name, None)  # written even when null, as bundle.to_raw writes it
    return out


def statement(k: Knowledge, entry_id: str, *, create: bool, **typed: Typed) -> RawEntry:
    """A statement with the typed fields (vendor, country, status, quote, date, device, …) set."""
    entry = _target(k, "statement", entry_id, create)
    return _apply("statement", entry, typed, f"statement {entry_id.strip()!r}")


def device(k: Knowledge, entry_id: str, *, create: bool, variant: RawEntry | None = None, **typed: Typed) -> RawEntry:
    """A device with the typed fields (vendor, name, source, released, aliases, …) set; a new one gets
    `variant` as its first model."""
    entry = _apply("device", _target(k, "device", entry_id, create), typed, f"device {entry_id.strip()!r}")
    if create:
        entry["variants"] = [variant] if variant else []
    return entry


def variant(variant_id: str, *, base: RawEntry | None = None, **typed: Typed) -> RawEntry:
    """A model (variant) with the typed fields (market, models, gsm, umts, lte, nr, volte, …) set; a new
    one is for the "Global" market with no bands recorded until given."""
    entry: RawEntry = dict(base) if base else {"id": variant_id.strip(), "market": "Global", "bands": {}}
    entry = _apply("variant", entry, typed, f"variant {variant_id!r}")
    entry.setdefault("bands", {})  # required, and {} says "nothing recorded" when the last list is cleared
    return entry


def variant_bands(k: Knowledge, device_id: str, variant_id: str, **typed: Typed) -> RawEntry:
    """The device with one variant added or changed (bands, market, model numbers, VoLTE)."""
    entry = _target(k, "device", device_id, create=False)
    variants = list(entry.get("variants", []))
    for i, v in enumerate(variants):
        if v["id"] == variant_id.strip():
            variants[i] = variant(variant_id, base=v, **typed)
            break
    else:
        variants.append(variant(variant_id, base=None, **typed))
    entry["variants"] = variants
    return entry


def carrier(k: Knowledge, entry_id: str, *, create: bool, **typed: Typed) -> RawEntry:
    """A carrier with the typed fields (country, name, source, mvno_of, lte_primary, gsm, flags, …) set."""
    where = f"carrier {entry_id!r}"
    in_bands = {f.name for f in shape.edit_fields("carrier") if f.path[0] == "bands"}
    bands = {name: value for name, value in typed.items() if name in in_bands}
    entry = _target(k, "carrier", entry_id, create)
    entry = _apply("carrier", entry, {n: v for n, v in typed.items() if n not in bands}, where)
    touched = any(v is not None for v in bands.values())
    # The schema's rule: a carrier has either bands (a network operator) or mvno_of, exactly one.
    if entry.get("mvno_of"):
        if touched:
            raise fail(f"{where}.bands", "a virtual operator has no bands of its own: it uses its host's (mvno_of)")
        entry.pop("bands", None)
    elif touched or "bands" not in entry:
        # A carrier's table is written whole (every list, empty or not): it has no "unknown" technology.
        entry["bands"] = {**shape.empty_table("carrier", "bands"), **entry.get("bands", {})}
        entry = _apply("carrier", entry, bands, where, keep_empty=True)
    return entry


def alias(k: Knowledge, kind: str, entry_id: str, name: str, *, add: bool) -> RawEntry:
    """The entry with `name` added to (or removed from) its aliases."""
    if kind not in ("vendor", "device", "carrier"):
        raise fail("alias", f"unknown kind {kind!r}: expected vendor, device or carrier")
    entry = _target(k, kind, entry_id, create=False)
    name = name.strip()
    if not name:
        raise fail(f"{kind} {entry_id!r}.aliases", "the alias is empty")
    aliases = list(entry.get("aliases", []))
    folded = [a.casefold() for a in aliases]
    if add:
        if name.casefold() in folded:
            raise fail(f"{kind} {entry_id!r}.aliases", f"{name!r} is already an alias")
        aliases.append(name)
    else:
        if name.casefold() not in folded:
            raise fail(
                f"{kind} {entry_id!r}.aliases", f"{name!r} is not one of its aliases: {', '.join(aliases) or 'none'}"
            )
        aliases = [a for a in aliases if a.casefold() != name.casefold()]
    entry["aliases"] = aliases
    if not aliases:
        entry.pop("aliases")
    return entry


def kind_table(kind: str) -> str:
    return _KIND_OF[kind]
