"""Small knowledge bundles built in code, so each test shows the facts it depends on."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench import understanding
from bot import bundle, present
from bot.engine import Engine
from bot.records import Knowledge

FORMAT = "devicebot-knowledge/1"


def vendor(id: str, name: str, *aliases: str) -> dict[str, Any]:
    return {"id": id, "name": name, "aliases": list(aliases)} if aliases else {"id": id, "name": name}


def variant(
    id: str,
    market: str = "Global",
    models: tuple[str, ...] = (),
    volte: bool | None = True,
    made_for: tuple[str, ...] = (),
    **bands: list[int],
) -> dict[str, Any]:
    out: dict[str, Any] = {"id": id, "market": market, "bands": bands}
    if models:
        out["models"] = list(models)
    if made_for:
        out["made_for"] = list(made_for)
    if volte is not None:
        out["volte"] = volte
    return out


def device(
    id: str,
    vendor: str,
    name: str,
    *variants: dict[str, Any],
    aliases: tuple[str, ...] = (),
    codenames: tuple[str, ...] = (),
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": id,
        "vendor": vendor,
        "name": name,
        "source": "test fixture",
        "variants": list(variants) or [variant(f"{id}-v", lte=[1, 3])],
    }
    if aliases:
        out["aliases"] = list(aliases)
    if codenames:
        out["codenames"] = list(codenames)
    return out


def carrier(
    id: str,
    country: str,
    name: str,
    *aliases: str,
    lte: tuple[list[int], list[int]] = ([], []),
    nr: tuple[list[int], list[int]] = ([], []),
    gsm: list[int] | None = None,
    umts: list[int] | None = None,
    certification: bool = False,
    mvno_of: str | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {"id": id, "country": country, "name": name, "source": "test fixture"}
    if aliases:
        out["aliases"] = list(aliases)
    if mvno_of:
        out["mvno_of"] = mvno_of
    else:
        out["bands"] = {
            "lte": {"primary": lte[0], "secondary": lte[1]},
            "nr": {"primary": nr[0], "secondary": nr[1]},
            "gsm": gsm or [],
            "umts": umts or [],
        }
    if certification:
        out["requires_certification"] = True
    return out


def statement(
    id: str, vendor: str, country: str, status: str, date: str, device: str | None = None, quote: str = "A quote."
) -> dict[str, Any]:
    return {
        "id": id,
        "vendor": vendor,
        "device": device,
        "country": country,
        "status": status,
        "quote": quote,
        "source": "test fixture",
        "date": date,
    }


def make_bundle(
    vendors: list[dict[str, Any]] | None = None,
    devices: list[dict[str, Any]] | None = None,
    carriers: list[dict[str, Any]] | None = None,
    statements: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    return copy.deepcopy(
        {
            "format": FORMAT,
            "vendors": vendors or [],
            "devices": devices or [],
            "carriers": carriers or [],
            "statements": statements or [],
        }
    )


def knowledge(**sections: Any) -> Knowledge:
    return bundle.build(bundle.check_shape(make_bundle(**sections), "test-bundle"))


def engine(**sections: Any) -> Engine:
    return Engine(knowledge(**sections))


def say(e: Engine, question: str) -> str:
    """The answer to a question as the CLI prints it (the one layout, rendered as Markdown)."""
    from bot import present

    return present.text(e.answer(question), e.knowledge, e.index.country_names)


def as_dict(e: Engine, answer: Any) -> dict[str, Any]:
    """An answer in the JSON contract."""
    from bot import present

    return present.to_dict(answer, e.knowledge, e.index.country_names)


@pytest.fixture
def schema_copy(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """A copy of schema.json that the code reads in its place for one test: change it as a contributor
    would change the file. The caches of what is read from it are emptied before and after."""
    from bot import shape

    grown = copy.deepcopy(shape.schema())
    cached = (shape.edit_fields, shape.properties, shape.techs, shape.valid_bands)
    monkeypatch.setattr(shape, "schema", lambda: grown)
    for function in cached:
        function.cache_clear()
    yield grown
    for function in cached:  # before monkeypatch puts the real schema back: nothing read from the copy stays
        function.cache_clear()


QUESTIONS = Path(__file__).parent / "data" / "questions"


def assert_same_answers(got: Engine, want: Engine) -> None:
    """Two engines of the same knowledge (loaded, edited, built whole) read and answer every labelled
    question, a few made-up phones and the completions alike."""
    items = understanding.load([QUESTIONS])
    assert len(items) > 400
    for item in items:
        mine, theirs = understanding.answer_item(got, item), understanding.answer_item(want, item)
        assert mine == theirs and mine.reading == theirs.reading, item.q
        assert present.to_dict(mine, got.knowledge, got.index.country_names) == present.to_dict(
            theirs, want.knowledge, want.index.country_names
        )
    for question in ("is the zorblax q1 sold in the us", "zorblax q1 on t-mobile", "zorblx q1 bands", "ZQX-1001"):
        assert got.answer(question) == want.answer(question), question
    for kind, prefix in [("device", "gal"), ("device", "pixel 9"), ("device", "sms92"), ("device", "zor")]:
        assert got.index.complete(kind, prefix) == want.index.complete(kind, prefix)
    assert got.index.complete("carrier", "tmo") == want.index.complete("carrier", "tmo")
