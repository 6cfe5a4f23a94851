"""The knowledge page in real headless Chromium: type a phone, follow the suggestion, read the grid."""

from __future__ import annotations

import json
import os
import shutil
import socket
from pathlib import Path

import pytest
from aiohttp import web
from conftest import carrier, device, make_bundle, variant, vendor

from bot import bundle
from bot.service import Service
from bot.store import Store
from bot.web.app import create_app

CHROMIUM = os.environ.get("DEVICEBOT_CHROMIUM", "/usr/bin/chromium")
playwright_api = pytest.importorskip("playwright.async_api", reason="playwright is not installed (pip install .[test])")
pytestmark = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None, reason=f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)"
)
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_search_suggestion_and_verdict_grid(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text(
        json.dumps(
            make_bundle(
                vendors=[vendor("xiaomi", "Xiaomi")],
                devices=[
                    device(
                        "xiaomi-14",
                        "xiaomi",
                        "Xiaomi 14",
                        variant("x14g", "Global", ("23127PN0CG",), lte=[2, 4, 12, 66, 71]),
                        variant("x14c", "China", ("23127PN0CC",), lte=[1, 3, 41]),
                    )
                ],
                carriers=[carrier("tmobile-us", "US", "T-Mobile", lte=([2, 4, 12, 66, 71], []))],
            )
        )
    )
    store = Store(tmp_path / "kb.db")
    store.apply(bundle.read_path(path), replace=True, actor="t", action="seed")
    runner = web.AppRunner(create_app(Service(store)))
    await runner.setup()
    port = _free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        async with playwright_api.async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = await browser.new_page()
            await page.goto(f"http://127.0.0.1:{port}/", timeout=30_000)
            await page.fill("#search", "xiaomy 1")
            suggestion = page.locator("#suggestions a").first
            await suggestion.wait_for(timeout=10_000)
            assert await suggestion.text_content() == "Xiaomi 14"
            await suggestion.click()
            await page.wait_for_url(f"http://127.0.0.1:{port}/devices/xiaomi-14", timeout=10_000)
            cells = page.locator("#verdict-grid td.verdict")
            assert await cells.count() == 2
            assert [await c.get_attribute("data-verdict") for c in await cells.all()] == ["full", "none"]
            green = await cells.first.evaluate("cell => getComputedStyle(cell).backgroundColor")
            assert green == "rgb(216, 243, 220)"
            red = await cells.last.evaluate("cell => getComputedStyle(cell).backgroundColor")
            assert red == "rgb(255, 214, 214)"
            await page.screenshot(
                path=os.environ.get("DEVICEBOT_SCREENSHOT", str(tmp_path / "device.png")), full_page=True
            )
            shots = Path(os.environ.get("DEVICEBOT_SCREENSHOTS", str(tmp_path)))
            shots.mkdir(parents=True, exist_ok=True)
            for width in (375, 1280):
                # The ask box answers as the bot does, with no script, and nothing scrolls sideways.
                small = await browser.new_page(viewport={"width": width, "height": 800}, java_script_enabled=False)
                await small.goto(f"http://127.0.0.1:{port}/", timeout=30_000)
                await small.fill("form.ask input[name=q]", "will the xiaomi 14 work on t-mobile")
                await small.click("form.ask button")
                await small.wait_for_url("**/ask?q=*", timeout=10_000)
                headline = small.locator(".answer p.headline")
                assert "Works on T-Mobile?" in (await headline.first.text_content() or "")
                details = small.locator(".answer details summary")
                await details.first.click()  # a tap opens the folded detail
                assert await small.locator(".answer details[open] li").count() >= 2
                for name, path in (
                    ("ask", "/ask?q=will+the+xiaomi+14+work+on+t-mobile"),
                    ("device", "/devices/xiaomi-14"),
                    ("index", "/"),
                ):
                    await small.goto(f"http://127.0.0.1:{port}{path}", timeout=30_000)
                    scroll, client = await small.evaluate(
                        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
                    )
                    assert scroll <= client, (width, path, scroll, client)
                    await small.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
                await small.close()
            await browser.close()
    finally:
        await runner.cleanup()
