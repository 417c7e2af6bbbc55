"""The lobby display's voice: a chime, then each call spoken, one after the other.

Calls go into a queue and are spoken strictly one at a time, in the order they
came: several counters calling within a second are all heard, none talks over
another, a recall is spoken again. The words come from :mod:`app.queue.announce`.

Two voices:

* :class:`ClipSpeaker` (the default) joins the bundled recordings
  (``resources/voice``, 16 kHz mono WAV made by ``make_clips.py``) into one
  buffer and plays it. Its pace is the buffer's own length, not the sound
  card's signals, so the queue moves the same with or without a sound card (a
  PC without one plays nothing and is not an error).
* :class:`TtsSpeaker` says the texts with Qt TextToSpeech (the chime from the
  clips first), paced by the engine's ``Speaking → Ready``.

Memory stays flat: one audio sink and one buffer are reused, clips are read
once, and the queue is bounded (:data:`MAX_PENDING`; only reachable when calls
come faster than they can be spoken for many minutes, and then the oldest wait
is dropped, logged).
"""

from __future__ import annotations

import logging
import wave
from collections import deque
from collections.abc import Callable
from importlib import resources
from typing import Protocol

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QObject, QTimer, Signal, Slot
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices, QtAudio
from PySide6.QtTextToSpeech import QTextToSpeech

from app.queue.announce import CHIME, Announcement, clip_sequence

log = logging.getLogger("loket.ui.announcer")

SAMPLE_RATE = 16_000
SAMPLE_BYTES = 2
GAP_MS = 400  # silence between two calls
MAX_PENDING = 200
WATCHDOG_MS = 30_000  # a voice that never says "done" does not stop the queue

Done = Callable[[], None]
Languages = Callable[[], tuple[str, ...]]


class Speaker(Protocol):
    def speak(self, item: Announcement, languages: tuple[str, ...], done: Done) -> None: ...

    def stop(self) -> None: ...


# --- the recordings -------------------------------------------------------------------


class ClipLibrary:
    """The bundled clips as raw 16 kHz mono 16-bit samples, each read once."""

    def __init__(self) -> None:
        self._frames: dict[str, bytes] = {}

    def frames(self, name: str) -> bytes:
        """The samples of clip ``name``; OSError / ValueError when missing or not usable."""
        cached = self._frames.get(name)
        if cached is not None:
            return cached
        source = resources.files("resources").joinpath("voice", f"{name}.wav")
        with source.open("rb") as raw, wave.open(raw, "rb") as clip:
            if (clip.getframerate(), clip.getnchannels(), clip.getsampwidth()) != (
                    SAMPLE_RATE, 1, SAMPLE_BYTES):
                raise ValueError(f"voice clip {name} is not 16 kHz mono 16-bit")
            data = clip.readframes(clip.getnframes())
        self._frames[name] = data
        return data

    def join(self, names: list[str]) -> bytes:
        return b"".join(self.frames(n) for n in names)

    def check(self, names: list[str]) -> bool:
        """True if every clip in ``names`` can be read (logged otherwise)."""
        try:
            for name in names:
                self.frames(name)
        except (OSError, ValueError, wave.Error) as exc:
            log.warning("voice clips not usable: %s", exc)
            return False
        return True


def duration_ms(pcm: bytes) -> int:
    return len(pcm) * 1000 // (SAMPLE_RATE * SAMPLE_BYTES)


