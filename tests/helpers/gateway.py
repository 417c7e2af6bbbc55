"""Stand-ins for where messages to applicants go, on 127.0.0.1: a text-message gateway
that counts the Idempotency-Keys it accepted, and a small SMTP server."""

from __future__ import annotations

import json
import socketserver
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.helpers.threads import join_all


@dataclass
class Gateway:
    """What the gateway saw. ``answer(body, key)`` picks each reply's status (200)."""

    url: str = ""
    answer: Callable[[dict[str, Any], str], int] = lambda body, key: 200
    accepted: Counter[str] = field(default_factory=Counter)  # key → 2xx answers given
    requests: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


@contextmanager
def gateway(answer: Callable[[dict[str, Any], str], int] | None = None) -> Iterator[Gateway]:
    seen = Gateway()
    if answer is not None:
        seen.answer = answer

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length).decode("utf-8"))
            key = self.headers.get("Idempotency-Key", "")
            status = seen.answer(body, key)
            with seen.lock:
                seen.requests.append((key, body))
                if 200 <= status < 300:
                    seen.accepted[key] += 1
            try:
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")
            except (BrokenPipeError, ConnectionResetError):
                return  # the sender went away (killed mid-delivery): nobody to answer

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="test-gateway", daemon=True)
    thread.start()
    seen.url = f"http://127.0.0.1:{server.server_address[1]}/send"
    try:
        yield seen
    finally:
        server.shutdown()
        server.server_close()
        join_all([thread])


@dataclass
class Mailbox:
    port: int = 0
    mails: list[tuple[str, list[str], str]] = field(default_factory=list)  # from, to, data
    refuse: set[str] = field(default_factory=set)  # recipients answered 550


@contextmanager
def smtp_server() -> Iterator[Mailbox]:
    """Enough SMTP for smtplib: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""
    box = Mailbox()

    class Handler(socketserver.StreamRequestHandler):
        def reply(self, line: str) -> None:
            self.wfile.write((line + "\r\n").encode())

        def handle(self) -> None:
            self.reply("220 test ESMTP")
            sender, rcpts = "", []
            while True:
                raw = self.rfile.readline()
                if not raw:
                    return
                line = raw.decode().rstrip("\r\n")
                verb = line[:4].upper()
                if verb in ("EHLO", "HELO"):
                    self.reply("250 test")
                elif verb == "MAIL":
                    sender, rcpts = line.split(":", 1)[1].strip(" <>"), []
                    self.reply("250 ok")
                elif verb == "RCPT":
                    rcpt = line.split(":", 1)[1].strip(" <>")
                    if rcpt in box.refuse:
                        self.reply("550 no such user")
                    else:
                        rcpts.append(rcpt)
                        self.reply("250 ok")
                elif verb == "DATA":
                    self.reply("354 go on")
                    lines = []
                    while (part := self.rfile.readline().decode()) not in (".\r\n", ""):
                        lines.append(part)
                    box.mails.append((sender, rcpts, "".join(lines)))
                    self.reply("250 queued")
                elif verb == "QUIT":
                    self.reply("221 bye")
                    return
                else:
                    self.reply("250 ok")

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="test-smtp", daemon=True)
    thread.start()
    box.port = server.server_address[1]
    try:
        yield box
    finally:
        server.shutdown()
        server.server_close()
        join_all([thread])
