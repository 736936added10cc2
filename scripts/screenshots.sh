#!/usr/bin/env bash
# `make screenshots`: the README's screenshots from the real UI. Starts the
# sandbox, a demo database and Odoo on free ports, prepares connected
# applicants, and drives headless Chromium (scripts/screenshots.py).
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/pg.sh"

OUT=${OUT:-$REPO_ROOT/docs/screenshots}
SHOTS_DB=lrc_shots_$$
PIDS=()
stop_all() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    dropdb --if-exists "$SHOTS_DB" >/dev/null 2>&1 || true
    pg_stop
}

"$REPO_ROOT/scripts/setup.sh"
trap stop_all EXIT
pg_ensure
SANDBOX_PORT=$(free_port)
HTTP_PORT=$(free_port)
sandbox_start "$SANDBOX_PORT" /dev/null
PIDS+=("$SANDBOX_PID")

CONF=$BUILD_DIR/odoo-shots.conf
ODOO_WITHOUT_DEMO=False odoo_conf "$SHOTS_DB" "$HTTP_PORT" > "$CONF"
ODOO=("$VENV/bin/python" "$ODOO_SRC/odoo-bin")
"${ODOO[@]}" -c "$CONF" -d "$SHOTS_DB" -i "hr_recruitment,$ADDON_NAME" \
    --stop-after-init --log-level=warn
"${ODOO[@]}" shell -c "$CONF" -d "$SHOTS_DB" --log-level=warn --no-http \
    < "$REPO_ROOT/scripts/configure_demo.py"
IDS=$("${ODOO[@]}" shell -c "$CONF" -d "$SHOTS_DB" --log-level=warn --no-http \
    < "$REPO_ROOT/scripts/prepare_screenshots.py" | sed -n 's/^SCREENSHOT_IDS=//p')
[ -n "$IDS" ] || die "could not prepare the screenshot data"
"${ODOO[@]}" -c "$CONF" -d "$SHOTS_DB" --log-level=warn &
PIDS+=($!)
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$HTTP_PORT/web/login" >/dev/null && break
    sleep 0.3
done
"$VENV/bin/python" "$REPO_ROOT/scripts/screenshots.py" \
    --url "http://127.0.0.1:$HTTP_PORT" --ids "$IDS" --out "$OUT" --port "$(free_port)"
