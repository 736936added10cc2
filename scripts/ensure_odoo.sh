#!/usr/bin/env bash
# Make sure Odoo 17.0's source is at $ODOO_SRC; clone it when missing.
source "$(dirname "$0")/common.sh"

if [ -f "$ODOO_SRC/odoo-bin" ]; then
    exit 0
fi
if [ -e "$ODOO_SRC" ]; then
    die "$ODOO_SRC exists but holds no odoo-bin: point ODOO_SRC at an Odoo 17.0 checkout"
fi
log "Odoo 17.0 not found at $ODOO_SRC; cloning $ODOO_GIT_URL (branch 17.0)"
mkdir -p "$(dirname "$ODOO_SRC")"
if ! git clone --quiet --depth 1 --branch 17.0 "$ODOO_GIT_URL" "$ODOO_SRC" 2>/dev/null; then
    rm -rf "$ODOO_SRC"  # only the partial clone made just above
    cat >&2 <<MSG
[ensure_odoo] Could not obtain Odoo 17.0 source.
  Provide a checkout of Odoo 17.0 (community) and point ODOO_SRC at it, e.g.
      git clone --depth 1 --branch 17.0 https://github.com/odoo/odoo.git /path/to/odoo-17.0
      export ODOO_SRC=/path/to/odoo-17.0
  or place it at the default location: $ODOO_SRC
MSG
    exit 3
fi
