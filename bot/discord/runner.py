"""`devicebot run`: the bot, and the HTTP service on DEVICEBOT_HTTP_PORT when set (same process, same
Service, with the gateway state in /healthz)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from pathlib import Path
from typing import Any, TextIO

import discord
from aiohttp import web

from ..service import Service
from ..web.app import create_app, start
from .client import build_bot, health
from .config import Config, ConfigError

log = logging.getLogger(__name__)

EXIT_OK, EXIT_USAGE = 0, 2


async def run_bot(config: Config, service: Service, **options: Any) -> None:
    """Until the bot is closed (SIGTERM/SIGINT) or cancelled; `options` go to discord.py's client."""
    bot = build_bot(config, service, **options)
    runner: web.AppRunner | None = None
    if config.http_port is not None:
        app = create_app(service, health=lambda: health(bot))
        runner, _site = await start(app, config.http_host, config.http_port)
        log.info("HTTP service on http://%s:%d", config.http_host, config.http_port)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows, nor off the main thread
            loop.add_signal_handler(sig, lambda: asyncio.ensure_future(bot.close()))
    try:
        async with bot:
            await bot.start(config.token)
    finally:
        if runner is not None:
            await runner.cleanup()


def main(db: Path | None = None, err: TextIO | None = None, env_file: Path | None = Path(".env")) -> int:
    err = err or sys.stderr
    try:
        config = Config.from_env(env_file=env_file)
    except ConfigError as exc:
        print(f"devicebot: {exc}", file=err)
        return EXIT_USAGE
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    service = Service.open(db or config.db)
    try:
        asyncio.run(run_bot(config, service))
    except discord.LoginFailure:
        print(
            "devicebot: Discord rejected DISCORD_TOKEN: copy the bot's token again from the developer portal "
            "(Applications → your app → Bot → Reset Token)",
            file=err,
        )
        return EXIT_USAGE
    except discord.PrivilegedIntentsRequired:
        print(
            "devicebot: DEVICEBOT_ANSWER_CHANNELS needs the Message Content intent: turn it on in the developer "
            "portal (Bot → Privileged Gateway Intents), or unset DEVICEBOT_ANSWER_CHANNELS",
            file=err,
        )
        return EXIT_USAGE
    except KeyboardInterrupt:
        pass
    return EXIT_OK
