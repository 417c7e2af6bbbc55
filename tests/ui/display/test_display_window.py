"""The lobby display: calls from other connections on screen in time, spoken in order,
through outages, without personal data, at every screen size, without growing."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtTextToSpeech import QTextToSpeech
from pytestqt.qtbot import QtBot

import app.feed
import ui.display.window
from app import clock
from app.errors import DatabaseUnavailable
from app.feed import EventView
from app.office.settings import get_settings, update_settings
from app.pickup import backlog
from app.pickup import service as pickup
from app.queue import engine
from app.queue.announce import CHIME, Announcement, announcement, clip_sequence
from app.queue.board import RECENT_CALLS, SERVICE
from app.setup.pc_settings import PcSettings
from app.storage.models import Queue
from tests.helpers import WAIT
from tests.helpers.people import setup_admin
from ui.display.announcer import (
    MAX_PENDING,
    Announcer,
    AudioOut,
    ClipLibrary,
    ClipSpeaker,
    TtsSpeaker,
)
from ui.display.board_view import BoardCounterRow, FitLabel
from ui.display.window import DisplayWindow

FAST = {"poll_ms": 100, "max_backoff_ms": 400, "reload_after_events_ms": 100,
        "announce_gap_ms": 20}


class RecordingSpeaker(QObject):
    """Stands in for the sound card: notes each call, takes ``ms`` to say it, and
    fails the test if it is asked to speak while still speaking."""

    def __init__(self, ms: int = 20) -> None:
        super().__init__()
        self.spoken: list[tuple[str, int, bool, tuple[str, ...]]] = []
        self.texts: list[str] = []
        self.overlaps = 0
        self._busy = False
        self._ms = ms

    def speak(self, item: Announcement, languages: tuple[str, ...],
              done: Callable[[], None]) -> None:
        if self._busy:
            self.overlaps += 1
        self._busy = True
        self.spoken.append((item.number, item.counter, item.recall, languages))
        self.texts.extend(item.sentence(lang).text for lang in languages)

        def finish() -> None:
            self._busy = False
            done()

        QTimer.singleShot(self._ms, finish)

    def stop(self) -> None:
        self._busy = False


@pytest.fixture
def speaker() -> RecordingSpeaker:
    return RecordingSpeaker()


@pytest.fixture
def display(office: str, qtbot: QtBot, pc: PcSettings, speaker: RecordingSpeaker,
            english: str) -> Iterator[DisplayWindow]:
    window = DisplayWindow(pc, speaker=speaker, **FAST)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: window.board is not None, timeout=5000)
    yield window
    window.shutdown()


def _row(window: DisplayWindow, counter: int, kind: str = SERVICE) -> BoardCounterRow:
    rows = [r for r in window.findChildren(BoardCounterRow)
            if r.objectName().startswith(kind) and r.counter == counter]
    assert len(rows) == 1
    return rows[0]


def test_a_call_from_another_connection_is_on_screen_within_half_a_second(
        display: DisplayWindow, speaker: RecordingSpeaker, qtbot: QtBot) -> None:
    engine.issue_ticket("A")
    qtbot.waitUntil(lambda: not display.worker.busy, timeout=WAIT)
    # Half a second by structure, not by a stopwatch: the display reads the change feed
    # by itself every POLL_MS (a call needs one poll and one read of the board).
    assert 2 * ui.display.window.POLL_MS <= 500
    with qtbot.waitSignal(display.calls_shown, timeout=WAIT) as shown:
        engine.call_next(3)
    assert [c.number for c in shown.args[0]] == ["A001"]
    row = _row(display, 3)
    assert row.number.text() == "A001"
    assert row.styleSheet().count("#ffd500") == 1  # flashing
    qtbot.waitUntil(lambda: speaker.spoken == [("A001", 3, False, ("id",))], timeout=3000)
    assert speaker.texts == ["Nomor antrian A satu, silakan menuju loket tiga."]


def test_a_burst_is_spoken_in_order_never_over_each_other_and_a_recall_again(
        display: DisplayWindow, speaker: RecordingSpeaker, pc: PcSettings,
        qtbot: QtBot) -> None:
    pc.speak_english = True
    for ref in ("A", "A", "A", "A", "B", "C"):
        engine.issue_ticket(ref)
    called = [(engine.call_next(counter).number, counter) for counter in range(1, 7)]
    engine.recall("A001", 1)
    expected = [(number, counter, False, ("id", "en")) for number, counter in called]
    expected.append(("A001", 1, True, ("id", "en")))
    qtbot.waitUntil(lambda: len(speaker.spoken) == 7, timeout=5000)
    assert speaker.spoken == expected
    assert speaker.overlaps == 0
    assert speaker.texts[-2:] == ["Nomor antrian A satu, silakan menuju loket satu.",
                                  "Number A one, please go to counter one."]
    assert _row(display, 6, "pickup").number.text() == "C001"


def test_the_clip_voice_plays_each_call_whole_one_after_another(qtbot: QtBot) -> None:
    class Out(AudioOut):
        def __init__(self) -> None:
            super().__init__()
            self.sounds: list[int] = []

        def play(self, pcm: bytes) -> None:
            self.sounds.append(len(pcm))

    out = Out()
    voice = ClipSpeaker(ClipLibrary(), out, time_scale=0.01)
    played: list[list[str]] = []
    voice.played.connect(played.append)
    languages = [("id",), ("id", "en"), ("id",)]
    announcer = Announcer(voice, lambda: languages[len(played)], gap_ms=1)
    finished: list[Announcement] = []
    announcer.finished.connect(finished.append)
    items = [announcement("B025", 5), announcement("A017", 12),
             announcement("B025", 5, recall=True)]
    for item in items:  # all within the same instant
        announcer.announce(item)
    assert announcer.pending == 2  # one speaks, the others wait their turn
    qtbot.waitUntil(lambda: len(finished) == 3, timeout=5000)
    assert finished == items
    assert played == [clip_sequence(item, lang) for item, lang in zip(items, languages,
                                                                      strict=True)]
    assert played[0][0] == CHIME and "en/number" in played[1]
    assert out.sounds[1] > out.sounds[0] > 16_000  # whole sentences, English is longer


def test_the_speech_engine_voice_waits_for_ready_before_the_next_text(qtbot: QtBot) -> None:
    tts = QTextToSpeech("mock")
    tts.setRate(1.0)  # the mock engine takes 50 ms a word
    said_while: list[QTextToSpeech.State] = []
    voice = TtsSpeaker(tts, ClipLibrary(), AudioOut(), chime_scale=0.01)
    voice.said.connect(lambda _text: said_while.append(tts.state()))
    texts: list[str] = []
    voice.said.connect(texts.append)
    announcer = Announcer(voice, lambda: ("id", "en"), gap_ms=1)
    finished: list[Announcement] = []
    announcer.finished.connect(finished.append)
    for number, counter in (("A001", 1), ("B002", 5)):
        announcer.announce(announcement(number, counter))
    qtbot.waitUntil(lambda: len(finished) == 2, timeout=10_000)
    assert texts == ["Nomor antrian A satu, silakan menuju loket satu.",
                     "Number A one, please go to counter one.",
                     "Nomor antrian B dua, silakan menuju loket lima.",
                     "Number B two, please go to counter five."]
    assert said_while == [QTextToSpeech.State.Ready] * 4


def test_a_notice_changed_on_another_pc_is_on_screen_within_seconds(
        display: DisplayWindow, office: str, qtbot: QtBot) -> None:
    """Another process (the supervisor's PC) changes the notice: this PC's settings
    cache is stale, and the change feed makes the display read them again."""
    assert get_settings().notice_text == ""  # cached here, as on any hall PC
    text = "Loket pengambilan paspor buka Sabtu dan Minggu 08.00-12.00"
    from app.office import officers

    officers.add_officer("sup", "super123!", role="supervisor")
    done = subprocess.run([sys.executable, "-m", "app", "--db", office, "--as", "sup",
                           "settings", "set", "notice_text", text], input="super123!\n",
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    # Nothing on this PC is touched: the display finds the change through the feed.
    qtbot.waitUntil(lambda: text in display.texts(), timeout=WAIT)


@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_an_outage_keeps_the_board_shows_the_mark_and_catches_up(
        display: DisplayWindow, speaker: RecordingSpeaker, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(4):
        engine.issue_ticket("A")
    engine.call_next(1)
    qtbot.waitUntil(lambda: _row(display, 1).number.text() == "A001", timeout=3000)
    assert not display.reconnecting

    def down(*_: object, **__: object) -> None:
        raise DatabaseUnavailable("database_unreachable", reason="test")

    monkeypatch.setattr(app.feed, "changes_since", down)
    monkeypatch.setattr(ui.display.window, "load_board", down)
    qtbot.waitUntil(lambda: display.reconnecting, timeout=3000)
    assert _row(display, 1).number.text() == "A001"  # the last state stays
    _banner_is_readable_from_the_back_of_the_hall(display)
    # Meanwhile the counters work on: 2 calls and finishes, 3 calls and keeps it.
    engine.call_next(2)
    engine.finish("A002", 2)
    engine.call_next(3)
    display.reload()
    qtbot.wait(300)
    assert display.reconnecting and _row(display, 3).number.text() == "–"

    monkeypatch.undo()
    qtbot.waitUntil(lambda: not display.reconnecting
                    and _row(display, 3).number.text() == "A003", timeout=5000)
    assert _row(display, 2).number.text() == "–"
    # Catching up speaks what counter 3 calls now, not counter 2's finished call.
    qtbot.waitUntil(lambda: len(speaker.spoken) == 2, timeout=3000)
    assert [s[:2] for s in speaker.spoken] == [("A001", 1), ("A003", 3)]


def _banner_is_readable_from_the_back_of_the_hall(display: DisplayWindow) -> None:
    """The one database banner, in the public's wording (no technical reason), its
    letters a share of the screen's height that reads from 8 m, whole on screen."""
    banner = display.banner
    assert banner.text_shown.startswith(("No connection to the database.",
                                         "The database is not answering."))
    assert "test" not in banner.text_shown  # the outage's reason stays in the log
    assert "font-size: 32px" in banner.styleSheet()  # 4.5 % of 720 px
    assert display.rect().contains(banner.geometry())
    font = QFont(banner.font())
    font.setPixelSize(32)
    needed = QFontMetricsF(font).boundingRect(
        QRectF(0, 0, banner.contentsRect().width(), 10_000),
        int(Qt.TextFlag.TextWordWrap), banner.text_shown).height()
    assert needed <= banner.height()


def test_no_personal_data_on_screen_or_in_the_voice(
        display: DisplayWindow, speaker: RecordingSpeaker, qtbot: QtBot) -> None:
    ready = clock.service_day(get_settings().timezone).isoformat()
    backlog.import_backlog(
        "no_permohonan;nama;no_paspor;lokasi;tanggal_siap;status\n"
        f"2024-TNG-777001;Rahmat Hidayatullah;E7654321;Rak Z-09;{ready};siap\n".encode(),
        batch="Backlog PDN Juni 2024", officer=setup_admin())
    number = pickup.check_in("2024-TNG-777001").ticket.number
    engine.call_next(5)
    qtbot.waitUntil(lambda: _row(display, 5, "pickup").number.text() == number, timeout=3000)
    qtbot.waitUntil(lambda: len(speaker.texts) == 1, timeout=3000)
    shown = " ".join(display.texts() + speaker.texts)
    assert number in shown
    for secret in ("Rahmat", "Hidayatullah", "E7654321", "777001", "Rak Z-09"):
        assert secret not in shown


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160)])
def test_every_text_fits_its_box_at_every_screen_size(
        office: str, qtbot: QtBot, pc: PcSettings, english: str,
        size: tuple[int, int]) -> None:
    update_settings(setup_admin(),
                    office_name="Kantor Imigrasi Kelas I Tempat Pemeriksaan Imigrasi "
                                "Soekarno-Hatta Tangerang",
                    notice_text="Pengambilan paspor tertunda dibuka Sabtu dan Minggu "
                                "08.00–15.00")
    Queue.update(name_id="Pengambilan Paspor Tertunda Akibat Gangguan Pusat Data "
                         "Nasional").where(Queue.code == "backlog").execute()
    for ref in "AAAABBCWP":
        engine.issue_ticket(ref)
    for counter in range(1, 7):
        engine.call_next(counter)
    window = DisplayWindow(pc, speaker=RecordingSpeaker(), **FAST)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitUntil(lambda: window.board is not None and bool(window.board.serving),
                    timeout=5000)
    qtbot.wait(50)
    screen = QRect(0, 0, *size)
    labels = [lb for lb in window.findChildren(FitLabel) if lb.isVisibleTo(window) and lb.text()]
    assert len(labels) > 30
    for label in labels:
        box = QRect(label.mapTo(window, label.rect().topLeft()), label.size())
        assert screen.contains(box), label.objectName()
        metrics = QFontMetricsF(label.font())
        assert metrics.horizontalAdvance(label.text()) <= label.width(), label.text()
        assert label.font().pixelSize() <= label.height(), label.text()
    number = _row(window, 1).number
    assert number.font().pixelSize() >= size[1] * 0.05  # about 54 px on a 1080 screen
    assert window.findChild(ui.display.window.Ticker).running  # type: ignore[union-attr]
    window.shutdown()


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.expect_log("loket.ui", "WARNING")  # an outage or failure, on purpose
def test_thousands_of_calls_do_not_grow_widgets_timers_or_lists(
        office: str, qtbot: QtBot, pc: PcSettings, english: str) -> None:
    speaker = RecordingSpeaker(ms=0)
    window = DisplayWindow(pc, speaker=speaker, **FAST)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.board is not None, timeout=5000)
    paspor = Queue.get(Queue.code == "paspor").id

    def burst(start: int, n: int) -> None:
        events = [EventView(id=start + i, at="", kind=kind, ticket=start + i // 2,
                            number=f"A{(start + i // 2) % 9000 + 1:03d}", queue=paspor,
                            counter=(start + i // 2) % 4 + 1, data={})
                  for i in range(2 * n) for kind in [("called", "finished")[i % 2]]]
        window.watcher.changed.emit(events)

    burst(10_000, 50)
    qtbot.wait(50)
    objects = len(window.findChildren(QObject))
    timers = len(window.findChildren(QTimer))
    for k in range(40):
        burst(20_000 + k * 200, 100)
        qtbot.wait(1)
    assert len(window.findChildren(QObject)) == objects
    assert len(window.findChildren(QTimer)) == timers
    assert window.board is not None and len(window.board.recent) <= 2 * RECENT_CALLS
    # 4,000 calls in a moment cannot all be spoken; the waiting line stays bounded.
    assert MAX_PENDING - 10 <= window.announcer.pending <= MAX_PENDING
    window.shutdown()


@pytest.mark.parametrize("section", ["walkin", "pickup"])
def test_a_display_set_to_one_section_shows_only_that_section(
        office: str, qtbot: QtBot, pc: PcSettings, speaker: RecordingSpeaker, english: str,
        section: str) -> None:
    """A TV per section (``loket pc set section pickup``): the one half fills the screen."""
    pc.section = section
    window = DisplayWindow(pc, speaker=speaker, **FAST)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitUntil(lambda: window.board is not None, timeout=5000)
    kind = "service" if section == "walkin" else "pickup"
    other = "pickup" if kind == "service" else "service"
    mine = window.findChild(QObject, f"section-{kind}")
    theirs = window.findChild(QObject, f"section-{other}")
    assert mine is not None and theirs is not None
    assert mine.isVisible() and not theirs.isVisible()  # type: ignore[attr-defined]
    assert mine.width() > window.width() * 0.9  # type: ignore[attr-defined]
    window.shutdown()
