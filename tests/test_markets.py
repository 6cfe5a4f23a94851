"""bot/markets.py: which countries a variant's made_for codes cover."""

from __future__ import annotations

from bot import markets


def test_country_codes_and_regions() -> None:
    assert markets.made_for(("US",), [], "US") is True
    assert markets.made_for(("US",), [], "CA") is False
    assert markets.made_for(("EU",), [], "DE") is True
    assert markets.made_for(("EU",), [], "GB") is True  # vendors sell the European model in the UK
    assert markets.made_for(("EU",), [], "US") is False
    assert markets.made_for(("LATAM",), [], "BR") is True


def test_global_is_every_country_no_sibling_is_made_for() -> None:
    siblings = [("US",), ("CN",)]
    assert markets.made_for(("Global",), siblings, "DE") is True
    assert markets.made_for(("Global",), siblings, "US") is False
    assert markets.made_for(("Global",), siblings, "CN") is False


def test_global_never_stands_for_mainland_china() -> None:
    # the POCO F6 has Global and India models and none for China: its Global one is not China's
    assert markets.made_for(("Global",), [("IN",)], "CN") is False
    assert markets.made_for(("Global",), [("IN",)], "HK") is True


def test_nothing_recorded_is_unknown() -> None:
    assert markets.made_for((), [("US",)], "US") is None


def test_valid_codes() -> None:
    assert all(markets.valid(c) for c in ("US", "EU", "LATAM", "Global", "IN"))
    assert not any(markets.valid(c) for c in ("XX", "Europe", "global", "USA"))
