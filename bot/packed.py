"""The phones of a knowledge packed as rows of plain values in a few large byte strings, each made
into `Device` records when it is first asked for.

A reader of 100,000 phones otherwise unpickles 1.4 million objects (each phone's variants, bands and
their frozensets of band numbers) to answer questions that look at a few dozen of them: that was
half of its start and 220 MB of its memory. Packed, they are 34 MB of bytes (uncompressed: a zlib
block per 32 phones took 7 MB but a tenth of a millisecond per phone asked for, a fifth of an answer)
and one sorted list of ids. A phone asked for is unpacked once (a few microseconds) and kept, up to
KEEP of them; going over all of them (the web's list) keeps none.
"""

from __future__ import annotations

import marshal
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, overload

from .records import Bands, Device, Variant

# Rows per byte string: a few thousand strings of ~20 KB, each read within one of pickle's frames (a
# load in a worker thread hands the interpreter lock on between frames).
BLOCK = 64

# Phones kept unpacked, at most (a service that has answered about every phone would otherwise hold
# them all again); past it the kept ones are let go and unpacked anew when asked for. Each one kept is
# ~9 objects the garbage collector walks at every full collection while answering (a phone, its
# variants, their bands and frozensets of band numbers): 20,000 kept made those collections 140-180 ms
# after 40,000 different questions at 100,000 phones; 2,000 are more than a question looks at.
KEEP = 2_000

_Row = tuple[Any, ...]


def _row(d: Device) -> _Row:
    variants = tuple(
        (
            v.id,
            v.market,
            v.models,
            v.volte,
            v.source,
            v.note,
            v.made_for,
            *(tuple(sorted(getattr(v.bands, tech))) for tech in ("gsm", "umts", "lte", "nr")),
            tuple(sorted(v.bands.recorded)),
        )
        for v in d.variants
    )
    return (d.id, d.vendor, d.name, d.source, d.aliases, d.released, d.source_url, d.note, variants, d.codenames)


def _device(row: _Row) -> Device:
    device_id, vendor, name, source, aliases, released, source_url, note, variants, codenames = row
    return Device(
        device_id,
        vendor,
        name,
        tuple(
            Variant(
                v[0],
                v[1],
                Bands(frozenset(v[7]), frozenset(v[8]), frozenset(v[9]), frozenset(v[10]), frozenset(v[11])),
                v[2],
                v[3],
                v[4],
                v[5],
                v[6],
            )
            for v in variants
        ),
        source,
        aliases,
        released,
        source_url,
        note,
        codenames,
    )


class PackedDevices(Sequence[Device]):
    """The phones in their knowledge's order, with `by_id`, the index `Knowledge.device` reads."""

    def __init__(self, devices: Sequence[Device]) -> None:
        rows = [marshal.dumps(_row(d)) for d in devices]
        blocks = [b"".join(rows[i : i + BLOCK]) for i in range(0, len(rows), BLOCK)]
        ends = array("I")  # where row n ends in its block (it starts where row n - 1 ends, or at 0)
        for i in range(0, len(rows), BLOCK):
            end = 0
            for row in rows[i : i + BLOCK]:
                end += len(row)
                ends.append(end)
        order = sorted(range(len(devices)), key=lambda n: devices[n].id)
        self._setup([devices[n].id for n in order], array("I", order), blocks, ends)

    def _setup(self, ids: list[str], at: array[int], blocks: list[bytes], ends: array[int]) -> None:
        self._ids = ids  # sorted
        self._at = at  # the position of the phone with the n-th id
        self._blocks = blocks
        self._ends = ends
        self._made: dict[int, Device] = {}

    @property
    def by_id(self) -> Mapping[str, Device]:
        # A new view each time, not one kept here: that would be a reference cycle, and a loaded
        # index must be freed by reference counting alone (`bot.heap`).
        return _ById(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return _restore, (self._ids, self._at, self._blocks, self._ends)

    def __len__(self) -> int:
        return len(self._ids)

    def __eq__(self, other: object) -> bool:
        # As the tuple it stands for: a loaded knowledge equals the one it was built from.
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    @overload
    def __getitem__(self, n: int) -> Device: ...

    @overload
    def __getitem__(self, n: slice) -> Sequence[Device]: ...

    def __getitem__(self, n: int | slice) -> Device | Sequence[Device]:
        if isinstance(n, slice):
            return tuple(self[i] for i in range(*n.indices(len(self))))
        if n < 0:
            n += len(self)
        if not 0 <= n < len(self):
            raise IndexError(n)
        made = self._made.get(n)
        if made is None:
            if len(self._made) >= KEEP:
                self._made.clear()
            made = self._made[n] = _device(self._unpack(n))
        return made

    def __iter__(self) -> Iterator[Device]:
        for n in range(len(self)):
            made = self._made.get(n)
            yield made if made is not None else _device(self._unpack(n))

    def position(self, device_id: str) -> int:
        """Where the phone with this id is, or -1."""
        found = bisect_left(self._ids, device_id)
        return self._at[found] if found < len(self._ids) and self._ids[found] == device_id else -1

    def _unpack(self, n: int) -> _Row:
        start = self._ends[n - 1] if n % BLOCK else 0
        row: _Row = marshal.loads(self._blocks[n // BLOCK][start : self._ends[n]])
        return row


class _ById(Mapping[str, Device]):
    def __init__(self, devices: PackedDevices) -> None:
        self._devices = devices

    def __getitem__(self, device_id: str) -> Device:
        n = self._devices.position(device_id)
        if n < 0:
            raise KeyError(device_id)
        return self._devices[n]

    def __contains__(self, device_id: object) -> bool:
        return isinstance(device_id, str) and self._devices.position(device_id) >= 0

    def __iter__(self) -> Iterator[str]:
        return (d.id for d in self._devices)

    def __len__(self) -> int:
        return len(self._devices)


def _restore(ids: list[str], at: array[int], blocks: list[bytes], ends: array[int]) -> PackedDevices:
    packed = PackedDevices.__new__(PackedDevices)
    packed._setup(ids, at, blocks, ends)
    return packed
