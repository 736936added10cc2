# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "LinkedIn Recruiter Connect",
    "summary": "Connect applicants to LinkedIn Recruiter and import InMails "
    "and Recruiter Notes into the chatter",
    "version": "19.0.2.0.0",
    "category": "Human Resources/Recruitment",
    "website": "https://github.com/linkedin-recruiter-connect/linkedin_recruiter_connect",
    "author": "linkedin_recruiter_connect contributors",
    "license": "LGPL-3",
    "application": False,
    "installable": True,
    "depends": ["hr_recruitment"],
    "external_dependencies": {"python": ["requests"]},
    "data": [
        "security/ir.model.access.csv",
        "security/linkedin_security.xml",
        "views/hr_applicant_views.xml",
        "views/linkedin_contract_views.xml",
        "views/linkedin_seat_views.xml",
        "views/linkedin_sync_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/linkedin_match_wizard_views.xml",
        "wizard/linkedin_disconnect_wizard_views.xml",
        "wizard/hr_applicant_merge_views.xml",
        "views/linkedin_menus.xml",
        "data/ir_cron_data.xml",
    ],
    "post_init_hook": "post_init_hook",
    "demo": ["demo/hr_applicant_demo.xml"],
    "assets": {
        "web.assets_backend": [
            "linkedin_recruiter_connect/static/src/scss/*.scss",
            "linkedin_recruiter_connect/static/src/js/*.js",
            "linkedin_recruiter_connect/static/src/components/**/*",
        ],
        "web.assets_tests": [
            "linkedin_recruiter_connect/static/tests/tours/*.js",
        ],
    },
}
