#!/usr/bin/env bash
# `make run`: a demo database with hr_recruitment and this addon (with demo
# data), served on http://localhost:$HTTP_PORT with admin/admin.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/pg.sh"

HTTP_PORT=${HTTP_PORT:-8069}
DEMO_DB=${DEMO_DB:-lrc_demo}

"$REPO_ROOT/scripts/setup.sh"
trap pg_stop EXIT
pg_ensure

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
log "Odoo is starting on http://localhost:$HTTP_PORT (login admin / password admin); Ctrl-C stops it"
"${ODOO[@]}" -c "$CONF" -d "$DEMO_DB"
