"""Property tests (hypothesis): generated questions and bundles thrown at the engine, validation and
the store. A question always gets an answer and the Discord answer never pings; a bundle either loads or
is refused in lines naming the file, and a refused one changes nothing."""

from __future__ import annotations

import copy
import json
import re
import sqlite3
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import discord
from conftest import carrier, device, make_bundle, statement, variant, vendor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import bundle, present
from bot.bundle import KnowledgeError
from bot.discord.embeds import answer_embeds, detail_embeds
from bot.engine import Engine
from bot.present import i18n
from bot.store import Store

# What Discord turns into a ping (or a channel link) in a message.
PING = re.compile(r"@(everyone|here)|<@[!&]?\d+>|<#\d+>", re.IGNORECASE)

BUNDLE = make_bundle(
    vendors=[vendor("google", "Google", "pixel"), vendor("acme", "Acme @everyone")],
    devices=[
        device("pixel-9", "google", "Pixel 9", variant("p9", models=("G2YBB",), lte=[2, 4, 12, 66, 71])),
        device("acme-1", "acme", "Acme <@123>", variant("a1", lte=[1, 3])),
    ],
    carriers=[
        carrier("tmobile-us", "US", "T-Mobile", "tmo", lte=([2, 4, 12, 66, 71], [])),
        carrier("mint-us", "US", "Mint @here", mvno_of="tmobile-us"),
    ],
    statements=[
        statement("google-us", "google", "US", "sold", "2024-08-13", quote="Ask <@&42> or @everyone <#7>."),
        statement("acme-us", "acme", "US", "not_sold", "2020-01", quote="@here no."),
    ],
)


@cache
def _engine() -> Engine:
    return Engine(bundle.build(bundle.check_shape(copy.deepcopy(BUNDLE), "properties")))


FRAGMENTS = [
    "pixel 9",
    "acme",
    "G2YBB",
    " on tmo",
    " in the US",
    " work on mint",
    " sold in japan?",
    "@everyone",
    "@here",
    "<@123>",
    "<@!9>",
    "<@&42>",
    "<#7>",
    "@",
    "<",
    ">",
    " ",
    "\n",
    "¿",
    "日本",
    "\u200b",
]
questions = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=12).map("".join),
)


def _texts(embeds: list[discord.Embed]) -> list[str]:
    out: list[str] = []
    for e in embeds:
        out += [e.title or "", e.description or "", e.footer.text or "", e.author.name or ""]
        out += [f"{f.name}\n{f.value}" for f in e.fields]
    return out


@settings(max_examples=300, deadline=None)
@given(question=questions, earlier=st.one_of(st.none(), questions))
def test_any_question_gets_an_answer_that_never_pings(question: str, earlier: str | None) -> None:
    e = _engine()
    context = e.answer(earlier) if earlier is not None else None
    answer = e.answer(question, context)
    names = e.index.country_names
    json.dumps(present.to_dict(answer, e.knowledge, names))
    for lang in map(i18n.language_of, ("en", "es", "pt-BR")):
        for text in _texts(answer_embeds(answer, e.knowledge, names, lang)) + _texts(
            detail_embeds(answer, e.knowledge, names, lang)
        ):
            assert not PING.search(text), text


# -- bundles --------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place inside a bundle where a value can be replaced or removed."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*prefix, index))
    return found


PATHS = _paths(BUNDLE)
KEYS = sorted({key for path in PATHS for key in path if isinstance(key, str)})


@st.composite
def mutated_bundles(draw: st.DrawFn) -> Any:
    """The valid bundle with a few of its values replaced, removed, or given a field of another entry."""
    data = copy.deepcopy(BUNDLE)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        parent: Any = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            action = draw(st.sampled_from(["replace", "remove", "add"]))
            if action == "replace":
                parent[path[-1]] = draw(json_values)
            elif action == "remove":
                del parent[path[-1]]
            elif isinstance(parent[path[-1]], dict):
                parent[path[-1]][draw(st.sampled_from(KEYS))] = draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or reshaped this place
    return data


def _rows(db: Path) -> list[Any]:
    conn = sqlite3.connect(db)
    try:
        return [conn.execute(f"select * from {t} order by rowid").fetchall() for t in (*bundle.KINDS, "changes")]
    finally:
        conn.close()


def _refused_in_lines(exc: KnowledgeError, name: str) -> None:
    lines = str(exc).splitlines()
    assert lines and all(line.startswith(name) or line.startswith("... and ") for line in lines), str(exc)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=mutated_bundles(), suffix=st.sampled_from([".json", ".yaml"]), replace=st.booleans())
def test_a_bundle_loads_or_is_refused_in_lines_changing_nothing(data: Any, suffix: str, replace: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "kb.db"
        store = Store(db)
        store.apply(bundle.check_shape(copy.deepcopy(BUNDLE), "seed"), replace=True, actor="t", action="seed")
        before = _rows(db)
        path = Path(folder) / f"b{suffix}"
        try:
            text = json.dumps(data, ensure_ascii=False, allow_nan=False)
        except ValueError:  # NaN and infinities are not JSON: they are written as YAML's own words
            text = json.dumps(data, ensure_ascii=False).replace("NaN", ".nan").replace("Infinity", ".inf")
            path = path.with_suffix(".yaml")
        path.write_text(text, encoding="utf-8")
        try:
            store.apply(bundle.read_path(path), replace=replace, actor="t", action="import")
        except KnowledgeError as exc:
            _refused_in_lines(exc, str(path))
            assert _rows(db) == before
        else:
            Engine(store.load())  # what was accepted can be answered from
        finally:
            store.close()


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300), suffix=st.sampled_from([".json", ".yaml", ".yml"]))
def test_any_file_text_is_a_bundle_or_lines_naming_the_file(text: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"any{suffix}"
        path.write_text(text, encoding="utf-8")
        try:
            bundle.build(bundle.read_path(path))
        except KnowledgeError as exc:
            _refused_in_lines(exc, str(path))
