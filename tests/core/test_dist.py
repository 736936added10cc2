# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""``make dist``'s Apps zip (the wheels need the build env: scripts/dist.py
checks them itself)."""

import ast
import importlib.util
import os
import zipfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_spec = importlib.util.spec_from_file_location(
    "dist", os.path.join(REPO, "scripts", "dist.py")
)
dist = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dist)


def test_dev_only_paths():
    assert dist.is_dev_only("scripts/build_addon.py")
    assert dist.is_dev_only("Makefile") and dist.is_dev_only("tests/core/conftest.py")
    assert not dist.is_dev_only("tests/test_sync.py")
    assert not dist.is_dev_only("static/description/index.html")
    assert not dist.is_dev_only("Makefile.txt")


def test_the_17_zip_holds_the_17_addon_without_dev_files(tmp_path):
    addon_dir, files = dist.stage("17.0", str(tmp_path / "stage"))
    out = tmp_path / "out"
    out.mkdir()
    archive = dist.write_zip(addon_dir, files, str(out))

    assert os.path.basename(archive) == "linkedin_recruiter_connect-17.0.2.0.0.zip"
    with zipfile.ZipFile(archive) as handle:
        names = handle.namelist()
        manifest = ast.literal_eval(
            handle.read("linkedin_recruiter_connect/__manifest__.py").decode()
        )
    assert {name.split("/", 1)[0] for name in names} == {"linkedin_recruiter_connect"}
    assert manifest["version"] == "17.0.2.0.0"
    inside = {name.split("/", 1)[1] for name in names}
    for path in ("__init__.py", "static/description/icon.png", *manifest["data"]):
        assert path in inside, path
    # what the runtime imports, and the Odoo tests with the sandbox they start
    assert "linkedin_recruiter_connect/client.py" in inside
    assert "tests/__init__.py" in inside
    assert "linkedin_recruiter_sandbox/__init__.py" in inside
    for dev in ("scripts/", "benchmarks/", "docs/", "tests/core/", ".ci/", ".git"):
        assert not any(path.startswith(dev) for path in inside), dev
    for dev in ("Makefile", "setup.cfg", "requirements-dev.txt", ".ruff.toml"):
        assert dev not in inside, dev
