"""Whether a message was sent by a machine, so the desk never answers it (RFC 3834).

Answering an auto-reply, a bounce or a mailing list starts mail loops and spams lists.
The first signal found is given as the reason, written as the header that decided.
"""

from __future__ import annotations

import re
from email.message import Message

from corrigenda.reports._mail_headers import addresses, header_text, raw_header

_MACHINE_SENDERS = re.compile(
    r"^(?:mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)(?:[+-].*)?$", re.I
)
_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk", "auto_reply"})
# Headers vacation programs and Exchange set on what they send.
_AUTO_REPLY_HEADERS = ("X-Auto-Response-Suppress", "X-Autoreply", "X-Autorespond")
_LIST_HEADERS = ("List-Id", "List-Unsubscribe", "List-Post")


def automated_reason(message: Message) -> str | None:
    """Why `message` counts as automated, or None for a message a person wrote."""
    if message.get_content_type() == "multipart/report":
        report_type = str(message.get_param("report-type") or "").lower() or "report"
        return f"multipart/report ({report_type})"
    submitted = header_text(message, "Auto-Submitted").split(";", 1)[0].strip().lower()
    if submitted and submitted != "no":
        return f"Auto-Submitted: {submitted}"
    return_path = raw_header(message, "Return-Path")
    if return_path is not None and re.fullmatch(r"\s*<\s*>\s*", return_path):
        return "Return-Path: <>"
    for field in ("From", "Sender"):
        for _, address in addresses(message, field):
            if _MACHINE_SENDERS.match(address.rpartition("@")[0]):
                return f"{field}: {address}"
    if raw_header(message, "X-Failed-Recipients") is not None:
        return "X-Failed-Recipients"
    for name in _AUTO_REPLY_HEADERS:
        value = header_text(message, name)
        if value:
            return f"{name}: {value}"
    precedence = header_text(message, "Precedence").lower()
    if precedence in _BULK_PRECEDENCE:
        return f"Precedence: {precedence}"
    for name in _LIST_HEADERS:
        if raw_header(message, name) is not None:
            return name
    return None
