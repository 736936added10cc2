#!/usr/bin/env bash
# System packages the project needs: PostgreSQL server binaries and Chromium
# (for the browser tier). Installs them with apt-get when running as root;
# otherwise only reports what is missing.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/pg.sh"

missing=()
pg_bin initdb >/dev/null || missing+=(postgresql)
command -v psql >/dev/null || missing+=(postgresql-client)
browser_bin >/dev/null || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing ${missing[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
    log "missing system packages: ${missing[*]} (install them, e.g. apt-get install ${missing[*]})"
fi
