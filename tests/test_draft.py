"""bot/draft.py and `devicebot kb draft`: spec-sheet text to draft entries that never guess.

The records are the shared extract's lines for real phones (gsmarena_2026_network.jsonl).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import yaml

from bot import bundle, cli, draft, specsheet

S26 = {
    "brand": "samsung",
    "name": "Galaxy S26",
    "url": "https://www.gsmarena.com/samsung_galaxy_s26_5g-14456.php",
    "announced": "2026, February 25",
    "status": "Available. Released 2026, March 06",
    "models": "SM-S942B, SM-S942B/DS, SM-S942U, SM-S942U1",
    "network": {
        "Technology": "GSM / CDMA / HSPA / EVDO / LTE / 5G",
        "2G bands": "GSM 850 / 900 / 1800 / 1900 - SIM 1 & SIM 2",
        "3G bands": "HSDPA 850 / 900 / 1700(AWS) / 1900 / 2100",
        "4G bands": "1, 2, 3, 4, 5, 7, 8, 12, 13, 17, 18, 19, 20, 25, 26, 28, 32, 38, 39, 40, 41, 66 - International",
        "5G bands": "1, 2, 3, 5, 7, 8, 12, 20, 25, 26, 28, 38, 40, 41, 66, 75, 77, 78 SA/NSA/Sub6 - International",
    },
}
M17E = {
    "brand": "samsung",
    "name": "Galaxy M17e",
    "url": "https://www.gsmarena.com/samsung_galaxy_m17e_5g-14534.php",
    "status": "Available. Released 2026, March 17",
    "models": "SM-M076B, SM-M076B/DS",
    "network": {
        "Technology": "GSM / HSPA / LTE / 5G",
        "2G bands": "GSM 850 / 900 / 1800 / 1900 - SIM 1 & SIM 2",
        "4G bands": "1, 2, 3, 4, 5, 7, 8, 12, 17, 20, 26, 28, 38, 40, 41, 66",
        "5G bands": "1, 3, 5, 7, 8, 26, 28, 40, 41, 66, 77, 78 SA/NSA/Sub6",
    },
}
A57 = {**M17E, "name": "Galaxy A57", "models": "SM-A576B, SM-A576B/DS, SM-A576U1, SM-A576W"}
PIXEL9 = {
    "brand": "google",
    "name": "Pixel 9",
    "url": "https://www.gsmarena.com/google_pixel_9-13219.php",
    "status": "Available. Released 2024, August 22",
    "models": "GUR25, G1B60, G2YBB",
    "network": {
        "Technology": "GSM / HSPA / LTE / 5G",
        "4G bands": "1, 2, 3, 4, 5, 7, 8, 12, 13, 14, 17, 18, 19, 20, 25, 26, 28, 29, 30, 38, 40, 41, 48, 66, 71"
        " - G2YBB",
    },
}


def _draft(record: dict) -> draft.Draft:
    return draft.draft(specsheet.from_record(record), record["brand"], draft.EXTRACT)


def test_a_labelled_line_goes_to_its_variant_only() -> None:
    d = _draft(S26)
    intl, *others = d.entry["variants"]
    assert intl["market"] == "International" and 66 in intl["bands"]["lte"] and 78 in intl["bands"]["nr"]
    assert intl["bands"]["gsm"] == [850, 900, 1800, 1900]  # the shared 2G line is every variant's
    assert "umts" not in intl["bands"]  # 3G in MHz is left unknown, not converted
    # The US models are on the page but their line was lost: they are listed, their bands unknown.
    assert {tuple(v["models"]): v["bands"] for v in others} == {
        ("SM-S942B", "SM-S942B/DS"): {},
        ("SM-S942U",): {},
        ("SM-S942U1",): {},
    }
    assert any("'International' name no model number" in w for w in d.warnings)
    assert d.entry["released"] == "2026-03-06" and S26["url"] in d.entry["source"]


def test_an_unlabelled_line_is_the_phone_s_when_it_has_one_model() -> None:
    (only,) = _draft(M17E).entry["variants"]
    assert only["market"] == "All models" and only["models"] == ["SM-M076B", "SM-M076B/DS"]
    assert only["bands"]["lte"][-1] == 66 and only["bands"]["nr"][0] == 1


def test_an_unlabelled_line_of_a_phone_with_several_markets_is_attached_to_none() -> None:
    d = _draft(A57)
    assert all(v["bands"] == {} for v in d.entry["variants"])
    assert "4G 1, 2, 3, 4, 5" in d.entry["note"]  # kept for the curator, not lost
    assert any("not attached to any" in w for w in d.warnings)


def test_a_line_labelled_with_a_model_number_finds_that_model() -> None:
    variants = _draft(PIXEL9).entry["variants"]
    by_model = {v["models"][0]: v for v in variants}
    assert 71 in by_model["G2YBB"]["bands"]["lte"]
    assert by_model["GUR25"]["bands"] == {} and by_model["G1B60"]["bands"] == {}
    assert "nr" not in by_model["G2YBB"]["bands"]  # the page has 5G but the extract kept no 5G line


def test_technology_without_lte_means_no_4g() -> None:
    record = {
        "brand": "acme",
        "name": "Old One",
        "models": "X1",
        "network": {"Technology": "GSM / HSPA", "2G bands": "GSM 900 / 1800"},
    }
    (only,) = _draft(record).entry["variants"]
    assert only["bands"] == {"gsm": [900, 1800], "lte": [], "nr": []}


def test_the_cli_writes_a_draft_that_validates_once_reviewed(tmp_path: Path) -> None:
    src = tmp_path / "extract.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in (S26, M17E, PIXEL9)) + "\n", encoding="utf-8")
    out = tmp_path / "draft.yaml"
    assert (
        cli.run(
            ["kb", "draft", str(src), "--name", "galaxy m17e", "--name", "G2YBB", "-o", str(out)], out=io.StringIO()
        )
        == 0
    )
    drafted = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [d["id"] for d in drafted["devices"]] == ["galaxy-m17e", "pixel-9"]
    drafted["vendors"] = [{"id": "samsung", "name": "Samsung"}, {"id": "google", "name": "Google"}]
    k = bundle.build(bundle.check_shape(drafted, str(out)))
    assert k.device("galaxy-m17e").variants[0].bands.known("lte")


def test_the_cli_says_which_name_it_did_not_find(tmp_path: Path, capsys) -> None:
    src = tmp_path / "extract.jsonl"
    src.write_text(json.dumps(S26) + "\n", encoding="utf-8")
    assert cli.run(["kb", "draft", str(src), "--name", "galaxy s99"], out=io.StringIO()) == 1
    assert "no device named 'galaxy s99'" in capsys.readouterr().err


def test_the_cli_names_the_broken_line(tmp_path: Path, capsys) -> None:
    src = tmp_path / "extract.jsonl"
    src.write_text(json.dumps(S26) + "\n{not json\n", encoding="utf-8")
    assert cli.run(["kb", "draft", str(src)], out=io.StringIO()) == 1
    assert f"{src}, line 2: not JSON" in capsys.readouterr().err


EXTRACT_FILE = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "gsmarena_2026_network.jsonl"


def test_every_record_of_the_shared_extract_drafts_and_every_band_is_accounted_for() -> None:
    """All 3,068 real records: no crash, every numbered line lands in a variant or the note, and
    every line without numbers is a warning."""
    if not EXTRACT_FILE.exists():  # CI places ../shared beside the checkout; a bare clone may not
        import pytest

        pytest.skip(f"{EXTRACT_FILE} not present")
    count = 0
    for sheet in specsheet.read_sheets(EXTRACT_FILE.read_text(encoding="utf-8"), EXTRACT_FILE.name):
        if not sheet.name:
            continue
        d = draft.draft(sheet, sheet.brand or "x", draft.EXTRACT)
        count += 1
        placed = {t for v in d.entry["variants"] for t, b in v["bands"].items() if b}
        noted = d.entry.get("note", "")
        for line in sheet.lines:
            if line.numbers:
                assert line.tech in placed or line.raw.strip() in noted, (sheet.name, line.raw)
            elif line.numbers is None:
                assert any(line.raw.strip() in w for w in d.warnings), (sheet.name, line.raw)
    assert count > 3000
