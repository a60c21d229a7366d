"""Accords: a register of who committed to what in diplomatic statements and visit reports."""

__version__ = "0.1.0"
