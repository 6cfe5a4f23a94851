"""The wheel's build hook: the shipped knowledge seeded into a database and indexed once, here,
instead of on every user's first `devicebot ask` (see `bot/seed.py`). The files are made in a
temporary folder and put into the wheel as `bot/_seed/`; they are never part of the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

FILES = ("seed.json", "shipped.db", "shipped.db.snapshot")


class SeedHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install reads the checkout, which seeds from the YAML
        self._folder = Path(tempfile.mkdtemp(prefix="devicebot-seed-"))
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [self.root, os.environ.get("PYTHONPATH")]))}
        env.pop("DEVICEBOT_DB", None)
        subprocess.run(
            [sys.executable, "-m", "bot.seed", str(self._folder / "_seed")], cwd=self.root, env=env, check=True
        )
        for name in FILES:
            build_data["force_include"][str(self._folder / "_seed" / name)] = f"bot/_seed/{name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
