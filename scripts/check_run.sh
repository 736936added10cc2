#!/usr/bin/env bash
# Proves `make run` end to end, in this checkout: starts it in the background on
# free ports (its own throwaway PostgreSQL, demo database and build directory,
# so a developer's `make run` is left alone), waits for the login page and the
# configured demo, checks that Odoo listens on loopback only, then stops it as
# a terminal's Ctrl-C does (SIGINT to its process group; CHECK_RUN_SIGNAL=TERM
# sends SIGTERM to make instead) and checks that Odoo, the sandbox and
# PostgreSQL are gone, in that order, with no traceback in the log.
# Prints one line (`make run: login 200 in 48 s, ...`); exits non-zero on failure.
# The run's log goes to $CHECK_RUN_LOG if set (else a temporary file).
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/pg.sh"

START_TIMEOUT=${CHECK_RUN_START_TIMEOUT:-240}
STOP_TIMEOUT=${CHECK_RUN_STOP_TIMEOUT:-60}
SIGNAL=${CHECK_RUN_SIGNAL:-INT}
case $SIGNAL in INT | TERM) ;; *) die "CHECK_RUN_SIGNAL must be INT or TERM" ;; esac

WORK=$(mktemp -d /tmp/lrc-check-run.XXXXXX)
RUN_LOG=${CHECK_RUN_LOG:-$WORK/make-run.log}
mkdir -p "$(dirname "$RUN_LOG")"
: >"$RUN_LOG"
# Not created here: `make run` must create it (as in a fresh clone).
export BUILD_DIR=$WORK/build
export DEMO_DB=lrc_check_run_$$
HTTP_PORT=$(free_port)
SANDBOX_PORT=$(free_port)
while [ "$SANDBOX_PORT" = "$HTTP_PORT" ]; do SANDBOX_PORT=$(free_port); done
export HTTP_PORT SANDBOX_PORT
unset HTTP_INTERFACE
# A private cluster for the run (so its stop can be checked), unless no
# PostgreSQL server binaries are installed and the PG* variables name a server.
OWN_PG=0
if pg_bin initdb >/dev/null; then
    unset PGHOST PGPORT PGUSER PGPASSWORD
    OWN_PG=1
fi
MAKE_PID=""

fail() {
    echo "make run: FAILED: $*"
    if [ -s "$RUN_LOG" ]; then
        echo "---- last lines of the make run log ($RUN_LOG) ----" >&2
        tail -40 "$RUN_LOG" >&2
    fi
    exit 1
}

alive() { # pid: running (not a zombie)
    local state
    state=$(sed -E 's/.*\) (.).*/\1/' "/proc/$1/stat" 2>/dev/null) || return 1
    [ "$state" != Z ]
}

cleanup() { # after a failure too: nothing of the run is left behind
    local pid
    set +e
    if [ -n "$MAKE_PID" ] && alive "$MAKE_PID"; then
        kill -TERM -- "-$MAKE_PID" 2>/dev/null
        for _ in $(seq 300); do alive "$MAKE_PID" || break; sleep 0.1; done
        kill -KILL -- "-$MAKE_PID" 2>/dev/null
    fi
    find_run_pids
    for pid in $ODOO_PID $SANDBOX_PID; do alive "$pid" && kill -KILL "$pid"; done
    if [ -n "$PG_PID" ] && alive "$PG_PID"; then
        kill -INT "$PG_PID" # fast shutdown
        for _ in $(seq 100); do alive "$PG_PID" || break; sleep 0.1; done
        alive "$PG_PID" && kill -KILL "$PG_PID"
    fi
    case $PG_DATA in /tmp/lrc-pg.*/data) rm -rf "$(dirname "$PG_DATA")" ;; esac
    if [ $OWN_PG = 0 ] && pg_answers; then dropdb --if-exists "$DEMO_DB" >/dev/null 2>&1; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

http_status() { # url -> HTTP status, 000 when nothing answers
    "$PYTHON_BIN" - "$1" <<'PY' 2>/dev/null || echo 000
import sys, urllib.error, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=5) as r:
        print(r.status)
except urllib.error.HTTPError as e:
    print(e.code)
PY
}

