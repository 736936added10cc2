# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Build the release artefacts of every Odoo series (``make dist``).

For each series, into ``--out`` (default ``.build/dist``):

- ``linkedin_recruiter_connect-<version>.zip``: one top-level folder,
  ``linkedin_recruiter_connect/``, the addon ``scripts/build_addon.py`` builds
  for that series, less the development files (``DEV_ONLY``); unpack it into
  a directory on Odoo's ``addons_path``.
- ``odoo_addon_linkedin_recruiter_connect-<version>-py3-none-any.whl``: the
  same folder as OCA publishes addons, built by whool (pinned in
  ``requirements-dist.txt``, installed into its own venv, ``.build/dist-env``)
  without network access; ``pip install`` puts it in ``odoo/addons/``.

``<version>`` is the built manifest's (``17.0.x.y.z`` for 17.0). The wheel's
metadata is checked after the build and its requirements printed.

Usage::

    python scripts/dist.py [--series 19.0 ...] [--out .build/dist]
"""

import argparse
import ast
import hashlib
import importlib.util
import os
import subprocess
import sys
import tempfile
import venv
import zipfile
from email.parser import HeaderParser

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
_spec = importlib.util.spec_from_file_location(
    "build_addon", os.path.join(HERE, "build_addon.py")
)
build_addon = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_addon)

ADDON = build_addon.ADDON
DIST_NAME = f"odoo-addon-{ADDON}"
REQUIREMENTS = os.path.join(REPO, "requirements-dist.txt")
# Development files, by path (a folder ends with "/"); dotfiles (.ci/,
# .ruff.toml, ...) never leave build_addon.py. tests/core is the plain-pytest
# tier, run from a checkout (it reads scripts/); the Odoo tests and the
# sandbox they start ship.
DEV_ONLY = (
    "scripts/",
    "benchmarks/",
    "docs/",
    "tests/core/",
    "Makefile",
    "setup.cfg",
    "requirements-dev.txt",
    "requirements-dist.txt",
)
PYPROJECT = """\
[build-system]
requires = ["{whool}"]
build-backend = "whool.buildapi"

[tool.whool]
# The manifest's version as it is, as for a release (no git history here).
post_version_strategy_override = "none"
"""


def is_dev_only(path):
    """Whether the addon-relative ``path`` is a development file."""
    return any(
        path.startswith(entry) if entry.endswith("/") else path == entry
        for entry in DEV_ONLY
    )


def stage(series, workdir, source=REPO):
    """Build the ``series`` addon in ``workdir/linkedin_recruiter_connect``,
    remove the development files; return the folder and its sorted files."""
    addon_dir = os.path.join(workdir, ADDON)
    build_addon.build(source, addon_dir, series)
    kept = []
    built = build_addon.series_files(build_addon.source_files(source), series)
    for _origin, path in built:
        if is_dev_only(path):
            os.unlink(os.path.join(addon_dir, path))
        else:
            kept.append(path)
    for root, dirs, _files in os.walk(addon_dir, topdown=False):
        for name in dirs:
            folder = os.path.join(root, name)
            if not os.listdir(folder):
                os.rmdir(folder)
    return addon_dir, kept


def manifest_version(addon_dir):
    """The ``version`` of the manifest in ``addon_dir``."""
    with open(os.path.join(addon_dir, "__manifest__.py"), encoding="utf-8") as fh:
        return ast.literal_eval(fh.read())["version"]


def write_zip(addon_dir, files, out_dir):
    """Zip ``files`` of ``addon_dir`` under a top folder named after the
    addon; return the zip's path."""
    target = os.path.join(out_dir, f"{ADDON}-{manifest_version(addon_dir)}.zip")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(os.path.join(addon_dir, path), f"{ADDON}/{path}")
    return target


def pinned(requirement_name, requirements=REQUIREMENTS):
    """The pinned line (``name==x.y``) of ``requirement_name``."""
    with open(requirements, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line.split("==", 1)[0].strip().lower() == requirement_name:
                return line
    raise ValueError(f"{requirement_name} is not pinned in {requirements}")


def ensure_build_env(env_dir, requirements=REQUIREMENTS):
    """A venv at ``env_dir`` holding exactly the pinned build tools; it is
    (re)installed when ``requirements`` changed. Return its Python."""
    python = os.path.join(env_dir, "bin", "python")
    stamp_path = os.path.join(env_dir, "requirements.sha256")
    with open(requirements, "rb") as fh:
        stamp = hashlib.sha256(fh.read()).hexdigest()
    if os.path.exists(stamp_path) and os.path.exists(python):
        with open(stamp_path, encoding="utf-8") as fh:
            if fh.read() == stamp:
                return python
    venv.create(env_dir, clear=True, with_pip=True)
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        + ["-r", requirements],
        check=True,
    )
    with open(stamp_path, "w", encoding="utf-8") as fh:
        fh.write(stamp)
    return python


