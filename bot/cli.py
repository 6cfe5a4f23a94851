"""`devicebot`: ask questions and manage the knowledge from a terminal."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from . import __version__, bundle, present, shipped, snapshot
from .bundle import KnowledgeError
from .store import Store, default_db_path

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _bounded(low: int, high: int) -> Callable[[str], int]:
    """An integer option within what SQLite and common sense hold ("kb undo 99999999999999999999")."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{value} is out of range ({low}-{high})")
        return number

    return parse


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="devicebot",
        description="Is this phone sold in my country, and will it work on my carrier?",
    )
    p.add_argument("--version", action="version", version=f"devicebot {__version__}")
    p.add_argument(
        "--db",
        type=Path,
        default=None,
        help="SQLite database (default: $DEVICEBOT_DB, else a per-user data folder); "
        "an empty one is filled from the shipped knowledge",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = sub.add_parser(
        "ask",
        help="answer a question",
        description=(
            "Answer a question from the knowledge. With --json and no question, read one question per "
            "line from standard input and write one JSON object per line, in order."
        ),
    )
    ask.add_argument("question", nargs="*", help="the question (quote it)")
    ask.add_argument("--json", action="store_true", help="print the structured answer as JSON")
    ask.add_argument(
        "--lang", default="en", help="answer in this language: en, es or pt-BR (default en; JSON stays English)"
    )

    kb = sub.add_parser("kb", help="manage the knowledge")
    kbs = kb.add_subparsers(dest="kb_command", required=True, metavar="KB_COMMAND")
    imp = kbs.add_parser("import", help="load a bundle (.json/.yaml/.yml, or a folder of them)")
    imp.add_argument("file", type=Path, nargs="?", help="the bundle (or use --shipped)")
    imp.add_argument(
        "--shipped", action="store_true", help="the knowledge shipped with this version of devicebot (after an upgrade)"
    )
    imp.add_argument("--replace", action="store_true", help="the bundle replaces the whole knowledge")
    imp.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")
    imp.add_argument("--actor", default="cli", help="who is making the change (for the history)")
    exp = kbs.add_parser("export", help="write the whole knowledge as a bundle")
    exp.add_argument("file", type=Path, help="target .json/.yaml/.yml file, or - for JSON on stdout")
    val = kbs.add_parser("validate", help="check a bundle file or folder without loading it")
    val.add_argument("file", type=Path)
    st = kbs.add_parser("stats", help="counts per vendor and country, statement ages")
    st.add_argument("--json", action="store_true")
    cc = kbs.add_parser(
        "crosscheck",
        help="compare band lists with a reference of spec-site bands (differences to look at, not errors)",
    )
    cc.add_argument(
        "reference",
        type=Path,
        help="CSV with the columns of ../shared/data/gsmarena_2021_network_bands.csv, or JSON lines "
        "like ../shared/data/gsmarena_2026_network.jsonl",
    )
    cc.add_argument("--bundle", type=Path, help="check this bundle file or folder instead of the database")
    cc.add_argument("--json", action="store_true")
    dr = kbs.add_parser(
        "draft",
        help="draft device entries from spec-sheet network text, for review",
        description=(
            "Read spec-sheet network text (a GSMArena-style page's 'Network' table, fields one per line, "
            "continuation lines below; or JSON lines with the fields of ../shared/data/gsmarena_2026_network.jsonl) "
            "and write draft device entries: one variant per line label, models attached to the variant their "
            "label names, unknown where the text does not say. Warnings go to standard error and into the draft."
        ),
    )
    dr.add_argument("file", type=Path, nargs="+", help="text or JSON-lines file(s); - for standard input")
    dr.add_argument("--vendor", help="vendor id (default: the record's brand)")
    dr.add_argument(
        "--name", action="append", default=[], help="only the device(s) with this name or model number (repeatable)"
    )
    dr.add_argument("-o", "--output", type=Path, help="write the draft bundle here instead of standard output")
    hist = kbs.add_parser("history", help="recent changes, newest first")
    hist.add_argument("entry", nargs="?", help="only changes of this entry id")
    hist.add_argument("--limit", type=_bounded(1, 10_000), default=20, help="how many changes (1-10000)")
    undo = kbs.add_parser("undo", help="put an entry back as it was before a change")
    undo.add_argument("change_id", type=_bounded(1, 2**63 - 1), help="the change's number (see kb history)")
    undo.add_argument("--actor", default="cli")
    serve = sub.add_parser("serve", help="serve the HTTP API and knowledge web page (no Discord token needed)")
    serve.add_argument(
        "--host",
        default=os.environ.get("DEVICEBOT_HTTP_HOST", "127.0.0.1"),
        help="address to bind (default: $DEVICEBOT_HTTP_HOST, else 127.0.0.1)",
    )
    serve.add_argument("--port", type=int, default=None, help="port (default: $DEVICEBOT_HTTP_PORT, else 8080)")
    serve.add_argument("--rate", type=int, default=30, help="questions per client per --per seconds on /api/ask")
    serve.add_argument("--per", type=float, default=10.0, help="the rate limit's window in seconds")
    serve.add_argument(
        "--idle", type=float, default=15.0, help="close a connection that sends nothing for this many seconds"
    )
    sub.add_parser(
        "run",
        help="run the Discord bot (settings from the environment or .env: DISCORD_TOKEN, DEVICEBOT_*)",
        description=(
            "Run the Discord bot. Needs DISCORD_TOKEN; also serves the HTTP service (with the gateway state "
            "in /healthz) when DEVICEBOT_HTTP_PORT is set. See the README's Discord section for every setting."
        ),
    )
    return p


def _http_port(value: int | None) -> int:
    if value is not None:
        if not 0 < value < 65536:
            raise ValueError(f"--port {value} is not a port number (1-65535)")
        return value
    raw = os.environ.get("DEVICEBOT_HTTP_PORT", "8080")
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise ValueError(f"DEVICEBOT_HTTP_PORT={raw!r} is not a port number (1-65535)")
    return int(raw)


def _open_store(db: Path | None) -> Store:
    return Store.open(db or default_db_path(), seed=bundle.shipped_knowledge_dir())


def _ask(args: argparse.Namespace, out: TextIO, inp: TextIO) -> int:
    store = _open_store(args.db)
    if shipped.stale(store):
        print(shipped.NOTICE, file=sys.stderr)
    engine = snapshot.engine_for(store)
    question = " ".join(args.question).strip()
    if question:
        answer = engine.answer(question)
        names = engine.index.country_names
        if args.json:
            out.write(json.dumps(present.to_dict(answer, engine.knowledge, names), ensure_ascii=False) + "\n")
        else:
            lay = present.layout.build(answer, engine.knowledge, names, present.i18n.language_of(args.lang))
            out.write(present.markdown.render(lay) + "\n")
        return EXIT_OK
    if not args.json:
        print("devicebot ask: give a question, or use --json to read questions from standard input", file=sys.stderr)
        return EXIT_USAGE
    bad = 0
    for number, line in enumerate(_lines(inp), start=1):
        if isinstance(line, UnicodeDecodeError):
            # One line that is not UTF-8 is reported where its answer would be; the others are answered.
            bad += 1
            problem = f"line {number}: not UTF-8 text (byte {line.start + 1}): skipped"
            print(f"devicebot ask: {problem}", file=sys.stderr)
            out.write(json.dumps({"line": number, "error": problem}) + "\n")
            continue
        answer = engine.answer(line.rstrip("\r\n"))
        as_dict = present.to_dict(answer, engine.knowledge, engine.index.country_names)
        out.write(json.dumps(as_dict, ensure_ascii=False) + "\n")
        out.flush()
    return EXIT_ERROR if bad else EXIT_OK


def _lines(inp: TextIO) -> Iterator[str | UnicodeDecodeError]:
    """The input's lines, each decoded on its own, so one line in another encoding costs only itself."""
    raw = getattr(inp, "buffer", None)
    if raw is None:
        yield from inp
        return
    for data in raw:
        try:
            yield data.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield exc


def _crosscheck(args: argparse.Namespace, out: TextIO) -> int:
    from . import crosscheck  # curators' tools are imported when used: `ask` starts sooner

    knowledge = bundle.load(args.bundle) if args.bundle else _open_store(args.db).load()
    report = crosscheck.compare(knowledge, crosscheck.read_reference(args.reference))
    if args.json:
        out.write(json.dumps(crosscheck.to_dict(report), indent=1, ensure_ascii=False) + "\n")
    else:
        out.write(crosscheck.render(report, args.reference.name))
    return EXIT_OK


def _draft(args: argparse.Namespace, out: TextIO, inp: TextIO) -> int:
    from . import draft, specsheet  # curators' tools are imported when used: `ask` starts sooner

    drafts: list[draft.Draft] = []
    wanted = list(args.name)
    found: set[str] = set()
    for path in args.file:
        content = inp.read() if str(path) == "-" else path.read_text(encoding="utf-8")
        jsonl = content.lstrip().startswith("{")
        try:
            sheets = list(specsheet.read_sheets(content, str(path)))
        except ValueError as exc:
            print(f"devicebot kb draft: {exc}", file=sys.stderr)
            return EXIT_ERROR
        for sheet in sheets:
            hits = [w for w in wanted if specsheet.matches(sheet, w)]
            if wanted and not hits:
                continue
            found.update(hits)
            vendor = args.vendor or sheet.brand.lower()
            if not vendor:
                print(f"devicebot kb draft: {sheet.origin}: no brand; give --vendor", file=sys.stderr)
                return EXIT_USAGE
            try:
                drafts.append(draft.draft(sheet, vendor, draft.EXTRACT if jsonl else ""))
            except ValueError as exc:
                print(f"devicebot kb draft: {exc}", file=sys.stderr)
                return EXIT_ERROR
    for w in wanted:
        if w not in found:
            print(f"devicebot kb draft: no device named {w!r} in {', '.join(map(str, args.file))}", file=sys.stderr)
    for d in drafts:
        for warning in d.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    rendered = draft.render(drafts)
    if args.output:
        args.output.write_text(rendered, encoding="utf-8")
        out.write(f"wrote {len(drafts)} draft device(s) to {args.output}\n")
    else:
        out.write(rendered)
    return EXIT_OK if drafts and len(found) == len(wanted) else EXIT_ERROR


def _print_stats(stats: dict[str, Any], out: TextIO) -> None:
    c = stats["counts"]
    out.write(f"database: {stats['database']}\n")
    out.write(
        f"{c['vendors']} vendors, {c['devices']} devices ({c['variants']} variants), "
        f"{c['carriers']} carriers ({c['virtual_operators']} virtual) in {c['countries']} countries, "
        f"{c['statements']} statements\n"
    )
    out.write(
        f"band lists: 4G bands recorded for {c['variants_with_lte']} of {c['variants']} variants "
        f"({c['devices_with_lte']} of {c['devices']} devices); the rest answer 'unknown'\n"
    )
    r = stats["recent_devices"]
    out.write(
        f"released {r['years']}: {r['devices']} devices, {r['with_lte']} with a 4G band list"
        + (f" ({r['with_lte_pct']} %)" if r["devices"] else "")
        + f"; {c['devices_without_release_date']} devices have no release date\n"
    )
    out.write(f"statements cover {c['statement_pairs']} vendor × country pairs\n")
    for title, key in (
        ("devices per vendor", "devices_per_vendor"),
        ("statements per vendor", "statements_per_vendor"),
        ("carriers per country", "carriers_per_country"),
        ("statements per country", "statements_per_country"),
    ):
        items = stats[key]
        out.write(f"{title}: " + (", ".join(f"{k} {v}" for k, v in items.items()) or "none") + "\n")
    for label, key in (("oldest statement", "oldest_statement"), ("newest statement", "newest_statement")):
        s = stats[key]
        out.write(f"{label}: " + (f"{s['date']} ({s['age']} old)" if s else "none") + "\n")


def run(argv: Sequence[str] | None = None, out: TextIO | None = None, inp: TextIO | None = None) -> int:
    out = out or sys.stdout
    inp = inp or sys.stdin
    args = _parser().parse_args(argv)
    try:
        if args.command == "ask":
            return _ask(args, out, inp)
        if args.command == "serve":
            from .service import Service
            from .web.app import serve as serve_http

            logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
            try:
                port = _http_port(args.port)
                if args.rate < 1 or args.per <= 0:
                    raise ValueError(
                        f"--rate {args.rate} --per {args.per}: expected at least 1 question per positive time"
                    )
                if not 0 < args.idle <= 3600:
                    raise ValueError(f"--idle {args.idle}: expected a number of seconds above 0, at most 3600")
            except ValueError as exc:
                print(f"devicebot: {exc}", file=sys.stderr)
                return EXIT_USAGE
            serve_http(Service.open(args.db), args.host, port, rate=args.rate, per=args.per, idle=args.idle)
            return EXIT_OK
        if args.command == "run":
            from .discord.runner import main as run_discord

            return run_discord(args.db)
        if args.kb_command == "validate":
            k = bundle.load(args.file)
            out.write(
                f"{args.file}: valid ({len(k.vendors)} vendors, {len(k.devices)} devices, "
                f"{len(k.carriers)} carriers, {len(k.statements)} statements)\n"
            )
            return EXIT_OK
        if args.kb_command == "crosscheck":
            return _crosscheck(args, out)
        if args.kb_command == "draft":
            return _draft(args, out, inp)
        store = _open_store(args.db)
        if args.kb_command == "import":
            if (args.file is None) == (not args.shipped):
                print("devicebot kb import: give a FILE or --shipped (one of them)", file=sys.stderr)
                return EXIT_USAGE
            if args.shipped:
                args.file = bundle.shipped_knowledge_dir()
            summary = store.apply(
                bundle.read_path(args.file),
                replace=args.replace,
                actor=args.actor,
                action="import --replace" if args.replace else "import",
                dry_run=args.dry_run,
                shipped=shipped.this_version() if args.shipped else None,
            )
            if summary.changed and not args.dry_run:
                snapshot.engine_for(store)  # the writer builds the new index once, for every reader
            verb = "would change" if args.dry_run else ("imported" if summary.changed else "no changes")
            out.write(f"{args.file}: {verb}\n" + "".join(f"  {line}\n" for line in summary.lines()))
        elif args.kb_command == "export":
            data = store.export()
            if str(args.file) == "-":
                out.write(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
            else:
                bundle.dump(data, args.file)
                out.write(f"wrote {args.file}\n")
        elif args.kb_command == "stats":
            stats = store.stats()
            if args.json:
                out.write(json.dumps(stats, indent=1) + "\n")
            else:
                _print_stats(stats, out)
        elif args.kb_command == "history":
            for ch in store.history(args.entry, args.limit):
                what = "added" if ch.before is None else "removed" if ch.after is None else "changed"
                out.write(f"#{ch.change_id} {ch.at} {ch.actor} ({ch.action}): {ch.kind} {ch.entry_id} {what}\n")
        elif args.kb_command == "undo":
            summary = store.undo(args.change_id, actor=args.actor)
            if summary.changed:
                snapshot.engine_for(store)
            out.write(f"undid change {args.change_id}\n" + "".join(f"  {line}\n" for line in summary.lines()))
        return EXIT_OK
    except KnowledgeError as exc:
        print(f"devicebot: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(f"devicebot: {exc}", file=sys.stderr)
        return EXIT_ERROR


def main() -> None:
    sys.exit(run())
