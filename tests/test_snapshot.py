"""The snapshot of the built engine beside the database: the engine it loads answers exactly as a fresh
one, and any snapshot that is not the current state's (stale, damaged, of other code, not ours) is
ignored and rebuilt, never a wrong answer or a traceback."""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
import threading
from pathlib import Path

import pytest
from conftest import assert_same_answers

from bot import bundle, snapshot
from bot.bundle import RawBundle
from bot.engine import Engine
from bot.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "kb.db", seed=bundle.shipped_knowledge_dir())


def _edit_note(store: Store, device_id: str, note: str) -> None:
    entry = bundle.to_raw(store.load().device(device_id)) | {"note": note}
    raw = RawBundle()
    raw.add("devices", entry, "test")
    store.apply(raw, replace=False, actor="test", action="edit")


def test_a_loaded_engine_answers_every_labelled_question_as_a_fresh_one(store: Store) -> None:
    snapshot.engine_for(store)  # builds and writes it
    state = store.state()
    assert state is not None
    loaded = snapshot.load(snapshot.path_for(store.path), state)
    assert loaded is not None
    fresh = Engine(store.load())
    assert_same_answers(loaded, fresh)
    assert loaded.knowledge == fresh.knowledge


def test_an_edit_makes_a_new_state_and_the_old_snapshot_is_not_used(store: Store) -> None:
    first = snapshot.engine_for(store)
    old = store.state()
    _edit_note(store, "pixel-9", "edited")
    assert store.state() != old
    assert snapshot.load(snapshot.path_for(store.path), str(old)) is not None  # the file is still the old one…
    engine = snapshot.engine_for(store)  # …but the current state is rebuilt and written
    assert engine.knowledge.device("pixel-9").note == "edited" != first.knowledge.device("pixel-9").note
    again = snapshot.load(snapshot.path_for(store.path), str(store.state()))
    assert again is not None and again.knowledge.device("pixel-9").note == "edited"


def test_a_row_written_behind_devicebots_back_changes_the_state(store: Store) -> None:
    snapshot.engine_for(store)
    before = store.state()
    with sqlite3.connect(store.path) as conn:
        conn.execute("update devices set data = replace(data, 'Pixel 9', 'Pixel Nine') where id = 'pixel-9'")
    conn.close()
    assert store.state() != before
    assert snapshot.engine_for(store).knowledge.device("pixel-9").name == "Pixel Nine"


def test_a_dry_run_leaves_the_state_as_it_was(store: Store) -> None:
    before = store.state()
    raw = RawBundle()
    raw.add("devices", bundle.to_raw(store.load().device("pixel-9")) | {"note": "maybe"}, "test")
    store.apply(raw, replace=False, actor="test", action="edit", dry_run=True)
    assert store.state() == before


def _payload_start(path: Path) -> int:
    data = path.read_bytes()
    (length,) = snapshot._HEADER.unpack_from(data, len(snapshot.MAGIC))
    return len(snapshot.MAGIC) + snapshot._HEADER.size + length


def _cut(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size * 2 // 3])


def _flipped(path: Path) -> None:
    data = bytearray(path.read_bytes())
    at = _payload_start(path) + (len(data) - _payload_start(path)) // 2
    data[at] ^= 0xFF
    path.write_bytes(bytes(data))


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(4096))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _other_code(path: Path) -> None:
    data = path.read_bytes()
    start = _payload_start(path)
    header = json.loads(data[len(snapshot.MAGIC) + snapshot._HEADER.size : start])
    header["code"] = "0" * 32
    raw = json.dumps(header).encode()
    path.write_bytes(snapshot.MAGIC + snapshot._HEADER.pack(len(raw)) + raw + data[start:])


def _other_format(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data.replace(b'"format": 1', b'"format": 99', 1))


def _not_an_engine(path: Path) -> None:
    """A well-formed snapshot of the right state whose pickle would run a shell command."""
    data = path.read_bytes()
    start = _payload_start(path)
    header = json.loads(data[len(snapshot.MAGIC) + snapshot._HEADER.size : start])
    payload = b"cos\nsystem\n(S'touch /tmp/devicebot-pwned'\ntR."
    header.update(size=len(payload), crc32=__import__("zlib").crc32(payload))
    raw = json.dumps(header).encode()
    path.write_bytes(snapshot.MAGIC + snapshot._HEADER.pack(len(raw)) + raw + payload)


