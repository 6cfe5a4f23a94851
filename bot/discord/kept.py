"""Questions too long for a button's custom id, kept in the knowledge's SQLite file under a short key,
so the "did you mean" choices and the detail button of a long post keep working after a restart.

A key is the start of the question's SHA-256: the same question keeps the same key, and a custom id
names only the key. Keeping is best effort: on a read-only file, or while another process holds the
write lock for longer than a moment, the caller falls back to choices that expire.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from functools import cache
from pathlib import Path

from ..dbfaults import StoreError
from ..store import Store

TABLE = "kept_questions"
# 16 hex digits: a collision needs about four billion kept questions.
KEY_CHARS = 16
KEY_PATTERN = rf"#[0-9a-f]{{{KEY_CHARS}}}"
# A long post's choices live as long as people scroll back to them; older ones are dropped on keeping.
_LIFETIME_S = 90 * 24 * 3600
# Keeping runs on the event loop while a member waits: never wait long for another process's write.
_WAIT_S = 0.25


def key_of(question: str) -> str:
    return "#" + hashlib.sha256(question.encode("utf-8", "surrogatepass")).hexdigest()[:KEY_CHARS]


class KeptQuestions:
    """The table in the database file (opened as `Store` opens it, as the server settings are)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._store: Store | None = None

    def _db(self) -> Store:
        if self._store is None:
            self._store = Store(self.path, wait=_WAIT_S)
        return self._store

    def keep(self, question: str) -> str | None:
        """The question's key once it is saved, or None when it cannot be saved now."""
        key = key_of(question)
        now = time.time()
        try:
            store = self._db()
            if store.read_only:
                return None
            table = store.db.table(TABLE)
            with store.db.conn:
                if table.exists():
                    table.delete_where("kept_at < ?", [now - _LIFETIME_S])
                table.upsert({"key": key, "question": question, "kept_at": now}, pk="key")
        except (sqlite3.Error, StoreError):
            return None
        return key

    def get(self, key: str) -> str | None:
        try:
            table = self._db().db.table(TABLE)
            if not table.exists():
                return None
            rows = list(table.rows_where("key = ?", [key], select="question"))
        except (sqlite3.Error, StoreError):
            return None
        return str(rows[0]["question"]) if rows else None


@cache
def kept_in(path: Path) -> KeptQuestions:
    return KeptQuestions(path)
