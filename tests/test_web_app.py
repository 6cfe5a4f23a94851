"""The HTTP service on a real aiohttp server on loopback, with a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient
from conftest import carrier, device, make_bundle, statement, variant, vendor

from bot import bundle
from bot.bundle import KnowledgeError
from bot.service import Service
from bot.store import Store
from bot.web.app import create_app

Client = Callable[..., Awaitable[TestClient]]


@pytest.fixture
def service(tmp_path: Path) -> Service:
    path = tmp_path / "b.json"
    path.write_text(
        json.dumps(
            make_bundle(
                vendors=[vendor("xiaomi", "Xiaomi"), vendor("google", "Google")],
                devices=[
                    device(
                        "xiaomi-14",
                        "xiaomi",
                        "Xiaomi 14",
                        variant("x14g", "Global", ("23127PN0CG",), lte=[2, 4, 12, 66, 71]),
                        variant("x14c", "China", ("23127PN0CC",), lte=[1, 3, 41]),
                    ),
                    device("pixel-9", "google", "Pixel 9", variant("p9", lte=[2, 4, 12, 66, 71])),
                ],
                carriers=[
                    carrier("tmobile-us", "US", "T-Mobile", "tmo", lte=([2, 4, 12, 66, 71], [])),
                    carrier("mint-us", "US", "Mint Mobile", mvno_of="tmobile-us"),
                    carrier("ee-gb", "GB", "EE", lte=([1, 3, 20], [])) | {"bands_incomplete": True},
                ],
                statements=[
                    statement(
                        "xiaomi-us-2015", "xiaomi", "US", "not_sold", "2015-02-02", quote="No plans <b>@everyone</b>."
                    )
                ],
            )
        )
    )
    store = Store(tmp_path / "kb.db")
    store.apply(bundle.read_path(path), replace=True, actor="t", action="seed")
    return Service(store)


@pytest.fixture
async def client(aiohttp_client: Client, service: Service) -> TestClient:
    return await aiohttp_client(create_app(service, rate=5, per=60.0))


async def test_ask_is_the_cli_json(client: TestClient, service: Service) -> None:
    response = await client.get("/api/ask", params={"q": "Is the Xiaomi 14 sold in the US?"})
    assert response.status == 200 and response.content_type == "application/json"
    body = await response.json()
    assert body == service.to_dict(service.ask("Is the Xiaomi 14 sold in the US?"))
    assert body["availability"]["status"] == "not_sold"


async def test_a_follow_up_names_the_question_it_follows(client: TestClient) -> None:
    response = await client.get(
        "/api/ask", params={"q": "what about on tmo?", "after": "will the pixel 9 work in japan?"}
    )
    body = await response.json()
    assert (body["device"]["id"], body["carrier"]["id"], body["intent"]) == ("pixel-9", "tmobile-us", "compatibility")
    alone = await (await client.get("/api/ask", params={"q": "what about on tmo?"})).json()
    assert alone["device"] is None
    long = await client.get("/api/ask", params={"q": "and on tmo?", "after": "x" * 2001})
    assert long.status == 413 and "after is 2001 characters" in (await long.json())["error"]


async def test_ask_errors(client: TestClient) -> None:
    missing = await client.get("/api/ask")
    assert missing.status == 400 and "missing parameter q" in (await missing.json())["error"]
    long = await client.get("/api/ask", params={"q": "x" * 2001})
    assert long.status == 413 and (await long.json())["status"] == 413


async def test_rate_limit_per_client(client: TestClient) -> None:
    statuses = [(await client.get("/api/ask", params={"q": "pixel 9 on tmo"})).status for _ in range(7)]
    assert statuses[:5] == [200] * 5 and statuses[5:] == [429, 429]
    limited = await client.get("/api/ask", params={"q": "pixel 9"})
    assert int(limited.headers["Retry-After"]) >= 1


async def test_devices_and_device(client: TestClient) -> None:
    devices = await (await client.get("/api/devices")).json()
    assert [d["id"] for d in devices] == ["xiaomi-14", "pixel-9"]
    assert [d["id"] for d in await (await client.get("/api/devices", params={"vendor": "google"})).json()] == [
        "pixel-9"
    ]
    assert (await client.get("/api/devices", params={"vendor": "nope"})).status == 404
    one = await client.get("/api/devices/xiaomi-14")
    assert (await one.json())["variants"][1]["models"] == ["23127PN0CC"]
    missing = await client.get("/api/devices/nope")
    assert missing.status == 404 and "unknown device 'nope'" in (await missing.json())["error"]


async def test_carriers_and_statements(client: TestClient) -> None:
    us = await (await client.get("/api/carriers", params={"country": "us"})).json()
    assert [c["id"] for c in us] == ["tmobile-us", "mint-us"]
    bad = await client.get("/api/carriers", params={"country": "USA"})
    assert bad.status == 400 and "ISO 3166-1" in (await bad.json())["error"]
    sts = await (await client.get("/api/statements", params={"vendor": "xiaomi", "country": "US"})).json()
    assert [s["id"] for s in sts] == ["xiaomi-us-2015"]
    assert await (await client.get("/api/statements", params={"country": "GB"})).json() == []


async def test_healthz(client: TestClient, service: Service) -> None:
    ok = await client.get("/healthz")
    body = await ok.json()
    assert ok.status == 200 and body["status"] == "ok" and body["knowledge"]["devices"] == 2
    assert body["knowledge"]["shipped_current"] is True  # a database of one's own knowledge, never seeded
    service.store.db.conn.execute(
        "insert into changes (batch, at, actor, action, kind, entry_id, before, after) "
        "values (99, '2026-01-01', 'devicebot', 'seed', 'vendors', 'x', null, null)"
    )
    service.store.db.conn.commit()
    old = await (await client.get("/healthz")).json()
    assert old["status"] == "ok" and old["knowledge"]["shipped_current"] is False  # seeded by an older version
    service.store.db.conn.close()
    broken = await client.get("/healthz")
    assert broken.status == 503 and (await broken.json())["database"]["ok"] is False


async def test_healthz_is_503_while_the_last_reload_failed_and_never_shows_the_path(
    client: TestClient, service: Service
) -> None:
    ok = await client.get("/healthz")
    assert str(service.store.path.parent) not in await ok.text()
    # Another process writes a row that is not an entry: the service's reload fails.
    with sqlite3.connect(service.store.path) as conn:
        conn.execute("update devices set data = '{oops' where id = 'pixel-9'")
    conn.close()
    with pytest.raises(OSError, match="is damaged"):
        service.refresh_if_changed()
    broken = await client.get("/healthz")
    body = await broken.json()
    assert broken.status == 503 and body["status"] == "unhealthy"
    assert body["reason"] == "the last reload of the knowledge failed: the database file is damaged"
    assert str(service.store.path.parent) not in await broken.text()
    asked = await client.get("/api/ask", params={"q": "pixel 9 on tmo"})
    assert asked.status == 200 and (await asked.json())["device"]["id"] == "pixel-9"  # the knowledge read before
    entry = bundle.to_raw(service.engine.knowledge.device("pixel-9")) | {"vendor": "nobody"}
    with sqlite3.connect(service.store.path) as conn:  # an entry again, but naming a vendor nobody knows
        conn.execute("update devices set data = ? where id = 'pixel-9'", [json.dumps(entry)])
    conn.close()
    with pytest.raises(KnowledgeError):
        service.refresh_if_changed()
    assert (await (await client.get("/healthz")).json())["reason"].endswith("knowledge that is not valid")


async def test_healthz_reports_the_bot(aiohttp_client: Client, service: Service) -> None:
    app = create_app(service, health=lambda: {"healthy": False, "discord": {"connected": False}})
    response = await (await aiohttp_client(app)).get("/healthz")
    assert response.status == 503 and (await response.json())["discord"] == {"connected": False}


async def test_metrics_count_questions(client: TestClient) -> None:
    await client.get("/api/ask", params={"q": "pixel 9 on tmo"})
    await client.get("/api/ask", params={"q": "pixel 99 on tmo"})
    text = await (await client.get("/metrics")).text()
    assert 'devicebot_questions_total{adapter="http",intent="compatibility",outcome="answered"} 1.0' in text
    assert 'devicebot_answer_seconds_count{adapter="http"} 2.0' in text


async def test_pages(client: TestClient) -> None:
    index = await client.get("/")
    assert index.status == 200 and 'href="/devices/xiaomi-14"' in await index.text()
    page = await (await client.get("/devices/xiaomi-14")).text()
    assert 'id="verdict-grid"' in page and 'data-verdict="full"' in page and 'data-verdict="none"' in page
    assert "T-Mobile" in page and "Mint Mobile" not in page  # virtual operators share their host's row
    carrier_page = await (await client.get("/carriers/mint-us")).text()
    assert "T-Mobile" in carrier_page and "B71" in carrier_page and "only some" not in carrier_page
    assert "names only some of this network's bands" in await (await client.get("/carriers/ee-gb")).text()
    statements = await (await client.get("/statements")).text()
    assert "&lt;b&gt;@everyone&lt;/b&gt;" in statements  # escaped, never raw HTML
    assert (await client.get("/devices/nope")).status == 404


async def test_suggest(client: TestClient) -> None:
    found = await (await client.get("/api/suggest", params={"q": "xiaom"})).json()
    assert found[0] == {"id": "xiaomi-14", "name": "Xiaomi 14"}


async def test_the_ask_page_shows_the_bots_answer_without_javascript(client: TestClient, service: Service) -> None:
    page = await (await client.get("/ask", params={"q": "xiaomi 14 on tmo"})).text()
    # The same headline as the bot, as HTML; the per-model detail folded in <details>.
    assert "<strong>Works on T-Mobile?</strong>" in page
    assert "The Global (23127PN0CG) model works" in page and "<details><summary>Per model</summary>" in page
    assert 'name="after" value="xiaomi 14 on tmo"' in page  # a follow-up form keeps the question
    follow = await (await client.get("/ask", params={"q": "and the pixel 9?", "after": "xiaomi 14 on tmo"})).text()
    assert "<h2>Pixel 9" in follow and "T-Mobile" in follow


async def test_the_ask_page_escapes_and_offers_choices_as_links(client: TestClient) -> None:
    page = await (await client.get("/ask", params={"q": "is the <script>x</script> xiaomi 14 sold in the us"})).text()
    assert "<script>x" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    assert "No plans &lt;b&gt;@everyone&lt;/b&gt;." in page  # the statement's words, escaped
    choices = await (await client.get("/ask", params={"q": "pixel 10 on tmo"})).text()
    assert "/ask?q=pixel%2010%20on%20tmo&amp;pick=device:pixel-9" in choices
    picked = await (await client.get("/ask", params={"q": "pixel 10 on tmo", "pick": "device:pixel-9"})).text()
    assert "<h2>Pixel 9" in picked
    empty = await client.get("/ask")
    assert empty.status == 200 and "Will the Pixel 9 work on Verizon?" in await empty.text()
    assert (await client.get("/ask", params={"q": "x" * 2001})).status == 413


async def test_a_stored_script_address_is_never_a_link(client: TestClient, service: Service) -> None:
    # A database written before addresses were checked may hold one: the page must not make it a link.
    with sqlite3.connect(service.store.path) as conn:
        [(data,)] = conn.execute("select data from statements where id = 'xiaomi-us-2015'").fetchall()
        entry = json.loads(data) | {"source_url": "javascript:alert(document.domain)"}
        conn.execute("update statements set data = ? where id = 'xiaomi-us-2015'", (json.dumps(entry),))
    assert service.refresh_if_changed()
    page = await (await client.get("/statements")).text()
    assert 'href="javascript' not in page


async def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/ask?q=pixel+9+on+tmo", "/api/ask?q=pixel+9", "/static/style.css", "/devices/nope"):
        r = await client.get(path)
        assert "script-src 'self'" in r.headers["Content-Security-Policy"], path
        assert "frame-ancestors 'none'" in r.headers["Content-Security-Policy"]
        assert r.headers["X-Content-Type-Options"] == "nosniff" and r.headers["Referrer-Policy"] == "no-referrer"
        assert r.headers["Server"] == "devicebot", path  # no library name or version


async def test_the_ask_page_answers_in_the_browsers_language(client: TestClient) -> None:
    page = await (
        await client.get("/ask", params={"q": "xiaomi 14 on tmo"}, headers={"Accept-Language": "es-MX,es;q=0.9"})
    ).text()
    assert "<strong>¿Funciona con T-Mobile?</strong>" in page
    pt = await (await client.get("/ask", params={"q": "xiaomi 14 on tmo", "lang": "pt-BR"})).text()
    assert "<strong>Funciona na T-Mobile?</strong>" in pt


async def test_the_index_groups_by_maker_and_says_when_a_search_finds_nothing(client: TestClient) -> None:
    index = await (await client.get("/")).text()
    assert index.index("<h2>Google") < index.index("<h2>Xiaomi")  # makers in order, each with its phones
    found = await (await client.get("/", params={"q": "xiaomy 14"})).text()
    assert 'href="/devices/xiaomi-14"' in found and 'href="/devices/pixel-9"' not in found
    nothing = await (await client.get("/", params={"q": "nokia 3310"})).text()
    assert "No phone I know matches “nokia 3310”" in nothing


async def test_the_device_grid_follows_the_chosen_country_and_shows_missing_bands(client: TestClient) -> None:
    page = await (await client.get("/devices/xiaomi-14")).text()
    assert "EE" in page and "T-Mobile" in page  # every country when none is chosen
    assert page.count("<h2>Will it work?</h2>") == 1 and '<tr class="group"><th colspan="3">Works</th>' in page
    assert '<small class="missing">no B1, B3, B20</small>' in page  # visible without hovering
    us = await client.get("/devices/xiaomi-14", params={"country": "US"})
    text = await us.text()
    assert "T-Mobile" in text and ">EE<" not in text and us.cookies["country"].value == "US"
    # The last choice is remembered; a browser in Britain starts on Britain.
    again = await (await client.get("/devices/xiaomi-14", cookies={"country": "US"})).text()
    assert ">EE<" not in again
    client.session.cookie_jar.clear()
    british = await (await client.get("/devices/xiaomi-14", headers={"Accept-Language": "en-GB"})).text()
    assert "T-Mobile" not in british and "EE" in british
