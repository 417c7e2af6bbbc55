"""The command line's help in Bahasa Indonesia: every help text of ``loket --help`` and
of each command's ``--help``, by its English original, and argparse's own words.

The help texts are written in English where each command is defined (``app/cli/*.py``,
``ui/main.py``); in Indonesian the parser replaces each one by its entry here once it
is built (:func:`app.cli.parser.build`). A help text without an entry stays English:
``tests/unit/cli/test_cli_help.py`` names it. Command names, option names, file formats,
placeholders (FILE, URL) and values a person types stay as they are.
"""

from __future__ import annotations

from typing import Final

# The parser and its global options (app/cli/parser.py).
HELP: Final[dict[str, str]] = {
    "Loket: queues and passport pickup for an immigration office's service hall.":
        "Loket: antrian dan pengambilan paspor untuk ruang layanan kantor imigrasi.",
    "database URL (sqlite:///file, postgresql://user@host/db, mysql://user@host/db); "
    "default: $LOKET_DB, else a SQLite file in the user's data directory":
        "URL basis data (sqlite:///file, postgresql://user@host/db, "
        "mysql://user@host/db); bawaan: $LOKET_DB, bila tidak ada, berkas SQLite di "
        "folder data pengguna",
    "print one JSON object": "cetak satu objek JSON",
    "language of messages (default id)": "bahasa pesan (bawaan id)",
    "sign in as this officer: the password is the first line of standard input (or "
    "asked on a terminal); the act is checked against their role and audited under "
    "their name":
        "masuk sebagai petugas ini: kata sandinya di baris pertama input standar (atau "
        "ditanyakan di terminal); tindakan diperiksa menurut perannya dan dicatat di log "
        "audit atas namanya",
    "log details to stderr": "tulis rincian log ke stderr",
    # The commands (parser.COMMANDS).
    "set up this PC: its mode, its database and its counter. Without --mode, the set-up "
    "window (this PC only, or a shared server, with Test connection); with --mode, from "
    "the command line on the database of --db (tested first; a server's password from "
    "the URL, else stdin or a prompt), for setting up many PCs by script. Without a "
    "command, loket starts the mode set up here":
        "atur PC ini: modenya, basis datanya dan loketnya. Tanpa --mode, jendela "
        "pengaturan (PC ini saja, atau server bersama, dengan Uji koneksi); dengan --mode, "
        "dari baris perintah pada basis data --db (diuji dulu; kata sandi server dari URL, "
        "bila tidak ada dari stdin atau ditanyakan), untuk mengatur banyak PC lewat skrip. "
        "Tanpa perintah, loket menjalankan mode yang diatur di sini",
    "create or migrate the schema (idempotent)":
        "buat atau migrasikan skema (aman diulang)",
    "set up the demo office on this database and open the lobby display, a kiosk and a "
    "counter on it":
        "siapkan kantor demo di basis data ini lalu buka layar ruang tunggu, kios dan "
        "loket di atasnya",
    "waiting per queue and what each counter serves":
        "jumlah yang menunggu per antrian dan yang sedang dilayani tiap loket",
    "expire tickets of earlier days, prune the change feed":
        "kedaluwarsakan nomor antrian hari-hari sebelumnya, pangkas umpan perubahan",
    "the change feed after an event id": "umpan perubahan setelah id peristiwa",
    "issue, call and serve tickets": "ambil, panggil dan layani nomor antrian",
    "pause a counter (break, prayer, system fault) or resume it (signed in with --as; "
    "audited)":
        "jeda loket (istirahat, ibadah, gangguan sistem) atau lanjutkan (masuk dengan --as; "
        "dicatat di log audit)",
    "the list of passports waiting for pickup": "daftar paspor yang menunggu diambil",
    "verify, check in and hand over passports":
        "periksa, daftarkan kedatangan dan serahkan paspor",
    "the day's M-Paspor bookings: import the list, check a booking in, list them, "
    "report booked against walk-in":
        "booking M-Paspor hari ini: impor daftarnya, daftarkan kedatangan booking, "
        "tampilkan, laporkan booking dibanding datang langsung",
    "write a consistent backup while the counters keep working (audited)":
        "buat cadangan yang konsisten sementara loket tetap bekerja (dicatat di log audit)",
    "restore a backup into the database of --db, $LOKET_DB or this PC's set-up (stop "
    "every counter first); prints the check of the result":
        "pulihkan cadangan ke basis data --db, $LOKET_DB atau pengaturan PC ini "
        "(hentikan semua loket dulu); mencetak hasil pemeriksaannya",
    "check a backup file without restoring it (no database needed)":
        "periksa berkas cadangan tanpa memulihkannya (tanpa basis data)",
    "erase names and passport numbers of passports collected or cancelled more than "
    "retention_days ago (UU PDP 27/2022; audited)":
        "hapus nama dan nomor paspor dari paspor yang diambil atau dibatalkan lebih dari "
        "retention_days yang lalu (UU PDP 27/2022; dicatat di log audit)",
    "office settings shared by every PC": "pengaturan kantor yang berlaku di semua PC",
    "messages to applicants that their passport is ready: deliver them (run), what "
    "failed and why (list), retry, opt-out":
        "pesan kepada pemohon bahwa paspornya siap: kirim (run), yang gagal dan sebabnya "
        "(list), kirim ulang (retry), berhenti berlangganan (opt-out)",
    "how the office runs a weekday or a date (which queues open, which counter serves "
    "what, the hours numbers are issued), and the schedule (supervisor, signed in with "
    "--as)":
        "cara kantor berjalan pada suatu hari atau tanggal (antrian yang buka, layanan "
        "tiap loket, jam pengambilan nomor), dan jadwalnya (supervisor, masuk dengan --as)",
    "this PC's own settings: its counter, language, ticket printer, paper width, "
    "English calls (no database needed)":
        "pengaturan PC ini sendiri: loketnya, bahasa, printer nomor antrian, lebar kertas, "
        "panggilan berbahasa Inggris (tanpa basis data)",
    "officer accounts": "akun petugas",
    "a PostgreSQL or MariaDB login per kind of PC (display, kiosk, counter, admin) with "
    "only what it needs (admin, signed in with --as, on the database owner's --db URL)":
        "login PostgreSQL atau MariaDB per jenis PC (display, kiosk, counter, admin) "
        "dengan hak seperlunya saja (admin, masuk dengan --as, pada URL --db pemilik "
        "basis data)",
    "the supervisor's report for office days --from … --to … (supervisor, signed in "
    "with --as); --csv FILE writes it for Excel":
        "laporan supervisor untuk hari kerja --from … --to … (supervisor, masuk dengan "
        "--as); --csv FILE menulisnya untuk Excel",
    "the audit log of office days --from … --to … (supervisor, signed in with --as); "
    "--csv FILE writes it for Excel (audited)":
        "log audit hari kerja --from … --to … (supervisor, masuk dengan --as); --csv FILE "
        "menulisnya untuk Excel (dicatat di log audit)",
    "the satisfaction survey (SKM): survey report --from … --to … [--by "
    "queue|counter|officer] [--csv FILE] (supervisor, signed in with --as), survey "
    "answer TICKET --scores …":
        "survei kepuasan masyarakat (SKM): survey report --from … --to … [--by "
        "queue|counter|officer] [--csv FILE] (supervisor, masuk dengan --as), survey "
        "answer TICKET --scores …",
    # The commands that open windows (ui/main.py).
    "a window with the office status (needs a display)":
        "jendela berisi status kantor (memerlukan layar)",
    "the counter officer's window: call, serve, scan, hand over; with pause N --reason "
    "… or resume N, a counter's break from the command line":
        "jendela petugas loket: panggil, layani, pindai, serahkan; dengan pause N --reason "
        "… atau resume N, jeda loket dari baris perintah",
    "the lobby display: who is served where, calls spoken aloud":
        "layar ruang tunggu: siapa dilayani di mana, panggilan disuarakan",
    "the ticket kiosk: take a number, check in for a passport pickup":
        "kios antrian: ambil nomor, daftarkan kedatangan untuk pengambilan paspor",
    "the supervisor's window: officers, counters, queues, settings, backlog import, "
    "reports, audit log, backup (supervisors and admins only)":
        "jendela supervisor: petugas, loket, antrian, pengaturan, impor backlog, laporan, "
        "log audit, cadangan (hanya supervisor dan admin)",
    "the applicant's satisfaction survey (SKM) on a touch screen at a counter: asks "
    "about each ticket that counter finishes":
        "survei kepuasan pemohon (SKM) di layar sentuh sebuah loket: menanyakan setiap "
        "nomor antrian yang selesai dilayani loket itu",
    "a normal window instead of full screen": "jendela biasa, bukan layar penuh",
    "the counter whose finished tickets it asks about (default: this PC's counter)":
        "loket yang nomor antriannya selesai dilayani ditanyakan (bawaan: loket PC ini)",
    # loket setup, init-db, demo (app/cli/pc.py, app/cli/office.py).
    "what this PC is (set it up without the window)":
        "peran PC ini (atur tanpa jendela)",
    "with --mode counter: its number": "dengan --mode counter: nomor loketnya",
    "add the demo office": "tambahkan kantor demo",
    "office name for a new database": "nama kantor untuk basis data baru",
    "only print the office's status (also without a display)":
        "hanya cetak status kantor (juga tanpa layar)",
    # loket ticket (app/cli/tickets.py).
    "take a number in a queue": "ambil nomor di sebuah antrian",
    "call the next ticket": "panggil nomor berikutnya",
    "call a given waiting ticket": "panggil nomor tertentu yang sedang menunggu",
    "call the ticket again": "panggil nomor itu lagi",
    "the applicant is at the counter": "pemohon sudah di loket",
    "service done": "layanan selesai",
    "called, nobody came": "dipanggil, tidak ada yang datang",
    "void a ticket (audited)": "batalkan nomor (dicatat di log audit)",
    "put a no-show ticket back in line within requeue_grace_min minutes; it keeps its "
    "number (audited)":
        "kembalikan nomor yang tidak hadir ke antrian dalam requeue_grace_min menit; "
        "nomornya tetap (dicatat di log audit)",
    "send to another queue or counter": "alihkan ke antrian atau loket lain",
    "one ticket of today": "satu nomor antrian hari ini",
    "the signed code printed as a QR on a ticket":
        "kode bertanda tangan yang tercetak sebagai QR pada nomor antrian",
    "write the finished tickets an emergency PC's database issued into this one, once "
    "(supervisor, signed in with --as)":
        "tulis nomor antrian yang sudah selesai dari basis data PC darurat ke basis data "
        "ini, sekali saja (supervisor, masuk dengan --as)",
    "the emergency PC's Loket database: a SQLite file (darurat.sqlite3) or a URL, read "
    "only":
        "basis data Loket PC darurat: berkas SQLite (darurat.sqlite3) atau URL, hanya "
        "dibaca",
    "say what would be merged, write nothing":
        "sebutkan apa yang akan digabung, tanpa menulis apa pun",
    "also from a database that is not this office's backup (a server made anew instead "
    "of restored)":
        "juga dari basis data yang bukan cadangan kantor ini (server yang dibuat baru, "
        "bukan dipulihkan)",
    "target (one or both)": "tujuan (salah satu atau keduanya)",
    "client-made id; repeating it does not act twice":
        "id buatan klien; mengulanginya tidak menjalankan tindakan dua kali",
    "the counter handing it on": "loket yang mengalihkannya",
    "the counter putting it back": "loket yang mengembalikannya",
    "queue code or prefix, e.g. A or paspor": "kode atau awalan antrian, mis. A atau paspor",
    # loket counter (app/cli/counters.py).
    "pause a counter: it calls nobody and receives no transfer until resumed; the lobby "
    "display shows it paused (audited)":
        "jeda loket: tidak memanggil dan tidak menerima pengalihan sampai dilanjutkan; "
        "layar ruang tunggu menampilkannya dijeda (dicatat di log audit)",
    "end the counter's pause (audited)": "akhiri jeda loket (dicatat di log audit)",
    "break (istirahat), prayer (ibadah) or system (gangguan sistem)":
        "break (istirahat), prayer (ibadah) atau system (gangguan sistem)",
    # loket backlog and loket pickup (app/cli/pickups.py).
    "import a CSV list (all or nothing; safe to repeat)":
        "impor daftar CSV (semua atau tidak sama sekali; aman diulang)",
    "each batch's passports by status (the burn-down)":
        "paspor tiap gelombang menurut status (burn-down)",
    "CSV file (comma, semicolon or tab separated)":
        "berkas CSV (dipisah koma, titik koma atau tab)",
    'batch name for every row, e.g. "Backlog PDN Juni 2024"':
        'nama gelombang untuk setiap baris, mis. "Backlog PDN Juni 2024"',
    "check the file and say what would change, write nothing":
        "periksa berkas dan sebutkan apa yang akan berubah, tanpa menulis apa pun",
    "the signed pickup code of an application":
        "kode pengambilan bertanda tangan dari sebuah permohonan",
    "printable pickup slips with QR codes": "slip pengambilan siap cetak dengan kode QR",
    "what a scan is and whether it may be handed over":
        "apa hasil pindaian dan apakah paspornya boleh diserahkan",
    "the whole record behind a scan (for the counter)":
        "data lengkap di balik hasil pindaian (untuk loket)",
    "take a pickup queue ticket": "ambil nomor antrian pengambilan",
    "record a handover (once)": "catat penyerahan (sekali)",
    "undo a handover (supervisor; audited)":
        "batalkan penyerahan (supervisor; dicatat di log audit)",
    "write handovers the database lacks, from an emergency PC's database or a counter "
    "PC's journal (supervisor)":
        "tulis penyerahan yang belum ada di basis data, dari basis data PC darurat atau "
        "jurnal PC loket (supervisor)",
    "handovers in a PC's journal that the database lacks (exit 1 while any is)":
        "penyerahan di jurnal sebuah PC yang belum ada di basis data (kode keluar 1 selama "
        "masih ada)",
    "ready passports past their collect-by date":
        "paspor siap yang sudah lewat batas pengambilannya",
    "cancel overdue passports (supervisor, signed in with --as)":
        "batalkan paspor yang lewat batas (supervisor, masuk dengan --as)",
    "another Loket database: a URL or a SQLite file (darurat.sqlite3), read only":
        "basis data Loket lain: URL atau berkas SQLite (darurat.sqlite3), hanya dibaca",
    "a PC's handover journal (default: this PC's)":
        "jurnal penyerahan sebuah PC (bawaan: jurnal PC ini)",
    "say what would be recorded, write nothing":
        "sebutkan apa yang akan dicatat, tanpa menulis apa pun",
    "also handovers made on another database (a server made anew instead of restored)":
        "juga penyerahan yang dibuat di basis data lain (server yang dibuat baru, bukan "
        "dipulihkan)",
    "required for family and proxy": "wajib untuk family dan proxy",
    "the collector's original ID was checked (required)":
        "identitas asli pengambil sudah diperiksa (wajib)",
    "elderly, disabled or pregnant: the office's priority pickup queue, called first "
    "(priority_pickup_queue; audited)":
        "lansia, penyandang disabilitas atau ibu hamil: antrian pengambilan prioritas "
        "kantor, dipanggil lebih dulu (priority_pickup_queue; dicatat di log audit)",
    "scanned pickup code or application number":
        "kode pengambilan yang dipindai atau nomor permohonan",
    "only this batch": "hanya gelombang ini",
    "which passports (default: ready)": "paspor yang mana (bawaan: ready)",
    "FILE.pdf or FILE.png": "FILE.pdf atau FILE.png",
    # loket booking (app/cli/bookings.py).
    "import the day's booking list, CSV or XLSX (all or nothing; supervisor, signed in "
    "with --as)":
        "impor daftar booking hari ini, CSV atau XLSX (semua atau tidak sama sekali; "
        "supervisor, masuk dengan --as)",
    "check a booking in: the ticket of its service queue, placed in line at its slot "
    "(the same ticket again after)":
        "daftarkan kedatangan booking: nomor antrian layanannya, ditempatkan sesuai "
        "jadwalnya (berikutnya nomor yang sama lagi)",
    "a day's bookings and their state (supervisor, signed in with --as)":
        "booking suatu hari dan statusnya (supervisor, masuk dengan --as)",
    "booked and walk-in tickets and punctuality per day (supervisor, signed in with "
    "--as)":
        "nomor booking dan datang langsung serta ketepatan waktu per hari (supervisor, "
        "masuk dengan --as)",
    "YYYY-MM-DD": "YYYY-MM-DD",
    "YYYY-MM-DD (default: today)": "YYYY-MM-DD (bawaan: hari ini)",
    "kode_booking;nama;layanan;tanggal;jam (or booking_code;name;service;date;time)":
        "kode_booking;nama;layanan;tanggal;jam (atau booking_code;name;service;date;time)",
    "check the file and say what would be added, write nothing":
        "periksa berkas dan sebutkan apa yang akan ditambahkan, tanpa menulis apa pun",
    # loket backup, restore, verify-backup, purge (app/cli/backups.py).
    "a folder (a time-stamped loket-YYYYMMDD-HHMMSS file is made there; default: the "
    "backup_folder setting) or a new file":
        "folder (berkas loket-YYYYMMDD-HHMMSS bercap waktu dibuat di sana; bawaan: "
        "pengaturan backup_folder) atau berkas baru",
    "sqlite: a copy of a SQLite database (its default); dump: the portable Loket dump, "
    "restorable into any backend (a server's default)":
        "sqlite: salinan basis data SQLite (bawaannya); dump: dump Loket yang portabel, "
        "dapat dipulihkan ke backend apa pun (bawaan server)",
    "make the daily backup only if it is due, into the backup_folder setting, keeping "
    "backup_keep files (for cron or Windows Task Scheduler); exit 0 when nothing was due":
        "buat cadangan harian hanya bila sudah waktunya, ke pengaturan backup_folder, "
        "menyimpan backup_keep berkas (untuk cron atau Windows Task Scheduler); keluar "
        "dengan 0 bila belum waktunya",
    "a .sqlite3 backup or a .loketdump.gz dump":
        "cadangan .sqlite3 atau dump .loketdump.gz",
    "replace a database that already holds tickets, officers or passports (an admin of "
    "it signed in with --as; it is backed up first, into the backup folder)":
        "timpa basis data yang sudah berisi nomor antrian, petugas atau paspor (admin "
        "basis data itu masuk dengan --as; dicadangkan dulu ke folder cadangan)",
    "only say how many records would be erased":
        "hanya sebutkan berapa data yang akan dihapus",
    # loket settings (app/cli/settings.py).
    "every setting (the signing secret is not shown)":
        "semua pengaturan (kunci rahasia tanda tangan tidak ditampilkan)",
    "change one setting (signed in with --as; audited)":
        "ubah satu pengaturan (masuk dengan --as; dicatat di log audit)",
    "sign new QR codes with a new key; codes already printed keep verifying for the "
    "grace period (audited)":
        "tanda tangani kode QR baru dengan kunci baru; kode yang sudah tercetak tetap sah "
        "selama masa tenggang (dicatat di log audit)",
    "days old codes stay valid (default: signing_grace_days)":
        "berapa hari kode lama tetap sah (bawaan: signing_grace_days)",
    "office_name, timezone, language, notice_text, collect_by_days, "
    "backlog_pickup_queue, regular_pickup_queue, priority_pickup_queue (\"\" for none), "
    "signing_grace_days, retention_days, backup_daily, backup_time, backup_folder, "
    "backup_keep, requeue_grace_min, auto_no_show_after_recalls, notify_url, "
    "notify_smtp_host, notify_smtp_port, notify_smtp_from, notify_collect_by_days, "
    "notify_template_passport_ready, notify_template_collect_by_soon, notify_near_places "
    "(0: off), notify_template_number_near, pickup_invite_per_day (0: off)":
        "office_name, timezone, language, notice_text, collect_by_days, "
        "backlog_pickup_queue, regular_pickup_queue, priority_pickup_queue (\"\" untuk "
        "tidak ada), signing_grace_days, retention_days, backup_daily, backup_time, "
        "backup_folder, backup_keep, requeue_grace_min, auto_no_show_after_recalls, "
        "notify_url, notify_smtp_host, notify_smtp_port, notify_smtp_from, "
        "notify_collect_by_days, notify_template_passport_ready, "
        "notify_template_collect_by_soon, notify_near_places (0: mati), "
        "notify_template_number_near, pickup_invite_per_day (0: mati)",
    # loket notify (app/cli/notify.py).
    "deliver what is due; without --once keep delivering until stopped (SIGTERM or "
    "Ctrl+C end it cleanly)":
        "kirim pesan yang sudah waktunya; tanpa --once terus mengirim sampai dihentikan "
        "(SIGTERM atau Ctrl+C menghentikannya dengan rapi)",
    "the messages and why any could not be delivered (no passport numbers)":
        "daftar pesan dan sebab yang gagal terkirim (tanpa nomor paspor)",
    "send a failed message again (supervisor; audited)":
        "kirim ulang pesan yang gagal (supervisor; dicatat di log audit)",
    "no more messages to a number or address, or about one passport (supervisor; "
    "audited)":
        "hentikan pesan ke sebuah nomor atau alamat, atau tentang satu paspor (supervisor; "
        "dicatat di log audit)",
    "+62…, 08… or an e-mail address": "+62…, 08… atau alamat e-mail",
    "one passport's application number": "nomor permohonan satu paspor",
    "only those that failed": "hanya yang gagal",
    "the holders invited per pickup day, from today on, and how many of them have "
    "collected":
        "pemegang paspor yang diundang per hari pengambilan, mulai hari ini, dan berapa "
        "yang sudah mengambil",
    "one pass, then end": "satu putaran, lalu selesai",
    "pause between passes (default 30)": "jeda antarputaran (bawaan 30)",
    # loket day-profile (app/cli/days.py).
    "create or change a profile; what is not given stays as it was (signed in with "
    "--as; audited)":
        "buat atau ubah profil; yang tidak diberikan tetap seperti semula (masuk dengan "
        "--as; dicatat di log audit)",
    "run a profile on a weekday or a date (a date beats a weekday; audited)":
        "jalankan profil pada suatu hari atau tanggal (tanggal mengalahkan hari; dicatat "
        "di log audit)",
    "take a weekday or a date off the schedule (audited)":
        "hapus hari atau tanggal dari jadwal (dicatat di log audit)",
    "the profiles, the schedule and the profile of a date (default today)":
        "daftar profil, jadwal dan profil suatu tanggal (bawaan hari ini)",
    'the profile\'s name ("default": a day nothing is scheduled on)':
        'nama profil ("default": hari yang tidak dijadwalkan)',
    'the queues that issue numbers, by prefix or code (B,C); "all": every active queue':
        'antrian yang mengeluarkan nomor, menurut awalan atau kode (B,C); "all": semua '
        "antrian aktif",
    'from opening to the last number issued (08:00-15:00); "none": no limit':
        'dari buka sampai nomor terakhir dikeluarkan (08:00-15:00); "none": tanpa batas',
    "what counters serve that day, in call order (1,2,3,4=C,B); repeat for more "
    "counters; a counter not named serves nothing. \"standing\": the counters' own "
    "queues":
        "layanan tiap loket hari itu, menurut urutan panggilan (1,2,3,4=C,B); ulangi untuk "
        "loket lain; loket yang tidak disebut tidak melayani apa pun. \"standing\": "
        "antrian tetap loket itu",
    # loket pc (app/cli/pc.py).
    "this PC's settings": "pengaturan PC ini",
    "the printers this PC can print tickets on":
        "printer yang dapat dipakai PC ini untuk mencetak nomor antrian",
    "change one of this PC's settings": "ubah salah satu pengaturan PC ini",
    "counter, language (id|en), printer (a printer's name, pdf:FOLDER, or '' for an "
    "on-screen ticket), paper_mm (58|80), speak_english (on|off)":
        "counter, language (id|en), printer (nama printer, pdf:FOLDER, atau '' untuk "
        "nomor antrian di layar), paper_mm (58|80), speak_english (on|off)",
    # loket officer (app/cli/officers.py).
    "add an officer (signed in with --as; without it only the office's first account, "
    "an admin); the new password from the next line of stdin or a prompt":
        "tambah petugas (masuk dengan --as; tanpa itu hanya untuk akun pertama kantor, "
        "seorang admin); kata sandi baru dari baris stdin berikutnya atau ditanyakan",
    "give an account a new password (signed in with --as; the new password from the "
    "next line of stdin)":
        "beri akun kata sandi baru (masuk dengan --as; kata sandi baru dari baris stdin "
        "berikutnya)",
    "all officers": "semua petugas",
    "officer, supervisor or admin": "officer, supervisor atau admin",
    "full name": "nama lengkap",
    # loket db-user (app/cli/dbusers.py).
    "create (or renew) a login for one kind of PC; its password from the line of stdin "
    "after the --as password":
        "buat (atau perbarui) login untuk satu jenis PC; kata sandinya dari baris stdin "
        "setelah kata sandi --as",
    "the logins of this database and their modes":
        "login basis data ini beserta modenya",
    "remove a login": "hapus login",
    "MariaDB: the hosts it may connect from (default %%: any)":
        "MariaDB: host yang boleh terhubung (bawaan %%: semua)",
    # loket report, audit, survey (app/cli/reports.py, app/cli/survey.py).
    "first office day, e.g. 2024-07-01": "hari kerja pertama, mis. 2024-07-01",
    "last office day (inclusive)": "hari kerja terakhir (termasuk)",
    "also write it as CSV (; separated, UTF-8 with BOM: Excel in an Indonesian locale "
    "opens it)":
        "tulis juga sebagai CSV (dipisah ;, UTF-8 dengan BOM: dapat dibuka Excel "
        "berlokal Indonesia)",
    "the IKM of office days --from … --to … (supervisor, signed in with --as)":
        "IKM hari kerja --from … --to … (supervisor, masuk dengan --as)",
    "record an applicant's answer for a finished ticket":
        "catat jawaban pemohon untuk nomor antrian yang selesai dilayani",
    "today's number (A017) or the ticket's id": "nomor hari ini (A017) atau id nomornya",
    "one score 1-4 per element, in order: nine (U1..U9) for the full form, four "
    "(U3,U6,U7,U9) for the short one; e.g. 4,4,3,4":
        "satu nilai 1-4 per unsur, berurutan: sembilan (U1..U9) untuk formulir lengkap, "
        "empat (U3,U6,U7,U9) untuk yang singkat; mis. 4,4,3,4",
    "the applicant's suggestion (erased by the retention purge)":
        "saran pemohon (dihapus saat penghapusan data retensi)",
    "client-made id; repeating it does not answer twice":
        "id buatan klien; mengulanginya tidak menjawab dua kali",
    "only this breakdown (default: all three)": "hanya rincian ini (bawaan: ketiganya)",
    "also write it as CSV (; separated, UTF-8 with BOM, decimal comma: Excel in an "
    "Indonesian locale opens it)":
        "tulis juga sebagai CSV (dipisah ;, UTF-8 dengan BOM, koma desimal: dapat dibuka "
        "Excel berlokal Indonesia)",
}

# argparse's own words, by the text argparse looks up (``argparse._``, ``ngettext``) or,
# for the version option, the help it gives. Those a wrong parser definition raises
# (a Loket bug, for the log) are not here.
ARGPARSE_WORDS: Final[dict[str, str]] = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "perintah %(parser_name)r tidak dikenal (pilihan: %(choices)s)",
    "ambiguous option: %(option)s could match %(matches)s":
        "opsi ambigu: %(option)s dapat berarti %(matches)s",
    "unexpected option string: %s": "opsi tidak terduga: %s",
    "ignored explicit argument %r": "argumen eksplisit %r diabaikan",
    "expected one argument": "memerlukan satu argumen",
    "expected at most one argument": "memerlukan paling banyak satu argumen",
    "expected at least one argument": "memerlukan paling sedikit satu argumen",
    "expected %s argument": "memerlukan %s argumen",
    "expected %s arguments": "memerlukan %s argumen",
    "can't open '%(filename)s': %(error)s": "tidak dapat membuka '%(filename)s': %(error)s",
    'argument "-" with mode %r': 'argumen "-" dengan mode %r',
}
