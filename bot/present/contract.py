"""The JSON contract of an answer (`devicebot ask --json`, `/api/ask`), documented in the README."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..engine import Answer
from ..records import Carrier, Knowledge, Statement
from ..verdicts import Compatibility
from . import layout, markdown


def _network(c: Carrier) -> dict[str, Any]:
    """A network's own bands, for a question about them ("what bands does jio use?")."""
    b = c.bands
    bands: dict[str, Any] | None = None
    if b is not None:
        bands = {
            "lte": {"primary": sorted(b.lte.primary), "secondary": sorted(b.lte.secondary)},
            "nr": {"primary": sorted(b.nr.primary), "secondary": sorted(b.nr.secondary)},
            "gsm": sorted(b.gsm),
            "umts": sorted(b.umts),
        }
    return {"id": c.id, "name": c.name, "bands": bands, "as_of": c.as_of, "source": c.source}


def _statement(s: Statement) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": s.id,
        "quote": s.quote,
        "source": s.source,
        "date": s.date,
        "device": s.device,
        "country": s.country,
    }
    if s.source_url:
        out["source_url"] = s.source_url
    if s.speaker:
        out["speaker"] = s.speaker
    return out


def to_dict(a: Answer, k: Knowledge, country_names: Mapping[str, str]) -> dict[str, Any]:
    device = k.device(a.device) if a.device else None
    vendor = k.vendor(a.vendor) if a.vendor else None
    carrier = k.carrier(a.carrier) if a.carrier else None
    market_of = {v.id: v.market for v in device.variants} if device else {}
    lay = layout.build(a, k, country_names)

    def cell(c: Compatibility, market_of: Mapping[str, str]) -> dict[str, Any]:
        return {
            "variant": c.variant,
            "market": market_of.get(c.variant),
            "carrier": c.carrier,
            "carrier_name": k.carrier(c.carrier).name,
            "via": c.host,
            "verdict": c.verdict,
            "lte": c.lte,
            "nr": c.nr,
            "missing_primary": {t: list(b) for t, b in c.missing_primary.items()},
            "flags": list(c.flags),
            "made_for_country": c.native,
        }

    return {
        "question": a.question,
        "intent": a.intent,
        "device": {"id": device.id, "name": device.name, "vendor": device.vendor} if device else None,
        "vendor": {"id": vendor.id, "name": vendor.name} if vendor else None,
        "variants": list(a.variants),
        "country": a.country,
        "origin": a.origin,
        "region": a.region,
        "carrier": {"id": carrier.id, "name": carrier.name} if carrier else None,
        "availability": None
        if a.availability is None
        else {
            "status": a.availability.status,
            "scope": a.availability.scope,
            "statement": _statement(a.availability.statement) if a.availability.statement else None,
        },
        "region_sales": [
            {"country": code, "status": av.status, "statement": _statement(av.statement) if av.statement else None}
            for code, av in a.region_sales
        ],
        "compatibility": [cell(c, market_of) for c in a.compatibility],
        "also": [{"country": code, "compatibility": [cell(c, market_of) for c in cells]} for code, cells in a.also],
        "also_sold": [
            {
                "country": code,
                "status": av.status,
                "scope": av.scope,
                "statement": _statement(av.statement) if av.statement else None,
            }
            for code, av in a.also_sold
        ],
        "bands": None
        if a.bands is None
        else [
            {
                "variant": b.variant,
                "market": b.market,
                "models": list(b.models),
                "bands": {
                    t: None if x is None else list(x)
                    for t, x in (("gsm", b.gsm), ("umts", b.umts), ("lte", b.lte), ("nr", b.nr))
                },
                "volte": b.volte,
            }
            for b in a.bands
        ],
        "bands_asked": [f"B{n}" if tech == "lte" else f"n{n}" for tech, n in a.reading.bands_asked]
        if a.reading
        else [],
        "suggestions": [{"kind": s.kind, "id": s.id, "name": s.name} for s in a.suggestions],
        "each": [
            {
                "device": e.device,
                "name": k.device(e.device).name,
                "compatibility": [cell(c, {v.id: v.market for v in k.device(e.device).variants}) for c in e.cells],
            }
            for e in a.each
        ],
        "confidence": a.confidence,
        "headline": list(lay.headline),
        "answer": markdown.render(lay),
        "unknown_model": a.unknown_model,
        "unknown_network": a.unknown_network,
        "imei_given": a.imei_given,
        "locked": a.locked,
        "maker_unknown_phones": a.maker_unknown_phones,
        "networks": [_network(c) for c in layout.networks_listed(a, k) or ()],
    }
