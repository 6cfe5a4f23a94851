"""What an answer says (bot/present/): short citations, the gist of notes, plain English, the question
answered first."""

from __future__ import annotations

from typing import Any

from conftest import as_dict, carrier, device, engine, say, statement, variant, vendor

from bot.present.phrases import cite, gist


def test_cite_keeps_the_first_address() -> None:
    source = "FierceWireless, https://example.org/a-story. ; also https://example.net/b (copy)"
    assert cite(source) == "https://example.org/a-story"


def test_cite_keeps_brackets_that_belong_to_the_address() -> None:
    source = "GSMArena, https://www.gsmarena.com/motorola_moto_g_power_(2025)-13526.php, read from an extract"
    assert cite(source) == "https://www.gsmarena.com/motorola_moto_g_power_(2025)-13526.php"
    assert cite("(see https://example.org/x) and more") == "https://example.org/x"


def test_cite_shortens_a_source_without_address() -> None:
    assert cite("Xiaomi press release") == "Xiaomi press release"
    assert cite("word " * 100).endswith("…") and len(cite("word " * 100)) <= 160


def test_gist_drops_addresses_and_keeps_whole_sentences() -> None:
    note = "3G closed 2024 (finder https://x.example/y). Voice needs VoLTE. " + "More detail here. " * 30
    out = gist(note)
    assert "http" not in out and out.startswith("3G closed 2024. Voice needs VoLTE.") and out.endswith(".")
    assert len(out) <= 280


E = engine(
    vendors=[vendor("acme", "Acme")],
    devices=[
        device(
            "acme-1",
            "acme",
            "Acme One",
            variant("acme-1-cn", "China", ("A1C",), lte=[1, 3]),
        )
    ],
    carriers=[carrier("globe-ph", "PH", "Globe", lte=([1, 3], []))],
    statements=[statement("s1", "acme", "PH", "sold", "2024-01-01")],
)


def test_countries_that_take_the_and_the_market_of_a_single_regional_model() -> None:
    text = say(E, "is the acme one sold in the philippines")
    assert "Sold in the Philippines?" in text
    assert "**Acme One** (China model, A1C)" in text


def test_one_carrier_is_on_a_whole_country_is_in() -> None:
    assert "**Works on Globe?**" in say(E, "acme one on globe")
    assert "**Works in the Philippines?**" in say(E, "acme one in the philippines")


E2 = engine(
    vendors=[vendor("acme", "Acme")],
    devices=[
        device(
            "acme-2",
            "acme",
            "Acme Two",
            variant("acme-2-g", "Global", ("A2G",), lte=[1, 3], nr=[]),
            {"id": "acme-2-us", "market": "US", "models": ["A2U"], "bands": {}},
            {"id": "acme-2-jp", "market": "Japan", "models": ["A2J"], "bands": {}},
        )
    ],
    carriers=[carrier("globe-ph", "PH", "Globe", lte=([1, 3], []))],
)


def test_models_without_bands_share_one_line_and_are_not_credited_to_a_source() -> None:
    text = say(E2, "acme two on globe")
    lines = text.splitlines()
    # The question answered first, in words; models with the same verdict said together.
    assert lines[1:4] == [
        "**Works on Globe?**",
        "🟢 The Global (A2G) model works.",
        "⚪ The US (A2U) and Japan (A2J) models are unknown (bands not recorded).",
    ]
    assert "US / Japan: not recorded yet" in text


def test_a_single_regional_model_is_not_presented_as_the_whole_phone() -> None:
    assert "Only the China model is in my knowledge" in say(E, "acme one on globe")


def test_a_statement_note_is_shown_with_the_quote() -> None:
    s = statement("s2", "acme", "JP", "discontinued", "2022-03-01")
    s["note"] = "Acme said later that nothing is decided about a return (https://example.org/later)."
    e = engine(vendors=[vendor("acme", "Acme")], devices=[device("acme-1", "acme", "Acme One")], statements=[s])
    text = say(e, "is the acme one sold in japan")
    assert "_Acme said later that nothing is decided about a return._" in text


def test_words_that_are_not_the_vendor_s_are_attributed_to_who_said_them() -> None:
    s = statement("s3", "acme", "ID", "not_sold", "2024-10-31", quote="Not to be traded in Indonesia.")
    s["speaker"] = "Indonesia's Ministry of Industry (regulator)"
    e = engine(vendors=[vendor("acme", "Acme")], devices=[device("acme-1", "acme", "Acme One")], statements=[s])
    text = say(e, "is the acme one sold in indonesia")
    assert "— Indonesia's Ministry of Industry (regulator), 2024-10-31" in text and "— Acme," not in text


E3 = engine(
    vendors=[vendor("acme", "Acme")],
    devices=[
        device("acme-3", "acme", "Acme Three", variant("acme-3-all", "All models", ("A3",), lte=[1, 3], nr=[])),
        device(
            "acme-4",
            "acme",
            "Acme Four",
            variant("acme-4-a", "A4A", ("A4A",), lte=[1, 3], nr=[]),
            variant("acme-4-b", "A4B, dual SIM", ("A4B",), lte=[1], nr=[]),
        ),
    ],
    carriers=[carrier("globe-ph", "PH", "Globe", lte=([1, 3], []))],
)


def test_a_list_for_all_models_is_presented_as_the_phone() -> None:
    text = say(E3, "acme three on globe")
    assert text.startswith("**Acme Three**\n") and "Only the" not in text


def test_a_market_named_by_its_model_number_is_not_said_twice() -> None:
    text = say(E3, "A4B on globe")
    assert text.startswith("**Acme Four** (A4B, dual SIM model)\n")


