"""Sentences of the supervisor's window: backup, restore, scheduled backups and the retention purge.

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``).
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    # --- making a backup ---
    "backup_dest_exists": {
        "id": "Berkas {path} sudah ada; cadangan tidak menimpa berkas lain. Pilih nama lain "
        "atau sebuah folder.",
        "en": "The file {path} already exists; a backup never overwrites another file. "
        "Choose another name or a folder.",
    },
    "backup_dest_unwritable": {
        "id": "Cadangan tidak dapat ditulis ke {path}: {reason}",
        "en": "The backup cannot be written to {path}: {reason}",
    },
    "backup_format_unknown": {
        "id": "Format cadangan '{format}' tidak dikenal; pilih sqlite atau dump.",
        "en": "Unknown backup format '{format}'; choose sqlite or dump.",
    },
    "backup_sqlite_needs_sqlite": {
        "id": "Basis data server hanya dapat dicadangkan sebagai dump portabel Loket "
        "(--format dump).",
        "en": "A server database can only be backed up as a portable Loket dump "
        "(--format dump).",
    },
    "backup_memory_database": {
        "id": "Basis data di memori tidak dapat dicadangkan.",
        "en": "An in-memory database cannot be backed up.",
    },
    "backup_copy_failed": {
        "id": "Salinan cadangan gagal diperiksa; berkas tidak disimpan. Coba lagi, lalu "
        "periksa disk dan basis data (rinciannya tercatat di berkas log Loket).",
        "en": "The backup copy failed its check; no file was kept. Try again, then check "
        "the disk and the database (the details are in Loket's log file).",
    },
    "backup_folder_invalid": {
        "id": "Folder cadangan '{folder}' tidak berlaku: tulis jalur lengkap (mis. "
        "D:\\Cadangan atau /srv/loket/cadangan), atau kosongkan untuk folder bawaan.",
        "en": "The backup folder '{folder}' is not valid: give a full path (e.g. "
        "D:\\Backups or /srv/loket/backups), or leave it empty for the default folder.",
    },
    # --- reading and checking a backup ---
    "backup_unreadable": {
        "id": "Berkas {path} tidak dapat dibuka: {reason}",
        "en": "The file {path} cannot be opened: {reason}",
    },
    "backup_unknown_format": {
        "id": "Berkas {path} bukan cadangan Loket (bukan berkas SQLite maupun dump Loket).",
        "en": "The file {path} is not a Loket backup (neither a SQLite file nor a Loket "
        "dump).",
    },
    "backup_not_loket": {
        "id": "Berkas SQLite {path} tidak berisi basis data Loket.",
        "en": "The SQLite file {path} does not hold a Loket database.",
    },
    "backup_damaged": {
        "id": "Berkas cadangan rusak: isinya tidak terbaca sebagai cadangan Loket. Jangan "
        "gunakan berkas ini (rinciannya tercatat di berkas log Loket).",
        "en": "The backup file is damaged: its content cannot be read as a Loket backup. Do "
        "not use this file (the details are in Loket's log file).",
    },
    "backup_sqlite_unreadable": {
        "id": "Berkas cadangan rusak: SQLite tidak dapat membacanya. Jangan gunakan berkas ini.",
        "en": "The backup file is damaged: SQLite cannot read it. Do not use this file.",
    },
    "backup_truncated": {
        "id": "Berkas cadangan tidak lengkap (terpotong); jangan gunakan berkas ini.",
        "en": "The backup file is incomplete (cut off); do not use this file.",
    },
    "backup_schema_too_new": {
        "id": "Cadangan ini dibuat oleh Loket yang lebih baru (skema versi {found}; program "
        "ini mengenal sampai versi {known}). Perbarui Loket dulu.",
        "en": "This backup was made by a newer Loket (schema version {found}; this program "
        "knows up to version {known}). Update Loket first.",
    },
    "backup_schema_invalid": {
        "id": "Versi skema cadangan ({found}) tidak berlaku.",
        "en": "The backup's schema version ({found}) is not valid.",
    },
    "backup_table_missing": {
        "id": "Tabel {table} tidak ada di dalam cadangan.",
        "en": "The table {table} is missing from the backup.",
    },
    "backup_table_unknown": {
        "id": "Tabel {table} di dalam cadangan tidak dikenal oleh program ini.",
        "en": "The table {table} in the backup is unknown to this program.",
    },
    "backup_column_unknown": {
        "id": "Kolom {table}.{column} di dalam cadangan tidak dikenal oleh program ini.",
        "en": "The column {table}.{column} in the backup is unknown to this program.",
    },
    "backup_count_mismatch": {
        "id": "Tabel {table} berisi {found} baris, seharusnya {expected}.",
        "en": "The table {table} holds {found} rows; it should hold {expected}.",
    },
    "backup_integrity_failed": {
        "id": "Pemeriksaan integritas SQLite gagal: berkas ini rusak (rinciannya tercatat di "
        "berkas log Loket).",
        "en": "The SQLite integrity check failed: the file is damaged (the details are in "
        "Loket's log file).",
    },
    "backup_tampered": {
        "id": "Cadangan {path} telah diubah sejak dibuat (isinya tidak cocok dengan segelnya); "
        "berkas ini tidak dipakai. Pakai cadangan lain.",
        "en": "The backup {path} has been changed since it was made (its content does not "
        "match its seal); it is not used. Use another backup.",
    },
    "backup_unsealed": {
        "id": "Cadangan {path} dibuat oleh Loket versi lama tanpa segel: perubahan isinya "
        "tidak dapat diperiksa.",
        "en": "The backup {path} was made by an older Loket without a seal: changes to its "
        "content cannot be checked.",
    },
    "backup_setting_invalid": {
        "id": "Pengaturan {key} di cadangan ini tidak dapat dibaca program (bukan JSON, atau "
        "kunci tanda tangan bukan heksadesimal); cadangan tidak dipulihkan.",
        "en": "The setting {key} in this backup cannot be read by the program (not JSON, or "
        "a signing key that is not hexadecimal); the backup is not restored.",
    },
    "backup_fk_broken": {
        "id": "{count} baris di tabel {table} merujuk ke {ref_table} yang tidak ada (kolom "
        "{column}).",
        "en": "{count} row(s) of the table {table} refer to a missing {ref_table} (column "
        "{column}).",
    },
    # --- restoring ---
    "restore_target_not_empty": {
        "id": "Basis data tujuan sudah berisi data ({tickets} nomor antrian, {officers} "
        "petugas, {passports} paspor). Pulihkan ke basis data kosong, atau ulangi dengan "
        "--force untuk menggantinya seluruhnya.",
        "en": "The target database already holds data ({tickets} tickets, {officers} "
        "officers, {passports} passports). Restore into an empty database, or repeat with "
        "--force to replace it entirely.",
    },
    "restore_target_too_new": {
        "id": "Basis data tujuan memakai skema versi {found}, lebih baru dari program ini "
        "(sampai versi {known}). Perbarui Loket dulu.",
        "en": "The target database uses schema version {found}, newer than this program "
        "(up to version {known}). Update Loket first.",
    },
    "restore_failed": {
        "id": "Pemulihan dibatalkan, basis data tujuan tidak diubah. Server basis data "
        "menolak salah satu langkahnya; rinciannya tercatat di berkas log Loket.",
        "en": "The restore was cancelled and the target database left unchanged. The "
        "database server refused one of its steps; the details are in Loket's log file.",
    },
}
