"""The aiohttp application: the same answers as `devicebot ask --json`, health, metrics, web pages."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import jinja2
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from .. import bundle, shipped
from ..bundle import KnowledgeError
from ..dbfaults import StoreError
from ..engine import verdict_grid
from ..matching import MAX_QUESTION_CHARS
from ..present import html, i18n, layout, phrases
from ..present.phrases import HELP_LINES
from ..service import Service
from .ratelimit import RateLimiter

log = logging.getLogger(__name__)

SERVICE: web.AppKey[Service] = web.AppKey("service", Service)
LIMITER: web.AppKey[RateLimiter] = web.AppKey("limiter", RateLimiter)
HEALTH: web.AppKey[Callable[[], dict[str, Any]]] = web.AppKey("health", object)  # type: ignore[arg-type]
TEMPLATES: web.AppKey[jinja2.Environment] = web.AppKey("templates", jinja2.Environment)

_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _error(status: int, message: str, **extra: Any) -> web.Response:
    return web.json_response({"error": message, "status": status, **extra}, status=status)


def _json(data: Any, status: int = 200) -> web.Response:
    return web.Response(text=json.dumps(data, ensure_ascii=False), status=status, content_type="application/json")


def _service(request: web.Request) -> Service:
    return request.app[SERVICE]


# -- health and metrics ---------------------------------------------------------------------------


async def healthz(request: web.Request) -> web.Response:
    svc = _service(request)
    body: dict[str, Any] = {"status": "ok"}
    try:
        svc.store.db.conn.execute("select 1").fetchone()
        k = svc.engine.knowledge
        # Where the database lives is nobody's business over HTTP: no path here.
        body["database"] = {"ok": True, "read_only": svc.store.read_only}
        body["knowledge"] = {
            "vendors": len(k.vendors),
            "devices": len(k.devices),
            "carriers": len(k.carriers),
            "statements": len(k.statements),
            # False after an upgrade that ships other knowledge: `devicebot kb import --shipped` loads it.
            "shipped_current": not shipped.stale(svc.store),
        }
    except Exception as exc:  # any failure to read the database is unhealthy, whatever it is
        body["status"] = "unhealthy"
        body["database"] = {"ok": False, "error": type(exc).__name__}
    if svc.reload_error is not None:
        # Answers still come from the knowledge read before, but edits are not picked up.
        body["status"] = "unhealthy"
        body["reason"] = f"the last reload of the knowledge failed: {svc.reload_error}"
    extra = request.app.get(HEALTH)
    if extra is not None:
        more = extra()
        body.update(more)
        if more.get("healthy") is False:
            body["status"] = "unhealthy"
    return _json(body, 200 if body["status"] == "ok" else 503)


async def metrics(request: web.Request) -> web.Response:
    data = _service(request).metrics.exposition()
    return web.Response(body=data, headers={"Content-Type": CONTENT_TYPE_LATEST})


# -- JSON API -------------------------------------------------------------------------------------


async def api_ask(request: web.Request) -> web.Response:
    client = request.remote or "unknown"
    allowed, retry = request.app[LIMITER].allow(client)
    if not allowed:
        return web.json_response(
            {"error": "too many questions; slow down", "status": 429, "retry_after": round(retry, 2)},
            status=429,
            headers={"Retry-After": str(max(1, round(retry)))},
        )
    question = request.query.get("q")
    if question is None or not question.strip():
        return _error(400, "missing parameter q (the question)")
    after = request.query.get("after")
    for name, value in (("q", question), ("after", after or "")):
        if len(value) > MAX_QUESTION_CHARS:
            return _error(413, f"{name} is {len(value)} characters; the limit is {MAX_QUESTION_CHARS}")
    svc = _service(request)
    # A follow-up ("what about on T-Mobile?") names the question it follows in `after`: the service is
    # stateless, so the client sends the earlier question back.
    context = svc.engine.answer(after) if after and after.strip() else None
    return _json(svc.to_dict(svc.ask(question, adapter="http", context=context)))


async def api_devices(request: web.Request) -> web.Response:
    k = _service(request).engine.knowledge
    vendor = request.query.get("vendor")
    if vendor is not None and not k.has("vendors", vendor):
        return _error(404, f"unknown vendor {vendor!r}")
    devices = [d for d in k.devices if vendor is None or d.vendor == vendor]
    return _json(
        [
            {
                "id": d.id,
                "name": d.name,
                "vendor": d.vendor,
                "released": d.released,
                "variants": [v.id for v in d.variants],
            }
            for d in devices
        ]
    )


async def api_device(request: web.Request) -> web.Response:
    k = _service(request).engine.knowledge
    device_id = request.match_info["id"]
    if not k.has("devices", device_id):
        return _error(404, f"unknown device {device_id!r}")
    return _json(bundle.to_raw(k.device(device_id)))


def _country_param(request: web.Request) -> str | None:
    country = request.query.get("country")
    if country is None:
        return None
    if not _COUNTRY.match(country):
        raise web.HTTPBadRequest(
            text=json.dumps({"error": f"country {country!r} is not an ISO 3166-1 alpha-2 code", "status": 400}),
            content_type="application/json",
        )
    return country.upper()


async def api_carriers(request: web.Request) -> web.Response:
    k = _service(request).engine.knowledge
    country = _country_param(request)
    return _json([bundle.to_raw(c) for c in k.carriers if country is None or c.country == country])


async def api_statements(request: web.Request) -> web.Response:
    k = _service(request).engine.knowledge
    country = _country_param(request)
    vendor = request.query.get("vendor")
    if vendor is not None and not _ID.match(vendor):
        return _error(400, f"vendor {vendor!r} is not an id")
    found = [
        s for s in k.statements if (vendor is None or s.vendor == vendor) and (country is None or s.country == country)
    ]
    return _json([bundle.to_raw(s) for s in sorted(found, key=lambda s: s.date, reverse=True)])


async def api_suggest(request: web.Request) -> web.Response:
    query = request.query.get("q", "")[:100]
    index = _service(request).engine.index
    return _json([{"id": i, "name": name} for i, name in index.complete("device", query, limit=8)])


# -- pages ----------------------------------------------------------------------------------------


def _page(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    html = request.app[TEMPLATES].get_template(template).render(**context)
    return web.Response(text=html, status=status, content_type="text/html")


async def page_index(request: web.Request) -> web.Response:
    """Phones grouped by maker; `?q=` (the search box without JavaScript) narrows them, and says so
    when nothing matches."""
    svc = _service(request)
    k = svc.engine.knowledge
    vendors = {v.id: v.name for v in k.vendors}
    query = request.query.get("q", "").strip()[:100]
    devices = list(k.devices)
    if query:
        found = {i for i, _name in svc.engine.index.complete("device", query, limit=50)}
        devices = [d for d in devices if d.id in found]
    by_vendor: dict[str, list[Any]] = {}
    for d in sorted(devices, key=lambda d: (vendors[d.vendor].casefold(), d.name.casefold())):
        by_vendor.setdefault(vendors[d.vendor], []).append(d)
    return _page(request, "index.html", by_vendor=by_vendor, knowledge=k, query=query)


_COUNTRY_COOKIE = "country"


def _country_choice(request: web.Request, known: set[str]) -> str | None:
    """The country the grid shows: the one chosen now, else the last one chosen (a cookie), else the
    browser's region ("es-MX" is Mexico); none when unknown (every country is shown)."""
    for value in (
        request.query.get("country", ""),
        request.cookies.get(_COUNTRY_COOKIE, ""),
        request.headers.get("Accept-Language", "").split(",")[0].strip().replace("_", "-").split("-")[-1],
    ):
        code = value.strip().upper()
        if code in known:
            return code
    return None


