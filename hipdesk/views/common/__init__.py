"""Widgets, models and helpers that more than one page uses."""
