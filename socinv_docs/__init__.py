"""socinv-docs: completeness checks, registers and memos for social investment funds."""

__version__ = "0.1.0"
