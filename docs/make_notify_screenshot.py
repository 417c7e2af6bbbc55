"""Take the "Pemberitahuan" page's screenshot for the README (run on a real X screen).

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/make_notify_screenshot.py [id|en]

Imports a short list with phone numbers into a temp SQLite file, delivers the messages
to a stand-in gateway on 127.0.0.1 that refuses one number and is busy for another,
and saves the page as ``docs/admin-notifications.png``.
"""

from __future__ import annotations

import json
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

from app.notify.sender import Channels, Sender
from app.office import officers
from app.pickup import backlog
from app.setup.schema import init_database
from app.storage import db as dbmod
from ui.admin.pages.notifications import NotificationsPage
from ui.kit.application import create_application
from ui.kit.i18n import install_language
from ui.kit.worker import DbWorker

DOCS = Path(__file__).parent
LIST = ("no_permohonan;nama;no_paspor;tanggal_siap;status;telepon\n"
        "2024-TNG-200001;Budi Santoso;E8000001;{d};siap;0812 3456 7890\n"
        "2024-TNG-200002;Siti Aminah;E8000002;{d};siap;0813 1111 2222\n"
        "2024-TNG-200003;Agus Salim;E8000003;{d};siap;0857 2222 3333\n"
        "2024-TNG-200004;Dewi Sartika;E8000004;{d};siap;0821 4444 5555\n"
        "2024-TNG-200005;Rina Marlina;E8000005;{d};siap;0878 6666 7777\n")
ANSWERS = {"+6281311112222": 400, "+6282144445555": 503}


class _Gateway(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.send_response(ANSWERS.get(body["to"], 200))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else "id"
    tmp = Path(tempfile.mkdtemp(prefix="loket-notify-shot-"))
    init_database(dbmod.connect(f"sqlite:///{tmp / 'demo.sqlite3'}"), demo=True)
    from app.office.settings import office_today

    admin = officers.add_officer("penyiap", "penyiap-rahasia", role="admin")
    backlog.import_backlog(LIST.format(d=office_today().isoformat()).encode(),
                           officer=admin.id)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Sender(Channels(url=f"http://127.0.0.1:{server.server_address[1]}/")).run_once()
    server.shutdown()
    thread.join()

    qt = create_application(sys.argv)
    install_language(lang)
    worker = DbWorker()
    page = NotificationsPage(worker, admin)
    page.resize(1280, 520)
    page.show()

    def shoot() -> None:
        page.table.selectRow(0)
        QTimer.singleShot(300, save)

    def save() -> None:
        page.grab().save(str(DOCS / "admin-notifications.png"))
        worker.shutdown()
        qt.quit()

    page.loaded.connect(lambda: QTimer.singleShot(300, shoot))
    page.refresh()
    return int(qt.exec())


if __name__ == "__main__":
    sys.exit(main())
