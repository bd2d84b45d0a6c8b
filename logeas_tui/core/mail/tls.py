"""Connection security shared by IMAP and SMTP.

Why a module: Python's smtplib and imaplib check no TLS certificate unless they are given a
context, so both adapters build theirs here, verified unless a setting says otherwise.
"""

from __future__ import annotations

import ssl

SECURITIES = ("none", "starttls", "ssl")


def tls_context(verify: bool) -> ssl.SSLContext:
    """A client context that verifies the server's certificate and name, unless `verify` is off
    (a known self-signed server)."""
    context = ssl.create_default_context()
    if not verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context
