"""The rules of bot/verdicts.py, one fact at a time."""

from __future__ import annotations

from conftest import carrier, device, knowledge, statement, variant, vendor

from bot.verdicts import availability, compatibility, effective_bands


def _statements(*items: dict) -> list:
    k = knowledge(
        vendors=[vendor("acme", "Acme")], devices=[device("acme-1", "acme", "Acme One")], statements=list(items)
    )
    return list(k.statements)


def test_no_statement_is_unknown() -> None:
    result = availability([], "acme-1")
    assert (result.status, result.statement, result.scope) == ("unknown", None, None)


def test_newest_vendor_wide_statement_wins() -> None:
    sts = _statements(
        statement("old", "acme", "US", "not_sold", "2015-02-02"), statement("new", "acme", "US", "sold", "2021-06")
    )
    result = availability(sts, "acme-1")
    assert (result.status, result.statement.id, result.scope) == ("sold", "new", "vendor")


def test_device_statement_beats_newer_vendor_wide_one() -> None:
    sts = _statements(
        statement("dev", "acme", "US", "sold", "2016-01-01", device="acme-1"),
        statement("all", "acme", "US", "not_sold", "2024-01-01"),
    )
    result = availability(sts, "acme-1")
    assert (result.status, result.statement.id, result.scope) == ("sold", "dev", "device")


def test_statement_about_another_device_is_ignored() -> None:
    k = knowledge(
        vendors=[vendor("acme", "Acme")],
        devices=[device("acme-1", "acme", "Acme One"), device("acme-2", "acme", "Acme Two")],
        statements=[
            statement("two", "acme", "US", "sold", "2024-01-01", device="acme-2"),
            statement("all", "acme", "US", "not_sold", "2015-01-01"),
        ],
    )
    result = availability(k.statements, "acme-1")
    assert (result.status, result.statement.id) == ("not_sold", "all")


def test_a_vendor_wide_sale_years_after_a_phone_came_out_says_nothing_of_it() -> None:
    sts = _statements(statement("all", "acme", "US", "sold", "2025-05-01"))
    result = availability(sts, "acme-1", released="2014-09-19")
    assert (result.status, result.statement.id, result.scope) == ("unknown", "all", "later")
    # a phone of the last few years is covered
    assert availability(sts, "acme-1", released="2023-09").status == "sold"
    # counted in months, not calendar years: 2022-04 to 2025-05 is more than three years
    assert availability(sts, "acme-1", released="2022-04-20").scope == "later"
    assert availability(sts, "acme-1", released="2022-06-01").status == "sold"
    # "we do not sell phones here" holds for old phones too
    old = _statements(statement("none", "acme", "US", "not_sold", "2025-05-01"))
    assert availability(old, "acme-1", released="2014-09").status == "not_sold"


def test_vendor_question_uses_only_vendor_wide_statements() -> None:
    sts = _statements(statement("dev", "acme", "US", "sold", "2024-01-01", device="acme-1"))
    assert availability(sts, None).status == "unknown"


def _compat(var: dict, car: dict, host: dict | None = None):
    cars = [car] + ([host] if host else [])
    k = knowledge(vendors=[vendor("acme", "Acme")], devices=[device("acme-1", "acme", "Acme One", var)], carriers=cars)
    v = k.devices[0].variants[0]
    c = k.carrier(car["id"])
    return compatibility(v, c, k.carrier(c.mvno_of) if c.mvno_of else c)


TMO = carrier("tmo", "US", "T-Mobile", lte=([2, 4, 12, 66, 71], [5, 41]), nr=([41, 71, 25], [77]))


def test_full_when_every_primary_band_and_volte() -> None:
    r = _compat(variant("v", lte=[2, 4, 5, 12, 66, 71], nr=[25, 41, 71]), TMO)
    assert (r.verdict, r.lte, r.nr, r.flags) == ("full", "full", "full", ())
    assert r.missing_primary == {"lte": (), "nr": ()}


