"""Answers as Discord embeds: colours, per-variant × per-carrier lines, statements, caveats, dates,
and Discord's size limits, from small knowledge built in code."""

from __future__ import annotations

import discord
from conftest import carrier, device, engine, statement, variant, vendor

from bot.discord.embeds import (
    COLOURS,
    DESCRIPTION,
    EMBEDS,
    FIELD_NAME,
    FIELD_VALUE,
    FIELDS,
    TITLE,
    TOTAL,
    Layout,
    Section,
    answer_embeds,
    clip,
    detail_embeds,
    fit,
    pack,
)
from bot.engine import Engine

US_CARRIERS = [
    carrier("tmobile-us", "US", "T-Mobile", "tmo", lte=([2, 4, 12, 66, 71], [])),
    carrier("att-us", "US", "AT&T", lte=([2, 4, 12, 17, 66], []), certification=True),
    carrier("verizon-us", "US", "Verizon", lte=([13, 66], [2, 4, 5])),
]

ENGINE = engine(
    vendors=[vendor("google", "Google"), vendor("xiaomi", "Xiaomi"), vendor("nokia", "Nokia")],
    devices=[
        device("pixel-9", "google", "Pixel 9", variant("p9", lte=[2, 4, 5, 12, 13, 17, 66, 71])),
        device(
            "xiaomi-14",
            "xiaomi",
            "Xiaomi 14",
            variant("x14g", "Global", ("23127PN0CG",), lte=[2, 4, 12, 66]),
            variant("x14c", "China", ("23127PN0CC",), lte=[1, 3, 41], volte=False),
        ),
        device("nokia-105", "nokia", "Nokia 105", variant("n105", lte=[1], gsm=[1900], volte=None)),
    ],
    carriers=[
        *US_CARRIERS,
        {**carrier("legacy-us", "US", "Oldnet", lte=([71], []), gsm=[1900]), "as_of": "2025-06"},
    ],
    statements=[
        statement(
            "xiaomi-us-2016", "xiaomi", "US", "not_sold", "2016-02-02", quote="Only accessories. @everyone <@&42>"
        ),
        statement("google-us-2024", "google", "US", "sold", "2024-08-13", device="pixel-9"),
    ],
)


def embeds_for(question: str, eng: Engine = ENGINE) -> list[discord.Embed]:
    a = eng.answer(question)
    return answer_embeds(a, eng.knowledge, eng.index.country_names)


def detail_for(question: str, eng: Engine = ENGINE) -> list[discord.Embed]:
    a = eng.answer(question)
    return detail_embeds(a, eng.knowledge, eng.index.country_names)


def field(embed: discord.Embed, prefix: str) -> str:
    return next(str(f.value) for f in embed.fields if str(f.name).startswith(prefix))


def within_limits(embeds: list[discord.Embed]) -> None:
    assert 1 <= len(embeds) <= EMBEDS
    assert sum(len(e) for e in embeds) <= TOTAL
    for e in embeds:
        assert len(e.title or "") <= TITLE and len(e.description or "") <= DESCRIPTION
        assert len(e.fields) <= FIELDS
        for f in e.fields:
            assert 0 < len(str(f.name)) <= FIELD_NAME and 0 < len(str(f.value)) <= FIELD_VALUE


def test_colour_follows_the_verdict() -> None:
    [full] = embeds_for("will the pixel 9 work on t-mobile")
    assert full.colour == discord.Colour(COLOURS["full"]) and full.title == "Pixel 9"
    assert full.description is not None and full.description.startswith(
        "**Works on T-Mobile?**\n🟢 The Pixel 9 works.\n"
    )
    [partial] = embeds_for("will the xiaomi 14 global work on verizon")
    assert partial.colour == discord.Colour(COLOURS["partial"])
    [none] = embeds_for("will the 23127PN0CC work on t-mobile")
    assert none.colour == discord.Colour(COLOURS["none"])
    assert none.title == "Xiaomi 14 (China model, 23127PN0CC)"
    [unknown] = embeds_for("what about my toaster")
    assert unknown.colour == discord.Colour(COLOURS["unknown"])
    assert unknown.description is not None and unknown.description.startswith("I couldn't find a phone")


