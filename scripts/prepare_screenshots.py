# ruff: noqa: F821  (`env` is provided by `odoo-bin shell`)
# Run by scripts/screenshots.sh on the demo database: connect two "Jane Doe"
# applicants (duplicates: same email, same LinkedIn member), import their
# LinkedIn activity, and print the ids of the people (applicants, candidates
# in 18.0) the screenshots need, with their model.
import json

from odoo.addons.linkedin_recruiter_connect.testing.records import (
    PERSON_MODEL,
    applicant_values,
    create_person,
    person_of,
)

env = env(user=env.ref("base.user_admin"))
JANE = "urn:li:person:jane-doe"
PROFILE = "https://www.linkedin.com/in/jane-doe"

JOB = env.ref("linkedin_recruiter_connect.hr_job_demo_python_developer")

# The people (applicants, candidates in 18.0) whose forms are shown.
chatter = create_person(
    env,
    applicant_values(
        "Jane Doe",
        "Python Developer (connected)",
        email_from="jane.doe@example.com",
        job_id=JOB.id,
        stage_id=env.ref("hr_recruitment.stage_job1").id,
    ),
)
duplicate = create_person(
    env,
    applicant_values(
        "Jane Doe",
        "Backend Developer (duplicate application)",
        email_from="jane.doe@example.com",
        job_id=JOB.id,
        stage_id=env.ref("hr_recruitment.stage_job0").id,
    ),
)
for applicant in chatter | duplicate:
    applicant._linkedin_push_and_match(env.company.linkedin_backend_id)
    applicant._linkedin_connect_member(JANE, PROFILE)
env["linkedin.sync.run"]._sync_company(env.company, trigger="manual")
env.cr.commit()
print(
    "SCREENSHOT_IDS="
    + json.dumps(
        {
            "model": PERSON_MODEL,
            "jane": person_of(
                env.ref("linkedin_recruiter_connect.hr_applicant_demo_jane_doe")
            ).id,
            "john": person_of(
                env.ref("linkedin_recruiter_connect.hr_applicant_demo_john_smith")
            ).id,
            "chatter": chatter.id,
            "duplicate": duplicate.id,
        }
    )
)
