<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AdminAuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>Log audit</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Dari:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Sampai:</translation>
    </message>
    <message>
        <source>O&amp;fficer:</source>
        <translation>&amp;Petugas:</translation>
    </message>
    <message>
        <source>&amp;Counter:</source>
        <translation>&amp;Loket:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Tindakan:</translation>
    </message>
    <message>
        <source>&amp;Subject contains:</source>
        <translation>Subjek &amp;memuat:</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>semua tanggal</translation>
    </message>
    <message>
        <source>e.g. an application number or a username</source>
        <translation>mis. nomor permohonan atau nama pengguna</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>T&amp;ampilkan</translation>
    </message>
    <message>
        <source>C&amp;lear filter</source>
        <translation>&amp;Kosongkan filter</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Terbaru</translation>
    </message>
    <message>
        <source>◀ Newer</source>
        <translation>◀ Lebih baru</translation>
    </message>
    <message>
        <source>Older ▶</source>
        <translation>Lebih lama ▶</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Ekspor CSV…</translation>
    </message>
    <message>
        <source>Every entry that matches the filter, not only this page.</source>
        <translation>Semua entri yang sesuai dengan filter, tidak hanya halaman ini.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjek</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>Semua petugas</translation>
    </message>
    <message>
        <source>All counters</source>
        <translation>Semua loket</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Semua tindakan</translation>
    </message>
    <message>
        <source>{count} entries, {newest} to {oldest}</source>
        <translation>{count} entri, {newest} s.d. {oldest}</translation>
    </message>
    <message>
        <source>No entries match the filter.</source>
        <translation>Tidak ada entri yang sesuai dengan filter.</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Ekspor log audit</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Mengekspor…</translation>
    </message>
    <message>
        <source>{count} entries written to {path}.</source>
        <translation>{count} entri ditulis ke {path}.</translation>
    </message>
