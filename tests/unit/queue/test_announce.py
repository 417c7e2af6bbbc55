"""The words of a call: number words in Bahasa Indonesia and English, and the clips."""

from __future__ import annotations

import re
import string
import wave
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.queue.announce import (
    CHIME,
    CLIPS,
    MAX_WORDS,
    PAUSE,
    announcement,
    clip_sequence,
    number_words,
    sentence,
)

VOICE = Path(str(resources.files("resources").joinpath("voice")))


@pytest.mark.parametrize(("n", "words"), [
    (0, "nol"), (1, "satu"), (7, "tujuh"), (10, "sepuluh"), (11, "sebelas"),
    (12, "dua belas"), (19, "sembilan belas"), (20, "dua puluh"), (25, "dua puluh lima"),
    (99, "sembilan puluh sembilan"), (100, "seratus"), (101, "seratus satu"),
    (111, "seratus sebelas"), (200, "dua ratus"), (345, "tiga ratus empat puluh lima"),
    (1000, "seribu"), (1001, "seribu satu"), (2025, "dua ribu dua puluh lima"),
    (11_000, "sebelas ribu"), (100_000, "seratus ribu"),
    (999_999, "sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh "
              "sembilan"),
])
def test_indonesian_number_words(n: int, words: str) -> None:
    assert " ".join(number_words(n, "id")) == words


@pytest.mark.parametrize(("n", "words"), [
    (0, "zero"), (13, "thirteen"), (20, "twenty"), (25, "twenty five"),
    (100, "one hundred"), (105, "one hundred five"), (1000, "one thousand"),
    (2025, "two thousand twenty five"),
])
def test_english_number_words(n: int, words: str) -> None:
    assert " ".join(number_words(n, "en")) == words


def test_beyond_the_words_the_digits_are_read() -> None:
    assert number_words(MAX_WORDS + 1, "id") == ["satu", "nol", "nol", "nol", "nol", "nol",
                                                 "nol"]
    with pytest.raises(ValueError):
        number_words(-1, "id")


def test_the_call_in_both_languages() -> None:
    item = announcement("B025", 5)
    assert item.sentence("id").text == "Nomor antrian B dua puluh lima, silakan menuju loket lima."
    assert item.sentence("en").text == "Number B twenty-five, please go to counter five."
    assert item.sentence("id").clips == [
        "id/nomor_antrian", "id/letter_b", "id/dua", "id/puluh", "id/lima", PAUSE,
        "id/silakan_menuju_loket", "id/lima"]
    assert announcement("A1000", 12).sentence("id").text == (
        "Nomor antrian A seribu, silakan menuju loket dua belas.")
    assert clip_sequence(item, ("id", "en"))[0] == CHIME
    assert clip_sequence(item, ("id",)) == [CHIME, *item.sentence("id").clips]


@pytest.mark.parametrize("bad", ["", "025", "B", "B-025", "Budi Santoso"])
def test_only_ticket_numbers_are_spoken(bad: str) -> None:
    with pytest.raises(ValueError):
        sentence(bad, 1, "id")


def _words_of(text: str) -> list[str]:
    return re.sub(r"[,.]", "", text).replace("-", " ").lower().split()


@given(prefix=st.text(string.ascii_uppercase, min_size=1, max_size=2),
       seq=st.integers(1, 99_999), counter=st.integers(1, 999),
       lang=st.sampled_from(["id", "en"]))
def test_the_clips_say_exactly_the_text(prefix: str, seq: int, counter: int,
                                        lang: str) -> None:
    said = sentence(f"{prefix}{seq:03d}", counter, lang)
    recorded = " ".join(CLIPS[c] for c in said.clips if c != PAUSE)
    assert _words_of(recorded) == _words_of(said.text)


def test_every_clip_is_recorded_small_and_in_the_joinable_format() -> None:
    files = {p.relative_to(VOICE).with_suffix("").as_posix(): p for p in VOICE.rglob("*.wav")}
    assert set(files) == {*CLIPS, CHIME, PAUSE}
    total = 0
    for path in files.values():
        with wave.open(str(path), "rb") as clip:
            assert (clip.getframerate(), clip.getnchannels(), clip.getsampwidth()) == (
                16_000, 1, 2), path
            assert 0.05 < clip.getnframes() / 16_000 < 3.0, path
        total += path.stat().st_size
    assert total < 3 * 1024 * 1024