async def page_device(request: web.Request) -> web.Response:
    svc = _service(request)
    k = svc.engine.knowledge
    device_id = request.match_info["id"]
    if not k.has("devices", device_id):
        return _page(request, "missing.html", status=404, what=f"device {device_id!r}")
    device = k.device(device_id)
    names = svc.engine.index.country_names
    countries = sorted({c.country for c in k.carriers if c.mvno_of is None}, key=lambda c: names.get(c, c))
    chosen = None if request.query.get("country") == "all" else _country_choice(request, set(countries))
    grid = verdict_grid(svc.engine, device_id, (chosen,) if chosen else None)
    # Grouped by verdict: the networks where the best model works first.
    best = [(row, min(phrases.VERDICT_RANK[c.verdict] for c in row.cells)) for row in grid]
    rows = sorted(best, key=lambda pair: (pair[1], pair[0].country, pair[0].carrier_name.casefold()))
    response = _page(
        request,
        "device.html",
        device=device,
        vendor=k.vendor(device.vendor),
        rows=rows,
        countries=countries,
        chosen=chosen,
        country_names=names,
        marks=phrases.VERDICT_MARK,
        words=phrases.VERDICT_WORDS,
        flag_words=phrases.FLAG_WORDS,
        source=html.inline(device.source),
    )
    if "country" in request.query:
        response.set_cookie(_COUNTRY_COOKIE, chosen or "all", max_age=365 * 24 * 3600, samesite="Lax")
    return response