E5 = engine(
    vendors=[vendor("acme", "Acme")],
    devices=[
        device(
            "acme-6",
            "acme",
            "Acme Six",
            variant("acme-6-a", "Unspecified", ("XT1100",), lte=[1, 3], nr=[]),
            variant("acme-6-b", "Unspecified", ("XT1103",), lte=[2, 4], nr=[]),
            variant("acme-6-c", "China", ("C1",), lte=[1], nr=[]),
            variant("acme-6-d", "China", ("C2",), lte=[3], nr=[]),
            variant("acme-6-e", "India", ("I1",), lte=[3], nr=[]),
        )
    ],
    carriers=[carrier("globe-ph", "PH", "Globe", lte=([1, 3], []))],
)


def test_models_the_market_cannot_tell_apart_are_named_by_number() -> None:
    text = say(E5, "acme six on globe")
    for label in ("XT1100 model", "XT1103 model", "China (C1)", "China (C2)", "India (I1)"):
        assert label in text
    assert "Unspecified model" not in text


US = [
    carrier("tmobile-us", "US", "T-Mobile", lte=([2, 4, 12, 66, 71], [])),
    carrier("att-us", "US", "AT&T", lte=([2, 4, 12, 66], []), certification=True),
    carrier("verizon-us", "US", "Verizon", lte=([2, 4, 13, 66], []), certification=True),
]
E7 = engine(
    vendors=[vendor("acme", "Acme")],
    devices=[
        device(
            "acme-7",
            "acme",
            "Acme Seven",
            variant("acme-7-us", "US", ("A7U",), volte=None, made_for=("US",), lte=[2, 4, 12, 13, 66, 71]),
            variant("acme-7-g", "International", ("A7G",), volte=None, made_for=("Global",), lte=[2, 4, 12, 66]),
            variant("acme-7-eu", "Europe", ("A7E",), volte=None, made_for=("EU",), lte=[2, 4, 12, 66]),
        )
    ],
    carriers=US,
)


def test_the_first_lines_answer_the_question_and_group_the_models() -> None:
    lines = say(E7, "acme seven on verizon").splitlines()
    # The model made for the US works; the two imports share one line and one reason.
    assert lines[1:4] == [
        "**Works on Verizon?**",
        "🟢 The US (A7U) model works.",
        "🟡 The Global (A7G) and EU (A7E) models work partly (no B13).",
    ]


def test_a_whole_country_is_summed_up_per_model_and_each_caveat_said_once() -> None:
    text = say(E7, "acme seven in the us")
    assert "🟢 The US (A7U) model works on all 3 networks." in text
    assert (
        "🟡 The Global (A7G) and EU (A7E) models work partly on T-Mobile (no B71), AT&T (an import needs AT&T's "
        "approval) and Verizon (no B13)." in text
    )
    assert text.count("fully serves only models it approved") == 1
    assert text.count("VoLTE not confirmed") == 1


E7B = engine(
    vendors=[vendor("acme", "Acme")],
    devices=[
        device(
            "acme-7",
            "acme",
            "Acme Seven",
            variant("acme-7-m", "mmWave", ("A7M",), volte=None, lte=[2, 4, 12, 13, 66, 71]),
            variant("acme-7-eu", "Europe", ("A7E",), volte=None, made_for=("EU",), lte=[2, 4, 12, 13, 66]),
        )
    ],
    carriers=US,
)


def test_a_model_whose_market_nobody_recorded_is_not_called_an_import() -> None:
    lines = say(E7B, "acme seven on verizon").splitlines()
    # The mmWave model may well be the one Verizon sells: only an import would need its approval.
    assert "🟡 The mmWave (A7M) model works partly (needs Verizon's approval if it is an import)." in lines
    assert "🟡 The EU (A7E) model works partly (an import needs Verizon's approval)." in lines


def test_the_json_contract_carries_the_headline_and_the_text() -> None:
    a = as_dict(E7, E7.answer("acme seven on verizon"))
    assert a["headline"][0] == "**Works on Verizon?**" and a["answer"].startswith(
        "**Acme Seven**\n**Works on Verizon?**"
    )


def test_html_escapes_and_links_only_web_addresses() -> None:
    from bot.present.html import inline

    line = "**Sold?** <b>no</b> javascript:alert(1) https://example.org/moto_g_(2025)-1.php, more"
    out = str(inline(line))
    assert out.startswith("<strong>Sold?</strong> &lt;b&gt;no&lt;/b&gt; javascript:alert(1) ")
    # the link reads as its site's name; the whole address is its target and its title
    address = "https://example.org/moto_g_(2025)-1.php"
    assert f'<a href="{address}" title="{address}" rel="nofollow noopener">example.org</a>' in out
    assert out.endswith("</a>, more") and out.count("<a ") == 1


def test_answers_in_spanish_and_brazilian_portuguese() -> None:
    from bot.present import layout, markdown

    def said(question: str, lang: str) -> str:
        a = E7.answer(question)
        return markdown.render(layout.build(a, E7.knowledge, E7.index.country_names, lang))

    es = said("acme seven on verizon", "es").splitlines()
    assert es[1:4] == [
        "**¿Funciona con Verizon?**",
        "🟢 El modelo US (A7U) funciona.",
        "🟡 Los modelos Global (A7G) y EU (A7E) funcionan en parte (sin B13).",
    ]
    pt = said("acme seven in the us", "pt_BR")
    # Country names from CLDR in Portuguese, with the article fused into the preposition.
    assert "**Funciona nos Estados Unidos?**" in pt
    assert "🟢 O modelo US (A7U) funciona nas 3 redes." in pt
    assert "a operadora só atende por completo os modelos que aprovou" in pt
    # English stays as it was.
    assert said("acme seven on verizon", "en").splitlines()[1] == "**Works on Verizon?**"


