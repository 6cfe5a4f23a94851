"""The shipped knowledge, seeded and indexed once, when the wheel is built, instead of on every
user's first `devicebot ask`.

Every install holds the same shipped knowledge, yet a new database used to be filled from it by
reading ~2 MB of YAML, checking it and writing it (1.5 s), then indexing it and writing the index
snapshot (1 s). The wheel's build hook (`hatch_build.py`) runs `python -m bot.seed bot/_seed` once:
a database filled from the shipped knowledge as `Store.open` fills one (`shipped.db`), the index
snapshot of its state beside it (`shipped.db.snapshot`), and a manifest naming what they were made
from. A new, empty database then copies the rows in one SQL statement per table and takes the
seed's state token (its rows are the seed's rows), and the snapshot is copied beside it, so the
first `ask` loads instead of building.

Nothing stale is used: the rows are copied only when the manifest's key (the shipped knowledge's
files, this package's sources, the schema version) is the current one, else the database is filled
from the YAML as before; the snapshot is only ever loaded through `snapshot.load`, which checks its
code fingerprint (sources, Python, the data packages' versions) and state. A checkout without a
built seed (an editable install, the tests) seeds from the YAML. The generated files are never
committed (`.gitignore`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import shape, shipped
from .bundle import KINDS
from .store import _COLUMNS, SCHEMA_VERSION, Store

# Where the wheel carries the seed (made by the build hook; absent from a checkout).
PACKAGED = Path(__file__).resolve().parent / "_seed"
DATABASE = "shipped.db"
MANIFEST = "seed.json"


def key(knowledge: Path | None = None) -> str:
    """What the seed's rows depend on: the shipped knowledge's files, the code that reads, checks and
    writes them (this package's sources), and the database schema."""
    knowledge = knowledge or shape.shipped_knowledge_dir()
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"schema {SCHEMA_VERSION}\n".encode())
    shipped.feed(digest, knowledge)
    from .snapshot import engine_sources

    for source in engine_sources():
        digest.update(source.name.encode() + b"\0")
        digest.update(source.read_bytes())
    return digest.hexdigest()


def build(folder: Path) -> dict[str, Any]:
    """Make the seed in `folder`: the database filled from the shipped knowledge, its index snapshot,
    and the manifest (written last: a seed without one is never used)."""
    from . import snapshot

    folder.mkdir(parents=True, exist_ok=True)
    for name in (MANIFEST, DATABASE, DATABASE + snapshot.SUFFIX, DATABASE + "-wal", DATABASE + "-shm"):
        with contextlib.suppress(FileNotFoundError):
            (folder / name).unlink()
    store = Store.open(folder / DATABASE, seed=shape.shipped_knowledge_dir())
    try:
        snapshot.engine_for(store)  # built, and written beside it
        state = store.state()
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.conn.execute("PRAGMA journal_mode = delete")  # one file: nothing to copy but it
    finally:
        store.close()
    if state is None or not snapshot.current(snapshot.path_for(folder / DATABASE), state):
        raise RuntimeError(f"the seed's index snapshot was not written in {folder}")
    manifest = {
        "key": key(),
        "state": state,
        "code": snapshot.fingerprint(),
        "knowledge": shipped.digest(shape.shipped_knowledge_dir()),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest) + "\n", encoding="utf-8")
    return manifest


def _manifest(folder: Path) -> dict[str, Any] | None:
    try:
        found = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) and isinstance(found.get("state"), str) else None


def _current(folder: Path) -> dict[str, Any] | None:
    manifest = _manifest(folder)
    if manifest is None or not (folder / DATABASE).is_file() or manifest.get("key") != key():
        return None
    return manifest


