"""Rules: a registry plus one module per category."""

from disclint.rules.registry import CATEGORY_PREFIX, RuleSpec, all_rules, get_rule

__all__ = ["CATEGORY_PREFIX", "RuleSpec", "all_rules", "get_rule"]