def test_every_phrase_of_an_answer_is_in_each_catalogue() -> None:
    # A phrase added in English only would come out in English inside a Spanish answer.
    from pathlib import Path

    from babel.messages.extract import extract_from_file
    from babel.messages.pofile import read_po

    from bot.present import i18n

    here = Path(i18n.__file__).parent
    used: set[str] = set()
    for source in [*here.glob("*.py"), here.parent / "discord" / "embeds.py"]:
        for _line, message, _comments, _context in extract_from_file(
            "python", str(source), keywords={"_": None, "ngettext": (1, 2)}
        ):
            used.add(message if isinstance(message, str) else message[0])
    assert used
    for lang in i18n.LANGUAGES[1:]:
        with (i18n.LOCALES / f"{lang}.po").open("rb") as f:
            catalog = read_po(f, locale=lang)
        missing = sorted(m for m in used if not (catalog.get(m) and catalog.get(m).string))
        assert missing == [], f"{lang}.po lacks {missing}"


def test_a_model_s_label_says_its_market_and_number_once() -> None:
    from conftest import knowledge

    from bot.present.phrases import short_label

    k = knowledge(
        vendors=[vendor("acme", "Acme")],
        devices=[
            device(
                "acme-6",
                "acme",
                "Acme 6",
                variant("a", "Model A1549 (GSM and CDMA versions; region not stated by the source)", ("A1549",)),
                variant("b", "China (China Mobile)", ("A1589",)),
                variant("c", "US unlocked", ("SM-S921U1",), made_for=("US",)),
                variant("d", "mmWave model (region not stated by the sources)", ("G1MNW",)),
                variant("e", "GSM model A1905 (region not stated by the source)", ("A1905",)),
            )
        ],
    )
    labels = [short_label(v, {"US": "United States"}) for v in k.devices[0].variants]
    assert labels == ["A1549", "China (A1589)", "US (SM-S921U1)", "mmWave (G1MNW)", "GSM A1905"]


E8 = engine(
    vendors=[vendor("acme", "Acme")],
    devices=[
        device("acme-x", "acme", "Acme X", variant("acme-x-us", "US", ("AXU",), lte=[2, 4, 13], made_for=["US"])),
        device(
            "acme-x-pro",
            "acme",
            "Acme X Pro",
            variant("acme-x-pro-g", "Global", ("AXPG",), lte=[1, 3], made_for=["Global"]),
            variant("acme-x-pro-u", "US", ("AXPU",), made_for=["US"]),
        ),
        device("acme-y", "acme", "Acme Y", variant("acme-y-g", "Global", ("AYG",), lte=[1, 3])),
    ],
    carriers=[carrier("verizon-us", "US", "Verizon", lte=([2, 4, 13], []))],
)


def test_a_question_that_may_mean_several_phones_gets_a_line_for_each() -> None:
    lines = say(E8, "acme x or acme x pro on verizon").splitlines()
    assert lines[:2] == ["**Acme X · Acme X Pro**", "**Works on Verizon?**"]
    assert lines[2] == "🟢 **Acme X** works."
    # the model made for the network's country, named, even where its bands are not known
    assert lines[3] == "⚪ **Acme X Pro** (US (AXPU) model) is unknown (bands not recorded)."
    assert lines[4].startswith("Ask about one of them") and "**Acme X Pro**" in lines[4]
    each = as_dict(E8, E8.answer("acme x or acme x pro on verizon"))["each"]
    assert [(e["device"], [c["verdict"] for c in e["compatibility"]]) for e in each] == [
        ("acme-x", ["full"]),
        ("acme-x-pro", ["unknown", "none"]),
    ]
    # one phone named: its own answer, no list
    assert as_dict(E8, E8.answer("acme y on verizon"))["each"] == []
    # a whole country: each phone's model on every network there
    lines = say(E8, "acme x or acme x pro in the us").splitlines()
    assert lines[1:3] == ["**Works in the United States?**", "🟢 **Acme X** works on Verizon."]


def test_a_makers_phone_asked_about_a_network_gets_asked_for_its_model_first() -> None:
    # "will my acme work on globe?": the maker sells there, which says nothing of a model's bands.
    from bot.present import layout

    answer = E.answer("will my acme phone work on globe?")
    lay = layout.build(answer, E.knowledge, E.index.country_names)
    assert lay.headline[0] == "Which Acme phone? Tell me the model and I'll check its bands."
    assert layout.verdict_of(answer) == "unknown"  # not the green of "sold"
    # asked whether the maker sells there, the statement leads and colours the answer
    sold = E.answer("does acme sell phones in the philippines?")
    assert layout.verdict_of(sold) == "full" and "Sold in the Philippines?" in say(
        E, "does acme sell phones in the philippines?"
    )


def test_a_network_named_without_a_phone_gets_asked_for_the_phone() -> None:
    # "Mobile network is not working … I have Orange PL": the network is read, the phone is not named
    assert say(E, "will my phone work on globe?").startswith(
        "Which phone is it? Tell me the model and I'll check it on **Globe**."
    )
    assert say(E, "will my phone work in the philippines?").startswith("Which phone is it?")
    assert say(E, "what about it").startswith("I couldn't find a phone I know in that question.")
    assert say(E, "hi").startswith("Hi! I tell whether a phone is sold in a country")
    # a phone named that we do not know ("pro" says a phone is named) is not asked for again
    pro = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[device("acme-1-pro", "acme", "Acme One Pro", variant("a1p", lte=[1, 3]))],
        carriers=[carrier("globe-ph", "PH", "Globe", lte=([1, 3], []))],
    )
    assert say(pro, "my qin f21 pro, ok on globe?").startswith("I couldn't find a phone I know")


