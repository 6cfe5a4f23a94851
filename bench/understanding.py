"""How well the bot reads the questions people post, scored against a labelled set.

    python -m bench.understanding [PATH ...] [--split dev|heldout|all] [--failures] [--json]
                                  [--save FILE] [--against FILE]

PATH is a labelled YAML file or a folder of them (default: tests/data/questions); the format is in
tests/data/questions/README.md. Each question is answered by the engine over the shipped knowledge
(a follow-up with the answer to the question it replies to), and its reading compared with the label:

- read right: the phone (or the question back, for a name that fits several), its variant when the
  label names one, the country of use, the origin when labelled, the carrier and the intent all agree;
- useful: the answer gives a real verdict, sale status or band list, or cleanly declines a post that
  names no phone (no phone offered) or that asks something the bot does not answer;
- wrong phone: the answer is about a phone other than the one asked about (the worst failure).

`--save FILE` writes each item's reading; `--against FILE` then lists every item read differently
(gained, lost, changed), the check to run before and after a change to the reading.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_SET = HERE.parent / "tests" / "data" / "questions"
SPLITS = ("dev", "heldout")
INTENTS = ("compatibility", "availability", "bands", "other", "unknown", "thanks", "hello")


@dataclass(frozen=True)
class Item:
    q: str
    expect: dict[str, Any]
    file: str
    split: str
    url: str | None = None
    after: str | None = None
    lang: str = "en"

    @property
    def real(self) -> bool:
        return self.url is not None


@dataclass
class Score:
    items: int = 0
    read_right: int = 0
    useful: int = 0
    wrong_phone: int = 0
    misses: Counter[str] = field(default_factory=Counter)

    def add(self, verdict: dict[str, Any]) -> None:
        self.items += 1
        self.read_right += verdict["read_right"]
        self.useful += verdict["useful"]
        self.wrong_phone += verdict["wrong_phone"]
        self.misses.update(verdict["misses"])

    def as_dict(self) -> dict[str, Any]:
        def pct(n: int) -> float:
            return round(100 * n / self.items, 1) if self.items else 0.0

        return {
            "items": self.items,
            "read_right": self.read_right,
            "read_right_pct": pct(self.read_right),
            "useful": self.useful,
            "useful_pct": pct(self.useful),
            "wrong_phone": self.wrong_phone,
            "misses": dict(self.misses.most_common()),
        }


class LabelError(ValueError):
    pass


def load(paths: list[Path]) -> list[Item]:
    """Every labelled item under the paths, checked for the fields the scorer relies on."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.yaml")) if path.is_dir() else [path])
    items: list[Item] = []
    for file in files:
        raw = yaml.safe_load(file.read_text(encoding="utf-8")) or []
        if not isinstance(raw, list):
            raise LabelError(f"{file}: expected a list of items")
        for n, entry in enumerate(raw):
            where = f"{file.name}[{n}]"
            if not isinstance(entry, dict) or not isinstance(entry.get("q"), str):
                raise LabelError(f"{where}: an item needs a text 'q'")
            expect = entry.get("expect")
            if not isinstance(expect, dict):
                raise LabelError(f"{where}: an item needs an 'expect' mapping")
            if expect.get("intent") not in INTENTS:
                raise LabelError(f"{where}: expect.intent must be one of {', '.join(INTENTS)}")
            split = entry.get("split")
            if split not in SPLITS:
                raise LabelError(f"{where}: split must be dev or heldout, not {split!r}")
            if file.name.startswith("real-") and not entry.get("url"):
                raise LabelError(f"{where}: a real post needs its 'url'")
            items.append(
                Item(
                    q=entry["q"],
                    expect=expect,
                    file=file.name,
                    split=split,
                    url=entry.get("url"),
                    after=entry.get("after"),
                    lang=entry.get("lang", "en"),
                )
            )
    return items


