#!/usr/bin/env bash
# Make sure Odoo $SERIES's source is at $ODOO_SRC; clone upstream's branch
# when missing, and say how to provide it when that is impossible.
source "$(dirname "$0")/common.sh"

if [ -f "$ODOO_SRC/odoo-bin" ]; then
    exit 0
fi
if [ -e "$ODOO_SRC" ]; then
    die "$ODOO_SRC exists but holds no odoo-bin: point ODOO_SRC at an Odoo $SERIES checkout"
fi
log "Odoo $SERIES not found at $ODOO_SRC; cloning $ODOO_GIT_URL (branch $SERIES)"
mkdir -p "$(dirname "$ODOO_SRC")"
if ! git clone --quiet --depth 1 --branch "$SERIES" "$ODOO_GIT_URL" "$ODOO_SRC" 2>/dev/null; then
    rm -rf "$ODOO_SRC"  # only the partial clone made just above
    cat >&2 <<MSG
[ensure_odoo] Could not obtain Odoo $SERIES source.
  Provide a checkout of Odoo $SERIES (community only) and point ODOO_SRC at it, e.g.
      git clone --depth 1 --branch $SERIES https://github.com/odoo/odoo.git /path/to/odoo-$SERIES
      export ODOO_SRC=/path/to/odoo-$SERIES
  or place it at the default location: $ODOO_SRC
  (The tree needs odoo-bin, requirements.txt and odoo/addons; addons/ too when it
  has one. Never put Odoo Enterprise code on the addons path.)
MSG
    exit 3
fi
