"""``python -m hipdesk`` runs the ``hipdesk`` command."""

from __future__ import annotations

from hipdesk.cli import entry_point

entry_point()