def _known_now(item: Item, got: dict[str, Any]) -> bool:
    """A phone labelled as unknown to the knowledge ("device: null, phone: Galaxy S25") that the
    knowledge has since learnt: the answer names that very phone, so the label is stale, not the answer."""
    device = got.get("device") or {}
    named = device.get("name")
    phone = item.expect.get("phone")
    if not (named and phone) or item.expect.get("device"):
        return False
    # "Nothing Phone (3)" is the knowledge's "Phone (3)" of the vendor "nothing".
    return _key(phone) in {_key(named), _key(f"{device.get('vendor', '')} {named}")}


def _carrier_known_now(expect: dict[str, Any], got: dict[str, Any]) -> bool:
    """A carrier labelled as unknown ("carrier: null, carrier_name: MTN Nigeria") that the knowledge has
    since learnt: the answer names that carrier ("MTN Nigeria", "stc (Saudi Telecom)" for "STC")."""
    named, label = (got.get("carrier") or {}).get("name"), expect.get("carrier_name")
    if expect.get("carrier") or not (named and label):
        return False
    have, want = _key(named), _key(label)
    return len(want) >= 3 and (have.startswith(want) or want.startswith(have))


def _key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def judge(item: Item, got: dict[str, Any]) -> dict[str, Any]:
    """Compare one structured answer (the JSON contract, `bot.present.to_dict`) with the item's label."""
    e = item.expect
    misses: list[str] = []
    device = (got.get("device") or {}).get("id")
    suggested = {s["id"] for s in got.get("suggestions", []) if s["kind"] == "device"}
    want_device = e.get("device")
    candidates = set(e.get("candidates") or [])
    if candidates:
        if device is not None or not candidates <= suggested:
            misses.append("device")
    elif device != want_device and not _known_now(item, got):
        misses.append("device")
    wrong_phone = device is not None and device != want_device and not _known_now(item, got)
    if e.get("variant") and got.get("variants") != [e["variant"]]:
        misses.append("variant")
    if got.get("country") != e.get("country"):
        misses.append("country")
    if e.get("origin") and got.get("origin") != e["origin"]:
        misses.append("origin")
    carrier = (got.get("carrier") or {}).get("id")
    if carrier != e.get("carrier") and not _carrier_known_now(e, got):
        misses.append("carrier")
    if got.get("intent") != e.get("intent"):
        misses.append("intent")

    no_phone = not want_device and not candidates and not e.get("phone")
    verdicts = [c for c in got.get("compatibility", []) if c.get("verdict") not in (None, "unknown")]
    status = (got.get("availability") or {}).get("status") not in (None, "unknown")
    bands = any((b.get("bands") or {}).get("lte") for b in got.get("bands") or [])
    declined = device is None and not suggested
    # A clean decline is useful too: of a post that names no phone, or of one that asks something else.
    declined_other = e.get("intent") == "other" and got.get("intent") == "other"
    useful = (not wrong_phone) and (bool(verdicts) or status or bands or (no_phone and declined) or declined_other)
    return {"read_right": not misses, "useful": useful, "wrong_phone": wrong_phone, "misses": misses}


def answer_item(engine: Any, item: Item) -> Any:
    """The engine's answer to an item, after the question it follows up on when it has one."""
    previous = engine.answer(item.after) if item.after else None
    return engine.answer(item.q, context=previous)


def run(items: list[Item]) -> list[tuple[Item, dict[str, Any], dict[str, Any]]]:
    """Answer every item with the engine over the shipped knowledge."""
    from bot import bundle, present
    from bot.engine import Engine

    engine = Engine(bundle.load(bundle.shipped_knowledge_dir()))
    out = []
    for item in items:
        answer = answer_item(engine, item)
        got = present.to_dict(answer, engine.knowledge, engine.index.country_names)
        out.append((item, got, judge(item, got)))
    return out


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.understanding", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT_SET])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--failures", action="store_true", help="list every item not read right")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    parser.add_argument("--save", type=Path, help="write each item's reading to this file (JSON), to compare later")
    parser.add_argument(
        "--against", type=Path, help="list the items whose reading differs from a file written by --save"
    )
    return parser.parse_args(argv)


