#!/usr/bin/env bash
# `make bench`: run the benchmark scripts and print their figures. Plain
# benchmarks run directly; Odoo ones get a fresh database with the addon.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/pg.sh"

"$REPO_ROOT/scripts/setup.sh"
BENCH_DB=lrc_bench_$$
trap 'dropdb --if-exists "$BENCH_DB" >/dev/null 2>&1 || true; pg_stop' EXIT
cd "$REPO_ROOT"

echo "== benchmarks/bench_client.py"
"$VENV/bin/python" benchmarks/bench_client.py

pg_ensure
CONF=$BUILD_DIR/odoo-bench.conf
odoo_conf "$BENCH_DB" "$(free_port)" > "$CONF"
"$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$BENCH_DB" -i "$ADDON_NAME" \
    --stop-after-init --log-level=warn
echo "== benchmarks/bench_connect.py"
PYTHONPATH=$ODOO_SRC "$VENV/bin/python" benchmarks/bench_connect.py \
    -c "$CONF" -d "$BENCH_DB" --log-level=warn
echo "== benchmarks/bench_widget.py"
PYTHONPATH=$ODOO_SRC "$VENV/bin/python" benchmarks/bench_widget.py \
    -c "$CONF" -d "$BENCH_DB" --log-level=warn
echo "== benchmarks/bench_sync.py (several minutes)"
PYTHONPATH=$ODOO_SRC "$VENV/bin/python" benchmarks/bench_sync.py \
    --config "$CONF" --template "$BENCH_DB" ${BENCH_SYNC_SCALE:+--scale "$BENCH_SYNC_SCALE"} \
    ${BENCH_SYNC_LATENCY:+--latency "$BENCH_SYNC_LATENCY"}