def test_a_network_name_of_several_countries_is_asked_back_with_the_phone() -> None:
    # "poco x6 pro on vodafone": which Vodafone is the question, not "tell me a carrier"
    two = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[device("acme-1", "acme", "Acme One", variant("a1", lte=[1, 3]))],
        carriers=[
            carrier("vodafone-de", "DE", "Vodafone Deutschland", "vodafone", lte=([1, 3], [])),
            carrier("vodafone-es", "ES", "Vodafone España", "vodafone", lte=([1, 3], [])),
        ],
    )
    for question in ("acme one on vodafone", "does the acme one get 5g on vodafone"):
        answer = two.answer(question)
        assert answer.intent == "compatibility"
        lines = say(two, question).splitlines()
        assert lines[1] == "Which one do you mean: **Vodafone Deutschland (DE)**, **Vodafone España (ES)**?"
        assert not any("Tell me a carrier" in line or "Other candidates" in line for line in lines)
    # with the country said, the answer
    assert "**Works on Vodafone Deutschland?**" in say(two, "acme one on vodafone in germany")


def test_a_model_the_knowledge_lacks_gets_no_verdict_from_its_makers_word() -> None:
    # "will a oneplus ace 5 work on att?": the maker sells in the US, which says nothing of the Ace 5
    e = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[
            device("acme-5-pro", "acme", "Acme Ace 5 Pro", variant("a5p", lte=[1, 3])),
            device("acme-5-ultra", "acme", "Acme Ace 5 Ultra", variant("a5u", lte=[1, 3])),
        ],
        carriers=[carrier("globe-ph", "PH", "Globe", lte=([1, 3], []))],
        statements=[statement("s1", "acme", "PH", "sold", "2024-01-01")],
    )
    text = say(e, "will an acme ace 5 work on globe?")
    # a model we lack, whose name the offered ones only resemble: not a choice of equals
    assert text.splitlines()[1].startswith("I don't know that exact phone. Did you mean: **Acme Ace 5 Pro**")
    assert "Sold in the Philippines?" not in text
    # asked whether it is sold, the question back comes first and the maker's word follows
    lines = say(e, "is the acme ace 5 sold in the philippines?").splitlines()
    assert lines[1].startswith("I don't know that exact phone.") and "Sold in the Philippines?" in lines[2]
    assert not any(line.startswith("Other candidates") for line in lines)


def test_a_band_asked_about_is_answered_first_model_by_model() -> None:
    e = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[
            device(
                "acme-1",
                "acme",
                "Acme One",
                variant("a1-us", "US", ("A1U",), lte=[2, 4, 71], made_for=["US"]),
                variant("a1-g", "Global", ("A1G",), lte=[1, 3, 20], made_for=["Global"]),
                {"id": "a1-cn", "market": "China", "models": ["A1C"], "bands": {}},
            ),
            device("acme-2", "acme", "Acme Two", {"id": "a2", "market": "Global", "bands": {}}),
        ],
    )
    lines = say(e, "does the acme one have band 71?").splitlines()
    assert lines[1] == "**B71?** 🟢 yes on US (A1U); 🔴 no on Global (A1G); ⚪ not recorded for China (A1C)."
    # a model with nothing recorded is one line, not four rows of "not recorded"
    assert "Not recorded yet: China (A1C)." in lines
    assert not any(line.startswith("__China") for line in lines)
    assert as_dict(e, e.answer("acme one b71 and n77?"))["bands_asked"] == ["B71", "n77"]
    assert say(e, "acme two bands").splitlines()[1] == "I have no band list for the Acme Two yet."


def test_a_region_is_answered_country_by_country() -> None:
    e = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[
            device(
                "acme-1",
                "acme",
                "Acme One",
                variant("a1-g", "Global", ("A1G",), lte=[1, 3, 7, 20], made_for=["Global"]),
                {"id": "a1-cn", "market": "China", "models": ["A1C"], "bands": {}},
            )
        ],
        carriers=[
            carrier("telekom-de", "DE", "Telekom", lte=([3, 20], [])),
            carrier("o2-de", "DE", "O2", lte=([1, 20], [])),
            carrier("orange-fr", "FR", "Orange", lte=([3, 28], [])),
            carrier("verizon-us", "US", "Verizon", lte=([2, 13], [])),
        ],
    )
    answer = e.answer("will the acme one work in europe?")
    assert answer.region == "150" and answer.country is None
    assert {c.carrier for c in answer.compatibility} == {"telekom-de", "o2-de", "orange-fr"}
    lines = say(e, "will the acme one work in europe?").splitlines()
    assert lines[1] == "**Works in Europe?**"
    assert lines[2] == "🟡 The Global (A1G) model works in Germany; works partly in France (no B28)."
    assert lines[3] == "⚪ The China (A1C) model is unknown in Germany and France (bands not recorded)."
    assert "__Per country · Global (A1G) model__" in lines
    assert "- 🟢 Germany: works on both networks" in lines  # not "all 2"
    # no network's name, note or source line by line: one country at a time gives those
    assert not any("Verizon" in line or "Network bands" in line for line in lines)
    assert as_dict(e, answer)["region"] == "150"
    # in Portuguese each country takes its own fused preposition, and a carrier's approval no name
    from bot.present import i18n, layout, markdown

    lay = layout.build(answer, e.knowledge, e.index.country_names, i18n.language_of("pt-BR"))
    assert markdown.render(lay).splitlines()[2] == (
        "🟡 O modelo Global (A1G) funciona na Alemanha; funciona em parte na França (sem B28)."
    )


