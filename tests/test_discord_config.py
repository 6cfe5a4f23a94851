"""The bot's settings (environment and .env), its intents, and who may edit the knowledge."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.bundle import KnowledgeError, Problem
from bot.dbfaults import read_only
from bot.discord.client import QuestionCooldown, intents_for, user_message
from bot.discord.config import Config, ConfigError
from bot.discord.permissions import NotModerator, may_edit, member_may_edit

ID1, ID2 = "123456789012345678", "234567890123456789"


def config(**env: str) -> Config:
    return Config.from_env({"DISCORD_TOKEN": "tok.en", **env}, env_file=None)


def test_defaults() -> None:
    c = config()
    assert c.token == "tok.en"
    assert c.db is None and c.guild_ids == () and c.answer_channels == frozenset()
    assert c.mod_role_ids == frozenset() and c.mod_role_names == frozenset()
    assert (c.cooldown_rate, c.cooldown_per) == (3, 30.0)
    assert c.shard_count is None and not c.sharded and c.http_port is None
    assert "tok.en" not in repr(c), "the token never shows in logs"


def test_every_setting() -> None:
    c = config(
        DEVICEBOT_DB="/data/x.db",
        DEVICEBOT_MOD_ROLES=f"{ID1}, Moderators , @Phone Helpers",
        DEVICEBOT_GUILD_IDS=f"{ID1},{ID2},{ID1}",
        DEVICEBOT_ANSWER_CHANNELS=ID2,
        DEVICEBOT_SHARD_COUNT="4",
        DEVICEBOT_SHARD_IDS="2, 3",
        DEVICEBOT_COOLDOWN="5 / 60s",
        DEVICEBOT_HTTP_PORT="8080",
        DEVICEBOT_HTTP_HOST="0.0.0.0",
    )
    assert c.db == Path("/data/x.db")
    assert c.mod_role_ids == {int(ID1)} and c.mod_role_names == {"moderators", "phone helpers"}
    assert c.guild_ids == (int(ID1), int(ID2))
    assert c.answer_channels == {int(ID2)}
    assert (c.shard_count, c.shard_ids, c.sharded) == (4, (2, 3), True)
    assert (c.cooldown_rate, c.cooldown_per) == (5, 60.0)
    assert (c.http_host, c.http_port) == ("0.0.0.0", 8080)
    assert config(DISCORD_TOKEN="Bot abc").token == "abc"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DISCORD_TOKEN": ""}, "DISCORD_TOKEN is not set"),
        ({"DISCORD_TOKEN": "two words"}, "DISCORD_TOKEN contains spaces"),
        ({"DEVICEBOT_GUILD_IDS": "my-server"}, "DEVICEBOT_GUILD_IDS: 'my-server' is not a Discord id"),
        ({"DEVICEBOT_ANSWER_CHANNELS": "#help"}, "DEVICEBOT_ANSWER_CHANNELS: '#help' is not a Discord id"),
        ({"DEVICEBOT_MOD_ROLES": "12"}, "DEVICEBOT_MOD_ROLES: '12' is not a Discord id"),
        ({"DEVICEBOT_SHARD_COUNT": "0"}, "DEVICEBOT_SHARD_COUNT='0': expected a whole number of 1 or more"),
        ({"DEVICEBOT_SHARD_IDS": "0"}, "DEVICEBOT_SHARD_IDS needs DEVICEBOT_SHARD_COUNT"),
        (
            {"DEVICEBOT_SHARD_COUNT": "2", "DEVICEBOT_SHARD_IDS": "2"},
            "DEVICEBOT_SHARD_IDS: '2' is not a shard id (0 to 1",
        ),
        ({"DEVICEBOT_COOLDOWN": "fast"}, "DEVICEBOT_COOLDOWN='fast': expected QUESTIONS/SECONDS per user, e.g. 3/30"),
        ({"DEVICEBOT_COOLDOWN": "0/30"}, "DEVICEBOT_COOLDOWN='0/30'"),
        ({"DEVICEBOT_HTTP_PORT": "80a"}, "DEVICEBOT_HTTP_PORT='80a' is not a port number"),
    ],
)
def test_bad_values_name_the_variable(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        Config.from_env({"DISCORD_TOKEN": "t", **env}, env_file=None)
    assert str(info.value).startswith(message)


def test_env_file(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text(
        "# devicebot settings\n"
        "export DISCORD_TOKEN='from-file'\n"
        'DEVICEBOT_COOLDOWN="2/10"\n'
        "DEVICEBOT_GUILD_IDS=" + ID1 + "  # the test server\n"
        "\n"
    )
    c = Config.from_env({}, env_file=env)
    assert (c.token, c.cooldown_rate, c.guild_ids) == ("from-file", 2, (int(ID1),))
    assert Config.from_env({"DISCORD_TOKEN": "from-env"}, env_file=env).token == "from-env", "the environment wins"
    assert Config.from_env({"DISCORD_TOKEN": "x"}, env_file=tmp_path / "missing").token == "x"
    env.write_text("this is not a setting\n")
    with pytest.raises(ConfigError, match=r"\.env: line 1: expected KEY=value"):
        Config.from_env({}, env_file=env)


def test_intents() -> None:
    plain = intents_for(config())
    assert not plain.message_content and not plain.members and not plain.presences
    assert plain.guilds and plain.guild_messages and plain.dm_messages
    assert intents_for(config(DEVICEBOT_ANSWER_CHANNELS=ID1)).message_content


def test_who_may_edit() -> None:
    c = config(DEVICEBOT_MOD_ROLES=f"{ID1},Knowledge Keepers")
    assert may_edit(c, [int(ID1)], [], manage_guild=False)
    assert may_edit(c, [], ["knowledge KEEPERS"], manage_guild=False)
    assert may_edit(c, [], [], manage_guild=True)
    assert may_edit(c, [], [], manage_guild=False, administrator=True)
    assert not may_edit(c, [int(ID2)], ["Members", "Keepers"], manage_guild=False)
    assert not may_edit(config(), [int(ID1)], ["Knowledge Keepers"], manage_guild=False), "no roles configured"
    assert not member_may_edit(c, None), "no member (a direct message): nobody"


def test_user_messages() -> None:
    assert user_message(NotModerator("x"))[0].startswith("Only moderators can change the knowledge")
    text, ours = user_message(QuestionCooldown(12.4))
    assert (text, ours) == ("Easy there! You can ask me again in 12 seconds.", False)
    text, ours = user_message(KnowledgeError([Problem("edit", "statement 'x'.date", "not a date")]))
    assert (text, ours) == ("Nothing changed:\nedit: statement 'x'.date: not a date", False)
    # A fault of the database file: what happened, not where the file is.
    text, ours = user_message(read_only(Path("/srv/secret/kb.db")))
    assert not ours and text.startswith("Nothing changed: the database is read-only.") and "/srv" not in text
    assert user_message(RuntimeError("boom")) == (
        "Sorry, something went wrong on my side. It has been logged; please try again in a moment.",
        True,
    )
