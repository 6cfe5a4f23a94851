"""Faults of the database file and the disk, injected for real: read-only files and folders (permissions
the kernel enforces), a full disk (SQLite's page limit, and a file-size limit on the process), damaged
files, older and newer schema versions, and two writers at once. Each ends in one line naming the file,
a non-zero exit for a command, and nothing lost."""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import carrier, device, make_bundle, statement, variant, vendor

from bot import bundle
from bot.dbfaults import StoreError
from bot.store import SCHEMA_VERSION, Store

ROOT = Path(__file__).resolve().parent.parent

SMALL = make_bundle(
    vendors=[vendor("google", "Google")],
    devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[2, 4, 12, 66, 71]))],
    carriers=[carrier("tmobile-us", "US", "T-Mobile", "tmo", lte=([2, 4, 12, 66, 71], []))],
    statements=[statement("google-us", "google", "US", "sold", "2024-08-13")],
)


def many(prefix: str, count: int) -> dict:
    """A large bundle: `count` phones of one vendor (what a big import looks like to SQLite)."""
    return make_bundle(
        vendors=[vendor("google", "Google"), vendor(prefix, prefix.title())],
        devices=[
            device(
                f"{prefix}-{i}",
                prefix,
                f"{prefix.title()} {i}",
                variant(f"{prefix}-{i}-v", models=(f"{prefix.upper()}{i:05d}",), lte=[1, 3, 7, 20], nr=[78]),
            )
            for i in range(count)
        ],
    )


# Root ignores file permissions; without these two capabilities it obeys them like any user.
_DROP = "-dac_override,-dac_read_search"


def _unprivileged() -> list[str]:
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root and setpriv (util-linux) is missing: permissions cannot be enforced")
    return [setpriv, f"--bounding-set={_DROP}", f"--inh-caps={_DROP}"]


