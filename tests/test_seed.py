"""The seed the wheel's build hook makes (`bot/seed.py`): a new database copied from it holds what one
filled from the shipped YAML holds, loads its index instead of building it, and a seed of other
knowledge or code is never used. Real files, and the seed made by a real `python -m bot.seed`."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot import bundle, seed, shipped, snapshot
from bot.engine import Engine
from bot.store import Store

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("vendors", "devices", "carriers", "statements")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seed") / "_seed"
    env = {k: v for k, v in os.environ.items() if k != "DEVICEBOT_DB"}
    subprocess.run([sys.executable, "-m", "bot.seed", str(folder)], cwd=ROOT, env=env, check=True, timeout=300,
                   capture_output=True)  # fmt: skip
    return folder


@pytest.fixture
def folder(made: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "_seed"
    shutil.copytree(made, copy)
    return copy


@pytest.fixture(scope="module")
def from_yaml(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("yaml") / "kb.db"
    store = Store(path)
    store.apply(bundle.read_path(bundle.shipped_knowledge_dir(), trusted=True), replace=True, actor="devicebot",
                action="seed")  # fmt: skip
    store.close()
    return path


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        return {kind: conn.execute(f"select * from [{kind}] order by id").fetchall() for kind in KINDS}


def _never(_store: Store) -> Engine:
    raise AssertionError("the index was built, not loaded from the seed's snapshot")


def _check_seeded(store: Store, folder: Path, from_yaml: Path) -> None:
    manifest = json.loads((folder / seed.MANIFEST).read_text())
    assert store.state() == manifest["state"]
    # Which shipped knowledge it holds comes with it, so an upgrade that ships other knowledge is told.
    assert store.meta(shipped.META_KEY) == manifest["knowledge"] == shipped.digest(bundle.shipped_knowledge_dir())
    assert not shipped.stale(store)
    assert _rows(store.path) == _rows(from_yaml)
    [first] = store.history(limit=1)
    assert (first.actor, first.action) == ("devicebot", "seed")
    loaded = snapshot.engine_for(store, build=_never)
    built = Engine(Store(from_yaml).load())
    for question in ("Is the Xiaomi 14 sold in the US?", "pixel 8 on tmo", "galaxy s24 ultra in brasil on claro"):
        assert loaded.answer(question) == built.answer(question)


def test_a_new_database_is_the_seed_s_copy_and_loads_its_index(folder: Path, from_yaml: Path, tmp_path: Path) -> None:
    path = tmp_path / "new" / "kb.db"
    assert seed.copy_file(path, folder)
    store = Store(path)
    _check_seeded(store, folder, from_yaml)
    # Another database is left alone: only a missing or empty file is made a copy.
    assert not seed.copy_file(path, folder)
    assert not seed.copy_file(from_yaml, folder)


def test_an_empty_database_file_gets_the_seed_s_rows(folder: Path, from_yaml: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "kb.db")  # the tables made, no knowledge in them
    assert store.is_empty()
    assert seed.copy_into(store, folder)
    _check_seeded(store, folder, from_yaml)


def test_a_seed_of_other_knowledge_or_code_is_not_used(folder: Path, tmp_path: Path) -> None:
    manifest = json.loads((folder / seed.MANIFEST).read_text())
    (folder / seed.MANIFEST).write_text(json.dumps({**manifest, "key": "0" * 32}))
    assert not seed.copy_file(tmp_path / "a.db", folder) and not (tmp_path / "a.db").exists()
    store = Store(tmp_path / "b.db")
    assert not seed.copy_into(store, folder) and store.is_empty()
    (folder / seed.MANIFEST).unlink()  # a seed cut short: the manifest is written last
    assert not seed.copy_file(tmp_path / "c.db", folder)


def test_a_seed_s_snapshot_of_other_code_is_copied_but_never_loaded(folder: Path, tmp_path: Path) -> None:
    kept = folder / (seed.DATABASE + snapshot.SUFFIX)
    data = kept.read_bytes()
    code = snapshot.fingerprint().encode()
    assert data.count(code) == 1
    kept.write_bytes(data.replace(code, b"0" * len(code)))
    path = tmp_path / "kb.db"
    assert seed.copy_file(path, folder)
    store = Store(path)
    with pytest.raises(AssertionError, match="built, not loaded"):
        snapshot.engine_for(store, build=_never)
    assert snapshot.engine_for(store).answer("pixel 8 on tmo").device == "pixel-8"
    assert snapshot.current(snapshot.path_for(path), store.state() or "")  # built, and written over it