def _reading(item: Item, got: dict[str, Any], verdict: dict[str, Any]) -> dict[str, Any]:
    """What one answer read, in a form that stays the same from run to run unless the reading changes."""
    return {
        "key": [item.file, item.q, item.after],
        "split": item.split,
        "read": {
            "device": (got.get("device") or {}).get("id"),
            "variants": got.get("variants"),
            "country": got.get("country"),
            "origin": got.get("origin"),
            "carrier": (got.get("carrier") or {}).get("id"),
            "intent": got.get("intent"),
            "offered": [s["id"] for s in got.get("suggestions", [])][:4],
        },
        "read_right": verdict["read_right"],
        "wrong_phone": verdict["wrong_phone"],
    }


def _changes(before: list[dict[str, Any]], now: list[dict[str, Any]]) -> list[str]:
    """The items read differently now than in a saved run, each marked gained, lost or changed."""
    old = {json.dumps(r["key"]): r for r in before}
    out = []
    for r in now:
        was = old.get(json.dumps(r["key"]))
        if was is None or was["read"] == r["read"]:
            continue
        mark = {(False, True): "GAINED", (True, False): "LOST"}.get((was["read_right"], r["read_right"]), "changed")
        if r["wrong_phone"] and not was["wrong_phone"]:
            mark = "WRONG PHONE"
        file, q, _after = r["key"]
        q = q if len(q) <= 120 else q[:117] + "…"
        out.append(f"{mark} [{file} {r['split']}] {q!r}\n    was: {was['read']}\n    now: {r['read']}")
    return out


def scores(results: list[tuple[Item, dict[str, Any], dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    groups: dict[str, Score] = {}
    for item, _got, verdict in results:
        for name in ("all", item.split, f"{item.split}/{'real' if item.real else 'styles'}"):
            groups.setdefault(name, Score()).add(verdict)
    return {name: s.as_dict() for name, s in sorted(groups.items())}


def _failure(item: Item, got: dict[str, Any], verdict: dict[str, Any]) -> str:
    device = (got.get("device") or {}).get("id")
    carrier = (got.get("carrier") or {}).get("id")
    seen = (
        f"device={device} variants={got.get('variants')} country={got.get('country')} origin={got.get('origin')} "
        f"carrier={carrier} intent={got.get('intent')} suggestions={[s['id'] for s in got.get('suggestions', [])][:4]}"
    )
    want = {k: v for k, v in item.expect.items() if v not in (None, [], "")}
    flag = "WRONG PHONE " if verdict["wrong_phone"] else ""
    q = item.q if len(item.q) <= 160 else item.q[:157] + "…"
    after = f"\n    after: {item.after}" if item.after else ""
    return (
        f"- {flag}[{item.file} {item.split}] {q!r}{after}\n    missed: {', '.join(verdict['misses'])}\n"
        f"    want: {want}\n    got:  {seen}"
    )


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    try:
        items = load(args.paths)
    except (OSError, yaml.YAMLError, LabelError) as exc:
        print(f"bench.understanding: {exc}", file=sys.stderr)
        return 1
    if args.split != "all":
        items = [i for i in items if i.split == args.split]
    results = run(items)
    table = scores(results)
    readings = [_reading(item, got, verdict) for item, got, verdict in results]
    if args.save:
        args.save.write_text(json.dumps(readings, ensure_ascii=False), encoding="utf-8")
    if args.against:
        try:
            before = json.loads(args.against.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"bench.understanding: cannot read {args.against}: {exc}", file=sys.stderr)
            return 1
        for line in _changes(before, readings):
            print(line)
        print()
    if args.json:
        print(json.dumps(table, indent=2))
        return 0
    if args.failures:
        for item, got, verdict in results:
            if not verdict["read_right"] or verdict["wrong_phone"]:
                print(_failure(item, got, verdict))
        print()
    print("| set | items | read right | useful | wrong phone |")
    print("|---|---:|---:|---:|---:|")
    for name, s in table.items():
        print(
            f"| {name} | {s['items']} | {s['read_right']} ({s['read_right_pct']} %) | "
            f"{s['useful']} ({s['useful_pct']} %) | {s['wrong_phone']} |"
        )
    misses = Counter[str]()
    for _item, _got, verdict in results:
        misses.update(verdict["misses"])
    print("\nwhat was missed: " + ", ".join(f"{k} {n}" for k, n in misses.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
