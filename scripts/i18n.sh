#!/usr/bin/env bash
# Regenerate the translation template i18n/linkedin_recruiter_connect.pot
# from a throwaway database where the addon is installed.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/pg.sh"

"$REPO_ROOT/scripts/setup.sh"
trap 'dropdb --if-exists lrc_i18n >/dev/null 2>&1 || true; pg_stop' EXIT
pg_ensure
CONF=$BUILD_DIR/odoo-i18n.conf
odoo_conf lrc_i18n "$(free_port)" > "$CONF"
ODOO=("$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF" -d lrc_i18n)
"${ODOO[@]}" -i "$ADDON_NAME" --stop-after-init --log-level=warn
"${ODOO[@]}" --modules="$ADDON_NAME" --i18n-export="$REPO_ROOT/i18n/$ADDON_NAME.pot" \
    --stop-after-init --log-level=warn
log "wrote i18n/$ADDON_NAME.pot"
