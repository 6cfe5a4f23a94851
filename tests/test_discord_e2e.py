"""The Discord bot end to end: the real discord.py against a fake Discord on loopback (tests/fakediscord.py),
with a real SQLite file. Assertions are on what the bot actually sends over the wire."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sqlite3
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from conftest import carrier, device, make_bundle, statement, variant, vendor
from discord.ext import commands
from fakediscord import MANAGE_GUILD, FakeDiscord, Request, User

from bot import bundle
from bot.discord.client import AnyBot, build_bot, health
from bot.discord.config import Config
from bot.discord.runner import run_bot
from bot.service import Service
from bot.store import Store

TIMEOUT = 5

VODAFONES = ("DE", "GB", "IT", "ES", "NL", "TR")

BUNDLE = make_bundle(
    vendors=[vendor("google", "Google"), vendor("xiaomi", "Xiaomi")],
    devices=[
        device("pixel-9", "google", "Pixel 9", variant("p9", lte=[2, 4, 12, 66, 71])),
        device("pixel-9-pro", "google", "Pixel 9 Pro", variant("p9p", lte=[2, 4, 12, 66, 71])),
        device(
            "xiaomi-14",
            "xiaomi",
            "Xiaomi 14",
            variant("x14g", "Global", ("23127PN0CG",), lte=[2, 4, 12, 66]),
            variant("x14c", "China", ("23127PN0CC",), lte=[1, 3, 41]),
        ),
    ],
    carriers=[
        carrier("tmobile-us", "US", "T-Mobile", "tmo", lte=([2, 4, 12, 66, 71], [])),
        # Six networks answer to "vodafone": more than five suggestions come as a menu, not buttons.
        *(carrier(f"vodafone-{cc.lower()}", cc, f"Vodafone {cc}", "vodafone", lte=([20], [])) for cc in VODAFONES),
    ],
    statements=[
        statement("xiaomi-us-2016", "xiaomi", "US", "not_sold", "2016-02-02", quote="Not here @everyone <@&42>."),
    ],
)


def make_service(tmp_path: Path) -> Service:
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(BUNDLE))
    store = Store(tmp_path / "kb.db")
    store.apply(bundle.read_path(path), replace=True, actor="seed", action="seed")
    return Service(store)


class World:
    def __init__(self, fake: FakeDiscord, bot: AnyBot, service: Service, db: Path) -> None:
        self.fake, self.bot, self.service, self.db = fake, bot, service, db
        self.config: Config | None = None
        self.general = next(c for c, n in fake.channels.items() if n == "general")
        self.answers = next(c for c, n in fake.channels.items() if n == "phone-help")
        self.alice = next(u for u in fake.members if u.name == "alice")
        self.mod = next(u for u in fake.members if u.name == "mod")
        self.admin = next(u for u in fake.members if u.name == "admin")

    async def next_request(self, predicate: Any, action: Any) -> Request:
        fut = self.fake.wait_request(predicate)
        await action
        return await asyncio.wait_for(fut, TIMEOUT)

    def callback(self, payload: dict[str, Any]) -> Any:
        return lambda r: r.method == "POST" and r.path == f"/interactions/{payload['id']}/{payload['token']}/callback"


def setup_world(fake: FakeDiscord) -> dict[str, Any]:
    fake.add_channel("general")
    answers = fake.add_channel("phone-help")
    mods = fake.add_role("Knowledge Keepers")
    admins = fake.add_role("Admins", MANAGE_GUILD)
    fake.add_member("alice")
    fake.add_member("mod", mods)
    fake.add_member("admin", admins)
    return {"answers": answers, "mods": mods}


@pytest.fixture
def caplog_errors(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    caplog.set_level(logging.WARNING)
    yield caplog
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR and r.name.startswith(("bot", "discord"))]
    assert not errors, [r.getMessage() for r in errors]


def check_no_pings(fake: FakeDiscord) -> None:
    """Every payload that shows text carries allowed_mentions parse == [] and no live mention."""
    for r in fake.sent():
        body = r.body or {}
        data = body.get("data", body) if "/callback" in r.path else body
        if "/callback" in r.path and body.get("type") in (5, 6, 8):
            continue  # defer / autocomplete: no message
        assert data.get("allowed_mentions", {}).get("parse") == [], (r.path, data)
        for text in strings(data):
            assert "@everyone" not in text and "@here" not in text and "<@&" not in text, (r.path, text)


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


@pytest.fixture
async def world(tmp_path: Path, caplog_errors: pytest.LogCaptureFixture) -> AsyncIterator[World]:
    fake = FakeDiscord()
    ids = setup_world(fake)
    await fake.start()
    fake.point_discord_py_at()
    service = make_service(tmp_path)
    config = Config(
        token="fake-token",
        mod_role_names=frozenset({"knowledge keepers"}),
        guild_ids=(int(fake.guild_id),),
        answer_channels=frozenset({int(ids["answers"])}),
        cooldown_rate=100,
        cooldown_per=1.0,
    )
    bot = build_bot(config, service, guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start(config.token))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), TIMEOUT)
        world = World(fake, bot, service, tmp_path / "kb.db")
        world.config = config
        yield world
        check_no_pings(fake)
        assert fake.unhandled == []
    finally:
        await bot.close()
        await asyncio.wait_for(task, TIMEOUT)
        await fake.stop()
        fake.restore()


async def test_login_sync_and_intents(world: World) -> None:
    fake = world.fake
    assert fake.identify is not None
    intents = fake.identify["intents"]
    assert intents & (1 << 15), "answer channels are configured: message content requested"
    assert not intents & (1 << 1) and not intents & (1 << 8), "no members or presences intent"
    route = f"/applications/{fake.application_id}/guilds/{fake.guild_id}/commands"
    assert fake.synced[f"/applications/{fake.application_id}/commands"] == [], "stale global commands removed"
    names = {c["name"] for c in fake.synced[route]}
    assert {"ask", "sold", "works", "bands", "statement", "kb", "help", "about"} <= names
    sold = next(c for c in fake.synced[route] if c["name"] == "sold")
    assert all(o["autocomplete"] for o in sold["options"])


async def test_mention_question_gets_an_answer_embed(world: World) -> None:
    fake = world.fake
    me = User(fake.bot.id, fake.bot.name, bot=True)
    said: dict[str, Any] = {}

    async def ask() -> None:
        said.update(
            await fake.say(
                world.alice, world.general, f"<@{me.id}> is the xiaomi 14 sold in the us? @everyone", mentions=[me]
            )
        )

    r = await world.next_request(lambda r: r.method == "POST" and r.path.endswith("/messages"), ask())
    assert r.path == f"/channels/{world.general}/messages"
    assert str(r.body["message_reference"]["message_id"]) == said["id"]
    [embed] = r.body["embeds"]
    assert embed["title"] == "Xiaomi 14"
    assert embed["description"].startswith("🔴 **Sold in the United States?** No: the Xiaomi 14 is not sold officially")
    assert embed["color"] == 0xE74C3C
    quote = next(f for f in embed["fields"] if f["name"].startswith("Xiaomi said"))
    assert "Not here @\u200beveryone <\u200b@\u200b&42>" in quote["value"]
    assert r.body["allowed_mentions"] in ({"parse": []}, {"parse": [], "replied_user": False})


async def test_reply_to_the_bot_is_a_question(world: World) -> None:
    fake = world.fake
    me = User(fake.bot.id, fake.bot.name, bot=True)
    earlier = fake.message(me, world.general, "an earlier answer")
    r = await world.next_request(
        lambda r: r.method == "POST" and r.path.endswith("/messages"),
        fake.say(world.alice, world.general, "pixel 9 bands", reply_to=earlier, mentions=[me]),
    )
    [embed] = r.body["embeds"]
    assert embed["title"] == "Pixel 9"
    assert "4G" in json.dumps(embed)


async def test_a_reply_to_an_answer_follows_up_on_it(world: World) -> None:
    fake = world.fake
    me = User(fake.bot.id, fake.bot.name, bot=True)
    first = await world.next_request(
        lambda r: r.method == "POST" and r.path.endswith("/messages"),
        fake.say(world.alice, world.general, f"<@{me.id}> will the xiaomi 14 work on tmo?", mentions=[me]),
    )
    answer = next(m for m in reversed(list(fake.messages.values())) if m["embeds"] == first.body["embeds"])
    r = await world.next_request(
        lambda r: r.method == "POST" and r.path.endswith("/messages"),
        fake.say(world.alice, world.general, "and the china version?", reply_to=answer),
    )
    [embed] = r.body["embeds"]
    assert embed["title"] == "Xiaomi 14 (China model, 23127PN0CC)", "the phone comes from the answer replied to"
    text = json.dumps(embed)
    assert "T-Mobile" in text and "Global" not in text, "so does the carrier; the new words pick the variant"


async def slash_ask(world: World, user: Any, question: str) -> dict[str, Any]:
    """`/ask question` by a member in #general, and the bot's reply to the interaction."""
    fut = world.fake.wait_request(lambda r: "/callback" in r.path)
    await world.fake.slash(user, world.general, "ask", [{"name": "question", "type": 3, "value": question}])
    return (await asyncio.wait_for(fut, TIMEOUT)).body


