"""What `pip install .` gives a new user: the wheel carries the knowledge and answers from it."""

from __future__ import annotations

import os
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