def test_a_sale_in_a_region_is_told_country_by_country() -> None:
    e = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[device("acme-1", "acme", "Acme One", variant("a1", lte=[1, 3]))],
        carriers=[carrier("telekom-de", "DE", "Telekom", lte=([1, 3], []))],
        statements=[
            statement("s-de", "acme", "DE", "sold", "2024-01-01"),
            statement("s-fr", "acme", "FR", "not_sold", "2024-01-01"),
        ],
    )
    lines = say(e, "is the acme one sold in the eu?").splitlines()
    assert lines[1] == (
        "🟡 **Sold in the European Union?** Sold officially in Germany; not sold officially in France. "
        "No statement from Acme about the other 25 countries."
    )
    sales = as_dict(e, e.answer("is the acme one sold in the eu?"))["region_sales"]
    assert [(s["country"], s["status"]) for s in sales] == [("DE", "sold"), ("FR", "not_sold")]


def test_a_country_is_called_by_its_shorter_common_name() -> None:
    # "Russia", not ISO's "Russian Federation"; "Hong Kong", not CLDR's "Hong Kong SAR China"
    assert E.index.country_names["RU"] == "Russia" and E.index.country_names["HK"] == "Hong Kong"


def test_a_model_number_we_lack_after_its_maker_is_said_to_be_unknown_not_asked_for() -> None:
    # "Sony H4113 on T-Mobile?": the model was told, so "Which Acme phone? Tell me the model" is wrong
    text = say(E, "acme A9999 on globe?")
    assert "I don't know the model number **A9999** yet." in text
    assert "Tell me the model" not in text


def test_a_question_about_a_watch_or_a_charger_says_the_bot_knows_phones_only() -> None:
    for question in ("acme watch 2 on globe?", "acme one charger in the philippines"):
        text = say(E, question)
        assert text.startswith("I know phones only"), text


def test_what_bands_a_network_uses_is_answered_from_its_own_record() -> None:
    e = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[device("acme-1", "acme", "Acme One", variant("acme-1-g", "Global", ("A1G",), lte=[1, 3]))],
        carriers=[
            carrier("globe-ph", "PH", "Globe", lte=([1, 3], [28]), nr=([78], []), gsm=[900]),
            carrier("gomo-ph", "PH", "GOMO", mvno_of="globe-ph"),
        ],
    )
    lines = say(e, "what bands does Globe use?").splitlines()
    assert lines[0] == "**Bands of Globe**"
    assert lines[1:4] == ["- 4G: B1, B3 (also B28)", "- 5G: n78", "- 2G: 900 MHz"]
    assert "Network bands: Globe: test fixture" in say(e, "what bands does Globe use?")
    # a band asked by number first; a virtual operator's are its host's
    assert say(e, "does Globe use band 28?").splitlines()[0] == "🟢 **B28?** yes."
    assert say(e, "which bands does GOMO use").splitlines()[:2] == ["GOMO uses Globe's network.", "**Bands of Globe**"]
    [network] = as_dict(e, e.answer("which bands does GOMO use"))["networks"]
    assert (network["id"], network["bands"]["lte"]) == ("globe-ph", {"primary": [1, 3], "secondary": [28]})


def test_the_bands_used_in_a_country_list_each_network_operator() -> None:
    e = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[device("acme-1", "acme", "Acme One", variant("acme-1-g", "Global", ("A1G",), lte=[1, 3]))],
        carriers=[
            carrier("globe-ph", "PH", "Globe", lte=([1, 3], [28])),
            carrier("smart-ph", "PH", "Smart", lte=([3, 28], []), nr=([78], [])),
            carrier("gomo-ph", "PH", "GOMO", mvno_of="globe-ph"),
        ],
    )
    lines = say(e, "lte bands in the philippines?").splitlines()
    assert lines[:3] == [
        "**Bands of the networks in the Philippines**",
        "- **Globe**: 4G B1, B3 (also B28)",
        "- **Smart**: 4G B3, B28; 5G n78",
    ]
    assert not any("GOMO" in line for line in lines)  # a virtual operator uses its host's


def test_one_name_offered_is_a_did_you_mean_not_a_which_one() -> None:
    # "Which one do you mean: **Indosat (ID)**?" asked a choice of one
    e = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[device("acme-1", "acme", "Acme One", variant("acme-1-g", "Global", ("A1G",), lte=[1, 3]))],
        carriers=[carrier("globe-ph", "PH", "Globe", "globe", lte=([1, 3], []))],
    )
    # an Italian question about a Philippine network: offered, not used, and alone
    lines = say(e, "il acme one funziona con Globe?").splitlines()
    assert lines[1] == "Did you mean: **Globe (PH)**?", lines


