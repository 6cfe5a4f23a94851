"""bot/discord/servers.py: per-server settings in a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from bot.discord.servers import ServerSettings, ServerSettingsStore


def test_settings_are_kept_per_server_and_survive_a_restart(tmp_path: Path) -> None:
    store = ServerSettingsStore(tmp_path / "kb.db")
    assert store.get(1) == ServerSettings() and store.get(None) == ServerSettings()
    store.update(1, country="IN", answer_channels=frozenset({10, 11}))
    store.update(1, private=True)
    store.update(2, mod_roles=frozenset({7}))
    again = ServerSettingsStore(tmp_path / "kb.db")  # another process, or after a restart
    assert again.get(1) == ServerSettings("IN", frozenset({10, 11}), frozenset(), True)
    assert again.get(2) == ServerSettings(None, frozenset(), frozenset({7}), False)
