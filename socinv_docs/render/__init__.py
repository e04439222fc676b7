"""Renderers: every output is drawn from the report objects (DESIGN.md)."""
