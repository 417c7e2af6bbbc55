"""How a message leaves the office: a text-message gateway over HTTP, or e-mail.

Both with the standard library (urllib, smtplib) and a timeout on every wait. Each
send answers with a :class:`Verdict`: accepted, worth retrying (the gateway or the
network failed, or may have), or refused for good (the gateway or mail server said
the message itself is wrong).
"""

from __future__ import annotations

import json
import logging
import smtplib
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Final

log = logging.getLogger(__name__)

TIMEOUT_S: Final = 10.0
ACCEPTED: Final = "accepted"
RETRY: Final = "retry"
PERMANENT: Final = "permanent"
# 4xx that mean "not now" rather than "never": request timeout, too many requests.
_RETRY_4XX: Final = frozenset({408, 429})
_SUBJECTS: Final = {"passport_ready": "Paspor Anda sudah siap diambil",
                    "collect_by_soon": "Batas pengambilan paspor Anda"}


@dataclass(frozen=True)
class Message:
    id: str
    kind: str
    to: str
    text: str


@dataclass(frozen=True)
class Verdict:
    outcome: str  # ACCEPTED, RETRY or PERMANENT
    reason: str = ""  # "<code>: <detail>" (see app.notify.outbox.reason_text)


def _short(text: object, limit: int = 120) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit] + "…"


def _said(answer: bytes | str) -> str:
    return answer.decode(errors="replace") if isinstance(answer, bytes) else answer


def send_http(url: str, message: Message, timeout_s: float = TIMEOUT_S) -> Verdict:
    """POST ``{"id","kind","to","text"}`` as JSON with ``Idempotency-Key: <id>``.

    2xx: accepted. 4xx other than 408/429: refused for good. 5xx, 408, 429, a timeout
    or no connection: retry (the same key lets the gateway drop a repeat)."""
    body = json.dumps({"id": message.id, "kind": message.kind, "to": message.to,
                       "text": message.text}, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        url, data=body, method="POST",
        headers={"Content-Type": "application/json; charset=utf-8",
                 "Idempotency-Key": message.id, "User-Agent": "loket-notify"})
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            status = int(response.status)
            response.read(4096)
    except urllib.error.HTTPError as exc:
        status = int(exc.code)
        detail = f"HTTP {status} {_short(exc.reason)}"
        exc.close()
        if 400 <= status < 500 and status not in _RETRY_4XX:
            return Verdict(PERMANENT, f"gateway_refused: {detail}")
        return Verdict(RETRY, f"gateway_error: {detail}")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        # ValueError: http.client's answer to a reply that is not HTTP at all.
        reason = getattr(exc, "reason", exc)
        return Verdict(RETRY, f"unreachable: {_short(reason)}")
    if 200 <= status < 300:
        return Verdict(ACCEPTED)
    return Verdict(RETRY, f"gateway_error: HTTP {status}")


def message_id(notification_id: str, sender: str) -> str:
    """The e-mail's Message-ID: the message's own id at the sender's domain."""
    domain = sender.rpartition("@")[2].strip(" <>") or "loket.invalid"
    return f"<{notification_id}@{domain}>"


def send_mail(host: str, port: int, sender: str, message: Message,
              timeout_s: float = TIMEOUT_S) -> Verdict:
    """One e-mail through the office's SMTP server. A 5xx answer about the recipient
    or the message: refused for good; 4xx or no connection: retry."""
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = message.to
    mail["Subject"] = _SUBJECTS.get(message.kind, "Loket")
    # The same id on every attempt: a mail system that keeps Message-IDs drops a repeat
    # (email.utils.make_msgid would add the time and a random number to each attempt).
    mail["Message-ID"] = message_id(message.id, sender)
    mail["Idempotency-Key"] = message.id
    mail.set_content(message.text)
    try:
        with smtplib.SMTP(host, port, timeout=timeout_s) as smtp:
            smtp.send_message(mail)
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        detail = ", ".join(f"{c} {_short(_said(m))}"
                           for c, m in exc.recipients.values())
        if all(code >= 500 for code in codes):
            return Verdict(PERMANENT, f"mail_refused: {detail}")
        return Verdict(RETRY, f"mail_error: {detail}")
    except smtplib.SMTPResponseException as exc:
        detail = f"{exc.smtp_code} {_short(_said(exc.smtp_error))}"
        if exc.smtp_code >= 500 and not isinstance(exc, smtplib.SMTPSenderRefused):
            return Verdict(PERMANENT, f"mail_refused: {detail}")
        return Verdict(RETRY, f"mail_error: {detail}")
    except (smtplib.SMTPException, OSError) as exc:  # a timeout is an OSError
        return Verdict(RETRY, f"unreachable: {_short(str(exc) or type(exc).__name__)}")
    return Verdict(ACCEPTED)
