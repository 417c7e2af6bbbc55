"""Sentences of the command line: signing in with ``--as``, and input it refuses.

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``).
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    "cli_sign_in_needed": {
        "id": "'{command}' dilakukan atas nama seorang petugas: masuk dengan --as NAMA "
        "(kata sandinya di baris pertama input standar, atau ditanyakan).",
        "en": "'{command}' acts as an officer: sign in with --as NAME (the password on "
        "the first line of standard input, or asked for).",
    },
    "cli_officer_option_gone": {
        "id": "--officer tanpa kata sandi tidak berlaku lagi: masuk dengan --as NAMA "
        "(kata sandinya di baris pertama input standar).",
        "en": "--officer without a password is gone: sign in with --as NAME (the password "
        "on the first line of standard input).",
    },
    "cli_password_missing": {
        "id": "Tidak ada kata sandi di baris {line} input standar.",
        "en": "No password on line {line} of standard input.",
    },
    "cli_input_not_text": {
        "id": "Input standar bukan teks UTF-8 yang sah.",
        "en": "Standard input is not valid UTF-8 text.",
    },
    "cli_argument_not_text": {
        "id": "Argumen '{shown}' bukan teks UTF-8 yang sah.",
        "en": "The argument '{shown}' is not valid UTF-8 text.",
    },
    "cli_argument_too_long": {
        "id": "Argumen yang dimulai '{shown}' terlalu panjang (paling banyak {max} karakter).",
        "en": "The argument starting '{shown}' is too long (at most {max} characters).",
    },
    "cli_number_out_of_range": {
        "id": "{option} harus bilangan bulat dari {low} sampai {high}, bukan '{value}'.",
        "en": "{option} must be a whole number from {low} to {high}, not '{value}'.",
    },
    "cli_request_id_bad": {
        "id": "--request-id paling banyak {max} karakter: huruf, angka, titik, garis bawah, "
        "titik dua atau tanda hubung.",
        "en": "--request-id is at most {max} characters: letters, digits, dots, "
        "underscores, colons or dashes.",
    },
    "cli_date_bad": {
        "id": "{option} harus tanggal seperti 2024-07-01, bukan '{value}'.",
        "en": "{option} must be a date such as 2024-07-01, not '{value}'.",
    },
    "cli_file_name_bad": {
        "id": "Nama berkas '{shown}' tidak bisa dipakai: {reason}.",
        "en": "The file name '{shown}' cannot be used: {reason}.",
    },
    "cli_first_officer_only": {
        "id": "Tanpa --as hanya akun pertama kantor yang boleh dibuat, dan harus admin; "
        "kantor ini sudah punya petugas.",
        "en": "Without --as only the office's first account may be made, and it must be "
        "an admin; this office already has officers.",
    },
    "cli_first_officer_admin": {
        "id": "Akun pertama kantor harus admin (--role admin).",
        "en": "The office's first account must be an admin (--role admin).",
    },
}
