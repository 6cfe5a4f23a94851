"""Which shipped knowledge a database holds, so an upgrade that brings newer knowledge is noticed.

A database is filled from the knowledge shipped with devicebot once, when it is created; after an
upgrade it keeps the old facts until `devicebot kb import --shipped` loads the new ones (moderators'
edits are theirs to keep, so this is never done behind their back). Each load of the shipped
knowledge records a digest of its files in the database; `ask`, `serve` and `run` compare it with
this version's and say so when they differ.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import shape

if TYPE_CHECKING:
    from .store import Store

META_KEY = "shipped_knowledge"
NOTICE = (
    "note: this database holds the knowledge shipped with another version of devicebot; "
    "`devicebot kb import --shipped` loads this version's (moderators' additions stay)"
)


def digest(folder: Path) -> str:
    """A digest of the knowledge files in `folder` (their paths and bytes)."""
    h = hashlib.blake2b(digest_size=16)
    feed(h, folder)
    return h.hexdigest()


def feed(h: hashlib.blake2b, folder: Path) -> None:
    """Add the files in `folder`, their paths and bytes in a fixed order, to the hash `h` (also what the
    wheel's seed is keyed by, `seed.key`)."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0")
        h.update(path.read_bytes())


@lru_cache(maxsize=1)
def this_version() -> str:
    """The digest of the knowledge shipped with this installation: the wheel's seed manifest says it
    (computed when the wheel was built), a checkout computes it (~10 ms)."""
    from . import seed

    manifest = seed.PACKAGED / seed.MANIFEST
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8")).get("knowledge")
    except (OSError, ValueError):
        recorded = None
    return recorded if isinstance(recorded, str) else digest(shape.shipped_knowledge_dir())


def stale(store: Store) -> bool:
    """Whether the database was filled from shipped knowledge other than this version's. A database
    devicebot never seeded (made from one's own bundle) is nobody's business here; one seeded before
    the digest was recorded is from an older version."""
    held = store.meta(META_KEY)
    if held is None:
        return store.seeded()
    return held != this_version()
