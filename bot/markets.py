"""Which countries a variant is made and sold for: its `made_for` codes as country sets.

A curator writes what the source says: an ISO 3166-1 country ("US", "IN", "CN"), or a region a
vendor's label names: "EU" (a European model: the EEA, Switzerland and the UK, where vendors sell the
same European model), "LATAM", or "Global" (the vendor's international model: every country the
device is sold in that no other variant of it is made for).
"""

from __future__ import annotations

from collections.abc import Iterable

EEA = [
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
    "IS",
    "LI",
    "NO",
]
REGIONS: dict[str, frozenset[str]] = {
    "EU": frozenset([*EEA, "CH", "GB"]),
    "LATAM": frozenset(
        [
            "AR",
            "BO",
            "BR",
            "CL",
            "CO",
            "CR",
            "CU",
            "DO",
            "EC",
            "GT",
            "HN",
            "MX",
            "NI",
            "PA",
            "PE",
            "PR",
            "PY",
            "SV",
            "UY",
            "VE",
        ]
    ),
}
GLOBAL = "Global"


def valid(code: str) -> bool:
    return code == GLOBAL or code in REGIONS or is_country(code)


def is_country(code: str) -> bool:
    """An ISO 3166-1 alpha-2 country code."""
    import pycountry  # imported when a code is checked: answering a question checks none

    return pycountry.countries.get(alpha_2=code) is not None


def expand(codes: Iterable[str]) -> frozenset[str]:
    """The named countries of `made_for` codes ("Global" is resolved against the device, see `made_for`)."""
    out: set[str] = set()
    for code in codes:
        out |= REGIONS.get(code, frozenset({code}) if code != GLOBAL else frozenset())
    return frozenset(out)


def made_for(own: Iterable[str], siblings: Iterable[Iterable[str]], country: str) -> bool | None:
    """Is a variant with `made_for` codes `own` made for `country`? None when nobody recorded it.

    `siblings` are the other variants' codes: a Global model is made for every country that no
    sibling's codes name (the US gets the US model, the rest of the world the Global one), except
    mainland China.
    """
    codes = tuple(own)
    if not codes:
        return None
    if country in expand(codes):
        return True
    if GLOBAL in codes:
        # Mainland China is the one market a Global model never stands for: makers sell their own
        # China models there (Xiaomi's "Global" means outside China; the POCO F6 has no China model).
        return country != "CN" and country not in expand(c for s in siblings for c in s)
    return False
