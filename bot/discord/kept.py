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
    def __init__(self, path: Path) -> None:
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=_WAIT_S, isolation_level=None)

    def keep(self, question: str) -> str | None:
        """The question's key once it is saved, or None when it cannot be saved now."""
        key = key_of(question)
        now = time.time()
        try:
            conn = self._connect()
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} (key TEXT PRIMARY KEY, question TEXT, kept_at REAL)")
                conn.execute(f"DELETE FROM {TABLE} WHERE kept_at < ?", (now - _LIFETIME_S,))
                conn.execute(f"INSERT OR REPLACE INTO {TABLE} VALUES (?, ?, ?)", (key, question, now))
                conn.execute("COMMIT")
            finally:
                conn.close()
        except sqlite3.Error:
            return None
        return key

    def get(self, key: str) -> str | None:
        try:
            conn = self._connect()
            try:
                row = conn.execute(f"SELECT question FROM {TABLE} WHERE key = ?", (key,)).fetchone()
            finally:
                conn.close()
        except sqlite3.Error:
            return None
        return str(row[0]) if row else None


@cache
def kept_in(path: Path) -> KeptQuestions:
    return KeptQuestions(path)
