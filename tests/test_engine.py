"""Questions in, structured answers out: scope, both computations, the JSON contract."""

from __future__ import annotations

import json
from typing import Any

from conftest import as_dict, carrier, device, engine, say, statement, variant, vendor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import Engine

E = engine(
    vendors=[vendor("xiaomi", "Xiaomi", "redmi"), vendor("google", "Google")],
    devices=[
        device(
            "xiaomi-14",
            "xiaomi",
            "Xiaomi 14",
            variant(
                "xiaomi-14-global",
                "Global",
                ("23127PN0CG",),
                lte=[1, 2, 3, 4, 5, 7, 8, 12, 13, 66],
                nr=[1, 3, 28, 78],
                gsm=[850, 900, 1800, 1900],
                umts=[1, 2, 4, 5, 8],
            ),
            variant(
                "xiaomi-14-china",
                "China",
                ("23127PN0CC",),
                lte=[1, 3, 5, 8, 34, 38, 39, 40, 41],
                nr=[1, 3, 28, 41, 78, 79],
            ),
        ),
        device("pixel-9", "google", "Pixel 9", variant("p9", lte=[2, 4, 12, 66, 71], nr=[25, 41, 71, 77])),
    ],
    carriers=[
        carrier("tmobile-us", "US", "T-Mobile", "tmo", lte=([2, 4, 12, 66, 71], [5, 41]), nr=([41, 71, 25], [77])),
        carrier("verizon-us", "US", "Verizon", lte=([2, 4, 13, 66], [5]), nr=([77], [5]), certification=True),
        carrier("mint-us", "US", "Mint Mobile", "mint", mvno_of="tmobile-us"),
        carrier("ee-gb", "GB", "EE", lte=([1, 3, 7, 20], []), gsm=[1800]),
    ],
    statements=[
        statement(
            "xiaomi-us-2015",
            "xiaomi",
            "US",
            "not_sold",
            "2015-02-02",
            quote="There are no plans to sell smartphones through any authorized distributors in the US.",
        )
    ],
)


def as_json(question: str) -> dict:
    return json.loads(json.dumps(as_dict(E, E.answer(question))))


def test_availability_answer_has_the_statement_and_source() -> None:
    a = as_json("Is the Xiaomi 14 sold in the US?")
    assert a["intent"] == "availability" and a["country"] == "US"
    assert a["device"] == {"id": "xiaomi-14", "name": "Xiaomi 14", "vendor": "xiaomi"}
    assert a["availability"]["status"] == "not_sold" and a["availability"]["scope"] == "vendor"
    assert a["availability"]["statement"]["date"] == "2015-02-02"
    assert "no plans to sell smartphones" in a["answer"] and "test fixture" in a["answer"]
    assert a["answer"].index("Sold in") < a["answer"].index("Works in")  # leads with what was asked


def test_country_scope_evaluates_every_network_and_variant() -> None:
    a = as_json("will the xiaomi 14 work in the us")
    pairs = {(c["variant"], c["carrier"]) for c in a["compatibility"]}
    assert pairs == {(v, c) for v in ("xiaomi-14-global", "xiaomi-14-china") for c in ("tmobile-us", "verizon-us")}
    assert a["variants"] == ["xiaomi-14-global", "xiaomi-14-china"] and a["carrier"] is None
    assert a["answer"].index("Works in") < a["answer"].index("Sold in")


def test_the_china_model_lacks_bands_the_global_one_has() -> None:
    # Both are imports on a network of approved models: "partly" for both, but only one lacks bands.
    a = as_json("xiaomi 14 on verizon")
    verdicts = {c["variant"]: (c["verdict"], bool(c["missing_primary"]["lte"])) for c in a["compatibility"]}
    assert verdicts == {"xiaomi-14-global": ("partial", False), "xiaomi-14-china": ("partial", True)}
    assert "Global (23127PN0CG) model" in a["answer"] and "China (23127PN0CC) model" in a["answer"]
    assert all("certification_required" in c["flags"] for c in a["compatibility"])


