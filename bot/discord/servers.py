"""Per-server settings, kept in the knowledge's SQLite file: a server's country (what "here" means,
and where a question without a place is asked), its answer channels and moderator roles (added to
the environment's), and whether answers to slash commands are private."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..dbfaults import explain, read_only
from ..store import Store

TABLE = "server_settings"


@dataclass(frozen=True)
class ServerSettings:
    country: str | None = None
    answer_channels: frozenset[int] = field(default_factory=frozenset)
    mod_roles: frozenset[int] = field(default_factory=frozenset)
    private: bool = False


class ServerSettingsStore:
    """The settings in the knowledge's database file. On a file this user cannot write (see Store), the
    settings already saved are read and a change is refused in one line (a StoreError)."""

    def __init__(self, path: Path) -> None:
        self.store = Store(path)
        self.db = self.store.db
        self.table = self.db.table(TABLE)
        self._cache: dict[int, ServerSettings] = {}
        with self._guard():
            self.kept = self.table.exists()
            if not self.kept and not self.store.read_only:
                self.table.create(
                    {"guild_id": int, "country": str, "answer_channels": str, "mod_roles": str, "private": int},
                    pk="guild_id",
                )
                self.kept = True

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise explain(self.store.path, exc, self.store.wait) from exc

    def get(self, guild_id: int | None) -> ServerSettings:
        if guild_id is None:
            return ServerSettings()
        # Read once per server: every message asks, and only this process changes a server's settings
        # (a server is served by one shard, one process).
        cached = self._cache.get(guild_id)
        if cached is None:
            cached = self._cache[guild_id] = self._read(guild_id)
        return cached

    def _read(self, guild_id: int) -> ServerSettings:
        if not self.kept:
            return ServerSettings()
        with self._guard():
            rows = list(self.table.rows_where("guild_id = ?", [guild_id]))
        if not rows:
            return ServerSettings()
        row = rows[0]
        return ServerSettings(
            country=row["country"] or None,
            answer_channels=frozenset(json.loads(row["answer_channels"] or "[]")),
            mod_roles=frozenset(json.loads(row["mod_roles"] or "[]")),
            private=bool(row["private"]),
        )

    def update(self, guild_id: int, **changes: Any) -> ServerSettings:
        """Change some settings of a server, in one transaction; returns the settings now."""
        if self.store.read_only:
            raise read_only(self.store.path)
        with self._guard(), self.db.conn:
            new = replace(self._read(guild_id), **changes)
            self.table.upsert(
                {
                    "guild_id": guild_id,
                    "country": new.country,
                    "answer_channels": json.dumps(sorted(new.answer_channels)),
                    "mod_roles": json.dumps(sorted(new.mod_roles)),
                    "private": int(new.private),
                },
                pk="guild_id",
            )
        self._cache[guild_id] = new
        return new