def _another_object(path: Path) -> None:
    data = path.read_bytes()
    start = _payload_start(path)
    header = json.loads(data[len(snapshot.MAGIC) + snapshot._HEADER.size : start])
    payload = pickle.dumps({"not": "an engine"}, protocol=5)
    header.update(size=len(payload), crc32=__import__("zlib").crc32(payload))
    raw = json.dumps(header).encode()
    path.write_bytes(snapshot.MAGIC + snapshot._HEADER.pack(len(raw)) + raw + payload)


@pytest.mark.parametrize(
    "spoil", [_cut, _flipped, _garbage, _empty, _other_code, _other_format, _not_an_engine, _another_object]
)
def test_a_spoilt_snapshot_is_ignored_and_rebuilt(store: Store, spoil: object) -> None:
    fresh = snapshot.engine_for(store)
    path = snapshot.path_for(store.path)
    spoil(path)  # type: ignore[operator]
    assert snapshot.load(path, str(store.state())) is None
    engine = snapshot.engine_for(store)
    assert engine.answer("will the pixel 9 work on tmo") == fresh.answer("will the pixel 9 work on tmo")
    assert snapshot.load(path, str(store.state())) is not None  # written again, whole
    assert not Path("/tmp/devicebot-pwned").exists()


def test_writing_is_atomic_and_leaves_no_temporary_file(store: Store) -> None:
    engine = snapshot.engine_for(store)
    folder = store.path.parent
    names = sorted(p.name for p in folder.iterdir())
    assert "kb.db.snapshot" in names and not [n for n in names if n.endswith(".tmp")]
    path = snapshot.path_for(store.path)
    # Readers load while the snapshot is replaced again and again: each sees a whole snapshot.
    state = str(store.state())
    seen: list[bool] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen.append(snapshot.load(path, state) is not None)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for _ in range(3):
            assert snapshot.write(path, state, engine)
    finally:
        stop.set()
        reader.join()
    assert seen and all(seen)


def test_a_snapshot_that_cannot_be_written_only_means_building_in_memory(store: Store) -> None:
    path = snapshot.path_for(store.path)
    path.mkdir()  # the name is taken by a folder: the rename fails as in a folder this user cannot write
    engine = snapshot.engine_for(store)
    assert engine.answer("is the pixel 9 sold in the us").device == "pixel-9"
    assert not [p for p in store.path.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_state_with_no_token_is_built_and_never_written(store: Store) -> None:
    with sqlite3.connect(store.path) as conn:
        conn.execute("delete from knowledge_state")
    conn.close()
    assert store.state() is None
    assert snapshot.engine_for(store).answer("pixel 9").device == "pixel-9"
    assert not snapshot.path_for(store.path).exists()


def test_the_child_process_builds_the_snapshot_readers_load(store: Store) -> None:
    _edit_note(store, "pixel-9", "from the child")
    path = snapshot.path_for(store.path)
    assert snapshot.main([str(store.path)]) == 0
    loaded = snapshot.load(path, str(store.state()))
    assert loaded is not None and loaded.knowledge.device("pixel-9").note == "from the child"
    missing = store.path.parent / "missing" / "kb.db"
    assert snapshot.main([str(missing)]) == 1 and not missing.parent.exists()


def test_a_reload_off_the_event_loop_has_a_child_build_what_the_writer_left_unbuilt(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "CHILD_ABOVE_DEVICES", 0)  # the shipped knowledge counts as big here
    _edit_note(store, "pixel-9", "from the child")
    built_here: list[bool] = []

    def build(st: Store) -> Engine:
        built_here.append(True)
        return Engine(st.load())

    engine = snapshot.engine_elsewhere(store.path, build)
    assert engine.knowledge.device("pixel-9").note == "from the child" and not built_here
    assert snapshot.current(snapshot.path_for(store.path), str(store.state()))


def test_a_reload_where_no_child_can_build_builds_in_this_process(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(snapshot, "CHILD_ABOVE_DEVICES", 0)
    _edit_note(store, "pixel-9", "built here")
    snapshot.path_for(store.path).mkdir()  # no snapshot can be written: the child fails
    engine = snapshot.engine_elsewhere(store.path, lambda st: Engine(st.load()))
    assert engine.knowledge.device("pixel-9").note == "built here"