def test_each_variant_and_carrier_with_missing_bands() -> None:
    [e] = embeds_for("does the xiaomi 14 work in the us")
    assert e.description is not None and e.description.startswith("**Works in the United States?**\n")
    # One line per model, the networks named with what each lacks.
    assert "The Global (23127PN0CG) model works partly on T-Mobile (no B71)" in e.description
    assert "The China (23127PN0CC) model" in e.description and "T-Mobile (no B2, B4, B12, B66, B71)" in e.description
    # The per-network detail is folded behind a button: the summary says it all in words.
    assert not any(str(f.name).startswith("Per network") for f in e.fields)
    [d] = detail_for("does the xiaomi 14 work in the us")
    china = field(d, "Per network · China (23127PN0CC) model")
    assert "🔴 T-Mobile: does not work — 4G none (missing B2, B4, B12, B66, B71)" in china
    glob = field(d, "Per network · Global (23127PN0CG) model")
    assert "🟡 T-Mobile: works partly — 4G partial (missing B71)" in glob
    assert "AT&T" in glob and "Verizon" in glob


def test_caveats_in_words_and_dates() -> None:
    [e] = embeds_for("does the xiaomi 14 work in the us")
    caveats = field(e, "⚠️ Caveats")
    assert "fully serves only models it approved" in caveats  # AT&T
    assert "no VoLTE" in caveats  # the China model
    [old] = embeds_for("nokia 105 on oldnet")
    assert "only the old 2G/3G network" in field(old, "⚠️ Caveats")
    assert "VoLTE not confirmed" in field(old, "⚠️ Caveats")
    assert "Network bands: Oldnet (as of 2025-06): test fixture" in field(old, "Sources and dates")


def test_statement_is_quoted_with_date_and_source_and_defused() -> None:
    [e] = embeds_for("is the xiaomi 14 sold in the us?")
    assert e.description is not None
    assert e.description.startswith(
        "🔴 **Sold in the United States?** No: the Xiaomi 14 is not sold officially in the United States "
        "(Xiaomi's statement covers all its phones)."
    )
    said = field(e, "Xiaomi said, 2016-02-02")
    assert said.startswith("> Only accessories.")
    assert "— Xiaomi, 2016-02-02. Source: test fixture" in said
    text = str(e.to_dict())
    assert "@everyone" not in text and "<@&" not in text
    assert "@\u200beveryone" in said


def test_bands_answer() -> None:
    [e] = embeds_for("xiaomi 14 bands")
    assert e.description == "**Bands of the Xiaomi 14**: 2 models"
    assert "4G: B1, B3, B41" in field(e, "China (23127PN0CC)")
    assert "VoLTE: no" in field(e, "China (23127PN0CC)")


def test_a_band_asked_about_leads_and_the_lists_fold_behind_a_bands_button() -> None:
    from bot.discord.embeds import detail_label

    question = "does the xiaomi 14 have band 66?"
    [e] = embeds_for(question)
    assert str(e.description).startswith("**B66?** 🟢 yes on Global (23127PN0CG); 🔴 no on China (23127PN0CC).")
    assert not any(str(f.name).startswith(("Global", "China")) for f in e.fields)
    assert detail_label(ENGINE.answer(question)) == "Bands"
    [d] = detail_for(question)
    assert str(d.description) == "Each model's bands:" and "4G: B1, B3, B41" in field(d, "China (23127PN0CC)")
    assert detail_label(ENGINE.answer("xiaomi 14 on tmo")) == "Per network"


def test_suggestions_title() -> None:
    eng = engine(
        vendors=[vendor("google", "Google")],
        devices=[device("pixel-9", "google", "Pixel 9"), device("pixel-9-pro", "google", "Pixel 9 Pro")],
    )
    [e] = embeds_for("is the pixel 9a any good", eng)
    assert e.title == "Did you mean…?"
    assert e.description is not None and "**Pixel 9**" in e.description


