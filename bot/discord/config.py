"""The bot's settings, from the environment (and an optional `.env` file in the working directory).

Every value is checked at start: a bad one stops the bot with a message naming the variable, rather
than failing later in the middle of a conversation.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_COOLDOWN = (3, 30.0)
_ID = re.compile(r"^\d{15,22}$")  # a Discord snowflake
_COOLDOWN = re.compile(r"^\s*(\d+)\s*/\s*(\d+(?:\.\d+)?)\s*s?\s*$")


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Config:
    token: str = field(repr=False)
    db: Path | None = None
    mod_role_ids: frozenset[int] = frozenset()
    mod_role_names: frozenset[str] = frozenset()  # casefolded
    guild_ids: tuple[int, ...] = ()
    answer_channels: frozenset[int] = frozenset()
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    cooldown_rate: int = DEFAULT_COOLDOWN[0]
    cooldown_per: float = DEFAULT_COOLDOWN[1]
    http_host: str = "127.0.0.1"
    http_port: int | None = None

    @property
    def sharded(self) -> bool:
        return self.shard_count is not None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")) -> Config:
        """Read the settings: the environment first, then `env_file` for variables it does not set."""
        env = dict(read_env_file(env_file)) if env_file is not None and env_file.is_file() else {}
        env.update(os.environ if environ is None else environ)

        def get(name: str) -> str | None:
            value = env.get(name)
            return value.strip() if value is not None and value.strip() else None

        token = get("DISCORD_TOKEN")
        if token is None:
            raise ConfigError(
                "DISCORD_TOKEN is not set: put the bot token from the Discord developer portal "
                "(Applications → your app → Bot → Reset Token) in the environment or in .env"
            )
        if token.lower().startswith("bot "):
            token = token[4:].strip()  # "Bot <token>" as in an Authorization header
        if any(ch.isspace() for ch in token):
            raise ConfigError("DISCORD_TOKEN contains spaces: paste only the token itself")

        role_ids: set[int] = set()
        role_names: set[str] = set()
        for item in _items(get("DEVICEBOT_MOD_ROLES")):
            if item.isdigit():
                role_ids.add(_snowflake("DEVICEBOT_MOD_ROLES", item))
            else:
                role_names.add(item.lstrip("@").casefold())

        guild_ids = tuple(
            dict.fromkeys(_snowflake("DEVICEBOT_GUILD_IDS", i) for i in _items(get("DEVICEBOT_GUILD_IDS")))
        )
        channels = frozenset(
            _snowflake("DEVICEBOT_ANSWER_CHANNELS", i) for i in _items(get("DEVICEBOT_ANSWER_CHANNELS"))
        )

        shard_count = _positive_int("DEVICEBOT_SHARD_COUNT", get("DEVICEBOT_SHARD_COUNT"))
        shard_ids: tuple[int, ...] | None = None
        raw_ids = get("DEVICEBOT_SHARD_IDS")
        if raw_ids is not None:
            if shard_count is None:
                raise ConfigError("DEVICEBOT_SHARD_IDS needs DEVICEBOT_SHARD_COUNT (the total number of shards)")
            ids = []
            for item in _items(raw_ids):
                if not item.isdigit() or int(item) >= shard_count:
                    raise ConfigError(
                        f"DEVICEBOT_SHARD_IDS: {item!r} is not a shard id (0 to {shard_count - 1}, "
                        f"as DEVICEBOT_SHARD_COUNT={shard_count})"
                    )
                ids.append(int(item))
            shard_ids = tuple(sorted(set(ids)))

        rate, per = DEFAULT_COOLDOWN
        raw_cooldown = get("DEVICEBOT_COOLDOWN")
        if raw_cooldown is not None:
            m = _COOLDOWN.match(raw_cooldown)
            if not m or int(m.group(1)) < 1 or float(m.group(2)) <= 0:
                raise ConfigError(
                    f"DEVICEBOT_COOLDOWN={raw_cooldown!r}: expected QUESTIONS/SECONDS per user, e.g. 3/30"
                )
            rate, per = int(m.group(1)), float(m.group(2))

        http_port = None
        raw_port = get("DEVICEBOT_HTTP_PORT")
        if raw_port is not None:
            if not raw_port.isdigit() or not 0 < int(raw_port) < 65536:
                raise ConfigError(f"DEVICEBOT_HTTP_PORT={raw_port!r} is not a port number (1-65535)")
            http_port = int(raw_port)

        db = get("DEVICEBOT_DB")
        return cls(
            token=token,
            db=Path(db) if db else None,
            mod_role_ids=frozenset(role_ids),
            mod_role_names=frozenset(role_names),
            guild_ids=guild_ids,
            answer_channels=channels,
            shard_count=shard_count,
            shard_ids=shard_ids,
            cooldown_rate=rate,
            cooldown_per=per,
            http_host=get("DEVICEBOT_HTTP_HOST") or "127.0.0.1",
            http_port=http_port,
        )


def read_env_file(path: Path) -> dict[str, str]:
    """`KEY=value` lines; `#` comments, blank lines, an `export ` prefix and quotes are allowed."""
    out: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export ") :].lstrip()
        key, sep, value = line.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", key):
            raise ConfigError(f"{path}: line {number}: expected KEY=value")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()
        out[key] = value
    return out


def _items(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def _snowflake(name: str, item: str) -> int:
    if not _ID.match(item):
        raise ConfigError(
            f"{name}: {item!r} is not a Discord id (a number like 123456789012345678; "
            "turn on Developer Mode in Discord and use Copy ID)"
        )
    return int(item)


def _positive_int(name: str, value: str | None) -> int | None:
    if value is None:
        return None
    if not value.isdigit() or int(value) < 1:
        raise ConfigError(f"{name}={value!r}: expected a whole number of 1 or more")
    return int(value)
