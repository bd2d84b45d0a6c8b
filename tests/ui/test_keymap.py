"""`[keys]` is checked against the registry before the app starts: a key can only be given to
one action, must be a key Textual reads, and the id must be an action's."""

from __future__ import annotations

from pathlib import Path

import pytest

from logeas_tui import keymap
from logeas_tui.core.config import load
from logeas_tui.core.errors import ConfigError


def refusal(tmp_path: Path, keys: str) -> str:
    path = tmp_path / "config.toml"
    path.write_text(f'language = "en"\n\n[keys]\n{keys}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        keymap.check(load(path))
    message = str(caught.value)
    assert message.startswith(f"{path}, line 4: key 'keys."), message
    return message


@pytest.mark.parametrize(
    ("keys", "says"),
    [
        ('merge = "r"', "'r' is already the key of 'reply'"),
        ('merge = "q"', "'q' is already the key of 'quit'"),
        ('reply = "m,M"', "'m' is already the key of 'merge'"),
        ('merge = "j"', "'j' moves in the lists"),
        ('merge = "f5"', "'f5' is already the key of 'reload'"),
        ('take = "A"', "'A' is already the key of 'assign'"),
        ('merge = "ctrl+nope"', "'ctrl+nope' is not a key name"),
        ('merge = "hyperdrive+m"', "is not a key name"),
        ('merj = "M"', "no action has this id (ids: quit, help"),
    ],
)
def test_a_keymap_the_app_could_not_honour_is_refused(tmp_path: Path, keys: str, says: str):
    assert says in refusal(tmp_path, keys)


def test_a_free_key_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[keys]\nmerge = "ctrl+e"\nreply = "f6,ctrl+o"\nhelp = "f1"\n', encoding="utf-8"
    )
    keymap.check(load(path))  # raises nothing
