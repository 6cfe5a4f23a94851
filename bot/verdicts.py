"""The answering rules: availability from vendor statements, compatibility from bands.

Pure functions over records; the rules are documented in the README ("The rules").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .records import Carrier, CarrierBands, Statement, Variant

# A device band whose frequency range contains a carrier's band serves that carrier's cells
# (3GPP TS 36.101 / 38.101-1 band tables; networks announce both through multi-band indicators):
# B66 contains B4, B25 contains B2, B26 contains B5/B18/B19, B12 contains B17 (AT&T broadcasts
# both since 2015), B85 contains B12/B17, B41 contains B38; n77 (3.3-4.2 GHz) contains n78 (3.3-3.8 GHz),
# and both contain n48 (3.55-3.7 GHz). Only exact containments are listed.
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
        77: frozenset({78, 48}),
        78: frozenset({48}),
    },
}

FULL, PARTIAL, NONE, UNKNOWN = "full", "partial", "none", "unknown"


@dataclass(frozen=True)
class Availability:
    status: str  # sold | not_sold | planned | discontinued | suspended | unknown
    statement: Statement | None
    # "device" when the statement names the device, "vendor" when it covers all phones, "later" when
    # it covers the vendor's phones of years after this one came out, "market" when every model of
    # this one is made for other markets (so it says nothing of it)
    scope: str | None


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
    # Whether the variant is made for the carrier's country (`markets.made_for`); None: not recorded.
    native: bool | None = None


def _date_key(date: str) -> tuple[int, int, int]:
    parts = [int(p) for p in date.split("-")] + [0, 0]
    return parts[0], parts[1], parts[2]


def _months_between(earlier: str, later: str) -> int:
    """Whole months from one date to another ("2022-07-21" to "2025-08-28": 37); a date's missing
    month counts as its first."""
    (y0, m0, _d0), (y1, m1, _d1) = _date_key(earlier), _date_key(later)
    return (y1 - y0) * 12 + (max(m1, 1) - max(m0, 1))


# A vendor's phone is on sale for about this long: a vendor-wide "we sell here" made later than this
# after a phone came out speaks of the vendor's phones of then, not of that one.
ON_SALE_YEARS = 3


def availability(
    statements: Iterable[Statement], device_id: str | None, released: str | None = None, made_elsewhere: bool = False
) -> Availability:
    """Statements of one vendor for one country → the availability of a device (or of the vendor).

    A statement naming the device beats any vendor-wide one, whatever the dates; among equals the
    newest wins (ties: the larger id, so the answer never depends on file order). A vendor-wide
    statement that the vendor sells (or will sell) there, made more than ON_SALE_YEARS after the
    device was `released`, does not say the device is sold: its status is unknown (scope "later").
    Nor does it when every model of the device is `made_elsewhere` (scope "market": Huawei sells
    phones in the UK; the Mate 60 Pro's only model is made for China). A vendor-wide suspension of
    sales ("suspended": OnePlus in Germany, 2022) says nothing of phones released after it.
    """
    candidates = list(statements)
    specific = [s for s in candidates if device_id is not None and s.device == device_id]
    general = [s for s in candidates if s.device is None]
    pool, scope = (specific, "device") if specific else (general, "vendor")
    if not pool:
        return Availability("unknown", None, None)
    newest = max(pool, key=lambda s: (_date_key(s.date), s.id))
    if (
        scope == "vendor"
        and released
        and newest.status in ("sold", "planned")
        and _months_between(released, newest.date) > ON_SALE_YEARS * 12
    ):
        return Availability("unknown", newest, "later")
    if scope == "vendor" and released and newest.status == "suspended" and _date_key(released) > _date_key(newest.date):
        # "sales of the relevant products are on hold" (2022) says nothing of phones that came out later
        return Availability("unknown", newest, "later")
    if scope == "vendor" and made_elsewhere and newest.status in ("sold", "planned"):
        return Availability("unknown", newest, "market")
    return Availability(newest.status, newest, scope)


def effective_bands(tech: str, bands: Iterable[int]) -> frozenset[int]:
    """The bands a device serves, counting bands contained in the ones it lists."""
    own = frozenset(bands)
    extra: set[int] = set()
    for band in own:
        extra |= CONTAINS.get(tech, {}).get(band, frozenset())
    return own | extra


def _tech_level(device: frozenset[int] | None, primary: frozenset[int], secondary: frozenset[int]) -> str | None:
    """None when the carrier uses no band of the technology; UNKNOWN when the device's list is unknown."""
    if not primary and not secondary:
        return None
    if device is None:
        return UNKNOWN
    if primary and primary <= device:
        return FULL
    if device & (primary | secondary):
        return PARTIAL
    return NONE


def _legacy(variant: Variant, network_bands: CarrierBands) -> bool | None:
    """Whether the variant reaches a still-operating 2G/3G network; None when that can't be told."""
    unknown = False
    for tech in ("gsm", "umts"):
        operating: frozenset[int] = getattr(network_bands, tech)
        if not operating:
            continue
        if not variant.bands.known(tech):
            unknown = True
        elif variant.bands.of(tech) & operating:
            return True
    return None if unknown else False


def compatibility(variant: Variant, carrier: Carrier, network: Carrier, native: bool | None = None) -> Compatibility:
    """How `variant` works on `carrier`, whose radio network is `network` (itself, or its host).

    `native`: the variant is made for the carrier's country. A phone made for a market works on that
    market's networks when its bands cover them: the vendor had it certified there and ships it with
    the networks' VoLTE settings. Certification and VoLTE are the questions of imports (and of phones
    whose market nobody recorded), where the carrier's policy decides.
    """
    if network.bands is None:
        raise ValueError(f"carrier {network.id!r} has no bands of its own")
    bands = network.bands
    levels: dict[str, str | None] = {}
    missing: dict[str, tuple[int, ...]] = {}
    for tech, tier in (("lte", bands.lte), ("nr", bands.nr)):
        known = variant.bands.known(tech)
        device = effective_bands(tech, variant.bands.of(tech)) if known else None
        levels[tech] = _tech_level(device, tier.primary, tier.secondary)
        if device is not None and levels[tech] is not None:
            missing[tech] = tuple(sorted(tier.primary - device))
    legacy = _legacy(variant, bands)
    lte = levels["lte"]
    flags: list[str] = []
    certified_only = carrier.requires_certification or network.requires_certification
    if certified_only and not native:
        flags.append("certification_required")
    if variant.volte is False:
        flags.append("no_volte")
    elif variant.volte is None and variant.bands.lte and not native:  # VoLTE means nothing without 4G bands
        # Unknown VoLTE is not counted as VoLTE: the verdict stays on the safe side.
        flags.append("volte_unknown")
    if UNKNOWN in levels.values() or legacy is None:
        flags.append("bands_unknown")
    if network.bands_incomplete:
        flags.append("carrier_bands_incomplete")
    if lte == FULL:
        if native:
            verdict = FULL if variant.volte is not False or legacy else PARTIAL
        elif certified_only:
            # An import on a network that serves only the models it approved: it needs that approval.
            verdict = PARTIAL
        else:
            verdict = FULL if variant.volte or legacy else PARTIAL
    elif lte == PARTIAL:
        verdict = PARTIAL
    elif legacy:
        # No usable LTE (none, unknown or not used by the carrier), but an old network still answers.
        verdict = PARTIAL
        if lte != UNKNOWN:
            flags.append("legacy_only")
    elif lte == NONE and legacy is False and not network.bands_incomplete:
        verdict = NONE
    else:
        # Too little is known to say it does not work.
        verdict = UNKNOWN
    return Compatibility(
        variant=variant.id,
        carrier=carrier.id,
        verdict=verdict,
        lte=lte,
        nr=levels["nr"],
        missing_primary=missing,
        flags=tuple(flags),
        host=network.id if network.id != carrier.id else None,
        native=native,
    )
