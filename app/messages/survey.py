"""Sentences of the satisfaction survey (SKM): its questions, its refusals, its report.

Merged into :data:`app.messages.MESSAGES` (a code defined twice is an error).
Every entry has Bahasa Indonesia (``id``) and English (``en``). The survey screen
shows these texts in the language the applicant chose on it (only that window
switches), so its own words live here too, not in the Qt translation files.
"""

from __future__ import annotations

from typing import Final

# The nine elements of PermenPANRB 14/2017: a short name, and the question asked.
_ELEMENTS: Final = {
    "u1": ("Persyaratan", "Requirements",
           "Bagaimana pendapat Anda tentang kesesuaian persyaratan pelayanan?",
           "How well did the requirements fit the service?"),
    "u2": ("Sistem, mekanisme dan prosedur", "System, mechanism and procedure",
           "Bagaimana kemudahan prosedur pelayanan di unit ini?",
           "How easy was the service procedure here?"),
    "u3": ("Waktu penyelesaian", "Completion time",
           "Bagaimana kecepatan waktu dalam memberikan pelayanan?",
           "How quickly were you served?"),
    "u4": ("Biaya/tarif", "Cost/fee",
           "Bagaimana kewajaran biaya/tarif dalam pelayanan?",
           "How fair were the cost and fees of the service?"),
    "u5": ("Produk spesifikasi jenis pelayanan", "Service product specification",
           "Bagaimana kesesuaian produk pelayanan dengan yang tercantum dalam standar "
           "pelayanan?",
           "How well did what you received match the service standard?"),
    "u6": ("Kompetensi pelaksana", "Staff competence",
           "Bagaimana kompetensi/kemampuan petugas dalam pelayanan?",
           "How competent was the officer who served you?"),
    "u7": ("Perilaku pelaksana", "Staff conduct",
           "Bagaimana perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
           "How polite and friendly was the officer?"),
    "u8": ("Penanganan pengaduan, saran dan masukan", "Handling of complaints and "
           "suggestions",
           "Bagaimana penanganan pengaduan, saran dan masukan di unit ini?",
           "How are complaints and suggestions handled here?"),
    "u9": ("Sarana dan prasarana", "Facilities",
           "Bagaimana kualitas sarana dan prasarana?",
           "How good are the facilities?"),
}