def test_model_number_selects_one_variant() -> None:
    a = as_json("23127PN0CC on tmo")
    assert a["variants"] == ["xiaomi-14-china"]
    assert [c["variant"] for c in a["compatibility"]] == ["xiaomi-14-china"]


def test_virtual_operator_answers_with_its_host() -> None:
    a = as_json("pixel 9 on mint")
    [c] = a["compatibility"]
    assert (c["carrier"], c["via"], c["verdict"]) == ("mint-us", "tmobile-us", "full")
    assert a["carrier"] == {"id": "mint-us", "name": "Mint Mobile"} and a["country"] == "US"
    assert "uses T-Mobile's network" in a["answer"]


def test_a_virtual_operator_asked_beside_a_network_is_answered_with_its_host() -> None:
    # "mint" is an everyday word; beside another network of its country, it is the operator asked about
    for q in ("is mint on tmobile", "is mint on verizon", "what network is mint on"):
        a = as_json(q)
        assert (a["intent"], a["carrier"]["id"], a["device"]) == ("bands", "mint-us", None), q
        assert a["answer"].startswith("Mint Mobile uses T-Mobile's network."), q
    # a phone left unnamed is the question's subject, not the networks
    assert as_json("does it work on mint or tmobile")["intent"] != "bands"
    assert as_json("pixel 9 on mint or tmobile")["device"]["id"] == "pixel-9"


def test_a_band_a_network_uses_for_5g_only_is_said_so() -> None:
    # T-Mobile's n41 is a main 5G band; its LTE list has no B41 (here: only a secondary one elsewhere)
    assert "🟢 **n77?** yes." in as_json("does verizon use band 77")["answer"]
    assert "not for 4G, but for 5G: n25" in as_json("does tmobile use band 25")["answer"]


def test_missing_primary_bands_are_reported() -> None:
    a = as_json("xiaomi 14 on tmo")
    glob = next(c for c in a["compatibility"] if c["variant"] == "xiaomi-14-global")
    assert glob["missing_primary"] == {"lte": [71], "nr": [25, 41, 71]}
    assert "missing B71" in a["answer"]


def test_bands_question() -> None:
    a = as_json("what bands does the xiaomi 14 support")
    assert a["intent"] == "bands"
    assert [b["variant"] for b in a["bands"]] == ["xiaomi-14-global", "xiaomi-14-china"]
    assert a["bands"][1]["bands"]["nr"] == [1, 3, 28, 41, 78, 79]
    assert "n79" in a["answer"]


def test_bands_the_source_does_not_list_are_null_not_empty() -> None:
    a = as_json("what bands does the 23127PN0CC have")
    assert a["bands"][0]["bands"]["gsm"] is None and a["bands"][0]["bands"]["lte"] == [1, 3, 5, 8, 34, 38, 39, 40, 41]
    assert "2G: not recorded" in a["answer"]


def test_unknown_device_says_so_with_suggestions() -> None:
    a = as_json("is the redmi note 12 pro sold in the us")
    assert a["device"] is None and a["compatibility"] == []
    assert a["vendor"] == {"id": "xiaomi", "name": "Xiaomi"}  # the statement covers all Xiaomi phones
    assert a["availability"]["status"] == "not_sold"
    assert "don't know" in a["answer"]


def test_no_device_and_no_vendor_gets_neither_answer() -> None:
    a = as_json("will it work on tmo in the us")
    assert (a["device"], a["vendor"], a["availability"], a["compatibility"]) == (None, None, None, [])
    assert a["carrier"]["id"] == "tmobile-us"


def test_no_statement_is_unknown_not_guessed() -> None:
    a = as_json("is the pixel 9 sold in the uk")
    assert a["availability"] == {"status": "unknown", "scope": None, "statement": None}
    assert "I don't know" in a["answer"]


