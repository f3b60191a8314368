"""Quantity rules: figures that disagree with each other or with their own arithmetic."""
from . import (  # noqa: F401  (registers the check kinds)
    change_arithmetic,
    conflict,
    headline_body,
    impossible_share,
    percent_sum,
    range_inverted,
    total_vs_parts,
)