</context>
<context>
    <name>AdminImportPage</name>
    <message>
        <source>Backlog import</source>
        <translation>Impor backlog</translation>
    </message>
    <message>
        <source>List &amp;file:</source>
        <translation>&amp;Berkas daftar:</translation>
    </message>
    <message>
        <source>CSV or Excel workbook (.xlsx) from the passport system</source>
        <translation>CSV atau buku kerja Excel (.xlsx) dari sistem paspor</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Pilih berkas…</translation>
    </message>
    <message>
        <source>&amp;Batch name (optional):</source>
        <translation>Nama &amp;kelompok (opsional):</translation>
    </message>
    <message>
        <source>e.g. Backlog PDN Juni 2024</source>
        <translation>mis. Backlog PDN Juni 2024</translation>
    </message>
    <message>
        <source>Gives every passport of the list this batch; empty: the file&apos;s own batch column (or the batch a passport already has).</source>
        <translation>Memberikan kelompok ini kepada setiap paspor dalam daftar; jika kosong: kolom kelompok pada berkas itu sendiri (atau kelompok yang sudah dimiliki paspor).</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>Pra&amp;tinjau</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Impor</translation>
    </message>
    <message>
        <source>%v of %m rows</source>
        <translation>%v dari %m baris</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Application no.</source>
        <translation>No. permohonan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Passport no.</source>
        <translation>No. paspor</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>Rak</translation>
    </message>
    <message>
        <source>Ready date</source>
        <translation>Tanggal siap</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Kelompok</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>On import</source>
        <translation>Saat diimpor</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>Choose the list of passports. Nothing is written before you have seen the preview and pressed Import.</source>
        <translation>Pilih daftar paspor. Tidak ada data yang ditulis sebelum Anda melihat pratinjau dan menekan Impor.</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>dalam proses cetak</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>siap</translation>
    </message>
    <message>
        <source>collected</source>
        <translation>sudah diambil</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>diperbarui</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>tidak berubah</translation>
    </message>
    <message>
        <source>left as it is (collected or cancelled)</source>
        <translation>dibiarkan (sudah diambil atau dibatalkan)</translation>
    </message>
    <message>
        <source>Choose the list of passports</source>
        <translation>Pilih daftar paspor</translation>
    </message>
    <message>
        <source>Lists (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>Daftar (*.csv *.txt *.xlsx);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Membaca {file}…</translation>
    </message>
    <message>
        <source>Check the preview, then press Import.</source>
        <translation>Periksa pratinjau, lalu tekan Impor.</translation>
    </message>
    <message>
        <source>The file cannot be imported: {count} line(s) need correcting in the spreadsheet first. Nothing was written.</source>
        <translation>Berkas tidak dapat diimpor: {count} baris harus diperbaiki dahulu di lembar kerja. Tidak ada data yang ditulis.</translation>
    </message>
    <message>
        <source>{rows} passports in the list. Importing would add {created} new, update {updated}, leave {unchanged} unchanged and leave {closed} already collected or cancelled as they are.</source>
        <translation>{rows} paspor dalam daftar. Impor akan menambahkan {created} paspor baru, memperbarui {updated}, membiarkan {unchanged} tanpa perubahan, dan membiarkan {closed} yang sudah diambil atau dibatalkan apa adanya.</translation>
    </message>
    <message>
        <source>The first {shown} rows are shown.</source>
        <translation>Ditampilkan {shown} baris pertama.</translation>
    </message>
    <message>
        <source>Imported {rows} passports: {created} new, {updated} updated, {unchanged} unchanged, {closed} already collected or cancelled left as they are.</source>
        <translation>{rows} paspor diimpor: {created} baru, {updated} diperbarui, {unchanged} tidak berubah, {closed} yang sudah diambil atau dibatalkan dibiarkan apa adanya.</translation>
    </message>
    <message>
        <source>Batch: {batch}.</source>
        <translation>Kelompok: {batch}.</translation>
    </message>
    <message>
        <source>Columns not used: {columns}.</source>
        <translation>Kolom yang tidak dipakai: {columns}.</translation>
    </message>
    <message>
        <source>The batch name changed: press Preview to see the list with it.</source>
        <translation>Nama kelompok berubah: tekan Pratinjau untuk melihat daftar dengan nama kelompok ini.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Mengimpor…</translation>
    </message>
    <message>
        <source>The list was imported.</source>
        <translation>Daftar sudah diimpor.</translation>
    </message>
</context>
<context>
    <name>AdminSettingsPage</name>
    <message>
        <source>Office settings</source>
        <translation>Pengaturan kantor</translation>
    </message>
    <message>
        <source>(admin)</source>
        <translation>(admin)</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Signing key of the QR codes on slips and tickets</source>
        <translation>Kunci tanda tangan kode QR pada slip dan karcis</translation>
    </message>
    <message>
        <source>Office &amp;name:</source>
        <translation>&amp;Nama kantor:</translation>
    </message>
    <message>
        <source>&amp;Notice on the lobby display:</source>
        <translation>&amp;Pengumuman di layar antrian:</translation>
    </message>
    <message>
        <source>&amp;Collect within (days):</source>
        <translation>&amp;Batas pengambilan (hari):</translation>
    </message>
    <message>
        <source>Default &amp;language:</source>
        <translation>Bahasa &amp;utama:</translation>
    </message>
    <message>
        <source>&amp;Time zone {admin}:</source>
        <translation>&amp;Zona waktu {admin}:</translation>
    </message>
    <message>
        <source>Queue for &amp;backlog pickups:</source>
        <translation>Antrian pengambilan &amp;tertunda (backlog):</translation>
    </message>
    <message>
        <source>Queue for &amp;regular pickups:</source>
        <translation>Antrian pengambilan &amp;reguler:</translation>
    </message>
    <message>
        <source>Queue for &amp;priority pickups:</source>
        <translation>Antrian pengambilan pri&amp;oritas:</translation>
    </message>
    <message>
        <source>Old codes stay valid for (&amp;days) {admin}:</source>
        <translation>Kode lama tetap berlaku selama (&amp;hari) {admin}:</translation>
    </message>
    <message>
        <source>A ready passport not collected within this many days is cancelled.</source>
        <translation>Paspor yang sudah siap tetapi tidak diambil dalam jumlah hari ini akan dibatalkan.</translation>
    </message>
    <message>
        <source>The pickup queue of the elderly, people with disabilities and pregnant women (a pickup queue with a priority above 0). None: the kiosk offers no priority pickup.</source>
        <translation>Antrian pengambilan untuk lansia, penyandang disabilitas dan ibu hamil (antrian pengambilan dengan prioritas di atas 0). Tidak ada: kios tidak menawarkan pengambilan prioritas.</translation>
    </message>
    <message>
        <source>Admin only: the time zone decides when the service day begins and ends.</source>
        <translation>Khusus admin: zona waktu menentukan kapan hari layanan dimulai dan berakhir.</translation>
    </message>
    <message>
        <source>Admin only: how long slips and tickets printed before a key rotation stay valid.</source>
        <translation>Khusus admin: berapa lama slip dan karcis yang dicetak sebelum penggantian kunci tetap berlaku.</translation>
    </message>
    <message>
        <source>Rotate key now {admin}</source>
        <translation>Ganti kunci sekarang {admin}</translation>
    </message>
    <message>
        <source>Admin only: a new key signs every code from now on; codes already printed stay valid for the grace period.</source>
        <translation>Khusus admin: mulai sekarang setiap kode ditandatangani dengan kunci baru; kode yang sudah dicetak tetap berlaku selama masa tenggang.</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>&amp;Simpan perubahan</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>Other PCs read the settings again by themselves within a few seconds: the lobby display&apos;s notice, the kiosk&apos;s tickets and the counters follow at once.</source>
        <translation>PC lain membaca ulang pengaturan dengan sendirinya dalam beberapa detik: pengumuman di layar antrian, karcis kios, dan loket langsung mengikutinya.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>Western Indonesia (WIB)</source>
        <translation>Waktu Indonesia Barat (WIB)</translation>
    </message>
    <message>
        <source>Central Indonesia (WITA)</source>
        <translation>Waktu Indonesia Tengah (WITA)</translation>
    </message>
    <message>
        <source>Eastern Indonesia (WIT)</source>
        <translation>Waktu Indonesia Timur (WIT)</translation>
    </message>
    <message>
        <source>{count} of at most {limit} characters</source>
        <translation>{count} dari maksimal {limit} karakter</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Only the current key is in use: no retired key still verifies.</source>
        <translation>Hanya kunci saat ini yang dipakai: tidak ada kunci lama yang masih berlaku untuk verifikasi.</translation>
    </message>
    <message>
        <source>{count} retired key(s) still verify codes printed before they were retired: until {dates}.</source>
        <translation>{count} kunci lama masih memverifikasi kode yang dicetak sebelum kunci tersebut diganti: sampai {dates}.</translation>
    </message>
    <message>
        <source>Nothing has changed.</source>
        <translation>Tidak ada yang berubah.</translation>
    </message>
    <message>
        <source>Saved: {fields}.</source>
        <translation>Tersimpan: {fields}.</translation>
    </message>
    <message>
        <source>Rotate the signing key?</source>
        <translation>Ganti kunci tanda tangan?</translation>
    </message>
    <message>
        <source>From now on a new key signs every pickup slip and ticket.

Slips and tickets printed until now stay valid until {date} ({days} days); after that they are refused as not genuine, and their holders need a new slip (or the application number from the receipt).

Rotate the key now?</source>
        <translation>Mulai sekarang setiap slip pengambilan dan karcis ditandatangani dengan kunci baru.

Slip dan karcis yang sudah dicetak sampai saat ini tetap berlaku sampai {date} ({days} hari); setelah itu akan ditolak karena dianggap tidak asli, dan pemegangnya memerlukan slip baru (atau nomor permohonan dari tanda terima).

Ganti kunci sekarang?</translation>
    </message>
    <message>
        <source>Rotate key</source>
        <translation>Ganti kunci</translation>
    </message>
    <message>
        <source>The key was not changed.</source>
        <translation>Kunci tidak diganti.</translation>
    </message>
    <message>
        <source>A new key signs from now on. Codes printed before stay valid until {date}.</source>
        <translation>Mulai sekarang kunci baru yang menandatangani. Kode yang dicetak sebelumnya tetap berlaku sampai {date}.</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <source>Loket — Supervisor</source>
        <translation>Loket — Supervisor</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>petugas</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>{name} ({username}) · {role}</source>
        <translation>{name} ({username}) · {role}</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Backup</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <source>(admin)</source>
        <translation>(admin)</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Berkas cadangan</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Cadangkan sekarang</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>&amp;Check the chosen backup</source>
        <translation>&amp;Periksa cadangan yang dipilih</translation>
    </message>
    <message>
        <source>Check another file…</source>
        <translation>Periksa berkas lain…</translation>
    </message>
    <message>
        <source>Restoring replaces the database under every counter, so it is done on the command line: close every Loket window on every PC, then run this command (without --force into an empty database):</source>
        <translation>Pemulihan mengganti basis data yang dipakai semua loket, karena itu dilakukan lewat baris perintah: tutup semua jendela Loket di setiap PC, lalu jalankan perintah ini (tanpa --force ke basis data yang kosong):</translation>
    </message>
    <message>
        <source>Daily backup {admin}</source>
        <translation>Cadangan harian {admin}</translation>
    </message>
    <message>
        <source>Make a backup every day</source>
        <translation>Buat cadangan setiap hari</translation>
    </message>
    <message>
        <source>At (office &amp;time):</source>
        <translation>Pukul (&amp;waktu kantor):</translation>
    </message>
    <message>
        <source>In the &amp;folder:</source>
        <translation>Di &amp;folder:</translation>
    </message>
    <message>
        <source>&amp;Keep the newest:</source>
        <translation>&amp;Simpan yang terbaru:</translation>
    </message>
    <message>
        <source> backups</source>
        <translation> cadangan</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Save the daily backup {admin}</source>
        <translation>Simpan pengaturan cadangan harian {admin}</translation>
    </message>
    <message>
        <source>Personal data {admin}</source>
        <translation>Data pribadi {admin}</translation>
    </message>
    <message>
        <source>UU PDP 27/2022: names and passport numbers of passports collected or cancelled longer ago than this are erased; the numbers in the reports stay.</source>
        <translation>UU PDP 27/2022: nama dan nomor paspor dari paspor yang sudah diambil atau dibatalkan lebih lama dari masa simpan ini dihapus; angka dalam laporan tetap ada.</translation>
    </message>
    <message>
        <source>Keep personal &amp;data for:</source>
        <translation>Masa simpan &amp;data pribadi:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>Save {admin}</source>
        <translation>Simpan {admin}</translation>
    </message>
    <message>
        <source>&amp;Purge now… {admin}</source>
        <translation>&amp;Hapus sekarang… {admin}</translation>
    </message>
    <message>
        <source>Only an admin may change this.</source>
        <translation>Hanya admin yang boleh mengubah ini.</translation>
    </message>
    <message>
        <source>The daily backup is off.</source>
        <translation>Cadangan harian tidak aktif.</translation>
    </message>
    <message>
        <source>The daily backup of {slot} is done.</source>
        <translation>Cadangan harian {slot} sudah dibuat.</translation>
    </message>
    <message>
        <source>The daily backup of {slot} is not made yet; this window makes it within a few minutes.</source>
        <translation>Cadangan harian {slot} belum dibuat; jendela ini akan membuatnya dalam beberapa menit.</translation>
    </message>
    <message>
        <source>Last backup: {when}, {path}</source>
        <translation>Cadangan terakhir: {when}, {path}</translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation>Belum ada cadangan yang dibuat.</translation>
    </message>
    <message>
        <source>Backup folder: {folder}</source>
        <translation>Folder cadangan: {folder}</translation>
    </message>
    <message>
        <source>SQLite copy</source>
        <translation>Salinan SQLite</translation>
    </message>
    <message>
        <source>Loket dump</source>
        <translation>Dump Loket</translation>
    </message>
    <message>
        <source>Backup written: {path} — {size}, {rows} rows in {tables} tables, {duration}.</source>
        <translation>Cadangan ditulis: {path} — {size}, {rows} baris dalam {tables} tabel, {duration}.</translation>
    </message>
    <message>
        <source>The daily backup was made. {details}</source>
        <translation>Cadangan harian sudah dibuat. {details}</translation>
    </message>
    <message>
        <source>The daily backup failed: {reason}</source>
        <translation>Cadangan harian gagal: {reason}</translation>
    </message>
    <message>
        <source>Choose a backup in the list first.</source>
        <translation>Pilih dulu cadangan dalam daftar.</translation>
    </message>
    <message>
        <source>Check a backup</source>
        <translation>Periksa cadangan</translation>
    </message>
    <message>
        <source>Loket backups (*.sqlite3 *.loketdump.gz);;All files (*)</source>
        <translation>Cadangan Loket (*.sqlite3 *.loketdump.gz);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>{name} is sound: {rows} rows in {tables} tables, schema version {version}, made {when} from {source}.</source>
        <translation>{name} dalam keadaan baik: {rows} baris dalam {tables} tabel, skema versi {version}, dibuat {when} dari {source}.</translation>
    </message>
    <message>
        <source>{name} cannot be used: {problems}</source>
        <translation>{name} tidak dapat dipakai: {problems}</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Folder cadangan</translation>
    </message>
    <message>
        <source>The daily backup is saved.</source>
        <translation>Pengaturan cadangan harian tersimpan.</translation>
    </message>
    <message>
        <source>Personal data is now kept for {days} days.</source>
        <translation>Data pribadi kini disimpan selama {days} hari.</translation>
    </message>
    <message>
        <source>Nothing to erase: no personal data of passports collected or cancelled before {cutoff} is left.</source>
        <translation>Tidak ada yang perlu dihapus: tidak ada lagi data pribadi dari paspor yang diambil atau dibatalkan sebelum {cutoff}.</translation>
    </message>
    <message>
        <source>Purge personal data</source>
        <translation>Hapus data pribadi</translation>
    </message>
    <message>
        <source>Erase the names and passport numbers of {records} passports collected or cancelled before {cutoff}, and the collectors&apos; names in {entries} audit entries? This cannot be undone (backups made earlier still hold them).</source>
        <translation>Hapus nama dan nomor paspor dari {records} paspor yang diambil atau dibatalkan sebelum {cutoff}, serta nama pengambil dalam {entries} entri log audit? Tindakan ini tidak dapat dibatalkan (cadangan yang dibuat sebelumnya masih memuat data tersebut).</translation>
    </message>
    <message>
        <source>Erased: {records} passports&apos; personal data and {entries} audit entries&apos; names (collected or cancelled before {cutoff}).</source>
        <translation>Dihapus: data pribadi {records} paspor dan nama dalam {entries} entri log audit (diambil atau dibatalkan sebelum {cutoff}).</translation>
    </message>
</context>
<context>
    <name>BookingFigures</name>
    <message>
        <source>Booked and walk-in count the tickets of the service queues; on time, early and late the bookings checked in; missed those never checked in and past their check-in window.</source>
        <translation>Booking dan datang langsung menghitung nomor antrian layanan; tepat waktu, lebih awal dan terlambat menghitung booking yang sudah check-in; tidak datang ialah booking yang tidak pernah check-in dan sudah lewat batas waktunya.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Booking</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Datang langsung</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Tepat waktu</translation>
    </message>
    <message>
        <source>Early</source>
        <translation>Lebih awal</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Terlambat</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Tidak datang</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Bookings (M-Paspor) and walk-ins</source>
        <translation>Booking (M-Paspor) dan datang langsung</translation>
    </message>
</context>
<context>
    <name>BookingsPage</name>
    <message>
        <source>Bookings today</source>
        <translation>Booking hari ini</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation>Impor daftar…</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Jadwal</translation>
    </message>
    <message>
        <source>Booking code</source>
        <translation>Kode booking</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Nomor antrian</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>The day&apos;s list comes from M-Paspor (CSV or XLSX, columns kode_booking, nama, layanan, tanggal, jam): import it with Import list… or loket booking import. A booking checks in at the kiosk around its slot (the settings booking_early_min and booking_late_min say how long before and after) and is called at its slot, ahead of walk-ins who came later.</source>
        <translation>Daftar hari ini berasal dari M-Paspor (CSV atau XLSX, kolom kode_booking, nama, layanan, tanggal, jam): impor dengan Impor daftar… atau loket booking import. Pemohon booking check-in di kios sekitar jadwalnya (pengaturan booking_early_min dan booking_late_min menentukan berapa lama sebelum dan sesudahnya) dan dipanggil sesuai jadwalnya, mendahului pemohon langsung (walk-in) yang datang kemudian.</translation>
    </message>
    <message>
        <source>Choose the booking list from M-Paspor</source>
        <translation>Pilih daftar booking dari M-Paspor</translation>
    </message>
    <message>
        <source>Lists (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>Daftar (*.csv *.txt *.xlsx);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Mengimpor {file}…</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>terlewat</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>ditunggu</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>tepat waktu</translation>
    </message>
    <message>
        <source>early</source>
        <translation>lebih awal</translation>
    </message>
    <message>
        <source>late</source>
        <translation>terlambat</translation>
    </message>
    <message>
        <source>checked in ({punctuality})</source>
        <translation>sudah check-in ({punctuality})</translation>
    </message>
    <message>
        <source>{total} bookings · {checked} checked in ({on_time} on time, {early} early, {late} late) · {expected} expected · {missed} missed</source>
        <translation>{total} booking · {checked} sudah check-in ({on_time} tepat waktu, {early} lebih awal, {late} terlambat) · {expected} ditunggu · {missed} terlewat</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Which counter is this PC? Its number is shown on the lobby display when it calls.</source>
        <translation>PC ini loket nomor berapa? Nomornya tampil di layar ruang tunggu saat memanggil.</translation>
    </message>
    <message>
        <source>Counter number:</source>
        <translation>Nomor loket:</translation>
    </message>
    <message>
        <source>Choose this desk&apos;s counter.</source>
        <translation>Pilih loket meja ini.</translation>
    </message>
    <message>
        <source>This database has no counters yet. The supervisor adds them in the supervisor&apos;s window (Counters); until then this PC cannot call.</source>
        <translation>Basis data ini belum punya loket. Supervisor menambahkannya di jendela supervisor (Loket); sampai saat itu PC ini belum bisa memanggil.</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Loket · counter</source>
        <translation>Loket · loket pelayanan</translation>
    </message>
    <message>
        <source>{counter} · {name} ({username})</source>
        <translation>{counter} · {name} ({username})</translation>
    </message>
    <message>
        <source>Counter resumed. Press F2 for the next ticket.</source>
        <translation>Loket kembali melayani. Tekan F2 untuk nomor berikutnya.</translation>
    </message>
    <message>
        <source>{number} called again.</source>
        <translation>{number} dipanggil ulang.</translation>
    </message>
    <message>
        <source>Serving {number}.</source>
        <translation>Melayani {number}.</translation>
    </message>
    <message>
        <source>{number} finished. Press F2 for the next ticket.</source>
        <translation>{number} selesai. Tekan F2 untuk antrian berikutnya.</translation>
    </message>
    <message>
        <source>{number} marked as not present. Press F2 for the next ticket.</source>
        <translation>{number} ditandai tidak hadir. Tekan F2 untuk antrian berikutnya.</translation>
    </message>
    <message>
        <source>{number} is back in line, behind those already waiting.</source>
        <translation>{number} kembali ke antrian, di belakang yang sudah menunggu.</translation>
    </message>
    <message>
        <source>{number} did not come after the recalls the office allows: marked as not present. F10 puts it back in line if the applicant comes late.</source>
        <translation>{number} tidak datang setelah panggilan ulang yang diizinkan kantor: ditandai tidak hadir. F10 mengembalikannya ke antrian bila pemohon datang terlambat.</translation>
    </message>
    <message>
        <source>Calling {number}.</source>
        <translation>Memanggil {number}.</translation>
    </message>
    <message>
        <source>Finish the ticket at this counter first.</source>
        <translation>Selesaikan dulu antrian di loket ini.</translation>
    </message>
    <message>
        <source>{number} transferred to {target}.</source>
        <translation>{number} dialihkan ke {target}.</translation>
    </message>
    <message>
        <source>Counter paused: the lobby display shows it. Press F11 to resume.</source>
        <translation>Loket dijeda: layar ruang tunggu menampilkannya. Tekan F11 untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Passport {application} handed over.</source>
        <translation>Paspor {application} telah diserahkan.</translation>
    </message>
    <message>
        <source>Sign in first, then scan.</source>
        <translation>Masuk dulu, lalu pindai.</translation>
    </message>
    <message>
        <source>One moment: the last action is still running. Scan again.</source>
        <translation>Tunggu sebentar: tindakan sebelumnya masih berjalan. Pindai lagi.</translation>
    </message>
    <message>
        <source>Scan not used: {reason}</source>
        <translation>Hasil pindai tidak dipakai: {reason}</translation>
    </message>
</context>
<context>
    <name>CountersPage</name>
    <message>
        <source>Counters</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Queues, in order</source>
        <translation>Antrian, sesuai urutan</translation>
    </message>
    <message>
        <source>Holding</source>
        <translation>Sedang menangani</translation>
    </message>
    <message>
        <source>N&amp;umber:</source>
        <translation>&amp;Nomor:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>N&amp;ama:</translation>
    </message>
    <message>
        <source>Queues this counter serves (ticked), in the order it calls them. Priority service is always called first.</source>
        <translation>Antrian yang dilayani loket ini (dicentang), sesuai urutan pemanggilannya. Layanan prioritas selalu dipanggil lebih dulu.</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Naik</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Turun</translation>
    </message>
    <message>
        <source>&amp;New counter</source>
        <translation>Loket &amp;baru</translation>
    </message>
    <message>
        <source>1–999</source>
        <translation>1–999</translation>
    </message>
    <message>
        <source>open</source>
        <translation>dibuka</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>ditutup</translation>
    </message>
    <message>
        <source>{prefix} (closed)</source>
        <translation>{prefix} (ditutup)</translation>
    </message>
    <message>
        <source>{queue} (closed)</source>
        <translation>{queue} (ditutup)</translation>
    </message>
    <message>
        <source>Counter {number}</source>
        <translation>Loket {number}</translation>
    </message>
    <message>
        <source>New counter</source>
        <translation>Loket baru</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>&amp;Add counter</source>
        <translation>&amp;Tambah loket</translation>
    </message>
    <message>
        <source>Open counter</source>
        <translation>Buka loket</translation>
    </message>
    <message>
        <source>Close counter</source>
        <translation>Tutup loket</translation>
    </message>
    <message>
        <source>Counter {number} added.</source>
        <translation>Loket {number} ditambahkan.</translation>
    </message>
    <message>
        <source>Counter {number} saved: it now calls {queues}.</source>
        <translation>Loket {number} disimpan: sekarang memanggil {queues}.</translation>
    </message>
    <message>
        <source>Counter {number} is open.</source>
        <translation>Loket {number} dibuka.</translation>
    </message>
    <message>
        <source>Counter {number} is closed.</source>
        <translation>Loket {number} ditutup.</translation>
    </message>
</context>
<context>
    <name>DatabaseBanner</name>
    <message>
        <source>No connection to the database. Nothing is lost: Loket keeps trying and carries on by itself when the connection is back.</source>
        <translation>Tidak ada koneksi ke basis data. Tidak ada yang hilang: Loket terus mencoba dan melanjutkan sendiri setelah koneksi kembali.</translation>
    </message>
    <message>
        <source>The database is not answering. Waiting for it…</source>
        <translation>Basis data tidak menjawab. Menunggu…</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>Database file</source>
        <translation>Berkas basis data</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite3 *.db);;All files (*)</source>
        <translation>Basis data SQLite (*.sqlite3 *.db);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Menghubungkan…</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <source>Where Loket keeps tickets, passports and officers. Every PC of the office must use the same database.</source>
        <translation>Tempat Loket menyimpan nomor antrian, paspor dan petugas. Semua PC di kantor harus memakai basis data yang sama.</translation>
    </message>
    <message>
        <source>This PC only</source>
        <translation>Hanya PC ini</translation>
    </message>
    <message>
        <source>A database file on this PC, for an office with a single PC. Never put it on a network share for several counters.</source>
        <translation>Berkas basis data di PC ini, untuk kantor dengan satu PC saja. Jangan taruh di folder jaringan untuk beberapa loket.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Shared server (PostgreSQL or MariaDB)</source>
        <translation>Server bersama (PostgreSQL atau MariaDB)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Alamat server:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Basis data:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Pengguna:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Kata sandi:</translation>
    </message>
    <message>
        <source>The password is kept in this computer&apos;s password store, not in a file.</source>
        <translation>Kata sandi disimpan di penyimpanan kata sandi komputer ini, bukan di berkas.</translation>
    </message>
    <message>
        <source>This computer has no password store: the password is kept in Loket&apos;s settings file, readable only by this user account.</source>
        <translation>Komputer ini tidak punya penyimpanan kata sandi: kata sandi disimpan di berkas pengaturan Loket, yang hanya bisa dibaca akun pengguna ini.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Uji sambungan</translation>
    </message>
    <message>
        <source>Note: LOKET_DB is set on this PC; while it is, it is used instead of what is chosen here.</source>
        <translation>Catatan: LOKET_DB diisi di PC ini; selama masih diisi, itulah yang dipakai, bukan pilihan di sini.</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>Call next</source>
        <translation>Panggil berikutnya</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Panggil ulang</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Mulai layani</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Tidak hadir</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Alihkan…</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Panggil</translation>
    </message>
    <message>
        <source>At this counter</source>
        <translation>Di loket ini</translation>
    </message>
    <message>
        <source>Queues served here</source>
        <translation>Antrian yang dilayani di sini</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Antrian</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>Tunggu terlama</translation>
    </message>
    <message>
        <source>Call &amp;number:</source>
        <translation>Panggil &amp;nomor:</translation>
    </message>
    <message>
        <source>e.g. A012</source>
        <translation>mis. A012</translation>
    </message>
    <message>
        <source>Today here: {served} served · {no_shows} no-show · average service {avg}</source>
        <translation>Hari ini di sini: {served} dilayani · {no_shows} tidak hadir · rata-rata layanan {avg}</translation>
    </message>
    <message>
        <source>Back in line: {number}</source>
        <translation>Kembali antre: {number}</translation>
    </message>
    <message>
        <source>Back in line</source>
        <translation>Kembali antre</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Lanjutkan</translation>
    </message>
    <message>
        <source>Pause…</source>
        <translation>Jeda…</translation>
    </message>
    <message>
        <source>Paused ({reason}) since {since}</source>
        <translation>Dijeda ({reason}) sejak {since}</translation>
    </message>
    <message>
        <source>Nobody is called here: press F11 to resume</source>
        <translation>Tidak ada panggilan di sini: tekan F11 untuk melanjutkan</translation>
    </message>
    <message>
        <source>This counter is closed</source>
        <translation>Loket ini ditutup</translation>
    </message>
    <message>
        <source>{count} waiting: press F2 to call the next one</source>
        <translation>{count} menunggu: tekan F2 untuk memanggil berikutnya</translation>
    </message>
    <message>
        <source>Nobody is waiting</source>
        <translation>Tidak ada yang menunggu</translation>
    </message>
    <message>
        <source>{queue}  ·  Booking {slot}</source>
        <translation>{queue}  ·  Booking {slot}</translation>
    </message>
    <message>
        <source>{state} · {time}</source>
        <translation>{state} · {time}</translation>
    </message>
    <message>
        <source>recalled {n}×</source>
        <translation>dipanggil ulang {n}×</translation>
    </message>
    <message>
        <source>{queue} (closed)</source>
        <translation>{queue} (ditutup)</translation>
    </message>
    <message>
        <source>Waiting for this counter: {n}</source>
        <translation>Menunggu untuk loket ini: {n}</translation>
    </message>
    <message>
        <source>(sent to this counter)</source>
        <translation>(dialihkan ke loket ini)</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <source>Ticket printer</source>
        <translation>Printer tiket</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Panggilan</translation>
    </message>
    <message>
        <source>The printer the kiosk prints numbers on.</source>
        <translation>Printer tempat kios mencetak nomor antrian.</translation>
    </message>
    <message>
        <source>How the lobby display calls numbers aloud.</source>
        <translation>Cara layar ruang tunggu memanggil nomor dengan suara.</translation>
    </message>
    <message>
        <source>Printer:</source>
        <translation>Printer:</translation>
    </message>
    <message>
        <source>Paper width:</source>
        <translation>Lebar kertas:</translation>
    </message>
    <message>
        <source>(none: show the ticket on screen)</source>
        <translation>(tidak ada: tampilkan tiket di layar)</translation>
    </message>
    <message>
        <source>The printers this PC knows are listed; a thermal ticket printer is usually 80 mm, small ones 58 mm. pdf:FOLDER writes each ticket as a PDF file.</source>
        <translation>Daftar berisi printer yang dikenal PC ini; printer tiket termal biasanya 80 mm, yang kecil 58 mm. pdf:FOLDER menulis setiap tiket sebagai berkas PDF.</translation>
    </message>
    <message>
        <source>Repeat every call in English</source>
        <translation>Ulangi setiap panggilan dalam bahasa Inggris</translation>
    </message>
    <message>
        <source>Each number is called in Bahasa Indonesia; with this, once more in English (for offices with many foreign applicants).</source>
        <translation>Setiap nomor dipanggil dalam Bahasa Indonesia; dengan pilihan ini, sekali lagi dalam bahasa Inggris (untuk kantor dengan banyak pemohon WNA).</translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <source>Lobby display</source>
        <translation>Layar antrian</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Passport pickup</source>
        <translation>Pengambilan paspor</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Last calls</source>
        <translation>Panggilan terakhir</translation>
    </message>
    <message>
        <source>{low}–{high} min</source>
        <translation>{low}–{high} menit</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>tutup</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand over passport</source>
        <translation>Serahkan paspor</translation>
    </message>
    <message>
        <source>{name} · {number}
Application {application}</source>
        <translation>{name} · {number}
Permohonan {application}</translation>
    </message>
    <message>
        <source>&amp;Holder in person</source>
        <translation>&amp;Pemilik paspor sendiri</translation>
    </message>
    <message>
        <source>&amp;Family member (same family card)</source>
        <translation>&amp;Anggota keluarga (satu kartu keluarga)</translation>
    </message>
    <message>
        <source>&amp;Proxy with power of attorney</source>
        <translation>Penerima &amp;kuasa dengan surat kuasa</translation>
    </message>
    <message>
        <source>Collector&apos;s &amp;name:</source>
        <translation>&amp;Nama pengambil:</translation>
    </message>
    <message>
        <source>&amp;ID checked against the passport and receipt</source>
        <translation>&amp;Identitas sudah dicocokkan dengan paspor dan tanda terima</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Serahkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Check: payment receipt and the holder&apos;s ID card.</source>
        <translation>Periksa: bukti pembayaran dan KTP pemilik paspor.</translation>
    </message>
    <message>
        <source>Check: payment receipt, the collector&apos;s ID card and the family card (KK) showing both.</source>
        <translation>Periksa: bukti pembayaran, KTP pengambil, dan kartu keluarga (KK) yang memuat keduanya.</translation>
    </message>
    <message>
        <source>Check: payment receipt, the collector&apos;s ID card and the signed power of attorney (surat kuasa).</source>
        <translation>Periksa: bukti pembayaran, KTP pengambil, dan surat kuasa yang ditandatangani.</translation>
    </message>
</context>
<context>
    <name>InvitationsBox</name>
    <message>
        <source>Invitations per day</source>
        <translation>Undangan per hari</translation>
    </message>
    <message>
        <source>A &quot;passport ready&quot; message names one pickup day, and no day gets more invitations than this limit. Set it below what the pickup counters hand over in a day, leaving room for holders without a phone. 0: off.</source>
        <translation>Pesan &quot;paspor siap&quot; menyebut satu hari pengambilan, dan tidak ada hari yang mendapat undangan lebih dari batas ini. Tetapkan di bawah jumlah paspor yang diserahkan loket pengambilan dalam sehari, dengan sisa tempat bagi pemohon tanpa nomor telepon. 0: mati.</translation>
    </message>
    <message>
        <source>At most a day:</source>
        <translation>Paling banyak per hari:</translation>
    </message>
    <message>
        <source>off</source>
        <translation>mati</translation>
    </message>
    <message>
        <source>Save limit</source>
        <translation>Simpan batas</translation>
    </message>
    <message>
        <source>Only a supervisor or an admin may change the limit.</source>
        <translation>Hanya supervisor atau admin yang boleh mengubah batas ini.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Diundang</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Diambil</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>No invitations for today or later.</source>
        <translation>Belum ada undangan untuk hari ini atau sesudahnya.</translation>
    </message>
    <message>
        <source>{invited} invited over {days} day(s) from today; {collected} of them have collected.</source>
        <translation>{invited} diundang dalam {days} hari sejak hari ini; {collected} di antaranya sudah mengambil paspornya.</translation>
    </message>
    <message>
        <source>Saved: at most {limit} invitations a day.</source>
        <translation>Tersimpan: paling banyak {limit} undangan per hari.</translation>
    </message>
    <message>
        <source>Saved: ready messages name no pickup day.</source>
        <translation>Tersimpan: pesan paspor siap tidak menyebut hari pengambilan.</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>⌫ Delete</source>
        <translation>⌫ Hapus</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Kosongkan</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Loket kiosk</source>
        <translation>Kios Loket</translation>
    </message>
    <message>
        <source>Welcome! Please take a number</source>
        <translation>Selamat datang! Silakan ambil nomor antrian</translation>
    </message>
    <message>
        <source>Touch the service you need.</source>
        <translation>Sentuh layanan yang Anda perlukan.</translation>
    </message>
    <message>
        <source>Passport pickup</source>
        <translation>Pengambilan paspor</translation>
    </message>
    <message>
        <source>I have an M-Paspor booking</source>
        <translation>Saya punya booking M-Paspor</translation>
    </message>
    <message>
        <source>M-Paspor booking</source>
        <translation>Booking M-Paspor</translation>
    </message>
    <message>
        <source>Hold the QR code of your booking under the scanner, or type your booking code and press OK.</source>
        <translation>Arahkan kode QR booking Anda ke pemindai, atau ketik kode booking lalu tekan OK.</translation>
    </message>
    <message>
        <source>Booking code</source>
        <translation>Kode booking</translation>
    </message>
    <message>
        <source>Hold the QR code on your pickup slip under the scanner, or type your application number and press OK.</source>
        <translation>Arahkan kode QR pada slip pengambilan ke pemindai, atau ketik nomor permohonan Anda lalu tekan OK.</translation>
    </message>
    <message>
        <source>Application number</source>
        <translation>Nomor permohonan</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>Priority: elderly, disabled, pregnant</source>
        <translation>Prioritas: lansia, disabilitas, ibu hamil</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Back to start</source>
        <translation>Kembali ke awal</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>Cetak ulang</translation>
    </message>
    <message>
        <source>Cancel my number</source>
        <translation>Batalkan nomor saya</translation>
    </message>
    <message>
        <source>Printing your ticket…</source>
        <translation>Mencetak karcis Anda…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Passport pickup  ·  {count} waiting</source>
        <translation>Pengambilan paspor  ·  {count} menunggu</translation>
    </message>
    <message>
        <source>Sorry, no numbers are given out today.</source>
        <translation>Mohon maaf, hari ini tidak ada pembagian nomor antrian.</translation>
    </message>
    <message>
        <source>Sorry, no numbers are given out now. We open again {when}. Thank you for coming.</source>
        <translation>Mohon maaf, saat ini nomor antrian tidak dibagikan. Kami buka kembali {when}. Terima kasih atas kedatangan Anda.</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>Nomor Anda</translation>
    </message>
    <message>
        <source>{service}  ·  Booking {slot}</source>
        <translation>{service}  ·  Booking {slot}</translation>
    </message>
    <message>
        <source>You are next.</source>
        <translation>Anda berikutnya.</translation>
    </message>
    <message>
        <source>{count} ahead of you.</source>
        <translation>{count} orang di depan Anda.</translation>
    </message>
    <message>
        <source>Estimated wait: {low}–{high} minutes.</source>
        <translation>Perkiraan tunggu: {low}–{high} menit.</translation>
    </message>
    <message>
        <source>You already checked in today: this is your number again.</source>
        <translation>Anda sudah mendaftar hari ini: ini nomor Anda.</translation>
    </message>
    <message>
        <source>Please take your ticket and wait until your number is called.</source>
        <translation>Silakan ambil karcis Anda dan tunggu sampai nomor Anda dipanggil.</translation>
    </message>
    <message>
        <source>Your ticket could not be printed</source>
        <translation>Karcis Anda tidak dapat dicetak</translation>
    </message>
    <message>
        <source>Number {number} is kept for you while you choose: print it again, or cancel it. If you leave, it is cancelled.</source>
        <translation>Nomor {number} disimpan selagi Anda memilih: cetak ulang, atau batalkan. Jika Anda pergi, nomor ini dibatalkan.</translation>
    </message>
    <message>
        <source>Number {number} could still not be printed. Cancel it and please ask staff for help.</source>
        <translation>Nomor {number} tetap tidak dapat dicetak. Batalkan dan silakan minta bantuan petugas.</translation>
    </message>
    <message>
        <source>Need help? Please ask at the information desk.</source>
        <translation>Perlu bantuan? Silakan bertanya di meja informasi.</translation>
    </message>
    <message>
        <source>Please touch your service again</source>
        <translation>Silakan sentuh layanan Anda sekali lagi</translation>
    </message>
    <message>
        <source>The queue system answered too slowly, so no number was printed. Please touch your service again.</source>
        <translation>Sistem antrean menjawab terlalu lambat, jadi tidak ada nomor yang dicetak. Silakan sentuh layanan Anda sekali lagi.</translation>
    </message>
    <message>
        <source>Number cancelled</source>
        <translation>Nomor dibatalkan</translation>
    </message>
    <message>
        <source>Number {number} was not printed and has been cancelled. You can take a new number.</source>
        <translation>Nomor {number} tidak tercetak dan sudah dibatalkan. Anda dapat mengambil nomor baru.</translation>
    </message>
    <message>
        <source>Number {number} could not be printed. Please show this screen to staff.</source>
        <translation>Nomor {number} tidak dapat dicetak. Tunjukkan layar ini kepada petugas.</translation>
    </message>
    <message>
        <source>The queue system cannot be reached</source>
        <translation>Sistem antrian tidak dapat dihubungi</translation>
    </message>
    <message>
        <source>No number was given. Please try again in a moment.</source>
        <translation>Tidak ada nomor yang diberikan. Silakan coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>Sorry, something went wrong</source>
        <translation>Maaf, terjadi kesalahan</translation>
    </message>
    <message>
        <source>No number was given.</source>
        <translation>Tidak ada nomor yang diberikan.</translation>
    </message>
    <message>
        <source>Please ask at the information desk: staff will help you.</source>
        <translation>Silakan bertanya di meja informasi: petugas akan membantu Anda.</translation>
    </message>
    <message>
        <source>Your passport is not ready yet</source>
        <translation>Paspor Anda belum siap</translation>
    </message>
    <message>
        <source>You do not need to queue today. Please come back when it is ready.</source>
        <translation>Anda tidak perlu mengantri hari ini. Silakan kembali saat paspor sudah siap.</translation>
    </message>
    <message>
        <source>The pickup period has ended</source>
        <translation>Batas waktu pengambilan sudah lewat</translation>
    </message>
    <message>
        <source>Please go to the information desk; a supervisor will help you.</source>
        <translation>Silakan ke meja informasi; supervisor akan membantu Anda.</translation>
    </message>
    <message>
        <source>This passport has already been collected</source>
        <translation>Paspor ini sudah diambil</translation>
    </message>
    <message>
        <source>This passport has been cancelled</source>
        <translation>Paspor ini sudah dibatalkan</translation>
    </message>
    <message>
        <source>We could not find this passport</source>
        <translation>Paspor ini tidak ditemukan</translation>
    </message>
    <message>
        <source>Check the number on your slip and try again, or ask at the information desk.</source>
        <translation>Periksa nomor pada slip Anda dan coba lagi, atau tanyakan di meja informasi.</translation>
    </message>
    <message>
        <source>Too early for your booking</source>
        <translation>Terlalu awal untuk booking Anda</translation>
    </message>
    <message>
        <source>Your booking time has passed</source>
        <translation>Jadwal booking Anda sudah lewat</translation>
    </message>
    <message>
        <source>Your booking is for another day</source>
        <translation>Booking Anda untuk hari lain</translation>
    </message>
    <message>
        <source>We could not find this booking</source>
        <translation>Booking ini tidak ditemukan</translation>
    </message>
    <message>
        <source>No more numbers for today</source>
        <translation>Nomor antrian hari ini sudah habis</translation>
    </message>
    <message>
        <source>Please come back on the next working day.</source>
        <translation>Silakan datang kembali pada hari kerja berikutnya.</translation>
    </message>
    <message>
        <source>This service is closed</source>
        <translation>Layanan ini sedang ditutup</translation>
    </message>
    <message>
        <source>This service is closed now</source>
        <translation>Layanan ini sedang tutup</translation>
    </message>
    <message>
        <source>We could not read this code</source>
        <translation>Kode ini tidak dapat dibaca</translation>
    </message>
    <message>
        <source>Please note your number and wait until it is called.</source>
        <translation>Silakan catat nomor Anda dan tunggu sampai dipanggil.</translation>
    </message>
    <message>
        <source>Scan the QR code on your passport pickup slip, or type your application number.</source>
        <translation>Pindai kode QR pada slip pengambilan paspor Anda, atau ketik nomor permohonan Anda.</translation>
    </message>
    <message>
        <source>No number was given</source>
        <translation>Tidak ada nomor yang diberikan</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Loket · counter sign-in</source>
        <translation>Loket · masuk petugas loket</translation>
    </message>
    <message>
        <source>Loket · supervisor sign-in</source>
        <translation>Loket · masuk supervisor</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Nama pengguna:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>This PC is &amp;counter:</source>
        <translation>PC ini adalah &amp;loket:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Bahasa:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>PC settings…</source>
        <translation>Pengaturan PC…</translation>
    </message>
    <message>
        <source>This PC&apos;s database, mode and counter (Ctrl+Shift+S)</source>
        <translation>Basis data, fungsi dan loket PC ini (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>(loading counters…)</source>
        <translation>(memuat daftar loket…)</translation>
    </message>
    <message>
        <source>choose this PC&apos;s counter</source>
        <translation>pilih loket PC ini</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Isi nama pengguna dan kata sandi.</translation>
    </message>
    <message>
        <source>Choose which counter this PC is.</source>
        <translation>Pilih loket untuk PC ini.</translation>
    </message>
</context>
<context>
    <name>NearOffer</name>
    <message>
        <source>Tell me by SMS/WhatsApp when my turn is near</source>
        <translation>Beri tahu saya lewat SMS/WhatsApp saat giliran saya dekat</translation>
    </message>
</context>
<context>
    <name>NotificationsPage</name>
    <message>
        <source>Notifications</source>
        <translation>Pemberitahuan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Pesan</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Kepada</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Permohonan</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <source>Why not delivered</source>
        <translation>Mengapa tidak terkirim</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Chosen message</source>
        <translation>Pesan terpilih</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Kirim ulang</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Sent {sent}, waiting {pending}, failed {failed}, cancelled {cancelled}</source>
        <translation>Terkirim {sent}, menunggu {pending}, gagal {failed}, dibatalkan {cancelled}</translation>
    </message>
    <message>
        <source>The message will be sent again.</source>
        <translation>Pesan akan dikirim ulang.</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
    <message>
        <source>New office database</source>
        <translation>Basis data kantor baru</translation>
    </message>
    <message>
        <source>This database has no Loket office yet. Loket sets it up now and creates the first administrator.</source>
        <translation>Basis data ini belum berisi kantor Loket. Loket menyiapkannya sekarang dan membuat administrator pertama.</translation>
    </message>
    <message>
        <source>Office name:</source>
        <translation>Nama kantor:</translation>
    </message>
    <message>
        <source>Kantor Imigrasi …</source>
        <translation>Kantor Imigrasi …</translation>
    </message>
    <message>
        <source>Start with the usual queues and counters</source>
        <translation>Mulai dengan antrian dan loket yang lazim</translation>
    </message>
    <message>
        <source>Those of an immigration office: A passport applications, P priority, B delayed pickup, C pickup, W foreigners; counters 1–6. The supervisor can change them later.</source>
        <translation>Yang biasa di kantor imigrasi: A permohonan paspor, P prioritas, B pengambilan tertunda, C pengambilan, W WNA; loket 1–6. Supervisor dapat mengubahnya nanti.</translation>
    </message>
    <message>
        <source>The first administrator signs in to the supervisor&apos;s window to add officers. Keep the password safe.</source>
        <translation>Administrator pertama masuk ke jendela supervisor untuk menambahkan petugas. Simpan kata sandinya baik-baik.</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Nama pengguna:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Nama lengkap:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Kata sandi:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Ulangi kata sandi:</translation>
    </message>
</context>
<context>
    <name>OfficersPage</name>
    <message>
        <source>Officers</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Terakhir masuk</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Nama pengguna:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nama &amp;lengkap:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Peran:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>(admin)</source>
        <translation>(admin)</translation>
    </message>
    <message>
        <source>(admin) Only an admin may give the roles supervisor and admin, or change such accounts.</source>
        <translation>(admin) Hanya admin yang boleh memberikan peran supervisor dan admin, atau mengubah akun dengan peran tersebut.</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>minimal 8 karakter</translation>
    </message>
    <message>
        <source>&amp;New officer</source>
        <translation>Petugas &amp;baru</translation>
    </message>
    <message>
        <source>Set &amp;new password</source>
        <translation>&amp;Atur kata sandi baru</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>petugas</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <source>Account {username}</source>
        <translation>Akun {username}</translation>
    </message>
    <message>
        <source>New officer</source>
        <translation>Petugas baru</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>&amp;Add officer</source>
        <translation>&amp;Tambah petugas</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Aktifkan kembali</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Nonaktifkan</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>&amp;Kata sandi baru:</translation>
    </message>
    <message>
        <source>(admin) Only an admin may change the account of a supervisor or an admin.</source>
        <translation>(admin) Hanya admin yang boleh mengubah akun supervisor atau admin.</translation>
    </message>
    <message>
        <source>Supervisors manage officers; roles marked (admin) need an admin.</source>
        <translation>Supervisor mengelola petugas; peran bertanda (admin) memerlukan admin.</translation>
    </message>
    <message>
        <source>Officer {username} added.</source>
        <translation>Petugas {username} ditambahkan.</translation>
    </message>
    <message>
        <source>Account {username} saved.</source>
        <translation>Akun {username} disimpan.</translation>
    </message>
    <message>
        <source>New password set for {username}. Tell them in person.</source>
        <translation>Kata sandi baru untuk {username} sudah diatur. Sampaikan langsung kepada yang bersangkutan.</translation>
    </message>
    <message>
        <source>{username} can sign in again.</source>
        <translation>{username} dapat masuk kembali.</translation>
    </message>
    <message>
        <source>{username} is deactivated and can no longer sign in.</source>
        <translation>{username} dinonaktifkan dan tidak dapat masuk lagi.</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Not confirmed: the database could not be reached. Try again when it is back; an action that did go through will not be done twice.</source>
        <translation>Belum terkonfirmasi: basis data tidak dapat dihubungi. Coba lagi setelah tersambung; tindakan yang sudah tercatat tidak akan dilakukan dua kali.</translation>
    </message>
    <message>
        <source>The database could not be reached. Loket tries again by itself.</source>
        <translation>Basis data tidak dapat dihubungi. Loket mencoba lagi dengan sendirinya.</translation>
    </message>
    <message>
        <source>Something went wrong inside Loket; nothing was changed. The details are in the log file. If it happens again, tell the supervisor.</source>
        <translation>Terjadi kesalahan di dalam Loket; tidak ada yang diubah. Rinciannya ada di berkas log. Jika terulang, beri tahu supervisor.</translation>
    </message>
</context>
<context>
    <name>PageMessage</name>
    <message>
        <source>The database could not be reached. Nothing you typed is lost; try again when the connection is back.</source>
        <translation>Basis data tidak dapat dihubungi. Tidak ada isian Anda yang hilang; coba lagi setelah sambungan kembali.</translation>
    </message>
</context>
<context>
    <name>PassportsPage</name>
    <message>
        <source>Passports</source>
        <translation>Paspor</translation>
    </message>
    <message>
        <source>Application number, passport number, part of the name, or scan the slip</source>
        <translation>Nomor permohonan, nomor paspor, sebagian nama, atau pindai slip</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>A scanned pickup slip is searched for at once. Names need at least 3 letters.</source>
        <translation>Slip pengambilan yang dipindai langsung dicari. Pencarian nama minimal 3 huruf.</translation>
    </message>
    <message>
        <source>Application no.</source>
        <translation>No. permohonan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Passport no.</source>
        <translation>No. paspor</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Kelompok</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>Rak</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Collect by</source>
        <translation>Batas pengambilan</translation>
    </message>
    <message>
        <source>Collected at</source>
        <translation>Waktu diambil</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>Diambil oleh</translation>
    </message>
    <message>
        <source>Chosen passport</source>
        <translation>Paspor yang dipilih</translation>
    </message>
    <message>
        <source>&amp;Undo handover…</source>
        <translation>&amp;Batalkan serah terima…</translation>
    </message>
    <message>
        <source>For a handover recorded by mistake: the passport goes back to ready on the shelf. A written reason is required and kept in the audit log.</source>
        <translation>Untuk serah terima yang tercatat karena kekeliruan: paspor kembali berstatus siap di rak. Alasan tertulis wajib diisi dan disimpan di log audit.</translation>
    </message>
    <message>
        <source>ready, collect-by date passed</source>
        <translation>siap, batas pengambilan sudah lewat</translation>
    </message>
    <message>
        <source>ready on the shelf</source>
        <translation>siap di rak</translation>
    </message>
    <message>
        <source>still printing</source>
        <translation>masih dicetak</translation>
    </message>
    <message>
        <source>collected</source>
        <translation>sudah diambil</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <source>the holder</source>
        <translation>pemilik paspor</translation>
    </message>
    <message>
        <source>family: {name}</source>
        <translation>keluarga: {name}</translation>
    </message>
    <message>
        <source>proxy: {name}</source>
        <translation>penerima kuasa: {name}</translation>
    </message>
    <message>
        <source>No passport matches “{text}”.</source>
        <translation>Tidak ada paspor yang cocok dengan “{text}”.</translation>
    </message>
    <message>
        <source>The first {count} matches; type more to narrow the search.</source>
        <translation>Ini {count} hasil pertama; ketik lebih lengkap untuk mempersempit pencarian.</translation>
    </message>
    <message>
        <source>{count} passport(s) found.</source>
        <translation>{count} paspor ditemukan.</translation>
    </message>
    <message>
        <source>{name} — application no. {application_no}, passport no. {passport_no}</source>
        <translation>{name} — no. permohonan {application_no}, no. paspor {passport_no}</translation>
    </message>
    <message>
        <source>Batch: {batch} · Shelf: {shelf}</source>
        <translation>Kelompok: {batch} · Rak: {shelf}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>Expected ready: {date}</source>
        <translation>Perkiraan siap: {date}</translation>
    </message>
    <message>
        <source>Ready since: {ready} · Collect by: {collect_by}</source>
        <translation>Siap sejak: {ready} · Batas pengambilan: {collect_by}</translation>
    </message>
    <message>
        <source>The collect-by date has passed: the passport is due to be cancelled, as the regulation says.</source>
        <translation>Batas pengambilan sudah lewat: sesuai ketentuan, paspor ini harus dibatalkan.</translation>
    </message>
    <message>
        <source>Collected on {when} at counter {counter}, handed over by {officer} to {collector}.</source>
        <translation>Diambil pada {when} di loket {counter}, diserahkan oleh {officer} kepada {collector}.</translation>
    </message>
    <message>
        <source>ID checked: {checked} · Scan: {scan}</source>
        <translation>Identitas diperiksa: {checked} · Pindaian: {scan}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>signed slip</source>
        <translation>slip bertanda tangan</translation>
    </message>
    <message>
        <source>application number, not verified</source>
        <translation>nomor permohonan, belum terverifikasi</translation>
    </message>
    <message>
        <source>Search, then choose a passport in the list.</source>
        <translation>Cari dulu, lalu pilih paspor dalam daftar.</translation>
    </message>
    <message>
        <source>Undo handover</source>
        <translation>Batalkan serah terima</translation>
    </message>
    <message>
        <source>Passport {application_no} ({name}) was recorded as collected on {when} at counter {counter}. Undo this handover? The passport goes back to ready on the shelf.

Why? (required; kept in the audit log)</source>
        <translation>Paspor {application_no} ({name}) tercatat sudah diambil pada {when} di loket {counter}. Batalkan serah terima ini? Paspor akan kembali berstatus siap di rak.

Apa alasannya? (wajib diisi; disimpan di log audit)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>The handover of passport {application_no} is undone: it is ready on the shelf again.</source>
        <translation>Serah terima paspor {application_no} sudah dibatalkan: paspor kembali siap di rak.</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>Pause the counter</source>
        <translation>Jeda loket</translation>
    </message>
    <message>
        <source>{counter} calls nobody until you resume. Why the pause?</source>
        <translation>{counter} tidak memanggil siapa pun sampai dilanjutkan. Apa alasan jedanya?</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Istirahat</translation>
    </message>
    <message>
        <source>Prayer</source>
        <translation>Ibadah</translation>
    </message>
    <message>
        <source>System fault</source>
        <translation>Gangguan sistem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>PcPage</name>
    <message>
        <source>Welcome to Loket</source>
        <translation>Selamat datang di Loket</translation>
    </message>
    <message>
        <source>Set up this PC in a few steps. First: what is this PC for?</source>
        <translation>Atur PC ini dalam beberapa langkah. Pertama: PC ini untuk apa?</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Bahasa:</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>An officer&apos;s desk: call numbers, serve applicants, scan pickup slips and hand over passports.</source>
        <translation>Meja petugas: memanggil nomor, melayani pemohon, memindai bukti pengambilan dan menyerahkan paspor.</translation>
    </message>
    <message>
        <source>Lobby display</source>
        <translation>Layar ruang tunggu</translation>
    </message>
    <message>
        <source>The TV in the waiting hall: who is served where; numbers are called aloud.</source>
        <translation>TV di ruang tunggu: siapa dilayani di loket mana; nomor dipanggil dengan suara.</translation>
    </message>
    <message>
        <source>Ticket kiosk</source>
        <translation>Kios nomor antrian</translation>
    </message>
    <message>
        <source>The touch screen with the ticket printer: applicants take a number or check in for a passport pickup.</source>
        <translation>Layar sentuh dengan printer tiket: pemohon mengambil nomor atau melapor untuk mengambil paspor.</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Officers, counters, queues, office settings, the backlog list, reports, the audit log and backups.</source>
        <translation>Petugas, loket, antrian, pengaturan kantor, daftar paspor tertunda, laporan, log audit dan cadangan.</translation>
    </message>
</context>
<context>
    <name>PhoneEntryPage</name>
    <message>
        <source>The queue system cannot be reached. Your number is still valid; please try again in a moment.</source>
        <translation>Sistem antrian tidak dapat dihubungi. Nomor Anda tetap berlaku; silakan coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>Sorry, something went wrong. Your number is still valid.</source>
        <translation>Maaf, terjadi kesalahan. Nomor Anda tetap berlaku.</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Terima kasih</translation>
    </message>
    <message>
        <source>Send an SMS to the number ending in …{last} when your turn is near?</source>
        <translation>Kirim SMS ke nomor berakhiran …{last} saat giliran Anda dekat?</translation>
    </message>
    <message>
        <source>The mobile number of your passport application. We send one SMS/WhatsApp message when about {places} numbers are before {number}.</source>
        <translation>Nomor HP dari permohonan paspor Anda. Kami mengirim satu pesan SMS/WhatsApp saat giliran {number} tinggal sekitar {places} nomor lagi.</translation>
    </message>
    <message>
        <source>Yes, send it</source>
        <translation>Ya, kirim</translation>
    </message>
    <message>
        <source>We will send a message to the number ending in …{last} when about {places} numbers are before {number}.</source>
        <translation>Kami akan mengirim pesan ke nomor berakhiran …{last} saat giliran {number} tinggal sekitar {places} nomor lagi.</translation>
    </message>
    <message>
        <source>We will send a message to the number ending in {last} when about {places} numbers are before {number}. The number is deleted at the end of the day.</source>
        <translation>Kami akan mengirim pesan ke nomor berakhiran {last} saat giliran {number} tinggal sekitar {places} nomor lagi. Nomor telepon dihapus di akhir hari.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Tell me when my turn is near</source>
        <translation>Beri tahu saya saat giliran saya dekat</translation>
    </message>
    <message>
        <source>Type your mobile number (08… or +62…) and press OK: we send one SMS/WhatsApp message when about {places} numbers are before {number}. It is only used for this ticket today.</source>
        <translation>Ketik nomor HP Anda (08… atau +62…) lalu tekan OK: kami kirim satu pesan SMS/WhatsApp saat giliran {number} tinggal sekitar {places} nomor lagi. Nomor hanya dipakai untuk antrian ini hari ini.</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>Nomor HP</translation>
    </message>
    <message>
        <source>No, thank you</source>
        <translation>Tidak, terima kasih</translation>
    </message>
</context>
<context>
    <name>PickupPanel</name>
    <message>
        <source>Handed over by {officer}.</source>
        <translation>Diserahkan oleh {officer}.</translation>
    </message>
    <message>
        <source>Passport pickup</source>
        <translation>Pengambilan paspor</translation>
    </message>
    <message>
        <source>Shelf:</source>
        <translation>Rak:</translation>
    </message>
    <message>
        <source>Application no.:</source>
        <translation>No. permohonan:</translation>
    </message>
    <message>
        <source>Holder:</source>
        <translation>Pemilik:</translation>
    </message>
    <message>
        <source>Passport no.:</source>
        <translation>No. paspor:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Collect by:</source>
        <translation>Ambil paling lambat:</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Kelompok:</translation>
    </message>
    <message>
        <source>Hand over… (F9)</source>
        <translation>Serahkan… (F9)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <source>still printing</source>
        <translation>masih dicetak</translation>
    </message>
    <message>
        <source>ready on the shelf</source>
        <translation>siap di rak</translation>
    </message>
    <message>
        <source>already collected</source>
        <translation>sudah diambil</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <source>This slip is for another passport than the ticket being served. Check the ticket and the slip.</source>
        <translation>Slip ini untuk paspor lain, bukan untuk antrian yang sedang dilayani. Periksa antrian dan slipnya.</translation>
    </message>
    <message>
        <source>Not verified: typed or read from the receipt, not from a signed slip. Check the documents carefully.</source>
        <translation>Belum terverifikasi: diketik atau dibaca dari tanda terima, bukan dari slip bertanda tangan. Periksa dokumen dengan teliti.</translation>
    </message>
</context>
<context>
    <name>QueuesPage</name>
    <message>
        <source>Queues</source>
        <translation>Antrian</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Awalan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Daily quota</source>
        <translation>Kuota harian</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Issued today</source>
        <translation>Terbit hari ini</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Kode:</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>&amp;Awalan:</translation>
    </message>
    <message>
        <source>Name (&amp;Indonesian):</source>
        <translation>Nama (&amp;Indonesia):</translation>
    </message>
    <message>
        <source>Name (&amp;English):</source>
        <translation>Nama (Ing&amp;gris):</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>P&amp;rioritas:</translation>
    </message>
    <message>
        <source>Daily &amp;quota:</source>
        <translation>Kuota &amp;harian:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>e.g. paspor (cannot be changed later)</source>
        <translation>mis. paspor (tidak dapat diubah kemudian)</translation>
    </message>
    <message>
        <source>1–2 letters A–Z</source>
        <translation>1–2 huruf A–Z</translation>
    </message>
    <message>
        <source>0–99, higher is called first</source>
        <translation>0–99, yang lebih tinggi dipanggil lebih dulu</translation>
    </message>
    <message>
        <source>empty: no quota; else 1–9999</source>
        <translation>kosong: tanpa kuota; selain itu 1–9999</translation>
    </message>
    <message>
        <source>Open: the kiosk issues numbers</source>
        <translation>Dibuka: kios memberikan nomor antrian</translation>
    </message>
    <message>
        <source>A closed queue issues no new numbers; tickets already waiting are still called.</source>
        <translation>Antrian yang ditutup tidak memberikan nomor baru; nomor antrian yang sudah menunggu tetap dipanggil.</translation>
    </message>
    <message>
        <source>&amp;New queue (admin)</source>
        <translation>Antrian &amp;baru (admin)</translation>
    </message>
    <message>
        <source>(admin) Only an admin may create a queue.</source>
        <translation>(admin) Hanya admin yang boleh membuat antrian.</translation>
    </message>
    <message>
        <source>walk-in service</source>
        <translation>layanan langsung</translation>
    </message>
    <message>
        <source>passport pickup</source>
        <translation>pengambilan paspor</translation>
    </message>
    <message>
        <source>open</source>
        <translation>dibuka</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>ditutup</translation>
    </message>
    <message>
        <source>Queue {prefix}</source>
        <translation>Antrian {prefix}</translation>
    </message>
    <message>
        <source>New queue</source>
        <translation>Antrian baru</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>&amp;Add queue</source>
        <translation>&amp;Tambah antrian</translation>
    </message>
    <message>
        <source>(admin) Only an admin may create a queue. Choose a queue in the list to change it.</source>
        <translation>(admin) Hanya admin yang boleh membuat antrian. Pilih antrian dalam daftar untuk mengubahnya.</translation>
    </message>
    <message>
        <source>A new prefix applies from the next number on; the numbers given out today ({n}) keep theirs.</source>
        <translation>Awalan baru berlaku mulai nomor berikutnya; nomor yang sudah diberikan hari ini ({n}) tetap memakai awalan lamanya.</translation>
    </message>
    <message>
        <source>Queue {prefix} added.</source>
        <translation>Antrian {prefix} ditambahkan.</translation>
    </message>
    <message>
        <source>Queue {prefix} saved.</source>
        <translation>Antrian {prefix} disimpan.</translation>
    </message>
</context>
<context>
    <name>ReadyPage</name>
    <message>
        <source>Ready</source>
        <translation>Siap</translation>
    </message>
    <message>
        <source>Loket saves this on this PC and starts.</source>
        <translation>Loket menyimpan ini di PC ini lalu dimulai.</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Lobby display</source>
        <translation>Layar ruang tunggu</translation>
    </message>
    <message>
        <source>Ticket kiosk</source>
        <translation>Kios nomor antrian</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>This PC: %1</source>
        <translation>PC ini: %1</translation>
    </message>
    <message>
        <source>Counter: %1</source>
        <translation>Loket: %1</translation>
    </message>
    <message>
        <source>Printer: %1, %2 mm</source>
        <translation>Printer: %1, %2 mm</translation>
    </message>
    <message>
        <source>none (ticket on screen)</source>
        <translation>tidak ada (tiket di layar)</translation>
    </message>
    <message>
        <source>Calls: in Bahasa Indonesia and English</source>
        <translation>Panggilan: Bahasa Indonesia dan bahasa Inggris</translation>
    </message>
    <message>
        <source>Calls: in Bahasa Indonesia</source>
        <translation>Panggilan: Bahasa Indonesia</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Basis data: %1</translation>
    </message>
    <message>
        <source>Password: in this computer&apos;s password store</source>
        <translation>Kata sandi: di penyimpanan kata sandi komputer ini</translation>
    </message>
    <message>
        <source>Password: in the settings file, readable only by this user</source>
        <translation>Kata sandi: di berkas pengaturan, hanya bisa dibaca pengguna ini</translation>
    </message>
    <message>
        <source>Administrator created: %1</source>
        <translation>Administrator dibuat: %1</translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation>Berkas pengaturan: %1</translation>
    </message>
    <message>
        <source>To change this later: &quot;PC settings&quot; on the sign-in screen, Ctrl+Shift+S on the display and the kiosk, or the command loket setup.</source>
        <translation>Untuk mengubahnya nanti: &quot;Pengaturan PC&quot; di layar masuk, Ctrl+Shift+S di layar ruang tunggu dan kios, atau perintah loket setup.</translation>
    </message>
</context>
<context>
    <name>ReconcilePage</name>
    <message>
        <source>Late handovers</source>
        <translation>Penyerahan susulan</translation>
    </message>
    <message>
        <source>Only a supervisor or an admin may record late handovers.</source>
        <translation>Hanya supervisor atau admin yang boleh mencatat penyerahan susulan.</translation>
    </message>
    <message>
        <source>Handovers made after the server&apos;s last backup, or on a PC that worked alone on an emergency file, are missing from the database after a restore. Choose where they are kept: a counter PC&apos;s handover journal, or the other database. Preview writes nothing; then record the handovers with their original time, counter and officer. Conflicts are listed, never written: settle them with the handover book.</source>
        <translation>Penyerahan yang dibuat setelah cadangan terakhir server, atau di PC yang bekerja sendiri dengan berkas darurat, tidak ada di basis data setelah pemulihan. Pilih tempat penyerahan itu tersimpan: jurnal penyerahan PC loket, atau basis data lain. Pratinjau tidak menulis apa pun; lalu catat penyerahan itu dengan waktu, loket, dan petugas aslinya. Yang bentrok hanya didaftar, tidak pernah ditulis: selesaikan dengan buku penyerahan.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>&amp;Journal file:</source>
        <translation>Berkas &amp;jurnal:</translation>
    </message>
    <message>
        <source>Another &amp;database:</source>
        <translation>Basis data &amp;lain:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Also record handovers written to another database than this one: only when that database is this office&apos;s all the same (a server set up anew rather than restored).</source>
        <translation>Catat juga penyerahan yang ditulis ke basis data selain yang ini: hanya bila basis data itu memang milik kantor ini (server dibuat ulang, bukan dipulihkan).</translation>
    </message>
    <message>
        <source>Application no.</source>
        <translation>No. permohonan</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Nothing is written before you have seen the preview and pressed Record.</source>
        <translation>Tidak ada yang ditulis sebelum Anda melihat pratinjau dan menekan Catat.</translation>
    </message>
    <message>
        <source>would be recorded</source>
        <translation>akan dicatat</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>dicatat</translation>
    </message>
    <message>
        <source>already recorded</source>
        <translation>sudah tercatat</translation>
    </message>
    <message>
        <source>in conflict</source>
        <translation>bentrok</translation>
    </message>
    <message>
        <source>unknown application</source>
        <translation>permohonan tidak dikenal</translation>
    </message>
    <message>
        <source>from another database</source>
        <translation>dari basis data lain</translation>
    </message>
    <message>
        <source>Here it was collected {time} at counter {counter}. Check the handover book.</source>
        <translation>Di sini sudah diambil {time} di loket {counter}. Periksa buku penyerahan.</translation>
    </message>
    <message>
        <source>Here this passport is cancelled. Check the shelf and the handover book.</source>
        <translation>Di sini paspor ini sudah dibatalkan. Periksa rak dan buku penyerahan.</translation>
    </message>
    <message>
        <source>Here this passport is not ready. Check the shelf and the handover book.</source>
        <translation>Di sini paspor ini belum siap. Periksa rak dan buku penyerahan.</translation>
    </message>
    <message>
        <source>A supervisor undid this handover here.</source>
        <translation>Penyerahan ini sudah dibatalkan oleh supervisor di sini.</translation>
    </message>
    <message>
        <source>Not in this database.</source>
        <translation>Tidak ada di basis data ini.</translation>
    </message>
    <message>
        <source>Written to another database: skipped.</source>
        <translation>Ditulis ke basis data lain: dilewati.</translation>
    </message>
    <message>
        <source>Choose a handover journal</source>
        <translation>Pilih jurnal penyerahan</translation>
    </message>
    <message>
        <source>Handover journals (*.jsonl);;All files (*)</source>
        <translation>Jurnal penyerahan (*.jsonl);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Type the other database&apos;s URL or choose its SQLite file first.</source>
        <translation>Ketik dulu URL basis data lain itu atau pilih berkas SQLite-nya.</translation>
    </message>
    <message>
        <source>{count} handovers recorded with their original time, counter and officer.</source>
        <translation>{count} penyerahan dicatat dengan waktu, loket, dan petugas aslinya.</translation>
    </message>
    <message>
        <source>If that database is this office&apos;s all the same (a server set up anew, not restored), tick “Also from another database” and preview again.</source>
        <translation>Bila basis data itu memang milik kantor ini (server dibuat ulang, bukan dipulihkan), centang “Juga dari basis data lain” lalu pratinjau lagi.</translation>
    </message>
    <message>
        <source>Preview only: nothing has been written yet.</source>
        <translation>Hanya pratinjau: belum ada yang ditulis.</translation>
    </message>
    <message>
        <source>&amp;Record 1 handover</source>
        <translation>&amp;Catat 1 penyerahan</translation>
    </message>
    <message>
        <source>&amp;Record {count} handovers</source>
        <translation>&amp;Catat {count} penyerahan</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <source>Choose the other database</source>
        <translation>Pilih basis data lain</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Basis data SQLite (*.sqlite3 *.sqlite *.db);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>SQLite file (e.g. darurat.sqlite3) or server URL (postgresql://…)</source>
        <translation>Berkas SQLite (mis. darurat.sqlite3) atau URL server (postgresql://…)</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>Also from &amp;another database</source>
        <translation>Juga dari &amp;basis data lain</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>Pra&amp;tinjau</translation>
    </message>
    <message>
        <source>Press Preview to read the source again.</source>
        <translation>Tekan Pratinjau untuk membaca sumbernya lagi.</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <source>office time, {zone}</source>
        <translation>waktu kantor, {zone}</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <source>Nothing in these days.</source>
        <translation>Tidak ada data pada hari-hari ini.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Grafik</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Only a supervisor or an admin may see reports.</source>
        <translation>Hanya supervisor atau admin yang boleh melihat laporan.</translation>
    </message>
    <message>
        <source>Loading the report…</source>
        <translation>Memuat laporan…</translation>
    </message>
    <message>
        <source>Loading the burn-down…</source>
        <translation>Memuat grafik penyelesaian (burn-down)…</translation>
    </message>
    <message>
        <source>No ready passport is past its collect-by date.</source>
        <translation>Tidak ada paspor siap yang melewati batas pengambilan.</translation>
    </message>
    <message>
        <source>{count} ready passport(s) are past their collect-by date and still on the shelf. By regulation they are to be cancelled.</source>
        <translation>{count} paspor siap sudah melewati batas pengambilan dan masih di rak. Sesuai ketentuan, paspor tersebut harus dibatalkan.</translation>
    </message>
    <message>
        <source>Cancel overdue passports</source>
        <translation>Batalkan paspor yang lewat batas</translation>
    </message>
    <message>
        <source>Cancel {count} passport(s) past their collect-by date? Their holders will have to apply again. This is written to the audit log.</source>
        <translation>Batalkan {count} paspor yang melewati batas pengambilan? Pemiliknya harus mengajukan permohonan lagi. Tindakan ini dicatat di log audit.</translation>
    </message>
    <message>
        <source>{count} overdue passport(s) cancelled.</source>
        <translation>{count} paspor yang lewat batas telah dibatalkan.</translation>
    </message>
    <message>
        <source>Regular pickups</source>
        <translation>Pengambilan reguler</translation>
    </message>
    <message>
        <source>{first} to {last} ({days} days)</source>
        <translation>{first} s.d. {last} ({days} hari)</translation>
    </message>
    <message>
        <source>generated {when}</source>
        <translation>dibuat {when}</translation>
    </message>
    <message>
        <source>Choose the days and press Refresh.</source>
        <translation>Pilih tanggalnya, lalu tekan Perbarui.</translation>
    </message>
    <message>
        <source>{office} · report of {range}, {generated}</source>
        <translation>{office} · laporan {range}, {generated}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Diterbitkan</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Dilayani</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>Tidak hadir</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Kedaluwarsa</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Terbuka</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Dialihkan</translation>
    </message>
    <message>
        <source>Avg wait</source>
        <translation>Rata-rata tunggu</translation>
    </message>
    <message>
        <source>P90 wait</source>
        <translation>Tunggu P90</translation>
    </message>
    <message>
        <source>Avg service</source>
        <translation>Rata-rata layanan</translation>
    </message>
    <message>
        <source>P90 service</source>
        <translation>Layanan P90</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Diserahkan</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Tickets issued</source>
        <translation>Nomor antrian diterbitkan</translation>
    </message>
    <message>
        <source>Expired (left open at the day&apos;s end)</source>
        <translation>Kedaluwarsa (masih terbuka saat hari layanan berakhir)</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Masih terbuka</translation>
    </message>
    <message>
        <source>Average wait (issue to call)</source>
        <translation>Rata-rata waktu tunggu (dari ambil nomor sampai dipanggil)</translation>
    </message>
    <message>
        <source>90th percentile wait</source>
        <translation>Waktu tunggu persentil ke-90</translation>
    </message>
    <message>
        <source>Average service time</source>
        <translation>Rata-rata waktu layanan</translation>
    </message>
    <message>
        <source>90th percentile service time</source>
        <translation>Waktu layanan persentil ke-90</translation>
    </message>
    <message>
        <source>Passports handed over</source>
        <translation>Paspor diserahkan</translation>
    </message>
    <message>
        <source>… to the holder</source>
        <translation>… kepada pemilik paspor</translation>
    </message>
    <message>
        <source>… to a family member</source>
        <translation>… kepada anggota keluarga</translation>
    </message>
    <message>
        <source>… to a proxy</source>
        <translation>… kepada penerima kuasa</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Uraian</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>Melayani</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Jeda</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Menganggur</translation>
    </message>
    <message>
        <source>No pickup batches yet.</source>
        <translation>Belum ada kelompok pengambilan.</translation>
    </message>
    <message>
        <source>Arrivals and average wait by hour</source>
        <translation>Kedatangan dan rata-rata waktu tunggu per jam</translation>
    </message>
    <message>
        <source>Average wait (minutes)</source>
        <translation>Rata-rata waktu tunggu (menit)</translation>
    </message>
    <message>
        <source>Hour (office time)</source>
        <translation>Jam (waktu kantor)</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Nomor antrian</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Menit</translation>
    </message>
    <message>
        <source>Burn-down: {batch} ({total} passports)</source>
        <translation>Grafik penyelesaian (burn-down): {batch} ({total} paspor)</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Sudah diambil</translation>
    </message>
    <message>
        <source>Past collect-by (overdue or cancelled)</source>
        <translation>Lewat batas pengambilan (terlambat atau dibatalkan)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Passports</source>
        <translation>Paspor</translation>
    </message>
    <message>
        <source>Still to collect, expected cleared {date}</source>
        <translation>Belum diambil, perkiraan habis {date}</translation>
    </message>
    <message>
        <source>report</source>
        <translation>laporan</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>Ekspor laporan sebagai CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Simpan laporan sebagai PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The report was sent to the printer.</source>
        <translation>Laporan sudah dikirim ke printer.</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>Disimpan ke {path}.</translation>
    </message>
    <message>
        <source>Report of {range}</source>
        <translation>Laporan {range}</translation>
    </message>
    <message>
        <source>The file {path} could not be written.</source>
        <translation>Berkas {path} tidak dapat ditulis.</translation>
    </message>
    <message>
        <source>Per queue</source>
        <translation>Per antrian</translation>
    </message>
    <message>
        <source>Per counter</source>
        <translation>Per loket</translation>
    </message>
    <message>
        <source>Per officer</source>
        <translation>Per petugas</translation>
    </message>
    <message>
        <source>Per hour (office time)</source>
        <translation>Per jam (waktu kantor)</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Minggu ini</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Bulan ini</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Pilih tanggal sendiri</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Dari:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Sampai:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Pe&amp;rbarui</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;Ekspor CSV…</translation>
    </message>
    <message>
        <source>Save P&amp;DF…</source>
        <translation>Simpan PD&amp;F…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Cetak…</translation>
    </message>
    <message>
        <source>&amp;Batch:</source>
        <translation>&amp;Kelompok:</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Booking</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <source>Ready, waiting</source>
        <translation>Siap, menunggu diambil</translation>
    </message>
    <message>
        <source>Still printing</source>
        <translation>Masih dicetak</translation>
    </message>
    <message>
        <source>Cancel &amp;overdue passports…</source>
        <translation>&amp;Batalkan paspor yang lewat batas…</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>Per jam</translation>
    </message>
    <message>
        <source>Arrivals chart</source>
        <translation>Grafik kedatangan</translation>
    </message>
    <message>
        <source>Burn-down</source>
        <translation>Grafik penyelesaian</translation>
    </message>
</context>
<context>
    <name>ServiceButton</name>
    <message>
        <source>Full for today</source>
        <translation>Penuh untuk hari ini</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} menunggu</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>Pengaturan tidak dapat disimpan: %1</translation>
    </message>
    <message>
        <source>Loket set-up</source>
        <translation>Pengaturan awal Loket</translation>
    </message>
    <message>
        <source>PC settings</source>
        <translation>Pengaturan PC</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Lanjut &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Kembali</translation>
    </message>
    <message>
        <source>Save and start</source>
        <translation>Simpan dan mulai</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>StatusWindow</name>
    <message>
        <source>Office status</source>
        <translation>Status kantor</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Antrian</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Issued today</source>
        <translation>Terbit hari ini</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>Tunggu terlama</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Antrian</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Service day {day} · updated {time}</source>
        <translation>Hari layanan {day} · diperbarui {time}</translation>
    </message>
    <message>
        <source>{queue} (closed)</source>
        <translation>{queue} (ditutup)</translation>
    </message>
    <message>
        <source>free</source>
        <translation>kosong</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>ditutup</translation>
    </message>
</context>
<context>
    <name>SurveyPage</name>
    <message>
        <source>Survey (IKM)</source>
        <translation>Survei (IKM)</translation>
    </message>
    <message>
        <source>Only a supervisor or an admin may see reports.</source>
        <translation>Hanya supervisor atau admin yang boleh melihat laporan.</translation>
    </message>
    <message>
        <source>Loading the survey…</source>
        <translation>Memuat survei…</translation>
    </message>
    <message>
        <source>Choose the days and press Refresh.</source>
        <translation>Pilih tanggalnya, lalu tekan Perbarui.</translation>
    </message>
    <message>
        <source>IKM {ikm} · mutu {grade} ({words}) · {count} responses</source>
        <translation>IKM {ikm} · mutu {grade} ({words}) · {count} responden</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Unsur</translation>
    </message>
    <message>
        <source>NRR</source>
        <translation>NRR</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Responden</translation>
    </message>
    <message>
        <source>IKM</source>
        <translation>IKM</translation>
    </message>
    <message>
        <source>Mutu</source>
        <translation>Mutu</translation>
    </message>
    <message>
        <source>survey</source>
        <translation>survei</translation>
    </message>
    <message>
        <source>Export the survey as CSV</source>
        <translation>Ekspor survei sebagai CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>Disimpan ke {path}.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Dari:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Sampai:</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Pe&amp;rbarui</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;Ekspor CSV…</translation>
    </message>
    <message>
        <source>&amp;Breakdown:</source>
        <translation>&amp;Rincian:</translation>
    </message>
    <message>
        <source>Per queue</source>
        <translation>Per antrian</translation>
    </message>
    <message>
        <source>Per counter</source>
        <translation>Per loket</translation>
    </message>
    <message>
        <source>Per officer</source>
        <translation>Per petugas</translation>
    </message>
</context>
<context>
    <name>TicketMergePage</name>
    <message>
        <source>Emergency PC tickets</source>
        <translation>Nomor dari PC darurat</translation>
    </message>
    <message>
        <source>Only a supervisor or an admin may merge the emergency PC&apos;s tickets.</source>
        <translation>Hanya supervisor atau admin yang boleh menggabungkan nomor antrian dari PC darurat.</translation>
    </message>
    <message>
        <source>While the server was down, an emergency PC may have served walk-ins on its own file restored from the last backup. Those tickets are missing from this database, and so from the reports and the survey. Choose that PC&apos;s file, or the server it worked on. Preview writes nothing; then merge the finished tickets with their own times, counters and officers, each once. Tickets still open there or of a queue unknown here are listed, never written.</source>
        <translation>Selama server mati, PC darurat mungkin melayani pemohon dengan berkasnya sendiri yang dipulihkan dari cadangan terakhir. Nomor antrian itu tidak ada di basis data ini, jadi juga tidak ada di laporan dan survei. Pilih berkas PC itu, atau server tempat PC itu bekerja. Pratinjau tidak menulis apa pun; lalu gabungkan nomor yang sudah selesai dengan waktu, loket, dan petugas aslinya, masing-masing sekali. Nomor yang di sana belum selesai atau antriannya tidak dikenal di sini hanya didaftar, tidak pernah ditulis.</translation>
    </message>
    <message>
        <source>The emergency PC&apos;s database</source>
        <translation>Basis data PC darurat</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>Basis &amp;data:</translation>
    </message>
    <message>
        <source>Also merge from a database that was not restored from this office&apos;s backup: only when it is this office&apos;s all the same (a server set up anew rather than restored).</source>
        <translation>Gabungkan juga dari basis data yang tidak dipulihkan dari cadangan kantor ini: hanya bila basis data itu tetap milik kantor ini (server dibuat baru, bukan dipulihkan).</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Antrian</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Status there</source>
        <translation>Status di sana</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Nothing is written before you have seen the preview and pressed Merge.</source>
        <translation>Tidak ada yang ditulis sebelum Anda melihat pratinjau dan menekan Gabungkan.</translation>
    </message>
    <message>
        <source>would be merged</source>
        <translation>akan digabung</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>digabung</translation>
    </message>
    <message>
        <source>already here</source>
        <translation>sudah ada</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>dilewati</translation>
    </message>
    <message>
        <source>&apos;{where}&apos; is another office&apos;s database (not restored from this office&apos;s backup); nothing was merged. If it is this office&apos;s all the same (the server was set up anew instead of restored), tick “Also from another database” and preview again.</source>
        <translation>&apos;{where}&apos; adalah basis data kantor lain (bukan dipulihkan dari cadangan kantor ini); tidak ada yang digabung. Bila memang milik kantor ini (server dibuat baru, bukan dipulihkan), centang “Juga dari basis data lain” lalu pratinjau lagi.</translation>
    </message>
    <message>
        <source>Type the emergency PC&apos;s database URL or choose its SQLite file first.</source>
        <translation>Ketik dulu URL basis data PC darurat atau pilih berkas SQLite-nya.</translation>
    </message>
    <message>
        <source>{count} tickets merged with their own times, counters and officers.</source>
        <translation>{count} nomor antrian digabung dengan waktu, loket, dan petugas aslinya.</translation>
    </message>
    <message>
        <source>&amp;Merge 1 ticket</source>
        <translation>&amp;Gabungkan 1 nomor</translation>
    </message>
    <message>
        <source>&amp;Merge {count} tickets</source>
        <translation>&amp;Gabungkan {count} nomor</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer ticket</source>
        <translation>Alihkan antrian</translation>
    </message>
    <message>
        <source>Send {number} to:</source>
        <translation>Kirim {number} ke:</translation>
    </message>
    <message>
        <source>Queue {name}</source>
        <translation>Antrian {name}</translation>
    </message>
    <message>
        <source>Counter: {name}</source>
        <translation>Loket: {name}</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Alihkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>first_run</name>
    <message>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>PC settings</source>
        <translation>Pengaturan PC</translation>
    </message>
    <message>
        <source>This PC&apos;s database, mode and counter are changed by an admin. Sign in as an admin:</source>
        <translation>Basis data, fungsi dan loket PC ini diubah oleh admin. Masuk sebagai admin:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Nama pengguna:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Kata sandi:</translation>
    </message>
    <message>
        <source>Open PC settings</source>
        <translation>Buka pengaturan PC</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Loket tries again by itself in {seconds} s.</source>
        <translation>Loket mencoba lagi dengan sendirinya dalam {seconds} detik.</translation>
    </message>
</context>
</TS>
