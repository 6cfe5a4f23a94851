"""`devicebot run` as a user meets it: a missing or rejected token is one clear line and exit code 2."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakediscord import FakeDiscord

from bot import cli

ROOT = Path(__file__).resolve().parent.parent


def test_missing_token_is_one_line_and_exit_2(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-m", "bot", "--db", str(tmp_path / "kb.db"), "run"],
        cwd=tmp_path,  # no .env here
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("devicebot: DISCORD_TOKEN is not set")


def test_bad_setting_names_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", "abc")
    monkeypatch.setenv("DEVICEBOT_GUILD_IDS", "my-server")
    assert cli.run(["--db", str(tmp_path / "kb.db"), "run"]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("devicebot: DEVICEBOT_GUILD_IDS: 'my-server' is not a Discord id")


@pytest.fixture
def rejecting_discord() -> Iterator[FakeDiscord]:
    """A fake Discord that answers 401 to login, served from its own thread and event loop."""
    fake = FakeDiscord(reject_token=True)
    loop = asyncio.new_event_loop()
    started = threading.Event()

    def serve() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(fake.start())
        started.set()
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert started.wait(10)
    fake.point_discord_py_at()
    try:
        yield fake
    finally:
        fake.restore()
        asyncio.run_coroutine_threadsafe(fake.stop(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)


def test_rejected_token_is_one_line_and_exit_2(
    rejecting_discord: FakeDiscord, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", "not-a-real-token")
    for name in ("DEVICEBOT_HTTP_PORT", "DEVICEBOT_GUILD_IDS", "DEVICEBOT_ANSWER_CHANNELS", "DEVICEBOT_SHARD_COUNT"):
        monkeypatch.delenv(name, raising=False)
    assert cli.run(["--db", str(tmp_path / "kb.db"), "run"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    [line] = err.splitlines()
    assert line.startswith("devicebot: Discord rejected DISCORD_TOKEN")
    assert [r.path for r in rejecting_discord.requests] == ["/users/@me"]
