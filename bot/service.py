"""The knowledge as the adapters use it: one store, one engine, kept current.

The Discord bot and the HTTP service hold a `Service`. Writes go through it so the matching index is
rebuilt at once; edits made by another process on the same database file are picked up by
`refresh_if_changed()` (SQLite's `PRAGMA data_version` moves whenever another connection commits).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import bundle, heap, present, shipped, snapshot
from .bundle import KnowledgeError, RawBundle
from .dbfaults import StoreError
from .engine import Answer, Engine
from .matching import Analysis
from .metrics import Metrics
from .store import Store, Summary, default_db_path

log = logging.getLogger(__name__)


class Service:
    def __init__(self, store: Store, metrics: Metrics | None = None) -> None:
        self.store = store
        self.metrics = metrics or Metrics()
        self._version = store.data_version()
        self._install(snapshot.engine_for(store))
        # Why the last reload of the knowledge failed (None when it worked): /healthz reports it.
        self.reload_error: str | None = None

    @classmethod
    def open(cls, db: Path | str | None = None, metrics: Metrics | None = None) -> Service:
        store = Store.open(db or default_db_path(), seed=bundle.shipped_knowledge_dir())
        if shipped.stale(store):
            log.warning("%s", shipped.NOTICE)  # an operator who upgraded the image reads the log
        return cls(store, metrics)

    def refresh_if_changed(self) -> bool:
        """Rebuild the engine if another process changed the database; True when it did. When the
        knowledge cannot be read (a damaged file, invalid knowledge), the error is raised and kept in
        `reload_error`, the old answers stay, and the next call tries again."""
        with self._reloading():
            version = self.store.data_version()
            if version == self._version:
                return False
            engine = snapshot.engine_for(self.store)
        self._version, self.reload_error = version, None
        self._install(engine)
        return True

    @contextlib.contextmanager
    def _reloading(self) -> Iterator[None]:
        """A reload that fails is kept in `reload_error` (for /healthz) and raised."""
        try:
            yield
        except StoreError as exc:
            self.reload_error = exc.reason
            raise
        except KnowledgeError:
            self.reload_error = "the database holds knowledge that is not valid"
            raise

    async def refresh_async(self) -> bool:
        """`refresh_if_changed` off the event loop: the new index is loaded from its snapshot in a worker
        thread on a connection of its own (a child process builds the snapshot when the writer left
        none), while questions are answered from the old one; it replaces the old one in one
        assignment. True when the knowledge changed."""
        with self._reloading():
            version = self.store.data_version()
            if version == self._version:
                return False

        with self._reloading():
            engine = await asyncio.to_thread(snapshot.engine_elsewhere, self.store.path, _build_quietly)
        self.reload_error = None
        await self._replace(engine)
        self._version = version
        return True

    async def _replace(self, engine: Engine) -> None:
        """Answer from `engine` from now on; the old index is freed in a worker thread, bit by bit
        (freeing it here at once would stop the event loop for as long as a rebuild: bot.heap)."""
        old = [self.engine]
        self._install(engine)
        await asyncio.to_thread(heap.dismantle, old)

    def _install(self, engine: Engine) -> None:
        self.engine = engine
        # The new index lives until the next edit: out of the collector's view (bot.heap).
        heap.settle()

    def _rebuild(self) -> None:
        self._version = self.store.data_version()
        self._install(snapshot.engine_for(self.store))

    def ask(
        self, question: str, adapter: str = "cli", context: Answer | None = None, home: str | None = None
    ) -> Answer:
        """The answer to a question; `context` is the earlier answer it follows up on, if any; `home`
        the country to assume when the question names none."""
        started = time.perf_counter()
        answer = self.engine.answer(question, context, home)
        self.metrics.latency.labels(adapter).observe(time.perf_counter() - started)
        self.metrics.questions.labels(adapter, answer.intent, answer.outcome).inc()
        return answer

    def _answered(self, question: str, analysis: Analysis, adapter: str, started: float) -> Answer:
        answer = self.engine.answer_analysis(question, analysis)
        self.metrics.latency.labels(adapter).observe(time.perf_counter() - started)
        self.metrics.questions.labels(adapter, answer.intent, answer.outcome).inc()
        return answer

    def ask_about(
        self,
        intent: str,
        *,
        device: str | None = None,
        vendor: str | None = None,
        carrier: str | None = None,
        country: str | None = None,
        adapter: str = "cli",
    ) -> Answer:
        """A question asked in parts (slash-command options): each part is an id chosen from
        autocomplete, or free text. When every part is understood the answer is about exactly those;
        otherwise the parts are asked as one sentence, so "did you mean…" works as for any question."""
        started = time.perf_counter()
        k, index = self.engine.knowledge, self.engine.index
        parts = {"device": device, "vendor": vendor, "carrier": carrier, "country": country}
        given = {kind: value.strip() for kind, value in parts.items() if value and value.strip()}
        variant: str | None = None
        found: dict[str, str | None] = {}
        for kind, value in given.items():
            table = {"device": "devices", "vendor": "vendors", "carrier": "carriers"}.get(kind)
            if table and k.has(table, value):
                found[kind] = value
                continue
            if kind == "country" and value.upper() in index.country_names:
                found[kind] = value.upper()
                continue
            a = index.analyze(value)
            hit = {"device": a.device, "vendor": a.vendor, "carrier": a.carriers[0] if a.carriers else None}.get(
                kind, a.country
            )
            found[kind] = hit
            if kind == "device":
                variant = a.variant
        if any(found.get(kind) is None for kind in given):
            question = _sentence(intent, given)
            return self._answered(question, index.analyze(question), adapter, started)
        device_id = found.get("device")
        carrier_id = found.get("carrier")
        names = dict(given)
        if device_id:
            names["device"] = k.device(device_id).name
        if carrier_id:
            names["carrier"] = k.carrier(carrier_id).name
        if found.get("vendor"):
            names["vendor"] = k.vendor(str(found["vendor"])).name
        if found.get("country"):
            names["country"] = index.country_names.get(str(found["country"]), str(found["country"]))
        analysis = Analysis(
            intent=intent,
            device=device_id,
            variant=variant,
            vendor=k.device(device_id).vendor if device_id else found.get("vendor"),
            carriers=(carrier_id,) if carrier_id else (),
            country=k.carrier(carrier_id).country if carrier_id else found.get("country"),
            suggestions=(),
            confidence=1.0,
            device_hint=bool(device_id),
        )
        return self._answered(_sentence(intent, names), analysis, adapter, started)

    def ask_choosing(self, question: str, kind: str, entry_id: str, adapter: str = "cli") -> Answer:
        """The same question again, with one of its "did you mean" suggestions chosen."""
        started = time.perf_counter()
        k = self.engine.knowledge
        a = self.engine.index.analyze(question)
        if kind == "device" and k.has("devices", entry_id):
            others = tuple(s for s in a.suggestions if s.kind != "device")
            a = replace(
                a,
                device=entry_id,
                variant=None,
                vendor=k.device(entry_id).vendor,
                suggestions=others,
                confidence=1.0,
                device_hint=True,
            )
        elif kind == "carrier" and k.has("carriers", entry_id):
            others = tuple(s for s in a.suggestions if s.kind != "carrier")
            a = replace(a, carriers=(entry_id,), country=k.carrier(entry_id).country, suggestions=others)
        return self._answered(question, a, adapter, started)

    def to_dict(self, answer: Answer) -> dict[str, Any]:
        return present.to_dict(answer, self.engine.knowledge, self.engine.index.country_names)

    # -- edits: each one a change of the store, run here (CLI, HTTP) or off the event loop (Discord) ----

    @staticmethod
    def _applying(
        incoming: RawBundle, replace: bool, actor: str, action: str, dry_run: bool
    ) -> Callable[[Store], Summary]:
        return lambda st: st.apply(incoming, replace=replace, actor=actor, action=action, dry_run=dry_run)

    @staticmethod
    def _one_entry(kind: str, entry: dict[str, Any], origin: str) -> RawBundle:
        """One entry as a bundle (checked against the schema; the store checks it against the whole)."""
        return bundle.check_shape({"format": bundle.FORMAT, kind: [entry]}, origin)

    def _now(self, change: Callable[[Store], Summary], action: str, *, dry_run: bool = False) -> Summary:
        summary = change(self.store)
        if summary.changed and not dry_run:
            self.metrics.edits.labels(action.split()[0]).inc()
            self._rebuild()
        return summary

    def apply(self, incoming: RawBundle, *, replace: bool, actor: str, action: str, dry_run: bool = False) -> Summary:
        return self._now(self._applying(incoming, replace, actor, action, dry_run), action, dry_run=dry_run)

    def upsert(self, kind: str, entry: dict[str, Any], actor: str, origin: str = "edit") -> Summary:
        """Add or replace one entry (validated against the schema and the whole knowledge)."""
        return self.apply(self._one_entry(kind, entry, origin), replace=False, actor=actor, action=f"edit {kind}")

    def remove(self, kind: str, entry_id: str, actor: str) -> Summary:
        return self._now(lambda st: st.remove(kind, entry_id, actor), "remove")

    def undo(self, change_id: int, actor: str) -> Summary:
        return self._now(lambda st: st.undo(change_id, actor), "undo")

    # -- edits off the event loop ------------------------------------------------------------------

    async def edit(self, change: Callable[[Store], Summary], action: str, *, dry_run: bool = False) -> Summary:
        """Run a change of the knowledge in a worker thread, on a connection of its own: validating the
        whole knowledge and rebuilding the index take a second or more, and questions must not wait
        for them. The new index replaces the old one in one assignment when it is ready."""

        def work() -> tuple[Summary, Engine | None]:
            store = Store(self.store.path)
            try:
                summary = change(store)
                changed = summary.changed and not dry_run
                engine = snapshot.engine_elsewhere(store.path, _build_quietly) if changed else None
                return summary, engine
            finally:
                store.close()

        summary, engine = await asyncio.to_thread(work)
        if engine is not None:
            await self._replace(engine)
            self._version = self.store.data_version()  # this change is known: no second rebuild
            self.metrics.edits.labels(action.split()[0]).inc()
        return summary

    async def apply_async(
        self, incoming: RawBundle, *, replace: bool, actor: str, action: str, dry_run: bool = False
    ) -> Summary:
        return await self.edit(self._applying(incoming, replace, actor, action, dry_run), action, dry_run=dry_run)

    async def upsert_async(self, kind: str, entry: dict[str, Any], actor: str, origin: str = "edit") -> Summary:
        raw = self._one_entry(kind, entry, origin)
        return await self.apply_async(raw, replace=False, actor=actor, action=f"edit {kind}")

    async def remove_async(self, kind: str, entry_id: str, actor: str) -> Summary:
        return await self.edit(lambda st: st.remove(kind, entry_id, actor), "remove")

    async def undo_async(self, change_id: int, actor: str) -> Summary:
        return await self.edit(lambda st: st.undo(change_id, actor), "undo")


def _build_quietly(store: Store) -> Engine:
    """An index built in a worker thread without stopping the event loop for long (bot.heap): the
    collector stays off until the index is frozen out of its view (else the first collection after
    the build walks it all), and the raw entries are freed bit by bit, not in one go."""
    with heap.paused():
        raw = [store.raw()]
        engine = Engine(bundle.build(raw[0]))
        heap.settle()
    heap.dismantle(raw)
    return engine


_SENTENCES = {
    "availability": "Is {device} sold in {country}?",
    "compatibility": "Will the {device} work on {carrier} in {country}?",
    "bands": "What bands does the {device} support?",
}


def _sentence(intent: str, words: dict[str, str]) -> str:
    """The parts of a question as the sentence someone would have typed."""
    device = words.get("device") or words.get("vendor") or ""
    if intent == "compatibility":
        where = " ".join(
            piece
            for piece in (
                f"on {words['carrier']}" if words.get("carrier") else "",
                f"in {words['country']}" if words.get("country") else "",
            )
            if piece
        )
        return f"Will the {device} work {where}?".replace(" ?", "?")
    template = _SENTENCES.get(intent, "{device} {country}")
    return template.format(device=device, country=words.get("country", ""), carrier=words.get("carrier", ""))
