"""Sentences of a PC's set-up: its configuration file and Test connection.

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``). A failed
connection says what to check, not only what happened.
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    # --- this PC's configuration file ---
    "pc_config_invalid": {
        "id": "Pengaturan PC ini tidak berlaku: {reason}",
        "en": "This PC's configuration is not valid: {reason}",
    },
    "pc_config_invalid_file": {
        "id": "Berkas pengaturan {path} tidak dapat dibaca ({reason}). Jalankan 'loket setup' "
        "untuk mengaturnya kembali.",
        "en": "The configuration file {path} cannot be read ({reason}). Run 'loket setup' "
        "to set this PC up again.",
    },
    "pc_config_password_missing": {
        "id": "Kata sandi basis data untuk {account} tidak ada di penyimpanan kata sandi "
        "sistem. Jalankan 'loket setup' dan masukkan kembali.",
        "en": "The database password for {account} is not in the system's password store. "
        "Run 'loket setup' and enter it again.",
    },
    "pc_config_missing": {
        "id": "PC ini belum diatur. Jalankan 'loket setup' di layar PC ini, atau berikan "
        "basis data dengan --db.",
        "en": "This PC is not set up yet. Run 'loket setup' on this PC's screen, or give a "
        "database with --db.",
    },
    "demo_on_real_office": {
        "id": "Basis data ini berisi kantor yang bukan buatan demo; demo tidak boleh "
        "mengisinya dengan data contoh. Pakai berkas tersendiri: loket --db "
        "sqlite:///demo.sqlite3 demo",
        "en": "This database holds an office the demo did not make; the demo must not "
        "fill it with made-up data. Use a file of its own: loket --db "
        "sqlite:///demo.sqlite3 demo",
    },
    "demo_on_office_pc": {
        "id": "PC ini sudah diatur untuk kantor ({path}); demo tidak boleh mengisi basis "
        "datanya dengan data contoh. Pakai berkas tersendiri: loket --db "
        "sqlite:///demo.sqlite3 demo",
        "en": "This PC is set up for an office ({path}); the demo must not fill its database "
        "with made-up data. Use a file of its own: loket --db sqlite:///demo.sqlite3 demo",
    },
    "pc_settings_needs_admin": {
        "id": "Pengaturan PC hanya boleh dibuka oleh admin.",
        "en": "Only an admin may open the PC settings.",
    },
    "setup_counter_missing": {
        "id": "PC loket perlu nomor loketnya: --counter N.",
        "en": "A counter PC needs its counter number: --counter N.",
    },
    "setup_no_office": {
        "id": "Basis data ini belum berisi kantor Loket. Siapkan dulu dari satu PC (jendela "
        "pengaturan, atau loket init-db), lalu atur PC ini.",
        "en": "This database holds no Loket office yet. Set it up from one PC first (the "
        "set-up window, or loket init-db), then set this PC up.",
    },
    "windows_need_qt": {
        "id": "Jendela Loket memerlukan Qt, yang tidak terpasang atau tidak dapat "
        "dimuat di PC ini; perintah tanpa jendela tetap bisa dipakai (loket --help).",
        "en": "Loket's windows need Qt, which is not installed or cannot be loaded "
        "on this PC; the commands without windows still work (loket --help).",
    },
    "command_needs_windows": {
        "id": "'{command}' membuka jendela Loket: jalankan program loket, bukan python -m app.",
        "en": "'{command}' opens Loket's windows: run the loket program, not python -m app.",
    },
    "display_missing": {
        "id": "Jendela Loket memerlukan layar; di sini hanya perintah yang bisa dipakai "
        "(loket --help).",
        "en": "Loket's windows need a screen; here only the commands can be used "
        "(loket --help).",
    },
    "schema_migration_busy": {
        "id": "PC lain sedang memperbarui basis data ke versi Loket yang baru. Coba lagi "
        "sebentar lagi.",
        "en": "Another PC is updating the database for the new version of Loket. Try again "
        "in a minute.",
    },
    # --- Test connection: what went wrong, and what to check ---
    "connection_field_missing": {
        "id": "Isian '{field}' masih kosong atau tidak berlaku.",
        "en": "The field '{field}' is empty or not valid.",
    },
    "connection_wrong_password": {
        "id": "Server menolak nama pengguna '{user}' dengan kata sandi ini. Periksa kata "
        "sandinya (huruf besar/kecil berpengaruh).",
        "en": "The server refused user '{user}' with this password. Check the password "
        "(capitals matter).",
    },
    "connection_user_unknown": {
        "id": "Pengguna '{user}' tidak ada di server. Periksa ejaannya, atau minta admin "
        "server membuatnya (lihat docs/server-setup.md).",
        "en": "There is no user '{user}' on the server. Check the spelling, or ask the "
        "server's administrator to create it (see docs/server-setup.md).",
    },
    "connection_database_missing": {
        "id": "Server terhubung, tetapi basis data '{database}' tidak ada di sana. Periksa "
        "namanya, atau buat dulu di server.",
        "en": "The server answered, but it has no database '{database}'. Check the name, "
        "or create it on the server first.",
    },
    "connection_not_allowed": {
        "id": "Server tidak menerima sambungan dari PC ini untuk pengguna '{user}'. Admin "
        "server perlu mengizinkan jaringan kantor (pg_hba.conf atau GRANT … @'192.168.x.%').",
        "en": "The server does not accept connections from this PC for user '{user}'. The "
        "server's administrator must allow the office network (pg_hba.conf, or GRANT … "
        "@'192.168.x.%').",
    },
    "connection_no_permission": {
        "id": "Pengguna '{user}' tidak boleh memakai basis data '{database}': basis data itu "
        "tidak ada, atau pengguna belum diberi hak atasnya (GRANT). Periksa namanya.",
        "en": "User '{user}' may not use database '{database}': it does not exist, or the "
        "user has not been granted rights on it (GRANT). Check the name.",
    },
    "connection_host_unknown": {
        "id": "Nama server '{host}' tidak dikenal di jaringan. Periksa ejaannya, atau pakai "
        "alamat IP-nya (misalnya 192.168.10.5).",
        "en": "The server name '{host}' is not known on the network. Check the spelling, or "
        "use its IP address (e.g. 192.168.10.5).",
    },
    "connection_refused": {
        "id": "{host} menjawab, tetapi tidak ada server basis data di port {port}. Periksa "
        "nomor port dan apakah layanan basis data berjalan dan mendengarkan jaringan.",
        "en": "{host} answered, but no database server listens on port {port}. Check the "
        "port number and whether the database service is running and listening on the "
        "network.",
    },
    "connection_host_unreachable": {
        "id": "Server {host} tidak dapat dijangkau (port {port}). Periksa apakah server "
        "menyala, kabel jaringan, dan firewall.",
        "en": "The server {host} cannot be reached (port {port}). Check that it is switched "
        "on, the network cable, and the firewall.",
    },
    # The driver's own text (the reason) goes to the log, never into these sentences.
    "connection_failed": {
        "id": "Sambungan ke server basis data gagal. Periksa alamat, port, dan nama basis "
        "data, lalu coba lagi; rinciannya tercatat di berkas log Loket.",
        "en": "The connection to the database server failed. Check the address, the port "
        "and the database name, then try again; the details are in Loket's log file.",
    },
    "connection_sqlite_unusable": {
        "id": "Berkas {path} tidak dapat dipakai sebagai basis data: bukan berkas SQLite, "
        "rusak, atau sedang dikunci program lain. Pilih berkas lain.",
        "en": "The file {path} cannot be used as a database: it is not a SQLite file, it "
        "is damaged, or another program holds it. Choose another file.",
    },
    "connection_sqlite_is_folder": {
        "id": "{path} adalah folder. Tulis nama berkas basis data di dalamnya (misalnya "
        "loket.sqlite3).",
        "en": "{path} is a folder. Give the name of a database file inside it (for example "
        "loket.sqlite3).",
    },
    "connection_sqlite_cannot_create": {
        "id": "Berkas basis data {path} tidak dapat dibuat: foldernya tidak boleh ditulisi, "
        "hanya-baca, atau penuh. Pilih folder lain.",
        "en": "The database file {path} cannot be created: its folder may not be written "
        "to, is read-only, or is full. Choose another folder.",
    },
    "connection_cannot_create": {
        "id": "Pengguna '{user}' tidak boleh membuat tabel di basis data '{database}'. "
        "Jadikan pemiliknya (PostgreSQL: createdb --owner) atau beri hak sesuai "
        "docs/server-setup.md (MariaDB: GRANT … ON {database}.*).",
        "en": "User '{user}' may not create tables in database '{database}'. Make it the "
        "owner (PostgreSQL: createdb --owner) or grant the rights in docs/server-setup.md "
        "(MariaDB: GRANT … ON {database}.*).",
    },
    # --- Test connection: it worked; what the database holds ---
    "connection_ok": {
        "id": "Terhubung ke {server}.",
        "en": "Connected to {server}.",
    },
    "connection_state_empty": {
        "id": "Basis data masih kosong: Loket akan menyiapkannya dan membuat admin pertama.",
        "en": "The database is empty: Loket will set it up and create the first admin.",
    },
    "connection_state_current": {
        "id": "Basis data Loket siap dipakai.",
        "en": "Loket's database is ready to use.",
    },
    "connection_state_older": {
        "id": "Basis data Loket versi {found} akan diperbarui ke versi {known} saat mulai "
        "(sekali saja, oleh PC pertama).",
        "en": "Loket's database version {found} will be updated to version {known} at the "
        "start (once, by the first PC).",
    },
    "connection_state_newer": {
        "id": "Basis data ini dipakai Loket yang lebih baru (skema {found}, versi ini "
        "mengenal {known}). Perbarui Loket di PC ini dulu.",
        "en": "This database is used by a newer Loket (schema {found}; this version knows "
        "{known}). Update Loket on this PC first.",
    },
    "connection_state_foreign": {
        "id": "Basis data ini berisi {tables} tabel lain yang bukan milik Loket. Pilih basis "
        "data kosong khusus untuk Loket.",
        "en": "This database holds {tables} other tables that are not Loket's. Choose an "
        "empty database of Loket's own.",
    },
}
