"""Record the lobby display's voice clips (run once; the WAV files are committed).

Every clip named in :data:`app.queue.announce.CLIPS` is spoken by espeak-ng (the
Indonesian voice ``-v id`` for ``id/…``, English ``-v en`` for ``en/…``), cut to
its sound (leading and trailing silence trimmed by sox) and stored as 16 kHz
mono 16-bit WAV: small, and the format :mod:`ui.display.announcer` joins without
decoding. Besides the words: ``chime.wav`` (a two-tone "ding-dong" made by sox)
and ``pause.wav`` (a short silence between phrases).

Needs ``espeak-ng`` and ``sox`` on the PATH (Debian: ``apt install espeak-ng sox``)::

    python resources/voice/make_clips.py          # from the project root
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.queue.announce import CHIME, CLIPS, PAUSE  # noqa: E402

RATE = 16_000
VOICES = {"id": "id", "en": "en"}
SPEED_WPM = 140  # a little slower than espeak's default 175: a hall echoes
TRIM = ["silence", "1", "0.02", "0.5%", "reverse", "silence", "1", "0.02", "0.5%", "reverse"]
OUT_FORMAT = ["-r", str(RATE), "-c", "1", "-b", "16", "-e", "signed-integer"]


def _run(args: list[str]) -> None:
    subprocess.run(args, check=True, capture_output=True)


def record_word(name: str, text: str, target: Path) -> None:
    lang = name.split("/", 1)[0]
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.wav"
        _run(["espeak-ng", "-v", VOICES[lang], "-s", str(SPEED_WPM), "-w", str(raw), text])
        # Trim silence, then 30 ms of air at the end so joined words do not collide.
        _run(["sox", str(raw), *OUT_FORMAT, str(target), *TRIM, "pad", "0", "0.03"])


def record_chime(target: Path) -> None:
    """Two soft tones, E6 then C6, each fading out: the hall's "ding-dong"."""
    with tempfile.TemporaryDirectory() as tmp:
        ding, dong = Path(tmp) / "ding.wav", Path(tmp) / "dong.wav"
        for path, note, length in ((ding, "1318.5", "0.45"), (dong, "1046.5", "0.7")):
            _run(["sox", "-n", *OUT_FORMAT, str(path), "synth", length, "sine", note,
                  "fade", "l", "0.01", length, length, "vol", "0.5"])
        _run(["sox", str(ding), str(dong), *OUT_FORMAT, str(target), "pad", "0", "0.25"])


def record_pause(target: Path) -> None:
    _run(["sox", "-n", *OUT_FORMAT, str(target), "trim", "0", "0.3"])


def main() -> int:
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed", file=sys.stderr)
            return 1
    for name, text in CLIPS.items():
        target = HERE / f"{name}.wav"
        target.parent.mkdir(parents=True, exist_ok=True)
        record_word(name, text, target)
    record_chime(HERE / f"{CHIME}.wav")
    record_pause(HERE / f"{PAUSE}.wav")
    files = sorted(HERE.rglob("*.wav"))
    total = sum(p.stat().st_size for p in files)
    print(f"{len(files)} clips, {total / 1024:.0f} KiB in {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
