#!/bin/sh
# Screenshots of the lobby display and the kiosk for the README, on virtual X screens.
# Needs Debian's xvfb, imagemagick and xdotool. Run from the project root:
#   sh docs/make_hall_screenshots.sh
set -eu
LOKET=${LOKET:-.venv/bin/loket}
DB="sqlite:///$(mktemp -d)/hall.sqlite3"
export LOKET_LANG=id
$LOKET --db "$DB" demo --no-window >/dev/null
printf 'admin123!\n' | $LOKET --db "$DB" settings set --as admin notice_text \
  "Pengambilan paspor tertunda dibuka Sabtu dan Minggu 08.00–15.00 · Siapkan bukti pembayaran dan KTP asli" >/dev/null
for q in paspor paspor paspor paspor wna prioritas paspor paspor; do $LOKET --db "$DB" ticket issue "$q" >/dev/null; done
for n in 3 4 5 6 7 8; do $LOKET --db "$DB" pickup check-in "2024-TNG-00000$n" >/dev/null; done
for c in 1 2 3 4 5 6; do $LOKET --db "$DB" ticket call-next --counter "$c" >/dev/null; done
$LOKET --db "$DB" ticket start A001 --counter 1 >/dev/null

shoot() {  # display-number  size  output  command...
  disp=$1; size=$2; out=$3; shift 3
  Xvfb ":$disp" -screen 0 "${size}x24" -s 0 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  DISPLAY=":$disp" "$@" >/dev/null 2>&1 &
  app=$!
  sleep 5
  DISPLAY=":$disp" import -window root "$out"
  echo "$out"
  kill "$app" "$xvfb"; wait "$app" "$xvfb" 2>/dev/null || true
}

shoot 81 1920x1080 docs/display-1920.png $LOKET --db "$DB" display
shoot 82 1280x720 docs/display-1280.png $LOKET --db "$DB" display
shoot 83 1366x768 docs/kiosk-start.png $LOKET --db "$DB" kiosk

# The kiosk after a pickup slip is scanned (a scanner types the code and Enter).
scan_at_kiosk() {  # display-number  application-no  output
  CODE=$($LOKET --db "$DB" pickup code "$2")
  Xvfb ":$1" -screen 0 1366x768x24 -s 0 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  DISPLAY=":$1" $LOKET --db "$DB" kiosk >/dev/null 2>&1 &
  app=$!
  sleep 4
  DISPLAY=":$1" xdotool type --delay 5 "$CODE"
  DISPLAY=":$1" xdotool key Return
  sleep 2
  DISPLAY=":$1" import -window root "$3"
  echo "$3"
  kill "$app" "$xvfb"; wait "$app" "$xvfb" 2>/dev/null || true
}

scan_at_kiosk 84 2024-TNG-000012 docs/kiosk-pickup.png    # ready: a pickup ticket
scan_at_kiosk 85 2024-TNG-000009 docs/kiosk-overdue.png   # past its collect-by date
scan_at_kiosk 86 2024-TNG-000010 docs/kiosk-not-ready.png # still printing
