"""The words of a call, as the lobby display speaks it.

A call is spoken in Bahasa Indonesia, optionally followed by English::

    Nomor antrian B dua puluh lima, silakan menuju loket lima.
    Number B twenty-five, please go to counter five.

Numbers are spoken as number words ("dua puluh lima"), not digit by digit
("nol dua lima"): it is how Indonesian offices, banks and hospitals call
(see ``docs/decisions.md``), it is shorter for most numbers, and leading zeros
of the printed number carry no information. The prefix letter is spoken by its
Indonesian (or English) name ("be", "bee").

Each sentence exists twice: as text, for a text-to-speech engine, and as a list
of clip names, for the bundled recordings in ``resources/voice`` (made by
``resources/voice/make_clips.py`` from :data:`CLIPS`). Both are built from the
same words, so the recording says exactly what the text says.

Only a ticket's number and a counter's number are ever spoken: no names, no
application or passport numbers (UU PDP 27/2022).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Final

LANGUAGES: Final = ("id", "en")
CHIME: Final = "chime"
PAUSE: Final = "pause"

_ID_UNITS: Final = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh",
                    "delapan", "sembilan")
_EN_UNITS: Final = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                    "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                    "sixteen", "seventeen", "eighteen", "nineteen")
_EN_TENS: Final = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                   "eighty", "ninety")

# The phrases around the number, per language: (before the number, before the counter).
_PHRASES: Final = {
    "id": ("Nomor antrian", "silakan menuju loket"),
    "en": ("Number", "please go to counter"),
}
_PHRASE_CLIPS: Final = {
    "id": ("id/nomor_antrian", "id/silakan_menuju_loket"),
    "en": ("en/number", "en/please_go_to_counter"),
}

# The largest number spoken in words; beyond it digits are read one by one.
MAX_WORDS = 999_999


def _id_words(n: int) -> list[str]:
    """Indonesian number words of ``0 <= n <= MAX_WORDS``, one word (clip) each."""
    if n < 10:
        return [_ID_UNITS[n]]
    if n == 10:
        return ["sepuluh"]
    if n == 11:
        return ["sebelas"]
    if n < 20:
        return [_ID_UNITS[n - 10], "belas"]
    if n < 100:
        tens, rest = divmod(n, 10)
        return [_ID_UNITS[tens], "puluh", *(_id_words(rest) if rest else [])]
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = ["seratus"] if hundreds == 1 else [_ID_UNITS[hundreds], "ratus"]
        return head + (_id_words(rest) if rest else [])
    thousands, rest = divmod(n, 1000)
    head = ["seribu"] if thousands == 1 else [*_id_words(thousands), "ribu"]
    return head + (_id_words(rest) if rest else [])


def _en_words(n: int) -> list[str]:
    """English number words of ``0 <= n <= MAX_WORDS`` (``twenty five``: one clip each)."""
    if n < 20:
        return [_EN_UNITS[n]]
    if n < 100:
        tens, rest = divmod(n, 10)
        return [_EN_TENS[tens], *(_en_words(rest) if rest else [])]
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return [_EN_UNITS[hundreds], "hundred", *(_en_words(rest) if rest else [])]
    thousands, rest = divmod(n, 1000)
    return [*_en_words(thousands), "thousand", *(_en_words(rest) if rest else [])]


def number_words(n: int, lang: str) -> list[str]:
    """``n`` as words in ``lang`` (``25`` → ``["dua", "puluh", "lima"]``).

    Beyond :data:`MAX_WORDS` (never reached by a day's tickets) the digits are read.
    """
    if n < 0:
        raise ValueError(f"no words for a negative number: {n}")
    words = _id_words if lang == "id" else _en_words
    if n > MAX_WORDS:
        return [w for digit in str(n) for w in words(int(digit))]
    return words(n)


_TICKET = re.compile(r"^([A-Z]{1,2})(\d+)$")


def _split_ticket(number: str) -> tuple[str, int]:
    match = _TICKET.match(number.strip().upper())
    if match is None:
        raise ValueError(f"not a ticket number: {number!r}")
    return match.group(1), int(match.group(2))


@dataclass(frozen=True)
class Sentence:
    """One call in one language: the text to speak and the clips that say it."""

    lang: str
    text: str
    clips: list[str]


@dataclass(frozen=True)
class Announcement:
    """What the display says for one call (or recall) of a ticket to a counter."""

    number: str
    counter: int
    recall: bool
    sentences: dict[str, Sentence]

    def sentence(self, lang: str) -> Sentence:
        return self.sentences[lang]


def _spelled(n: int, words: list[str], lang: str) -> str:
    """Words as written: English joins tens and units with a hyphen ("twenty-five")."""
    if lang == "en" and n % 100 > 20 and n % 10 and len(words) >= 2:
        words = [*words[:-2], f"{words[-2]}-{words[-1]}"]
    return " ".join(words)


def _word_clip(lang: str, word: str) -> str:
    return f"{lang}/{word.replace(' ', '_')}"


def sentence(number: str, counter: int, lang: str) -> Sentence:
    """The call of ticket ``number`` to counter ``counter`` in ``lang`` (``id`` / ``en``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    if counter < 0:
        raise ValueError(f"not a counter number: {counter}")
    prefix, seq = _split_ticket(number)
    before_number, before_counter = _PHRASES[lang]
    clip_number, clip_counter = _PHRASE_CLIPS[lang]
    seq_words = number_words(seq, lang)
    counter_words = number_words(counter, lang)
    number_text = _spelled(seq, seq_words, lang)
    counter_text = _spelled(counter, counter_words, lang)
    text = f"{before_number} {' '.join(prefix)} {number_text}, {before_counter} {counter_text}."
    clips = [clip_number,
             *(f"{lang}/letter_{ch.lower()}" for ch in prefix),
             *(_word_clip(lang, w) for w in seq_words),
             PAUSE,
             clip_counter,
             *(_word_clip(lang, w) for w in counter_words)]
    return Sentence(lang=lang, text=text, clips=clips)


def announcement(number: str, counter: int, *, recall: bool = False,
                 languages: tuple[str, ...] = LANGUAGES) -> Announcement:
    """The call of ``number`` to ``counter`` in each of ``languages``."""
    return Announcement(number=number, counter=counter, recall=recall,
                        sentences={lang: sentence(number, counter, lang) for lang in languages})


def clip_sequence(item: Announcement, languages: tuple[str, ...]) -> list[str]:
    """Every clip of one announcement in order: the chime, then each language."""
    clips = [CHIME]
    for i, lang in enumerate(languages):
        if i:
            clips.append(PAUSE)
        clips.extend(item.sentence(lang).clips)
    return clips


def _clip_texts() -> dict[str, str]:
    """Every clip a call may use → what it says (``make_clips.py`` records these)."""
    texts: dict[str, str] = {}
    for lang in LANGUAGES:
        for phrase, clip in zip(_PHRASES[lang], _PHRASE_CLIPS[lang], strict=True):
            texts[clip] = phrase.lower()
        # A capital letter alone: the voice says the letter's name in its language.
        for letter in string.ascii_uppercase:
            texts[f"{lang}/letter_{letter.lower()}"] = letter
    for word in {*_ID_UNITS, "sepuluh", "sebelas", "belas", "puluh", "seratus", "ratus",
                 "seribu", "ribu"}:
        texts[_word_clip("id", word)] = word
    for word in {*_EN_UNITS, *_EN_TENS[2:], "hundred", "thousand"}:
        texts[_word_clip("en", word)] = word
    return dict(sorted(texts.items()))


# Clip name → the words it says. Besides these: CHIME (a two-tone chime) and PAUSE.
CLIPS: Final[dict[str, str]] = _clip_texts()
