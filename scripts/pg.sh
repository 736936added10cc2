# PostgreSQL for the scripts; sourced after common.sh.
# pg_ensure: use the server the standard PG* variables name when it answers,
# else start a private throwaway cluster (as `postgres` when running as root)
# on a free port. Exports PGHOST/PGPORT/PGUSER for Odoo and psql.
# pg_stop: stop and remove the throwaway cluster, if one was started.

PG_TMP=""

pg_bin() {
    local name=$1 dir
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/$name" ] && { echo "$dir/$name"; return 0; }
    done
    return 1
}

pg_answers() {
    psql -X -q -d postgres -c 'select 1' >/dev/null 2>&1
}

free_port() {
    "$PYTHON_BIN" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pg_ensure() {
    if [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ] && pg_answers; then
        log "using PostgreSQL at ${PGHOST:-<socket>}:${PGPORT:-5432}"
        return 0
    fi
    local initdb pg_ctl port owner="" 
    initdb=$(pg_bin initdb) || die "PostgreSQL server binaries (initdb) not found; run 'make setup' or install postgresql"
    pg_ctl=$(pg_bin pg_ctl)
    PG_TMP=$(mktemp -d /tmp/lrc-pg.XXXXXX)
    port=$(free_port)
    if [ "$(id -u)" = 0 ]; then
        owner=postgres
        chown postgres "$PG_TMP"
    fi
    as_owner() { if [ -n "$owner" ]; then runuser -u "$owner" -- "$@"; else "$@"; fi; }
    as_owner "$initdb" -D "$PG_TMP/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null \
        || die "initdb failed"
    as_owner "$pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/log" -w -o \
        "-p $port -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || { cat "$PG_TMP/log" >&2; die "could not start PostgreSQL"; }
    local role
    role=$(id -un)
    # Odoo refuses to connect as `postgres`: give the current user its own superuser role.
    if [ "$role" != postgres ]; then
        psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
            -c "CREATE ROLE \"$role\" SUPERUSER LOGIN" >/dev/null
    fi
    export PGHOST=127.0.0.1 PGPORT=$port PGUSER=$role
    log "started a throwaway PostgreSQL on 127.0.0.1:$port"
}

pg_stop() {
    [ -n "$PG_TMP" ] || return 0
    local pg_ctl
    pg_ctl=$(pg_bin pg_ctl)
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true
    else
        "$pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_TMP"
    PG_TMP=""
}
