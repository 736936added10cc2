# ruff: noqa: F821  (`env` is provided by `odoo-bin shell`)
# Run through `odoo-bin shell`: uninstall the addon and check that it left
# nothing behind (records, views, menus, crons, columns).
module = env["ir.module.module"].search([("name", "=", "linkedin_recruiter_connect")])
assert module.state == "installed", module.state
module.button_immediate_uninstall()
env.invalidate_all()
leftovers = env["ir.model.data"].search_count(
    [("module", "=", "linkedin_recruiter_connect")]
)
env.cr.execute(
    "SELECT table_name, column_name FROM information_schema.columns "
    "WHERE column_name LIKE 'linkedin\\_%' AND column_name != 'linkedin_profile'"
)
columns = env.cr.fetchall()
env.cr.execute(
    "SELECT count(*) FROM ir_ui_view WHERE arch_fs LIKE 'linkedin_recruiter_connect/%'"
)
views = env.cr.fetchone()[0]
env.cr.execute("SELECT count(*) FROM ir_model WHERE model LIKE 'linkedin.%'")
models = env.cr.fetchone()[0]
problems = {"xmlids": leftovers, "columns": columns, "views": views, "models": models}
if leftovers or columns or views or models:
    print("UNINSTALL LEFTOVERS", problems)
else:
    print("UNINSTALL OK", problems)
env.cr.commit()