def test_issue_example_global_xiaomi_14_on_tmobile() -> None:
    r = _compat(variant("v", lte=[1, 2, 3, 4, 5, 7, 8, 12, 13, 66], nr=[1, 3, 28, 78]), TMO)
    assert (r.verdict, r.lte, r.nr) == ("partial", "partial", "none")
    assert r.missing_primary == {"lte": (71,), "nr": (25, 41, 71)}


def test_secondary_band_alone_is_partial() -> None:
    r = _compat(variant("v", lte=[41]), TMO)
    assert (r.verdict, r.lte) == ("partial", "partial")


def test_no_shared_band_and_no_legacy_is_none() -> None:
    r = _compat(variant("v", lte=[1, 3, 7, 20], nr=[]), TMO)
    assert (r.verdict, r.lte, r.nr) == ("none", "none", "none")


# A source that lists only some technologies says nothing about the others: "not recorded" must never
# turn into "does not work".
LEGACY = carrier("old", "GB", "Old Net", lte=([20], [3]), gsm=[900], umts=[1])


def test_unrecorded_lte_is_unknown_not_none() -> None:
    r = _compat(variant("v", nr=[41, 78]), TMO)
    assert (r.verdict, r.lte, r.nr) == ("unknown", "unknown", "partial")
    assert "lte" not in r.missing_primary and r.missing_primary["nr"] == (25, 71)
    assert "bands_unknown" in r.flags


def test_unrecorded_lte_with_a_legacy_network_reached_is_partial() -> None:
    r = _compat(variant("v", gsm=[900], nr=[78]), LEGACY)
    assert (r.verdict, r.lte) == ("partial", "unknown")
    assert "legacy_only" not in r.flags and "bands_unknown" in r.flags


def test_lte_none_with_unrecorded_legacy_bands_is_unknown() -> None:
    r = _compat(variant("v", lte=[7], nr=[]), LEGACY)
    assert (r.verdict, r.lte) == ("unknown", "none")
    assert r.missing_primary["lte"] == (20,)


def test_lte_none_with_recorded_legacy_bands_that_miss_is_none() -> None:
    r = _compat(variant("v", lte=[7], gsm=[850], umts=[5], nr=[]), LEGACY)
    assert (r.verdict, r.lte, "bands_unknown" in r.flags) == ("none", "none", False)


def test_empty_list_is_recorded_as_none() -> None:
    r = _compat(variant("v", lte=[], nr=[]), TMO)
    assert (r.verdict, r.lte, r.nr) == ("none", "none", "none")


def test_tech_without_carrier_bands_is_null() -> None:
    car = carrier("lteonly", "US", "LTE Only", lte=([3], []))
    r = _compat(variant("v", lte=[3], nr=[78]), car)
    assert r.nr is None and "nr" not in r.missing_primary
    assert r.verdict == "full"


def test_full_lte_without_volte_is_partial_unless_legacy() -> None:
    car = carrier("c", "DE", "Carrier", lte=([3, 20], []), gsm=[900])
    assert _compat(variant("v", volte=False, lte=[3, 20]), car).verdict == "partial"
    r = _compat(variant("v", volte=False, lte=[3, 20], gsm=[900]), car)
    assert r.verdict == "full" and r.flags == ("no_volte",)


def test_no_volte_and_no_legacy_is_partial() -> None:
    car = carrier("c", "US", "Carrier", lte=([2, 4], []))
    r = _compat(variant("v", volte=False, lte=[2, 4]), car)
    assert (r.verdict, r.flags) == ("partial", ("no_volte",))


def test_unknown_volte_is_not_counted_as_volte() -> None:
    car = carrier("c", "US", "Carrier", lte=([2, 4], []))
    r = _compat(variant("v", volte=None, lte=[2, 4]), car)
    assert (r.verdict, r.flags) == ("partial", ("volte_unknown",))


def test_legacy_only() -> None:
    car = carrier("c", "DE", "Carrier", lte=([20], []), gsm=[900], umts=[8])
    r = _compat(variant("v", lte=[1], umts=[8]), car)
    assert (r.verdict, r.lte, r.flags) == ("partial", "none", ("legacy_only",))


