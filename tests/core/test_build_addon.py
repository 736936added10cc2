# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The step that builds an older series' addon folder from the root (19.0)."""

import ast
import importlib.util
import os
import re

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_spec = importlib.util.spec_from_file_location(
    "build_addon", os.path.join(REPO, "scripts", "build_addon.py")
)
build_addon = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_addon)

LIST_VIEW = """<record id="x_view_tree" model="ir.ui.view">
    <field name="arch" type="xml">
        <list editable="bottom"><field name="name" /></list>
    </field>
</record>
<record id="x_action" model="ir.actions.act_window">
    <field name="view_mode">list,form</field>
    <field name="group_ids" eval="[(4, ref('base.group_user'))]" />
    <field name="domain" eval="[('group_ids', 'in', [1])]" />
</record>
"""
CRON = """<record id="x_cron" model="ir.cron">
        <field name="interval_number">1</field>
    </record>
"""


def test_17_gets_tree_views_and_groups_id():
    built = build_addon.transform_xml(LIST_VIEW, "17.0")
    assert '<tree editable="bottom">' in built and "</tree>" in built
    assert "<list" not in built and "</list>" not in built
    assert '<field name="view_mode">tree,form</field>' in built
    assert "group_ids" not in built
    assert 'name="groups_id"' in built and "('groups_id', 'in'" in built


def test_18_keeps_list_views_but_not_group_ids():
    built = build_addon.transform_xml(LIST_VIEW, "18.0")
    assert "<list editable" in built and "list,form" in built
    assert "group_ids" not in built


def test_19_is_the_source_itself():
    assert build_addon.transform_xml(LIST_VIEW + CRON, "19.0") == LIST_VIEW + CRON


def test_only_17_crons_need_numbercall():
    built = build_addon.transform_xml(CRON, "17.0")
    assert '<field name="numbercall">-1</field>' in built
    assert '<field name="doall" eval="False" />' in built
    assert built.index("interval_number") < built.index("numbercall")
    assert built.rstrip().endswith("</record>")
    assert "numbercall" not in build_addon.transform_xml(CRON, "18.0")


MANIFEST = (
    '{"version": "19.0.2.0.0", "data": ["views/hr_applicant_views.xml"], '
    '"demo": ["demo/hr_applicant_demo.xml"]}'
)


def test_manifest_version_takes_the_series():
    assert '"version": "18.0.2.0.0"' in build_addon.transform_manifest(MANIFEST, "18.0")
    with pytest.raises(ValueError, match="19.0.x.y.z"):
        build_addon.transform_manifest('{"version": "2.0.0"}', "18.0")


def test_a_series_loads_its_own_files_before_the_shared_ones():
    built = ast.literal_eval(build_addon.transform_manifest(MANIFEST, "17.0"))
    assert built["demo"] == [
        "demo/hr_applicant_demo_subjects.xml",
        "demo/hr_applicant_demo.xml",
    ]
    assert built["data"] == ["views/hr_applicant_views.xml"]
    built = ast.literal_eval(build_addon.transform_manifest(MANIFEST, "18.0"))
    assert built["demo"] == [
        "demo/hr_applicant_demo_candidates.xml",
        "demo/hr_applicant_demo.xml",
    ]
    assert built["data"] == [
        "views/hr_candidate_views.xml",
        "views/hr_applicant_views.xml",
    ]
    assert build_addon.transform_manifest(MANIFEST, "19.0") == MANIFEST
    with pytest.raises(ValueError, match="not listed once"):
        build_addon.transform_manifest('{"version": "19.0.2.0.0"}', "17.0")


def test_18_binds_the_person_actions_to_the_candidate():
    action = '<field name="binding_model_id" ref="hr_recruitment.model_hr_applicant" />'
    built = build_addon.transform_xml(action, "18.0")
    assert 'ref="hr_recruitment.model_hr_candidate"' in built
    for series in ("17.0", "19.0"):
        assert build_addon.transform_xml(action, series) == action


