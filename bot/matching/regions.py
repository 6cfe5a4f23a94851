"""Regions a question may name as where a phone will be used ("will my pixel 8 work in Europe?"):
their CLDR codes, their names in the languages questions come in, and their countries.

A continent's countries are the ones CLDR's time zones put there (a country with any zone in
"Europe/…" is European: Russia, Turkey; else the part of the world of its first zone), the European
Union's are the EEA's less Iceland, Liechtenstein and Norway, and Latin America's those of the "LATAM"
market vendors label their models for (`bot.markets`).
"""

from __future__ import annotations

from functools import cache

from .. import markets
from . import cldr

# CLDR territory codes: Europe, Asia, Africa, Latin America, the European Union.
REGIONS = ("150", "142", "002", "419", "EU")
_CONTINENT_ZONES = {"150": "Europe", "142": "Asia", "002": "Africa"}


def is_region(code: str | None) -> bool:
    return code in REGIONS


@cache
def members(code: str) -> frozenset[str]:
    """The ISO 3166-1 countries of a region."""
    if code == "EU":
        return frozenset(markets.EEA) - {"IS", "LI", "NO"}
    if code == "419":
        return markets.REGIONS["LATAM"]
    from babel.core import get_global  # CLDR's tables, read when first needed

    part = _CONTINENT_ZONES[code]
    out = set()
    for country, zones in get_global("territory_zones").items():
        if not zones or len(country) != 2 or not country.isalpha():
            continue
        where = "Europe" if any(z.startswith("Europe/") for z in zones) else zones[0].split("/", 1)[0]
        if where == part:
            out.add(country)
    return frozenset(out)


def names(locales: tuple[str, ...]) -> dict[str, set[str]]:
    """Each region's names in the given locales ("Europe", "Europa", "欧洲", "Unión Europea")."""
    out: dict[str, set[str]] = {code: set() for code in REGIONS}
    for loc in locales:
        territories = cldr.table(loc, "territories")
        for code in REGIONS:
            name = territories.get(code)
            if name and len(name) >= 4:
                out[code].add(name)
    return out


def english_name(code: str) -> str:
    return str(cldr.table("en", "territories")[code])
