"""Big base64 bodies kept out of the stdlib's parse tree (issue 9.7: memory per mail bounded).

Why: the stdlib's parser holds a part's body as a list of lines, then as one string, and
decodes it from yet another copy: a mail with a 50 MB attachment peaked at 611 MB in
`parse_message` alone. Here every run of base64 lines longer than LIFT_BYTES is cut out of the
bytes handed to the parser and replaced by a one-line token (random per mail, so no mail can
forge one); a part whose body is such a token is decoded straight from the mail's bytes
through a memoryview (one copy: the decoded data). Anything else that meets a token (an
attached message written out whole, a body that is not only base64) gets the original bytes
put back first, so what is read is exactly what the stdlib would have read.
"""

from __future__ import annotations

import binascii
import re
import secrets
from collections.abc import Iterator
from email.message import Message

LIFT_BYTES = 256 * 1024  # smaller bodies are left to the parser: their copies cost little
_BASE64_CTE = re.compile(rb"(?im)^content-transfer-encoding:[ \t]*base64[ \t]*\r?$")
_BODY_START = re.compile(rb"\r?\n\r?\n")
_ALPHABET = re.compile(rb"[A-Za-z0-9+/=\r\n]*")  # one greedy repeat: linear, no state per line


def _runs(raw: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of each body of a part declared base64 that is plain, well-formed base64
    (what `get_payload(decode=True)` decodes as `a2b_base64` does) and at least LIFT_BYTES
    long; without its leading and trailing line breaks."""
    position = 0
    while (declared := _BASE64_CTE.search(raw, position)) is not None:
        position = declared.end()
        blank = _BODY_START.search(raw, position)
        if blank is None:
            return
        start = blank.end()
        end = raw.find(b"\n--", start)
        end = len(raw) if end < 0 else end
        position = max(position, start)
        alphabet = _ALPHABET.match(raw, start, end)  # (always matches: it may match nothing)
        if end - start < LIFT_BYTES or alphabet is None or alphabet.end() != end:
            continue
        while end > start and raw[end - 1] in b"\r\n":
            end -= 1
        letters = end - start - raw.count(b"\n", start, end) - raw.count(b"\r", start, end)
        padding = raw.find(b"=", start, end)
        if letters % 4 == 0 and (padding < 0 or end - padding <= 2):
            position = end
            yield start, end


class Lifted:
    """`text`: the mail as the parser reads it; `data(part)`: a leaf part's decoded bytes."""

    def __init__(self, raw: bytes) -> None:
        self._raw = memoryview(raw)
        self._nonce = secrets.token_hex(8)
        self._spans: dict[str, tuple[int, int]] = {}
        pieces: list[bytes] = []
        position = 0
        for start, end in _runs(raw):
            token = self._token(len(self._spans))
            self._spans[token] = (start, end)
            pieces += [raw[position:start], token.encode("ascii")]
            position = end
        self.text = raw if not self._spans else b"".join([*pieces, raw[position:]])

    def _token(self, index: int) -> str:
        return f"logeas-lifted-{self._nonce}-{index}"

    def data(self, part: Message) -> bytes:
        """The part's payload decoded as `get_payload(decode=True)` would: straight from the raw
        bytes when its body is one lifted run, else from its text with the runs put back."""
        payload = part.get_payload()
        if isinstance(payload, str) and self._spans and self._nonce in payload:
            span = self._spans.get(payload.strip())
            cte = str(part.get("content-transfer-encoding", "")).strip().lower()
            if span is not None and cte == "base64":
                return binascii.a2b_base64(self._raw[span[0] : span[1]])
            text = payload.encode("ascii", "surrogateescape")
            part.set_payload(self.restore(text, written=False).decode("ascii", "surrogateescape"))
        decoded = part.get_payload(decode=True)
        return decoded if isinstance(decoded, bytes) else b""

    def restore(self, data: bytes, *, written: bool = True) -> bytes:
        """`data` with the lifted runs put back; `written`: bytes the generator wrote from the
        parse tree, whose body lines all end in "\\n" (the run's own line breaks are used so)."""
        if not self._spans or self._nonce.encode("ascii") not in data:
            return data
        for token, (start, end) in self._spans.items():
            run = self._raw[start:end].tobytes()
            if written:
                run = run.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            data = data.replace(token.encode("ascii"), run)
        return data
