#!/usr/bin/env bash
# One Odoo series' tiers for `make test` (scripts/test.sh runs it once per
# series, with SERIES set): lint, tier 1 (plain pytest), tier 2 (real Odoo +
# PostgreSQL through pytest-odoo, on a fresh database where the addon is
# installed without demo data), tier 3 (browser tours in headless Chromium),
# crash safety, the production tier (Odoo in prefork mode with default
# limits), the upgrade of a previous release's database (where the series has
# one), an uninstall check and `make run` of this series from this checkout.
# Appends a row per tier to $RESULTS (see scripts/test_summary.py).
# REQUIRE_ODOO=1 turns a missing Odoo or browser into a failure.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/pg.sh"

REQUIRE_ODOO=${REQUIRE_ODOO:-0}
RESULTS=${RESULTS:?set by scripts/test.sh}
# The previous release of each series whose databases the upgrade tier
# upgrades in place (17.0.1.0.0); the other series have none yet.
declare -A UPGRADE_FROM=([17.0]=42bda82)
REPORTS=$BUILD_DIR/reports/$SERIES
rm -rf "$REPORTS" && mkdir -p "$REPORTS"

record() { # tier status passed failed skipped [note]
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$SERIES" "$1" "$2" "$3" "$4" "$5" "${6:-}" \
        >>"$RESULTS"
}

skip_tier() { # tier reason
    if [ "$REQUIRE_ODOO" = 1 ]; then
        record "$1" FAILED 0 1 0 "required but unavailable: $2"
    else
        record "$1" skipped 0 0 0 "$2"
    fi
}

junit_counts() { # file -> "passed failed skipped"
    "$VENV/bin/python" "$REPO_ROOT/scripts/junit_counts.py" "$1"
}

