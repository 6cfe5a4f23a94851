"""Domain records: the knowledge as plain, immutable data."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

TECHS = ("gsm", "umts", "lte", "nr")
STATUSES = ("sold", "not_sold", "planned", "discontinued", "suspended")


@dataclass(frozen=True)
class Vendor:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    source: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)  # one per phone or variant: no __dict__ each
class Bands:
    """A device variant's bands: gsm in MHz, the others as 3GPP band numbers."""

    gsm: frozenset[int] = frozenset()
    umts: frozenset[int] = frozenset()
    lte: frozenset[int] = frozenset()
    nr: frozenset[int] = frozenset()
    # The technologies the source lists. A technology it leaves out is unknown, not absent: a spec
    # page that gives only 5G bands says nothing about 4G, and answering "no 4G" would be wrong.
    recorded: frozenset[str] = frozenset(TECHS)

    def of(self, tech: str) -> frozenset[int]:
        value: frozenset[int] = getattr(self, tech)
        return value

    def known(self, tech: str) -> bool:
        return tech in self.recorded


@dataclass(frozen=True, slots=True)  # one per phone or variant: no __dict__ each
class Variant:
    id: str
    market: str
    bands: Bands
    models: tuple[str, ...] = ()
    volte: bool | None = None
    source: str | None = None
    note: str | None = None
    # The markets the variant is made and sold for (`markets.py`): "US", "EU", "Global"; () = not recorded.
    made_for: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)  # one per phone or variant: no __dict__ each
class Device:
    id: str
    vendor: str
    name: str
    variants: tuple[Variant, ...]
    source: str
    aliases: tuple[str, ...] = ()
    released: str | None = None
    source_url: str | None = None
    note: str | None = None
    # Read only where a codename is written; several phones of one board may share one (schema.json).
    codenames: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tiered:
    primary: frozenset[int] = frozenset()
    secondary: frozenset[int] = frozenset()

    @property
    def all(self) -> frozenset[int]:
        return self.primary | self.secondary


@dataclass(frozen=True)
class CarrierBands:
    gsm: frozenset[int] = frozenset()
    umts: frozenset[int] = frozenset()
    lte: Tiered = Tiered()
    nr: Tiered = Tiered()


@dataclass(frozen=True)
class Carrier:
    id: str
    country: str
    name: str
    source: str
    aliases: tuple[str, ...] = ()
    bands: CarrierBands | None = None
    mvno_of: str | None = None
    requires_certification: bool = False
    # The source names only some of the network's bands: lacking all of them is then no proof that a
    # phone cannot use the network.
    bands_incomplete: bool = False
    as_of: str | None = None
    source_url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Statement:
    id: str
    vendor: str
    country: str
    status: str
    quote: str
    source: str
    date: str
    device: str | None = None
    source_url: str | None = None
    note: str | None = None
    # Who said it when it was not the vendor: "Indonesia's Ministry of Industry (regulator)".
    speaker: str | None = None

    def said_by(self, vendor_name: str) -> str:
        return self.speaker or vendor_name


@dataclass(frozen=True)
class Knowledge:
    """A validated bundle: every reference resolves, every id is unique."""

    vendors: tuple[Vendor, ...] = ()
    # A tuple, or the phones of a loaded snapshot, unpacked as they are asked for (`bot.packed`).
    devices: Sequence[Device] = ()
    carriers: tuple[Carrier, ...] = ()
    statements: tuple[Statement, ...] = ()
    _by_id: dict[str, Mapping[str, object]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for kind in ("vendors", "devices", "carriers", "statements"):
            entries = getattr(self, kind)
            # Packed phones bring their own index: a dict of them would unpack every one.
            index = getattr(entries, "by_id", None)
            self._by_id[kind] = index if index is not None else {entry.id: entry for entry in entries}

    def vendor(self, vendor_id: str) -> Vendor:
        entry = self._by_id["vendors"][vendor_id]
        assert isinstance(entry, Vendor)
        return entry

    def device(self, device_id: str) -> Device:
        entry = self._by_id["devices"][device_id]
        assert isinstance(entry, Device)
        return entry

    def carrier(self, carrier_id: str) -> Carrier:
        entry = self._by_id["carriers"][carrier_id]
        assert isinstance(entry, Carrier)
        return entry

    def has(self, kind: str, entry_id: str) -> bool:
        return entry_id in self._by_id[kind]
