"""A fake Discord on loopback, for end-to-end tests of the unmodified discord.py library.

One aiohttp server on 127.0.0.1 speaks both halves of Discord's API as discord.py 2.x uses them:

- REST under `/api/v10`: login (`GET /users/@me`, `GET /oauth2/applications/@me`), `GET /gateway[/bot]`,
  the command sync (`PUT /applications/{app}/commands` and `…/guilds/{guild}/commands`), channel
  messages (`POST`/`PATCH`/`DELETE /channels/{id}/messages…`), interaction callbacks
  (`POST /interactions/{id}/{token}/callback?with_response=1`) and the interaction webhook (followups,
  `GET`/`PATCH …/messages/@original`, `PATCH …/messages/{id}`). Attachments are served from
  `/attachments/{name}`.
- The gateway websocket at `/gateway` (and `/gateway/`): HELLO, then READY and GUILD_CREATE after
  IDENTIFY, heartbeat ACKs, and whatever the test dispatches (MESSAGE_CREATE, INTERACTION_CREATE).
  Frames are JSON text: discord.py only decompresses binary frames, so the compression it asks for
  does not matter.

Every request is recorded (`requests`); unknown routes answer 404 and are listed in `unhandled`, so a
gap in the fake shows up instead of passing silently. `point_discord_py_at()` sets the two class
attributes discord.py reads its addresses from (`discord.http.Route.BASE` and
`DiscordWebSocket.DEFAULT_GATEWAY`); `restore()` puts them back. One fake per process at a time.

Payload shapes follow Discord's API v10 documentation; the required fields are those discord.py
2.7 reads (see shared/research/discord-testing.md). Content-Type is exactly `application/json`:
discord.py does not parse JSON sent as `application/json; charset=utf-8`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import discord.gateway
import discord.http
import yarl
from aiohttp import web

_ids = itertools.count(1_300_000_000_000_000_000)


def snowflake() -> str:
    return str(next(_ids))


def now() -> str:
    return datetime.now(UTC).isoformat()


# Permission bits (https://discord.com/developers/docs/topics/permissions)
VIEW_CHANNEL, SEND_MESSAGES, EMBED_LINKS, ATTACH_FILES, READ_HISTORY = 1 << 10, 1 << 11, 1 << 14, 1 << 15, 1 << 16
USE_COMMANDS, MANAGE_GUILD = 1 << 31, 1 << 5
MEMBER_PERMISSIONS = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_HISTORY | USE_COMMANDS


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    body: Any  # JSON body, or the multipart payload_json
    files: dict[str, bytes] = field(default_factory=dict)


@dataclass
class User:
    id: str
    name: str
    roles: list[str] = field(default_factory=list)
    bot: bool = False

    def payload(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "username": self.name,
            "global_name": self.name,
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
        }

    def member(self, with_user: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"roles": self.roles, "flags": 0, "joined_at": now(), "deaf": False, "mute": False}
        if with_user:
            out["user"] = self.payload()
        return out


class FakeDiscord:
    def __init__(self, *, reject_token: bool = False) -> None:
        self.reject_token = reject_token
        self.application_id = snowflake()
        self.bot = User(self.application_id, "devicebot", bot=True)
        self.guild_id = snowflake()
        self.owner = User(snowflake(), "owner")
        self.channels: dict[str, str] = {}  # id -> name
        self.roles: dict[str, tuple[str, int]] = {self.guild_id: ("@everyone", MEMBER_PERMISSIONS)}
        self.members: list[User] = [self.owner, self.bot]
        self.requests: list[Request] = []
        self.unhandled: list[str] = []
        self.attachments: dict[str, bytes] = {}
        self.identify: dict[str, Any] | None = None
        self.synced: dict[str, list[dict[str, Any]]] = {}  # route -> commands as registered
        self.messages: dict[str, dict[str, Any]] = {}
        self._waiters: list[tuple[Callable[[Request], bool], asyncio.Future[Request]]] = []
        self._ws: web.WebSocketResponse | None = None
        self._seq = 0
        self._channel_of: dict[str, str] = {}  # interaction id and token -> channel id
        self._runner: web.AppRunner | None = None
        self._saved: tuple[str, yarl.URL] | None = None
        self.port = 0

    # -- the world --------------------------------------------------------------------------------

    def add_channel(self, name: str) -> str:
        cid = snowflake()
        self.channels[cid] = name
        return cid

    def add_role(self, name: str, permissions: int = 0) -> str:
        rid = snowflake()
        self.roles[rid] = (name, permissions)
        return rid

    def add_member(self, name: str, *roles: str) -> User:
        user = User(snowflake(), name, list(roles))
        self.members.append(user)
        return user

    def guild_payload(self) -> dict[str, Any]:
        return {
            "id": self.guild_id,
            "name": "Phone Talk",
            "owner_id": self.owner.id,
            "unavailable": False,
            "member_count": len(self.members),
            "large": False,
            "roles": [
                {
                    "id": rid,
                    "name": name,
                    "permissions": str(perms),
                    "position": i,
                    "color": 0,
                    "hoist": False,
                    "managed": False,
                    "mentionable": False,
                    "flags": 0,
                }
                for i, (rid, (name, perms)) in enumerate(self.roles.items())
            ],
            "channels": [
                {
                    "id": cid,
                    "type": 0,
                    "name": name,
                    "position": i,
                    "guild_id": self.guild_id,
                    "permission_overwrites": [],
                }
                for i, (cid, name) in enumerate(self.channels.items())
            ],
            "members": [u.member() for u in self.members],
            "threads": [],
            "emojis": [],
            "stickers": [],
            "features": [],
            "premium_tier": 0,
            "joined_at": now(),
        }

    # -- server lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("GET", "/gateway", self._ws_handler)
        app.router.add_route("GET", "/gateway/", self._ws_handler)
        app.router.add_route("GET", "/attachments/{name}", self._attachment)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets  # type: ignore[attr-defined]
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def stop(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def point_discord_py_at(self) -> None:
        self._saved = (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
        discord.http.Route.BASE = f"{self.base}/api/v10"
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(f"ws://127.0.0.1:{self.port}/gateway/")

    def restore(self) -> None:
        if self._saved is not None:
            discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = self._saved
            self._saved = None

    # -- gateway ----------------------------------------------------------------------------------

    async def _ws_handler(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        self._ws = ws
        await self._send({"op": 10, "d": {"heartbeat_interval": 41250}, "s": None, "t": None})
        async for msg in ws:
            frame = json.loads(msg.data)
            if frame["op"] == 1:
                await self._send({"op": 11, "d": None, "s": None, "t": None})
            elif frame["op"] == 2:
                self.identify = frame["d"]
                await self.dispatch("READY", self._ready())
                await self.dispatch("GUILD_CREATE", self.guild_payload())
            elif frame["op"] == 6:
                await self.dispatch("RESUMED", {})
        return ws

    def _ready(self) -> dict[str, Any]:
        shard = (self.identify or {}).get("shard")
        return {
            **({"shard": shard} if shard else {}),
            "v": 10,
            "user": self.bot.payload(),
            "session_id": "fake-session",
            "resume_gateway_url": f"ws://127.0.0.1:{self.port}/gateway",
            "guilds": [{"id": self.guild_id, "unavailable": True}],
            "application": {"id": self.application_id, "flags": 0},
            "private_channels": [],
            "relationships": [],
        }

    async def _send(self, payload: dict[str, Any]) -> None:
        assert self._ws is not None, "the bot has not connected to the gateway"
        await self._ws.send_str(json.dumps(payload))

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        self._seq += 1
        await self._send({"op": 0, "t": event, "s": self._seq, "d": data})

    # -- what users do ----------------------------------------------------------------------------

    def message(
        self,
        author: User,
        channel_id: str,
        content: str,
        *,
        mentions: list[User] = (),  # type: ignore[assignment]
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": snowflake(),
            "channel_id": channel_id,
            "guild_id": self.guild_id,
            "author": author.payload(),
            "member": author.member(with_user=False),
            "content": content,
            "timestamp": now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [{**u.payload(), "member": u.member(with_user=False)} for u in mentions],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
        }
        if reply_to is not None:
            data["type"] = 19
            data["message_reference"] = {
                "message_id": reply_to["id"],
                "channel_id": channel_id,
                "guild_id": self.guild_id,
            }
            data["referenced_message"] = reply_to
        return data

    async def say(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        data = self.message(*args, **kwargs)
        await self.dispatch("MESSAGE_CREATE", data)
        return data

    def interaction(
        self,
        user: User,
        channel_id: str,
        kind: int,
        data: dict[str, Any],
        message: dict[str, Any] | None = None,
        locale: str = "en-US",
    ) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": snowflake(),
            "application_id": self.application_id,
            "type": kind,
            "token": f"tok-{snowflake()}",
            "version": 1,
            "data": data,
            "guild_id": self.guild_id,
            "channel_id": channel_id,
            "channel": {
                "id": channel_id,
                "type": 0,
                "name": self.channels.get(channel_id, "x"),
                "guild_id": self.guild_id,
            },
            "member": {**user.member(), "permissions": str(self.permissions_of(user))},
            "app_permissions": str(MEMBER_PERMISSIONS),
            "locale": locale,
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": self.guild_id},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if message is not None:
            out["message"] = message
        self._channel_of[out["id"]] = self._channel_of[out["token"]] = channel_id
        return out

    def permissions_of(self, user: User) -> int:
        perms = self.roles[self.guild_id][1]
        for rid in user.roles:
            perms |= self.roles[rid][1]
        return perms

    def command_id(self, name: str) -> str:
        for commands in self.synced.values():
            for c in commands:
                if c["name"] == name:
                    return str(c["id"])
        raise KeyError(f"/{name} was never synced")

    async def slash(
        self,
        user: User,
        channel_id: str,
        name: str,
        options: list[dict[str, Any]],
        *,
        resolved: dict[str, Any] | None = None,
        locale: str = "en-US",
    ) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.command_id(name),
            "name": name,
            "type": 1,
            "options": options,
            "guild_id": self.guild_id,
        }
        if resolved:
            data["resolved"] = resolved
        payload = self.interaction(user, channel_id, 2, data, locale=locale)
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload

    async def autocomplete(self, user: User, channel_id: str, name: str, options: list[dict[str, Any]]) -> None:
        data = {"id": self.command_id(name), "name": name, "type": 1, "options": options, "guild_id": self.guild_id}
        await self.dispatch("INTERACTION_CREATE", self.interaction(user, channel_id, 4, data))

    async def click(self, user: User, message: dict[str, Any], custom_id: str, values: list[str] | None = None) -> None:
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": 2 if values is None else 3}
        if values is not None:
            data["values"] = values
        await self.dispatch(
            "INTERACTION_CREATE", self.interaction(user, message["channel_id"], 3, data, message=message)
        )

    # -- waiting for what the bot does ------------------------------------------------------------

    def wait_request(self, predicate: Callable[[Request], bool]) -> asyncio.Future[Request]:
        fut: asyncio.Future[Request] = asyncio.get_running_loop().create_future()
        self._waiters.append((predicate, fut))
        return fut

    def sent(self) -> list[Request]:
        """Requests that put text in front of users (messages, interaction responses, edits)."""
        return [
            r
            for r in self.requests
            if r.method in ("POST", "PATCH")
            and ("/messages" in r.path or "/callback" in r.path or r.path.startswith("/webhooks/"))
        ]

    # -- REST -------------------------------------------------------------------------------------

    @staticmethod
    def _json(payload: Any, status: int = 200) -> web.Response:
        return web.Response(
            body=json.dumps(payload).encode(), status=status, headers={"Content-Type": "application/json"}
        )

    async def _attachment(self, request: web.Request) -> web.Response:
        data = self.attachments.get(request.match_info["name"])
        if data is None:
            return web.Response(status=404)
        return web.Response(body=data, headers={"Content-Type": "application/octet-stream"})

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body: Any = None
        files: dict[str, bytes] = {}
        if request.content_type == "application/json":
            body = await request.json()
        elif request.content_type.startswith("multipart/"):
            form = await request.post()
            for key, value in form.items():
                if key == "payload_json":
                    body = json.loads(str(value))
                elif hasattr(value, "file"):
                    files[key] = value.file.read()
        rec = Request(request.method, path, dict(request.query), body, files)
        self.requests.append(rec)
        response = self._route(rec)
        for predicate, fut in list(self._waiters):
            if not fut.done() and predicate(rec):
                fut.set_result(rec)
                self._waiters.remove((predicate, fut))
        return response

    def _bot_message(self, channel_id: str, body: dict[str, Any], *, flags: int = 0) -> dict[str, Any]:
        msg = {
            "id": snowflake(),
            "channel_id": channel_id,
            "author": self.bot.payload(),
            "content": body.get("content") or "",
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "attachments": [],
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "timestamp": now(),
            "edited_timestamp": None,
            "type": 19 if body.get("message_reference") else 0,
            "flags": body.get("flags", flags) or 0,
        }
        self.messages[msg["id"]] = msg
        return msg

    def _route(self, r: Request) -> web.Response:
        parts = r.path.strip("/").split("/")
        if r.method == "GET" and r.path == "/users/@me":
            if self.reject_token:
                return self._json({"message": "401: Unauthorized", "code": 0}, 401)
            return self._json(self.bot.payload())
        if r.method == "GET" and r.path == "/oauth2/applications/@me":
            return self._json(
                {
                    "id": self.application_id,
                    "name": "devicebot",
                    "description": "",
                    "icon": None,
                    "bot_public": True,
                    "bot_require_code_grant": False,
                    "owner": self.owner.payload(),
                    "verify_key": "0" * 64,
                    "flags": 0,
                }
            )
        if r.method == "GET" and r.path in ("/gateway", "/gateway/bot"):
            return self._json(
                {
                    "url": f"ws://127.0.0.1:{self.port}/gateway",
                    "shards": 1,
                    "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
                }
            )
        if r.method == "PUT" and parts[0] == "applications" and parts[-1] == "commands":
            commands = [
                {**c, "id": snowflake(), "application_id": self.application_id, "version": snowflake()} for c in r.body
            ]
            self.synced[r.path] = commands
            return self._json(commands)
        if parts[0] == "channels" and len(parts) >= 3 and parts[2] == "messages":
            if r.method == "POST" and len(parts) == 3:
                return self._json(self._bot_message(parts[1], r.body))
            if r.method == "PATCH" and len(parts) == 4:
                msg = self.messages.get(parts[3]) or self._bot_message(parts[1], {})
                msg.update({k: v for k, v in r.body.items() if k in ("content", "embeds", "components")})
                return self._json(msg)
            if r.method == "DELETE":
                return web.Response(status=204)
        if r.method == "POST" and parts[0] == "interactions" and parts[-1] == "callback":
            kind = r.body["type"]
            data = r.body.get("data") or {}
            interaction = {
                "id": parts[1],
                "type": 2,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(data.get("flags", 0) & 64),
            }
            resource: dict[str, Any] = {"type": kind}
            channel = self._channel_of.get(parts[1], "0")
            if kind in (4, 5):
                msg = self._bot_message(channel, data)
                self.messages[f"original:{parts[2]}"] = msg
                resource["message"] = msg
                interaction["response_message_id"] = msg["id"]
            elif kind == 7:
                resource["message"] = self._bot_message(channel, data)
            return self._json({"interaction": interaction, "resource": resource})
        if parts[0] == "webhooks" and len(parts) >= 3:
            token = parts[2]
            channel = self._channel_of.get(token, "0")
            if r.method == "POST" and len(parts) == 3:
                return self._json(self._bot_message(channel, r.body or {}))
            if len(parts) == 5 and parts[3] == "messages":
                key = f"original:{token}" if parts[4] == "@original" else parts[4]
                msg = self.messages.get(key) or self._bot_message(channel, {})
                if r.method == "PATCH":
                    msg.update({k: v for k, v in (r.body or {}).items() if k in ("content", "embeds", "components")})
                if r.method in ("GET", "PATCH"):
                    return self._json(msg)
                if r.method == "DELETE":
                    return web.Response(status=204)
        self.unhandled.append(f"{r.method} {r.path}")
        return self._json({"message": f"fake Discord has no route for {r.method} {r.path}", "code": 0}, 404)