def test_18_candidate_form_gets_the_applicant_form_view():
    with open(os.path.join(REPO, "views", "hr_applicant_views.xml")) as handle:
        applicant_view = handle.read()
    built = build_addon.person_view(applicant_view)
    assert '<field name="model">hr.candidate</field>' in built
    assert 'ref="hr_recruitment.hr_candidate_view_form"' in built
    assert 'id="hr_candidate_view_form"' in built
    assert "hr.applicant" not in built and "hr_applicant" not in built
    # the buttons and badge are the applicant form's own
    assert built.count("action_linkedin_") == applicant_view.count("action_linkedin_")
    with pytest.raises(ValueError, match="not in the applicant view once"):
        build_addon.person_view("<odoo />")


def test_18_lists_of_candidates_show_their_applications():
    for path in build_addon.PERSON_LIST_VIEWS:
        with open(os.path.join(REPO, path)) as handle:
            built = build_addon.candidate_lists(handle.read())
        assert 'name="job_id"' not in built and 'name="stage_id"' not in built
        assert built.count('<field name="linkedin_applications" />') == 1
        assert '<field name="partner_name" string="Applicant" />' in built
    with pytest.raises(ValueError, match="no job column"):
        build_addon.candidate_lists("<list />")


def test_18_candidate_view_is_generated_and_listed_with_the_applicant_one(tmp_path):
    out = tmp_path / "linkedin_recruiter_connect"
    build_addon.build(REPO, str(out), "18.0")
    with open(out / "__manifest__.py") as handle:
        data = ast.literal_eval(handle.read())["data"]
    assert data.index("views/hr_candidate_views.xml") + 1 == data.index(
        "views/hr_applicant_views.xml"
    )
    assert (out / "views" / "hr_candidate_views.xml").read_text().count(
        "hr.candidate"
    ) == 2
    for series in ("17.0", "19.0"):
        other = tmp_path / series / "linkedin_recruiter_connect"
        build_addon.build(REPO, str(other), series)
        assert not (other / "views" / "hr_candidate_views.xml").exists()


def test_overlay_files_reach_only_their_series():
    files = ["models/a.py", "series/17.0/demo/x.xml", "series/18.0/views/y.xml"]
    assert build_addon.series_files(files, "17.0") == [
        ("models/a.py", "models/a.py"),
        ("series/17.0/demo/x.xml", "demo/x.xml"),
    ]
    assert build_addon.series_files(files, "19.0") == [("models/a.py", "models/a.py")]


@pytest.mark.parametrize("series", build_addon.SERIES)
def test_the_repository_builds_for_every_series(tmp_path, series):
    out = tmp_path / "linkedin_recruiter_connect"
    count = build_addon.build(REPO, str(out), series)

    own = build_addon.series_files(build_addon.source_files(REPO), series)
    assert count == len(own) > 100
    assert not (out / build_addon.OVERLAY_DIR).exists()
    with open(out / "__manifest__.py") as handle:
        manifest = ast.literal_eval(handle.read())
    assert manifest["version"].startswith(f"{series}.")
    for name in manifest["data"] + manifest["demo"]:
        with open(out / name) as handle:
            text = handle.read()
        if series == "17.0":
            assert not re.search(r"<list\b", text), name
        else:
            assert not re.search(r"<tree\b", text), name
    assert not any(path.startswith((".git", ".build")) for path in os.listdir(out))


def test_a_previous_build_or_symlink_is_replaced(tmp_path):
    out = tmp_path / "addon"
    out.symlink_to(REPO)
    build_addon.build(REPO, str(out), "17.0")
    assert not out.is_symlink()
    assert os.path.exists(os.path.join(REPO, "__manifest__.py")), "never followed"
    (out / "stale.txt").write_text("old")
    build_addon.build(REPO, str(out), "17.0")
    assert not (out / "stale.txt").exists()
