#!/usr/bin/env bash
# `make run`: the LinkedIn Recruiter sandbox on 127.0.0.1:$SANDBOX_PORT and a
# demo database with hr_recruitment and this addon (with demo data, the demo
# company configured for the sandbox), served on http://localhost:$HTTP_PORT
# with admin/admin. Odoo listens on 127.0.0.1 only unless HTTP_INTERFACE says
# otherwise (e.g. HTTP_INTERFACE=0.0.0.0: admin/admin reachable from the network).
# SANDBOX_STRICT=1 runs the sandbox in strict mode (answers with only the fields
# LinkedIn documents); the demo registers Odoo's URLs as the widget's domains.
#
# Ctrl-C, SIGTERM or SIGHUP stop everything in order: Odoo first (and waits for
# it), then the sandbox, then PostgreSQL, so Odoo never outlives its database.
# Odoo runs in its own session, so a Ctrl-C on the terminal reaches this script
# only and Odoo receives exactly one SIGTERM from it (a second signal would make
# Odoo skip its graceful shutdown).
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/pg.sh"

HTTP_PORT=${HTTP_PORT:-8069}
HTTP_INTERFACE=${HTTP_INTERFACE:-127.0.0.1}
SANDBOX_PORT=${SANDBOX_PORT:-8099}
DEMO_DB=${DEMO_DB:-lrc_demo}
# How long Odoo gets to shut down after SIGTERM before it is killed.
ODOO_STOP_TIMEOUT=${ODOO_STOP_TIMEOUT:-60}
SANDBOX_PID=""
ODOO_PID=""

# Stop $1 (a child of this script) with SIGTERM and wait for it; SIGKILL after $2 s.
stop_child() {
    local pid=$1 timeout=$2 i
    if kill -TERM "$pid" 2>/dev/null; then
        for ((i = 0; i < timeout * 10; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            log "pid $pid still running ${timeout}s after SIGTERM: killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true
}

stop_all() {
    trap '' INT TERM HUP # an orderly stop is not interrupted half-way
    set +e # best effort, every step
    if [ -n "$ODOO_PID" ]; then
        log "stopping Odoo (pid $ODOO_PID)"
        stop_child "$ODOO_PID" "$ODOO_STOP_TIMEOUT"
        ODOO_PID=""
        log "Odoo stopped"
    fi
    if [ -n "$SANDBOX_PID" ]; then
        stop_child "$SANDBOX_PID" 10
        SANDBOX_PID=""
        log "sandbox stopped"
    fi
    if [ -n "$PG_TMP" ]; then
        pg_stop
        log "PostgreSQL stopped"
    fi
}

on_signal() { # exit status: 128 + signal number; the EXIT trap then stops everything
    log "received SIG$1, stopping"
    case $1 in INT) exit 130 ;; TERM) exit 143 ;; *) exit 129 ;; esac
}

# Run odoo-bin with the given arguments in the
# background, in its own session (stdin from $ODOO_STDIN, default /dev/null),
# and wait for it; a signal to this script interrupts the wait and stop_all
# stops it.
odoo() {
    local rc=0 setsid=()
    command -v setsid >/dev/null 2>&1 && setsid=(setsid)
    "${setsid[@]}" "$VENV/bin/python" "$ODOO_SRC/odoo-bin" "$@" \
        <"${ODOO_STDIN:-/dev/null}" &
    ODOO_PID=$!
    wait "$ODOO_PID" || rc=$?
    ODOO_PID=""
    return "$rc"
}

trap stop_all EXIT
trap 'on_signal INT' INT
trap 'on_signal TERM' TERM
trap 'on_signal HUP' HUP

"$REPO_ROOT/scripts/setup.sh"
mkdir -p "$BUILD_DIR" # `make run` may be the first command in a fresh clone
pg_ensure

sandbox_start "$SANDBOX_PORT"

CONF=$BUILD_DIR/odoo-demo.conf
ODOO_WITHOUT_DEMO=False odoo_conf "$DEMO_DB" "$HTTP_PORT" \
    | sed -e 's/^max_cron_threads = 0/max_cron_threads = 1/' \
          -e "s/^http_interface = .*/http_interface = $HTTP_INTERFACE/" > "$CONF"

dropdb --if-exists "$DEMO_DB" >/dev/null 2>&1 || true
rm -rf "$BUILD_DIR/data/filestore/$DEMO_DB"
log "creating demo database $DEMO_DB (about a minute)"
odoo -c "$CONF" -d "$DEMO_DB" -i "hr_recruitment,$ADDON_NAME" --stop-after-init --log-level=warn
HTTP_PORT=$HTTP_PORT ODOO_STDIN=$REPO_ROOT/scripts/configure_demo.py \
    odoo shell -c "$CONF" -d "$DEMO_DB" --log-level=warn --no-http

case $HTTP_INTERFACE in
    127.0.0.1 | localhost | ::1) where="http://localhost:$HTTP_PORT" ;;
    *)
        where="http://<this host>:$HTTP_PORT (interface $HTTP_INTERFACE)"
        log "WARNING: HTTP_INTERFACE=$HTTP_INTERFACE: the admin/admin demo is reachable from the network"
        ;;
esac
log "Odoo is starting on $where (login admin / password admin); Ctrl-C stops it"
odoo -c "$CONF" -d "$DEMO_DB"
