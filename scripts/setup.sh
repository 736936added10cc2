#!/usr/bin/env bash
# Everything the project needs on this machine: Odoo $SERIES's source at
# $ODOO_SRC, system packages (PostgreSQL, Chromium) and the virtualenv.
source "$(dirname "$0")/common.sh"

"$REPO_ROOT/scripts/ensure_odoo.sh"
"$REPO_ROOT/scripts/ensure_system.sh"
"$REPO_ROOT/scripts/ensure_venv.sh"
link_addon
log "ready: ODOO_SRC=$ODOO_SRC VENV=$VENV"
