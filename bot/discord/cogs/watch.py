"""Notice edits made by other processes on the same database (`devicebot kb import`, another shard
process, the HTTP service) within about two seconds."""

from __future__ import annotations

import logging

from discord.ext import commands, tasks

from ..client import AnyBot, Context

log = logging.getLogger(__name__)


class WatchCog(commands.Cog):
    def __init__(self, bot: AnyBot, ctx: Context) -> None:
        self.bot = bot
        self.ctx = ctx

    async def cog_load(self) -> None:
        self.refresh.start()

    async def cog_unload(self) -> None:
        self.refresh.cancel()

    @tasks.loop(seconds=2)
    async def refresh(self) -> None:
        try:
            # Built off the event loop: questions are answered from the old index meanwhile.
            if await self.ctx.service.refresh_async():
                log.info("the knowledge changed in another process: reloaded")
        except Exception:  # a locked or broken database must not stop the loop
            log.exception("refreshing the knowledge failed")
            self.ctx.service.metrics.errors.labels("discord refresh").inc()
