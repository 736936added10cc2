#!/usr/bin/env bash
# The project's one test command (`make test`): every tier on every Odoo
# series whose source is present (SERIES=18.0 make test: that one only), then
# one summary with a row per series and tier. scripts/test_series.sh runs one
# series' tiers: lint, tier 1 (plain pytest), tier 2 (real Odoo + PostgreSQL
# through pytest-odoo), tier 3 (browser tours in headless Chromium), crash
# safety, production (prefork, default limits), upgrade (where an earlier
# release exists), uninstall and `make run`.
# REQUIRE_ODOO=1 turns a missing Odoo source, PostgreSQL or browser into a
# failure (CI), so every series and tier must run.
REQUESTED_SERIES=${SERIES:-}
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/pg.sh"

REQUIRE_ODOO=${REQUIRE_ODOO:-0}
export REQUIRE_ODOO
RESULTS=$BUILD_DIR/reports/summary.tsv
mkdir -p "$(dirname "$RESULTS")" && : >"$RESULTS"
export RESULTS
trap pg_stop EXIT

if [ -n "$REQUESTED_SERIES" ]; then
    RUN_SERIES=("$REQUESTED_SERIES")
else
    RUN_SERIES=("${ALL_SERIES[@]}")
    # Each series finds its own source and venv under $LRC_HOME.
    unset ODOO_SRC VENV ADDONS_DIR
fi

"$REPO_ROOT/scripts/ensure_system.sh" || true
pg_ensure || log "no PostgreSQL server could be reached or started"

started=$SECONDS
for series in "${RUN_SERIES[@]}"; do
    series_started=$SECONDS
    log "==== Odoo $series ===="
    if ! SERIES=$series bash "$REPO_ROOT/scripts/test_series.sh"; then
        printf '%s\t(run)\tFAILED\t0\t1\t0\t%s\n' "$series" \
            "ended early: the tiers after its last row did not run" >>"$RESULTS"
    fi
    log "==== Odoo $series: $((SECONDS - series_started)) s ===="
done

"$PYTHON_BIN" "$REPO_ROOT/scripts/test_summary.py" "$RESULTS" \
    --require "${RUN_SERIES[@]}" --seconds $((SECONDS - started))
