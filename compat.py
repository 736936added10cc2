# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What differs between the Odoo series this addon runs on, for Python.

The XML differences are rewritten by ``scripts/build_addon.py`` when the
folder of an older series is built; everything Python must know lives here.
"""

from odoo import release

SERIES = tuple(release.version_info[:2])
# The view type of list views in actions: "tree" until 17.0.
LIST_VIEW_MODE = "list" if SERIES >= (18, 0) else "tree"
# The groups of users and actions: "groups_id" until 18.0.
GROUPS_FIELD = "group_ids" if SERIES >= (19, 0) else "groups_id"
# hr.applicant's own subject line ("name"), gone since 18.0.
APPLICANT_HAS_NAME = SERIES < (18, 0)
# The applicant's phone numbers: a mobile one too until 17.0.
APPLICANT_PHONE_FIELDS = (
    ("partner_phone",) if SERIES >= (18, 0) else ("partner_phone", "partner_mobile")
)
# The applicant's button listing the person's other applications.
OTHER_APPLICATIONS_ACTION = {
    (17, 0): "action_applications_email",
    (18, 0): "action_open_other_applications",
}.get(SERIES, "action_open_applications")
# The users of a group: "user_ids" since 19.0.
GROUP_USERS_FIELD = "user_ids" if SERIES >= (19, 0) else "users"


def check_access(records, operation):
    """Raise AccessError unless the user may ``operation`` ``records``, by
    the access rights and the record rules (one call since 18.0, which
    deprecates the two separate checks)."""
    if SERIES >= (18, 0):
        records.check_access(operation)
    else:
        records.check_access_rights(operation)
        records.check_access_rule(operation)


def sql_constraints(namespace, **constraints):
    """Declare SQL constraints in a model's class body the way its series
    reads them.

    ``namespace`` is the class body's ``locals()``; ``constraints`` maps a
    name to ``(definition, message)``. From 19.0 each becomes a
    ``models.Constraint`` attribute (19.0 ignores ``_sql_constraints``, so
    exactly-once would be lost without a word); before, the
    ``_sql_constraints`` list. Either way the database constraint is named
    ``<table>_<name>``.
    """
    if SERIES >= (19, 0):
        from odoo import models

        for name, (definition, message) in constraints.items():
            namespace[f"_{name}"] = models.Constraint(definition, message)
    else:
        namespace["_sql_constraints"] = [
            (name, definition, message)
            for name, (definition, message) in constraints.items()
        ]
