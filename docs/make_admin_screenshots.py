"""Take the supervisor's window screenshots for the README (run on a real X screen).

    Xvfb :78 -screen 0 1366x768x24 &
    DISPLAY=:78 .venv/bin/python docs/make_admin_screenshots.py [id|en]

Builds the demo office with its two weeks of history in a temp SQLite file, signs in
as the demo admin and saves each page as ``docs/admin-*.png``. Steps run one after
the other, each when the page says its data is on screen.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTabWidget, QWidget

from app.office.settings import office_today
from app.queue import engine
from app.setup.demo_history import seed_history
from app.setup.schema import init_database
from app.storage import db as dbmod
from ui.admin.window import AdminWindow
from ui.kit.application import create_application
from ui.kit.i18n import install_language
from ui.setup.pc_settings import PcSettings

DOCS = Path(__file__).parent
BROKEN_LIST = (
    "no_permohonan;nama;no_paspor;tanggal_siap;status\n"
    "2024-TNG-100001;Rudi Hartono;E7000001;2024-07-01;siap\n"
    "2024-TNG-100002;;E7000002;2024-07-01;siap\n"
    "2024-TNG-100003;Ayu Lestari;E7000003;07/31/2024;siap\n"
    "2024-TNG-100001;Rudi Hartono;E7000001;2024-07-01;siap\n"
    "2024-TNG-100005;Wahyu Nugroho;E7000005;2024-07-02;hilang\n"
)


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else "id"
    tmp = Path(tempfile.mkdtemp(prefix="loket-admin-shots-"))
    url = f"sqlite:///{tmp / 'demo.sqlite3'}"
    init_database(dbmod.connect(url), demo=True)
    seed_history()
    for queue in ("paspor", "paspor", "wna", "backlog"):
        engine.issue_ticket(queue)
    broken = tmp / "daftar-paspor.csv"
    broken.write_text(BROKEN_LIST, encoding="utf-8")

    qt = create_application(sys.argv)
    install_language(lang)
    pc = PcSettings(tmp / "loket.ini")
    window = AdminWindow(pc)
    window.resize(1366, 768)
    window.move(0, 0)
    window.show()

    def shot(name: str) -> None:
        qt.processEvents()
        target = DOCS / f"admin-{name}.png"
        subprocess.run(["import", "-window", "root", str(target)], check=True)
        print("saved", target.name)

    steps: list[Callable[[Callable[[], None]], None]] = []

    def when_loaded(page: QWidget, then: Callable[[], None], start: Callable[[], None]) -> None:
        """Run ``start``; call ``then`` shortly after the page's data has arrived."""
        loaded = getattr(page, "loaded", None)
        if loaded is None:
            start()
            QTimer.singleShot(1500, then)
            return

        def arrived(*_: object) -> None:
            loaded.disconnect(arrived)
            QTimer.singleShot(600, then)

        loaded.connect(arrived)
        start()

    def page_step(key: str, name: str, prepare: Callable[[QWidget], None] | None = None,
                  load: Callable[[QWidget], None] | None = None,
                  ) -> Callable[[Callable[[], None]], None]:
        def step(then: Callable[[], None]) -> None:
            page = window.pages[key]

            def done() -> None:
                if prepare is not None:
                    prepare(page)
                    qt.processEvents()
                QTimer.singleShot(400, lambda: (shot(name), then()))

            def start() -> None:
                if load is not None:
                    window.show_page(key)
                    load(page)
                elif window.current_page() is page:
                    page.refresh()  # type: ignore[attr-defined]
                else:
                    window.show_page(key)

            when_loaded(page, done, start)
        return step

    def tab(index: int) -> Callable[[QWidget], None]:
        def choose(page: QWidget) -> None:
            tabs = page.findChild(QTabWidget)
            if tabs is not None:
                tabs.setCurrentIndex(index)
        return choose

    def two_weeks(page: QWidget) -> None:
        today = office_today()
        page.set_period("custom", today - dt.timedelta(days=14), today)  # type: ignore[attr-defined]

    def sign_in(then: Callable[[], None]) -> None:
        shot("login")
        window.signed_in.connect(lambda *_: QTimer.singleShot(800, then))
        window.login._username.setText("admin")
        window.login._password.setText("admin123!")
        window.login._sign_in.click()

    def preview_broken(page: QWidget) -> None:
        page.choose_file(str(broken))  # type: ignore[attr-defined]

    def import_step(then: Callable[[], None]) -> None:
        page = window.pages["import"]
        window.show_page("import")
        preview_broken(page)
        QTimer.singleShot(2000, lambda: (shot("import-errors"), then()))

    def passports_step(then: Callable[[], None]) -> None:
        page = window.pages["passports"]
        window.show_page("passports")

        def found() -> None:
            page.found.disconnect(found)  # type: ignore[attr-defined]
            collected = [v for v in page.rows() if v.status == "collected"]  # type: ignore[attr-defined]
            if collected:
                page.select(collected[0].application_no)  # type: ignore[attr-defined]
            QTimer.singleShot(600, lambda: (shot("passports"), then()))

        page.found.connect(found)  # type: ignore[attr-defined]
        page.search.setText("Siti")  # type: ignore[attr-defined]
        page.run_search()  # type: ignore[attr-defined]

    steps = [
        sign_in,
        page_step("officers", "officers"),
        page_step("counters", "counters"),
        page_step("queues", "queues"),
        page_step("reports", "report", tab(0), load=two_weeks),
        page_step("reports", "report-hours", tab(5)),
        page_step("reports", "burndown", tab(6)),
        passports_step,
        page_step("audit", "audit"),
        page_step("settings", "settings"),
        import_step,
        page_step("backup", "backup"),
    ]

    def run(index: int) -> None:
        if index == len(steps):
            window.close()
            qt.quit()
            return
        steps[index](lambda: run(index + 1))

    QTimer.singleShot(800, lambda: run(0))
    return int(qt.exec())


if __name__ == "__main__":
    sys.exit(main())