listeners() { # port -> the addresses listening on it (TCP, IPv4 and IPv6), one a line
    "$PYTHON_BIN" - "$1" <<'PY'
import ipaddress, socket, struct, sys
port = int(sys.argv[1])
for path, family in (("/proc/net/tcp", socket.AF_INET), ("/proc/net/tcp6", socket.AF_INET6)):
    try:
        lines = open(path).read().splitlines()[1:]
    except OSError:
        continue
    for line in lines:
        fields = line.split()
        addr, hexport = fields[1].split(":")
        if fields[3] != "0A" or int(hexport, 16) != port:
            continue
        raw = bytes.fromhex(addr)
        # /proc prints each 32-bit word in host byte order
        raw = b"".join(struct.pack("=I", w) for w in struct.unpack(">%dI" % (len(raw) // 4), raw))
        print(ipaddress.ip_address(socket.inet_ntop(family, raw)))
PY
}

pids_matching() { # python-expression-on-argv -> pids of the processes it matches
    "$PYTHON_BIN" - "$1" <<'PY'
import os, sys
test = eval("lambda argv: " + sys.argv[1])
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = [a.decode(errors="replace") for a in f.read().split(b"\0") if a]
    except OSError:
        continue
    if argv and test(argv):
        print(pid)
PY
}

ODOO_PID="" SANDBOX_PID="" PG_PORT="" PG_PID="" PG_DATA=""
find_run_pids() { # the run's Odoo, sandbox and postmaster (with its data directory)
    ODOO_PID=$(pids_matching "any(a.endswith('odoo-bin') for a in argv) and '$BUILD_DIR/odoo-demo.conf' in argv")
    SANDBOX_PID=$(pids_matching "'linkedin_recruiter_sandbox' in argv and '$SANDBOX_PORT' in argv")
    [ $OWN_PG = 1 ] || return 0
    PG_PORT=$(sed -n 's/.*started a throwaway PostgreSQL on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$RUN_LOG")
    [ -n "$PG_PORT" ] || return 0
    PG_PID=$(pids_matching "argv[0].endswith('postgres') and argv[argv.index('-p') + 1:][:1] == ['$PG_PORT'] if '-p' in argv else False")
    [ "$(wc -w <<<"$PG_PID")" = 1 ] || return 0
    PG_DATA=$(tr '\0' '\n' <"/proc/$PG_PID/cmdline" | sed -n '/^-D$/{n;p}')
}

now() { date +%s%N; }
secs() { echo $((($2 - $1 + 500000000) / 1000000000)); } # start end (ns) -> rounded s

# --- start --------------------------------------------------------------------
log "starting make run (HTTP $HTTP_PORT, sandbox $SANDBOX_PORT, log $RUN_LOG)"
t0=$(now)
# In its own session and process group, so SIGINT can go to the group as a
# terminal's Ctrl-C would, and with SIGINT's default action (a background job of
# a script inherits SIGINT ignored, and bash cannot trap a signal ignored on
# entry); no inherited make jobserver.
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL "$PYTHON_BIN" -c '
import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.setsid()
os.execvp(sys.argv[1], sys.argv[1:])' make -C "$REPO_ROOT" run >"$RUN_LOG" 2>&1 </dev/null &
MAKE_PID=$!

login=000
deadline=$((SECONDS + START_TIMEOUT))
while [ $SECONDS -lt $deadline ]; do
    alive "$MAKE_PID" || fail "make run exited before the login page answered"
    login=$(http_status "http://127.0.0.1:$HTTP_PORT/web/login")
    [ "$login" = 200 ] && break
    sleep 1
done
[ "$login" = 200 ] || fail "no login page (HTTP $login) on port $HTTP_PORT within ${START_TIMEOUT}s"
t_login=$(secs "$t0" "$(now)")

# --- the demo is configured ---------------------------------------------------------
grep -q '^LinkedIn sandbox configured: [1-9][0-9]* seats' "$RUN_LOG" \
    || fail "the log has no 'LinkedIn sandbox configured: N seats' line (configure_demo.py)"
sandbox=$(http_status "http://127.0.0.1:$SANDBOX_PORT/_sandbox/fixtures")
[ "$sandbox" = 200 ] || fail "the sandbox on port $SANDBOX_PORT answers HTTP $sandbox"

# --- loopback only ------------------------------------------------------------------
for port in "$HTTP_PORT" "$SANDBOX_PORT"; do
    addrs=$(listeners "$port" | sort -u | tr '\n' ' ')
    [ "$addrs" = "127.0.0.1 " ] || fail "port $port: listening on '${addrs% }', expected 127.0.0.1 only"
done

# --- the processes of this run --------------------------------------------------------
find_run_pids
[ "$(wc -w <<<"$ODOO_PID")" = 1 ] || fail "expected one Odoo process of this run, found '${ODOO_PID}'"
[ "$(wc -w <<<"$SANDBOX_PID")" = 1 ] || fail "expected one sandbox process, found '${SANDBOX_PID}'"
if [ $OWN_PG = 1 ]; then
    [ -n "$PG_PORT" ] || fail "the log does not say which PostgreSQL port the run started"
    [ "$(wc -w <<<"$PG_PID")" = 1 ] || fail "expected one postmaster on port $PG_PORT, found '${PG_PID}'"
fi

# --- stop -----------------------------------------------------------------------------
log_lines=$(wc -l <"$RUN_LOG")
t1=$(now)
if [ "$SIGNAL" = INT ]; then
    kill -INT -- "-$MAKE_PID" # the whole process group, like Ctrl-C on a terminal
else
    kill -TERM "$MAKE_PID" # make passes SIGTERM on to the recipe
fi
deadline=$((SECONDS + STOP_TIMEOUT))
left=""
while [ $SECONDS -lt $deadline ]; do
    left=""
    for p in "make:$MAKE_PID" "Odoo:$ODOO_PID" "sandbox:$SANDBOX_PID" ${PG_PID:+"PostgreSQL:$PG_PID"}; do
        alive "${p#*:}" && left+=" ${p%%:*}"
    done
    [ -z "$left" ] && break
    sleep 0.1
done
t_stop=$(secs "$t1" "$(now)")
[ -z "$left" ] || fail "still running ${STOP_TIMEOUT}s after SIG$SIGNAL:$left"
wait "$MAKE_PID" 2>/dev/null || true
MAKE_PID=""
# The run's other processes: the group is empty (PostgreSQL has its own session).
[ -z "$(pids_matching "'$BUILD_DIR/odoo-demo.conf' in argv")" ] || fail "an Odoo process of the run is left"
if [ $OWN_PG = 1 ]; then
    [ -z "$(listeners "$PG_PORT")" ] || fail "PostgreSQL port $PG_PORT still listens"
    [ ! -e "$PG_DATA" ] || fail "the throwaway cluster $PG_DATA was not removed"
fi
for port in "$HTTP_PORT" "$SANDBOX_PORT"; do
    [ -z "$(listeners "$port")" ] || fail "port $port still listens after the stop"
done

# --- the log after the stop -------------------------------------------------------------
after=$(tail -n +"$((log_lines + 1))" "$RUN_LOG")
# Odoo 17's own stop may print a cron thread's InterfaceError (odoo/odoo#96146):
# what must never appear is Odoo outliving its database.
bad=$(grep -E 'Connection refused|OperationalError|Forced shutdown' <<<"$after" || true)
[ -z "$bad" ] || fail "the log after SIG$SIGNAL has: $(head -3 <<<"$bad" | tr '\n' ' ')"
grep -q 'Initiating shutdown' <<<"$after" || fail "Odoo did not log a graceful shutdown after SIG$SIGNAL"
order=$(grep -oE 'Odoo stopped|sandbox stopped|PostgreSQL stopped' <<<"$after" | tr '\n' ',')
want="Odoo stopped,sandbox stopped,"
[ $OWN_PG = 0 ] || want+="PostgreSQL stopped,"
[ "$order" = "$want" ] || fail "stop order '${order%,}', expected '${want%,}'"

pg_note=""
[ $OWN_PG = 1 ] || pg_note=" (external PostgreSQL, left running)"
echo "make run: login 200 in $t_login s, listening on 127.0.0.1 only, stopped cleanly by SIG$SIGNAL in $t_stop s$pg_note"
