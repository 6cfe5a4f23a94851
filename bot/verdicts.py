"""The answering rules: availability from vendor statements, compatibility from bands.

Pure functions over records; the rules are documented in the README ("The rules").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .records import Carrier, Statement, Variant

# A device band whose frequency range contains a carrier's band serves that carrier's cells
# (3GPP TS 36.101 / 38.101-1 band tables; networks announce both through multi-band indicators):
# B66 contains B4, B25 contains B2, B26 contains B5/B18/B19, B12 contains B17 (AT&T broadcasts
# both since 2015), B85 contains B12/B17, B41 contains B38. Only exact containments are listed.
CONTAINS: dict[str, dict[int, frozenset[int]]] = {
    "lte": {
        66: frozenset({4}),
        25: frozenset({2}),
        26: frozenset({5, 18, 19}),
        12: frozenset({17}),
        85: frozenset({12, 17}),
        41: frozenset({38}),
    },
    "nr": {
        25: frozenset({2}),
        26: frozenset({5}),
        41: frozenset({38}),
    },
}

FULL, PARTIAL, NONE, UNKNOWN = "full", "partial", "none", "unknown"


@dataclass(frozen=True)
class Availability:
    status: str  # sold | not_sold | planned | discontinued | unknown
    statement: Statement | None
    scope: str | None  # "device" when the statement names the device, "vendor" when it covers all phones


@dataclass(frozen=True)
class Compatibility:
    variant: str
    carrier: str
    verdict: str  # full | partial | none | unknown
    lte: str | None
    nr: str | None
    missing_primary: dict[str, tuple[int, ...]]
    flags: tuple[str, ...]
    host: str | None = None  # the network a virtual operator uses


def _date_key(date: str) -> tuple[int, int, int]:
    parts = [int(p) for p in date.split("-")] + [0, 0]
    return parts[0], parts[1], parts[2]


def availability(statements: Iterable[Statement], device_id: str | None) -> Availability:
    """Statements of one vendor for one country → the availability of a device (or of the vendor).

    A statement naming the device beats any vendor-wide one, whatever the dates; among equals the
    newest wins (ties: the larger id, so the answer never depends on file order).
    """
    candidates = list(statements)
    specific = [s for s in candidates if device_id is not None and s.device == device_id]
    general = [s for s in candidates if s.device is None]
    pool, scope = (specific, "device") if specific else (general, "vendor")
    if not pool:
        return Availability("unknown", None, None)
    newest = max(pool, key=lambda s: (_date_key(s.date), s.id))
    return Availability(newest.status, newest, scope)


def effective_bands(tech: str, bands: Iterable[int]) -> frozenset[int]:
    """The bands a device serves, counting bands contained in the ones it lists."""
    own = frozenset(bands)
    extra: set[int] = set()
    for band in own:
        extra |= CONTAINS.get(tech, {}).get(band, frozenset())
    return own | extra


def _tech_level(device: frozenset[int], primary: frozenset[int], secondary: frozenset[int]) -> str | None:
    if not primary and not secondary:
        return None
    if primary and primary <= device:
        return FULL
    if device & (primary | secondary):
        return PARTIAL
    return NONE


def compatibility(variant: Variant, carrier: Carrier, network: Carrier) -> Compatibility:
    """How `variant` works on `carrier`, whose radio network is `network` (itself, or its host)."""
    if network.bands is None:
        raise ValueError(f"carrier {network.id!r} has no bands of its own")
    bands = network.bands
    levels: dict[str, str | None] = {}
    missing: dict[str, tuple[int, ...]] = {}
    for tech, tier in (("lte", bands.lte), ("nr", bands.nr)):
        device = effective_bands(tech, variant.bands.of(tech))
        levels[tech] = _tech_level(device, tier.primary, tier.secondary)
        if levels[tech] is not None:
            missing[tech] = tuple(sorted(tier.primary - device))
    legacy = bool(variant.bands.gsm & bands.gsm) or bool(variant.bands.umts & bands.umts)
    lte = levels["lte"]
    flags: list[str] = []
    if carrier.requires_certification or network.requires_certification:
        flags.append("certification_required")
    if variant.volte is False:
        flags.append("no_volte")
    elif variant.volte is None:
        # Unknown VoLTE is not counted as VoLTE: the verdict stays on the safe side.
        flags.append("volte_unknown")
    if lte == FULL:
        verdict = FULL if variant.volte or legacy else PARTIAL
    elif lte == PARTIAL:
        verdict = PARTIAL
    elif lte == NONE:
        verdict = PARTIAL if legacy else NONE
        if legacy:
            flags.append("legacy_only")
    else:
        # The carrier lists no LTE at all: nothing to compare the voice path with.
        verdict = PARTIAL if legacy else UNKNOWN
        if legacy:
            flags.append("legacy_only")
    return Compatibility(
        variant=variant.id,
        carrier=carrier.id,
        verdict=verdict,
        lte=lte,
        nr=levels["nr"],
        missing_primary=missing,
        flags=tuple(flags),
        host=network.id if network.id != carrier.id else None,
    )
