"""Reading, validating and writing knowledge bundles (format `devicebot-knowledge/1`).

A bundle is checked in two steps: the JSON Schema (shape, types, ranges) per file, then the rules
that need the whole knowledge (references, duplicate ids, alias collisions). Every problem names
the file, the entry and the field, so a moderator can fix it without reading code.
"""

from __future__ import annotations

import calendar
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import MISSING, dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import heap, markets, shape, text
from .records import STATUSES, TECHS, Bands, CarrierBands, Knowledge, Tiered
from .shape import properties as properties
from .shape import schema as schema
from .shape import shipped_knowledge_dir as shipped_knowledge_dir

if TYPE_CHECKING:
    import jsonschema
    import yaml

FORMAT = "devicebot-knowledge/1"
KINDS = ("vendors", "devices", "carriers", "statements")
MAX_PROBLEMS = 25

RawEntry = dict[str, Any]


@dataclass(frozen=True)
class Problem:
    file: str
    location: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.location}" if self.location else self.file
        return f"{where}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge is not valid; `problems` says where and why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        lines = [str(p) for p in self.problems[:MAX_PROBLEMS]]
        if len(self.problems) > MAX_PROBLEMS:
            lines.append(f"... and {len(self.problems) - MAX_PROBLEMS} more problems")
        return "\n".join(lines)


@dataclass
class RawBundle:
    """Entries as plain dicts, each with where it came from: (file, position in that file's list)."""

    entries: dict[str, list[RawEntry]] = field(default_factory=lambda: {k: [] for k in KINDS})
    origins: dict[str, list[tuple[str, int]]] = field(default_factory=lambda: {k: [] for k in KINDS})
    # How many entries of each kind came from each file so far: an entry's position in its file is
    # that count, kept as entries are added, so loading 100,000 entries is linear (counting the
    # earlier entries on each add took seconds at 10,000).
    _per_file: dict[tuple[str, str], int] = field(default_factory=dict, repr=False, compare=False)

    def add(self, kind: str, entry: RawEntry, origin: str | tuple[str, int]) -> None:
        count = (kind, origin if isinstance(origin, str) else origin[0])
        seen = self._per_file.get(count, 0)
        if isinstance(origin, str):
            origin = (origin, seen)
        self._per_file[count] = seen + 1
        self.entries[kind].append(entry)
        self.origins[kind].append(origin)

    def extend(self, other: RawBundle) -> None:
        for kind in KINDS:
            for entry, origin in zip(other.entries[kind], other.origins[kind], strict=True):
                self.add(kind, entry, origin)

    def count(self) -> int:
        return sum(len(v) for v in self.entries.values())


# ---------------------------------------------------------------------------------------------
# Reading files


