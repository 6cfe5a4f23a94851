"""`devicebot serve` as an operator runs it, over raw sockets on loopback: idle and slow connections are
closed, a long question in any script gets the JSON 413, /healthz does not say where the database is,
and a database in a read-only folder is still answered from."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_faults import SMALL, _unprivileged, make_db

from bot.matching import MAX_QUESTION_CHARS

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, port: int, db: Path) -> None:
        self.port, self.db = port, db

    def get(self, target: str) -> tuple[int, str, str]:
        """(status, content type, body) of a GET."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{target}", timeout=60) as r:
                return r.status, r.headers["Content-Type"], r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.headers["Content-Type"], e.read().decode()

    def connect(self) -> socket.socket:
        sock = socket.create_connection(("127.0.0.1", self.port))
        sock.settimeout(60)  # far beyond --idle: a socket the server never closes fails the test
        return sock


def _until_closed(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    received = b""
    while chunk := sock.recv(65536):
        received += chunk
    return received


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """`devicebot serve --idle 0.5`, on a database in a folder it cannot write, as a user it cannot write as."""
    folder = Path(tempfile.mkdtemp(prefix="devicebot-serve-"))
    folder.chmod(0o755)
    db = make_db(folder / "kb.db", SMALL)
    folder.chmod(0o555)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DEVICEBOT_DB", None)
    command = [sys.executable, "-m", "bot", "--db", str(db), "serve", "--port", str(port), "--idle", "0.5"]
    process = subprocess.Popen([*_unprivileged(), *command], env=env, stderr=subprocess.PIPE, text=True)
    srv = Server(port, db)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            try:
                if srv.get("/healthz")[0] == 200:
                    break
            except OSError:
                assert time.monotonic() < deadline, "the service did not start"
                time.sleep(0.2)
        yield srv
    finally:
        process.terminate()
        process.wait(timeout=60)
        folder.chmod(0o755)
        shutil.rmtree(folder)


def test_a_read_only_database_is_answered_from(server: Server) -> None:
    status, _, body = server.get("/api/ask?q=" + urllib.parse.quote("will the pixel 9 work on tmo"))
    assert status == 200 and json.loads(body)["device"]["id"] == "pixel-9"
    status, _, body = server.get("/healthz")
    health = json.loads(body)
    assert status == 200 and health["database"] == {"ok": True, "read_only": True}
    assert str(server.db.parent) not in body and "kb.db" not in body


def test_a_client_that_never_sends_a_request_is_disconnected(server: Server) -> None:
    with server.connect() as sock:
        assert _until_closed(sock) == b""


def test_a_client_that_stops_half_way_through_its_request_is_disconnected(server: Server) -> None:
    with server.connect() as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        assert _until_closed(sock) == b""


def test_an_idle_keep_alive_connection_is_closed_after_its_answer(server: Server) -> None:
    with server.connect() as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n")
        assert _until_closed(sock).startswith(b"HTTP/1.1 200")


@pytest.mark.parametrize("char", ["é", "日", "😀"])
def test_a_long_question_in_any_script_gets_the_json_413(server: Server, char: str) -> None:
    over = urllib.parse.quote(char * (MAX_QUESTION_CHARS + 1))
    assert len(over) > 8190  # longer than aiohttp's default request line
    status, kind, body = server.get(f"/api/ask?q={over}&after={over}")
    assert status == 413 and kind.startswith("application/json"), body
    assert json.loads(body)["error"] == f"q is {MAX_QUESTION_CHARS + 1} characters; the limit is {MAX_QUESTION_CHARS}"
    within = urllib.parse.quote("pixel 9 " + char * (MAX_QUESTION_CHARS - 10))
    status, _, body = server.get(f"/api/ask?q={within}&after={within}")
    assert status == 200 and json.loads(body)["question"].startswith("pixel 9")