async def test_slash_ask_follows_up_on_the_askers_last_answer(world: World) -> None:
    await slash_ask(world, world.alice, "is the xiaomi 14 sold in the us?")
    [embed] = (await slash_ask(world, world.alice, "what about the pixel 9?"))["data"]["embeds"]
    assert embed["title"] == "Pixel 9"
    assert "United States" in embed["description"], "the country comes from the question before"
    # Another member's follow-up does not inherit Alice's phone.
    [other] = (await slash_ask(world, world.mod, "and on tmo?"))["data"]["embeds"]
    assert other.get("title") != "Pixel 9"


async def test_thanks_is_answered_briefly_and_keeps_what_a_follow_up_inherits(world: World) -> None:
    await slash_ask(world, world.alice, "is the xiaomi 14 sold in the us?")
    [thanks] = (await slash_ask(world, world.alice, "thanks!"))["data"]["embeds"]
    assert thanks["description"] == "You're welcome!", "not the same answer again"
    [embed] = (await slash_ask(world, world.alice, "what about the pixel 9?"))["data"]["embeds"]
    assert embed["title"] == "Pixel 9" and "United States" in embed["description"], "the country outlives the thanks"


async def test_a_greeting_is_told_what_to_ask(world: World) -> None:
    [hello] = (await slash_ask(world, world.alice, "hi"))["data"]["embeds"]
    assert hello["description"].startswith("Hi! I tell whether a phone is sold in a country")
    assert "“Will the Pixel 9 work on Verizon?”" in hello["description"]


