"""Temporal rules: dates against their weekdays, the calendar, the publication date and each other."""
from . import (  # noqa: F401  (registers the check kinds)
    elapsed_time,
    event_date_conflict,
    invalid_date,
    planned_before_publication,
    relative_date_mismatch,
    reported_after_publication,
    sequence,
    weekday_mismatch,
)