def test_device_without_scope_asks_for_a_carrier() -> None:
    a = as_json("will the pixel 9 work")
    assert a["compatibility"] == [] and "carrier or a country" in a["answer"]


def test_a_sale_question_without_a_country_asks_for_one() -> None:
    a = as_json("is the pixel 9 available?")
    assert a["availability"] is None and "Tell me a country" in a["answer"]


def test_mentions_never_survive() -> None:
    for q in ("@everyone pixel 9 on tmo", "pixel 9 @here", "<@&123456> xiaomi 14 sold in us", "@EVERYONE"):
        text = say(E, q)
        assert "@everyone" not in text.lower() and "@here" not in text.lower() and "<@&" not in text


def test_defuse_mentions_in_knowledge_text() -> None:
    from bot.present.phrases import defuse_mentions

    assert defuse_mentions("hi @everyone and @here <@123> <@&9> <#5>") == (
        "hi @\u200beveryone and @\u200bhere <\u200b@\u200b123> <\u200b@\u200b&9> <\u200b#5>"
    )


def test_json_contract_keys() -> None:
    a = as_json("xiaomi 14 on tmo")
    assert list(a) == [
        "question",
        "intent",
        "device",
        "vendor",
        "variants",
        "country",
        "origin",
        "region",
        "carrier",
        "availability",
        "region_sales",
        "compatibility",
        "also",
        "also_sold",
        "bands",
        "bands_asked",
        "suggestions",
        "each",
        "confidence",
        "headline",
        "answer",
        "unknown_model",
        "unknown_network",
        "imei_given",
        "locked",
        "maker_unknown_phones",
        "networks",
    ]
    assert 0 < a["confidence"] <= 1


def test_a_model_number_nobody_lists_is_named_not_guessed() -> None:
    a = as_json("SM-S921U on tmo?")
    assert (a["device"], a["unknown_model"], a["carrier"]["id"]) == (None, "SM-S921U", "tmobile-us")
    assert "I don't know the model number **SM-S921U** yet." in a["answer"]
    for question in ("iphone16 on tmo", "xiaomi 14 on tmo", "is the S24 sold in the US", "23127PN0CC on tmo"):
        assert as_json(question)["unknown_model"] is None, question


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_text_gets_an_answer_without_pings(question: str) -> None:
    answer = E.answer(question)
    lowered = as_dict(E, answer)["answer"].lower()
    assert "@everyone" not in lowered and "@here" not in lowered
    assert as_dict(E, answer)["question"] == question


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "xiaomi",
                "14",
                "pixel",
                "9",
                "on",
                "tmo",
                "sold",
                "in",
                "us",
                "@everyone",
                "🔥",
                "redmi",
                "note",
                "pro",
                "+",
                "SM-S921U",
                "23127PN0CC",
                "mint",
                "UK",
                "a",
            ]
        ),
        max_size=12,
    )
)
def test_word_salad_never_names_a_device_it_was_not_given(words: list[str]) -> None:
    answer = E.answer(" ".join(words))
    named = {"xiaomi-14": {"xiaomi", "14"}, "pixel-9": {"pixel", "9"}}
    if answer.device in named:
        assert named[answer.device] <= set(words) or {"SM-S921U", "23127PN0CC"} & set(words)


def test_a_model_of_a_market_not_recorded_is_said_so() -> None:
    eng = engine(
        vendors=[vendor("apple", "Apple", "iphone")],
        devices=[device("iphone-16", "apple", "iPhone 16", variant("i16-sg", "Singapore", ("A3287",), lte=[3, 5, 40]))],
        carriers=[carrier("jio-in", "IN", "Jio", "jio", lte=([3, 5, 40], []))],
    )
    us = eng.answer("a us iphone 16 on jio?")
    assert us.origin == "US" and us.origin_unrecorded
    assert "no record of the iPhone 16 made for the United States" in as_dict(eng, us)["answer"]
    singapore = eng.answer("a singapore iphone 16 on jio?")
    assert singapore.origin == "SG" and not singapore.origin_unrecorded
    assert "no record" not in as_dict(eng, singapore)["answer"]


