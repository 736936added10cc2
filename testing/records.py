# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Create values of the records the tests and the test scripts make, as
their series spells them (no Odoo test machinery, so the scripts can import
it too), and the people they create.

The person connected to LinkedIn is ``PERSON_MODEL``: the applicant, in 18.0
the candidate, which has the applications.
"""

from .. import compat

PERSON_MODEL = compat.PERSON_MODEL
# An application's values that are its candidate's in 18.0 (with the
# LinkedIn link, linkedin_*); the company and archiving are both's.
CANDIDATE_FIELDS = frozenset(
    {"partner_name", "email_from", "partner_phone", "linkedin_profile", "partner_id"}
)
SHARED_FIELDS = frozenset({"company_id", "active"})


def applicant_values(partner_name, subject=None, **values):
    """``hr.applicant`` create values for the person ``partner_name``, with
    the subject line an application needs until 17.0 (``subject``, else
    "<name> application")."""
    if compat.APPLICANT_HAS_NAME:
        values.setdefault("name", subject or f"{partner_name} application")
    return dict(values, partner_name=partner_name)


def _is_candidate_field(name):
    return name in CANDIDATE_FIELDS or name.startswith("linkedin_")


def create_application(env, values):
    """A new ``hr.applicant`` of create ``values`` (see applicant_values).

    In 18.0 an application needs its candidate: one is created with the
    person's values (name, email, phone, profile, LinkedIn link) and the
    application's company, as the applicant form does it.
    """
    return create_applications(env, [values])


def create_applications(env, values_list):
    """New ``hr.applicant`` records of ``values_list``, in one batch (and
    their candidates in one, see create_application)."""
    if PERSON_MODEL != "hr.candidate" or any("candidate_id" in v for v in values_list):
        return env["hr.applicant"].create(values_list)
    candidates = env["hr.candidate"].create(
        [
            {
                name: value
                for name, value in values.items()
                if _is_candidate_field(name) or name in SHARED_FIELDS
            }
            for values in values_list
        ]
    )
    return env["hr.applicant"].create(
        [
            dict(
                {n: v for n, v in values.items() if not _is_candidate_field(n)},
                candidate_id=candidate.id,
            )
            for values, candidate in zip(values_list, candidates, strict=True)
        ]
    )


def person_of(applicant):
    """The person an application is of: the applicant itself, in 18.0 its
    candidate."""
    return applicant.candidate_id if PERSON_MODEL == "hr.candidate" else applicant


def applications_of(person):
    """The applications of ``person``: the applicant itself, in 18.0 the
    candidate's."""
    return person.applicant_ids if PERSON_MODEL == "hr.candidate" else person


def create_person(env, values):
    """The person (PERSON_MODEL) of a new application of ``values``."""
    return person_of(create_application(env, values))
