"""Errors HipDesk expects and explains to the user in one sentence."""

from __future__ import annotations


class HipDeskError(Exception):
    """An expected failure with a message meant for the user (no traceback is shown)."""


class ValidationError(HipDeskError):
    """Input that breaks HipDesk's rules: a data file, an import file, a value typed in a field."""


class StorageError(HipDeskError):
    """Data that could not be written (the disk is full, the file turned read-only): nothing was kept."""