def test_a_trip_is_answered_country_by_country() -> None:
    trip = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[device("acme-1", "acme", "Acme One", variant("acme-1-g", "Global", ("A1G",), lte=[1, 3]))],
        carriers=[
            carrier("docomo-jp", "JP", "NTT docomo", lte=([1, 3], [])),
            carrier("skt-kr", "KR", "SK Telecom", lte=([1, 3], [])),
            carrier("uplus-kr", "KR", "LG U+", lte=([5, 7], [])),
        ],
    )
    text = say(trip, "going to japan and korea next month, will my acme one work?")
    japan, korea = text.index("**Works in Japan?**"), text.index("**Works in South Korea?**")
    assert japan < korea
    assert "🟢 The Acme One works on NTT docomo." in text[japan:korea]
    assert "🟡 The Acme One works on SK Telecom; not on LG U+ (no B5, B7)." in text[korea:]
    assert "__Japan · Per network__" in text and "__South Korea · Per network__" in text
    also = as_dict(trip, trip.answer("going to japan and korea next month, will my acme one work?"))["also"]
    assert [(x["country"], [c["carrier"] for c in x["compatibility"]]) for x in also] == [
        ("KR", ["skt-kr", "uplus-kr"])
    ]
    # one country asked: no trip
    assert as_dict(trip, trip.answer("will my acme one work in japan?"))["also"] == []


def test_a_network_we_do_not_know_is_said_so() -> None:
    assert say(E, "acme one on straight talk?").endswith(
        "I don't know the network “straight talk” yet: tell me the network it runs on, or its country, and I'll "
        "check the bands."
    )


def test_a_maker_alone_is_asked_for_the_model() -> None:
    assert say(E, "acme?") == "**Acme (all its phones)**\nWhich Acme phone? Tell me the model and I'll check its bands."


def test_an_imei_is_answered_with_where_to_find_the_model() -> None:
    # 356938035643809 has a right check digit (Luhn); ...808 has not and is just a number
    assert say(E, "imei 356938035643809 on globe?") == (
        "An IMEI doesn't tell me the model. Tell me the model (Settings → About phone) and I'll check its bands."
    )
    assert "IMEI" not in say(E, "imei 356938035643808 on globe?")


def test_a_maker_selling_its_phones_somewhere_says_nothing_of_a_phone_made_only_for_elsewhere() -> None:
    china_only = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[
            device("acme-1", "acme", "Acme One", variant("acme-1-cn", "China", ("A1C",), made_for=("CN",), lte=[1, 3])),
            device(
                "acme-2", "acme", "Acme Two", variant("acme-2-g", "Global", ("A2G",), made_for=("Global",), lte=[1, 3])
            ),
        ],
        carriers=[carrier("globe-ph", "PH", "Globe", lte=([1, 3], []))],
        statements=[statement("s1", "acme", "PH", "sold", "2024-01-01")],
    )
    text = say(china_only, "is the acme one sold in the philippines?")
    assert (
        "⚪ **Sold in the Philippines?** I don't know for the Acme One: Acme sells its phones in the Philippines"
        in text
    )
    assert "but the models of it I know are made for China." in text
    assert as_dict(china_only, china_only.answer("is the acme one sold in the philippines?"))["availability"][
        "scope"
    ] == ("market")
    # a model made for everywhere else is sold there on the maker's word
    assert "🟢 **Sold in the Philippines?** Yes" in say(china_only, "is the acme two sold in the philippines?")


def test_a_global_model_that_works_nowhere_in_the_origin_is_not_the_origin_s_model() -> None:
    def trip(lte: list[int]) -> Any:
        return engine(
            vendors=[vendor("acme", "Acme")],
            devices=[
                device(
                    "acme-1",
                    "acme",
                    "Acme One",
                    variant("acme-1-g", "Global", ("A1G",), made_for=("Global",), lte=lte),
                    variant("acme-1-kr", "Korea", ("A1K",), made_for=("KR",), lte=[1, 3]),
                )
            ],
            carriers=[carrier("tmo-us", "US", "T-Mobile", "tmo", lte=([2, 4, 12, 71], []))],
        )

    # "bought in the us": the Global model the US falls to lacks every US band, so it was not sold there
    lacking = trip([1, 3, 7])
    answer = lacking.answer("bought my acme one in the us, works on tmo?")
    assert (answer.origin, answer.origin_unrecorded, len(answer.variants)) == ("US", True, 2)
    assert "I have no record of the Acme One made for the United States" in say(
        lacking, "bought my acme one in the us, works on tmo?"
    )
    # with the US bands it is the model the US gets; named by its model number it is that model
    fitting = trip([2, 4, 12, 71])
    assert fitting.answer("bought my acme one in the us, works on tmo?").variants == ("acme-1-g",)
    assert lacking.answer("bought my acme one A1G in the us, works on tmo?").variants == ("acme-1-g",)


def test_a_band_asked_beside_a_network_is_answered_first() -> None:
    text = say(E, "does the acme one support band 7? i'm on globe")
    assert text.index("**B7?**") < text.index("**Works on Globe?**")
    assert "🔴 **B7?** no." in text, "the one model lists bands 1 and 3 only"


def test_a_maker_known_by_name_only_is_said_so_and_no_other_maker_s_phone_stands_in() -> None:
    e = engine(
        vendors=[vendor("xiaomi", "Xiaomi", "redmi"), vendor("micromax", "Micromax"), vendor("acme", "Acme")],
        devices=[
            device("redmi-note-2", "xiaomi", "Redmi Note 2", variant("rn2", lte=[1, 3])),
            device("acme-zq8", "acme", "Acme ZQ8", variant("a1", lte=[1, 3])),
        ],
        carriers=[carrier("airtel-in", "IN", "Airtel", lte=([1, 3, 40], []))],
        statements=[statement("acme-in", "acme", "IN", "sold", "2024-01-01")],
    )
    # "Micromax IN Note 2" is Micromax's phone: "note 2" (the Redmi's short name) is the rest of its name
    answer = e.answer("micromax in note 2 on airtel?")
    assert (answer.device, answer.suggestions, answer.maker_unknown_phones) == (None, (), True)
    assert say(e, "micromax in note 2 on airtel?").splitlines()[-1] == (
        "I don't know any Micromax phone yet, so I can't check its bands."
    )
    assert as_dict(e, answer)["maker_unknown_phones"] is True
    # a maker whose phones we know, with a model we lack: another of its phones may be meant
    assert "Did you mean: **Acme ZQ8**?" in say(e, "acme zq9 on airtel?")
    assert e.answer("redmi note 2 on airtel?").device == "redmi-note-2"


