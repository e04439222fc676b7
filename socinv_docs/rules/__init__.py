"""The rules: one module per rule, each with the same shape (rules/base.py), all of them
declared in rules/registry.py. This file imports nothing, so that importing one rule module
never runs the others."""
