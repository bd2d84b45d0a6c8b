"""Canned answers, documentation references and mail templates: data files under `data/`,
editable without code. Placeholders use `$name` / `${name}`: customer, customer_name, number,
subject, technician (and title, url for documentation references). Unknown placeholders are
left as typed rather than failing."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Template

from logeas_tui.core.errors import ConfigError, NotFound
from logeas_tui.core.sentences import Sentence


@dataclass(frozen=True)
class Canned:
    name: str
    title: str
    body: str  # with placeholders


@dataclass(frozen=True)
class DocRef:
    ref: str
    title: str
    url: str
    summary: str


def fill(text: str, **values: str) -> str:
    return Template(text).safe_substitute(values)


def _split_title(name: str, text: str) -> tuple[str, str]:
    first, _, rest = text.partition("\n")
    if first.lower().startswith("title:"):
        return first.split(":", 1)[1].strip(), rest.lstrip("\n")
    return name, text


def canned_answers(data_dir: Path, language: str) -> list[Canned]:
    """`data/canned/<name>.<lang>.txt` (falls back to any language); first line `Title: …`."""
    found: dict[str, Path] = {}
    for path in sorted((data_dir / "canned").glob("*.txt")):
        name, _, lang = path.stem.rpartition(".")
        if not name:
            name, lang = path.stem, ""
        if name not in found or lang == language:
            found[name] = path
    out = []
    for name, path in sorted(found.items()):
        title, body = _split_title(name, path.read_text(encoding="utf-8"))
        out.append(Canned(name, title, body))
    return out


def canned(data_dir: Path, language: str, name: str) -> Canned:
    for item in canned_answers(data_dir, language):
        if item.name == name:
            return item
    known = ", ".join(c.name for c in canned_answers(data_dir, language))
    raise NotFound(Sentence("no_canned", name=name, known=known))


def doc_refs(data_dir: Path) -> list[DocRef]:
    path = data_dir / "docs.toml"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(Sentence("config.not_toml", path=path, cause=exc)) from None
    out = []
    for n, item in enumerate(raw.get("doc", []), 1):
        try:
            out.append(DocRef(item["ref"], item["title"], item["url"], item.get("summary", "")))
        except KeyError as exc:
            raise ConfigError(
                Sentence("data.doc_field", path=path, n=n, field=repr(exc.args[0]))
            ) from None
    return out


def doc_ref(data_dir: Path, ref: str) -> DocRef:
    for item in doc_refs(data_dir):
        if item.ref == ref:
            return item
    known = ", ".join(d.ref for d in doc_refs(data_dir))
    raise NotFound(Sentence("no_doc", ref=ref, known=known))


def template(data_dir: Path, name: str, language: str) -> str:
    """`data/templates/<name>.<lang>.txt`, French when the language has none."""
    for lang in (language, "fr", "en"):
        path = data_dir / "templates" / f"{name}.{lang}.txt"
        if path.exists():
            return _read(path, path.stat().st_mtime_ns)
    raise NotFound(Sentence("no_template", name=name, folder=str(data_dir / "templates")))


@lru_cache(maxsize=32)
def _read(path: Path, mtime_ns: int) -> str:
    """A template's text, read again only when the file changes (every mail's acknowledgement
    uses one)."""
    return path.read_text(encoding="utf-8")
