"""The garbage collector around index builds.

A build allocates millions of objects that live as long as the index; the cyclic collector would
walk them again and again while they are made (half the time of a load at 100,000 phones), and
after it, on every full collection while answering (pauses of a second). Records and indexes hold
no reference cycles, so reference counting alone frees an old index when the next one replaces it.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


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


def dismantle(box: list[Any]) -> None:
    """Free what `box` holds (an old index) a little at a time, in a worker thread.

    Dropping the last reference to 100,000 phones' index frees millions of objects in one go, and
    that holds the interpreter lock for a second: every thread, the event loop too, stops. Here
    containers are emptied one at a time, their contents kept on a stack until their own turn, so
    no single step frees more than one object and the lock changes hands as usual. Only what
    nothing else refers to is emptied (its reference count says so); anything shared (with the new
    index, a cache, an answer still held) is merely let go of.
    """
    stack: list[Any] = [box.pop()] if box else []
    while stack:
        node = stack.pop()
        # 2: `node` itself and getrefcount's own argument: nothing else holds it.
        if type(node) in _ATOMS or sys.getrefcount(node) > 2:
            continue
        if isinstance(node, dict):
            stack.extend(node.values())
            stack.extend(node.keys())
            node.clear()
        elif isinstance(node, (list, set)):
            stack.extend(node)
            node.clear()
        elif isinstance(node, (tuple, frozenset)):
            stack.extend(node)
        else:
            held = getattr(node, "__dict__", None)
            if held is not None:
                stack.append(held)
            for name in _slots(type(node)):
                value = getattr(node, name, None)
                if value is not None:
                    stack.append(value)
            # Let go of them here: a local still holding the object's dict (or its last slot's value)
            # would count as a second holder when it is popped next, and it would be skipped, then
            # freed whole, with everything under it, at once (the 0.3-0.9 s stall at 100,000 phones).
            held = value = None
        del node  # frees the node alone: what it held is on the stack


_ATOMS = frozenset({str, int, float, bool, bytes, type(None)})


def _slots(cls: type) -> tuple[str, ...]:
    names: list[str] = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get("__slots__", ())
        names.extend([slots] if isinstance(slots, str) else slots)
    return tuple(n for n in names if n not in ("__dict__", "__weakref__"))
