"""The wheel, installed the way a user installs it, works away from the checkout.

How, offline and fast:
- built by `pip wheel --no-deps --no-build-isolation --no-index` with this venv's setuptools,
  from a copy of the checkout (an in-tree build would leave build/ and *.egg-info behind);
- installed by this venv's pip (`pip --python`) into a fresh venv made without pip, with
  `--no-deps --no-index`; the dependencies come from this venv through a .pth file naming its
  site-packages. A path line in a .pth file only extends sys.path: the .pth files inside that
  folder (this venv's editable-install hook, which would import the checkout) are not run;
- the installed `logeas` runs from tmp_path with --db, --config and HOME there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
PIP = [sys.executable, "-m", "pip"]
JUNK = (".git", ".venv", "__pycache__", "*.egg-info", "build", "dist", ".*_cache", "*.sqlite*")


def _run(args: list[str | Path], **kwargs: object) -> str:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=300, **kwargs
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _files(folder: Path, *suffixes: str) -> set[str]:
    """The files under `folder` (with one of `suffixes`, when given), relative to it."""
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix in (suffixes or (p.suffix,))
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*JUNK))
    offline = ["-q", "--no-deps", "--no-build-isolation", "--no-index"]
    _run([*PIP, "wheel", *offline, "-w", work / "dist", source])
    (built,) = (work / "dist").glob("logeas_tui-*.whl")
    return built


def test_the_wheel_holds_every_module_style_sheet_and_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {f"logeas_tui/{name}" for name in _files(ROOT / "logeas_tui", ".py", ".tcss")}
    wanted |= {f"logeas_tui/data/{name}" for name in _files(ROOT / "data")}
    assert "logeas_tui/data/queues.toml" in wanted
    assert sorted(wanted - names) == []
    assert not [n for n in names if n.startswith(("data/", "tests/"))]


def test_the_installed_command_works_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    _run([*PIP, "--python", python, "install", "-q", "--no-deps", "--no-index", wheel])
    ours = sysconfig.get_paths()
    site = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    lines = dict.fromkeys([ours["purelib"], ours["platlib"]])
    (Path(site.strip()) / "test-dependencies.pth").write_text("\n".join(lines) + "\n")

    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "LOGEAS_"))}
    env.pop("VIRTUAL_ENV", None)
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), LANG="C.UTF-8")
    env.update(XDG_DATA_HOME=str(home / ".local"), PATH=f"{venv / 'bin'}{os.pathsep}{env['PATH']}")
    run = {"cwd": tmp_path, "env": env}

    where = "import logeas_tui.core.config as c; print(c.__file__); print(c.shipped_data_dir())"
    module, data = (Path(line) for line in _run([python, "-c", where], **run).splitlines())
    assert module.is_relative_to(venv) and data.is_relative_to(venv), (module, data)
    assert (data / "queues.toml").is_file()

    logeas = [venv / "bin" / "logeas"]
    common = ["--db", tmp_path / "desk.sqlite", "--config", tmp_path / "config.toml"]
    queues = [line.split("  ")[0] for line in _run([*logeas, "queues", *common], **run).split("\n")]
    assert "LoGeAs" in queues and "Secrétariat" in queues
    assert "10 demo tickets" in _run([*logeas, "demo", "--tickets", "10", *common], **run)
    tickets = _run([*logeas, "list", *common], **run).splitlines()
    assert len(tickets) == 10 and all(line[:16].isdigit() for line in tickets)
    assert (tmp_path / "config.toml").is_file() and not home.exists()  # --config was obeyed
