# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The exception taxonomy: retryable vs permanent, attributes."""

import pytest

from linkedin_recruiter_connect import errors


@pytest.mark.parametrize(
    ("cls", "retryable"),
    [
        (errors.AuthenticationError, False),
        (errors.IntegrationNotEnabledError, False),
        (errors.ThrottledError, True),
        (errors.RetryableError, True),
        (errors.BadRequestError, False),
        (errors.BadResponseError, False),
        (errors.InvalidRecordError, False),
    ],
)
def test_every_error_is_a_linkedin_error_with_its_retry_flag(cls, retryable):
    error = cls("boom")
    assert isinstance(error, errors.LinkedInError)
    assert error.retryable is retryable
    assert str(error) == "boom"
    assert error.status is None or cls is errors.ThrottledError


def test_throttled_carries_retry_after_and_429():
    error = errors.ThrottledError("slow down", retry_after=12.5)
    assert (error.status, error.retry_after, error.retryable) == (429, 12.5, True)


def test_bad_request_keeps_linkedin_message_and_status():
    error = errors.BadRequestError(
        "refused", status=422, linkedin_message="firstName is required"
    )
    assert (error.status, error.linkedin_message) == (422, "firstName is required")


def test_validation_error_names_field_and_record():
    error = errors.InvalidRecordError("bad", field="firstName", record="42")
    assert (error.field, error.record, error.status) == ("firstName", "42", None)


def test_retryable_can_be_overridden_per_instance():
    assert errors.LinkedInError("x", retryable=True).retryable is True
    assert errors.RetryableError("x", retryable=False).retryable is False
