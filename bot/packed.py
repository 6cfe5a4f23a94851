"""The phones of a knowledge packed into compressed blocks of plain rows, each made into `Device`
records when it is first asked for.

A reader of 100,000 phones otherwise unpickles 1.4 million objects (each phone's variants, bands and
their frozensets of band numbers) to answer questions that look at a few dozen of them: that was
half of its start and 220 MB of its memory. Packed, they are 7 MB of bytes and one sorted list of
ids. A phone asked for is unpacked once and kept (up to KEEP of them); going over all of them (the
web's list) unpacks block by block and keeps none.
"""

from __future__ import annotations

import marshal
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, overload

from .records import Bands, Device, Variant

# Phones per compressed block: small enough that unpacking one phone costs tens of microseconds,
# large enough that zlib finds the repeats between neighbours (a maker's phones share their words).
BLOCK = 32

# Phones kept unpacked, at most (a service that has answered about every phone would otherwise hold
# them all again); past it the kept ones are let go and unpacked anew when asked for.
KEEP = 20_000

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
    return (d.id, d.vendor, d.name, d.source, d.aliases, d.released, d.source_url, d.note, variants)


def _device(row: _Row) -> Device:
    device_id, vendor, name, source, aliases, released, source_url, note, variants = row
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
    )


class PackedDevices(Sequence[Device]):
    """The phones in their knowledge's order, with `by_id`, the index `Knowledge.device` reads."""

    def __init__(self, devices: Sequence[Device]) -> None:
        rows = [_row(d) for d in devices]
        blocks = [zlib.compress(marshal.dumps(tuple(rows[i : i + BLOCK]))) for i in range(0, len(rows), BLOCK)]
        order = sorted(range(len(devices)), key=lambda n: devices[n].id)
        self._setup([devices[n].id for n in order], array("I", order), blocks)

    def _setup(self, ids: list[str], at: array[int], blocks: list[bytes]) -> None:
        self._ids = ids  # sorted
        self._at = at  # the position of the phone with the n-th id
        self._blocks = blocks
        self._made: dict[int, Device] = {}
        self._last: tuple[int, tuple[_Row, ...]] = (-1, ())
        self.by_id = _ById(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return _restore, (self._ids, self._at, self._blocks)

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
            made = self._made[n] = _device(self._block(n // BLOCK)[n % BLOCK])
        return made

    def __iter__(self) -> Iterator[Device]:
        for b in range(len(self._blocks)):
            rows = self._block(b)
            for i, row in enumerate(rows):
                made = self._made.get(b * BLOCK + i)
                yield made if made is not None else _device(row)

    def position(self, device_id: str) -> int:
        """Where the phone with this id is, or -1."""
        found = bisect_left(self._ids, device_id)
        return self._at[found] if found < len(self._ids) and self._ids[found] == device_id else -1

    def _block(self, b: int) -> tuple[_Row, ...]:
        last = self._last
        if last[0] == b:
            return last[1]
        rows: tuple[_Row, ...] = marshal.loads(zlib.decompress(self._blocks[b]))
        self._last = (b, rows)
        return rows


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


def _restore(ids: list[str], at: array[int], blocks: list[bytes]) -> PackedDevices:
    packed = PackedDevices.__new__(PackedDevices)
    packed._setup(ids, at, blocks)
    return packed