async def test_answer_channel_answers_questions_and_ignores_chat(world: World) -> None:
    fake = world.fake
    await fake.say(world.alice, world.general, "is the pixel 9 sold in the us?")  # no mention, not an answer channel
    await fake.say(world.alice, world.answers, "hello everyone, how are you?")  # chat in the answer channel
    r = await world.next_request(
        lambda r: r.method == "POST" and r.path.endswith("/messages"),
        fake.say(world.alice, world.answers, "will the pixel 9 work on tmo?"),
    )
    assert r.path == f"/channels/{world.answers}/messages", "only the device question was answered"
    [embed] = r.body["embeds"]
    assert embed["description"].startswith("**Works on T-Mobile?**\n🟢 ")
    assert len([q for q in fake.sent() if q.path.endswith("/messages")]) == 1


async def test_slash_ask_answers_with_an_embed(world: World) -> None:
    fake = world.fake
    payload: dict[str, Any] = {}

    async def slash() -> None:
        payload.update(
            await fake.slash(
                world.alice, world.general, "ask", [{"name": "question", "type": 3, "value": "pixel 9 on tmo"}]
            )
        )

    fut = fake.wait_request(lambda r: "/callback" in r.path)
    await slash()
    r = await asyncio.wait_for(fut, TIMEOUT)
    assert r.path == f"/interactions/{payload['id']}/{payload['token']}/callback"
    assert r.query == {"with_response": "1"}
    assert r.body["type"] == 4
    [embed] = r.body["data"]["embeds"]
    assert embed["title"] == "Pixel 9" and embed["color"] == 0x2ECC71
    assert r.body["data"]["allowed_mentions"] == {"parse": []}


async def test_sold_with_autocompleted_ids(world: World) -> None:
    fake = world.fake
    fut = fake.wait_request(lambda r: "/callback" in r.path)
    await fake.slash(
        world.alice,
        world.general,
        "sold",
        [{"name": "device", "type": 3, "value": "xiaomi-14"}, {"name": "country", "type": 3, "value": "US"}],
    )
    r = await asyncio.wait_for(fut, TIMEOUT)
    [embed] = r.body["data"]["embeds"]
    assert embed["description"].startswith("🔴 **Sold in the United States?** No: the Xiaomi 14 is not sold officially")


async def test_autocomplete_offers_choices(world: World) -> None:
    fake = world.fake
    fut = fake.wait_request(lambda r: "/callback" in r.path)
    await fake.autocomplete(
        world.alice,
        world.general,
        "sold",
        [
            {"name": "device", "type": 3, "value": "pixel 9 p", "focused": True},
            {"name": "country", "type": 3, "value": ""},
        ],
    )
    r = await asyncio.wait_for(fut, TIMEOUT)
    assert r.body["type"] == 8
    choices = r.body["data"]["choices"]
    assert {"name": "Pixel 9 Pro", "value": "pixel-9-pro"} in choices
    assert {"name": "Pixel 9", "value": "pixel-9"} in choices
    assert "xiaomi-14" not in [c["value"] for c in choices]

    fut = fake.wait_request(lambda r: "/callback" in r.path)
    await fake.autocomplete(
        world.alice,
        world.general,
        "works",
        [
            {"name": "device", "type": 3, "value": "pixel-9"},
            {"name": "carrier", "type": 3, "value": "t-mo", "focused": True},
        ],
    )
    r = await asyncio.wait_for(fut, TIMEOUT)
    assert r.body["data"]["choices"][0] == {"name": "T-Mobile (US)", "value": "tmobile-us"}


async def clicked(world: World, who: Any, message: Any, custom_id: str, **kw: Any) -> Any:
    """The bot's answer to one click (a button, or a menu with `values=`)."""
    fut = world.fake.wait_request(lambda r: "/callback" in r.path)
    await world.fake.click(who, message, custom_id, **kw)
    return await asyncio.wait_for(fut, TIMEOUT)


@contextlib.asynccontextmanager
async def restarted(world: World) -> AsyncIterator[None]:
    """The world's bot stopped and a new one started on the same service: nothing in memory survives."""
    await world.bot.close()
    config = world.config
    assert config is not None
    again = build_bot(config, world.service, guild_ready_timeout=0.05)
    task = asyncio.create_task(again.start(config.token))
    try:
        await asyncio.wait_for(again.wait_until_ready(), TIMEOUT)
        yield
    finally:
        await again.close()
        await asyncio.wait_for(task, TIMEOUT)


async def test_did_you_mean_buttons_answer_in_place(world: World) -> None:
    fake = world.fake
    fut = fake.wait_request(lambda r: "/callback" in r.path)
    await fake.slash(
        world.alice, world.general, "ask", [{"name": "question", "type": 3, "value": "will the pixel 9a work on tmo"}]
    )
    r = await asyncio.wait_for(fut, TIMEOUT)
    data = r.body["data"]
    buttons = [c for row in data["components"] for c in row["components"]]
    assert [b["label"] for b in buttons] == ["Pixel 9", "Pixel 9 Pro"]
    message = next(m for m in fake.messages.values() if m.get("components") == data["components"])

    # Someone else cannot pick for alice.
    refused = await clicked(world, world.mod, message, buttons[1]["custom_id"])
    assert refused.body["type"] == 4 and refused.body["data"]["flags"] == 64

    r = await clicked(world, world.alice, message, buttons[1]["custom_id"])
    assert r.body["type"] == 7, "the answer is edited in place"
    [embed] = r.body["data"]["embeds"]
    assert embed["title"] == "Pixel 9 Pro"
    assert embed["description"].startswith("**Works on T-Mobile?**\n🟢 ")
    assert r.body["data"]["components"] == []

    # After a restart (a new bot, nothing in memory) the choices of an earlier answer still answer.
    async with restarted(world):
        refused = await clicked(world, world.mod, message, buttons[0]["custom_id"])
        assert refused.body["type"] == 4 and refused.body["data"]["flags"] == 64, "still only for alice"
        r = await clicked(world, world.alice, message, buttons[0]["custom_id"])
        assert r.body["type"] == 7
        assert r.body["data"]["embeds"][0]["title"] == "Pixel 9"


