#!/usr/bin/env bash
# `make run`: the LinkedIn Recruiter sandbox on 127.0.0.1:$SANDBOX_PORT and a
# demo database with hr_recruitment and this addon (with demo data, the demo
# company configured for the sandbox), served on http://localhost:$HTTP_PORT
# with admin/admin.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/pg.sh"

HTTP_PORT=${HTTP_PORT:-8069}
SANDBOX_PORT=${SANDBOX_PORT:-8099}
DEMO_DB=${DEMO_DB:-lrc_demo}
SANDBOX_PID=""

stop_all() {
    [ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID" 2>/dev/null
    pg_stop
}

"$REPO_ROOT/scripts/setup.sh"
trap stop_all EXIT
pg_ensure

sandbox_start "$SANDBOX_PORT"

CONF=$BUILD_DIR/odoo-demo.conf
ODOO_WITHOUT_DEMO=False odoo_conf "$DEMO_DB" "$HTTP_PORT" \
    | sed -e 's/^max_cron_threads = 0/max_cron_threads = 1/' \
          -e 's/^http_interface = .*/http_interface = /' > "$CONF"
ODOO=("$VENV/bin/python" "$ODOO_SRC/odoo-bin")

dropdb --if-exists "$DEMO_DB" >/dev/null 2>&1 || true
rm -rf "$BUILD_DIR/data/filestore/$DEMO_DB"
log "creating demo database $DEMO_DB (about a minute)"
"${ODOO[@]}" -c "$CONF" -d "$DEMO_DB" -i "hr_recruitment,$ADDON_NAME" \
    --stop-after-init --log-level=warn
"${ODOO[@]}" shell -c "$CONF" -d "$DEMO_DB" --log-level=warn --no-http \
    < "$REPO_ROOT/scripts/configure_demo.py"
log "Odoo is starting on http://localhost:$HTTP_PORT (login admin / password admin); Ctrl-C stops it"
"${ODOO[@]}" -c "$CONF" -d "$DEMO_DB"
