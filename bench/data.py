"""Benchmark knowledge of N devices, built in memory at run time.

Devices come from `../shared/data/gsmarena_2021_network_bands.csv` (beside the checkout) when that
file is present, topped up with synthetic devices when it has too few usable rows; without it, every
device is synthetic. Everything is deterministic for a given seed. Nothing here is written to disk:
the CSV is read, never copied or converted into the repository, and none of this is curated
knowledge (the bands of the synthetic devices and carriers are made up).
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot import bundle, text
from bot.crosscheck import gsm_mhz
from bot.specsheet import GSM_MHZ

REPO = Path(__file__).resolve().parent.parent
CSV_PATH = REPO.parent / "shared" / "data" / "gsmarena_2021_network_bands.csv"
SOURCE_CSV = "benchmark data: GSMArena spec text (2021 scrape), not verified"
SOURCE_SYNTHETIC = "benchmark data: synthetic"

_MODEL_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./_-]{1,39}$")
_LEADING_NUMBERS = re.compile(r"^\s*(\d+(?:\s*,\s*\d+)*)")
_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def slug(value: str) -> str:
    return _SLUG_JUNK.sub("-", text.fold(value)).strip("-")[:70].strip("-") or "x"


def _numbers(cell: str, low: int, high: int) -> list[int]:
    """A leading comma-separated band-number list ("1, 3, 7, 20 - Europe"); MHz text gives none."""
    m = _LEADING_NUMBERS.match(cell)
    if not m:
        return []
    return sorted({int(n) for n in m.group(1).split(",") if low <= int(n) <= high})


def _model_number(value: str) -> bool:
    """Looks like a model number as printed ("SM-N930V", "P6-U06"): the CSV also has "10" and "2018"."""
    c = text.compact(value)
    return bool(_MODEL_OK.match(value)) and len(c) >= 4 and not c.isdigit() and not c.isalpha()


@dataclass
class DeviceSeed:
    """What a device entry is made from, before ids and names are made unique."""

    vendor_name: str
    name: str
    gsm: list[int]
    lte: list[int]
    nr: list[int]
    models: list[str]
    variants: int = 1  # synthetic devices may have several regional variants
    origin: str = "csv"


@dataclass
class BenchKnowledge:
    raw: bundle.RawBundle
    source: str  # how the devices were made, for the report
    csv_devices: int
    synthetic_devices: int
    countries: list[str] = field(default_factory=list)


def _vendor_display(brand: str, model_name: str) -> tuple[str, str]:
    """(vendor name as the model name writes it, the model name without it)."""
    want = text.compact(brand)
    for end in range(1, len(model_name) + 1):
        if text.compact(model_name[:end]) == want and (end == len(model_name) or not model_name[end].isalnum()):
            return model_name[:end].strip(), model_name[end:].strip(" -")
    return brand.replace("_", " ").strip().title(), model_name


def read_csv(path: Path) -> list[DeviceSeed]:
    """Usable rows of the band CSV: numeric band lists parsed, rows without any band dropped."""
    seeds: list[DeviceSeed] = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            gsm = sorted(gsm_mhz(row.get("2G bands", "")))
            lte = _numbers(row.get("4G bands", ""), 1, 106)
            nr = _numbers(row.get("5G bands", ""), 1, 263)
            if not (gsm or lte or nr):
                continue
            vendor_name, rest = _vendor_display(row["Brand"], row["Model Name"].strip())
            models = [m.strip() for m in row.get("Models", "").split(",") if _model_number(m.strip())]
            seeds.append(DeviceSeed(vendor_name, rest or row["Model Name"], gsm, lte, nr, models))
    return seeds


# -- synthetic devices --------------------------------------------------------------------------

SYNTHETIC_VENDORS = ["Zentrix", "Quorra", "Astelo", "Novik", "Brevant", "Kaltis", "Orvane", "Pellix"]
SERIES = [
    "Aero", "Blazer", "Cirrus", "Dynamo", "Ember", "Falcon", "Glide", "Horizon", "Ignis", "Jolt",
    "Kestrel", "Lumen", "Meteor", "Nimbus", "Orbit", "Pulsar", "Quasar", "Radiant", "Stratus", "Tundra",
    "Umbra", "Vortex", "Wavelet", "Xenon", "Yukon", "Zephyr", "Comet", "Nova", "Sierra", "Vista",
]  # fmt: skip
SUFFIXES = ["", "", "", "Pro", "Max", "Lite", "Ultra", "Plus", "5G", "Pro 5G", "Pro Max", "Neo", "mini"]
LETTERS = ["", "", "", "", "s", "x", "a", "t"]
MARKETS = ["Global", "US (unlocked)", "China", "India", "Europe", "Japan"]
LTE_POOL = [1, 2, 3, 4, 5, 7, 8, 12, 13, 14, 17, 18, 19, 20, 25, 26, 28, 29, 30, 38, 39, 40, 41, 42, 48, 66, 71]
NR_POOL = [1, 2, 3, 5, 7, 8, 20, 25, 28, 38, 40, 41, 48, 66, 71, 77, 78, 79, 258, 260, 261]


# Syllables of made-up series names: a catalogue of 100,000 phones has hundreds of series, not 30.
SYLLABLES = [
    "ka", "lo", "mi", "ra", "ven", "tor", "zu", "bel", "qui", "nos", "dar", "fen", "gal", "hex", "jun",
    "kor", "lum", "mar", "nex", "ori", "pra", "sol", "tal", "uvo", "vir", "wen", "xy", "yor", "zen", "bri",
]  # fmt: skip
DEVICES_PER_SERIES = 200


def _series(count: int) -> list[str]:
    """SERIES, then two-syllable made-up words ("Kalo", "Venmar"), enough for `count` devices."""
    wanted = max(len(SERIES), count // DEVICES_PER_SERIES)
    words = list(SERIES)
    taken = {w.lower() for w in words}
    for first in SYLLABLES:
        for second in SYLLABLES:
            if len(words) >= wanted:
                return words
            word = (first + second).capitalize()
            if first != second and word.lower() not in taken:
                taken.add(word.lower())
                words.append(word)
    return words


def synthetic_seeds(count: int, rng: random.Random) -> list[DeviceSeed]:
    """`count` devices with different names, in time linear in `count`: each is one distinct draw
    from the space of (series, number, letter, suffix), so no name is made twice and none retried."""
    series = _series(count)
    letters = sorted(set(LETTERS))
    suffixes = sorted(set(SUFFIXES))
    space = len(series) * 99 * len(letters) * len(suffixes)
    seeds: list[DeviceSeed] = []
    for draw in rng.sample(range(space), min(count, space)):
        rest, suffix = divmod(draw, len(suffixes))
        rest, letter = divmod(rest, len(letters))
        s, number = divmod(rest, 99)
        vendor = rng.choice(SYNTHETIC_VENDORS)
        name = " ".join(p for p in (series[s], f"{number + 1}{letters[letter]}", suffixes[suffix]) if p)
        has_nr = "5G" in name or rng.random() < 0.3
        lte = sorted(rng.sample(LTE_POOL, rng.randint(6, 18)))
        nr = sorted(rng.sample(NR_POOL, rng.randint(3, 9))) if has_nr else []
        gsm = sorted(rng.sample(sorted(GSM_MHZ - {450, 480, 710, 750, 810}), rng.randint(2, 4)))
        variants = rng.choice([1, 1, 1, 2, 3])
        # The draw is unique, so model numbers made from it are too.
        models = [f"{vendor[:2].upper()}{draw:07d}{'ABCDEFGH'[i]}" for i in range(variants)]
        seeds.append(DeviceSeed(vendor, name, gsm, lte, nr, models, variants, "synthetic"))
    return seeds


# -- carriers and statements --------------------------------------------------------------------

# (country, name, aliases, lte primary, lte secondary, nr primary, nr secondary, host index or None)
CARRIERS: list[tuple[str, str, list[str], list[int], list[int], list[int], list[int], int | None]] = [
    ("US", "Tellurian Wireless", ["tellurian", "tw"], [2, 4, 12, 66, 71], [41], [41, 71], [77], None),
    ("US", "Coastline Mobile", ["coastline"], [2, 4, 13, 66], [5, 48], [77], [5], None),
    ("US", "Skyreach", ["sky reach"], [2, 4, 5, 12, 14, 17, 66], [30], [5, 77], [], None),
    ("US", "Penny Mobile", ["penny"], [], [], [], [], 0),
    ("GB", "Albion Telecom", ["albion"], [3, 20], [1, 7, 8, 38], [78], [28], None),
    ("GB", "Thamesnet", ["thames net"], [3, 7, 20], [1, 8], [78], [], None),
    ("GB", "Kestrel Mobile", [], [], [], [], [], 4),
    ("DE", "Rheinfunk", ["rhein funk"], [3, 20], [1, 7, 8, 28, 32], [78], [1, 28], None),
    ("DE", "Nordwelle", [], [1, 3, 20], [7, 8], [78], [], None),
    ("IN", "Ganga Mobile", ["ganga"], [3, 40], [1, 5, 8], [78], [28], None),
    ("IN", "Deccan Telecom", ["deccan"], [3, 5, 40], [1, 8, 41], [78], [], None),
    ("JP", "Sakuranet", ["sakura net"], [1, 3, 19], [8, 11, 21, 28, 41, 42], [77, 78], [79, 257], None),
    ("BR", "Amazonia Celular", ["amazonia"], [3, 7, 28], [1], [78], [], None),
]
COUNTRIES = sorted({c[0] for c in CARRIERS})  # where the benchmark's questions ask about
COUNTRY_NAMES = {"US": "United States", "GB": "United Kingdom", "DE": "Germany", "IN": "India", "JP": "Japan",
                 "BR": "Brazil", "FR": "France", "CA": "Canada", "AU": "Australia", "MX": "Mexico"}  # fmt: skip


def _carriers(raw: bundle.RawBundle) -> None:
    ids: list[str] = []
    for country, name, aliases, lp, ls, np_, ns, host in CARRIERS:
        cid = f"{slug(name)}-{country.lower()}"
        ids.append(cid)
        entry: dict[str, Any] = {"id": cid, "country": country, "name": name, "source": SOURCE_SYNTHETIC}
        if aliases:
            entry["aliases"] = aliases
        if host is not None:
            entry["mvno_of"] = ids[host]
        else:
            entry["bands"] = {
                "lte": {"primary": lp, "secondary": ls},
                "nr": {"primary": np_, "secondary": ns},
                "gsm": [900, 1800] if country in ("DE", "IN") else [],
                "umts": [],
            }
        raw.add("carriers", entry, "bench:carriers")


def _statements(raw: bundle.RawBundle, vendor_ids: list[str], device_ids: dict[str, list[str]]) -> None:
    picks = [v for v in ("samsung", "xiaomi") if v in vendor_ids] or vendor_ids[:2]
    plans = [("US", "sold"), ("IN", "not_sold")]
    for vendor, (country, status) in zip(picks, plans, strict=False):
        raw.add(
            "statements",
            {
                "id": f"{vendor}-{country.lower()}-{status.replace('_', '-')}",
                "vendor": vendor,
                "device": None,
                "country": country,
                "status": status,
                "quote": f"(benchmark) {vendor} phones are {status.replace('_', ' ')} in {country}.",
                "source": SOURCE_SYNTHETIC,
                "date": "2024-01-01",
            },
            "bench:statements",
        )
    if picks and device_ids.get(picks[0]):
        raw.add(
            "statements",
            {
                "id": f"{picks[0]}-one-device-jp",
                "vendor": picks[0],
                "device": device_ids[picks[0]][0],
                "country": "JP",
                "status": "planned",
                "quote": "(benchmark) One device is planned for Japan.",
                "source": SOURCE_SYNTHETIC,
                "date": "2024-02-01",
            },
            "bench:statements",
        )


# -- putting it together ------------------------------------------------------------------------


def _shipped_vendors() -> dict[str, dict[str, Any]]:
    """The shipped vendors (names and aliases people type), so real brands read as in production."""
    try:
        raw = bundle.read_path(bundle.shipped_knowledge_dir())
    except bundle.KnowledgeError:
        return {}
    return {e["id"]: e for e in raw.entries["vendors"]}


def make_knowledge(size: int, seed: int = 1, csv_path: Path | None = CSV_PATH) -> BenchKnowledge:
    rng = random.Random(seed)
    csv_seeds: list[DeviceSeed] = []
    if csv_path is not None and csv_path.is_file():
        csv_seeds = read_csv(csv_path)
        # One fixed shuffle, so the 100 devices are among the 1,000 and those among the 10,000.
        random.Random(seed).shuffle(csv_seeds)
    shipped = _shipped_vendors()

    raw = bundle.RawBundle()
    vendors: dict[str, str] = {}  # vendor id -> name
    vendor_keys: set[str] = set()
    name_keys: set[str] = set()
    model_keys: set[str] = set()
    device_ids: dict[str, list[str]] = {}
    used_ids: set[str] = set()
    counts = {"csv": 0, "synthetic": 0}

    def add_vendor(name: str) -> str | None:
        vid = slug(name)
        if vid in vendors:
            return vid
        entry = dict(shipped.get(vid) or {"id": vid, "name": name, "source": SOURCE_SYNTHETIC})
        keys = {text.key(n) for n in (entry["name"], *entry.get("aliases", ()))}
        if keys & vendor_keys or not all(keys):
            return None
        vendor_keys.update(keys)
        vendors[vid] = entry["name"]
        raw.add("vendors", entry, "bench:vendors")
        return vid

    def add_device(s: DeviceSeed) -> bool:
        vid = add_vendor(s.vendor_name)
        if vid is None:
            return False
        name = s.name
        # A bare number ("3310"), a one-letter start ("P960") or one word ("Net") is not how anyone
        # names a phone without its maker: keep the maker in such names.
        toks = text.tokens(name)
        if len(toks) < 2 or not toks[0].isalpha() or len(toks[0]) < 3:
            name = f"{vendors[vid]} {name}"
        key = text.key(name)
        if not key or key in name_keys or len(name) > 400:
            return False
        models = []
        for m in s.models:
            c = text.compact(m)
            if c and c not in model_keys:
                models.append(m)
        if s.variants > 1 and len(models) < s.variants:
            return False
        did = slug(f"{vid} {name}" if not key.startswith(text.key(vendors[vid])) else name)
        base, n = did, 2
        while did in used_ids:
            did, n = f"{base}-{n}", n + 1
        variants: list[dict[str, Any]] = []
        for i in range(s.variants):
            bands: dict[str, list[int]] = {}
            for tech, values in (("gsm", s.gsm), ("lte", s.lte), ("nr", s.nr)):
                if values:
                    # Regional variants of synthetic devices differ a little, as real ones do.
                    bands[tech] = values if i == 0 else [b for b in values if b != values[i % len(values)]] or values
            v: dict[str, Any] = {"id": f"{did}-v{i + 1}", "market": MARKETS[i % len(MARKETS)], "bands": bands}
            own = models if s.variants == 1 else [models[i]]
            if own:
                v["models"] = own
            variants.append(v)
        aliases: list[str] = []
        if s.origin == "synthetic" and name.endswith("Pro Max"):
            alias = name[: -len("Pro Max")] + "PM"
            if text.key(alias) not in name_keys:
                aliases.append(alias)
        entry: dict[str, Any] = {
            "id": did,
            "vendor": vid,
            "name": name,
            "source": SOURCE_CSV if s.origin == "csv" else SOURCE_SYNTHETIC,
            "variants": variants,
        }
        if aliases:
            entry["aliases"] = aliases
        raw.add("devices", entry, "bench:devices")
        used_ids.add(did)
        name_keys.add(key)
        name_keys.update(text.key(a) for a in aliases)
        model_keys.update(text.compact(m) for m in models)
        device_ids.setdefault(vid, []).append(did)
        counts[s.origin] += 1
        return True

    for s in csv_seeds:
        if counts["csv"] >= size:
            break
        add_device(s)
    missing = size - counts["csv"]
    attempts = 0
    while missing > 0 and attempts < 50:
        attempts += 1
        for s in synthetic_seeds(missing, rng):
            missing -= add_device(s)

    _carriers(raw)
    _statements(raw, list(vendors), device_ids)
    source = (
        f"{CSV_PATH.name} ({counts['csv']:,} rows)"
        + (f" + {counts['synthetic']:,} synthetic" if counts["synthetic"] else "")
        if counts["csv"]
        else "synthetic (no CSV found)"
    )
    return BenchKnowledge(raw, source, counts["csv"], counts["synthetic"], COUNTRIES)