async def test_the_choices_of_a_long_post_survive_a_restart(world: World) -> None:
    fake = world.fake
    question = (
        "hi all, long time lurker here, sorry for my english. I am moving next month and my old phone died:\n"
        "will the pixel 9a work on tmo? thanks in advance for any help"
    )
    fut = fake.wait_request(lambda r: "/callback" in r.path)
    await fake.slash(world.alice, world.general, "ask", [{"name": "question", "type": 3, "value": question}])
    r = await asyncio.wait_for(fut, TIMEOUT)
    data = r.body["data"]
    buttons = [c for row in data["components"] for c in row["components"]]
    assert [b["label"] for b in buttons] == ["Pixel 9", "Pixel 9 Pro"]
    # The question is too long for a custom id: they carry the key it is kept under.
    assert all(len(b["custom_id"]) <= 100 and question not in b["custom_id"] for b in buttons)
    message = next(m for m in fake.messages.values() if m.get("components") == data["components"])

    async with restarted(world):
        refused = await clicked(world, world.mod, message, buttons[1]["custom_id"])
        assert refused.body["type"] == 4 and refused.body["data"]["flags"] == 64, "still only for alice"
        r = await clicked(world, world.alice, message, buttons[1]["custom_id"])
        assert r.body["type"] == 7
        [embed] = r.body["data"]["embeds"]
        assert embed["title"] == "Pixel 9 Pro" and embed["description"].startswith("**Works on T-Mobile?**")

        # A key no longer kept (an answer older than its kept question) says so in one line.
        with sqlite3.connect(world.service.store.path) as conn:
            conn.execute("DELETE FROM kept_questions")
        r = await clicked(world, world.alice, message, buttons[0]["custom_id"])
        assert r.body["type"] == 4 and r.body["data"]["content"].startswith("That choice is too old")


async def test_more_than_five_suggestions_come_as_a_menu(world: World) -> None:
    fake = world.fake
    fut = fake.wait_request(lambda r: "/callback" in r.path)
    await fake.slash(
        world.alice, world.general, "ask", [{"name": "question", "type": 3, "value": "pixel 9 on vodafone"}]
    )
    r = await asyncio.wait_for(fut, TIMEOUT)
    [row] = r.body["data"]["components"]
    [menu] = row["components"]
    assert menu["type"] == 3 and len(menu["options"]) == len(VODAFONES)
    message = next(m for m in fake.messages.values() if m.get("components") == r.body["data"]["components"])

    r = await clicked(world, world.alice, message, menu["custom_id"], values=["carrier:vodafone-it"])
    assert r.body["type"] == 7
    [embed] = r.body["data"]["embeds"]
    assert embed["title"] == "Pixel 9" and embed["description"].startswith("**Works on Vodafone IT?**\n🔴")

    # After a restart the menu of an earlier answer still answers, for its asker only.
    async with restarted(world):
        refused = await clicked(world, world.mod, message, menu["custom_id"], values=["carrier:vodafone-it"])
        assert refused.body["type"] == 4 and refused.body["data"]["flags"] == 64
        r = await clicked(world, world.alice, message, menu["custom_id"], values=["carrier:vodafone-es"])
        assert r.body["type"] == 7
        assert r.body["data"]["embeds"][0]["description"].startswith("**Works on Vodafone ES?**")


