"""Draft knowledge entries from spec-sheet network text, for a curator to review.

The draft never guesses: a band line goes to the variant its label names; a line without a label
goes to every model only when the device has one model (a "/DS" dual-SIM form is the same model);
a line given in MHz, or with no numbers, is left unknown. Every such choice is a warning the
curator reads, and every line that is not attached stays in the device's note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from . import text
from .specsheet import Line, Sheet, is_model, label_parts, release_date

TECH_ORDER = ("gsm", "umts", "lte", "nr")
TECH_NAME = {"gsm": "2G", "umts": "3G", "lte": "4G", "nr": "5G"}
# Sub-brands whose names already make a device's id unique ("galaxy-s24", "pixel-8", "redmi-note-13").
_OWN_LINES = ("galaxy", "pixel", "iphone", "redmi", "poco", "moto")
_MODEL_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./_-]{1,39}$")  # as knowledge/schema.json
EXTRACT = (
    "read from a 2026 extract of GSMArena's pages (github.com/lf-kali/gsmarena_data_scraper), "
    "which kept only the first line of each band field"
)


@dataclass(frozen=True)
class Draft:
    entry: dict[str, Any]
    warnings: tuple[str, ...]


def slug(value: str) -> str:
    value = value.replace("+", " plus ")
    return re.sub(r"[^a-z0-9]+", "-", text.fold(value)).strip("-")


def device_id(name: str, vendor: str) -> str:
    own = slug(name)
    if own.split("-")[0] in _OWN_LINES or own.startswith(slug(vendor) + "-"):
        return own
    return f"{slug(vendor)}-{own}"


def family(model: str) -> str:
    """ "SM-S921B/DS" and "SM-S921B" are one model in two SIM forms."""
    return text.compact(model.split("/")[0])


def _names_model(part: str, model: str) -> bool:
    # The page may drop a maker's prefix in a label: its "A536U" is the phone's "SM-A536U".
    wanted, have = family(part), family(model)
    return have == wanted or (len(wanted) >= 4 and have.endswith(wanted))


def _bands(lines: list[Line], technology: str) -> tuple[dict[str, list[int]], list[Line]]:
    """The bands a variant's lines give, and the lines that gave none."""
    out: dict[str, list[int]] = {}
    unread: list[Line] = []
    for line in lines:
        if line.numbers is None:
            unread.append(line)
        elif line.tech not in out or line.none:
            out[line.tech] = sorted(line.numbers)
        else:
            out[line.tech] = sorted(set(out[line.tech]) | line.numbers)
    tech = technology.upper()
    if tech:
        # The page's Technology row lists what the phone has: "GSM / HSPA / LTE" means no 5G.
        if "LTE" not in tech and "lte" not in out:
            out["lte"] = []
        if "5G" not in tech and "nr" not in out:
            out["nr"] = []
    return {t: out[t] for t in TECH_ORDER if t in out}, unread


