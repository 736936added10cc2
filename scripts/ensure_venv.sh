#!/usr/bin/env bash
# Build (or reuse) the virtualenv at $VENV with Odoo's requirements (when the
# Odoo source is there) and the project's dev requirements. Re-installs only
# when a requirements file changed.
source "$(dirname "$0")/common.sh"

mkdir -p "$LRC_HOME"
odoo_reqs=$LRC_HOME/odoo-requirements-$SERIES.txt
if [ -f "$ODOO_SRC/requirements.txt" ]; then
    # python-ldap needs system headers and only serves auth_ldap; psycopg2
    # builds from source while psycopg2-binary ships a wheel.
    grep -v -i '^python-ldap' "$ODOO_SRC/requirements.txt" \
        | sed -E 's/^psycopg2==/psycopg2-binary==/' > "$odoo_reqs"
else
    log "no Odoo source at $ODOO_SRC: installing only what tier 1 needs"
    echo "requests==2.31.0" > "$odoo_reqs"
fi

stamp=$(cat "$odoo_reqs" "$REPO_ROOT/requirements-dev.txt" | sha256sum | cut -c1-16)
if [ -f "$VENV/.lrc-stamp" ] && [ "$(cat "$VENV/.lrc-stamp")" = "$stamp" ]; then
    exit 0
fi
log "installing Python packages into $VENV (a few minutes the first time)"
# Some pinned sdists (cbor2 5.4.2) only build with a setuptools that still
# ships pkg_resources; pip >= 25.3 takes build constraints apart.
build_constraints=$LRC_HOME/build-constraints.txt
echo "setuptools<75" > "$build_constraints"
export PIP_CONSTRAINT=$build_constraints PIP_BUILD_CONSTRAINT=$build_constraints
[ -x "$VENV/bin/python" ] || "$PYTHON_BIN" -m venv "$VENV"
pip_install() { "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$@"; }
pip_install --upgrade pip wheel
pip_install -r "$odoo_reqs" -r "$REPO_ROOT/requirements-dev.txt"
echo "$stamp" > "$VENV/.lrc-stamp"