def statement_quote(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        [(data,)] = conn.execute("select data from statements where id = 'xiaomi-us-2016'").fetchall()
    return str(json.loads(data)["quote"])


def changes(db: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("select actor, action, entry_id from changes order by change_id").fetchall()


EDIT = [
    {
        "name": "statement",
        "type": 2,
        "options": [
            {
                "name": "edit",
                "type": 1,
                "options": [
                    {"name": "id", "type": 3, "value": "xiaomi-us-2016"},
                    {"name": "quote", "type": 3, "value": "Xiaomi phones are not sold in the US."},
                    {"name": "date", "type": 3, "value": "2016-03-01"},
                ],
            }
        ],
    }
]


async def test_kb_edit_refused_for_members_and_accepted_for_moderators(world: World) -> None:
    fake = world.fake
    before = changes(world.db)

    fut = fake.wait_request(lambda r: "/callback" in r.path)
    await fake.slash(world.alice, world.general, "kb", EDIT)
    r = await asyncio.wait_for(fut, TIMEOUT)
    assert r.body["type"] == 4 and r.body["data"]["flags"] == 64, "an ephemeral refusal"
    assert "Only moderators" in r.body["data"]["content"]
    assert statement_quote(world.db) == "Not here @everyone <@&42>."
    assert changes(world.db) == before

    # The edit is deferred at once (questions go on meanwhile) and its result follows.
    deferred = fake.wait_request(lambda r: "/callback" in r.path)
    fut = fake.wait_request(lambda r: r.method == "POST" and r.path.startswith("/webhooks/"))
    await fake.slash(world.mod, world.general, "kb", EDIT)
    assert (await asyncio.wait_for(deferred, TIMEOUT)).body == {"type": 5, "data": {"flags": 64}}
    r = await asyncio.wait_for(fut, TIMEOUT)
    assert r.body["flags"] == 64
    assert r.body["embeds"][0]["title"] == "Saved statement xiaomi-us-2016"
    assert statement_quote(world.db) == "Xiaomi phones are not sold in the US."
    assert changes(world.db)[-1] == (f"discord:{world.mod.id} (mod)", "edit statements", "xiaomi-us-2016")

    # Manage Server is enough too; and the answers use the edit at once.
    fut = fake.wait_request(lambda r: "/callback" in r.path)
    await fake.slash(
        world.admin, world.general, "ask", [{"name": "question", "type": 3, "value": "xiaomi 14 sold in us"}]
    )
    r = await asyncio.wait_for(fut, TIMEOUT)
    assert "not sold in the US" in json.dumps(r.body["data"]["embeds"])


def entry_data(db: Path, table: str, entry_id: str) -> dict[str, Any]:
    with sqlite3.connect(db) as conn:
        [(data,)] = conn.execute(f"select data from {table} where id = ?", (entry_id,)).fetchall()
    found: dict[str, Any] = json.loads(data)
    return found


async def test_kb_sets_fields_offered_since_the_schema_check(world: World) -> None:
    # Fields the commands gained when tests/test_shape.py held them to schema.json: a statement's speaker
    # and note, a model's markets and source, a carrier's source page.
    fake = world.fake

    async def run(options: list[dict[str, Any]]) -> dict[str, Any]:
        fut = fake.wait_request(lambda r: r.method == "POST" and r.path.startswith("/webhooks/"))
        await fake.slash(world.mod, world.general, "kb", options)
        body: dict[str, Any] = (await asyncio.wait_for(fut, TIMEOUT)).body
        return body

    def sub(group: str, name: str, **values: str | bool) -> list[dict[str, Any]]:
        opts = [{"name": k, "type": 5 if isinstance(v, bool) else 3, "value": v} for k, v in values.items()]
        leaf = {"name": name, "type": 1, "options": opts}
        return [{"name": group, "type": 2, "options": [leaf]}] if group else [leaf]

    r = await run(sub("statement", "edit", id="xiaomi-us-2016", speaker="Xiaomi's US office", note="Checked."))
    assert r["embeds"][0]["title"] == "Saved statement xiaomi-us-2016"
    saved = entry_data(world.db, "statements", "xiaomi-us-2016")
    assert saved["speaker"] == "Xiaomi's US office" and saved["note"] == "Checked."

    r = await run(sub("", "bands", device="xiaomi-14", variant="x14g", made_for="Global, EU", source="FCC filing"))
    assert r["embeds"][0]["title"] == "Saved device xiaomi-14"
    [x14g] = [v for v in entry_data(world.db, "devices", "xiaomi-14")["variants"] if v["id"] == "x14g"]
    assert x14g["made_for"] == ["Global", "EU"] and x14g["source"] == "FCC filing"
    assert x14g["bands"]["lte"] == [2, 4, 12, 66]  # untouched

    r = await run(sub("carrier", "edit", id="tmobile-us", source_url="https://www.t-mobile.com/coverage"))
    assert entry_data(world.db, "carriers", "tmobile-us")["source_url"] == "https://www.t-mobile.com/coverage"
    # The schema's rule holds for a new field as for the old ones: no javascript: links.
    before = changes(world.db)
    r = await run(sub("carrier", "edit", id="tmobile-us", source_url="javascript:alert(1)"))
    assert r["content"].startswith("Nothing changed:") and "source_url" in r["content"]
    assert changes(world.db) == before


async def test_kb_bad_input_changes_nothing(world: World) -> None:
    fake = world.fake
    before = changes(world.db)
    fut = fake.wait_request(lambda r: r.method == "POST" and r.path.startswith("/webhooks/"))
    bad = json.loads(json.dumps(EDIT))
    bad[0]["options"][0]["options"][2]["value"] = "2016-02-30"
    await fake.slash(world.mod, world.general, "kb", bad)
    r = await asyncio.wait_for(fut, TIMEOUT)
    assert r.body["flags"] == 64
    assert r.body["content"].startswith("Nothing changed:")
    assert "date" in r.body["content"]
    assert changes(world.db) == before


async def test_kb_import_refuses_big_files_and_applies_after_confirm(world: World) -> None:
    fake = world.fake
    before = changes(world.db)

    def attach(name: str, size: int) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        aid = "1300000000000009999"
        options = [{"name": "import", "type": 1, "options": [{"name": "file", "type": 11, "value": aid}]}]
        resolved = {
            "attachments": {
                aid: {
                    "id": aid,
                    "filename": name,
                    "size": size,
                    "url": f"{fake.base}/attachments/{name}",
                    "proxy_url": f"{fake.base}/attachments/{name}",
                    "content_type": "application/json",
                }
            }
        }
        return options, resolved

    options, resolved = attach("huge.json", 20 * 1024 * 1024)
    fut = fake.wait_request(lambda r: "/callback" in r.path)
    await fake.slash(world.mod, world.general, "kb", options, resolved=resolved)
    r = await asyncio.wait_for(fut, TIMEOUT)
    assert r.body["data"]["flags"] == 64
    assert "20,971,520 bytes; the limit is 2,097,152 (2 MB)" in r.body["data"]["content"]

    new = make_bundle(
        vendors=[vendor("google", "Google")],
        devices=[device("pixel-10", "google", "Pixel 10", variant("p10", lte=[2, 4, 66]))],
    )
    fake.attachments["pixel10.json"] = json.dumps(new).encode()
    options, resolved = attach("pixel10.json", len(fake.attachments["pixel10.json"]))
    fut = fake.wait_request(lambda r: r.method == "POST" and r.path.startswith("/webhooks/"))
    await fake.slash(world.mod, world.general, "kb", options, resolved=resolved)
    preview = await asyncio.wait_for(fut, TIMEOUT)
    assert preview.body["flags"] == 64
    assert "devices: 1 added" in preview.body["embeds"][0]["description"]
    assert changes(world.db) == before, "nothing changes before Confirm"
    message = next(m for m in fake.messages.values() if m.get("components") == preview.body["components"])

    fut = fake.wait_request(lambda r: r.method == "PATCH" and r.path.endswith("/messages/@original"))
    await fake.click(world.mod, message, "confirm")
    r = await asyncio.wait_for(fut, TIMEOUT)
    assert r.body["embeds"][0]["title"] == "Imported pixel10.json" and r.body["components"] == []
    assert changes(world.db)[-1] == (f"discord:{world.mod.id} (mod)", "import", "pixel-10")
    assert world.service.ask("pixel 10 bands").device == "pixel-10"


async def test_edits_by_another_process_are_seen(world: World) -> None:
    other = Service(Store(world.db))
    other.upsert("devices", device("pixel-11", "google", "Pixel 11", variant("p11", lte=[2])), actor="cli")
    for _ in range(40):
        if world.service.ask("pixel 11 bands").device == "pixel-11":
            break
        await asyncio.sleep(0.1)
    assert world.service.ask("pixel 11 bands").device == "pixel-11"


async def test_cooldown_is_friendly(tmp_path: Path, caplog_errors: pytest.LogCaptureFixture) -> None:
    fake = FakeDiscord()
    setup_world(fake)
    await fake.start()
    fake.point_discord_py_at()
    config = Config(token="t", cooldown_rate=1, cooldown_per=60.0)
    bot = build_bot(config, make_service(tmp_path), guild_ready_timeout=0.05)
    task = asyncio.create_task(bot.start(config.token))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), TIMEOUT)
        alice = next(u for u in fake.members if u.name == "alice")
        channel = next(iter(fake.channels))
        assert fake.identify is not None and not fake.identify["intents"] & (1 << 15), "no message content intent"
        assert list(fake.synced) == [f"/applications/{fake.application_id}/commands"], "global sync"
        replies = []
        for _ in range(2):
            fut = fake.wait_request(lambda r: "/callback" in r.path)
            await fake.slash(alice, channel, "bands", [{"name": "device", "type": 3, "value": "pixel-9"}])
            replies.append(await asyncio.wait_for(fut, TIMEOUT))
        assert replies[0].body["data"]["embeds"][0]["title"] == "Pixel 9"
        assert replies[1].body["data"]["flags"] == 64
        assert replies[1].body["data"]["content"].startswith("Easy there! You can ask me again in")
        check_no_pings(fake)
    finally:
        await bot.close()
        await asyncio.wait_for(task, TIMEOUT)
        await fake.stop()
        fake.restore()


