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
