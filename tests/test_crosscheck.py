"""Holding the knowledge's band lists against a spec-site reference table."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from conftest import device, knowledge, make_bundle, variant, vendor
from test_cli import devicebot

from bot import crosscheck
from bot.bundle import KnowledgeError

COLUMNS = ["Brand", "Model Name", "Technology", "2G bands", "3G bands", "4G bands", "5G bands", "Models"]


def row(name: str, lte: str = "", nr: str = "", gsm: str = "", models: str = "", umts: str = "") -> dict[str, str]:
    return {
        "Brand": name.split()[0].lower(),
        "Model Name": name,
        "Technology": "GSM / HSPA / LTE",
        "2G bands": gsm,
        "3G bands": umts,
        "4G bands": lte,
        "5G bands": nr,
        "Models": models,
    }


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
    return path


VENDORS = [vendor("acme", "Acme"), vendor("zeta", "Zeta")]


def test_rows_parse_numbers_gsm_and_the_kept_line() -> None:
    refs = crosscheck.parse_rows(
        [
            row(
                "Acme One",
                lte="1, 3, 7, 20 - EU",
                nr="1, 78 SA/NSA/Sub6",
                gsm="GSM 850 / 900 / 1800 / 1900 - SIM 1 & SIM 2",
            ),
            row("Acme Old", lte="LTE 800 / 1800 / 2600", nr="SA/NSA", umts="HSDPA 900 / 2100"),  # no band numbers
            row("Acme Cdma", gsm="CDMA 800 / 1900", lte="2, 4, 13", models="A-1, A-2"),
        ],
        "ref.csv",
    )
    assert [r.name for r in refs] == ["Acme One", "Acme Cdma"]
    one, cdma = refs
    assert one.bands == {"gsm": {850, 900, 1800, 1900}, "lte": {1, 3, 7, 20}, "nr": {1, 78}}
    assert one.scope == "EU"
    assert (one.row, cdma.row) == (2, 4)
    assert cdma.bands == {"lte": {2, 4, 13}} and cdma.models == ("A-1", "A-2")


def test_agreement_and_a_difference_by_model_number() -> None:
    k = knowledge(
        vendors=VENDORS,
        devices=[
            device("acme-one", "acme", "One", variant("one-g", "Global", ("AX1",), lte=[1, 3, 7, 20])),
            device("acme-two", "acme", "Two", variant("two-g", "Global", ("AX2",), lte=[1, 3, 5], nr=[78])),
        ],
    )
    refs = crosscheck.parse_rows(
        [
            row("Acme One", lte="1, 3, 7, 20", models="AX1"),
            row("Acme Two (2024)", lte="1, 3, 8", nr="78", models="AX2"),
        ],
        "ref.csv",
    )
    report = crosscheck.compare(k, refs)
    by_device = {c.device_id: c for c in report.comparisons}
    assert by_device["acme-one"].agrees
    two = by_device["acme-two"]
    assert two.matched_by == "model AX2"
    assert two.differences == (crosscheck.Difference("lte", (5,), (8,)),)
    text = crosscheck.render(report, "ref.csv")
    assert "2 comparisons: 1 agree, 1 differ" in text
    assert "4G: only here B5; only in the reference B8" in text
    assert "acme-one" not in text.split("\n", 2)[2]  # agreeing devices are not listed


def test_unrecorded_technology_is_not_compared() -> None:
    # The knowledge has only 5G (the source gave 5G only): the reference's 4G list says nothing against it.
    k = knowledge(
        vendors=VENDORS, devices=[device("acme-one", "acme", "One", variant("v", "Global", ("AX1",), nr=[78]))]
    )
    refs = crosscheck.parse_rows([row("Acme One", lte="1, 3", nr="78", models="AX1")], "ref.csv")
    (c,) = crosscheck.compare(k, refs).comparisons
    assert c.agrees


def test_a_kept_regional_line_is_held_only_against_that_region() -> None:
    k = knowledge(
        vendors=VENDORS,
        devices=[
            device(
                "acme-one",
                "acme",
                "One",
                variant("one-eu", "Europe / Global", ("AX1E",), lte=[1, 3, 7, 20]),
                variant("one-na", "North America", ("AX1U",), lte=[2, 4, 12, 66, 71]),
            )
        ],
    )
    refs = crosscheck.parse_rows([row("Acme One", lte="1, 3, 7, 20 - EU", models="AX1E, AX1U")], "ref.csv")
    report = crosscheck.compare(k, refs)
    assert [(c.variant_id, c.agrees) for c in report.comparisons] == [("one-eu", True)]


def test_name_match_needs_a_single_variant() -> None:
    k = knowledge(
        vendors=VENDORS,
        devices=[
            device("zeta-s", "zeta", "S", variant("s", "Global", lte=[1, 3])),
            device("zeta-w", "zeta", "W", variant("w", "Global", lte=[1])),
            device(
                "zeta-t",
                "zeta",
                "T",
                variant("t1", "China", ("T1",), lte=[1]),
                variant("t2", "India", ("T2",), lte=[3]),
            ),
            device("zeta-u", "zeta", "U", variant("u", "Global", lte=[1])),
            # Only one variant has bands, but the row could be the other one's line.
            device("zeta-v", "zeta", "V", variant("v1", "China", ("V1",), lte=[1]), variant("v2", "India", ("V2",))),
        ],
    )
    refs = crosscheck.parse_rows(
        [
            row("Zeta S", lte="1, 3"),
            row("Zeta T", lte="1, 3"),
            row("Zeta V", lte="3"),
            row("Zeta W (Zeta 5X)", lte="1"),
        ],
        "ref.csv",
    )
    report = crosscheck.compare(k, refs)
    assert [(c.device_id, c.matched_by) for c in report.comparisons] == [("zeta-s", "name"), ("zeta-w", "name")]
    assert report.ambiguous == ("zeta-t", "zeta-v")
    assert report.unmatched_devices == ("zeta-u",)


def test_a_row_found_under_two_names_is_compared_once() -> None:
    k = knowledge(
        vendors=VENDORS,
        devices=[device("zeta-w", "zeta", "W", variant("w", "Global", lte=[1]), aliases=("zeta w (zeta 5x)",))],
    )
    refs = crosscheck.parse_rows([row("Zeta W (Zeta 5X)", lte="1")], "ref.csv")
    assert [c.device_id for c in crosscheck.compare(k, refs).comparisons] == ["zeta-w"]


def test_missing_columns_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("Brand,Model\nacme,One\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        crosscheck.read_reference(bad)
    assert str(bad) in str(err.value) and "Model Name" in str(err.value)


def test_cli_checks_the_database_or_a_bundle(tmp_path: Path) -> None:
    data = make_bundle(
        vendors=VENDORS, devices=[device("acme-one", "acme", "One", variant("v", "Global", ("AX1",), lte=[1, 3]))]
    )
    bundle_file = tmp_path / "b.json"
    bundle_file.write_text(json.dumps(data))
    ref = write_csv(tmp_path / "ref.csv", [row("Acme One", lte="1, 3, 28", models="AX1")])
    db = tmp_path / "kb.db"
    assert devicebot("kb", "import", "--replace", str(bundle_file), db=db).returncode == 0

    from_db = devicebot("kb", "crosscheck", str(ref), db=db)
    assert from_db.returncode == 0, from_db.stderr
    assert "acme-one / v" in from_db.stdout and "only in the reference B28" in from_db.stdout

    as_json = devicebot("kb", "crosscheck", str(ref), "--bundle", str(bundle_file), "--json", db=tmp_path / "unused.db")
    assert as_json.returncode == 0, as_json.stderr
    (c,) = json.loads(as_json.stdout)["comparisons"]
    assert c["differences"] == [{"tech": "lte", "only_here": [], "only_reference": [28]}]

    missing = devicebot("kb", "crosscheck", str(tmp_path / "nope.csv"), db=db)
    assert missing.returncode != 0 and "nope.csv" in missing.stderr


def test_a_kept_model_line_is_held_only_against_that_model() -> None:
    k = knowledge(
        vendors=VENDORS,
        devices=[
            device(
                "acme-xa",
                "acme",
                "XA",
                # Markets named by model number share no region with each other.
                variant("xa-f3111", "F3111", ("F3111",), lte=[1, 3, 20]),
                variant("xa-f3113", "F3113", ("F3113",), lte=[2, 4, 12]),
            ),
            device(
                "acme-a70",
                "acme",
                "A70",
                variant("a70-global", "Global", ("SM-A705F",), lte=[1, 3]),
                variant("a70-canada", "Canada", ("SM-A705W",), lte=[2, 4]),
            ),
        ],
    )
    refs = crosscheck.parse_rows(
        [
            row("Acme XA", lte="1, 3, 20 - F3111", models="F3111, F3113"),
            row("Acme A70", lte="1, 3, 28 - SM-A705YN/DS", models="SM-A705F, SM-A705W, SM-A705YN"),
        ],
        "ref.csv",
    )
    report = crosscheck.compare(k, refs)
    assert [(c.variant_id, c.agrees) for c in report.comparisons] == [("xa-f3111", True)]
    assert report.other_model == ("acme-a70",)
    assert "kept only the line of a model not recorded here): acme-a70" in crosscheck.render(report, "ref.csv")
    assert crosscheck.to_dict(report)["other_model_devices"] == ["acme-a70"]


def test_a_model_line_without_the_makers_prefix_still_names_the_model() -> None:
    k = knowledge(
        vendors=VENDORS,
        devices=[
            device(
                "acme-s6",
                "acme",
                "S6",
                variant("s6-t", "SM-G928T", ("SM-G928T",), lte=[2, 4, 12]),
                variant("s6-i", "SM-G928I", ("SM-G928I",), lte=[1, 3, 5]),
            )
        ],
    )
    refs = crosscheck.parse_rows([row("Acme S6", lte="2, 4, 12 - G928T", models="SM-G928T, SM-G928I")], "ref.csv")
    report = crosscheck.compare(k, refs)
    assert [(c.variant_id, c.agrees) for c in report.comparisons] == [("s6-t", True)]


def test_the_2026_extract_s_json_lines_are_a_reference(tmp_path: Path) -> None:
    # The first line of each band field, with its label, as gsmarena_2026_network.jsonl keeps them.
    record = {
        "brand": "acme",
        "name": "One",
        "models": "AX1B, AX1U",
        "network": {"2G bands": "GSM 900 / 1800 - SIM 1 & SIM 2", "4G bands": "1, 3, 28 - International"},
    }
    ref_file = tmp_path / "ref.jsonl"
    ref_file.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (ref,) = crosscheck.read_reference(ref_file)
    assert ref.bands == {"gsm": frozenset({900, 1800}), "lte": frozenset({1, 3, 28})} and ref.scope == "International"
    k = knowledge(
        vendors=VENDORS,
        devices=[
            device(
                "acme-one",
                "acme",
                "One",
                variant("acme-one-intl", "International", ("AX1B",), lte=[1, 3]),
                variant("acme-one-us", "US", ("AX1U",), lte=[2, 4, 66]),
            )
        ],
    )
    report = crosscheck.compare(k, [ref])
    # Held only against the variant its label names: the US model is not a "difference".
    assert [(c.variant_id, c.differences[0].only_reference) for c in report.comparisons] == [("acme-one-intl", (28,))]
    ref_file.write_text("{broken\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"ref\.jsonl, line 1: not JSON"):
        crosscheck.read_reference(ref_file)


def test_a_difference_the_curator_explained_is_marked_and_listed_last() -> None:
    explained = variant("acme-one-v", "Global", ("AX1",), lte=[1, 3])
    explained["note"] = "kb crosscheck: the reference's B28 is the China model's; Acme's own page lists B1 and B3."
    k = knowledge(
        vendors=VENDORS,
        devices=[
            device("acme-one", "acme", "One", explained),
            device("zeta-two", "zeta", "Two", variant("zeta-two-v", "Global", ("ZX2",), lte=[1])),
        ],
    )
    refs = [
        crosscheck.Reference(2, "Acme One", ("AX1",), {"lte": frozenset({1, 3, 28})}),
        crosscheck.Reference(3, "Zeta Two", ("ZX2",), {"lte": frozenset({1, 7})}),
    ]
    report = crosscheck.compare(k, refs)
    assert {c.device_id: c.explained for c in report.comparisons} == {"acme-one": True, "zeta-two": False}
    text = crosscheck.render(report, "ref.jsonl")
    assert "2 differ (1 explained in the entry's note)" in text
    assert text.index("zeta-two / zeta-two-v") < text.index("(explained) acme-one / acme-one-v")
