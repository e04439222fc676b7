"""Readers: open files safely and turn them into blocks with locations.

They know nothing of schemas or rules (DESIGN.md).
"""
