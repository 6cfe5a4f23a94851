"""The knowledge as the adapters use it: one store, one engine, kept current.

The Discord bot and the HTTP service hold a `Service`. Writes go through it so the matching index is
rebuilt at once; edits made by another process on the same database file are picked up by
`refresh_if_changed()` (SQLite's `PRAGMA data_version` moves whenever another connection commits).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from . import bundle
from .bundle import RawBundle
from .engine import Answer, Engine
from .metrics import Metrics
from .store import Store, Summary, default_db_path


class Service:
    def __init__(self, store: Store, metrics: Metrics | None = None) -> None:
        self.store = store
        self.metrics = metrics or Metrics()
        self._version = store.data_version()
        self.engine = Engine(store.load())

    @classmethod
    def open(cls, db: Path | str | None = None, metrics: Metrics | None = None) -> Service:
        return cls(Store.open(db or default_db_path(), seed=bundle.shipped_knowledge_dir()), metrics)

    def refresh_if_changed(self) -> bool:
        """Rebuild the engine if another process changed the database; True when it did."""
        version = self.store.data_version()
        if version == self._version:
            return False
        self._version = version
        self.engine = Engine(self.store.load())
        return True

    def _rebuild(self) -> None:
        self._version = self.store.data_version()
        self.engine = Engine(self.store.load())

    def ask(self, question: str, adapter: str = "cli") -> Answer:
        started = time.perf_counter()
        answer = self.engine.answer(question)
        self.metrics.latency.labels(adapter).observe(time.perf_counter() - started)
        self.metrics.questions.labels(adapter, answer.intent, answer.outcome).inc()
        return answer

    def to_dict(self, answer: Answer) -> dict[str, Any]:
        return self.engine.to_dict(answer)

    def apply(self, incoming: RawBundle, *, replace: bool, actor: str, action: str, dry_run: bool = False) -> Summary:
        summary = self.store.apply(incoming, replace=replace, actor=actor, action=action, dry_run=dry_run)
        if summary.changed and not dry_run:
            self.metrics.edits.labels(action.split()[0]).inc()
            self._rebuild()
        return summary

    def upsert(self, kind: str, entry: dict[str, Any], actor: str, origin: str = "edit") -> Summary:
        """Add or replace one entry (validated against the schema and the whole knowledge)."""
        raw = bundle.check_shape({"format": bundle.FORMAT, kind: [entry]}, origin)
        return self.apply(raw, replace=False, actor=actor, action=f"edit {kind}")

    def remove(self, kind: str, entry_id: str, actor: str) -> Summary:
        summary = self.store.remove(kind, entry_id, actor)
        self.metrics.edits.labels("remove").inc()
        self._rebuild()
        return summary

    def undo(self, change_id: int, actor: str) -> Summary:
        summary = self.store.undo(change_id, actor)
        self.metrics.edits.labels("undo").inc()
        self._rebuild()
        return summary