def draft(sheet: Sheet, vendor: str, read_from: str = "") -> Draft:
    if not sheet.name:
        raise ValueError(f"{sheet.origin or 'sheet'}: no device name (a 'Name' line or the record's 'name')")
    dev_id = device_id(sheet.name, vendor)
    warnings: list[str] = []
    families: dict[str, list[str]] = {}
    for model in [m for m in sheet.models if not _MODEL_OK.match(m)]:
        warnings.append(f"{dev_id}: {model!r} is not a model number the knowledge accepts: left out")
    for model in [m for m in sheet.models if _MODEL_OK.match(m)]:
        families.setdefault(family(model), []).append(model)

    labelled: dict[str, list[Line]] = {}
    shared: list[Line] = []
    for line in sheet.lines:
        (labelled.setdefault(line.label, []) if line.label else shared).append(line)

    variants: list[dict[str, Any]] = []
    unattached: list[Line] = []
    taken: set[str] = set()
    one_model = len(families) <= 1
    for label, lines in labelled.items():
        models = [
            m
            for part in label_parts(label)
            if is_model(part)
            for ms in families.values()
            for m in ms
            if _names_model(part, m)
        ]
        taken |= {family(m) for m in models}
        # A line without a label is the whole phone's only where the page has no other line of
        # its technology; a 2G line shared by every variant is how spec pages print GSM.
        own_techs = {ln.tech for ln in lines}
        extra = [ln for ln in shared if ln.tech not in own_techs and (ln.tech == "gsm" or one_model)]
        bands, unread = _bands(lines + extra, sheet.technology)
        unattached += [ln for ln in unread if ln not in unattached]
        if not models:
            warnings.append(
                f"{dev_id}: the line(s) labelled {label!r} name no model number: attach the models of "
                f"that market from a source, or keep it without models if it is the device's only variant"
            )
        variants.append(_variant(dev_id, label, models, bands))
    for ln in shared:
        if labelled and ln.tech != "gsm" and not one_model:
            unattached.append(ln)

    rest = {f: ms for f, ms in families.items() if f not in taken}
    if not labelled:
        if one_model:
            bands, unread = _bands(shared, sheet.technology)
            unattached += unread
            market = "All models" if families else "Unspecified"
            if not families:
                warnings.append(f"{dev_id}: the page lists no model numbers; the variant's market is 'Unspecified'")
            variants.append(
                _variant(
                    dev_id,
                    market,
                    [m for ms in families.values() for m in ms],
                    bands,
                    suffix="" if families else "unspecified",
                )
            )
            rest = {}
        elif shared:
            unattached += shared
            warnings.append(
                f"{dev_id}: one unlabelled band list for {len(families)} models of different markets "
                f"({', '.join(ms[0] for ms in families.values())}): not attached to any; "
                f"attach it only where a source says which model it is for"
            )
    for fam, models in rest.items():
        variants.append(_variant(dev_id, "Unspecified", models, {}, suffix=fam))
    if labelled and rest:
        warnings.append(
            f"{dev_id}: model(s) {', '.join(m for ms in rest.values() for m in ms)} are named by no band "
            f"line: each got a variant with unknown bands and market 'Unspecified' (name its market)"
        )
    for ln in unattached:
        if ln.numbers is None:
            warnings.append(
                f"{dev_id}: {TECH_NAME[ln.tech]} line {ln.raw.strip()!r} gives no band numbers: left unknown"
            )
    _unique_ids(variants)

    entry: dict[str, Any] = {"id": dev_id, "vendor": vendor, "name": sheet.name}
    aliases = _aliases(sheet.name, sheet.brand or vendor)
    if aliases:
        entry["aliases"] = aliases
    released = release_date(sheet.status)
    if released:
        entry["released"] = released
    else:
        warnings.append(f"{dev_id}: no release date on the page (status: {sheet.status or 'none'!r})")
    page = f"GSMArena, '{(sheet.brand.title() + ' ') if sheet.brand else ''}{sheet.name}' specifications"
    entry["source"] = ", ".join(p for p in (page, sheet.url, read_from) if p)
    if not sheet.url:
        warnings.append(f"{dev_id}: no page URL: give the source a user can follow")
    left = [ln for ln in unattached if ln.numbers]
    if left:
        entry["note"] = "Lines on the page not attached to a variant (no label says which model): " + "; ".join(
            f"{TECH_NAME[ln.tech]} {ln.raw.strip()}" for ln in left
        )
    entry["variants"] = variants
    return Draft(entry, tuple(warnings))


def _variant(
    dev_id: str, market: str, models: list[str], bands: dict[str, list[int]], suffix: str = ""
) -> dict[str, Any]:
    variant: dict[str, Any] = {"id": f"{dev_id}-{slug(suffix or market) or 'all'}", "market": market}
    if models:
        variant["models"] = list(dict.fromkeys(models))
    variant["bands"] = bands
    return variant


def _unique_ids(variants: list[dict[str, Any]]) -> None:
    seen: dict[str, int] = {}
    for v in variants:
        n = seen.get(v["id"], 0)
        seen[v["id"]] = n + 1
        if n:
            v["id"] = f"{v['id']}-{n + 1}"


def _aliases(name: str, brand: str) -> list[str]:
    lower = text.fold(name)
    out = [lower]
    if not lower.startswith(text.fold(brand)):
        out.append(f"{text.fold(brand)} {lower}")
    return out


def render(drafts: list[Draft]) -> str:
    """A draft bundle in YAML, each device's warnings as comments above it for the curator."""
    parts = ["format: devicebot-knowledge/1\n", "devices:\n"]
    for d in drafts:
        parts += [f"  # DRAFT: {w}\n" for w in d.warnings]
        body = yaml.safe_dump([d.entry], sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)
        parts.append("".join(f"  {line}\n" for line in body.splitlines()))
    return "".join(parts)