async def page_carrier(request: web.Request) -> web.Response:
    svc = _service(request)
    k = svc.engine.knowledge
    carrier_id = request.match_info["id"]
    if not k.has("carriers", carrier_id):
        return _page(request, "missing.html", status=404, what=f"carrier {carrier_id!r}")
    carrier = k.carrier(carrier_id)
    host = k.carrier(carrier.mvno_of) if carrier.mvno_of else None
    virtual = [c for c in k.carriers if c.mvno_of == carrier.id]
    return _page(
        request,
        "carrier.html",
        carrier=carrier,
        host=host,
        virtual=virtual,
        country=svc.engine.index.country_names.get(carrier.country, carrier.country),
    )


async def page_ask(request: web.Request) -> web.Response:
    """The bot's answer as a page: the same layout, rendered as HTML; works without JavaScript."""
    svc = _service(request)
    question = request.query.get("q", "").strip()
    if not question:
        return _page(request, "ask.html", help=HELP_LINES[:-1])
    if len(question) > MAX_QUESTION_CHARS:
        return _page(
            request,
            "ask.html",
            status=413,
            help=HELP_LINES[:-1],
            error=f"That question is {len(question):,} characters; the limit is {MAX_QUESTION_CHARS:,}.",
        )
    allowed, retry = request.app[LIMITER].allow(request.remote or "unknown")
    if not allowed:
        return _page(
            request,
            "ask.html",
            status=429,
            question=question,
            help=HELP_LINES[:-1],
            error=f"Too many questions: try again in {max(1, round(retry))} s.",
        )
    after = request.query.get("after", "")[:MAX_QUESTION_CHARS]
    kind, _, entry_id = request.query.get("pick", "").partition(":")
    if kind in ("device", "carrier") and entry_id:
        answer = svc.ask_choosing(question, kind, entry_id, adapter="http")
    else:
        context = svc.engine.answer(after) if after.strip() else None
        answer = svc.ask(question, adapter="http", context=context)
    k, names = svc.engine.knowledge, svc.engine.index.country_names
    # The page's language: ?lang=, else the browser's first language (Spanish, Portuguese or English).
    wanted = request.query.get("lang") or request.headers.get("Accept-Language", "").split(",")[0].strip()
    lang = i18n.language_of(wanted)
    return _page(
        request,
        "ask.html",
        question=question,
        answer=html.render(layout.build(answer, k, names, lang)),
        choices=answer.suggestions,
    )


async def page_statements(request: web.Request) -> web.Response:
    svc = _service(request)
    k = svc.engine.knowledge
    statements = sorted(k.statements, key=lambda s: (s.date, s.id), reverse=True)
    return _page(
        request,
        "statements.html",
        statements=statements,
        vendors={v.id: v.name for v in k.vendors},
        devices={d.id: d.name for d in k.devices},
        country_names=svc.engine.index.country_names,
    )