def copy_file(path: Path, folder: Path = PACKAGED) -> bool:
    """Make the database at `path`, which does not exist yet (or is an empty file), a copy of the
    seed's when it is the current one, and put the seed's snapshot beside it; False (nothing done)
    otherwise. The copy is linked into place, so a database another process made meanwhile is kept."""
    try:
        if path.exists() and path.stat().st_size > 0:
            return False
    except OSError:
        return False
    if not (folder / MANIFEST).is_file():  # a checkout: cheaper than the key
        return False
    manifest = _current(folder)
    if manifest is None:
        return False
    from . import snapshot

    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _copy_new(folder / DATABASE, path)
        conn = sqlite3.connect(tmp)
        try:
            # The history says when this database was seeded, not when the wheel was built.
            at = datetime.now(UTC).isoformat(timespec="seconds")
            with conn:
                conn.execute("UPDATE changes SET at = ?", [at])
        finally:
            conn.close()
        if path.exists():
            os.replace(tmp, path)  # an empty file (of this user: it could be written)
        else:
            os.link(tmp, path)  # fails when another process made the database meanwhile
        _copy_snapshot(snapshot.path_for(folder / DATABASE), snapshot.path_for(path))
        return True
    except (OSError, sqlite3.Error):
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def copy_into(store: Store, folder: Path = PACKAGED) -> bool:
    """Fill the empty `store` from the seed in `folder` when it is the current one (its rows, its
    state token, its history as a seeding now, its snapshot beside the database); False when there is
    no current seed, and the store is left as it was."""
    manifest = _current(folder)
    if manifest is None:
        return False
    from . import snapshot

    source = folder / DATABASE
    uri = "file:" + source.resolve().as_posix() + "?mode=ro&immutable=1"
    conn = store.conn
    try:
        conn.execute("ATTACH DATABASE ? AS seed", [uri])
    except sqlite3.Error:
        return False
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if not store.is_empty():  # another process seeded it meanwhile
                conn.rollback()
                return True
            for kind in KINDS:
                columns = ", ".join(f"[{c}]" for c in ("id", *_COLUMNS[kind], "data"))
                conn.execute(f"INSERT INTO main.[{kind}] ({columns}) SELECT {columns} FROM seed.[{kind}]")
            batch = int(conn.execute("SELECT coalesce(max(batch), 0) + 1 FROM main.changes").fetchone()[0])
            at = datetime.now(UTC).isoformat(timespec="seconds")
            conn.execute(
                "INSERT INTO main.changes (batch, at, actor, action, kind, entry_id, before, after) "
                "SELECT ?, ?, actor, action, kind, entry_id, before, after FROM seed.changes ORDER BY change_id",
                [batch, at],
            )
            # Which shipped knowledge the rows are (`bot.shipped`), as the seed recorded it.
            conn.execute(
                "INSERT OR REPLACE INTO main.meta (key, value) SELECT key, value FROM seed.meta WHERE key = ?",
                [shipped.META_KEY],
            )
            # The rows are the seed's rows: its state names them (the triggers gave each insert a new one).
            conn.execute("UPDATE main.knowledge_state SET token = ? WHERE id = 1", [manifest["state"]])
            conn.commit()
        finally:
            if conn.in_transaction:
                conn.rollback()
    finally:
        conn.execute("DETACH DATABASE seed")
    _copy_snapshot(snapshot.path_for(source), snapshot.path_for(store.path))
    return True


def _copy_new(source: Path, beside: Path) -> str:
    """A copy of `source` in a new file beside `beside`, with the permissions SQLite would give a
    new database (this user's umask), not mkstemp's 0600."""
    name = str(beside.with_name(f"{beside.name}.{secrets.token_hex(8)}.tmp"))
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return name


def _copy_snapshot(source: Path, target: Path) -> None:
    """The seed's snapshot beside the database, whole or not at all (a reader checks it before use)."""
    if not source.is_file():
        return
    tmp: str | None = None
    try:
        tmp = _copy_new(source, target)
        os.replace(tmp, target)
        tmp = None
    except OSError:
        pass  # the first reader builds the index instead
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def main(argv: list[str] | None = None) -> int:
    """`python -m bot.seed FOLDER`: make the seed there (what the wheel's build hook runs)."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m bot.seed FOLDER", file=sys.stderr)
        return 2
    manifest = build(Path(args[0]))
    print(json.dumps(manifest))
    return 0


if __name__ == "__main__":
    # Run as `bot.seed`, not `__main__`: the snapshot's pickle names this package's modules.
    from bot.seed import main as _main

    raise SystemExit(_main())
