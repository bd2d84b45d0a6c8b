"""Turn mail bytes and RFC 2047 encoded words into text without ever failing.

Why not just `bytes.decode(declared_charset)`: real mail lies about its charset. GB2312 labels
sit on GBK text, ISO-2022-JP labels on Shift_JIS bytes, ISO-8859-1 labels on Windows-1252
quotes, headers arrive as raw 8-bit bytes with no label at all, and some labels name no codec.
A strict decode would lose the subject of exactly the mails a technician must still read, so
every decode here tries the label's superset, then its close relatives, then UTF-8, then
Windows-1252, and finally Latin-1 (which maps every byte): text always comes out.
"""

from __future__ import annotations

import binascii
import codecs
import re

# A declared charset is decoded with the superset that real mailers actually produce.
_SUPERSET = {
    "ascii": "utf-8",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "iso8859-1": "cp1252",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
    "tis-620": "cp874",
}
# Charsets worth trying when the declared one fails (mislabelled mail of the same script).
_RELATIVES = {
    "iso2022_jp": ("cp932", "euc_jp"),
    "cp932": ("euc_jp", "iso2022_jp"),
    "euc_jp": ("cp932",),
    "cp949": ("iso2022_kr",),
    "gb18030": ("big5hkscs",),
}
_LAST_RESORT = ("utf-8", "cp1252", "latin-1")

_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?]*?)\?=")
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def codec_name(label: str | None) -> str | None:
    """The Python codec to use for a charset label, or None when the label names no codec."""
    if not label:
        return None
    label = label.strip().strip("\"'").split("*", 1)[0]  # RFC 2231 `charset*lang`
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True):  # base64, zlib… are not charsets
        return None
    return _SUPERSET.get(info.name, info.name)


def _candidates(label: str | None, hint: str | None) -> list[str]:
    names: list[str] = []
    for source in (label, hint):
        name = codec_name(source)
        if name:
            names.append(name)
            names.extend(_RELATIVES.get(name, ()))
    if label is None:  # unlabelled bytes: UTF-8 is by far the most likely
        names.insert(0, "utf-8")
    names.extend(_LAST_RESORT)
    return list(dict.fromkeys(names))


def decode_bytes(data: bytes, label: str | None = None, hint: str | None = None) -> str:
    """Decode `data` declared as `label`; `hint` is the message's charset, tried next."""
    escaped = b"\x1b$" in data or b"\x1b(" in data  # 7-bit ISO-2022 text (Japanese mail)
    if label is None and data.isascii() and not escaped:
        return data.decode("ascii")
    candidates = _candidates(label, hint)
    if escaped:
        candidates.insert(0, "iso2022_jp_2")
    for name in candidates:
        try:
            return data.decode(name)
        except (UnicodeError, LookupError):
            continue
    return data.decode("latin-1")  # unreachable: latin-1 is in _LAST_RESORT


def unsurrogate(value: str, hint: str | None = None) -> str:
    """Recover the text of a raw header value: 8-bit bytes (which the bytes parser keeps as
    surrogate escapes) and unlabelled ISO-2022-JP escape sequences are decoded."""
    if "\x1b" not in value and not any("\udc80" <= ch <= "\udcff" for ch in value):
        return value
    return decode_bytes(value.encode("utf-8", "surrogateescape"), None, hint)


def _word_bytes(kind: str, text: str) -> bytes | None:
    try:
        if kind in "bB":
            text = re.sub(r"[^A-Za-z0-9+/]", "", text)
            text += "=" * (-len(text) % 4)
            return binascii.a2b_base64(text.encode("ascii"))
        return binascii.a2b_qp(text.encode("ascii", "replace"), header=True)
    except (binascii.Error, ValueError):
        return None


def decode_words(value: str, hint: str | None = None) -> str:
    """Decode RFC 2047 encoded words; adjacent words of one charset are joined before decoding
    (a multi-byte character is often split across two words)."""
    out: list[str] = []
    pending: bytearray = bytearray()
    pending_label: str | None = None
    position = 0

    def flush() -> None:
        nonlocal pending, pending_label
        if pending_label is not None:
            out.append(decode_bytes(bytes(pending), pending_label, hint))
        pending, pending_label = bytearray(), None

    for match in _ENCODED_WORD.finditer(value):
        between = value[position : match.start()]
        label, kind, text = match.groups()
        data = _word_bytes(kind, text)
        if data is None:
            flush()
            out.append(between + match.group(0))
        else:
            if between.strip() or label.lower() != (pending_label or "").lower():
                flush()
                if between.strip() or not out:
                    out.append(between)
            pending_label = label
            pending += data
        position = match.end()
    flush()
    out.append(value[position:])
    return "".join(out)


def header_text(raw: str, hint: str | None = None) -> str:
    """A raw header value as one line of readable text: 8-bit bytes recovered, unfolded,
    encoded words decoded, control characters (escape sequences included) made spaces."""
    text = _FOLD.sub("", unsurrogate(raw, hint))
    text = decode_words(text, hint)
    return _CONTROL.sub(" ", text.replace("\t", " "))
