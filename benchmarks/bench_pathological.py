"""Pathological mails (issue 9): each is built here, then ingested into a fresh SQLite store by
a child process of its own, so the peak RSS printed is that mail's alone (the child's
VmHWM: the interpreter, the imports, the raw bytes read from a file, then `ingest`). The
time is that of `ingest` (parse + store + acknowledgement). Targets: < 2 s and < 200 MB per
mail. Also shown: whether the stored raw bytes are the mail's, and whether its sender and
subject were read. Prints figures; asserts nothing.

    python benchmarks/bench_pathological.py [--only NAME ...] [--timeout SECONDS]
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_SECONDS = 2.0
TARGET_MB = 200.0
MEMORY_LIMIT = 4 << 30  # a child that needs more fails instead of starving the shared machine
SENDER = "jean@client.example"
RULES = Path(__file__).resolve().parents[1] / "data" / "routing.toml"


def head(subject: str, **extra: str) -> str:
    """The header block (ASCII subjects, so the expected subject is read back plainly)."""
    fields = {
        "From": f"Jean Client <{SENDER}>",
        "To": "support@logeas.fr",
        "Subject": subject,
        "Date": "Tue, 24 Nov 2026 10:12:00 +0100",
        "Message-ID": f"<{zlib.crc32(subject.encode())}@client.example>",
        "MIME-Version": "1.0",
        **extra,
    }
    return "".join(f"{name}: {value}\n" for name, value in fields.items())


def with_attachment(megabytes: int) -> bytes:
    data = base64.encodebytes(random.Random(megabytes).randbytes(megabytes << 20))
    return (
        (
            head(
                f"Piece jointe de {megabytes} Mo",
                **{"Content-Type": 'multipart/mixed; boundary="b"'},
            )
            + "\n--b\nContent-Type: text/plain; charset=utf-8\n\nVoici le fichier.\n--b\n"
            + "Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n"
            + 'Content-Disposition: attachment; filename="sauvegarde.bin"\n\n'
        ).encode()
        + data
        + b"--b--\n"
    )


def html_links(count: int = 5_000) -> bytes:
    links = "".join(f'<p><a href="https://x.example/{i}">lien {i}</a></p>\n' for i in range(count))
    return (
        head("Liens", **{"Content-Type": "text/html; charset=utf-8"})
        + f"\n<html><body>{links}</body></html>\n"
    ).encode()


def nested(levels: int) -> bytes:
    body = "".join(
        f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(levels)
    )
    body += "Content-Type: text/plain\n\ntout au fond\n"
    body += "".join(f"--b{i}--\n" for i in reversed(range(levels)))
    return (head(f"MIME {levels} niveaux") + body).encode()


def big_header(size: int = 100 << 10) -> bytes:
    words = " ".join(f"mot{i}" for i in range(size // 6))[:size]
    folded = "\n ".join(words[i : i + 76] for i in range(0, len(words), 76))
    return (head("En-tete de 100 Ko", **{"X-Rapport": folded}) + "\nBonjour\n").encode()


def encoded_words(count: int = 20_000) -> bytes:
    many = " ".join(f"=?utf-8?q?Jean_{i}?= <j{i}@x.example>," for i in range(count))
    # From begins with the real sender, so "From read" means the first address was kept
    return (
        f"From: Jean Client <{SENDER}>, {many}\nTo: {many}\nSubject: Mots encodes\n"
        "Message-ID: <encoded@client.example>\nDate: Tue, 24 Nov 2026 10:12:00 +0100\n\nBonjour\n"
    ).encode()


def attachments(count: int = 25_000) -> bytes:
    parts = "".join(
        f'--b\nContent-Type: text/plain\nContent-Disposition: attachment; filename="f{i}.txt"\n\n'
        f"fichier {i}\n"
        for i in range(count)
    )
    return (
        head(f"{count} pieces jointes", **{"Content-Type": 'multipart/mixed; boundary="b"'})
        + "\n"
        + parts
        + "--b--\n"
    ).encode()


def recipients(count: int = 5_000) -> bytes:
    to = ",\n ".join(f"Client {i} <c{i}@client.example>" for i in range(count))
    return (head(f"{count} destinataires", To=to) + "\nBonjour\n").encode()


def references(count: int = 50_000) -> bytes:
    ids = "\n ".join(f"<ref{i}@client.example>" for i in range(count))
    return (
        head("Fil de 50 000", References=ids, **{"In-Reply-To": f"<ref{count - 1}@client.example>"})
        + "\nBonjour\n"
    ).encode()


CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "attach-10mb": ("10 MB attachment", lambda: with_attachment(10)),
    "attach-50mb": ("50 MB attachment", lambda: with_attachment(50)),
    "html-5000-links": ("HTML, 5,000 links", html_links),
    "mime-50": ("MIME 50 levels deep", lambda: nested(50)),
    "mime-500": ("MIME 500 levels deep", lambda: nested(500)),
    "mime-5000": ("MIME 5,000 levels deep", lambda: nested(5_000)),
    "header-100kb": ("one 100 KB header", big_header),
    "encoded-words-20000": ("20,000 encoded words in From and To", encoded_words),
    "attachments-25000": ("25,000 attachments", attachments),
    "recipients-5000": ("5,000 recipients", recipients),
    "references-50000": ("50,000 References", references),
}


def subject_of(raw: bytes) -> str:
    from email import message_from_bytes, policy

    return str(message_from_bytes(raw.split(b"\n\n", 1)[0], policy=policy.default)["Subject"])


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM). Not ru_maxrss: Linux carries that across
    exec, so a child would report the peak of the parent that forked it."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(raw_path: str, store: str) -> None:
    """In the child: ingest the mail of `raw_path` into a new store; print one JSON line."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    import hashlib

    from logeas_tui.core.clock import SystemClock
    from logeas_tui.core.config import Config
    from logeas_tui.core.mail.route import load_rules
    from logeas_tui.core.services.desk import Desk
    from logeas_tui.core.services.inbound import ingest
    from logeas_tui.core.services.setup import ensure_setup
    from logeas_tui.core.store import queries
    from logeas_tui.core.store.connection import close_store, open_store
    from logeas_tui.core.store.models import Message

    open_store(store)
    config = Config(language="fr")
    ensure_setup(config)
    desk = Desk(config, SystemClock())
    rules = load_rules(RULES)
    raw = Path(raw_path).read_bytes()
    before = peak_rss_mb()
    started = time.perf_counter()
    result = ingest(desk, raw, rules)
    seconds = time.perf_counter() - started
    peak = peak_rss_mb()
    stored = Message.get_or_none(Message.raw_sha256 == hashlib.sha256(raw).hexdigest())
    kept = result.number is not None and queries.raw_message(result.number) == raw
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak_mb": peak,
                "before_mb": before,
                "kept": kept,
                "from": stored.from_addr if stored else None,
                "subject": stored.subject if stored else None,
                "outcome": result.outcome,
                "problem": (stored.parse_problem or "")[:70] if stored else None,
            }
        )
    )
    close_store()