MESSAGES: Final[dict[str, dict[str, str]]] = {
    **{f"survey_{code}": {"id": short_id, "en": short_en}
       for code, (short_id, short_en, _q_id, _q_en) in _ELEMENTS.items()},
    **{f"survey_{code}_question": {"id": q_id, "en": q_en}
       for code, (_short_id, _short_en, q_id, q_en) in _ELEMENTS.items()},
    # The four answers, 1 … 4.
    "survey_score_1": {"id": "Tidak baik", "en": "Poor"},
    "survey_score_2": {"id": "Kurang baik", "en": "Fair"},
    "survey_score_3": {"id": "Baik", "en": "Good"},
    "survey_score_4": {"id": "Sangat baik", "en": "Very good"},
    # Mutu pelayanan (quality of service) by the IKM.
    "survey_mutu_A": {"id": "Sangat Baik", "en": "Very good"},
    "survey_mutu_B": {"id": "Baik", "en": "Good"},
    "survey_mutu_C": {"id": "Kurang Baik", "en": "Fair"},
    "survey_mutu_D": {"id": "Tidak Baik", "en": "Poor"},
    # Refusals.
    "survey_ticket_unknown": {
        "id": "Nomor antrian ini tidak ditemukan; survei tidak dapat diisi.",
        "en": "This ticket was not found; the survey cannot be answered.",
    },
    "survey_not_finished": {
        "id": "Layanan nomor {number} belum selesai; survei diisi setelah layanan selesai.",
        "en": "Ticket {number} has not been served yet; the survey comes after the service.",
    },
    "survey_too_late": {
        "id": "Layanan nomor {number} selesai lebih dari {hours} jam yang lalu; survei untuk "
        "nomor ini sudah ditutup.",
        "en": "Ticket {number} was served more than {hours} hours ago; its survey is closed.",
    },
    "survey_already_answered": {
        "id": "Survei untuk nomor {number} sudah diisi. Terima kasih.",
        "en": "The survey for ticket {number} has already been answered. Thank you.",
    },
    "survey_answers_incomplete": {
        "id": "Jawab setiap pertanyaan survei ({expected}), masing-masing dengan nilai 1 "
        "sampai 4.",
        "en": "Answer every question of the survey ({expected}), each with a score of 1 "
        "to 4.",
    },
    "survey_comment_too_long": {
        "id": "Saran paling banyak {max} karakter.",
        "en": "A comment has at most {max} characters.",
    },
    "survey_by_unknown": {
        "id": "Rincian '{value}' tidak dikenal; pilih queue, counter atau officer.",
        "en": "Unknown breakdown '{value}'; choose queue, counter or officer.",
    },
    # The survey screen (its own language switch; see the module's docstring).
    "survey_screen_idle": {
        "id": "Survei Kepuasan Masyarakat",
        "en": "Community Satisfaction Survey",
    },
    "survey_screen_idle_hint": {
        "id": "Setelah layanan Anda di loket {counter} selesai, mohon nilai pelayanan kami "
        "di sini.",
        "en": "When your service at counter {counter} is finished, please rate it here.",
    },
    "survey_screen_ticket": {
        "id": "Nomor {number} · pertanyaan {index} dari {total}",
        "en": "Ticket {number} · question {index} of {total}",
    },
    "survey_screen_thanks": {
        "id": "Terima kasih atas penilaian Anda!",
        "en": "Thank you for your rating!",
    },
    "survey_screen_thanks_hint": {
        "id": "Masukan Anda membantu kami memperbaiki pelayanan.",
        "en": "Your answers help us improve our service.",
    },
    "survey_screen_not_sent": {
        "id": "Penilaian belum terkirim. Mohon sampaikan kepada petugas.",
        "en": "Your rating could not be sent. Please tell the staff.",
    },
    "survey_screen_back": {"id": "Kembali", "en": "Back"},
    "survey_screen_skip": {"id": "Lewati survei", "en": "Skip the survey"},
    "survey_screen_language": {"id": "English", "en": "Bahasa Indonesia"},
    # The report and its CSV.
    "survey_section_total": {"id": "Seluruh kantor", "en": "Whole office"},
    "survey_section_queue": {"id": "Per antrian", "en": "By queue"},
    "survey_section_counter": {"id": "Per loket", "en": "By counter"},
    "survey_section_officer": {"id": "Per petugas", "en": "By officer"},
    "survey_counter_name": {"id": "Loket {counter}", "en": "Counter {counter}"},
    "survey_nobody": {"id": "(tanpa petugas)", "en": "(no officer)"},
    "survey_col_from": {"id": "Dari", "en": "From"},
    "survey_col_to": {"id": "Sampai", "en": "To"},
    "survey_col_section": {"id": "Bagian", "en": "Section"},
    "survey_col_key": {"id": "Kode", "en": "Key"},
    "survey_col_name": {"id": "Nama", "en": "Name"},
    "survey_col_responses": {"id": "Responden", "en": "Responses"},
    "survey_col_ikm": {"id": "IKM", "en": "IKM"},
    "survey_col_mutu": {"id": "Mutu", "en": "Grade"},
    "survey_col_kinerja": {"id": "Kinerja unit", "en": "Performance"},
    **{f"survey_col_nrr_{code}": {"id": f"NRR {code.upper()}", "en": f"NRR {code.upper()}"}
       for code in _ELEMENTS},
    "survey_report_title": {
        "id": "Indeks Kepuasan Masyarakat {start} – {end}",
        "en": "Community Satisfaction Index {start} – {end}",
    },
    "survey_report_short_form": {
        "id": "Dari formulir singkat ({elements}): bukan IKM resmi sembilan unsur.",
        "en": "From the short form ({elements}): not the official nine-element IKM.",
    },
    "survey_report_mixed_form": {
        "id": "Sebagian jawaban dari formulir singkat: IKM dihitung dari unsur yang dijawab, "
        "bukan IKM resmi sembilan unsur.",
        "en": "Some answers come from the short form: the IKM is computed from the elements "
        "answered, not the official nine-element IKM.",
    },
    "survey_report_empty": {
        "id": "Belum ada jawaban survei pada periode ini.",
        "en": "No survey answers in this period yet.",
    },
}