def test_a_post_that_asks_something_else_is_declined_briefly() -> None:
    rooted = E.answer("how do i root my xiaomi 14?")
    assert rooted.intent == "other" and rooted.compatibility == () and rooted.availability is None
    assert as_dict(E, rooted)["answer"].startswith("I can't help with that about the **Xiaomi 14**. I can tell whether")
    maker = E.answer("how do i root a xiaomi?")
    assert as_dict(E, maker)["answer"].startswith("I can't help with that. I can tell whether")
    # A phone we do not know still gets its "did you mean", so the asker can say which one.
    assert say(E, "how do i root a xiaomi 15?") == "I don't know that exact phone. Did you mean: **Xiaomi 14**?"


MADE_FOR = engine(
    vendors=[vendor("acme", "Acme"), vendor("mi", "Mi")],
    devices=[
        device(
            "acme-s1",
            "acme",
            "Acme S1",
            variant("acme-s1-intl", "International", ("S1B",), volte=None, made_for=("Global",), lte=[2, 4, 13, 66]),
            variant("acme-s1-us", "US", ("S1U",), volte=None, made_for=("US",), lte=[2, 4, 13, 66]),
        ),
        device("mi-1", "mi", "Mi One", variant("mi-1-global", "Global", volte=None, made_for=("Global",), lte=[1, 3])),
    ],
    carriers=[
        carrier("vzw", "US", "Verizon", "vzw", lte=([2, 4, 13, 66], []), certification=True),
        carrier("tel", "DE", "Telekom", lte=([1, 3], []), certification=True),
    ],
    statements=[statement("mi-de", "mi", "DE", "not_sold", "2020-01-01")],
)


def test_the_model_made_for_the_country_works_and_the_import_needs_approval() -> None:
    # Same bands, one made for the US, one an import there: only the import carries the caveat.
    a = as_dict(MADE_FOR, MADE_FOR.answer("acme s1 on verizon"))
    assert a["compatibility"][0]["variant"] == "acme-s1-us"  # the owner's model leads
    cells = {c["variant"]: (c["verdict"], c["made_for_country"], c["flags"]) for c in a["compatibility"]}
    assert cells == {
        "acme-s1-us": ("full", True, []),
        "acme-s1-intl": ("partial", False, ["certification_required", "volte_unknown"]),
    }


def test_a_global_model_is_not_made_for_a_country_its_vendor_does_not_sell_in() -> None:
    a = as_dict(MADE_FOR, MADE_FOR.answer("mi one on telekom"))
    (cell,) = a["compatibility"]
    assert (cell["verdict"], cell["made_for_country"]) == ("partial", False)


def test_an_origin_with_several_models_answers_for_them() -> None:
    # "a US galaxy": both US models are checked, not the International one beside them
    e = engine(
        vendors=[vendor("samsung", "Samsung", "galaxy")],
        devices=[
            device(
                "galaxy-s24",
                "samsung",
                "Galaxy S24",
                variant("s24-us", "US unlocked", ("SM-S921U1",), lte=[2, 4, 71]),
                variant("s24-us-carrier", "US carrier", ("SM-S921U",), lte=[2, 4, 71]),
                variant("s24-intl", "International", ("SM-S921B",), lte=[1, 3, 20]),
            )
        ],
        carriers=[carrier("ee-gb", "GB", "EE", lte=([1, 3, 20], []))],
    )
    answer = e.answer("a us galaxy s24 on ee?")
    assert answer.variants == ("s24-us", "s24-us-carrier")
    assert {c.variant for c in answer.compatibility} == {"s24-us", "s24-us-carrier"}


GLOBAL = ("Global",)


