"""The service layer on a real database file shared by two 'processes' (connections)."""

from __future__ import annotations

import asyncio
import json
import threading
from pathlib import Path

import pytest
from conftest import device, make_bundle, variant, vendor

from bot import bundle, shipped
from bot.bundle import KnowledgeError
from bot.service import Service
from bot.store import Store, Summary


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "b.json"
    path.write_text(
        json.dumps(
            make_bundle(
                vendors=[vendor("google", "Google")],
                devices=[device("pixel-9", "google", "Pixel 9", variant("p9", lte=[2]))],
            )
        )
    )
    Store(tmp_path / "kb.db").apply(bundle.read_path(path), replace=True, actor="t", action="seed")
    return tmp_path / "kb.db"


def test_opening_a_database_of_other_shipped_knowledge_logs_what_to_do(
    db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = Store(db)
    store.conn.execute("insert into meta (key, value) values ('shipped_knowledge', 'f00')")
    store.conn.commit()
    with caplog.at_level("WARNING", logger="bot.service"):
        Service.open(db)
    assert [r.getMessage() for r in caplog.records] == [shipped.NOTICE]
    caplog.clear()
    store.conn.execute("update meta set value = ? where key = 'shipped_knowledge'", [shipped.this_version()])
    store.conn.commit()
    with caplog.at_level("WARNING", logger="bot.service"):
        Service.open(db)
    assert caplog.records == []


def test_edit_is_answered_at_once(db: Path) -> None:
    svc = Service(Store(db))
    assert svc.ask("pixel 10 bands").device is None
    svc.upsert("devices", device("pixel-10", "google", "Pixel 10", variant("p10", lte=[2, 4])), actor="mod")
    assert svc.ask("pixel 10 bands").device == "pixel-10"


def test_other_process_sees_the_edit_after_refresh(db: Path) -> None:
    writer, reader = Service(Store(db)), Service(Store(db))
    assert reader.refresh_if_changed() is False
    writer.upsert("devices", device("pixel-10", "google", "Pixel 10", variant("p10", lte=[2, 4])), actor="mod")
    assert reader.refresh_if_changed() is True
    assert reader.ask("pixel 10").device == "pixel-10"


def test_refresh_off_the_event_loop_answers_from_the_old_index_until_the_new_one_is_in(db: Path) -> None:
    writer, reader = Service(Store(db)), Service(Store(db))
    writer.upsert("devices", device("pixel-10", "google", "Pixel 10", variant("p10", lte=[2, 4])), actor="mod")

    async def refresh_while_asking() -> tuple[bool, str | None, bool]:
        task = asyncio.create_task(reader.refresh_async())
        during = reader.ask("pixel 9").device  # the loop is free while the new index builds
        changed = await task
        return changed, during, await reader.refresh_async()

    changed, during, again = asyncio.run(refresh_while_asking())
    assert (changed, during, again) == (True, "pixel-9", False)
    assert reader.ask("pixel 10").device == "pixel-10"


def test_bad_edit_changes_nothing(db: Path) -> None:
    svc = Service(Store(db))
    with pytest.raises(KnowledgeError) as info:
        svc.upsert("devices", device("x", "nobody", "X 1", variant("x1", lte=[2])), actor="mod")
    assert "devices[0] 'x'.vendor: unknown vendor 'nobody'" in str(info.value)
    with pytest.raises(KnowledgeError):
        svc.upsert("devices", {"id": "y", "vendor": "google"}, actor="mod")
    assert [d.id for d in svc.engine.knowledge.devices] == ["pixel-9"]


def test_remove_refuses_dangling_references_then_works(db: Path) -> None:
    svc = Service(Store(db))
    with pytest.raises(KnowledgeError) as info:
        svc.remove("vendors", "google", actor="mod")
    assert "unknown vendor 'google'" in str(info.value)
    svc.remove("devices", "pixel-9", actor="mod")
    assert svc.ask("pixel 9").device is None
    [change] = svc.store.history("pixel-9", limit=1)
    svc.undo(change.change_id, actor="mod")
    assert svc.ask("pixel 9").device == "pixel-9"


def test_ask_about_ids_and_free_text(db: Path) -> None:
    svc = Service(Store(db))
    a = svc.ask_about("bands", device="pixel-9")
    assert (a.device, a.intent, a.question) == ("pixel-9", "bands", "What bands does the Pixel 9 support?")
    assert a.bands is not None
    a = svc.ask_about("availability", device="pixel 9", country="de")
    assert (a.device, a.country, a.question) == ("pixel-9", "DE", "Is Pixel 9 sold in Germany?")
    unknown = svc.ask_about("availability", device="pixel 99", country="US")
    assert unknown.device is None and unknown.question == "Is pixel 99 sold in US?"


def test_ask_choosing_a_suggestion(db: Path) -> None:
    svc = Service(Store(db))
    svc.upsert("devices", device("pixel-9-pro", "google", "Pixel 9 Pro", variant("p9p", lte=[2])), actor="mod")
    question = "pixel 9a bands"
    assert {s.id for s in svc.ask(question).suggestions} == {"pixel-9", "pixel-9-pro"}
    chosen = svc.ask_choosing(question, "device", "pixel-9-pro")
    assert (chosen.device, chosen.intent, chosen.suggestions) == ("pixel-9-pro", "bands", ())


async def test_an_edit_runs_off_the_event_loop_and_questions_go_on(db: Path) -> None:
    service = Service(Store(db))
    entry = device("pixel-12", "google", "Pixel 12", variant("p12", lte=[2]))
    release = threading.Event()

    def slow(store: Store) -> Summary:
        release.wait(10)  # the edit is held until the question below has been answered
        raw = bundle.check_shape({"format": bundle.FORMAT, "devices": [entry]}, "edit")
        return store.apply(raw, replace=False, actor="t", action="edit devices")

    editing = asyncio.create_task(service.edit(slow, "edit"))
    await asyncio.sleep(0.05)
    assert service.ask("pixel 9 bands").device == "pixel-9", "answered while the edit runs"
    assert not editing.done()
    release.set()
    summary = await editing
    assert summary.changed and service.ask("pixel 12 bands").device == "pixel-12"
    assert not service.refresh_if_changed(), "the edit is known: no second rebuild"
