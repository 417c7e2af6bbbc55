<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
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
        <source>Passport {application} handed over.</source>
        <translation>Paspor {application} telah diserahkan.</translation>
    </message>
    <message>
        <source>Not confirmed: the database could not be reached. Try again when it is back; an action that did go through will not be done twice.</source>
        <translation>Belum terkonfirmasi: basis data tidak dapat dihubungi. Coba lagi setelah tersambung; tindakan yang sudah tercatat tidak akan dilakukan dua kali.</translation>
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
    <message>
        <source>No connection to the database. Your work is kept; Loket keeps trying and carries on by itself when the connection is back.
{reason}</source>
        <translation>Tidak ada sambungan ke basis data. Pekerjaan Anda tetap tersimpan; Loket terus mencoba dan berlanjut sendiri setelah sambungan kembali.
{reason}</translation>
    </message>
    <message>
        <source>The database is not answering. Waiting for it…</source>
        <translation>Basis data tidak menjawab. Menunggu…</translation>
    </message>
    <message>
        <source>Something went wrong inside Loket; nothing was changed. The details are in the log file. If it happens again, tell the supervisor.</source>
        <translation>Terjadi kesalahan di dalam Loket; tidak ada yang diubah. Rinciannya ada di berkas log. Jika terulang, beri tahu supervisor.</translation>
    </message>
</context>
<context>
    <name>DeskView</name>
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
        <source>No ticket: press F2 to call the next one</source>
        <translation>Tidak ada antrian: tekan F2 untuk memanggil berikutnya</translation>
    </message>
    <message>
        <source>This counter is closed</source>
        <translation>Loket ini ditutup</translation>
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
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
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
        <source>Reconnecting…</source>
        <translation>Menyambung ulang…</translation>
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
        <source>Collector's &amp;name:</source>
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
        <source>Check: payment receipt and the holder's ID card.</source>
        <translation>Periksa: bukti pembayaran dan KTP pemilik paspor.</translation>
    </message>
    <message>
        <source>Check: payment receipt, the collector's ID card and the family card (KK) showing both.</source>
        <translation>Periksa: bukti pembayaran, KTP pengambil, dan kartu keluarga (KK) yang memuat keduanya.</translation>
    </message>
    <message>
        <source>Check: payment receipt, the collector's ID card and the signed power of attorney (surat kuasa).</source>
        <translation>Periksa: bukti pembayaran, KTP pengambil, dan surat kuasa yang ditandatangani.</translation>
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
        <source>Your number</source>
        <translation>Nomor Anda</translation>
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
        <source>You already checked in today: this is your number again.</source>
        <translation>Anda sudah mendaftar hari ini: ini nomor Anda.</translation>
    </message>
    <message>
        <source>No ticket printer is set up: please note your number.</source>
        <translation>Printer karcis belum diatur: harap catat nomor Anda.</translation>
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
        <source>We could not read this code</source>
        <translation>Kode ini tidak dapat dibaca</translation>
    </message>
    <message>
        <source>Scan the QR code on your passport pickup slip, or type your application number.</source>
        <translation>Pindai kode QR pada slip pengambilan paspor Anda, atau ketik nomor permohonan Anda.</translation>
    </message>
    <message>
        <source>No number was given</source>
        <translation>Tidak ada nomor yang diberikan</translation>
    </message>
    <message>
        <source>The queue system cannot be reached right now. Please wait a moment or ask staff for help.</source>
        <translation>Sistem antrian saat ini tidak dapat dihubungi. Mohon tunggu sebentar atau minta bantuan petugas.</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Loket · counter sign-in</source>
        <translation>Loket · masuk petugas loket</translation>
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
        <source>(loading counters…)</source>
        <translation>(memuat daftar loket…)</translation>
    </message>
    <message>
        <source>choose this PC's counter</source>
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
    <name>PickupPanel</name>
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
        <translation>Diterbitkan hari ini</translation>
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
        <source>The status could not be loaded because of an internal error. The details are in the log.</source>
        <translation>Status tidak dapat dimuat karena kesalahan internal. Rinciannya ada di log.</translation>
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
</TS>