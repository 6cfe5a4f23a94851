"""The few CLDR tables a build reads of each locale (names of countries and languages, the cities of
time zones), from the files babel ships, each table inherited as babel inherits it.

babel's `Locale.parse(loc).territories` loads the locale's whole data merged into a copy of its
parent's, every nested table of it (35,000 merges for the 25 locales a build reads): a tenth of a
second of every build, against a few small tables read here. The tables are the same as babel's
(`tests/test_cldr.py` holds them side by side).
"""

from __future__ import annotations

import pickle
from functools import cache
from typing import Any


@cache
def _own(name: str) -> dict[str, Any]:
    """A locale's own data as babel ships it, without what it inherits."""
    from babel.localedata import resolve_locale_filename

    with open(resolve_locale_filename(name), "rb") as file:
        data: dict[str, Any] = pickle.load(file)
    return data


def _parent(name: str) -> str:
    """The locale a locale inherits from, as `babel.localedata.load` finds it."""
    from babel.core import get_global
    from babel.localedata import _is_non_likely_script

    parent: str | None = get_global("parent_exceptions").get(name)
    if parent:
        return parent
    if _is_non_likely_script(name):
        return "root"
    parts = name.split("_")
    return "root" if len(parts) == 1 else "_".join(parts[:-1])


def _lineage(name: str) -> list[str]:
    """The locale and those it inherits from, root first."""
    out = [name]
    while out[-1] != "root":
        out.append(_parent(out[-1]))
    return out[::-1]


@cache
def table(name: str, key: str) -> dict[str, str]:
    """A table of names of one locale (`key`: "territories", "languages"), as `Locale.parse(name)`
    gives it: each locale's own entries over those it inherits."""
    out: dict[str, str] = {}
    for locale in _lineage(name):
        own = _own(locale).get(key)
        if own:
            # (babel's merge keeps what a None would override, as here)
            out.update((code, value) for code, value in own.items() if value is not None)
    return out


def zone_cities(name: str) -> dict[str, str]:
    """Each time zone's city in one locale ("Europe/Berlin": "Berlin"), as
    `Locale.parse(name).time_zones[zone]["city"]` gives it."""
    out: dict[str, str] = {}
    for locale in _lineage(name):
        for zone, fields in (_own(locale).get("time_zones") or {}).items():
            city = fields.get("city") if isinstance(fields, dict) else None
            if city is not None:
                out[zone] = city
    return out
