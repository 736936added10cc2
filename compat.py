# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What differs between the Odoo series this addon runs on, for Python.

The XML differences are rewritten by ``scripts/build_addon.py`` when the
folder of an older series is built; everything Python must know lives here.
"""

import threading

from odoo import release

SERIES = tuple(release.version_info[:2])
# The view type of list views in actions: "tree" until 17.0.
LIST_VIEW_MODE = "list" if SERIES >= (18, 0) else "tree"
# The groups of users and actions: "groups_id" until 18.0.
GROUPS_FIELD = "group_ids" if SERIES >= (19, 0) else "groups_id"
# hr.applicant's own subject line ("name"), gone since 18.0.
APPLICANT_HAS_NAME = SERIES < (18, 0)


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


def testing():
    """Whether Odoo is running tests (they share one cursor: never commit).

    Until 18.0 the test runner marks its thread ``testing``; 19.0 no longer
    does and only sets ``odoo.modules.module.current_test``.
    """
    if SERIES >= (19, 0):
        from odoo.modules import module

        return bool(module.current_test)
    return getattr(threading.current_thread(), "testing", False)
