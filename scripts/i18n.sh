#!/usr/bin/env bash
# Regenerate the translation template i18n/linkedin_recruiter_connect.pot,
# shared by every series: each series whose source is present exports its
# build's strings from a throwaway database where the addon is installed,
# and the template is their union (the oldest series first, whose entries
# keep their python-format flags).
REQUESTED_SERIES=${SERIES:-}
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/pg.sh"

trap 'dropdb --if-exists lrc_i18n >/dev/null 2>&1 || true; pg_stop' EXIT
pg_ensure
POT=$REPO_ROOT/i18n/$ADDON_NAME.pot
PARTS=$(mktemp -d)
if [ -n "$REQUESTED_SERIES" ]; then RUN_SERIES=("$REQUESTED_SERIES"); else
    RUN_SERIES=("${ALL_SERIES[@]}"); unset ODOO_SRC VENV ADDONS_DIR; fi

export_series() { # series -> $PARTS/<series>.pot
    (
        export SERIES=$1
        source "$REPO_ROOT/scripts/common.sh"
        [ -f "$ODOO_SRC/odoo-bin" ] || { log "no Odoo $SERIES source: skipped"; exit 0; }
        "$REPO_ROOT/scripts/ensure_venv.sh"
        link_addon
        local conf=$BUILD_DIR/odoo-i18n-$SERIES.conf
        odoo_conf lrc_i18n "$(free_port)" > "$conf"
        local odoo=("$VENV/bin/python" "$ODOO_SRC/odoo-bin")
        dropdb --if-exists lrc_i18n >/dev/null 2>&1 || true
        "${odoo[@]}" -c "$conf" -d lrc_i18n -i "$ADDON_NAME" --stop-after-init --log-level=warn
        if [ "$SERIES" = 17.0 ] || [ "$SERIES" = 18.0 ]; then
            "${odoo[@]}" -c "$conf" -d lrc_i18n --modules="$ADDON_NAME" \
                --i18n-export="$PARTS/$SERIES.pot" --stop-after-init --log-level=warn
        else  # 19.0 moved the export to a subcommand
            "${odoo[@]}" i18n export -c "$conf" -d lrc_i18n -o "$PARTS/$SERIES.pot" "$ADDON_NAME"
        fi
    )
}

for series in "${RUN_SERIES[@]}"; do export_series "$series"; done
mapfile -t parts < <(ls "$PARTS"/*.pot)
[ "${#parts[@]}" -gt 0 ] || die "no series exported anything"
msgcat --use-first -o "$POT" "${parts[@]}"
rm -rf "$PARTS"
log "wrote i18n/$ADDON_NAME.pot from ${#parts[@]} series"