def test_a_model_whose_bands_nobody_recorded_gets_no_rows_of_unknowns() -> None:
    e = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[
            device(
                "acme-one",
                "acme",
                "Acme One",
                variant("a1-eu", "Europe", ("AC1E",), lte=[1, 3, 20]),
                variant("a1-jp", "Japan", ("AC1J",), volte=None),
            )
        ],
        carriers=[
            carrier("red-de", "DE", "Red", lte=([1, 3, 20], [])),
            carrier("blue-de", "DE", "Blue", lte=([1, 3, 20], [])),
        ],
    )
    text = say(e, "acme one in germany?")
    # the summary says once that the Japanese model's bands are not recorded; no rows of "unknown"
    assert "(bands not recorded)" in text
    assert "Per network · Europe" in text and "Per network · Japan" not in text
    assert "AC1J): unknown" not in say(e, "acme one on red?")


def test_two_models_of_a_phone_compared_get_their_two_band_lists() -> None:
    e = engine(
        vendors=[vendor("samsung", "Samsung", "galaxy")],
        devices=[
            device(
                "galaxy-s24",
                "samsung",
                "Galaxy S24",
                variant("s24-us", "US", ("SM-S921U",), lte=[2, 4, 13, 71]),
                variant("s24-intl", "Global", ("SM-S921B",), lte=[1, 3, 20]),
                variant("s24-kr", "Korea", ("SM-S921N",), lte=[1, 3, 5]),
            )
        ],
    )
    answer = e.answer("whats the difference between SM-S921U and SM-S921B")
    assert answer.intent == "bands" and [b.variant for b in answer.bands or ()] == ["s24-us", "s24-intl"]


def test_which_networks_use_a_band() -> None:
    e = engine(
        carriers=[
            carrier("tmobile-us", "US", "T-Mobile", lte=([2, 4, 71], [])),
            carrier("telus-ca", "CA", "Telus", lte=([2, 4], [71])),
            carrier("verizon-us", "US", "Verizon", lte=([2, 4, 13], [])),
        ],
    )
    lines = say(e, "which carriers use band 71?").splitlines()
    assert lines[:3] == ["**Networks that use B71**", "- Telus (CA) — not a main band", "- T-Mobile (US)"]
    # of one country: its networks that have the band, or none
    lines = say(e, "which carriers in the us use band 71?").splitlines()
    assert lines[:2] == ["**Networks in the United States that use B71**", "- T-Mobile (US)"]
    assert say(e, "which carriers use n41 in canada?").splitlines()[0] == "I know no network in Canada that uses n41."


def test_a_brand_of_other_countries_named_with_a_country_is_said_unknown_there() -> None:
    e = engine(
        vendors=[vendor("google", "Google", "pixel")],
        devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[1, 3, 20]))],
        carriers=[
            carrier("lebara-au", "AU", "Lebara Australia", "lebara", lte=([3, 28], [])),
            carrier("lebara-fr", "FR", "Lebara France", "lebara", lte=([3, 20], [])),
            carrier("ee-gb", "GB", "EE", lte=([1, 3, 20], [])),
        ],
    )
    answer = e.answer("pixel 9 with lebara uk")
    assert (answer.country, answer.carrier, answer.unknown_network) == ("GB", None, "lebara")
    told = "I don't know “lebara” in the United Kingdom yet: here is every network there."
    assert told in say(e, "pixel 9 with lebara uk")


def test_a_phone_we_lack_and_a_network_of_several_countries_are_asked_apart() -> None:
    e = engine(
        vendors=[vendor("samsung", "Samsung", "galaxy")],
        devices=[device("galaxy-a24", "samsung", "Galaxy A24", variant("a24", lte=[1, 3]))],
        carriers=[
            carrier("o2-de", "DE", "O2 Germany", "o2", lte=([1, 3, 20], [])),
            carrier("o2-gb", "GB", "O2 UK", "o2", lte=([1, 3, 20], [])),
        ],
    )
    lines = say(e, "galaxy a27 on o2").splitlines()
    assert lines[0] == "I don't know that exact phone. Did you mean: **Galaxy A24**?"
    assert lines[1] == "And which network: **O2 Germany (DE)**, **O2 UK (GB)**?"


def test_a_model_whose_4g_bands_nobody_recorded_says_so_not_every_band() -> None:
    e = engine(
        vendors=[vendor("xiaomi", "Xiaomi", "redmi")],
        devices=[device("redmi-a4", "xiaomi", "Redmi A4 5G", variant("a4", gsm=[900, 1800], nr=[78]))],
        carriers=[carrier("airtel-in", "IN", "Airtel", lte=([3, 40], []), nr=([78], []), gsm=[900])],
    )
    assert "works partly (4G bands not recorded)" in say(e, "redmi a4 5g on airtel")