def _us_market(*statements_: dict[str, Any]) -> Engine:
    """Acme makes US models of its phones (the S1 has one); its S2 has a Global model only, as has
    Beta's B1. Verizon serves only the models it approved."""
    return engine(
        vendors=[vendor("acme", "Acme"), vendor("beta", "Beta")],
        devices=[
            device(
                "acme-s1",
                "acme",
                "Acme S1",
                variant("acme-s1-intl", "International", ("S1B",), volte=None, made_for=("Global",), lte=[2, 4, 13]),
                variant("acme-s1-us", "US", ("S1U",), volte=None, made_for=("US",), lte=[2, 4, 13]),
            ),
            device(
                "acme-s2",
                "acme",
                "Acme S2",
                variant("s2-g", "Global", volte=None, made_for=("Global",), lte=[2, 4, 13]),
            ),
            device(
                "beta-b1",
                "beta",
                "Beta B1",
                variant("b1-g", "Global", volte=None, made_for=("Global",), lte=[2, 4, 13]),
            ),
        ],
        carriers=[
            carrier("vzw", "US", "Verizon", "vzw", lte=([2, 4, 13], []), certification=True),
            carrier("tel", "DE", "Telekom", lte=([2, 4, 13], []), certification=True),
        ],
        statements=list(statements_),
    )


def test_a_global_model_of_a_maker_with_models_of_its_own_for_the_country_is_an_import_there() -> None:
    # "galaxy s20 on verizon": Samsung sells in the US, but its US phones are US models; the
    # Galaxy S20 4G (SM-G980F) has none, so it is an import that Verizon must approve.
    e = _us_market(statement("acme-us", "acme", "US", "sold", "2013-03-01"))
    (cell,) = as_dict(e, e.answer("acme s2 on verizon"))["compatibility"]
    assert (cell["verdict"], cell["made_for_country"], cell["flags"][0]) == ("partial", False, "certification_required")


def test_a_global_model_is_an_import_where_phones_have_models_of_their_own_and_no_word_says_it_is_sold() -> None:
    # "realme gt 2 pro on verizon": nobody said realme sells in the US
    e = _us_market()
    (cell,) = as_dict(e, e.answer("beta b1 on verizon"))["compatibility"]
    assert (cell["verdict"], cell["made_for_country"]) == ("partial", False)
    # The maker's word that it sells there makes its Global model the country's own
    e = _us_market(statement("beta-us", "beta", "US", "sold", "2020-01-01"))
    (cell,) = as_dict(e, e.answer("beta b1 on verizon"))["compatibility"]
    assert (cell["verdict"], cell["made_for_country"]) == ("full", True)


def test_where_phones_have_no_models_of_their_own_a_global_model_stays_the_countrys() -> None:
    # Germany: no phone here has a German model, so the Global one is what is sold there
    e = _us_market()
    (cell,) = as_dict(e, e.answer("beta b1 on telekom"))["compatibility"]
    assert (cell["verdict"], cell["made_for_country"]) == ("full", True)


def test_a_model_whose_market_nobody_recorded_does_not_stand_for_a_maker_s_word_of_sale() -> None:
    # "realme 16 pro on verizon": a model with no market beside the Global one may be the US's, but
    # with no word that realme sells in the US the Global model is still an import there
    e = engine(
        vendors=[vendor("acme", "Acme"), vendor("beta", "Beta")],
        devices=[
            device(
                "acme-s1", "acme", "Acme S1", variant("s1-us", "US", ("S1U",), volte=None, made_for=("US",), lte=[2])
            ),
            device(
                "beta-b1",
                "beta",
                "Beta B1",
                variant("b1-g", "Global", ("B1G",), volte=None, made_for=GLOBAL, lte=[2, 4, 13]),
                variant("b1-x", "B1X", ("B1X",), volte=None, lte=[2, 4, 13]),
            ),
        ],
        carriers=[carrier("vzw", "US", "Verizon", "vzw", lte=([2, 4, 13], []), certification=True)],
    )
    cells = {c["variant"]: c["made_for_country"] for c in as_dict(e, e.answer("beta b1 on verizon"))["compatibility"]}
    assert cells["b1-g"] is False
