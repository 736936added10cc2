# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Build the addon folder of one Odoo series from the repository root.

The repository root is the addon for the newest series (19.0). The older
series differ from it only in the XML syntax and the manifest version, which
this step rewrites, and in their overlay files (``series/<series>/``, some
generated from a shared file); every Python difference lives in ``compat.py``
(and, for 18.0's hr.candidate, in ``models/hr_candidate.py``).

Usage::

    python scripts/build_addon.py --series 17.0 \
        --out <addons dir>/linkedin_recruiter_connect

For the newest series the output is a plain copy. The files copied are the
repository's own (``git ls-files``: tracked and untracked but not ignored),
so build artefacts and caches never reach an addon folder.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

SERIES = ("17.0", "18.0", "19.0")
NEWEST = SERIES[-1]
ADDON = "linkedin_recruiter_connect"
# Odoo 17 calls list views "tree" (tag, view_mode, view type).
LIST_OPEN_TAG = re.compile(r"<list\b")
VIEW_MODE_FIELD = re.compile(r'(<field name="view_mode">)([^<]*)(</field>)')
# Odoo 17 runs a cron ``numbercall`` times, once by default.
CRON_RECORD = re.compile(
    r'(<record\b[^>]*model="ir\.cron"[^>]*>)(.*?)(</record>)', re.S
)
CRON_17_FIELDS = (
    '<field name="numbercall">-1</field>\n'
    '        <field name="doall" eval="False" />\n'
    "    "
)
# Groups of users and actions: ``group_ids`` since 19.0, ``groups_id`` before.
GROUP_IDS = re.compile(r"""(name=["']|\(["'])group_ids(["'])""")
MANIFEST_VERSION = re.compile(r'("version":\s*")' + re.escape(NEWEST) + r"\.")
# Per-series overlays: files under ``series/<series>/`` exist only in that
# series' folder; each is loaded just before the shared file it completes.
OVERLAY_DIR = "series"
SERIES_FILES = {
    "17.0": {
        "demo/hr_applicant_demo.xml": ["demo/hr_applicant_demo_subjects.xml"],
    },
    "18.0": {
        "views/hr_applicant_views.xml": ["views/hr_candidate_views.xml"],
        "demo/hr_applicant_demo.xml": ["demo/hr_applicant_demo_candidates.xml"],
    },
}
# In 18.0 the person is the candidate: its form gets what the applicant form
# gets, so its view is generated from the applicant's (see person_view), and
# the actions bound to the person bind to the candidate.
GENERATED_FILES = {
    "18.0": {"views/hr_candidate_views.xml": "views/hr_applicant_views.xml"},
}
PERSON_MODEL_REF = "hr_recruitment.model_hr_applicant"
CANDIDATE_MODEL_REF = "hr_recruitment.model_hr_candidate"
# The lists of people in the wizards show an application's job and stage; a
# candidate (18.0) shows its applications' instead (linkedin_applications).
PERSON_LIST_VIEWS = (
    "wizard/linkedin_disconnect_wizard_views.xml",
    "wizard/hr_applicant_merge_views.xml",
)
JOB_COLUMN = '<field name="job_id" />'
CANDIDATE_COLUMN = '<field name="linkedin_applications" />'
STAGE_COLUMN = re.compile(r'\n *<field name="stage_id" />(?=\n)')
APPLICANT_VIEW_NAMES = (
    ('id="hr_applicant_view_form"', 'id="hr_candidate_view_form"'),
    ('<field name="name">hr.applicant.', '<field name="name">hr.candidate.'),
    (
        '<field name="model">hr.applicant</field>',
        '<field name="model">hr.candidate</field>',
    ),
    (
        'ref="hr_recruitment.hr_applicant_view_form"',
        'ref="hr_recruitment.hr_candidate_view_form"',
    ),
)


def candidate_lists(text):
    """The wizards' lists of people ``text`` for candidates (18.0): their
    applications' jobs and stages instead of an application's."""
    if text.count(JOB_COLUMN) != 1:
        raise ValueError("no job column in a list of people")
    return STAGE_COLUMN.sub("", text.replace(JOB_COLUMN, CANDIDATE_COLUMN))


def person_view(text):
    """The candidate form's view (18.0) from the applicant form's ``text``:
    the same content, for hr.candidate's form."""
    for applicant, candidate in APPLICANT_VIEW_NAMES:
        if text.count(applicant) != 1:
            raise ValueError(f"{applicant} is not in the applicant view once")
        text = text.replace(applicant, candidate)
    return text


def transform_xml(text, series):
    """The newest series' XML ``text`` written for ``series``."""
    if series == "17.0":
        text = LIST_OPEN_TAG.sub("<tree", text).replace("</list>", "</tree>")
        text = VIEW_MODE_FIELD.sub(
            lambda match: (
                match.group(1)
                + ",".join(
                    "tree" if mode == "list" else mode
                    for mode in match.group(2).split(",")
                )
                + match.group(3)
            ),
            text,
        )
        text = CRON_RECORD.sub(
            lambda match: (
                match.group(1)
                + match.group(2).rstrip()
                + "\n        "
                + CRON_17_FIELDS
                + match.group(3)
            ),
            text,
        )
    if series != NEWEST:
        text = GROUP_IDS.sub(r"\1groups_id\2", text)
    if series == "18.0":
        text = text.replace(f'ref="{PERSON_MODEL_REF}"', f'ref="{CANDIDATE_MODEL_REF}"')
    return text


def transform_manifest(text, series):
    """The manifest ``text`` with ``series`` as its version's prefix and the
    series' own files listed before the shared files they complete."""
    built, count = MANIFEST_VERSION.subn(rf"\g<1>{series}.", text)
    if count != 1:
        raise ValueError(f"no {NEWEST}.x.y.z version in the manifest")
    for shared, extra in SERIES_FILES.get(series, {}).items():
        listed = f'"{shared}"'
        if built.count(listed) != 1:
            raise ValueError(f"{shared} is not listed once in the manifest")
        built = built.replace(listed, "".join(f'"{path}", ' for path in extra) + listed)
    return built


def source_files(source):
    """Paths (relative) of the repository's own files under ``source``."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=source,
        check=True,
        capture_output=True,
    ).stdout.decode()
    return sorted(
        path
        for path in listed.split("\0")
        if path
        and not path.startswith(".")
        and os.path.isfile(os.path.join(source, path))
    )


def remove(path):
    """Remove the previous build at ``path``; a symlink is unlinked, never
    followed."""
    if os.path.islink(path) or os.path.isfile(path):
        os.unlink(path)
    elif os.path.isdir(path):
        shutil.rmtree(path)


def series_files(files, series):
    """``(origin, path in the addon)`` of the ``series`` folder's files among
    the repository's ``files``: the shared ones, then the series' overlay."""
    overlay = f"{OVERLAY_DIR}/{series}/"
    shared = [(path, path) for path in files if not path.startswith(f"{OVERLAY_DIR}/")]
    own = [(path, path[len(overlay) :]) for path in files if path.startswith(overlay)]
    generated = [
        (origin, path)
        for path, origin in GENERATED_FILES.get(series, {}).items()
        if origin in files
    ]
    return shared + own + generated


def build(source, out, series):
    """Write the ``series`` addon of the repository at ``source`` to ``out``;
    return the number of files written."""
    if series not in SERIES:
        raise ValueError(f"unknown series {series!r}: one of {', '.join(SERIES)}")
    remove(out)
    files = series_files(source_files(source), series)
    for origin_path, path in files:
        target = os.path.join(out, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        origin = os.path.join(source, origin_path)
        if path == "__manifest__.py":
            with open(origin, encoding="utf-8") as handle:
                text = transform_manifest(handle.read(), series)
        elif path.endswith(".xml"):
            with open(origin, encoding="utf-8") as handle:
                text = transform_xml(handle.read(), series)
            if path in GENERATED_FILES.get(series, {}):
                text = person_view(text)
            elif series == "18.0" and path in PERSON_LIST_VIEWS:
                text = candidate_lists(text)
        else:
            shutil.copy2(origin, target)
            continue
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(text)
        shutil.copystat(origin, target)
    return len(files)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", required=True, choices=SERIES)
    parser.add_argument("--out", required=True, help="the addon folder to write")
    parser.add_argument(
        "--source", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    )
    args = parser.parse_args(argv)
    count = build(args.source, args.out, args.series)
    print(f"{ADDON} {args.series}: {count} files in {args.out}")


if __name__ == "__main__":
    sys.exit(main())
