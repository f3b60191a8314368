"""The rule engine: rule files name check kinds; importing this package registers every kind."""
from . import entity, quantity, temporal  # noqa: F401  (registers the check kinds)
from .registry import CHECKS, Hit, Params, check
from .rules import Rule, load_rules, select_rules

__all__ = ["CHECKS", "Hit", "Params", "Rule", "check", "load_rules", "select_rules"]