def devicebot(
    *args: str, db: Path, unprivileged: bool = False, fsize: int | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DEVICEBOT_DB", None)

    def limit() -> None:  # the process may write files of at most `fsize` bytes: a disk that fills up
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run(
        [*(_unprivileged() if unprivileged else []), sys.executable, "-m", "bot", "--db", str(db), *args],
        text=True,
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
        preexec_fn=limit,
    )


def one_line(result: subprocess.CompletedProcess[str], db: Path, said: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert str(db) in result.stderr and said in result.stderr, result.stderr


def make_db(path: Path, content: dict = SMALL) -> Path:
    """A database written by this devicebot and closed (the file holds everything: bytes compare)."""
    source = path.with_suffix(".json")
    source.write_text(json.dumps(content))
    store = Store(path)
    store.apply(bundle.read_path(source), replace=True, actor="test", action="seed")
    store.close()
    source.unlink()
    assert not Path(f"{path}-wal").exists()
    return path


def rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {
            t: conn.execute(f"select * from {t} order by rowid").fetchall()
            for t in ("vendors", "devices", "carriers", "statements", "changes")
        }
    finally:
        conn.close()


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder outside pytest's private temporary tree, so a process without root's powers reaches it."""
    folder = Path(tempfile.mkdtemp(prefix="devicebot-faults-"))
    folder.chmod(0o755)
    yield folder
    for path in (folder, *folder.rglob("*")):
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(folder)


# -- read-only ------------------------------------------------------------------------------------


def test_a_read_only_file_still_answers_and_refuses_writes_in_one_line(shared_dir: Path) -> None:
    db = make_db(shared_dir / "kb.db")
    (shared_dir / "more.json").write_text(json.dumps(many("acme", 3)))
    db.chmod(0o444)
    before = db.read_bytes()
    answer = devicebot("ask", "will the pixel 9 work on tmo", db=db, unprivileged=True)
    assert answer.returncode == 0 and "Pixel 9" in answer.stdout, answer.stderr
    for args in (("kb", "import", str(shared_dir / "more.json")), ("kb", "undo", "1")):
        one_line(devicebot(*args, db=db, unprivileged=True), db, "is read-only for this user")
    assert devicebot("kb", "history", db=db, unprivileged=True).returncode == 0
    assert db.read_bytes() == before


def test_a_read_only_folder_still_answers(shared_dir: Path) -> None:
    folder = shared_dir / "ro"
    folder.mkdir()
    db = make_db(folder / "kb.db")
    (shared_dir / "more.json").write_text(json.dumps(many("acme", 3)))
    folder.chmod(0o555)  # SQLite cannot create its -wal and -shm files here
    before = db.read_bytes()
    answer = devicebot("ask", "--json", "is the pixel 9 sold in the us", db=db, unprivileged=True)
    assert answer.returncode == 0 and json.loads(answer.stdout)["device"]["id"] == "pixel-9", answer.stderr
    one_line(devicebot("kb", "import", str(shared_dir / "more.json"), db=db, unprivileged=True), db, "read-only")
    missing = folder / "new.db"
    one_line(devicebot("ask", "pixel 9", db=missing, unprivileged=True), missing, "folder is not writable")
    assert db.read_bytes() == before and sorted(p.name for p in folder.iterdir()) == ["kb.db"]


# -- a full disk ----------------------------------------------------------------------------------


def test_a_full_database_fails_the_import_in_one_line_and_changes_nothing(tmp_path: Path) -> None:
    db = make_db(tmp_path / "kb.db")
    before = rows(db)
    big = tmp_path / "big.json"
    big.write_text(json.dumps(many("acme", 2000)))
    store = Store(db)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 4}")  # SQLite's own SQLITE_FULL, on the real file
    with pytest.raises(StoreError) as caught:
        store.apply(bundle.read_path(big), replace=False, actor="test", action="import")
    message = str(caught.value)
    assert str(db) in message and "the disk is full" in message and "nothing was changed" in message
    assert len(message.splitlines()) == 1
    assert rows(db) == before
    assert [d.id for d in store.load().devices] == ["pixel-9"]  # the store still works
    store.close()


def test_a_full_disk_fails_the_import_command_in_one_line_and_changes_nothing(tmp_path: Path) -> None:
    db = make_db(tmp_path / "kb.db")
    before = db.read_bytes()
    big = tmp_path / "big.json"
    big.write_text(json.dumps(many("acme", 2000)))
    # The process may not write a file beyond 16 KiB more than the database's size: the disk "fills up".
    result = devicebot("kb", "import", str(big), db=db, fsize=len(before) + 16 * 1024)
    one_line(result, db, "nothing was changed")
    assert db.read_bytes() == before and rows(db)["devices"][0][0] == "pixel-9"


# -- damaged files --------------------------------------------------------------------------------


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _garbage_inside(data: bytes) -> bytes:
    noise = random.Random(15).randbytes(len(data) // 3)
    start = len(data) // 3
    return data[:start] + noise + data[start + len(noise) :]


def _zeroed_header(data: bytes) -> bytes:
    return bytes(100) + data[100:]


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return make_db(tmp_path_factory.mktemp("healthy") / "kb.db", many("acme", 400)).read_bytes()


@pytest.mark.parametrize(
    ("damage", "said"),
    [(_truncated, "is damaged"), (_garbage_inside, "is damaged"), (_zeroed_header, "is not a devicebot database")],
)
def test_a_damaged_file_is_one_line_and_left_as_it_is(
    tmp_path: Path, healthy: bytes, damage: Callable[[bytes], bytes], said: str
) -> None:
    db = tmp_path / "kb.db"
    db.write_bytes(damage(healthy))
    before = db.read_bytes()
    for args in (("ask", "acme 7"), ("kb", "import", "--shipped")):
        one_line(devicebot(*args, db=db), db, said)
    assert db.read_bytes() == before


def test_a_row_that_is_not_an_entry_is_reported_as_damage(tmp_path: Path) -> None:
    db = make_db(tmp_path / "kb.db")
    with sqlite3.connect(db) as conn:
        conn.execute("update devices set data = '{not json' where id = 'pixel-9'")
    conn.close()
    with pytest.raises(StoreError, match=r"is damaged \(a row of devices is not a bundle entry"):
        Store(db).load()
    with sqlite3.connect(db) as conn:
        conn.execute("""update devices set data = '{"id": "pixel-9"}' where id = 'pixel-9'""")
    conn.close()
    with pytest.raises(StoreError, match=r"is damaged \(an entry is not in the bundle format"):
        Store(db).load()


# -- schema versions ------------------------------------------------------------------------------

# The tables devicebot wrote before schema version 2 (version 1 kept only in the meta table, no index on
# the change batches).
VERSION_1 = """
CREATE TABLE [vendors] ([id] TEXT PRIMARY KEY, [data] TEXT);
CREATE TABLE [devices] ([id] TEXT PRIMARY KEY, [vendor] TEXT, [data] TEXT);
CREATE INDEX [idx_devices_vendor] ON [devices] ([vendor]);
CREATE TABLE [carriers] ([id] TEXT PRIMARY KEY, [country] TEXT, [data] TEXT);
CREATE INDEX [idx_carriers_country] ON [carriers] ([country]);
CREATE TABLE [statements] ([id] TEXT PRIMARY KEY, [vendor] TEXT, [country] TEXT, [data] TEXT);
CREATE INDEX [idx_statements_vendor] ON [statements] ([vendor]);
CREATE INDEX [idx_statements_country] ON [statements] ([country]);
CREATE TABLE [changes] ([change_id] INTEGER PRIMARY KEY, [batch] INTEGER NOT NULL, [at] TEXT NOT NULL,
  [actor] TEXT NOT NULL, [action] TEXT NOT NULL, [kind] TEXT NOT NULL, [entry_id] TEXT NOT NULL,
  [before] TEXT, [after] TEXT);
CREATE INDEX [idx_changes_entry_id] ON [changes] ([entry_id]);
CREATE TABLE [meta] ([key] TEXT PRIMARY KEY, [value] TEXT);
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO vendors VALUES ('google', '{"id": "google", "name": "Google"}');
INSERT INTO changes VALUES (1, 1, '2026-01-01T00:00:00+00:00', 'devicebot', 'seed', 'vendors', 'google', NULL,
  '{"id": "google", "name": "Google"}');
"""


def _version_1(path: Path, user_version: int = 0) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript(VERSION_1)
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.execute("PRAGMA journal_mode = wal")
    conn.close()
    return path


def _indexes(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        found = {r[0] for r in conn.execute("select name from sqlite_master where type = 'index'")}
    conn.close()
    return found


@pytest.mark.parametrize("user_version", [0, 1])
def test_a_database_of_the_previous_version_is_upgraded_and_keeps_everything(tmp_path: Path, user_version: int) -> None:
    db = _version_1(tmp_path / "kb.db", user_version)
    assert "idx_changes_batch" not in _indexes(db)
    store = Store(db)
    assert [v.id for v in store.load().vendors] == ["google"] and store.history()[0].entry_id == "google"
    store.close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("select value from meta").fetchone()[0] == str(SCHEMA_VERSION)
    conn.close()
    assert "idx_changes_batch" in _indexes(db)


def test_an_older_read_only_database_is_refused_before_anything_is_written(shared_dir: Path) -> None:
    db = _version_1(shared_dir / "kb.db")
    db.chmod(0o444)
    before = db.read_bytes()
    one_line(devicebot("ask", "pixel 9", db=db, unprivileged=True), db, "has schema version 1 and needs an upgrade")
    assert db.read_bytes() == before


def test_a_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    db = make_db(tmp_path / "kb.db")
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match=f"has database schema version {SCHEMA_VERSION + 1}.*upgrade devicebot"):
        Store(db)
    assert db.read_bytes() == before


# -- two writers ----------------------------------------------------------------------------------


def test_a_write_that_cannot_get_the_lock_says_so_and_changes_nothing(tmp_path: Path) -> None:
    db = make_db(tmp_path / "kb.db")
    before = rows(db)
    holder = sqlite3.connect(db)
    holder.execute("BEGIN IMMEDIATE")  # another writer, mid-import
    try:
        store = Store(db, wait=0.2)
        with pytest.raises(StoreError) as caught:
            store.apply(bundle.check_shape(many("acme", 5), "more.json"), replace=False, actor="t", action="import")
        assert "is being changed by another process" in str(caught.value) and "nothing was changed" in str(caught.value)
        assert [d.id for d in store.load().devices] == ["pixel-9"]  # reading goes on meanwhile
        store.close()
    finally:
        holder.rollback()
        holder.close()
    assert rows(db) == before


def test_two_large_imports_at_once_both_land(tmp_path: Path) -> None:
    db = make_db(tmp_path / "kb.db")
    files = []
    for prefix in ("acme", "zeta"):
        path = tmp_path / f"{prefix}.json"
        path.write_text(json.dumps(many(prefix, 1500)))
        files.append(path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    holder = sqlite3.connect(db)
    holder.execute("BEGIN IMMEDIATE")  # both start while the database is busy, and queue for the lock
    try:
        imports = [
            subprocess.Popen(
                [sys.executable, "-m", "bot", "--db", str(db), "kb", "import", str(path)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for path in files
        ]
        time.sleep(1)  # not a measurement: gives both a chance to reach the lock before it is released
    finally:
        holder.rollback()
        holder.close()
    for process in imports:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0 and "imported" in out, err
    ids = {row[0] for row in rows(db)["devices"]}
    assert {"pixel-9", "acme-0", "acme-1499", "zeta-0", "zeta-1499"} <= ids and len(ids) == 3001


def test_server_settings_on_a_read_only_database_are_read_and_a_change_is_one_line(shared_dir: Path) -> None:
    folder = shared_dir / "ro"
    folder.mkdir()
    db = make_db(folder / "kb.db")  # a database without saved server settings (the bot never ran on it)
    folder.chmod(0o555)
    before = db.read_bytes()
    script = (
        "import sys\n"
        "from bot.dbfaults import StoreError\n"
        "from bot.discord.servers import ServerSettings, ServerSettingsStore\n"
        "settings = ServerSettingsStore(sys.argv[1])\n"
        "assert settings.get(1) == ServerSettings()\n"
        "try:\n"
        "    settings.update(1, country='IN')\n"
        "except StoreError as exc:\n"
        "    print(exc)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [*_unprivileged(), sys.executable, "-c", script, str(db)],
        text=True,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert result.stdout.startswith(f"{db} is read-only for this user: nothing was changed")
    assert db.read_bytes() == before
