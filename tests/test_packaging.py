"""What `pip install .` gives a new user: the wheel carries the knowledge and answers from it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    [path] = out.glob("devicebot-*.whl")
    return path


def test_wheel_carries_the_knowledge(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        f"bot/_knowledge/{p.relative_to(ROOT / 'knowledge')}" for p in (ROOT / "knowledge").rglob("*") if p.is_file()
    }
    assert shipped and shipped <= names
    assert "bot/cli.py" in names
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "devicebot = bot.cli:main" in entry_points


def test_installed_copy_seeds_a_new_database_from_the_wheel(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "DEVICEBOT_DB": str(tmp_path / "user.db")}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "kb", "stats", "--json"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '"vendors"' in result.stdout
    # The knowledge came from the copy inside the wheel, not from a checkout.
    where = subprocess.run(
        [sys.executable, "-c", "from bot import bundle; print(bundle.shipped_knowledge_dir())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert Path(where.stdout.strip()) == site / "bot" / "_knowledge"


def test_the_installed_copy_s_first_ask_copies_the_seed_built_with_the_wheel(wheel: Path, tmp_path: Path) -> None:
    """The wheel carries the shipped knowledge seeded and indexed (`bot/seed.py`, made by the build
    hook): a new database is that one, with its snapshot beside it, and answers as one filled from the
    YAML does."""
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"bot/_seed/seed.json", "bot/_seed/shipped.db", "bot/_seed/shipped.db.snapshot"} <= names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "DEVICEBOT_DB"}
    question = ["ask", "--json", "Is the Xiaomi 14 sold in the US?"]
    db = tmp_path / "user.db"
    installed = subprocess.run(
        [sys.executable, "-m", "bot", "--db", str(db), *question],
        cwd=elsewhere, env={**env, "PYTHONPATH": str(site)}, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    manifest = json.loads((site / "bot" / "_seed" / "seed.json").read_text())
    with sqlite3.connect(db) as conn:
        assert conn.execute("select token from knowledge_state").fetchone()[0] == manifest["state"]
    assert (tmp_path / "user.db.snapshot").read_bytes() == (site / "bot" / "_seed" / "shipped.db.snapshot").read_bytes()
    # The checkout has no seed: it fills its database from the YAML, and answers the same.
    checkout = subprocess.run(
        [sys.executable, "-m", "bot", "--db", str(tmp_path / "checkout.db"), *question],
        cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    assert json.loads(installed.stdout) == json.loads(checkout.stdout)
    with sqlite3.connect(db) as a, sqlite3.connect(tmp_path / "checkout.db") as b:
        for kind in ("vendors", "devices", "carriers", "statements"):
            assert (
                a.execute(f"select * from {kind} order by id").fetchall()
                == b.execute(f"select * from {kind} order by id").fetchall()
            )