def test_a_maker_s_word_on_all_its_phones_agrees_with_them_in_spanish_and_portuguese() -> None:
    from bot.present import layout, markdown

    e = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[device("acme-one", "acme", "Acme One", variant("a1", lte=[1, 3]))],
        statements=[
            statement("acme-es", "acme", "ES", "sold", "2024-01-01"),
            statement("acme-br", "acme", "BR", "planned", "2024-01-01"),
        ],
    )

    def said(question: str, lang: str) -> str:
        return markdown.render(layout.build(e.answer(question), e.knowledge, e.index.country_names, lang))

    assert "Sí: los teléfonos de Acme se venden oficialmente en España" in said("is the acme zq9 sold in spain", "es")
    assert "os celulares da Acme estão previstos para venda no Brasil" in said(
        "is the acme zq9 sold in brazil", "pt_BR"
    )


def test_a_phone_said_locked_to_a_network_is_told_the_lock_comes_first() -> None:
    e = engine(
        vendors=[vendor("google", "Google", "pixel")],
        devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[2, 4, 12, 66, 71]))],
        carriers=[carrier("tmobile-us", "US", "T-Mobile", "tmobile", lte=([2, 4, 12, 66, 71], []))],
    )
    caveat = "- Locked to a network, a phone takes another network's SIM only once it is unlocked."
    assert caveat in say(e, "carrier locked pixel 9 from verizon on tmobile").splitlines()
    assert caveat not in say(e, "unlocked pixel 9 on tmobile").splitlines()
    assert caveat not in say(e, "pixel 9 bootloader locked on tmobile").splitlines()


def test_a_sale_asked_with_no_country_says_when_the_phone_first_went_on_sale() -> None:
    e = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[{**device("acme-one", "acme", "Acme One", variant("a1", lte=[1, 3])), "released": "2026-02-25"}],
    )
    lines = say(e, "when does the acme one release").splitlines()
    assert lines[1:3] == ["First on sale: 2026-02-25.", "Tell me a country and I'll check whether it is sold there."]


def test_a_sale_asked_of_two_countries_answers_each() -> None:
    e = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[device("acme-one", "acme", "Acme One", variant("a1", lte=[1, 3]))],
        statements=[
            statement("acme-ca", "acme", "CA", "sold", "2024-01-01"),
            statement("acme-mx", "acme", "MX", "not_sold", "2024-01-01"),
        ],
    )
    lines = say(e, "is the acme one sold in canada or mexico").splitlines()
    assert lines[1].startswith("🟢 **Sold in Canada?** Yes")
    assert lines[2].startswith("🔴 **Sold in Mexico?** No")
    also = as_dict(e, e.answer("is the acme one sold in canada or mexico"))["also_sold"]
    assert [x["country"] for x in also] == ["MX"]


def test_a_stop_of_sales_before_a_phone_came_out_and_a_word_not_the_maker_s_are_said_as_such() -> None:
    e = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[
            {**device("acme-old", "acme", "Acme Old", variant("o", lte=[1, 3])), "released": "2021-05-01"},
            {**device("acme-new", "acme", "Acme New", variant("n", lte=[1, 3])), "released": "2024-05-01"},
        ],
        statements=[
            statement("acme-ru", "acme", "RU", "discontinued", "2022-03-01"),
            {**statement("acme-id", "acme", "ID", "not_sold", "2024-10-01"), "speaker": "a regulator"},
        ],
    )
    assert "No longer: the Acme Old is no longer sold officially in Russia" in say(e, "is the acme old sold in russia")
    # never sold there: no "no longer"
    assert "No: Acme stopped selling its phones in Russia (2022-03-01), before the Acme New came out." in say(
        e, "is the acme new sold in russia"
    )
    assert "(said by a regulator, of all Acme's phones)" in say(e, "is the acme new sold in indonesia")


def test_a_suspension_of_sales_is_said_as_such_and_not_of_later_phones() -> None:
    e = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[
            {**device("acme-old", "acme", "Acme Old", variant("o", lte=[1, 3])), "released": "2021-05-01"},
            {**device("acme-new", "acme", "Acme New", variant("n", lte=[1, 3])), "released": "2024-05-01"},
        ],
        statements=[statement("acme-de", "acme", "DE", "suspended", "2022-08-09")],
    )
    assert "Suspended: the Acme Old is suspended from sale in Germany" in say(e, "is the acme old sold in germany")
    assert "I don't know for the Acme New (2024)" in say(e, "is the acme new sold in germany")


def test_a_sale_of_the_phone_says_when_the_model_asked_about_is_made_elsewhere() -> None:
    e = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[
            device(
                "acme-one",
                "acme",
                "Acme One",
                {**variant("cn", "China", ("A1C",), lte=[1, 3]), "made_for": ["CN"]},
                {**variant("in", "India", ("A1I",), lte=[1, 3]), "made_for": ["IN"]},
            )
        ],
        statements=[statement("acme-in", "acme", "IN", "sold", "2024-01-01")],
    )
    said = say(e, "is the acme one A1C sold in india")
    assert "Yes: the Acme One is sold officially in India" in said
    assert "The China model asked about is made for other markets." in said
    assert "made for other markets" not in say(e, "is the acme one A1I sold in india")


def test_a_stop_of_sales_before_the_phone_came_out_is_said_beside_a_network_question_too() -> None:
    e = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[{**device("acme-new", "acme", "Acme New", variant("n", lte=[1, 3])), "released": "2024-05-01"}],
        carriers=[carrier("mts-ru", "RU", "MTS", "mts", lte=([1, 3], []))],
        statements=[statement("acme-ru", "acme", "RU", "discontinued", "2022-03-01")],
    )
    said = say(e, "acme new on mts")
    assert "No: Acme stopped selling its phones in Russia (2022-03-01), before the Acme New came out." in said
    assert "No longer" not in said
