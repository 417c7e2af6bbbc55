"""Sentences of the messages to applicants, and of their sender.

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``).
"""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, dict[str, str]]] = {
    # --- what applicants read (the office may rewrite these: notify_template_<kind>) ---
    "notify_text_passport_ready": {
        "id": "Yth. {nama}, paspor Anda (permohonan {permohonan}) sudah siap diambil di "
        "{kantor}. {jadwal} {anjuran} Bawa bukti pembayaran dan KTP asli. Batas "
        "pengambilan {batas}.",
        "en": "Dear {nama}, your passport (application {permohonan}) is ready for "
        "collection at {kantor}. {jadwal} {anjuran} Bring the payment receipt and your ID "
        "card. Collect it by {batas}.",
    },
    "notify_text_collect_by_soon": {
        "id": "Yth. {nama}, paspor Anda (permohonan {permohonan}) belum diambil. Ambil "
        "paling lambat {batas} di {kantor}; setelah itu paspor dibatalkan. {jadwal}",
        "en": "Dear {nama}, your passport (application {permohonan}) has not been "
        "collected yet. Collect it at {kantor} by {batas}; after that it is cancelled. "
        "{jadwal}",
    },
    "notify_text_number_near": {
        "id": "Nomor antrian {nomor}: giliran Anda sekitar {sisa} nomor lagi. Silakan menuju "
        "ruang tunggu {kantor}.",
        "en": "Ticket {nomor}: your turn comes in about {sisa} numbers. Please go to the "
        "waiting room of {kantor}.",
    },
    "notify_schedule_sentence": {
        "id": "Jadwal pengambilan: {hari}, pukul {jam}.",
        "en": "Pickup: {hari}, {jam}.",
    },
    "notify_invite_sentence": {
        "id": "Agar tidak antre lama, kami mengundang Anda datang pada {tanggal}.",
        "en": "To spare you a long wait, we invite you to come on {tanggal}.",
    },
    "notify_days_unknown": {"id": "hari kerja", "en": "working days"},
    "notify_hours_unknown": {"id": "jam layanan", "en": "office hours"},
    "notify_hours_as_listed": {"id": "sesuai jadwal", "en": "as listed"},
    # --- refusals ---
    "notify_template_bad": {
        "id": "Teks {key} paling banyak {max} karakter, tanpa karakter kendali.",
        "en": "The text {key} may have at most {max} characters, without control "
        "characters.",
    },
    "notify_template_braces": {
        "id": "Teks {key} punya kurung kurawal yang tidak berpasangan; tulis isian seperti "
        "{{nama}}.",
        "en": "The text {key} has an unmatched brace; write placeholders like {{nama}}.",
    },
    "notify_template_placeholder": {
        "id": "Isian {{{name}}} tidak dikenal di {key}. Yang dikenal: {known}.",
        "en": "Unknown placeholder {{{name}}} in {key}. Known ones: {known}.",
    },
    "import_bad_contact": {
        "id": "telepon '{value}' bukan nomor HP Indonesia (+62… atau 08…) atau alamat "
        "e-mail. Di Excel, format kolom telepon sebagai Teks agar angka 0 di depan tidak "
        "hilang.",
        "en": "phone '{value}' is not an Indonesian mobile number (+62… or 08…) or an "
        "e-mail address. In Excel, format the phone column as Text so the leading 0 is "
        "kept.",
    },
    "notify_contact_bad": {
        "id": "'{value}' bukan nomor HP Indonesia (+62… atau 08…) atau alamat e-mail.",
        "en": "'{value}' is not an Indonesian mobile number (+62… or 08…) or an e-mail "
        "address.",
    },
    "notify_phone_bad": {
        "id": "Nomor telepon tidak valid: gunakan 08… atau +62… (nomor HP).",
        "en": "Invalid phone number: use 08… or +62… (a mobile number).",
    },
    "notify_near_off": {
        "id": "Kantor ini belum mengirim kabar giliran lewat SMS/WhatsApp.",
        "en": "This office does not send turn notices by SMS/WhatsApp.",
    },
    "notify_near_ticket_closed": {
        "id": "Nomor {number} tidak lagi menunggu hari ini; nomor telepon tidak disimpan.",
        "en": "Ticket {number} is no longer waiting today; the phone number was not kept.",
    },
    "notify_near_no_phone": {
        "id": "Paspor untuk nomor {number} tidak memiliki nomor HP untuk kabar giliran; "
        "tidak ada yang disimpan.",
        "en": "The passport of ticket {number} has no mobile number for the turn notice; "
        "nothing was kept.",
    },
    "notify_unknown": {
        "id": "Pemberitahuan {id} tidak ditemukan.",
        "en": "Notification {id} was not found.",
    },
    "notify_not_failed": {
        "id": "Pemberitahuan {id} tidak gagal (statusnya {state}); tidak perlu dikirim ulang.",
        "en": "Notification {id} has not failed (it is {state}); there is nothing to retry.",
    },
    "notify_no_channel": {
        "id": "Belum ada saluran pemberitahuan. Atur dulu: loket settings set notify_url URL "
        "(gateway SMS) atau notify_smtp_host dan notify_smtp_from (e-mail).",
        "en": "No notification channel is set up. Set one first: loket settings set "
        "notify_url URL (text-message gateway) or notify_smtp_host and notify_smtp_from "
        "(e-mail).",
    },
    # --- why a message was not (yet) delivered: "<code>: <detail>" in failed_reason ---
    "notify_why_gateway_refused": {
        "id": "gateway menolak pesan ({detail})",
        "en": "the gateway refused the message ({detail})",
    },
    "notify_why_gateway_error": {
        "id": "gateway sedang bermasalah ({detail}); dicoba lagi",
        "en": "the gateway had a problem ({detail}); will retry",
    },
    "notify_why_unreachable": {
        "id": "gateway atau server e-mail tidak terjangkau ({detail}); dicoba lagi",
        "en": "the gateway or mail server could not be reached ({detail}); will retry",
    },
    "notify_why_mail_refused": {
        "id": "server e-mail menolak alamat ini ({detail})",
        "en": "the mail server refused this address ({detail})",
    },
    "notify_why_mail_error": {
        "id": "server e-mail sedang bermasalah ({detail}); dicoba lagi",
        "en": "the mail server had a problem ({detail}); will retry",
    },
    "notify_why_opted_out": {
        "id": "pemohon tidak ingin menerima pemberitahuan",
        "en": "the applicant asked for no messages",
    },
    "notify_why_closed_collected": {
        "id": "paspor sudah diambil; pesan tidak dikirim",
        "en": "the passport was already collected; not sent",
    },
    "notify_why_closed_cancelled": {
        "id": "paspor sudah dibatalkan; pesan tidak dikirim",
        "en": "the passport was already cancelled; not sent",
    },
    "notify_why_not_ready": {
        "id": "paspor tidak lagi menunggu diambil; pesan tidak dikirim",
        "en": "the passport no longer waits for collection; not sent",
    },
    "notify_why_ticket_closed": {
        "id": "nomor antrian sudah dipanggil atau selesai; pesan tidak dikirim",
        "en": "the ticket was already called or closed; not sent",
    },
    "notify_why_contact_changed": {
        "id": "kontak pemohon berubah atau dihapus; pesan tidak dikirim",
        "en": "the applicant's contact changed or was erased; not sent",
    },
    "notify_state_pending": {"id": "menunggu", "en": "pending"},
    "notify_state_sent": {"id": "terkirim", "en": "sent"},
    "notify_state_failed": {"id": "gagal", "en": "failed"},
    "notify_state_cancelled": {"id": "dibatalkan", "en": "cancelled"},
    "notify_when_sent": {"id": "terkirim {time}", "en": "sent {time}"},
    "notify_when_retry": {"id": "dicoba lagi {time}", "en": "next try {time}"},
    "notify_when_made": {"id": "dibuat {time}", "en": "made {time}"},
    "notify_kind_passport_ready": {"id": "paspor siap", "en": "passport ready"},
    "notify_kind_collect_by_soon": {"id": "batas ambil dekat", "en": "collect-by soon"},
    "notify_kind_number_near": {"id": "giliran dekat", "en": "turn near"},
}