class AudioOut(QObject):
    """Plays raw samples on the default output; without a sound card plays nothing."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._devices = QMediaDevices(self)
        self._sink: QAudioSink | None = None
        self._buffer = QBuffer(self)
        self._warned = False

    def _ensure_sink(self) -> QAudioSink | None:
        if self._sink is not None:
            return self._sink
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            if not self._warned:
                log.info("no sound card: calls are shown but not heard")
                self._warned = True
            return None
        fmt = QAudioFormat()
        fmt.setSampleRate(SAMPLE_RATE)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._sink = QAudioSink(device, fmt, self)
        return self._sink

    def play(self, pcm: bytes) -> None:
        sink = self._ensure_sink()
        if sink is None:
            return
        sink.stop()
        self._buffer.close()
        self._buffer.setData(QByteArray(pcm))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        sink.start(self._buffer)
        if sink.error() != QtAudio.Error.NoError:
            log.warning("the sound card refused to play (%s)", sink.error())
            sink.deleteLater()
            self._sink = None  # try a fresh sink (perhaps another device) next time

    def stop(self) -> None:
        if self._sink is not None:
            self._sink.stop()
        self._buffer.close()


# --- voices -----------------------------------------------------------------------------


class ClipSpeaker(QObject):
    """Speaks a call by joining the recorded clips into one sound."""

    played = Signal(list)  # the clip names of each sound, as it starts

    def __init__(self, library: ClipLibrary, out: AudioOut | None = None, *,
                 time_scale: float = 1.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._out = out if out is not None else AudioOut(self)
        self._scale = time_scale  # tests and benchmarks speak faster than life
        self._done: Done | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._finished)

    def speak(self, item: Announcement, languages: tuple[str, ...], done: Done) -> None:
        names = clip_sequence(item, languages)
        pcm = self._library.join(names)
        self._done = done
        self._out.play(pcm)
        self.played.emit(names)
        self._timer.start(int((duration_ms(pcm) + GAP_MS) * self._scale))

    @Slot()
    def _finished(self) -> None:
        done, self._done = self._done, None
        if done is not None:
            done()

    def stop(self) -> None:
        self._timer.stop()
        self._done = None
        self._out.stop()


def _locale_of(lang: str) -> QLocale:
    return QLocale(QLocale.Language.Indonesian if lang == "id" else QLocale.Language.English)


class TtsSpeaker(QObject):
    """Speaks a call's texts with a Qt TextToSpeech engine, after the recorded chime."""

    said = Signal(str)  # each text, as it is handed to the engine

    def __init__(self, engine: QTextToSpeech, library: ClipLibrary | None = None,
                 out: AudioOut | None = None, *, chime_scale: float = 1.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tts = engine
        self._tts.setParent(self)
        self._tts.stateChanged.connect(self._state_changed)
        self._tts.errorOccurred.connect(self._error)
        self._library = library
        self._out = out if out is not None else AudioOut(self)
        self._chime_scale = chime_scale
        self._texts: deque[tuple[str, str]] = deque()
        self._done: Done | None = None
        self._chime = QTimer(self)
        self._chime.setSingleShot(True)
        self._chime.timeout.connect(self._next)
        self._locales = {loc.language() for loc in engine.availableLocales()}

    def has_language(self, lang: str) -> bool:
        return _locale_of(lang).language() in self._locales

    def speak(self, item: Announcement, languages: tuple[str, ...], done: Done) -> None:
        self._done = done
        self._texts = deque((lang, item.sentence(lang).text) for lang in languages)
        chime_ms = 0
        if self._library is not None:
            try:
                pcm = self._library.frames(CHIME)
            except (OSError, ValueError, wave.Error) as exc:
                log.warning("chime not playable: %s", exc)
            else:
                self._out.play(pcm)
                chime_ms = int(duration_ms(pcm) * self._chime_scale)
        self._chime.start(chime_ms)

    @Slot()
    def _next(self) -> None:
        if self._done is None:
            return
        if not self._texts:
            done, self._done = self._done, None
            done()
            return
        lang, text = self._texts.popleft()
        if self.has_language(lang):
            self._tts.setLocale(_locale_of(lang))
        self.said.emit(text)
        self._tts.say(text)

    @Slot(QTextToSpeech.State)
    def _state_changed(self, state: QTextToSpeech.State) -> None:
        if state == QTextToSpeech.State.Ready and self._done is not None \
                and not self._chime.isActive():
            self._next()

    @Slot(QTextToSpeech.ErrorReason, str)
    def _error(self, reason: QTextToSpeech.ErrorReason, text: str) -> None:
        log.warning("speech engine error %s: %s", reason, text)
        if self._done is not None and not self._chime.isActive():
            self._texts.clear()
            self._next()

    def stop(self) -> None:
        self._chime.stop()
        self._texts.clear()
        self._done = None
        self._tts.stop()
        self._out.stop()


class SilentSpeaker(QObject):
    """No voice at all (no clips, no engine): the calls are only shown."""

    def speak(self, item: Announcement, languages: tuple[str, ...], done: Done) -> None:
        del item, languages
        QTimer.singleShot(0, done)

    def stop(self) -> None:
        pass


# --- the queue ----------------------------------------------------------------------------


class Announcer(QObject):
    """Speaks announcements one at a time, in the order they were handed in."""

    started = Signal(object)  # Announcement, when its chime begins
    finished = Signal(object)  # Announcement, when it has been said

    def __init__(self, speaker: Speaker, languages: Languages, *,
                 gap_ms: int = GAP_MS, watchdog_ms: int = WATCHDOG_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speaker = speaker
        self._languages = languages
        self._queue: deque[Announcement] = deque()
        self._current: Announcement | None = None
        self._turn = 0  # which announcement a "done" belongs to
        self._dropped = 0
        self._gap = QTimer(self)
        self._gap.setSingleShot(True)
        self._gap.setInterval(gap_ms)
        self._gap.timeout.connect(self._start_next)
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(watchdog_ms)
        self._watchdog.timeout.connect(self._timed_out)

    @property
    def pending(self) -> int:
        """Announcements waiting their turn (not the one being spoken)."""
        return len(self._queue)

    @property
    def speaking(self) -> Announcement | None:
        return self._current

    def announce(self, item: Announcement) -> None:
        if len(self._queue) >= MAX_PENDING:
            dropped = self._queue.popleft()
            if not self._dropped:
                log.warning("more calls than can be spoken; the oldest waiting ones are "
                            "skipped, starting with %s to counter %s",
                            dropped.number, dropped.counter)
            self._dropped += 1
        self._queue.append(item)
        if self._current is None and not self._gap.isActive():
            self._start_next()

    @Slot()
    def _start_next(self) -> None:
        if self._current is not None or not self._queue:
            return
        if self._dropped and len(self._queue) < MAX_PENDING // 2:
            log.warning("%d calls were not spoken (too many at once)", self._dropped)
            self._dropped = 0
        item = self._queue.popleft()
        self._current = item
        self._turn += 1
        turn = self._turn
        self._watchdog.start()
        self.started.emit(item)
        try:
            self._speaker.speak(item, self._languages(), lambda: self._said(turn))
        except (OSError, ValueError, wave.Error) as exc:
            log.warning("call %s could not be spoken: %s", item.number, exc)
            self._said(turn)

    def _said(self, turn: int) -> None:
        if turn != self._turn or self._current is None:
            return  # a late "done" of an announcement the watchdog already ended
        item, self._current = self._current, None
        self._watchdog.stop()
        self.finished.emit(item)
        if self._queue:
            self._gap.start()

    @Slot()
    def _timed_out(self) -> None:
        if self._current is not None:
            log.warning("speaking %s took too long; going on", self._current.number)
            self._speaker.stop()
            self._said(self._turn)

    def stop(self) -> None:
        """Forget what waits and be quiet (the window is closing)."""
        self._queue.clear()
        self._gap.stop()
        self._watchdog.stop()
        self._speaker.stop()
        self._current = None


def make_speaker(parent: QObject) -> Speaker:
    """The best voice this PC has: the recordings, else a speech engine that knows
    Indonesian, else none (calls shown only)."""
    library = ClipLibrary()
    probe = clip_sequence(_probe(), ("id", "en"))
    if library.check(probe):
        return ClipSpeaker(library, parent=parent)
    for name in QTextToSpeech.availableEngines():
        if name == "mock":
            continue
        tts = TtsSpeaker(QTextToSpeech(name), library, parent=parent)
        if tts.has_language("id"):
            log.info("speaking calls with the %s speech engine", name)
            return tts
        tts.deleteLater()
    log.warning("no voice: neither the recorded clips nor a speech engine that speaks "
                "Indonesian; calls are shown only")
    return SilentSpeaker(parent)


def _probe() -> Announcement:
    from app.queue.announce import announcement

    return announcement("A123", 45)
