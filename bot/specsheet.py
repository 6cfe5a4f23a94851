"""Spec-sheet network text (GSMArena's "Network" table) read into plain data.

A spec page prints one line per regional variant, each ending with its label:
"1, 2, 3, 66 - International", "LTE 800 / 1800 / 2100 - Europe",
"GSM 850 / 900 / 1800 / 1900 - SIM 1 & SIM 2". This module reads such lines; what a curator makes of
them is `draft`'s and `crosscheck`'s business.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import shape, text

# The valid band numbers are schema.json's: a line the schema would refuse is not read as bands.
GSM_MHZ = shape.valid_bands("gsm")
BAND_RANGE = {tech: shape.band_range(tech) for tech in ("lte", "nr", "umts")}
FIELD_TECH = {"2G bands": "gsm", "3G bands": "umts", "4G bands": "lte", "5G bands": "nr"}
FIELDS = ("Technology", *FIELD_TECH, "Speed", "GPRS", "EDGE", "Models", "Announced", "Status", "Name", "URL")

_MODE = r"(?:SA|NSA|Sub-?6|mmWave)"
# "1, 3, 78 SA/NSA/Sub6": the numbers, then 5G's mode words; anything else is not a plain list.
_BAND_LIST = re.compile(
    rf"^\s*(\d+(?:\s*,\s*\d+)*)\s*,?\s*(?:{_MODE}(?:\s*[/,]\s*{_MODE})*)?\s*$",
    re.IGNORECASE,
)
# A label that only says which SIM slot or which build of a tablet a line is for: it names no variant.
_QUALIFIER = re.compile(
    r"\bsim\s*\d|\bsim\s+only\b|dual-sim|cellular model|all (?:versions|models)|\(optional\)|data only|"
    r"region dependent|^\d?g model$",
    re.IGNORECASE,
)
# A label part that is a model number ("SM-A536U", "A2846", "GE1GQ", "2312DRA50G"), not a region.
_MODEL = re.compile(r"^(?=[A-Za-z0-9/-]*\d)(?=[A-Za-z0-9/-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9/-]{3,}$")
_MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
_DATE = re.compile(r"(\d{4}),\s*([A-Za-z]+)(?:\s+(\d{1,2}))?")


@dataclass(frozen=True)
class Line:
    """One band line of one technology, read."""

    tech: str
    raw: str
    numbers: frozenset[int] | None  # None: the line gives no band numbers (MHz only, "LTE", "SA/NSA")
    label: str  # the variant the line is for ("International", "SM-S921U"); "" when it names none
    qualifiers: tuple[str, ...] = ()  # "SIM 1 & SIM 2", "cellular model only"
    none: bool = False  # "N/A": the technology is absent


@dataclass(frozen=True)
class Sheet:
    """One device's network table, as a spec page prints it."""

    name: str
    brand: str = ""
    url: str = ""
    announced: str = ""
    status: str = ""
    models: tuple[str, ...] = ()
    technology: str = ""
    lines: tuple[Line, ...] = ()
    origin: str = ""  # where the sheet was read: "line 12 of x.jsonl", "x.txt"


def gsm_mhz(head: str) -> frozenset[int] | None:
    """GSM MHz of "GSM 850 / 900 / 1800 / 1900"; None when the line is not a GSM line (CDMA)."""
    if not head.strip().upper().startswith("GSM"):
        return None
    found = frozenset(int(n) for n in re.findall(r"\d+", head) if int(n) in GSM_MHZ)
    return found or None


def band_numbers(head: str, tech: str) -> frozenset[int] | None:
    """Band numbers of "1, 3, 7, 20" or "1, 78 SA/NSA/Sub6"; None for MHz text or bare words."""
    m = _BAND_LIST.match(head)
    if not m:
        return None
    low, high = BAND_RANGE[tech]
    numbers = [int(n) for n in m.group(1).split(",")]
    if any(not low <= n <= high for n in numbers):
        return None
    return frozenset(numbers)


def split_label(raw: str) -> tuple[str, str, tuple[str, ...]]:
    """A line's bands, its variant label and its qualifiers: "x - SIM 1 & SIM 2 - D392" → (x, D392, (SIM…,))."""
    head, *tails = [p.strip() for p in re.split(r"\s+-\s+", raw.strip())]
    qualifiers = tuple(t for t in tails if t and _QUALIFIER.search(t))
    labels = [t for t in tails if t and not _QUALIFIER.search(t)]
    return head, " - ".join(labels), qualifiers


def read_line(tech: str, raw: str) -> Line:
    head, label, qualifiers = split_label(raw)
    if head.upper() in ("N/A", "NO", "NONE"):
        return Line(tech, raw, frozenset(), label, qualifiers, none=True)
    numbers = gsm_mhz(head) if tech == "gsm" else band_numbers(head, tech)
    return Line(tech, raw, numbers, label, qualifiers)


