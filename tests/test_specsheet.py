"""bot/specsheet.py: spec-page network lines as GSMArena prints them (strings from real pages)."""

from __future__ import annotations

import pytest

from bot import specsheet


def test_a_numbered_line_with_its_label() -> None:
    line = specsheet.read_line(
        "lte", "1, 2, 3, 4, 5, 7, 8, 12, 13, 17, 18, 19, 20, 25, 26, 28, 32, 38, 39, 40, 41, 66 - International"
    )
    assert line.label == "International" and line.numbers is not None and 66 in line.numbers and len(line.numbers) == 22


def test_5g_mode_words_are_not_bands() -> None:
    line = specsheet.read_line("nr", "2, 5, 41, 66, 77, 78 SA/NSA/Sub6/mmWave - SM-A536U")
    assert line.numbers == frozenset({2, 5, 41, 66, 77, 78}) and line.label == "SM-A536U"
    assert specsheet.read_line("nr", "2, 5, 66, 260, 261 Sub6, mmWave - USA").numbers == frozenset({2, 5, 66, 260, 261})


@pytest.mark.parametrize(
    ("tech", "raw"),
    [
        ("lte", "LTE 800 / 1800 / 2100 / 2600 - Lenovo Z90-7"),  # MHz only: not band numbers
        ("lte", "LTE"),
        ("nr", "SA/NSA"),
        ("umts", "HSDPA 850 / 900 / 1700(AWS) / 1900 / 2100"),
        ("gsm", "CDMA 800 / 1900"),
    ],
)
def test_lines_without_band_numbers_give_none(tech: str, raw: str) -> None:
    assert specsheet.read_line(tech, raw).numbers is None


def test_sim_slots_and_tablet_builds_are_qualifiers_not_variants() -> None:
    line = specsheet.read_line("gsm", "GSM 850 / 900 / 1800 / 1900 - SIM 1 & SIM 2 (dual-SIM model only)")
    assert line.numbers == frozenset({850, 900, 1800, 1900}) and line.label == ""
    both = specsheet.read_line("gsm", "GSM 850 / 900 / 1800 / 1900 - SIM 1 & SIM 2 - D392")
    assert both.label == "D392" and both.qualifiers == ("SIM 1 & SIM 2",)
    assert specsheet.read_line("lte", "1, 3, 5, 7, 8 - cellular model only").label == ""


def test_na_means_none() -> None:
    line = specsheet.read_line("lte", "N/A")
    assert line.none and line.numbers == frozenset()


def test_release_dates() -> None:
    assert specsheet.release_date("Available. Released 2024, January 31") == "2024-01-31"
    assert specsheet.release_date("Available. Released 2025, September") == "2025-09"
    assert specsheet.release_date("Coming soon. Exp. release 2026, April") is None
    assert specsheet.release_date("Cancelled") is None


def test_page_text_with_continuation_lines() -> None:
    page = (
        "Name\tGalaxy S24\nURL https://www.gsmarena.com/samsung_galaxy_s24-12773.php\n"
        "Technology\tGSM / CDMA / HSPA / EVDO / LTE / 5G\n"
        "2G bands\tGSM 850 / 900 / 1800 / 1900 - SIM 1 & SIM 2\n"
        "4G bands\t1, 2, 3, 4, 5, 7, 8, 12, 13, 17, 18, 19, 20, 25, 26, 28, 32, 38, 39, 40, 41, 66 - International\n"
        "\t1, 2, 3, 4, 5, 7, 8, 12, 13, 14, 18, 19, 20, 25, 26, 28, 29, 30, 38, 39, 40, 41, 46, 48, 53, 66, 71 - USA\n"
        "Models\tSM-S921B, SM-S921B/DS, SM-S921U, SM-S921U1\n"
    )
    sheet = specsheet.parse_text(page, "s24.txt")
    assert sheet.name == "Galaxy S24" and sheet.models == ("SM-S921B", "SM-S921B/DS", "SM-S921U", "SM-S921U1")
    assert [(ln.tech, ln.label) for ln in sheet.lines] == [("gsm", ""), ("lte", "International"), ("lte", "USA")]


def test_text_before_any_field_is_an_error_that_names_the_file() -> None:
    with pytest.raises(ValueError, match=r"page\.txt.*before any field"):
        specsheet.parse_text("Samsung Galaxy S24 specs\n4G bands 1, 3", "page.txt")


def test_models_keep_a_comma_without_a_space() -> None:
    record = {"name": "iPhone 16 Pro", "models": "A3083, A3292, iPhone17,1", "network": {}}
    assert specsheet.from_record(record).models == ("A3083", "A3292", "iPhone17,1")
