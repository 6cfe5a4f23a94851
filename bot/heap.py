"""The garbage collector around index builds.

A build allocates millions of objects that live as long as the index; the cyclic collector would
walk them again and again while they are made (half the time of a load at 100,000 phones), and
after it, on every full collection while answering (pauses of a second). Records and indexes hold
no reference cycles, so reference counting alone frees an old index when the next one replaces it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection while a build runs (collections resume as they were afterwards)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def settle() -> None:
    """After a build: move every object alive now out of the collector's view (gc.freeze), so
    a full collection while answering walks only what answering made."""
    gc.freeze()
