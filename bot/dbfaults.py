"""What went wrong with the database file, in one line: which file, what happened, what to do.

SQLite reports faults of the file and the disk as exceptions with an error code; `explain` turns one
into a `StoreError` whose message names the file and says what to do, and whose `reason` says what
happened without the path (for places that must not show where the database lives: /healthz, Discord).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class StoreError(OSError):
    """The database file cannot be used (or written) as it is; the message says which file and what to do."""

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or "the database cannot be used"

    def __str__(self) -> str:
        return str(self.args[0])


UNCHANGED = "nothing was changed"


def read_only(path: Path) -> StoreError:
    return StoreError(
        f"{path} is read-only for this user: {UNCHANGED}; make the file and its folder writable to change the "
        "knowledge (answering works without)",
        "the database is read-only",
    )


def _code(exc: sqlite3.Error) -> str:
    return getattr(exc, "sqlite_errorname", "") or ""


def explain(path: Path, exc: sqlite3.Error, wait: float) -> StoreError:
    """One line for a SQLite error met while using `path` (`wait`: how long a write waited for the lock)."""
    code = _code(exc)
    detail = str(exc) or code
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in detail:
        return StoreError(
            f"{path} is being changed by another process (waited {wait:g} s for it to finish): {UNCHANGED}; "
            "try again when it is done",
            "another write holds the database",
        )
    if code.startswith("SQLITE_FULL") or "disk is full" in detail:
        return StoreError(
            f"{path}: the disk is full, the database could not grow: {UNCHANGED}; free some space and try again",
            "the disk is full",
        )
    if code.startswith("SQLITE_READONLY") or "readonly" in detail:
        return read_only(path)
    if code.startswith("SQLITE_NOTADB") or "not a database" in detail:
        return StoreError(
            f"{path} is not a devicebot database ({detail}: another kind of file, or one whose first page is "
            "damaged); it was left as it is: move it away or give another --db",
            "the database file is not a SQLite database",
        )
    if code.startswith("SQLITE_CORRUPT") or "malformed" in detail:
        return damaged(path, detail)
    if code.startswith("SQLITE_IOERR") or "I/O error" in detail:
        return StoreError(
            f"{path}: the disk refused a read or write ({detail}): {UNCHANGED}; check the disk and its free space",
            "the disk refused a read or write",
        )
    if code.startswith("SQLITE_CANTOPEN"):
        return StoreError(
            f"cannot open {path} ({detail}): check that it and its folder exist and are readable by this user",
            "the database cannot be opened",
        )
    return StoreError(f"{path}: {detail}: {UNCHANGED}", "database error")


def damaged(path: Path, detail: str) -> StoreError:
    return StoreError(
        f"{path} is damaged ({detail}); it was left as it is: restore it from a backup, or move it away and "
        "give a new --db (it is filled from the shipped knowledge; `kb export` from a backup brings edits back)",
        "the database file is damaged",
    )