def test_switched_off_legacy_networks_do_not_count() -> None:
    car = carrier("c", "US", "Carrier", lte=([12], []), gsm=[], umts=[])
    r = _compat(variant("v", lte=[1], umts=[2, 5], gsm=[850, 1900]), car)
    assert r.verdict == "none"


VZW = carrier("vzw", "US", "Verizon", lte=([2, 4, 13, 66], [5]), certification=True)


def test_an_import_on_a_network_of_approved_models_needs_the_approval() -> None:
    # VoLTE-capable and every primary band: still only "partly" until the carrier approves the model.
    r = _compat(variant("v", lte=[2, 4, 13, 66]), VZW)
    assert (r.verdict, r.flags, r.native) == ("partial", ("certification_required",), None)


def test_a_model_made_for_the_country_works_without_caveats() -> None:
    # Made for the US, every primary band, VoLTE not recorded: the owner's phone works, and says so.
    made = variant("v", lte=[2, 4, 13, 66], volte=None, made_for=("US",))
    r = _compat_native(made, VZW, True)
    assert (r.verdict, r.flags, r.native) == ("full", (), True)


def test_a_model_made_for_the_country_still_needs_the_bands() -> None:
    made = variant("v", lte=[2, 4, 66], volte=None, made_for=("US",))
    r = _compat_native(made, VZW, True)
    assert (r.verdict, r.missing_primary["lte"]) == ("partial", (13,))


def test_a_model_made_for_the_country_without_volte_is_still_partial() -> None:
    made = variant("v", lte=[2, 4, 13, 66], volte=False, made_for=("US",))
    r = _compat_native(made, VZW, True)
    assert (r.verdict, r.flags) == ("partial", ("no_volte",))


def test_an_import_with_volte_works_on_an_open_network() -> None:
    r = _compat(variant("v", lte=[2, 4, 5, 12, 66, 71], nr=[25, 41, 71]), TMO)
    assert (r.verdict, r.flags) == ("full", ())
    unknown = _compat(variant("v", lte=[2, 4, 5, 12, 66, 71], volte=None), TMO)
    assert unknown.verdict == "partial" and "volte_unknown" in unknown.flags


def _compat_native(var: dict, car: dict, native: bool | None):
    k = knowledge(vendors=[vendor("acme", "Acme")], devices=[device("acme-1", "acme", "Acme One", var)], carriers=[car])
    c = k.carrier(car["id"])
    return compatibility(k.devices[0].variants[0], c, c, native)


def test_virtual_operator_uses_host_bands() -> None:
    mint = carrier("mint", "US", "Mint Mobile", mvno_of="tmo")
    r = _compat(variant("v", lte=[2, 4, 12, 66, 71], nr=[25, 41, 71]), mint, TMO)
    assert (r.carrier, r.host, r.verdict) == ("mint", "tmo", "full")


def test_contained_bands_count() -> None:
    # B66 covers B4's frequencies and B12 covers B17's: an AT&T-style primary set is met.
    att = carrier("att", "US", "AT&T", lte=([2, 4, 17], []))
    r = _compat(variant("v", lte=[2, 12, 66]), att)
    assert (r.lte, r.missing_primary["lte"]) == ("full", ())


def test_containment_is_one_way() -> None:
    # A B17-only phone does not cover a B12 network (T-Mobile's A block), nor B4 a B66 one.
    car = carrier("c", "US", "Carrier", lte=([12, 66], []))
    r = _compat(variant("v", lte=[17, 4]), car)
    assert r.missing_primary["lte"] == (12, 66)
    assert effective_bands("lte", [17]) == {17}


def test_a_suspension_of_sales_says_nothing_of_phones_released_after_it() -> None:
    # "sales and marketing of the relevant products are on hold" (2022): the phones of then
    sts = _statements(statement("halt", "acme", "DE", "suspended", "2022-08-09"))
    assert availability(sts, "acme-1", released="2021-03").status == "suspended"
    later = availability(sts, "acme-1", released="2024-01-23")
    assert (later.status, later.scope) == ("unknown", "later")
    # a maker-wide question, no phone: the suspension itself
    assert availability(sts, None).status == "suspended"