async def test_run_serves_http_with_gateway_state(tmp_path: Path, unused_tcp_port: int) -> None:
    fake = FakeDiscord()
    setup_world(fake)
    await fake.start()
    fake.point_discord_py_at()
    config = Config(token="t", http_port=unused_tcp_port)
    task = asyncio.create_task(run_bot(config, make_service(tmp_path), guild_ready_timeout=0.05))
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(50):
                try:
                    async with http.get(f"http://127.0.0.1:{unused_tcp_port}/healthz") as resp:
                        body = await resp.json()
                        if body["discord"]["ready"]:
                            break
                except aiohttp.ClientConnectionError:
                    pass
                await asyncio.sleep(0.1)
            assert resp.status == 200
            assert body["discord"]["ready"] is True and body["discord"]["servers"] == 1
            assert body["knowledge"]["devices"] == 3
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await fake.stop()
        fake.restore()


async def test_sharded_bot_identifies_with_its_shard(tmp_path: Path) -> None:
    fake = FakeDiscord()
    setup_world(fake)
    await fake.start()
    fake.point_discord_py_at()
    config = Config(token="t", shard_count=1)
    bot = build_bot(config, make_service(tmp_path), guild_ready_timeout=0.05)
    assert isinstance(bot, commands.AutoShardedBot)
    task = asyncio.create_task(bot.start(config.token))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), TIMEOUT)
        assert fake.identify is not None and fake.identify["shard"] == [0, 1]
        shards = health(bot)["discord"]["shards"]
        assert list(shards) == ["0"] and shards["0"]["connected"] is True
    finally:
        await bot.close()
        await asyncio.wait_for(task, TIMEOUT)
        await fake.stop()
        fake.restore()


