"""CLDR's tables as read straight from babel's files are the tables babel itself gives."""

from __future__ import annotations

from babel import Locale

from bot.matching import cldr, lexicon

# Every locale a build reads, and some of other shapes: one with a script (zh_Hant, whose parent is
# root, not zh), with a territory (en_GB, pt_PT: a parent of their own), with both.
LOCALES = sorted(
    {*lexicon.NAME_LOCALES, *lexicon._MORE_COUNTRY_LOCALES, "en_GB", "pt_PT", "es_419", "zh_Hant_HK", "sr_Latn"}
)


def test_the_tables_of_names_are_babel_s_in_its_order() -> None:
    for loc in LOCALES:
        locale = Locale.parse(loc)
        for key in ("territories", "languages"):
            assert list(cldr.table(loc, key).items()) == list(getattr(locale, key).items()), (loc, key)


def test_the_cities_of_time_zones_are_babel_s() -> None:
    for loc in LOCALES:
        zones = Locale.parse(loc).time_zones
        expected = {zone: zones[zone]["city"] for zone in zones if zones[zone].get("city") is not None}
        assert cldr.zone_cities(loc) == expected, loc
