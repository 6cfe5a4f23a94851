"""Validation of knowledge bundles: every error names the file, the entry and the field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import carrier, device, make_bundle, statement, variant, vendor

from bot import bundle
from bot.bundle import KnowledgeError


def _problems(data: dict, tmp_path: Path, name: str = "b.json") -> list[str]:
    path = tmp_path / name
    path.write_text(json.dumps(data))
    with pytest.raises(KnowledgeError) as info:
        bundle.load(path)
    return [str(p) for p in info.value.problems]


BASE = {
    "vendors": [vendor("acme", "Acme")],
    "devices": [
        device(
            "acme-1",
            "acme",
            "Acme One",
            variant("acme-1-g", models=("A1G",), lte=[1, 3]),
            variant("acme-1-c", "China", models=("A1C",), lte=[1, 3, 41]),
        )
    ],
    "carriers": [carrier("c1", "US", "Carrier One", lte=([2], []))],
    "statements": [statement("s1", "acme", "US", "not_sold", "2015-02-02")],
}


def test_valid_bundle_loads(tmp_path: Path) -> None:
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(make_bundle(**BASE)))
    k = bundle.load(path)
    assert [d.id for d in k.devices] == ["acme-1"]
    assert k.devices[0].variants[1].bands.lte == {1, 3, 41}


def test_band_out_of_range_names_file_entry_and_field(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    data["devices"][0]["variants"][0]["bands"]["lte"] = [1, 300]
    [problem] = _problems(data, tmp_path)
    assert problem.startswith(f"{tmp_path / 'b.json'}: devices[0] 'acme-1'.variants[0] 'acme-1-g'.bands.lte[1]")
    assert "300 is not a valid band" in problem and "LTE band 1-106" in problem


@pytest.mark.parametrize("bad", ["3", 3.5, True])
def test_band_must_be_an_integer(tmp_path: Path, bad: object) -> None:
    data = make_bundle(**BASE)
    data["devices"][0]["variants"][0]["bands"]["nr"] = [bad]
    [problem] = _problems(data, tmp_path)
    assert "bands.nr[0]" in problem


def test_unknown_status(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    data["statements"][0]["status"] = "maybe"
    [problem] = _problems(data, tmp_path)
    assert "statements[0] 's1'.status" in problem and "'maybe' is not a status" in problem


@pytest.mark.parametrize("url", ["javascript:alert(document.domain)", "data:text/html,x", 'https://x.org/"><b'])
def test_a_source_url_must_be_a_web_address(tmp_path: Path, url: str) -> None:
    data = make_bundle(**BASE)
    data["statements"][0]["source_url"] = url
    [problem] = _problems(data, tmp_path)
    assert "statements[0] 's1'.source_url" in problem and "is not a web address" in problem


@pytest.mark.parametrize("date", ["2015-02-30", "2015-13", "Feb 2015"])
def test_bad_dates(tmp_path: Path, date: str) -> None:
    data = make_bundle(**BASE)
    data["statements"][0]["date"] = date
    [problem] = _problems(data, tmp_path)
    assert "statements[0] 's1'.date" in problem and repr(date) in problem


def test_unknown_references(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    data["devices"][0]["vendor"] = "nope"
    data["statements"][0]["device"] = "ghost"
    data["carriers"].append(carrier("m", "US", "Virtual", mvno_of="missing"))
    problems = _problems(data, tmp_path)
    assert any("devices[0] 'acme-1'.vendor: unknown vendor 'nope'" in p for p in problems)
    assert any("statements[0] 's1'.device: unknown device 'ghost'" in p for p in problems)
    assert any("carriers[1] 'm'.mvno_of: unknown host carrier 'missing'" in p for p in problems)


def test_duplicate_ids(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    data["carriers"].append(carrier("c1", "US", "Another", lte=([2], [])))
    problems = _problems(data, tmp_path)
    assert any("carriers[1] 'c1'.id: duplicate id" in p for p in problems)


def test_alias_naming_two_devices(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    data["devices"].append(device("acme-2", "acme", "Acme Two", aliases=("acme one",)))
    problems = _problems(data, tmp_path)
    assert any("devices[1] 'acme-2'.aliases: alias 'acme one' also names device 'acme-1'" in p for p in problems)


def test_a_codename_phones_share_is_allowed_but_not_one_that_is_a_phone_s_name(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    data["devices"].append(device("acme-2", "acme", "Acme Two", aliases=("roadster",), codenames=("roadrunner",)))
    data["devices"].append(device("acme-3", "acme", "Acme Three", codenames=("roadrunner",)))
    path = tmp_path / "shared.json"
    path.write_text(json.dumps(data))
    k = bundle.load(path)  # one board sold under two names
    assert k.device("acme-2").codenames == k.device("acme-3").codenames == ("roadrunner",)
    data["devices"].append(device("acme-4", "acme", "Acme Four", codenames=("roadster",)))
    [problem] = _problems(data, tmp_path)
    told = "devices[3] 'acme-4'.codenames: codename 'roadster' is also the name or an alias of device 'acme-2'"
    assert told in problem
    data["devices"][3]["codenames"] = ["Road Runner"]  # written as ROM builders write them
    [problem] = _problems(data, tmp_path)
    assert "codenames" in problem


def test_alias_collision_ignores_case_and_spacing(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    data["devices"].append(device("acme-2", "acme", "ACME  one"))
    assert any("also names device 'acme-1'" in p for p in _problems(data, tmp_path))


def test_variants_of_a_multi_variant_device_need_models(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    del data["devices"][0]["variants"][1]["models"]
    [problem] = _problems(data, tmp_path)
    assert "variants[1] 'acme-1-c'.models" in problem


def test_country_must_be_iso(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    data["carriers"][0]["country"] = "XX"
    [problem] = _problems(data, tmp_path)
    assert "carriers[0] 'c1'.country" in problem and "'XX' is not an ISO" in problem


def test_statement_device_must_belong_to_its_vendor(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    data["vendors"].append(vendor("other", "Other"))
    data["statements"][0]["vendor"] = "other"
    data["statements"][0]["device"] = "acme-1"
    [problem] = _problems(data, tmp_path)
    assert "is made by 'acme'" in problem


def test_missing_source_and_unknown_field(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    del data["devices"][0]["source"]
    data["carriers"][0]["colour"] = "pink"
    problems = _problems(data, tmp_path)
    assert any("devices[0] 'acme-1': missing required field 'source'" in p for p in problems)
    assert any("carriers[0] 'c1': unknown field 'colour'" in p for p in problems)


def test_carrier_needs_bands_or_host(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    del data["carriers"][0]["bands"]
    [problem] = _problems(data, tmp_path)
    assert "either 'bands'" in problem


def test_broken_yaml_names_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("format: devicebot-knowledge/1\nvendors:\n  - {id: acme, name: [unclosed\n")
    with pytest.raises(KnowledgeError) as info:
        bundle.load(path)
    assert str(info.value).startswith(f"{path}: line ")


def test_yaml_keeps_norway_and_dates_as_written(tmp_path: Path) -> None:
    path = tmp_path / "no.yaml"
    path.write_text(
        "format: devicebot-knowledge/1\nvendors: [{id: acme, name: Acme}]\n"
        "statements:\n  - {id: s, vendor: acme, device: null, country: NO, status: sold, quote: q,"
        " source: somewhere, date: 2015-02-02}\n"
    )
    k = bundle.load(path)
    assert (k.statements[0].country, k.statements[0].date) == ("NO", "2015-02-02")


def test_wrong_format_and_not_a_mapping(tmp_path: Path) -> None:
    assert "is not a known format" in _problems({"format": "other/2"}, tmp_path)[0]
    assert "expected a mapping" in _problems([1, 2], tmp_path)[0]


def test_folder_bundle_reports_each_file(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("format: devicebot-knowledge/1\nvendors: [{id: acme, name: Acme}]\n")
    (tmp_path / "b.yaml").write_text(
        "format: devicebot-knowledge/1\ndevices: [{id: d, vendor: nope, name: D, source: x y z,"
        " variants: [{id: dv, market: Global, bands: {lte: [1]}}]}]\n"
    )
    with pytest.raises(KnowledgeError) as info:
        bundle.load(tmp_path)
    assert str(info.value) == f"{tmp_path / 'b.yaml'}: devices[0] 'd'.vendor: unknown vendor 'nope'"


def test_round_trip_through_records(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    k = bundle.build(bundle.check_shape(data, "x"))
    again = bundle.build(bundle.check_shape(bundle.to_bundle(k), "y"))
    assert again == k
    for fmt in ("json", "yaml"):
        path = tmp_path / f"out.{fmt}"
        bundle.dump(bundle.to_bundle(k), path)
        assert bundle.load(path) == k


def test_carrier_names_are_unique_within_a_country_only(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    data["carriers"] += [
        carrier("voda-de", "DE", "Vodafone", lte=([20], [])),
        carrier("voda-gb", "GB", "Vodafone", lte=([20], [])),
    ]
    bundle.build(bundle.check_shape(data, "ok"))
    data["carriers"].append(carrier("voda-de-2", "DE", "Vodafone Germany", "vodafone", lte=([20], [])))
    [problem] = _problems(data, tmp_path)
    assert "carriers[3] 'voda-de-2'.aliases: alias 'vodafone' also names carrier 'voda-de' in DE" in problem


def test_vendor_alias_collision(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    data["vendors"].append(vendor("acme2", "Acme Two", "ACME"))
    [problem] = _problems(data, tmp_path)
    assert "vendors[1] 'acme2'.aliases: alias 'ACME' also names vendor 'acme'" in problem


def test_short_digit_only_model_numbers_are_refused(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    data["devices"][0]["variants"][0]["models"] = ["2018"]
    [problem] = _problems(data, tmp_path)
    assert "variants[0] 'acme-1-g'.models: model '2018' is only 4 digits" in problem


def test_unlisted_technology_stays_unknown_through_export(tmp_path: Path) -> None:
    data = make_bundle(
        vendors=[vendor("acme", "Acme")],
        devices=[
            device(
                "acme-1",
                "acme",
                "Acme One",
                variant("acme-1-g", models=("A1G",), nr=[78], gsm=[]),
                variant("acme-1-c", "China", models=("A1C",)),
            )
        ],
    )
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data))
    k = bundle.load(path)
    g, c = k.devices[0].variants
    assert (g.bands.known("nr"), g.bands.known("gsm"), g.bands.known("lte")) == (True, True, False)
    assert not any(c.bands.known(t) for t in ("gsm", "umts", "lte", "nr"))
    out = tmp_path / "out.json"
    bundle.dump(bundle.to_bundle(k), out)
    variants = json.loads(out.read_text())["devices"][0]["variants"]
    assert [v["bands"] for v in variants] == [{"gsm": [], "nr": [78]}, {}]


def test_year_zero_is_no_date(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    data["statements"][0]["date"] = "0000"
    [problem] = _problems(data, tmp_path)
    assert "statements[0] 's1'.date" in problem and "not a real date" in problem


@pytest.mark.parametrize(("field", "value"), [("id", "s1\n"), ("country", "US\n"), ("date", "2015-02-02\n")])
def test_a_trailing_newline_is_not_part_of_an_id_or_date(tmp_path: Path, field: str, value: str) -> None:
    data = make_bundle(**BASE)
    data["statements"][0][field] = value
    assert _problems(data, tmp_path)


def test_invisible_characters_in_names_and_nul_anywhere_are_refused(tmp_path: Path) -> None:
    data = make_bundle(**BASE)
    data["devices"][0]["aliases"] = ["acme\u200bone"]
    data["statements"][0]["quote"] = "fine\x00"
    problems = _problems(data, tmp_path)
    assert any("devices[0] 'acme-1'.aliases[0]" in p and "invisible" in p for p in problems)
    assert any("statements[0] 's1'.quote" in p and "NUL" in p for p in problems)


def test_aliases_deep_nesting_and_huge_values_are_refused_quickly(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    bomb.write_text("\n".join(lines) + "\n")
    with pytest.raises(KnowledgeError, match="anchors and aliases"):
        bundle.load(bomb)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(KnowledgeError, match="nested too deep"):
        bundle.load(deep)
    data = make_bundle(**BASE)
    data["statements"][0]["status"] = "x" * 5_000_000
    [problem] = _problems(data, tmp_path)
    assert len(problem) < 400  # the value is cut, not echoed whole


def test_the_records_have_the_shape_schema_json_defines() -> None:
    # One shape: each record has exactly one field per property of its schema definition, and a
    # property the schema requires is a field without a default.
    from dataclasses import MISSING, fields

    from bot.records import Carrier, Device, Statement, Variant, Vendor

    defs = bundle.schema()["$defs"]
    for name, cls in {
        "vendor": Vendor,
        "device": Device,
        "variant": Variant,
        "carrier": Carrier,
        "statement": Statement,
    }.items():
        own = {f.name: f for f in fields(cls)}
        assert set(own) == set(defs[name]["properties"]), name
        required = {n for n, f in own.items() if f.default is MISSING and f.default_factory is MISSING}
        assert required == set(defs[name].get("required", ())), name
