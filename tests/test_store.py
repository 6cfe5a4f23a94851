"""The SQLite store on real files: atomic imports, history, undo, seeding."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from conftest import carrier, device, make_bundle, statement, variant, vendor

from bot import bundle
from bot.bundle import KnowledgeError
from bot.store import Store


def _write(tmp_path: Path, name: str, **sections: list) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(make_bundle(**sections)))
    return path


def _rows(db: Path) -> dict[str, list]:
    with sqlite3.connect(db) as conn:
        return {
            t: conn.execute(f"select id, data from {t} order by id").fetchall()
            for t in ("vendors", "devices", "carriers", "statements")
        } | {"changes": conn.execute("select * from changes").fetchall()}


@pytest.fixture
def seeded(tmp_path: Path) -> Store:
    path = _write(
        tmp_path,
        "seed.json",
        vendors=[vendor("acme", "Acme")],
        devices=[device("acme-1", "acme", "Acme One")],
        carriers=[carrier("c1", "US", "Carrier One", lte=([2], []))],
        statements=[statement("s1", "acme", "US", "not_sold", "2015-02-02")],
    )
    store = Store(tmp_path / "kb.db")
    store.apply(bundle.read_path(path), replace=True, actor="test", action="seed")
    return store


def test_empty_store_is_seeded_once(tmp_path: Path) -> None:
    seed = _write(tmp_path / "", "seed.json", vendors=[vendor("acme", "Acme")])
    store = Store.open(tmp_path / "a" / "kb.db", seed=seed)
    assert [v.id for v in store.load().vendors] == ["acme"]
    seed.write_text(json.dumps(make_bundle(vendors=[vendor("other", "Other")])))
    store.close()
    again = Store.open(tmp_path / "a" / "kb.db", seed=seed)
    assert [v.id for v in again.load().vendors] == ["acme"]


def test_import_upserts_by_id(seeded: Store, tmp_path: Path) -> None:
    update = _write(tmp_path, "u.json", vendors=[vendor("acme", "ACME Corp"), vendor("new", "New")])
    summary = seeded.apply(bundle.read_path(update), replace=False, actor="mod", action="import")
    assert summary.added["vendors"] == ["new"] and summary.updated["vendors"] == ["acme"]
    k = seeded.load()
    assert {v.id: v.name for v in k.vendors} == {"acme": "ACME Corp", "new": "New"}
    assert len(k.devices) == 1 and len(k.statements) == 1


def test_replace_removes_what_the_bundle_lacks(seeded: Store, tmp_path: Path) -> None:
    only = _write(tmp_path, "r.json", vendors=[vendor("acme", "Acme")])
    summary = seeded.apply(bundle.read_path(only), replace=True, actor="mod", action="import --replace")
    assert summary.removed["devices"] == ["acme-1"] and summary.removed["carriers"] == ["c1"]
    assert seeded.load().devices == ()


def test_failed_import_changes_nothing(seeded: Store, tmp_path: Path) -> None:
    before = _rows(seeded.path)
    bad = _write(
        tmp_path,
        "bad.json",
        vendors=[vendor("zeta", "Zeta")],
        statements=[statement("s2", "ghost", "US", "sold", "2020-01-01")],
    )
    with pytest.raises(KnowledgeError) as info:
        seeded.apply(bundle.read_path(bad), replace=False, actor="mod", action="import")
    assert f"{bad}: statements[0] 's2'.vendor: unknown vendor 'ghost'" in str(info.value)
    with pytest.raises(KnowledgeError):
        seeded.apply(bundle.read_path(bad), replace=True, actor="mod", action="import --replace")
    assert _rows(seeded.path) == before


def test_import_conflicting_with_stored_entries_is_refused(seeded: Store, tmp_path: Path) -> None:
    clash = _write(tmp_path, "clash.json", devices=[device("acme-2", "acme", "Acme Two", aliases=("Acme One",))])
    with pytest.raises(KnowledgeError) as info:
        seeded.apply(bundle.read_path(clash), replace=False, actor="mod", action="import")
    assert "also names device 'acme-1'" in str(info.value)


def test_dry_run_reports_without_writing(seeded: Store, tmp_path: Path) -> None:
    before = _rows(seeded.path)
    update = _write(tmp_path, "u.json", vendors=[vendor("new", "New")])
    summary = seeded.apply(bundle.read_path(update), replace=False, actor="mod", action="import", dry_run=True)
    assert summary.added["vendors"] == ["new"]
    assert _rows(seeded.path) == before


def test_history_and_undo(seeded: Store, tmp_path: Path) -> None:
    update = _write(tmp_path, "u.json", vendors=[vendor("acme", "Renamed")])
    seeded.apply(bundle.read_path(update), replace=False, actor="alice", action="import")
    [change] = seeded.history("acme", limit=1)
    assert (change.actor, change.before["name"], change.after["name"]) == ("alice", "Acme", "Renamed")
    seeded.undo(change.change_id, actor="bob")
    assert seeded.load().vendor("acme").name == "Acme"
    assert seeded.history("acme", limit=1)[0].action == f"undo {change.change_id}"


def test_undo_of_an_addition_removes_it(seeded: Store, tmp_path: Path) -> None:
    seeded.apply(
        bundle.read_path(_write(tmp_path, "n.json", vendors=[vendor("new", "New")])),
        replace=False,
        actor="alice",
        action="import",
    )
    [change] = seeded.history("new")
    seeded.undo(change.change_id, actor="bob")
    assert not seeded.load().has("vendors", "new")


def test_undo_that_would_break_references_is_refused(seeded: Store) -> None:
    [added] = seeded.history("acme")  # the seed added the vendor the device depends on
    with pytest.raises(KnowledgeError) as info:
        seeded.undo(added.change_id, actor="bob")
    assert "unknown vendor 'acme'" in str(info.value)
    assert seeded.load().has("vendors", "acme")


def test_export_round_trips(seeded: Store, tmp_path: Path) -> None:
    out = tmp_path / "export.yaml"
    bundle.dump(seeded.export(), out)
    assert bundle.load(out) == seeded.load()


def test_other_connection_sees_data_version_change(seeded: Store, tmp_path: Path) -> None:
    watcher = Store(seeded.path)
    version = watcher.data_version()
    seeded.apply(
        bundle.read_path(_write(tmp_path, "n.json", vendors=[vendor("new", "New")])),
        replace=False,
        actor="alice",
        action="import",
    )
    assert watcher.data_version() != version
    assert watcher.load().has("vendors", "new")


def test_stats(seeded: Store) -> None:
    stats = seeded.stats()
    assert stats["counts"]["devices"] == 1 and stats["devices_per_vendor"] == {"acme": 1}
    assert stats["oldest_statement"]["date"] == "2015-02-02"
    assert stats["counts"]["variants_with_lte"] <= stats["counts"]["variants"]
    assert stats["counts"]["devices_with_lte"] == 1


def test_stats_count_the_recent_phones_and_their_band_lists(tmp_path: Path) -> None:
    new = device("acme-2", "acme", "Acme Two")
    new["released"] = "2025-03"
    unbanded = device("acme-3", "acme", "Acme Three", variant("acme-3-v"))
    unbanded["released"] = "2024"
    old = device("acme-1", "acme", "Acme One")
    old["released"] = "2019-05-01"
    store = Store.open(tmp_path / "kb.db")
    store.apply(
        bundle.read_path(_write(tmp_path, "b.json", vendors=[vendor("acme", "Acme")], devices=[new, unbanded, old])),
        replace=True,
        actor="test",
        action="import",
    )
    stats = store.stats(today=date(2026, 12, 6))
    assert stats["recent_devices"] == {
        "years": "2022-2026",
        "devices": 2,
        "with_lte": 1,
        "with_lte_pct": 50.0,
        "per_vendor": {"acme": 2},
    }
    assert stats["counts"]["devices_without_release_date"] == 0
