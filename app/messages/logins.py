"""Sentences of the database logins per kind of PC (``loket db-user``, the set-up).

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``).
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    "cli_out_db_user_made": {
        "id": "{name}: login untuk PC {mode}",
        "en": "{name}: a {mode} PC's login",
    },
    "cli_out_db_user_dropped": {
        "id": "{name}: login dihapus",
        "en": "{name}: dropped",
    },
    "db_user_sqlite": {
        "id": "Database SQLite adalah satu berkas di satu PC dan tidak punya login; "
        "login per jenis PC hanya ada di PostgreSQL dan MariaDB.",
        "en": "A SQLite database is one file on one PC and has no logins; a login per "
        "kind of PC exists on PostgreSQL and MariaDB only.",
    },
    "db_user_bad_name": {
        "id": "Nama login harus 2–31 huruf kecil, angka atau garis bawah, diawali huruf.",
        "en": "A login's name is 2–31 lowercase letters, digits or underscores, starting "
        "with a letter.",
    },
    "db_user_password_short": {
        "id": "Kata sandi login database minimal {min} karakter, dalam satu baris.",
        "en": "A database login's password has at least {min} characters, on one line.",
    },
    "db_user_bad_mode": {
        "id": "Mode '{mode}' tidak dikenal; pilih display, kiosk, counter atau admin.",
        "en": "Unknown mode '{mode}'; choose display, kiosk, counter or admin.",
    },
    "db_user_bad_host": {
        "id": "Host '{host}' tidak berlaku untuk login MariaDB.",
        "en": "Host '{host}' is not valid for a MariaDB login.",
    },
    "db_user_exists": {
        "id": "Login '{name}' sudah ada di server tetapi bukan login Loket untuk database "
        "ini; pilih nama lain.",
        "en": "Login '{name}' already exists on the server but is not a Loket login of "
        "this database; choose another name.",
    },
    "db_user_unknown": {
        "id": "Tidak ada login Loket bernama '{name}' untuk database ini.",
        "en": "There is no Loket login named '{name}' for this database.",
    },
    "db_user_is_you": {
        "id": "'{name}' adalah login yang sedang dipakai; login pemilik database tidak "
        "diubah atau dihapus di sini.",
        "en": "'{name}' is the login in use; the database owner's login is not changed "
        "or dropped here.",
    },
    "db_user_needs_owner": {
        "id": "Login database ini tidak boleh membuat login lain. Jalankan perintah ini "
        "dengan URL pemilik database (--db).",
        "en": "This database login may not create other logins. Run this command with "
        "the database owner's URL (--db).",
    },
    "setup_owner_login": {
        "id": "Login '{user}' boleh mengubah data petugas (pemilik database atau login PC "
        "admin). PC {mode} harus memakai login miliknya sendiri: buat dengan "
        "'loket db-user create NAMA --mode {mode}' lalu masukkan login itu.",
        "en": "Login '{user}' may change officers (the database owner or an admin PC's "
        "login). A {mode} PC must use a login of its own: make one with "
        "'loket db-user create NAME --mode {mode}' and enter that login.",
    },
}
