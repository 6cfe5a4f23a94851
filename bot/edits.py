"""One-entry edits as moderators type them in a chat command: plain text fields → a bundle entry.

No I/O and no Discord: the adapter passes what was typed, gets back the whole entry to upsert (or a
KnowledgeError naming the field), and the store validates the result against the whole knowledge.
"""

from __future__ import annotations

import re
from typing import Any

from . import bundle
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


def _set(entry: RawEntry, changes: dict[str, Any]) -> RawEntry:
    out = dict(entry)
    for key, value in changes.items():
        if value is None:
            continue
        if value == "" or value == []:
            out.pop(key, None)  # "-" clears an optional field
        else:
            out[key] = value
    return out


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return "" if value == "-" else value


def statement(
    k: Knowledge,
    entry_id: str,
    *,
    create: bool,
    vendor: str | None = None,
    country: str | None = None,
    status: str | None = None,
    quote: str | None = None,
    source: str | None = None,
    date: str | None = None,
    device: str | None = None,
    source_url: str | None = None,
) -> RawEntry:
    entry = _target(k, "statement", entry_id, create)
    entry = _set(
        entry,
        {
            "vendor": _text(vendor),
            "country": country.strip().upper() if country else None,
            "status": _text(status),
            "quote": _text(quote),
            "source": _text(source),
            "date": _text(date),
            "source_url": _text(source_url),
        },
    )
    if device is not None:
        entry["device"] = _text(device) or None  # "-": the statement covers all the vendor's phones
    entry.setdefault("device", None)
    return entry


def device(
    k: Knowledge,
    entry_id: str,
    *,
    create: bool,
    vendor: str | None = None,
    name: str | None = None,
    source: str | None = None,
    released: str | None = None,
    aliases: str | None = None,
    variant: RawEntry | None = None,
) -> RawEntry:
    entry = _target(k, "device", entry_id, create)
    entry = _set(
        entry,
        {
            "vendor": _text(vendor),
            "name": _text(name),
            "source": _text(source),
            "released": _text(released),
            "aliases": words(aliases),
        },
    )
    if create:
        entry["variants"] = [variant] if variant else []
    return entry


def variant(
    variant_id: str,
    *,
    market: str | None = None,
    models: str | None = None,
    gsm: str | None = None,
    umts: str | None = None,
    lte: str | None = None,
    nr: str | None = None,
    volte: bool | None = None,
    base: RawEntry | None = None,
) -> RawEntry:
    where = f"variant {variant_id!r}"
    entry: RawEntry = dict(base) if base else {"id": variant_id.strip(), "market": "Global", "bands": {}}
    entry = _set(entry, {"market": _text(market), "models": words(models)})
    bands = dict(entry.get("bands", {}))
    for tech, value in (("gsm", gsm), ("umts", umts), ("lte", lte), ("nr", nr)):
        parsed = numbers(f"{where}.bands.{tech}", value)
        if parsed is not None:
            bands[tech] = parsed
    entry["bands"] = {t: v for t, v in bands.items() if v}
    if volte is not None:
        entry["volte"] = volte
    return entry


def variant_bands(k: Knowledge, device_id: str, variant_id: str, **fields: Any) -> RawEntry:
    """The device with one variant added or changed (bands, market, model numbers, VoLTE)."""
    entry = _target(k, "device", device_id, create=False)
    variants = list(entry.get("variants", []))
    for i, v in enumerate(variants):
        if v["id"] == variant_id.strip():
            variants[i] = variant(variant_id, base=v, **fields)
            break
    else:
        variants.append(variant(variant_id, **fields))
    entry["variants"] = variants
    return entry


def carrier(
    k: Knowledge,
    entry_id: str,
    *,
    create: bool,
    country: str | None = None,
    name: str | None = None,
    source: str | None = None,
    mvno_of: str | None = None,
    lte_primary: str | None = None,
    lte_secondary: str | None = None,
    nr_primary: str | None = None,
    nr_secondary: str | None = None,
    gsm: str | None = None,
    umts: str | None = None,
    requires_certification: bool | None = None,
    bands_incomplete: bool | None = None,
    as_of: str | None = None,
    note: str | None = None,
) -> RawEntry:
    entry = _target(k, "carrier", entry_id, create)
    entry = _set(
        entry,
        {
            "country": country.strip().upper() if country else None,
            "name": _text(name),
            "source": _text(source),
            "mvno_of": _text(mvno_of),
            "as_of": _text(as_of),
            "note": _text(note),
        },
    )
    for flag, wanted in (("requires_certification", requires_certification), ("bands_incomplete", bands_incomplete)):
        if wanted:
            entry[flag] = True
        elif wanted is not None:
            entry.pop(flag, None)
    where = f"carrier {entry_id!r}.bands"
    tiers = {
        ("lte", "primary"): lte_primary,
        ("lte", "secondary"): lte_secondary,
        ("nr", "primary"): nr_primary,
        ("nr", "secondary"): nr_secondary,
    }
    legacy = {"gsm": gsm, "umts": umts}
    touched = any(v is not None for v in (*tiers.values(), *legacy.values()))
    if entry.get("mvno_of"):
        if touched:
            raise fail(where, "a virtual operator has no bands of its own: it uses its host's (mvno_of)")
        entry.pop("bands", None)
    elif touched or "bands" not in entry:
        bands = entry.get("bands") or {
            "lte": {"primary": [], "secondary": []},
            "nr": {"primary": [], "secondary": []},
            "gsm": [],
            "umts": [],
        }
        bands = {t: (dict(v) if isinstance(v, dict) else list(v)) for t, v in bands.items()}
        for (tech, tier), value in tiers.items():
            parsed = numbers(f"{where}.{tech}.{tier}", value)
            if parsed is not None:
                bands.setdefault(tech, {"primary": [], "secondary": []})[tier] = parsed
        for tech, value in legacy.items():
            parsed = numbers(f"{where}.{tech}", value)
            if parsed is not None:
                bands[tech] = parsed
        entry["bands"] = bands
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
