"""The runtime store: the knowledge in SQLite, with every change and who made it.

Each entry is kept as its canonical bundle JSON (so export gives back what was imported), next to
the columns queries filter on. Every write validates the whole resulting knowledge first and then
runs as one `BEGIN IMMEDIATE` transaction: a bad bundle, or a crash half-way, changes nothing.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import bundle, heap
from .bundle import KINDS, KnowledgeError, Problem, RawBundle, RawEntry
from .dbfaults import StoreError, damaged, explain, read_only
from .records import Device, Knowledge
from .shipped import META_KEY, this_version

if TYPE_CHECKING:
    from sqlite_utils import Database

# The schema version is kept in PRAGMA user_version (and, for devicebot before version 2, in the meta
# table). MIGRATIONS[n] takes a database from version n to n + 1; every step of an upgrade runs in one
# transaction, so a failed or interrupted upgrade leaves the file as it was.
SCHEMA_VERSION = 3
# The knowledge's state: a random token that SQLite itself replaces whenever a row of the knowledge is
# written, by devicebot or by anything else (the sqlite3 shell, a restored backup's later edits). Two
# states with the same token hold the same rows, so a snapshot of the built index (`bot.snapshot`) is
# keyed on it; the history cannot serve, as a row written behind devicebot's back leaves no change.
_NEW_STATE = "lower(hex(randomblob(16)))"
_STATE_SQL: tuple[str, ...] = (
    "CREATE TABLE IF NOT EXISTS [knowledge_state] ([id] INTEGER PRIMARY KEY CHECK ([id] = 1), [token] TEXT NOT NULL)",
    f"INSERT OR IGNORE INTO [knowledge_state] ([id], [token]) VALUES (1, {_NEW_STATE})",
    *(
        f"CREATE TRIGGER IF NOT EXISTS [state_{kind}_{op.lower()}] AFTER {op} ON [{kind}] "
        f"BEGIN UPDATE [knowledge_state] SET [token] = {_NEW_STATE} WHERE [id] = 1; END"
        for kind in KINDS
        for op in ("INSERT", "UPDATE", "DELETE")
    ),
)
MIGRATIONS: dict[int, tuple[str, ...]] = {
    # 1 → 2: the next batch number is read from an index instead of a scan of the whole history.
    1: ("CREATE INDEX IF NOT EXISTS [idx_changes_batch] ON [changes] ([batch])",),
    # 2 → 3: the state token and the triggers that keep it.
    2: _STATE_SQL,
}
# How long a write waits for another one (a large import takes seconds) before it gives up, in seconds.
WRITE_WAIT_SECONDS = 60.0

_COLUMNS = {"vendors": (), "devices": ("vendor",), "carriers": ("country",), "statements": ("vendor", "country")}
_OURS = {*KINDS, "changes", "meta"}


def default_db_path() -> Path:
    env = os.environ.get("DEVICEBOT_DB")
    if env:
        return Path(env)
    import platformdirs

    return platformdirs.user_data_path("devicebot", appauthor=False) / "devicebot.db"


@dataclass(frozen=True)
class Change:
    change_id: int
    batch: int
    at: str
    actor: str
    action: str
    kind: str
    entry_id: str
    before: RawEntry | None
    after: RawEntry | None


@dataclass
class Summary:
    """What a write did (or would do), per kind."""

    added: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    updated: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    removed: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    unchanged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    batch: int | None = None

    @property
    def changed(self) -> bool:
        return any(self.added[k] or self.updated[k] or self.removed[k] for k in KINDS)

    def lines(self) -> list[str]:
        out = []
        for kind in KINDS:
            parts = [
                f"{len(v)} {label}"
                for label, v in (
                    ("added", self.added[kind]),
                    ("updated", self.updated[kind]),
                    ("removed", self.removed[kind]),
                )
                if v
            ]
            if parts or self.unchanged[kind]:
                out.append(f"{kind}: " + ", ".join([*parts, f"{self.unchanged[kind]} unchanged"]))
        return out


def _canon(entry: RawEntry) -> str:
    return json.dumps(entry, sort_keys=True, ensure_ascii=False)


class Store:
    """The knowledge in one SQLite file. A file this user cannot write is opened read-only: questions
    are answered, and every write is refused in one line. Every fault of the file or the disk is a
    StoreError naming the file (see dbfaults)."""

    def __init__(self, path: Path | str, *, wait: float = WRITE_WAIT_SECONDS) -> None:
        self.path = Path(path)
        self.wait = wait
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder: give a database file (it is created if missing)")
        if not self.path.exists():
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"cannot create {self.path} ({exc.strerror}): give a --db in a folder this user can write"
                ) from exc
        self.read_only = not _writable(self.path)
        if self.read_only and not self.path.exists():
            raise StoreError(
                f"cannot create {self.path}: its folder is not writable by this user; give a --db in a folder "
                "this user can write"
            )
        with self._guard():
            self.conn = self._connect()
            version = self._check(self._table_names())
        if self.read_only:
            if version != SCHEMA_VERSION:
                what = "is empty" if version is None else f"has schema version {version} and needs an upgrade"
                raise StoreError(
                    f"{self.path} {what}, which means writing, but it is read-only for this user: make the file "
                    "and its folder writable and run devicebot once",
                    "the database is read-only",
                )
            return
        with self._guard():
            if str(self.conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                self.conn.execute("PRAGMA journal_mode = wal")
            if version != SCHEMA_VERSION:
                with self._transaction():
                    self._prepare()

    @cached_property
    def db(self) -> Database:
        """sqlite-utils over the same connection, for writing and the history: imported on first use,
        since answering a question reads through the connection alone (the import is a fifth of a
        `devicebot ask`)."""
        from sqlite_utils import Database

        return Database(self.conn)

    def _table_names(self) -> set[str]:
        return {str(r[0]) for r in self.conn.execute("select name from sqlite_master where type = 'table'")}

    def _connect(self) -> sqlite3.Connection:
        """A connection to the file: read-write when this user can write it, else read-only (and, in a
        folder where SQLite cannot keep its shared-memory file, as an unchanging file)."""
        uri = "file:" + _pathname2url(str(self.path.resolve()))
        if not self.read_only:
            conn = sqlite3.connect(uri + "?mode=rwc", uri=True, timeout=self.wait)
        else:
            conn = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=self.wait)
            try:
                conn.execute("select count(*) from sqlite_master").fetchone()
            except sqlite3.OperationalError as exc:
                # Only where SQLite cannot create its shared-memory file beside the database.
                conn.close()
                if getattr(exc, "sqlite_errorname", "") not in ("SQLITE_READONLY_DIRECTORY", "SQLITE_CANTOPEN"):
                    raise
                conn = sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, timeout=self.wait)
        conn.execute(f"PRAGMA busy_timeout = {int(self.wait * 1000)}")
        return conn

    def _version(self, tables: set[str]) -> int | None:
        """The file's schema version; None for a file without our tables (a new one)."""
        if not tables & _OURS:
            return None
        number = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        if number:
            return number
        # Before version 2 the version was kept in the meta table only.
        row = (
            self.conn.execute("select value from meta where key = 'schema_version'").fetchone()
            if ("meta" in tables)
            else None
        )
        value = str(row[0]) if row else ""
        return int(value) if value.isdigit() else -1

    def _check(self, tables: set[str]) -> int | None:
        """Refuse, before anything is written, a file that is not ours or of a version we cannot read."""
        # Another program's SQLite file is left as it is: devicebot keeps a file of its own.
        if tables and not tables & _OURS:
            shown = ", ".join(sorted(tables)[:5])
            raise StoreError(f"{self.path} is another program's SQLite file (tables: {shown}): give another --db")
        version = self._version(tables)
        if version is not None and version != SCHEMA_VERSION and not _upgradable(version):
            newer = version > SCHEMA_VERSION
            raise StoreError(
                f"{self.path} has database schema version {version if version >= 0 else 'unknown'}; this devicebot "
                f"reads version {SCHEMA_VERSION}"
                + (" (upgrade devicebot)" if newer else "")
                + ": export it with the devicebot that wrote it (`kb export`), then import it here"
            )
        return version

    def _prepare(self) -> None:
        """Inside a write transaction: create the tables of a new file, or upgrade an older one step by
        step (checked again here: another process may have done it meanwhile)."""
        version = self._version(self._table_names())
        if version is None:
            self._create_schema()
            return
        while version < SCHEMA_VERSION:
            for statement in MIGRATIONS[version]:
                self.db.execute(statement)
            version += 1
        self.db.execute("insert or replace into meta (key, value) values ('schema_version', ?)", [str(version)])
        self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @classmethod
    def open(cls, path: Path | str, seed: Path | None = None) -> Store:
        """Open (creating if needed) a store; an empty one is filled from `seed` (the shipped knowledge)."""
        shipped = seed is not None and seed == bundle.shipped_knowledge_dir()
        if shipped:
            from . import seed as prebuilt

            # A new database: the wheel's copy of one, seeded and indexed when it was built
            # (`bot.seed`), when it is current.
            prebuilt.copy_file(Path(path))
        store = cls(path)
        if seed is not None and store.is_empty():
            if shipped and not store.read_only:
                from . import seed as prebuilt

                if prebuilt.copy_into(store):  # an empty database file: the seed's rows
                    return store
            # The shipped knowledge is checked by the package's tests.
            store.apply(
                bundle.read_path(seed, trusted=shipped),
                replace=True,
                actor="devicebot",
                action="seed",
                shipped=this_version() if shipped else None,
            )
        return store

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Any SQLite fault inside becomes a StoreError naming the file and what to do."""
        try:
            yield
        except sqlite3.Error as exc:
            raise explain(self.path, exc, self.wait) from exc

    @contextmanager
    def _transaction(self, *, keep: bool = True) -> Iterator[None]:
        """One `BEGIN IMMEDIATE` transaction (it waits up to `wait` seconds for another writer):
        committed when the block ends well and `keep` is true, rolled back otherwise."""
        if self.read_only:
            raise read_only(self.path)
        with self._guard():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                if keep:
                    self.conn.commit()
            finally:
                if self.conn.in_transaction:
                    with suppress(sqlite3.Error):
                        self.conn.rollback()

    def _create_schema(self) -> None:
        for kind in KINDS:
            columns: dict[str, Any] = {"id": str, **dict.fromkeys(_COLUMNS[kind], str), "data": str}
            self.db[kind].create(columns, pk="id")  # type: ignore[union-attr]
            for col in _COLUMNS[kind]:
                self.db[kind].create_index([col])  # type: ignore[union-attr]
        self.db["changes"].create(  # type: ignore[union-attr]
            {
                "change_id": int,
                "batch": int,
                "at": str,
                "actor": str,
                "action": str,
                "kind": str,
                "entry_id": str,
                "before": str,
                "after": str,
            },
            pk="change_id",
            not_null={"batch", "at", "actor", "action", "kind", "entry_id"},
        )
        self.db["changes"].create_index(["entry_id"])  # type: ignore[union-attr]
        self.db["changes"].create_index(["batch"], index_name="idx_changes_batch")  # type: ignore[union-attr]
        self.db["meta"].create({"key": str, "value": str}, pk="key")  # type: ignore[union-attr]
        self.db["meta"].insert({"key": "schema_version", "value": str(SCHEMA_VERSION)})  # type: ignore[union-attr]
        for statement in _STATE_SQL:
            self.db.execute(statement)
        self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- reading ----------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        with self._guard():
            return not any(self.conn.execute(f"select exists (select 1 from [{kind}])").fetchone()[0] for kind in KINDS)

    def count(self, kind: str) -> int:
        """How many entries of a kind there are (an index's size, without reading them)."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        with self._guard():
            return int(self.conn.execute(f"select count(*) from [{kind}]").fetchone()[0])

    def raw(self) -> RawBundle:
        raw = RawBundle()
        with self._guard(), heap.paused():  # hundreds of thousands of dicts: see bot.heap
            for kind in KINDS:
                for (data,) in self.conn.execute(f"select data from [{kind}] order by rowid").fetchall():
                    try:
                        entry = json.loads(data)
                    except (TypeError, ValueError) as exc:
                        raise damaged(self.path, f"a row of {kind} is not a bundle entry: {exc}") from exc
                    if not isinstance(entry, dict):
                        raise damaged(self.path, f"a row of {kind} is not a bundle entry")
                    raw.add(kind, entry, f"database {self.path.name}")
        return raw

    def load(self) -> Knowledge:
        raw = self.raw()
        try:
            return bundle.build(raw)
        except KnowledgeError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:  # rows written behind our back
            raise damaged(self.path, f"an entry is not in the bundle format: {type(exc).__name__} {exc}") from exc

    def export(self) -> dict[str, Any]:
        raw = self.raw()
        return {"format": bundle.FORMAT, **{kind: raw.entries[kind] for kind in KINDS}}

    def state(self) -> str | None:
        """The token of the knowledge's current state (see _STATE_SQL); None when it is missing (then
        nothing names this state, and no snapshot is used)."""
        with self._guard():
            try:
                row = self.conn.execute("select token from knowledge_state where id = 1").fetchone()
            except sqlite3.OperationalError as exc:
                if "no such table" not in str(exc):
                    raise
                return None
        return str(row[0]) if row and row[0] else None

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One read transaction: everything read inside sees the same state, even while another
        process commits (the state token read first then names the rows read after it)."""
        with self._guard():
            self.conn.execute("BEGIN")
            try:
                yield
            finally:
                if self.conn.in_transaction:
                    with suppress(sqlite3.Error):
                        self.conn.rollback()

    def data_version(self) -> int:
        """Changes whenever another connection commits: cheap to poll for edits by other processes."""
        with self._guard():
            row = self.conn.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def history(self, entry_id: str | None = None, limit: int = 20) -> list[Change]:
        where, args = ("where entry_id = ?", [entry_id]) if entry_id else ("", [])
        with self._guard():
            rows = list(self.db.query(f"select * from changes {where} order by change_id desc limit ?", [*args, limit]))
        return [
            Change(
                r["change_id"],
                r["batch"],
                r["at"],
                r["actor"],
                r["action"],
                r["kind"],
                r["entry_id"],
                json.loads(r["before"]) if r["before"] else None,
                json.loads(r["after"]) if r["after"] else None,
            )
            for r in rows
        ]

    def stats(self, today: date | None = None) -> dict[str, Any]:
        k = self.load()
        today = today or datetime.now(UTC).date()
        dates = sorted(s.date for s in k.statements)

        def age(d: str) -> str:
            parts = [int(p) for p in d.split("-")] + [1, 1]
            days = (today - date(parts[0], parts[1], parts[2])).days
            return f"{days / 365.25:.1f} years"

        return {
            "database": str(self.path),
            "counts": {
                "vendors": len(k.vendors),
                "devices": len(k.devices),
                "variants": sum(len(d.variants) for d in k.devices),
                # Variants whose 4G band list is recorded: the ones a compatibility check can judge.
                "variants_with_lte": sum(1 for d in k.devices for v in d.variants if v.bands.known("lte")),
                "devices_with_lte": sum(1 for d in k.devices if any(v.bands.known("lte") for v in d.variants)),
                "carriers": len(k.carriers),
                "virtual_operators": sum(1 for c in k.carriers if c.mvno_of),
                "countries": len({c.country for c in k.carriers}),
                "statements": len(k.statements),
                "devices_without_release_date": sum(1 for d in k.devices if not d.released),
                "statement_pairs": len({(s.vendor, s.country) for s in k.statements}),
            },
            # The phones people ask about today: released in the last five years (by `released`).
            "recent_devices": _recent(k.devices, today.year - 4, today.year),
            "devices_per_vendor": dict(sorted(Counter(d.vendor for d in k.devices).items())),
            "statements_per_vendor": dict(sorted(Counter(s.vendor for s in k.statements).items())),
            "carriers_per_country": dict(sorted(Counter(c.country for c in k.carriers).items())),
            "statements_per_country": dict(sorted(Counter(s.country for s in k.statements).items())),
            "oldest_statement": {"date": dates[0], "age": age(dates[0])} if dates else None,
            "newest_statement": {"date": dates[-1], "age": age(dates[-1])} if dates else None,
            "changes": self._count_changes(),
        }

    def _count_changes(self) -> int:
        with self._guard():
            return int(self.db["changes"].count)

    # -- writing ----------------------------------------------------------------------------------

    def apply(
        self,
        incoming: RawBundle,
        *,
        replace: bool,
        actor: str,
        action: str,
        dry_run: bool = False,
        shipped: str | None = None,
    ) -> Summary:
        """Upsert `incoming` by id (or make it the whole knowledge with `replace`), atomically.

        The result is validated as a whole before anything is written; KnowledgeError names the
        incoming file's entry and field, and leaves the database as it was. `shipped`: the digest of
        the shipped knowledge `incoming` is (`bot.shipped`), recorded in the same transaction.
        """
        with self._transaction(keep=not dry_run):
            summary = self._apply_locked(incoming, replace=replace, actor=actor, action=action, dry_run=dry_run)
            if shipped is not None:
                self.conn.execute("insert or replace into meta (key, value) values (?, ?)", [META_KEY, shipped])
            return summary

    def meta(self, key: str) -> str | None:
        """A value kept in the meta table (None when there is none)."""
        with self._guard():
            row = self.conn.execute("select value from meta where key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def seeded(self) -> bool:
        """Whether devicebot filled this database from its shipped knowledge (its history says so)."""
        with self._guard():
            row = self.conn.execute(
                "select exists (select 1 from changes where action = 'seed' and actor = 'devicebot')"
            ).fetchone()
        return bool(row[0])

    def _apply_locked(self, incoming: RawBundle, *, replace: bool, actor: str, action: str, dry_run: bool) -> Summary:
        current = self.raw()
        merged = RawBundle()
        incoming_ids = {kind: {e["id"] for e in incoming.entries[kind]} for kind in KINDS}
        for kind in KINDS:
            if not replace:
                for entry, origin in zip(current.entries[kind], current.origins[kind], strict=True):
                    if entry["id"] not in incoming_ids[kind]:
                        merged.add(kind, entry, origin)
            for entry, origin in zip(incoming.entries[kind], incoming.origins[kind], strict=True):
                merged.add(kind, entry, origin)
        knowledge = bundle.build(merged)

        summary = Summary()
        before = {kind: {e["id"]: e for e in current.entries[kind]} for kind in KINDS}
        after = {kind: {r.id: bundle.to_raw(r) for r in getattr(knowledge, kind)} for kind in KINDS}
        at = datetime.now(UTC).isoformat(timespec="seconds")
        row = self.db.conn.execute("select coalesce(max(batch), 0) + 1 from changes").fetchone()
        batch = int(row[0])
        summary.batch = batch
        changes: list[dict[str, Any]] = []
        for kind in KINDS:
            table = self.db[kind]
            for entry_id, entry in after[kind].items():
                old = before[kind].get(entry_id)
                if old is not None and _canon(old) == _canon(entry):
                    summary.unchanged[kind] += 1
                    continue
                (summary.updated if old is not None else summary.added)[kind].append(entry_id)
                changes.append(
                    {"kind": kind, "entry_id": entry_id, "before": _canon(old) if old else None, "after": _canon(entry)}
                )
                if not dry_run:
                    row_data = {"id": entry_id, **{c: entry.get(c) for c in _COLUMNS[kind]}, "data": _canon(entry)}
                    table.upsert(row_data, pk="id")  # type: ignore[union-attr]
            for entry_id, old in before[kind].items():
                if entry_id not in after[kind]:
                    summary.removed[kind].append(entry_id)
                    changes.append({"kind": kind, "entry_id": entry_id, "before": _canon(old), "after": None})
                    if not dry_run:
                        self.db.execute(f"delete from [{kind}] where id = ?", [entry_id])
        if not dry_run and changes:
            self.db["changes"].insert_all(  # type: ignore[union-attr]
                [{"batch": batch, "at": at, "actor": actor, "action": action, **c} for c in changes]
            )
        return summary

    def remove(self, kind: str, entry_id: str, actor: str) -> Summary:
        """Delete one entry; refused (nothing changes) while other entries still refer to it."""
        if kind not in KINDS:
            raise KnowledgeError([Problem(str(self.path), kind, f"unknown kind: expected one of {', '.join(KINDS)}")])
        with self._transaction():
            current = self.raw()
            if entry_id not in {e["id"] for e in current.entries[kind]}:
                raise KnowledgeError([Problem(str(self.path), f"{kind} {entry_id!r}", "no such entry")])
            kept = RawBundle()
            for k in KINDS:
                for entry, origin in zip(current.entries[k], current.origins[k], strict=True):
                    if not (k == kind and entry["id"] == entry_id):
                        kept.add(k, entry, origin)
            return self._apply_locked(kept, replace=True, actor=actor, action="remove", dry_run=False)

    def undo(self, change_id: int, actor: str) -> Summary:
        """Put one changed entry back as it was before `change_id` (itself recorded as a change)."""
        with self._transaction():
            rows = list(self.db.query("select * from changes where change_id = ?", [change_id]))
            if not rows:
                raise KnowledgeError([Problem(str(self.path), f"change {change_id}", "no such change")])
            change = rows[0]
            kind, entry_id = change["kind"], change["entry_id"]
            current = self.raw()
            merged = RawBundle()
            for k in KINDS:
                for entry, origin in zip(current.entries[k], current.origins[k], strict=True):
                    if not (k == kind and entry["id"] == entry_id):
                        merged.add(k, entry, origin)
            if change["before"]:
                merged.add(kind, json.loads(change["before"]), f"change {change_id}")
            return self._apply_locked(merged, replace=True, actor=actor, action=f"undo {change_id}", dry_run=False)


def _pathname2url(path: str) -> str:
    """`urllib.request.pathname2url` without importing urllib.request (and http, ssl, email with it:
    a thirtieth of a `devicebot ask`): on POSIX it is `quote`."""
    if os.name == "nt":
        from nturl2path import pathname2url

        return str(pathname2url(path))
    from urllib.parse import quote

    return quote(path)


def _writable(path: Path) -> bool:
    """Whether this user can write the file (or create it) and its folder (SQLite keeps its journal there)."""
    folder = path.parent
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def _upgradable(version: int) -> bool:
    return 0 < version < SCHEMA_VERSION and all(v in MIGRATIONS for v in range(version, SCHEMA_VERSION))


def _recent(devices: Iterable[Device], first: int, last: int) -> dict[str, Any]:
    recent = [d for d in devices if d.released and first <= int(d.released[:4]) <= last]
    banded = sum(1 for d in recent if any(v.bands.known("lte") for v in d.variants))
    return {
        "years": f"{first}-{last}",
        "devices": len(recent),
        "with_lte": banded,
        "with_lte_pct": round(100 * banded / len(recent), 1) if recent else None,
        "per_vendor": dict(sorted(Counter(d.vendor for d in recent).items())),
    }
