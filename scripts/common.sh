# Shared settings for the project's scripts; sourced, never run.
# Every path can be overridden from the environment.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ADDON_NAME=linkedin_recruiter_connect
# Outside the repository so every clone on the machine shares one Odoo and one venv.
LRC_HOME=${LRC_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/lrc}
# The Odoo series the project supports, oldest first; the repository root is
# the newest one's addon (scripts/build_addon.py builds the others' folders).
ALL_SERIES=(17.0 18.0 19.0)
# The series to set up and run (`make run`); `make test` runs each series
# whose source is present (scripts/test.sh sets SERIES per series).
SERIES=${SERIES:-19.0}
ODOO_SRC=${ODOO_SRC:-$LRC_HOME/odoo-$SERIES}
ODOO_GIT_URL=${ODOO_GIT_URL:-https://github.com/odoo/odoo.git}
VENV=${VENV:-$LRC_HOME/venv-$SERIES}
PYTHON_BIN=${PYTHON_BIN:-python3}
BUILD_DIR=${BUILD_DIR:-$REPO_ROOT/.build}
# The addons dir holding the symlink must sit outside the checkout: a link
# inside it would make a loop that Odoo's file walks (i18n export) follow.
ADDONS_DIR=${ADDONS_DIR:-$LRC_HOME/addons-$(printf '%s' "$REPO_ROOT" | sha1sum | cut -c1-12)-$SERIES}

log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Odoo loads an addon by folder name: present the checkout as
# linkedin_recruiter_connect, built for $SERIES (a copy with its XML syntax
# and version; rerun after editing the checkout).
link_addon() {
    mkdir -p "$ADDONS_DIR"
    "${PYTHON_BIN}" "$REPO_ROOT/scripts/build_addon.py" --series "$SERIES" \
        --source "$REPO_ROOT" --out "$ADDONS_DIR/$ADDON_NAME" >&2
}

# Odoo's addons (addons/ and odoo/addons/, the ones present) and ours.
odoo_addons_path() {
    local dir path=""
    for dir in "$ODOO_SRC/addons" "$ODOO_SRC/odoo/addons"; do
        [ -d "$dir" ] && path+="$dir,"
    done
    printf '%s%s' "$path" "$ADDONS_DIR"
}

# The Chromium/Chrome binary Odoo's HttpCase will find, if any.
browser_bin() {
    local name
    for name in chromium chromium-browser google-chrome google-chrome-stable; do
        command -v "$name" >/dev/null 2>&1 && { command -v "$name"; return 0; }
    done
    return 1
}

# "No demo data for any module" as $SERIES spells it (a boolean since 19.0).
without_demo_all() {
    case $SERIES in 17.0 | 18.0) echo all ;; *) echo True ;; esac
}

# Write an Odoo config for database $1 (HTTP on port $2) to stdout.
odoo_conf() {
    cat <<CONF
[options]
addons_path = $(odoo_addons_path)
data_dir = $BUILD_DIR/data
db_host = ${PGHOST:-False}
db_port = ${PGPORT:-False}
db_user = ${PGUSER:-$(id -un)}
$([ -z "${PGPASSWORD:-}" ] || echo "db_password = $PGPASSWORD")
db_name = $1
dbfilter = ^$1\$
list_db = False
http_interface = 127.0.0.1
http_port = $2
without_demo = ${ODOO_WITHOUT_DEMO:-$(without_demo_all)}
max_cron_threads = 0
CONF
}

# Start the sandbox (demo seed) on 127.0.0.1:$1 in the background, its stdout
# to $2 if given (else this script's), and wait until it accepts connections
# (about 10 s at most). Sets SANDBOX_PID and exports LRC_SANDBOX_URL.
# SANDBOX_STRICT=1 starts it in strict mode (only what LinkedIn documents).
sandbox_start() {
    local port=$1 out=${2:-} strict=()
    [ "${SANDBOX_STRICT:-0}" != 1 ] || strict=(--strict)
    (
        cd "$REPO_ROOT"
        [ -z "$out" ] || exec >"$out"
        exec "$VENV/bin/python" -m linkedin_recruiter_sandbox \
            --host 127.0.0.1 --port "$port" --seed demo ${strict[@]+"${strict[@]}"}
    ) &
    SANDBOX_PID=$!
    export LRC_SANDBOX_URL=http://127.0.0.1:$port
    for _ in $(seq 100); do
        "$VENV/bin/python" -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" \
            2>/dev/null && return 0
        sleep 0.1
    done
}
