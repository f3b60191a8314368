"""Entity rules: people given two roles, names spelled two ways."""
from . import name_variant, title_conflict  # noqa: F401