def build_wheel(python, addon_dir, out_dir):
    """Build the wheel of ``addon_dir`` with whool from the build env's
    ``python``, offline; return the wheel's path.

    whool packages the files under git control: the staged folder becomes a
    repository of its own with every file added (never the checkout around a
    temporary directory, nor a commit)."""
    with open(os.path.join(addon_dir, "pyproject.toml"), "w", encoding="utf-8") as fh:
        fh.write(PYPROJECT.format(whool=pinned("whool")))
    git = ["git", "-C", addon_dir]
    subprocess.run(git + ["init", "--quiet"], check=True)
    subprocess.run(git + ["add", "--all"], check=True)
    before = set(os.listdir(out_dir))
    subprocess.run(
        [python, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check"]
        + ["--no-deps", "--no-build-isolation", "--no-index"]
        + ["--wheel-dir", out_dir, addon_dir],
        check=True,
    )
    (name,) = {n for n in os.listdir(out_dir) if n.endswith(".whl")} - before
    return os.path.join(out_dir, name)


def wheel_metadata(wheel):
    """The METADATA headers of ``wheel`` (an ``email.message.Message``)."""
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return HeaderParser().parsestr(archive.read(name).decode("utf-8"))


def odoo_requirement_fits(python, requires, series):
    """Whether ``requires`` asks for Odoo ``series`` and no other, as read by
    ``packaging`` in the build env's ``python`` (manifestoo-core writes
    ``odoo>=17.0a,<17.1dev`` for 17.0, ``odoo==18.0.*`` since)."""
    probe = (
        "import sys; from packaging.requirements import Requirement as R\n"
        "odoo = [R(r) for r in sys.argv[2:] if R(r).name == 'odoo']\n"
        "s = sys.argv[1]; other = str(float(s) + 1)\n"
        "sys.exit(not (len(odoo) == 1 and s in odoo[0].specifier\n"
        "    and other not in odoo[0].specifier))"
    )
    return subprocess.run([python, "-c", probe, series, *requires]).returncode == 0


def check_wheel(python, wheel, series, version):
    """Fail unless ``wheel`` is the ``series`` addon at ``version``, as OCA
    names and installs it; return its Requires-Dist lines."""
    metadata = wheel_metadata(wheel)
    requires = metadata.get_all("Requires-Dist") or []
    problems = []
    if metadata["Name"] != DIST_NAME:
        problems.append(f"name {metadata['Name']!r}")
    if metadata["Version"] != version:
        problems.append(f"version {metadata['Version']!r}, manifest {version!r}")
    if not odoo_requirement_fits(python, requires, series):
        problems.append(f"no requirement on odoo {series} alone in {requires}")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    prefix = f"odoo/addons/{ADDON}/"
    if prefix + "__manifest__.py" not in names:
        problems.append(f"no {prefix}__manifest__.py")
    if any(n.startswith(prefix) and is_dev_only(n[len(prefix) :]) for n in names):
        problems.append("development files inside")
    if problems:
        raise SystemExit(f"{os.path.basename(wheel)}: " + "; ".join(problems))
    return requires


def remove_previous(out_dir, version):
    """Remove the artefacts of ``version`` a previous run left in ``out_dir``."""
    for name in os.listdir(out_dir):
        if name.startswith((f"{ADDON}-{version}.", f"odoo_addon_{ADDON}-{version}-")):
            os.unlink(os.path.join(out_dir, name))


def dist(series, out_dir, python):
    """Build the zip and the wheel of ``series`` into ``out_dir``; return
    their paths and the wheel's requirements."""
    with tempfile.TemporaryDirectory(prefix=f"lrc-dist-{series}-") as workdir:
        addon_dir, files = stage(series, workdir)
        version = manifest_version(addon_dir)
        remove_previous(out_dir, version)
        archive = write_zip(addon_dir, files, out_dir)
        wheel = build_wheel(python, addon_dir, out_dir)
    return archive, wheel, check_wheel(python, wheel, series, version)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--series", action="append", choices=build_addon.SERIES, default=[]
    )
    parser.add_argument("--out", default=os.path.join(REPO, ".build", "dist"))
    parser.add_argument("--build-env", default=os.path.join(REPO, ".build", "dist-env"))
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    python = ensure_build_env(args.build_env)
    for series in args.series or build_addon.SERIES:
        archive, wheel, requires = dist(series, args.out, python)
        for path in (archive, wheel):
            print(f"{path}  {os.path.getsize(path):,} bytes")
        print("    Requires-Dist: " + ", ".join(requires))


if __name__ == "__main__":
    sys.exit(main())