@cache
def _yaml12_loader() -> type[yaml.SafeLoader]:
    """YAML with 1.2 scalars: `NO` (Norway) stays a string and dates stay text, as written. libyaml's
    parser when PyYAML was built with it (the wheels are): the shipped knowledge is thousands of
    entries, and the pure-Python parser takes seconds over them. Made on first use: answering a
    question reads no YAML, and importing PyYAML is a twentieth of a `devicebot ask`."""
    import yaml

    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader: type[yaml.SafeLoader] = type("_Yaml12Loader", (base,), {})
    loader.yaml_implicit_resolvers = {
        first: [
            (tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
        ]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    return loader


BUNDLE_SUFFIXES = (".json", ".yaml", ".yml")


# A bundle is a few levels deep (bundle → devices → variant → bands → list); anything much deeper
# is not a bundle, and a deep or self-repeating structure would make validation crawl.
MAX_DEPTH = 32


def _yaml(content: str, name: str) -> Any:
    """YAML without anchors and aliases: a bundle never needs them, and a few nested aliases (a
    "billion laughs") would make validation walk an exponentially large tree."""
    import yaml

    loader_class = _yaml12_loader()
    node = yaml.compose(content, Loader=loader_class)
    if node is None:
        return None
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        if id(current) in seen:
            mark = current.start_mark
            raise KnowledgeError(
                [Problem(name, f"line {mark.line + 1}", "YAML anchors and aliases (&name, *name) are not allowed")]
            )
        seen.add(id(current))
        if depth > MAX_DEPTH:
            raise KnowledgeError([Problem(name, "", f"nested more than {MAX_DEPTH} levels deep: not a bundle")])
        if isinstance(current, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in current.value)
        elif isinstance(current, yaml.MappingNode):
            keys: set[str] = set()
            for key, _value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in keys:
                        mark = key.start_mark
                        raise KnowledgeError(
                            [Problem(name, f"line {mark.line + 1}", f"duplicate key {key.value!r}: give each key once")]
                        )
                    keys.add(key.value)
            stack.extend((part, depth + 1) for pair in current.value for part in pair)
    loader = loader_class(content)
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _one_of_each(pairs: list[tuple[str, Any]], name: str) -> dict[str, Any]:
    """A JSON object, refused when it gives a key twice (json keeps the last one silently)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise KnowledgeError([Problem(name, "", f"duplicate key {key!r} in one object: give each key once")])
        out[key] = value
    return out


def parse_text(content: str, name: str) -> Any:
    """Parse JSON or YAML text (by the name's suffix) into plain data."""
    import yaml

    suffix = Path(name).suffix.lower()
    try:
        if suffix == ".json":
            return json.loads(content, object_pairs_hook=lambda pairs: _one_of_each(pairs, name))
        if suffix in (".yaml", ".yml"):
            return _yaml(content, name)
    except RecursionError as exc:
        raise KnowledgeError([Problem(name, "", "nested too deep: not a bundle")]) from exc
    except json.JSONDecodeError as exc:
        raise KnowledgeError(
            [Problem(name, f"line {exc.lineno} column {exc.colno}", f"not valid JSON: {exc.msg}")]
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1} column {mark.column + 1}" if mark else ""
        if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not accept, by its position
            where = f"character {exc.position + 1}"
            problem = f"character {exc.character!r} is not allowed"
        else:
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise KnowledgeError([Problem(name, where, f"not valid YAML: {problem}")]) from exc
    raise KnowledgeError([Problem(name, "", f"unknown file type {suffix or '(none)'}: expected .json, .yaml or .yml")])


# A bundle file larger than this is not knowledge (the whole shipped knowledge is about 2 MB): reading
# stops there, so `kb import /dev/zero` or an endless pipe ends in one line instead of reading forever.
MAX_FILE_BYTES = 64 * 1024 * 1024


def read_file(path: Path, max_bytes: int | None = None, trusted: bool = False) -> RawBundle:
    """Read and schema-check one bundle file (at most `max_bytes`, else MAX_FILE_BYTES)."""
    name = str(path)
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise KnowledgeError(
                [Problem(name, "", f"file is larger than {limit:,} bytes, the limit for a bundle file: split it")]
            )
        content = data.decode("utf-8")
    except FileNotFoundError as exc:
        raise KnowledgeError([Problem(name, "", "no such file")]) from exc
    except IsADirectoryError as exc:
        raise KnowledgeError([Problem(name, "", "is a directory; expected a bundle file")]) from exc
    except UnicodeDecodeError as exc:
        raise KnowledgeError([Problem(name, "", f"not UTF-8 text (byte {exc.start})")]) from exc
    return check_shape(parse_text(content, name), name, trusted)


def read_path(path: Path, trusted: bool = False) -> RawBundle:
    """A bundle file, or a folder whose bundle files together make one bundle (like `knowledge/`)."""
    if not path.is_dir():
        return read_file(path, trusted=trusted)
    bundle = RawBundle()
    problems: list[Problem] = []
    files = sorted(p for p in path.rglob("*") if p.suffix.lower() in BUNDLE_SUFFIXES and p.name != "schema.json")
    if not files:
        raise KnowledgeError([Problem(str(path), "", "no .json, .yaml or .yml bundle files in this folder")])
    for file in files:
        try:
            bundle.extend(read_file(file, trusted=trusted))
        except KnowledgeError as exc:
            problems.extend(exc.problems)
    if problems:
        raise KnowledgeError(problems)
    return bundle


# ---------------------------------------------------------------------------------------------
# Schema


@cache
def _validator() -> jsonschema.Draft202012Validator:
    # Imported here: jsonschema takes a tenth of a second to import, and `ask` on a filled database
    # never checks a file.
    import jsonschema

    return jsonschema.Draft202012Validator(schema())


def _describe(error: jsonschema.ValidationError) -> str:
    path = list(error.absolute_path)
    leaf = str(path[-1]) if path else ""
    tech = next((str(p) for p in reversed(path) if str(p) in shape.techs()), None)
    validator = error.validator
    if validator == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        return f"missing required field {missing[0]!r}" if missing else error.message
    if validator == "additionalProperties":
        extra = re.findall(r"'([^']+)'", error.message)
        return f"unknown field {extra[0]!r}" if extra else error.message
    if tech and validator in ("minimum", "maximum", "enum", "type") and isinstance(path[-1], int):
        return f"{_short(error.instance)} is not a valid band: expected an integer {shape.describe_bands(tech)}"
    if validator == "uniqueItems":
        return f"{leaf or 'list'} lists the same value twice"
    if validator == "pattern" and leaf in ("id", "vendor", "device", "mvno_of"):
        return f"{_short(error.instance)} is not a valid id: expected a lowercase slug like 'xiaomi-14'"
    if validator == "pattern" and leaf == "country":
        return f"{_short(error.instance)} is not a country code: expected ISO 3166-1 alpha-2 like 'US'"
    if validator == "pattern" and leaf == "source_url":
        return f"{_short(error.instance)} is not a web address: expected one starting with https:// or http://"
    if validator == "pattern" and leaf in ("date", "released", "as_of"):
        return f"{_short(error.instance)} is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"
    if validator == "enum" and leaf == "status":
        return f"{_short(error.instance)} is not a status: expected one of {', '.join(STATUSES)}"
    if validator == "const" and leaf == "format":
        return f"{_short(error.instance)} is not a known format: expected {FORMAT!r}"
    if validator == "oneOf" and isinstance(error.instance, dict) and "country" in error.instance:
        return "a carrier has either 'bands' (a network operator) or 'mvno_of' (a virtual operator), exactly one"
    if validator == "type":
        return f"expected {error.validator_value}, got {type(error.instance).__name__} {_short(error.instance)}"
    return error.message


def _short(value: Any, limit: int = 80) -> str:
    """A value as an error message quotes it: cut, so a 50 MB string does not come back whole."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _location(data: Any, path: Sequence[Any]) -> str:
    """devices[3] 'xiaomi-14' > variants[0] 'xiaomi-14-global' > bands.lte[2]"""
    out = ""
    node = data
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                out += f" {node['id']!r}"
        else:
            out += ("." if out else "") + str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out


# Fields people's words are matched against, or that must read as written: no control characters
# (a newline after an id or a date) and no invisible ones ("Xiao\u200bmi 14" would be a second phone).
_EXACT_FIELDS = frozenset(
    {
        "id",
        "vendor",
        "device",
        "mvno_of",
        "country",
        "date",
        "released",
        "as_of",
        "name",
        "aliases",
        "models",
        "market",
        "made_for",
        "status",
        "format",
        "speaker",
    }
)


def _hidden_characters(node: Any, path: list[Any]) -> Iterator[tuple[list[Any], str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _hidden_characters(value, [*path, key])
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _hidden_characters(value, [*path, i])
    elif isinstance(node, str):
        field = next((p for p in reversed(path) if isinstance(p, str)), "")
        if "\x00" in node:
            yield path, f"{_short(node)} holds a NUL character"
        elif field in _EXACT_FIELDS and any(unicodedata.category(ch) in ("Cc", "Cf") for ch in node):
            yield path, f"{_short(node)} holds a control or invisible character (a newline, a zero-width space)"


def _too_deep(data: Any) -> bool:
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
    return False


def check_shape(data: Any, name: str, trusted: bool = False) -> RawBundle:
    """The entries of a parsed bundle file, after checking its shape. `trusted`: the file is the
    shipped knowledge, whose shape the package's own tests checked (test_knowledge): the JSON Schema
    and character checks (half a second, most of the first `ask`) are not run again; the rules
    across entries still are, by `build`."""
    if not isinstance(data, dict):
        raise KnowledgeError(
            [Problem(name, "", f"expected a mapping with 'format: {FORMAT}' at the top, got {type(data).__name__}")]
        )
    if _too_deep(data):
        raise KnowledgeError([Problem(name, "", f"nested more than {MAX_DEPTH} levels deep: not a bundle")])
    errors = [] if trusted else sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        raise KnowledgeError([Problem(name, _location(data, list(e.absolute_path)), _describe(e)) for e in errors])
    hidden = [] if trusted else list(_hidden_characters(data, []))
    if hidden:
        raise KnowledgeError([Problem(name, _location(data, path), why) for path, why in hidden])
    bundle = RawBundle()
    for kind in KINDS:
        for entry in data.get(kind) or []:
            bundle.add(kind, entry, name)
    return bundle


# ---------------------------------------------------------------------------------------------
# Whole-knowledge rules and conversion to records


def _date_ok(value: str) -> bool:
    parts = [int(p) for p in value.split("-")]
    if not 1970 <= parts[0] <= 2100:  # phones and what was said of them: no year 0000
        return False
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return False
    return not (len(parts) == 3 and not 1 <= parts[2] <= calendar.monthrange(parts[0], parts[1])[1])


def _country_ok(code: str) -> bool:
    return markets.is_country(code)


def _fs(values: Iterable[int] | None) -> frozenset[int]:
    return frozenset(values or ())


class _Shared:
    """One frozenset per distinct band list within a build: phones share band lists (and
    `recorded` sets) by the thousand, and a frozenset of a dozen bands takes 700 bytes."""

    def __init__(self) -> None:
        self.bands: dict[tuple[int, ...], frozenset[int]] = {}
        self.recorded: dict[tuple[bool, ...], frozenset[str]] = {}

    def fs(self, values: list[int] | None) -> frozenset[int]:
        key = tuple(values or ())
        found = self.bands.get(key)
        if found is None:
            found = self.bands[key] = frozenset(key)
        return found

    def of(self, bands: dict[str, Any]) -> Bands:
        present = tuple(bands.get(t) is not None for t in TECHS)
        recorded = self.recorded.get(present)
        if recorded is None:
            recorded = self.recorded[present] = frozenset(t for t, there in zip(TECHS, present, strict=True) if there)
        get = bands.get
        return Bands(self.fs(get("gsm")), self.fs(get("umts")), self.fs(get("lte")), self.fs(get("nr")), recorded)


# The shape of an entry is schema.json's: each record (bot/records.py) has one field per property of its
# definition there, of the same name (tests/test_bundle.py checks they agree), so the mapping both ways
# is derived from the schema; only the band tables, which records keep as sets, are converted by hand.
_DEFINITION = {"vendors": "vendor", "devices": "device", "carriers": "carrier", "statements": "statement"}
_RECORD = shape.RECORD


def _carrier_bands(b: Mapping[str, Any]) -> CarrierBands:
    return CarrierBands(
        gsm=_fs(b.get("gsm")),
        umts=_fs(b.get("umts")),
        lte=Tiered(_fs(b.get("lte", {}).get("primary")), _fs(b.get("lte", {}).get("secondary"))),
        nr=Tiered(_fs(b.get("nr", {}).get("primary")), _fs(b.get("nr", {}).get("secondary"))),
    )


_FROM_RAW: dict[tuple[str, str], Callable[[Any, _Shared], Any]] = {
    ("device", "variants"): lambda vs, shared: tuple(_record("variant", v, shared) for v in vs),
    ("variant", "bands"): lambda b, shared: shared.of(b),
    ("carrier", "bands"): lambda b, _shared: _carrier_bands(b),
}


@cache
def _defaults(definition: str) -> dict[str, Any]:
    """Each field of a definition's record and its default (`dataclasses.MISSING` when required)."""
    return {f.name: f.default for f in fields(_RECORD[definition])}


@cache
def _maker(definition: str) -> Callable[[RawEntry, _Shared], Any]:
    """A function that makes the record of one definition from a bundle entry, written from the
    schema's properties and the record's defaults (as `dataclasses` writes its own `__init__`): a
    build makes a record per phone and per variant, 300,000 at 100,000 phones, so no loop per field."""
    cls = _RECORD[definition]
    defaults = _defaults(definition)
    env: dict[str, Any] = {"cls": cls, "convert": {}}
    args = []
    for i, name in enumerate(properties(definition)):
        assert name.isidentifier(), name
        convert = _FROM_RAW.get((definition, name))
        default = defaults[name]
        if convert:
            env["convert"][name] = convert
        if default is MISSING:  # required: the schema check has seen it
            value = f"e[{name!r}]"
            args.append(f"{name}=convert[{name!r}]({value}, shared)" if convert else f"{name}={value}")
            continue
        env[f"d{i}"] = default
        if convert:
            got = f"convert[{name!r}](v{i}, shared)"
        elif isinstance(default, tuple):
            got = f"tuple(v{i})"
        else:
            got = f"v{i}"
        args.append(f"{name}=d{i} if (v{i} := e.get({name!r})) is None else {got}")
    source = "def make(e, shared):\n    return cls(" + ", ".join(args) + ")\n"
    exec(source, env)  # the code is written here from schema.json's property names, never from data
    maker: Callable[[RawEntry, _Shared], Any] = env["make"]
    return maker


def _record(definition: str, e: RawEntry, shared: _Shared) -> Any:
    return _maker(definition)(e, shared)


def _to_record(kind: str, e: RawEntry, shared: _Shared | None = None) -> Any:
    return _record(_DEFINITION[kind], e, shared or _Shared())


def build(raw: RawBundle) -> Knowledge:
    """Check the rules that span entries and return the knowledge, or raise with every problem."""
    with heap.paused():
        return _build(raw)


def _build(raw: RawBundle) -> Knowledge:
    problems: list[Problem] = []

    def where(kind: str, i: int, suffix: str = "") -> tuple[str, str]:
        entry = raw.entries[kind][i]
        file, position = raw.origins[kind][i]
        loc = f"{kind}[{position}] {entry.get('id')!r}" + (f".{suffix}" if suffix else "")
        return file, loc

    def report(kind: str, i: int, message: str, suffix: str = "") -> None:
        file, loc = where(kind, i, suffix)
        problems.append(Problem(file, loc, message))

    ids: dict[str, dict[str, int]] = {k: {} for k in KINDS}
    for kind in KINDS:
        for i, e in enumerate(raw.entries[kind]):
            if e["id"] in ids[kind]:
                first = ids[kind][e["id"]]
                file, position = raw.origins[kind][first]
                report(kind, i, f"duplicate id: also {kind}[{position}] in {file}", "id")
            else:
                ids[kind][e["id"]] = i

    # Names people type must point at one thing; collisions would make matching guess.
    # Carriers' names only need to be unique within a country ("Vodafone" is in many).
    owners: dict[tuple[str, str, str], str] = {}

    def claim_names(kind: str, i: int, e: RawEntry, scope: str = "") -> None:
        for name in (e["name"], *e.get("aliases", ())):
            k = (kind, scope, text.key(name))
            if not k[2]:
                report(kind, i, f"name {name!r} has no letters or digits", "aliases")
            elif owners.setdefault(k, e["id"]) != e["id"]:
                within = f" in {scope}" if scope else ""
                report(kind, i, f"alias {name!r} also names {kind[:-1]} {owners[k]!r}{within}", "aliases")

    for i, e in enumerate(raw.entries["vendors"]):
        claim_names("vendors", i, e)

    variant_ids: dict[str, tuple[str, int]] = {}
    models: dict[str, str] = {}
    for i, e in enumerate(raw.entries["devices"]):
        if e["vendor"] not in ids["vendors"]:
            report("devices", i, f"unknown vendor {e['vendor']!r}", "vendor")
        claim_names("devices", i, e)
        if e.get("released") and not _date_ok(e["released"]):
            report("devices", i, f"{e['released']!r} is not a real date", "released")
        several = len(e["variants"]) > 1
        for j, v in enumerate(e["variants"]):
            vloc = f"variants[{j}] {v['id']!r}"
            owner_device, owner_index = variant_ids.setdefault(v["id"], (e["id"], j))
            if (owner_device, owner_index) != (e["id"], j):
                report("devices", i, f"duplicate variant id (also in device {owner_device!r})", vloc + ".id")
            if several and not v.get("models"):
                report(
                    "devices",
                    i,
                    "a device with several variants needs model numbers on each, so a user can tell them apart",
                    vloc + ".models",
                )
            for code in v.get("made_for", ()):
                if not markets.valid(code):
                    report(
                        "devices",
                        i,
                        f"{code!r} is not a country code (ISO 3166-1 alpha-2) nor one of "
                        f"{', '.join([markets.GLOBAL, *markets.REGIONS])}",
                        vloc + ".made_for",
                    )
            for model in v.get("models", ()):
                m = text.compact(model)
                if m.isdigit() and len(m) < text.MIN_DIGIT_MODEL:
                    report(
                        "devices",
                        i,
                        f"model {model!r} is only {len(m)} digits: it would read like a year or "
                        f"a count; a model number of digits only needs at least {text.MIN_DIGIT_MODEL}",
                        vloc + ".models",
                    )
                    continue
                owner = models.setdefault(m, v["id"])
                if owner != v["id"]:
                    report("devices", i, f"model {model!r} is also listed for variant {owner!r}", vloc + ".models")

    # A codename that is a phone's name or alias would be read everywhere as that phone, not only where
    # a codename is written: it belongs in that phone's aliases.
    for i, e in enumerate(raw.entries["devices"]):
        for codename in e.get("codenames", ()):
            named = owners.get(("devices", "", text.key(codename)))
            if named is not None:
                message = f"codename {codename!r} is also the name or an alias of device {named!r}"
                report("devices", i, message, "codenames")

    for i, e in enumerate(raw.entries["carriers"]):
        if not _country_ok(e["country"]):
            report("carriers", i, f"{e['country']!r} is not an ISO 3166-1 alpha-2 country code", "country")
        claim_names("carriers", i, e, scope=e["country"])
        host = e.get("mvno_of")
        if host is not None:
            if host not in ids["carriers"]:
                report("carriers", i, f"unknown host carrier {host!r}", "mvno_of")
            elif raw.entries["carriers"][ids["carriers"][host]].get("mvno_of") is not None:
                report(
                    "carriers", i, f"host {host!r} is itself a virtual operator; name the network operator", "mvno_of"
                )
        if e.get("as_of") and not _date_ok(e["as_of"]):
            report("carriers", i, f"{e['as_of']!r} is not a real date", "as_of")

    device_vendor = {e["id"]: e["vendor"] for e in raw.entries["devices"]}
    for i, e in enumerate(raw.entries["statements"]):
        if e["vendor"] not in ids["vendors"]:
            report("statements", i, f"unknown vendor {e['vendor']!r}", "vendor")
        device = e.get("device")
        if device is not None:
            if device not in ids["devices"]:
                report("statements", i, f"unknown device {device!r}", "device")
            elif device_vendor[device] != e["vendor"]:
                report(
                    "statements",
                    i,
                    f"device {device!r} is made by {device_vendor[device]!r}, not {e['vendor']!r}",
                    "device",
                )
        if not _country_ok(e["country"]):
            report("statements", i, f"{e['country']!r} is not an ISO 3166-1 alpha-2 country code", "country")
        if not _date_ok(e["date"]):
            report("statements", i, f"{e['date']!r} is not a real date", "date")

    if problems:
        raise KnowledgeError(problems)
    shared = _Shared()
    records = {kind: tuple(_to_record(kind, e, shared) for e in raw.entries[kind]) for kind in KINDS}
    return Knowledge(records["vendors"], records["devices"], records["carriers"], records["statements"])


def load(path: Path) -> Knowledge:
    return build(read_path(path))


# ---------------------------------------------------------------------------------------------
# Writing


def _device_bands_raw(b: Bands) -> dict[str, list[int]]:
    # Written even when empty ({} = nothing recorded), and so are empty lists in it: an empty list says
    # "none", a missing one "unknown".
    return {t: sorted(b.of(t)) for t in TECHS if b.known(t)}


def _carrier_bands_raw(b: CarrierBands | None) -> dict[str, Any] | None:
    if b is None:
        return None
    return {
        "gsm": sorted(b.gsm),
        "umts": sorted(b.umts),
        "lte": {"primary": sorted(b.lte.primary), "secondary": sorted(b.lte.secondary)},
        "nr": {"primary": sorted(b.nr.primary), "secondary": sorted(b.nr.secondary)},
    }


_TO_RAW: dict[tuple[str, str], Callable[[Any], Any]] = {
    ("device", "variants"): lambda vs: [_raw("variant", v) for v in vs],
    ("variant", "bands"): _device_bands_raw,
    ("carrier", "bands"): _carrier_bands_raw,
}
# Written even when they hold nothing: a variant's bands ({} = none recorded), a statement's device
# (null = about all the vendor's phones).
_ALWAYS = {("variant", "bands"), ("statement", "device")}


def _raw(definition: str, record: Any) -> RawEntry:
    defaults = _defaults(definition)
    out: RawEntry = {}
    for name in properties(definition):
        value = getattr(record, name)
        if (definition, name) not in _ALWAYS and (value is None or value == defaults.get(name)):
            continue  # an optional field left at its default is not written
        convert = _TO_RAW.get((definition, name))
        out[name] = convert(value) if convert else list(value) if isinstance(value, tuple) else value
    return out


def to_raw(record: Any) -> RawEntry:
    """A record as the plain dict the bundle format writes (canonical field order, no empty fields)."""
    for definition, cls in _RECORD.items():
        if type(record) is cls and definition != "variant":
            return _raw(definition, record)
    raise TypeError(f"not a knowledge record: {type(record).__name__}")


def to_bundle(knowledge: Knowledge) -> dict[str, Any]:
    return {"format": FORMAT, **{kind: [to_raw(r) for r in getattr(knowledge, kind)] for kind in KINDS}}


def dump(bundle: Mapping[str, Any], path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix == ".json":
        content = json.dumps(bundle, indent=1, ensure_ascii=False) + "\n"
    elif suffix in (".yaml", ".yml"):
        import yaml

        content = yaml.safe_dump(dict(bundle), sort_keys=False, allow_unicode=True, width=110)
    else:
        raise KnowledgeError([Problem(str(path), "", "unknown file type: expected .json, .yaml or .yml")])
    path.write_text(content, encoding="utf-8")