def test_huge_answers_fit_discord_limits_and_keep_the_verdict() -> None:
    carriers = [
        carrier(f"c{i}-us", "US", f"Carrier number {i} with a rather long name", lte=([2, 4, 12, 66, 71], [5]))
        for i in range(120)
    ]
    variants = [variant(f"v{i}", f"Market {i}", (f"MODEL{i:04d}X",), lte=[2, 4]) for i in range(3)]
    eng = engine(
        vendors=[vendor("acme", "Acme")],
        devices=[device("acme-1", "acme", "Acme One", *variants)],
        carriers=carriers,
        statements=[statement("acme-us", "acme", "US", "sold", "2024-01-01", quote="Q" * 1500)],
    )
    embeds = embeds_for("will the acme one work in the us? is it sold there?", eng)
    within_limits(embeds)
    first = embeds[0]
    assert first.description is not None
    assert first.description.startswith(
        "**Works in the United States?**\n🟡 The Market 0 (MODEL0000X), Market 1 (MODEL0001X) and Market 2 "
        "(MODEL0002X) models work partly on all 120 networks"
    )
    assert "\n🟢 **Sold in the United States?** Yes: sold officially, says Acme (2024-01-01" in first.description
    detail = detail_embeds(eng.answer("will the acme one work in the us? is it sold there?"), eng.knowledge, {})
    within_limits(detail)
    assert str(detail[-1].fields[-1].name) == "More"
    assert "more lines that don't fit" in str(detail[-1].fields[-1].value)


def test_fit_clips_every_part() -> None:
    lay = Layout(
        title="@everyone " + "T" * 400,
        headline=("**Verdict first** 🟢", *("x" * 300 for _ in range(30))),
        sections=(Section("N" * 300, tuple("line <@&1> " + "y" * 1200 for _ in range(3))),),
        footer="F" * 3000,
        verdict="full",
    )
    embeds = fit(lay)
    within_limits(embeds)
    assert embeds[0].title is not None and embeds[0].title.startswith("@\u200beveryone")
    assert embeds[0].description is not None and embeds[0].description.startswith("**Verdict first** 🟢")
    assert "<@&" not in str([e.to_dict() for e in embeds])


def test_clip_and_pack() -> None:
    assert clip("abcdef", 4) == "abc…" and clip("abc", 4) == "abc"
    assert pack(["aa", "bb", "cc"], 5) == ["aa\nbb", "cc"]
    assert pack(["x" * 10], 5) == ["xxxx…"]


def test_a_market_named_by_its_model_number_is_not_said_twice() -> None:
    eng = engine(
        vendors=[vendor("sony", "Sony")],
        devices=[
            device(
                "xperia-xa",
                "sony",
                "Xperia XA",
                variant("xa-f3111", "F3111", ("F3111",), lte=[2, 4]),
                variant("xa-f3112", "F3112, dual SIM", ("F3112",), lte=[2]),
            )
        ],
        carriers=US_CARRIERS,
    )
    [works] = embeds_for("xperia xa on t-mobile", eng)
    assert "F3111" in (works.description or "")
    [detail] = detail_for("xperia xa on t-mobile", eng)
    per_model = field(detail, "Per model")
    assert "F3111: " in per_model and "F3112: " in per_model and "F3111 (F3111)" not in per_model
    [bands] = embeds_for("xperia xa bands", eng)
    assert {str(f.name) for f in bands.fields} >= {"F3111", "F3112"}


def test_a_source_is_a_masked_link_named_by_its_site() -> None:
    from bot.present.layout import Layout, Section

    lay = Layout(
        title="Acme One",
        headline=("🟢 works.",),
        sections=(Section("Caveats", ("see https://www.gsmarena.com/acme_one-1.php.",)),),
        notes=("Device bands: https://www.gsmarena.com/acme_one-1.php",),
        verdict="full",
    )
    values = [f.value for e in fit(lay) for f in e.fields]
    assert "see [gsmarena.com](https://www.gsmarena.com/acme_one-1.php)." in values[0]
    assert values[-1] == "Device bands: [gsmarena.com](https://www.gsmarena.com/acme_one-1.php)"