def measure(key: str, directory: Path, timeout: float) -> list[str]:
    label, build = CASES[key]
    raw = build()
    raw_path = directory / f"{key}.eml"
    raw_path.write_bytes(raw)
    size = f"{len(raw) / (1 << 20):.1f} MB" if len(raw) >= 1 << 20 else f"{len(raw) >> 10} KB"
    store = directory / f"{key}.sqlite"
    command = [sys.executable, __file__, "--child", str(raw_path), str(store)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return [label, size, f"> {timeout:.0f} s", "?", "?", "?", "?", "OVER: time", "stopped"]
    finally:
        raw_path.unlink()
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or ["?"])[-1][:60]
        return [
            label,
            size,
            "failed",
            "?",
            "?",
            "?",
            "?",
            "FAILED",
            f"exit {done.returncode}: {why}",
        ]
    got = json.loads(done.stdout.strip().splitlines()[-1])
    over = [
        what
        for what, bad in (
            ("time", got["seconds"] >= TARGET_SECONDS),
            ("memory", got["peak_mb"] >= TARGET_MB),
            ("raw", not got["kept"]),
            ("from", got["from"] != SENDER),
            ("subject", got["subject"] != subject_of(raw)),
        )
        if bad
    ]
    return [
        label,
        size,
        f"{got['seconds']:.2f} s",
        f"{got['peak_mb']:.0f} MB (start {got['before_mb']:.0f})",
        "yes" if got["kept"] else "NO",
        "yes" if got["from"] == SENDER else f"NO ({got['from']!r:.30})",
        "yes" if got["subject"] == subject_of(raw) else f"NO ({got['subject']!r:.30})",
        "ok" if not over else "OVER: " + ", ".join(over),
        got["outcome"] + (f"; {got['problem']}" if got["problem"] else ""),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(CASES), help="these cases only")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per mail")
    parser.add_argument("--child", nargs=2, metavar=("RAW", "STORE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    print(
        f"pathological mails, one child process each; targets: ingest < {TARGET_SECONDS:.0f} s, "
        f"peak RSS < {TARGET_MB:.0f} MB"
    )
    header = ["mail", "size", "ingest", "peak RSS", "raw kept", "From", "Subject", "", "notes"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        for key in args.only or list(CASES):
            row = measure(key, Path(tmp), args.timeout)
            print("| " + " | ".join(row) + " |", flush=True)


if __name__ == "__main__":
    main()
