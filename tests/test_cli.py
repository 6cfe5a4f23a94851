"""The `devicebot` command as a user runs it: a real process, a real database file."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import carrier, device, make_bundle, statement, variant, vendor

from bot import bundle
from bot.store import Store

ROOT = Path(__file__).resolve().parent.parent


def devicebot(*args: str, db: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DEVICEBOT_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", "--db", str(db), *args],
        input=stdin,
        text=True,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


BUNDLE = make_bundle(
    vendors=[vendor("xiaomi", "Xiaomi"), vendor("google", "Google")],
    devices=[
        device(
            "xiaomi-14",
            "xiaomi",
            "Xiaomi 14",
            variant("x14g", "Global", ("23127PN0CG",), lte=[1, 2, 3, 4, 5, 7, 8, 12, 13, 66]),
            variant("x14c", "China", ("23127PN0CC",), lte=[1, 3, 41]),
        ),
        device("pixel-9", "google", "Pixel 9", variant("p9", lte=[2, 4, 12, 66, 71])),
    ],
    carriers=[carrier("tmobile-us", "US", "T-Mobile", "tmo", lte=([2, 4, 12, 66, 71], []))],
    statements=[statement("xiaomi-us-2015", "xiaomi", "US", "not_sold", "2015-02-02", quote="No plans.")],
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    bundle_file = tmp_path / "bundle.json"
    bundle_file.write_text(json.dumps(BUNDLE))
    path = tmp_path / "kb.db"
    result = devicebot("kb", "import", "--replace", str(bundle_file), db=path)
    assert result.returncode == 0, result.stderr
    return path


def test_ask_prints_the_rendered_answer(db: Path) -> None:
    result = devicebot("ask", "Is the Xiaomi 14 sold in the US?", db=db)
    assert result.returncode == 0
    assert "not sold officially" in result.stdout and "No plans." in result.stdout and "2015-02-02" in result.stdout


def test_ask_json(db: Path) -> None:
    result = devicebot("ask", "--json", "xiaomi 14 on tmo", db=db)
    answer = json.loads(result.stdout)
    assert answer["device"]["id"] == "xiaomi-14" and answer["carrier"]["id"] == "tmobile-us"
    assert len(result.stdout.strip().splitlines()) == 1


def test_batch_json_lines_in_order(db: Path) -> None:
    questions = ["pixel 9 on tmo", "", "is the xiaomi 14 sold in the us", "pixel 99 ???", "23127PN0CC on tmo"]
    result = devicebot("ask", "--json", db=db, stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["question"] for a in lines] == questions
    assert [a["device"]["id"] if a["device"] else None for a in lines] == [
        "pixel-9",
        None,
        "xiaomi-14",
        None,
        "xiaomi-14",
    ]
    assert lines[4]["variants"] == ["x14c"]


def test_batch_lines_that_are_not_utf8_are_reported_and_the_others_answered(db: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8"}
    env.pop("DEVICEBOT_DB", None)
    result = subprocess.run(
        [sys.executable, "-m", "bot", "--db", str(db), "ask", "--json"],
        input=b"pixel 9 on tmo\n\xff\xfe caf\xe9\nis the xiaomi 14 sold in the us\n",
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [line.get("question") for line in lines] == ["pixel 9 on tmo", None, "is the xiaomi 14 sold in the us"]
    assert lines[1] == {"line": 2, "error": "line 2: not UTF-8 text (byte 1): skipped"}
    assert result.returncode == 1 and b"line 2: not UTF-8 text" in result.stderr and b"Traceback" not in result.stderr


def test_keys_given_twice_and_a_reference_not_in_utf8_are_one_line_each(tmp_path: Path, db: Path) -> None:
    twice = tmp_path / "twice.yaml"
    twice.write_text("format: devicebot-knowledge/1\nvendors:\n  - id: zz\n    name: A\n    name: B\n")
    result = devicebot("kb", "validate", str(twice), db=db)
    assert result.returncode == 1 and f"{twice}: line 5: duplicate key 'name'" in result.stderr
    twice_json = tmp_path / "twice.json"
    twice_json.write_text('{"format": "devicebot-knowledge/1", "vendors": [{"id": "zz", "name": "A", "name": "B"}]}')
    result = devicebot("kb", "validate", str(twice_json), db=db)
    assert result.returncode == 1 and "duplicate key 'name' in one object" in result.stderr
    latin1 = tmp_path / "ref.csv"
    latin1.write_bytes(b"brand,model\nxiaomi,caf\xe9\n")
    result = devicebot("kb", "crosscheck", str(latin1), db=db)
    assert result.returncode == 1 and "not UTF-8 text" in result.stderr and "Traceback" not in result.stderr


def test_ask_without_question_or_json_is_a_usage_error(db: Path) -> None:
    result = devicebot("ask", db=db)
    assert result.returncode == 2 and "give a question" in result.stderr


def test_failed_import_changes_nothing_and_says_where(db: Path, tmp_path: Path) -> None:
    before = sqlite3.connect(db).execute("select count(*), max(change_id) from changes").fetchone()
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "format: devicebot-knowledge/1\ndevices:\n  - id: pixel-10\n    vendor: google\n"
        "    name: Pixel 10\n    source: somewhere\n    variants:\n"
        "      - {id: p10, market: Global, bands: {lte: [2, 4, 999]}}\n"
    )
    result = devicebot("kb", "import", str(bad), db=db)
    assert result.returncode == 1
    assert f"{bad}: devices[0] 'pixel-10'.variants[0] 'p10'.bands.lte[2]: 999 is not a valid band" in result.stderr
    assert "Traceback" not in result.stderr
    assert sqlite3.connect(db).execute("select count(*), max(change_id) from changes").fetchone() == before
    assert json.loads(devicebot("ask", "--json", "pixel 10", db=db).stdout)["device"] is None


def test_import_upsert_then_history_and_undo(db: Path, tmp_path: Path) -> None:
    update = tmp_path / "u.json"
    update.write_text(
        json.dumps(
            make_bundle(
                statements=[statement("xiaomi-us-2015", "xiaomi", "US", "sold", "2015-02-02", quote="Changed.")]
            )
        )
    )
    result = devicebot("kb", "import", str(update), "--actor", "alice", db=db)
    assert result.returncode == 0 and "statements: 1 updated" in result.stdout
    history = devicebot("kb", "history", "xiaomi-us-2015", db=db).stdout
    assert "alice" in history
    change_id = history.split()[0].lstrip("#")
    assert devicebot("kb", "undo", change_id, db=db).returncode == 0
    assert "No plans." in devicebot("ask", "xiaomi 14 sold in the us", db=db).stdout


def test_export_validate_round_trip(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.yaml"
    assert devicebot("kb", "export", str(out), db=db).returncode == 0
    result = devicebot("kb", "validate", str(out), db=db)
    assert result.returncode == 0 and "2 devices" in result.stdout
    fresh = tmp_path / "fresh.db"
    assert devicebot("kb", "import", "--replace", str(out), db=fresh).returncode == 0
    assert devicebot("kb", "export", "-", db=fresh).stdout == devicebot("kb", "export", "-", db=db).stdout


def test_validate_reports_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(make_bundle(statements=[statement("s", "nobody", "US", "sold", "2020-01-01")])))
    result = devicebot("kb", "validate", str(bad), db=tmp_path / "unused.db")
    assert result.returncode == 1 and "statements[0] 's'.vendor: unknown vendor 'nobody'" in result.stderr


def test_missing_file(tmp_path: Path, db: Path) -> None:
    result = devicebot("kb", "import", str(tmp_path / "nope.yaml"), db=db)
    assert result.returncode == 1 and "nope.yaml: no such file" in result.stderr


def test_stats(db: Path) -> None:
    result = devicebot("kb", "stats", db=db)
    assert "2 vendors, 2 devices (3 variants)" in result.stdout
    assert "oldest statement: 2015-02-02" in result.stdout
    stats = json.loads(devicebot("kb", "stats", "--json", db=db).stdout)
    assert stats["carriers_per_country"] == {"US": 1}


def test_import_shipped_keeps_local_additions(db: Path, tmp_path: Path) -> None:
    result = devicebot("kb", "import", "--shipped", db=db)
    assert result.returncode == 0, result.stderr
    stats = json.loads(devicebot("kb", "stats", "--json", db=db).stdout)
    assert stats["devices_per_vendor"].get("google", 0) >= 1  # the fixture's Pixel 9 is still there
    both = devicebot("kb", "import", "--shipped", str(tmp_path / "x.json"), db=db)
    assert both.returncode == 2 and "one of them" in both.stderr


def test_after_an_upgrade_ask_says_the_database_holds_other_shipped_knowledge(tmp_path: Path) -> None:
    path = tmp_path / "kb.db"
    fresh = devicebot("ask", "pixel 8 on tmo", db=path)  # a new database, filled from this version's
    assert fresh.returncode == 0 and "kb import --shipped" not in fresh.stderr

    def older(sql: str) -> subprocess.CompletedProcess[str]:
        with sqlite3.connect(path) as conn:
            conn.execute(sql)
        conn.close()
        return devicebot("ask", "pixel 8 on tmo", db=path)

    # As a database filled by a version that shipped other knowledge, or by one from before the
    # record was kept, is left after an upgrade: the answer comes, and a line on stderr says what to do.
    for sql in (
        "update meta set value = 'f00' where key = 'shipped_knowledge'",
        "delete from meta where key = 'shipped_knowledge'",
    ):
        result = older(sql)
        assert result.returncode == 0 and "Pixel 8" in result.stdout
        assert "`devicebot kb import --shipped` loads this version's" in result.stderr
    assert devicebot("kb", "import", "--shipped", db=path).returncode == 0
    assert "kb import --shipped" not in devicebot("ask", "pixel 8 on tmo", db=path).stderr


def test_a_database_devicebot_never_seeded_gets_no_upgrade_note(tmp_path: Path) -> None:
    path = tmp_path / "own.db"
    Store(path).apply(bundle.check_shape(BUNDLE, "bundle.json"), replace=True, actor="me", action="import")
    result = devicebot("ask", "pixel 9 on tmo", db=path)
    assert result.returncode == 0 and "Pixel 9" in result.stdout and result.stderr == ""


def test_ask_in_another_language(db: Path) -> None:
    result = devicebot("ask", "--lang", "es", "pixel 9 on t-mobile", db=db)
    assert result.returncode == 0 and "¿Funciona con T-Mobile?" in result.stdout


def test_serve_refuses_impossible_settings_in_one_line(db: Path) -> None:
    for args, said in ((("--port", "70000"), "is not a port number"), (("--rate", "0"), "expected at least 1")):
        result = devicebot("serve", *args, db=db)
        assert result.returncode == 2 and said in result.stderr and "Traceback" not in result.stderr


def test_a_database_that_cannot_be_used_is_one_line_and_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    junk = tmp_path / "junk.db"
    junk.write_bytes(bytes(range(256)) * 20)
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("create table notes (x)")
    older = tmp_path / "older.db"
    Store(older).close()
    with sqlite3.connect(older) as conn:
        conn.execute("update meta set value = '0' where key = 'schema_version'")
        conn.execute("PRAGMA user_version = 0")
    with sqlite3.connect(older) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the file holds everything: bytes can be compared
    before = {p: p.read_bytes() for p in (junk, foreign, older)}
    for db, said in (
        (folder, "is a folder"),
        (junk, "is not a devicebot database"),
        (foreign, "another program's SQLite file (tables: notes)"),
        (older, "has database schema version 0"),
    ):
        result = devicebot("kb", "stats", db=db)
        assert result.returncode == 1 and said in result.stderr, (db, result.stderr)
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert {p: p.read_bytes() for p in before} == before, "nothing is written to a file we refuse"


def test_numbers_out_of_range_are_usage_errors_not_tracebacks(db: Path) -> None:
    for args in (("kb", "undo", "99999999999999999999"), ("kb", "history", "--limit", "10000000000000000000000")):
        result = devicebot(*args, db=db)
        assert result.returncode == 2 and "out of range" in result.stderr and "Traceback" not in result.stderr


def test_an_endless_file_is_read_only_up_to_the_limit(db: Path) -> None:
    result = devicebot("kb", "import", "/dev/zero", db=db)
    assert result.returncode == 1 and "/dev/zero: file is larger than" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# What a question needs is the index and its snapshot: the packages that read, check and build
# knowledge, the web and Discord adapters and the curators' tools are imported when they are used.
NOT_FOR_ASK = ("discord", "aiohttp", "jinja2", "yaml", "jsonschema", "pycountry", "babel", "sqlite_utils", "wordfreq")


def test_a_repeat_ask_imports_nothing_it_does_not_need(db: Path) -> None:
    assert devicebot("ask", "Is the Xiaomi 14 sold in the US?", db=db).returncode == 0  # the snapshot is written
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    traced = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bot", "--db", str(db), "ask", "Is the Xiaomi 14 sold in the US?"],
        text=True, capture_output=True, env=env, timeout=120, check=True,
    )  # fmt: skip
    imported = {line.split("|")[-1].strip() for line in traced.stderr.splitlines() if "|" in line}
    assert "Xiaomi 14" in traced.stdout
    assert "bot.engine" in imported and "bot.snapshot" in imported
    assert not {m for m in imported if m.split(".")[0] in NOT_FOR_ASK or m == "importlib.metadata"}