async def test_kb_history_undo_and_export(world: World) -> None:
    fake = world.fake
    fut = fake.wait_request(lambda r: r.method == "POST" and r.path.startswith("/webhooks/"))
    await fake.slash(world.mod, world.general, "kb", EDIT)
    await asyncio.wait_for(fut, TIMEOUT)
    with sqlite3.connect(world.db) as conn:
        [(change_id,)] = conn.execute("select max(change_id) from changes").fetchall()

    fut = fake.wait_request(lambda r: "/callback" in r.path)
    await fake.slash(
        world.mod,
        world.general,
        "kb",
        [{"name": "history", "type": 1, "options": [{"name": "entry", "type": 3, "value": "xiaomi-us-2016"}]}],
    )
    r = await asyncio.wait_for(fut, TIMEOUT)
    [embed] = r.body["data"]["embeds"]
    assert embed["title"] == "History of xiaomi-us-2016"
    assert embed["description"].startswith(f"`#{change_id}` ")
    assert (
        f"discord:{world.mod.id} (mod) (edit statements): statements `xiaomi-us-2016` changed" in embed["description"]
    )

    fut = fake.wait_request(lambda r: r.method == "POST" and r.path.startswith("/webhooks/"))
    await fake.slash(
        world.mod,
        world.general,
        "kb",
        [{"name": "undo", "type": 1, "options": [{"name": "change_id", "type": 4, "value": change_id}]}],
    )
    r = await asyncio.wait_for(fut, TIMEOUT)
    assert r.body["embeds"][0]["title"] == f"Undid change {change_id}"
    assert statement_quote(world.db) == "Not here @everyone <@&42>."
    assert changes(world.db)[-1] == (f"discord:{world.mod.id} (mod)", f"undo {change_id}", "xiaomi-us-2016")

    fut = fake.wait_request(lambda r: "/callback" in r.path)
    await fake.slash(world.mod, world.general, "kb", [{"name": "export", "type": 1, "options": []}])
    r = await asyncio.wait_for(fut, TIMEOUT)
    assert r.body["data"]["flags"] == 64
    [attachment] = r.files.values()
    exported = json.loads(attachment)
    assert exported["format"] == "devicebot-knowledge/1"
    assert {d["id"] for d in exported["devices"]} == {"pixel-9", "pixel-9-pro", "xiaomi-14"}


async def test_the_per_network_detail_opens_behind_a_button(world: World) -> None:
    fake = world.fake
    fut = fake.wait_request(lambda r: "/callback" in r.path)
    await fake.slash(world.alice, world.general, "ask", [{"name": "question", "type": 3, "value": "xiaomi 14 on tmo"}])
    data = (await asyncio.wait_for(fut, TIMEOUT)).body["data"]
    [embed] = data["embeds"]
    # The summary says each model's verdict in words; the per-model lines are folded away.
    assert "The Global (23127PN0CG) model" in embed["description"]
    assert not any(f["name"].startswith("Per model") for f in embed.get("fields", []))
    [button] = [c for row in data["components"] for c in row["components"]]
    assert button["label"] == "Per network"
    message = next(m for m in fake.messages.values() if m.get("components") == data["components"])

    # Anyone may open it, for themselves.
    r = await clicked(world, world.mod, message, button["custom_id"])
    assert r.body["type"] == 4 and r.body["data"]["flags"] == 64
    [detail] = r.body["data"]["embeds"]
    lines = next(f["value"] for f in detail["fields"] if f["name"] == "Per model")
    assert "Global (23127PN0CG): works" in lines and "China (23127PN0CC): does not work" in lines
    assert button["custom_id"] == "detail:xiaomi 14 on tmo"

    # After a restart (a new bot, nothing in memory) the same button still opens the detail.
    async with restarted(world):
        r = await clicked(world, world.alice, message, button["custom_id"])
        assert r.body["type"] == 4 and r.body["data"]["flags"] == 64
        assert "Per model" in json.dumps(r.body["data"]["embeds"])

        # A long post's detail button carries the key its question is kept under, and opens after a restart too.
        question = "bought a xiaomi 14 on my trip last month and just got home to the states.\nwill it work on tmo?"
        fut = fake.wait_request(lambda r: "/callback" in r.path)
        await fake.slash(world.alice, world.general, "ask", [{"name": "question", "type": 3, "value": question}])
        data = (await asyncio.wait_for(fut, TIMEOUT)).body["data"]
        [button] = [c for row in data["components"] for c in row["components"]]
        assert button["label"] == "Per network" and button["custom_id"].startswith("detail:#")
        message = next(m for m in fake.messages.values() if m.get("components") == data["components"])
    async with restarted(world):
        r = await clicked(world, world.mod, message, button["custom_id"])
        assert r.body["type"] == 4 and "Global (23127PN0CG): works" in json.dumps(r.body["data"]["embeds"])


async def test_a_follow_ups_detail_opens_after_a_restart(world: World) -> None:
    fake = world.fake

    async def ask(question: str) -> dict[str, Any]:
        fut = fake.wait_request(lambda r: "/callback" in r.path)
        await fake.slash(world.alice, world.general, "ask", [{"name": "question", "type": 3, "value": question}])
        return dict((await asyncio.wait_for(fut, TIMEOUT)).body["data"])

    await ask("is the xiaomi 14 sold in the us?")
    data = await ask("and on tmo?")
    [button] = [c for row in data["components"] for c in row["components"]]
    # "and on tmo?" alone names no phone: the button carries the question asked whole.
    assert button["label"] == "Per network" and button["custom_id"] == "detail:Xiaomi 14 on T-Mobile in United States"
    message = next(m for m in fake.messages.values() if m.get("components") == data["components"])
    async with restarted(world):
        r = await clicked(world, world.mod, message, button["custom_id"])
        assert r.body["type"] == 4 and "Global (23127PN0CG): works" in json.dumps(r.body["data"]["embeds"])


