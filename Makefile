# One entry point for developers, the README and CI. See README.md.
.PHONY: help setup test run bench screenshots i18n addon dist clean

help:
	@echo "make setup  - Odoo $$SERIES (default 19.0) source, its virtualenv, PostgreSQL and Chromium"
	@echo "make test   - every tier on every series present (SERIES=x.0: one); REQUIRE_ODOO=1 to forbid skips"
	@echo "make run    - demo database with the addon, Odoo on http://localhost:8069 (admin/admin)"
	@echo "make bench  - benchmark scripts (client, connect, sync); they print figures"
	@echo "make screenshots - README screenshots from the real UI (headless Chromium)"
	@echo "make i18n   - regenerate i18n/linkedin_recruiter_connect.pot"
	@echo "make addon SERIES=17.0|18.0|19.0 - build that series' addon folder in .build/addons-<series>/"
	@echo "make dist   - Apps zip and pip wheel of 17.0, 18.0 and 19.0 in .build/dist/"
	@echo "make clean  - remove build artefacts"

setup:
	bash scripts/setup.sh

test:
	bash scripts/test.sh

run:
	bash scripts/run.sh

bench:
	bash scripts/bench.sh

screenshots:
	bash scripts/screenshots.sh

i18n:
	bash scripts/i18n.sh

SERIES ?= 19.0
addon:
	python3 scripts/build_addon.py --series $(SERIES) --out .build/addons-$(SERIES)/linkedin_recruiter_connect

dist:
	python3 scripts/dist.py --out .build/dist

clean:
	rm -rf .build .pytest_cache .ruff_cache