def label_parts(label: str) -> tuple[str, ...]:
    """ "A1522 GSM, A1522 CDMA" → the parts a label lists; "Europe, Australia (A1891)" → both and the model."""
    parts: list[str] = []
    for piece in re.split(r",|&|\band\b", label):
        for bit in re.split(r"[()]", piece):
            if bit.strip():
                parts.append(bit.strip())
    return tuple(parts)


def is_model(part: str) -> bool:
    return bool(_MODEL.match(part.split()[0])) if part.split() else False


def release_date(status: str) -> str | None:
    """ "Available. Released 2024, January 31" → "2024-01-31"; None when the page gives no release."""
    if "released" not in status.lower() or "exp." in status.lower():
        return None
    m = _DATE.search(status.split("eleased", 1)[1])
    if not m or m.group(2).lower() not in _MONTHS:
        return None
    year, month = int(m.group(1)), _MONTHS[m.group(2).lower()]
    return f"{year:04d}-{month:02d}" + (f"-{int(m.group(3)):02d}" if m.group(3) else "")


def _models(value: str) -> tuple[str, ...]:
    # "A3083, A3293, iPhone17,1": a comma inside a model name ("iPhone17,1") has no space after it.
    return tuple(m.strip() for m in re.split(r",\s+|[;\n]", value) if m.strip())


def from_record(record: dict[str, object], origin: str = "") -> Sheet:
    """A sheet from one record of the shared extract (`gsmarena_2026_network.jsonl`)."""
    network = record.get("network") or {}
    if not isinstance(network, dict):
        raise ValueError("'network' is not an object")
    lines = []
    for field, tech in FIELD_TECH.items():
        for raw in str(network.get(field) or "").split("\n"):
            if raw.strip():
                lines.append(read_line(tech, raw))
    return Sheet(
        name=str(record.get("name") or "").strip(),
        brand=str(record.get("brand") or "").strip(),
        url=str(record.get("url") or "").strip(),
        announced=str(record.get("announced") or "").strip(),
        status=str(record.get("status") or "").strip(),
        models=_models(str(record.get("models") or "")),
        technology=str(network.get("Technology") or "").strip(),
        lines=tuple(lines),
        origin=origin,
    )


def parse_text(value: str, origin: str = "") -> Sheet:
    """A sheet from a spec page's text: "4G bands<TAB>1, 3 - International", continuation lines below.

    A line that starts with no known field name continues the field above it, as the page prints a
    field's regional lines under one heading.
    """
    fields: dict[str, list[str]] = {}
    current: str | None = None
    for raw in value.splitlines():
        if not raw.strip():
            continue
        stripped = raw.strip()
        field = next(
            (
                f
                for f in FIELDS
                if stripped.lower().startswith(f.lower())
                and (len(stripped) == len(f) or not stripped[len(f)].isalnum())
            ),
            None,
        )
        if field is not None:
            current = field
            rest = stripped[len(field) :].lstrip(" \t:")
            fields.setdefault(field, [])
            if rest:
                fields[field].append(rest)
        elif current is not None:
            fields[current].append(stripped)
        else:
            raise ValueError(f"{origin or 'text'}: {stripped[:60]!r} comes before any field name ({', '.join(FIELDS)})")
    lines = [read_line(FIELD_TECH[f], raw) for f in FIELD_TECH for raw in fields.get(f, [])]
    one = {f: " ".join(fields.get(f, [])) for f in ("Name", "URL", "Announced", "Status", "Technology")}
    return Sheet(
        name=one["Name"],
        url=one["URL"],
        announced=one["Announced"],
        status=one["Status"],
        models=_models(", ".join(fields.get("Models", []))),
        technology=one["Technology"],
        lines=tuple(lines),
        origin=origin,
    )


def read_sheets(value: str, origin: str) -> Iterator[Sheet]:
    """Sheets from a file's text: JSON lines (one record each) or one page's text."""
    if value.lstrip().startswith("{"):
        for number, raw in enumerate(value.splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as e:
                raise ValueError(f"{origin}, line {number}: not JSON ({e.msg})") from e
            if not isinstance(record, dict):
                raise ValueError(f"{origin}, line {number}: expected an object")
            yield from_record(record, f"{origin}, line {number}")
    else:
        yield parse_text(value, origin)


def matches(sheet: Sheet, wanted: str) -> bool:
    """Does the sheet's name (with or without its brand) or one of its model numbers equal `wanted`?"""
    key = text.key(wanted)
    names = {text.key(sheet.name), text.key(f"{sheet.brand} {sheet.name}")}
    return key in names or text.compact(wanted) in {text.compact(m) for m in sheet.models}