# -- the application ------------------------------------------------------------------------------


@web.middleware
async def errors(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.content_type == "application/json" or not request.path.startswith("/api/"):
            raise
        return _error(exc.status, exc.reason)
    except Exception:
        log.exception("error serving %s", request.path)
        request.app[SERVICE].metrics.errors.labels("http").inc()
        return _error(500, "internal error")


async def _watch_database(app: web.Application) -> AsyncIterator[None]:
    """Pick up edits made by other processes (the Discord bot, `devicebot kb import`)."""

    async def loop() -> None:
        said = None
        while True:
            await asyncio.sleep(2)
            try:
                # Built off the event loop: requests are answered from the old index meanwhile.
                await app[SERVICE].refresh_async()
                said = None
            except (StoreError, KnowledgeError) as exc:
                if str(exc) != said:  # once per fault, not every two seconds
                    log.error("reloading the knowledge failed (answers come from the knowledge read before): %s", exc)
                    said = str(exc)
            except Exception:
                log.exception("reloading the knowledge failed")

    task = asyncio.create_task(loop())
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


# No inline script or style anywhere, no framing, no sniffing; links leave without the page's address.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


async def _secure_headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.update(SECURITY_HEADERS)
    response.headers["Server"] = "devicebot"  # not the server library and its version


# A connection that sends nothing (before its first request, or between two) is closed after this many
# seconds, so idle or slow clients cannot hold every socket the process may open.
IDLE_SECONDS = 15.0
# The longest request line read: a question and its `after` at the 2,000-character limit, in any
# script, percent-encoded (up to 12 bytes a character), fit, so an over-long one gets the JSON 413.
MAX_REQUEST_LINE = 64 * 1024


def create_app(
    service: Service, *, rate: int = 30, per: float = 10.0, health: Callable[[], dict[str, Any]] | None = None
) -> web.Application:
    app = web.Application(
        middlewares=[errors], client_max_size=64 * 1024, handler_args={"max_line_size": MAX_REQUEST_LINE}
    )
    app.on_response_prepare.append(_secure_headers)
    app[SERVICE] = service
    app[LIMITER] = RateLimiter(rate, per)
    if health is not None:
        app[HEALTH] = health
    app[TEMPLATES] = jinja2.Environment(
        loader=jinja2.PackageLoader("bot.web", "templates"), autoescape=jinja2.select_autoescape(["html"])
    )
    app.cleanup_ctx.append(_watch_database)
    app.add_routes(
        [
            web.get("/healthz", healthz),
            web.get("/metrics", metrics),
            web.get("/api/ask", api_ask),
            web.get("/api/devices", api_devices),
            web.get("/api/devices/{id}", api_device),
            web.get("/api/carriers", api_carriers),
            web.get("/api/statements", api_statements),
            web.get("/api/suggest", api_suggest),
            web.get("/", page_index),
            web.get("/devices/{id}", page_device),
            web.get("/carriers/{id}", page_carrier),
            web.get("/statements", page_statements),
            web.get("/ask", page_ask),
            web.static("/static", str(Path(__file__).parent / "static")),
        ]
    )
    return app


async def start(
    app: web.Application, host: str, port: int, *, idle: float = IDLE_SECONDS
) -> tuple[web.AppRunner, web.TCPSite]:
    """Serve `app` on host:port with the connection limits above (the Discord runner's HTTP service)."""
    runner = web.AppRunner(app, access_log=None, keepalive_timeout=idle)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    return runner, site


def serve(
    service: Service, host: str, port: int, rate: int = 30, per: float = 10.0, idle: float = IDLE_SECONDS
) -> None:
    web.run_app(
        create_app(service, rate=rate, per=per),
        host=host,
        port=port,
        access_log=None,
        keepalive_timeout=idle,
        print=lambda msg: log.info("%s", msg),
    )
