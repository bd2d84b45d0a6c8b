"""The daily backup the config asks for: made once per local day by the first copy to look,
found made by the others, the oldest beyond `keep` removed; a bad setting names file and key."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from logeas_tui.core import config as config_mod
from logeas_tui.core.clock import FixedClock
from logeas_tui.core.errors import ConfigError
from logeas_tui.core.services.daily_backup import backup_if_due
from logeas_tui.core.services.desk import Desk
from tests.unit.test_cli import CONFIG

PARIS = ZoneInfo("Europe/Paris")


def _desk(desk: Desk, folder: Path, day: int, hour: int = 10) -> Desk:
    config = replace(desk.config, backup_folder=folder, backup_keep=2)
    return replace(
        desk, config=config, clock=FixedClock(datetime(2026, 11, day, hour, tzinfo=PARIS))
    )


def test_one_backup_a_day_the_oldest_beyond_keep_removed(desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    first = backup_if_due(_desk(desk, folder, 23))
    assert first == folder / "logeas-20261123.sqlite" and first.is_file()
    assert backup_if_due(_desk(desk, folder, 23, hour=18)) is None  # made already today
    assert backup_if_due(_desk(desk, folder, 24)) == folder / "logeas-20261124.sqlite"
    assert backup_if_due(_desk(desk, folder, 25)) == folder / "logeas-20261125.sqlite"
    assert sorted(p.name for p in folder.iterdir()) == [
        "logeas-20261124.sqlite",
        "logeas-20261125.sqlite",
    ]


def test_no_folder_no_backup(desk: Desk) -> None:
    assert desk.config.backup_folder is None
    assert backup_if_due(desk) is None


def test_the_backup_settings_are_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG + '[backup]\nfolder = "saves"\nkeep = 3\n', encoding="utf-8")
    conf = config_mod.load(path)
    assert conf.backup_folder == (tmp_path / "saves").resolve() and conf.backup_keep == 3
    path.write_text(CONFIG + '[backup]\nfolder = "saves"\nkeep = 0\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"backup.*keep.*between 1 and 3650, not 0"):
        config_mod.load(path)
