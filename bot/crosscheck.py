"""Compare the knowledge's band lists with a reference table of spec-site band lists.

A reference (such as the 2021 GSMArena extract in `../shared/data/`) is never copied into the
knowledge: it is only held against what curators wrote, so that a mistyped or misattributed band list
shows up as a difference to look at. A difference is a question, not a verdict: spec sites keep one
regional line of a multi-model phone, and phones gain bands after launch.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import specsheet, text
from .bundle import KnowledgeError, Problem
from .records import Device, Knowledge, Variant

REQUIRED_COLUMNS = ("Brand", "Model Name", "2G bands", "4G bands", "5G bands", "Models")
COMPARED_TECHS = ("gsm", "lte", "nr")  # 3G is given in MHz by spec sites: no band numbers to compare

_MODE = r"(?:SA|NSA|Sub-?6|mmWave)"
# "1, 3, 78 SA/NSA/Sub6" (the mode words are 5G's); anything else after the numbers is not a plain list.
# "Xiaomi Mi A1 (Mi 5X)": a row's name with its other names in brackets.
_OTHER_NAMES = re.compile(r"\s*\([^)]*\)")
_BAND_LIST = re.compile(rf"^\s*(\d+(?:\s*,\s*\d+)*)\s*,?\s*(?:{_MODE}(?:\s*/\s*{_MODE})*)?\s*$", re.IGNORECASE)
# A line's scope that names model numbers ("SM-A705YN/DS", "F3111", "MHA-L29"), not a region ("EU",
# "4G model").
_MODEL_SCOPE = re.compile(r"(?<![\w-])(?=[A-Za-z-]*\d)(?=[\d-]*[A-Za-z])[A-Za-z0-9-]{4,}")


@dataclass(frozen=True)
class Reference:
    """One row of the reference table: a phone as the spec site lists it."""

    row: int
    name: str  # brand and model as the table writes them
    models: tuple[str, ...]
    bands: dict[str, frozenset[int]]  # only the technologies the row gives as numbers
    scope: str = ""  # the " - <region or model>" a row's 4G/5G line ends with: other lines were lost


@dataclass(frozen=True)
class Difference:
    tech: str
    only_here: tuple[int, ...]
    only_reference: tuple[int, ...]


@dataclass(frozen=True)
class Comparison:
    device_id: str
    variant_id: str
    reference: Reference
    matched_by: str  # "model <number>" or "name"
    differences: tuple[Difference, ...]

    explained: bool = False  # a curator wrote in the entry why it differs (a note naming `kb crosscheck`)

    @property
    def agrees(self) -> bool:
        return not self.differences


@dataclass(frozen=True)
class Report:
    reference_rows: int
    comparisons: tuple[Comparison, ...]
    unmatched_devices: tuple[str, ...]  # devices with a band list that no reference row matches
    ambiguous: tuple[str, ...]  # matched by name only, but the device has several variants
    other_model: tuple[str, ...] = ()  # the row kept only the line of a model this device does not list


def _numbers(cell: str, tech: str) -> tuple[frozenset[int], str]:
    """Band numbers of a "1, 3, 7, 20 - Europe" cell and its scope; MHz text ("LTE 800 / 1800") gives none."""
    head, _, scope = cell.partition(" - ")
    m = _BAND_LIST.match(head)
    if not m:
        return frozenset(), ""
    low, high = specsheet.BAND_RANGE[tech]
    numbers = frozenset(int(n) for n in m.group(1).split(",") if low <= int(n) <= high)
    return numbers, scope.strip()


def gsm_mhz(cell: str) -> frozenset[int]:
    """GSM MHz of "GSM 850 / 900 / 1800 / 1900 - SIM 1 & SIM 2"; a CDMA-only line gives none."""
    return specsheet.gsm_mhz(cell.split(" - ")[0]) or frozenset()


def parse_rows(rows: Iterable[dict[str, str]], name: str) -> list[Reference]:
    """References from table rows (dicts keyed by column); rows without any band number are dropped."""
    refs: list[Reference] = []
    for i, row in enumerate(rows, start=2):  # row 1 is the header
        missing = [c for c in REQUIRED_COLUMNS if c not in row]
        if missing:
            raise KnowledgeError([Problem(name, f"row {i}", f"missing column(s) {', '.join(missing)}")])
        bands: dict[str, frozenset[int]] = {}
        gsm = gsm_mhz(row["2G bands"] or "")
        if gsm:
            bands["gsm"] = gsm
        scopes = []
        for tech, column in (("lte", "4G bands"), ("nr", "5G bands")):
            numbers, scope = _numbers(row[column] or "", tech)
            if numbers:
                bands[tech] = numbers
            if scope and scope not in scopes:
                scopes.append(scope)
        if not bands:
            continue
        models = tuple(m.strip() for m in (row["Models"] or "").split(",") if m.strip())
        refs.append(Reference(i, (row["Model Name"] or "").strip(), models, bands, "; ".join(scopes)))
    return refs


def from_sheets(sheets: Iterable[specsheet.Sheet]) -> list[Reference]:
    """References from spec sheets (the 2026 extract's records): a technology's first numbered line
    each, as that extract kept only the first line of each band field."""
    refs: list[Reference] = []
    for row, sheet in enumerate(sheets, start=1):
        bands: dict[str, frozenset[int]] = {}
        scopes: list[str] = []
        for line in sheet.lines:
            if line.tech in COMPARED_TECHS and line.numbers and line.tech not in bands:
                bands[line.tech] = line.numbers
                if line.label and line.tech != "gsm" and line.label not in scopes:
                    scopes.append(line.label)
        if bands:
            refs.append(Reference(row, sheet.name, sheet.models, bands, "; ".join(scopes)))
    return refs


def read_reference(path: Path) -> list[Reference]:
    """The reference: a CSV (columns as in `../shared/data/gsmarena_2021_network_bands.csv`) or JSON
    lines (records as in `../shared/data/gsmarena_2026_network.jsonl`)."""
    try:
        return _read_reference(path)
    except UnicodeDecodeError as exc:
        raise KnowledgeError(
            [Problem(str(path), f"byte {exc.start + 1}", "not UTF-8 text: save the file as UTF-8")]
        ) from exc


def _read_reference(path: Path) -> list[Reference]:
    if path.suffix in (".jsonl", ".ndjson"):
        try:
            return from_sheets(specsheet.read_sheets(path.read_text(encoding="utf-8"), str(path)))
        except UnicodeDecodeError:
            raise
        except ValueError as exc:
            raise KnowledgeError([Problem(str(path), "", str(exc))]) from exc
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames or []
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise KnowledgeError(
                [
                    Problem(
                        str(path),
                        "header",
                        f"missing column(s) {', '.join(missing)}; has {', '.join(header) or 'none'}",
                    )
                ]
            )
        return parse_rows(reader, str(path))


def _differences(variant: Variant, ref: Reference) -> tuple[Difference, ...]:
    out = []
    for tech in COMPARED_TECHS:
        theirs = ref.bands.get(tech)
        # A technology the knowledge leaves unrecorded is unknown there: nothing to compare.
        if not theirs or not variant.bands.known(tech):
            continue
        ours = variant.bands.of(tech)
        if ours != theirs:
            out.append(Difference(tech, tuple(sorted(ours - theirs)), tuple(sorted(theirs - ours))))
    return tuple(out)


def _has_bands(variant: Variant) -> bool:
    return any(variant.bands.of(t) for t in COMPARED_TECHS if variant.bands.known(t))


def _names(device: Device, vendor_name: str) -> set[str]:
    names = {device.name, f"{vendor_name} {device.name}", *device.aliases}
    return {text.key(n) for n in names}


# How spec sites and curators name the same markets ("EU" line vs an "Europe / Global" variant).
_MARKET_WORDS = {"eu": "europe", "na": "north america", "usa": "us", "international": "global", "intl": "global"}
_NOT_MARKET = frozenset({"and", "model", "models", "sim", "the", "version", "only", "g", "4g", "5g", "dual"})


def _market_words(value: str) -> set[str]:
    folded = " ".join(_MARKET_WORDS.get(w, w) for w in text.tokens(value))
    return set(text.tokens(folded)) - _NOT_MARKET


def _fits(scope: str, variant: Variant) -> bool:
    """Does a reference line's scope ("EU", "SM-A516B/DS", "Global") name this variant?"""
    compact = text.compact(scope)
    if any(len(m) >= 4 and text.compact(m) in compact for m in variant.models):
        return True
    # The site may drop a maker's prefix: its "G928T" is the phone's "SM-G928T".
    named = [text.compact(t) for t in _MODEL_SCOPE.findall(scope)]
    if any(text.compact(m).endswith(t) for m in variant.models for t in named):
        return True
    # A model number names its model only: "F3111" shares no region with a market called "F3113".
    if _MODEL_SCOPE.search(scope):
        return False
    return bool(_market_words(scope) & _market_words(variant.market))


def compare(knowledge: Knowledge, references: Sequence[Reference]) -> Report:
    by_model: dict[str, list[Reference]] = {}
    by_name: dict[str, list[Reference]] = {}
    for ref in references:
        for model in ref.models:
            by_model.setdefault(text.compact(model), []).append(ref)
        # "Xiaomi Mi A1 (Mi 5X)": the row is also found under the name without its other names.
        for name in {ref.name, _OTHER_NAMES.sub("", ref.name)}:
            by_name.setdefault(text.key(name), []).append(ref)

    comparisons: list[Comparison] = []
    unmatched: list[str] = []
    ambiguous: list[str] = []
    other_model: list[str] = []
    for device in knowledge.devices:
        variants = [v for v in device.variants if _has_bands(v)]
        if not variants:
            continue
        names = _names(device, knowledge.vendor(device.vendor).name)
        pairs: list[tuple[Variant, Reference, str]] = []
        for variant in variants:
            for model in variant.models:
                refs = by_model.get(text.compact(model), [])
                # One model number can sit in two rows (a special edition); prefer the same phone.
                same_name = [r for r in refs if text.key(r.name) in names]
                pairs.extend((variant, r, f"model {model}") for r in same_name or refs)
                if refs:
                    break
        if not pairs:
            # A row can sit under two of the device's names ("Mi A1" and "Mi A1 (Mi 5X)"): once each.
            refs = list({r.row: r for n in sorted(names) for r in by_name.get(n, [])}.values())
            if not refs:
                unmatched.append(device.id)
                continue
            pairs = [(v, r, "name") for v in variants for r in refs]
        for variant, ref, how in pairs:
            # A row that kept one regional line speaks for that region's variant only, when the
            # device has such a variant (with or without bands); otherwise every variant is held
            # against it, and the report shows the row's scope.
            if ref.scope and any(_fits(ref.scope, v) for v in device.variants):
                if not _fits(ref.scope, variant):
                    continue
            elif ref.scope and _MODEL_SCOPE.search(ref.scope) and any(v.models for v in device.variants):
                # The row kept only the line of a model number the device does not list: comparing
                # it with the device's other models would report differences that are not there.
                # (A list recorded without model numbers covers every model, so it is compared.)
                if device.id not in other_model:
                    other_model.append(device.id)
                continue
            elif how == "name" and len(device.variants) > 1:
                if device.id not in ambiguous:
                    ambiguous.append(device.id)
                continue
            explained = any(EXPLAINED in (n or "").casefold() for n in (variant.note, device.note))
            comparisons.append(Comparison(device.id, variant.id, ref, how, _differences(variant, ref), explained))
    return Report(len(references), tuple(comparisons), tuple(unmatched), tuple(ambiguous), tuple(other_model))


# A note saying "kb crosscheck: …" is a curator's answer to a difference: the source was looked at
# again and still says otherwise (or the reference's line belongs to another phone).
EXPLAINED = "kb crosscheck"


def _bands(tech: str, numbers: Sequence[int]) -> str:
    prefix = {"gsm": "", "lte": "B", "nr": "n"}[tech]
    suffix = " MHz" if tech == "gsm" else ""
    return ", ".join(f"{prefix}{n}" for n in numbers) + (suffix if numbers else "") or "none"


LABELS = {"gsm": "2G", "lte": "4G", "nr": "5G"}


def render(report: Report, reference_name: str) -> str:
    agree = sum(1 for c in report.comparisons if c.agrees)
    explained = sum(1 for c in report.comparisons if not c.agrees and c.explained)
    lines = [
        f"cross-check against {reference_name} ({report.reference_rows} rows with band numbers)",
        f"{len(report.comparisons)} comparisons: {agree} agree, {len(report.comparisons) - agree} differ "
        f"({explained} explained in the entry's note); "
        f"{len(report.unmatched_devices)} devices with bands are not in the reference"
        + (
            f"; {len(report.ambiguous)} matched by name only but have several variants (not compared)"
            if report.ambiguous
            else ""
        )
        + (f"; {len(report.other_model)} with only another model's line (not compared)" if report.other_model else ""),
    ]
    # The unexplained first: they are the curator's work list.
    for c in sorted((c for c in report.comparisons if not c.agrees), key=lambda c: c.explained):
        scope = f"; the reference keeps only the line for: {c.reference.scope}" if c.reference.scope else ""
        lines.append(
            f'{"(explained) " if c.explained else ""}{c.device_id} / {c.variant_id} vs "{c.reference.name}" '
            f"(row {c.reference.row}, by {c.matched_by}{scope})"
        )
        for d in c.differences:
            here, there = _bands(d.tech, d.only_here), _bands(d.tech, d.only_reference)
            lines.append(f"  {LABELS[d.tech]}: only here {here}; only in the reference {there}")
    if report.ambiguous:
        lines.append(
            "not compared (several variants, no model number in the reference): " + ", ".join(report.ambiguous)
        )
    if report.other_model:
        lines.append(
            "not compared (the reference kept only the line of a model not recorded here): "
            + ", ".join(report.other_model)
        )
    return "\n".join(lines) + "\n"


def to_dict(report: Report) -> dict[str, object]:
    return {
        "reference_rows": report.reference_rows,
        "comparisons": [
            {
                "device": c.device_id,
                "variant": c.variant_id,
                "reference": {"row": c.reference.row, "name": c.reference.name, "scope": c.reference.scope},
                "matched_by": c.matched_by,
                "agrees": c.agrees,
                "explained": c.explained,
                "differences": [
                    {"tech": d.tech, "only_here": list(d.only_here), "only_reference": list(d.only_reference)}
                    for d in c.differences
                ],
            }
            for c in report.comparisons
        ],
        "unmatched_devices": list(report.unmatched_devices),
        "ambiguous_devices": list(report.ambiguous),
        "other_model_devices": list(report.other_model),
    }