async def test_help_about_and_a_bare_mention(world: World) -> None:
    fake = world.fake
    fut = fake.wait_request(lambda r: "/callback" in r.path)
    await fake.slash(world.alice, world.general, "help", [])
    r = await asyncio.wait_for(fut, TIMEOUT)
    assert r.body["data"]["flags"] == 64
    [embed] = r.body["data"]["embeds"]
    assert embed["title"] == "What I answer" and "Will the Pixel 9 work on Verizon?" in embed["description"]

    fut = fake.wait_request(lambda r: "/callback" in r.path)
    await fake.slash(world.alice, world.general, "about", [])
    [about] = (await asyncio.wait_for(fut, TIMEOUT)).body["data"]["embeds"]
    # The fixture's knowledge: 3 phones of 2 makers, 7 carriers, 1 statement.
    assert about["title"] == "What I know" and "3 phones (4 regional models) of 2 makers" in about["description"]
    assert (
        "1 vendor statement on where they sell, over 1 vendor × country pair; the newest from 2016-02-02"
        in (about["description"])
    )

    me = User(fake.bot.id, fake.bot.name, bot=True)
    r = await world.next_request(
        lambda r: r.method == "POST" and r.path.endswith("/messages"),
        fake.say(world.alice, world.general, f"<@{me.id}>", mentions=[me]),
    )
    [embed] = r.body["embeds"]
    assert embed["title"] == "What I answer"


async def test_server_settings_country_channel_and_private_answers(world: World) -> None:
    fake = world.fake

    async def slash(user: Any, name: str, options: list[dict[str, Any]]) -> dict[str, Any]:
        fut = fake.wait_request(lambda r: "/callback" in r.path)
        await fake.slash(user, world.general, name, options)
        return (await asyncio.wait_for(fut, TIMEOUT)).body

    def sub(name: str, **values: Any) -> list[dict[str, Any]]:
        opts = [{"name": k, "type": 3 if isinstance(v, str) else 5, "value": v} for k, v in values.items()]
        return [{"name": name, "type": 1, "options": opts}]

    # Only Manage Server may change them, and the refusal says why.
    refused = await slash(world.alice, "settings", sub("country", country="DE"))
    assert refused["data"]["flags"] == 64 and "Manage Server" in json.dumps(refused["data"])

    unknown = await slash(world.admin, "settings", sub("country", country="@everyone land"))
    assert "I don't know a country called" in unknown["data"]["content"]  # defused: check_no_pings holds

    saved = await slash(world.admin, "settings", sub("country", country="DE"))
    [embed] = saved["data"]["embeds"]
    assert embed["title"] == "Saved" and "Country: Germany" in embed["description"]
    # "vodafone" is six networks; in a German server it is Vodafone Germany.
    r = await slash(
        world.alice, "ask", [{"name": "question", "type": 3, "value": "does the pixel 9 work on vodafone?"}]
    )
    [answer] = r["data"]["embeds"]
    assert answer["description"].startswith("**Works on Vodafone DE?**")

    await slash(world.admin, "settings", sub("private", private=True))
    r = await slash(world.alice, "ask", [{"name": "question", "type": 3, "value": "pixel 9 on tmo"}])
    assert r["data"]["flags"] == 64, "a private server's answers are ephemeral"

    # An answer channel set in the server: a plain question there is answered without a mention.
    fut = fake.wait_request(lambda r: "/callback" in r.path)
    channel = {"id": world.general, "name": "general", "type": 0, "permissions": "0", "guild_id": fake.guild_id}
    await fake.slash(
        world.admin,
        world.general,
        "settings",
        [{"name": "channel", "type": 1, "options": [{"name": "channel", "type": 7, "value": world.general}]}],
        resolved={"channels": {world.general: channel}},
    )
    assert "Saved" in json.dumps((await asyncio.wait_for(fut, TIMEOUT)).body)
    r = await world.next_request(
        lambda r: r.method == "POST" and r.path == f"/channels/{world.general}/messages",
        fake.say(world.alice, world.general, "is the pixel 9 sold in the us?"),
    )
    assert r.body["embeds"][0]["title"] == "Pixel 9"
    shown = await slash(world.admin, "settings", [{"name": "show", "type": 1, "options": []}])
    assert "#general" in shown["data"]["embeds"][0]["description"]


async def test_commands_and_answers_speak_the_members_language(world: World) -> None:
    fake = world.fake
    route = f"/applications/{fake.application_id}/guilds/{fake.guild_id}/commands"
    ask_command = next(c for c in fake.synced[route] if c["name"] == "ask")
    assert ask_command["description_localizations"]["pt-BR"].startswith("Pergunte sobre um celular")
    assert ask_command["description_localizations"]["es-ES"].startswith("Pregunta por un teléfono")
    assert "name_localizations" not in ask_command or not ask_command["name_localizations"]

    fut = fake.wait_request(lambda r: "/callback" in r.path)
    await fake.slash(
        world.alice,
        world.general,
        "ask",
        [{"name": "question", "type": 3, "value": "xiaomi 14 on tmo"}],
        locale="pt-BR",
    )
    [embed] = (await asyncio.wait_for(fut, TIMEOUT)).body["data"]["embeds"]
    assert embed["description"].startswith(
        "**Funciona na T-Mobile?**\n🟡 O modelo Global (23127PN0CG) funciona em parte"
    )

    # A message is answered in the language it is written in.
    me = User(fake.bot.id, fake.bot.name, bot=True)
    r = await world.next_request(
        lambda r: r.method == "POST" and r.path.endswith("/messages"),
        fake.say(world.alice, world.general, f"<@{me.id}> ¿el pixel 9 funciona con tmo?", mentions=[me]),
    )
    assert r.body["embeds"][0]["description"].startswith("**¿Funciona con T-Mobile?**")