run_pytest_tier() { # tier junit-file strict-skips pytest-args...
    local tier=$1 xml=$2 strict=$3 rc counts passed failed skipped status=ok
    shift 3
    set +e
    "$@" --junitxml="$xml"
    rc=$?
    set -e
    read -r passed failed skipped <<<"$(junit_counts "$xml")"
    if [ "$rc" -ne 0 ] || [ "$failed" -gt 0 ]; then status=FAILED; fi
    if [ "$passed" -eq 0 ]; then status=FAILED; fi
    if [ "$strict" = 1 ] && [ "$skipped" -gt 0 ]; then status=FAILED; fi
    [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
    record "$tier" "$status" "$passed" "$failed" "$skipped"
}

cleanup() {
    if [ -n "${TEST_DB:-}" ] && pg_answers; then
        dropdb --if-exists "$TEST_DB" >/dev/null 2>&1 || true
        rm -rf "$BUILD_DIR/data/filestore/$TEST_DB"
    fi
    pg_stop
}
trap cleanup EXIT

# --- set-up -----------------------------------------------------------------
ODOO_OK=1 ODOO_REASON=""
if ! "$REPO_ROOT/scripts/ensure_odoo.sh"; then
    ODOO_OK=0 ODOO_REASON="no Odoo $SERIES source at $ODOO_SRC"
fi
"$REPO_ROOT/scripts/ensure_system.sh" || true
"$REPO_ROOT/scripts/ensure_venv.sh"
link_addon
cd "$REPO_ROOT"

# --- lint ---------------------------------------------------------------------
lint_status=ok
"$VENV/bin/ruff" check . || lint_status=FAILED
"$VENV/bin/ruff" format --check . || lint_status=FAILED
(cd "$ADDONS_DIR" && "$VENV/bin/pylint" --rcfile="$REPO_ROOT/.pylintrc-mandatory" \
    --valid-odoo-versions="$SERIES" "$ADDON_NAME") \
    || lint_status=FAILED
if [ $lint_status = ok ]; then record lint ok 1 0 0; else record lint FAILED 0 1 0; fi

# --- tier 1: plain Python ------------------------------------------------------------
run_pytest_tier "tier 1 (core)" "$REPORTS/tier1.xml" 1 \
    "$VENV/bin/pytest" -p no:odoo -p no:cacheprovider -q tests/core

# --- tiers 2 and 3: real Odoo ----------------------------------------------------------
if [ $ODOO_OK = 1 ] && ! pg_ensure; then
    ODOO_OK=0 ODOO_REASON="no PostgreSQL server could be reached or started"
fi
if [ $ODOO_OK = 0 ]; then
    skip_tier "tier 2 (odoo)" "$ODOO_REASON"
    skip_tier "tier 3 (browser)" "$ODOO_REASON"
    skip_tier "crash safety" "$ODOO_REASON"
    skip_tier "production" "$ODOO_REASON"
    skip_tier "upgrade" "$ODOO_REASON"
    skip_tier "uninstall" "$ODOO_REASON"
    skip_tier "make run" "$ODOO_REASON"
    exit 0
fi

TEST_DB=lrc_test_${SERIES//./_}_$$
CONF=$BUILD_DIR/odoo-test.conf
odoo_conf "$TEST_DB" "$(free_port)" > "$CONF"
ODOO=("$VENV/bin/python" "$ODOO_SRC/odoo-bin")
PYTEST_ODOO=(env PYTHONPATH="$ODOO_SRC" "$VENV/bin/pytest" -p no:cacheprovider -q
    --odoo-config="$CONF" --odoo-database="$TEST_DB" --odoo-http)
TESTS_DIR=$ADDONS_DIR/$ADDON_NAME/tests

log "installing $ADDON_NAME (without demo data) into a fresh database $TEST_DB"
if "${ODOO[@]}" -c "$CONF" -d "$TEST_DB" -i "$ADDON_NAME" --stop-after-init --log-level=warn \
        >"$REPORTS/install.log" 2>&1 \
        && ! grep -E ' (ERROR|CRITICAL) ' "$REPORTS/install.log" >/dev/null; then
    run_pytest_tier "tier 2 (odoo)" "$REPORTS/tier2.xml" 1 \
        "${PYTEST_ODOO[@]}" "$TESTS_DIR" --ignore="$TESTS_DIR/core" \
        --ignore-glob="$TESTS_DIR/test_tour_*.py"
    if browser_bin >/dev/null; then
        run_pytest_tier "tier 3 (browser)" "$REPORTS/tier3.xml" "$REQUIRE_ODOO" \
            "${PYTEST_ODOO[@]}" "$TESTS_DIR"/test_tour_*.py
    else
        skip_tier "tier 3 (browser)" "no Chromium found on PATH (apt-get install chromium)"
    fi
    if PYTHONPATH=$ODOO_SRC "$VENV/bin/python" "$REPO_ROOT/scripts/crash_test.py" \
            --config "$CONF" --template "$TEST_DB" >"$REPORTS/crash.log" 2>&1; then
        record "crash safety" ok 1 0 0 "$(grep -o 'killed=.*' "$REPORTS/crash.log")"
    else
        tail -20 "$REPORTS/crash.log" >&2
        record "crash safety" FAILED 0 1 0
    fi
    if PYTHONPATH=$ODOO_SRC "$VENV/bin/python" "$REPO_ROOT/scripts/production_test.py" \
            --config "$CONF" --template "$TEST_DB" --odoo-bin "$ODOO_SRC/odoo-bin" \
            >"$REPORTS/production.out" 2>&1; then
        record "production" ok 1 0 0 "$(grep -o 'production:.*' "$REPORTS/production.out")"
    else
        tail -20 "$REPORTS/production.out" >&2
        record "production" FAILED 0 1 0 "$(grep -o 'production:.*' "$REPORTS/production.out")"
    fi
    if [ -z "${UPGRADE_FROM[$SERIES]:-}" ]; then
        record "upgrade" n/a 0 0 0 "no earlier release on $SERIES"
    elif PYTHONPATH=$ODOO_SRC "$VENV/bin/python" "$REPO_ROOT/scripts/upgrade_test.py" \
            --config "$CONF" --odoo-bin "$ODOO_SRC/odoo-bin" \
            --previous "${UPGRADE_FROM[$SERIES]}" --repo "$REPO_ROOT" \
            >"$REPORTS/upgrade.out" 2>&1; then
        record "upgrade" ok 1 0 0 "$(grep -o '^upgrade:.*' "$REPORTS/upgrade.out")"
    else
        grep -E '^ +! ' "$REPORTS/upgrade.out" | head -30 >&2 || true
        tail -20 "$REPORTS/upgrade.out" >&2
        record "upgrade" FAILED 0 1 0 "$(grep -o '^upgrade:.*' "$REPORTS/upgrade.out")"
    fi
    if "${ODOO[@]}" shell -c "$CONF" -d "$TEST_DB" --log-level=warn --no-http \
            < "$REPO_ROOT/scripts/check_uninstall.py" >"$REPORTS/uninstall.log" 2>&1 \
            && grep -q '^UNINSTALL OK' "$REPORTS/uninstall.log"; then
        record uninstall ok 1 0 0
    else
        cat "$REPORTS/uninstall.log" >&2
        record uninstall FAILED 0 1 0
    fi
    # `make run` as a user runs it: login page, loopback only, orderly stop.
    if make_run=$(CHECK_RUN_LOG=$REPORTS/make-run.log bash "$REPO_ROOT/scripts/check_run.sh" \
            2>"$REPORTS/check_run.err"); then
        record "make run" ok 1 0 0 "$make_run"
    else
        cat "$REPORTS/check_run.err" >&2
        record "make run" FAILED 0 1 0 "${make_run:-make run: FAILED (see $REPORTS/make-run.log)}"
    fi
else
    grep -E ' (ERROR|CRITICAL) ' -A20 "$REPORTS/install.log" | head -60 >&2 || tail -40 "$REPORTS/install.log" >&2
    record "install" FAILED 0 1 0 "(see $REPORTS/install.log)"
fi
