# ruff: noqa: F821  (`env` is provided by `odoo-bin shell`)
# Run through `odoo-bin shell`: uninstall the addon and check that it left
# nothing behind (records, views, menus, crons, models, columns).
ADDON = "linkedin_recruiter_connect"

module = env["ir.module.module"].search([("name", "=", ADDON)])
assert module.state == "installed", module.state
module.button_immediate_uninstall()
env.invalidate_all()


def count(query):
    env.cr.execute(query)
    return env.cr.fetchone()[0]


problems = {
    "xmlids": env["ir.model.data"].search_count([("module", "=", ADDON)]),
    "views": count(f"SELECT count(*) FROM ir_ui_view WHERE arch_fs LIKE '{ADDON}/%'"),
    "models": count("SELECT count(*) FROM ir_model WHERE model LIKE 'linkedin.%'"),
    "tables": count(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_name LIKE 'linkedin\\_%'"
    ),
    "crons": count("SELECT count(*) FROM ir_cron WHERE cron_name LIKE 'LinkedIn%'"),
    "menus": count(
        "SELECT count(*) FROM ir_ui_menu WHERE name->>'en_US' LIKE '%LinkedIn%'"
    ),
    "messages": count(
        "SELECT count(*) FROM mail_message WHERE model LIKE 'linkedin.%'"
    ),
    "activities": count(
        "SELECT count(*) FROM mail_activity WHERE res_model LIKE 'linkedin.%'"
    ),
    "columns": count(
        "SELECT count(*) FROM information_schema.columns "
        "WHERE column_name LIKE 'linkedin\\_%' AND column_name != 'linkedin_profile'"
    ),
}
verdict = "LEFTOVERS" if any(problems.values()) else "OK"
print(f"UNINSTALL {verdict}", problems)
env.cr.commit()
